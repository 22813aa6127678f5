"""Scale-out throughput: one `claimwire worker`, then two side by side, then `claimwire track`, in one run.

Every run reads the same items from the same 6-partition input topic on the same broker, each in a
fresh consumer group with its own output topic, so the figures compare like with like:

(1) one worker;
(2) two workers in one group (three partitions each once the group is stable);
(3) the tracker over the claims run (1) published (its own group, changelog and output topic).

A worker run waits until its group is stable (every worker holds partitions, together all six),
then produces the items and is timed from the first produce to the moment every item is processed
(the workers' `claimwire_items_processed_total`). Each worker run has its own input topic with the
same items, so no run starts on records another run left. The tracker's rate runs from its first
assignment to the moment it has consumed every claim record (`claimwire_tracker_claims_consumed_total`).

The machine this was written on has 2 cores and is shared: two workers can at most double one
worker's rate, and less when anything else runs. The load average is printed with the figures.

    .venv/bin/python bench/bench_scale.py                     # starts its own dev broker in a temp dir
    .venv/bin/python bench/bench_scale.py --bootstrap host:port --items 3000
    .venv/bin/python bench/bench_scale.py --extract-processes 0    # one process per worker
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench_worker import produce  # the same loader as the worker benchmark
from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.admin import NewTopic
from prometheus_client.parser import text_string_to_metric_families

from worker.dev.broker import running_broker
from worker.ingest.decode import decode_item
from worker.pipeline import process_item
from worker.track.keys import series_parts

PARTITIONS = 6
ITEM_BYTES = 1536
START_TIMEOUT_S = 120.0
STALL_S = 60.0
STOP_TIMEOUT_S = 60.0

# Invented places and sources: every item gives two attributed figures the tracker follows over time.
PLACES = tuple(
    f"{stem}{suffix}" for stem in ("Norv", "Ostr", "Keld", "Vasq", "Tirr") for suffix in ("ale", "any")
)
SENTENCES = (
    "Flooding has killed {n} people in {place} since the weekend, the {place} health ministry said.",
    "The {place} civil defence agency said {n} people had been killed in {place}.",
    "The UN refugee agency said about {m} people had been displaced in {place}.",
    "Police in {place} said {k} protesters were detained after the march.",
)
FILLER = (
    "Residents queued for water and fuel as the roads reopened slowly after the storm. "
    "Shops in the old town stayed shut for a third day while crews cleared the debris. "
)
FIRST_DAY = datetime(2026, 3, 2, tzinfo=UTC)


def make_items(count: int) -> list[bytes]:
    """Items of about ITEM_BYTES each: two claim sentences about one place, then filler text."""
    items = []
    for index in range(count):
        place = PLACES[index % len(PLACES)]
        day = index // len(PLACES)
        first = SENTENCES[index % len(SENTENCES)]
        second = SENTENCES[(index + 1) % len(SENTENCES)]
        figures = {"n": 100 + day, "m": 10_000 + 50 * day, "k": 20 + index % 30, "place": place}
        claims = f"{first.format(**figures)} {second.format(**figures)}"
        item = {
            "id": f"scale-{index}",
            "source": "bench",
            "published_at": (FIRST_DAY + timedelta(minutes=10 * index)).isoformat(),
            "headline": f"Update from {place}",
            "body": "",
        }
        room = ITEM_BYTES - len(json.dumps(item))
        item["body"] = (claims + " " + FILLER * (room // len(FILLER) + 1))[:room]
        items.append(json.dumps(item).encode())
    return items


def create_topics(bootstrap: str, topics: dict[str, tuple[int, bool]]) -> None:
    """Create topics named with their (partitions, compacted)."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        admin.create_topics(
            [
                NewTopic(name, partitions, 1, topic_configs={"cleanup.policy": "compact"} if compact else {})
                for name, (partitions, compact) in topics.items()
            ]
        )
    finally:
        admin.close()


def end_total(bootstrap: str, topic: str) -> int:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return sum(consumer.end_offsets(partitions).values())
    finally:
        consumer.close()


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


