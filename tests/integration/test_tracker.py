"""`claimwire track` on a real broker: the timeline's exact events across a SIGKILL, a rebalance, a replay.

Each test runs the tracker as a subprocess, as an operator would, and judges it by what is
committed on its topics: the tracked events must equal the timeline's expected events, with none
missing and none twice (Kafka's own system tests state their guarantees the same way).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kafka import KafkaAdminClient
from kafka.admin import ConfigResource
from kafka_helpers import consume_all, consume_until, delete_topics, produce
from timeline import expected_timeline_events, summary

from worker.models import ClaimEvent, ClaimSource, Evidence, make_claim_id
from worker.track.events import SeriesSnapshot, TrackedEvent
from worker.track.keys import KEY_PREFIX, category_family, partition_key
from worker.track.rules import observation_from_event
from worker.track.store import SeriesStore

DATA = Path(__file__).parent.parent / "data"
PARTITIONS = 3
WAIT_S = 90.0
STOP_TIMEOUT_S = 30.0


def timeline_records() -> list[tuple[bytes, bytes, None]]:
    records = []
    for line in (DATA / "timeline.jsonl").read_text(encoding="utf-8").splitlines():
        claim = ClaimEvent.model_validate_json(line)
        records.append((partition_key(claim), line.encode("utf-8"), None))
    return records


def by_series(events: list[dict[str, object]]) -> dict[object, list[dict[str, object]]]:
    grouped: dict[object, list[dict[str, object]]] = {}
    for event in events:
        grouped.setdefault(event["series"], []).append(event)
    return grouped


NewTopic = Callable[..., str]


@dataclass
class Topics:
    bootstrap: str
    claims: str
    tracked: str
    changelog: str
    group: str


@dataclass
class TrackerProcess:
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_events(self, event: str) -> list[dict[str, object]]:
        lines = [json.loads(line) for line in self.log().splitlines() if line.startswith("{")]
        return [line for line in lines if line.get("event") == event]

    def metric(self, sample: str) -> float:
        """The value of one sample (name with labels, as exposed) on the tracker's /metrics."""
        port = self.log_events("http_listening")[0]["port"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
            text = response.read().decode()
        for line in text.splitlines():
            name, _, value = line.rpartition(" ")
            if name == sample:
                return float(value)
        raise AssertionError(f"{sample} not exposed:\n{text}")


StartTracker = Callable[..., TrackerProcess]


@pytest.fixture
def topics(kafka_bootstrap: str, new_topic: NewTopic, group_id: str) -> Topics:
    return Topics(
        bootstrap=kafka_bootstrap,
        claims=new_topic(PARTITIONS, prefix="claims"),
        tracked=new_topic(PARTITIONS, prefix="tracked"),
        changelog=new_topic(PARTITIONS, compact=True, prefix="changelog"),
        group=group_id,
    )


@pytest.fixture
def start_tracker(topics: Topics, tmp_path: Path) -> Iterator[StartTracker]:
    started: list[TrackerProcess] = []

    def start(
        instance: str,
        *,
        group: str | None = None,
        changelog: str | None = None,
        max_poll_records: int = 500,
        reorder_window: float = 0.0,
    ) -> TrackerProcess:
        log_path = tmp_path / f"tracker-{instance}-{len(started)}.log"
        command = [
            sys.executable,
            "-m",
            "worker.cli",
            "track",
            "--bootstrap-servers",
            topics.bootstrap,
            "--input-topic",
            topics.claims,
            "--output-topic",
            topics.tracked,
            "--changelog-topic",
            changelog or topics.changelog,
            "--group-id",
            group or topics.group,
            "--transactional-id",
            f"{group or topics.group}-{instance}",
            "--http-port",
            "0",
            "--log-format",
            "json",
        ]
        # The timeline tests judge arrival-order semantics (a late bulletin stays late): no reordering
        # unless a test asks for it.
        env = {
            **os.environ,
            "CLAIMWIRE_TRACKER_MAX_POLL_RECORDS": str(max_poll_records),
            "CLAIMWIRE_TRACKER_REORDER_WINDOW_SECONDS": str(reorder_window),
        }
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env
            )
        tracker = TrackerProcess(process, log_path)
        started.append(tracker)
        return tracker

    yield start
    for tracker in started:
        if tracker.process.poll() is None:
            tracker.process.kill()
            tracker.process.wait()


def stop(tracker: TrackerProcess) -> int:
    # A SIGTERM before the signal handlers are in place would test the interpreter, not the tracker.
    wait_for_log(tracker, "http_listening")
    tracker.process.send_signal(signal.SIGTERM)
    code = tracker.process.wait(timeout=STOP_TIMEOUT_S)
    assert code == 0, tracker.log()
    return code


