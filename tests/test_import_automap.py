"""The auto-mapper and the plan: header synonyms plus value shapes, kind, key, date orders, overrides."""
from __future__ import annotations

import pytest

import samples as S
from app.core.errors import BadDataError, UsageError
from app.core.importing import candidate_fields, plan_import

FEBRL = ["rec_id", "given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state",
         "date_of_birth", "soc_sec_id"]


def test_hand_made_italian_spreadsheet_is_mapped_from_synonyms_and_values(tmp_path):
    rows = [["Rossi Mario", "333 1234567", "mario.rossi@gmail.com", "17/05/1980", "Milano", "MI", "RSSMRA80E17F205X",
             "cliente storico"],
            ["Bianchi Anna", "+39 347 5551234", "anna.b@libero.it", "03/11/1975", "Monza", "MB", "", "ok"],
            ["Verdi Luca", "0039 340 1112233", "", "25/12/1990", "Bergamo", "BG", "", ""]]
    path = S.write_table(tmp_path / "clienti.csv", ["Nominativo", "Cell.", "Mail", "Nato il", "Comune", "Prov.",
                                                    "C.F.", "Note"], rows, delimiter=";")
    plan = plan_import(path)
    assert plan.format_id == "auto" and plan.kind == "contacts"
    assert plan.mapping == {"full_name": "Nominativo", "mobile": "Cell.", "email": "Mail", "birth_date": "Nato il",
                            "city": "Comune", "province": "Prov.", "codice_fiscale": "C.F."}
    assert plan.unmapped_columns == [] and plan.dropped_columns == ["Note"]  # free-text notes are not kept
    assert plan.date_orders["Nato il"].order == "dmy" and not plan.date_orders["Nato il"].ambiguous


def test_febrl_layout_is_mapped_with_rec_id_as_the_key(tmp_path):
    rows = [["rec-1496-org", "mitchell", "green", "7", "wallaby place", "delmar", "cleveland", "2119", "sa",
             "19560409", "1804974"],
            ["rec-552-dup-3", "harley", "mccarthy", "177", "pridhamstreet", "milton", "marsden", "3165", "nsw",
             "19080419", "6089216"],
            ["rec-223-org", "", "waller", "6", "tullaroop street", "willaroo", "st james", "4011", "wa", "19081209",
             "6988048"]]
    plan = plan_import(S.write_table(tmp_path / "febrl3.csv", FEBRL, rows))
    assert plan.kind == "contacts" and plan.key_column == "rec_id"
    assert plan.mapping == {"customer_id": "rec_id", "first_name": "given_name", "last_name": "surname",
                            "street_number": "street_number", "address": "address_1", "address2": "address_2",
                            "city": "suburb", "postcode": "postcode", "province": "state",
                            "birth_date": "date_of_birth", "national_id": "soc_sec_id"}


def test_splink_fake_1000_layout(tmp_path):
    rows = [["0", "Robert", "Alan", "1971-06-24", "", "robert255@smith.net", "0"],
            ["1", "Robert", "Allen", "1971-05-24", "", "roberta25@smith.net", "0"],
            ["2", "Rob", "Allen", "1971-06-24", "Lonon", "roberta25@smith.net", "0"]]
    plan = plan_import(S.write_table(tmp_path / "fake_1000.csv",
                                     ["unique_id", "first_name", "surname", "dob", "city", "email", "cluster"], rows))
    assert plan.key_column == "unique_id"
    assert {k: plan.mapping.get(k) for k in ("customer_id", "first_name", "last_name", "birth_date", "city", "email")} \
        == {"customer_id": "unique_id", "first_name": "first_name", "last_name": "surname", "birth_date": "dob",
            "city": "city", "email": "email"}


def test_values_alone_map_unmistakable_columns(tmp_path):
    rows = [["mario.rossi@gmail.com", "Mario", "x1"], ["anna@libero.it", "Anna", "x2"],
            ["luca@hotmail.it", "Luca", "x3"]]
    plan = plan_import(S.write_table(tmp_path / "l.csv", ["Recapito", "Nome", "Boh"], rows))
    assert plan.mapping["email"] == "Recapito" and plan.confidence["email"] < 1.0
    assert "Boh" in plan.unmapped_columns


def test_values_contradicting_a_header_lower_its_confidence(tmp_path):
    rows = [["non so"], ["forse"], ["boh"]]
    plan = plan_import(S.write_table(tmp_path / "x.csv", ["Telefono", "Nome"], [[r[0], "Anna"] for r in rows]))
    assert "phone" not in plan.mapping


def test_contacts_and_events_are_told_apart_and_the_evidence_is_reported(tmp_path):
    clients = plan_import(S.till_contacts(tmp_path))
    receipts = plan_import(S.till_receipts(tmp_path))
    assert (clients.kind, receipts.kind) == ("contacts", "events")
    assert "events score" in receipts.kind_evidence and "contacts score" in receipts.kind_evidence


