"""Reading items from files: every format, gzip, directories, stdin, bad lines and resuming."""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
from pathlib import Path

import pytest

from worker.ingest.decode import MAX_ITEM_BYTES
from worker.ingest.errors import ItemDecodeError
from worker.ingest.files import ItemLocation, ReadItem, content_id, expand_inputs, read_file, read_items
from worker.models import WireItem
from worker.pipeline import process_item


def _line(item_id: str, body: str = "Some body text.") -> str:
    return json.dumps({"id": item_id, "body": body}) + "\n"


def _ids(reads: list[ReadItem]) -> list[str]:
    return [read.result.id for read in reads if isinstance(read.result, WireItem)]


def _names(reads: list[ReadItem]) -> list[str]:
    """The ids with the content hash of id-less items taken off: what a person reads in them."""
    return [re.sub(r"-[0-9a-f]{24}$", "", item_id) for item_id in _ids(reads)]


def _errors(reads: list[ReadItem]) -> list[tuple[str, str]]:
    return [
        (str(read.location), read.result.reason) for read in reads if isinstance(read.result, ItemDecodeError)
    ]


def test_json_lines_keep_going_past_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text(_line("a") + '{"id": "b", "body": \n' + "\n" + '"text"\n' + _line("c"), encoding="utf-8")
    reads = list(read_file(str(path)))
    assert _ids(reads) == ["a", "c"]
    assert _errors(reads) == [(f"{path}:2", "invalid_json"), (f"{path}:4", "wrong_shape")]
    assert [read.location.line for read in reads] == [1, 2, 4, 5]


def test_a_line_holding_an_array_yields_each_element(tmp_path: Path) -> None:
    path = tmp_path / "compact.json"
    elements = [{"id": "c0", "body": "One."}, {"id": "c1", "body": "Two."}, 3]
    path.write_text(json.dumps(elements) + "\n" + _line("after") + "[1, \n", encoding="utf-8")
    reads = list(read_file(str(path)))
    assert _ids(reads) == ["c0", "c1", "after"]
    assert [str(read.location) for read in reads] == [
        f"{path}:1[0]",
        f"{path}:1[1]",
        f"{path}:1[2]",
        f"{path}:2",
        f"{path}:3",
    ]
    assert _errors(reads) == [(f"{path}:1[2]", "wrong_shape"), (f"{path}:3", "invalid_json")]


def test_json_lines_with_a_broken_first_line_still_read_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "archive.json"
    path.write_text('{"id": "a", "body": "cut off\n' + _line("b") + _line("c"), encoding="utf-8")
    reads = list(read_file(str(path)))
    assert _ids(reads) == ["b", "c"]
    assert _errors(reads) == [(f"{path}:1", "invalid_json")]


def test_gzip_is_detected_by_content(tmp_path: Path) -> None:
    named = tmp_path / "day.jsonl.gz"
    named.write_bytes(gzip.compress((_line("g1") + _line("g2")).encode()))
    unnamed = tmp_path / "blob"
    unnamed.write_bytes(gzip.compress(_line("g3").encode()))
    assert _ids(list(read_file(str(named)))) == ["g1", "g2"]
    assert _ids(list(read_file(str(unnamed)))) == ["g3"]


