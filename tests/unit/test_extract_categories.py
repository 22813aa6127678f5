"""What a figure counts and its category."""

from __future__ import annotations

import re

import pytest

from worker.extract import extract_claims
from worker.extract.categories import counted_noun, protest_context


def categories(text: str) -> list[tuple[str, str]]:
    return [(c.quantity_text, c.category) for c in extract_claims(text)]


def test_counted_noun_is_the_phrase_after_the_figure() -> None:
    text = "Israeli forces hit 113 health facilities since the start."
    end = text.index("113") + 3
    assert counted_noun(text, end, len(text))[0] == "health facilities"


def test_counted_noun_stops_at_a_contracted_verb_and_at_out_of() -> None:
    text = "Some 40 voters haven't decided and the closure left 90 miners out of work"
    assert counted_noun(text, text.index("90") + 2, len(text))[0] == "miners"
    assert counted_noun(text, 7, len(text))[0] == "voters"


def test_a_verb_after_and_is_no_second_noun_of_a_pair() -> None:
    text = "The blast killed one guard and wounded dozens of others."
    assert counted_noun(text, text.index("one") + 3, len(text))[0] == "guard"
    assert categories(text) == [("one", "killed")]
    # must not match: two nouns before one plural head are the head's modifiers
    text = "It sent 40 fire and rescue crews to the port."
    assert counted_noun(text, text.index("40") + 2, len(text))[0] == "fire and rescue crews"


def test_the_noun_a_number_of_names_ends_before_its_verb() -> None:
    assert [claim.counted for claim in extract_claims("The number of the injured stands at 413.")] == [
        "injured"
    ]
    assert [claim.counted for claim in extract_claims("The number of displaced rose to 900.")] == [
        "displaced"
    ]


def test_counted_noun_stops_at_till() -> None:
    text = "Officials counted 98 people till noon on Sunday."
    assert counted_noun(text, text.index("98") + 2, len(text))[0] == "people"


def test_counted_noun_stops_at_a_verb_of_evidence() -> None:
    text = "Surveys across 40 districts indicate many more injured."
    assert counted_noun(text, text.index("40") + 2, len(text))[0] == "districts"
    assert categories(text) == [("40", "other")]
    # must not match: a noun that only looks like the verb stays in the phrase
    text = "Organisers staged 12 road shows in the capital."
    assert counted_noun(text, text.index("12") + 2, len(text))[0] == "road shows"


def test_counted_noun_skips_a_partitive_to_the_thing_counted() -> None:
    text = "The militia said four of its own recruits had drowned."
    end = text.index("four") + 4
    assert counted_noun(text, end, len(text))[0] == "recruits"


def test_protest_context_reads_protest_words_but_not_the_month_of_march() -> None:
    assert protest_context("Police said 61,000 people were at the rally.")
    assert not protest_context("The observers recorded 730 deaths in March 2021.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling has killed 3,418 villagers, the ministry said.", [("3,418", "killed")]),
        (
            "The office put the toll at 812 dead and 2,705 injured, with 4,410 homes damaged.",
            [("812", "killed"), ("2,705", "injured"), ("4,410", "other")],
        ),
        (
            "She said 964 people had been reported missing, around 300 of them children.",
            [("964", "missing"), ("around 300", "missing")],
        ),
        (
            "Among the dead were 318 pupils and 27 teachers.",
            [("318", "killed"), ("27", "killed")],
        ),
        ("Sixty-three men were detained after the brawl.", [("Sixty-three", "detained")]),
        (
            "Hamas killed 1,200 people and abducted some 250 others.",
            [("1,200", "killed"), ("some 250", "abducted")],
        ),
        ("More than 1,800 hikers were rescued by coastguard crews.", [("More than 1,800", "other")]),
        ("The war has uprooted over 14 million people.", [("over 14 million", "displaced")]),
        ("The storms affected nearly 4 million people.", [("nearly 4 million", "affected")]),
        ("Over 240,000 people were moved to evacuation centres.", [("Over 240,000", "evacuated")]),
        ("Police said 61,000 people were at the rally.", [("61,000", "protesting")]),
        ("A town of about 40,000 people held a rally.", [("about 40,000", "other")]),
        ("The clinic logged nearly 6,300 suspected measles cases.", [("nearly 6,300", "affected")]),
        (
            "Israeli forces hit 113 health facilities, killing 192 medical workers.",
            [("113", "other"), ("192", "killed")],
        ),
        ("The WHO confirmed 30,457 civilian casualties.", [("30,457", "other")]),
        ("The EU gave €1 million in aid.", [("€1 million", "other")]),
        ("The rebels freed 23 hostages.", [("23", "other")]),
        ("The outbreak has sickened at least 300 people.", [("at least 300", "affected")]),
        ("Two explosions hit the market.", [("Two", "other")]),
        ("The storms hit 1,067,656 families.", [("1,067,656", "affected")]),
        # a share or an amount that "hit" a level is reached, not struck
        ("Joblessness hit 7.2% in March.", [("7.2%", "other")]),
        ("Losses hit $2 billion.", [("$2 billion", "other")]),
        ("A fire forced the evacuation of some 3,000 residents.", [("some 3,000", "evacuated")]),
        ("Some 41 miners were treated for smoke inhalation.", [("Some 41", "injured")]),
        ("Another 16 were treated and released.", [("16", "other")]),
        ("Some 700 villagers were moved to shelters.", [("Some 700", "evacuated")]),
        ("Nearly 2,000 people are sheltering in schools.", [("Nearly 2,000", "evacuated")]),
        ("The county opened 12 shelters.", [("12", "other")]),
        # a noun that "body" only describes counts no dead; a body found and a body count do
        ("Patients lost 22% of their body weight in the trial.", [("22%", "other")]),
        ("The force bought 300 body cameras.", [("300", "other")]),
        ("Divers found one body near the pier.", [("one", "killed")]),
        ("The body count rose to 40.", [("40", "killed")]),
        # buildings are things: the deaths named before them in a list are not theirs
        (
            "Six people died, more than 800 structures burned and 9,000 residents fled.",
            [("Six", "killed"), ("more than 800", "other"), ("9,000", "displaced")],
        ),
        # a gapped clause counts what the clause before it counts
        (
            "Four of the dead were found in Orlo and 11 in Tarsa, the coroner said.",
            [("Four", "killed"), ("11", "killed")],
        ),
        (
            "Three of the deaths were caused by the Ridge fire and 9 resulted from the other.",
            [("Three", "killed"), ("9", "killed")],
        ),
        # a count a clause sets names what it counts before or after its noun
        ("The agency issued an update, raising the case count to 223.", [("223", "affected")]),
        (
            "Nine more were found, bringing the total missing people to 140.",
            [("Nine", "other"), ("140", "missing")],
        ),
        ("The office put the displaced count at 4,100.", [("4,100", "displaced")]),
        # the deed named by the noun counts, whoever it befell
        ("The commission counted 627 arrests of protesters.", [("627", "detained")]),
        # cases of a fate other than illness are that fate's
        ("Two cases of abduction were reported in Orlo.", [("Two", "abducted")]),
        ("The clinic saw 40 cases of cholera.", [("40", "affected")]),
        # must not match: a figure with a noun of its own after "and"
        (
            "Four of the dead were found in Orlo and 11 cars in Tarsa.",
            [("Four", "killed"), ("11", "other")],
        ),
    ],
)
def test_categories(text: str, expected: list[tuple[str, str]]) -> None:
    assert categories(text) == expected


def test_location_comes_from_the_sentence_or_falls_back_to_the_default() -> None:
    found = extract_claims(
        "Floods killed 27 people in northeastern Bangladesh. Later 12 more died.", location="Dhaka"
    )
    assert [c.location for c in found] == ["Bangladesh", "Dhaka"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The death toll from the storm that swept the coast on Monday rose to 2,400, officials said.",
            [("2,400", "killed")],
        ),
        ("The number of injured climbed to 500.", [("500", "injured")]),
        ("The number of people displaced by the floods has climbed to 12,000.", [("12,000", "displaced")]),
        ("The toll has gone up to 1,870.", [("1,870", "killed")]),
        ("The toll passed 60 on Friday.", [("passed 60", "killed")]),
        ("Officials revised the toll down from 120 to 104.", [("120", "killed"), ("104", "killed")]),
        (
            "Divers found 3 bodies and the number of injured rose to 40.",
            [("3", "killed"), ("40", "injured")],
        ),
        ("Case numbers fell by 20% while the toll rose by 46%.", [("20%", "other"), ("46%", "other")]),
        (
            "The toll from the blast that measured 4.1 on the Richter scale has risen to 57.",
            [("4.1 on the Richter scale", "other"), ("57", "killed")],
        ),
        (
            "Medics said 14 people were hurt overnight, taking the total to 1,208.",
            [("14", "injured"), ("1,208", "injured")],
        ),
        (
            "Clinics logged 31 new cholera cases, bringing the outbreak's total to 904.",
            [("31", "affected"), ("904", "affected")],
        ),
        (
            "The agency said the toll was 61—50 in the north, nine in the west and two more in the hills.",
            [("61", "killed"), ("50", "killed"), ("nine", "killed"), ("two", "killed")],
        ),
        (
            "In all 52,000 people in six provinces were affected by the drought.",
            [("52,000", "affected"), ("six", "other")],
        ),
        (
            "Out of 812 deaths so far, the coast has reported 440, the valley 300 and the hills 72.",
            [("812", "killed"), ("440", "killed"), ("300", "killed"), ("72", "killed")],
        ),
        (
            "A total of 31 people were hurt, of which, 20 in the port and 11 in the old town.",
            [("31", "injured"), ("20", "injured"), ("11", "injured")],
        ),
        ("The two valleys reported 36 and 17 deaths, respectively.", [("36", "killed"), ("17", "killed")]),
        (
            "The office said 210 pupils and 14 teachers were among those missing.",
            [("210", "missing"), ("14", "missing")],
        ),
        (
            "About 640 homes, six clinics and one school were flattened.",
            [("About 640", "other"), ("six", "other"), ("one", "other")],
        ),
        ("Inflation rose to 3 percent.", [("3 percent", "other")]),
    ],
)
def test_a_verb_of_change_carries_the_category_of_the_noun_it_reports_on(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministry said 300 people had died. The relief agency put the figure at 450.",
            ["killed", "killed"],
        ),
        (
            "The ministry said 300 people had died. Officials put the number of homes lost at 40.",
            ["killed", "other"],
        ),
        # "the figure is up from": the same count, earlier
        (
            "Aid groups say 1.3 million people need food aid. The figure is up from 900,000 in May.",
            ["affected", "affected"],
        ),
        (
            "Aid groups say 1.3 million people need food aid. The price is up from 900 in May.",
            ["affected", "other"],
        ),
        # "the tally was later revised to": the same count, revised
        (
            "The agency said 213 people had died. The agency's tally was later revised to 222.",
            ["killed", "killed"],
        ),
        (
            "The agency said 213 people had died. Its budget was later revised to 222 million.",
            ["killed", "other"],
        ),
        # a later clause's own noun, not a count named in the clause before it
        (
            "The ministry cut its count of cases to 2,100, but said deaths had risen to 75.",
            ["affected", "killed"],
        ),
        (
            "The ministry cut its count of cases to 2,100, but said the figure had risen to 2,150.",
            ["affected", "affected"],
        ),
        # in a sentence about a protest, "the figure" still counts what the last count counts
        (
            "Unions said 200 people were arrested at the protests, but police put the figure at 87.",
            ["detained", "detained"],
        ),
        (
            "Unions said 200 people were arrested at the protests, but police counted 87 marchers.",
            ["detained", "protesting"],
        ),
    ],
)
def test_a_figure_named_only_as_the_figure_counts_what_the_last_count_counts(
    text: str, expected: list[str]
) -> None:
    assert [c.category for c in extract_claims(text)] == expected


