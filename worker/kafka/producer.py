"""The worker's producer: acks=all, idempotent, optionally transactional, with acknowledgement callbacks.

It counts messages sent but not yet acknowledged, which is how the worker sees that the producer is
falling behind and pauses its input partitions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import kafka.errors
from kafka import KafkaProducer, TopicPartition
from kafka.structs import OffsetAndMetadata

from worker.kafka.commit import Partition
from worker.kafka.config import producer_kwargs
from worker.kafka.errors import BrokerUnreachableError, ProduceError, TransactionError
from worker.runtime.processor import OutgoingMessage
from worker.settings import WorkerSettings


class ClaimProducer:
    """Sends `OutgoingMessage`s; `on_ack`/`on_error` run on the client's sender thread."""

    def __init__(
        self, settings: WorkerSettings, *, transactional_id: str | None = None, **overrides: Any
    ) -> None:
        kwargs = {**producer_kwargs(settings, transactional_id=transactional_id), **overrides}
        # send() blocks on metadata or buffer space at most this long instead of the client's 60 s
        kwargs.setdefault("max_block_ms", int(settings.broker_unreachable_seconds * 1000))
        try:
            self._producer = KafkaProducer(**kwargs)
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"no broker reachable at {settings.bootstrap_servers}") from exc
        self._lock = threading.Lock()
        self._unacknowledged = 0
        self.transactional = transactional_id is not None

    def send(
        self,
        message: OutgoingMessage,
        on_ack: Callable[[], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        with self._lock:
            self._unacknowledged += 1
        try:
            future = self._producer.send(
                message.topic, value=message.value, key=message.key, headers=message.headers
            )
        except kafka.errors.KafkaError as exc:
            self._settled()
            raise ProduceError(f"send to {message.topic} refused: {exc}") from exc

        def acked(_metadata: Any) -> None:
            self._settled()
            on_ack()

        def failed(exc: Exception) -> None:
            self._settled()
            on_error(exc)

        future.add_callback(acked)
        future.add_errback(failed)

    def unacknowledged(self) -> int:
        with self._lock:
            return self._unacknowledged

    def flush(self, timeout_seconds: float) -> bool:
        """Send everything buffered and wait for the answers; False if time ran out first."""
        try:
            self._producer.flush(timeout=max(timeout_seconds, 0.0))
        except kafka.errors.KafkaTimeoutError:
            return False
        return self.unacknowledged() == 0

    def init_transactions(self) -> None:
        self._transaction_call(self._producer.init_transactions)

    def begin_transaction(self) -> None:
        self._transaction_call(self._producer.begin_transaction)

    def send_offsets_to_transaction(self, positions: dict[Partition, int], group_metadata: Any) -> None:
        offsets = {TopicPartition(*p): OffsetAndMetadata(o, "", -1) for p, o in positions.items()}
        self._transaction_call(self._producer.send_offsets_to_transaction, offsets, group_metadata)

    def commit_transaction(self) -> None:
        self._transaction_call(self._producer.commit_transaction)

    def abort_transaction(self) -> None:
        self._transaction_call(self._producer.abort_transaction)

    def close(self, timeout_seconds: float) -> None:
        self._producer.close(timeout=max(timeout_seconds, 0.0))

    def _settled(self) -> None:
        with self._lock:
            self._unacknowledged -= 1

    @staticmethod
    def _transaction_call(call: Callable[..., Any], *args: Any) -> None:
        try:
            call(*args)
        except kafka.errors.KafkaError as exc:
            raise TransactionError(f"{call.__name__} failed: {exc}") from exc
