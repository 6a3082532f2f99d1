"""The CLI contract: unico profiles / profile / merge / unmerge / undo / redo / history / forget /
survivorship — JSON shapes, text output and exit codes."""
from __future__ import annotations

import json

import pytest
from test_match_cli import run
from test_match_service import shop_rows, till_rows
from test_match_support import add_source, people, profile_of

from app.cli import main


@pytest.fixture
def db(tmp_path):
    from app.core.matching import run_match
    from app.core.workspace import Workspace

    path = tmp_path / "cli.db"
    ws = Workspace(path)
    persons = people(40, seed=13)
    add_source(ws, "till", till_rows(persons))
    add_source(ws, "shop", shop_rows(persons[:20]))
    run_match(ws)
    ids = {ref: profile_of(ws, ref) for ref in ("till:C001", "till:C030", "till:C031")}
    ws.close()
    return str(path), ids


def jrun(capsys, db, *argv):
    code, out, err = run(capsys, "--db", db, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


SUMMARY_KEYS = {"id", "display_name", "email", "phone", "city", "sources", "n_records", "first_activity",
                "last_activity"}


def test_profiles_json_and_search(db, capsys):
    path, ids = db
    data = jrun(capsys, path, "profiles", "--limit", "5")
    assert data["total"] == 40 and len(data["profiles"]) == 5
    assert all(set(p) == SUMMARY_KEYS and isinstance(p["sources"], list) for p in data["profiles"])
    one = jrun(capsys, path, "profiles", "--search", str(ids["till:C001"]))
    assert ids["till:C001"] in [p["id"] for p in one["profiles"]]
    name = one["profiles"][0]["display_name"].split()[-1]
    found = jrun(capsys, path, "profiles", "--search", name.lower(), "--limit", "100")
    assert found["total"] >= 1 and all(name.lower() in (p["display_name"] or "").lower() or
                                       name.lower() in (p["email"] or "") for p in found["profiles"])
    code, out, _ = run(capsys, "--db", path, "profiles", "--limit", "3")
    assert code == 0 and out.splitlines()[0].split()[:4] == ["id", "name", "email", "phone"]
    assert out.rstrip().endswith("of 40 profiles")


def test_profile_json_shape(db, capsys):
    path, ids = db
    d = jrun(capsys, path, "profile", str(ids["till:C001"]))
    assert set(d) == {"profile_id", "summary", "golden", "records", "consent", "events", "history"}
    assert set(d["summary"]) == SUMMARY_KEYS and d["summary"]["sources"] == ["shop", "till"]
    assert set(d["golden"]) == {"fields", "emails", "phones", "tags"}
    first = d["golden"]["fields"]["first_name"]
    assert {"value", "source", "ref", "at", "rule", "values"} <= set(first)
    assert {r["ref"] for r in d["records"]} == {"till:C001", "shop:S001"}
    for channel in ("email", "sms"):
        assert set(d["consent"][channel]) == {"state", "basis", "at", "source", "reasons", "may_contact"}
    assert d["history"][0]["kind"] == "auto_merge"
    code, out, _ = run(capsys, "--db", path, "profile", str(ids["till:C001"]))
    assert code == 0
    for heading in ("Golden record", "Consent", "Records", "Events (0, in time order)", "History"):
        assert heading in out


def test_merge_unmerge_undo_redo_history(db, capsys):
    path, ids = db
    a, b = ids["till:C030"], ids["till:C031"]
    merged = jrun(capsys, path, "merge", str(a), str(b), "--actor", "giulia")
    assert merged["kind"] == "merge" and merged["profile_id"] in (a, b) and merged["detail"]["merged"] == [a, b]
    history = jrun(capsys, path, "history", "--limit", "2")
    assert history["steps"][0]["kind"] == "merge" and history["steps"][0]["actor"] == "giulia"
    assert history["undo"] == f"merge of profiles {a} and {b}" and history["redo"] is None
    un = jrun(capsys, path, "unmerge", "till:C031")
    assert un["kind"] == "unmerge" and un["detail"]["from_profile"] == merged["profile_id"]
    undone = jrun(capsys, path, "undo")
    assert undone["action"] == "undo" and undone["exact"] and undone["step"]["kind"] == "unmerge"
    code, out, _ = run(capsys, "--db", path, "undo")
    assert code == 0 and out.startswith(f"Undo: merge of profiles {a} and {b}")
    redone = jrun(capsys, path, "redo")
    assert redone["step"]["kind"] == "merge" and set(redone["profiles_changed"]) >= {a, b} - {None}
    code, out, _ = run(capsys, "--db", path, "history", "--profile", str(merged["profile_id"]))
    assert code == 0 and "merge of profiles" in out and "undone" in out  # the unmerge stays in the log


@pytest.mark.parametrize("argv, message", [
    (("profile", "9999"), "no profile 9999"),
    (("merge", "9999", "1"), "no profile 9999"),
    (("unmerge", "till"), "SOURCE:RECORD_ID"),
    (("unmerge", "till:NOPE"), "no record 'till:NOPE'"),
    (("redo",), "nothing to redo"),
    (("forget", "9999", "--yes"), "no profile 9999"),
    (("survivorship", "--rule", "email=loudest"), "no survivorship rule"),
    (("survivorship", "--source-priority", "nowhere"), "no source named"),
    (("profiles", "--limit", "-1"), "must not be negative"),
])
def test_wrong_usage_exits_2(db, capsys, argv, message):
    path, _ = db
    code, out, err = run(capsys, "--db", path, *argv)
    assert code == 2 and message in err and out == ""


def test_missing_workspace_exits_1(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "none.db"), "profiles")
    assert code == 1 and "no such workspace" in err


def test_forget_needs_confirmation(db, capsys):
    path, ids = db
    pid = ids["till:C001"]
    code, _, err = run(capsys, "--db", path, "forget", str(pid))  # stdin is not a terminal under pytest
    assert code == 2 and "add --yes" in err
    result = jrun(capsys, path, "forget", str(pid), "--yes", "--actor", "dpo")
    assert result["profile_id"] == pid and result["records"] == 2 and result["hashes"] >= 2
    assert result["suppression_file"].endswith(".csv")
    code, _, err = run(capsys, "--db", path, "undo")
    assert code == 2 and "final" in err


def test_forget_text_tells_what_to_do_with_the_file(db, capsys):
    path, ids = db
    code, out, _ = run(capsys, "--db", path, "forget", str(ids["till:C030"]), "--yes")
    assert code == 0 and "cannot be undone" in out and "suppression list" in out and "Mailchimp" in out


def test_survivorship_shows_and_sets(db, capsys):
    path, ids = db
    data = jrun(capsys, path, "survivorship")
    assert data["source_priority"] == ["till", "shop"] and data["rules"]["name"] == "source_priority"
    data = jrun(capsys, path, "survivorship", "--source-priority", "shop", "--rule", "name=most_recent")
    assert data["source_priority"] == ["shop", "till"] and data["rules"]["name"] == "most_recent"
    d = jrun(capsys, path, "profile", str(ids["till:C001"]))
    assert d["golden"]["fields"]["first_name"]["rule"] == "most_recent"
    assert main(["--db", path, "survivorship"]) == 0
