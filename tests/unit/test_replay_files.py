"""File replay end to end without Kafka: same bytes as `claimwire extract`, dead letters, resume, dry run."""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import structlog

from worker.cli import main
from worker.ingest.files import ReadItem
from worker.records import OutgoingMessage
from worker.replay.checkpoint import Checkpoint, load_checkpoint
from worker.replay.engine import CheckpointPolicy, Outcome, SourceItem, Summary, run_replay
from worker.replay.files import FILES_SOURCE, FileItemProcessor, FileSource
from worker.replay.progress import LogProgress, ProgressState
from worker.replay.sinks import JsonLinesSink, dead_letter_path
from worker.runtime.processor import RecordProcessor

DLQ = "wire.raw.dlq"

STORIES = [
    "Floods have killed {n} people and forced about 3,400 residents from their homes, "
    "the regional disaster agency said on Tuesday.",
    "At least {n} miners were trapped after the collapse, police told reporters. "
    "Rescuers said 9 had been pulled out alive.",
    "The city council met on Monday to discuss the budget for 2027.",
]


@pytest.fixture(autouse=True)
def reset_logging() -> Iterator[None]:
    """`claimwire replay` configures logging onto the captured stderr; later tests must not write there."""
    yield
    structlog.reset_defaults()
    logging.getLogger().handlers.clear()


def wire_items(count: int, *, prefix: str) -> list[dict[str, str]]:
    return [
        {"id": f"{prefix}-{i}", "source": "testwire", "body": STORIES[i % len(STORIES)].format(n=10 + i)}
        for i in range(count)
    ]


def write_jsonl(path: Path, items: list[dict[str, str]], *, bad_lines: dict[int, str] | None = None) -> Path:
    lines = [json.dumps(item) for item in items]
    for position, text in sorted((bad_lines or {}).items()):
        lines.insert(position, text)
    data = ("\n".join(lines) + "\n").encode()
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def extract_output(capsys: pytest.CaptureFixture[str], *paths: Path) -> bytes:
    main(["extract", *map(str, paths)])
    return capsys.readouterr().out.encode()


def replay(*args: str) -> int:
    return main(["replay", "--log-format", "json", *args])


def test_file_replay_writes_the_same_bytes_as_extract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_jsonl(tmp_path / "day.jsonl", wire_items(12, prefix="same"))
    expected = extract_output(capsys, archive)
    assert expected.count(b"\n") >= 12  # the items do hold claims, or this test would prove nothing
    out = tmp_path / "out.jsonl"
    assert replay("--files", str(archive), "--output-file", str(out)) == 0
    assert out.read_bytes() == expected
    assert dead_letter_path(out).read_bytes() == b""


def test_gzip_files_and_directories_replay_like_extract_reads_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl.gz", wire_items(5, prefix="gz"))
    write_jsonl(folder / "b.jsonl", wire_items(4, prefix="plain"))
    expected = extract_output(capsys, folder)
    out = tmp_path / "out.jsonl"
    assert replay("--files", str(folder), "--output-file", str(out)) == 0
    assert out.read_bytes() == expected
    assert b'"item_id":"gz-0"' in expected
    assert b'"item_id":"plain-3"' in expected


def test_bad_lines_go_to_the_dead_letter_file_naming_file_line_and_reason(tmp_path: Path) -> None:
    archive = write_jsonl(tmp_path / "mixed.jsonl", wire_items(3, prefix="ok"), bad_lines={1: "{broken"})
    out = tmp_path / "out.jsonl"
    assert replay("--files", str(archive), "--output-file", str(out)) == 0
    (letter,) = [json.loads(line) for line in dead_letter_path(out).read_text().splitlines()]
    assert letter["headers"]["claimwire.error.reason"] == "invalid_json"
    assert letter["headers"]["claimwire.source.topic"] == f"file:{archive}"
    assert letter["headers"]["claimwire.source.offset"] == "2"
    items = {json.loads(line)["item_id"] for line in out.read_text().splitlines()}
    assert items == {"ok-0", "ok-1"}  # ok-2 is the story without figures


def test_dry_run_counts_items_per_file_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", wire_items(7, prefix="a"), bad_lines={0: "not json"})
    second = write_jsonl(tmp_path / "b.jsonl.gz", wire_items(3, prefix="b"))
    out = tmp_path / "out.jsonl"
    assert replay("--files", str(first), str(second), "--output-file", str(out), "--dry-run") == 0
    assert capsys.readouterr().out.splitlines() == [f"{first}\t8", f"{second}\t3", "total\t11"]
    assert not out.exists()


def test_the_live_claims_topic_is_refused_without_the_explicit_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_jsonl(tmp_path / "a.jsonl", wire_items(1, prefix="live"))
    assert replay("--files", str(archive), "--output-topic", "claims.extracted") == 2
    assert "--allow-live-topic" in capsys.readouterr().err


