"""Properties over generated bodies: cleaning and processing never raise, and offsets stay honest.

"Honest" means: the original characters an offset span points at read the same as the cleaned (or
quoted) text once tags, entities and runs of white space are normalised on both sides.
"""

from __future__ import annotations

import html
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from worker.extract import extract_claims
from worker.extract.types import Claim
from worker.ingest.clean import BLOCK_TAGS, clean_body
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
_ANY_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What the cleaner drops: soft hyphens, zero-width characters and control characters.
_CONTROL_CHARACTERS = [*range(0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85), *range(0x86, 0xA0)]
_INVISIBLE = dict.fromkeys([*map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), *_CONTROL_CHARACTERS])

wire_bodies = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=60).map("".join)


# "--" between words or between spaces, as the cleaner rewrites it into a dash.
_TYPEWRITER_DASH = re.compile(r"(?<= )--(?= )|(?<=[^\W\d_])--(?=[^\W\d_])")


def normalized(text: str, *, tags: bool = True) -> str:
    """Tags removed, entities decoded, invisible characters dropped, white space runs made one space;
    in the original, a typewriter's dash read as the cleaner reads it."""
    if tags:
        text = _TYPEWRITER_DASH.sub("—", text)
        # One pass, as a browser reads markup: fragments can join into a tag of their own ("<" "about"
        # ">"), but a tag's removal does not make a new one ("<<b>about>" reads "<about>").
        text = _ANY_TAG.sub(lambda match: " " if match.group(1).lower() in BLOCK_TAGS else "", text)
    text = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
    return " ".join(text.translate(_INVISIBLE).split())


def _without_bars(text: str) -> str:
    return " ".join(text.replace("|", " ").split())


def _digit_claims(text: str, *, location: str | None = None, country: str | None = None) -> list[Claim]:
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
@example("&<about>0")
@example("<<b>about>")
@example("0\t0\t")
@example("<tr><td>a</td> <td>1</td></tr>")
@example("A--A")
@example("a -- b")
def test_every_cleaned_line_reads_the_same_in_the_original(body: str) -> None:
    cleaned = clean_body(body)
    position = 0
    for line in cleaned.text.split("\n"):
        start, end = cleaned.original_span(position, position + len(line))
        assert 0 <= start <= end <= len(body)
        # a cell break is the one rewrite that adds a character: bars read as spaces on both sides
        assert _without_bars(normalized(body[start:end])) == _without_bars(normalized(line, tags=False))
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
        assert normalized(quoted) == normalized(event.quantity_text, tags=False)


@settings(max_examples=300, deadline=None)
@given(wire_bodies)
def test_offsets_of_every_number_survive_the_pipeline(body: str) -> None:
    cleaned = clean_body(body)
    for claim in _digit_claims(cleaned.text):
        start, end = cleaned.original_span(claim.start, claim.end)
        assert normalized(body[start:end]) == normalized(claim.quantity_text, tags=False)


# Quoted speech as wire copy writes it: an opening mark, a clause with a figure, closing punctuation
# and a closing mark, a speaker tail, then a line break and another sentence (or none).
_OPENING_MARKS = ("", '"', "“", "«", "„", "‘", "'")
_CLOSING_MARKS = ('"', "”", "»", "«", "’", "'", "", ")")
_CLAUSE_ENDS = ("", ",", ".", "!", "?", ", ", "...", "—")
_SPEAKERS = ("Lena Okafor", "Dr Ravi Menon", "the harbour master", "a port official", "he", "Okafor")
_TAIL_VERBS = ("said", "says", "told reporters", "added", "wrote")
_BREAKS = ("\n", "\r\n", "\n\n", " ", "\n\u2028", "\n  ")
_FOLLOWERS = (
    "",
    "The harbour reopened.",
    "“It will take 3 weeks,” she said.",
    "(Photo: 2 cranes)",
    "— 9 boats sank.",
    "* 14 nets lost",
    "said Ana Ruiz.",
    "?",
)
speaker_tails = st.builds(
    lambda verb, speaker, inverted, stop: (f"{verb} {speaker}" if inverted else f"{speaker} {verb}") + stop,
    st.sampled_from(_TAIL_VERBS),
    st.sampled_from(_SPEAKERS),
    st.booleans(),
    st.sampled_from((".", ",", "", ". ", ".\u201d")),
)
quoted_passages = st.lists(
    st.builds(
        lambda opening, figure, end, closing, space, tail, line_break, follower: (
            f"{opening}We counted {figure} boats{end}{closing}{space}{tail}{line_break}{follower}"
        ),
        st.sampled_from(_OPENING_MARKS),
        st.sampled_from(("45", "1,200", "3.5 million", "twelve")),
        st.sampled_from(_CLAUSE_ENDS),
        st.sampled_from(_CLOSING_MARKS),
        st.sampled_from(("", " ", "  ", "\n")),
        speaker_tails,
        st.sampled_from(_BREAKS),
        st.sampled_from(_FOLLOWERS),
    ),
    min_size=1,
    max_size=4,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(quoted_passages)
def test_quotes_speaker_tails_and_line_breaks_never_raise(body: str) -> None:
    for claim in extract_claims(body):
        assert body[claim.start : claim.end] == claim.quantity_text
        assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(('"', "“")),
    st.sampled_from(('"', "”", "»")),
    st.sampled_from(("Lena Okafor", "Ravi Menon")),
    st.sampled_from(("\n", "\r\n", "\n\n")),
    st.sampled_from(("The harbour reopened.", "Ships waited offshore.", "(Photo)")),
)
def test_a_named_speaker_after_a_closing_quote_gets_the_figure(
    opening: str, closing: str, speaker: str, line_break: str, follower: str
) -> None:
    body = f"{opening}We counted 45 boats,{closing} said {speaker}.{line_break}{follower}"
    (claim,) = extract_claims(body)
    assert claim.source is not None
    assert claim.source.text == speaker


@settings(max_examples=200, deadline=None)
@given(quoted_passages)
def test_the_pipeline_takes_any_quoted_passage(body: str) -> None:
    item = WireItem(id="quotes", body=body)
    for event in process_item(item):
        quoted = body[event.evidence.start : event.evidence.end]
        assert normalized(quoted) == normalized(event.quantity_text, tags=False)
