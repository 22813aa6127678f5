"""`claimwire topics create`: create the topics a claimwire deployment needs; safe to run again.

Topic names follow the worker's settings (CLAIMWIRE_INPUT_TOPIC, CLAIMWIRE_OUTPUT_TOPIC,
CLAIMWIRE_DLQ_TOPIC) and the tracker's (CLAIMWIRE_TRACKER_OUTPUT_TOPIC, and its compacted
CLAIMWIRE_TRACKER_CHANGELOG_TOPIC), plus the replay's `claims.backfill`. Topics that exist already
are reported and left as they are.
"""

from __future__ import annotations

import argparse
import sys

from pydantic import ValidationError

from worker.kafka import admin
from worker.kafka.errors import KafkaAdapterError
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
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the brokers")


def run(args: argparse.Namespace) -> int:
    if args.partitions < 1 or args.replication_factor < 1:
        print("error: --partitions and --replication-factor must be at least 1", file=sys.stderr)
        return 2
    try:
        settings = load_settings(WorkerSettings, {"bootstrap_servers": args.bootstrap_servers})
        tracker = TrackerSettings()
    except (SettingsError, ValidationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        if args.action == "list":
            for name in admin.list_topics(settings, timeout_s=args.timeout):
                print(name)
            return 0
        specs = admin.claimwire_topics(settings, args.partitions, args.replication_factor, tracker=tracker)
        report = admin.create_topics(settings, specs, timeout_s=args.timeout)
    except KafkaAdapterError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for spec in specs:
        state = "created" if spec.name in report.created else "exists"
        print(f"{state:<8} {spec.name}")
    return 0