def wait_for_log(tracker: TrackerProcess, event: str, count: int = 1) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if tracker.log().count(f'"event": "{event}"') >= count:
            return
        assert tracker.process.poll() is None, f"tracker exited early:\n{tracker.log()}"
        time.sleep(0.2)
    raise AssertionError(f"no {count} x {event} in the tracker's log:\n{tracker.log()}")


def wait_for_metric(tracker: TrackerProcess, sample: str, value: float) -> float | None:
    """The sample's value once it equals `value`, or its last value (None if never exposed) after WAIT_S.

    Counters move just after a transaction commits, so a reader of the output can be a moment ahead.
    """
    last = None
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if tracker.log_events("http_listening"):
            try:
                last = tracker.metric(sample)
            except AssertionError:
                last = None
            if last == value:
                break
        time.sleep(0.3)
    return last


def tracked(topics: Topics) -> list[TrackedEvent]:
    return [TrackedEvent.model_validate_json(r.value) for r in consume_all(topics.bootstrap, topics.tracked)]


def assert_exactly_the_timeline(events: list[TrackedEvent]) -> None:
    """Same events, none twice, and each series' events in the order the timeline gives them."""
    assert len({e.event_id for e in events}) == len(events), "an event was announced twice"
    got = [summary(e) for e in events]
    assert by_series(got) == by_series(expected_timeline_events())


def wait_for_all_events(topics: Topics) -> None:
    consume_until(topics.bootstrap, topics.tracked, len(expected_timeline_events()), timeout_s=WAIT_S)


def test_the_timeline_gives_exactly_the_expected_events(topics: Topics, start_tracker: StartTracker) -> None:
    garbage = (b"v1|killed|person|velmora", b'{"claim_id": "half a claim"', [("claimwire.item.id", b"w-bad")])
    produce(topics.bootstrap, topics.claims, [garbage, *timeline_records()])
    tracker = start_tracker("a")
    wait_for_all_events(topics)
    expected_kinds = Counter(str(e["event"]) for e in expected_timeline_events())
    for kind, counter in [
        ("value_updated", "claimwire_tracker_updates_total"),
        ("value_revised_down", "claimwire_tracker_revisions_total"),
        ("sources_conflict", "claimwire_tracker_conflicts_total"),
    ]:
        assert wait_for_metric(tracker, counter, expected_kinds[kind]) == expected_kinds[kind]
    series = len({e["series"] for e in expected_timeline_events()})
    assert wait_for_metric(tracker, "claimwire_tracker_series_open", series) == series
    stop(tracker)

    [invalid] = tracker.log_events("claim_invalid")
    assert invalid["item_id"] == "w-bad"

    events = tracked(topics)
    assert_exactly_the_timeline(events)
    conflict = next(e for e in events if e.event == "sources_conflict")
    assert conflict.other_series is not None and conflict.other is not None
    assert {conflict.series.source, conflict.other_series.source} == {
        "national army",
        "velmora health ministry",
    }
    assert conflict.claim_ids == [conflict.current.claim_id, conflict.other.claim_id]


def test_changelog_holds_every_series_in_the_partition_of_its_claims(
    topics: Topics, start_tracker: StartTracker
) -> None:
    records = timeline_records()
    produce(topics.bootstrap, topics.claims, records)
    tracker = start_tracker("a")
    wait_for_all_events(topics)
    stop(tracker)

    claim_partitions = {r.key: r.partition for r in consume_all(topics.bootstrap, topics.claims)}
    latest: dict[bytes | None, tuple[int, SeriesSnapshot]] = {}
    for record in consume_all(topics.bootstrap, topics.changelog):
        latest[record.key] = (record.partition, SeriesSnapshot.model_validate_json(record.value))
    assert {snapshot.series.key for _, snapshot in latest.values()} == {
        e["series"] for e in expected_timeline_events()
    }
    for partition, snapshot in latest.values():
        series = snapshot.series
        key = "|".join((KEY_PREFIX, series.country, category_family(series.category)))
        assert claim_partitions[key.encode()] == partition


def test_sigkill_mid_stream_loses_no_series_and_repeats_no_event(
    topics: Topics, start_tracker: StartTracker
) -> None:
    records = timeline_records()
    first, rest = records[:9], records[9:]
    produce(topics.bootstrap, topics.claims, first)
    tracker = start_tracker("a")
    consume_until(topics.bootstrap, topics.tracked, 7, timeout_s=WAIT_S)
    produce(topics.bootstrap, topics.claims, rest)
    tracker.process.send_signal(signal.SIGKILL)
    tracker.process.wait(timeout=STOP_TIMEOUT_S)

    restarted = start_tracker("a")
    wait_for_log(restarted, "state_restored", PARTITIONS)
    wait_for_all_events(topics)
    stop(restarted)

    assert_exactly_the_timeline(tracked(topics))
    restored = sum(int(str(line["series"])) for line in restarted.log_events("state_restored"))
    assert restored >= 3, "the restarted tracker began without the state its predecessor committed"


