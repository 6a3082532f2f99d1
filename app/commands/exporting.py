"""`unico export WHAT …`: one parser; any command module may add a WHAT by defining
``register_export(export_subparsers)`` (matching adds `members`, profiles and email-tool files come
from the exports module)."""
from __future__ import annotations

import importlib


def register(sub) -> None:
    from app.cli import COMMAND_MODULES

    parser = sub.add_parser("export", help="write files: members, profiles, email-tool lists")
    export_sub = parser.add_subparsers(dest="export_what", metavar="WHAT", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name == name:
                continue
            raise
        hook = getattr(module, "register_export", None)
        if hook:
            hook(export_sub)
