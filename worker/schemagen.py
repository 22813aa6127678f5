"""Writes the JSON Schemas of claimwire's contracts (`schemas/*.schema.json`) from the pydantic models.

Run `python -m worker.schemagen` after changing `worker/models.py`; `--check` only reports drift
(exit 1), which is what CI and `tests/unit/test_schemas.py` rely on. Output is deterministic: keys
sorted, two-space indent, one trailing newline.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from worker.exitcodes import ExitCode
from worker.models import ClaimEvent, WireItem
from worker.schema_ids import (
    CLAIM_EVENT_SCHEMA_ID,
    SERIES_SNAPSHOT_SCHEMA_ID,
    TRACKED_EVENT_SCHEMA_ID,
    WIRE_ITEM_SCHEMA_ID,
)
from worker.track.events import SeriesSnapshot, TrackedEvent

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "schemas"

# File name -> the model it describes.
SCHEMAS: dict[str, type[BaseModel]] = {
    "wire_item.schema.json": WireItem,
    "claim_event.schema.json": ClaimEvent,
    "tracked_event.schema.json": TrackedEvent,
    "series_snapshot.schema.json": SeriesSnapshot,
}
# Model -> its schema's `$id` (`worker/schema_ids.py`).
SCHEMA_IDS: dict[type[BaseModel], str] = {
    WireItem: WIRE_ITEM_SCHEMA_ID,
    ClaimEvent: CLAIM_EVENT_SCHEMA_ID,
    TrackedEvent: TRACKED_EVENT_SCHEMA_ID,
    SeriesSnapshot: SERIES_SNAPSHOT_SCHEMA_ID,
}


def render(model: type[BaseModel]) -> str:
    """The schema file's exact text for `model`."""
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_IDS[model],
        **model.model_json_schema(mode="validation"),
    }
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def drifted(out_dir: Path) -> list[str]:
    """Names of schema files in `out_dir` that are missing or differ from the models."""
    stale = []
    for name, model in SCHEMAS.items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != render(model):
            stale.append(name)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m worker.schemagen", description=__doc__, allow_abbrev=False
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="directory to write (default: %(default)s)"
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is stale")
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    if args.check:
        stale = drifted(out_dir)
        for name in stale:
            sys.stderr.write(f"{out_dir / name} is stale: run `python -m worker.schemagen`\n")
        return ExitCode.FAILED if stale else ExitCode.OK
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, model in SCHEMAS.items():
        (out_dir / name).write_text(render(model), encoding="utf-8")
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
