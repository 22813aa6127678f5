"""Numbers that are not claims (SPEC "Not claims"): dates, years, times, durations, ordinals,
identifiers, ages, phone/street/page numbers, compound descriptors, rankings and known sets.

Each rule is a named regular expression or a small named check over the words around a number;
`non_claim_reason` returns the first rule that fires, so a test can assert *why* a number was left
out.
"""

from __future__ import annotations

import re
import string

from worker.extract.alternation import initials, lowers_like_ignorecase, word_alternation
from worker.extract.lexicon import (
    AGE_APPOSITION_NOUNS,
    AGE_BEFORE,
    COUNTING_HYPHEN_WORDS,
    DEFINITE_WORDS,
    MONTHS,
    MULTIPLIER_WORDS,
    NAMING_WORDS,
    PHONE_WORDS,
    RANKING_BEFORE,
    STREET_WORDS,
    SUPERLATIVE_WORDS,
    TENS_WORDS,
    TIME_UNITS,
    UNITS_WORDS,
)
from worker.extract.places import gazetteer
from worker.extract.reporting import CUE_WORDS
from worker.extract.sources import personal_name

_MONTH = word_alternation(MONTHS)
_TIME_UNIT = word_alternation(TIME_UNITS)
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_ORDINAL = "|".join(_ORDINAL_SUFFIXES)

# "Oct. 7", "September 16" — the day after a month name.
DATE_AFTER_MONTH = re.compile(rf"\b(?:{_MONTH})\.?\s+(?:the\s+)?$", re.IGNORECASE)
# "7 October", "3rd of May" — the day before a month name.
DATE_BEFORE_MONTH = re.compile(rf"^(?:{_ORDINAL})?(?:\s+of)?\s+(?:{_MONTH})\b", re.IGNORECASE)
# "Feb. 7 and 11", "Jan. 1-17": a second day joined to a date.
DATE_SECOND_DAY = re.compile(
    rf"\b(?:{_MONTH})\.?\s+\d{{1,2}}(?:{_ORDINAL})?\s*(?:and|to|-|–|,|or)\s*$", re.IGNORECASE
)
_DAY_JOINS = ("and", "to", "-", "–", ",", "or")


def _ends_with_a_day_join(before: str) -> bool:
    """A cheap test before DATE_SECOND_DAY: whether the words before a number end with one of the
    joins it ends with ("May 3 and "); an ending outside ASCII always goes to the pattern."""
    tail = before.rstrip()[-3:]
    return not tail.isascii() or tail.lower().endswith(_DAY_JOINS)


