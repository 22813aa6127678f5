"""Quantity mentions in a sentence: number, scale, currency or unit, qualifier and range.

`find_quantities` reads one sentence and returns each quantity that may be a claim, with the span
of its surface text ("More than 39,000", "between 700 and 1,000", "£16bn"). Numbers that are not
claims are dropped here by `worker.extract.nonclaims`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass

from worker.extract.alternation import any_of, lowers_like_ignorecase, word_alternation
from worker.extract.lexicon import (
    CHANGE_WORDS,
    CURRENCY_NAMES,
    CURRENCY_PREFIXES,
    FRACTION_DENOMINATORS,
    GLUED_QUALIFIERS,
    GLUED_UNITS,
    LETTER_CURRENCY_PREFIXES,
    MAGNITUDE_AFTER,
    METRE_CONTEXT_AFTER,
    MULTIPLIER_WORDS,
    NOT_SHARE_BEFORE_HALF,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    SCALE_WORDS,
    TENS_WORDS,
    TIME_UNITS,
    UNITS_AFTER,
    UNITS_BEFORE,
    UNITS_WORDS,
)
from worker.extract.nonclaims import DATE_BEFORE_MONTH, DURATION, PER_PERIOD, non_claim_reason
from worker.extract.numbers import ENGLISH_GROUPED, NumberToken, number_tokens, parse_digits, parse_words
from worker.extract.reporting import SOURCE_HEADS


@dataclass(slots=True)
class Quantity:
    """One quantity mention; `start`/`end` span its text including qualifier and unit."""

    value: float
    value_high: float | None
    qualifier: str
    unit: str | None
    start: int
    end: int
    qualifier_written: bool
    restates: int | None = None  # index of the quantity this one restates in another unit


# Qualifier words right before the number (and before a currency symbol): "more than $2m".
QUALIFIER_BEFORE = re.compile(
    rf"(?:^|(?<=[\s(\"“]))(?P<q>{word_alternation(QUALIFIERS_BEFORE)})\s+$", re.IGNORECASE
)
QUALIFIER_AFTER = re.compile(rf"\s*(?P<q>{word_alternation(QUALIFIERS_AFTER)})(?![\w])", re.IGNORECASE)
GLUED_PLUS = re.compile(r"(?:\+|-plus\b)")
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# A currency symbol or code right before the digits: "$", "US$", "Rs ", "EUR ".
CURRENCY_BEFORE = re.compile(rf"(?:^|(?<=[^\w$]))(?P<c>{word_alternation(CURRENCY_PREFIXES)})\s?$")
LETTER_CURRENCY_BEFORE = re.compile(rf"(?:^|(?<=[^\w]))(?P<c>{word_alternation(LETTER_CURRENCY_PREFIXES)})$")
UNIT_BEFORE = re.compile(rf"\b(?P<u>{word_alternation(UNITS_BEFORE)})\s+(?:of\s+)?$", re.IGNORECASE)
# Scale words after the digits: "2.6 million", "£16bn", "Rs 1,500 crore", "25k".
SCALE_AFTER = re.compile(rf"(?P<sp>\s?|-)(?P<s>{word_alternation(SCALE_WORDS)})(?![\w])", re.IGNORECASE)
# Units, currency names and codes after the number: "65 kilometres", "15 euros", "5 million USD".
UNIT_AFTER = re.compile(rf"(?P<sp>\s?-?\s?)(?P<u>{word_alternation(UNITS_AFTER)})(?![\w²])", re.IGNORECASE)
CURRENCY_NAME_AFTER = re.compile(rf"\s(?P<c>{word_alternation(CURRENCY_NAMES)})\b", re.IGNORECASE)
CURRENCY_CODE_AFTER = re.compile(r"\s(?P<c>[A-Z]{3})\b")
MAGNITUDE_WORD_AFTER = re.compile(rf"\s?(?P<m>{word_alternation(MAGNITUDE_AFTER)})\b", re.IGNORECASE)
HYPHEN_WORD = re.compile(r"-(?P<w>[A-Za-z]+)")
GLUED_LETTERS = re.compile(r"[A-Za-z]")
_GLUED_LETTERS = frozenset(string.ascii_letters)  # its characters, tested without a regex call
# Joins of a range: "10 to 20", "10-20", "two or three", "between 10 and 20".
RANGE_JOIN = re.compile(r"\s*(?P<j>-|–|—|to|or)\s*", re.IGNORECASE)
# "between 40-50" is written too, and "between 40 to 50" by a slip
BETWEEN_JOIN = re.compile(r"\s+(?:and|to)\s+|\s*[-–—]\s*", re.IGNORECASE)
LIST_JOIN = re.compile(r"^\s*(?:,|and|or)\s*(?:,\s*)?(?:and\s+)?$", re.IGNORECASE)
# "48.8C", "-5F": a temperature written without the degree sign.
GLUED_TEMPERATURE = re.compile(r"(?P<t>[CF])(?![\w])")
_REASONS_THAT_TAKE_THE_PARTNER = frozenset(
    {"year", "date", "age", "name or identifier", "phone number", "identifier"}
)
PHONE_NUMBER = re.compile(r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,}")
# "minus 12", "−4", " -4"; not a margin either way ("plus or minus 3 points", "plus/minus 3").
NEGATIVE_BEFORE = re.compile(
    r"(?:(?<!plus or )(?<!plus-or-)(?<!plus/)\bminus[\s-]|−|(?<=\s)-)$", re.IGNORECASE
)
PLURAL_WORD_AFTER = re.compile(r"\s+(?:[a-z]+s|people)\b")
NEXT_WORD = re.compile(r"\s+(?P<w>[A-Za-z]+)")
PHONE_LIST_JOIN = re.compile(r"^[^.;]{0,60}\b(?:or|and)\s+$")
RESTATEMENT_OPEN = re.compile(r"^\s*(?:[(\[]|,\s*or)\s*$")
# "some 2,000 families or 9,000 people": the same group counted by households and by heads.
HOUSEHOLDS_OR = re.compile(r"^\s+(?:families|households)\s*,?\s+or\s+$", re.IGNORECASE)
WORD_IN_BRACKETS_BEFORE = re.compile(rf"\b(?P<w>{word_alternation(UNITS_WORDS)})\s*\($", re.IGNORECASE)
# Verbs read as qualifiers ("the toll passed 60", "topped the $5bn level"), which only bound a
# figure that does not count things of its own ("crossed three rivers").
VERB_QUALIFIER = re.compile(
    r"(?:just\s+)?(?:past|cross(?:es|ed|ing)?|pass(?:es|ed|ing)?|near(?:s|ed|ing)?|approach(?:es|ed|ing)?)\b",
    re.IGNORECASE,
)
THINGS_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:[a-z]+s|people)\b")
# A large scale word ending a figure, and the "and" that adds a smaller part to it.
TRAILING_SCALE = re.compile(
    r"\b(?P<s>billion|bn|million|mn|crore|lakh|trillion)(?=\W*(?:[a-z]+\W*){0,2}$)", re.IGNORECASE
)
AND_JOIN = re.compile(r"\s+and\s+")
RICHTER_AFTER = re.compile(r"\s+on\s+the\s+Richter(?:\s+scale)?\b")
# "gone up to", "shot up to", "revised up to": "up" belongs to the verb, the figure is exact.
MOVED_BEFORE = re.compile(
    r"\b(?:gone|went|go|goes|going|shot|moved|jumped|climbed|risen|rose|crept|edged|inched|ticked|revised|revises"
    r"|revising|pushed|bumped|scaled"
    # a headline's "Death toll up to 32": the toll has gone up to it
    r"|toll|tally)\s+$",
    re.IGNORECASE,
)
# "shot down 54 drones over seven regions": "over" after a counted plural is a place, not a bound.
# The plural must follow a number with at most two words between ("54 Ukrainian drones"), and no
# conjunction may stand among them ("killed 5 and wounded over 20" keeps its bound).
COUNTED_PLURAL_BEFORE_OVER = re.compile(
    rf"(?:\d|\b(?:{word_alternation([*UNITS_WORDS, *TENS_WORDS, *MULTIPLIER_WORDS])}))[\d,.]*"
    r"\s+(?:(?!and\b|or\b)[A-Za-z-]+\s+){0,2}?(?!(?:and|or)\b)[A-Za-z-]*[a-z](?<![su]s)(?<!is|as)s\s+$",
    re.IGNORECASE,
)
# "37m (121ft)": a length restated in feet.
FEET_RESTATED_AFTER = re.compile(r"\s*\(\s*[\d.,]+\s*(?:ft|feet|foot|yards?|yd)\b")
# "13ft (4m)": a length in feet, then its metres in brackets.
FEET_BEFORE_PARENTHESIS = re.compile(r"\d\s*(?:ft|feet|foot|yards?|yd)\s*\(\s*$")
# Words before a bare "10m" that make it a length, not a million: "a depth of 10m", "waves of 3m".
METRE_CONTEXT_BEFORE = re.compile(
    r"\b(?:depth|height|deep|high|tall|wide|long|length|width|wave|waves|water|tide|surge|sea\s+level|"
    r"snow|altitude|elevation|distance|metres?|meters?|river|flood\w*|lake|dam|wall|tower|building|"
    r"sprint|jump|dive|deeper|higher|taller)\b",
    re.IGNORECASE,
)
# A share written as a fraction in words: "a third of", "two-thirds of", "a two-thirds majority", "one
# fourth of", "half of them", "almost half the condos", "half a percentage point". SPEC reads a share
# in words as a percentage (two-thirds is 66.67 percent) and a part of a point as that part of the
# point; a fraction in digits ("1/16 of a pint") keeps its value with the unit "fraction".
_SMALL_NUMERATOR = word_alternation(w for w, v in UNITS_WORDS.items() if 1 <= v <= 10)
# Right after "by", or after "by" and a qualifier: "fell by nearly a quarter" (each a fixed-width
# look-behind, as the engine needs).
_AFTER_BY = "(?:" + "|".join(
    rf"(?<=\bby\s{qualifier}\s)" if qualifier else r"(?<=\bby\s)"
    for qualifier in ("", "nearly", "almost", "about", "around", "roughly", "some", "over", r"more\sthan",
                      r"less\sthan", r"just\sover", r"just\sunder", r"up\sto")
) + ")"  # fmt: skip
FRACTION_SHARE = re.compile(
    rf"(?<![\w-])(?:(?P<n>an?|{_SMALL_NUMERATOR})[\s-]+(?P<d>{word_alternation(FRACTION_DENOMINATORS)})"
    r"(?:(?=\s+of\b)|(?<=quarter)(?=\s+(?:percentage\s+)?point\b))"
    rf"|(?P<hn>{_SMALL_NUMERATOR})-(?P<hd>{word_alternation(FRACTION_DENOMINATORS)})\b"
    r"|(?P<h>half)(?=\s+(?:of\s+)?(?:the|its|their|his|her|our|your|my|all|which|whom|them|those|these|us"
    r"|a\s+(?:percentage\s+)?point)\b)"
    # "fell by a third", "cut by half": the share a change is measured in
    rf"|{_AFTER_BY}(?:(?P<bn>an?|{_SMALL_NUMERATOR})[\s-]+(?P<bd>{word_alternation(FRACTION_DENOMINATORS)})"
    r"|(?P<bh>half))\b"
    # ... with nothing after it that it could count: "stood by a third candidate" is no share
    r"(?=\s*(?:[.,;:!?)\"”’—–]|$)|\s+(?:in|from|to|since|over|on|last|this|and|or|but|after|compared"
    r"|against|during|while|at|between|year\b|within)\b))",
    re.IGNORECASE,
)
# "a quarter of a million": a count the number tokens read whole, not a share.
OF_A_SCALE = re.compile(r"\s+of\s+an?\s+(?:million|billion|trillion)\b", re.IGNORECASE)
# "half a percentage point", "a quarter of a point", "a quarter point": a part of a point, not a share.
PART_OF_A_POINT = re.compile(r"\s+(?:(?:of\s+)?an?\s+)?(?P<u>percentage\s+point|point)\b", re.IGNORECASE)
# A mixed number: "3 1/2 metres", "2½ miles".
MIXED_FRACTION = re.compile(
    r"(?<![\w.,])(?P<w>\d{1,4})(?:\s(?P<n>\d)/(?P<d>\d{1,2})|\s?(?P<v>[½¼¾⅓⅔]))(?![\w/])"
)
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
# A fraction sign on its own, with a unit or "of" after it as a digit fraction needs: "½ inch".
LONE_VULGAR_FRACTION = re.compile(r"(?<![\w.,/])[½¼¾⅓⅔](?![\w/])")
# A multiplier: "four-fold", "a 10-fold rise", "fourfold", "three times as many".
_FOLD_NUMBER = word_alternation([*(w for w, v in UNITS_WORDS.items() if v >= 2), *TENS_WORDS, "hundred"])
FOLD_WORD = re.compile(rf"\b(?P<n>{_FOLD_NUMBER})fold\b", re.IGNORECASE)
TIMES_AS = re.compile(
    r"\s+times\s+(?:as|more|less|higher|lower|greater|larger|bigger|smaller|faster|the)\b", re.IGNORECASE
)
# The word a share is of, past "of" and determiners: "a quarter of an hour", "half of this month".
SHARE_OF_WORD = re.compile(
    r"(?:\s+(?:of|the|a|an|this|that|next|last|its|their|his|her|each|every|all))*\s+(?P<w>[\w']+)",
    re.IGNORECASE,
)
# A fraction in digits, as a share or with a unit: "1/16 of a pint", "1⁄32 of a quart", "1/2 pound";
# a proper fraction only, so "24/7" and "9/11" stay names and dates.
DIGIT_FRACTION = re.compile(r"(?<![\w/.,⁄])(?P<n>\d{1,2})\s?[/⁄](?P<d>\d{1,3})(?![\w/⁄.,])")
FRACTION_OF = re.compile(r"\s+of\s+(?:a|an|the|its|their|all)\b", re.IGNORECASE)
# Scientific notation after the digits: "1.99×10−30", "2.998 x 10^8", "6.02×10²³". A bare "x 10" is
# a dimension ("3 x 10 metres"), so a power needs a sign, a caret or superscript digits.
SCIENTIFIC_EXPONENT = re.compile(
    r"\s?[×x]\s?10(?:\^|\*\*)?(?P<e>(?<=[\^*])[−-]?\d{1,3}|[−-]\d{1,3}|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])"
)
_SUPERSCRIPTS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹−", "-0123456789-")
WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z]+)\s+$")
_FRACTION_HINTS = (
    "half",
    "third",
    "quarter",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)

# "a 6-point lead", "a 12-point swing": a margin measured in points, unlike "a five-point plan".
POINT_MARGIN_AFTER = re.compile(
    r"\s+(?:lead|margin|advantage|gap|edge|deficit|swing|drop|rise|jump|fall|gain|loss|increase|decline)s?\b",
    re.IGNORECASE,
)
# "a five-point plan", "a 90-degree turn": these words joined by a hyphen describe, they don't measure.
NOT_HYPHEN_UNITS = frozenset({"point", "points", "cent", "cents", "pence", "p", "degree", "degrees", "°"})
ISO_CODES = frozenset(v for v in CURRENCY_PREFIXES.values() if len(v) == 3)
_LOWER_UNITS = {k.lower(): v for k, v in UNITS_AFTER.items()}
_LOWER_SCALES = {k.lower(): v for k, v in SCALE_WORDS.items()}
_LOWER_QUALIFIERS_BEFORE = {k.lower(): v for k, v in QUALIFIERS_BEFORE.items()}
_LOWER_QUALIFIERS_AFTER = {k.lower(): v for k, v in QUALIFIERS_AFTER.items()}
_LOWER_CURRENCY_NAMES = {k.lower(): v for k, v in CURRENCY_NAMES.items()}
# Cheap tests that rule out most numbers before the look-behind expressions run (a number is
# read once per token in the stream). Text that is not ASCII always goes to the expression, as
# case-blind matching there knows foldings ("ſ", "K") that `str.lower` does not.
_QUALIFIER_LAST_WORDS = tuple(sorted({q.split()[-1].lower() for q in QUALIFIERS_BEFORE}))
_CURRENCY_LAST_CHARACTERS = frozenset(prefix[-1] for prefix in CURRENCY_PREFIXES)
_LONGEST_LETTER_CURRENCY = max(map(len, LETTER_CURRENCY_PREFIXES))
# The characters a letter currency glued to the digits can end with ("$" also matches before a
# final newline): a number after any other character has none, and is spared the search.
_LETTER_CURRENCY_LAST = frozenset({prefix[-1] for prefix in LETTER_CURRENCY_PREFIXES} | {"\n"})
# Every mark read on the words right after a number, at its end: a scale, a unit, a currency, a
# magnitude, "times as", a hyphenated word, a qualifier. Most numbers have none, and where this
# does not match none of them is tried on its own.
_WRITTEN_AFTER = any_of(
    SCALE_AFTER,
    SCIENTIFIC_EXPONENT,
    UNIT_AFTER,
    CURRENCY_NAME_AFTER,
    CURRENCY_CODE_AFTER,
    MAGNITUDE_WORD_AFTER,
    RICHTER_AFTER,
    TIMES_AS,
    HYPHEN_WORD,
    QUALIFIER_AFTER,
    GLUED_PLUS,
)


@dataclass(slots=True)
class _Reading:
    """A single number with what is written at it, before range and list joining."""

    value: float
    unit: str | None
    start: int  # start of currency symbol or "magnitude" before the number, else the number
    end: int  # end of scale, unit and trailing qualifier
    number_start: int
    number_end: int
    token: str
    is_words: bool
    scaled: bool
    prefix_unit: bool
    hyphen_word: str | None
    qualifier_after: str | None


# How far before a bracketed figure its number word is read ("twelve (12)"), and how far before
# "half" a word that makes it no share ("and a half").
BRACKETED_WORD_WINDOW = 24
HALF_LEAD_WINDOW = 20


# "passed 52-48", "voted 7-2", "by a vote of 310-112", "by a 52-48 vote", "passed the House 220-207": a
# tally of votes is two figures (SPEC), unlike a score ("won 2-1", "beat the visitors 3-1").
_VOTE_BEFORE = re.compile(
    r"\b(?:(?:vot(?:e|es|ed|ing)|passed|approved|adopted|rejected|confirmed|defeated|overrode)"
    r"(?:\s+(?:by|a|of|margin|it|them|unanimously))*"
    # what a chamber voted on, or the chamber: "approved the measure 51-49", "passed the full Senate 68-31"
    r"|(?:passed|approved|adopted|rejected)\s+(?:the|its|their)(?:\s+[\w-]+){1,3}?"
    r"(?:\s+(?:by|a|of|margin|unanimously))*)\s+$",
    re.IGNORECASE,
)
# "by a 52-48 vote", "a 5-4 ruling": the tally of a vote or of a court's judges
_VOTE_AFTER = re.compile(r"\s+(?:vote|votes|margin|ruling|decision|verdict|majority)\b", re.IGNORECASE)
VOTE_WINDOW = 40


def _is_vote_tally(text: str, first_start: int, second_end: int, start: int, end: int) -> bool:
    return bool(
        _VOTE_BEFORE.search(text, max(start, first_start - VOTE_WINDOW), first_start)
        or _VOTE_AFTER.match(text, second_end, end)
    )


def _continues_a_list(text: str, list_end: int, reading: _Reading) -> bool:
    """Whether a bare number joins a list of ages or identifiers that ended at `list_end` (-1 for
    none) and counts nothing of its own."""
    return (
        list_end >= 0
        and reading.unit is None
        and LIST_JOIN.match(text[list_end : reading.start]) is not None
        and not _COUNT_OF_OTHERS_AFTER.match(text, reading.end)
    )


# A figure after an age that counts people of its own: "The driver, 34, and 12 others were hurt".
_COUNT_OF_OTHERS_AFTER = re.compile(r"\s+(?!years?\b|months?\b)(?:other|others|more|people|[a-z]+s)\b")


def find_quantities(  # noqa: PLR0912, PLR0913, PLR0915  the reading loop: each number passes the named stages in order
    text: str,
    start: int,
    end: int,
    *,
    rupee: str = "INR",
    peso: str = "PHP",
    pound: str = "GBP",
    shilling: str = "KES",
) -> list[Quantity]:
    """Quantity mentions that may be claims in the sentence text[start:end], in order.

    `rupee`, `peso`, `pound` and `shilling` are the currencies the item's country gives those names.
    """
    matches = number_tokens(text, start, end)
    local = {"RUPEE": rupee, "PESO": peso, "POUND": pound, "SHILLING": shilling}
    found: list[Quantity] = []
    carried_unit: tuple[str, int] | None = None  # ("magnitude", end) to share with "5.9 and 5.5"
    skip_until = -1
    phone_end = -1  # end of a phone number, so "call 1070 ... or 1077" drops both
    age_end = -1  # end of an age, so "aged 25, 39 and 46" drops all three
    named_end = -1  # end of an identifier, so "carriages 1 and 2" drops both
    tally_end = -1  # end of a vote's tally, whose verb ("passed 52-48") is no qualifier
    cache: dict[int, _Reading | None] = {}
    # "+41 22 739 8111": every group of an international phone number is part of it
    phones = [m.span() for m in PHONE_NUMBER.finditer(text, start, end)] if "+" in text[start:end] else []

    def read(token: NumberToken) -> _Reading | None:
        # a number is read once, whether first as the second end of a range or on its own
        if token.start not in cache:
            cache[token.start] = _read(text, token, start, end, local=local)
        return cache[token.start]

    for index, match in enumerate(matches):
        if match.start < skip_until or (phones and any(a <= match.start < b for a, b in phones)):
            continue
        reading = read(match)
        if reading is None:
            continue
        skip_until = reading.end
        if reading.unit is None and carried_unit is not None:
            unit, carried_end = carried_unit
            if LIST_JOIN.match(text[carried_end : reading.start]):
                reading.unit = unit
        carried_unit = (reading.unit, reading.end) if reading.prefix_unit and reading.unit else carried_unit

        between = _between_before(text, start, reading.start)
        partner = _range_partner(
            text, reading, matches, index=index, start=start, after_between=between is not None, read=read
        )
        if partner is None:
            _scale_from_change_end(text, reading, matches, index=index, start=start, read=read)
        if partner is not None and partner.value <= reading.value:
            tally = _is_vote_tally(text, reading.start, partner.end, start, end)
            if text[reading.end : partner.start].strip() in ("-", "–") and not tally:
                skip_until = partner.end  # a score "2-0" or a fiscal year "2023-24", not a quantity
                continue
            if tally:
                tally_end = partner.end
            partner = None
        reason = _reason(text, reading, start, partner_unit=partner.unit if partner is not None else None)
        if reason == "name or identifier" and reading.start < tally_end:
            reason = None  # "passed the Senate 68-31": the chamber that voted, not a name with a number
        if reason == "compound descriptor" and _qualifier_before(text, reading.start, start)[0] is not None:
            reason = None  # "an approximately 400-person capacity": a make-up is never approximate
        if reason is None and partner is not None and _is_day_range(text, reading, partner):
            reason = "date"  # "between 14 and 15 March", "June 3-5"
        if reason is None and partner is not None and _is_duration_range(text, reading, partner):
            reason = "duration"  # "between two and five years in prison", "4 to 6 weeks"
        if reason is None and phone_end >= 0 and PHONE_LIST_JOIN.match(text[phone_end : reading.start]):
            reason = "phone number"
        if reason is None and _continues_a_list(text, age_end, reading):
            reason = "age"  # "aged 25, 39 and 46"; not "The driver, 34, and 12 others"
        if reason is None and _continues_a_list(text, named_end, reading):
            reason = "name or identifier"  # "carriages 1 and 2", "rooms 12, 14 and 15"
        age_end = reading.end if reason == "age" else -1
        named_end = reading.end if reason == "name or identifier" else -1
        if reason is not None:
            phone_end = reading.end if reason == "phone number" else -1
            tight = partner is not None and text[reading.end : partner.start].strip() in ("-", "–", "/")
            if (
                partner is not None
                and reason in _REASONS_THAT_TAKE_THE_PARTNER
                and (tight or reason == "age")
            ):
                skip_until = partner.end  # "2023-24", "Jan. 1-17", "Boeing 737-800"
            continue

        qualifier, qualifier_start = _qualifier_before(text, reading.start, start)
        if (
            qualifier_start is not None
            and VERB_QUALIFIER.match(text, qualifier_start)
            and THINGS_AFTER.match(text, reading.end)
        ):
            qualifier = qualifier_start = None  # "crossed three rivers": a journey, not a bound
        if reading.start < tally_end:
            qualifier = qualifier_start = None  # "passed 52-48": the verb is the vote, not "past 52"
        written = qualifier is not None
        if reading.qualifier_after is not None:
            qualifier, written = reading.qualifier_after, True
        quantity_start = qualifier_start if qualifier_start is not None else reading.start

        if partner is not None:
            low, high = reading.value, partner.value
            if not reading.scaled and partner.scaled and low <= partner.raw:
                low *= partner.scale
            elif reading.is_words and partner.word_scale > 1 and low < partner.raw / partner.word_scale:
                low *= partner.word_scale  # "four to five thousand"
            else:
                low *= _thousands_left_off(reading, partner, text)  # "30-40,000"
            range_unit = partner.unit or reading.unit
            q_start = between.start() if between is not None else quantity_start
            found.append(Quantity(low, high, "range", range_unit, q_start, partner.end, True))
            skip_until = partner.end
            carried_unit = None
            continue
        value = reading.value
        found.append(
            Quantity(
                value,
                None,
                qualifier or "exact",
                reading.unit,
                quantity_start,
                reading.end,
                written,
            )
        )
    lowered = text[start:end].lower()
    if (
        any(map(lowered.__contains__, _FRACTION_HINTS))
        or "/" in lowered
        or "⁄" in lowered
        or "fold" in lowered
        or (not lowered.isascii() and any(fraction in lowered for fraction in VULGAR_FRACTIONS))
    ):
        found = _with_shares(text, start, end, found, lowered)
    # the lowered sentence stands in for case-blind matching when lowering folds as it does: an ASCII
    # result (no "İ", "ı" or "ſ" went in), or `lowers_like_ignorecase`
    ratio_tail = (
        _RATIO_SHARE_TAIL_IN_LOWER_CASE.search(lowered)
        if lowered.isascii() or lowers_like_ignorecase(text[start:end])
        else _RATIO_SHARE_TAIL.search(text, start, end)
    )
    if ratio_tail and _RATIO_SHARE.search(text, start, end):
        found = _with_ratio_shares(text, start, end, found)
    _mark_restatements(text, found)
    return _with_compound_amounts(text, _with_digits_in_brackets(text, found))


# "one in five children", "nearly 9 in 10 voters": a share written as a ratio is a percentage.
# "N out of M" is two claims (SPEC), and "one in 10 days" a frequency: neither is read here.
_RATIO_DENOMINATOR = rf"\s+(?P<d>{word_alternation(UNITS_WORDS)}|twenty|hundred|\d{{1,3}})\b(?=\s+[a-z])"
# "six in every 10": "every" may stand between
_RATIO_IN_DENOMINATOR = rf"\s+in(?:\s+every)?{_RATIO_DENOMINATOR}"
_RATIO_SHARE = re.compile(
    rf"\b(?P<n>{word_alternation(UNITS_WORDS)}|\d{{1,2}}){_RATIO_IN_DENOMINATOR}", re.IGNORECASE
)
# Its second half alone: a search that starts at " in " rather than at every word of the sentence,
# which rules most sentences out at a quarter of the cost. One space before "in" finds what a run
# of them would, without the engine trying each run's every length.
_RATIO_SHARE_TAIL = re.compile(rf"\sin(?:\s+every)?{_RATIO_DENOMINATOR}", re.IGNORECASE)
# The same in lower-cased text, case-sensitively, led by the literal "in" (which the engine jumps
# to) with the space before it looked back at: about three times faster again.
_RATIO_SHARE_TAIL_IN_LOWER_CASE = re.compile(rf"in(?<=\sin)(?:\s+every)?{_RATIO_DENOMINATOR}")
_WORD_AFTER_RATIO = re.compile(r"\s+(?:every\s+)?(?P<w>[\w']+)")
_RATIO_DENOMINATOR_WORDS = {**UNITS_WORDS, "twenty": 20, "hundred": 100}


def _with_ratio_shares(text: str, start: int, end: int, found: list[Quantity]) -> list[Quantity]:
    shares: list[Quantity] = []
    for match in _RATIO_SHARE.finditer(text, start, end):
        if OF_A_SCALE.match(text, match.end(), end):
            continue
        following = _WORD_AFTER_RATIO.match(text, match.end(), end)
        if following is not None and _is_time_word(following.group("w")):
            continue  # "one in 10 days"; "one in eight a decade ago" is a share
        numerator, denominator = (
            int(word) if word.isdigit() else _RATIO_DENOMINATOR_WORDS[word.lower()]
            for word in (match.group("n"), match.group("d"))
        )
        if not 0 < numerator < denominator:
            continue
        qualifier, qualifier_start = _qualifier_before(text, match.start(), start)
        shares.append(
            Quantity(
                round(100 * numerator / denominator, 2),
                None,
                qualifier or "exact",
                "percent",
                qualifier_start if qualifier_start is not None else match.start(),
                match.end(),
                qualifier is not None,
            )
        )
    kept = [q for q in found if not any(q.start < s.end and s.start < q.end for s in shares)]
    return sorted(kept + shares, key=lambda q: q.start)


def _with_compound_amounts(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "2 billion and 510 million pounds", "one billion and 925 million": one amount in two parts."""
    merged: list[Quantity] = []
    for quantity in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.value_high is None
            and quantity.value_high is None
            and text.startswith(" and ", previous.end)
        ):
            scale = TRAILING_SCALE.search(text, previous.start, previous.end)
            if (
                scale is not None
                and AND_JOIN.fullmatch(text, previous.end, quantity.start)
                and 0 < quantity.value < _LOWER_SCALES[scale.group("s").lower()]
                and previous.unit in (None, quantity.unit)
                and TRAILING_SCALE.search(text, quantity.start, quantity.end) is not None
            ):
                previous.value += quantity.value
                previous.unit, previous.end = quantity.unit, quantity.end
                continue
        merged.append(quantity)
    return merged


