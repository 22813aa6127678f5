"""Numbers that are not claims: each named rule, and sentences end to end."""

from __future__ import annotations

import re

import pytest

from worker.extract import extract_claims
from worker.extract import nonclaims as rules
from worker.extract.quantities import find_quantities
from worker.extract.sentences import split_sentences


def texts(sentence: str) -> list[str]:
    return [sentence[q.start : q.end] for q in find_quantities(sentence, 0, len(sentence))]


# (rule, text it must match, text it must not match, "search" for text before / "match" for text after)
NAMED_RULES: list[tuple[str, str, str, str]] = [
    ("DATE_AFTER_MONTH", "launched on Oct. ", "launched on ", "search"),
    ("DATE_BEFORE_MONTH", " September 2024", " soldiers", "match"),
    ("DATE_SECOND_DAY", "strikes for Feb. 7 and ", "strikes for 7 and ", "search"),
    ("ORDINAL_SUFFIX", "th meeting", " meetings", "match"),
    ("CLOCK_TIME", " p.m. on Friday", " people", "match"),
    ("CLOCK_MINUTES", "at 3:", "at 3 ", "search"),
    ("DURATION", " hours alone", " houses", "match"),
    ("DURATION_LONG", "-day-long siege", "-strong force", "match"),
    ("AGE_AFTER", "-year-old man", "-year plan", "match"),
    ("DAY_IN_A_RUN_BEFORE", "On day ", "the same day ", "search"),
    ("DAY_IN_A_RUN_AFTER", " of the siege", " people died", "match"),
    ("AGE_PAIR_FIRST_BEFORE", "her parents, ", "her parents said ", "search"),
    ("AGE_PAIR_SECOND_BEFORE", "the couple, 80 and ", "the villages, 8 and ", "search"),
    ("AGE_BEFORE_WORDS", "children under the age of ", "killed more than ", "search"),
    ("AGE_APPOSITION_BEFORE", "Jimmy Sham, ", "the group, ", "search"),
    ("AGE_APPOSITION_BEFORE", "the team's coach, ", "the crews, ", "search"),
    ("DIGIT_GROUP_BEFORE", "call 0800 ", "call ", "search"),
    ("DIGIT_GROUP_AFTER", " 0199 for help", " people", "match"),
    ("AMONG_THE_TOLL", "were among the ", "the ", "search"),
    ("ONE_OF_A_COUNTED_SET", " of the four boats", " of the boats", "match"),
    ("YEAR_CONTEXT_BEFORE", "erupted in ", "killed ", "search"),
    ("PLURAL_NOUN_AFTER", " patients", " Patients", "match"),
    ("ERA_BEFORE", "between A.D. ", "between ", "search"),
    ("FISCAL_YEAR", "-24 fiscal year", "-strong", "match"),
    ("IDENTIFIER_BEFORE", "including the Tu-", "including the ", "search"),
    ("IDENTIFIER_CHAIN", "-555-0100", "-20 km", "match"),
    ("NAME_BEFORE", "with the new Apple Watch ", "with the new ", "search"),
    ("GROUP_OF", "the Group of ", "a group ", "search"),
    ("INDEX_NAMES", "the S&P ", "the ", "search"),
    ("INDEX_NAMES", "the sp ", "the spa ", "search"),
    ("INDEX_NAMES", "Australia's S&P/ASX ", "Australia's ", "search"),
    ("STREET_AFTER", " Downing Street", " people", "match"),
    ("STREET_AFTER", " E 71st St, Manhattan", " E 71st birthday", "match"),
    ("VAGUE_COUNT_BEFORE", "several ", "seven ", "search"),
    ("MEASURE_OF_BEFORE", "by an average of ", "in the summer of ", "search"),
    ("MODEL_SUFFIX_AFTER", " Pro Max: hands-on", " professionals", "match"),
    ("POSTCODE_AFTER", " ZIP Code, based on", " zippers", "match"),
    ("SUPERLATIVE_AFTER", " biggest economies", " big economies", "match"),
    ("RANKING_WORD_BEFORE", "the top ", "likely to top ", "search"),
    ("DEFINITE_BEFORE", "between the ", "between ", "search"),
    ("N_OF_THE_M", "said 9 of the county's ", "said 9 ", "search"),
    ("REPORTED_COUNT_AFTER", " Rohingya the agency counted", " hospitals had closed", "match"),
    ("ONE_PRONOUN_BEFORE", "no ", "killing ", "search"),
    ("ONE_OF_WHOM_COUNTS", " of whom later died", " of its boats", "match"),
    ("ONE_COUNTED_NOUN", " woman dead", " of its boats", "match"),
    ("ONE_CASUALTY_AFTER", " Palestinian was killed", " of its boats", "match"),
    ("ONE_CASUALTY_BEFORE", "the blast killing ", "the blast with ", "search"),
    ("SLASH_AFTER", "/11 attacks", " attacks", "match"),
    ("LEADING_ZERO", "08", "80", "match"),
    ("COUNTER_TOTAL", "Photo 1 of ", "26 of ", "search"),
    ("RATIO_TOTAL", "Six out of ", "Six of ", "search"),
    ("ERA_AFTER", " BC, the", " BBC", "match"),
    ("NAMING_WORD_BEFORE", "see page ", "see 3 ", "search"),
]