# "6th", "57th", "2nd".
ORDINAL_SUFFIX = re.compile(rf"^(?:{_ORDINAL})\b", re.IGNORECASE)
# "3:30", "6:15 p.m.", "at 7 a.m.", "8 am".
_CLOCK_WORDS = (
    r"a\.m\.",
    r"p\.m\.",
    r"am\b",
    r"pm\b",
    r"a\.m\b",
    r"p\.m\b",
    "o['’]clock",
    r"hrs\b",
    r"h\d\d",
    r"local\s+time\b",
)
_TIME_ZONES = (
    *("GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST"),
    *("PDT", "IST", "JST", "KST", "AEST", "AEDT", "ET", "PT"),
)
CLOCK_TIME = re.compile(rf"^(?::\d{{2}}|\s*(?:{'|'.join(_CLOCK_WORDS)}|(?:{'|'.join(_TIME_ZONES)})\b))")
CLOCK_MINUTES = re.compile(r"\d:$")
# "2024-03-18", "18.03.2024", "03/18/24": the later parts of a date written in digits.
DATE_CHAIN_BEFORE = re.compile(r"\d[-./]\d{1,2}[-./]$")
# "last Friday (11)": the day of the month in brackets after a weekday.
WEEKDAY_DAY_BEFORE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*\($", re.IGNORECASE
)
# "1. ", "2) " opening a line: the marker of a numbered list.
LIST_MARKER_AFTER = re.compile(r"^[.)](?:\s|$)")
# A gallery counter on a line of its own or before its caption: "1 of 3", "Photo 2 of 14",
# "1 of 4 | Residents wait ...".
COUNTER_LINE_FIRST = re.compile(r"^\s+of\s+\d{1,3}\s*(?:\n|$|[|•·]|[-–—:]\s)")
COUNTER_CAPTION_AFTER = re.compile(r"\s*(?:[|•·]|[-–—:]\s)")
COUNTER_LINE_TOTAL = re.compile(
    r"^(?:(?:photo|image|picture|slide|gallery|video)s?\s*:?\s+)?\d{1,3}\s+of\s+$", re.IGNORECASE
)
CREDIT_COUNTER_TOTAL = re.compile(r"\)\s*\d{1,3}\s+of\s+$")
# The label a counter line may open with: "Gallery: 1 of 3", "Photos 2 of 9".
COUNTER_LABEL = re.compile(r"(?:photo|image|picture|slide|gallery|video)s?\s*:?\s*$", re.IGNORECASE)
# "a father of three", "mother of two": a person's family in a description, not a count of news.
FAMILY_OF_BEFORE = re.compile(
    r"\b(?:father|mother|parent|grandfather|grandmother|grandparent|dad|mum|mom)\s+of\s+$", re.IGNORECASE
)
FAMILY_SIZE_LIMIT = 20
# The highest day of a run read as a day's place ("day 400 of the war"), not a count.
DAY_IN_A_RUN_LIMIT = 2000
# "Two officials familiar with the talks said", "three witnesses told AFP": how many people speak,
# part of who the source is, not a figure they report.
SPEAKER_COUNT_LIMIT = 10
SPEAKER_COUNT_WINDOW = 120
CLAUSE_OPENING = re.compile(r"(?:^|[,;:\"“(]|\b(?:and|but))\s*$")
_SPEAKER_NOUNS = (
    r"\s+(?:[\w.-]+\s+){0,3}?(?:officials?|sources?|people|person|diplomats?|witness(?:es)?|residents?|"
    r"aides?|lawmakers?|analysts?|officers?|protest[eo]rs?|demonstrators?|villagers?|survivors?|"
    r"eyewitness(?:es)?|relatives?|doctors?|nurses?|medics?|rescuers?|workers?)\b"
)
# A description of the speakers ("familiar with the talks", ", who asked not to be named,", ", speaking
# on condition of anonymity,") may follow them, never a verb of their own ("two people feared
# missing, an official said").
SPEAKER_COUNT_AFTER = re.compile(
    _SPEAKER_NOUNS
    # a present participle ("coordinating their response") describes them too
    + r"(?:(?:\s+(?:familiar|close|with|who|from|in|at|of|briefed|[a-z]+ing|involved|knowledgeable|on)\b"
    r"|,\s+(?:who|speaking|requesting|asking)\b)"
    r"(?:(?!\b(?:were|was|are|is|had|have|has|died|killed|injured|wounded|fled|feared|and)\b)[^.;:\"”]){0,70}?)?"
    r",?\s+(?:said|say|says|told|tell|confirmed|recalled|recalls|recounted|explained|added)\b",
    re.IGNORECASE,
)
ACCORDING_TO_BEFORE = re.compile(r"\b(?:according\s+to|cit(?:ed|ing)|quot(?:ed|ing))\s+$", re.IGNORECASE)
SPEAKERS_AFTER = re.compile(_SPEAKER_NOUNS, re.IGNORECASE)
# "no one", "at one point", "at one stage": "one" in a set phrase, not a count.
NO_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
AT_BEFORE = re.compile(r"\bat\s+(?:(?:just|only)\s+)?$", re.IGNORECASE)
ONE_IDIOM_AFTER = re.compile(r"\s+(?:point|time|stage|moment)\b", re.IGNORECASE)
# "24 hours", "two more days", "an 18-month siege", "32-day-long", "21 months of war".
_DURATION_WORDS = (
    *("more", "straight", "consecutive", "full", "long", "additional", "further", "successive"),
    *("separate", "extra", "odd"),
)
DURATION = re.compile(
    rf"^(?:\s*-\s*|\s+)(?:(?:{'|'.join(_DURATION_WORDS)})\s+)?(?:{_TIME_UNIT})\b", re.IGNORECASE
)
DURATION_LONG = re.compile(r"^-(?:\w+-)?long\b", re.IGNORECASE)
# "a week", "per day" after a span of time: the span is a rate ("40 to 50 hours a week").
PER_PERIOD = re.compile(rf"\s+(?:a|an|per|each|every)\s+(?:{_TIME_UNIT})\b", re.IGNORECASE)
# "a 45-year-old man", "15 years old", "a 3-month-old baby".
_AGE_UNITS = ("year", "month", "week", "day")
AGE_AFTER = re.compile(rf"^(?:\s*-\s*|\s+)(?:{'|'.join(_AGE_UNITS)})s?(?:\s*-\s*|\s+)old\b", re.IGNORECASE)
AGE_BEFORE_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in AGE_BEFORE) + r")\s+(?:of\s+)?"
    r"(?:(?:between|over|under|above|below|at\s+least|more\s+than|less\s+than|up\s+to)\s+)?$",
    re.IGNORECASE,
)
_AGE_HINT = re.compile(r"age|young|old|under|over|below", re.IGNORECASE)
_AGE_HINT_LOWER = re.compile(_AGE_HINT.pattern)


def _has_age_hint(before: str) -> bool:
    """`_AGE_HINT` in the words before a number, searched case-sensitively in the lowered words when
    lowering folds as case-blind matching does (several times faster: this runs for most numbers)."""
    if lowers_like_ignorecase(before):
        return _AGE_HINT_LOWER.search(before.lower()) is not None
    return _AGE_HINT.search(before) is not None


