"""What golden records and consent are computed from: each profile's member records, read once.

A member carries its source (name, channel, kind), its display fields, its normalised contacts,
its consent statements, and what its events say: when it was last active and whether it bought.
``as_of`` is when the source last asserted the record's values: the time of its latest event for
an identity found on an event row (the order's email was true on the order date), else the later
of that and the time the row was last written by an import (a snapshot export is true as of the
day it was read).

Events the retention policy deleted still count for when the record was last active and whether it
bought (``purged_activity``: their latest time and latest purchase), not for its first activity.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

import orjson

from app.core.matching.store import temp_ids
from app.core.workspace import Workspace

_MEMBER_COLS = """
    SELECT m.profile_id, r.id, s.name, s.channel, s.kind, r.source_record_id, r.origin, r.fields,
           r.n_email, r.n_email_key, r.n_phone, r.n_mobile, r.n_birth, r.n_gender, r.n_postcode,
           r.n_province, r.n_country, r.email_consent, r.email_consent_at, r.sms_consent, r.sms_consent_at,
           r.updated_at, s.id"""
_MEMBER_SQL = _MEMBER_COLS + """
    FROM {t} t CROSS JOIN memberships m ON m.profile_id = t.id JOIN records r ON r.id = m.record_id
    JOIN sources s ON s.id = r.source_id
"""
# the same, memberships given (profile_id, record_id) in a temporary table: see load_members_of
_GIVEN_SQL = _MEMBER_COLS + """
    FROM _golden_members m JOIN records r ON r.id = m.record_id JOIN sources s ON s.id = r.source_id
