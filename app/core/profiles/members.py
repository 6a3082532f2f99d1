"""What golden records and consent are computed from: each profile's member records, read once.

A member carries its source (name, channel, kind), its display fields, its normalised contacts,
its consent statements, and what its events say: when it was last active and whether it bought.
``as_of`` is when the source last asserted the record's values: the time of its latest event for
an identity found on an event row (the order's email was true on the order date), else the later
of that and the time the row was last written by an import (a snapshot export is true as of the
day it was read).
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

_MEMBER_SQL = """
    SELECT m.profile_id, r.id, s.name, s.channel, s.kind, r.source_record_id, r.origin, r.fields,
           r.n_email, r.n_email_key, r.n_phone, r.n_mobile, r.n_birth, r.n_gender, r.n_postcode,
           r.n_province, r.n_country, r.email_consent, r.email_consent_at, r.sms_consent, r.sms_consent_at,
           r.updated_at, s.id
    FROM memberships m JOIN {t} t ON t.id = m.profile_id JOIN records r ON r.id = m.record_id
    JOIN sources s ON s.id = r.source_id
    ORDER BY m.profile_id, r.id
"""
# Per record: first and last event, purchases and when the last one was made.
_ACTIVITY_SQL = """
    SELECT e.record_id, min(e.ts), max(e.ts), sum(e.type = 'purchase'), max(CASE WHEN e.type = 'purchase' THEN e.ts END)
    FROM memberships m JOIN {t} t ON t.id = m.profile_id JOIN events e ON e.record_id = m.record_id
    GROUP BY e.record_id
"""


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

    @property
    def ref(self) -> str:
        return f"{self.source}:{self.key}"

    @property
    def as_of(self) -> str:
        event_time = iso_ts(self.last_ts)
        if self.origin == "event" and event_time:
            return event_time
        return max(self.updated_at, event_time) if event_time else self.updated_at


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


def load_members(ws: Workspace, profile_ids: Iterable[int]) -> dict[int, list[Member]]:
    """Members of each profile (profiles without members are left out), ordered by record id."""
    out: dict[int, list[Member]] = defaultdict(list)
    by_record: dict[int, Member] = {}
    loads = orjson.loads
    with temp_ids(ws, profile_ids, "_golden_pids") as t:
        for row in ws.execute(_MEMBER_SQL.format(t=t)):
            m = Member(row[0], row[1], row[2], row[3], row[4], row[5], row[6], loads(row[7] or "{}"), *row[8:23])
            out[m.profile_id].append(m)
            by_record[m.record_id] = m
        for rid, t0, t1, bought, last_bought in ws.execute(_ACTIVITY_SQL.format(t=t)):
            m = by_record[rid]
            m.first_ts, m.last_ts, m.purchases, m.last_purchase_ts = t0, t1, int(bought or 0), last_bought
    return out
