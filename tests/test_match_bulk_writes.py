"""How a full match writes its results in bulk: review priorities from the new profiles, golden
records refreshed batch by batch through a worker thread, new profiles inserted once and whole."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from app.core.demo import generate_contacts_only
from app.core.importing import plan_import, run_import
from app.core.matching import run_match, store
from app.core.matching.service import review_priority
from app.core.profiles import golden, refresh
from app.core.workspace import Workspace, utcnow

SUMMARY = ", ".join(golden.SUMMARY)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """The demo retailer's four files at 1,500 records, matched: merges and a review queue."""
    folder = tmp_path_factory.mktemp("bulk")
    manifest = generate_contacts_only(folder / "demo", records=1500)
    with Workspace(folder / "w.db") as ws:
        for f in manifest.files:
            run_import(ws, plan_import(str(f.path), ws=ws))
        run_match(ws)
    return folder / "w.db"


@pytest.fixture
def matched(demo_db, tmp_path):
    shutil.copyfile(demo_db, tmp_path / "w.db")
    ws = Workspace(tmp_path / "w.db")
    yield ws
    ws.close()


def _review_priorities(ws) -> np.ndarray:
    rows = ws.query("SELECT p.probability, p.priority, pa.n_records, pb.n_records FROM pairs p "
                    "JOIN memberships ma ON ma.record_id = p.a JOIN profiles pa ON pa.id = ma.profile_id "
                    "JOIN memberships mb ON mb.record_id = p.b JOIN profiles pb ON pb.id = mb.profile_id "
                    "WHERE p.band = 'review'")
    return np.array([tuple(r) for r in rows], np.float64).reshape(-1, 4)


def test_full_match_review_priority_weighs_the_sizes_of_the_new_profiles(matched):
    ws = matched
    arr = _review_priorities(ws)
    assert len(arr) > 5
    assert (arr[:, 2] + arr[:, 3] > 2).any()  # some review pairs touch merged profiles
    assert arr[:, 1] == pytest.approx(review_priority(arr[:, 0], arr[:, 2] + arr[:, 3]))
    assert ws.scalar("SELECT count(*) FROM pairs WHERE band != 'review' AND priority IS NOT NULL") == 0


def test_incremental_match_review_priority_weighs_the_sizes_of_the_new_profiles(tmp_path):
    manifest = generate_contacts_only(tmp_path / "demo", records=1200)
    with Workspace(tmp_path / "w.db") as ws:
        *first, last = manifest.files
        for f in first:
            run_import(ws, plan_import(str(f.path), ws=ws))
        run_match(ws)
        run_import(ws, plan_import(str(last.path), ws=ws))
        assert run_match(ws).mode == "incremental"
        arr = _review_priorities(ws)
        assert len(arr) > 5 and (arr[:, 2] + arr[:, 3] > 2).any()
        assert arr[:, 1] == pytest.approx(review_priority(arr[:, 0], arr[:, 2] + arr[:, 3]))


def test_golden_refresh_in_many_small_batches_gives_the_rows_of_one_batch(matched, monkeypatch):
    ws = matched
    before = ws.query(f"SELECT id, {SUMMARY} FROM profiles ORDER BY id")
    assert len(before) > 20 and all(r["golden"] for r in before)
    with ws.atomic():
        blank = {"n_records": "0", "golden": "'{}'"}
        ws.execute(f"UPDATE profiles SET {', '.join(c + ' = ' + blank.get(c, 'NULL') for c in golden.SUMMARY)}")
    monkeypatch.setattr(refresh, "BATCH", 7)  # several rounds of read, compute and write
    with ws.atomic():
        written = refresh.refresh_profiles(ws, [r["id"] for r in before])
    assert written == len(before)
    assert [tuple(r) for r in ws.query(f"SELECT id, {SUMMARY} FROM profiles ORDER BY id")] == \
        [tuple(r) for r in before]


def test_new_profiles_left_to_the_caller_are_inserted_whole_by_the_refresh(matched):
    ws = matched
    rid, old_pid = ws.query("SELECT record_id, profile_id FROM memberships ORDER BY record_id LIMIT 1")[0]
    pid = store.next_profile_id(ws)
    created: set[int] = set()
    with ws.atomic():
        touched = store.write_memberships(ws, {rid: pid}, utcnow(), created=created)
        assert created == {pid} and pid in touched
        assert ws.scalar("SELECT count(*) FROM profiles WHERE id = ?", (pid,)) == 0
        refresh.refresh_profiles(ws, touched, new=created)
    row = ws.query("SELECT n_records, golden, created_at FROM profiles WHERE id = ?", (pid,))[0]
    assert row["n_records"] == 1 and row["golden"] and row["created_at"]
    assert ws.scalar("SELECT profile_id FROM memberships WHERE record_id = ?", (rid,)) == pid
    assert ws.query("PRAGMA foreign_key_check") == []
    assert old_pid != pid


def test_a_new_profile_never_inserted_fails_the_commit(matched):
    ws = matched
    rid = ws.scalar("SELECT min(record_id) FROM memberships")
    pid = store.next_profile_id(ws)
    with pytest.raises(sqlite3.IntegrityError):
        with ws.atomic():
            store.write_memberships(ws, {rid: pid}, utcnow(), created=set())
    if ws.conn.in_transaction:  # a failed COMMIT leaves the transaction open
        ws.execute("ROLLBACK")
    assert ws.scalar("SELECT profile_id FROM memberships WHERE record_id = ?", (rid,)) != pid
