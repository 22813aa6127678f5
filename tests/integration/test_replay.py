"""`claimwire replay` on a real broker: time ranges, group isolation, captured end, worker parity, SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.structs import OffsetAndMetadata
from kafka_helpers import ConsumedRecord, consume_all, produce
from worker_process import WorkerProcess, committed_offsets, expected_claims, source_of, wait_until, wire_item

from worker.kafka.admin import TopicSpec, create_topics
from worker.settings import KafkaConnectionSettings, WorkerSettings

REPLAY_TIMEOUT_S = 120.0

NewTopic = Callable[..., str]
MINUTE_MS = 60_000


@pytest.fixture(autouse=True, scope="module")
def default_dead_letter_topic(kafka_bootstrap: str) -> None:
    """Replay checks at start that the topics it writes exist, the default dead-letter topic too,
    as `claimwire topics create` makes it in a deployment."""
    connection = KafkaConnectionSettings(bootstrap_servers=kafka_bootstrap)
    default = WorkerSettings.model_fields["dlq_topic"].default
    create_topics(connection, [TopicSpec(default)])


CLAIM_BODIES = (
    "At least {n} people were killed in the floods, the health ministry said on Monday.",
    "Police said {n} protesters were detained after the march.",
)


def claim_item(index: int, *, run: str) -> bytes:
    """A wire item that holds claims, so every replayed record shows up in the output topic."""
    body = CLAIM_BODIES[index % len(CLAIM_BODIES)].format(n=index + 3)
    return json.dumps({"id": f"{run}-{index}", "source": "test-wire", "body": body}).encode()


def replay_command(bootstrap: str, *args: str) -> tuple[list[str], dict[str, str]]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLAIMWIRE_")}
    env.update({"CLAIMWIRE_BOOTSTRAP_SERVERS": bootstrap, "CLAIMWIRE_LOG_FORMAT": "json"})
    return [sys.executable, "-m", "worker.cli", "replay", *args], env


def run_replay(bootstrap: str, *args: str) -> subprocess.CompletedProcess[str]:
    command, env = replay_command(bootstrap, *args)
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=REPLAY_TIMEOUT_S, check=False
    )
    assert done.returncode == 0, f"replay exited {done.returncode}:\n{done.stderr[-3000:]}"
    return done


def produce_at(bootstrap: str, topic: str, records: list[tuple[int, int | None, bytes]]) -> None:
    """Send (partition, timestamp ms or None for now, value) records, waiting for every acknowledgement."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    try:
        futures = [producer.send(topic, value=v, partition=p, timestamp_ms=ts) for p, ts, v in records]
        producer.flush(timeout=30)
        for future in futures:
            future.get(timeout=30)
    finally:
        producer.close(timeout=30)


def sources(records: list[ConsumedRecord]) -> set[tuple[int, int]]:
    return {source_of(record) for record in records}


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    return tmp_path


def test_a_time_range_starts_and_stops_at_the_right_offset_in_each_partition(
    kafka_bootstrap: str,
    new_topic: NewTopic,
    tmp_path: Path,
) -> None:
    wire, out = new_topic(2, prefix="wire"), new_topic(1, prefix="backfill")
    # Recent enough that the broker's retention (7 days by timestamp) keeps every record.
    t0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    t0_ms = int(t0.timestamp() * 1000)
    # Partition 0: one record a minute from T0. Partition 1: one every three minutes from T0.
    records = [(0, t0_ms + i * MINUTE_MS, claim_item(i, run="p0")) for i in range(10)]
    records += [(1, t0_ms + i * 3 * MINUTE_MS, claim_item(i, run="p1")) for i in range(10)]
    produce_at(kafka_bootstrap, wire, records)

    # From T0+4.5 min to T0+12 min: partition 0 offsets 5..9, partition 1 offsets 2 and 3 (6 and 9 min).
    done = run_replay(
        kafka_bootstrap,
        "--topic", wire,
        "--since", (t0 + timedelta(minutes=4.5)).isoformat(),
        "--until", (t0 + timedelta(minutes=12)).isoformat(),
        "--output-topic", out,
        "--checkpoint", str(tmp_path / "cp.json"),
    )  # fmt: skip
    replayed = sources(consume_all(kafka_bootstrap, out))
    assert replayed == {(0, 5), (0, 6), (0, 7), (0, 8), (0, 9), (1, 2), (1, 3)}, done.stderr
    positions = json.loads((tmp_path / "cp.json").read_text())["partitions"]
    assert positions == {"0": {"next": 10, "stop": 10}, "1": {"next": 4, "stop": 4}}


