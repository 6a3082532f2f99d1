"""run_match, incremental matching, stable ids, households, thin records, explain, review, decide."""
from __future__ import annotations

import json

import pytest

from app.core.errors import BadDataError, UsageError
from app.core.matching import (apply_decisions, decide, explain, export_members, recluster, review_count,
                               review_queue, run_match)
from test_match_support import add_source, clusters, people, profile_of, same_profile

NICK = {"Giuseppe": "Peppe", "Francesco": "Checco", "Alessandro": "Sandro"}


def till_rows(persons: list[dict]) -> list[dict]:
    return [{"id": f"C{i:03d}", "first_name": p["first_name"], "last_name": p["last_name"],
             "birth_date": p["birth_date"], "mobile": p["mobile"], "address": p["address"],
             "postcode": p["postcode"], "city": p["city"]} for i, p in enumerate(persons)]


def shop_rows(persons: list[dict], start: int = 0) -> list[dict]:
    """A second channel's view of the same people: email, mobile, a typo or a swap now and then."""
    out = []
    for i, p in enumerate(persons, start=start):
        last = p["last_name"] if i % 5 else p["last_name"][:-1] + "o" + p["last_name"][-1]  # a typo
        first, lastn = (p["first_name"], last) if i % 7 else (last, p["first_name"])  # surname first
        out.append({"id": f"S{i:03d}", "first_name": first, "last_name": lastn, "email": p["email"],
                    "mobile": p["mobile"], "city": p["city"]})
    return out


@pytest.fixture
def shop_ws(ws):
    persons = people(80, seed=2)
    add_source(ws, "till", till_rows(persons))
    add_source(ws, "shop", shop_rows(persons[:40]))
    return ws, persons


def test_duplicates_merge_and_distinct_people_stay_apart(shop_ws):
    ws, _ = shop_ws
    result = run_match(ws)
    assert result.mode == "full" and result.records == 120 and result.new_records == 120
    assert result.compared > 0 and result.auto_merged > 0
    merged = sum(same_profile(ws, f"till:C{i:03d}", f"shop:S{i:03d}") for i in range(40))
    assert merged >= 36  # typos and swapped names included
    wrong = sum(same_profile(ws, f"till:C{i:03d}", f"till:C{j:03d}") for i in range(80) for j in range(i + 1, 80))
    assert wrong == 0
    assert result.profiles == ws.scalar("SELECT count(*) FROM profiles")
    # every auto merge is logged with this run's group id
    groups = ws.query("SELECT DISTINCT group_id FROM decisions WHERE kind = 'auto_merge'")
    assert len(groups) == 1 and groups[0][0] is not None


def test_profiles_get_summaries(shop_ws):
    ws, persons = shop_ws
    run_match(ws)
    pid = profile_of(ws, "till:C001")
    row = ws.query("SELECT display_name, sources, n_records FROM profiles WHERE id = ?", (pid,))[0]
    assert row["display_name"] == f"{persons[1]['first_name']} {persons[1]['last_name']}"
    assert row["sources"] == "shop,till" and row["n_records"] == 2


def test_export_members_lists_every_record(shop_ws, tmp_path):
    ws, _ = shop_ws
    run_match(ws)
    out = tmp_path / "members.csv"
    assert export_members(ws, out) == 120
    lines = out.read_text().splitlines()
    assert lines[0] == "source,source_record_id,profile_id" and len(lines) == 121
    assert all(line.split(",")[2] for line in lines[1:])  # singletons have their own profile


def test_incremental_match_gives_the_rebuild_clusters_and_keeps_ids(ws):
    persons = people(100, seed=4)
    add_source(ws, "till", till_rows(persons))
    add_source(ws, "shop", shop_rows(persons[:60]))
    first = run_match(ws)
    ids_before = {ref: profile_of(ws, ref) for ref in ("till:C000", "till:C050", "till:C090")}
    add_source(ws, "leads", [{"id": f"L{i}", "first_name": p["first_name"], "last_name": p["last_name"],
                              "email": p["email"], "mobile": p["mobile"], "city": p["city"]}
                             for i, p in enumerate(persons[45:60])])
    inc = run_match(ws)
    assert first.mode == "full" and inc.mode == "incremental" and inc.new_records == 15
    incremental = clusters(ws)
    assert {ref: profile_of(ws, ref) for ref in ids_before} == ids_before  # stable ids
    assert same_profile(ws, "leads:L5", "till:C050") and same_profile(ws, "leads:L5", "shop:S050")
    rebuilt = run_match(ws, rebuild=True)
    assert rebuilt.mode == "full"
    assert clusters(ws) == incremental
    assert {ref: profile_of(ws, ref) for ref in ids_before} == ids_before


def test_rematch_without_new_records_changes_nothing(shop_ws):
    ws, _ = shop_ws
    run_match(ws)
    before = clusters(ws), dict(ws.query("SELECT record_id, profile_id FROM memberships"))
    again = run_match(ws)
    assert again.compared == 0 and again.mode == "incremental"
    assert (clusters(ws), dict(ws.query("SELECT record_id, profile_id FROM memberships"))) == before


