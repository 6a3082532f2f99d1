"""`unico report contribution|ropo|identification`: the analytics reports, as a table, CSV or JSON.

JSON keys and CSV columns are a stable contract (issue 6): ``report ropo --format json`` has
``store_revenue_identified``, ``ropo_revenue``, ``ropo_share``, ``median_lag_days``, the reverse
figures, ``note`` and ``groups`` (one per value of ``--by``, else one ``(all)`` group).
"""
from __future__ import annotations

import argparse
import math
import sys
from typing import Any

import pandas as pd

from app.commands.common import cli_progress, end_progress, open_ws, print_json, print_table
from app.core.analytics.attribution import BY_CHOICES, MODELS
from app.core.analytics.identification import BY_CHOICES as IDENTIFICATION_BY
from app.core.analytics.report import Report
from app.core.analytics.reports import (contribution_report, identification_report, model_comparison_report,
                                       ropo_report)

FORMATS = ("table", "csv", "json")
ROPO_TABLE_COLUMNS = ["group", "store_buyers", "store_revenue_identified", "ropo_revenue", "ropo_share",
                      "median_lag_days", "online_share", "reverse_share"]
WINDOW_TABLE_COLUMNS = ["window_days", "store_revenue_identified", "ropo_revenue", "ropo_share", "median_lag_days",
                        "reverse_share"]


def _positive(kind: type) -> Any:
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
        return value
    return parse


def register(sub) -> None:
    parser = sub.add_parser("report", help="channel contribution, ROPO and identification reports")
    rsub = parser.add_subparsers(dest="report_what", metavar="REPORT", required=True)

    c = rsub.add_parser("contribution", help="conversions and revenue credited to each channel or campaign")
    c.add_argument("--model", choices=(*MODELS, "all"), default="last-non-direct",
                   help="attribution model (default: last-non-direct); all: every model side by side "
                        "(conversions credited)")
    c.add_argument("--window-days", type=_positive(int), default=30, metavar="N",
                   help="lookback window: touches up to N days before a purchase count (default: 30)")
    c.add_argument("--half-life-days", type=_positive(float), default=7.0, metavar="N",
                   help="half-life of the time-decay model (default: 7)")
    c.add_argument("--by", choices=BY_CHOICES, default="channel", help="credit channels or campaigns")
    c.add_argument("--include-opens", action="store_true", help="count email opens as touches")
    c.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    c.set_defaults(handler=_contribution)

    r = rsub.add_parser("ropo", help="store revenue assisted by an earlier online touch (and the reverse)")
    r.add_argument("--window-days", type=_positive(int), default=30, metavar="N",
                   help="an online touch up to N days before the store purchase counts (default: 30)")
    r.add_argument("--by", metavar="FIELD", default=None,
                   help="break down by a profile attribute: city, province, postcode, postcode_area, tag, "
                        "near_store, or another contact field")
    r.add_argument("--no-online-order-between", action="store_true",
                   help="the last online touch must come after the buyer's last online order")
    r.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    r.set_defaults(handler=_ropo)

    i = rsub.add_parser("identification", help="share of store receipts and revenue tied to a known person")
    i.add_argument("--by", choices=IDENTIFICATION_BY, default="store", help="break down per store or per month (default: store)")
    i.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    i.set_defaults(handler=_identification)


# -- output ----------------------------------------------------------------------------------------
def _cell(column: str, value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "-"
    if column.endswith("share"):
        return f"{value * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _print_frame(df: pd.DataFrame, columns: list[str] | None = None) -> None:
    columns = columns or list(df.columns)
    rows = [[_cell(c, row[c]) for c in columns] for row in df[columns].astype(object).to_dict(orient="records")]
    print_table(rows, columns)


def _emit(report: Report, fmt: str, show_table) -> int:
    if fmt == "json":
        print_json(report.to_json())
    elif fmt == "csv":
        report.to_csv(sys.stdout)
    else:
        print(report.title)
        show_table(report)
        print(f"\nNote: {report.note}")
    return 0


def _run(args, build) -> Report:
    progress = cli_progress(quiet=args.format != "table")
    ws = open_ws(args, create=False)
    try:
        return build(ws, progress)
    finally:
        ws.close()
        end_progress(progress)


# -- handlers --------------------------------------------------------------------------------------
def _contribution(args) -> int:
    options = dict(window_days=args.window_days, half_life_days=args.half_life_days, by=args.by,
                   include_opens=args.include_opens)
    if args.model == "all":
        report = _run(args, lambda ws, p: model_comparison_report(ws, **options, progress=p))
    else:
        report = _run(args, lambda ws, p: contribution_report(ws, model=args.model, **options, progress=p))

    def show(rep: Report) -> None:
        t = rep.totals
        print(f"Window {rep.params['window_days']} days · currency {t['currency'] or '-'}\n")
        _print_frame(rep.table)
        print(f"\n{t['conversions']:,} identified purchases worth {t['revenue']:,.2f} "
              f"({t['conversions_without_touch']:,} with no touch in the window); "
              f"{t['non_converting_paths']:,} paths without a purchase; "
              f"{t['anonymous_conversions']:,} anonymous purchases ({t['anonymous_revenue']:,.2f}) not attributed.")

    return _emit(report, args.format, show)


def _ropo(args) -> int:
    report = _run(args, lambda ws, p: ropo_report(
        ws, window_days=args.window_days, by=args.by, require_no_online_order=args.no_online_order_between,
        progress=p))

    def show(rep: Report) -> None:
        t = rep.totals
        print(f"Window {t['window_days']} days · currency {t['currency'] or '-'}\n")
        print(f"Identified store revenue   {_cell('', t['store_revenue_identified'])} "
              f"({t['store_purchases']:,} purchases, {t['store_buyers']:,} buyers)")
        print(f"Assisted by an online touch {_cell('', t['ropo_revenue'])} = {_cell('share', t['ropo_share'])}, "
              f"median lag {_cell('', t['median_lag_days'])} days")
        print(f"Reverse: online revenue after a store visit {_cell('', t['reverse_revenue'])} of "
              f"{_cell('', t['online_revenue_identified'])} = {_cell('share', t['reverse_share'])}")
        print(f"Anonymous store purchases (not seen): {t['anonymous_store_purchases']:,} "
              f"({_cell('', t['anonymous_store_revenue'])})\n")
        _print_frame(t["windows"], WINDOW_TABLE_COLUMNS)
        if rep.params["by"]:
            print()
            _print_frame(rep.table, ROPO_TABLE_COLUMNS)

    return _emit(report, args.format, show)


def _identification(args) -> int:
    report = _run(args, lambda ws, p: identification_report(ws, by=args.by, progress=p))

    def show(rep: Report) -> None:
        t = rep.totals
        print(f"Store receipts identified: {t['identified_receipts']:,} of {t['receipts']:,} "
              f"({_cell('share', t['receipt_share'])}); revenue {_cell('', t['store_revenue_identified'])} of "
              f"{_cell('', t['store_revenue'])} ({_cell('share', t['revenue_share'])})\n")
        _print_frame(rep.table)

    return _emit(report, args.format, show)