def test_truncated_gzip_reports_the_file_after_its_good_items(tmp_path: Path) -> None:
    data = gzip.compress("".join(_line(f"t{n}", "padding " * 50) for n in range(200)).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    reads = list(read_file(str(path)))
    assert _ids(reads)[:3] == ["t0", "t1", "t2"]
    assert reads[-1].location == ItemLocation(str(path))
    assert isinstance(reads[-1].result, ItemDecodeError)
    assert reads[-1].result.reason == "unreadable_file"


def test_plain_text_file_is_one_item_named_by_its_stem(tmp_path: Path) -> None:
    path = tmp_path / "flood-report.txt"
    path.write_text("River rises\n\nOfficials said 30 homes were flooded.\n", encoding="utf-8")
    gz = tmp_path / "quake-note.txt.gz"
    gz.write_bytes(gzip.compress(b"Rescuers said 4 people were found."))
    [read] = list(read_file(str(path)))
    assert isinstance(read.result, WireItem)
    assert read.result.id == content_id("flood-report", read.result.body.encode("utf-8"))
    assert read.result.body.startswith("River rises\n\nOfficials")
    assert _names(list(read_file(str(gz)))) == ["quake-note"]


def test_text_file_that_starts_with_a_brace_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("{not json} but a note\n", encoding="utf-8")
    assert _names(list(read_file(str(path)))) == ["odd"]


def test_pretty_printed_json_object_and_array(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"body": "A single story."}, indent=2), encoding="utf-8")
    array = tmp_path / "many.json"
    array.write_text(
        json.dumps([{"id": "x", "body": "First."}, {"body": "Second."}, 7], indent=2), encoding="utf-8"
    )
    assert _names(list(read_file(str(single)))) == ["one"]
    reads = list(read_file(str(array)))
    assert _names(reads) == ["x", "many"]
    assert [str(read.location) for read in reads] == [f"{array}[0]", f"{array}[1]", f"{array}[2]"]
    assert _errors(reads) == [(f"{array}[2]", "wrong_shape")]


def test_broken_pretty_printed_document_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "a",\n  "body": "x",,\n}\n', encoding="utf-8")
    reads = list(read_file(str(path)))
    assert _errors(reads) == [(str(path), "invalid_json")]
    assert isinstance(reads[0].result, ItemDecodeError)
    assert "line 3" in reads[0].result.message


def test_ninjs_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "ninjs.jsonl"
    doc = {"uri": "urn:x:9", "headlines": [{"value": "H"}], "body_text": "Twelve people were hurt."}
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    assert _ids(list(read_file(str(path)))) == ["urn:x:9"]


def test_oversized_line_is_refused_without_losing_the_next(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(_line("huge", "z" * (MAX_ITEM_BYTES + 10)) + _line("after"), encoding="utf-8")
    reads = list(read_file(str(path)))
    assert _errors(reads) == [(f"{path}:1", "too_large")]
    assert _ids(reads) == ["after"]
    assert reads[1].location.line == 2


def test_empty_and_non_utf8_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café au lait".encode("latin-1"))
    assert _errors(list(read_file(str(empty)))) == [(str(empty), "empty_body")]
    assert _errors(list(read_file(str(latin)))) == [(str(latin), "not_utf8")]


def test_missing_file_is_an_unreadable_file_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.jsonl")
    assert _errors(list(read_file(missing))) == [(missing, "unreadable_file")]


def test_directories_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "1.jsonl").write_text(_line("b1"), encoding="utf-8")
    (tmp_path / "a" / "2.jsonl").write_text(_line("a2"), encoding="utf-8")
    (tmp_path / "a" / "deep" / "0.txt").write_text("text item", encoding="utf-8")
    (tmp_path / "a" / ".hidden.jsonl").write_text(_line("hidden"), encoding="utf-8")
    (tmp_path / "z.jsonl").write_text(_line("z"), encoding="utf-8")
    assert expand_inputs([str(tmp_path)]) == [
        str(tmp_path / "a" / "2.jsonl"),
        str(tmp_path / "a" / "deep" / "0.txt"),
        str(tmp_path / "b" / "1.jsonl"),
        str(tmp_path / "z.jsonl"),
    ]
    assert _names(list(read_items([str(tmp_path)]))) == ["a2", "0", "b1", "z"]


def test_resume_after_a_location(tmp_path: Path) -> None:
    first = tmp_path / "1.jsonl"
    second = tmp_path / "2.jsonl"
    first.write_text(_line("p") + _line("q") + _line("r"), encoding="utf-8")
    second.write_text(_line("s"), encoding="utf-8")
    inputs = [str(tmp_path)]
    assert _ids(list(read_items(inputs, after=ItemLocation(str(first), 2)))) == ["r", "s"]
    assert _ids(list(read_items(inputs, after=ItemLocation(str(first), 3)))) == ["s"]
    with pytest.raises(ValueError, match="not among the inputs"):
        list(read_items(inputs, after=ItemLocation(str(tmp_path / "other.jsonl"), 1)))