# "most of the dead were under five.": people said to be under or over an age, closing the clause.
_AGE_BOUNDS = ("under", "over", "below", "above")
PEOPLE_WERE_AGED_BEFORE = re.compile(
    rf"\b(?:were|are)\s+(?:all\s+|mostly\s+|aged\s+)?(?:{'|'.join(_AGE_BOUNDS)})\s+$", re.IGNORECASE
)
_AGE_BOUND_LAST = frozenset(bound[-1] for bound in _AGE_BOUNDS)
PEOPLE_WERE_AGED_AFTER = re.compile(r"^\s*(?:years?(?:\s+old)?|[.,;!?\"”’)]|$)", re.IGNORECASE)
# The oldest age a bare "were under N" is read as (a toll "under 50" is a figure).
GROUP_AGE_LIMIT = 21
# "Nick Hague, 44, has", "Smith, 45, said": an age in apposition to a name.
# "she turned 100 on Friday", "he turns 40 next month": an age reached, not a count.
TURNED_BEFORE = re.compile(r"\b(?:turned|turns|turning|turn)\s+$", re.IGNORECASE)
TURNED_AGE_AFTER = re.compile(
    r"^\s*(?:[.,;!?)]|$|(?:on|in|this|last|next|today|yesterday|and|years?|when|before|after)\b)",
    re.IGNORECASE,
)
# "the coach, 61, took over": the same after a word for a person.
AGE_APPOSITION_BEFORE = re.compile(
    r"(?:[A-Z][\w'’-]+|\b(?i:" + word_alternation(AGE_APPOSITION_NOUNS) + r")),\s+$"
)
# "her parents, 71 and 68, live upstairs": the ages of two relatives named by one plural word.
_AGE_PAIR_HEAD = (
    r"\b(?i:parents|grandparents|sons|daughters|twins|brothers|sisters|children|the\s+couple),\s+"
)
AGE_PAIR_FIRST_BEFORE = re.compile(_AGE_PAIR_HEAD + r"$")
AGE_PAIR_FIRST_AFTER = re.compile(r"\s+and\s+\d{1,3},")
AGE_PAIR_SECOND_BEFORE = re.compile(_AGE_PAIR_HEAD + r"\d{1,3}\s+and\s+$")
# A speaker named after the verb of saying, whose age closes the sentence: "said witness Ana Ruiz, 41."
SPEAKER_NAME_BEFORE = re.compile(
    r"\b(?:said|says|added|adds|told\s+\w+)\s+(?:[a-z]+\s+){0,2}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3},\s+$"
)
# "0800 555 0199": a number between two digit groups the reader did not join is part of a code.
DIGIT_GROUP_BEFORE = re.compile(r"\d[ -]$")
DIGIT_GROUP_AFTER = re.compile(r"^[ -]\d")
# A year: a plain four-digit number between 1800 and 2100 with no unit.
YEAR_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|before|after|from|during|early|late|mid|the|this|that|"
    r"between|and|to|through|year|fiscal|summer|winter|spring|autumn|fall|season|around|circa|"
    rf"around|{_MONTH})\.?|['’]s|[-–(,])\s*-?$",
    re.IGNORECASE,
)
# "2,000 homes": a count; "March 2019 is": a year before a verb that happens to end in s.
PLURAL_NOUN_AFTER = re.compile(r"^\s+(?!(?:is|was|has|as|this|thus|its|his|us|plus)\b)[a-z][a-z-]*s\b")
# "A.D. 1000", "300 BC".
ERA_BEFORE = re.compile(r"\b(?:A\.D\.|AD)\s+$")
_ERA_BEFORE_LAST = frozenset(".d")
_ERAS = ("BC", r"B\.C\.", "BCE", "AD", r"A\.D\.", "CE")
ERA_AFTER = re.compile(rf"\s+(?:{'|'.join(_ERAS)})\b")
# "2023-24" fiscal year, "2018-19".
FISCAL_YEAR = re.compile(r"^[-–/]\d{2}\b")
# Letters glued before the digits: "Tu-160", "MiG-31", "COVID-19", "G7", "Kh-101".
IDENTIFIER_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?!(?:sub|over|under|near|minus|top)-)[A-Za-z][A-Za-z.]*-|[A-Za-z]|#|№)$", re.IGNORECASE
)
# Digit groups joined by dashes or dots: "555-1234", "202-555-0100", "1.2.3".
IDENTIFIER_CHAIN = re.compile(r"^[-./]\d+[-./]\d+")
# "9/11", "2022/23", "/2023/10/07/" in a link, "24/7": digits joined by a slash name or date things.
SLASH_AFTER = re.compile(r"^/\w")
# "08.15", "07", "0600": a leading zero marks a clock time, a code or part of a date.
LEADING_ZERO = re.compile(r"^0\d")
# "an average of 1500": a measure, not a year, though "of" often leads to one ("the summer of 1969").
MEASURE_OF_BEFORE = re.compile(
    r"\b(?:average|total|sum|maximum|minimum|tally|count|estimate|median|mean)\s+of\s+$"
)
# "iPhone 11 Pro", "737 Max jets", "Galaxy S22 Ultra": a number before a model's suffix names a product.
_MODEL_SUFFIXES = ("Pro", "Max", "Plus", "Mini", "Ultra", "Lite", "Air")
MODEL_SUFFIX_AFTER = re.compile(rf"^\s+(?:{'|'.join(_MODEL_SUFFIXES)})\b")
# "the 90049 ZIP Code", "postcode 2000".
_POSTCODE_WORDS = ("ZIP", "zip", "post", "postal")
POSTCODE_AFTER = re.compile(rf"^\s+(?:{'|'.join(_POSTCODE_WORDS)})\s*codes?\b", re.IGNORECASE)
# "several hundred", "a few thousand", "many millions": a bare scale word after these has no figure.
VAGUE_COUNT_BEFORE = re.compile(r"\b(?:several|a\s+few|few|many)\s+$", re.IGNORECASE)
# "Photo 1 of 12", "Page 3 of 7": the total of a counter.
COUNTER_TOTAL = re.compile(
    r"\b(?:photo|image|picture|slide|page|part|episode|item|step|chapter|game)\s+\d+\s+of\s+$", re.IGNORECASE
)
NAMING_WORD_BEFORE = re.compile(r"(?:^|[\s(\-•*])([A-Za-z][\w.&]*\.?)\s+$")
_WORD_CHARACTERS_RUN = re.compile(r"[\w.&]*")
_NAMING_WORD_DELIMITERS = frozenset("(-•*")
_ASCII_LETTERS = frozenset(string.ascii_letters)


def _naming_word_before(near: str) -> str | None:
    """The word `NAMING_WORD_BEFORE` finds (its group), read from the end instead of searched for
    from every position: the last run of word characters, dots and "&" before the trailing
    spaces, when it opens with an ASCII letter after a space, a bracket, a dash, a bullet or the
    window's start. Three times faster; this runs twice for most numbers."""
    stripped = near.rstrip()
    if len(stripped) == len(near) or not stripped:
        return None  # no trailing space, or nothing before it
    chunk = stripped.rsplit(None, 1)[-1]
    found = _WORD_CHARACTERS_RUN.match(chunk[::-1])  # the run read backwards
    run = found.end() if found is not None else 0
    if run == 0 or chunk[-run] not in _ASCII_LETTERS:
        return None
    if run < len(chunk) and chunk[-run - 1] not in _NAMING_WORD_DELIMITERS:
        return None
    return chunk[-run:]


