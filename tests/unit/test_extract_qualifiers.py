"""Bounds, approximations and ranges (SPEC's qualifier table)."""

from __future__ import annotations

import re

import pytest

from worker.extract import quantities
from worker.extract.quantities import find_quantities


def read(text: str) -> list[tuple[str, float, float | None, str]]:
    return [
        (text[q.start : q.end], q.value, q.value_high, q.qualifier)
        for q in find_quantities(text, 0, len(text))
    ]


@pytest.mark.parametrize(
    ("name", "matching", "not_matching", "method"),
    [
        ("QUALIFIER_BEFORE", "killed more than ", "killed ", "search"),
        ("QUALIFIER_AFTER", " or more people", " or three", "match"),
        ("GLUED_PLUS", "-plus years", "-member", "match"),
        ("BETWEEN_BEFORE", "a stock of between ", "between them ", "search"),
        ("BETWEEN_JOIN", " and 1,000", " or 1,000", "match"),
        ("RANGE_JOIN", " to 20", " and 20", "match"),
        ("RESTATEMENT_OPEN", " (", " and ", "match"),
        ("LIST_JOIN", " and ", " to reach ", "match"),
        ("PHONE_LIST_JOIN", " to reach the centre or ", " people. Then ", "match"),
    ],
)
def test_named_qualifier_patterns(name: str, matching: str, not_matching: str, method: str) -> None:
    pattern: re.Pattern[str] = getattr(quantities, name)
    assert getattr(pattern, method)(matching), name
    assert not getattr(pattern, method)(not_matching), name


@pytest.mark.parametrize(
    ("sentence", "text", "qualifier"),
    [
        ("Some 16 hospitals had closed.", "Some 16", "approximate"),
        ("An estimated 2.6 million voters abstained.", "An estimated 2.6 million", "approximate"),
        ("It killed about 1,200 people.", "about 1,200", "approximate"),
        # "estimated" as the verb of a subject is no qualifier (SPEC: exact, cue "estimated")
        ("The Crowd Archive estimated 110,000 marchers.", "110,000", "exact"),
        ("They estimated 300 homes were lost.", "300", "exact"),
        ("Of the estimated 300 homes, most burned.", "estimated 300", "approximate"),
        # below the figure
        ("Turnout fell short of 40%.", "short of 40%", "upper_bound"),
        ("The better part of 1,000 acres burned.", "The better part of 1,000 acres", "upper_bound"),
        # a speaker's guess
        ("There were maybe 5,000 people.", "maybe 5,000", "approximate"),
        ("Perhaps 300 homes burned.", "Perhaps 300", "approximate"),
        ("More than 39,000 were killed.", "More than 39,000", "lower_bound"),
        ("The toll exceeded 60,000 last week.", "exceeded 60,000", "lower_bound"),
        ("Upwards of 4,000 people are missing.", "Upwards of 4,000", "lower_bound"),
        ("A ferry carrying 400 or more passengers.", "400 or more", "lower_bound"),
        ("Fewer than 6,000 have registered.", "Fewer than 6,000", "upper_bound"),
        ("Nearly 69,000 people crossed.", "Nearly 69,000", "upper_bound"),
        ("The drone can fly up to 190 miles.", "up to 190 miles", "upper_bound"),
        ("A province of almost 7 million residents.", "almost 7 million", "upper_bound"),
        ("The toll nears 300.", "nears 300", "upper_bound"),
        ("The bill was approaching 10 billion pounds.", "approaching 10 billion pounds", "upper_bound"),
        ("Arrivals went past 60 on Friday.", "past 60", "lower_bound"),
        ("Donations passed 500 by noon.", "passed 500", "lower_bound"),
        ("Quake death toll surpasses 2,000", "surpasses 2,000", "lower_bound"),
        ("Their savings crossed the Rs 3 crore level.", "crossed the Rs 3 crore", "lower_bound"),
        (
            "Paintings at an estimated street value of $8m were stolen.",
            "an estimated street value of $8m",
            "approximate",
        ),
        ("The toll has gone up to 1,870.", "1,870", "exact"),
        ("The toll was revised up to 1,870.", "1,870", "exact"),
        ("Up to 300 stalls may close.", "Up to 300", "upper_bound"),
        ("There were just 48 left.", "48", "exact"),
        ("Each sample weighed ~45g.", "~45g", "approximate"),
        ("Fewer failed: <5% of them.", "<5%", "upper_bound"),
    ],
)
def test_qualifier_words_at_the_number(sentence: str, text: str, qualifier: str) -> None:
    found = read(sentence)
    assert (found[0][0], found[0][3]) == (text, qualifier)


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("The depot holds between 700 and 1,000 crates.", 700, 1000),
        ("Attendance may hit 18,000 to 20,000.", 18000, 20000),
        ("A range of 100-300km was sought.", 100, 300),
        ("Two or three of the crew were hurt.", 2, 3),
        ("Nine or 10 fishermen were rescued.", 9, 10),
        ("Repairs costing $3 billion to $5 billion.", 3e9, 5e9),
        ("Between 1.2 and 1.5 million people.", 1.2e6, 1.5e6),
        ("Water levels fell by 1 to 1.5 metres.", 1, 1.5),
        ("The dam holds between 40-50 boats.", 40, 50),
        ("Crowds of between 2,000 to 3,000 gathered.", 2000, 3000),
        ("Crowds of between 1,000–2,000 gathered.", 1000, 2000),
        # the first end leaves off the thousands the second writes
        ("Police put the crowd at 30-40,000.", 30000, 40000),
        ("Some 70 to 100,000 marched.", 70000, 100000),
        ("Roads of 30-40,000 km were built.", 30000, 40000),
        # must not match: a first end that is no smaller order of the second is written whole
        ("Ranges of 5-4,000 were seen.", 5, 4000),
        ("Crowds of 2-40,000 gathered.", 2, 40000),
    ],
)
def test_ranges(sentence: str, low: float, high: float) -> None:
    found = read(sentence)
    assert len(found) == 1
    assert found[0][1:] == (pytest.approx(low), pytest.approx(high), "range")


