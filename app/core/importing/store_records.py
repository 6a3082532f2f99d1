"""Writing person records (contact rows, and identities found on event rows) with upsert by key.

A key seen before in the same import is a duplicate (rejected, the first row wins). A key imported
by an earlier import of the source is compared: equal → unchanged; different → updated, with the
whole previous row and a {column: [old, new]} diff in ``record_changes`` so the update can be
audited and undone. Everything runs inside the import's transaction with ``executemany``.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.normalize import N_COLUMNS
from app.core.workspace import Workspace, utcnow

CONSENT_COLUMNS = ("email_consent", "email_consent_at", "sms_consent", "sms_consent_at")
# compared for updates (raw last: a changed unmapped cell is still a change of the row)
COMPARED = ("fields", *N_COLUMNS, *CONSENT_COLUMNS, "raw")
RECORD_COLUMNS = ("source_id", "source_record_id", "import_id", "origin", "line", "raw", "fields", *N_COLUMNS,
                  *CONSENT_COLUMNS, "created_at", "updated_at")
_INSERT = (f"INSERT INTO records ({', '.join(RECORD_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(RECORD_COLUMNS))})")
_UPDATE = (f"UPDATE records SET import_id = ?, line = ?, {', '.join(f'{c} = ?' for c in COMPARED)}, "
           "updated_at = ? WHERE id = ?")


@dataclass(slots=True)
class RecordRow:
    key: str
    line: int
    raw: str  # JSON
    fields: str  # JSON
    normalized: Sequence[str | None]  # N_COLUMNS order
    consent: Sequence[str | None]  # CONSENT_COLUMNS order

    def compared(self) -> tuple:
        return (self.fields, *self.normalized, *self.consent, self.raw)


@dataclass
class WriteOutcome:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: list[tuple[RecordRow, int]] = None  # (row, line of the first one)
    ids: dict[str, int] = None  # key -> record id (inserted or existing)

    def __post_init__(self) -> None:
        self.duplicates = self.duplicates or []
        self.ids = self.ids or {}


class RecordWriter:
    def __init__(self, ws: Workspace, source_id: int, import_id: int, origin: str):
        self.ws, self.source_id, self.import_id, self.origin = ws, source_id, import_id, origin
        self.now = utcnow()
        # A source's first import finds only the keys it wrote itself: look up those alone (a million
        # lookups of keys that cannot be there cost seconds at 1M records).
        new_source = ws.scalar("SELECT 1 FROM records WHERE source_id = ? LIMIT 1", (source_id,)) is None
        self._written: set[str] | None = set() if new_source else None

    def _existing(self, keys: list[str]) -> dict[str, dict]:
        found: dict[str, dict] = {}
        if self._written is not None:
            keys = [k for k in keys if k in self._written]
        for i in range(0, len(keys), 900):
            chunk = keys[i:i + 900]
            rows = self.ws.query(f"SELECT * FROM records WHERE source_id = ? AND source_record_id IN "
                                 f"({','.join('?' * len(chunk))})", (self.source_id, *chunk))
            for r in rows:
                found[r["source_record_id"]] = dict(r)
        return found

    def write(self, rows: list[RecordRow], *, merge_same_import: bool = False, want_ids: bool = False) -> WriteOutcome:
        """Insert new keys, update changed ones. ``merge_same_import``: a key already written by this
        import is not a duplicate but the same person seen again (event identities). ``want_ids``:
        fill ``ids`` for every key (events need the record ids)."""
        out = WriteOutcome()
        first: dict[str, RecordRow] = {}
        for r in rows:
            if r.key in first:
                if not merge_same_import:
                    out.duplicates.append((r, first[r.key].line))
                continue
            first[r.key] = r
        existing = self._existing(list(first))
        inserts, updates, changes = [], [], []
        for key, r in first.items():
            old = existing.get(key)
            if old is None:
                inserts.append((self.source_id, key, self.import_id, self.origin, r.line, r.raw, r.fields,
                                *r.normalized, *r.consent, self.now, self.now))
                continue
            out.ids[key] = old["id"]
            if old["import_id"] == self.import_id:
                if not merge_same_import:
                    out.duplicates.append((r, old["line"]))
                continue
            new_values = r.compared()
            diff = {c: [old[c], v] for c, v in zip(COMPARED, new_values) if old[c] != v}
            if not diff:
                out.unchanged += 1
                continue
            updates.append((self.import_id, r.line, *new_values, self.now, old["id"]))
            before = {k: v for k, v in old.items() if k != "id"}
            changes.append((old["id"], self.import_id, json.dumps(before, ensure_ascii=False),
                            json.dumps(_readable_diff(diff), ensure_ascii=False)))
        if inserts:
            if self._written is not None:
                self._written.update(i[1] for i in inserts)
            self.ws.conn.executemany(_INSERT, inserts)
            if want_ids:
                out.ids.update(self._ids([i[1] for i in inserts]))
        if updates:
            self.ws.conn.executemany(_UPDATE, updates)
            self.ws.conn.executemany("INSERT INTO record_changes(record_id, import_id, before, changes) "
                                     "VALUES (?, ?, ?, ?)", changes)
        out.inserted, out.updated = len(inserts), len(updates)
        return out

    def _ids(self, keys: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for i in range(0, len(keys), 900):
            chunk = keys[i:i + 900]
            for r in self.ws.query(f"SELECT id, source_record_id FROM records WHERE source_id = ? AND "
                                   f"source_record_id IN ({','.join('?' * len(chunk))})", (self.source_id, *chunk)):
                found[r[1]] = r[0]
        return found


def _readable_diff(diff: dict[str, list]) -> dict[str, list]:
    """Field-level changes: the JSON ``fields`` column is opened up, the raw row summarised."""
    out: dict[str, list] = {}
    for column, (old, new) in diff.items():
        if column == "fields":
            a, b = json.loads(old or "{}"), json.loads(new or "{}")
            for k in sorted(set(a) | set(b)):
                if a.get(k) != b.get(k):
                    out[k] = [a.get(k), b.get(k)]
        elif column == "raw":
            if len(diff) == 1:
                out["raw"] = ["(row as read)", "(changed cells outside the mapped columns)"]
        else:
            out[column] = [old, new]
    return out
