"""Source names: a glossary of the bodies that issue figures, and the canonical key of each.

`normalize_source` turns a source as the text names it ("the Hamas-run Gaza health ministry", "the
Health Ministry in Gaza", "the IDF") into a lower-case canonical name and a source type. The tracker
builds series keys from that name, so two spellings of one body must land on one key; the alias
table below is where such spellings are declared, one body per entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from worker.extract.reporting import (
    ACRONYM_RE,
    DOTTED_TITLES,
    NAME_PARTICLES,
    PERSONAL_NAME_TOKEN_RE,
    SOURCE_HEADS,
    TITLE_WORDS,
    WORD_RE,
    word_set,
)
from worker.knowledge import content_words, organisations

# Canonical name -> (source type, the other names news text uses for it), from the shared data
# file `worker/knowledge/organisations.json` (its coverage rule is at its top). Aliases are written
# the way `_clean` leaves a name: lower case, no article, no possessive, punctuation turned to spaces.
_ALIAS_USES: Final = Counter(alias for org in organisations() for alias in set(org.aliases))
# An alias several bodies share ("national disaster agency") needs the item's country to resolve
# (worker/track/identity.py); this country-free table leaves it out.
ALIAS_TABLE: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    org.key: (org.type, tuple(alias for alias in org.aliases if _ALIAS_USES[alias] == 1))
    for org in organisations()
}

# Words that, present anywhere in a name, say what kind of body it is. Checked in this order: a
# "police prefecture" is police before it is an administration.
TYPE_KEYWORDS: Final[tuple[tuple[str, frozenset[str]], ...]] = tuple(
    (kind, word_set(words))
    for kind, words in (
        ("health_authority", "health hospital hospitals medical cdc dghs paramedics morgue"),
        ("police", "police prefecture gendarmerie gendarmes constabulary sheriff sheriffs"),
        ("military", "military army navy forces troops idf defence defense junta guard commander"),
        (
            "un_ngo",
            "un u.n. united unhcr unicef unrwa wfp iom ocha who ohchr icrc crescent cross charity ngo "
            "foundation humanitarian aid rights msf amnesty oxfam council mission non-governmental",
        ),
        (
            "media",
            "news media outlets outlet newspaper broadcaster television tv radio reuters afp ap cnn bbc "
            "kcna yonhap tass ria anadolu irrawaddy correspondent map qna xinhua wafa",
        ),
        (
            "anonymous",
            "resident residents witness witnesses source sources survivor survivors villagers villager "
            "activists workers rescuers organisers organizers",
        ),
        (
            "government",
            "ministry minister government officials official authorities authority office department "
            "administration governor mayor president directorate commission prosecutors agency institute "
            "statistics budget documents bank centre center survey ministers state prime secretary "
            "coordination coroner coroners fire bureau commissioner commissioners prefect prefects",
        ),
        (
            "organisation",
            "union unions cgt company firm group front committee party university association federation "
            "archive economists experts monitor observatory programme program fund project network "
            "initiative society alliance coalition league institution lawyers holdings logistics foods "
            "airline airlines airways motors industries technologies enterprises ventures corporation "
            "corp inc ltd plc llc gmbh pharmaceuticals petroleum telecom brands retail utility utilities "
            "operator power energy electric opposition freight shipping mining steel insurance railway "
            "railways aviation cargo transport automotive chemicals cement textiles pharma telecoms "
            "semiconductors studios brewery minerals metals securities financial drilling construction "
            "industry electronics stores supermarkets capital partners systems resources software "
            "solutions therapeutics biotech laboratories hotels resorts entertainment beverages brewing "
            "apparel mills investments properties realty bancorp",
        ),
    )
)

# The words that make a name an organisation's: "Velmar Mining", "Northwind Freight", "Skyline Airways".
ORGANISATION_WORDS: Final[frozenset[str]] = dict(TYPE_KEYWORDS)["organisation"]

# Demonyms and spellings folded so that "the Russian Defence Ministry" and "Russia's defense ministry"
# share a key.
FOLDED_WORDS: Final[dict[str, str]] = {
    "israeli": "israel",
    "ukrainian": "ukraine",
    "russian": "russia",
    "gazan": "gaza",
    "syrian": "syria",
    "lebanese": "lebanon",
    "iranian": "iran",
    "turkish": "turkey",
    "sudanese": "sudan",
    "afghan": "afghanistan",
    "american": "us",
    "british": "uk",
    "french": "france",
    "defense": "defence",
    "organization": "organisation",
    "center": "centre",
    "centers": "centres",
    "programme": "program",
}

# Place names written in more than one way.
FOLDED_PHRASES: Final[dict[str, str]] = {"gaza strip": "gaza", "occupied west bank": "west bank"}

# Movements that run a country's or territory's government in fact, whose name wire text puts before
# that government's bodies ("the Taliban administration", "the Houthi-run health ministry").
RULING_MOVEMENTS: Final[tuple[str, ...]] = ("hamas", "taliban", "houthi", "junta")
# Those of them that hold a whole country, by the ISO code of the country: there the movement's own
# name ("the Taliban said") is its government's voice.
MOVEMENTS_RULING_A_COUNTRY: Final[dict[str, str]] = {"taliban": "AF"}
# Descriptors that say how a body is run, not which body it is.
RUN_BY_DESCRIPTORS: Final[tuple[str, ...]] = (
    *(f"{movement} run" for movement in RULING_MOVEMENTS),
    "state run",
)

_ARTICLE_RE: Final = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Where a body is based, written before its name: "London-based Orlo Advisors" is Orlo Advisors.
_BASED_IN_RE: Final = re.compile(
    r"^(?:(?i:the|a|an)\s+)?(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-based\s+(?=[A-Z])"
)


def without_home_base(name: str) -> str:
    """A body's name without where it is based: "the London-based Orlo Advisors" -> Orlo Advisors."""
    return _BASED_IN_RE.sub("", name)


