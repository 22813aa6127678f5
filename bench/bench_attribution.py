"""Benchmark of attribution alone: `attribute` on cleaned, split texts with their figures found, on one core.

Prints sentences/s for `attribute` next to sentence splitting timed in the same run over the same
texts, so figures from a busy machine can be compared by their ratio, and the share of the whole
extractor's 3,000 sentences/s budget that attribution takes. Then times `attribute` on one run-on
sentence of 8,000 and of 16,000 words (clauses joined by semicolons): twice the words should cost
about twice the time, as the work is linear in the text.

    .venv/bin/python bench/bench_attribution.py [--repeat 5]

Corpus: the bundled sample items and, when the folder exists, the texts of `../shared/eval/*.jsonl`.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from worker.extract.attribution import attribute
from worker.extract.quantities import find_quantities
from worker.extract.sentences import split_sentences
from worker.ingest.clean import clean_body

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "worker" / "samples"
SHARED_EVAL = ROOT.parent / "shared" / "eval"
EXTRACTOR_TARGET_SENTENCES_PER_SECOND = 3000


def load_bodies() -> list[str]:
    bodies: list[str] = []
    for path in sorted(SAMPLES.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            bodies.extend(json.loads(line)["body"] for line in lines if line.strip())
    for path in sorted(SHARED_EVAL.glob("*.jsonl")) if SHARED_EVAL.is_dir() else []:
        with path.open(encoding="utf-8") as lines:
            bodies.extend(json.loads(line)["text"] for line in lines if line.strip())
    if not bodies:
        sys.exit("no corpus: neither worker/samples/*.jsonl nor ../shared/eval/*.jsonl was found")
    return bodies


def best_cpu_seconds(run: Callable[[], object], repeat: int) -> float:
    """The least CPU time of `repeat` runs (CPU time, not wall time: other work on the machine
    does not count against it)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter, allow_abbrev=False
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement; the best counts")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    texts = [clean_body(body).text for body in load_bodies()]
    prepared = []
    for text in texts:
        sentences = split_sentences(text)
        mentions = sorted(
            (q.start, q.end) for start, end in sentences for q in find_quantities(text, start, end)
        )
        prepared.append((text, sentences, mentions))
    sentence_count = sum(len(sentences) for _, sentences, _ in prepared)
    figure_count = sum(len(mentions) for _, _, mentions in prepared)

    split_s = best_cpu_seconds(lambda: [split_sentences(text) for text in texts], args.repeat)
    attribute_s = best_cpu_seconds(lambda: [attribute(*row) for row in prepared], args.repeat)

    attribute_rate = sentence_count / attribute_s
    print(f"corpus: {len(texts)} texts, {sentence_count} sentences, {figure_count} figures")
    print(f"one core, CPU time, best of {args.repeat} runs:")
    print(f"  split_sentences (baseline)  {sentence_count / split_s:10.0f} sentences/s")
    print(f"  attribute                   {attribute_rate:10.0f} sentences/s")
    print(f"  attribute / split_sentences time: {attribute_s / split_s:.1f}x")
    share = EXTRACTOR_TARGET_SENTENCES_PER_SECOND / attribute_rate
    print(
        f"  share of the extractor's {EXTRACTOR_TARGET_SENTENCES_PER_SECOND} sentences/s budget: {share:.0%}"
    )

    print("one run-on sentence, CPU time, best of the same runs:")
    seconds_by_words = {}
    for words in (8_000, 16_000):
        text = run_on_sentence(words)
        sentences = split_sentences(text)
        mentions = [(m.start(), m.end()) for m in re.finditer(r"\d+", text)]
        run = functools.partial(attribute, text, sentences, mentions)
        seconds_by_words[words] = best_cpu_seconds(run, args.repeat)
        print(f"  {words:6d} words, {len(mentions):5d} figures: {seconds_by_words[words] * 1000:8.1f} ms")
    print(
        f"  16,000 / 8,000 words time: {seconds_by_words[16_000] / seconds_by_words[8_000]:.1f}x "
        "(2x is linear)"
    )
    return 0


def run_on_sentence(words: int) -> str:
    """A single sentence of about `words` words: attributed clauses joined by semicolons."""
    clause = "the ministry said 5 people died; 7 were hurt, according to police; the army counted 12 homes; "
    return clause * (words // len(clause.split())) + "it ended."


if __name__ == "__main__":
    raise SystemExit(main())
