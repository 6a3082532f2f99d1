"""Exports from a real workspace: a shop's loyalty contacts, newsletter and receipts imported, one profile
per person. Consent filtering end to end, the profile export's columns, every export re-imported by
Unico's own importer (same people, emails, phones and consent), and the `unico export` CLI."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from app.cli import main
from app.core.exporting.email_export import export_email_tool
from app.core.exporting.profile_table import export_profiles, profile_headers
from app.core.importing import plan_import, run_import
from app.core.profiles.bulk import iter_profile_exports
from app.core.workspace import Workspace, utcnow

CASSA = ["Codice carta", "Cognome", "Nome", "E-mail", "Cellulare", "Consenso newsletter", "Data consenso",
         "Consenso SMS", "Data consenso SMS", "Indirizzo", "CAP", "Città", "Provincia", "Tags"]
PEOPLE = [  # card, surname, name, email, mobile, email consent + date, SMS consent + date, address, tags
    ["C001", "Verdi", "Anna", "anna.verdi@example.it", "333 1110001", "SI", "01/02/2024", "", "",
     "Via Roma 1", "20121", "Milano", "MI", "vip"],
    ["C002", "Neri", "Bruno", "bruno.neri@example.it", "333 1110002", "NO", "01/02/2024", "", "",
     "Via Po 2", "10121", "Torino", "TO", ""],
    ["C003", "Blu", "Carla", "carla.blu@example.it", "333 1110003", "", "", "", "",
     "Via Dante 3", "00184", "Roma", "RM", ""],
    ["C004", "Gialli", "Dario", "dario.gialli@example.it", "333 1110004", "NO", "01/02/2024", "SI", "01/02/2024",
     "", "", "Bergamo", "BG", ""],
    ["C005", "Rosa", "Elena", "elena.rosa@example.it", "333 1110005", "SI", "01/02/2024", "", "",
     "", "", "", "", ""],
    ["C006", "Bianchi", "Franco", "franco.bianchi@example.it", "333 1110006", "", "", "", "",
     "", "", "", "", ""],
    ["C007", "Russo", "Gina", "gina.russo@example.it", "333 1110007", "SI", "01/03/2024", "SI", "01/03/2024",
     "Corso Italia 7", "50123", "Firenze", "FI", "horeca"],
]
NEWSLETTER = ["Email", "Nome", "Cognome", "Consenso email", "Data consenso"]
SUBSCRIBERS = [
    ["anna.verdi@example.it", "Anna", "Verdi", "unsubscribed", "01/06/2024"],  # newer refusal: excluded
    ["bruno.neri@example.it", "Bruno", "Neri", "subscribed", "01/06/2024"],  # newer opt-in: included
    ["elena.rosa@example.it", "Elena", "Rosa", "cleaned", "01/07/2024"],  # bounced
]
RECEIPTS = ["Data", "Ora", "Negozio", "Numero documento", "Codice carta", "Importo"]
SALES = [
    ["10/09/2025", "10:15", "Milano Centro", "0001-0001", "C003", "59,90"],  # Carla bought: soft spam
    ["12/09/2025", "11:00", "Milano Centro", "0001-0002", "C007", "120,00"],
    ["20/09/2025", "17:30", "Milano Centro", "0001-0003", "C007", "-20,00"],  # a refund
]


def write(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows([headers, *rows])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def one_profile_per_email(ws: Workspace) -> None:
    """Profiles without the matcher (tuned elsewhere): one per email address, as a steward would merge."""
    now = utcnow()
    with ws.atomic():
        ws.execute("DELETE FROM memberships")
        ws.execute("DELETE FROM profiles")
        ids: dict[str, int] = {}
        for rid, key, card in ws.query("SELECT r.id, r.n_email_key, r.n_loyalty FROM records r ORDER BY r.id"):
            person = key or card or str(rid)
            if person not in ids:
                ids[person] = ws.execute("INSERT INTO profiles(created_at, updated_at) VALUES (?, ?)",
                                         (now, now)).lastrowid
            ws.execute("INSERT INTO memberships(record_id, profile_id) VALUES (?, ?)", (rid, ids[person]))


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("shop")
    ws = Workspace(d / "shop.db")
    try:
        for path, kw in ((write(d / "cassa.csv", CASSA, PEOPLE), {"channel": "store"}),
                         (write(d / "newsletter.csv", NEWSLETTER, SUBSCRIBERS), {"channel": "email"}),
                         (write(d / "scontrini.csv", RECEIPTS, SALES), {})):
            run_import(ws, plan_import(path, ws=ws, **kw))
        one_profile_per_email(ws)  # receipts point at loyalty cards: those records are buyers
    finally:
        ws.close()
    return d / "shop.db"


@pytest.fixture
def ws(shop):
    w = Workspace(shop, create=False)
    yield w
    w.close()


def by_email(ws: Workspace) -> dict[str, object]:
    return {p.emails[0].value: p for p in iter_profile_exports(ws) if p.emails}


# -- consent filtering end to end -------------------------------------------------------------------
def test_the_workspace_holds_the_cases(ws):
    people = by_email(ws)
    assert people["anna.verdi@example.it"].email_consent.state == "opt_out"
    assert people["bruno.neri@example.it"].email_consent.basis == "consent"
    assert people["carla.blu@example.it"].email_consent.basis == "soft_spam"
    assert people["carla.blu@example.it"].sms_consent.basis == "none"
    assert people["elena.rosa@example.it"].email_consent.state == "cleaned"


def _rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""), delimiter=delimiter))


def test_consent_filtering_mailchimp(ws, tmp_path):
    result = export_email_tool(ws, tmp_path / "mc", "mailchimp")
    subscribed = {r["Email Address"]: r for r in _rows(tmp_path / "mc" / "subscribed_members_export_unico.csv")}
    # an unsubscribe anywhere excludes; a newer opt-in includes; soft spam (a buyer) is emailed;
    # no consent and no purchase excludes; SMS consent alone does not put anyone in an email list
    assert set(subscribed) == {"bruno.neri@example.it", "carla.blu@example.it", "gina.russo@example.it"}
    assert subscribed["carla.blu@example.it"]["OPTIN_TIME"] == ""  # soft spam: nobody opted in
    assert subscribed["bruno.neri@example.it"]["OPTIN_TIME"].startswith("2024-05-31 22:00:00")  # 1 June, Rome
    # a phone only for people who consented to SMS
    assert subscribed["gina.russo@example.it"]["Phone Number"] == "+393331110007"
    assert subscribed["carla.blu@example.it"]["Phone Number"] == ""
    assert _rows(tmp_path / "mc" / "unsubscribed_members_export_unico.csv") == [
        {"Email Address": "anna.verdi@example.it"}, {"Email Address": "dario.gialli@example.it"}]
    assert _rows(tmp_path / "mc" / "cleaned_members_export_unico.csv") == [{"Email Address": "elena.rosa@example.it"}]
    assert result.counts["exported"] == 3 and result.counts["suppressed"] == 3
    assert result.counts["excluded_consent"] == 1  # Franco: no consent, no purchase


def test_consent_filtering_sms_needs_consent(ws, tmp_path):
    export_email_tool(ws, tmp_path / "kl", "klaviyo")
    sms = [r["Phone Number"] for r in _rows(tmp_path / "kl" / "klaviyo_sms_subscribers.csv")]
    assert sms == ["+393331110004", "+393331110007"]  # Dario and Gina; never soft spam (Carla)
    export_email_tool(ws, tmp_path / "br", "brevo")
    contacts = {r["FIRSTNAME"]: r for r in _rows(tmp_path / "br" / "brevo_contacts.csv", ";")}
    assert contacts["Dario"]["EMAIL"] == "" and contacts["Dario"]["SMS"] == "+393331110004"
    assert contacts["Carla"]["SMS"] == "" and contacts["Carla"]["EMAIL"] == "carla.blu@example.it"


# -- the profile export -----------------------------------------------------------------------------
def test_profile_export_columns_and_values(ws, tmp_path):
    result = export_profiles(ws, tmp_path / "profiles.csv")
    assert result.columns == profile_headers(["store"])
    assert result.columns[-4:] == ["store_purchases", "store_revenue", "total_purchases", "total_revenue"]
    rows = {r["email"]: r for r in csv.DictReader(io.StringIO(
        (tmp_path / "profiles.csv").read_bytes().decode("utf-8-sig"), newline=""))}
    assert len(rows) == 7 and result.rows == 7
    gina = rows["gina.russo@example.it"]
    assert (gina["first_name"], gina["last_name"], gina["city"], gina["tags"]) == ("Gina", "Russo", "Firenze", "horeca")
    assert gina["phone"] == "'+393331110007"  # text a spreadsheet would read as a formula is marked
    assert (gina["email_consent"], gina["email_basis"], gina["sms_basis"]) == ("opt_in", "consent", "consent")
    assert gina["email_consent_date"].startswith("2024-03-01")
    assert (gina["store_purchases"], gina["store_revenue"], gina["total_revenue"]) == ("1", "100.0", "100.0")
    anna = rows["anna.verdi@example.it"]
    assert (anna["email_consent"], anna["email_basis"], anna["email_consent_source"]) == ("opt_out", "none",
                                                                                          "newsletter")
    assert anna["sources"] == "cassa; newsletter" and anna["n_records"] == "2"
    assert rows["carla.blu@example.it"]["postcode"] == "'00184"  # Excel would drop the zero
    assert rows["carla.blu@example.it"]["email_basis"] == "soft_spam"


def test_profile_export_xlsx_has_numbers_and_text(ws, tmp_path):
    from openpyxl import load_workbook

    export_profiles(ws, tmp_path / "profiles.xlsx")
    sheet = load_workbook(tmp_path / "profiles.xlsx").worksheets[0]
    assert sheet.title == "Profiles"
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    gina = dict(zip(header, next(r for r in rows if r[header.index("email")] == "gina.russo@example.it")))
    assert gina["phone"] == "+393331110007" and gina["store_revenue"] == 100.0 and gina["n_records"] == 1


def test_profile_export_refuses_bad_targets_before_any_work(ws, tmp_path):
    from app.core.errors import UsageError

    with pytest.raises(UsageError, match=r"\.csv or \.xlsx"):
        export_profiles(ws, tmp_path / "profiles.ods")
    with pytest.raises(UsageError, match="no such folder"):
        export_profiles(ws, tmp_path / "missing" / "profiles.xlsx")
    assert list(tmp_path.iterdir()) == []


# -- re-imported by Unico's importer -------------------------------------------------------------------
def _reimport(path: Path, tmp_path: Path, **kw) -> dict[str, dict]:
    """Import ``path`` into a fresh workspace; the records keyed by email (or phone)."""
    target = Workspace(tmp_path / f"back-{path.stem}.db")
    try:
        result = run_import(target, plan_import(path, ws=target, **kw))
        assert result.counts["rejected"] == 0, result
        rows = target.query("SELECT n_email, n_phone, n_mobile, n_first, n_last, email_consent, sms_consent "
                            "FROM records")
        return {r["n_email"] or r["n_mobile"] or r["n_phone"]: dict(r) for r in rows}
    finally:
        target.close()


@pytest.mark.parametrize("name", ["profiles.csv", "profiles.xlsx"])
def test_profile_export_reimports_unchanged(ws, tmp_path, name):
    export_profiles(ws, tmp_path / name)
    back = _reimport(tmp_path / name, tmp_path)
    profiles = by_email(ws)
    assert set(back) == set(profiles)
    for email, p in profiles.items():
        r = back[email]
        assert (r["n_phone"] or r["n_mobile"]) == (p.phones[0].value if p.phones else None)
        assert r["email_consent"] == p.email_consent.state and r["sms_consent"] == p.sms_consent.state, email
        assert (r["n_first"], r["n_last"]) == (p.first_name.upper(), p.last_name.upper())


def test_email_tool_files_reimport_unchanged(ws, tmp_path):
    export_email_tool(ws, tmp_path / "mc", "mailchimp")
    mc = tmp_path / "mc"
    subscribed = _reimport(mc / "subscribed_members_export_unico.csv", tmp_path, preset="mailchimp_audience")
    assert set(subscribed) == {"bruno.neri@example.it", "carla.blu@example.it", "gina.russo@example.it"}
    assert {r["email_consent"] for r in subscribed.values()} == {"opt_in"}
    assert subscribed["gina.russo@example.it"]["n_phone"] == "+393331110007"
    unsubscribed = _reimport(mc / "unsubscribed_members_export_unico.csv", tmp_path, preset="mailchimp_audience")
    assert {k: r["email_consent"] for k, r in unsubscribed.items()} == {"anna.verdi@example.it": "opt_out",
                                                                       "dario.gialli@example.it": "opt_out"}
    cleaned = _reimport(mc / "cleaned_members_export_unico.csv", tmp_path, preset="mailchimp_audience")
    assert {k: r["email_consent"] for k, r in cleaned.items()} == {"elena.rosa@example.it": "cleaned"}

    export_email_tool(ws, tmp_path / "kl", "klaviyo")
    kl = _reimport(tmp_path / "kl" / "klaviyo_email_subscribers.csv", tmp_path, preset="klaviyo_profiles")
    assert {k: (r["n_first"], r["email_consent"]) for k, r in kl.items()} == {
        "bruno.neri@example.it": ("BRUNO", "opt_in"), "gina.russo@example.it": ("GINA", "opt_in"),
        "carla.blu@example.it": ("CARLA", "unknown")}  # soft spam goes as "Never subscribed"
    sms = _reimport(tmp_path / "kl" / "klaviyo_sms_subscribers.csv", tmp_path)
    assert set(sms) == {"+393331110004", "gina.russo@example.it"}

    export_email_tool(ws, tmp_path / "br", "brevo")
    br = _reimport(tmp_path / "br" / "brevo_contacts.csv", tmp_path)
    assert {(r["n_email"], r["n_mobile"]) for r in br.values()} == {
        ("bruno.neri@example.it", None), ("carla.blu@example.it", None), (None, "+393331110004"),
        ("gina.russo@example.it", "+393331110007")}
    blocked = _reimport(tmp_path / "br" / "brevo_blocklist_email.csv", tmp_path)
    assert set(blocked) == {"anna.verdi@example.it", "dario.gialli@example.it", "elena.rosa@example.it"}


# -- CLI ------------------------------------------------------------------------------------------------
def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_export_profiles(shop, tmp_path, capsys):
    code, out, _ = run(capsys, "--db", str(shop), "export", "profiles", str(tmp_path / "p.xlsx"))
    assert code == 0 and out.startswith("7 profiles written to") and (tmp_path / "p.xlsx").exists()
    code, out, _ = run(capsys, "--db", str(shop), "export", "profiles", str(tmp_path / "p.csv"), "--json")
    j = json.loads(out)
    assert code == 0 and j["rows"] == 7 and j["columns"][0] == "profile_id"
    code, _, err = run(capsys, "--db", str(shop), "export", "profiles", str(tmp_path / "p.txt"))
    assert code == 2 and ".csv or .xlsx" in err


def test_cli_export_email_tool(shop, tmp_path, capsys):
    code, out, _ = run(capsys, "--db", str(shop), "export", "email-tool", str(tmp_path / "mc"), "--for", "mailchimp")
    assert code == 0
    assert "subscribed_members_export_unico.csv" in out and "Exported:" in out
    assert "Left out, no consent for the channel:" in out and "Suppressed" in out
    code, out, err = run(capsys, "--db", str(shop), "export", "email-tool", str(tmp_path / "mc"), "--for", "brevo")
    assert code == 2 and "already holds files" in err
    code, out, _ = run(capsys, "--db", str(shop), "export", "email-tool", str(tmp_path / "kl"), "--for", "klaviyo",
                       "--json")
    j = json.loads(out)
    assert code == 0 and j["tool"] == "klaviyo" and j["counts"]["exported"] == 4
    assert {Path(f["path"]).name for f in j["files"]} == {"klaviyo_email_subscribers.csv",
                                                          "klaviyo_sms_subscribers.csv", "klaviyo_suppressed.csv"}
    with pytest.raises(SystemExit) as e:
        main(["--db", str(shop), "export", "email-tool", str(tmp_path / "x"), "--for", "sendgrid"])
    assert e.value.code == 2


def test_a_cancelled_export_writes_nothing(ws, tmp_path):
    from app.core.errors import Cancelled
    from app.core.jobs import Progress

    for export in (lambda p: export_profiles(ws, tmp_path / "p.xlsx", progress=p),
                   lambda p: export_email_tool(ws, tmp_path / "out", "brevo", progress=p)):
        progress = Progress()
        progress.cancel()
        with pytest.raises(Cancelled):
            export(progress)
    assert list(tmp_path.iterdir()) == []
