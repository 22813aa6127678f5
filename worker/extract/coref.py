"""Which body or person a source phrase refers to, within one news item.

A wire story names a source once in full ("Norland's state-run transport ministry", "Water Board
spokesperson Lena Okafor") and then refers back to it: "the ministry", "it", "he", "Okafor". The
registry below keeps the entities named so far, in reading order, and resolves such references to
the fullest earlier mention, so every claim of one source carries one name and one series key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from worker.extract.places import POSSESSIVE_END, gazetteer
from worker.extract.reporting import (
    ACRONYM_RE,
    BODY_PRONOUNS,
    DESCRIPTIVE_ADJECTIVES,
    DESCRIPTIVE_COMPOUND_ENDINGS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    EPITHET_HEADS,
    LOWER_CASE_ACRONYM_WORDS,
    NAME_PARTICLES,
    NAME_TOKEN_RE,
    PARENTHESISED_ACRONYM_RE,
    PARTY_MEMBERS,
    PERSON_PRONOUNS,
    PERSON_ROLE_HEADS,
    PLURAL_PRONOUNS,
    SOURCE_HEADS,
    TITLE_WORDS,
    TRADE_EPITHETS,
    WORD_RE,
    word_set,
)
from worker.extract.sources import ALIAS_TABLE, normalize_source, personal_name

# Bodies the alias table knows by a description as well as a name: "the agency" can mean UNHCR.
_IMPLIED_HEADS: dict[str, frozenset[str]] = {
    canonical: frozenset(word for alias in aliases for word in alias.split())
    for canonical, (_, aliases) in ALIAS_TABLE.items()
}
_LOOKAHEAD_LIMIT = 12
# A place a mention is tied to: "organizers in New York", "officials from Velm".
_LOCATED_RE = re.compile(r"\s(?:in|from|at)\s+(?:the\s+)?[A-Z]")
# Heads that describe a body of one source type only: "the force" is a police force or an army.
_KIND_OF_FORCE: dict[str, frozenset[str]] = {"force": frozenset({"police", "military"})}
# Roles that are one office each: "the governor" never refers back to a mayor, while "the official"
# or "the spokesman" may be anyone who spoke.
_OFFICES = word_set(
    """
        mayor governor president minister secretary envoy commander director coordinator administrator
    """
)
# "local officials" are not the officials named before: for people known only by their kind, the
# level of government they serve tells them apart.
_GENERIC_PEOPLE_HEADS = word_set("officials official authorities")
_AREA_WORDS = word_set("local provincial regional municipal district county city state village")
# Words that make a description pick out a body other than the one named before.
_OTHER_BODY_WORDS = word_set(
    """
        rival other another competing parent sister partner former new second third smaller larger
    """
)
# Offices a place has, whose holder "its" or "their" names: "its governor", "their mayor".
_OFFICES_OF_PLACES = word_set(
    """
        governor governors mayor mayors president premier minister ministers senator senators lawmaker
        lawmakers legislator councillor councillors prefect
    """
)
# Heads of bodies that are not businesses, which a trade epithet ("the company") never refers to.
_NOT_A_BUSINESS_WORDS = word_set(
    """
        party union unions committee university association federation council coalition alliance
        league society opposition front ministry government police army agency commission
    """
)
# Descriptions a charity, rights monitor or UN body goes by ("the Geneva-based group"), though their
# words type them as any organisation.
_NON_PROFIT_EPITHETS = word_set(
    """
        group organisation organization monitor charity body watchdog agency institution society ngo
    """
)
# Of those, the heads that name a non-profit with no word before them: "the charity", "the NGO"
# ("the group" and "the agency" alone name any kind of body).
_BARE_NON_PROFIT_HEADS = frozenset({"charity", "ngo"})
# The remit a body's name or description gives it, by word: "the health department" is not "the
# Meteorological Department" named before, though both are departments.
_REMITS: dict[str, str] = {
    "health": "health",
    "medical": "health",
    "weather": "weather",
    "meteorological": "weather",
    "statistics": "statistics",
    "statistical": "statistics",
    "refugee": "refugees",
    "refugees": "refugees",
    "migration": "migration",
    "disaster": "disaster",
    "election": "elections",
    "electoral": "elections",
    "nuclear": "nuclear",
    "space": "space",
    "environmental": "environment",
    "environment": "environment",
    "budget": "budget",
    "fiscal": "budget",
}
# Words of the United Nations' own names: its agencies are no charity or monitor a description means.
_UN_WORDS = word_set("un u.n. united nations unhcr unicef wfp who ocha iom unrwa")
_TITLE_WORDS_WITHOUT_DOTS = frozenset(word.rstrip(".") for word in TITLE_WORDS)
_SINGULAR_IN_S = frozenset({"news", "forces", "services", "headquarters", "nations", "affairs", "rights"})
# Words that tell a person's gender, for matching "he" and "she" to the right speaker.
_FEMININE = frozenset({"she", "her", "mrs", "mrs.", "ms", "ms.", "spokeswoman", "chairwoman", "queen"})
_MASCULINE = frozenset({"he", "him", "his", "mr", "mr.", "spokesman", "chairman", "king"})
# Nouns that take a plural verb without an "s": "the police say", "staff were told".
_PLURAL_WITHOUT_S = frozenset({"police", "people", "personnel", "staff", "media", "military", "gendarmerie"})


@dataclass(slots=True)
class Entity:
    """A source named in the item: its fullest name, canonical key and what kind of source it is."""

    text: str
    normalized: str
    type: str
    words: set[str] = field(default_factory=set)
    person: bool = False
    plural: bool = False
    gender: str | None = None  # "f" or "m" when a title or an earlier pronoun tells


@dataclass(slots=True, frozen=True)
class Phrase:
    """A source phrase split into the parts resolution looks at (shared by `parse_phrase`'s cache, so
    never changed)."""

    text: str  # as written, without a parenthesised acronym
    tokens: list[str]
    acronym: str | None  # "(NRWB)" after the name, when given

    @property
    def lower(self) -> list[str]:
        return [token.lower() for token in self.tokens]


# A legislator's party and state after the name: "(D-Ore.)", "(R-N.Y.)", "(I-Vt.)".
_PARTY_AND_STATE_RE = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)[-–]\s?[A-Z][A-Za-z.\s]{0,14}\)")


# A relay named after the origin of a figure: "local officials cited by state media".
_RELAYED_BY_RE = re.compile(r"\s+(?:cited|quoted|relayed)\s+by\s+.+$")


# Bounded: the same source phrases recur within and across items, and each is read by several rules.
@lru_cache(maxsize=8192)
def parse_phrase(text: str) -> Phrase:
    """A source phrase without edge punctuation, a legislator's party and state or the relay that
    cited it, its parenthesised acronym set apart."""
    if "(" in text:
        text = _PARTY_AND_STATE_RE.sub("", text)
    if " by " in text:
        text = _RELAYED_BY_RE.sub("", text)  # the origin of a chain, not its relay (SPEC)
    acronym_match = PARENTHESISED_ACRONYM_RE.search(text)
    acronym = acronym_match.group("acronym") if acronym_match else None
    if acronym_match:
        text = text[: acronym_match.start()] + text[acronym_match.end() :]
    text = text.strip().strip(",;:\"“”'’ ")
    if text.endswith(".") and "." not in text.rsplit(" ", 1)[-1][:-1]:
        text = text[:-1]
    return Phrase(text=text, tokens=WORD_RE.findall(text), acronym=acronym)


@lru_cache(maxsize=8192)
def _normalize(text: str) -> tuple[str, str]:
    """`normalize_source` with acronyms matched on the text as written: "the WHO" is the health
    agency, "those who" and "the map" are ordinary words, not the WHO or a news agency."""
    words = WORD_RE.findall(text)
    if not any(word in LOWER_CASE_ACRONYM_WORDS for word in words):
        return normalize_source(text)
    kept = [word for word in words if word not in LOWER_CASE_ACRONYM_WORDS]
    if any(word.lower() not in DETERMINERS for word in kept):
        return normalize_source(" ".join(kept))
    return " ".join(word.lower() for word in words if word.lower() not in DETERMINERS), "other"


def _bare_surname(token: str) -> str:
    """A surname without its particle, for matching: "al-Hadi" and "Hadi" are one name."""
    lower = token.lower()
    particle, _, rest = lower.partition("-")
    return rest if rest and particle in NAME_PARTICLES else lower


def _is_name_token(token: str) -> bool:
    return bool(NAME_TOKEN_RE.match(token)) or token.lower() in NAME_PARTICLES


def _content(tokens: Sequence[str]) -> list[str]:
    """Tokens after a leading determiner."""
    start = 1 if tokens and tokens[0].lower() in DETERMINERS else 0
    return list(tokens[start:])


def _opens_with_a_name(text: str) -> bool:
    """Whether a phrase's first word after its determiner is capitalised: "Corvel Shipping", not
    "A passenger" (a capital the sentence gave it)."""
    content = _content(parse_phrase(text).tokens)
    return bool(content) and content[0][:1].isupper()


def _is_description(tokens: Sequence[str]) -> bool:
    """A short definite or bare description: "the ministry", "the fiscal watchdog", "the UN health agency"."""
    content = _content(tokens)
    if not content or len(content) > 4 or content[-1].lower() not in SOURCE_HEADS:
        return False
    if len(content) == 1 and tokens[0].lower() == "the":
        return True  # "the Observatory", "the Commission": a body's name cut to its head, in its capital
    return all(
        t[0].islower()
        or t.lower() in DESCRIPTIVE_ADJECTIVES
        or (t is content[-1] and t.lower() in PARTY_MEMBERS)  # "the Democrat", not "the Labour Party"
        or _AGE_WORD_RE.fullmatch(t) is not None  # "the 64-year-old senator"
        or _place_adjective(t)
        # "the French charity": a country's adjective describes a non-profit, where "the French
        # government" names a country's own body
        or (content[-1].lower() in _NON_PROFIT_EPITHETS and gazetteer().country_of_adjective(t) is not None)
        for t in content
    )


_AGE_WORD_RE = re.compile(r"\d{1,3}-year-old")


def _without_opening_capital(tokens: Sequence[str]) -> list[str]:
    """The tokens with a common noun that opens a sentence in lower case: "Officials said" is a
    description, its capital only the sentence's ("Gaza's health ministry" keeps its name)."""
    first = tokens[0].lower()
    if first in SOURCE_HEADS or first in DESCRIPTIVE_ADJECTIVES:
        return [first, *tokens[1:]]
    return list(tokens)


