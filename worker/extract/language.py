"""Which language a stretch of text is in, by the offline detector (CLD2): the pipeline passes
over items not in English, and extraction over the sentences of an English item written in
another language (a quotation left untranslated), whose figures it cannot read."""

from __future__ import annotations

import re

import pycld2

EXTRACTED_LANGUAGE = "en"
# Shorter sentences are too little for the detector to tell a language by.
MIN_SENTENCE_CHARS_TO_DETECT = 30
# The share of a sentence the detector must give one other language, and the most it may give
# English: an English sentence that lists many local place names reads as half their language.
MIN_OTHER_LANGUAGE_PERCENT = 70
MAX_ENGLISH_PERCENT = 20
# Words a sentence in English can hardly do without, two of which tell it is English.
_ENGLISH_FUNCTION_WORDS = re.compile(
    r"\b(?:the|and|was|were|said|says|has|have|had|that|with|from|are|is|which|who|been)\b"
)
# Capitalised words: names, which are no evidence of the language they stand in.
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’.-]*")

# What the detector says of a text: whether it is sure, then (name, code, percent, score) for
# the languages it found, the largest share first.
_Detection = tuple[bool, tuple[tuple[str, str, int, float], ...]]


def _detect(text: str) -> _Detection | None:
    try:
        reliable, _, details = pycld2.detect(text)
    except (pycld2.error, ValueError):  # bytes that are not valid UTF-8 (a lone surrogate)
        return None
    return reliable, details


def detect_language(text: str) -> str | None:
    """The language code of `text` when the detector is sure of it, else None."""
    detected = _detect(text)
    if detected is None:
        return None
    reliable, details = detected
    code = details[0][1]
    return code if reliable and code != "un" else None


def in_another_language(sentence: str) -> bool:
    """Whether the detector is sure a sentence is not English: "Sa bagyong Tino, ang ating numero
    ay 232" quoted in an English report. Read without its capitalised words, so an English list of
    local names ("from Balaka, Chikwawa, ... and Zomba") stays English."""
    if (
        len(sentence) < MIN_SENTENCE_CHARS_TO_DETECT
        or len(_ENGLISH_FUNCTION_WORDS.findall(sentence, 0, 200)) >= 2
    ):
        return False  # most sentences: the detector's time spared
    words = _CAPITALISED_WORD.sub("", sentence)
    detected = _detect(words) if len(words) >= MIN_SENTENCE_CHARS_TO_DETECT else None
    if detected is None:
        return False
    reliable, details = detected
    _, top, top_percent, _ = details[0]
    english = sum(percent for _, code, percent, _ in details if code == EXTRACTED_LANGUAGE)
    return (
        reliable
        and top not in {EXTRACTED_LANGUAGE, "un"}
        and top_percent >= MIN_OTHER_LANGUAGE_PERCENT
        and english <= MAX_ENGLISH_PERCENT
    )
