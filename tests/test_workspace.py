import sqlite3

import pytest

from app.core.errors import WorkspaceError
from app.core.schema import MIGRATIONS
from app.core.workspace import Workspace, resolve_db_path


def test_new_workspace_has_schema_wal_and_foreign_keys(tmp_path):
    w = Workspace(tmp_path / "a.db")
    assert w.schema_version == len(MIGRATIONS)
    assert w.scalar("PRAGMA journal_mode") == "wal"
    assert w.scalar("PRAGMA foreign_keys") == 1
    assert w.get_meta("app") == "unico"
    assert w.counts() == {"sources": 0, "records": 0, "events": 0, "profiles": 0, "review": 0}
    w.close()
    # reopening runs no migration and keeps the data
    w2 = Workspace(tmp_path / "a.db")
    assert w2.get_meta("created_at")
    w2.close()


def test_atomic_rolls_back_everything_including_nested(ws):
    ws.set_meta("x", "1")
    with pytest.raises(RuntimeError):
        with ws.atomic():
            ws.execute("UPDATE meta SET value='2' WHERE key='x'")
            with ws.atomic():
                ws.execute("INSERT INTO meta VALUES ('y', '3')")
            raise RuntimeError("boom")
    assert ws.get_meta("x") == "1"
    assert ws.get_meta("y") is None


def test_nested_savepoint_rollback_keeps_outer(ws):
    with ws.atomic():
        ws.execute("INSERT INTO meta VALUES ('outer', '1')")
        with pytest.raises(ValueError):
            with ws.atomic():
                ws.execute("INSERT INTO meta VALUES ('inner', '1')")
                raise ValueError
    assert ws.get_meta("outer") == "1"
    assert ws.get_meta("inner") is None


def test_not_a_database_file_is_refused(tmp_path):
    p = tmp_path / "notes.db"
    p.write_text("hello, I am a text file\n")
    with pytest.raises(WorkspaceError, match="not a Unico workspace"):
        Workspace(p)
    assert p.read_text() == "hello, I am a text file\n"  # untouched


def test_foreign_sqlite_file_is_refused(tmp_path):
    p = tmp_path / "other.db"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE t(x)")
    c.commit()
    c.close()
    with pytest.raises(WorkspaceError, match="not a Unico workspace"):
        Workspace(p)


def test_newer_workspace_is_refused(tmp_path):
    p = tmp_path / "new.db"
    Workspace(p).close()
    c = sqlite3.connect(p)
    c.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    c.commit()
    c.close()
    with pytest.raises(WorkspaceError, match="newer Unico"):
        Workspace(p)


def test_db_path_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("UNICO_DB", raising=False)
    assert str(resolve_db_path(None)) == "unico.db"
    monkeypatch.setenv("UNICO_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None) == tmp_path / "env.db"
    assert str(resolve_db_path("x.db")) == "x.db"


def test_a_new_workspace_has_8_kb_pages_and_an_old_one_keeps_its_own(tmp_path):
    with Workspace(tmp_path / "new.db") as ws:
        assert ws.scalar("PRAGMA page_size") == 8192
    old = tmp_path / "old.db"
    with Workspace(old):
        pass
    c = sqlite3.connect(old)  # an existing workspace rebuilt with 4 KB pages (as Unico made them before)
    c.execute("PRAGMA journal_mode = DELETE")
    c.execute("PRAGMA page_size = 4096")
    c.execute("VACUUM")
    c.close()
    with Workspace(old) as ws:
        assert ws.scalar("PRAGMA page_size") == 4096 and ws.scalar("SELECT count(*) FROM sources") == 0
