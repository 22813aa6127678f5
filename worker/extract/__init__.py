"""Numeric claim extraction: pure functions on cleaned text, no I/O.

`extract_claims` splits the text into sentences, finds the quantities in each, asks
`worker.extract.attribution` who each one is credited to, adds what is counted, its category and
place, and drops restatements of the same figure.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from worker.extract.alternation import lowers_like_ignorecase, word_alternation
from worker.extract.attribution import attribute
from worker.extract.categories import (
    THING_NOUNS,
    FigureSpan,
    bracketed_place_share,
    categorise,
    category_named,
    column_label,
    counted_noun,
    money_noun_before,
    number_of_noun,
    protest_context,
    published_count_value,
)
from worker.extract.dedup import deduplicate
from worker.extract.language import in_another_language
from worker.extract.lexicon import (
    BRITAIN_NAMES,
    DEFAULT_PESO,
    DEFAULT_POUND,
    DEFAULT_RUPEE,
    DEFAULT_SHILLING,
    PESO_BY_COUNTRY,
    POUND_BY_COUNTRY,
    RUPEE_BY_COUNTRY,
    SHILLING_BY_COUNTRY,
)
from worker.extract.places import (
    NATIONAL_SCOPE,
    PlaceMention,
    capital_mentions,
    capital_of,
    figure_place,
    find_places,
    gazetteer,
    is_table_row,
    line_around,
    listed_place,
    sentence_places,
)
from worker.extract.quantities import ISO_CODES, Quantity, find_quantities, starts_a_move
from worker.extract.reporting import BRACKET_LABEL_NOUNS
from worker.extract.sentences import split_sentences
from worker.extract.types import Claim

__all__ = ["Figure", "extract_claims", "find_figures"]


class _CountryNames(NamedTuple):
    """The country names of a currency table, searched through a whole item: case-blind, and in
    lower case for an item lowered in place of case-blind matching (twice as fast)."""

    any_case: re.Pattern[str]
    lower_case: re.Pattern[str]

    @classmethod
    def of(cls, table: dict[str, str]) -> _CountryNames:
        names = rf"\b(?:{word_alternation(name.lower() for name in table)})\b"  # nested by shared prefix
        return cls(re.compile(names, re.IGNORECASE), re.compile(names))


_RUPEE_COUNTRY = _CountryNames.of(RUPEE_BY_COUNTRY)
_PESO_COUNTRY = _CountryNames.of(PESO_BY_COUNTRY)
_POUND_COUNTRY = _CountryNames.of(POUND_BY_COUNTRY)
_SHILLING_COUNTRY = _CountryNames.of(SHILLING_BY_COUNTRY)
# "210 pupils and 14 teachers", "36 and 17 deaths": counts joined into one clause.
# "210 pupils and 14 teachers", "seven officers, a medic and two residents": counts joined in one
# list, with up to two items that give no figure between them.
_JOINED_COUNTS = re.compile(
    r"(?:\s+[\w'’-]+){0,2}"
    # where each count was made: "20 people at Northgate hospital, 17 at Riverside and 12 ..."
    r"(?:\s+(?:at|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?)?"
    r"(?:\s*,\s+(?:(?:an?|the)\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?){0,2}"
    r"\s*(?:,|,?\s+and|,?\s+or)\s+"
)
# "people have died and", "were killed, while": the first clause of two joined counts.
_JOINED_CLAUSES = re.compile(r"[^.;:()]{0,60}?\s(?:and|while)\s+")
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$")
# "12,000 families or 58,000 people": one count written in two units.
_ALTERNATIVE_UNIT = re.compile(r"\s+[a-z]+\s+or\s+")
# The most characters a figure's clause runs on for when no figure follows it.
CLAUSE_REACH = 400
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|across|from|at)\s+$")
# "climbed to 4.2% in May from 3.9%": the figure a change started from.
_FROM_PREVIOUS = re.compile(
    r"(?:\s+(?:in|on|at|during|last|this)(?:\s+[\w'’]+){1,2})?,?\s+from\s+(?:[A-Za-z]+['’]s\s+)?"
)
# A sentence that opens with a part of the last count: "Two of them ...", "Of those, 12 ...".
_PARTITIVE_OPENING = re.compile(r"\s+of\s+(?:them|those|whom)\b", re.IGNORECASE)
# "Most of them, 27,775, ...", "Some of those, 12": a share of them with its figure set off after it.
_PARTITIVE_LEAD = re.compile(
    r"\s*(?:(?:most|many|some|half|all|the\s+majority)\s+)?(?:of|among)\s+(?:them|those|these)\s*,?\s*",
    re.IGNORECASE,
)
# "The UN put the figure at 450", "organisers put the number higher, at 40,000", "monitors say the real
# number is closer to 700", "publicly they put it at 212": a figure that names what it counts only by
# "the figure" counts what the last count before it counts.
# "maintained its estimate of 3.2 million", "the ministry's figure was 81,000" and a bare figure
# right after a reporting verb ("while unions claimed 3.5 million") do the same.
_ANAPHORIC_COUNT_BEFORE = re.compile(
    r"\b(?:(?:put|puts|putting|placed|places|raised|raises|revised|revises|lowered|lowers)\s+"
    r"(?:it|(?:the|its|their|that|this)\s+(?:(?:national|nationwide|overall|true|real|own)\s+)?"
    r"(?:figure|number|count|total|tally|estimate))"
    r"(?:\s+(?:(?:even|much|far|slightly|still|significantly)\s+)?(?:higher|lower),?)?\s+(?:at|to)"
    r"|(?:the|that|this|\w+['’]s)\s+(?:(?:true|real|actual|correct|final|overall|likely|own)\s+)?"
    r"(?:figure|number|count|total|tally)\s+(?:(?:could|may|might|would)\s+be|is|was|stands|stood|"
    r"has\s+risen|rose|reached|climbed"
    # "The agency's tally was later revised to 222"
    r"|(?:was|has\s+been|had\s+been)\s+(?:(?:later|since|then)\s+)?(?:revised|raised|lowered|updated)(?:\s+(?:up|down)(?:wards?)?)?)"
    r"(?:\s+(?:likely|probably))?"
    # "The figure is up from 900,000": the same count, earlier
    r"(?:\s+(?:at|to|(?:closer|nearer)\s+to|(?:up|down)\s+from))?"
    r"|(?:its|their|an?|the)\s+(?:(?:own|earlier|new|revised|updated|latest)\s+)?(?:figure|count|tally|estimate|total)\s+of"
    r"|(?:claimed|claims|counted|counts|estimated|estimates|reported|reports)(?:\s+(?:a\s+)?total\s+of)?)"
    r"\s+(?:(?:about|around|some|nearly|almost|roughly|approximately|over|more\s+than|at\s+least|up\s+to)\s+)?$",
    re.IGNORECASE,
)
# Cases a clause after them says were confirmed: a count of confirmed cases, a series of its own
# beside the suspected ones (worker.track.normalize).
_CASES_CONFIRMED_AFTER = re.compile(
    r"(?<=cases)\s+(?:(?:had|have|has)\s+)?(?:been|were|was)\s+(?:(?:now|so\s+far|since)\s+)?confirmed\b"
)
# "Laboratory-confirmed cases stand at 655", "confirmed cases had reached 902": the noun before.
_CONFIRMED_CASES_BEFORE = re.compile(
    r"\b(?:[\w-]+-)?confirmed\s+(?:[a-z]+\s+)?cases\s+(?:(?:have|has|had)\s+)?(?:now\s+)?"
    r"(?:rose|risen|reached|climbed|stand|stands|stood|totall?ed|totals?|hit)\s+(?:to\s+|at\s+)?$",
    re.IGNORECASE,
)
CONFIRMED_WINDOW = 80
# A figure that opens a list of figures, whose noun comes after the last: "336 and 307 deaths".
_FIGURE_LIST_AFTER = re.compile(r",?\s+(?:and|or)\s+\d|,\s*\d")
# The categories a figure's own words give that "put the figure at" overrides: none, or only the
# turnout a protest sentence lends any bare count.
_ANAPHORIC_OVERRIDES = frozenset({"other", "protesting"})
# Nouns that name a total without saying what it counts: "the 1,002 total".
_TOTAL_NOUNS = frozenset({"total", "figure", "tally", "count", "toll"})
# How far before a figure "put the figure at" is read.
ANAPHORIC_COUNT_WINDOW = 60
# "in" and a phrase in lower case after an amount of money: what the money is ("in humanitarian
# aid", "in cash"), not a place, a date or a total ("in Brussels", "in 2025", "in the first half").
_MONEY_PURPOSE = re.compile(
    r"\s+in(?=\s+[a-z])(?!\s+(?:the|a|an|its|their|his|her|our|all|total|addition|order|part|each|every|"
    r"which|what|exchange|return|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+ly)\b)"
)
# A rival figure from another source in a contrasting clause: "18 deaths, though local media report
# at least 25", "40 dead, while residents put the toll at 60": the same kind of count.
_RIVAL_FIGURE = re.compile(
    r"[^,;.]{0,40},?\s+(?:though|although|but|while|whereas)\s+[^,;.]{1,60}?\b"
    r"(?:report|reports|reported|say|says|said|put|puts|estimate|estimates|estimated|count|counts|counted|"
    r"claim|claims|claimed)\s+(?:(?:the\s+)?(?:death\s+)?(?:toll|number|figure|total)\s+(?:at|as)\s+)?"
)
# Another source's figure for the same count, in brackets right after it: "at 249 (official tally
# 167)", "20,000 marched (police estimate: 5,500)".
_BRACKETED_RIVAL = re.compile(
    rf"[^,;.()]{{0,60}}?\s*\((?:[\w.-]+\s+){{0,3}}?(?:{BRACKET_LABEL_NOUNS})\s*:?\s*"
)
# A figure set beside the one before it for another time or place: the same kind of count.
_COMPARED_WITH = re.compile(
    r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:(?:the|an?)\s+)?$"
    # "700 died, nearly double the previous year's 380"
    r"|\b(?:the\s+)?(?:previous|last|prior)\s+(?:year|month|week|season|summer|winter)['’]s\s+$"
)
# "31 people were detained, up from an earlier figure of 14", "410,000 customers, down from a peak
# of 640,000", "97 confirmed dead - a drop from an earlier toll of 115": the figure a change started
# from, named after a clause of its own; it counts what the figure it changed to counts.
_CHANGED_FROM = re.compile(
    r"(?:,|\s[—–-])\s+(?:up|down|an?\s+(?:sharp\s+|steep\s+)?(?:drop|fall|decline|decrease|rise|increase|jump))"
    r"\s+from\s+(?:(?:an?|the|its)\s+)?(?:[\w-]+['’]s\s+)?(?:(?:earlier|previous|initial|first|record|revised|official)\s+)?"
    r"(?:(?:death\s+)?(?:figure|count|toll|total|tally|estimate|peak|high|low)s?\s+of\s+)?$"
)
# "has risen from 225 to 326", "fell from 40 (its first count) to 31": "to" before the figure a
# move went to, after the one it started from.
_TO_THE_NEXT_FIGURE = re.compile(r"\s*(?:\([^()]{0,100}\)\s*)?to\s+")
# A figure the count is expected or feared to come to: "the toll could climb to 900", "expected to
# hit 250", "may rise above 1,000", "is likely to exceed". Not a guess at the count now ("the real
# toll could be 5,000").
_PROJECTED_BEFORE = re.compile(
    r"\b(?:(?:expected|forecast|projected|likely|set|feared|predicted|poised)\s+to"
    r"|could|may|might|would|will)\s+(?:well\s+|eventually\s+|soon\s+|even\s+|further\s+|still\s+)?"
    r"(?:rise|climb|reach|hit|top|exceed|surpass|pass|grow|increase|double|jump|soar|go\s+up)"
    r"(?:\s+(?:to|above|beyond|past|over|as\s+high\s+as))?\s+$",
    re.IGNORECASE,
)
PROJECTION_WINDOW = 60
# The words `_PROJECTED_BEFORE` can end on (before its trailing spaces): its verbs and prepositions.
_PROJECTED_LAST_WORDS = frozenset(
    {
        *("rise", "climb", "reach", "hit", "top", "exceed", "surpass", "pass", "grow", "increase"),
        *("double", "jump", "soar", "up", "to", "above", "beyond", "past", "over", "as"),
    }
)
# A verb the figure's own words open with, as a qualifier: "exceed 3,000", "surpass 10,000".
_VERB_IN_FIGURE = re.compile(r"(?:exceed|surpass|top|pass|cross)\s+", re.IGNORECASE)


def _projected(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the figure text[start:end] is what a count may come to (`_PROJECTED_BEFORE`); read
    past the verb the figure's words open with: "expected to exceed 3,000"."""
    verb = _VERB_IN_FIGURE.match(text, start, end)
    lead_end = verb.end() if verb is not None else start
    window_start = max(sentence_start, start - PROJECTION_WINDOW)
    window = text[window_start:lead_end]
    if window.isascii():
        # a cheap test first (most figures follow no verb of rising): the last word must be one the
        # pattern ends on; ASCII lowers as case-blind matching folds
        words = window.rsplit(None, 1)
        if not window[-1:].isspace() or not words or words[-1].lower() not in _PROJECTED_LAST_WORDS:
            return False
    return _PROJECTED_BEFORE.search(text, window_start, lead_end) is not None


