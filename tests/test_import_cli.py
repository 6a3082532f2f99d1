"""`unico import / sources / records / imports / rejects`: outputs, JSON shapes and exit codes."""
from __future__ import annotations

import json

import pytest

import samples as S
from app.cli import main


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.db")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_plan_and_counts(capsys, db, tmp_path):
    code, out, err = run(capsys, "--db", db, "import", str(S.till_contacts(tmp_path)))
    assert code == 0, err
    assert "Format      auto (Automatic mapping)" in out and "Channel     store" in out
    assert "loyalty_card   Codice carta" in out and "Data di nascita: dmy" in out
    assert "Import 1: read 4, imported 4, rejected 0" in out


def test_several_files_are_imported_in_order_each_detected_on_its_own(capsys, db, tmp_path):
    till, receipts = S.till_contacts(tmp_path), S.till_receipts(tmp_path)
    code, out, err = run(capsys, "--db", db, "import", str(till), str(receipts))
    assert code == 0, err
    assert "Import 1: read 4, imported 4, rejected 0" in out and "Import 2: read" in out
    assert out.index("till_clienti") < out.index("till_scontrini")
    code, out, _ = run(capsys, "--db", db, "import", str(till), str(receipts), "--json")
    data = json.loads(out)
    assert code == 0 and [d["file_name"] for d in data] == ["till_clienti.csv", "till_scontrini.csv"]
    assert all(d["already_imported"] for d in data)  # the same files again: nothing added


def test_options_for_one_file_are_refused_with_several(capsys, db, tmp_path):
    till, receipts = S.till_contacts(tmp_path), S.till_receipts(tmp_path)
    for option in (["--source", "x"], ["--map", "email=E-mail"], ["--kind", "contacts"], ["--preset", "shopify_customers"]):
        code, _, err = run(capsys, "--db", db, "import", str(till), str(receipts), *option)
        assert code == 2 and option[0] in err and "one file" in err
    code, out, _ = run(capsys, "--db", db, "sources", "--json")
    assert code == 0 and json.loads(out) == []  # refused before anything was written


def test_import_json_is_one_object_with_plan_and_counts(capsys, db, tmp_path):
    code, out, _ = run(capsys, "--db", db, "import", str(S.till_receipts(tmp_path)), "--json", "--source", "cassa")
    assert code == 0
    data = json.loads(out)
    assert data["source_name"] == "cassa" and data["kind"] == "events" and data["format_id"] == "auto"
    assert data["mapping"]["amount"] == "Importo" and data["confidence"]["amount"] == 1.0
    assert data["counts"]["events"] == 5 and data["import_id"] == 1 and data["dry_run"] is False
    assert set(data["counts"]) == {"read", "imported", "updated", "unchanged", "rejected", "events",
                                   "anonymous_events", "identities", "suppressed", "duplicates"}


def test_dry_run_writes_nothing(capsys, db, tmp_path):
    code, out, _ = run(capsys, "--db", db, "import", str(S.shopify_orders(tmp_path)), "--dry-run", "--json")
    assert code == 0 and json.loads(out)["dry_run"] is True and json.loads(out)["format_id"] == "shopify_orders"
    code, out, _ = run(capsys, "--db", db, "sources", "--json")
    assert json.loads(out) == []


def test_map_channel_kind_overrides(capsys, db, tmp_path):
    path = str(S.till_contacts(tmp_path))
    code, out, _ = run(capsys, "--db", db, "import", path, "--map", "home_store=", "--map", "phone=Cellulare",
                       "--channel", "online", "--json", "--dry-run")
    data = json.loads(out)
    assert code == 0 and "home_store" not in data["mapping"] and data["mapping"]["phone"] == "Cellulare"
    assert "mobile" not in data["mapping"] and data["channel"] == "online_shop"


