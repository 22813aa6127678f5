"""Numeric claim extraction: pure functions on cleaned text, no I/O."""

from __future__ import annotations

from worker.extract.types import Claim


def extract_claims(text: str, *, location: str | None = None) -> list[Claim]:
    """Every sourced numeric claim in `text`, in reading order (placeholder until the rules land)."""
    return []
