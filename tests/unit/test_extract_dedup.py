"""One claim per figure: restatements in headlines, captions and repeated paragraphs are dropped."""

from __future__ import annotations

from worker.extract import extract_claims
from worker.extract.dedup import deduplicate
from worker.extract.types import Attribution, Claim


def claim(
    value: float,
    start: int,
    sentence: tuple[int, int],
    *,
    counted: str | None,
    category: str = "other",
    source: str | None = None,
) -> Claim:
    attribution = Attribution(source, source.lower(), "government", "said") if source else None
    return Claim(
        value, None, "exact", None, str(value), counted, category, start, start + 1, *sentence, attribution
    )


def test_headline_figure_is_dropped_for_the_body_sentence_with_its_source() -> None:
    text = (
        "Afghan earthquakes kill 2,053, ministry says\n"
        "The disaster ministry put the toll from the earthquakes at 2,053 dead and 9,240 injured, "
        "its spokesman said."
    )
    found = extract_claims(text)
    assert [(c.quantity_text, c.sentence_start > 0) for c in found] == [("2,053", True), ("9,240", True)]


def test_repeated_paragraph_gives_one_claim() -> None:
    paragraph = "Rescuers said 87 people had been pulled from the sea."
    assert len(extract_claims(f"{paragraph}\n{paragraph}")) == 1


def test_same_value_counting_different_things_is_kept_twice() -> None:
    text = "Two jets took part in the raid. Later two junta columns began raiding villages."
    assert [c.counted for c in extract_claims(text)] == ["jets", "junta columns"]


def test_same_figure_in_one_sentence_is_kept_twice() -> None:
    text = "Russia fired more than 100 missiles and around 100 drones."
    assert len(extract_claims(text)) == 2


def test_different_sources_keep_their_own_claims() -> None:
    a = claim(500, 0, (0, 40), counted="deaths", category="killed", source="Red Crescent")
    b = claim(500, 50, (50, 90), counted="deaths", category="killed", source="United Nations")
    assert deduplicate([a, b]) == [a, b]


def test_unsourced_restatement_yields_to_the_sourced_one() -> None:
    sourced = claim(500, 50, (50, 90), counted="deaths", category="killed", source="Red Crescent")
    bare = claim(500, 0, (0, 40), counted="deaths", category="killed")
    assert deduplicate([bare, sourced]) == [sourced]


def test_a_title_line_restates_the_body_whatever_its_words() -> None:
    title = claim(100, 0, (0, 30), counted="toll", category="killed")
    body = claim(100, 50, (50, 120), counted="people", category="other")
    assert deduplicate([title, body], frozenset({0})) == [body]
