"""Kafka ends of `claimwire replay`: a topic range as a source, a topic as a sink.

The source never joins a consumer group: partitions are assigned by hand, there is no group id,
nothing is committed, so the live worker's group and its offsets are untouched. End offsets are
captured once at start; a replay stops there instead of chasing records produced while it runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

import kafka.errors
from kafka import KafkaConsumer, TopicPartition

from worker.kafka.config import consumer_options
from worker.kafka.errors import BrokerUnreachableError, KafkaAdapterError, ProduceError
from worker.kafka.producer import ClaimProducer
from worker.kafka.records import input_record
from worker.replay.checkpoint import Checkpoint, Position
from worker.replay.engine import SourceItem
from worker.replay.ranges import OffsetSpec, PartitionRange, epoch_millis, plan_ranges, resume_ranges
from worker.runtime.processor import InputRecord, OutgoingMessage
from worker.settings import KafkaConnectionSettings, WorkerSettings

POLL_TIMEOUT_MS = 500
MAX_POLL_RECORDS = 500


class TopicRangeError(KafkaAdapterError):
    """The topic or a partition asked for does not exist."""


def topic_source_name(topic: str) -> str:
    return f"topic:{topic}"


def partition_lane(partition: int) -> str:
    return f"partition {partition}"


class TopicSource:
    """Records of `[start, stop)` per partition of one topic, read without a consumer group."""

    def __init__(
        self,
        connection: KafkaConnectionSettings,
        topic: str,
        *,
        partitions: Sequence[int] | None = None,
        from_offsets: OffsetSpec | None = None,
        to_offsets: OffsetSpec | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        resume: Checkpoint | None = None,
        idle_timeout_seconds: float = 60.0,
        should_stop: Callable[[], bool] = lambda: False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.topic = topic
        self._idle_timeout = idle_timeout_seconds
        self._should_stop = should_stop
        self._clock = clock
        self._consumer = _consumer(connection)
        try:
            self.plan = self._plan(
                chosen=partitions,
                from_offsets=from_offsets,
                to_offsets=to_offsets,
                since=since,
                until=until,
                resume=resume,
            )
        except BaseException:
            self._consumer.close(autocommit=False)
            raise
        self._next = {r.partition: r.start for r in self.plan}
        self._stop = {r.partition: r.stop for r in self.plan}

    def lanes(self) -> dict[str, int | None]:
        return {partition_lane(r.partition): r.size for r in self.plan}

    def count(self) -> dict[str, int]:
        """The dry run: how many offsets each partition's range spans (records, bar gaps from
        compaction or transaction markers), found without fetching a record."""
        return {partition_lane(r.partition): r.size for r in self.plan}

    def items(self) -> Iterator[SourceItem[InputRecord]]:
        active = {TopicPartition(self.topic, r.partition) for r in self.plan if r.size > 0}
        if not active:
            return
        self._consumer.assign(sorted(active))
        for tp in active:
            self._consumer.seek(tp, self._next[tp.partition])
        last_progress = self._clock()
        while active and not self._should_stop():
            try:
                batches = self._consumer.poll(timeout_ms=POLL_TIMEOUT_MS, max_records=MAX_POLL_RECORDS)
            except kafka.errors.KafkaError as exc:
                raise BrokerUnreachableError(f"fetching from {self.topic} failed: {exc}") from exc
            for tp, records in batches.items():
                stop = self._stop[tp.partition]
                for r in records:
                    if r.offset >= stop:
                        break
                    last_progress = self._clock()
                    yield SourceItem(partition_lane(tp.partition), input_record(r))
            for tp in list(active):
                # Position, not the last record seen: the range may end in offsets that hold no
                # record (transaction markers, compacted keys).
                if self._consumer.position(tp) >= self._stop[tp.partition]:
                    self._next[tp.partition] = max(self._next[tp.partition], self._stop[tp.partition])
                    self._consumer.pause(tp)
                    active.discard(tp)
                    last_progress = self._clock()
            if active and self._clock() - last_progress > self._idle_timeout:
                raise BrokerUnreachableError(
                    f"no records from {self.topic} for {self._idle_timeout:.0f} s while "
                    f"{sorted(tp.partition for tp in active)} still had offsets to read"
                )

    def mark_done(self, item: SourceItem[InputRecord]) -> None:
        self._next[item.payload.partition] = item.payload.offset + 1

    def save_into(self, checkpoint: Checkpoint) -> None:
        checkpoint.partitions = {
            str(partition): Position(next=self._next[partition], stop=self._stop[partition])
            for partition in sorted(self._next)
        }

    def close(self) -> None:
        # autocommit=False: there is no group, and even a stray commit must never happen here.
        self._consumer.close(autocommit=False)

    def _plan(
        self,
        *,
        chosen: Sequence[int] | None,
        from_offsets: OffsetSpec | None,
        to_offsets: OffsetSpec | None,
        since: datetime | None,
        until: datetime | None,
        resume: Checkpoint | None,
    ) -> list[PartitionRange]:
        existing = self._consumer.partitions_for_topic(self.topic)
        if not existing:
            raise TopicRangeError(f"topic {self.topic!r} does not exist (or this client may not describe it)")
        if resume is not None and resume.partitions:
            saved = {int(p): (pos.next, pos.stop) for p, pos in resume.partitions.items()}
            earliest = self._beginning(saved)
            return resume_ranges(saved, earliest=earliest)
        partitions = sorted(existing) if chosen is None else sorted(chosen)
        missing = sorted(set(partitions) - set(existing))
        if missing:
            raise TopicRangeError(f"topic {self.topic!r} has partitions {sorted(existing)}, not {missing}")
        earliest = self._beginning(partitions)
        latest = self._offsets(self._consumer.end_offsets, partitions)
        start: dict[int, int | None] = {
            p: (from_offsets or OffsetSpec()).for_partition(p) for p in partitions
        }
        stop: dict[int, int | None] = {p: (to_offsets or OffsetSpec()).for_partition(p) for p in partitions}
        if since is not None:
            start.update(self._offsets_at(since, partitions, latest))
        if until is not None:
            stop.update(self._offsets_at(until, partitions, latest))
        return plan_ranges(
            partitions, earliest=earliest, latest=latest, requested_start=start, requested_stop=stop
        )

    def _beginning(self, partitions: Any) -> dict[int, int]:
        return self._offsets(self._consumer.beginning_offsets, list(partitions))

    def _offsets(self, lookup: Callable[..., dict[Any, int]], partitions: Sequence[int]) -> dict[int, int]:
        tps = [TopicPartition(self.topic, p) for p in partitions]
        try:
            found = lookup(tps)
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"offsets of {self.topic} could not be fetched: {exc}") from exc
        return {tp.partition: offset for tp, offset in found.items()}

    def _offsets_at(
        self, instant: datetime, partitions: Sequence[int], latest: dict[int, int]
    ) -> dict[int, int]:
        """Per partition, the first offset whose timestamp is at or after `instant` (the broker's
        time index); a partition with no such record yet gets its captured end."""
        millis = epoch_millis(instant)
        try:
            found = self._consumer.offsets_for_times(
                {TopicPartition(self.topic, p): millis for p in partitions}
            )
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"time lookup on {self.topic} failed: {exc}") from exc
        return {
            tp.partition: latest[tp.partition] if hit is None else hit.offset for tp, hit in found.items()
        }


class TopicSink:
    """Publishes replayed messages with the worker's producer (acks=all, idempotent)."""

    def __init__(self, settings: WorkerSettings, *, flush_timeout_seconds: float = 60.0) -> None:
        self._producer = ClaimProducer(settings)
        self._flush_timeout = flush_timeout_seconds
        self._errors: list[Exception] = []

    def send(self, message: OutgoingMessage) -> None:
        self._producer.send(message, on_ack=_ignore, on_error=self._errors.append)

    def flush(self) -> None:
        acknowledged = self._producer.flush(self._flush_timeout)
        if self._errors:
            raise ProduceError(f"{len(self._errors)} message(s) were not published: {self._errors[0]}")
        if not acknowledged:
            raise ProduceError(f"messages still unacknowledged after {self._flush_timeout:.0f} s")

    def output_sizes(self) -> dict[str, int]:
        return {}

    def close(self) -> None:
        self._producer.close(self._flush_timeout)


def _ignore() -> None:
    """Nothing to do per acknowledgement: `flush` checks that all of them arrived."""


def _consumer(connection: KafkaConnectionSettings) -> KafkaConsumer:
    try:
        return KafkaConsumer(
            **consumer_options(
                connection,
                group_id=None,
                enable_auto_commit=False,
                auto_offset_reset="earliest",
                # As the worker reads: never the records of an aborted transaction.
                isolation_level="read_committed",
            )
        )
    except kafka.errors.KafkaError as exc:
        raise BrokerUnreachableError(f"no broker reachable at {connection.bootstrap_servers}") from exc
