"""Benchmark of extraction alone: `process_item` on already decoded items, on one core.

Prints items/s and sentences/s for the whole extractor next to two baselines timed in the same
run over the same texts (`str.split`, and cleaning alone), so figures from a noisy machine can be
compared by their ratios. Each figure is given in CPU time (`time.process_time`: what the work
costs one core, whatever else the machine runs) and in wall-clock time; the target is judged on
CPU time, as a shared, loaded machine stretches the wall clock. Peak memory is measured in a
separate pass (tracemalloc slows the code it watches) and as the process's maximum resident set
size.

    .venv/bin/python bench/bench_extract.py [--items 2000] [--repeat 3]

Corpus: the bundled sample items (`worker/samples/*.jsonl`) and, when the folder exists, the texts
of `../shared/eval/*.jsonl`; repeated (with fresh ids) until there are at least `--items` items.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from worker.extract.sentences import split_sentences
from worker.ingest.clean import clean_body
from worker.ingest.files import read_items
from worker.models import WireItem
from worker.pipeline import process_item

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "worker" / "samples"
SHARED_EVAL = ROOT.parent / "shared" / "eval"
TARGET_SENTENCES_PER_SECOND = 3000


def load_corpus(minimum: int) -> tuple[list[WireItem], list[str]]:
    """At least `minimum` items and a description of where they came from."""
    base: list[WireItem] = []
    origins: list[str] = []
    sample_files = sorted(str(path) for path in SAMPLES.glob("*.jsonl"))
    if sample_files:
        before = len(base)
        base.extend(read.result for read in read_items(sample_files) if isinstance(read.result, WireItem))
        origins.append(f"{len(base) - before} items from {len(sample_files)} sample file(s) in {SAMPLES}")
    for path in sorted(SHARED_EVAL.glob("*.jsonl")) if SHARED_EVAL.is_dir() else []:
        before = len(base)
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                base.append(WireItem(id=str(row["item_id"]), body=row["text"]))
        origins.append(f"{len(base) - before} texts from {path}")
    if not base:
        sys.exit("no corpus: neither worker/samples/*.jsonl nor ../shared/eval/*.jsonl was found")
    repeats = -(-minimum // len(base))
    items = [item.model_copy(update={"id": f"{item.id}#{n}"}) for n in range(repeats) for item in base]
    origins.append(f"{len(base)} distinct items repeated {repeats}x = {len(items)} items")
    return items, origins


@dataclass(frozen=True, slots=True)
class Timing:
    """The least CPU time and the least wall-clock time of a measurement's runs, in seconds."""

    cpu: float
    wall: float


def best_seconds(run: Callable[[], object], repeat: int) -> Timing:
    """The fastest of `repeat` timed runs, by CPU and by wall clock (the least disturbed by other
    work on the machine)."""
    cpu_times, wall_times = [], []
    for _ in range(repeat):
        gc.collect()
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        run()
        wall_times.append(time.perf_counter() - wall_started)
        cpu_times.append(time.process_time() - cpu_started)
    return Timing(min(cpu_times), min(wall_times))


def count_sentences(items: Sequence[WireItem]) -> int:
    return sum(len(split_sentences(clean_body(item.body, item.headline).text)) for item in items)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter, allow_abbrev=False
    )
    parser.add_argument("--items", type=int, default=2000, help="minimum corpus size (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement; the best counts")
    args = parser.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    items, origins = load_corpus(args.items)
    bodies = [item.body for item in items]
    total_chars = sum(map(len, bodies))
    sentences = count_sentences(items)
    print("corpus:")
    for origin in origins:
        print(f"  {origin}")
    print(f"  {total_chars / 1e6:.2f} M characters, {sentences} sentences (after cleaning)")

    events = 0

    def extract_all() -> None:
        nonlocal events
        events = sum(len(process_item(item)) for item in items)

    split_s = best_seconds(lambda: [body.split() for body in bodies], args.repeat)
    clean_s = best_seconds(lambda: [clean_body(item.body, item.headline) for item in items], args.repeat)
    extract_s = best_seconds(extract_all, args.repeat)

    tracemalloc.start()
    extract_all()
    _, peak_bytes = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(f"one core, best of {args.repeat} runs, CPU time | wall clock:")
    rows = [
        ("str.split (baseline)", split_s),
        ("clean_body (baseline)", clean_s),
        ("process_item (whole extractor)", extract_s),
    ]
    for name, timing in rows:
        print(
            f"  {name:<32} {timing.cpu * 1000:8.1f} | {timing.wall * 1000:8.1f} ms  "
            f"{len(items) / timing.cpu:8.0f} | {len(items) / timing.wall:8.0f} items/s  "
            f"{sentences / timing.cpu:8.0f} | {sentences / timing.wall:8.0f} sentences/s  "
            f"{total_chars / timing.cpu / 1e6:6.2f} M chars/s (CPU)"
        )
    print(
        f"  extractor / str.split CPU time: {extract_s.cpu / split_s.cpu:.0f}x; "
        f"extractor / clean_body: {extract_s.cpu / clean_s.cpu:.1f}x; "
        f"cleaning share: {clean_s.cpu / extract_s.cpu:.0%}"
    )
    print(f"  claim events: {events} ({events / len(items):.2f} per item)")
    print(
        f"peak memory: {peak_bytes / 1024:.0f} KiB allocated during extraction (corpus excluded), "
        f"{max_rss_kib / 1024:.0f} MiB max RSS"
    )
    rate = sentences / extract_s.cpu
    verdict = "meets" if rate >= TARGET_SENTENCES_PER_SECOND else "MISSES"
    print(
        f"target: {rate:.0f} sentences/s of CPU time on one core {verdict} the "
        f"{TARGET_SENTENCES_PER_SECOND} sentences/s target ({sentences / extract_s.wall:.0f} by wall clock)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
