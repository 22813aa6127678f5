"""The tracker's in-memory state for one input partition: series by key, and series grouped by subject.

The subject index is what conflict detection reads: every source's series for one category,
counted thing and place. It needs no state of its own, so a restore rebuilds it from the series.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from worker.track.rules import Observation, SeriesState, TrackEvent, apply, find_conflicts


@dataclass(slots=True)
class TrackResult:
    """What one claim did: the events it announces and the series state to write, if it changed."""

    events: list[TrackEvent] = field(default_factory=list)
    changed: SeriesState | None = None


class SeriesStore:
    """Series states of one input partition."""

    def __init__(self) -> None:
        self._series: dict[str, SeriesState] = {}
        self._subjects: dict[str, dict[str, SeriesState]] = {}

    def __len__(self) -> int:
        return len(self._series)

    def __iter__(self) -> Iterator[SeriesState]:
        return iter(self._series.values())

    def get(self, series_key: str) -> SeriesState | None:
        return self._series.get(series_key)

    def put(self, state: SeriesState) -> None:
        """Add or replace a series (a restore from the changelog uses this)."""
        self._series[state.key] = state
        self._subjects.setdefault(state.parts.subject_key, {})[state.key] = state

    def track(self, observation: Observation) -> TrackResult:
        """Apply one claim to its series, and look for conflicts if it became the series' value."""
        state = self._series.get(observation.parts.series_key)
        opened = state is None
        if state is None:
            state = SeriesState(parts=observation.parts)
        if state.has_seen(observation.point.claim_id):
            return TrackResult()
        events = apply(state, observation)
        if opened:
            self.put(state)
        if state.current is observation.point:
            peers = self._subjects[state.parts.subject_key].values()
            events.extend(find_conflicts(state, peers))
        return TrackResult(events=events, changed=state)
