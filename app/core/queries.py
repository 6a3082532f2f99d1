"""Read-only lists and lookups over profiles, their records, events and decisions.

Used by the GUI's Profiles screen, profile page and journey (and by anything else that needs a
quick look-up). No business rules here: golden records, consent reasoning and undo belong to the
profiles service; this module only reads what the tables hold.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.workspace import Workspace

SUMMARY_COLUMNS = ("id", "display_name", "email", "phone", "city", "sources", "n_records",
                   "first_activity", "last_activity")
_SEARCHED = ("display_name", "email", "phone", "city", "sources")
_CHUNK = 500  # SQLite's default limit on host parameters is far above this


def ref(source: str, source_record_id: str) -> str:
    """A record as it is named outside the DB (DESIGN.md): `source:source_record_id`."""
    return f"{source}:{source_record_id}"


def _loads(text: str | None, default: Any) -> Any:
    if not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


def _search_clause(text: str) -> tuple[str, list[Any]]:
    """Every word must appear in one of the searched columns (case-insensitive LIKE)."""
    clauses, params = [], []
    for word in text.split():
        like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        ors = [f"{c} LIKE ? ESCAPE '\\'" for c in _SEARCHED]
        params += [like] * len(_SEARCHED)
        if word.isdigit():
            ors.append("id = ?")
            params.append(int(word))
        clauses.append("(" + " OR ".join(ors) + ")")
    return (" AND ".join(clauses) or "1"), params


def search_profile_ids(ws: Workspace, text: str = "", *, limit: int | None = None) -> list[int]:
    """Ids of the profiles matching `text`, ordered by name (then id)."""
    where, params = _search_clause(text.strip())
    sql = f"SELECT id FROM profiles WHERE {where} ORDER BY display_name COLLATE NOCASE, id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [row[0] for row in ws.execute(sql, params)]


def profile_summaries(ws: Workspace, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The summary row of each profile in `ids` (a page of a table), keyed by id."""
    out: dict[int, dict[str, Any]] = {}
    cols = ", ".join(SUMMARY_COLUMNS)
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start:start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        for row in ws.execute(f"SELECT {cols} FROM profiles WHERE id IN ({marks})", chunk):
            out[row["id"]] = dict(row)
    return out


@dataclass
class ProfileDetail:
    summary: dict[str, Any]
    golden: dict[str, Any]
    records: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def refs(self) -> list[str]:
        return [r["ref"] for r in self.records]


_RECORD_SQL = """
    SELECT r.id, s.name AS source, s.channel, s.kind, r.source_record_id, r.origin, r.line, r.fields,
           r.email_consent, r.email_consent_at, r.sms_consent, r.sms_consent_at, r.updated_at
    FROM memberships m JOIN records r ON r.id = m.record_id JOIN sources s ON s.id = r.source_id
    WHERE m.profile_id = ? ORDER BY s.name, r.source_record_id
"""
_EVENT_SQL = """
    SELECT e.id, e.occurred_at, e.ts, e.channel, e.type, e.amount, e.currency, e.quantity, e.store,
           e.campaign, e.utm_source, e.utm_medium, e.utm_campaign, e.details, e.external_id,
           s.name AS source, e.record_id
    FROM memberships m JOIN events e ON e.record_id = m.record_id JOIN sources s ON s.id = e.source_id
    WHERE m.profile_id = ? ORDER BY e.ts, e.id
"""


def profile_detail(ws: Workspace, profile_id: int) -> ProfileDetail | None:
    """A profile with its member records, its events in time order and the decisions about it."""
    row = ws.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)}, golden FROM profiles WHERE id = ?",
                     (profile_id,)).fetchone()
    if row is None:
        return None
    summary = {k: row[k] for k in SUMMARY_COLUMNS}
    detail = ProfileDetail(summary=summary, golden=_loads(row["golden"], {}))
    for r in ws.execute(_RECORD_SQL, (profile_id,)):
        rec = dict(r)
        rec["fields"] = _loads(rec["fields"], {})
        rec["ref"] = ref(rec["source"], rec["source_record_id"])
        detail.records.append(rec)
    for e in ws.execute(_EVENT_SQL, (profile_id,)):
        ev = dict(e)
        ev["details"] = _loads(ev["details"], {})
        detail.events.append(ev)
    detail.decisions = decisions_about(ws, detail.refs)
    return detail


def decisions_about(ws: Workspace, refs: Sequence[str], *, limit: int = 200) -> list[dict[str, Any]]:
    """Decisions naming any of `refs`, newest first."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(refs), _CHUNK):
        chunk = list(refs[start:start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        for d in ws.execute(
            f"SELECT id, ts, kind, actor, a_ref, b_ref, reason, probability, undone FROM decisions "
            f"WHERE a_ref IN ({marks}) OR b_ref IN ({marks})", chunk + chunk,
        ):
            found[d["id"]] = dict(d)
    return sorted(found.values(), key=lambda d: (d["ts"], d["id"]), reverse=True)[:limit]


def event_raw(ws: Workspace, event_id: int) -> dict[str, Any] | list | None:
    """The event's row exactly as read from the file (for the journey's detail panel)."""
    row = ws.execute("SELECT raw FROM events WHERE id = ?", (event_id,)).fetchone()
    return None if row is None else _loads(row[0], {})


def record_raw(ws: Workspace, record_id: int) -> dict[str, Any] | list | None:
    row = ws.execute("SELECT raw FROM records WHERE id = ?", (record_id,)).fetchone()
    return None if row is None else _loads(row[0], {})


def records_by_ids(ws: Workspace, record_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Records with their source, channel, display fields and consent, keyed by id."""
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(record_ids), _CHUNK):
        chunk = list(record_ids[start:start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        for r in ws.execute(
            "SELECT r.id, s.name AS source, s.channel, s.kind, r.source_record_id, r.origin, r.fields, "
            "r.email_consent, r.sms_consent, r.updated_at, m.profile_id FROM records r "
            "JOIN sources s ON s.id = r.source_id LEFT JOIN memberships m ON m.record_id = r.id "
            f"WHERE r.id IN ({marks})", chunk,
        ):
            rec = dict(r)
            rec["fields"] = _loads(rec["fields"], {})
            rec["ref"] = ref(rec["source"], rec["source_record_id"])
            out[rec["id"]] = rec
    return out


def source_names(ws: Workspace) -> list[str]:
    return [row[0] for row in ws.execute("SELECT name FROM sources ORDER BY name")]


def showcase_profile(ws: Workspace) -> int | None:
    """A profile whose journey spans the most channels (then the most events): for screenshots
    and for a first look at the demo."""
    row = ws.execute(
        "SELECT m.profile_id FROM events e JOIN memberships m ON m.record_id = e.record_id "
        "GROUP BY m.profile_id ORDER BY count(DISTINCT e.channel) DESC, count(*) DESC, m.profile_id LIMIT 1"
    ).fetchone()
    return None if row is None else row[0]
