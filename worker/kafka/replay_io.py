"""Kafka ends of `claimwire replay`: offset ranges of a topic read without a group, and a topic sink.

The reader never joins a consumer group: partitions are assigned by hand, there is no group id,
nothing is committed, so the live worker's group and its offsets are untouched. Planning which
ranges to read, and checkpointing, belong to `worker.replay.topics`, which drives this reader
through plain partition numbers and offsets.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import kafka.errors
from kafka import KafkaConsumer, TopicPartition

from worker.kafka.config import consumer_options
from worker.kafka.errors import BrokerUnreachableError, KafkaAdapterError, ProduceError
from worker.kafka.producer import ClaimProducer
from worker.kafka.records import input_record
from worker.records import InputRecord, OutgoingMessage
from worker.settings import KafkaConnectionSettings, WorkerSettings

POLL_TIMEOUT_MS = 500
MAX_POLL_RECORDS = 500


class TopicRangeError(KafkaAdapterError):
    """The topic or a partition asked for does not exist."""


class TopicRangeReader:
    """Offsets and records of one topic's partitions, read by manual assignment with no consumer group."""

    def __init__(self, connection: KafkaConnectionSettings, topic: str) -> None:
        self.topic = topic
        self._consumer = _consumer(connection)

    def partitions(self) -> set[int]:
        """The topic's partition numbers; TopicRangeError when the topic does not exist."""
        existing = self._consumer.partitions_for_topic(self.topic)
        if not existing:
            raise TopicRangeError(f"topic {self.topic!r} does not exist (or this client may not describe it)")
        return set(existing)

    def beginning_offsets(self, partitions: Sequence[int]) -> dict[int, int]:
        return self._offsets(self._consumer.beginning_offsets, partitions)

    def end_offsets(self, partitions: Sequence[int]) -> dict[int, int]:
        return self._offsets(self._consumer.end_offsets, partitions)

    def offsets_at(self, millis: int, partitions: Sequence[int], latest: Mapping[int, int]) -> dict[int, int]:
        """Per partition, the first offset whose timestamp is at or after `millis` (the broker's
        time index); a partition with no such record yet gets its offset in `latest`."""
        try:
            found = self._consumer.offsets_for_times(
                {TopicPartition(self.topic, p): millis for p in partitions}
            )
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"time lookup on {self.topic} failed: {exc}") from exc
        return {
            tp.partition: latest[tp.partition] if hit is None else hit.offset for tp, hit in found.items()
        }

    def read(
        self,
        starts: Mapping[int, int],
        stops: Mapping[int, int],
        *,
        idle_timeout_seconds: float,
        should_stop: Callable[[], bool],
        clock: Callable[[], float] = time.monotonic,
    ) -> Iterator[tuple[int, InputRecord | None]]:
        """Records of `[starts[p], stops[p])` per partition as `(p, record)`, then `(p, None)` once
        partition p's position reaches its stop; an empty range is skipped."""
        active = {TopicPartition(self.topic, p) for p in starts if stops[p] > starts[p]}
        if not active:
            return
        self._consumer.assign(sorted(active))
        for tp in active:
            self._consumer.seek(tp, starts[tp.partition])
        last_progress = clock()
        while active and not should_stop():
            try:
                batches = self._consumer.poll(timeout_ms=POLL_TIMEOUT_MS, max_records=MAX_POLL_RECORDS)
            except kafka.errors.KafkaError as exc:
                raise BrokerUnreachableError(f"fetching from {self.topic} failed: {exc}") from exc
            for tp, records in batches.items():
                stop = stops[tp.partition]
                for r in records:
                    if r.offset >= stop:
                        break
                    last_progress = clock()
                    yield tp.partition, input_record(r)
            for tp in list(active):
                # Position, not the last record seen: the range may end in offsets that hold no
                # record (transaction markers, compacted keys).
                if self._consumer.position(tp) >= stops[tp.partition]:
                    self._consumer.pause(tp)
                    active.discard(tp)
                    last_progress = clock()
                    yield tp.partition, None
            if active and clock() - last_progress > idle_timeout_seconds:
                raise BrokerUnreachableError(
                    f"no records from {self.topic} for {idle_timeout_seconds:.0f} s while "
                    f"{sorted(tp.partition for tp in active)} still had offsets to read"
                )

    def close(self) -> None:
        # autocommit=False: there is no group, and even a stray commit must never happen here.
        self._consumer.close(autocommit=False)

    def _offsets(self, lookup: Callable[..., dict[Any, int]], partitions: Sequence[int]) -> dict[int, int]:
        tps = [TopicPartition(self.topic, p) for p in partitions]
        try:
            found = lookup(tps)
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"offsets of {self.topic} could not be fetched: {exc}") from exc
        return {tp.partition: offset for tp, offset in found.items()}


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
