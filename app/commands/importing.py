"""`unico import`, `unico sources`, `unico records`, `unico imports [undo]`, `unico rejects`."""
from __future__ import annotations

from app.commands.common import cli_progress, end_progress, open_ws, print_json, print_table
from app.core.errors import UsageError
from app.core.fields import FIELDS_BY_NAME


def register(sub) -> None:
    p = sub.add_parser("import", help="import channel exports (CSV/TSV/TXT, XLSX, ODS, Mailchimp ZIP)",
                       description="Import a file into the workspace. The format, the kind (contacts or events), "
                                   "the channel and the column mapping are detected; every one can be overridden. "
                                   "Several files are imported in the order given, each detected on its own "
                                   "(while one is written, the next is read on a second core).")
    p.add_argument("file", metavar="FILE", nargs="+",
                   help="the export to import (CSV, TSV, TXT, XLSX, XLS, ODS or a Mailchimp ZIP); several: one after "
                        "the other, each planned after the one before is in")
    p.add_argument("--source", metavar="NAME", help="source name (default: the file name without extension); "
                   "importing a newer export under the same name updates that source")
    p.add_argument("--preset", metavar="auto|NAME", default="auto",
                   help="a known export layout instead of detection: " + ", ".join(_presets()))
    p.add_argument("--map", metavar="FIELD=COLUMN", action="append", default=[],
                   help="assign a column to a field (repeatable); FIELD= leaves the field unassigned")
    p.add_argument("--ref", metavar="SOURCE", help="events: the contact source whose keys this file refers to")
    p.add_argument("--channel", metavar="NAME", help="store, online_shop, email, web, ads or other")
    p.add_argument("--kind", choices=("contacts", "events"), help="what the file holds (default: detected)")
    p.add_argument("--region", metavar="CC", default="IT", help="default phone/time region (default IT)")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object: the plan and the counts (several files: a list of them)")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("sources", help="list imported sources")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_sources)

    p = sub.add_parser("records", help="list imported records")
    p.add_argument("--source", metavar="NAME", help="only this source")
    p.add_argument("--search", metavar="TEXT", help="match ids, names, emails, phones")
    p.add_argument("--limit", metavar="N", type=int, default=50, help="show at most N records (default 50)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_records)

    p = sub.add_parser("imports", help="import history; `imports undo [ID]` takes an import back")
    p.add_argument("--source", metavar="NAME", help="only this source")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_imports)
    actions = p.add_subparsers(dest="imports_action", metavar="undo")
    u = actions.add_parser("undo", help="take back an import (default: the last one)")
    u.add_argument("import_id", metavar="IMPORT_ID", type=int, nargs="?", help="the import to take back (default: the last one)")
    u.add_argument("--json", action="store_true", help="print the result as JSON")
    u.set_defaults(handler=cmd_undo)

    p = sub.add_parser("rejects", help="rows an import rejected, with line, column and reason")
    p.add_argument("import_id", metavar="IMPORT_ID", type=int, help="the import whose rejected rows to show (see `unico imports`)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_rejects)


def _presets() -> list[str]:
    from app.core.importing import preset_ids

    return preset_ids()


def parse_maps(items: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for item in items:
        name, sep, column = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f"--map {item!r}: write FIELD=COLUMN (or FIELD= to leave a field unassigned)")
        if name not in FIELDS_BY_NAME:
            raise UsageError(f"--map {item!r}: unknown field {name!r}; fields: {', '.join(FIELDS_BY_NAME)}")
        out[name] = column.strip() or None
    return out


def _size(n: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def print_plan(plan) -> None:
    read = ", ".join(p for p in (plan.encoding, plan.delimiter and f"delimiter {plan.delimiter!r}",
                                 plan.sheet and f"sheet {plan.sheet!r}") if p)
    lines = [("File", f"{plan.file_name} ({_size(plan.size)}{', ' + read if read else ''})"),
             ("Format", f"{plan.format_id} ({plan.format_label})"),
             ("Kind", f"{plan.kind} ({plan.kind_evidence})" if plan.kind_evidence else plan.kind),
             ("Channel", plan.channel), ("Source", plan.source_name), ("Key column", plan.key_column or "(none)")]
    if plan.ref:
        lines.append(("People via", f"{plan.ref.column!r} → {plan.ref.source} ({plan.ref.overlap:.0%} overlap)"))
    for k, v in lines:
        print(f"{k:<11} {v}")
    print()
    print_table([(f, c, f"{plan.confidence.get(f, 1.0):.2f}") for f, c in plan.mapping.items()],
                ["FIELD", "COLUMN", "CONFIDENCE"])
    if plan.unmapped_columns:
        print(f"\nNot mapped (kept in the raw rows): {', '.join(plan.unmapped_columns)}")
    if plan.date_orders:
        print("\nDate order:")
        for col, g in plan.date_orders.items():
            print(f"  {col}: {g.order}{' (ambiguous)' if g.ambiguous else ''} — {g.evidence}")


PER_FILE = ("source", "ref", "kind")  # options that describe one file: not for several at once


def cmd_import(args) -> int:
    from app.core.importing import import_files, plan_import

    overrides = parse_maps(args.map)
    files = args.file
    if len(files) > 1:
        given = [f"--{o}" for o in PER_FILE if getattr(args, o)] + (["--map"] if args.map else [])
        given += ["--preset"] if args.preset != "auto" else []
        if given:
            raise UsageError(f"{', '.join(given)} describe one file: import the files one at a time to use them")
    options = dict(source=args.source, preset=args.preset, overrides=overrides, ref=args.ref, channel=args.channel,
                   kind=args.kind, region=args.region)
    ws = open_ws(args)
    try:
        if args.dry_run:
            plans = [plan_import(f, ws=ws, **options) for f in files]
            if args.json:
                out = [{**plan.to_json(), "dry_run": True} for plan in plans]
                print_json(out[0] if len(files) == 1 else out)
            else:
                for plan in plans:
                    print_plan(plan)
                    _print_warnings(plan.warnings)
                    print()
                print("Dry run: nothing was written.")
            return 0
        progress = cli_progress(quiet=args.json)
        try:
            done = import_files(ws, files, progress, planned=True, **options)
        finally:
            end_progress(progress)
    finally:
        ws.close()
    if args.json:
        out = [{**plan.to_json(), **result.to_json(), "dry_run": False} for plan, result in done]
        print_json(out[0] if len(files) == 1 else out)
        return 0
    for i, (plan, result) in enumerate(done):
        if i:
            print()
        _print_result(plan, result)
    return 0


def _print_result(plan, result) -> None:
    print_plan(plan)
    _print_warnings(result.warnings)
    print()
    if result.already_imported:
        print(f"Already imported (import {result.import_id}): nothing was added.")
        return
    c = result.counts
    shown = [k for k in ("read", "imported", "updated", "unchanged", "rejected", "duplicates", "suppressed")
             if k in ("read", "imported", "rejected") or c[k]]
    if plan.kind == "events":
        shown += ["events", "anonymous_events", "identities"]
    print(f"Import {result.import_id}: " + ", ".join(f"{k.replace('_', ' ')} {c[k]:,}" for k in shown))
    if result.rejects_path:
        print(f"Rejected rows: {result.rejects_path} (or `unico rejects {result.import_id}`)")


def _print_warnings(warnings: list[str]) -> None:
    if warnings:
        print("\nWarnings:")
        for w in warnings:
            print(f"  - {w}")


def cmd_sources(args) -> int:
    from app.core.importing import list_sources

    with open_ws(args) as ws:
        rows = list_sources(ws)
    if args.json:
        print_json(rows)
        return 0
    print_table([(s["name"], s["kind"], s["channel"], s["format"], s["records"], s["identities"], s["events"],
                  s["imports"], s["file_name"], s["updated_at"]) for s in rows],
                ["SOURCE", "KIND", "CHANNEL", "FORMAT", "RECORDS", "IDENTITIES", "EVENTS", "IMPORTS", "FILE",
                 "UPDATED"])
    return 0


def cmd_records(args) -> int:
    from app.core.importing import list_records

    if args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    with open_ws(args) as ws:
        rows = list_records(ws, source=args.source, search=args.search, limit=args.limit)
    if args.json:
        print_json(rows)
        return 0
    print_table([(r["ref"], r["origin"], r["name"], r["email"], r["phone"], r["city"], r["email_consent"])
                 for r in rows], ["RECORD", "ORIGIN", "NAME", "EMAIL", "PHONE", "CITY", "EMAIL CONSENT"])
    return 0


def cmd_imports(args) -> int:
    from app.core.importing import list_imports

    with open_ws(args) as ws:
        rows = list_imports(ws, source=args.source)
    if args.json:
        print_json(rows)
        return 0
    print_table([(r["id"], r["source"], r["file_name"], r["kind"], r["format"], r["status"],
                  r["counts"].get("read", 0), r["counts"].get("imported", 0), r["counts"].get("updated", 0),
                  r["counts"].get("rejected", 0), r["started_at"]) for r in rows],
                ["ID", "SOURCE", "FILE", "KIND", "FORMAT", "STATUS", "READ", "IMPORTED", "UPDATED", "REJECTED",
                 "STARTED"])
    return 0


def cmd_undo(args) -> int:
    from app.core.importing import undo_import

    with open_ws(args) as ws:
        result = undo_import(ws, args.import_id)
    if args.json:
        print_json(result.to_json())
        return 0
    c = result.counts
    print(f"Import {result.import_id} of {result.source_name!r} undone: {c['records_removed']:,} records and "
          f"{c['events_removed']:,} events removed, {c['records_restored']:,} records restored.")
    _print_warnings(result.warnings)
    return 0


def cmd_rejects(args) -> int:
    from app.core.importing import list_rejects

    with open_ws(args) as ws:
        rows = list_rejects(ws, args.import_id)
    if args.json:
        print_json(rows)
        return 0
    print_table([(r["line"], r["column"], r["reason"], r["raw"]) for r in rows], ["LINE", "COLUMN", "REASON", "RAW"])
    return 0
