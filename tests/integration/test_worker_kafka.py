"""`claimwire worker` against a real broker: claims, dead letters, commits, crashes, shutdown, groups."""

from __future__ import annotations

import json
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from kafka_helpers import consume_all, produce
from worker_process import (
    WorkerProcess,
    committed_offsets,
    end_offsets,
    expected_claims,
    process_alive,
    source_of,
    total,
    wait_until,
    wire_item,
)

from worker.models import ClaimEvent
from worker.runtime.cpus import resolve_extract_processes
from worker.track.keys import partition_key

# `figures(scenario, **values)`, the fixture of tests/integration/conftest.py
Figures = Callable[..., None]

GRACE_S = 10.0
PROCESS_TIMEOUT_S = 120.0


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[list[WorkerProcess]]:
    """Worker processes a test starts; any still running at the end are killed."""
    started: list[WorkerProcess] = []
    yield started
    for worker in started:
        worker.ensure_stopped()


@pytest.fixture
def topics(new_topic) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        "input_topic": new_topic(3, prefix="wire"),
        "output_topic": new_topic(3, prefix="claims"),
        "dlq_topic": new_topic(1, prefix="dlq"),
    }


def start(
    workers: list[WorkerProcess], bootstrap: str, log_dir: Path, **settings: str | int | float
) -> WorkerProcess:
    worker = WorkerProcess(
        bootstrap,
        log_dir,
        str(len(workers)),
        shutdown_grace_seconds=GRACE_S,
        session_timeout_ms=10_000,
        **settings,
    )
    workers.append(worker)
    return worker


def produce_items(bootstrap: str, topic: str, values: list[bytes]) -> None:
    produce(bootstrap, topic, [(f"k{i}", value, [("origin", b"test")]) for i, value in enumerate(values)])


def claims_by_id(bootstrap: str, topic: str) -> Counter[str]:
    return Counter(json.loads(record.value)["claim_id"] for record in consume_all(bootstrap, topic))


def record_losses(
    figures: Figures, scenario: str, records: int, expected: dict[str, bytes], counts: Counter[str]
) -> None:
    """A scenario's loss and duplicate counts for the reliability figures."""
    figures(
        scenario,
        records_thrown=records,
        lost=len(set(expected) - set(counts)),
        duplicates=sum(count - 1 for count in counts.values()),
    )


@pytest.mark.parametrize("extract_processes", [0, 1])
def test_worker_publishes_exactly_the_claims_process_item_gives(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    topics: dict[str, str],
    group_id: str,
    workers: list[WorkerProcess],
    tmp_path: Path,
    *,
    extract_processes: int,
) -> None:
    values = [wire_item(i, run="e2e") for i in range(60)]
    expected = expected_claims(values)
    assert len(expected) == 45  # three of every four items carry one claim
    produce_items(kafka_bootstrap, topics["input_topic"], values)

    worker = start(
        workers, kafka_bootstrap, tmp_path, group_id=group_id, extract_processes=extract_processes, **topics
    )
    wait_until(
        lambda: total(end_offsets(kafka_bootstrap, topics["output_topic"])) >= len(expected),
        PROCESS_TIMEOUT_S,
        "all claim events",
    )
    records = consume_all(kafka_bootstrap, topics["output_topic"])
    assert {json.loads(r.value)["claim_id"]: r.value for r in records} == expected
    for record in records:
        event = ClaimEvent.model_validate_json(record.value)
        assert record.key == partition_key(event)
        assert record.header("claimwire.source.topic") == topics["input_topic"].encode()
        assert record.header("claimwire.item.id") == event.item_id.encode()
        assert record.header("claimwire.schema.version") == b"1"
        source_partition, source_offset = source_of(record)
        assert 0 <= source_partition < 3 and source_offset >= 0
    assert consume_all(kafka_bootstrap, topics["dlq_topic"]) == []

    wait_until(
        lambda: worker.metric_sum("claimwire_claims_produced_total") == len(expected), 30, "claim metric"
    )
    metrics = worker.metrics()
    assert metrics[("claimwire_items_consumed_total", ())] == 60
    assert metrics[("claimwire_items_processed_total", ())] == 60
    assert worker.metric_sum("claimwire_items_failed_total") == 0
    killed = [
        v
        for (name, labels), v in metrics.items()
        if name == "claimwire_claims_produced_total" and ("category", "killed") in labels
    ]
    assert sum(killed) == 15
    assert metrics[("claimwire_item_processing_seconds_count", ())] == 60
    assert metrics[("claimwire_extract_processes", ())] == extract_processes
    assert len(worker.extraction_children()) == extract_processes
    assert worker.get("/healthz")[0] == 200
    assert worker.get("/readyz") == (200, "ok: 3 partitions assigned (group joined, broker reachable)\n")


