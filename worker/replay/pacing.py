"""A token bucket that paces a replay to N items a second, so a backfill cannot starve the live cluster.

The clock and the sleep are injected so tests drive time by hand instead of waiting for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class TokenBucket:
    """Allows `rate` items a second on average, with bursts of at most `burst` items."""

    __slots__ = ("_burst", "_clock", "_rate", "_sleep", "_tokens", "_updated")

    def __init__(
        self,
        rate: float,
        *,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        self._rate = rate
        # One second's worth by default: smooth enough for a broker, coarse enough to cost nothing.
        self._burst = max(1.0, rate if burst is None else burst)
        self._clock = clock
        self._sleep = sleep
        self._tokens = self._burst
        self._updated = clock()

    def acquire(self, count: float = 1.0) -> float:
        """Take `count` tokens, sleeping until they are earned; returns the seconds slept.

        The bucket may go into debt: the sleep pays it off, and the next call's refill accounts for
        the time that passed. One sleep per call, never a loop, so float rounding cannot spin.
        """
        self._refill()
        self._tokens -= count
        if self._tokens >= 0:
            return 0.0
        wait = -self._tokens / self._rate
        self._sleep(wait)
        return wait

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._rate)
        self._updated = now
