"""Normal forms of what a figure counts, in what unit, where, and from whom: the parts of a series key.

Two reports of the same figure must land on one series even when one says "10,022 Palestinians"
and the other "10,022 people", so the counted thing is folded through the glossaries below. The
folding is deliberately conservative: a subgroup (children, women, civilians, soldiers, hostages)
stays its own thing, because a subgroup's figure compared with a total would read as a conflict.
"""

from __future__ import annotations

import re
from typing import get_args

from worker.extract.places import gazetteer
from worker.models import Category

# Categories whose bare figure counts people ("30 killed" means 30 persons): every one but "other".
PEOPLE_CATEGORIES = frozenset(get_args(Category)) - {"other"}

# What a people figure is called when the bare count has no noun.
PERSON = "person"
# What a figure of another category is called when the text names no counted thing.
UNSPECIFIED = "unspecified"

# Plurals that the suffix rules below would get wrong.
IRREGULAR_SINGULARS: dict[str, str] = {
    "people": "person",
    "persons": "person",
    "children": "child",
    "women": "woman",
    "men": "man",
    "lives": "life",
    "feet": "foot",
    "mice": "mouse",
    "police": "police",
    "personnel": "personnel",
    "livestock": "livestock",
    "cattle": "cattle",
    "sheep": "sheep",
    "news": "news",
    "series": "series",
    "species": "species",
    "buses": "bus",
    "crises": "crisis",
    "analyses": "analysis",
}

# Nouns that, as the thing counted, mean "a person" and nothing narrower. A death toll is reported
# as deaths, fatalities, victims or lives as often as people; all count the same persons.
PERSON_SYNONYMS = frozenset(
    {
        "person",
        "individual",
        "resident",
        "inhabitant",
        "death",
        "fatality",
        "victim",
        "casualty",
        "life",
        "soul",
        "human",
        # Participles used as nouns ("6 injured", "the dead") count people in every category.
        "dead",
        "killed",
        "injured",
        "wounded",
        "hurt",
        "missing",
        "displaced",
    }
)

# Nouns that name the people a category counts, and so mean "person" in that category only:
# "50,000 protesters" are the people protesting, but "3 protesters killed" are a subgroup of a toll.
CATEGORY_PERSON_NOUNS: dict[str, frozenset[str]] = {
    "protesting": frozenset(
        {"protester", "protestor", "demonstrator", "marcher", "participant", "attendee", "rallygoer"}
    ),
    # Arrests are made at a protest: "150 demonstrators detained" and "112 people detained" are one count.
    "detained": frozenset(
        {"detainee", "arrest", "arrestee", "protester", "protestor", "demonstrator", "marcher", "rioter"}
    ),
    "evacuated": frozenset({"evacuee"}),
    # "1,200 bodies recovered" is the toll; "3,853 injuries" the injured. The people a shipwreck, a
    # crash or a crush befalls are all of them: "61 migrants missing" and "61 people unaccounted for"
    # are one count, as are "19 pilgrims" and "19 people" killed.
    "killed": frozenset({"body", "corpse", "migrant", "passenger", "pilgrim"}),
    "missing": frozenset({"migrant", "passenger", "pilgrim"}),
    "injured": frozenset({"injury", "passenger", "pilgrim"}),
    "displaced": frozenset({"refugee", "migrant"}),
}

# Police officers however a report names them; "army officers" keep their own words.
POLICE_OFFICER = "police officer"
POLICE_OFFICER_WORDS = frozenset(
    {"officer", "policeman", "policewoman", "policemen", "policewomen", "police"}
)

# What an outbreak's count of the sick is called: each is one sick person.
CASE_NOUNS = frozenset({"case", "infection", "patient"})

# Participles that say what happened to the people counted, as the category does.
CATEGORY_PARTICIPLES = frozenset(
    {"dead", "killed", "injured", "wounded", "hurt", "missing", "trapped", "displaced", "evacuated",
     "detained", "arrested", "abducted", "kidnapped", "affected"}
)  # fmt: skip