def test_a_second_group_replaying_all_claims_onto_the_same_state_announces_nothing(
    topics: Topics, start_tracker: StartTracker
) -> None:
    produce(topics.bootstrap, topics.claims, timeline_records())
    first = start_tracker("a")
    wait_for_all_events(topics)
    stop(first)

    replay = start_tracker("replay", group=f"{topics.group}-replay")
    attributed = sum(1 for _, value, _ in timeline_records() if b'"source":null' not in value)
    replayed = 'claimwire_tracker_claims_ignored_total{reason="replayed"}'
    assert wait_for_metric(replay, replayed, attributed) == attributed
    stop(replay)

    assert_exactly_the_timeline(tracked(topics))


def test_a_rebalance_mid_stream_loses_no_series_and_repeats_no_event(
    topics: Topics, start_tracker: StartTracker
) -> None:
    records = timeline_records()
    produce(topics.bootstrap, topics.claims, records[:9])
    first = start_tracker("a")
    consume_until(topics.bootstrap, topics.tracked, 7, timeout_s=WAIT_S)
    second = start_tracker("b")
    wait_for_log(second, "partitions_assigned")
    produce(topics.bootstrap, topics.claims, records[9:])
    wait_for_all_events(topics)
    stop(second)
    stop(first)

    assert_exactly_the_timeline(tracked(topics))


def test_a_changelog_not_co_partitioned_with_the_input_is_refused(
    topics: Topics, start_tracker: StartTracker, new_topic: NewTopic
) -> None:
    lopsided = new_topic(PARTITIONS + 1, compact=True, prefix="changelog")
    tracker = start_tracker("a", changelog=lopsided)
    code = tracker.process.wait(timeout=WAIT_S)
    assert code == 1
    assert "partitions" in tracker.log() and lopsided in tracker.log()


def test_claimwire_series_prints_the_current_series(topics: Topics, start_tracker: StartTracker) -> None:
    produce(topics.bootstrap, topics.claims, timeline_records())
    tracker = start_tracker("a")
    wait_for_all_events(topics)
    stop(tracker)

    base = [sys.executable, "-m", "worker.cli", "series", "--bootstrap-servers", topics.bootstrap]
    base += ["--changelog-topic", topics.changelog]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    table = subprocess.run(
        [*base, "--source", "ministry", "--category", "killed"], check=False, capture_output=True, env=env
    )
    assert table.returncode == 0, table.stderr
    lines = table.stdout.decode().splitlines()
    assert lines[0].split()[:3] == ["SOURCE", "KIND", "CATEGORY"]
    assert len(lines) == 3
    assert any("1,012" in line and "person" in line for line in lines)
    assert any("140" in line and "child" in line for line in lines)

    history = subprocess.run(
        [*base, "--source", "ministry", "--category", "killed", "--history"],
        check=False,
        capture_output=True,
        env=env,
    )
    assert history.returncode == 0, history.stderr
    text = history.stdout.decode()
    assert "source   velmora health ministry  (entity id)" in text
    assert "1,012*" in text and "the Velmora health ministry" in text

    as_json = subprocess.run([*base, "--json"], check=False, capture_output=True, env=env)
    assert as_json.returncode == 0, as_json.stderr
    series = [SeriesSnapshot.model_validate(s) for s in json.loads(as_json.stdout)]
    assert Counter(s.series.key for s in series) == Counter({e["series"] for e in expected_timeline_events()})


def long_stream(days: int = 60) -> list[ClaimEvent]:
    """Daily figures from three sources on eight subjects, with restatements, revisions and late bulletins."""
    start = datetime(2026, 1, 5, 8, tzinfo=UTC)
    noise = random.Random(20260105)
    sources = ["district health office", "civil defence", "national army"]
    places = ["velmora", "tarsa", "north velmora", "oskar valley"]
    claims: list[ClaimEvent] = []
    totals = {(place, category): 50.0 for place in places for category in ("killed", "displaced")}
    for day in range(days):
        for (place, category), total in totals.items():
            totals[(place, category)] = total + noise.choice([0, 0, 3, 8, 20, -15])
            for rank, source in enumerate(sources):
                late = -30 if noise.random() < 0.05 else 0
                value = float(
                    max(1, round(totals[(place, category)] * (1 - 0.2 * rank)) + noise.randint(-2, 2))
                )
                item_id = f"{source}-{place}-{category}-{day}"
                claims.append(
                    ClaimEvent(
                        claim_id=make_claim_id(
                            item_id, start=0, end=3, value=value, value_high=None, unit=None
                        ),
                        item_id=item_id,
                        published_at=start + timedelta(days=day, hours=3 * rank + late),
                        extractor_version="test",
                        value=value,
                        qualifier="exact",
                        quantity_text=f"{value:.0f}",
                        counted="people",
                        category=category,  # type: ignore[arg-type]
                        source=ClaimSource(text=source, normalized=source, type="government"),
                        location=place,
                        evidence=Evidence(sentence=f"{source} said {value:.0f} people.", start=0, end=3),
                    )
                )
    return claims


