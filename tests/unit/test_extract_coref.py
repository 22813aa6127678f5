"""The item's source registry: references back to a source resolve to its fullest earlier name."""

from __future__ import annotations

import pytest

from worker.extract.coref import SourceRegistry, WrittenName, parse_phrase
from worker.extract.sources import personal_name


def resolved(registry: SourceRegistry, phrase: str, lookahead: tuple[str, ...] = ()) -> str | None:
    found = registry.resolve(phrase, lookahead)
    return found[1] if found else None


class TestPersonalName:
    def test_titles_are_dropped(self) -> None:
        assert personal_name(["Lt.", "Gen.", "Sergei", "Kobylash"]) == ["Sergei", "Kobylash"]
        assert personal_name(["ministry", "spokesman", "Karim", "al-Hadi"]) == ["Karim", "al-Hadi"]

    def test_a_body_is_not_a_person(self) -> None:
        assert personal_name(["Directorate", "General", "of", "Health", "Services"]) is None
        assert personal_name(["Africa", "CDC"]) is None
        assert personal_name(["Police"]) is None

    def test_capitalised_bodies_are_not_people(self) -> None:
        assert personal_name(["The", "World", "Food", "Programme"]) is None
        assert personal_name(["The", "U.N"]) is None

    def test_dotted_initials_before_a_surname_are_a_names(self) -> None:
        assert personal_name(["Chief", "Secretary", "R.T.", "Malo"]) == ["R.T.", "Malo"]
        # must not match: dotted letters alone are a body's
        assert personal_name(["The", "U.N."]) is None

    def test_places_and_storms_are_not_people(self) -> None:
        assert personal_name(["Camp", "Velma"]) is None
        assert personal_name(["Eastern", "and", "Western", "Velmar"]) is None
        assert personal_name(["Super", "Typhoon", "Velma"]) is None
        # must not match: a place word later in a name is a surname
        assert personal_name(["Ana", "Camp"]) == ["Ana", "Camp"]

    def test_one_bare_word_is_not_enough(self) -> None:
        assert personal_name(["Occurrence"]) is None
        assert personal_name(["Mayor", "Lindqvist"]) == ["Lindqvist"]


class TestParsePhrase:
    def test_parenthesised_acronym_is_kept_apart(self) -> None:
        phrase = parse_phrase("the Northern Rivers Water Board (NRWB)")
        assert phrase.text == "the Northern Rivers Water Board"
        assert phrase.acronym == "NRWB"

    def test_plain_phrase_has_no_acronym(self) -> None:
        assert parse_phrase("the ministry").acronym is None


