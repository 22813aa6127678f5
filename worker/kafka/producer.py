"""The worker's producers: acks=all, idempotent, with acknowledgement callbacks.

`ClaimProducer` publishes at least once; `TransactionalClaimProducer` adds the Kafka transaction
calls that exactly-once publishing needs. Both count messages sent but not yet acknowledged, which is
how the worker sees that the producer is falling behind and pauses its input partitions.
`topic_max_message_bytes` reads what each output topic accepts, so the worker can size its messages
before sending instead of being refused.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import kafka.errors
from kafka import KafkaAdminClient, KafkaProducer, TopicPartition
from kafka.admin import ConfigResource
from kafka.structs import OffsetAndMetadata

from worker.kafka.config import connection_kwargs, producer_kwargs
from worker.kafka.errors import BrokerUnreachableError, ProduceError, TransactionError
from worker.records import OutgoingMessage, Partition
from worker.settings import WorkerSettings

MAX_MESSAGE_BYTES = "max.message.bytes"
# kafka-python's own default `max_request_size`: the cap when a topic's limit cannot be read.
DEFAULT_MAX_REQUEST_BYTES = 1_048_576


# Errors that mean the cluster could not be reached in time, not that it refused the message.
_BROKER_LOSS_ERRORS: tuple[type[Exception], ...] = (
    kafka.errors.KafkaTimeoutError,
    kafka.errors.KafkaConnectionError,
    kafka.errors.RequestTimedOutError,
    kafka.errors.NodeNotReadyError,
)


def is_broker_loss(exc: BaseException) -> bool:
    """Whether a send failed because the broker was unreachable (exit 3, not 1)."""
    cause = exc.__cause__ if isinstance(exc, ProduceError) else exc
    return isinstance(cause, _BROKER_LOSS_ERRORS)


def topic_max_message_bytes(settings: WorkerSettings, topics: list[str]) -> dict[str, int]:
    """Each topic's effective `max.message.bytes` (its own or the broker's default).

    Raises BrokerUnreachableError when the cluster does not answer; a topic whose config cannot be
    read (no DescribeConfigs permission) is left out, and the caller falls back to the client default.
    """
    try:
        admin = KafkaAdminClient(**connection_kwargs(settings))
    except kafka.errors.KafkaError as exc:
        raise BrokerUnreachableError(f"no broker reachable at {settings.bootstrap_servers}") from exc
    try:
        resources = [ConfigResource("TOPIC", topic, {MAX_MESSAGE_BYTES: None}) for topic in topics]
        described = admin.describe_configs(resources, config_filter="all").get("topic", {})
    except kafka.errors.KafkaError:
        return {}
    finally:
        admin.close()
    limits: dict[str, int] = {}
    for topic in topics:
        value = described.get(topic, {}).get(MAX_MESSAGE_BYTES, {}).get("value")
        if value is not None and str(value).isdigit():
            limits[topic] = int(value)
    return limits


class ClaimProducer:
    """Publishes `OutgoingMessage`s at least once; `on_ack`/`on_error` run on the client's sender thread."""

    def __init__(self, settings: WorkerSettings, **overrides: Any) -> None:
        kwargs = {**self._client_kwargs(settings), **overrides}
        # send() blocks on metadata or buffer space at most this long instead of the client's 60 s
        kwargs.setdefault("max_block_ms", int(settings.broker_unreachable_seconds * 1000))
        try:
            self._producer = KafkaProducer(**kwargs)
        except kafka.errors.KafkaError as exc:
            raise BrokerUnreachableError(f"no broker reachable at {settings.bootstrap_servers}") from exc
        self._lock = threading.Lock()
        self._unacknowledged = 0

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

    def close(self, timeout_seconds: float) -> None:
        """Close within the timeout; a client that cannot flush (the broker is gone) is abandoned,
        never raised through: the caller has already decided the exit code."""
        try:
            self._producer.close(timeout=max(timeout_seconds, 0.0))
        except kafka.errors.KafkaTimeoutError:
            # kafka-python's close() raises when its flush times out (the broker is gone) before it
            # stops its sender thread; stop it without waiting, as close() would have.
            sender = getattr(self._producer, "_sender", None)
            if sender is not None:
                sender.force_close()

    def _client_kwargs(self, settings: WorkerSettings) -> dict[str, Any]:
        return producer_kwargs(settings)

    def _settled(self) -> None:
        with self._lock:
            self._unacknowledged -= 1


class TransactionalClaimProducer(ClaimProducer):
    """Publishes in Kafka transactions that also carry the input offsets (exactly once)."""

    def __init__(self, settings: WorkerSettings, *, transactional_id: str, **overrides: Any) -> None:
        self.transactional_id = transactional_id
        super().__init__(settings, **overrides)

    def _client_kwargs(self, settings: WorkerSettings) -> dict[str, Any]:
        return producer_kwargs(settings, transactional_id=self.transactional_id)

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

    @staticmethod
    def _transaction_call(call: Callable[..., Any], *args: Any) -> None:
        try:
            call(*args)
        except kafka.errors.KafkaError as exc:
            raise TransactionError(f"{call.__name__} failed: {exc}") from exc
