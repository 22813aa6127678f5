"""SIGTERM and SIGINT ask the worker to stop: the loop finishes its batch, flushes, commits and leaves."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType


class StopRequest:
    """A flag the poll loop checks; set by a signal, a test or a fatal condition."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.reason: str | None = None

    def set(self, reason: str) -> None:
        if not self._event.is_set():
            self.reason = reason
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        return self._event.wait(timeout)


def install_stop_signals(stop: StopRequest, on_signal: Callable[[str], None] | None = None) -> None:
    """Route SIGTERM and SIGINT to `stop`; must be called from the main thread."""

    def handle(signum: int, _frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        stop.set(name)
        if on_signal is not None:
            on_signal(name)

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)
