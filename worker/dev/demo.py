"""`claimwire demo`: the whole pipeline on the bundled sample items, against a throwaway local broker.

It starts a development broker in a temporary directory, creates the topics, publishes the sample
wire items (and two deliberately broken records), runs `claimwire worker` as a separate process,
waits for the claim events and dead letters it should produce (the same events `process_item`
gives locally), prints them as a table with a line of the worker's own metrics, then stops
everything and removes the directory.

Then it runs `claimwire track` on the claim events and prints the series it follows per source, with
the tracker's counts of updates, revisions and conflicts.

The demo is a list of stages (`DEMO_STAGES`) sharing one `DemoRun`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from prometheus_client.parser import text_string_to_metric_families

from worker.commands.series import read_series
from worker.dev import broker as devbroker
from worker.errors import ClaimwireError
from worker.exitcodes import ExitCode
from worker.kafka import admin, topicio
from worker.kafka.errors import KafkaAdapterError
from worker.models import ClaimEvent, WireItem
from worker.pipeline import process_item
from worker.samples import POISON_ITEMS_FILE, sample_items, sample_records
from worker.settings import WorkerSettings
from worker.track.keys import credited_series_parts
from worker.track.report import SeriesFilter, select_series, series_table
from worker.track.rules import SeriesState
from worker.track.settings import TrackerSettings

DEMO_GROUP_ID = "claimwire-demo"
WAIT_FOR_CLAIMS_S = 120.0
PROCESS_STOP_TIMEOUT_S = 30.0
METRICS_WAIT_S = 10.0
PARTITIONS = 3
LOG_TAIL_LINES = 40
UNIT_SYMBOLS = {"percent": "%", "USD": "USD", "EUR": "EUR"}


class DemoError(ClaimwireError, RuntimeError):
    """A stage of the demo failed; the message says which and why."""


@dataclass
class DemoRun:
    """What the stages share: where things run, what was sent and what came back."""

    out: TextIO
    stack: contextlib.ExitStack
    workdir: Path
    wait_s: float
    bootstrap: str = ""
    settings: WorkerSettings | None = None
    items: list[WireItem] = field(default_factory=list)
    expected: list[ClaimEvent] = field(default_factory=list)
    poison_count: int = 0
    received: list[ClaimEvent] = field(default_factory=list)
    dead_letters: int = 0
    worker: subprocess.Popen[bytes] | None = None
    worker_log: Path | None = None
    metrics_url: str = ""
    tracker: subprocess.Popen[bytes] | None = None
    tracker_log: Path | None = None
    tracker_metrics_url: str = ""
    series: list[SeriesState] = field(default_factory=list)

    @property
    def worker_settings(self) -> WorkerSettings:
        if self.settings is None:
            raise DemoError("the broker stage has not run")
        return self.settings

    def say(self, message: str) -> None:
        print(f"  {message}", file=self.out, flush=True)


DemoStage = tuple[str, Callable[[DemoRun], None]]


def start_broker(run: DemoRun) -> None:
    log = run.stack.enter_context((run.workdir / "broker.log").open("w"))
    broker = run.stack.enter_context(
        devbroker.running_broker(run.workdir / "broker", log=log, progress=run.say)
    )
    run.bootstrap = broker.bootstrap
    run.settings = WorkerSettings(
        bootstrap_servers=broker.bootstrap,
        input_topic="wire.raw",
        output_topic="claims.extracted",
        dlq_topic="wire.raw.dlq",
        group_id=DEMO_GROUP_ID,
    )
    run.say(f"broker answers on {broker.bootstrap}")


def create_topics(run: DemoRun) -> None:
    settings = run.worker_settings
    tracker = TrackerSettings()
    specs = admin.claimwire_topics(
        settings,
        PARTITIONS,
        1,
        tracked_topic=tracker.output_topic,
        changelog_topic=tracker.changelog_topic,
    )
    report = admin.create_topics(settings, specs)
    run.say(f"created {', '.join(report.created)}")


def publish_samples(run: DemoRun) -> None:
    settings = run.worker_settings
    run.items = sample_items()
    run.expected = [event for item in run.items for event in process_item(item)]
    poison = sample_records(POISON_ITEMS_FILE)
    run.poison_count = len(poison)
    records: list[tuple[bytes | None, bytes]] = [
        (item.id.encode("utf-8"), raw) for item, raw in zip(run.items, sample_records(), strict=True)
    ]
    records += [(None, raw) for raw in poison]
    sent = topicio.publish(settings, settings.input_topic, records)
    run.say(
        f"published {sent} records to {settings.input_topic}: {len(run.items)} wire items "
        f"and {run.poison_count} broken on purpose"
    )
    run.say(f"extracting locally gives {len(run.expected)} claims; the worker should publish the same")


def start_worker(run: DemoRun) -> None:
    settings = run.worker_settings
    http_port = devbroker.free_port()
    run.metrics_url = f"http://127.0.0.1:{http_port}/metrics"
    run.worker_log = run.workdir / "worker.log"
    env = {
        **os.environ,
        "CLAIMWIRE_BOOTSTRAP_SERVERS": run.bootstrap,
        "CLAIMWIRE_INPUT_TOPIC": settings.input_topic,
        "CLAIMWIRE_OUTPUT_TOPIC": settings.output_topic,
        "CLAIMWIRE_DLQ_TOPIC": settings.dlq_topic,
        "CLAIMWIRE_GROUP_ID": settings.group_id,
        "CLAIMWIRE_HTTP_HOST": "127.0.0.1",
        "CLAIMWIRE_HTTP_PORT": str(http_port),
        "CLAIMWIRE_LOG_FORMAT": "json",
        "CLAIMWIRE_SHUTDOWN_GRACE_SECONDS": "10",
    }
    run.worker = _start_command(run, "worker", env, run.worker_log)
    run.say(f"worker pid {run.worker.pid}, metrics on {run.metrics_url}, log in {run.worker_log}")


def collect_claims(run: DemoRun) -> None:
    settings = run.worker_settings
    worker = run.worker
    if worker is None:
        raise DemoError("the worker stage has not run")

    def worker_alive() -> bool:
        return worker.poll() is None

    claims = topicio.read_until(
        settings,
        settings.output_topic,
        lambda records: len(records) >= len(run.expected),
        timeout_s=run.wait_s,
        keep_waiting=worker_alive,
    )
    letters = topicio.read_until(
        settings,
        settings.dlq_topic,
        lambda records: len(records) >= run.poison_count,
        timeout_s=run.wait_s,
        keep_waiting=worker_alive,
    )
    run.received = [ClaimEvent.model_validate_json(record.value) for record in claims]
    run.dead_letters = len(letters)
    got = {event.claim_id for event in run.received}
    wanted = {event.claim_id for event in run.expected}
    if got != wanted or run.dead_letters != run.poison_count:
        state = "running" if worker_alive() else f"exited with code {worker.returncode}"
        raise DemoError(
            f"the worker ({state}) published {len(got)} of {len(wanted)} expected claims "
            f"({len(got - wanted)} unexpected) and {run.dead_letters} of {run.poison_count} dead letters "
            f"within {run.wait_s:.0f} s; last lines of its log:\n{_tail(run.worker_log)}"
        )
    run.say(f"{settings.output_topic} holds all {len(got)} expected claims")
    run.say(f"{settings.dlq_topic} holds {run.dead_letters} dead letters")


def show_claims(run: DemoRun) -> None:
    order = {item.id: index for index, item in enumerate(run.items)}
    events = sorted(
        run.received, key=lambda event: (order.get(event.item_id, len(order)), event.evidence.start)
    )
    print(file=run.out)
    print(claims_table(events), file=run.out)
    print(file=run.out)


def show_metrics(run: DemoRun) -> None:
    deadline = time.monotonic() + METRICS_WAIT_S
    figures = _scrape(run.metrics_url)
    # Acknowledgements are counted in the worker a moment after the records become readable.
    while figures.claims < len(run.received) and time.monotonic() < deadline:
        time.sleep(0.2)
        figures = _scrape(run.metrics_url)
    print(f"worker metrics: {figures.line()}", file=run.out, flush=True)


def stop_worker(run: DemoRun) -> None:
    worker = run.worker
    if worker is None:
        return
    code = _stop_process(worker)
    if code != 0:
        raise DemoError(f"the worker exited with code {code} on SIGTERM; its log:\n{_tail(run.worker_log)}")
    run.say("worker drained, committed and exited 0")


def start_tracker(run: DemoRun) -> None:
    settings = run.worker_settings
    http_port = devbroker.free_port()
    run.tracker_metrics_url = f"http://127.0.0.1:{http_port}/metrics"
    run.tracker_log = run.workdir / "tracker.log"
    env = {
        **os.environ,
        "CLAIMWIRE_BOOTSTRAP_SERVERS": run.bootstrap,
        "CLAIMWIRE_TRACKER_INPUT_TOPIC": settings.output_topic,
        "CLAIMWIRE_TRACKER_HTTP_HOST": "127.0.0.1",
        "CLAIMWIRE_TRACKER_HTTP_PORT": str(http_port),
        "CLAIMWIRE_LOG_FORMAT": "json",
    }
    run.tracker = _start_command(run, "track", env, run.tracker_log)
    run.say(f"tracker pid {run.tracker.pid}, log in {run.tracker_log}")


def collect_series(run: DemoRun) -> None:
    """Wait until the tracker's changelog holds a series for every attributed claim's figure."""
    tracker = run.tracker
    if tracker is None:
        raise DemoError("the tracker stage has not run")
    wanted = {parts.series_key for event in run.expected if (parts := credited_series_parts(event))}
    changelog = TrackerSettings().changelog_topic
    deadline = time.monotonic() + run.wait_s
    got: set[str] = set()
    while tracker.poll() is None and time.monotonic() < deadline:
        run.series = read_series(run.worker_settings, changelog)
        got = {state.parts.series_key for state in run.series}
        if wanted <= got:
            run.say(f"{changelog} holds all {len(wanted)} series")
            return
        time.sleep(0.5)
    state = "running" if tracker.poll() is None else f"exited with code {tracker.returncode}"
    raise DemoError(
        f"the tracker ({state}) holds {len(wanted & got)} of {len(wanted)} expected series "
        f"within {run.wait_s:.0f} s; last lines of its log:\n{_tail(run.tracker_log)}"
    )


def show_series(run: DemoRun) -> None:
    print(file=run.out)
    print(series_table(select_series(run.series, SeriesFilter())).rstrip("\n"), file=run.out)
    print(file=run.out)
    with urllib.request.urlopen(run.tracker_metrics_url, timeout=5) as response:  # our own, on loopback
        text = response.read().decode("utf-8")
    kinds = {
        sample.labels["event"]: sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "claimwire_tracker_events_total"
    }
    counts = ", ".join(f"{kind} {count:.0f}" for kind, count in sorted(kinds.items()))
    print(f"tracker events: {counts or 'none'}", file=run.out, flush=True)


def stop_tracker(run: DemoRun) -> None:
    if run.tracker is None:
        return
    code = _stop_process(run.tracker)
    if code != 0:
        raise DemoError(f"the tracker exited with code {code} on SIGTERM; its log:\n{_tail(run.tracker_log)}")
    run.say("tracker committed and exited 0")


DEMO_STAGES: list[DemoStage] = [
    ("start a local Kafka broker", start_broker),
    ("create the topics", create_topics),
    ("publish the sample wire items", publish_samples),
    ("start claimwire worker", start_worker),
    ("wait for the claim events", collect_claims),
    ("claims published by the worker", show_claims),
    ("read the worker's metrics", show_metrics),
    ("stop the worker", stop_worker),
    ("start claimwire track", start_tracker),
    ("wait for the tracked series", collect_series),
    ("series followed by the tracker", show_series),
    ("stop the tracker", stop_tracker),
]


@dataclass(frozen=True, slots=True)
class WorkerFigures:
    processed: float
    claims: float
    dead_lettered: float
    p50_seconds: float | None

    def line(self) -> str:
        p50 = "n/a" if self.p50_seconds is None else f"{self.p50_seconds * 1000:.1f} ms"
        return (
            f"items processed {self.processed:.0f}, claims produced {self.claims:.0f}, "
            f"dead-lettered {self.dead_lettered:.0f}, p50 item time {p50}"
        )


def _scrape(url: str) -> WorkerFigures:
    with urllib.request.urlopen(url, timeout=5) as response:  # our own worker, on loopback
        text = response.read().decode("utf-8")
    totals: dict[str, float] = {}
    buckets: list[tuple[float, float]] = []
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name.endswith("_total"):
                totals[sample.name] = totals.get(sample.name, 0.0) + sample.value
            elif sample.name == "claimwire_item_processing_seconds_bucket":
                buckets.append((float(sample.labels["le"]), sample.value))
    return WorkerFigures(
        processed=totals.get("claimwire_items_processed_total", 0.0),
        claims=totals.get("claimwire_claims_produced_total", 0.0),
        dead_lettered=totals.get("claimwire_items_dead_lettered_total", 0.0),
        p50_seconds=histogram_quantile(0.5, buckets),
    )


def histogram_quantile(quantile: float, buckets: list[tuple[float, float]]) -> float | None:
    """A quantile from cumulative (upper bound, count) buckets, interpolated as Prometheus does."""
    ordered = sorted(buckets)
    if not ordered or ordered[-1][1] == 0:
        return None
    rank = quantile * ordered[-1][1]
    lower_bound, lower_count = 0.0, 0.0
    for upper_bound, count in ordered:
        if count >= rank:
            if upper_bound == float("inf"):
                return lower_bound
            share = (rank - lower_count) / (count - lower_count) if count > lower_count else 1.0
            return lower_bound + (upper_bound - lower_bound) * share
        lower_bound, lower_count = upper_bound, count
    return lower_bound


def format_value(event: ClaimEvent) -> str:
    """The figure as a reader would write it: thousands separated, a range as low–high, its unit."""

    def number(value: float) -> str:
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")

    text = number(event.value)
    if event.value_high is not None:
        text = f"{text}–{number(event.value_high)}"
    if event.unit:
        symbol = UNIT_SYMBOLS.get(event.unit, event.unit)
        text = f"{text}{symbol}" if symbol == "%" else f"{text} {symbol}"
    return text


def claims_table(events: list[ClaimEvent]) -> str:
    """Claim events as an aligned text table, one row per claim."""
    header = ("ITEM", "VALUE", "QUALIFIER", "COUNTED", "CATEGORY", "SOURCE")
    rows = [
        (
            event.item_id,
            format_value(event),
            event.qualifier,
            event.counted or "-",
            event.category,
            event.source.text if event.source else "-",
        )
        for event in events
    ]
    limits = (34, 20, 11, 18, 10, 40)
    clipped = [tuple(_clip(cell, limit) for cell, limit in zip(row, limits, strict=True)) for row in rows]
    widths = [max(len(row[column]) for row in [header, *clipped]) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *clipped]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _start_command(
    run: DemoRun, command: str, env: dict[str, str], log_path: Path
) -> subprocess.Popen[bytes]:
    """`claimwire COMMAND` as a child process, logging to `log_path`, stopped when the demo ends."""
    log = run.stack.enter_context(log_path.open("wb"))
    process = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", command],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    run.stack.callback(_stop_process, process)
    return process


def _stop_process(process: subprocess.Popen[bytes]) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=PROCESS_STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


def _tail(path: Path | None) -> str:
    if path is None or not path.exists():
        return "(no log)"
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(lines[-LOG_TAIL_LINES:])


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        type=float,
        default=WAIT_FOR_CLAIMS_S,
        help=f"seconds to wait for the worker's output (default {WAIT_FOR_CLAIMS_S:.0f})",
    )


def run(args: argparse.Namespace) -> int:
    try:
        return _run_stages(args.wait, sys.stdout)
    except KeyboardInterrupt:
        # The stages' exit stack has already stopped the worker and the broker on the way out.
        print("demo interrupted; worker and broker stopped", file=sys.stderr)
        return 130


def _run_stages(wait_s: float, out: TextIO) -> int:
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="claimwire-demo-")))
        demo = DemoRun(out=out, stack=stack, workdir=workdir, wait_s=wait_s)
        for number, (title, stage) in enumerate(DEMO_STAGES, start=1):
            elapsed = time.monotonic() - started
            print(f"[{number}/{len(DEMO_STAGES)}] {title} ({elapsed:.1f} s)", file=out, flush=True)
            try:
                stage(demo)
            except (DemoError, KafkaAdapterError, devbroker.DevBrokerError, OSError) as error:
                print(f"demo failed at '{title}': {error}", file=sys.stderr, flush=True)
                return ExitCode.FAILED
        print(
            f"done in {time.monotonic() - started:.1f} s; stopping the broker and removing {workdir}",
            file=out,
        )
    return ExitCode.OK
