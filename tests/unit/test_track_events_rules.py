"""Events and occurrences: non-cumulative counts, event gaps, place scope, vague sources, reordering."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from worker.models import ClaimEvent, ResolvedSource
from worker.track.files import track_lines
from worker.track.keys import UNATTRIBUTED, SeriesParts, series_parts
from worker.track.normalize import counted_thing, is_increment
from worker.track.reorder import ReorderBuffer
from worker.track.rules import Observation, Point, SeriesState, apply, figures_disagree, find_conflicts

START = datetime(2026, 4, 1, 9, tzinfo=UTC)
CROWD = SeriesParts(category="protesting", counted="person", place="", source="acr:glu", country="vl")
TOLL = SeriesParts(category="killed", counted="person", place="", source="vl-ndma", country="vl")


def point(value: float, hours: float, item: str | None = None) -> Point:
    return Point(
        claim_id=f"c-{value}-{hours}",
        item_id=item or f"i-{hours}",
        value=value,
        value_high=None,
        qualifier="exact",
        published_at=START + timedelta(hours=hours),
    )


def kinds(parts: SeriesParts, points: list[Point]) -> list[str]:
    state = SeriesState(parts=parts)
    return [e.kind for p in points for e in apply(state, Observation(parts=parts, point=p))]


def test_a_new_days_crowd_is_a_new_occurrence_never_an_update() -> None:
    state = SeriesState(parts=CROWD)
    apply(state, Observation(parts=CROWD, point=point(50_000, 0)))
    [event] = apply(state, Observation(parts=CROWD, point=point(80_000, 24 * 7)))
    assert (event.kind, event.previous) == ("occurrence_recorded", None)
    assert kinds(CROWD, [point(50_000, 0), point(80_000, 24)]) == ["series_opened", "occurrence_recorded"]


def test_a_crowd_counted_months_later_is_another_occurrence_of_the_same_series() -> None:
    months = 24 * 90
    assert kinds(CROWD, [point(50_000, 0), point(80_000, months)]) == ["series_opened", "occurrence_recorded"]
    assert kinds(CROWD, [point(50_000, 0), point(50_000, months)]) == ["series_opened", "occurrence_recorded"]


def test_the_same_crowd_repeated_days_later_is_restated() -> None:
    assert kinds(CROWD, [point(50_000, 0), point(50_000, 72)]) == ["series_opened", "value_restated"]


def test_a_toll_rising_over_weeks_is_one_series_but_a_later_disaster_starts_over() -> None:
    assert kinds(TOLL, [point(100, 0), point(300, 24 * 20)]) == ["series_opened", "value_updated"]
    assert kinds(TOLL, [point(100, 0), point(300, 24 * 45)]) == ["series_opened", "series_opened"]


def test_a_days_increment_never_chains_with_the_running_total() -> None:
    assert is_increment("Another 22 people died overnight, bringing the toll to 500.", "22")
    assert not is_increment("Another 22 people died overnight, bringing the toll to 500.", "500")
    assert is_increment("The toll rose to 1,870, with 95 in the past 24 hours.", "95")
    assert not is_increment("The toll rose to 1,870, with 95 in the past 24 hours.", "1,870")
    assert is_increment("The toll rose by 40 to 310.", "40")
    assert not is_increment("The toll rose by 40 to 310.", "310")
    # The total a change reached over a night or a day is a total, not what the night added.
    assert not is_increment("The toll rose to 1,870 overnight.", "1,870")
    assert not is_increment("The count reached more than 300 in the past 24 hours.", "300")
    assert is_increment("Floods killed 40 overnight, officials said.", "40")


@pytest.mark.parametrize(
    "sentence",
    [
        "A missile strike on the port killed 12 people and wounded 45 overnight.",
        "The quake killed 45 people overnight, officials said.",
        "Saturday's blast at the depot left 45 injured overnight.",
    ],
)
def test_one_happenings_toll_given_overnight_is_its_total(sentence: str) -> None:
    assert not is_increment(sentence, "45")
    # must not match: attacks counted night by night give what each night added
    assert is_increment("Drone attacks killed 45 civilians overnight.", "45")


def test_an_officials_figure_never_disputes_a_named_bodys_figure() -> None:
    named = SeriesState(parts=TOLL, current=point(300, 0))
    vague_parts = SeriesParts(
        category="killed", counted="person", place="", source="generic:officials", country="vl"
    )
    vague = SeriesState(parts=vague_parts, current=point(150, 1))
    other_body = SeriesParts(category="killed", counted="person", place="", source="un-ocha", country="vl")
    assert find_conflicts(vague, [named]) == []
    district = SeriesParts(
        category="killed", counted="person", place="", source="generic:district officials", country="vl"
    )
    assert find_conflicts(SeriesState(parts=district, current=point(150, 1)), [named]) == []
    assert [
        e.kind for e in find_conflicts(SeriesState(parts=other_body, current=point(150, 1)), [named])
    ] == ["sources_conflict"]


def test_what_witnesses_or_residents_saw_never_disputes_a_named_bodys_figure() -> None:
    named = SeriesState(parts=TOLL, current=point(300, 0))
    for source in ("generic:witnesses", "generic:residents"):
        parts = SeriesParts(category="killed", counted="person", place="", source=source, country="vl")
        assert find_conflicts(SeriesState(parts=parts, current=point(150, 1)), [named]) == []


def claim(
    value: float, hours: float, *, item: str, place: dict[str, object] | None, event: dict[str, object]
) -> ClaimEvent:
    return ClaimEvent.model_validate(
        {
            "claim_id": f"{item}-{value}",
            "item_id": item,
            "published_at": START + timedelta(hours=hours),
            "extractor_version": "test",
            "value": value,
            "qualifier": "exact",
            "quantity_text": f"{value:g}",
            "counted": "people",
            "category": "killed",
            "source": {"text": "the NDMA", "normalized": "ndma", "type": "government"},
            "evidence": {"sentence": f"{value:g} people died.", "start": 0, "end": 3},
            "resolved_source": {"id": "pk-ndma", "name": "ndma"},
            "place": place,
            "event_place": event,
            "event_kind": "storm-flood",
        }
    )


COUNTRY = {"id": "iso:PK", "name": "Pakistan", "level": "country", "country": "PK"}
REGION = {"id": "iso:PK-SD", "name": "Sindh", "level": "region", "country": "PK", "parent": "iso:PK"}


def test_amounts_of_money_from_two_sources_are_not_disputed() -> None:
    money = SeriesParts(category="other", counted="usd", place="", source="vl-ndma", country="vl")
    other = SeriesParts(category="other", counted="usd", place="", source="acr:vfa", country="vl")
    first = SeriesState(parts=money, current=point(9_000_000, 0))
    second = SeriesState(parts=other, current=point(2_000_000, 1))
    assert find_conflicts(first, [second]) == []
    # The same gap between two bodies' tolls is a dispute.
    toll = SeriesState(parts=TOLL, current=point(900, 0))
    rival = SeriesParts(category="killed", counted="person", place="", source="acr:vfa", country="vl")
    assert find_conflicts(toll, [SeriesState(parts=rival, current=point(200, 1))]) != []


def test_a_regions_figure_has_its_own_series_beside_the_countrys() -> None:
    national = series_parts(claim(900, 0, item="a", place=COUNTRY, event=COUNTRY))
    regional = series_parts(claim(300, 0, item="a", place=REGION, event=COUNTRY))
    assert national is not None and regional is not None
    assert national.place == "" and regional.place == "iso:PK-SD"
    assert national.subject_key != regional.subject_key


def test_a_provincial_bodys_unplaced_figure_is_its_own_areas_not_the_countrys() -> None:
    national = series_parts(claim(900, 0, item="a", place=COUNTRY, event=COUNTRY))
    provincial = claim(300, 0, item="a", place=COUNTRY, event=COUNTRY)
    for body in ("pk-pdma", "generic:district officials"):
        parts = series_parts(
            provincial.model_copy(update={"resolved_source": ResolvedSource(id=body, name=body)})
        )
        assert parts is not None and national is not None
        assert parts.place == f"area-of:{body}" and parts.subject_key != national.subject_key
    # A national generic source stays the country's.
    officials = provincial.model_copy(
        update={"resolved_source": ResolvedSource(id="generic:officials", name="o")}
    )
    assert (series_parts(officials) or national).place == ""


def test_a_figure_for_the_areas_one_side_holds_is_not_the_whole_countrys() -> None:
    whole = claim(900, 0, item="a", place=COUNTRY, event=COUNTRY)

    def scope(sentence: str) -> str:
        evidence = whole.evidence.model_copy(update={"sentence": sentence})
        parts = series_parts(whole.model_copy(update={"evidence": evidence}))
        assert parts is not None
        return parts.place

    assert scope("900 people died in government-held areas, the ministry said.") == "held-areas"
    assert scope("900 died in towns under the control of rebels.") == "held-areas"
    # Both sides' areas together are the whole country.
    assert scope("900 died in areas held by the government and the opposition.") == ""
    assert scope("900 people died, the ministry said.") == ""
    # Where the source sits is not what the figure covers.
    assert scope("900 people died, said officials from the rebel-held north.") == ""


def test_the_event_place_named_in_a_sentence_is_the_event_as_a_whole() -> None:
    stated = series_parts(claim(300, 0, item="a", place=REGION, event=REGION))
    unstated = series_parts(claim(300, 0, item="a", place=None, event=REGION))
    assert stated is not None and unstated is not None
    assert stated.series_key == unstated.series_key


def test_the_reorder_window_releases_in_publication_order_once_quiet() -> None:
    buffer: ReorderBuffer[int] = ReorderBuffer(window_seconds=5, max_hold_seconds=60)
    for index, hours in enumerate((48, 0, 24)):
        observation = Observation(parts=TOLL, point=point(100 + hours, hours))
        buffer.add(observation, index, now=float(index))
    assert buffer.due(now=3.0) == []
    assert buffer.due(now=7.5) == [1, 2, 0]
    assert len(buffer) == 0


def test_an_items_named_figures_are_released_before_those_credited_to_no_one() -> None:
    # "The agency said 62 died. Around 100 people had died, the report stated." A figure credited
    # to no one must meet the item's named figure first, so it never updates the series before it.
    unattributed = replace(TOLL, source=UNATTRIBUTED)
    buffer: ReorderBuffer[str] = ReorderBuffer(window_seconds=5, max_hold_seconds=60)
    buffer.add(Observation(parts=unattributed, point=point(100, 0, item="a")), "no one", now=0.0)
    buffer.add(Observation(parts=TOLL, point=point(62, 0, item="a")), "agency", now=0.0)
    assert buffer.due(now=6.0) == ["agency", "no one"]


def test_the_longest_hold_releases_a_steady_stream() -> None:
    buffer: ReorderBuffer[int] = ReorderBuffer(window_seconds=5, max_hold_seconds=10)
    for second in range(12):
        buffer.add(Observation(parts=TOLL, point=point(second, second)), second, now=float(second))
    assert len(buffer.due(now=11.0)) == 12


def test_a_file_out_of_order_links_like_the_same_file_in_order() -> None:
    claims = [
        claim(100, 0, item="a", place=COUNTRY, event=COUNTRY),
        claim(250, 24, item="b", place=COUNTRY, event=COUNTRY),
        claim(400, 48, item="c", place=COUNTRY, event=COUNTRY),
    ]
    lines = [c.model_dump_json() for c in claims]
    errors: list[int] = []

    def invalid(number: int, item: str | None, error: str) -> None:
        errors.append(number)

    in_order = track_lines(lines, window_seconds=5, on_invalid=invalid)
    shuffled = track_lines([lines[2], lines[0], "{not json", lines[1]], window_seconds=5, on_invalid=invalid)
    assert [e.event for e in in_order] == ["series_opened", "value_updated", "value_updated"]
    assert [e.event_id for e in shuffled] == [e.event_id for e in in_order]
    assert errors == [3]


def test_an_upper_bound_disputes_a_figure_far_below_it_but_not_one_close_to_it() -> None:
    nearly = Point(
        claim_id="n",
        item_id="a",
        value=2_000_000,
        value_high=None,
        qualifier="upper_bound",
        published_at=START,
    )
    assert figures_disagree(nearly, point(750_000, 1))
    assert not figures_disagree(nearly, point(1_900_000, 1))


def test_figures_far_apart_count_different_things_not_a_dispute() -> None:
    assert figures_disagree(point(450_000, 0), point(37_000, 1))
    assert not figures_disagree(point(3_500_000, 0), point(81_000, 1))


def test_counted_phrases_that_only_qualify_people_fold_to_person() -> None:
    assert counted_thing("dead persons", None, "killed") == "person"
    assert counted_thing("deaths owing to the rains", None, "killed") == "person"
    assert counted_thing("the death toll", None, "killed") == "person"
    assert counted_thing("injuries", None, "injured") == "person"
    assert counted_thing("women", None, "killed") == "woman"


def test_a_magnitude_or_a_distance_opens_no_series() -> None:
    base = claim(5.9, 0, item="a", place=COUNTRY, event=COUNTRY)
    magnitude = base.model_copy(update={"category": "other", "unit": "magnitude", "counted": "earthquake"})
    distance = base.model_copy(update={"category": "other", "unit": "km", "counted": None})
    money = base.model_copy(update={"category": "other", "unit": "USD", "counted": "aid"})
    assert series_parts(magnitude) is None
    assert series_parts(distance) is None
    assert series_parts(money) is not None


def test_a_percentage_opens_no_series() -> None:
    base = claim(12, 0, item="a", place=COUNTRY, event=COUNTRY)
    share = base.model_copy(update={"category": "other", "unit": "percent", "counted": "nurses"})
    assert series_parts(share) is None