def _place_adjective(token: str) -> bool:
    """ "Geneva-based", "Kenya-registered": a name made an adjective, part of a description."""
    first, _, rest = token.partition("-")
    return bool(rest) and first[:1].isupper() and rest.islower()


def _may_describe(description_type: str, entity_type: str) -> bool:
    """Whether a description of one source type can refer back to a body of another: "the fiscal
    watchdog" (no type) can be the OBR, "the union" cannot be the police prefecture."""
    if description_type in {"other", entity_type} or entity_type == "other":
        return True
    return description_type == "government" and entity_type in {
        "un_ngo",
        "health_authority",
        "military",
        "police",
    }


def _plural(tokens: Sequence[str]) -> bool:
    """ "Local officials", "the WHO and UNICEF": a source "they" can refer to."""
    if "and" in tokens:
        return True
    last = tokens[-1] if tokens else ""
    if last.lower() in _PLURAL_WITHOUT_S:
        return True
    if len(tokens) == 1 and last.lower().endswith("s") and last.lower() in SOURCE_HEADS:
        return True  # "Organisers stood by their figure": a plural head opening a sentence
    # a capitalised name in -s is one body: "Ferrovia Holdings", "Norland Airlines"
    return last.lower().endswith("s") and last.lower() not in _SINGULAR_IN_S and last[:1].islower()