@pytest.mark.parametrize("extract_processes", [0, 1])
def test_a_poison_item_goes_to_the_dead_letter_topic_and_later_items_still_flow(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    topics: dict[str, str],
    group_id: str,
    workers: list[WorkerProcess],
    tmp_path: Path,
    *,
    extract_processes: int,
) -> None:
    good_before = wire_item(0, run="poison")
    poison = b'{"id": "bad-1", "body": '
    good_after = [wire_item(i, run="poison") for i in (1, 2)]
    # One partition's worth of order: the poison item sits between good ones on the same key.
    produce(
        kafka_bootstrap,
        topics["input_topic"],
        [
            ("same", good_before, None),
            ("same", poison, [("trace", b"t-1")]),
            *[("same", v, None) for v in good_after],
        ],
    )
    expected = expected_claims([good_before, *good_after])

    worker = start(
        workers, kafka_bootstrap, tmp_path, group_id=group_id, extract_processes=extract_processes, **topics
    )
    wait_until(
        lambda: (
            total(end_offsets(kafka_bootstrap, topics["output_topic"])) >= len(expected)
            and total(end_offsets(kafka_bootstrap, topics["dlq_topic"])) >= 1
        ),
        PROCESS_TIMEOUT_S,
        "claims and the dead letter",
    )
    assert set(claims_by_id(kafka_bootstrap, topics["output_topic"])) == set(expected)
    [letter] = consume_all(kafka_bootstrap, topics["dlq_topic"])
    assert letter.key == b"same"
    assert letter.value == poison
    assert letter.header("trace") == b"t-1"
    assert letter.header("claimwire.error.reason") == b"invalid_json"
    assert letter.header("claimwire.error.class") == b"worker.ingest.errors.ItemDecodeError"
    assert letter.header("claimwire.error.message")
    assert letter.header("claimwire.source.topic") == topics["input_topic"].encode()
    assert letter.header("claimwire.source.offset") == b"1"
    assert letter.header("claimwire.worker.version")

    wait_until(
        lambda: worker.metric_sum("claimwire_items_dead_lettered_total") == 1, 30, "dead-letter metric"
    )
    assert worker.metrics()[("claimwire_items_failed_total", (("reason", "invalid_json"),))] == 1
    assert worker.terminate(GRACE_S + 15) == 0
    committed = committed_offsets(kafka_bootstrap, group_id, topics["input_topic"])
    assert committed == {p: o or None for p, o in end_offsets(kafka_bootstrap, topics["input_topic"]).items()}