# Naming words that mark an identifier even in lower case ("page 5", "room 12", "flight 370").
LOWERCASE_NAMING_WORDS = frozenset(
    [
        "page",
        "pages",
        "section",
        "chapter",
        "paragraph",
        "paragraphs",  # a wire update's note: "(Adds comment, paragraphs 5-6)"
        "para",
        "paras",
        "pars",
        "sections",
        "chapters",
        "article",
        "clause",
        "row",
        "seat",
        "room",
        "gate",
        "platform",
        "platforms",
        "carriage",
        "carriages",
        "wagon",
        "ward",
        "terminal",
        "reactor",
        "berth",
        "route",
        "item",
        "no.",
        "nos.",
        "flight",
        "category",
        "vol.",
        "pp.",
        "p.",
    ]
)
# "iPhone 11", "Apple Watch 5", "Boeing 737", "the Kick Six": a number right after a name, mid-sentence.
# ("told Reuters 13 people": the name is the verb's object, the number starts the reported clause)
NAME_BEFORE = re.compile(r"[\w,;:](?<!\btold)(?<!\btell)(?<!\btells)\s+(?P<w>[A-Za-z&]*[A-Z][\w&]*)\s$")
NOT_NAME_WORDS = frozenset(
    [
        *MONTHS, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "i",
        # a title-case headline's small words and verbs: "Toll Rises To 40", "Floods Kill 40", and
        # its cue words ("WHO Confirms 41 Deaths")
        "to", "at", "of", "in", "by", "for", "from", "over", "than", "near", "nearly", "about",
        "around", "least", "more", "almost", "some", "kill", "kills", "killed", "rises", "rose",
        "climbs", "tops", "hits", "reaches", "nears", "passes", "exceeds", "reports",
        "leaves", "injures", "injured", "dead", "die", "dies", "displaces", "evacuate", "evacuates",
        *(word.lower() for word in CUE_WORDS),
    ]
)  # fmt: skip
# "Sindh 638, Punjab 191": a name after an earlier figure of the same list is the row a count is
# given for (a tally by place or party), not a name that ends in a number ("Route 66").
TALLY_ROW_BEFORE = re.compile(r"\d(?:\s+[a-z]+)?,\s+(?:and\s+)?(?:[A-Z][\w'’-]*\s+){1,3}$")
# A broadcaster's letters and channel number: "told KXTV 10 television", "ABC 7 Los Angeles
# television", "on WKRN 2 News".
STATION_LETTERS_BEFORE = re.compile(r"\b[A-Z]{2,5}\s$")
BROADCAST_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:News|TV|[Tt]elevision|[Rr]adio|[Cc]hannel|[Ss]tation|affiliate)\b"
)
# "the Group of 20": a name; "a group of 76 people" counts them.
GROUP_OF = re.compile(r"\b(?:Group|(?<!\ba\s)group)\s+of\s+$")
# Stock indexes and rankings named with a number: "S&P 500", "the sp 500", "S&P/ASX 200", "FTSE 100".
INDEX_NAMES = re.compile(
    r"\b(?:(?i:S&P|S\s?P)(?:/ASX)?|ASX|FTSE|Fortune|Russell|Nasdaq|Nikkei|CAC|DAX|Stoxx|Hang Seng|"
    r"Euro Stoxx)\s+$"
)
# The last letters of those names, in lower case: S&P, ASX, FTSE, Fortune, Russell, Nasdaq, Nikkei,
# CAC, Stoxx, Hang Seng.
_INDEX_NAME_LAST = frozenset("pxelqicg")


def _may_end_with(words: str, last_characters: frozenset[str]) -> bool:
    """A cheap test before a pattern that ends on a word and trailing spaces (`...\\s+$`): whether
    the last character before the trailing spaces, lower-cased, is one the pattern's words end with.
    A character outside ASCII always goes to the pattern, which may match it case-blind."""
    last = words.rstrip()[-1:]
    return not last.isascii() or last.lower() in last_characters


