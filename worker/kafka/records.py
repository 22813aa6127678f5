"""The client's consumer records as the processor's `InputRecord`: built in one place for every reader
(the worker, the tracker and the replay tool), so a replayed record is the record the worker saw."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import kafka.errors

from worker.records import InputRecord


def input_record(message: Any) -> InputRecord:
    """One kafka-python `ConsumerRecord` as an `InputRecord`, field for field."""
    return InputRecord(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=message.key,
        value=message.value,
        headers=tuple(message.headers or ()),
        timestamp_ms=message.timestamp,
    )


def input_records(batches: dict[Any, Iterable[Any]]) -> list[InputRecord]:
    """What `KafkaConsumer.poll` returned, partition by partition, as `InputRecord`s."""
    return [input_record(message) for messages in batches.values() for message in messages]


def poll_records(consumer: Any, timeout_seconds: float, max_records: int) -> list[InputRecord]:
    """The next records of a group consumer; none while the broker is away for a moment. The client
    raises a retriable error from a poll whose group rejoin meets a restarting broker; the caller's
    own limit on silence, not one poll, decides when an outage is too long. Other errors propagate."""
    try:
        fetched = consumer.poll(timeout_ms=int(timeout_seconds * 1000), max_records=max_records)
    except kafka.errors.KafkaError as exc:
        if not exc.retriable:
            raise
        return []
    return input_records(fetched)
