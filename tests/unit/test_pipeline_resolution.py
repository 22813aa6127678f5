"""Resolution in the pipeline: each claim event carries its entity, its place and the item's event place."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker import pipeline
from worker.extract.places import ItemPlaces
from worker.models import ClaimEvent, WireItem
from worker.pipeline import process_item


def events(body: str, headline: str) -> list[ClaimEvent]:
    item = WireItem(id="t-1", published_at=datetime(2026, 5, 2, tzinfo=UTC), headline=headline, body=body)
    return process_item(item)


def only(found: list[ClaimEvent], value: float) -> ClaimEvent:
    [event] = [e for e in found if e.value == value]
    return event


def place_of(found: list[ClaimEvent], value: float) -> str | None:
    """The place id of the one event with `value`, None when it has none."""
    place = only(found, value).place
    return None if place is None else place.id


def source_of(found: list[ClaimEvent], value: float) -> str | None:
    """The resolved source id of the one event with `value`, None when it has none."""
    resolved = only(found, value).resolved_source
    return None if resolved is None else resolved.id


def test_the_dateline_is_not_the_place_of_a_figure() -> None:
    found = events(
        "NAIROBI (Wire) - Floods in Somalia have killed 30 people, officials said on Friday. "
        "Rivers in Somalia burst their banks after a week of rain.",
        "Somalia floods kill 30",
    )
    event = only(found, 30)
    assert event.place is not None and event.place.country == "SO"
    assert event.event_place is not None and event.event_place.id == "iso:SO"
    assert event.event_kind == "storm-flood"


def test_a_body_named_with_its_region_speaks_for_that_region() -> None:
    found = events(
        "Monsoon floods across Pakistan have killed 400 people, the national disaster agency said. "
        "The Punjab provincial police said 45 people had died.",
        "Pakistan floods",
    )
    regional = only(found, 45)
    assert regional.place is not None and regional.place.id == "iso:PK-PB"


def test_a_national_bodys_figure_is_about_its_own_country_not_its_capital() -> None:
    found = events(
        "A strong earthquake struck southern Turkey and northern Syria. In Turkey, rescuers pulled "
        "survivors from rubble. Syria's health ministry in Damascus said 240 people had died.",
        "Earthquake hits Turkey and Syria",
    )
    event = only(found, 240)
    assert event.resolved_source is not None and event.resolved_source.id == "gov:sy:health-ministry"
    assert event.place is not None and event.place.id == "iso:SY"


def test_a_capital_that_opens_a_clause_as_its_subject_keeps_its_figure() -> None:
    found = events(
        "Protests swept Kenya this week. The Kenya National Commission on Human Rights said 50 people "
        "died. According to the commission, Nairobi had 21 of the deaths.",
        "Kenya protests",
    )
    event = only(found, 21)
    assert event.place is not None and event.place.name == "Nairobi"
    # must not match: a capital that names where the body sits is still the country's
    found = events("Syria's health ministry in Damascus said 240 people had died.", "Quake hits Syria")
    event = only(found, 240)
    assert event.place is not None and event.place.id == "iso:SY"


def test_a_body_that_works_in_one_region_places_its_figures_there() -> None:
    found = events(
        "A strong earthquake struck Turkey and Syria on Monday. "
        "The Syria Civil Defence rescue service said 75 people had died in areas it covers.",
        "Earthquake hits Turkey and Syria",
    )
    event = only(found, 75)
    assert event.resolved_source is not None and event.resolved_source.id == "sy-civil-defence"
    assert event.place is not None and event.place.id == "iso:SY-ID"


def test_a_persons_name_that_reads_like_a_place_gives_the_figure_no_place_of_its_own() -> None:
    found = events(
        "Floods in the Philippines have killed 40 people, Chief Supt Ramon Soria told reporters.",
        "Philippine floods",
    )
    event = only(found, 40)
    assert event.source is not None and event.source.text == "Ramon Soria"
    assert event.place is not None and event.place.id == "iso:PH"


def test_a_figure_without_a_place_of_its_own_takes_the_event_place_even_with_a_long_country_name() -> None:
    found = events("Strikes on Gaza killed 12 people on Monday, the health ministry said.", "Gaza strikes")
    event = only(found, 12)
    assert event.event_place is not None and event.event_place.id == "iso:PS"
    assert event.place is not None and event.place.id == "iso:PS"


def test_an_item_without_figures_skips_the_item_wide_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real_item_places = pipeline.item_places

    def counted_item_places(
        text: str, headline: str | None = None, dateline: str | None = None
    ) -> ItemPlaces:
        read.append(text)
        return real_item_places(text, headline, dateline)

    monkeypatch.setattr(pipeline, "item_places", counted_item_places)
    assert events("Rescuers in Kenya searched the river banks on Monday, the ministry said.", "Search") == []
    assert read == []  # a date and no count: nothing to place or credit
    [event] = events("Rescuers in Kenya found 12 survivors on Monday, the ministry said.", "Search")
    assert event.value == 12 and event.place is not None and event.place.country == "KE"
    assert len(read) == 1


def test_police_counting_in_a_city_with_a_listed_force_are_that_force() -> None:
    found = events(
        "Thousands marched in London on Saturday. Police said 60,000 people took part in the march.",
        "Thousands march in London",
    )
    source = only(found, 60_000).resolved_source
    assert source is not None and source.id == "gb-metropolitan-police"


def test_police_counting_in_a_city_with_no_listed_force_stay_generic() -> None:
    # must not match: a city whose force the data file does not list
    found = events(
        "Thousands marched in Leeds on Saturday. Police said 6,000 people took part in the march.",
        "Thousands march in Leeds",
    )
    source = only(found, 6_000).resolved_source
    assert source is not None and source.id == "generic:police"


def test_a_ministry_owned_by_a_place_noun_is_that_places_countrys() -> None:
    found = events(
        "Israeli strikes killed 40 people across the Gaza Strip on Monday, according to the territory's "
        "health ministry. Israel's military said it had hit 90 targets. Israeli officials in Israel "
        "did not comment. The ministry said 300 people had been wounded in the past week.",
        "Israeli strikes kill 40",
    )
    killed = only(found, 40)
    assert killed.resolved_source is not None and killed.resolved_source.id == "gov:ps:health-ministry"
    # the same mention later in the item, whose sentence names no place, is the same body
    wounded = only(found, 300)
    assert wounded.resolved_source is not None and wounded.resolved_source.id == "gov:ps:health-ministry"
    assert wounded.place is not None and wounded.place.country == "PS"


def test_an_unnamed_spokesperson_speaks_for_the_body_the_sentence_opens_with() -> None:
    found = events("The coastguard rescued 58 people, a spokesperson said, but 14 are missing.", "Rescue")
    assert {event.resolved_source.id for event in found if event.resolved_source} == {"generic:coast guard"}
    # must not match: a sentence that opens with no body leaves the spokesperson no one's
    found = events("Rescuers found 40 bodies, a spokesman said.", "Rescue")
    assert [event.resolved_source.id for event in found if event.resolved_source] == [""]


def test_an_unnamed_spokesperson_who_opens_the_sentence_speaks_for_the_body_before() -> None:
    found = events("The navy said it sank 6 boats. A spokesman said 30 crew were held.", "Navy")
    assert only(found, 30).resolved_source == only(found, 6).resolved_source
    # must not match: a sentence before that opens with no body leaves the spokesperson no one's
    found = events("Storms swept the coast. A spokesman said 30 crew were held.", "Storm")
    source = only(found, 30).resolved_source
    assert source is not None and source.id == ""


def test_a_national_body_that_measures_every_country_places_its_figures_where_the_text_does() -> None:
    found = events(
        "A strong earthquake struck western Peru on Sunday. The quake measured magnitude 6.9, "
        "the U.S. Geological Survey said.",
        "Earthquake hits Peru",
    )
    event = only(found, 6.9)
    assert event.resolved_source is not None and event.resolved_source.id == "usgs"
    assert event.place is not None and event.place.country == "PE"
    # must not match: a national body of one country still keeps its figures there
    found = events(
        "A strong earthquake struck southern Turkey. Syria's health ministry said 240 people had died.",
        "Earthquake hits Turkey",
    )
    place = only(found, 240).place
    assert place is not None and place.id == "iso:SY"


def test_a_country_that_attacks_is_not_where_the_figures_are() -> None:
    found = events("Russia launched 41 drones overnight, officials said.", "Drone attack")
    place = only(found, 41).place
    assert place is None or place.country != "RU"
    # must not match: a country where something happened is the figures' place
    found = events("Floods in Russia killed 41 people, officials said.", "Floods")
    place = only(found, 41).place
    assert place is not None and place.country == "RU"


@pytest.mark.parametrize(
    ("body", "headline", "national", "local", "local_name"),
    [
        (
            "Storms cut power to 2.4 million homes nationwide, including 800,000 in Ohio, utilities in the "
            "United States said. Crews in Ohio worked overnight.",
            "Storms cut power in Ohio",
            (2_400_000, "iso:US"),
            800_000,
            "Ohio",
        ),
        # the city's figure is named before the national word in the same sentence
        (
            "Police counted 61,000 marchers in Lyon and 900,000 across the country, the French interior "
            "ministry said. Lyon saw the largest crowds.",
            "Marches in Lyon",
            (900_000, "iso:FR"),
            61_000,
            "Lyon",
        ),
    ],
)
def test_a_figure_its_clause_calls_the_whole_countrys_is_placed_in_the_country(
    body: str, headline: str, national: tuple[float, str], local: float, local_name: str
) -> None:
    found = events(body, headline)
    value, country_id = national
    assert only(found, value).place is not None
    assert only(found, value).place.id == country_id
    # must not match: the part the sentence places in a state or a city stays there
    assert only(found, local).place is not None
    assert only(found, local).place.name == local_name


def test_a_figure_in_the_capital_is_placed_in_the_countrys_capital_city() -> None:
    found = events(
        "Tens of thousands marched across Kenya on Tuesday against the tax bill, the interior ministry "
        "said, putting the national figure at 61,000. In the capital, police counted 9,000 marchers.",
        "Kenya tax protests",
    )
    assert only(found, 61_000).place is not None and only(found, 61_000).place.id == "iso:KE"
    in_capital = only(found, 9_000)
    assert in_capital.place is not None and in_capital.place.name == "Nairobi"
    # must not match: "capital" that is money, or a capital's own body, places nothing there
    found = events(
        "Protests spread across Kenya. The capital's governor said 9,000 marched. "
        "The firm raised 40 million shillings in fresh capital, its chairman said.",
        "Kenya protests",
    )
    for value in (9_000, 40_000_000):
        place = only(found, value).place
        assert place is None or place.name != "Nairobi"


@pytest.mark.parametrize(
    ("city", "expected"),
    [
        ("Paris", "fr-paris-police-prefecture"),
        # must not match: a city with no listed police prefecture keeps the generic prefecture
        ("Lyon", "generic:prefecture"),
    ],
)
def test_the_prefecture_of_a_city_with_a_police_prefecture_is_that_force(city: str, expected: str) -> None:
    found = events(
        f"Pension protests drew crowds across France on Thursday. In {city}, the prefecture counted "
        "52,000 marchers, while the unions claimed 300,000.",
        "France pension protests",
    )
    prefecture = only(found, 52_000).resolved_source
    assert prefecture is not None and prefecture.id == expected


def test_the_office_of_a_place_named_by_a_possessive_is_that_places_office() -> None:
    found = events(
        "Drones struck the Kharkiv region overnight. Its governor said 4 people had been wounded.",
        "Drones hit Kharkiv region",
    )
    resolved = only(found, 4).resolved_source
    assert resolved is not None and resolved.id.startswith("office:") and resolved.id.endswith(":governor")
    found = events(
        "Floods swept Kerala. The state's chief minister said 27 people had died.", "Kerala floods"
    )
    resolved = only(found, 27).resolved_source
    assert resolved is not None and resolved.id == "office:iso:IN-KL:chief-minister"
    # must not match: an office with no place of its own in the text stays unresolved
    found = events("Its governor said 4 people had been wounded.", "Four wounded")
    resolved = only(found, 4).resolved_source
    assert resolved is not None and not resolved.id.startswith("office:")


@pytest.mark.parametrize("title", ["Spokesman", "Deputy spokesman", "Chief spokeswoman"])
def test_a_spokesperson_named_without_a_body_speaks_for_the_body_before(title: str) -> None:
    body = (
        "The Kenyan government said on Thursday that 2,205 people had died in the floods. "
        f"{title} Arno Keller said 3,640 people were injured."
    )
    found = only(events(body, "Floods in Kenya"), 3640.0)
    assert found.resolved_source is not None and found.resolved_source.id == "gov:ke:government"
    # must not match: after a sentence opened by a person, the spokesman stays himself
    body = f"Mayor Ines Roth said 2,205 people had died. {title} Arno Keller said 3,640 people were injured."
    found = only(events(body, "Floods in Kenya"), 3640.0)
    assert found.resolved_source is not None and found.resolved_source.id.startswith("person:")


def test_a_figure_only_the_headline_field_gives_is_a_claim_with_its_span_in_the_headline() -> None:
    headline = "Death toll rises to 12 in Velport mine collapse"
    found = events("Rescuers pulled a 12th victim from the shaft on Monday, officials said.", headline)
    toll = only(found, 12)
    assert toll.category == "killed"
    assert toll.evidence.field == "headline"
    assert headline[toll.evidence.start : toll.evidence.end] == "12"
    # must not match: a headline that restates the body's figure gives one claim, read in the body
    body = "The death toll rose to 12 on Monday, officials said."
    [toll] = events(body, headline)
    assert toll.evidence.field == "body"
    assert body[toll.evidence.start : toll.evidence.end] == "12"


def test_the_headline_field_weighs_apart_from_the_body_in_the_events_place_and_kind() -> None:
    body = (
        "Rain and wind from a passing storm slowed crews on Tuesday at the site of the collapsed tower "
        "in Velport. The toll rose to 36, officials said."
    )
    [toll] = events(body, "Crews search on after Velport tower collapse")
    assert toll.event_kind == "accident"
    # must not match: without a headline the storm the lede names is the kind
    [toll] = events(body, "")
    assert toll.event_kind != "accident"


def test_a_body_whose_letters_stand_beside_its_written_out_name_resolves_once() -> None:
    # resolving "the Nordic Union" read the sentence with "NU" again, and again, until the stack ran out
    found = events(
        "The Nordic Union offered an extra 165 million euros (USD 225 million) of aid, according to "
        "NU Aid Commissioner Ana Ruiz.",
        "Donors meet",
    )
    aid = only(found, 165_000_000)
    assert aid.resolved_source is not None and aid.resolved_source.id == "acr:nu"
    # must not match: with no written-out name the letters are the body's as before
    [aid] = [e for e in events("NU Aid Commissioner Ana Ruiz said 40 people died.", "Aid") if e.value == 40]
    assert aid.resolved_source is not None and aid.resolved_source.id == "acr:nu"


def test_the_parent_named_alone_relays_the_one_agency_the_item_credits_with_the_same_count() -> None:
    found = events("The UN says 11,000 people died in the floods. OCHA said 170 people died elsewhere.", "")
    assert source_of(found, 11_000) == "un-ocha"
    found = events(
        "The UN agency says 11,000 people died in the floods. OCHA said 170 people died elsewhere.", ""
    )
    assert source_of(found, 11_000) == "un-ocha"
    # must not match: an agency credited only with counts of things, or with counts of another kind
    found = events("The UN said 320 people died. The WHO said it had sent 12 ambulances.", "")
    assert source_of(found, 320) == "un"
    found = events("UN officials said 40,000 people fled. UNICEF said 300 children died.", "")
    assert source_of(found, 40_000) == "un"
    # nor a person who speaks for the parent itself
    found = events("UN chief Maria Lenz said 900 people died. OCHA said 40 people died.", "")
    assert source_of(found, 900) == "un"


def test_a_fire_named_after_its_site_is_that_site_however_its_name_is_capitalised() -> None:
    capitalised = only(
        events("The coroner said 14 people died in the Velmo Ridge Fire in California.", "Fire"), 14
    )
    lower = only(events("The coroner said 14 people died in the Velmo Ridge fire in California.", "Fire"), 14)
    assert capitalised.place is not None and lower.place is not None
    assert capitalised.place.id == lower.place.id == "name:us:velmo ridge"
    # must not match: a place whose own name ends in another word keeps it
    other = only(events("The coroner said 14 people died in Velmo Creek in California.", "Floods"), 14)
    assert other.place is not None and other.place.id == "name:us:velmo creek"


def test_a_countrys_name_is_the_state_of_that_name_where_the_item_places_it_in_another_country() -> None:
    beside_a_state = only(
        events("The storm killed 20 people in Georgia and 14 in South Carolina, officials said.", "Storm"), 20
    )
    assert beside_a_state.place is not None and beside_a_state.place.id == "iso:US-GA"
    titled = only(events("Georgia Gov. Mara Ilves said 12 people died in the storm.", "Storm"), 12)
    assert titled.place is not None and titled.place.id == "iso:US-GA"
    nigerian = only(
        events("Floods killed 40 people in Niger State and 12 in Kogi, officials said.", "Floods"), 40
    )
    assert nigerian.place is not None and nigerian.place.id == "iso:NG-NI"
    # must not match: the country itself, named beside its own capital or alone
    abroad = only(
        events("Protests filled Tbilisi. Police in Georgia said 30 people were held.", "Protests"), 30
    )
    assert abroad.place is not None and abroad.place.country == "GE"
    alone = only(events("Officials in Georgia said 30 people were held.", "Protests"), 30)
    assert alone.place is not None and alone.place.country == "GE"


def test_a_place_that_owns_the_toll_before_it_is_the_figures_place() -> None:
    found = events(
        "Storms hit Florida and Georgia. Officials said North Carolina's death toll rose to 25.", "Storms"
    )
    assert place_of(found, 25) == "iso:US-NC"
    # must not match: a place named with a possessive before anything else
    found = events(
        "Storms hit Florida and Georgia. Officials said North Carolina's roads held 25 crews.", "Storms"
    )
    assert place_of(found, 25) == "iso:US"


def test_a_governors_staff_and_office_speak_as_the_governor() -> None:
    through_staff = only(
        events("Lena Ortiz, press secretary for Gov. Mara Ilves, said 15 people died in the storm.", "Storm"),
        15,
    )
    office = only(events("Gov. Mara Ilves's office said 15 people died in the storm.", "Storm"), 15)
    named = only(events("Gov. Mara Ilves said 15 people died in the storm.", "Storm"), 15)
    assert named.resolved_source is not None
    assert named.resolved_source.id == "person:m ilvs"
    assert through_staff.resolved_source is not None and through_staff.resolved_source.id == "person:m ilvs"
    assert office.resolved_source is not None and office.resolved_source.id == "person:m ilvs"
    # must not match: a body's spokeswoman speaks for the body
    body = only(events("A spokeswoman for the Velmora Relief Board said 15 people died.", "Storm"), 15)
    assert body.resolved_source is not None and body.resolved_source.id == "name:board relief velmora"


def test_a_surname_the_item_writes_after_a_title_is_a_person() -> None:
    found = events(
        "The storm hit hard. Ilves said 15 people died, a day after Gov. Ilves toured the coast.", "Storm"
    )
    assert source_of(found, 15) == "person:ilvs"
    # must not match: a title is no first name; a company's one word stays a name
    found = events("Ilves said 15 people died, a day after Mayor Ilves toured the coast.", "Storm")
    assert source_of(found, 15) == "person:ilvs"
    found = events("Velmacorp said 15 cars were recalled, a day after President Ana Ruiz spoke.", "Cars")
    assert source_of(found, 15) == "name:velmacorp"


def test_the_office_of_a_region_named_with_it_is_one_source_whoever_holds_it() -> None:
    possessive = only(events("Cebu's governor said 30 people died in the floods.", "Floods in Cebu"), 30)
    written_out = only(
        events("The governor of Cebu said 30 people died in the floods.", "Floods in Cebu"), 30
    )
    assert possessive.resolved_source is not None and written_out.resolved_source is not None
    assert possessive.resolved_source.id == written_out.resolved_source.id == "office:iso:PH-CEB:governor"
    # must not match: a country's head speaks for its government
    national = only(events("Kenya's president said 30 people died in the floods.", "Floods"), 30)
    assert national.resolved_source is not None and national.resolved_source.id == "gov:ke:government"


def test_the_outlet_a_person_spoke_on_is_not_whom_they_speak_for() -> None:
    found = events(
        "At least 97 people died in the fires, Velm governor Ana Ruiz said in an interview on CNN on Friday.",
        "Fires",
    )
    assert source_of(found, 97) == "person:a rz"
    # must not match: the outlet that reports the figure itself
    found = events("At least 97 people died in the fires, CNN reported on Friday.", "Fires")
    assert source_of(found, 97) == "cnn"


def test_a_sheriff_named_after_the_title_in_apposition_is_the_countys_sheriff() -> None:
    found = events(
        "Of the deaths so far, 68 occurred in Velm County, its sheriff, Ana Ruiz, said on Sunday.", "Floods"
    )
    assert source_of(found, 68) == "generic:velm county sheriff"
    # must not match: another office after the name
    found = events("Ana Ruiz, the county judge, said 43 people died in Velm County.", "Floods")
    assert source_of(found, 43) == "person:a rz"
