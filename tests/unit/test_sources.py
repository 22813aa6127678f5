"""Source names: canonical keys from the alias table and the source type of a name."""

from __future__ import annotations

from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worker.extract.sources import ALIAS_TABLE, normalize_source, personal_name, without_home_base
from worker.models import SourceType


@pytest.mark.parametrize(
    "name",
    [
        "the Hamas-run Gaza health ministry",
        "the Health Ministry in Gaza",
        "Gaza's health ministry",
        "the Hamas-run health ministry",
        "the Gaza Ministry of Health",
        "the health ministry in the Gaza Strip",
    ],
)
def test_gaza_health_ministry_has_one_key(name: str) -> None:
    assert normalize_source(name) == ("gaza health ministry", "health_authority")


@pytest.mark.parametrize(
    ("name", "canonical", "kind"),
    [
        ("the IDF", "israel defense forces", "military"),
        ("the Israel Defence Forces", "israel defense forces", "military"),
        ("the Israeli military", "israel defense forces", "military"),
        ("UNHCR", "unhcr", "un_ngo"),
        ("the UN refugee agency", "unhcr", "un_ngo"),
        ("the U.N. refugee agency", "unhcr", "un_ngo"),
        ("OCHA", "un ocha", "un_ngo"),
        ("the UN's Office for Coordination of Humanitarian Affairs", "un ocha", "un_ngo"),
        ("the World Health Organization", "who", "un_ngo"),
        ("the WHO", "who", "un_ngo"),
        ("UNICEF", "unicef", "un_ngo"),
        ("UNRWA", "unrwa", "un_ngo"),
        ("the World Food Programme", "wfp", "un_ngo"),
        ("International Organization for Migration (IOM)", "iom", "un_ngo"),
        ("International Committee of Red Cross", "icrc", "un_ngo"),
        ("the Red Cross", "icrc", "un_ngo"),
        ("the Palestinian Red Crescent Society", "palestinian red crescent", "un_ngo"),
        ("Russia's Defence Ministry", "russia defence ministry", "military"),
        ("the Russian defense ministry", "russia defence ministry", "military"),
        ("the Metropolitan Police", "metropolitan police", "police"),
        ("the U.S. Geological Survey", "usgs", "government"),
    ],
)
def test_alias_table(name: str, canonical: str, kind: str) -> None:
    assert normalize_source(name) == (canonical, kind)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Local health officials", "health_authority"),
        ("the police prefecture", "police"),
        ("the Ukrainian air force", "military"),
        ("independent media outlets", "media"),
        ("Residents", "anonymous"),
        ("the Interior Ministry", "government"),
        ("The CGT union", "organisation"),
        ("an observatory for human rights in Syria", "un_ngo"),
    ],
)
def test_type_from_keywords(name: str, kind: str) -> None:
    assert normalize_source(name)[1] == kind


def test_a_generic_name_is_not_folded_into_one_body() -> None:
    assert normalize_source("the health ministry") == ("health ministry", "health_authority")
    assert normalize_source("Lebanon's health ministry")[0] == "lebanon health ministry"


def test_unknown_names_keep_their_words() -> None:
    assert normalize_source("The Kyunhla activist group") == ("kyunhla activist group", "organisation")
    assert normalize_source("the Ministry of Health of Ruritania")[0] == "ministry of health of ruritania"


def test_every_alias_maps_to_its_own_entry() -> None:
    for canonical, (kind, aliases) in ALIAS_TABLE.items():
        for alias in aliases:
            assert normalize_source(alias) == (canonical, kind), alias


@given(st.text(max_size=80))
def test_any_name_gives_a_lower_case_key_and_a_known_type(name: str) -> None:
    key, kind = normalize_source(name)
    assert key == key.lower()
    assert kind in get_args(SourceType)


