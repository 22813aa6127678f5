"""Claim events written by the worker (kafka-python) read back with an independent client (librdkafka)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from confluent_kafka import Consumer, KafkaError
from kafka_helpers import produce
from worker_process import WorkerProcess, end_offsets, expected_claims, total, wait_until, wire_item

from worker.models import ClaimEvent
from worker.track.keys import partition_key


@pytest.fixture
def worker_output(
    kafka_bootstrap: str, new_topic, group_id: str, tmp_path: Path
) -> Iterator[tuple[str, dict[str, bytes], str]]:  # type: ignore[no-untyped-def]
    input_topic, output_topic = new_topic(2, prefix="wire"), new_topic(3, prefix="claims")
    values = [wire_item(i, run="interop") for i in range(40)]
    expected = expected_claims(values)
    produce(kafka_bootstrap, input_topic, [(None, value, None) for value in values])
    worker = WorkerProcess(
        kafka_bootstrap,
        tmp_path,
        "interop",
        group_id=group_id,
        input_topic=input_topic,
        output_topic=output_topic,
        dlq_topic=new_topic(1, prefix="dlq"),
    )
    try:
        wait_until(lambda: total(end_offsets(kafka_bootstrap, output_topic)) >= len(expected), 120, "claims")
        yield output_topic, expected, input_topic
    finally:
        worker.ensure_stopped()


def read_with_librdkafka(bootstrap: str, topic: str, count: int) -> list[object]:
    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": f"interop-{topic}",
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
            "isolation.level": "read_committed",
        }
    )
    consumer.subscribe([topic])
    messages: list[object] = []
    deadline = time.monotonic() + 60
    try:
        while len(messages) < count and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error() is not None:
                assert message.error().code() == KafkaError._PARTITION_EOF, message.error()
                continue
            messages.append(message)
    finally:
        consumer.close()
    return messages


def test_claim_events_read_by_confluent_kafka_have_subject_keys_provenance_headers_and_valid_json(
    kafka_bootstrap: str, worker_output: tuple[str, dict[str, bytes], str]
) -> None:
    output_topic, expected, input_topic = worker_output
    messages = read_with_librdkafka(kafka_bootstrap, output_topic, len(expected))
    assert len(messages) == len(expected)
    seen: dict[str, bytes] = {}
    keys_by_partition: dict[bytes, set[int]] = {}
    for message in messages:
        value = message.value()  # type: ignore[attr-defined]
        event = ClaimEvent.model_validate_json(value)
        assert json.loads(value)["schema_version"] == 1
        assert message.key() == partition_key(event)  # type: ignore[attr-defined]
        headers = dict(message.headers())  # type: ignore[attr-defined]
        assert headers["claimwire.source.topic"] == input_topic.encode()
        assert int(headers["claimwire.source.partition"]) in (0, 1)
        assert int(headers["claimwire.source.offset"]) >= 0
        assert headers["claimwire.item.id"] == event.item_id.encode()
        assert headers["claimwire.claim.id"] == event.claim_id.encode()
        assert headers["claimwire.schema.version"] == b"1"
        assert headers["content-type"] == b"application/json"
        seen[event.claim_id] = value
        keys_by_partition.setdefault(message.key(), set()).add(message.partition())  # type: ignore[attr-defined]
    assert seen == expected
    # Keyed by subject: all claims about one thing sit on one partition, in order.
    assert all(len(partitions) == 1 for partitions in keys_by_partition.values())
