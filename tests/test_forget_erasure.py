"""Erasure: no trace of the person is left but salted hashes — in any table, in the raw rows, in the
rejects files, in the workspace file's bytes — and a later import of them is skipped and reported."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from test_match_support import people, profile_of, write_csv

from app.core.errors import UsageError
from app.core.importing import plan_import, run_import
from app.core.matching import decide, review_queue, run_match
from app.core.profiles import service
from app.core.profiles.bulk import suppressed_contacts
from app.core.profiles.forget import suppression_dir
from app.core.suppression import identifier_hash
from app.core.workspace import Workspace

NAME, SURNAME = "Ermenegilda", "Zappacosta"
EMAIL, MOBILE, E164 = "Ermenegilda.Zappacosta@Libero.it", "347 123 4987", "+393471234987"
NEEDLES = (SURNAME, "ermenegilda.zappacosta", "3471234987")


def _files(tmp_path, persons):
    till = [{"Codice carta": f"C{i:03d}", "Nome": p["first_name"], "Cognome": p["last_name"], "E-mail": p["email"],
             "Cellulare": p["mobile"], "Città": p["city"], "Consenso marketing": "SI"} for i, p in enumerate(persons)]
    till.append({"Codice carta": "C999", "Nome": NAME, "Cognome": SURNAME, "E-mail": EMAIL, "Cellulare": MOBILE,
                 "Città": "Pescara", "Consenso marketing": "SI"})
    shop = [{"Customer ID": "S999", "First Name": NAME, "Last Name": SURNAME, "Email": EMAIL.lower(),
             "Phone": E164, "City": "Pescara"}, {"Customer ID": "S001", **{k: v for k, v in {
                 "First Name": persons[1]["first_name"], "Last Name": persons[1]["last_name"],
                 "Email": persons[1]["email"], "Phone": persons[1]["mobile"], "City": persons[1]["city"]}.items()}}]
    orders = [{"Numero": "#1", "Data": "2025-05-02 10:00", "Nome": NAME, "Cognome": SURNAME, "Email": EMAIL,
               "Importo": "59,90"},
              {"Numero": "#2", "Data": "2025-05-09 11:00", "Nome": persons[2]["first_name"],
               "Cognome": persons[2]["last_name"], "Email": persons[2]["email"], "Importo": "20,00"},
              {"Numero": "#3", "Data": "not a date", "Nome": NAME, "Cognome": SURNAME, "Email": EMAIL,
               "Importo": "10,00"}]
    return (write_csv(tmp_path / "till.csv", till), write_csv(tmp_path / "shop.csv", shop),
            write_csv(tmp_path / "orders.csv", orders))


def _import(ws, path, source):
    return run_import(ws, plan_import(path, ws=ws, source=source))


@pytest.fixture
def shop(tmp_path):
    ws = Workspace(tmp_path / "shop.db")
    persons = people(30, seed=12)
    till, customers, orders = _files(tmp_path, persons)
    _import(ws, till, "till")
    _import(ws, customers, "shop")
    result = _import(ws, orders, "orders")
    assert result.counts["rejected"] == 1 and SURNAME.lower() in result.rejects_path.read_text().lower()
    run_match(ws)
    for pair in review_queue(ws, limit=100):  # a steward confirms what the small sample leaves open
        if "999" in pair.a_ref + pair.b_ref or "zappacosta" in pair.a_ref + pair.b_ref:
            decide(ws, pair.pair_id, "accept")
    yield ws, tmp_path
    ws.close()


def traces(ws: Workspace) -> list[str]:
    """Every table row (and meta value) that names the person."""
    found = []
    for (table,) in ws.query("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in ws.query(f"SELECT * FROM {table}"):
            text = " ".join(str(v) for v in row).lower()
            found += [f"{table}: {text[:120]}" for n in NEEDLES if n.lower() in text]
    return found


def test_the_person_is_one_profile_with_records_events_and_a_reject(shop):
    ws, _ = shop
    pid = profile_of(ws, "till:C999")
    assert pid == profile_of(ws, "shop:S999") == profile_of(ws, f"orders:email:{EMAIL.lower()}")
    assert len(traces(ws)) > 5


def test_forget_leaves_no_trace_but_the_hashes(shop):
    ws, tmp_path = shop
    pid = profile_of(ws, "till:C999")
    records, events = ws.scalar("SELECT count(*) FROM records"), ws.scalar("SELECT count(*) FROM events")
    result = service.forget(ws, pid, actor="dpo", today=date(2026, 3, 1))
    assert (result.records, result.events, result.rejects) == (3, 1, 2)  # reject row in the table and the file
    assert ws.scalar("SELECT count(*) FROM records") == records - 3
    assert ws.scalar("SELECT count(*) FROM events") == events - 1
    assert traces(ws) == []
    rejects = ws.scalar("SELECT rejects_path FROM imports WHERE rejects_path IS NOT NULL")
    assert SURNAME.lower() not in Path(rejects).read_text(encoding="utf-8").lower()
    hashes = {c.hash for c in suppressed_contacts(ws)}
    assert hashes == {identifier_hash(ws, "email", EMAIL), identifier_hash(ws, "phone", E164)}
    assert result.hashes == 2
    assert result.files == sorted(str(tmp_path / f) for f in ("orders.csv", "shop.csv", "till.csv"))
    ws.close()
    raw = (tmp_path / "shop.db").read_bytes().lower()
    assert [n for n in NEEDLES if n.lower().encode() in raw] == []
    wal = tmp_path / "shop.db-wal"
    assert not wal.exists() or all(n.lower().encode() not in wal.read_bytes().lower() for n in NEEDLES)


def test_decisions_become_stubs_and_the_erasure_is_logged(shop):
    ws, _ = shop
    pid = profile_of(ws, "till:C999")
    named = ws.scalar("SELECT count(*) FROM decisions WHERE a_ref LIKE '%999%' OR a_ref LIKE '%zappacosta%' "
                      "OR b_ref LIKE '%999%' OR b_ref LIKE '%zappacosta%'")
    result = service.forget(ws, pid, actor="dpo")
    assert result.decisions == named > 0
    stub = ws.query("SELECT kind, ts, actor, a_ref, b_ref, reason, evidence, payload FROM decisions "
                    "WHERE kind != 'forget' AND a_ref IS NULL")
    assert len(stub) == named
    assert all(s["ts"] and s["actor"] and s["kind"] and s["payload"] == "{}" and s["evidence"] is None for s in stub)
    last = service.history(ws, 1)[0]
    assert (last.kind, last.actor, last.a_ref, last.description) == ("forget", "dpo", None,
                                                                     "erasure of a person (final)")


def test_the_email_tools_get_a_plain_suppression_file(shop):
    ws, _ = shop
    result = service.forget(ws, profile_of(ws, "till:C999"), today=date(2026, 3, 1))
    path = suppression_dir(ws) / "suppression_2026-03-01.csv"
    assert result.suppression_file == str(path)
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows == [["email", "phone"], [EMAIL.lower(), E164]]
    other = profile_of(ws, "till:C005")
    service.forget(ws, other, today=date(2026, 3, 1))  # the same day's erasures go in the same file
    with path.open(newline="", encoding="utf-8") as f:
        assert len(list(csv.reader(f))) == 3


def test_a_later_import_of_the_person_is_skipped_and_reported(shop):
    ws, tmp_path = shop
    service.forget(ws, profile_of(ws, "till:C999"))
    newer = write_csv(tmp_path / "shop_v2.csv", [
        {"Customer ID": "S999-new", "First Name": NAME, "Last Name": SURNAME, "Email": EMAIL, "Phone": "", "City": ""},
        {"Customer ID": "S998", "First Name": "Ada", "Last Name": "Rota", "Email": "", "Phone": "0039 347 1234987",
         "City": ""},
        {"Customer ID": "S997", "First Name": "Ivo", "Last Name": "Sala", "Email": "ivo@sala.it", "Phone": "",
         "City": ""}])
    result = _import(ws, newer, "shop")
    assert result.counts["suppressed"] == 2 and result.counts["imported"] == 1
    assert traces(ws) == []


def test_profiles_sharing_an_erased_contact_are_reported(shop):
    ws, tmp_path = shop
    _import(ws, write_csv(tmp_path / "family.csv", [{"Codice": "F1", "Nome": "Aldo", "Cognome": "Bassi",
                                                     "Telefono": MOBILE}]), "family")
    run_match(ws)
    aldo = profile_of(ws, "family:F1")
    result = service.forget(ws, profile_of(ws, "till:C999"))
    assert result.shared_with == [aldo]
    assert service.profile_detail(ws, aldo).consent.sms.state == "suppressed"


def test_forget_checks_the_profile(shop):
    ws, _ = shop
    with pytest.raises(UsageError, match="no profile 9999"):
        service.forget(ws, 9999)
