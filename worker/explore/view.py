"""The series explorer's materialised view: claim events and tracked events folded into series of points.

Pure: parsed JSON in, plain objects out; no Kafka, no clock. The fold reads only the fields it
shows and ignores any others, so the tracker may add fields (entity ids, event ids) without
breaking it. Every input is idempotent by claim id: a replay or a redelivery changes nothing.

Three inputs, in any order:
- a claim event (`claims.extracted`): the evidence of one figure (sentence, span, item, outlet,
  source as written); kept until a series refers to it;
- a tracked event (`claims.tracked`): which series a claim joined and what it meant (an update,
  a revision down, a conflict with another source);
- a series state (the tracker's changelog): every point of one series, late arrivals included,
  which announce no event.

Memory is bounded: at most `max_series` series (the least recently changed leaves first), at most
`max_points` points per series (the oldest by publication time leave first) and at most `max_claims`
claims' evidence (the first received leaves first). Every drop is counted in `dropped`.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from worker.errors import ClaimwireError

# About 0.5 KB per point and 0.4 KB per claim's evidence (bench/bench_explorer.py measures it):
# full, the view holds ~100 MB, well inside the tracker's memory limit (deploy/kubernetes).
DEFAULT_MAX_SERIES = 2_000
DEFAULT_MAX_POINTS = 100
DEFAULT_MAX_CLAIMS = 50_000

# What a tracked event's kind marks on the point it is about.
MARK_OF_EVENT = {
    "series_opened": "opened",
    "value_updated": "updated",
    "value_restated": "restated",
    "value_revised_down": "revised_down",
    "occurrence_recorded": "occurrence",
    "sources_conflict": "conflict",
}
UPDATE_MARKS = frozenset({"updated", "restated", "revised_down"})


class ExploreInputError(ClaimwireError, ValueError):
    """A record the view cannot read; the message says which field is wrong."""


@dataclass(slots=True, frozen=True)
class ClaimEvidence:
    """What a reader needs to check one figure: where it was written, by whom, in which words."""

    claim_id: str
    item_id: str
    feed: str | None
    published_at: datetime | None
    sentence: str
    quantity_text: str
    unit: str | None
    counted: str | None
    location: str | None
    source_text: str | None
    source_normalized: str | None
    source_type: str | None

    def highlight(self) -> tuple[str, str, str]:
        """The sentence split around the figure as written: (before, figure, after).

        The event's span counts in the original body, not the sentence, so the figure is found by
        its text; a sentence that does not hold it comes back whole, with an empty figure.
        """
        at = self.sentence.find(self.quantity_text) if self.quantity_text else -1
        if at < 0:
            return self.sentence, "", ""
        end = at + len(self.quantity_text)
        return self.sentence[:at], self.sentence[at:end], self.sentence[end:]


@dataclass(slots=True)
class ViewPoint:
    """One published figure of a series, and what the tracker said about it."""

    claim_id: str
    item_id: str
    value: float
    value_high: float | None
    qualifier: str
    published_at: datetime
    marks: set[str] = field(default_factory=set)
    # (series key, claim id) of the other sources' figures this one disagrees with
    conflicts: set[tuple[str, str]] = field(default_factory=set)


@dataclass(slots=True)
class ViewSeries:
    """One source's figure for one subject, as the tracker keyed it."""

    key: str
    subject_key: str
    source: str
    category: str
    counted: str
    place: str
    # Fields of the tracker's series reference beyond the above (entity or place ids, say): how the
    # tracker resolved the source and place, shown on the evidence card as they come.
    resolved: dict[str, str] = field(default_factory=dict)
    points: dict[str, ViewPoint] = field(default_factory=dict)

    def ordered(self) -> list[ViewPoint]:
        """Points by publication time, ties by claim id so every render is the same."""
        return sorted(self.points.values(), key=lambda p: (p.published_at, p.claim_id))

    def latest(self) -> ViewPoint | None:
        points = self.ordered()
        return points[-1] if points else None

    @property
    def updates(self) -> int:
        return sum(1 for p in self.points.values() if p.marks & UPDATE_MARKS)

    @property
    def disagrees(self) -> bool:
        return any(p.conflicts for p in self.points.values())

    @property
    def revised_down(self) -> bool:
        return any("revised_down" in p.marks for p in self.points.values())


