"""What was imported (sources, records, imports, rejects) and taking an import back.

``undo_import`` restores the workspace exactly as it was before the import: the records and events
it added are deleted, the records it updated get their previous row back (``record_changes``
holds it), the source row is restored (or removed if the import created it). It refuses when a
later import of the same source, or events of another source, depend on what it added: undo
those first, in order.
"""
from __future__ import annotations

import json
from pathlib import Path

from app.core.errors import UsageError
from app.core.importing.service import ImportResult, result_from_row
from app.core.matching.summary import refresh_profiles
from app.core import messages
from app.core.workspace import Workspace


def list_sources(ws: Workspace) -> list[dict]:
    rows = ws.query("""
        SELECT s.id, s.name, s.kind, s.channel, s.format, s.file_name, s.key_column, s.mapping, s.counts,
               s.created_at, s.updated_at,
               (SELECT count(*) FROM records r WHERE r.source_id = s.id AND r.origin = 'row') AS records,
               (SELECT count(*) FROM records r WHERE r.source_id = s.id AND r.origin = 'event') AS identities,
               (SELECT count(*) FROM events e WHERE e.source_id = s.id) AS events,
               (SELECT count(*) FROM imports i WHERE i.source_id = s.id AND i.status = 'done') AS imports
        FROM sources s ORDER BY s.id""")
    out = []
    for r in rows:
        d = dict(r)
        d["mapping"], d["counts"] = json.loads(d["mapping"]), json.loads(d["counts"])
        out.append(d)
    return out


def _display_name(fields: dict) -> str | None:
    full = " ".join(p for p in (fields.get("first_name"), fields.get("last_name")) if p)
    return full or fields.get("full_name") or fields.get("company")


