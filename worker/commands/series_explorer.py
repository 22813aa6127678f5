"""The series explorer's command-line side: `claimwire series --serve | --html FILE`, and the tracker's pages.

Both read the committed claim events, tracked events and changelog states from the broker with a
`TopicFollower` and fold them into an `ExplorerView` (worker/explore/). `claimwire series` and
`claimwire track` each call in here from one or two lines.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from worker.exitcodes import ExitCode
from worker.explore.feed import ExplorerFeed, ExplorerTopics, fold_record
from worker.explore.http import RouteHandler, RouteServer, explorer_routes
from worker.explore.render import document
from worker.explore.settings import EXPLORER_ENV_PREFIX, ExplorerSettings
from worker.kafka.admin import require_topics
from worker.kafka.errors import BrokerUnreachableError, KafkaAdapterError
from worker.kafka.follow import TopicFollower
from worker.records import InputRecord
from worker.runtime.signals import StopRequest, install_stop_signals
from worker.settings import KafkaConnectionSettings, SettingsError

READ_TIMEOUT_SECONDS = 120.0
DEFAULT_SERVE_PORT = 9410


def configure_explorer_flags(parser: argparse.ArgumentParser) -> None:
    """The explorer's options of `claimwire series`."""
    group = parser.add_argument_group("series explorer (docs/series-explorer.md)")
    output = group.add_mutually_exclusive_group()
    output.add_argument("--serve", action="store_true", help="serve the explorer pages at /series")
    output.add_argument("--html", metavar="FILE", type=Path, help="write the explorer as one HTML file")
    group.add_argument("--host", default="127.0.0.1", help="address --serve binds (default 127.0.0.1)")
    group.add_argument(
        "--port", type=int, default=DEFAULT_SERVE_PORT, help="port --serve binds (0 = ephemeral)"
    )
    group.add_argument("--claims-topic", default=None, help="claim events (default: as the tracker reads)")
    group.add_argument(
        "--tracked-topic", default=None, help="tracked events (default: as the tracker writes)"
    )


def run_explorer(
    args: argparse.Namespace, connection: KafkaConnectionSettings, topics: ExplorerTopics
) -> int | None:
    """`--serve` or `--html`: the exit code; None when neither was asked for."""
    if not args.serve and args.html is None:
        return None
    topics = ExplorerTopics(
        claims=args.claims_topic or topics.claims,
        tracked=args.tracked_topic or topics.tracked,
        changelog=topics.changelog,
    )
    try:
        settings = load_explorer_settings()
    except SettingsError as exc:
        print(f"claimwire series: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        # A missing topic or refused credentials stop here with their own line and exit code.
        require_topics(connection, list(topics.names()))
        if args.html is not None:
            return write_html(args.html, connection, topics, settings)
        return serve(args.host, args.port, connection, topics, settings)
    except BrokerUnreachableError as exc:
        print(f"claimwire series: {exc}", file=sys.stderr)
        return ExitCode.BROKER_UNREACHABLE
    except (KafkaAdapterError, OSError) as exc:
        print(f"claimwire series: {exc}", file=sys.stderr)
        return ExitCode.FAILED


def load_explorer_settings() -> ExplorerSettings:
    try:
        return ExplorerSettings()
    except ValidationError as exc:
        lines = [
            f"{EXPLORER_ENV_PREFIX}{'.'.join(str(p) for p in error['loc']).upper()}: {error['msg']}"
            for error in exc.errors()
        ]
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines)) from None


def report_unreadable(record: InputRecord, reason: str) -> None:
    print(
        f"claimwire series: {record.topic}[{record.partition}]@{record.offset}: unreadable record: {reason}",
        file=sys.stderr,
    )


def write_html(
    path: Path, connection: KafkaConnectionSettings, topics: ExplorerTopics, settings: ExplorerSettings
) -> int:
    """Read the topics to their current ends and write the whole explorer as one file."""
    view = settings.new_view()
    follower = TopicFollower(connection, topics.names())
    try:
        deadline = time.monotonic() + READ_TIMEOUT_SECONDS
        while True:
            for record in follower.poll(0.5):
                fold_record(view, topics, record, report_unreadable)
            absent = [t for t in follower.missing if t != topics.changelog]
            if absent:
                raise KafkaAdapterError(
                    f"topic {', '.join(map(repr, absent))} does not exist (has the tracker run?)"
                )
            if follower.caught_up():
                break
            if time.monotonic() > deadline:
                raise KafkaAdapterError(
                    f"could not read {', '.join(topics.names())} within {READ_TIMEOUT_SECONDS:.0f}s"
                )
    finally:
        follower.close()
    with view.lock:
        text = document(view)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {len(view)} series to {path}", file=sys.stderr)
    return ExitCode.OK


def serve(
    host: str,
    port: int,
    connection: KafkaConnectionSettings,
    topics: ExplorerTopics,
    settings: ExplorerSettings,
) -> int:
    """Serve /series until SIGTERM or SIGINT, following the topics as they grow."""
    view = settings.new_view()
    feed = ExplorerFeed(lambda: TopicFollower(connection, topics.names()), view, topics, report_unreadable)
    server = RouteServer(host, port, explorer_routes(view))
    stop = StopRequest()
    install_stop_signals(stop)
    feed.start()
    server.start()
    print(f"serving http://{host}:{server.port}/series (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        while not stop.wait(1.0):
            pass
    finally:
        server.stop()
        feed.stop()
    return ExitCode.OK


@dataclass(slots=True)
class TrackerExplorer:
    """The explorer a tracker serves on its probe port; `routes` is empty when it is disabled."""

    routes: dict[str, RouteHandler]
    feed: ExplorerFeed | None = None

    def start(self) -> None:
        """Follow the tracker's topics in a background thread."""
        if self.feed is not None:
            self.feed.start()

    def stop(self) -> None:
        if self.feed is not None:
            self.feed.stop()


def tracker_explorer(
    connection: KafkaConnectionSettings, topics: ExplorerTopics, settings: ExplorerSettings
) -> TrackerExplorer:
    """The pages a tracker serves and the feed that fills them, started once the tracker has reached
    its broker (a tracker that cannot start leaves no thread behind)."""
    if not settings.enabled:
        return TrackerExplorer(routes={})
    view = settings.new_view()
    feed = ExplorerFeed(lambda: TopicFollower(connection, topics.names()), view, topics)
    return TrackerExplorer(routes=explorer_routes(view), feed=feed)