_PARENTHESIS_RE: Final = re.compile(r"\s*\([^)]*\)")
_POSSESSIVE_RE: Final = re.compile(r"(?:'s|’s|s'|s’)\b")
_NON_WORD_RE: Final = re.compile(r"[^a-z0-9]+")
# "ministry of health" reads as "health ministry"; "health ministry in gaza" as "gaza health ministry".
_OF_FIELD_RE: Final = re.compile(r"^(ministry|department|directorate) of (\w+(?: \w+)?)$")
_IN_PLACE_RE: Final = re.compile(r"^(.+?) in (?:the )?(\w+(?: \w+)?)$")


_NOT_IN_NAMES: Final = (
    frozenset().union(*(words for _, words in TYPE_KEYWORDS)) - {"president", "mayor"} | SOURCE_HEADS
)
_TITLES_WITHOUT_DOTS: Final = frozenset(word.rstrip(".") for word in TITLE_WORDS)
# Honorifics and legislators' short titles, which stand before a person only: the words after them
# are a name even where one is also a body's word ("Rep. Ann King", "Dr. Leo Banks").
_PERSON_ONLY_TITLES: Final = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "prof", "hon", "alhaji", "hajia", "atty", "rev"}
)


# Words that open the names of places, never a person's first name: "Camp Velma", "Fort Aldon",
# "Western Velmar", "Eastern and Western Velmar".
_PLACE_NAME_OPENERS: Final = frozenset(
    {"camp", "fort", "lake", "mount", "cape", "eastern", "western", "northern", "southern", "central"}
)
# Words of a storm's name: "Typhoon Velma", "Super Typhoon Velma", "Hurricane Aldo".
_STORM_WORDS: Final = frozenset({"typhoon", "hurricane", "cyclone", "supertyphoon"})


def personal_name(tokens: Sequence[str]) -> list[str] | None:
    """The name in a person phrase, its title dropped: "Lt. Gen. Sergei Kobylash" -> Sergei Kobylash."""
    name = _personal_name(tuple(tokens))
    return list(name) if name else None