@pytest.mark.parametrize(
    "near",
    [
        "see page ",
        "see 3 ",
        "flight  ",
        "(Room ",
        "-Tu ",
        "•Line\n",
        "*Gate\t",
        "$Bus ",
        "x'Rs. ",
        "No.",
        "room",
        "",
        "   ",
        "S&P ",
        "Rs. ",
        "my_var ",
        "é Route ",
        "Routeé ",
        "a\u00a0",
        " 9am ",
    ],
)
def test_naming_word_read_from_the_end_is_the_patterns(near: str) -> None:
    found = rules.NAMING_WORD_BEFORE.search(near)
    assert rules._naming_word_before(near) == (found.group(1) if found else None)


@pytest.mark.parametrize(("name", "matching", "not_matching", "method"), NAMED_RULES)
def test_named_non_claim_rules(name: str, matching: str, not_matching: str, method: str) -> None:
    pattern: re.Pattern[str] = getattr(rules, name)
    assert getattr(pattern, method)(matching), f"{name} should match {matching!r}"
    assert not getattr(pattern, method)(not_matching), f"{name} should not match {not_matching!r}"


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The war began on Oct. 7, 2023, killing 1,200 people.", ["1,200"]),
        ("A photo taken on September 16, 2023 shows 12 ambulances.", ["12"]),
        ("In the past 48 hours, 95 boats had docked.", ["95"]),
        ("It came two days after the attack and after an 18-month siege.", []),
        ("It was their sixth meeting and the 57th session.", []),
        ("The region's three largest ports and the top five banks.", []),
        ("The 10-member bloc backed a five-point plan, unlike a 125,000-strong force.", ["125,000"]),
        ("Tu-160 and MiG-31 jets, the G7 and COVID-19 under Resolution 2334.", []),
        # a House bill's number names the bill; the count after it is kept
        ("The vote on H.R. 4521 drew 220 backers.", ["220"]),
        ("A 52-year-old driver and pupils under the age of 7 were hurt.", []),
        ("People can call 1070 or 1077 for help.", []),
        ("He lives at 10 Downing Street.", []),
        ("Hundreds of people and tens of thousands of others fled, and dozens more.", []),
        ("The two countries and both sides met; Saturday's two summits ended.", []),
        ("Bridges: 9 of the county's 14 bridges were shut.", ["9"]),
        ("The navy intercepted 31 of the 40 speedboats the smugglers sent overnight.", ["31", "40"]),
        ("One of its boats sank, leaving one woman dead.", ["one"]),
        ("The 2021 wildfires razed more than 1,700 homes.", ["more than 1,700"]),
        ("In 2018, 2377 patients were discharged.", ["2377"]),
        ("The Pakistan budget for 2023-24 was approved.", []),
        ("He was sitting on Apple Watch 5 data.", []),
        # a ratio with "in" is a share ("1 in 5" is 20 percent); with "out of" its total is dropped
        ("Six out of ten voters and 1 in 5 children agreed.", ["Six", "1 in 5"]),
        ("One in four homes and one out of ten farms flooded; no one left.", ["One in four", "one"]),
        ("One in every 10 wells failed; she turned 100 on Friday, he turns 40 today.", ["One in every 10"]),
        ("The flood turned 40 villages into islands.", ["40"]),
        ("Gallery: 1 of 3", []),
        ("Two people familiar with the talks said 40 ships left.", ["40"]),
        ("Two officials, who asked not to be named, said 40 ships left.", ["40"]),
        ("Three officials, speaking on condition of anonymity about the plan, said 40 ships left.", ["40"]),
        # must not match: speakers whose clause has its own verb are counted
        ("Three officials, speaking at a rally, were hurt, police said.", ["Three"]),
        ("The deal is worth $40 million, according to two people familiar with the matter.", ["$40 million"]),
        ("The agency, citing three security sources, said 40 guards died.", ["40"]),
        # must not match: a count after "according to" that is no speaker
        ("According to 2 reports from the field, 40 ships left.", ["2", "40"]),
        ("Two people were killed, officials said.", ["Two"]),
        ('"We found 40 bodies," one villager said.', ["40"]),
        ('"Only five of us made it," one survivor recalled.', ["five"]),
        ("One nurse told us 12 were hurt.", ["12"]),
        ("One protester was killed and two were hurt, police said.", ["One", "two"]),
        ("One climber died and one of the guides drowned, rangers said.", ["One"]),
        ("Of the 1,047 deaths, most were of people aged over 85.", ["1,047"]),
        ("It left one dead and two people feared missing, an official said.", ["one", "two"]),
        ("A father of three was among 12 hurt; a coalition of 12 parties met.", ["12", "12"]),
        ("The Boeing 737-800 carried 132 people.", ["132"]),
        ("Participants aged between 18 and 25 and people over 65 joined.", []),
        ("Photo 1 of 12. Updated 08.15 BST. See /2023/10/07/ and the 9/11 attacks.", []),
        ("Call +41 22 739 8111 about 40 tents.", ["about 40"]),
        ("One Palestinian was killed; the blast killed one more.", ["One", "one"]),
        ("Around 80% of the city's 1.2 million residents lost power.", ["Around 80%"]),
        ("Two-thirds of the valley's 300 farms and most of the 60 mills flooded.", ["Two-thirds"]),
        ("The sp 500 fell 2.1% and the S&P/ASX 200 added 0.7 percent.", ["2.1%", "0.7 percent"]),
        ("The category 4 hurricane brought winds of 155mph.", ["155mph"]),
        (
            "It owns 9 E 71st St and wants a few hundred, perhaps 1,000 megawatts.",
            ["perhaps 1,000 megawatts"],
        ),
        ("A few thousand people and many millions more watched.", []),
        ("Prices rose by an average of 1500 in the summer of 1969.", ["an average of 1500"]),
        ("The iPhone 11 Pro and two 737 Max jets sold in the 90049 ZIP Code.", ["two"]),
    ],
)
def test_non_claims_in_sentences(sentence: str, kept: list[str]) -> None:
    assert texts(sentence) == kept


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Filed 2024-03-18, the report lists 40 sites.", ["40"]),
        ("Updated 03.04.2016 09:20, the count was 75.", ["75"]),
        ("Last Tuesday (11), 20 stalls burned.", ["20"]),
        ("Between 14 and 15 March nobody came.", []),
        ("Between 14 and 15 tonnes were moved.", ["Between 14 and 15 tonnes"]),
        ("1 of 3", []),
        ("Photo 2 of 14", []),
        # identifiers and ages in a list, and what counts after them
        ("Rescuers combed carriages 1 and 2 of the train.", []),
        ("The Boeing 737 and 40 other planes were grounded.", ["40"]),
        ("The station master, 59, was arrested.", []),
        ("The driver, 34, and 12 others were hurt.", ["12"]),
        # a counter before its caption; must not match: a count in a sentence
        ("1 of 4 | Residents wade through the water.\nPhoto 2 of 9 - Crews at work.", []),
        ("Rescuers saved 1 of 4 boats - the rest sank.", ["1", "4"]),
        # a counter after a caption's credit; must not match: a count after a bracket in a sentence
        ("Crews clear the road. (Photo: A. Lind / Wire) 2 of 14\n", []),
        ("The panel (set up in May) heard 4 of 7 witnesses.", ["4", "7"]),
        ("No one was hurt.", []),
        ("At one point 40 people waited.", ["40"]),
        ("Marta Ruiz (45) was among 12 people who died.", ["12"]),
        ("The deceased were identified as Ravi (45) and Anil (32), among 12 dead.", ["12"]),
        ("Arrests were made in Lagos (12) and Kano (10).", ["12", "10"]),
        ("Of the 120 passengers on board, 87 were rescued.", ["87"]),
        ("Of the 120 passengers on board, most were rescued.", ["120"]),
        ("Of the 512 people rescued, 48 were taken to hospital.", ["512", "48"]),
        ("Striker Tomas Berg (9) scored twice before 30,000 fans.", ["30,000"]),
        ("Most were held in Kano (10).", ["10"]),
        ("Rescuers were digging at just one point while 40 people waited.", ["40"]),
        ("Rescuers found only one survivor and 40 bodies.", ["one", "40"]),
        ("The cargo ship Ocean Star 2 carried 40 crew.", ["40"]),
        ("The remaining four were freed, as were the other three.", []),
        ("Crews crossed three major rivers.", ["three"]),
        ("A 2,900-year-old hearth and a 45-year-old farmer.", ["2,900"]),
        ("Four men, aged 25, 39 and 46, were held.", ["Four"]),
        ("A nurse told Reuters 13 patients had died.", ["13"]),
        ("Region 13:1", ["1"]),
        ("A court jailed 9 men for between two and five years.", ["9"]),
        ("The repairs will take 4 to 6 weeks; crews work 40 to 50 hours a week.", ["40 to 50"]),
        ("Between 400 and 500 people were on board.", ["Between 400 and 500"]),
    ],
)
def test_dates_counters_markers_idioms_and_known_sets_in_sentences(sentence: str, kept: list[str]) -> None:
    assert texts(sentence) == kept