# The figure a corrected one replaces: "2,150 people died, instead of the 4,800 reported on Friday".
_INSTEAD_OF = re.compile(
    r"(?:\s+[a-z]+){0,3}?,?\s+(?:instead\s+of|rather\s+than)\s+(?:the\s+|an?\s+)?"
    r"(?:(?:earlier|previous|initial|first|reported)\s+)?(?:(?:figure|count|toll|total|estimate)\s+of\s+)?"
)
# A line of a list or table ("- Region 5: 5", "• 40 arrests", "North: 12") is not a headline: two
# rows with the same figure are two claims.
_LIST_ROW = re.compile(r"[-–•*·]|[^:\n]{1,40}:\s*[\d.,]+$")
_CLOSING = frozenset(".!?\"”’')")
# A heading over bullets that sum up the story: its figures are restated below.
_SUMMARY_HEADING = re.compile(
    r"(?:key\s+(?:points|facts|developments)|what\s+we\s+know(?:\s+so\s+far)?|highlights|at\s+a\s+glance"
    r"|in\s+brief|summary|the\s+latest)\s*:?",
    re.IGNORECASE,
)
_BULLET = re.compile(r"[-–•*·]\s")


def _local_currencies(text: str) -> tuple[str, str, str, str]:
    """The rupee, peso, pound and shilling an item means, by the country it names; the country
    search runs only for items that write the currency ("Rs", "Rs.", "rupees")."""
    lower = text.lower()
    # the names are searched in the lowered item when lowering keeps every offset and folds as
    # case-blind matching does (`lowers_like_ignorecase`), else case-blind in the item itself
    searched = lower if lowers_like_ignorecase(text) else None
    rupee = (
        _pick(_RUPEE_COUNTRY, text, searched, RUPEE_BY_COUNTRY, DEFAULT_RUPEE)
        if "Rs" in text or "rupee" in lower
        else DEFAULT_RUPEE
    )
    peso = (
        _pick(_PESO_COUNTRY, text, searched, PESO_BY_COUNTRY, DEFAULT_PESO)
        if "peso" in lower
        else DEFAULT_PESO
    )
    pound = DEFAULT_POUND
    if ("£" in text or "pound" in lower) and not any(name in lower for name in BRITAIN_NAMES):
        pound = _pick(_POUND_COUNTRY, text, searched, POUND_BY_COUNTRY, DEFAULT_POUND)
    shilling = (
        _pick(_SHILLING_COUNTRY, text, searched, SHILLING_BY_COUNTRY, DEFAULT_SHILLING)
        if "Sh" in text or "shilling" in lower
        else DEFAULT_SHILLING
    )
    return rupee, peso, pound, shilling


