"""An import's contact rows prepared chunk by chunk: read, grouped, converted, normalised — no database.

``Preparer`` is the whole of it. ``prepared_chunks`` runs one in the importer's worker thread while
the importer writes: preparing is most of an import's work, so the helper process (app/core/helper.py)
cannot speed up one file by taking it over. It can prepare the *next* file: when several files are
imported in a row (``import_files``), ``Ahead`` has the helper read and prepare file k+1 while this
process writes file k; the chunks are the same either way (one Preparer sees the whole file in
order, as here). If the helper dies mid-file, the rest is prepared here (the chunks already written
are read again and skipped) — the import never notices.
"""
from __future__ import annotations

import dataclasses
import pickle
import queue
import threading
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from app.core import helper
from app.core.importing.contacts import Built, build_contact_rows
from app.core.importing.convert import Converter, Issues, Unit, units_of
from app.core.importing.plan import ImportPlan
from app.core.importing.readers import RawRow, read_table

CHUNK = 20_000
# smaller files are not prepared ahead: copying rows between processes would cost what it saves
HELPER_MIN_BYTES = 1 << 20


@dataclass
class Prepared:
    built: Built | None
    rejected: dict[int, Unit]  # the units of rows ``built`` rejects, by position (their line, raw, file)
    structural: list[tuple[RawRow, str | None, str]]  # rows the reader could not use
    fraction: float  # how far through the file
    read: int  # rows read so far


class Preparer:
    def __init__(self, plan: ImportPlan, suppression, table=None, chunk: int | None = None):
        self.plan, self.suppression, self.chunk = plan, suppression, chunk or CHUNK
        self.table = table if table is not None else plan._table
        self.converter = Converter(plan)
        self.structural: list[tuple[RawRow, str | None, str]] = []
        self.read = 0
        self.units = units_of(self._counted(self.table.records()), plan, self.structural)

    def _counted(self, rows: Iterator[RawRow]) -> Iterator[RawRow]:
        for r in rows:
            self.read += 1
            yield r

    def next(self) -> Prepared | None:
        """The next chunk; None at the end of the file."""
        chunk = list(islice(self.units, self.chunk))
        taken, self.structural[:] = self.structural[:], []
        if not chunk and not taken:
            return None
        built = build_contact_rows(self.plan, self.converter, chunk, self.suppression) if chunk else None
        rejected = {i: chunk[i] for i, _, _ in built.rejects} if built else {}
        return Prepared(built, rejected, taken, self.table.fraction_read(), self.read)


# -- in the helper process --------------------------------------------------------------------------
_sessions: dict[str, "_Ahead"] = {}
_files: queue.Queue = queue.Queue()  # files to prepare, one after the other, by one thread
_thread: threading.Thread | None = None


class _Ahead:
    """A whole file prepared by the helper's preparing thread, each chunk kept pickled (compact) until
    asked for. Files are prepared in the order they were asked for: the one being imported first."""

    def __init__(self, plan: ImportPlan, suppression, chunk: int):
        self.plan, self.suppression, self.chunk = plan, suppression, chunk
        self.out: queue.Queue = queue.Queue()
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            prep = Preparer(self.plan, self.suppression, read_table(self.plan.path), self.chunk)
            while not self.stop.is_set() and (ready := prep.next()) is not None:
                self.out.put(("chunk", pickle.dumps(ready, pickle.HIGHEST_PROTOCOL)))
            self.out.put(("end", prep.converter.issues))
        except BaseException as e:  # noqa: BLE001 - handed to the importer, which raises it
            self.out.put(("error", e))


def _preparing() -> None:
    while True:
        ahead = _files.get()
        if not ahead.stop.is_set():
            ahead.run()


def _open(session: str, plan: ImportPlan, suppression, chunk: int) -> None:
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_preparing, name="unico-prepare", daemon=True)
        _thread.start()
    _sessions[session] = ahead = _Ahead(plan, suppression, chunk)
    _files.put(ahead)


def _take(session: str) -> tuple[str, object]:
    item = _sessions[session].out.get()
    if item[0] != "chunk":
        _sessions.pop(session, None)
    return item


def _close(session: str) -> None:
    ahead = _sessions.pop(session, None)
    if ahead is not None:
        ahead.stop.set()


def portable(plan: ImportPlan) -> ImportPlan:
    """The plan without its open table and sample: what the helper needs to read the file again."""
    return dataclasses.replace(plan, _table=None, _sample=[], _profiles={})


# -- here ---------------------------------------------------------------------------------------------
class Ahead:
    """A file the helper prepares while this process imports the one before it (``import_files``)."""

    def __init__(self, pool, plan: ImportPlan, suppression):
        self.pool, self.plan, self.session = pool, plan, uuid.uuid4().hex
        self.taken = 0  # chunks handed out
        self.chunk = CHUNK  # the same chunks as here: a fallback skips those already written
        pool.submit(_open, self.session, portable(plan), suppression, self.chunk)

    @classmethod
    def start(cls, plan: ImportPlan, suppression) -> "Ahead | None":
        pool = helper.started()  # still starting: the work queues behind its start-up
        if pool is None or plan.kind != "contacts" or plan.size < HELPER_MIN_BYTES:
            return None
        try:
            return cls(pool, plan, suppression)
        except (RuntimeError, BrokenProcessPool):
            return None

    def chunks(self, converter: Converter) -> Iterator[Prepared]:
        pending = deque(self.pool.submit(_take, self.session) for _ in range(helper.IN_FLIGHT))
        try:
            while True:
                kind, value = pending.popleft().result()
                if kind == "error":
                    raise value
                if kind == "end":
                    converter.issues = value
                    return
                pending.append(self.pool.submit(_take, self.session))
                self.taken += 1
                yield pickle.loads(value)
        finally:
            for f in pending:
                f.cancel()

    def close(self) -> None:
        try:
            self.pool.submit(_close, self.session)
        except (RuntimeError, BrokenProcessPool):
            pass


def prepared_chunks(plan: ImportPlan, suppression, converter: Converter, ahead: Ahead | None = None) -> Iterator[Prepared]:
    """Every chunk of the file, in order; at the end ``converter.issues`` holds what preparing found.
    ``ahead``: the helper's preparation of this very plan, if ``import_files`` started one.

    Close the iterator when stopping early (``contextlib.closing``): it stops the work ahead.
    """
    if ahead is None:
        yield from _local(Preparer(plan, suppression), converter)
        return
    try:
        yield from ahead.chunks(converter)
        return
    except BrokenProcessPool:  # the helper died: prepare the rest here, skipping what is written
        helper.discard()
    finally:
        ahead.close()
    local = Preparer(plan, suppression, chunk=ahead.chunk)
    for _ in range(ahead.taken):
        local.next()
    yield from _local(local, converter)


def _local(prep: Preparer, converter: Converter) -> Iterator[Prepared]:
    """A pipeline of two: a worker thread prepares chunk k+1 while the caller writes chunk k
    (SQLite releases the GIL while it works)."""
    with ThreadPoolExecutor(1, thread_name_prefix="unico-import") as pool:
        pending = pool.submit(prep.next)
        try:
            while (ready := pending.result()) is not None:
                pending = pool.submit(prep.next)
                yield ready
        finally:
            pending.cancel()
    converter.issues = prep.converter.issues
