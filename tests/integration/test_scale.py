"""Scale test: a second `claimwire worker` joins a busy one, one is SIGKILLed, `claimwire track` follows.

Six input partitions, one worker busy with a backlog when a second joins its group, the first then
SIGKILLed mid-stream and restarted, and one tracker in its own group following the claims.
Judged the way Kafka's own system tests judge a run, by what is committed on the topics: every claim
the pure pipeline finds in the input is in the output (nothing lost; the worker is at-least-once, so
a redelivered claim may appear twice), the tracker announces nothing twice, its series are exactly the
series of the attributed claims, and its events are exactly what the pure tracking rules give for the
claims in the order the tracker read them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kafka_helpers import ConsumedRecord, consume_all, consume_until, produce
from worker_process import WorkerProcess, committed_offsets, end_offsets, expected_claims, wait_until

from worker.models import ClaimEvent
from worker.track.events import TrackedEvent
from worker.track.keys import credited_series_parts
from worker.track.rules import observation_from_event
from worker.track.store import SeriesStore

PARTITIONS = 6
WAIT_S = 90.0
STOP_TIMEOUT_S = 30.0
# A killed member leaves the group after this long, so the restarted worker is assigned soon.
SESSION_TIMEOUT_MS = 6_000

NewTopic = Callable[..., str]

# Invented places, each with a toll that three sources report daily and a displacement figure.
PLACES = ("Norvale", "Ostrany", "Keldmoor", "Vasquine", "Tirrel", "Amberdun")
DAYS = 4
FIRST_DAY = datetime(2026, 3, 2, tzinfo=UTC)
MINISTRY = "Flooding has killed {n} people in {place} since the weekend, the {place} health ministry said."
CIVIL_DEFENCE = "The {place} civil defence agency said {n} people had been killed by the floods in {place}."
RED_CRESCENT = "At least {n} people were killed in the {place} floods, according to the Red Crescent."
REFUGEE_AGENCY = "The UN refugee agency said about {n} people had been displaced in {place}."

# Items that only add volume: small local figures, each attributed, spread over the same days.
TOWNS = ("Brisk Hollow", "Meranth", "Poltavo", "Saint Ulric", "Drummel", "Yarrowby", "Quenlin", "Harth")
BACKGROUND = (
    "Police in {place} said {n} protesters were detained after the march.",
    # A people count: the tracker does not follow uncategorised counts without a unit (homes).
    "The {place} fire service said {n} people were injured by the blaze.",
    "Officials in {place} said {n} people were evacuated as the river rose.",
    "The market in {place} reopened and the weather was mild.",
)
BACKGROUND_ITEMS = 1_800
# Figure-free text that makes a background item about 1.7 KB, as wire items are: extraction, not
# Kafka, sets the pace, so the first worker still has a backlog when the second joins.
FILLER = (
    "Residents queued for water and fuel as the roads reopened slowly after the storm. "
    "Shops in the old town stayed shut while crews cleared the debris from the main square. "
) * 10


def wire_item(item_id: str, published_at: datetime, body: str) -> bytes:
    item = {
        "id": item_id,
        "source": "scale-wire",
        "published_at": published_at.isoformat(),
        "headline": f"Report {item_id}",
        "body": body,
    }
    return json.dumps(item).encode()


def toll_items(run: str) -> list[bytes]:
    """Each place's toll from three sources over several days: updates, a revision down, conflicts."""
    items = []
    for place_index, place in enumerate(PLACES):
        base = 100 + 37 * place_index
        for day in range(DAYS):
            morning = FIRST_DAY + timedelta(days=day, hours=8)
            ministry = base + 6 * day
            # The ministry corrects its day-2 toll down on day 3 in every other place.
            if day == 3 and place_index % 2 == 0:
                ministry = base + 6 * 2 - 4
            # The civil defence agency counts far more on day 2: more than a tenth apart is a conflict.
            civil_defence = ministry * 3 // 2 if day == 2 else ministry + 1
            displaced = 12_000 + 1_500 * day + 100 * place_index
            for hour, template, figure in (
                (0, MINISTRY, ministry),
                (4, CIVIL_DEFENCE, civil_defence),
                (8, RED_CRESCENT, ministry - 10),
                (9, REFUGEE_AGENCY, displaced),
            ):
                item_id = f"{run}-{place_index}-{day}-{hour}"
                published = morning + timedelta(hours=hour)
                items.append(wire_item(item_id, published, template.format(n=figure, place=place)))
    return items


