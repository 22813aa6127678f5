"""`claimwire extract`: events on stdout, one error line per bad item on stderr, and the exit status.

In-process tests swap the extractor for a tiny digit finder so they check the command itself
(reading, reporting, writing) whatever the extraction rules currently find.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from worker.cli import main
from worker.extract.types import Claim
from worker.ingest.decode import decode_item
from worker.models import ClaimEvent
from worker.pipeline import process_item

_DIGITS = re.compile(r"\d[\d,]*")


def _digit_claims(  # noqa: PLR0913  the signature of extract_claims
    text: str,
    *,
    location: str | None = None,
    country: str | None = None,
    sentences: list[tuple[int, int]] | None = None,
    place_mentions: object = None,
    figures: object = None,
) -> list[Claim]:
    if "explode" in text:
        raise RuntimeError("extractor blew up")
    return [
        Claim(
            value=float(match.group().replace(",", "")),
            value_high=None,
            qualifier="exact",
            unit=None,
            quantity_text=match.group(),
            counted="people",
            category="other",
            start=match.start(),
            end=match.end(),
            sentence_start=0,
            sentence_end=len(text),
            location=location,
        )
        for match in _DIGITS.finditer(text)
    ]


@pytest.fixture
def digit_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("worker.pipeline.extract_claims", _digit_claims)


def _line(item_id: str, body: str) -> str:
    return json.dumps({"id": item_id, "body": body}) + "\n"


def _events(stdout: str) -> list[ClaimEvent]:
    return [ClaimEvent.model_validate_json(line) for line in stdout.splitlines()]


@pytest.mark.usefixtures("digit_extractor")
def test_good_items_print_events_and_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text(
        _line("one", "ROME (Reuters) - Officials said 1,200 people left.") + _line("two", "No figures.")
    )
    assert main(["extract", str(items)]) == 0
    out, err = capsys.readouterr()
    [event] = _events(out)
    assert (event.item_id, event.value, event.quantity_text, event.location) == (
        "one",
        1200.0,
        "1,200",
        None,  # the dateline is where the bureau is, not the figure's place
    )
    body = "ROME (Reuters) - Officials said 1,200 people left."
    assert body[event.evidence.start : event.evidence.end] == "1,200"
    assert err == ""


@pytest.mark.usefixtures("digit_extractor")
def test_bad_items_are_reported_and_the_rest_still_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text(
        _line("a", "Crews said 3 homes burned.")
        + '{"id": "b" "body": "x"}\n'
        + _line("c", "Crews said 12 tanks may explode.")
        + _line("d", "Police said 7 were held.")
    )
    assert main(["extract", str(items)]) == 1
    out, err = capsys.readouterr()
    assert [(event.item_id, event.value) for event in _events(out)] == [("a", 3.0), ("d", 7.0)]
    assert err.splitlines() == [
        f"claimwire: {items}:2: invalid_json: Expecting ',' delimiter (line 1, column 12)",
        f"claimwire: {items}:3: extract_failed: item c: RuntimeError: extractor blew up",
    ]


@pytest.mark.usefixtures("digit_extractor")
def test_no_arguments_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_line("in", "About 40 people.").encode())))
    assert main(["extract"]) == 0
    assert [event.item_id for event in _events(capsys.readouterr().out)] == ["in"]


@pytest.mark.usefixtures("digit_extractor")
def test_several_files_and_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "note.txt").write_text("Guards said 5 escaped.")
    (tmp_path / "first.jsonl").write_text(_line("f", "Some 9 boats."))
    assert main(["extract", str(tmp_path / "first.jsonl"), str(tmp_path / "dir")]) == 0
    # The text file has no id of its own: its name and a hash of its text make one.
    assert [event.item_id[:5] for event in _events(capsys.readouterr().out)] == ["f", "note-"]


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "absent.jsonl")]) == 2
    assert "absent.jsonl: no such file or directory" in capsys.readouterr().err


def test_subprocess_reports_bad_items_and_prints_the_good_ones(tmp_path: Path) -> None:
    good_bodies = {
        "g1": "PORT LOUIS (AFP) - Mudslides have killed 25 people, the health ministry said on Monday.",
        "g2": "The regional governor said 3,400 residents had been evacuated from the valley.",
    }
    items = tmp_path / "items.jsonl"
    items.write_text(
        _line("g1", good_bodies["g1"]) + "not json\n" + '{"id": "nobody"}\n' + _line("g2", good_bodies["g2"]),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "worker.cli", "extract", str(items)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"claimwire: {items}:2: invalid_json: Expecting value (line 1, column 1)",
        f"claimwire: {items}:3: wrong_shape: body: Field required",
    ]
    expected = "".join(
        event.model_dump_json() + "\n"
        for item_id, body in good_bodies.items()
        for event in process_item(decode_item(_line(item_id, body)))
    )
    assert result.stdout == expected


def test_items_not_in_english_are_reported_and_skipped_without_failing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    french = "Selon la préfecture, quelque 4 500 personnes ont manifesté samedi dans les rues de la ville."
    tagged = json.dumps({"id": "t", "body": "Officials said 12 people left.", "language": "de"}) + "\n"
    items = tmp_path / "items.jsonl"
    items.write_text(_line("fr", french) + tagged + _line("en", "Officials said 12 people left the town."))
    assert main(["extract", str(items)]) == 0
    out, err = capsys.readouterr()
    assert [event.item_id for event in _events(out)] == ["en"]
    assert err.splitlines() == [
        f"claimwire: {items}:1: not_english: item fr: language 'fr' (detected)",
        f"claimwire: {items}:2: not_english: item t: language 'de' (item field)",
    ]
