"""One claim per figure: restatements in headlines, captions and repeated paragraphs are dropped."""

from __future__ import annotations

from dataclasses import replace

import pytest

from worker.extract import extract_claims
from worker.extract.dedup import deduplicate
from worker.extract.types import Attribution, Claim


def claim(  # noqa: PLR0913  test builder: every field by name, most with defaults
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
        "Valley tremors kill 418, agency says\n"
        "The relief agency put the toll from the tremors at 418 dead and 1,906 injured, "
        "its director said."
    )
    found = extract_claims(text)
    assert [(c.quantity_text, c.sentence_start > 0) for c in found] == [("418", True), ("1,906", True)]


def test_a_title_with_its_sites_name_after_a_bar_restates_the_body() -> None:
    text = (
        "Valley tremors kill 418 in the north | World News\n"
        "The relief agency put the toll from the tremors at 418 dead, its director said."
    )
    assert [c.quantity_text for c in extract_claims(text)] == ["418"]
    # must not match: two rows of a table with the same figure stay two claims
    text = "Deaths by district:\nNorth | 418\nSouth | 418\n"
    assert len(extract_claims(text)) == 2


def test_repeated_paragraph_gives_one_claim() -> None:
    paragraph = "Lifeguards said 87 swimmers were brought back to the beach."
    assert len(extract_claims(f"{paragraph}\n{paragraph}")) == 1


def test_same_value_counting_different_things_is_kept_twice() -> None:
    text = "Two tugs joined the search. Later two police launches began towing the barges."
    assert [c.counted for c in extract_claims(text)] == ["tugs", "police launches"]


def test_same_figure_in_one_sentence_is_kept_twice() -> None:
    text = "Russia fired more than 100 missiles and around 100 drones."
    assert len(extract_claims(text)) == 2


def test_different_sources_keep_their_own_claims() -> None:
    a = claim(500, 0, (0, 40), counted="deaths", category="killed", source="Red Crescent")
    b = claim(500, 50, (50, 90), counted="deaths", category="killed", source="United Nations")
    assert deduplicate([a, b]) == [a, b]


def test_the_first_body_statement_is_kept_with_the_source_of_the_restatement() -> None:
    sourced = claim(500, 50, (50, 90), counted="deaths", category="killed", source="Red Crescent")
    bare = claim(500, 0, (0, 40), counted="deaths", category="killed")
    [kept] = deduplicate([bare, sourced])
    assert (kept.start, kept.source) == (bare.start, sourced.source)


def test_a_restatement_with_other_qualifier_words_keeps_the_first_qualifier() -> None:
    text = (
        "Some 300 sites were damaged by the storm, the agency said.\n"
        "Engineers have now inspected over 300 sites along the coast."
    )
    assert [(c.quantity_text, c.qualifier) for c in extract_claims(text)] == [("Some 300", "approximate")]


def test_a_speaker_restating_the_figure_in_a_quote_is_one_claim() -> None:
    text = (
        "The toll from the landslide has risen to 41, the rescue agency said.\n"
        '"So far 41 people have been confirmed dead," Maria Osei, who heads the agency, told reporters.'
    )
    assert [(c.value, c.source.text if c.source else None) for c in extract_claims(text)] == [
        (41.0, "the rescue agency")
    ]


def test_a_figure_later_in_a_quote_of_several_sentences_restates_the_body() -> None:
    text = (
        "Raiders seized 35 villagers from a hamlet near the river, a district official said.\n"
        '"They came at night. They seized 35 villagers. Then they burned the granary," Tomas Reyes, '
        "a council member, told reporters."
    )
    assert [(c.value, c.source.text if c.source else None) for c in extract_claims(text)] == [
        (35.0, "a district official")
    ]


def test_a_sentence_after_a_closed_quote_keeps_its_own_source() -> None:
    text = (
        "Raiders seized 35 villagers from a hamlet, a district official said.\n"
        '"They came at night," Tomas Reyes said. He said they seized 35 villagers from his street.'
    )
    assert [(c.value, c.source.text if c.source else None) for c in extract_claims(text)] == [
        (35.0, "a district official"),
        (35.0, "Tomas Reyes"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Shells hit two schools in the north. Two others landed near the port.",
        "Two were killed in the east, and two in the west of the province.",
        "Inflation rose to 2.1% from 1.5% in May. Economists had forecast a rate of 1.5% for June.",
        "Rebels freed two hostages on Monday. Another two were still held in the hills.",
    ],
)
def test_different_figures_that_share_a_value_are_all_kept(text: str) -> None:
    counts: dict[float, int] = {}
    for found in extract_claims(text):
        counts[found.value] = counts.get(found.value, 0) + 1
    assert max(counts.values()) == 2


def test_a_title_line_restates_the_body_whatever_its_words() -> None:
    title = claim(100, 0, (0, 30), counted="toll", category="killed")
    body = claim(100, 50, (50, 120), counted="people", category="other")
    # the body's statement is kept, and the title says what its people count
    assert deduplicate([title, body], frozenset({0})) == [replace(body, category="killed")]


