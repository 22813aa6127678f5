"""JSON Lines sinks for a replay: claim events to one file, dead letters to `<output>.dlq.jsonl`.

Claim lines are the published message values byte for byte, which is also what `claimwire extract`
prints, so the two can be compared with `cmp`. On resume the files are cut back to the sizes the
checkpoint recorded, so lines written after the last checkpoint are not written twice.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import BinaryIO

from worker.errors import ClaimwireError
from worker.records import OutgoingMessage


class SinkError(ClaimwireError, RuntimeError):
    """An output file that cannot be opened or resumed."""


def dead_letter_path(output: Path) -> Path:
    """`claims.jsonl` -> `claims.dlq.jsonl`; other names get `.dlq.jsonl` appended."""
    name = output.name.removesuffix(".jsonl")
    return output.with_name(f"{name}.dlq.jsonl")


def dead_letter_line(message: OutgoingMessage) -> bytes:
    """A dead letter as one JSON object: its headers (reason, error, where it came from) and its value."""
    record = {
        "headers": {name: value.decode("utf-8", "replace") for name, value in message.headers},
        "key": None if message.key is None else message.key.decode("utf-8", "replace"),
        "value": message.value.decode("utf-8", "replace"),
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"


class JsonLinesSink:
    """Writes claim events and dead letters to two JSON Lines files, durable at each flush."""

    def __init__(self, output: Path, *, dlq_topic: str, resume_sizes: dict[str, int] | None = None) -> None:
        self._dlq_topic = dlq_topic
        self._claims_path = output.absolute()
        self._dlq_path = dead_letter_path(self._claims_path)
        self._claims = _open(self._claims_path, resume_sizes)
        self._dead_letters = _open(self._dlq_path, resume_sizes)

    @property
    def paths(self) -> tuple[Path, Path]:
        return self._claims_path, self._dlq_path

    def send(self, message: OutgoingMessage) -> None:
        if message.topic == self._dlq_topic:
            self._dead_letters.write(dead_letter_line(message))
        else:
            self._claims.write(message.value + b"\n")

    def flush(self) -> None:
        # fsync, not just flush: a checkpoint must never count lines a power cut could still lose.
        for handle in (self._claims, self._dead_letters):
            handle.flush()
            os.fsync(handle.fileno())

    def output_sizes(self) -> dict[str, int]:
        return {str(self._claims_path): self._claims.tell(), str(self._dlq_path): self._dead_letters.tell()}

    def close(self) -> None:
        self._claims.close()
        self._dead_letters.close()


def _open(path: Path, resume_sizes: dict[str, int] | None) -> BinaryIO:
    """A fresh file, or, when resuming, the existing one cut back to its checkpointed size."""
    try:
        if resume_sizes is None:
            return path.open("wb")
        size = resume_sizes.get(str(path))
        if size is None:
            raise SinkError(f"the checkpoint does not cover {path}; give the output file it was written with")
        handle = path.open("r+b") if path.exists() else path.open("w+b")
        current = handle.seek(0, os.SEEK_END)
        if current < size:
            handle.close()
            raise SinkError(f"{path} is {current} bytes, shorter than the {size} the checkpoint counts")
        handle.truncate(size)
        handle.seek(size)
        return handle
    except OSError as exc:
        raise SinkError(f"cannot open {path}: {exc.strerror or exc}") from exc
