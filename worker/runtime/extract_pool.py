"""The extraction process pool: extraction in the poll loop's own process or in supervised children.

Extraction (`RecordProcessor.process`) is pure CPU work; the Kafka client's IO threads need the same
interpreter's GIL. With `extract_processes >= 1` each polled batch is split into one chunk per child
process and extracted there, so the client and the extraction run on different cores. Either way the
loop sees the same thing: an `ExtractionBatch` whose `outcomes()` are in the batch's record order,
made by the same `RecordProcessor` code, so the published bytes do not depend on the mode.

No record can stop extraction. Each record has `item_timeout_seconds`: past it the record is
dead-lettered as `too_slow` (an alarm inside the process that extracts it; a child that does not
answer within the limit plus `KILL_GRACE_SECONDS` is killed). A child that dies (a signal, the
kernel's out-of-memory killer, its own address-space limit) is detected by its pipe closing: the
record in its hands is dead-lettered as `extractor_crashed`, a new child is started and the rest of
the chunk goes on. `max_consecutive_breaks` breaks with no record extracted in between make every
later batch fail with `ExtractionBroken`, and the worker exits so the orchestrator restarts it.

`ExtractionPipeline` keeps the submitted batches in submission order (the loop publishes only the
oldest one), which keeps every input partition's order, and bounds how far extraction runs ahead.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import queue
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures import wait as wait_futures
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC
from multiprocessing.connection import Connection
from types import FrameType
from typing import Any, Final, Protocol, TypeVar

from worker.errors import ClaimwireError
from worker.pipeline import ELLIPSIS, warm_up
from worker.records import InputRecord, OutgoingMessage, Partition
from worker.runtime.processor import OUT_OF_MEMORY, ProcessedRecord, RecordProcessor

# `spawn` gives each child a fresh interpreter: no copy of the parent's Kafka client threads or locks.
START_METHOD: Final = "spawn"
# prctl(2) option: the signal the kernel sends a process when the thread that started it exits.
PR_SET_PDEATHSIG = 1
# A child past its alarm is given this long to answer before it is killed (its alarm cannot
# interrupt a long call into C, e.g. one regular-expression match).
KILL_GRACE_SECONDS = 1.0
# A new child imports the extractor before it answers; a cold start on a busy node takes seconds.
CHILD_START_TIMEOUT_SECONDS = 120.0
CHILD_STOP_TIMEOUT_SECONDS = 5.0
# How often a child's watchdog checks whether an answer it began to read has run out of time.
WATCHDOG_INTERVAL_SECONDS = 0.25

# A child's exit code when it ran out of memory outside a record's processing.
CHILD_OUT_OF_MEMORY_EXIT = 75

TOO_SLOW = "too_slow"
EXTRACTOR_CRASHED = "extractor_crashed"

T = TypeVar("T")


class ItemTooSlow(BaseException):
    """Raised by the alarm in the middle of an item's extraction; a BaseException so that no
    `except Exception` inside the extractor swallows it."""


class ExtractionBroken(ClaimwireError, RuntimeError):
    """Children broke on this many records in a row: something other than one record is wrong."""


@dataclass(slots=True, frozen=True)
class Outcome:
    """What the loop needs from one processed record; small and picklable (no exceptions, no models).

    `claim_labels` has one (category, qualifier, attributed) per claim message; empty for a dead letter.
    """

    messages: list[OutgoingMessage]
    claim_labels: list[tuple[str, str, str]]
    failure_reason: str | None
    failure_error: str | None
    item_id: str | None
    published_at: float | None
    seconds: float
    skipped_reason: str | None = None  # with `skipped_detail`: the item was passed over, not failed
    skipped_detail: str | None = None
    truncated: bool = False  # the dead letter was cut to fit the dead-letter topic
    evidence_trimmed: int = 0  # claims whose evidence was cut to the window around the figure

    @property
    def dead_lettered(self) -> bool:
        return self.failure_reason is not None


def summarise(result: ProcessedRecord, seconds: float) -> Outcome:
    """The outcome of one `RecordProcessor.process` call that took `seconds`."""
    published_at = None
    if result.item is not None and result.item.published_at is not None:
        published = result.item.published_at
        if published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
        published_at = published.timestamp()
    failure = result.failure
    labels: list[tuple[str, str, str]] = [
        (event.category, event.qualifier, "true" if event.source is not None else "false")
        for event in result.events
    ]
    trimmed = sum(
        1
        for event in result.events
        if event.evidence.sentence.startswith(ELLIPSIS) or event.evidence.sentence.endswith(ELLIPSIS)
    )
    return Outcome(
        messages=result.messages,
        claim_labels=[] if failure is not None else labels,
        failure_reason=failure.reason if failure is not None else None,
        failure_error=str(failure.error)[:300] if failure is not None else None,
        item_id=result.item_id,
        published_at=published_at,
        seconds=seconds,
        skipped_reason=result.skipped.reason if result.skipped is not None else None,
        skipped_detail=result.skipped.detail if result.skipped is not None else None,
        truncated=result.truncated,
        evidence_trimmed=0 if failure is not None else trimmed,
    )


def failed_outcome(
    processor: RecordProcessor, record: InputRecord, reason: str, error: str, seconds: float
) -> Outcome:
    """The dead letter of a record whose extraction never answered (a child that died or hung)."""
    return summarise(processor.dead_letter(record, reason, RuntimeError(error)), seconds)


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """Raise ItemTooSlow in this (main) thread after `seconds`; no alarm off the main thread."""
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise ItemTooSlow(f"extraction took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_one(processor: RecordProcessor, record: InputRecord, timeout_seconds: float | None) -> Outcome:
    """Process one record within `timeout_seconds` (dead-lettered as too_slow past it), timed."""
    started = time.perf_counter()
    try:
        with _alarm(timeout_seconds):
            result = processor.process(record)
    except ItemTooSlow as exc:
        result = processor.dead_letter(record, TOO_SLOW, exc)
    return summarise(result, time.perf_counter() - started)


def extract_records(
    processor: RecordProcessor, records: Sequence[InputRecord], timeout_seconds: float | None = None
) -> list[Outcome]:
    """Process records in order, timing each one."""
    return [extract_one(processor, record, timeout_seconds) for record in records]


def split_evenly(items: Sequence[T], parts: int) -> list[list[T]]:
    """Consecutive chunks of `items`, at most `parts` of them, sizes differing by at most one."""
    if parts < 1:
        raise ValueError("parts must be >= 1")
    count = min(parts, len(items))
    if count == 0:
        return []
    size, extra = divmod(len(items), count)
    chunks: list[list[T]] = []
    start = 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        chunks.append(list(items[start:end]))
        start = end
    return chunks


class ExtractionBatch:
    """One polled batch on its way through extraction; `outcomes()` are in the batch's order."""

    __slots__ = ("futures", "generation", "records")

    def __init__(
        self, records: list[InputRecord], futures: list[Future[list[Outcome]]], generation: int
    ) -> None:
        self.records = records
        self.futures = futures
        self.generation = generation

    def done(self) -> bool:
        return all(future.done() for future in self.futures)

    def wait(self, timeout_seconds: float) -> bool:
        """Block until every chunk is done or the timeout passes; whether it is done."""
        wait_futures(self.futures, timeout=timeout_seconds)
        return self.done()

    def outcomes(self) -> list[Outcome]:
        """Every chunk's outcomes, merged in submission order; raises what a chunk raised
        (ExtractionBroken when children kept breaking)."""
        merged: list[Outcome] = []
        for future in self.futures:
            merged.extend(future.result())
        if len(merged) != len(self.records):
            raise RuntimeError(f"extraction returned {len(merged)} outcomes for {len(self.records)} records")
        return merged

    def first_offsets(self) -> dict[Partition, int]:
        """The first offset of each partition in the batch (where a rewind must seek to)."""
        first: dict[Partition, int] = {}
        for record in self.records:
            first.setdefault((record.topic, record.partition), record.offset)
        return first


