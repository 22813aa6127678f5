"""Worker throughput against its two baselines, measured in one run on one broker with the same items.

(a) a no-op kafka-python loop: consume each 2 KB record and produce it unchanged (the Kafka ceiling);
(b) `claimwire extract` over the same items from a JSON Lines file (the extraction ceiling);
(c) `claimwire worker` end to end: from the moment it is ready until every claim event is published,
    once per `--extract-processes` value (`auto`, the default: one extraction child per usable CPU
    beyond the first; 0 = extraction in the poll loop's own process), each on its own
    copy of the input topic;
(d) with --with-exactly-once, the same worker in exactly-once (transactional) mode.

(b) and (c) are measured in `--rounds` rounds, (b) right before the workers of its round, because
this kind of shared host drifts in speed by tens of percent over minutes. Prints items/second for
each, each worker's ratio c / min(a, b) per round and its median over the rounds (target >= 0.85),
CPU milliseconds per item (the worker's whole process tree, extraction children included) and peak
RSS.

    .venv/bin/python bench/bench_worker.py                      # starts its own dev broker
    .venv/bin/python bench/bench_worker.py --bootstrap host:port --items 20000
    .venv/bin/python bench/bench_worker.py --extract-processes auto 0 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic

from worker.dev.broker import free_port, running_broker
from worker.ingest.decode import decode_item
from worker.pipeline import process_item

ITEM_BYTES = 2048
TARGET_RATIO = 0.85
SENTENCES = (
    "At least {n} people were killed in the floods, the health ministry said on Monday.",
    "Police said {n} protesters were detained after the march through the capital.",
    "The UN refugee agency said {n} families had been displaced by the fighting in the north.",
    "Officials said about {n} homes were damaged, and aid convoys were waiting at the border.",
)
FILLER = (
    "Residents described long queues for water and fuel as roads reopened slowly. "
    "Shops in the old town stayed shut for a third day while crews cleared debris. "
)


def make_items(count: int) -> list[bytes]:
    """Wire items of 2 KB each (ASCII): one to three claim sentences, then filler text."""
    items = []
    for index in range(count):
        claims = " ".join(s.format(n=index % 900 + 5) for s in SENTENCES[: 1 + index % 3])
        item = {"id": f"bench-{index}", "source": "bench", "headline": f"Bench item {index}", "body": ""}
        room = ITEM_BYTES - len(json.dumps(item))
        text = claims + " " + FILLER * (room // len(FILLER) + 1)
        item["body"] = text[:room]
        items.append(json.dumps(item).encode())
    return items


def create_topics(bootstrap: str, names: dict[str, int]) -> None:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        admin.create_topics([NewTopic(name, partitions, 1) for name, partitions in names.items()])
    finally:
        admin.close()


def produce(bootstrap: str, topic: str, values: list[bytes]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5, batch_size=256 * 1024)
    for index, value in enumerate(values):
        producer.send(topic, value=value, key=str(index).encode())
    producer.flush()
    producer.close()


def end_total(consumer: KafkaConsumer, topic: str) -> int:
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
    return sum(consumer.end_offsets(partitions).values()) if partitions else 0


def noop_loop(bootstrap: str, source: str, sink: str, count: int) -> float:
    """(a) consume each record and produce it unchanged, acks=all, idempotent; items/second."""
    consumer = KafkaConsumer(
        source,
        bootstrap_servers=bootstrap,
        group_id=f"bench-noop-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        max_poll_records=500,
    )
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=5)
    seen = 0
    started: float | None = None
    while seen < count:
        batches = consumer.poll(timeout_ms=500)
        if batches and started is None:
            started = time.perf_counter()
        for records in batches.values():
            for record in records:
                producer.send(sink, value=record.value, key=record.key)
            seen += len(records)
        if batches:
            consumer.commit()
    producer.flush()
    elapsed = time.perf_counter() - (started or time.perf_counter())
    producer.close()
    consumer.close()
    return count / elapsed


def extract_file(values: list[bytes], workdir: Path) -> tuple[float, float]:
    """(b) `claimwire extract` over the items as JSON Lines: items/second (with interpreter start) and
    CPU milliseconds per item."""
    path = workdir / "items.jsonl"
    path.write_bytes(b"\n".join(values) + b"\n")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "worker.cli", "extract", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return len(values) / elapsed, cpu * 1000 / len(values)


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU time of a process, and that of its living descendants (the extraction children)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0, 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own, sum(sum(cpu_seconds(child)) for child in children(pid))


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(child) for child in (task / "children").read_text().split())
        except FileNotFoundError:
            continue
    return found


def peak_rss_mib(pid: int) -> float:
    """Peak RSS of the process plus that of its descendants."""
    return _own_peak_rss_mib(pid) + sum(peak_rss_mib(child) for child in children(pid))


def _own_peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass(frozen=True)
class WorkerRun:
    """One (c) run: items/second, CPU milliseconds per item of the worker's own process and of its
    extraction children, peak RSS of both, and how many children it started."""

    items_per_second: float
    worker_cpu_ms: float
    children_cpu_ms: float
    peak_rss_mib: float
    children: int | None

    @property
    def cpu_ms(self) -> float:
        return self.worker_cpu_ms + self.children_cpu_ms


def worker_end_to_end(  # noqa: PLR0913  one benchmark run's parameters; the mode switches are keyword-only
    bootstrap: str,
    input_topic: str,
    count: int,
    claims: int,
    workdir: Path,
    *,
    exactly_once: bool = False,
    extract_processes: str = "auto",
) -> WorkerRun:
    """(c) the worker from its assignment to the last claim event."""
    output_topic, dlq_topic = f"bench-claims-{uuid.uuid4().hex[:8]}", f"bench-dlq-{uuid.uuid4().hex[:8]}"
    create_topics(bootstrap, {output_topic: 3, dlq_topic: 1})
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLAIMWIRE_")}
    env |= {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": bootstrap,
        "CLAIMWIRE_INPUT_TOPIC": input_topic,
        "CLAIMWIRE_OUTPUT_TOPIC": output_topic,
        "CLAIMWIRE_DLQ_TOPIC": dlq_topic,
        "CLAIMWIRE_GROUP_ID": f"bench-worker-{uuid.uuid4().hex[:8]}",
        "CLAIMWIRE_HTTP_PORT": "0",
        "CLAIMWIRE_LOG_FORMAT": "json",
        "CLAIMWIRE_EXACTLY_ONCE": str(exactly_once).lower(),
        "CLAIMWIRE_TRANSACTIONAL_ID": f"bench-{uuid.uuid4().hex[:8]}",
        "CLAIMWIRE_EXTRACT_PROCESSES": extract_processes,
    }
    log_path = workdir / f"worker-{uuid.uuid4().hex[:8]}.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "worker"], env=env, stdout=log, stderr=log
    )
    probe = KafkaConsumer(bootstrap_servers=bootstrap)
    try:
        started = None
        while started is None:
            if process.poll() is not None:
                raise SystemExit(f"worker exited with {process.returncode}; see {log_path}")
            if end_total(probe, output_topic) > 0 or _assigned(log_path):
                started = time.perf_counter()
                cpu_at_start = cpu_seconds(process.pid)
            time.sleep(0.02)
        while end_total(probe, output_topic) < claims:
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        cpu_at_end = cpu_seconds(process.pid)
        run = WorkerRun(
            items_per_second=count / elapsed,
            worker_cpu_ms=(cpu_at_end[0] - cpu_at_start[0]) * 1000 / count,
            children_cpu_ms=(cpu_at_end[1] - cpu_at_start[1]) * 1000 / count,
            peak_rss_mib=peak_rss_mib(process.pid),
            children=started_children(log_path),
        )
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()
        probe.close()
    return run


def started_children(log_path: Path) -> int | None:
    """The number of extraction children the worker logged at start (what 'auto' resolved to)."""
    for line in log_path.read_bytes().splitlines():
        if b'"worker_started"' in line:
            return int(json.loads(line)["extract_processes"])
    return None


def _assigned(log_path: Path) -> bool:
    """The worker has logged an assignment with partitions in it (the first one is often empty)."""
    for line in log_path.read_bytes().splitlines():
        if b'"partitions_assigned"' in line and b'"partitions": []' not in line:
            return True
    return False


def run(  # noqa: PLR0913  the command line's options, passed through by name
    bootstrap: str,
    count: int,
    workdir: Path,
    *,
    with_exactly_once: bool,
    extract_processes: list[str],
    rounds: int,
) -> None:
    values = make_items(count)
    claims = sum(len(process_item(decode_item(value))) for value in values)
    suffix = uuid.uuid4().hex[:8]
    source, sink = f"bench-in-{suffix}", f"bench-noop-out-{suffix}"
    # One input copy per worker run, so every run reads the same items from the start.
    worker_inputs = [
        [(n, f"bench-wire-{round_index}-{run}-{n}-{suffix}") for run, n in enumerate(extract_processes)]
        for round_index in range(rounds)
    ]
    all_inputs = [topic for inputs in worker_inputs for _, topic in inputs]
    create_topics(bootstrap, {source: 3, sink: 3} | dict.fromkeys(all_inputs, 3))
    produce(bootstrap, source, values)
    for topic in all_inputs:
        produce(bootstrap, topic, values)
    last = extract_processes[-1]
    if with_exactly_once:
        eos_input = f"bench-wire-eos-{suffix}"
        create_topics(bootstrap, {eos_input: 3})
        produce(bootstrap, eos_input, values)
    mean_size = sum(map(len, values)) / len(values)
    print(f"items: {count} of {mean_size:.0f} bytes, {claims} claims; broker {bootstrap}")

    noop = noop_loop(bootstrap, source, sink, count)
    print(f"(a) no-op kafka-python consume+produce: {noop:10.0f} items/s")
    # This host's speed drifts by tens of percent over minutes, so each round measures (b) right
    # before its workers and compares them with that; the verdict is the median over rounds.
    ratios: dict[str, list[float]] = {n: [] for n in extract_processes}
    last_rate = 0.0
    for round_index, inputs in enumerate(worker_inputs, start=1):
        extract, extract_cpu = extract_file(values, workdir)
        print(
            f"round {round_index}: (b) claimwire extract from a file: {extract:6.0f} items/s  "
            f"{extract_cpu:6.2f} CPU ms/item"
        )
        for processes, topic in inputs:
            run = worker_end_to_end(bootstrap, topic, count, claims, workdir, extract_processes=processes)
            ratio = run.items_per_second / min(noop, extract)
            ratios[processes].append(ratio)
            last_rate = run.items_per_second
            print(
                f"round {round_index}: (c) worker, extract processes {processes} "
                f"({run.children} children): {run.items_per_second:6.0f} items/s  "
                f"{run.cpu_ms:6.2f} CPU ms/item ({run.worker_cpu_ms:.2f} worker process, "
                f"{run.children_cpu_ms:.2f} children)  peak RSS {run.peak_rss_mib:.0f} MiB  "
                f"ratio c / min(a, b) {ratio:.2f}"
            )
    for processes, measured in ratios.items():
        median = statistics.median(measured)
        verdict = "meets" if median >= TARGET_RATIO else "below"
        print(
            f"worker, extract processes {processes}: median ratio c / min(a, b) {median:.2f} over "
            f"{len(measured)} rounds ({verdict} the {TARGET_RATIO} target)"
        )
    if with_exactly_once:
        eos = worker_end_to_end(
            bootstrap, eos_input, count, claims, workdir, exactly_once=True, extract_processes=last
        )
        print(
            f"(d) worker, exactly-once transactions: {eos.items_per_second:10.0f} items/s  "
            f"{eos.cpu_ms:6.2f} CPU ms/item"
        )
        print(
            f"exactly-once / at-least-once (extract processes {last}): "
            f"{eos.items_per_second / last_rate:.2f}; peak RSS {eos.peak_rss_mib:.0f} MiB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter, allow_abbrev=False
    )
    parser.add_argument("--bootstrap", help="use this broker instead of starting a dev broker")
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument(
        "--with-exactly-once", action="store_true", help="also run (d): --exactly-once worker"
    )
    parser.add_argument(
        "--extract-processes",
        nargs="+",
        default=["auto", "0"],
        help="CLAIMWIRE_EXTRACT_PROCESSES of each (c) run in a round (default: auto 0)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of (b) then (c) (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimwire-bench-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        bootstrap = args.bootstrap or (
            stack.enter_context(running_broker(workdir / "broker", port=free_port())).bootstrap
        )
        run(
            bootstrap,
            args.items,
            workdir,
            with_exactly_once=args.with_exactly_once,
            extract_processes=args.extract_processes,
            rounds=args.rounds,
        )


if __name__ == "__main__":
    main()
