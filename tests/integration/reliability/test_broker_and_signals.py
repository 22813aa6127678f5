"""Honest exits (issue 13, bugs 6 and 8) and a broker restart: each against a broker of its own, which
the test stops and starts, or with no broker at all."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from kafka_helpers import consume_all, produce
from timeline import expected_timeline_events, summary
from worker_process import (
    WorkerProcess,
    committed_offsets,
    end_offsets,
    expected_claims,
    total,
    wait_until,
    wire_item,
)

from worker.dev.broker import free_port
from worker.exitcodes import ExitCode
from worker.kafka.admin import TopicSpec, create_topics
from worker.models import ClaimEvent
from worker.settings import KafkaConnectionSettings
from worker.track.events import TrackedEvent
from worker.track.keys import partition_key

BROKER_START_TIMEOUT_S = 180.0
PROCESS_TIMEOUT_S = 180.0
UNREACHABLE_S = 10.0
DATA = Path(__file__).resolve().parent.parent.parent / "data"


class PrivateBroker:
    """A `claimwire dev-broker` on a fixed port and data directory, so it can be stopped and started."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.data_dir = workdir / "data"
        self.workdir = workdir
        self.bootstrap = f"127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        log_path = self.workdir / f"broker-{self.starts}.log"
        with log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "worker.cli",
                    "dev-broker",
                    "--port",
                    str(self.port),
                    "--data-dir",
                    str(self.data_dir),
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_until(
            lambda: f"bootstrap={self.bootstrap}" in log_path.read_text(errors="replace"),
            BROKER_START_TIMEOUT_S,
            f"the private broker on {self.bootstrap}",
        )

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """SIGTERM stops the broker cleanly; SIGKILL kills its launcher, whose JVM then goes down at
        once (it dies with its parent)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=60)
        self.process = None


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[PrivateBroker]:
    own = PrivateBroker(tmp_path)
    own.start()
    yield own
    own.stop(signal.SIGTERM)


@pytest.fixture
def workers() -> Iterator[list[WorkerProcess]]:
    started: list[WorkerProcess] = []
    yield started
    for worker in started:
        worker.ensure_stopped()


def make_topics(bootstrap: str) -> dict[str, str]:
    names = {"input_topic": "rel-wire", "output_topic": "rel-claims", "dlq_topic": "rel-dlq"}
    specs = [
        TopicSpec(names["input_topic"], 3),
        TopicSpec(names["output_topic"], 3),
        TopicSpec(names["dlq_topic"], 1),
    ]
    create_topics(KafkaConnectionSettings(bootstrap_servers=bootstrap), specs)
    return names


def test_broker_loss_with_records_in_flight_exits_3_within_the_configured_time(
    broker: PrivateBroker,
    tmp_path: Path,
    workers: list[WorkerProcess],
    figures,  # type: ignore[no-untyped-def]
) -> None:
    topics = make_topics(broker.bootstrap)
    values = [wire_item(i, run="loss") for i in range(6000)]
    produce(broker.bootstrap, topics["input_topic"], [(f"k{i}", v, None) for i, v in enumerate(values)])
    worker = WorkerProcess(
        broker.bootstrap,
        tmp_path,
        "loss",
        group_id="rel-loss",
        broker_unreachable_seconds=UNREACHABLE_S,
        max_poll_records=100,
        **topics,
    )
    workers.append(worker)
    wait_until(
        lambda: total(end_offsets(broker.bootstrap, topics["output_topic"])) > 200,
        PROCESS_TIMEOUT_S,
        "output",
    )
    in_flight = worker.metric_sum("claimwire_items_in_flight")
    broker.stop(signal.SIGKILL)
    lost_at = time.monotonic()
    code = worker.process.wait(timeout=120)
    elapsed = time.monotonic() - lost_at
    assert code == 3, worker.log_tail()
    # The limit, plus one broker check's interval and timeout (5 s each), plus start-up slack.
    assert elapsed <= UNREACHABLE_S + 12, elapsed
    assert "Traceback" not in worker.log_path.read_text(errors="replace")
    figures(
        "broker lost with records in flight",
        in_flight_at_loss=in_flight,
        exit_code=code,
        seconds_to_exit=round(elapsed, 1),
    )


def test_a_ten_second_broker_restart_loses_nothing(
    broker: PrivateBroker,
    tmp_path: Path,
    workers: list[WorkerProcess],
    figures,  # type: ignore[no-untyped-def]
) -> None:
    topics = make_topics(broker.bootstrap)
    values = [wire_item(i, run="restart") for i in range(4000)]
    expected = expected_claims(values)
    produce(broker.bootstrap, topics["input_topic"], [(f"k{i}", v, None) for i, v in enumerate(values)])
    worker = WorkerProcess(
        broker.bootstrap, tmp_path, "restart", group_id="rel-restart", max_poll_records=100, **topics
    )
    workers.append(worker)
    wait_until(
        lambda: total(end_offsets(broker.bootstrap, topics["output_topic"])) > 200,
        PROCESS_TIMEOUT_S,
        "output",
    )
    broker.stop(signal.SIGTERM)
    time.sleep(10)
    broker.start()
    wait_until(
        lambda: (
            worker.process.poll() is not None
            or committed_offsets(broker.bootstrap, "rel-restart", topics["input_topic"])
            == end_offsets(broker.bootstrap, topics["input_topic"])
        ),
        PROCESS_TIMEOUT_S,
        "every record committed after the restart",
        interval_s=1.0,
    )
    assert worker.process.poll() is None, worker.log_tail()
    claims = Counter(
        json.loads(r.value)["claim_id"] for r in consume_all(broker.bootstrap, topics["output_topic"])
    )
    lost = len(set(expected) - set(claims))
    duplicates = sum(count - 1 for count in claims.values())
    assert lost == 0
    assert worker.terminate(40) == 0
    figures("broker restart (10 s)", records_thrown=len(values), lost=lost, duplicates=duplicates)


def _all_committed(bootstrap: str, group: str, topic: str) -> bool:
    """Whether the group has committed every record of the topic (an empty partition needs none)."""
    committed = committed_offsets(bootstrap, group, topic)
    return all((committed.get(p) or 0) >= end for p, end in end_offsets(bootstrap, topic).items())


def test_the_tracker_keeps_tracking_across_a_ten_second_broker_restart(
    broker: PrivateBroker,
    tmp_path: Path,
    figures,  # type: ignore[no-untyped-def]
) -> None:
    claims, tracked, group = "rel-claims-in", "rel-tracked", "rel-tracker"
    create_topics(
        KafkaConnectionSettings(bootstrap_servers=broker.bootstrap),
        [TopicSpec(claims, 3), TopicSpec(tracked, 3)],
    )
    records = [
        (partition_key(claim), claim.model_dump_json(), None)
        for claim in (
            ClaimEvent.model_validate_json(line)
            for line in (DATA / "timeline.jsonl").read_text(encoding="utf-8").splitlines()
        )
    ]
    half = len(records) // 2
    produce(broker.bootstrap, claims, records[:half])
    log_path = tmp_path / "tracker.log"
    command = [
        sys.executable, "-m", "worker.cli", "track", "--bootstrap-servers", broker.bootstrap,
        "--input-topic", claims, "--output-topic", tracked, "--changelog-topic", "rel-changelog",
        "--group-id", group, "--transactional-id", f"{group}-a", "--http-port", "0",
        "--log-format", "json",
    ]  # fmt: skip
    env = {**os.environ, "CLAIMWIRE_TRACKER_REORDER_WINDOW_SECONDS": "0"}
    with log_path.open("wb") as log:
        tracker = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env
        )
    try:
        wait_until(
            lambda: tracker.poll() is not None or _all_committed(broker.bootstrap, group, claims),
            PROCESS_TIMEOUT_S,
            "the first half tracked",
            interval_s=1.0,
        )
        broker.stop(signal.SIGTERM)
        time.sleep(10)
        broker.start()
        produce(broker.bootstrap, claims, records[half:])
        expected = expected_timeline_events()
        wait_until(
            lambda: (
                tracker.poll() is not None or len(consume_all(broker.bootstrap, tracked)) >= len(expected)
            ),
            PROCESS_TIMEOUT_S,
            "every event after the restart",
            interval_s=1.0,
        )
        assert tracker.poll() is None, log_path.read_text(errors="replace")[-4000:]
        events = [TrackedEvent.model_validate_json(r.value) for r in consume_all(broker.bootstrap, tracked)]
        assert len({e.event_id for e in events}) == len(events), "an event was announced twice"
        got = Counter(json.dumps(summary(e), sort_keys=True) for e in events)
        want = Counter(json.dumps(event, sort_keys=True) for event in expected)
        assert got == want
    finally:
        tracker.terminate()
        code = tracker.wait(timeout=60)
    assert code == 0, log_path.read_text(errors="replace")[-4000:]
    figures(
        "tracker across a broker restart (10 s)",
        claims=len(records),
        events=len(events),
        lost=0,
        duplicates=0,
    )


def _wait_until_sigterm_is_caught(pid: int, timeout_s: float) -> None:
    """Wait until the process has a handler for SIGTERM (its bit in /proc's SigCgt mask)."""
    status = Path(f"/proc/{pid}/status")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        caught = next(
            (line.split()[1] for line in status.read_text().splitlines() if line.startswith("SigCgt:")), "0"
        )
        if int(caught, 16) & (1 << (signal.SIGTERM - 1)):
            return
        time.sleep(0.005)
    raise AssertionError(f"process {pid} caught no SIGTERM within {timeout_s} s")


@pytest.mark.parametrize("after_s", [0.2, 0.8])
def test_sigterm_in_the_first_second_exits_zero(
    kafka_bootstrap: str,
    tmp_path: Path,
    after_s: float,
    figures,  # type: ignore[no-untyped-def]
) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLAIMWIRE_")}
    env.update(
        {
            "CLAIMWIRE_BOOTSTRAP_SERVERS": kafka_bootstrap,
            "CLAIMWIRE_HTTP_PORT": "0",
            "CLAIMWIRE_LOG_FORMAT": "json",
            "CLAIMWIRE_GROUP_ID": f"early-{after_s}",
        }
    )
    # The topics exist: a worker without them stops at its start-up check (exit 2), not on the signal.
    topics = make_topics(kafka_bootstrap)
    env.update({f"CLAIMWIRE_{name.upper()}": topic for name, topic in topics.items()})
    log_path = tmp_path / "early.log"
    with log_path.open("wb") as log:
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "worker.cli", "worker"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
    # A signal that lands while the interpreter itself is still starting meets the default action,
    # whatever the worker does: on a loaded machine that start alone can pass 0.2 s. The signal goes
    # `after_s` after the start, or as soon as the process catches SIGTERM if that is later.
    _wait_until_sigterm_is_caught(process.pid, timeout_s=30)
    time.sleep(max(0.0, after_s - (time.monotonic() - started)))
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=60)
    assert code == 0, log_path.read_text()
    figures(f"SIGTERM {after_s} s after start", exit_code=code)