def test_offset_ranges_and_chosen_partitions(kafka_bootstrap: str, new_topic: NewTopic) -> None:
    wire, out = new_topic(3, prefix="wire"), new_topic(1, prefix="backfill")
    produce_at(
        kafka_bootstrap,
        wire,
        [(p, None, claim_item(p * 10 + i, run="o")) for p in range(3) for i in range(6)],
    )
    run_replay(
        kafka_bootstrap,
        "--topic", wire, "--partitions", "0,2", "--from-offsets", "0:1,2:4", "--to-offsets", "3",
        "--output-topic", out,
    )  # fmt: skip
    # Partition 2 starts at 4 but stops at 3: nothing. Partition 1 was not chosen.
    assert sources(consume_all(kafka_bootstrap, out)) == {(0, 1), (0, 2)}


def test_the_live_groups_committed_offsets_are_untouched(
    kafka_bootstrap: str,
    new_topic: NewTopic,
    group_id: str,
) -> None:
    wire, out = new_topic(2, prefix="wire"), new_topic(1, prefix="backfill")
    produce(kafka_bootstrap, wire, [(None, claim_item(i, run="g"), None) for i in range(40)])
    live = KafkaConsumer(bootstrap_servers=kafka_bootstrap, group_id=group_id, enable_auto_commit=False)
    try:
        live.commit(
            {
                TopicPartition(wire, 0): OffsetAndMetadata(3, "", -1),
                TopicPartition(wire, 1): OffsetAndMetadata(7, "", -1),
            }
        )
    finally:
        live.close(autocommit=False)
    before = committed_offsets(kafka_bootstrap, group_id, wire)
    assert before == {0: 3, 1: 7}

    run_replay(kafka_bootstrap, "--topic", wire, "--output-topic", out)
    assert len(sources(consume_all(kafka_bootstrap, out))) == 40
    assert committed_offsets(kafka_bootstrap, group_id, wire) == before


