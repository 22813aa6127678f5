"""Progress rendering: bar lines, ETA, the in-place terminal redraw and the periodic log lines."""

from __future__ import annotations

import io

from structlog.testing import capture_logs

from worker.replay.progress import (
    Lane,
    LogProgress,
    ProgressState,
    TerminalProgress,
    eta_seconds,
    format_duration,
    render_lane,
    render_lines,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_durations_read_like_a_clock() -> None:
    assert format_duration(None) == "--"
    assert format_duration(7.4) == "7s"
    assert format_duration(245) == "4m05s"
    assert format_duration(3723) == "1h02m03s"


def test_eta_follows_the_lanes_own_rate() -> None:
    assert eta_seconds(Lane("p0", total=1000, done=250), elapsed=10.0) == 30.0
    assert eta_seconds(Lane("p0", total=1000, done=1000), elapsed=10.0) == 0.0
    assert eta_seconds(Lane("p0", total=1000, done=0), elapsed=10.0) is None
    assert eta_seconds(Lane("a.jsonl", total=None, done=5), elapsed=10.0) is None


def test_a_lane_line_shows_bar_counts_rate_and_eta() -> None:
    line = render_lane(Lane("partition 2", total=200, done=50, claims=130), elapsed=5.0)
    assert line.startswith("partition 2")
    assert "[######------------------]" in line
    assert "50/200 items 130 claims 10/s ETA 15s" in line


def test_a_lane_of_unknown_size_shows_what_was_read() -> None:
    line = render_lane(Lane("archive.jsonl.gz", total=None, done=42, claims=7), elapsed=2.0)
    assert "42 items 7 claims 21/s ETA --" in line


def test_unfinished_lanes_come_first_and_the_total_last() -> None:
    state = ProgressState(started_at=0.0)
    state.lane("partition 0", 10).done = 10
    busy = state.lane("partition 1", 10)
    state.record(busy, claims=3, dead_lettered=1)
    lines = render_lines(state, now=1.0)
    assert lines[0].startswith("partition 1")
    assert lines[1].startswith("partition 0")
    assert lines[-1] == "total: 1 items, 3 claims, 1 dead-lettered, 1 items/s, 1s elapsed"


def test_terminal_progress_redraws_in_place_and_at_most_every_interval() -> None:
    stream, clock = io.StringIO(), Clock()
    state = ProgressState(started_at=clock.now)
    lane = state.lane("partition 0", 4)
    progress = TerminalProgress(stream, interval=1.0, clock=clock)
    state.record(lane, claims=1, dead_lettered=0)
    progress.update(state)
    first = stream.getvalue()
    assert first.count("\n") == 2
    assert "\x1b[" not in first.split("\r", 1)[0]  # nothing drawn before: no cursor-up
    state.record(lane, claims=1, dead_lettered=0)
    progress.update(state)
    assert stream.getvalue() == first  # too soon: not redrawn
    clock.now += 1.0
    progress.update(state)
    redraw = stream.getvalue()[len(first) :]
    assert redraw.startswith("\x1b[2A\r")  # back up over the two lines drawn before
    assert "2/4 items" in redraw


def test_log_progress_logs_every_interval_with_what_is_left() -> None:
    clock = Clock()
    state = ProgressState(started_at=clock.now)
    lane = state.lane("partition 0", 10)
    progress = LogProgress(interval=10.0, clock=clock)
    with capture_logs() as logs:
        for _ in range(3):
            state.record(lane, claims=2, dead_lettered=0)
            progress.update(state)
            clock.now += 6.0
    progress_lines = [entry for entry in logs if entry["event"] == "replay.progress"]
    assert len(progress_lines) == 1
    assert progress_lines[0]["items"] == 3
    assert progress_lines[0]["claims"] == 6
    assert progress_lines[0]["remaining"] == {"partition 0": 7}
