"""Offset specs, partition lists, ISO 8601 bounds and the per-partition replay plan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from worker.replay.ranges import (
    OffsetSpec,
    PartitionRange,
    RangeError,
    epoch_millis,
    parse_instant,
    parse_offset_spec,
    parse_partitions,
    plan_ranges,
    resume_ranges,
)


def test_single_number_applies_to_every_partition() -> None:
    spec = parse_offset_spec("100")
    assert spec.for_partition(0) == 100
    assert spec.for_partition(7) == 100


def test_partition_pairs_apply_only_to_their_partition() -> None:
    spec = parse_offset_spec("0:100, 1:250")
    assert spec == OffsetSpec(per_partition={0: 100, 1: 250})
    assert spec.for_partition(1) == 250
    assert spec.for_partition(2) is None


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("", "empty"),
        ("-3", "negative"),
        ("0:ten", "not a whole number"),
        ("0:1,0:2", "twice"),
        ("0:1,5", "not partition:offset"),
        ("1:-1", "negative"),
    ],
)
def test_bad_offset_specs_say_what_is_wrong(text: str, complaint: str) -> None:
    with pytest.raises(RangeError, match=complaint):
        parse_offset_spec(text)


def test_partitions_are_sorted_and_distinct() -> None:
    assert parse_partitions("3, 0,3,1") == (0, 1, 3)
    with pytest.raises(RangeError):
        parse_partitions(" , ")
    with pytest.raises(RangeError):
        parse_partitions("a")


def test_instants_with_zone_keep_it_and_without_are_utc() -> None:
    assert parse_instant("2026-11-28T06:00:00Z") == datetime(2026, 11, 28, 6, tzinfo=UTC)
    plus_two = parse_instant("2026-11-28T08:00:00+02:00")
    assert plus_two.utcoffset() == timedelta(hours=2)
    assert epoch_millis(plus_two) == epoch_millis(datetime(2026, 11, 28, 6, tzinfo=UTC))
    assert parse_instant("2026-11-28") == datetime(2026, 11, 28, tzinfo=UTC)
    assert parse_instant("2026-11-28T06:00").tzinfo == UTC
    assert epoch_millis(datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC)) == 1000
    with pytest.raises(RangeError, match="ISO 8601"):
        parse_instant("yesterday")


def test_plan_defaults_to_the_whole_log_up_to_the_captured_end() -> None:
    plan = plan_ranges(
        [1, 0],
        earliest={0: 5, 1: 0},
        latest={0: 50, 1: 20},
        requested_start={},
        requested_stop={},
    )
    assert plan == [PartitionRange(0, 5, 50), PartitionRange(1, 0, 20)]
    assert [r.size for r in plan] == [45, 20]


def test_plan_clamps_requests_to_what_the_log_holds() -> None:
    plan = plan_ranges(
        [0, 1, 2],
        earliest={0: 10, 1: 0, 2: 0},
        latest={0: 100, 1: 30, 2: 30},
        requested_start={0: 3, 1: 25, 2: 40},
        requested_stop={0: 60, 1: 500, 2: None},
    )
    assert plan == [PartitionRange(0, 10, 60), PartitionRange(1, 25, 30), PartitionRange(2, 30, 30)]
    assert plan[2].size == 0


def test_a_stop_before_the_start_is_an_empty_range_not_a_negative_one() -> None:
    (only,) = plan_ranges(
        [0], earliest={0: 0}, latest={0: 100}, requested_start={0: 70}, requested_stop={0: 20}
    )
    assert only == PartitionRange(0, 70, 70)
    assert only.size == 0


def test_a_resumed_plan_keeps_the_first_runs_stops_and_skips_what_retention_deleted() -> None:
    plan = resume_ranges({1: (40, 90), 0: (12, 50), 2: (70, 70)}, earliest={0: 20, 1: 0, 2: 0})
    assert plan == [PartitionRange(0, 20, 50), PartitionRange(1, 40, 90), PartitionRange(2, 70, 70)]
    assert [r.size for r in plan] == [30, 50, 0]
