"""The import service: what lands in the workspace, re-imports, undo, rejects, failures and cancel."""
from __future__ import annotations

import csv
import json

import pytest

import samples as S
from app.core.errors import BadDataError, Cancelled, UsageError
from app.core.importing import (
    list_imports, list_records, list_rejects, list_sources, plan_import, run_import, undo_import,
)
from app.core.importing import prepare, service
from app.core.jobs import Progress

TABLES = ("sources", "imports", "records", "record_changes", "events", "rejects", "suppression")


def snapshot(ws) -> dict:
    return {t: [tuple(r) for r in ws.query(f"SELECT * FROM {t} ORDER BY 1")] for t in TABLES}


def imp(ws, path, **kw):
    return run_import(ws, plan_import(path, ws=ws, **kw))


def record(ws, source, key) -> dict:
    row = ws.query("SELECT r.* FROM records r JOIN sources s ON s.id = r.source_id "
                   "WHERE s.name = ? AND r.source_record_id = ?", (source, key))
    assert row, (source, key)
    out = dict(row[0])
    out["fields"], out["raw"] = json.loads(out["fields"]), json.loads(out["raw"])
    return out


def events(ws, source) -> list[dict]:
    rows = ws.query("SELECT e.* FROM events e JOIN sources s ON s.id = e.source_id WHERE s.name = ? ORDER BY e.id",
                    (source,))
    return [dict(r) | {"details": json.loads(r["details"])} for r in rows]


# -- contacts ---------------------------------------------------------------------------------------
def test_till_contacts_land_with_canonical_and_normalised_values(ws, tmp_path):
    result = imp(ws, S.till_contacts(tmp_path))
    assert result.counts["read"] == 4 and result.counts["imported"] == 4 and result.counts["rejected"] == 0
    r = record(ws, "till_clienti", "C0002")
    assert r["fields"]["first_name"] == "Nicolò" and r["fields"]["last_name"] == "D'Angelo"
    assert r["fields"]["birth_date"] == "1975-11-03" and r["n_birth"] == "1975-11-03"
    assert (r["n_first"], r["n_last"], r["n_mobile"]) == ("NICOLO", "DANGELO", "+393475551234")
    assert r["email_consent"] == "opt_out" and r["sms_consent"] == "opt_out"  # "Consenso marketing" covers both
    assert r["raw"]["Cognome"] == "D'Angelo" and r["line"] == 3 and r["origin"] == "row"
    mario = record(ws, "till_clienti", "C0001")
    assert mario["n_phone"] == "+39021234567" and mario["n_email_key"] == "mariorossi@gmail.com"
    assert mario["fields"]["last_name"] == "Rossi"  # ROSSI in capitals, displayed in title case
    src = list_sources(ws)[0]
    assert (src["name"], src["kind"], src["channel"], src["records"]) == ("till_clienti", "contacts", "store", 4)
    assert src["mapping"]["loyalty_card"] == "Codice carta"


def test_shopify_apostrophes_and_consent(ws, tmp_path):
    imp(ws, S.shopify_customers(tmp_path))
    r = record(ws, "shopify_customers_2024", "7210448301100")
    assert r["fields"]["postcode"] == "20121" and r["n_postcode"] == "20121" and r["n_phone"] == "+393331234567"
    assert r["email_consent"] == "opt_in" and r["sms_consent"] == "opt_out" and r["fields"]["total_spent"] == 120.5
    assert r["n_email"] == "mario.rossi@gmail.com"


def test_mailchimp_zip_status_becomes_consent_with_its_time(ws, tmp_path):
    imp(ws, S.mailchimp_zip(tmp_path))
    sub = record(ws, "mailchimp_audience", "mario.rossi@gmail.com")
    unsub = record(ws, "mailchimp_audience", "luca.b@hotmail.it")
    cleaned = record(ws, "mailchimp_audience", "old.address@tiscali.it")
    assert (sub["email_consent"], unsub["email_consent"], cleaned["email_consent"]) == ("opt_in", "opt_out", "cleaned")
    assert sub["email_consent_at"].startswith("2024-03-01T10:05:00")  # CONFIRM_TIME
    assert unsub["email_consent_at"].startswith("2025-02-03T14:00:00")  # UNSUB_TIME
    assert sub["n_birth"] == "--05-17"  # MM/DD birthday
    assert "OPTIN_IP" not in sub["raw"] and "LATITUDE" not in sub["raw"]  # minimisation


