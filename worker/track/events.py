"""The tracker's contracts at its edges: tracked events on `claims.tracked`, series states in the changelog.

pydantic models, converted once from the rules' slotted objects when an event or a state leaves
the process, and validated when a state comes back from the changelog on restore.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from worker.track.keys import KEY_PREFIX, SERIES_KEY_VERSION, SeriesParts
from worker.track.rules import HISTORY_LIMIT, EventKind, Point, SeriesState, TrackEvent

TRACKED_SCHEMA_VERSION: Final = 1


class SeriesRef(BaseModel):
    """Which series: its key and the normalised parts the key is made of."""

    model_config = ConfigDict(frozen=True)

    key: str = Field(description="`v<version>|country|kind|category|counted|place|source`.")
    subject_key: str = Field(description="The key without the source: what every source's figure shares.")
    key_version: int = SERIES_KEY_VERSION
    source: str
    category: str
    counted: str
    place: str = Field(description='"" for the event as a whole; else the gazetteer id of a region or town.')
    country: str = Field(default="xx", description='ISO 3166-1 alpha-2, lower case; "xx" when unknown.')
    kind: str = Field(
        default="", description='The kind of happening ("earthquake", "protest"); "" if unnamed.'
    )

    def parts(self) -> SeriesParts:
        return SeriesParts(
            category=self.category,
            counted=self.counted,
            place=self.place,
            source=self.source,
            country=self.country,
            kind=self.kind,
        )


class PointModel(BaseModel):
    """One value of a series and the claim and item it came from."""

    model_config = ConfigDict(frozen=True)

    claim_id: str
    item_id: str
    value: float
    value_high: float | None = None
    qualifier: str
    published_at: datetime
    wording: str | None = Field(default=None, description="The source as the item names it.")
    place_name: str | None = Field(default=None, description="The place the claim resolved to, by name.")

    def point(self) -> Point:
        return Point(
            claim_id=self.claim_id,
            item_id=self.item_id,
            value=self.value,
            value_high=self.value_high,
            qualifier=self.qualifier,
            published_at=self.published_at,
            wording=self.wording,
            place_name=self.place_name,
        )


class TrackedEvent(BaseModel):
    """One event on `claims.tracked`; `event` names its kind."""

    model_config = ConfigDict(frozen=True)

    schema_version: Literal[1] = TRACKED_SCHEMA_VERSION
    event: EventKind
    event_id: str = Field(
        description="Deterministic from kind, series and claims: consumers may de-duplicate on it."
    )
    series: SeriesRef
    claim_ids: list[str] = Field(
        description="The claim this event is about first, then the one it is compared with."
    )
    current: PointModel
    previous: PointModel | None = Field(
        default=None, description="The value this one replaces (updates only)."
    )
    delta: float | None = Field(
        default=None, description="current minus previous (a range counts as its midpoint)."
    )
    other_series: SeriesRef | None = Field(
        default=None, description="The other source (sources_conflict only)."
    )
    other: PointModel | None = Field(
        default=None, description="The other source's value (sources_conflict only)."
    )

    @classmethod
    def of(cls, event: TrackEvent) -> TrackedEvent:
        return cls.model_validate(
            {
                "event": event.kind,
                "event_id": event_id(event),
                "series": _series_fields(event.parts),
                "claim_ids": list(event.claim_ids),
                "current": _point_fields(event.point),
                "previous": _point_fields(event.previous) if event.previous else None,
                "delta": event.delta,
                "other_series": _series_fields(event.other_parts) if event.other_parts else None,
                "other": _point_fields(event.other_point) if event.other_point else None,
            }
        )


# The models are built from plain dicts in one validation call: far cheaper in pydantic v2 than one
# model per point, and a snapshot holds up to HISTORY_LIMIT points.
def _series_fields(parts: SeriesParts) -> dict[str, object]:
    return {
        "key": parts.series_key,
        "subject_key": parts.subject_key,
        "source": parts.source,
        "category": parts.category,
        "counted": parts.counted,
        "place": parts.place,
        "country": parts.country,
        "kind": parts.kind,
    }


def _point_fields(point: Point) -> dict[str, object]:
    return {
        "claim_id": point.claim_id,
        "item_id": point.item_id,
        "value": point.value,
        "value_high": point.value_high,
        "qualifier": point.qualifier,
        "published_at": point.published_at,
        "wording": point.wording,
        "place_name": point.place_name,
    }


def event_id(event: TrackEvent) -> str:
    key = "\x1f".join((event.kind, event.parts.series_key, *event.claim_ids))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()


class SeriesSnapshot(BaseModel):
    """A series state as written to the changelog topic, keyed by `series.key`."""

    model_config = ConfigDict(frozen=True)

    schema_version: Literal[1] = TRACKED_SCHEMA_VERSION
    series: SeriesRef
    current: PointModel
    history: list[PointModel] = Field(
        max_length=HISTORY_LIMIT, description="Oldest first, by publication time."
    )

    @classmethod
    def of(cls, state: SeriesState) -> SeriesSnapshot:
        if state.current is None:
            raise ValueError(f"series {state.key!r} has no value yet")
        return cls.model_validate(
            {
                "series": _series_fields(state.parts),
                "current": _point_fields(state.current),
                "history": [_point_fields(p) for p in state.history],
            }
        )

    def state(self) -> SeriesState:
        parts = self.series.parts()
        if parts.series_key != self.series.key:
            raise ValueError(f"series key {self.series.key!r} is not the {KEY_PREFIX} key of its parts")
        return SeriesState(
            parts=parts,
            current=self.current.point(),
            history=[p.point() for p in self.history],
        )
