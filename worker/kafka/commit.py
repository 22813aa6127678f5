"""When an input offset may be committed: the worker's at-least-once rule, in one small class.

Rules (each has a unit test in tests/unit/test_commit_policy.py):

1. An input record is *done* when every message produced from it (claim events, or its one dead
   letter) is acknowledged by the broker. A record that produced nothing is done at once.
2. The committable position of a partition is one past the last record of the longest done prefix
   of the records consumed from it: a done record behind a pending one waits for it, because a
   committed offset says "everything before me is published".
3. A failed produce blocks its partition for good: nothing at or after it is ever committable, so
   a restart re-reads it. The worker decides what to do next (stop, so the orchestrator restarts it).
4. Never backwards: a position at or below the last committed one is never offered again.
5. On revocation the partition's committable position is handed out one last time and its state is
   dropped; acknowledgements that arrive later for it are ignored.

Plain objects only (partitions are `(topic, partition)` tuples, which kafka's TopicPartition is),
so it is tested without a broker. Not thread-safe: the runtime holds a lock around it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

from worker.errors import ClaimwireError
from worker.records import Partition


class OffsetOrderError(ClaimwireError, ValueError):
    """An offset was registered that is not after the partition's previous one."""


@dataclass(slots=True)
class _PartitionState:
    # offset -> number of produced messages not yet acknowledged, in consumption order
    pending: OrderedDict[int, int] = field(default_factory=OrderedDict)
    last_registered: int | None = None
    done_position: int | None = None  # one past the last record of the done prefix
    committed_position: int | None = None
    failed_offset: int | None = None


class OffsetTracker:
    """Tracks consumed offsets and their produced messages; says what may be committed."""

    def __init__(self) -> None:
        self._partitions: dict[Partition, _PartitionState] = {}

    def assign(self, partitions: Iterable[Partition]) -> None:
        """Start tracking partitions handed to this worker (already tracked ones are kept)."""
        for partition in partitions:
            self._partitions.setdefault(partition, _PartitionState())

    def is_assigned(self, partition: Partition) -> bool:
        return partition in self._partitions

    def register(self, partition: Partition, offset: int, messages: int) -> None:
        """Record that `offset` was consumed and `messages` were sent for it (0 = nothing to publish)."""
        state = self._partitions.get(partition)
        if state is None:
            raise KeyError(f"partition {partition} is not assigned")
        if messages < 0:
            raise ValueError("messages must be >= 0")
        if state.last_registered is not None and offset <= state.last_registered:
            raise OffsetOrderError(
                f"offset {offset} of {partition} is not after the previous one ({state.last_registered})"
            )
        state.last_registered = offset
        state.pending[offset] = messages
        self._advance(state)

    def ack(self, partition: Partition, offset: int) -> None:
        """One message produced from `offset` was acknowledged."""
        state = self._partitions.get(partition)
        if state is None or offset not in state.pending:
            return  # the partition was revoked meanwhile: its new owner re-reads the record
        if state.pending[offset] <= 0:
            raise ValueError(f"more acknowledgements than messages for {partition} offset {offset}")
        state.pending[offset] -= 1
        self._advance(state)

    def fail(self, partition: Partition, offset: int) -> None:
        """A message produced from `offset` failed for good: the partition never commits past it."""
        state = self._partitions.get(partition)
        if state is None or offset not in state.pending:
            return
        if state.failed_offset is None or offset < state.failed_offset:
            state.failed_offset = offset

    def committable(self) -> dict[Partition, int]:
        """Positions to commit now: one per partition whose done prefix moved past the last commit."""
        result: dict[Partition, int] = {}
        for partition, state in self._partitions.items():
            position = self._offerable(state)
            if position is not None:
                result[partition] = position
        return result

    def mark_committed(self, positions: dict[Partition, int]) -> None:
        """The broker accepted these positions; lower or equal ones will not be offered again."""
        for partition, position in positions.items():
            state = self._partitions.get(partition)
            if state is None:
                continue
            if state.committed_position is None or position > state.committed_position:
                state.committed_position = position

    def revoke(self, partitions: Iterable[Partition]) -> dict[Partition, int]:
        """Stop tracking partitions; return the positions that may still be committed for them."""
        final: dict[Partition, int] = {}
        for partition in partitions:
            state = self._partitions.pop(partition, None)
            if state is None:
                continue
            position = self._offerable(state)
            if position is not None:
                final[partition] = position
        return final

    def in_flight(self) -> int:
        """Records consumed whose messages are not all acknowledged yet (the uncommitted window)."""
        return sum(1 for state in self._partitions.values() for count in state.pending.values() if count)

    def pending_records(self) -> int:
        """Records consumed and not yet part of a done prefix, counting done ones behind a pending one."""
        return sum(len(state.pending) for state in self._partitions.values())

    def failed(self) -> dict[Partition, int]:
        """Partitions blocked by a failed produce, with the offset that failed."""
        return {p: s.failed_offset for p, s in self._partitions.items() if s.failed_offset is not None}

    def assigned(self) -> list[Partition]:
        return list(self._partitions)

    @staticmethod
    def _advance(state: _PartitionState) -> None:
        pending = state.pending
        while pending:
            offset, count = next(iter(pending.items()))
            if count or (state.failed_offset is not None and offset >= state.failed_offset):
                return
            pending.popitem(last=False)
            state.done_position = offset + 1

    @staticmethod
    def _offerable(state: _PartitionState) -> int | None:
        position = state.done_position
        if position is None:
            return None
        if state.committed_position is not None and position <= state.committed_position:
            return None
        return position
