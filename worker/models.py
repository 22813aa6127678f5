"""The contracts at claimwire's edges: the wire item it reads and the claim event it writes.

These are pydantic models because they are validated where data crosses a boundary (a feed, a
topic, a file). Inside the extractor the hot path uses small slotted objects instead
(`worker.extract.types`), converted here once per claim.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CLAIM_SCHEMA_VERSION: Literal[1] = 1

Qualifier = Literal["exact", "approximate", "lower_bound", "upper_bound", "range"]
Category = Literal[
    "killed",
    "injured",
    "missing",
    "displaced",
    "evacuated",
    "detained",
    "abducted",
    "affected",
    "protesting",
    "other",
]
SourceType = Literal[
    "government",
    "military",
    "health_authority",
    "un_ngo",
    "media",
    "police",
    "person",
    "anonymous",
    "organisation",
    "other",
]


class WireItem(BaseModel):
    """One raw wire item in claimwire's own JSON envelope; fields a feed adds are kept."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=False)

    id: str = Field(min_length=1, description="Feed-unique item id; claim ids derive from it.")
    source: str | None = Field(default=None, description="The feed or agency that delivered the item.")
    published_at: datetime | None = Field(default=None, description="Publication time (ISO 8601).")
    headline: str | None = None
    body: str = Field(description="Raw body: may hold HTML, entities and page noise.")
    url: str | None = None
    language: str | None = Field(default=None, description="BCP 47 tag, e.g. 'en'.")


class ClaimSource(BaseModel):
    """Who the text says a figure comes from."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The fullest mention in the item, as written.")
    normalized: str = Field(description="Lower-case canonical name used for series keys.")
    type: SourceType


class ResolvedSource(BaseModel):
    """The body a source mention resolves to (docs/tracking.md): a stable id across spellings."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(
        description='Stable entity id, e.g. "ph-ndrrmc", "gov:ma:interior-ministry"; "" when the '
        'mention names no one ("Tuesday evening").'
    )
    name: str = Field(description="A readable name of the entity.")
    speaker: str | None = Field(
        default=None, description="The person who spoke for it, when the text names one."
    )


class ResolvedPlace(BaseModel):
    """A gazetteer entry (worker/extract/places.py) with its level and parent."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description='"iso:MA" (country), "iso:PK-SD" (subdivision), "gn:1647142" (city).')
    name: str
    level: Literal["country", "region", "city"]
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    parent: str | None = Field(default=None, description="Id of the region or country it lies in.")


class Evidence(BaseModel):
    """The sentence a claim was read from and where its quantity stands in the original body."""

    model_config = ConfigDict(frozen=True)

    sentence: str = Field(
        description="The sentence around the figure, cut to a window of context at word boundaries "
        "(an ellipsis marks a cut)."
    )
    start: int = Field(
        ge=0, description="Offset of quantity_text in the original body, or in the headline (characters)."
    )
    end: int = Field(ge=0)
    field: Literal["body", "headline"] = Field(
        default="body",
        description="Where the figure stands: the item's body, or its headline field (a figure the body "
        "does not restate); start and end count in that field.",
    )


class ClaimEvent(BaseModel):
    """One sourced numeric claim, as published to `claims.extracted`."""

    model_config = ConfigDict(frozen=True)

    schema_version: Literal[1] = CLAIM_SCHEMA_VERSION
    claim_id: str = Field(description="Deterministic: the same item and claim give the same id.")
    item_id: str
    feed: str | None = Field(default=None, description="The wire item's `source` (the feed).")
    published_at: datetime | None = None
    extractor_version: str
    # JSON has no infinity: a figure beyond float range would be written as null.
    value: float = Field(allow_inf_nan=False)
    value_high: float | None = Field(default=None, allow_inf_nan=False)
    qualifier: Qualifier
    unit: str | None = None
    quantity_text: str
    counted: str | None = None
    category: Category
    source: ClaimSource | None = None
    cue: str | None = None
    location: str | None = Field(default=None, description="Place the figure is about, when given.")
    evidence: Evidence
    resolved_source: ResolvedSource | None = Field(
        default=None, description="The entity the source resolves to; None when there is no source."
    )
    place: ResolvedPlace | None = Field(
        default=None, description="The gazetteer entry of the place the sentence puts the figure in."
    )
    event_place: ResolvedPlace | None = Field(
        default=None,
        description="The item's event place (its most prominent place, never the dateline).",
    )
    event_kind: str | None = Field(
        default=None,
        description='The kind of happening the item reports ("earthquake", "flood", "protest"), when named.',
    )
    earlier_value: bool = Field(
        default=False,
        description=(
            "The figure is a value the count had before, which the item recalls beside its current one "
            '("revised down to 104 from 120": the 120); the tracker announces only current values.'
        ),
    )
    projected_value: bool = Field(
        default=False,
        description=(
            "The figure is what the count is expected or feared to come to, not its value now "
            '("the toll could climb to 900", "expected to reach 250"); the tracker does not take it '
            "as the count's value."
        ),
    )


def make_claim_id(  # noqa: PLR0913  keyword-only: every part of the id by name
    item_id: str, *, start: int, end: int, value: float, value_high: float | None, unit: str | None
) -> str:
    """A stable id: a replay of the same item yields the same ids, so consumers can de-duplicate."""
    key = f"{item_id}\x1f{start}\x1f{end}\x1f{value!r}\x1f{value_high!r}\x1f{unit or ''}"
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
