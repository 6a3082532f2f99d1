"""The workspace: one SQLite file holding everything Unico knows about a retailer's customers.

A ``Workspace`` owns one connection. Writes go through ``atomic()`` (nested with savepoints, rolled
back on any exception) so a failed operation leaves the file as it was. In the GUI a single writer
thread owns the writing Workspace; readers open their own (WAL lets them read while it writes).
"""
from __future__ import annotations

import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from app.core import messages
from app.core.errors import WorkspaceError
from app.core.schema import MIGRATIONS

APP_ID = "unico"
DEFAULT_DB = "unico.db"
SQLITE_MAGIC = b"SQLite format 3\x00"


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db PATH, else $UNICO_DB, else ./unico.db."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("UNICO_DB")
    return Path(env) if env else Path(DEFAULT_DB)


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# A review pair is still open unless its two records already share a profile (settled through others);
# the status bar and the review queue count the same pairs.
PAIR_PROFILES = ("LEFT JOIN memberships ma ON ma.record_id = p.a "
                 "LEFT JOIN memberships mb ON mb.record_id = p.b")
PAIR_OPEN = "(ma.profile_id IS NULL OR mb.profile_id IS NULL OR ma.profile_id != mb.profile_id)"


PAGE_SIZE = 8192  # of a new workspace (see _configure)
CHECKPOINT_AFTER = 4 << 20  # WAL bytes after a commit from which its pages are copied back (in the background)


