"""One input record in, the messages to publish out: claim events, or one dead letter. No Kafka here.

This is the per-record half of the worker, shared with `claimwire replay` so that a replay decodes,
extracts and publishes exactly as the live worker does:

    processor = RecordProcessor(output_topic="claims.extracted", dlq_topic="wire.raw.dlq")
    result = processor.process(InputRecord(topic, partition, offset, key, value, headers, timestamp_ms))
    for message in result.messages:
        send(message.topic, message.key, message.value, message.headers)

Claim events are keyed by subject (`worker.track.keys.partition_key`: v2|country|category family) so
every source's figure for one thing stays in order on one partition for the tracker. An item with no
claims yields no messages and is not an error. A record that cannot be decoded or validated, or
whose extraction raises, yields one dead letter carrying its original bytes and the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from worker import __version__
from worker.ingest.decode import decode_item
from worker.ingest.errors import ItemDecodeError
from worker.kafka.deadletter import ITEM_ID, Header, dead_letter_headers, source_headers
from worker.models import CLAIM_SCHEMA_VERSION, ClaimEvent, WireItem
from worker.pipeline import Skip, extract_item
from worker.track.keys import partition_key

SCHEMA_VERSION_HEADER = "claimwire.schema.version"
CLAIM_ID_HEADER = "claimwire.claim.id"
CONTENT_TYPE_HEADER = "content-type"
JSON_CONTENT_TYPE = b"application/json"

EXTRACTOR_ERROR = "extractor_error"


@dataclass(slots=True, frozen=True)
class InputRecord:
    """A consumed wire record, independent of the client library that fetched it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Sequence[Header] = ()
    timestamp_ms: int = -1

    def default_item_id(self) -> str:
        """The id of an item that carries none: stable for the record, so replays give the same ids."""
        return f"{self.topic}:{self.partition}:{self.offset}"


@dataclass(slots=True, frozen=True)
class OutgoingMessage:
    """A message to publish, already serialised."""

    topic: str
    key: bytes | None
    value: bytes
    headers: list[Header]


@dataclass(slots=True, frozen=True)
class Failure:
    """Why a record became a dead letter. `reason` is short and stable: it labels metrics."""

    reason: str
    error: BaseException


@dataclass(slots=True)
class ProcessedRecord:
    """The outcome for one record: the item (when it decoded), its events and the messages to send."""

    record: InputRecord
    item: WireItem | None = None
    events: list[ClaimEvent] = field(default_factory=list)
    messages: list[OutgoingMessage] = field(default_factory=list)
    failure: Failure | None = None
    skipped: Skip | None = None  # passed over without extraction (an item not in English)

    @property
    def item_id(self) -> str | None:
        return self.item.id if self.item is not None else None

    @property
    def dead_lettered(self) -> bool:
        return self.failure is not None


class RecordProcessor:
    """Decode, extract and serialise one record; never raises for bad input."""

    __slots__ = ("dlq_topic", "output_topic", "worker_version")

    def __init__(self, *, output_topic: str, dlq_topic: str, worker_version: str = __version__) -> None:
        self.output_topic = output_topic
        self.dlq_topic = dlq_topic
        self.worker_version = worker_version

    def process(self, record: InputRecord) -> ProcessedRecord:
        result = ProcessedRecord(record)
        try:
            result.item = decode_item(record.value or b"", default_id=record.default_item_id())
        except ItemDecodeError as exc:
            return self._dead_letter(result, Failure(exc.reason, exc), item_id=exc.item_id)
        try:
            extraction = extract_item(result.item)
            result.events, result.skipped = extraction.events, extraction.skipped
        except Exception as exc:  # one bad item must not stop the partition
            return self._dead_letter(result, Failure(EXTRACTOR_ERROR, exc), item_id=result.item.id)
        result.messages = [self.claim_message(record, event) for event in result.events]
        return result

    def claim_message(self, record: InputRecord, event: ClaimEvent) -> OutgoingMessage:
        """A claim event as published: JSON value, subject key, provenance headers."""
        headers = source_headers(record.topic, record.partition, record.offset)
        headers.append((ITEM_ID, event.item_id.encode("utf-8", "replace")))
        headers.append((CLAIM_ID_HEADER, event.claim_id.encode()))
        headers.append((SCHEMA_VERSION_HEADER, str(CLAIM_SCHEMA_VERSION).encode()))
        headers.append((CONTENT_TYPE_HEADER, JSON_CONTENT_TYPE))
        return OutgoingMessage(
            topic=self.output_topic,
            key=partition_key(event),
            value=event.model_dump_json().encode("utf-8"),
            headers=headers,
        )

    def _dead_letter(
        self, result: ProcessedRecord, failure: Failure, *, item_id: str | None
    ) -> ProcessedRecord:
        record = result.record
        result.failure = failure
        result.events = []
        headers = dead_letter_headers(
            record.headers,
            reason=failure.reason,
            error=failure.error,
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            timestamp_ms=record.timestamp_ms,
            item_id=item_id,
            worker_version=self.worker_version,
        )
        # A tombstone (no value) is kept as an empty value: Kafka needs a key or a value.
        result.messages = [OutgoingMessage(self.dlq_topic, record.key, record.value or b"", headers)]
        return result