def background_items(run: str) -> list[bytes]:
    items = []
    for index in range(BACKGROUND_ITEMS):
        place = TOWNS[index % len(TOWNS)]
        template = BACKGROUND[index // len(TOWNS) % len(BACKGROUND)]
        published = FIRST_DAY + timedelta(hours=index % (24 * DAYS))
        body = f"{template.format(n=20 + index, place=place)} {FILLER}"
        items.append(wire_item(f"{run}-bg-{index}", published, body))
    return items


def interleave(tracked: list[bytes], background: list[bytes]) -> list[bytes]:
    """Spread the tracked items evenly through the background ones, as a wire would deliver them."""
    mixed = [(index / len(tracked), value) for index, value in enumerate(tracked)]
    mixed += [(index / len(background), value) for index, value in enumerate(background)]
    return [value for _, value in sorted(mixed, key=lambda pair: pair[0])]


@dataclass
class ScaleTopics:
    bootstrap: str
    raw: str
    claims: str
    dlq: str
    tracked: str
    changelog: str
    worker_group: str
    tracker_group: str


@dataclass
class TrackerProcess:
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=STOP_TIMEOUT_S)


@pytest.fixture
def topics(kafka_bootstrap: str, new_topic: NewTopic, group_id: str) -> ScaleTopics:
    return ScaleTopics(
        bootstrap=kafka_bootstrap,
        raw=new_topic(PARTITIONS, prefix="scale-raw"),
        claims=new_topic(PARTITIONS, prefix="scale-claims"),
        dlq=new_topic(1, prefix="scale-dlq"),
        tracked=new_topic(PARTITIONS, prefix="scale-tracked"),
        changelog=new_topic(PARTITIONS, compact=True, prefix="scale-changelog"),
        worker_group=f"{group_id}-workers",
        tracker_group=f"{group_id}-tracker",
    )


@pytest.fixture
def processes() -> Iterator[list[WorkerProcess | TrackerProcess]]:
    started: list[WorkerProcess | TrackerProcess] = []
    yield started
    for process in started:
        if isinstance(process, WorkerProcess):
            process.ensure_stopped()
        elif process.process.poll() is None:
            process.process.kill()
            process.process.wait()


def start_worker(topics: ScaleTopics, log_dir: Path, name: str) -> WorkerProcess:
    return WorkerProcess(
        topics.bootstrap,
        log_dir,
        name,
        input_topic=topics.raw,
        output_topic=topics.claims,
        dlq_topic=topics.dlq,
        group_id=topics.worker_group,
        session_timeout_ms=SESSION_TIMEOUT_MS,
    )


def start_tracker(topics: ScaleTopics, log_dir: Path) -> TrackerProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLAIMWIRE_")}
    env |= {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": topics.bootstrap,
        "CLAIMWIRE_TRACKER_INPUT_TOPIC": topics.claims,
        "CLAIMWIRE_TRACKER_OUTPUT_TOPIC": topics.tracked,
        "CLAIMWIRE_TRACKER_CHANGELOG_TOPIC": topics.changelog,
        "CLAIMWIRE_TRACKER_GROUP_ID": topics.tracker_group,
        "CLAIMWIRE_TRACKER_TRANSACTIONAL_ID": f"{topics.tracker_group}-only",
        "CLAIMWIRE_TRACKER_HTTP_PORT": "0",
        "CLAIMWIRE_TRACKER_LOG_FORMAT": "json",
        # The test compares the tracker with the rules applied in the order it read the claims.
        "CLAIMWIRE_TRACKER_REORDER_WINDOW_SECONDS": "0",
    }
    log_path = log_dir / "tracker.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "worker.cli", "track"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return TrackerProcess(process, log_path)


def assigned_partitions(worker: WorkerProcess) -> int:
    """How many partitions the worker's latest assignment gave it."""
    assignments = [e for e in worker.events() if e.get("event") == "partitions_assigned"]
    if not assignments:
        return 0
    partitions = assignments[-1].get("partitions")
    return len(partitions) if isinstance(partitions, list) else 0


def claim_ids_in(records: list[ConsumedRecord]) -> Counter[str]:
    return Counter(ClaimEvent.model_validate_json(record.value).claim_id for record in records)


def wait_for_claims(topics: ScaleTopics, expected: dict[str, bytes], workers: list[WorkerProcess]) -> None:
    """Until every expected claim is published; on timeout, fail naming the missing items and offsets."""
    missing: set[str] = set(expected)
    deadline = time.monotonic() + WAIT_S
    while missing and time.monotonic() < deadline:
        missing -= set(claim_ids_in(consume_all(topics.bootstrap, topics.claims)))
        time.sleep(1.0)
    if missing:
        items = sorted({ClaimEvent.model_validate_json(expected[claim]).item_id for claim in missing})
        committed = committed_offsets(topics.bootstrap, topics.worker_group, topics.raw)
        logs = "\n\n".join(worker.log_tail(15) for worker in workers)
        raise AssertionError(
            f"{len(missing)} claims of {len(items)} items never published: {items[:20]}; "
            f"committed {committed}, end {end_offsets(topics.bootstrap, topics.raw)}\n{logs}"
        )


