"""Cleaning a raw wire body for the extractor, with an exact map back to the original characters.

The cleaner strips HTML (block elements become line breaks), decodes entities, normalises spaces
and a typewriter's dash ("--" between words), and drops page noise, the repeated headline and
repeated lines (photo captions pasted twice, a paragraph syndicated twice). Each kept line becomes
one line of the cleaned text, so every line break in it ends a sentence; a bare line break inside a
sentence (a body wrapped by its sender) is read as a space. It also lifts the dateline ("GAZA CITY
(AFP) -") off the first paragraph and reports its place.

Cleaned text is built from pieces that are either copied verbatim from the body or rewritten (an
entity, a run of spaces, a tag turned into a line break). `CleanedText.original_span` maps a span
of cleaned text back through those pieces, so a span inside verbatim pieces maps to exactly the
same characters in the body.
"""

from __future__ import annotations

import html
import re
import string
from bisect import bisect_right

# Lines that are page furniture, not story text: a glossary of what scraped wire pages carry.
# Matched against the whole line, compared by letters and digits only (case and punctuation ignored).
NOISE_LINES: dict[str, str] = {
    "TT": "a stray syndication marker left on its own line",
    "RELATED ARTICLES": "heading of a links box",
    "Related": "heading of a links box",
    "Related stories": "heading of a links box",
    "Related content": "heading of a links box",
    "Related coverage": "heading of a links box",
    "Read more": "link to another story",
    "Read next": "link to another story",
    "Recommended": "heading of a links box",
    "Most Popular": "heading of a most-read box",
    "Most read": "heading of a most-read box",
    "Trending": "heading of a most-read box",
    "via IFTTT": "the feed relay's signature",
    "Advertisement": "an advert slot",
    "Story continues below advertisement": "an advert slot",
    "Share this": "share buttons",
    "Share this article": "share buttons",
    "Share this story": "share buttons",
    "Share": "share buttons",
    "Tweet": "share buttons",
    "Email": "share buttons",
    "Print": "share buttons",
    "Comments": "comment box heading",
    "Skip to content": "accessibility link",
    "Skip to main content": "accessibility link",
    "Listen to this article": "audio player",
    "Loading": "a placeholder of a script-filled box",
    "Subscribe": "newsletter box",
    "Sign up": "newsletter box",
}

# Lines that open with these labels link to other stories: they are not part of the item whatever
# their length (SPEC "Links to other stories"), as a story's own sentence never opens with them.
LINK_PREFIXES: dict[str, str] = {
    "read more:": "link to another story",
    "read more -": "link to another story",
    "read also:": "link to another story",
    "also read:": "link to another story",
    "also read -": "link to another story",
    "related:": "link to another story",
    "related news:": "link to another story",
    "related story:": "link to another story",
    "related article:": "link to another story",
    "see also:": "link to another story",
    "also see:": "link to another story",
    "must read:": "link to another story",
    "read next:": "link to another story",
    "recommended:": "link to another story",
}

# Lines that begin with these words are furniture too, when they are short (a real paragraph can
# open with "Click here" but is rarely under `_SHORT_LINE` characters with such an opening).
NOISE_PREFIXES: dict[str, str] = {
    "click here": "call to action",
    "sign up for": "newsletter box",
    "subscribe to": "newsletter box",
    "follow us on": "social links",
    "share on ": "share buttons",
    "copyright ©": "rights notice",
    "copyright ": "rights notice",
    "© ": "rights notice",
    "all rights reserved": "rights notice",
    "(reporting by": "agency staff credits",
    "reporting by ": "agency staff credits",
    "(editing by": "agency staff credits",
    "editing by ": "agency staff credits",
    "writing by ": "agency staff credits",
    "about the author": "the author's biography",
    "about the writer": "the author's biography",
}
_SHORT_LINE = 160