class Figure(NamedTuple):
    """A quantity found in a sentence, with where it stands among the item's figures."""

    quantity: Quantity
    sentence: int  # index of its sentence
    restated: int  # index of the figure it restates in another unit, else -1
    sentence_first: int  # index of its sentence's first figure


def find_figures(text: str, sentences: list[tuple[int, int]]) -> list[Figure]:
    """The quantities of every sentence, in reading order: the first half of `extract_claims`, which
    a caller runs on its own to pass over the per-item work of an item with no figure at all."""
    rupee, peso, pound, shilling = _local_currencies(text)
    found: list[Figure] = []
    for s_index, (s_start, s_end) in enumerate(sentences):
        quantities = find_quantities(
            text,
            s_start,
            s_end,
            rupee=rupee,
            peso=peso,
            pound=pound,
            shilling=shilling,
        )
        if quantities and in_another_language(text[s_start:s_end]):
            continue  # a quotation left in its own language: its figures are read in the report's words
        base = len(found)
        for quantity in quantities:
            restated = base + quantity.restates if quantity.restates is not None else -1
            found.append(Figure(quantity, s_index, restated, base))
    return found


def _next_clause_starts(text: str, found: list[Figure], sentences: list[tuple[int, int]]) -> list[int]:
    """Where the clause after each figure ends: at the next figure of its sentence, past one in a
    prepositional phrase ("5,000 homes in four towns were flooded" reads on to "flooded"), and at
    most CLAUSE_REACH characters on. Found in one pass from the end: a run-on sentence of many
    figures would otherwise read its whole rest once per figure."""
    starts = [0] * len(found)
    following: tuple[int, int] | None = None  # sentence and start of the nearest open figure after
    for index in range(len(found) - 1, -1, -1):
        quantity, s_index = found[index].quantity, found[index].sentence
        s_start, s_end = sentences[s_index]
        end = following[1] if following is not None and following[0] == s_index else s_end
        if end - quantity.end > CLAUSE_REACH:
            space = text.find(" ", quantity.end + CLAUSE_REACH, end)
            end = space if space >= 0 else end
        starts[index] = end
        if not _PREPOSITION_BEFORE.search(text, max(s_start, quantity.start - 8), quantity.start):
            following = (s_index, quantity.start)
    return starts


