"""Properties over generated bodies: cleaning and processing never raise, and offsets stay honest.

"Honest" means: the original characters an offset span points at read the same as the cleaned (or
quoted) text once tags, entities and runs of white space are normalised on both sides.
"""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from worker.extract.types import Claim
from worker.ingest.clean import clean_body
from worker.models import WireItem
from worker.pipeline import process_item

# Markup the generated bodies may contain; normalisation removes exactly these. Inline tags vanish
# without a trace ("<b>12</b>,000" reads "12,000"); block tags separate words.
_INLINE_TAGS = ("<b>", "</b>", '<a href="/story">', "</a>")
_BLOCK_TAGS = ("<p>", "</p>", "<br>", "<br/>", "<div class='x'>", "</div>")
_FRAGMENTS = (
    *_INLINE_TAGS,
    *_BLOCK_TAGS,
    *("&amp;", "&#39;", "&nbsp;", "&#x2014;", "&quot;", "&shy;", "&bogus;", "AT&T"),
    *(" ", "  ", "\t", "\u00a0", "\u200b", "\x1f", "\x07", "\x85", "\n", "\r\n", "\n\n"),
    *("TT\n", "Most Popular\n", "RELATED ARTICLES\n", "GAZA CITY (AFP) - ", "ROME, Oct 7 (Reuters) — "),
    *("1,200", "3.5", "40", "2,719", "10", "one million", "12 000", "1.7 million", "20,6%", "$5"),
    *("about", "at least", "more than", "some", "up to", "between", "and", "to"),
    *("people", "were", "killed", "injured", "missing", "homes", "the ministry said", "according to police"),
    *(".", ",", "Officials", "said", "(AP)", "-", "—", "<", ">"),
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What the cleaner drops: soft hyphens, zero-width characters and control characters.
_CONTROL_CHARACTERS = [*range(0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85), *range(0x86, 0xA0)]
_INVISIBLE = dict.fromkeys([*map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), *_CONTROL_CHARACTERS])

wire_bodies = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=60).map("".join)


def normalised(text: str, *, tags: bool = True) -> str:
    """Tags removed, entities decoded, invisible characters dropped, white space runs made one space."""
    if tags:
        for tag in _INLINE_TAGS:
            text = text.replace(tag, "")
        for tag in _BLOCK_TAGS:
            text = text.replace(tag, " ")
    text = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
    return " ".join(text.translate(_INVISIBLE).split())


def _digit_claims(text: str, *, location: str | None = None) -> list[Claim]:
    """Every run of digits as a claim: stands in for the extractor to exercise the offset map."""
    return [
        Claim(
            value=1.0,
            value_high=None,
            qualifier="exact",
            unit=None,
            quantity_text=match.group(),
            counted=None,
            category="other",
            start=match.start(),
            end=match.end(),
            sentence_start=match.start(),
            sentence_end=match.end(),
            location=location,
        )
        for match in re.finditer(r"\d+(?:[ ,.]\d+)*", text)
    ]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cleaning_arbitrary_text_never_raises(body: str) -> None:
    cleaned = clean_body(body, headline=body[:20] or None)
    assert "\n\n" not in cleaned.text
    assert cleaned.text == cleaned.text.strip()


@settings(max_examples=300, deadline=None)
@given(wire_bodies)
def test_every_cleaned_line_reads_the_same_in_the_original(body: str) -> None:
    cleaned = clean_body(body)
    position = 0
    for line in cleaned.text.split("\n"):
        start, end = cleaned.original_span(position, position + len(line))
        assert 0 <= start <= end <= len(body)
        assert normalised(body[start:end]) == normalised(line, tags=False)
        position += len(line) + 1


@settings(max_examples=300, deadline=None)
@given(wire_bodies, st.data())
def test_any_span_of_cleaned_text_maps_inside_the_body(body: str, data: st.DataObject) -> None:
    cleaned = clean_body(body)
    start = data.draw(st.integers(0, len(cleaned.text)))
    end = data.draw(st.integers(start, len(cleaned.text)))
    orig_start, orig_end = cleaned.original_span(start, end)
    assert 0 <= orig_start <= orig_end <= len(body)


@settings(max_examples=200, deadline=None)
@given(st.one_of(wire_bodies, st.text(min_size=1)))
def test_process_item_never_raises_and_its_evidence_points_at_the_quantity(body: str) -> None:
    item = WireItem(id="prop", body=body)
    for event in process_item(item):
        quoted = body[event.evidence.start : event.evidence.end]
        assert normalised(quoted) == normalised(event.quantity_text, tags=False)


@settings(max_examples=300, deadline=None)
@given(wire_bodies)
def test_offsets_of_every_number_survive_the_pipeline(body: str) -> None:
    cleaned = clean_body(body)
    for claim in _digit_claims(cleaned.text):
        start, end = cleaned.original_span(claim.start, claim.end)
        assert normalised(body[start:end]) == normalised(claim.quantity_text, tags=False)