def list_records(ws: Workspace, source: str | None = None, search: str | None = None, limit: int = 50) -> list[dict]:
    where, params = [], []
    if source:
        if not ws.scalar("SELECT 1 FROM sources WHERE name = ?", (source,)):
            raise UsageError(f"no source named {source!r}")
        where.append("s.name = ?")
        params.append(source)
    if search:
        like = f"%{search.strip().lower()}%"
        where.append("(lower(r.source_record_id) LIKE ? OR r.n_email LIKE ? OR r.n_phone LIKE ? OR r.n_mobile LIKE ? "
                     "OR lower(r.n_full) LIKE ? OR lower(r.fields) LIKE ?)")
        params += [like] * 6
    sql = ("SELECT r.id, s.name AS source, r.source_record_id, r.origin, r.line, r.fields, r.n_email, r.n_phone, "
           "r.n_mobile, r.n_city, r.email_consent, r.sms_consent, r.import_id FROM records r "
           "JOIN sources s ON s.id = r.source_id" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY r.id LIMIT ?")
    out = []
    for r in ws.query(sql, (*params, max(0, int(limit)))):
        fields = json.loads(r["fields"])
        out.append({
            "id": r["id"], "ref": f"{r['source']}:{r['source_record_id']}", "source": r["source"],
            "source_record_id": r["source_record_id"], "origin": r["origin"], "line": r["line"],
            "name": _display_name(fields), "email": r["n_email"], "phone": r["n_mobile"] or r["n_phone"],
            "city": fields.get("city") or r["n_city"], "email_consent": r["email_consent"],
            "sms_consent": r["sms_consent"], "import_id": r["import_id"], "fields": fields,
        })
    return out


def list_imports(ws: Workspace, source: str | None = None) -> list[dict]:
    sql = ("SELECT i.*, s.name AS source FROM imports i JOIN sources s ON s.id = i.source_id"
           + (" WHERE s.name = ?" if source else "") + " ORDER BY i.id")
    if source and not ws.scalar("SELECT 1 FROM sources WHERE name = ?", (source,)):
        raise UsageError(f"no source named {source!r}")
    return [result_from_row(r) for r in ws.query(sql, (source,) if source else ())]


def list_rejects(ws: Workspace, import_id: int) -> list[dict]:
    row = ws.query("SELECT i.file_name FROM imports i WHERE i.id = ?", (import_id,))
    if not row:
        raise UsageError(f"no import with id {import_id}")
    return [{"file": row[0]["file_name"], "line": r["line"], "column": r["column_name"],
             "reason": messages.load(json.loads(r["reason_message"])) if r["reason_message"] else r["reason"],
             "raw": r["raw"]}
            for r in ws.query("SELECT * FROM rejects WHERE import_id = ? ORDER BY id", (import_id,))]


def undo_import(ws: Workspace, import_id: int | None = None) -> ImportResult:
    """Take back an import (the last one by default); see the module docstring."""
    if import_id is None:
        import_id = ws.scalar("SELECT max(id) FROM imports WHERE status = 'done'")
        if import_id is None:
            raise UsageError("there is no import to undo")
    rows = ws.query("SELECT i.*, s.name AS source_name FROM imports i JOIN sources s ON s.id = i.source_id "
                    "WHERE i.id = ?", (import_id,))
    if not rows:
        raise UsageError(f"no import with id {import_id}")
    imp = dict(rows[0])
    if imp["status"] == "undone":
        raise UsageError(f"import {import_id} was already undone")
    later = ws.scalar("SELECT min(id) FROM imports WHERE source_id = ? AND id > ? AND status = 'done'",
                      (imp["source_id"], import_id))
    if later is not None:
        raise UsageError(messages.text("import.undo_followed", import_id=import_id, source=imp["source_name"],
                                       later=later))
    added = ("SELECT id FROM records WHERE import_id = :i "
             "AND id NOT IN (SELECT record_id FROM record_changes WHERE import_id = :i)")
    dependants = ws.query(f"""
        SELECT s.name, e.import_id, count(*) AS n FROM events e JOIN sources s ON s.id = e.source_id
        WHERE e.record_id IN ({added}) AND e.source_id != :s GROUP BY s.name, e.import_id ORDER BY e.import_id""",
                          {"i": import_id, "s": imp["source_id"]})
    if dependants:
        listed = messages.joined(messages.text("import.undo_dependant", count=d["n"], source=d["name"],
                                               import_id=d["import_id"]) for d in dependants)
        raise UsageError(messages.text("import.undo_dependants", import_id=import_id, listed=listed))
    warnings = []
    with ws.atomic():
        members = ws.scalar(f"SELECT count(*) FROM memberships WHERE record_id IN ({added})", {"i": import_id})
        touched = [r[0] for r in ws.query(  # profiles whose records lose events, changes or members
            "SELECT DISTINCT profile_id FROM memberships WHERE record_id IN (SELECT record_id FROM events WHERE "
            f"import_id = :i UNION SELECT record_id FROM record_changes WHERE import_id = :i UNION {added})",
            {"i": import_id})]
        events = ws.execute("DELETE FROM events WHERE import_id = ?", (import_id,)).rowcount
        removed = ws.execute(f"DELETE FROM records WHERE id IN ({added})", {"i": import_id}).rowcount
        restored = 0
        for change in ws.query("SELECT record_id, before FROM record_changes WHERE import_id = ? ORDER BY id DESC",
                               (import_id,)):
            before = json.loads(change["before"])
            columns = [c for c in before if c != "id"]
            ws.execute(f"UPDATE records SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                       (*[before[c] for c in columns], change["record_id"]))
            restored += 1
        ws.execute("DELETE FROM record_changes WHERE import_id = ?", (import_id,))
        if imp["source_before"] is None:
            ws.execute("DELETE FROM sources WHERE id = ?", (imp["source_id"],))
        else:
            before = json.loads(imp["source_before"])
            columns = [c for c in before if c != "id"]
            ws.execute(f"UPDATE sources SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                       (*[before[c] for c in columns], imp["source_id"]))
            ws.execute("DELETE FROM rejects WHERE import_id = ?", (import_id,))
            ws.execute("UPDATE imports SET status = 'undone' WHERE id = ?", (import_id,))
        refreshed = refresh_profiles(ws, touched)
    if imp["rejects_path"]:
        Path(imp["rejects_path"]).unlink(missing_ok=True)
    if members:
        warnings.append(messages.text("import.undo_left_profiles", count=members))
    counts = {"records_removed": removed, "records_restored": restored, "events_removed": events}
    return ImportResult(import_id, imp["source_name"], imp["kind"], imp["channel"], imp["format"], counts,
                        None, False, restored, warnings, refreshed)