# The most lower-case words a speaker's title follows, words that link a name's parts aside: "the
# country's deputy health minister", "the Council for Disaster Relief chief". A title further in
# stands inside a longer phrase that names someone else.
MAX_WORDS_BEFORE_A_TITLE = 4
_LINK_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "in", "at", "on"})


# Initials written with dots: "P.K.", "R.T.".
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
# One or two initials; not "A" or "I", which open sentences as words.
_INITIALS = re.compile(r"(?![AI]$)[A-Z]{1,2}")


def _opens_with_initials(name: tuple[str, ...]) -> bool:
    """Whether a name opens with initials written without dots ("PS Rahangdale", "G Sathyanarayanan"):
    one or two capitals no listed body goes by, then a name of one or two words."""
    return (
        2 <= len(name) <= 3
        and _INITIALS.fullmatch(name[0]) is not None
        and _alias(name[0].lower()) is None
        and all(
            PERSONAL_NAME_TOKEN_RE.match(token) and token.lower() not in _NOT_IN_NAMES for token in name[1:]
        )
    )


# Words that open what a title is of: "Chief of Orlo district", "Commissioner for Refugees".
_TITLE_COMPLEMENT_WORDS: Final = frozenset({"of", "for", "in", "at"})
# The most words a name after a title's complement has: "Ivo Lund", "Ana Maria Ruiz".
_NAME_AFTER_COMPLEMENT_WORDS = 3


