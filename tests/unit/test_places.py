"""Places: gazetteer entries with ids and parents, a figure's place, an item's event place."""

from __future__ import annotations

import re

import pytest

from worker.extract import extract_claims, places
from worker.extract.places import (
    event_kind,
    figure_place,
    find_places,
    foreign_namesake,
    gazetteer,
    item_places,
    listed_place,
    sentence_places,
)


def ids(text: str) -> list[str]:
    return [mention.place.id for mention in find_places(text)]


def place_of(text: str, figure: str, next_figure: str | None = None) -> str | None:
    """The place `figure_place` gives the figure written `figure` in a one-sentence text."""
    mentions = sentence_places(text, 0, len(text))
    until = text.index(next_figure) if next_figure is not None else len(text)
    return figure_place(text, mentions, text.index(figure), until)


def test_a_city_a_city_with_its_country_and_a_city_after_its_region_are_one_place() -> None:
    palu = gazetteer().lookup("Palu", "ID")
    assert palu is not None and palu.level == "city" and palu.country == "ID"
    for text in (
        "Rescuers arrived in Palu on Monday.",
        "Crews worked in Palu, Indonesia.",
        "in Central Sulawesi's Palu",
    ):
        assert palu.id in ids(text), text


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Crews fought the blaze in Santa Rosa, California, on Monday.", "US"),
        ("Floods reached Santa Rosa, Argentina, overnight.", "AR"),
        ("Residents return to Santa Rosa, California\nThe fire is out.", "US"),  # a headline's end
        ("Floods reached Santa Rosa, in the Philippines, overnight.", None),  # no area right after it
    ],
)
def test_a_town_written_with_its_region_or_country_after_a_comma_is_the_one_there(
    text: str, country: str | None
) -> None:
    default = gazetteer().lookup("Santa Rosa")
    assert default is not None
    [town, *_] = find_places(text)
    assert town.place.country == (country or default.country)


def test_a_country_that_speaks_after_a_comma_does_not_place_the_town_before_it() -> None:
    default = gazetteer().lookup("Santa Rosa")
    assert default is not None and default.country != "AR"
    [town, *_] = find_places("Shelling hit Santa Rosa, Argentina said on Monday.")
    assert town.place.id == default.id


def test_a_subdivision_written_in_english_or_in_the_national_language_is_one_entry() -> None:
    assert ids("in West Java") == ids("in Jawa Barat") == ["iso:ID-JB"]
    # an island's name in the national language too: "Sumatera Utara" is North Sumatra
    assert ids("in North Sumatra") == ids("in Sumatera Utara") == ["iso:ID-SU"]


def test_a_countrys_common_official_and_endonym_names_are_one_place() -> None:
    gaz = gazetteer()
    turkey = {gaz.lookup(name) for name in ("turkey", "turkiye", "republic of turkiye")}
    korea = {gaz.lookup(name) for name in ("south korea", "republic of korea")}
    assert len(turkey) == 1 and len(korea) == 1
    assert next(iter(korea)) != gaz.lookup("north korea")


def test_a_subdivision_has_its_country_as_parent() -> None:
    sindh = gazetteer().lookup("Sindh")
    assert sindh is not None and sindh.level == "region" and sindh.parent == "iso:PK"
    country = gazetteer().by_id["iso:PK"]
    assert sindh.within(country) and not country.within(sindh)


def test_an_ambiguous_region_name_follows_the_country() -> None:
    pakistan = gazetteer().lookup("Punjab", "PK")
    india = gazetteer().lookup("Punjab", "IN")
    assert pakistan is not None and india is not None
    assert (pakistan.country, india.country) == ("PK", "IN")


def test_a_month_or_a_small_town_named_like_a_word_is_no_place() -> None:
    assert ids("Protests resumed in March.") == []
    assert ids("Smith said the count was wrong.") == []


def test_letters_without_an_accent_to_strip_are_spelt_in_ascii() -> None:
    # the dotless i of Turkish, the Polish l with a stroke: "Bartin" and "Lodz" as English papers write them
    assert gazetteer().lookup("Bartin") == gazetteer().lookup("Bartın")
    assert gazetteer().lookup("Bartin") is not None
    assert gazetteer().lookup("Lodz") == gazetteer().lookup("Łódź")
    assert gazetteer().lookup("Lodz") is not None


def test_an_item_that_names_no_place_takes_only_its_country_from_the_dateline() -> None:
    where = item_places("Workers found 21 bodies in the rubble at Okafor Street.", None, "Lagos")
    assert where.country == "NG"
    assert where.event_place is not None and where.event_place.id == "iso:NG"
    where = item_places("Crews held the fire at 3,000 acres.", None, "Santa Rosa, California")
    assert where.event_place is not None and where.event_place.id == "iso:US"
    # an item that names a place keeps the dateline out, as a bureau's city is not the event's
    where = item_places("Floods in Somalia killed 30 people.", None, "Nairobi")
    assert where.country == "SO"


def test_unit_words_after_a_name_are_part_of_the_mention() -> None:
    assert [m.place.name for m in find_places("Cianjur district officials said")] == ["Cianjur"]


def test_each_figure_takes_the_place_that_follows_it() -> None:
    text = "Crews found 40 bodies in Sindh and 12 in Balochistan."
    mentions = sentence_places(text, 0, len(text))
    assert figure_place(text, mentions, text.index("40"), text.index("12")) == "Sindh"
    assert figure_place(text, mentions, text.index("12"), len(text)) == "Balochistan"


def test_in_a_list_each_figure_takes_the_place_of_its_own_phrase_not_the_nearer_one_before() -> None:
    text = "The agency counted 210 deaths in Punjab, 15 in Sindh and two in Balochistan."
    mentions = sentence_places(text, 0, len(text))
    assert figure_place(text, mentions, text.index("15"), text.index("two")) == "Sindh"
    assert figure_place(text, mentions, text.index("210"), text.index("15")) == "Punjab"


@pytest.mark.parametrize("joined", ["Sindh and Punjab", "Sindh, Punjab and Balochistan", "Sindh or Punjab"])
def test_a_figure_after_joined_places_is_no_one_places(joined: str) -> None:
    text = f"Schools in {joined} stayed shut as the toll reached 300."
    mentions = sentence_places(text, 0, len(text))
    assert figure_place(text, mentions, text.index("300"), len(text)) is None
    # must not match: one place before the figure is still its place
    text = "Schools in Sindh stayed shut as the toll reached 300."
    mentions = sentence_places(text, 0, len(text))
    assert figure_place(text, mentions, text.index("300"), len(text)) == "Sindh"


def test_a_place_after_a_clause_break_is_not_the_figures_own() -> None:
    text = "The toll in Punjab rose to 300 while in Sindh 40 people died."
    mentions = sentence_places(text, 0, len(text))
    assert figure_place(text, mentions, text.index("300"), text.index("40")) == "Punjab"


def test_a_place_where_words_were_said_is_not_the_figures() -> None:
    text = (
        "Speaking in the southeastern city of Sanliurfa on Saturday, the president said 80,104 were injured."
    )
    assert place_of(text, "80,104") is None
    # must not match: people in the city are counted there
    assert (
        place_of("Rescuers in the southeastern city of Sanliurfa said 80 people were injured.", "80")
        == "Sanliurfa"
    )


def test_a_happening_named_after_an_unlisted_place_names_no_place_of_the_figure() -> None:
    text = "The confirmed death toll in the Velmo wildfires has risen to 110."
    assert sentence_places(text, 0, len(text)) == []
    # must not match: a fire named after its site is that site, one of several
    text = "Nine died in the Velmo fire."
    assert [m.place.name for m in sentence_places(text, 0, len(text))] == ["Velmo"]


