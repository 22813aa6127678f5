"""The one path from a wire item to its claim events, shared by `extract`, `worker` and `replay`.

Pure: no Kafka, no I/O. The same item always yields the same events (same ids, same bytes), which
is what makes a replay safe to de-duplicate downstream.
"""

from __future__ import annotations

import math
import re

from worker import __version__
from worker.extract import extract_claims
from worker.extract.sentences import split_sentences
from worker.extract.types import Claim
from worker.ingest.clean import CleanedText, clean_body
from worker.limits import DEFAULT_LIMITS, ItemLimits, LimitExceeded
from worker.models import ClaimEvent, ClaimSource, Evidence, WireItem, make_claim_id

EXTRACTOR_VERSION = __version__
# Marks evidence cut short on one side of the figure.
ELLIPSIS = "…"

# What `max_numbers_per_sentence` counts: runs of digits ("1,250", "3.5") and number words.
_NUMBER = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozens?|scores?)\b",
    re.IGNORECASE,
)


def process_item(item: WireItem, limits: ItemLimits = DEFAULT_LIMITS) -> list[ClaimEvent]:
    """Clean the item's body, extract its claims and turn each into a claim event.

    Raises `LimitExceeded` for an item past `limits` (a run-on sentence, a sentence that is a list
    of numbers, a figure beyond float range), before the extractor's per-figure work on it.
    """
    cleaned = clean_body(item.body, headline=item.headline)
    _check_sentences(cleaned.text, limits)
    return [
        _to_event(item, cleaned, claim, limits)
        for claim in extract_claims(cleaned.text, location=cleaned.dateline_place)
    ]


def _check_sentences(text: str, limits: ItemLimits) -> None:
    for start, end in split_sentences(text):
        if end - start > limits.max_sentence_chars:
            raise LimitExceeded(
                "sentence_too_long",
                f"a sentence of {end - start} characters at {start} "
                f"(the limit is {limits.max_sentence_chars})",
            )
        numbers = sum(1 for _ in _NUMBER.finditer(text, start, end))
        if numbers > limits.max_numbers_per_sentence:
            raise LimitExceeded(
                "too_many_numbers",
                f"a sentence with {numbers} numbers at {start} "
                f"(the limit is {limits.max_numbers_per_sentence})",
            )


def evidence_window(text: str, claim: Claim, context_chars: int) -> str:
    """The claim's sentence cut to `context_chars` on each side of its figure, at word boundaries,
    with an ellipsis where it was cut: every claim of a long sentence would otherwise copy it all."""
    left = claim.start - context_chars
    right = claim.end + context_chars
    if left <= claim.sentence_start:
        prefix, left = "", claim.sentence_start
    else:
        space = text.find(" ", left, claim.start)
        prefix, left = ELLIPSIS, (space + 1 if space >= 0 else left)
    if right >= claim.sentence_end:
        suffix, right = "", claim.sentence_end
    else:
        space = text.rfind(" ", claim.end, right)
        suffix, right = ELLIPSIS, (space if space >= 0 else right)
    return prefix + text[left:right] + suffix


def _to_event(item: WireItem, cleaned: CleanedText, claim: Claim, limits: ItemLimits) -> ClaimEvent:
    for figure in (claim.value, claim.value_high):
        if figure is not None and not math.isfinite(figure):
            # Not a count of anything; a capped number would be read downstream as a real figure.
            raise LimitExceeded(
                "value_out_of_range", f"the figure {claim.quantity_text[:40]!r} is beyond float range"
            )
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
            sentence=evidence_window(cleaned.text, claim, limits.evidence_context_chars),
            start=start,
            end=end,
        ),
    )
