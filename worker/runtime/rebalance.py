"""What a rebalance leaves for the worker's loop to clean up: stale batches and kept partitions."""

from __future__ import annotations

from worker.records import Partition


class RebalanceState:
    """Which batches and partitions a rebalance invalidated; used only under the worker's lock.

    Every rebalance callback bumps `generation`, and a batch polled under an older one is dropped.
    kafka-python keeps the fetch position of a partition that a rebalance revokes and assigns
    straight back, so the records of batches dropped in between would never be read again: such
    kept partitions are rewound to their committed offsets before anything is published.
    """

    __slots__ = ("_kept", "_revoked", "generation")

    def __init__(self) -> None:
        self.generation = 0
        self._revoked: set[Partition] = set()
        self._kept: set[Partition] = set()

    def assigned(self, partitions: set[Partition]) -> None:
        self.generation += 1
        self._kept |= partitions & self._revoked
        self._revoked = set()

    def revoked(self, partitions: set[Partition]) -> None:
        self.generation += 1
        self._revoked |= partitions

    def rewind_due(self) -> bool:
        return bool(self._kept)

    def take_kept(self) -> set[Partition]:
        """The partitions to rewind to their commits, once."""
        kept, self._kept = self._kept, set()
        return kept
