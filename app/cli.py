"""The `unico` command line: a thin layer over app.core services.

Each command group lives in app/commands/<group>.py and exposes ``register(subparsers)``; handlers
take the parsed args and return an exit code: 0 success, 1 bad data, 2 wrong usage. Command names,
flags and JSON keys are a stable contract: extend them, never rename or drop them.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from app import __version__
from app.core.errors import UnicoError

# Order here is the order in `unico --help`.
COMMAND_MODULES = (
    "app.commands.importing",
    "app.commands.matching",
    "app.commands.profiles",
    "app.commands.retention",
    "app.commands.reports",
    "app.commands.exporting",
    "app.commands.demo",
    "app.commands.gui",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unico",
        description="Unico: one view of each customer across your shop's channels. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"unico {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="workspace file (default: $UNICO_DB, else ./unico.db)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name == name:  # group not written yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None and "gui" in parser._subparsers._group_actions[0].choices:  # noqa: SLF001
        args = parser.parse_args([*argv, "gui"])  # `unico` alone opens the app
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except UnicoError as e:
        print(f"unico: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("unico: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `unico records | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
