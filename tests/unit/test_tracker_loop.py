"""The tracker loop's bookkeeping against an in-memory stand-in for its Kafka side.

The broker-facing guarantees are tested on a real broker (tests/integration/test_tracker.py); these
tests pin what the loop itself decides: restore before processing, rewind after an aborted
transaction, and which records count as invalid, unattributed or replayed.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from structlog.testing import capture_logs

from worker.kafka.errors import TransactionError
from worker.models import ClaimEvent
from worker.records import InputRecord
from worker.runtime.probes import LoopHealth
from worker.runtime.signals import StopRequest
from worker.runtime.tracker import AssignmentListener, Tracker, restore_states
from worker.track.events import SeriesSnapshot, TrackedEvent
from worker.track.files import track_lines
from worker.track.metrics import TrackerMetrics
from worker.track.rules import SeriesState, apply, observation_from_event

DATA = Path(__file__).parent.parent / "data"


class InMemoryTrackerSide:
    """Transactions over plain lists: sends become visible only when `commit` succeeds."""

    def __init__(self, records: list[InputRecord], *, failing_commits: int = 0) -> None:
        self.records = records
        self.position = 0
        self.failing_commits = failing_commits
        self.changelog: list[tuple[int, bytes, bytes]] = []
        self.events: list[bytes] = []
        self.committed: dict[int, int] = {}
        self._pending_events: list[bytes] = []
        self._pending_states: list[tuple[int, bytes, bytes]] = []
        self.listener: AssignmentListener | None = None
        self.seeks: list[tuple[int, int]] = []
        self._assigned = False

    def subscribe(self, listener: AssignmentListener) -> None:
        self.listener = listener

    def poll(self, timeout_seconds: float, max_records: int) -> list[InputRecord]:
        if not self._assigned and self.listener is not None:
            self._assigned = True
            self.listener.on_assigned({0})
        batch = self.records[self.position : self.position + max_records]
        self.position += len(batch)
        return batch

    def assigned(self) -> set[int]:
        return {0}

    def seek(self, partition: int, offset: int) -> None:
        self.seeks.append((partition, offset))
        self.position = offset

    def settle(self, partition: int, timeout_seconds: float) -> None:
        """Commits here are atomic and immediate: nothing is ever left open."""

    def read_changelog(
        self, partition: int, timeout_seconds: float
    ) -> Iterator[tuple[bytes | None, bytes | None]]:
        return iter([(key, value) for p, key, value in self.changelog if p == partition])

    def begin(self) -> None:
        self._pending_events, self._pending_states = [], []

    def send_event(self, key: bytes, value: bytes, headers: Sequence[tuple[str, bytes]] = ()) -> None:
        self._pending_events.append(value)

    def send_state(self, partition: int, key: bytes, value: bytes) -> None:
        self._pending_states.append((partition, key, value))

    def commit(self, positions: dict[int, int]) -> None:
        if self.failing_commits:
            self.failing_commits -= 1
            raise TransactionError("commit_transaction failed: broker went away")
        self.events.extend(self._pending_events)
        self.changelog.extend(self._pending_states)
        self.committed.update(positions)

    def abort(self) -> None:
        self._pending_events, self._pending_states = [], []


def timeline_records() -> list[InputRecord]:
    lines = (DATA / "timeline.jsonl").read_text(encoding="utf-8").splitlines()
    return [
        InputRecord(topic="claims", partition=0, offset=i, key=None, value=line.encode(), timestamp_ms=1)
        for i, line in enumerate(lines)
    ]


def run_until_drained(
    side: InMemoryTrackerSide, *, max_poll_records: int = 4
) -> tuple[Tracker, list[MutableMapping[str, Any]]]:
    stop = StopRequest()
    tracker = Tracker(
        side,
        metrics=TrackerMetrics(),
        health=LoopHealth(max_poll_age_seconds=60),
        stop=stop,
        max_poll_records=max_poll_records,
    )
    original_poll = side.poll

    def poll(timeout_seconds: float, max_records: int) -> list[InputRecord]:
        batch = original_poll(timeout_seconds, max_records)
        if not batch and side.position >= len(side.records):
            stop.set("drained")
        return batch

    side.poll = poll  # type: ignore[method-assign]
    with capture_logs() as logs:
        assert tracker.run() == 0
    return tracker, logs


def sample(tracker: Tracker, name: str, **labels: str) -> float | None:
    return tracker.metrics.registry.get_sample_value(name, labels)


def event_ids(side: InMemoryTrackerSide) -> list[str]:
    return [TrackedEvent.model_validate_json(value).event_id for value in side.events]


def test_an_aborted_commit_is_retried_after_restoring_state_and_announces_each_event_once() -> None:
    clean = InMemoryTrackerSide(timeline_records())
    run_until_drained(clean)
    flaky = InMemoryTrackerSide(timeline_records(), failing_commits=2)
    tracker, logs = run_until_drained(flaky)

    assert event_ids(flaky) == event_ids(clean)
    assert flaky.seeks == [(0, 0), (0, 0)]
    assert flaky.committed == {0: len(flaky.records)}
    assert sample(tracker, "claimwire_tracker_transactions_total", outcome="aborted") == 2
    aborted = [line for line in logs if line["event"] == "transaction_aborted"]
    assert len(aborted) == 2 and "broker went away" in aborted[0]["error"]


def test_records_that_join_no_series_are_counted_by_reason() -> None:
    records = timeline_records()
    broken = InputRecord(topic="claims", partition=0, offset=len(records), key=None, value=b"{not json")
    side = InMemoryTrackerSide([*records, broken])
    tracker, logs = run_until_drained(side)

    for reason in ("invalid", "unattributed", "replayed"):
        assert sample(tracker, "claimwire_tracker_claims_ignored_total", reason=reason) == 1
    [invalid] = [line for line in logs if line["event"] == "claim_invalid"]
    assert (invalid["partition"], invalid["offset"]) == (0, len(records))
    assert side.committed == {0: len(records) + 1}


def test_restore_keeps_the_latest_state_per_key_and_reports_bad_records() -> None:
    claims = [ClaimEvent.model_validate_json(r.value or b"") for r in timeline_records()[:7]]
    ministry = [o for o in (observation_from_event(c, datetime.now(UTC)) for c in claims) if o]
    toll, injured = SeriesState(parts=ministry[0].parts), SeriesState(parts=ministry[1].parts)
    apply(toll, ministry[0])
    apply(injured, ministry[1])
    older = SeriesSnapshot.of(toll).model_dump_json().encode()
    apply(toll, ministry[3])
    later = SeriesSnapshot.of(toll).model_dump_json().encode()
    wounded = SeriesSnapshot.of(injured).model_dump_json().encode()
    old_version_key = b"v0" + toll.key.encode()[2:]
    bad: list[str] = []
    states = restore_states(
        iter(
            [
                (toll.key.encode(), older),
                (toll.key.encode(), later),
                (injured.key.encode(), wounded),
                (injured.key.encode(), None),
                (old_version_key, older.replace(b'"key":"v1|', b'"key":"v0|')),
                (b"misfiled", later),
            ]
        ),
        on_invalid=lambda key, error: bad.append(key),
    )
    assert states == {toll.key: toll}
    assert bad == [old_version_key.decode(), "misfiled"]


def test_the_reorder_window_holds_claims_and_commits_no_offset_past_a_held_claim() -> None:
    in_order = timeline_records()
    lines = [record.value for record in reversed(in_order)]
    reversed_records = [
        InputRecord(topic="claims", partition=0, offset=i, key=None, value=value, timestamp_ms=1)
        for i, value in enumerate(lines)
    ]
    side = InMemoryTrackerSide(reversed_records)
    stop = StopRequest()
    ticks = iter(range(10_000))
    tracker = Tracker(
        side,
        metrics=TrackerMetrics(),
        health=LoopHealth(max_poll_age_seconds=60),
        stop=stop,
        max_poll_records=4,
        reorder_window_seconds=5,
        reorder_max_hold_seconds=1_000,
        clock=lambda: float(next(ticks)),
    )
    original_poll = side.poll
    commits_while_held: list[dict[int, int]] = []

    def poll(timeout_seconds: float, max_records: int) -> list[InputRecord]:
        if tracker.buffers.get(0) is not None and len(tracker.buffers[0]):
            commits_while_held.append(dict(side.committed))
        batch = original_poll(timeout_seconds, max_records)
        if not batch and side.position >= len(side.records) and side.events:
            stop.set("drained")
        return batch

    side.poll = poll  # type: ignore[method-assign]
    assert tracker.run() == 0
    assert commits_while_held and all(committed == {} for committed in commits_while_held)
    assert side.committed == {0: len(reversed_records)}
    lines_text = [record.value.decode() for record in reversed_records]
    from_file = track_lines(lines_text, window_seconds=5, on_invalid=lambda *_: None)
    assert event_ids(side) == [event.event_id for event in from_file]