def test_a_figure_named_only_as_the_figure_takes_the_last_counts_noun() -> None:
    found = extract_claims("The ministry said 300 people had died. The relief agency put the figure at 450.")
    assert [(c.value, c.counted) for c in found] == [(300.0, "people"), (450.0, "people")]


def test_a_disputed_true_figure_counts_what_the_count_it_disputes_counts() -> None:
    text = (
        "Officials in Tarsa put the number of displaced at 12,000, while charities say the real figure "
        "is closer to 30,000."
    )
    assert [(c.value, c.category) for c in extract_claims(text)] == [
        (12000.0, "displaced"),
        (30000.0, "displaced"),
    ]
    text = "The ministry said 80 people had died. Rights groups say the actual number could be 140."
    assert [c.category for c in extract_claims(text)] == ["killed", "killed"]
    # must not match: a figure for something named after the noun counts that
    text = "The ministry said 80 people had died. The number of homes lost is 140."
    assert [c.category for c in extract_claims(text)] == ["killed", "other"]


def test_a_rival_figure_put_higher_or_lower_counts_what_the_last_count_counts() -> None:
    found = extract_claims(
        "The agency said 21,000 people had fled. Officials put the figure higher, at 23,000."
    )
    assert [(c.value, c.category) for c in found] == [(21000.0, "displaced"), (23000.0, "displaced")]
    found = extract_claims(
        "Police said 4,000 people marched. Organisers put the number much higher at 9,000."
    )
    assert [c.category for c in found] == ["protesting", "protesting"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine of the travellers abducted from the bus have been freed, police said.", "other"),
        ("Police said 14 pupils kidnapped last month were released on Sunday.", "other"),
        ("Two of the workers injured in the fire have since died.", "killed"),
        # the main verb says nothing new of them: the participle keeps its category
        ("Thirty people injured in the crash were treated in hospital.", "injured"),
        ("Some 200 people displaced by the floods have returned home.", "displaced"),
        ("Police said 40 protesters arrested on Friday were questioned.", "detained"),
    ],
)
def test_the_main_verb_after_a_describing_participle_says_what_became_of_the_group(
    text: str, expected: str
) -> None:
    assert [c.category for c in extract_claims(text)] == [expected]


def test_the_figure_a_change_started_from_is_marked_earlier_with_the_same_category() -> None:
    found = extract_claims("The number of injured rose to 2,400 from 2,000.")
    assert [(c.value, c.category, c.earlier) for c in found] == [
        (2400.0, "injured", False),
        (2000.0, "injured", True),
    ]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Police arrested 300 protesters.", "detained"),
        ("About 300 marchers were arrested.", "detained"),
        ("Some 40 refugees drowned.", "killed"),
        ("Fifteen hostages were freed at dawn.", "other"),
        ("Some 30,000 people beat the pavement in the capital.", "protesting"),
        ("Some 300 fans held a vigil outside the stadium.", "other"),
        ("About 40 gunmen killed the guards at the gate.", "other"),
        ("Some 300 people were held in the stadium.", "detained"),
        ("- Deaths: 1,204", "killed"),
        ("• Injured: 3,560", "injured"),
        ("Some 40 people (mostly children) died.", "killed"),
        ("Of the 40 dead, about 12 were children.", "killed"),
        ("About 900 residents were moved to a school.", "evacuated"),
        ("Some 4,000 people are housed in tents.", "evacuated"),
        ("They were moved to a school and two sports halls.", "other"),
        ("The ministry released 300 prisoners.", "other"),
        ("The militia still holds 40 hostages.", "abducted"),
        ("Eleven divers remain trapped in the cave.", "missing"),
        ("After the blast, 49 miners were trapped underground.", "missing"),
        ("Some 30 people are trapped in the collapsed building.", "missing"),
        ("Rescuers said 15 people trapped under the rubble were rescued.", "other"),
        ("The militants said 12 captives were still held in the hills.", "abducted"),
        ("Police said 30 people were held overnight.", "detained"),
        ("5,000 protesters marched.", "protesting"),
        ("Rescuers recovered 22 bodies.", "killed"),
        ("The bodies of 47 people have been recovered.", "killed"),
        ("The remains of 12 soldiers were returned.", "killed"),
        ("Twelve were martyred in the raid.", "killed"),
        ("Nine people were confirmed dead.", "killed"),
        ("At least 30 people are believed buried under the mud.", "missing"),
        ("Customs seized 500 phones.", "other"),
        ("Gunmen abducted 20 passengers.", "abducted"),
        ("Some 80 pupils were rushed to hospital after the leak.", "affected"),
        ("The army said 60 fighters were captured.", "detained"),
        ("Police captured 14 rifles in the raid.", "other"),
        ("The jet crashed, killing all 71 people on board.", "killed"),
        ("Nine of those who succumbed to the fever were farmers.", "killed"),
        ("About 2 million people in the delta moved to safety.", "evacuated"),
        ("The monitor puts the total death toll to be around 52,000.", "killed"),
        ("Police are investigating at least 500 fraud cases.", "other"),
        ("Doctors confirmed 40 cases.", "affected"),
        ("The agency put the displaced at 40,000.", "displaced"),
        ("Nearly 7,000 people were displaced and are in temporary shelters.", "evacuated"),
        ("Some 7,000 people fled to camps across the border.", "displaced"),
        ("Ten children were hospitalised with injuries.", "injured"),
        ("Twelve were hospitalised.", "affected"),
        ("The war pushed 7 million people to the brink of famine.", "affected"),
        ("Some 85 migrants were feared lost at sea.", "missing"),
        ("Police apprehended 40 suspects.", "detained"),
        ("A 6.1-magnitude quake hit the coast.", "other"),
        ("The quake left at least 15,000 people without shelter.", "displaced"),
        ("Nearly 1.5 million children are at risk of malnutrition.", "affected"),
        ("Meanwhile, the missing amounted to 40 people.", "missing"),
        ("The injured numbered 300.", "injured"),
        ("The toll is now well over 60.", "killed"),
        ("Losses amounted to 40 million.", "other"),
        ("The ministry put the cost at 40,000.", "other"),
        ("Medics treated 40 people for minor burns.", "injured"),
        ("More than 9,000 residents were moved to temporary shelters.", "evacuated"),
        ("The walkout affected some 4,500 flights.", "other"),
        ("Rescuers fear the toll will climb past 300.", "killed"),
        ("Divers have recovered 296 bodies so far.", "killed"),
        ("Some 2.1 million people face acute hunger.", "affected"),
        ("A court sentenced 7 protesters to two years in prison.", "other"),
        ("The walkout affected some 4,500 travellers.", "affected"),
        ("Nurses treated another 15 for smoke inhalation.", "injured"),
        ("The clinic treated 300 patients last week.", "other"),
        ("Nurses treated 20 people for dehydration.", "other"),
        ("Field teams treated 78 wounded people overnight.", "injured"),
        ("The clinic treated 12 injured miners.", "injured"),
    ],
)
def test_categories_settled_by_the_spec(text: str, category: str) -> None:
    assert [c.category for c in extract_claims(text)] == [category]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crowd noun in a sentence about a march is its turnout
        ("Organisers said 9,400 participants joined the march downtown.", [("9,400", "protesting")]),
        # a head count of a gathering one sentence after the protest is named
        (
            "Thousands of students rallied outside parliament on Sunday. "
            "City officials counted 12,500 people at the square.",
            [("12,500", "protesting")],
        ),
        (
            "The strike closed the port for a day. Unions held a demonstration at noon. "
            "Organisers said 3,200 attendees were present.",
            [("3,200", "protesting")],
        ),
        # must not match: a people count with no gathering word after a protest sentence
        (
            "Farmers protested outside the ministry last week. The village has 4,000 people.",
            [("4,000", "other")],
        ),
        # must not match: a head count far from any protest
        ("Officials counted 7,300 people at the stadium.", [("7,300", "other")]),
        # a breakdown by place after "out of N deaths", even behind a long opening clause
        (
            "According to the weekly bulletin of the national emergency office published here on Friday, "
            "out of 700 deaths in the storms, Northland has reported 410, Eastvale 190, Southport 100.",
            [("700", "killed"), ("410", "killed"), ("190", "killed"), ("100", "killed")],
        ),
        # a running total the sentence's earlier figure increased
        (
            "Another 40 people were hurt overnight, which increased the tally of injuries to 1,260.",
            [("40", "injured"), ("1,260", "injured")],
        ),
    ],
)
def test_crowd_counts_breakdowns_and_running_totals(text: str, expected: list[tuple[str, str]]) -> None:
    assert categories(text) == expected


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("The toll passed the 900 mark early on Friday.", "900", "mark"),
        ("Some 2,300 residents spread over six shelters were counted.", "2,300", "residents"),
        ("Officials reported 85 deaths owing to landslides.", "85", "deaths"),
        ("Rescuers found 12 survivors Tuesday morning.", "12", "survivors"),
        ("Stewards said 9,000 people present heard the speech.", "9,000", "people"),
        ("Customs seized 2.5 tonnes of cannabis hidden in crates of melons.", "2.5 tonnes", "cannabis"),
        ("Police recovered 40 cars stolen from a dealer's lot.", "40", "cars"),
        # must not stop: a noun that is also a participle's form ends the phrase as a noun
        ("Workers accepted a 3% pay cut last spring.", "3%", "pay cut"),
        # must not stop: a noun phrase with no time word
        ("The agency listed 14 flood victims.", "14", "flood victims"),
    ],
)
def test_counted_noun_stops_at_time_words_and_participles(text: str, figure: str, counted: str) -> None:
    end = text.index(figure) + len(figure)
    assert counted_noun(text, end, len(text))[0] == counted


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Crews moved 7,500 villagers ahead of the cyclone.", "7,500", "villagers"),
        ("All 212 passengers aboard survived.", "212", "passengers"),
        ("The 40 families there lost their crops.", "40", "families"),
        ("Only 31 clinics open could take patients.", "31", "clinics"),
        ("It sold 500 tonnes through the port.", "500", "tonnes"),
        ("The 7,000 tremors struck the coast.", "7,000", "tremors"),
        # must not stop: the adverb opens no clause inside a compound noun
        ("The board counted 18 aid trucks.", "18", "aid trucks"),
    ],
)
def test_counted_noun_stops_at_a_place_or_reason_after_the_noun(text: str, figure: str, counted: str) -> None:
    end = text.index(figure) + len(figure)
    assert counted_noun(text, end, len(text))[0] == counted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the figure a change started from, in a clause of its own, counts what the new figure counts
        (
            "Officials said on Friday that 52 people had been arrested during the march, up from an "
            "earlier figure of 20.",
            [(52.0, "detained"), (20.0, "detained")],
        ),
        (
            "The coastguard said 17 sailors were missing, down from 25 on Thursday morning.",
            [(17.0, "missing"), (25.0, "missing")],
        ),
        # must not match: a second figure that is not where the first one started
        (
            "Police said 40 people were hurt at the stadium, and 12 were detained near the gates.",
            [(40.0, "injured"), (12.0, "detained")],
        ),
    ],
)
def test_a_change_named_after_its_own_clause_keeps_the_category(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert [(claim.value, claim.category) for claim in extract_claims(text)] == expected


def test_voter_turnout_is_not_a_crowd() -> None:
    claims = extract_claims("Turnout in the city reached 61 percent, the election board said.")
    assert [(claim.value, claim.category) for claim in claims] == [(61.0, "other")]
    crowd = extract_claims("The rally drew about 20,000 people to the square, organisers said.")
    assert [(claim.value, claim.category) for claim in crowd] == [(20000.0, "protesting")]


def test_a_place_held_by_one_side_holds_no_detainees() -> None:
    text = "The quake killed 900 people in Velmora, including 300 in the rebel-held east, the agency said."
    assert categories(text) == [("900", "killed"), ("300", "killed")]
    assert categories("Police said 40 protesters were held overnight.") == [("40", "detained")]


def test_counts_joined_in_a_list_share_the_category_the_list_ends_on() -> None:
    text = "Officials said four firefighters, a pilot and two farmers had died, and 9 people were hurt."
    assert categories(text) == [("four", "killed"), ("two", "killed"), ("9", "injured")]
    # Things in the list keep their own category.
    text = "The storm destroyed 40 houses, a school and 12 bridges and killed 3 people."
    assert categories(text) == [("40", "other"), ("12", "other"), ("3", "killed")]


def test_a_part_of_a_list_is_not_restated_by_a_later_total_of_the_same_value() -> None:
    text = "Four firefighters, a pilot and two farmers died in the blaze. A second blaze killed four people."
    assert [quantity for quantity, _ in categories(text)] == ["Four", "two", "four"]


def test_a_figure_bracketed_after_a_place_is_that_places_share_of_the_count() -> None:
    text = "Most arrests were made in Lagos (12), followed by Kano (10)."
    assert categories(text) == [("12", "detained"), ("10", "detained")]
    assert categories("Sales rose in Lagos (12) and Kano (10).") == [("12", "other"), ("10", "other")]
    # A share is no restatement of an equal total elsewhere in the item.
    text = "Officers detained 10 suspects. Most arrests were made in Lagos (12), followed by Kano (10)."
    assert [quantity for quantity, _ in categories(text)] == ["10", "12", "10"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen stormed the school and took away 31 pupils, along with two teachers.",
            [("31", "abducted"), ("two", "abducted")],
        ),
        (
            "So far 40 people – 31 men and nine women – have been confirmed dead.",
            [("40", "killed"), ("31", "killed"), ("nine", "killed")],
        ),
        (
            "Some 1,200 families or 5,000 persons fled Norvale; 800 families or 3,000 individuals Eastfield.",
            [
                ("Some 1,200", "displaced"),
                ("5,000", "displaced"),
                ("800", "displaced"),
                ("3,000", "displaced"),
            ],
        ),
        ("The blast killed 3 and injured 5 people.", [("3", "killed"), ("5", "injured")]),
        ("Of the 512 people rescued, 48 were taken to hospital.", [("512", "other"), ("48", "affected")]),
        (
            '"For the injured, 2,046 people, and 62,545 evacuated," he said.',
            [("2,046", "injured"), ("62,545", "evacuated")],
        ),
        (
            "Fifty patients, four of them malnourished children, had died.",
            [("Fifty", "killed"), ("four", "killed")],
        ),
        (
            "Some 7,400 families or 30,500 people are staying in 1,028 evacuation centres.",
            [("Some 7,400", "evacuated"), ("30,500", "evacuated"), ("1,028", "other")],
        ),
    ],
)
def test_figures_joined_in_a_list_or_an_aside_share_its_category(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert categories(text) == expected


def test_rows_of_a_list_count_what_its_introduction_names() -> None:
    text = (
        "The council said the deaths break down by district:\n\n- North: 12\n\n- South: 5\n\n"
        "- East: 5\n\nOther figures:\n- Homes lost: 40\n"
    )
    assert categories(text) == [("12", "killed"), ("5", "killed"), ("5", "killed"), ("40", "other")]


def test_a_figure_set_beside_the_one_before_it_counts_the_same_thing() -> None:
    text = "Nearly 700 walkers died on the pass this year, compared with 950 in the same months last year."
    assert [(c.quantity_text, c.category) for c in extract_claims(text)] == [
        ("Nearly 700", "killed"),
        ("950", "killed"),
    ]
    text = "In Velm, 30,000 people walked, against 41,000 demonstrators a week earlier."
    assert [c.category for c in extract_claims(text)][1] == "protesting"


@pytest.mark.parametrize(
    "text",
    [
        "A shell wounded 17 people, the mayor said. Two of them were in a serious condition.",
        "A shell wounded 17 people. Of them, 12 were children.",
        "A shell wounded 17 people. Among those, 12 were children.",
    ],
)
def test_a_sentence_that_opens_with_a_part_of_the_last_count_shares_its_category(text: str) -> None:
    assert [c.category for c in extract_claims(text)] == ["injured", "injured"]


def test_a_part_of_something_else_in_the_next_sentence_keeps_its_own_category() -> None:
    assert [c.category for c in extract_claims("A shell wounded 17 people. Two of the dams burst.")] == [
        "injured",
        "other",
    ]


def test_one_count_in_two_units_has_one_category() -> None:
    text = "Of those, 12,000 families or 58,000 people were displaced."
    assert [c.category for c in extract_claims(f"Rain affected 90,000 people. {text}")] == [
        "affected",
        "displaced",
        "displaced",
    ]


def test_a_head_count_after_a_sentence_about_a_march_is_its_turnout() -> None:
    text = "The march through Velm turned rowdy. Organisers said about 8,000 people had taken part."
    assert [c.category for c in extract_claims(text)] == ["protesting"]


def test_a_figure_restated_as_a_share_between_commas_is_read_past() -> None:
    text = "About 1.9 million people, or 90% of the valley's people, had fled."
    assert extract_claims(text)[0].category == "displaced"


def test_a_row_that_labels_its_figure_takes_the_labels_category() -> None:
    text = "Situation\nPeople displaced: 41,000\nDeaths: 214\nInjured: 1,109\nHomes destroyed: 2,400"
    assert [c.category for c in extract_claims(text)] == ["displaced", "killed", "injured", "other"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three of the wounded later died in hospital.", [("Three", "killed")]),
        ("Four of those hurt in the blast have since died.", [("Four", "killed")]),
        ("Six of the missing were found dead on Monday.", [("Six", "killed")]),
        ("Eight people were shot, two of them fatally.", [("Eight", "other"), ("two", "killed")]),
        ("Police said 5 men were fatally stabbed.", [("5", "killed")]),
        # must not match: a part of a group that did not die keeps the group's category
        ("Three of the wounded were flown to the capital.", [("Three", "injured")]),
    ],
)
def test_a_part_of_a_group_that_died_is_killed(text: str, expected: list[tuple[str, str]]) -> None:
    assert categories(text) == expected