def _counted_phrase(
    text: str, quantity: Quantity, sentence_start: int, sentence_end: int, previous: Claim | None
) -> tuple[str | None, int]:
    """What a figure counts and where that phrase ends: the noun phrase after it, what an amount of
    money is in ("€50 million in humanitarian aid"), the noun a phrase before it names ("the
    number of dead rose to 300"), what the figure before it counts when the noun is left out
    ("450,000 customers ..., while 190,000 were still without power"), or its table column's header
    ("Deaths")."""
    counted, phrase_end = counted_noun(text, quantity.end, sentence_end)
    if counted is not None and published_count_value(text, quantity.start, quantity.end, sentence_start):
        counted, phrase_end = None, quantity.end
    if counted is not None and _CASES_CONFIRMED_AFTER.match(text, phrase_end, sentence_end):
        counted = f"confirmed {counted}"  # "1,104 cases had been confirmed": confirmed cases
    if counted is None and quantity.unit in ISO_CODES:
        purpose = _MONEY_PURPOSE.match(text, quantity.end, sentence_end)
        if purpose is not None:
            counted, phrase_end = counted_noun(text, purpose.end(), sentence_end)
        else:
            counted = money_noun_before(text, quantity.start, sentence_start)
    if (
        counted is None
        and "onfirmed" in text[max(sentence_start, quantity.start - CONFIRMED_WINDOW) : quantity.start]
    ):
        confirmed = _CONFIRMED_CASES_BEFORE.search(
            text, max(sentence_start, quantity.start - CONFIRMED_WINDOW), quantity.start
        )
        counted = "confirmed cases" if confirmed is not None else None  # "confirmed cases stand at 655"
    if counted is None:
        counted = (
            number_of_noun(text, quantity.start, sentence_start)
            or (
                previous.counted
                if previous is not None and _is_elided_count(text, quantity, previous)
                else None
            )
            or column_label(text, quantity.start)
        )
    return counted, phrase_end


