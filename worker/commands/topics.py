"""`claimwire topics create`: create the topics a claimwire deployment needs; safe to run again.

Topic names follow the worker's settings (CLAIMWIRE_INPUT_TOPIC, CLAIMWIRE_OUTPUT_TOPIC,
CLAIMWIRE_DLQ_TOPIC) and the tracker's (CLAIMWIRE_TRACKER_OUTPUT_TOPIC, and its compacted
CLAIMWIRE_TRACKER_CHANGELOG_TOPIC), plus the replay's `claims.backfill`. Topics that exist already
are left as they are and compared with what `create` would make: partition count, cleanup policy
(`delete` for the event topics, `compact` for the changelog) and, with --retention-ms, retention.

Exit codes (`worker.exitcodes`): 0 every topic exists as wanted, 1 the broker refused to create one
or an existing topic differs (each difference is printed), 2 usage or settings, 3 no broker
reachable, 4 SASL credentials refused.
"""

from __future__ import annotations

import argparse
import sys

from pydantic import ValidationError

from worker.exitcodes import ExitCode
from worker.kafka import admin
from worker.kafka.errors import BrokerUnreachableError, KafkaAdapterError
from worker.settings import SettingsError, WorkerSettings, load_settings
from worker.track.settings import TrackerSettings


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["create", "list"], help="create the topics, or list the cluster's")
    parser.add_argument(
        "--bootstrap-servers", help="host:port list (default: CLAIMWIRE_BOOTSTRAP_SERVERS or 127.0.0.1:9092)"
    )
    parser.add_argument("--partitions", type=int, default=3, help="partitions per topic (default 3)")
    parser.add_argument(
        "--replication-factor", type=int, default=1, help="replicas per partition (default 1: one broker)"
    )
    parser.add_argument(
        "--retention-ms",
        type=int,
        help="retention of the event topics in milliseconds (default: the broker's; -1 keeps forever)",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the brokers")


def _option_error(args: argparse.Namespace) -> str | None:
    if args.partitions < 1 or args.replication_factor < 1:
        return "--partitions and --replication-factor must be at least 1"
    if args.retention_ms is not None and args.retention_ms < -1:
        return "--retention-ms must be -1 (forever) or a number of milliseconds"
    return None


def run(args: argparse.Namespace) -> int:
    problem = _option_error(args)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        settings = load_settings(WorkerSettings, {"bootstrap_servers": args.bootstrap_servers})
        tracker = TrackerSettings()
    except (SettingsError, ValidationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        if args.action == "list":
            for name in admin.list_topics(settings, timeout_s=args.timeout):
                print(name)
            return ExitCode.OK
        specs = admin.claimwire_topics(
            settings,
            args.partitions,
            args.replication_factor,
            tracked_topic=tracker.output_topic,
            changelog_topic=tracker.changelog_topic,
            retention_ms=args.retention_ms,
        )
        report = admin.create_topics(settings, specs, timeout_s=args.timeout)
    except BrokerUnreachableError as error:
        print(f"error: {error}", file=sys.stderr)
        return ExitCode.BROKER_UNREACHABLE
    except KafkaAdapterError as error:
        print(f"error: {error}", file=sys.stderr)
        return ExitCode.FAILED
    return _print_report(specs, report)


def _print_report(specs: list[admin.TopicSpec], report: admin.CreateReport) -> int:
    for spec in specs:
        differences = report.differences.get(spec.name, ())
        state = "created" if spec.name in report.created else "differs" if differences else "exists"
        print(f"{state:<8} {spec.name}" + (f": {'; '.join(differences)}" if differences else ""))
    if report.differences:
        print(
            "error: existing topics differ from what claimwire needs; they were left unchanged "
            "(change them with kafka-configs / kafka-topics, or recreate them)",
            file=sys.stderr,
        )
        return ExitCode.FAILED
    return ExitCode.OK