def test_counted_noun_stops_at_an_adverb_of_time() -> None:
    text = "Two of the injured later died."
    assert counted_noun(text, 3, len(text))[0] == "injured"


def test_people_who_sought_refuge_are_displaced() -> None:
    assert categories("About 2,000 villagers sought refuge in the hills, officials said.") == [
        ("About 2,000", "displaced")
    ]


def test_a_figure_whose_verb_is_left_out_after_the_next_place_counts_what_the_first_counts() -> None:
    found = extract_claims("In Tarsa, 43 people died; in neighbouring Velm, 12.")
    assert [(c.quantity_text, c.category, c.location) for c in found] == [
        ("43", "killed", "Tarsa"),
        ("12", "killed", "Velm"),
    ]
    # must not match: a figure with a noun of its own after the place is counted on its own
    found = extract_claims("In Tarsa, 43 people died; in Velm, 12 schools closed.")
    assert [c.category for c in found] == ["killed", "other"]


def test_an_adverb_of_extent_after_a_figure_is_not_what_it_counts() -> None:
    text = "The agency counted 48,000 nationwide and 900 overall."
    assert counted_noun("It logged 410 deaths thus far.", 14, 35)[0] == "deaths"
    assert counted_noun(text, text.index("48,000") + 6, len(text))[0] is None
    assert counted_noun(text, text.index("900") + 3, len(text))[0] is None
    # must not match: a noun after the figure is still what it counts
    assert counted_noun(text.replace("nationwide", "marchers"), text.index("48,000") + 6, len(text))[0] == (
        "marchers"
    )


def test_the_parts_a_group_named_by_its_fate_includes_share_its_category() -> None:
    text = "The health office said 260 people had died. The toll includes 31 children, the office said."
    assert [c.category for c in extract_claims(text)] == ["killed", "killed"]
    assert [c.category for c in extract_claims("The injured included 14 firefighters, officials said.")] == [
        "injured"
    ]
    # must not match: what a budget or a plan includes is no casualty
    assert [c.category for c in extract_claims("The package includes 31 ambulances, officials said.")] == [
        "other"
    ]


def test_a_rival_national_figure_counts_what_the_last_count_counts() -> None:
    text = "Police said 90,000 people marched. The union put the national figure at 400,000."
    assert [c.category for c in extract_claims(text)] == ["protesting", "protesting"]


def test_a_pronoun_after_a_figure_is_not_what_it_counts() -> None:
    text = "Donors gave $1 billion, well short of the $3 billion it had sought."
    assert counted_noun(text, text.index("billion it") + 7, len(text))[0] is None


def test_a_verb_in_a_headline_ends_what_a_figure_counts() -> None:
    text = "Some 40,000 flee the city as fighting spreads"
    assert counted_noun(text, text.index("40,000") + 6, len(text))[0] is None
    text = "Thousands march in the capital; 300 die in floods"
    assert counted_noun(text, text.index("300") + 3, len(text))[0] is None


def test_a_clause_in_ing_after_the_noun_ends_what_a_figure_counts() -> None:
    text = "The bill passed with 17 senators joining the majority."
    assert counted_noun(text, text.index("17") + 2, len(text))[0] == "senators"
    # must not match: a noun in -ing is the head, and "missing" stays with its people
    text = "It set aside $2 billion military spending for next year."
    assert counted_noun(text, text.index("billion") + 7, len(text))[0] == "military spending"
    text = "Police said 23 people missing were found."
    assert counted_noun(text, text.index("23") + 2, len(text))[0] == "people missing"


def test_a_running_total_of_the_year_counts_what_the_count_before_it_counts() -> None:
    text = "The agency logged 930 new cases, bringing this year's total to 18,400."
    assert [c.category for c in extract_claims(text)] == ["affected", "affected"]
    # must not match: a year's total of something else named after it keeps its own category
    text = "The agency logged 930 new cases, bringing this year's total of spending to $4 million."
    assert [c.category for c in extract_claims(text)][1] == "other"


def test_people_buried_are_dead_unless_buried_under_rubble() -> None:
    assert categories("Villagers said they had buried 40 people since Sunday.") == [("40", "killed")]
    text = "Officials said 12 people were still buried under the rubble."
    assert categories(text) == [("12", "missing")]


def test_a_toll_put_privately_and_publicly_is_a_toll_both_times() -> None:
    text = "Officials said privately that the true toll was likely above 500; publicly they put it at 212."
    assert [c.category for c in extract_claims(text)] == ["killed", "killed"]
    # must not match: "put it" with no count before it names nothing
    assert [c.category for c in extract_claims("The council put it at 212 metres.")] == ["other"]


def test_a_time_after_a_figure_is_not_what_it_counts() -> None:
    text = "The firm expects revenue of $5 billion next year."
    assert counted_noun(text, text.index("billion") + 7, len(text))[0] is None


def test_internally_displaced_people_are_displaced_people() -> None:
    text = "Some 850K internally displaced live in camps."
    assert counted_noun(text, text.index("850K") + 4, len(text))[0] == "displaced"


