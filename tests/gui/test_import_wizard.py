"""The import wizard driven as a user: a file in, the mapping checked and changed, the import run,
the summary and the rejected rows; the Sources screen then shows what came in."""
from __future__ import annotations

import csv
import json
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from app.core.workspace import Workspace
from tests.samples import TILL_RECEIPTS, till_contacts, write_table


@pytest.fixture
def window(make_window, tmp_path):
    w = make_window()
    w.open_workspace(tmp_path / "shop.db")
    return w


def open_wizard(window, qtbot, path):
    wizard = window.import_files([path])
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10000)
    return wizard


def run(wizard, qtbot):
    job = wizard.start_import()
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    return job


def test_import_with_a_remapped_column_then_sources_show_it(window, qtbot, tmp_path):
    path = till_contacts(tmp_path)
    wizard = open_wizard(window, qtbot, path)
    assert wizard.format_name.text() == "Automatic mapping"
    assert wizard.kind.currentData() == "contacts" and wizard.channel.currentData() == "store"
    assert wizard.mapping.rowCount() == len(wizard.plan.headers)
    combo = wizard.mapping.combos["Negozio"]
    assert combo.currentData() == "home_store"
    wizard.remap("Negozio", None)  # the user says: this column is not used
    assert "home_store" not in wizard.plan.mapping
    assert wizard.mapping.combos["Negozio"].currentData() == ""
    wizard.remap("Telefono", "mobile")  # and this one is the mobile phone
    assert wizard.plan.mapping["mobile"] == "Telefono" and "phone" not in wizard.plan.mapping
    assert wizard.preview_model.headerData(wizard.plan.headers.index("Telefono"), 1).endswith("→ Mobile phone")
    wizard.source_name.setText("loyalty")
    job = run(wizard, qtbot)
    assert job.state == "succeeded"
    result = wizard.result
    assert result.source_name == "loyalty" and result.counts["imported"] == 4
    numbers = [wizard.counts_grid.itemAt(i).widget().text() for i in range(wizard.counts_grid.count())]
    assert "4" in numbers
    assert wizard.rejects_title.text() == "Every row could be used."
    with Workspace(tmp_path / "shop.db", readonly=True) as ws:
        mapping = json.loads(ws.scalar("SELECT mapping FROM sources WHERE name = 'loyalty'"))
        assert mapping["mobile"] == "Telefono" and "home_store" not in mapping
    sources = window.show_screen("sources")
    qtbot.waitUntil(lambda: sources.sources_model.rowCount() == 1, timeout=5000)
    row = sources.sources_model.rows[0]
    assert row["name"] == "loyalty" and sources.sources_model.index(0, 2).data() == "Store"
    fields = {sources.mapping_model.index(r, 0).data() for r in range(sources.mapping_model.rowCount())}
    assert "Mobile phone" in fields and "Home store" not in fields
    qtbot.waitUntil(lambda: sources.imports_model.rowCount() == 1, timeout=5000)
    assert sources.imports_model.index(0, 1).data() == path.name


def receipts_with_bad_rows(tmp_path):
    rows = [
        ["01/10/2025", "10:15", "Milano Centro", "1", "0001-0001", "C0001", "", "12,50"],
        ["99/99/2025", "11:30", "Milano Centro", "1", "0001-0002", "", "", "30,00"],
        ["02/10/2025", "09:05", "Monza", "2", "0002-0001", "", "", "7,90"],
        ["ieri", "18:45", "Monza", "2", "0002-0002", "C0003", "", "1.234,56"],
    ]
    return write_table(tmp_path / "scontrini.csv", TILL_RECEIPTS, rows, delimiter=";")


def test_rejected_rows_are_listed_and_saved(window, qtbot, tmp_path):
    wizard = open_wizard(window, qtbot, receipts_with_bad_rows(tmp_path))
    assert wizard.kind.currentData() == "events"
    run(wizard, qtbot)
    assert wizard.result.counts["rejected"] == 2
    qtbot.waitUntil(lambda: wizard.rejects_model.rowCount() == 2, timeout=5000)
    lines = sorted(r["line"] for r in wizard.rejects_model.rows)
    assert lines == [3, 5]
    assert wizard.rejects_title.text() == "2 rows could not be used:"
    saved = wizard.save_rejects(tmp_path / "saved.csv")
    with saved.open(encoding="utf-8") as f:
        got = list(csv.reader(f))
    assert [r[1] for r in got[1:]] == ["3", "5"]
    sources = window.show_screen("sources")
    qtbot.waitUntil(lambda: sources.rejects_model.rowCount() == 2, timeout=5000)
    assert sources.save_rejects_button.isEnabled()


def test_kind_and_channel_overrides_and_cancel(window, qtbot, tmp_path):
    path = till_contacts(tmp_path)
    wizard = open_wizard(window, qtbot, path)
    wizard.channel.setCurrentIndex(wizard.channel.findData("email"))
    wizard._set_channel("email")
    assert wizard.plan.channel == "email"
    wizard.kind.setCurrentIndex(wizard.kind.findData("events"))
    wizard._set_kind("events")
    assert wizard.plan.kind == "events"
    field_choices = {wizard.mapping.combos["Cognome"].itemData(i) for i in range(wizard.mapping.combos["Cognome"].count())}
    assert "amount" in field_choices  # event fields are offered now
    gate = threading.Event()
    window.session.write(lambda ws, p: gate.wait(10), "busy")  # the writer is busy: the import waits
    job = wizard.start_import()
    assert wizard.close_button.text() == "Cancel"
    wizard.cancel_or_close()
    gate.set()
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    assert job.state == "cancelled"
    assert wizard.run_status.text() == "Import cancelled; nothing was written."
    assert wizard.close_button.text() == "Close"
    with Workspace(tmp_path / "shop.db", readonly=True) as ws:
        assert ws.scalar("SELECT count(*) FROM sources") == 0


def test_a_file_that_cannot_be_read_gives_a_clear_message(window, qtbot, tmp_path):
    empty = tmp_path / "vuoto.csv"
    empty.write_bytes(b"")
    wizard = window.import_files([empty])
    with qtbot.waitSignal(wizard.plan_job.finished, timeout=10000):
        pass
    assert wizard.plan is None and wizard.pages.currentIndex() == 0
    boxes = wizard.findChildren(QMessageBox)
    assert len(boxes) == 1 and boxes[0].windowTitle() == "Cannot import this file"
    assert "empty" in boxes[0].text().lower()


def test_drop_files_on_the_window_opens_the_wizard(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    path = till_contacts(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    from app.gui.import_wizard import ImportWizard

    wizards = window.findChildren(ImportWizard)
    assert len(wizards) == 1
    qtbot.waitUntil(lambda: wizards[0].plan is not None, timeout=10000)
    assert wizards[0].plan.file_name == path.name


def test_undo_an_import_from_the_sources_screen(window, qtbot, tmp_path):
    wizard = open_wizard(window, qtbot, till_contacts(tmp_path))
    run(wizard, qtbot)
    wizard.close()
    sources = window.show_screen("sources")
    qtbot.waitUntil(lambda: sources.imports_model.rowCount() == 1, timeout=5000)
    assert sources.undo_button.isEnabled()
    job = sources.undo_selected_import(confirmed=True)
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    assert job.state == "succeeded"
    qtbot.waitUntil(lambda: sources.sources_model.rowCount() == 0, timeout=5000)
    with Workspace(tmp_path / "shop.db", readonly=True) as ws:
        assert ws.scalar("SELECT count(*) FROM records") == 0