class Extraction(Protocol):
    """Turns a batch of records into an `ExtractionBatch`."""

    processes: int

    def submit(self, records: list[InputRecord], generation: int) -> ExtractionBatch: ...

    def close(self) -> None: ...


class InlineExtraction:
    """Extraction in the calling thread: the batch is done when `submit` returns. The per-item alarm
    applies on the main thread; a crash or a hang in C code is the worker's own (see the docs)."""

    processes = 0

    def __init__(self, processor: RecordProcessor, item_timeout_seconds: float | None = None) -> None:
        self.processor = processor
        self.item_timeout_seconds = item_timeout_seconds
        warm_up()

    def submit(self, records: list[InputRecord], generation: int) -> ExtractionBatch:
        future: Future[list[Outcome]] = Future()
        future.set_result(extract_records(self.processor, records, self.item_timeout_seconds))
        return ExtractionBatch(records, [future], generation)

    def close(self) -> None:
        return None


# -- the child process ----------------------------------------------------------------------------

# The child's processor, set once by `_start_child` (a child process serves one worker).
_child_processors: dict[str, RecordProcessor] = {}


def _start_child(settings: dict[str, Any], memory_limit_bytes: int = 0) -> None:
    """Runs first in every child: the parent owns shutdown, so the child ignores the stop signals,
    dies with the parent (a SIGKILLed parent cannot join it; it would wait for work forever), and
    runs under its own address-space limit so a runaway item fails there, not on the node."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    _child_processors["processor"] = RecordProcessor(**settings)
    # Loaded before the limit: the limit is for what one item makes the child allocate.
    warm_up()
    if memory_limit_bytes > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit_bytes, memory_limit_bytes))


def _child_main(
    conn: Connection, settings: dict[str, Any], memory_limit_bytes: int, timeout_seconds: float
) -> None:
    """The child's loop: "ready", then for each chunk "started" and one outcome per record."""
    _start_child(settings, memory_limit_bytes)
    processor = _child_processors["processor"]
    conn.send("ready")
    try:
        while (chunk := conn.recv()) is not None:
            conn.send("started")
            for record in chunk:
                conn.send(extract_one(processor, record, timeout_seconds))
    except MemoryError:
        # Outside one record's processing (reading a chunk, writing an answer): the parent sees
        # the exit code and dead-letters the record in hand, if any.
        os._exit(CHILD_OUT_OF_MEMORY_EXIT)