@pytest.mark.parametrize("args,code,message", [
    (["--map", "colour=Nome"], 2, "unknown field 'colour'"),
    (["--map", "Nome"], 2, "FIELD=COLUMN"),
    (["--map", "email=Nessuna"], 2, "no column named"),
    (["--preset", "sap"], 2, "unknown preset 'sap'"),
    (["--channel", "tv"], 2, "unknown channel 'tv'"),
    (["--region", "ITALIA"], 2, "two-letter"),
    (["--ref", "nessuna"], 2, None),
])
def test_wrong_usage_exits_2(capsys, db, tmp_path, args, code, message):
    path = S.till_receipts(tmp_path)
    got, _, err = run(capsys, "--db", db, "import", str(path), *args)
    assert got == code
    if message:
        assert message in err


def test_kind_choice_is_checked_by_argparse(capsys, db, tmp_path):
    with pytest.raises(SystemExit) as e:
        main(["--db", db, "import", str(S.till_contacts(tmp_path)), "--kind", "people"])
    assert e.value.code == 2


@pytest.mark.parametrize("make,message", [
    (lambda p: p.write_bytes(b""), "the file is empty"),
    (S.pdf_renamed, "PDF document"),
    (lambda p: S.write_table(p, ["Nome", "Email"], []), "header but no data rows"),
    (lambda p: S.write_table(p, ["Colore", "Taglia"], [["rosso", "M"]]), "no usable column"),
])
def test_bad_data_exits_1_with_the_file_name(capsys, db, tmp_path, make, message):
    path = tmp_path / "clienti.csv"
    make(path)
    code, out, err = run(capsys, "--db", db, "import", str(path))
    assert code == 1 and message in err and "clienti.csv" in err


def test_missing_file_exits_1(capsys, db, tmp_path):
    code, _, err = run(capsys, "--db", db, "import", str(tmp_path / "nope.csv"))
    assert code == 1 and "no such file" in err


def test_sources_records_imports_rejects_and_undo(capsys, db, tmp_path):
    run(capsys, "--db", db, "import", str(S.till_contacts(tmp_path)))
    bad = tmp_path / "scontrini.csv"
    bad.write_text("Data;Ora;Numero documento;Importo\n01/10/2025;10:00;D1;12,50\n31/02/2025;10:00;D2;1,00\n",
                   encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(bad))
    assert code == 0 and "Rejected rows:" in out and "scontrini-2.csv" in out
    code, out, _ = run(capsys, "--db", db, "sources", "--json")
    assert [(s["name"], s["records"], s["events"]) for s in json.loads(out)] == [("till_clienti", 4, 0),
                                                                                 ("scontrini", 0, 1)]
    code, out, _ = run(capsys, "--db", db, "sources")
    assert out.splitlines()[0].split()[:4] == ["SOURCE", "KIND", "CHANNEL", "FORMAT"]
    code, out, _ = run(capsys, "--db", db, "records", "--source", "till_clienti", "--search", "rossi", "--json")
    assert [r["ref"] for r in json.loads(out)] == ["till_clienti:C0001"]
    code, out, _ = run(capsys, "--db", db, "records", "--limit", "2")
    assert len(out.splitlines()) == 4
    code, out, _ = run(capsys, "--db", db, "rejects", "2", "--json")
    assert [(r["line"], r["column"]) for r in json.loads(out)] == [(3, "Data")]
    code, out, _ = run(capsys, "--db", db, "imports", "--json")
    assert [(i["id"], i["source"], i["status"]) for i in json.loads(out)] == [(1, "till_clienti", "done"),
                                                                            (2, "scontrini", "done")]
    code, out, err = run(capsys, "--db", db, "imports", "undo", "1")  # nothing of import 2 points at it
    assert code == 0 and "Import 1 of 'till_clienti' undone: 4 records and 0 events removed" in out
    code, out, err = run(capsys, "--db", db, "imports", "undo", "1")
    assert code == 2 and "no import with id 1" in err  # its source went with it
    code, out, _ = run(capsys, "--db", db, "imports", "undo", "--json")
    assert code == 0 and json.loads(out)["import_id"] == 2
    code, out, err = run(capsys, "--db", db, "rejects", "9")
    assert code == 2 and "no import with id 9" in err
    code, out, err = run(capsys, "--db", db, "records", "--source", "nope")
    assert code == 2 and "no source named" in err
