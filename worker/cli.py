"""The `claimwire` command: one entry point, one sub-command per job.

Each sub-command lives in `worker.commands.<name>` (the development tools in `worker.dev`) and
exposes `configure(parser)` and `run(args) -> int`. Only the chosen command's module is imported,
so `claimwire extract` never pays for loading the Kafka client and the worker never loads the demo.
The image leaves `worker.dev` out; its commands then say so instead of failing with a traceback.

An error that escapes a command is reported here as one line naming the cause and what to change,
with the exit code of `worker.exitcodes.ExitCode`; the traceback is printed only with `--debug`
or when the log level is DEBUG.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
import traceback
from collections.abc import Mapping, Sequence
from types import ModuleType

from worker import __version__
from worker.exitcodes import ExitCode, OperatorActionNeeded
from worker.kafka.errors import BrokerUnreachableError
from worker.runtime.signals import route_stop_signals_early

DEV_PACKAGE = "worker.dev"
# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("worker.commands.extract", "extract claim events from wire item files or stdin"),
    "worker": ("worker.commands.worker", "consume wire items from Kafka and publish claim events"),
    "track": ("worker.commands.track", "track each figure per source over time from claim events"),
    "series": ("worker.commands.series", "print the tracked claim series"),
    "replay": ("worker.commands.replay", "reprocess a topic range or archive files through the worker path"),
    "topics": ("worker.commands.topics", "create the topics claimwire needs"),
    "schemas": ("worker.commands.schemas", "register the JSON Schemas with a schema registry"),
    "dev-broker": ("worker.dev.broker_command", "run a local single-node Kafka broker (KRaft)"),
    "demo": ("worker.dev.demo", "run the whole pipeline on the bundled sample items"),
}

# Commands that drain and exit 0 on SIGTERM: their stop signals are routed before anything slow.
STOPPABLE_COMMANDS = frozenset({"worker"})
# Variables read outside the settings classes (the development broker's).
OTHER_VARIABLES = ("CLAIMWIRE_CACHE_DIR", "CLAIMWIRE_KAFKA_HOME", "CLAIMWIRE_KAFKA_JVM_OPTS")
# Where each command that serves /metrics takes its port from.
HTTP_PORT_VARIABLES = {"worker": "CLAIMWIRE_HTTP_PORT", "track": "CLAIMWIRE_TRACKER_HTTP_PORT"}
# Both default to the port the image and the probes use (WorkerSettings, TrackerSettings).
DEFAULT_HTTP_PORT = 9400
LOG_LEVEL_VARIABLES = ("CLAIMWIRE_LOG_LEVEL", "CLAIMWIRE_TRACKER_LOG_LEVEL")


def _top_level_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimwire",
        description="Raw news wire items in, attributed numeric claim events out.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="commands:\n" + "\n".join(f"  {name:<11} {text}" for name, (_, text) in COMMANDS.items()),
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"claimwire {__version__}")
    parser.add_argument("command", choices=COMMANDS, metavar="COMMAND", help="one of the commands below")
    return parser


class DevToolsMissing(OperatorActionNeeded):
    """A development command was asked for in an installation without `worker.dev` (the image)."""


def command_module(name: str) -> ModuleType:
    """The module of one sub-command, imported now; DevToolsMissing when it is a development tool
    and this installation has no `worker.dev`."""
    module_name = COMMANDS[name][0]
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name not in {DEV_PACKAGE, module_name} or not module_name.startswith(f"{DEV_PACKAGE}."):
            raise
        raise DevToolsMissing(
            f"`claimwire {name}` is a development tool and this installation leaves out {DEV_PACKAGE} "
            "(as the container image does); run it from a source checkout (`make demo`, `make dev-broker`)"
        ) from error


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one sub-command: its own options, plus --debug. Options are never abbreviated:
    a shortened or misspelt option is an error, not silently another one."""
    help_text = COMMANDS[name][1]
    parser = argparse.ArgumentParser(prog=f"claimwire {name}", description=help_text, allow_abbrev=False)
    command_module(name).configure(parser)
    parser.add_argument(
        "--debug", action="store_true", help="print the traceback when an error stops the command"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in COMMANDS:
        _top_level_parser().parse_args(args)  # prints help or a clear usage error, then exits
        return ExitCode.USAGE
    name, rest = args[0], args[1:]
    if name in STOPPABLE_COMMANDS:
        route_stop_signals_early()
    for warning in misspelt_variable_warnings(os.environ):
        print(f"claimwire: warning: {warning}", file=sys.stderr)
    try:
        parsed = command_parser(name).parse_args(rest)
    except DevToolsMissing as error:
        print(f"claimwire {name}: {error}", file=sys.stderr)
        return error.exit_code
    module = command_module(name)
    try:
        code: int = module.run(parsed)
    except Exception as error:  # the one place an unhandled error becomes an exit code
        line, code = describe_failure(name, parsed, error)
        print(f"claimwire {name}: {line}", file=sys.stderr)
        if _wants_traceback(parsed, os.environ):
            traceback.print_exception(error)
        elif code == ExitCode.FAILED:
            print(f"claimwire {name}: run with --debug for the traceback", file=sys.stderr)
    return int(code)


def describe_failure(name: str, args: argparse.Namespace, error: Exception) -> tuple[str, int]:
    """One line saying what went wrong and what to change, and the exit code for it."""
    if isinstance(error, OperatorActionNeeded):
        return str(error), error.exit_code
    if isinstance(error, OSError) and error.errno == errno.EADDRINUSE:
        variable = HTTP_PORT_VARIABLES.get(name)
        port = getattr(args, "http_port", None) or (os.environ.get(variable) if variable else None)
        where = f"port {port or DEFAULT_HTTP_PORT}" if variable else "the metrics port"
        change = f"set {variable} or --http-port" if variable else "choose another port"
        return (
            f"cannot serve /metrics and the probes: {where} is already in use; {change} to a free port",
            ExitCode.USAGE,
        )
    # Imported only on failure: commands that need no settings never load pydantic-settings.
    from worker.settings import SettingsError  # noqa: PLC0415

    if isinstance(error, SettingsError):
        return str(error), ExitCode.USAGE
    if isinstance(error, BrokerUnreachableError):
        return f"{error}; check CLAIMWIRE_BOOTSTRAP_SERVERS and the network", ExitCode.BROKER_UNREACHABLE
    return f"unexpected error: {type(error).__name__}: {error}", ExitCode.FAILED


def _wants_traceback(args: argparse.Namespace, environ: Mapping[str, str]) -> bool:
    levels = [getattr(args, "log_level", None), *(environ.get(name) for name in LOG_LEVEL_VARIABLES)]
    return bool(getattr(args, "debug", False)) or any(
        isinstance(level, str) and level.upper() == "DEBUG" for level in levels
    )


def misspelt_variable_warnings(environ: Mapping[str, str]) -> list[str]:
    """A warning per CLAIMWIRE_* variable that no setting reads (a typo is otherwise silently ignored)."""
    if not any(name.upper().startswith("CLAIMWIRE_") for name in environ):
        return []
    # Imported only when there is something to check, as above.
    from worker.settings import WorkerSettings, unknown_variable_warnings, variable_names  # noqa: PLC0415
    from worker.track.settings import TrackerSettings  # noqa: PLC0415

    known = variable_names(WorkerSettings, TrackerSettings) | set(OTHER_VARIABLES)
    return unknown_variable_warnings(environ, known)


if __name__ == "__main__":
    sys.exit(main())
