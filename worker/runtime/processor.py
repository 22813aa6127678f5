"""One input record in, the messages to publish out: claim events, or one dead letter. No Kafka client here.

This is the per-record half of the worker, shared with `claimwire replay` so that a replay decodes,
extracts and publishes exactly as the live worker does:

    processor = RecordProcessor(output_topic="claims.extracted", dlq_topic="wire.raw.dlq")
    result = processor.process(InputRecord(topic, partition, offset, key, value, headers, timestamp_ms))
    for message in result.messages:
        send(message.topic, message.key, message.value, message.headers)

Claim events are keyed by subject (`worker.track.keys.partition_key`: v8|country|category family) so
every source's figure for one thing stays in order on one partition for the tracker. An item with no
claims yields no messages and is not an error. A record that cannot be decoded or validated, or
whose extraction raises or breaks a limit (`worker.limits`), yields one dead letter carrying its
original bytes and the reason. Every output is checked against the size its topic accepts: an item
whose claim event would not fit is dead-lettered (`output_too_large`), and a dead letter that would
not fit the dead-letter topic is replaced by a truncated one that says so, never refused by the broker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from worker import __version__
from worker.cloudevents import claim_event_headers, event_time
from worker.deadletter import ITEM_ID, dead_letter_headers, source_headers
from worker.ingest.decode import decode_item
from worker.ingest.errors import ItemDecodeError
from worker.limits import DEFAULT_LIMITS, ItemLimits, LimitExceeded
from worker.models import CLAIM_SCHEMA_VERSION, ClaimEvent, WireItem
from worker.pipeline import Skip, extract_item
from worker.records import Header, InputRecord, OutgoingMessage
from worker.track.keys import partition_key

SCHEMA_VERSION_HEADER = "claimwire.schema.version"
CLAIM_ID_HEADER = "claimwire.claim.id"
# On a dead letter cut to fit its topic: "<original value bytes> <original headers dropped>".
TRUNCATED_HEADER = "claimwire.dead_letter.truncated"

EXTRACTOR_ERROR = "extractor_error"
OUT_OF_MEMORY = "out_of_memory"
OUTPUT_TOO_LARGE = "output_too_large"
# Bytes a Kafka record costs beyond its key, value and header bytes (record batch v2 framing and
# varints, per record and per header), rounded up generously.
RECORD_OVERHEAD_BYTES = 128
HEADER_OVERHEAD_BYTES = 10
# A truncated dead letter keeps at most this much of the key.
TRUNCATED_KEY_BYTES = 1024


def message_bytes(key: bytes | None, value: bytes, headers: Sequence[Header]) -> int:
    """What one message costs against a topic's `max.message.bytes` (an upper estimate)."""
    header_bytes = sum(len(name.encode("utf-8", "replace")) + len(data) for name, data in headers)
    return (
        RECORD_OVERHEAD_BYTES
        + len(key or b"")
        + len(value)
        + header_bytes
        + HEADER_OVERHEAD_BYTES * len(headers)
    )


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
    truncated: bool = False  # the dead letter was cut to fit the dead-letter topic

    @property
    def item_id(self) -> str | None:
        return self.item.id if self.item is not None else None

    @property
    def dead_lettered(self) -> bool:
        return self.failure is not None