@dataclass(slots=True)
class Subject:
    """What every source's series for one thing share: its key, a URL-safe id and the series."""

    key: str
    id: str
    category: str
    counted: str
    place: str
    series: list[ViewSeries]

    @property
    def title(self) -> str:
        """Category, counted thing and place, then the resolved fields every series shares."""
        counted = self.counted or "figure"
        title = f"{self.category} · {counted}" + (f" · {self.place}" if self.place else "")
        shared = dict(self.series[0].resolved.items())
        for series in self.series[1:]:
            shared = {name: value for name, value in shared.items() if series.resolved.get(name) == value}
        return title + (" (" + ", ".join(f"{k} {v}" for k, v in shared.items()) + ")" if shared else "")

    def points(self) -> list[ViewPoint]:
        return [point for series in self.series for point in series.points.values()]

    def first_published(self) -> datetime:
        return min(p.published_at for p in self.points())

    def last_published(self) -> datetime:
        return max(p.published_at for p in self.points())


@dataclass(slots=True, frozen=True)
class SeriesFilter:
    """Which series the list shows. Text filters match case-insensitively; `source` and `place` as
    part of the name, `category` whole. `since`/`until` keep series with a figure published in range."""

    category: str | None = None
    place: str | None = None
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def matches(self, series: ViewSeries) -> bool:
        if self.category and self.category.strip().lower() != series.category.lower():
            return False
        if self.place and self.place.strip().lower() not in series.place.lower():
            return False
        if self.source and self.source.strip().lower() not in series.source.lower():
            return False
        if self.since is None and self.until is None:
            return True
        return any(self._in_range(p.published_at) for p in series.points.values())

    def _in_range(self, moment: datetime) -> bool:
        if self.since is not None and moment < self.since:
            return False
        return self.until is None or moment <= self.until

    @property
    def active(self) -> bool:
        texts = (self.category, self.place, self.source)
        return any(texts) or self.since is not None or self.until is not None


@dataclass(slots=True)
class DropCounts:
    series: int = 0
    points: int = 0
    claims: int = 0
    rejected: int = 0  # records that could not be read at all


