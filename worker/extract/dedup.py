"""One claim per figure: a headline, caption or repeated paragraph restating a body figure is dropped.

Two claims are the same when they give the same value, range and unit, come from compatible
sources (the same, or one unsourced), sit in different sentences, and count the same thing (the
same head noun, a missing noun on one side, or the same casualty category). The fullest instance
is kept: one with a source, then the one in the longer sentence.
"""

from __future__ import annotations

from worker.extract.types import Claim


def deduplicate(claims: list[Claim]) -> list[Claim]:
    """`claims` without restatements, in their original order."""
    kept: list[Claim] = []
    for claim in claims:
        twin = next((i for i, other in enumerate(kept) if _same_claim(other, claim)), None)
        if twin is None:
            kept.append(claim)
        elif _fullness(claim) > _fullness(kept[twin]):
            kept[twin] = claim
    kept.sort(key=lambda c: c.start)
    return kept


def _same_claim(a: Claim, b: Claim) -> bool:
    if (a.value, a.value_high, a.unit) != (b.value, b.value_high, b.unit):
        return False
    if a.sentence_start == b.sentence_start:
        return False
    if a.source is not None and b.source is not None and a.source.normalized != b.source.normalized:
        return False
    head_a, head_b = _head(a.counted), _head(b.counted)
    if head_a is None or head_b is None or head_a == head_b:
        return True
    return a.category == b.category and a.category != "other"


def _head(counted: str | None) -> str | None:
    if not counted:
        return None
    return counted.split()[-1].lower().rstrip("s")


def _fullness(claim: Claim) -> tuple[int, int]:
    return (claim.source is not None, claim.sentence_end - claim.sentence_start)
