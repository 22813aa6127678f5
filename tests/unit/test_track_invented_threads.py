"""Extraction and tracking together on invented story threads of kinds the rule tests cover one by
one: a refugee count that moves between host countries' agencies, an outbreak whose cases are
named three ways, a disaster agency the items name three ways, a camp attack whose toll a
doctors' network and local activists dispute, a mine blast and a building collapse whose last
reports name no kind of happening, a city heatwave whose national toll is kept apart, an outbreak
whose minister is later named by surname alone, an aid pledge raised twice, a wildfire whose
county sheriff is named three ways near a town the gazetteer lists only abroad, a shipwreck
whose toll the migration agency raises beside the year's running total of the sea's dead, and a
quake whose disaster agency each item names by its remit under another head, an air strike
whose toll a shadow government gives under its name and then its initials, floods whose listed
disaster department each item names under another head, and floods whose Red Cross society one
item names by its initials and whose government speaks through its interior ministry, and an outbreak
whose toll follows two joined cities and whose agency warns of two neighbours, and a quake whose
government the items name by its ruling movement, and protests whose toll a rights commission
gives under its full name, its kind and its initials, and a missile strike whose first toll was
given "overnight", and a typhoon whose provincial governor each item names another way and whose
figures quoted in her words a pronoun inside the quote must not take. Each link here is
one the tracker must draw between two items' figures (tests/data/invented_threads.jsonl, written
for this project)."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.models import WireItem
from worker.pipeline import process_item
from worker.track.events import TrackedEvent
from worker.track.files import track_lines
from worker.track.settings import TrackerSettings

THREADS = Path(__file__).resolve().parent.parent / "data" / "invented_threads.jsonl"


def _unexpected(number: int, item: str | None, reason: str) -> None:
    raise AssertionError(f"line {number} of item {item} was refused: {reason}")


def _thread_events(prefix: str = "", window_seconds: float = 0) -> list[TrackedEvent]:
    """Every tracked event of the invented threads whose item ids start with `prefix`, extracted
    and tracked together (in file order, or in publication order with a window)."""
    items = [WireItem.model_validate_json(line) for line in THREADS.read_text(encoding="utf-8").splitlines()]
    lines = [
        event.model_dump_json()
        for item in items
        if item.id.startswith(prefix)
        for event in process_item(item)
    ]
    return track_lines(lines, window_seconds=window_seconds, on_invalid=_unexpected)


def _links(events: list[TrackedEvent]) -> list[tuple[str, str, float, str, float, str]]:
    """Each link as (event, previous item, previous value, current item, current value, source)."""
    return [
        (
            event.event,
            event.previous.item_id,
            event.previous.value,
            event.current.item_id,
            event.current.value,
            event.series.source,
        )
        for event in events
        if event.previous is not None
    ]


@pytest.fixture(scope="module")
def tracked() -> list[tuple[str, str, float, str, float, str]]:
    return _links(_thread_events())


def test_an_agency_named_three_ways_keeps_one_series_per_count(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    mozambique = {link for link in tracked if link[1].startswith("mz-")}
    assert mozambique == {
        ("value_updated", "mz-01", 14.0, "mz-02", 27.0, "mz-ingd"),
        ("value_updated", "mz-02", 27.0, "mz-03", 31.0, "mz-ingd"),
        ("value_updated", "mz-02", 41000.0, "mz-03", 48700.0, "mz-ingd"),
        ("value_revised_down", "mz-02", 8.0, "mz-03", 5.0, "mz-ingd"),
    }


def test_an_outbreaks_cases_chain_however_they_are_named(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    cases = {link for link in tracked if link[1].startswith("ch-") and link[2] > 1000}
    assert cases == {
        ("value_updated", "ch-01", 1240.0, "ch-02", 1980.0, "gov:zm:health-ministry"),
        ("value_updated", "ch-02", 1980.0, "ch-03", 2310.0, "gov:zm:health-ministry"),
    }


def test_a_refugee_count_is_the_refugee_agencys_in_the_host_country() -> None:
    items = [WireItem.model_validate_json(line) for line in THREADS.read_text(encoding="utf-8").splitlines()]
    events = [event for item in items if item.id.startswith("rf-") for event in process_item(item)]
    by_agency = [event for event in events if event.source and "UNHCR" in event.source.text]
    assert len(by_agency) >= 3
    for event in by_agency:
        assert event.resolved_source is not None and event.resolved_source.id == "unhcr"
    placed = [event.place.id for event in by_agency if event.value > 100_000 and event.place]
    assert placed and set(placed) == {"iso:MD"}
    # "a quarter of a million" in a headline is one figure, not a share and a separate million
    assert 1_000_000.0 not in {event.value for event in events}
    assert 250_000.0 in {event.value for event in events}


def test_a_toll_given_for_the_happening_in_a_province_chains_with_the_whole_events(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    assert ("value_updated", "sd-01", 40.0, "sd-02", 57.0, "name:doctor network sudan") in tracked


def test_a_rival_count_from_a_named_group_is_a_conflict() -> None:
    items = [WireItem.model_validate_json(line) for line in THREADS.read_text(encoding="utf-8").splitlines()]
    lines = [
        event.model_dump_json() for item in items if item.id.startswith("sd-") for event in process_item(item)
    ]
    conflicts = {
        frozenset((event.current.value, event.other.value))
        for event in track_lines(lines, window_seconds=0, on_invalid=_unexpected)
        if event.event == "sources_conflict" and event.other is not None
    }
    assert frozenset((57.0, 80.0)) in conflicts


def test_a_last_report_that_names_no_kind_of_happening_continues_the_toll(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    assert ("value_updated", "mn-02", 41.0, "mn-03", 43.0, "gov:tr:interior-ministry") in tracked
    assert ("value_updated", "bc-02", 14.0, "bc-03", 21.0, "ng-sema") in tracked
    # the miners still trapped are counted as missing, not among the dead
    assert not any(
        link[1].startswith("mn-") and link[2] == 49.0 and link[4] in (41.0, 43.0) for link in tracked
    )


def test_a_later_item_that_describes_a_body_by_its_members_continues_its_count(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    # "the doctors' group" in the third item is the Sudan Doctors Network the first two named
    assert ("value_updated", "sd-02", 57.0, "sd-03", 68.0, "name:doctor network sudan") in tracked


def test_a_description_two_bodies_fit_continues_neither() -> None:
    events = _track(
        [
            (
                "dn-1",
                "2026-03-01T08:00:00Z",
                "Floods in Velmaria killed 40 people, the Velmaria Doctors Network said.",
            ),
            (
                "dn-2",
                "2026-03-01T09:00:00Z",
                "Floods in Velmaria killed 45 people, the Velmaria Doctors Union said.",
            ),
            (
                "dn-3",
                "2026-03-02T08:00:00Z",
                "Floods in Velmaria have killed 52 people, the doctors' group said.",
            ),
        ]
    )
    assert {source for _, source, value in events if value == 52.0} == {"name:doctor group"}


def test_a_shorter_form_of_one_bodys_name_continues_it_but_not_when_two_fit() -> None:
    events = _track(
        [
            (
                "rv-1",
                "2026-03-01T08:00:00Z",
                "Floods in Velmaria killed 40 people, the Velmaria River Authority said.",
            ),
            (
                "rv-2",
                "2026-03-02T08:00:00Z",
                "Floods in Velmaria have killed 52 people, the River Authority said.",
            ),
        ]
    )
    assert ("value_updated", "name:authority river velmaria", 52.0) in events
    # must not match: two bodies whose names hold the shorter form leave it a series of its own
    events = _track(
        [
            (
                "rv-1",
                "2026-03-01T08:00:00Z",
                "Floods in Velmaria killed 40 people, the North River Authority said.",
            ),
            (
                "rv-2",
                "2026-03-01T09:00:00Z",
                "Floods in Velmaria killed 44 people, the South River Authority said.",
            ),
            (
                "rv-3",
                "2026-03-02T08:00:00Z",
                "Floods in Velmaria have killed 52 people, the River Authority said.",
            ),
        ]
    )
    assert {source for _, source, value in events if value == 52.0} == {"name:authority river"}


def _track(bodies: list[tuple[str, str, str]], *, window_seconds: float = 0) -> list[tuple[str, str, float]]:
    lines = [
        event.model_dump_json()
        for item_id, published, body in bodies
        for event in process_item(WireItem(id=item_id, published_at=published, body=body))
    ]
    return [
        (event.event, event.series.source, event.current.value)
        for event in track_lines(lines, window_seconds=window_seconds, on_invalid=_unexpected)
    ]


def test_a_bare_ministry_in_a_later_item_continues_the_one_ministry_keeping_the_count() -> None:
    events = _track(
        [
            (
                "rc-1",
                "2026-05-10T08:00:00Z",
                "A train crash in Slovakia killed 32 people, the interior ministry said.",
            ),
            (
                "rc-2",
                "2026-05-11T08:00:00Z",
                "The toll from the train crash in Slovakia rose to 35, the ministry said.",
            ),
        ]
    )
    assert ("value_updated", "gov:sk:interior-ministry", 35.0) in events


def test_a_bare_sheriff_in_a_later_item_continues_the_one_county_sheriff_keeping_the_count() -> None:
    later = "Floods in Ross County and Mill County, Texas: the toll in Velport rose to 24, the sheriff said."
    events = _track(
        [
            (
                "sh-1",
                "2026-05-10T08:00:00Z",
                "The Ross County sheriff said floods killed 23 people in Velport, Texas.",
            ),
            ("sh-2", "2026-05-11T08:00:00Z", later),
        ]
    )
    assert ("value_updated", "generic:ross county sheriff", 24.0) in events
    # must not match: with two counties' sheriffs keeping the count, a bare sheriff joins neither
    events = _track(
        [
            (
                "sh-1",
                "2026-05-10T08:00:00Z",
                "The Ross County sheriff said floods killed 23 people in Velport, Texas.",
            ),
            (
                "sh-2",
                "2026-05-10T09:00:00Z",
                "The Mill County sheriff said floods killed 22 people in Velport, Texas.",
            ),
            ("sh-3", "2026-05-11T08:00:00Z", later),
        ]
    )
    assert ("series_opened", "generic:sheriff", 24.0) in events


def test_a_part_of_a_set_named_after_it_opens_no_series() -> None:
    events = _track(
        [
            (
                "rc-1",
                "2026-05-10T08:00:00Z",
                "A train crash in Slovakia injured 85 people, the national railway company said. "
                "The interior ministry said 14 of the injured were in critical condition.",
            ),
        ]
    )
    assert [value for _, _, value in events] == [85.0]


def test_a_siege_toll_chains_across_a_city_its_region_and_a_headline_toll() -> None:
    events = _track(
        [
            (
                "fs-1",
                "2026-06-01T09:00:00Z",
                "At least 312 people have been killed in three days of shelling on El Fasher, Sudan's "
                "health ministry said. The Sudan Doctors Network put the toll at 350.",
            ),
            (
                "fs-2",
                "2026-06-02T09:00:00Z",
                "El Fasher death toll passes 400\n\nThe death toll from the bombardment of El Fasher in "
                "Sudan's North Darfur state has risen to 410, the Ministry of Health said. The doctors' "
                "group said at least 455 people had died.",
            ),
            (
                "fs-3",
                "2026-06-04T09:00:00Z",
                "A health ministry spokesman said 498 people had been killed in El Fasher since the siege "
                "began.",
            ),
        ]
    )
    links = {(source, value) for event, source, value in events if event == "value_updated"}
    assert {("gov:sd:health-ministry", 410.0), ("gov:sd:health-ministry", 498.0)} <= links
    assert ("name:doctor network sudan", 455.0) in links


def test_a_report_that_names_the_kind_continues_a_toll_first_given_without_it() -> None:
    events = _track(
        [
            (
                "sw-1",
                "2026-07-12T09:00:00Z",
                "The bodies of 19 migrants have been recovered off Zuwara in Libya, the IOM said.",
            ),
            (
                "sw-2",
                "2026-07-14T09:00:00Z",
                "The death toll from the shipwreck off Zuwara in Libya has risen to 33, the IOM said.",
            ),
        ]
    )
    assert ("value_updated", "iom", 33.0) in events
    # must not match: a toll of another kind of happening a month later is a series of its own
    events = _track(
        [
            ("sw-1", "2026-07-12T09:00:00Z", "Nineteen people have died in Zuwara in Libya, the IOM said."),
            ("sw-3", "2026-08-30T09:00:00Z", "Floods in Zuwara, Libya, have killed 33 people, the IOM said."),
        ]
    )
    assert [event for event, _, _ in events] == ["series_opened", "series_opened"]


def test_a_single_site_happenings_figure_is_the_events_in_the_town_or_the_country() -> None:
    events = _track(
        [
            (
                "sk-1",
                "2026-07-10T07:00:00Z",
                "A migrant boat capsized off the Libyan coast and at least 61 people are missing, "
                "the IOM said.",
            ),
            (
                "sk-2",
                "2026-07-10T16:00:00Z",
                "Libya shipwreck: 61 still missing\n\nThe IOM said 61 people were still missing after "
                "the boat sank off Zuwara.",
            ),
        ]
    )
    assert ("value_restated", "iom", 61.0) in events
    # must not match: a quake's toll in one town is not the country's
    events = _track(
        [
            (
                "eq-1",
                "2026-03-01T08:00:00Z",
                "An earthquake in Turkey killed 300 people, the AFAD agency said. In the city of Malatya, "
                "80 people died, the AFAD agency said.",
            ),
        ]
    )
    assert [event for event, _, _ in events] == ["series_opened", "series_opened"]


def test_a_revised_toll_is_announced_not_the_figure_it_replaced() -> None:
    events = _track(
        [
            (
                "bc-1",
                "2026-03-01T08:00:00Z",
                "At least 71 people were killed when a ferry capsized on Lake Kivu, Rwandan police said.",
            ),
            (
                "bc-2",
                "2026-03-02T08:00:00Z",
                "Rwandan police revised the toll from the Lake Kivu ferry disaster down to 63 from 71.",
            ),
            (
                "bc-3",
                "2026-03-03T08:00:00Z",
                "The toll from the Lake Kivu ferry disaster has fallen to 60, down from an earlier figure "
                "of 63, Rwandan police said.",
            ),
        ]
    )
    assert [(event, value) for event, _, value in events] == [
        ("series_opened", 71.0),
        ("value_revised_down", 63.0),
        ("value_revised_down", 60.0),
    ]


def test_an_outage_count_falls_under_one_tracker_however_it_is_introduced() -> None:
    events = _track(
        [
            (
                "ol-1",
                "2026-09-10T06:00:00Z",
                "Hurricane Ines made landfall in Louisiana, knocking out power to more than 520,000 "
                "customers, according to the outage tracker GridWatch.",
            ),
            (
                "ol-2",
                "2026-09-11T06:00:00Z",
                "About 330,000 customers in Louisiana remained without power after Hurricane Ines, down "
                "from a peak of 560,000, according to GridWatch.",
            ),
        ]
    )
    assert ("value_updated", "name:gridwatch", 330000.0) in events
    assert all(value != 560000.0 for _, _, value in events)


def test_a_fire_agencys_short_name_carries_its_acreage_from_item_to_item() -> None:
    events = _track(
        [
            (
                "fa-1",
                "2026-08-03T06:00:00Z",
                "A wildfire near Santa Rosa, California has burned about 9,000 acres, the Sierra "
                "Department of Forests and Fire Safety (Sierra Fire) said.",
            ),
            (
                "fa-2",
                "2026-08-04T06:00:00Z",
                "The wildfire near Santa Rosa, California has grown to 21,000 acres, Sierra Fire said.",
            ),
        ]
    )
    assert ("value_updated", "name:fire sierra", 21000.0) in events


def test_a_county_office_named_again_by_its_kind_continues_its_count() -> None:
    events = _track(
        [
            (
                "so-1",
                "2026-08-03T06:00:00Z",
                "Some 4,100 residents of Redding, California, were ordered to evacuate, the county "
                "sheriff's office said. One person died, the county coroner said.",
            ),
            (
                "so-2",
                "2026-08-04T06:00:00Z",
                "Evacuation orders now cover 9,800 people near Redding, California, according to the "
                "sheriff's office. The death toll rose to two, the coroner's office said.",
            ),
        ]
    )
    assert ("value_updated", "generic:sheriff", 9800.0) in events
    assert ("value_updated", "name:coroner county", 2.0) in events


def test_a_strikes_toll_chains_under_the_rescue_service_however_its_country_is_written() -> None:
    events = _track(
        [
            (
                "ms-1",
                "2026-04-14T07:00:00Z",
                "Missile strike on Kharkiv kills 8\n\nA Russian missile strike on an apartment block in "
                "Kharkiv killed eight people, Ukraine's State Emergency Service said.",
            ),
            (
                "ms-2",
                "2026-04-15T07:00:00Z",
                "The toll from Monday's strike on Kharkiv has risen to 13, the State Emergency Service "
                "said, as rescuers searched the rubble.",
            ),
        ]
    )
    assert ("value_updated", "ua-ses", 13.0) in events


def test_a_ministrys_revised_toll_and_a_un_agencys_own_count_stay_apart(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    deaths = {link for link in tracked if link[1].startswith("mw-") and link[2] < 100}
    # "The ministry's own update" is the health ministry the thread names; "revised ... down to 35
    # from 37" announces 35, never the recalled 37; the WHO's 38 opens a series of its own.
    assert deaths == {
        ("value_updated", "mw-01", 23.0, "mw-02", 31.0, "gov:mw:health-ministry"),
        ("value_updated", "mw-02", 31.0, "mw-03", 37.0, "gov:mw:health-ministry"),
        ("value_revised_down", "mw-03", 37.0, "mw-04", 35.0, "gov:mw:health-ministry"),
        ("value_updated", "mw-04", 35.0, "mw-05", 41.0, "gov:mw:health-ministry"),
    }


def test_a_body_named_in_full_in_part_and_through_its_officer_keeps_one_series(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    deaths = {link for link in tracked if link[1].startswith("bus-")}
    # "the Oregon State Patrol", "Capt. Dana Wells of the Oregon State Patrol", "A State Patrol
    # statement": one body, so the toll is one series and Monday's correction a revision down
    assert deaths == {
        ("value_updated", "bus-01", 12.0, "bus-02", 15.0, "name:oregon patrol state"),
        ("value_updated", "bus-02", 15.0, "bus-03", 17.0, "name:oregon patrol state"),
        ("value_revised_down", "bus-03", 17.0, "bus-04", 16.0, "name:oregon patrol state"),
    }


def test_a_figure_credited_to_no_one_does_not_continue_a_news_outlets_count() -> None:
    events = _track(
        [
            (
                "np-1",
                "2026-04-01T08:00:00Z",
                "Floods in Velmaria killed 40 people, the Velmaria Times reported.",
            ),
            ("np-2", "2026-04-02T08:00:00Z", "The toll from floods in Velmaria has reached 52."),
        ]
    )
    assert [value for _, _, value in events] == [40.0]
    # must not match: a body that keeps a count is still continued
    events = _track(
        [
            (
                "np-1",
                "2026-04-01T08:00:00Z",
                "Floods in Velmaria killed 40 people, the Velmaria Relief Board said.",
            ),
            ("np-2", "2026-04-02T08:00:00Z", "The toll from floods in Velmaria has reached 52."),
        ]
    )
    assert ("value_updated", "name:board relief velmaria", 52.0) in events


def test_a_police_rank_and_an_officers_title_keep_the_polices_counts_in_one_series(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    police = {link for link in tracked if link[1].startswith("ng-") and link[5] == "generic:police"}
    # "the Force Public Relations Officer (FPRO), ACP Olumuyiwa Adejobi", then "police spokesman
    # Olumuyiwa Adejobi", then "Police": one body, not a body called FPRO
    assert police == {
        ("value_updated", "ng-01", 681.0, "ng-02", 1150.0, "generic:police"),
        ("value_updated", "ng-02", 1150.0, "ng-03", 1457.0, "generic:police"),
        ("value_updated", "ng-01", 7.0, "ng-03", 9.0, "generic:police"),
    }


def test_a_national_toll_neither_updates_nor_disputes_a_citys_heatwave_toll(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    deaths = {
        link
        for link in tracked
        if link[1].startswith("hw-") and link[5] in ("pk-ndma", "name:edhi foundation")
    }
    # the charity's Karachi count and the disaster authority's count "across the country" are two
    # counts of two places: each its own chain (`test_a_national_toll_is_no_conflict_...` below)
    assert deaths == {
        ("value_updated", "hw-01", 18.0, "hw-02", 35.0, "name:edhi foundation"),
        ("value_updated", "hw-02", 35.0, "hw-03", 41.0, "name:edhi foundation"),
        ("value_updated", "hw-03", 41.0, "hw-04", 43.0, "name:edhi foundation"),
        ("value_updated", "hw-03", 60.0, "hw-04", 72.0, "pk-ndma"),
    }


def test_a_minister_named_later_by_surname_alone_continues_the_ministrys_count(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    cases = {link for link in tracked if link[1].startswith("ms-") and link[2] > 1000}
    # "Health Minister Elira Dosti", then "the health ministry", then "Dosti said": one count
    assert cases == {
        ("value_updated", "ms-01", 2100.0, "ms-02", 2640.0, "gov:al:health-ministry"),
        ("value_updated", "ms-02", 2640.0, "ms-03", 2910.0, "gov:al:health-ministry"),
        ("value_updated", "ms-03", 2910.0, "ms-04", 3050.0, "gov:al:health-ministry"),
    }


def test_a_national_toll_is_no_conflict_with_a_citys_toll() -> None:
    conflicts = [
        {event.series.source, event.other_series.source}
        for event in _thread_events("hw-")
        if event.event == "sources_conflict" and event.other_series is not None
    ]
    # the city's counts (the charity's, the health department's) dispute each other, never the
    # disaster authority's count for the whole country
    assert conflicts
    assert all("pk-ndma" not in pair for pair in conflicts)


def test_an_aid_pledge_raised_twice_is_one_chain_however_its_giver_and_purpose_are_named(
    tracked: list[tuple[str, str, float, str, float, str]],
) -> None:
    aid = {link for link in tracked if link[1].startswith("ad-") and link[5] == "eu-commission"}
    # "2.5 million euros in emergency humanitarian aid", then "raised its emergency humanitarian aid
    # ... to 13 million euros", then "total humanitarian aid ... 15 million euros, the commission said"
    assert aid == {
        ("value_updated", "ad-01", 2_500_000.0, "ad-02", 13_000_000.0, "eu-commission"),
        ("value_updated", "ad-02", 13_000_000.0, "ad-03", 15_000_000.0, "eu-commission"),
    }


def test_a_capitals_march_counts_dispute_each_other_never_the_countrys() -> None:
    conflicts = {
        (event.current.value, event.other.value)
        for event in _thread_events("pr-")
        if event.event == "sources_conflict" and event.other is not None
    }
    # the union's count in the capital disputes the police's or the ministry's count there, and
    # its national count the ministry's national one; a capital's count never disputes a country's
    assert (400_000.0, 81_000.0) in conflicts
    assert (1_700_000.0, 480_000.0) in conflicts
    capital = {81_000.0, 400_000.0, 37_000.0, 450_000.0, 119_000.0}
    national = {1_100_000.0, 1_280_000.0, 3_200_000.0, 480_000.0, 1_700_000.0, 1_090_000.0}
    assert all(not ({a, b} & capital and {a, b} & national) for a, b in conflicts)


def test_a_counts_exact_figure_is_announced_before_the_same_items_rounded_one() -> None:
    occurrences = [
        event.current.value
        for event in _thread_events("pr-", window_seconds=60)
        if event.current.item_id == "pr-04"
        and event.series.source == "gov:fr:interior-ministry"
        and event.series.category == "protesting"
    ]
    # "More than a million ..., putting the nationwide figure at 1.09 million": one value per series
    # and item, the exact one
    assert occurrences == [1_090_000.0]


def test_confirmed_cases_keep_a_series_apart_from_suspected_ones() -> None:
    events = _thread_events("mc-", window_seconds=60)
    cases = {link for link in _links(events) if link[2] > 400}
    # the ministry's suspected cases chain 1,240 -> 1,980 -> 3,115; its 1,104 confirmed cases ("1,104
    # cases had been confirmed") and the WHO's 902 ("confirmed cases had reached 902") are counts of
    # their own, never an update or a revision of the suspected ones
    assert cases == {
        ("value_updated", "mc-1", 1240.0, "mc-2", 1980.0, "gov:mw:health-ministry"),
        ("value_updated", "mc-2", 1980.0, "mc-4", 3115.0, "gov:mw:health-ministry"),
    }
    opened = [
        (event.series.counted, event.current.value)
        for event in events
        if event.event == "series_opened" and event.series.counted == "confirmed case"
    ]
    assert sorted(opened) == [("confirmed case", 902.0), ("confirmed case", 1104.0)]


def test_a_sheriffs_office_and_its_sheriff_keep_one_series_and_a_local_town_stays_at_home() -> None:
    events = _thread_events("wf-", window_seconds=60)
    # "Sheriff Dana Ortiz" and "the sheriff's office" in items that name one county are its police: two
    # missing, then four
    assert ("value_updated", "wf-02", 2.0, "wf-03", 4.0, "generic:tuolumne county sheriff") in _links(events)
    # "near Sonora" in a California item is the Californian town the gazetteer does not list, not
    # the Mexican state of that name
    killed = [event.series for event in events if event.series.category == "killed"]
    assert [(series.country, series.place) for series in killed] == [("us", "name:us:sonora")]


def test_a_shipwrecks_toll_chains_apart_from_the_years_running_total() -> None:
    events = _thread_events("sw-", window_seconds=60)
    links = _links(events)
    # the agency's toll 27 -> 48 -> 52 and its missing 21 -> 17, though the third item names the
    # happening only by "sank" and counts "migrants known to have died"
    assert ("value_updated", "sw-02", 27.0, "sw-03", 48.0, "iom") in links
    assert ("value_updated", "sw-03", 48.0, "sw-04", 52.0, "iom") in links
    assert ("value_revised_down", "sw-03", 21.0, "sw-04", 17.0, "iom") in links
    # "Some 2,300 people have died crossing ... so far this year" is the year's count, never the
    # wreck's: it opens a series of its own and updates nothing
    year = [event for event in events if event.current.value == 2300.0]
    assert [event.event for event in year] == ["series_opened"]
    assert year[0].series.place == "year-to-date"


def test_a_body_named_by_its_remit_under_other_heads_keeps_one_series() -> None:
    events = _thread_events("eq-", window_seconds=60)
    killed = [link for link in _links(events) if link[1].startswith("eq-") and link[0] != "sources_conflict"]
    # "the country's risk management secretariat", "the National Secretariat for Risk Management",
    # "Ecuador's risk management agency": one count, 14 -> 37 -> 52, revised down to 49, under the
    # listed agency's id
    national = "ec-sngr"
    assert ("value_updated", "eq-01", 14.0, "eq-02", 37.0, national) in killed
    assert ("value_updated", "eq-02", 37.0, "eq-03", 52.0, national) in killed
    assert ("value_revised_down", "eq-03", 52.0, "eq-04", 49.0, national) in killed
    assert not [event for event in events if event.event == "sources_conflict"]
    # people in 48 shelters are evacuated; hospital care is the ministry's count of the sick
    assert ("value_updated", "eq-03", 6400.0, "eq-04", 7150.0, national) in killed
    assert ("value_updated", "eq-03", 611.0, "eq-04", 640.0, "gov:ec:health-ministry") in killed


def _series_events(*bodies: str) -> list[str]:
    """The tracked events of items with these bodies, in order, conflicts left out."""
    items = [WireItem(id=f"b-{index}", body=body) for index, body in enumerate(bodies)]
    lines = [event.model_dump_json() for item in items for event in process_item(item)]
    events = track_lines(lines, window_seconds=0, on_invalid=_unexpected)
    return [event.event for event in events if event.event != "sources_conflict"]


def test_bodies_that_share_one_word_of_their_names_are_not_one_body() -> None:
    assert _series_events(
        "A quake killed 12 people in Ecuador, the Velmar Agency said.",
        "A quake killed 19 people in Ecuador, the Velmar Institute said.",
    ) == ["series_opened", "series_opened"]


def test_a_body_named_and_later_by_its_initials_keeps_one_series_in_its_own_country() -> None:
    events = _thread_events("mm-", window_seconds=60)
    links = _links(events)
    # "the shadow National Unity Government", then "The NUG put the toll at 59"
    unity = "name:government national unity"
    assert ("value_updated", "mm-01", 40.0, "mm-02", 47.0, unity) in links
    assert ("value_updated", "mm-02", 47.0, "mm-03", 59.0, unity) in links
    assert ("value_updated", "mm-02", 63.0, "mm-03", 71.0, unity) in links
    # "Unity" in the body's name is no South Sudanese state: every series is Myanmar's
    assert {event.series.country for event in events} == {"mm"}


def test_initials_that_spell_no_earlier_name_are_a_body_of_their_own() -> None:
    assert _series_events(
        "A quake killed 12 people in Ecuador, the Velmar Relief Board said.",
        "A quake killed 19 people in Ecuador, the VRC said.",
    ) == ["series_opened", "series_opened"]


def test_a_listed_body_named_under_other_heads_keeps_its_series() -> None:
    links = _links(_thread_events("xi-", window_seconds=60))
    # "the Department of Disaster Management", "the disaster management department", "Bangladesh's
    # disaster management directorate", "the government's disaster agency": one body's counts
    assert [link[2:5] for link in links if link[5] == "bd-ddm" and link[0] == "value_updated"] == [
        (1_200_000.0, "xi-02", 1_500_000.0),
        (40.0, "xi-02", 52.0),
        (1_500_000.0, "xi-03", 1_800_000.0),
        (52.0, "xi-03", 61.0),
        (61.0, "xi-04", 70.0),
    ]


def test_a_march_in_a_city_named_like_its_region_stays_apart_from_the_capitals() -> None:
    events = _thread_events("pt-", window_seconds=60)
    conflicts = {
        (event.series.place, event.current.value, event.other.value)
        for event in events
        if event.event == "sources_conflict" and event.other is not None
    }
    # Porto's district is no region around Lisbon: its counts dispute each other, not Lisbon's
    assert ("iso:PT-13", 30000.0, 8000.0) in conflicts
    assert ("", 120000.0, 25000.0) in conflicts
    # the first item is about Lisbon, the second about the country: the organisers' Lisbon count
    # is one series in both
    assert ("value_restated", "pt-01", 120000.0, "pt-02", 120000.0, "generic:organisers") in _links(events)
    # "Organisers stood by their figure of 120,000": the organisers' figure, not the police's
    assert {
        event.series.source
        for event in events
        if event.current.item_id == "pt-02" and event.current.value == 120000.0
    } == {"generic:organisers"}


def test_a_seat_of_government_and_its_capital_keep_one_series() -> None:
    assert _series_events(
        "Fighting near the border: the Kremlin said 1,200 soldiers had been killed in the region.",
        "Fighting near the border: Moscow said 1,450 soldiers had been killed in the region.",
    ) == ["series_opened", "value_updated"]
    # must not match: a house of another name is no seat, and keeps its own series
    assert _series_events(
        "Fighting near the border: the Kremlin said 1,200 soldiers had been killed in the region.",
        "Fighting near the border: the Velmar House said 1,450 soldiers had been killed in the region.",
    ) == ["series_opened", "series_opened"]


def test_a_countrys_armed_forces_named_three_ways_keep_one_series() -> None:
    assert _series_events(
        "Ukraine's General Staff said 940 Russian soldiers had been killed over the past day.",
        "The Ukrainian military said 1,010 Russian soldiers had been killed over the past day.",
        "The Armed Forces of Ukraine said 1,120 Russian soldiers had been killed over the past day.",
    ) == ["series_opened", "value_updated", "value_updated"]


def test_a_presidency_and_its_government_keep_one_series_and_a_clubs_president_stays_apart() -> None:
    assert _series_events(
        "Floods in Nigeria: the presidency said 210 people had been killed in the north.",
        "Floods in Nigeria: the Nigerian government said 236 people had been killed in the north.",
    ) == ["series_opened", "value_updated"]
    # must not match: the president of a club is no country's government
    assert _series_events(
        "Floods in Nigeria: the Nigerian government said 236 people had been killed in the north.",
        "Floods in Nigeria: the club's president said 250 people had been killed in the north.",
    ) == ["series_opened", "series_opened"]


def test_a_national_societys_initials_and_the_government_alone_join_their_series() -> None:
    links = _links(_thread_events("ke-", window_seconds=60))
    # "KRCS", undefined in its own item, is the Kenya Red Cross Society another item names in full
    assert ("value_updated", "ke-02", 24000.0, "ke-03", 31500.0, "red-cross:ke") in links
    # "The government said" in an item that names one national body (the interior ministry)
    assert ("value_updated", "ke-04", 120.0, "ke-05", 169.0, "gov:ke:interior-ministry") in links
    # must not match: police named alone keep a series of their own
    assert not any(link[-1] == "generic:police" for link in links)


def test_an_outbreaks_counts_chain_past_joined_cities_other_countries_and_a_revised_clause() -> None:
    links = _links(_thread_events("mw-", window_seconds=60))
    # "schools in Blantyre and Lilongwe stayed shut as the toll reached 594": no one city's toll
    assert ("value_updated", "mw-02", 520.0, "mw-03", 594.0, "gov:mw:health-ministry") in links
    # "lowered its count of cases ..., but said deaths had risen to 750": deaths, not cases
    assert ("value_updated", "mw-03", 594.0, "mw-05", 750.0, "gov:mw:health-ministry") in links
    opened = [
        (event.series.source, event.current.value)
        for event in _thread_events("mw-", window_seconds=60)
        if event.event == "series_opened"
    ]
    # countries joined in a warning's clause leave the agency's own figure a series
    assert ("who", 704.0) in opened
    # must not match: the cases the ministry confirmed keep a series apart from its other counts
    assert ("gov:mw:health-ministry", 16200.0) in opened


def test_a_government_named_by_its_ruling_movement_keeps_its_counts_in_one_series() -> None:
    links = _links(_thread_events("af-", window_seconds=60))
    # "a spokesman for the Taliban administration", then "Taliban government spokesman ..."
    assert ("value_updated", "af-01", 250.0, "af-02", 800.0, "gov:af:government") in links
    # "the Taliban's ministry of disaster management", then "Afghanistan's disaster management authority"
    assert ("value_updated", "af-03", 1100.0, "af-04", 1411.0, "gov:af:disaster-management-ministry") in links
    # the WHO "citing figures from the Afghan authorities" relays the authorities' count
    assert ("value_updated", "af-05", 2205.0, "af-06", 2217.0, "gov:af:disaster-management-ministry") in links
    # must not match: OCHA's own count of the affected joins no government series
    assert not any(12000.0 in (link[2], link[4]) for link in links)


def test_a_rights_commission_named_in_full_by_kind_and_by_initials_keeps_one_series() -> None:
    links = _links(_thread_events("kp-", window_seconds=60))
    # "the Kenya National Commission on Human Rights (KNCHR)", "the national human rights commission"
    assert ("value_updated", "kp-01", 8.0, "kp-02", 16.0, "rights-commission:ke") in links
    # "KNCHR said" in an item that does not spell it out
    assert ("value_updated", "kp-02", 16.0, "kp-03", 19.0, "rights-commission:ke") in links
    # must not match: Amnesty's count of arrests is no figure of the commission's
    assert not any(link[-1] == "rights-commission:ke" and link[2] == 61.0 for link in links)


def test_a_strikes_overnight_toll_is_its_first_total_not_a_nights_increment() -> None:
    links = _links(_thread_events("ua-", window_seconds=60))
    # "a Russian missile strike on Odesa killed 12 people and wounded 45 overnight"
    assert ("value_updated", "ua-01", 45.0, "ua-02", 52.0, "person:o kpr") in links
    assert ("value_updated", "ua-01", 12.0, "ua-02", 16.0, "person:o kpr") in links
    # "governor Kiper said" in an item that gives no first name is the governor named in full before
    assert ("value_updated", "ua-02", 16.0, "ua-05", 21.0, "person:o kpr") in links
    # must not match: the UN mission's month of civilian deaths is no update of the strike's toll
    assert not any(link[3] == "ua-04" for link in links)


def test_a_governors_provincial_toll_chains_apart_from_the_national_one() -> None:
    events = _thread_events("gv-", window_seconds=60)
    links = _links(events)
    # "Cebu Governor Lina Marquez" quoted, "Gov. Lina Marquez of Cebu province, in the island chain's
    # middle", then "Cebu Governor Lina Marquez said ... across her province"
    assert ("value_updated", "gv-01", 22.0, "gv-02", 37.0, "person:l mrqz") in links
    assert ("value_updated", "gv-02", 37.0, "gv-03", 51.0, "person:l mrqz") in links
    # her quote's 12 missing are hers, not the council's named before it
    assert ("value_restated", "gv-01", 12.0, "gv-02", 12.0, "person:l mrqz") in links
    assert ("value_updated", "gv-02", 68.0, "gv-03", 93.0, "name:council disaster national") in links
    # must not match: a province's toll disputes no national one
    assert not any(event.event == "sources_conflict" for event in events)


def test_what_a_count_may_come_to_is_not_its_value() -> None:
    events = _track(
        [
            (
                "pj-1",
                "2026-07-02T08:00:00Z",
                "The head of the Norland Red Cross said the toll from the floods in Norland was at 150 and"
                " expected to hit 250.",
            ),
            (
                "pj-2",
                "2026-07-03T08:00:00Z",
                "Floods in Norland have killed 210 people, the Norland Red Cross said.",
            ),
        ],
        # the tracker's window orders an item's figures largest first: the projection came first
        window_seconds=TrackerSettings().reorder_window_seconds,
    )
    values = [(kind, value) for kind, _, value in events]
    assert ("value_updated", 210.0) in values
    # must not match: the projection is neither the series' value nor a revision from it
    assert all(value != 250.0 for _, value in values)
    assert ("value_revised_down", 210.0) not in values
