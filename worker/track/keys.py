"""Keys that group claims: the subject a figure is about, and the series of one source's figure.

A series is "this source's count of this thing for this event": its key is built from the claim's
resolved parts (docs/tracking.md), never from the strings as written:

    v8|<country>|<kind>|<category>|<counted>|<place>|<source>

- country: ISO code of the figure's place (or the item's event place); "xx" when unknown;
- kind: the kind of happening the item reports (earthquake, storm-flood, conflict, protest, ...;
  "" when it names none), so a quake's toll never chains into a typhoon's in the same country;
- place: "" when the figure is about the event as a whole (no place in its sentence, the item's
  event place itself, or a whole country); else the gazetteer id of the region or town the
  sentence gives, so a region's figure never updates the country's;
- source: the resolved entity id (`worker.track.identity`).

The subject key is the series key without the source. The worker keys `claims.extracted` by
`v8|<country>|<family>` (`partition_key`): coarse enough that one tracker partition owns every
series that can link or conflict with another, since both need the same country and category.
Claims written before resolution existed (no resolved fields) fall back to the written place and
source name. `SERIES_KEY_VERSION` is bumped whenever a key could move: keys of two versions never
merge silently.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache

import pycountry

from worker.extract.lexicon import SEVERITY_WORDS
from worker.extract.places import NATIONAL_SCOPE, find_places, fold, gazetteer
from worker.knowledge import organisations
from worker.models import ClaimEvent, ResolvedPlace
from worker.track.identity import STATE_SOURCES, SUBNATIONAL_WORDS, item_context
from worker.track.normalize import (
    FACILITY_NOUNS,
    KEY_SEPARATOR,
    PEOPLE_CATEGORIES,
    PERSON,
    UNSPECIFIED,
    counted_thing,
    is_increment,
    place_name,
    source_name,
)

SERIES_KEY_VERSION = 31
KEY_PREFIX = f"v{SERIES_KEY_VERSION}"
UNKNOWN_COUNTRY = "xx"
# Units of figures that are measurements of one happening, not counts that move (a quake's magnitude,
# an epicentre's distance), and shares, whose whole the text rarely names ("8% of teachers", "30% of
# homes"): two percentages under one key are most often of different wholes.
UNTRACKED_UNITS = frozenset({"magnitude", "km", "mi", "m", "cm", "mm", "ft", "in", "percent"})

# The place part of a sub-national source's figure when the text does not say which area: its own,
# so it neither chains into nor disputes a national body's figure for the whole event.
OWN_AREA_PREFIX = "area-of:"
# The place part of a figure its sentence limits to the areas one side of a conflict holds
# ("in government-held areas", "towns under the control of rebels"): part of the country,
# never disputing or updating a count for the whole of it.
HELD_AREAS = "held-areas"
_SIDE = (
    r"(?:the\s+)?(?:(?!and\b)[\w-]+\s+){0,3}?"
    r"(?:government|regime|rebels?|opposition|insurgents?|militants?)\b(?!\s+and\b)"
)
_HELD_BY_ONE_SIDE = re.compile(
    r"\b(?:government|regime|rebel|opposition|insurgent|militant)[- ](?:held|controlled)\b"
    rf"|\b(?:held|controlled)\s+by\s+{_SIDE}|\bunder\s+the\s+control\s+of\s+{_SIDE}",
    re.IGNORECASE,
)
# The place part of a running total for a calendar period ("2,300 have died crossing the sea so far
# this year"): a subject apart from the toll of any one happening the item reports, so the two
# neither chain nor dispute; its written place, when it has one, follows after a colon.
YEAR_TO_DATE = "year-to-date"
_YEAR_TO_DATE = re.compile(
    r"\b(?:so\s+far\s+(?:this\s+year|in\s+20\d\d)|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year"
    r"|since\s+(?:early\s+)?January\b(?!\s+\d)|year[- ]to[- ]date|this\s+year\s+alone)\b",
    re.IGNORECASE,
)
# "the deadliest so far this year": a ranking among the period's happenings, not a running total.
_RANKED_BEFORE = re.compile(
    r"\b(?:deadliest|bloodiest|costliest|worst|largest|biggest|highest|strongest|heaviest|busiest|longest|"
    r"hottest|wettest|driest|coldest|fiercest|most)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "officials from the rebel-held north": where the source is, not what the figure covers.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _runs_for_the_year(sentence: str, quantity_text: str) -> bool:
    """Whether the clause of a figure counts it over the calendar year so far."""
    clause = next((part for part in sentence.split(";") if quantity_text in part), sentence)
    period = _YEAR_TO_DATE.search(clause)
    return period is not None and _RANKED_BEFORE.search(clause, 0, period.start()) is None


def _limits_to_held_areas(sentence: str) -> bool:
    """Whether a sentence limits its figures to the areas one side holds ("in government-held
    areas"), not only says where its source is ("citing officials from the rebel-held north")."""
    return any(
        _FROM_BEFORE.search(sentence, max(0, held.start() - 30), held.start()) is None
        for held in _HELD_BY_ONE_SIDE.finditer(sentence)
    )


# Words that open the breakdown of a total into its parts.
_BREAKDOWN = re.compile(
    r"\b(?:including|includ(?:es|ed)|among\s+(?:them|whom|those)|of\s+(?:whom|which|those|them)"
    r"|consisting\s+of|comprising|made\s+up\s+of)\b",
    re.IGNORECASE,
)
_PART_OF_A_SET_AFTER = re.compile(r"\s+of\s+(?:the|them|those|these|whom)\b", re.IGNORECASE)
# A count of households given with the people they hold ("4,000 families or 17,500 people"): one
# figure in two units, of which the people are the count sources keep and compare.
_HOUSEHOLDS_THEN_PEOPLE = re.compile(
    r"\s*(?:families|households)\s*(?:\(|,|/|\bor\b|\bwith\b)\s*(?:some\s+|about\s+)?\d[\d,.]*"
    r"(?:\s+(?:million|thousand))?\s+(?:people|persons|individuals|residents)\b",
    re.IGNORECASE,
)
# Marks the counted part of a day's increment ("22 in the last 24 hours"): such a figure is not
# tracked, but states written before that rule may hold series with it.
INCREMENT_SUFFIX = ":increment"
# The source part of a figure the text credits to no one ("the toll rose to 80"): it opens no series
# of its own but may continue the one series that already counts its subject (store.SeriesStore).
UNATTRIBUTED = "unattributed"


@dataclass(slots=True, frozen=True)
class SeriesParts:
    """The normalised parts of a series key, in key order after the version."""

    category: str
    counted: str
    place: str
    source: str
    country: str = UNKNOWN_COUNTRY
    kind: str = ""
    # Joined once here: the tracker reads the keys several times per claim.
    subject_key: str = field(init=False, repr=False, compare=False)
    series_key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        subject = KEY_SEPARATOR.join(
            (KEY_PREFIX, self.country, self.kind, self.category, self.counted, self.place)
        )
        object.__setattr__(self, "subject_key", subject)
        object.__setattr__(self, "series_key", KEY_SEPARATOR.join((subject, self.source)))

    @property
    def cumulative(self) -> bool:
        """Whether the figure is a running total (a toll) rather than a count of one day or one crowd."""
        return self.category != "protesting" and not self.counted.endswith(INCREMENT_SUFFIX)


def category_family(category: str) -> str:
    """Categories that may share subjects: a protest count, a people count, anything else."""
    if category == "protesting":
        return "protest"
    return "people" if category in PEOPLE_CATEGORIES else "other"


def _country(event: ClaimEvent) -> str:
    place = event.place or event.event_place
    return place.country.lower() if place is not None else UNKNOWN_COUNTRY


# Kinds of happening that strike one site: a shipwreck's or a blast's figures are the whole event's,
# whether a report places them in the town ("off Zuwara") or the country ("off Libya").
SINGLE_SITE_KINDS = frozenset({"accident"})


def _scope(place: ResolvedPlace | None, event_place: ResolvedPlace | None, kind: str | None = None) -> str:
    """ "" for the event as a whole, else the id of the region or town the figure is about."""
    if place is None or place.level == "country" or kind in SINGLE_SITE_KINDS:
        return ""
    if event_place is not None:
        if place.id == event_place.id:
            return ""
        # The region a city event lies in ("in West Java" for a quake centred on one of its towns);
        # not a region named after its own city ("in Paris" beside a march in Rennes, "in Porto"
        # beside one in Lisbon).
        if (
            event_place.level == "city"
            and place.level == "region"
            and place.country == event_place.country
            and not _city_region_apart(place, event_place)
        ):
            return ""
    return place.id


def _city_region_apart(region: ResolvedPlace, city: ResolvedPlace) -> bool:
    """Whether a region bears the name of a city of its country ("Paris", "Porto": the city's own
    region or district) and the event's city is another."""
    name = fold(region.name)
    if name == fold(city.name):
        return False
    return any(
        place.level == "city" and place.country == region.country
        for place in gazetteer().by_name.get(name, ())
    )


@cache
def _subnational_bodies() -> frozenset[str]:
    return frozenset(org.id for org in organisations() if org.subnational)


def is_subnational(source: str) -> bool:
    """Whether a resolved source speaks for one region or town of its country, not the whole."""
    if source in _subnational_bodies():
        return True
    if source in STATE_SOURCES:
        return True
    return source.startswith("generic:") and not SUBNATIONAL_WORDS.isdisjoint(source.split(":")[1].split())


def _sole_body_named(event: ClaimEvent) -> str | None:
    """The listed national or international body (worker/knowledge/organisations.json) a figure's
    own sentence names, when it names exactly one: "the agency's records listed 144 deaths", "the
    council on Saturday put the toll at 3,600" give their source in a form the attribution stage
    does not read as one."""
    place = event.place or event.event_place
    context = item_context(event.evidence.sentence, place.country if place is not None else None)
    bodies = list(context.bodies())
    # A provincial body's figure needs the province it is paired with, which only the
    # attribution stage reads ("the provincial authority of X"): such figures stay unattributed.
    if len(bodies) != 1 or bodies[0].subnational:
        return None
    return bodies[0].id


def _names_two_countries(sentence: str, country: str | None) -> bool:
    """Whether a sentence names places in two or more countries. A name several countries use
    ("Punjab") is read as the claim's country's when that country has it."""
    return len({mention.place.country for mention in find_places(sentence, country=country)}) >= 2


def _joins_countries(sentence: str, country: str | None, quantity_text: str) -> bool:
    """Whether the figure's clause joins places of two countries into one ("the toll in Velmora and
    Tarsa", "Velmora, Tarsa and Ostland"): a figure for them together is no one country's count.
    Places joined in another clause ("..., and warned it could spread to Tarsa and Ostland") are not
    the figure's."""
    mentions = find_places(sentence, country=country)
    figure_start = sentence.find(quantity_text)
    figure_end = figure_start + len(quantity_text)
    for first, second in itertools.pairwise(mentions):
        join = _PLACE_JOIN.fullmatch(sentence, first.end, second.start)
        if first.place.country == second.place.country or join is None:
            continue
        # "near Sonora, the Tuolumne County sheriff": a comma alone joins countries in a list, but
        # after a town it most often adds where the town lies or who speaks there
        comma_alone = _JOINING_WORD.search(join.group()) is None
        if comma_alone and "country" not in (first.place.level, second.place.level):
            continue
        if figure_start < 0:
            return True
        between = (figure_end, first.start) if first.start >= figure_end else (second.end, figure_start)
        if _CLAUSE_APART.search(sentence, *between) is None:
            return True
    return False


# What sets a clause apart from the figure's: "...704 deaths, and warned that ...", "; ...".
_CLAUSE_APART = re.compile(r";|,\s+(?:and|but|while|whereas|although|though)\s|\bthat\s")


_JOINING_WORD = re.compile(r"and|&")
_PLACE_JOIN = re.compile(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?")


def _is_households_of_people(event: ClaimEvent) -> bool:
    sentence = event.evidence.sentence
    at = sentence.find(event.quantity_text)
    return at >= 0 and _HOUSEHOLDS_THEN_PEOPLE.match(sentence, at + len(event.quantity_text)) is not None


def _is_money(counted: str) -> bool:
    """Whether a counted thing is an amount of money with no purpose named: "usd", not "usd:aid"."""
    return ":" not in counted and pycountry.currencies.get(alpha_3=counted.upper()) is not None


def _is_breakdown(event: ClaimEvent) -> bool:
    """Whether a figure is a part of a total its sentence gives before it ("540 dead, including 200
    children", "of whom 30 were women"): reported with the total, it is not a figure any source
    keeps on its own. A subgroup counted for itself ("40 children died") is not a breakdown."""
    sentence = event.evidence.sentence
    at = sentence.find(event.quantity_text)
    return at > 0 and _BREAKDOWN.search(sentence, 0, at) is not None


def _is_part_of_a_set(event: ClaimEvent) -> bool:
    """Whether a figure counts a part of a set named after it ("14 of the injured were in critical
    condition", "two of them died"): whatever it counts, never the set's own total."""
    sentence = event.evidence.sentence
    at = sentence.find(event.quantity_text)
    return at >= 0 and _PART_OF_A_SET_AFTER.match(sentence, at + len(event.quantity_text)) is not None


def subject_parts(event: ClaimEvent) -> tuple[str, str, str, str, str]:
    """Country, kind, category, counted thing and place of a claim: the subject every source shares."""
    counted = counted_thing(event.counted, event.unit, event.category)
    if counted == PERSON:
        counted += _foreign_nationals(event)
    if is_increment(event.evidence.sentence, event.quantity_text):
        counted += INCREMENT_SUFFIX
    if event.place is None and event.event_place is None:
        place = place_name(event.location)
    else:
        place = _scope(event.place, event.event_place, event.event_kind) or _national_beside_local(event)
    if _runs_for_the_year(event.evidence.sentence, event.quantity_text):
        place = f"{YEAR_TO_DATE}:{place}" if place else YEAR_TO_DATE
    return (_country(event), event.event_kind or "", event.category, counted, place)


def _foreign_nationals(event: ClaimEvent) -> str:
    """ ":eg" for people counted by another country's nationality than the claim's country ("323
    Egyptians died" in Saudi Arabia): a count of one nationality abroad is not the count of everyone
    there. People of the claim's own country ("Palestinians" in Gaza) are everyone it counts: ""."""
    country = _country(event)
    if country == UNKNOWN_COUNTRY:
        return ""  # whose nationals are foreign is unknown where no country is
    for word in (event.counted or "").split():
        code = gazetteer().country_of_adjective(word) if word[:1].isupper() else None
        if code is not None and code.lower() != country:
            return f":{code.lower()}"
    return ""


def _national_beside_local(event: ClaimEvent) -> str:
    """The country's id for a figure its sentence calls the whole country's ("72 have died
    nationwide") in an item about one city or region of it: the country's count is not the local
    event's, so the two neither chain nor dispute. "" otherwise (a country's figure is the event's)."""
    place, event_place = event.place, event.event_place
    if (
        place is None
        or event_place is None
        or place.level != "country"
        or event_place.level == "country"
        or event_place.country != place.country
        or NATIONAL_SCOPE.search(event.evidence.sentence) is None
    ):
        return ""
    return place.id


def subject_key(event: ClaimEvent) -> str:
    """Country, category, counted thing and place, joined; the same for every source."""
    return KEY_SEPARATOR.join((KEY_PREFIX, *subject_parts(event)))


def series_parts(event: ClaimEvent) -> SeriesParts | None:
    """The series a claim belongs to, or None when there is none to join (`_is_tracked_figure`,
    `_is_tracked_count`). A figure the text credits to no one (or to a mention that names no one)
    gets the source `UNATTRIBUTED`."""
    source = _series_source(event)
    if not _is_tracked_figure(event, source):
        return None
    country, kind, category, counted, place = subject_parts(event)
    if not _is_tracked_count(event, category, counted):
        return None
    if not place and _limits_to_held_areas(event.evidence.sentence):
        place = HELD_AREAS
    if not place and is_subnational(source):
        # "the provincial disaster authority said 40 died": one province's toll, not the event's.
        place = OWN_AREA_PREFIX + source
    return SeriesParts(
        category=category, counted=counted, place=place, source=source, country=country, kind=kind
    )


def credited_series_parts(event: ClaimEvent) -> SeriesParts | None:
    """The series a claim opens by itself: its `series_parts` when it is credited to a source. A
    figure credited to no one joins a named body's series or none (`SeriesStore.track`)."""
    parts = series_parts(event)
    return parts if parts is not None and parts.source != UNATTRIBUTED else None


def _series_source(event: ClaimEvent) -> str:
    source = UNATTRIBUTED
    if event.source is not None:
        resolved = event.resolved_source
        source = source_name(resolved.id if resolved is not None else event.source.normalized) or UNATTRIBUTED
    if source == UNATTRIBUTED:
        source = _sole_body_named(event) or UNATTRIBUTED
    return source


def _is_tracked_figure(event: ClaimEvent, source: str) -> bool:
    """False for a total of two countries together, a share and households restated as people."""
    sentence, country_code = event.evidence.sentence, _country(event).upper()
    if source == UNATTRIBUTED and _names_two_countries(sentence, country_code):
        # "the toll in Velmora and Tarsa passed 900": a combined count no single body keeps.
        return False
    # Whoever gives it, a total for two countries together would sit in one country's series and
    # update or dispute that country's own count. A share's whole is rarely named ("8% of homes").
    return not (
        _joins_countries(sentence, country_code, event.quantity_text)
        or event.unit == "percent"
        or _is_households_of_people(event)
    )


def _is_tracked_count(event: ClaimEvent, category: str, counted: str) -> bool:
    """False for a subgroup given as the breakdown of a total or by severity, a count of facilities,
    a day's increment, an uncategorised count without a unit, a measurement of one happening and money
    whose purpose the text does not name.

    Uncategorised counts without a unit ("12 provinces", "300 houses", "a 5.6 magnitude"): the
    counted noun the extractor gives them is too unreliable to identify a series, and tracking them
    opened more series than every casualty and crowd count together. Amounts of money and measures
    (a unit) are tracked, each currency and unit apart from any toll.
    """
    if category in PEOPLE_CATEGORIES and (
        (counted != "person" and _is_breakdown(event))
        or _is_part_of_a_set(event)
        or counted.rsplit(" ", 1)[-1] in FACILITY_NOUNS
    ):
        return False
    if category in PEOPLE_CATEGORIES and counted in SEVERITY_WORDS:
        # "nine slightly injured in one district": the injured total broken down by how badly
        return False
    if counted.endswith(INCREMENT_SUFFIX):
        # "another 22 died overnight": the gap between two of the source's totals, not a figure it keeps.
        return False
    if category != "other":
        return True
    if event.unit is None or counted.startswith(UNSPECIFIED) or counted.partition(":")[0] in UNTRACKED_UNITS:
        return False
    # "P761 million", then "P51 million" a day later: with nothing saying what either amount is for
    # (damage to farms, to roads, aid), one source's amounts would chain as updates of one.
    return not _is_money(counted)


def parse_series_key(key: str) -> SeriesParts:
    """The parts of a series key written by this version; ValueError for any other key."""
    fields = key.split(KEY_SEPARATOR)
    if len(fields) != 7 or fields[0] != KEY_PREFIX:
        raise ValueError(f"not a {KEY_PREFIX} series key: {key!r}")
    return SeriesParts(
        country=fields[1],
        kind=fields[2],
        category=fields[3],
        counted=fields[4],
        place=fields[5],
        source=fields[6],
    )


def partition_key(event: ClaimEvent) -> bytes:
    """The Kafka message key of a claim event: version, country and category family."""
    return KEY_SEPARATOR.join((KEY_PREFIX, _country(event), category_family(event.category))).encode("utf-8")
