"""Tracking rules on plain claim sequences: what each new figure announces, and what it must not."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from timeline import expected_timeline_events, summary

from worker.models import ClaimEvent
from worker.track.events import SeriesSnapshot, TrackedEvent
from worker.track.keys import UNATTRIBUTED, SeriesParts
from worker.track.rules import (
    CONFLICT_WINDOW,
    HISTORY_LIMIT,
    Observation,
    Point,
    SeriesState,
    TrackEvent,
    apply,
    figures_disagree,
    find_conflicts,
    observation_from_event,
)
from worker.track.store import SeriesStore

DATA = Path(__file__).parent.parent / "data"
START = datetime(2026, 3, 2, 9, tzinfo=UTC)
MINISTRY = SeriesParts(category="killed", counted="person", place="velmora", source="velmora health ministry")
ARMY = SeriesParts(category="killed", counted="person", place="velmora", source="national army")
NO_ONE = SeriesParts(category="killed", counted="person", place="velmora", source=UNATTRIBUTED)
OFFICIALS = SeriesParts(category="killed", counted="person", place="velmora", source="generic:officials")


def observe(  # noqa: PLR0913  test builder: every field by name, most with defaults
    parts: SeriesParts,
    value: float,
    *,
    hours: float = 0,
    claim_id: str | None = None,
    item_id: str | None = None,
    qualifier: str = "exact",
    value_high: float | None = None,
) -> Observation:
    claim_id = claim_id or f"{parts.source}-{value}-{hours}"
    point = Point(
        claim_id=claim_id,
        item_id=item_id or f"item-{claim_id}",
        value=value,
        value_high=value_high,
        qualifier=qualifier,
        published_at=START + timedelta(hours=hours),
    )
    return Observation(parts=parts, point=point)


def kinds(events: list[TrackEvent]) -> list[str]:
    return [e.kind for e in events]


def test_first_figure_opens_the_series() -> None:
    state = SeriesState(parts=MINISTRY)
    events = apply(state, observe(MINISTRY, 412))
    assert kinds(events) == ["series_opened"]
    assert state.current is not None and state.current.value == 412


def test_a_higher_figure_is_an_update_with_previous_value_and_delta() -> None:
    state = SeriesState(parts=MINISTRY)
    apply(state, observe(MINISTRY, 412, claim_id="a", item_id="day1"))
    [event] = apply(state, observe(MINISTRY, 530, hours=24, claim_id="b", item_id="day2"))
    assert event.kind == "value_updated"
    assert event.previous is not None and event.previous.value == 412 and event.previous.item_id == "day1"
    assert event.delta == 118
    assert event.claim_ids == ("b", "a")


def test_the_same_figure_in_a_later_item_is_a_restatement() -> None:
    state = SeriesState(parts=MINISTRY)
    apply(state, observe(MINISTRY, 530, claim_id="a"))
    assert kinds(apply(state, observe(MINISTRY, 530, hours=6, claim_id="b"))) == ["value_restated"]


def test_a_lower_cumulative_count_is_a_revision_down() -> None:
    displaced = SeriesParts(
        category="displaced", counted="person", place="velmora", source="un refugee agency"
    )
    state = SeriesState(parts=displaced)
    apply(state, observe(displaced, 185_000))
    [event] = apply(state, observe(displaced, 160_000, hours=72))
    assert event.kind == "value_revised_down"
    assert event.delta == -25_000


def test_a_lower_figure_of_a_count_that_may_fall_is_an_update() -> None:
    hostages = SeriesParts(category="abducted", counted="hostage", place="velmora", source="national army")
    state = SeriesState(parts=hostages)
    apply(state, observe(hostages, 240))
    assert kinds(apply(state, observe(hostages, 200, hours=48))) == ["value_updated"]


def test_a_late_older_item_is_recorded_but_not_announced() -> None:
    state = SeriesState(parts=MINISTRY)
    apply(state, observe(MINISTRY, 687, hours=0, claim_id="day1"))
    apply(state, observe(MINISTRY, 802, hours=24, claim_id="day2"))
    events = apply(state, observe(MINISTRY, 700, hours=11, claim_id="late"))
    assert events == []
    assert state.current is not None and state.current.claim_id == "day2"
    assert [p.claim_id for p in state.history] == ["day1", "late", "day2"]
    [event] = apply(state, observe(MINISTRY, 900, hours=48, claim_id="day3"))
    assert event.previous is not None and event.previous.claim_id == "day2"


def test_a_claim_seen_before_is_a_no_op() -> None:
    state = SeriesState(parts=MINISTRY)
    apply(state, observe(MINISTRY, 412, claim_id="a"))
    apply(state, observe(MINISTRY, 530, hours=24, claim_id="b"))
    before = (state.current, list(state.history))
    assert apply(state, observe(MINISTRY, 412, claim_id="a")) == []
    assert apply(state, observe(MINISTRY, 530, hours=24, claim_id="b")) == []
    assert (state.current, state.history) == before


def test_a_smaller_figure_beside_the_toll_in_the_same_item_is_not_a_revision() -> None:
    state = SeriesState(parts=MINISTRY)
    apply(state, observe(MINISTRY, 687, claim_id="toll", item_id="bulletin"))
    assert apply(state, observe(MINISTRY, 157, claim_id="last-24h", item_id="bulletin")) == []
    assert state.current is not None and state.current.claim_id == "toll"


def test_history_is_bounded_and_keeps_the_newest() -> None:
    state = SeriesState(parts=MINISTRY)
    for day in range(HISTORY_LIMIT + 10):
        apply(state, observe(MINISTRY, 100 + day, hours=24 * day, claim_id=f"d{day}"))
    assert len(state.history) == HISTORY_LIMIT
    assert state.history[0].claim_id == "d10"
    assert state.history[-1].claim_id == f"d{HISTORY_LIMIT + 9}"


def test_applying_a_claim_of_another_series_is_refused() -> None:
    state = SeriesState(parts=MINISTRY)
    with pytest.raises(ValueError, match="national army"):
        apply(state, observe(ARMY, 1))


def test_a_follow_up_that_names_no_kind_of_happening_continues_the_one_series_that_did() -> None:
    store = SeriesStore()
    quake = replace(MINISTRY, kind="earthquake")
    store.track(observe(quake, 41, hours=0))
    result = store.track(observe(MINISTRY, 43, hours=20))
    assert kinds(result.events) == ["value_updated"]
    assert result.changed is not None and result.changed.parts == quake
    # past the event gap, or beside a second kind's series, a kindless figure opens its own series
    late = store.track(observe(MINISTRY, 45, hours=24 * 60))
    assert late.changed is not None and late.changed.parts == MINISTRY
    store = SeriesStore()
    store.track(observe(quake, 41, hours=0))
    store.track(observe(replace(MINISTRY, kind="storm-flood"), 12, hours=1))
    both = store.track(observe(MINISTRY, 43, hours=20))
    assert kinds(both.events) == ["series_opened"]


def test_conflict_within_window_and_beyond_threshold_names_both_sources() -> None:
    store = SeriesStore()
    store.track(observe(MINISTRY, 687, hours=0, claim_id="m"))
    result = store.track(observe(ARMY, 450, hours=4, claim_id="a", qualifier="approximate"))
    assert kinds(result.events) == ["series_opened", "sources_conflict"]
    conflict = result.events[1]
    assert conflict.parts == ARMY and conflict.other_parts == MINISTRY
    assert conflict.claim_ids == ("a", "m")


def test_a_restatement_repeats_no_conflict_already_weighed() -> None:
    store = SeriesStore()
    store.track(observe(MINISTRY, 687, hours=0))
    store.track(observe(ARMY, 450, hours=2))
    assert kinds(store.track(observe(MINISTRY, 687, hours=5)).events) == ["value_restated"]
    # must not match: a peer's figure stated past the window of the repeated one was never weighed
    # against it
    later = CONFLICT_WINDOW.total_seconds() / 3600 + 10
    store.track(observe(ARMY, 460, hours=later))
    restated = store.track(observe(MINISTRY, 687, hours=later + 1))
    assert kinds(restated.events) == ["value_restated", "sources_conflict"]


def test_no_conflict_outside_the_window() -> None:
    store = SeriesStore()
    store.track(observe(MINISTRY, 687, hours=0))
    hours_later = CONFLICT_WINDOW.total_seconds() / 3600 + 1
    assert kinds(store.track(observe(ARMY, 450, hours=hours_later)).events) == ["series_opened"]


def test_no_conflict_within_the_threshold() -> None:
    store = SeriesStore()
    store.track(observe(MINISTRY, 1000, hours=0))
    assert kinds(store.track(observe(ARMY, 950, hours=2)).events) == ["series_opened"]


def test_no_conflict_between_different_subjects() -> None:
    children = SeriesParts(category="killed", counted="child", place="velmora", source="national army")
    store = SeriesStore()
    store.track(observe(MINISTRY, 1000, hours=0))
    assert kinds(store.track(observe(children, 140, hours=1)).events) == ["series_opened"]


def test_a_lower_bound_is_not_contradicted_by_a_higher_figure() -> None:
    at_least = Point("a", "i", 1000, None, "lower_bound", START)
    exact = Point("b", "j", 1012, None, "exact", START)
    assert not figures_disagree(at_least, exact)
    assert figures_disagree(Point("c", "k", 1500, None, "lower_bound", START), exact)


def test_ranges_conflict_only_when_they_are_far_apart() -> None:
    low_range = Point("a", "i", 100, 150, "range", START)
    assert not figures_disagree(low_range, Point("b", "j", 160, None, "exact", START))
    assert figures_disagree(low_range, Point("c", "k", 200, None, "exact", START))


def test_a_late_claim_raises_no_conflict() -> None:
    store = SeriesStore()
    store.track(observe(ARMY, 450, hours=24))
    store.track(observe(MINISTRY, 802, hours=24, claim_id="today"))
    assert store.track(observe(MINISTRY, 700, hours=20, claim_id="late")).events == []


def test_find_conflicts_ignores_the_series_itself() -> None:
    state = SeriesState(parts=MINISTRY)
    apply(state, observe(MINISTRY, 100))
    assert find_conflicts(state, [state]) == []


def load_timeline() -> list[ClaimEvent]:
    lines = (DATA / "timeline.jsonl").read_text(encoding="utf-8").splitlines()
    return [ClaimEvent.model_validate_json(line) for line in lines]


def run_timeline(claims: list[ClaimEvent]) -> tuple[SeriesStore, list[TrackedEvent]]:
    store = SeriesStore()
    announced = []
    for claim in claims:
        observation = observation_from_event(claim, START)
        if observation is not None:
            announced.extend(TrackedEvent.of(e) for e in store.track(observation).events)
    return store, announced


def test_the_timeline_announces_exactly_the_expected_timeline_events() -> None:
    _, announced = run_timeline(load_timeline())
    assert [summary(e) for e in announced] == expected_timeline_events()


def test_replaying_the_timeline_announces_nothing_more() -> None:
    claims = load_timeline()
    store, _ = run_timeline(claims)
    for claim in claims:
        observation = observation_from_event(claim, START)
        if observation is not None:
            assert store.track(observation).events == []


def test_series_state_round_trips_through_its_snapshot() -> None:
    store, _ = run_timeline(load_timeline())
    for state in store:
        restored = SeriesSnapshot.model_validate_json(SeriesSnapshot.of(state).model_dump_json()).state()
        assert restored == state


def test_event_ids_are_deterministic_and_distinct() -> None:
    _, first = run_timeline(load_timeline())
    _, second = run_timeline(load_timeline())
    assert [e.event_id for e in first] == [e.event_id for e in second]
    assert len({e.event_id for e in first}) == len(first)


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 500), st.integers(0, 200)), max_size=40))
def test_a_restored_store_announces_nothing_for_claims_it_has_seen(
    steps: list[tuple[int, int, int]],
) -> None:
    sources = ["a", "b", "c", "d"]
    observations = [
        observe(
            SeriesParts(category="killed", counted="person", place="p", source=sources[s]),
            value,
            hours=hour,
            claim_id=f"{s}-{value}-{hour}",
        )
        for s, value, hour in steps
    ]
    store = SeriesStore()
    for observation in observations:
        store.track(observation)
    restored = SeriesStore()
    for state in store:
        restored.put(SeriesSnapshot.model_validate_json(SeriesSnapshot.of(state).model_dump_json()).state())
    for observation in observations:
        assert restored.track(observation).events == []


@given(st.permutations(list(range(12))), st.lists(st.integers(0, 2_000), min_size=12, max_size=12))
def test_arrival_order_never_decides_the_current_value(order: list[int], values: list[int]) -> None:
    observations = [
        observe(MINISTRY, values[day], hours=24 * day, claim_id=f"d{day}", item_id=f"bulletin-{day}")
        for day in range(12)
    ]
    state = SeriesState(parts=MINISTRY)
    announced = [event for day in order for event in apply(state, observations[day])]
    assert state.current == observations[11].point
    assert [p.claim_id for p in state.history] == [f"d{day}" for day in range(12)]
    for event in announced:
        if event.previous is not None:
            assert event.point.published_at > event.previous.published_at


def test_a_figure_credited_to_no_one_continues_the_one_series_counting_its_subject() -> None:
    # "The health ministry said 40 died." then, next day, "The toll has risen to 52."
    store = SeriesStore()
    store.track(observe(MINISTRY, 40, claim_id="m"))
    result = store.track(observe(NO_ONE, 52, hours=24, claim_id="u"))
    [event] = result.events
    assert event.kind == "value_updated" and event.parts == MINISTRY
    assert event.previous is not None and event.previous.claim_id == "m"
    # Fed again (a replay), it announces nothing.
    assert store.track(observe(NO_ONE, 52, hours=24, claim_id="u")).events == []


def test_a_figure_credited_to_no_one_opens_no_series() -> None:
    store = SeriesStore()
    result = store.track(observe(NO_ONE, 52, claim_id="u"))
    assert result.unattributed and result.events == [] and len(store) == 0
    # Nor does it continue a generic source's figure ("officials said").
    store.track(observe(OFFICIALS, 40, claim_id="o"))
    assert store.track(observe(NO_ONE, 52, hours=24, claim_id="u2")).unattributed


def test_a_figure_credited_to_no_one_joins_neither_of_two_sources_of_equal_weight() -> None:
    store = SeriesStore()
    store.track(observe(MINISTRY, 40, claim_id="m"))
    store.track(observe(ARMY, 44, hours=2, claim_id="a"))
    assert store.track(observe(NO_ONE, 52, hours=24, claim_id="u")).unattributed


def test_a_figure_credited_to_no_one_repeating_one_sources_last_figure_is_that_sources() -> None:
    store = SeriesStore()
    store.track(observe(MINISTRY, 40, claim_id="m"))
    store.track(observe(ARMY, 44, hours=2, claim_id="a"))
    [event] = store.track(observe(NO_ONE, 44, hours=24, claim_id="u")).events
    assert event.parts == ARMY and event.kind == "value_restated"


@pytest.mark.parametrize(
    ("keeper", "speaker", "second_keeper"),
    [
        # a country's government relays the count one of its ministries keeps
        ("gov:vl:health-ministry", "gov:vl:government", "gov:vl:interior-ministry"),
        # a body relays the count one of its listed agencies keeps (`part_of` in the data file)
        ("unhcr", "un", "un-ocha"),
    ],
)
def test_a_body_speaks_for_the_one_part_of_it_keeping_the_count(
    keeper: str, speaker: str, second_keeper: str
) -> None:
    kept = SeriesParts(category="killed", counted="person", place="", source=keeper)
    speaking = replace(kept, source=speaker)
    store = SeriesStore()
    store.track(observe(kept, 40, claim_id="k"))
    [event] = store.track(observe(speaking, 52, hours=24, claim_id="s")).events
    assert event.parts == kept and event.kind == "value_updated"
    # With two of its parts keeping the count, the body's figure stays its own.
    store.track(observe(replace(kept, source=second_keeper), 50, hours=25, claim_id="k2"))
    [opened] = store.track(observe(speaking, 60, hours=48, claim_id="s2")).events[:1]
    assert opened.kind == "series_opened" and opened.parts == speaking


def test_a_body_that_is_not_the_keepers_keeps_its_own_series() -> None:
    kept = SeriesParts(category="displaced", counted="person", place="", source="unhcr")
    store = SeriesStore()
    store.track(observe(kept, 40_000, claim_id="k"))
    other = replace(kept, source="icrc")
    [opened] = store.track(observe(other, 60_000, hours=24, claim_id="o")).events[:1]
    assert opened.kind == "series_opened" and opened.parts == other


def test_a_figure_credited_to_no_one_joins_the_source_that_keeps_the_running_count() -> None:
    store = SeriesStore()
    for day, value in enumerate((40, 48, 55)):
        store.track(observe(MINISTRY, value, hours=24 * day, claim_id=f"m{day}"))
    store.track(observe(ARMY, 50, hours=30, claim_id="a"))
    [event] = store.track(observe(NO_ONE, 61, hours=72, claim_id="u")).events
    assert event.parts == MINISTRY and event.kind == "value_updated"


@pytest.mark.parametrize(
    ("value", "joins"),
    [(40, True), (70, True), (25, False), (200, False)],
)
def test_a_figure_credited_to_no_one_joins_only_as_a_restatement_or_a_plausible_rise(
    value: float, joins: bool
) -> None:
    # Lower: most often a part of the toll (a district's, a day's); far higher: another count.
    store = SeriesStore()
    store.track(observe(MINISTRY, 40, claim_id="m"))
    result = store.track(observe(NO_ONE, value, hours=24, claim_id="u"))
    assert result.unattributed is not joins


def _worded(observation: Observation, wording: str) -> Observation:
    return replace(observation, point=replace(observation.point, wording=wording))


def test_a_surname_alone_continues_the_series_of_the_person_an_earlier_item_named_in_full() -> None:
    ministry = replace(MINISTRY, source="gov:no:health-ministry")
    surname = replace(MINISTRY, source="name:dosti")
    store = SeriesStore()
    store.track(_worded(observe(ministry, 2100), "Health Minister Elira Dosti"))
    result = store.track(_worded(observe(surname, 2910, hours=48), "Dosti"))
    assert kinds(result.events) == ["value_updated"]
    assert result.changed is not None
    assert result.changed.parts.source == "gov:no:health-ministry"


def test_a_person_keyed_by_surname_alone_continues_the_one_person_of_that_surname() -> None:
    store = SeriesStore()
    store.track(observe(replace(MINISTRY, source="person:e dst"), 2100))
    result = store.track(observe(replace(MINISTRY, source="person:dst"), 2910, hours=48))
    assert kinds(result.events) == ["value_updated"]
    assert result.changed is not None and result.changed.parts.source == "person:e dst"
    # must not match: with two people of that surname, the surname alone is neither's
    store = SeriesStore()
    store.track(observe(replace(MINISTRY, source="person:e dst"), 2100))
    store.track(observe(replace(MINISTRY, source="person:a dst"), 2300))
    result = store.track(observe(replace(MINISTRY, source="person:dst"), 2910, hours=48))
    assert kinds(result.events)[0] == "series_opened"


def test_a_one_word_name_no_earlier_speaker_bore_opens_its_own_series() -> None:
    # must not match: "Velmar said" is a body of its own when no earlier person had that surname
    ministry = replace(MINISTRY, source="gov:no:health-ministry")
    store = SeriesStore()
    store.track(_worded(observe(ministry, 2100), "Health Minister Elira Dosti"))
    result = store.track(_worded(observe(replace(MINISTRY, source="name:velmar"), 2910, hours=48), "Velmar"))
    assert kinds(result.events)[0] == "series_opened"


def test_a_bodys_head_word_alone_continues_the_one_unlisted_body_whose_name_ends_on_it() -> None:
    named = replace(MINISTRY, source="name:commission velmar")
    bare = replace(MINISTRY, source="name:commission")
    store = SeriesStore()
    store.track(observe(named, 13))
    result = store.track(observe(bare, 15, hours=48))
    assert kinds(result.events) == ["value_updated"]
    # must not match: a bare word that is no body's head ("the Velmar") opens its own series
    store = SeriesStore()
    store.track(observe(replace(MINISTRY, source="name:tarsa velmar"), 13))
    assert kinds(store.track(observe(replace(MINISTRY, source="name:velmar"), 15, hours=48)).events)[0] == (
        "series_opened"
    )


def placed(place: str, value: float, hours: float, place_name: str, *, kind: str = "protest") -> Observation:
    """The ministry's figure keyed to `place`, its value resolved to the place named `place_name`."""
    observation = observe(replace(MINISTRY, place=place, kind=kind), value, hours=hours)
    return replace(observation, point=replace(observation.point, place_name=place_name))


