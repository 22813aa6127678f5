"""Replay throughput from a topic and from files, next to the ceilings measured in the same run.

(a) no-op consume: a group-less kafka-python consumer reading the topic to its end, doing nothing
    with the records (the most a topic replay could reach on this broker);
(b) the processor alone: the worker's `RecordProcessor` over the same items already in memory
    (the most any replay could reach on this machine);
(c) `claimwire replay --topic ... --output-topic ...`: topic to topic, with a checkpoint;
(d) `claimwire replay --topic ... --output-file ...`: topic to JSON Lines;
(e) `claimwire replay --files ... --output-file ...`: a gzip archive to JSON Lines.

Prints items/second for each (best of --rounds) and each replay's ratio to min(a, b). Replays
run in this process through the CLI entry point, so start-up time is not counted and each figure
is the command's own run time.

    .venv/bin/python bench/bench_replay.py                     # starts its own dev broker
    .venv/bin/python bench/bench_replay.py --bootstrap host:port --items 20000
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from worker.cli import main as claimwire
from worker.dev.broker import running_broker
from worker.kafka.admin import TopicSpec, create_topics
from worker.records import InputRecord
from worker.runtime.processor import RecordProcessor
from worker.settings import KafkaConnectionSettings

PARTITIONS = 3
SENTENCES = (
    "Officials said {n} people had been evacuated from the flooded valley by Thursday evening.",
    "At least {n} workers were injured in the blast, the regional police chief told reporters.",
    "Aid groups estimate that around {n} families remain without shelter after the storm.",
)
FILLER = "The road into the town was reopened in the afternoon and shops began to take deliveries again. "


def make_items(count: int, *, body_chars: int = 1500) -> list[bytes]:
    """Wire items with one to three claim sentences, padded with filler to a realistic length."""
    items = []
    for index in range(count):
        claims = " ".join(s.format(n=index % 700 + 4) for s in SENTENCES[: 1 + index % 3])
        body = (claims + " " + FILLER * (body_chars // len(FILLER) + 1))[:body_chars]
        items.append(json.dumps({"id": f"bench-{index}", "source": "bench", "body": body}).encode())
    return items


@contextlib.contextmanager
def broker(bootstrap: str | None, workdir: Path) -> Iterator[str]:
    if bootstrap:
        yield bootstrap
        return
    with running_broker(workdir / "broker") as started:
        yield f"127.0.0.1:{started.port}"


def fill_topic(bootstrap: str, topic: str, items: list[bytes]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20, batch_size=256 * 1024)
    for index, value in enumerate(items):
        producer.send(topic, key=f"k{index}".encode(), value=value)
    producer.flush(timeout=120)
    producer.close()


def noop_consume(bootstrap: str, topic: str) -> float:
    """Seconds to read every record of `topic` without a group and without doing anything with it."""
    started = time.monotonic()
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic))]
    consumer.assign(partitions)
    consumer.seek_to_beginning(*partitions)
    end = consumer.end_offsets(partitions)
    while any(consumer.position(tp) < end[tp] for tp in partitions):
        consumer.poll(timeout_ms=500, max_records=500)
    consumer.close(autocommit=False)
    return time.monotonic() - started


def processor_only(items: list[bytes]) -> float:
    processor = RecordProcessor(output_topic="claims.backfill", dlq_topic="wire.raw.dlq")
    started = time.monotonic()
    for offset, value in enumerate(items):
        processor.process(InputRecord("wire.raw", 0, offset, None, value))
    return time.monotonic() - started


def timed_replay(quiet: TextIO, *args: str) -> float:
    # The replay's own log lines (progress, summary) would drown the figures. `quiet` stays open for
    # the whole run: the Kafka client's threads keep the logging stream the first replay set up.
    with contextlib.redirect_stderr(quiet), contextlib.redirect_stdout(io.StringIO()):
        started = time.monotonic()
        code = claimwire(["replay", "--log-format", "json", "--log-level", "WARNING", *args])
        elapsed = time.monotonic() - started
    if code != 0:
        raise SystemExit(f"claimwire replay {' '.join(args)} exited with {code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--bootstrap", help="an existing broker; default: start a dev broker here")
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="best of this many rounds is reported")
    args = parser.parse_args()
    items = make_items(args.items)
    mean_bytes = sum(map(len, items)) / len(items)
    with (
        tempfile.TemporaryDirectory(prefix="claimwire-bench-replay-") as tmp,
        broker(args.bootstrap, Path(tmp)) as bootstrap,
        open(os.devnull, "w") as quiet,
    ):
        os.environ["CLAIMWIRE_BOOTSTRAP_SERVERS"] = bootstrap
        run = uuid.uuid4().hex[:8]
        wire, out = f"bench-wire-{run}", f"bench-backfill-{run}"
        create_topics(
            KafkaConnectionSettings(bootstrap_servers=bootstrap),
            [TopicSpec(wire, PARTITIONS, 1, {}), TopicSpec(out, PARTITIONS, 1, {})],
        )
        fill_topic(bootstrap, wire, items)
        archive = Path(tmp) / "items.jsonl.gz"
        archive.write_bytes(gzip.compress(b"\n".join(items) + b"\n"))

        noop_consume(bootstrap, wire)  # warm the broker's page cache and the client's imports
        rounds: dict[str, list[float]] = {}
        # Rounds interleave the measures so load from other processes hits all of them alike; the
        # best round of each is reported. Each round has its own checkpoints: a reused one would resume.
        for number in range(args.rounds):
            work = Path(tmp) / f"round-{number}"
            work.mkdir()
            measured = {
                "(a) no-op consume": noop_consume(bootstrap, wire),
                "(b) processor only": processor_only(items),
                "(c) replay topic -> topic": timed_replay(
                    quiet,
                    "--topic", wire, "--output-topic", out, "--checkpoint", str(work / "c.json")
                ),
                "(d) replay topic -> file": timed_replay(
                    quiet,
                    "--topic", wire,
                    "--output-file", str(work / "d.jsonl"), "--checkpoint", str(work / "d.json"),
                ),
                "(e) replay files -> file": timed_replay(
                    quiet,
                    "--files", str(archive),
                    "--output-file", str(work / "e.jsonl"), "--checkpoint", str(work / "e.json"),
                ),
            }  # fmt: skip
            for name, seconds in measured.items():
                rounds.setdefault(name, []).append(seconds)
        figures = {name: min(times) for name, times in rounds.items()}
    ceiling = max(figures["(a) no-op consume"], figures["(b) processor only"])
    print(
        f"{args.items} items of {mean_bytes:.0f} bytes, {PARTITIONS} partitions, checkpoint every 1000 items"
    )
    for name, seconds in figures.items():
        rate = args.items / seconds
        ratio = "" if name.startswith(("(a)", "(b)")) else f"   {ceiling / seconds:.2f} of min(a, b)"
        print(f"{name:<28} {seconds:7.2f} s {rate:9.0f} items/s{ratio}")


if __name__ == "__main__":
    main()
