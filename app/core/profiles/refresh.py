"""Writing golden records: recompute a set of profiles' summary rows and store those that changed.

The computation is golden.py's; this is the pipeline around it. Batches of ``BATCH`` profiles: a
worker thread reads batch k+1 and writes batch k-1 (SQLite releases the GIL while it works) while
this thread computes batch k; only the worker touches the connection until the end.

The second core: when nothing uncommitted lies under the records, sources and events this
transaction sees (a match writes only memberships, pairs and profiles: ``committed``), the helper
process (app/core/helper.py) computes batches too, from the end of the list, reading the records
through its own read-only connection with the memberships handed to it. A full match gives it a
``HeadStart``: all but the first batches, from the clusters in memory, before the match writes
anything; the helper takes them from the back while the match writes, this process from the front
once it has done its own.
"""
from __future__ import annotations

import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import numpy as np

from app.core import helper, messages
from app.core.jobs import Progress
from app.core.matching.store import temp_ids
from app.core.profiles.golden import SUMMARY, compute_golden, summary_row
from app.core.profiles.members import Member, all_activity, load_members, load_members_of
from app.core.profiles.survivorship import Survivorship, get_survivorship, save_survivorship, source_ranks
from app.core.workspace import Workspace, utcnow

BATCH = 5_000  # profiles per read/compute/write round (bounded memory; small enough to overlap well)
MANY = 20_000  # from this many profiles, one pass over all events beats reading each batch's
OWN_FIRST = 2  # batches of a full match's refresh this process keeps (it computes while the helper starts)
HELPER_LAST = 2  # and the head start's last batches, which this process leaves to the helper
HELD = 8  # the helper's batches waiting to be written, at most (a batch's rows are 15-20 MB)


class HeadStart:
    """A full match's profiles, all but the first batches, offered to the helper from the clusters in
    memory (``members``: record id → profile id, every record) while the match still writes its pairs
    and memberships. The helper takes them from the back, one at a time (``helper.Shared``); once
    ``refresh_profiles(..., head_start=)`` has done the first batches it takes the rest from the
    front, reading them from the workspace like any other, so neither waits for the other."""

    def __init__(self, ws: Workspace, profile_ids: Iterable[int], members: Mapping[int, int]):
        self.session = uuid.uuid4().hex
        self.chunks: list[list[int]] = []
        self.shared = helper.Shared([])
        self._rows: list[list[tuple]] = []  # the helper's answers, collected by refresh_profiles
        self._room = threading.Condition()
        self._unbounded = False  # set once nobody may be left to collect (the end, a failure)
        ids = sorted({int(i) for i in profile_ids})
        pool = helper.ready()
        if pool is None or len(ids) <= MANY:
            return
        self.chunks = _batches(ids)[OWN_FIRST:]
        # the memberships as two arrays sorted by profile (a million tuples would cost 100 MB)
        rid = np.fromiter(members.keys(), np.int64, len(members))
        pid = np.fromiter(members.values(), np.int64, len(members))
        order = np.argsort(pid, kind="stable")
        pid, rid = pid[order], rid[order]
        settings = get_survivorship(ws)
        ranks = source_ranks(ws, settings)
        path = str(ws.path)

        def submit(chunk: list[int]) -> Future:
            lo, hi = np.searchsorted(pid, chunk[0], "left"), np.searchsorted(pid, chunk[-1], "right")
            p, r = pid[lo:hi], rid[lo:hi]
            keep = np.isin(p, chunk)
            return pool.submit(golden_rows, self.session, path, list(zip(p[keep].tolist(), r[keep].tolist())),
                               ranks, settings)

        # the helper computes a batch faster than this process, which also writes every batch: it
        # does the last ones
        self.shared = helper.Shared(self.chunks, leave=HELPER_LAST)
        self.shared.help(submit, self._done, in_flight=1)

    def _done(self, _: int, rows: list[tuple]) -> None:
        # the feeder waits (and the helper with it) while HELD answers wait for the refresh: a
        # million records' match writes for half a minute before it, and their rows would pile up
        with self._room:
            while len(self._rows) >= HELD and not self._unbounded:
                self._room.wait()
            self._rows.append(rows)

    def answers(self) -> list[list[tuple]]:
        """The helper's batches computed since the last call."""
        with self._room:
            out, self._rows = self._rows, []
            self._room.notify_all()
        return out

    def unbound(self) -> None:
        """Let the helper's answers pile up (before waiting for its last ones, or on stopping)."""
        with self._room:
            self._unbounded = True
            self._room.notify_all()

    @property
    def ids(self) -> set[int]:
        return {pid for chunk in self.chunks for pid in chunk}

    def close(self) -> None:
        """Stop offering batches (a match that fails before its refresh); idempotent."""
        self.unbound()
        self.shared.close()