# "10 Downing Street", "1600 Pennsylvania Avenue".
STREET_AFTER = re.compile(
    r"^\s+(?:(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))\s+){1,3}(?:"
    + "|".join(re.escape(w.title()) for w in STREET_WORDS)
    + r")\b"
)
# Rankings: "the region's three largest ports", "top five".
_SUPERLATIVE_WORDS = tuple(sorted(SUPERLATIVE_WORDS))
_SUPERLATIVES = rf"(?:{'|'.join(_SUPERLATIVE_WORDS)})\b"
SUPERLATIVE_AFTER = re.compile(r"^\s+" + _SUPERLATIVES, re.IGNORECASE)
# "($1 = 0.9084 euros)", "(1 euro = 1.09 dollars)": a wire note of the rate it converted at.
EXCHANGE_NOTE_ONE_AFTER = re.compile(r"\s*[A-Za-z]{0,6}\s*=\s*[$€£¥]?\s*\d[\d.,]*\s*[A-Za-z .$€£¥]{0,25}\)")
EXCHANGE_NOTE_RATE_BEFORE = re.compile(r"\(\s*(?:[A-Z]{1,3})?[$€£¥]?\s*1\s*[A-Za-z]{0,6}\s*=\s*[$€£¥]?\s*$")
EXCHANGE_NOTE_RATE_AFTER = re.compile(r"\s*[A-Za-z .]{0,25}\)")
# "on day six of the siege", "since Day 1,": the day's place in a run of days, not a count.
DAY_IN_A_RUN_BEFORE = re.compile(r"(?:^|\b(?i:on|by|from|since|until|of)\s+)[Dd]ay\s+$")
DAY_IN_A_RUN_AFTER = re.compile(r"\s+of\b|\s*(?:[,;:.)]|$)")
RANKING_WORD_BEFORE = re.compile(r"(?<!\bto )\b(?:" + "|".join(RANKING_BEFORE) + r")\s+$", re.IGNORECASE)
_RANKING_WORD_LAST = frozenset(word[-1] for word in RANKING_BEFORE)
# A definite phrase naming a known set: "the two countries", "Saturday's two summits".
DEFINITE_BEFORE = re.compile(
    r"(?:\b(?:"
    + "|".join(DEFINITE_WORDS)
    + r")|\w['’]s?)\s+(?:(?:other|remaining|same|latter|former|past|last|next|previous|first|final)\s+)?$",
    re.IGNORECASE,
)
# "9 of the county's 14 bridges": the total M in "N of the M".
N_OF_THE_M = re.compile(
    r"(?:\d%?|percent|per\s+cent|half|thirds?|quarters?|fifths?|tenths?|most)\s+of\s+(?:the|its|their|his|her|our)(?:\s+[\w-]+['’]s?)?\s+$",
    re.IGNORECASE,
)
# "Of the 120 passengers on board, 87 ...": the known set named first, its part after the comma.
# A set that reports a count is a claim ("Of the 512 people rescued, 48 ...", SPEC).
FRONTED_OF_THE_M = re.compile(
    r"(?:^|[.;:!?]\s+|\n)\s*[Oo]f\s+(?:the|its|their|his|her|these|those)(?:\s+[\w-]+['’]s)?\s+$"
)
FRONTED_PART_AFTER = re.compile(
    r"^(?![^,]*\b(?:who|that|which|\w+ed|died)\b)[^,.;]{0,50},\s+(?:\w+\s+){0,2}\d"
)
# "six out of ten voters", "one in five children": the M of a ratio.
RATIO_TOTAL = re.compile(
    r"\b(?:\d+|" + word_alternation([*UNITS_WORDS, *TENS_WORDS]) + r")\s+(?:out\s+of|in)\s+(?:every\s+)?$",
    re.IGNORECASE,
)
# "... the 2,140 migrants the navy recorded": a definite phrase that reports a count is a claim.
REPORTED_COUNT_AFTER = re.compile(
    r"^(?:\s+[\w-]+){1,3}?\s+(?:that\s+|which\s+)?(?:the\s+|a\s+)?(?:[A-Z][\w-]*|[a-z]+)"
    r"(?:\s+[A-Za-z][\w-]*)?\s+(?:launched|counted|fired|recorded|registered|sent|reported|tallied|"
    r"confirmed|deployed|documented|verified|listed|identified|estimated)\b"
)
# "a girl was among the 12 people killed": the toll the victims belong to, not a known set; "up
# from the 41 reported on Monday": the earlier figure of a count that changed.
AMONG_THE_TOLL = re.compile(
    r"\b(?:among|(?:up|down|increase|rise|jump|drop|fall|decline|decrease)\s+from)\s+the\s+$", re.IGNORECASE
)
# "one of the four boats": one of a set the text counts, so a count of its own (SPEC: "N of the M").
# Not "one of the three deadliest storms": a place in a ranking, no count.
ONE_OF_A_COUNTED_SET = re.compile(
    rf"^\s+of\s+the\s+(?:\d[\d,]*|{word_alternation((*UNITS_WORDS, *TENS_WORDS))})\s+"
    rf"(?!{_SUPERLATIVES})[a-z]",
    re.IGNORECASE,
)
# "one" as a pronoun or determiner: "one of its boats", "one another", "no one", "at one point".
ONE_PRONOUN_BEFORE = re.compile(
    r"\b(?:no|any|every|each|some|this|that|the|which|another|at|in)\s+$", re.IGNORECASE
)
ONE_OF_WHOM_COUNTS = re.compile(
    r"^\s+of\s+(?:whom|them)\s+(?:later\s+|also\s+|subsequently\s+)?"
    r"(?:died|was\s+killed|was\s+injured|was\s+wounded|was\s+a|is\s+a|was\s+arrested)",
    re.IGNORECASE,
)
# The totals a ratio writes as a share ("six out of ten", "3 in 100"); "120 out of 400 seats" counts
# the seats too (SPEC: "N out of M" gives two claims).
SHARE_BASES = frozenset({20, 100, 1000})
SHARE_BASE_LIMIT = 10


def _share_base(value: float, is_words: bool) -> bool:
    return is_words or value <= SHARE_BASE_LIMIT or value in SHARE_BASES


# What a rate is counted against, after its figure: "12 per 100,000", "one for every 10,000".
RATE_BASE_BEFORE = re.compile(
    r"(?:\d|\b(?:" + word_alternation([*UNITS_WORDS, *TENS_WORDS, "a", "an"]) + r")\b)[^.;:]{0,30}?"
    r"\s(?:per|for\s+every)\s+$",
    re.IGNORECASE,
)
# "one in three children", "one out of five homes": "one" is the part of a ratio.
ONE_IN_RATIO = re.compile(
    r"^\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d+|" + word_alternation([*UNITS_WORDS, *TENS_WORDS]) + r")\b",
    re.IGNORECASE,
)
# "one Palestinian was killed", "one hiker died", "killing one and wounding five": "one" counts a
# casualty.
ONE_CASUALTY_AFTER = re.compile(
    r"^\s+(?:[\w'’-]+\s+){0,2}(?:(?:was|is|has\s+been|had\s+been|remains)\s+)?(?:reported\s+)?(?:killed|injured|wounded|"
    r"arrested|detained|abducted|kidnapped|missing|hurt|shot|dead|rescued|hospitali[sz]ed|died|drowned|perished)\b",
    re.IGNORECASE,
)
# "seven at Northgate, six at Riverside and one at Elm Park": the last count of a list of places.
ONE_ENDS_A_COUNT_LIST = re.compile(
    r"(?:\d|\b(?:" + word_alternation([*UNITS_WORDS, *TENS_WORDS]) + r")\b)"
    r"\s+(?:at|in)\s+[A-Z][^.;:,]{0,30},?\s+and\s+$",
    re.IGNORECASE,
)
ONE_AT_A_PLACE_AFTER = re.compile(r"^\s+(?:at|in)\s+(?:the\s+)?[A-Z]")
ONE_CASUALTY_BEFORE = re.compile(
    r"\b(?:killing|killed|injuring|injured|wounding|wounded|leaving)\s+$", re.IGNORECASE
)
ONE_COUNTED_NOUN = re.compile(
    r"^\s+(?:(?:more|other|further|additional|[a-z]+-?year-old)\s+)?(?:person|man|woman|child|boy|girl|"
    r"civilian|soldier|officer|policeman|policewoman|worker|journalist|resident|villager|migrant|"
    r"refugee|patient|student|teacher|doctor|nurse|fighter|militant|hostage|passenger|crew\s+member|"
    r"protester|demonstrator|baby|infant|body|death|case|missile|drone|rocket|bomb|shell|boat|ship|"
    r"vessel|aircraft|plane|jet|helicopter|tank|house|home|building|hospital|school|village|"
    r"ballistic\s+missile|cruise\s+missile|dead|injured|wounded|fatality|victim|suspect|survivor)\b",
    re.IGNORECASE,
)