def _name_in_a_complement(tokens: Sequence[str], name: Sequence[str]) -> bool:
    """ "Organisers of the march against a visit by President Ana Ruiz", "a spokesman for Mayor Ana
    Ruiz": the name stands in a complement of another head, which is the source. "Secretary of
    State Ana Ruiz" is a title."""
    before = tokens[: len(tokens) - len(name)]
    for index, token in enumerate(before):
        if token in {"of", "for", "against", "by", "with", "from", "at"} and index:
            head = before[index - 1]
            return not (head[0].isupper() and head.lower().rstrip(".") in _TITLE_WORDS_WITHOUT_DOTS)
    return False


def _remit_clash(description: Sequence[str], words: set[str]) -> bool:
    """Whether a description gives a body a remit that a named body's own words give another."""
    wanted = {_REMITS[word] for word in description if word in _REMITS}
    held = {_REMITS[word] for word in words if word in _REMITS}
    return bool(wanted and held) and not wanted & held


def _gender(words: set[str]) -> str | None:
    """ "f" or "m" when the words say so ("spokeswoman", "Mr", "she"), else None."""
    if words & _FEMININE:
        return "f"
    if words & _MASCULINE:
        return "m"
    return None


def _role_head(tokens: Sequence[str]) -> str:
    """The noun a phrase is about: "a representative of the PDF" -> representative."""
    content = _content(tokens)
    for index, token in enumerate(content):
        if token in {"of", "for", "with", "from", "in", "at"}:
            return content[index - 1].lower() if index else ""
    return content[-1].lower() if content else ""


