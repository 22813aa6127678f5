"""Reading wire items from files, directories and stdin, one item at a time.

Each input is sniffed, not trusted by its name: gzip by its magic bytes, JSON Lines when the first
line is a complete JSON value, one JSON document (an object, or an array of objects) when it is not,
and plain text (one item) otherwise. Files are streamed line by line so
a multi-gigabyte archive costs the memory of its longest line, and a bad line never stops the rest:
every item comes back with its location and either the decoded item or the reason it failed.

An item without an id of its own (plain text, a JSON object without one, anything on stdin) gets
one derived from its content: the file name stem (or `stdin`) for the reader, then a hash of the
text or of the JSON object. Claim ids derive from item ids, so two different texts never share a
claim id, even from same-named files in different folders, and the same text read again keeps its
ids, which is what de-duplication downstream needs.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from worker.ingest.decode import MAX_ITEM_BYTES, decode_item, decode_object, parse_json, text_item
from worker.ingest.errors import ItemDecodeError
from worker.models import WireItem

STDIN = "-"
STDIN_ID_PREFIX = "stdin"

_GZIP_MAGIC = b"\x1f\x8b"
# 96 bits: a chance of about one in 10^16 that two of a million different texts share an id.
CONTENT_ID_BYTES = 12
_JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_TEXT_SUFFIXES = frozenset({".txt", ".text"})


class _LineSource(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


@dataclass(slots=True, frozen=True)
class ItemLocation:
    """Where an item was read: a file (or "-" for stdin), its 1-based line, and its index in a JSON array."""

    path: str
    line: int | None = None
    index: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return where if self.index is None else f"{where}[{self.index}]"


@dataclass(slots=True, frozen=True)
class ReadItem:
    """One item read from an input: the item, or the reason it could not be decoded."""

    location: ItemLocation
    result: WireItem | ItemDecodeError


def expand_inputs(paths: Iterable[str]) -> list[str]:
    """The files to read, in order: directories are walked recursively, entries sorted by name.

    Hidden entries (a leading dot) inside directories are skipped; named files are always read.
    """
    files: list[str] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            _walk_sorted(path, files)
        else:
            files.append(path)
    return files


def _walk_sorted(directory: str, files: list[str]) -> None:
    with os.scandir(directory) as scan:
        entries = sorted((entry for entry in scan if not entry.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir():
            _walk_sorted(entry.path, files)
        else:
            files.append(entry.path)


def read_items(paths: Sequence[str], *, after: ItemLocation | None = None) -> Iterator[ReadItem]:
    """Every item in `paths` (files, directories or "-"), in order.

    `after` resumes a replay: items up to and including that location are skipped. Its path must be
    one of the expanded inputs, exactly as `expand_inputs` spells it.
    """
    files = expand_inputs(paths)
    if after is not None:
        if after.path not in files:
            raise ValueError(f"cannot resume after {after}: {after.path} is not among the inputs")
        files = files[files.index(after.path) :]
    for path in files:
        for read in read_file(path):
            if after is not None and read.location.path == after.path and not _is_after(read.location, after):
                continue
            yield read


def read_file(path: str) -> Iterator[ReadItem]:
    """Every item in one file (or stdin for "-"); an unreadable file yields one `unreadable_file` error."""
    try:
        if path == STDIN:
            yield from _read_stream(_unzipped(_peekable_stdin()), path, id_prefix=STDIN_ID_PREFIX, suffix="")
            return
        with open(path, "rb") as raw:
            name = Path(path).name.removesuffix(".gz")
            suffix = Path(name).suffix.lower()
            yield from _read_stream(_unzipped(raw), path, id_prefix=Path(name).stem or name, suffix=suffix)
    except (OSError, EOFError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        yield ReadItem(ItemLocation(path), ItemDecodeError("unreadable_file", reason))


def _peekable_stdin() -> io.BufferedReader:
    stdin = sys.stdin.buffer
    if isinstance(stdin, io.BufferedReader):
        return stdin
    # A replaced stdin (tests, embedding) may be unbuffered bytes without `peek`.
    return io.BufferedReader(stdin)  # type: ignore[arg-type]


def _unzipped(raw: io.BufferedReader) -> _LineSource:
    """The stream itself, or its decompressed content when it starts with the gzip magic bytes."""
    return gzip.GzipFile(fileobj=raw) if raw.peek(2)[:2] == _GZIP_MAGIC else raw


def _is_after(location: ItemLocation, resume: ItemLocation) -> bool:
    def key(loc: ItemLocation) -> tuple[int, int]:
        return (loc.line or 0, -1 if loc.index is None else loc.index)

    return key(location) > key(resume)


def _read_stream(stream: _LineSource, path: str, *, id_prefix: str, suffix: str) -> Iterator[ReadItem]:
    lines = _numbered_lines(stream)
    head: list[_Line] = []
    for number, line in lines:
        head.append((number, line))
        if line is None or line.strip():
            break
    if not head or (head[-1][1] is not None and not head[-1][1].strip()):
        yield ReadItem(ItemLocation(path), ItemDecodeError("empty_body", "the input is empty"))
        return
    first = head[-1][1]
    everything = itertools.chain(head, lines)
    if suffix in _JSON_LINES_SUFFIXES or first is None:
        yield from _json_lines(everything, path)
    elif suffix in _TEXT_SUFFIXES or not first.lstrip(b"\xef\xbb\xbf \t").startswith((b"{", b"[")):
        yield _text_document(everything, path, id_prefix)
    elif _opens_json_lines(first):
        yield from _json_lines(everything, path)
    else:
        yield from _json_document(everything, path, id_prefix)


_Line = tuple[int, bytes | None]


def _numbered_lines(stream: _LineSource) -> Iterator[_Line]:
    """(line number, line) pairs; a line longer than the item limit is skipped and comes back as None."""
    number = 0
    while line := stream.readline(MAX_ITEM_BYTES + 1):
        number += 1
        if len(line) > MAX_ITEM_BYTES and not line.endswith(b"\n"):
            while (chunk := stream.readline(MAX_ITEM_BYTES)) and not chunk.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _opens_json_lines(first_line: bytes) -> bool:
    """True unless the first line is the start of a JSON value that continues on the next lines."""
    try:
        json.loads(first_line)
    except json.JSONDecodeError as exc:
        return exc.pos < len(first_line.rstrip())
    except (ValueError, RecursionError):  # bad UTF-8, a huge integer, deep nesting: decoded per line
        return True
    return True


def _json_lines(lines: Iterable[_Line], path: str) -> Iterator[ReadItem]:
    for number, line in lines:
        location = ItemLocation(path, number)
        if line is None:
            error = ItemDecodeError("too_large", f"line is longer than {MAX_ITEM_BYTES} bytes")
            yield ReadItem(location, error)
        elif line.lstrip().startswith(b"["):
            yield from _array_line(line, path, number)
        elif line.strip():
            yield ReadItem(location, _decoded(line))


def _array_line(line: bytes, path: str, number: int) -> Iterator[ReadItem]:
    """A line holding a JSON array of items (a compact export): one item per element."""
    try:
        value = parse_json(line)
    except ItemDecodeError:
        yield ReadItem(ItemLocation(path, number), _decoded(line))
        return
    if not isinstance(value, list):
        yield ReadItem(ItemLocation(path, number), _decoded(line))
        return
    for index, element in enumerate(value):
        yield ReadItem(ItemLocation(path, number, index), _object(element, None))


def _decoded(line: bytes) -> WireItem | ItemDecodeError:
    try:
        return decode_item(line)
    except ItemDecodeError as exc:
        return exc


def _json_document(lines: Iterator[_Line], path: str, id_prefix: str) -> Iterator[ReadItem]:
    """One JSON object, or an array of them, spread over several lines.

    A document that fails to parse but whose every line opens an object is JSON Lines with a broken
    first line, and is read as such so the good lines still come through.
    """
    buffered: list[_Line] = []
    size = 0
    for number, line in lines:
        buffered.append((number, line))
        size += MAX_ITEM_BYTES + 1 if line is None else len(line)
        if size > MAX_ITEM_BYTES:
            break
    if size > MAX_ITEM_BYTES:
        if _all_lines_open_objects(buffered):
            yield from _json_lines(itertools.chain(buffered, lines), path)
        else:
            error = ItemDecodeError(
                "too_large", f"JSON document over {MAX_ITEM_BYTES} bytes; archives belong in JSON Lines"
            )
            yield ReadItem(ItemLocation(path), error)
        return
    try:
        value = parse_json(b"".join(line for _, line in buffered if line is not None))
    except ItemDecodeError as exc:
        if exc.reason in {"invalid_json", "not_utf8"} and _all_lines_open_objects(buffered):
            yield from _json_lines(buffered, path)
            return
        yield ReadItem(ItemLocation(path), exc)
        return
    if isinstance(value, list):
        for index, element in enumerate(value):
            yield ReadItem(ItemLocation(path, None, index), _object(element, id_prefix))
    else:
        yield ReadItem(ItemLocation(path), _object(value, id_prefix))


def _all_lines_open_objects(lines: Sequence[_Line]) -> bool:
    return all(line is None or not line.strip() or line.lstrip().startswith(b"{") for _, line in lines)


def content_id(prefix: str, content: bytes) -> str:
    """The id of an item that has none: `prefix` for people, a hash of `content` for uniqueness."""
    return f"{prefix}-{hashlib.blake2b(content, digest_size=CONTENT_ID_BYTES).hexdigest()}"


def _object(value: object, id_prefix: str | None) -> WireItem | ItemDecodeError:
    """The item in a parsed JSON value; without `id_prefix` (JSON Lines) it must carry its own id."""
    if id_prefix is None:
        try:
            return decode_object(value)
        except ItemDecodeError as exc:
            return exc
    # Keys sorted: the same object written with its fields in another order is the same item.
    try:
        canonical = json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError):
        canonical = repr(value).encode("utf-8")
    try:
        return decode_object(value, default_id=content_id(id_prefix, canonical))
    except ItemDecodeError as exc:
        return exc


def _text_document(lines: Iterable[_Line], path: str, id_prefix: str) -> ReadItem:
    location = ItemLocation(path)
    chunks: list[bytes] = []
    size = 0
    for _, line in lines:
        if line is None or size + len(line) > MAX_ITEM_BYTES:
            return ReadItem(
                location, ItemDecodeError("too_large", f"text is larger than {MAX_ITEM_BYTES} bytes")
            )
        chunks.append(line)
        size += len(line)
    try:
        text = b"".join(chunks).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ReadItem(location, ItemDecodeError("not_utf8", f"invalid UTF-8 at byte {exc.start}"))
    try:
        return ReadItem(location, text_item(text, content_id(id_prefix, text.encode("utf-8"))))
    except ItemDecodeError as exc:
        return ReadItem(location, exc)
