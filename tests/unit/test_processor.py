"""The per-record path shared by the worker and replay: claim events with provenance, or one dead letter."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from worker import __version__
from worker import deadletter as dl
from worker.models import ClaimEvent, Evidence, WireItem
from worker.pipeline import Extraction, process_item
from worker.records import InputRecord
from worker.runtime import processor as processor_module
from worker.runtime.processor import CLAIM_ID_HEADER, EXTRACTOR_ERROR, SCHEMA_VERSION_HEADER, RecordProcessor
from worker.track.keys import partition_key

ITEM = {
    "id": "wire-1",
    "source": "test-feed",
    "published_at": "2026-03-01T10:00:00Z",
    "headline": "Flooding in the delta",
    "body": (
        "At least 25 people were killed and 300 were displaced by floods, the health ministry said on Monday."
    ),
}


def record(
    value: bytes | None, *, offset: int = 7, headers: tuple[tuple[str, bytes], ...] = ()
) -> InputRecord:
    return InputRecord("wire.raw", 2, offset, b"k1", value, headers, 1_772_359_200_000)


def processor() -> RecordProcessor:
    return RecordProcessor(output_topic="claims.out", dlq_topic="wire.dlq", worker_version="9.9.9")


def headers_of(pairs: list[tuple[str, bytes]]) -> dict[str, bytes]:
    return dict(pairs)


def fake_event(item: WireItem, n: int, *, category: str = "killed") -> ClaimEvent:
    return ClaimEvent(
        claim_id=f"claim-{n}",
        item_id=item.id,
        extractor_version="test",
        value=float(n),
        qualifier="exact",
        quantity_text=str(n),
        counted="people",
        category=category,  # type: ignore[arg-type]
        location="Delta",
        evidence=Evidence(sentence="s", start=0, end=1),
    )


def test_claim_messages_equal_process_item_on_the_same_item() -> None:
    result = processor().process(record(json.dumps(ITEM).encode()))
    expected = process_item(WireItem.model_validate(ITEM))
    assert result.failure is None
    assert result.item_id == "wire-1"
    assert [m.value for m in result.messages] == [e.model_dump_json().encode() for e in expected]
    assert [m.key for m in result.messages] == [partition_key(e) for e in expected]
    assert all(m.topic == "claims.out" for m in result.messages)


def test_each_claim_message_is_keyed_by_subject_and_names_its_source_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        processor_module,
        "extract_item",
        lambda item, _limits: Extraction(events=[fake_event(item, 1), fake_event(item, 2)]),
    )
    result = processor().process(record(json.dumps(ITEM).encode()))
    assert len(result.messages) == 2
    first = result.messages[0]
    assert first.key == partition_key(fake_event(result.item, 1))  # type: ignore[arg-type]
    assert first.key == result.messages[1].key  # same subject, same key, same partition
    assert json.loads(first.value)["claim_id"] == "claim-1"
    headers = headers_of(first.headers)
    assert headers[dl.SOURCE_TOPIC] == b"wire.raw"
    assert headers[dl.SOURCE_PARTITION] == b"2"
    assert headers[dl.SOURCE_OFFSET] == b"7"
    assert headers[dl.ITEM_ID] == b"wire-1"
    assert headers[CLAIM_ID_HEADER] == b"claim-1"
    assert headers[SCHEMA_VERSION_HEADER] == b"1"


def test_an_item_without_claims_yields_no_messages_and_is_not_a_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(processor_module, "extract_item", lambda item, _limits: Extraction())
    result = processor().process(record(json.dumps(ITEM).encode()))
    assert result.failure is None
    assert result.messages == []
    assert not result.dead_lettered


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"{not json", "invalid_json"),
        (b"\xff\xfe\x00garbage", "not_utf8"),
        (b"", "empty_body"),
        (None, "empty_body"),
        (b"[1, 2]", "wrong_shape"),
    ],
)
def test_undecodable_records_become_one_dead_letter_with_the_original_bytes(
    value: bytes | None, reason: str
) -> None:
    original_headers = (("trace-id", b"abc"),)
    result = processor().process(record(value, headers=original_headers))
    assert result.dead_lettered
    assert result.failure is not None
    assert result.failure.reason == reason
    assert result.events == []
    [letter] = result.messages
    assert letter.topic == "wire.dlq"
    assert letter.key == b"k1"
    assert letter.value == (value or b"")
    assert letter.headers[0] == ("trace-id", b"abc")
    headers = headers_of(letter.headers)
    assert headers[dl.ERROR_REASON] == reason.encode()
    assert headers[dl.ERROR_CLASS] == b"worker.ingest.errors.ItemDecodeError"
    assert headers[dl.ERROR_MESSAGE]
    assert headers[dl.SOURCE_TOPIC] == b"wire.raw"
    assert headers[dl.SOURCE_PARTITION] == b"2"
    assert headers[dl.SOURCE_OFFSET] == b"7"
    assert headers[dl.SOURCE_TIMESTAMP_MS] == b"1772359200000"
    assert headers[dl.WORKER_VERSION] == b"9.9.9"


def test_an_invalid_item_is_dead_lettered() -> None:
    result = processor().process(record(json.dumps({"id": "x", "body": 42}).encode()))
    assert result.failure is not None
    assert result.failure.reason == "wrong_shape"
    assert headers_of(result.messages[0].headers)[dl.ERROR_REASON] == b"wrong_shape"


def test_an_extractor_exception_is_dead_lettered_with_the_item_id(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(item: WireItem, limits: object = None) -> Extraction:
        raise ZeroDivisionError("division by zero in a rule")

    monkeypatch.setattr(processor_module, "extract_item", explode)
    raw = json.dumps(ITEM).encode()
    result = processor().process(record(raw))
    assert result.failure is not None
    assert result.failure.reason == EXTRACTOR_ERROR
    [letter] = result.messages
    assert letter.value == raw
    headers = headers_of(letter.headers)
    assert headers[dl.ERROR_CLASS] == b"builtins.ZeroDivisionError"
    assert headers[dl.ERROR_MESSAGE] == b"division by zero in a rule"
    assert headers[dl.ITEM_ID] == b"wire-1"


def test_an_item_without_id_takes_a_stable_id_from_its_record() -> None:
    body = {k: v for k, v in ITEM.items() if k != "id"}
    first = processor().process(record(json.dumps(body).encode(), offset=41))
    again = processor().process(record(json.dumps(body).encode(), offset=41))
    assert first.item_id == "wire.raw:2:41"
    assert [m.value for m in first.messages] == [m.value for m in again.messages]


def test_long_error_messages_are_truncated_in_headers() -> None:
    headers = dl.dead_letter_headers(
        [],
        reason="extractor_error",
        error=ValueError("x" * 5000),
        topic="t",
        partition=0,
        offset=1,
        timestamp_ms=5,
        item_id=None,
        worker_version=__version__,
    )
    message = headers_of(headers)[dl.ERROR_MESSAGE].decode()
    assert len(message) == dl.MAX_MESSAGE_CHARS
    assert dl.ITEM_ID not in headers_of(headers)


def test_published_at_survives_into_the_item() -> None:
    result = processor().process(record(json.dumps(ITEM).encode()))
    assert result.item is not None
    assert result.item.published_at == datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