def test_a_numbered_list_marker_is_not_a_claim() -> None:
    text = "1.\nThe council approved 12 new wells."
    assert [c.quantity_text for c in extract_claims(text)] == ["12"]
    assert [c.quantity_text for c in extract_claims("2) Four ferries resumed service.")] == ["Four"]


@pytest.mark.parametrize(
    ("name", "matching", "not_matching", "method"),
    [
        ("DATE_CHAIN_BEFORE", "on 2024-03-", "on 2024 ", "search"),
        ("WEEKDAY_DAY_BEFORE", "last Friday (", "last year (", "search"),
        ("LIST_MARKER_AFTER", ". The", " boats", "match"),
        ("COUNTER_LINE_FIRST", " of 14", " of the 14 boats", "match"),
        ("COUNTER_LINE_TOTAL", "Photo 2 of ", "said 2 of ", "match"),
        ("NO_BEFORE", "said no ", "said now ", "search"),
        ("ONE_IDIOM_AFTER", " point, the", " pupil", "match"),
    ],
)
def test_new_named_rules(name: str, matching: str, not_matching: str, method: str) -> None:
    pattern: re.Pattern[str] = getattr(rules, name)
    assert getattr(pattern, method)(matching)
    assert not getattr(pattern, method)(not_matching)


def test_a_dashed_list_of_named_regions_keeps_only_the_figures() -> None:
    text = "-Region 4B: 5\n-Region 6: 113\n-Region 13:1"
    assert [c.quantity_text for c in extract_claims(text)] == ["5", "113", "1"]