def test_a_path_that_does_not_exist_is_a_usage_error_like_extract_makes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_jsonl(tmp_path / "a.jsonl", wire_items(2, prefix="here"))
    missing = tmp_path / "no-such-day.jsonl"
    out = tmp_path / "out.jsonl"
    assert replay("--files", str(archive), str(missing), "--output-file", str(out)) == 2
    assert f"no such file or directory: {missing}" in capsys.readouterr().err
    assert not out.exists()
    assert not dead_letter_path(out).exists()


def test_the_dry_run_reports_a_path_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone"
    assert replay("--files", str(missing), "--output-file", str(tmp_path / "o.jsonl"), "--dry-run") == 2
    captured = capsys.readouterr()
    assert f"no such file or directory: {missing}" in captured.err
    assert "total" not in captured.out


def test_topic_range_options_are_refused_for_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_jsonl(tmp_path / "a.jsonl", wire_items(1, prefix="x"))
    assert replay("--files", str(archive), "--since", "2026-01-01", "--output-file", str(tmp_path / "o")) == 2
    assert "--since only apply to --topic" in capsys.readouterr().err


class Crash(RuntimeError):
    """Stands in for the process dying: nothing after it runs, no final checkpoint is written."""


class CrashingSink(JsonLinesSink):
    def __init__(self, *args: object, crash_after: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.remaining = crash_after

    def send(self, message: OutgoingMessage) -> None:
        if self.remaining == 0:
            raise Crash("killed")
        self.remaining -= 1
        super().send(message)


def replay_files(  # noqa: PLR0913  the replay command's options, as a test sets them
    paths: list[Path],
    out: Path,
    checkpoint: Path,
    *,
    every: int,
    crash_after: int | None = None,
    stop_after: int | None = None,
) -> Summary:
    resume = load_checkpoint(checkpoint, source=FILES_SOURCE)
    source = FileSource([str(p) for p in paths], resume=resume)
    sizes = resume.output_sizes if resume else None
    sink = (
        JsonLinesSink(out, dlq_topic=DLQ, resume_sizes=sizes)
        if crash_after is None
        else CrashingSink(out, dlq_topic=DLQ, resume_sizes=sizes, crash_after=crash_after)
    )
    seen = 0

    def counting(read: ReadItem) -> Outcome[OutgoingMessage]:
        nonlocal seen
        seen += 1
        return process(read)

    process = FileItemProcessor(RecordProcessor(output_topic="claims.backfill", dlq_topic=DLQ))
    try:
        return run_replay(
            source,
            counting,
            sink,
            checkpoints=CheckpointPolicy(
                checkpoint, resume or Checkpoint(source=FILES_SOURCE), every_items=every
            ),
            progress=LogProgress(),
            should_stop=lambda: stop_after is not None and seen >= stop_after,
        )
    finally:
        sink.close()


def test_a_rerun_after_a_crash_repeats_nothing_and_misses_nothing(tmp_path: Path) -> None:
    paths = [
        write_jsonl(tmp_path / "a.jsonl", wire_items(9, prefix="a"), bad_lines={4: "[1, 2"}),
        write_jsonl(tmp_path / "b.jsonl.gz", wire_items(8, prefix="b")),
    ]
    reference = tmp_path / "reference.jsonl"
    replay_files(paths, reference, tmp_path / "reference.cp", every=1000)

    out, checkpoint = tmp_path / "out.jsonl", tmp_path / "out.cp"
    with pytest.raises(Crash):
        replay_files(paths, out, checkpoint, every=4, crash_after=13)
    crashed = load_checkpoint(checkpoint, source=FILES_SOURCE)
    assert crashed is not None
    assert crashed.last_file_item is not None  # it got part of the way
    assert out.stat().st_size > crashed.output_sizes[str(out.absolute())]  # and wrote past its checkpoint

    summary = replay_files(paths, out, checkpoint, every=4)
    assert not summary.interrupted
    assert out.read_bytes() == reference.read_bytes()
    assert dead_letter_path(out).read_bytes() == dead_letter_path(reference).read_bytes()
    claim_ids = [json.loads(line)["claim_id"] for line in out.read_text().splitlines()]
    assert len(claim_ids) == len(set(claim_ids))
    final = load_checkpoint(checkpoint, source=FILES_SOURCE)
    assert final is not None
    assert final.totals.items == 18  # 17 items and one bad line, each counted once over both runs


def test_an_interrupted_run_checkpoints_where_it_stopped_and_the_rerun_finishes(tmp_path: Path) -> None:
    paths = [write_jsonl(tmp_path / "a.jsonl", wire_items(10, prefix="int"))]
    reference = tmp_path / "reference.jsonl"
    replay_files(paths, reference, tmp_path / "reference.cp", every=1000)

    out, checkpoint = tmp_path / "out.jsonl", tmp_path / "out.cp"
    first = replay_files(paths, out, checkpoint, every=1000, stop_after=4)
    assert first.interrupted
    assert first.items == 4
    saved = load_checkpoint(checkpoint, source=FILES_SOURCE)
    assert saved is not None
    assert saved.last_file_item is not None
    assert saved.last_file_item.line == 4

    second = replay_files(paths, out, checkpoint, every=1000)
    assert second.items == 6
    assert out.read_bytes() == reference.read_bytes()


def test_an_output_file_the_checkpoint_does_not_know_is_refused(tmp_path: Path) -> None:
    paths = [write_jsonl(tmp_path / "a.jsonl", wire_items(3, prefix="o"))]
    checkpoint = tmp_path / "cp.json"
    replay_files(paths, tmp_path / "first.jsonl", checkpoint, every=1000)
    code = replay(
        "--files",
        str(paths[0]),
        "--output-file",
        str(tmp_path / "other.jsonl"),
        "--checkpoint",
        str(checkpoint),
    )
    assert code == 2


def test_items_are_yielded_one_lane_per_file(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", wire_items(2, prefix="l"))
    second = write_jsonl(tmp_path / "b.jsonl", wire_items(1, prefix="m"))
    source = FileSource([str(first), str(second)])
    items: Iterator[SourceItem[ReadItem]] = source.items()
    assert [item.lane for item in items] == [str(first), str(first), str(second)]
    assert list(source.lanes()) == [str(first), str(second)]


def test_a_checkpoint_of_other_files_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", wire_items(3, prefix="a"))
    other = write_jsonl(tmp_path / "b.jsonl", wire_items(3, prefix="b"))
    out, checkpoint = tmp_path / "out.jsonl", tmp_path / "cp.json"
    replay_files([first], out, checkpoint, every=1000)
    code = replay("--files", str(other), "--output-file", str(out), "--checkpoint", str(checkpoint))
    assert code == 2
    assert "is not among the inputs" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("options", "complaint"),
    [
        (["--since", "2026-01-01", "--from-offsets", "5"], "--since or --from-offsets"),
        (["--until", "2026-01-02", "--to-offsets", "0:9"], "--until or --to-offsets"),
        (["--output-topic", "wire.raw"], "must differ from the source"),
        (["--output-topic", "claims.extracted"], "--allow-live-topic"),
    ],
)
def test_contradictory_topic_options_are_refused_before_connecting(
    options: list[str], complaint: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing listens here: a refusal must come before any connection attempt.
    monkeypatch.setenv("CLAIMWIRE_BOOTSTRAP_SERVERS", "127.0.0.1:1")
    assert replay("--topic", "wire.raw", *options) == 2
    assert complaint in capsys.readouterr().err


def test_a_configured_live_topic_is_refused_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMWIRE_OUTPUT_TOPIC", "claims.live")
    archive = write_jsonl(tmp_path / "a.jsonl", wire_items(1, prefix="c"))
    assert replay("--files", str(archive), "--output-topic", "claims.live") == 2
    assert "claims.live is the live claims topic" in capsys.readouterr().err


def test_bad_offset_specs_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        replay("--topic", "wire.raw", "--from-offsets", "0:x")
    assert exited.value.code == 2
    assert "offset 'x' is not a whole number" in capsys.readouterr().err


class RecordingProgress:
    def __init__(self) -> None:
        self.finished: dict[str, tuple[int, int | None]] = {}

    def update(self, state: ProgressState) -> None:
        """Only the final state matters here."""

    def finish(self, state: ProgressState) -> None:
        self.finished = {label: (lane.done, lane.total) for label, lane in state.lanes.items()}


def test_each_file_shows_as_finished_once_the_replay_moves_past_it(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", wire_items(4, prefix="p"))
    second = write_jsonl(tmp_path / "b.jsonl", wire_items(2, prefix="q"))
    progress = RecordingProgress()
    sink = JsonLinesSink(tmp_path / "out.jsonl", dlq_topic=DLQ)
    try:
        run_replay(
            FileSource([str(first), str(second)]),
            FileItemProcessor(RecordProcessor(output_topic="claims.backfill", dlq_topic=DLQ)),
            sink,
            checkpoints=CheckpointPolicy(None, Checkpoint(source=FILES_SOURCE)),
            progress=progress,
        )
    finally:
        sink.close()
    assert progress.finished == {str(first): (4, 4), str(second): (2, 2)}


def test_ninjs_and_plain_text_files_replay_like_extract_reads_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ninjs = {
        "uri": "urn:test:ninjs-1",
        "versioncreated": "2026-05-04T10:30:00+02:00",
        "headlines": [{"role": "main", "value": "Mine collapse"}],
        "body_text": STORIES[1].format(n=31),
        "infosources": [{"name": "Test Agency"}],
    }
    (tmp_path / "story.json").write_text(json.dumps(ninjs))
    (tmp_path / "note.txt").write_text(STORIES[0].format(n=8) + "\n\nSecond paragraph.\n")
    expected = extract_output(capsys, tmp_path / "story.json", tmp_path / "note.txt")
    assert b'"item_id":"urn:test:ninjs-1"' in expected
    assert re.search(rb'"item_id":"note-[0-9a-f]{24}"', expected)
    out = tmp_path / "out" / "claims.jsonl"
    out.parent.mkdir()
    code = replay(
        "--files", str(tmp_path / "story.json"), str(tmp_path / "note.txt"), "--output-file", str(out)
    )
    assert code == 0
    assert out.read_bytes() == expected
