"""Where the worker runs extraction: in the poll loop's own process, or in a pool of child processes.

Extraction (`RecordProcessor.process`) is pure CPU work; the Kafka client's IO threads need the same
interpreter's GIL. With `extract_processes >= 1` each polled batch is split into one chunk per child
process and extracted there, so the client and the extraction run on different cores. Either way the
loop sees the same thing: an `ExtractionBatch` whose `outcomes()` are in the batch's record order,
made by the same `RecordProcessor` code, so the published bytes do not depend on the mode.

`ExtractionPipeline` keeps the submitted batches in submission order (the loop publishes only the
oldest one), which keeps every input partition's order, and bounds how far extraction runs ahead.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC
from typing import Protocol, TypeVar

from worker.kafka.commit import Partition
from worker.runtime.processor import InputRecord, OutgoingMessage, ProcessedRecord, RecordProcessor

# `spawn` gives each child a fresh interpreter: no copy of the parent's Kafka client threads or locks.
START_METHOD = "spawn"
# prctl(2) option: the signal the kernel sends a process when the thread that started it exits.
PR_SET_PDEATHSIG = 1

T = TypeVar("T")


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
    )


def extract_records(processor: RecordProcessor, records: Sequence[InputRecord]) -> list[Outcome]:
    """Process records in order, timing each one."""
    outcomes = []
    for record in records:
        started = time.perf_counter()
        result = processor.process(record)
        outcomes.append(summarise(result, time.perf_counter() - started))
    return outcomes


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
        (BrokenProcessPool when a child died)."""
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

    def restart(self) -> None: ...

    def close(self) -> None: ...


class InlineExtraction:
    """Extraction in the calling thread: the batch is done when `submit` returns."""

    processes = 0

    def __init__(self, processor: RecordProcessor) -> None:
        self.processor = processor

    def submit(self, records: list[InputRecord], generation: int) -> ExtractionBatch:
        future: Future[list[Outcome]] = Future()
        future.set_result(extract_records(self.processor, records))
        return ExtractionBatch(records, [future], generation)

    def restart(self) -> None:
        return None

    def close(self) -> None:
        return None


# The child's processor, set once by `_start_child` (a child process serves one worker).
_child_processors: dict[str, RecordProcessor] = {}


def _start_child(output_topic: str, dlq_topic: str, worker_version: str) -> None:
    """Runs first in every child: the parent owns shutdown, so the child ignores the stop signals,
    and dies with the parent (a SIGKILLed parent cannot join it; it would wait for work forever)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    _child_processors["processor"] = RecordProcessor(
        output_topic=output_topic, dlq_topic=dlq_topic, worker_version=worker_version
    )


def _extract_in_child(records: list[InputRecord]) -> list[Outcome]:
    return extract_records(_child_processors["processor"], records)


def _child_ready() -> bool:
    return "processor" in _child_processors


class PoolExtraction:
    """Extraction in `processes` child processes; each batch is split into one chunk per child."""

    def __init__(self, processor: RecordProcessor, processes: int) -> None:
        if processes < 1:
            raise ValueError("processes must be >= 1")
        self.processes = processes
        self._init_args = (processor.output_topic, processor.dlq_topic, processor.worker_version)
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context(START_METHOD),
            initializer=_start_child,
            initargs=self._init_args,
        )
        # Start the children now (they import the extractor) rather than on the first batch.
        for _ in range(self.processes):
            executor.submit(_child_ready)
        return executor

    def submit(self, records: list[InputRecord], generation: int) -> ExtractionBatch:
        futures: list[Future[list[Outcome]]] = []
        for chunk in split_evenly(records, self.processes):
            try:
                futures.append(self._executor.submit(_extract_in_child, chunk))
            except BrokenProcessPool as exc:
                # The pool broke before this batch: its outcomes() raise, like a batch caught in it.
                broken: Future[list[Outcome]] = Future()
                broken.set_exception(exc)
                futures.append(broken)
                break
        return ExtractionBatch(records, futures, generation)

    def restart(self) -> None:
        """Replace a broken pool (a child died): its pending work is lost and must be resubmitted."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    def close(self) -> None:
        """Cancel what has not started and join the children."""
        self._executor.shutdown(wait=True, cancel_futures=True)


def start_extraction(processor: RecordProcessor, processes: int) -> Extraction:
    """Inline extraction for 0 processes, a pool of child processes otherwise."""
    if processes == 0:
        return InlineExtraction(processor)
    return PoolExtraction(processor, processes)


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
