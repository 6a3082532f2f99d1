"""ROPO — research online, purchase offline — and its reverse, with breakdowns by any profile attribute.

Definitions (DOMAIN.md §4 "ROPO"):
- An **identified store purchase** is a ``purchase`` event of the ``store`` channel whose record is
  known (anonymous receipts are not seen here; the identification report counts them).
- It is **assisted online** when the same person had an **online touch** in the N days before it
  (``0 <= T - t <= N days``, both ends included): a web visit, cart or checkout, an email click, a
  lead form or an ad click from any channel but the store. Email opens are not touches, and neither
  is an online purchase: buying online is a conversion, not research. With
  ``require_no_online_order`` the last touch must also come after the person's last online order
  (DOMAIN's "no online order in between").
- The **lag** is the time from the last online touch to the store purchase; the median is taken
  over assisted purchases. Shares are shares of revenue.
- The **reverse**: an identified online purchase preceded within N days by a store purchase or a
  store visit of the same person.

These are co-occurrences among identified buyers, not effects: see ``NOTE``.
"""
from __future__ import annotations

import pandas as pd

from app.core.analytics.journeys import DAY, STORE, TOUCH_TYPES, conversion_mask
from app.core import messages
from app.core.fields import CONVERSION_TYPES

WINDOWS: tuple[int, ...] = (7, 14, 30, 90)
ONLINE_TOUCH_TYPES = TOUCH_TYPES
REVERSE_STORE_TYPES = frozenset(CONVERSION_TYPES | {"visit"})
UNKNOWN_GROUP = "(unknown)"
ALL_GROUP = "(all)"
NOTE = messages.text("report.ropo_note")
GROUP_COLUMNS = ["group", "store_buyers", "store_purchases", "store_revenue_identified", "ropo_purchases",
                 "ropo_revenue", "ropo_share", "median_lag_days", "online_purchases", "online_revenue_identified",
                 "online_share", "reverse_revenue", "reverse_share", "reverse_median_lag_days"]


def _identified(events: pd.DataFrame) -> pd.DataFrame:
    ev = events[events["profile_id"].notna()]
    return ev.assign(profile_id=ev["profile_id"].astype("int64"))


