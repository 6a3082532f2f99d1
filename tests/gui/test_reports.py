"""The Reports screen: contribution, ROPO and identification computed in the background, charted,
tabulated, exported; every column and value the reports write is translated."""
from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app.core.analytics import contribution_report, identification_report, ropo_report
from app.core.analytics import channels as touch_channels
from app.core.analytics.attribution import NO_TOUCH
from app.core.analytics.attributes import DERIVED, breakdown_fields
from app.core.analytics.identification import NO_STORE
from app.core.analytics.journeys import NO_CAMPAIGN
from app.core.analytics.ropo import ALL_GROUP, UNKNOWN_GROUP
from app.core.fields import FIELDS_BY_NAME
from app.core.workspace import Workspace
from app.gui import vocab
from tests.gui.data import build_workspace


def test_every_report_column_and_value_is_marked_for_translation(tmp_path):
    build_workspace(tmp_path / "w.db")
    with Workspace(tmp_path / "w.db", readonly=True) as ws:
        reports = [contribution_report(ws), contribution_report(ws, by="campaign"), ropo_report(ws),
                   identification_report(ws), identification_report(ws, by="month")]
    columns = {str(c) for r in reports for c in r.table.columns}
    assert columns - set(vocab.REPORT_COLUMNS) == set()
    labels = {rule.channel for rule in touch_channels.CHANNEL_RULES} | set(touch_channels.FALLBACK_BY_EVENT_CHANNEL.values())
    specials = {NO_TOUCH, NO_CAMPAIGN, NO_STORE, UNKNOWN_GROUP, ALL_GROUP, "near", "far"}
    assert (labels | specials) - set(vocab.REPORT_VALUES) == set()
    assert [f for f in breakdown_fields() if f not in FIELDS_BY_NAME and f not in vocab.BREAKDOWNS] == []
    assert set(DERIVED) == set(vocab.BREAKDOWNS)


def wait_report(qtbot, screen):
    qtbot.waitUntil(lambda: screen.job is not None and screen.job.done and not screen.timer.isActive(), timeout=20000)
    assert screen.job.state == "succeeded", screen.job.failure and screen.job.failure.details


def test_reports_compute_when_shown_and_follow_their_parameters(make_window, qtbot, tmp_path):
    build_workspace(tmp_path / "w.db")
    window = make_window()
    window.open_workspace(tmp_path / "w.db")
    screen = window.screens["reports"]
    assert screen.job is None  # nothing computed while nobody looks
    window.show()
    window.show_screen("reports")
    wait_report(qtbot, screen)
    page = screen.pages[0]
    view = page.view
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Channel"
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "Purchases credited"
    figures = [view.headline.itemAtPosition(0, i).widget().text() for i in range(4)]
    assert figures[0] == "3"  # Giulia's three purchases, all identified
    assert figures[1] == "€1,390.06"
    rows = {view.model.index(r, 0).data(): view.model.index(r, 1).data() for r in range(view.model.rowCount())}
    assert sum(float(v) for v in rows.values()) == 3.0
    page.model.setCurrentIndex(page.model.findData("linear"))
    screen.timer.timeout.emit()  # as when the user stops changing the parameter
    wait_report(qtbot, screen)
    assert page.report.params["model"] == "linear"

    screen.tabs.setCurrentIndex(1)  # ROPO
    wait_report(qtbot, screen)
    ropo = screen.pages[1]
    assert ropo.report.totals["store_revenue_identified"] == 1354.56
    assert ropo.view.model.headerData(0, Qt.Orientation.Horizontal) == "Group"
    assert "Assisted, not caused" in ropo.view.note.text()

    screen.tabs.setCurrentIndex(2)  # identification
    wait_report(qtbot, screen)
    ident = screen.pages[2]
    assert ident.view.headline.itemAtPosition(0, 0).widget().text() == "100.0\u00a0%"
    assert ident.view.model.index(0, 0).data() == "Milano Centro"


def test_reports_export_chart_and_table(make_window, qtbot, tmp_path):
    build_workspace(tmp_path / "w.db")
    window = make_window(lang="it")
    window.open_workspace(tmp_path / "w.db")
    window.show()
    screen = window.show_screen("reports")
    wait_report(qtbot, screen)
    view = screen.pages[0].view
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "Acquisti attribuiti"
    png = view.export_chart(tmp_path / "chart.png")
    image = QImage(str(png))
    assert image.width() > 100 and image.height() > 100
    table = view.export_table(tmp_path / "table.csv")
    with table.open(encoding="utf-8-sig") as f:
        header = next(csv.reader(f))
    assert header[:3] == ["channel", "conversions", "revenue"]
    assert view.export_table(tmp_path / "table.xlsx").stat().st_size > 0