def test_a_name_that_ends_on_a_trade_is_a_business_not_a_person() -> None:
    assert personal_name(["Northwind", "Freight"]) is None
    assert personal_name(["Velmar", "Mining"]) is None
    # must not match: two capitalised words of no trade are a person's name
    assert personal_name(["Tomas", "Berg"]) == ["Tomas", "Berg"]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        (["Rep.", "Ada", "King"], ["Ada", "King"]),
        (["Dr.", "Lena", "Judge"], ["Lena", "Judge"]),
        (["Ms", "Carol", "Cross"], ["Carol", "Cross"]),
        (["Prof.", "Dr.", "Hans", "Weber"], ["Hans", "Weber"]),
        (["Mr", "Banks"], ["Banks"]),
    ],
)
def test_words_after_an_honorific_are_a_name_even_where_they_name_bodies(
    phrase: list[str], name: list[str]
) -> None:
    assert personal_name(phrase) == name


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Chief Officer of Velm district Ana Ruiz", ["Ana", "Ruiz"]),
        ("Deputy Commissioner or Administrative Chief of Orlo province Ivo Lund", ["Ivo", "Lund"]),
        ("Head of the Velm fire service Ana Ruiz", ["Ana", "Ruiz"]),
        # must not match: no lower-case word sets a name apart from what the title is of
        ("Deputy Commissioner of Orlo Ivo Lund", None),
        ("Minister for Disaster Management", None),
        ("Head of the Velm Red Cross Society Ana Ruiz", None),
    ],
)
def test_a_name_after_what_a_title_is_of(phrase: str, name: list[str] | None) -> None:
    assert personal_name(phrase.split()) == name


def test_words_that_name_bodies_after_an_office_are_no_name() -> None:
    # must not match: an office is no honorific, so "General Hospital" stays a body
    assert personal_name(["Tampa", "General", "Hospital"]) is None
    assert personal_name(["Ada", "Banks"]) is None


def test_pm_before_a_name_is_a_title() -> None:
    assert personal_name(["PM", "Tarun", "Mehra"]) == ["Tarun", "Mehra"]
    # must not match: the letters alone are no name
    assert personal_name(["PM"]) is None


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        (["Hon.", "Ama", "Akello"], ["Ama", "Akello"]),
        (["Alhaji", "Sani", "Umar"], ["Sani", "Umar"]),
        (["Barrister", "Chidi", "Okeke"], ["Chidi", "Okeke"]),
        (["Engr.", "Musa", "Bello"], ["Musa", "Bello"]),
    ],
)
def test_honorifics_of_african_and_asian_english_are_titles(phrase: list[str], name: list[str]) -> None:
    assert personal_name(phrase) == name


def test_a_title_that_needs_its_full_stop_is_none_without_it() -> None:
    # must not match: "Hon Hai" is a company's name, not the Honourable Hai
    assert personal_name(["Hon", "Hai", "Precision", "Industry"]) is None


@pytest.mark.parametrize(
    "mention", ["Gaza’s civil defence agency", "the ministry’s spokesman", "Kenya’s Red Cross"]
)
def test_a_typographic_apostrophe_is_a_possessive_like_a_plain_one(mention: str) -> None:
    assert normalize_source(mention) == normalize_source(mention.replace("’", "'"))
    # the possessive's "s" never joins the name it follows ("gazas")
    assert not normalize_source(mention)[0].split()[0].endswith("s")


def test_a_title_deep_inside_a_long_phrase_names_no_speaker() -> None:
    phrase = "Organisers of the rally against the planned state visit of President Ana Ruiz"
    assert personal_name(phrase.split(" ")) is None
    # must not match: a title after a body's capitalised name, or after a few describing words
    for phrase in (
        "The National Council for Disaster Relief chief Ana Ruiz",
        "the country's deputy health minister Ana Ruiz",
    ):
        assert personal_name(phrase.split(" ")) == ["Ana", "Ruiz"]


def test_a_partys_letters_after_a_speakers_name_leave_the_name() -> None:
    assert normalize_source("Velport County Mayor Ana Ruiz (D)") == ("ana ruiz", "person")
    # must not match: letters that are no party stay out of a person's name as before
    assert normalize_source("the National Relief Agency (NRA)")[1] != "person"


def test_two_initials_without_dots_open_a_persons_name() -> None:
    assert personal_name(["KR", "Mahale"]) == ["KR", "Mahale"]
    assert normalize_source("KR Mahale") == ("kr mahale", "person")
    # must not match: the letters of a listed body before a word
    assert personal_name(["UN", "Women"]) is None


def test_one_initial_without_a_dot_opens_a_persons_name_but_a_or_i_do_not() -> None:
    assert personal_name(["G", "Sathyanarayanan"]) == ["G", "Sathyanarayanan"]
    # must not match: "A" and "I" are words before a name, not initials
    assert personal_name(["A", "Velport", "spokesman"]) is None
    assert personal_name(["I", "Ruiz"]) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("London-based Orlo Advisors", "Orlo Advisors"),
        ("the New York-based Velm Fund", "Velm Fund"),
        # must not match: a kind of group, not a named body after the base
        ("Community-based groups", "Community-based groups"),
    ],
)
def test_where_a_body_is_based_is_no_part_of_its_name(name: str, expected: str) -> None:
    assert without_home_base(name) == expected
