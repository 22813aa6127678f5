"""Start-up time of the development broker: first start (format + start) and restart on the same data.

Each round times `claimwire dev-broker` from launch to its `bootstrap=` line (the broker answered a
metadata request), then SIGTERM to exit. The baseline, timed in the same run, is a bare JVM start
(`java -version`), so figures from a busy machine can be read by their ratio.

    .venv/bin/python bench/bench_dev_broker.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from worker.dev.broker import ensure_jars, free_port, java_executable


def time_jvm_start() -> float:
    started = time.monotonic()
    subprocess.run([java_executable(), "-version"], capture_output=True, check=True)
    return time.monotonic() - started


def time_broker_start(data_dir: Path, log_path: Path) -> tuple[float, float]:
    """Seconds to the `bootstrap=` line, then seconds from SIGTERM to exit."""
    command = [sys.executable, "-m", "worker.cli", "dev-broker", "--port", str(free_port())]
    with log_path.open("w") as log:
        started = time.monotonic()
        process = subprocess.Popen(
            [*command, "--data-dir", str(data_dir)], stdout=log, stderr=subprocess.STDOUT
        )
        while "bootstrap=" not in log_path.read_text():
            if process.poll() is not None:
                raise SystemExit(f"dev-broker exited with {process.returncode}:\n{log_path.read_text()}")
            time.sleep(0.05)
        ready = time.monotonic() - started
        stopping = time.monotonic()
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
        if code != 0:
            raise SystemExit(f"dev-broker exited with {code} on SIGTERM")
        return ready, time.monotonic() - stopping


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ensure_jars()
    jvm, first, restart, stop = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="claimwire-bench-broker-") as tmp:
        for round_number in range(args.rounds):
            data_dir = Path(tmp) / f"round-{round_number}"
            jvm.append(time_jvm_start())
            ready, stopped = time_broker_start(data_dir, Path(tmp) / f"first-{round_number}.log")
            first.append(ready)
            stop.append(stopped)
            ready, stopped = time_broker_start(data_dir, Path(tmp) / f"restart-{round_number}.log")
            restart.append(ready)
            stop.append(stopped)
    jvm_median = statistics.median(jvm)
    for name, figures in (("first start (format + start)", first), ("restart (same data)", restart)):
        median = statistics.median(figures)
        print(
            f"{name:<30} median {median:5.1f} s  (min {min(figures):.1f}, max {max(figures):.1f})  "
            f"= {median / jvm_median:.0f}x a bare JVM start"
        )
    print(f"{'stop (SIGTERM to exit)':<30} median {statistics.median(stop):5.1f} s")
    print(f"{'baseline: java -version':<30} median {jvm_median:5.2f} s")


if __name__ == "__main__":
    main()