# How sure a count of people is ("confirmed deaths", "known fatalities"): a toll is the same count
# however it is qualified (cases keep "confirmed": a count of confirmed cases is a series of its own).
STATUS_WORDS = frozenset(
    {"confirmed", "known", "recorded", "registered", "official", "verified", "documented"}
)

# Words for the count itself ("the death toll", "the number of injured"): in a people category
# they mean the people counted.
COUNT_WORDS = frozenset({"toll", "tally", "count", "number", "figure", "total"})

# Places and buildings: a count of them under a people category ("325 evacuation points", "40
# shelters") numbers where people are, not the people, and is no toll.
FACILITY_NOUNS = frozenset(
    {
        "point",
        "site",
        "centre",
        "center",
        "camp",
        "shelter",
        "facility",
        "building",
        "house",
        "home",
        "school",
    }
)

# Nationality words. As the counted noun ("killed 10,022 Palestinians") they mean people of that
# place, and the place part of the key is what keeps two populations apart; as an adjective before
# another noun ("Palestinian children") they add nothing the place does not already say. Coverage:
# every country adjective the gazetteer knows, and the peoples without a country of their own that
# news counts by name.
_STATELESS_PEOPLES = frozenset({"rohingya"})


def _is_demonym(word: str) -> bool:
    """Whether a word (folded, singular) names the people of a country: "kenyan", "palestinian"."""
    return word in _STATELESS_PEOPLES or gazetteer().country_of_adjective(word) is not None


# Words around the head noun that do not change what is counted ("more people", "other victims").
FILLER_WORDS = frozenset(
    {"a", "an", "the", "more", "other", "additional", "further", "total", "some", "of", "new", "reported"}
)

# Words that say how soon money is given, not what it is for: "emergency humanitarian aid" is the
# humanitarian aid a later item totals ("military aid" and "development aid" stay apart).
MONEY_URGENCY_WORDS = frozenset({"emergency", "immediate", "urgent", "initial", "first"})

# ISO 4217 codes for the ways a text or an extractor may write a currency.
CURRENCIES: dict[str, str] = {
    "$": "usd",
    "us$": "usd",
    "dollar": "usd",
    "us dollar": "usd",
    "usd": "usd",
    "€": "eur",
    "euro": "eur",
    "eur": "eur",
    "£": "gbp",
    "pound": "gbp",
    "pound sterling": "gbp",
    "gbp": "gbp",
    "¥": "jpy",
    "yen": "jpy",
    "jpy": "jpy",
    "shekel": "ils",
    "ils": "ils",
    "rouble": "rub",
    "ruble": "rub",
    "rub": "rub",
    "rupee": "inr",
    "inr": "inr",
}

# Measure units in their short form (the annotation guide's spelling where it has one).
MEASURE_UNITS: dict[str, str] = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "percentage point": "pp",
    "ha": "ha",
    "hectare": "ha",
    "acre": "acre",
    "km2": "km2",
    "sq km": "km2",
    "square kilometre": "km2",
    "square kilometer": "km2",
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "mi": "mi",
    "mile": "mi",
    "m": "m",
    "metre": "m",
    "meter": "m",
    "t": "t",
    "tonne": "t",
    "ton": "t",
    "metric ton": "t",
    "kg": "kg",
    "kilogram": "kg",
    "l": "l",
    "litre": "l",
    "liter": "l",
}

# Place names written more than one way; the right-hand side is the form used in keys.
PLACE_ALIASES: dict[str, str] = {
    "gaza strip": "gaza",
    "the gaza strip": "gaza",
    "occupied west bank": "west bank",
    "israeli-occupied west bank": "west bank",
    "us": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "drc": "democratic republic of congo",
    "dr congo": "democratic republic of congo",
}

# A key joins its parts with "|", so a part must never hold one.
KEY_SEPARATOR = "|"