def test_brevo_blacklist_and_klaviyo_suppressions(ws, tmp_path):
    imp(ws, S.brevo(tmp_path))
    imp(ws, S.klaviyo(tmp_path))
    assert record(ws, "brevo_contacts", "spam@example.it")["email_consent"] == "suppressed"
    assert record(ws, "brevo_contacts", "mario.rossi@gmail.com")["n_phone"] == "+393331234567"
    assert record(ws, "klaviyo_profiles", "01HABD")["email_consent"] == "cleaned"
    assert record(ws, "klaviyo_profiles", "01HABC")["email_consent"] == "opt_in"


def test_lightspeed_particle_and_house_number(ws, tmp_path):
    imp(ws, S.lightspeed(tmp_path))
    r = record(ws, "lightspeed_customers", "9001")
    assert r["n_last"] == "VANDIJK" and r["fields"]["street_number"] == "12A"


def test_spreadsheets_import_like_csv(ws, tmp_path):
    import datetime as dt

    headers = ["Codice carta", "Cognome", "Nome", "Data di nascita", "CAP", "Cellulare"]
    rows = [["C1", "Rossi", "Mario", dt.date(1980, 5, 17), 184, 3331234567],
            ["C2", "Verdi", "Anna", "03/11/1975", "00184", "347 5551234"]]
    imp(ws, S.write_xlsx(tmp_path / "clienti.xlsx", headers, rows))
    imp(ws, S.write_ods(tmp_path / "clienti.ods", headers, rows))
    one, two = record(ws, "clienti", "C1"), record(ws, "clienti", "C2")
    assert one["n_birth"] == "1980-05-17" and two["n_birth"] == "1975-11-03"
    assert one["n_mobile"] == "+393331234567" and two["n_postcode"] == "00184"
    assert one["n_postcode"] == "00184"  # a CAP that lost its zero in a number cell, re-padded (Italy)
    # same file stem, same source: the ODS holds the same cells as the XLSX, so nothing changed
    assert [s["name"] for s in list_sources(ws)] == ["clienti"]
    assert list_imports(ws)[1]["counts"]["unchanged"] == 2


# -- events -----------------------------------------------------------------------------------------
def test_till_receipts_find_people_through_the_loyalty_source(ws, tmp_path):
    imp(ws, S.till_contacts(tmp_path))
    plan = plan_import(S.till_receipts(tmp_path), ws=ws)
    assert plan.ref and (plan.ref.source, plan.ref.column) == ("till_clienti", "Codice carta")
    result = run_import(ws, plan)
    assert result.counts["events"] == 5 and result.counts["anonymous_events"] == 1 and result.counts["identities"] == 1
    ev = {e["external_id"]: e for e in events(ws, "till_scontrini")}
    first = ev["0001-0001"]
    assert first["occurred_at"] == "2025-10-01T10:15:00+02:00" and first["amount"] == 12.5
    assert (first["currency"], first["type"], first["channel"], first["store"]) == ("EUR", "purchase", "store",
                                                                                    "Milano Centro")
    assert first["record_id"] == record(ws, "till_clienti", "C0001")["id"] and first["person_ref"] == "C0001"
    assert ev["0002-0002"]["amount"] == 1234.56
    assert ev["0003-0001"]["type"] == "return" and ev["0003-0001"]["amount"] == -5.0
    anonymous = ev["0002-0001"]
    assert anonymous["record_id"] is None and anonymous["amount"] == 7.9  # kept, never dropped
    guest = record(ws, "till_scontrini", "email:giulia.dangelo@libero.it")
    assert guest["origin"] == "event" and guest["n_email"] == "giulia.dangelo@libero.it"
    assert ev["0001-0002"]["record_id"] == guest["id"]
    assert any("EUR assumed" in w for w in result.warnings)


def test_shopify_orders_are_one_event_per_order_with_items(ws, tmp_path):
    result = imp(ws, S.shopify_orders(tmp_path))
    assert result.counts["read"] == 5 and result.counts["events"] == 4
    ev = {e["external_id"]: e for e in events(ws, "shopify_orders")}
    order = ev["#1001"]
    assert order["amount"] == 59.8 and order["currency"] == "EUR" and order["channel"] == "online_shop"
    assert [i["product"] for i in order["details"]["items"]] == ["Tazza", "Teiera"]
    assert len(json.loads(order["raw"])) == 2  # both line-item rows kept
    assert ev["#1003"]["type"] == "return"
    assert ev["#1004"]["channel"] == "store" and ev["#1004"]["record_id"] is None  # POS sale, anonymous
    guest = record(ws, "shopify_orders", "email:mariorossi@gmail.com")
    assert guest["origin"] == "event" and guest["n_full"] == "MARIO ROSSI"
    assert ev["#1001"]["record_id"] == ev["#1003"]["record_id"] == guest["id"]


