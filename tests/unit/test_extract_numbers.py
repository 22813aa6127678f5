"""Numbers as written: digit groupings, decimals, scale words and numbers in words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    ],
)
def test_parse_words(words: str, value: float) -> None:
    assert parse_words(words) == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("An estimated 2.6 million people have been displaced.", [2_600_000]),
        ("The CGT counted 3,5 million demonstrators.", [3_500_000]),
        ("Floods affected 4,66,366 homes.", [466_366]),
        ("Turnout was 1,27 million people.", [1_270_000]),
        ("The budget was Rs14.5 trillion.", [14.5e12]),
        ("Borrowing rose by £16bn.", [16e9]),
        ("It will produce 1.2m tons of ilmenite.", [1_200_000]),
        ("The district has 1.200 residents.", [1200]),
        ("More than two dozen people died.", [24]),
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
    text = "İstanbul: a dozen, half a million, Fifty-one and 3,38,934 people; .5 of them."
    assert [(t.start, t.end) for t in number_tokens(text, 0, len(text))] == [
        (m.start(), m.end()) for m in NUMBER.finditer(text)
    ]