@dataclass
class Service:
    """A `claimwire worker` or `claimwire track` process with JSON logs and an ephemeral HTTP port."""

    process: subprocess.Popen[bytes]
    log_path: Path

    @classmethod
    def start(cls, command: str, env: dict[str, str], log_path: Path) -> Service:
        base = {key: value for key, value in os.environ.items() if not key.startswith("CLAIMWIRE_")}
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "worker.cli", command],
                env=base | env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return cls(process, log_path)

    def events(self, name: str) -> list[dict[str, object]]:
        lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        parsed = [json.loads(line) for line in lines if line.startswith("{")]
        return [event for event in parsed if event.get("event") == name]

    def check_alive(self) -> None:
        if self.process.poll() is not None:
            raise SystemExit(
                f"{self.log_path.stem} exited with {self.process.returncode}; see {self.log_path}"
            )

    def assigned(self) -> int:
        """Partitions in the latest assignment."""
        assignments = self.events("partitions_assigned")
        partitions = assignments[-1].get("partitions") if assignments else None
        return len(partitions) if isinstance(partitions, list) else 0

    def metric(self, name: str) -> float:
        listening = self.events("http_listening")
        if not listening:
            return 0.0
        url = f"http://127.0.0.1:{listening[0]['port']}/metrics"
        with urllib.request.urlopen(url, timeout=10) as response:
            text = response.read().decode()
        return sum(
            sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples
            if sample.name == name
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class Rate:
    label: str
    items: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.items / self.seconds


def wait_for(condition: Callable[[], bool], what: str, services: list[Service], timeout_s: float) -> float:
    """Poll `condition()` until true; the monotonic time it became true."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for service in services:
            service.check_alive()
        if condition():
            return time.monotonic()
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {what}; logs in {[str(s.log_path) for s in services]}")


def worker_run(
    bootstrap: str, values: list[bytes], workers: int, workdir: Path, extract_processes: int | None
) -> tuple[Rate, str]:
    """Throughput of `workers` worker processes in a fresh group; also returns their output topic.

    The items are produced once the group is stable, into a fresh input topic: a worker that joins a
    group already busy with a batch loses that batch's records on the partitions it keeps (see
    deploy/README.md, "Scale test"), which would stall the run instead of measuring it.
    """
    run = uuid.uuid4().hex[:8]
    input_topic, output, dlq = f"scale-wire-{run}", f"scale-claims-{run}", f"scale-dlq-{run}"
    create_topics(bootstrap, {input_topic: (PARTITIONS, False), output: (PARTITIONS, False), dlq: (1, False)})
    env = {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": bootstrap,
        "CLAIMWIRE_INPUT_TOPIC": input_topic,
        "CLAIMWIRE_OUTPUT_TOPIC": output,
        "CLAIMWIRE_DLQ_TOPIC": dlq,
        "CLAIMWIRE_GROUP_ID": f"bench-scale-{run}",
        "CLAIMWIRE_HTTP_HOST": "127.0.0.1",
        "CLAIMWIRE_HTTP_PORT": "0",
        "CLAIMWIRE_LOG_FORMAT": "json",
    }
    services = [
        Service.start(
            "worker", env | {"CLAIMWIRE_CLIENT_ID": f"bench-{run}-{n}"}, workdir / f"worker-{run}-{n}.log"
        )
        for n in range(workers)
    ]
    count = len(values)
    try:
        wait_for(
            lambda: all(s.assigned() for s in services) and sum(s.assigned() for s in services) == PARTITIONS,
            "a stable group",
            services,
            START_TIMEOUT_S,
        )
        started = time.monotonic()
        produce(bootstrap, input_topic, values)
        finished = wait_for_progress(
            lambda: int(sum(s.metric("claimwire_items_processed_total") for s in services)), count, services
        )
    finally:
        for service in services:
            service.stop()
    label = "1 worker" if workers == 1 else f"{workers} workers"
    return Rate(label, count, finished - started), output


def wait_for_progress(done: Callable[[], int], count: int, services: list[Service]) -> float:
    """Poll `done()` until it reaches `count`; stop with an error if it stops moving for STALL_S."""
    last, moved = -1, time.monotonic()
    while (now := time.monotonic()) - moved < STALL_S:
        for service in services:
            service.check_alive()
        value = done()
        if value >= count:
            return now
        if value != last:
            last, moved = value, now
        time.sleep(0.1)
    raise SystemExit(
        f"stalled at {last} of {count} for {STALL_S:.0f} s; logs in {[str(s.log_path) for s in services]}"
    )


def tracker_run(bootstrap: str, claims_topic: str, workdir: Path) -> Rate:
    """Throughput of `claimwire track` over every record of `claims_topic`, in claim records per second."""
    run = uuid.uuid4().hex[:8]
    tracked, changelog = f"scale-tracked-{run}", f"scale-changelog-{run}"
    create_topics(bootstrap, {tracked: (PARTITIONS, False), changelog: (PARTITIONS, True)})
    records = end_total(bootstrap, claims_topic)
    env = {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": bootstrap,
        "CLAIMWIRE_TRACKER_INPUT_TOPIC": claims_topic,
        "CLAIMWIRE_TRACKER_OUTPUT_TOPIC": tracked,
        "CLAIMWIRE_TRACKER_CHANGELOG_TOPIC": changelog,
        "CLAIMWIRE_TRACKER_GROUP_ID": f"bench-tracker-{run}",
        "CLAIMWIRE_TRACKER_TRANSACTIONAL_ID": f"bench-tracker-{run}",
        "CLAIMWIRE_TRACKER_HTTP_PORT": "0",
        "CLAIMWIRE_TRACKER_LOG_FORMAT": "json",
        # Throughput, not latency: the reorder window would add its wait to the measured time.
        "CLAIMWIRE_TRACKER_REORDER_WINDOW_SECONDS": "0",
    }
    tracker = Service.start("track", env, workdir / f"tracker-{run}.log")
    try:
        started = wait_for(
            lambda: tracker.assigned() == PARTITIONS, "the tracker's assignment", [tracker], START_TIMEOUT_S
        )
        finished = wait_for_progress(
            lambda: int(tracker.metric("claimwire_tracker_claims_consumed_total")), records, [tracker]
        )
    finally:
        tracker.stop()
    return Rate("tracker", records, finished - started)


def run(bootstrap: str, count: int, workdir: Path, extract_processes: int | None) -> None:
    values = make_items(count)
    events = [event for value in values for event in process_item(decode_item(value))]
    series = {parts.series_key for event in events if (parts := series_parts(event)) is not None}
    mean_size = sum(map(len, values)) / len(values)
    print(f"items: {count} of {mean_size:.0f} bytes, {len(events)} claims in {len(series)} series")
    children = "the worker's default" if extract_processes is None else extract_processes
    print(f"broker {bootstrap}; {PARTITIONS} partitions per topic; extract processes per worker: {children}")
    print(load())

    rates = []
    one, claims_topic = worker_run(bootstrap, values, 1, workdir, extract_processes)
    rates.append((one, load()))
    two, _ = worker_run(bootstrap, values, 2, workdir, extract_processes)
    rates.append((two, load()))
    tracker = tracker_run(bootstrap, claims_topic, workdir)
    rates.append((tracker, load()))

    print()
    print(f"| {'run':<10} | {'measured':>16} | {'seconds':>7} | {'per second':>10} | load after")
    print(f"|{'-' * 12}|{'-' * 18}|{'-' * 9}|{'-' * 12}|{'-' * 44}")
    for rate, load_after in rates:
        unit = "claims" if rate.label == "tracker" else "items"
        figures = f"{rate.items:>7} {unit:<8} | {rate.seconds:7.1f} | {rate.per_second:10.0f}"
        print(f"| {rate.label:<10} | {figures} | {load_after}")
    print()
    print(
        f"two workers / one worker: {two.per_second / one.per_second:.2f}x; at most 2x on {os.cpu_count()} "
        "cores, and less on a shared machine or when one worker's extraction children already use both"
    )
    claims_per_second = one.per_second * len(events) / count
    print(f"tracker claim records/s / one worker's claims/s: {tracker.per_second / claims_per_second:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter, allow_abbrev=False
    )
    parser.add_argument("--bootstrap", help="use this broker instead of starting a dev broker")
    parser.add_argument("--items", type=int, default=3_000)
    parser.add_argument(
        "--extract-processes", type=int, help="CLAIMWIRE_EXTRACT_PROCESSES of every worker (default: unset)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimwire-bench-scale-") as tmp:
        workdir = Path(tmp)
        if args.bootstrap:
            run(args.bootstrap, args.items, workdir, args.extract_processes)
            return
        with running_broker(workdir / "broker") as broker:
            run(broker.bootstrap, args.items, workdir, args.extract_processes)


if __name__ == "__main__":
    main()
