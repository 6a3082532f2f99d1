"""Undo and redo of every kind of decision restore exactly the profiles and memberships tables
(ids, timestamps and golden records included); stack semantics; fallbacks; the erasure barrier."""
from __future__ import annotations

import pytest
from test_match_service import shop_rows, till_rows
from test_match_support import add_source, people, profile_of, same_profile
from test_profiles_support import snapshot

from app.core.errors import UsageError
from app.core.matching import decide, review_queue, run_match
from app.core.matching.store import record_id
from app.core.profiles import service


@pytest.fixture
def queued(ws):
    """60 people at the till, 30 of them also at the shop; every duplicate waits for review."""
    persons = people(60, seed=5)
    add_source(ws, "till", till_rows(persons))
    add_source(ws, "shop", shop_rows(persons[:30]))
    run_match(ws, auto_threshold=1.0, review_threshold=0.5)
    pairs = {(p.a_ref, p.b_ref): p.pair_id for p in review_queue(ws, limit=100)}
    assert len(pairs) == 30
    return ws, persons, pairs


@pytest.fixture
def matched(ws):
    persons = people(60, seed=5)
    add_source(ws, "till", till_rows(persons))
    add_source(ws, "shop", shop_rows(persons[:30]))
    return ws, persons


def check_undo_redo(ws, act) -> None:
    """Act, then undo → the state before; redo → the state after; undo again → before."""
    before = snapshot(ws)
    act()
    after = snapshot(ws)
    assert after != before
    result = service.undo(ws)
    assert result.exact and snapshot(ws) == before
    again = service.redo(ws)
    assert again.exact and snapshot(ws) == after
    service.undo(ws)
    assert snapshot(ws) == before


def test_accept_and_its_undo(queued):
    ws, _, pairs = queued
    check_undo_redo(ws, lambda: decide(ws, pairs[("till:C003", "shop:S003")], "accept"))
    assert not same_profile(ws, "till:C003", "shop:S003")
    assert ws.scalar("SELECT band FROM pairs WHERE id = ?", (pairs[("till:C003", "shop:S003")],)) == "review"


def test_reject_and_its_undo(queued):
    ws, _, pairs = queued
    pair = pairs[("till:C002", "shop:S002")]
    before = snapshot(ws)
    decide(ws, pair, "reject")  # the records were apart already: only the queue changes
    assert snapshot(ws) == before and ws.scalar("SELECT band FROM pairs WHERE id = ?", (pair,)) == "low"
    assert service.undo(ws).exact and snapshot(ws) == before
    assert ws.scalar("SELECT band FROM pairs WHERE id = ?", (pair,)) == "review"
    assert pair in [p.pair_id for p in review_queue(ws, limit=100)]
    service.redo(ws)
    assert ws.scalar("SELECT band FROM pairs WHERE id = ?", (pair,)) == "low"


def test_a_reject_that_splits_a_profile_and_its_undo(matched):
    ws, _ = matched
    run_match(ws)
    assert same_profile(ws, "till:C004", "shop:S004")
    pair = ws.scalar("SELECT p.id FROM pairs p WHERE p.a = ? AND p.b = ?",
                     tuple(sorted((record_id(ws, "till:C004"), record_id(ws, "shop:S004")))))
    check_undo_redo(ws, lambda: decide(ws, pair, "reject"))


def test_manual_merge_and_its_undo(queued):
    ws, _, _ = queued
    a, b = profile_of(ws, "till:C010"), profile_of(ws, "till:C011")
    check_undo_redo(ws, lambda: service.merge_profiles(ws, a, b))


def test_unmerge_and_its_undo(matched):
    ws, _ = matched
    run_match(ws)
    check_undo_redo(ws, lambda: service.unmerge(ws, "shop:S005"))


