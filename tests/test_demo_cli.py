"""`unico demo generate` and `unico demo build`: outputs, JSON keys, exit codes."""
from __future__ import annotations

import json

import pytest

from app.cli import main


def test_generate_json_manifest(tmp_path, capsys):
    assert main(["demo", "generate", str(tmp_path / "d"), "--people", "120", "--seed", "3", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"out_dir", "files", "truth_csv", "truth_json", "people_csv", "counts", "identification",
                        "ropo_14"}
    assert len(out["files"]) == 8
    assert all(set(f) >= {"file", "path", "format_id", "kind", "channel", "rows", "description"} for f in out["files"])
    assert set(out["ropo_14"]) == {"all", "near", "far"}


def test_generate_records_table(tmp_path, capsys):
    assert main(["demo", "generate", str(tmp_path / "c"), "--records", "900"]) == 0
    text = capsys.readouterr().out
    for name in ("till_clienti.csv", "shopify_customers.csv", "mailchimp_audience.zip", "meta_leads.tsv"):
        assert name in text
    assert "900 contact records" in text and "web_events.csv" not in text


@pytest.mark.parametrize("args", [["--people", "0"], ["--records", "100", "--days", "40"],
                                  ["--identified-share", "0"], ["--near-share", "1.5"]])
def test_generate_wrong_usage_exits_2(tmp_path, capsys, args):
    assert main(["demo", "generate", str(tmp_path / "x"), *args]) == 2
    assert "unico:" in capsys.readouterr().err


def test_people_and_records_are_exclusive(tmp_path):
    with pytest.raises(SystemExit) as e:
        main(["demo", "generate", str(tmp_path), "--people", "10", "--records", "10"])
    assert e.value.code == 2


def test_build_workspace(tmp_path, capsys):
    db = tmp_path / "shop.db"
    assert main(["demo", "build", "--db", str(db), "--people", "150", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"]["sources"] == 8 and out["counts"]["records"] > 0 and out["counts"]["events"] > 0
    assert len(out["imports"]) == 8 and (tmp_path / "shop-files" / "truth.json").exists()
    assert main(["demo", "build", "--db", str(db), "--people", "150"]) == 2  # exists: refused
    assert "already exists" in capsys.readouterr().err
    # the global --db works too, and --replace rebuilds
    assert main(["--db", str(db), "demo", "build", "--people", "150", "--replace"]) == 0
    assert "8 sources" in capsys.readouterr().out