class _ChildGone(ClaimwireError):
    """The child's pipe closed or it did not answer in time; `detail` says which."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class _Child:
    """One extraction child process and the parent's end of its pipe."""

    def __init__(self, settings: dict[str, Any], memory_limit_bytes: int, timeout_seconds: float) -> None:
        context = multiprocessing.get_context(START_METHOD)
        self.conn, child_end = context.Pipe()
        self.process = context.Process(
            target=_child_main,
            args=(child_end, settings, memory_limit_bytes, timeout_seconds),
            name="claimwire-extract",
            daemon=True,
        )
        self.process.start()
        child_end.close()
        self._start_watchdog()
        self.receive(CHILD_START_TIMEOUT_SECONDS)

    def _start_watchdog(self) -> None:
        # `poll` says an answer has begun, not that it is whole: a child stopped halfway through
        # writing one (SIGSTOP, a frozen cgroup) would hold `recv` forever. The watchdog kills a
        # child whose answer is not whole by its deadline; its pipe then closes and `recv` ends.
        self._read_deadline: float | None = None
        self._silenced = False
        self._closed = threading.Event()
        threading.Thread(target=self._watch_reads, name="claimwire-extract-watchdog", daemon=True).start()

    def _watch_reads(self) -> None:
        while not self._closed.wait(WATCHDOG_INTERVAL_SECONDS):
            deadline = self._read_deadline
            if deadline is not None and time.monotonic() > deadline:
                self._silenced = True
                self.process.kill()
                return

    @property
    def pid(self) -> int | None:
        pid: int | None = self.process.pid
        return pid

    def send(self, message: object) -> None:
        try:
            self.conn.send(message)
        except (OSError, ValueError) as exc:
            raise _ChildGone(self._death()) from exc

    def receive(self, timeout_seconds: float) -> Any:
        """The child's next message; `_ChildGone` if it died, or stayed silent or stopped halfway
        through its answer for `timeout_seconds`."""
        try:
            if not self.conn.poll(timeout_seconds):
                self.kill()
                raise _ChildGone(f"no answer within {timeout_seconds:g} s; killed")
            self._read_deadline = time.monotonic() + timeout_seconds
            try:
                return self.conn.recv()
            finally:
                self._read_deadline = None
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            if self._silenced:
                self.kill()
                detail = f"no answer within {timeout_seconds:g} s (stopped mid-answer); killed"
                raise _ChildGone(detail) from exc
            raise _ChildGone(self._death()) from exc

    def kill(self) -> None:
        self._closed.set()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(CHILD_STOP_TIMEOUT_SECONDS)
        self.conn.close()

    def close(self) -> None:
        with suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(CHILD_STOP_TIMEOUT_SECONDS)
        self.kill()

    def _death(self) -> str:
        self.process.join(CHILD_STOP_TIMEOUT_SECONDS)
        code = self.process.exitcode
        self.kill()
        if code is not None and code < 0:
            return f"child {self.pid} killed by {signal.Signals(-code).name}"
        if code == CHILD_OUT_OF_MEMORY_EXIT:
            return f"child {self.pid} ran out of memory (CLAIMWIRE_EXTRACT_MEMORY_LIMIT_MB)"
        return f"child {self.pid} exited with code {code}"


