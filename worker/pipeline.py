"""The one path from a wire item to its claim events, shared by `extract`, `worker` and `replay`.

Pure: no Kafka, no I/O. The same item always yields the same events (same ids, same bytes), which
is what makes a replay safe to de-duplicate downstream.
"""

from __future__ import annotations

from worker import __version__
from worker.extract import extract_claims
from worker.extract.types import Claim
from worker.ingest.clean import CleanedText, clean_body
from worker.models import ClaimEvent, ClaimSource, Evidence, WireItem, make_claim_id

EXTRACTOR_VERSION = __version__


def process_item(item: WireItem) -> list[ClaimEvent]:
    """Clean the item's body, extract its claims and turn each into a claim event."""
    cleaned = clean_body(item.body, headline=item.headline)
    return [
        _to_event(item, cleaned, claim)
        for claim in extract_claims(cleaned.text, location=cleaned.dateline_place)
    ]


def _to_event(item: WireItem, cleaned: CleanedText, claim: Claim) -> ClaimEvent:
    start, end = cleaned.original_span(claim.start, claim.end)
    source = claim.source
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
    )
