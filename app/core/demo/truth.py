"""Ground truth: who each record is (truth.csv, truth_people.csv) and the planted figures
(truth.json), computed from exactly the rows that were written.

Definitions (DOMAIN.md §4 "ROPO", issue 6), all instants exact (UTC):
- Store purchase: a till receipt with a positive Importo, or a Shopify order whose Source is
  `pos`. Returns (negative Importo) are left out. Identified: the receipt carries a Codice carta or
  an Email scontrino (a POS order always has its Email).
- Online touch: a web event page_view / view_item / add_to_cart / begin_checkout **with a user_id**,
  an email `click` in the Mailchimp activity, a Meta lead (its created_time). Opens, anonymous web
  events and web `purchase` events are not touches.
- ROPO purchase for window N days: an identified store purchase whose buyer had an online touch t
  with purchase − N days ≤ t < purchase. ROPO share = ROPO revenue / identified store revenue.
  Lag = purchase − last touch before it, in days; the median is over ROPO purchases, unweighted.
- Reverse for N: an online order (Source `web`, Financial Status not `refunded`: a refunded order
  is a return) whose buyer had an identified store purchase s with order − N days ≤ s < order;
  share over the revenue of those orders (partial refunds not netted).
- Segments: the buyer's true home (truth_people.csv): `near` (a town near one of the stores) or
  `far`, city (upper-case key), province (sigla).
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from app.core.demo import layouts as L
from app.core.demo import tables as T
from app.core.demo.clock import DAY_US, Clock, fmt_dates
from app.core.demo.people import ascii_key

WINDOWS = (7, 14, 30, 90)

DEFINITIONS = {
    "store_purchase": "till receipt with positive Importo, or Shopify order with Source=pos; returns excluded",
    "identified": "receipt with Codice carta or Email scontrino; POS orders always (Email)",
    "online_touch": "web page_view/view_item/add_to_cart/begin_checkout with user_id; Mailchimp click; Meta lead",
    "window": "touch t counts for purchase p when p - N days <= t < p",
    "ropo_share": "ropo_revenue / store_revenue_identified",
    "median_lag_days": "median over ROPO purchases of (purchase - last touch before it) in days, unweighted",
    "reverse": "web order (not refunded) with an identified store purchase by the same person in the N days before",
    "segments": "buyer's true home from truth_people.csv: near/far, city key, province sigla",
    "time_zone": "receipts' Data/Ora are Europe/Rome local time",
}


def truth_rows(tables: Iterable[tuple[str, Iterable[str], np.ndarray]], people: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(file, key, person_id) once per distinct (file, key); raises if a key names two people."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    pids = people["person_id"].values
    for file, keys, pid in tables:
        for k, p in zip(keys, pid):
            if not k:
                continue
            prev = seen.get((file, k))
            if prev is None:
                seen[(file, k)] = int(p)
                out.append((file, k, pids[p]))
            elif prev != int(p):
                raise AssertionError(f"{file}: key {k!r} belongs to two people")
    return out


def write_truth_csv(path: Path, rows: list[tuple[str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("file", "source_record_key", "person_id"))
        w.writerows(rows)


def write_people_csv(path: Path, people: pd.DataFrame, used: np.ndarray) -> None:
    p = people.iloc[np.flatnonzero(used)]
    city = p["city"].values
    out = pd.DataFrame({
        "person_id": p["person_id"].values, "first_name": p["first"].values, "last_name": p["last"].values,
        "married_surname": p["alt_last"].values, "gender": p["gender"].values,
        "birth_date": fmt_dates(p["birth"].values, "%Y-%m-%d"),
        "address": [f"{s} {n}" for s, n in zip(p["street"].values, p["number"].values)],
        "old_address": [f"{s} {n}" if m else "" for s, n, m in zip(p["old_street"].values, p["old_number"].values,
                                                                  p["moved"].values)],
        "cap": p["cap"].values, "city": _by_city([c.name for c in T.CITIES], city),
        "city_key": _by_city([city_key(i) for i in range(len(T.CITIES))], city),
        "province": _by_city([c.province for c in T.CITIES], city),
        "segment": np.where(p["near"].values, "near", "far"),
        "home_store": np.array([s.name for s in T.STORES] + [""], dtype=object)[p["store"].values],
        "household": p["hh"].values, "email": p["email"].values, "email2": p["email2"].values,
        "family_email": p["family_email"].values, "mobile": p["mobile"].values, "landline": p["landline"].values,
    })
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def _by_city(values: list[str], city: np.ndarray) -> np.ndarray:
    return np.array(values, dtype=object)[city]


def city_key(city_index: int) -> str:
    return " ".join(ascii_key(w).upper() for w in T.CITIES[city_index].name.split())


def ropo_figures(purchases: pd.DataFrame, touches: pd.DataFrame, people: pd.DataFrame) -> dict:
    """purchases: pid, us, amount (identified store purchases); touches: pid, us.
    Returns {window: {totals…, "segments": {...}, "by_city": {...}, "by_province": {...}}}."""
    last = _last_before(purchases, touches)
    seg = {
        "segments": np.where(people["near"].values, "near", "far"),
        "by_city": np.array([city_key(c) for c in range(len(T.CITIES))], dtype=object)[people["city"].values],
        "by_province": np.array([c.province for c in T.CITIES], dtype=object)[people["city"].values],
    }
    out = {}
    for n in WINDOWS:
        lag = last["us"].values - last["touch_us"].values
        hit = last["touch_us"].notna().values & (lag <= n * DAY_US)
        frame = last.assign(hit=hit, lag_days=np.where(hit, lag / DAY_US, np.nan))
        fig = _summary(frame)
        for name, values in seg.items():
            groups = frame.assign(g=values[frame["pid"].values]).groupby("g", sort=True)
            fig[name] = {str(g): _summary(sub) for g, sub in groups}
        out[str(n)] = fig
    return out


def reverse_figures(orders: pd.DataFrame, store: pd.DataFrame) -> dict:
    """orders: pid, us, amount (web orders); store: pid, us (identified store purchases)."""
    last = _last_before(orders, store)
    out = {}
    for n in WINDOWS:
        lag = last["us"].values - last["touch_us"].values
        hit = last["touch_us"].notna().values & (lag <= n * DAY_US)
        total = float(last["amount"].sum())
        rev = float(last["amount"].values[hit].sum())
        out[str(n)] = {"online_revenue": round(total, 2), "reverse_revenue": round(rev, 2),
                       "reverse_share": round(rev / total, 6) if total else None,
                       "orders": len(last), "reverse_orders": int(hit.sum()),
                       "median_lag_days": _median(lag[hit] / DAY_US)}
    return out


def _last_before(events: pd.DataFrame, touches: pd.DataFrame) -> pd.DataFrame:
    """Each event with the time of the same person's last touch strictly before it (or NaN)."""
    left = events[["pid", "us", "amount"]].astype({"pid": np.int64, "us": np.int64}).sort_values("us", kind="stable")
    right = touches[["pid", "us"]].astype(np.int64).sort_values("us", kind="stable")
    right = right.assign(touch_us=right["us"])
    return pd.merge_asof(left, right, on="us", by="pid", direction="backward", allow_exact_matches=False)


