"""Source identity: which body a source mention stands for, with a stable id across spellings.

Resolution runs once per item in the pipeline (it needs the item: acronyms defined in it, the
people it introduces with their office, its country), and the claim event carries the result. The
rules, in order (docs/tracking.md):

1. Sentence adverbs the attribution swallowed go ("However, police" is the police).
2. The mention's form: a place that speaks, a known organisation named anywhere in it
   (`worker/knowledge/organisations.json`, by acronym or alias), an acronym the item defines ("the
   General Labour Union (GLU)") or the expansion of one, a generic body's office or a police rank;
   then a role of a body ("a spokeswoman for", "the board's spokesman"), a named person of a body
   ("Maj. Tom Reed of the state patrol"), people polled by a body, a description before a name and
   a document's issuer ("a police statement") each resolve to that body, the person kept as the
   speaker (`_FORM_RULES`, in order).
3. A person alone resolves to the body the item ties them to ("agency head Jane Doe", "Jane Doe,
   spokeswoman for the agency"), else to a person id that survives transliteration variants.
4. A government office resolves by rule: country (adjective, possessive, "of X" or the item's
   country) plus office ("ministry of the interior" = "interior ministry" = "the Interior").
5. Generic sources ("officials", "authorities", "police") keep their head word; the series key
   carries the country, so they are scoped by it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import Enum, auto
from functools import cache, lru_cache
from itertools import chain, islice

from worker.extract.alternation import word_alternation
from worker.extract.lexicon import MONTH_NAMES, WEEKDAY_NAMES
from worker.extract.places import (
    FREE_CITY_POPULATION,
    PAPER_TITLE_WORDS,
    POSSESSIVE_END,
    admin_suffixes,
    gazetteer,
)
from worker.extract.places import fold as fold_place
from worker.extract.quantities import ISO_CODES
from worker.extract.reporting import (
    GENERIC_DOCUMENT_ADJECTIVES,
    OUTLET_KIND_NOUNS,
    PLACE_HEADS,
    SPEAKER_ROLES,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)
from worker.extract.sources import (
    DEMONYM_PLACES,
    MOVEMENTS_RULING_A_COUNTRY,
    RULING_MOVEMENTS,
    TYPE_KEYWORDS,
    personal_name,
    without_home_base,
)
from worker.knowledge import Organisation, content_words, organisations
from worker.track.normalize import singular

# Words that open a sentence, not a name: "However, police said" credits the police.
SENTENCE_ADVERBS = frozenset(
    [
        "however",
        "meanwhile",
        "also",
        "but",
        "and",
        "yet",
        "still",
        "moreover",
        "furthermore",
        "separately",
        "earlier",
        "later",
        "now",
        "so",
        "then",
        "instead",
        "overall",
        "officially",
        "previously",
        "additionally",
        "initially",
        "elsewhere",
    ]
)

# The id prefix of a person who speaks for no body the item names.
PERSON_PREFIX = "person:"

# Offices of government, keyed by what they are called in any word order; the value is the office.
OFFICE_FIELDS: dict[str, str] = {
    "interior": "interior",
    "internal affairs": "interior",
    "home affairs": "interior",
    "home": "interior",
    "health": "health",
    "public health": "health",
    "defence": "defence",
    "defense": "defence",
    # a civil defence office answers for emergencies and relief, not for the armed forces
    "civil defence": "civil-protection",
    "civil defense": "civil-protection",
    "civil protection": "civil-protection",
    "foreign affairs": "foreign",
    "foreign": "foreign",
    "external affairs": "foreign",  # India's name for it
    "religious affairs": "religious-affairs",  # it runs the pilgrimages whose deaths it counts
    "hajj": "religious-affairs",
    "education": "education",
    "labour": "labour",
    "labor": "labour",
    "civil service": "civil service",
    "agriculture": "agriculture",
    "social affairs": "social affairs",
    "emergency situations": "emergencies",
    "emergencies": "emergencies",
    "disaster management": "disaster-management",
    "disaster management and relief": "disaster-management",
    "disaster": "disaster-management",  # "the disaster ministry"
    "disasters": "disaster-management",
    "information": "information",
    "finance": "finance",
}

# Bodies named by a head word alone: "officials", "the authorities", "police". The key's country
# part scopes them: Morocco's officials and France's officials are different sources.
GENERIC_HEADS: dict[str, str] = {
    "official": "officials",
    "officials": "officials",
    "officer": "officials",  # "the district officer", "the information officer": an office holder
    # a district's head of administration in South Asia: "the district magistrate", "the collector"
    "magistrate": "officials",
    "collector": "officials",
    "administrator": "officials",  # "the district's chief administrator"
    "authorities": "authorities",
    "authority": "authorities",
    "government": "government",
    # "the district administration", "a local administration official": an area's government
    "administration": "government",
    "police": "police",
    "the police": "police",
    "police officials": "police",
    "rescuers": "rescuers",
    "rescue workers": "rescuers",
    # the ambulance, fire and rescue services a region or a city runs together
    "emergency services": "emergency services",
    "emergency service": "emergency services",
    "state media": "state media",
    "state television": "state media",
    "state tv": "state media",
    "state radio": "state media",
    "state broadcaster": "state media",
    "local media": "local media",
    "media": "media",
    "news": "media",  # "Italian news reports"
    "unions": "unions",
    "union": "unions",
    "organisers": "organisers",
    "organizers": "organisers",
    # "the organising group", "the organising committee" when no name is written
    "organising group": "organisers",
    "organizing group": "organisers",
    "organising committee": "organisers",
    "organizing committee": "organisers",
    # the marchers' own side, when no organiser is named: "the demonstrators claimed 200,000"
    "protesters": "protesters",
    "protestors": "protesters",
    "demonstrators": "protesters",
    "hospital officials": "hospital officials",
    "health officials": "health officials",
    "health official": "health officials",
    "health officer": "health officials",  # "the district health officer"
    "police official": "police",
    "police officer": "police",
    "health authorities": "health officials",  # "health authorities in Gaza", "Sudanese health authorities"
    "prefecture": "prefecture",
    "police prefecture": "prefecture",
    "military": "military",
    "army": "military",
    "armed forces": "military",
    "general staff": "military",  # the armed forces' command: "Ukraine's general staff"
    "defence forces": "military",
    "defense forces": "military",
    "navy": "navy",  # a branch that gives its own figures ("the navy rescued 40")
    "air force": "air force",
    "coastguard": "coast guard",
    "activists": "activists",
    "witnesses": "witnesses",
    "witness": "witnesses",
    "residents": "residents",
    "medics": "medics",
    "paramedics": "medics",
    "mediators": "mediators",
    "rebels": "rebels",
    "insurgents": "rebels",
    "militants": "militants",
    "patrol": "patrol",  # "the state patrol", "the highway patrol"
    # a US county's police: its office, its department and the sheriff who heads it speak alike
    "sheriff": "sheriff",
    "analysts": "analysts",
    "economists": "economists",
    "civil society": "civil society",  # "a civil society leader", "local civil society groups"
    # unnamed groups of a field, in the plural: each item's are whichever it heard from
    "aid groups": "aid groups",
    "aid agencies": "aid groups",
    "aid organisations": "aid groups",
    "aid organizations": "aid groups",
    "relief groups": "aid groups",
    "relief agencies": "aid groups",
    "humanitarian groups": "aid groups",
    "humanitarian agencies": "aid groups",
    "humanitarian organisations": "aid groups",
    "humanitarian organizations": "aid groups",
    "aid workers": "aid workers",
    "relief workers": "aid workers",
    "humanitarian workers": "aid workers",
    "rights groups": "rights groups",
    # the givers at a pledging conference, together: "donors pledged $1.2 billion"
    "donors": "donors",
    "donor nations": "donors",
    "donor countries": "donors",
    # unnamed envoys, often of several countries at once: "two Arab diplomats", "diplomatic sources"
    "diplomats": "diplomats",
    "diplomat": "diplomats",
    "diplomatic sources": "diplomats",
}
# Heads written as one word or two: "the coast guard" is "the coastguard".
# Also the words between "state" and its outlet: "the state-run broadcaster" is state media.
_HEADS_WRITTEN_APART = {"coast guard": "coastguard", "state run ": "state ", "state owned ": "state "}

# Words that make a generic source one region's or town's ("the provincial government", "district
# officials"): its figures are that area's, not the country's (worker.track.keys).
SUBNATIONAL_WORDS = frozenset(
    {
        "provincial",
        "prefectural",
        "departmental",
        "regional",
        "municipal",
        "district",
        "county",
        "city",
        "local",
    }
)

# Head words of a body named by its kind alone ("the agency", "the council"): the item's body of
# that kind.
BODY_HEADS = frozenset(
    {
        "agency",
        "council",
        "authority",
        "organisation",
        "organization",
        "commission",
        "board",
        "office",
        "programme",
        "program",
        "fund",
        "committee",
        "department",
        "service",
        "centre",
        "center",
    }
)

# Emergency services that issue figures, beyond the extractor's source vocabulary.
SERVICE_WORDS = frozenset({"service", "services", "brigade", "rescue", "ambulance", "firefighters"})

# Generic heads that, with a country named ("Syrian officials"), mean that country's government.
NATIONAL_HEADS = frozenset({"government", "officials", "authorities"})
# Generic heads as a name capitalises them, with or without a country: "the Coast Guard", "Nepal
# Police", "the Armed Forces of Ukraine" and its "General Staff of the Armed Forces" are generic
# bodies of that country, as written in lower case.
_STYLED_GENERIC_NAMES = frozenset(GENERIC_HEADS) | {
    "general staff of the armed forces",
    "armed forces general staff",
}
# The office of a head of state or government speaks for the government, as its seat does ("the
# presidency", "the prime minister's office"); the head alone does only with the country written
# ("Kenya's president"), since a president may lead a company or a club.
_HEAD_OF_GOVERNMENT_OFFICES = frozenset(
    {
        "presidency",
        "presidential office",
        "president office",
        "office of the president",
        "office of president",
        "prime minister office",
        "office of the prime minister",
        "office of prime minister",
        "premier office",
        "chancellery",
    }
)
_HEADS_OF_GOVERNMENT = frozenset({"president", "prime minister", "premier", "chancellor"})
# "the state government", "state officials": a state's, in the federations whose regions are states
# (India, Nigeria, the US, Malaysia); "state media" and "the state news agency" stay national.
STATE_SOURCES = frozenset(f"generic:state {head}" for head in NATIONAL_HEADS)

# Words of an office holder: "spokesman for X", "X chief Y" tie a person to the body X.
ROLE_WORDS = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "head",
        "chief",
        "director",
        "executive",
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "officer",
        "official",
        "administrator",
        "secretary",
        "deputy",
        "acting",
        "information",
        "data",
        "commander",
        "coordinator",
        "undersecretary",
        "minister",
        "governor",
        "mayor",
        "superintendent",
        "commissioner",
        "sheriff",
    ]
)

_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# "Maj. Tom Reed of the state patrol", "Ana Ruiz from the county coroner's office": a named person,
# then the body they speak for.
_PERSON_OF = re.compile(
    r"^(?P<person>(?:[A-Z][\w'’.-]*\s+){1,4}?[A-Z][\w'’-]*)\s+(?:of|from|at)\s+(?P<body>(?:the\s+)?\S.*)$"
)
_ONE_CAPITALISED_WORD = re.compile(r"(?:the\s+)?[A-Z][\w'’-]*")
# What locates a place further after its name: "in the country's north", ", Kenya".
_WHERE_TAIL = re.compile(r"(?:\s+in\s+.*|,.*)$")
# The roles a speaker holds in a body, written before "of", "for" or "at" and the body.
_ROLE_IN_A_BODY = (
    r"(?:spokes(?:man|woman|person)|head|chief|director|official|officer|chairman|chairwoman|chairperson|chair|secretary"
    r"|representative|coordinator|commander|president|superintendent)"
)
# "a spokeswoman for the relief board", "the director of the agency": a role, then its body.
_ROLE_OF = re.compile(
    rf"^(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?{_ROLE_IN_A_BODY}\s+(?:for|of|at|with)\s+(?P<body>.+)$",
    re.IGNORECASE,
)
# "the European Union", "the African Union": a union named with a capital after a capitalised word.
_NAMED_UNION = re.compile(r"\b[A-Z][\w'’-]*\s+Union\b")
# A body that opens with its owner's possessive: "state's office" after "secretary of".
_OWNER_FIRST = re.compile(r"[\w-]+(?:'s|’s)\s")
# "the latest report from the relief board", "figures released by the ministry": a document is the
# channel, the body that issued it the source; "documents obtained by the Velmar Times": the outlet
# that has them, for want of their issuer.
# "filings with the election board", "records submitted to the regulator": the body that keeps them.
_DOCUMENT_OF = re.compile(
    r"^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:reports?|statements?|data|figures|statistics|bulletins?"
    r"|updates?|tally|count|documents?|memos?|records)\s+"
    r"(?:(?:issued|released|published|compiled|obtained|seen|reviewed)\s+)?(?:from|of|by)"
    r"|(?:filings?|returns|records|documents|reports|data)\s+(?:(?:filed|submitted|lodged)\s+)?(?:with|to)"
    # "a report in the state-run Velm Daily newspaper": the paper that ran it
    rf"|(?:reports?|articles?|stor(?:y|ies))\s+in(?=\s+(?:the\s+)?[^,]*\b(?:{word_alternation(OUTLET_KIND_NOUNS)})\b)"
    # "a poll from Quinlan University", "a study by the institute"; "of" would name its subject
    r"|(?:polls?|surveys?|stud(?:y|ies)|analys[ie]s|audits?|assessments?|census|estimates?|forecasts?"
    r"|projections?|findings)\s+(?:(?:issued|released|published|conducted|commissioned|carried\s+out)\s+)?"
    r"(?:from|by))"
    r"\s+(?P<body>.+)$",
    re.IGNORECASE,
)
# Words of a country's own count: "Israeli tallies", "official Norland figures".
_FIGURE_DOCUMENT_WORDS = frozenset(
    {"the", "official", "figures", "figure", "tallies", "tally", "data", "statistics", "count"}
)
# A document named alone ("statistics", "the report"): it names no one, unless the words before it
# name who issued it ("a police statement", "the health ministry report").
_DOCUMENT_ALONE = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<issuer>(?:[\w-]+\s+){0,2}?|(?-i:[A-Z][\w'’.-]*\s+(?:(?:and|of|for|on)\s+|[A-Z][\w'’.-]*\s+){2,6}))"
    r"(?P<document>reports?|statements?|data|statistics|bulletins?"
    r"|updates?|polls?|surveys?|study|studies|records|website|dashboard|database)$",
    re.IGNORECASE,
)
# Lower-case words inside a body's name: "the Office for Civil Protection".
_NAME_LINKS = frozenset({"and", "of", "for", "on"})
# Words that say what kind of document it is, not who issued it: "an official statement", "the
# latest weekly report".
_DOCUMENT_KIND_WORDS = GENERIC_DOCUMENT_ADJECTIVES | frozenset(
    {
        *("joint", "written", "brief", "separate", "internal", "detailed", "full", "short", "first", "last"),
        *("quarterly", "yearly", "exit", "opinion", "snap", "online", "telephone", "phone", "household"),
        *("independent", "national"),
    }
)
_ITEM_ACRONYM = re.compile(
    # a name never runs across a line: a headline's last words are no part of the next line's name
    r"(?P<name>(?:[A-Z][\w'’-]*)(?:[^\S\n]+(?:of|for|and|the|on|de|du|des|la|del|[A-Z][\w'’-]*)){1,12})"
    r"[^\S\n]*\((?P<acronym>[A-Z][A-Za-z]{1,9})\)"
)
# Its bracketed acronym alone: an item that writes none (most items with brackets) is not scanned
# for names, which tries the pattern at every capital letter.
_BRACKETED_ACRONYM = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")
# "the Department of Forestry and Fire Protection (Cal Fire)": a body's short name of two or three
# words, by which later items name it; an acronym in brackets is read by _ITEM_ACRONYM.
# The brackets are found first, then the name before them: brackets are rare, names are not.
_BRACKETED_SHORT_NAME = re.compile(r"\((?P<short>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2})\)")
_NAME_BEFORE_BRACKET = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*)(?:\s+(?:of|for|and|the|on|[A-Z][\w'’-]*)){1,12})\s*$"
)
# How far before its bracket a body's full name may start.
SHORT_NAME_WINDOW = 160
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
# A regnal or ordinal number after a name ("Carlos III", "World War II"): no body's letters.
_ROMAN_NUMERAL = re.compile(r"[IVX]+")
# Capitals that say what kind of body a name is, not which one: "Velmar News TV", "Velm Radio FM",
# "Tarsa Holdings PLC". A name that ends on them is keyed by its words.
_KIND_LETTERS = frozenset({"TV", "FM", "AM", "PLC", "LLC", "LTD", "INC", "AG", "GMBH", "NV", "LLP", "NGO"})
# Capitalised words that are not part of a body's initials ("The", a sentence's first word).
_NOT_INITIALS = frozenset({"the", "a", "an", "of", "for", "and"})
# Lower-case particles of personal names: "Eduardo del Rosario" is still a proper name.
_NAME_PARTICLES = frozenset(
    {"del", "de", "da", "dos", "das", "van", "von", "der", "bin", "al", "el", "la", "le", "di"}
)
# Words that introduce a source, not part of its name: "per PDMA", "according to the agency".
_INTRODUCERS = re.compile(r"^(?:per|by|from|according\s+to|citing|quoting)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s)\b")
_PARTY_AFTER = re.compile(r"\s*\((?:[DRI]|[DRI]-[A-Z][\w. ]{0,15})\)$")
# Parts of the ids the rules below write: a body the data file does not list ("name:velm relief
# board"), a ministry by its office ("gov:ke:health-ministry"), and police named by no force.
UNLISTED_PREFIX = "name:"
ACRONYM_PREFIX = "acr:"
MINISTRY_SUFFIX = "-ministry"
GENERIC_POLICE = "generic:police"
# "the prefecture" of a French city counts a march there as the city's police prefecture does.
GENERIC_PREFECTURE = "generic:prefecture"
_INDEXED_WORD = re.compile(r"\w+")
# "G.K. Jalan", or a mention that is "PS Rahangdale" alone: a person's initials before a name.
_INITIALS_OF_A_NAME = re.compile(
    r"\b((?:[A-Z]\.){2,3})\s*(?=[A-Z][a-z])|^((?![AI]\s)[A-Z]{1,2})\s+(?=[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?$)"
)
# A word that opens with a letter outside a-z: every capitalised word, which a name's first word is.
_NAME_LIKE_WORD = re.compile(r"(?<!\w)[^\W\d_a-z]\w*")
# A person's role is stated at one of the first mentions of the name; later ones are not read.
MENTIONS_READ_PER_NAME = 5
_VOWELS = re.compile(r"[aeiouy]+")
# The literal first and the word boundary before it checked behind ("\bminist" written so): the
# engine then jumps from one "minist" to the next instead of trying every position of the item.
# "minister of the ministry of X" (a minister's title written out): the field is X, not "ministry"
_OF_FIELD = re.compile(
    r"minist(?<!\wminist)(?:ry|er) (?:of|for) (?!(?:the )?minist)(?:the )?(?P<field>[a-z]+(?: [a-z]+)?)"
)
_FIELD_OF = re.compile(r"\b(?P<field>[a-z]+(?: [a-z]+)?) minist(?:ry|er)\b")
# "the Department of Health", "the national Department of Defense": nothing but "the" or a national
# adjective before it (the country is read off first), so "the county department of health" is no
# ministry.
_NATIONAL_DEPARTMENT = re.compile(
    r"(?:the )?(?:national |federal |central )?department (?:of|for) (?:the )?(?P<field>[a-z]+(?: [a-z]+)*)"
)
# Ministries and ministers by the British and American names: "the Home Office", "the foreign
# secretary", "the health secretary". Only these fields: a "press secretary" or "information
# office" is no ministry.
_FIELD_OFFICE = re.compile(
    # a "health office" is a local one; Kenya's ministers are "Cabinet Secretaries" ("Interior
    # Cabinet Secretary Ana Lind")
    r"\b(?P<field>(?:home|foreign|interior|health|defen[cs]e)(?= (?:cabinet )?secretary)"
    r"|(?:home|foreign)(?= office)) (?:cabinet )?(?:secretary|office)\b"
)


def fold(text: str) -> str:
    """Lower case, no accents, possessives, articles or punctuation; spaces collapsed."""
    # Possessives first: the ascii step drops a curly apostrophe and would leave "authoritys".
    return _LEADING_ARTICLE.sub("", fold_place(_POSSESSIVE.sub("", text)))


def strip_sentence_adverbs(text: str) -> str:
    """The mention without the sentence adverbs before it ("However, police" -> "police") or the
    party letters after a name ("Mayor Ana Ruiz (D)", "Sen. Al Poe (R-Texas)")."""
    text = _INTRODUCERS.sub("", text.strip())
    if text.endswith(")"):
        text = _PARTY_AFTER.sub("", text)
    words = text.split()
    while len(words) > 1 and words[0].strip(",;:").lower() in SENTENCE_ADVERBS:
        words = words[1:]
    return " ".join(words)


def name_skeleton(name: str) -> str:
    """A person's name as consonants, so transliterations meet: Mohammed/Muhammad -> mhmd."""
    words = [
        w for w in fold(name).split() if w not in {"al", "el", "bin", "ibn", "abu", "de", "del", "van", "von"}
    ]
    skeleton = []
    for written in words[-1:]:
        word = written.replace("ph", "f").replace("kh", "k").replace("gh", "g").replace("th", "t")
        head, rest = word[0], _VOWELS.sub("", word[1:]).replace("h", "")
        squeezed = re.sub(r"(.)\1+", r"\1", head + rest)
        # "Tate" and "Tito" would both be "t": a name of one consonant keeps its vowels
        skeleton.append(squeezed if len(squeezed) > 1 else word)
    return " ".join(skeleton)


