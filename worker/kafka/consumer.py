"""The worker's group consumer: kafka-python's KafkaConsumer behind a small, typed surface.

Partitions are `(topic, partition)` tuples outside this module. Rebalance callbacks run on the
client's IO thread (kafka-python 3), where a blocking consumer call is refused, so the listener is
the asynchronous kind and commits revoked partitions with an awaited asynchronous commit.

Membership is static (`group.instance.id`, by default `<group_id>-<hostname>`, the pod name in
Kubernetes): a worker restarted in the same pod after a crash takes its partitions back at once
instead of after a session timeout. A static member never leaves the group on its own, so a clean
`close` removes it explicitly and its partitions move to the others at once.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterable
from typing import Any, Protocol

import kafka.errors
from kafka import AsyncConsumerRebalanceListener, KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.admin import MemberToRemove
from kafka.structs import OffsetAndMetadata

from worker.kafka.config import connection_kwargs, consumer_kwargs
from worker.kafka.errors import BrokerUnreachableError, CommitError
from worker.kafka.records import poll_records
from worker.records import InputRecord, Partition
from worker.settings import WorkerSettings


class PartitionHandler(Protocol):
    """What the worker does when the group changes its partitions (called on the client's IO thread)."""

    def on_assigned(self, partitions: set[Partition]) -> None: ...

    def on_revoked(self, partitions: set[Partition]) -> dict[Partition, int]:
        """Finish work for the partitions and return the positions to commit before giving them up."""
        ...

    def on_revoked_committed(self, positions: dict[Partition, int], error: Exception | None) -> None: ...

    def on_lost(self, partitions: set[Partition]) -> None: ...


def group_instance_id(settings: WorkerSettings) -> str | None:
    """The static membership id: the setting, else `<group_id>-<hostname>`; None when turned off."""
    if not settings.static_membership:
        return None
    return settings.group_instance_id or f"{settings.group_id}-{socket.gethostname()}"


class WireConsumer:
    """Subscribes to the input topic with manual commits and hands out plain `InputRecord`s."""

    def __init__(self, settings: WorkerSettings, handler: PartitionHandler, **overrides: Any) -> None:
        self.instance_id = group_instance_id(settings)
        kwargs = {**consumer_kwargs(settings), "group_instance_id": self.instance_id, **overrides}
        try:
            self._consumer = KafkaConsumer(**kwargs)
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"no broker reachable at {settings.bootstrap_servers}") from exc
        self._settings = settings
        self._timeout_ms = settings.request_timeout_ms
        self._consumer.subscribe([settings.input_topic], listener=_Listener(self._consumer, handler))

    def poll(self, timeout_seconds: float, max_records: int) -> list[InputRecord]:
        return poll_records(self._consumer, timeout_seconds, max_records)

    def assignment(self) -> set[Partition]:
        return {(tp.topic, tp.partition) for tp in self._consumer.assignment()}

    def pause(self, partitions: Iterable[Partition]) -> None:
        self._consumer.pause(*(TopicPartition(*p) for p in partitions))

    def resume(self, partitions: Iterable[Partition]) -> None:
        self._consumer.resume(*(TopicPartition(*p) for p in partitions))

    def paused(self) -> set[Partition]:
        return {(tp.topic, tp.partition) for tp in self._consumer.paused()}

    def seek(self, partition: Partition, offset: int) -> None:
        self._consumer.seek(TopicPartition(*partition), offset)

    def rewind_to_committed(self, partitions: Iterable[Partition]) -> dict[Partition, int]:
        """Seek each partition back to the group's committed offset (blocking; not on the IO thread).

        A partition with no committed offset goes back to its beginning, as `earliest` would place a
        new group. Returns where each partition now stands.
        """
        positions: dict[Partition, int] = {}
        for partition in partitions:
            tp = TopicPartition(*partition)
            try:
                committed = self._consumer.committed(tp)
                if committed is None:
                    self._consumer.seek_to_beginning(tp)
                    committed = self._consumer.position(tp, timeout_ms=self._timeout_ms)
                else:
                    self._consumer.seek(tp, committed)
            except (kafka.errors.KafkaError, kafka.errors.IllegalStateError) as exc:
                raise CommitError(f"committed offset of {partition} not read: {exc}") from exc
            if committed is not None:
                positions[partition] = committed
        return positions

    def commit(self, positions: dict[Partition, int], timeout_seconds: float | None = None) -> None:
        """Commit these positions synchronously (the next offset to read, per partition)."""
        if not positions:
            return
        timeout_ms = self._timeout_ms if timeout_seconds is None else int(timeout_seconds * 1000)
        try:
            self._consumer.commit(offsets=_offsets(positions), timeout_ms=timeout_ms)
        except kafka.errors.KafkaError as exc:
            raise CommitError(f"offset commit failed: {exc}") from exc

    def commit_async(
        self,
        positions: dict[Partition, int],
        on_done: Callable[[dict[Partition, int], Exception | None], None],
    ) -> None:
        """Send a commit without waiting; `on_done(positions, error)` runs when the coordinator answers."""
        if not positions:
            return

        def answered(_offsets: object, response: object) -> None:
            on_done(positions, response if isinstance(response, Exception) else None)

        try:
            self._consumer.commit_async(offsets=_offsets(positions), callback=answered)
        except kafka.errors.KafkaError as exc:
            raise CommitError(f"offset commit not sent: {exc}") from exc

    def lag(self, timeout_seconds: float) -> tuple[dict[Partition, int], dict[Partition, int]]:
        """Per assigned partition, the records between the fetch position and the end, and between the
        committed offset and the end (a partition never committed is left out of the second);
        raises BrokerUnreachableError if the broker is silent."""
        assigned = list(self._consumer.assignment())
        if not assigned:
            return {}, {}
        ends = self._end_offsets(assigned, timeout_seconds)
        fetch_lags: dict[Partition, int] = {}
        committed_lags: dict[Partition, int] = {}
        for tp in assigned:
            if tp not in ends:
                continue
            try:
                position = self._consumer.position(tp, timeout_ms=int(timeout_seconds * 1000))
                committed = self._consumer.committed(tp, timeout_ms=int(timeout_seconds * 1000))
            except (kafka.errors.KafkaError, kafka.errors.IllegalStateError):
                continue  # revoked between the calls
            if position is not None:
                fetch_lags[(tp.topic, tp.partition)] = max(ends[tp] - position, 0)
            if committed is not None:
                committed_lags[(tp.topic, tp.partition)] = max(ends[tp] - committed, 0)
        return fetch_lags, committed_lags

    def probe(self, topic: str, timeout_seconds: float) -> None:
        """Ask the cluster something small; raise BrokerUnreachableError when it does not answer."""
        self._end_offsets([TopicPartition(topic, 0)], timeout_seconds)

    def group_metadata(self) -> Any:
        """The group membership snapshot a transactional producer commits offsets with (KIP-447)."""
        return self._consumer.group_metadata()

    def close(self, timeout_seconds: float, *, leave_group: bool = True) -> None:
        """Close; the listener's revocation commits whatever became committable last. With
        `leave_group` a static member is removed from the group so its partitions move at once;
        without (the broker is gone) it is left to expire after the session timeout."""
        self._consumer.close(autocommit=False, timeout_ms=int(timeout_seconds * 1000))
        if leave_group and self.instance_id is not None:
            self._remove_static_member()

    def _remove_static_member(self) -> None:
        try:
            admin = KafkaAdminClient(**connection_kwargs(self._settings))
        except kafka.errors.KafkaError:
            return  # best effort: the session timeout ends the membership anyway
        try:
            admin.remove_group_members(
                self._settings.group_id,
                [MemberToRemove(group_instance_id=self.instance_id, reason="worker shut down")],
            )
        except kafka.errors.KafkaError:
            pass
        finally:
            admin.close()

    def _end_offsets(
        self, partitions: list[TopicPartition], timeout_seconds: float
    ) -> dict[TopicPartition, int]:
        try:
            ends: dict[TopicPartition, int] = self._consumer.end_offsets(
                partitions, timeout_ms=int(timeout_seconds * 1000)
            )
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"end offsets not answered: {exc}") from exc
        return ends


def _offsets(positions: dict[Partition, int]) -> dict[TopicPartition, OffsetAndMetadata]:
    return {TopicPartition(*p): OffsetAndMetadata(offset, "", -1) for p, offset in positions.items()}


class _Listener(AsyncConsumerRebalanceListener):  # type: ignore[misc]  # the client is untyped
    def __init__(self, consumer: KafkaConsumer, handler: PartitionHandler) -> None:
        self._consumer = consumer
        self._handler = handler

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        positions = self._handler.on_revoked({(tp.topic, tp.partition) for tp in revoked})
        error: Exception | None = None
        if positions:
            try:
                await self._consumer.commit_async(offsets=_offsets(positions))
            except Exception as exc:  # reported to the handler, which logs and counts it
                error = exc
        self._handler.on_revoked_committed(positions, error)

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        self._handler.on_assigned({(tp.topic, tp.partition) for tp in assigned})

    async def on_partitions_lost(self, lost: set[TopicPartition]) -> None:
        self._handler.on_lost({(tp.topic, tp.partition) for tp in lost})
