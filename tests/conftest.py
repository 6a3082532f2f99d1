"""Shared fixtures. Qt runs offscreen; nothing here touches the network."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _shared_dir() -> Path:
    """The read-only reference folder: $UNICO_SHARED, else ../shared beside the checkout, else the
    workplace's /work/shared (a clean clone elsewhere still finds the benchmark data)."""
    for candidate in (os.environ.get("UNICO_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and (Path(candidate) / "benchmarks").is_dir():
            return Path(candidate)
    return ROOT.parent / "shared"


SHARED = _shared_dir()
sys.path.insert(0, str(ROOT))


@pytest.fixture
def ws(tmp_path):
    """A fresh, empty workspace file."""
    from app.core.workspace import Workspace

    w = Workspace(tmp_path / "test.db")
    yield w
    w.close()


@pytest.fixture
def benchmarks_dir() -> Path:
    """../shared/benchmarks (FEBRL, fake_1000); tests needing it skip with a reason when absent."""
    path = SHARED / "benchmarks"
    if not path.is_dir():
        pytest.skip(f"benchmark data not found at {path}")
    return path
