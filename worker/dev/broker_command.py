"""`claimwire dev-broker`: run a local single-node Apache Kafka broker (KRaft) in the foreground.

Prints `bootstrap=127.0.0.1:PORT` on stdout once the broker answers a metadata request (after
`sasl_bootstrap=127.0.0.1:PORT` when `--sasl-port` adds a SASL listener); SIGTERM
or Ctrl-C stops it in order and exits 0. Progress and errors go to stderr, the broker's own log
lines to stdout. The jars are fetched with Maven on first use (see `worker.dev.broker`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from worker.dev import broker as devbroker
from worker.exitcodes import ExitCode

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
        "--sasl-port",
        type=int,
        help="also listen for SASL_PLAINTEXT clients here (SCRAM-SHA-256/512, and OAUTHBEARER with "
        "Kafka's unsecured-JWT validator: development only)",
    )
    parser.add_argument(
        "--scram-user",
        action="append",
        default=[],
        metavar="NAME:PASSWORD",
        help="create or reset this SCRAM user once the broker answers (repeatable)",
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
            return ExitCode.FAILED
        _progress(f"Kafka jars ready in {libs}")
        return ExitCode.OK
    if args.data_dir is None:
        _progress("error: --data-dir is required to run the broker")
        return ExitCode.USAGE
    users: dict[str, str] = {}
    for entry in args.scram_user:
        name, sep, password = entry.partition(":")
        if not sep or not name or not password:
            _progress(f"error: --scram-user {entry!r} is not NAME:PASSWORD")
            return ExitCode.USAGE
        users[name] = password
    if users and args.sasl_port is None:
        _progress("error: --scram-user needs --sasl-port (SCRAM users log in on the SASL listener)")
        return ExitCode.USAGE
    return devbroker.run_foreground(
        args.data_dir.resolve(), args.port, _progress, sasl_port=args.sasl_port, scram_users=users
    )