def test_a_tally_by_place_keeps_every_row_but_a_name_ending_in_a_number_is_not_a_claim() -> None:
    tally = "The office said the north lost 300 homes, Riverton 120, Lakeside 45."
    assert [c.quantity_text for c in extract_claims(tally)] == ["300", "120", "45"]
    # must not match: a name with a number and no earlier figure of a list
    assert [c.quantity_text for c in extract_claims("The convoy took Highway 17 to the coast.")] == []


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Her grandfather, 84, said 300 homes had flooded.", ["300"]),
        ("For help, ring 0800 555 0199 or visit the centre, where 40 nurses work.", ["40"]),
        ("A cousin of hers was among the 19 people killed, officials said.", ["19"]),
        ("Crews said one of the six ferries sank.", ["one"]),
        ("One of the officers said the road was shut.", []),
        # must not match: a number the tokeniser joins is one count; a known set stays a known set
        ("The agency counted 1 234 567 voters.", ["1 234 567"]),
        ("Both of the 2 boats sank, and 30 swam ashore.", ["30"]),
        ("The crews, 14 of them, were rescued.", ["14"]),
    ],
)
def test_ages_after_a_person_codes_between_digit_groups_and_a_toll_after_among(
    sentence: str, kept: list[str]
) -> None:
    assert [claim.quantity_text for claim in extract_claims(sentence)] == kept


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ('"Most of the dead were under five," the nurse said.', []),
        ("Nearly all the pupils were over 12 years old, the school said.", []),
        # must not match: a count under a figure, and an age past the limit a bare "were under" reads
        ("The index fell to under 50 in May, the bureau said.", ["under 50"]),
        ("The dead were under 40, officials said.", ["under 40"]),
    ],
)
def test_people_said_to_be_under_an_age_are_no_count(sentence: str, kept: list[str]) -> None:
    assert [claim.quantity_text for claim in extract_claims(sentence)] == kept