"""
# Per record: first and last event, purchases and when the last one was made. Reading a few
# profiles goes through the events_record index; reading many, one pass over all events is faster.
_ACTIVITY = ("SELECT e.record_id, min(e.ts), max(e.ts), sum(e.type = 'purchase'), "
             "max(CASE WHEN e.type = 'purchase' THEN e.ts END)")
_ACTIVITY_OF = _ACTIVITY + (" FROM {t} t CROSS JOIN memberships m ON m.profile_id = t.id "
                            "CROSS JOIN events e ON e.record_id = m.record_id GROUP BY e.record_id")
# All records: first/last from the covering index, purchases from one sequential pass (the index
# walk would fetch every row at random to read its type: three times slower).
_SPAN_ALL = "SELECT record_id, min(ts), max(ts) FROM events WHERE record_id IS NOT NULL GROUP BY record_id"
_BOUGHT_ALL = ("SELECT record_id, count(*), max(ts) FROM events NOT INDEXED WHERE type = 'purchase' "
               "AND record_id IS NOT NULL GROUP BY record_id")
_PURGED_OF = ("SELECT a.record_id, a.last_ts, a.last_purchase_ts FROM {t} t CROSS JOIN memberships m "
              "ON m.profile_id = t.id JOIN purged_activity a ON a.record_id = m.record_id")
_PURGED_ALL = "SELECT record_id, last_ts, last_purchase_ts FROM purged_activity"
Activity = dict[int, tuple]  # record id -> (first ts, last ts, purchases, last purchase ts)


@dataclass(slots=True)
class Member:
    profile_id: int
    record_id: int
    source: str
    channel: str
    kind: str  # the source's kind: contacts | events
    key: str  # source_record_id
    origin: str  # row | event
    fields: dict
    n_email: str | None
    n_email_key: str | None
    n_phone: str | None
    n_mobile: str | None
    n_birth: str | None
    n_gender: str | None
    n_postcode: str | None
    n_province: str | None
    n_country: str | None
    email_consent: str | None
    email_consent_at: str | None
    sms_consent: str | None
    sms_consent_at: str | None
    updated_at: str
    source_id: int
    first_ts: int | None = None
    last_ts: int | None = None
    purchases: int = 0
    last_purchase_ts: int | None = None
    as_of: str = ""  # see the module docstring
    at: float = 0.0  # as_of in seconds

    @property
    def ref(self) -> str:
        return f"{self.source}:{self.key}"

    def _set_activity(self, act: tuple | None) -> None:
        if act is not None:
            self.first_ts, self.last_ts, bought, self.last_purchase_ts = act
            self.purchases = int(bought or 0)
        written = epoch(self.updated_at) or 0.0
        if self.last_ts is not None and (self.origin == "event" or self.last_ts > written):
            self.as_of, self.at = iso_ts(self.last_ts), float(self.last_ts)
        else:
            self.as_of, self.at = self.updated_at, written


def iso_ts(ts: int | None) -> str | None:
    """Seconds since the epoch as the ISO text the workspace stores (UTC)."""
    if ts is None:
        return None
    return datetime.fromtimestamp(int(ts), UTC).isoformat(timespec="seconds")


@lru_cache(maxsize=1 << 16)
def epoch(iso: str) -> float | None:
    """Seconds since the epoch of an ISO date or date-time (naive ones read as UTC); None if unreadable."""
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return (t if t.tzinfo else t.replace(tzinfo=UTC)).timestamp()


def _with_purged(activity: Activity, purged: Iterable[tuple]) -> Activity:
    """Add what deleted events left (latest time, latest purchase: a sale counts as one purchase)."""
    for rid, last, last_purchase in purged:
        first, t1, n, p1 = activity.get(rid, (None, None, 0, None))
        activity[rid] = (first, max(t1 or last, last), n or int(last_purchase is not None),
                         max(p1 or 0, last_purchase or 0) or None)
    return activity


def all_activity(ws: Workspace) -> Activity:
    """The activity of every record with events (one pass over the events table)."""
    bought = {r[0]: (r[1], r[2]) for r in ws.execute(_BOUGHT_ALL)}
    activity = {rid: (t0, t1, *bought.get(rid, (0, None))) for rid, t0, t1 in ws.execute(_SPAN_ALL)}
    return _with_purged(activity, ws.execute(_PURGED_ALL))


def load_members(ws: Workspace, profile_ids: Iterable[int], activity: Activity | None = None) -> dict[int, list[Member]]:
    """Members of each profile (profiles without members are left out), ordered by record id.
    ``activity`` (from ``all_activity``) saves reading the events again when many batches follow."""
    with temp_ids(ws, profile_ids, "_golden_pids") as t:
        rows = ws.execute(_MEMBER_SQL.format(t=t)).fetchall()
        if activity is None:
            activity = _with_purged({r[0]: tuple(r[1:]) for r in ws.execute(_ACTIVITY_OF.format(t=t))},
                                    ws.execute(_PURGED_OF.format(t=t)).fetchall())
    return _members(rows, activity)


def load_members_of(ws: Workspace, memberships: Iterable[tuple[int, int]], activity: Activity) -> dict[int, list[Member]]:
    """``load_members`` with the memberships given as (profile_id, record_id): the helper process
    reads the records as committed while the match that assigned them has not committed yet."""
    ws.execute("CREATE TEMP TABLE IF NOT EXISTS _golden_members (profile_id INTEGER, record_id INTEGER)")
    ws.conn.executemany("INSERT INTO _golden_members VALUES (?, ?)", memberships)
    try:
        return _members(ws.execute(_GIVEN_SQL).fetchall(), activity)
    finally:
        ws.execute("DELETE FROM _golden_members")


def _members(rows: list, activity: Activity) -> dict[int, list[Member]]:
    out: dict[int, list[Member]] = defaultdict(list)
    loads = orjson.loads
    for row in rows:
        m = Member(row[0], row[1], row[2], row[3], row[4], row[5], row[6], loads(row[7] or "{}"), *row[8:23])
        m._set_activity(activity.get(m.record_id))
        out[m.profile_id].append(m)
    for ms in out.values():
        if len(ms) > 1:
            ms.sort(key=lambda m: m.record_id)
    return out
