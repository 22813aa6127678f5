"""`claimwire series`: print the tracked series as the tracker's changelog topic holds them.

Reads every partition of the changelog to its current end (committed records only), keeps the
latest state per series and prints a table, each series' full history with `--history`
(values, dates, items, the sources' wordings, the resolved entity and place ids), or JSON
with `--json`. Filters: `--source` (part of
the name), `--category`, `--place`. Exit codes: 0 printed (possibly "no series"), 1 the changelog
could not be read, 2 invalid settings, 3 no broker reachable.
"""

from __future__ import annotations

import argparse
import sys

from worker.commands.series_explorer import configure_explorer_flags, run_explorer
from worker.commands.track import load_tracker_settings
from worker.exitcodes import ExitCode
from worker.explore.feed import ExplorerTopics
from worker.kafka.changelog import ChangelogReader
from worker.kafka.errors import BrokerUnreachableError, KafkaAdapterError
from worker.runtime.tracker import restore_states
from worker.settings import KafkaConnectionSettings, SettingsError, load_settings
from worker.track.events import SeriesSnapshot
from worker.track.report import SeriesFilter, select_series, series_history, series_table
from worker.track.rules import SeriesState

READ_TIMEOUT_SECONDS = 120.0


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bootstrap-servers", default=None, help="host:port[,host:port...]")
    parser.add_argument(
        "--changelog-topic",
        default=None,
        help="the tracker's changelog (default: as `claimwire track` is configured)",
    )
    parser.add_argument("--source", default=None, help="only sources whose name contains this")
    parser.add_argument("--category", default=None, help="only this category (killed, displaced, ...)")
    parser.add_argument("--place", default=None, help="only this place")
    parser.add_argument(
        "--json", action="store_true", help="one JSON array of series states instead of a table"
    )
    parser.add_argument(
        "--history",
        action="store_true",
        help="each matching series in full: entity and place ids, every kept value, item and wording",
    )
    configure_explorer_flags(parser)


def run(args: argparse.Namespace) -> int:
    try:
        connection = load_settings(KafkaConnectionSettings, {"bootstrap_servers": args.bootstrap_servers})
        tracker = load_tracker_settings({"changelog_topic": args.changelog_topic})
    except SettingsError as exc:
        print(f"claimwire series: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    topic = tracker.changelog_topic
    explorer_topics = ExplorerTopics(tracker.input_topic, tracker.output_topic, tracker.changelog_topic)
    if (code := run_explorer(args, connection, explorer_topics)) is not None:
        return code
    try:
        states = read_series(connection, topic)
    except BrokerUnreachableError as exc:
        print(f"claimwire series: {exc}", file=sys.stderr)
        return ExitCode.BROKER_UNREACHABLE
    except KafkaAdapterError as exc:
        print(f"claimwire series: {exc}", file=sys.stderr)
        return ExitCode.FAILED
    chosen = select_series(states, SeriesFilter(source=args.source, category=args.category, place=args.place))
    if args.json:
        body = ",\n".join(SeriesSnapshot.of(state).model_dump_json() for state in chosen)
        sys.stdout.write(f"[{body}]\n" if body else "[]\n")
    elif args.history:
        sys.stdout.write("\n".join(series_history(state) for state in chosen) or "no series\n")
    else:
        sys.stdout.write(series_table(chosen))
    return ExitCode.OK


def read_series(connection: KafkaConnectionSettings, topic: str) -> list[SeriesState]:
    """The latest state of every series in the changelog; invalid records are reported on stderr."""
    reader = ChangelogReader(connection, topic)
    try:
        partitions = reader.partition_count()
        if partitions is None:
            raise KafkaAdapterError(f"changelog topic {topic!r} does not exist (has the tracker run?)")
        states: list[SeriesState] = []

        def invalid(series_key: str, error: Exception) -> None:
            print(f"claimwire series: {topic}: {series_key}: invalid state: {error}", file=sys.stderr)

        for partition in range(partitions):
            states.extend(
                restore_states(reader.read(partition, READ_TIMEOUT_SECONDS), on_invalid=invalid).values()
            )
        return states
    finally:
        reader.close()
