"""Run `claimwire worker` as a subprocess against the test broker, and read what it did.

Used by the worker integration tests and the interoperability test: the worker is started exactly as
in production (a process, CLAIMWIRE_* variables, JSON logs, signals), never through its internals.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path

from kafka import KafkaConsumer, TopicPartition
from kafka_helpers import ConsumedRecord
from prometheus_client.parser import text_string_to_metric_families

from worker.ingest.decode import decode_item
from worker.pipeline import process_item

STARTUP_TIMEOUT_S = 60.0

BODIES = (
    "At least {n} people were killed in the floods, the health ministry said on Monday.",
    "Police said {n} protesters were detained after the march.",
    "The UN refugee agency said {n} families had been displaced by the fighting.",
    "The weather was mild and the market reopened.",
)


def wire_item(index: int, *, run: str = "r") -> bytes:
    """A small wire item in claimwire's envelope; every fourth one has no claims."""
    body = BODIES[index % len(BODIES)].format(n=index + 3)
    item = {
        "id": f"{run}-item-{index}",
        "source": "test-wire",
        "published_at": "2026-11-28T09:00:00Z",
        "headline": f"Item {index}",
        "body": body,
    }
    return json.dumps(item).encode()


def expected_claims(values: Iterable[bytes]) -> dict[str, bytes]:
    """claim_id -> event JSON, computed with the pure pipeline on the same items."""
    expected: dict[str, bytes] = {}
    for value in values:
        for event in process_item(decode_item(value)):
            expected[event.claim_id] = event.model_dump_json().encode()
    return expected


def wait_until(predicate: Callable[[], bool], timeout_s: float, what: str, interval_s: float = 0.2) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval_s)
    raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}")


def end_offsets(bootstrap: str, topic: str, *, stable: bool = False) -> dict[int, int]:
    """Each partition's high watermark or, with `stable`, its last stable offset: where read_committed
    readers stop while a transaction is open."""
    isolation = "read_committed" if stable else "read_uncommitted"
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, isolation_level=isolation)
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        return {tp.partition: offset for tp, offset in consumer.end_offsets(partitions).items()}
    finally:
        consumer.close()


def committed_offsets(bootstrap: str, group: str, topic: str) -> dict[int, int | None]:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        partitions = sorted(consumer.partitions_for_topic(topic) or ())
        return {p: consumer.committed(TopicPartition(topic, p)) for p in partitions}
    finally:
        consumer.close(autocommit=False)


def total(offsets: dict[int, int]) -> int:
    return sum(offsets.values())


def source_of(record: ConsumedRecord) -> tuple[int, int]:
    """(partition, offset) of the input record a claim event or dead letter came from."""
    partition = record.header("claimwire.source.partition")
    offset = record.header("claimwire.source.offset")
    assert partition is not None and offset is not None, record.headers
    return int(partition), int(offset)


def process_alive(pid: int) -> bool:
    """Whether a process runs (a zombie waiting to be reaped does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in {"Z", "X"}


class WorkerProcess:
    """One `claimwire worker` process with JSON logs in a file and an ephemeral HTTP port."""

    def __init__(self, bootstrap: str, log_dir: Path, name: str, **settings: str | int | float) -> None:
        self.log_path = log_dir / f"worker-{name}.log"
        env = {key: value for key, value in os.environ.items() if not key.startswith("CLAIMWIRE_")}
        env.update(
            {
                "CLAIMWIRE_BOOTSTRAP_SERVERS": bootstrap,
                "CLAIMWIRE_HTTP_PORT": "0",
                "CLAIMWIRE_HTTP_HOST": "127.0.0.1",
                "CLAIMWIRE_LOG_FORMAT": "json",
                "CLAIMWIRE_CLIENT_ID": f"test-worker-{name}",
                # Static membership: every worker of a test is its own member, as pods are.
                "CLAIMWIRE_GROUP_INSTANCE_ID": f"test-worker-{name}",
            }
        )
        env.update({f"CLAIMWIRE_{key.upper()}": str(value) for key, value in settings.items()})
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "worker.cli", "worker"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self.port = self._wait_for_port()

    def events(self) -> list[dict[str, object]]:
        lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        parsed = []
        for line in lines:
            if line.startswith("{"):
                parsed.append(json.loads(line))
        return parsed

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def _wait_for_port(self) -> int:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            for event in self.events():
                if event.get("event") == "http_listening":
                    return int(str(event["port"]))
            if self.process.poll() is not None:
                raise AssertionError(f"worker exited with {self.process.returncode}:\n{self.log_tail()}")
            time.sleep(0.1)
        raise AssertionError(f"worker logged no http_listening line:\n{self.log_tail()}")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=5) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def wait_ready(self) -> None:
        wait_until(lambda: self.get("/readyz")[0] == 200, STARTUP_TIMEOUT_S, f"readiness\n{self.log_tail()}")

    def metrics(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        status, text = self.get("/metrics")
        assert status == 200
        return {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples
        }

    def metric_sum(self, name: str) -> float:
        return sum(value for (sample, _), value in self.metrics().items() if sample == name)

    def terminate(self, timeout_s: float) -> int:
        """SIGTERM and wait: the exit code (raises if the worker outlives `timeout_s`)."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout_s)
        finally:
            self._log.close()

    def extraction_children(self) -> list[int]:
        """Pids of the worker's extraction child processes (spawned interpreters, not the
        multiprocessing resource tracker)."""
        found = []
        for task in Path(f"/proc/{self.process.pid}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except FileNotFoundError:
                continue
            for child in children:
                try:
                    command = Path(f"/proc/{child}/cmdline").read_bytes()
                except FileNotFoundError:
                    continue
                if b"spawn_main" in command:
                    found.append(int(child))
        return sorted(found)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        self._log.close()

    def ensure_stopped(self) -> None:
        if self.process.poll() is None:
            self.kill()
