"""`unico profiles`, `profile`, `merge`, `unmerge`, `undo`, `redo`, `history`, `forget`, `survivorship`."""
from __future__ import annotations

import sys

from app.commands.common import (
    cli_progress,
    end_progress,
    open_ws,
    print_json,
    print_table,
)
from app.core.errors import UsageError
from app.core.profiles import service
from app.core.profiles.forget import UPLOAD_HINT
from app.core.profiles.refresh import refresh_all
from app.core.profiles.survivorship import (
    RULES,
    get_survivorship,
    source_ranks,
)
from app.core.queries import profile_summaries


def register(sub) -> None:
    p = sub.add_parser("profiles", help="list profiles (one per person), searchable")
    p.add_argument("--search", metavar="TEXT", default="", help="words to find in name, email, phone, city, sources; "
                   "or a profile id")
    p.add_argument("--limit", metavar="N", type=int, default=50, help="show at most N (default 50)")
    p.add_argument("--offset", metavar="N", type=int, default=0, help="skip the first N")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_profiles)

    p = sub.add_parser("profile", help="one profile: golden record with provenance, records, consent, events, history")
    p.add_argument("profile_id", metavar="PROFILE_ID", type=int, help="the profile id (see `unico profiles`)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_profile)

    p = sub.add_parser("merge", help="merge two profiles into one (a steward's decision; undoable)")
    p.add_argument("profile_ids", metavar="PROFILE_ID", type=int, nargs=2, help="the two profiles to merge")
    _actor(p)
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("unmerge", help="take one record out of its profile (a steward's decision; undoable)")
    p.add_argument("ref", metavar="SOURCE:SOURCE_RECORD_ID", help="the record to move out of its profile")
    _actor(p)
    p.set_defaults(handler=cmd_unmerge)

    for name, text in (("undo", "take back the latest decision (a match run's merges are one step)"),
                       ("redo", "re-apply the decision undone last")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        p.set_defaults(handler=cmd_undo if name == "undo" else cmd_redo)

    p = sub.add_parser("history", help="the decision log, newest first")
    p.add_argument("--limit", metavar="N", type=int, default=50, help="show at most N (default 50)")
    p.add_argument("--profile", metavar="PROFILE_ID", type=int, help="only decisions about this profile")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("forget", help="erase a person from every source (GDPR art. 17); final, cannot be undone")
    p.add_argument("profile_id", metavar="PROFILE_ID", type=int, help="the profile id (see `unico profiles`)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--actor", metavar="NAME", default="steward", help="who decides (default: steward)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_forget)

    p = sub.add_parser("survivorship", help="show or set how golden records choose their values")
    p.add_argument("--source-priority", metavar="SOURCE,SOURCE,…",
                   help="sources from most to least trusted (unlisted ones follow in the default order)")
    p.add_argument("--rule", metavar="FIELD=RULE", action="append", default=[],
                   help=f"rule for a field (name, address, email, phone, birth_date, gender, company): {', '.join(RULES)}")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_survivorship)


def _actor(p) -> None:
    p.add_argument("--actor", metavar="NAME", default="steward", help="who decides (default: steward)")
    p.add_argument("--reason", metavar="TEXT", help="why, kept in the decision log")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def _call(args, fn, *a, **kw):
    """Run a service function on the workspace of ``--db`` (which must exist)."""
    ws = open_ws(args, create=False)
    try:
        return fn(ws, *a, **kw)
    finally:
        ws.close()


def _day(ts: str | None) -> str:
    return (ts or "")[:10]


def cmd_profiles(args) -> int:
    if args.limit < 0 or args.offset < 0:
        raise UsageError("--limit and --offset must not be negative")
    ws = open_ws(args, create=False)
    try:
        rows = service.search_profiles(ws, args.search, args.limit, args.offset)
        total = service.count_profiles(ws, args.search)
    finally:
        ws.close()
    if args.json:
        print_json({"total": total, "profiles": rows})
        return 0
    print_table([(r["id"], r["display_name"], r["email"], r["phone"], r["city"], ",".join(r["sources"]), r["n_records"],
                  _day(r["last_activity"])) for r in rows],
                ("id", "name", "email", "phone", "city", "sources", "records", "last activity"))
    print(f"{len(rows)} of {total:,} profiles")
    return 0


def _golden_lines(golden: dict) -> None:
    rows = []
    for field, entry in golden["fields"].items():
        others = [v for v in entry["values"] if v["value"] != entry["value"]]
        alt = "; ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in others)
        rows.append((field, entry["value"], entry["source"], entry["rule"].replace("_", " "), alt))
    print_table(rows, ("field", "value", "source", "rule", "alternatives"))
    for kind in ("emails", "phones"):
        print(f"\n{kind.capitalize()}:")
        for v in golden[kind]:
            flags = [f for f, on in (("bounced", v.get("cleaned")), ("landline", v.get("mobile") is False)) if on]
            print(f"  {'*' if v['primary'] else ' '} {v['value']}  ({', '.join(v['sources'])}; seen {_day(v['at'])})"
                  + (f" [{', '.join(flags)}]" if flags else ""))
        if not golden[kind]:
            print("    none")
    if golden["tags"]:
        print("\nTags: " + ", ".join(t["value"] for t in golden["tags"]))


def cmd_profile(args) -> int:
    d = _call(args, service.profile_detail, args.profile_id)
    if args.json:
        print_json(d.to_json())
        return 0
    s = d.summary
    print(f"Profile {d.profile_id}: {s['display_name'] or '(no name)'}")
    print(f"{s['n_records']} records from {', '.join(s['sources'])}; first activity {_day(s['first_activity']) or '—'}, "
          f"last {_day(s['last_activity']) or '—'}\n")
    print("Golden record (* = primary)")
    _golden_lines(d.golden)
    print("\nConsent")
    for channel, c in (("email", d.consent.email), ("sms", d.consent.sms)):
        print(f"  {channel}: {'may contact' if c.may_contact else 'do not contact'} — state {c.state}, "
              f"legal basis {c.basis}" + (f" ({c.source}, {_day(c.at)})" if c.source else ""))
        for line in c.reasons:
            print(f"    - {line}")
    print("\nRecords")
    print_table([(r["ref"], r["channel"], r["origin"], r["fields"].get("first_name") or r["fields"].get("full_name"),
                  r["fields"].get("last_name"), r["fields"].get("email"), r["fields"].get("mobile") or
                  r["fields"].get("phone"), r["email_consent"], r["sms_consent"]) for r in d.records],
                ("record", "channel", "origin", "first name", "last name", "email", "phone", "email consent",
                 "sms consent"))
    print(f"\nEvents ({len(d.events)}, in time order)")
    print_table([(e["occurred_at"], e["channel"], e["type"], "" if e["amount"] is None else f"{e['amount']:.2f}",
                  e["store"] or e["campaign"] or "", e["source"]) for e in d.events],
                ("time", "channel", "type", "amount", "store / campaign", "source"))
    print("\nHistory")
    _history_table(d.history)
    return 0


def _history_table(steps) -> None:
    print_table([(s.id, s.ts.replace("T", " ")[:16], s.kind, s.actor, s.description, "undone" if s.undone else "")
                 for s in steps], ("step", "time", "kind", "actor", "what", ""))


def cmd_merge(args) -> int:
    a, b = args.profile_ids
    r = _call(args, service.merge_profiles, a, b, actor=args.actor, reason=args.reason)
    if args.json:
        print_json(r.to_json())
    else:
        extra = f"; {r.detail['overridden']} earlier decision(s) keeping them apart overruled" \
            if r.detail["overridden"] else ""
        print(f"Merged profiles {a} and {b} into profile {r.profile_id}{extra}. `unico undo` takes it back.")
    return 0


def cmd_unmerge(args) -> int:
    r = _call(args, service.unmerge, args.ref, actor=args.actor, reason=args.reason)
    if args.json:
        print_json(r.to_json())
    else:
        rest = r.detail["others_now_in"]
        print(f"Took {args.ref} out of profile {r.detail['from_profile']}: it is now profile {r.profile_id}; the "
              f"other records are in profile{'s' if len(rest) > 1 else ''} {', '.join(map(str, rest))}. "
              "`unico undo` takes it back.")
    return 0


def _step_command(args, action) -> int:
    r = _call(args, action)
    if args.json:
        print_json(r.to_json())
    else:
        print(f"{r.message}; profiles changed: {', '.join(map(str, r.profiles[:20])) or 'none'}"
              + (f" (+{len(r.profiles) - 20} more)" if len(r.profiles) > 20 else ""))
    return 0


def cmd_undo(args) -> int:
    return _step_command(args, service.undo)


def cmd_redo(args) -> int:
    return _step_command(args, service.redo)


def cmd_history(args) -> int:
    ws = open_ws(args, create=False)
    try:
        steps = service.history(ws, args.limit, args.profile)
        can_undo, can_redo = service.undo_description(ws), service.redo_description(ws)
    finally:
        ws.close()
    if args.json:
        print_json({"steps": [s.to_json() for s in steps], "undo": can_undo, "redo": can_redo})
        return 0
    _history_table(steps)
    print(f"undo: {can_undo or 'nothing'}; redo: {can_redo or 'nothing'}")
    return 0


def _confirm(profile_id: int, name: str | None) -> None:
    if not sys.stdin.isatty():
        raise UsageError("erasure is final; add --yes to confirm")
    answer = input(f"Erase profile {profile_id} ({name or 'no name'}) from every source? This cannot be undone. "
                   "Type yes to confirm: ")
    if answer.strip().lower() != "yes":
        raise UsageError("not confirmed; nothing was erased")


def cmd_forget(args) -> int:
    ws = open_ws(args, create=False)
    try:
        found = profile_summaries(ws, [args.profile_id])
        if args.profile_id not in found:
            raise UsageError(f"no profile {args.profile_id}; see `unico profiles`")
        if not args.yes:
            _confirm(args.profile_id, found[args.profile_id]["display_name"])
        r = service.forget(ws, args.profile_id, actor=args.actor)
    finally:
        ws.close()
    if args.json:
        print_json(r.to_json())
        return 0
    print(f"Erased profile {r.profile_id}: {r.records} records, {r.events} events, {r.rejects} rejected rows; "
          f"{r.decisions} decisions kept as stubs; {r.hashes} emails/phones kept only as salted hashes, so a "
          "later import of them is skipped. This cannot be undone.")
    if r.suppression_file:
        print(f"The email tools must be told too: {r.suppression_file} lists the erased emails and phones. "
              + UPLOAD_HINT)
    if r.files:
        print("The files they were imported from still hold them; delete or replace those copies: "
              + ", ".join(r.files))
    if r.shared_with:
        print(f"Note: profile(s) {', '.join(map(str, r.shared_with))} still have a record with one of these emails "
              "or phones (the same person unmatched, or a shared inbox or landline): check them; their contact "
              "is suppressed from now on.")
    return 0


def cmd_survivorship(args) -> int:
    ws = open_ws(args, create=False)
    try:
        settings = get_survivorship(ws)
        changed = bool(args.source_priority or args.rule)
        if args.source_priority:
            settings.source_priority = [s.strip() for s in args.source_priority.split(",") if s.strip()]
        for item in args.rule:
            field, sep, rule = item.partition("=")
            if not sep:
                raise UsageError(f"--rule takes FIELD=RULE, not {item!r}")
            settings.rules[field.strip()] = rule.strip()
        if changed:
            progress = cli_progress(quiet=args.json)
            refresh_all(ws, progress, settings=settings)
            end_progress(progress)
        ranks = source_ranks(ws, settings)
    finally:
        ws.close()
    order = sorted(ranks, key=ranks.get)
    if args.json:
        print_json({"rules": settings.rules, "source_priority": order})
        return 0
    print("Sources, most trusted first: " + (", ".join(order) or "none yet"))
    print_table(sorted(settings.rules.items()), ("field", "rule"))
    return 0
