"""One claim per figure: a headline, caption, quote or repeated paragraph restating a body figure
is dropped, and two different claims that happen to share a value are both kept.

Two claims are the same when they give the same value, range and unit, sit in different sentences,
come from compatible sources and count the same thing. A figure in a headline-like line restates
the body whatever its words. Otherwise the counts must agree on their category, and on what they
count: the same head noun, or a missing or generic one ("others", "people") for a casualty count;
a count of things in the category `other` needs the same head ("some 300 sites" and "over 300
sites"); an amount of money needs no more, a measure with no head the same word before it ("a
rate of 2.5%" twice, not "from 2.5%" and "a forecast of 2.5%").
A count that is one part of a list ("seven officers, a medic and two residents") is restated only
by a count with the same head noun, never by a generic one ("seven people" elsewhere is a total).
Sources are compatible when they are the same, when one is missing, or when one of the two
sentences is a quote (a speaker restating the figure the text credits to their institution).
A distributive count ("two each") is never a restatement, nor are two figures whose sentences name
places known to be apart (two countries, two regions of one). A sentence that is the figure alone
("Seventy thousand.") restates the earlier figure of that value whatever it counts.

The kept claim is the first statement in the body (its span and qualifier, SPEC "Restatements"),
with the source of the other when only the other has one, and a headline's toll category (killed,
injured, missing) when the body's figure counts people it gives no category ("the number of victims
rose to 28" under "Toll rises to 28").
"""

from __future__ import annotations

import re
from dataclasses import replace

from worker.extract.categories import THING_NOUNS
from worker.extract.places import fold, gazetteer
from worker.extract.types import Claim

