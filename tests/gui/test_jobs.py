"""The background-job API: results, failures and cancels arrive on the GUI thread; a replaced job's
result is dropped; the writer is one serial thread; shutdown joins every thread."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from app.core.errors import BadDataError
from app.gui.jobs import JobRunner, WorkspaceSession
from tests.gui.conftest import unico_threads


@pytest.fixture
def runner(qapp):
    r = JobRunner(2, "test")
    yield r
    r.shutdown()
    assert unico_threads() == []


def test_result_and_progress_arrive_on_the_gui_thread(qtbot, runner):
    seen = {}

    def work(progress):
        progress.update(0.5, "half", force=True)
        return threading.current_thread().name

    job = runner.submit(work, "work")
    job.progressed.connect(lambda f, m: seen.setdefault("progress", (f, m, QThread.currentThread())))
    job.succeeded.connect(lambda r: seen.setdefault("result", (r, QThread.currentThread())))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    gui = QThread.currentThread()
    assert seen["result"][0].startswith("unico-test")
    assert seen["result"][1] is gui and seen["progress"][2] is gui
    assert seen["progress"][:2] == (0.5, "half")
    assert job.state == "succeeded" and job.result == seen["result"][0]


def test_failure_carries_the_exception_and_traceback(qtbot, runner):
    def boom(_progress):
        raise BadDataError("no usable column")

    job = runner.submit(boom, "boom")
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    failure = blocker.args[0]
    assert isinstance(failure.exception, BadDataError) and failure.expected
    assert "no usable column" in failure.details and "Traceback" in failure.details
    assert job.state == "failed"


def test_cancel_stops_a_running_job(qtbot, runner):
    started = threading.Event()
    release = threading.Event()

    def loop(progress):
        started.set()
        release.wait(5)
        progress.check()  # a safe point: raises Cancelled
        return "not reached"

    job = runner.submit(loop, "loop")
    assert started.wait(5)
    job.cancel()
    release.set()
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        pass
    assert job.state == "cancelled" and job.result is None


def test_a_new_job_with_the_same_key_replaces_the_old_one(qtbot, runner):
    gate = threading.Event()
    first = runner.submit(lambda p: (gate.wait(5), "stale")[1], "search", key="search")
    second = runner.submit(lambda p: "fresh", "search", key="search")
    assert first.superseded and first.progress.cancelled
    results = []
    first.succeeded.connect(results.append)
    second.succeeded.connect(results.append)
    gate.set()
    with qtbot.waitSignals([first.finished, second.finished], timeout=5000):
        pass
    assert results == ["fresh"]  # the replaced job finished its work but its result was dropped
    assert first.state == "cancelled"


def test_shutdown_cancels_queued_jobs_and_joins_threads(qtbot, qapp):
    r = JobRunner(1, "serial")
    gate = threading.Event()
    running = r.submit(lambda p: (gate.wait(5), p.check())[1], "running")
    queued = r.submit(lambda p: "never", "queued")
    gate.set()
    r.shutdown()
    assert unico_threads() == []
    assert queued.state == "cancelled"
    assert running.done
    with pytest.raises(RuntimeError):
        r.submit(lambda p: None, "late")


def test_session_writes_run_one_at_a_time_on_one_thread(qtbot, qapp, tmp_path):
    session = WorkspaceSession(tmp_path / "w.db")
    threads, active, overlap = set(), [0], []

    def write(ws, progress, i):
        active[0] += 1
        overlap.append(active[0])
        threads.add(threading.current_thread().name)
        with ws.atomic():
            ws.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (f"k{i}", str(i)))
        active[0] -= 1
        return i

    changed = []
    session.changed.connect(changed.append)
    jobs = [session.write(lambda ws, p, i=i: write(ws, p, i), f"write {i}", changes="test") for i in range(6)]
    with qtbot.waitSignals([j.finished for j in jobs], timeout=10000):
        pass
    try:
        assert [j.result for j in jobs] == list(range(6))
        assert max(overlap) == 1 and len(threads) == 1 and next(iter(threads)).startswith("unico-writer")
        assert session.reader.scalar("SELECT count(*) FROM meta WHERE key LIKE 'k%'") == 6  # reader sees commits
        assert changed == ["test"] * 6
        read = session.read(lambda ws, p: ws.scalar("SELECT value FROM meta WHERE key = 'k5'"), "read")
        with qtbot.waitSignal(read.finished, timeout=5000):
            pass
        assert read.result == "5"
    finally:
        session.close()
    assert unico_threads() == []


def test_reader_connection_cannot_write(qapp, tmp_path):
    session = WorkspaceSession(tmp_path / "w.db")
    try:
        import sqlite3

        with pytest.raises(sqlite3.OperationalError):
            session.reader.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
    finally:
        session.close()
