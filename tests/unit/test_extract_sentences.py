"""News-aware sentence splitting."""

from __future__ import annotations

from worker.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_initials_and_decimals_do_not_end_a_sentence() -> None:
    text = (
        "The war began on Oct. 7 when Lt. Gen. S. Kobylash said 3.5 million fled. "
        "The U.N. said Gov. Smith agreed. No. 2 was next."
    )
    assert sentences(text) == [
        "The war began on Oct. 7 when Lt. Gen. S. Kobylash said 3.5 million fled.",
        "The U.N. said Gov. Smith agreed.",
        "No. 2 was next.",
    ]


def test_line_breaks_are_boundaries_and_blank_lines_vanish() -> None:
    assert sentences("Headline without a stop\n\nBody one. Body two.") == [
        "Headline without a stop",
        "Body one.",
        "Body two.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert sentences('"We are pleased," she said. "It works." Then he left.') == [
        '"We are pleased," she said.',
        '"It works."',
        "Then he left.",
    ]


def test_clock_time_ends_a_sentence_only_before_a_new_one() -> None:
    assert sentences("It struck at 3 p.m. on Friday. It struck at 7 a.m. Rescuers came.") == [
        "It struck at 3 p.m. on Friday.",
        "It struck at 7 a.m.",
        "Rescuers came.",
    ]


def test_spans_are_offsets_into_the_text() -> None:
    text = "  One here.  Two there.\n"
    assert split_sentences(text) == [(2, 11), (13, 23)]


def test_an_abbreviation_before_a_number_ends_no_sentence() -> None:
    assert sentences("Voters backed Prop. 12 and Hwy. 9 got a new lane. Then polls closed.") == [
        "Voters backed Prop. 12 and Hwy. 9 got a new lane.",
        "Then polls closed.",
    ]
    # before a word the same letters may end a sentence
    assert sentences("The set needed a prop. Nobody brought one.") == [
        "The set needed a prop.",
        "Nobody brought one.",
    ]


def test_a_full_stop_that_lost_its_space_still_ends_a_sentence() -> None:
    assert sentences("Shelling went on for hours.Army staff said 59 fighters died.") == [
        "Shelling went on for hours.",
        "Army staff said 59 fighters died.",
    ]
    # must not match: an abbreviation or an initial glued to a name
    assert sentences("He met Dr.Lund and J.Smith there.") == ["He met Dr.Lund and J.Smith there."]
