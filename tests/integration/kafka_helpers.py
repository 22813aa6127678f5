"""Small Kafka helpers for integration tests: produce records, read a topic to its end, drop topics.

They talk to the broker with kafka-python directly, independent of the worker's own adapter, so a
test checks the adapter against the client rather than against itself.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition

Header = tuple[str, bytes]
OutRecord = tuple[bytes | str | None, bytes | str, Sequence[Header] | None]

DEFAULT_TIMEOUT_S = 30.0


@dataclass(frozen=True, slots=True)
class ConsumedRecord:
    partition: int
    offset: int
    key: bytes | None
    value: bytes
    headers: tuple[Header, ...]

    def header(self, name: str) -> bytes | None:
        """The last value of header `name`, or None."""
        found = [value for key, value in self.headers if key == name]
        return found[-1] if found else None


def _as_bytes(data: bytes | str | None) -> bytes | None:
    return data.encode("utf-8") if isinstance(data, str) else data


def produce(bootstrap: str, topic: str, records: Iterable[OutRecord]) -> None:
    """Send (key, value, headers) records to `topic` and wait until the broker has them all."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    try:
        futures = [
            producer.send(topic, key=_as_bytes(key), value=_as_bytes(value), headers=list(headers or []))
            for key, value, headers in records
        ]
        producer.flush(timeout=DEFAULT_TIMEOUT_S)
        for future in futures:
            future.get(timeout=DEFAULT_TIMEOUT_S)
    finally:
        producer.close(timeout=DEFAULT_TIMEOUT_S)


def _to_record(message: object) -> ConsumedRecord:
    return ConsumedRecord(
        partition=message.partition,  # type: ignore[attr-defined]
        offset=message.offset,  # type: ignore[attr-defined]
        key=message.key,  # type: ignore[attr-defined]
        value=message.value,  # type: ignore[attr-defined]
        headers=tuple((name, value) for name, value in (message.headers or [])),  # type: ignore[attr-defined]
    )


def _assigned_consumer(bootstrap: str, topic: str) -> tuple[KafkaConsumer, list[TopicPartition]]:
    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        isolation_level="read_committed",
    )
    deadline = time.monotonic() + DEFAULT_TIMEOUT_S
    partitions = consumer.partitions_for_topic(topic)
    while not partitions and time.monotonic() < deadline:
        time.sleep(0.2)
        partitions = consumer.partitions_for_topic(topic)
    if not partitions:
        consumer.close()
        raise AssertionError(f"topic {topic!r} has no partitions visible on {bootstrap}")
    assigned = [TopicPartition(topic, number) for number in sorted(partitions)]
    consumer.assign(assigned)
    consumer.seek_to_beginning(*assigned)
    return consumer, assigned


def consume_all(bootstrap: str, topic: str, timeout_s: float = DEFAULT_TIMEOUT_S) -> list[ConsumedRecord]:
    """Every committed record in `topic` up to its current end, ordered by (partition, offset)."""
    consumer, assigned = _assigned_consumer(bootstrap, topic)
    try:
        end = consumer.end_offsets(assigned)
        records: list[ConsumedRecord] = []
        deadline = time.monotonic() + timeout_s
        while any(consumer.position(tp) < end[tp] for tp in assigned):
            if time.monotonic() > deadline:
                raise AssertionError(f"could not read {topic!r} to its end offsets {end} in {timeout_s} s")
            for messages in consumer.poll(timeout_ms=500).values():
                records.extend(_to_record(message) for message in messages)
    finally:
        consumer.close()
    return sorted(records, key=lambda record: (record.partition, record.offset))


def consume_until(
    bootstrap: str, topic: str, count: int, timeout_s: float = DEFAULT_TIMEOUT_S
) -> list[ConsumedRecord]:
    """Read `topic` from the beginning until it has given at least `count` records (or time runs out).

    Returns what was read either way, so the caller's assertion shows what arrived.
    """
    consumer, _ = _assigned_consumer(bootstrap, topic)
    records: list[ConsumedRecord] = []
    try:
        deadline = time.monotonic() + timeout_s
        while len(records) < count and time.monotonic() < deadline:
            for messages in consumer.poll(timeout_ms=500).values():
                records.extend(_to_record(message) for message in messages)
    finally:
        consumer.close()
    return sorted(records, key=lambda record: (record.partition, record.offset))


def delete_topics(bootstrap: str, topics: Sequence[str]) -> None:
    """Delete test topics from a shared broker."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        admin.delete_topics(list(topics), raise_errors=False)
    finally:
        admin.close()
