"""The one path from a wire item to its claim events, shared by `extract`, `worker` and `replay`.

Pure: no Kafka, no I/O. The same item always yields the same events (same ids, same bytes), which
is what makes a replay safe to de-duplicate downstream.
"""

from __future__ import annotations

from worker import __version__
from worker.extract import extract_claims
from worker.extract.places import ItemPlaces, Place, gazetteer, item_places
from worker.extract.types import Claim
from worker.ingest.clean import CleanedText, clean_body
from worker.models import (
    ClaimEvent,
    ClaimSource,
    Evidence,
    ResolvedPlace,
    ResolvedSource,
    WireItem,
    make_claim_id,
)
from worker.track.identity import ItemContext, item_context, resolve_source

EXTRACTOR_VERSION = __version__


def process_item(item: WireItem) -> list[ClaimEvent]:
    """Clean the item's body, extract its claims, resolve their sources and places, make events.

    Sources and places are resolved here, once per item, because resolution needs the whole item:
    the acronyms it defines, the people it introduces with their office, its event place.
    """
    cleaned = clean_body(item.body, headline=item.headline)
    where = item_places(cleaned.text, item.headline)
    # A figure whose sentence names no place is about the item's event place, never the dateline:
    # the bureau's city is where the reporter sits.
    fallback = fallback_name(where)
    context = item_context(cleaned.text, where.country, where.countries)
    return [
        _to_event(item, cleaned, claim, context, where)
        for claim in extract_claims(cleaned.text, location=fallback)
    ]


def fallback_name(where: ItemPlaces) -> str | None:
    """The place a figure gets when its sentence names none: the item's event place."""
    return where.event_place.name if where.event_place is not None else None


def _resolved_place(place: Place | None) -> ResolvedPlace | None:
    if place is None:
        return None
    return ResolvedPlace(
        id=place.id, name=place.name, level=place.level, country=place.country, parent=place.parent
    )


def _to_event(
    item: WireItem, cleaned: CleanedText, claim: Claim, context: ItemContext, where: ItemPlaces
) -> ClaimEvent:
    start, end = cleaned.original_span(claim.start, claim.end)
    source = claim.source
    entity = resolve_source(source.text, source.normalized, source.type, context) if source else None
    place = gazetteer().lookup(claim.location, where.country) if claim.location else None
    if entity is not None and entity.country and (place is None or place.country != entity.country):
        # "Syria's health ministry said 1,400 died" in an item about a quake centred in Turkey: a
        # national body's figure is about its own country unless its sentence says otherwise.
        stated = claim.location is not None and claim.location != fallback_name(where)
        if not stated:
            place = gazetteer().by_id.get(f"iso:{entity.country}")
    return ClaimEvent(
        claim_id=make_claim_id(
            item.id, start=start, end=end, value=claim.value, value_high=claim.value_high, unit=claim.unit
        ),
        item_id=item.id,
        feed=item.source,
        published_at=item.published_at,
        extractor_version=EXTRACTOR_VERSION,
        value=claim.value,
        value_high=claim.value_high,
        qualifier=claim.qualifier,
        unit=claim.unit,
        quantity_text=claim.quantity_text,
        counted=claim.counted,
        category=claim.category,
        source=(
            ClaimSource(text=source.text, normalized=source.normalized, type=source.type) if source else None
        ),
        cue=source.cue if source else None,
        location=claim.location,
        evidence=Evidence(
            sentence=cleaned.text[claim.sentence_start : claim.sentence_end],
            start=start,
            end=end,
        ),
        resolved_source=(
            None
            if source is None
            # A mention that names no one ("Tuesday evening") resolves to the empty id: no series.
            else ResolvedSource(id=entity.id, name=entity.name, speaker=entity.speaker)
            if entity
            else ResolvedSource(id="", name=source.normalized)
        ),
        place=_resolved_place(place or where.event_place),
        event_place=_resolved_place(where.event_place),
        event_kind=where.event_kind,
    )
