"""`claimwire track`: follow each figure per source over time, from claim events to tracked events.

Reads `claims.extracted` in its own group, keeps one state per series (restored from a compacted
changelog topic on start and on every assignment) and publishes series_opened, value_updated,
value_restated, value_revised_down, occurrence_recorded and sources_conflict events to `claims.tracked`
(docs/tracking.md). Settings come from CLAIMWIRE_* (connection) and CLAIMWIRE_TRACKER_* variables;
the options below override them. Exit codes: 0 clean shutdown, 1 stopped on a transaction or
changelog failure, 2 invalid settings, 3 broker unreachable.
"""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from worker import __version__
from worker.commands.series_explorer import load_explorer_settings, tracker_explorer
from worker.exitcodes import ExitCode
from worker.explore.feed import ExplorerTopics
from worker.kafka.changelog import TrackerKafka
from worker.kafka.errors import BrokerUnreachableError, KafkaAdapterError
from worker.runtime.logging import configure_logging, get_logger
from worker.runtime.metrics import add_process_metrics
from worker.runtime.probes import LoopHealth, ProbeServer
from worker.runtime.signals import StopRequest, install_stop_signals
from worker.runtime.tracker import Tracker
from worker.settings import KafkaConnectionSettings, SettingsError, load_settings
from worker.track.files import track_lines
from worker.track.metrics import TrackerMetrics
from worker.track.settings import TRACKER_ENV_PREFIX, TrackerSettings

CLOSE_TIMEOUT_SECONDS = 10.0

# option -> settings field; every option defaults to None so the environment decides unless given
TRACKER_OPTIONS: dict[str, tuple[str, type, str]] = {
    "--input-topic": ("input_topic", str, "topic of claim events (default claims.extracted)"),
    "--output-topic": ("output_topic", str, "topic of tracked events (default claims.tracked)"),
    "--changelog-topic": (
        "changelog_topic",
        str,
        "compacted state topic (default claimwire.tracker.changelog)",
    ),
    "--group-id": ("group_id", str, "consumer group (default claimwire-tracker)"),
    "--transactional-id": ("transactional_id", str, "stable per instance (default <group>-<hostname>)"),
    "--http-port": ("http_port", int, "port of /metrics, /healthz, /readyz (0 = ephemeral)"),
    "--log-level": ("log_level", str, "DEBUG, INFO, WARNING or ERROR"),
    "--log-format": ("log_format", str, "json, console or auto"),
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bootstrap-servers", default=None, help="host:port[,host:port...]")
    parser.add_argument(
        "--input-file",
        default=None,
        help="track claim events from this JSON Lines file instead of a topic (no broker)",
    )
    parser.add_argument(
        "--output-file", default=None, help="with --input-file: write tracked events here ('-' = stdout)"
    )
    for flag, (field, kind, help_text) in TRACKER_OPTIONS.items():
        parser.add_argument(flag, dest=field, type=kind, default=None, help=help_text)


def load_tracker_settings(overrides: dict[str, Any]) -> TrackerSettings:
    """Tracker settings from CLAIMWIRE_TRACKER_* plus non-None overrides; SettingsError, readably."""
    given = {key: value for key, value in overrides.items() if value is not None}
    try:
        return TrackerSettings(**given)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"]).upper()
            lines.append(f"{TRACKER_ENV_PREFIX}{where or 'SETTINGS'}: {error['msg']}")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines)) from None


