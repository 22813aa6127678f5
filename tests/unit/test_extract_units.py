"""Units, currencies and percentages written at a number."""

from __future__ import annotations

import re

import pytest

from worker.extract import extract_claims, quantities
from worker.extract.quantities import find_quantities


def units(text: str, *, rupee: str = "INR") -> list[tuple[float, str | None]]:
    return [(q.value, q.unit) for q in find_quantities(text, 0, len(text), rupee=rupee)]


@pytest.mark.parametrize(
    ("name", "matching", "not_matching", "method"),
    [
        ("CURRENCY_BEFORE", "cost US$", "cost ", "search"),
        ("LETTER_CURRENCY_BEFORE", " P", "MP", "search"),
        ("LETTER_CURRENCY_BEFORE", "(PS", "UPS", "search"),
        ("UNIT_BEFORE", "aftershocks of magnitude ", "of ", "search"),
        ("SCALE_AFTER", " million people", " millions", "match"),
        ("UNIT_AFTER", " kilometres away", " kilogramsish", "match"),
        ("CURRENCY_NAME_AFTER", " euros in aid", " eurozone", "match"),
        ("CURRENCY_CODE_AFTER", " USD in", " usd in", "match"),
        ("MAGNITUDE_WORD_AFTER", "-magnitude quake", " magnitudes", "match"),
        ("NEGATIVE_BEFORE", "dip to minus ", "dip to ", "search"),
        ("PHONE_NUMBER", "+41 22 739 8111", "41 people", "match"),
        ("GLUED_TEMPERATURE", "C in Sicily", "Cs in", "match"),
        ("HYPHEN_WORD", "-member bloc", " member", "match"),
        ("GLUED_LETTERS", "G networks", " networks", "match"),
        ("SCIENTIFIC_EXPONENT", "×10−30 kilograms", " x 10 metres", "match"),
        ("PLURAL_WORD_AFTER", " patients", " Patients", "match"),
        ("FRACTION_SHARE", "two-thirds of voters", "a third time", "search"),
        ("FRACTION_SHARE", "almost half the condos", "half a million", "search"),
        ("SHARE_OF_WORD", " of an hour", ", then an hour", "match"),
        ("WORD_BEFORE", "the first ", "the first", "search"),
        ("DIGIT_FRACTION", "1/16 of a pint", "the 9/11/2001 page", "search"),
        ("FRACTION_OF", " of a US quart", " offered", "match"),
    ],
)
def test_named_unit_patterns(name: str, matching: str, not_matching: str, method: str) -> None:
    pattern: re.Pattern[str] = getattr(quantities, name)
    assert getattr(pattern, method)(matching), name
    assert not getattr(pattern, method)(not_matching), name


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Prices rose 71% last year.", [(71, "percent")]),
        ("Growth was 2 per cent.", [(2, "percent")]),
        ("A gain of 0.64 percentage points.", [(0.64, "percentage point")]),
        ("It costs more than £2m apiece.", [(2e6, "GBP")]),
        ("The EU released €1 million in aid.", [(1e6, "EUR")]),
        ("The club paid 10.5 million Australian dollars.", [(10.5e6, "AUD")]),
        ("The county set aside 7 billion Kenyan shillings.", [(7e9, "KES")]),
        ("The lender approved 300 million Ethiopian birr and 40 Ghana cedis.", [(3e8, "ETB"), (40.0, "GHS")]),
        ("Losses exceeded P2.7 billion.", [(2.7e9, "PHP")]),
        ("It weighs about 1,300 kg.", [(1300, "kg")]),
        ("A pipeline of over 2,000km.", [(2000, "km")]),
        ("Crops on 1,76,153 acres were lost.", [(176153, "acre")]),
        ("Over 8,245 hectares were flooded.", [(8245, "ha")]),
        ("It released 29 tonnes of supplies.", [(29, "t")]),
        ("Winds of 155mph were recorded.", [(155, "mph")]),
        ("A magnitude 6.3 quake struck.", [(6.3, "magnitude")]),
        ("A 7.1-magnitude quake struck.", [(7.1, "magnitude")]),
        ("Tremors measuring magnitude 5.7 and 5.2 came next.", [(5.7, "magnitude"), (5.2, "magnitude")]),
        ("A 6,500-kilometre range.", [(6500, "km")]),
        ("Rates rose 25 basis points.", [(25, "bp")]),
        ("It can dip to minus-130 degrees Fahrenheit.", [(-130, "F")]),
        # a margin either way is no negative value
        ("The margin of error is plus or minus 3.5 percent.", [(3.5, "percent")]),
        ("Readings vary plus/minus 2 percent.", [(2.0, "percent")]),
        ("Temperatures hit 48.8C in Sicily.", [(48.8, "C")]),
        ("Ottawa approved a $5.2-billion package.", [(5.2e9, "USD")]),
        ("Sisters laundered S $1mil (RM3.06mil).", [(1e6, "SGD"), (3.06e6, "MYR")]),
        ("A package worth up to PS2.7m, on top of PS21,700.", [(2.7e6, "GBP"), (21700, "GBP")]),
        ("Pre-orders for the PS5 and a K9 unit opened.", []),
        ("The ward got Sh2.4 billion and a fee of Sh1,500.", [(2.4e9, "KES"), (1500, "KES")]),
        ("The state set aside N1.8 trillion.", [(1.8e12, "NGN")]),
        ("Nurses asked for N95 masks.", []),
        ("It is worth KSh 4.5 billion, or TSh 30 billion.", [(4.5e9, "KES"), (30e9, "TZS")]),
        ("Accra set aside GH¢450 million and GH₵ 2 billion.", [(450e6, "GHS"), (2e9, "GHS")]),
        ("The trade balance fell to $-50.8bn.", [(-50.8e9, "USD")]),
        ("Stoxx 50 -1.8% FTSE -0.4%.", [(-1.8, "percent"), (-0.4, "percent")]),
        ("Carbon reached 1200 parts per million, lead 15 ppb.", [(1200, "ppm"), (15, "ppb")]),
        ("The sun's mass is 1.99×10−30 kilograms.", [(1.99e-30, "kg")]),
        ("There are 6.02×10²³ atoms in a 3 x 10 metre tank.", [(6.02e23, None), (3, None), (10, "m")]),
        ("The fund holds 4 hundred million shares.", [(4e8, None)]),
        ("Some 4 hundred thousand fled; the plan costs Rs 5 lakh crore.", [(4e5, None), (5e12, "INR")]),
        ("A 3923sq m estate reached 100km/hr at 2.14degF.", [(3923, "m2"), (100, "kmh"), (2.14, "F")]),
    ],
)
def test_units_currencies_and_percentages(sentence: str, expected: list[tuple[float, str]]) -> None:
    found = units(sentence)
    assert [u for _, u in found] == [u for _, u in expected]
    assert [v for v, _ in found] == pytest.approx([v for v, _ in expected])


