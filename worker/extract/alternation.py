"""One regex alternation builder for every word list the extractor matches."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]


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