def person_key(mention: str, context: ItemContext) -> str:
    """A person's series key: the initial of the name before the surname and the surname's skeleton
    ("Ana Ruiz" -> person:a rz). Two people of one surname are two sources ("Kumar" and "Singh" are
    borne by millions). The word just before the surname, not the first, so that "Recep Tayyip
    Erdogan" and "Tayyip Erdogan" meet; a surname alone takes the name the item writes before it
    ("Ana Ruiz ... Ruiz said"), else stands alone."""
    words = mention.split()
    name = personal_name(words) or words
    given = name[-2] if name[1:] else _name_before_surname_in_item(name[-1], context)
    initial = fold(given)[:1] if given else ""
    return f"{PERSON_PREFIX}{initial + ' ' if initial.isalpha() else ''}{name_skeleton(name[-1])}"


def _name_before_surname_in_item(surname: str, context: ItemContext) -> str | None:
    """The name the item writes just before a surname, when it writes only one."""
    names = _names_before_surname(surname, context)
    return names.pop() if len(names) == 1 else None


def _names_before_surname(surname: str, context: ItemContext) -> set[str]:
    """The first names the item writes just before a surname, on one line ("Mara" in "Governor Mara
    Velikova"), never a sentence adverb ("However Ostrava")."""
    return {
        found.group("first")
        for found in re.finditer(rf"\b(?P<first>[A-Z][a-z]+)[ \t]+{re.escape(surname)}\b", context.text)
        if found.group("first").lower() not in _OPENING_WORDS
        # "Mayor Ruiz": a title, not a first name
        and personal_name([found.group("first"), surname]) == [found.group("first"), surname]
    }


def _titled_in_item(surname: str, context: ItemContext) -> bool:
    """Whether the item writes a title right before the surname ("Gov. Kemp", "Sheriff Leitha")."""
    return any(
        found.group("title").lower() in TITLE_WORDS
        for found in re.finditer(rf"\b(?P<title>[A-Z][a-z]+\.?)[ \t]+{re.escape(surname)}\b", context.text)
    )


_CALENDAR_WORDS = frozenset(
    [
        *WEEKDAY_NAMES,
        *MONTH_NAMES,
        "today",
        "yesterday",
        "morning",
        "evening",
        "night",
    ]
)


@cache
def _body_words() -> frozenset[str]:
    """Words that make a phrase the name of a body: the source-type vocabulary of the extractor."""
    return frozenset().union(*(words for kind, words in TYPE_KEYWORDS if kind != "anonymous"))


@dataclass(slots=True, frozen=True)
class Entity:
    """A resolved source: stable id, readable name and the speaker when a person spoke for it."""

    id: str
    name: str
    speaker: str | None = None
    country: str | None = None  # ISO code of a national body: where its figures are, unless the text says
    area: str | None = None  # gazetteer id of the region a body works in, when only part of a country


@dataclass(slots=True)
class ItemContext:
    """What resolution needs from the whole item: its text, country and the acronyms it defines."""

    text: str
    country: str | None
    countries: frozenset[str] = frozenset()  # every country the item names
    acronyms: dict[str, str] = field(default_factory=dict)  # acronym -> folded expansion
    # folded full name -> the short name the item gives it in brackets ("... (Cal Fire)")
    short_names: dict[str, str] = field(default_factory=dict)
    ministries: list[str] = field(default_factory=list)  # offices of ministries the item names
    _bodies: Counter[Organisation] | None = None  # listed bodies the item names, with counts
    _word_places: dict[str, list[int]] | None = None  # word -> where the item first writes it

    def bodies(self) -> Counter[Organisation]:
        """How often the item names each listed body (by acronym or alias); computed on first use."""
        if self._bodies is None:
            self._bodies = _bodies_named(self)
        return self._bodies

    def places_of(self, name: str) -> list[int]:
        """Where the item writes a name, among the first few places of its first word. The index is
        built once per item, so looking up every source's name stays linear in the item's length;
        it holds the words that open with a capital or a letter outside a-z, as names do."""
        first = _INDEXED_WORD.match(name)
        if first is None:
            return []
        if self._word_places is None:
            index: dict[str, list[int]] = {}
            for match in _NAME_LIKE_WORD.finditer(self.text):
                places = index.setdefault(match.group(), [])
                if len(places) < MENTIONS_READ_PER_NAME:
                    places.append(match.start())
            self._word_places = index
        word = first.group()
        if _NAME_LIKE_WORD.fullmatch(word) is None:
            return self._lower_case_places(name, word)
        return [place for place in self._word_places.get(word, []) if self.text.startswith(name, place)]

    def _lower_case_places(self, name: str, word: str) -> list[int]:
        whole_word = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        return [
            match.start()
            for match in islice(whole_word.finditer(self.text), MENTIONS_READ_PER_NAME)
            if self.text.startswith(name, match.start())
        ]


def item_context(text: str, country: str | None, countries: frozenset[str] = frozenset()) -> ItemContext:
    """Acronyms the item defines ("Full Name (FN)") and the ministries it names, in reading order."""
    context = ItemContext(text=text, country=country, countries=countries | ({country} if country else set()))
    for match in _ITEM_ACRONYM.finditer(text) if _BRACKETED_ACRONYM.search(text) else ():
        acronym = match.group("acronym")
        words = match.group("name").split()
        # The expansion is the run of words ending at the parenthesis whose initials give the acronym.
        expansion = _expansion_for(words, acronym)
        if expansion:
            context.acronyms.setdefault(acronym, fold(expansion))
    for bracket in _BRACKETED_SHORT_NAME.finditer(text) if "(" in text else ():
        named = _NAME_BEFORE_BRACKET.search(
            text, max(0, bracket.start() - SHORT_NAME_WINDOW), bracket.start()
        )
        if named is not None:
            full = fold(named.group("name")).split()
            short = bracket.group("short")
            # Every word of a short name shortens a word of the name ("Cal" California): a caption
            # credit in brackets ("(Wire Photo)") is no name for what stands before it.
            if all(any(word.startswith(part) for word in full) for part in fold(short).split()):
                context.short_names.setdefault(content_words(" ".join(full)), short)
    # Folding the whole item is its costliest step; ASCII text that never writes "minist" has no
    # ministry to find.
    if not text.isascii() or "minist" in text.lower():
        for office in _offices(fold(text)):
            if office not in context.ministries:
                context.ministries.append(office)
    return context


def _bare_words(text: str) -> Iterator[str]:
    """The words of a text as acronyms are matched: without a possessive, dots or a comma."""
    return (
        # a word with no apostrophe has no possessive: most words are spared the pattern
        (_POSSESSIVE.sub("", word) if "'" in word or "’" in word else word).replace(".", "").strip(",")
        for word in _WORD.findall(text)
    )


def _bodies_named(context: ItemContext) -> Counter[Organisation]:
    by_acronym = _knowledge()[0]
    counts: Counter[Organisation] = Counter()
    for bare in _bare_words(context.text):
        if bare in by_acronym:
            org = _pick(by_acronym[bare], context)
            if org is not None:
                counts[org] += 1
    folded = f" {content_words(fold(context.text))} "
    # An alias's first word must be one of the item's words: most aliases are passed over by a set
    # lookup instead of a scan of the whole item.
    words = set(folded.split())
    for first_word, spaced, orgs in _multiword_aliases():
        if first_word in words and spaced in folded:
            org = _pick(orgs, context)
            if org is not None:
                counts[org] += folded.count(spaced)
    return counts


@cache
def _multiword_aliases() -> list[tuple[str, str, list[Organisation]]]:
    """The aliases of two words or more, in the data file's order: each as its first word, itself
    between spaces (as `_bodies_named` finds it in the folded item) and its bodies."""
    return [
        (alias.split()[0], f" {alias} ", orgs)
        for alias, orgs in _knowledge()[1].items()
        if len(alias.split()) >= 2
    ]


def _expansion_for(words: list[str], acronym: str) -> str | None:
    letters = acronym.lower()
    for start in range(len(words)):
        candidate = words[start:]
        initials = "".join(w[0].lower() for w in candidate if w[0].isupper())
        if initials == letters or initials.replace("o", "") == letters.replace("o", ""):
            return " ".join(candidate)
    # A translated name keeps the original's acronym ("General Confederation of Labour (CGT)"):
    # the capitalised run before the parenthesis is the expansion.
    capitalised = [w for w in words if w[0].isupper()]
    if len(capitalised) >= 2:
        while words and not words[0][0].isupper():
            words = words[1:]
        return " ".join(words)
    return None