def test_rupees_follow_the_country_of_the_item() -> None:
    assert units("Rs1,586 billion was set aside.", rupee="PKR") == [(1.586e12, "PKR")]


def test_shillings_follow_the_country_of_the_item() -> None:
    def currencies(text: str) -> list[str | None]:
        return [claim.unit for claim in extract_claims(text)]

    assert currencies("Uganda set aside 120 billion shillings for roads.") == ["UGX"]
    assert currencies("Tanzania will spend Sh2 billion on schools.") == ["TZS"]
    # Kenya's when the item names no country of a shilling, and a qualified name decides alone
    assert currencies("The county lost Sh450 million.") == ["KES"]
    assert currencies("Uganda paid 7 billion Kenyan shillings.") == ["KES"]


def test_metres_and_millions_are_told_apart() -> None:
    assert units("The 100m sprint.") == [(100, "m")]
    assert units("It sold 35m of its devices.") == [(35e6, None)]


def test_a_hyphenated_point_or_degree_describes_instead_of_measuring() -> None:
    assert units("A five-point plan and a 90-degree turn.") == []


def test_percentage_and_basis_points_written_with_a_hyphen() -> None:
    assert units("It made a 0.25 percentage-point cut and a 50 basis-point rise.") == [
        (0.25, "percentage point"),
        (50, "bp"),
    ]


def test_a_margin_in_points_is_measured() -> None:
    assert units("The mayor holds a 7-point lead.") == [(7, "point")]
    assert units("Shares suffered a 12-point drop and an 8-point gain.") == [(12, "point"), (8, "point")]
    # must not match: points that make up a plan or a scale are no margin
    assert units("She set out a 7-point agenda on a 10-point scale.") == []