@pytest.mark.reliability
@pytest.mark.parametrize("extract_processes", [0, 1])
def test_sigterm_mid_stream_exits_zero_with_every_committed_record_published(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    topics: dict[str, str],
    group_id: str,
    workers: list[WorkerProcess],
    tmp_path: Path,
    *,
    extract_processes: int,
    figures: Figures,
) -> None:
    values = [wire_item(i, run="term") for i in range(2000)]
    expected = expected_claims(values)
    produce_items(kafka_bootstrap, topics["input_topic"], values)
    worker = start(
        workers,
        kafka_bootstrap,
        tmp_path,
        group_id=group_id,
        max_poll_records=50,
        extract_processes=extract_processes,
        **topics,
    )
    wait_until(lambda: len(worker.extraction_children()) == extract_processes, 60, "extraction children")
    children = worker.extraction_children()
    wait_until(
        lambda: total(end_offsets(kafka_bootstrap, topics["output_topic"])) > 0, PROCESS_TIMEOUT_S, "output"
    )

    assert worker.terminate(GRACE_S + 15) == 0
    events = [e["event"] for e in worker.events()]
    assert "worker_stop_requested" in events and events[-1] == "worker_stopped"
    # The children ignored SIGTERM and were joined by the parent, not left behind.
    assert not any(map(process_alive, children))

    committed = committed_offsets(kafka_bootstrap, group_id, topics["input_topic"])
    published = {source_of(r) for r in consume_all(kafka_bootstrap, topics["output_topic"])}
    claim_offsets = {(p, o) for p, o in _claim_sources(kafka_bootstrap, topics["input_topic"])}
    for partition, position in committed.items():
        needed = {(p, o) for p, o in claim_offsets if p == partition and o < (position or 0)}
        assert needed <= published, f"partition {partition}: committed {position} but claims are missing"

    # A second worker, with the default extraction setting, finishes the rest; then the group has
    # committed every offset.
    second = start(workers, kafka_bootstrap, tmp_path, group_id=group_id, **topics)
    wait_until(
        lambda: set(claims_by_id(kafka_bootstrap, topics["output_topic"])) == set(expected),
        PROCESS_TIMEOUT_S,
        "the rest of the claims",
    )
    auto_children = resolve_extract_processes("auto")
    assert second.metrics()[("claimwire_extract_processes", ())] == auto_children
    assert len(second.extraction_children()) == auto_children
    started = next(e for e in second.events() if e["event"] == "worker_started")
    assert (started["extract_processes_setting"], started["extract_processes"]) == ("auto", auto_children)
    assert second.terminate(GRACE_S + 15) == 0
    ends = end_offsets(kafka_bootstrap, topics["input_topic"])
    assert committed_offsets(kafka_bootstrap, group_id, topics["input_topic"]) == ends
    counts = claims_by_id(kafka_bootstrap, topics["output_topic"])
    record_losses(
        figures, f"SIGTERM mid-stream ({extract_processes} children)", len(values), expected, counts
    )


def _claim_sources(bootstrap: str, input_topic: str) -> list[tuple[int, int]]:
    """(partition, offset) of every input record that has at least one claim."""
    return [
        (record.partition, record.offset)
        for record in consume_all(bootstrap, input_topic)
        if expected_claims([record.value])
    ]


@pytest.mark.reliability
@pytest.mark.parametrize("extract_processes", [0, 1])
def test_sigkill_mid_stream_then_restart_loses_nothing(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    topics: dict[str, str],
    group_id: str,
    workers: list[WorkerProcess],
    tmp_path: Path,
    *,
    extract_processes: int,
    figures: Figures,
) -> None:
    values = [wire_item(i, run="kill") for i in range(2500)]
    expected = expected_claims(values)
    produce_items(kafka_bootstrap, topics["input_topic"], values)

    first = start(
        workers,
        kafka_bootstrap,
        tmp_path,
        group_id=group_id,
        max_poll_records=50,
        extract_processes=extract_processes,
        **topics,
    )
    wait_until(
        lambda: total(end_offsets(kafka_bootstrap, topics["output_topic"])) > 0, PROCESS_TIMEOUT_S, "output"
    )
    children = first.extraction_children()
    assert len(children) == extract_processes
    first.kill()
    # The extraction children die with their parent instead of waiting for work forever.
    wait_until(lambda: not any(map(process_alive, children)), 30, "the children to exit")
    published_at_kill = total(end_offsets(kafka_bootstrap, topics["output_topic"]))
    assert published_at_kill < len(expected), "the worker finished before it was killed: not mid-stream"
    committed_at_kill = committed_offsets(kafka_bootstrap, group_id, topics["input_topic"])

    second = start(
        workers, kafka_bootstrap, tmp_path, group_id=group_id, extract_processes=extract_processes, **topics
    )
    wait_until(
        lambda: set(claims_by_id(kafka_bootstrap, topics["output_topic"])) >= set(expected),
        PROCESS_TIMEOUT_S,
        "every claim after the restart",
    )
    assert second.terminate(GRACE_S + 15) == 0

    records = consume_all(kafka_bootstrap, topics["output_topic"])
    counts = Counter(json.loads(r.value)["claim_id"] for r in records)
    assert set(counts) == set(expected)  # nothing lost, nothing invented
    duplicated_sources = {source_of(r) for r in records if counts[json.loads(r.value)["claim_id"]] > 1}
    for partition, offset in duplicated_sources:
        # A duplicate can only come from a record the crashed worker had not committed.
        assert offset >= (committed_at_kill[partition] or 0), (partition, offset, committed_at_kill)
    assert all(count <= 2 for count in counts.values())
    record_losses(
        figures, f"kill -9 mid-stream ({extract_processes} children)", len(values), expected, counts
    )


