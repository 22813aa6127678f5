"""Rebalances under load: a worker that keeps a partition through a rebalance loses none of it.

kafka-python keeps the fetch position of a partition that a rebalance revokes and assigns straight
back. A worker that drops the batch it was publishing when the group changed must therefore read
those records again itself; this test makes that happen again and again while a backlog drains.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from kafka import KafkaConsumer
from kafka_helpers import consume_all, produce
from worker_process import WorkerProcess, end_offsets, expected_claims, total, wait_until, wire_item

ITEMS = 4000
INTRUSIONS = 5
INTRUDER_POLL_S = 3.0
DRAIN_TIMEOUT_S = 120.0


@pytest.fixture
def worker_processes() -> Iterator[list[WorkerProcess]]:
    started: list[WorkerProcess] = []
    yield started
    for worker in started:
        worker.ensure_stopped()


def _intrude(bootstrap: str, topic: str, group_id: str) -> int:
    """Join the worker's group, take a partition for a while without committing, then leave."""
    intruder = KafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        session_timeout_ms=10_000,
    )
    try:
        intruder.subscribe([topic])
        deadline = time.monotonic() + INTRUDER_POLL_S
        while time.monotonic() < deadline:
            intruder.poll(timeout_ms=200, max_records=10)
        return len(intruder.assignment())
    finally:
        intruder.close(autocommit=False)


@pytest.mark.parametrize("extract_processes", [0, 1])
def test_partitions_kept_through_rebalances_lose_no_record(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    new_topic,  # type: ignore[no-untyped-def]
    group_id: str,
    worker_processes: list[WorkerProcess],
    tmp_path: Path,
    *,
    extract_processes: int,
) -> None:
    topics = {
        "input_topic": new_topic(2, prefix="wire"),
        "output_topic": new_topic(2, prefix="claims"),
        "dlq_topic": new_topic(1, prefix="dlq"),
    }
    values = [wire_item(i, run="rebalance") for i in range(ITEMS)]
    expected = expected_claims(values)
    produce(kafka_bootstrap, topics["input_topic"], [(f"k{i}", v, []) for i, v in enumerate(values)])

    worker = WorkerProcess(
        kafka_bootstrap,
        tmp_path,
        "rebalanced",
        group_id=group_id,
        session_timeout_ms=10_000,
        extract_processes=extract_processes,
        **topics,
    )
    worker_processes.append(worker)
    taken = []
    for round_number in range(1, INTRUSIONS + 1):
        # Each intrusion lands while the worker is busy with the backlog: a batch is in flight.
        wait_until(
            lambda n=round_number: (
                total(end_offsets(kafka_bootstrap, topics["output_topic"]))
                >= n * len(expected) // (INTRUSIONS + 2)
            ),
            DRAIN_TIMEOUT_S,
            f"claims before intrusion {round_number}",
        )
        taken.append(_intrude(kafka_bootstrap, topics["input_topic"], group_id))
    assert all(count == 1 for count in taken), taken  # each intruder really took a partition

    wait_until(
        lambda: total(end_offsets(kafka_bootstrap, topics["output_topic"])) >= len(expected),
        DRAIN_TIMEOUT_S,
        f"all {len(expected)} claims (worker log:\n{worker.log_tail()})",
    )
    published = {
        json.loads(record.value)["claim_id"]
        for record in consume_all(kafka_bootstrap, topics["output_topic"])
    }
    missing = set(expected) - published
    assert not missing, f"{len(missing)} claims lost; worker log:\n{worker.log_tail()}"
    assert published == set(expected)
    assert worker.terminate(timeout_s=30) == 0
