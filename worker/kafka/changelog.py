"""The tracker's Kafka side: claim events in, tracked events and series states out, one transaction per batch.

Three clients. A group consumer reads `claims.extracted` (read_committed). A transactional producer
writes, per polled batch, the tracked events, the changed series states to the changelog partition
of the same number as their input partition, and the batch's input offsets: all commit together or
none do, so after a crash the claims of an uncommitted batch are read again by a tracker whose
state does not hold them yet, and announced once. A plain consumer with manual assignment replays
one changelog partition from the beginning to rebuild state (read_committed: an aborted batch's
states are never restored).

Input partitions are plain ints outside this module: the tracker reads one topic.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

import kafka.errors
from kafka import ConsumerRebalanceListener, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.structs import OffsetAndMetadata

from worker.kafka.admin import TopicCreationError, TopicSpec, create_topics, require_topics
from worker.kafka.config import consumer_options, producer_options
from worker.kafka.errors import (
    BrokerUnreachableError,
    KafkaAdapterError,
    MissingTopicError,
    ProduceError,
    TransactionError,
)
from worker.kafka.records import poll_records
from worker.records import InputRecord
from worker.settings import KafkaConnectionSettings

# The changelog keeps the latest state per series; compaction drops the older ones. A small segment
# lets compaction reach recent records sooner, so a restore reads little more than one record per series.
CHANGELOG_TOPIC_CONFIG = {
    "cleanup.policy": "compact",
    "segment.bytes": str(16 * 1024 * 1024),
    "min.cleanable.dirty.ratio": "0.1",
}
RESTORE_POLL_SECONDS = 0.5
SETTLE_POLL_SECONDS = 0.1


class ChangelogError(KafkaAdapterError):
    """The changelog topic is missing, cannot be created, or is not co-partitioned with the input."""


class AssignmentListener(Protocol):
    """What the tracker does when the group moves input partitions (called inside `poll`)."""

    def on_assigned(self, partitions: set[int]) -> None: ...

    def on_revoked(self, partitions: set[int]) -> None: ...


class TrackerKafka:
    """Consumer, transactional producer and changelog reader for one tracker process."""

    def __init__(  # noqa: PLR0913  keyword-only settings, each named at the call site
        self,
        connection: KafkaConnectionSettings,
        *,
        input_topic: str,
        output_topic: str,
        changelog_topic: str,
        group_id: str,
        transactional_id: str,
        auto_offset_reset: str = "earliest",
        max_poll_records: int = 500,
        transaction_timeout_seconds: float = 15.0,
    ) -> None:
        self.input_topic = input_topic
        self.output_topic = output_topic
        self.changelog_topic = changelog_topic
        self._connection = connection
        self._timeout_ms = connection.request_timeout_ms
        # The changelog is created when missing; the topics it is made from must exist already.
        require_topics(connection, [input_topic, output_topic], timeout_s=self._timeout_ms / 1000)
        try:
            self._producer = KafkaProducer(
                **producer_options(
                    connection,
                    acks="all",
                    enable_idempotence=True,
                    transactional_id=transactional_id,
                    transaction_timeout_ms=int(transaction_timeout_seconds * 1000),
                    linger_ms=5,
                )
            )
            self._consumer = KafkaConsumer(
                **consumer_options(
                    connection,
                    group_id=group_id,
                    # Static membership: a restarted instance takes its partitions back at once instead
                    # of waiting a session timeout (45 s) for the group to notice its predecessor died.
                    group_instance_id=transactional_id,
                    enable_auto_commit=False,
                    auto_offset_reset=auto_offset_reset,
                    max_poll_records=max_poll_records,
                    isolation_level="read_committed",
                )
            )
            self._changelog = ChangelogReader(connection, changelog_topic)
        except kafka.errors.KafkaError as exc:  # kafka-python 3 raises KafkaTimeoutError at bootstrap
            raise BrokerUnreachableError(
                f"no broker reachable at {connection.bootstrap_servers}: {exc}"
            ) from exc
        self._call(self._producer.init_transactions)

    # -- topics --------------------------------------------------------------------------------

    def ensure_changelog(self) -> int:
        """The input's partition count; creates the compacted changelog with as many if it is missing."""
        inputs = self._partition_count(self.input_topic)
        if inputs is None:
            raise MissingTopicError([self.input_topic])
        changelog = self._partition_count(self.changelog_topic)
        if changelog is None:
            self._create_changelog(inputs)
            changelog = self._partition_count(self.changelog_topic)
        if changelog != inputs:
            raise ChangelogError(
                f"changelog {self.changelog_topic!r} has {changelog} partitions but input "
                f"{self.input_topic!r} has {inputs}: state of input partition p must live in changelog "
                "partition p, so the two need the same count"
            )
        return inputs

    def _partition_count(self, topic: str) -> int | None:
        return self._changelog.partition_count(topic)

    def _create_changelog(self, partitions: int) -> None:
        # -1: the broker's default.replication.factor, which an operator sets for the cluster.
        spec = TopicSpec(self.changelog_topic, partitions, -1, CHANGELOG_TOPIC_CONFIG)
        try:
            create_topics(self._connection, [spec], timeout_s=self._timeout_ms / 1000)
        except TopicCreationError as exc:
            raise ChangelogError(f"could not create changelog {self.changelog_topic!r}: {exc}") from exc

    # -- input ---------------------------------------------------------------------------------

    def subscribe(self, listener: AssignmentListener) -> None:
        self._consumer.subscribe([self.input_topic], listener=_Listener(listener))

    def poll(self, timeout_seconds: float, max_records: int) -> list[InputRecord]:
        return poll_records(self._consumer, timeout_seconds, max_records)

    def assigned(self) -> set[int]:
        return {tp.partition for tp in self._consumer.assignment()}

    def seek(self, partition: int, offset: int) -> None:
        self._consumer.seek(TopicPartition(self.input_topic, partition), offset)

    # -- changelog restore ---------------------------------------------------------------------

    def settle(self, partition: int, timeout_seconds: float) -> None:
        """Wait until the previous owner's last transaction on `partition` is complete everywhere.

        The committed input offset is fetched as "stable" (read_committed consumers ask the group
        coordinator to wait for pending transactional offsets), then the changelog partition must
        have no open transaction left: its transaction markers may land a moment after the offsets'.
        Restoring before that would miss the states of a batch whose offsets are already committed.
        """
        tp = TopicPartition(self.input_topic, partition)
        try:
            self._consumer.committed(tp, timeout_ms=int(timeout_seconds * 1000))
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(
                f"committed offset of {self.input_topic}[{partition}]: {exc}"
            ) from exc
        self._changelog.wait_until_settled(partition, timeout_seconds)

    def read_changelog(
        self, partition: int, timeout_seconds: float
    ) -> Iterator[tuple[bytes | None, bytes | None]]:
        """Every committed (key, value) of one changelog partition, oldest first, up to its current end."""
        return self._changelog.read(partition, timeout_seconds)

    # -- output, one transaction per batch -----------------------------------------------------

    def begin(self) -> None:
        self._call(self._producer.begin_transaction)

    def send_event(self, key: bytes, value: bytes, headers: Sequence[tuple[str, bytes]] = ()) -> None:
        self._send(self.output_topic, key, value, None, headers)

    def send_state(self, partition: int, key: bytes, value: bytes) -> None:
        self._send(self.changelog_topic, key, value, partition)

    def commit(self, positions: dict[int, int]) -> None:
        """Commit the transaction with the input positions (next offset to read, per partition)."""
        offsets = {
            TopicPartition(self.input_topic, p): OffsetAndMetadata(offset, "", -1)
            for p, offset in positions.items()
        }
        self._call(self._producer.flush, self._timeout_ms / 1000)
        self._call(self._producer.send_offsets_to_transaction, offsets, self._consumer.group_metadata())
        self._call(self._producer.commit_transaction)

    def abort(self) -> None:
        self._call(self._producer.abort_transaction)

    def close(self, timeout_seconds: float) -> None:
        self._consumer.close(autocommit=False)
        self._changelog.close()
        self._producer.close(timeout=max(timeout_seconds, 0.0))

    def _send(
        self,
        topic: str,
        key: bytes,
        value: bytes,
        partition: int | None,
        headers: Sequence[tuple[str, bytes]] = (),
    ) -> None:
        try:
            self._producer.send(topic, value=value, key=key, partition=partition, headers=list(headers))
        except kafka.errors.KafkaError as exc:
            raise ProduceError(f"send to {topic} refused: {exc}") from exc

    @staticmethod
    def _call(call: Any, *args: Any) -> None:
        try:
            call(*args)
        except kafka.errors.KafkaError as exc:
            raise TransactionError(f"{getattr(call, '__name__', call)} failed: {exc}") from exc


