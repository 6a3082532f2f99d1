"""The Review screen driven from the keyboard: A accept, R reject, S skip, arrows, filters, batch."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.workspace import Workspace
from app.gui.review_pair import pair_rows
from tests.gui.data import REVIEW_PAIRS, add_review_pairs, build_workspace


@pytest.fixture
def review(make_window, qtbot, tmp_path):
    path = tmp_path / "w.db"
    ids = build_workspace(path)
    pair_ids = add_review_pairs(path, ids)
    window = make_window()
    window.open_workspace(path)
    screen = window.show_screen("review")
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: screen.current is not None, timeout=5000)
    return window, screen, path, pair_ids


def decisions(path) -> list[tuple[str, str, str]]:
    with Workspace(path, readonly=True) as ws:
        return [tuple(r) for r in ws.query("SELECT kind, a_ref, b_ref FROM decisions WHERE actor = 'steward' ORDER BY id")]


def wait_written(qtbot, screen):
    qtbot.waitUntil(lambda: not screen.pending and not screen.session.writer.jobs, timeout=5000)


def test_pairs_show_side_by_side_with_differences_and_evidence(review):
    window, screen, path, pair_ids = review
    assert screen.left_label.text() == "4 left"
    data = screen.current
    assert data.pair.pair_id == pair_ids[REVIEW_PAIRS[0][:2]]  # most informative first (priority)
    assert {data.left["ref"], data.right["ref"]} == {"till:C001", "till:C002"}
    rows = {r["field"]: r for r in pair_rows(data)}
    assert rows["first_name"]["differs"] and rows["first_name"]["weight"] < 0
    assert rows["email"]["weight"] > 0 and rows["email"]["left"] == "giulia.bianchi@example.it"
    assert "last_name" in rows and rows["last_name"]["weight"] is None  # shown, no evidence
    table = screen.view.table
    assert table.rowCount() == len(rows)
    assert screen.view.probability.text() == "Same person: 90.0\u00a0% likely"
    assert table.horizontalHeaderItem(1).text() == f"{data.left['source']} · Store"
    assert screen.view.records.text() == f"{data.left['ref']}   ↔   {data.right['ref']}"


def test_keyboard_accept_reject_skip_and_arrows(review, qtbot):
    window, screen, path, pair_ids = review
    first = screen.current.pair.pair_id
    qtbot.keyClick(screen, Qt.Key.Key_A)
    second = screen.current.pair.pair_id  # on screen before the writer has even started
    assert second != first and screen.left_label.text() == "3 left"
    qtbot.keyClick(screen, Qt.Key.Key_R)
    third = screen.current.pair.pair_id
    qtbot.keyClick(screen, Qt.Key.Key_Right)
    assert screen.current.pair.pair_id != third
    qtbot.keyClick(screen, Qt.Key.Key_Left)
    assert screen.current.pair.pair_id == third
    qtbot.keyClick(screen, Qt.Key.Key_S)
    assert screen.left_label.text() == "2 left"  # a skipped pair stays in the queue
    wait_written(qtbot, screen)
    assert decisions(path) == [("accept", "till:C001", "till:C002"), ("reject", "till:C002", "till:C003")]
    with Workspace(path, readonly=True) as ws:
        same = ws.scalar("SELECT count(DISTINCT profile_id) FROM memberships m JOIN records r ON r.id = m.record_id "
                         "JOIN sources s ON s.id = r.source_id WHERE s.name || ':' || r.source_record_id "
                         "IN ('till:C001', 'till:C002')")
        assert same == 1  # accepted: one person now
        assert ws.scalar("SELECT band FROM pairs WHERE id = ?", (first,)) == "auto"


def test_filter_by_probability_and_batch_accept(review, qtbot):
    window, screen, path, pair_ids = review
    screen.min_p.setValue(0.75)
    screen._filters_changed()
    qtbot.waitUntil(lambda: screen.current is not None and screen.remaining == 2, timeout=5000)
    assert all(d.pair.probability >= 0.75 for d in screen.pairs)
    screen.min_p.setValue(0.0)
    screen._filters_changed()
    qtbot.waitUntil(lambda: screen.remaining == 4, timeout=5000)
    screen.batch_p.setValue(0.65)
    counting = screen.batch_accept(confirmed=True)
    with qtbot.waitSignal(counting.finished, timeout=10000):
        pass
    assert counting.result == 3  # the count the user is asked to confirm
    with qtbot.waitSignal(screen.batch_job.finished, timeout=10000):
        pass
    assert screen.batch_job.result == 3
    qtbot.waitUntil(lambda: screen.remaining == 1, timeout=5000)
    assert screen.current.pair.probability == pytest.approx(0.6)
    assert [d[0] for d in decisions(path)] == ["accept"] * 3


def test_empty_queue_says_so(make_window, qtbot, tmp_path):
    build_workspace(tmp_path / "w.db")
    window = make_window()
    window.open_workspace(tmp_path / "w.db")
    screen = window.show_screen("review")
    qtbot.waitUntil(lambda: screen.fetch_job.done, timeout=5000)
    assert screen.current is None and screen.left_label.text() == "0 left"
    assert screen.empty.text().startswith("Nothing to review")
    assert not screen.act_accept.isEnabled()


def test_undo_and_redo_a_review_decision(review, qtbot):
    window, screen, path, pair_ids = review
    first = screen.current.pair.pair_id
    qtbot.keyClick(screen, Qt.Key.Key_A)
    wait_written(qtbot, screen)
    qtbot.waitUntil(lambda: "accept till:C001" in window.act_undo.toolTip(), timeout=5000)
    qtbot.keyClick(screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Edit ▸ Undo
    qtbot.waitUntil(lambda: screen.current is not None and screen.current.pair.pair_id == first, timeout=5000)
    assert screen.left_label.text() == "4 left"  # the pair is back in the queue, first again
    with Workspace(path, readonly=True) as ws:
        assert ws.scalar("SELECT undone FROM decisions WHERE kind = 'accept'") == 1
        assert ws.scalar("SELECT band FROM pairs WHERE id = ?", (first,)) == "review"
    qtbot.waitUntil(lambda: window.act_redo.isEnabled(), timeout=5000)
    qtbot.keyClick(screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: screen.remaining == 3, timeout=5000)
    with Workspace(path, readonly=True) as ws:
        assert ws.scalar("SELECT undone FROM decisions WHERE kind = 'accept'") == 0


def test_a_decision_that_fails_brings_the_pair_back(review, qtbot, monkeypatch):
    from app.core.errors import UsageError

    window, screen, path, pair_ids = review

    def refuse(ws, pair_id, decision, **kw):
        raise UsageError(f"no pair {pair_id}")

    monkeypatch.setattr("app.gui.review_screen.decide", refuse)
    first = screen.current.pair.pair_id
    qtbot.keyClick(screen, Qt.Key.Key_A)
    assert screen.current.pair.pair_id != first
    qtbot.waitUntil(lambda: screen.current is not None and screen.current.pair.pair_id == first, timeout=5000)
    assert screen.left_label.text() == "4 left"
    boxes = [b for b in window.findChildren(QMessageBox) if b.windowTitle() == "Saving the decision"]
    assert len(boxes) == 1 and boxes[0].text() == f"no pair {first}"
