"""An import that only adds events to known people, or updates their records, brings their profiles
up to date at once (matching looks at new records only): activity, totals, golden values. Undoing
the import takes it back."""
from __future__ import annotations

import pytest
from samples import TILL_CONTACTS, till_contacts, till_receipts, write_table

from app.core.importing import plan_import, run_import
from app.core.importing.history import undo_import
from app.core.matching import run_match
from app.core.profiles.bulk import iter_profile_exports
from test_match_support import profile_of


@pytest.fixture
def matched(ws, tmp_path):
    run_import(ws, plan_import(till_contacts(tmp_path), ws=ws))
    run_match(ws)
    return {key: profile_of(ws, f"till_clienti:{key}") for key in ("C0001", "C0002", "C0003", "C0004")}


def _summary(ws, pid: int) -> tuple:
    return tuple(ws.query("SELECT first_activity, last_activity, n_records, email FROM profiles WHERE id = ?",
                          (pid,))[0])


def test_receipts_of_known_cards_update_their_profiles_without_matching(ws, tmp_path, matched):
    mario, anna = matched["C0001"], matched["C0003"]
    assert _summary(ws, mario)[:2] == (None, None)
    result = run_import(ws, plan_import(till_receipts(tmp_path), ws=ws))
    assert result.counts["events"] == 5 and result.profiles_refreshed == 3  # Mario, Nicolò, Anna
    assert _summary(ws, mario)[:3] == ("2025-10-01T08:15:00+00:00", "2025-10-01T08:15:00+00:00", 1)
    assert _summary(ws, anna)[1] == "2025-10-15T16:45:00+00:00"
    totals = {p.profile_id: p.totals_by_channel for p in iter_profile_exports(ws, profile_ids=[mario, anna])}
    assert totals[mario] == {"store": {"purchases": 1, "revenue": 12.5}}
    assert totals[anna] == {"store": {"purchases": 1, "revenue": 1234.56}}
    assert run_match(ws).mode == "incremental"  # the match that follows still only looks at the new identity
    assert _summary(ws, mario)[1] == "2025-10-01T08:15:00+00:00"
    undo_import(ws, result.import_id)
    assert _summary(ws, mario)[:2] == (None, None)


def test_an_updated_contact_row_updates_its_golden_record(ws, tmp_path, matched):
    luca = matched["C0004"]
    assert _summary(ws, luca)[3] == "luca.f@libero.it"
    newer = tmp_path / "newer"
    newer.mkdir()
    path = till_contacts(newer)
    rows = [r.split(";") for r in path.read_text(encoding="cp1252").splitlines()[1:]]
    rows = [[c.replace("luca.f@libero.it", "luca.ferrari@libero.it") for c in r] for r in rows]
    write_table(path, TILL_CONTACTS, rows, delimiter=";", encoding="cp1252")
    result = run_import(ws, plan_import(path, ws=ws, source="till_clienti"))
    assert result.counts["updated"] == 1 and result.profiles_refreshed == 1
    assert _summary(ws, luca)[3] == "luca.ferrari@libero.it"
