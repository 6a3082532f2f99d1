"""load_events and journeys over a small workspace built here row by row.

``Shop`` (also used by the other analytics tests) writes sources, records, profiles, memberships and
events straight into the schema, so these tests do not depend on the importer or the matcher.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest

from app.core.analytics.journeys import (DAY, EVENT_COLUMNS, NO_CAMPAIGN, campaign_keys, conversion_mask, journeys,
                                         load_events)

T0 = datetime(2025, 3, 1, tzinfo=timezone.utc)
NOW = "2025-01-01T00:00:00+00:00"


def at(day: float) -> int:
    """Epoch seconds ``day`` days after T0."""
    return int((T0 + timedelta(days=day)).timestamp())


class Shop:
    """Writes a tiny workspace: ``record`` → ``profile`` → ``event``; days count from T0."""

    def __init__(self, ws):
        self.ws = ws
        self.sources: dict[str, int] = {}
        self.n = 0

    def source(self, name: str, channel: str, kind: str = "events") -> int:
        if name not in self.sources:
            with self.ws.atomic() as c:
                cur = c.execute(
                    "INSERT INTO sources(name, kind, channel, format, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                    (name, kind, channel, "auto", NOW, NOW))
            self.sources[name] = cur.lastrowid
        return self.sources[name]

    def record(self, source: str = "loyalty", *, fields: dict | None = None, **n_columns) -> int:
        self.n += 1
        cols = {"source_id": self.source(source, "store", "contacts"), "source_record_id": f"R{self.n}",
                "raw": "{}", "fields": json.dumps(fields or {}), "created_at": NOW, "updated_at": NOW,
                **n_columns}
        with self.ws.atomic() as c:
            cur = c.execute(f"INSERT INTO records({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                            list(cols.values()))
        return cur.lastrowid

    def profile(self, *record_ids: int, golden: dict | None = None) -> int:
        with self.ws.atomic() as c:
            pid = c.execute("INSERT INTO profiles(created_at, updated_at, golden, n_records) VALUES (?,?,?,?)",
                            (NOW, NOW, json.dumps(golden or {}), len(record_ids))).lastrowid
            c.executemany("INSERT INTO memberships(record_id, profile_id) VALUES (?, ?)",
                          [(r, pid) for r in record_ids])
        return pid

    def person(self, **n_columns) -> tuple[int, int]:
        """A record with its own profile: (record_id, profile_id)."""
        rid = self.record(**n_columns)
        return rid, self.profile(rid)

    def event(self, record_id: int | None, day: float, type: str, channel: str, *, amount: float | None = None,
              source: str | None = None, occurred_at: str | None = None, currency: str | None = None,
              **extra) -> int:
        self.n += 1
        ts = at(day)
        cols = {"source_id": self.source(source or f"{channel}-events", channel), "external_id": f"E{self.n}",
                "occurred_at": occurred_at or datetime.fromtimestamp(ts, timezone.utc).isoformat(),
                "ts": ts, "channel": channel, "type": type, "amount": amount,
                "currency": currency or ("EUR" if amount is not None else None), "record_id": record_id,
                "raw": "{}", **extra}
        with self.ws.atomic() as c:
            cur = c.execute(f"INSERT INTO events({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                            list(cols.values()))
        return cur.lastrowid


def frame(rows: list[dict]) -> pd.DataFrame:
    """An events frame shaped like load_events' from short dicts (profile_id, day, type, channel…)."""
    out = []
    for i, r in enumerate(rows, start=1):
        r = dict(r)
        ts = at(r.pop("day"))
        pid = r.pop("profile_id", None)
        out.append({"event_id": i, "record_id": pid, "profile_id": pid, "ts": ts,
                    "occurred_at": datetime.fromtimestamp(ts, timezone.utc).isoformat(), **r})
    df = pd.DataFrame(out).reindex(columns=EVENT_COLUMNS)
    for col in ("record_id", "profile_id"):
        df[col] = df[col].astype("Int64")
    df["amount"] = df["amount"].astype("float64")
    return df.sort_values(["ts", "event_id"]).reset_index(drop=True)


@pytest.fixture
def shop(ws) -> Shop:
    return Shop(ws)


