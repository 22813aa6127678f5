"""The `claimwire` command: one entry point, one sub-command per job.

Each sub-command lives in `worker.commands.<name>` and exposes `configure(parser)` and
`run(args) -> int`. Only the chosen command's module is imported, so `claimwire extract` never
pays for loading the Kafka client and the worker never loads the demo.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from worker import __version__

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("worker.commands.extract", "extract claim events from wire item files or stdin"),
    "worker": ("worker.commands.worker", "consume wire items from Kafka and publish claim events"),
    "track": ("worker.commands.track", "track each figure per source over time from claim events"),
    "series": ("worker.commands.series", "print the tracked claim series"),
    "replay": ("worker.commands.replay", "reprocess a topic range or archive files through the worker path"),
    "topics": ("worker.commands.topics", "create the topics claimwire needs"),
    "schemas": ("worker.commands.schemas", "register the JSON Schemas with a schema registry"),
    "dev-broker": ("worker.commands.dev_broker", "run a local single-node Kafka broker (KRaft)"),
    "demo": ("worker.commands.demo", "run the whole pipeline on the bundled sample items"),
}


def _top_level_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimwire",
        description="Raw news wire items in, attributed numeric claim events out.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="commands:\n" + "\n".join(f"  {name:<11} {text}" for name, (_, text) in COMMANDS.items()),
    )
    parser.add_argument("--version", action="version", version=f"claimwire {__version__}")
    parser.add_argument("command", choices=COMMANDS, metavar="COMMAND", help="one of the commands below")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in COMMANDS:
        _top_level_parser().parse_args(args)  # prints help or a clear usage error, then exits
        return 2
    name, rest = args[0], args[1:]
    module_name, help_text = COMMANDS[name]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"claimwire {name}", description=help_text)
    module.configure(parser)
    code: int = module.run(parser.parse_args(rest))
    return code


if __name__ == "__main__":
    sys.exit(main())