def _batches(ids: list[int]) -> list[list[int]]:
    return [ids[start:start + BATCH] for start in range(0, len(ids), BATCH)]


def refresh_profiles(ws: Workspace, profile_ids: Iterable[int], *, stamp: bool = True,
                     progress: Progress | None = None, new: Collection[int] = (), committed: bool = False,
                     head_start: HeadStart | None = None) -> int:
    """Recompute the golden record and summary columns of these profiles; write those that changed.

    ``stamp=False`` leaves ``updated_at`` alone (undo/redo restore it themselves). ``new``: profiles
    whose rows do not exist yet (their memberships were written with the foreign keys deferred):
    each is inserted whole, once — a row inserted bare and then grown to its golden record costs
    the table twice the pages. ``committed``, ``head_start``: see the module docstring. Returns how
    many profiles were rewritten.
    """
    ids = sorted({int(i) for i in profile_ids})
    if not ids:
        return 0
    early = head_start.ids if head_start is not None else set()
    settings = get_survivorship(ws)
    ranks = source_ranks(ws, settings)
    now = utcnow()
    n = len(SUMMARY)
    cols = ", ".join(SUMMARY)
    # SQLite compares the stored row with the new one (?1..?n): nothing read back into Python, and a
    # row that did not change is neither written nor stamped. A profile without a row matches nothing.
    changed = f"WHERE id = ?{n + 1} AND ({cols}) IS NOT ({', '.join(f'?{i}' for i in range(1, n + 1))})"
    sets = ", ".join(f"{c} = ?{i}" for i, c in enumerate(SUMMARY, 1))
    update = (f"UPDATE profiles SET {sets}, updated_at = ?{n + 2} {changed}" if stamp
              else f"UPDATE profiles SET {sets} {changed}")
    insert = f"INSERT INTO profiles({cols}, created_at, updated_at, id) VALUES ({', '.join('?' * n)}, ?, ?, ?)"
    new = set(new)
    many = len(ids) > MANY
    activity = all_activity(ws) if many else None
    rest = [i for i in ids if i not in early]
    chunks = _batches(rest)
    # the helper shares these batches, unless it has the head start's (all but the first few)
    pool = helper.ready() if committed and many and len(chunks) > 1 and not early else None
    shared = helper.Shared(chunks)
    session = head_start.session if head_start is not None else uuid.uuid4().hex
    writes: list[Future] = []
    done = [0]

    def read(chunk: list[int]) -> dict[int, list[Member]]:
        return load_members(ws, chunk, activity)

    def existing_new() -> set[int]:  # new profiles whose row exists after all (the batches are disjoint:
        if not new:                    # only this refresh inserts them, so once is enough)
            return set()
        with temp_ids(ws, new, "_golden_pids") as t:
            return {r[0] for r in ws.execute(f"SELECT p.id FROM {t} t CROSS JOIN profiles p ON p.id = t.id")}

    def write(rows: list[tuple]) -> int:  # rows: (*SUMMARY, id)
        existing = found.result()  # done: the worker ran it first
        created = [r for r in rows if r[-1] in new and r[-1] not in existing]
        if created:
            rows = [r for r in rows if r[-1] not in new or r[-1] in existing]
            ws.conn.executemany(insert, ((*r[:-1], now, now, r[-1]) for r in created))
        if stamp:
            rows = ((*r, now) for r in rows)
        return ws.conn.executemany(update, rows).rowcount + len(created)

    def written(_: int, rows: list[tuple]) -> None:  # a batch computed here or in the helper
        done[0] += len(rows)
        writes.append(io.submit(write, rows))

    def computed(members: dict[int, list[Member]]) -> None:
        written(0, [(*summary_row(compute_golden(ms, ranks, settings), ms), pid) for pid, ms in members.items()])

    def there(memberships: Future) -> Callable[[list[int]], Future]:
        def submit(chunk: list[int]) -> Future:
            given = memberships.result()
            return pool.submit(golden_rows, session, str(ws.path), [m for pid in chunk for m in given.get(pid, ())],
                               ranks, settings)
        return submit

    def collect() -> None:  # the head start's batches the helper has finished
        if head_start is not None:
            for rows in head_start.answers():
                written(0, rows)

    with ThreadPoolExecutor(1, thread_name_prefix="unico-golden") as io:
        found = io.submit(existing_new)
        if pool is not None:
            shared.help(there(io.submit(_memberships, ws, rest)), written)
        # this process's own batches first, then what is left of the head start, from its front
        queues = [shared] if head_start is None else [shared, head_start.shared]
        try:
            for q in queues:
                got = q.take()
                pending = io.submit(read, got[1]) if got is not None else None
                while pending is not None:
                    if progress is not None:
                        progress.update(done[0] / len(ids), messages.text("progress.golden_records", done=done[0],
                                                                           total=len(ids)))
                    members = pending.result()
                    got = q.take()
                    pending = io.submit(read, got[1]) if got is not None else None
                    collect()  # the helper's rows are written after that read: it is what this thread waits for
                    computed(members)
                    del members
                if head_start is not None and q is head_start.shared:
                    head_start.unbound()  # its last answers come while this thread waits, not collects
                for _, chunk in q.rest():  # what the helper gave back, if it stopped
                    computed(io.submit(read, chunk).result())
            collect()
        finally:
            shared.close()
            if head_start is not None:
                head_start.close()
            if pool is not None or head_start is not None:
                _end(session)
        return sum(w.result() for w in writes)