# A byline on a line of its own: "By" and one or more names of two to four capitalised words, then
# the line's end or the page's separators and time stamps ("By Ana Ruiz | Updated 14:32 GMT"). Its
# names are people, never places or sources. A single word counts only alone ("By AFP"): "By
# Monday, 40 had died" is story text.
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|bin|da|di)){1,3}"
_BYLINE = re.compile(
    rf"By\s+(?:{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:,\s*[A-Z][\w&.-]*)?|[A-Z][\w&.-]*)"
    r"\s*(?:$|[|·•–—]|-\s|,?\s+(?:Updated|Published|Posted)\b)"
)
_BYLINE_LINE = 100

# Elements whose boundaries are line breaks; every other tag is removed without a trace.
BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr"),
        *("li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "tr", "ul"),
    }
)
# Table cells sit side by side: a bar between them keeps a row's figures apart ("Westland | 120 |
# 340", never the number 120 340) and tells the extractor which column each figure stands in.
_CELL_TAGS = frozenset({"td", "th"})
# The extractor reads table rows by this bar (`worker.extract.places.TABLE_CELL_BAR`, a layer it may
# not import from here; a test keeps the two the same).
CELL_BREAK = " | "
# A run of spaces holding a tab, before the line's tabs are counted: a line with two or more is a
# row of a plain-text table, and each run is a cell break; one alone is a space.
_TAB = "\t"
_DASH = "—"
_TABLE_ROW_TABS = 2

# Inside a regex character class: tabs, no-break and typographic spaces, and the ASCII separators
# that Python counts as white space.
_HORIZONTAL_SPACE = "\t\x0b\x0c\x1c-\x1f\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Characters with no visible form: soft hyphen, zero-width ones, and control characters. No ranges,
# because this string is also used with `str.strip`.
_CONTROL_CHARACTERS = "".join(
    map(chr, [*range(0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85), *range(0x86, 0xA0)])
)
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff" + _CONTROL_CHARACTERS

# Everything in a body that is not copied verbatim into the cleaned text. A single ASCII space is
# left alone (it is the common case and copying it keeps offsets exact for free).
_MARKUP = re.compile(
    rf"""
    (?P<hidden><(?i:(?P<hidden_tag>script|style|noscript|template))\b[^>]*>.*?</(?i:(?P=hidden_tag))\s*>)
    | (?P<comment><!--.*?(?:-->|\Z))
    | (?P<tag></?(?P<tag_name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>)
    | (?P<entity>&(?:\#[0-9]{{1,7}};?|\#[xX][0-9A-Fa-f]{{1,6}};?|[A-Za-z][A-Za-z0-9]{{1,31}};))
    | (?P<newline>\r\n|[\r\n\u2028\u2029\x85])
    | (?P<space>[ ][ {_HORIZONTAL_SPACE}]+|[{_HORIZONTAL_SPACE}][ {_HORIZONTAL_SPACE}]*)
    | (?P<invisible>[{_INVISIBLE}]+)
    | (?P<dash>(?<=[ ])--(?=[ ])|(?<=[^\W\d_])--(?=[^\W\d_]))
    """,
    re.VERBOSE | re.DOTALL,
)
# Where a `_MARKUP` match can start. Searching for these first is twenty times faster than asking
# the alternation above at every character of a body that is mostly plain words.
_MARKUP_START = re.compile(
    rf"[<&\r\n\u2028\u2029\x85{_HORIZONTAL_SPACE}{_INVISIBLE}]|[ ](?=[ {_HORIZONTAL_SPACE}])|-(?=-)"
)