@pytest.mark.parametrize(
    "sentence",
    [
        '"It shook the house," said Ana Ruiz, 41.',
        '"It shook the house," said witness Ana Ruiz, 41; she fled.',
    ],
)
def test_a_speakers_age_that_closes_the_sentence_is_no_claim(sentence: str) -> None:
    assert texts(sentence) == []


def test_the_ages_of_two_relatives_named_by_one_word_are_no_claims() -> None:
    assert texts("She nursed her parents, 71 and 68, through the winter.") == []
    assert texts("The couple, 80 and 79, were rescued by boat.") == []
    # must not match: two counts for two places given after them
    assert texts("Velm and Orlo, 12 and 14, respectively, were cut off.") == ["12", "14"]


def test_a_days_place_in_a_run_and_an_updates_number_are_no_claims() -> None:
    assert texts("On day six of the siege, the city counted 59 deaths.") == ["59"]
    assert texts("Quake toll reaches 84 (UPDATE 2)") == ["84"]
    # must not match: a count right after the day it happened on
    assert texts("The same day 12 people died in Orlo.") == ["12"]


def test_a_count_after_a_place_and_a_comma_at_the_end_is_kept() -> None:
    # must not match: a figure after a place and a comma with no verb of saying before it
    assert texts("The dead were counted in Westland, 41.") == ["41"]


def test_a_gallery_counter_after_its_label_is_no_claim_in_any_sentence() -> None:
    # the label's rule once matched only in an item's first sentence
    text = "Rescuers searched the valley all night. Photo: 3 of 8"
    _, (start, end) = split_sentences(text)
    assert [text[q.start : q.end] for q in find_quantities(text, start, end)] == []
    # must not match: a share of a set after a label is a claim
    text = "Rescuers searched the valley all night. Photo: 3 of 8 homes were lost."
    _, (start, end) = split_sentences(text)
    assert [text[q.start : q.end] for q in find_quantities(text, start, end)] == ["3", "8"]


