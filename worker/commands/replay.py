"""`claimwire replay`: reprocess a topic range or archive files through the live worker's path.

Each item goes through the worker's own `RecordProcessor`, so a replayed item yields the same
claim ids, bytes, keys and headers as the live worker gave it. Output goes to `claims.backfill`
(the live topic only with --allow-live-topic) or to a JSON Lines file. With --checkpoint a run
that is killed or interrupted continues where it left off when started again with the same options.

Exit status (`worker.exitcodes`): 0 done, 1 stopped on a broker or delivery failure (the checkpoint
keeps the last acknowledged position), 2 usage or settings error (a path that does not exist, a
topic that does not exist: checked before anything is read), 4 SASL credentials refused,
130 interrupted by SIGINT/SIGTERM (checkpoint saved).
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from worker.errors import ClaimwireError
from worker.exitcodes import ExitCode
from worker.ingest.files import STDIN
from worker.kafka.admin import BACKFILL_TOPIC, require_topics
from worker.kafka.errors import KafkaAdapterError
from worker.kafka.replay_io import TopicSink
from worker.records import InputRecord, OutgoingMessage
from worker.replay.checkpoint import Checkpoint, CheckpointError, load_checkpoint
from worker.replay.engine import CheckpointPolicy, Outcome, ReplaySink, ReplaySource, Summary, run_replay
from worker.replay.files import FILES_SOURCE, FileItemProcessor, FileSource
from worker.replay.pacing import TokenBucket
from worker.replay.progress import LogProgress, ProgressReporter, TerminalProgress
from worker.replay.ranges import RangeError, parse_instant, parse_offset_spec, parse_partitions
from worker.replay.sinks import JsonLinesSink, SinkError
from worker.replay.topics import TopicSource, topic_source_name
from worker.runtime.logging import configure_logging, get_logger
from worker.runtime.processor import RecordProcessor
from worker.runtime.signals import StopRequest, install_stop_signals
from worker.settings import SettingsError, WorkerSettings, load_settings

DEFAULT_OUTPUT_TOPIC = BACKFILL_TOPIC
# The live topic by its default name, whatever CLAIMWIRE_OUTPUT_TOPIC says: both are refused.
LIVE_OUTPUT_TOPIC: str = WorkerSettings.model_fields["output_topic"].default


class UsageError(ClaimwireError, ValueError):
    """Options that contradict each other or the configured topics."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Reprocess wire items through the worker's decode-extract-publish path: a topic range or archive "
        "files in; a backfill topic or a JSON Lines file out. Connection settings as for the worker "
        "(CLAIMWIRE_BOOTSTRAP_SERVERS, ...). See docs/replay.md."
    )
    source = parser.add_argument_group("source (one of)")
    chosen = source.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--files", nargs="+", metavar="PATH", help="item files or directories (.gz too)")
    chosen.add_argument("--topic", metavar="TOPIC", help="a topic of raw wire items")
    ranges = parser.add_argument_group("topic range (default: everything up to the end offsets at start)")
    ranges.add_argument(
        "--since", type=_checked(parse_instant), help="first record time, ISO 8601 (UTC if no zone)"
    )
    ranges.add_argument("--until", type=_checked(parse_instant), help="stop before records from this time on")
    ranges.add_argument(
        "--from-offsets", type=_checked(parse_offset_spec), metavar="SPEC", help="100 or 0:100,1:250"
    )
    ranges.add_argument(
        "--to-offsets",
        type=_checked(parse_offset_spec),
        metavar="SPEC",
        help="stop before these offsets (exclusive)",
    )
    ranges.add_argument("--partitions", type=_checked(parse_partitions), metavar="LIST", help="e.g. 0,2,5")
    sink = parser.add_argument_group("output (default: topic claims.backfill)")
    into = sink.add_mutually_exclusive_group()
    into.add_argument("--output-topic", metavar="TOPIC", help="topic for claim events")
    into.add_argument("--output-file", type=Path, metavar="FILE.jsonl", help="claim events as JSON Lines")
    sink.add_argument(
        "--allow-live-topic", action="store_true", help="allow writing to the live claims topic"
    )
    sink.add_argument("--dlq-topic", help="dead-letter topic (default CLAIMWIRE_DLQ_TOPIC or wire.raw.dlq)")
    control = parser.add_argument_group("control")
    control.add_argument(
        "--checkpoint", type=Path, metavar="FILE", help="resume from / record progress in FILE"
    )
    control.add_argument(
        "--checkpoint-every",
        type=_checked(_positive_int),
        default=1000,
        metavar="N",
        help="items per checkpoint",
    )
    control.add_argument(
        "--rate", type=_checked(_positive_float), metavar="N", help="at most N items a second"
    )
    control.add_argument("--dry-run", action="store_true", help="count what would be read, produce nothing")
    control.add_argument("--bootstrap-servers", help="host:port[,host:port...]")
    control.add_argument("--log-level", help="DEBUG, INFO, WARNING or ERROR")
    control.add_argument("--log-format", help="json, console or auto")


