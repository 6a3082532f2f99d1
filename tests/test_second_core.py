"""The helper process (app/core/helper.py) gives the same results as one process, and a helper that
fails or dies loses nothing: importing several files (the next prepared ahead), a full match (random
pairs and golden records in the helper), and the background WAL checkpoint."""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import signal
import threading
from pathlib import Path

import pytest

import samples as S
from app.core import helper
from app.core.demo import generate_contacts_only
from app.core.errors import BadDataError, Where
from app.core.importing import import_files, plan_import, prepare, run_import
from app.core.importing import service as import_service
from app.core.matching import assist, run_match
from app.core.matching import service as match_service
from app.core.profiles import refresh
from app.core.workspace import CHECKPOINT_AFTER, Workspace

CLOCK = {"ts", "created_at", "updated_at", "started_at", "finished_at", "at", "file_path", "rejects_path"}
NOW = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")  # the run's clock, inside the undo log's JSON


def digest(ws: Workspace) -> dict[str, tuple[int, str]]:
    """Every table's rows (clock times, paths and the workspace's own salt left out), hashed."""
    out = {}
    for (table,) in ws.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                             "AND name != 'meta'"):
        cols = [r[1] for r in ws.query(f"PRAGMA table_info({table})") if r[1] not in CLOCK]
        h, n = hashlib.sha1(), 0
        for row in ws.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid"):
            h.update(NOW.sub("", repr(tuple(row))).encode())
            n += 1
        out[table] = (n, h.hexdigest())
    return out


@pytest.fixture
def pool():
    """The helper, up (started once; again after a test killed it)."""
    helper.start()
    started = helper.wait_ready(120)
    assert started is not None, "the helper process did not start"
    return started


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("second_core")
    manifest = generate_contacts_only(folder / "demo", records=3000)
    headers = ["Codice", "Nome", "Cognome", "Email", "Cellulare", "Città"]
    rows = [[f"X{i}", "Giulia", f"Verdi{i}", f"giulia.verdi{i}@example.it", f"333 1{i:06d}", "Milano"]
            for i in range(400)]
    xlsx = S.write_xlsx(folder / "clienti.xlsx", headers, rows)
    return [Path(f.path) for f in manifest.files] + [xlsx]


@pytest.fixture
def ahead_used(monkeypatch):
    """Count the files whose rows came from the helper; every file counts as big enough."""
    monkeypatch.setattr(prepare, "HELPER_MIN_BYTES", 0)
    used = []
    real = prepare.Ahead.chunks

    def chunks(self, converter):
        used.append(self.plan.file_name)
        return real(self, converter)

    monkeypatch.setattr(prepare.Ahead, "chunks", chunks)
    return used


def one_by_one(path: Path, files: list[Path]) -> dict:
    with Workspace(path) as ws:
        for f in files:
            run_import(ws, plan_import(f, ws=ws))
        return digest(ws)


def test_files_prepared_ahead_import_exactly_as_one_by_one(pool, demo_files, ahead_used, tmp_path):
    with Workspace(tmp_path / "ahead.db") as ws:
        results = import_files(ws, demo_files)
        ahead = digest(ws)
    assert [r.counts["read"] for r in results] and all(r.counts["read"] > 0 for r in results)
    # the demo's three contact files after the first, and the workbook (the leads are events: never ahead)
    assert len(ahead_used) == 3, ahead_used
    assert ahead == one_by_one(tmp_path / "plain.db", demo_files)


def test_the_helper_dying_mid_file_loses_nothing(pool, tmp_path, ahead_used, monkeypatch):
    small = S.write_contacts_csv(tmp_path / "small.csv", 500)
    big = S.write_contacts_csv(tmp_path / "big.csv", 45_000)  # three chunks of 20,000
    real = prepare.Ahead.chunks
    killed = []

    def chunks(self, converter):
        for i, ready in enumerate(real(self, converter)):
            if i == 1:  # the first chunk is written, the helper goes down before the second
                os.kill(helper._warm.result(), signal.SIGKILL)
                killed.append(True)
            yield ready

    monkeypatch.setattr(prepare.Ahead, "chunks", chunks)
    with Workspace(tmp_path / "ahead.db") as ws:
        results = import_files(ws, [small, big])
        ahead = digest(ws)
    assert killed and results[1].counts["read"] == 45_000
    assert ahead == one_by_one(tmp_path / "plain.db", [small, big])


