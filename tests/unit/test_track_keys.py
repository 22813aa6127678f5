"""Series and subject keys: which reports of a figure land on one series, and which stay apart."""

from __future__ import annotations

import pytest

from worker.models import ClaimEvent, ClaimSource, Evidence, ResolvedPlace
from worker.track import keys
from worker.track.keys import (
    SERIES_KEY_VERSION,
    UNATTRIBUTED,
    credited_series_parts,
    is_subnational,
    parse_series_key,
    partition_key,
    series_parts,
    subject_key,
)
from worker.track.normalize import counted_noun, counted_thing, place_name, singular, source_name, unit_code


def claim(  # noqa: PLR0913  test builder: every field by name, most with defaults
    *,
    counted: str | None = "people",
    category: str = "killed",
    unit: str | None = None,
    location: str | None = "Velmora",
    source: str | None = "velmora health ministry",
    sentence: str = "10 people",
) -> ClaimEvent:
    return ClaimEvent.model_validate(
        {
            "claim_id": "c1",
            "item_id": "i1",
            "extractor_version": "test",
            "value": 10.0,
            "qualifier": "exact",
            "unit": unit,
            "quantity_text": "10",
            "counted": counted,
            "category": category,
            "source": ClaimSource(text=source, normalized=source, type="health_authority")
            if source
            else None,
            "location": location,
            "evidence": Evidence(sentence=sentence, start=0, end=2),
        }
    )


@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("people", "person"),
        ("children", "child"),
        ("hostages", "hostage"),
        ("casualties", "casualty"),
        ("hectares", "hectare"),
        ("churches", "church"),
        ("lives", "life"),
        ("status", "status"),
        ("crisis", "crisis"),
        ("hostage", "hostage"),
    ],
)
def test_singular(plural: str, expected: str) -> None:
    assert singular(plural) == expected


@pytest.mark.parametrize(
    "counted",
    [
        "people",
        "Palestinians",
        "Kenyans",
        "Chileans",
        "persons",
        "deaths",
        "fatalities",
        "victims",
        "residents",
        "more people",
        None,
    ],
)
def test_ways_of_counting_people_fold_to_person(counted: str | None) -> None:
    assert counted_noun(counted, "killed") == "person"


def test_a_nationality_before_a_noun_adds_nothing_and_a_plural_noun_stays() -> None:
    assert counted_noun("Chilean miners", "killed") == counted_noun("miners", "killed")
    # must not match: a word that is no nationality keeps the count apart
    assert counted_noun("Velm miners", "killed") != counted_noun("miners", "killed")


@pytest.mark.parametrize(
    ("counted", "expected"),
    [
        ("children", "child"),
        ("Palestinian children", "child"),
        ("women", "woman"),
        ("civilians", "civilian"),
        ("soldiers", "soldier"),
        ("hostages", "hostage"),
        ("aid workers", "aid worker"),
        ("hospitals", "hospital"),
    ],
)
def test_subgroups_and_things_stay_apart_from_person(counted: str, expected: str) -> None:
    assert counted_noun(counted, "killed") == expected


@pytest.mark.parametrize("counted", ["police officers", "officers", "policemen", "police"])
def test_police_officers_however_named_are_one_count(counted: str) -> None:
    assert counted_noun(counted, "injured") == "police officer"


def test_officers_of_another_service_keep_their_words() -> None:
    # must not match: army officers are not police officers
    assert counted_noun("army officers", "injured") == "army officer"


def test_the_people_a_shipwreck_or_a_crush_befalls_are_all_of_them() -> None:
    assert counted_noun("migrants", "missing") == "person"
    assert counted_noun("pilgrims", "killed") == "person"
    assert counted_noun("refugees", "displaced") == "person"
    # must not match: a part of a toll named by who they were stays apart
    assert counted_noun("children", "killed") == "child"


def test_a_word_of_status_before_people_counted_makes_no_other_count() -> None:
    assert counted_noun("confirmed fatalities", "killed") == "person"
    assert counted_noun("registered children", "displaced") == "child"
    # must not match: confirmed cases are a series of their own, and things keep their words
    assert counted_noun("confirmed cases", "affected") == "confirmed case"
    assert counted_noun("registered voters", "other") == "registered voter"