def test_children_out_of_memory_on_record_after_record_make_the_worker_exit_5(
    kafka_bootstrap: str,
    new_topic,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    workers: list[WorkerProcess],
    figures,  # type: ignore[no-untyped-def]
) -> None:
    topics = {
        "input_topic": new_topic(1, prefix="broken-in"),
        "output_topic": new_topic(1, prefix="broken-claims"),
        "dlq_topic": new_topic(1, prefix="broken-dlq"),
    }
    # About 300 KB holding 14,000 figures: their claims need far more memory than a child can reuse
    # from what it freed, so every record runs out (text without figures might fit in freed memory).
    body = "Rain fell on 3 hills and 40 homes flooded. " * 7_000
    items = [json.dumps({"id": f"big-{i}", "body": body}) for i in range(8)]
    produce(kafka_bootstrap, topics["input_topic"], [("k", item, None) for item in items])
    # An address-space limit below what a child already holds: nothing large can be allocated.
    worker = WorkerProcess(
        kafka_bootstrap,
        tmp_path,
        "broken",
        group_id="rel-broken",
        extract_processes=1,
        extract_memory_limit_mb=20,
        **topics,
    )
    workers.append(worker)
    code = worker.process.wait(timeout=PROCESS_TIMEOUT_S)
    assert code == ExitCode.EXTRACTION_BROKEN, worker.log_tail()
    assert "Traceback" not in worker.log_path.read_text(errors="replace")
    assert any(e["event"] == "worker_stopping_on_failure" for e in worker.events())
    # Records a child could not extract are dead-lettered one by one as long as the child lives to
    # say so; nothing past them is committed, so whatever is not in the dead-letter topic is read
    # again by the restarted pod.
    letters = consume_all(kafka_bootstrap, topics["dlq_topic"])
    reasons = {(letter.header("claimwire.error.reason") or b"").decode() for letter in letters}
    assert reasons <= {"out_of_memory", "extractor_crashed"}, reasons
    committed = committed_offsets(kafka_bootstrap, "rel-broken", topics["input_topic"])[0] or 0
    assert committed <= len(letters) < len(items)
    figures("extraction children out of memory on every record", exit_code=code)