def test_a_broken_next_file_is_refused_where_it_breaks_and_the_first_stays(pool, tmp_path, ahead_used):
    good = S.write_contacts_csv(tmp_path / "good.csv", 300)
    broken = S.write_contacts_csv(tmp_path / "broken.csv", 30_000)  # broken beyond the rows planning reads
    with broken.open("a", encoding="utf-8") as f:
        f.write('"X999 Mario Rossi\n')  # a quote opened on the last line, never closed
    with Workspace(tmp_path / "alone.db") as ws:
        with pytest.raises(BadDataError) as alone:
            run_import(ws, plan_import(broken, ws=ws))
    with Workspace(tmp_path / "w.db") as ws:
        with pytest.raises(BadDataError) as both:
            import_files(ws, [good, broken])
        assert [r["file_name"] for r in ws.query("SELECT file_name FROM imports")] == ["good.csv"]
        assert ws.scalar("SELECT count(*) FROM records") == 300
    assert ahead_used == ["broken.csv"]  # the error came from the helper's reading
    assert str(both.value) == str(alone.value) and both.value.where == alone.value.where
    assert both.value.where.line == 30_002


def test_bad_data_errors_keep_their_place_across_processes():
    e = pickle.loads(pickle.dumps(BadDataError("unreadable", Where("a.csv", 7, "Email"))))
    assert e.message == "unreadable" and e.where == Where("a.csv", 7, "Email")
    assert str(e) == "a.csv, line 7, column 'Email': unreadable"


# -- matching ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def imported(demo_files, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("imported") / "w.db"
    with Workspace(path) as ws:
        for f in demo_files:
            run_import(ws, plan_import(f, ws=ws))
    return path


@pytest.fixture
def small_thresholds(monkeypatch):
    """The demo's 3,000 records count as a big workspace: every helper path is taken."""
    monkeypatch.setattr(match_service, "HELPER_MIN_RECORDS", 0)
    monkeypatch.setattr(assist, "MIN_RECORDS", 0)
    monkeypatch.setattr(refresh, "MANY", 100)
    monkeypatch.setattr(refresh, "BATCH", 150)


def counting(pool, monkeypatch) -> list[str]:
    sent: list[str] = []
    real = pool.submit

    def submit(fn, *args, **kwargs):
        sent.append(fn.__name__)
        return real(fn, *args, **kwargs)

    monkeypatch.setattr(pool, "submit", submit)
    return sent


def matched(imported: Path, path: Path) -> dict:
    shutil.copyfile(imported, path)
    with Workspace(path) as ws:
        result = run_match(ws)
        assert result.profiles > 0 and result.auto_merged > 0
        return digest(ws)


def test_a_full_match_with_the_helper_is_the_match_without(pool, imported, small_thresholds, monkeypatch, tmp_path):
    monkeypatch.setattr(refresh, "HELD", 1)  # the helper waits for each answer to be collected
    sent = counting(pool, monkeypatch)
    with_helper = matched(imported, tmp_path / "a.db")
    assert {"_random_pairs", "golden_rows"} <= set(sent), sent
    assert sent.count("golden_rows") >= helper.IN_FLIGHT  # the head start offered to the helper
    monkeypatch.setattr(helper, "ready", lambda: None)
    monkeypatch.setattr(helper, "started", lambda: None)
    sent.clear()
    assert matched(imported, tmp_path / "b.db") == with_helper and not sent


def test_a_head_start_the_helper_never_takes_is_done_here(pool, imported, small_thresholds, monkeypatch, tmp_path):
    """The helper takes the head start's batches from the back while this process takes them from
    the front once its own are done: with a helper that takes none, this process does them all,
    reading them from the workspace, with the same golden records."""
    monkeypatch.setattr(helper.Shared, "help", lambda self, *args, **kwargs: None)  # the helper takes nothing
    read: list[int] = []
    real = refresh.load_members

    def load_members(ws, chunk, activity=None):
        read.append(len(chunk))
        return real(ws, chunk, activity)

    monkeypatch.setattr(refresh, "load_members", load_members)
    idle = matched(imported, tmp_path / "b.db")
    assert len(read) > refresh.OWN_FIRST + 1, read  # the head start's batches, read here
    monkeypatch.setattr(helper, "ready", lambda: None)
    monkeypatch.setattr(helper, "started", lambda: None)
    assert matched(imported, tmp_path / "c.db") == idle


