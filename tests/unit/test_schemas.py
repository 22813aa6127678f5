"""The committed JSON Schemas must match the pydantic models they are generated from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worker.models import ClaimEvent
from worker.schemagen import DEFAULT_OUT, SCHEMAS, drifted, main, render

REGENERATE = "schemas/ are stale: run `python -m worker.schemagen` and commit the result"


def test_committed_schemas_match_the_models() -> None:
    assert drifted(DEFAULT_OUT) == [], REGENERATE


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_files_are_sorted_json_with_a_trailing_newline(name: str) -> None:
    text = (DEFAULT_OUT / name).read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n" == text


def test_claim_event_schema_names_the_fields_the_scorer_reads() -> None:
    properties = json.loads(render(ClaimEvent))["properties"]
    for field in (
        "item_id",
        "value",
        "value_high",
        "qualifier",
        "unit",
        "quantity_text",
        "counted",
        "category",
    ):
        assert field in properties
    assert "source" in properties


def test_check_mode_reports_a_stale_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path)]) == 0
    assert main(["--out", str(tmp_path), "--check"]) == 0
    (tmp_path / "claim_event.schema.json").write_text("{}\n", encoding="utf-8")
    assert main(["--out", str(tmp_path), "--check"]) == 1
    assert "python -m worker.schemagen" in capsys.readouterr().err
