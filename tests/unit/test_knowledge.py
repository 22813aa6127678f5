"""The knowledge files: each states the rule that decides what it covers, and reads as its loaders expect."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from worker.knowledge import counted_nouns

KNOWLEDGE_FILES = sorted(
    entry.name for entry in resources.files("worker.knowledge").iterdir() if entry.name.endswith(".json")
)


def test_every_knowledge_file_is_found() -> None:
    assert {"organisations.json", "places.json", "event_kinds.json", "counted_nouns.json"} <= set(
        KNOWLEDGE_FILES
    )


@pytest.mark.parametrize("name", KNOWLEDGE_FILES)
def test_each_knowledge_file_states_its_coverage_rule(name: str) -> None:
    data = json.loads(resources.files("worker.knowledge").joinpath(name).read_text(encoding="utf-8"))
    assert isinstance(data.get("coverage"), str) and len(data["coverage"].split()) >= 20


def test_counted_nouns_are_lower_case_words_and_no_deed_is_a_thing() -> None:
    nouns = counted_nouns()
    words = nouns.things | nouns.deeds | set(nouns.case_fates) | nouns.damage_states
    assert all(word == word.lower() and " " not in word for word in words)
    assert not nouns.things & nouns.deeds
    # a state of damage is a participle, never a noun counted
    assert all(word.endswith(("ed", "t")) for word in nouns.damage_states)
    assert not nouns.damage_states & nouns.things
    assert {"structures", "missiles", "hectares"} <= nouns.things
