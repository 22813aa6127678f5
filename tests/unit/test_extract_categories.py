"""What a figure counts and its category."""

from __future__ import annotations

import pytest

from worker.extract import extract_claims
from worker.extract.categories import counted_noun, protest_context


def categories(text: str) -> list[tuple[str, str]]:
    return [(c.quantity_text, c.category) for c in extract_claims(text)]


def test_counted_noun_is_the_phrase_after_the_figure() -> None:
    text = "Israeli forces hit 113 health facilities since the start."
    end = text.index("113") + 3
    assert counted_noun(text, end, len(text))[0] == "health facilities"


def test_counted_noun_skips_a_partitive_to_the_thing_counted() -> None:
    text = "It said three of its own fighters had died."
    end = text.index("three") + 5
    assert counted_noun(text, end, len(text))[0] == "fighters"


def test_protest_context_reads_protest_words_but_not_the_month_of_march() -> None:
    assert protest_context("Police said 128,000 people were at the rally.")
    assert not protest_context("The mission recorded 4,289 deaths in March 2022.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli strikes have killed 10,022 Palestinians, the ministry said.", [("10,022", "killed")]),
        (
            "The ministry put the toll at 2,053 dead and 9,240 injured, with 1,329 homes damaged.",
            [("2,053", "killed"), ("9,240", "injured"), ("1,329", "other")],
        ),
        (
            "He said 2,350 people had been reported missing, around 1,300 of them children.",
            [("2,350", "missing"), ("around 1,300", "missing")],
        ),
        (
            "Among the dead were 4,104 children and 2,641 women.",
            [("4,104", "killed"), ("2,641", "killed")],
        ),
        ("Seventy-seven people were detained after clashes.", [("Seventy-seven", "detained")]),
        (
            "Hamas killed 1,200 people and abducted some 250 others.",
            [("1,200", "killed"), ("some 250", "abducted")],
        ),
        ("More than 4,500 people have been rescued by the army.", [("More than 4,500", "other")]),
        ("The war has uprooted over 14 million people.", [("over 14 million", "displaced")]),
        ("The storms affected nearly 4 million people.", [("nearly 4 million", "affected")]),
        ("Over 240,000 people were moved to evacuation centres.", [("Over 240,000", "evacuated")]),
        ("Police said 128,000 people were at the rally.", [("128,000", "protesting")]),
        ("A city of about 7.5 million people held a rally.", [("about 7.5 million", "other")]),
        ("Yemen logged nearly 23,500 suspected cholera cases.", [("nearly 23,500", "affected")]),
        (
            "Israeli forces hit 113 health facilities, killing 192 medical workers.",
            [("113", "other"), ("192", "killed")],
        ),
        ("The WHO confirmed 30,457 civilian casualties.", [("30,457", "other")]),
        ("The EU gave €1 million in aid.", [("€1 million", "other")]),
        ("The rebels freed 23 hostages.", [("23", "other")]),
        ("The outbreak has sickened at least 300 people.", [("at least 300", "affected")]),
        ("Two explosions hit the market.", [("Two", "other")]),
        ("The storms hit 1,067,656 families.", [("1,067,656", "affected")]),
        ("A fire forced the evacuation of some 3,000 residents.", [("some 3,000", "evacuated")]),
    ],
)
def test_categories(text: str, expected: list[tuple[str, str]]) -> None:
    assert categories(text) == expected


def test_location_comes_from_the_sentence_or_falls_back_to_the_default() -> None:
    found = extract_claims(
        "Floods killed 27 people in northeastern Bangladesh. Later 12 more died.", location="Dhaka"
    )
    assert [c.location for c in found] == ["Bangladesh", "Dhaka"]
