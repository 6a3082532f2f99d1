"""The progress/cancel protocol shared by every long core operation.

Core functions take a ``progress: Progress`` argument, call ``progress.update(fraction, message)``
now and then and ``progress.check()`` at safe points (which raises Cancelled). The GUI adapts this
to a worker thread and signals; the CLI to a line on stderr; tests pass ``Progress()``.
"""
from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from app.core.errors import Cancelled


class Progress:
    """Plain progress state: thread-safe cancel flag, throttled callback."""

    def __init__(self, callback: Callable[[float, str], None] | None = None, min_interval: float = 0.05):
        self._callback = callback
        self._cancel = threading.Event()
        self._min_interval = min_interval
        self._last = 0.0
        self.fraction = 0.0
        self.message = ""

    def update(self, fraction: float | None = None, message: str | None = None, *, force: bool = False) -> None:
        if fraction is not None:
            self.fraction = max(0.0, min(1.0, fraction))
        if message is not None:
            self.message = message
        self.check()
        now = time.monotonic()
        if self._callback and (force or now - self._last >= self._min_interval):
            self._last = now
            self._callback(self.fraction, self.message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled("cancelled by the user")

    def sub(self, start: float, end: float) -> "SubProgress":
        """A view of this progress mapping 0..1 onto start..end (for steps of a larger job)."""
        return SubProgress(self, start, end)


class SubProgress(Progress):
    def __init__(self, parent: Progress, start: float, end: float):
        super().__init__()
        self._parent, self._start, self._end = parent, start, end

    def update(self, fraction: float | None = None, message: str | None = None, *, force: bool = False) -> None:
        mapped = None if fraction is None else self._start + (self._end - self._start) * max(0.0, min(1.0, fraction))
        self._parent.update(mapped, message, force=force)

    def cancel(self) -> None:
        self._parent.cancel()

    @property
    def cancelled(self) -> bool:
        return self._parent.cancelled

    def check(self) -> None:
        self._parent.check()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk job (an import, a full match): they
    allocate millions of acyclic objects (rows, cells, members) and the collector re-scanning them
    cost up to a third of the CPU. Reference counting still frees them; the collector resumes
    afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
