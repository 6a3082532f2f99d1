"""File ▸ Export: profiles to CSV/Excel read back, an email tool's files with the counts on screen,
the membership file, a cancel that leaves no file, and the summary translated."""
from __future__ import annotations

import csv
import threading
from datetime import date

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel

from app.core.workspace import Workspace
from app.gui import export_dialog
from app.gui.export_dialog import email_folder
from tests.gui.data import PEOPLE, build_workspace


@pytest.fixture
def window(make_window, tmp_path):
    ids = build_workspace(tmp_path / "w.db")
    with Workspace(tmp_path / "w.db") as ws, ws.atomic():
        # Marco opts in after his refusal (exported); Anna never said anything and bought nothing
        # (left out for consent); Giulia's refusal stands (suppressed).
        ws.execute("UPDATE records SET email_consent = 'opt_in', email_consent_at = '2026-02-01T00:00:00+00:00' "
                   "WHERE source_record_id = '1002'")
        ws.execute("UPDATE records SET email_consent = 'unknown', email_consent_at = NULL "
                   "WHERE source_record_id IN ('C003', '1003')")
    w = make_window()
    w.open_workspace(tmp_path / "w.db")
    w.ids = ids
    return w


def _labels(dialog) -> list[str]:
    return [w.text() for w in dialog.findChildren(QLabel) if w.text()]


def test_profiles_export_to_csv_and_excel_reads_back(window, qtbot, tmp_path):
    target = tmp_path / "out" / "profili.csv"
    target.parent.mkdir()
    dialog = window.menu_export.export_profiles(target)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=10000)
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["profile_id"]) for r in rows] == window.ids["profiles"]
    assert [(r["first_name"], r["last_name"], r["email"]) for r in rows] == [p[:3] for p in PEOPLE]
    giulia = rows[0]
    assert float(giulia["store_revenue"]) == 1354.56 and float(giulia["online_shop_revenue"]) == 35.5
    assert "3 profiles written to" in dialog.status.text() and dialog.open_button.isVisible()
    dialog.close()

    from python_calamine import CalamineWorkbook

    book = tmp_path / "out" / "profili.xlsx"
    dialog = window.menu_export.export_profiles(book)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=10000)
    sheet = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Profiles").to_python()
    assert sheet[0][:4] == ["profile_id", "display_name", "first_name", "last_name"]
    assert [row[2] for row in sheet[1:]] == [p[0] for p in PEOPLE]
    dialog.close()


def test_email_tool_export_writes_its_files_and_shows_the_counts(window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "liste"
    folder.mkdir()
    dialog = window.menu_export.export_email_list("mailchimp", folder)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=10000)
    subscribed = folder / "subscribed_members_export_unico.csv"
    with subscribed.open(encoding="utf-8", newline="") as f:
        assert [r["Email Address"] for r in csv.DictReader(f)] == ["marco.rossi@example.it"]
    assert (folder / "README.txt").exists() and (folder / "unsubscribed_members_export_unico.csv").exists()
    shown = dict((label, n) for n, label in (
        (dialog.counts.itemAtPosition(i, 0).widget().text(), dialog.counts.itemAtPosition(i, 1).widget().text())
        for i in range(dialog.counts.rowCount()) if dialog.counts.itemAtPosition(i, 0)))
    assert shown["Exported"] == "1" and shown["Suppressed (unsubscribed, bounced or blocked)"] == "1"
    assert shown["Left out: no consent for the channel"] == "1" and shown["Profiles"] == "3"
    assert "subscribed_members_export_unico.csv: 1 row" in dialog.details.text()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog.open_button.click()
    assert opened == [str(folder)]
    dialog.close()
    # the same folder again: it holds files now, so the export goes into a new folder inside it
    again = email_folder(folder, "mailchimp", date(2026, 11, 25))
    assert again == folder / "mailchimp-2026-11-25" and email_folder(tmp_path / "new", "brevo") == tmp_path / "new"


def test_membership_export(window, qtbot, tmp_path):
    target = tmp_path / "membership.csv"
    dialog = window.menu_export.export_members(target)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=10000)
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(window.ids["records"]) and {"source", "source_record_id", "profile_id"} <= set(rows[0])
    assert {r["profile_id"] for r in rows} == {str(p) for p in window.ids["profiles"]}
    assert "6 records written to" in dialog.status.text()
    assert not list(tmp_path.glob("*.part"))
    dialog.close()


@pytest.mark.parametrize("how", ["cancel", "close"])
def test_cancel_in_the_middle_of_the_write_leaves_no_file(window, qtbot, tmp_path, monkeypatch, how):
    """The export stops inside its write (the .part file exists) until the user has pressed Cancel
    (or closed the dialog)."""
    writing, cancelled = threading.Event(), threading.Event()
    seen: dict[str, bool] = {}
    real = export_dialog.export_profiles
    target = tmp_path / "profiles.csv"

    def held(ws, path, progress):
        def update(fraction=None, message=None, *, force=False):
            if not writing.is_set():
                seen["part"] = target.with_name(target.name + ".part").exists()
                writing.set()
                cancelled.wait(10)
            type(progress).update(progress, fraction, message, force=force)

        progress.update = update
        return real(ws, path, progress=progress)

    monkeypatch.setattr(export_dialog, "export_profiles", held)
    dialog = window.menu_export.export_profiles(target)
    qtbot.waitUntil(writing.is_set, timeout=10000)
    assert dialog.close_button.text() == "Cancel"
    job = dialog.job
    if how == "cancel":
        dialog.close_button.click()
    else:
        dialog.close()
    cancelled.set()
    qtbot.waitUntil(lambda: job.done, timeout=10000)
    assert job.state == "cancelled" and seen["part"] is True  # the cancel came while the file was being written
    assert not target.exists() and list(tmp_path.glob("profiles*")) == []
    if how == "cancel":
        assert dialog.status.text() == "Export cancelled: no file was written." and not dialog.open_button.isVisible()
        dialog.close()


def test_an_export_error_is_shown_in_the_users_language(window, qtbot, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "old.csv").write_text("x")
    window.translations.switch("it")
    dialog = window.menu_export.export_email_list("brevo", tmp_path / "full")  # not new or empty: refused
    qtbot.waitUntil(lambda: dialog.state == "failed", timeout=10000)
    from PySide6.QtWidgets import QMessageBox

    box = dialog.findChildren(QMessageBox)[0]
    assert "contiene già dei file; scegli una cartella nuova o vuota" in box.text()
    assert dialog.status.text() == "L’esportazione non è riuscita: nessun file è stato scritto."
    assert (tmp_path / "full" / "old.csv").read_text() == "x" and len(list((tmp_path / "full").iterdir())) == 1
    box.close()
    dialog.close()


def test_export_menu_follows_the_workspace(make_window, tmp_path):
    window = make_window()
    assert not window.menu_export.isEnabled()
    build_workspace(tmp_path / "w.db")
    window.open_workspace(tmp_path / "w.db")
    assert window.menu_export.isEnabled()
    assert [a.text() for a in window.menu_export.actions() if a.text()] == [
        "Customer &profiles (CSV/Excel)…", "List for Mailchimp…", "List for Klaviyo…", "List for Brevo…",
        "Matching &membership (CSV)…"]
    assert window.menu_export.act_profiles in window.actions()