@pytest.mark.parametrize(
    ("counted", "category"), [("injured", "injured"), ("wounded", "injured"), ("dead", "killed")]
)
def test_participles_used_as_nouns_count_people(counted: str, category: str) -> None:
    assert counted_noun(counted, category) == "person"


def test_the_people_a_category_counts_are_person_only_in_that_category() -> None:
    assert counted_noun("protesters", "protesting") == "person"
    assert counted_noun("protesters", "killed") == "protester"
    # a crowd counted as participants or attendees is the same crowd
    assert counted_noun("participants", "protesting") == "person"
    assert counted_noun("attendees", "protesting") == "person"
    assert counted_noun("participants", "other") != "person"
    assert counted_noun("detainees", "detained") == "person"
    # those detained at a protest are counted as protesters as often as people
    assert counted_noun("demonstrators", "detained") == "person"
    # a participle before the noun says what the category says: "injured miners" are miners
    assert counted_noun("injured miners", "injured") == "miner"
    assert counted_noun("missing children", "missing") == "child"
    assert counted_noun("protesters", "injured") == "protester"


def test_an_outbreaks_cases_are_one_count_of_the_sick_whatever_the_disease_is_called() -> None:
    assert counted_noun("suspected cholera cases", "affected") == "person"
    assert counted_noun("cases", "affected") == "person"
    assert counted_noun(None, "affected") == "person"
    assert counted_noun("new infections", "affected") == "person"
    # confirmed cases are a count of their own, and cases outside the affected category are things
    assert counted_noun("confirmed cases", "affected") == "confirmed case"
    assert counted_noun("cases", "other") == "case"


def test_a_figure_without_a_noun_outside_people_categories_is_unspecified() -> None:
    assert counted_noun(None, "other") == "unspecified"


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("USD", "usd"),
        ("$", "usd"),
        ("US dollars", "usd"),
        ("euros", "eur"),
        ("ha", "ha"),
        ("hectares", "ha"),
        ("%", "percent"),
    ],
)
def test_unit_codes(unit: str, expected: str) -> None:
    assert unit_code(unit) == expected


def test_money_is_keyed_by_currency_and_what_it_is_for() -> None:
    assert counted_thing("aid", "USD", "other") == "usd:aid"
    assert counted_thing("aid", "$", "other") == "usd:aid"
    assert counted_thing("aid", "EUR", "other") == "eur:aid"
    assert counted_thing(None, "USD", "other") == "usd"
    assert counted_thing("dollars", "USD", "other") == "usd"


def test_a_measure_does_not_repeat_its_unit_as_the_counted_thing() -> None:
    assert counted_thing("hectares", "ha", "other") == "ha"
    assert counted_thing("farmland", "ha", "other") == "ha:farmland"


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("Gaza Strip", "gaza"),
        ("the Gaza Strip", "gaza"),
        ("Gaza", "gaza"),
        ("northern Gaza", "northern gaza"),
        ("the U.S.", "united states"),
        ("Velmora", "velmora"),
        (None, ""),
    ],
)
def test_place_names(location: str | None, expected: str) -> None:
    assert place_name(location) == expected


def test_source_name_cannot_break_the_key() -> None:
    assert source_name("  Velmora   Health|Ministry ") == "velmora health ministry"


def test_different_wordings_of_one_figure_share_a_series_and_a_partition() -> None:
    first = claim(counted="Palestinians", location="Velmora")
    second = claim(counted="people", location="velmora.")
    assert series_parts(first) == series_parts(second)
    assert partition_key(first) == partition_key(second)


def test_every_source_of_a_subject_shares_the_partition_but_not_the_series() -> None:
    ministry = claim(source="velmora health ministry")
    army = claim(source="national army")
    assert partition_key(ministry) == partition_key(army)
    ministry_parts, army_parts = series_parts(ministry), series_parts(army)
    assert ministry_parts is not None and army_parts is not None
    assert ministry_parts.series_key != army_parts.series_key


def test_category_counted_thing_and_place_each_split_the_subject() -> None:
    base = subject_key(claim())
    assert subject_key(claim(category="injured")) != base
    assert subject_key(claim(counted="children")) != base
    assert subject_key(claim(location="Tarsa")) != base
    assert subject_key(claim(location=None)) != base


def test_keys_carry_the_key_version() -> None:
    parts = series_parts(claim())
    assert parts is not None
    assert parts.series_key == f"v{SERIES_KEY_VERSION}|xx||killed|person|velmora|velmora health ministry"
    assert parts.series_key.startswith(parts.subject_key + "|")
    assert subject_key(claim()) == parts.subject_key


