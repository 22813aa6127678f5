"""An in-memory broker implementing the worker's client Protocols (`worker.runtime.clients`).

Everything runs on the test's thread. A poll first runs the actions scheduled for it (rebalances,
failures, a stop request), then delivers the producer's pending acknowledgements (as the sender
thread would), then fetches. Each claim's value names its source record (`"<partition>:<offset>"`),
so every offset commit can be checked against what is acknowledged: the broker records a violation
when a commit moves backwards or passes a record whose messages are not all acknowledged.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from worker.kafka.consumer import PartitionHandler
from worker.kafka.errors import BrokerUnreachableError, CommitError, ProduceError, TransactionError
from worker.records import InputRecord, OutgoingMessage, Partition
from worker.runtime.clients import WorkerClients
from worker.runtime.signals import StopRequest
from worker.settings import WorkerSettings

# A runaway loop is stopped after this many polls, so a broken worker fails its test instead of hanging.
MAX_POLLS = 5_000
# A poll to a broker that does not answer waits a little, as the real one waits out its timeout.
UNREACHABLE_POLL_SECONDS = 0.01

PollAction = Callable[["FakeConsumer"], None]


def source_of(message: OutgoingMessage) -> tuple[int, int]:
    """The (partition, offset) a fake claim or dead letter was made from."""
    partition, offset = message.value.decode().split(":")
    return int(partition), int(offset)


@dataclass
class _Pending:
    message: OutgoingMessage
    on_ack: Callable[[], None]
    on_error: Callable[[Exception], None]


@dataclass
class FakeBroker:
    """One input topic's partitions, the group's committed offsets and what was published."""

    topic: str = "wire.raw"
    partitions: int = 2
    logs: dict[Partition, list[InputRecord]] = field(default_factory=dict)
    committed: dict[Partition, int] = field(default_factory=dict)
    commits: list[dict[Partition, int]] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    # Acknowledged messages, in acknowledgement order (for exactly-once: committed transactions only).
    published: list[OutgoingMessage] = field(default_factory=list)
    # ("pause" | "resume", unacknowledged messages at that moment)
    flow: list[tuple[str, int]] = field(default_factory=list)
    seeks: list[tuple[Partition, int]] = field(default_factory=list)
    actions: dict[int, list[PollAction]] = field(default_factory=dict)
    # Every poll calls these after the scheduled actions (the fake extraction finishes its batches).
    poll_hooks: list[Callable[[], None]] = field(default_factory=list)
    reachable: bool = True
    stopping: bool = False  # polls fetch nothing once a stop is requested, so nothing new is in flight
    hold_acks: bool = False  # keep sends unacknowledged until `release_acks`
    send_error: Exception | None = None  # raised by `send` itself
    delivery_error: Exception | None = None  # handed to the error callback instead of an ack
    commit_error: Exception | None = None  # every commit fails with it while set
    failing_transaction_commits: int = 0
    failing_aborts: int = 0
    topic_limits: dict[str, int] = field(default_factory=dict)
    consumer: FakeConsumer | None = None
    producer: FakeProducer | None = None

    def __post_init__(self) -> None:
        for number in range(self.partitions):
            self.logs.setdefault((self.topic, number), [])

    def append(self, partition: int, count: int = 1, value: bytes = b"text") -> None:
        log = self.logs[(self.topic, partition)]
        for _ in range(count):
            log.append(InputRecord(self.topic, partition, len(log), None, value))

    def end(self, partition: int) -> int:
        return len(self.logs[(self.topic, partition)])

    def at_poll(self, number: int, action: PollAction) -> None:
        """Run `action` at the start of poll `number` (the first poll is 1)."""
        self.actions.setdefault(number, []).append(action)

    def stop_at_poll(self, number: int, stop: StopRequest) -> None:
        def request_stop(_consumer: FakeConsumer) -> None:
            self.stopping = True
            stop.set("test")

        self.at_poll(number, request_stop)

    def clients(self) -> WorkerClients:
        def consumer(_settings: WorkerSettings, handler: PartitionHandler) -> FakeConsumer:
            self.consumer = FakeConsumer(self, handler)
            return self.consumer

        def producer(_settings: WorkerSettings, _max_request_size: int) -> FakeProducer:
            self.producer = FakeProducer(self)
            return self.producer

        def transactional(_settings: WorkerSettings, _tid: str, _size: int) -> FakeTransactionalProducer:
            self.producer = FakeTransactionalProducer(self)
            return self.producer

        def limits(_settings: WorkerSettings, topics: list[str]) -> dict[str, int]:
            if not self.reachable:
                raise BrokerUnreachableError("the fake broker is down")
            return {topic: size for topic, size in self.topic_limits.items() if topic in topics}

        return WorkerClients(
            consumer=consumer, producer=producer, transactional_producer=transactional, topic_limits=limits
        )

    def release_acks(self, count: int | None = None) -> None:
        if self.producer is not None:
            self.producer.deliver(count)

    def published_sources(self, topic: str | None = None) -> list[tuple[int, int]]:
        return [source_of(m) for m in self.published if topic is None or m.topic == topic]

    def record_commit(self, positions: dict[Partition, int]) -> None:
        """Check and store a commit: never backwards, never past an unacknowledged message."""
        unacked = self.producer.unacknowledged_sources() if self.producer is not None else set()
        for partition, position in positions.items():
            previous = self.committed.get(partition, 0)
            if position < previous:
                self.violations.append(f"{partition} committed backwards: {previous} -> {position}")
            early = sorted(o for p, o in unacked if p == partition[1] and o < position)
            if early:
                self.violations.append(f"{partition} committed {position} before acks of offsets {early}")
            self.committed[partition] = position
        self.commits.append(dict(positions))


class FakeConsumer:
    """The group consumer: eager rebalances, pause/resume, seeks and commits, all in memory."""

    def __init__(self, broker: FakeBroker, handler: PartitionHandler) -> None:
        self.broker = broker
        self.handler = handler
        self.positions: dict[Partition, int] = {}
        self._paused: set[Partition] = set()
        self.polls = 0
        self.left_group: bool | None = None  # set by close

    # -- what the test does to the group -----------------------------------------------------------

    def rebalance(self, assigned: Iterable[int], revoked: Iterable[int] = ()) -> None:
        """Revoke then assign, as kafka-python's eager protocol does. A partition revoked and
        assigned straight back keeps its fetch position (the client does; the worker must rewind)."""
        revoked_set = {(self.broker.topic, p) for p in revoked}
        assigned_set = {(self.broker.topic, p) for p in assigned}
        if revoked_set:
            positions = self.handler.on_revoked(revoked_set)
            self._commit_on_revoke(positions)
        for partition in revoked_set - assigned_set:
            self.positions.pop(partition, None)
            self._paused.discard(partition)
        for partition in assigned_set:
            self.positions.setdefault(partition, self.broker.committed.get(partition, 0))
        self.handler.on_assigned(assigned_set)

    def lose(self, partitions: Iterable[int]) -> None:
        lost = {(self.broker.topic, p) for p in partitions}
        self.handler.on_lost(lost)
        for partition in lost:
            self.positions.pop(partition, None)
            self._paused.discard(partition)

    # -- the GroupConsumer Protocol ------------------------------------------------------------------

    def poll(self, timeout_seconds: float, max_records: int) -> list[InputRecord]:
        self.polls += 1
        for action in self.broker.actions.pop(self.polls, []):
            action(self)
        for hook in self.broker.poll_hooks:
            hook()
        if self.polls >= MAX_POLLS:
            raise RuntimeError("the worker polled too often: its loop does not end")
        if self.broker.stopping:
            return []
        if not self.broker.reachable:
            time.sleep(UNREACHABLE_POLL_SECONDS)
            return []
        if not self.broker.hold_acks:
            self.broker.release_acks()
        records: list[InputRecord] = []
        for partition in sorted(self.positions):
            if partition in self._paused:
                continue
            log = self.broker.logs[partition]
            position = self.positions[partition]
            taken = log[position : position + max_records - len(records)]
            records.extend(taken)
            self.positions[partition] = position + len(taken)
        return records

    def assignment(self) -> set[Partition]:
        return set(self.positions)

    def pause(self, partitions: Iterable[Partition]) -> None:
        self._paused |= set(partitions)
        self.broker.flow.append(("pause", self._unacknowledged()))

    def resume(self, partitions: Iterable[Partition]) -> None:
        self._paused -= set(partitions)
        self.broker.flow.append(("resume", self._unacknowledged()))

    def paused(self) -> set[Partition]:
        return set(self._paused)

    def seek(self, partition: Partition, offset: int) -> None:
        self.broker.seeks.append((partition, offset))
        self.positions[partition] = offset

    def rewind_to_committed(self, partitions: Iterable[Partition]) -> dict[Partition, int]:
        if self.broker.commit_error is not None:
            raise CommitError(f"committed offsets not read: {self.broker.commit_error}")
        positions = {p: self.broker.committed.get(p, 0) for p in partitions}
        for partition, offset in positions.items():
            self.seek(partition, offset)
        return positions

    def commit(self, positions: dict[Partition, int], timeout_seconds: float | None = None) -> None:
        if self.broker.commit_error is not None:
            raise CommitError(f"offset commit failed: {self.broker.commit_error}")
        self.broker.record_commit(positions)

    def commit_async(
        self,
        positions: dict[Partition, int],
        on_done: Callable[[dict[Partition, int], Exception | None], None],
    ) -> None:
        if self.broker.commit_error is not None:
            on_done(positions, self.broker.commit_error)
            return
        self.broker.record_commit(positions)
        on_done(positions, None)

    def lag(self, timeout_seconds: float) -> tuple[dict[Partition, int], dict[Partition, int]]:
        self._require_broker()
        ends = {p: len(self.broker.logs[p]) for p in self.positions}
        fetch = {p: ends[p] - position for p, position in self.positions.items()}
        committed = {
            p: ends[p] - self.broker.committed[p] for p in self.positions if p in self.broker.committed
        }
        return fetch, committed

    def probe(self, topic: str, timeout_seconds: float) -> None:
        self._require_broker()

    def group_metadata(self) -> Any:
        return "fake-group-metadata"

    def close(self, timeout_seconds: float, *, leave_group: bool = True) -> None:
        """Closing revokes what is still assigned, so the worker commits its last positions."""
        if self.positions:
            owned = set(self.positions)
            self._commit_on_revoke(self.handler.on_revoked(owned))
            self.positions.clear()
        self.left_group = leave_group

    def _commit_on_revoke(self, positions: dict[Partition, int]) -> None:
        error: Exception | None = None
        if positions:
            if self.broker.commit_error is not None or not self.broker.reachable:
                error = self.broker.commit_error or BrokerUnreachableError("the fake broker is down")
            else:
                self.broker.record_commit(positions)
        self.handler.on_revoked_committed(positions, error)

    def _require_broker(self) -> None:
        if not self.broker.reachable:
            raise BrokerUnreachableError("the fake broker does not answer")

    def _unacknowledged(self) -> int:
        return self.broker.producer.unacknowledged() if self.broker.producer is not None else 0


class FakeProducer:
    """At-least-once publishing: sends wait for `deliver` (a poll, a flush or `release_acks`)."""

    def __init__(self, broker: FakeBroker) -> None:
        self.broker = broker
        self.pending: list[_Pending] = []
        self.closed = False

    def send(
        self,
        message: OutgoingMessage,
        on_ack: Callable[[], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        if self.broker.send_error is not None:
            raise ProduceError(f"send to {message.topic} refused: {self.broker.send_error}")
        self.pending.append(_Pending(message, on_ack, on_error))

    def deliver(self, count: int | None = None) -> None:
        """Answer the oldest `count` sends (all by default): an ack, or the configured error."""
        answered = self.pending if count is None else self.pending[:count]
        self.pending = self.pending[len(answered) :]
        for sent in answered:
            if self.broker.delivery_error is not None:
                sent.on_error(self.broker.delivery_error)
                continue
            self._acknowledged(sent.message)
            sent.on_ack()

    def unacknowledged(self) -> int:
        return len(self.pending)

    def unacknowledged_sources(self) -> set[tuple[int, int]]:
        return {source_of(sent.message) for sent in self.pending}

    def flush(self, timeout_seconds: float) -> bool:
        if not self.broker.hold_acks and self.broker.reachable:
            self.deliver()
        return not self.pending

    def close(self, timeout_seconds: float) -> None:
        self.closed = True

    def _acknowledged(self, message: OutgoingMessage) -> None:
        self.broker.published.append(message)


class FakeTransactionalProducer(FakeProducer):
    """Exactly-once publishing: acknowledged messages become visible only when their transaction commits."""

    def __init__(self, broker: FakeBroker) -> None:
        super().__init__(broker)
        self.in_transaction: list[OutgoingMessage] = []
        self.offsets: dict[Partition, int] = {}
        self.aborted = 0

    def init_transactions(self) -> None:
        return None

    def begin_transaction(self) -> None:
        self.in_transaction, self.offsets = [], {}

    def send_offsets_to_transaction(self, positions: dict[Partition, int], group_metadata: Any) -> None:
        self.offsets = dict(positions)

    def commit_transaction(self) -> None:
        if self.broker.failing_transaction_commits > 0:
            self.broker.failing_transaction_commits -= 1
            raise TransactionError("commit_transaction failed: the coordinator moved")
        self.broker.published.extend(self.in_transaction)
        self.broker.record_commit(self.offsets)
        self.in_transaction, self.offsets = [], {}

    def abort_transaction(self) -> None:
        if self.broker.failing_aborts > 0:
            self.broker.failing_aborts -= 1
            raise TransactionError("abort_transaction failed: the producer is fenced")
        self.aborted += 1
        self.in_transaction, self.offsets = [], {}

    def _acknowledged(self, message: OutgoingMessage) -> None:
        self.in_transaction.append(message)
