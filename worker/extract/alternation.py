"""Regex helpers every rule module shares: one alternation builder for the extractor's word lists,
and the test for when lower-casing text may stand in for case-blind matching."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]

# A letter outside ASCII: the only kind of character case-blind matching may fold to an ASCII
# letter ("ſ" matches "s", the Kelvin sign "k") where `str.lower` does not.
_NON_ASCII_LETTER = re.compile(r"(?![\x00-\x7f])[^\W\d_]")


def lowers_like_ignorecase(text: str) -> bool:
    """Whether `str.lower` folds `text` as case-blind matching of ASCII words does, so a cheap
    substring test on the lowered text may rule a pattern out: true for ASCII text, and for text
    whose only other characters are punctuation and symbols (curly quotes, dashes, currency signs),
    as real news is."""
    return text.isascii() or _NON_ASCII_LETTER.search(text) is None


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
