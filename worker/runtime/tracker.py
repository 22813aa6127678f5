"""The tracker's poll loop: claim events in; tracked events, series states and offsets out, atomically.

Guarantee. Each polled batch is one Kafka transaction holding the batch's tracked events, the
states of the series it changed (written to the changelog partition numbered like the input
partition) and the input offsets past the batch. A crash anywhere before the commit leaves none of
them visible to read_committed readers; the next owner of the partition restores the state the last
committed batch left and reads the uncommitted claims again, announcing each once. A claim id the
state already holds is a no-op, so even a replay of committed input announces nothing twice.

Rebalances. Partitions assigned in a poll are restored from the changelog before any of their
records is processed; revoked ones are dropped (every batch is committed before the next poll, so
there is nothing to hand over).

Threads: everything runs on the caller's thread; the assignment callbacks run inside `poll`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Protocol

from pydantic import ValidationError

from worker.cloudevents import tracked_headers
from worker.deadletter import ITEM_ID
from worker.errors import ClaimwireError
from worker.exitcodes import ExitCode
from worker.kafka.errors import BrokerUnreachableError, KafkaAdapterError, ProduceError, TransactionError
from worker.models import ClaimEvent
from worker.records import InputRecord
from worker.registry import payload as registry_payload
from worker.runtime.logging import get_logger, record_context
from worker.runtime.probes import LoopHealth
from worker.runtime.signals import StopRequest
from worker.track.events import SeriesSnapshot, TrackedEvent
from worker.track.metrics import TrackerMetrics
from worker.track.reorder import ReorderBuffer
from worker.track.rules import Observation, SeriesState, observation_from_event
from worker.track.store import SeriesStore

POLL_TIMEOUT_SECONDS = 0.5


class PartitionRevokedError(ClaimwireError, RuntimeError):
    """A partition was taken away while its records were being tracked; the batch must not commit."""


class AssignmentListener(Protocol):
    def on_assigned(self, partitions: set[int]) -> None: ...

    def on_revoked(self, partitions: set[int]) -> None: ...


class TrackerClient(Protocol):
    """The Kafka side the loop needs (`worker.kafka.changelog.TrackerKafka`)."""

    def subscribe(self, listener: AssignmentListener) -> None: ...

    def poll(self, timeout_seconds: float, max_records: int) -> list[InputRecord]: ...

    def assigned(self) -> set[int]: ...

    def seek(self, partition: int, offset: int) -> None: ...

    def settle(self, partition: int, timeout_seconds: float) -> None: ...

    def read_changelog(
        self, partition: int, timeout_seconds: float
    ) -> Iterator[tuple[bytes | None, bytes | None]]: ...

    def begin(self) -> None: ...

    def send_event(self, key: bytes, value: bytes, headers: Sequence[tuple[str, bytes]] = ()) -> None: ...

    def send_state(self, partition: int, key: bytes, value: bytes) -> None: ...

    def commit(self, positions: dict[int, int]) -> None: ...

    def abort(self) -> None: ...


class InvalidRecordHandler(Protocol):
    def __call__(self, series_key: str, error: Exception) -> None: ...


def restore_states(
    records: Iterator[tuple[bytes | None, bytes | None]], *, on_invalid: InvalidRecordHandler
) -> dict[str, SeriesState]:
    """The latest state per series key from changelog records; a null value deletes the series.

    A record whose state is invalid, of another key version, or filed under another series' key is
    reported to `on_invalid` and skipped.
    """
    states: dict[str, SeriesState] = {}
    for key, value in records:
        series_key = (key or b"").decode("utf-8", "replace")
        if value is None:
            states.pop(series_key, None)
            continue
        try:
            state = SeriesSnapshot.model_validate_json(value).state()
            if state.key != series_key:
                raise ValueError(f"record key {series_key!r} holds the state of {state.key!r}")
        except (ValidationError, ValueError) as exc:
            on_invalid(series_key, exc)
            continue
        states[series_key] = state
    return states


class Tracker:
    """One tracker process: per-partition series stores and the loop that feeds them."""

    def __init__(  # noqa: PLR0913  collaborators injected and settings, keyword-only
        self,
        client: TrackerClient,
        *,
        metrics: TrackerMetrics,
        health: LoopHealth,
        stop: StopRequest,
        max_poll_records: int = 500,
        restore_timeout_seconds: float = 300.0,
        reorder_window_seconds: float = 0.0,
        reorder_max_hold_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.metrics = metrics
        self.health = health
        self.stop = stop
        self.max_poll_records = max_poll_records
        self.restore_timeout_seconds = restore_timeout_seconds
        self.clock = clock
        self.reorder_window_seconds = reorder_window_seconds
        self.reorder_max_hold_seconds = reorder_max_hold_seconds
        self.stores: dict[int, SeriesStore] = {}
        self.buffers: dict[int, ReorderBuffer[tuple[InputRecord, Observation]]] = {}
        # Per partition: the first offset read since the last commit, and the position past the last read.
        self._uncommitted_from: dict[int, int] = {}
        self._consumed: dict[int, int] = {}
        self.log = get_logger("tracker")
        self._lock = threading.Lock()
        self._to_restore: set[int] = set()

    # -- assignment callbacks (inside poll) ----------------------------------------------------

    def on_assigned(self, partitions: set[int]) -> None:
        with self._lock:
            self._to_restore |= partitions
        self.log.info("partitions_assigned", partitions=sorted(partitions))

    def on_revoked(self, partitions: set[int]) -> None:
        with self._lock:
            for partition in partitions:
                self._drop(partition)
                self._to_restore.discard(partition)
        self._count_series()
        self.log.info("partitions_revoked", partitions=sorted(partitions))

    def _drop(self, partition: int) -> None:
        """Forget a partition's state and held claims (revoked, or rebuilt after an abort)."""
        self.stores.pop(partition, None)
        self.buffers.pop(partition, None)
        self._uncommitted_from.pop(partition, None)
        self._consumed.pop(partition, None)

    # -- the loop ------------------------------------------------------------------------------

    def run(self) -> int:
        """Poll, restore what was assigned, track each batch in a transaction, until asked to stop."""
        try:
            self.client.subscribe(self)
            while not self.stop.is_set():
                records = self.client.poll(POLL_TIMEOUT_SECONDS, max_records=self.max_poll_records)
                self.health.polled(len(self.client.assigned()))
                self._restore_assigned()
                now = self.clock()
                if records:
                    self._hold(records, now)
                if not self._release(now):
                    return ExitCode.FAILED
        except BrokerUnreachableError as exc:
            self.log.error("broker_unreachable", error=str(exc))
            return ExitCode.BROKER_UNREACHABLE
        except KafkaAdapterError as exc:
            self.log.error("tracker_failed", error=str(exc))
            return ExitCode.FAILED
        self.log.info("tracker_stop_requested", reason=self.stop.reason)
        return ExitCode.OK

    def _restore_assigned(self) -> None:
        with self._lock:
            pending = sorted(self._to_restore)
            self._to_restore.clear()
        for partition in pending:
            self.restore(partition)

    def restore(self, partition: int) -> None:
        """Rebuild one partition's series from its changelog partition, once its last owner is done."""
        started = time.perf_counter()

        def invalid(series_key: str, error: Exception) -> None:
            self.metrics.claims_ignored.labels("invalid_state").inc()
            self.log.error(
                "changelog_state_invalid", partition=partition, series=series_key, error=str(error)[:300]
            )

        self.client.settle(partition, self.restore_timeout_seconds)
        states = restore_states(
            self.client.read_changelog(partition, self.restore_timeout_seconds), on_invalid=invalid
        )
        store = SeriesStore()
        for state in states.values():
            store.put(state)
        with self._lock:
            self.stores[partition] = store
            self.buffers[partition] = ReorderBuffer(
                self.reorder_window_seconds, self.reorder_max_hold_seconds
            )
        seconds = time.perf_counter() - started
        self.metrics.restore_seconds.observe(seconds)
        self.metrics.restored_series.inc(len(store))
        self._count_series()
        self.log.info("state_restored", partition=partition, series=len(store), seconds=round(seconds, 3))

    def _hold(self, records: list[InputRecord], now: float) -> None:
        """Validate a polled batch and put its claims in their partition's reorder buffer."""
        for record in records:
            buffer = self.buffers.get(record.partition)
            if record.partition not in self.stores or buffer is None:
                continue  # revoked while the batch was in hand; the new owner reads it
            self._uncommitted_from.setdefault(record.partition, record.offset)
            self._consumed[record.partition] = record.offset + 1
            self.metrics.claims_consumed.inc()
            observation = self._observe(record)
            if observation is not None:
                buffer.add(observation, (record, observation), now)

    def _release(self, now: float) -> bool:
        """Track what the reorder window releases, in one transaction with the offsets it frees.

        The committed offset of a partition never passes a claim still held: after a crash the
        held claims are read again (the released ones the state already holds are no-ops).
        False if a transaction could be neither committed nor aborted.
        """
        released: list[tuple[InputRecord, Observation]] = []
        for partition in sorted(self.buffers):
            released.extend(self.buffers[partition].due(now))
        positions = self._committable_positions()
        if not released and not positions:
            return True
        announced: list[TrackedEvent] = []
        # One changelog record per series per transaction: only the state at the commit matters.
        changed: dict[str, tuple[int, SeriesState]] = {}
        try:
            self.client.begin()
            for record, observation in released:
                announced.extend(self._track(record, observation, changed))
            for series_key, (partition, state) in changed.items():
                snapshot = SeriesSnapshot.of(state).model_dump_json().encode("utf-8")
                self.client.send_state(partition, series_key.encode("utf-8"), snapshot)
            self.client.commit(positions)
        except (TransactionError, ProduceError, PartitionRevokedError) as exc:
            self.metrics.transactions.labels("aborted").inc()
            self.log.warning("transaction_aborted", error=str(exc), partitions=sorted(self._uncommitted_from))
            try:
                self.client.abort()
            except TransactionError as abort_exc:
                self.log.error("transaction_abort_failed", error=str(abort_exc))
                return False
            self._rewind(dict(self._uncommitted_from))
            return True
        self.metrics.transactions.labels("committed").inc()
        for partition, position in positions.items():
            if len(self.buffers[partition]):
                self._uncommitted_from[partition] = position
            else:
                self._uncommitted_from.pop(partition, None)
        for event in announced:
            self._count(event)
        self._count_series()
        return True

    def _committable_positions(self) -> dict[int, int]:
        """Per partition with uncommitted records, where its committed offset may move: to the
        oldest claim still held, or past everything consumed when none is."""
        positions: dict[int, int] = {}
        for partition, consumed in self._consumed.items():
            buffer = self.buffers.get(partition)
            if buffer is None or partition not in self._uncommitted_from:
                continue
            held = [record.offset for record, _ in buffer.values()]
            position = min(held) if held else consumed
            if position > self._uncommitted_from[partition]:
                positions[partition] = position
        return positions

    def _rewind(self, first_offsets: dict[int, int]) -> None:
        """After an abort the stores hold the batch's changes: rebuild them and read the batch again."""
        assigned = self.client.assigned()
        with self._lock:
            for partition in first_offsets:
                self._drop(partition)
                if partition in assigned:
                    self._to_restore.add(partition)
        for partition, offset in first_offsets.items():
            if partition in assigned:
                self.client.seek(partition, offset)

    def _observe(self, record: InputRecord) -> Observation | None:
        try:
            claim = ClaimEvent.model_validate_json(registry_payload(record.value or b""))
        except ValidationError as exc:
            self.metrics.claims_ignored.labels("invalid").inc()
            self.log.error(
                "claim_invalid",
                error=str(exc)[:300],
                **record_context(record.topic, record.partition, record.offset, _item_id(record)),
            )
            return None
        received_at = (
            datetime.fromtimestamp(record.timestamp_ms / 1000, UTC) if record.timestamp_ms > 0 else None
        )
        observation = observation_from_event(claim, received_at or datetime.now(UTC))
        if observation is None:
            self.metrics.claims_ignored.labels("untracked").inc()
            self.log.debug(
                "claim_untracked",
                claim_id=claim.claim_id,
                **record_context(record.topic, record.partition, record.offset, claim.item_id),
            )
        return observation

    def _track(
        self, record: InputRecord, observation: Observation, changed: dict[str, tuple[int, SeriesState]]
    ) -> list[TrackedEvent]:
        store = self.stores.get(record.partition)
        if store is None:
            raise PartitionRevokedError(f"partition {record.partition} was revoked during the batch")
        result = store.track(observation)
        if result.unattributed:
            self.metrics.claims_ignored.labels("unattributed").inc()
            return []
        if result.changed is None:
            self.metrics.claims_ignored.labels("replayed").inc()
            return []
        changed[result.changed.key] = (record.partition, result.changed)
        key = result.changed.key.encode("utf-8")
        events = [TrackedEvent.of(event) for event in result.events]
        for event in events:
            self.client.send_event(
                key, event.model_dump_json().encode("utf-8"), tracked_headers(event, record.headers)
            )
        return events

    def _count(self, event: TrackedEvent) -> None:
        self.metrics.events.labels(event.event).inc()
        if event.event == "value_updated":
            self.metrics.updates.inc()
        elif event.event == "value_revised_down":
            self.metrics.revisions.inc()
        elif event.event == "sources_conflict":
            self.metrics.conflicts.inc()

    def _count_series(self) -> None:
        with self._lock:
            total = sum(len(store) for store in self.stores.values())
        self.metrics.series_open.set(total)


def _item_id(record: InputRecord) -> str | None:
    for name, value in record.headers:
        if name == ITEM_ID:
            return value.decode("utf-8", "replace")
    return None