def test_people_found_alive_are_no_missing_or_dead() -> None:
    text = "Officials cut the number of missing to 12 after 30 people were found alive."
    assert categories(text) == [("12", "missing"), ("30", "other")]
    # must not match: people found dead are dead
    assert categories("Rescuers said 9 people were found dead in the river.") == [("9", "killed")]


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        ("The gale knocked out power to more than 310,000 customers.", "more than 310,000", "affected"),
        ("Engineers cut off electricity to 8,200 households as a precaution.", "8,200", "affected"),
        ("Some 44,000 households lost power during the ice storm.", "Some 44,000", "affected"),
        ("By dawn 12,500 homes were still in the dark.", "12,500", "other"),  # homes are things
        ("About 9,000 residents were left without running water.", "About 9,000", "affected"),
        ("Some 70,000 people lacked running water on Monday.", "Some 70,000", "affected"),
        ("Nearly 5,000 villagers had no electricity for a week.", "Nearly 5,000", "affected"),
        ("Some 27 people were being treated in hospital.", "Some 27", "affected"),
        ("Medics treated 300 people at the scene.", "300", "other"),  # treated, not in hospital
        ("Evacuation orders now cover 11,200 people in the valley.", "11,200", "evacuated"),
        ("About 2,600 residents of Chico, California, were told to evacuate.", "About 2,600", "evacuated"),
        # must not match: power given back is no outage, orders lifted move no one
        ("Crews restored power to 97,000 customers overnight.", "97,000", "other"),
        ("Evacuation orders were lifted for 4,300 people.", "4,300", "other"),
    ],
)
def test_outages_and_evacuation_orders_give_the_category_of_the_figure_after_them(
    text: str, figure: str, category: str
) -> None:
    assert (figure, category) in categories(text)


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        ("The number of people hit by floods rose to 1.9 million.", "1.9 million", "affected"),
        ("Over 2 million hit by floods in the north", "Over 2 million", "affected"),
        # must not match: things hit, and a blast that hit a place, are no people affected
        ("Twelve homes were hit by shells.", "Twelve", "other"),
        ("Two explosions hit the market.", "Two", "other"),
    ],
)
def test_people_hit_by_a_disaster_are_affected(text: str, figure: str, category: str) -> None:
    assert (figure, category) in categories(text)


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        ("Rescuers were still searching for 22 others on Tuesday.", "22", "missing"),
        ("Divers searched for 9 fishermen overnight.", "9", "missing"),
        ("Search teams are combing the hillside for about 40 villagers.", "about 40", "missing"),
        # must not match: a manhunt or a hiring drive seeks no victims
        ("Police are searching for three suspects after the raid.", "three", "other"),
        ("The firm is looking for 2,000 workers.", "2,000", "other"),
    ],
)
def test_people_rescuers_search_for_are_missing(text: str, figure: str, category: str) -> None:
    assert (figure, category) in categories(text)


def counted(text: str) -> list[tuple[str, str | None]]:
    return [(c.quantity_text, c.counted) for c in extract_claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council put the number of displaced families at 6,300.", ("6,300", "displaced families")),
        ("The number of wounded has climbed to 1,150, the clinic said.", ("1,150", "wounded")),
        ("The number of confirmed cases stood at 742 on Friday.", ("742", "confirmed cases")),
        # must not match: a comma ends the phrase that named the number
        ("The number of arrests rose sharply, and 35 were freed later.", ("35", None)),
    ],
)
def test_a_figure_counts_what_the_number_before_it_names(text: str, expected: tuple[str, str | None]) -> None:
    assert expected in counted(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The company restored service to 230,000 customers, while 64,000 were still without power.",
            ("64,000", "customers"),
        ),
        ("Officials said 41 passengers had boarded and 9 were still missing.", ("9", "passengers")),
        # must not match: a thing is not shared with people, nor a fate with another fate
        ("The storm destroyed 40 homes and 3 were killed.", ("3", None)),
        ("The agency counted 812 injured while 31 are still missing.", ("31", None)),
    ],
)
def test_a_bare_figure_before_a_verb_counts_what_the_figure_before_it_counts(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert expected in counted(text)


def test_a_figure_a_count_fell_from_is_marked_earlier_and_shares_its_count() -> None:
    text = "About 205,000 customers were without power, down from a peak of 388,000, the utility said."
    claims = {c.quantity_text: c for c in extract_claims(text)}
    assert (claims["388,000"].category, claims["388,000"].counted) == ("affected", "customers")
    assert claims["388,000"].earlier and not claims["About 205,000"].earlier
    claims = {c.quantity_text: c for c in extract_claims("Police revised the toll down to 57 from 66.")}
    assert claims["66"].earlier and not claims["57"].earlier


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        ("Police held 30 protesters overnight.", "30", "detained"),
        ("Gunmen held 12 hostages in the bank.", "12", "abducted"),
        ("The blast hurt 40 people.", "40", "injured"),
        ("About 45 people were held at the border.", "About 45", "detained"),
        # must not match: people who held something were not held
        ("About 40 people held placards outside the court.", "About 40", "other"),
        ("Inflation of 3% held steady in May.", "3%", "other"),
    ],
)
def test_held_and_hurt_govern_a_figure_and_held_with_an_object_detains_no_one(
    text: str, figure: str, category: str
) -> None:
    assert (figure, category) in categories(text)


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        ("Some 900,000 people face crisis levels of hunger, the agency said.", "Some 900,000", "affected"),
        ("About 4,000 are already in famine conditions.", "About 4,000", "affected"),
        ("Heat killed 512 people this summer, nearly double last summer's 270.", "270", "killed"),
        # must not match: a figure of another kind after "last year's" keeps its own category
        (
            "Heat killed 512 people; last year's budget of 90 million euros was spent.",
            "90 million euros",
            "other",
        ),
    ],
)
def test_hunger_and_a_previous_periods_figure(text: str, figure: str, category: str) -> None:
    assert (figure, category) in categories(text)


def test_a_quoted_figure_after_the_toll_is_the_toll() -> None:
    assert ("at least 41", "killed") in categories('Officials put the toll at "at least 41" on Monday.')
    # must not match: a quoted figure after no toll keeps its own reading
    assert ("41", "other") in categories('Officials put the cost at "41" million.')


def test_counted_noun_does_not_start_at_a_number_word_of_another_figure() -> None:
    text = "Turnout was 58 percent, down from 64 percent three years ago."
    assert counted_noun(text, text.index("64 percent") + 10, len(text))[0] is None
    # must not match: a noun after the figure is still what it counts
    text = "Turnout fell among 64 percent young voters."
    assert counted_noun(text, text.index("64 percent") + 10, len(text))[0] == "young voters"


def test_counted_noun_reads_past_the_size_of_the_set_after_of_the() -> None:
    text = "The Greens won 41 of the 120 seats."
    assert counted_noun(text, text.index("41") + 2, len(text))[0] == "seats"
    text = "Two of its nine ferries sank."
    assert counted_noun(text, 3, len(text))[0] == "ferries"


def test_counted_noun_stops_at_a_name_after_a_plural_noun() -> None:
    text = "Air defences downed 31 of the 35 missiles Velmar fired overnight."
    assert counted_noun(text, text.index("31") + 2, len(text))[0] == "missiles"
    # must not match: a capitalised word before the noun is part of the phrase
    text = "Officials counted 31 Velmar ferries."
    assert counted_noun(text, text.index("31") + 2, len(text))[0] == "Velmar ferries"


def test_counted_noun_stops_at_an_irregular_past_tense() -> None:
    text = "Officials said 12 boats sank and 40 lorries drove off."
    assert counted_noun(text, text.index("12") + 2, len(text))[0] == "boats"
    assert counted_noun(text, text.index("40") + 2, len(text))[0] == "lorries"
    text = "Of 900 ballots cast, 31 were void."
    assert counted_noun(text, text.index("900") + 3, len(text))[0] == "ballots"


def test_migrants_who_land_are_arrivals_and_refugees_who_land_are_displaced() -> None:
    assert categories("Some 640 migrants landed on the island, the coastguard said.") == [
        ("Some 640", "other")
    ]
    # must not match: refugees who land are displaced (SPEC)
    assert categories("Some 640 refugees landed on the island, the coastguard said.") == [
        ("Some 640", "displaced")
    ]


def test_cases_a_clinic_treated_are_the_sick() -> None:
    assert categories("Medics treated 1,200 suspected measles cases, the charity said.") == [
        ("1,200", "affected")
    ]
    # must not match: people treated, with no illness or hurt named, stay other
    assert categories("Medics treated 1,200 people, the charity said.") == [("1,200", "other")]


def test_people_in_critical_condition_are_injured_and_people_under_rubble_missing() -> None:
    assert categories("Doctors said 9 people were in critical condition.") == [("9", "injured")]
    assert categories("There may be 40 more under the rubble, the commander said.") == [("40", "missing")]
    # must not match: bodies pulled from the rubble are dead
    assert categories("Rescuers pulled 12 bodies from under the rubble.") == [("12", "killed")]


def test_people_believed_buried_in_any_tense_are_missing() -> None:
    assert categories("About 300 people are believed to have been buried, officials said.") == [
        ("About 300", "missing")
    ]
    assert categories("There are 300 people under the soil, officials said.") == [("300", "missing")]


def test_counted_noun_stops_at_right_away() -> None:
    text = "We need 500 tents right away."
    assert counted_noun(text, text.index("500") + 3, len(text))[0] == "tents"


def test_what_money_is_for_may_be_named_before_the_amount() -> None:
    text = "The commission raised its humanitarian aid for the survivors to 13 million euros."
    assert [c.counted for c in extract_claims(text)] == ["humanitarian aid"]
    text = "Total military assistance now stands at $2 billion."
    assert [c.counted for c in extract_claims(text)] == ["military assistance"]
    # must not match: an amount with no purpose named before it keeps none
    assert [c.counted for c in extract_claims("The firm raised its prices to $12.")] == [None]


@pytest.mark.parametrize(
    "second",
    [
        "The union maintained its estimate of 400,000.",
        "The union's figure was 400,000.",
        "The union claimed 400,000.",
    ],
)
def test_a_figure_given_for_the_last_count_counts_what_it_counts(second: str) -> None:
    text = f"Police said 90,000 people marched. {second}"
    assert [c.category for c in extract_claims(text)] == ["protesting", "protesting"]


def test_a_figure_that_opens_a_list_keeps_the_noun_after_the_list() -> None:
    # must not match: the first of "reported 31 and 12 deaths" counts deaths, not the last count's noun
    text = "Floods killed 400 people in the north; the coast and the hills reported 31 and 12 deaths."
    claims = extract_claims(text)
    assert [c.counted for c in claims][1:] == [None, "deaths"]
    assert [c.category for c in claims] == ["killed", "killed", "killed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops rounded up 64 men in the market, the army said.", "detained"),
        ("The flood claimed the lives of 23 farmers, officials said.", "killed"),
        ("Officials ordered 8,000 residents to leave the valley.", "evacuated"),
        ("The fighting forced 2,500 families to flee, the agency said.", "displaced"),
        ("Landslides forced 2,500 families to leave their villages.", "displaced"),
        ("About 2,500 families have been forced to leave their homes.", "displaced"),
        # must not match: an order to do something else, and lives saved, are no casualty counts
        ("Officials ordered 8,000 residents to stay indoors.", "other"),
        ("The new ward could save the lives of 300 patients a year.", "other"),
    ],
)
def test_verbs_of_capture_death_and_removal_before_a_count(text: str, expected: str) -> None:
    assert [c.category for c in extract_claims(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 3.4% year on year in May.",
        "Prices rose 3.4% month-on-month in May.",
        "Sales were 3.4% lower than forecast.",
        "The fund raised 3.4% more than planned.",
    ],
)
def test_what_a_figure_is_measured_against_is_not_what_it_counts(text: str) -> None:
    assert counted_noun(text, text.index("%") + 1, len(text))[0] is None
    # must not match: a comparative that describes the noun after it keeps the noun
    text = "There were 300 fewer arrivals in May."
    assert counted_noun(text, text.index("300") + 3, len(text))[0] == "fewer arrivals"