def test_a_match_run_is_one_step(matched):
    ws, persons = matched
    empty = snapshot(ws)
    run_match(ws)
    first = snapshot(ws)
    add_source(ws, "shop2", [{**r, "id": f"N{i}"} for i, r in enumerate(shop_rows(persons[40:50], start=40))])
    run = run_match(ws)
    assert run.mode == "incremental" and run.auto_merged >= 8
    second = snapshot(ws)
    undone = service.undo(ws)
    assert undone.exact and undone.step.kind == "auto_merge" and undone.step.n == run.auto_merged
    assert snapshot(ws) == first
    service.redo(ws)
    assert snapshot(ws) == second
    service.undo(ws)
    service.undo(ws)
    assert snapshot(ws) == empty


def test_undoing_a_match_run_sends_its_links_to_review(matched):
    ws, _ = matched
    run = run_match(ws)
    service.undo(ws)
    assert ws.scalar("SELECT count(*) FROM pairs WHERE band = 'auto'") == 0
    assert len(review_queue(ws, limit=100)) == run.auto_merged
    service.redo(ws)
    assert ws.scalar("SELECT count(*) FROM pairs WHERE band = 'auto'") == run.auto_merged
    assert review_queue(ws, limit=100) == []


def test_stack_order_and_a_new_decision_ends_redo(queued):
    ws, _, pairs = queued
    states = [snapshot(ws)]
    for i in (1, 2, 3):
        decide(ws, pairs[(f"till:C00{i}", f"shop:S00{i}")], "accept")
        states.append(snapshot(ws))
    assert service.undo_description(ws) == "accept till:C003 ↔ shop:S003"
    service.undo(ws)
    service.undo(ws)
    assert snapshot(ws) == states[1]
    assert service.redo_description(ws) == "accept till:C002 ↔ shop:S002"
    service.redo(ws)
    assert snapshot(ws) == states[2] and service.can_redo(ws)
    decide(ws, pairs[("till:C005", "shop:S005")], "reject")
    assert not service.can_redo(ws)
    with pytest.raises(UsageError, match="nothing to redo"):
        service.redo(ws)
    undone = [s for s in service.history(ws) if s.undone]
    assert [s.a_ref for s in undone] == ["till:C003"]  # the log keeps it, marked undone


def test_nothing_to_undo(ws):
    assert not service.can_undo(ws) and service.undo_description(ws) is None
    with pytest.raises(UsageError, match="nothing to undo"):
        service.undo(ws)


def test_undo_falls_back_to_reclustering_when_the_profiles_changed_since(queued):
    ws, _, pairs = queued
    decide(ws, pairs[("till:C007", "shop:S007")], "accept")
    merged = profile_of(ws, "till:C007")
    with ws.atomic():  # something outside the log moved the shop record
        ws.execute("INSERT INTO profiles(id, created_at, updated_at) VALUES (999, 'x', 'x')")
        ws.execute("UPDATE memberships SET profile_id = 999 WHERE record_id = ?", (record_id(ws, "shop:S007"),))
    result = service.undo(ws)
    assert not result.exact and "reclustered instead" in result.message
    assert not same_profile(ws, "till:C007", "shop:S007")  # the accept is out of force
    assert profile_of(ws, "till:C007") == merged


def test_erasure_is_final_and_closes_the_history(queued):
    ws, _, pairs = queued
    decide(ws, pairs[("till:C001", "shop:S001")], "accept")
    service.forget(ws, profile_of(ws, "till:C020"))
    assert not service.can_undo(ws)
    with pytest.raises(UsageError, match="erasure, which is final"):
        service.undo(ws)
    assert ws.scalar("SELECT count(*) FROM decision_changes") == 0


def test_undo_after_a_rebuild_renumbered_the_pairs(queued):
    ws, _, pairs = queued
    before = snapshot(ws)
    decide(ws, pairs[("till:C008", "shop:S008")], "accept")
    run_match(ws, rebuild=True, auto_threshold=1.0, review_threshold=0.5)
    assert ws.scalar("SELECT count(*) FROM decisions WHERE kind = 'auto_merge'") == 0  # the rebuild is no step
    assert service.undo(ws).exact and snapshot(ws) == before
    a, b = record_id(ws, "till:C008"), record_id(ws, "shop:S008")
    assert ws.scalar("SELECT band FROM pairs WHERE a = ? AND b = ?", (min(a, b), max(a, b))) == "review"
