"""Cleaning raw bodies: markup, entities, spaces, page noise, repeats, datelines, and honest offsets."""

from __future__ import annotations

import html
import re

import pytest

from worker.ingest.clean import DATELINE, LINK_PREFIXES, NOISE_LINES, NOISE_PREFIXES, clean_body, line_key

_TAG = re.compile(r"<[^<>]*>")


def _loosely(text: str) -> str:
    """Text with tags dropped, entities decoded and every run of spaces made one space."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def _assert_lines_map_back(body: str, headline: str | None = None) -> None:
    cleaned = clean_body(body, headline)
    position = 0
    for line in cleaned.text.split("\n"):
        start, end = cleaned.original_span(position, position + len(line))
        assert _loosely(body[start:end]).endswith(_loosely(line)), (line, body[start:end])
        position += len(line) + 1


def test_block_tags_become_line_breaks_and_inline_tags_vanish() -> None:
    body = (
        "<div><p>Crews said <b>14</b> homes burned.</p>"
        "<p>Roads <a href='/x'>closed</a>.<br/>More later.</p></div>"
    )
    assert clean_body(body).text == "Crews said 14 homes burned.\nRoads closed.\nMore later."


@pytest.mark.parametrize(
    ("body", "text"),
    [
        # a line stopping on a word no sentence ends with, or a comma
        (
            "Storms cut power to homes in the\nnorth, the utility said.",
            "Storms cut power to homes in the north, the utility said.",
        ),
        (
            "Officials said at least\n1,250 homes lost power.",
            "Officials said at least 1,250 homes lost power.",
        ),
        ("Rain fell for a week,\nForecasters said.", "Rain fell for a week, Forecasters said."),
        # a line that goes on in lower case
        (
            "The storm killed 12 people\nand left thousands without power.",
            "The storm killed 12 people and left thousands without power.",
        ),
    ],
)
def test_a_hard_wrapped_sentence_is_one_line(body: str, text: str) -> None:
    assert clean_body(body).text == text
    _assert_lines_map_back(body)


@pytest.mark.parametrize(
    "body",
    [
        "Storm kills 12 in the north\nThe storm struck on Monday.",  # a headline, then the story
        "The storm killed 12 people.\nand more rain is due.",  # a closed sentence
        "Storms cut power to homes in the\n\nnorth of the state.",  # a blank line between
        "<p>Storms cut power to homes in the</p><p>north of the state.</p>",  # block tags
        "Storm toll rises, police said\nTwelve people died.",  # a headline ending in a cue
    ],
)
def test_a_line_that_is_complete_stays_its_own_line(body: str) -> None:
    assert "\n" in clean_body(body).text


def test_script_style_and_comments_are_removed() -> None:
    body = "<style>p { color: red }</style>Nine boats left.<!-- tracking --><script>var n = 5;</script>"
    assert clean_body(body).text == "Nine boats left."
    assert clean_body("Two<SCRIPT>n = 1;</script> ships<Style>b {}</STYLE>").text == "Two\nships"


def test_table_cells_keep_their_words_apart() -> None:
    assert clean_body("<tr><td>North</td><td>120</td></tr>").text == "North | 120"
    assert clean_body("<tr> <th> Region </th> <th>Deaths</th> </tr>").text == "Region | Deaths"


def test_a_line_with_two_tabs_or_more_is_a_table_row_and_one_tab_is_a_space() -> None:
    assert clean_body("Region\tDeaths\tInjured\nNorth\t120\t340\t\n").text == (
        "Region | Deaths | Injured\nNorth | 120 | 340"
    )
    assert clean_body("The toll\trose to 40.\n\tIndented.\t").text == "The toll rose to 40.\nIndented."


def test_entities_are_decoded_and_unknown_ones_kept() -> None:
    body = "The council&#39;s count: 40 &amp; rising &#x2014; &bogus; says AT&T staff."
    assert clean_body(body).text == "The council's count: 40 & rising — &bogus; says AT&T staff."


def test_spaces_are_normalized() -> None:
    body = "  Some\u00a0400\tpeople  left\r\nMoved&nbsp;&nbsp;out.\u200b \n\n\n\x1f\x07\n"
    assert clean_body(body).text == "Some 400 people left\nMoved out."


def test_a_lone_angle_bracket_is_text() -> None:
    assert clean_body("Turnout was < 40 percent and > 3 times the last.").text == (
        "Turnout was < 40 percent and > 3 times the last."
    )


@pytest.mark.parametrize("noise", sorted(NOISE_LINES))
def test_each_noise_line_is_dropped(noise: str) -> None:
    body = f"Officials counted 12 shelters.\n{noise}\n  {noise.upper()} \nThe count rose to 15."
    assert clean_body(body).text == "Officials counted 12 shelters.\nThe count rose to 15."


def test_a_row_of_share_buttons_and_counts_is_dropped() -> None:
    body = "Officials counted 12 shelters.\nShare 1.4K | Tweet | Email | 37 comments\nThe count rose to 15."
    assert clean_body(body).text == "Officials counted 12 shelters.\nThe count rose to 15."
    # must not match: a line of figures with a story word is story text
    assert clean_body("Shares fell 4 percent.").text == "Shares fell 4 percent."


def test_noise_words_inside_a_sentence_are_kept() -> None:
    body = "Most popular among the 30 volunteers was the night shift.\nShare this with 5 friends, she said."
    assert clean_body(body).text == body


@pytest.mark.parametrize("prefix", sorted(NOISE_PREFIXES))
def test_short_lines_opening_with_a_noise_prefix_are_dropped(prefix: str) -> None:
    body = f"Divers found 3 cars.\n{prefix.strip().capitalize()} some trailing words\nDivers left."
    assert clean_body(body).text == "Divers found 3 cars.\nDivers left."


def test_long_paragraph_opening_with_a_noise_prefix_is_kept() -> None:
    paragraph = "Click here for the map: " + "the harbour authority said 80 containers fell overboard, " * 3
    assert clean_body(paragraph).text == paragraph.strip()


@pytest.mark.parametrize("prefix", sorted(LINK_PREFIXES))
def test_links_to_other_stories_are_dropped_whatever_their_length(prefix: str) -> None:
    link = (
        f"{prefix.capitalize()} Ferry operator fined $2m " + "after the second of its boats ran aground " * 4
    )
    body = f"Divers found 3 cars.\n{link}\nDivers left."
    assert clean_body(body).text == "Divers found 3 cars.\nDivers left."


@pytest.mark.parametrize(
    "byline",
    [
        "By Ines Varga",
        "By Ines Varga | Updated 09:10 GMT",
        "By Ines Varga and Tom van Dam, Wirepost",
        "By Ines Varga - 4 min read",
        "By Wirepost",
    ],
)
def test_a_byline_on_a_line_of_its_own_is_dropped(byline: str) -> None:
    assert clean_body(f"{byline}\nDivers found 3 cars.").text == "Divers found 3 cars."


@pytest.mark.parametrize(
    "line",
    ["By Friday, 40 cars had been found.", "By Friday Evening the divers had found 40 cars."],
)
def test_a_story_line_opening_with_by_is_kept(line: str) -> None:
    assert clean_body(f"{line}\nDivers left.").text == f"{line}\nDivers left."


def test_a_sentence_that_mentions_reading_more_is_kept() -> None:
    body = "Read more about it in the 40-page report, the minister told 300 delegates."
    assert clean_body(body).text == body


def test_repeated_headline_keeps_only_the_first_copy() -> None:
    headline = "Ferry sinks, 20 missing"
    body = f"{headline}\n{headline}\nRescuers searched all night.\n{headline}"
    assert clean_body(body).text == "Ferry sinks, 20 missing\nRescuers searched all night."


def test_the_headline_field_opens_the_text_once_and_its_copies_in_the_body_are_dropped() -> None:
    body = "FERRY SINKS, 20 MISSING\nRescuers searched all night.\nFerry sinks: 20 missing"
    cleaned = clean_body(body, headline="Ferry sinks, 20 missing")
    assert cleaned.text == "Ferry sinks, 20 missing\nRescuers searched all night."
    assert cleaned.headline_end == len("Ferry sinks, 20 missing")
    # a span in the headline maps into the headline, one in the body into the body
    assert cleaned.original_span(13, 15) == (13, 15)
    night = cleaned.text.index("night")
    assert body[slice(*cleaned.original_span(night, night + 5))] == "night"
    # must not match: with no headline field the text is the body's alone
    assert clean_body(body).headline_end == 0


def test_a_caption_repeated_with_and_without_its_label_is_kept_once() -> None:
    caption = "Crews shore up the levee at Marlow Bend. (Example Photo)"
    body = f"Photo: {caption}\n{caption}\nThe river rose 2 metres overnight.\nImage: a different picture"
    assert clean_body(body).text.split("\n") == [
        f"Photo: {caption}",
        "The river rose 2 metres overnight.",
        "Image: a different picture",
    ]
    assert line_key("Photographers counted 40 boats.") != line_key("counted 40 boats.")


def test_a_short_rights_line_is_page_furniture() -> None:
    body = "The river rose 2 metres overnight.\nCopyright 2025 Example Wire. All rights reserved."
    assert clean_body(body).text == "The river rose 2 metres overnight."


def test_repeated_captions_and_paragraphs_keep_the_first() -> None:
    caption = "Volunteers sort donated clothes in a sports hall, May 3, 2024. (Example Photo)"
    body = "\n".join(
        [
            caption,
            caption,
            "The hall now shelters 300 families, the mayor said.",
            caption.replace("Photo)", "photo )"),
            "The hall now shelters 300 families,  the mayor said. ",
            "A second hall opens on Monday.",
        ]
    )
    assert clean_body(body).text == "\n".join(
        [caption, "The hall now shelters 300 families, the mayor said.", "A second hall opens on Monday."]
    )


def test_a_place_in_lower_case_is_a_dateline_only_with_a_date_and_an_agency() -> None:
    for line in ["Orlo (Westland): The toll rose.", "Port Ellis, June 3: The toll rose."]:
        assert clean_body(f"Headline words here\n{line}").dateline_place is None


def test_line_key_ignores_case_spacing_and_punctuation() -> None:
    assert line_key("Storm: 5 dead!") == line_key("storm 5   dead") == "storm5dead"
    assert line_key("Storm: 5 dead") != line_key("Storm: 6 dead")


@pytest.mark.parametrize(
    ("line", "place", "rest"),
    [
        ("GAZA CITY (AFP) - Strikes killed 12 people.", "Gaza City", "Strikes killed 12 people."),
        (
            "SAN MARCOS, Huila Province (AP) — Aid trucks waited.",
            "San Marcos, Huila Province",
            "Aid trucks waited.",
        ),
        ("LONDON, Oct 7 (Reuters) - Prices rose.", "London", "Prices rose."),
        ("NAY PYI TAW (Reuters) - The toll rose.", "Nay Pyi Taw", "The toll rose."),
        ("PARIS - Crowds gathered.", "Paris", "Crowds gathered."),
        ("KYIV, Ukraine (AP) – Sirens sounded.", "Kyiv, Ukraine", "Sirens sounded."),
        ("Orlo (Westland) [Norland], June 3 (XNA): The toll rose.", "Orlo, Westland", "The toll rose."),
        ("Port Ellis [Norland], May 8 (XNA): Sirens sounded.", "Port Ellis", "Sirens sounded."),
    ],
)
def test_dateline_is_lifted_off_the_first_paragraph(line: str, place: str, rest: str) -> None:
    cleaned = clean_body(f"Headline words here\n{line}\nNext paragraph.")
    assert cleaned.dateline_place == place
    assert cleaned.text == f"Headline words here\n{rest}\nNext paragraph."


@pytest.mark.parametrize(
    "line",
    [
        "The UN - and its agencies - said 40 people died.",
        "Police said 40 people died - a record.",
        "UN - talks resumed.",
        "Gaza City - aid arrived.",
    ],
)
def test_dateline_pattern_does_not_match_ordinary_openings(line: str) -> None:
    assert DATELINE.match(line) is None
    assert clean_body(line).dateline_place is None


def test_only_an_opening_line_can_be_a_dateline() -> None:
    body = "\n".join(["Headline", "First.", "Second.", "Third.", "Fourth.", "ROME (Reuters) - Late."])
    assert clean_body(body).dateline_place is None


def test_offsets_are_exact_for_verbatim_spans() -> None:
    body = "<p>TT</p>\n<p>GAZA CITY (AFP) - At least <b>1,200</b> people were hurt, medics said.</p>\n"
    cleaned = clean_body(body)
    start = cleaned.text.index("1,200")
    orig_start, orig_end = cleaned.original_span(start, start + len("1,200"))
    assert body[orig_start:orig_end] == "1,200"
    sentence_start = cleaned.text.index("At least")
    orig_start, orig_end = cleaned.original_span(sentence_start, len(cleaned.text))
    assert body[orig_start:orig_end] == "At least <b>1,200</b> people were hurt, medics said."


def test_a_span_touching_a_rewritten_piece_covers_its_source() -> None:
    body = "Some&nbsp;2,000&nbsp;people&#39;s homes"
    cleaned = clean_body(body)
    assert cleaned.text == "Some 2,000 people's homes"
    start = cleaned.text.index(" 2,000 ")
    orig_start, orig_end = cleaned.original_span(start, start + len(" 2,000 "))
    assert body[orig_start:orig_end] == "&nbsp;2,000&nbsp;"
    apostrophe = cleaned.text.index("'")
    assert cleaned.original_span(apostrophe, apostrophe + 1) == (body.index("&#39;"), body.index("&#39;") + 5)


def test_every_cleaned_line_maps_back_to_its_source() -> None:
    body = (
        "Quarry collapse traps 8\n"
        "<p>MINE TOWN, Region (AP) — Rescuers&nbsp;said   <i>8</i> workers were trapped &amp; 2 hurt.</p>\n"
        "A photo caption of the scene. (Photo)\nRELATED ARTICLES\n"
        "A photo caption of the scene. (Photo)\r\n"
        "\tOfficials said the site had 40&#160;staff.\u00a0\n"
        "Quarry collapse traps 8\n"
    )
    _assert_lines_map_back(body)
    cleaned = clean_body(body)
    assert cleaned.text == (
        "Quarry collapse traps 8\n"
        "Rescuers said 8 workers were trapped & 2 hurt.\n"
        "A photo caption of the scene. (Photo)\n"
        "Officials said the site had 40 staff."
    )


def test_spans_are_clamped_and_empty_bodies_are_fine() -> None:
    empty = clean_body("")
    assert (empty.text, empty.dateline_place, empty.original_span(0, 5)) == ("", None, (0, 0))
    noise_only = clean_body("TT\nMost Popular\n")
    assert noise_only.text == ""
    cleaned = clean_body("Ten boats.")
    assert cleaned.original_span(-3, 99) == (0, 10)
    assert cleaned.original_span(4, 4) == (4, 4)


def test_a_title_pasted_twice_on_one_line_is_kept_once() -> None:
    title = "Storm cuts power to 9,000 homes"
    body = f"{title} | {title}\nThe utility said 9,000 homes lost power."
    cleaned = clean_body(body)
    assert cleaned.text == "Storm cuts power to 9,000 homes\nThe utility said 9,000 homes lost power."
    start = cleaned.text.index("homes")
    assert body[slice(*cleaned.original_span(start, start + 5))] == "homes"
    # must not match: a title and the site's name are two texts
    assert clean_body("Storm cuts power to 9,000 homes | Valley Courier").text == (
        "Storm cuts power to 9,000 homes | Valley Courier"
    )


def test_an_authors_biography_line_is_dropped() -> None:
    body = "Divers found 3 cars.\nAbout the author: Ana Ruiz has reported from 40 countries.\nDivers left."
    assert clean_body(body).text == "Divers found 3 cars.\nDivers left."


def test_a_comment_counter_in_brackets_is_dropped() -> None:
    body = "Officials counted 12 shelters.\nComments (53)\nThe count rose to 15."
    assert clean_body(body).text == "Officials counted 12 shelters.\nThe count rose to 15."
    # must not match: a bracketed figure in a story line stays
    assert clean_body("Views differ (53 percent agree).").text == "Views differ (53 percent agree)."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The rally drew 50,000 people -- far more than expected.",
            "The rally drew 50,000 people — far more than expected.",
        ),
        (
            "Five sailors--two officers and three cadets--were rescued.",
            "Five sailors—two officers and three cadets—were rescued.",
        ),
    ],
)
def test_a_typewriters_double_hyphen_between_words_or_spaces_is_a_dash(body: str, expected: str) -> None:
    cleaned = clean_body(body)
    assert cleaned.text == expected
    dash = cleaned.text.index("—")
    start, end = cleaned.original_span(dash, dash + 1)
    assert body[start:end] == "--"


def test_hyphens_against_a_figure_or_in_a_rule_are_no_dash() -> None:
    assert clean_body("A state-run count of 3--4 sorts.").text == "A state-run count of 3--4 sorts."
    assert clean_body("Results---final.").text == "Results---final."


def test_a_dateline_with_its_agencies_in_brackets_needs_no_dash() -> None:
    cleaned = clean_body("PORT ELLIS, Norland (AP & AFP) The coast guard said 12 sailors were missing.")
    assert cleaned.text == "The coast guard said 12 sailors were missing."
    assert cleaned.dateline_place == "Port Ellis, Norland"
    # must not match: capitals and brackets inside a sentence are no dateline
    text = "The coast guard (CG) said 12 sailors were missing."
    assert clean_body(text).text == text