def extract_claims(  # noqa: PLR0913  keyword-only: each reading of the item the pipeline already has
    text: str,
    *,
    location: str | None = None,
    country: str | None = None,
    sentences: list[tuple[int, int]] | None = None,
    place_mentions: Sequence[PlaceMention] | None = None,
    figures: list[Figure] | None = None,
) -> list[Claim]:
    """Every numeric claim in `text`, in reading order, one claim per figure: placed where its
    sentence says, else in `country` (the name of the item's country) when its clause says the
    figure is the whole country's, else at `location`. `sentences` is
    `split_sentences(text)`, `place_mentions` is `find_places(text)` and `figures` is
    `find_figures(text, sentences)` when the caller already has them."""
    if sentences is None:
        sentences = split_sentences(text)
    found = find_figures(text, sentences) if figures is None else figures
    if not found:
        return []
    attributions = attribute(text, sentences, [(q.start, q.end) for q, _, _, _ in found])

    protest_by_sentence: dict[int, bool] = {}

    def in_protest(s_index: int) -> bool:
        if s_index not in protest_by_sentence:
            s_start, s_end = sentences[s_index]
            protest_by_sentence[s_index] = protest_context(text[s_start:s_end])
        return protest_by_sentence[s_index]

    places: dict[int, list[PlaceMention]] = {}  # sentence -> the places a locative word introduces
    every_place: dict[int, list[PlaceMention]] = {}  # sentence -> every place it names
    figures_of: dict[int, list[int]] = {}  # sentence -> its figures' starts, in reading order
    for quantity, s_index, _, _ in found:
        figures_of.setdefault(s_index, []).append(quantity.start)

    capital = capital_of(country) if country is not None and "capital" in text else None

    def place_of(s_index: int, start: int, next_start: int) -> str | None:
        if s_index not in every_place:
            every_place[s_index] = _places_of_sentence(text, sentences[s_index], place_mentions)
            places[s_index] = sentence_places(text, *sentences[s_index], every_place[s_index])
            if capital is not None:
                places[s_index] = sorted(
                    places[s_index] + capital_mentions(text, *sentences[s_index], capital),
                    key=lambda mention: mention.start,
                )
        listed = listed_place(text, sentences[s_index][1], every_place[s_index], start, figures_of[s_index])
        return figure_place(text, places[s_index], start, next_start, listed)

    claims: list[Claim] = []
    earlier: set[int] = set()  # starts of the figures a change started from ("from A")
    next_starts = _next_clause_starts(text, found, sentences)
    for index, (quantity, s_index, restated, base) in enumerate(found):
        s_start, s_end = sentences[s_index]
        next_start = next_starts[index]
        previous = claims[index - 1] if index > base else None
        counted, phrase_end = _counted_phrase(text, quantity, s_start, s_end, previous)
        last_sentence_count = claims[-1] if claims and found[index - 1][1] == s_index - 1 else None
        part_of = (
            previous.category
            if previous is not None
            else _part_of_last_count(text, s_start, quantity, last_sentence_count)
        )
        category = categorise(
            text,
            FigureSpan(
                start=quantity.start,
                end=quantity.end,
                sentence_start=s_start,
                sentence_end=s_end,
                next_start=next_start,
                unit=quantity.unit,
                counted=counted,
                phrase_end=phrase_end,
                part_of=part_of,
                previous_end=previous.end if previous is not None else None,
                in_protest=in_protest(s_index),
                # the protest may be named a sentence or two before its head count
                after_protest=any(in_protest(i) for i in range(max(0, s_index - 2), s_index)),
            ),
        )
        if previous is not None and (
            _FROM_PREVIOUS.fullmatch(text, previous.end, quantity.start)
            or _CHANGED_FROM.search(text, previous.end, quantity.start)
            or (
                counted in (None, previous.counted)  # not "500 troops instead of 300 jets"
                and _INSTEAD_OF.fullmatch(text, previous.end, quantity.start) is not None
            )
        ):
            category = previous.category  # "rose to 2,400 from 2,000": the same count, before
            counted = counted or previous.counted
            earlier.add(quantity.start)
        elif (
            previous is not None
            and category == "other"
            and _COMPARED_WITH.search(text, previous.end, quantity.start)
        ):
            category = previous.category  # "900 died, compared with 1,100 last year": the same count
        elif (
            previous is not None
            and category == "other"
            and counted is None
            and quantity.unit is None
            and previous.unit is None
            and (
                _RIVAL_FIGURE.fullmatch(text, previous.end, quantity.start)
                or _BRACKETED_RIVAL.fullmatch(text, previous.end, quantity.start)
            )
        ):
            category, counted = previous.category, previous.counted  # "18 deaths, though media report 25"
        elif (
            # a bare count in a sentence about a protest reads as its turnout; "put the figure at"
            # says it counts what the count before it counts ("200 detained ..., the ministry put
            # the figure at 87")
            category in _ANAPHORIC_OVERRIDES
            and quantity.unit is None
            and claims
            and claims[-1].unit is None
            and (
                (
                    counted is None
                    and not _FIGURE_LIST_AFTER.match(text, quantity.end)  # "reported 336 and 307 deaths"
                    and _ANAPHORIC_COUNT_BEFORE.search(
                        text, max(s_start, quantity.start - ANAPHORIC_COUNT_WINDOW), quantity.start
                    )
                )
                # "a sharp rise over the 1,002 total announced earlier": the count named before
                or (counted in _TOTAL_NOUNS and text.endswith("the ", s_start, quantity.start))
            )
        ):
            category, counted = claims[-1].category, claims[-1].counted  # "The UN put the figure at 450"
        if _moves_to_the_next(
            text, quantity, s_start, found[index + 1][0] if index + 1 < len(found) else None
        ):
            earlier.add(quantity.start)
        source = claims[restated].source if restated >= 0 else attributions[index]
        own_place = place_of(s_index, quantity.start, next_start)
        if _national(
            text, quantity, previous.end if previous is not None else s_start, next_start, own_place
        ):
            own_place = country
        claims.append(
            Claim(
                value=quantity.value,
                value_high=quantity.value_high,
                qualifier=quantity.qualifier,
                unit=quantity.unit,
                quantity_text=text[quantity.start : quantity.end],
                counted=counted,
                category=category,
                start=quantity.start,
                end=quantity.end,
                sentence_start=s_start,
                sentence_end=s_end,
                source=source,
                location=own_place or location,
                listed=bracketed_place_share(text, quantity.start, quantity.end, s_start) is not None,
                earlier=quantity.start in earlier,
                projected=_projected(text, quantity.start, quantity.end, s_start),
                place_named=own_place is not None,
            )
        )
    return _item_wide_readings(text, sentences, claims, country)