def test_a_us_county_named_as_its_government_writes_it_is_its_state() -> None:
    assert ids("The County of Maui updated its count.") == ["iso:US-HI"]
    assert ids("Maui County updated its count.") == ["iso:US-HI"]
    # must not match: a county's bare name is no place of its own
    assert ids("Maui updated its count.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most deaths were in the Democratic Republic of Congo.", ["iso:CD"]),
        ("The Republic of Congo reported cases.", ["iso:CG"]),
        ("Aid reached the Democratic Republic of the Congo.", ["iso:CD"]),
        # must not match: a body's name with "of" before a place leaves the place alone
        ("The Bank of Japan raised rates.", ["iso:JP"]),
        # the particles of Romance names join their words as "of" does
        ("Rain flooded Rio Grande do Sul again.", ["iso:BR-RS"]),
        ("Crews reached Santiago del Estero.", ["iso:AR-G"]),
        # must not match: a particle between two names of no place ("Ana da Costa")
        ("Ana da Costa flew to Brazil.", ["iso:BR"]),
    ],
)
def test_a_place_name_with_of_inside_it_is_read_whole(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_a_figure_past_a_new_clause_after_a_list_of_places_with_their_figures_is_none_of_theirs() -> None:
    text = "A total of 759 died in Sindh, 308 in Punjab and 23 in Balochistan while 12,867 were injured."
    assert place_of(text, "23", "12,867") == "Balochistan"
    assert place_of(text, "12,867") is None
    # must not match: one place with its figure still places the figure of the clause after it
    assert place_of("Floods killed 40 people in Sindh while 12 others were injured.", "12") == "Sindh"


def test_letters_an_item_defines_for_a_place_name_it_where_written_again() -> None:
    text = "Khyber Pakhtunkhwa (KPK) reported 303 deaths. Of the injured, 8,321 were in Sindh and 368 in KPK."
    where = item_places(text)
    again = [m for m in where.text_mentions if text[m.start : m.end] == "KPK" and text[m.start - 1] != "("]
    assert [m.place.id for m in again] == ["iso:PK-KP"]
    claims = extract_claims(text, place_mentions=where.text_mentions)
    assert {c.value: c.location for c in claims}[368] == "Khyber Pakhtunkhwa"
    # must not match: letters that do not open as the place's name are a body's that ends with it
    text = "The Investigative Committee of Russia (ICR) said 40 died. ICR officials said 12 more were hurt."
    assert not [m for m in item_places(text).text_mentions if text[m.start : m.end] == "ICR"]


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # people on the move are counted where they arrived
        ("Nearly 90,000 refugees from Tarsia have entered Moldova, the agency said.", "90,000", "Moldova"),
        ("More than 4,000 people crossed from Ukraine into Moldova on Sunday.", "4,000", "Moldova"),
        ("Some 7,000 families fled from Aleppo to Idlib last week.", "7,000", "Idlib"),
        # a span from one place to another is no journey, nor is where people come from
        (
            "At least 12 regions were shelled, from Kharkiv in the east to Odesa in the south.",
            "12",
            "Kharkiv",
        ),
        ("Some 40 people from Kenya died in the crash.", "40", "Kenya"),
        # a figure off a coast is placed there
        ("At least 9 people drowned off Lampedusa, the coast guard said.", "9", "Lampedusa"),
    ],
)
def test_where_people_went_and_where_they_were_found(text: str, figure: str, expected: str) -> None:
    mentions = sentence_places(text, 0, len(text))
    assert figure_place(text, mentions, text.index(figure), len(text)) == expected


def test_the_event_place_is_the_most_named_place_not_the_dateline() -> None:
    body = (
        "NAIROBI (Wire) - Floods in Somalia have killed 30 people, Somali officials said. "
        "The Juba river burst its banks in Somalia's south."
    )
    where = item_places(body, "Somalia floods kill 30")
    assert where.country == "SO"
    assert where.event_place is not None and where.event_place.country == "SO"


def test_the_place_a_lead_ties_to_the_happening_whose_toll_it_gives_is_the_event_place() -> None:
    body = (
        "The death toll from the explosion at the Amasra coal mine in Bartin has risen to 41, "
        "Turkey's interior minister said. Turkey has had three mine accidents this year."
    )
    where = item_places(body, "Turkey mine blast: toll rises to 41")
    assert where.event_place is not None and where.event_place.id == "iso:TR-74"
    # a lead that gives no toll of the happening leaves the country as the event place
    body = "Floods in Sindh killed 40 people, officials said. Pakistan's toll is now 1,000."
    where = item_places(body, "Pakistan floods: toll reaches 1,000")
    assert where.event_place is not None and where.event_place.id == "iso:PK"


def test_event_kind_is_named_by_the_opening() -> None:
    assert event_kind("A strong earthquake shook the coast; the quake toppled homes.", None) == "earthquake"
    assert event_kind("Thousands marched in a protest against the law.", None) == "protest"
    assert event_kind("The council met on Tuesday.", None) is None


@pytest.mark.parametrize(
    "opening",
    [
        'The vote gave the Greens 29%, which their leader called "a political earthquake".',
        "The office received a flood of complaints, some 12,000 in a week.",
        "The minister faced a storm of criticism after 40 jobs were cut.",
        # also in a headline, or with a capital
        "A Perfect Storm for the markets as 300 firms report losses",
        # the month of March is no march
        "Retail sales rose 0.4% in March from the previous month.",
        "On March 3 the council approved 40 new posts.",
        "Prices fell in mid-March and rose again on 12 March.",
    ],
)
def test_a_hazard_as_a_figure_of_speech_or_the_month_of_march_is_no_event(opening: str) -> None:
    assert event_kind(opening, None) is None


def test_every_hazard_a_figure_of_speech_names_holds_a_word_of_the_cheap_test() -> None:
    # the scan for figures of speech is skipped in an opening that holds none of the guard's words:
    # a hazard added to the pattern alone would never be taken back
    pattern = places._FIGURE_OF_SPEECH.pattern
    hazards = [
        word for group in re.findall(r"\(\?P<word(?:_of)?>([^)]*)\)", pattern) for word in group.split("|")
    ]
    assert "firestorm" in hazards and "deluge" in hazards
    for hazard in hazards:
        assert any(word in hazard for word in places.FIGURE_OF_SPEECH_HAZARDS), hazard


def test_a_march_named_with_a_capital_in_a_headline_is_a_protest() -> None:
    # must not match: a march in a title-case headline, and one on a date, are protests
    assert (
        event_kind("Police said 2,000 joined.", "Thousands March in Capital Against Pension Law") == "protest"
    )
    assert event_kind("The 12 March march drew 40,000 people.", None) == "protest"


def test_a_hazard_of_its_own_matter_is_an_event() -> None:
    # must not match: a flood of mud and a storm named as itself are events
    assert event_kind("A flood of mud buried 40 homes in the valley.", None) == "storm-flood"
    assert event_kind("The storm cut power to 12,000 homes.", None) == "storm-flood"


@pytest.mark.parametrize(
    "opening",
    [
        "Floods swept the valley on Monday; the flood waters, the worst in years, rose.",
        "Floods swept the valley on Monday \u2014 the \u201cworst\u201d flood waters in years rose.",
        "FLOODS swept the Dr\u00e4u valley on Monday; the flood waters rose.",  # a letter outside ASCII
    ],
)
def test_event_kind_reads_typographic_and_accented_openings_alike(opening: str) -> None:
    assert event_kind(opening, None) == "storm-flood"


def test_a_storm_and_the_floods_it_brings_are_one_kind_a_quake_another() -> None:
    assert event_kind("The cyclone made landfall; floods and landslides followed.", None) == "storm-flood"
    assert event_kind("Monsoon floods swept the valley.", None) == "storm-flood"
    assert event_kind("The tsunami hit after the quake.", None) == "earthquake"


def test_extreme_heat_and_bush_fires_are_one_kind_with_heatwaves_and_wildfires() -> None:
    assert event_kind("Extreme heat killed 510 people in the first half of July.", None) == "heat-fire"
    assert event_kind("Bushfires and grass fire burned 3,000 hectares.", None) == "heat-fire"


