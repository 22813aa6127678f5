"""`claimwire extract`: claim events, one JSON object a line, from wire item files or stdin.

No Kafka and no logging setup: it reads items, runs the same `extract_item` as the worker and
writes events to stdout. A bad item costs one error line on stderr ("claimwire: FILE:LINE: reason:
detail") and exit status 1 at the end; every other item is still processed. An item passed over
without extraction (not in English) gets the same kind of line with its reason ("not_english") but
is not a failure: it leaves the exit status alone.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

from worker.exitcodes import ExitCode
from worker.ingest.decode import MAX_ITEM_BYTES
from worker.ingest.errors import ItemDecodeError
from worker.ingest.files import STDIN, ItemLocation, read_items
from worker.limits import LimitExceeded
from worker.pipeline import extract_item


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Extract claim events from wire items. Reads JSON envelopes or ninjs (one object, an array, or "
        "JSON Lines), plain text, their .gz versions and directories; '-' or no FILE reads stdin. "
        f"An item over {MAX_ITEM_BYTES // 1024} KiB is refused as too_large. "
        "Items not in English are passed over with a line on stderr. "
        "Exit status: 0 all items processed, 1 some item failed (see stderr), 2 usage error."
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="item files or directories; '-' is stdin")


def run(args: argparse.Namespace) -> int:
    paths: list[str] = args.files or [STDIN]
    missing = [path for path in paths if path != STDIN and not os.path.exists(path)]
    if missing:
        for path in missing:
            print(f"claimwire extract: {path}: no such file or directory", file=sys.stderr)
        return ExitCode.USAGE
    try:
        failed = _extract(paths, sys.stdout, sys.stderr)
    except BrokenPipeError:
        # The reader went away (`claimwire extract big.jsonl | head`): stop quietly, like other filters.
        _silence_stdout()
        return ExitCode.OK
    return ExitCode.FAILED if failed else ExitCode.OK


def _extract(paths: list[str], out: TextIO, err: TextIO) -> int:
    """Write every item's events to `out`; return how many items failed (each reported on `err`)."""
    failed = 0
    for read in read_items(paths):
        item = read.result
        if isinstance(item, ItemDecodeError):
            failed += 1
            _report(err, read.location, item.reason, item.message)
            continue
        try:
            extraction = extract_item(item)
        except LimitExceeded as exc:  # the same bounds as the worker, which dead-letters such items
            failed += 1
            _report(err, read.location, exc.reason, f"item {item.id}: {exc.message}")
            continue
        except Exception as exc:  # one item's extractor bug must not stop the others
            failed += 1
            _report(err, read.location, "extract_failed", f"item {item.id}: {type(exc).__name__}: {exc}")
            continue
        if extraction.skipped is not None:
            _report(
                err, read.location, extraction.skipped.reason, f"item {item.id}: {extraction.skipped.detail}"
            )
        lines = "".join(event.model_dump_json() + "\n" for event in extraction.events)
        if lines:
            out.write(lines)
    out.flush()
    return failed


def _report(err: TextIO, location: ItemLocation, reason: str, message: str) -> None:
    err.write(f"claimwire: {location}: {reason}: {message}\n")


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
