"""PySide6 6.12.0 drops a reference to True on every Signal.emit(): after a few hundred emits the
interpreter aborts (bool_dealloc). pyproject excludes that release; this test catches a binding
with the same fault."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    bare = Signal()
    loaded = Signal(str, object)


def test_emitting_signals_keeps_reference_counts(qapp):
    e = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        e.bare.emit()
        e.loaded.emit("x", None)
    assert sys.getrefcount(True) - before >= 0