def test_resume_inside_a_json_array(tmp_path: Path) -> None:
    path = tmp_path / "arr.json"
    path.write_text(json.dumps([{"id": f"e{n}", "body": "b"} for n in range(4)], indent=1), encoding="utf-8")
    assert _ids(list(read_items([str(path)], after=ItemLocation(str(path), None, 1)))) == ["e2", "e3"]


def test_stdin_is_read_as_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO((_line("in1") + "oops\n" + _line("in2")).encode()))
    monkeypatch.setattr(sys, "stdin", fake)
    reads = list(read_items(["-"]))
    assert _ids(reads) == ["in1", "in2"]
    assert _errors(reads) == [("-:2", "invalid_json")]


def test_gzip_on_stdin_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    packed = gzip.compress((_line("z1") + _line("z2")).encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(packed)))
    assert _ids(list(read_items(["-"]))) == ["z1", "z2"]


def test_plain_text_on_stdin_is_one_item(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Police said 9 people were held.\n")))
    assert _names(list(read_items(["-"]))) == ["stdin"]


def test_same_named_text_files_in_different_folders_get_different_ids(tmp_path: Path) -> None:
    for folder, text in (
        ("monday", "Medics said 12 people were hurt."),
        ("tuesday", "Medics said 15 were hurt."),
    ):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "update.txt").write_text(text, encoding="utf-8")
    ids = _ids(list(read_items([str(tmp_path)])))
    assert len(ids) == 2
    assert len(set(ids)) == 2
    assert _names(list(read_items([str(tmp_path)]))) == ["update", "update"]


def test_the_same_text_read_twice_keeps_its_id(tmp_path: Path) -> None:
    # Replays and re-runs must give the same ids, or downstream de-duplication would see new claims.
    first, second = tmp_path / "a" / "note.txt", tmp_path / "b" / "note.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text("Crews said 6 roads were shut.", encoding="utf-8")
    assert _ids(list(read_file(str(first)))) == _ids(list(read_file(str(second))))


def test_id_less_json_objects_are_named_by_their_content_not_their_position(tmp_path: Path) -> None:
    one, other = tmp_path / "x" / "batch.json", tmp_path / "y" / "batch.json"
    for path, body in ((one, "Officials said 3 bridges fell."), (other, "Officials said 4 bridges fell.")):
        path.parent.mkdir()
        path.write_text(json.dumps([{"body": body}], indent=2), encoding="utf-8")
    ids = _ids(list(read_file(str(one)))) + _ids(list(read_file(str(other))))
    assert len(ids) == 2
    assert ids[0] != ids[1]
    # Field order does not make another item.
    story = {"headline": "Storm", "body": "Police said 2 cars sank."}
    forwards, backwards = tmp_path / "f" / "story.json", tmp_path / "b" / "story.json"
    for path, fields in ((forwards, story), (backwards, dict(reversed(story.items())))):
        path.parent.mkdir()
        path.write_text(json.dumps(fields, indent=2), encoding="utf-8")
    assert _ids(list(read_file(str(forwards)))) == _ids(list(read_file(str(backwards))))
    assert _names(list(read_file(str(forwards)))) == ["story"]


def test_different_texts_on_stdin_never_share_a_claim_id(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each text is one run of `claimwire extract -`; the figure and its position are the same in
    # both, so only the item id keeps the claim ids apart.
    texts = ["Rescuers said 40 people were missing.", "Rescuers said 40 people were rescued."]
    claim_ids: list[str] = []
    for text in texts:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        [read] = list(read_items(["-"]))
        assert isinstance(read.result, WireItem)
        claim_ids.extend(event.claim_id for event in process_item(read.result))
    assert len(claim_ids) == 2
    assert len(set(claim_ids)) == 2
