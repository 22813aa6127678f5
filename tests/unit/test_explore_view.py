"""The explorer's fold: series and points from tracked events and states, evidence, caps, filters."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime

import pytest
from explore_records import SUBJECT, claim, point, series_ref, tracked
from structlog.testing import capture_logs

from worker.explore.feed import ExplorerFeed, ExplorerTopics, fold_record
from worker.explore.view import ExploreInputError, ExplorerView, SeriesFilter, fold, subject_id
from worker.records import InputRecord

TOPICS = ExplorerTopics(claims="claims", tracked="tracked", changelog="changelog")


def rescue_story() -> ExplorerView:
    """Rescue service: 12, then 19, then revised down to 17; the regional office says 40 (a conflict)."""
    first, second, third = point("c1", 12, 3), point("c2", 19, 4), point("c3", 17, 5)
    office = point("o1", 40, 5, hour=10)
    return fold(
        ExplorerView(),
        tracked=[
            tracked("series_opened", "rescue service", first),
            tracked("value_updated", "rescue service", second, previous=first),
            tracked("value_revised_down", "rescue service", third, previous=second),
            tracked("series_opened", "regional office", office),
            tracked(
                "sources_conflict",
                "regional office",
                office,
                other_series=series_ref("rescue service"),
                other=third,
            ),
        ],
    )


def test_tracked_events_become_series_of_points_with_their_marks() -> None:
    view = rescue_story()
    with view.lock:
        [subject] = view.subjects()
        assert subject.key == SUBJECT
        rescue, office = (view.series(f"{SUBJECT}|{name}") for name in ("rescue service", "regional office"))
    assert rescue is not None and office is not None
    assert [(p.claim_id, p.value) for p in rescue.ordered()] == [("c1", 12), ("c2", 19), ("c3", 17)]
    assert rescue.updates == 2
    assert rescue.revised_down and not office.revised_down
    assert rescue.points["c3"].conflicts == {(office.key, "o1")}
    assert office.points["o1"].conflicts == {(rescue.key, "c3")}
    assert rescue.disagrees and office.disagrees
    latest = rescue.latest()
    assert latest is not None and latest.claim_id == "c3"


def test_folding_the_same_events_again_changes_nothing() -> None:
    once = rescue_story()
    twice = rescue_story()
    with twice.lock:
        for event in [tracked("series_opened", "rescue service", point("c1", 12, 3))] * 3:
            twice.add_tracked(event)
    series_once = once.series(f"{SUBJECT}|rescue service")
    series_twice = twice.series(f"{SUBJECT}|rescue service")
    assert series_once is not None and series_twice is not None
    assert series_once.points == series_twice.points


def test_a_state_adds_late_arrivals_that_announced_no_event() -> None:
    view = rescue_story()
    late = point("late", 15, 4, hour=1)  # published before the current figure: the tracker says nothing
    view.add_state({"series": series_ref("rescue service"), "current": point("c3", 17, 5), "history": [late]})
    series = view.series(f"{SUBJECT}|rescue service")
    assert series is not None
    assert [p.claim_id for p in series.ordered()] == ["c1", "late", "c2", "c3"]


def test_unknown_fields_and_event_kinds_are_ignored() -> None:
    view = ExplorerView()
    current = point("c1", 5, 3, place_id="geo:123")
    view.add_tracked(
        {
            **tracked("value_wobbled", "rescue service", current),
            "entity": {"id": "e1"},
            "series": series_ref("rescue service", source_id="s9"),
        }
    )
    series = view.series(f"{SUBJECT}|rescue service")
    assert series is not None and series.points["c1"].marks == set()
    assert series.resolved == {"source_id": "s9"}  # shown on the evidence card as the tracker sent it


def test_evidence_highlights_the_figure_as_written() -> None:
    view = ExplorerView()
    view.add_claim(claim("c1", 12, sentence="Rescuers said 12 hikers died on the ridge.", quantity_text="12"))
    evidence = view.evidence("c1")
    assert evidence is not None
    assert evidence.highlight() == ("Rescuers said ", "12", " hikers died on the ridge.")
    assert evidence.source_text == "the mountain rescue service"


def test_evidence_whose_sentence_lacks_the_figure_is_shown_whole() -> None:
    view = ExplorerView()
    view.add_claim(claim("c1", 12, sentence="Rescuers counted the dead.", quantity_text="twelve"))
    evidence = view.evidence("c1")
    assert evidence is not None and evidence.highlight() == ("Rescuers counted the dead.", "", "")


@pytest.mark.parametrize(
    ("broken", "field"),
    [
        ({"event": "series_opened", "current": point("c1", 1, 3)}, "series"),
        (
            {
                "event": "series_opened",
                "series": series_ref("x"),
                "current": {**point("c1", 1, 3), "value": "many"},
            },
            "value",
        ),
        (
            {
                "event": "series_opened",
                "series": series_ref("x"),
                "current": {**point("c1", 1, 3), "published_at": "Tuesday"},
            },
            "published_at",
        ),
        ({"event": "series_opened", "series": {"source": "x"}, "current": point("c1", 1, 3)}, "key"),
    ],
)
def test_a_broken_tracked_event_is_refused_with_the_field_named(
    broken: dict[str, object], field: str
) -> None:
    with pytest.raises(ExploreInputError, match=field):
        ExplorerView().add_tracked(broken)


def test_a_conflict_without_its_other_figure_places_nothing() -> None:
    view = ExplorerView()
    broken = tracked("sources_conflict", "regional office", point("o1", 40, 5), other_series=series_ref("x"))
    with pytest.raises(ExploreInputError, match="other"):
        view.add_tracked(broken)
    assert len(view) == 0


def test_the_caps_drop_the_oldest_and_count_them() -> None:
    view = ExplorerView(max_series=2, max_points=2, max_claims=1)
    for day, claim_id in enumerate(("a", "b", "c"), start=1):
        view.add_tracked(tracked("series_opened", "rescue service", point(claim_id, day, day)))
    series = view.series(f"{SUBJECT}|rescue service")
    assert series is not None and sorted(series.points) == ["b", "c"]
    # a point older than everything kept is dropped at once
    view.add_tracked(tracked("value_restated", "rescue service", point("old", 1, 1, hour=0)))
    assert sorted(series.points) == ["b", "c"]
    for name in ("second", "third"):
        view.add_tracked(tracked("series_opened", name, point(f"{name}-1", 1, 9)))
    assert view.series(f"{SUBJECT}|rescue service") is None  # least recently changed
    view.add_claim(claim("x", 1, sentence="One.", quantity_text="One"))
    view.add_claim(claim("y", 2, sentence="Two.", quantity_text="Two"))
    assert view.evidence("x") is None and view.evidence("y") is not None
    assert (view.dropped.series, view.dropped.points, view.dropped.claims) == (1, 2, 1)


def test_filters_by_category_place_source_and_time() -> None:
    view = rescue_story()
    elsewhere = "v1|displaced|person|lower marsh"
    view.add_tracked(
        {
            **tracked("series_opened", "red crescent", point("d1", 300, 9)),
            "series": series_ref("red crescent", elsewhere),
        }
    )
    with view.lock:
        assert {s.key for s in view.subjects()} == {SUBJECT, elsewhere}
        assert [s.key for s in view.subjects(SeriesFilter(category="Displaced"))] == [elsewhere]
        assert [s.key for s in view.subjects(SeriesFilter(place="marsh"))] == [elsewhere]
        office_only = view.subjects(SeriesFilter(source="OFFICE"))
        assert [[s.source for s in subject.series] for subject in office_only] == [["regional office"]]
        late = view.subjects(SeriesFilter(since=datetime(2026, 5, 6, tzinfo=UTC)))
        assert [s.key for s in late] == [elsewhere]
        early = view.subjects(SeriesFilter(until=datetime(2026, 5, 3, 23, tzinfo=UTC)))
        assert [s.key for s in early] == [SUBJECT]
        assert view.subjects(SeriesFilter(source="nobody")) == []


def test_subject_ids_are_readable_and_found_by_id_or_key() -> None:
    view = rescue_story()
    expected = subject_id(SUBJECT, "killed", "person", "ridgeford")
    assert expected.startswith("killed-person-ridgeford-")
    with view.lock:
        found_by_id, found_by_key = view.subject(expected), view.subject(SUBJECT)
        assert view.subject("no-such-subject") is None
    assert found_by_id is not None and found_by_key is not None and found_by_id.key == found_by_key.key


def record(topic: str, value: bytes | None, *, key: bytes | None = None, offset: int = 0) -> InputRecord:
    return InputRecord(topic=topic, partition=0, offset=offset, key=key, value=value)


def test_records_are_folded_by_topic_and_unreadable_ones_reported() -> None:

    view = ExplorerView()
    errors: list[tuple[int, str]] = []

    def on_error(bad: InputRecord, reason: str) -> None:
        errors.append((bad.offset, reason))

    current = point("c1", 12, 3)
    fold_record(
        view,
        TOPICS,
        record("tracked", json.dumps(tracked("series_opened", "rescue service", current)).encode()),
        on_error,
    )
    fold_record(
        view,
        TOPICS,
        record(
            "claims", json.dumps(claim("c1", 12, sentence="Twelve died: 12.", quantity_text="12")).encode()
        ),
        on_error,
    )
    fold_record(view, TOPICS, record("claims", b"{not json", offset=7), on_error)
    fold_record(view, TOPICS, record("tracked", b"[1, 2]", offset=8), on_error)
    fold_record(view, TOPICS, record("claims", b"\xff\xfe", offset=9), on_error)
    assert [offset for offset, _ in errors] == [7, 8, 9]
    assert view.dropped.rejected == 3
    assert len(view) == 1 and view.evidence("c1") is not None
    # a changelog tombstone removes the series
    fold_record(view, TOPICS, record("changelog", None, key=f"{SUBJECT}|rescue service".encode()), on_error)
    assert len(view) == 0


class FakeSource:
    """A record source that hands out its records once, then fails once, then has nothing."""

    def __init__(self, records: list[InputRecord]) -> None:
        self.records = records
        self.closed = 0
        self.polls = 0

    def poll(self, timeout_seconds: float) -> list[InputRecord]:
        self.polls += 1
        if self.polls == 2:
            raise ConnectionError("broker went away")
        batch, self.records = self.records, []
        if not batch:
            time.sleep(min(timeout_seconds, 0.01))
        return batch

    def caught_up(self) -> bool:
        return not self.records

    def close(self) -> None:
        self.closed += 1


def test_the_feed_folds_in_a_thread_and_survives_a_failing_source(monkeypatch: pytest.MonkeyPatch) -> None:

    monkeypatch.setattr("worker.explore.feed.RETRY_SECONDS", 0.01)
    source = FakeSource(
        [
            record(
                "tracked", json.dumps(tracked("series_opened", "rescue service", point("c1", 4, 3))).encode()
            )
        ]
    )
    opened = threading.Event()

    def open_source() -> FakeSource:
        if opened.is_set():
            source.polls = 2  # reopened after the failure: no further failures
        opened.set()
        return source

    feed = ExplorerFeed(open_source, ExplorerView(), TOPICS)
    feed.start()
    try:
        assert feed.caught_up.wait(5)
        deadline = time.monotonic() + 5
        while source.closed < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        feed.stop()
    assert len(feed.view) == 1
    assert source.closed >= 1  # the failing source was closed and opened again


@pytest.mark.parametrize("stopping", [True, False])
def test_a_source_that_fails_is_reported_unless_the_feed_is_stopping(stopping: bool) -> None:
    release = threading.Event()

    def open_source() -> FakeSource:
        release.wait(5)
        raise ConnectionError("bootstrap cut short")

    with capture_logs() as logs:
        feed = ExplorerFeed(open_source, ExplorerView(), TOPICS)
        feed.start()
        if stopping:
            threading.Timer(0.1, release.set).start()
            feed.stop()
        else:
            release.set()
            deadline = time.monotonic() + 5
            while not logs and time.monotonic() < deadline:
                time.sleep(0.01)
            feed.stop()
    failures = [entry for entry in logs if entry["event"] == "explorer_feed_failed"]
    assert len(failures) == (0 if stopping else 1)
