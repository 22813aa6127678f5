"""The shared regex helpers: word alternations and when lower-casing may stand in for case-blind
matching (invented strings)."""

from __future__ import annotations

import re

import pytest

from worker.extract.alternation import lowers_like_ignorecase, word_alternation


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
        "",
    ],
)
def test_text_without_letters_outside_ascii_lowers_like_ignorecase(text: str) -> None:
    assert lowers_like_ignorecase(text)


@pytest.mark.parametrize(
    "text",
    [
        "the Ro\u017fe Garden",  # a long s, which case-blind matching reads as "s"
        "1,200 in \u0130zmir",  # a dotted capital I, which str.lower turns into two characters
        "caf\u00e9 owners",
    ],
)
def test_text_with_letters_outside_ascii_keeps_case_blind_matching(text: str) -> None:
    assert not lowers_like_ignorecase(text)
    if "\u017f" in text:  # the folding str.lower misses and the pattern would not
        assert re.search("rose", text, re.IGNORECASE) is not None and "rose" not in text.lower()