BreakHandler = Callable[[str, InputRecord, str], None]


class PoolExtraction:
    """Extraction in `processes` supervised children; each batch is split into one chunk per child.

    One thread per child sends it chunks and reads its answers; `on_break(reason, record, detail)`
    is called from that thread for every record a child died or hung on.
    """

    def __init__(  # noqa: PLR0913  keyword-only settings, each named at the call site
        self,
        processor: RecordProcessor,
        processes: int,
        *,
        item_timeout_seconds: float = 30.0,
        max_consecutive_breaks: int = 5,
        memory_limit_bytes: int = 0,
        on_break: BreakHandler | None = None,
    ) -> None:
        if processes < 1:
            raise ValueError("processes must be >= 1")
        self.processes = processes
        self.processor = processor
        self.item_timeout_seconds = item_timeout_seconds
        self.max_consecutive_breaks = max_consecutive_breaks
        self._child_args = (processor.settings(), memory_limit_bytes, item_timeout_seconds)
        self._on_break = on_break
        self._lock = threading.Lock()
        self._breaks = 0
        self._broken: str | None = None
        self._tasks: queue.SimpleQueue[tuple[list[InputRecord], Future[list[Outcome]]] | None] = (
            queue.SimpleQueue()
        )
        self._children: list[_Child | None] = [None] * processes
        # Start the children now (they import the extractor) rather than on the first batch; one that
        # cannot start is tried again with the first chunk, and counts towards ExtractionBroken there.
        for slot in range(processes):
            try:
                self._children[slot] = _Child(*self._child_args)
            except _ChildGone:
                self._children[slot] = None
        self._threads = [
            threading.Thread(target=self._serve, args=(slot,), name=f"claimwire-extract-{slot}", daemon=True)
            for slot in range(processes)
        ]
        for thread in self._threads:
            thread.start()

    def pids(self) -> list[int]:
        """The children's process ids (for tests and logs)."""
        return [child.pid for child in self._children if child is not None and child.pid is not None]

    def submit(self, records: list[InputRecord], generation: int) -> ExtractionBatch:
        futures: list[Future[list[Outcome]]] = []
        for chunk in split_evenly(records, self.processes):
            future: Future[list[Outcome]] = Future()
            futures.append(future)
            self._tasks.put((chunk, future))
        return ExtractionBatch(records, futures, generation)

    def close(self) -> None:
        """Finish nothing more: each thread stops its child once it takes the stop marker."""
        for _ in self._threads:
            self._tasks.put(None)
        for thread in self._threads:
            thread.join(CHILD_START_TIMEOUT_SECONDS)

    def _serve(self, slot: int) -> None:
        while (task := self._tasks.get()) is not None:
            chunk, future = task
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._extract_chunk(slot, chunk))
            except Exception as exc:  # ExtractionBroken, or a child that cannot be started
                future.set_exception(exc)
        child = self._children[slot]
        if child is not None:
            child.close()

    def _extract_chunk(self, slot: int, chunk: list[InputRecord]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        pending = deque(chunk)
        idle_deaths = 0
        while pending:
            with self._lock:
                if self._broken is not None:
                    raise ExtractionBroken(self._broken)
            try:
                child = self._children[slot]
                if child is None:
                    child = self._children[slot] = _Child(*self._child_args)
                child.send(list(pending))
                child.receive(CHILD_START_TIMEOUT_SECONDS)  # "started": from here a record is in hand
            except _ChildGone as gone:
                # Died before taking the chunk (or never started): no record was in its hands.
                self._children[slot] = None
                idle_deaths += 1
                if idle_deaths >= self.max_consecutive_breaks:
                    raise ExtractionBroken(f"no extraction child could take work: {gone.detail}") from None
                continue
            while pending:
                started = time.perf_counter()
                try:
                    outcome: Outcome = child.receive(self.item_timeout_seconds + KILL_GRACE_SECONDS)
                except _ChildGone as gone:
                    self._children[slot] = None
                    record = pending.popleft()
                    slow = gone.detail.startswith("no answer")
                    reason = TOO_SLOW if slow else EXTRACTOR_CRASHED
                    seconds = time.perf_counter() - started
                    outcomes.append(failed_outcome(self.processor, record, reason, gone.detail, seconds))
                    self._count_break(reason, record, gone.detail)
                    break
                record = pending.popleft()
                outcomes.append(outcome)
                if outcome.failure_reason == OUT_OF_MEMORY:
                    # Its allocator failed: the child may be in any state, so it is replaced, and
                    # record after record failing this way is a limit set too low, not bad input.
                    child.kill()
                    self._children[slot] = None
                    self._count_break(OUT_OF_MEMORY, record, outcome.failure_error or "out of memory")
                    break
                with self._lock:
                    self._breaks = 0
        return outcomes

    def _count_break(self, reason: str, record: InputRecord, detail: str) -> None:
        with self._lock:
            self._breaks += 1
            if self._breaks >= self.max_consecutive_breaks:
                self._broken = f"extraction children broke on {self._breaks} records in a row; last: {detail}"
        if self._on_break is not None:
            self._on_break(reason, record, detail)


def start_extraction(  # noqa: PLR0913  keyword-only settings, each named at the call site
    processor: RecordProcessor,
    processes: int,
    *,
    item_timeout_seconds: float,
    max_consecutive_breaks: int,
    memory_limit_bytes: int,
    on_break: BreakHandler | None = None,
) -> Extraction:
    """Inline extraction for 0 processes, supervised child processes otherwise."""
    if processes == 0:
        return InlineExtraction(processor, item_timeout_seconds)
    return PoolExtraction(
        processor,
        processes,
        item_timeout_seconds=item_timeout_seconds,
        max_consecutive_breaks=max_consecutive_breaks,
        memory_limit_bytes=memory_limit_bytes,
        on_break=on_break,
    )


class ExtractionPipeline:
    """Submitted batches, oldest first. Only the oldest is ever published, so order is kept."""

    def __init__(self, max_batches: int) -> None:
        if max_batches < 1:
            raise ValueError("max_batches must be >= 1")
        self.max_batches = max_batches
        self._batches: deque[ExtractionBatch] = deque()

    def __len__(self) -> int:
        return len(self._batches)

    def __iter__(self) -> Iterator[ExtractionBatch]:
        return iter(self._batches)

    def full(self) -> bool:
        return len(self._batches) >= self.max_batches

    def records(self) -> int:
        """Records submitted and not yet handed back: they count against the in-flight limit."""
        return sum(len(batch.records) for batch in self._batches)

    def append(self, batch: ExtractionBatch) -> None:
        self._batches.append(batch)

    def head(self) -> ExtractionBatch | None:
        return self._batches[0] if self._batches else None

    def pop(self) -> ExtractionBatch:
        return self._batches.popleft()

    def drain(self) -> list[ExtractionBatch]:
        """Remove and return every batch, oldest first."""
        batches = list(self._batches)
        self._batches.clear()
        return batches


def rewind_positions(batches: Sequence[ExtractionBatch]) -> dict[Partition, int]:
    """For batches given up on, the lowest offset of each partition among them: where to seek so
    the consumer reads every one of their records again."""
    positions: dict[Partition, int] = {}
    for batch in batches:
        for partition, offset in batch.first_offsets().items():
            if partition not in positions or offset < positions[partition]:
                positions[partition] = offset
    return positions
