"""The token bucket, driven by a hand-moved clock: no real sleeping, no timing assertions."""

from __future__ import annotations

import pytest

from worker.replay.pacing import TokenBucket


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_a_full_bucket_lets_a_burst_through_without_sleeping() -> None:
    time = FakeTime()
    bucket = TokenBucket(10, clock=time.clock, sleep=time.sleep)
    assert sum(bucket.acquire() for _ in range(10)) == 0
    assert time.sleeps == []


def test_past_the_burst_items_are_spaced_at_the_rate() -> None:
    time = FakeTime()
    bucket = TokenBucket(10, burst=1, clock=time.clock, sleep=time.sleep)
    for _ in range(21):
        bucket.acquire()
    assert time.now == pytest.approx(2.0)
    assert all(step == pytest.approx(0.1) for step in time.sleeps)


def test_long_run_average_is_the_rate_whatever_the_burst() -> None:
    time = FakeTime()
    bucket = TokenBucket(50, burst=20, clock=time.clock, sleep=time.sleep)
    for _ in range(520):
        bucket.acquire()
    # 20 come from the initial burst, the other 500 at 50 a second.
    assert time.now == pytest.approx(10.0)


def test_idle_time_refills_only_up_to_the_burst() -> None:
    time = FakeTime()
    bucket = TokenBucket(5, burst=5, clock=time.clock, sleep=time.sleep)
    for _ in range(5):
        bucket.acquire()
    time.now += 60.0
    for _ in range(5):
        bucket.acquire()
    assert time.sleeps == []
    assert bucket.acquire() == pytest.approx(0.2)


def test_a_request_larger_than_the_bucket_still_completes() -> None:
    time = FakeTime()
    bucket = TokenBucket(2, burst=2, clock=time.clock, sleep=time.sleep)
    bucket.acquire(2)
    assert bucket.acquire(6) == pytest.approx(3.0)
    assert bucket.acquire() == pytest.approx(0.5)


def test_a_non_positive_rate_is_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        TokenBucket(0)
