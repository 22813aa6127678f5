"""`claimwire schemas` and the registry wire format against a real registry (Apicurio Registry,
Confluent-compatible API) and a real broker: schemas registered once, claim events framed with the
registered id, the tracker reading them, and a worker refusing to start on an unregistered schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import jsonschema
import pytest
from kafka_helpers import consume_all, produce
from registry_process import running_registry
from worker_process import WorkerProcess, end_offsets, expected_claims, total, wait_until, wire_item

from worker.registry import unframe
from worker.schemagen import DEFAULT_OUT

NewTopic = Callable[..., str]
WAIT_S = 120.0


@pytest.fixture(scope="module")
def registry_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_registry(tmp_path_factory.mktemp("registry") / "registry.log") as url:
        yield url


def claimwire(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("CLAIMWIRE_")}
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def registered_ids(stdout: str) -> dict[str, int]:
    """subject -> id from `claimwire schemas register|check` lines."""
    ids = {}
    for line in stdout.splitlines():
        words = line.split()
        if words and words[0] == "registered":
            ids[words[1]] = int(words[3])
    return ids


def registry_schema(url: str, schema_id: int) -> dict[str, object]:
    with urllib.request.urlopen(f"{url}/schemas/ids/{schema_id}", timeout=10) as response:
        schema: dict[str, object] = json.loads(json.loads(response.read())["schema"])
        return schema


def committed_schema(file_name: str) -> dict[str, object]:
    schema: dict[str, object] = json.loads((DEFAULT_OUT / file_name).read_text(encoding="utf-8"))
    return schema


def test_register_is_idempotent_and_check_finds_a_missing_subject(registry_url: str) -> None:
    env = {
        "CLAIMWIRE_SCHEMA_REGISTRY_URL": registry_url,
        "CLAIMWIRE_INPUT_TOPIC": "reg-a.wire",
        "CLAIMWIRE_OUTPUT_TOPIC": "reg-a.claims",
        "CLAIMWIRE_TRACKER_OUTPUT_TOPIC": "reg-a.tracked",
        "CLAIMWIRE_TRACKER_CHANGELOG_TOPIC": "reg-a.changelog",
    }
    first = claimwire("schemas", "register", env=env)
    assert first.returncode == 0, first.stderr
    ids = registered_ids(first.stdout)
    assert set(ids) == {
        "reg-a.wire-value",
        "reg-a.claims-value",
        "claims.backfill-value",
        "reg-a.tracked-value",
        "reg-a.changelog-value",
    }
    assert ids["reg-a.claims-value"] == ids["claims.backfill-value"]
    assert registry_schema(registry_url, ids["reg-a.claims-value"]) == committed_schema(
        "claim_event.schema.json"
    )
    assert (
        registry_schema(registry_url, ids["reg-a.tracked-value"])["$id"]
        == (committed_schema("tracked_event.schema.json")["$id"])
    )

    again = claimwire("schemas", "register", env=env)
    assert again.returncode == 0 and registered_ids(again.stdout) == ids
    checked = claimwire("schemas", "check", env=env)
    assert checked.returncode == 0 and registered_ids(checked.stdout) == ids

    moved = claimwire("schemas", "check", env={**env, "CLAIMWIRE_OUTPUT_TOPIC": "reg-a.renamed"})
    assert moved.returncode == 1
    assert "missing     reg-a.renamed-value" in moved.stdout


def test_the_worker_frames_claims_with_the_registered_id_and_the_tracker_reads_them(
    registry_url: str, kafka_bootstrap: str, new_topic: NewTopic, group_id: str, tmp_path: Path
) -> None:
    wire, claims, dlq = new_topic(1, prefix="wire"), new_topic(1, prefix="claims"), new_topic(1, prefix="dlq")
    tracked, changelog = new_topic(1, prefix="tracked"), new_topic(1, compact=True, prefix="changelog")
    registered = claimwire(
        "schemas",
        "register",
        env={"CLAIMWIRE_SCHEMA_REGISTRY_URL": registry_url, "CLAIMWIRE_OUTPUT_TOPIC": claims},
    )
    assert registered.returncode == 0, registered.stderr
    claims_id = registered_ids(registered.stdout)[f"{claims}-value"]

    values = [wire_item(i, run="registry") for i in range(3)]
    expected = expected_claims(values)
    produce(kafka_bootstrap, wire, [(None, value, None) for value in values])
    worker = WorkerProcess(
        kafka_bootstrap, tmp_path, "registry", group_id=group_id, input_topic=wire, output_topic=claims,
        dlq_topic=dlq, schema_registry_url=registry_url, schema_registry_wire_format="true",
    )  # fmt: skip
    try:
        wait_until(lambda: total(end_offsets(kafka_bootstrap, claims)) >= len(expected), WAIT_S, "claims")
    finally:
        worker.ensure_stopped()

    schema = registry_schema(registry_url, claims_id)
    received = {}
    for record in consume_all(kafka_bootstrap, claims):
        schema_id, body = unframe(record.value)
        assert schema_id == claims_id
        event = json.loads(body)
        jsonschema.validate(event, schema)
        received[event["claim_id"]] = body
    assert received == expected

    log_path = tmp_path / "tracker.log"
    with log_path.open("wb") as log:
        tracker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "worker.cli",
                "track",
                "--bootstrap-servers",
                kafka_bootstrap,
                "--input-topic",
                claims,
                "--output-topic",
                tracked,
                "--changelog-topic",
                changelog,
                "--group-id",
                f"{group_id}-tracker",
                "--transactional-id",
                f"{group_id}-tracker-0",
                "--http-port",
                "0",
                "--log-format",
                "json",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env={key: value for key, value in os.environ.items() if not key.startswith("CLAIMWIRE_")},
        )
    try:
        wait_until(
            lambda: total(end_offsets(kafka_bootstrap, tracked, stable=True)) >= 1,
            WAIT_S,
            f"tracked events\n{log_path.read_text(errors='replace')[-3000:]}",
        )
    finally:
        tracker.kill()
        tracker.wait()
    assert '"claim_invalid"' not in log_path.read_text(errors="replace")


def test_a_worker_asked_for_the_wire_format_of_an_unregistered_schema_exits_2(
    registry_url: str, kafka_bootstrap: str
) -> None:
    result = claimwire(
        "worker",
        env={
            "CLAIMWIRE_BOOTSTRAP_SERVERS": kafka_bootstrap,
            "CLAIMWIRE_OUTPUT_TOPIC": "never-registered.claims",
            "CLAIMWIRE_SCHEMA_REGISTRY_URL": registry_url,
            "CLAIMWIRE_SCHEMA_REGISTRY_WIRE_FORMAT": "true",
            "CLAIMWIRE_LOG_FORMAT": "json",
        },
    )
    assert result.returncode == 2
    assert "never-registered.claims-value" in result.stderr
    assert "claimwire schemas register" in result.stderr
