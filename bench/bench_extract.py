"""Benchmark of extraction alone: `process_item` on already decoded items, on one core.

Prints items/s and sentences/s for the whole extractor next to two baselines timed in the same
run over the same texts (`str.split`, and cleaning alone), so figures from a noisy machine can be
compared by their ratios. Each figure is given in CPU time (`time.process_time`: what the work
costs one core, whatever else the machine runs) and in wall-clock time; the target is judged on
CPU time, as a shared, loaded machine stretches the wall clock. Peak memory is measured in a
separate pass (tracemalloc slows the code it watches) and as the process's maximum resident set
size. It also times building the claim event models with pydantic's validation and without it, so
the cost of validating the output contract is measured rather than guessed.

Each figure is the median of `--repeat` runs (five by default). The same run times quantulum3, the
best-known open-source quantity parser, on the same cleaned texts (a subset: it is slow) and prints
the ratio of the two rates; it is installed only for benchmarks (`pip install -e '.[bench]'`).

    .venv/bin/python bench/bench_extract.py [--items 2000] [--repeat 5] [--quantulum-items 150]

Corpus: the bundled sample items (`worker/samples/*.jsonl`) and, when the folder exists, the texts
of `shared/eval/*.jsonl` next to the checkout (or next to the folder that holds it, for a git
worktree); repeated (with fresh ids) until there are at least `--items` items.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import resource
import statistics
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from worker.extract.sentences import split_sentences
from worker.ingest.clean import clean_body
from worker.ingest.files import read_items
from worker.models import ClaimEvent, ClaimSource, Evidence, ResolvedPlace, ResolvedSource, WireItem
from worker.pipeline import process_item

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "worker" / "samples"
# The shared labelled sets sit beside the main checkout; a worktree is one level further down.
SHARED_EVAL = next(
    (
        path
        for path in (ROOT.parent / "shared" / "eval", ROOT.parent.parent / "shared" / "eval")
        if path.is_dir()
    ),
    ROOT.parent / "shared" / "eval",
)
TARGET_SENTENCES_PER_SECOND = 6000
TARGET_QUANTULUM_RATIO = 30


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
    """The median CPU time and the median wall-clock time of a measurement's runs, in seconds."""

    cpu: float
    wall: float


def median_seconds(run: Callable[[], object], repeat: int) -> Timing:
    """The median of `repeat` timed runs, by CPU and by wall clock (robust to one disturbed run)."""
    cpu_times, wall_times = [], []
    for _ in range(repeat):
        gc.collect()
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        run()
        wall_times.append(time.perf_counter() - wall_started)
        cpu_times.append(time.process_time() - cpu_started)
    return Timing(statistics.median(cpu_times), statistics.median(wall_times))


def count_sentences(items: Sequence[WireItem]) -> int:
    return sum(len(split_sentences(clean_body(item.body, item.headline).text)) for item in items)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter, allow_abbrev=False
    )
    parser.add_argument("--items", type=int, default=2000, help="minimum corpus size (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement; the median counts")
    parser.add_argument(
        "--quantulum-items",
        type=int,
        default=150,
        help="items quantulum3 parses for the side-by-side figure, 0 to skip (default %(default)s)",
    )
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
    # setup.py compiles the extractor with mypyc on request (CLAIMWIRE_MYPYC=1): say which one is timed
    compiled = not str(getattr(sys.modules["worker.extract.sentences"], "__file__", "")).endswith(".py")
    print(f"extractor: {'compiled by mypyc' if compiled else 'pure Python'}")

    events = 0

    def extract_all() -> None:
        nonlocal events
        events = sum(len(process_item(item)) for item in items)

    split_s = median_seconds(lambda: [body.split() for body in bodies], args.repeat)
    clean_s = median_seconds(lambda: [clean_body(item.body, item.headline) for item in items], args.repeat)
    extract_s = median_seconds(extract_all, args.repeat)

    tracemalloc.start()
    extract_all()
    _, peak_bytes = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(f"one core, median of {args.repeat} runs, CPU time | wall clock:")
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
    compare_event_validation(items, extract_s.cpu, args.repeat)
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
    if args.quantulum_items > 0:
        compare_quantulum(items[: args.quantulum_items], rate)
    return 0


def compare_event_validation(items: Sequence[WireItem], extract_cpu: float, repeat: int) -> None:
    """Time building the claim events with pydantic's validation and without it (`model_construct`,
    nested models too), over the events of `items`: what validating the outgoing contract costs."""
    fields = [event.model_dump() for item in items for event in process_item(item)]
    nested: dict[str, type[BaseModel]] = {
        "source": ClaimSource,
        "evidence": Evidence,
        "resolved_source": ResolvedSource,
    }
    places = ("place", "event_place")

    def construct(row: dict[str, Any]) -> ClaimEvent:
        parts = {name: model.model_construct(**row[name]) for name, model in nested.items() if row[name]}
        parts |= {name: ResolvedPlace.model_construct(**row[name]) for name in places if row[name]}
        return ClaimEvent.model_construct(**(row | parts))

    validated = median_seconds(lambda: [ClaimEvent.model_validate(row) for row in fields], repeat)
    constructed = median_seconds(lambda: [construct(row) for row in fields], repeat)
    print(
        f"  claim event models: {validated.cpu * 1000:.1f} ms validated, {constructed.cpu * 1000:.1f} ms "
        f"built without validation, for {len(fields)} events; validation is "
        f"{validated.cpu / extract_cpu:.1%} of extraction"
    )


def compare_quantulum(items: Sequence[WireItem], claimwire_rate: float) -> None:
    """Time quantulum3 on the cleaned texts of `items` (one run: it is slow) and print claimwire's
    CPU rate in sentences/s as a multiple of quantulum3's."""
    try:
        with warnings.catch_warnings():
            # Without its optional classifier it warns on import; the parser works without it.
            warnings.simplefilter("ignore")
            quantulum = importlib.import_module("quantulum3.parser")
    except ImportError:
        print(
            "quantulum3: not installed, so no side-by-side figure "
            "(pip install -e '.[bench]', or pip install quantulum3)"
        )
        return
    texts = [clean_body(item.body, item.headline).text for item in items]
    sentences = sum(len(split_sentences(text)) for text in texts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantulum.parse(texts[0])  # loads its unit tables outside the timed run
        timing = median_seconds(lambda: [quantulum.parse(text) for text in texts], 1)
    rate = sentences / timing.cpu
    ratio = claimwire_rate / rate
    verdict = "meets" if ratio >= TARGET_QUANTULUM_RATIO else "MISSES"
    print(
        f"quantulum3 on the first {len(texts)} items ({sentences} sentences), one run: "
        f"{rate:.0f} sentences/s of CPU time; claimwire is {ratio:.1f}x faster, which {verdict} "
        f"the {TARGET_QUANTULUM_RATIO}x target"
    )


if __name__ == "__main__":
    sys.exit(main())