@pytest.mark.reliability
@pytest.mark.parametrize("extract_processes", [0, 1])
def test_two_workers_split_the_partitions_and_one_takes_over_when_the_other_stops(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    new_topic,
    group_id: str,
    workers: list[WorkerProcess],
    tmp_path: Path,  # type: ignore[no-untyped-def]
    *,
    extract_processes: int,
    figures: Figures,
) -> None:
    topics = {
        "input_topic": new_topic(4, prefix="wire"),
        "output_topic": new_topic(2, prefix="claims"),
        "dlq_topic": new_topic(1, prefix="dlq"),
    }
    first, second = (
        start(
            workers,
            kafka_bootstrap,
            tmp_path,
            group_id=group_id,
            extract_processes=extract_processes,
            **topics,
        )
        for _ in range(2)
    )
    first.wait_ready()
    second.wait_ready()
    wait_until(
        lambda: (
            _assigned_count(first) + _assigned_count(second) == 4
            and _assigned_count(first) > 0
            and _assigned_count(second) > 0
        ),
        60,
        "the four partitions split between both workers",
    )

    batch_one = [wire_item(i, run="group") for i in range(200)]
    produce_items(kafka_bootstrap, topics["input_topic"], batch_one)
    wait_until(
        lambda: set(claims_by_id(kafka_bootstrap, topics["output_topic"])) >= set(expected_claims(batch_one)),
        PROCESS_TIMEOUT_S,
        "claims of the first batch",
    )
    assert first.metric_sum("claimwire_items_consumed_total") > 0
    assert second.metric_sum("claimwire_items_consumed_total") > 0

    assert second.terminate(GRACE_S + 15) == 0
    batch_two = [wire_item(i, run="group") for i in range(200, 400)]
    produce_items(kafka_bootstrap, topics["input_topic"], batch_two)
    everything = set(expected_claims(batch_one + batch_two))
    wait_until(
        lambda: set(claims_by_id(kafka_bootstrap, topics["output_topic"])) == everything,
        PROCESS_TIMEOUT_S,
        "the first worker taking over every partition",
    )
    wait_until(lambda: _assigned_count(first) == 4, 30, "all four partitions on the first worker")
    assert first.metric_sum("claimwire_rebalances_total") >= 2
    assert first.terminate(GRACE_S + 15) == 0
    ends = end_offsets(kafka_bootstrap, topics["input_topic"])
    assert committed_offsets(kafka_bootstrap, group_id, topics["input_topic"]) == ends
    counts = claims_by_id(kafka_bootstrap, topics["output_topic"])
    expected = expected_claims(batch_one + batch_two)
    record_losses(
        figures, f"rebalance: one of two workers leaves ({extract_processes} children)", 400, expected, counts
    )


@pytest.mark.reliability
def test_a_killed_extraction_child_is_replaced_and_only_the_record_in_its_hands_is_dead_lettered(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    topics: dict[str, str],
    group_id: str,
    workers: list[WorkerProcess],
    tmp_path: Path,
    *,
    figures: Figures,
) -> None:
    values = [wire_item(i, run="child") for i in range(2500)]
    produce_items(kafka_bootstrap, topics["input_topic"], values)
    worker = start(
        workers,
        kafka_bootstrap,
        tmp_path,
        group_id=group_id,
        max_poll_records=50,
        extract_processes=1,
        **topics,
    )
    wait_until(
        lambda: total(end_offsets(kafka_bootstrap, topics["output_topic"])) > 0, PROCESS_TIMEOUT_S, "output"
    )

    def produce_more() -> None:
        # the stream ran out before a kill met a child holding a record: give the worker more
        batch = [wire_item(i, run="child") for i in range(len(values), len(values) + 2500)]
        produce_items(kafka_bootstrap, topics["input_topic"], batch)
        values.extend(batch)

    killed = kill_a_child_with_a_record_in_hand(
        worker, kafka_bootstrap, (topics["input_topic"], topics["output_topic"]), group_id, produce_more
    )

    wait_until(
        lambda: (
            committed_offsets(kafka_bootstrap, group_id, topics["input_topic"])
            == end_offsets(kafka_bootstrap, topics["input_topic"])
        ),
        PROCESS_TIMEOUT_S,
        "every record committed after the child was replaced",
    )
    assert worker.metric_sum("claimwire_extract_pool_restarts_total") == 1
    [replacement] = worker.extraction_children()
    assert replacement not in killed
    assert worker.terminate(GRACE_S + 15) == 0
    [broke] = [e for e in worker.events() if e["event"] == "extract_child_broken"]
    assert broke["reason"] == "extractor_crashed"
    # The record in the child's hands is the one dead letter; every other record's claims are out.
    letters = consume_all(kafka_bootstrap, topics["dlq_topic"])
    assert [letter.header("claimwire.error.reason") for letter in letters] == [b"extractor_crashed"]
    lost = letters[0].value
    assert lost in values
    expected = expected_claims([value for value in values if value != lost])
    counts = claims_by_id(kafka_bootstrap, topics["output_topic"])
    assert set(counts) == set(expected)
    assert max(counts.values()) == 1
    record_losses(figures, "extraction child kill -9", len(values), expected, counts)
    figures("extraction child kill -9", dead_lettered=len(letters))
    ends = end_offsets(kafka_bootstrap, topics["input_topic"])
    assert committed_offsets(kafka_bootstrap, group_id, topics["input_topic"]) == ends