def test_a_fire_measured_by_the_land_it_burned_is_a_wildfire() -> None:
    assert event_kind("The Cedar Ridge fire has grown to 30,000 acres, officials said.", None) == "heat-fire"
    assert event_kind("The fire was 15 percent contained; containment lines held.", None) == "heat-fire"
    # a fire in a building stays an accident, even when it is contained
    assert event_kind("A fire in a market killed 12 traders, the fire service said.", None) == "accident"
    assert event_kind("Firefighters contained a fire at a chemical plant.", None) == "accident"


def test_a_place_the_gazetteer_does_not_list_is_still_a_place_of_its_own() -> None:
    text = "Floods killed 27 people in Tarsa district and 4 in Parliament's annex."
    [mention] = sentence_places(text, 0, len(text))
    assert (text[mention.start : mention.end], mention.place.id) == ("Tarsa", "name:tarsa")


def test_a_unit_word_after_a_name_does_not_hide_the_place() -> None:
    tacloban = gazetteer().lookup("Tacloban City", "PH")
    assert tacloban is not None and tacloban.name == "Tacloban"


def listed(text: str, figure: str) -> str | None:
    figures = [text.index(word) for word in ("410", "230", "150", "88", "61", "three") if word in text]
    return listed_place(text, len(text), find_places(text), text.index(figure), figures)


def test_in_a_list_each_figure_takes_the_place_written_just_before_it() -> None:
    text = "Of 900 deaths in the monsoon, Kerala has reported 410, Assam (AS) 230 and Bihar 150."
    assert [listed(text, f) for f in ("410", "230", "150")] == ["Kerala", "Assam", "Bihar"]


def test_respectively_pairs_places_and_figures_by_rank() -> None:
    text = (
        "Kerala was worst hit, followed by Assam and eastern Bihar states, "
        "which counted 88 and 61 deaths, respectively."
    )
    assert listed(text, "88") == "Assam"
    assert listed(text, "61") == "Bihar"


def test_the_worst_hit_place_and_a_place_with_its_figure_are_the_figures() -> None:
    text = "Kerala was the worst-hit state, where 410 people died, followed by Assam with 230 deaths."
    assert listed(text, "410") == "Kerala"
    assert listed(text, "230") == "Assam"


def test_a_place_separated_from_the_figure_by_other_words_is_not_listed() -> None:
    text = "Officials in Kerala said on Monday that rescuers had found 410 bodies."
    assert listed(text, "410") is None


def test_a_listed_name_that_is_a_place_only_in_another_country_is_not_taken() -> None:
    # "Capital Territory" alone is a Solomon Islands province; among Indian states it is a name's tail.
    text = "Assam reported 410, Bihar 230 and the Capital Territory three."
    assert listed(text, "230") == "Bihar"
    assert listed(text, "three") is None


def test_a_figures_own_phrase_place_comes_before_the_listed_one() -> None:
    text = "Kerala has reported 410 deaths in Kochi."
    mentions = sentence_places(text, 0, len(text))
    assert figure_place(text, mentions, text.index("410"), len(text), listed(text, "410")) == "Kochi"


@pytest.mark.parametrize(
    "headline",
    ["Bohol earthquake kills 90", "Toll from the quake in the Philippines' Bohol rises to 90"],
)
def test_the_place_a_headline_ties_to_the_event_is_the_event_place(headline: str) -> None:
    body = (
        "Rescuers across the Philippines searched collapsed churches on Tuesday. The Philippines "
        "said aid was reaching the Philippines' central islands, including Bohol."
    )
    where = item_places(body, headline)
    assert where.event_place is not None and where.event_place.id == "iso:PH-BOH"
    # With no headline field, the text's first line is read as one.
    first_line = item_places(f"{headline}\n{body}", None)
    assert first_line.event_place is not None and first_line.event_place.id == "iso:PH-BOH"
    # A headline that names only the country leaves the event with the country.
    national = item_places(body, "Philippine quake toll rises to 90")
    assert national.event_place is not None and national.event_place.level == "country"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("In neighbouring Syria, the toll is at least 950 people, officials said.", "Syria"),
        ("Across flood-hit Sindh, 40 people died on Monday.", "Sindh"),
        # who holds the place is no part of its name, capitalised or not
        ("Officials in Junta-run Velmora said 40 people died.", "Velmora"),
        ("Medics in rebel-held Tarsa said 40 people died.", "Tarsa"),
        ("In the end, 40 people died.", None),
    ],
)
def test_a_qualifying_word_between_the_locative_and_the_place_keeps_it_the_figures(
    sentence: str, place: str | None
) -> None:
    assert [claim.location for claim in extract_claims(sentence)] == [place]


def test_a_story_that_counts_province_by_province_is_about_the_country() -> None:
    body = (
        "Floods have killed 900 people across Pakistan. Sindh has reported 410 deaths, "
        "Khyber Pakhtunkhwa 230 and Balochistan 150. In Sindh, 60 districts are under water; "
        "Sindh's capital is cut off."
    )
    where = item_places(body, None)
    assert where.event_place is not None and where.event_place.id == "iso:PK"


def test_a_story_about_one_province_keeps_it_as_the_event_place() -> None:
    body = (
        "Floods have killed 410 people in Sindh. In Sindh, 60 districts are under water; Sindh's "
        "capital is cut off, and aid is arriving from Punjab."
    )
    where = item_places(body, None)
    assert where.event_place is not None and where.event_place.id == "iso:PK-SD"


def test_a_place_that_a_share_of_the_figure_comes_from_is_not_the_figures_place() -> None:
    text = "The national toll stood at 5,200, with most of the victims from Sindh."
    mentions = sentence_places(text, 0, len(text))
    assert figure_place(text, mentions, text.index("5,200"), len(text)) is None
    plain = "The toll stood at 5,200 in Sindh."
    plain_mentions = sentence_places(plain, 0, len(plain))
    assert figure_place(plain, plain_mentions, plain.index("5,200"), len(plain)) == "Sindh"


@pytest.mark.parametrize(
    "text",
    [
        "Dr Hana Chad said the clinic treated 40 patients.",
        "Dr. Rosa Georgia said the clinic treated 40 patients.",
        "Interior Minister Jordan Pell said 40 people were arrested.",
        "Mr Kenya told reporters 40 homes had burned.",
    ],
)
def test_a_place_name_inside_a_persons_name_after_a_title_is_no_place(text: str) -> None:
    assert find_places(text) == []
    assert item_places(text).country is None


@pytest.mark.parametrize(
    "text",
    [
        "Chad Okonkwo, the county clerk, said 8,200 ballots were still uncounted.",
        "Georgia Pell, a spokeswoman for the clinic, said 40 patients were treated.",
        "Israel Mabuza, 35, said 300 fans queued overnight.",
        "Press secretary Jordan Vance said 14 orders were signed.",
        "Agency spokeswoman Mara Velez said 380,000 had crossed.",  # both names are places too
    ],
)
def test_a_place_name_that_is_a_persons_first_name_is_no_place(text: str) -> None:
    assert find_places(text) == []
    assert item_places(text).country is None


@pytest.mark.parametrize(
    "text",
    [
        "Floods in Georgia, a state already hit by storms, cut power to 12,000 homes.",
        "In Jordan, the relief agency said 300 families arrived.",
        "The Jordan Valley authority said 300 farms were flooded.",
    ],
)
def test_a_place_described_after_its_name_stays_a_place(text: str) -> None:
    assert item_places(text).country in {"GE", "US", "JO"}


@pytest.mark.parametrize(
    "text",
    [
        "About 8,000 people fled, according to the UN.",
        "The WHO said 40 cases were confirmed.",
        "Aid arrived thanks to Chad.",
    ],
)
def test_letters_of_a_body_and_a_source_after_according_to_are_no_event_place(text: str) -> None:
    assert all(mention.place.level == "country" or not mention.locative for mention in find_places(text))
    assert item_places(text).event_place is None or item_places(text).event_place.level == "country"


