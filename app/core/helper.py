"""The second core: one helper process for CPU-bound work that writes nothing.

Unico's heavy steps are mostly pure Python, so threads share one core (the GIL). A helper process
takes the parts that need no write access — preparing the next file of an import, comparing a full
match's random pairs and half its candidates, computing golden records — while this process keeps
the workspace's only writing connection.

It is *spawned*, not forked (the GUI and the importer hold threads a fork would copy mid-flight),
and starts in the background: a fresh interpreter importing the core takes about half a second.
Callers ask ``ready()``, which never waits: until the helper is up, or if it cannot start or dies,
the work runs in this process as it always did. Both paths give identical results (tested).

``UNICO_HELPER=0`` turns it off; it is never started on a one-core machine. ``UNICO_HELPER=require``
(tests, the frozen build's smoke test) makes a helper that fails an error instead of a fallback.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

IN_FLIGHT = 2  # tasks a caller keeps queued in the helper: one at work, the next ready to start
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_warm: Future | None = None


def enabled() -> bool:
    return os.environ.get("UNICO_HELPER", "1") != "0" and (os.cpu_count() or 1) > 1


def _warm_up() -> int:
    # what the tasks need, imported before the first one arrives (pandas alone is ~0.3 s)
    import app.core.importing.service  # noqa: F401
    import app.core.profiles.golden  # noqa: F401

    return os.getpid()


def start() -> None:
    """Start the helper if it is not running; returns at once."""
    global _pool, _warm
    if not enabled():
        return
    with _lock:
        if _pool is not None:
            return
        try:
            _pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            _warm = _pool.submit(_warm_up)
        except (OSError, RuntimeError, ValueError):  # no processes here (sandbox, interpreter exiting)
            _pool = _warm = None


def _failed(warm: Future) -> bool:
    if not warm.done():
        return False
    error = warm.exception() if not warm.cancelled() else RuntimeError("cancelled")
    if error is not None and os.environ.get("UNICO_HELPER") == "require":
        raise RuntimeError(f"the helper process did not start: {error!r}")
    return error is not None


def ready() -> ProcessPoolExecutor | None:
    """The helper, if it is up and working; else None. Never waits."""
    warm = _warm
    if warm is None or not warm.done() or _failed(warm):
        return None
    return _pool


def started() -> ProcessPoolExecutor | None:
    """The helper if it is up or starting (tasks queue behind its start-up); None if off or failed."""
    warm = _warm
    if warm is None or _failed(warm):
        return None
    return _pool


def wait_ready(timeout: float) -> ProcessPoolExecutor | None:
    """``ready()`` after waiting up to ``timeout`` seconds for a starting helper (tests, benchmarks)."""
    warm = _warm
    if warm is not None:
        try:
            warm.result(timeout)
        except Exception:  # noqa: BLE001 - a helper that cannot start means: run in-process
            pass
    return ready()


def _detach() -> ProcessPoolExecutor | None:
    global _pool, _warm
    with _lock:
        pool, _pool, _warm = _pool, None, None
    return pool


def discard() -> None:
    """Forget a helper that failed (a task died with it): the next ``start()`` spawns a new one."""
    pool = _detach()
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)
    if os.environ.get("UNICO_HELPER") == "require":
        raise RuntimeError("the helper process failed")


def stop() -> None:
    pool = _detach()
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(stop)


class Shared:
    """Items worked on by this thread, from the front, and by the helper, from the back: whoever is
    free takes the next, so neither waits for the other however their speeds differ.

    ``help(submit, done)`` starts a feeder thread that keeps ``IN_FLIGHT`` items queued in the helper
    (``submit(item)`` returns the helper's Future) and hands each answer to ``done(index, result)``.
    This thread calls ``take()`` until it returns None, then iterates ``rest()``: it waits for the
    feeder and yields the items the helper gave back if it died (they are done here after all).
    The last item is left to this thread, so it never waits on the helper for its share (unless
    ``leave`` says otherwise).
    """

    def __init__(self, items: Sequence, *, leave: int = 0):
        """``leave``: the last items are the helper's, not this thread's (it takes none of the last
        ``leave``): where the helper is the faster of the two, this thread's last item would end
        after the helper's."""
        self._todo = deque(enumerate(items))
        self._leave = leave
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: ThreadPoolExecutor | None = None
        self._feeding: Future | None = None

    def take(self) -> tuple[int, Any] | None:
        with self._lock:
            return self._todo.popleft() if len(self._todo) > self._leave else None

    def _take_back(self) -> tuple[int, Any] | None:
        with self._lock:
            return self._todo.pop() if len(self._todo) > (0 if self._leave else 1) else None

    def help(self, submit: Callable[[Any], Future], done: Callable[[int, Any], None], in_flight: int = IN_FLIGHT) -> None:
        """``in_flight=1`` for items long enough that the helper may wait between two, and where
        what it holds queued is what this thread would otherwise wait for at the end."""
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="unico-helper-feed")
        self._feeding = self._thread.submit(self._feed, submit, done, in_flight)

    def _feed(self, submit: Callable[[Any], Future], done: Callable[[int, Any], None], in_flight: int) -> None:
        ahead: deque[tuple[int, Any, Future]] = deque()
        try:
            while not self._stop.is_set():
                if len(ahead) < in_flight and (got := self._take_back()) is not None:
                    ahead.append((*got, submit(got[1])))
                    continue
                if not ahead:
                    return
                i, item, future = ahead[0]
                result = future.result()
                ahead.popleft()
                done(i, result)
        except (BrokenProcessPool, RuntimeError):  # the helper died (or was shut down): give its items back
            discard()
            with self._lock:
                self._todo.extend((i, item) for i, item, _ in ahead)
            ahead.clear()
        finally:
            for _, _, future in ahead:
                future.cancel()

    def rest(self) -> Iterator[tuple[int, Any]]:
        """After ``take()`` ran dry: wait for the helper's share; yield what it could not do."""
        self.close(wait=True)
        while True:
            with self._lock:
                if not self._todo:
                    return
                got = self._todo.popleft()
            yield got

    def close(self, wait: bool = False) -> None:
        """Stop feeding (``wait``: let the items already queued finish and re-raise the feeder's error)."""
        if not wait:
            self._stop.set()
        if self._thread is not None:
            feeding, self._feeding = self._feeding, None
            self._thread.shutdown(wait=True)
            self._thread = None
            if wait and feeding is not None:
                feeding.result()