def kill_a_child_with_a_record_in_hand(
    worker: WorkerProcess,
    bootstrap: str,
    topics: tuple[str, str],
    group: str,
    produce_more: Callable[[], None],
) -> list[int]:
    """SIGKILL extraction children until one dies holding a record (the restart counter moves), and
    return every pid killed. A child killed between two chunks holds no record: it is replaced
    when the next chunk comes, with nothing to dead-letter, so the test kills the next one too, but
    only once output has grown since the last kill: a replacement killed while it still starts
    took no work, and the pool rightly stops the worker after a few such deaths in a row. When the
    worker finishes the stream first, `produce_more` gives it more records."""
    input_topic, output_topic = topics
    killed: list[int] = []
    output_at_last_kill = -1
    deadline = time.monotonic() + PROCESS_TIMEOUT_S
    while worker.metric_sum("claimwire_extract_pool_restarts_total") == 0:
        assert time.monotonic() < deadline, f"no child died with a record in hand (killed {killed})"
        if total(end_offsets(bootstrap, input_topic)) <= total(
            committed_offsets_or_zero(bootstrap, group, input_topic)
        ):
            produce_more()  # a fast worker may finish the stream between two kills
        output = total(end_offsets(bootstrap, output_topic))
        alive = [pid for pid in worker.extraction_children() if pid not in killed]
        if alive and output > output_at_last_kill:
            os.kill(alive[0], signal.SIGKILL)
            killed.append(alive[0])
            output_at_last_kill = output
        time.sleep(0.2)
    return killed


def committed_offsets_or_zero(bootstrap: str, group: str, topic: str) -> dict[int, int]:
    return {p: o or 0 for p, o in committed_offsets(bootstrap, group, topic).items()}


def _assigned_count(worker: WorkerProcess) -> int:
    status, text = worker.get("/readyz")
    return int(text.split()[1]) if status == 200 else 0


@pytest.mark.reliability
@pytest.mark.parametrize("extract_processes", [0, 1])
def test_exactly_once_mode_publishes_every_claim_once_and_commits_in_the_transaction(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    topics: dict[str, str],
    group_id: str,
    workers: list[WorkerProcess],
    tmp_path: Path,
    *,
    extract_processes: int,
    figures: Figures,
) -> None:
    values = [wire_item(i, run="eos") for i in range(300)]
    values.insert(17, b"not json at all")
    expected = expected_claims(v for v in values if v.startswith(b"{"))
    produce_items(kafka_bootstrap, topics["input_topic"], values)
    worker = start(
        workers,
        kafka_bootstrap,
        tmp_path,
        group_id=group_id,
        exactly_once="true",
        transactional_id=f"{group_id}-tx",
        extract_processes=extract_processes,
        **topics,
    )
    wait_until(
        lambda: (
            committed_offsets(kafka_bootstrap, group_id, topics["input_topic"])
            == end_offsets(kafka_bootstrap, topics["input_topic"])
        ),
        PROCESS_TIMEOUT_S,
        "the transactions to commit every input offset",
    )
    counts = claims_by_id(kafka_bootstrap, topics["output_topic"])  # read_committed
    assert set(counts) == set(expected)
    assert max(counts.values()) == 1
    assert len(consume_all(kafka_bootstrap, topics["dlq_topic"])) == 1
    assert worker.metric_sum("claimwire_transactions_total") >= 1
    assert worker.terminate(GRACE_S + 15) == 0
    scenario = f"exactly-once, read_committed ({extract_processes} children)"
    record_losses(figures, scenario, len(values), expected, counts)