def test_the_event_place_keeps_the_texts_spelling_when_only_accents_differ() -> None:
    where = item_places("A quake near Herat killed 40 people. Crews in Herat dug through the night.")
    assert (where.event_place.name, where.event_name) == ("Herāt", "Herat")
    assert item_places("Floods in Sulawesi and elsewhere in Indonesia killed 40.").event_name is None


def test_a_place_in_capitals_in_a_line_in_capitals_is_still_a_place() -> None:
    assert [mention.place.name for mention in find_places("FLOODS HIT SUKKUR, 40 DEAD")] == ["Sukkur"]


@pytest.mark.parametrize(
    "text",
    ['"We counted 40 dead," Soria said.', '"We counted 40 dead," said Soria.'],
)
def test_a_one_word_speaker_right_after_a_quotation_is_no_place(text: str) -> None:
    assert find_places(text) == []


def test_a_place_inside_a_quotation_or_a_capital_that_speaks_stays_a_place() -> None:
    assert [m.place.name for m in find_places('"Floods hit Soria," the mayor said.')] == ["Soria"]
    assert item_places('"We need help," Kyiv said of the 40 dead.').country == "UA"


def test_an_acronym_in_brackets_after_a_name_is_no_place() -> None:
    text = "The Relief Authority (RA) said 40 homes were lost in Sindh."
    assert [mention.place.name for mention in find_places(text)] == ["Sindh"]
    assert [mention.place.country for mention in find_places("The island nation (UK) said 40 died.")] == [
        "GB"
    ]


def test_a_place_after_a_capitalised_word_that_is_no_title_stays_a_place() -> None:
    assert [mention.place.country for mention in find_places("DR Congo's army said 40 died.")] == ["CD"]
    assert [mention.place.country for mention in find_places("Oxfam Kenya said 40 died.")] == ["KE"]


def test_a_place_where_a_figure_was_announced_is_not_the_figures_place() -> None:
    [claim] = extract_claims("More than 9,000 people have fled, the agency said at a briefing in Geneva.")
    assert claim.location is None
    [claim] = extract_claims("More than 9,000 people have fled to Geneva, the agency said.")
    assert claim.location == "Geneva"


def test_a_chinese_province_is_found_by_its_name_without_the_unit_word() -> None:
    assert ids("Floods hit Shandong and the Guangxi region.") == ["iso:CN-SD", "iso:CN-GX"]
    place = gazetteer().lookup("Xinjiang")
    assert place is not None and place.name == "Xinjiang"


def test_an_unlisted_place_after_a_unit_word_and_of_is_a_place() -> None:
    [claim] = extract_claims("Rain killed 14 people in the northern province of Velmark.")
    assert claim.location == "Velmark"
    [claim] = extract_claims("Rain killed 14 people near the Irkutsk region of Velmark.")
    assert claim.location == "Irkutsk"


def test_a_place_before_a_colon_is_a_rows_place_in_a_short_line_only() -> None:
    rows = extract_claims("Toll by province\nPunjab: 41 dead\nSindh - 32 dead", location="Pakistan")
    assert [claim.location for claim in rows] == ["Punjab", "Sindh"]
    [claim] = extract_claims(
        "New Delhi: More than 80 people were killed when the storm struck the coast on Wednesday.",
        location="India",
    )
    assert claim.location == "India"


def test_a_chamber_of_parliament_is_no_place() -> None:
    [claim] = extract_claims("Members in the House want to cut $1.5 trillion.")
    assert claim.location is None


def test_a_currency_mark_is_no_place() -> None:
    assert find_places("The plan received US$112 million and NZ$4 million.") == []
    assert item_places("The plan received US$112 million.").country is None


def test_the_venue_where_a_figure_was_announced_is_not_its_place() -> None:
    text = "Speaking at a press briefing in Geneva, the envoy said 9,000 people had fled."
    [claim] = extract_claims(text, location="Sudan")
    assert claim.location == "Sudan"


def test_where_reporters_were_told_a_figure_is_not_the_event_place() -> None:
    text = "An outbreak has killed 19 people in two provinces, a spokesman told reporters in Geneva."
    assert item_places(text).event_place is None
    text = "Floods have killed 19 people in Sylhet, the minister told journalists in Dhaka."
    where = item_places(text)
    assert where.event_place is not None and where.event_place.name == "Sylhet"


def test_a_capital_that_speaks_stands_for_its_government_not_the_event_place() -> None:
    text = (
        "Border guards said they had turned back 300 people at the crossing on Sunday. "
        "Kyiv did not comment on the figure, and Moscow denied any role."
    )
    where = item_places(text)
    assert where.event_place is not None and where.event_place.level == "country"
    # a capital where things happen is still a place
    hit = item_places("Drones struck Kyiv overnight; 40 were shot down over Kyiv, the air force said.")
    assert hit.event_place is not None and hit.event_place.name == "Kyiv"


def test_a_sea_named_by_an_adjective_is_no_vote_for_the_country() -> None:
    assert item_places("The Indian Ocean tsunami of 2004 killed about 230,000 people.").country is None
    assert item_places("Indian officials said 40 people had died.").country == "IN"


def test_a_fire_that_is_shooting_or_arson_names_no_accident() -> None:
    assert event_kind("Gunmen kill 14 in attack on village. They set 40 homes on fire.") == "conflict"
    assert event_kind("Troops opened fire on the crowd after the attack.") == "conflict"
    # must not match: a fire that is the happening
    assert event_kind("A fire at a factory killed 14 workers.") == "accident"


def test_a_demonym_opening_a_regions_name_votes_for_the_region_not_the_nation() -> None:
    where = item_places("Some 30,000 residents must leave, British Columbia officials said.")
    assert where.country == "CA"
    assert where.event_place is not None and where.event_place.id == "iso:CA-BC"


def test_a_place_after_fort_or_port_is_part_of_a_longer_unlisted_name() -> None:
    assert "iso:NZ-NSN" not in ids("A wildfire bears down on Fort Nelson, officials said.")
    # the listed long names are whole, a country's name still tells the country, and the bare name
    # is still a place
    assert ids("They fled to Port Sudan.") == ["gn:377039"]
    assert ids("Ships reached Port Sudan.") == ["iso:SD"]
    assert ids("Floods hit Nelson.") == ["iso:NZ-NSN"]


@pytest.mark.parametrize(
    "venue",
    # the words a venue ends on, and the spaces after them, as the cheap test before its pattern reads them
    ["told reporters in the Gambia", "told reporters in  Senegal", "spoke at a briefing at Senegal"],
)
def test_a_venue_ending_on_the_or_on_spaces_is_not_the_event_place(venue: str) -> None:
    assert (
        item_places(f"An outbreak has killed 19 people in two provinces, a spokesman {venue}.").event_place
        is None
    )
    assert item_places("An outbreak has killed 19 people in the Gambia.").event_place is not None


def test_a_conference_venue_is_not_the_event_place() -> None:
    text = "Donors pledged $900 million for the flood-hit valley at a conference in Brussels on Monday."
    assert item_places(text).event_place is None
    # the same city as the scene of the event
    assert item_places("Floods in Brussels forced 900 people from their homes.").event_place is not None


def test_a_district_named_like_a_common_word_is_no_place_at_a_sentence_start() -> None:
    text = "Some 400 people reached the camp. Most of them walked for days."
    assert find_places(text) == []


def test_a_country_iso_writes_inverted_is_named_as_text_writes_it() -> None:
    gaz = gazetteer()
    assert gaz.by_id["iso:PS"].name == "State of Palestine"
    assert gaz.by_id["iso:CD"].name == "Democratic Republic of the Congo"
    assert gaz.by_id["iso:VG"].name == "British Virgin Islands"
    # must not match: a list of islands keeps its commas
    assert gaz.by_id["iso:BQ"].name == "Bonaire, Sint Eustatius and Saba"
    assert gaz.lookup("State of Palestine") == gaz.by_id["iso:PS"]


