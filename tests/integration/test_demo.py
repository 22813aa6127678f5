"""`claimwire demo` end to end, as the README's first command runs it: its own broker, a real worker."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from worker.pipeline import process_item
from worker.samples import sample_items
from worker.track.keys import credited_series_parts

DEMO_TIMEOUT_S = 600
TABLE_ROW = re.compile(r"^(?P<item>[a-z]{3}-\d{4}-\S+)\s{2,}(?P<rest>.+)$")


def _rows(stdout: str) -> list[list[str]]:
    rows = []
    for line in stdout.splitlines():
        match = TABLE_ROW.match(line)
        if match:
            rows.append([match["item"], *re.split(r"\s{2,}", match["rest"].strip())])
    return rows


def test_demo_runs_the_pipeline_and_prints_every_expected_claim() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "worker.cli", "demo"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=DEMO_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"

    expected = [event for item in sample_items() for event in process_item(item)]
    rows = _rows(result.stdout)
    assert len(rows) == len(expected)
    assert {row[0] for row in rows} == {event.item_id for event in expected}

    assert [
        "mer-2026-0302-quake-sulawesi",
        "48",
        "lower_bound",
        "people",
        "killed",
        "the national disaster agency",
    ] in rows
    assert ["mer-2026-0921-tbilisi-rally", "8,000", "approximate", "people", "protesting", "Police"] in rows
    assert ["hbp-2026-0520-bus-abduction", "23", "exact", "passengers", "abducted", "police"] in rows
    assert any(row[0] == "mer-2026-0714-wildfire-coimbra" and row[1] == "12,000 ha" for row in rows)
    assert any(row[0] == "mer-2026-0609-donor-conference" and row[1] == "250,000,000 EUR" for row in rows)

    metrics = re.search(
        r"^worker metrics: items processed (\d+), claims produced (\d+), dead-lettered (\d+), p50 item time ",
        result.stdout,
        re.MULTILINE,
    )
    assert metrics, result.stdout
    assert [int(figure) for figure in metrics.groups()] == [len(sample_items()), len(expected), 2]
    assert "worker drained, committed and exited 0" in result.stdout

    # The tracker's part: one series per source and figure, with the toll updates the samples tell.
    series = {parts.series_key for event in expected if (parts := credited_series_parts(event))}
    assert f"holds all {len(series)} series" in result.stdout
    tracked = re.search(r"^tracker events: (.+)$", result.stdout, re.MULTILINE)
    assert tracked, result.stdout
    counts = {kind: int(count) for kind, count in re.findall(r"(\w+) (\d+)", tracked[1])}
    # Every series opens once; a crowd count of another day opens a new occurrence of its series.
    assert counts["series_opened"] >= len(series)
    assert counts.get("value_updated", 0) > 0
    assert counts.get("sources_conflict", 0) > 0
    assert "tracker committed and exited 0" in result.stdout

    workdir = re.search(r"removing (\S+)$", result.stdout, re.MULTILINE)
    assert workdir
    assert not Path(workdir[1]).exists()