def _end(session: str) -> None:
    """Free the helper's connection and activity of this refresh (if it is gone, they went with it)."""
    pool = helper.ready()
    if pool is not None:
        try:
            pool.submit(golden_done, session)
        except (RuntimeError, BrokenProcessPool):
            pass


def _memberships(ws: Workspace, ids: list[int]) -> dict[int, list[tuple[int, int]]]:
    """(profile_id, record_id) of these profiles, as this transaction sees them, by profile."""
    out: dict[int, list[tuple[int, int]]] = defaultdict(list)
    with temp_ids(ws, ids, "_golden_pids") as t:
        for pid, rid in ws.execute(f"SELECT m.profile_id, m.record_id FROM {t} t CROSS JOIN memberships m "
                                   "ON m.profile_id = t.id"):
            out[pid].append((pid, rid))
    return out


def refresh_all(ws: Workspace, progress: Progress | None = None, *, settings: Survivorship | None = None) -> int:
    """Every profile; with ``settings``, store them first (one transaction: new rules, new records)."""
    with ws.atomic():
        if settings is not None:
            save_survivorship(ws, settings)
        ids = [r[0] for r in ws.query("SELECT id FROM profiles")]
        return refresh_profiles(ws, ids, progress=progress)


# -- in the helper process ------------------------------------------------------------------------
_sessions: dict[str, tuple[Workspace, dict]] = {}


def golden_rows(session: str, path: str, memberships: list[tuple[int, int]], ranks: dict[str, int],
                settings: Survivorship) -> list[tuple]:
    """The rows ``refresh_profiles`` writes for these memberships, read from the committed records."""
    state = _sessions.get(session)
    if state is None:
        for other in list(_sessions):  # a session its caller never closed (it failed)
            golden_done(other)
        ws = Workspace(path, create=False, readonly=True)
        state = _sessions[session] = (ws, all_activity(ws))
    ws, activity = state
    members = load_members_of(ws, memberships, activity)
    return [(*summary_row(compute_golden(ms, ranks, settings), ms), pid) for pid, ms in members.items()]


def golden_done(session: str) -> None:
    state = _sessions.pop(session, None)
    if state is not None:
        state[0].close()
