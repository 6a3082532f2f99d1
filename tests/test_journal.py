"""The undo journal's before images: values noted by triggers and values a caller already knew
(``known``) keep the order in which they were noted, and a capture sees only what happened in it."""
from __future__ import annotations

import pytest

from app.core.matching import run_match
from app.core.profiles import journal
from app.core.workspace import Workspace
from test_match_support import add_source, people, profile_of


@pytest.fixture
def ws(tmp_path):
    with Workspace(tmp_path / "w.db") as ws:
        add_source(ws, "shop", [{**p, "id": i} for i, p in enumerate(people(3, seed=5))])
        run_match(ws)
        yield ws


def _move(ws: Workspace, record: int, profile: int) -> None:
    ws.execute("UPDATE memberships SET profile_id = ? WHERE record_id = ?", (profile, record))


def _ids(ws: Workspace) -> tuple[list[int], list[int]]:
    rows = ws.query("SELECT record_id, profile_id FROM memberships ORDER BY record_id")
    return [r[0] for r in rows], [profile_of(ws, f"shop:{i}") for i in range(3)]


def test_a_value_noted_by_a_trigger_before_a_known_one_wins(ws):
    (r1, _, _), (p1, p2, p3) = _ids(ws)
    with ws.atomic(), journal.capture(ws) as capture:
        _move(ws, r1, p2)  # the trigger notes p1
        with journal.known(ws, {r1: p3}):  # a caller's note comes later: the first old value stays
            _move(ws, r1, p1)
        _move(ws, r1, p3)
        before, after = capture.changes()
    assert before["m"] == {r1: p1} and after["m"] == {r1: p3}


def test_a_known_value_comes_before_later_trigger_rows(ws):
    (r1, _, _), (p1, p2, p3) = _ids(ws)
    with ws.atomic(), journal.capture(ws) as capture:
        with journal.known(ws, {r1: p1}):
            _move(ws, r1, p2)
        _move(ws, r1, p3)  # the trigger notes p2: later than the known p1
        before, after = capture.changes()
    assert before["m"] == {r1: p1} and after["m"] == {r1: p3}


def test_a_capture_opened_after_a_known_note_does_not_see_it(ws):
    (r1, r2, _), (p1, p2, p3) = _ids(ws)
    with ws.atomic(), journal.capture(ws) as outer:
        with journal.known(ws, {r1: p1}):
            _move(ws, r1, p3)
        with journal.capture(ws) as inner:
            _move(ws, r2, p3)
            assert inner.changes()[0]["m"] == {r2: p2}
        assert outer.changes()[0]["m"] == {r1: p1, r2: p2}
    with ws.atomic(), journal.capture(ws) as later:  # the notes went with the journal
        _move(ws, r2, p1)
        assert later.changes()[0]["m"] == {r2: p3}