def test_woocommerce_guest_checkout_is_found_by_email(ws, tmp_path):
    imp(ws, S.woocommerce_orders(tmp_path))
    ev = {e["external_id"]: e for e in events(ws, "woocommerce_orders")}
    assert ev["502"]["record_id"] == record(ws, "woocommerce_orders", "email:sara.galli@yahoo.it")["id"]
    assert ev["501"]["record_id"] == record(ws, "woocommerce_orders", "id:12")["id"] == ev["503"]["record_id"]
    assert ev["502"]["amount"] == 19.9 and ev["503"]["type"] == "return"
    assert "customer_ip_address" not in json.loads(ev["501"]["raw"])


def test_web_events_mailchimp_activity_and_leads(ws, tmp_path):
    imp(ws, S.shopify_customers(tmp_path))
    web = imp(ws, S.web_events(tmp_path))
    assert web.counts["events"] == 3 and web.counts["anonymous_events"] == 2
    types = [(e["type"], e["utm_source"], e["ts"]) for e in events(ws, "web_events")]
    assert types == [("visit", "google", 1759305600), ("cart", "google", 1759305660),
                     ("purchase", "(direct)", 1759305720)]
    imp(ws, S.mailchimp_activity(tmp_path))
    assert [(e["type"], e["campaign"]) for e in events(ws, "mailchimp_activity")] == [
        ("email_open", "Saldi autunno"), ("email_click", "Saldi autunno"), ("email_open", "Saldi autunno")]
    imp(ws, S.meta_leads(tmp_path))
    leads = events(ws, "meta_leads")
    assert [(e["external_id"], e["type"], e["channel"]) for e in leads] == [("l:1234567890", "lead", "ads"),
                                                                           ("l:1234567891", "lead", "ads")]
    assert record(ws, "meta_leads", "phone:+393401112233")["n_first"] == "MARCO"


def test_square_transactions_and_items(ws, tmp_path):
    imp(ws, S.square_customers(tmp_path))
    imp(ws, S.square_transactions(tmp_path))
    imp(ws, S.square_items(tmp_path))
    tx = {e["external_id"]: e for e in events(ws, "square_transactions")}
    assert tx["T1"]["amount"] == 22.5 and tx["T1"]["currency"] == "USD"
    assert tx["T2"]["type"] == "return" and tx["T2"]["amount"] == -5.0
    assert tx["T1"]["record_id"] == record(ws, "square_customers", "SQ1")["id"]
    items = events(ws, "square_items")
    assert len(items) == 1 and items[0]["amount"] == 7.5 and len(items[0]["details"]["items"]) == 2


# -- re-imports and undo ----------------------------------------------------------------------------
def test_same_file_again_adds_nothing(ws, tmp_path):
    path = S.till_contacts(tmp_path)
    first = imp(ws, path)
    before = snapshot(ws)
    again = imp(ws, path)
    assert again.already_imported and again.import_id == first.import_id
    assert sum(again.counts.values()) == 0 and snapshot(ws) == before


def test_newer_export_updates_by_key_records_changes_and_undo_restores(ws, tmp_path):
    imp(ws, S.till_contacts(tmp_path))
    before = snapshot(ws)
    newer = S.till_contacts(tmp_path, name="till_clienti.csv", extra=[
        ["C0005", "Greco", "Sara", "01/01/1999", "F", "", "", "Roma", "RM", "", "", "sara@greco.it", "SI", "", ""]])
    lines = newer.read_bytes().decode("cp1252").replace("mario.rossi@gmail.com", "mario.rossi@libero.it")
    newer.write_bytes(lines.encode("cp1252"))
    result = imp(ws, newer)
    assert (result.counts["imported"], result.counts["updated"], result.counts["unchanged"]) == (1, 1, 3)
    assert result.changes == 1
    mario = record(ws, "till_clienti", "C0001")
    assert mario["n_email"] == "mario.rossi@libero.it"
    change = ws.query("SELECT * FROM record_changes")[0]
    assert json.loads(change["changes"])["email"] == ["mario.rossi@gmail.com", "mario.rossi@libero.it"]
    assert json.loads(change["before"])["n_email"] == "mario.rossi@gmail.com"
    undone = undo_import(ws)
    assert undone.counts == {"records_removed": 1, "records_restored": 1, "events_removed": 0}
    after = snapshot(ws)
    # exactly as before, except the history row of the undone import
    assert {t: v for t, v in after.items() if t != "imports"} == {t: v for t, v in before.items() if t != "imports"}
    assert [r["status"] for r in list_imports(ws)] == ["done", "undone"]


