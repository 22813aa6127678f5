"""Bounds on one item (issue 13): every hostile shape ends as a named reason, never a crash or null."""

from __future__ import annotations

import io
import json
import math

import pytest
from pydantic import ValidationError

from worker import deadletter as dl
from worker.commands.extract import _extract
from worker.ingest.decode import decode_item, json_depth, parse_json
from worker.ingest.errors import ItemDecodeError
from worker.limits import ItemLimits, LimitExceeded
from worker.models import ClaimEvent, Evidence, WireItem
from worker.pipeline import ELLIPSIS, process_item
from worker.records import InputRecord
from worker.runtime.processor import TRUNCATED_HEADER, RecordProcessor, message_bytes


def envelope(body: str, **extra: object) -> bytes:
    return json.dumps({"id": "lim-1", "body": body, **extra}).encode()


def record(value: bytes, *, headers: tuple[tuple[str, bytes], ...] = ()) -> InputRecord:
    return InputRecord("wire.raw", 0, 5, b"key-5", value, headers, 1_700_000_000_000)


def processor(**kwargs: object) -> RecordProcessor:
    return RecordProcessor(output_topic="claims", dlq_topic="dlq", worker_version="9.9.9", **kwargs)  # type: ignore[arg-type]


def reason_of(result_value: bytes, proc: RecordProcessor | None = None) -> str | None:
    result = (proc or processor()).process(record(result_value))
    return result.failure.reason if result.failure is not None else None


# -- decoding (bug 1) ------------------------------------------------------------------------------


def test_an_integer_beyond_pythons_conversion_limit_is_refused_as_number_too_long() -> None:
    raw = envelope("Rain.").replace(b'"Rain."', b'"Rain.", "count": ' + b"8" * 4_500)
    with pytest.raises(ItemDecodeError) as caught:
        decode_item(raw)
    assert caught.value.reason == "number_too_long"
    assert reason_of(raw) == "number_too_long"


def test_a_long_float_literal_is_refused_too_but_ordinary_numbers_pass() -> None:
    assert parse_json(b'{"a": 12345678901234567890, "b": 3.25}') == {"a": 12345678901234567890, "b": 3.25}
    with pytest.raises(ItemDecodeError, match="number_too_long"):
        parse_json(b'{"a": 1.' + b"5" * 200 + b"}")


def test_nesting_past_the_parser_and_past_the_limit_are_both_too_deep() -> None:
    with pytest.raises(ItemDecodeError, match="too_deep"):
        parse_json("[" * 10_000 + "]" * 10_000)
    with pytest.raises(ItemDecodeError, match="too_deep"):
        parse_json('{"a":' * 70 + "1" + "}" * 70)
    assert parse_json('{"a":' * 5 + "1" + "}" * 5, ItemLimits(max_json_depth=5)) is not None


def test_json_depth_counts_containers_not_scalars() -> None:
    assert json_depth(3) == 0
    assert json_depth({"a": [1, {"b": []}]}) == 4


def test_the_item_size_limit_is_a_setting() -> None:
    raw = envelope("Officials said 4 people were hurt.")
    assert reason_of(raw, processor(limits=ItemLimits(max_item_bytes=20))) == "too_large"
    assert reason_of(raw) is None


