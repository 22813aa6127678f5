"""Integration tests run against a real Apache Kafka broker: the one KAFKA_BOOTSTRAP_SERVERS names,
or else one `claimwire dev-broker` started here for the whole session.

Fixtures: `kafka_bootstrap` ("host:port"), `new_topic` (a factory of uniquely named, ready topics),
`group_id` (a fresh consumer group id) and `figures` (records a scenario's figures: records thrown,
lost, duplicated...; printed at the end of the run and written to `reliability-figures.json` in the
session's temporary directory). Every test in this directory is marked `integration`, and those in
`reliability/` also `reliability`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from kafka_helpers import delete_topics

from worker.dev.broker import free_port
from worker.kafka.admin import TopicSpec, create_topics
from worker.settings import KafkaConnectionSettings

# First use on a fresh machine includes Maven fetching the broker's jars; a warm start takes ~10 s.
BROKER_START_TIMEOUT_S = 300.0
BROKER_STOP_TIMEOUT_S = 60.0
BOOTSTRAP_PREFIX = "bootstrap="

NewTopic = Callable[..., str]
Figures = Callable[..., None]

# scenario -> its figures, filled by the `figures` fixture, printed by pytest_terminal_summary
_FIGURES: dict[str, dict[str, object]] = {}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.integration)
        if here / "reliability" in Path(item.path).parents:
            item.add_marker(pytest.mark.reliability)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _FIGURES:
        return
    terminalreporter.section("reliability figures")
    for scenario, values in sorted(_FIGURES.items()):
        shown = ", ".join(f"{name}={value}" for name, value in values.items())
        terminalreporter.write_line(f"{scenario}: {shown}")


@pytest.fixture(scope="session")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Figures]:
    """`figures(scenario, **values)` records what a scenario measured (counts, seconds, bytes)."""
    path = tmp_path_factory.getbasetemp() / "reliability-figures.json"

    def record(scenario: str, **values: object) -> None:
        _FIGURES.setdefault(scenario, {}).update(values)
        path.write_text(json.dumps(_FIGURES, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    yield record


def _log_tail(log_path: Path, lines: int = 80) -> str:
    text = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def _wait_for_bootstrap(process: subprocess.Popen[bytes], log_path: Path) -> str:
    deadline = time.monotonic() + BROKER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(BOOTSTRAP_PREFIX):
                return line.removeprefix(BOOTSTRAP_PREFIX).strip()
        if process.poll() is not None:
            pytest.fail(
                f"claimwire dev-broker exited with code {process.returncode} before it was ready; "
                f"its log ({log_path}):\n{_log_tail(log_path)}",
                pytrace=False,
            )
        time.sleep(0.2)
    pytest.fail(
        f"claimwire dev-broker printed no '{BOOTSTRAP_PREFIX}' line within {BROKER_START_TIMEOUT_S:.0f} s; "
        f"its log ({log_path}):\n{_log_tail(log_path)}",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """host:port of a running broker for the whole session."""
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if external:
        yield external
        return
    workdir = tmp_path_factory.mktemp("dev-broker")
    log_path = workdir / "dev-broker.log"
    command = [
        sys.executable,
        "-m",
        "worker.cli",
        "dev-broker",
        "--port",
        str(free_port()),
        "--data-dir",
        str(workdir / "data"),
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield _wait_for_bootstrap(process, log_path)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=BROKER_STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def new_topic(kafka_bootstrap: str) -> Iterator[NewTopic]:
    """`new_topic(partitions=1, *, compact=False, prefix="t", configs=None)` creates a unique topic,
    ready to use, with any further topic configs (e.g. `max.message.bytes`)."""
    connection = KafkaConnectionSettings(bootstrap_servers=kafka_bootstrap)
    created: list[str] = []

    def make(
        partitions: int = 1,
        *,
        compact: bool = False,
        prefix: str = "t",
        configs: dict[str, str] | None = None,
    ) -> str:
        name = f"{prefix}-{uuid.uuid4().hex[:12]}"
        configs = {**({"cleanup.policy": "compact"} if compact else {}), **(configs or {})}
        report = create_topics(connection, [TopicSpec(name, partitions, 1, configs)])
        assert report.created == (name,)
        created.append(name)
        return name

    yield make
    # Only a shared broker outlives the session; the session's own broker goes away with its data.
    if created and os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        delete_topics(kafka_bootstrap, created)


@pytest.fixture
def group_id() -> str:
    """A consumer group id no other test uses."""
    return f"claimwire-test-{uuid.uuid4().hex[:12]}"