class RecordProcessor:
    """Decode, extract and serialise one record; never raises for bad input.

    `max_claim_bytes` and `max_dead_letter_bytes` are what the output and dead-letter topics accept
    (None: no check); `limits` bound the work on one item.
    """

    __slots__ = (
        "dlq_topic",
        "limits",
        "max_claim_bytes",
        "max_dead_letter_bytes",
        "output_topic",
        "value_prefix",
        "worker_version",
    )

    def __init__(  # noqa: PLR0913  keyword-only settings, each named at the call site
        self,
        *,
        output_topic: str,
        dlq_topic: str,
        worker_version: str = __version__,
        value_prefix: bytes = b"",
        limits: ItemLimits = DEFAULT_LIMITS,
        max_claim_bytes: int | None = None,
        max_dead_letter_bytes: int | None = None,
    ) -> None:
        self.output_topic = output_topic
        self.dlq_topic = dlq_topic
        self.worker_version = worker_version
        # The schema registry's wire-format frame of every claim event (worker.registry), or b"".
        self.value_prefix = value_prefix
        self.limits = limits
        self.max_claim_bytes = max_claim_bytes
        self.max_dead_letter_bytes = max_dead_letter_bytes

    def process(self, record: InputRecord) -> ProcessedRecord:
        result = ProcessedRecord(record)
        item_id: str | None = None
        try:
            result.item = decode_item(
                record.value or b"", default_id=record.default_item_id(), limits=self.limits
            )
            item_id = result.item.id
            extraction = extract_item(result.item, self.limits)
            result.events, result.skipped = extraction.events, extraction.skipped
            result.messages = [self.claim_message(record, event) for event in result.events]
        except ItemDecodeError as exc:
            return self._dead_letter(result, Failure(exc.reason, exc), item_id=exc.item_id)
        except LimitExceeded as exc:
            return self._dead_letter(result, Failure(exc.reason, exc), item_id=item_id)
        except MemoryError as exc:
            return self._dead_letter(result, Failure(OUT_OF_MEMORY, exc), item_id=item_id)
        except Exception as exc:  # one bad item must not stop the partition
            return self._dead_letter(result, Failure(EXTRACTOR_ERROR, exc), item_id=item_id)
        if self.max_claim_bytes is not None:
            largest = max((self._size(message) for message in result.messages), default=0)
            if largest > self.max_claim_bytes:
                error = LimitExceeded(
                    "output_too_large",
                    f"a claim event of {largest} bytes; {self.output_topic} accepts {self.max_claim_bytes}",
                )
                return self._dead_letter(result, Failure(OUTPUT_TOO_LARGE, error), item_id=item_id)
        return result

    def settings(self) -> dict[str, Any]:
        """The keyword arguments that rebuild this processor (in an extraction child)."""
        return {name: getattr(self, name) for name in self.__slots__}

    def dead_letter(self, record: InputRecord, reason: str, error: BaseException) -> ProcessedRecord:
        """A record's dead letter for a failure seen outside `process` (a child that died or hung)."""
        return self._dead_letter(ProcessedRecord(record), Failure(reason, error), item_id=None)

    @staticmethod
    def _size(message: OutgoingMessage) -> int:
        return message_bytes(message.key, message.value, message.headers)

    def claim_message(self, record: InputRecord, event: ClaimEvent) -> OutgoingMessage:
        """A claim event as published: JSON value, subject key, provenance and CloudEvents headers."""
        headers = source_headers(record.topic, record.partition, record.offset)
        headers.append((ITEM_ID, event.item_id.encode("utf-8", "replace")))
        headers.append((CLAIM_ID_HEADER, event.claim_id.encode()))
        headers.append((SCHEMA_VERSION_HEADER, str(CLAIM_SCHEMA_VERSION).encode()))
        headers += claim_event_headers(
            claim_id=event.claim_id,
            item_id=event.item_id,
            time=event_time(event.published_at, record.timestamp_ms, lambda: datetime.now(UTC)),
            incoming=record.headers,
        )
        return OutgoingMessage(
            topic=self.output_topic,
            key=partition_key(event),
            value=self.value_prefix + event.model_dump_json().encode("utf-8"),
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
        letter = OutgoingMessage(self.dlq_topic, record.key, record.value or b"", headers)
        if self.max_dead_letter_bytes is not None and self._size(letter) > self.max_dead_letter_bytes:
            letter = self._truncated(letter, len(record.headers))
            result.truncated = True
        result.messages = [letter]
        return result

    def _truncated(self, letter: OutgoingMessage, original_headers: int) -> OutgoingMessage:
        """The dead letter cut to fit its topic: the original headers dropped, the key cut, the value
        cut to what is left, and a header saying what was removed."""
        assert self.max_dead_letter_bytes is not None
        key = letter.key[:TRUNCATED_KEY_BYTES] if letter.key is not None else None
        headers = letter.headers[original_headers:]
        note = f"{len(letter.value)} {original_headers}".encode()
        headers.append((TRUNCATED_HEADER, note))
        room = self.max_dead_letter_bytes - message_bytes(key, b"", headers)
        return OutgoingMessage(letter.topic, key, letter.value[: max(room, 0)], headers)