# -- load_events -------------------------------------------------------------------------------------
def test_load_events_people_in_time_order(shop):
    a1, a2 = shop.record(), shop.record("shopify")
    pa = shop.profile(a1, a2)
    lone = shop.record()                            # no membership: its own person
    e3 = shop.event(a2, 3, "purchase", "online_shop", amount=20.0, utm_source="google")
    e1 = shop.event(a1, 1, "purchase", "store", amount=10.0, store="Milano")
    e2 = shop.event(None, 2, "purchase", "store", amount=5.0)
    e4 = shop.event(lone, 4, "visit", "web")
    df = load_events(shop.ws)
    assert list(df.columns) == EVENT_COLUMNS
    assert df["event_id"].tolist() == [e1, e2, e3, e4]
    assert df["profile_id"].tolist()[0] == pa and df["profile_id"].tolist()[2] == pa
    assert df["profile_id"].isna().tolist() == [False, True, False, False]
    assert int(df["profile_id"].iloc[3]) == -lone
    assert df.loc[0, "store"] == "Milano" and df.loc[2, "utm_source"] == "google"
    assert df.loc[0, "source"] == "store-events" and df.loc[2, "amount"] == 20.0
    assert df["ts"].is_monotonic_increasing


def test_load_events_for_some_profiles(shop):
    r1, p1 = shop.person()
    r2, p2 = shop.person()
    lone = shop.record()
    shop.event(r1, 1, "visit", "web")
    shop.event(r2, 2, "visit", "web")
    e3 = shop.event(lone, 3, "visit", "web")
    shop.event(None, 4, "visit", "web")
    assert load_events(shop.ws, profile_ids=[p2])["profile_id"].tolist() == [p2]
    assert load_events(shop.ws, profile_ids=[-lone])["event_id"].tolist() == [e3]
    assert sorted(load_events(shop.ws, profile_ids=[p1, -lone])["profile_id"].tolist()) == sorted([p1, -lone])
    assert load_events(shop.ws, profile_ids=[]).empty


def test_load_events_on_an_empty_workspace(ws):
    df = load_events(ws)
    assert df.empty and list(df.columns) == EVENT_COLUMNS


# -- journeys ------------------------------------------------------------------------------------------
def test_a_conversion_gets_the_touches_of_its_window(shop):
    rid, pid = shop.person()
    shop.event(rid, 0, "email_click", "email", campaign="Saldi")
    shop.event(rid, 10, "visit", "web", utm_source="google", utm_medium="cpc", utm_campaign="brand")
    shop.event(rid, 11, "cart", "web")
    shop.event(rid, 11.5, "email_open", "email")                 # opens are not touches by default
    shop.event(rid, 12, "visit", "store")                        # nothing in a store is a touch
    shop.event(rid, 12.5, "return", "online_shop", amount=-5.0)  # returns are neither
    buy = shop.event(rid, 13, "purchase", "store", amount=80.0, store="Milano")
    [j] = journeys(load_events(shop.ws))
    assert j.converted and j.profile_id == pid and j.value == 80.0
    assert j.conversion_event_id == buy and j.conversion_channel == "store" and j.conversion_ts == at(13)
    assert j.keys() == ["Email", "Paid search", "Direct"]
    assert j.keys("campaign") == ["Saldi", "brand", NO_CAMPAIGN]
    [j_opens] = [x for x in journeys(load_events(shop.ws), include_opens=True) if x.converted]
    assert [t.type for t in j_opens.touches] == ["email_click", "visit", "cart", "email_open"]


@pytest.mark.parametrize("seconds_before, counts", [(30 * DAY, True), (30 * DAY + 1, False), (0, True)])
def test_lookback_edge(shop, seconds_before, counts):
    """A touch exactly N days before the purchase counts; one second earlier it does not."""
    rid, _ = shop.person()
    shop.event(rid, 40 - seconds_before / DAY, "visit", "web")
    shop.event(rid, 40, "purchase", "online_shop", amount=1.0)
    js = journeys(load_events(shop.ws), lookback_days=30)
    converting = [j for j in js if j.converted]
    assert len(converting) == 1
    assert len(converting[0].touches) == (1 if counts else 0)
    assert len(js) == (1 if counts else 2)  # an unused touch becomes a non-converting path