def test_a_periods_abbreviation_after_a_rate_is_not_what_it_counts() -> None:
    text = "Prices rose 3.4% y/y in May."
    assert counted_noun(text, text.index("%") + 1, len(text))[0] is None
    # must not match: a noun after a figure is still what it counts
    text = "Some 40 households were flooded."
    assert counted_noun(text, text.index("40") + 2, len(text))[0] == "households"


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The ministry said 640 cases had been confirmed.", "confirmed cases"),
        ("Lab-confirmed cases stand at 212, the ministry said.", "confirmed cases"),
        # must not match: cases that are only suspected, or a confirmation of something else
        ("The ministry said 640 suspected cases were reported.", "suspected cases"),
        ("The ministry said 640 deaths had been confirmed.", "deaths"),
    ],
)
def test_cases_a_clause_calls_confirmed_are_confirmed_cases(text: str, counted: str) -> None:
    assert [c.counted for c in extract_claims(text)] == [counted]


def test_a_crowd_watching_a_match_or_a_concert_is_not_a_protest() -> None:
    assert not protest_context("Velm beat Tarsa 3-1 in the final before a crowd of 52,000.")
    assert not protest_context("A crowd of 80,000 fans filled the stadium for the concert.")
    # must not match: a crowd in the streets, or a crowd at a rally, is a protest's
    assert protest_context("A crowd of 9,000 gathered outside parliament.")
    assert protest_context("The rally drew a crowd of 9,000 to the stadium.")


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("The party won 120 seats five years ago.", "120", "seats"),
        ("In the poll, 61 percent of adults support the plan.", "61 percent", "adults"),
        ("Some 58 percent of voters oppose the levy.", "58 percent", "voters"),
        # must not stop: a capitalised number word inside a name
        ("Some 20 Formula One cars lined up.", "20", "Formula One cars"),
    ],
)
def test_counted_noun_stops_at_a_new_number_and_at_what_people_think(
    text: str, figure: str, counted: str
) -> None:
    end = text.index(figure) + len(figure)
    assert counted_noun(text, end, len(text))[0] == counted


def test_people_in_camps_are_displaced_and_in_relief_camps_evacuated() -> None:
    assert categories("Officials said 250,000 people were in camps.") == [("250,000", "displaced")]
    # must not match: relief camps are where the authorities moved people
    assert categories("Officials said 9,000 people were in relief camps.") == [("9,000", "evacuated")]


def test_people_in_counted_shelters_or_camps_take_the_shelters_category() -> None:
    assert categories("Officials said 6,400 people were staying in 48 shelters.") == [
        ("6,400", "evacuated"),
        ("48", "other"),
    ]
    assert categories("Some 3,000 people are living in 12 camps, officials said.") == [
        ("Some 3,000", "displaced"),
        ("12", "other"),
    ]
    # must not match: the shelters themselves, or people who only passed through a counted place
    assert categories("The city opened 48 shelters.") == [("48", "other")]
    assert categories("Some 300 people were seen in 12 towns, officials said.") == [
        ("Some 300", "other"),
        ("12", "other"),
    ]


def test_a_rival_figure_in_a_contrasting_clause_counts_what_the_first_counts() -> None:
    assert categories("Officials confirmed 18 deaths, though local media report at least 25.") == [
        ("18", "killed"),
        ("at least 25", "killed"),
    ]
    assert categories("Police said 40 people died, while residents put the toll at 60.") == [
        ("40", "killed"),
        ("60", "killed"),
    ]
    # must not match: a figure of something else after the contrast
    assert categories("The army said 30 soldiers died, but it said 12 villages were retaken.") == [
        ("30", "killed"),
        ("12", "other"),
    ]


def test_lives_taken_are_killed_and_people_seized_abducted() -> None:
    assert categories("The fire claimed 12 lives, officials said.") == [("12", "killed")]
    assert categories("The crash cost three lives.") == [("three", "killed")]
    assert categories("Gunmen seized 24 passengers from a bus.") == [("24", "abducted")]
    # must not match: lives saved, goods seized
    assert categories("Doctors saved 12 lives.") == [("12", "other")]
    assert categories("Police seized 40 guns.") == [("40", "other")]


def test_custody_higher_ground_and_shelter_sought_have_their_categories() -> None:
    assert categories("Authorities have taken 38 people into custody.") == [("38", "detained")]
    assert categories("Some 80,000 residents were moved to higher ground.") == [("Some 80,000", "evacuated")]
    assert categories("Some 640 people have sought shelter in schools.") == [("Some 640", "displaced")]


def test_what_befell_people_after_their_noun_is_no_part_of_it() -> None:
    text = "The attack left 5 soldiers dead and 9 wounded."
    assert counted_noun(text, text.index("5") + 1, len(text))[0] == "soldiers"
    text = "Rescuers found 15 people alive."
    assert counted_noun(text, text.index("15") + 2, len(text))[0] == "people"
    # must not stop: the word alone is what is counted
    text = "The attack left 5 dead."
    assert counted_noun(text, text.index("5") + 1, len(text))[0] == "dead"


def test_people_marooned_are_displaced_and_people_fallen_ill_affected() -> None:
    assert categories("Officials said 61 people died and 1.8 million remained marooned.") == [
        ("61", "killed"),
        ("1.8 million", "displaced"),
    ]
    assert categories("Some 300 people fell ill after the meal.") == [("Some 300", "affected")]
    # must not match: a firm that contracts workers
    assert categories("The firm contracted 40 workers.") == [("40", "other")]


def test_one_passive_of_two_verbs_keeps_its_second_verbs_category() -> None:
    assert categories("At least 3 people were shot and killed.") == [("At least 3", "killed")]
    assert categories("Two men were shot and wounded.") == [("Two", "injured")]
    # casualties together are other
    assert categories("Casualties passed 600,000 killed and wounded.") == [("passed 600,000", "other")]
    # must not match: "and" before another verb of the group's own, or another figure's verb
    assert categories("Some 40 people gathered and marched.") == [("Some 40", "protesting")]
    assert categories("Gunmen killed 5 and wounded 12.") == [("5", "killed"), ("12", "injured")]


def test_hospital_care_counts_the_sick() -> None:
    assert categories("The ministry said 640 people had received hospital care.") == [("640", "affected")]


def test_an_elided_verb_after_a_figure_is_no_counted_noun() -> None:
    text = "Management said only 1,800 did."
    assert counted_noun(text, text.index("1,800") + 5, len(text))[0] is None
    # must not stop: a noun after the figure is what it counts
    text = "Management said only 1,800 dockers did."
    assert counted_noun(text, text.index("1,800") + 5, len(text))[0] == "dockers"


def test_a_raising_participle_after_the_noun_ends_what_is_counted() -> None:
    text = "Of the 48 migrants known to have died, most were men."
    assert counted_noun(text, text.index("48") + 2, len(text))[0] == "migrants"
    text = "Some 12 climbers thought to be on the ridge are missing."
    assert counted_noun(text, text.index("12") + 2, len(text))[0] == "climbers"
    # must not stop: a known word that is no participle is outside the phrase
    text = "Some 12 well-known climbers are missing."
    assert counted_noun(text, text.index("12") + 2, len(text))[0] == "well-known climbers"


def test_captives_who_escape_are_no_displaced_people() -> None:
    assert categories("At least 7 inmates escaped from the jail, the ministry said.") == [
        ("At least 7", "other")
    ]
    # must not match: people who escaped danger fled it
    assert categories("About 3,000 villagers escaped the fighting, officials said.") == [
        ("About 3,000", "displaced")
    ]


@pytest.mark.parametrize("conjunction", ["once", "if", "until", "unless"])
def test_counted_noun_stops_at_a_clause_of_condition_or_time(conjunction: str) -> None:
    text = f"The true number was nearer 9,000 {conjunction} leavers were counted."
    end = text.index("9,000") + len("9,000")
    assert counted_noun(text, end, len(text))[0] is None
    # must not stop: the noun itself is read
    text = "The true number was nearer 9,000 officers once leavers were counted."
    assert counted_noun(text, end, len(text))[0] == "officers"


def test_taking_part_in_a_trial_is_no_protest_turnout() -> None:
    assert categories("The company said 400 patients took part in the trial.") == [("400", "other")]
    # must not match: who took part after a crowd of farmers is a turnout
    text = "Some 8,000 farmers drove tractors into the capital. Organisers said 10,000 took part."
    assert categories(text)[-1] == ("10,000", "protesting")


def test_a_record_a_change_started_from_counts_what_the_new_figure_counts() -> None:
    text = "Overdose deaths fell to 80,000 last year, down from a record 111,000, the agency said."
    assert categories(text) == [("80,000", "killed"), ("111,000", "killed")]


def test_counted_noun_passes_over_the_owner_of_the_set_a_part_is_of() -> None:
    text = "Cases were recorded in 28 of the country's 29 districts."
    end = text.index("28") + 2
    assert counted_noun(text, end, len(text))[0] == "districts"
    # must not stop: a possessive that is the counted thing's own name stays
    text = "Cases were recorded in 28 of the districts' clinics."
    assert counted_noun(text, end, len(text))[0] == "districts' clinics"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two crashes killed 346 people.", [("Two", "other"), ("346", "killed")]),
        ("Forty airstrikes killed 12 civilians.", [("Forty", "other"), ("12", "killed")]),
        # must not match: people named by the kind of happening they take part in are people
        ("Two gunmen were killed.", [("Two", "killed")]),
    ],
)
def test_happenings_counted_are_things_not_casualties(text: str, expected: list[tuple[str, str]]) -> None:
    assert categories(text) == expected


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        ("Two soldiers embraced martyrdom in the attack.", "Two", "killed"),
        ("Some 1.2 lakh people had been shifted to safer places.", "Some 1.2 lakh", "evacuated"),
        ("About 3,000 families were shifted to relief camps.", "About 3,000", "evacuated"),
        # must not match: things shifted somewhere are no evacuation
        ("The firm shifted 40 jobs to cheaper markets.", "40", "other"),
    ],
)
def test_south_asian_idioms_of_death_and_evacuation(text: str, figure: str, category: str) -> None:
    assert (figure, category) in categories(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The toll from the flood in the hill district rose to 58 on Friday"
            " as rescue teams reached cut-off farms.",
            [("58", "killed")],
        ),
        ("The toll climbed to 58 as the floods displaced more families.", [("58", "killed")]),
        # must not match: the state people are listed as is their category
        ("A further 14 people were listed as missing.", [("14", "missing")]),
    ],
)
def test_a_clause_opened_by_as_lends_no_cue_to_the_figure_before_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blasts had killed a total of 212 people.", [("212", "killed")]),
        ("The storm displaced a combined total of 9,000 residents.", [("9,000", "displaced")]),
        # must not match: a total that no verb of harm governs
        ("Donors gave a total of 40 trucks.", [("40", "other")]),
    ],
)
def test_a_verb_governs_its_figure_across_a_total_of(text: str, expected: list[tuple[str, str]]) -> None:
    assert categories(text) == expected


def test_a_cue_right_after_a_figure_outweighs_a_noun_named_before_it() -> None:
    text = "First reports put the number of casualties at 31 killed and 52 injured."
    assert categories(text) == [("31", "killed"), ("52", "injured")]
    # must not match: the noun written after the figure still decides
    assert categories("Crews counted 31 casualties killed or hurt.") == [("31", "other")]


def test_people_who_lost_their_homes_are_displaced() -> None:
    assert categories("About 8,000 people have lost their homes, the agency said.") == [
        ("About 8,000", "displaced")
    ]
    # must not match: homes lost are things
    assert categories("About 800 homes were lost in the fire.") == [("About 800", "other")]


def test_evacuee_numbers_that_climb_count_evacuees() -> None:
    assert categories("The district saw evacuee numbers climb to 913 on Thursday.") == [("913", "evacuated")]