WORD_PATTERN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[$€£¥%]")
SPACE_RUN_PATTERN = re.compile(r"\s+")
# Dots are dropped before this applies, so "U.S." and "US" meet in the alias table.
PLACE_PUNCTUATION_PATTERN = re.compile(r"[^\w\s'’-]")


def singular(word: str) -> str:
    """The singular of an English plural noun (lower-case in, lower-case out)."""
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2:
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return WORD_PATTERN.findall(text.casefold())


def _phrase(words: list[str]) -> str:
    return " ".join(words)


def unit_code(unit: str | None) -> str | None:
    """The key form of a unit: an ISO 4217 code for money, a short unit name otherwise."""
    if unit is None or not unit.strip():
        return None
    words = _words(unit)
    if not words:
        return None
    # The last word carries the number ("US dollars"); singularise only that one.
    phrase = _phrase([*words[:-1], singular(words[-1])])
    if phrase in CURRENCIES:
        return CURRENCIES[phrase]
    if phrase in MEASURE_UNITS:
        return MEASURE_UNITS[phrase]
    return phrase.replace(KEY_SEPARATOR, " ")


# Words that end the counted noun phrase: "demonstrators throughout France", "people in camps".
PHRASE_END_WORDS = frozenset(
    [
        "in",
        "on",
        "at",
        "across",
        "throughout",
        "from",
        "during",
        "since",
        "last",
        "this",
        "who",
        "that",
        "which",
        "after",
        "before",
        "with",
        "by",
        "for",
        "to",
        "against",
        "around",
        "nationwide",
        "across",
        "were",
        "was",
        "are",
        "had",
        "have",
        "has",
        # participles and verbs that follow a counted noun ("deaths owing to", "deaths came")
        "owing",
        "due",
        "come",
        "came",
        "rose",
        "reached",
        "stood",
        "climbed",
        "jumped",
        "increased",
    ]
)


def _head_phrase(words: list[str]) -> list[str]:
    for index, word in enumerate(words):
        if word in PHRASE_END_WORDS:
            return words[:index]
    return words


def counted_noun(counted: str | None, category: str) -> str:
    """What is counted, folded to one noun: "Palestinians", "people", "deaths" all give "person"."""
    words = [w for w in _head_phrase(_words(counted or "")) if w not in FILLER_WORDS]
    # A nationality before another noun is a qualifier the place part already carries, a
    # participle ("injured miners", "missing children") one the category already carries, and a
    # word of status ("confirmed deaths") no other count.
    while len(words) > 1 and (
        _is_demonym(words[0])
        or words[0] in CATEGORY_PARTICIPLES
        or (
            words[0] in STATUS_WORDS
            and category in PEOPLE_CATEGORIES
            and singular(words[-1]) not in CASE_NOUNS
        )
    ):
        words = words[1:]
    if words and category in PEOPLE_CATEGORIES and singular(words[-1]) in COUNT_WORDS:
        words = []
    if not words:
        return PERSON if category in PEOPLE_CATEGORIES else UNSPECIFIED
    head = singular(words[-1])
    if category == "affected" and head in CASE_NOUNS:
        # "1,240 suspected cholera cases", "1,980 cases": one outbreak's count of the sick, whatever
        # the disease is called; a count of confirmed cases is another series.
        return "confirmed case" if "confirmed" in words else PERSON
    if head in POLICE_OFFICER_WORDS and set(words[:-1]) <= {"police"}:
        return POLICE_OFFICER  # "three police officers", "11 officers", "five policemen": one count
    person_words = PERSON_SYNONYMS | CATEGORY_PERSON_NOUNS.get(category, frozenset())
    # "dead persons", "injured victims": a person word qualified only by person words.
    if all(singular(w) in person_words or _is_demonym(singular(w)) for w in words):
        return PERSON
    return _phrase([*words[:-1], head])


