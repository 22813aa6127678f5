"""Logging: JSON lines off a terminal, console on one, context bound per record, secrets masked."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
import structlog
from structlog.testing import capture_logs

from worker.runtime.logging import configure_logging, get_logger, record_context, resolve_format


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def reset_structlog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("CLAIMWIRE_LOG_FORMAT", raising=False)
    yield
    structlog.reset_defaults()
    logging.getLogger().handlers.clear()


def test_auto_format_is_json_off_a_terminal_and_console_on_one() -> None:
    assert resolve_format("auto", io.StringIO()) == "json"
    assert resolve_format(None, FakeTty()) == "console"


def test_the_environment_chooses_when_no_format_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWIRE_LOG_FORMAT", "json")
    assert resolve_format(None, FakeTty()) == "json"
    assert resolve_format("console", io.StringIO()) == "console"


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="log format"):
        resolve_format("xml", io.StringIO())


def test_json_lines_carry_level_timestamp_and_bound_context() -> None:
    out = io.StringIO()
    assert configure_logging("INFO", "json", stream=out) == "json"
    log = get_logger("worker").bind(**record_context("wire.raw", 3, 42, "item-9"))
    log.info("item_processed", claims=2)
    log.debug("hidden_below_level")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 1
    line = lines[0]
    assert line["event"] == "item_processed"
    assert line["level"] == "info"
    assert line["component"] == "worker"
    assert (line["topic"], line["partition"], line["offset"], line["item_id"]) == (
        "wire.raw",
        3,
        42,
        "item-9",
    )
    assert line["claims"] == 2
    assert line["timestamp"].endswith("Z")


def test_console_output_is_readable_text() -> None:
    out = io.StringIO()
    configure_logging("DEBUG", "console", stream=out)
    get_logger("worker").info("partitions_assigned", partitions=["wire.raw[0]"])
    text = out.getvalue()
    assert "partitions_assigned" in text
    assert "wire.raw[0]" in text
    assert not text.lstrip().startswith("{")


def test_stdlib_logs_of_the_kafka_client_come_out_as_json_from_warning_up() -> None:
    out = io.StringIO()
    configure_logging("INFO", "json", stream=out)
    logging.getLogger("kafka.conn").info("connection churn")
    logging.getLogger("kafka.conn").warning("broker %s down", "b1")
    [line] = [json.loads(text) for text in out.getvalue().splitlines()]
    assert line["event"] == "broker b1 down"
    assert line["logger"] == "kafka.conn"
    assert line["level"] == "warning"


SLOW_STEP = "Task %r ran for %.3fs (>0.100s threshold). It is blocking the event loop -- likely a tight loop."


def test_the_clients_slow_io_step_warnings_are_debug_lines() -> None:
    out = io.StringIO()
    configure_logging("INFO", "json", stream=out)
    selector = logging.getLogger("kafka.net.selector")
    selector.warning(SLOW_STEP, "<Task fetch>", 0.31)
    selector.warning("socket %s closed", "b1")
    assert [json.loads(text)["event"] for text in out.getvalue().splitlines()] == ["socket b1 closed"]

    out = io.StringIO()
    configure_logging("DEBUG", "json", stream=out)
    selector.warning(SLOW_STEP, "<Task fetch>", 0.31)
    [line] = [json.loads(text) for text in out.getvalue().splitlines()]
    assert line["level"] == "debug"
    assert "0.310s" in line["event"]


def test_record_context_leaves_out_an_unknown_item_id() -> None:
    assert record_context("t", 0, 5) == {"topic": "t", "partition": 0, "offset": 5}


def test_captured_events_keep_their_structured_fields() -> None:
    with capture_logs() as captured:
        get_logger("worker", group_id="g").warning("item_dead_lettered", reason="invalid_json")
    assert captured == [
        {
            "component": "worker",
            "group_id": "g",
            "reason": "invalid_json",
            "event": "item_dead_lettered",
            "log_level": "warning",
        }
    ]


def test_without_a_stream_lines_go_to_the_stderr_of_the_moment_even_after_the_first_is_closed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stderr", first)
    configure_logging("INFO", "json")
    log = get_logger("worker")
    log.info("before_swap")
    # A test runner swaps stderr per test and closes the old one; a logger bound earlier must follow.
    monkeypatch.setattr("sys.stderr", second)
    first.close()
    log.info("after_swap")
    logging.getLogger("kafka.conn").warning("broker down")
    lines = [json.loads(text) for text in second.getvalue().splitlines()]
    assert [line["event"] for line in lines] == ["after_swap", "broker down"]


def test_json_lines_carry_message_and_service_for_log_collectors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_SERVICE_NAME", "claimwire-tracker")
    out = io.StringIO()
    configure_logging("INFO", "json", stream=out)
    get_logger("tracker").info("series_restored", series=4)
    logging.getLogger("kafka.conn").warning("connection to %s lost", "broker-1")
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert (first["event"], first["message"], first["service"]) == (
        "series_restored",
        "series_restored",
        "claimwire-tracker",
    )
    assert (second["message"], second["service"]) == ("connection to broker-1 lost", "claimwire-tracker")


def test_the_service_defaults_to_claimwire_and_console_lines_stay_plain(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OTEL_SERVICE_NAME", raising=False)
    out = io.StringIO()
    configure_logging("INFO", "json", stream=out)
    get_logger("worker").info("started")
    assert json.loads(out.getvalue())["service"] == "claimwire"
    console = io.StringIO()
    configure_logging("INFO", "console", stream=console)
    get_logger("worker").info("started")
    assert "service" not in console.getvalue()