def test_people_who_showed_up_after_a_protest_sentence_are_its_turnout() -> None:
    text = (
        "Thousands marched against the dam in the capital. Police said 12,000 people showed up at the square."
    )
    assert categories(text) == [("12,000", "protesting")]
    # must not match: people who show up at an event that is no protest
    text = "The new stadium opened on Sunday. Police said 12,000 people showed up."
    assert categories(text) == [("12,000", "other")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Elders said 23 herders died and 11 more, including boys wounded in the shelling.",
            [("23", "killed"), ("11", "injured")],
        ),
        (
            "Officials said two people died and six others, all of them farmers were wounded.",
            [("two", "killed"), ("six", "injured")],
        ),
        (
            "At least 10 civilians including four children were killed in the strike.",
            [("At least 10", "killed"), ("four", "killed")],
        ),
        # must not match: a list that goes on after "including" with no verb of harm
        ("The convoy carried 40 tonnes including flour and rice.", [("40 tonnes", "other")]),
    ],
)
def test_an_aside_its_writer_left_unclosed_passes_the_verb_to_the_figure(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two crew members were recovered deceased near the pier.", [("Two", "killed")]),
        ("The deceased included 12 children.", [("12", "killed")]),
        ("Six smugglers are now in the custody of the navy.", [("Six", "detained")]),
        # must not match: people recovered alive are no dead
        ("Two crew members were recovered alive near the pier.", [("Two", "other")]),
    ],
)
def test_the_deceased_and_people_in_someones_custody(text: str, expected: list[tuple[str, str]]) -> None:
    assert categories(text) == expected


def test_a_reporting_participle_with_no_noun_after_it_is_not_what_is_counted() -> None:
    text = "The outbreak has a case fatality rate of 1.5% reported in 40 districts."
    figure = text.index("1.5%")
    assert counted_noun(text, figure + 4, len(text))[0] is None
    # must not match: a participle before its noun, or a casualty word standing for people
    text = "Officials said 12 reported cases and 30 injured."
    assert counted_noun(text, text.index("12") + 2, len(text))[0] == "reported cases"
    assert counted_noun(text, text.index("30") + 2, len(text))[0] == "injured"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials said 18 miners who were underground when the shaft flooded have been confirmed dead.",
            [("18", "killed")],
        ),
        (
            "Police said nine guards who killed an inmate were arrested.",
            [("nine", "detained")],
        ),
        # must not match: a relative clause with no verb of harm after it
        ("Officials said 18 miners who work the night shift staged a sit-in.", [("18", "other")]),
    ],
)
def test_the_verb_after_a_relative_clause_says_what_befell_the_group(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Staff said 31 people at Harbour Clinic, 12 at Eastfield and 9 at Mill Lane had died.",
            [("31", "killed"), ("12", "killed"), ("9", "killed")],
        ),
        # must not match: counts of things keep their own category
        (
            "Crews said 31 homes at Eastfield and 9 people at Mill Lane had died.",
            [("31", "other"), ("9", "killed")],
        ),
    ],
)
def test_counts_listed_by_place_share_the_verb_at_the_end_of_the_list(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert categories(text) == expected


def test_two_nouns_joined_by_and_before_a_plural_head_are_one_counted_phrase() -> None:
    text = "Rescuers said 11 search and rescue volunteers were hurt."
    assert counted_noun(text, text.index("11") + 2, len(text))[0] == "search and rescue volunteers"
    assert categories(text) == [("11", "injured")]
    # must not match: a plural, an irregular plural or a determiner before the second noun
    for text, noun in (
        ("Medics treated 40 women and children overnight.", "women"),
        ("Crews moved 300 people and their cattle.", "people"),
        ("Crews moved 30 cars and trucks.", "cars"),
    ):
        figure = re.search(r"\d+", text)
        assert figure is not None
        assert counted_noun(text, figure.end(), len(text))[0] == noun


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said 90 fans were transported to hospitals overnight.", [("90", "affected")]),
        ("Medics said 12 people were taken to a hospital.", [("12", "affected")]),
        # must not match: goods carried to hospitals are no people in them
        ("Trucks carried 40 tonnes of supplies to hospitals.", [("40 tonnes", "other")]),
    ],
)
def test_people_taken_to_hospital_by_any_wording_are_affected(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert categories(text) == expected


def test_the_way_a_distance_runs_is_not_what_it_counts() -> None:
    text = "The village lies some 15 kilometres north of the dam."
    assert counted_noun(text, text.index("kilometres") + 10, len(text))[0] is None
    # must not match: a direction that describes the counted noun
    text = "The storm cut power to 300 north coast villages."
    assert counted_noun(text, text.index("300") + 3, len(text))[0] == "north coast villages"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("A ferry carrying 200 people abruptly capsized.", "people"),
        ("Some 9 million individuals urgently need aid.", "individuals"),
        ("Charities pledged $50 million just before the talks.", None),
        # must not match: an adverb in -ly before the noun, or a noun that ends in -ly
        ("The 300 elderly residents were moved.", "elderly residents"),
        ("Organisers expect 40 families.", "families"),
    ],
)
def test_an_adverb_after_the_noun_ends_what_is_counted(text: str, noun: str | None) -> None:
    figure = re.search(r"\d+(?: million)?", text)
    assert figure is not None
    assert counted_noun(text, figure.end(), len(text))[0] == noun


def test_an_aside_between_typed_hyphens_passes_the_verb_to_the_counts() -> None:
    text = "Five passengers and two crew - the pilot and a guard - were killed, officials said."
    assert categories(text) == [("Five", "killed"), ("two", "killed")]
    # must not match: a hyphen inside a word is no aside
    assert categories("Five passengers of a two-coach train were hurt.") == [("Five", "injured")]


@pytest.mark.parametrize(
    "text",
    [
        "Death toll rises to 10 in Velport mine collapse as rescue effort continues",
        "The toll from the landslide has risen to 20 as crews search for survivors.",
        "Officials updated the death toll from a Thursday landslide in Velport, Norland to 11 on Monday.",
    ],
)
def test_a_toll_keeps_its_category_past_a_clause_in_the_present_or_a_long_object(text: str) -> None:
    assert categories(text)[0][1] == "killed"
    # must not match: "as" before a state lists people in it
    assert categories("Police listed 40 people as missing.") == [("40", "missing")]


def test_a_name_after_an_irregular_plural_opens_a_clause() -> None:
    text = "Questions surround a group of 76 people Ana Ruiz said were unaccounted for."
    assert counted_noun(text, text.index("76") + 2, len(text))[0] == "people"
    # must not match: a capitalised word inside the noun phrase before the plural
    text = "Crews moved 40 Velport residents."
    assert counted_noun(text, text.index("40") + 2, len(text))[0] == "Velport residents"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said 259 lives were lost to the floods.", [("259", "killed")]),
        (
            "The agency said 80 people have been killed in 12 local government areas.",
            [("80", "killed"), ("12", "other")],
        ),
        # must not match: lives that were saved are no dead
        ("Doctors said the vaccine saved 40 lives.", [("40", "other")]),
    ],
)
def test_lives_lost_are_dead_and_places_counted_are_things(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle after the place the counted are in describes the place
        ("The minister said the toll has reached 1,417 in the districts affected by the cyclone.", "killed"),
        ("Some 2,000 people in the villages hit by the quake were evacuated.", "evacuated"),
        # must not match: a participle with its auxiliary after the group says what befell it
        ("About 900 people in the town were injured.", "injured"),
    ],
)
def test_a_participle_of_the_place_says_nothing_of_the_people_counted(text: str, expected: str) -> None:
    assert categories(text)[0][1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The death toll, officials said, was 420.",
        "The death toll, as reported by the provincial office on Monday, was 420.",
    ],
)
def test_a_toll_keeps_its_figure_past_an_aside_between_commas(text: str) -> None:
    assert categories(text) == [("420", "killed")]
    # must not match: the last item of a list after a toll word is no aside
    assert categories("The storm caused deaths, injuries, and damage to 300 people.")[0][1] == "other"


def test_a_replaced_figure_is_the_same_count_as_it_was_before() -> None:
    [new, old] = extract_claims(
        "The agency now says 2,150 people died, instead of 4,800 as it reported on Friday."
    )
    assert (new.category, new.earlier) == ("killed", False)
    assert (old.category, old.earlier) == ("killed", True)
    # must not match: a figure that counts something else is no earlier value of the first
    [_troops, jets] = extract_claims("The minister wanted 500 troops instead of 300 jets.")
    assert not jets.earlier and jets.counted == "jets"


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Storms also killed 65 people elsewhere in the province.", "65", "people"),
        (
            "The governor said the toll could rise to 3,000 given the number of villages cut off.",
            "3,000",
            None,
        ),
        # must not match: a participle after the noun leaves the noun counted
        ("Officials said 300 tents given to families were damaged.", "300", "tents"),
    ],
)
def test_where_else_and_a_reason_after_a_figure_are_not_what_it_counts(
    text: str, figure: str, counted: str | None
) -> None:
    assert counted_noun(text, text.index(figure) + len(figure), len(text))[0] == counted


@pytest.mark.parametrize(
    ("text", "projected"),
    [
        ("The governor said the toll could climb to 3,000.", [True]),
        ("The aid group said the toll was at 150 and expected to hit 250.", [False, True]),
        ("Officials fear the number of dead may rise above 1,000.", [True]),
        # the words the cheap test reads last: a phrase, capitals, a letter outside ASCII before them
        ("Medics said the count might go up as high as 90.", [True]),
        ("The toll could CLIMB past 500, officials said.", [True]),
        ("In Zürich officials said the count will surpass 40.", [True]),
        # must not match: a guess at the count now, and a rise that happened
        ("The real toll could be 5,000, a doctor said.", [False]),
        ("The toll rose to 400 on Monday.", [False]),
    ],
)
def test_what_a_count_may_come_to_is_projected(text: str, projected: list[bool]) -> None:
    assert [claim.projected for claim in extract_claims(text)] == projected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "County officials raised the confirmed fatality count from the fires to 53.",
            [("53", "killed", False)],
        ),
        ("The death toll, now at 96, from the fires is expected to rise.", [("96", "killed", False)]),
        (
            "There are an estimated 850 people unaccounted for — down from estimates of about 1,000.",
            [("an estimated 850", "missing", False), ("about 1,000", "missing", True)],
        ),
        (
            "Ninety-seven people were confirmed dead — a drop from an earlier death toll of 115.",
            [("Ninety-seven", "killed", False), ("115", "killed", True)],
        ),
        # must not match: an aside after the toll that does not give its figure
        ("The toll, which rose sharply on Monday, prompted 40 inquiries.", [("40", "other", False)]),
    ],
)
def test_a_fatality_count_its_own_aside_and_a_drop_from_an_earlier_figure(
    text: str, expected: list[tuple[str, str, bool]]
) -> None:
    assert [
        (claim.quantity_text, claim.category, claim.earlier) for claim in extract_claims(text)
    ] == expected


def test_the_speakers_counted_by_of_us_are_people() -> None:
    text = "There are more than 800,000 of us here, a speaker told the rally."
    assert counted_noun(text, text.index("800,000") + 7, len(text))[0] is None
    # must not match: a partitive of a named group still counts the group
    text = "The militia said four of its own recruits had drowned."
    assert counted_noun(text, text.index("four") + 4, len(text))[0] == "recruits"


def test_a_verb_the_figure_opens_with_is_read_for_a_projection() -> None:
    text = "The toll is at 2,719, the chief said, with the figure expected to exceed 3,000."
    assert [(claim.quantity_text, claim.projected) for claim in extract_claims(text)] == [
        ("2,719", False),
        ("exceed 3,000", True),
    ]
    # must not match: a verb in the figure's words with nothing of the future before it
    assert [claim.projected for claim in extract_claims("The toll exceeded 3,000 on Monday.")] == [False]
    # nor a sign or a qualifier between the modal and the digits
    text = "She said the deficit would reach $1.9 trillion and costs would rise to about 900 million pounds."
    assert [claim.projected for claim in extract_claims(text)] == [True, True]