def oracle_event_ids(claims: list[ClaimEvent]) -> Counter[str]:
    """What the pure rules announce for the claims in this order (only order within a partition counts)."""
    store = SeriesStore()
    ids: Counter[str] = Counter()
    for claim in claims:
        observation = observation_from_event(claim, datetime.now(UTC))
        assert observation is not None
        ids.update(TrackedEvent.of(event).event_id for event in store.track(observation).events)
    return ids


def test_repeated_sigkills_on_a_long_stream_give_exactly_what_the_rules_give(
    topics: Topics, start_tracker: StartTracker
) -> None:
    claims = long_stream()
    expected = oracle_event_ids(claims)
    assert max(expected.values()) == 1
    produce(
        topics.bootstrap,
        topics.claims,
        [(partition_key(c), c.model_dump_json().encode(), None) for c in claims],
    )
    pause = random.Random(7)
    for _ in range(3):
        tracker = start_tracker("a", max_poll_records=40)
        wait_for_log(tracker, "state_restored", PARTITIONS)
        time.sleep(pause.uniform(0.5, 2.5))
        tracker.process.send_signal(signal.SIGKILL)
        tracker.process.wait(timeout=STOP_TIMEOUT_S)

    final = start_tracker("a", max_poll_records=40)
    consume_until(topics.bootstrap, topics.tracked, sum(expected.values()), timeout_s=WAIT_S * 2)
    stop(final)

    got = Counter(event.event_id for event in tracked(topics))
    assert sum(got.values()) == sum(expected.values()), "events lost or announced twice"
    assert got == expected


def test_a_missing_changelog_is_created_compacted_and_co_partitioned(
    topics: Topics, start_tracker: StartTracker
) -> None:
    changelog = f"changelog-{uuid.uuid4().hex[:12]}"
    produce(topics.bootstrap, topics.claims, timeline_records())
    tracker = start_tracker("a", changelog=changelog)
    wait_for_all_events(topics)
    stop(tracker)

    admin = KafkaAdminClient(bootstrap_servers=topics.bootstrap)
    try:
        described = admin.describe_configs([ConfigResource("topic", changelog, ["cleanup.policy"])])
        [topic] = admin.describe_topics([changelog])
    finally:
        admin.close()
        delete_topics(topics.bootstrap, [changelog])
    assert described["topic"][changelog]["cleanup.policy"]["value"] == "compact"
    assert len(topic["partitions"]) == PARTITIONS
    assert_exactly_the_timeline(tracked(topics))


def test_the_streaming_tracker_gives_the_events_of_track_input_file_on_the_same_claims(
    topics: Topics, start_tracker: StartTracker, tmp_path: Path
) -> None:
    """Claims published out of publication order: the reorder window links them as a file run does."""
    lines = (DATA / "timeline.jsonl").read_text(encoding="utf-8").splitlines()
    claims = [ClaimEvent.model_validate_json(line) for line in lines]
    shuffled = claims[::-1]
    claims_file = tmp_path / "claims.jsonl"
    claims_file.write_text("".join(c.model_dump_json() + "\n" for c in shuffled), encoding="utf-8")
    events_file = tmp_path / "tracked.jsonl"
    env = {**os.environ, "CLAIMWIRE_TRACKER_REORDER_WINDOW_SECONDS": "2"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "worker.cli",
            "track",
            "--input-file",
            str(claims_file),
            "--output-file",
            str(events_file),
        ],
        check=True,
        env=env,
    )
    from_file = [TrackedEvent.model_validate_json(line) for line in events_file.read_text().splitlines()]
    assert any(e.event == "value_updated" for e in from_file)

    produce(
        topics.bootstrap,
        topics.claims,
        [(partition_key(c), c.model_dump_json().encode(), None) for c in shuffled],
    )
    tracker = start_tracker("a", reorder_window=2.0)
    consume_until(topics.bootstrap, topics.tracked, len(from_file), timeout_s=WAIT_S)
    stop(tracker)
    streamed = tracked(topics)
    # Partitions interleave on the output topic; each series' events keep their order.
    assert sorted(e.event_id for e in streamed) == sorted(e.event_id for e in from_file)

    def per_series(events: list[TrackedEvent]) -> dict[str, list[str]]:
        return {
            key: [e.event_id for e in events if e.series.key == key] for key in {e.series.key for e in events}
        }

    assert per_series(streamed) == per_series(from_file)
