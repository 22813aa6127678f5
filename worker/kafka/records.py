"""The client's consumer records as the processor's `InputRecord`: built in one place for every reader
(the worker, the tracker and the replay tool), so a replayed record is the record the worker saw."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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
