"""Reading and writing the matcher's tables: records in, pairs / memberships / decisions out.

Records are referred to outside the database as ``source:source_record_id`` (split at the first
colon: source names have none, record ids may, e.g. Meta's ``l:123``).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

import pandas as pd

from app.core.errors import UsageError
from app.core.matching.clustering import Constraints, Person
from app.core.matching.features import N_COLUMNS
from app.core.workspace import Workspace

MUST_KINDS = ("accept", "merge")
CANNOT_KINDS = ("reject", "unmerge")


@contextmanager
def temp_ids(ws: Workspace, ids: Iterable[int], name: str = "_ids") -> Iterator[str]:
    """A temporary table of integer ids to join against (no giant IN lists)."""
    ws.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id INTEGER PRIMARY KEY)")
    ws.execute(f"DELETE FROM {name}")
    ws.conn.executemany(f"INSERT OR IGNORE INTO {name}(id) VALUES (?)", ((int(i),) for i in ids))
    try:
        yield name
    finally:
        ws.execute(f"DELETE FROM {name}")


def load_records_frame(ws: Workspace, record_ids: Iterable[int] | None = None) -> pd.DataFrame:
    """Records with their source and normalised columns, ordered by id."""
    cols = ", ".join(f"r.{c}" for c in N_COLUMNS)
    sql = (f"SELECT r.id, r.source_id, s.name AS source, r.source_record_id, {cols} "
           "FROM records r JOIN sources s ON s.id = r.source_id")
    if record_ids is None:
        return _frame(ws, sql + " ORDER BY r.id")
    with temp_ids(ws, record_ids) as t:
        return _frame(ws, sql + f" WHERE r.id IN (SELECT id FROM {t}) ORDER BY r.id")


def _frame(ws: Workspace, sql: str) -> pd.DataFrame:
    """``pd.read_sql_query`` without its per-row work: plain tuples, one DataFrame (same frame, 30 % sooner)."""
    cur = ws.conn.cursor()
    cur.row_factory = None
    cur.execute(sql)
    return pd.DataFrame.from_records(cur.fetchall(), columns=[d[0] for d in cur.description])


def load_memberships(ws: Workspace, record_ids: Iterable[int] | None = None) -> dict[int, int]:
    if record_ids is None:
        return dict(ws.query("SELECT record_id, profile_id FROM memberships"))
    with temp_ids(ws, record_ids) as t:
        return dict(ws.query(f"SELECT record_id, profile_id FROM memberships WHERE record_id IN (SELECT id FROM {t})"))


def profile_members(ws: Workspace, profile_ids: Iterable[int]) -> list[int]:
    with temp_ids(ws, profile_ids, "_pids") as t:
        return [r[0] for r in ws.query(f"SELECT record_id FROM memberships WHERE profile_id IN (SELECT id FROM {t})")]


def refs_of(ws: Workspace, record_ids: Iterable[int]) -> dict[int, str]:
    with temp_ids(ws, record_ids) as t:
        rows = ws.query(f"SELECT r.id, s.name, r.source_record_id FROM {t} t CROSS JOIN records r ON r.id = t.id "
                        "JOIN sources s ON s.id = r.source_id")
    return {r[0]: f"{r[1]}:{r[2]}" for r in rows}


def split_ref(ref: str) -> tuple[str, str]:
    source, sep, key = ref.partition(":")
    if not sep or not source or not key:
        raise UsageError(f"{ref!r} is not a record reference; write it as SOURCE:RECORD_ID (e.g. till:C0012)")
    return source, key


def ids_of_refs(ws: Workspace, refs: Iterable[str]) -> dict[str, int]:
    """Record id of each reference that exists (unknown ones are left out)."""
    parsed = {ref: split_ref(ref) for ref in set(refs)}
    if not parsed:
        return {}
    ws.execute("CREATE TEMP TABLE IF NOT EXISTS _refs (ref TEXT PRIMARY KEY, source TEXT, key TEXT)")
    ws.execute("DELETE FROM _refs")
    ws.conn.executemany("INSERT INTO _refs VALUES (?, ?, ?)", ((r, s, k) for r, (s, k) in parsed.items()))
    rows = ws.query("SELECT f.ref, r.id FROM _refs f JOIN sources s ON s.name = f.source "
                    "JOIN records r ON r.source_id = s.id AND r.source_record_id = f.key")
    ws.execute("DELETE FROM _refs")
    return dict(rows)


def record_id(ws: Workspace, ref: str) -> int:
    found = ids_of_refs(ws, [ref])
    if ref not in found:
        raise UsageError(f"no record {ref!r} in this workspace (see `unico records`)")
    return found[ref]


def load_constraints(ws: Workspace) -> Constraints:
    """Human decisions still in force, as record-id links (the latest decision on a pair wins)."""
    rows = ws.query("SELECT kind, a_ref, b_ref, payload FROM decisions WHERE undone = 0 "
                    f"AND kind IN ({','.join('?' * len(MUST_KINDS + CANNOT_KINDS))}) ORDER BY id",
                    MUST_KINDS + CANNOT_KINDS)
    latest: dict[tuple[str, str], str] = {}
    for kind, a_ref, b_ref, payload in rows:
        others = [b_ref] if b_ref else []
        if kind == "unmerge":
            others += json.loads(payload or "{}").get("apart_from", [])
        for other in others:
            if a_ref and other and other != a_ref:
                latest[tuple(sorted((a_ref, other)))] = kind
    ids = ids_of_refs(ws, [r for pair in latest for r in pair])
    out = Constraints()
    for (ra, rb), kind in latest.items():
        if ra in ids and rb in ids:
            a, b = sorted((ids[ra], ids[rb]))
            if kind in MUST_KINDS:
                out.must.append((a, b))
            else:
                out.cannot.add((a, b))
    return out


def persons_from_frame(frame: pd.DataFrame) -> dict[int, Person]:
    """Chaining-guard view of records (first name, surname, year of a full birth date)."""
    birth = frame["n_birth"].astype(object)
    full = birth.where(birth.str.len() == 10)
    out = {}
    for rid, first, last, b in zip(frame["id"].tolist(), frame["n_first"].tolist(), frame["n_last"].tolist(),
                                   full.tolist()):
        full_date = b if isinstance(b, str) else None
        # missing names are None or NaN depending on the pandas version: only real text counts
        first = first if isinstance(first, str) and first else None
        last = last if isinstance(last, str) and last else None
        out[int(rid)] = Person(first, last, int(full_date[:4]) if full_date else None, full_date)
    return out


def insert_decisions(ws: Workspace, rows: Sequence[tuple]) -> None:
    """rows: (ts, kind, actor, a_ref, b_ref, reason, evidence, probability, payload, group_id)."""
    ws.conn.executemany(
        "INSERT INTO decisions(ts, kind, actor, a_ref, b_ref, reason, evidence, probability, payload, group_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def next_profile_id(ws: Workspace) -> int:
    return int(ws.scalar("SELECT coalesce(max(id), 0) + 1 FROM profiles"))


def write_memberships(ws: Workspace, assignment: dict[int, int], now: str, old: dict[int, int] | None = None,
                      *, created: set[int] | None = None) -> set[int]:
    """Store record → profile; create new profiles, drop emptied ones; return changed profile ids.
    ``old``: the current memberships of these records when the caller has them already.
    ``created``: when given, new profiles are not inserted but added to it, for the caller to insert
    whole before the transaction ends (it defers the foreign keys)."""
    old = load_memberships(ws, assignment) if old is None else old
    changed = [(pid, rid) for rid, pid in assignment.items() if old.get(rid) != pid]
    touched = {pid for pid, _ in changed} | {old[rid] for _, rid in changed if rid in old}
    with temp_ids(ws, touched, "_pids") as t:
        existing = {r[0] for r in ws.query(f"SELECT id FROM profiles WHERE id IN (SELECT id FROM {t})")}
    fresh = sorted({pid for pid, _ in changed} - existing)
    if created is None:
        ws.conn.executemany("INSERT INTO profiles(id, created_at, updated_at) VALUES (?, ?, ?)",
                            ((p, now, now) for p in fresh))
    else:
        ws.execute("PRAGMA defer_foreign_keys = ON")  # until the transaction ends
        created.update(fresh)
    ws.conn.executemany("INSERT INTO memberships(record_id, profile_id) VALUES (?, ?) "
                        "ON CONFLICT(record_id) DO UPDATE SET profile_id = excluded.profile_id",
                        ((rid, pid) for pid, rid in changed))
    left = {old[rid] for _, rid in changed if rid in old}  # only a profile that lost a record can be empty
    if left:
        with temp_ids(ws, left, "_pids") as t:
            ws.execute(f"DELETE FROM profiles WHERE id IN (SELECT id FROM {t}) "
                       "AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.profile_id = profiles.id)")
    return touched