def _with_digits_in_brackets(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "Twelve (12) of them": a number in words repeated in digits is one figure."""
    merged: list[Quantity] = []
    for quantity in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.value == quantity.value
            and previous.unit == quantity.unit
            and text[previous.end : quantity.start].strip() == "("
            and text.startswith(")", quantity.end)
        ):
            previous.end = quantity.end + 1
            continue
        bracketed = (
            text.startswith(")", quantity.end) and "(" in text[max(0, quantity.start - 2) : quantity.start]
        )
        word = (
            WORD_IN_BRACKETS_BEFORE.search(
                text, max(0, quantity.start - BRACKETED_WORD_WINDOW), quantity.start
            )
            if bracketed
            else None
        )
        if word is not None and parse_words(word.group("w")) == quantity.value:
            quantity.start, quantity.end = (
                word.start("w"),
                quantity.end + 1,
            )  # "one (1)": the digits say it counts
        merged.append(quantity)
    return merged


def _with_shares(text: str, start: int, end: int, found: list[Quantity], lowered: str) -> list[Quantity]:  # noqa: PLR0912, PLR0915  one branch per share form: fractions, points, mixed numbers, multipliers
    """`found` with the shares, parts of a point, mixed numbers and multipliers written in words or
    fractions, in reading order; a count read inside one ("two" of "two thirds of") gives way to it.
    `lowered` is text[start:end] in lower case: a form whose mark it lacks ("/", "fold") is not read."""
    slashed = "/" in lowered or "⁄" in lowered or not lowered.isascii()  # or a fraction sign: "2½"
    shares: list[Quantity] = []
    for match in FRACTION_SHARE.finditer(text, start, end):
        if OF_A_SCALE.match(text, match.end(), end):
            continue
        following = SHARE_OF_WORD.match(text, match.end(), end)
        if following is not None and _is_time_word(following.group("w")):
            continue  # "a quarter of an hour", "half of this month", "half of 2023"
        if match.group("h") is not None or match.group("bh") is not None:
            before = WORD_BEFORE.search(text, max(start, match.start() - HALF_LEAD_WINDOW), match.start())
            if before is not None and before.group("w").lower() in NOT_SHARE_BEFORE_HALF:
                continue  # "the first half of the game"
            value = 0.5
        else:
            numerator = (match.group("n") or match.group("hn") or match.group("bn")).lower()
            denominator = (match.group("d") or match.group("hd") or match.group("bd")).lower()
            value = (1 if numerator in ("a", "an") else UNITS_WORDS[numerator]) / FRACTION_DENOMINATORS[
                denominator
            ]
        unit: str | None = "percent"
        span_end = match.end()
        point = PART_OF_A_POINT.match(text, match.end(), end)
        if point is not None:
            unit, span_end = (
                ("percentage point" if "percentage" in point.group("u").lower() else "point"),
                point.end(),
            )
        else:
            value = round(value * 100, 2)
        qualifier, qualifier_start = _qualifier_before(text, match.start(), start)
        shares.append(
            Quantity(
                value,
                None,
                qualifier or "exact",
                unit,
                qualifier_start if qualifier_start is not None else match.start(),
                span_end,
                qualifier is not None,
            )
        )
    for match in MIXED_FRACTION.finditer(text, start, end) if slashed else ():
        if match.group("v") is not None:
            part = VULGAR_FRACTIONS[match.group("v")]
        elif 0 < int(match.group("n")) < int(match.group("d")):
            part = int(match.group("n")) / int(match.group("d"))
        else:
            continue
        following = NEXT_WORD.match(text, match.end(), end)
        if following is not None and _is_time_word(following.group("w")):
            found = [q for q in found if not q.start <= match.start() < q.end]
            continue  # "2½ hours": a duration
        whole = next((q for q in found if q.start <= match.start() < q.end), None)
        unit_match = UNIT_AFTER.match(text, match.end(), end)
        unit = whole.unit if whole is not None else None
        span_end = max(match.end(), whole.end if whole is not None else 0)
        if unit is None and unit_match is not None and unit_match.group("sp"):
            unit, span_end = _LOWER_UNITS[unit_match.group("u").lower()], unit_match.end()
        qualifier, qualifier_start = _qualifier_before(text, match.start(), start)
        shares.append(
            Quantity(
                round(int(match.group("w")) + part, 4),
                None,
                qualifier or "exact",
                unit,
                qualifier_start if qualifier_start is not None else match.start(),
                span_end,
                qualifier is not None,
            )
        )
    fractions = [
        (match.start(), match.end(), int(match.group("n")) / int(match.group("d")))
        for match in (DIGIT_FRACTION.finditer(text, start, end) if slashed else ())
        if 0 < int(match.group("n")) < int(match.group("d"))
    ]
    if not text[start:end].isascii():
        fractions += [
            (match.start(), match.end(), VULGAR_FRACTIONS[match.group()])
            for match in LONE_VULGAR_FRACTION.finditer(text, start, end)
        ]
    for fraction_start, fraction_end, value in sorted(fractions):
        unit_match = UNIT_AFTER.match(text, fraction_end, end)
        unit = None
        if unit_match is not None and unit_match.group("sp").strip() == "" and unit_match.group("sp"):
            unit = _LOWER_UNITS[unit_match.group("u").lower()]
        if unit is None and not FRACTION_OF.match(text, fraction_end, end):
            continue
        following = SHARE_OF_WORD.match(text, fraction_end, end)
        if unit is None and following is not None and _is_time_word(following.group("w")):
            continue  # "3/4 of the year"
        if any(q.start <= fraction_start < q.end for q in shares):
            continue  # the "1/2" of "3 1/2 metres"
        span_end = unit_match.end() if unit is not None and unit_match is not None else fraction_end
        qualifier, qualifier_start = _qualifier_before(text, fraction_start, start)
        shares.append(
            Quantity(
                value,
                None,
                qualifier or "exact",
                unit or "fraction",
                qualifier_start if qualifier_start is not None else fraction_start,
                span_end,
                qualifier is not None,
            )
        )
    for match in FOLD_WORD.finditer(text, start, end) if "fold" in lowered else ():
        qualifier, qualifier_start = _qualifier_before(text, match.start(), start)
        shares.append(
            Quantity(
                parse_words(match.group("n")),
                None,
                qualifier or "exact",
                "fold",
                qualifier_start if qualifier_start is not None else match.start(),
                match.end(),
                qualifier is not None,
            )
        )
    if not shares:
        return found
    kept = [q for q in found if not any(q.start < s.end and s.start < q.end for s in shares)]
    return sorted(kept + shares, key=lambda q: q.start)


# How far after a range's second figure a month name makes it a range of days ("3-5 May").
MONTH_AFTER_RANGE_WINDOW = 16


def _is_day_range(text: str, first: _Reading, second: _Partner) -> bool:
    if first.unit is not None or second.unit is not None or second.value > 31 or first.is_words:
        return False
    return DATE_BEFORE_MONTH.match(text[second.end : second.end + MONTH_AFTER_RANGE_WINDOW]) is not None


def _is_duration_range(text: str, first: _Reading, second: _Partner) -> bool:
    """A range whose second figure is followed by a unit of time: the span of a sentence or a wait
    ("between two and five years in prison"), not a rate ("40 to 50 hours a week")."""
    if first.unit is not None or second.unit is not None:
        return False
    duration = DURATION.match(text[second.end : second.end + MONTH_AFTER_RANGE_WINDOW])
    return duration is not None and PER_PERIOD.match(text, second.end + duration.end()) is None


def _exponent(written: str) -> int:
    return int(written.translate(_SUPERSCRIPTS))


def _is_time_word(word: str) -> bool:
    lower = word.lower()
    return lower in TIME_UNITS or (lower.isdigit() and len(lower) == 4)


@dataclass(slots=True)
class _Partner:
    value: float
    raw: float
    scale: float
    scaled: bool
    unit: str | None
    start: int
    end: int
    number_start: int
    word_scale: float


# A figure written with its thousands grouped ("40,000"), as the number reader reads it.
_THOUSANDS_WRITTEN = re.compile(ENGLISH_GROUPED)


def _thousands_left_off(first: _Reading, second: _Partner, text: str) -> float:
    """What the first end of a range is multiplied by when it leaves off the thousands the second
    writes: "30-40,000" runs from 30,000, the first end's own order of magnitude being the
    second's. 1 when the first end is written whole ("5-4,000" stays a range from 5)."""
    if first.is_words or first.scaled or second.scaled:
        return 1
    written = text[first.number_start : first.number_end]
    second_written = _THOUSANDS_WRITTEN.match(text, second.number_start)
    if second_written is None or not written.isdigit() or len(written) > 3:
        return 1
    factor = 1000.0 ** second_written.group().partition(".")[0].count(",")
    return factor if second.value / 10 <= first.value * factor <= second.value else 1


def _range_partner(  # noqa: PLR0911, PLR0913  one return per range form; the reading state passed explicitly
    text: str,
    first: _Reading,
    matches: list[NumberToken],
    *,
    index: int,
    start: int,
    after_between: bool,
    read: Callable[[NumberToken], _Reading | None],
) -> _Partner | None:
    """The second figure of a range the first opens ("10 to 20", "between 10 and 20" when
    `after_between`), read with its scale and unit, else None."""
    following = None
    for later in range(index + 1, len(matches)):
        if matches[later].start >= first.end:
            following = matches[later]
            break
    if following is None or first.qualifier_after is not None:
        return None
    join = (BETWEEN_JOIN if after_between else RANGE_JOIN).match(text, first.end, following.start)
    if join is None:
        return None
    second = read(following)
    if second is None or second.start != join.end():
        return None
    word = join.group(0).strip().lower()
    if word == "-" and second.value < 0:
        return None  # "Stoxx 50 -1.3%": the dash is the sign of the second figure
    if (
        word == "or"
        and not (first.is_words and second.is_words)
        and not first.value < second.value <= 10 * first.value
    ):
        return None  # "two or three", "nine or 10", "5 or 6"; not "10 or 2"
    if word == "to" and (
        _is_change(text, first.start, start, both_units=bool(first.unit and second.unit))
        or _is_count_move(text, first, second, start)
    ):
        return None
    if first.unit and second.unit and first.unit != second.unit:
        return None
    if word in ("-", "–", "—") and second.number_start != second.start and second.unit != first.unit:
        return None
    raw = second.value
    scale = 1.0
    if second.scaled:
        scale_match = SCALE_AFTER.match(text, second.number_end, second.end)
        if scale_match:
            scale = _LOWER_SCALES.get(scale_match.group("s").lower(), 1.0)
            raw = second.value / scale
    return _Partner(
        second.value, raw, scale, second.scaled, second.unit, second.start, second.end,
        second.number_start, _trailing_multiplier(second.token) if second.is_words else 1.0,
    )  # fmt: skip


# "from 2.1 to 2.6 billion": the joint of a move between two figures.
_CHANGE_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
# How far apart, as a factor, two figures of a move may be and still be read as of one size.
SAME_SIZE_FACTOR = 10.0


def _scale_from_change_end(  # noqa: PLR0913  the reading state passed explicitly, as for ranges
    text: str,
    first: _Reading,
    matches: list[NumberToken],
    *,
    index: int,
    start: int,
    read: Callable[[NumberToken], _Reading | None],
) -> None:
    """ "rose from 2.1 to 2.6 billion", "from $1.2 to $1.5 billion", "from 9 to 12 percent": the
    first figure of a move, written without the scale word or unit the second carries, has them,
    when the two read as figures of one size ("from 500 to 2 million" keeps 500)."""
    if first.scaled and first.unit:
        return
    join = _CHANGE_TO.match(text, first.end)
    if join is None:
        return
    following = next((token for token in matches[index + 1 :] if token.start >= first.end), None)
    second = read(following) if following is not None else None
    if second is None or second.start != join.end():
        return
    if first.unit and second.unit and first.unit != second.unit:
        return
    if not _is_change(text, first.start, start, both_units=bool(first.unit and second.unit)):
        return
    scale = 1.0
    if second.scaled and not first.scaled:
        scale_match = SCALE_AFTER.match(text, second.number_end, second.end)
        scale = _LOWER_SCALES.get(scale_match.group("s").lower(), 1.0) if scale_match else 1.0
    raw = second.value / scale
    if raw <= first.value * SAME_SIZE_FACTOR and first.value <= raw * SAME_SIZE_FACTOR:
        first.value *= scale
        first.unit = first.unit or second.unit


def _trailing_multiplier(token: str) -> float:
    last = token.lower().split()[-1]
    return float(MULTIPLIER_WORDS.get(last, 1))


_LOWER_WORD = re.compile(r"[a-z]+")
# How far before a range the verb or noun of change is read ("rose from", "grew by").
CHANGE_WORD_WINDOW = 40
# Above this ratio of its ends, "rose by 40 to 310" is a step and a new total, not a range of the step.
COUNT_MOVE_RATIO = 3.0


def _is_count_move(text: str, first: _Reading, second: _Reading, start: int) -> bool:
    """ "the toll rose by 40 to 310": two bare counts after "<change> by", the second far larger, are
    the step and the figure it reached ("grew by 2 to 3 percent" stays a range)."""
    if (
        first.unit
        or second.unit
        or first.scaled
        or second.scaled
        or second.value <= COUNT_MOVE_RATIO * first.value
    ):
        return False
    words = _two_words_before(text, first.start, start)
    return len(words) == 2 and words[1] == "by" and words[0] in CHANGE_WORDS


def _two_words_before(text: str, position: int, floor: int) -> list[str]:
    """The last two lower-case words within CHANGE_WORD_WINDOW before `position` (fewer near `floor`)."""
    return _LOWER_WORD.findall(text[max(floor, position - CHANGE_WORD_WINDOW) : position].lower())[-2:]


def starts_a_move(text: str, number_start: int, floor: int) -> bool:
    """Whether a verb of change and "from" stand right before a figure: "has risen from 225"."""
    words = _two_words_before(text, number_start, floor)
    return len(words) == 2 and words[1] == "from" and words[0] in CHANGE_WORDS


def _is_change(text: str, number_start: int, start: int, *, both_units: bool) -> bool:
    """Whether "X to Y" is a move between two figures rather than a range.

    "rose from 5% to 7%" and "grew by $2.1 billion to $80.4 billion" are moves; "warmed by 2 to
    3 degrees" (one unit for both ends) is a range of the change.
    """
    words = _two_words_before(text, number_start, start)
    if not words:
        return False
    if words[-1] == "from":
        return starts_a_move(text, number_start, start)
    if words[-1] == "by":
        return both_units and len(words) == 2 and words[0] in CHANGE_WORDS
    return words[-1] in CHANGE_WORDS


# How far before a figure each mark is looked for (characters, never past the sentence start).
CURRENCY_WINDOW = 6  # "US$ ", "Rs. "
SIGNED_CURRENCY_WINDOW = 7  # the same with a sign between the mark and the digits: "$-50.8bn"
UNIT_BEFORE_WINDOW = 16  # "magnitude of "
SIGN_WINDOW = 7  # "minus ", "-$"


@dataclass(slots=True)
class _Prefix:
    """What is written before a number: a currency or unit mark and where the quantity starts."""

    unit: str | None
    left: int
    prefix_unit: bool = False
    signed_after_currency: bool = False
    letter_currency: re.Match[str] | None = None


def _read(text: str, match: NumberToken, start: int, end: int, *, local: dict[str, str]) -> _Reading | None:
    """One number read with its marks: what comes before it (currency, unit), its scale, the
    unit after it, its sign, and the words that follow (a hyphenated word, a qualifier)."""
    token, is_words, number_start = match.text, match.is_words, match.start
    prefix = _prefix(text, match, start, local=local)
    unit, left = prefix.unit, prefix.left
    # digits are parsed below, once we know whether a count after them makes "1.200" mean 1,200
    value = parse_words(token) if is_words else 0.0
    # one test for everything read on the words right after the number (most numbers have none)
    marked = _WRITTEN_AFTER.match(text, match.end, end) is not None
    scale, power, scaled, pos = _scale(text, match, end, unit) if marked else (1.0, None, False, match.end)
    if prefix.letter_currency is not None:
        if not scaled and "," not in token:
            return _identifier_reading(text, match, number_start, pos, token)
        letters = LETTER_CURRENCY_PREFIXES[prefix.letter_currency.group("c")]
        unit, left = local.get(letters, letters), prefix.letter_currency.start()
    if marked and (unit is None or unit == "magnitude"):
        unit, pos = _unit_after(text, pos, end, unit, is_words=is_words, local=local)
    if not is_words:
        grouping = not scaled and unit is None and PLURAL_WORD_AFTER.match(text, pos) is not None
        value = parse_digits(token, grouping_context=grouping)
        if power is not None:
            value = float(f"{value!r}e{power}")  # in decimal: 1.99e-30, not 1.99 * 1e-30
        temperature = (
            GLUED_TEMPERATURE.match(text, pos) if unit is None and text.startswith(("C", "F"), pos) else None
        )
        if temperature is not None:
            unit = temperature.group("t")
            pos = temperature.end()
        elif text[pos : pos + 1] in _GLUED_LETTERS and not _ordinal_or_plural_year(text, pos):
            return _identifier_reading(text, match, number_start, pos, token)
    if scale != 1.0:
        value = round(value * scale, 6)  # 18.08 crore is 180800000, not 180799999.99999997
    if prefix.signed_after_currency or _signed(text, start, number_start, left):
        value = -value
    hyphen_word = qualifier_after = None
    if marked or pos != match.end:  # a glued temperature's sign moved the end: its tail is read
        unit, pos, hyphen_word, qualifier_after = _read_tail(text, pos, end, unit)
    return _Reading(
        value, unit, left, pos, number_start, match.end, token, is_words, scaled, prefix.prefix_unit,
        hyphen_word, qualifier_after,
    )  # fmt: skip


def _prefix(text: str, match: NumberToken, start: int, *, local: dict[str, str]) -> _Prefix:
    """The currency symbol, letter currency ("Rs", "KSh") or "magnitude" written before a number."""
    number_start = match.start
    currency = (
        CURRENCY_BEFORE.search(text, max(start, number_start - CURRENCY_WINDOW), number_start)
        if _may_end_a_currency(text, start, number_start)
        else None
    )
    signed_after_currency = False
    if (
        currency is None
        and not match.is_words
        and text.startswith("-", number_start - 1)
        and number_start > start
    ):
        # "$-50.8bn": the sign written between the currency and the digits
        currency = CURRENCY_BEFORE.search(
            text, max(start, number_start - SIGNED_CURRENCY_WINDOW), number_start - 1
        )
        signed_after_currency = currency is not None and not currency.group(0)[-1:].isspace()
        currency = currency if signed_after_currency else None
    prefix = _Prefix(unit=None, left=number_start, signed_after_currency=signed_after_currency)
    if currency is not None:
        symbol_unit = CURRENCY_PREFIXES[currency.group("c")]
        prefix.unit, prefix.left = local.get(symbol_unit, symbol_unit), currency.start()
    elif not match.is_words and number_start > start and text[number_start - 1] in _LETTER_CURRENCY_LAST:
        prefix.letter_currency = LETTER_CURRENCY_BEFORE.search(
            text, max(start, number_start - _LONGEST_LETTER_CURRENCY), number_start
        )
    unit_window = text[max(start, number_start - UNIT_BEFORE_WINDOW) : number_start]
    magnitude = (
        UNIT_BEFORE.search(text, max(start, number_start - UNIT_BEFORE_WINDOW), number_start)
        if not unit_window.isascii() or "tude" in unit_window.lower()
        else None
    )
    if magnitude is not None and prefix.unit is None:
        prefix.unit, prefix.prefix_unit, prefix.left = "magnitude", True, magnitude.start()
    return prefix


def _scale(text: str, match: NumberToken, end: int, unit: str | None) -> tuple[float, int | None, bool, int]:
    """The scale written after a number ("million", "bn", "× 10⁶"): its factor, a power of ten,
    whether there was one, and where the number with its scale ends."""
    token, is_words, pos = match.text, match.is_words, match.end
    scale_match = SCALE_AFTER.match(text, pos, end)
    if scale_match is not None:
        word = scale_match.group("s").lower()
        glued = scale_match.group("sp") == ""
        if word == "m":
            ok = (
                glued and not is_words and (unit is not None or _m_is_million(text, scale_match.end(), token))
            )
        elif word in ("b", "k"):
            ok = glued and not is_words and (unit is not None or word == "k")
        elif word == "cr":
            ok = unit is not None  # "Rs 3 Cr"
        elif word in ("bn", "mn", "tn", "mln", "bln", "trn", "trln"):
            ok = not is_words
        else:
            ok = True
        if not ok:
            return 1.0, None, False, pos
        scale = _LOWER_SCALES[word]
        pos = scale_match.end()
        if word in ("hundred", "thousand", "lakh", "lakhs"):  # "4 hundred thousand", "5 lakh crore"
            larger = SCALE_AFTER.match(text, pos, end)
            if larger is not None and _LOWER_SCALES.get(larger.group("s").lower(), 0) > scale:
                scale *= _LOWER_SCALES[larger.group("s").lower()]
                pos = larger.end()
        return scale, None, True, pos
    if not is_words and ("×" in text[pos : pos + 2] or "x" in text[pos : pos + 2]):
        exponent = SCIENTIFIC_EXPONENT.match(text, pos, end)
        if exponent is not None:
            return 1.0, _exponent(exponent.group("e")), True, exponent.end()
    return 1.0, None, False, pos


def _unit_after(  # noqa: PLR0913  the hot path passes the reading state explicitly, keyword-only
    text: str, pos: int, end: int, unit: str | None, *, is_words: bool, local: dict[str, str]
) -> tuple[str | None, int]:
    """The unit, currency name or code, or magnitude word written after a number (a unit after
    it replaces a "magnitude" before it), and where it ends."""
    after = text[pos:end]
    unit_match = UNIT_AFTER.match(after)
    if unit_match is not None:
        key = unit_match.group("u").lower()
        spaced = unit_match.group("sp")
        single = len(key) <= 1 and key not in ("%", "°")
        glued_ok = key in GLUED_UNITS and not (single and unit_match.group("u").isupper())
        hyphenated = "-" in spaced and key in NOT_HYPHEN_UNITS
        placed_ok = (spaced == "" and glued_ok) or (spaced != "" and not single)
        letter_after_word = is_words and key in ("m", "t", "l", "g", "p", "k")
        if placed_ok and not hyphenated and not letter_after_word:
            return _LOWER_UNITS[key], pos + unit_match.end()
    if unit is not None:
        return unit, pos
    name = CURRENCY_NAME_AFTER.match(after)
    if name is not None:
        named = _LOWER_CURRENCY_NAMES[name.group("c").lower()]
        return local.get(named, named), pos + name.end()
    code = CURRENCY_CODE_AFTER.match(after)
    if code is not None and code.group("c") in ISO_CODES:
        return code.group("c"), pos + code.end()
    mag = MAGNITUDE_WORD_AFTER.match(after) or (
        RICHTER_AFTER.match(after) if "Richter" in after[:24] else None
    )
    if mag is not None:
        return "magnitude", pos + mag.end()
    return None, pos


def _signed(text: str, start: int, number_start: int, left: int) -> bool:
    """Whether a minus sign or word stands before the quantity ("-4.2%", "minus 12")."""
    # "$" also matches before a final newline
    sign_window = text[max(start, number_start - SIGN_WINDOW) : left].removesuffix("\n")
    return (
        sign_window.endswith(("-", "−"))
        or "m" in sign_window
        or "M" in sign_window
        or not sign_window.isascii()
    ) and NEGATIVE_BEFORE.search(text, max(start, number_start - SIGN_WINDOW), left) is not None


def _read_tail(
    text: str, pos: int, end: int, unit: str | None
) -> tuple[str | None, int, str | None, str | None]:
    """What follows a read quantity: "times as many" (a fold), a hyphenated word ("10-year",
    "5-magnitude") and a qualifier after it ("or more", "plus"): the unit, the new end, the
    hyphenated word and the qualifier."""
    hyphen_word: str | None = None
    if unit is None:
        times = TIMES_AS.match(text, pos, end)
        if times is not None:
            unit, pos = "fold", pos + len(times.group(0)) - len(times.group(0).split()[-1]) - 1
    hyphen = HYPHEN_WORD.match(text, pos, end)
    if hyphen is not None and unit is None:
        hyphen_word = hyphen.group("w").lower()
        if hyphen_word in _LOWER_UNITS and hyphen_word not in NOT_HYPHEN_UNITS:
            unit = _LOWER_UNITS[hyphen_word]
            pos = hyphen.end()
            hyphen_word = None
        elif hyphen_word == "magnitude":
            unit, pos, hyphen_word = "magnitude", hyphen.end(), None
        elif hyphen_word in ("point", "points") and POINT_MARGIN_AFTER.match(text, hyphen.end(), end):
            unit, pos, hyphen_word = "point", hyphen.end(), None  # "a 6-point lead": a measure, no make-up
    qualifier_after = None
    tail = QUALIFIER_AFTER.match(text, pos, end) or GLUED_PLUS.match(text, pos, end)
    if tail is not None:
        phrase = tail.group(0).strip().lower().lstrip("-")
        qualifier_after = _LOWER_QUALIFIERS_AFTER.get(phrase, "lower_bound")
        if hyphen_word == "plus":
            hyphen_word = None
        pos = tail.end()
    return unit, pos, hyphen_word, qualifier_after


# How far before "10m" the words that make it metres are read ("waves of up to").
METRE_CONTEXT_WINDOW = 50


def _m_is_million(text: str, pos: int, token: str) -> bool:
    """ "1.2m tons", "35m of its devices", "a 10m budget" are millions; "a 100m sprint", "8,848m high",
    "waves of up to 10m" are metres: the word after decides, else the words before it."""
    following = NEXT_WORD.match(text, pos)
    word = following.group("w") if following is not None else ""
    if word in METRE_CONTEXT_AFTER or FEET_RESTATED_AFTER.match(text, pos):
        return False
    if word == "of" or (word.islower() and word.endswith("s")):
        return True
    number_start = pos - len(token) - 1
    if FEET_BEFORE_PARENTHESIS.search(text, max(0, number_start - METRE_CONTEXT_WINDOW), number_start):
        return False  # "13ft (4m)": a length restated in metres
    return (
        METRE_CONTEXT_BEFORE.search(text, max(0, number_start - METRE_CONTEXT_WINDOW), number_start) is None
    )


def _identifier_reading(text: str, match: NumberToken, number_start: int, pos: int, token: str) -> _Reading:
    """A reading the non-claim rules will reject: letters glued after the digits ("5G", "1980s")."""
    return _Reading(
        0.0, None, number_start, pos, number_start, match.end, token, False, False, False, "#", None
    )


def _ordinal_or_plural_year(text: str, pos: int) -> bool:
    return re.match(r"(?:st|nd|rd|th)\b", text[pos : pos + 3], re.IGNORECASE) is not None


def _reason(text: str, reading: _Reading, sentence_start: int, *, partner_unit: str | None) -> str | None:
    if reading.hyphen_word == "#":
        return "identifier"
    return non_claim_reason(
        text,
        reading.start,
        reading.number_end if reading.unit is None else reading.end,
        sentence_start=sentence_start,
        token=reading.token,
        value=reading.value,
        is_words=reading.is_words,
        has_unit=reading.unit is not None or partner_unit is not None,
        scaled=reading.scaled,
        hyphen_word=reading.hyphen_word,
    )


# How far before a number "between" (of "between 3 and 5") and a qualifier are read, and how far
# before "up to" a verb of movement ("rose up to" is no bound).
BETWEEN_WINDOW = 12
QUALIFIER_WINDOW = 30
OVER_PLACE_WINDOW = 50
MOVED_BEFORE_WINDOW = 12
# "The death toll from the two fires was up to 24 by Sunday": a toll that "is up to" a figure has
# risen to it; "could be up to 500" stays a bound.
_TOLL_IS_BEFORE = re.compile(
    r"\b(?:toll|tally|count)\b[^,;:.]{0,60}?\s(?:is|was|now|is\s+now|was\s+now)\s+$", re.IGNORECASE
)
TOLL_IS_WINDOW = 80


def _between_before(text: str, sentence_start: int, number_start: int) -> re.Match[str] | None:
    window_start = max(sentence_start, number_start - BETWEEN_WINDOW)
    window = text[window_start:number_start]
    if lowers_like_ignorecase(window) and "between" not in window.lower():
        return None
    return BETWEEN_BEFORE.search(text, window_start, number_start)


def _may_end_a_currency(text: str, sentence_start: int, number_start: int) -> bool:
    """Whether one of the three characters before the number can end a currency prefix (it may be
    followed by a space, and "$" also matches before a final newline)."""
    last = text[max(sentence_start, number_start - 3) : number_start]
    return not _CURRENCY_LAST_CHARACTERS.isdisjoint(last)


# A subject right before "estimated": a capitalised name's last word (not the sentence's first), a
# pronoun, a speaker's head noun or the comma that closes an aside after one ("the Archive, which
# counts crowds, estimated 110,000"); "an estimated 40" and "some estimated 40" keep the qualifier.
_SPEAKER_BEFORE_ESTIMATED = re.compile(
    rf"(?:(?<=\S\s)[A-Z][\w'’\-.]*|\b(?i:it|they|he|she|we)|\b(?:{word_alternation(SOURCE_HEADS)})|[a-z],)\s+$"
)
ESTIMATED_SUBJECT_WINDOW = 40


def _qualifier_before(text: str, number_start: int, sentence_start: int) -> tuple[str | None, int | None]:
    if number_start > sentence_start and text[number_start - 1] in GLUED_QUALIFIERS:
        return GLUED_QUALIFIERS[text[number_start - 1]], number_start - 1
    window_start = max(sentence_start, number_start - QUALIFIER_WINDOW)
    tail = text[window_start:number_start].rstrip()
    if lowers_like_ignorecase(tail) and not tail.lower().endswith(_QUALIFIER_LAST_WORDS):
        return None, None
    match = QUALIFIER_BEFORE.search(text, window_start, number_start)
    if match is None or _no_qualifier_here(text, match, sentence_start):
        return None, None
    return _LOWER_QUALIFIERS_BEFORE[match.group("q").lower()], match.start("q")


def _no_qualifier_here(text: str, match: re.Match[str], sentence_start: int) -> bool:
    """Whether a qualifier word before a number is another word here: a move ("has gone up to
    1,870"), a source's verb ("the Archive estimated 110,000") or a place ("54 drones over seven
    regions")."""
    word = match.group("q").lower()
    if word == "up to":
        return (
            MOVED_BEFORE.search(text, max(sentence_start, match.start() - MOVED_BEFORE_WINDOW), match.start())
            is not None
            or _TOLL_IS_BEFORE.search(
                text, max(sentence_start, match.start() - TOLL_IS_WINDOW), match.start()
            )
            is not None
        )
    if word == "estimated":
        return (
            _SPEAKER_BEFORE_ESTIMATED.search(
                text, max(sentence_start, match.start() - ESTIMATED_SUBJECT_WINDOW), match.start()
            )
            is not None
        )
    if word == "over":
        return (
            COUNTED_PLURAL_BEFORE_OVER.search(
                text, max(sentence_start, match.start() - OVER_PLACE_WINDOW), match.start()
            )
            is not None
        )
    return False


def _mark_restatements(text: str, found: list[Quantity]) -> None:
    """ "1,200 kilometres (about 750 miles)", "about 200 feet, or 60 metres": the second figure
    restates the one before it in another unit; "around 2,000 families or 9,000 people" counts the
    same group again. A restatement takes the qualifier of the figure it restates when it has none."""
    for i in range(1, len(found)):
        previous, current = found[i - 1], found[i]
        gap = text[previous.end : current.start]
        if (previous.unit and current.unit and RESTATEMENT_OPEN.match(gap)) or (
            previous.unit is None and current.unit is None and HOUSEHOLDS_OR.match(gap)
        ):
            current.restates = i - 1
            if not current.qualifier_written and current.qualifier == "exact":
                current.qualifier = previous.qualifier
