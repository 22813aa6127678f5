"""CloudEvents headers on claimwire's output events, and the trace context carried through. No Kafka.

claimwire publishes its events in CloudEvents 1.0 *binary mode* as the Kafka protocol binding
defines it: the record value stays the plain JSON event, and the event's attributes travel as
headers `ce_specversion`, `ce_id`, `ce_source`, `ce_type`, `ce_time`, `ce_subject`,
`ce_dataschema`, with the media type in `content-type`. Any CloudEvents SDK, Knative's Kafka source
or a Dapr binding reads them without knowing claimwire's own `claimwire.*` headers.

The attributes are deterministic, so a replay publishes the same headers as the first run:

- `ce_id` is the claim id or the tracked event's id, which consumers already de-duplicate on;
- `ce_time` is when the reported figure was published (the item's `published_at`), else when its
  input record reached Kafka; only an item with neither gets the time it was processed;
- `ce_dataschema` is the `$id` of the event's JSON Schema in `schemas/`.

W3C trace context (`traceparent`, and `tracestate` with it) is copied from the input record to every
event made from it, so a trace started by the feed's producer continues through claimwire.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from worker.schema_ids import CLAIM_EVENT_SCHEMA_ID, TRACKED_EVENT_SCHEMA_ID
from worker.track.events import TrackedEvent

Header = tuple[str, bytes]

SPEC_VERSION = b"1.0"
JSON_CONTENT_TYPE = b"application/json"
CONTENT_TYPE_HEADER = "content-type"

# `ce_source` names the producing context (a URI reference); `ce_source` + `ce_id` is unique.
WORKER_SOURCE = "urn:claimwire:worker"
TRACKER_SOURCE = "urn:claimwire:tracker"
CLAIM_EVENT_TYPE = "claimwire.claim.extracted.v1"
TRACKED_EVENT_TYPE_PREFIX = "claimwire.series."
TRACKED_EVENT_TYPE_SUFFIX = ".v1"

TRACEPARENT = "traceparent"
TRACESTATE = "tracestate"
# W3C Trace Context level 1: version-traceid-parentid-flags in lower-case hex; version ff and
# all-zero ids are invalid, and a receiver must not propagate an invalid traceparent.
TRACEPARENT_FORMAT = re.compile(
    r"(?!ff)(?P<version>[0-9a-f]{2})-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}"
)
# Header values longer than this are not trace context but noise; W3C bounds tracestate at 512 chars.
MAX_TRACESTATE_BYTES = 512


def _rfc3339(moment: datetime) -> bytes:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z").encode()


def event_time(
    published_at: datetime | None, record_timestamp_ms: int, now: Callable[[], datetime]
) -> datetime:
    """The occurrence time: publication, else the input record's Kafka timestamp, else now."""
    if published_at is not None:
        return published_at
    if record_timestamp_ms > 0:
        return datetime.fromtimestamp(record_timestamp_ms / 1000, UTC)
    return now()


def trace_headers(incoming: Sequence[Header]) -> list[Header]:
    """The W3C trace context of an input record, to copy onto what is made from it.

    Only a well-formed `traceparent` is carried; `tracestate` goes with it and never alone, as the
    W3C recommendation asks of anything that forwards trace context.
    """
    found = dict(reversed(incoming))  # the first occurrence of each name wins
    parent = found.get(TRACEPARENT)
    if parent is None or not TRACEPARENT_FORMAT.fullmatch(parent.decode("ascii", "replace")):
        return []
    headers: list[Header] = [(TRACEPARENT, parent)]
    state = found.get(TRACESTATE)
    if state is not None and len(state) <= MAX_TRACESTATE_BYTES:
        headers.append((TRACESTATE, state))
    return headers


def cloudevent_headers(  # noqa: PLR0913  keyword-only: one argument per CloudEvents attribute
    *,
    event_id: str,
    event_type: str,
    source: str,
    time: datetime,
    subject: str,
    dataschema: str,
) -> list[Header]:
    """The binary-mode CloudEvents headers of one JSON event."""
    return [
        ("ce_specversion", SPEC_VERSION),
        ("ce_id", event_id.encode("utf-8", "replace")),
        ("ce_source", source.encode()),
        ("ce_type", event_type.encode()),
        ("ce_time", _rfc3339(time)),
        ("ce_subject", subject.encode("utf-8", "replace")),
        ("ce_dataschema", dataschema.encode()),
        (CONTENT_TYPE_HEADER, JSON_CONTENT_TYPE),
    ]


def claim_event_headers(
    *, claim_id: str, item_id: str, time: datetime, incoming: Sequence[Header]
) -> list[Header]:
    """CloudEvents and trace headers of a claim event (its subject is the wire item)."""
    headers = cloudevent_headers(
        event_id=claim_id,
        event_type=CLAIM_EVENT_TYPE,
        source=WORKER_SOURCE,
        time=time,
        subject=item_id,
        dataschema=CLAIM_EVENT_SCHEMA_ID,
    )
    return headers + trace_headers(incoming)


def tracked_event_type(kind: str) -> str:
    """`claimwire.series.value_updated.v1` and so on: one CloudEvents type per kind of event."""
    return f"{TRACKED_EVENT_TYPE_PREFIX}{kind}{TRACKED_EVENT_TYPE_SUFFIX}"


def tracked_event_headers(
    *, event_id: str, kind: str, series_key: str, time: datetime, incoming: Sequence[Header]
) -> list[Header]:
    """CloudEvents and trace headers of a tracked event (its subject is the series)."""
    headers = cloudevent_headers(
        event_id=event_id,
        event_type=tracked_event_type(kind),
        source=TRACKER_SOURCE,
        time=time,
        subject=series_key,
        dataschema=TRACKED_EVENT_SCHEMA_ID,
    )
    return headers + trace_headers(incoming)


def tracked_headers(event: TrackedEvent, incoming: Sequence[Header]) -> list[Header]:
    """The headers of a tracked event made from a claim record with headers `incoming`."""
    return tracked_event_headers(
        event_id=event.event_id,
        kind=event.event,
        series_key=event.series.key,
        time=event.current.published_at,
        incoming=incoming,
    )