def _moves_to_the_next(
    text: str, quantity: Quantity, sentence_start: int, following: Quantity | None
) -> bool:
    """Whether a figure is where a move started, the next figure where it ended: "has risen from
    225 to 326"."""
    if following is None:
        return False
    to = _TO_THE_NEXT_FIGURE.match(text, quantity.end)
    return (
        to is not None and to.end() == following.start and starts_a_move(text, quantity.start, sentence_start)
    )


def _item_wide_readings(
    text: str, sentences: list[tuple[int, int]], claims: list[Claim], country: str | None
) -> list[Claim]:
    """What the item's claims read from each other, once all are found, and the item's claims
    without its restatements."""
    _share_category_forward(text, claims)
    _share_category_with_breakdown(text, claims)
    _share_country_backward(text, claims)
    _temperature_scale(text, claims, country)
    _category_of_list_rows(text, sentences, claims)
    return deduplicate(claims, _title_sentences(text, sentences), text)


# A verb right after a bare figure: the noun was left out ("190,000 were", "12 remain").
_VERB_AFTER_BARE_FIGURE = re.compile(
    r"\s+(?:were|was|are|is|remain|remained|remains|had|have|has|still)\b", re.IGNORECASE
)


def _is_elided_count(text: str, quantity: Quantity, previous: Claim) -> bool:
    """Whether a bare figure counts what the figure before it in its sentence counts: people or
    customers, never a thing ("destroyed 40 homes and 3 were killed" counts no homes) or a fate."""
    if quantity.unit is not None or previous.unit is not None or previous.counted is None:
        return False
    if previous.counted.rsplit(" ", 1)[-1].lower() in THING_NOUNS or category_named(
        previous.counted, 0, len(previous.counted)
    ):
        return False  # "3,853 injured while 77 are still missing": a fate is no noun to share
    return _VERB_AFTER_BARE_FIGURE.match(text, quantity.end) is not None