def test_it_stops_at_the_end_captured_at_start_while_records_keep_arriving(
    kafka_bootstrap: str,
    new_topic: NewTopic,
    tmp_path: Path,
) -> None:
    wire, out = new_topic(1, prefix="wire"), new_topic(1, prefix="backfill")
    produce(kafka_bootstrap, wire, [(None, claim_item(i, run="head"), None) for i in range(60)])
    checkpoint = tmp_path / "cp.json"
    command, env = replay_command(
        kafka_bootstrap,
        "--topic",
        wire,
        "--output-topic",
        out,
        "--checkpoint",
        str(checkpoint),
        "--rate",
        "30",
    )
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        # The first checkpoint is written once the end offsets are captured: produce more after it.
        wait_until(checkpoint.exists, 60, "the replay's first checkpoint")
        produce(kafka_bootstrap, wire, [(None, claim_item(i, run="late"), None) for i in range(60, 120)])
        _, stderr = process.communicate(timeout=REPLAY_TIMEOUT_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, stderr[-3000:]
    replayed = sources(consume_all(kafka_bootstrap, out))
    assert replayed == {(0, offset) for offset in range(60)}
    assert json.loads(checkpoint.read_text())["partitions"] == {"0": {"next": 60, "stop": 60}}


@pytest.fixture
def workers() -> Iterator[list[WorkerProcess]]:
    started: list[WorkerProcess] = []
    yield started
    for worker in started:
        worker.ensure_stopped()


def message_view(record: ConsumedRecord) -> tuple[bytes | None, bytes, tuple[tuple[str, bytes], ...]]:
    return record.key, record.value, record.headers


def test_replayed_messages_are_byte_identical_to_the_live_workers(
    kafka_bootstrap: str,
    new_topic: NewTopic,
    group_id: str,
    tmp_path: Path,
    workers: list[WorkerProcess],
) -> None:
    wire = new_topic(3, prefix="wire")
    live_out, live_dlq = new_topic(3, prefix="claims"), new_topic(1, prefix="dlq")
    replay_out, replay_dlq = new_topic(3, prefix="backfill"), new_topic(1, prefix="rdlq")
    values = [wire_item(i, run="parity") for i in range(30)] + [b"{not json", b'{"id": "no-body"}']
    produce(
        kafka_bootstrap, wire, [(f"k{i}", value, [("origin", b"feed-a")]) for i, value in enumerate(values)]
    )
    expected = expected_claims(values[:30])
    assert expected

    worker = WorkerProcess(
        kafka_bootstrap, tmp_path, "parity",
        input_topic=wire, output_topic=live_out, dlq_topic=live_dlq, group_id=group_id,
    )  # fmt: skip
    workers.append(worker)
    wait_until(
        lambda: len(consume_all(kafka_bootstrap, live_out)) >= len(expected), 90, "the worker's claims"
    )
    wait_until(lambda: len(consume_all(kafka_bootstrap, live_dlq)) >= 2, 60, "the worker's dead letters")
    assert worker.terminate(30) == 0

    run_replay(kafka_bootstrap, "--topic", wire, "--output-topic", replay_out, "--dlq-topic", replay_dlq)
    live_claims = consume_all(kafka_bootstrap, live_out)
    replayed_claims = consume_all(kafka_bootstrap, replay_out)
    assert {json.loads(r.value)["claim_id"]: r.value for r in replayed_claims} == expected
    # Same partition, key, value and headers, message for message.
    assert Counter((r.partition, *message_view(r)) for r in replayed_claims) == Counter(
        (r.partition, *message_view(r)) for r in live_claims
    )
    assert Counter(message_view(r) for r in consume_all(kafka_bootstrap, replay_dlq)) == Counter(
        message_view(r) for r in consume_all(kafka_bootstrap, live_dlq)
    )


def test_a_killed_replay_resumes_from_its_checkpoint_without_loss_or_extra_output(
    kafka_bootstrap: str,
    new_topic: NewTopic,
    tmp_path: Path,
) -> None:
    wire, out = new_topic(2, prefix="wire"), new_topic(2, prefix="backfill")
    values = [claim_item(i, run="kill") for i in range(300)]
    produce(kafka_bootstrap, wire, [(f"k{i}", value, None) for i, value in enumerate(values)])
    checkpoint, window = tmp_path / "cp.json", 20

    def progress() -> int:
        try:
            positions = json.loads(checkpoint.read_text())["partitions"]
        except (FileNotFoundError, json.JSONDecodeError, KeyError):
            return 0
        return sum(p["next"] for p in positions.values())

    args = [
        "--topic",
        wire,
        "--output-topic",
        out,
        "--checkpoint",
        str(checkpoint),
        "--checkpoint-every",
        str(window),
    ]
    command, env = replay_command(kafka_bootstrap, *args, "--rate", "60")
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until(lambda: progress() >= 80, 60, "the replay to checkpoint 80 items")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    at_kill = json.loads(checkpoint.read_text())["partitions"]
    assert sum(p["next"] for p in at_kill.values()) < 300  # killed part way, not after the end

    run_replay(kafka_bootstrap, *args)
    claims = consume_all(kafka_bootstrap, out)
    by_id = Counter(json.loads(r.value)["claim_id"] for r in claims)
    assert set(by_id) == set(expected_claims(values))  # nothing lost
    repeated = {source_of(r) for r in claims if by_id[json.loads(r.value)["claim_id"]] > 1}
    for partition, offset in repeated:
        # Only records after the last checkpoint, and no more than one window of them, are repeated.
        assert at_kill[str(partition)]["next"] <= offset < at_kill[str(partition)]["next"] + window
    assert max(by_id.values()) <= 2


def test_a_killed_file_replay_resumes_to_exactly_the_uninterrupted_output(tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    archive.write_bytes(b"\n".join(claim_item(i, run="fkill") for i in range(240)) + b"\n")
    reference = tmp_path / "reference.jsonl"
    run_replay("127.0.0.1:1", "--files", str(archive), "--output-file", str(reference))

    out, checkpoint = tmp_path / "out.jsonl", tmp_path / "cp.json"
    args = ["--files", str(archive), "--output-file", str(out), "--checkpoint", str(checkpoint)]
    command, env = replay_command("127.0.0.1:1", *args, "--checkpoint-every", "15", "--rate", "60")
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def lines_checkpointed() -> int:
        try:
            mark = json.loads(checkpoint.read_text())["last_file_item"]
        except (FileNotFoundError, json.JSONDecodeError, KeyError):
            return 0
        return int(mark["line"]) if mark else 0

    try:
        wait_until(lambda: lines_checkpointed() >= 60, 60, "the replay to checkpoint 60 lines")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert lines_checkpointed() < 240

    run_replay("127.0.0.1:1", *args)
    assert out.read_bytes() == reference.read_bytes()