def test_an_unlisted_place_may_open_a_sentence_or_follow_a_qualifying_word() -> None:
    text = "In Tarsa, 43 homes fell; in neighbouring Velm, 12 more."
    named = [mention.place.name for mention in sentence_places(text, 0, len(text))]
    assert named == ["Tarsa", "Velm"]
    # must not match: a month after "In" is a date
    assert sentence_places("In March, 40 homes fell.", 0, 24) == []


def test_a_word_after_saint_is_part_of_a_longer_name() -> None:
    text = "Crowds in St Paul, Minnesota, grew."
    assert [text[m.start : m.end] for m in find_places(text)] == ["Minnesota"]  # never "Paul" alone
    # must not match: a listed name that opens with "St" is still found whole
    text = "Floods in St Petersburg killed 4 people."
    assert [text[m.start : m.end] for m in find_places(text)] == ["St Petersburg"]


def test_a_countrys_people_named_in_the_plural_vote_for_it() -> None:
    where = item_places("About 1,300 Kenyans and 40 Ugandans were stranded; the Kenyans were flown home.")
    assert where.country == "KE"
    # must not match: a plural that is no people of a country votes for none
    assert item_places("The Titans won 40 games.").country is None


def test_police_is_a_word_not_a_polish_town() -> None:
    text = "Deputy Superintendent of Police of Westland district Jo Lind said 36 died."
    assert "Police" not in [text[m.start : m.end] for m in find_places(text)]


@pytest.mark.parametrize(
    ("sentence", "location"),
    [
        ("Police counted 119,000 marchers in the Parisian procession.", "Paris"),
        ("Crowds of 5,000 gathered in the Indian capital.", "India"),
        # must not match: an adjective of no listed place stays as written; a name is no adjective
        ("Some 40 died in the Velmese hills.", "Velmese"),
        ("Some 40 died in Tarsa village.", "Tarsa"),
    ],
)
def test_a_places_adjective_after_a_locative_word_names_that_place(sentence: str, location: str) -> None:
    [claim] = extract_claims(sentence)
    assert claim.location == location


@pytest.mark.parametrize(
    "text",
    [
        "A spokeswoman for the board, Nadia Kent, said 1,200 people had been moved.",
        "Nadia Kent said 1,200 people had been moved.",
        '"We moved 1,200 people," said Tomas Jordan, a harbour official.',
    ],
)
def test_a_place_that_ends_a_persons_name_is_no_place(text: str) -> None:
    where = item_places(text)
    assert where.event_place is None
    assert where.country is None


def test_a_countrys_name_after_a_bodys_is_its_branch_there() -> None:
    # must not match: "Oxfam Kenya said" names the charity's branch in Kenya, no person
    assert item_places("Oxfam Kenya said 40 died.").country == "KE"


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # must not match: a region word, a preposition or a country before the place
        ("In North Kent, 200 homes were flooded, officials said.", "Kent"),
        ("Across Kent, 200 homes were flooded, officials said.", "Kent"),
        ("Officials said 200 homes in Kent, a county of orchards, were flooded.", "Kent"),
    ],
)
def test_a_place_after_a_region_word_is_still_a_place(text: str, location: str) -> None:
    [claim] = extract_claims(text)
    assert claim.location == location


def test_a_place_a_size_is_measured_against_is_not_where_it_happened() -> None:
    [claim] = extract_claims("Fires have burned 40,000 hectares in Alberta, an area larger than Belgium.")
    assert claim.location == "Alberta"
    [claim] = extract_claims("The spill, which covers the size of Luxembourg, has killed 900 seabirds.")
    assert claim.location is None


def test_an_abbreviation_that_numbers_what_follows_is_no_place() -> None:
    [claim] = extract_claims("Police arrested 12 people near No. 10 Downing Street.")
    assert claim.location is None
    # must not match: an unlisted name after "near" is still a place of its own
    [claim] = extract_claims("Police arrested 12 people near Tarsa.")
    assert claim.location == "Tarsa"


def test_a_word_that_heads_a_longer_name_with_of_is_no_place() -> None:
    # "University" and "Gulf" are listed places of their own (a town, a province)
    assert ids("Researchers at the University of Westmark counted the wells.") == []
    assert [m.place.level for m in find_places("Ships were attacked in the Gulf of Aden.")] == ["city"]
    # must not match: a region named with its own country after "of" is still the region
    assert "iso:PK-SD" in ids("Floods in Sindh of Pakistan displaced thousands.")


def test_a_city_people_flee_is_a_place_named_by_the_verb() -> None:
    assert "gn:216281" in ids("About 20,000 people fled Goma on Monday.")
    # must not match: the same town named with no word of place or leaving is no mention
    assert "gn:216281" not in ids("Goma is quiet.")


def test_a_place_named_before_its_toll_in_the_headline_is_the_event_place() -> None:
    text = "The toll from the bombardment has risen to 410, the ministry said in Sudan."
    where = item_places(text, headline="El Fasher death toll passes 400")
    assert where.event_place is not None and where.event_place.name == "El Fasher"
    # must not match: a headline with no toll or event word leaves the country the event place
    where = item_places(text, headline="El Fasher waits for aid")
    assert where.event_place is not None and where.event_place.level == "country"


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Siege of the city enters its second month", "conflict"),
        ("Drone strikes hit the capital overnight", "conflict"),
        ("Dengue cases climb in the south", "outbreak"),
        ("Stampede at a stadium kills 12", "accident"),
        # must not match: a police raid or an assault charge is no armed conflict
        ("Police raid nets 40 suspects on assault charges", None),
    ],
)
def test_kinds_of_happening_named_in_a_headline(headline: str, kind: str | None) -> None:
    assert event_kind("", headline) == kind


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("Kiev", "Kyiv"),  # an exonym of a large city
        ("Bombay", "Mumbai"),  # a former name of one
        ("Zuwara", "Zuwarah"),  # a small town spelled nearly as its listed name
    ],
)
def test_a_city_is_found_by_the_spellings_english_text_uses(written: str, listed: str) -> None:
    place = gazetteer().lookup(written)
    assert place is not None and place.level == "city" and place.name == listed


def test_codes_and_lower_case_transliterations_of_a_city_are_no_names() -> None:
    # must not match: an airport code and a lower-case romanisation GeoNames lists for Derna
    assert gazetteer().lookup("DNF") is None
    assert gazetteer().lookup("drnh") is None


def test_a_count_joined_to_a_clause_that_names_its_country_shares_it() -> None:
    text = "Officials said 900 people have died and nearly 4,000 others were injured in Ecuador."
    assert [c.location for c in extract_claims(text)] == ["Ecuador", "Ecuador"]
    # must not match: a country in the name of a body the second count went to is not where
    text = "Officials said 48 police were hurt and 22 people were treated at the Clinical Centre of Serbia."
    assert extract_claims(text)[0].location is None


def test_every_figure_in_a_list_row_labelled_by_a_place_is_that_places() -> None:
    text = "Deaths and missing by province:\n- Sindh: 61 dead, 40 missing\n- Punjab: 12 dead, 9 missing"
    assert [(c.value, c.location) for c in extract_claims(text)] == [
        (61.0, "Sindh"),
        (40.0, "Sindh"),
        (12.0, "Punjab"),
        (9.0, "Punjab"),
    ]
    # must not match: a dateline before prose is no row label
    text = "KARACHI: Floods in the province killed 61 people and left 40 missing, officials said on Monday."
    assert [c.location for c in extract_claims(text)] == [None, None]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The toll from Monday's strike on the port city has risen to 14, rescuers said.", "conflict"),
        ("Strikes killed 12 people in the market, medics said.", "conflict"),
        ("Rescue workers pulled 12 bodies from the rubble after the strike on the tower.", "conflict"),
        # must not match: a walkout with a picket line or unions stays a protest, even with people hurt
        ("Dock workers went on strike on Monday; two were injured at a picket line.", "protest"),
        ("A general strike closed schools as unions said 900,000 joined.", "protest"),
    ],
)
def test_a_strike_with_a_toll_and_no_walkout_words_is_an_attack(text: str, kind: str) -> None:
    assert event_kind(text, None) == kind