# "PORT LOUIS (AFP) -", "SAN MARCOS, Huila Province (AP) —", "OSLO, Oct 7 (Reuters) -", "LIMA -":
# a place in capitals, maybe a region, maybe a date, maybe the agency, then a dash.
DATELINE = re.compile(
    r"""
    (?P<place>[A-Z][A-Z'’.\-]{2,}(?:[ ][A-Z][A-Z'’.\-]*)*)
    (?P<region>,[ ](?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ ]\d)
        [A-Z][\w'’.\-]*(?:[ ][A-Z][\w'’.\-]*){0,3})?
    (?:,[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2})?
    (?:
        # after the agencies in brackets the dash may be left out: "(AP & AFP) Gaza's agency said"
        [ ]?\((?P<agency>[A-Za-z][A-Za-z .&/\-]{0,30})\)[ ]?[-–—]*[ ]
        |[ ]?[-–—]+[ ]
    )
    """,
    re.VERBOSE,
)
# "Orlo (Westland) [Norland], June 3 (XNA):": a place as written, maybe its region in brackets and
# its country in square ones, the date, then the agency in brackets. Only with both a date and an
# agency is a name in lower case a dateline.
_CREDITED_DATELINE = re.compile(
    r"""
    (?P<place>[A-Z][a-z][\w'’.\-]*(?:[ ][A-Z][a-z][\w'’.\-]*){0,2})
    (?:[ ]\((?P<region>[A-Z][\w'’.\- ]{1,30})\))?
    (?:[ ]\[[A-Z][\w'’.\- ]{1,30}\])?
    ,?[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2}
    [ ]\([A-Za-z][A-Za-z .&/\-]{0,30}\)[ ]?[:\-–—]+[ ]
    """,
    re.VERBOSE,
)
# Only the opening lines can hold the dateline (after the headline and a caption or two).
_DATELINE_SEARCH_LINES = 4

# Spaces and punctuation (ASCII, and the typographic block U+2000-U+206F) that line keys ignore.
_KEY_IGNORES = dict.fromkeys(
    map(
        ord,
        string.punctuation
        + string.whitespace
        + "\xa0\xab\xb7\xbb"
        + "".join(map(chr, range(0x2000, 0x2070))),
    )
)

# The ASCII ones, as bytes.
_ASCII_KEY_IGNORES = (string.punctuation + string.whitespace).encode("ascii")


def line_key(text: str) -> str:
    """What two lines must share to count as copies: the line lower-cased, spaces and punctuation
    removed, and a caption's label left out ("Photo: Crews at the dam" copies "Crews at the dam")."""
    lower = text.lower()
    if lower.startswith(_CAPTION_LABELS):
        lower = lower.split(":", 1)[1]
    if lower.isascii():  # deleting bytes is several times faster than a str translation table
        return lower.encode("ascii").translate(None, _ASCII_KEY_IGNORES).decode("ascii")
    return lower.translate(_KEY_IGNORES)


# Labels that open a photo caption on a page.
_CAPTION_LABELS = ("photo:", "image:", "caption:", "pictured:", "file photo:", "photograph:", "picture:")


_NOISE_KEYS = frozenset(line_key(line) for line in NOISE_LINES)
# A row of share buttons and their counts: "Share 1.2K  Tweet  Email  12 comments", "Comments (47)".
_SHARE_ROW = re.compile(
    r"(?=.*[A-Za-z])(?:(?:share|shares|tweet|email|print|comments?|likes?|views|reactions?|save|facebook|twitter"
    r"|whatsapp|linkedin|reddit|telegram|\(?\d[\d.,]*[kKmM]?\)?)[\s|·•/]*){2,}",
    re.IGNORECASE,
)
_NOISE_PREFIX_TUPLE = tuple(NOISE_PREFIXES)
_LINK_PREFIX_TUPLE = tuple(LINK_PREFIXES)


