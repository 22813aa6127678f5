"""Keys that group claims: the subject a figure is about, and the series of one source's figure.

The worker keys `claims.extracted` by subject (category, counted thing, place) so that every
source's figure for the same thing lands on one partition, in order: the tracker can then see
updates within a series and conflicts between sources without a cross-partition join.
"""

from __future__ import annotations

from worker.models import ClaimEvent


def subject_key(event: ClaimEvent) -> str:
    """Category, normalised counted thing and place, joined; the same for every source."""
    counted = (event.counted or "").strip().lower()
    place = (event.location or "").strip().lower()
    return f"{event.category}|{counted}|{place}"


def partition_key(event: ClaimEvent) -> bytes:
    """The Kafka message key of a claim event."""
    return subject_key(event).encode("utf-8")