def test_undo_of_a_first_import_removes_the_source(ws, tmp_path):
    empty = snapshot(ws)
    imp(ws, S.shopify_orders(tmp_path))
    undo_import(ws)
    assert snapshot(ws) == empty


def test_undo_refuses_when_later_work_depends_on_it(ws, tmp_path):
    first = imp(ws, S.till_contacts(tmp_path))
    receipts = imp(ws, S.till_receipts(tmp_path))
    with pytest.raises(UsageError, match="till_scontrini.*undo those imports first"):
        undo_import(ws, first.import_id)
    newer = S.till_contacts(tmp_path, extra=[["C0009", "Neri", "Ugo", "", "", "", "", "", "", "", "", "", "", "", ""]])
    second = imp(ws, newer)
    with pytest.raises(UsageError, match=f"followed by import {second.import_id}"):
        undo_import(ws, first.import_id)
    undo_import(ws, second.import_id)
    undo_import(ws, receipts.import_id)
    undo_import(ws, first.import_id)
    assert ws.counts()["records"] == 0 and ws.counts()["events"] == 0
    with pytest.raises(UsageError, match="no import to undo"):
        undo_import(ws)


def test_kind_of_an_existing_source_cannot_change(ws, tmp_path):
    imp(ws, S.till_contacts(tmp_path))
    with pytest.raises(UsageError, match="holds contacts"):
        imp(ws, S.till_receipts(tmp_path), source="till_clienti")


# -- rejects ---------------------------------------------------------------------------------------
def test_bad_rows_are_rejected_with_line_column_and_reason(ws, tmp_path):
    path = tmp_path / "scontrini.csv"
    path.write_text(
        "Data;Ora;Negozio;Numero documento;Codice carta;Importo;Note\n"
        '01/10/2025;10:00;Milano;D1;C1;12,50;"nota\nsu due righe"\n'  # lines 2-3
        "32/13/2025;10:00;Milano;D2;C2;3,00;\n"  # 4: impossible date
        "02/10/2025;11:00;Milano;D3;C3;dodici;\n"  # 5: amount not a number
        "02/10/2025;11:00;Milano;D4;C4;1,00;x;y\n"  # 6: one value too many
        "03/10/2025;;Monza;D5;;2,00;\n", encoding="utf-8")  # 7: fine, no time
    result = imp(ws, path)
    assert result.counts["events"] == 2 and result.counts["rejected"] == 3
    got = [(r["line"], r["column"]) for r in list_rejects(ws, result.import_id)]
    assert got == [(4, "Data"), (5, "Importo"), (6, None)]
    with result.rejects_path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["file", "line", "column", "reason", "raw"]
    assert rows[0]["file"] == "scontrini.csv" and "32/13/2025" in rows[0]["reason"] and "32/13/2025" in rows[0]["raw"]
    assert "dodici" in rows[1]["reason"] and rows[2]["raw"] == "02/10/2025;11:00;Milano;D4;C4;1,00;x;y"
    assert result.rejects_path.parent.name == "test-rejects"
    assert result.rejects_path.name == f"scontrini-{result.import_id}.csv"
    midnight = [e for e in events(ws, "scontrini") if e["external_id"] == "D5"][0]
    assert midnight["occurred_at"] == "2025-10-03T00:00:00+02:00"


def test_contact_rules_duplicate_keys_nobody_and_unreadable_birth_dates(ws, tmp_path):
    path = S.write_table(tmp_path / "c.csv", ["Codice cliente", "Nome", "Cognome", "Data di nascita", "Note"], [
        ["K1", "Mario", "Rossi", "17/05/1980", ""],
        ["K2", "Anna", "Verdi", "non ricordo", ""],  # kept, birth date left out
        ["K1", "Mario", "Rossi", "17/05/1980", "doppione"],  # duplicate key
        ["", "", "", "", "solo una nota"],  # nothing identifies anyone
    ], delimiter=";")
    result = imp(ws, path)
    assert (result.counts["imported"], result.counts["rejected"], result.counts["duplicates"]) == (2, 2, 1)
    reasons = [r["reason"] for r in list_rejects(ws, result.import_id)]
    assert any("duplicate key 'K1' (first on line 2)" in r for r in reasons)
    assert any("nothing identifies" in r for r in reasons)
    anna = record(ws, "c", "K2")
    assert "birth_date" not in anna["fields"] and anna["raw"]["Data di nascita"] == "non ricordo"
    assert any("dates could not be read" in w and "line 3" in w for w in result.warnings)


