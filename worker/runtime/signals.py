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


# Set by `claimwire`'s entry point for the long-running commands before it does anything slow
# (checking the environment loads the settings classes): a SIGTERM that arrives while the command is
# still loading is then a stop request, not the end of the process.
_early_stop: StopRequest | None = None


def route_stop_signals_early() -> StopRequest:
    """Route SIGTERM and SIGINT to a StopRequest that `stop_request()` hands to the command later."""
    global _early_stop  # noqa: PLW0603  (one per process, set once by the entry point)
    _early_stop = StopRequest()
    install_stop_signals(_early_stop)
    return _early_stop


def stop_request() -> StopRequest:
    """The StopRequest the entry point routed the signals to, or a new one."""
    return _early_stop if _early_stop is not None else StopRequest()
