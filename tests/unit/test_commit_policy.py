"""The offset commit rule: committable only behind a fully acknowledged prefix, never backwards."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worker.kafka.commit import OffsetOrderError, OffsetTracker

P0 = ("wire.raw", 0)
P1 = ("wire.raw", 1)


def tracker_with(*partitions: tuple[str, int]) -> OffsetTracker:
    tracker = OffsetTracker()
    tracker.assign(partitions)
    return tracker


def test_nothing_is_committable_before_anything_is_consumed() -> None:
    assert tracker_with(P0).committable() == {}


def test_a_record_with_no_messages_is_done_at_once() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 5, 0)
    assert tracker.committable() == {P0: 6}


def test_a_record_is_committable_only_after_all_its_messages_are_acknowledged() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 0, 3)
    tracker.ack(P0, 0)
    tracker.ack(P0, 0)
    assert tracker.committable() == {}
    tracker.ack(P0, 0)
    assert tracker.committable() == {P0: 1}


def test_a_later_acknowledgement_waits_for_an_earlier_pending_record() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 0, 1)
    tracker.register(P0, 1, 1)
    tracker.register(P0, 2, 1)
    tracker.ack(P0, 2)
    tracker.ack(P0, 1)
    assert tracker.committable() == {}
    tracker.ack(P0, 0)
    assert tracker.committable() == {P0: 3}


def test_partial_prefix_is_committable() -> None:
    tracker = tracker_with(P0)
    for offset in range(4):
        tracker.register(P0, offset, 1)
    tracker.ack(P0, 0)
    tracker.ack(P0, 1)
    tracker.ack(P0, 3)
    assert tracker.committable() == {P0: 2}


def test_gaps_in_offsets_commit_one_past_the_last_done_record() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 10, 0)
    tracker.register(P0, 14, 1)  # offsets 11..13 were compacted away or are transaction markers
    assert tracker.committable() == {P0: 11}
    tracker.ack(P0, 14)
    assert tracker.committable() == {P0: 15}


def test_partitions_are_independent() -> None:
    tracker = tracker_with(P0, P1)
    tracker.register(P0, 0, 1)
    tracker.register(P1, 0, 1)
    tracker.ack(P1, 0)
    assert tracker.committable() == {P1: 1}


def test_committed_positions_are_not_offered_again() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 0, 0)
    tracker.mark_committed(tracker.committable())
    assert tracker.committable() == {}
    tracker.register(P0, 1, 0)
    assert tracker.committable() == {P0: 2}


def test_never_backwards_after_a_higher_commit() -> None:
    tracker = tracker_with(P0)
    tracker.mark_committed({P0: 100})
    tracker.register(P0, 50, 0)
    assert tracker.committable() == {}
    tracker.mark_committed({P0: 51})
    tracker.register(P0, 100, 0)
    assert tracker.committable() == {P0: 101}


def test_mark_committed_ignores_a_lower_position() -> None:
    tracker = tracker_with(P0)
    tracker.mark_committed({P0: 10})
    tracker.mark_committed({P0: 4})
    tracker.register(P0, 7, 0)
    assert tracker.committable() == {}


def test_offsets_must_increase_within_a_partition() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 3, 0)
    with pytest.raises(OffsetOrderError):
        tracker.register(P0, 3, 0)
    with pytest.raises(OffsetOrderError):
        tracker.register(P0, 2, 0)


def test_registering_on_an_unassigned_partition_is_refused() -> None:
    with pytest.raises(KeyError):
        tracker_with(P0).register(P1, 0, 0)


def test_more_acknowledgements_than_messages_is_an_error() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 0, 2)
    tracker.register(P0, 1, 1)
    tracker.ack(P0, 1)
    with pytest.raises(ValueError, match="more acknowledgements"):
        tracker.ack(P0, 1)


def test_a_failed_produce_blocks_its_partition_for_good() -> None:
    tracker = tracker_with(P0, P1)
    tracker.register(P0, 0, 1)
    tracker.register(P0, 1, 2)
    tracker.register(P0, 2, 0)
    tracker.register(P1, 0, 0)
    tracker.ack(P0, 0)
    tracker.ack(P0, 1)
    tracker.fail(P0, 1)
    assert tracker.committable() == {P0: 1, P1: 1}
    assert tracker.failed() == {P0: 1}
    tracker.register(P0, 3, 0)
    assert tracker.committable()[P0] == 1


def test_the_earliest_failure_wins() -> None:
    tracker = tracker_with(P0)
    for offset in range(3):
        tracker.register(P0, offset, 1)
    tracker.fail(P0, 2)
    tracker.fail(P0, 1)
    tracker.ack(P0, 0)
    assert tracker.failed() == {P0: 1}
    assert tracker.committable() == {P0: 1}


def test_revocation_hands_out_the_final_position_and_forgets_the_partition() -> None:
    tracker = tracker_with(P0, P1)
    tracker.register(P0, 0, 1)
    tracker.register(P0, 1, 1)
    tracker.ack(P0, 0)
    tracker.register(P1, 0, 0)
    assert tracker.revoke([P0]) == {P0: 1}
    assert not tracker.is_assigned(P0)
    tracker.ack(P0, 1)  # late acknowledgement of a revoked partition: ignored
    assert tracker.committable() == {P1: 1}
    assert tracker.assigned() == [P1]


def test_revocation_offers_nothing_already_committed() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 0, 0)
    tracker.mark_committed({P0: 1})
    assert tracker.revoke([P0]) == {}


def test_revoking_an_unknown_partition_is_harmless() -> None:
    assert tracker_with(P0).revoke([P1]) == {}


def test_reassignment_starts_fresh() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 8, 0)
    tracker.revoke([P0])
    tracker.assign([P0])
    tracker.register(P0, 3, 0)  # the new assignment restarts from the group's committed offset
    assert tracker.committable() == {P0: 4}


def test_assign_keeps_the_state_of_a_partition_already_tracked() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 0, 1)
    tracker.assign([P0, P1])
    tracker.ack(P0, 0)
    assert tracker.committable() == {P0: 1}


def test_in_flight_counts_records_with_unacknowledged_messages() -> None:
    tracker = tracker_with(P0)
    tracker.register(P0, 0, 2)
    tracker.register(P0, 1, 0)
    tracker.register(P0, 2, 1)
    assert tracker.in_flight() == 2
    assert tracker.pending_records() == 3
    tracker.ack(P0, 2)
    assert tracker.in_flight() == 1
    tracker.ack(P0, 0)
    tracker.ack(P0, 0)
    assert tracker.in_flight() == 0
    assert tracker.pending_records() == 0


@given(
    messages=st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=40),
    rng=st.randoms(use_true_random=False),
    commit_every=st.integers(min_value=1, max_value=7),
)
def test_any_ack_order_commits_only_fully_acknowledged_prefixes_and_never_backwards(
    messages: list[int], rng: random.Random, commit_every: int
) -> None:
    tracker = tracker_with(P0)
    acks = [offset for offset, count in enumerate(messages) for _ in range(count)]
    for offset, count in enumerate(messages):
        tracker.register(P0, offset, count)
    rng.shuffle(acks)
    remaining = list(messages)
    last = 0
    for step, offset in enumerate(acks):
        tracker.ack(P0, offset)
        remaining[offset] -= 1
        if step % commit_every == 0:
            position = tracker.committable().get(P0)
            if position is not None:
                assert position > last
                assert all(count == 0 for count in remaining[:position])
                tracker.mark_committed({P0: position})
                last = position
    final = tracker.committable().get(P0, last)
    assert final == len(messages)
