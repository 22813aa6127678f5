"""A topic range as a replay source: which offsets to replay, and how far a run got.

End offsets are captured once at start; a replay stops there instead of chasing records produced
while it runs. The Kafka reading itself is `worker.kafka.replay_io.TopicRangeReader`; this module
only plans ranges (`worker.replay.ranges`) and checkpoints them, so it satisfies `ReplaySource`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime

from worker.kafka.replay_io import TopicRangeError, TopicRangeReader
from worker.records import InputRecord
from worker.replay.checkpoint import Checkpoint, Position
from worker.replay.engine import SourceItem
from worker.replay.ranges import OffsetSpec, PartitionRange, epoch_millis, plan_ranges, resume_ranges
from worker.settings import KafkaConnectionSettings


def topic_source_name(topic: str) -> str:
    return f"topic:{topic}"


def partition_lane(partition: int) -> str:
    return f"partition {partition}"


class TopicSource:
    """Records of `[start, stop)` per partition of one topic, read without a consumer group."""

    def __init__(  # noqa: PLR0913  keyword-only range options, each named at the call site
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
        self._reader = TopicRangeReader(connection, topic)
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
            self._reader.close()
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
        starts = {r.partition: self._next[r.partition] for r in self.plan}
        for partition, record in self._reader.read(
            starts,
            self._stop,
            idle_timeout_seconds=self._idle_timeout,
            should_stop=self._should_stop,
            clock=self._clock,
        ):
            if record is None:
                self._next[partition] = max(self._next[partition], self._stop[partition])
            else:
                yield SourceItem(partition_lane(partition), record)

    def mark_done(self, item: SourceItem[InputRecord]) -> None:
        self._next[item.payload.partition] = item.payload.offset + 1

    def save_into(self, checkpoint: Checkpoint) -> None:
        checkpoint.partitions = {
            str(partition): Position(next=self._next[partition], stop=self._stop[partition])
            for partition in sorted(self._next)
        }

    def close(self) -> None:
        self._reader.close()

    def _plan(  # noqa: PLR0913  keyword-only range options, each named at the call site
        self,
        *,
        chosen: Sequence[int] | None,
        from_offsets: OffsetSpec | None,
        to_offsets: OffsetSpec | None,
        since: datetime | None,
        until: datetime | None,
        resume: Checkpoint | None,
    ) -> list[PartitionRange]:
        existing = self._reader.partitions()
        if resume is not None and resume.partitions:
            saved = {int(p): (pos.next, pos.stop) for p, pos in resume.partitions.items()}
            earliest = self._reader.beginning_offsets(list(saved))
            return resume_ranges(saved, earliest=earliest)
        partitions = sorted(existing) if chosen is None else sorted(chosen)
        missing = sorted(set(partitions) - existing)
        if missing:
            raise TopicRangeError(f"topic {self.topic!r} has partitions {sorted(existing)}, not {missing}")
        earliest = self._reader.beginning_offsets(partitions)
        latest = self._reader.end_offsets(partitions)
        start: dict[int, int | None] = {
            p: (from_offsets or OffsetSpec()).for_partition(p) for p in partitions
        }
        stop: dict[int, int | None] = {p: (to_offsets or OffsetSpec()).for_partition(p) for p in partitions}
        if since is not None:
            start.update(self._reader.offsets_at(epoch_millis(since), partitions, latest))
        if until is not None:
            stop.update(self._reader.offsets_at(epoch_millis(until), partitions, latest))
        return plan_ranges(
            partitions, earliest=earliest, latest=latest, requested_start=start, requested_stop=stop
        )