def test_series_key_round_trips_and_rejects_other_versions() -> None:
    parts = series_parts(claim())
    assert parts is not None
    assert parse_series_key(parts.series_key) == parts
    with pytest.raises(ValueError, match="series key"):
        parse_series_key("v0|killed|person|velmora|velmora health ministry")


def test_an_unattributed_claim_is_marked_unattributed() -> None:
    parts = series_parts(claim(source=None))
    assert parts is not None and parts.source == UNATTRIBUTED


def test_an_unattributed_figure_for_two_countries_has_no_series() -> None:
    sentence = "The floods have now killed 10 people in Chile and Peru."
    assert series_parts(claim(source=None, sentence=sentence)) is None
    # A body's own figure is its own in a sentence that names a second country apart from it...
    apart = "The floods killed 10 people in Chile, where aid from Peru arrived on Monday."
    attributed = series_parts(claim(sentence=apart))
    assert attributed is not None and attributed.source == "velmora health ministry"
    # ...but a total for two countries together is no one country's count, whoever gives it.
    assert series_parts(claim(sentence=sentence)) is None
    assert series_parts(claim(sentence="The quake killed 10 people across Chile, Peru and Bolivia.")) is None
    one_country = series_parts(claim(source=None, sentence="The floods killed 10 people in Chile."))
    assert one_country is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency counted 10 deaths in Chile, and warned that the storm could reach Peru and Bolivia.",
        "The agency counted 10 deaths in Chile; aid came from Peru and Bolivia.",
    ],
)
def test_countries_joined_in_another_clause_leave_the_figure_its_own(sentence: str) -> None:
    assert series_parts(claim(sentence=sentence)) is not None
    # must not match: countries joined in the figure's own clause make a combined count
    assert series_parts(claim(sentence="The agency counted 10 deaths in Peru and Bolivia.")) is None


def test_a_region_name_two_countries_use_is_read_as_the_claims_countrys() -> None:
    # Punjab is a province of Pakistan and a state of India: in a Pakistani claim it is Pakistan's.
    sentence = "Sindh reported 40 deaths, while Punjab reported 10."
    sindh = ResolvedPlace(id="iso:PK-SD", name="Sindh", level="region", country="PK", parent="iso:PK")
    event = claim(source=None, sentence=sentence).model_copy(update={"place": sindh})
    parts = series_parts(event)
    assert parts is not None and parts.source == UNATTRIBUTED and parts.place == "iso:PK-SD"
    # Two countries written as such still make a combined count.
    combined = claim(source=None, sentence="Floods killed 40 in Sindh and 10 in Kerala.")
    assert series_parts(combined.model_copy(update={"place": sindh})) is None


def test_an_amount_of_money_opens_a_series_only_when_the_text_says_what_it_is_for() -> None:
    sentence = "The agency put the damage at 40 million pesos."
    assert series_parts(claim(category="other", unit="PHP", counted=None, sentence=sentence)) is None
    assert series_parts(claim(category="other", unit="USD", counted="dollars", sentence=sentence)) is None
    aid = series_parts(
        claim(category="other", unit="USD", counted="aid", sentence="It sent $3 million in aid.")
    )
    assert aid is not None and aid.counted == "usd:aid"
    # A measure is not money: hectares of farmland keep their series.
    land = series_parts(claim(category="other", unit="ha", counted="farmland", sentence="500 ha of farmland"))
    assert land is not None


def test_a_subgroup_given_as_a_breakdown_of_a_total_opens_no_series() -> None:
    breakdown = "The storm killed 540 people, including 10 children and 31 women."
    assert series_parts(claim(counted="children", sentence=breakdown)) is None
    consisting = "Shelters hold 900 people, consisting of 10 men and 890 women and children."
    assert series_parts(claim(counted="men", category="displaced", sentence=consisting)) is None


def test_a_subgroup_counted_for_itself_or_the_total_before_a_breakdown_keeps_its_series() -> None:
    alone = series_parts(claim(counted="children", sentence="10 children died when the school collapsed."))
    assert alone is not None and alone.counted == "child"
    total = series_parts(claim(sentence="The flood killed 10 people, including 4 children."))
    assert total is not None and total.counted == "person"


