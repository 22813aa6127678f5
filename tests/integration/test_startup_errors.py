"""What an operator sees when a topic is missing: one line naming it and the command that creates
it, exit 2, for the worker, the tracker and replay; no flood of client lines, no "unreachable"."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from worker.exitcodes import ExitCode

NewTopic = Callable[..., str]


def claimwire(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {name: value for name, value in os.environ.items() if not name.startswith("CLAIMWIRE_")}
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_missing_topic_line(result: subprocess.CompletedProcess[str], command: str, topic: str) -> None:
    assert result.returncode == ExitCode.USAGE, result.stderr
    expected = f"claimwire {command}: topic '{topic}' does not exist; create it with: claimwire topics create"
    assert expected in result.stderr.splitlines(), result.stderr
    assert "Traceback" not in result.stderr
    assert "not found in cluster metadata" not in result.stderr


@pytest.fixture
def missing() -> str:
    return f"never-made-{uuid.uuid4().hex[:10]}"


def test_the_worker_names_a_missing_input_topic(
    kafka_bootstrap: str, new_topic: NewTopic, missing: str
) -> None:
    env = {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "CLAIMWIRE_INPUT_TOPIC": missing,
        "CLAIMWIRE_OUTPUT_TOPIC": new_topic(),
        "CLAIMWIRE_DLQ_TOPIC": new_topic(),
        "CLAIMWIRE_HTTP_PORT": "0",
    }
    assert_missing_topic_line(claimwire("worker", env=env), "worker", missing)


def test_the_worker_names_a_missing_dead_letter_topic(
    kafka_bootstrap: str, new_topic: NewTopic, missing: str
) -> None:
    env = {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "CLAIMWIRE_INPUT_TOPIC": new_topic(),
        "CLAIMWIRE_OUTPUT_TOPIC": new_topic(),
        "CLAIMWIRE_DLQ_TOPIC": missing,
        "CLAIMWIRE_HTTP_PORT": "0",
    }
    assert_missing_topic_line(claimwire("worker", env=env), "worker", missing)


def test_the_tracker_names_a_missing_output_topic(
    kafka_bootstrap: str, new_topic: NewTopic, missing: str
) -> None:
    env = {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "CLAIMWIRE_TRACKER_INPUT_TOPIC": new_topic(),
        "CLAIMWIRE_TRACKER_OUTPUT_TOPIC": missing,
        "CLAIMWIRE_TRACKER_CHANGELOG_TOPIC": f"changelog-{uuid.uuid4().hex[:10]}",
        "CLAIMWIRE_TRACKER_HTTP_PORT": "0",
    }
    assert_missing_topic_line(claimwire("track", env=env), "track", missing)


def test_replay_names_a_missing_source_topic_even_in_a_dry_run(kafka_bootstrap: str, missing: str) -> None:
    env = {"CLAIMWIRE_BOOTSTRAP_SERVERS": kafka_bootstrap}
    assert_missing_topic_line(
        claimwire("replay", "--topic", missing, "--dry-run", env=env), "replay", missing
    )


def test_replay_names_a_missing_output_topic(
    kafka_bootstrap: str, new_topic: NewTopic, missing: str, tmp_path: Path
) -> None:
    archive = tmp_path / "day.jsonl"
    archive.write_text('{"id": "a1", "body": "Officials said 5 roads were closed."}\n', encoding="utf-8")
    env = {"CLAIMWIRE_BOOTSTRAP_SERVERS": kafka_bootstrap, "CLAIMWIRE_DLQ_TOPIC": new_topic()}
    result = claimwire("replay", "--files", str(archive), "--output-topic", missing, env=env)
    assert_missing_topic_line(result, "replay", missing)
