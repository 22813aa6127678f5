"""One claim per figure: a headline, caption or repeated paragraph restating a body figure is dropped.

Two claims are the same when they give the same value, range and unit, come from compatible
sources (the same, or one unsourced), sit in different sentences, and count the same thing: the
same head noun, or the same category when that category says what is counted or a noun is
missing. A figure in a headline-like line restates the body whatever its words. The fullest
instance is kept: a body sentence over a headline, then one with a source, then the longer one.
"""

from __future__ import annotations

from worker.extract.types import Claim

# A figure stated more often than this in one item is a table, not a restatement: later copies are
# compared with the first few only, which keeps the pass linear.
_MOST_TWINS_COMPARED = 32


def deduplicate(claims: list[Claim], titles: frozenset[int] = frozenset()) -> list[Claim]:
    """`claims` without restatements, in their original order.

    `titles` holds the start offsets of headline-like sentences (a line of its own with no closing
    punctuation): a figure there restates the body whatever words surround it.
    """
    # Claims are compared only with others of the same figure, so an item full of numbers (a results
    # table) costs one pass, not a comparison of every pair.
    by_figure: dict[tuple[float, float | None, str | None], list[Claim]] = {}
    for claim in claims:
        same_figure = by_figure.setdefault((claim.value, claim.value_high, claim.unit), [])
        candidates = enumerate(same_figure[:_MOST_TWINS_COMPARED])
        twin = next((i for i, other in candidates if _same_claim(other, claim, titles)), None)
        if twin is None:
            same_figure.append(claim)
        elif _fullness(claim, titles) > _fullness(same_figure[twin], titles):
            same_figure[twin] = claim
    return sorted((claim for group in by_figure.values() for claim in group), key=lambda c: c.start)


def _same_claim(a: Claim, b: Claim, titles: frozenset[int]) -> bool:
    if (a.value, a.value_high, a.unit) != (b.value, b.value_high, b.unit):
        return False
    if a.sentence_start == b.sentence_start:
        return False
    if a.sentence_start in titles or b.sentence_start in titles:
        return True
    if a.source is not None and b.source is not None and a.source.normalized != b.source.normalized:
        return False
    head_a, head_b = _head(a.counted), _head(b.counted)
    if head_a is not None and head_a == head_b:
        return True
    return a.category == b.category and (a.category != "other" or head_a is None or head_b is None)


def _head(counted: str | None) -> str | None:
    if not counted:
        return None
    return counted.split()[-1].lower().rstrip("s")


def _fullness(claim: Claim, titles: frozenset[int]) -> tuple[bool, bool, int]:
    return (
        claim.sentence_start not in titles,
        claim.source is not None,
        claim.sentence_end - claim.sentence_start,
    )
