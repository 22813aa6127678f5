"""`claimwire worker`: consume wire items from Kafka and publish claim events (and dead letters).

Settings come from CLAIMWIRE_* variables (docs/configuration.md); the options below override them.
Exit codes (`worker.exitcodes`): 0 clean shutdown, 1 stopped on a delivery or commit failure,
2 invalid settings, a missing topic, the metrics port in use or (with
CLAIMWIRE_SCHEMA_REGISTRY_WIRE_FORMAT) a claim schema not registered, 3 broker or schema registry
unreachable (the broker for longer than --broker-unreachable-seconds), 4 SASL credentials refused,
5 extraction children broke on CLAIMWIRE_EXTRACT_MAX_CONSECUTIVE_BREAKS records in a row.

The stop signals are routed first, before the Kafka client and the extractor are imported (about a
second): a SIGTERM at any point after that ends the worker cleanly with exit 0.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from worker.exitcodes import ExitCode
from worker.runtime.signals import StopRequest, install_stop_signals, stop_request

# Extraction is CPU-bound on the main thread while the Kafka client's IO threads need only short
# slices; the default 5 ms switch interval makes them preempt it hundreds of times a second, and on a
# busy node each preemption waits for a CPU. 50 ms measured ~20-30 % more items/s (bench_worker.py)
# and still answers heartbeats, acknowledgements and probes well within their timeouts.
GIL_SWITCH_INTERVAL_SECONDS = 0.05

# option -> settings field; every option defaults to None so the environment decides unless given
OPTIONS: dict[str, tuple[str, type, str]] = {
    "--bootstrap-servers": ("bootstrap_servers", str, "host:port[,host:port...]"),
    "--input-topic": ("input_topic", str, "topic of raw wire items"),
    "--output-topic": ("output_topic", str, "topic of claim events"),
    "--dlq-topic": ("dlq_topic", str, "dead-letter topic for items that cannot be processed"),
    "--group-id": ("group_id", str, "consumer group"),
    "--http-port": ("http_port", int, "port of /metrics, /healthz, /readyz (0 = ephemeral)"),
    "--grace-period": ("shutdown_grace_seconds", float, "seconds to drain and commit on SIGTERM"),
    "--broker-unreachable-seconds": ("broker_unreachable_seconds", float, "exit 3 after this long"),
    "--max-in-flight": ("max_in_flight", int, "records consumed but not yet acknowledged"),
    "--extract-processes": (
        "extract_processes",
        str,
        "child processes that extract: a number (0 = in process) or auto (one per CPU beyond the first)",
    ),
    "--log-level": ("log_level", str, "DEBUG, INFO, WARNING or ERROR"),
    "--log-format": ("log_format", str, "json, console or auto"),
}


def configure(parser: argparse.ArgumentParser) -> None:
    for flag, (field, kind, help_text) in OPTIONS.items():
        parser.add_argument(flag, dest=field, type=kind, default=None, help=help_text)
    parser.add_argument(
        "--exactly-once",
        dest="exactly_once",
        action="store_const",
        const=True,
        default=None,
        help="publish claims and commit offsets in Kafka transactions",
    )


def run(args: argparse.Namespace) -> int:
    stop = stop_request()
    install_stop_signals(stop)
    return _run(args, stop)


def _run(args: argparse.Namespace, stop: StopRequest) -> int:
    # Imported only now, with the stop signals routed: loading these takes about a second.
    from pydantic import ValidationError  # noqa: PLC0415

    from worker import __version__  # noqa: PLC0415
    from worker.kafka.admin import require_topics  # noqa: PLC0415
    from worker.kafka.errors import BrokerUnreachableError  # noqa: PLC0415
    from worker.registry import (  # noqa: PLC0415
        RegistryError,
        SchemaNotRegisteredError,
        SchemaRegistrySettings,
        claim_value_prefix,
        value_subject,
    )
    from worker.runtime.clients import kafka_clients  # noqa: PLC0415
    from worker.runtime.logging import configure_logging, get_logger  # noqa: PLC0415
    from worker.runtime.loop import Worker  # noqa: PLC0415
    from worker.runtime.metrics import WorkerMetrics  # noqa: PLC0415
    from worker.runtime.probes import LoopHealth, ProbeServer  # noqa: PLC0415
    from worker.settings import SettingsError, WorkerSettings, load_settings  # noqa: PLC0415

    overrides: dict[str, Any] = {field: getattr(args, field) for field, _, _ in OPTIONS.values()}
    overrides["exactly_once"] = args.exactly_once
    try:
        settings = load_settings(WorkerSettings, overrides)
    except SettingsError as exc:
        print(f"claimwire worker: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    configure_logging(settings.log_level, settings.log_format)
    log = get_logger("worker")
    # JSON mode renders SecretStr fields as '**********'.
    log.info("settings", version=__version__, **settings.model_dump(mode="json"))
    try:
        value_prefix = claim_value_prefix(SchemaRegistrySettings(), settings.output_topic)
    except (ValidationError, SchemaNotRegisteredError) as exc:
        print(f"claimwire worker: CLAIMWIRE_SCHEMA_REGISTRY_*: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    except RegistryError as exc:
        print(f"claimwire worker: {exc}", file=sys.stderr)
        return ExitCode.BROKER_UNREACHABLE
    if value_prefix:
        subject = value_subject(settings.output_topic)
        log.info("registry_wire_format", subject=subject, prefix=value_prefix.hex())

    sys.setswitchinterval(GIL_SWITCH_INTERVAL_SECONDS)
    if stop.is_set():
        log.info("signal_received", signal=stop.reason)
    install_stop_signals(stop, on_signal=lambda name: log.info("signal_received", signal=name))
    metrics = WorkerMetrics()
    health = LoopHealth(max_poll_age_seconds=settings.healthz_max_poll_age_seconds)
    server = ProbeServer(settings.http_host, settings.http_port, metrics, health)
    server.start()
    log.info("http_listening", host=settings.http_host, port=server.port)
    try:
        # A missing topic or refused credentials stop the start with one line (worker.cli), not a
        # wait for the broker that ends in "unreachable".
        try:
            require_topics(
                settings.connection(),
                [settings.input_topic, settings.output_topic, settings.dlq_topic],
                timeout_s=settings.broker_unreachable_seconds,
            )
        except BrokerUnreachableError as exc:
            log.error("worker_start_failed", error=str(exc))
            return ExitCode.BROKER_UNREACHABLE
        worker = Worker(
            settings,
            metrics=metrics,
            health=health,
            stop=stop,
            clients=kafka_clients(),
            value_prefix=value_prefix,
        )
        return worker.run()
    finally:
        server.stop()
