"""Knowledge the extractor and the tracker share, kept in data files beside this module.

Each file states its coverage rule at its top (whole classes of bodies or places, never names
picked from a labelled set). The loaders here read a file once per process and hand out
immutable views.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

# Words left out of stored names: a name is matched on its content words.
FUNCTION_WORDS = frozenset({"the", "of", "for", "and", "on", "in", "to", "a", "an"})


def content_words(name: str) -> str:
    """A lower-case name without its function words: "office for the census" -> "office census"."""
    return " ".join(word for word in name.split() if word not in FUNCTION_WORDS)


@dataclass(slots=True, frozen=True)
class Organisation:
    """One body that issues figures: its stable id, canonical key and the names text uses for it."""

    id: str
    key: str  # the canonical lower-case name the extractor writes
    type: str  # a worker.models.SourceType
    country: str | None  # ISO 3166-1 alpha-2 of a national body; None for international ones
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    area: str | None = None  # gazetteer id of the region it works in, when only part of its country
    # One of a kind of body each province or state has its own of ("a provincial disaster
    # authority"): its figures are one region's even when the text does not say which.
    subnational: bool = False
    # A national body whose figures are about other countries as often as its own (a geological
    # survey that measures every earthquake): its figures are where the text places them.
    worldwide: bool = False
    # A seat of government named for what it houses ("the Kremlin"): no other body goes by its name,
    # so it is named in an item about any country.
    seat: bool = False
    # The id of the body it is an agency of ("un" for OCHA): text often names an agency's figure by
    # its parent alone ("the UN said"), which then stands for the one agency the item names.
    part_of: str | None = None


def _load(name: str) -> Any:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def organisations() -> tuple[Organisation, ...]:
    """Every organisation of `organisations.json`, in file order."""
    return tuple(
        Organisation(
            id=entry["id"],
            key=entry["key"],
            type=entry["type"],
            country=entry.get("country"),
            acronyms=tuple(entry.get("acronyms", ())),
            aliases=tuple(entry.get("aliases", ())),
            area=entry.get("area"),
            subnational=entry.get("subnational", False),
            worldwide=entry.get("worldwide", False),
            seat=entry.get("seat", False),
            part_of=entry.get("part_of"),
        )
        for entry in _load("organisations.json")["organisations"]
    )


@cache
def place_names() -> dict[str, Any]:
    """`places.json`: country names and adjectives, and words that translate subdivision names."""
    data: dict[str, Any] = _load("places.json")
    return data


@cache
def event_kinds() -> dict[str, tuple[str, ...]]:
    """`event_kinds.json`: each kind of happening and the words that name it."""
    kinds: dict[str, list[str]] = _load("event_kinds.json")["kinds"]
    return {kind: tuple(words) for kind, words in kinds.items()}


@dataclass(slots=True, frozen=True)
class CountedNouns:
    """`counted_nouns.json`: nouns that say what a counted figure is."""

    things: frozenset[str]  # a figure of one of these is no casualty count
    deeds: frozenset[str]  # the deed counted, whoever it befell ("arrests")
    case_fates: tuple[str, ...]  # fates other than illness that "cases of" names
    damage_states: frozenset[str]  # what befell property, before its noun ("destroyed houses")


@cache
def counted_nouns() -> CountedNouns:
    data = _load("counted_nouns.json")
    return CountedNouns(
        things=frozenset(word for words in data["things"].values() for word in words),
        deeds=frozenset(data["deeds"]),
        case_fates=tuple(data["case_fates"]),
        damage_states=frozenset(data["damage_states"]),
    )
