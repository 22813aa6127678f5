"""`claimwire schemas register|check`: claimwire's JSON Schemas in a Confluent-compatible registry.

Each topic's values get the schema of what claimwire writes or reads there, under the subject
`<topic>-value` (TopicNameStrategy), with topic names from the same settings the worker and the
tracker read:

    CLAIMWIRE_INPUT_TOPIC              wire.raw                      wire_item.schema.json
    CLAIMWIRE_OUTPUT_TOPIC             claims.extracted              claim_event.schema.json
    (replay's default output)          claims.backfill               claim_event.schema.json
    CLAIMWIRE_TRACKER_OUTPUT_TOPIC     claims.tracked                tracked_event.schema.json
    CLAIMWIRE_TRACKER_CHANGELOG_TOPIC  claimwire.tracker.changelog   series_snapshot.schema.json

`register` is safe to run again: a schema already under its subject keeps its id. `check` changes
nothing and exits 1 when a subject lacks the current schema (a release whose schemas changed and
that nobody registered). Exit 2 for bad settings, 3 when the registry cannot be reached.
"""

from __future__ import annotations

import argparse
import sys

from pydantic import ValidationError

from worker.exitcodes import ExitCode
from worker.kafka.admin import BACKFILL_TOPIC
from worker.registry import (
    RegistryError,
    SchemaNotRegisteredError,
    SchemaRegistryClient,
    SchemaRegistrySettings,
    schema_text,
    value_subject,
)
from worker.settings import SettingsError, WorkerSettings, load_settings
from worker.track.settings import TrackerSettings


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action", choices=["register", "check"], help="register every schema, or check they are registered"
    )
    parser.add_argument(
        "--registry-url",
        help="the registry's Confluent-compatible API (default: CLAIMWIRE_SCHEMA_REGISTRY_URL)",
    )


def subjects(worker: WorkerSettings, tracker: TrackerSettings) -> list[tuple[str, str]]:
    """(subject, schema file) for every topic whose values claimwire defines."""
    return [
        (value_subject(worker.input_topic), "wire_item.schema.json"),
        (value_subject(worker.output_topic), "claim_event.schema.json"),
        (value_subject(BACKFILL_TOPIC), "claim_event.schema.json"),
        (value_subject(tracker.output_topic), "tracked_event.schema.json"),
        (value_subject(tracker.changelog_topic), "series_snapshot.schema.json"),
    ]


def run(args: argparse.Namespace) -> int:
    try:
        registry = SchemaRegistrySettings(**({"url": args.registry_url} if args.registry_url else {}))
        worker = load_settings(WorkerSettings)
        tracker = TrackerSettings()
        client = SchemaRegistryClient.from_settings(registry)
    except (SettingsError, ValidationError, RegistryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return ExitCode.USAGE
    missing = 0
    try:
        for subject, file_name in subjects(worker, tracker):
            schema = schema_text(file_name)
            if args.action == "register":
                schema_id = client.register(subject, schema)
                print(f"registered  {subject:<40} id {schema_id:<6} {file_name}")
                continue
            try:
                schema_id, version = client.lookup(subject, schema)
            except SchemaNotRegisteredError:
                missing += 1
                print(f"missing     {subject:<40} {file_name}: run `claimwire schemas register`")
                continue
            print(f"registered  {subject:<40} id {schema_id:<6} version {version}  {file_name}")
    except RegistryError as error:
        print(f"error: {error}", file=sys.stderr)
        # A registry, like a broker, can come back: the same code says "retry later".
        return ExitCode.BROKER_UNREACHABLE
    return ExitCode.FAILED if missing else ExitCode.OK
