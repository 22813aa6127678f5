"""Attribution: who each figure in a text is credited to (placeholder until the rules land)."""

from __future__ import annotations

from collections.abc import Sequence

from worker.extract.types import Attribution


def attribute(
    text: str, sentences: Sequence[tuple[int, int]], mentions: Sequence[tuple[int, int]]
) -> list[Attribution | None]:
    """One attribution (or None) per quantity mention, in the order of `mentions`."""
    return [None for _ in mentions]
