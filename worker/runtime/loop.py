"""The worker's poll loop: consume wire records, publish claim events or dead letters, commit safely.

Threads: the loop runs on the main thread; acknowledgements arrive on the producer's sender thread
and rebalance callbacks on the consumer's IO thread. What they share (the offset tracker, the
rebalance state, the failure that stops the loop, the commits in flight) is read and written only
under the worker's one lock. The clients come from `worker.runtime.clients` factories, so unit tests
drive the loop with an in-memory broker. Delivery guarantee (at-least-once by default):

- an input offset is committed only once every message produced from it, and from every earlier
  record of its partition, is acknowledged (`worker.kafka.commit.OffsetTracker`);
- after a crash the group resumes from the last commit, so nothing is lost and the duplicates are the
  records of the uncommitted window (at most `max_in_flight` plus one commit interval's worth), with
  the same deterministic claim ids;
- with `exactly_once`, each polled batch is one Kafka transaction that also carries the batch's
  input offsets, so read_committed consumers see each claim once.

Extraction runs in this process or, with `extract_processes >= 1` (by default one child per usable CPU
beyond the first, `worker.runtime.cpus`), in supervised child processes
(`worker.runtime.extract_pool`): up to `PIPELINE_BATCHES` polled batches are extracted ahead while
the oldest is published. A batch in extraction is in flight (it counts against `max_in_flight`) but
not registered with the tracker, so nothing is committed past it. A record a child dies or hangs on
comes back as a dead letter (`extractor_crashed`, `too_slow`) and the child is replaced; when
children keep breaking on record after record the worker stops (exit 5).

Every message is sized for its topic before it is sent (`max.message.bytes`, read at start): the
processor dead-letters an item whose claims would not fit and truncates a dead letter that would
not, so the producer never refuses a message for its size.

Exit codes: 0 after a clean shutdown, 1 when a produce or commit failure stopped the worker (nothing
was committed past it), 3 when the broker was unreachable for longer than the configured limit, 5
when extraction children broke on `extract_max_consecutive_breaks` records in a row.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Callable

from worker.exitcodes import ExitCode
from worker.kafka.commit import OffsetTracker
from worker.kafka.errors import BrokerUnreachableError, CommitError, ProduceError, TransactionError
from worker.kafka.producer import DEFAULT_MAX_REQUEST_BYTES, is_broker_loss
from worker.records import InputRecord, OutgoingMessage, Partition
from worker.runtime.clients import (
    ClaimPublisher,
    GroupConsumer,
    TransactionalPublisher,
    WorkerClients,
)
from worker.runtime.cpus import resolve_extract_processes
from worker.runtime.extract_pool import (
    Extraction,
    ExtractionBroken,
    ExtractionPipeline,
    Outcome,
    rewind_positions,
    start_extraction,
)
from worker.runtime.logging import get_logger, record_context
from worker.runtime.metrics import WorkerMetrics
from worker.runtime.probes import LoopHealth
from worker.runtime.processor import RecordProcessor
from worker.runtime.rebalance import RebalanceState
from worker.runtime.signals import StopRequest
from worker.settings import WorkerSettings

POLL_TIMEOUT_SECONDS = 0.5
PAUSED_POLL_TIMEOUT_SECONDS = 0.02
BROKER_CHECK_INTERVAL_SECONDS = 5.0
BROKER_CHECK_TIMEOUT_SECONDS = 5.0
COMMIT_TIMEOUT_SECONDS = 10.0
# Revocation blocks the consumer's IO thread (and its heartbeats) while the producer drains.
REVOKE_FLUSH_TIMEOUT_SECONDS = 10.0
# Claims per item vary; the producer may hold this many messages per allowed in-flight record.
UNACKED_MESSAGES_PER_RECORD = 4
# With child processes, one batch is extracted while the previous one is published; more buys
# nothing on two cores and only holds more records in memory.
PIPELINE_BATCHES = 2
# After the broker is lost, closing the clients may take this long before the process just exits.
ABANDON_SECONDS = 3.0
# Room a producer request needs beyond its largest record (request and batch framing).
REQUEST_OVERHEAD_BYTES = 16 * 1024

# `start_extraction`'s signature: how the worker starts its extraction (in process or children).
ExtractionStarter = Callable[..., Extraction]


class Worker:
    """One worker process: a group consumer, a producer and the loop between them."""

    def __init__(  # noqa: PLR0913  collaborators and client factories injected, keyword-only
        self,
        settings: WorkerSettings,
        *,
        metrics: WorkerMetrics,
        health: LoopHealth,
        stop: StopRequest,
        clients: WorkerClients,
        value_prefix: bytes = b"",
        extraction: ExtractionStarter = start_extraction,
    ) -> None:
        self.settings = settings
        self.clients = clients
        self._start_extraction = extraction
        self.metrics = metrics
        self.health = health
        self.health.group_joined(False)  # ready once the group has assigned (possibly no) partitions
        self.stop = stop
        self.processor = RecordProcessor(
            output_topic=settings.output_topic,
            dlq_topic=settings.dlq_topic,
            value_prefix=value_prefix,
            limits=settings.item_limits(),
        )
        self.tracker = OffsetTracker()
        self.log = get_logger("worker", group_id=settings.group_id)
        # Guards the tracker, the rebalance state, the failure, `_requested`, `_abandoning` and
        # `_revoke_flush_seconds`: the producer's and the consumer's threads touch them too.
        self._lock = threading.Lock()
        self._failure: str | None = None
        self._failure_code = ExitCode.FAILED
        self._slowest_seconds = 0.0
        self._abandoning = False
        self._consumer: GroupConsumer | None = None
        self._producer: ClaimPublisher | None = None
        # The same object as `_producer` in exactly-once mode, None otherwise.
        self._transactions: TransactionalPublisher | None = None
        self._last_contact = time.monotonic()
        self._last_commit = time.monotonic()
        self._revoke_flush_seconds = REVOKE_FLUSH_TIMEOUT_SECONDS
        self._rebalance = RebalanceState()
        # Positions sent in an asynchronous commit not yet answered, so they are not sent twice.
        self._requested: dict[Partition, int] = {}
        self._max_unacked = settings.max_in_flight * UNACKED_MESSAGES_PER_RECORD
        self.extract_processes = resolve_extract_processes(settings.extract_processes)
        self._extraction: Extraction | None = None
        self._pipeline = ExtractionPipeline(PIPELINE_BATCHES if self.extract_processes else 1)

    def run(self) -> int:
        """Connect, loop until asked to stop (or until a fatal condition), then shut down cleanly."""
        if self.stop.is_set():  # a SIGTERM while the worker was loading: nothing to drain
            self.log.info("worker_stop_requested", reason=self.stop.reason)
            return ExitCode.OK
        try:
            self._connect()
        except (BrokerUnreachableError, TransactionError) as exc:
            self.log.error("worker_start_failed", error=str(exc))
            self._close_clients(self.settings.shutdown_grace_seconds)
            self._close_extraction()
            return ExitCode.BROKER_UNREACHABLE if isinstance(exc, BrokerUnreachableError) else ExitCode.FAILED
        code: int = ExitCode.FAILED
        try:
            code = self._loop()
        finally:
            if code != ExitCode.BROKER_UNREACHABLE:
                code = max(code, self._shutdown())
            else:
                self._abandon_clients()
            self._close_extraction()
            self.log.info("worker_stopped", exit_code=code)
        return code

    # -- the loop ---------------------------------------------------------------------------------

    def _connect(self) -> None:
        settings = self.settings
        transactional_id = None
        if settings.exactly_once:
            transactional_id = settings.transactional_id or f"{settings.group_id}-{socket.gethostname()}"
        claim_bytes, dead_letter_bytes = self._size_messages()
        # The producer must not refuse what the topics accept.
        max_request_size = (
            max(claim_bytes, dead_letter_bytes, DEFAULT_MAX_REQUEST_BYTES) + REQUEST_OVERHEAD_BYTES
        )
        self._start_producer(transactional_id, max_request_size)
        self._consumer = self.clients.consumer(settings, self)
        self._extraction = self._start_extraction(
            self.processor,
            self.extract_processes,
            item_timeout_seconds=settings.item_timeout_seconds,
            max_consecutive_breaks=settings.extract_max_consecutive_breaks,
            memory_limit_bytes=settings.extract_memory_limit_mb * 1024 * 1024,
            on_break=self._extraction_broke,
        )
        self.metrics.extract_processes.set(self.extract_processes)
        self._last_contact = time.monotonic()
        self.log.info(
            "worker_started",
            input_topic=settings.input_topic,
            output_topic=settings.output_topic,
            dlq_topic=settings.dlq_topic,
            exactly_once=settings.exactly_once,
            transactional_id=transactional_id,
            extract_processes=self.extract_processes,
            extract_processes_setting=settings.extract_processes,
            max_claim_bytes=claim_bytes,
            max_dead_letter_bytes=dead_letter_bytes,
        )

    def _size_messages(self) -> tuple[int, int]:
        """Rebuild the processor for what the output and dead-letter topics accept; those sizes."""
        settings = self.settings
        topic_limits = self.clients.topic_limits(settings, [settings.output_topic, settings.dlq_topic])
        claim_bytes = topic_limits.get(settings.output_topic, DEFAULT_MAX_REQUEST_BYTES)
        dead_letter_bytes = topic_limits.get(settings.dlq_topic, DEFAULT_MAX_REQUEST_BYTES)
        self.processor = RecordProcessor(
            output_topic=settings.output_topic,
            dlq_topic=settings.dlq_topic,
            value_prefix=self.processor.value_prefix,
            limits=settings.item_limits(),
            max_claim_bytes=claim_bytes,
            max_dead_letter_bytes=dead_letter_bytes,
        )
        return claim_bytes, dead_letter_bytes

    def _start_producer(self, transactional_id: str | None, max_request_size: int) -> None:
        """The at-least-once producer, or with a transactional id the exactly-once one."""
        if transactional_id is None:
            self._producer = self.clients.producer(self.settings, max_request_size)
            return
        self._transactions = self.clients.transactional_producer(
            self.settings, transactional_id, max_request_size
        )
        self._producer = self._transactions
        self._transactions.init_transactions()

    def _loop(self) -> int:
        consumer, settings = self._clients()[0], self.settings
        last_check = time.monotonic()
        # Checked often enough that the exit comes at most one check after the limit.
        check_interval = min(BROKER_CHECK_INTERVAL_SECONDS, settings.broker_unreachable_seconds / 4)
        while not self.stop.is_set():
            self.health.beat()
            failure, failure_code = self._failure_state()
            if failure is not None:
                self.log.error("worker_stopping_on_failure", reason=failure)
                return failure_code
            self._apply_backpressure()
            if self._pipeline.full():
                self._publish_ready(wait_seconds=POLL_TIMEOUT_SECONDS)
            else:
                self._poll_and_submit(consumer)
                self._publish_ready(wait_seconds=0.0)
            now = time.monotonic()
            if not settings.exactly_once and now - self._last_commit >= settings.commit_interval_seconds:
                self._commit()
            if now - last_check >= check_interval:
                self._check_broker()
                last_check = time.monotonic()
                silent_for = last_check - self._last_contact
                if silent_for > settings.broker_unreachable_seconds:
                    self.log.error("broker_unreachable", silent_seconds=round(silent_for, 1))
                    return ExitCode.BROKER_UNREACHABLE
        self.log.info("worker_stop_requested", reason=self.stop.reason)
        if self._failure_state()[0] is None:
            self._finish_pipeline(self.settings.shutdown_grace_seconds / 2)
        failure, failure_code = self._failure_state()
        return ExitCode.OK if failure is None else failure_code

    def _poll_and_submit(self, consumer: GroupConsumer) -> None:
        settings = self.settings
        with self._lock:
            room = settings.max_in_flight - self.tracker.pending_records() - self._pipeline.records()
        # While paused or while a batch is in extraction, poll briefly: the next acknowledgement may
        # already allow a resume, and the extracted batch should be published without delay.
        busy = consumer.paused() or len(self._pipeline) > 0
        timeout = PAUSED_POLL_TIMEOUT_SECONDS if busy else POLL_TIMEOUT_SECONDS
        records = consumer.poll(timeout, max_records=max(1, min(settings.max_poll_records, room)))
        self.health.polled(len(consumer.assignment()))
        if records:
            self._last_contact = time.monotonic()
            self.metrics.items_consumed.inc(len(records))
            # Read after the poll: the rebalance callbacks run inside it.
            with self._lock:
                generation = self._rebalance.generation
            self._pipeline.append(self._extractor().submit(records, generation))

    def _publish_ready(self, *, wait_seconds: float) -> None:
        """Publish extracted batches, oldest first, waiting up to `wait_seconds` for the oldest."""
        with self._lock:
            rewind_due = self._rebalance.rewind_due()
        if rewind_due:
            self._rewind_kept_partitions()
            return
        while (batch := self._pipeline.head()) is not None:
            if not batch.done() and (wait_seconds <= 0 or not batch.wait(wait_seconds)):
                return
            wait_seconds = 0.0
            self._pipeline.pop()
            try:
                outcomes = batch.outcomes()
            except ExtractionBroken as exc:
                self._fail(str(exc), ExitCode.EXTRACTION_BROKEN)
                return
            with self._lock:
                stale = batch.generation != self._rebalance.generation
            if stale:
                continue  # polled under an assignment a rebalance replaced: the new owner re-reads it
            if self._transactions is not None:
                self._publish_transaction(self._transactions, batch.records, outcomes)
            else:
                self._publish_batch(batch.records, outcomes, batch.generation)

    def _finish_pipeline(self, timeout_seconds: float) -> None:
        """On a stop request, publish what is already in extraction (like finishing the batch)."""
        deadline = time.monotonic() + timeout_seconds
        while len(self._pipeline) and self._failure_state()[0] is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.log.warning("extraction_abandoned", records=self._pipeline.records())
                return
            self._publish_ready(wait_seconds=remaining)

    def _extraction_broke(self, reason: str, record: InputRecord, detail: str) -> None:
        """A child died or hung on `record` (called from the pool's thread): it comes back as a
        dead letter with `reason`, and the child has been replaced."""
        self.metrics.extract_pool_restarts.inc()
        self.log.error(
            "extract_child_broken",
            reason=reason,
            error=detail,
            **record_context(record.topic, record.partition, record.offset, None),
        )

    def _rewind_kept_partitions(self) -> None:
        """After a rebalance that gave partitions straight back, read them again from the commits.

        Every batch in extraction was polled before the rewind, so all are dropped; partitions that
        were not kept go back to the first record dropped, kept ones to their committed offset.
        """
        consumer, _ = self._clients()
        with self._lock:
            kept = self._rebalance.take_kept()
        self._seek_back(rewind_positions(self._pipeline.drain()), skip=kept)
        try:
            positions = consumer.rewind_to_committed(kept & consumer.assignment())
        except CommitError as exc:
            self._fail(f"cannot rewind partitions kept through a rebalance: {exc}")
            return
        self.log.info("kept_partitions_rewound", positions=_readable(positions))

    def _publish_batch(self, records: list[InputRecord], outcomes: list[Outcome], generation: int) -> None:
        _, producer = self._clients()
        for record, outcome in zip(records, outcomes, strict=True):
            if time.monotonic() - self._last_commit >= self.settings.commit_interval_seconds:
                self._commit()  # a slow batch must not stretch the uncommitted window
            partition = (record.topic, record.partition)
            self._observe(record, outcome)
            with self._lock:
                if self._rebalance.generation != generation:
                    return  # the group rebalanced under this batch: the new owner re-reads from the commits
                self.tracker.register(partition, record.offset, len(outcome.messages))
            for message, labels in _with_labels(outcome):
                try:
                    producer.send(message, *self._callbacks(partition, record.offset, message, labels))
                except ProduceError as exc:
                    self._produce_failed(partition, record.offset, message, exc)
                    return

    def _publish_transaction(
        self, producer: TransactionalPublisher, records: list[InputRecord], outcomes: list[Outcome]
    ) -> None:
        """Exactly-once: the batch's messages and its input offsets commit together, or not at all."""
        consumer, _ = self._clients()
        first_offsets: dict[Partition, int] = {}
        positions: dict[Partition, int] = {}
        try:
            producer.begin_transaction()
            for record, outcome in zip(records, outcomes, strict=True):
                partition = (record.topic, record.partition)
                self._observe(record, outcome)
                for message, labels in _with_labels(outcome):
                    producer.send(message, *self._callbacks(None, record.offset, message, labels))
                first_offsets.setdefault(partition, record.offset)
                positions[partition] = record.offset + 1
            producer.flush(COMMIT_TIMEOUT_SECONDS)
            producer.send_offsets_to_transaction(positions, consumer.group_metadata())
            producer.commit_transaction()
        except (TransactionError, ProduceError) as exc:
            self.log.warning("transaction_aborted", error=str(exc), positions=_readable(positions))
            self.metrics.transactions.labels("aborted").inc()
            try:
                producer.abort_transaction()
            except TransactionError as abort_exc:
                self._fail(f"transaction could not be aborted: {abort_exc}")
                return
            # The batches extracted ahead hold later records: read them again after this one.
            rewind = rewind_positions(self._pipeline.drain())
            rewind.update(first_offsets)
            self._seek_back(rewind)
            return
        self.metrics.transactions.labels("committed").inc()
        self.metrics.commits.labels("ok").inc()

    def _observe(self, record: InputRecord, outcome: Outcome) -> None:
        """Metrics and the dead-letter log line of one extracted record, as it is published."""
        self.metrics.processing_seconds.observe(outcome.seconds)
        if outcome.seconds > self._slowest_seconds:
            self._slowest_seconds = outcome.seconds
            self.metrics.processing_seconds_max.set(outcome.seconds)
        now = time.time()
        if record.timestamp_ms > 0:
            self.metrics.record_delay_seconds.observe(max(now - record.timestamp_ms / 1000, 0.0))
        if outcome.published_at is not None:
            self.metrics.publication_delay_seconds.observe(max(now - outcome.published_at, 0.0))
        if outcome.truncated:
            self.metrics.dead_letters_truncated.inc()
        if outcome.evidence_trimmed:
            self.metrics.evidence_trimmed.inc(outcome.evidence_trimmed)
        if outcome.failure_reason is not None:
            self.metrics.items_failed.labels(outcome.failure_reason).inc()
            self.log.warning(
                "item_dead_lettered",
                reason=outcome.failure_reason,
                error=outcome.failure_error,
                seconds=round(outcome.seconds, 3),
                **record_context(record.topic, record.partition, record.offset, outcome.item_id),
            )
        else:
            self.metrics.items_processed.inc()
            if outcome.skipped_reason is not None:
                self.metrics.items_skipped.labels(outcome.skipped_reason).inc()
                self.log.info(
                    "item_skipped",
                    reason=outcome.skipped_reason,
                    detail=outcome.skipped_detail,
                    **record_context(record.topic, record.partition, record.offset, outcome.item_id),
                )

    def _callbacks(
        self,
        partition: Partition | None,
        offset: int,
        message: OutgoingMessage,
        labels: tuple[str, str, str] | None,
    ) -> tuple[Callable[[], None], Callable[[Exception], None]]:
        """Acknowledgement and error callbacks for one message (run on the producer's sender thread).

        `partition` is None in exactly-once mode, where the transaction, not the tracker, decides;
        `labels` are the claim's metric labels, None for a dead letter.
        """
        dead_letter = labels is None

        def acked() -> None:
            if labels is not None:
                self.metrics.claims_produced.labels(*labels).inc()
            else:
                self.metrics.items_dead_lettered.inc()
            if partition is not None:
                with self._lock:
                    self.tracker.ack(partition, offset)

        def failed(exc: Exception) -> None:
            if partition is not None:
                self._produce_failed(partition, offset, message, exc)
            else:
                self.metrics.produce_errors.labels("dead_letter" if dead_letter else "claims").inc()

        return acked, failed

    def _produce_failed(
        self, partition: Partition, offset: int, message: OutgoingMessage, exc: Exception
    ) -> None:
        kind = "dead_letter" if message.topic == self.settings.dlq_topic else "claims"
        self.metrics.produce_errors.labels(kind).inc()
        with self._lock:
            self.tracker.fail(partition, offset)
        self.log.error(
            "produce_failed",
            kind=kind,
            output=message.topic,
            error=str(exc),
            **record_context(*partition, offset),
        )
        self._fail(
            f"{kind} message for {partition[0]}[{partition[1]}]@{offset} not delivered: {exc}",
            ExitCode.BROKER_UNREACHABLE if is_broker_loss(exc) else None,
        )

    def _fail(self, reason: str, code: ExitCode | None = None) -> None:
        """Stop the loop at its next turn with `reason` (and `code`, else the one already set)."""
        with self._lock:
            self._failure = reason
            if code is not None:
                self._failure_code = code

    def _failure_state(self) -> tuple[str | None, int]:
        with self._lock:
            return self._failure, self._failure_code

    # -- commits, flow control, broker checks ---------------------------------------------------

    def _commit(self) -> None:
        """Send the committable positions without blocking the loop; the answer updates the tracker."""
        consumer, _ = self._clients()
        self._last_commit = time.monotonic()
        with self._lock:
            positions = {
                partition: position
                for partition, position in self.tracker.committable().items()
                if position > self._requested.get(partition, -1)
            }
            self._requested.update(positions)
        if not positions:
            return
        try:
            consumer.commit_async(positions, self._commit_answered)
        except CommitError as exc:
            self._commit_answered(positions, exc)

    def _commit_answered(self, positions: dict[Partition, int], error: Exception | None) -> None:
        if error is not None:
            # Usually a rebalance: revoked partitions were committed by the listener; the rest retry.
            self.metrics.commits.labels("failed").inc()
            self.log.warning("commit_failed", error=str(error), positions=_readable(positions))
            with self._lock:
                for partition in positions:
                    self._requested.pop(partition, None)
            return
        with self._lock:
            self.tracker.mark_committed(positions)
        self.metrics.commits.labels("ok").inc()
        self.log.debug("committed", positions=_readable(positions))

    def _commit_and_wait(self, timeout_seconds: float) -> bool:
        """The last commit before leaving: synchronous, so the exit code can say whether it landed."""
        consumer, _ = self._clients()
        with self._lock:
            positions = self.tracker.committable()
        if not positions:
            return True
        try:
            consumer.commit(positions, timeout_seconds)
        except CommitError as exc:
            self._commit_answered(positions, exc)
            return False
        self._commit_answered(positions, None)
        return True

    def _apply_backpressure(self) -> None:
        consumer, producer = self._clients()
        with self._lock:
            pending = self.tracker.pending_records() + self._pipeline.records()
        unacked = producer.unacknowledged()
        self.metrics.in_flight.set(pending)
        paused = consumer.paused()
        if pending >= self.settings.max_in_flight or unacked >= self._max_unacked:
            to_pause = consumer.assignment() - paused
            if to_pause:
                consumer.pause(to_pause)
                self.log.info("partitions_paused", pending_records=pending, unacknowledged=unacked)
        elif paused and pending <= self.settings.max_in_flight // 2 and unacked <= self._max_unacked // 2:
            consumer.resume(paused)
            self.log.info("partitions_resumed", pending_records=pending, unacknowledged=unacked)
        self.metrics.paused_partitions.set(len(consumer.paused()))

    def _check_broker(self) -> None:
        consumer, _ = self._clients()
        try:
            if consumer.assignment():
                fetch_lags, committed_lags = consumer.lag(BROKER_CHECK_TIMEOUT_SECONDS)
                for (topic, partition), lag in fetch_lags.items():
                    self.metrics.consumer_lag.labels(topic, str(partition)).set(lag)
                for (topic, partition), lag in committed_lags.items():
                    self.metrics.committed_lag.labels(topic, str(partition)).set(lag)
            else:
                consumer.probe(self.settings.input_topic, BROKER_CHECK_TIMEOUT_SECONDS)
        except BrokerUnreachableError as exc:
            self.log.warning("broker_check_failed", error=str(exc))
            self.health.broker_contact(reachable=False)
            return
        self.health.broker_contact(reachable=True)
        self._last_contact = time.monotonic()

    # -- rebalance callbacks (consumer IO thread) ---------------------------------------------------

    def on_assigned(self, partitions: set[Partition]) -> None:
        with self._lock:
            self._rebalance.assigned(partitions)
            self.tracker.assign(partitions)
        self.health.group_joined(True)
        self.metrics.rebalances.labels("assigned").inc()
        self.log.info("partitions_assigned", partitions=_names(partitions))

    def on_revoked(self, partitions: set[Partition]) -> dict[Partition, int]:
        self.metrics.rebalances.labels("revoked").inc()
        with self._lock:
            abandoning, flush_seconds = self._abandoning, self._revoke_flush_seconds
        if abandoning:  # closing after the broker was lost: no flush, no commit can succeed
            return {}
        if self._producer is not None and not self._producer.flush(flush_seconds):
            self.log.warning("revoke_flush_incomplete", unacknowledged=self._producer.unacknowledged())
        with self._lock:
            self._rebalance.revoked(partitions)
            positions = self.tracker.revoke(partitions)
            self._forget_requested(partitions)
        self._forget_lag(partitions)
        self.log.info("partitions_revoked", partitions=_names(partitions), committing=_readable(positions))
        return positions

    def on_revoked_committed(self, positions: dict[Partition, int], error: Exception | None) -> None:
        if not positions:
            return
        if error is None:
            self.metrics.commits.labels("ok").inc()
        else:
            self.metrics.commits.labels("failed").inc()
            self.log.warning("revoke_commit_failed", error=str(error), positions=_readable(positions))

    def on_lost(self, partitions: set[Partition]) -> None:
        with self._lock:
            self._rebalance.revoked(partitions)
            self.tracker.revoke(partitions)
            self._forget_requested(partitions)
        self._forget_lag(partitions)
        self.health.group_joined(False)
        self.metrics.rebalances.labels("lost").inc()
        self.log.warning("partitions_lost", partitions=_names(partitions))

    # -- shutdown -----------------------------------------------------------------------------------

    def _shutdown(self) -> int:
        """Flush, commit, leave the group and close, all within the grace period."""
        deadline = time.monotonic() + self.settings.shutdown_grace_seconds
        code = ExitCode.OK
        if self._producer is not None and self._consumer is not None:
            # Leave a little of the grace period for the commit and the group leave.
            flushed = self._producer.flush(max(deadline - time.monotonic() - 3.0, 0.5))
            if not flushed:
                self.log.error("shutdown_flush_incomplete", unacknowledged=self._producer.unacknowledged())
                code = ExitCode.FAILED
            remaining = max(deadline - time.monotonic() - 1.0, 0.5)
            if not self.settings.exactly_once and not self._commit_and_wait(remaining):
                code = ExitCode.FAILED
        with self._lock:
            # Everything is flushed: the revocation that closing triggers has nothing left to wait for.
            self._revoke_flush_seconds = min(
                self._revoke_flush_seconds, max(deadline - time.monotonic() - 1.0, 0.1)
            )
            failed = self.tracker.failed() or self._failure is not None
        if failed:
            code = ExitCode.FAILED
        self._close_clients(max(deadline - time.monotonic(), 1.0))
        return code

    def _abandon_clients(self) -> None:
        """The broker is gone: nothing can be flushed or committed, so leave at once (what was not
        committed is read again after the restart). A client that still blocks on the lost broker
        is cut short by a watchdog, so the exit code stays 3 and comes in time."""
        with self._lock:
            self._abandoning = True
        watchdog = threading.Timer(ABANDON_SECONDS, _exit_now, args=(ExitCode.BROKER_UNREACHABLE,))
        watchdog.daemon = True
        watchdog.start()
        self._close_clients(0.0, leave_group=False)
        watchdog.cancel()

    def _close_clients(self, timeout_seconds: float, *, leave_group: bool = True) -> None:
        if self._consumer is not None:
            self._consumer.close(timeout_seconds, leave_group=leave_group)
            self._consumer = None
        if self._producer is not None:
            self._producer.close(timeout_seconds)
            self._producer = None
            self._transactions = None

    def _close_extraction(self) -> None:
        self._pipeline.drain()
        if self._extraction is not None:
            self._extraction.close()
            self._extraction = None
            self.metrics.extract_processes.set(0)

    def _extractor(self) -> Extraction:
        if self._extraction is None:
            raise RuntimeError("the worker is not connected")
        return self._extraction

    def _clients(self) -> tuple[GroupConsumer, ClaimPublisher]:
        if self._consumer is None or self._producer is None:
            raise RuntimeError("the worker is not connected")
        return self._consumer, self._producer

    def _seek_back(
        self, positions: dict[Partition, int], skip: frozenset[Partition] | set[Partition] = frozenset()
    ) -> None:
        """Seek the assigned partitions (but `skip`) back to `positions`, to read dropped records again."""
        consumer, _ = self._clients()
        assigned = consumer.assignment()
        for partition, offset in positions.items():
            if partition in assigned and partition not in skip:
                consumer.seek(partition, offset)

    def _forget_requested(self, partitions: set[Partition]) -> None:
        for partition in partitions:
            self._requested.pop(partition, None)

    def _forget_lag(self, partitions: set[Partition]) -> None:
        for topic, partition in partitions:
            for gauge in (self.metrics.consumer_lag, self.metrics.committed_lag):
                try:
                    gauge.remove(topic, str(partition))
                except KeyError:
                    continue


def _exit_now(code: int) -> None:
    """End the process without waiting for client threads stuck on a lost broker."""
    get_logger("worker").error("worker_exit_forced", exit_code=code, reason="clients did not close in time")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _with_labels(outcome: Outcome) -> list[tuple[OutgoingMessage, tuple[str, str, str] | None]]:
    """Each message with its claim's metric labels (None for a dead letter)."""
    if outcome.dead_lettered:
        return [(message, None) for message in outcome.messages]
    return list(zip(outcome.messages, outcome.claim_labels, strict=True))


def _names(partitions: set[Partition]) -> list[str]:
    return sorted(f"{topic}[{partition}]" for topic, partition in partitions)


def _readable(positions: dict[Partition, int]) -> dict[str, int]:
    return {f"{topic}[{partition}]": offset for (topic, partition), offset in sorted(positions.items())}