def test_a_towns_count_keyed_as_the_event_in_one_item_and_by_the_town_in_another_is_one_series() -> None:
    store = SeriesStore()
    # an item about Lisbon keys its count as the event's; a national item names the city
    store.track(placed("", 120000, 0, "Lisbon"))
    result = store.track(placed("gn:2267057", 130000, 5, "Lisbon"))
    assert kinds(result.events) == ["value_updated"]
    # must not match: another place's count, or a scope that is no town ("held-areas")
    assert kinds(store.track(placed("gn:2735943", 30000, 6, "Porto")).events) == ["series_opened"]
    assert kinds(store.track(placed("held-areas", 1000, 7, "Lisbon")).events) == ["series_opened"]


def test_the_same_figure_for_the_event_and_for_its_town_is_one_series() -> None:
    flood = "storm-flood"
    store = SeriesStore()
    # a report about the country places the toll in the flooded town; the next gives it bare
    store.track(placed("gn:87205", 2000, 0, "Velport", kind=flood))
    assert kinds(store.track(placed("", 2000, 8, "Norland", kind=flood)).events) == ["value_restated"]
    # must not match: a different figure for the country is not the town's count
    store = SeriesStore()
    store.track(placed("gn:87205", 2000, 0, "Velport", kind=flood))
    assert kinds(store.track(placed("", 2400, 8, "Norland", kind=flood)).events) == ["series_opened"]


def test_an_exact_figure_just_below_a_vague_one_is_an_update_not_a_revision() -> None:
    state = SeriesState(parts=MINISTRY)
    apply(state, observe(MINISTRY, 700, qualifier="upper_bound", claim_id="nearly"))
    assert kinds(apply(state, observe(MINISTRY, 694, hours=6, claim_id="exact"))) == ["value_updated"]
    state = SeriesState(parts=MINISTRY)
    apply(state, observe(MINISTRY, 700, value_high=800, qualifier="range", claim_id="range"))
    assert kinds(apply(state, observe(MINISTRY, 710, hours=6, claim_id="inside"))) == ["value_updated"]
    # must not match: far below a vague figure, or below an exact one, is a revision down
    state = SeriesState(parts=MINISTRY)
    apply(state, observe(MINISTRY, 700, qualifier="upper_bound", claim_id="nearly"))
    assert kinds(apply(state, observe(MINISTRY, 500, hours=6, claim_id="cut"))) == ["value_revised_down"]
    state = SeriesState(parts=MINISTRY)
    apply(state, observe(MINISTRY, 700, claim_id="exact"))
    assert kinds(apply(state, observe(MINISTRY, 694, hours=6, claim_id="lower"))) == ["value_revised_down"]