# The words read around a number (characters): a wide window before it, the few words right before
# it, and the words after it.
BEFORE_WINDOW = 40
NEAR_WINDOW = 16
AFTER_WINDOW = 60


# "Ana Ruiz (45)": the capitalised words right before a bracketed number.
_NAME_BEFORE_BRACKET = re.compile(r"(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)\s*\($")


def _age_sized(value: float) -> bool:
    return value <= 120 and float(value).is_integer()


# "identified as Ramesh (45) and Suresh (32)": one name is enough after words that name people.
_ONE_NAME_BEFORE_BRACKET = re.compile(r"(?P<name>[A-Z][a-z][\w'’-]*)\s*\($")
_PEOPLE_NAMED_BEFORE = re.compile(r"\b(?:identified|named)\s+as\b|\b(?:deceased|victims?)\b", re.IGNORECASE)


def _person_before(near: str, before: str) -> bool:
    """Whether a bracketed number follows a person's name, not a place's ("Kano (10)")."""
    found = _NAME_BEFORE_BRACKET.search(near)
    if found is None:
        one = _ONE_NAME_BEFORE_BRACKET.search(near)
        return (
            one is not None
            and bool(_PEOPLE_NAMED_BEFORE.search(before))
            and not gazetteer().lookup(one.group("name"))
        )
    name = found.group("name")
    return personal_name(name.split()) is not None and gazetteer().lookup(name) is None


# A number word written with a capital inside running prose, before another capitalised word, opens a
# name ("the march ended at Nine Elms"); a title-case headline capitalises the word before it too
# ("Toll Rises To Nine In Velport"), and is left alone.
CAPITALISED_WORD_AFTER = re.compile(r"[ -][A-Z][a-z]")
LOWER_CASE_WORD_BEFORE = re.compile(r"\b[a-z]+ $")


# What each rule read on the words right after a number can open with (`initials`: lower case, as a
# string), once past the spaces: a number whose next word opens otherwise is spared the rule.
_ORDINAL_OPENINGS = initials(_ORDINAL_SUFFIXES)
_CLOCK_OPENINGS = initials((":", *_CLOCK_WORDS, *_TIME_ZONES))
_CHAIN_OPENINGS = "-./"  # IDENTIFIER_CHAIN, SLASH_AFTER
_DATE_OPENINGS = initials((*_ORDINAL_SUFFIXES, "of", *MONTHS))
_AGE_OPENINGS = initials(("-", *_AGE_UNITS))
_DURATION_OPENINGS = initials(("-", *_DURATION_WORDS, *TIME_UNITS))
_ERA_OPENINGS = initials(_ERAS)
_MODEL_OR_POSTCODE_OPENINGS = initials((*_MODEL_SUFFIXES, *_POSTCODE_WORDS))
_SUPERLATIVE_OPENINGS = initials(_SUPERLATIVE_WORDS)


def _opening(after: str) -> str:
    """The first character of the words after a number, lower-cased: what the rules read there must
    open with (their `*_OPENINGS`). "" when there is none or it is outside ASCII, which case-blind
    matching may fold to a letter ("ſ" to "s"): every string of openings holds "", so no rule is
    ruled out."""
    first = after.lstrip()[:1]
    return first.lower() if first.isascii() else ""


# The characters `DIGIT_GROUP_BEFORE` can end on ("$" also matches before a final newline).
_DIGIT_GROUP_LAST = frozenset(" -\n")