class CleanedText:
    """Cleaned text, the place of its dateline, and the map from cleaned offsets to body offsets."""

    __slots__ = (
        "_clean_starts",
        "_orig_ends",
        "_orig_starts",
        "_verbatim",
        "dateline_place",
        "headline_end",
        "text",
    )

    def __init__(  # noqa: PLR0913  keyword-only offset maps, built together by the cleaner
        self,
        text: str,
        dateline_place: str | None,
        *,
        clean_starts: list[int],
        orig_starts: list[int],
        orig_ends: list[int],
        verbatim: list[bool],
        headline_end: int = 0,
    ) -> None:
        self.text = text
        self.dateline_place = dateline_place
        # The item's headline opens the text when it has one: text[:headline_end] is the headline,
        # and `original_span` of a span there is its span in the headline, not in the body.
        self.headline_end = headline_end

        self._clean_starts = clean_starts
        self._orig_starts = orig_starts
        self._orig_ends = orig_ends
        self._verbatim = verbatim

    @property
    def body_start(self) -> int:
        """Where the body begins in `text`: past the headline and the line break after it."""
        end = self.headline_end
        return end + 1 if end and self.text.startswith("\n", end) else end

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original body that the cleaned span [start, end) came from.

        Verbatim pieces map character for character; a rewritten piece (an entity, a collapsed
        space, a line break) maps as a whole, so a span touching it covers all its source characters.
        """
        if not self._clean_starts:
            return (0, 0)
        start = min(max(start, 0), len(self.text))
        end = min(max(end, start), len(self.text))
        first = max(bisect_right(self._clean_starts, start) - 1, 0)
        if self._verbatim[first]:
            orig_start = self._orig_starts[first] + start - self._clean_starts[first]
        else:
            orig_start = self._orig_starts[first]
        if end == start:
            return (orig_start, orig_start)
        last = max(bisect_right(self._clean_starts, end - 1) - 1, 0)
        if self._verbatim[last]:
            orig_end = self._orig_starts[last] + end - self._clean_starts[last]
        else:
            orig_end = self._orig_ends[last]
        return (orig_start, max(orig_end, orig_start))


# A piece of one line: its text, the body span it came from, and whether it is a verbatim copy.
_Piece = tuple[str, int, int, bool]


def clean_body(body: str, headline: str | None = None) -> CleanedText:
    """The item's text cleaned for extraction: its headline (`headline`, the item's own field), then
    the body, where the headline is dropped wherever it repeats. A figure only the headline gives
    ("Death toll rises to 10" above a body that says "a 10th victim") is a claim of its own."""
    lines, after_newline = _split_lines(body)
    headline_key = line_key(headline) if headline else ""
    seen: set[str] = set()
    builder = _Builder()
    if headline and headline_key:
        for line in _split_lines(headline)[0]:
            if line:
                builder.add_line(line)
    headline_end = builder.length
    dateline_place: str | None = None
    kept = 0
    previous_text, previous_index = "", -2
    for index, line in enumerate(lines):
        pieces = line
        text = "".join(piece[0] for piece in pieces)
        if "|" in text:
            first = _first_of_repeated_segments(text)
            if first is not None:
                # "Floods kill 40 | Floods kill 40": a page title pasted twice on one line
                pieces, text = _trimmed(_prefix(line, len(first))), first
        key = line_key(text)
        if not key or key in seen or key == headline_key or _is_noise(text, key):
            continue
        seen.add(key)
        kept += 1
        wrapped = (
            previous_index == index - 1 and index in after_newline and _wraps_a_sentence(previous_text, text)
        )
        previous_text, previous_index = text, index
        dateline = (
            DATELINE.match(text) or _CREDITED_DATELINE.match(text)
            if dateline_place is None and kept <= _DATELINE_SEARCH_LINES
            else None
        )
        if dateline is not None and dateline.end() < len(text):
            dateline_place = _place_name(dateline)
            builder.add_line(_without_prefix(pieces, dateline.end()))
        else:
            builder.add_line(pieces, wrapped=wrapped)
    return builder.build(dateline_place, headline_end)


# A line that stops on a comma or on a word that cannot end a sentence or a headline ("of", "the",
# "at least") was wrapped by the sender, as is one followed by a line that opens in lower case.
_OPEN_LINE_END = re.compile(
    r"""(?:,|(?<![\w'’-])(?:a|an|the|of|in|on|at|to|for|from|by|with|into|onto|between|among|
    including|and|or|but|nor|than|that|which|who|whom|whose|its|his|her|their|our|this|these|those|
    is|are|was|were|has|have|had|been|will|would|could|least))$""",
    re.VERBOSE,
)
_SENTENCE_END = re.compile(r"""[.!?:;]["'”’)\]]*$""")


def _wraps_a_sentence(previous_text: str, text: str) -> bool:
    """Whether the line break between two adjacent lines falls inside one sentence (a hard-wrapped
    body: "... killed 40 people in the\nnorth of the province, police said")."""
    if _OPEN_LINE_END.search(previous_text[-12:]) is not None:
        return True
    return text[0].islower() and _SENTENCE_END.search(previous_text[-4:]) is None


_SEGMENT_BREAK = re.compile(r"\s+\|\s+")


def _first_of_repeated_segments(text: str) -> str | None:
    """The first segment of a line whose " | "-separated segments are all one text, else None."""
    segments = _SEGMENT_BREAK.split(text)
    if len(segments) < 2 or len({line_key(segment) for segment in segments}) != 1:
        return None
    return segments[0]


def _is_noise(text: str, key: str) -> bool:
    if key in _NOISE_KEYS:
        return True
    if len(text) <= _SHORT_LINE and _SHARE_ROW.fullmatch(text):
        return True
    opening = text[:24].lower()
    if opening.startswith(_LINK_PREFIX_TUPLE):
        return True
    if len(text) > _SHORT_LINE:
        return False
    return opening.startswith(_NOISE_PREFIX_TUPLE) or (
        len(text) <= _BYLINE_LINE and _BYLINE.match(text) is not None
    )


def _place_name(match: re.Match[str]) -> str:
    place = match.group("place").title()
    region = match.group("region")
    if not region:
        return place
    return place + region if region.startswith(",") else f"{place}, {region}"


def _split_lines(body: str) -> tuple[list[list[_Piece]], set[int]]:
    """The body's lines as pieces, with spaces collapsed and trimmed at both ends of each line, and
    the indexes of the lines that follow a bare line break (not a block tag) in the body."""
    lines: list[list[_Piece]] = []
    after_newline: set[int] = set()
    line: list[_Piece] = []
    position = 0
    cursor = 0
    while (candidate := _MARKUP_START.search(body, cursor)) is not None:
        start = candidate.start()
        match = _MARKUP.match(body, start)
        if match is None:
            cursor = start + 1
            continue
        if start > position:
            _append_text(line, body[position:start], position, start, verbatim=True)
        position = cursor = match.end()
        kind = match.lastgroup
        if kind == "tag":
            line = _after_tag(lines, line, match, start, position)
        elif kind == "newline":
            lines.append(_trimmed(line))
            after_newline.add(len(lines))
            line = []
        elif kind == "space" and _TAB in match.group() and line:
            line.append((_TAB, start, position, False))
        elif kind == "space":
            _append_space(line, start, position)
        elif kind == "entity":
            _append_entity(line, match.group(), start, position)
        elif kind == "dash":
            line.append((_DASH, start, position, False))  # a typewriter's dash: "--" between words
        elif kind == "hidden":
            lines.append(_trimmed(line))
            line = []
    if position < len(body):
        _append_text(line, body[position:], position, len(body), verbatim=True)
    lines.append(_trimmed(line))
    return lines, after_newline


def _after_tag(
    lines: list[list[_Piece]], line: list[_Piece], tag: re.Match[str], start: int, end: int
) -> list[_Piece]:
    """The line to go on with after a tag: a new one after a block tag (the old one joins `lines`);
    a cell break before a table cell, a space after one."""
    name = tag.group("tag_name").lower()
    if name in BLOCK_TAGS:
        lines.append(_trimmed(line))
        return []
    if name in _CELL_TAGS and not tag.group("tag").startswith("</"):
        _append_cell_break(line, start, end)
    elif name in _CELL_TAGS:
        _append_space(line, start, end)
    return line


def _append_text(line: list[_Piece], text: str, start: int, end: int, *, verbatim: bool) -> None:
    if text.startswith(" ") and (not line or line[-1][0].endswith(" ")):
        text, start = text[1:], start + 1
        if not text:
            return
    line.append((text, start, end, verbatim))


def _append_space(line: list[_Piece], start: int, end: int) -> None:
    if line and not line[-1][0].endswith((" ", _TAB)):
        line.append((" ", start, end, False))


def _append_cell_break(line: list[_Piece], start: int, end: int) -> None:
    """A new cell on a line that has words already; the space before it joins the break."""
    if line and not line[-1][3] and line[-1][0] in (" ", _TAB):
        start = line.pop()[1]
    if line and not line[-1][0].endswith(CELL_BREAK.rstrip()) and line[-1][0] != CELL_BREAK:
        line.append((CELL_BREAK.lstrip() if line[-1][0].endswith(" ") else CELL_BREAK, start, end, False))


def _with_tabs_resolved(line: list[_Piece]) -> list[_Piece]:
    """A line's tab runs as cell breaks when it has enough of them to be a table row, else spaces."""
    while line and line[-1][0] == _TAB:
        line.pop()  # a tab that ends the line separates nothing
    tabs = sum(1 for piece in line if piece[0] == _TAB)
    if not tabs:
        return line
    resolved: list[_Piece] = []
    for text, start, end, verbatim in line:
        if text == _TAB:
            if tabs >= _TABLE_ROW_TABS:
                _append_cell_break(resolved, start, end)
            else:
                _append_space(resolved, start, end)
        else:
            _append_text(resolved, text, start, end, verbatim=verbatim)
    return resolved


def _append_entity(line: list[_Piece], entity: str, start: int, end: int) -> None:
    decoded = html.unescape(entity)
    if decoded == entity:
        _append_text(line, entity, start, end, verbatim=True)
    elif not decoded.strip(_INVISIBLE):
        return
    elif decoded.isspace():
        _append_space(line, start, end)
    else:
        _append_text(line, decoded, start, end, verbatim=False)


def _trimmed(line: list[_Piece]) -> list[_Piece]:
    """The line without its trailing spaces and cell breaks (leading ones never get in)."""
    line = _with_tabs_resolved(line)
    while line and not line[-1][3] and line[-1][0].strip() in ("", CELL_BREAK.strip()):
        line.pop()
    while line:
        text, start, end, verbatim = line[-1]
        if not text.endswith(" "):
            break
        stripped = text.rstrip(" ")
        if stripped:
            line[-1] = (stripped, start, end - (len(text) - len(stripped)) if verbatim else end, verbatim)
            break
        line.pop()
    return line


def _prefix(pieces: list[_Piece], length: int) -> list[_Piece]:
    """The line's pieces cut after its first `length` characters."""
    kept: list[_Piece] = []
    for text, start, end, verbatim in pieces:
        if length <= 0:
            break
        if len(text) > length:
            kept.append((text[:length], start, start + length if verbatim else end, verbatim))
        else:
            kept.append((text, start, end, verbatim))
        length -= len(text)
    return kept


def _without_prefix(pieces: list[_Piece], length: int) -> list[_Piece]:
    """The line's pieces with its first `length` characters removed."""
    rest: list[_Piece] = []
    skip = length
    for text, start, end, verbatim in pieces:
        if skip >= len(text):
            skip -= len(text)
            continue
        if skip:
            rest.append((text[skip:], start + skip if verbatim else start, end, verbatim))
            skip = 0
        else:
            rest.append((text, start, end, verbatim))
    return rest


class _Builder:
    """Joins kept lines with line breaks and records where every piece came from."""

    __slots__ = ("_chunks", "_clean_starts", "_length", "_orig_ends", "_orig_starts", "_verbatim")

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._clean_starts: list[int] = []
        self._orig_starts: list[int] = []
        self._orig_ends: list[int] = []
        self._verbatim: list[bool] = []
        self._length = 0

    def add_line(self, pieces: list[_Piece], *, wrapped: bool = False) -> None:
        """Add a line after the last: on a line of its own, or `wrapped` on from the last one."""
        if self._chunks:
            self._add(" " if wrapped else "\n", self._orig_ends[-1], pieces[0][1], verbatim=False)
        for text, start, end, verbatim in pieces:
            self._add(text, start, end, verbatim=verbatim)

    @property
    def length(self) -> int:
        return self._length

    def _add(self, text: str, start: int, end: int, *, verbatim: bool) -> None:
        self._chunks.append(text)
        self._clean_starts.append(self._length)
        self._orig_starts.append(start)
        self._orig_ends.append(end)
        self._verbatim.append(verbatim)
        self._length += len(text)

    def build(self, dateline_place: str | None, headline_end: int = 0) -> CleanedText:
        return CleanedText(
            "".join(self._chunks),
            dateline_place,
            clean_starts=self._clean_starts,
            orig_starts=self._orig_starts,
            orig_ends=self._orig_ends,
            verbatim=self._verbatim,
            headline_end=headline_end,
        )
