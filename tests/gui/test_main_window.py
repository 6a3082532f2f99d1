"""The main window: start-up choices, workspaces, the demo at first start, menus and help."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core.jobs import Progress
from tests.gui.data import build_workspace


def test_start_on_a_workspace_shows_its_name_and_counts(make_window, qtbot, tmp_path, settings):
    build_workspace(tmp_path / "shop.db")
    window = make_window()
    window.start(db=tmp_path / "shop.db")
    assert window.windowTitle() == "shop — Unico"
    assert window.current_screen == "profiles"  # it has data: straight to the customers
    qtbot.waitUntil(lambda: bool(window.counts), timeout=5000)
    assert window.count_label.text() == "shop  ·  3 sources  ·  6 records  ·  6 events  ·  3 profiles  ·  0 pairs to review"
    assert settings.get("workspace/last") == str((tmp_path / "shop.db").resolve())


def test_later_starts_open_the_last_workspace_and_an_empty_one_shows_welcome(make_window, tmp_path, settings):
    settings.remember_workspace(tmp_path / "empty.db")
    (tmp_path / "empty.db").touch()
    window = make_window()
    window.start()
    assert window.session.path == (tmp_path / "empty.db").resolve()
    assert window.current_screen == "welcome"
    assert window.screens["welcome"].workspace_label.text() == "Open workspace: empty"


def test_first_start_builds_the_demo_in_the_background(make_window, qtbot, tmp_path, monkeypatch):
    calls = []

    def fake_build(path: Path, *, progress: Progress, replace: bool) -> Path:
        calls.append((path, replace))
        progress.update(0.5, "Importing till_clienti.csv", force=True)
        build_workspace(path)
        return path

    monkeypatch.setattr("app.core.demo.workspace.build_demo_workspace", fake_build)
    window = make_window(data_dir=tmp_path / "appdata")
    window.start()
    welcome = window.screens["welcome"]
    assert window.current_screen == "welcome" and window.session is None
    assert window.demo_job is not None and welcome.demo_progress.isVisibleTo(welcome)
    assert not welcome.demo_button.isEnabled()
    with qtbot.waitSignal(window.demo_job.finished, timeout=10000):
        pass
    assert calls == [(tmp_path / "appdata" / "demo.db", True)]
    assert window.session is not None and window.session.name == "demo"
    assert welcome.demo_button.isEnabled() and not welcome.demo_progress.isVisibleTo(welcome)
    window.open_demo()  # built already: opens at once, no second build
    assert len(calls) == 1


def test_recent_workspaces_menu(make_window, tmp_path):
    for name in ("a.db", "b.db"):
        build_workspace(tmp_path / name)
    window = make_window()
    window.open_workspace(tmp_path / "a.db")
    window.open_workspace(tmp_path / "b.db")
    window._fill_recent()
    items = [a.text() for a in window.menu_recent.actions()]
    assert items == ["b.db", "a.db"]
    window.menu_recent.actions()[1].trigger()
    assert window.session.name == "a"


def test_new_workspace_from_the_file_menu(make_window, tmp_path, monkeypatch):
    target = tmp_path / "nuovo.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = make_window()
    window.act_new.trigger()
    assert target.exists() and window.session.name == "nuovo"
    assert window.current_screen == "welcome"


def test_a_file_that_is_not_a_workspace_is_refused_clearly(make_window, tmp_path):
    build_workspace(tmp_path / "ok.db")
    bad = tmp_path / "notes.db"
    bad.write_text("not a database")
    window = make_window()
    window.open_workspace(tmp_path / "ok.db")
    assert not window.open_workspace(bad)
    assert window.session.name == "ok"  # the open workspace stays open
    boxes = window.findChildren(QMessageBox)
    assert len(boxes) == 1 and "not a Unico workspace" in boxes[0].text()
    boxes[0].close()


def test_import_needs_an_open_workspace(make_window):
    window = make_window()
    assert window.import_files() is None
    assert "Open or create a workspace first." in [b.text() for b in window.findChildren(QMessageBox)]


def test_menus_shortcuts_and_help(make_window):
    window = make_window()
    keys = {a.objectName(): a.shortcut().toString() for a in window.actions()}
    assert keys["import"] == "Ctrl+I" and keys["screen_profiles"] == "Ctrl+4" and keys["redo"] == "Ctrl+Shift+Z"
    assert "(Ctrl+I)" in window.act_import.toolTip()
    window.screen_actions["review"].trigger()
    assert window.current_screen == "review"
    shortcuts = window.show_shortcuts()
    rows = {shortcuts.table.item(r, 0).text(): shortcuts.table.item(r, 1).text()
            for r in range(shortcuts.table.rowCount())}
    assert rows["Same person"] == "A" and rows["Import files…"] == "Ctrl+I"
    about = window.show_about()
    components = {about.table.item(r, 0).text(): about.table.item(r, 2).text() for r in range(about.table.rowCount())}
    assert "LGPL" in components["PySide6-Essentials"] and components["pyqtgraph"] == "MIT"
    assert "0.1" in about.text.text()
    shortcuts.close()
    about.close()


@pytest.mark.parametrize("lang", ["it", "en"])
def test_settings_dialog_opens_with_stored_values(make_window, settings, lang):
    settings.set("reports/lookback_days", 45)
    window = make_window(lang=lang)
    dialog = window.show_settings()
    assert dialog.lookback.value() == 45
    dialog.close()


def test_status_bar_shows_a_running_job_and_cancels_it(make_window, qtbot):
    import threading

    window = make_window()
    release = threading.Event()

    def slow(progress):
        progress.update(0.25, "step one", force=True)
        release.wait(10)
        progress.check()

    job = window.pool.submit(slow, "Long work")
    qtbot.waitUntil(lambda: job.fraction == 0.25, timeout=5000)
    status = window.job_status
    assert status.isVisibleTo(window) and status.label.text() == "Long work"
    assert status.bar.value() == 250 and status.label.toolTip() == "step one"
    status.cancel_button.click()
    release.set()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert job.state == "cancelled" and not status.isVisibleTo(window)


def test_an_unexpected_error_shows_a_dialog_with_details(make_window, qtbot):
    window = make_window()

    def broken(_progress):
        raise ZeroDivisionError("division by zero")

    job = window.pool.submit(broken, "Broken work")
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    boxes = window.findChildren(QMessageBox)
    assert len(boxes) == 1 and boxes[0].windowTitle() == "Broken work"
    assert boxes[0].text() == "Something went wrong. Nothing was changed by the failed step."
    assert "ZeroDivisionError" in boxes[0].detailedText() and "Traceback" in boxes[0].detailedText()
    boxes[0].close()
