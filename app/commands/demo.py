"""`unico demo generate OUT_DIR …` and `unico demo build …`: the demo retailer Bottega Rossi."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.commands.common import cli_progress, end_progress, print_json, print_table
from app.core.errors import UsageError
from app.core.workspace import resolve_db_path


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(sub) -> None:
    p = sub.add_parser("demo", help="the demo retailer: generate its channel exports or build a ready workspace",
                       description="Bottega Rossi, a small Italian fashion/home chain: till, Shopify, Mailchimp, "
                                   "Meta leads and web analytics exports with the ground truth of who is who.")
    actions = p.add_subparsers(dest="demo_action", metavar="ACTION", required=True)

    g = actions.add_parser("generate", help="write the demo's files, truth.csv and truth.json into OUT_DIR")
    g.add_argument("out_dir", metavar="OUT_DIR", help="folder to write the files into")
    size = g.add_mutually_exclusive_group()
    size.add_argument("--people", metavar="N", type=int, help="people in the population (default 2000)")
    size.add_argument("--records", metavar="N", type=int,
                      help="contact files only, N rows in all (matching benchmarks: 10000, 100000, 1000000)")
    g.add_argument("--seed", metavar="S", type=int, default=7, help="random seed (default 7): same seed, same files")
    g.add_argument("--start", metavar="YYYY-MM-DD", type=_day, help="first simulated day (default 2025-01-01)")
    g.add_argument("--days", metavar="N", type=int, help="simulated days (default 365)")
    g.add_argument("--near-share", metavar="F", type=float, default=0.5,
                   help="share of households near a store (default 0.5)")
    g.add_argument("--identified-share", metavar="F", type=float,
                   help="share of store revenue tied to a known customer (default 0.85)")
    g.add_argument("--utf8-leads", action="store_true", help="write meta_leads.tsv as UTF-8 instead of UTF-16")
    g.add_argument("--json", action="store_true", help="print the manifest as JSON")
    g.set_defaults(handler=cmd_generate)

    b = actions.add_parser("build", help="generate the demo, import every file and match: a ready workspace")
    b.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                   help="workspace to create (default: $UNICO_DB, else ./unico.db); files go beside it")
    b.add_argument("--people", metavar="N", type=int, default=2000, help="people in the population (default 2000)")
    b.add_argument("--seed", metavar="S", type=int, default=7, help="random seed (default 7)")
    b.add_argument("--replace", action="store_true", help="replace the workspace if it exists")
    b.add_argument("--true-identities", action="store_true",
                   help="skip matching: profiles from the ground truth (to check what comes after matching)")
    b.add_argument("--json", action="store_true", help="print what was imported and matched as JSON")
    b.set_defaults(handler=cmd_build)


def cmd_generate(args) -> int:
    from app.core.demo import generate_contacts_only, generate_demo

    progress = cli_progress(args.json)
    out = Path(args.out_dir)
    if args.records is not None:
        full_only = [f for f, v in (("--start", args.start), ("--days", args.days),
                                    ("--identified-share", args.identified_share)) if v is not None]
        if full_only:
            raise UsageError(f"{', '.join(full_only)}: only for the full demo, not with --records")
        manifest = generate_contacts_only(out, records=args.records, seed=args.seed, progress=progress,
                                          near_share=args.near_share, utf16_leads=not args.utf8_leads)
    else:
        manifest = generate_demo(out, people=2000 if args.people is None else args.people, seed=args.seed,
                                 start=args.start, days=365 if args.days is None else args.days,
                                 near_share=args.near_share,
                                 identified_share=0.85 if args.identified_share is None else args.identified_share,
                                 utf16_leads=not args.utf8_leads, progress=progress)
    end_progress(progress)
    if args.json:
        print_json(manifest.to_json())
        return 0
    print_table([(f.path.name, f.format_id, f.kind, f.channel, f"{f.rows:,}", f.description) for f in manifest.files],
                ("FILE", "FORMAT", "KIND", "CHANNEL", "ROWS", "WHAT"))
    c = manifest.figures["counts"]
    print(f"\nTruth: {manifest.truth_csv.name} ({c['identity_keys']:,} keys), {manifest.truth_json.name}, "
          f"truth_people.csv — {c['people']:,} people, {c['contact_records']:,} contact records, "
          f"{c['true_duplicate_pairs']:,} true duplicate pairs")
    ident = manifest.figures.get("identification")
    if ident:
        print(f"Store revenue identified: {ident['revenue_rate']:.1%} "
              f"({ident['receipts_identified']:,} of {ident['receipts']:,} store purchases)")
        r = manifest.figures["ropo"]["14"]
        seg = ", ".join(f"{k} {v['ropo_share']:.1%}" for k, v in r["segments"].items())
        print(f"Planted ROPO share, 14 days: {r['ropo_share']:.1%} ({seg}); median lag {r['median_lag_days']} days")
    print(f"Files in {manifest.out_dir} (written in {manifest.seconds:.1f} s)")
    return 0


def cmd_build(args) -> int:
    from app.core.demo.workspace import META_KEY, build_demo_workspace
    from app.core.workspace import Workspace

    db = resolve_db_path(getattr(args, "db", None))
    progress = cli_progress(args.json)
    build_demo_workspace(db, people=args.people, seed=args.seed, progress=progress, replace=args.replace,
                         identities="truth" if args.true_identities else "match")
    end_progress(progress)
    with Workspace(db, create=False) as ws:
        summary, counts = ws.get_json(META_KEY, {}), ws.counts()
    if args.json:
        print_json({"db": str(db), "counts": counts, **summary})
        return 0
    print_table([(i["file"], i["format"], i["kind"], i["channel"], f"{i['counts'].get('read', 0):,}",
                  f"{i['counts'].get('imported', 0):,}", f"{i['counts'].get('rejected', 0):,}")
                 for i in summary.get("imports", [])],
                ("FILE", "FORMAT", "KIND", "CHANNEL", "READ", "IMPORTED", "REJECTED"))
    print(f"\nWorkspace {db}: {counts['sources']} sources, {counts['records']:,} records, {counts['events']:,} events, "
          f"{counts['profiles']:,} profiles, {counts['review']:,} pairs to review")
    for note in summary.get("notes", []):
        print(f"Note: {note}")
    print(f"Files and truth in {summary.get('files_dir')}")
    return 0