def test_a_total_broken_down_by_place_after_with_gives_its_parts_its_fate() -> None:
    text = "The flood toll stood at 140 on Friday, with 120 in Orlo, 15 in Varn and five in Tessa."
    assert categories(text) == [("140", "killed"), ("120", "killed"), ("15", "killed"), ("five", "killed")]


def test_with_alone_after_a_figure_does_not_pass_its_fate_on() -> None:
    text = "Police arrested 30 protesters, with 12 released the same evening."
    assert categories(text) == [("30", "detained"), ("12", "other")]


def test_the_figure_a_change_ends_on_counts_what_it_started_from() -> None:
    text = "The number of displaced people in Orlo fell from about 6,900 to 2,040 in a month."
    assert categories(text) == [("about 6,900", "displaced"), ("2,040", "displaced")]
    # must not match: "to" after a figure that no "from" opens passes nothing on
    assert categories("Rescuers moved 12 injured people to 40 new beds.") == [
        ("12", "injured"),
        ("40", "other"),
    ]


def test_a_part_named_after_a_count_gives_the_count_none_of_its_fate() -> None:
    text = "A trawler rescued 14 people, one of whom later died in hospital."
    assert categories(text) == [("14", "other"), ("one", "killed")]
    # must not match: two counts joined by a comma share the fate the words after them give
    assert categories("Floods left 210 pupils, 14 teachers and 3 guards missing.") == [
        ("210", "missing"),
        ("14", "missing"),
        ("3", "missing"),
    ]


def test_a_count_value_followed_by_its_publication_keeps_the_counts_fate() -> None:
    text = "The charity kept its death toll of 310 released on Monday."
    assert categories(text) == [("310", "killed")]
    assert counted(text) == [("310", None)]
    # must not match: people released, with no count noun before the figure, were set free
    freed = "The group said 30 released on Sunday were in good health."
    assert categories(freed) == [("30", "other")]
    assert counted(freed) == [("30", "released")]


def test_a_possessed_earlier_figure_a_count_changed_from_counts_the_same() -> None:
    text = "At least 60 people died, up from Velmar's official figure of 41 on Monday."
    assert categories(text) == [("At least 60", "killed"), ("41", "killed")]
    # must not match: a possessed figure that no change names counts what its own words say
    assert categories("At least 60 people died; Velmar's official figure of 41 homes stands.") == [
        ("At least 60", "killed"),
        ("41", "other"),
    ]


def test_a_rival_figure_in_brackets_counts_what_the_figure_before_it_counts() -> None:
    text = "Reports put the toll at 249 (official tally 167), while 240 were missing (official figure 191)."
    assert categories(text) == [("249", "killed"), ("167", "killed"), ("240", "missing"), ("191", "missing")]
    # must not match: a bracket with no label of a count adds a figure of its own
    assert categories("At least 40 people died (see the data 12 pages on).")[1] == ("12", "other")


def test_a_toll_named_at_length_governs_the_value_it_is_put_at() -> None:
    text = (
        "Local reports put the death toll of the landslide that swept through the two hill villages "
        "before dawn on Tuesday at 249."
    )
    assert categories(text) == [("249", "killed")]
    # must not match: a count named before an aside and a clause of its own governs no later figure
    aside = (
        "He gave an official death count, he said, as he hoped the figures would stay under an "
        "initial estimate of around 9,000."
    )
    assert categories(aside) == [("around 9,000", "other")]


def test_a_count_takes_the_fate_its_included_parts_share() -> None:
    text = "The agency said another 516 people including 203 men and 213 women were reported missing."
    assert categories(text) == [("516", "missing"), ("203", "missing"), ("213", "missing")]
    # must not match: parts with no fate after them give the count none
    assert categories("The agency counted 516 people including 203 men and 213 women.")[0] == ("516", "other")


def test_a_toll_named_at_length_governs_what_it_is() -> None:
    text = (
        "The death toll from the earthquake that struck western Velmora in recent hours, 35 kilometers "
        "from Tarsa, is almost two thousand."
    )
    assert categories(text)[-1] == ("almost two thousand", "killed")


def test_a_participle_with_a_preposition_after_a_figure_names_nothing_counted() -> None:
    assert counted("About 1.8 million took part, with 1.6 million coming from abroad.")[-1] == (
        "1.6 million",
        None,
    )
    # must not match: a participle before its noun is part of what is counted
    assert counted("The rebels hold 40 sprawling camps.") == [("40", "sprawling camps")]


def test_a_cue_word_opening_a_name_is_no_fate() -> None:
    assert categories("Near the Dead Sea the mercury soared to 47.") == [("47", "other")]
    # must not match: the same word in lower case is the count's fate
    assert categories("The death toll in Orlo rose to 40.") == [("40", "killed")]


def test_a_date_in_a_change_verbs_subject_does_not_cut_it() -> None:
    assert categories("Suspected heat stroke cases since March 1 stood at 24,849.") == [
        ("24,849", "affected")
    ]
    # must not match: a figure before the verb still opens a subject of its own
    assert categories("The clinic saw 40 patients and the toll rose to 2,400.")[-1] == ("2,400", "killed")


def test_an_adverb_of_a_participle_is_not_what_is_counted() -> None:
    assert counted("The board listed 312 officially registered deaths.") == [("312", "registered deaths")]
    assert counted("Buses carried 40 newly displaced families.") == [("40", "displaced families")]
    # must not match: how badly people were hurt is kept, a breakdown of the injured
    assert counted("Officials said nine seriously injured were flown out.") == [("nine", "seriously")]


def test_lives_lost_with_an_adverb_are_deaths() -> None:
    assert categories("At least 10 lives were also lost in Orlo.") == [("At least 10", "killed")]


def test_a_total_named_again_counts_what_the_total_before_counted() -> None:
    text = (
        "The death toll rose to 1,600. The new total of 1,644 is a rise over the 1,002 total given earlier."
    )
    assert categories(text) == [("1,600", "killed"), ("1,644", "killed"), ("1,002", "killed")]
    # must not match: a total of something the sentence names
    assert categories("The bank's total of 1,644 branches is a record.") == [("1,644", "other")]


def test_a_share_set_off_after_the_group_leaves_its_verb_the_groups() -> None:
    text = "Over 10 million people, representing 20% of the population, have been displaced."
    assert categories(text)[0] == ("Over 10 million", "displaced")
    # must not match: an aside that is a clause of its own ends the group's phrase
    assert categories("Over 10 million people, the agency said, live in Orlo.")[0] == (
        "Over 10 million",
        "other",
    )


def test_people_lost_are_deaths() -> None:
    assert categories('"Despite our preparations, we lost 10 people," the minister said.') == [
        ("10", "killed")
    ]
    # must not match: lost homes or jobs are no deaths
    assert categories("The town lost 300 homes in the storm.") == [("300", "other")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Medics said 14 pupils, six teachers and a guard were among the 31 dead.",
            [("14", "killed"), ("six", "killed"), ("31", "killed")],
        ),
        ("Medics said 14 pupils were among the 52 injured.", [("14", "injured"), ("52", "injured")]),
        # must not match: a total named by what it is, not by what befell it
        ("Medics said 14 pupils were among the 400 guests.", [("14", "other"), ("400", "other")]),
    ],
)
def test_parts_among_a_total_named_by_its_fate_share_its_category(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doctors said 300 injured workers have since been discharged.", "other"),
        ("Doctors said nine wounded guards later died.", "killed"),
        ("Divers said four missing sailors were found alive.", "other"),
        # must not match: being treated or moved leaves the injured injured
        ("Doctors said 300 injured workers were taken to hospital.", "injured"),
        ("Doctors said nine wounded guards were evacuated.", "injured"),
    ],
)
def test_a_fate_the_verb_tells_ends_the_one_the_noun_is_described_by(text: str, expected: str) -> None:
    assert categories(text)[0][1] == expected


def test_every_count_of_a_list_the_bodies_are_of_is_killed() -> None:
    text = "Bodies of two women and one child have been recovered, divers said."
    assert categories(text) == [("two", "killed"), ("one", "killed")]
    # must not match: a count in a clause of its own after the bodies
    text = "The bodies of the crew were found and 12 people were rescued, divers said."
    assert categories(text) == [("12", "other")]


def test_a_group_named_by_its_fate_before_as_gives_the_figures_after_it_that_fate() -> None:
    text = "The list named the dead as nine guards and two drivers."
    assert categories(text) == [("nine", "killed"), ("two", "killed")]
    # must not match: "as" that describes the group, with the figure in a clause of its own
    assert categories("He called the dead heroes as 12 soldiers were honoured.") == [("12", "other")]


def test_a_toll_given_as_a_figure_governs_it() -> None:
    assert categories("The relief office gave the death toll as 40.") == [("40", "killed")]
    # must not match: a toll named in a clause the figure is not in
    assert categories("The death toll is rising; as 12 pupils sat exams, the school held a vigil.") == [
        ("12", "other")
    ]


def test_a_toll_revised_from_a_figure_governs_it() -> None:
    assert categories("Officials revised the death toll from 79 after a recount of the bodies.") == [
        ("79", "killed")
    ]
    # must not match: "from" after the deaths names where mourners came from, not a toll's value
    assert categories("The deaths drew mourners from 79 countries.") == [("79", "other")]


def test_the_fate_of_a_group_another_noun_is_of_is_not_the_figures() -> None:
    assert categories(
        "The toll from the floods reached 93 on Sunday as relatives of the missing waited."
    ) == [("93", "killed")]
    # must not match: a part of a group named by its fate is of that fate
    assert categories("Rescuers said 12 of the missing were found dead.") == [("12", "killed")]


def test_a_total_named_before_a_new_clause_governs_none_of_its_figures() -> None:
    text = (
        "In Velmar, a total of 55 people have lost their lives while 66 people including 37 men and "
        "five children have received injuries."
    )
    assert categories(text) == [("55", "killed"), ("66", "injured"), ("37", "injured"), ("five", "injured")]
    # must not match: a total rising from one figure to another governs both
    assert categories("The total number of dead rose from 40 to 66.") == [("40", "killed"), ("66", "killed")]


def test_a_participle_before_a_things_noun_describes_it() -> None:
    text = "The storm left 12 dead, 40 injured and 3,000 damaged homes."
    assert [(c.quantity_text, c.category, c.counted) for c in extract_claims(text)] == [
        ("12", "killed", "dead"),
        ("40", "injured", "injured"),
        ("3,000", "other", "damaged homes"),
    ]
    # must not match: a verb of people moving before a thing is the verb of its clause
    assert [c.counted for c in extract_claims("Some 300 fled homes across the valley.")] == [None]


def test_letters_with_dots_before_a_noun_are_part_of_the_counted_phrase() -> None:
    claims = extract_claims("At least three U.S. citizens were among those killed, the embassy said.")
    assert [(c.counted, c.category) for c in claims] == [("U.S. citizens", "killed")]


def test_a_fate_describing_the_areas_after_it_is_not_the_peoples() -> None:
    assert categories("He said 16,400 rescue workers were active in the affected areas.") == [
        ("16,400", "other")
    ]
    # must not match: a fate with its own preposition still befalls the people before it
    assert categories("Some 1,414 people were killed in areas under its control.") == [
        ("Some 1,414", "killed")
    ]


def test_a_toll_that_rose_by_a_change_to_a_level_governs_the_level() -> None:
    assert categories("The death toll in Velmar rose by some 3,000 to at least 12,391.") == [
        ("some 3,000", "other"),
        ("at least 12,391", "killed"),
    ]
    # must not match: a share that rose by a percentage is no toll
    assert categories("Cases fell by 20% but deaths rose by 46%.") == [("20%", "other"), ("46%", "other")]


