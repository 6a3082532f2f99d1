"""`unico export WHAT …`: one parser; any command module may add a WHAT by defining
``register_export(export_subparsers)`` (matching adds `members`; this module adds `profiles` and
`email-tool`)."""
from __future__ import annotations

import importlib

from app.commands.common import cli_progress, end_progress, open_ws, print_json


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


def register_export(export_sub) -> None:
    from app.core.exporting.email_tools import TOOLS

    p = export_sub.add_parser("profiles", help="golden records: contacts, consent, activity, totals per channel",
                              description="One row per profile. The extension chooses the format: .csv (UTF-8 "
                              "with BOM, for Excel) or .xlsx. Text a spreadsheet would run as a formula is "
                              "neutralised.")
    p.add_argument("out", metavar="OUT.csv|OUT.xlsx", help="file to write; .csv or .xlsx decides the format")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_export_profiles)

    e = export_sub.add_parser("email-tool", help="files an email tool imports as they are (consenting contacts "
                              "only, plus suppression files)",
                              description="Writes into the folder OUT (new or empty) the tool's import files, a "
                              "README.txt saying what to upload where, and validation_report.csv listing every "
                              "value left out. Only people who may be contacted are exported.")
    e.add_argument("out", metavar="OUT", help="folder to create (or an empty one)")
    e.add_argument("--for", dest="tool", required=True, choices=tuple(TOOLS), help="the email tool")
    e.add_argument("--json", action="store_true", help="print the result as JSON")
    e.set_defaults(handler=cmd_export_email_tool)


def cmd_export_profiles(args) -> int:
    from app.core.exporting.profile_table import export_profiles

    ws = open_ws(args, create=False)
    progress = cli_progress(quiet=args.json)
    try:
        result = export_profiles(ws, args.out, progress=progress)
    finally:
        end_progress(progress)
        ws.close()
    if args.json:
        print_json(result.to_json())
    else:
        print(f"{result.rows:,} profiles written to {result.path} ({len(result.columns)} columns)")
    return 0


COUNT_LABELS = (
    ("exported", "Exported"),
    ("excluded_consent", "Left out, no consent for the channel"),
    ("excluded_invalid", "Left out, invalid email/phone"),
    ("excluded_duplicate", "Left out, address already exported for another profile"),
    ("suppressed", "Suppressed (unsubscribed, bounced or blocked)"),
    ("no_contact", "No email or phone"),
)


def cmd_export_email_tool(args) -> int:
    from app.core.exporting.email_export import export_email_tool

    ws = open_ws(args, create=False)
    progress = cli_progress(quiet=args.json)
    try:
        result = export_email_tool(ws, args.out, args.tool, progress=progress)
    finally:
        end_progress(progress)
        ws.close()
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"Files for {args.tool} in {result.out_dir}:")
    for f in result.files:
        print(f"  {f.path.name:<40} {f.rows:>8,} rows  {f.how}")
    if not result.files:
        print("  (none: nobody may be contacted)")
    print(f"\nPeople ({result.counts['profiles']:,} profiles):")
    for key, label in COUNT_LABELS:
        print(f"  {label + ':':<56} {result.counts[key]:>8,}")
    if result.report_path:
        print(f"\n{result.problems:,} values left out or left blank: see {result.report_path}")
    print(f"Upload instructions: {result.out_dir / 'README.txt'}")
    return 0
