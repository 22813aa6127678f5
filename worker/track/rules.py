"""Tracking rules: what one new claim means for its series, and for other sources' figures on the subject.

Pure: no Kafka, no clock, no I/O. A series is ordered by publication time, never by arrival, and
a claim id it already holds changes nothing, so feeding the same claims again (a replay, a
redelivery after a restart) announces nothing twice.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal

from worker.models import ClaimEvent
from worker.track.keys import SeriesParts, series_parts
from worker.track.normalize import PEOPLE_CATEGORIES

# Counts that only grow while events unfold; a lower figure for one of these is a revision of the
# earlier count, not news that fewer people were killed.
CUMULATIVE_CATEGORIES = frozenset({"killed", "injured", "displaced", "missing"})

# Values kept per series. A toll reported daily for seven weeks fits; older values leave the
# history but the current value is kept apart and never leaves.
HISTORY_LIMIT = 50

# Two sources disagree when their figures for one subject, published within CONFLICT_WINDOW of each
# other, are further apart than CONFLICT_THRESHOLD of the larger figure. A day because tolls are
# updated daily: figures further apart in time differ by the toll's growth, not by disagreement.
# A tenth because sources rounding or counting a few hours apart differ by a few percent.
CONFLICT_WINDOW = timedelta(hours=24)
CONFLICT_THRESHOLD = 0.10
# Sources disputing one count differ by up to a factor of ten or so (a union's crowd against the
# police's); figures further apart than this count different things.
MAX_DISPUTE_RATIO = 15.0
# The lowest value an upper bound ("nearly N", "up to N") allows, as a share of N.
UPPER_BOUND_FLOOR = 0.5

# A running total published this long after its series' current value is about a new event (the
# next flood season, another quake): the series starts over. Long enough for a disaster's toll to be
# updated for weeks, with gaps of a few weeks between reports. Counts that are not cumulative never
# start over: each is an occurrence of its own already, and a movement's days of protest come weeks
# or months apart.
EVENT_GAP = timedelta(days=30)
# A count that is not cumulative (a crowd, a day's deaths) repeated within this time is the same
# count restated; a different figure is a new occurrence, never an update.
RESTATE_WINDOW = timedelta(days=7)

EventKind = Literal[
    "series_opened",
    "value_updated",
    "value_restated",
    "value_revised_down",
    "occurrence_recorded",
    "sources_conflict",
]


@dataclass(slots=True, frozen=True)
class Point:
    """One value of a series: the claim it came from and when it was published."""

    claim_id: str
    item_id: str
    value: float
    value_high: float | None
    qualifier: str
    published_at: datetime  # timezone-aware, UTC
    wording: str | None = None  # the source as the item names it
    place_name: str | None = None  # the place the claim resolved to

    @property
    def level(self) -> float:
        """The figure as one number: the value, or a range's midpoint."""
        return self.value if self.value_high is None else (self.value + self.value_high) / 2

    def same_figure(self, other: Point) -> bool:
        return self.value == other.value and self.value_high == other.value_high

    def interval(self) -> tuple[float, float]:
        """The values the figure allows: "at least 30" allows anything from 30 up."""
        if self.qualifier == "lower_bound":
            return (self.value, math.inf)
        if self.qualifier == "upper_bound":
            # "nearly 2 million", "up to 50": close to the figure, not anything below it. Half the
            # figure keeps vague maxima from disputing much lower counts only by a wide margin.
            return (self.value * UPPER_BOUND_FLOOR, self.value)
        return (self.value, self.value if self.value_high is None else self.value_high)


@dataclass(slots=True, frozen=True)
class Observation:
    """A claim as the tracker sees it: its series and its point."""

    parts: SeriesParts
    point: Point
    earlier: bool = False  # a value the count had before, recalled beside the current one
    projected: bool = False  # what the count may come to, not its value now


@dataclass(slots=True)
class SeriesState:
    """One source's figure for one subject: the announced value and the recent history."""

    parts: SeriesParts
    current: Point | None = None
    history: list[Point] = field(default_factory=list)  # oldest first, by publication time

    @property
    def key(self) -> str:
        return self.parts.series_key

    def has_seen(self, claim_id: str) -> bool:
        if self.current is not None and self.current.claim_id == claim_id:
            return True
        return any(point.claim_id == claim_id for point in self.history)


