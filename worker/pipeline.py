"""The one path from a wire item to its claim events, shared by `extract`, `worker` and `replay`.

Pure: no Kafka, no I/O. The same item always yields the same events (same ids, same bytes), which
is what makes a replay safe to de-duplicate downstream.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from worker import __version__
from worker.extract import extract_claims, find_figures
from worker.extract.attribution import sentence_subject
from worker.extract.language import EXTRACTED_LANGUAGE, detect_language
from worker.extract.places import (
    TALLY_VERB_AFTER,
    ItemPlaces,
    Place,
    find_places,
    fold,
    foreign_namesake,
    gazetteer,
    item_places,
)
from worker.extract.sentences import split_sentences
from worker.extract.sources import normalize_source
from worker.extract.types import Claim
from worker.ingest.clean import CleanedText, clean_body
from worker.limits import DEFAULT_LIMITS, ItemLimits, LimitExceeded
from worker.models import (
    ClaimEvent,
    ClaimSource,
    Evidence,
    ResolvedPlace,
    ResolvedSource,
    WireItem,
    make_claim_id,
)
from worker.track.identity import (
    GENERIC_POLICE,
    GENERIC_PREFECTURE,
    PERSON_PREFIX,
    Entity,
    ItemContext,
    city_police,
    item_context,
    relayed_agency,
    resolve_source,
)

EXTRACTOR_VERSION = __version__
# Marks evidence cut short on one side of the figure.
ELLIPSIS = "…"
# A headline's figure and the body's figure at the same offsets are two claims: their ids differ.
HEADLINE_ID_SUFFIX = "#headline"

# What `max_numbers_per_sentence` counts: runs of digits ("1,250", "3.5") and number words, each
# scanned on its own (digits lead one, lower-cased words the other: both scan fast).
_DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozens?|scores?)\b"
)

# The extractor's rules are written for English; an item in another language would give wrong claims
# ("3,5 millions de manifestants" read as 3.5), so it is passed over. The item's own `language` tag
# decides; without one, the detector reads this many characters of the cleaned body (enough to be
# sure, and a bounded cost whatever the item's length).
DETECTION_PREFIX_CHARS = 600
NOT_ENGLISH = "not_english"


@dataclass(frozen=True, slots=True)
class Skip:
    """Why an item was passed over without extraction: a stable `reason` (a metric label) and a
    `detail` for the log line ("language 'fr' (item field)")."""

    reason: str
    detail: str


@dataclass(slots=True)
class Extraction:
    """One item's claim events, or why it was skipped (then `events` is empty)."""

    events: list[ClaimEvent] = field(default_factory=list)
    skipped: Skip | None = None


def process_item(item: WireItem, limits: ItemLimits = DEFAULT_LIMITS) -> list[ClaimEvent]:
    """Clean the item's body, extract its claims and turn each into a claim event (none for an
    item `extract_item` skips)."""
    return extract_item(item, limits).events


def extract_item(item: WireItem, limits: ItemLimits = DEFAULT_LIMITS) -> Extraction:
    """The item's claim events, or the reason it is passed over (an item not in English).

    Raises `LimitExceeded` for an item past `limits` (a run-on sentence, a sentence that is a list
    of numbers, a figure beyond float range), before the extractor's per-figure work on it.
    """
    cleaned = clean_body(item.body, headline=item.headline)
    skipped = language_skip(item, cleaned.text)
    if skipped is not None:
        return Extraction(skipped=skipped)
    sentences = split_sentences(cleaned.text)
    _check_sentences(cleaned.text, sentences, limits)
    figures = find_figures(cleaned.text, sentences)
    if not figures:
        return Extraction()  # no figure to place or credit: the item-wide reading is skipped
    # Sources and places are resolved here, once per item, because resolution needs the whole
    # item: the acronyms it defines, the people it introduces with their office, its event place.
    # The cleaned text opens with the headline when the item has one: the places are read in the
    # body, with the headline apart, as the headline weighs more in telling the event's place and kind.
    body_start = cleaned.body_start
    where = item_places(cleaned.text[body_start:], item.headline, cleaned.dateline_place).shifted(body_start)
    # A figure whose sentence names no place is about the item's event place, never the dateline:
    # the bureau's city is where the reporter sits.
    fallback = fallback_name(where)
    resolver = _ItemResolver(
        item_context(cleaned.text, where.country, where.countries),
        where,
        # the headline is no sentence of the running text: no body speaks "before" the first one
        [start for start, _ in sentences if start >= cleaned.headline_end],
    )
    events = [
        _to_event(item, cleaned, claim, resolver, limits=limits)
        for claim in extract_claims(
            cleaned.text,
            location=fallback,
            country=country_name(where),
            sentences=sentences,
            place_mentions=where.text_mentions,
            figures=figures,
        )
    ]
    return Extraction(events=_parents_as_their_agency(events, resolver))


