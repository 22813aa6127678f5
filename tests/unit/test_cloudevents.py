"""CloudEvents binary-mode headers and trace context on claim and tracked events (no broker)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from worker.cloudevents import (
    CLAIM_EVENT_TYPE,
    TRACKER_SOURCE,
    WORKER_SOURCE,
    claim_event_headers,
    event_time,
    trace_headers,
    tracked_headers,
)
from worker.records import InputRecord
from worker.runtime.processor import RecordProcessor
from worker.schemagen import DEFAULT_OUT
from worker.track.events import TrackedEvent

TRACEPARENT = b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
TRACESTATE = b"vendor1=opaque-value,vendor2=another"

# Written for these tests: a claim with a source, a number and a publication time.
ITEM = {
    "id": "harbour-7",
    "source": "test-feed",
    "published_at": "2026-05-04T08:30:00Z",
    "body": "At least 40 dock workers were injured in the crane collapse, the port authority said.",
}


def as_dict(headers: list[tuple[str, bytes]]) -> dict[str, bytes]:
    names = [name for name, _ in headers]
    assert len(names) == len(set(names)), f"duplicate header names: {names}"
    return dict(headers)


def claim_messages(
    headers: tuple[tuple[str, bytes], ...] = (), *, published: bool = True, timestamp_ms: int = -1
) -> list[dict[str, bytes]]:
    item = dict(ITEM) if published else {k: v for k, v in ITEM.items() if k != "published_at"}
    value = json.dumps(item).encode()
    result = RecordProcessor(output_topic="claims", dlq_topic="dlq").process(
        InputRecord("wire", 0, 3, None, value, headers, timestamp_ms)
    )
    assert result.failure is None and result.messages
    return [as_dict(message.headers) for message in result.messages]


def schema_id(file_name: str) -> bytes:
    document = json.loads((DEFAULT_OUT / file_name).read_text(encoding="utf-8"))
    return str(document["$id"]).encode()


def test_claim_events_carry_the_required_cloudevents_attributes() -> None:
    for headers in claim_messages():
        assert headers["ce_specversion"] == b"1.0"
        assert headers["ce_id"] == headers["claimwire.claim.id"]
        assert headers["ce_source"] == WORKER_SOURCE.encode()
        assert headers["ce_type"] == CLAIM_EVENT_TYPE.encode()
        assert headers["ce_subject"] == b"harbour-7"
        assert headers["ce_time"] == b"2026-05-04T08:30:00.000Z"
        assert headers["ce_dataschema"] == schema_id("claim_event.schema.json")
        assert headers["content-type"] == b"application/json"


def test_an_item_without_publication_time_takes_the_record_timestamp() -> None:
    [headers] = claim_messages(published=False, timestamp_ms=1_780_000_000_250)
    assert headers["ce_time"] == b"2026-05-28T20:26:40.250Z"


def test_event_time_falls_back_to_the_clock_only_without_any_timestamp() -> None:
    clock = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    published = datetime(2025, 12, 31, tzinfo=UTC)
    assert event_time(published, 1_000, lambda: clock) == published
    assert event_time(None, -1, lambda: clock) == clock


def test_the_same_record_gives_the_same_headers_on_replay() -> None:
    assert claim_messages(timestamp_ms=5) == claim_messages(timestamp_ms=5)


def test_trace_context_is_copied_from_the_input_record() -> None:
    [headers] = claim_messages((("traceparent", TRACEPARENT), ("tracestate", TRACESTATE)))
    assert headers["traceparent"] == TRACEPARENT
    assert headers["tracestate"] == TRACESTATE


@pytest.mark.parametrize(
    "traceparent",
    [
        b"00-00000000000000000000000000000000-00f067aa0ba902b7-01",  # all-zero trace id
        b"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",  # all-zero parent id
        b"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",  # forbidden version
        b"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",  # upper-case hex
        b"not a trace header",
    ],
)
def test_a_malformed_traceparent_and_its_tracestate_are_not_forwarded(traceparent: bytes) -> None:
    assert trace_headers([("traceparent", traceparent), ("tracestate", TRACESTATE)]) == []


def test_tracestate_alone_is_not_forwarded() -> None:
    assert trace_headers([("tracestate", TRACESTATE)]) == []


def test_the_first_traceparent_wins_when_a_record_repeats_it() -> None:
    other = b"00-11111111111111111111111111111111-2222222222222222-00"
    assert trace_headers([("traceparent", TRACEPARENT), ("traceparent", other)]) == [
        ("traceparent", TRACEPARENT)
    ]


def test_a_time_without_zone_is_read_as_utc() -> None:
    headers = as_dict(
        claim_event_headers(claim_id="c", item_id="i", time=datetime(2026, 7, 1, 12, 0), incoming=())
    )
    assert headers["ce_time"] == b"2026-07-01T12:00:00.000Z"


def tracked_event() -> TrackedEvent:
    point = {
        "claim_id": "claim-b",
        "item_id": "harbour-8",
        "value": 52.0,
        "qualifier": "lower_bound",
        "published_at": "2026-05-05T09:00:00Z",
    }
    series = {
        "key": "v1|injured|dock workers||port authority",
        "subject_key": "v1|injured|dock workers|",
        "source": "port authority",
        "category": "injured",
        "counted": "dock workers",
        "place": "",
    }
    return TrackedEvent.model_validate(
        {
            "event": "value_updated",
            "event_id": "ev-123",
            "series": series,
            "claim_ids": ["claim-b", "claim-a"],
            "current": point,
            "previous": {**point, "claim_id": "claim-a", "value": 40.0},
            "delta": 12.0,
        }
    )


def test_tracked_events_name_their_kind_series_and_schema() -> None:
    event = tracked_event()
    headers = as_dict(tracked_headers(event, [("traceparent", TRACEPARENT)]))
    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_id"] == b"ev-123"
    assert headers["ce_source"] == TRACKER_SOURCE.encode()
    assert headers["ce_type"] == b"claimwire.series.value_updated.v1"
    assert headers["ce_subject"] == event.series.key.encode()
    assert headers["ce_time"] == b"2026-05-05T09:00:00.000Z"
    assert headers["ce_dataschema"] == schema_id("tracked_event.schema.json")
    assert headers["content-type"] == b"application/json"
    assert headers["traceparent"] == TRACEPARENT