def non_claim_reason(  # noqa: PLR0911, PLR0912, PLR0913  one return per non-claim rule, in precedence order
    text: str,
    start: int,
    end: int,
    *,
    sentence_start: int,
    token: str,
    value: float,
    is_words: bool,
    has_unit: bool,
    scaled: bool,
    hyphen_word: str | None,
) -> str | None:
    """Why the number text[start:end] is not a claim, or None when it may be one.

    `has_unit` is true when a unit, currency or percent was found at the number, `scaled` when a
    scale word was ("2.6 million");
    `hyphen_word` is the lower-case word joined to it by a hyphen ("member" in "10-member").
    """
    # Windows are kept short and cheap tests run first: this runs for every number in the stream.
    before = text[max(sentence_start, start - BEFORE_WINDOW) : start]
    near = before[-NEAR_WINDOW:]
    after = text[end : end + AFTER_WINDOW]
    opening = _opening(after)  # read once for every rule on the words after the number
    small_whole = value <= 31 and float(value).is_integer()
    if not is_words:
        if start == sentence_start and value < 1000 and LIST_MARKER_AFTER.match(after):
            return "list marker"
        if ("=" in near or "=" in after[:12]) and _exchange_note(value, near, after):
            return "exchange rate"
        if opening in _ORDINAL_OPENINGS and ORDINAL_SUFFIX.match(after):
            return "ordinal"
        if (opening in _CLOCK_OPENINGS and CLOCK_TIME.match(after)) or (
            len(token.split(".", maxsplit=1)[0]) == 2 and near.endswith(":") and CLOCK_MINUTES.search(near)
        ):
            return "clock time"
        if near[-1:] in ("-", ".", "/") and DATE_CHAIN_BEFORE.search(near):
            return "date"
        if (
            opening in _CHAIN_OPENINGS and (IDENTIFIER_CHAIN.match(after) or SLASH_AFTER.match(after))
        ) or near.endswith("/"):
            return "identifier"
        if near.endswith("(") and after.startswith(")") and small_whole and WEEKDAY_DAY_BEFORE.search(near):
            return "date"
        if start - sentence_start < 40 and (
            (
                (start == sentence_start or COUNTER_LABEL.match(text, sentence_start, start))
                and COUNTER_LINE_FIRST.match(after)
            )
            or (
                before.endswith("of ")
                and COUNTER_LINE_TOTAL.match(before)
                and (after.strip() == "" or COUNTER_CAPTION_AFTER.match(after))
            )
        ):
            return "gallery counter"
        # "(Photo: J. Lind / Wire) 1 of 5": a counter that ends a caption after its credit
        if (near.rstrip().endswith(")") and COUNTER_LINE_FIRST.match(after)) or (
            before.endswith("of ")
            and CREDIT_COUNTER_TOTAL.search(near)
            and not after.split("\n", 1)[0].strip()
        ):
            return "gallery counter"
        if token.startswith("0") and LEADING_ZERO.match(token):
            return "identifier"
    # Days are written in digits: "In March two volcanoes erupted", "by June 18, seven had died"
    if (
        small_whole
        and not is_words
        and (
            DATE_AFTER_MONTH.search(near)
            or (opening in _DATE_OPENINGS and DATE_BEFORE_MONTH.match(after))
            or _second_day(before, after)
        )
    ):
        return "date"
    aged = opening in _AGE_OPENINGS and AGE_AFTER.match(after) is not None  # read once for both rules below
    if value > 130 and aged:
        return None  # "a 2,900-year-old hearth": the age of a thing is a measure
    if (
        aged
        or (value <= 120 and _has_age_hint(before) and AGE_BEFORE_WORDS.search(before))
        or (
            value <= GROUP_AGE_LIMIT
            and _may_end_with(before, _AGE_BOUND_LAST)
            and PEOPLE_WERE_AGED_BEFORE.search(before)
            and PEOPLE_WERE_AGED_AFTER.match(after)
        )
        or (
            value <= 120
            and "turn" in before[-12:]
            and TURNED_BEFORE.search(before)
            and TURNED_AGE_AFTER.match(after)
        )
    ):
        return "age"
    if value <= FAMILY_SIZE_LIMIT and before.endswith("of ") and FAMILY_OF_BEFORE.search(before):
        return "family"
    if is_words and token.lower() in MULTIPLIER_WORDS and VAGUE_COUNT_BEFORE.search(near):
        return "vague plural"
    if (
        is_words
        and token[:1].isupper()
        and CAPITALISED_WORD_AFTER.match(after)
        and LOWER_CASE_WORD_BEFORE.search(near)
    ):
        return "name"  # "at Nine Elms", "near Seven Sisters station": a place's or a thing's name
    if (
        is_words
        and token.lower() == "one"
        and (NO_BEFORE.search(near) or (AT_BEFORE.search(near) and ONE_IDIOM_AFTER.match(text, start + 3)))
    ):
        return "pronoun one"
    if not has_unit and not scaled:
        if not is_words and _is_year(token, value, before, after, era_may_follow=opening in _ERA_OPENINGS):
            return "year"
        if opening in _DURATION_OPENINGS and (DURATION.match(after) or DURATION_LONG.match(after)):
            return "duration"
        if value <= 120 and after.startswith(",") and AGE_APPOSITION_BEFORE.search(near):
            return "age"
        if value <= 120 and (
            (AGE_PAIR_FIRST_AFTER.match(after) and AGE_PAIR_FIRST_BEFORE.search(near))
            or (after.startswith(",") and AGE_PAIR_SECOND_BEFORE.search(before))
        ):
            return "age"
        if value <= 120 and after[:1] in (".", ";") and SPEAKER_NAME_BEFORE.search(before):
            return "age"  # '"We lost everything," said farmer Jon Breck, 63.
        if (
            _age_sized(value)
            and near.endswith("(")
            and after.startswith(")")
            and _person_before(near, before)
        ):
            return "age"  # "Ana Ruiz (45) was among the dead"
    if near.endswith((" per ", " every ")) and RATE_BASE_BEFORE.search(before):
        return "base of a rate"  # "12 per 100,000 residents", "one doctor for every 10,000 people"
    if hyphen_word is not None and hyphen_word not in COUNTING_HYPHEN_WORDS:
        return "compound descriptor"
    if _is_named(before, token, is_words, has_unit=has_unit or scaled):
        return "name or identifier"
    if after[1:2].isupper() and STREET_AFTER.match(after):
        return "street number"
    if not has_unit and (
        (
            opening in _MODEL_OR_POSTCODE_OPENINGS
            and (MODEL_SUFFIX_AFTER.match(after) or POSTCODE_AFTER.match(after))
        )
        or (value < 100 and STATION_LETTERS_BEFORE.search(near) and BROADCAST_AFTER.match(after))
    ):
        return "name or identifier"
    word_before = _naming_word_before(near)
    if word_before and word_before.lower() in PHONE_WORDS:
        return "phone number"
    if (
        not is_words
        and near[-1:] in _DIGIT_GROUP_LAST
        and DIGIT_GROUP_BEFORE.search(near)
        and DIGIT_GROUP_AFTER.match(after)
    ):
        return "phone number"
    if not has_unit:
        if (opening in _SUPERLATIVE_OPENINGS and SUPERLATIVE_AFTER.match(after)) or (
            _may_end_with(near, _RANKING_WORD_LAST) and RANKING_WORD_BEFORE.search(near)
        ):
            return "ranking"
        if (
            value <= DAY_IN_A_RUN_LIMIT
            and near.endswith(("day ", "Day "))
            and DAY_IN_A_RUN_BEFORE.search(near)
            and DAY_IN_A_RUN_AFTER.match(after)
        ):
            return "ordinal"
        if value <= SPEAKER_COUNT_LIMIT and (
            # read past `after`: the description of the speakers may be long
            (SPEAKER_COUNT_AFTER.match(text, end, end + SPEAKER_COUNT_WINDOW) and CLAUSE_OPENING.search(near))
            # "according to two people familiar with the matter", "citing two security sources"
            or (ACCORDING_TO_BEFORE.search(near) and SPEAKERS_AFTER.match(after))
        ):
            return "count of speakers"
        if " of " in before and N_OF_THE_M.search(before) and not REPORTED_COUNT_AFTER.match(after):
            return "total of a known set"
        if (
            ("of" in before or "Of" in before)
            and FRONTED_OF_THE_M.search(before)
            and FRONTED_PART_AFTER.match(after)
        ):
            return "total of a known set"  # "Of the 120 passengers on board, 87 were rescued"
        if (
            near.endswith((" of ", " in ", " every "))
            and RATIO_TOTAL.search(near)
            and _share_base(value, is_words)
        ):
            return "total of a ratio"
        if before.endswith(" of ") and COUNTER_TOTAL.search(before):
            return "total of a counter"
        if (
            (is_words or value < 100)
            and DEFINITE_BEFORE.search(near)
            and not REPORTED_COUNT_AFTER.match(after)
            and not AMONG_THE_TOLL.search(before)
        ):
            return "known set"
        if token.lower() == "one" and not _one_counts(near, after, before):
            return "pronoun one"
    return None


