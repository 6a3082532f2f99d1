"""Journeys: each person's events in time order, cut into paths that end in a conversion or do not.

Who is a person. An event belongs to the profile of its record (``memberships.profile_id``). A
record with no membership row (matching not run yet) counts as its own person, with the stable id
``profile_id = -record_id`` (negative, so it never collides with a real profile). Anonymous events
(``record_id IS NULL``) have ``profile_id`` NA and no journey.

Conversions are purchases, online or in store. When the workspace holds online-shop orders, a
purchase recorded by another channel (a web-analytics ``purchase`` hit, say) is the same order seen
again and is not counted a second time.

Touches are web visits, carts and checkouts, email clicks (opens when asked), lead forms and ad
clicks — never purchases, returns or anything that happened in a store. Their marketing channel
comes from ``channels.touch_channel``; their campaign from ``campaign``, else ``utm_campaign``.

Paths. A conversion's path is the person's touches at or before it (``T - t <= lookback``, so a
touch exactly ``lookback_days`` before counts and one a second earlier does not) and after their
previous conversion: each touch serves at most one conversion, the next one. Touches that serve no
conversion form non-converting paths (Markov needs them): consecutive ones of a person, a new path
starting when a conversion lies between or the path would span more than the lookback window.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

from app.core import messages
from app.core.analytics.channels import touch_channels
from app.core.fields import CONVERSION_TYPES
from app.core.jobs import Progress
from app.core.normalize._text import upper_words
from app.core.workspace import Workspace

DAY = 86_400  # seconds
NO_CAMPAIGN = "(no campaign)"
TOUCH_TYPES = frozenset({"visit", "cart", "checkout", "email_click", "lead", "ad_click"})
OPEN_TYPE = "email_open"
STORE = "store"
ONLINE_SHOP = "online_shop"
EVENT_COLUMNS = ["event_id", "record_id", "profile_id", "ts", "occurred_at", "channel", "type", "amount",
                 "currency", "store", "campaign", "utm_source", "utm_medium", "utm_campaign", "source"]
# GA's placeholders for "no campaign"
_EMPTY_CAMPAIGNS = ("", "(not set)", "(none)", "(direct)", "(not provided)", "(organic)", "(referral)")


class Touch(NamedTuple):
    """One touch (a tuple: journeys hold millions of them)."""

    ts: int                      # epoch seconds, UTC
    channel: str                 # marketing channel (channels.touch_channel)
    campaign: str = NO_CAMPAIGN
    type: str = "visit"
    event_id: int | None = None

    def key(self, by: str) -> str:
        return self.campaign if by == "campaign" else self.channel


class Journey(NamedTuple):
    """One path: the touches before a conversion (``converted``), or touches that led to none."""

    profile_id: int
    touches: tuple[Touch, ...]
    converted: bool
    value: float = 0.0
    conversion_ts: int | None = None
    conversion_event_id: int | None = None
    conversion_channel: str | None = None   # store / online_shop / …

    def keys(self, by: str = "channel") -> list[str]:
        """The path as channel (or campaign) names, in time order."""
        return [t.key(by) for t in self.touches]


def load_events(ws: Workspace, *, profile_ids: Iterable[int] | None = None) -> pd.DataFrame:
    """Every event (or those of the given profiles) with its person, in time order (``EVENT_COLUMNS``)."""
    where, params = "", ()
    if profile_ids is not None:
        ids = [int(p) for p in profile_ids]
        record_ids = [-p for p in ids if p < 0]
        positive = [p for p in ids if p > 0]
        if positive:
            record_ids += [r[0] for r in ws.query(
                "SELECT record_id FROM memberships WHERE profile_id IN (SELECT value FROM json_each(?))",
                (json.dumps(positive),))]
        where, params = "WHERE e.record_id IN (SELECT value FROM json_each(?))", (json.dumps(record_ids),)
    sql = f"""
        SELECT e.id AS event_id, e.record_id, COALESCE(m.profile_id, -e.record_id) AS profile_id,
               e.ts, e.occurred_at, e.channel, e.type, e.amount, e.currency, e.store, e.campaign,
               e.utm_source, e.utm_medium, e.utm_campaign, s.name AS source
        FROM events e JOIN sources s ON s.id = e.source_id
        LEFT JOIN memberships m ON m.record_id = e.record_id
        {where}
        ORDER BY e.ts, e.id"""
    df = pd.read_sql_query(sql, ws.conn, params=params)
    return _typed(df)


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    df = df.reindex(columns=EVENT_COLUMNS)
    for col in ("event_id", "ts"):
        df[col] = df[col].astype("int64")
    for col in ("record_id", "profile_id"):
        df[col] = df[col].astype("Int64")
    df["amount"] = df["amount"].astype("float64")
    return df


def conversion_mask(events: pd.DataFrame) -> pd.Series:
    """Which events are conversions (see the module docstring on double-counted online orders)."""
    purchase = events["type"].isin(CONVERSION_TYPES)
    if (purchase & (events["channel"] == ONLINE_SHOP)).any():
        return purchase & events["channel"].isin((STORE, ONLINE_SHOP))
    return purchase


def touch_mask(events: pd.DataFrame, *, include_opens: bool = False) -> pd.Series:
    types = TOUCH_TYPES | {OPEN_TYPE} if include_opens else TOUCH_TYPES
    return events["type"].isin(types) & (events["channel"] != STORE)


def campaign_keys(events: pd.DataFrame) -> pd.Series:
    """The campaign of each event: ``campaign``, else ``utm_campaign``, else ``NO_CAMPAIGN``.

    Names that differ only in case, accents and punctuation are one campaign (the newsletter's
    title ``Festa della donna`` and its link tag ``festa_della_donna``), shown as written most often.
    """
    def clean(col: str) -> pd.Series:
        s = events[col].astype(object).fillna("").astype(str).str.strip()
        return s.where(~s.str.lower().isin(_EMPTY_CAMPAIGNS), "")

    campaign, utm = clean("campaign"), clean("utm_campaign")
    out = campaign.where(campaign != "", utm)
    keys = out.map({v: upper_words(v) for v in out.unique()})
    counts = pd.DataFrame({"key": keys, "name": out}).value_counts().reset_index(name="n")
    counts = counts.sort_values(["key", "n", "name"], ascending=[True, False, True]).drop_duplicates("key")
    label = dict(zip(counts["key"], counts["name"]))
    label[""] = NO_CAMPAIGN
    return keys.map(label)


def journeys(events: pd.DataFrame, *, lookback_days: float = 30, include_opens: bool = False,
             progress: Progress | None = None) -> list[Journey]:
    """Converting journeys (one per identified conversion, in time order), then non-converting ones."""
    progress = progress or Progress()
    window = lookback_days * DAY
    ev = events[events["profile_id"].notna()]
    ev = ev.assign(profile_id=ev["profile_id"].astype("int64"))
    conv = ev[conversion_mask(ev)].sort_values(["ts", "event_id"])
    t = ev[touch_mask(ev, include_opens=include_opens)]
    touches = pd.DataFrame({
        "event_id": t["event_id"], "profile_id": t["profile_id"], "ts": t["ts"],
        "channel": touch_channels(t), "campaign": campaign_keys(t), "type": t["type"],
    }).sort_values(["ts", "event_id"])
    nxt = conv[["profile_id", "ts", "event_id"]].rename(columns={"ts": "conv_ts", "event_id": "conv_id"})
    touches = pd.merge_asof(touches, nxt, left_on="ts", right_on="conv_ts", by="profile_id",
                            direction="forward", allow_exact_matches=True)
    served = touches["conv_ts"].notna() & (touches["conv_ts"] - touches["ts"] <= window)
    progress.update(0.3, messages.text("progress.journeys"))

    used = touches[served]
    paths: dict[int, list[Touch]] = {}
    for conv_id, touch in zip(used["conv_id"].astype("int64").tolist(), _touches(used)):
        paths.setdefault(conv_id, []).append(touch)
    amounts = conv["amount"].fillna(0.0).tolist()
    out = [Journey(pid, tuple(paths.get(eid, ())), True, value, ts, eid, channel)
           for pid, eid, ts, value, channel in zip(conv["profile_id"].tolist(), conv["event_id"].tolist(),
                                                  conv["ts"].tolist(), amounts, conv["channel"].tolist())]
    progress.update(0.7, messages.text("progress.paths_without_purchase"))
    out += _non_converting(touches[~served], window)
    progress.update(1.0, messages.text("progress.journeys_ready"))
    return out


def _touches(df: pd.DataFrame) -> list[Touch]:
    return list(map(Touch, df["ts"].tolist(), df["channel"].tolist(), df["campaign"].tolist(),
                    df["type"].tolist(), df["event_id"].tolist()))


def _non_converting(rest: pd.DataFrame, window: float) -> list[Journey]:
    rest = rest.sort_values(["profile_id", "ts", "event_id"])
    profiles, times = rest["profile_id"].tolist(), rest["ts"].tolist()
    next_conv = rest["conv_id"].fillna(-1).tolist()
    out: list[Journey] = []
    current: list[Touch] = []
    start = 0
    for i, touch in enumerate(_touches(rest)):
        if current and (profiles[i] != profiles[i - 1] or next_conv[i] != next_conv[i - 1]
                        or times[i] - start > window):
            out.append(Journey(profiles[i - 1], tuple(current), converted=False))
            current = []
        if not current:
            start = times[i]
        current.append(touch)
    if current:
        out.append(Journey(profiles[-1], tuple(current), converted=False))
    return out