def test_an_oil_grade_named_after_a_place_is_no_place() -> None:
    assert [m.place.name for m in find_places("Brent crude rose 2% in London.")] == ["London"]
    # must not match: the region itself, named with no grade after it
    assert [m.place.name for m in find_places("Wells in Brent were shut.")] == ["Brent"]


def test_the_place_an_attack_struck_counts_as_a_place() -> None:
    assert [m.place.name for m in find_places("Ten died in the missile strike on Kupiansk.")] == ["Kupyansk"]
    # must not match: a town that only opens a longer name the gazetteer does not hold
    assert [m.place.name for m in find_places("Ten died in the raid on Kupiansk Velmarka.")] == []


def test_a_newspaper_named_after_a_city_is_no_place() -> None:
    assert [m.place.name for m in find_places("She told The Nairobi Star that 40 died in Kenya.")] == [
        "Kenya"
    ]
    # must not match: the city itself
    assert [m.place.name for m in find_places("Floods in Nairobi killed 40.")] == ["Nairobi"]


def test_a_country_named_with_a_river_or_basin_after_it_is_that_feature() -> None:
    assert "iso:NE" not in ids("A ferry capsized on the Niger River near Lokoja.")
    assert "iso:CD" not in ids("Logging cleared 400 hectares of the Congo Basin.")
    # must not match: the country alone is still a place
    assert "iso:NE" in ids("Floods in Niger destroyed 40 homes.")


def test_a_regions_name_in_capitals_amid_lower_case_is_a_bodys_letters() -> None:
    assert ids("The state news agency SANA reported 37 deaths.") == []
    # must not match: the region written as a name, and a country's letters, are places
    assert ids("Floods in Sanaa killed 37 people.") != []
    assert ids("The UAE reported 37 deaths.") == ["iso:AE"]


def test_a_first_name_after_a_title_shortened_with_a_full_stop_is_no_place() -> None:
    assert ids("Sen. Mary Ortiz said 14 states had passed the law.") == []
    assert ids("Gov. Victoria Lane said 14 towns had flooded.") == []
    # must not match: the same word with no title before it is the place
    assert ids("Aid convoys reached Mary on Friday.") == ["iso:TM-M"]


def test_a_first_name_set_off_after_a_role_is_no_place() -> None:
    assert ids("The army spokesman, Victoria Banda, said 40 soldiers were wounded.") == []
    # must not match: a place set off after a role with no surname after it stays a place
    assert ids("The spokesman said shelling hit Victoria, Mary and two other towns.") == [
        "iso:AU-VIC",
        "iso:TM-M",
    ]


def test_a_place_in_capitals_before_a_colon_that_opens_a_paragraph_is_a_dateline() -> None:
    text = "NEW DELHI: At least 40 people died when a bridge collapsed in Morbi, officials said."
    where = item_places(text, None, None)
    assert where.event_place is not None and where.event_place.name == "Morvi"
    # must not match: a headline's topic before a colon is what the story is about
    text = "UK: Channel crossings reach 23,000\n\nFrench officers stopped 1,150 boats, officials said."
    where = item_places(text, None, None)
    assert where.event_place is not None and where.event_place.id == "iso:GB"


def test_a_town_listed_only_abroad_is_an_unlisted_namesake_in_a_local_story() -> None:
    sonora = gazetteer().lookup("Sonora", "US")
    assert sonora is not None and sonora.country == "MX"
    local = "A wildfire in Tuolumne County, California burned on. Two died near Sonora."
    assert foreign_namesake(item_places(local, None, None), sonora, local)
    # must not match: a story that names the place's country, or names no town of its own country
    abroad = "A wildfire in California burned on. Two died near Sonora, Mexico."
    assert not foreign_namesake(item_places(abroad, None, None), sonora, abroad)
    national = "The United States sent aid. Two died near Sonora."
    assert not foreign_namesake(item_places(national, None, None), sonora, national)


@pytest.mark.parametrize("storm", ["Hurricane", "Typhoon", "Cyclone", "Storm"])
def test_a_storms_name_is_no_place(storm: str) -> None:
    assert find_places(f"{storm} Mara strengthened with winds of 160 mph.") == []
    # must not match: the region named in its own right is a place
    assert [m.place.id for m in find_places(f"The {storm.lower()} hit Mara on Monday.")] == ["iso:TZ-13"]


@pytest.mark.parametrize("body", ["the Norwegian Refugee Council", "the Danish Refugee Council"])
def test_an_international_body_named_after_its_home_names_no_event_place(body: str) -> None:
    where = item_places(f"Aid groups such as {body} said 40,000 people fled the fighting.", None)
    assert where.country is None
    # must not match: a country's own police named by its adjective votes for that country
    assert item_places("Norwegian police said 40 people were hurt.", None).country == "NO"


def test_a_train_that_derailed_and_vehicles_that_collided_are_accidents() -> None:
    assert event_kind("A passenger train derailed near the town, killing 11 people.", None) == "accident"
    assert event_kind("Two small planes collided over the lake, killing six.", None) == "accident"
    assert event_kind("A cargo ship ran aground, spilling 200 tonnes of oil.", None) == "accident"
    # must not match: talks that were derailed are no accident
    assert event_kind("Peace talks were derailed after 40 delegates walked out.", None) is None


def test_gunmen_and_suicide_bombers_name_an_armed_attack() -> None:
    assert event_kind("Gunmen stormed a school and seized 27 students.", None) == "conflict"
    assert event_kind("A suicide bomber killed at least 17 people at a market.", None) == "conflict"


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("South Sudanese officials said 40 people died in the clashes.", "SS"),
        ("Ivorian officials said 40 people died in the floods.", "CI"),
        ("Togolese officials said 40 people died in the floods.", "TG"),
        ("Paraguayan officials said 40 people died in the floods.", "PY"),
        ("Sri Lankan officials said 40 people died in the floods.", "LK"),
        ("South African officials said 40 people died in the floods.", "ZA"),
        # must not match: the neighbour whose adjective a longer one holds keeps its own
        ("Sudanese officials said 40 people died in the clashes.", "SD"),
    ],
)
def test_every_member_states_adjective_names_its_country(sentence: str, country: str) -> None:
    # the adjectives the regular suffix rules get wrong are listed in the place data, and one of
    # two words is read whole
    assert item_places(sentence).country == country


def test_a_word_written_twice_over_is_no_place() -> None:
    assert find_places("Thousands joined the Saba Saba protests on Monday.") == []
    # must not match: the place written once is still found
    assert [m.place.id for m in find_places("The storm hit Saba on Monday.")] == ["iso:BQ-SA"]


def test_a_table_row_opened_by_a_bar_gives_its_first_cells_place() -> None:
    text = "| Province | Dead | Injured |\n| Hatay | 22 | 140 |\n| Malatya | 18 | 95 |"
    assert [(c.quantity_text, c.location) for c in extract_claims(text)] == [
        ("22", "Hatay"),
        ("140", "Hatay"),
        ("18", "Malatya"),
        ("95", "Malatya"),
    ]
    # must not match: a row without the opening bar reads the same
    text = "Province | Dead | Injured\nHatay | 22 | 140\nMalatya | 18 | 95"
    assert [c.location for c in extract_claims(text)] == ["Hatay", "Hatay", "Malatya", "Malatya"]


@pytest.mark.parametrize(
    ("headline", "body", "country"),
    [
        (
            "Elders say US drone strike kills seven herders",
            "A US air strike near a well in southern Somalia killed seven herders, elders said on Friday.",
            "SO",
        ),
        (
            "Israeli warplanes hit villages",
            "Israeli warplanes struck three villages in southern Lebanon, killing nine people.",
            "LB",
        ),
        # must not match: a country's strikes on its own soil keep its vote
        (
            "Myanmar strike kills 40",
            "A Myanmar air strike on a village killed 40 people, residents said.",
            "MM",
        ),
    ],
)
def test_a_country_named_before_its_strikes_on_another_is_no_event_country(
    headline: str, body: str, country: str
) -> None:
    assert item_places(body, headline).country == country