def _exchange_note(value: float, near: str, after: str) -> bool:
    """Whether a number is either side of a wire's note of the rate it converted at: "($1 = 0.9084
    euros)"."""
    if value == 1 and "(" in near[-6:]:
        return EXCHANGE_NOTE_ONE_AFTER.match(after) is not None
    return (
        near.rstrip().endswith(("=", "$", "€", "£", "¥"))
        and EXCHANGE_NOTE_RATE_BEFORE.search(near) is not None
        and EXCHANGE_NOTE_RATE_AFTER.match(after) is not None
    )


def _second_day(before: str, after: str) -> bool:
    """ "Feb. 7 and 11", "Jan. 1-17": a day joined to a date; not a count of things after a date and
    its comma ("On May 3, 12 climbers were rescued")."""
    return (
        _ends_with_a_day_join(before)
        and DATE_SECOND_DAY.search(before) is not None
        and not (before.rstrip().endswith(",") and PLURAL_NOUN_AFTER.match(after) is not None)
    )


def _is_year(token: str, value: float, before: str, after: str, *, era_may_follow: bool) -> bool:
    """Whether a number is a year; `era_may_follow` is false when the words after it open with no era."""
    if (_may_end_with(before, _ERA_BEFORE_LAST) and ERA_BEFORE.search(before)) or (
        era_may_follow and ERA_AFTER.match(after)
    ):
        return True
    if not (len(token) == 4 and token.isdigit() and 1500 <= value <= 2200):
        return False
    if FISCAL_YEAR.match(after):
        return True
    if before.endswith(" of ") and MEASURE_OF_BEFORE.search(before):
        return False  # "an average of 1500", "a total of 2000"
    return bool(YEAR_CONTEXT_BEFORE.search(before)) or not PLURAL_NOUN_AFTER.match(after)


def _is_named(before: str, token: str, is_words: bool, *, has_unit: bool) -> bool:  # noqa: PLR0911  one return per naming pattern
    near = before[-24:]
    if not has_unit and near[-1:] == "." and near[-2:-1].isalpha():
        return True  # "No.5", "v.2": an abbreviation glued to the digits
    if near[-1:].isalpha() or near[-1:] in ("-", "#", "№"):
        if IDENTIFIER_BEFORE.search(near):
            return True
    elif (" of " in near and GROUP_OF.search(near)) or (
        _may_end_with(near, _INDEX_NAME_LAST) and INDEX_NAMES.search(near)
    ):
        return True
    digits_name = not is_words and token.isdigit() and len(token) <= 4
    if not has_unit and ((is_words and token[0].isupper()) or digits_name):
        # a name with a capital, then one space: a window with no capital or no space at its end
        # (most of them) is ruled out without the pattern
        name = NAME_BEFORE.search(near) if near[-1:].isspace() and near.lower() != near else None
        if (
            name is not None
            and name.group("w").lower() not in NOT_NAME_WORDS
            and not TALLY_ROW_BEFORE.search(before)
        ):
            return True
    word = _naming_word_before(near)
    if word is None:
        return False
    lower = word.lower()
    if lower in LOWERCASE_NAMING_WORDS:
        return True
    return word[0].isupper() and lower.rstrip(".") in NAMING_WORDS


def _one_counts(before: str, after: str, wide_before: str) -> bool:
    if (
        ONE_OF_WHOM_COUNTS.match(after)
        or ONE_OF_A_COUNTED_SET.match(after)
        or ONE_IN_RATIO.match(after)
        or ONE_CASUALTY_AFTER.match(after)
        or ONE_CASUALTY_BEFORE.search(before)
        or (ONE_AT_A_PLACE_AFTER.match(after) and ONE_ENDS_A_COUNT_LIST.search(wide_before))
    ):
        return True
    if ONE_PRONOUN_BEFORE.search(before):
        return False
    return bool(ONE_COUNTED_NOUN.match(after))