def test_formula_cells_are_kept_as_text_never_used(ws, tmp_path):
    path = S.write_table(tmp_path / "f.csv", ["Codice cliente", "Nome", "Cognome", "Telefono"], [
        ["K1", '=HYPERLINK("http://x.example","clic")', "Rossi", "+39 333 1234567"],
        ["K2", "Anna", "@SUM(A1:A2)", "-"]])
    result = imp(ws, path)
    k1 = record(ws, "f", "K1")
    assert k1["raw"]["Nome"] == '=HYPERLINK("http://x.example","clic")'
    assert "first_name" not in k1["fields"] and k1["n_first"] is None and k1["n_phone"] == "+393331234567"
    assert "last_name" not in record(ws, "f", "K2")["fields"]
    assert any("formulas" in w and "never evaluated" in w for w in result.warnings)


def test_no_usable_column_is_bad_data_and_nothing_is_written(ws, tmp_path):
    path = S.write_table(tmp_path / "n.csv", ["Colore", "Taglia"], [["rosso", "M"]])
    with pytest.raises(BadDataError, match="no usable column"):
        imp(ws, path)
    assert ws.counts()["sources"] == 0


# -- failures, cancel, suppression -----------------------------------------------------------------
def test_a_failure_midway_leaves_the_workspace_as_it_was(ws, tmp_path, monkeypatch):
    imp(ws, S.till_contacts(tmp_path))
    before = snapshot(ws)
    path = S.write_contacts_csv(tmp_path / "big.csv", 50)
    monkeypatch.setattr(prepare, "CHUNK", 10)
    calls = {"n": 0}
    real = service.RecordWriter.write

    def failing(self, rows, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full (injected)")
        return real(self, rows, **kw)

    monkeypatch.setattr(service.RecordWriter, "write", failing)
    with pytest.raises(OSError, match="injected"):
        imp(ws, path)
    assert calls["n"] == 3 and snapshot(ws) == before


def test_cancel_rolls_back_everything(ws, tmp_path, monkeypatch):
    monkeypatch.setattr(prepare, "CHUNK", 10)
    path = S.write_contacts_csv(tmp_path / "big.csv", 60)
    seen = []

    def on_progress(fraction, message):
        seen.append(fraction)
        if len(seen) == 3:
            progress.cancel()

    progress = Progress(on_progress, min_interval=0)
    with pytest.raises(Cancelled):
        run_import(ws, plan_import(path, ws=ws), progress)
    assert ws.counts()["records"] == 0 and ws.counts()["sources"] == 0 and len(seen) >= 3


def test_suppressed_people_are_not_imported_again(ws, tmp_path):
    from app.core.suppression import add_suppression, identifier_hash, is_suppressed, suppressed_hashes

    digest = add_suppression(ws, "email", "Mario.Rossi@GMAIL.com", "forget profile 7")
    assert digest == identifier_hash(ws, "email", "m.a.r.i.o.rossi+shop@gmail.com")  # same match key
    assert is_suppressed(ws, email_key="mariorossi@gmail.com") and not is_suppressed(ws, phone="+393331234567")
    assert suppressed_hashes(ws) == {digest}
    result = imp(ws, S.till_contacts(tmp_path))
    assert result.counts["suppressed"] == 1 and result.counts["imported"] == 3
    assert not list_records(ws, search="rossi")
    assert any("asked to be forgotten" in w for w in result.warnings)
    receipts = imp(ws, S.till_receipts(tmp_path))  # Mario's card is unknown now: his receipt stays anonymous
    assert receipts.counts["events"] == 5


def test_suppression_hashes_depend_on_the_workspace_salt(tmp_path):
    from app.core.suppression import identifier_hash
    from app.core.workspace import Workspace

    with Workspace(tmp_path / "a.db") as a, Workspace(tmp_path / "b.db") as b:
        assert identifier_hash(a, "phone", "333 1234567") == identifier_hash(a, "phone", "+39 333 123 4567")
        assert identifier_hash(a, "phone", "333 1234567") != identifier_hash(b, "phone", "333 1234567")
        with pytest.raises(ValueError):
            identifier_hash(a, "email", "not an email")


def test_listing_helpers(ws, tmp_path):
    imp(ws, S.till_contacts(tmp_path))
    rows = list_records(ws, source="till_clienti", search="angelo")
    assert [r["ref"] for r in rows] == ["till_clienti:C0002"] and rows[0]["name"] == "Nicolò D'Angelo"
    assert len(list_records(ws, limit=2)) == 2
    with pytest.raises(UsageError):
        list_records(ws, source="nope")
    with pytest.raises(UsageError):
        list_rejects(ws, 99)