def _capitalised_office(tokens: Sequence[str]) -> set[str] | None:
    """The words of an office written in capitals after "the" ("the Chief Secretary", "The
    Mayor"), which name its holder as the lower-case "the mayor" does."""
    words = tokens[1:]
    if not (tokens[0].lower() == "the" and 1 <= len(words) <= 3 and words[-1].lower() in PERSON_ROLE_HEADS):
        return None
    if not all(word[0].isupper() and word.lower() in TITLE_WORDS for word in words):
        return None
    return {word.lower() for word in words}


# What speaks for the person who owns it: "her office", "his campaign", "her spokesman".
_VOICE_OF_OWNER_HEADS = frozenset(
    {"office", "campaign", "spokesman", "spokeswoman", "spokesperson", "aide", "aides", "team"}
)


# Two sources joined as one subject ("both the army and the rebels", "police and organisers"): a
# later "the army" names one of them, never the pair. A capital after "and" continues a name
# ("Ministry of Health and Population").
_COORDINATED_RE = re.compile(r"^[Bb]oth\s|\s(?:and|or)\s+[a-z]")


class WrittenName(NamedTuple):
    """A personal name the item writes, where it stands, and whether a preposition governs it
    ("during President Ana Ruiz's briefing"): such a name is less often what a later "she" means."""

    start: int
    name: str
    after_preposition: bool