def test_a_frozen_exactly_once_worker_holds_readers_back_only_until_its_transaction_times_out(
    kafka_bootstrap: str,
    topics: dict[str, str],
    group_id: str,
    workers: list[WorkerProcess],
    tmp_path: Path,
) -> None:
    """A worker that stops mid-transaction and never comes back (its successor would have another
    transactional id) blocks read_committed readers until the broker aborts its transaction: after
    CLAIMWIRE_TRANSACTION_TIMEOUT_SECONDS plus the broker's abort check (every 10 s by default)."""
    timeout_s = 2.0
    produce_items(kafka_bootstrap, topics["input_topic"], [wire_item(i, run="frozen") for i in range(3000)])
    worker = start(
        workers,
        kafka_bootstrap,
        tmp_path,
        group_id=group_id,
        exactly_once="true",
        transactional_id=f"{group_id}-tx",
        transaction_timeout_seconds=timeout_s,
        max_poll_records=20,
        extract_processes=1,
        **topics,
    )
    output = topics["output_topic"]
    wait_until(lambda: total(end_offsets(kafka_bootstrap, output)) > 0, PROCESS_TIMEOUT_S, "output")
    # Freeze the worker at a moment its transaction has written records it has not committed.
    frozen_at = None
    for _ in range(200):
        os.kill(worker.process.pid, signal.SIGSTOP)
        if end_offsets(kafka_bootstrap, output, stable=True) != end_offsets(kafka_bootstrap, output):
            frozen_at = time.monotonic()
            break
        os.kill(worker.process.pid, signal.SIGCONT)
        time.sleep(0.01)
    assert frozen_at is not None, "never caught a transaction open"
    try:
        wait_until(
            lambda: end_offsets(kafka_bootstrap, output, stable=True) == end_offsets(kafka_bootstrap, output),
            timeout_s + 10 + 15,
            "the broker to abort the frozen worker's transaction",
            interval_s=0.25,
        )
        held_back_s = time.monotonic() - frozen_at
    finally:
        worker.kill()
    assert held_back_s >= timeout_s - 0.5, "the transaction ended before its timeout: was it open?"


def test_a_worker_that_cannot_reach_the_broker_exits_non_zero(
    tmp_path: Path, workers: list[WorkerProcess]
) -> None:
    worker = start(workers, "127.0.0.1:9", tmp_path, broker_unreachable_seconds=2)
    assert worker.process.wait(timeout=60) == 3
    assert any(e["event"] == "worker_start_failed" for e in worker.events())


@pytest.mark.parametrize("extract_processes", [0, 1])
def test_a_tiny_in_flight_limit_pauses_and_resumes_without_losing_anything(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    topics: dict[str, str],
    group_id: str,
    workers: list[WorkerProcess],
    tmp_path: Path,
    *,
    extract_processes: int,
) -> None:
    values = [wire_item(i, run="pause") for i in range(80)]
    expected = expected_claims(values)
    produce_items(kafka_bootstrap, topics["input_topic"], values)
    worker = start(
        workers,
        kafka_bootstrap,
        tmp_path,
        group_id=group_id,
        max_in_flight=3,
        extract_processes=extract_processes,
        **topics,
    )
    wait_until(
        lambda: set(claims_by_id(kafka_bootstrap, topics["output_topic"])) == set(expected),
        PROCESS_TIMEOUT_S,
        "every claim through a three-record window",
    )
    assert worker.terminate(GRACE_S + 15) == 0
    events = Counter(str(e["event"]) for e in worker.events())
    assert events["partitions_paused"] >= 1
    assert events["partitions_resumed"] >= 1
    ends = end_offsets(kafka_bootstrap, topics["input_topic"])
    assert committed_offsets(kafka_bootstrap, group_id, topics["input_topic"]) == ends