class ExplorerView:
    """The fold. Writers and readers share `lock`: hold it while rendering from the view."""

    def __init__(
        self,
        *,
        max_series: int = DEFAULT_MAX_SERIES,
        max_points: int = DEFAULT_MAX_POINTS,
        max_claims: int = DEFAULT_MAX_CLAIMS,
    ) -> None:
        if min(max_series, max_points, max_claims) < 1:
            raise ValueError("the explorer's caps must be at least 1")
        self.max_series = max_series
        self.max_points = max_points
        self.max_claims = max_claims
        self.lock = threading.RLock()
        self.dropped = DropCounts()
        # Both least recently changed first: the next to leave when a cap is reached.
        self._series: OrderedDict[str, ViewSeries] = OrderedDict()
        self._claims: OrderedDict[str, ClaimEvidence] = OrderedDict()

    def __len__(self) -> int:
        return len(self._series)

    # -- folding -------------------------------------------------------------------------------

    def add_claim(self, claim: Mapping[str, Any]) -> None:
        """Keep a claim event's evidence; ExploreInputError if it lacks what the page shows."""
        evidence = _evidence(claim)
        with self.lock:
            self._claims[evidence.claim_id] = evidence
            self._claims.move_to_end(evidence.claim_id)
            while len(self._claims) > self.max_claims:
                self._claims.popitem(last=False)
                self.dropped.claims += 1

    def add_tracked(self, event: Mapping[str, Any]) -> None:
        """Place a tracked event's points in their series and mark what the event says about them."""
        kind = str(event.get("event", ""))
        # Every part is checked before any is placed, so a broken event leaves no half of itself.
        series_ref = _mapping(event, "series")
        current_ref = _mapping(event, "current")
        previous_ref = None if event.get("previous") is None else _mapping(event, "previous")
        conflict = kind == "sources_conflict"
        other_refs = (_mapping(event, "other_series"), _mapping(event, "other")) if conflict else None
        for ref in (current_ref, previous_ref, other_refs[1] if other_refs else None):
            if ref is not None:
                _check_point(ref)
        with self.lock:
            series = self._series_for(series_ref)
            current = self._point_in(series, current_ref)
            if previous_ref is not None:
                self._point_in(series, previous_ref)
            mark = MARK_OF_EVENT.get(kind)
            if mark is not None and current is not None:
                current.marks.add(mark)
            if other_refs is not None and current is not None:
                other_series = self._series_for(other_refs[0])
                other = self._point_in(other_series, other_refs[1])
                if other is not None:
                    current.conflicts.add((other_series.key, other.claim_id))
                    other.conflicts.add((series.key, current.claim_id))
                    other.marks.add("conflict")
            self._evict_series()

    def add_state(self, state: Mapping[str, Any]) -> None:
        """Place every point of a series state (the tracker's changelog record)."""
        with self.lock:
            series = self._series_for(_mapping(state, "series"))
            history = state.get("history") or []
            if not isinstance(history, list):
                raise ExploreInputError("history: not a list")
            for point in [*history, _mapping(state, "current")]:
                if not isinstance(point, Mapping):
                    raise ExploreInputError("history: a point is not an object")
                self._point_in(series, point)
            self._evict_series()

    def remove_series(self, series_key: str) -> None:
        """A changelog tombstone: the tracker deleted this series."""
        with self.lock:
            self._series.pop(series_key, None)

    def reject(self) -> None:
        """Count a record the caller could not read (it reports the error where it belongs)."""
        with self.lock:
            self.dropped.rejected += 1

    # -- reading (hold `lock`) -----------------------------------------------------------------

    def evidence(self, claim_id: str) -> ClaimEvidence | None:
        return self._claims.get(claim_id)

    def series(self, series_key: str) -> ViewSeries | None:
        return self._series.get(series_key)

    def subjects(self, series_filter: SeriesFilter | None = None) -> list[Subject]:
        """Subjects with at least one matching series that has points, by latest figure, newest first."""
        chosen = series_filter or SeriesFilter()
        grouped: dict[str, list[ViewSeries]] = {}
        for series in self._series.values():
            if series.points and chosen.matches(series):
                grouped.setdefault(series.subject_key, []).append(series)
        subjects = [_subject(key, members) for key, members in grouped.items()]
        subjects.sort(key=lambda s: (s.last_published(), s.key), reverse=True)
        return subjects

    def subject(self, subject_id: str) -> Subject | None:
        """One subject by its id or its key, with every source's series."""
        for subject in self.subjects():
            if subject_id in (subject.id, subject.key):
                return subject
        return None

    # -- internals -----------------------------------------------------------------------------

    def _series_for(self, ref: Mapping[str, Any]) -> ViewSeries:
        key = _text(ref, "key")
        series = self._series.get(key)
        if series is None:
            series = ViewSeries(
                key=key,
                subject_key=_text(ref, "subject_key", default=key),
                source=_text(ref, "source", default=""),
                category=_text(ref, "category", default=""),
                counted=_text(ref, "counted", default=""),
                place=_text(ref, "place", default=""),
                resolved=_resolved_fields(ref),
            )
            self._series[key] = series
        self._series.move_to_end(key)
        return series

    def _point_in(self, series: ViewSeries, ref: Mapping[str, Any]) -> ViewPoint | None:
        """The series' point for this claim, added if new; None if the cap dropped it at once."""
        point = series.points.get(_text(ref, "claim_id"))
        if point is not None:
            return point
        point = _check_point(ref)
        series.points[point.claim_id] = point
        if len(series.points) > self.max_points:
            oldest = min(series.points.values(), key=lambda p: (p.published_at, p.claim_id))
            del series.points[oldest.claim_id]
            self.dropped.points += 1
            if oldest is point:
                return None
        return point

    def _evict_series(self) -> None:
        while len(self._series) > self.max_series:
            self._series.popitem(last=False)
            self.dropped.series += 1


def fold(
    view: ExplorerView,
    *,
    claims: Iterable[Mapping[str, Any]] = (),
    tracked: Iterable[Mapping[str, Any]] = (),
    states: Iterable[Mapping[str, Any]] = (),
) -> ExplorerView:
    """Fold whole streams into `view` (tests, the bench, a one-off file)."""
    for claim in claims:
        view.add_claim(claim)
    for state in states:
        view.add_state(state)
    for event in tracked:
        view.add_tracked(event)
    return view