def shares(text: str) -> list[tuple[float, str, str | None, str]]:
    return [
        (round(q.value, 4), q.qualifier, q.unit, text[q.start : q.end])
        for q in find_quantities(text, 0, len(text))
        if q.unit in ("percent", "fraction", "percentage point", "point", "fold")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A third of the ferries were late.", [(33.33, "exact", "percent", "A third")]),
        (
            "Nearly two-thirds of the tickets went unsold.",
            [(66.67, "upper_bound", "percent", "Nearly two-thirds")],
        ),
        ("The party kept a two-thirds majority.", [(66.67, "exact", "percent", "two-thirds")]),
        ("One fifth of the wells ran dry.", [(20.0, "exact", "percent", "One fifth")]),
        ("Almost half of them live abroad.", [(50.0, "upper_bound", "percent", "Almost half")]),
        ("Half the stalls have closed.", [(50.0, "exact", "percent", "Half")]),
        ("Three quarters of the grant went on rent.", [(75.0, "exact", "percent", "Three quarters")]),
        (
            "The bank cut rates by half a percentage point.",
            [(0.5, "exact", "percentage point", "half a percentage point")],
        ),
        ("Shares slid a quarter of a point.", [(0.25, "exact", "point", "a quarter of a point")]),
        ("The bank added a quarter point to its rate.", [(0.25, "exact", "point", "a quarter point")]),
        ("The index fell for a third point in a row.", []),
        ("Output rose in the first half of 2023.", []),
        ("She scored in the second half of the match.", []),
        ("The wait took a quarter of an hour.", []),
        ("Half a million people left for a third time.", []),
        (
            "A cup is 1/16 of a gallon and 1⁄32 of a peck.",
            [(0.0625, "exact", "fraction", "1/16"), (0.0312, "exact", "fraction", "1⁄32")],
        ),
        ("About 2/3 of the delegates voted.", [(0.6667, "approximate", "fraction", "About 2/3")]),
        ("Open 24/7 for 3/4 of the year, since the 9/11 attacks.", []),
        ("Ridership fell by a third in May.", [(33.33, "exact", "percent", "a third")]),
        ("The fleet was cut by half.", [(50.0, "exact", "percent", "half")]),
        ("Thefts fell by nearly a quarter.", [(25.0, "upper_bound", "percent", "nearly a quarter")]),
        ("Fares rose by more than a third.", [(33.33, "lower_bound", "percent", "more than a third")]),
        ("He won by nearly a third vote.", []),
        ("The council backed the plan by a third vote.", []),
        ("The ferry was delayed by half an hour.", []),
        (
            "Nearly one in five pupils walk to school.",
            [(20.0, "upper_bound", "percent", "Nearly one in five")],
        ),
        ("About 9 in 10 tenants renewed.", [(90.0, "approximate", "percent", "About 9 in 10")]),
        ("Six in every 10 tenants renewed.", [(60.0, "exact", "percent", "Six in every 10")]),
        (
            "One in five adults smokes, up from one in eight a decade ago.",
            [(20.0, "exact", "percent", "One in five"), (12.5, "exact", "percent", "one in eight")],
        ),
    ],
)
def test_shares_in_words_are_percentages_and_fractions_in_digits_keep_their_value(
    sentence: str, expected: list[tuple[float, str, str | None, str]]
) -> None:
    assert shares(sentence) == expected


def test_a_ratio_that_is_no_share_stays_as_written() -> None:
    def read(text: str) -> list[tuple[float, str | None]]:
        return [(q.value, q.unit) for q in find_quantities(text, 0, len(text))]

    assert (100 / 10, "percent") not in read("A bus leaves one in 10 minutes.")
    assert (100 / 10, "percent") not in read("A bus leaves one in every 10 minutes.")
    assert read("Some 120 out of 400 seats changed hands.") == [(120.0, None), (400.0, None)]
    assert read("Six out of 10 voters agreed.") == [(6.0, None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Exports grew four-fold in a decade.", [(4.0, "exact", "fold", "four-fold")]),
        ("Claims rose fivefold.", [(5.0, "exact", "fold", "fivefold")]),
        ("A 10-fold jump in fares.", [(10.0, "exact", "fold", "10-fold")]),
        ("Three times as many riders came.", [(3.0, "exact", "fold", "Three times")]),
        ("Sales doubled in March.", []),
        ("He called three times.", []),
    ],
)
def test_multipliers_written_as_a_figure_are_fold(
    sentence: str, expected: list[tuple[float, str, str, str]]
) -> None:
    assert shares(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The fence is 3 1/2 metres tall.", [(3.5, "m", "3 1/2 metres")]),
        ("They walked 2½ miles.", [(2.5, "mi", "2½ miles")]),
        ("The hike took 2½ hours.", []),
    ],
)
def test_mixed_numbers_are_one_figure(sentence: str, expected: list[tuple[float, str, str]]) -> None:
    assert [
        (q.value, q.unit, sentence[q.start : q.end]) for q in find_quantities(sentence, 0, len(sentence))
    ] == expected