class _Checkpointer:
    """Copies committed pages from the WAL back into the database file, on a thread and connection
    of its own: a big commit (a file's import, a full match: hundreds of MB at 100k records) returns
    at once instead of doing it, and the copying — SQLite's C code, without the GIL — overlaps
    whatever comes next. It never blocks a writer (PASSIVE); closing waits for it."""

    def __init__(self, path: Path):
        self._path, self._wake, self._stop = path, threading.Event(), False
        self._thread = threading.Thread(target=self._run, name="unico-checkpoint", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(str(self._path), isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stop:
                    return
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error:  # busy or locked: the next commit pokes again, closing finishes it
                    pass
        finally:
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._wake.set()
        self._thread.join()


class Workspace:
    """An open workspace file. Not shareable across threads: open one per thread."""

    def __init__(self, path: str | os.PathLike, *, create: bool = True, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self._depth = 0
        self._lock = threading.RLock()
        self._checkpointer: _Checkpointer | None = None
        existed = self.path.exists() and self.path.stat().st_size > 0
        if not existed and not create:
            raise WorkspaceError(messages.text("workspace.missing", path=self.path))
        if existed:
            _check_is_sqlite(self.path)
        elif readonly:
            raise WorkspaceError(messages.text("workspace.missing", path=self.path))
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{self.path}?mode=ro" if readonly else str(self.path)
        try:
            self.conn = sqlite3.connect(uri, uri=readonly, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            raise WorkspaceError(messages.text("workspace.cannot_open", path=self.path, error=str(e))) from e
        self.conn.row_factory = sqlite3.Row
        try:
            self._configure(new=not existed)
            self._migrate(existed)
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise WorkspaceError(messages.text("workspace.not_unico_because", path=self.path, error=str(e))) from e
        except WorkspaceError:
            self.conn.close()
            raise

    # -- set-up ---------------------------------------------------------------------------------
    def _configure(self, new: bool = False) -> None:
        c = self.conn
        c.execute("PRAGMA foreign_keys = ON")
        c.execute("PRAGMA busy_timeout = 10000")
        if not self.readonly:
            if new:  # fixed once the file has a header: golden records of 2-3 KB fill a 4 KB page
                # alone, three share an 8 KB one (the demo's 100k workspace: 420 -> 383 MB)
                c.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            c.execute("PRAGMA journal_mode = WAL")
            c.execute("PRAGMA synchronous = NORMAL")
            c.execute("PRAGMA wal_autocheckpoint = 0")  # see _Checkpointer
        c.execute("PRAGMA cache_size = -65536")  # 64 MB
        c.execute("PRAGMA temp_store = MEMORY")

    def _migrate(self, existed: bool) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if existed and tables and "meta" not in tables:
            raise WorkspaceError(messages.text("workspace.sqlite_not_unico", path=self.path))
        if "meta" in tables:
            row = self.conn.execute("SELECT value FROM meta WHERE key='app'").fetchone()
            if not row or row[0] != APP_ID:
                raise WorkspaceError(messages.text("workspace.sqlite_not_unico", path=self.path))
        if version > len(MIGRATIONS):
            raise WorkspaceError(messages.text("workspace.newer", path=self.path, version=version,
                                               known=len(MIGRATIONS)))
        if version == len(MIGRATIONS):
            return
        if self.readonly:
            raise WorkspaceError(messages.text("workspace.needs_upgrade", path=self.path))
        with self.atomic():
            for i, step in enumerate(MIGRATIONS[version:], start=version + 1):
                step(self.conn)
                self.conn.execute(f"PRAGMA user_version = {i}")
            if version == 0:
                now = utcnow()
                self.conn.executemany(
                    "INSERT INTO meta(key, value) VALUES (?, ?)",
                    [("app", APP_ID), ("created_at", now), ("name", self.path.stem),
                     ("salt", secrets.token_hex(16))],
                )

    # -- transactions ---------------------------------------------------------------------------
    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """A transaction; nested calls become savepoints. Any exception rolls back its level."""
        with self._lock:
            depth = self._depth
            if depth == 0:
                self.conn.execute("BEGIN IMMEDIATE")
            else:
                self.conn.execute(f"SAVEPOINT sp{depth}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                if depth == 0:
                    self.conn.execute("ROLLBACK")
                else:
                    self.conn.execute(f"ROLLBACK TO sp{depth}")
                    self.conn.execute(f"RELEASE sp{depth}")
                raise
            else:
                self._depth -= 1
                if depth == 0:
                    self.conn.execute("COMMIT")
                    self._committed()
                else:
                    self.conn.execute(f"RELEASE sp{depth}")

    # -- small helpers --------------------------------------------------------------------------
    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        with self.atomic():
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def get_json(self, key: str, default: Any = None) -> Any:
        raw = self.get_meta(key)
        return default if raw is None else json.loads(raw)

    def set_json(self, key: str, value: Any) -> None:
        self.set_meta(key, json.dumps(value, ensure_ascii=False, sort_keys=True))

    @property
    def name(self) -> str:
        return self.get_meta("name") or self.path.stem

    def counts(self) -> dict[str, int]:
        """Headline numbers for titles and status bars."""
        q = self.scalar
        return {
            "sources": q("SELECT count(*) FROM sources"),
            "records": q("SELECT count(*) FROM records"),
            "events": q("SELECT count(*) FROM events"),
            "profiles": q("SELECT count(*) FROM profiles"),
            "review": q(f"SELECT count(*) FROM pairs p {PAIR_PROFILES} WHERE p.band = 'review' AND {PAIR_OPEN}"),
        }

    def _committed(self) -> None:
        try:
            wal = os.stat(f"{self.path}-wal").st_size
        except OSError:
            return
        if wal >= CHECKPOINT_AFTER:
            if self._checkpointer is None:
                self._checkpointer = _Checkpointer(self.path)
            self._checkpointer.poke()

    def settle(self) -> None:
        """Wait for the background checkpoint (before a checkpoint of one's own: see forget.py)."""
        if self._checkpointer is not None:
            self._checkpointer.close()
            self._checkpointer = None

    def close(self) -> None:
        self.settle()  # its copying finished; the last connection closed does the rest
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as e:
        raise WorkspaceError(messages.text("workspace.cannot_read", path=path, reason=e.strerror)) from e
    if head != SQLITE_MAGIC:
        raise WorkspaceError(messages.text("workspace.not_sqlite", path=path))


def open_workspace(path: str | os.PathLike | None = None, *, create: bool = True) -> Workspace:
    return Workspace(resolve_db_path(path), create=create)