def test_household_with_shared_landline_and_inbox_stays_three_people(ws):
    persons = people(60, seed=6)
    home = {"last_name": "Brambilla", "address": "Via Verdi 3", "postcode": "20900", "city": "Monza",
            "phone": "039 2345678", "email": "famiglia.brambilla@libero.it"}
    family = [{"id": "F1", "first_name": "Giovanni", "birth_date": "1961-02-03", **home},
              {"id": "F2", "first_name": "Lucia", "birth_date": "1964-11-30", **home},
              {"id": "F3", "first_name": "Marco", "birth_date": "1994-07-08", **home}]
    add_source(ws, "till", till_rows(persons) + family)
    add_source(ws, "shop", shop_rows(persons[:30]) + [{"id": "SF1", "first_name": "Giovanni", "mobile": "333 9988776", **home}])
    run_match(ws)
    assert len({profile_of(ws, f"till:{f}") for f in ("F1", "F2", "F3")}) == 3
    assert not same_profile(ws, "shop:SF1", "till:F2") and not same_profile(ws, "shop:SF1", "till:F3")


def test_thin_record_reaches_the_person_its_email_names(ws):
    persons = people(60, seed=8)
    giorgio = {"id": "G", "first_name": "Giorgio", "last_name": "Zanchetta", "birth_date": "1981-04-05",
               "mobile": "333 4455667", "city": "Bergamo", "postcode": "24122", "address": "Via Moroni 5"}
    add_source(ws, "till", till_rows(persons) + [giorgio])
    add_source(ws, "newsletter", [{"id": "giorgio.zanchetta81@gmail.com", "email": "giorgio.zanchetta81@gmail.com"},
                                  {"id": "luca.zanchetta@gmail.com", "email": "luca.zanchetta@gmail.com"}]
               + [{"id": p["email"], "email": p["email"], "first_name": p["first_name"]} for p in persons[:20]])
    run_match(ws, review_threshold=0.2)
    ex = explain(ws, "newsletter:giorgio.zanchetta81@gmail.com", "till:G")
    hint = next(c for c in ex.contributions if c.field == "email_hints")
    assert hint.level_label == "email names the person and birth year" and hint.weight > 3
    other = explain(ws, "newsletter:luca.zanchetta@gmail.com", "till:G")
    assert other.match_weight < ex.match_weight - 5
    assert not same_profile(ws, "newsletter:luca.zanchetta@gmail.com", "till:G")


def test_explain_adds_up_and_names_every_field(shop_ws):
    ws, _ = shop_ws
    run_match(ws)
    ex = explain(ws, "till:C003", "shop:S003")
    fields = [c.field for c in ex.contributions]
    assert {"first_name", "last_name", "email", "phone", "birth_date"} <= set(fields)
    assert ex.prior_weight < 0
    assert abs(ex.prior_weight + sum(c.weight for c in ex.contributions) - ex.match_weight) < 0.05
    phone = next(c for c in ex.contributions if c.field == "phone")
    assert phone.value_a == phone.value_b and phone.weight > 0
    assert json.loads(json.dumps(ex.to_json()))["probability"] == pytest.approx(ex.probability)
    with pytest.raises(UsageError):
        explain(ws, "till:C003", "nosuch:1")


def test_explain_sees_a_home_shared_by_records_outside_the_pair(shop_ws):
    """Giovanni's two records live where Lucia lives too: explain, like the match, calls it a home
    of several people (it reads the others who give that address, not the two records alone)."""
    ws, _ = shop_ws
    home = {"last_name": "Zanfretta", "address": "Via Verdi 3", "postcode": "20900", "city": "Monza"}
    add_source(ws, "club", [{"id": "G1", "first_name": "Giovanni", **home}, {"id": "L1", "first_name": "Lucia", **home}])
    add_source(ws, "loyalty", [{"id": "G2", "first_name": "Giovanni", **home}])
    run_match(ws)
    address = next(c for c in explain(ws, "club:G1", "loyalty:G2").contributions if c.field == "address")
    assert address.level_label == "same street and number, a home of several people"


def _review_ws(ws):
    persons = people(60, seed=10)
    add_source(ws, "till", till_rows(persons))
    add_source(ws, "shop", shop_rows(persons[:30]))
    run_match(ws, auto_threshold=1.0, review_threshold=0.01)  # nothing automatic: all to review
    return ws


def test_review_queue_is_ordered_and_filtered(ws):
    ws = _review_ws(ws)
    queue = review_queue(ws, limit=500)
    assert len(queue) == review_count(ws) > 20
    prios = [p.priority for p in queue]
    assert prios == sorted(prios, reverse=True)
    assert all(p.evidence and {"field", "label", "weight"} <= set(p.evidence[0]) for p in queue)
    low = review_queue(ws, limit=500, max_p=0.5)
    assert all(p.probability <= 0.5 for p in low)
    assert review_count(ws, sources=["nosuch"]) == 0


