"""Numbers as written: digit groupings, decimals, scale words and numbers in words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.extract import extract_claims
from worker.extract.numbers import (
    ENGLISH_GROUPED,
    EUROPEAN_DECIMAL,
    EUROPEAN_GROUPED,
    INDIAN_GROUPED,
    NUMBER,
    number_tokens,
    parse_digits,
    parse_words,
)
from worker.extract.quantities import find_quantities
from worker.extract.sentences import split_sentences
from worker.models import WireItem
from worker.pipeline import process_item


def values(text: str) -> list[float]:
    return [q.value for q in find_quantities(text, 0, len(text))]


@pytest.mark.parametrize(
    ("pattern", "matching", "not_matching"),
    [
        (INDIAN_GROUPED, "3,38,934", "338,934"),
        (ENGLISH_GROUPED, "1,067,656", "1,09"),
        (EUROPEAN_GROUPED, "1.200.000", "1.2"),
        (EUROPEAN_DECIMAL, "3,5", "3,500"),
    ],
)
def test_digit_groupings_are_told_apart(pattern: str, matching: str, not_matching: str) -> None:
    assert re.fullmatch(pattern, matching)
    assert not re.fullmatch(pattern, not_matching)


def test_number_regex_finds_words_and_digits_but_not_plural_scale_words() -> None:
    found = [m.group(0) for m in NUMBER.finditer("Fifty-one patients and 2,000 children, hundreds of others")]
    assert found == ["Fifty-one", "2,000"]


@pytest.mark.parametrize(
    ("token", "value"),
    [("3,38,934", 338934), ("1,200", 1200), ("1,4", 1.4), ("20,6", 20.6), ("2377", 2377), ("3.7", 3.7)],
)
def test_parse_digits(token: str, value: float) -> None:
    assert parse_digits(token) == pytest.approx(value)


def test_single_dot_group_is_a_thousands_separator_only_before_a_count() -> None:
    assert parse_digits("1.200", grouping_context=True) == 1200
    assert parse_digits("1.200") == pytest.approx(1.2)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("two", 2),
        ("twenty-five", 25),
        ("One hundred and fifty", 150),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a million", 500_000),
        ("two and a half million", 2_500_000),
        ("Seventy-seven", 77),
        ("a quarter of a million", 250_000),
        ("three-quarters of a billion", 750_000_000),
        ("quarter of a million", 250_000),  # after a qualifier that stands for the article
        ("a quarter million", 250_000),
        ("a quarter-million", 250_000),
    ],
)
def test_parse_words(words: str, value: float) -> None:
    assert parse_words(words) == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("An estimated 2.6 million tenants face eviction.", [2_600_000]),
        ("The CGT counted 3,5 million demonstrators.", [3_500_000]),
        ("Floods affected 4,66,366 homes.", [466_366]),
        ("Turnout was 1,27 million people.", [1_270_000]),
        ("The budget was Rs14.5 trillion.", [14.5e12]),
        ("Borrowing rose by £16bn.", [16e9]),
        ("It will produce 1.2m tons of ilmenite.", [1_200_000]),
        ("The district has 1.200 residents.", [1200]),
        ("More than two dozen people died.", [24]),
        ("Two-and-a-half million people need food aid.", [2_500_000]),
        ("The deficit hit 3.4 trln yen.", [3.4e12]),
        ("The trln figure was 40.", [40]),  # a scale word needs its digits
        ("Nearly a quarter of a million voters stayed home.", [250_000]),
        ("Some three quarters of a million homes lost power.", [750_000]),
        ("A quarter of the million residents left.", [25]),  # a share of a count, not a part of a scale
        ("Some quarter of a million fans lined the route.", [250_000]),
        ("About a quarter million fans lined the route.", [250_000]),
        ("In the first quarter, 300 fans came.", [300]),  # a quarter of a year is no part of a scale
    ],
)
def test_scale_words_and_groupings_in_sentences(sentence: str, expected: list[float]) -> None:
    assert values(sentence) == pytest.approx(expected)


NEWS_ALPHABET = st.sampled_from(
    [*"0123456789 ,.-–%$£€()'\"\n", "million", "about", "more than", "km", "Oct.", "people", "two", "the"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(NEWS_ALPHABET, max_size=40).map("".join))
def test_any_text_gives_quantities_inside_their_sentence(text: str) -> None:
    for start, end in split_sentences(text):
        for quantity in find_quantities(text, start, end):
            assert start <= quantity.start < quantity.end <= end
            assert quantity.qualifier in {"exact", "approximate", "lower_bound", "upper_bound", "range"}


def test_number_tokens_agree_with_the_number_pattern_and_keep_offsets() -> None:
    text = (
        "İstanbul: a dozen, half a million, Fifty-one and 3,38,934 people; .5 of them; a quarter of a"
        " million, three quarters of a billion."
    )
    assert [(t.start, t.end) for t in number_tokens(text, 0, len(text))] == [
        (m.start(), m.end()) for m in NUMBER.finditer(text)
    ]


def claims_in(text: str) -> list[tuple[float, str | None, str]]:
    return [(c.value, c.unit, c.quantity_text) for c in extract_claims(text)]


def test_thousands_grouped_by_spaces_are_one_number_in_an_item_without_commas() -> None:
    text = "Volunteers counted 12 000 birds and 1 234 567 insects at the lake."
    assert claims_in(text) == [(12000.0, None, "12 000"), (1234567.0, None, "1 234 567")]


def test_no_break_and_thin_spaces_group_thousands_once_cleaned() -> None:
    body = "Volunteers counted 12\u00a0000 birds and 3\u2009400 bats."
    events = process_item(WireItem(id="spaces", body=body))
    assert [event.value for event in events] == [12000.0, 3400.0]


def test_spaces_group_thousands_in_an_item_that_also_groups_with_commas() -> None:
    text = "Most applicants came from Ruritania (12 345), then Freedonia (2,310) and Sylvania (1 007)."
    assert [value for value, _, _ in claims_in(text)] == [12345.0, 2310.0, 1007.0]


def test_a_year_before_a_space_grouped_count_stays_apart() -> None:
    text = "In 2021 4 350 claims were filed, against 3,980 a year before."
    assert [value for value, _, _ in claims_in(text)] == [4350.0, 3980.0]


def test_a_day_then_a_count_is_not_one_number() -> None:
    assert [value for value, _, _ in claims_in("On March 15 300 cyclists set off.")] == [300.0]


def test_a_stray_space_inside_a_grouping_is_read_through() -> None:
    assert claims_in("The roll lists 12,345, 678 voters.") == [(12345678.0, None, "12,345, 678")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The town logged 31, 507 cases.", [31507.0]),
        ("The slate won 318, 442 votes.", [318442.0]),
        # must not match: a day before it, or a clause after it
        ("On May 12, 345 people were hurt.", [345.0]),
        ("Of the 31, 507 were hurt.", [507.0]),
        ("Teams of 12, 345 and 678 met.", [12.0, 345.0, 678.0]),
    ],
)
def test_a_stray_space_after_a_lone_group_is_read_through_before_what_it_counts(
    text: str, values: list[float]
) -> None:
    assert [value for value, _, _ in claims_in(text)] == values


def test_a_list_after_a_grouped_number_keeps_its_numbers() -> None:
    values = [value for value, _, _ in claims_in("Crews cleared 1,200, 300 and 40 tonnes.")]
    assert values[:2] == [1200.0, 300.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board froze Rs.45.10 crore of assets.", (451_000_000.0, "INR", "Rs.45.10 crore")),
        ("Gold imports cross Rs 7 Cr mark", (70_000_000.0, "INR", "cross Rs 7 Cr")),
        ("It stood at Rs 18.08 crore.", (180_800_000.0, "INR", "Rs 18.08 crore")),
    ],
)
def test_rupee_amounts_glued_and_abbreviated(text: str, expected: tuple[float, str, str]) -> None:
    assert claims_in(text) == [expected]


def test_an_abbreviation_glued_to_digits_names_a_thing() -> None:
    assert claims_in("Gate No.5 stayed shut.") == []


def test_pounds_follow_the_country_of_the_item() -> None:
    text = "Egypt set aside £ 500 million for clinics and 20 million Egyptian pounds for schools."
    assert [unit for _, unit, _ in claims_in(text)] == ["EGP", "EGP"]
    assert [unit for _, unit, _ in claims_in("Cairo fans spent £40 in London.")] == ["GBP"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales climbed from 4.2 to 5.1 billion euros last year.", [(4.2e9, "EUR"), (5.1e9, "EUR")]),
        ("Costs rose from $3.4 to $3.9 million.", [(3.4e6, "USD"), (3.9e6, "USD")]),
        ("Turnout fell from 61 to 58 percent.", [(61.0, "percent"), (58.0, "percent")]),
        # Figures of different sizes keep what is written: 300 people, then 1.5 million.
        ("The camp grew from 300 to 1.5 million residents.", [(300.0, None), (1.5e6, None)]),
        # A list, not a move: nothing is carried.
        ("Shops opened 12 to 14 new branches, about 3 billion dollars' worth.", None),
    ],
)
def test_the_first_figure_of_a_move_takes_the_scale_and_unit_of_the_second(
    text: str, expected: list[tuple[float, str | None]] | None
) -> None:
    claims = [(c.value, c.unit) for c in extract_claims(text)]
    if expected is None:
        assert claims and claims[0][0] < 1000
    else:
        assert claims == expected


def test_a_stray_space_before_a_group_of_three_zeros_is_read_through() -> None:
    text = "Officials said over 100, 000 others were displaced."
    assert [(token.text, parse_digits(token.text)) for token in number_tokens(text, 0, len(text))] == [
        ("100, 000", 100_000.0)
    ]
    # must not match: two counts in a list, whose second is no group of zeros
    text = "Officials said 100, 200 and 300 were hurt."
    assert [token.text for token in number_tokens(text, 0, len(text))] == ["100", "200", "300"]
