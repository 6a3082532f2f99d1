"""The CLI contract: unico match / review list|decide|apply / explain / export members."""
from __future__ import annotations

import json

import pytest

from app.cli import main
from test_match_service import shop_rows, till_rows
from test_match_support import add_source, people


@pytest.fixture
def db(tmp_path):
    from app.core.workspace import Workspace

    path = tmp_path / "cli.db"
    ws = Workspace(path)
    persons = people(60, seed=12)
    add_source(ws, "till", till_rows(persons))
    add_source(ws, "shop", shop_rows(persons[:30]))
    ws.close()
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_match_json_keys(db, capsys):
    code, out, _ = run(capsys, "--db", db, "match", "--json")
    data = json.loads(out)
    assert code == 0
    assert {"compared", "auto_merged", "review", "profiles", "records", "seconds", "new_records"} <= set(data)
    assert data["records"] == 90 and data["profiles"] < 90


def test_match_text_output(db, capsys):
    code, out, _ = run(capsys, "--db", db, "match")
    assert code == 0
    for label in ("Candidates compared:", "Auto-merged:", "Queued for review:", "Profiles:"):
        assert label in out


def test_match_bad_threshold_is_usage_error(db, capsys):
    code, _, err = run(capsys, "--db", db, "match", "--auto-threshold", "1.5")
    assert code == 2 and "--auto-threshold" in err


def test_settings_export_and_import(db, capsys, tmp_path):
    path = tmp_path / "settings.json"
    assert run(capsys, "--db", db, "match", "--export-settings", str(path))[0] == 0
    settings = json.loads(path.read_text())
    assert settings["auto_threshold"] > settings["review_threshold"] and settings["comparisons"]
    settings["review_threshold"] = 0.2
    path.write_text(json.dumps(settings))
    assert run(capsys, "--db", db, "match", "--settings", str(path), "--json")[0] == 0
    out = tmp_path / "again.json"
    run(capsys, "--db", db, "match", "--export-settings", str(out))
    assert json.loads(out.read_text())["review_threshold"] == 0.2
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    code, _, err = run(capsys, "--db", db, "match", "--settings", str(broken))
    assert code == 1 and "broken.json" in err


def test_review_list_decide_apply(db, capsys, tmp_path):
    run(capsys, "--db", db, "match", "--auto-threshold", "1.0", "--review-threshold", "0.05")
    code, out, _ = run(capsys, "--db", db, "review", "list", "--format", "json", "--limit", "5")
    data = json.loads(out)
    assert code == 0 and data["total"] >= len(data["pairs"]) > 0
    pair = data["pairs"][0]
    assert {"pair_id", "left", "right", "probability", "evidence"} <= set(pair)
    assert ":" in pair["left"] and ":" in pair["right"]
    code, out, _ = run(capsys, "--db", db, "review", "list", "--format", "csv", "--limit", "2")
    assert out.splitlines()[0] == "pair_id,left,right,probability,evidence"
    code, out, _ = run(capsys, "--db", db, "review", "list")
    assert "pairs waiting for review" in out
    code, out, _ = run(capsys, "--db", db, "review", "decide", str(pair["pair_id"]), "accept", "--json")
    assert code == 0 and json.loads(out)["decision"] == "accept"
    code, _, err = run(capsys, "--db", db, "review", "decide", "999999", "accept")
    assert code == 2 and "999999" in err
    nxt = json.loads(run(capsys, "--db", db, "review", "list", "--format", "json", "--limit", "1")[1])["pairs"][0]
    csv_path = tmp_path / "d.csv"
    csv_path.write_text(f"pair_id,decision\n{nxt['pair_id']},reject\n")
    code, out, _ = run(capsys, "--db", db, "review", "apply", str(csv_path), "--json")
    assert code == 0 and json.loads(out) == {"rows": 1, "accepted": 0, "rejected": 1, "skipped": 0}
    csv_path.write_text("pair_id,decision\nabc,reject\n")
    code, _, err = run(capsys, "--db", db, "review", "apply", str(csv_path))
    assert code == 1 and "line 2" in err and "pair_id" in err


def test_explain_text_and_json(db, capsys):
    run(capsys, "--db", db, "match")
    code, out, _ = run(capsys, "--db", db, "explain", "till:C001", "shop:S001")
    assert code == 0 and "prior" in out and "probability" in out and "first_name" in out
    code, out, _ = run(capsys, "--db", db, "explain", "till:C001", "shop:S001", "--json")
    data = json.loads(out)
    assert {"probability", "match_weight", "prior_weight", "contributions"} <= set(data)
    assert {"field", "level", "weight", "value_a", "value_b"} <= set(data["contributions"][0])
    code, _, err = run(capsys, "--db", db, "explain", "till:C001", "badref")
    assert code == 2 and "SOURCE:RECORD_ID" in err


def test_export_members(db, capsys, tmp_path):
    run(capsys, "--db", db, "match")
    out_csv = tmp_path / "members.csv"
    code, out, _ = run(capsys, "--db", db, "export", "members", str(out_csv))
    assert code == 0 and "90 records" in out
    assert out_csv.read_text().splitlines()[0] == "source,source_record_id,profile_id"
