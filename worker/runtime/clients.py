"""The Kafka side of the worker's loop as Protocols, and the factories that build it.

The loop (`worker.runtime.loop.Worker`) only sees these Protocols, so unit tests drive it with an
in-memory broker while production passes `kafka_clients()`, which builds the kafka-python-backed
clients of `worker.kafka`. At-least-once and exactly-once publishing are two producer objects behind
one `ClaimPublisher` Protocol; the exactly-once one adds the transaction calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from worker.kafka.consumer import PartitionHandler, WireConsumer
from worker.kafka.producer import ClaimProducer, TransactionalClaimProducer, topic_max_message_bytes
from worker.records import InputRecord, OutgoingMessage, Partition
from worker.settings import WorkerSettings


class GroupConsumer(Protocol):
    """The group consumer the loop polls (`worker.kafka.consumer.WireConsumer`)."""

    def poll(self, timeout_seconds: float, max_records: int) -> list[InputRecord]: ...

    def assignment(self) -> set[Partition]: ...

    def pause(self, partitions: Iterable[Partition]) -> None: ...

    def resume(self, partitions: Iterable[Partition]) -> None: ...

    def paused(self) -> set[Partition]: ...

    def seek(self, partition: Partition, offset: int) -> None: ...

    def rewind_to_committed(self, partitions: Iterable[Partition]) -> dict[Partition, int]: ...

    def commit(self, positions: dict[Partition, int], timeout_seconds: float | None = None) -> None: ...

    def commit_async(
        self,
        positions: dict[Partition, int],
        on_done: Callable[[dict[Partition, int], Exception | None], None],
    ) -> None: ...

    def lag(self, timeout_seconds: float) -> tuple[dict[Partition, int], dict[Partition, int]]: ...

    def probe(self, topic: str, timeout_seconds: float) -> None: ...

    def group_metadata(self) -> Any: ...

    def close(self, timeout_seconds: float, *, leave_group: bool = True) -> None: ...


class ClaimPublisher(Protocol):
    """Sends messages; `on_ack`/`on_error` run later, on the client's sender thread."""

    def send(
        self,
        message: OutgoingMessage,
        on_ack: Callable[[], None],
        on_error: Callable[[Exception], None],
    ) -> None: ...

    def unacknowledged(self) -> int: ...

    def flush(self, timeout_seconds: float) -> bool: ...

    def close(self, timeout_seconds: float) -> None: ...


class TransactionalPublisher(ClaimPublisher, Protocol):
    """A publisher whose sends, with the input offsets, commit together or not at all."""

    def init_transactions(self) -> None: ...

    def begin_transaction(self) -> None: ...

    def send_offsets_to_transaction(self, positions: dict[Partition, int], group_metadata: Any) -> None: ...

    def commit_transaction(self) -> None: ...

    def abort_transaction(self) -> None: ...


@dataclass(frozen=True, slots=True)
class WorkerClients:
    """How the worker builds its Kafka side; each factory raises BrokerUnreachableError on no answer."""

    consumer: Callable[[WorkerSettings, PartitionHandler], GroupConsumer]
    # (settings, max_request_size)
    producer: Callable[[WorkerSettings, int], ClaimPublisher]
    # (settings, transactional_id, max_request_size)
    transactional_producer: Callable[[WorkerSettings, str, int], TransactionalPublisher]
    # Each topic's `max.message.bytes`; topics it cannot read are left out.
    topic_limits: Callable[[WorkerSettings, list[str]], dict[str, int]]


def kafka_clients() -> WorkerClients:
    """The production clients, backed by kafka-python."""
    return WorkerClients(
        consumer=lambda settings, handler: WireConsumer(settings, handler=handler),
        producer=lambda settings, max_request_size: ClaimProducer(
            settings, max_request_size=max_request_size
        ),
        transactional_producer=lambda settings, transactional_id, max_request_size: (
            TransactionalClaimProducer(
                settings, transactional_id=transactional_id, max_request_size=max_request_size
            )
        ),
        topic_limits=topic_max_message_bytes,
    )
