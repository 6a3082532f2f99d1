"""Manual merge and unmerge: stable ids, overruling earlier decisions, and human decisions holding
through re-matching, re-imports (also of records deleted and imported again) and --rebuild."""
from __future__ import annotations

import json

import pytest
from test_match_service import shop_rows, till_rows
from test_match_support import add_source, people, profile_of, same_profile, write_csv
from test_profiles_support import members_of

from app.core.errors import UsageError
from app.core.importing import plan_import, run_import, undo_import
from app.core.matching import decide, recluster, run_match
from app.core.matching.store import record_id
from app.core.profiles import service


@pytest.fixture
def matched(ws):
    persons = people(40, seed=8)
    add_source(ws, "till", till_rows(persons))
    add_source(ws, "shop", shop_rows(persons[:20]))
    run_match(ws)
    return ws


def test_merge_keeps_the_larger_profiles_id(matched):
    ws = matched
    big, small = profile_of(ws, "till:C001"), profile_of(ws, "till:C030")
    assert members_of(ws, "till:C001") == {"till:C001", "shop:S001"}
    result = service.merge_profiles(ws, small, big, actor="giulia", reason="same person, new card")
    assert result.profile_id == big and sorted(result.profiles) == sorted({big, small})
    assert members_of(ws, "till:C030") == {"till:C001", "shop:S001", "till:C030"}
    assert ws.scalar("SELECT count(*) FROM profiles WHERE id = ?", (small,)) == 0
    d = ws.query("SELECT kind, actor, reason, payload FROM decisions WHERE id = ?", (result.decision_id,))[0]
    assert (d["kind"], d["actor"], d["reason"]) == ("merge", "giulia", "same person, new card")
    assert json.loads(d["payload"])["profiles"] == [small, big]
    assert ws.scalar("SELECT n_records FROM profiles WHERE id = ?", (big,)) == 3


def test_unmerge_gives_the_leaving_record_a_new_id(matched):
    ws = matched
    pid = profile_of(ws, "till:C002")
    top = ws.scalar("SELECT max(id) FROM profiles")
    # till:C002 has the smaller record id: a tie would keep the id with it, but it is the one leaving
    assert record_id(ws, "till:C002") < record_id(ws, "shop:S002")
    result = service.unmerge(ws, "till:C002")
    assert result.profile_id == top + 1 and profile_of(ws, "till:C002") == top + 1
    assert profile_of(ws, "shop:S002") == pid and result.detail == {"ref": "till:C002", "from_profile": pid,
                                                                   "others_now_in": [pid]}
    d = json.loads(ws.scalar("SELECT payload FROM decisions WHERE id = ?", (result.decision_id,)))
    assert d == {"profile": pid, "apart_from": ["shop:S002"]}


def test_unmerging_a_bridge_parts_what_it_held_together(ws):
    ids = add_source(ws, "a", [{"id": str(i), "first_name": "Luca", "last_name": "Neri"} for i in (1, 2, 3, 4)])
    with ws.atomic():  # automatic links 1–2, 2–3 (2 is the bridge) and 3–4
        ws.conn.executemany("INSERT INTO pairs(a, b, probability, match_weight, evidence, band) "
                            "VALUES (?, ?, 0.999, 10, '[]', 'auto')",
                            [(ids["1"], ids["2"]), (ids["2"], ids["3"]), (ids["3"], ids["4"])])
        recluster(ws, ids.values())
    pid = profile_of(ws, "a:1")
    assert members_of(ws, "a:1") == {"a:1", "a:2", "a:3", "a:4"}
    result = service.unmerge(ws, "a:2")
    assert members_of(ws, "a:2") == {"a:2"} and members_of(ws, "a:3") == {"a:3", "a:4"}
    assert members_of(ws, "a:1") == {"a:1"}
    assert profile_of(ws, "a:3") == pid  # the largest part keeps the id
    assert sorted(result.detail["others_now_in"]) == sorted({profile_of(ws, "a:1"), pid})


def test_merge_overrules_an_earlier_reject_and_holds_through_rebuild(ws):
    persons = people(20, seed=9)
    add_source(ws, "till", till_rows(persons))
    add_source(ws, "shop", shop_rows(persons[:10]))
    run_match(ws, auto_threshold=1.0, review_threshold=0.5)
    pair = ws.scalar("SELECT id FROM pairs WHERE a = ? AND b = ?",
                     tuple(sorted((record_id(ws, "till:C003"), record_id(ws, "shop:S003")))))
    decide(ws, pair, "reject")
    result = service.merge_profiles(ws, profile_of(ws, "till:C003"), profile_of(ws, "shop:S003"))
    assert result.detail["overridden"] == 1 and same_profile(ws, "till:C003", "shop:S003")
    run_match(ws, rebuild=True)
    assert same_profile(ws, "till:C003", "shop:S003")


