"""Numbers that are not claims: each named rule, and sentences end to end."""

from __future__ import annotations

import re

import pytest

from worker.extract import nonclaims as rules
from worker.extract.quantities import find_quantities


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
    ("AGE_BEFORE_WORDS", "children under the age of ", "killed more than ", "search"),
    ("AGE_APPOSITION_BEFORE", "Jimmy Sham, ", "the group, ", "search"),
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
    ("N_OF_THE_M", "said 26 of the territory's ", "said 26 ", "search"),
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
    ("AGE_APPOSITION_AFTER", ", said", " said", "match"),
    ("NAMING_WORD_BEFORE", "see page ", "see 3 ", "search"),
]


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
        ("In the past 24 hours alone, 252 people had been killed.", ["252"]),
        ("It came two days after the attack and after an 18-month siege.", []),
        ("It was their sixth meeting and the 57th session.", []),
        ("The world's two biggest economies and the top three firms.", []),
        ("The 10-member bloc backed a five-point plan, unlike a 125,000-strong force.", ["125,000"]),
        ("Tu-160 and MiG-31 jets, the G7 and COVID-19 under Resolution 2334.", []),
        ("A 45-year-old man and children under the age of 5 were hurt.", []),
        ("People can call 1070 or 1077 for help.", []),
        ("He lives at 10 Downing Street.", []),
        ("Hundreds of people and tens of thousands of others fled, and dozens more.", []),
        ("The two countries and both sides met; Saturday's two summits ended.", []),
        ("Hospitals: 26 of the territory's 35 hospitals had stopped working.", ["26"]),
        ("It shot down 26 of the 28 attack drones Russia launched overnight.", ["26", "28"]),
        ("One of its boats sank, leaving one woman dead.", ["one"]),
        ("The 2022 floods killed more than 1,700 people.", ["more than 1,700"]),
        ("In 2018, 2377 patients were discharged.", ["2377"]),
        ("The Pakistan budget for 2023-24 was approved.", []),
        ("He was sitting on Apple Watch 5 data.", []),
        ("Six out of ten voters and 1 in 5 children agreed.", ["Six", "1"]),
        ("The Boeing 737-800 carried 132 people.", ["132"]),
        ("Participants aged between 18 and 25 and people over 65 joined.", []),
        ("Photo 1 of 12. Updated 08.15 BST. See /2023/10/07/ and the 9/11 attacks.", []),
        ("Call +41 22 739 8111 about 40 tents.", ["about 40"]),
        ("One Palestinian was killed; the blast killed one more.", ["One", "one"]),
        ("Around 80% of the city's 1.2 million residents lost power.", ["Around 80%"]),
        ("The sp 500 fell 2.1% and the S&P/ASX 200 gained 0.7 percent.", ["2.1%", "0.7 percent"]),
        ("The category 4 hurricane brought winds of 155mph.", ["155mph"]),
        ("It owns 9 E 71st St and needs several hundred or even 1,000 megawatts.", ["1,000 megawatts"]),
        ("A few thousand people and many millions more watched.", []),
        ("Prices rose by an average of 1500 in the summer of 1969.", ["an average of 1500"]),
        ("The iPhone 11 Pro and two 737 Max jets sold in the 90049 ZIP Code.", ["two"]),
    ],
)
def test_non_claims_in_sentences(sentence: str, kept: list[str]) -> None:
    assert texts(sentence) == kept
