"""The replay checkpoint: how far a backfill got, per partition or per file and line, written atomically.

A checkpoint is only written after every output up to it is flushed and acknowledged, so a rerun
that starts from it loses nothing; what a crash can repeat is bounded by one checkpoint window.
For file sinks it also records the output files' sizes, so a rerun cuts off the lines written
after the checkpoint and repeats nothing at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from worker.errors import ClaimwireError


class CheckpointError(ClaimwireError, ValueError):
    """A checkpoint file that cannot be read, or that belongs to a different replay."""


class Position(BaseModel):
    """Progress through one partition."""

    model_config = ConfigDict(extra="forbid")

    next: int = Field(ge=0, description="The next offset to replay.")
    stop: int = Field(ge=0, description="Where to stop (exclusive), fixed by the first run.")


class FileMark(BaseModel):
    """The last file item whose output is durable: its file, 1-based line and index in a JSON array."""

    model_config = ConfigDict(extra="forbid")

    path: str
    line: int | None = None
    index: int | None = None


class Totals(BaseModel):
    """What the replay produced up to the checkpoint, summed over every run."""

    model_config = ConfigDict(extra="forbid")

    items: int = 0
    claims: int = 0
    dead_lettered: int = 0


class Checkpoint(BaseModel):
    """The whole checkpoint file."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    source: str = Field(description="'topic:<name>' or 'files': a checkpoint resumes only its own source.")
    partitions: dict[str, Position] = Field(default_factory=dict, description="Topic sources, by partition.")
    last_file_item: FileMark | None = Field(default=None, description="File sources: resume after this item.")
    output_sizes: dict[str, int] = Field(
        default_factory=dict, description="Bytes of each output file that the positions account for."
    )
    totals: Totals = Field(default_factory=Totals)
    updated_at: datetime | None = None


def load_checkpoint(path: Path, *, source: str) -> Checkpoint | None:
    """The checkpoint at `path`, or None if there is none yet; refuses one written for another source."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CheckpointError(f"cannot read checkpoint {path}: {exc}") from exc
    try:
        checkpoint = Checkpoint.model_validate_json(text)
    except ValidationError as exc:
        raise CheckpointError(f"{path} is not a claimwire replay checkpoint: {exc}") from exc
    if checkpoint.source != source:
        raise CheckpointError(
            f"{path} records a replay of {checkpoint.source!r}, not {source!r}; use another --checkpoint file"
        )
    return checkpoint


def save_checkpoint(path: Path, checkpoint: Checkpoint) -> None:
    """Write `checkpoint` so that a reader sees either the old file or the new one, never a torn one.

    The temporary file lives in the same directory because `os.replace` is atomic only within one
    file system; both fsyncs are there so a power cut cannot leave a renamed but empty file.
    """
    checkpoint.updated_at = datetime.now(UTC)
    directory = path.parent if str(path.parent) else Path()
    data = json.dumps(checkpoint.model_dump(mode="json"), indent=2, sort_keys=True).encode("utf-8")
    with tempfile.NamedTemporaryFile(
        dir=directory, prefix=f".{path.name}.", suffix=".tmp", delete=False
    ) as tmp:
        try:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
            tmp.close()
            os.replace(tmp.name, path)
        except BaseException:
            tmp.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp.name)
            raise
    directory_fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(directory_fd)
    finally:
        os.close(directory_fd)