@pytest.mark.parametrize("reference", ["paragraphs 5-6", "paras 3-4", "pars 2 and 7", "sections 4-5"])
def test_a_reference_to_parts_of_a_text_is_no_claim(reference: str) -> None:
    assert texts(f"The toll rose to 64 (adds comment, {reference}), officials said.") == ["64"]
    # must not match: a count of paragraphs or sections is still a figure
    assert "12" in texts("The new law adds 12 sections to the code, officials said.")


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The murder rate fell to 12 per 100,000 residents.", ["12"]),
        ("There is one doctor for every 10,000 people.", ["one"]),
        ("Infant deaths stand at 31 per 1,000 live births.", ["31"]),
    ],
)
def test_what_a_rate_is_counted_against_is_no_claim(sentence: str, kept: list[str]) -> None:
    assert texts(sentence) == kept
    # must not match: "per" with no figure before it ("per the agency") leaves a count alone
    assert texts("Some 2,000 people fled per the agency, and 400 per day arrive.") == ["Some 2,000", "400"]


def test_a_year_after_a_month_is_a_date_before_a_verb_ending_in_s() -> None:
    text = "The number of cases from January to November 2019 is 78 784."
    assert [c.quantity_text for c in extract_claims(text)] == ["78 784"]
    # must not match: a four-digit count of a plural noun
    assert [c.quantity_text for c in extract_claims("The village had 2017 homes.")] == ["2017"]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("In March two ferries sank off Tarsa, officials said.", ["two"]),
        ("By July 9, seven climbers had been rescued, officials said.", ["seven"]),
        # must not match: a day in digits after a month, or before one
        ("On May 3, 12 climbers were rescued.", ["12"]),
        ("Between 4 and 6 May, 30 climbers were rescued.", ["30"]),
    ],
)
def test_a_number_in_words_next_to_a_month_is_no_day(sentence: str, kept: list[str]) -> None:
    assert texts(sentence) == kept


def test_one_that_ends_a_list_of_counts_by_place_counts() -> None:
    text = "Of the 11 deaths, six were at Harbour Clinic, four at Eastfield and one at Mill Lane, staff said."
    assert texts(text) == ["six", "four", "one"]
    # must not match: "one" as a pronoun with no list of counts before it
    assert texts("The ferry and one at the far pier were late.") == []


def test_a_broadcasters_channel_number_is_no_claim() -> None:
    assert texts("At least 40 homes burned, Ana Ruiz told KXTV 10 Harbour City television.") == [
        "At least 40"
    ]
    assert texts("The chief told WKRN 2 News that 40 homes burned.") == ["40"]
    # must not match: letters and a count with no broadcast word after it
    assert texts("Police told AP 12 people were hurt.") == ["12"]


def test_a_group_of_people_is_counted_but_the_group_of_twenty_is_a_name() -> None:
    assert texts("Police held a group of 76 fans overnight.") == ["76"]
    # must not match: the name of a club of countries
    assert texts("Leaders of the Group of 20 met in Rome.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The march ended at Nine Elms after 40 people were hurt.", ["40"]),
        ("He lives near Seven Sisters station, where 12 homes burned.", ["12"]),
        # must not match: a number word that opens a sentence, or one before a lower-case word
        ("Nine Velport residents were hurt.", ["Nine"]),
        ("Officials said Nine people died.", ["Nine"]),
    ],
)
def test_a_capitalised_number_word_before_a_name_in_running_prose_is_a_name(
    sentence: str, expected: list[str]
) -> None:
    assert texts(sentence) == expected


def test_the_earlier_figure_of_a_count_that_changed_is_a_claim() -> None:
    assert texts("At least 60 people have died, up from the 41 confirmed on Monday.") == ["At least 60", "41"]
    # must not match: a definite set named with no change before it stays a known set
    assert texts("At least 60 people have died, and the 41 crew members are safe.") == ["At least 60"]


def test_speakers_described_by_a_participle_are_no_count() -> None:
    assert texts("At least 30 died, two diplomats coordinating the response told reporters.") == [
        "At least 30"
    ]
    # must not match: a group with a fate of its own after it is counted
    assert texts("The strike left two workers missing, officials said.") == ["two"]