def run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(
            WorkerSettings,
            {
                "bootstrap_servers": args.bootstrap_servers,
                "dlq_topic": args.dlq_topic,
                "log_level": args.log_level,
                "log_format": args.log_format,
            },
        )
        output_topic = _check_usage(args, settings)
    except (SettingsError, UsageError) as exc:
        print(f"claimwire replay: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    configure_logging(settings.log_level, settings.log_format)
    log = get_logger("replay")
    stop = StopRequest()
    previous_handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    install_stop_signals(stop, on_signal=lambda name: log.info("replay.signal_received", signal=name))
    source_name = topic_source_name(args.topic) if args.topic else FILES_SOURCE
    try:
        resume = load_checkpoint(args.checkpoint, source=source_name) if args.checkpoint else None
        if resume is not None:
            log.info("replay.resuming", checkpoint=str(args.checkpoint), **resume.totals.model_dump())
        return _replay(
            args, settings, output_topic, resume=resume, fresh=Checkpoint(source=source_name), stop=stop
        )
    except (CheckpointError, SinkError, RangeError) as exc:
        log.error("replay.refused", error=str(exc))
        return ExitCode.USAGE
    except (KafkaAdapterError, OSError) as exc:
        # A broker that went away, a refused delivery, a full disk: the checkpoint still holds the
        # last position whose output was durable, so a rerun continues from there.
        log.error("replay.failed", error=str(exc), error_class=type(exc).__name__)
        return ExitCode.FAILED
    finally:
        for sig, handler in previous_handlers.items():
            signal.signal(sig, handler)


def _replay(  # noqa: PLR0913  the parsed options plus what the command built from them, by name
    args: argparse.Namespace,
    settings: WorkerSettings,
    output_topic: str,
    *,
    resume: Checkpoint | None,
    fresh: Checkpoint,
    stop: StopRequest,
) -> int:
    log = get_logger("replay")
    needed = _topics_used(args, settings, output_topic)
    if needed:
        require_topics(settings.connection(), needed, timeout_s=settings.request_timeout_ms / 1000)
    processor = RecordProcessor(output_topic=output_topic, dlq_topic=settings.dlq_topic)
    job = _open_source(args, settings, resume, processor, stop)
    closers: list[Callable[[], None]] = [job.close]
    try:
        if args.dry_run:
            counts = job.count()
            for lane, count in counts.items():
                print(f"{lane}\t{count}")
            print(f"total\t{sum(counts.values())}")
            log.info(
                "replay.dry_run", source=args.topic or "files", items=sum(counts.values()), lanes=len(counts)
            )
            return ExitCode.OK

        sink = _open_sink(args, settings, resume)
        closers.append(sink.close)
        summary = run_replay(
            job.source,
            job.process,
            sink,
            checkpoints=CheckpointPolicy(
                path=args.checkpoint,
                base=resume or fresh,
                every_items=args.checkpoint_every,
            ),
            progress=_progress_reporter(),
            limiter=TokenBucket(args.rate) if args.rate else None,
            should_stop=stop.is_set,
        )
    finally:
        for close in reversed(closers):
            close()
    _log_summary(summary, output=str(args.output_file) if args.output_file else output_topic)
    return ExitCode.INTERRUPTED if summary.interrupted else ExitCode.OK


def _topics_used(args: argparse.Namespace, settings: WorkerSettings, output_topic: str) -> list[str]:
    """The topics this run reads or writes: the source topic, and the sink's unless it is a file."""
    topics = [args.topic] if args.topic else []
    if args.output_file is None and not args.dry_run:
        topics += [output_topic, settings.dlq_topic]
    return topics


@dataclass(slots=True, frozen=True)
class _SourceJob:
    """The chosen source with the processing step and dry-run count that go with it."""

    source: ReplaySource[Any]
    process: Callable[[Any], Outcome[OutgoingMessage]]
    count: Callable[[], dict[str, int]]
    close: Callable[[], None]


def _open_source(
    args: argparse.Namespace,
    settings: WorkerSettings,
    resume: Checkpoint | None,
    processor: RecordProcessor,
    stop: StopRequest,
) -> _SourceJob:
    if args.files:
        files = FileSource(args.files, resume=resume)
        return _SourceJob(files, FileItemProcessor(processor), files.count, close=_nothing)
    topic = TopicSource(
        settings.connection(),
        args.topic,
        partitions=args.partitions,
        from_offsets=args.from_offsets,
        to_offsets=args.to_offsets,
        since=args.since,
        until=args.until,
        resume=resume,
        should_stop=stop.is_set,
    )
    log = get_logger("replay")
    range_options = (args.partitions, args.from_offsets, args.to_offsets, args.since, args.until)
    if resume is not None and resume.partitions and any(option is not None for option in range_options):
        log.warning("replay.range_options_ignored", reason="resuming: the checkpoint's ranges are kept")
    log.info(
        "replay.plan",
        topic=args.topic,
        resumed=resume is not None,
        ranges={str(r.partition): [r.start, r.stop] for r in topic.plan},
    )
    return _SourceJob(topic, _record_outcome(processor), topic.count, close=topic.close)


def _nothing() -> None:
    """Files are opened and closed by the reader as it goes."""


class _ClosableSink(ReplaySink[OutgoingMessage], Protocol):
    def close(self) -> None: ...


def _open_sink(
    args: argparse.Namespace, settings: WorkerSettings, resume: Checkpoint | None
) -> _ClosableSink:
    if args.output_file is not None:
        return JsonLinesSink(
            args.output_file,
            dlq_topic=settings.dlq_topic,
            resume_sizes=resume.output_sizes if resume is not None else None,
        )
    return TopicSink(settings)


def _record_outcome(processor: RecordProcessor) -> Callable[[InputRecord], Outcome[OutgoingMessage]]:
    def process(record: InputRecord) -> Outcome[OutgoingMessage]:
        result = processor.process(record)
        return Outcome(result.messages, claims=len(result.events), dead_lettered=int(result.dead_lettered))

    return process


def _progress_reporter() -> ProgressReporter:
    return TerminalProgress(sys.stderr) if sys.stderr.isatty() else LogProgress()


def _log_summary(summary: Summary, *, output: str) -> None:
    get_logger("replay").info(
        "replay.interrupted" if summary.interrupted else "replay.finished",
        output=output,
        items=summary.items,
        claims=summary.claims,
        dead_lettered=summary.dead_lettered,
        duration_seconds=round(summary.duration_seconds, 3),
        items_per_lane=summary.per_lane,
    )


def _check_usage(args: argparse.Namespace, settings: WorkerSettings) -> str:
    """The output topic to use; raises UsageError for contradictory or dangerous options."""
    topic_only = {
        "--since": args.since,
        "--until": args.until,
        "--from-offsets": args.from_offsets,
        "--to-offsets": args.to_offsets,
        "--partitions": args.partitions,
    }
    if args.files:
        given = [flag for flag, value in topic_only.items() if value is not None]
        if given:
            raise UsageError(f"{', '.join(given)} only apply to --topic")
        if STDIN in args.files:
            raise UsageError("stdin cannot be replayed (it cannot be resumed); give files or directories")
        missing = [path for path in args.files if not Path(path).exists()]
        if missing:
            raise UsageError(f"no such file or directory: {', '.join(missing)}")
    if args.since is not None and args.from_offsets is not None:
        raise UsageError("give --since or --from-offsets, not both")
    if args.until is not None and args.to_offsets is not None:
        raise UsageError("give --until or --to-offsets, not both")
    output_topic: str = args.output_topic or DEFAULT_OUTPUT_TOPIC
    live = {LIVE_OUTPUT_TOPIC, settings.output_topic}
    if args.output_file is None:
        if output_topic in live and not args.allow_live_topic:
            raise UsageError(
                f"{output_topic} is the live claims topic; add --allow-live-topic to replay into it "
                f"(consumers must then de-duplicate by claim_id), or use the default {DEFAULT_OUTPUT_TOPIC}"
            )
        if output_topic in {args.topic, settings.dlq_topic}:
            raise UsageError(
                f"--output-topic {output_topic} must differ from the source and dead-letter topics"
            )
    return output_topic


def _checked(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """Turn our parsers' errors into argparse usage errors that quote the message."""

    def wrapped(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    wrapped.__name__ = parse.__name__
    return wrapped


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError(f"{value} is not a positive whole number")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise ValueError(f"{text} is not a positive number")
    return value
