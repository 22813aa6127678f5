"""What to replay from a topic: operator-written offset and time bounds, and the per-partition plan.

Offsets follow Kafka's own convention: a range is `[start, stop)`, `stop` being the next offset
*not* to read, the same meaning as a consumer's end offsets and the checkpoint's "next offset".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from worker.errors import ClaimwireError


class RangeError(ClaimwireError, ValueError):
    """An offset, partition or time bound an operator wrote that cannot be used."""


@dataclass(slots=True, frozen=True)
class OffsetSpec:
    """Offsets from `--from-offsets`/`--to-offsets`: one for every partition, or one per partition."""

    every_partition: int | None = None
    per_partition: Mapping[int, int] = field(default_factory=dict)

    def for_partition(self, partition: int) -> int | None:
        """The offset written for `partition`, or None when the operator left it open."""
        if self.every_partition is not None:
            return self.every_partition
        return self.per_partition.get(partition)


@dataclass(slots=True, frozen=True)
class PartitionRange:
    """Offsets `[start, stop)` of one partition to replay."""

    partition: int
    start: int
    stop: int

    @property
    def size(self) -> int:
        return max(0, self.stop - self.start)


def parse_offset_spec(text: str) -> OffsetSpec:
    """Parse `100` (every partition) or `0:100,1:250` (partition:offset pairs)."""
    text = text.strip()
    if not text:
        raise RangeError("empty offset spec; write e.g. 100 or 0:100,1:250")
    if ":" not in text:
        return OffsetSpec(every_partition=_non_negative(text, "offset"))
    pairs: dict[int, int] = {}
    for chunk in text.split(","):
        partition_text, sep, offset_text = chunk.strip().partition(":")
        if not sep:
            raise RangeError(f"{chunk.strip()!r} is not partition:offset (in {text!r})")
        partition = _non_negative(partition_text, "partition")
        if partition in pairs:
            raise RangeError(f"partition {partition} is given twice in {text!r}")
        pairs[partition] = _non_negative(offset_text, "offset")
    return OffsetSpec(per_partition=pairs)


def parse_partitions(text: str) -> tuple[int, ...]:
    """Parse `0,2,5` into sorted distinct partition numbers."""
    chunks = [chunk.strip() for chunk in text.split(",") if chunk.strip()]
    if not chunks:
        raise RangeError("empty partition list; write e.g. 0,2,5")
    return tuple(sorted({_non_negative(chunk, "partition") for chunk in chunks}))


def parse_instant(text: str) -> datetime:
    """Parse an ISO 8601 date or date-time; one without a zone is taken as UTC, as Kafka's clock is."""
    try:
        instant = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise RangeError(f"{text!r} is not an ISO 8601 time; write e.g. 2026-11-28T06:00:00Z") from exc
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant


def epoch_millis(instant: datetime) -> int:
    """Milliseconds since the epoch, the unit of Kafka record timestamps."""
    return int(instant.timestamp() * 1000)


def plan_ranges(
    partitions: Iterable[int],
    *,
    earliest: Mapping[int, int],
    latest: Mapping[int, int],
    requested_start: Mapping[int, int | None],
    requested_stop: Mapping[int, int | None],
) -> list[PartitionRange]:
    """Per partition, the offsets to replay, clamped to what the log holds now.

    `latest` is captured once, when the replay starts: clamping every stop to it is what makes a
    replay finish instead of chasing the live head.
    """
    plan: list[PartitionRange] = []
    for partition in sorted(partitions):
        low, high = earliest[partition], latest[partition]
        start = requested_start.get(partition)
        stop = requested_stop.get(partition)
        start = low if start is None else min(max(start, low), high)
        stop = high if stop is None else min(max(stop, low), high)
        plan.append(PartitionRange(partition, start, max(start, stop)))
    return plan


def resume_ranges(
    positions: Mapping[int, tuple[int, int]], *, earliest: Mapping[int, int]
) -> list[PartitionRange]:
    """The rest of a checkpointed plan: from each partition's next offset to the stop it was given.

    The stops are the first run's, not the log's end now, so a resumed replay finishes the same job
    rather than growing with the live topic. Records deleted by retention meanwhile are skipped.
    """
    plan: list[PartitionRange] = []
    for partition, (next_offset, stop) in sorted(positions.items()):
        start = max(next_offset, earliest.get(partition, 0))
        plan.append(PartitionRange(partition, start, max(start, stop)))
    return plan


def _non_negative(text: str, what: str) -> int:
    try:
        number = int(text.strip())
    except ValueError as exc:
        raise RangeError(f"{what} {text.strip()!r} is not a whole number") from exc
    if number < 0:
        raise RangeError(f"{what} {number} is negative")
    return number