# A figure stated more often than this in one item is a table, not a restatement: later copies are
# compared with the first few only, which keeps the pass linear.
_MOST_TWINS_COMPARED = 32
# Heads that say only that people are counted, so they agree with any head of the same category.
_GENERIC_HEADS = frozenset(
    {"other", "people", "person", "individual", "dead", "injured", "wounded", "missing", "victim"}
)
# "two each", "one apiece": a distributive count, one claim per written number (SPEC).
_EACH_AFTER = re.compile(r"\s+(?:each|apiece)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


def deduplicate(claims: list[Claim], titles: frozenset[int] = frozenset(), text: str = "") -> list[Claim]:
    """`claims` without restatements, in their original order.

    `titles` holds the start offsets of headline-like sentences (a line of its own with no closing
    punctuation): a figure there restates the body whatever words surround it. `text` is the text
    the claims were found in (for the words around each figure); without it those checks are off.
    """
    # Claims are compared only with others of the same figure, so an item full of numbers (a results
    # table) costs one pass, not a comparison of every pair.
    by_figure: dict[tuple[float, float | None, str | None], list[Claim]] = {}
    for claim in claims:
        same_figure = by_figure.setdefault((claim.value, claim.value_high, claim.unit), [])
        if _is_new_figure(claim, text):
            same_figure.append(claim)
            continue
        candidates = enumerate(same_figure[:_MOST_TWINS_COMPARED])
        twin = next((i for i, other in candidates if _same_claim(other, claim, titles, text)), None)
        if twin is None:
            same_figure.append(claim)
        else:
            same_figure[twin] = _merged(same_figure[twin], claim, titles)
    return sorted((claim for group in by_figure.values() for claim in group), key=lambda c: c.start)


def _is_new_figure(claim: Claim, text: str) -> bool:
    return bool(text) and _EACH_AFTER.match(text, claim.end) is not None


def _same_claim(a: Claim, b: Claim, titles: frozenset[int], text: str) -> bool:  # noqa: PLR0911, PLR0912  one return per test that tells two readings apart
    if (a.value, a.value_high, a.unit) != (b.value, b.value_high, b.unit):
        return False
    if a.sentence_start == b.sentence_start:
        return False
    if a.sentence_start in titles or b.sentence_start in titles:
        return True
    if text and (_is_bare_figure(a, text) or _is_bare_figure(b, text)):
        return True  # '"We lost 70,000 factories. Seventy thousand."': the figure said again for weight
    if a.place_named and b.place_named and _apart(a.location, b.location):
        return False  # "200,000 marched in Montreal" and "in London, 200,000": one value, two places
    if (
        a.source is not None
        and b.source is not None
        and a.source.normalized != b.source.normalized
        and not (_in_quote(a, text) or _in_quote(b, text))
    ):
        return False
    if a.category != b.category:
        return False
    if a.listed and b.listed:
        return False  # two rows of a list or a table ("North | 12", "South | 12") count apart
    head_a, head_b = _head(a.counted), _head(b.counted)
    if head_a is not None and head_a == head_b:
        return True
    if a.listed or b.listed:
        return (
            False  # a part of a list ("seven officers, a medic and two residents", "Kano (10)") is no total
        )
    if a.category == "other":
        if a.unit is None:
            return False  # two counts of things need the same head
        if _is_currency(a.unit):
            return head_a is None or head_b is None  # "$8m of art" and later "the $8m haul"
        # "a rate of 2.5%" again; not "from 2.5%" and "a forecast of 2.5%"
        return head_a is None and head_b is None and _word_before(a, text) == _word_before(b, text)
    return head_a is None or head_b is None or head_a in _GENERIC_HEADS or head_b in _GENERIC_HEADS


def _apart(first: str | None, second: str | None) -> bool:
    """Whether two places are known to be apart: in different countries, or different regions of
    one (a town and its district, or two towns the gazetteer cannot tell apart, are not)."""
    if first is None or second is None or first == second:
        return False
    one, other = gazetteer().lookup(first), gazetteer().lookup(second)
    if one is None or other is None:
        return False
    if one.country != other.country:
        # "Santiago" names a Dominican province too: a name that is the other's country's capital
        # is that capital
        capitals = gazetteer().capitals
        return capitals.get(one.country) != fold(second) and capitals.get(other.country) != fold(first)
    return one.level == other.level == "region" and one.id != other.id


def _is_bare_figure(claim: Claim, text: str) -> bool:
    """Whether the claim's sentence is the figure alone and closed like a sentence ("Seventy
    thousand."), not a cell of a table or a row of a list."""
    tail = text[claim.end : claim.sentence_end]
    return (
        not claim.listed
        and not _WORD.search(text, claim.sentence_start, claim.start)
        and not _WORD.search(tail)
        and any(mark in tail for mark in ".!?")
    )


def _is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


# How far before a figure the word that qualifies it is read.
WORD_BEFORE_WINDOW = 24


def _word_before(claim: Claim, text: str) -> str:
    words = _WORD.findall(text, max(claim.sentence_start, claim.start - WORD_BEFORE_WINDOW), claim.start)
    return words[-1].lower() if words else ""


def _in_quote(claim: Claim, text: str) -> bool:
    """Whether the figure stands inside a quotation its paragraph opens before it ('"We lost 41
    people," she said', or a quote of several sentences): a quote mark elsewhere in the sentence
    ('the "Clean Rivers" march drew 9,000') does not make the figure quoted."""
    before = text[text.rfind("\n", 0, claim.start) + 1 : claim.start]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


def _head(counted: str | None) -> str | None:
    if not counted:
        return None
    return counted.split()[-1].lower().rstrip("s")


def _merged(kept: Claim, later: Claim, titles: frozenset[int]) -> Claim:
    """One claim for two statements of it: the first in the body, with a source if either has one."""
    first, second = (
        (later, kept)
        if kept.sentence_start in titles and later.sentence_start not in titles
        else (kept, later)
    )
    if first.category == "other" and second.category in _TOLL_CATEGORIES and not _counts_things(first):
        # "the total number of victims rose to 28" under "Death toll rises to 28": the headline says
        # what the body's figure counts
        first = replace(first, category=second.category)
    if first.source is None and second.source is not None:
        return replace(first, source=second.source)
    return first


# The categories a headline's words settle for the body's figure: the dead, hurt and missing. A body
# that calls its people arrivals ("2,900 migrants landed") keeps that over a headline's shorter words.
_TOLL_CATEGORIES = frozenset({"killed", "injured", "missing"})


def _counts_things(claim: Claim) -> bool:
    """Whether a claim counts things or measures ("300 homes", "12 km"): no casualty whatever a
    headline above it says."""
    if claim.unit is not None:
        return True
    word = claim.counted.split()[-1].lower() if claim.counted else None
    return word is not None and word in THING_NOUNS
