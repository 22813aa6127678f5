"""News-aware sentence splitting: character spans of the sentences in a text.

Line breaks always end a sentence (wire bodies put headlines, captions and paragraphs on their own
lines). Inside a line a period ends a sentence only when it is not part of an abbreviation ("Oct.",
"U.N.", "Gov."), an initial ("Lt. Gen. S. Kobylash"), a decimal or a clock time ("3 p.m.").
"""

from __future__ import annotations

import re

from worker.extract.lexicon import MONTH_ABBREVIATIONS

# Abbreviations that are followed by a capitalised word mid-sentence (titles, months, "No.").
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gov",
        "sen",
        "rep",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "adm",
        "cmdr",
        "cdr",
        "brig",
        "pres",
        "supt",
        "insp",
        "det",
        "st",
        "mt",
        "ft",
        "rev",
        "fr",
        "hon",
        "jr",
        "sr",
        "messrs",
        "mme",
        "mlle",
        "sra",
        *MONTH_ABBREVIATIONS,
        "no",
        "nos",
        "vol",
        "art",
        "sec",
        "para",
        "fig",
        "approx",
        "est",
        "inc",
        "corp",
        "ltd",
        "co",
        "bros",
        "dept",
        "univ",
        "assn",
        "govt",
        "intl",
        "natl",
        "vs",
        "v",
        "al",
        "ca",
        "cf",
        "ie",
        "eg",
        "rs",
    ]
)
# Abbreviations that stand before a number ("Prop. 29", "Hwy. 101", "pp. 12-14"), and end no sentence
# there; before a word they may be words of their own ("a stage prop. The ...").
ABBREVIATIONS_BEFORE_A_NUMBER = frozenset({"prop", "props", "hwy", "rte", "pp", "ch", "pt"})

# A token ending in a period: the word before it decides whether it is an abbreviation.
# A full stop glued to the next sentence by a lost space ("went on for hours.Army staff said ...") ends it
# too, when a lower-case word stands before it and a capitalised word after.
_CANDIDATE_END = re.compile(
    r"""(?P<end>[.!?]+)(?P<close>["'”’)\]]*)(?P<space>[ \t]+|(?<=[a-z][a-z]\.)(?=[A-Z][a-z]{2}))"""
    r"""(?=["'“‘(\[]?[A-Z0-9])"""
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_LINE = re.compile(r"[^\r\n]+")
# Clock times written "3 p.m." end a sentence only if the next word cannot continue it.
_CLOCK_ABBREVIATION = re.compile(r"(?:a\.m|p\.m)$", re.IGNORECASE)
_CONTINUES_AFTER_CLOCK = re.compile(r"(?:on|in|at|local|GMT|UTC|ET|EST|EDT|BST|CET)\b")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in `text`, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        _split_line(text, line.start(), line.end(), spans)
    return spans


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    sentence_start = start
    for match in _CANDIDATE_END.finditer(text, start, end):
        if match.group("end") == "." and not _ends_sentence(text, sentence_start, match):
            continue
        _append(text, sentence_start, match.end("close"), spans)
        sentence_start = match.end()
    _append(text, sentence_start, end, spans)


# How far before a full stop the word it follows is read (an abbreviation, an initial).
WORD_BEFORE_STOP_WINDOW = 30


def _ends_sentence(text: str, sentence_start: int, match: re.Match[str]) -> bool:
    word_match = _WORD_BEFORE.search(
        text, max(sentence_start, match.start() - WORD_BEFORE_STOP_WINDOW), match.start()
    )
    if word_match is None:
        return True
    word = word_match.group(1)
    if _CLOCK_ABBREVIATION.search(word):
        return _CONTINUES_AFTER_CLOCK.match(text, match.end()) is None
    if len(word) == 1 and word.isupper():
        return False  # an initial: "S. Kobylash"
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        return False  # dotted acronyms: "U.N.", "U.S."
    if word.lower() in ABBREVIATIONS_BEFORE_A_NUMBER and text[match.end() : match.end() + 1].isdigit():
        return False
    return word.lower() not in ABBREVIATIONS


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
