"""The reorder window: claims wait a little so that ones arriving out of publication order still link.

Claims reach the tracker in arrival order, which is not publication order: the worker reads items
from several input partitions, and a feed delivers a late story after a later one. Each tracker
partition holds its claims in a buffer and releases them sorted by publication time once the
partition has been quiet for the window (no new claim for `window_seconds`), or once the oldest
held claim has waited `max_hold_seconds` (so a steady stream is still released). A claim that
arrives after its series has moved past it is kept in the history as a late value, as before.

Pure: the caller passes the clock (monotonic seconds). A window of 0 turns reordering off: every
claim is released as soon as it arrives, in arrival order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from worker.track.keys import UNATTRIBUTED
from worker.track.rules import Observation

T = TypeVar("T")


def release_order(
    observation: Observation, item_rank: int, arrival: int
) -> tuple[datetime, int, bool, float, bool, int]:
    """Publication time first; then each item's claims together, those credited to a source before
    those credited to no one (so a figure credited to no one meets the item's own named figure of
    its series first, and is then one of that item's figures), a running total's largest figure
    first (so the item's smaller figures of that total, the day's deaths or a region's, do not
    chain before it), another count's exact figure before a rounded one ("more than a million ...,
    putting the figure at 1.09 million" gives 1.09 million); then arrival."""
    point = observation.point
    cumulative = observation.parts.cumulative
    level = -point.level if cumulative else 0.0
    rounded = not cumulative and point.qualifier != "exact"
    return (point.published_at, item_rank, observation.parts.source == UNATTRIBUTED, level, rounded, arrival)


@dataclass(slots=True)
class _Held(Generic[T]):
    order: tuple[datetime, int, bool, float, bool, int]
    value: T


@dataclass(slots=True)
class ReorderBuffer(Generic[T]):
    """Held claims of one partition, released in publication order."""

    window_seconds: float
    max_hold_seconds: float
    _held: list[_Held[T]] = field(default_factory=list)
    _item_ranks: dict[str, int] = field(default_factory=dict)
    _first_arrival: float | None = None
    _last_arrival: float | None = None
    _arrivals: int = 0

    def __len__(self) -> int:
        return len(self._held)

    def add(self, observation: Observation, value: T, now: float) -> None:
        rank = self._item_ranks.setdefault(observation.point.item_id, len(self._item_ranks))
        self._held.append(_Held(release_order(observation, rank, self._arrivals), value))
        self._arrivals += 1
        if self._first_arrival is None:
            self._first_arrival = now
        self._last_arrival = now

    def values(self) -> list[T]:
        """The held values, in arrival order."""
        return [h.value for h in self._held]

    def due(self, now: float) -> list[T]:
        """Everything held, in release order, when the window or the longest hold has passed; else []."""
        if not self._held or self._first_arrival is None or self._last_arrival is None:
            return []
        quiet = now - self._last_arrival >= self.window_seconds
        waited = now - self._first_arrival >= self.max_hold_seconds
        return self.flush() if quiet or waited else []

    def flush(self) -> list[T]:
        """Everything held, in release order (at the end of a file, or with a window of 0)."""
        held = self._held if self.window_seconds <= 0 else sorted(self._held, key=lambda h: h.order)
        self._held = []
        self._item_ranks = {}
        self._first_arrival = self._last_arrival = None
        return [h.value for h in held]