@dataclass(slots=True, frozen=True)
class TrackEvent:
    """Something worth announcing about a series; `other_*` name the second source of a conflict."""

    kind: EventKind
    parts: SeriesParts
    point: Point
    previous: Point | None = None
    other_parts: SeriesParts | None = None
    other_point: Point | None = None

    @property
    def claim_ids(self) -> tuple[str, ...]:
        behind = self.previous or self.other_point
        return (self.point.claim_id,) if behind is None else (self.point.claim_id, behind.claim_id)

    @property
    def delta(self) -> float | None:
        return None if self.previous is None else self.point.level - self.previous.level


def as_utc(moment: datetime) -> datetime:
    """Naive times are read as UTC: wire feeds that omit the offset publish in UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def observation_from_event(event: ClaimEvent, received_at: datetime) -> Observation | None:
    """The tracker's view of a claim event; None when no source is named (there is no series to join).

    `received_at` stands in for the publication time when the item carried none.
    """
    parts = series_parts(event)
    if parts is None:
        return None
    point = Point(
        claim_id=event.claim_id,
        item_id=event.item_id,
        value=event.value,
        value_high=event.value_high,
        qualifier=event.qualifier,
        published_at=as_utc(event.published_at or received_at),
        wording=event.source.text if event.source else None,
        place_name=(event.place.name if event.place else event.location),
    )
    return Observation(parts=parts, point=point, earlier=event.earlier_value, projected=event.projected_value)


def _record(state: SeriesState, point: Point) -> None:
    times = [p.published_at for p in state.history]
    state.history.insert(bisect.bisect_right(times, point.published_at), point)
    del state.history[:-HISTORY_LIMIT]


def _is_part_of_current_item(point: Point, current: Point) -> bool:
    """Another figure of the series in the item that gave the current value.

    An item that gives a toll often also repeats it in its headline, gives a part of it (a
    district's deaths the text does not place) or recalls an earlier day's figure; an item that
    gives an amount often breaks it down. None of these is news about the series: one item
    announces one value per series (its largest, for a running total: see reorder.release_order).
    """
    return point.item_id == current.item_id


def apply(state: SeriesState, observation: Observation) -> list[TrackEvent]:  # noqa: PLR0911  one return per event rule, in precedence order
    """Record the observation in `state` and return what it announces (nothing for a replayed claim).

    A claim older than the series' current value is kept in the history but announces nothing: it
    is a late arrival, not an update.
    """
    if observation.parts != state.parts:
        raise ValueError(f"claim for {observation.parts.series_key!r} applied to {state.key!r}")
    point = observation.point
    if state.has_seen(point.claim_id):
        return []
    _record(state, point)
    current = state.current
    if current is None:
        state.current = point
        return [TrackEvent(kind="series_opened", parts=state.parts, point=point)]
    if point.published_at < current.published_at:
        return []
    if state.parts.cumulative and point.published_at - current.published_at > EVENT_GAP:
        state.current = point
        return [TrackEvent(kind="series_opened", parts=state.parts, point=point)]
    cumulative = state.parts.cumulative and state.parts.category in CUMULATIVE_CATEGORIES
    if _is_part_of_current_item(point, current):
        return []
    if not state.parts.cumulative and not (
        point.same_figure(current) and point.published_at - current.published_at <= RESTATE_WINDOW
    ):
        # Another day's or another crowd's count: a new occurrence of the series, never an update of
        # the last one, so it carries no previous value (docs/tracking.md, "Counts that are not
        # cumulative").
        state.current = point
        return [TrackEvent(kind="occurrence_recorded", parts=state.parts, point=point)]
    state.current = point
    return [
        TrackEvent(
            kind=_change_kind(point, current, cumulative),
            parts=state.parts,
            point=point,
            previous=current,
        )
    ]


def _change_kind(point: Point, previous: Point, cumulative: bool) -> EventKind:
    if point.same_figure(previous):
        return "value_restated"
    if point.level < previous.level and cumulative:
        if _made_exact(point, previous):
            return "value_updated"  # "nearly 700", then 694: the count made exact, not cut
        return "value_revised_down"
    return "value_updated"


# How far below a vague figure ("nearly 700", "about 700") an exact one may fall and still be the
# same count given precisely rather than a count revised down.
VAGUE_FIGURE_SPREAD = 0.1


def _made_exact(point: Point, previous: Point) -> bool:
    """Whether a lower figure only gives precisely what the previous one gave vaguely: inside its
    range ("700 to 800", then 710), or just below a figure it gave as near or about ("nearly 700",
    then 694)."""
    if previous.value_high is not None:
        return previous.value <= point.level <= previous.value_high
    vague = previous.qualifier in ("upper_bound", "approximate")
    return vague and point.level >= previous.level * (1 - VAGUE_FIGURE_SPREAD)


def figures_disagree(first: Point, second: Point, threshold: float = CONFLICT_THRESHOLD) -> bool:
    """Whether the gap between what the two figures allow exceeds `threshold` of the larger figure."""
    low_a, high_a = first.interval()
    low_b, high_b = second.interval()
    gap = max(low_a - high_b, low_b - high_a, 0.0)
    scale = max(abs(v) for v in (low_a, high_a, low_b, high_b) if math.isfinite(v))
    if gap <= threshold * scale:
        return False
    smaller = min(first.level, second.level)
    # Figures this far apart count different things (a city's crowd and the country's, a district's
    # dead and the nation's) that the text did not place, not the same thing disputed.
    return smaller > 0 and max(first.level, second.level) / smaller <= MAX_DISPUTE_RATIO


# Sources too vague to dispute a named body's figure: "officials said" and "the authorities said"
# most often relay that body's figure, or an older one of it. They still conflict with each other.
VAGUE_SOURCES = frozenset(
    {
        "generic:officials",
        "generic:authorities",
        "generic:government",
        "generic:media",
        "generic:state media",
        "generic:local media",
        "generic:rescuers",
        # people at the scene give what they saw, not a count they keep
        "generic:witnesses",
        "generic:residents",
    }
)


def _is_vague(source: str) -> bool:
    """A vague source, also of one area ("district officials" is as vague as "officials")."""
    return source in VAGUE_SOURCES or f"generic:{source.rsplit(' ', 1)[-1]}" in VAGUE_SOURCES


def find_conflicts(
    state: SeriesState,
    peers: Iterable[SeriesState],
    *,
    window: timedelta = CONFLICT_WINDOW,
    threshold: float = CONFLICT_THRESHOLD,
    compared_since: Point | None = None,
) -> list[TrackEvent]:
    """Conflicts between `state`'s current value and other sources' current values for its subject.

    `compared_since` is the point a restatement repeats: a peer's value that was already within the
    window of it was compared with the same figure then (by one side or the other), so the
    restatement announces no conflict with it again.
    """
    point = state.current
    if point is None:
        return []
    conflicts = []
    for peer in sorted(peers, key=lambda s: s.key):
        other = peer.current
        if other is None or peer.parts.source == state.parts.source:
            continue
        if compared_since is not None and other.published_at <= compared_since.published_at + window:
            continue  # the same figures were weighed when the repeated one was stated
        if peer.parts.subject_key != state.parts.subject_key:
            continue
        if abs(other.published_at - point.published_at) > window:
            continue
        if _is_vague(state.parts.source) != _is_vague(peer.parts.source):
            continue
        if state.parts.category not in PEOPLE_CATEGORIES:
            # Only counts of people are disputed: two sources' amounts of money or measures most
            # often cover different things (one sector's damage and the total), which the counted
            # noun rarely says.
            continue
        if figures_disagree(point, other, threshold):
            conflicts.append(
                TrackEvent(
                    kind="sources_conflict",
                    parts=state.parts,
                    point=point,
                    other_parts=peer.parts,
                    other_point=other,
                )
            )
    return conflicts