def _summary(frame: pd.DataFrame) -> dict:
    total = float(frame["amount"].sum())
    ropo = float(frame["amount"].values[frame["hit"].values].sum())
    return {"store_revenue_identified": round(total, 2), "ropo_revenue": round(ropo, 2),
            "ropo_share": round(ropo / total, 6) if total else None,
            "purchases": len(frame), "ropo_purchases": int(frame["hit"].sum()),
            "median_lag_days": _median(frame["lag_days"].values[frame["hit"].values])}


def _median(values: np.ndarray) -> float | None:
    return round(float(np.median(values)), 4) if len(values) else None


def identification(store_all: pd.DataFrame) -> dict:
    """store_all: amount, identified (bool) for every store purchase."""
    total = float(store_all["amount"].sum())
    ident = float(store_all["amount"].values[store_all["identified"].values].sum())
    n = len(store_all)
    k = int(store_all["identified"].sum())
    return {"store_revenue": round(total, 2), "store_revenue_identified": round(ident, 2),
            "revenue_rate": round(ident / total, 6) if total else None,
            "receipts": n, "receipts_identified": k, "receipt_rate": round(k / n, 6) if n else None}


def duplicate_pairs(pids: np.ndarray) -> int:
    counts = np.bincount(pids) if len(pids) else np.zeros(0, int)
    return int((counts * (counts - 1) // 2).sum())


def key_columns() -> dict[str, str]:
    return {
        L.TILL_CONTACTS.file_name: "Codice carta",
        L.SHOPIFY_CUSTOMERS.file_name: "Customer ID (without Shopify's leading ')",
        L.MAILCHIMP_AUDIENCE.file_name: "Email Address (as written; LEID is unique per row too)",
        L.META_LEADS.file_name: "id (with its l: prefix)",
        L.TILL_RECEIPTS.file_name: "Codice carta when present (a till_clienti key), and Email scontrino as written",
        L.SHOPIFY_ORDERS.file_name: "Email as written",
        L.MAILCHIMP_ACTIVITY.file_name: "Email Address as written",
        L.WEB_EVENTS.file_name: "user_id (= the Shopify Customer ID)",
    }


def store_context(clock: Clock) -> dict:
    return {"stores": [{"name": s.name, "city": s.city, "province": s.province, "cap": s.cap} for s in T.STORES],
            "near_provinces": list(T.NEAR_PROVINCES), "start": clock.start.isoformat(), "days": clock.days}