def test_the_helper_dying_during_the_head_start_loses_nothing(pool, imported, small_thresholds, monkeypatch, tmp_path):
    """Killed after its first golden batch: the batches it held are given back and done here."""
    real = refresh.HeadStart._done
    killed: list[bool] = []

    def done(self, i, rows):
        real(self, i, rows)
        if not killed:
            os.kill(helper._warm.result(), signal.SIGKILL)
            killed.append(True)

    monkeypatch.setattr(refresh.HeadStart, "_done", done)
    died = matched(imported, tmp_path / "a.db")
    assert killed
    monkeypatch.setattr(helper, "ready", lambda: None)
    monkeypatch.setattr(helper, "started", lambda: None)
    assert matched(imported, tmp_path / "b.db") == died


def test_records_not_yet_committed_are_never_left_to_the_helper(pool, imported, demo_files, small_thresholds,
                                                                  monkeypatch, tmp_path):
    """The helper reads the committed records for golden records: a match inside a transaction that
    imported more must compute them here (the random pairs are compared on a copy of the features)."""
    shutil.copyfile(imported, tmp_path / "w.db")
    sent = counting(pool, monkeypatch)
    extra = S.write_contacts_csv(tmp_path / "extra.csv", 200)
    with Workspace(tmp_path / "w.db") as ws:
        with ws.atomic():
            run_import(ws, plan_import(extra, ws=ws))
            run_match(ws)
        members = ws.scalar("SELECT count(*) FROM memberships")
        assert members == ws.scalar("SELECT count(*) FROM records")
        summed = ws.scalar("SELECT sum(n_records) FROM profiles")
    assert "golden_rows" not in sent and "_random_pairs" in sent and summed == members


def test_the_helper_failing_to_start_means_one_process(imported, small_thresholds, monkeypatch, tmp_path):
    monkeypatch.setenv("UNICO_HELPER", "0")
    monkeypatch.setattr(helper, "_pool", None)
    monkeypatch.setattr(helper, "_warm", None)
    helper.start()
    assert helper.started() is None
    shutil.copyfile(imported, tmp_path / "w.db")
    with Workspace(tmp_path / "w.db") as ws:
        assert run_match(ws).profiles > 0


# -- the WAL checkpoint ---------------------------------------------------------------------------
def test_big_commits_are_checkpointed_in_the_background_and_closing_waits(tmp_path):
    path = tmp_path / "w.db"
    ws = Workspace(path)
    with ws.atomic():
        ws.execute("CREATE TABLE blob_rows (b BLOB)")
        ws.conn.executemany("INSERT INTO blob_rows VALUES (?)", ((os.urandom(4096),) for _ in range(2000)))
    assert Path(f"{path}-wal").stat().st_size >= CHECKPOINT_AFTER
    assert any(t.name == "unico-checkpoint" for t in threading.enumerate())
    ws.close()
    assert not any(t.name == "unico-checkpoint" for t in threading.enumerate())
    assert not Path(f"{path}-wal").exists()  # the last connection closed copied the rest and removed it
    with Workspace(path) as again:
        assert again.scalar("SELECT count(*) FROM blob_rows") == 2000


def test_an_erasure_right_after_a_big_commit_still_truncates_the_wal(tmp_path):
    """The erasure's own checkpoint must not give up (busy) because the background one is running."""
    from app.core.profiles.forget import secure_deletion

    path = tmp_path / "w.db"
    with Workspace(path) as ws:
        with ws.atomic():
            ws.execute("CREATE TABLE notes (t TEXT)")
            ws.execute("INSERT INTO notes VALUES ('Zappacosta Ermenegilda')")
            ws.conn.executemany("INSERT INTO notes VALUES (?)", ((os.urandom(2048).hex(),) for _ in range(2000)))
        assert Path(f"{path}-wal").stat().st_size >= CHECKPOINT_AFTER  # the checkpointer is at work now
        with secure_deletion(ws), ws.atomic():
            ws.execute("DELETE FROM notes WHERE t LIKE 'Zappacosta%'")
        assert Path(f"{path}-wal").stat().st_size == 0
        assert b"Zappacosta" not in path.read_bytes()
