"""`claimwire dev-broker`: run a local single-node Apache Kafka broker (KRaft) in the foreground.

Prints `bootstrap=127.0.0.1:PORT` on stdout once the broker answers a metadata request; SIGTERM
or Ctrl-C stops it in order and exits 0. Progress and errors go to stderr, the broker's own log
lines to stdout. The jars are fetched with Maven on first use (see `worker.kafka.devbroker`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from worker.kafka import devbroker

DEFAULT_PORT = 9092


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"client port on 127.0.0.1 (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="the broker's data directory: formatted on first use, reused afterwards (required to run)",
    )
    parser.add_argument(
        "--fetch-only",
        action="store_true",
        help="only resolve the Kafka jars into the cache (first use needs Maven), then exit",
    )


def _progress(message: str) -> None:
    print(f"dev-broker: {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    if args.fetch_only:
        try:
            libs = devbroker.ensure_jars(_progress)
        except devbroker.DevBrokerError as error:
            _progress(f"error: {error}")
            return 1
        _progress(f"Kafka jars ready in {libs}")
        return 0
    if args.data_dir is None:
        _progress("error: --data-dir is required to run the broker")
        return 2
    return devbroker.run_foreground(args.data_dir.resolve(), args.port, _progress)
