"""Numbers as written in news text: digits in English, European and South Asian grouping, and words.

`NUMBER` finds one number token; `parse_digits` and `parse_words` turn its text into a float.
Whether the token is a claim (a year, an identifier, a count) is decided later, by
`worker.extract.quantities`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.extract.alternation import word_alternation
from worker.extract.lexicon import FRACTION_DENOMINATORS, MONTHS, MULTIPLIER_WORDS, TENS_WORDS, UNITS_WORDS

# Digits, most specific grouping first so "3,38,934" is not read as "3,38" and "934".
INDIAN_GROUPED = r"\d{1,2}(?:,\d{2})+,\d{3}(?!\d|,\d)"  # 3,38,934 (lakh grouping)
ENGLISH_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)"  # 1,200 / 1,067,656.5
# A typing slip in a grouping, "12,345, 678": the stray space is read through when a lone group of
# three digits follows and no list goes on ("1,200, 300 and 400" stays three numbers).
STRAY_SPACE_GROUPED = (
    r"\d{1,3}(?:,\d{3})+(?:,[ ]\d{3})+(?![\d,]|\.\d|\s+(?:and|or|to)\b)"
    # "over 100, 000 displaced": a group of three zeros counts nothing alone
    r"|\d{1,3},[ ]000(?![\d,]|\.\d)"
    # "with 31, 507 cases": one group, then the noun it counts (a word of a clause after it, "12,
    # 345 were", keeps two numbers; so does a day before it, see `number_tokens`)
    r"|\d{1,3},[ ]\d{3}(?![\d,]|\.\d)"
    r"(?=\s+(?!(?:and|or|to|nor|were|was|are|is|in|on|at|of|for|from|by|with|had|have|has)\b)[a-z]{3,})"
)
EUROPEAN_GROUPED = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d|\.\d)"  # 1.200.000 / 1.200,5
EUROPEAN_DECIMAL = r"\d+,\d{1,2}(?![\d])"  # 3,5 million / 20,6%
PLAIN = r"\d+(?:\.\d+)?|\.\d+"
# A comma that ends a clause, not one that groups a figure's digits ("in 1,028 centres").
CLAUSE_COMMA_RE = re.compile(r"(?<!\d),|,(?!\d)")
# Thousands grouped by spaces ("12 000", "1 234 567"; the cleaner turns no-break and thin spaces into
# plain ones). Read in every item: copy assembled from several desks groups "3,120" and "4 560" in
# one text, and English does not otherwise write two counts side by side with only a space between.
# A day before it is the exception ("March 15 300 people"); table cells are kept apart by the
# cleaner's bar.
SPACE_GROUPED = r"\d{1,3}(?:[ ]\d{3})+(?![\d]|[.,]\d)"
_COMMA_GROUPED = f"{INDIAN_GROUPED}|{STRAY_SPACE_GROUPED}|{ENGLISH_GROUPED}"
DIGITS = f"(?:{_COMMA_GROUPED}|{EUROPEAN_GROUPED}|{EUROPEAN_DECIMAL}|{PLAIN})"


_UNIT_OR_TEN = word_alternation([*UNITS_WORDS, *TENS_WORDS])
_MULTIPLIER = word_alternation(MULTIPLIER_WORDS)
# One number word; "and" joins words only after a multiplier ("one hundred and fifty"), so
# "between two and three" stays two numbers.
_ITEM = rf"(?:(?:{_MULTIPLIER})\b(?:\s+and\s+(?:{_UNIT_OR_TEN})\b)?|(?:{_UNIT_OR_TEN})\b)"
# "a quarter of a million", "two-thirds of a billion", "some quarter of a million" (the qualifier
# stands for the article), "a quarter million": a part of a large scale, one figure.
_PART_OF_SCALE = (
    r"(?:(?:an?|one|two|three)[\s-]+)?(?:quarters?|thirds?)\s+of\s+an?\s+(?:million|billion|trillion)\b"
    r"|an?\s+quarter[\s-]+(?:million|billion|trillion)\b"
)
# "twenty-five", "one hundred and fifty", "two and a half million" (or "two-and-a-half"), "a dozen",
# "half a million".
WORDS = (
    rf"(?:{_PART_OF_SCALE}"
    rf"|(?:half\s+an?|an?)\s+(?:{_MULTIPLIER})\b"
    rf"|{_ITEM}(?:(?:\s*-\s*|\s+){_ITEM})*(?:(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b)?"
    rf"(?:\s+(?:{_MULTIPLIER})\b)?)"
)

NUMBER = re.compile(rf"(?P<digits>(?<![\d.,]){DIGITS})|(?P<words>\b{WORDS})", re.IGNORECASE)

# Scanning with NUMBER directly tries both branches at every character. The hot path instead jumps
# to digit runs and to words that can start a number (charset-led patterns the engine scans fast),
# then matches the precise pattern only there. `number_tokens` returns what NUMBER would find.
_DIGIT_RUN = re.compile(r"\d[\d.,]*")
_DIGITS_AT = re.compile(DIGITS)
_SPACE_GROUPED_AT = re.compile(SPACE_GROUPED)
_PLAIN_AT = re.compile(PLAIN)
_MONTH_BEFORE = re.compile(rf"\b(?:{word_alternation(MONTHS)})\.?\s+$", re.IGNORECASE)
_WORDS_AT = re.compile(WORDS, re.IGNORECASE)
# Words that can start a number, searched in lower-cased text (a case-sensitive scan is faster);
# "a"/"an" are found by looking back from a multiplier instead, as they are everywhere.
_NUMBER_WORD = re.compile(
    r"\b(?:" + word_alternation([*UNITS_WORDS, *TENS_WORDS, *MULTIPLIER_WORDS, "half"]) + r")\b"
)
_NUMBER_WORD_ANY_CASE = re.compile(_NUMBER_WORD.pattern, re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(
    r"(?:\b(?:an?\s+)?(?:quarter|third)\s+of\s+an?\s+|\ban?\s+quarter[\s-]+|\bhalf\s+an?\s+|\ban?\s+)$",
    re.IGNORECASE,
)
# How far before a multiplier its article may start: "a quarter of a million".
ARTICLE_WINDOW = 16


@dataclass(slots=True)
class NumberToken:
    """One number as written: its span, its text and whether it is spelled out in words."""

    start: int
    end: int
    text: str
    is_words: bool


# How far before a space-grouped number a month name makes its first group a day ("March 15 300").
MONTH_BEFORE_WINDOW = 12


def number_tokens(text: str, start: int, end: int) -> list[NumberToken]:  # noqa: PLR0912  one branch per number shape in the tokenizer's hot loop
    """The numbers in text[start:end], in order: the tokens `NUMBER.finditer` yields, except that
    thousands grouped by spaces ("12 000") are one number (see `SPACE_GROUPED`)."""
    tokens: list[NumberToken] = []
    consumed = start
    for run in _DIGIT_RUN.finditer(text, start, end):
        at = run.start()
        if at < consumed:
            continue  # the "678" of "12,345, 678"
        previous = text[at - 1] if at > start else ""
        if previous == "." and at - 1 > start and text[at - 2].isalpha():
            pass  # the "." of an abbreviation glued to the digits: "Rs.45"
        elif previous == "." and (at - 1 == start or text[at - 2] not in _DIGIT_CONTEXT):
            at -= 1  # ".5"
        elif previous and previous in _DIGIT_CONTEXT:
            continue
        match = None
        if run.end() - at <= 3 and text[run.end() : run.end() + 2].lstrip(" ").isdigit():
            match = _SPACE_GROUPED_AT.match(text, at, end)
            if match is not None and _MONTH_BEFORE.search(text, max(start, at - MONTH_BEFORE_WINDOW), at):
                match = None  # "March 15 300 people": a day, then a count
        if match is None:
            digits = run.group()
            if at == run.start() and "," not in digits and "." not in digits:
                # digits alone, with no grouping or decimal mark: what DIGITS matches is the run
                tokens.append(NumberToken(at, run.end(), digits, False))
                consumed = run.end()
                continue
            match = _DIGITS_AT.match(text, at, end)
            if (
                match is not None
                and ", " in match.group()
                and _MONTH_BEFORE.search(text, max(start, at - MONTH_BEFORE_WINDOW), at)
            ):
                match = _PLAIN_AT.match(text, at, end)  # "May 12, 345 people": a day, then a count
        if match is not None:
            tokens.append(NumberToken(at, match.end(), match.group(0), False))
            consumed = match.end()
    digit_tokens = len(tokens)
    lowered = text[start:end].lower()
    scan = _NUMBER_WORD
    if len(lowered) != end - start:  # lower() changed a length ("İ"): scan the original, case-blind
        lowered, scan = text[start:end], _NUMBER_WORD_ANY_CASE
    word_end = start
    for word in scan.finditer(lowered):
        at = start + word.start()
        if at < word_end:
            continue
        if word.group(0).lower() in MULTIPLIER_WORDS:
            article = _ARTICLE_BEFORE.search(lowered, max(0, word.start() - ARTICLE_WINDOW), word.start())
            if article is not None:
                at = start + article.start()  # "a dozen", "half a million"
        match = _WORDS_AT.match(text, at, end)
        if match is not None:
            tokens.append(NumberToken(match.start(), match.end(), match.group(0), True))
            word_end = match.end()
    if 0 < digit_tokens < len(tokens):  # each kind is found in order: only a mix needs sorting
        tokens.sort(key=lambda token: token.start)
    return tokens


_DIGIT_CONTEXT = frozenset("0123456789.,")
_INDIAN_OR_ENGLISH = re.compile(f"{INDIAN_GROUPED}|{ENGLISH_GROUPED}")
_EUROPEAN_DECIMAL = re.compile(EUROPEAN_DECIMAL)
_EUROPEAN_GROUPED = re.compile(EUROPEAN_GROUPED)

_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_digits(token: str, *, grouping_context: bool = False) -> float:
    """The value of a digit token.

    "1.200" is 1.2 unless `grouping_context` says a count follows ("1.200 people"), where it is the
    European way of writing 1,200.
    """
    # digits alone (what `\d` matches: most tokens), and "12 000", "12,345, 678": no pattern to try
    if token.isdecimal() or " " in token:
        return float(token.replace(",", "").replace(" ", ""))
    if _INDIAN_OR_ENGLISH.fullmatch(token):
        return float(token.replace(",", ""))
    if _EUROPEAN_DECIMAL.fullmatch(token):
        return float(token.replace(",", "."))
    if _EUROPEAN_GROUPED.fullmatch(token):
        groups = token.count(".")
        if groups == 1 and "," not in token and not grouping_context:
            return float(token)
        return float(token.replace(".", "").replace(",", "."))
    return float(token)


def parse_words(token: str) -> float:
    """The value of a number written in words: "one hundred and fifty" -> 150."""
    words = [w for w in _WORD_SPLIT.split(token.lower()) if w and w != "and"]
    if "of" in words or words[1:2] == ["quarter"]:  # "three quarters of a billion", "a quarter million"
        numerator = UNITS_WORDS.get(words[0], 1)  # 1 for "a", "an", or the part first ("quarter of a")
        part = words[0] if words[0] in FRACTION_DENOMINATORS else words[1]
        return numerator / FRACTION_DENOMINATORS[part] * MULTIPLIER_WORDS[words[-1]]
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
