"""The shared regex helpers: word alternations and when lower-casing may stand in for case-blind
matching (invented strings)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.extract.alternation import any_of, initials, lowers_like_ignorecase, word_alternation


def test_an_alternation_prefers_the_longer_word_that_shares_a_prefix() -> None:
    pattern = re.compile(rf"\b(?:{word_alternation(['eight', 'eighteen', 'eighty'])})\b")
    assert [m.group() for m in pattern.finditer("eighteen or eighty, not eight")] == [
        "eighteen",
        "eighty",
        "eight",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Toll Rose To 40",
        "the toll \u201crose\u201d \u2014 officials said \u00a3400",  # curly quotes, a dash, a pound sign
        "caf\u00e9 owners in Her\u0101t",  # letters that lower as case-blind matching reads them
        "",
    ],
)
def test_text_without_letters_that_fold_apart_lowers_like_ignorecase(text: str) -> None:
    assert lowers_like_ignorecase(text)


@pytest.mark.parametrize(
    "text",
    [
        "the Ro\u017fe Garden",  # a long s, which case-blind matching reads as "s"
        "1,200 in \u0130zmir",  # a dotted capital I, which str.lower turns into two characters
        "Diyarbak\u0131r",  # a dotless i, which case-blind matching reads as "i"
    ],
)
def test_text_with_letters_that_fold_apart_keeps_case_blind_matching(text: str) -> None:
    assert not lowers_like_ignorecase(text)
    if "\u017f" in text:  # the folding str.lower misses and the pattern would not
        assert re.search("rose", text, re.IGNORECASE) is not None and "rose" not in text.lower()


# How each letter of the words below may be written: both cases, and the characters that fold to it
# (the long s, the dotless and dotted i, the Kelvin sign) or only look like it ("\u00e9").
_WRITTEN = {"s": "sS\u017f", "i": "iI\u0131\u0130", "k": "kK\u212a", "e": "eE\u00e9"}


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["rose", "kill", "this"]).flatmap(
        lambda word: st.tuples(*(st.sampled_from(_WRITTEN.get(c, c + c.upper())) for c in word))
    ),
    st.text(max_size=4),
    st.text(max_size=4),
)
def test_lowered_text_matches_words_where_case_blind_matching_does(
    letters: tuple[str, ...], before: str, after: str
) -> None:
    text = before + "".join(letters) + after
    if lowers_like_ignorecase(text):
        lowered = text.lower()
        assert len(lowered) == len(text)
        for word in ("rose", "kill", "this"):
            assert [m.span() for m in re.finditer(word, lowered)] == [
                m.span() for m in re.finditer(word, text, re.IGNORECASE)
            ]


def test_initials_are_the_lower_cased_first_characters_and_rule_nothing_out_for_no_character() -> None:
    openings = initials(["Pro", "max", "post", "", "-long"])
    assert openings == "-mp"
    assert "p" in openings and "x" not in openings
    assert "" in openings  # no character known: the rule it guards is tried


def test_a_union_matches_where_one_of_its_patterns_does_each_with_its_own_case() -> None:
    blind = re.compile(r"\s+(?P<w>acres|hectares)\b", re.IGNORECASE)
    exact = re.compile(r"\s(?P<w>[A-Z]{3})\b")  # the same group name: the union drops the names
    union = any_of(blind, exact)
    for text in (" ACRES burned", " hectares", " USD 5", " usd 5", " miles", "acres"):
        expected = blind.match(text) is not None or exact.match(text) is not None
        assert (union.match(text) is not None) == expected, text


def test_a_union_keeps_no_flag_but_case_blindness() -> None:
    with pytest.raises(ValueError, match="case-blindness"):
        any_of(re.compile("^photo", re.MULTILINE))
