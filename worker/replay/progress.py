"""Replay progress: counts per partition or file, a hand-drawn bar for terminals, log lines otherwise.

The bar is plain text redrawn in place with carriage returns and cursor-up escapes on stderr, so it
needs no dependency and never mixes with the JSON a sink may write to stdout.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, TextIO

import structlog

log = structlog.get_logger("claimwire.replay")

BAR_WIDTH = 24
LABEL_WIDTH = 24
MAX_LANES_SHOWN = 8


@dataclass(slots=True)
class Lane:
    """One partition or one file: what has been read out of how much (None when unknown)."""

    label: str
    total: int | None
    done: int = 0
    claims: int = 0
    dead_lettered: int = 0

    @property
    def finished(self) -> bool:
        return self.total is not None and self.done >= self.total


@dataclass(slots=True)
class ProgressState:
    """Counts of a running replay; the engine advances it, reporters read it."""

    started_at: float
    lanes: dict[str, Lane] = field(default_factory=dict)
    items: int = 0
    claims: int = 0
    dead_lettered: int = 0

    def lane(self, label: str, total: int | None = None) -> Lane:
        found = self.lanes.get(label)
        if found is None:
            found = self.lanes[label] = Lane(label, total)
        return found

    def record(self, lane: Lane, *, claims: int, dead_lettered: int) -> None:
        lane.done += 1
        lane.claims += claims
        lane.dead_lettered += dead_lettered
        self.items += 1
        self.claims += claims
        self.dead_lettered += dead_lettered


def items_per_second(done: int, elapsed: float) -> float:
    return done / elapsed if elapsed > 0 else 0.0


def format_duration(seconds: float | None) -> str:
    """`1h02m03s`, `4m05s`, `7s`, or `--` when unknown."""
    if seconds is None:
        return "--"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m{secs:02d}s"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


def eta_seconds(lane: Lane, elapsed: float) -> float | None:
    """Time left for `lane` at the rate it has kept so far; None when it cannot be told."""
    if lane.total is None:
        return None
    remaining = max(0, lane.total - lane.done)
    if remaining == 0:
        return 0.0
    rate = items_per_second(lane.done, elapsed)
    return remaining / rate if rate > 0 else None


def render_lane(lane: Lane, elapsed: float) -> str:
    """One bar line: label, bar, done/total, claims, rate and ETA."""
    rate = items_per_second(lane.done, elapsed)
    if lane.total:
        filled = min(BAR_WIDTH, BAR_WIDTH * lane.done // lane.total)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        count = f"{lane.done}/{lane.total}"
    else:
        bar = "#" * BAR_WIDTH if lane.finished else "?" * BAR_WIDTH
        count = str(lane.done)
    eta = format_duration(eta_seconds(lane, elapsed))
    return (
        f"{_fit(lane.label, LABEL_WIDTH)} [{bar}] {count} items {lane.claims} claims {rate:,.0f}/s ETA {eta}"
    )


def _fit(label: str, width: int) -> str:
    """`label` padded to `width`, or cut from the left: a file's name says more than its folder."""
    return label.ljust(width) if len(label) <= width else "…" + label[-(width - 1) :]


def render_lines(state: ProgressState, now: float) -> list[str]:
    """The lines of the terminal display: unfinished lanes first (a few at most), then the total."""
    elapsed = now - state.started_at
    lanes = sorted(state.lanes.values(), key=lambda lane: (lane.finished, lane.label))
    shown = lanes[:MAX_LANES_SHOWN]
    lines = [render_lane(lane, elapsed) for lane in shown]
    if len(lanes) > len(shown):
        lines.append(f"... and {len(lanes) - len(shown)} more")
    rate = items_per_second(state.items, elapsed)
    lines.append(
        f"total: {state.items} items, {state.claims} claims, {state.dead_lettered} dead-lettered, "
        f"{rate:,.0f} items/s, {format_duration(elapsed)} elapsed"
    )
    return lines


class ProgressReporter(Protocol):
    def update(self, state: ProgressState) -> None: ...

    def finish(self, state: ProgressState) -> None: ...


class TerminalProgress:
    """Redraws the bar in place on a terminal, at most a few times a second."""

    def __init__(
        self, stream: TextIO, *, interval: float = 0.2, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._stream = stream
        self._interval = interval
        self._clock = clock
        self._last_drawn = float("-inf")
        self._lines_on_screen = 0

    def update(self, state: ProgressState) -> None:
        now = self._clock()
        if now - self._last_drawn >= self._interval:
            self._draw(state, now)

    def finish(self, state: ProgressState) -> None:
        self._draw(state, self._clock())

    def _draw(self, state: ProgressState, now: float) -> None:
        self._last_drawn = now
        lines = render_lines(state, now)
        # Cursor up over the previous drawing, then overwrite each line and clear what is left of it.
        up = f"\x1b[{self._lines_on_screen}A" if self._lines_on_screen else ""
        self._stream.write(up + "".join(f"\r{line}\x1b[K\n" for line in lines))
        self._stream.flush()
        self._lines_on_screen = len(lines)


class LogProgress:
    """Plain structured log lines every `interval` seconds, for when stderr is not a terminal."""

    def __init__(self, *, interval: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._interval = interval
        self._clock = clock
        self._last_logged: float | None = None

    def update(self, state: ProgressState) -> None:
        now = self._clock()
        if self._last_logged is None:
            self._last_logged = now
        elif now - self._last_logged >= self._interval:
            self._last_logged = now
            self._log(state, now)

    def finish(self, state: ProgressState) -> None:
        """The engine logs the summary itself; nothing is left to say here."""

    def _log(self, state: ProgressState, now: float) -> None:
        elapsed = now - state.started_at
        remaining = {
            lane.label: lane.total - lane.done
            for lane in state.lanes.values()
            if lane.total is not None and not lane.finished
        }
        log.info(
            "replay.progress",
            items=state.items,
            claims=state.claims,
            dead_lettered=state.dead_lettered,
            items_per_second=round(items_per_second(state.items, elapsed), 1),
            remaining=remaining,
        )
