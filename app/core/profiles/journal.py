"""Before/after images of what a decision step changed, so that undo and redo restore it exactly.

While a ``capture`` is open, temporary triggers on this connection note the first old value of
every membership (record → profile), every profile row (its ``created_at``/``updated_at``; the rest
of the row is derived and recomputed) and every pair's band that changes. ``Capture.store(decision)``
reads the current values of the same keys and keeps both images in ``decision_changes``. Any code
path is covered — the matcher's clustering, the review decisions, a merge — without it knowing.

Images are compact (``{"m": {record: profile}, "p": {profile: [created, updated]}, "b": {pair: [a, b, band]}}``)
so a first match run over 100k records costs a few MB, not a copy of every golden record. ``restore``
writes an image back and recomputes the derived profile columns without touching ``updated_at``;
on unchanged data that gives back the very rows of before.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import orjson

from app.core.matching.store import temp_ids
from app.core.workspace import Workspace

# (trigger name, event, table, journal tag, key, old value or NULL)
_TRIGGERS = (
    ("m_ins", "INSERT", "memberships", "m", "NEW.record_id", "NULL"),
    ("m_upd", "UPDATE", "memberships", "m", "OLD.record_id", "OLD.profile_id"),
    ("m_del", "DELETE", "memberships", "m", "OLD.record_id", "OLD.profile_id"),
    ("p_ins", "INSERT", "profiles", "p", "NEW.id", "NULL"),
    ("p_upd", "UPDATE", "profiles", "p", "OLD.id", "json_array(OLD.created_at, OLD.updated_at)"),
    ("p_del", "DELETE", "profiles", "p", "OLD.id", "json_array(OLD.created_at, OLD.updated_at)"),
    ("b_upd", "UPDATE OF band", "pairs", "b", "OLD.id", "json_array(OLD.a, OLD.b, OLD.band)"),
)


def _install(ws: Workspace) -> None:
    ws.execute("CREATE TEMP TABLE IF NOT EXISTS _journal (seq INTEGER PRIMARY KEY, tbl TEXT, key INTEGER, old)")
    ws.execute("CREATE TEMP TABLE IF NOT EXISTS _journal_on (depth INTEGER NOT NULL)")
    if ws.scalar("SELECT count(*) FROM _journal_on") == 0:
        ws.execute("INSERT INTO _journal_on VALUES (0)")
    for name, event, table, tag, key, old in _TRIGGERS:
        when = "(SELECT depth FROM _journal_on) > 0"
        if table == "pairs":
            when += " AND OLD.band IS NOT NEW.band"
        ws.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS _journal_{name} AFTER {event} ON main.{table} "
                   f"WHEN {when} BEGIN INSERT INTO _journal(tbl, key, old) VALUES ('{tag}', {key}, {old}); END")


Image = dict[str, dict[int, object]]


class Capture:
    def __init__(self, ws: Workspace, start: int):
        self.ws = ws
        self.start = start

    def changes(self) -> tuple[Image, Image]:
        """(before, after) of every key changed since the capture opened; unchanged keys left out."""
        before: Image = {"m": {}, "p": {}, "b": {}}
        for tbl, key, old in self.ws.execute("SELECT tbl, key, old FROM _journal WHERE seq > ? ORDER BY seq",
                                             (self.start,)):
            before[tbl].setdefault(key, orjson.loads(old) if tbl in "pb" and old else old)
        after = current(self.ws, before)
        for tbl in before:
            for key in [k for k, v in before[tbl].items() if after[tbl].get(k) == v]:
                del before[tbl][key]
                del after[tbl][key]
        return before, after

    def store(self, decision_id: int) -> bool:
        """Keep the images under ``decision_id`` (the step's last decision); False when nothing changed."""
        before, after = self.changes()
        if not any(before.values()):
            return False
        self.ws.execute("INSERT OR REPLACE INTO decision_changes(decision_id, before, after) VALUES (?, ?, ?)",
                        (decision_id, _dumps(before), _dumps(after)))
        return True


@contextmanager
def capture(ws: Workspace) -> Iterator[Capture]:
    """Note the old values of what changes inside the block (nestable; use inside ``ws.atomic()``)."""
    _install(ws)
    start = ws.scalar("SELECT coalesce(max(seq), 0) FROM _journal")
    ws.execute("UPDATE _journal_on SET depth = depth + 1")
    try:
        yield Capture(ws, start)
    finally:
        ws.execute("UPDATE _journal_on SET depth = depth - 1")
        if ws.scalar("SELECT depth FROM _journal_on") == 0:
            ws.execute("DELETE FROM _journal")


def _dumps(image: Image) -> str:
    return orjson.dumps({t: {str(k): v for k, v in d.items()} for t, d in image.items()}).decode("utf-8")


def _loads(text: str) -> Image:
    return {t: {int(k): v for k, v in d.items()} for t, d in orjson.loads(text).items()}


def load(ws: Workspace, decision_id: int) -> tuple[Image, Image] | None:
    row = ws.execute("SELECT before, after FROM decision_changes WHERE decision_id = ?", (decision_id,)).fetchone()
    return None if row is None else (_loads(row[0]), _loads(row[1]))


def current(ws: Workspace, keys: Image) -> Image:
    """The present values of the keys of an image (None for a row that does not exist)."""
    out: Image = {"m": {}, "p": {}, "b": {}}
    with temp_ids(ws, keys["m"], "_journal_keys") as t:
        found = dict(ws.query(f"SELECT m.record_id, m.profile_id FROM {t} t CROSS JOIN memberships m ON m.record_id = t.id"))
    out["m"] = {k: found.get(k) for k in keys["m"]}
    with temp_ids(ws, keys["p"], "_journal_keys") as t:
        found = {r[0]: [r[1], r[2]] for r in ws.query(
            f"SELECT p.id, p.created_at, p.updated_at FROM {t} t CROSS JOIN profiles p ON p.id = t.id")}
    out["p"] = {k: found.get(k) for k in keys["p"]}
    bands = keys.get("b", {})
    with temp_ids(ws, bands, "_journal_keys") as t:
        found = {r[0]: [r[1], r[2], r[3]] for r in ws.query(
            f"SELECT p.id, p.a, p.b, p.band FROM {t} t CROSS JOIN pairs p ON p.id = t.id")}
    out["b"] = {k: found.get(k) for k in bands}
    return out


def live_records(ws: Workspace, record_ids) -> set[int]:
    with temp_ids(ws, record_ids, "_journal_keys") as t:
        return {r[0] for r in ws.query(f"SELECT r.id FROM {t} t CROSS JOIN records r ON r.id = t.id")}


def holds(ws: Workspace, image: Image) -> bool:
    """Does the workspace still look like ``image`` (memberships of records that still exist, and
    which profiles exist)? If not, something else changed these profiles since."""
    now = current(ws, image)
    alive = live_records(ws, image["m"])
    if any(now["m"][k] != v for k, v in image["m"].items() if k in alive):
        return False
    return all((now["p"][k] is None) == (v is None) for k, v in image["p"].items())


def restore(ws: Workspace, image: Image) -> set[int]:
    """Write an image back; returns the profiles that exist afterwards among those it names (their
    derived columns are for the caller to recompute, with ``updated_at`` left as restored)."""
    profiles = image["p"]
    ws.conn.executemany(
        "INSERT INTO profiles(id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "created_at = excluded.created_at, updated_at = excluded.updated_at",
        ((pid, v[0], v[1]) for pid, v in profiles.items() if v is not None))
    alive = live_records(ws, image["m"])
    moves = [(rid, pid) for rid, pid in image["m"].items() if rid in alive]
    left = {pid for pid in current(ws, {"m": dict(moves), "p": {}})["m"].values() if pid is not None}
    ws.conn.executemany("DELETE FROM memberships WHERE record_id = ?", ((rid,) for rid, pid in moves if pid is None))
    ws.conn.executemany("INSERT INTO memberships(record_id, profile_id) VALUES (?, ?) ON CONFLICT(record_id) "
                        "DO UPDATE SET profile_id = excluded.profile_id",
                        ((rid, pid) for rid, pid in moves if pid is not None))
    ws.conn.executemany("DELETE FROM profiles WHERE id = ? AND NOT EXISTS "
                        "(SELECT 1 FROM memberships m WHERE m.profile_id = profiles.id)",
                        ((pid,) for pid, v in profiles.items() if v is None))
    restore_bands(ws, image)
    touched = set(profiles) | left | {pid for _, pid in moves if pid is not None}
    with temp_ids(ws, touched, "_journal_keys") as t:
        return {r[0] for r in ws.query(f"SELECT p.id FROM {t} t CROSS JOIN profiles p ON p.id = t.id")}


def restore_bands(ws: Workspace, image: Image) -> None:
    """Only the pairs' bands of an image (what a review decision changed in the queue). Pairs are
    found by their records: a full rematch renumbers them."""
    ws.conn.executemany("UPDATE pairs SET band = ? WHERE a = ? AND b = ?",
                        ((v[2], v[0], v[1]) for v in image.get("b", {}).values() if v is not None))


def forget_all(ws: Workspace) -> None:
    """Drop every stored image (erasure closes the undo history: images may name the erased)."""
    ws.execute("DELETE FROM decision_changes")