def test_people_counted_by_how_badly_they_were_hurt_open_no_series() -> None:
    sentence = "Ten people were hurt: 10 slightly injured in the east and one seriously injured in the west."
    assert series_parts(claim(counted="slightly", category="injured", sentence=sentence)) is None
    assert series_parts(claim(counted="seriously", category="injured", sentence=sentence)) is None
    # must not match: the injured counted as people keep their series
    whole = series_parts(claim(counted="people", category="injured", sentence="10 people were injured."))
    assert whole is not None and whole.counted == "person"


def test_a_days_increment_of_a_toll_opens_no_series() -> None:
    increment = "Another 10 people died overnight, bringing the toll to 480."
    assert series_parts(claim(sentence=increment)) is None
    total = series_parts(claim(sentence="The toll rose to 10 people, the ministry said."))
    assert total is not None and total.counted == "person"


def test_an_unattributed_figure_is_credited_to_the_one_listed_body_its_sentence_names() -> None:
    parts = series_parts(claim(source=None, sentence="The WHO's latest records listed 10 deaths."))
    assert parts is not None and parts.source == "who"
    put = series_parts(claim(source=None, sentence="BNPB on Sunday put the toll at 10."))
    assert put is not None and put.source == "id-bnpb"


def test_an_unattributed_figure_naming_two_bodies_or_a_provincial_one_stays_unattributed() -> None:
    two = series_parts(claim(source=None, sentence="Figures from WHO and UNICEF showed 10 deaths."))
    assert two is not None and two.source == UNATTRIBUTED
    provincial = series_parts(claim(source=None, sentence="The PDMA reported 10 deaths in the province."))
    assert provincial is not None and provincial.source == UNATTRIBUTED


def test_households_given_with_the_people_they_hold_open_no_series_of_their_own() -> None:
    sentence = "Floods affected 10 families or 43 people in two towns."
    assert series_parts(claim(counted="families", category="affected", sentence=sentence)) is None
    alone = series_parts(claim(counted="families", category="affected", sentence="Floods hit 10 families."))
    assert alone is not None and alone.counted == "family"


def test_shares_facilities_and_lengths_open_no_series() -> None:
    share = claim(unit="percent", counted="homes", category="displaced", sentence="10% of homes were lost")
    assert series_parts(share) is None
    points = claim(counted="evacuation points", category="evacuated", sentence="10 evacuation points")
    assert series_parts(points) is None
    rain = claim(unit="mm", counted="rain", category="other", sentence="10 mm of rain fell")
    assert series_parts(rain) is None
    assert series_parts(claim(counted="evacuees", category="evacuated", sentence="10 evacuees")) is not None


@pytest.mark.parametrize(
    ("source", "subnational"),
    [
        ("generic:state government", True),
        ("generic:provincial officials", True),
        # must not match: state media and the nation's officials speak for the whole country
        ("generic:state media", False),
        ("generic:officials", False),
    ],
)
def test_a_states_government_speaks_for_its_state(source: str, subnational: bool) -> None:
    assert is_subnational(source) is subnational


def test_a_figure_its_sentence_calls_national_stays_apart_from_a_local_events_count() -> None:
    country = ResolvedPlace(id="iso:NO", name="Norland", level="country", country="NO", parent=None)
    city = ResolvedPlace(id="gn:1", name="Velm", level="city", country="NO", parent="iso:NO")
    national = claim(sentence="Nationwide, 72 people have died in the heat.").model_copy(
        update={"place": country, "event_place": city}
    )
    local = claim(sentence="In Velm, 41 people have died in the heat.").model_copy(
        update={"place": city, "event_place": city}
    )
    assert subject_key(national) != subject_key(local)
    assert subject_key(national).endswith("|iso:NO")
    # must not match: a country's figure with no word of national scope is the event's count
    plain = claim(sentence="The heat has killed 41 people in Norland.").model_copy(
        update={"place": country, "event_place": city}
    )
    assert subject_key(plain) == subject_key(local)
    # nor is a national figure in an item about the whole country set apart
    whole = national.model_copy(update={"event_place": country})
    assert subject_key(whole).endswith("|")


