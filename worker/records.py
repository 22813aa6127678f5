"""The record types every layer shares: what is consumed, what is published, and their parts.

The bottom of claimwire's layering: plain, slotted values with no imports from the project and no
Kafka client, so the Kafka adapter, the worker runtime, replay and the tracker can all exchange
records without importing one another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# A Kafka header: its name and raw bytes, as every client library hands them over.
Header = tuple[str, bytes]
# A topic partition as a plain tuple (kafka-python's TopicPartition is one), so commit bookkeeping
# and rebalance handling are testable without a client.
Partition = tuple[str, int]


@dataclass(slots=True, frozen=True)
class InputRecord:
    """A consumed wire record, independent of the client library that fetched it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Sequence[Header] = ()
    timestamp_ms: int = -1

    def default_item_id(self) -> str:
        """The id of an item that carries none: stable for the record, so replays give the same ids."""
        return f"{self.topic}:{self.partition}:{self.offset}"


@dataclass(slots=True, frozen=True)
class OutgoingMessage:
    """A message to publish, already serialised."""

    topic: str
    key: bytes | None
    value: bytes
    headers: list[Header]