def test_a_fraction_in_digits_keeps_the_unit_after_it() -> None:
    assert units("The shop is 1/2 mile away.") == [(0.5, "mi")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The hailstones were ½ inch across.", [(0.5, "in")]),
        ("Rates rose ¼ percent.", [(0.25, "percent")]),
        ("The ½ marks a page.", []),
    ],
)
def test_a_lone_fraction_sign_reads_as_a_digit_fraction(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert units(sentence) == expected


def test_a_count_inside_a_share_gives_way_to_it() -> None:
    text = "Two thirds of the crew stayed."
    assert [(round(q.value, 4), q.unit) for q in find_quantities(text, 0, len(text))] == [(66.67, "percent")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It lent 3 billion and 240 million Egyptian pounds to clinics.", [(3.24e9, "EGP")]),
        ("The plan costs one billion and 925 million euros.", [(1.925e9, "EUR")]),
        ("Exports hit 3 million tonnes and 20 million barrels.", [(3e6, "t"), (2e7, "barrel")]),
        ("About 2 billion people and 300 million homes lack it.", [(2e9, None), (3e8, None)]),
    ],
)
def test_an_amount_in_two_parts_joined_by_and_is_one_figure(
    sentence: str, expected: list[tuple[float, str | None]]
) -> None:
    assert units(sentence) == expected


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The bloc pledged €50 million in humanitarian aid to Velm.", "humanitarian aid"),
        ("Customs seized $4 million in cash.", "cash"),
        # a place, a date, a total or an idiom after "in" says nothing of what the money is
        ("Damage reached $300 million in Westland.", None),
        ("The bank lent $3 billion in 2025.", None),
        ("The firm earned $40 million in the first half.", None),
        ("The startup paid $20,000 in exchange for equity.", None),
        ("The fund raised $2 million in two days.", None),
    ],
)
def test_what_an_amount_of_money_is_in_is_what_it_counts(text: str, counted: str | None) -> None:
    [claim] = extract_claims(text)
    assert claim.counted == counted


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The fine came to 3.2 billion tenge.", [(3_200_000_000, "KZT")]),
        ("She paid 4,500 laris for the car.", [(4500, "GEL")]),
        ("Villagers received 60,000 kyats each.", [(60000, "MMK")]),
        # must not match: a word that names a people as well as a currency is left to the counted noun
        ("About 5,000 Guarani marched to the capital.", [(5000, None)]),
    ],
)
def test_a_currency_named_by_one_word_of_its_own_is_read(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert units(sentence) == expected


def test_bare_degrees_of_a_temperature_take_the_items_scale_or_its_countrys() -> None:
    text = "Temperatures hit 44 degrees on Monday. The record is 46°C."
    assert [c.unit for c in extract_claims(text)] == ["C", "C"]
    text = "Temperatures hit 112 degrees on Monday, well above the 98.6°F of the body."
    assert extract_claims(text)[0].unit == "F"
    assert [c.unit for c in extract_claims("Temperatures hit 44 degrees.", country="India")] == ["C"]
    assert [c.unit for c in extract_claims("Temperatures hit 112 degrees.", country="United States")] == ["F"]
    # must not match: degrees that are no temperature keep their unit
    assert [c.unit for c in extract_claims("The ship listed 30 degrees to port.")] == ["degree"]


def test_metres_restated_after_feet_are_no_millions() -> None:
    text = "Crews dug through a 13ft (4m) deep mudslide."
    assert [(q.value, q.unit) for q in find_quantities(text, 0, len(text))] == [(13.0, "ft"), (4.0, "m")]
    # must not match: money in millions is still millions
    text = "The fund raised $4m for the town."
    assert [(q.value, q.unit) for q in find_quantities(text, 0, len(text))] == [(4_000_000.0, "USD")]