def test_a_move_between_two_figures_is_not_a_range() -> None:
    found = read("Inflation rose from 14.97% to 15.61% in February.")
    assert [(v, q) for _, v, _, q in found] == [(14.97, "exact"), (15.61, "exact")]
    found = read("The debt grew by $2.1 billion to $80.4 billion.")
    assert [(v, q) for _, v, _, q in found] == [(2.1e9, "exact"), (80.4e9, "exact")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The count of missing has risen from 31 to 58.",
        "Arrivals had fallen from 900 to 640 by June.",
        "The tally of flooded homes has grown from 1,200 to 4,100.",
        "The number of cases went from 16 to 40 in a week.",
    ],
)
def test_a_move_after_a_participle_is_two_figures(sentence: str) -> None:
    assert [q for *_, q in read(sentence)] == ["exact", "exact"]


def test_a_participle_that_is_no_change_keeps_its_range() -> None:
    # must not match: "between" sets the ends of one figure whatever verb comes before
    found = read("The count of missing has risen to between 31 and 58.")
    assert [q for *_, q in found] == ["range"]


def test_a_step_and_the_count_it_reached_are_two_figures() -> None:
    assert [q[0] for q in read("The toll rose by 40 to 310.")] == ["40", "310"]
    assert [q[0] for q in read("The toll rose by 2 to 3 overnight.")] == ["2 to 3"]


def test_a_year_before_to_does_not_swallow_the_figure_after_it() -> None:
    found = read("Orders grew 45% in 2019 to 2.7 million bikes.")
    assert [v for _, v, _, _ in found] == [45, 2.7e6]


def test_two_figures_from_two_sources_are_not_a_range() -> None:
    found = read("The march drew 1,2 million, police estimated, and 3,5 million, the organisers claimed.")
    assert [v for _, v, _, _ in found] == pytest.approx([1.2e6, 3.5e6])
    assert {q for _, _, _, q in found} == {"exact"}


def test_a_restatement_in_brackets_takes_the_qualifier_of_the_figure_it_restates() -> None:
    found = read("The quake struck about 40 km (25 miles) northwest of Herat.")
    assert [(t, q) for t, _, _, q in found] == [("about 40 km", "approximate"), ("25 miles", "approximate")]


