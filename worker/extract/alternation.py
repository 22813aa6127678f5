"""Regex helpers every rule module shares: one alternation builder for the extractor's word lists,
and the test for when lower-casing text may stand in for case-blind matching."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]

# The only characters on which `str.lower` and case-blind matching part ways (found by trying every
# code point against every ASCII letter): "İ" lowers to two characters, and "ı" and "ſ" match "i"
# and "s" case-blind though they lower to themselves. Every other letter ("é", "ā", the Kelvin
# sign) lowers to what case-blind matching would take it for, in one character.
_FOLDING_APART = re.compile("[\u0130\u0131\u017f]")


def lowers_like_ignorecase(text: str) -> bool:
    """Whether `str.lower` folds `text` as case-blind matching does, character for character, so a
    pattern may be matched on the lowered text at the same offsets: true unless the text holds one
    of the three characters that fold apart."""
    return text.isascii() or _FOLDING_APART.search(text) is None


def initials(words: Iterable[str]) -> str:
    """The first characters of `words` (or of patterns that open with a literal), lower-cased, as one
    string: `opening in initials(...)` tests whether a lower-cased character can open a match of
    them, and holds for "" (no character known, nothing ruled out)."""
    return "".join(sorted({word[0].lower() for word in words if word}))


def any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern that matches wherever one of `patterns` does, each keeping its own case-blindness:
    a single cheap test that rules out a run of rules before they are tried one by one. Their named
    groups lose their names, as two may share one."""
    if any(pattern.flags & ~(re.IGNORECASE | re.UNICODE) for pattern in patterns):
        raise ValueError("any_of keeps case-blindness alone; other flags would change what a pattern matches")
    return re.compile(
        "|".join(
            f"(?{'i' if pattern.flags & re.IGNORECASE else ''}:{_NAMED_GROUP.sub('(?:', pattern.pattern)})"
            for pattern in patterns
        )
    )


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def word_alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words` nested by shared prefix ("t(?:en|wo|h(?:ree|irty))").

    The regex engine tries alternatives one by one at every word start; nesting them by first
    letters makes a word that is on no list fail after one or two characters instead of trying
    every word in turn. Longer words come before their own prefixes ("eighteen" before "eight").
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
