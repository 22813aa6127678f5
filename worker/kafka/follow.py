"""Follow whole topics from their start, committed records only: what the series explorer reads.

No consumer group and no commits (every reader sees every partition, and no group's offsets move):
a tracker instance serving the explorer shows every series, not only its own partitions'. Topics
that do not exist yet (a tracker that has written nothing) are looked for again on later polls.
"""

from __future__ import annotations

import time

import kafka.errors
from kafka import KafkaConsumer, TopicPartition

from worker.kafka.config import connection_kwargs
from worker.kafka.errors import BrokerUnreachableError
from worker.kafka.records import input_records
from worker.records import InputRecord
from worker.settings import KafkaConnectionSettings

LOOK_AGAIN_SECONDS = 5.0


class TopicFollower:
    """Reads every partition of `topics` from the beginning, then whatever is committed after."""

    def __init__(self, connection: KafkaConnectionSettings, topics: tuple[str, ...]) -> None:
        self.topics = topics
        self._timeout_ms = connection.request_timeout_ms
        try:
            self._consumer = KafkaConsumer(
                **connection_kwargs(connection),
                group_id=None,
                enable_auto_commit=False,
                isolation_level="read_committed",
            )
        except kafka.errors.KafkaError as exc:  # kafka-python 3 raises KafkaTimeoutError at bootstrap
            raise BrokerUnreachableError(
                f"no broker reachable at {connection.bootstrap_servers}: {exc}"
            ) from exc
        self._assigned: set[TopicPartition] = set()
        self._ends: dict[TopicPartition, int] = {}
        self._looked_at = -LOOK_AGAIN_SECONDS
        self._looked = False
        self.missing: tuple[str, ...] = topics

    def poll(self, timeout_seconds: float, max_records: int = 2000) -> list[InputRecord]:
        """The next committed records of any followed topic (an empty list when there are none)."""
        self._assign_new_partitions()
        if not self._assigned:
            time.sleep(timeout_seconds)
            return []
        try:
            batches = self._consumer.poll(timeout_ms=int(timeout_seconds * 1000), max_records=max_records)
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"reading {', '.join(self.topics)}: {exc}") from exc
        return input_records(batches)

    def caught_up(self) -> bool:
        """Whether the partitions found so far were read up to the ends they had when they were found.

        Topics still missing (see `missing`) do not count: a tracker's topics may appear later.
        """
        if not self._looked:
            return False
        try:
            return all(
                self._consumer.position(tp, timeout_ms=self._timeout_ms) >= end
                for tp, end in self._ends.items()
            )
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"positions of {', '.join(self.topics)}: {exc}") from exc

    def close(self) -> None:
        self._consumer.close(autocommit=False)

    def _assign_new_partitions(self) -> None:
        settled = self._assigned and not self.missing
        if settled or time.monotonic() - self._looked_at < LOOK_AGAIN_SECONDS:
            return
        self._looked_at = time.monotonic()
        found: list[TopicPartition] = []
        missing = []
        for topic in self.topics:
            partitions = self._consumer.partitions_for_topic(topic)
            if not partitions:
                missing.append(topic)
                continue
            found.extend(TopicPartition(topic, p) for p in sorted(partitions))
        self.missing = tuple(missing)
        self._looked = True
        new = [tp for tp in found if tp not in self._assigned]
        if not new:
            return
        try:
            self._ends.update(self._consumer.end_offsets(new, timeout_ms=self._timeout_ms))
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"end offsets of {', '.join(self.topics)}: {exc}") from exc
        self._assigned.update(new)
        self._consumer.assign(sorted(self._assigned, key=lambda tp: (tp.topic, tp.partition)))
        self._consumer.seek_to_beginning(*new)