def _parents_as_their_agency(events: list[ClaimEvent], resolver: _ItemResolver) -> list[ClaimEvent]:
    """Counts of people credited to a parent body alone ("the UN said 300 died") in an item that
    credits one agency of it with counts of the same kind (OCHA's toll) are that agency's: the item
    relays its count (`identity.relayed_agency`). Counts of things are left alone: "the WHO sent 12
    ambulances" says nothing of whose toll the UN gave."""
    credited: dict[str, set[str]] = {}  # category -> the sources credited with counts of it
    for event in events:
        if event.resolved_source is not None and event.category != "other":
            credited.setdefault(event.category, set()).add(event.resolved_source.id)
    if not any(len(sources) > 1 for sources in credited.values()):
        return events
    relayed: list[ClaimEvent] = []
    for event in events:
        source, resolved = event.source, event.resolved_source
        agency = (
            relayed_agency(source.text, resolved.id, resolved.speaker, credited.get(event.category, ()))
            if source is not None and resolved is not None
            else None
        )
        relayed.append(
            event
            if agency is None or source is None
            else event.model_copy(
                update={"resolved_source": resolver.resolved_source(agency, source.normalized)}
            )
        )
    return relayed


@dataclass(slots=True)
class _ItemResolver:
    """Source and place resolution for one item, each mention resolved once: an item's figures
    mostly share a handful of sources, and resolving one runs every identity rule over it."""

    context: ItemContext
    where: ItemPlaces
    sentence_starts: list[int] = field(default_factory=list)
    fallback: str | None = field(init=False)  # `fallback_name(where)`, read for every figure
    _claim_sources: dict[tuple[str, str, str], ClaimSource] = field(default_factory=dict)
    _resolved_sources: dict[tuple[str, str, str | None], ResolvedSource] = field(default_factory=dict)
    _entities: dict[tuple[str, str, str], Entity | None] = field(default_factory=dict)
    _jurisdictions: dict[str, Place | None] = field(default_factory=dict)
    _police: dict[str, Entity | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.fallback = fallback_name(self.where)

    def entity(self, text: str, normalized: str, kind: str, place_country: str | None) -> Entity | None:
        """The mention's entity, resolved at its first figure: a mention the item repeats ("the
        territory's health ministry", then "the ministry" read as it) is one body however its later
        figures are placed."""
        key = (text, normalized, kind)
        if key not in self._entities:
            self._entities[key] = resolve_source(text, normalized, kind, self.context, place_country)
        return self._entities[key]

    def subject_of_sentence(self, text: str, sentence_start: int) -> Entity | None:
        """The body a sentence opens with, for an unnamed spokesperson who speaks for it: "The
        coastguard rescued 58 people, a spokesperson said" is the coastguard's count. When the
        spokesperson opens the sentence, the body the sentence before opens with: "The army said
        it struck 52 targets. A spokesman said 14 fighters were killed"."""
        return self._subject_entity(text, sentence_start) or self.subject_before(text, sentence_start)

    def subject_before(self, text: str, sentence_start: int) -> Entity | None:
        """The body the sentence before opens with (None for a person): "The Taliban administration
        said ... Deputy spokesman Hamdullah Fitrat said" is the administration's spokesman."""
        before = bisect_left(self.sentence_starts, sentence_start) - 1
        if before < 0:
            return None
        entity = self._subject_entity(text, self.sentence_starts[before])
        return None if entity is None or entity.id.startswith(PERSON_PREFIX) else entity

    def _subject_entity(self, text: str, sentence_start: int) -> Entity | None:
        subject = sentence_subject(text, sentence_start)
        if subject is None:
            return None
        normalized, kind = normalize_source(subject)
        return self.entity(subject, normalized, kind, None)

    def claim_source(self, text: str, normalized: str, kind: str) -> ClaimSource:
        """The event's copy of a source mention: one (immutable) model per mention of the item, as
        an item's figures mostly share a handful of sources."""
        key = (text, normalized, kind)
        model = self._claim_sources.get(key)
        if model is None:
            model = self._claim_sources[key] = ClaimSource(text=text, normalized=normalized, type=kind)
        return model

    def resolved_source(self, entity: Entity | None, normalized: str) -> ResolvedSource:
        """The event's model of a source's entity; a mention that names no one ("Tuesday evening")
        resolves to the empty id: no series."""
        key = (entity.id, entity.name, entity.speaker) if entity else ("", normalized, None)
        model = self._resolved_sources.get(key)
        if model is None:
            model = self._resolved_sources[key] = (
                ResolvedSource(id=entity.id, name=entity.name, speaker=entity.speaker)
                if entity
                else ResolvedSource(id="", name=normalized)
            )
        return model

    def local_force(self, entity: Entity, place: Place) -> Entity:
        """The listed police force of the city a generic police source speaks in: "police said
        119,000 marched" in Paris is the city's force, which keeps its own count, and so is "the
        prefecture" there when that force is the city's police prefecture."""
        if entity.id not in (GENERIC_POLICE, GENERIC_PREFECTURE):
            return entity
        if place.id not in self._police:
            self._police[place.id] = city_police(place.name, place.country)
        force = self._police[place.id]
        if force is None or (entity.id == GENERIC_PREFECTURE and "prefecture" not in force.name):
            return entity
        return force

    def jurisdiction(self, source_text: str) -> Place | None:
        """The first region or city a source's own name holds ("the Westland provincial police"),
        in the item's country when it has one: "the National Unity Government" of an item about
        Myanmar holds no South Sudanese state."""
        if source_text not in self._jurisdictions:
            country = self.where.country
            self._jurisdictions[source_text] = next(
                (
                    mention.place
                    for mention in find_places(source_text, country=country)
                    if mention.place.level != "country" and country in {None, mention.place.country}
                ),
                None,
            )
        return self._jurisdictions[source_text]


# An invented item that touches every lazily loaded table: the gazetteer, the organisation data,
# the language detector and the extractor's patterns.
_WARM_UP_ITEM = WireItem(
    id="warm-up",
    body="Rescuers in Kenya said on Monday that at least 12 people died in the floods, the ministry said.",
)


def warm_up() -> None:
    """Load what the first item would otherwise load (about two seconds), so that the per-item time
    limit measures extraction and a restarted extraction child is ready when it says so."""
    extract_item(_WARM_UP_ITEM)


def language_skip(item: WireItem, text: str) -> Skip | None:
    """A `Skip` when the item is not in English: by its `language` tag ("fr", "de-CH"), else by the
    detector on the start of its cleaned text. Text the detector is unsure of is extracted."""
    if item.language and item.language.strip():
        primary = item.language.strip().split("-")[0].split("_")[0].lower()
        if primary == EXTRACTED_LANGUAGE:
            return None
        return Skip(NOT_ENGLISH, f"language {item.language.strip()!r} (item field)")
    detected = detect_language(text[:DETECTION_PREFIX_CHARS])
    if detected is None or detected == EXTRACTED_LANGUAGE:
        return None
    return Skip(NOT_ENGLISH, f"language {detected!r} (detected)")


def _check_sentences(text: str, sentences: list[tuple[int, int]], limits: ItemLimits) -> None:
    for start, end in sentences:
        if end - start > limits.max_sentence_chars:
            raise LimitExceeded(
                "sentence_too_long",
                f"a sentence of {end - start} characters at {start} "
                f"(the limit is {limits.max_sentence_chars})",
            )
        if (end - start + 1) // 2 <= limits.max_numbers_per_sentence:
            continue  # two numbers need at least one character between them: too short to hold more
        numbers = len(_DIGIT_RUN.findall(text, start, end))
        # A number word takes three letters or more and a character before the next one, none of
        # them a digit: with its digits, a sentence in ASCII (which lowers to the same length) too
        # short to hold more words than the limit leaves is spared the scan for them.
        if (
            numbers + (end - start + 1 - numbers) // 4 <= limits.max_numbers_per_sentence
            and text[start:end].isascii()
        ):
            continue
        numbers += len(_NUMBER_WORD.findall(text[start:end].lower()))
        if numbers > limits.max_numbers_per_sentence:
            raise LimitExceeded(
                "too_many_numbers",
                f"a sentence with {numbers} numbers at {start} "
                f"(the limit is {limits.max_numbers_per_sentence})",
            )


# The office of a place named by a possessive: "its governor", "the region's governor", "the
# state's chief minister".
_PLACE_OFFICES = r"(?i:governor|mayor|chief\s+minister|premier|administrator|prefect)"
_OFFICE_OF_A_PLACE = re.compile(
    r"(?i:its|the\s+(?:region|state|province|city|county|district|oblast|prefecture)['’]s)\s+"
    rf"(?P<office>{_PLACE_OFFICES})"
)


# The office of a place named by its name: "Hawaii's governor", "the governor of Cebu".
_OFFICE_OF_A_NAMED_PLACE = re.compile(
    rf"(?:(?i:the)\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})['’]s\s+(?P<office>{_PLACE_OFFICES})"
    rf"|(?i:the)\s+(?P<office_of>{_PLACE_OFFICES})\s+of\s+(?P<place_of>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})"
)


def _office_of_a_place(source: str, place: Place | None, country: str | None) -> Entity | None:
    """The office of a region or town, one source whoever holds it: "its governor" of the region
    the figure is placed in, "Hawaii's governor" of the one it names. A country's head is its
    government's, read by the identity rules."""
    title: str | None = None
    own = _OFFICE_OF_A_PLACE.fullmatch(source)
    if own is not None:
        title = own.group("office")
    else:
        named = _OFFICE_OF_A_NAMED_PLACE.fullmatch(source)
        if named is not None:
            title = named["office"] or named["office_of"]
            place = gazetteer().lookup(named["place"] or named["place_of"], country)
    if title is None or place is None or place.level == "country":
        return None
    key = title.lower().replace(" ", "-")
    return Entity(id=f"office:{place.id}:{key}", name=f"{fold(place.name)} {key}")


def _listed_place(claim: Claim, where: ItemPlaces, fallback: str | None, text: str) -> Place | None:
    """The gazetteer's place for the claim's written location, or None when it has none or lists it
    only abroad as a namesake of an unlisted place at home."""
    if claim.location is not None and claim.location == fallback:
        return where.event_place  # looked up already, with its place id
    place = gazetteer().lookup(claim.location, where.country) if claim.location else None
    if place is not None and foreign_namesake(where, place, text):
        return None  # "near Sonora" in a California item: the town, made as an unlisted place
    return place


def evidence_window(text: str, claim: Claim, context_chars: int) -> str:
    """The claim's sentence cut to `context_chars` on each side of its figure, at word boundaries,
    with an ellipsis where it was cut: every claim of a long sentence would otherwise copy it all."""
    left = claim.start - context_chars
    right = claim.end + context_chars
    if left <= claim.sentence_start:
        prefix, left = "", claim.sentence_start
    else:
        space = text.find(" ", left, claim.start)
        prefix, left = ELLIPSIS, (space + 1 if space >= 0 else left)
    if right >= claim.sentence_end:
        suffix, right = "", claim.sentence_end
    else:
        space = text.rfind(" ", claim.end, right)
        suffix, right = ELLIPSIS, (space if space >= 0 else right)
    return prefix + text[left:right] + suffix


# A spokesperson the text does not name or place: "a spokesperson said", "a company spokesman".
# A spokesperson's title with no body, opening a sentence before the name.
_TITLED_SPOKESPERSON = re.compile(
    r"\W*(?:(?:deputy|chief|senior|principal|acting)\s+)?spokes(?:man|woman|person)\s+", re.IGNORECASE
)


def _opens_with_titled_spokesperson(text: str, sentence_start: int, name: str) -> bool:
    title = _TITLED_SPOKESPERSON.match(text, sentence_start)
    return title is not None and text.startswith(name, title.end())


_UNNAMED_SPOKESPERSON = re.compile(r"(?:an?|the)\s+(?:[a-z]+\s+)?spokes(?:man|woman|person)", re.IGNORECASE)


def country_name(where: ItemPlaces) -> str | None:
    """The name of the item's country, for a figure its sentence says is the whole country's."""
    place = gazetteer().by_id.get(f"iso:{where.country}") if where.country else None
    return place.name if place is not None else None


def fallback_name(where: ItemPlaces) -> str | None:
    """The place a figure gets when its sentence names none: the item's event place, unless that is
    only the dateline's country (the claim event's place still carries it, for its series key)."""
    if where.event_place is None or where.from_dateline:
        return None
    return where.event_name or where.event_place.name


# Each place's event model, built once: the models are immutable, and the same gazetteer places
# recur across items (every claim of an item carries its event place).
_RESOLVED_PLACES: dict[Place, ResolvedPlace] = {}
_RESOLVED_PLACES_SIZE = 4096


def _resolved_place(place: Place | None) -> ResolvedPlace | None:
    if place is None:
        return None
    model = _RESOLVED_PLACES.get(place)
    if model is None:
        if len(_RESOLVED_PLACES) >= _RESOLVED_PLACES_SIZE:
            _RESOLVED_PLACES.clear()
        model = _RESOLVED_PLACES[place] = ResolvedPlace(
            id=place.id, name=place.name, level=place.level, country=place.country, parent=place.parent
        )
    return model


def _capital_as_subject(text: str, sentence_start: int, figure_start: int, name: str) -> bool:
    """Whether the figure's clause opens with the capital as its subject: "Nairobi leads with 21",
    "According to the commission, Velmar had 21 of the deaths"."""
    at = text.find(name, sentence_start, figure_start)
    if at < 0 or not (at == sentence_start or text[sentence_start:at].rstrip().endswith(",")):
        return False
    verb = TALLY_VERB_AFTER.match(text, at + len(name))  # no end bound: "had" looks ahead at the figure
    return verb is not None and verb.end() <= figure_start


def _to_event(
    item: WireItem,
    cleaned: CleanedText,
    claim: Claim,
    resolver: _ItemResolver,
    *,
    limits: ItemLimits,
) -> ClaimEvent:
    for figure in (claim.value, claim.value_high):
        if figure is not None and not math.isfinite(figure):
            # Not a count of anything; a capped number would be read downstream as a real figure.
            raise LimitExceeded(
                "value_out_of_range", f"the figure {claim.quantity_text[:40]!r} is beyond float range"
            )
    start, end = cleaned.original_span(claim.start, claim.end)
    in_headline = claim.start < cleaned.headline_end
    source = claim.source
    where = resolver.where
    fallback = resolver.fallback
    place = _listed_place(claim, where, fallback, cleaned.text)
    stated = claim.location is not None and claim.location != fallback
    entity = (
        resolver.entity(
            source.text, source.normalized, source.type, place.country if stated and place else None
        )
        if source
        else None
    )
    if entity is None and source is not None and _UNNAMED_SPOKESPERSON.fullmatch(source.text):
        entity = resolver.subject_of_sentence(cleaned.text, claim.sentence_start)
    elif (
        entity is not None
        and source is not None
        and entity.id.startswith(PERSON_PREFIX)
        and _opens_with_titled_spokesperson(cleaned.text, claim.sentence_start, source.text)
    ):
        # "Deputy spokesman Hamdullah Fitrat said" opening a sentence, no body named: the
        # spokesman of the body the sentence before opens with
        entity = resolver.subject_before(cleaned.text, claim.sentence_start) or entity
    office = _office_of_a_place(source.text, place, where.country) if source is not None else None
    entity = office or entity
    if claim.location and place is None:
        # A village or district the gazetteer does not list: a place of its own in the item's
        # country ("XX", the ISO code for an unknown one, when the item names none).
        country = where.country or "XX"
        # a fire named after its site is that site: "the Eaton Fire" and "the Eaton fire" alike
        folded = fold(claim.location)
        site = folded.removesuffix(" fire") or folded
        place = Place(
            id=f"name:{country.lower()}:{site}",
            name=claim.location,
            level="city",
            country=country,
            parent=f"iso:{country}",
        )
    if source is not None and not stated and source.type != "person":
        # "the Westland provincial police", "authorities in Eastmarch district": a body named with
        # its region speaks for that region when the sentence names no other place. A person's
        # name holds no jurisdiction, even when it reads like a place ("Elmer Soria").
        jurisdiction = resolver.jurisdiction(source.text)
        if jurisdiction is not None:
            place = jurisdiction
    if entity is not None and place is not None and place.level != "country":
        entity = resolver.local_force(entity, place)
    if entity is not None and entity.area and not stated:
        # A body that works in one region only: its figures are that region's.
        place = gazetteer().by_id.get(entity.area, place)
    if (
        entity is not None
        and entity.country
        and place is not None
        and gazetteer().is_capital(place)
        and not _capital_as_subject(cleaned.text, claim.sentence_start, claim.start, place.name)
    ):
        # "the health ministry in Damascus said": the capital is where a national body sits. A
        # clause the capital opens as its subject ("Damascus had 21 of the deaths") is the capital's.
        place = gazetteer().by_id.get(f"iso:{entity.country}")
    # "Syria's health ministry said 1,400 died" in an item about a quake centred in Turkey: a
    # national body's figure is about its own country unless its sentence says otherwise.
    if (
        entity is not None
        and entity.country
        and not stated
        and not entity.area
        and (place is None or place.country != entity.country)
    ):
        place = gazetteer().by_id.get(f"iso:{entity.country}")
    return ClaimEvent(
        claim_id=make_claim_id(
            f"{item.id}{HEADLINE_ID_SUFFIX}" if in_headline else item.id,
            start=start,
            end=end,
            value=claim.value,
            value_high=claim.value_high,
            unit=claim.unit,
        ),
        item_id=item.id,
        feed=item.source,
        published_at=item.published_at,
        extractor_version=EXTRACTOR_VERSION,
        value=claim.value,
        value_high=claim.value_high,
        qualifier=claim.qualifier,
        unit=claim.unit,
        quantity_text=claim.quantity_text,
        counted=claim.counted,
        category=claim.category,
        source=resolver.claim_source(source.text, source.normalized, source.type) if source else None,
        cue=source.cue if source else None,
        location=claim.location,
        evidence=Evidence(
            sentence=evidence_window(cleaned.text, claim, limits.evidence_context_chars),
            start=start,
            end=end,
            field="headline" if in_headline else "body",
        ),
        resolved_source=None if source is None else resolver.resolved_source(entity, source.normalized),
        place=_resolved_place(place or where.event_place),
        event_place=_resolved_place(where.event_place),
        event_kind=where.event_kind,
        earlier_value=claim.earlier,
        projected_value=claim.projected,
    )