def test_rows_of_a_list_with_the_same_figure_are_two_claims() -> None:
    text = "Arrests by district:\n- North: 5\n- South: 5\nEast: 3\nWest: 3"
    assert [c.value for c in extract_claims(text)] == [5.0, 5.0, 3.0, 3.0]


def test_a_headline_with_a_colon_still_restates_the_body() -> None:
    text = "Ferry disaster: 41 feared dead\nRescuers said 41 people were feared dead after the ferry sank."
    assert len(extract_claims(text)) == 1


def test_a_figure_said_again_on_its_own_is_one_claim() -> None:
    text = '"We have closed 4,000 clinics," the minister said. "Four thousand." The rest stayed open.'
    assert [c.quantity_text for c in extract_claims(text)] == ["4,000"]


def test_a_figure_alone_in_a_list_row_or_with_words_is_not_a_restatement() -> None:
    # must not match: a row of a list counts its own; "Four thousand more" is another figure
    text = "Clinics closed by region:\n\n- 4,000.\n\n- 4,000.\n"
    assert [c.quantity_text for c in extract_claims(text)] == ["4,000", "4,000"]
    text = '"We have closed 4,000 clinics," the minister said. "Four thousand more."'
    assert [c.quantity_text for c in extract_claims(text)] == ["4,000", "Four thousand"]


def test_bullets_under_a_summary_heading_restate_the_story() -> None:
    text = (
        "Key points:\n- Toll rises to 112, agency says\n- At least 850 injured\n"
        "- Teams from 12 countries help\n\n"
        "The disaster agency said the toll had risen to 112, with 850 people injured."
    )
    found = [(c.quantity_text, c.qualifier) for c in extract_claims(text)]
    assert found == [("12", "exact"), ("112", "exact"), ("850", "exact")]


def test_rows_of_a_list_with_no_summary_heading_keep_their_figures() -> None:
    # must not match: a list introduced by a sentence is a breakdown, each row its own claim
    text = "Deaths by province:\n- North: 112\n- South: 850\n\nThe toll rose to 112 in the north."
    assert [c.quantity_text for c in extract_claims(text)] == ["112", "850", "112"]


def test_a_figure_restated_in_a_quote_with_other_qualifier_words_is_one_claim() -> None:
    text = (
        "More than 300 people are believed to have been buried in Velm, a relief official said.\n"
        '"There are 300 people under the soil," she told reporters.'
    )
    assert [claim.quantity_text for claim in extract_claims(text)] == ["More than 300"]


def test_a_quote_mark_elsewhere_in_the_sentence_does_not_make_the_figure_quoted() -> None:
    text = (
        "Organisers of the coast march put the crowd at 9,000.\n"
        'Police said 9,000 people joined the "Save the Bay" rally inland.'
    )
    assert [(c.value, c.source.text if c.source else None) for c in extract_claims(text)] == [
        (9000.0, "Organisers of the coast march"),
        (9000.0, "Police"),
    ]


def test_the_same_value_in_two_countries_is_two_claims() -> None:
    text = (
        "Organisers said 20,000 people marched in Montreal.\n"
        "In London, organisers said about 20,000 people marched."
    )
    assert [c.quantity_text for c in extract_claims(text)] == ["20,000", "about 20,000"]
    # must not match: a town and the district it lies in are one place at two scales
    text = "Floods killed 40 people in Pakistan.\nIn Sindh, 40 people died in the floods."
    assert [c.quantity_text for c in extract_claims(text)] == ["40"]


def test_a_headline_says_what_an_uncategorised_body_figure_counts() -> None:
    text = (
        "Toll rises to 28 in Velport tower collapse\nA body was found, bringing the number of victims to 28."
    )
    assert [(c.quantity_text, c.category) for c in extract_claims(text)] == [("28", "killed")]
    # must not match: a body figure that counts things keeps its own category
    text = "Floods kill 300 in Tarsa\nThe floods destroyed 300 homes, officials said."
    assert [(c.quantity_text, c.category) for c in extract_claims(text)] == [("300", "other")]


def test_a_headline_does_not_turn_arrivals_the_body_names_into_the_displaced() -> None:
    text = "Norland says 2,900 landed on Port Ellis\nThe ministry said 2,900 migrants landed on Port Ellis."
    assert [(c.quantity_text, c.category) for c in extract_claims(text)] == [("2,900", "other")]


def test_a_capital_named_beside_a_figure_is_in_that_countrys_not_a_namesakes() -> None:
    # "Santiago" is also a Dominican province: named as Chile's capital it is Chile's
    text = (
        "The toll rose to 51 in Valparaiso.\n"
        "East of Santiago, the number of dead rose to 51, the agency said."
    )
    assert [c.quantity_text for c in extract_claims(text)] == ["51"]
    # must not match: a figure in another country's town keeps its own claim
    text = "The toll rose to 51 in Valparaiso.\nIn Lima, 51 people died, the agency said."
    assert [c.quantity_text for c in extract_claims(text)] == ["51", "51"]
