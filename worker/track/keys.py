"""Keys that group claims: the subject a figure is about, and the series of one source's figure.

The worker keys `claims.extracted` by subject (category, counted thing, place) so that every
source's figure for the same thing lands on one partition, in order: the tracker can then see
updates within a series and conflicts between sources without a cross-partition join.

A series key is its subject key plus the source, so one subject's series always share a partition
with the subject. Both start with `v<SERIES_KEY_VERSION>`: a change to the normalisation that would
move a figure to another key bumps the version, so keys of two versions never silently merge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from worker.models import ClaimEvent
from worker.track.normalise import KEY_SEPARATOR, counted_thing, place_name, source_name

SERIES_KEY_VERSION = 1
KEY_PREFIX = f"v{SERIES_KEY_VERSION}"


@dataclass(slots=True, frozen=True)
class SeriesParts:
    """The normalised parts of a series key, in key order after the version."""

    category: str
    counted: str
    place: str
    source: str
    # Joined once here: the tracker reads the keys several times per claim.
    subject_key: str = field(init=False, repr=False, compare=False)
    series_key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        subject = KEY_SEPARATOR.join((KEY_PREFIX, self.category, self.counted, self.place))
        object.__setattr__(self, "subject_key", subject)
        object.__setattr__(self, "series_key", KEY_SEPARATOR.join((subject, self.source)))


def subject_parts(event: ClaimEvent) -> tuple[str, str, str]:
    """Category, normalised counted thing and normalised place of a claim event."""
    return (
        event.category,
        counted_thing(event.counted, event.unit, event.category),
        place_name(event.location),
    )


def subject_key(event: ClaimEvent) -> str:
    """Category, normalised counted thing and place, joined; the same for every source."""
    return KEY_SEPARATOR.join((KEY_PREFIX, *subject_parts(event)))


def series_parts(event: ClaimEvent) -> SeriesParts | None:
    """The series a claim belongs to, or None when the text credits the figure to no one."""
    if event.source is None:
        return None
    source = source_name(event.source.normalized)
    if not source:
        return None
    category, counted, place = subject_parts(event)
    return SeriesParts(category=category, counted=counted, place=place, source=source)


def parse_series_key(key: str) -> SeriesParts:
    """The parts of a series key written by this version; ValueError for any other key."""
    fields = key.split(KEY_SEPARATOR)
    if len(fields) != 5 or fields[0] != KEY_PREFIX:
        raise ValueError(f"not a {KEY_PREFIX} series key: {key!r}")
    return SeriesParts(category=fields[1], counted=fields[2], place=fields[3], source=fields[4])


def partition_key(event: ClaimEvent) -> bytes:
    """The Kafka message key of a claim event."""
    return subject_key(event).encode("utf-8")