def test_a_region_named_after_its_city_is_no_region_of_another_citys_event() -> None:
    paris = ResolvedPlace(id="iso:FR-75C", name="Paris", level="region", country="FR", parent="iso:FR-IDF")
    rennes = ResolvedPlace(id="gn:2983990", name="Rennes", level="city", country="FR", parent="iso:FR")
    java = ResolvedPlace(id="iso:ID-JB", name="West Java", level="region", country="ID", parent="iso:ID")
    cianjur = ResolvedPlace(id="gn:1647142", name="Cianjur", level="city", country="ID", parent="iso:ID")
    march = claim(sentence="In the capital, 10 people marched.")
    assert subject_key(march.model_copy(update={"place": paris, "event_place": rennes})).endswith(
        "|iso:FR-75C"
    )
    # so is a district named after its city, beside another city's event
    porto = ResolvedPlace(id="iso:PT-13", name="Porto", level="region", country="PT", parent="iso:PT")
    lisbon = ResolvedPlace(id="gn:2267057", name="Lisbon", level="city", country="PT", parent="iso:PT")
    assert subject_key(march.model_copy(update={"place": porto, "event_place": lisbon})).endswith(
        "|iso:PT-13"
    )
    # must not match: a region around the event's city is the event's
    quake = claim(sentence="In West Java, 10 people died.")
    assert subject_key(quake.model_copy(update={"place": java, "event_place": cianjur})).endswith("|")


def test_a_running_total_for_the_year_is_a_subject_apart_from_one_happenings_toll() -> None:
    event = claim(sentence="The boat sank with 10 people on board, the agency said.")
    for sentence in (
        "Some 10 people have drowned off the coast so far this year.",
        "Since the start of the year, 10 people have drowned off the coast.",
        "Since January, 10 people have drowned off the coast, the agency said.",
        # a word in -est is no superlative
        "Some 10 people have died in the protest so far this year.",
    ):
        year = claim(sentence=sentence)
        assert subject_key(year) != subject_key(event)
        assert "|year-to-date:velmora" in subject_key(year)
    # must not match: a ranking within the year, another clause's period, a date in January
    for sentence in (
        "The sinking, the deadliest so far this year, killed 10 people.",
        "The boat carried 10 people; 2,300 have drowned so far this year.",
        "Divers have searched since January 3 for 10 people.",
    ):
        assert subject_key(claim(sentence=sentence)) == subject_key(event)


def test_how_soon_money_is_given_does_not_split_what_it_is_for() -> None:
    assert counted_thing("emergency humanitarian aid", "EUR", "other") == counted_thing(
        "humanitarian aid", "EUR", "other"
    )
    # must not match: what the money is for still tells amounts apart
    assert counted_thing("military aid", "EUR", "other") != counted_thing("humanitarian aid", "EUR", "other")


def test_a_claim_opens_a_series_of_its_own_only_when_it_is_credited() -> None:
    credited = claim(sentence="The agency said 40 people died.")
    assert credited_series_parts(credited) == series_parts(credited) is not None
    # must not match: a figure credited to no one has parts, but joins a named series or none
    unattributed = claim(source=None, sentence="Forty people died.")
    assert series_parts(unattributed) is not None and credited_series_parts(unattributed) is None


def test_a_town_then_a_region_of_another_country_after_a_comma_is_no_joint_count() -> None:
    sentence = "Two people were found dead near Sonora, the Tuolumne County sheriff's office said."
    assert not keys._joins_countries(sentence, "US", "Two")
    # must not match: countries listed with commas are still a joint count
    assert keys._joins_countries("The toll in Velmora, Chile and Peru passed 900.", "CL", "900")


def test_nationals_of_another_country_are_a_count_apart_from_everyone_there() -> None:
    saudi = ResolvedPlace(id="iso:SA", name="Saudi Arabia", level="country", country="SA", parent=None)
    everyone = claim(counted="pilgrims").model_copy(update={"place": saudi})
    for counted in ("Egyptians", "Egyptian pilgrims"):
        abroad = claim(counted=counted).model_copy(update={"place": saudi})
        assert subject_key(abroad) != subject_key(everyone)
        assert "|person:eg|" in subject_key(abroad)
    # must not match: a country's own people are everyone it counts, and so is a nationality
    # where no country is known
    egypt = ResolvedPlace(id="iso:EG", name="Egypt", level="country", country="EG", parent=None)
    at_home = claim(counted="Egyptians").model_copy(update={"place": egypt})
    assert subject_key(at_home) == subject_key(claim(counted="people").model_copy(update={"place": egypt}))
    assert "|person|" in subject_key(claim(counted="Egyptians"))
