"""The schema registry's wire format, settings and subjects, without a registry."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from worker.commands.schemas import subjects
from worker.records import InputRecord
from worker.registry import (
    FrameError,
    RegistryError,
    SchemaRegistryClient,
    SchemaRegistrySettings,
    claim_value_prefix,
    frame,
    payload,
    schema_text,
    unframe,
)
from worker.runtime.processor import RecordProcessor
from worker.schemagen import DEFAULT_OUT
from worker.settings import WorkerSettings
from worker.track.settings import TrackerSettings

ITEM = {"id": "mill-4", "body": "The mill laid off 85 workers last month, the union said."}


def test_a_framed_value_is_magic_byte_schema_id_and_json() -> None:
    framed = frame(258, b'{"a": 1}')
    assert framed == b"\x00\x00\x00\x01\x02" + b'{"a": 1}'
    assert unframe(framed) == (258, b'{"a": 1}')


@pytest.mark.parametrize("data", [b'{"a": 1}', b"\x00\x00", b"\x01\x00\x00\x00\x01{}"])
def test_unframe_refuses_what_is_not_framed(data: bytes) -> None:
    with pytest.raises(FrameError):
        unframe(data)


@pytest.mark.parametrize("schema_id", [-1, 2**31])
def test_schema_ids_outside_the_signed_32_bit_range_are_refused(schema_id: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        frame(schema_id, b"{}")


def test_payload_reads_framed_and_plain_json_alike() -> None:
    assert payload(frame(7, b'{"x": 2}')) == b'{"x": 2}'
    assert payload(b'{"x": 2}') == b'{"x": 2}'
    assert payload(b"") == b""


def test_the_worker_frames_claim_events_but_never_dead_letters() -> None:
    processor = RecordProcessor(output_topic="claims", dlq_topic="dlq", value_prefix=frame(9, b""))
    good = processor.process(InputRecord("wire", 0, 1, None, json.dumps(ITEM).encode()))
    assert good.messages
    for message in good.messages:
        schema_id, body = unframe(message.value)
        assert schema_id == 9
        assert json.loads(body)["item_id"] == "mill-4"
    bad = processor.process(InputRecord("wire", 0, 2, None, b"{oops"))
    assert [m.value for m in bad.messages] == [b"{oops"]


def test_without_wire_format_no_registry_is_asked() -> None:
    unreachable = SchemaRegistrySettings(url="http://127.0.0.1:1", wire_format=False)
    assert claim_value_prefix(unreachable, "claims.extracted") == b""


def test_wire_format_with_an_unreachable_registry_says_so() -> None:
    settings = SchemaRegistrySettings(url="http://127.0.0.1:1", wire_format=True, timeout_seconds=2)
    with pytest.raises(RegistryError, match="unreachable"):
        claim_value_prefix(settings, "claims.extracted")


def test_a_registry_url_must_be_http() -> None:
    with pytest.raises(ValidationError, match="http"):
        SchemaRegistrySettings(url="registry:8081")
    assert SchemaRegistrySettings(url="https://registry.internal/apis/ccompat/v7/").url == (
        "https://registry.internal/apis/ccompat/v7"
    )


def test_no_url_is_a_clear_error() -> None:
    with pytest.raises(RegistryError, match="CLAIMWIRE_SCHEMA_REGISTRY_URL"):
        SchemaRegistryClient.from_settings(SchemaRegistrySettings(url=None))


def test_subjects_follow_the_topic_settings() -> None:
    worker = WorkerSettings(input_topic="feeds.in", output_topic="figures.out", dlq_topic="feeds.dlq")
    tracker = TrackerSettings(output_topic="figures.tracked", changelog_topic="figures.state")
    assert subjects(worker, tracker) == [
        ("feeds.in-value", "wire_item.schema.json"),
        ("figures.out-value", "claim_event.schema.json"),
        ("claims.backfill-value", "claim_event.schema.json"),
        ("figures.tracked-value", "tracked_event.schema.json"),
        ("figures.state-value", "series_snapshot.schema.json"),
    ]


def test_registered_schemas_are_the_committed_files_without_reading_them() -> None:
    for file_name in ("wire_item.schema.json", "claim_event.schema.json", "tracked_event.schema.json"):
        assert schema_text(file_name) == (DEFAULT_OUT / file_name).read_text(encoding="utf-8")
