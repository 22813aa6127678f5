"""The Kafka client's log lines: a missing topic's metadata error once a minute, not once a poll;
the start-up check's retries silent unless DEBUG is wanted."""

from __future__ import annotations

import logging

import pytest

from worker.kafka.clientlogs import RepeatedMetadataErrors, client_logs_quiet

NOT_FOUND = "Topic %s not found in cluster metadata"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def record(message: str, *args: object, level: int = logging.ERROR) -> logging.LogRecord:
    return logging.LogRecord("kafka.cluster", level, __file__, 1, message, args, None)


def test_a_repeated_metadata_error_passes_once_per_interval() -> None:
    clock = Clock()
    repeated = RepeatedMetadataErrors(interval_seconds=60, clock=clock)
    assert repeated.filter(record(NOT_FOUND, "wire.raw"))
    clock.now = 0.5
    assert not repeated.filter(record(NOT_FOUND, "wire.raw"))
    clock.now = 59
    assert not repeated.filter(record(NOT_FOUND, "wire.raw"))
    clock.now = 61
    assert repeated.filter(record(NOT_FOUND, "wire.raw"))


def test_other_topics_and_other_problems_are_not_held_back() -> None:
    repeated = RepeatedMetadataErrors(interval_seconds=60, clock=Clock())
    assert repeated.filter(record(NOT_FOUND, "wire.raw"))
    assert repeated.filter(record(NOT_FOUND, "claims.extracted"))
    assert repeated.filter(record("Topic %s is not authorized for this client", "wire.raw"))
    # Below WARNING nothing is counted or dropped.
    assert repeated.filter(record(NOT_FOUND, "wire.raw", level=logging.DEBUG))


def test_the_client_is_silent_during_the_start_up_check_and_restored_after(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = logging.getLogger("kafka.net.manager")
    with caplog.at_level(logging.WARNING, logger="kafka"):
        with client_logs_quiet():
            client.error("Bootstrap failed")
        client.error("after the check")
        assert logging.getLogger("kafka").level == logging.WARNING
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("kafka")]
    assert messages == ["after the check"]


def test_at_debug_the_client_is_not_silenced(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="kafka"), client_logs_quiet():
        logging.getLogger("kafka.net.manager").error("Bootstrap failed")
    assert [r.getMessage() for r in caplog.records] == ["Bootstrap failed"]