def _part_of_last_count(text: str, sentence_start: int, quantity: Quantity, last: Claim | None) -> str | None:
    """The category of the last sentence's last count when this sentence opens with a part of it:
    "17 were wounded. Two of them are in a serious condition.", "Of those, 12 were children"."""
    if last is None:
        return None
    opens = not text[sentence_start : quantity.start].strip() and _PARTITIVE_OPENING.match(text, quantity.end)
    if opens or _PARTITIVE_LEAD.fullmatch(text, sentence_start, quantity.start):
        return last.category
    return None


def _places_of_sentence(
    text: str, sentence: tuple[int, int], place_mentions: Sequence[PlaceMention] | None
) -> list[PlaceMention]:
    """The places one sentence names: from the whole text's places when given, else found anew."""
    start, end = sentence
    if place_mentions is None:
        return find_places(text, start, end)
    first = bisect_left(place_mentions, start, key=lambda mention: mention.start)
    last = bisect_left(place_mentions, end, lo=first, key=lambda mention: mention.start)
    return list(place_mentions[first:last])


# Words that make bare degrees a temperature: "temperatures hit 47 degrees", "the mercury reached 118".
_TEMPERATURE_WORDS = re.compile(
    r"\b(?:temperatures?|mercury|heat|heatwave|hot|hottest|cold|coldest|warm|warmest|freezing|thermometers?"
    r"|highs?\s+of|lows?\s+of)\b",
    re.IGNORECASE,
)
# A scale the item writes out elsewhere: bare degrees take it.
_WRITTEN_SCALE = re.compile(r"°\s?(?P<sign>[CF])\b|\b(?P<word>[Cc]elsius|[Ff]ahrenheit|[Cc]entigrade)\b")


def _temperature_scale(text: str, claims: list[Claim], country: str | None) -> None:
    """Bare "degrees" of a temperature take the scale the item writes elsewhere, else Fahrenheit in
    the United States and Celsius outside it (SPEC)."""
    if not any(claim.unit == "degree" for claim in claims):
        return
    written = _WRITTEN_SCALE.search(text)
    if written is not None:
        sign = written.group("sign") or written.group("word")[0].upper()
        scale = "F" if sign == "F" else "C"
    else:
        scale = "F" if country == "United States" else "C"
    for claim in claims:
        if claim.unit == "degree" and _TEMPERATURE_WORDS.search(
            text, claim.sentence_start, claim.sentence_end
        ):
            claim.unit = scale


def _share_category_forward(text: str, claims: list[Claim]) -> None:
    """ "210 pupils and 14 teachers were among the missing": a count joined to the next one shares the
    category the words after that one give it (a count of things keeps its own)."""
    for index in range(len(claims) - 2, -1, -1):
        claim, following = claims[index], claims[index + 1]
        if not (
            claim.unit is None
            and following.unit is None
            and claim.sentence_start == following.sentence_start
            and _JOINED_COUNTS.fullmatch(text, claim.end, following.start)
            # "rescued 12 people, one of whom later died": a part of the count, not a second count
            and not _PARTITIVE_OPENING.match(text, following.end)
        ):
            continue
        claim.listed = following.listed = True
        # "127,000 families or 580,000 people were displaced": one count in two units, one category
        alternative = _ALTERNATIVE_UNIT.fullmatch(text, claim.end, following.start) is not None
        if (
            (claim.category == "other" or alternative)
            and following.category != "other"
            and (claim.counted is None or claim.counted.split()[-1].lower() not in THING_NOUNS)
            # "of the 512 people rescued, 48 were hurt": the words between say what the first counts
            and category_named(text, claim.end, following.start) is None
        ):
            claim.category = following.category


# A count, then the parts it includes: "516 people including 203 men and 213 women ...".
_INCLUDING_GAP = re.compile(r"[^,;.\d]{0,40}?,?\s+including\s+")


def _share_category_with_breakdown(text: str, claims: list[Claim]) -> None:
    """ "516 people including 203 men and 213 women were reported missing": the words after the
    parts say what befell the whole count too, when they give all its parts one category."""
    for index in range(len(claims) - 1):
        claim, first_part = claims[index], claims[index + 1]
        if not (
            claim.category == "other"
            and claim.unit is None
            and first_part.sentence_start == claim.sentence_start
            and (claim.counted is None or claim.counted.split()[-1].lower() not in THING_NOUNS)
            and text.find("including", claim.end, first_part.start) >= 0  # a cheap test first
            and _INCLUDING_GAP.fullmatch(text, claim.end, first_part.start)
        ):
            continue
        parts = [first_part]
        for part in claims[index + 2 :]:
            if part.sentence_start != claim.sentence_start or not _JOINED_COUNTS.fullmatch(
                text, parts[-1].end, part.start
            ):
                break
            parts.append(part)
        if len({part.category for part in parts}) == 1 and first_part.category != "other":
            claim.category = first_part.category


