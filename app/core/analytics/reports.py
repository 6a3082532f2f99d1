"""The three reports over a workspace — contribution, ROPO, identification — as ``Report`` objects.

This is the API the CLI and the GUI call: it reads the events once, runs the pure functions of the
other modules and adds totals, parameters and the caveat line. Reads only; safe on a reader thread.
"""
from __future__ import annotations

import pandas as pd

from app.core.analytics.attributes import profile_groups
from app.core.analytics.attribution import MODEL_LABELS, compare_models, contribution
from app.core.analytics.identification import identification
from app.core.analytics.journeys import STORE, Journey, conversion_mask, journeys, load_events
from app.core import messages
from app.core.analytics.report import Report
from app.core.analytics.ropo import NOTE as ROPO_NOTE
from app.core.analytics.ropo import WINDOWS, by_group, figures, online_lags, ropo_windows, store_lags, within
from app.core.jobs import Progress
from app.core.workspace import Workspace

CONTRIBUTION_NOTE = messages.text("report.contribution_note")
IDENTIFICATION_NOTE = messages.text("report.identification_note")


def _currency(events: pd.DataFrame) -> tuple[str | None, messages.Text | None]:
    """The main currency of the amounts, and a warning when several are mixed."""
    counts = events.loc[events["amount"].notna(), "currency"].dropna().str.upper().value_counts()
    if counts.empty:
        return None, None
    if len(counts) > 1:
        return counts.index[0], messages.text("report.mixed_currencies", currencies=", ".join(counts.index))
    return counts.index[0], None


def _note(note: messages.Text, warning: messages.Text | None) -> messages.Text:
    """The report's caveat, followed by the currency warning when there is one."""
    return note if warning is None else messages.joined((note, warning), " ")


def _paths(ws: Workspace, window_days: float, include_opens: bool,
           progress: Progress) -> tuple[pd.DataFrame, list[Journey], dict, messages.Text | None]:
    """Events, journeys, the totals every contribution report shows, and a currency warning."""
    progress.update(0.0, messages.text("progress.reading_events"))
    events = load_events(ws)
    js = journeys(events, lookback_days=window_days, include_opens=include_opens, progress=progress.sub(0.1, 0.7))
    converting = [j for j in js if j.converted]
    conv = events[conversion_mask(events)]
    anonymous = conv[conv["profile_id"].isna()]
    currency, warning = _currency(conv)
    totals = {
        "conversions": len(converting),
        "revenue": float(sum(j.value for j in converting)),
        "touches": sum(len(j.touches) for j in converting),
        "conversions_without_touch": sum(1 for j in converting if not j.touches),
        "non_converting_paths": len(js) - len(converting),
        "anonymous_conversions": len(anonymous),
        "anonymous_revenue": float(anonymous["amount"].fillna(0.0).sum()),
        "currency": currency,
    }
    return events, js, totals, warning


def contribution_report(ws: Workspace, *, model: str = "last-non-direct", window_days: float = 30,
                        half_life_days: float = 7.0, by: str = "channel", include_opens: bool = False,
                        progress: Progress | None = None) -> Report:
    """Conversions and revenue credited per channel (or campaign) under one attribution model."""
    progress = progress or Progress()
    _, js, totals, warning = _paths(ws, window_days, include_opens, progress)
    progress.update(0.8, messages.text("progress.attributing", model=MODEL_LABELS.get(model, model)))
    table = contribution(js, model=model, by=by, half_life_days=half_life_days)
    params = {"model": model, "window_days": window_days, "half_life_days": half_life_days, "by": by,
              "include_opens": include_opens}
    progress.update(1.0, messages.text("progress.done"))
    return Report(f"Contribution by {by} — {MODEL_LABELS[model]}", _note(CONTRIBUTION_NOTE, warning), table, totals,
                  params)


def model_comparison_report(ws: Workspace, *, window_days: float = 30, half_life_days: float = 7.0,
                            by: str = "channel", include_opens: bool = False, value: str = "conversions",
                            progress: Progress | None = None) -> Report:
    """Every model side by side: one row per channel (or campaign), one column per model (``value`` credited)."""
    progress = progress or Progress()
    _, js, totals, warning = _paths(ws, window_days, include_opens, progress)
    progress.update(0.8, messages.text("progress.attributing_all"))
    table = compare_models(js, by=by, half_life_days=half_life_days, value=value)
    params = {"model": "all", "window_days": window_days, "half_life_days": half_life_days, "by": by,
              "include_opens": include_opens, "value": value}
    progress.update(1.0, messages.text("progress.done"))
    return Report(f"{value.capitalize()} credited by {by}, every model", _note(CONTRIBUTION_NOTE, warning), table,
                  totals, params)


def ropo_report(ws: Workspace, *, window_days: float = 30, by: str | None = None,
                windows: tuple[float, ...] = WINDOWS, require_no_online_order: bool = False,
                progress: Progress | None = None) -> Report:
    """ROPO and its reverse for one window, per group of ``by`` (one ``(all)`` group without it),
    with the headline figures for each of ``windows`` in ``totals["windows"]``."""
    progress = progress or Progress()
    progress.update(0.0, messages.text("progress.reading_events"))
    events = load_events(ws)
    groups = profile_groups(ws, by) if by else None
    progress.update(0.3, messages.text("progress.online_touches"))
    store_lag, online_lag = store_lags(events, require_no_online_order=require_no_online_order), online_lags(events)
    store, online = within(store_lag, window_days), within(online_lag, window_days)
    table = by_group(store, online, groups)
    progress.update(0.6, messages.text("progress.comparing_windows"))
    sales = events[conversion_mask(events) & (events["channel"] == STORE)]
    anonymous = sales[sales["profile_id"].isna()]
    currency, warning = _currency(sales)
    totals = {
        "window_days": window_days,
        **figures(store, online),
        "anonymous_store_purchases": len(anonymous),
        "anonymous_store_revenue": float(anonymous["amount"].fillna(0.0).sum()),
        "currency": currency,
        "windows": ropo_windows(store_lag, online_lag, windows),
    }
    params = {"window_days": window_days, "by": by, "require_no_online_order": require_no_online_order}
    progress.update(1.0, messages.text("progress.done"))
    title = "ROPO: research online, purchase offline" + (f" — by {by}" if by else "")
    return Report(title, _note(ROPO_NOTE, warning), table, totals, params, table_key="groups")


def identification_report(ws: Workspace, *, by: str = "store", progress: Progress | None = None) -> Report:
    """The share of store receipts and revenue tied to a known person, overall and per store or month."""
    progress = progress or Progress()
    progress.update(0.0, messages.text("progress.reading_events"))
    events = load_events(ws)
    progress.update(0.7, messages.text("progress.identified_receipts"))
    totals, table = identification(events, by=by)
    progress.update(1.0, messages.text("progress.done"))
    currency, warning = _currency(events[(events["channel"] == STORE) & conversion_mask(events)])
    return Report(f"Identification rate by {by}", _note(IDENTIFICATION_NOTE, warning), table,
                  {**totals, "currency": currency}, {"by": by}, table_key="groups")