def test_an_ambiguous_date_column_is_reported_never_silent(tmp_path):
    rows = [["01/02/2025", "10:00", "12,00"], ["03/04/2025", "11:00", "3,00"], ["05/06/2025", "12:00", "1,00"]]
    plan = plan_import(S.write_table(tmp_path / "r.csv", ["Data", "Ora", "Importo"], rows, delimiter=";"))
    guess = plan.date_orders["Data"]
    assert guess.ambiguous and guess.order == "dmy"
    assert any("'Data'" in w and "day/month" in w for w in plan.warnings)


def test_mdy_column_is_detected_from_the_data(tmp_path):
    rows = [["01/02/2025", "M"], ["12/25/2024", "F"], ["03/04/2025", "F"]]
    plan = plan_import(S.write_table(tmp_path / "b.csv", ["Birthday", "First Name"], rows))
    assert plan.date_orders["Birthday"].order == "mdy" and not plan.date_orders["Birthday"].ambiguous


def test_map_overrides_assign_and_unassign(tmp_path):
    path = S.till_contacts(tmp_path)
    plan = plan_import(path, overrides={"home_store": None, "email": "Telefono", "phone": None})
    assert "home_store" not in plan.mapping and plan.mapping["email"] == "Telefono"
    assert plan.confidence["email"] == 1.0
    assert plan.overrides == {"home_store": None, "email": "Telefono", "phone": None}
    # a column is held by one field only
    plan2 = plan.with_mapping("mobile", "E-mail")
    assert plan2.mapping["mobile"] == "E-mail" and "email" not in [f for f, c in plan2.mapping.items() if c == "E-mail"
                                                                   and f != "mobile"]
    assert plan.mapping["mobile"] == "Cellulare"  # plans are immutable


@pytest.mark.parametrize("overrides,message", [
    ({"colour": "Nome"}, "unknown field 'colour'"),
    ({"email": "No such column"}, "no column named 'No such column'"),
    ({"amount": "Nome"}, "does not belong in a contacts file"),
])
def test_bad_overrides_are_usage_errors(tmp_path, overrides, message):
    with pytest.raises(UsageError, match=message):
        plan_import(S.till_contacts(tmp_path), overrides=overrides)


def test_with_kind_with_channel_and_candidate_fields(tmp_path):
    plan = plan_import(S.till_receipts(tmp_path))
    as_contacts = plan.with_kind("contacts")
    assert as_contacts.kind == "contacts" and "amount" not in as_contacts.mapping
    assert as_contacts.with_kind("events").mapping == plan.mapping
    assert plan.with_channel("negozio").channel == "store"
    with pytest.raises(UsageError):
        plan.with_channel("mars")
    events = {f.name for f in candidate_fields("events")}
    contacts = {f.name for f in candidate_fields("contacts")}
    assert {"amount", "occurred_at", "email"} <= events and "birth_date" not in events
    assert {"birth_date", "email", "email_consent"} <= contacts and "amount" not in contacts


def test_plan_json_has_the_stable_keys(tmp_path):
    data = plan_import(S.till_contacts(tmp_path)).to_json()
    assert {"file_name", "sha256", "size", "encoding", "delimiter", "sheet", "headers", "preview", "format_id",
            "format_label", "kind", "channel", "source_name", "mapping", "confidence", "key_column", "ref_source",
            "date_orders", "warnings"} <= set(data)
    assert data["source_name"] == "till_clienti" and len(data["sha256"]) == 64
    assert data["date_orders"]["Data di nascita"]["order"] == "dmy"


def test_header_only_file_is_refused(tmp_path):
    path = S.write_table(tmp_path / "h.csv", ["Nome", "Email"], [])
    with pytest.raises(BadDataError, match="header but no data rows"):
        plan_import(path)


def test_no_usable_column_is_a_plan_problem(tmp_path):
    path = S.write_table(tmp_path / "n.csv", ["Colore", "Taglia"], [["rosso", "M"], ["blu", "L"]])
    plan = plan_import(path)
    assert plan.problems() and "no usable column" in plan.problems()[0]
    assert any("no usable column" in w for w in plan.warnings)


@pytest.mark.parametrize("name", ["febrl1.csv", "febrl2.csv", "febrl3.csv", "febrl4a.csv", "febrl4b.csv"])
def test_every_febrl_benchmark_file_maps_every_column(benchmarks_dir, name):
    plan = plan_import(benchmarks_dir / "febrl" / name)
    assert plan.key_column == "rec_id" and sorted(plan.mapping.values()) == sorted(FEBRL)
    assert plan.mapping["province"] == "state" and plan.mapping["national_id"] == "soc_sec_id"
