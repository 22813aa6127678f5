"""The development broker and `claimwire topics`: a real KRaft broker that answers, keeps its data
across a restart, creates no topic on its own and supports the worker's transactions."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import ConfigResource
from kafka.errors import KafkaTimeoutError
from kafka_helpers import consume_all, produce

from worker.dev.broker import broker_answers, free_port, running_broker
from worker.exitcodes import ExitCode
from worker.kafka.admin import TopicSpec, create_topics
from worker.settings import KafkaConnectionSettings

NewTopic = Callable[..., str]


def _topic_config(bootstrap: str, topic: str, key: str) -> str:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        described = admin.describe_configs([ConfigResource("topic", topic, [key])], config_filter="all")
    finally:
        admin.close()
    value: str = described["topic"][topic][key]["value"]
    return value


def _claimwire(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_broker_answers_a_metadata_request(kafka_bootstrap: str) -> None:
    assert broker_answers(kafka_bootstrap)


def test_nothing_answers_on_a_port_without_a_broker() -> None:
    assert not broker_answers(f"127.0.0.1:{free_port()}", timeout_s=1.0)


def test_topics_create_makes_every_topic_then_reports_them_as_existing(kafka_bootstrap: str) -> None:
    run_id = uuid.uuid4().hex[:8]
    env = {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "CLAIMWIRE_INPUT_TOPIC": f"in-{run_id}",
        "CLAIMWIRE_OUTPUT_TOPIC": f"out-{run_id}",
        "CLAIMWIRE_DLQ_TOPIC": f"dlq-{run_id}",
        "CLAIMWIRE_TRACKER_OUTPUT_TOPIC": f"tracked-{run_id}",
        "CLAIMWIRE_TRACKER_CHANGELOG_TOPIC": f"changelog-{run_id}",
    }
    first = _claimwire("topics", "create", "--partitions", "2", env=env)
    assert first.returncode == 0, first.stderr
    first_lines = first.stdout.splitlines()
    for topic in (
        f"in-{run_id}",
        f"out-{run_id}",
        f"dlq-{run_id}",
        f"tracked-{run_id}",
        f"changelog-{run_id}",
    ):
        assert f"created  {topic}" in first_lines

    second = _claimwire("topics", "create", "--partitions", "2", env=env)
    assert second.returncode == 0, second.stderr
    second_lines = second.stdout.splitlines()
    assert len(second_lines) == len(first_lines)
    assert all(line.startswith("exists") for line in second_lines), second.stdout

    listed = _claimwire("topics", "list", env=env)
    assert {f"in-{run_id}", f"out-{run_id}", f"dlq-{run_id}", f"changelog-{run_id}"} <= set(
        listed.stdout.splitlines()
    )
    assert _topic_config(kafka_bootstrap, f"changelog-{run_id}", "cleanup.policy") == "compact"
    assert _topic_config(kafka_bootstrap, f"tracked-{run_id}", "cleanup.policy") == "delete"


def test_topics_create_names_the_broker_it_cannot_reach() -> None:
    unreachable = f"127.0.0.1:{free_port()}"
    result = _claimwire(
        "topics", "create", "--timeout", "2", env={"CLAIMWIRE_BOOTSTRAP_SERVERS": unreachable}
    )
    assert result.returncode == ExitCode.BROKER_UNREACHABLE
    assert unreachable in result.stderr


def test_topics_create_reports_existing_topics_that_differ_and_exits_1(kafka_bootstrap: str) -> None:
    run_id = uuid.uuid4().hex[:8]
    changelog, tracked = f"changelog-{run_id}", f"tracked-{run_id}"
    env = {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "CLAIMWIRE_INPUT_TOPIC": f"in-{run_id}",
        "CLAIMWIRE_OUTPUT_TOPIC": f"out-{run_id}",
        "CLAIMWIRE_DLQ_TOPIC": f"dlq-{run_id}",
        "CLAIMWIRE_TRACKER_OUTPUT_TOPIC": tracked,
        "CLAIMWIRE_TRACKER_CHANGELOG_TOPIC": changelog,
    }
    # Made by hand, wrongly: a changelog that is not compacted, an output with too few partitions.
    connection = KafkaConnectionSettings(bootstrap_servers=kafka_bootstrap)
    create_topics(connection, [TopicSpec(changelog, 2), TopicSpec(tracked, 1)])
    result = _claimwire("topics", "create", "--partitions", "2", env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert f"differs  {changelog}: cleanup.policy is delete, wanted compact" in lines
    assert f"differs  {tracked}: has 1 partitions, wanted 2" in lines
    assert f"exists   in-{run_id}" not in lines  # created just now
    assert f"created  in-{run_id}" in lines
    assert "left unchanged" in result.stderr
    assert _topic_config(kafka_bootstrap, changelog, "cleanup.policy") == "delete"  # nothing altered

    retention = _claimwire("topics", "create", "--partitions", "2", "--retention-ms", "3600000", env=env)
    assert re.search(rf"^differs  in-{run_id}: retention.ms is \d+, wanted 3600000$", retention.stdout, re.M)


def test_producing_to_an_unknown_topic_fails_and_creates_nothing(kafka_bootstrap: str) -> None:
    unknown = f"never-created-{uuid.uuid4().hex[:12]}"
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, max_block_ms=3000)
    try:
        with pytest.raises(KafkaTimeoutError):
            producer.send(unknown, value=b"x").get(timeout=10)
    finally:
        producer.close(timeout=5)
    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    try:
        assert unknown not in admin.list_topics()
    finally:
        admin.close()


def test_new_topic_factory_gives_ready_topics_with_the_asked_shape(
    kafka_bootstrap: str, new_topic: NewTopic
) -> None:
    plain = new_topic(3)
    compacted = new_topic(compact=True, prefix="changelog")
    assert plain != compacted
    assert compacted.startswith("changelog-")
    assert _topic_config(kafka_bootstrap, compacted, "cleanup.policy") == "compact"
    assert _topic_config(kafka_bootstrap, plain, "cleanup.policy") == "delete"

    produce(kafka_bootstrap, plain, [(f"k{n}", f"v{n}", [("h", b"1")]) for n in range(9)])
    records = consume_all(kafka_bootstrap, plain)
    assert sorted(record.value for record in records) == [f"v{n}".encode() for n in range(9)]
    assert {record.partition for record in records} <= {0, 1, 2}
    assert all(record.header("h") == b"1" for record in records)


def test_transactions_commit_and_abort_on_the_dev_broker(kafka_bootstrap: str, new_topic: NewTopic) -> None:
    topic = new_topic()
    producer = KafkaProducer(
        bootstrap_servers=kafka_bootstrap, transactional_id=f"test-tx-{uuid.uuid4().hex[:8]}"
    )
    try:
        producer.init_transactions()
        producer.begin_transaction()
        producer.send(topic, value=b"aborted")
        producer.abort_transaction()
        producer.begin_transaction()
        producer.send(topic, value=b"committed")
        producer.commit_transaction()
    finally:
        producer.close(timeout=10)
    assert [record.value for record in consume_all(kafka_bootstrap, topic)] == [b"committed"]


def test_a_restarted_broker_keeps_its_topics_and_records(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    topic = "kept-across-restart"
    with (tmp_path / "first.log").open("w") as log, running_broker(data_dir, log=log) as broker:
        create_topics(KafkaConnectionSettings(bootstrap_servers=broker.bootstrap), [TopicSpec(topic)])
        produce(broker.bootstrap, topic, [(None, "kept", None)])

    log_path = tmp_path / "second.log"
    port = free_port()
    with log_path.open("w") as log:
        command = ["dev-broker", "--port", str(port), "--data-dir", str(data_dir)]
        process = subprocess.Popen([sys.executable, "-m", "worker.cli", *command], stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 120
        while f"bootstrap=127.0.0.1:{port}" not in log_path.read_text() and time.monotonic() < deadline:
            assert process.poll() is None, log_path.read_text()
            time.sleep(0.2)
        assert "formatting" not in log_path.read_text()
        assert [record.value for record in consume_all(f"127.0.0.1:{port}", topic)] == [b"kept"]
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
    assert code == 0, log_path.read_text()
    assert "broker stopped" in log_path.read_text()
    assert not broker_answers(f"127.0.0.1:{port}", timeout_s=1.0)