def run(args: argparse.Namespace) -> int:
    if args.input_file is not None or args.output_file is not None:
        return run_files(args)
    try:
        connection = load_settings(KafkaConnectionSettings, {"bootstrap_servers": args.bootstrap_servers})
        settings = load_tracker_settings(
            {field: getattr(args, field) for field, _, _ in TRACKER_OPTIONS.values()}
        )
        explorer_settings = load_explorer_settings()
    except SettingsError as exc:
        print(f"claimwire track: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    configure_logging(settings.log_level, settings.log_format)
    log = get_logger("tracker")
    transactional_id = settings.transactional_id or f"{settings.group_id}-{socket.gethostname()}"
    log.info(
        "settings",
        version=__version__,
        **connection.model_dump(mode="json"),
        **settings.model_dump(mode="json", exclude={"transactional_id"}),
        transactional_id=transactional_id,
    )

    stop = StopRequest()
    install_stop_signals(stop, on_signal=lambda name: log.info("signal_received", signal=name))
    metrics = TrackerMetrics()
    add_process_metrics(metrics.registry)
    health = LoopHealth(max_poll_age_seconds=settings.healthz_max_poll_age_seconds)
    # The series explorer (/series) follows the same three topics; docs/series-explorer.md.
    explorer_topics = ExplorerTopics(settings.input_topic, settings.output_topic, settings.changelog_topic)
    explorer = tracker_explorer(connection, explorer_topics, explorer_settings)
    server = ProbeServer(settings.http_host, settings.http_port, metrics, health, routes=explorer.routes)
    server.start()
    log.info("http_listening", host=settings.http_host, port=server.port)
    client: TrackerKafka | None = None
    try:
        client = TrackerKafka(
            connection,
            input_topic=settings.input_topic,
            output_topic=settings.output_topic,
            changelog_topic=settings.changelog_topic,
            group_id=settings.group_id,
            transactional_id=transactional_id,
            auto_offset_reset=settings.auto_offset_reset,
            max_poll_records=settings.max_poll_records,
            transaction_timeout_seconds=settings.transaction_timeout_seconds,
        )
        partitions = client.ensure_changelog()
        explorer.start()
        log.info("tracker_started", partitions=partitions, transactional_id=transactional_id)
        tracker = Tracker(
            client,
            metrics=metrics,
            health=health,
            stop=stop,
            max_poll_records=settings.max_poll_records,
            restore_timeout_seconds=settings.restore_timeout_seconds,
            reorder_window_seconds=settings.reorder_window_seconds,
            reorder_max_hold_seconds=settings.reorder_max_hold_seconds,
        )
        return tracker.run()
    except BrokerUnreachableError as exc:
        log.error("tracker_start_failed", error=str(exc))
        return ExitCode.BROKER_UNREACHABLE
    except KafkaAdapterError as exc:
        log.error("tracker_start_failed", error=str(exc))
        return ExitCode.FAILED
    finally:
        if client is not None:
            client.close(CLOSE_TIMEOUT_SECONDS)
        server.stop()
        explorer.stop()


def run_files(args: argparse.Namespace) -> int:
    """`--input-file` / `--output-file`: the tracker's rules on a file of claim events, without a broker.

    The whole file is one burst: its claims are released in publication order at its end, as the
    streaming tracker releases a partition's claims when it goes quiet. Lines that are not valid
    claim events are reported on stderr with their line number and item id, and skipped.
    """
    if args.input_file is None or args.output_file is None:
        print("claimwire track: --input-file and --output-file go together", file=sys.stderr)
        return ExitCode.USAGE
    try:
        settings = load_tracker_settings({})
    except SettingsError as exc:
        print(f"claimwire track: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        with open(args.input_file, encoding="utf-8") as source:
            lines = source.readlines()
    except OSError as exc:
        print(f"claimwire track: {args.input_file}: {exc.strerror}", file=sys.stderr)
        return ExitCode.FAILED
    events = track_lines(
        lines, window_seconds=settings.reorder_window_seconds, on_invalid=_report_invalid(args.input_file)
    )
    body = "".join(event.model_dump_json() + "\n" for event in events)
    if args.output_file == "-":
        sys.stdout.write(body)
        return ExitCode.OK
    try:
        with open(args.output_file, "w", encoding="utf-8") as sink:
            sink.write(body)
    except OSError as exc:
        print(f"claimwire track: {args.output_file}: {exc.strerror}", file=sys.stderr)
        return ExitCode.FAILED
    return ExitCode.OK


def _report_invalid(path: str) -> Callable[[int, str | None, str], None]:
    def report(line_number: int, item_id: str | None, error: str) -> None:
        print(
            f"claimwire track: {path}:{line_number}: claim_invalid: item {item_id}: {error}", file=sys.stderr
        )

    return report