def test_one_of_a_ranked_few_is_no_count() -> None:
    assert texts("The storm is now one of the three deadliest storms on record.") == []
    # must not match: one of a counted set is a count of its own
    assert texts("One of the four boats sank.") == ["One"]


@pytest.mark.parametrize(
    ("headline", "figure"),
    [("Quake Death Toll Rises To 40", "40"), ("Floods Kill 40 In Northern Velmora", "40")],
)
def test_a_title_case_headlines_small_words_name_nothing(headline: str, figure: str) -> None:
    assert texts(headline) == [figure]
    # must not match: a name with a number stays a name
    assert texts("Apollo 11 landed on the moon.") == []


# Each rule read on the words after a number, the openings that spare a number the rule, and words
# its matches are built from: written after separators, in other cases and with folding letters.
_GUARDED_AFTER_RULES = [
    ("ORDINAL_SUFFIX", "_ORDINAL_OPENINGS", ["st", "nd", "rd", "th"]),
    (
        "CLOCK_TIME",
        "_CLOCK_OPENINGS",
        [":30", "a.m.", "pm", "o'clock", "hrs", "h30", "local time", "GMT", "AEST"],
    ),
    ("IDENTIFIER_CHAIN", "_CHAIN_OPENINGS", ["-555-0100", ".2.3", "/11/24"]),
    ("SLASH_AFTER", "_CHAIN_OPENINGS", ["/7", "/2023"]),
    ("DATE_BEFORE_MONTH", "_DATE_OPENINGS", ["May", "th of March", "st Sept", "of June"]),
    ("AGE_AFTER", "_AGE_OPENINGS", ["year-old", "years old", "month old", "day-old"]),
    ("DURATION", "_DURATION_OPENINGS", ["hours", "more days", "straight weeks", "odd years"]),
    ("DURATION_LONG", "_DURATION_OPENINGS", ["-long", "-day-long"]),
    ("ERA_AFTER", "_ERA_OPENINGS", ["BC", "B.C.", "AD", "CE"]),
    ("MODEL_SUFFIX_AFTER", "_MODEL_OR_POSTCODE_OPENINGS", ["Pro", "Max", "Air"]),
    ("POSTCODE_AFTER", "_MODEL_OR_POSTCODE_OPENINGS", ["ZIP code", "postal code", "postcode"]),
    ("SUPERLATIVE_AFTER", "_SUPERLATIVE_OPENINGS", ["largest", "deadliest", "worst"]),
]


@pytest.mark.parametrize(("rule", "openings", "words"), _GUARDED_AFTER_RULES)
def test_a_rule_on_the_words_after_a_number_is_spared_only_where_it_cannot_match(
    rule: str, openings: str, words: list[str]
) -> None:
    pattern, allowed = getattr(rules, rule), getattr(rules, openings)
    matched = 0
    for word in words:
        for written in (
            word,
            word.upper(),
            word.title(),
            word.replace("s", "\u017f"),
            word.replace("k", "\u212a"),
        ):
            for lead in ("", " ", "  ", "\t", "-", " - ", "\n"):
                after = f"{lead}{written} people"
                if pattern.match(after) is not None:
                    matched += 1
                    assert rules._opening(after) in allowed, after
    assert matched  # the words do make the rule match


def test_a_title_case_headlines_verb_before_a_figure_names_nothing() -> None:
    assert texts("Health Agency Confirms 41 Deaths In Velmora") == ["41"]
    # must not match: a product's name before its number
    assert texts("Sales of the Velm Phone 5 rose.") == []


def test_a_wires_exchange_rate_note_is_no_claim() -> None:
    assert texts("The fund will pay 2 billion euros. ($1 = 0.9084 euros)") == ["2 billion euros"]
    assert texts("It was worth 90 million rand (1 rand = 0.05 dollars).") == ["90 million rand"]
    # must not match: an equation of two counts outside brackets
    assert texts("One vote = 4 seats in the count.") == ["4"]
