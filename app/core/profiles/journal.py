"""Before/after images of what a decision step changed, so that undo and redo restore it exactly.

While a ``capture`` is open, temporary triggers on this connection note the first old value of
every membership (record → profile), every profile row (its ``created_at``/``updated_at``; the rest
of the row is derived and recomputed) and every pair's band that changes. ``Capture.store(decision)``
reads the current values of the same keys and keeps both images in ``decision_changes``. Any code
path is covered — the matcher's clustering, the review decisions, a merge — without it knowing.
Bulk writes whose old values the caller already holds (``known``: a full match's memberships) are
noted in memory instead, in order with the triggers' rows, while the triggers rest.

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


# Old values a caller already knew (``known``), kept here rather than in the _journal table: a full
# match notes a million memberships at once. Per workspace, each with the journal's last seq when it
# was noted (the triggers' rows up to that seq came before it); emptied with the journal.
_notes: dict[int, list[tuple[int, Image]]] = {}


class Capture:
    def __init__(self, ws: Workspace, start: int):
        self.ws = ws
        self.start = start  # the journal's last seq when the capture opened
        self.first_note = len(_notes.get(id(ws), ()))  # and how many notes there were

    def changes(self) -> tuple[Image, Image]:
        """(before, after) of every key changed since the capture opened; unchanged keys left out."""
        before: Image = {"m": {}, "p": {}, "b": {}}
        notes = list(_notes.get(id(self.ws), ())[self.first_note:])

        def note_until(seq: float) -> None:  # the notes taken before the trigger row ``seq``
            while notes and notes[0][0] < seq:
                for tbl, values in notes.pop(0)[1].items():
                    mine = before[tbl]
                    for key, old in values.items():
                        mine.setdefault(key, old)

        for seq, tbl, key, old in self.ws.execute("SELECT seq, tbl, key, old FROM _journal WHERE seq > ? "
                                                  "ORDER BY seq", (self.start,)):
            note_until(seq)
            before[tbl].setdefault(key, orjson.loads(old) if tbl in "pb" and old else old)
        note_until(float("inf"))
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
            _notes.pop(id(ws), None)


@contextmanager
def known(ws: Workspace, memberships: dict[int, int | None] | None = None,
          profiles: dict[int, list | None] | None = None) -> Iterator[None]:
    """Bulk writes whose old values the caller already knows (a full match rewrites every membership
    of a million records): those values are noted as the triggers would have noted them, and the
    triggers rest inside the block — every row a trigger writes costs as much as the write itself.
    Only for writes to the memberships and profiles named here (pairs' bands go unnoted meanwhile).
    The dicts are kept until the capture ends: the caller must not change them."""
    if ws.scalar("SELECT count(*) FROM sqlite_temp_master WHERE name = '_journal_on'") == 0 or \
            ws.scalar("SELECT depth FROM _journal_on") <= 0:
        yield  # nothing is being captured
        return
    seq = ws.scalar("SELECT coalesce(max(seq), 0) FROM _journal")
    # kept as given, not copied (a full match's million memberships)
    _notes.setdefault(id(ws), []).append((seq, {"m": memberships or {}, "p": profiles or {}}))
    ws.execute("UPDATE _journal_on SET depth = -depth")
    try:
        yield
    finally:
        ws.execute("UPDATE _journal_on SET depth = -depth")


def _dumps(image: Image) -> str:
    return orjson.dumps({t: {str(k): v for k, v in d.items()} for t, d in image.items()}).decode("utf-8")


def _loads(text: str) -> Image:
    return {t: {int(k): v for k, v in d.items()} for t, d in orjson.loads(text).items()}


def load(ws: Workspace, decision_id: int) -> tuple[Image, Image] | None:
    row = ws.execute("SELECT before, after FROM decision_changes WHERE decision_id = ?", (decision_id,)).fetchone()
    return None if row is None else (_loads(row[0]), _loads(row[1]))


MANY = 50_000  # from this many keys, one pass over the table beats a lookup per key


def _rows(ws: Workspace, keys, columns: str, table: str, key: str) -> dict[int, tuple]:
    """{key: (columns…)} of the rows of ``table`` whose ``key`` is among ``keys``."""
    if len(keys) >= MANY:
        wanted = set(keys)
        return {r[0]: tuple(r[1:]) for r in ws.execute(f"SELECT {key}, {columns} FROM {table}") if r[0] in wanted}
    with temp_ids(ws, keys, "_journal_keys") as t:
        return {r[0]: tuple(r[1:]) for r in ws.execute(
            f"SELECT x.{key}, {columns} FROM {t} t CROSS JOIN {table} x ON x.{key} = t.id")}


def current(ws: Workspace, keys: Image) -> Image:
    """The present values of the keys of an image (None for a row that does not exist)."""
    found = _rows(ws, keys["m"], "profile_id", "memberships", "record_id")
    out: Image = {"m": {k: found[k][0] if k in found else None for k in keys["m"]}}
    found = _rows(ws, keys["p"], "created_at, updated_at", "profiles", "id")
    out["p"] = {k: list(found[k]) if k in found else None for k in keys["p"]}
    bands = keys.get("b", {})
    found = _rows(ws, bands, "a, b, band", "pairs", "id")
    out["b"] = {k: list(found[k]) if k in found else None for k in bands}
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
