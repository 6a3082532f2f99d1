"""GUI fixtures: a temporary settings file, a main-window factory that fails on leaked threads
and widgets (napari's make_napari_viewer pattern), and translations built once per session."""
from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from app.gui import i18n_build
from app.gui.jobs import THREAD_PREFIX
from app.gui.settings import APPLICATION, ORGANISATION, Settings


@pytest.fixture(scope="session", autouse=True)
def built_translations():
    """`make test` builds them first; building again here keeps a bare `pytest` run honest."""
    return i18n_build.build()


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def unico_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith(THREAD_PREFIX)]


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()  # parentless widgets owned by Python objects (pyqtgraph's menus) go with them
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_window(qapp, qtbot, settings, tmp_path):
    """Build main windows (English unless asked); at teardown close them and check that no thread
    and no top-level widget is left behind."""
    from app.gui.app import build_window, create_application

    create_application()
    qapp.setOrganizationName(ORGANISATION)
    qapp.setApplicationName(APPLICATION)
    flush_deletes()
    before = set(QApplication.topLevelWidgets())
    windows = []

    def factory(*, lang: str = "en", data_dir: Path | None = None):
        window = build_window(settings, lang=lang, data_dir=data_dir or tmp_path / "data")
        window.resize(1280, 800)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.close()
        window.translations.uninstall()
        window.deleteLater()
    windows.clear()  # drop our references so Python-owned widgets can go too
    flush_deletes()
    assert unico_threads() == [], "threads outlived the window"
    leaked = set(QApplication.topLevelWidgets()) - before
    assert leaked == set(), f"widgets outlived the window: {leaked}"
