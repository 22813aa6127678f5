"""Plain topic I/O for tools such as the demo: publish a batch of records, read a topic from the start.

Not the worker's path (that is `consumer`/`producer` with the commit policy): these helpers have no
consumer group and commit nothing, so they never disturb a group's offsets.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.errors import KafkaError

from worker.kafka.config import consumer_options, producer_options
from worker.kafka.errors import BrokerUnreachableError, ProduceError
from worker.settings import KafkaConnectionSettings

DEFAULT_TIMEOUT_S = 30.0


@dataclass(frozen=True, slots=True)
class TopicRecord:
    """One record read from a topic."""

    partition: int
    offset: int
    key: bytes | None
    value: bytes
    headers: tuple[tuple[str, bytes], ...]


def publish(
    connection: KafkaConnectionSettings,
    topic: str,
    records: Iterable[tuple[bytes | None, bytes]],
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> int:
    """Send (key, value) records, wait until the broker acknowledged every one; return how many."""
    try:
        producer = KafkaProducer(**producer_options(connection, acks="all", linger_ms=5))
    except KafkaError as error:
        raise BrokerUnreachableError(f"cannot reach {connection.bootstrap_servers}: {error}") from error
    try:
        futures = [producer.send(topic, key=key, value=value) for key, value in records]
        producer.flush(timeout=timeout_s)
        for future in futures:
            future.get(timeout=timeout_s)
    except KafkaError as error:
        raise ProduceError(f"publishing to {topic!r} failed: {error}") from error
    finally:
        producer.close(timeout=timeout_s)
    return len(futures)


def read_until(
    connection: KafkaConnectionSettings,
    topic: str,
    enough: Callable[[list[TopicRecord]], bool],
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    keep_waiting: Callable[[], bool] = lambda: True,
) -> list[TopicRecord]:
    """Read committed records of `topic` from its start until `enough(records)` holds.

    Also stops when `timeout_s` passes or `keep_waiting()` turns false (say, the producer died);
    the caller then compares what it got with what it wanted.
    """
    try:
        consumer = KafkaConsumer(
            **consumer_options(
                connection, group_id=None, enable_auto_commit=False, isolation_level="read_committed"
            )
        )
    except KafkaError as error:
        raise BrokerUnreachableError(f"cannot reach {connection.bootstrap_servers}: {error}") from error
    records: list[TopicRecord] = []
    deadline = time.monotonic() + timeout_s
    try:
        partitions = consumer.partitions_for_topic(topic)
        while not partitions and time.monotonic() < deadline:
            time.sleep(0.2)
            partitions = consumer.partitions_for_topic(topic)
        if not partitions:
            raise BrokerUnreachableError(
                f"topic {topic!r} has no partitions on {connection.bootstrap_servers}"
            )
        assigned = [TopicPartition(topic, number) for number in sorted(partitions)]
        consumer.assign(assigned)
        consumer.seek_to_beginning(*assigned)
        while not enough(records) and time.monotonic() < deadline and keep_waiting():
            for messages in consumer.poll(timeout_ms=250).values():
                records.extend(
                    TopicRecord(
                        partition=message.partition,
                        offset=message.offset,
                        key=message.key,
                        value=message.value,
                        headers=tuple(message.headers or ()),
                    )
                    for message in messages
                )
    finally:
        consumer.close()
    return records