def test_a_head_count_the_organisers_estimate_after_a_protest_is_its_turnout() -> None:
    text = "Police said crowds at the rally reached 200,000. Later the organisers estimated close to 600,000."
    assert categories(text) == [("200,000", "protesting"), ("close to 600,000", "protesting")]
    # must not match: an estimate after a sentence about no protest is no turnout
    text = "Storms swept the coast. Later officials estimated close to 600,000 people."
    assert categories(text) == [("close to 600,000", "other")]


def test_an_article_and_adjective_between_a_change_verb_and_its_figure_keep_the_subject() -> None:
    assert categories("The toll from the mudslide has climbed to a grim 64.") == [("64", "killed")]
    # must not match: a place the verb hit is no count the verb moved
    assert categories("The mudslide hit a hamlet of 64 in the hills.") == [("64", "other")]


def test_a_breakdown_named_at_the_head_of_a_sentence_gives_its_parts_its_category() -> None:
    text = "In a breakdown of the death toll, 40 were confirmed in Velm, 12 in Orlo and 3 in Tarsa."
    assert categories(text) == [("40", "killed"), ("12", "killed"), ("3", "killed")]
    # must not match: a breakdown of something else gives no fate
    text = "In a breakdown of the budget, 40 went to schools."
    assert categories(text) == [("40", "other")]


def test_an_aside_before_with_keeps_the_breakdown_after_it() -> None:
    text = "Velm counted 61 deaths, the most of any district, with 20 in Orlo and 9 in Tarsa."
    assert categories(text) == [("61", "killed"), ("20", "killed"), ("9", "killed")]
    # must not match: a clause too long for an aside ends the breakdown
    text = "Velm counted 61 deaths, and the hill villages were cut off for a week, with 20 in Orlo."
    assert categories(text)[-1] == ("20", "other")


def test_homes_lost_and_injuries_inflicted_are_their_fates() -> None:
    text = "The floods left 23,000 without homes and inflicted injuries on 806 people."
    assert categories(text) == [("23,000", "displaced"), ("806", "injured")]
    # must not match: damage caused to things is no injury
    assert categories("The floods caused damage to 806 homes.") == [("806", "other")]


def test_people_murdered_are_killed() -> None:
    assert categories("Gunmen murdered 14 villagers, police said.") == [("14", "killed")]
    # must not match: a charge over a murder counts the charged
    assert categories("Police charged 3 men over the murder.") == [("3", "other")]


def test_a_count_restated_in_people_in_brackets_keeps_the_first_counts_category() -> None:
    text = "The floods displaced 1,200 households (about 6,000 people) in the valley."
    assert categories(text) == [("1,200", "displaced"), ("about 6,000", "displaced")]
    # must not match: a bracketed count of things is no restatement of the people
    text = "The floods displaced 1,200 households (and 40 schools) in the valley."
    assert categories(text)[-1] == ("40", "other")


def test_the_figure_a_move_started_from_is_the_earlier_one() -> None:
    text = "The toll has risen from 225 (as given on Monday) to 326, the agency said."
    assert [(c.value, c.earlier) for c in extract_claims(text)] == [(225, True), (326, False)]
    # must not match: a range after "from" with no verb of change is one figure
    text = "Between 225 and 326 people died, the agency said."
    assert [c.earlier for c in extract_claims(text)] == [False]


def test_rescues_are_no_deaths_in_a_list_after_deaths() -> None:
    assert categories("There were 42 deaths and 800 rescues in the county.") == [
        ("42", "killed"),
        ("800", "other"),
    ]
    # must not match: a second fate in the list keeps its own category
    assert categories("There were 42 deaths and 800 injuries in the county.")[-1] == ("800", "injured")


def test_a_share_of_them_set_off_before_its_figure_is_a_part_of_the_last_count() -> None:
    text = "Some 9,000 people were evacuated. Most of them, 6,100, came from Velm."
    assert categories(text) == [("Some 9,000", "evacuated"), ("6,100", "evacuated")]
    # must not match: a sentence of its own with no share of them
    assert categories("Some 9,000 people were evacuated. Later, 6,100 shops closed.")[-1] == (
        "6,100",
        "other",
    )


def test_a_noun_of_another_fate_after_a_toll_governs_its_own_figure() -> None:
    text = "The storm led to the deaths of four people and the evacuation of 5,000 residents."
    assert categories(text) == [("four", "killed"), ("5,000", "evacuated")]
    # must not match: the toll's own "of" still governs
    assert categories("The storm left a death toll of 40.") == [("40", "killed")]


def test_a_verb_in_the_singular_ends_the_counted_noun_of_a_rate() -> None:
    text = "At least one child dies every two hours in the camp."
    assert counted_noun(text, text.index("one") + 3, len(text))[0] == "child"
    # must not match: a plural noun is read whole
    text = "At least 40 child deaths were recorded in the camp."
    assert counted_noun(text, text.index("40") + 2, len(text))[0] == "child deaths"


def test_a_participle_after_a_gathering_describes_the_gathering() -> None:
    text = (
        "Organisers of the protest said about 14,000 people were present during a vigil held in the square."
    )
    assert categories(text) == [("about 14,000", "protesting")]
    # must not match: people held in the square are detained
    assert categories("Police said 300 protesters were held in the square.") == [("300", "detained")]


def test_protesters_among_a_toll_are_its_dead() -> None:
    text = "Police said the toll has risen to 51, which includes 21 protesters and three officers."
    assert categories(text) == [("51", "killed"), ("21", "killed"), ("three", "killed")]
    # must not match: protesters among a turnout are its marchers
    text = "Police said 5,000 joined the march, including 2,100 protesters from Orlo."
    assert categories(text) == [("5,000", "protesting"), ("2,100", "protesting")]


def test_people_under_treatment_are_affected() -> None:
    text = 'The secretary said "72 people have died, and 191 people are under treatment".'
    assert categories(text) == [("72", "killed"), ("191", "affected")]


def test_an_aside_between_em_dashes_set_without_spaces_leaves_the_verb_to_the_figure() -> None:
    text = "Five hikers—three students and two guides—died in the avalanche, rescuers said."
    assert categories(text)[0] == ("Five", "killed")
    # must not match: a dash that opens no aside leaves the clause after it alone
    assert categories("Five hikers—all of whom were rescued later.")[0] == ("Five", "other")


def test_people_lost_in_a_disaster_are_dead() -> None:
    assert categories("The governor fears that 900 people were lost in the mudslide.") == [("900", "killed")]
    # must not match: people lost at sea are missing, and lost jobs are no casualties
    assert categories("Officials said 40 fishermen were lost at sea.") == [("40", "missing")]
    assert categories("The union said 400 jobs were lost.") == [("400", "other")]


def test_an_estimate_of_a_group_names_the_category_of_its_value() -> None:
    text = "The agency's latest estimate of people displaced by the storm was 52,000."
    assert categories(text) == [("52,000", "displaced")]
    # must not match: an estimate of a cost counts no people
    assert categories("Its latest estimate of the damage was $52,000.") == [("$52,000", "other")]


def test_an_enforced_disappearance_is_an_abduction() -> None:
    text = "The rights group said 12 people were killed and 9 were forcibly disappeared."
    assert categories(text) == [("12", "killed"), ("9", "abducted")]
    # must not match: people who simply went missing are missing
    assert categories("Rescuers said 9 hikers went missing.") == [("9", "missing")]


def test_parts_after_including_belong_to_the_noun_phrase_joined_last() -> None:
    text = "Police made 140 arrests and logged several cases of looting, including three thefts of cars."
    assert categories(text) == [("140", "detained"), ("three", "other")]
    # must not match: a verb joined to the figure's clause keeps the parts with the figure
    text = "Police said 90 people were injured and hospitalised, including 12 children."
    assert categories(text) == [("90", "injured"), ("12", "injured")]


def test_rescue_teams_after_a_toll_are_no_rescue_of_the_dead() -> None:
    text = "The toll rose to 412 as search and rescue teams reached the valley, officials said."
    assert categories(text) == [("412", "killed")]
    # must not match: people who needed rescue are no casualties
    assert categories("Officials said 40 people needed rescue after the flood.") == [("40", "other")]


def test_a_second_group_joined_to_the_counted_one_shares_its_verb() -> None:
    text = "Doctors said 85 pupils and their teachers had been shot dead at the school."
    assert categories(text) == [("85", "killed")]
    # must not match: a clause of its own after "and" keeps its verb to itself
    text = "Doctors said 85 pupils were sent home and their teachers were shot."
    assert categories(text) == [("85", "other")]


def test_a_place_captured_in_a_clause_after_a_group_is_no_detention_of_it() -> None:
    text = "The count includes the 900 families who left the town on the day the militia captured it."
    assert categories(text) == [("900", "other")]
    # must not match: people captured are detained
    assert categories("Police said 30 looters were captured near the port.") == [("30", "detained")]


def test_complaints_and_petitions_are_filings_not_people() -> None:
    text = "The prosecutor said she had received 412 complaints from residents displaced by the fighting."
    assert categories(text) == [("412", "other")]
    # must not match: the residents themselves are displaced
    assert categories("The agency said 412 residents were displaced by the fighting.") == [
        ("412", "displaced")
    ]


def test_a_group_among_a_larger_one_that_died_shares_its_fate() -> None:
    text = (
        "At least 12 Velmarians were among the more than 300 pilgrims from abroad who died, officials said."
    )
    assert categories(text) == [("At least 12", "killed"), ("more than 300", "killed")]
    # must not match: a larger group that did something else gives no fate
    text = "At least 12 Velmarians were among the 300 pilgrims who boarded the ship, officials said."
    assert categories(text) == [("At least 12", "other"), ("300", "other")]


def test_an_adverb_of_harm_after_a_singular_noun_is_no_part_of_it() -> None:
    text = "Everyone escaped except one worker fatally injured by the blast, police said."
    assert categories(text) == [("one", "killed")]
    # must not match: "fatally" is only an adverb; the plain injured stay injured
    assert categories("Police said one worker was injured by the blast.") == [("one", "injured")]


def test_the_fate_of_people_a_group_helps_is_not_the_groups() -> None:
    text = "More than 2,400 soldiers are still searching for stranded villagers."
    assert categories(text) == [("More than 2,400", "other")]
    # must not match: the group's own fate after its verb
    assert categories("More than 2,400 villagers are still stranded, officials said.") == [
        ("More than 2,400", "displaced")
    ]


def test_the_parts_after_a_colon_share_the_fate_of_the_total() -> None:
    text = "The coroner confirmed 31 deaths from the two storms: 19 in Orlo and 12 in Velm."
    assert categories(text) == [("31", "killed"), ("19", "killed"), ("12", "killed")]
    # must not match: a figure after a colon with a fate of its own keeps it
    text = "The coroner confirmed 31 deaths from the two storms: 19 people were hurt."
    assert categories(text) == [("31", "killed"), ("19", "injured")]


def test_people_taken_into_shelters_are_evacuated_and_into_camps_displaced() -> None:
    text = "The agency said the floods sent 52,000 people to temporary shelters."
    assert categories(text) == [("52,000", "evacuated")]
    text = "The agency said 9,000 families had moved into camps outside the town."
    assert categories(text) == [("9,000", "displaced")]
    # must not match: soldiers taken to their camps are no evacuees
    assert categories("The army said it flew 300 soldiers to the camps.") == [("300", "other")]


def test_people_treated_for_the_heat_are_ill_not_hurt() -> None:
    text = "Officials said 2,000 pilgrims were being treated for heat-related illnesses."
    assert categories(text) == [("2,000", "affected")]
    # must not match: people treated for injuries are injured
    assert categories("Officials said 20 pilgrims were treated for injuries.") == [("20", "injured")]