def test_a_merge_the_machine_would_never_make_holds(matched):
    ws = matched
    a, b = profile_of(ws, "till:C033"), profile_of(ws, "till:C034")
    service.merge_profiles(ws, a, b)
    run_match(ws, rebuild=True)
    assert same_profile(ws, "till:C033", "till:C034")


def test_edits_are_checked(matched):
    ws = matched
    pid = profile_of(ws, "till:C030")
    with pytest.raises(UsageError, match="cannot be merged with itself"):
        service.merge_profiles(ws, pid, pid)
    with pytest.raises(UsageError, match="no profile 9999"):
        service.merge_profiles(ws, pid, 9999)
    with pytest.raises(UsageError, match="only record of profile"):
        service.unmerge(ws, "till:C030")
    with pytest.raises(UsageError, match="no record 'till:NOPE'"):
        service.unmerge(ws, "till:NOPE")
    with pytest.raises(UsageError, match="SOURCE:RECORD_ID"):
        service.unmerge(ws, "nocolon")


def _import(ws, path, source):
    return run_import(ws, plan_import(path, ws=ws, source=source))


def test_decisions_hold_through_reimports_and_rebuild(ws, tmp_path):
    persons = people(30, seed=11)
    till = write_csv(tmp_path / "till.csv", [{"Codice": r["id"], "Nome": r["first_name"], "Cognome": r["last_name"],
                                              "Data di nascita": r["birth_date"], "Cellulare": r["mobile"],
                                              "Città": r["city"]} for r in till_rows(persons)])
    shop_data = [{"Customer ID": r["id"], "First Name": r["first_name"], "Last Name": r["last_name"],
                  "Email": r["email"], "Phone": r["mobile"], "City": r["city"]} for r in shop_rows(persons[:15])]
    shop = write_csv(tmp_path / "shop.csv", shop_data)
    _import(ws, till, "till")
    first = _import(ws, shop, "shop")
    run_match(ws)
    assert same_profile(ws, "till:C001", "shop:S001") and same_profile(ws, "till:C002", "shop:S002")
    service.unmerge(ws, "shop:S001")
    kept = service.merge_profiles(ws, profile_of(ws, "till:C020"), profile_of(ws, "till:C021")).profile_id
    # a newer export of the shop updates records in place
    shop_data[2]["City"] = "Lecco"
    _import(ws, write_csv(tmp_path / "shop_v2.csv", shop_data), "shop")
    run_match(ws)
    assert not same_profile(ws, "till:C001", "shop:S001") and same_profile(ws, "till:C020", "till:C021")
    # the shop's records deleted and imported again get new record ids: decisions name refs, not ids
    old_id = record_id(ws, "shop:S001")
    undo_import(ws)
    undo_import(ws, first.import_id)
    _import(ws, write_csv(tmp_path / "leads.csv", [{"Email": "nobody@example.it", "Nome": "Ugo"}]), "leads")
    _import(ws, shop, "shop")
    assert record_id(ws, "shop:S001") != old_id
    run_match(ws)
    assert not same_profile(ws, "till:C001", "shop:S001") and same_profile(ws, "till:C002", "shop:S002")
    run_match(ws, rebuild=True)
    assert not same_profile(ws, "till:C001", "shop:S001") and same_profile(ws, "till:C020", "till:C021")
    assert profile_of(ws, "till:C020") == kept


def test_a_rejected_pair_stays_apart_through_rebuild_and_an_accepted_one_together(matched):
    ws = matched
    assert same_profile(ws, "till:C004", "shop:S004")
    a, b = sorted((record_id(ws, "till:C004"), record_id(ws, "shop:S004")))
    decide(ws, ws.scalar("SELECT id FROM pairs WHERE a = ? AND b = ?", (a, b)), "reject")
    run_match(ws, rebuild=True)
    assert not same_profile(ws, "till:C004", "shop:S004")
    a, b = sorted((record_id(ws, "till:C006"), record_id(ws, "shop:S006")))
    decide(ws, ws.scalar("SELECT id FROM pairs WHERE a = ? AND b = ?", (a, b)), "accept")
    run_match(ws, rebuild=True, auto_threshold=1.0)  # now the machine merges nothing by itself
    assert not same_profile(ws, "till:C007", "shop:S007")
    assert same_profile(ws, "till:C006", "shop:S006") and not same_profile(ws, "till:C004", "shop:S004")