def test_extract_prints_one_line_per_hostile_item_and_goes_on(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "items.jsonl"  # type: ignore[operator]
    good = json.dumps({"id": "fine", "body": "The council said 31 homes were flooded."})
    path.write_text(
        '{"id": "big", "body": "x", "n": '
        + "9" * 5_000
        + "}\n"
        + "[" * 10_000
        + "]" * 10_000
        + "\n"
        + good
        + "\n"
    )
    out, err = io.StringIO(), io.StringIO()
    assert _extract([str(path)], out, err) == 2
    lines = err.getvalue().splitlines()
    assert [line.split(": ")[2] for line in lines] == ["number_too_long", "too_deep"]
    assert "Traceback" not in err.getvalue()
    assert json.loads(out.getvalue())["item_id"] == "fine"


# -- sentences and evidence (bug 4) ----------------------------------------------------------------


def test_a_run_on_sentence_past_the_limit_is_refused_before_extraction() -> None:
    body = " ".join(["ferry"] * 3_000)
    with pytest.raises(LimitExceeded) as caught:
        process_item(WireItem(id="run-on", body=body))
    assert caught.value.reason == "sentence_too_long"
    assert reason_of(envelope(body)) == "sentence_too_long"


def test_a_sentence_that_is_a_list_of_numbers_is_refused() -> None:
    body = "Tallies were " + ", ".join(str(n) for n in range(7, 400, 3)) + "."
    with pytest.raises(LimitExceeded, match="too_many_numbers"):
        process_item(WireItem(id="table", body=body))


@pytest.mark.parametrize(
    ("body", "refused"),
    [
        # as many numbers as the length allows, packed as tight as words can be: one past the limit
        ("one two six ten one two", True),
        ("one two six ten 12 one", True),
        ("one,two,six,ten,1;2", True),
        # at the limit, and a sentence that cannot hold more by its length
        ("one two six ten 12", False),
        ("one two six ten", False),
    ],
)
def test_number_words_count_against_the_limit_however_tightly_packed(body: str, refused: bool) -> None:
    limits = ItemLimits(max_numbers_per_sentence=5)
    if refused:
        with pytest.raises(LimitExceeded, match="too_many_numbers"):
            process_item(WireItem(id="packed", body=body), limits)
    else:
        process_item(WireItem(id="packed", body=body), limits)


def test_an_ordinary_sentence_with_several_figures_is_not_limited() -> None:
    body = "Medics said 14 people died, 52 were hurt and three remain missing after the landslide."
    events = process_item(WireItem(id="ok", body=body))
    assert events
    assert all(ELLIPSIS not in event.evidence.sentence for event in events)


def test_evidence_is_a_window_around_the_figure_and_the_span_still_points_into_the_body() -> None:
    filler = " ".join(["along the coastal road"] * 40)
    body = f"Rescuers {filler} said 17 fishermen were missing {filler} on Tuesday."
    [event] = process_item(WireItem(id="long", body=body))
    assert body[event.evidence.start : event.evidence.end] == "17"
    sentence = event.evidence.sentence
    assert sentence.startswith(ELLIPSIS) and sentence.endswith(ELLIPSIS)
    assert len(sentence) <= 2 * 150 + len("17") + 2
    assert "said 17 fishermen were missing" in sentence


def test_evidence_of_many_claims_in_one_long_sentence_grows_linearly() -> None:
    parts = [f"{n} goats near the old mill" for n in range(10, 90)]
    body = "Farmers said they lost " + ", ".join(parts) + "."
    events = process_item(WireItem(id="goats", body=body))
    total = sum(len(event.evidence.sentence) for event in events)
    assert total <= len(events) * 310


# -- figures beyond float range (bug 7) ----------------------------------------------------------


def test_a_figure_beyond_float_range_is_dead_lettered_not_written_as_null() -> None:
    body = "Officials said 1" + ",000" * 120 + " people were evacuated."
    with pytest.raises(LimitExceeded, match="value_out_of_range"):
        process_item(WireItem(id="huge", body=body))
    result = processor().process(record(envelope(body)))
    assert result.failure is not None and result.failure.reason == "value_out_of_range"
    [letter] = result.messages
    assert dict(letter.headers)[dl.ERROR_REASON] == b"value_out_of_range"


def test_the_claim_event_model_refuses_infinity() -> None:
    with pytest.raises(ValidationError):
        ClaimEvent(
            claim_id="c",
            item_id="i",
            extractor_version="t",
            value=math.inf,
            qualifier="exact",
            quantity_text="many",
            category="other",
            evidence=Evidence(sentence="s", start=0, end=1),
        )


# -- outputs that fit their topics (bugs 2 and 3) -------------------------------------------------


def test_a_claim_too_large_for_its_topic_dead_letters_its_item() -> None:
    raw = envelope("Officials said 26 people were killed in the blast.")
    assert processor().process(record(raw)).messages[0].topic == "claims"
    result = processor(max_claim_bytes=300).process(record(raw))
    assert result.failure is not None and result.failure.reason == "output_too_large"
    [letter] = result.messages
    assert letter.topic == "dlq" and letter.value == raw


def test_a_dead_letter_too_large_for_its_topic_is_truncated_and_says_so() -> None:
    raw = b"\xff" * 5_000
    headers = (("trace", b"t" * 3_000),)
    proc = processor(max_dead_letter_bytes=2_000)
    result = proc.process(record(raw, headers=headers))
    assert result.truncated
    [letter] = result.messages
    assert message_bytes(letter.key, letter.value, letter.headers) <= 2_000
    assert raw.startswith(letter.value) and len(letter.value) > 500
    named = dict(letter.headers)
    assert named[TRUNCATED_HEADER] == b"5000 1"
    assert named[dl.ERROR_REASON] == b"not_utf8"
    assert "trace" not in named


def test_a_dead_letter_that_fits_is_byte_identical() -> None:
    raw = b"\xfe\xfa broken"
    result = processor(max_dead_letter_bytes=2_000).process(record(raw, headers=(("h", b"v"),)))
    assert not result.truncated
    assert result.messages[0].value == raw
    assert result.messages[0].headers[0] == ("h", b"v")
