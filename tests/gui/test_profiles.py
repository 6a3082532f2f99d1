"""Profiles: the lazy table, search, the profile page and the journey timeline."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.gui.journey import JourneyView
from app.gui.profiles_model import PAGE
from tests.gui.data import build_workspace


def open_profiles(make_window, qtbot, path):
    window = make_window()
    window.open_workspace(path)
    screen = window.show_screen("profiles")
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=5000)
    return window, screen


def test_search_filters_the_table_and_enter_opens_the_profile(make_window, qtbot, tmp_path):
    build_workspace(tmp_path / "w.db")
    window, screen = open_profiles(make_window, qtbot, tmp_path / "w.db")
    assert screen.model.rowCount() == 3
    assert screen.count.text() == "3 profiles"
    names = [screen.model.index(r, 0).data() for r in range(3)]
    assert names == sorted(names)
    qtbot.keyClicks(screen.search, "rossi")
    with qtbot.waitSignal(screen._timer.timeout, timeout=2000):
        pass
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=5000)
    assert screen.model.index(0, 0).data() == "Marco Rossi"
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    page = screen.page
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    assert screen.pages.currentWidget() is page
    assert page.name.text() == "Marco Rossi"
    assert [r["ref"] for r in page.detail.records] == ["shop:1002", "till:C002"]


def test_profile_page_shows_values_with_their_sources_consent_and_history(make_window, qtbot, tmp_path):
    ids = build_workspace(tmp_path / "w.db")
    window, screen = open_profiles(make_window, qtbot, tmp_path / "w.db")
    window.show()
    qtbot.waitExposed(window)
    window.show_profile(ids["profiles"][0])
    page = screen.page
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    golden = {(r["field"], r["value"]): r for r in page.golden_model.rows}
    first = golden[("first_name", "Giulia")]
    assert first["sources"] == "till, shop" and first["rule"] == "most trusted source"
    assert golden[("email", "giulia.bianchi@example.it")]["rule"] == "primary"
    assert ("mobile", "+393331234567") in golden
    consent = {page.consent_model.index(r, 0).data(): page.consent_model.index(r, 1).data()
               for r in range(page.consent_model.rowCount())}
    assert consent == {"till:C001": "Opted in", "shop:1001": "Opted out"}
    assert page.email_box.state.text() == "Opted out"  # a refusal in any source wins (issue 4)
    assert page.email_box.basis.text() == "None: do not contact"
    assert "refusal wins" in page.email_box.reasons.text()
    history = page.history_model
    assert history.rowCount() == 1 and history.index(0, 1).data() == "Automatic merge"
    assert "5 events" in page.summary.text()
    qtbot.keyClick(page.tabs, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert screen.pages.currentIndex() == 0


def test_journey_lanes_markers_range_filter_and_event_details(make_window, qtbot, tmp_path):
    ids = build_workspace(tmp_path / "w.db")
    window, screen = open_profiles(make_window, qtbot, tmp_path / "w.db")
    window.show_profile(ids["profiles"][0])
    page = screen.page
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    journey = page.show_journey()
    assert len(journey.events) == 5  # the anonymous web visit is nobody's journey
    spots = journey.points()
    lanes = sorted({int(p.pos().y()) for p in spots})
    assert lanes == sorted({JourneyView.lane_y(c) for c in ("store", "online_shop", "web")})
    assert {item.name() for item in journey.scatters} == {"Visit / page view", "Added to cart", "Purchase"}
    # the legend names every event type above the lanes, never over an event
    assert {label.text for _, label in journey.legend.items} == {"Visit / page view", "Added to cart", "Purchase"}
    view = journey.plot.getViewBox()
    assert not journey.legend.sceneBoundingRect().intersects(view.sceneBoundingRect())
    purchases = sorted((p for p in spots if journey.events[p.data()]["type"] == "purchase"),
                       key=lambda p: journey.events[p.data()]["amount"])
    assert purchases[0].size() < purchases[-1].size()  # bigger spend, bigger marker
    assert "Purchase" in journey._tip(0, 0, purchases[-1].data()) and "1,234.56" in journey._tip(0, 0, purchases[-1].data())
    assert journey.model.rowCount() == 5
    ts = [e["ts"] for e in journey.events]
    journey.select_range(ts[0] - 1, ts[2] + 1)  # the first three days
    assert [e["type"] for e in journey.model.rows] == ["visit", "cart", "purchase"]
    assert journey.range_label.text().startswith("3 of 5 events")
    journey.show_event(4)  # a click on the last purchase: the range widens to include it
    assert journey.model.rows[journey.table.currentIndex().row()]["amount"] == pytest.approx(1234.56)
    html = journey.detail.toPlainText()
    assert "Row as read from the file" in html and "Scontrino" in html


def test_lazy_model_fetches_pages_only_when_rows_are_shown(make_window, qtbot, tmp_path):
    build_workspace(tmp_path / "w.db", extra_profiles=5000)
    window, screen = open_profiles(make_window, qtbot, tmp_path / "w.db")
    model = screen.model
    assert model.rowCount() == 5003
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: model.pages_fetched >= 1, timeout=2000)  # painted: the first page is read
    fetched = model.pages_fetched
    assert fetched <= 2  # only what is on screen
    screen.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.pages_fetched > fetched, timeout=2000)
    assert model.index(5002, 0).data() == model.row(5002)["display_name"]
    assert model.pages_fetched <= 6 < 5003 / PAGE  # a few pages around what was shown, not all 26


def test_unmerge_merge_and_undo_from_the_profile_page(make_window, qtbot, tmp_path):
    from app.core.workspace import Workspace

    ids = build_workspace(tmp_path / "w.db")
    window, screen = open_profiles(make_window, qtbot, tmp_path / "w.db")
    window.show_profile(ids["profiles"][0])
    page = screen.page
    qtbot.waitUntil(lambda: page.detail is not None and len(page.detail.records) == 2, timeout=5000)
    page.records_view.selectRow([r["ref"] for r in page.records_model.rows].index("shop:1001"))
    job = page.unmerge_selected()
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: page.detail is not None and len(page.detail.records) == 1, timeout=5000)
    assert page.detail.records[0]["ref"] == "till:C001" and page.detail.profile_id == ids["profiles"][0]

    def profile_of(ref):
        with Workspace(tmp_path / "w.db", readonly=True) as ws:
            return ws.scalar("SELECT m.profile_id FROM memberships m JOIN records r ON r.id = m.record_id "
                             "JOIN sources s ON s.id = r.source_id WHERE s.name || ':' || r.source_record_id = ?",
                             (ref,))

    apart = profile_of("shop:1001")
    assert apart != ids["profiles"][0]
    qtbot.waitUntil(lambda: "unmerge shop:1001" in window.act_undo.toolTip(), timeout=5000)
    job = window.undo()
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    assert profile_of("shop:1001") == ids["profiles"][0]  # back as it was
    assert window.statusBar().currentMessage().startswith("Undone: unmerge shop:1001")
    qtbot.waitUntil(lambda: window.act_redo.isEnabled(), timeout=5000)
    job = window.redo()  # the record leaves again
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    apart = profile_of("shop:1001")
    assert apart != ids["profiles"][0]
    job = page.merge_with(apart)  # and the steward merges it back by hand
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    assert job.state == "succeeded", job.failure and job.failure.details
    assert profile_of("shop:1001") == profile_of("till:C001")
    qtbot.waitUntil(lambda: page.detail is not None and len(page.detail.records) == 2, timeout=5000)
    assert page.history_model.index(0, 1).data() == "Merged by hand"
    refused = page.merge_with(ids["profiles"][1])  # Marco is not Giulia: the engine says why
    with qtbot.waitSignal(refused.finished, timeout=10000):
        pass
    assert refused.state == "failed" and "could not be merged" in str(refused.failure.exception)
