"""The replay loop: read, pace, process, send, and checkpoint behind the sink's acknowledgement.

Knows nothing of Kafka or files: a source yields items with a lane (partition or file) and
remembers how far it got; a sink takes messages and can be flushed. The one rule that makes a
replay resumable lives here: the checkpoint is written only after `sink.flush()` returned, so
every position it records has all its output acknowledged.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

import structlog

from worker.replay.checkpoint import Checkpoint, Totals, save_checkpoint
from worker.replay.pacing import TokenBucket
from worker.replay.progress import Lane, ProgressReporter, ProgressState

log = structlog.get_logger("claimwire.replay")

P = TypeVar("P")
P_co = TypeVar("P_co", covariant=True)
M = TypeVar("M")
M_contra = TypeVar("M_contra", contravariant=True)


@dataclass(slots=True, frozen=True)
class SourceItem(Generic[P]):
    """One item to replay: the lane it came from (partition or file) and what the processor takes."""

    lane: str
    payload: P


@dataclass(slots=True, frozen=True)
class Outcome(Generic[M]):
    """What processing one item gave: the messages to send, and how many were claims or dead letters."""

    messages: Sequence[M]
    claims: int
    dead_lettered: int


class ReplaySource(Protocol[P]):
    def lanes(self) -> dict[str, int | None]:
        """Each lane and how many items it holds (None when unknown until read)."""
        ...

    def items(self) -> Iterator[SourceItem[P]]: ...

    def mark_done(self, item: SourceItem[P]) -> None:
        """`item`'s messages are all sent: a checkpoint taken after the next flush may skip it."""
        ...

    def save_into(self, checkpoint: Checkpoint) -> None:
        """Write the positions of every item marked done into `checkpoint`."""
        ...


class ReplaySink(Protocol[M_contra]):
    def send(self, message: M_contra) -> None: ...

    def flush(self) -> None:
        """Block until every message sent so far is durable; raise if any is not."""
        ...

    def output_sizes(self) -> dict[str, int]:
        """For file sinks, each file's size after the last flush; empty for topics."""
        ...


@dataclass(slots=True, frozen=True)
class CheckpointPolicy:
    """Where and how often to checkpoint; a window is whichever comes first."""

    path: Path | None
    base: Checkpoint
    every_items: int = 1000
    every_seconds: float = 5.0


@dataclass(slots=True, frozen=True)
class Summary:
    """What one run did (this run only; the checkpoint keeps the sums over every run)."""

    items: int
    claims: int
    dead_lettered: int
    duration_seconds: float
    interrupted: bool
    per_lane: dict[str, int]


def run_replay(  # noqa: PLR0913  source, process and sink injected; the policies keyword-only
    source: ReplaySource[P],
    process: Callable[[P], Outcome[M]],
    sink: ReplaySink[M],
    *,
    checkpoints: CheckpointPolicy,
    progress: ProgressReporter,
    limiter: TokenBucket | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    clock: Callable[[], float] = time.monotonic,
) -> Summary:
    """Replay every item of `source` through `process` into `sink`; stop early when asked."""
    started = clock()
    state = ProgressState(started_at=started)
    for label, total in source.lanes().items():
        state.lane(label, total)
    baseline = checkpoints.base.totals.model_copy()
    window_items, window_started = 0, started
    interrupted = False
    previous: Lane | None = None

    def checkpoint() -> None:
        sink.flush()
        if checkpoints.path is None:
            return
        checkpoint = checkpoints.base
        source.save_into(checkpoint)
        checkpoint.output_sizes = sink.output_sizes()
        checkpoint.totals = Totals(
            items=baseline.items + state.items,
            claims=baseline.claims + state.claims,
            dead_lettered=baseline.dead_lettered + state.dead_lettered,
        )
        save_checkpoint(checkpoints.path, checkpoint)

    # A checkpoint before the first item fixes the plan (a topic's captured end offsets) on disk, so
    # even a run killed in its first window resumes the same job.
    checkpoint()
    for item in source.items():
        if should_stop():
            interrupted = True
            break
        if limiter is not None:
            limiter.acquire()
        outcome = process(item.payload)
        for message in outcome.messages:
            sink.send(message)
        source.mark_done(item)
        lane = state.lane(item.lane)
        if previous is not None and previous is not lane and previous.total is None:
            # Only files have no known size, and files are read one after another: moving on to
            # the next one means the last one is finished.
            previous.total = previous.done
        previous = lane
        state.record(lane, claims=outcome.claims, dead_lettered=outcome.dead_lettered)
        progress.update(state)
        window_items += 1
        if window_items >= checkpoints.every_items or clock() - window_started >= checkpoints.every_seconds:
            checkpoint()
            window_items, window_started = 0, clock()
    interrupted = interrupted or should_stop()
    checkpoint()
    if previous is not None and previous.total is None and not interrupted:
        previous.total = previous.done
    progress.finish(state)
    return Summary(
        items=state.items,
        claims=state.claims,
        dead_lettered=state.dead_lettered,
        duration_seconds=clock() - started,
        interrupted=interrupted,
        per_lane={label: lane.done for label, lane in state.lanes.items()},
    )
