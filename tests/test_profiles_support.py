"""Helpers for the profiles tests: sources with channels, dated records and consent, events, and
snapshots of the identity tables (profiles + memberships, ids included) to compare before/after."""
from __future__ import annotations

import json
from datetime import UTC, datetime

from test_match_support import NOW, add_source, profile_of

from app.core.matching.store import ids_of_refs, load_memberships
from app.core.workspace import Workspace

CONSENT = ("email_consent", "email_consent_at", "sms_consent", "sms_consent_at")


def add_records(ws: Workspace, name: str, rows: list[dict], *, channel: str = "other", kind: str = "contacts",
                origin: str = "row", at: str = NOW) -> dict[str, int]:
    """A source of the given channel; each row: canonical fields, its key ``id``, consent columns
    (``email_consent``, ``email_consent_at``…) and optionally ``_at``: when the source asserted it."""
    dates = {str(r["id"]): r.pop("_at", at) for r in rows}
    ids = add_source(ws, name, rows)
    with ws.atomic():
        ws.execute("UPDATE sources SET channel = ?, kind = ? WHERE name = ?", (channel, kind, name))
        for key, rid in ids.items():
            row = next(r for r in rows if str(r["id"]) == key)
            ws.execute(f"UPDATE records SET origin = ?, updated_at = ?, {', '.join(c + ' = ?' for c in CONSENT)} "
                       "WHERE id = ?", (origin, dates[key], *[row.get(c) for c in CONSENT], rid))
    return ids


def add_events(ws: Workspace, source: str, events: list[tuple[str | None, str, str, float | None]], *,
               channel: str = "store") -> None:
    """Events of an events source (created if needed): (record ref or None, type, ISO time, amount)."""
    with ws.atomic():
        if ws.scalar("SELECT id FROM sources WHERE name = ?", (source,)) is None:
            ws.execute("INSERT INTO sources(name, kind, channel, format, created_at, updated_at) "
                       "VALUES (?, 'events', ?, 'auto', ?, ?)", (source, channel, NOW, NOW))
        sid = ws.scalar("SELECT id FROM sources WHERE name = ?", (source,))
        refs = ids_of_refs(ws, [r for r, *_ in events if r])
        start = ws.scalar("SELECT count(*) FROM events")
        for i, (ref, kind, when, amount) in enumerate(events, start=start):
            ts = int(datetime.fromisoformat(when).replace(tzinfo=UTC).timestamp())
            ws.execute("INSERT INTO events(source_id, external_id, occurred_at, ts, channel, type, amount, record_id, "
                       "person_ref, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (sid, f"E{i}", when, ts, channel, kind, amount, refs.get(ref) if ref else None, ref,
                        json.dumps({"ref": ref, "type": kind})))


def one_profile(ws: Workspace, refs: list[str]) -> int:
    """Put these records in one new profile (as if matched) and refresh its golden record."""
    from app.core.matching import refresh_profiles
    from app.core.matching.store import next_profile_id, write_memberships

    ids = ids_of_refs(ws, refs)
    with ws.atomic():
        pid = next_profile_id(ws)
        write_memberships(ws, {rid: pid for rid in ids.values()}, NOW)
        refresh_profiles(ws, [pid])
    return pid


def snapshot(ws: Workspace) -> tuple[list[tuple], list[tuple]]:
    """Every row of profiles and memberships, ids included."""
    return ([tuple(r) for r in ws.query("SELECT * FROM profiles ORDER BY id")],
            [tuple(r) for r in ws.query("SELECT * FROM memberships ORDER BY record_id")])


def members_of(ws: Workspace, ref: str) -> set[str]:
    pid = profile_of(ws, ref)
    return {f"{s}:{k}" for s, k in ws.query(
        "SELECT s.name, r.source_record_id FROM memberships m JOIN records r ON r.id = m.record_id "
        "JOIN sources s ON s.id = r.source_id WHERE m.profile_id = ?", (pid,))}


def test_add_records_sets_channel_consent_and_dates(ws):
    ids = add_records(ws, "till", [{"id": "C1", "first_name": "Anna", "email_consent": "opt_in",
                                    "email_consent_at": "2024-01-02T00:00:00+00:00", "_at": "2025-05-05T00:00:00+00:00"}],
                      channel="store")
    row = ws.query("SELECT r.email_consent, r.email_consent_at, r.updated_at, s.channel FROM records r "
                   "JOIN sources s ON s.id = r.source_id WHERE r.id = ?", (ids["C1"],))[0]
    assert tuple(row) == ("opt_in", "2024-01-02T00:00:00+00:00", "2025-05-05T00:00:00+00:00", "store")
    pid = one_profile(ws, ["till:C1"])
    assert load_memberships(ws) == {ids["C1"]: pid}