def test_a_score_is_not_a_range() -> None:
    assert read("They were 2-0 down at half time.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The levy passed 61-39 on its second reading.",
        "The board voted 61-39 to sell the depot.",
        "It was confirmed by a vote of 61-39.",
        "The levy cleared the chamber by a 61-39 vote.",
        # the chamber that voted, or what it voted on, between the verb and the tally
        "The levy passed the Senate 61-39 on Tuesday.",
        "The upper house approved the levy 61-39.",
        "The plan passed the full Assembly 61-39.",
        "The court struck the levy down in a 61-39 ruling.",
    ],
)
def test_a_vote_tally_is_two_exact_figures(text: str) -> None:
    assert [(value, qualifier) for _, value, _, qualifier in read(text)] == [(61, "exact"), (39, "exact")]


def test_a_year_span_near_a_vote_is_no_tally() -> None:
    assert read("The council voted on the 2025-26 levy.") == []
    assert read("The visitors won 3-1 on Sunday.") == []
    assert read("The home side defeated the visitors 3-1 on Sunday.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The kite rose about 300 feet, or 90 metres, above the dunes.",
            [("about 300 feet", "approximate"), ("90 metres", "approximate")],
        ),
        (
            "Around 2,000 families or 9,000 people were moved.",
            [("Around 2,000", "approximate"), ("9,000", "approximate")],
        ),
        ("Some 300 sites or 40 towns were hit.", [("Some 300", "approximate"), ("40", "exact")]),
    ],
)
def test_a_figure_restated_another_way_takes_the_qualifier_it_restates(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, q) for t, _, _, q in read(sentence)] == expected


def test_an_approximate_hyphenated_figure_is_a_measure_not_a_make_up() -> None:
    assert [t for t, _, _, _ in read("The hall has an approximately 400-person capacity.")] == [
        "approximately 400"
    ]
    assert read("A 12-person jury sat.") == []


@pytest.mark.parametrize(
    ("text", "figure", "qualifier"),
    [
        # "over" after a counted plural says where the things were, not how many
        ("Air defences downed 61 drones over nine provinces overnight.", "nine", "exact"),
        ("Storms flattened 2,400 barns over three counties.", "three", "exact"),
        # must not match: "over" after a verb, or after a conjunction, is a lower bound
        ("Air defences downed over 60 drones overnight.", "over 60", "lower_bound"),
        ("The blast killed 5 people and wounded over 20.", "over 20", "lower_bound"),
    ],
)
def test_over_after_a_counted_plural_is_a_place_not_a_bound(text: str, figure: str, qualifier: str) -> None:
    assert (figure, qualifier) in {(found, q) for found, _, _, q in read(text)}


def test_the_low_end_a_speaker_allows_is_a_lower_bound() -> None:
    assert read("The toll could be as few as 60.") == [("as few as 60", 60, None, "lower_bound")]
    assert read("Prices rose as little as 2 percent.")[0][3] == "lower_bound"
    # must not match: "as many as" is the high end
    assert read("The toll could be as many as 90.")[0][3] == "upper_bound"


def test_a_toll_up_to_a_figure_has_reached_it() -> None:
    assert read("Death toll up to 32 in Varnia hostel collapse") == [("32", 32.0, None, "exact")]
    # must not match: "up to" after a preposition is a bound
    assert read("Officials gave a toll of up to 300.") == [("up to 300", 300.0, None, "upper_bound")]


def test_a_toll_that_is_up_to_a_figure_has_reached_it() -> None:
    assert read("The toll from both storms was up to 41 by noon.") == [("41", 41.0, None, "exact")]
    assert read("The tally is now up to 17.") == [("17", 17.0, None, "exact")]
    # must not match: what the toll may be is a bound
    assert read("The toll could be up to 500.") == [("up to 500", 500.0, None, "upper_bound")]


def test_a_bound_written_with_a_hyphen_is_a_bound() -> None:
    assert read("At-least nine workers died.") == [("At-least nine", 9.0, None, "lower_bound")]
    assert read("At-most 40 people died.") == [("At-most 40", 40.0, None, "upper_bound")]
    # must not match: a hyphenated word that is no bound
    assert read("The at-risk group numbered 40.") == [("40", 40.0, None, "exact")]