def _last_prior(targets: pd.DataFrame, priors: pd.DataFrame, blockers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each target purchase with its person's last prior event at or before it (``prior_ts``) and the
    lag in days (``lag``); NaN when there is none, or when a blocker came after that prior event."""
    cols = ["event_id", "profile_id", "ts", "amount"]
    out = targets[cols].assign(amount=targets["amount"].fillna(0.0)).sort_values(["ts", "event_id"])
    prior = priors[["profile_id", "ts"]].rename(columns={"ts": "prior_ts"}).sort_values("prior_ts")
    out = pd.merge_asof(out, prior, left_on="ts", right_on="prior_ts", by="profile_id",
                        direction="backward", allow_exact_matches=True)
    lag = (out["ts"] - out["prior_ts"]) / DAY
    if blockers is not None:
        block = blockers[["profile_id", "ts"]].rename(columns={"ts": "block_ts"}).sort_values("block_ts")
        out = pd.merge_asof(out, block, left_on="ts", right_on="block_ts", by="profile_id",
                            direction="backward", allow_exact_matches=False)
        lag = lag.where(out["block_ts"].isna() | (out["prior_ts"] > out["block_ts"]))
        out = out.drop(columns="block_ts")
    return out.assign(lag=lag).reset_index(drop=True)


def within(purchases: pd.DataFrame, window_days: float) -> pd.DataFrame:
    """``purchases`` with ``assisted`` (the prior event is at most ``window_days`` old) and its ``lag_days``."""
    hit = purchases["lag"] <= window_days
    return purchases.drop(columns="lag").assign(lag_days=purchases["lag"].where(hit), assisted=hit.astype(bool))


def store_lags(events: pd.DataFrame, *, require_no_online_order: bool = False) -> pd.DataFrame:
    """Identified store purchases with the ``lag`` in days since the buyer's last online touch (NaN: none)."""
    ev = _identified(events)
    conv = conversion_mask(ev)
    targets = ev[conv & (ev["channel"] == STORE)]
    touches = ev[ev["type"].isin(ONLINE_TOUCH_TYPES) & (ev["channel"] != STORE)]
    blockers = ev[conv & (ev["channel"] != STORE)] if require_no_online_order else None
    return _last_prior(targets, touches, blockers)


def online_lags(events: pd.DataFrame) -> pd.DataFrame:
    """Identified online purchases with the ``lag`` in days since the buyer's last store purchase or visit."""
    ev = _identified(events)
    targets = ev[conversion_mask(ev) & (ev["channel"] != STORE)]
    priors = ev[(ev["channel"] == STORE) & ev["type"].isin(REVERSE_STORE_TYPES)]
    return _last_prior(targets, priors)


def store_purchases(events: pd.DataFrame, *, window_days: float = 30,
                    require_no_online_order: bool = False) -> pd.DataFrame:
    """Identified store purchases: event_id, profile_id, ts, amount, prior_ts, lag_days, assisted."""
    return within(store_lags(events, require_no_online_order=require_no_online_order), window_days)


def online_purchases(events: pd.DataFrame, *, window_days: float = 30) -> pd.DataFrame:
    """Identified online purchases, ``assisted`` when a store purchase or visit came in the window before."""
    return within(online_lags(events), window_days)


def _share(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _median(values: pd.Series) -> float | None:
    values = values.dropna()
    return float(values.median()) if len(values) else None


def figures(store: pd.DataFrame, online: pd.DataFrame) -> dict:
    """Headline figures of one set of store and online purchases (shares None when undefined)."""
    store_rev, online_rev = float(store["amount"].sum()), float(online["amount"].sum())
    ropo = store[store["assisted"]]
    rev = online[online["assisted"]]
    ropo_rev, reverse_rev = float(ropo["amount"].sum()), float(rev["amount"].sum())
    return {
        "store_buyers": int(store["profile_id"].nunique()),
        "store_purchases": len(store),
        "store_revenue_identified": store_rev,
        "ropo_purchases": len(ropo),
        "ropo_revenue": ropo_rev,
        "ropo_share": _share(ropo_rev, store_rev),
        "median_lag_days": _median(ropo["lag_days"]),
        "online_purchases": len(online),
        "online_revenue_identified": online_rev,
        "online_share": _share(online_rev, online_rev + store_rev),
        "reverse_revenue": reverse_rev,
        "reverse_share": _share(reverse_rev, online_rev),
        "reverse_median_lag_days": _median(rev["lag_days"]),
    }


def by_group(store: pd.DataFrame, online: pd.DataFrame, groups: pd.DataFrame | None) -> pd.DataFrame:
    """``figures`` per group (``GROUP_COLUMNS``). ``groups`` maps profile_id → group; a profile may be in
    several groups (tags) and one with no value is in ``UNKNOWN_GROUP``. No groups: one row, ``ALL_GROUP``."""
    if groups is None:
        return pd.DataFrame([{"group": ALL_GROUP, **figures(store, online)}], columns=GROUP_COLUMNS)
    g = groups[["profile_id", "group"]].drop_duplicates()

    def tagged(purchases: pd.DataFrame) -> pd.DataFrame:
        out = purchases.merge(g, on="profile_id", how="left")
        out["group"] = out["group"].fillna(UNKNOWN_GROUP)
        return out

    store, online = tagged(store), tagged(online)
    names = sorted(set(store["group"]) | set(online["group"]))
    rows = [{"group": n, **figures(store[store["group"] == n], online[online["group"] == n])} for n in names]
    df = pd.DataFrame(rows, columns=GROUP_COLUMNS)
    df["_unknown"] = df["group"] == UNKNOWN_GROUP
    df = df.sort_values(["_unknown", "store_revenue_identified", "group"], ascending=[True, False, True])
    return df.drop(columns="_unknown").reset_index(drop=True)


def ropo_windows(store: pd.DataFrame, online: pd.DataFrame, windows: tuple[float, ...] = WINDOWS) -> pd.DataFrame:
    """The headline figures for several windows from ``store_lags`` and ``online_lags``: one row per
    window (``window_days`` first)."""
    return pd.DataFrame([{"window_days": n, **figures(within(store, n), within(online, n))} for n in windows])