class ChangelogReader:
    """Reads changelog partitions from the beginning with manual assignment (no group, no commits)."""

    def __init__(self, connection: KafkaConnectionSettings, topic: str) -> None:
        self.topic = topic
        self._timeout_ms = connection.request_timeout_ms
        common = consumer_options(
            connection,
            bootstrap_timeout_ms=connection.request_timeout_ms,
            group_id=None,
            enable_auto_commit=False,
        )
        try:
            self._consumer = KafkaConsumer(**common, isolation_level="read_committed")
            # Only asked for end offsets: its end is the high watermark, open transactions included.
            self._watermarks = KafkaConsumer(**common, isolation_level="read_uncommitted")
        except kafka.errors.KafkaError as exc:  # kafka-python 3 raises KafkaTimeoutError at bootstrap
            raise BrokerUnreachableError(
                f"no broker reachable at {connection.bootstrap_servers}: {exc}"
            ) from exc

    def partition_count(self, topic: str | None = None) -> int | None:
        """Partitions of `topic` (default: the changelog), None when it does not exist."""
        partitions = self._consumer.partitions_for_topic(topic or self.topic)
        return len(partitions) if partitions else None

    def wait_until_settled(self, partition: int, timeout_seconds: float) -> None:
        """Block until no transaction is open on the partition (its stable end is its high watermark).

        After a crash the open transaction ends when the instance with the same transactional id
        starts again, or when the broker times it out (the producer's transaction timeout, 60 s).
        """
        tp = TopicPartition(self.topic, partition)
        deadline = time.monotonic() + timeout_seconds
        while True:
            try:
                stable = self._consumer.end_offsets([tp], timeout_ms=self._timeout_ms)[tp]
                high = self._watermarks.end_offsets([tp], timeout_ms=self._timeout_ms)[tp]
            except kafka.errors.KafkaError as exc:
                raise BrokerUnreachableError(f"end offsets of {self.topic}[{partition}]: {exc}") from exc
            if stable >= high:
                return
            if time.monotonic() > deadline:
                raise ChangelogError(
                    f"{self.topic}[{partition}] still has a transaction open after {timeout_seconds:.0f}s "
                    f"(stable end {stable}, high watermark {high})"
                )
            time.sleep(SETTLE_POLL_SECONDS)

    def read(self, partition: int, timeout_seconds: float) -> Iterator[tuple[bytes | None, bytes | None]]:
        """Every committed (key, value) of one partition, oldest first, up to the end it had when asked."""
        tp = TopicPartition(self.topic, partition)
        self._consumer.assign([tp])
        self._consumer.seek_to_beginning(tp)
        try:
            end = self._consumer.end_offsets([tp], timeout_ms=self._timeout_ms)[tp]
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"changelog end offset not answered: {exc}") from exc
        deadline = time.monotonic() + timeout_seconds
        # The end is the last stable offset (read_committed); a commit marker may sit just before it,
        # so progress is the position, never the count of records seen.
        while self._consumer.position(tp, timeout_ms=self._timeout_ms) < end:
            if time.monotonic() > deadline:
                raise ChangelogError(
                    f"reading {self.topic}[{partition}] did not reach offset {end} "
                    f"within {timeout_seconds:.0f}s"
                )
            for records in self._consumer.poll(timeout_ms=int(RESTORE_POLL_SECONDS * 1000)).values():
                for record in records:
                    yield record.key, record.value
        self._consumer.assign([])

    def close(self) -> None:
        self._consumer.close(autocommit=False)
        self._watermarks.close(autocommit=False)


class _Listener(ConsumerRebalanceListener):  # type: ignore[misc]  # the client is untyped
    """Hands partition changes to the tracker; restoring waits for the poll loop, off the IO thread."""

    def __init__(self, listener: AssignmentListener) -> None:
        self._listener = listener

    def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        self._listener.on_revoked({tp.partition for tp in revoked})

    def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        self._listener.on_assigned({tp.partition for tp in assigned})