def _name_after_a_complement(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name that ends a title's complement after a lower-case word ("of Orlo district Ivo
    Lund" -> Ivo Lund), or the words as they were when no lower-case word sets a name apart."""
    start = len(words)
    while (
        start > 0
        and PERSONAL_NAME_TOKEN_RE.match(words[start - 1])
        and words[start - 1].lower() not in _NOT_IN_NAMES
    ):
        start -= 1
    before = words[start - 1] if start > 0 else ""
    if (
        2 <= len(words) - start <= _NAME_AFTER_COMPLEMENT_WORDS
        and before.islower()
        and before not in _LINK_WORDS
    ):
        return words[start:]
    return words


@lru_cache(maxsize=8192)
def _personal_name(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """`personal_name` on a hashable phrase, cached: the same speakers recur across a feed."""
    last_title = -1
    honorific = False
    for index, token in enumerate(tokens):
        word = token.lower().rstrip(".")
        if honorific and word not in _PERSON_ONLY_TITLES:
            break  # "Dr. Ann King": the name starts after the honorifics, whatever its words
        if word in _TITLES_WITHOUT_DOTS or token.lower() in DOTTED_TITLES:
            last_title = index
            honorific = word in _PERSON_ONLY_TITLES
    name = tokens[last_title + 1 :]
    if last_title >= 0 and name and name[0].lower() in _TITLE_COMPLEMENT_WORDS:
        # "Deputy Commissioner of Orlo district Ivo Lund": the title's place or body, then the name
        name = _name_after_a_complement(name)
    initials = bool(name) and _opens_with_initials(name)
    if (
        not name
        or not (initials or PERSONAL_NAME_TOKEN_RE.match(name[0]))
        or name[0].lower() in {"the", "a", "an"}
        or (last_title < 0 and name[0].lower() in _PLACE_NAME_OPENERS)
        or any(token.lower() in _STORM_WORDS for token in tokens)
    ):
        return None
    if sum(token[0].islower() and token not in _LINK_WORDS for token in tokens[: max(last_title, 0)]) > (
        MAX_WORDS_BEFORE_A_TITLE
    ):
        return None  # "Organisers of the march against the state visit of President Ana Ruiz": not her

    for token in name[1:] if initials else name:
        lower = token.lower()
        # "P.K. Jena": dotted initials before a surname are a name's, not a body's letters
        dotted_initials = token is not name[-1] and _DOTTED_INITIALS.fullmatch(token) is not None
        if (ACRONYM_RE.match(token) and not dotted_initials) or (lower in _NOT_IN_NAMES and not honorific):
            return None
        if token != "and" and not (PERSONAL_NAME_TOKEN_RE.match(token) or lower in NAME_PARTICLES):
            return None
    if last_title < 0 and len(name) - name.count("and") < 2:
        return None
    return name


def _clean(text: str) -> str:
    """Lower case, without accents, parenthesised asides, articles, possessives or punctuation."""
    # a typographic apostrophe has no ASCII form: dropped, "Gaza’s" would read "gazas"
    text = text.replace("’", "'").replace("‘", "'")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _PARENTHESIS_RE.sub("", text).strip()
    text = without_home_base(_ARTICLE_RE.sub("", text))
    text = _POSSESSIVE_RE.sub("", text).lower().replace("u.n.", "un").replace("u.s.", "us")
    return _NON_WORD_RE.sub(" ", text).strip()


# Places whose names open with a demonym: "British Columbia officials" are no British source.
DEMONYM_PLACES: Final[frozenset[str]] = frozenset(
    {"british columbia", "british virgin", "american samoa", "french polynesia", "french guiana"}
)


def _fold_words(name: str) -> str:
    """Demonyms and spellings folded word by word: "israeli defense forces" -> "israel defence forces"."""
    words = name.split()
    return " ".join(
        word if " ".join(words[index : index + 2]) in DEMONYM_PLACES else FOLDED_WORDS.get(word, word)
        for index, word in enumerate(words)
    )


def _fold(name: str) -> str:
    """A cleaned name with run-by descriptors dropped, demonyms and spellings folded, and "ministry of
    health" / "health ministry in gaza" put in "<place> <field> ministry" order."""
    for descriptor in RUN_BY_DESCRIPTORS:
        name = name.replace(descriptor, " ")
    for phrase, folded in FOLDED_PHRASES.items():
        name = name.replace(phrase, folded)
    name = _fold_words(name)
    field = _OF_FIELD_RE.match(name)
    if field:
        name = f"{field.group(2)} {field.group(1)}"
    placed = _IN_PLACE_RE.match(name)
    if placed and len(placed.group(1).split()) <= 3:
        name = f"{placed.group(2)} {placed.group(1)}"
    return name


# Every alias as written and with its words folded, so "the Israel Defence Forces" finds "israel
# defense forces". Descriptors are not dropped here: "hamas run health ministry" must not make every
# "health ministry" Gaza's.
# Keys are content words only (the data file stores names that way): see `content_words`.
_ALIAS_INDEX: Final[dict[str, str]] = {
    content_words(form): canonical
    for canonical, (_, aliases) in ALIAS_TABLE.items()
    for alias in (canonical, *aliases)
    for form in (alias, _fold_words(alias))
}


def _alias(cleaned: str) -> str | None:
    """The canonical name a cleaned name is an alias of, compared on content words."""
    return _ALIAS_INDEX.get(content_words(cleaned))


def source_type(text: str, cleaned: str | None = None) -> str:
    """The SourceType of a name, from the alias table and then from the keywords it holds."""
    cleaned = _clean(text) if cleaned is None else cleaned
    canonical = _alias(cleaned)
    if canonical:
        return ALIAS_TABLE[canonical][0]
    words = set(cleaned.split())
    for kind, keywords in TYPE_KEYWORDS:
        if words & keywords:
            return kind
    return "other"


@lru_cache(maxsize=8192)
def normalize_source(text: str) -> tuple[str, str]:
    """(canonical lower-case name, source type) for a source as the text names it."""
    cleaned = _clean(text)
    canonical = _alias(cleaned)
    if canonical is None:
        # "Mayor Ana Ruiz (D)", "Sen. Ana Ruiz (R-Texas)": a party's letters in brackets are no name
        name = personal_name(WORD_RE.findall(_PARENTHESIS_RE.sub("", text) if "(" in text else text))
        if name:
            return _clean(" ".join(name)), "person"
        folded = _fold(cleaned)
        canonical = _alias(folded) or folded
    kind = ALIAS_TABLE[canonical][0] if canonical in ALIAS_TABLE else source_type(text, cleaned)
    if kind == "other" and ACRONYM_RE.match(text.strip().removeprefix("the ").removeprefix("The ")):
        kind = "organisation"
    return canonical or cleaned, kind
