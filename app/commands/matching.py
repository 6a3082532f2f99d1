"""`unico match`, `unico review list|decide|apply`, `unico explain`, `unico export members`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from app.commands.common import cli_progress, end_progress, open_ws, print_csv, print_json, print_table
from app.core import matching
from app.core.errors import BadDataError, UsageError, Where


def register(sub) -> None:
    p = sub.add_parser("match", help="find which records are the same person and build profiles")
    p.add_argument("--auto-threshold", type=float, metavar="P", help="merge automatically at or above this probability")
    p.add_argument("--review-threshold", type=float, metavar="P", help="queue for review at or above this probability")
    p.add_argument("--rebuild", action="store_true", help="retrain and rematch everything (human decisions are kept)")
    p.add_argument("--settings", metavar="FILE", help="use (and store) matching settings from a JSON file")
    p.add_argument("--export-settings", metavar="FILE", help="write the current matching settings as JSON and exit")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_match)

    r = sub.add_parser("review", help="the review queue: pairs the matcher is unsure about")
    rs = r.add_subparsers(dest="review_cmd", metavar="ACTION", required=True)
    lst = rs.add_parser("list", help="pairs waiting for a decision, most informative first")
    lst.add_argument("--limit", type=int, default=50, metavar="N", help="show at most N pairs (default 50)")
    lst.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N pairs of the queue")
    lst.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default: table)")
    lst.add_argument("--source", action="append", metavar="NAME", help="only pairs touching this source (repeatable)")
    lst.add_argument("--min-p", type=float, default=0.0, metavar="P", help="only pairs with probability at least P")
    lst.add_argument("--max-p", type=float, default=1.0, metavar="P", help="only pairs with probability at most P")
    lst.set_defaults(handler=cmd_review_list)
    dec = rs.add_parser("decide", help="accept, reject or skip one pair")
    dec.add_argument("pair_id", type=int, metavar="PAIR_ID", help="the pair, as listed by `unico review list`")
    dec.add_argument("decision", choices=("accept", "reject", "skip"), help="accept: same person; reject: different people; skip: decide later")
    dec.add_argument("--reason", metavar="TEXT", help="why, kept in the decision log")
    dec.add_argument("--actor", default="steward", metavar="NAME", help="who decides (default: steward)")
    dec.add_argument("--json", action="store_true", help="print the result as JSON")
    dec.set_defaults(handler=cmd_review_decide)
    app = rs.add_parser("apply", help="apply decisions from a CSV with columns pair_id,decision")
    app.add_argument("file", metavar="FILE.csv", help="CSV with columns pair_id,decision")
    app.add_argument("--json", action="store_true", help="print the result as JSON")
    app.set_defaults(handler=cmd_review_apply)

    e = sub.add_parser("explain", help="why two records are (or are not) the same person, field by field")
    e.add_argument("ref_a", metavar="REF_A", help="SOURCE:RECORD_ID")
    e.add_argument("ref_b", metavar="REF_B", help="SOURCE:RECORD_ID")
    e.add_argument("--json", action="store_true", help="print the result as JSON")
    e.set_defaults(handler=cmd_explain)


def register_export(export_sub) -> None:
    p = export_sub.add_parser("members", help="source,source_record_id,profile_id for every record")
    p.add_argument("out", metavar="OUT.csv", help="file to write")
    p.set_defaults(handler=cmd_export_members)


def _probability(value: float | None, flag: str) -> None:
    if value is not None and not 0 < value <= 1:
        raise UsageError(f"{flag} must be a probability in (0, 1], not {value}")


def cmd_match(args) -> int:
    _probability(args.auto_threshold, "--auto-threshold")
    _probability(args.review_threshold, "--review-threshold")
    ws = open_ws(args)
    try:
        if args.export_settings:
            Path(args.export_settings).write_text(matching.get_settings(ws).dumps() + "\n", encoding="utf-8")
            print(f"settings written to {args.export_settings}")
            return 0
        if args.settings:
            try:
                data = json.loads(Path(args.settings).read_text(encoding="utf-8"))
            except OSError as e:
                raise BadDataError(f"cannot read settings: {e.strerror}", Where(args.settings)) from e
            except json.JSONDecodeError as e:
                raise BadDataError(f"not valid JSON: {e.msg}", Where(args.settings, e.lineno, str(e.colno))) from e
            matching.save_settings(ws, matching.MatchSettings.from_json(data))
        progress = cli_progress(quiet=args.json)
        result = matching.run_match(ws, auto_threshold=args.auto_threshold, review_threshold=args.review_threshold,
                                    rebuild=args.rebuild, progress=progress)
        end_progress(progress)
    finally:
        ws.close()
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"Candidates compared: {result.compared:,}")
    print(f"Auto-merged:         {result.auto_merged:,}")
    print(f"Queued for review:   {result.review:,}")
    print(f"Profiles:            {result.profiles:,}")
    print(f"({result.records:,} records, {result.new_records:,} new; {result.mode} run in {result.seconds:.1f} s)")
    return 0


def _evidence_text(evidence: list[dict]) -> str:
    return "; ".join(f"{e['field']} {e['label']} {e['weight']:+.1f}" for e in evidence)


def cmd_review_list(args) -> int:
    ws = open_ws(args, create=False)
    try:
        pairs = matching.review_queue(ws, limit=args.limit, offset=args.offset, sources=args.source,
                                      min_p=args.min_p, max_p=args.max_p)
        total = matching.review_count(ws, sources=args.source, min_p=args.min_p, max_p=args.max_p)
    finally:
        ws.close()
    if args.format == "json":
        print_json({"total": total, "pairs": [p.to_json() for p in pairs]})
        return 0
    rows = [(p.pair_id, p.a_ref, p.b_ref, f"{p.probability:.3f}", _evidence_text(p.evidence)) for p in pairs]
    headers = ("pair_id", "left", "right", "probability", "evidence")
    if args.format == "csv":
        print_csv(rows, headers)
    else:
        print_table(rows, headers)
        print(f"{len(pairs)} of {total} pairs waiting for review")
    return 0


def cmd_review_decide(args) -> int:
    ws = open_ws(args, create=False)
    try:
        d = matching.decide(ws, args.pair_id, args.decision, actor=args.actor, reason=args.reason)
    finally:
        ws.close()
    if args.json:
        print_json(d.to_json())
    else:
        print(f"{d.kind}: {d.a_ref} ↔ {d.b_ref} (p={d.probability:.3f}); profiles changed: "
              f"{', '.join(map(str, d.profiles_changed)) or 'none'}")
    return 0


def cmd_review_apply(args) -> int:
    ws = open_ws(args, create=False)
    try:
        counts = matching.apply_decisions(ws, args.file)
    finally:
        ws.close()
    if args.json:
        print_json(counts)
    else:
        print(f"{counts['rows']} decisions applied: {counts['accepted']} accepted, {counts['rejected']} rejected, "
              f"{counts['skipped']} skipped")
    return 0


def _bar(weight: float) -> str:
    n = min(int(round(abs(weight))), 30)
    return ("+" if weight >= 0 else "-") * n


def cmd_explain(args) -> int:
    ws = open_ws(args, create=False)
    try:
        ex = matching.explain(ws, args.ref_a, args.ref_b)
    finally:
        ws.close()
    if args.json:
        print_json(ex.to_json())
        return 0
    out = sys.stdout
    out.write(f"{ex.ref_a}  vs  {ex.ref_b}\n\n")
    rows = [("prior (two random records)", "", "", "", f"{ex.prior_weight:+.2f}", _bar(ex.prior_weight))]
    for c in ex.contributions:
        rows.append((c.field, c.level_label, c.value_a or "—", c.value_b or "—", f"{c.weight:+.2f}", _bar(c.weight)))
    print_table(rows, ("field", "evidence", "left", "right", "bits", ""))
    out.write(f"\nmatch weight {ex.match_weight:+.2f} bits  →  probability {ex.probability:.4f}\n")
    return 0


def cmd_export_members(args) -> int:
    ws = open_ws(args, create=False)
    try:
        n = matching.export_members(ws, args.out)
    finally:
        ws.close()
    print(f"{n:,} records written to {args.out}")
    return 0
