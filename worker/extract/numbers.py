"""Numbers as written in news text: digits in English, European and South Asian grouping, and words.

`NUMBER` finds one number token; `parse_digits` and `parse_words` turn its text into a float.
Whether the token is a claim (a year, an identifier, a count) is decided later, by
`worker.extract.quantities`.
"""

from __future__ import annotations

import re

from worker.extract.lexicon import MULTIPLIER_WORDS, TENS_WORDS, UNITS_WORDS

# Digits, most specific grouping first so "3,38,934" is not read as "3,38" and "934".
INDIAN_GROUPED = r"\d{1,2}(?:,\d{2})+,\d{3}(?!\d|,\d)"  # 3,38,934 (lakh grouping)
ENGLISH_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)"  # 1,200 / 1,067,656.5
EUROPEAN_GROUPED = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d|\.\d)"  # 1.200.000 / 1.200,5
EUROPEAN_DECIMAL = r"\d+,\d{1,2}(?![\d])"  # 3,5 million / 20,6%
PLAIN = r"\d+(?:\.\d+)?|\.\d+"
DIGITS = f"(?:{INDIAN_GROUPED}|{ENGLISH_GROUPED}|{EUROPEAN_GROUPED}|{EUROPEAN_DECIMAL}|{PLAIN})"

_UNIT_OR_TEN = "|".join(sorted([*UNITS_WORDS, *TENS_WORDS], key=len, reverse=True))
_MULTIPLIER = "|".join(sorted(MULTIPLIER_WORDS, key=len, reverse=True))
_WORD = rf"(?:{_UNIT_OR_TEN}|{_MULTIPLIER})"
# "twenty-five", "one hundred and fifty", "two and a half million", "a dozen", "half a million".
WORDS = (
    rf"(?:(?:half\s+an?|an?)\s+(?:{_MULTIPLIER})\b"
    rf"|{_WORD}\b(?:(?:\s*-\s*|\s+and\s+|\s+)(?:{_WORD})\b)*(?:\s+and\s+a\s+half\b)?"
    rf"(?:\s+(?:{_MULTIPLIER})\b)?)"
)

NUMBER = re.compile(rf"(?P<digits>(?<![\d.,]){DIGITS})|(?P<words>\b{WORDS})", re.IGNORECASE)

_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_digits(token: str, *, grouping_context: bool = False) -> float:
    """The value of a digit token.

    "1.200" is 1.2 unless `grouping_context` says a count follows ("1.200 people"), where it is the
    European way of writing 1,200.
    """
    if re.fullmatch(INDIAN_GROUPED, token) or re.fullmatch(ENGLISH_GROUPED, token):
        return float(token.replace(",", ""))
    if re.fullmatch(EUROPEAN_DECIMAL, token):
        return float(token.replace(",", "."))
    if re.fullmatch(EUROPEAN_GROUPED, token):
        groups = token.count(".")
        if groups == 1 and "," not in token and not grouping_context:
            return float(token)
        return float(token.replace(".", "").replace(",", "."))
    return float(token)


def parse_words(token: str) -> float:
    """The value of a number written in words: "one hundred and fifty" -> 150."""
    words = [w for w in _WORD_SPLIT.split(token.lower()) if w and w != "and"]
    total = 0.0
    current = 0.0
    fraction_pending = False
    for i, word in enumerate(words):
        if word in ("a", "an"):
            if i + 1 < len(words) and words[i + 1] == "half":
                continue
            current = current or 1.0
        elif word == "half":
            if i + 1 < len(words) and words[i + 1] in ("a", "an"):
                fraction_pending = True
            else:
                current += 0.5
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word in MULTIPLIER_WORDS:
            scale = MULTIPLIER_WORDS[word]
            base = 0.5 if fraction_pending else (current or 1.0)
            fraction_pending = False
            if scale < 1000:
                current = base * scale
            else:
                total += base * scale
                current = 0.0
    return total + current