def expected_tracked(claim_records: list[ConsumedRecord]) -> list[TrackedEvent]:
    """The pure rules over the claims in the order the tracker reads them: by partition, by offset."""
    stores: dict[int, SeriesStore] = {}
    events: list[TrackedEvent] = []
    for record in claim_records:
        claim = ClaimEvent.model_validate_json(record.value)
        # Every item carries a publication time, so the arrival time never decides anything here.
        observation = observation_from_event(claim, datetime.now(UTC))
        if observation is None:
            continue
        result = stores.setdefault(record.partition, SeriesStore()).track(observation)
        events.extend(TrackedEvent.of(event) for event in result.events)
    return events


def announcement(event: TrackedEvent) -> tuple[str, str, tuple[str, ...]]:
    """What makes two events the same announcement: kind, series and the claims compared."""
    return (event.event, event.series.key, tuple(event.claim_ids))


def test_scaling_out_and_a_sigkilled_worker_lose_no_claim_and_the_tracker_announces_nothing_twice(
    topics: ScaleTopics, processes: list[WorkerProcess | TrackerProcess], tmp_path: Path
) -> None:
    items = interleave(toll_items("scale"), background_items("scale"))
    expected = expected_claims(items)
    attributed = [ClaimEvent.model_validate_json(value) for value in expected.values()]
    expected_series = {parts.series_key for e in attributed if (parts := credited_series_parts(e))}
    assert len(items) > 1_500 and len(expected_series) > 40, "the scenario should exercise many series"

    # Worker a is busy with a backlog when b joins (scaling out), then a is killed mid-stream and
    # restarted, while the tracker follows the claims as they come.
    tracker = start_tracker(topics, tmp_path)
    first = start_worker(topics, tmp_path, "a")
    processes.extend([tracker, first])
    backlog = 3 * len(items) // 4
    with ThreadPoolExecutor(max_workers=1) as starter:
        starting = starter.submit(start_worker, topics, tmp_path, "b")
        produce(topics.bootstrap, topics.raw, [(None, value, None) for value in items[:backlog]])
        second = starting.result()
    processes.append(second)
    wait_until(
        lambda: (
            assigned_partitions(first) + assigned_partitions(second) == PARTITIONS
            and assigned_partitions(first) > 0
            and assigned_partitions(second) > 0
        ),
        WAIT_S,
        "both workers to share the six partitions",
    )
    produce(topics.bootstrap, topics.raw, [(None, value, None) for value in items[backlog:]])
    first.kill()
    restarted = start_worker(topics, tmp_path, "a-restarted")
    processes.append(restarted)

    wait_for_claims(topics, expected, [restarted, second])
    assert restarted.terminate(STOP_TIMEOUT_S) == 0, restarted.log_tail()
    assert second.terminate(STOP_TIMEOUT_S) == 0, second.log_tail()

    claim_records = consume_all(topics.bootstrap, topics.claims)
    published = claim_ids_in(claim_records)
    assert set(published) == set(expected), "the output holds claims the pipeline does not give"
    assert consume_all(topics.bootstrap, topics.dlq) == []

    wanted = expected_tracked(claim_records)
    consume_until(topics.bootstrap, topics.tracked, len(wanted), timeout_s=WAIT_S)
    assert tracker.stop() == 0, tracker.log()
    events = [
        TrackedEvent.model_validate_json(r.value) for r in consume_all(topics.bootstrap, topics.tracked)
    ]

    twice = [key for key, n in Counter(announcement(e) for e in events).items() if n > 1]
    assert twice == [], f"announced more than once: {twice}"
    assert len({e.event_id for e in events}) == len(events), "an event id was published twice"
    assert {e.series.key for e in events if e.event == "series_opened"} == expected_series
    kinds = Counter(e.event for e in events)
    assert kinds["value_updated"] and kinds["value_revised_down"] and kinds["sources_conflict"], kinds
    # the conflict the scenario is built around: the civil defence agency's day-2 count against the
    # ministry's (in how many places depends on the order partitions deliver the days in)
    designed = {
        e.series.place
        for e in events
        if e.event == "sources_conflict"
        and e.other_series is not None
        and {e.series.source, e.other_series.source} & {"gov:xx:health-ministry"}
        and any("civil defence" in ref.source for ref in (e.series, e.other_series))
    }
    assert designed, kinds
    assert sorted(map(announcement, events)) == sorted(map(announcement, wanted))