def counted_thing(counted: str | None, unit: str | None, category: str) -> str:
    """The counted part of a key: the noun, prefixed by its unit when the figure has one.

    Money is told apart by currency ("usd", "eur:aid"), measures by unit ("ha", "km2:farmland");
    a bare count is just its noun ("person", "child", "hostage").
    """
    code = unit_code(unit)
    if code is None:
        return counted_noun(counted, category)
    named = [w for w in _words(counted or "") if w not in FILLER_WORDS | MONEY_URGENCY_WORDS]
    if not named or unit_code(counted) == code:
        return code
    return f"{code}:{_phrase([*named[:-1], singular(named[-1])])}"


def place_name(location: str | None) -> str:
    """The place part of a key: lower-case, without punctuation, through the alias table; "" if none."""
    if location is None:
        return ""
    text = PLACE_PUNCTUATION_PATTERN.sub(" ", location.casefold().replace(".", ""))
    text = SPACE_RUN_PATTERN.sub(" ", text).strip(" -")
    if text in PLACE_ALIASES:
        return PLACE_ALIASES[text]
    if text.startswith("the "):
        text = text[4:]
    return PLACE_ALIASES.get(text, text)


def source_name(normalized: str) -> str:
    """The source part of a key, from the attribution stage's normalised name (already aliased)."""
    return SPACE_RUN_PATTERN.sub(" ", normalized.casefold().replace(KEY_SEPARATOR, " ")).strip()


# Words after a figure that make it the change of one day, not a running total.
_INCREMENT_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?(?:more|new|additional|further)\b(?!\s+than)", re.IGNORECASE
)
# "in the past 24 hours", "overnight" after a figure: what one day added, unless the figure is the
# total a change reached ("the toll rose to 1,870 overnight", "stands at 500 in the past day").
_WITHIN_A_DAY_AFTER = re.compile(
    r"^[^.;\d]{0,60}?\b(?:in|over|during)\s+the\s+(?:last|past|previous)\s+(?:24|48|72|twenty-four)\s+hours\b"
    r"|^[^.;\d]{0,60}?\b(?:overnight|in\s+a\s+single\s+day|in\s+one\s+day|since\s+yesterday)\b",
    re.IGNORECASE,
)
_TOTAL_REACHED_BEFORE = re.compile(
    r"\b(?:to|at|reached|reaching|passed|passing|topped|surpassed|crossed|exceeded)\s+"
    r"(?:(?:about|around|nearly|almost|over|more\s+than|at\s+least)\s+)?$",
    re.IGNORECASE,
)
# One happening as the subject: "a missile strike on Odesa killed 12 and wounded 45 overnight" gives
# that strike's toll, not what a day added to a running count ("Russian attacks killed five
# overnight").
_ONE_HAPPENING_BEFORE = re.compile(
    r"\b(?:an?|the|this|that|[A-Z]\w+['’]s)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:strike|attack|blast|explosion|bombing|crash|quake|earthquake|fire|collapse|landslide|raid|storm)"
    r"\s+(?:on|in|at|near|that|which|killed|has|had|left)\b",
    re.IGNORECASE,
)
_INCREMENT_BEFORE = re.compile(
    r"\b(?:another|a\s+further|an\s+additional|a\s+new)\s*$"
    # "the toll rose by 40": the step of a change, not the total it reached
    r"|\b(?:rose|risen|rising|increased|climbed|jumped|grew|grown|fell|fallen|dropped|declined|decreased"
    r"|up|down)\s+by\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least)\s+)?$",
    re.IGNORECASE,
)


def is_increment(sentence: str, quantity_text: str) -> bool:
    """Whether a figure counts only what was added ("another 22", "22 more", "22 in the past 24 hours").

    Such a count is not cumulative: it must never chain with the running total.
    """
    at = sentence.find(quantity_text)
    if at < 0:
        return False
    after, before = sentence[at + len(quantity_text) :], sentence[:at]
    if _INCREMENT_AFTER.search(after) or _INCREMENT_BEFORE.search(before):
        return True
    return (
        _WITHIN_A_DAY_AFTER.search(after) is not None
        and _TOTAL_REACHED_BEFORE.search(before) is None
        and _ONE_HAPPENING_BEFORE.search(before) is None
    )