def test_each_touch_serves_only_the_next_conversion(shop):
    rid, _ = shop.person()
    shop.event(rid, 1, "visit", "web", utm_source="facebook", utm_medium="paid_social")
    shop.event(rid, 2, "purchase", "online_shop", amount=10.0)
    shop.event(rid, 3, "email_click", "email")
    shop.event(rid, 4, "purchase", "store", amount=20.0)
    shop.event(rid, 5, "purchase", "store", amount=30.0)
    js = journeys(load_events(shop.ws))
    assert [(j.value, j.keys()) for j in js] == [(10.0, ["Paid social"]), (20.0, ["Email"]), (30.0, [])]


def test_non_converting_paths(shop):
    rid, pid = shop.person()
    r2, p2 = shop.person()
    shop.event(rid, 0, "visit", "web")       # too early for the purchase on day 40
    shop.event(rid, 5, "visit", "web")       # same path: within 30 days of its start
    shop.event(rid, 31, "visit", "web")      # in the purchase's window
    shop.event(rid, 40, "purchase", "store", amount=1.0)
    shop.event(rid, 41, "lead", "ads", campaign="c:spring")  # after the last purchase
    shop.event(rid, 60, "visit", "web")      # 19 days after that path started: same path
    shop.event(rid, 72, "visit", "web")      # 31 days after: a new path
    shop.event(r2, 3, "cart", "web")
    js = journeys(load_events(shop.ws))
    converting = [j for j in js if j.converted]
    assert [[t.ts for t in j.touches] for j in converting] == [[at(31)]]
    paths = sorted((j.profile_id, [t.ts for t in j.touches]) for j in js if not j.converted)
    assert paths == sorted([(pid, [at(0), at(5)]), (pid, [at(41), at(60)]), (pid, [at(72)]), (p2, [at(3)])])
    assert all(j.value == 0 and j.conversion_ts is None for j in js if not j.converted)


def test_anonymous_events_make_no_journey(shop):
    shop.event(None, 1, "visit", "web")
    shop.event(None, 2, "purchase", "store", amount=9.0)
    assert journeys(load_events(shop.ws)) == []


def test_web_analytics_purchases_are_not_counted_twice(shop):
    rid, _ = shop.person()
    shop.event(rid, 1, "purchase", "web", amount=50.0)           # the GA4 hit of the same order
    shop.event(rid, 1, "purchase", "online_shop", amount=50.0)
    shop.event(rid, 2, "purchase", "store", amount=10.0)
    events = load_events(shop.ws)
    assert events[conversion_mask(events)]["channel"].tolist() == ["online_shop", "store"]


def test_web_purchases_count_when_there_is_no_shop_export(shop):
    rid, _ = shop.person()
    shop.event(rid, 1, "purchase", "web", amount=50.0)
    shop.event(rid, 2, "purchase", "store", amount=10.0)
    events = load_events(shop.ws)
    assert events[conversion_mask(events)]["channel"].tolist() == ["web", "store"]


def test_journeys_from_a_frame_keep_conversion_order():
    df = frame([
        {"profile_id": 2, "day": 2, "type": "purchase", "channel": "store", "amount": 5.0},
        {"profile_id": 1, "day": 1, "type": "purchase", "channel": "store", "amount": None},
        {"profile_id": 1, "day": 0.5, "type": "visit", "channel": "web", "utm_source": "(direct)",
         "utm_medium": "(none)"},
    ])
    js = journeys(df)
    assert [(j.profile_id, j.value, j.keys()) for j in js] == [(1, 0.0, ["Direct"]), (2, 5.0, [])]


def test_campaign_names_written_two_ways_are_one_campaign():
    df = frame([
        {"profile_id": 1, "day": 0, "type": "email_click", "channel": "email", "campaign": "Festa della donna"},
        {"profile_id": 1, "day": 0, "type": "visit", "channel": "web", "utm_campaign": "festa_della_donna"},
        {"profile_id": 1, "day": 1, "type": "visit", "channel": "web", "utm_campaign": "festa_della_donna"},
        {"profile_id": 1, "day": 1, "type": "visit", "channel": "web", "utm_campaign": "(organic)"},
        {"profile_id": 1, "day": 2, "type": "lead", "channel": "ads", "campaign": " Saldi ", "utm_campaign": "x"},
    ])
    assert campaign_keys(df).tolist() == ["festa_della_donna"] * 3 + [NO_CAMPAIGN, "Saldi"]