def test_a_dateline_town_with_a_state_abbreviation_gives_the_country() -> None:
    where = item_places("Crews found 12 bodies in the rubble.", None, "MILLBROOK, Fla.")
    assert where.country == "US"
    assert where.event_place is not None and where.event_place.id == "iso:US"
    # must not match: an abbreviation the style book does not give a state stays unknown
    assert item_places("Crews found 12 bodies in the rubble.", None, "MILLBROOK, Xyz.").country is None


def test_the_gulf_is_no_region_on_its_own() -> None:
    assert ids("The Gulf states pledged aid.") == []
    # must not match: a region of another name is still read
    assert ids("Aid reached Western Cape.") == ["iso:ZA-WC"]


def test_a_us_county_by_its_full_name_is_its_state() -> None:
    assert ids("Crews fought the fire in Maui County on Tuesday.") == ["iso:US-HI"]
    assert ids("Miami-Dade County officials said the search went on.") == ["iso:US-FL"]
    # must not match: a county name thirty states share names none of them, and a bare county
    # name is no place
    assert "iso:US-CA" not in ids("He lives in Orange County.")
    assert ids("Maui officials said the search went on.") == []


def test_a_fire_in_an_opening_that_names_a_wildfire_is_that_wildfire() -> None:
    opening = "The number missing after the wildfire in Velport now stands at 388."
    assert event_kind(opening, "388 unaccounted for in island fire") == "heat-fire"
    # must not match: a fire in a building stays an accident beside a wildfire nearby
    opening = "A fire at a chemical plant killed 12 workers as wildfires raged in the hills."
    assert event_kind(opening, "Plant fire kills 12") == "accident"


def test_a_named_fire_in_a_housing_complex_is_an_accident() -> None:
    opening = "A fire at a residential complex in Velport's Orlo district has killed 36 people."
    assert event_kind(opening, "Velport Fire: 36 dead") == "accident"
    # must not match: a named fire that burned no building is a wildfire
    assert event_kind("The Velport Fire has killed 36 people.", "Velport Fire: 36 dead") == "heat-fire"


def test_a_fire_named_after_a_landmark_is_a_wildfire() -> None:
    assert event_kind(
        "The toll from the Ridge and Velmo fires rose to 25, nine in the Ridge fire.", None
    ) == ("heat-fire")
    assert event_kind("Nine died in the Velmo Canyon Fire, the coroner said.", None) == "heat-fire"
    # must not match: a country's forces opening fire, or a fire on a weekday in a building
    assert event_kind("Five medics were killed by Russian fire on the road.", None) != "heat-fire"
    assert event_kind("A Monday fire at a garment factory killed 12 workers.", None) == "accident"
    # nor a town's fire service, whose firefighters count the dead of any fire
    assert event_kind("The Orlo Fire Service said 12 died in the fire.", None) == "accident"


def test_a_capital_owning_a_governments_figure_stands_for_the_government() -> None:
    text = "At least 60 people died in the crush, up from Amman's official figure of 41 on Monday."
    where = item_places(text)
    assert where.event_place is not None and where.event_place.level == "country"
    # must not match: a capital's own streets are a place
    hit = item_places("At least 60 people died in Amman's old market after a fire on Monday.")
    assert hit.event_place is not None and hit.event_place.name == "Amman"


def test_an_unlisted_place_after_a_larger_ones_possessive_is_the_smaller_place() -> None:
    text = "Rescuers dug through the mud in Velmara's Tuskel on Friday."
    assert [m.place.name for m in sentence_places(text, 0, len(text))] == ["Tuskel"]
    # must not match: after a listed place's possessive, the listed place stands
    text = "The quake in Morocco's High Atlas mountains killed 1,000."
    assert [m.place.name for m in sentence_places(text, 0, len(text))] == ["Morocco"]


def test_the_kind_of_storm_before_its_name_is_no_town() -> None:
    text = "The toll rose to 104 as a result of Hurricane Mara. Residents of Hurricane, Utah, said 3 died."
    starts = [mention.start for mention in find_places(text) if mention.place.name == "Hurricane"]
    # must not match: the town of that name, written with its state
    assert starts == [text.index("Hurricane, Utah")]


def test_a_regions_adjective_after_in_the_names_no_place() -> None:
    text = "Another 100 people are missing in the Mediterranean city, rescuers said."
    assert sentence_places(text, 0, len(text)) == []
    # must not match: a name before its unit word is a place the gazetteer may not list
    text = "Another 100 people are missing in the Velmora district, rescuers said."
    assert [m.place.name for m in sentence_places(text, 0, len(text))] == ["Velmora"]


def _locations(text: str) -> list[tuple[str, str | None]]:
    return [(claim.quantity_text, claim.location) for claim in extract_claims(text)]


def test_one_named_wildfire_is_a_site_of_its_own() -> None:
    text = "The Ridge Fire claimed nine lives and the Velmo Creek fire took 16."
    assert _locations(text) == [("nine", "Ridge"), ("16", "Velmo Creek")]
    # must not match: two fires named together, a town's fire service, or a country's forces firing
    assert _locations("The toll from the Ridge and Velmo fires rose to 25.") == [("25", None)]
    assert _locations("The Velmo fire service said 40 people were hurt.") == [("40", None)]
    assert _locations("Five medics were killed by the Russian fire.") == [("Five", None)]


def test_a_place_that_opens_a_clause_with_its_own_tally_places_the_figures() -> None:
    text = "Across the country 80 died. Nakuru recorded 40 of the deaths, officials said."
    assert _locations(text)[1] == ("40", "Nakuru")
    text = "Of 80 deaths, Mombasa accounted for 40, officials said."
    assert _locations(text)[1] == ("40", "Mombasa")
    # must not match: a place that only names who spoke is no place of the figure
    assert _locations("Across the country 80 died. Nakuru said 40 had died.")[1][1] != "Nakuru"


def test_a_place_whose_clause_has_or_is_its_tally_places_the_figures() -> None:
    text = "Kenya counted 80 dead. Nakuru was the worst-hit county: officials there said 40 homes were lost."
    assert _locations(text)[1] == ("40", "Nakuru")
    # must not match: "had" and "has" as helpers of a verb that tells what the place did
    text = "Across the country 80 died. Nakuru has repeatedly sent 30 buses, officials said."
    assert _locations(text)[1][1] != "Nakuru"


def test_a_count_joined_to_a_clause_across_the_country_is_the_countrys() -> None:
    text = (
        "As 600 were killed and 200 hurt in clashes across the country, the ministry said 90 died in Herat."
    )
    found = extract_claims(text, location="Kandahar", country="Afghanistan")
    assert [claim.location for claim in found] == ["Afghanistan", "Afghanistan", "Herat"]
    # must not match: a clause that names no scope leaves the first count the item's place
    text = "As 600 were killed and 200 hurt in clashes, officials said."
    found = extract_claims(text, location="Kandahar", country="Afghanistan")
    assert [claim.location for claim in found] == ["Kandahar", "Kandahar"]


def test_a_figure_bracketed_after_a_place_is_placed_there() -> None:
    text = "The dead came from Lagos (12), Kano (10) and Abuja (3)."
    assert _locations(text) == [("12", "Lagos"), ("10", "Kano"), ("3", "Abuja")]
    # must not match: a bracketed figure after no place takes the sentence's place
    assert _locations("Twelve died in Lagos, among them pupils (4).") == [("Twelve", "Lagos"), ("4", "Lagos")]


def test_a_figures_own_place_is_read_past_the_comma_inside_a_large_figure() -> None:
    text = "Officials counted 1,730 deaths in Orlo, 1,200 in Tarsa."
    assert _locations(text) == [("1,730", "Orlo"), ("1,200", "Tarsa")]