class SourceRegistry:
    """The sources of one item, in the order the text names them."""

    def __init__(self, known_names: Callable[[], list[WrittenName]] | None = None) -> None:
        self._entities: list[Entity] = []  # most recently mentioned last
        self._by_key: dict[str, Entity] = {}
        self._known_names_source = known_names
        self._known_names: list[WrittenName] | None = None

    def _names(self) -> list[WrittenName]:
        """Personal names written anywhere in the item, with where they stand (read on first need)."""
        if self._known_names is None:
            self._known_names = self._known_names_source() if self._known_names_source else []
        return self._known_names

    def _touch(self, entity: Entity) -> Entity:
        if self._entities and self._entities[-1] is entity:
            return entity
        if entity in self._entities:
            self._entities.remove(entity)
        self._entities.append(entity)
        return entity

    def _recent(self, *, person: bool | None = None, plural: bool | None = None) -> Entity | None:
        for entity in reversed(self._entities):
            if person is not None and entity.person != person:
                continue
            if plural is not None and entity.plural != plural:
                continue
            return entity
        return None

    def _add(self, phrase: Phrase, *, person: bool, display: str) -> Entity:
        normalized, kind = _normalize(display)
        if person:
            kind = "person"
        key = normalized
        existing = self._by_key.get(key) or (
            self._by_key.get(phrase.acronym.lower()) if phrase.acronym else None
        )
        if existing is None:
            words = {token.lower() for token in phrase.tokens}
            existing = Entity(
                text=display,
                normalized=normalized,
                type=kind,
                words=words | set(_IMPLIED_HEADS.get(normalized, ())),
                person=person,
                plural=not person and _plural(phrase.tokens),
            )
            self._by_key[key] = existing
        elif len(display) > len(existing.text) and not person and not ACRONYM_RE.match(display):
            existing.words |= {token.lower() for token in phrase.tokens}
            existing.text = display
        if phrase.acronym:
            self._by_key.setdefault(phrase.acronym.lower(), existing)
            existing.words.add(phrase.acronym.lower())
        if len(phrase.tokens) >= 2 and ACRONYM_RE.match(phrase.tokens[-1]):
            self._by_key.setdefault(phrase.tokens[-1].lower(), existing)
        return self._touch(existing)

    def note(self, text: str) -> None:
        """Remember a body named in passing, so that a later "it" or "the agency" can refer to it."""
        phrase = parse_phrase(text)
        if not phrase.tokens:
            return
        name = personal_name(phrase.tokens)
        if name:
            self._person(phrase, name)
            return
        if _is_description(phrase.tokens):
            earlier = self._description(phrase, ())
            if earlier is not None:
                self._touch(earlier)
                return
        self._add(phrase, person=False, display=phrase.text)

    def describe(self, entity: Entity, description: str) -> None:
        """Words the text sets off after a source to describe it ("Lena Okafor, a spokeswoman";
        "the Sea Rescue Watch, a Geneva-based monitor"), so later descriptions and pronouns match."""
        tokens = WORD_RE.findall(description)
        aged = description.isdigit()  # "Tate, 54, said": only a person is given an age
        if not aged:
            entity.words |= {token.lower() for token in tokens}
        if not entity.person and " " not in entity.text and (aged or _role_head(tokens) in PERSON_ROLE_HEADS):
            entity.person = True  # "Haryono, head of the agency": a one-word name with a person's office
            if entity.type == "other":
                entity.type = "person"
        if entity.person:
            entity.gender = entity.gender or _gender(entity.words)

    def resolve(  # noqa: PLR0911, PLR0912  one return per way a phrase refers: name, alias, pronoun, description
        self, text: str, lookahead: Sequence[str] = (), position: int = 0
    ) -> tuple[Entity, str] | None:
        """The entity a source phrase refers to, and the name to show for this mention; `position`
        is where the phrase stands, for a "he" whose antecedent was named outside any cue."""
        phrase = parse_phrase(text)
        if not phrase.tokens:
            return None
        lower = phrase.lower
        if len(lower) == 1 and lower[0] in PERSON_PRONOUNS:
            return self._person_pronoun(lower[0], position)
        if len(lower) == 1 and lower[0] in BODY_PRONOUNS | PLURAL_PRONOUNS:
            entity = self._pronoun(lower[0])
            return (self._touch(entity), entity.text) if entity else None
        if lower[0] in {"its", "their", "his", "her"} and len(lower) >= 2:
            name = personal_name(phrase.tokens[1:])
            if name:
                return self._person(phrase, name)
            if lower[0] in {"his", "her"} and _role_head(phrase.tokens) in _VOICE_OF_OWNER_HEADS:
                # "Her office later said ...": the person's office speaks for her
                owner_voice = self._person_pronoun(lower[0], position)
                if owner_voice is not None:
                    return owner_voice
            if lower[0] in {"its", "their"} and _role_head(phrase.tokens) in _OFFICES_OF_PLACES:
                # "In the Donetsk region, two were killed, its governor said": the office of a place,
                # held by someone the text has not named, never the governor named before
                return self._add(phrase, person=False, display=phrase.text), phrase.text
            speaks_for_owner = lower[0] in {"its", "their"} and _role_head(phrase.tokens) in PERSON_ROLE_HEADS
            if set(lower[1:]) <= DOCUMENT_NOUNS or speaks_for_owner:
                owner = self._pronoun(lower[0])
                if owner is not None:
                    return self._touch(owner), owner.text
        office = _capitalised_office(phrase.tokens)
        if office is not None:
            # "The Chief Secretary also said": the holder the item named with that office before
            holder = next((e for e in reversed(self._entities) if e.person and office <= e.words), None)
            if holder is not None:
                return self._touch(holder), holder.text
        # a body the alias table lists is no person, however its name reads ("Medecins Sans Frontieres")
        name = personal_name(phrase.tokens) if _normalize(phrase.text)[0] not in ALIAS_TABLE else None
        if name and not _name_in_a_complement(phrase.tokens, name):
            # "Ms Morales" after "Dr. Ines Morales": the person named in full before
            earlier = self._surname(Phrase(name[0], name, None)) if len(name) == 1 else None
            return earlier or self._person(phrase, name)
        if _is_description(phrase.tokens) and _normalize(phrase.text)[0] not in ALIAS_TABLE:
            found = self._description(phrase, lookahead)
            if found is not None:
                return self._touch(found), found.text
        surname = self._surname(phrase)
        if surname is not None:
            return surname
        fuller = self._fuller_name(phrase, lookahead)
        if fuller is not None:
            return fuller
        key = _normalize(phrase.text)[0]
        known = self._by_key.get(key) or self._by_key.get(key.replace(" ", ""))
        if known is not None and not known.person:
            return self._touch(known), phrase.text
        entity = self._add(phrase, person=False, display=phrase.text)
        if _role_head(phrase.tokens) in PERSON_ROLE_HEADS:
            entity.person = True
        return entity, phrase.text

    def _person_pronoun(self, pronoun: str, position: int) -> tuple[Entity, str] | None:
        """ "he" or "she": the latest speaker whose gender does not clash (a title, or an earlier
        pronoun, tells it), or failing any, the last name the text wrote before `position`."""
        gender = _gender({pronoun})
        entity = next(
            (
                candidate
                for candidate in reversed(self._entities)
                if candidate.person and candidate.gender in {None, gender}
            ),
            None,
        )
        if entity is None:
            earlier = [written for written in self._names() if written.start < position]
            if earlier:
                # the last name written, unless a preposition governs it and another name does not:
                # "The governor, Eva Lund, spoke during President Ana Ruiz's briefing. She said"
                name = next((w for w in reversed(earlier) if not w.after_preposition), earlier[-1]).name
                entity = self._person(Phrase(name, name.split(), None), name.split())[0]
            else:
                # "The governor met union leaders. She said ...": a person's office noted in passing
                entity = next(
                    (e for e in reversed(self._entities) if _role_head(e.text.split()) in PERSON_ROLE_HEADS),
                    None,
                )
                if entity is None:
                    return None
        entity.gender = entity.gender or gender
        return self._touch(entity), entity.text

    def _fuller_name(self, phrase: Phrase, lookahead: Sequence[str]) -> tuple[Entity, str] | None:
        """A short name of a body named in full elsewhere: "Red Crescent" for "the Libyan Red Crescent"."""
        named = {t.lower() for t in phrase.tokens if t[0].isupper() and t.lower() not in DETERMINERS}
        if len(named) < 2 or any(ACRONYM_RE.match(t) for t in phrase.tokens):
            return None
        if phrase.tokens[-1].lower() in DOCUMENT_NOUNS:
            return None  # "A Velmar Institute poll" is whole; "... poll for the Daily Courier" says whom for
        for entity in reversed(self._entities):
            if not entity.person and named <= entity.words and len(entity.text) > len(phrase.text):
                return self._touch(entity), entity.text
        for later in lookahead[:_LOOKAHEAD_LIMIT]:
            candidate = parse_phrase(later)
            words = {t.lower() for t in candidate.tokens}
            if (
                named <= words
                and len(candidate.text) > len(phrase.text)
                and personal_name(candidate.tokens) is None
                # "the Coast Guard said ... a coast guard spokesman said": one who speaks for it
                and candidate.tokens[-1].lower() not in TITLE_WORDS
            ):
                entity = self._add(candidate, person=False, display=candidate.text)
                return entity, entity.text
        return None

    def _holder_named_later(self, office: str, lookahead: Sequence[str]) -> Entity | None:
        """The one person a later source phrase names with the office as their title: "according
        to the country's president ... President Ana Ruiz said" (a description before the name)."""
        holders: dict[str, Phrase] = {}
        for later in lookahead[:_LOOKAHEAD_LIMIT]:
            phrase = parse_phrase(later)
            name = personal_name(phrase.tokens)
            if name and office in {
                token.lower() for token in phrase.tokens[: len(phrase.tokens) - len(name)]
            }:
                holders[" ".join(name)] = phrase
        if len(holders) != 1:
            return None
        ((written, phrase),) = holders.items()
        return self._person(phrase, written.split())[0]

    def _pronoun(self, pronoun: str) -> Entity | None:
        if pronoun in PERSON_PRONOUNS:
            return self._recent(person=True)
        if pronoun in PLURAL_PRONOUNS:
            return self._recent(person=False, plural=True) or self._recent(person=False)
        return self._recent(person=False, plural=False) or self._recent(person=False)

    def _person(self, phrase: Phrase, name: list[str]) -> tuple[Entity, str]:
        display = " ".join(name)
        entity = self._add(Phrase(display, name, None), person=True, display=display)
        entity.words |= {token.lower() for token in phrase.tokens}
        entity.gender = entity.gender or _gender(entity.words)
        title_part = phrase.tokens[: len(phrase.tokens) - len(name)]
        body = [t for t in title_part if t.lower() not in TITLE_WORDS and t.lower() not in DETERMINERS]
        if body and any(t[0].isupper() for t in body) and body[-1].lower() in SOURCE_HEADS:
            named_body = Phrase(" ".join(body), body, None)
            earlier = self._description(named_body, ()) if len(body) == 1 else None
            if earlier is None:
                self._add(named_body, person=False, display=named_body.text)
            self._touch(entity)
        return entity, entity.text

    def _surname(self, phrase: Phrase) -> tuple[Entity, str] | None:
        tokens = [t for t in phrase.tokens if t.lower() not in DETERMINERS]
        if not tokens or len(tokens) > 2 or not all(_is_name_token(t) for t in tokens):
            return None
        last = _bare_surname(tokens[-1])
        for entity in reversed(self._entities):
            if entity.person and _bare_surname(entity.text.split()[-1]) == last:
                return self._touch(entity), entity.text
        for written in self._names():
            names = written.name.split()
            if _bare_surname(names[-1]) == last and len(names) > len(tokens):
                return self._person(phrase, names)
        return None

    def _description(self, phrase: Phrase, lookahead: Sequence[str]) -> Entity | None:  # noqa: PLR0911, PLR0912  one return per description rule
        content = [t.lower() for t in _content(phrase.tokens)]
        head = content[-1]
        modifiers = [
            t
            for t in content[:-1]
            if (t not in DESCRIPTIVE_ADJECTIVES or (head in _GENERIC_PEOPLE_HEADS and t in _AREA_WORDS))
            and not t.endswith(DESCRIPTIVE_COMPOUND_ENDINGS)
            and not _place_adjective(t.capitalize())
        ]
        indefinite = phrase.tokens[0].lower() in {"a", "an"}
        if head in PERSON_ROLE_HEADS:
            if indefinite:
                return None
            for entity in reversed(self._entities):
                if entity.person and head in entity.words:
                    return entity
            holder = self._holder_named_later(head, lookahead)
            if holder is not None:
                return holder
            if any(POSSESSIVE_END.search(token) for token in phrase.tokens[:-1]):
                return None  # "the president's spokesman" speaks for the president, not as them
            recent = self._recent(person=True)
            if recent is not None and head in _OFFICES and recent.words & (_OFFICES - {head}):
                return None  # "the governor" is not the mayor named before
            return recent
        if not indefinite:
            for entity in reversed(self._entities):
                if (
                    not entity.person
                    and head in entity.words
                    and not _COORDINATED_RE.search(entity.text)
                    and all(m in entity.words for m in modifiers)
                    and not _remit_clash(content, entity.words)
                ):
                    if _is_description(parse_phrase(entity.text).tokens) and any(
                        word not in entity.words for word in content[:-1]
                    ):
                        continue  # "the health ministry" is not "the interior ministry" named before
                    return entity
            if (
                modifiers
                and head in TRADE_EPITHETS
                and phrase.tokens[0].lower() == "the"
                and all(m.islower() for m in _content(phrase.tokens)[:-1])
                and not _OTHER_BODY_WORDS.intersection(content)
            ):
                # "the courier firm", "the online retailer": a business named before by its name
                named = self._recent(person=False)
                if named is not None and _opens_with_a_name(named.text) and head not in named.words:
                    return named
            if (
                (modifiers or head in _BARE_NON_PROFIT_HEADS)
                and head in _NON_PROFIT_EPITHETS
                and phrase.tokens[0].lower() == "the"
                and all(m.islower() and not POSSESSIVE_END.search(m) for m in modifiers)
                and not _OTHER_BODY_WORDS.intersection(content)
            ):
                # "the war monitor", "the medical charity": a charity or monitor named before by name,
                # the UN bodies and people named since passed over ("..., according to UN figures.
                # ... the NGO said")
                named = next(
                    (
                        e
                        for e in reversed(self._entities)
                        if not e.person and (_UN_WORDS.intersection(content) or not _UN_WORDS & e.words)
                    ),
                    None,
                )
                if (
                    named is not None
                    and named.type == "un_ngo"
                    and not _is_description(parse_phrase(named.text).tokens)
                    and head not in named.words
                    and not _UN_WORDS.intersection(named.words)
                ):
                    return named
            if modifiers and head in EPITHET_HEADS and phrase.tokens[0].lower() in DETERMINERS:
                # "the doctors' group", "the farmers' body": a body named before by those words
                owners = {POSSESSIVE_END.sub("", m) for m in modifiers}
                named = next(
                    (
                        e
                        for e in reversed(self._entities)
                        # the possessor this phrase opens with, noted as its sentence's subject, is
                        # no body named before
                        if not e.person and owners <= e.words and not phrase.text.startswith(e.text)
                    ),
                    None,
                )
                if named is not None:
                    return named
            if not modifiers and head in _KIND_OF_FORCE:
                # "the force estimated the crowd at 6,000": the police or army named before
                named = next(
                    (e for e in reversed(self._entities) if not e.person and e.type in _KIND_OF_FORCE[head]),
                    None,
                )
                if named is not None:
                    return named
            if not modifiers and head in EPITHET_HEADS and phrase.tokens[0].lower() in DETERMINERS:
                fallback = self._recent(person=False, plural=head.endswith("s"))
                if fallback is not None and _remit_clash(content, fallback.words):
                    fallback = None  # "the health agency" after the weather agency named before
                if fallback is not None and fallback.text.split()[-1].lower() in DOCUMENT_NOUNS:
                    fallback = None  # "the tally stood at 3,411, the agency said": a count is no body
                if fallback is not None and _is_description(parse_phrase(fallback.text).tokens):
                    fallback = None  # "The firm was fined ..., the regulator said": no name to stand for
                if fallback is not None and head in TRADE_EPITHETS and fallback.words & _NOT_A_BUSINESS_WORDS:
                    fallback = None  # "The Labour Party won ... The company said": a party is no company
                if fallback is not None and (
                    _may_describe(_normalize(phrase.text)[1], fallback.type)
                    or (fallback.type == "un_ngo" and head in _NON_PROFIT_EPITHETS)
                ):
                    return fallback
        kind = _normalize(phrase.text)[1]
        for later in lookahead[:_LOOKAHEAD_LIMIT]:
            candidate = parse_phrase(later)
            if not candidate.tokens or _is_description(_without_opening_capital(candidate.tokens)):
                continue
            if personal_name(candidate.tokens) is not None:
                continue
            if _LOCATED_RE.search(later) and not _LOCATED_RE.search(phrase.text):
                continue  # "march organizers ... March organizers in Velm claimed": one city's, not all
            # "a charity ... the Mirren Foundation said": named later as a body of the same kind; a
            # kind no keyword tells ("an independent observer ... He said") is no evidence.
            # "city officials ... Police officials in Velport said": a modifier the later name lacks
            # tells another body
            same_head = _role_head(candidate.tokens) == head and set(modifiers) <= {
                token.lower() for token in candidate.tokens
            }
            if same_head or (indefinite and kind != "other" and _normalize(later)[1] == kind):
                return self._add(candidate, person=False, display=candidate.text)
        return None
