"""Benchmark of compiling the pure extractor with mypyc: the same code, interpreted and compiled.

Copies `worker/` into a scratch folder, compiles `worker/extract` there with mypyc (it ships with
mypy, a development dependency; a C compiler and the Python headers must be installed), then times
`process_item` over the same corpus in alternating child processes, one core each: each child
warms up once and reports the best of three passes in CPU time. Each pair's ratio is printed, then
the median ratio; alternating pairs cancel most of a shared machine's drift. The children also
digest every claim event they produce, and the run fails if the compiled code's events differ.

    .venv/bin/python bench/bench_compiled.py [--pairs 5]

Corpus: the one `bench_extract.py` builds (samples and, when present, ../shared/eval), each
distinct item once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_extract import load_corpus

import worker.extract
from worker.pipeline import process_item

ROOT = Path(__file__).resolve().parent.parent
PASSES = 3


def child() -> None:
    """Time the extractor that `PYTHONPATH` selected for this child and print one JSON line about it."""
    items, _ = load_corpus(1)
    digest = hashlib.sha256()
    for item in items:  # the warm-up pass also digests the events
        for event in process_item(item):
            digest.update(event.model_dump_json().encode())
    best = float("inf")
    for _ in range(PASSES):
        started = time.process_time()
        for item in items:
            process_item(item)
        best = min(best, time.process_time() - started)
    print(
        json.dumps(
            {
                "module": worker.extract.__file__,
                "items": len(items),
                "seconds": best,
                "digest": digest.hexdigest(),
            }
        )
    )


def build_compiled(scratch: Path) -> Path:
    """A copy of `worker/` whose `worker/extract` modules are compiled; the copy's root."""
    tree = scratch / "compiled"
    shutil.copytree(ROOT / "worker", tree / "worker", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    shutil.copy(ROOT / "pyproject.toml", tree)  # mypy's settings, which mypyc reads
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mypyc", "worker/extract"],
        cwd=tree,
        check=True,
        capture_output=True,
        text=True,
    )
    compiled = sorted(path.name for path in (tree / "worker" / "extract").glob("*.so"))
    seconds = time.perf_counter() - started
    print(f"mypyc: compiled {len(compiled)} modules of worker/extract in {seconds:.0f} s")
    return tree


def run_child(tree: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, str(Path(__file__).resolve()), "--child"]
    if hasattr(os, "sched_getaffinity"):
        command = ["taskset", "-c", str(min(os.sched_getaffinity(0))), *command]
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True, cwd=tree)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter, allow_abbrev=False
    )
    parser.add_argument("--pairs", type=int, default=5, help="alternating interpreted/compiled pairs")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return 0
    if shutil.which("taskset") is None and hasattr(os, "sched_getaffinity"):
        print("taskset not found: children run unpinned")
    with tempfile.TemporaryDirectory(prefix="claimwire-mypyc-") as scratch:
        try:
            compiled = build_compiled(Path(scratch))
        except subprocess.CalledProcessError as failed:
            print(f"mypyc failed (exit {failed.returncode}):\n{(failed.stdout + failed.stderr)[-2000:]}")
            return 1
        ratios = []
        for pair in range(1, args.pairs + 1):
            interpreted = run_child(ROOT)
            native = run_child(compiled)
            if not str(native["module"]).endswith(".so"):
                print(f"the compiled run imported {native['module']}, not a compiled module")
                return 1
            if native["digest"] != interpreted["digest"]:
                print("the compiled extractor's claim events differ from the interpreted one's")
                return 1
            ratio = float(interpreted["seconds"]) / float(native["seconds"])  # type: ignore[arg-type]
            ratios.append(ratio)
            print(
                f"pair {pair}: interpreted {interpreted['seconds']:.3f} s, "
                f"compiled {native['seconds']:.3f} s over {interpreted['items']} items "
                f"(best of {PASSES} passes, CPU): {ratio:.2f}x"
            )
    print(
        f"compiled / interpreted speed: median {statistics.median(ratios):.2f}x "
        f"(range {min(ratios):.2f}-{max(ratios):.2f}x over {len(ratios)} pairs); claim events identical"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
