"""Keeping the Kafka client's own log lines to the ones an operator can act on.

- While a command checks its topics at start, the client's lines about each retried bootstrap
  would bury the one line that says what is wrong; they are shown only at log level DEBUG.
- kafka-python logs "Topic ... not found in cluster metadata" on every metadata refresh for as long
  as a topic is missing (several lines a second); each such line is let through once a minute per
  topic and problem.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
from collections.abc import Callable, Iterator

CLIENT_LOGGER = "kafka"
CLIENT_METADATA_LOGGER = "kafka.cluster"
REPEAT_INTERVAL_SECONDS = 60.0


@contextlib.contextmanager
def client_logs_quiet() -> Iterator[None]:
    """Silence the client's loggers for the length of the block, unless DEBUG is wanted."""
    client = logging.getLogger(CLIENT_LOGGER)
    if client.isEnabledFor(logging.DEBUG):
        yield
        return
    previous = client.level
    client.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        client.setLevel(previous)


class RepeatedMetadataErrors(logging.Filter):
    """Lets a metadata error about one topic through once per interval (by its message and topic)."""

    def __init__(
        self, interval_seconds: float = REPEAT_INTERVAL_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self._interval = interval_seconds
        self._clock = clock
        self._last: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or not isinstance(record.args, tuple) or not record.args:
            return True
        key = (str(record.msg), str(record.args[0]))
        now = self._clock()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self._interval:
                return False
            self._last[key] = now
        return True


@functools.cache
def quiet_repeated_metadata_errors() -> RepeatedMetadataErrors:
    """Install the filter on the client's metadata logger, once per process."""
    repeated = RepeatedMetadataErrors()
    logging.getLogger(CLIENT_METADATA_LOGGER).addFilter(repeated)
    return repeated
