"""Logging for every claimwire command: structlog, JSON lines in containers, readable on a terminal.

`configure_logging(level, fmt)` is called once by a command. `fmt` is "json", "console" or "auto"
(JSON unless stderr is a terminal). Context is bound per message with
`logger.bind(**record_context(...))`, so every line about a record names its topic, partition,
offset and item id. Log lines of the Kafka client (stdlib `logging`) are rendered the same way.

A JSON line names its event twice: `event` is structlog's stable name that tests, the demo and log
queries match on, and `message` carries the same text under the key that log collectors (Loki's and
Elastic's JSON parsers, Google Cloud Logging, Datadog) show as the line. It also names the `service`
(`OTEL_SERVICE_NAME`, the OpenTelemetry variable, else "claimwire").

Without an explicit stream, lines go to whatever `sys.stderr` is when they are written, not the one
at configure time: a test runner (or anything else) may swap and close stderr after a command ran.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any, TextIO

import structlog
from structlog.typing import EventDict, FilteringBoundLogger, Processor

LOG_FORMAT_ENV = "CLAIMWIRE_LOG_FORMAT"
SERVICE_NAME_ENV = "OTEL_SERVICE_NAME"
DEFAULT_SERVICE_NAME = "claimwire"

# The Kafka client logs connection churn at INFO; only its warnings are worth an operator's line.
CLIENT_LOGGERS = ("kafka",)
# kafka-python's IO loop warns when one of its steps took over 100 ms. In the worker that is the
# thread waiting for the interpreter lock while extraction runs in the same process: expected, not
# actionable, and up to a hundred lines a minute, so those lines are shown at DEBUG only.
CLIENT_IO_LOGGER = "kafka.net.selector"
SLOW_IO_STEP_TEXT = "blocking the event loop"


def resolve_format(fmt: str | None, stream: TextIO) -> str:
    """An explicit choice, else CLAIMWIRE_LOG_FORMAT, else JSON unless `stream` is a terminal."""
    choice = (fmt or os.environ.get(LOG_FORMAT_ENV) or "auto").lower()
    if choice in {"json", "console"}:
        return choice
    if choice != "auto":
        raise ValueError(f"log format must be json, console or auto, not {choice!r}")
    return "console" if stream.isatty() else "json"


class StderrLogger:
    """A structlog logger that writes each rendered line to the current `sys.stderr`."""

    __slots__ = ()

    def msg(self, message: str) -> None:
        stream = sys.stderr
        stream.write(message + "\n")
        stream.flush()

    log = debug = info = warn = warning = msg
    err = error = critical = fatal = exception = failure = msg


def stderr_logger_factory(*_args: Any) -> StderrLogger:
    return StderrLogger()


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A stdlib handler that looks `sys.stderr` up for every record it emits."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


class SlowClientStepFilter(logging.Filter):
    """Demotes the client's slow-step warnings to DEBUG (dropped unless the root logs DEBUG)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.DEBUG and SLOW_IO_STEP_TEXT in record.getMessage():
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            return logging.getLogger().isEnabledFor(logging.DEBUG)
        return True


def service_name() -> str:
    return os.environ.get(SERVICE_NAME_ENV, "").strip() or DEFAULT_SERVICE_NAME


def collector_fields(service: str) -> Processor:
    """Adds `message` (a copy of `event`) and `service` to a JSON line, for log collectors."""

    def add(_logger: Any, _method: str, event_dict: EventDict) -> EventDict:
        event_dict.setdefault("message", event_dict.get("event"))
        event_dict.setdefault("service", service)
        return event_dict

    return add


def configure_logging(level: str = "INFO", fmt: str | None = None, *, stream: TextIO | None = None) -> str:
    """Configure structlog and stdlib logging; return the format chosen ("json" or "console")."""
    out = stream if stream is not None else sys.stderr
    chosen = resolve_format(fmt, out)
    numeric_level = logging.getLevelNamesMapping()[level.upper()]
    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: Processor
    if chosen == "json":
        shared.append(structlog.processors.dict_tracebacks)
        shared.append(collector_fields(service_name()))
        renderer = structlog.processors.JSONRenderer()
    else:
        renderer = structlog.dev.ConsoleRenderer(colors=out.isatty())
    structlog.configure(
        processors=[*shared, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(numeric_level),
        logger_factory=structlog.PrintLoggerFactory(stream) if stream is not None else stderr_logger_factory,
        cache_logger_on_first_use=False,
    )

    handler = logging.StreamHandler(stream) if stream is not None else StderrHandler()
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[structlog.stdlib.add_logger_name, *shared],
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(numeric_level)
    for name in CLIENT_LOGGERS:
        logging.getLogger(name).setLevel(max(numeric_level, logging.WARNING))
    io_logger = logging.getLogger(CLIENT_IO_LOGGER)
    if not any(isinstance(existing, SlowClientStepFilter) for existing in io_logger.filters):
        io_logger.addFilter(SlowClientStepFilter())
    return chosen


def get_logger(name: str, **context: Any) -> FilteringBoundLogger:
    """A structlog logger carrying `component=name` and any extra context."""
    logger: FilteringBoundLogger = structlog.get_logger().bind(component=name, **context)
    return logger


def record_context(topic: str, partition: int, offset: int, item_id: str | None = None) -> dict[str, Any]:
    """The context every log line about one input record carries."""
    context: dict[str, Any] = {"topic": topic, "partition": partition, "offset": offset}
    if item_id is not None:
        context["item_id"] = item_id
    return context
