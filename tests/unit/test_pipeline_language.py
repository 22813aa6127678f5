"""The language gate of the pipeline: items not in English are passed over with a reason."""

from __future__ import annotations

import pytest

from worker.extract.language import detect_language
from worker.models import WireItem
from worker.pipeline import (
    DETECTION_PREFIX_CHARS,
    NOT_ENGLISH,
    Skip,
    extract_item,
    process_item,
)

ENGLISH = (
    "Rescue teams said 48 people were still missing after the ferry capsized near the harbour on Sunday."
)
SPANISH = (
    "Los equipos de rescate dijeron que 48 personas seguían desaparecidas tras el naufragio del domingo."
)
GERMAN = "Die Rettungskräfte teilten mit, dass nach dem Unglück am Sonntag noch 48 Menschen vermisst werden."


@pytest.mark.parametrize("tag", ["en", "EN", "en-GB", "en_US"])
def test_an_english_tag_is_extracted(tag: str) -> None:
    extraction = extract_item(WireItem(id="a", body=ENGLISH, language=tag))
    assert extraction.skipped is None
    assert [event.value for event in extraction.events] == [48.0]


@pytest.mark.parametrize("tag", ["fr", "de-CH", "es_MX"])
def test_another_tag_is_skipped_even_for_english_text(tag: str) -> None:
    extraction = extract_item(WireItem(id="a", body=ENGLISH, language=tag))
    assert extraction.skipped == Skip(NOT_ENGLISH, f"language {tag!r} (item field)")
    assert extraction.events == []


@pytest.mark.parametrize(("body", "code"), [(SPANISH, "es"), (GERMAN, "de")])
def test_without_a_tag_the_detector_decides(body: str, code: str) -> None:
    extraction = extract_item(WireItem(id="a", body=body))
    assert extraction.skipped == Skip(NOT_ENGLISH, f"language {code!r} (detected)")
    assert process_item(WireItem(id="a", body=body)) == []


def test_english_without_a_tag_is_extracted() -> None:
    assert extract_item(WireItem(id="a", body=ENGLISH)).skipped is None


@pytest.mark.parametrize("text", ["12", "", "Toll: 40", "\x00\x01", "bad \udc80 text"])
def test_text_the_detector_is_unsure_of_or_cannot_read_is_extracted(text: str) -> None:
    assert detect_language(text) is None


def test_only_a_bounded_prefix_is_read() -> None:
    body = ENGLISH + " " + SPANISH * (4 * DETECTION_PREFIX_CHARS // len(SPANISH))
    assert extract_item(WireItem(id="a", body=" ".join([ENGLISH] * 12) + " " + body)).skipped is None