def _check_point(ref: Mapping[str, Any]) -> ViewPoint:
    """A point from its JSON; ExploreInputError naming the field that is wrong."""
    return ViewPoint(
        claim_id=_text(ref, "claim_id"),
        item_id=_text(ref, "item_id", default=""),
        value=_number(ref, "value"),
        value_high=_optional_number(ref, "value_high"),
        qualifier=_text(ref, "qualifier", default="exact"),
        published_at=_moment(ref.get("published_at"), "published_at"),
    )


def subject_id(subject_key: str, category: str, counted: str, place: str) -> str:
    """A readable, URL-safe id: the subject's words, then a short hash of its key so ids never clash."""
    words = re.sub(r"[^a-z0-9]+", "-", f"{category} {counted} {place}".lower()).strip("-")[:60]
    digest = hashlib.blake2b(subject_key.encode("utf-8"), digest_size=4).hexdigest()
    return f"{words}-{digest}" if words else digest


def parse_moment(text: str) -> datetime:
    """An ISO 8601 date or time as an aware UTC datetime; ValueError for anything else."""
    moment = datetime.fromisoformat(text.strip())
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _subject(key: str, members: list[ViewSeries]) -> Subject:
    members.sort(key=lambda s: s.source)
    first = members[0]
    return Subject(
        key=key,
        id=subject_id(key, first.category, first.counted, first.place),
        category=first.category,
        counted=first.counted,
        place=first.place,
        series=members,
    )


SERIES_FIELDS = frozenset({"key", "subject_key", "key_version", "source", "category", "counted", "place"})
MAX_RESOLVED_FIELDS = 8
MAX_RESOLVED_LENGTH = 200


def _resolved_fields(ref: Mapping[str, Any]) -> dict[str, str]:
    """The series reference's other scalar fields, bounded in number and length."""
    found = {
        str(name): str(value)[:MAX_RESOLVED_LENGTH]
        for name, value in ref.items()
        if name not in SERIES_FIELDS and isinstance(value, str | int | float) and not isinstance(value, bool)
    }
    return dict(sorted(found.items())[:MAX_RESOLVED_FIELDS])


def _evidence(claim: Mapping[str, Any]) -> ClaimEvidence:
    evidence = _mapping(claim, "evidence")
    source = claim.get("source")
    if source is not None and not isinstance(source, Mapping):
        raise ExploreInputError("source: not an object")
    published = claim.get("published_at")
    return ClaimEvidence(
        claim_id=_text(claim, "claim_id"),
        item_id=_text(claim, "item_id"),
        feed=_optional_text(claim, "feed"),
        published_at=None if published is None else _moment(published, "published_at"),
        sentence=_text(evidence, "sentence"),
        quantity_text=_text(claim, "quantity_text", default=""),
        unit=_optional_text(claim, "unit"),
        counted=_optional_text(claim, "counted"),
        location=_optional_text(claim, "location"),
        source_text=None if source is None else _optional_text(source, "text"),
        source_normalized=None if source is None else _optional_text(source, "normalized"),
        source_type=None if source is None else _optional_text(source, "type"),
    )


def _mapping(record: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = record.get(name)
    if not isinstance(value, Mapping):
        raise ExploreInputError(f"{name}: missing or not an object")
    return value


def _text(record: Mapping[str, Any], name: str, default: str | None = None) -> str:
    """A non-empty string field; `default` when it is missing, else ExploreInputError."""
    value = record.get(name)
    if isinstance(value, str) and value:
        return value
    if default is None:
        raise ExploreInputError(f"{name}: missing or not a string")
    return default


def _optional_text(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    return None if value is None else str(value)


def _number(record: Mapping[str, Any], name: str) -> float:
    value = record.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ExploreInputError(f"{name}: missing or not a number")
    return float(value)


def _optional_number(record: Mapping[str, Any], name: str) -> float | None:
    return None if record.get(name) is None else _number(record, name)


def _moment(value: Any, name: str) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if not isinstance(value, str):
        raise ExploreInputError(f"{name}: missing or not a time")
    try:
        return parse_moment(value)
    except ValueError:
        raise ExploreInputError(f"{name}: not an ISO 8601 time: {value[:40]!r}") from None