def test_decide_accept_reject_skip(ws):
    ws = _review_ws(ws)
    queue = review_queue(ws, limit=500)
    top = queue[0]
    d = decide(ws, top.pair_id, "accept", actor="anna", reason="same person")
    assert d.kind == "accept" and same_profile(ws, top.a_ref, top.b_ref)
    row = ws.query("SELECT kind, actor, a_ref, b_ref, reason, evidence FROM decisions WHERE id = ?", (d.id,))[0]
    assert (row["kind"], row["actor"], row["reason"]) == ("accept", "anna", "same person")
    assert {row["a_ref"], row["b_ref"]} == {top.a_ref, top.b_ref} and json.loads(row["evidence"])
    assert top.pair_id not in {p.pair_id for p in review_queue(ws, limit=500)}
    # a rejected pair is never linked again, not even by a rebuild with everything automatic
    second = review_queue(ws, limit=1)[0]
    decide(ws, second.pair_id, "reject")
    run_match(ws, rebuild=True, auto_threshold=0.01, review_threshold=0.01)
    assert not same_profile(ws, second.a_ref, second.b_ref)
    assert same_profile(ws, top.a_ref, top.b_ref)  # the accept survives the rebuild too
    # skip sends a pair to the back of the queue without deciding it
    run_match(ws, rebuild=True, auto_threshold=1.0, review_threshold=0.01)
    queue = review_queue(ws, limit=1000)
    skipped = decide(ws, queue[0].pair_id, "skip")
    assert skipped.id is None and review_queue(ws, limit=1000)[-1].pair_id == queue[0].pair_id
    with pytest.raises(UsageError):
        decide(ws, queue[0].pair_id, "maybe")
    with pytest.raises(UsageError):
        decide(ws, 10 ** 9, "accept")


def test_recluster_returns_the_changed_profiles(shop_ws):
    ws, _ = shop_ws
    run_match(ws)
    rid = ws.scalar("SELECT id FROM records WHERE source_record_id = 'C002'")
    change = recluster(ws, [rid])
    assert change["records"] >= 1 and change["profiles"] == []  # nothing to change


def test_apply_decisions_checks_every_row_first(ws, tmp_path):
    ws = _review_ws(ws)
    queue = review_queue(ws, limit=3)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"pair_id,decision\n{queue[0].pair_id},accept\n{queue[1].pair_id},perhaps\n")
    with pytest.raises(BadDataError) as e:
        apply_decisions(ws, bad)
    assert e.value.where.line == 3 and e.value.where.column == "decision"
    assert ws.scalar("SELECT count(*) FROM decisions WHERE kind IN ('accept', 'reject')") == 0  # nothing applied
    good = tmp_path / "good.csv"
    good.write_text(f"pair_id,decision\n{queue[0].pair_id},accept\n{queue[1].pair_id},reject\n")
    assert apply_decisions(ws, good) == {"rows": 2, "accepted": 1, "rejected": 1, "skipped": 0}
    missing = tmp_path / "missing.csv"
    missing.write_text("id,what\n1,accept\n")
    with pytest.raises(BadDataError):
        apply_decisions(ws, missing)


def test_decisions_refine_the_queue(ws):
    ws = _review_ws(ws)
    before = {p.pair_id: p.match_weight for p in review_queue(ws, limit=1000)}
    for p in review_queue(ws, limit=15):
        decide(ws, p.pair_id, "accept" if p.probability > 0.5 else "reject")
    # weights, not probabilities: a same-email pair sits at p ≈ 1 − 1e-5, where a refinement moves
    # the weight by a fraction of a bit and the probability by less than float noise
    after = {p.pair_id: p.match_weight for p in review_queue(ws, limit=1000)}
    assert ws.get_meta("matching.queue_dirty") == "0"
    assert any(abs(after[k] - before[k]) > 1e-6 for k in after)  # rescored with the refined model


def test_workspace_counts_only_pairs_still_open(ws):
    persons = people(20, seed=11)
    add_source(ws, "till", till_rows(persons))
    add_source(ws, "shop", shop_rows(persons))
    add_source(ws, "web", shop_rows(persons, start=500))
    run_match(ws, auto_threshold=1.0, review_threshold=0.01)
    before = ws.counts()["review"]
    assert before == review_count(ws) > 3
    first = review_queue(ws, limit=1)[0]
    decide(ws, first.pair_id, "accept")
    # a second accept on the same person settles the third pair among the three records through the others
    nxt = next(p for p in review_queue(ws, limit=500) if {p.a_id, p.b_id} & {first.a_id, first.b_id})
    decide(ws, nxt.pair_id, "accept")
    assert ws.counts()["review"] == review_count(ws) <= before - 3
