"""The one background-job API of the GUI: core functions on worker threads, results on the GUI thread.

A core function takes a ``Progress`` (app.core.jobs); here it runs on a thread pool and its
progress, result, failure or cancellation come back as Qt signals of a ``Job``, always emitted on
the GUI thread (the worker only posts to the job; the job re-emits), so any slot is safe.

* ``JobRunner``: a pool of N threads (N = 1 makes it a serial executor). ``submit(call, label,
  key=…)``: a new job with the key of a running one cancels it and drops its result
  (cancel-and-replace, for superseded searches and rematches). ``shutdown()`` cancels everything
  and joins the threads, so no thread outlives the window.
* ``WorkspaceSession``: one open workspace. All writes go through ``write()`` — one serial executor
  that owns the writing ``Workspace`` (the single writer). ``read()`` runs long reads on their own
  read-only connections; ``reader`` is a read-only connection for quick queries on the GUI thread.
"""
from __future__ import annotations

import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from app.core.errors import Cancelled, UnicoError
from app.core.jobs import Progress
from app.core.workspace import Workspace

THREAD_PREFIX = "unico-"


@dataclass
class JobFailure:
    """Why a job failed: the exception and its traceback (shown as the error dialog's details)."""

    exception: BaseException
    details: str

    @property
    def expected(self) -> bool:
        """A UnicoError is a message for the user; anything else is a bug worth reporting."""
        return isinstance(self.exception, UnicoError)


class Job(QObject):
    """One submitted call. Signals are emitted on the GUI thread, ``finished`` always last."""

    started = Signal()
    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)  # JobFailure
    cancelled = Signal()
    finished = Signal()

    _relay = Signal(str, object)  # worker thread → this object's (GUI) thread

    def __init__(self, label: str, key: str | None, *, quiet: bool, show_errors: bool):
        super().__init__()
        self.label, self.key, self.quiet, self.show_errors = label, key, quiet, show_errors
        self.state = "queued"  # queued, running, succeeded, failed, cancelled
        self.fraction, self.message = 0.0, ""
        self.result: Any = None
        self.failure: JobFailure | None = None
        self.superseded = False
        self.progress = Progress(lambda f, m: self._relay.emit("progress", (f, m)))
        self._relay.connect(self._on_relay, Qt.ConnectionType.QueuedConnection)

    @property
    def done(self) -> bool:
        return self.state in ("succeeded", "failed", "cancelled")

    def cancel(self) -> None:
        self.progress.cancel()

    def _on_relay(self, what: str, payload: Any) -> None:
        if self.done:
            return
        if what == "progress":
            self.fraction, self.message = payload
            self.progressed.emit(*payload)
        elif what == "started":
            self.state = "running"
            self.started.emit()
        else:
            self._finish(what, payload)

    def _finish(self, outcome: str, payload: Any) -> None:
        if outcome == "succeeded" and self.superseded:
            outcome = "cancelled"  # a replaced job's result is stale: drop it
        self.state = outcome
        if outcome == "succeeded":
            self.result = payload
            self.succeeded.emit(payload)
        elif outcome == "failed":
            self.failure = payload
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.finished.emit()


def _execute(job: Job, call: Callable[[Progress], Any]) -> None:
    """Runs on a worker thread: touches no widget, only posts to the job."""
    if job.progress.cancelled:
        job._relay.emit("cancelled", None)
        return
    job._relay.emit("started", None)
    try:
        result = call(job.progress)
    except Cancelled:
        job._relay.emit("cancelled", None)
    except BaseException as e:  # noqa: BLE001 - every failure goes to the GUI, none is lost
        job._relay.emit("failed", JobFailure(e, traceback.format_exc()))
    else:
        job._relay.emit("succeeded", result)


class JobRunner(QObject):
    """Runs calls ``call(progress)`` on `workers` threads named unico-<name>-N."""

    job_submitted = Signal(object)

    def __init__(self, workers: int, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix=f"{THREAD_PREFIX}{name}")
        self._jobs: set[Job] = set()
        self._by_key: dict[str, Job] = {}
        self._closed = False

    def submit(self, call: Callable[[Progress], Any], label: str, *, key: str | None = None,
               quiet: bool = False, show_errors: bool = True) -> Job:
        if self._closed:
            raise RuntimeError(f"job runner {self.name} is shut down")
        if key is not None and key in self._by_key:
            old = self._by_key[key]
            old.superseded = True
            old.cancel()
        job = Job(label, key, quiet=quiet, show_errors=show_errors)
        self._jobs.add(job)
        if key is not None:
            self._by_key[key] = job
        job.finished.connect(lambda: self._forget(job))
        self._executor.submit(_execute, job, call)
        self.job_submitted.emit(job)
        return job

    def _forget(self, job: Job) -> None:
        self._jobs.discard(job)
        if job.key is not None and self._by_key.get(job.key) is job:
            del self._by_key[job.key]

    @property
    def jobs(self) -> list[Job]:
        return [j for j in self._jobs if not j.done]

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def shutdown(self) -> None:
        """Cancel every job, wait for the threads to end; jobs that never ran end as cancelled."""
        if self._closed:
            return
        self._closed = True
        self.cancel_all()
        self._executor.shutdown(wait=True, cancel_futures=True)
        for job in list(self._jobs):
            if not job.done:
                job._finish("cancelled", None)


class WorkspaceSession(QObject):
    """An open workspace: the single writer, background readers and a GUI-thread read connection."""

    changed = Signal(str)  # emitted after a successful write, with what it was about

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._write_ws = Workspace(self.path)  # creates and migrates; then used by the writer only
        try:
            self.reader = Workspace(self.path, readonly=True)
        except BaseException:
            self._write_ws.close()
            raise
        self.writer = JobRunner(1, "writer", self)
        self.readers = JobRunner(2, "reader", self)
        self._closed = False

    @property
    def name(self) -> str:
        return self.reader.name

    def write(self, fn: Callable[[Workspace, Progress], Any], label: str, *, key: str | None = None,
              changes: str = "data", quiet: bool = False) -> Job:
        """Queue `fn(ws, progress)` on the writer; `changed(changes)` follows its success."""
        ws = self._write_ws
        job = self.writer.submit(lambda p: fn(ws, p), label, key=key, quiet=quiet)
        job.succeeded.connect(lambda _result: self.changed.emit(changes))
        return job

    def read(self, fn: Callable[[Workspace, Progress], Any], label: str, *, key: str | None = None,
             quiet: bool = True) -> Job:
        """Run `fn(ws, progress)` on a reader thread with its own read-only connection."""
        path = self.path

        def call(progress: Progress) -> Any:
            with Workspace(path, readonly=True) as ws:
                return fn(ws, progress)

        return self.readers.submit(call, label, key=key, quiet=quiet)

    @property
    def runners(self) -> tuple[JobRunner, JobRunner]:
        return self.writer, self.readers

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.readers.shutdown()
        self.writer.shutdown()
        self._write_ws.close()
        self.reader.close()