def _offices(folded: str) -> list[str]:
    found: list[tuple[int, str]] = []
    # Each pattern needs its literal word: testing for it first spares a scan of most items.
    matches: list[Iterable[re.Match[str]]] = []
    if "minist" in folded:
        matches += [_OF_FIELD.finditer(folded), _matches_near(_FIELD_OF, folded, (" minist",))]
    if "secretary" in folded or "office" in folded:
        matches.append(_matches_near(_FIELD_OFFICE, folded, (" secretary", " office")))
    for match in chain.from_iterable(matches):
        office = _office(match.group("field"), field_last=match.re is not _OF_FIELD)
        if office:
            found.append((match.start(), office))
    return [office for _, office in sorted(found)]


# How many spaces before its anchor a match of an office pattern may start, and some to spare: a
# field of two words ("foreign affairs ministry"), or one and "cabinet" ("interior cabinet secretary").
_SPACES_BEFORE_ANCHOR = 3


def _matches_near(pattern: re.Pattern[str], folded: str, anchors: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(folded)` for an office pattern, every match of which holds one of `anchors`
    within _SPACES_BEFORE_ANCHOR spaces of its start: each search starts a few words before the next
    anchor instead of trying the pattern at every word of the item. No match can start earlier, so
    the matches are the same."""
    position = 0
    while True:
        found = [at for at in (folded.find(anchor, position) for anchor in anchors) if at >= 0]
        if not found:
            return
        start = min(found)
        for _ in range(_SPACES_BEFORE_ANCHOR):
            start = folded.rfind(" ", 0, start)
            if start < 0:
                break
        match = pattern.search(folded, max(position, start + 1))
        if match is None:
            return
        yield match
        position = match.end()


def _office(words: str, *, field_last: bool) -> str | None:
    words = words.strip()
    if words in OFFICE_FIELDS:
        return OFFICE_FIELDS[words]
    split = words.split()
    # "ministry of health said": the field's first word; "public health ministry" and "for defence,
    # finance minister": the word next to the office, its last.
    ends = (split[-1], split[0]) if field_last else (split[0], split[-1])
    for word in ends if split else ():
        if word in OFFICE_FIELDS:
            return OFFICE_FIELDS[word]
    return None


@cache
def _knowledge() -> tuple[dict[str, list[Organisation]], dict[str, list[Organisation]]]:
    by_acronym: dict[str, list[Organisation]] = {}
    by_alias: dict[str, list[Organisation]] = {}
    for org in organisations():
        for acronym in org.acronyms:
            by_acronym.setdefault(acronym, []).append(org)
        for alias in (org.key, *org.aliases):
            named = by_alias.setdefault(content_words(fold(alias)), [])
            if org not in named:  # a key its aliases repeat is one body, not two
                named.append(org)
    return by_acronym, by_alias


@cache
def _aliases_by_first_word() -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """The data file's aliases of four letters or more by their first word, with their place in
    the file's order (which decides between aliases of one length)."""
    index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for order, alias in enumerate(_knowledge()[1]):
        words = tuple(alias.split())
        if len(alias) >= 4 and words:
            index.setdefault(words[0], []).append((order, words))
    return index


def _aliases_in(folded: str) -> list[str]:
    """The aliases written as whole words in a folded mention, in the data file's order."""
    words = folded.split()
    index = _aliases_by_first_word()
    found = {
        (order, alias)
        for position, word in enumerate(words)
        for order, alias in index.get(word, ())
        if tuple(words[position : position + len(alias)]) == alias
    }
    return [" ".join(alias) for _, alias in sorted(found)]


def _pick(candidates: Iterable[Organisation], context: ItemContext) -> Organisation | None:
    """The candidate of the item's country, or an international one; a national body of another
    country the item names when it is the only candidate ("Syria's civil defence" in an item
    about a quake centred in Turkey); any candidate when the item names no country."""
    listed = list(candidates)
    for org in listed:
        if org.country is not None and org.country == context.country:
            return org
    for org in listed:
        if org.country is None:
            return org
    if (
        len(listed) == 1
        and (listed[0].country in context.countries or listed[0].seat)
        # "the provincial disaster management authority" in an item about another country that
        # names this one: a kind of office every country's provinces have, that country's own
        and not (listed[0].subnational and context.country is not None)
    ):
        return listed[0]
    # A description several bodies share needs the country to pick one.
    return listed[0] if len(listed) == 1 and context.country is None else None


def city_police(place_name: str, country: str | None) -> Entity | None:
    """The listed police force of the city a figure is in, named "<city> police" in the data file:
    "police counted 119,000 marchers" in Paris is the Paris police prefecture's count."""
    found = _knowledge()[1].get(content_words(f"{fold(place_name)} police"), [])
    forces = [org for org in found if org.type == "police" and org.country in (None, country)]
    return _as_entity(forces[0], None) if len(forces) == 1 else None


def relayed_agency(
    mention: str, source_id: str, speaker: str | None, credited: Iterable[str]
) -> Entity | None:
    """The agency a parent body named alone stands for ("the UN said", "a UN report"): the one
    agency of it that the item credits with a figure of its own, whose figures the item relays.
    None when the mention names more than the parent ("the UN secretary-general"), a person speaks
    for it, or the item credits no agency of it, or two."""
    if source_id not in _agencies_by_parent() or speaker is not None:
        return None
    if not set(content_words(fold(mention)).split()) - _parent_name_words(source_id) <= _PARENT_ALONE_WORDS:
        return None
    agencies = _agencies_by_parent()[source_id]
    named = {agencies[body] for body in credited if body in agencies}
    return _as_entity(named.pop(), None) if len(named) == 1 else None


# Words that may stand with a parent body's name and leave it named alone: "UN officials said", "a
# UN report", "United Nations figures"; "the UN agency" is one agency of it.
_PARENT_ALONE_WORDS = frozenset(
    {"official", "officials", "report", "reports", "figures", "data", "update", "statement", "estimate",
     "estimates", "bulletin", "agency"}
)  # fmt: skip


@cache
def _parent_name_words(parent_id: str) -> frozenset[str]:
    """The words of a parent body's key, acronyms and aliases ("un", "united", "nations", ...)."""
    parent = next(org for org in organisations() if org.id == parent_id)
    names = (parent.key, *parent.aliases, *(acronym.lower() for acronym in parent.acronyms))
    return frozenset(word for name in names for word in content_words(fold(name)).split())


@cache
def _agencies_by_parent() -> dict[str, dict[str, Organisation]]:
    """Parent id -> {agency id: agency} (`Organisation.part_of`)."""
    parents: dict[str, dict[str, Organisation]] = {}
    for org in organisations():
        if org.part_of:
            parents.setdefault(org.part_of, {})[org.id] = org
    return parents


@cache
def agency_ids(parent_id: str) -> frozenset[str]:
    """The ids of the listed agencies that are part of a body ("unhcr", "un-ocha", ... for "un")."""
    return frozenset(_agencies_by_parent().get(parent_id, {}))


# Initials written with dots ("the U.N. refugee agency"): read as the acronym, so a name that goes on
# after them is matched as it is when written "UN".
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")


def _undotted(mention: str) -> str:
    if "." not in mention:
        return mention
    return _DOTTED_ACRONYM.sub(lambda dotted: dotted.group().replace(".", ""), mention)


def known_organisation(mention: str, context: ItemContext) -> Organisation | Entity | None:  # noqa: PLR0911  one return per way a mention names a body, in precedence order
    """The organisation a mention names: a listed body, or one the item defines an acronym for."""
    by_acronym = _knowledge()[0]
    mention = _undotted(mention)
    for bare in _bare_words(mention):
        if bare in by_acronym:
            org = _pick(by_acronym[bare], context)
            if org is not None:
                return _agency_of(org, bare, mention, context)
        if bare in context.acronyms:
            return _defined_body(bare, context)
    folded = content_words(fold(mention))
    named = _longest_alias(folded, context)
    society = _national_society(folded, context.country) if named is None or named[1].id == "icrc" else None
    if society is not None:
        return society
    commission = _rights_commission(folded, context.country) if named is None else None
    if commission is not None:
        return commission
    if named is not None:
        return named[1]
    for acronym, expansion in context.acronyms.items():
        words = content_words(expansion)
        if words and words in folded and re.search(rf"(?:^| ){re.escape(words)}(?: |$)", folded):
            return _defined_body(acronym, context)
    for bare in _bare_words(mention):
        if (
            _ACRONYM.fullmatch(bare)
            and not _ROMAN_NUMERAL.fullmatch(bare)
            and bare not in _KIND_LETTERS
            and bare not in ISO_CODES  # "a package of USD 380 million": money, not a body
            and bare not in _initials_of_a_name(mention)  # "G.K. Jalan": a person's initials
            and gazetteer().lookup(bare) is None
        ):
            # A state's letters before a kind of body every state has ("KSDMA": Kerala's SDMA), or
            # a country's before its Red Cross society's ("KRCS"). Otherwise an acronym the item
            # does not define is still the body's name: "the CGT".
            return (
                _state_body(bare, context)
                or _society_initials(bare, context)
                or _rights_commission_initials(bare, context)
                or _spelled_out_in_item(bare, context)
                or Entity(id=f"{ACRONYM_PREFIX}{bare.lower()}", name=bare)
            )
    initials = capital_initials(mention)
    if len(initials) >= 3 and initials in context.text and re.search(rf"\b{initials}\b", context.text):
        # "the Provincial Relief Authority" in an item that also writes "PRA": one body.
        return Entity(id=f"{ACRONYM_PREFIX}{initials.lower()}", name=initials)
    return None


# Words an acronym may take a letter from though they are written in lower case ("DOH" for the
# Department of Health), and those it may leave out ("DH"), by first letter.
_INITIAL_FUNCTION_WORDS = {"o": "of|on", "f": "for", "a": "and", "t": "the", "i": "in"}
_SKIPPED_FUNCTION_WORDS = r"(?:(?:of|for|and|the|on|in)\s+)?"


def _initials_of_a_name(mention: str) -> set[str]:
    """The letters of the initials before a personal name in a mention, without their dots."""
    return {
        (found.group(1) or found.group(2)).replace(".", "") for found in _INITIALS_OF_A_NAME.finditer(mention)
    }


# The acronyms whose written-out names are being resolved: resolving a name reads the sentences
# that name it, which may hold the same letters again ("the European Union ... EU Commissioner").
_SPELLING_OUT: ContextVar[frozenset[str]] = ContextVar("spelling_out", default=frozenset())


def _spelled_out_in_item(acronym: str, context: ItemContext) -> Entity | None:
    """The body an undefined acronym stands for when the item writes its name out elsewhere ("the
    Department of Health" ... "DOH said"), if that name resolves to a body of its own (a ministry)."""
    busy = _SPELLING_OUT.get()
    if acronym in busy:
        return None  # resolving its written-out name came back to the same letters
    token = _SPELLING_OUT.set(busy | {acronym})
    try:
        return _written_out_body(acronym, context)
    finally:
        _SPELLING_OUT.reset(token)


def _written_out_body(acronym: str, context: ItemContext) -> Entity | None:
    letters = [
        f"(?:{re.escape(letter)}[\\w'’-]*|{_INITIAL_FUNCTION_WORDS[letter.lower()]})"
        if letter.lower() in _INITIAL_FUNCTION_WORDS and index
        else f"{re.escape(letter)}[\\w'’-]*"
        for index, letter in enumerate(acronym)
    ]
    spelled = re.compile(r"\b" + (r"\s+" + _SKIPPED_FUNCTION_WORDS).join(letters) + r"\b")
    for match in islice(spelled.finditer(context.text), MENTIONS_READ_PER_NAME):
        name = match.group()
        if len(name) <= len(acronym) + 1 or not name[1:2].islower():
            continue  # the acronym itself, or another run of capitals
        entity = resolve_source(name, fold(name), "organisation", context)
        if entity is not None and not entity.id.startswith(ACRONYM_PREFIX):
            return entity
    return None


def capital_initials(mention: str) -> str:
    """The first letters of a name's capitalised words, function words left out: "the Provincial
    Relief Authority" -> "PRA"."""
    return "".join(w[0] for w in _WORD.findall(mention) if w[0].isupper() and w.lower() not in _NOT_INITIALS)


# Words only a news outlet's name holds: a paper's title word, or a broadcaster's.
# (as unlisted ids write them: singular, so "times" is "time")
_OUTLET_WORDS = frozenset(
    singular(word)
    for word in PAPER_TITLE_WORDS | {"news", "tv", "television", "radio", "broadcaster", "newspaper"}
)


def is_news_outlet(entity_id: str) -> bool:
    """Whether an entity id is a news outlet's: a listed one, or an unlisted name with a word only
    outlets' names hold ("The Kathmandu Post")."""
    if entity_id.startswith(UNLISTED_PREFIX):
        return not _OUTLET_WORDS.isdisjoint(entity_id.removeprefix(UNLISTED_PREFIX).split())
    return entity_id in _listed_outlets()


@cache
def _listed_outlets() -> frozenset[str]:
    return frozenset(org.id for org in organisations() if org.type == "media")


def _national_society(folded: str, item_country: str | None = None) -> Entity | None:
    """ "the Kenya Red Cross Society", "the Afghan Red Crescent": a country's own society of the
    movement, not the International Committee of the Red Cross; one id per country. "The Red
    Crescent" alone is the society of the item's country: no international body goes by it, while
    "the Red Cross" alone is as often the ICRC."""
    if "international" in folded or not ("red cross" in folded or "red crescent" in folded):
        return None
    country, _ = _country_in(folded)
    if country is None and "red crescent" in folded:
        country = item_country
    return _society_of(country) if country is not None else None


def _society_of(country: str) -> Entity:
    """A country's Red Cross or Red Crescent society: one id per country."""
    listed = _listed_societies().get(country)
    if listed is not None:
        return _as_entity(listed, None)  # "the Palestinian Red Crescent": listed for its acronym
    return Entity(id=f"red-cross:{country.lower()}", name=f"{country} red cross", country=country)


# A national society's initials: its country's, then "RC" or "RCS" ("KRCS", "SLRCS").
_SOCIETY_INITIALS = re.compile(r"(?P<country>[A-Z]{1,3})RCS?")


def _society_initials(acronym: str, context: ItemContext) -> Entity | None:
    """ "KRCS" in an item about Kenya: the Kenya Red Cross Society, which another item names in full."""
    found = _SOCIETY_INITIALS.fullmatch(acronym)
    if found is None:
        return None
    return _named_country_of_initials(found.group("country"), context, _society_of)


def _named_country_of_initials(
    initials: str, context: ItemContext, body_of: Callable[[str], Entity]
) -> Entity | None:
    """The body `body_of` gives for the country the item names whose initials these are ("K" for
    Kenya, "SL" for Sri Lanka)."""
    named = context.countries | ({context.country} if context.country else set())
    for code in sorted(named):
        country = gazetteer().by_id.get(f"iso:{code}")
        if country is not None and capital_initials(country.name) == initials:
            return body_of(code)
    return None


# Words that make a rights commission an international or regional one, not a country's own.
_INTERNATIONAL_WORDS = frozenset(
    {
        "un",
        "united",
        "nations",
        "international",
        "european",
        "african",
        "american",
        "asian",
        "arab",
        "islamic",
    }
)


def _rights_commission(folded: str, item_country: str | None) -> Entity | None:
    """ "the Kenya National Commission on Human Rights", "the national human rights commission", "the
    rights commission": a country's own human rights commission (every country has at most one
    national institution), named with its country or read in the item's; one id per country."""
    if "rights" not in folded:
        return None  # a cheap test first: this runs for every mention no listed body matches
    words = set(folded.split())
    if "commission" not in words or "rights" not in words or words & _INTERNATIONAL_WORDS:
        return None
    country, _ = _country_in(folded)
    country = country or item_country
    return _rights_commission_of(country) if country is not None else None


def _rights_commission_of(country: str) -> Entity:
    return Entity(
        id=f"rights-commission:{country.lower()}", name=f"{country} human rights commission", country=country
    )


# A national rights commission's initials: its country's (or none), then the commission's own
# ("KNCHR", "NHRC", "CHR").
_RIGHTS_COMMISSION_INITIALS = re.compile(r"(?P<country>[A-Z]{0,3}?)(?:NCHR|NHRC|CHR)")


def _rights_commission_initials(acronym: str, context: ItemContext) -> Entity | None:
    """ "KNCHR" or "NHRC" in an item about Kenya: the country's rights commission."""
    found = _RIGHTS_COMMISSION_INITIALS.fullmatch(acronym)
    if found is None:
        return None
    if not found.group("country"):
        return _rights_commission_of(context.country) if context.country else None
    return _named_country_of_initials(found.group("country"), context, _rights_commission_of)


@cache
def _listed_societies() -> dict[str, Organisation]:
    return {
        org.country: org
        for org in organisations()
        if org.country and ("red cross" in org.key or "red crescent" in org.key)
    }


def _defined_body(acronym: str, context: ItemContext) -> Organisation | Entity:
    """The body an item defines an acronym for ("the National Relief Institute (NRI)"): a listed
    body by that name or that acronym, else a body of the item's own."""
    by_acronym, by_alias = _knowledge()
    office = _office_voice(context.acronyms[acronym])
    if office is not None:
        return office  # "the Police Public Relations Officer (PPRO)": an office's letters, not a body's
    org = _pick(by_alias.get(content_words(context.acronyms[acronym]), ()), context) or _pick(
        by_acronym.get(acronym, ()), context
    )
    if org is not None:
        return org
    expansion = content_words(fold(context.acronyms[acronym]))
    return (
        _national_society(expansion)
        or _rights_commission(expansion, context.country)
        # "the Texas Department of State Health Services (DSHS)": the state's health ministry, as
        # items that spell the name out without its letters key it
        or _ministry(acronym, *_country_in(fold(context.acronyms[acronym])), context, None)
        or Entity(id=f"{ACRONYM_PREFIX}{acronym.lower()}", name=acronym)
    )


def _state_body(acronym: str, context: ItemContext) -> Organisation | None:
    """The sub-national body an acronym names by a state's letters before the letters of its kind:
    "LASEMA" is Lagos's State Emergency Management Agency, "KSDMA" Kerala's SDMA."""
    by_acronym = _knowledge()[0]
    for end in range(1, len(acronym) - 2):
        kinds = [org for org in by_acronym.get(acronym[end:], ()) if org.subnational]
        if kinds:
            return _pick(kinds, context)
    return None


def _longest_alias(folded: str, context: ItemContext) -> tuple[str, Organisation] | None:
    """The longest alias inside a folded mention and its body: "spokesman for the world food
    programme" -> WFP. An agency named with its parent body is the agency, however long the
    parent's name: "the united nations migrant agency" -> IOM."""
    by_alias = _knowledge()[1]
    best: tuple[str, Organisation] | None = None
    for alias in _aliases_in(folded):
        org = _pick(by_alias[alias], context)
        if org is None:
            continue
        if (
            best is None
            or org.part_of == best[1].id
            or (best[1].part_of != org.id and len(alias) > len(best[0]))
        ):
            best = (alias, org)
    return best


def _agency_of(umbrella: Organisation, acronym: str, mention: str, context: ItemContext) -> Organisation:
    """The body a mention names with an acronym, or the agency of it the mention goes on to name:
    "the UN refugee agency" and "the UN refugee agency UNHCR" are UNHCR, not the UN."""
    named = _longest_alias(content_words(fold(mention)), context)
    if (
        named is not None
        and named[1] is not umbrella
        # "the UN World Food Programme": an agency of the body the acronym names, by its own name
        and (acronym.lower() in named[0].split() or named[1].part_of == umbrella.id)
    ):
        return named[1]
    by_acronym = _knowledge()[0]
    for bare in _bare_words(mention):
        if bare != acronym and bare in by_acronym:
            org = _pick(by_acronym[bare], context)
            if org is not None and org is not umbrella and _has_word(org, acronym.lower()):
                return org
    return umbrella


# Head words by which a body is named again after its capitalised name ("the airline"), beyond
# BODY_HEADS, with the words its name ends on.
NAMED_BODY_HEADS = frozenset({"airline", "company", "utility", "firm", "patrol"})
_NAME_ENDINGS = {
    "patrol": ("Patrol",),
    "airline": ("Airline", "Airlines", "Airways", "Air"),
    "company": ("Company", "Corporation", "Corp", "Inc", "Ltd", "Group"),
    "utility": ("Power", "Energy", "Electric", "Utilities", "Water"),
    "firm": ("Company", "Corporation", "Corp", "Inc", "Ltd", "Group"),
}


_LEADING_CAPITALISED_ARTICLE = re.compile(r"^(?:The|A|An)\s+")


def _body_named_by_head(
    head: str, mention: str, context: ItemContext, place_country: str | None
) -> Entity | None:
    """ "the agency said": the listed body the item names most whose name has that word, else the
    one unlisted body whose capitalised name ends on it ("Velmar Airways ... the airline said")."""
    named = [org for org, _ in context.bodies().most_common() if _has_word(org, head)]
    if named:
        return _as_entity(named[0], _speaker(mention))
    unlisted = _unlisted_body_by_head(head, context)
    if unlisted is None:
        return None
    return resolve_source(unlisted, fold(unlisted), "organisation", context, place_country)


# A capitalised word of a body's name, or its initials with full stops ("U.N.").
_NAME_WORD = r"(?:(?:[A-Z]\.)+|[A-Z][\w'’&-]*)"


def _unlisted_body_by_head(head: str, context: ItemContext) -> str | None:
    """The one capitalised name the item writes that ends on the head word or a word of its kind
    ("Velmar Airways" for "the airline", "the Northfield Relief Agency" for "the agency")."""
    endings = _NAME_ENDINGS.get(head, (head.capitalize(),))
    names = {
        _LEADING_CAPITALISED_ARTICLE.sub("", match.group("name"))
        for match in re.finditer(
            # no "and": "Velmar Air and Tarsa Airways" are two airlines; no sentence's last word
            # ("on Monday. Regional Agency") and no line break inside
            rf"(?P<name>(?:{_NAME_WORD}[ \t]+(?:(?:of|for|the)[ \t]+)*){{1,5}}(?:{'|'.join(endings)})"
            # "the Velm National Commission on Human Rights": what the body is for, after its head
            r"(?:\s+(?:on|for|of)\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:and\s+)?[A-Z][\w'’&.-]*){0,3})?)\b",
            context.text,
        )
    }
    names.discard(head.capitalize())  # "The agency said" names no body of its own
    return next(iter(names)) if len(names) == 1 else None


def _has_word(org: Organisation, word: str) -> bool:
    return any(word in alias.split() for alias in (org.key, *org.aliases))


def _as_entity(found: Organisation | Entity, speaker: str | None) -> Entity:
    if isinstance(found, Entity):
        return Entity(id=found.id, name=found.name, speaker=speaker, country=found.country)
    return Entity(
        id=found.id,
        name=found.key,
        speaker=speaker,
        country=None if found.worldwide else found.country,
        area=found.area,
    )


# Participles after a country's name that make it a patron of the body named, not its country.
_BACKED_BY = frozenset({"backed", "led", "supported", "sponsored", "funded", "allied", "aligned", "brokered"})


def _country_in(folded: str) -> tuple[str | None, str]:
    """The country a name states (adjective, possessive or "of X") and the name without it."""
    gaz = gazetteer()
    words = folded.split()
    openings = [index for index, word in enumerate(words) if word in gaz.country_phrase_openings]
    for size in (3, 2, 1):
        for index in openings:
            if index + size > len(words):
                break
            code = gaz.country_phrases.get(" ".join(words[index : index + size]))
            if code and " ".join(words[index : index + 2]) in DEMONYM_PLACES:
                continue  # "british columbia officials": a province's, not the country's
            if code and words[index + size : index + size + 1] and words[index + size] in _BACKED_BY:
                # "the US-backed government", "Saudi-led forces": a patron's name, not the body's country
                return None, " ".join(words[:index] + words[index + size + 1 :])
            if code:
                rest = words[:index] + words[index + size :]
                if rest and rest[-1] == "of":
                    rest = rest[:-1]
                return code, " ".join(rest)
    return None, folded


def _speaker(mention: str) -> str | None:
    """The personal name in a mention ("NDRRMC spokesperson Jane Doe" -> "Jane Doe"), if any."""
    words = _WORD.findall(mention)
    for start in range(len(words)):
        tail = words[start:]
        if tail and all(w[0].isupper() for w in tail) and len(tail) <= 4:
            if _is_place(" ".join(tail)):
                return None  # "the ministry of the United Arab Emirates" names no one
            name = personal_name(tail)
            if name:
                return " ".join(name)
    return None


def _names_something(mention: str) -> bool:
    """Whether a mention holds a capitalised word that is not its first, a date or a place word."""
    words = _WORD.findall(mention)[1:]
    return any(w[0].isupper() and w.lower() not in _CALENDAR_WORDS for w in words)


# Bounded: a mention's words alone decide, and the same mentions ("police", "Kenya") recur across items.
@lru_cache(maxsize=4096)
def _is_place(mention: str) -> bool:
    """Whether a mention is only places ("Westland and Eastmarch"): places do not issue figures."""
    parts = [
        _bare_place_name(p) for p in re.split(r",|\band\b|&", strip_sentence_adverbs(mention)) if p.strip()
    ]
    if not parts or not all(p and p[0].isupper() for p in parts):
        return False
    places = [gazetteer().lookup(fold(p)) for p in parts]
    # Small towns share names with words ("Police" is a Polish town): only countries, regions
    # and big cities count here.
    return all(
        place is not None and (place.level != "city" or place.population >= FREE_CITY_POPULATION)
        for place in places
    )


# A name written after a description of the body: "the independent watchdog Velmora Crowd Count",
# "the non-profit Board of Tallies". The description ends on a noun, never on a preposition ("the
# office in Central Velmora", "the ministry of the Arab Emirates" name a place, not a body).
_NAME_RUN = r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w'’-]*)+"
_DESCRIBED_NAME = re.compile(
    # the description's first word may open the sentence: "Aid group Save the Children said"
    rf"^(?:(?:the|an?|The|An?)\s+)?(?:[A-Za-z][a-z-]*\s+)?(?:[a-z][\w-]*\s+){{0,3}}"
    rf"(?!(?:in|at|of|for|from|by|on|to|with|and)\s)[a-z][\w-]*\s+(?P<name>{_NAME_RUN})$"
)
# "the outage tracker PowerWatch", "the rights group Verity": one word after a noun of what it is.
_DESCRIBED_ONE_WORD_NAME = re.compile(
    r"^(?:(?:the|an?)\s+)?(?:[a-z][\w-]*\s+){0,3}(?:tracker|site|website|group|monitor|watchdog|company|firm"
    r"|charity|network|service|platform|database|organi[sz]ation|agency|outlet|newspaper|broadcaster)"
    r"\s+(?P<name>[A-Z][\w'’-]+)$"
)
# A place named by its kind, owning a body: "the territory's health ministry", "the enclave's".
# Nouns that name a place by its kind: "the territory", "the enclave", "the country".
_PLACE_NOUNS = PLACE_HEADS | {"enclave", "strip", "kingdom", "republic", "nation"}
_PLACE_NOUN_POSSESSIVE = re.compile(
    rf"\b(?:{word_alternation(_PLACE_NOUNS)})(?:'s|’s)\s",
    re.IGNORECASE,
)
_PREPOSITION_ARTICLE_END = re.compile(r"\b(?:in|at|of|for|from|by|on|to|with|and)\s+(?:the|an?)\s+$")
# An office held at a body the knowledge does not list: "Jane Doe, the director of the non-profit
# Board of Tallies".
_ROLE_AT_NAMED_BODY = re.compile(
    rf"\b(?P<role>[a-z]+)\s+(?:of|for|at)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?P<name>{_NAME_RUN})"
)


# The fewest words of its remit a body's name must hold to meet another under a different head:
# with one ("the Velmar Agency", "the Velmar Institute") the head tells two bodies apart.
REMIT_WORDS = 2
# Heads of an administration's offices and the words of its national scope: "the National
# Secretariat for Risk Management", "the risk management agency" and "the country's risk management
# secretariat" are one body to a reader, named by its remit (here for listed bodies, and in
# store.SeriesStore._body_described for unlisted ones).
ADMINISTRATIVE_HEADS = frozenset(
    {
        "agency",
        "authority",
        "office",
        "department",
        "secretariat",
        "directorate",
        "bureau",
        "administration",
        "service",
        "centre",
        "center",
        "national",
        "country",
    }
)


def unlisted_name_key(name: str) -> str:
    """The id part of a body the knowledge does not list: its content words, singular and sorted, so
    "the Board of Tallies" and "the Tallies Board" are one body."""
    folded = content_words(fold(without_home_base(_without_office(name)))).split()
    if len(folded) > 1 and folded[-1] in _KIND_AFTER_AN_OUTLETS_NAME:
        folded.pop()  # "the Velm Courier newspaper" is the Velm Courier
    return " ".join(sorted({singular(word) for word in folded}))


# Words for the kind of outlet written after its name, never part of it ("Radio" and "Daily" are).
_KIND_AFTER_AN_OUTLETS_NAME = frozenset({"newspaper", "paper", "magazine", "broadcaster"})


# "the office of the county coroner", "the coroner's office": an office holder's office speaks as
# its holder (the names come here folded, the possessive gone: "county coroner office"). "Office
# of Civil Protection", without "the", is a body's own name; "the statistics office" names no holder.
_OFFICE_OF_THE = re.compile(r"^(?:the\s+)?office\s+of\s+(?=the\s)", re.IGNORECASE)
_HOLDERS_OFFICE = re.compile(r"(?P<holder>[\w.-]+)\s+office$", re.IGNORECASE)


def _without_office(name: str) -> str:
    name = _OFFICE_OF_THE.sub("", name.strip())
    holders = _HOLDERS_OFFICE.search(name)
    if holders is not None and holders.group("holder").lower() in SPEAKER_ROLES:
        return name[: holders.end("holder")]
    return name


_COMPASS_PREFIX = re.compile(r"^(?:(?:the|(?:north|south|east|west|central)[a-z-]*)\s+)+")
_AREA_SUFFIX = re.compile(r"\s+(?:provinces?|regions?|states?|districts?|counties|county)$")


def _bare_place_name(part: str) -> str:
    """ "northwest Westland province" -> "Westland": the compass word and area word are not the name."""
    return _AREA_SUFFIX.sub("", _COMPASS_PREFIX.sub("", part.strip())).strip()


def _is_proper_name(mention: str) -> bool:
    """A name written with capitals ("Jane Doe", "Velmora Relief Trust"), not a date or a place."""
    skipped = _NOT_INITIALS | _NAME_PARTICLES
    words = [w for w in _WORD.findall(mention) if w.lower() not in skipped]
    if not words or not all(w[0].isupper() for w in words):
        return False
    if all(w.lower() in _CALENDAR_WORDS for w in words):
        return False
    if all(w.lower() in GENERIC_HEADS for w in words):
        return False  # "Police said": a common noun capitalised at the head of a sentence
    return not _is_place(" ".join(words))  # a small town's name may be a body's too ("Hamas", "Gallup")


class _Unresolved(Enum):
    """What a resolution rule answers when it does not apply: the next rule reads the mention."""

    NEXT = auto()


# A rule's answer: the entity, None for a mention that names no one, or NEXT.
_Resolution = Entity | None | _Unresolved
_NEXT = _Unresolved.NEXT


def resolve_source(
    text: str, normalized: str, kind: str, context: ItemContext, place_country: str | None = None
) -> Entity | None:
    """The entity a source mention stands for (rules in the module docstring); None for a mention
    that names no one ("Tuesday evening", "the report"): such a figure joins no series.
    `place_country` is the country of the place the figure's sentence names, if any."""
    mention = strip_sentence_adverbs(text)
    for rule in _FORM_RULES:
        resolution = rule(mention, context, place_country)
        if resolution is not _NEXT:
            return resolution
    return _resolve_by_words(mention, normalized, kind, context, place_country)


# A word that describes a place before its name: "Oil-rich", "war-torn", "Neighbouring".
_EPITHET_BEFORE_A_NAME = re.compile(
    r"^(?:[A-Za-z]+-[a-z]+|[Nn]eighbou?ring|[Ll]andlocked|[Ii]mpoverished)\s+(?=[A-Z])"
)


def _place_speaking(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """ "Turkey said", "Moscow said": a country or its capital that speaks is its government; a town
    or region that "said" or places listed together name where figures are, not who keeps them."""
    mention = _EPITHET_BEFORE_A_NAME.sub("", mention)  # "Oil-rich Saudi Arabia said": the country
    if not _is_place(mention) or _longest_alias(content_words(fold(mention)), context) is not None:
        return _NEXT  # "the White House" is a town's name too, but the data file lists the seat
    country = _country_speaking(mention)
    return _national_government(context, country, None) if country else None


def _listed_or_office(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """A listed body, or a generic one whose office stands before the name ("Superintendent of
    Police Anil Kumar")."""
    found = known_organisation(mention, context)
    if found is None or found.id.startswith(ACRONYM_PREFIX):
        # an office the acronym rules would take for a body's initials: "the Police Public
        # Relations Officer (PPRO)", "SP Omolola Adeyemi"
        found = _office_voice(mention) or found
    return _NEXT if found is None else _as_entity(found, _speaker(mention))


def _by_short_name(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """ "the Department of Forestry and Fire Protection (Cal Fire)": the body as other items name it."""
    short = _short_name(mention, context) if context.short_names else None
    if short is None or short == mention:
        return _NEXT
    return resolve_source(short, fold(short), "organisation", context, place_country)


def _by_role(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """ "a spokeswoman for the Velmora Relief Board", "a hospital spokesman": the body, with no speaker
    named."""
    role = _ROLE_OF.match(mention) or _BODY_BEFORE_ROLE.match(mention)
    if role is None or (role.re is _ROLE_OF and _OWNER_FIRST.match(role.group("body"))):
        # "the secretary of state's office": the title owns the office, no role in a body
        return _NEXT
    written = role.group("body")
    owner = POSSESSIVE_END.sub("", written)
    if role.re is _BODY_BEFORE_ROLE and owner == written and _is_generic_body(written):
        # "a police spokesman" is read by the generic rules; "the board's spokesman" is the board's
        return _NEXT
    # "a spokeswoman for Gov. Ana Ruiz": the governor's own figure, given through her staff
    kind = "person" if role.re is _ROLE_OF and _titled_person(owner) else "organisation"
    body = resolve_source(owner, fold(owner), kind, context, place_country)
    return (
        _NEXT
        if body is None
        else Entity(id=body.id, name=body.name, speaker=body.speaker, country=body.country)
    )


def _titled_person(mention: str) -> bool:
    """Whether a mention is a person's name after a title: "Gov. Ana Ruiz", "Mayor Ruiz"."""
    words = mention.split()
    name = personal_name(words)
    return name is not None and len(name) < len(words) and words[0][0].isupper()


# "Gov. Ana Ruiz's office", "Mayor Ruiz's press office": an office holder's office speaks as its
# holder, as "the coroner's office" does.
_PERSONS_OFFICE = re.compile(r"^(?P<person>.+?)(?:'s|’s)\s+(?:press\s+)?office$")


def _persons_office(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    found = _PERSONS_OFFICE.match(mention)
    if found is None or not _titled_person(found["person"]):
        return _NEXT
    return resolve_source(found["person"], fold(found["person"]), "person", context, place_country)


# The head of a region or a town, with the place before the title: "Cebu Governor", "Gov.",
# "Velport Mayor".
_GOVERNING_TITLE_BEFORE = re.compile(
    r"(?:(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+)?(?:Governor|Gov\.|Mayor|Chief\s+Minister|Premier)\s+$"
)
# The place after the name of such a head: "Gov. Ana Ruiz of Cebu province".
_GOVERNED_PLACE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")
# How far before a name its title is read.
GOVERNING_TITLE_WINDOW = 40


def _governed_area(mention: str, context: ItemContext) -> str | None:
    """The region or town a person heads, when the item writes the title with the place ("Cebu
    Governor Ana Ruiz", "Gov. Ana Ruiz of Cebu province"): the figures they give with no place of
    their own are that area's, as a provincial authority's are."""
    name = _speaker(mention) or mention
    for at in context.places_of(name):
        title = _GOVERNING_TITLE_BEFORE.search(context.text, max(0, at - GOVERNING_TITLE_WINDOW), at)
        if title is None:
            continue
        written = title.group("place")
        if written is None:
            after = _GOVERNED_PLACE_AFTER.match(context.text, at + len(name))
            written = after.group("place") if after is not None else None
        place = gazetteer().lookup(fold_place(written), context.country) if written else None
        if place is not None and place.level != "country":
            return place.id
    return None


def _place_of_a_person(body: str) -> bool:
    """Whether what follows "Name of" is where the person is from or governs: one capitalised word
    ("Velmar"), or places the gazetteer knows ("Cebu province in the island chain's middle")."""
    return _ONE_CAPITALISED_WORD.fullmatch(body) is not None or _is_place(_WHERE_TAIL.sub("", body))


# "Organisers from the Velm Civic Front", "officials of the Relief Board": people of a generic head,
# then the named body they belong to.
_GENERIC_OF_BODY = re.compile(
    r"^(?:the\s+)?(?P<who>[A-Za-z]+(?:\s+[a-z]+)?)\s+(?:from|of|at|with)\s+(?P<body>(?:the\s+)?[A-Z].*)$"
)


# Generic heads that speak for the body they come from; "economists at the Velmar Herald" give their
# own reckoning, not the paper's.
_MEMBERS_OF_A_BODY = frozenset({"organisers", "officials", "authorities"})


def _generic_of_named_body(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """The named body that people of a generic head come from; a place they come from is read by
    the generic rules ("officials from Herat" are that area's officials)."""
    found = _GENERIC_OF_BODY.match(mention)
    if (
        found is None
        or GENERIC_HEADS.get(found["who"].lower()) not in _MEMBERS_OF_A_BODY
        or _is_place(found["body"])
    ):
        return _NEXT
    body = resolve_source(found["body"], fold(found["body"]), "organisation", context, place_country)
    if (
        body is None
        or body.id.startswith(("generic:", PERSON_PREFIX))
        # "Police of West Rukum district": an area the gazetteer does not list, no body's name
        or (body.id.startswith(UNLISTED_PREFIX) and _AREA_SUFFIX.search(found["body"].lower()))
    ):
        return _NEXT
    return body


def _by_person_of_body(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """ "Maj. Tom Reed of the state patrol": the body, with the person as its speaker."""
    found = _PERSON_OF.match(mention)
    if found is None or personal_name(found.group("person").split()) is None:
        return _NEXT
    person = found.group("person")
    if _place_of_a_person(found.group("body")):
        # "Ana Ruiz of Velmar", "Gov. Ana Ruiz of Velmar province in the north": where she is from or
        # governs; she speaks for herself, as the item's other mentions of her name her
        return Entity(
            id=person_key(person, context),
            name=fold(person),
            speaker=_speaker(person),
            area=_governed_area(person, context),
        )
    return _body_after_name(mention, person, context, place_country) or _NEXT


# "economists surveyed by Bloomberg", "analysts polled by LSEG": the survey's maker gives the figure.
_POLLED_BY = re.compile(
    r"^.+?\s+(?:polled|surveyed|questioned|interviewed|consulted)\s+by\s+(?P<body>\S.*)$", re.IGNORECASE
)


def _by_pollster(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """ "Economists surveyed by Bloomberg": the body that polled them."""
    polled = _POLLED_BY.match(mention)
    if polled is None:
        return _NEXT
    body = polled.group("body")
    return resolve_source(body, fold(body), "organisation", context, place_country) or _NEXT


# The words of a government's own office, which a level of government before them makes a region's.
_GOVERNMENT_OFFICE_WORD = re.compile(r"\b(?:department|ministry|minister)\b")


def _head_of_a_named_body(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """ "the commission" in an item that names the EU: the one listed body the item names, or an
    agency of one it names, whose name ends with that head word."""
    words = content_words(fold(mention)).split()
    if len(words) != 1 or words[0] not in BODY_HEADS:
        return _NEXT
    named = context.bodies()
    named_ids = {org.id for org in named}
    bodies = {org for org in _listed_by_head().get(words[0], ()) if org in named or org.part_of in named_ids}
    return _as_entity(bodies.pop(), _speaker(mention)) if len(bodies) == 1 else _NEXT


@cache
def _listed_by_head() -> dict[str, tuple[Organisation, ...]]:
    """The listed bodies by the last word of a name of theirs that has more words than that one."""
    heads: dict[str, list[Organisation]] = {}
    for org in organisations():
        for head in {alias.rsplit(" ", 1)[1] for alias in org.aliases if " " in alias}:
            heads.setdefault(head, []).append(org)
    return {head: tuple(orgs) for head, orgs in heads.items()}


def _by_description(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """ "Aid group Save the Orphans": the name the description introduces."""
    described = _DESCRIBED_NAME.match(mention) or _DESCRIBED_ONE_WORD_NAME.match(mention)
    if described is None or _PREPOSITION_ARTICLE_END.search(mention, 0, described.start("name")):
        return _NEXT
    name = described.group("name")
    if _ministry_level(fold(mention)) and _GOVERNMENT_OFFICE_WORD.search(fold(name)):
        return _NEXT  # "the state Department of Health": the level is part of the body, no description
    return resolve_source(name, fold(name), "organisation", context, place_country) or _NEXT


def _by_document(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """A document is the channel, the body that issued it the source ("figures released by the
    ministry", "a police statement"); a document with no issuer names no one ("the report")."""
    document = _DOCUMENT_OF.match(mention)
    if document is not None:
        body = document.group("body")
        return resolve_source(body, fold(body), "organisation", context, place_country)
    document_alone = _DOCUMENT_ALONE.match(mention)
    if document_alone is None:
        return _NEXT
    written = document_alone.group("issuer").split()
    # "the National Hurricane Center report": a name of several capitalised words keeps them all;
    # "the Office for National Statistics" is a body's name, no document
    named = len(written) > 1 and all(word[0].isupper() or word in _NAME_LINKS for word in written)
    if named and document_alone.group("document")[0].isupper():
        return _NEXT
    issuer = " ".join(word for word in written if named or fold(word) not in _DOCUMENT_KIND_WORDS)
    if not issuer:
        return None
    issued = resolve_source(issuer, fold(issuer), "organisation", context, place_country)
    if issued is None and issuer[:1].isupper() and not _is_place(issuer):
        # "a Gallup survey": a capitalised name the gazetteer also holds as a town
        return Entity(id=f"{UNLISTED_PREFIX}{unlisted_name_key(issuer)}", name=fold(issuer))
    return issued


_SHERIFF = re.compile(r"\bsheriff", re.IGNORECASE)


def _county_sheriff(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """ "the Lake County Sheriff's Office", "the sheriff's department", "Sheriff Ana Ruiz": a US
    county's police, one source however it is named."""
    if _SHERIFF.search(mention) is None:
        return _NEXT
    return _sheriff(mention, _speaker(mention), context)


# "the Kerr County Sheriff's Office", "Lake County sheriff Ana Ruiz": the county a sheriff serves.
_COUNTY_NAMED = re.compile(r"(?P<county>(?:\b[A-Z][\w'’.-]* ){1,3})County\b")
_SHERIFFS_COUNTY = re.compile(_COUNTY_NAMED.pattern + r" (?i:sheriff)")
# Capitalised words before a county's name that are no part of it: "In Kerr County", "The Lake County".
_NO_COUNTY_NAME = frozenset(
    {"the", "a", "in", "at", "of", "for", "from", "across", "near", "on", "to", "according", "per", "by"}
)


# A sheriff's title right before the holder's name: "its sheriff, Ana Ruiz", "Sheriff Ana Ruiz".
_SHERIFF_BEFORE_NAME = re.compile(r"\b[Ss]heriff,?\s+$")


def _sheriff_by_title(sentence: str, person: str, context: ItemContext) -> Entity | None:
    """ "in Kerr County, its sheriff, Larry Leitha, said": the county's sheriff, by name."""
    at = sentence.find(person)
    if at <= 0 or _SHERIFF_BEFORE_NAME.search(sentence, 0, at) is None:
        return None
    return _sheriff(sentence[:at], person, context)


def _sheriff(words: str, speaker: str | None, context: ItemContext | None = None) -> Entity:
    """A county's sheriff, keyed by the county the words name, else by the one county the item
    names: the gazetteer reads a county as its state, and two counties' sheriffs count two
    counties' dead. In an item that names several counties or none, the sheriff alone."""
    found = _SHERIFFS_COUNTY.search(words)
    counties = {_county_name(found)} if found is not None else set()
    if not counties and context is not None:
        counties = {_county_name(named) for named in _COUNTY_NAMED.finditer(context.text)}
    county = counties.pop() if len(counties) == 1 else ""
    name = f"{county} county sheriff" if county else "sheriff"
    return Entity(id=f"generic:{name}", name=name, speaker=speaker)


def _county_name(found: re.Match[str]) -> str:
    """The county's own name: "Tuolumne" in "California's Tuolumne County"."""
    words = found.group("county").split()
    while words and (words[0].lower() in _NO_COUNTY_NAME or POSSESSIVE_END.search(words[0])):
        words.pop(0)
    return fold(" ".join(words))


# A ruling movement's name before one of the government's bodies: "the Taliban administration", "the
# Taliban's ministry of disaster management", "Houthi-run authorities".
_RULED_BY_MOVEMENT = re.compile(
    rf"(?:the\s+)?(?:{'|'.join(RULING_MOVEMENTS)})s?(?:['’]s|-run|\s+run)?\s+(?P<body>\S.*)", re.IGNORECASE
)
# "the junta", "the country's ruling military junta": a military government, the item's country's.
_JUNTA = re.compile(
    r"(?:the\s+)?(?:[\w-]+['’]s\s+|(?-i:[A-Z][\w-]+\s+))?"
    # "Myanmar junta chief", "the ruling military", "the Military Government": a government the
    # armed forces hold, and its head
    r"(?:(?:(?:ruling|military|governing)\s+){0,2}junta(?:\s+(?:chief|leader|head))?"
    r"|ruling\s+military|military\s+government"
    # "the military-led government", "the junta-run administration"
    r"|(?:military|junta|army)[-\s](?:led|run|backed|installed)\s+(?:government|administration|regime))",
    re.IGNORECASE,
)
# A ruling movement named alone or with its officials: "the Taliban", "Taliban officials".
_MOVEMENT_ALONE = re.compile(
    rf"(?:(?:the|an?)\s+)?(?:ruling\s+)?(?P<movement>{'|'.join(MOVEMENTS_RULING_A_COUNTRY)})s?"
    r"(?:\s+(?:officials|leaders|(?:government\s+)?spokes(?:man|woman|person)))?",
    re.IGNORECASE,
)
# What a government is called under a ruling movement's name, beside "government".
_GOVERNMENT_SYNONYMS = re.compile(r"(?:administration|regime|authorities|rulers)", re.IGNORECASE)


def _ruled_by_movement(mention: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """ "the Taliban administration", "the Taliban's ministry of disaster management": the item's
    country's government or its ministry; the movement's name says who runs it, not which body it
    is. A body not of the government ("Taliban fighters") is read by the other rules."""
    if context.country is not None and _JUNTA.fullmatch(mention):
        return _national_government(context, context.country, None)  # a junta is the government
    movement = _MOVEMENT_ALONE.fullmatch(mention)
    held = MOVEMENTS_RULING_A_COUNTRY.get(movement["movement"].lower()) if movement is not None else None
    if held is not None and held == context.country:
        # "the Taliban said", "Taliban officials said" in a story from the country it holds
        return _national_government(context, held, None)
    ruled = _RULED_BY_MOVEMENT.fullmatch(mention)
    if ruled is None or context.country is None:
        return _NEXT
    body = ruled.group("body")
    if _GOVERNMENT_SYNONYMS.fullmatch(body):
        return _national_government(context, context.country, None)
    found = resolve_source(f"the {body}", fold(body), "organisation", context, place_country)
    return found if found is not None and found.id.startswith(f"gov:{context.country.lower()}:") else _NEXT


_FORM_RULES = (
    _county_sheriff,
    _place_speaking,
    _listed_or_office,
    _head_of_a_named_body,
    _ruled_by_movement,
    _by_short_name,
    _persons_office,
    _by_role,
    _generic_of_named_body,
    _by_person_of_body,
    _by_pollster,
    _by_description,
    _by_document,
)


def _owned_mention(mention: str, kind: str, context: ItemContext, place_country: str | None) -> _Resolution:
    """A mention owned by a place noun or a pronoun: "the territory's civil defence agency" is the
    item's civil defence agency, "the country's disaster agency" its national one; "their lawyers"
    are people someone has, no body's name."""
    owned = _OWNED_BY_PLACE_NOUN.match(mention)
    if owned is not None:
        national = "national " if owned.group("noun").lower() in {"country", "nation"} else ""
        body = national + owned.group("body")
        return resolve_source(body, fold(body), kind, context, place_country)
    # "Her office" opening a sentence too; "Our World in Data" is a name
    if _OWNED_BY_PRONOUN.match(mention.lower()) and mention[1:].islower():
        return None
    return _NEXT


# A body owned by a place it names only by its kind: "the territory's civil defence agency".
_OWNED_BY_PLACE_NOUN = re.compile(
    rf"^(?:the\s+)?(?P<noun>{word_alternation(_PLACE_NOUNS)})"
    r"(?:'s|’s)\s+(?P<body>.+)$",
    re.IGNORECASE,
)
# A mention owned by a pronoun: "their lawyers", "its advisers".
_OWNED_BY_PRONOUN = re.compile(r"^(?:his|her|their|its|our)\s")
# Offices named as only Britain names them, capitalised as a department's name.
_BRITISH_OFFICE = re.compile(r"\b(?:Home|Foreign)\s+Office\b")


# Words that make a ministry a province's or a region's own.
_MINISTRY_LEVELS = frozenset({"provincial", "prefectural", "regional"})
# "state" before a field: a state's own office in a federation ("the state health minister", "the
# State Health Department", "the state Department of Health"), not "the State Department", "the
# Secretary of State", nor "the State Minister for Disaster Management" and "the Minister of State
# for Health" (a junior minister's rank in the nation's government).
_STATE_LEVEL = re.compile(
    r"(?<!\bof )\bstate (?!secretary\b)(?!department\b(?! of\b))(?!ministers? (?:for|of)\b)[a-z]"
)
_LEVEL_DEPARTMENT = re.compile(
    rf"(?:the )?(?:{'|'.join(sorted(_MINISTRY_LEVELS | {'state'}))}) "
    r"(?:(?P<field>[a-z]+(?: [a-z]+)?) department|department (?:of|for) (?:the )?(?P<of>[a-z]+(?: [a-z]+)*))"
)


def _ministry_level(rest: str) -> str | None:
    """The level of government below the nation whose ministry `rest` names, if any."""
    if "state" in rest and _STATE_LEVEL.search(rest):
        return "state"
    return next((word for word in rest.split() if word in _MINISTRY_LEVELS), None)


# The kind of unit a region is (ISO 3166-2) and the level word news copy gives its government.
_LEVEL_OF_UNIT = {"state": "state", "province": "provincial", "prefecture": "prefectural"}


def _regional_office(rest: str, context: ItemContext) -> tuple[str, str] | None:
    """The level and office of a department a region names before it: "Texas Department of State
    Health Services" and "the Punjab health department" are the region's own ministry of health,
    at the level word its kind of unit takes ("state-health", "provincial-health"), as "the state
    health department" is."""
    words = rest.split()
    for width in range(min(3, len(words) - 1), 0, -1):
        if words[width - 1] in admin_suffixes():
            continue  # the gazetteer reads "Texas department" as Texas: the department is the body's
        region = gazetteer().lookup(" ".join(words[:width]), context.country)
        if region is None or region.level != "region":
            continue
        level = _LEVEL_OF_UNIT.get(gazetteer().unit_types.get(region.id, ""), "regional")
        # "New York State Department of Health", "Texas Department of State Health Services"
        remainder = _DEPARTMENT_OF_STATE_FIELD.sub(
            "department of ", " ".join(words[width:]).removeprefix("state ")
        )
        office = _office_of(f"{level} {remainder}", context)
        return (level, office) if office is not None else None
    return None


def _region_before_head(words: list[str], context: ItemContext) -> str | None:
    """The level word of a region named right before a government's head and nothing else ("kerala
    government" -> "state", "punjab officials" -> "provincial")."""
    if len(words) < 2 or words[-1] not in NATIONAL_HEADS:
        return None
    region = gazetteer().lookup(" ".join(words[:-1]), context.country)
    if region is None or region.level != "region":
        return None
    return _LEVEL_OF_UNIT.get(gazetteer().unit_types.get(region.id, ""), "regional")


def _office_country(mention: str, place_country: str | None) -> str | None:
    """The country of an office a mention names with no country: "the territory's health ministry"
    is the country of the place its figure is about; "the Home Office" is Britain's, whatever
    country the item is about."""
    if place_country is not None and _PLACE_NOUN_POSSESSIVE.search(mention):
        return place_country
    return "GB" if _BRITISH_OFFICE.search(mention) else None


def _ministry_entity(
    where: str, office: str, *, level: str | None = None, speaker: str | None = None, country: str | None
) -> Entity:
    """A country's ministry of an office ("PK health ministry"), or a region's own at `level`
    ("US state health ministry"): one id and one display name whichever wording named it."""
    office = f"{level}-{office}" if level else office
    return Entity(
        id=f"gov:{where.lower()}:{office}{MINISTRY_SUFFIX}",
        name=f"{where} {office.replace('-', ' ')} ministry",
        speaker=speaker,
        country=None if level else country,
    )


_DEPARTMENT_OF_STATE_FIELD = re.compile(r"^(?:the )?department of state (?=[a-z])")
# "the State Ministry for Disaster Management", "the Ministry of State for Disaster Management": a
# junior ministry, one office with the ministry of its field as reports name it either way.
_STATE_MINISTRY = re.compile(r"\bstate (?=minist)|(?<=\bminist)(?P<ending>\w*) of state (?=for |of )")


def _ministry(
    mention: str, country: str | None, rest: str, context: ItemContext, place_country: str | None
) -> Entity | None:
    """The government ministry a mention names by its office: "the interior ministry", "Kenya's
    Ministry of Health", "the provincial health ministry" (a region's own). `country` and `rest`
    are the mention's folded words split by `_country_in`."""
    # "the Department of State Health Services": a state's department of health ("the Department
    # of State" alone is a foreign ministry)
    rest = _DEPARTMENT_OF_STATE_FIELD.sub("state department of ", rest)
    if "state" in rest:
        rest = _STATE_MINISTRY.sub(
            lambda found: f"{found['ending']} " if found["ending"] is not None else "", rest
        )
    office = _office_of(rest, context)
    # "the provincial health ministry", "the Punjab health department": a region's own ministry
    level = _ministry_level(rest) if office is not None else None
    if office is None and country is None:
        level, office = _regional_office(rest, context) or (None, None)
    if office is None:
        return None
    country = country or _office_country(mention, place_country)
    where = country or context.country or "xx"
    return _ministry_entity(where, office, level=level, speaker=_speaker(mention), country=country)


def _resolve_by_words(  # noqa: PLR0911, PLR0912  one return per rule, in order
    mention: str, normalized: str, kind: str, context: ItemContext, place_country: str | None
) -> Entity | None:
    """The rules that read a mention's words: a ministry, a person, a country alone, a body named by
    its head word, a generic head, an unlisted body's name."""
    folded = fold(mention)
    country, rest = _country_in(folded)
    ministry = _ministry(mention, country, rest, context, place_country)
    if ministry is not None:
        return ministry
    head_of_government = _head_of_government(mention, rest, country, context)
    if head_of_government is not None:
        return head_of_government
    if kind == "person" or _is_proper_name(mention):
        affiliated = _affiliation(mention, context)
        if affiliated is not None:
            return affiliated
        if kind == "person" or _is_surname(mention, context):
            return Entity(
                id=person_key(mention, context),
                name=normalized,
                speaker=mention,
                area=_governed_area(mention, context),
            )
    for apart, joined in _HEADS_WRITTEN_APART.items():
        rest = rest.replace(apart, joined)
    words = rest.split()
    if country is not None and (not words or _FIGURE_DOCUMENT_WORDS.issuperset(words)):
        # "Turkey said", "Israeli tallies", "official Turkish figures": the government's own count
        return Entity(id=f"gov:{country.lower()}:government", name=f"{country} government", country=country)
    chamber = _chamber(words)
    if chamber is not None:
        # "the parliament", "Kenya's senate": the country's chamber, as a ministry is its office
        where = country or context.country or "xx"
        return Entity(id=f"gov:{where.lower()}:{chamber}", name=f"{where} {chamber}", country=country)
    if len(words) == 1 and words[0] in BODY_HEADS | NAMED_BODY_HEADS:
        by_head = _body_named_by_head(words[0], mention, context, place_country)
        if by_head is not None:
            return by_head
    agency = _NAMED_NEWS_AGENCY.fullmatch(mention)
    if agency is not None and _country_in(fold(agency["name"]))[0] is None:
        # "the Tasnim news agency", "Velmar's semi-official Tasnim agency": the agency by its name,
        # as "Tasnim said" is; neither the media at large nor the country's government
        return resolve_source(agency["name"], fold(agency["name"]), "organisation", context, place_country)
    named = _NAME_AT_THE_END.fullmatch(mention)
    if named is not None and _names_a_body_of_its_own(named["name"]):
        # "Velmar's exiled National Unity Government": the description leads to a body's name
        found = resolve_source(
            f"the {named['name']}", fold(named["name"]), "organisation", context, place_country
        )
        if found is not None:
            return found
    generic = _generic_source(mention, words, rest, country, context)
    if generic is not None:
        return generic
    titled = _TITLE_OF_A_FIELD_THEN_NAME.fullmatch(mention)
    if titled is not None:
        # "Minister for Planning and Development Ana Ruiz", an office the rules for ministries do
        # not know: the person, as "Planning Minister Ana Ruiz" is
        return Entity(
            id=person_key(titled["name"], context), name=fold(titled["name"]), speaker=titled["name"]
        )
    owned = _owned_mention(mention, kind, context, place_country)
    if owned is not _NEXT:
        return owned
    if (
        _is_proper_name(mention)
        or set(words) & (_body_words() | SERVICE_WORDS | ADMINISTRATIVE_HEADS)
        or _names_something(mention)
    ):
        # "Norland's State Relief Service" is the State Relief Service the next item names bare; the
        # country is in the series key already. A country inside the name stays ("the Sudan Doctors
        # Network").
        name = (
            rest if country is not None and rest and _country_only_owns(mention, folded, rest) else normalized
        )
        return _unlisted_body(mention, name, normalized, context, place_country)
    return None


# An office's title with its field written after it, then the holder's name of two words.
_TITLE_OF_A_FIELD_THEN_NAME = re.compile(
    r"(?:[A-Z][\w.-]*\s+){0,2}(?:Minister|Secretary|Commissioner|Director|Chairman|Chairwoman|Chairperson)"
    r"\s+(?:for|of)\s+(?:(?:the|and)\s+|[A-Z][\w-]*\s+){1,6}?(?P<name>[A-Z][a-z][\w'’-]*\s+[A-Z][a-z][\w'’-]*)"
)
# Words that say when a head of government took office, not which office it is.
_HOLDING_THE_OFFICE_NOW = re.compile(r"^(?:(?:new|interim|caretaker|acting|incoming)\s+)+")
_DEFINITE = re.compile(r"(?i:the)\s")


def _head_of_government(mention: str, rest: str, country: str | None, context: ItemContext) -> Entity | None:
    """ "the presidency", "Kenya's prime minister": the government the head's office speaks for."""
    government = country or context.country
    # "the new prime minister", "the interim president": the office, whoever holds it now
    rest = _HOLDING_THE_OFFICE_NOW.sub("", rest)
    if government is None or not (
        rest in _HEAD_OF_GOVERNMENT_OFFICES
        or (country is not None and rest in _HEADS_OF_GOVERNMENT)
        # "the prime minister" alone: the item's country's, as "the government" alone is; a
        # company or a club has a president too
        or (rest in _HEADS_OF_GOVERNMENT - {"president"} and _DEFINITE.match(mention))
    ):
        return None
    return _national_government(context, government, _speaker(mention))


def _unlisted_body(
    mention: str, name: str, normalized: str, context: ItemContext, place_country: str | None
) -> Entity:
    """A body the data file does not list by this name; or the listed body of the item's country
    with its remit under another administrative head: "the disaster management directorate" is the
    "Department of Disaster Management" the data file lists. In a sentence about another country
    the item names ("In Indonesia, the National Disaster Management Authority said"), that
    country's body."""
    key = unlisted_name_key(name)
    same_remit = _listed_by_remit().get(remit_of(key), ())
    here = next((org for org in same_remit if org.country == place_country), None) if place_country else None
    listed = here or _pick(same_remit, context)
    if listed is not None:
        return _as_entity(listed, _speaker(mention))
    return Entity(id=f"{UNLISTED_PREFIX}{key}", name=normalized)


def remit_of(key: str) -> frozenset[str]:
    """The words of a body's name key without its administrative heads; empty when fewer than two
    remain, as one word ("the Velmar Agency") names no remit to meet another head by."""
    remit = frozenset(key.split()) - ADMINISTRATIVE_HEADS
    return remit if len(remit) >= REMIT_WORDS else frozenset()


@cache
def _listed_by_remit() -> dict[frozenset[str], list[Organisation]]:
    """The data file's bodies by the remit of each of their names."""
    by_remit: dict[frozenset[str], list[Organisation]] = {}
    for org in organisations():
        for alias in (org.key, *org.aliases):
            remit = remit_of(unlisted_name_key(alias))
            if remit and org not in by_remit.setdefault(remit, []):
                by_remit[remit].append(org)
    by_remit.pop(frozenset(), None)
    return by_remit


# Capitalised words that end a mention after a lower-case descriptive word, not after one that
# joins them to more of a name ("Disaster and Emergency Authority"), an article or a preposition
# ("the office in Central Visayas").
_NAME_AT_THE_END = re.compile(
    r"(?:.*\s)?(?!(?:the|and|of|for|de|in|at|from|on|by|with|to|near)\s)[a-z][a-z'’-]*\s+(?P<name>(?:[A-Z][\w'’-]*\s+){1,5}[A-Z][\w'’-]*)"
)


# A news agency written with its name: after "news" ("the Tasnim news agency") or after its standing
# ("the semi-official Tasnim agency").
_NAMED_NEWS_AGENCY = re.compile(
    r"(?:.*\s)?(?:(?P<standing>semi-official|state-run|state|official)\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?(standing)(?:news\s+)?|news\s+)agency"
)


def _names_a_body_of_its_own(name: str) -> bool:
    """Whether capitalised words name a body beyond a country and a generic head: "National Unity
    Government" does, "General Staff" (a country's, by a generic head) does not."""
    rest = _country_in(fold(name))[1]
    return len(rest.split()) >= 2 and rest not in GENERIC_HEADS and rest not in _STYLED_GENERIC_NAMES


# A country's law-making chambers, named by their kind: "the parliament", "the national assembly".
_CHAMBERS = frozenset({"parliament", "senate", "congress", "legislature", "assembly"})


def _chamber(words: list[str]) -> str | None:
    """The chamber a mention names by its kind alone, with at most "national" before it."""
    if words and words[-1] in _CHAMBERS and all(word == "national" for word in words[:-1]):
        return words[-1]
    return None


def _holds_a_generic_head(words: list[str]) -> bool:
    return any(
        word in GENERIC_HEADS or (index and f"{words[index - 1]} {word}" in GENERIC_HEADS)
        for index, word in enumerate(words)
    )


def _generic_source(  # noqa: PLR0911  one return per kind of generic head
    mention: str, words: list[str], rest: str, country: str | None, context: ItemContext
) -> Entity | None:
    """A body named by a generic head ("officials", "the authorities", "health officials"), scoped
    by the country or area written with it; None when the mention holds no generic head."""
    regional = _region_before_head(words, context)
    if _is_proper_name(mention) and rest not in _STYLED_GENERIC_NAMES and regional is None:
        return None  # "the Provincial Relief Authority" is a body's name; "the authorities" is generic
    if len(words) > 1 and words[-1] == "officer" and _holds_a_generic_head(words[:-1]):
        words = words[:-1]  # "a coast guard officer" speaks for the coast guard, not for officials
    for index in range(len(words) - 1, -1, -1):
        # "health officials" before "officials": the longer head names who they are
        head = GENERIC_HEADS.get(" ".join(words[index - 1 : index + 1])) if index else None
        head = head or GENERIC_HEADS.get(words[index])
        if head is None or (head == "unions" and _NAMED_UNION.search(mention)):
            continue  # "observers from the European Union": a union of states by its name, no trade union
        if country is not None and head == "police" and words == ["police"]:
            # "the Serbian police", "Kenya's police": a country's police answers to its interior
            # ministry, which issues its figures; "Paris police" or plain "police" stay apart.
            return _ministry_entity(country, "interior", speaker=_speaker(mention), country=country)
        # "the Kerala government", "Punjab officials": the region's, at its unit's level word
        area_words = _area_words(words, rest, head) or ([regional] if regional else [])
        if country is not None and head == "health officials" and not area_words:
            # "Sudanese health officials": the country's health ministry speaks through them
            return _ministry_entity(country, "health", speaker=_speaker(mention), country=country)
        if country is not None and head in NATIONAL_HEADS and not area_words:
            # "Moroccan authorities", "the Syrian government", "Turkish officials" (not "the
            # Nigerian state government" nor "Syrian local officials": an area's)
            return _national_government(context, country, _speaker(mention))
        if words == ["government"] and context.country is not None:
            # "the government" alone is the nation's in an item about one country; "officials" and
            # "the authorities" alone stay generic, as they are as often a province's, and so do
            # "government figures", which wire copy cites for any body's tally
            return _national_government(context, context.country, _speaker(mention))
        sole_body = (
            _sole_national_body(context)
            if head in ("officials", "health officials") and not area_words
            else None
        )
        if sole_body is not None:
            # "a senior government official" in an item whose only national government body is X.
            return _as_entity(sole_body, _speaker(mention))
        if area_words:
            # "the provincial government", "district officials": one area's, not the nation's.
            head = f"{area_words[0]} {head}"
        return Entity(id=f"generic:{head}", name=head, speaker=_speaker(mention))
    return None


# Capitalised words that open a sentence or clause, never a first name ("However Ferraris fell").
_OPENING_WORDS = SENTENCE_ADVERBS | frozenset(
    {"when", "while", "if", "after", "before", "since", "as", "although", "though", "because", "with", "for"}
)
# One capitalised word, as a surname is written after its bearer's first mention ("Fedorov said").
_ONE_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def _is_surname(mention: str, context: ItemContext) -> bool:
    """Whether a mention is a surname alone whose bearer the item names in full ("Governor Ivan
    Fedorov", then "Fedorov said"): one capitalised word that no place bears, written after a
    first name or a title ("Gov. Fedorov"). A company named by one word ("Tesla said") has neither
    before it."""
    word = mention.strip()
    if _ONE_NAME_WORD.fullmatch(word) is None or gazetteer().lookup(word) is not None:
        return False
    return bool(_names_before_surname(word, context)) or _titled_in_item(word, context)


def _country_speaking(mention: str) -> str | None:
    """The country a place mention stands for as a speaker: the country itself, or its capital."""
    country, rest = _country_in(fold(mention))
    if country is not None:
        return None if rest else country
    place = gazetteer().lookup(_bare_place_name(mention))
    if place is None or gazetteer().capitals.get(place.country) != fold_place(place.name):
        return None
    return place.country


def _country_only_owns(mention: str, folded: str, rest: str) -> bool:
    """Whether the country a mention states says only whose body it is: a possessive ("Norland's"),
    "of Norland" after the body, or an adjective before words in lower case. An adjective may open
    the body's own name ("Ethiopian Airlines", "the Libyan Red Crescent") and stays."""
    return (
        _POSSESSIVE.search(mention) is not None
        or folded.startswith(f"{rest} of ")
        # "the Bangladeshi health directorate": a description in lower case, no name to open
        or not _is_proper_name(mention)
    )


def _short_name(mention: str, context: ItemContext) -> str | None:
    """The short name the item gives the body a mention names in full or by two or more words of
    its full name ("the Department of Forests and Fire Safety" for the State Department of ...)."""
    words = content_words(fold(mention))
    for full, short in context.short_names.items():
        if f" {full} " in f" {words} " or (" " in words and f" {words} " in f" {full} "):
            return short
    return None


# "officials in the province", "police in the district": the area a generic source serves, named
# after it, as its adjective.
_AREA_AFTER = re.compile(
    r"\b(?:in|of) (?:the )?(?P<area>province|prefecture|region|district|county|city|municipality)\b"
)
_AREA_ADJECTIVES = {
    "province": "provincial",
    "prefecture": "prefectural",
    "region": "regional",
    "municipality": "municipal",
}


def _area_words(words: list[str], folded: str, head: str) -> list[str]:
    """The words that make a generic source one area's: "provincial", "district officials",
    "officials in the province", and "state" before a government ("the state government")."""
    head_words = head.split()  # "local media" is one head, not media of a locality
    areas = [word for word in words if word in SUBNATIONAL_WORDS and word not in head_words]
    areas += [_AREA_ADJECTIVES.get(m.group("area"), m.group("area")) for m in _AREA_AFTER.finditer(folded)]
    if "state" in words and head in NATIONAL_HEADS:
        areas.append("state")
    return areas


# "a Herat health department official", "a hospital spokesman", "the hospital's director": the body,
# then its speaker's role.
_BODY_BEFORE_ROLE = re.compile(
    r"^(?:an?|the)\s+(?:senior\s+|junior\s+)?(?P<body>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)\s+"
    r"(?:(?:managing|executive|general|medical)\s+)?(?:official|spokes(?:man|woman|person)|director|administrator"
    r"|manager|(?:duty|press|information|media|liaison)\s+officer)$",
    re.IGNORECASE,
)


def _is_generic_body(body: str) -> bool:
    """Whether the words before a role name a body only by a generic head ("a government official",
    "a police spokesman"), which the generic rules read, or name no body at all ("a senior")."""
    words = fold(body).split()
    return (
        not set(words) & _body_words()
        or any(word in GENERIC_HEADS for word in words)
        # "a provincial health official": an area's officials of a field, no body's name
        or (
            len(words) > 1
            and words[-1] in _GENERIC_FIELDS
            and all(word in SUBNATIONAL_WORDS for word in words[:-1])
        )
    )


# Fields whose officials are generic ones: "a health official" names no one body.
_GENERIC_FIELDS = frozenset({"health", "police", "security"})


def _sole_national_body(context: ItemContext, country: str | None = None) -> Organisation | Entity | None:
    """The item's one named national government body, if it names exactly one: unnamed officials
    in that item speak for it; with two or more the officials stay generic. A body of another
    country than the item's ("the USGS" in an item about a quake in Afghanistan) has no officials
    there.

    With `country` ("Moroccan authorities"), the one body of that country, a ministry the item
    names included when the item is about that country."""
    national: dict[str, Organisation | Entity] = {
        org.id: org
        for org in context.bodies()
        if org.type == "government"
        and org.country
        and not org.subnational
        and org.country == (country or context.country or org.country)
    }
    # the item's ministries are that country's only when it names no other ("Lebanon's health
    # minister ... Israel said" gives Israel no health ministry)
    if country is not None and country == context.country and context.countries <= {country}:
        for office in context.ministries:
            ministry = _ministry_entity(country, office, country=country)
            national[ministry.id] = ministry
    return next(iter(national.values())) if len(national) == 1 else None


def _office_of(rest: str, context: ItemContext) -> str | None:
    """The office a name holds: "ministry of the interior", "interior minister", "the Interior", "the
    Department of Health" (a country's department of a field is its ministry; a city's or a county's,
    named before it, is not)."""
    offices = _offices(rest)
    if offices:
        return offices[0]
    department = _NATIONAL_DEPARTMENT.fullmatch(rest) if "department" in rest else None
    if department is not None:
        return _office(department.group("field"), field_last=False)
    department = _LEVEL_DEPARTMENT.fullmatch(rest) if _ministry_level(rest) else None
    if department is not None:
        # "the state health department", "the provincial Department of Health"
        field = department.group("field")
        return _office(field, field_last=True) if field else _office(department.group("of"), field_last=False)
    if rest in OFFICE_FIELDS and rest in {"interior", "health", "defence", "defense"}:
        return OFFICE_FIELDS[rest]
    if rest in {"ministry", "minister"} and context.ministries:
        # "the ministry": the one the item has named; with several, the first named.
        return context.ministries[0]
    return None


def _affiliation(person: str, context: ItemContext) -> Entity | None:
    """The body the item ties a person to: a listed body or office near the name's first mention."""
    words = [w for w in _WORD.findall(person) if w[0].isupper()]
    if not words:
        return None
    surname = words[-1].rstrip(".'’-")
    for place in context.places_of(surname):
        window_start = max(0, place - 120)
        window = context.text[window_start : place + len(surname) + 120]
        # "Mayor Selin Kaya told the BBC": whom a person spoke to is not whom they speak for
        sentence = _AUDIENCE.sub(" ", _sentence_around(window, place - window_start))
        after = (
            _sheriff_by_title(sentence, person, context)
            or _body_after_name(sentence, person, context)
            or _rank_voice(sentence, person)
            or _title_before_name(sentence, person, context)
            # "Jo Lind, who heads the district police": a verb of leading, no role word; "Jo Lind,
            # president of the Velm Doctors Union": a role the role words leave to its body
            or _office_after_name(sentence, person, context)
        )
        if after is not None:
            # "Capt. Dana Wells of the Oregon State Patrol", "ACP Ola Bello": with or without a role word
            return after
        if ROLE_WORDS.isdisjoint(fold(sentence).split()):
            continue
        found = (
            # "Syrian Health Minister Hassan Ali said, CNN reported": the title's ministry first
            _ministry_of_title(sentence, person, context)
            # the person's own words are no body: "PK Jena" writes initials, not an acronym
            or known_organisation(sentence.replace(person, " "), context)
            or _body_by_head(sentence, context)
            or _owner_in_sentence_before(window_start + window.find(sentence), sentence, person, context)
        )
        if found is not None:
            return _as_entity(found, person)
        ministry = _ministry_named_in(sentence, person, context)
        if ministry is not None:
            return ministry
        voiced = (
            _government_voice(sentence, person, context)
            or _generic_voice(sentence, person, context)
            or _unlisted_body_voice(sentence, person)
            or _office_after_name(sentence, person, context)
        )
        if voiced is not None:
            return voiced
    return None


def _ministry_named_in(words: str, person: str, context: ItemContext) -> Entity | None:
    """The ministry an office in `words` names, in the country they name or the item's. The words
    after the person's name are read first, then those before it: "Israeli strikes killed 400,
    Ana Ruiz, of the Iranian health ministry, said" is Iran's ministry."""
    folded, name = fold(words), fold(person)
    at = folded.find(name) if name else -1
    parts = [folded[at + len(name) :], folded[:at]] if at >= 0 else []
    for part in [*parts, folded]:
        country, rest = _country_in(part)
        offices = _offices(rest)
        if offices:
            break
    else:
        return None
    if country is None and part is not folded:
        country = _country_in(folded)[0]  # "Syrian officials ... Ana Ruiz, the health minister"
    where = country or context.country or "xx"
    level = _ministry_level(rest)  # "state Health Minister Ana Ruiz": the state's ministry
    return _ministry_entity(where, offices[0], level=level, speaker=person, country=country)


# A minister's title written right before the name: "Syrian Health Minister", "the Minister of Health".
_MINISTER_TITLE_BEFORE = re.compile(
    r"(?:[A-Za-z][\w'’-]*\s+){0,4}?[Mm]inister(?:\s+of\s+[\w\s'’-]{1,40}?)?\s+$"
)


def _ministry_of_title(sentence: str, person: str, context: ItemContext) -> Entity | None:
    """The ministry of a minister's title right before the person's name, which outranks any body
    the rest of the sentence names."""
    at = sentence.find(person)
    title = (
        _MINISTER_TITLE_BEFORE.search(sentence, max(0, at - MINISTER_TITLE_WINDOW), at) if at > 0 else None
    )
    return _ministry_named_in(title.group(), person, context) if title is not None else None


MINISTER_TITLE_WINDOW = 60


# "Police Chief Karla Reyes", "army spokesman Col. Ode Mensah": a generic body's office before a name.
_GENERIC_OFFICE_BEFORE = re.compile(
    r"\b(?:(?P<head>police|army|military|coast ?guard)\s+(?:chief|commissioner|superintendent|commander|head"
    r"|spokes(?:man|woman|person))"
    # "Superintendent of Police Anil Kumar", "Inspector General of Police"
    r"|(?:superintendent|commissioner|inspector[- ]general|director[- ]general|chief)\s+of\s+"
    r"(?P<head_of>police)"
    # "Sheriff Dana Ortiz", "County Sheriff Ana Ruiz": a county's police, headed by its sheriff
    r"|(?P<sheriff>sheriff))"
    r"\s+(?-i:(?:[A-Z][a-z]*\.?\s+)*?)$",  # only titles between: "Col. Ode Mensah"
    re.IGNORECASE,
)


def _office_voice(mention: str) -> Entity | None:
    """The generic body whose office a mention writes before the name it holds, or whose office
    alone it names ("the Police Public Relations Officer"); a police rank's holder is the police's
    voice ("SP Omolola Adeyemi", "DSP Ravi Menon")."""
    rank = _POLICE_RANK.match(mention)
    if rank is not None and personal_name(mention[rank.end() :].split()) is not None:
        return Entity(id="generic:police", name="police", speaker=_speaker(mention[rank.end() :]))
    lower = mention.lower()
    if not any(head in lower for head in _GENERIC_OFFICE_HEADS):
        return None  # a cheap test first: this runs for every mention an item resolves
    speaker = _speaker(mention)
    if speaker is not None:
        return _generic_voice(mention, speaker)
    title = _OFFICE_TITLE.match(mention)
    if title is None:
        return None
    head = GENERIC_HEADS[title.group("head").lower()]
    return Entity(id=f"generic:{head}", name=head)


_GENERIC_OFFICE_HEADS = ("police", "army", "military", "guard", "sheriff")
# The ranks South Asian and Nigerian wire copy writes before a police officer's name.
POLICE_RANKS = frozenset({"SP", "DSP", "ASP", "SSP", "ACP", "DCP", "CP", "IGP", "AIG", "DIG", "SHO", "CSP"})
_RANKS = "|".join(sorted(POLICE_RANKS, key=len, reverse=True))
_POLICE_RANK = re.compile(rf"^(?:{_RANKS})\.?\s+")
_POLICE_RANK_BEFORE = re.compile(rf"\b(?:{_RANKS})\.?\s+$")
# "the Police Public Relations Officer", "the Army Public Relations Director": an office of a
# generic body named with no one holding it.
_OFFICE_TITLE = re.compile(
    r"^(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?P<head>police|army|military)(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:officer|spokes(?:man|woman|person)|commissioner|commander|director|superintendent)$",
    re.IGNORECASE,
)


def _generic_voice(sentence: str, person: str, context: ItemContext | None = None) -> Entity | None:
    """The generic body whose office the sentence writes right before the person's name."""
    at = sentence.find(person)
    found = _GENERIC_OFFICE_BEFORE.search(sentence, 0, at) if at > 0 else None
    if found is None:
        return None
    if found.group("sheriff"):
        return _sheriff(sentence[: found.end()], person, context)
    written = (found.group("head") or found.group("head_of")).lower()
    head = GENERIC_HEADS[written.replace("coast guard", "coastguard")]
    return Entity(id=f"generic:{head}", name=head, speaker=person)


def _government_voice(sentence: str, person: str, context: ItemContext) -> Entity | None:
    """ "government spokesperson Jo Lind": the national government's voice, as "the government
    said" is (a regional government's spokesperson is not)."""
    if context.country is None or _GOVERNMENT_SPEAKER.search(fold(sentence)) is None:
        return None
    # the government's own spokesperson, never the one ministry the item happens to name
    country = context.country
    return Entity(
        id=f"gov:{country.lower()}:government", name=f"{country} government", speaker=person, country=country
    )


def _national_government(context: ItemContext, country: str, speaker: str | None) -> Entity:
    """A country's national government as a source: the one national body of that country the item
    names (its figures are that body's), else the government itself."""
    sole_body = _sole_national_body(context, country)
    if sole_body is not None:
        return _as_entity(sole_body, speaker)
    return Entity(
        id=f"gov:{country.lower()}:government", name=f"{country} government", speaker=speaker, country=country
    )


# The outlet a person spoke to: "told the BBC", "in an interview with CNN", "speaking to Reuters".
_AUDIENCE = re.compile(
    r"\b(?i:told|telling|informed|informing|speaking\s+to|talking\s+to|in\s+an\s+interview\s+(?:with|on)|"
    r"interviewed\s+by|(?:appearing|speaking)\s+on)\s+(?:the\s+)?"
    r"(?:(?:state[- ]run|state[- ]owned|state|local|national|public|private)\s+)?"
    r"(?:(?:news\s+agency|agency|radio|television|TV|broadcaster|station|channel|newspaper|daily)\s+)?"
    r"(?:[A-Z][\w.&'’-]*\s*){1,5}"
    # "the Velm News agency quotes spokesman Ivo Lund": the outlet that quotes a person, before its verb
    r"|(?:[A-Z][\w.&'’-]*\s+){1,4}(?:(?:news\s+)?agency\s+|newspaper\s+|daily\s+)?(?:quotes|quoted)\b"
)
# "Capt. Dana Wells of the Oregon State Patrol", "Ivo Lund from the state fire service": the body
# written right after a person's name.
_BODY_AFTER_NAME = re.compile(
    r"\s+(?:of|from|at)\s+(?P<body>the\s+[^,.;:\"”()]{2,60}?|[A-Z][^,.;:\"”()]{1,60}?)"
    r"(?=\s*[,.;:\"”()]|\s+(?:said|says|told|added|confirmed)\b|$)"
)


# "Lena Varga, head of the regional rescue service": the office set off after the name, then its body.
_ROLE_AFTER_NAME = re.compile(
    rf",\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,2}}?(?i:{_ROLE_IN_A_BODY})\s+(?:in\s+charge\s+of|of|for|at)\s+"
    r"(?P<body>the\s+[^,.;:\"”()]{3,60}?|[A-Z][^,.;:\"”()]{2,60}?)(?=\s*[,.;:\"”()]|$)"
)


# "Jo Lind, who heads the district police": the body a person set off after the name leads.
_HEADS_AFTER_NAME = re.compile(
    r",\s+who\s+(?:heads|leads|runs|chairs|directs)\s+(?P<body>the\s+[^,.;:\"”()]{3,60}?)(?=\s*[,.;:\"”()]|$)"
)


def _rank_voice(sentence: str, person: str) -> Entity | None:
    """The police, when the sentence writes a police rank right before the person's name."""
    at = sentence.find(person)
    if at > 0 and _POLICE_RANK_BEFORE.search(sentence, max(0, at - 8), at):
        return Entity(id="generic:police", name="police", speaker=person)
    return None


# A title in capitals written right before a name, with what it is of and a kind of place:
# "Deputy Superintendent of Police of Velm district ", "Chief of the Port Authority ". A title with
# no "of" or "for" ("State Health Minister") is read by the rules for offices.
_TITLE_BEFORE_NAME = re.compile(
    r"(?=(?:[A-Z][\w'’.-]*\s+)+(?:of|for)\s)(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|or|and|the|in)\s+)*){2,8}"
    r"(?:[a-z]+\s+)?$"
)


def _title_before_name(sentence: str, person: str, context: ItemContext) -> Entity | None:
    """The listed or generic body a title with "of" before the name names ("Deputy Superintendent of
    Police of Velm district Ana Ruiz" speaks for the district police); a title that names no such
    body leaves the person to the other rules."""
    at = sentence.find(person)
    title = _TITLE_BEFORE_NAME.search(sentence, 0, at) if at > 0 else None
    if title is None or ROLE_WORDS.isdisjoint(fold(title.group()).split()):
        return None
    # the title alone: with the name, the phrase would be a person's and be read here again
    phrase = title.group().strip()
    body = resolve_source(phrase, fold(phrase), "government", context)
    if body is None or body.id.startswith((PERSON_PREFIX, UNLISTED_PREFIX, "gov:")):
        return None  # a government's office is read by the rules for offices, with the item's country
    return Entity(id=body.id, name=body.name, speaker=_speaker(person) or person, country=body.country)


def _body_after_name(
    sentence: str, person: str, context: ItemContext, place_country: str | None = None
) -> Entity | None:
    """The body written right after a person's name, with the person (titles dropped) speaking for it."""
    if personal_name(person.split()) is None:
        return None  # a body's own name: "the Velmar Board of the Treasury" is one body
    at = sentence.find(person)
    found = _BODY_AFTER_NAME.match(sentence, at + len(person)) if at >= 0 else None
    if found is None or _place_of_a_person(found.group("body")):
        return None  # "Ana Ruiz of Velmar": where she is from
    body = resolve_source(
        found.group("body"), fold(found.group("body")), "organisation", context, place_country
    )
    if body is None:
        return None
    return Entity(id=body.id, name=body.name, speaker=_speaker(person) or person, country=body.country)


def _office_after_name(sentence: str, person: str, context: ItemContext) -> Entity | None:
    """ "Ana Lind, head of the district police": the listed or generic body of an office set off
    after the name (a description of an unlisted body is left to the item's own reading)."""
    at = sentence.find(person)
    if at < 0:
        return None
    office = _ROLE_AFTER_NAME.match(sentence, at + len(person)) or _HEADS_AFTER_NAME.match(
        sentence, at + len(person)
    )
    if office is None:
        return None
    named = _BODY_NAMED_BEFORE_ITS_SITE.match(office.group("body"))
    mention = named.group("name") if named is not None else office.group("body")
    body = resolve_source(mention, fold(mention), "organisation", context)
    if body is None or (body.id.startswith(UNLISTED_PREFIX) and named is None):
        return None  # "head of a local charity": an unlisted body only by its own capitalised name
    return Entity(id=body.id, name=body.name, speaker=person, country=body.country)


# A body's capitalised name, then where it sits: "the Junior Doctors Association at Orlo College",
# "Orlo Civil Hospital".
_BODY_NAMED_BEFORE_ITS_SITE = re.compile(
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w'’&.-]*\s+){0,5}[A-Z][\w'’&.-]*)(?:\s+(?:at|in)\s|$)"
)


def _unlisted_body_voice(sentence: str, person: str) -> Entity | None:
    unlisted = _unlisted_body_of_role(sentence)
    if unlisted is None:
        return None
    return Entity(id=f"{UNLISTED_PREFIX}{unlisted_name_key(unlisted)}", name=fold(unlisted), speaker=person)


# "government spokesperson", "spokesman for the government", "the government's spokeswoman" (in
# folded text), never a provincial or local government's.
_SPEAKER_WORDS = r"(?:spokesperson|spokesman|spokeswoman|spokespeople)"
_GOVERNMENT_SPEAKER = re.compile(
    "".join(f"(?<!{word} )" for word in sorted(SUBNATIONAL_WORDS | {"state"}))
    + rf"\bgovernment(?: s)? {_SPEAKER_WORDS}\b|\b{_SPEAKER_WORDS} for the government\b"
)


def _unlisted_body_of_role(sentence: str) -> str | None:
    """The body a role names that the knowledge does not list ("director of the Board of Tallies")."""
    for found in _ROLE_AT_NAMED_BODY.finditer(sentence):
        name = found.group("name")
        if found.group("role") in ROLE_WORDS and not _is_place(name) and not personal_name(name.split()):
            return name
    return None


def _body_by_head(sentence: str, context: ItemContext) -> Organisation | Entity | None:
    """The body a role names by its kind alone ("Agency head Jane Roe", "the patrol's spokeswoman"):
    the listed body with that head word the item names most, else the one unlisted body the item
    names with that ending ("the Oregon State Patrol")."""
    words = fold(sentence).split()
    for index, word in enumerate(words):
        neighbours = words[max(0, index - 2) : index] + words[index + 1 : index + 3]
        if word in BODY_HEADS | NAMED_BODY_HEADS and not ROLE_WORDS.isdisjoint(neighbours):
            named = [org for org, _ in context.bodies().most_common() if _has_word(org, word)]
            if named:
                return named[0]
            unlisted = _unlisted_body_by_head(word, context)
            if unlisted is not None:
                # its id as the unlisted-name rule writes it (resolving the name would look for its
                # own affiliation again), or the country's rights commission the name spells out
                return _rights_commission(content_words(fold(unlisted)), context.country) or Entity(
                    id=f"{UNLISTED_PREFIX}{unlisted_name_key(unlisted)}", name=fold(unlisted)
                )
    return None


# A sentence that opens with an office whose body it does not name, then the holder's name: "Its
# spokesman, Omar Reid,", "A spokeswoman for the group, Ana Ruiz,".
_UNNAMED_OWNER_OFFICE = re.compile(
    r"^\W*(?:(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?P<office>[\w-]+)"
    r"|(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?P<office_for>[\w-]+)\s+for\s+the\s+[\w-]+)\s*,\s*$",
    re.IGNORECASE,
)
# How far back the sentence before is read.
SENTENCE_BEFORE_WINDOW = 300


def _owner_in_sentence_before(
    sentence_start: int, sentence: str, person: str, context: ItemContext
) -> Organisation | Entity | None:
    """The listed body the sentence before names, for an office the person's sentence gives with "its"
    or "for the group" in place of the body: "The Red Cross said ... Its spokesman, Omar Reid, said"."""
    opening = _UNNAMED_OWNER_OFFICE.match(sentence, 0, max(0, sentence.find(person)))
    if opening is None or sentence_start <= 0:
        return None
    office = (opening.group("office") or opening.group("office_for")).lower()
    if office not in ROLE_WORDS:
        return None
    before = context.text[max(0, sentence_start - SENTENCE_BEFORE_WINDOW) : sentence_start]
    previous = _sentence_around(before, max(0, len(before.rstrip()) - 2))
    return known_organisation(previous, context) if previous.strip() else None


def _sentence_around(window: str, position: int) -> str:
    start = max(_sentence_stop(window, 0, position, last=True), window.rfind("\n", 0, position)) + 1
    ends = [i for i in (_sentence_stop(window, position, len(window)), window.find("\n", position)) if i >= 0]
    return window[start : min(ends) if ends else len(window)]


# A title's abbreviation before a name ("Col. Ode Mensah", "Usec. Ana Cruz"): its full stop ends
# no sentence.
_WORD_BEFORE_STOP = re.compile(r"(?P<word>[A-Za-z]+)$")


def _sentence_stop(window: str, start: int, end: int, *, last: bool = False) -> int:
    """Where the first (or `last`) full stop that ends a sentence stands in window[start:end], or -1."""
    stops = [match.start() for match in re.finditer(r"\. ", window[start:end])]
    for stop in reversed(stops) if last else stops:
        word = _WORD_BEFORE_STOP.search(window, 0, start + stop)
        # "Larry L. Leitha": an initial's full stop ends no sentence either
        if word is None or (
            word.group("word").lower() not in TITLE_ABBREVIATIONS and len(word.group("word")) > 1
        ):
            return start + stop
    return -1
