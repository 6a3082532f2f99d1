"""`unico retention`: set the workspace's data-retention policy, see what it does, apply it."""
from __future__ import annotations

from app.commands.common import cli_progress, end_progress, open_ws, print_json
from app.core.retention import (
    PRESETS,
    RetentionPlan,
    apply_retention,
    get_policy,
    last_run,
    policy_from_options,
    preview_retention,
    save_policy,
)


def register(sub) -> None:
    p = sub.add_parser(
        "retention",
        help="data retention (GDPR): how long history is kept for profiling and contacts for marketing",
        description="Without --apply: store the policy given (if any) and show what it would do. Events of a "
        "person older than the profiling limit are deleted by --apply (final, cannot be undone); people with no "
        "activity within the marketing limit may not be contacted while the policy is stored (exports leave "
        "them out). Limits count calendar months back from today. Off unless set.")
    p.add_argument("--profiling-months", metavar="N", type=int,
                   help="keep a person's events (their history) N months; 0 = no limit")
    p.add_argument("--marketing-months", metavar="N", type=int,
                   help="contact people for marketing up to N months after their last activity; 0 = no limit")
    p.add_argument("--preset", choices=sorted(PRESETS),
                   help="garante: the Garante's loyalty-card limits, 12 months profiling and 24 marketing "
                        "(limits given with it override its own)")
    p.add_argument("--off", action="store_true", help="remove the policy (no limit)")
    p.add_argument("--apply", action="store_true",
                   help="store the policy and delete the history it does not allow (final)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=cmd_retention)


def cmd_retention(args) -> int:
    ws = open_ws(args, create=False)
    try:
        current = get_policy(ws)
        given = bool(args.off or args.preset or args.profiling_months is not None or args.marketing_months is not None)
        policy = policy_from_options(current, preset=args.preset, profiling_months=args.profiling_months,
                                     marketing_months=args.marketing_months, off=args.off)
        if args.apply:
            progress = cli_progress(args.json)
            try:
                result = apply_retention(ws, policy, progress=progress)
            finally:
                end_progress(progress)
            if args.json:
                print_json({"applied": True, **result.to_json()})
                return 0
            _print_policy(result.plan)
            print(f"Profiling: deleted {result.events_deleted:,} events of {result.plan.profiles_with_old_events:,} "
                  f"profiles ({result.profiles_refreshed:,} profiles updated). This cannot be undone.")
            _print_marketing(result.plan)
            return 0
        if given and policy != current:
            save_policy(ws, policy)
        plan = preview_retention(ws, policy)
        last = last_run(ws)
    finally:
        ws.close()
    if args.json:
        print_json({"applied": False, **plan.to_json(), "last_applied": last})
        return 0
    _print_policy(plan)
    _print_preview(plan)
    if last:
        print(f"Last applied {last['at'][:16].replace('T', ' ')} UTC: {last['events_deleted']:,} events deleted.")
    return 0


def _print_policy(plan: RetentionPlan) -> None:
    print(f"Retention policy of this workspace: {plan.policy.describe()} (today is {plan.today}).")


def _print_preview(plan: RetentionPlan) -> None:
    if not plan.policy.enabled:
        print("Nothing is limited: history is kept and consent does not expire.")
        return
    if plan.profiling_cutoff is not None:
        print(f"Profiling: {plan.events_to_delete:,} events dated before {plan.profiling_cutoff} "
              f"({plan.profiles_with_old_events:,} profiles) would be deleted by `unico retention --apply` "
              "(final, cannot be undone).")
    _print_marketing(plan)


def _print_marketing(plan: RetentionPlan) -> None:
    if plan.marketing_cutoff is not None:
        print(f"Marketing: {plan.inactive_profiles:,} profiles have no activity since {plan.marketing_cutoff}; "
              f"{plan.contacts_expiring:,} of them could be contacted otherwise and are left out of exports "
              "while this policy is stored.")