def test_two_figures_joined_by_and_share_the_place_after_them() -> None:
    text = "The relief office announced 1,300 dead and 1,010 missing in Tarsa."
    assert _locations(text) == [("1,300", "Tarsa"), ("1,010", "Tarsa")]
    # must not match: each figure with a place of its own keeps it
    text = "The relief office announced 1,300 dead in Orlo and 1,010 missing in Tarsa."
    assert _locations(text) == [("1,300", "Orlo"), ("1,010", "Tarsa")]


def test_a_place_in_the_figures_own_contrasting_clause_comes_first() -> None:
    text = "The office said 1,100 were missing in Orlo, while 170 people had been killed in western Tarsa."
    assert _locations(text) == [("1,100", "Orlo"), ("170", "Tarsa")]
    # must not match: with no place of its own, the figure keeps the one before
    text = "The office said 1,100 were missing in Orlo, while 170 people had been killed."
    assert _locations(text) == [("1,100", "Orlo"), ("170", "Orlo")]


def test_a_figure_elsewhere_is_not_of_the_place_before_it() -> None:
    text = "The storm killed 40 people in Orlo and 17 elsewhere."
    assert _locations(text) == [("40", "Orlo"), ("17", None)]


def test_a_direction_before_an_unlisted_place_qualifies_it() -> None:
    assert _locations("Some 40 died in western Tarsa.") == [("Some 40", "Tarsa")]
    # must not match: a country's adjective before a unit and its name leaves the named place
    assert _locations("A bus carrying 54 fell into a gorge in central Indian state of Kerala.") == [
        ("54", "Kerala")
    ]


def test_a_continent_or_a_region_of_one_is_no_place() -> None:
    assert _locations("The quake in Southeast Asia killed 1,644 people.") == [("1,644", None)]
    # must not match: a country in it
    assert _locations("The quake in Myanmar killed 1,644 people.") == [("1,644", "Myanmar")]


def test_a_region_of_the_world_across_countries_is_no_place() -> None:
    assert _locations("The storm killed at least 7 people in the Caribbean.") == [("at least 7", None)]
    assert _locations("Some 40 migrants drowned in the Mediterranean.") == [("Some 40", None)]
    # must not match: a town named in the sentence is still its place
    assert _locations("The storm killed at least 7 people in Velport.") == [("at least 7", "Velport")]


def test_a_countrys_adjective_before_a_noun_is_the_country() -> None:
    assert _locations("At least 10 died in the Thai capital after a tower fell.") == [
        ("At least 10", "Thailand")
    ]
    # must not match: a paper's name after "in the" is no place
    assert _locations("Some 40 died, a report in the Velm Daily newspaper said.") == [("Some 40", None)]


def test_a_neighbouring_country_is_not_the_items_country() -> None:
    text = "Felt in neighbouring Thailand and in neighbouring Thailand's north, the quake hit Myanmar."
    assert item_places(text).country == "MM"
    # must not match: a country named without "neighbouring" votes
    assert item_places("Felt in Thailand and in Thailand's north, the quake hit Myanmar.").country == "TH"


def test_a_square_or_street_named_after_a_town_is_no_town() -> None:
    assert _locations("Crowds met in Trafalgar Square, where 30,000 people rallied.") == [("30,000", None)]
    assert _locations("Some 300 marched from Orlo Street in London.") == [("Some 300", "London")]
    # must not match: the town itself
    assert _locations("Some 300 marched in Trafalgar on Sunday.")[0][1] is not None


def test_a_place_that_names_the_event_yields_to_the_figures_own_place() -> None:
    assert (
        place_of("The toll in Sindh province from the Balochistan Plateau earthquake rose to 12.", "12")
        == "Sindh"
    )
    # must not match: with no other place, the event's place is the figure's
    assert place_of("The toll from the Balochistan earthquake rose to 12.", "12") == "Balochistan"


def test_an_attackers_adjective_after_in_is_not_where_the_dead_were() -> None:
    assert place_of("At least 40 people were killed in Russian strikes on Kharkiv.", "40") == "Kharkiv"
    # must not match: an adjective before a place's own noun still places the figure
    assert place_of("At least 40 people were killed in the Russian capital.", "40") == "Russian Federation"


def test_a_listed_bodys_name_is_no_other_spelling_of_a_town() -> None:
    assert gazetteer().lookup("Hamas") is None
    assert gazetteer().lookup("Hamm") is not None


def test_a_country_named_by_its_continents_adjective_is_no_place_of_its_own() -> None:
    assert place_of("Floods killed 10 people in the southern African country.", "10") is None
    # must not match: a country's own adjective before "capital" is that country
    assert place_of("Floods killed 10 people in the Kenyan capital.", "10") == "Kenya"


def test_a_place_that_ends_a_newspapers_name_is_no_place() -> None:
    assert ids("The Lagos newspaper said 40 died in Ibadan.") == ["gn:2339354"]
    # must not match: the place named on its own
    assert ids("The paper said 40 died in Lagos.") == [gazetteer().lookup("Lagos").id]


def test_a_places_word_after_an_unknown_capitalised_word_closes_a_longer_name() -> None:
    assert ids("Reporters at Prothom Alo counted 12 deaths.") == []
    assert ids("Coach Dario Maldonado said the team would rest.") == []
    # must not match: a town after a word that leads a place's name, or after a preposition
    assert ids("Storms hit Alo on Monday.") == ["iso:WF-AL"]
    assert ids("Storms hit northern Kabul on Monday.") == ids("Storms hit Kabul on Monday.") == ["iso:AF-KAB"]


def test_a_town_before_the_region_after_its_comma_is_the_figures_place() -> None:
    asheville = gazetteer().lookup("Asheville", "US")
    assert asheville is not None
    assert place_of("Officials said 30 people died in Asheville, North Carolina.", "30") == "Asheville"
    assert place_of("Officials said 30 people died in Palu, Central Sulawesi.", "30") == "Palu"
    # must not match: places listed one after another, where the figure is all of theirs
    assert place_of("Officials said 30 people died in Palu, Central Sulawesi and West Java.", "30") is None
    # nor a country that owns what follows the comma
    assert place_of("Shelling killed 30 people in Palu, Indonesia's ministry said.", "30") is None


def test_a_place_past_a_contrast_after_the_figure_is_the_next_figures() -> None:
    text = "The toll rose to 3,000 in the region while Syria reported 1,200 deaths."
    assert place_of(text, "3,000", "1,200") is None
    assert place_of(text, "1,200") == "Syria"
    # must not match: a place after the figure in its own clause
    assert place_of("The toll rose to 3,000 in Syria on Monday.", "3,000") == "Syria"


def test_a_site_named_after_a_town_or_region_is_neither() -> None:
    assert ids("Marchers gathered in Victoria Park on Sunday.") == []
    assert place_of("The march from Victoria Park drew 20,000 people.", "20,000") is None
    # must not match: the region itself, or a town before a word that is no site's
    assert ids("Floods hit Victoria on Sunday.") == ["iso:AU-VIC"]
    assert ids("Floods hit Victoria Falls on Sunday.") == [gazetteer().lookup("Victoria Falls").id]


def test_a_word_of_speech_that_names_a_town_abroad_is_no_place() -> None:
    assert ids("The number has dropped, so thank God, Green said in a video.") == []


def test_a_country_named_with_its_own_adjective_stays_the_country_beside_another_countrys_state() -> None:
    assert (
        item_places("Georgian officials said 30 people were held in Georgia. Storms also hit Texas.").country
        == "GE"
    )
    # must not match: the name beside another country's states with nothing of the country itself
    assert item_places("The storm killed 20 people in Georgia and 14 in South Carolina.").country == "US"


def test_a_countrys_state_bodies_do_not_make_it_another_countrys_state() -> None:
    assert item_places("Georgia's state broadcaster said 30 were held.").country == "GE"
    # must not match: a state's own title after the name
    assert item_places("Georgia Gov. Ana Ruiz said 30 were held.").country == "US"