def _national(
    text: str, quantity: Quantity, clause_start: int, next_start: int, own_place: str | None
) -> bool:
    """Whether a figure's clause says it is the whole country's: after the figure, before any place
    its phrase names ("6 million homes nationwide, 1.5 million in the capital"), or before it
    when no place is named ("across the country, the tally stood at 250")."""
    after = _national_scope(text, quantity.end, next_start)
    if after is not None:
        return own_place is None or text.find(own_place, quantity.end, after.start()) < 0
    return own_place is None and _national_scope(text, clause_start, quantity.start) is not None


def _national_scope(text: str, start: int, end: int) -> re.Match[str] | None:
    """`NATIONAL_SCOPE` searched in text[start:end], after a cheap test: each of its phrases holds
    "countr" or "nation", and most clauses hold neither (text with letters outside ASCII always goes
    to the expression, which knows foldings `str.lower` does not)."""
    window = text[start:end]
    if lowers_like_ignorecase(window):
        lower = window.lower()
        if "countr" not in lower and "nation" not in lower:
            return None
    return NATIONAL_SCOPE.search(text, start, end)


def _share_country_backward(text: str, claims: list[Claim]) -> None:
    """ "8,500 have died and nearly 50,000 others were injured in Norland": a count joined to a
    clause that names its country shares it. Only a country: a town named there is as often the
    second count's alone ("21 died, and 85 were hurt near the bridge")."""
    for index in range(len(claims) - 2, -1, -1):
        claim, following = claims[index], claims[index + 1]
        if (
            claim.place_named
            or not following.place_named
            or following.location is None
            or claim.sentence_start != following.sentence_start
            or _JOINED_CLAUSES.fullmatch(text, claim.end, following.start) is None
        ):
            continue
        named_at = text.find(following.location, following.end, following.sentence_end)
        if named_at < 0 and _national_scope(text, following.end, following.sentence_end) is not None:
            # "6,300 died and 2,700 were hurt in clashes across the country": the country's, as named
            named_at = following.end
        elif named_at < 0 or _IN_BEFORE.search(text, following.end, named_at) is None:
            continue  # "hurt, and 22 were treated at the Clinical Centre of Norland": a body's name
        place = gazetteer().lookup(following.location)
        if place is not None and place.level == "country":
            claim.location = following.location
            claim.place_named = True


def _category_of_list_rows(text: str, sentences: list[tuple[int, int]], claims: list[Claim]) -> None:
    """Rows of a list ("- North: 12") after a line that introduces them with a colon ("The deaths
    break down by region:") count what the introduction names, each a part of the list: two rows
    with the same figure are two claims."""
    starts = [start for start, _ in sentences]
    for claim in claims:
        if claim.unit is not None:
            continue
        own = bisect_left(starts, claim.sentence_start)
        if is_table_row(text[slice(*line_around(text, claim.sentence_start))]):
            claim.listed = True  # a cell of a table: each row counts its own
        index = own
        while index > 0 and _is_list_row(text, *sentences[index]):
            index -= 1
        if index == own:
            continue  # the claim's own sentence is no list row
        intro_start, intro_end = sentences[index]
        if text[intro_start:intro_end].rstrip().endswith(":"):
            claim.listed = True
            if claim.category == "other":
                claim.category = category_named(text, intro_start, intro_end) or claim.category


def _is_list_row(text: str, start: int, end: int) -> bool:
    return _LIST_ROW.match(text, start, end) is not None or is_table_row(text[start:end])


def _title_sentences(text: str, sentences: list[tuple[int, int]]) -> frozenset[int]:
    """Sentences that are a whole line with no closing punctuation (headlines, bylines, captions),
    and the bullets under a summary heading ("Key points:"), which restate the story below."""
    titles = set()
    summary = False  # in the bullets of a summary heading
    for start, end in sentences:
        if _SUMMARY_HEADING.fullmatch(text, start, end):
            summary = True
            continue
        if summary and _BULLET.match(text, start, end):
            titles.add(start)
            continue
        summary = False
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        whole_line = (
            not text[line_start:start].strip()
            and not text[end : len(text) if line_end == -1 else line_end].strip()
        )
        if whole_line and text[end - 1] not in _CLOSING and not _is_list_row(text, start, end):
            titles.add(start)
    return frozenset(titles)


def _pick(names: _CountryNames, text: str, lowered: str | None, table: dict[str, str], default: str) -> str:
    """The table's currency for the first country the item names; `lowered` is the item lowered in
    place of case-blind matching, or None."""
    match = names.lower_case.search(lowered) if lowered is not None else names.any_case.search(text)
    return table[match.group(0).lower()] if match else default
