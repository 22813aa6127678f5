"""The replay checkpoint file: round trip, atomic replacement, and refusal of a foreign one."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from worker.replay.checkpoint import (
    Checkpoint,
    CheckpointError,
    FileMark,
    Position,
    Totals,
    load_checkpoint,
    save_checkpoint,
)


def sample_checkpoint() -> Checkpoint:
    return Checkpoint(
        source="topic:wire.raw",
        partitions={"0": Position(next=120, stop=500), "3": Position(next=7, stop=7)},
        output_sizes={"/data/out.jsonl": 4096},
        totals=Totals(items=127, claims=310, dead_lettered=2),
    )


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    path = tmp_path / "cp.json"
    written = sample_checkpoint()
    save_checkpoint(path, written)
    loaded = load_checkpoint(path, source="topic:wire.raw")
    assert loaded == written
    assert loaded is not None
    assert loaded.updated_at is not None


def test_file_marks_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cp.json"
    save_checkpoint(path, Checkpoint(source="files", last_file_item=FileMark(path="a/b.jsonl", line=41)))
    loaded = load_checkpoint(path, source="files")
    assert loaded is not None
    assert loaded.last_file_item == FileMark(path="a/b.jsonl", line=41, index=None)


def test_a_missing_file_means_a_fresh_start(tmp_path: Path) -> None:
    assert load_checkpoint(tmp_path / "none.json", source="files") is None


def test_a_checkpoint_of_another_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cp.json"
    save_checkpoint(path, sample_checkpoint())
    with pytest.raises(CheckpointError, match=re.escape("'topic:wire.raw', not 'topic:other'")):
        load_checkpoint(path, source="topic:other")


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        '{"source": "files", "version": 2}',
        '{"source": "files", "partitions": {"0": {"next": -1}}}',
    ],
)
def test_a_damaged_or_foreign_file_is_refused_with_its_name(tmp_path: Path, content: str) -> None:
    path = tmp_path / "cp.json"
    path.write_text(content)
    with pytest.raises(CheckpointError, match=re.escape("cp.json is not a claimwire replay checkpoint")):
        load_checkpoint(path, source="files")


def test_save_replaces_the_file_whole_and_leaves_no_temporary_behind(tmp_path: Path) -> None:
    path = tmp_path / "cp.json"
    save_checkpoint(path, sample_checkpoint())
    first_inode = path.stat().st_ino
    newer = sample_checkpoint()
    newer.partitions["0"] = Position(next=300, stop=500)
    save_checkpoint(path, newer)
    assert path.stat().st_ino != first_inode  # a new file renamed over the old, not rewritten in place
    assert json.loads(path.read_text())["partitions"]["0"] == {"next": 300, "stop": 500}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cp.json"]


def test_a_failed_save_keeps_the_previous_checkpoint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cp.json"
    save_checkpoint(path, sample_checkpoint())
    before = path.read_bytes()

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    newer = sample_checkpoint()
    newer.partitions["0"] = Position(next=499, stop=500)
    with pytest.raises(OSError, match="No space"):
        save_checkpoint(path, newer)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cp.json"]