class TestPronouns:
    def test_it_takes_the_latest_body_and_he_the_latest_person(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the UN refugee agency")
        resolved(registry, "Omar Haddad, a field officer of the agency")
        assert resolved(registry, "it") == "the UN refugee agency"
        assert resolved(registry, "he") == "Omar Haddad, a field officer of the agency"

    def test_they_prefers_a_plural_source(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "Local officials")
        resolved(registry, "the UN refugee agency")
        assert resolved(registry, "They") == "Local officials"

    def test_its_spokesman_speaks_for_the_body(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "The disaster ministry")
        assert resolved(registry, "its spokesman") == "The disaster ministry"
        assert resolved(registry, "its spokesman Nadia Sayed") == "Nadia Sayed"

    def test_a_spokesman_owned_by_someone_is_not_the_person_named_before(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "Lars Voigt")
        assert resolved(registry, "the mayor's spokesman") == "the mayor's spokesman"
        # must not match: a bare role still refers back to the person who spoke
        registry = SourceRegistry()
        resolved(registry, "Lars Voigt")
        assert resolved(registry, "the spokesman") == "Lars Voigt"

    def test_a_pronoun_with_nothing_before_it_is_unresolved(self) -> None:
        assert SourceRegistry().resolve("it") is None

    def test_he_falls_back_to_a_name_written_outside_any_cue(self) -> None:
        registry = SourceRegistry(lambda: [WrittenName(0, "Martin Greer", after_preposition=False)])
        assert registry.resolve("He", (), 50) is not None
        assert resolved(registry, "he") == "Martin Greer"


class TestDescriptions:
    def test_the_ministry_takes_the_fullest_earlier_mention(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the health ministry in Gaza")
        found = registry.resolve("the ministry")
        assert found is not None
        assert found[1] == "the health ministry in Gaza"
        assert found[0].normalized == "gaza health ministry"

    def test_a_name_cut_to_its_capitalised_head_takes_the_fullest_earlier_mention(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the Velmoran Observatory for Water Rights")
        assert resolved(registry, "the Observatory") == "the Velmoran Observatory for Water Rights"
        # must not match: with no earlier body of that head it stays as written
        assert resolved(SourceRegistry(), "the Commission") == "the Commission"

    def test_a_body_named_inside_a_title(self) -> None:
        registry = SourceRegistry()
        assert resolved(registry, "Water Ministry spokesperson Lena Okafor") == "Lena Okafor"
        assert resolved(registry, "the ministry") == "Water Ministry"

    def test_a_person_phrase_is_not_a_later_full_name_for_a_body(self) -> None:
        registry = SourceRegistry()
        later = ("Agency spokesman Dewi Santoso",)
        assert resolved(registry, "the national disaster agency", later) == "the national disaster agency"
        assert resolved(registry, "Agency spokesman Dewi Santoso") == "Dewi Santoso"
        assert resolved(registry, "the agency") == "the national disaster agency"

    def test_a_description_with_another_remit_is_not_the_body_named_before(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the Velmar Meteorological Department")
        assert resolved(registry, "the provincial health department") == "the provincial health department"
        assert resolved(registry, "the weather department") == "the Velmar Meteorological Department"
        registry = SourceRegistry()
        resolved(registry, "the Velmar Statistics Agency")
        assert resolved(registry, "the health agency") == "the health agency"
        # a body whose name gives no remit may be described by one
        registry = SourceRegistry()
        resolved(registry, "the Tarsa Department")
        assert resolved(registry, "the health department") == "the Tarsa Department"

    def test_a_count_named_as_a_subject_is_no_body_a_description_can_mean(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "The tally")
        assert resolved(registry, "the agency") == "the agency"
        resolved(registry, "the Velm Relief Agency")
        resolved(registry, "The tally")
        assert resolved(registry, "the agency") == "the Velm Relief Agency"

    def test_plural_descriptions_and_joint_sources(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the World Health Organization and UNICEF")
        assert resolved(registry, "The agencies") == "the World Health Organization and UNICEF"
        assert resolved(registry, "they") == "the World Health Organization and UNICEF"

    def test_a_modifier_must_match(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the Seine-Maritime prefecture")
        assert resolved(registry, "the police prefecture") == "the police prefecture"

    def test_an_epithet_refers_to_the_latest_body(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "The Office for Public Spending")
        assert resolved(registry, "The fiscal watchdog") == "The Office for Public Spending"

    @pytest.mark.parametrize(
        "description", ["the Geneva-based group", "The London-based monitor", "the charity"]
    )
    def test_a_non_profit_goes_by_a_description_of_where_it_sits(self, description: str) -> None:
        registry = SourceRegistry()
        resolved(registry, "the Norland Human Rights Network")
        assert resolved(registry, description) == "the Norland Human Rights Network"

    def test_officials_of_a_level_of_government_are_not_the_officials_before(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "officials")
        assert resolved(registry, "local officials") == "local officials"

    def test_one_office_never_refers_back_to_another(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the mayor")
        assert resolved(registry, "the governor") == "the governor"

    def test_a_generic_role_refers_back_to_the_latest_speaker(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "Mayor Ana Ruiz")
        assert resolved(registry, "the official") == "Ana Ruiz"

    def test_a_specific_head_does_not_fall_back_to_another_body(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the police prefecture")
        assert resolved(registry, "the union") == "the union"

    def test_a_later_mention_of_no_known_kind_does_not_name_an_indefinite_one(self) -> None:
        registry = SourceRegistry()
        assert resolved(registry, "an independent analyst", ("He",)) == "an independent analyst"
        assert resolved(registry, "a charity", ("the Mirren Foundation",)) == "the Mirren Foundation"

    def test_a_description_named_only_later(self) -> None:
        registry = SourceRegistry()
        assert resolved(registry, "ministry", ("Gaza's health ministry",)) == "Gaza's health ministry"

    def test_a_description_that_opens_a_later_sentence_names_no_one(self) -> None:
        registry = SourceRegistry()
        phrase = "provincial health officials"
        assert resolved(registry, phrase, ("Officials",)) == phrase
        # must not match: a later name does stand for an indefinite description
        assert resolved(SourceRegistry(), "a charity", ("Mirren Foundation",)) == "Mirren Foundation"

    def test_an_indefinite_charity_named_later(self) -> None:
        registry = SourceRegistry()
        assert resolved(registry, "a charity", ("the Mirren Foundation",)) == "the Mirren Foundation"

    def test_an_indefinite_person_stays_as_written(self) -> None:
        registry = SourceRegistry()
        assert resolved(registry, "A resident", ("Aye Myat Thu",)) == "A resident"


class TestNames:
    def test_surname_takes_the_full_name(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "Health Minister Jean-Luc Mbala")
        assert resolved(registry, "Mbala") == "Jean-Luc Mbala"

    def test_a_title_and_a_surname_take_the_full_name(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "Dr. Ines Morales")
        assert resolved(registry, "Ms Morales") == "Ines Morales"

    def test_surname_without_its_particle(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "ministry spokesman Karim al-Hadi")
        assert resolved(registry, "Hadi") == "Karim al-Hadi"
        assert resolved(registry, "Al-Hadi") == "Karim al-Hadi"

    def test_surname_from_a_name_written_outside_a_cue(self) -> None:
        registry = SourceRegistry(lambda: [WrittenName(0, "Harriet Quayle", after_preposition=False)])
        assert resolved(registry, "Quayle") == "Harriet Quayle"

    def test_acronym_given_in_parentheses_is_the_same_body(self) -> None:
        registry = SourceRegistry()
        first = registry.resolve("the Northern Rivers Water Board (NRWB)")
        later = registry.resolve("the NRWB")
        assert first is not None and later is not None
        assert first[0] is later[0]
        assert later[1] == "the NRWB"

    def test_short_name_of_a_body_named_in_full(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the Norland Red Crescent")
        assert resolved(registry, "Red Crescent") == "the Norland Red Crescent"

    def test_alias_table_joins_two_names_of_one_body(self) -> None:
        registry = SourceRegistry()
        first = registry.resolve("the World Health Organization")
        later = registry.resolve("the WHO")
        assert first is not None and later is not None
        assert first[0] is later[0]


class TestGenderOfPronouns:
    def test_she_skips_a_later_speaker_known_to_be_a_man(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "spokeswoman Ana Ruiz")
        resolved(registry, "Mr Tom Baker")
        assert resolved(registry, "she") == "Ana Ruiz"
        assert resolved(registry, "he") == "Tom Baker"

    def test_a_pronoun_teaches_the_gender_of_its_speaker(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "Tom Baker")
        assert resolved(registry, "He") == "Tom Baker"
        resolved(registry, "Ana Ruiz")
        assert resolved(registry, "She") == "Ana Ruiz"
        assert resolved(registry, "he") == "Tom Baker"

    def test_unknown_gender_takes_the_latest_speaker(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "Tom Baker")
        resolved(registry, "Ana Ruiz")
        assert resolved(registry, "she") == "Ana Ruiz"


class TestDescriptionsThatReferBack:
    def test_a_description_given_in_apposition_is_remembered(self) -> None:
        registry = SourceRegistry()
        found = registry.resolve("The Sea Rescue Watch")
        assert found is not None
        registry.describe(found[0], "a Geneva-based monitor")
        assert resolved(registry, "the Geneva-based monitor") == "The Sea Rescue Watch"

    def test_a_place_based_epithet_refers_to_the_latest_body(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "The Sea Rescue Watch")
        assert resolved(registry, "The Geneva-based monitor") == "The Sea Rescue Watch"

    def test_a_company_epithet_with_a_generic_adjective(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "Ferrovia")
        assert resolved(registry, "The online retailer") == "Ferrovia"

    def test_a_restricting_adjective_names_another_body(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "Ferrovia")
        assert resolved(registry, "The rival company") == "The rival company"

    def test_a_capitalised_name_in_s_is_one_body(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the Norland Airlines group")
        resolved(registry, "Local officials")
        assert resolved(registry, "it") == "the Norland Airlines group"
        assert resolved(registry, "they") == "Local officials"

    def test_a_generic_body_noun_after_its_members_refers_to_the_body_they_name(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "The Velmara Doctors Network")
        resolved(registry, "Local officials")
        assert resolved(registry, "the doctors' group") == "The Velmara Doctors Network"
        assert (
            resolved(registry, "The farmers’ body") == "The farmers’ body"
        )  # must not match: no farmers named


class TestAcronymsAreMatchedAsWritten:
    @pytest.mark.parametrize(("phrase", "normalized"), [("The WHO", "who"), ("MAP", "map"), ("the UN", "un")])
    def test_an_acronym_in_capitals_is_the_body(self, phrase: str, normalized: str) -> None:
        found = SourceRegistry().resolve(phrase)
        assert found is not None
        assert found[0].normalized == normalized
        assert found[0].type != "other"

    @pytest.mark.parametrize("phrase", ["the map", "the who", "us"])
    def test_the_same_letters_in_lower_case_are_an_ordinary_word(self, phrase: str) -> None:
        found = SourceRegistry().resolve(phrase)
        assert found is not None
        assert found[0].type == "other"


class TestNamesInsideAComplement:
    def test_the_head_before_the_complement_is_the_source(self) -> None:
        registry = SourceRegistry()
        phrase = "Organisers of the march against a visit by President Ana Ruiz"
        assert resolved(registry, phrase) == phrase

    def test_a_spokesman_for_a_named_official_is_not_the_official(self) -> None:
        registry = SourceRegistry()
        assert resolved(registry, "A spokesman for Mayor Ana Ruiz") == "A spokesman for Mayor Ana Ruiz"

    def test_a_title_before_the_name_still_gives_the_name(self) -> None:
        registry = SourceRegistry()
        assert resolved(registry, "Harbour Board chief Ana Ruiz") == "Ana Ruiz"


class TestDescriptionsStandForNames:
    def test_a_description_does_not_stand_for_an_earlier_description(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "The firm")
        # "the regulator" is another body: only a name can be what a bare description stands for
        assert resolved(registry, "the regulator") == "the regulator"

    def test_a_description_stands_for_a_body_named_before(self) -> None:
        # must not match: a body named by its name is what "the regulator" refers back to
        registry = SourceRegistry()
        resolved(registry, "the Norland Energy Authority")
        assert resolved(registry, "the regulator") == "the Norland Energy Authority"

    def test_a_charity_or_monitor_described_by_its_work_is_the_one_named_before(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the Velmar Observatory for Human Rights")
        assert resolved(registry, "the war monitor") == "the Velmar Observatory for Human Rights"
        registry = SourceRegistry()
        resolved(registry, "Medecins Sans Frontieres")
        assert resolved(registry, "the medical charity") == "Medecins Sans Frontieres"
        # must not match: a UN agency is no charity a description means, nor is a rival
        registry = SourceRegistry()
        resolved(registry, "the UN refugee agency")
        assert resolved(registry, "the medical charity") == "the medical charity"
        registry = SourceRegistry()
        resolved(registry, "the Velmar Observatory for Human Rights")
        assert resolved(registry, "the rival monitor") == "the rival monitor"

    def test_a_listed_body_whose_name_reads_like_a_persons_is_no_person(self) -> None:
        registry = SourceRegistry()
        found = registry.resolve("Medecins Sans Frontieres")
        assert found is not None
        assert not found[0].person

    def test_the_society_is_the_red_cross_society_named_before(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the Velmar Red Cross")
        assert resolved(registry, "the society") == "the Velmar Red Cross"

    def test_the_force_is_the_police_or_army_named_before(self) -> None:
        registry = SourceRegistry()
        resolved(registry, "the Tarsa Constabulary")
        resolved(registry, "Organisers")
        assert resolved(registry, "the force") == "the Tarsa Constabulary"
        # must not match: a charity is no force
        registry = SourceRegistry()
        resolved(registry, "the Velmar Relief Trust")
        assert resolved(registry, "the force") == "the force"


@pytest.mark.parametrize(
    "pair", ["Both the army and the rebels", "the army and the rebels", "army or rebels"]
)
def test_one_member_of_a_pair_of_sources_is_not_the_pair(pair: str) -> None:
    registry = SourceRegistry()
    registry.resolve(pair)
    assert resolved(registry, "The army") == "The army"
    # must not match: "and" inside a body's capitalised name leaves it one body
    registry = SourceRegistry()
    registry.resolve("the Ministry of Health and Population")
    assert resolved(registry, "the ministry") == "the Ministry of Health and Population"


def test_a_later_spokesman_of_a_body_is_not_its_fuller_name() -> None:
    registry = SourceRegistry()
    later = ("a coast guard spokesman",)
    assert resolved(registry, "the Coast Guard", later) == "the Coast Guard"
    # must not match: a later name that holds the words and more is the body's full name
    assert (
        resolved(SourceRegistry(), "the Red Crescent", ("the Libyan Red Crescent",))
        == "the Libyan Red Crescent"
    )


def test_a_group_named_later_with_a_place_is_not_the_group_named_before() -> None:
    later = ("March organisers in Velm",)
    assert resolved(SourceRegistry(), "march organisers", later) == "march organisers"
    # must not match: a later mention without a place of its own still names the group
    assert resolved(SourceRegistry(), "march organisers", ("the march organisers of the rally",)) == (
        "the march organisers of the rally"
    )


def test_an_office_written_in_capitals_names_the_holder_named_with_it_before() -> None:
    registry = SourceRegistry()
    registry.resolve("Westland Chief Secretary Ana Ruiz")
    assert resolved(registry, "The Chief Secretary") == "Ana Ruiz"
    # must not match: another office, or one no named person holds
    assert resolved(registry, "The Chief Minister") == "The Chief Minister"
    assert resolved(registry, "The Mayor") == "The Mayor"


def test_the_charity_or_the_ngo_alone_is_the_non_profit_named_before() -> None:
    registry = SourceRegistry()
    registry.resolve("Doctors Without Borders")
    assert resolved(registry, "the NGO") == "Doctors Without Borders"
    assert resolved(registry, "the charity") == "Doctors Without Borders"
    # must not match: with only a person named before, the NGO is a body of its own
    others = SourceRegistry()
    others.resolve("Ana Ruiz")
    assert resolved(others, "the NGO") == "the NGO"


def test_a_non_profit_described_later_passes_over_the_un_named_since() -> None:
    registry = SourceRegistry()
    registry.resolve("Doctors Without Borders")
    registry.resolve("UN")
    registry.resolve("Ana Ruiz")
    assert resolved(registry, "the NGO") == "Doctors Without Borders"
    assert resolved(registry, "the French charity") == "Doctors Without Borders"
    # must not match: a country's adjective before a government names that government
    assert resolved(registry, "the French government") == "the French government"


def test_an_office_described_before_its_holder_is_named_is_that_holder() -> None:
    later = ("Velmar's President Ana Ruiz",)
    assert resolved(SourceRegistry(), "the country's president", later) == "Ana Ruiz"
    # must not match: two later holders of the office leave the description unresolved
    later = ("President Ana Ruiz", "President Ivo Lund")
    assert resolved(SourceRegistry(), "the country's president", later) == "the country's president"
