"""Email-tool files from hand-made golden records: each tool's exact header line and separator, status
and suppression files, validation (values left out and listed), one row per person, splitting."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.core.errors import UsageError
from app.core.exporting.email_export import write_email_tool
from app.core.normalize import strip_text_prefix
from app.core.profiles.bulk import ChannelConsent, ContactValue, ProfileExport


def consent(state: str, basis: str, at: str | None = "2024-03-01T10:00:00+01:00", source: str = "cassa"):
    return ChannelConsent(state, basis, at, source, [])


OPT_IN = consent("opt_in", "consent")
SOFT_SPAM = consent("unknown", "soft_spam", "2024-05-02T12:00:00+00:00")
NO_BASIS = consent("unknown", "none", None)
OPT_OUT = consent("opt_out", "none", "2024-06-01T09:00:00+00:00", "newsletter")
SUPPRESSED = consent("suppressed", "none", "2024-06-01T09:00:00+00:00", "brevo")
CLEANED = consent("cleaned", "none", "2024-06-01T09:00:00+00:00", "newsletter")


def person(pid: int, emails=(), phones=(), email=NO_BASIS, sms=NO_BASIS, **kw) -> ProfileExport:
    values = {"display_name": None, "first_name": None, "last_name": None, "address": None, "postcode": None,
              "city": None, "province": None, "country": None, "birth_date": None, "gender": None, "tags": [],
              "sources": ["cassa"], "n_records": 1, "first_activity": None, "last_activity": None}
    values.update(kw)

    def contacts(vals):
        return [ContactValue(v, "cassa", "2024-01-01T00:00:00+00:00", i == 0) for i, v in enumerate(vals)]

    return ProfileExport(pid, emails=contacts(emails), phones=contacts(phones), email_consent=email,
                         sms_consent=sms, **values)


def read(path: Path, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""), delimiter=delimiter))


def report(out: Path) -> list[dict[str, str]]:
    """The validation report as its reader sees it (the ``'`` marks of a spreadsheet-bound file removed)."""
    text = (out / "validation_report.csv").read_bytes().decode("utf-8-sig")
    return [{k: strip_text_prefix(v) for k, v in r.items()} for r in csv.DictReader(io.StringIO(text, newline=""))]


MARIO = dict(first_name="Mario", last_name="Rossi", address="Via Roma 12", city="Milano", province="MI",
             postcode="20121", country="Italia", birth_date="1980-05-17", tags=["vip", "Roma, centro"])


def test_mailchimp_layout_and_status_files(tmp_path):
    out = tmp_path / "mc"
    people = [
        person(1, ["mario.rossi@gmail.com"], ["+393331234567"], OPT_IN, OPT_IN, **MARIO),
        person(2, ["carla@example.it"], ["+393471112222"], SOFT_SPAM, NO_BASIS, first_name="Carla",
               birth_date="--12-25"),
        person(3, ["anna@example.it", "anna.old@example.it"], [], OPT_OUT),
        person(4, ["bruno@example.it"], [], SUPPRESSED),
        person(5, ["elena@bounce.example"], [], CLEANED),
        person(6, [], ["+393479998888"], NO_BASIS, OPT_IN),  # SMS only: Mailchimp takes email contacts
        person(7, ["gino@example.it"], [], NO_BASIS),
    ]
    result = write_email_tool(people, out, "mailchimp")
    sub = out / "subscribed_members_export_unico.csv"
    raw = sub.read_bytes()
    assert raw.startswith(b"Email Address,First Name,Last Name,Address,Phone Number,Birthday,Tags,OPTIN_TIME\r\n")
    rows = read(sub)
    assert rows[1] == ["mario.rossi@gmail.com", "Mario", "Rossi", "Via Roma 12  Milano  MI  20121  IT",
                       "+393331234567", "05/17", '"vip","Roma, centro"', "2024-03-01 09:00:00"]
    # soft spam: subscribed, but no opt-in time (none happened); no SMS consent, so no phone
    assert rows[2] == ["carla@example.it", "Carla", "", "", "", "12/25", "", ""]
    assert len(rows) == 3
    assert read(out / "unsubscribed_members_export_unico.csv") == [
        ["Email Address"], ["anna@example.it"], ["anna.old@example.it"], ["bruno@example.it"]]
    assert read(out / "cleaned_members_export_unico.csv") == [["Email Address"], ["elena@bounce.example"]]
    assert {f.path.name: f.rows for f in result.files} == {
        "subscribed_members_export_unico.csv": 2, "unsubscribed_members_export_unico.csv": 3,
        "cleaned_members_export_unico.csv": 1}
    assert result.counts == {"profiles": 7, "exported": 2, "excluded_consent": 2, "excluded_invalid": 0,
                             "excluded_duplicate": 0, "suppressed": 3, "no_contact": 0}
    assert result.report_path is None and not (out / "validation_report.csv").exists()
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "subscribed_members_export_unico.csv (2 rows)" in readme and '"Unsubscribed"' in readme


def test_klaviyo_layout(tmp_path):
    out = tmp_path / "kl"
    people = [
        person(1, ["mario.rossi@gmail.com"], ["+393331234567"], OPT_IN, OPT_IN, **MARIO),
        person(2, ["carla@example.it"], [], SOFT_SPAM, first_name="Carla"),
        person(3, [], ["+393479998888"], NO_BASIS, OPT_IN, first_name="Dario"),
        person(4, ["anna@example.it"], ["+393470000001"], OPT_OUT, OPT_OUT),
    ]
    result = write_email_tool(people, out, "klaviyo")
    email = out / "klaviyo_email_subscribers.csv"
    assert email.read_bytes().startswith(
        b"Email,First Name,Last Name,Address,City,State / Region,Zip Code,Country,Email Marketing Consent,"
        b"Email Marketing Consent Timestamp\r\n")
    assert read(email)[1:] == [
        ["mario.rossi@gmail.com", "Mario", "Rossi", "Via Roma 12", "Milano", "MI", "20121", "IT", "Subscribe",
         "2024-03-01 09:00:00"],
        ["carla@example.it", "Carla", "", "", "", "", "", "", "Never subscribed", ""]]
    assert read(out / "klaviyo_sms_subscribers.csv") == [
        ["Phone Number", "Email", "First Name", "Last Name"],
        ["+393331234567", "mario.rossi@gmail.com", "Mario", "Rossi"], ["+393479998888", "", "Dario", ""]]
    assert read(out / "klaviyo_suppressed.csv") == [["Email"], ["anna@example.it"]]
    assert result.counts["exported"] == 3 and result.counts["suppressed"] == 1


def test_brevo_layout_semicolons_and_blocklists_per_channel(tmp_path):
    out = tmp_path / "br"
    people = [
        person(1, ["mario.rossi@gmail.com"], ["+393331234567"], OPT_IN, NO_BASIS, first_name="Mario",
               last_name="Rossi"),
        person(2, ["dario@example.it"], ["+393479998888"], OPT_OUT, OPT_IN, first_name="Dario"),
        person(3, ["anna@example.it"], ["+393470000001"], OPT_IN, OPT_OUT, first_name="Anna; Maria"),
    ]
    write_email_tool(people, out, "brevo")
    contacts = out / "brevo_contacts.csv"
    assert contacts.read_bytes().startswith(b"EMAIL;FIRSTNAME;LASTNAME;SMS\r\n")
    assert read(contacts, ";")[1:] == [["mario.rossi@gmail.com", "Mario", "Rossi", ""],
                                       ["", "Dario", "", "+393479998888"],
                                       ["anna@example.it", "Anna; Maria", "", ""]]
    assert 'anna@example.it;"Anna; Maria";;' in contacts.read_text(encoding="utf-8")
    assert read(out / "brevo_blocklist_email.csv") == [["EMAIL"], ["dario@example.it"]]
    assert read(out / "brevo_blocklist_sms.csv") == [["SMS"], ["+393470000001"]]


def test_values_failing_validation_are_left_out_and_listed(tmp_path):
    people = [
        person(1, ["fàbio@example.it"], [], OPT_IN),  # international character before the @
        person(2, ["nobody@"], [], OPT_IN),
        person(3, ["=cmd@example.it"], [], OPT_IN),
        person(4, ["ok4@example.it"], [], OPT_IN, first_name='=HYPERLINK("http://x","y")', last_name="x" * 300,
               tags=["ok", "🎉 party", "t" * 101], country="Narnia", birth_date="1980"),
        person(5, ["ok5@example.it"], [], consent("opt_in", "consent", "2999-01-01T00:00:00+00:00")),
        person(6, ["ok6@example.it"], [], OPT_IN, address="Via Roma 12", city="Milano"),  # no postcode
    ]
    out = tmp_path / "mc"
    result = write_email_tool(people, out, "mailchimp")
    emails = [r[0] for r in read(out / "subscribed_members_export_unico.csv")[1:]]
    assert emails == ["ok4@example.it", "ok5@example.it", "ok6@example.it"]
    row4 = read(out / "subscribed_members_export_unico.csv")[1]
    assert row4[1:3] == ["", ""] and row4[6] == '"ok"' and row4[5] == ""
    problems = {(r["profile_id"], r["field"]): (r["problem"], r["action"]) for r in report(out)}
    assert problems[("1", "email")] == (
        "international characters before the @ (Mailchimp accepts them only after it)", "left out")
    assert problems[("2", "email")] == ("not a valid email address", "left out")
    assert problems[("3", "email")][0].startswith("starts with '='")
    assert problems[("4", "first_name")] == ("starts with '=', which a spreadsheet would run as a formula",
                                             "left blank")
    assert problems[("4", "last_name")] == ("longer than 255 bytes", "left blank")
    assert problems[("5", "email_consent_at")][0] == "time 2999-01-01T00:00:00+00:00 is in the future"
    assert problems[("6", "address")][0].startswith("incomplete address")
    tags = [(r["value"], r["problem"]) for r in report(out) if r["field"] == "tags"]
    assert tags == [("🎉 party", "tag contains an emoji"), ("t" * 101, "tag longer than 100 characters")]
    assert result.counts["excluded_invalid"] == 3 and result.counts["exported"] == 3
    # the report is spreadsheet-bound: the formula-like values in it are neutralised
    text = (out / "validation_report.csv").read_bytes().decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "\n3,email,email,'=cmd@example.it" in text.replace("\r\n", "\n")
    # Klaviyo takes an international local part, and has a Country column of its own
    kl = write_email_tool([people[0], people[3]], tmp_path / "kl", "klaviyo")
    assert kl.counts["exported"] == 2
    assert [r[7] for r in read(tmp_path / "kl" / "klaviyo_email_subscribers.csv")[1:]] == ["", ""]
    countries = [(r["value"], r["problem"], r["action"]) for r in report(tmp_path / "kl") if r["field"] == "country"]
    assert countries == [("Narnia", "country 'Narnia' not recognised (ISO-2 code needed)", "left blank")]


def test_sms_needs_a_valid_mobile(tmp_path):
    people = [
        person(1, [], ["+390212345678"], NO_BASIS, OPT_IN),  # Milan landline
        person(2, [], ["+39 333 1234567"], NO_BASIS, OPT_IN),  # not E.164
        person(3, [], ["+390212345678", "+393331234567"], NO_BASIS, OPT_IN),  # the mobile is used
    ]
    out = tmp_path / "kl"
    result = write_email_tool(people, out, "klaviyo")
    assert read(out / "klaviyo_sms_subscribers.csv")[1:] == [["+393331234567", "", "", ""]]
    lines = {(r["profile_id"], r["value"]): (r["problem"], r["action"]) for r in report(out)}
    assert lines == {
        ("1", "+390212345678"): ("a landline cannot receive SMS", "left out"),
        ("2", "+39 333 1234567"): ("not an E.164 phone number (+ and 8 to 15 digits)", "left out"),
        ("3", "+390212345678"): ("a landline cannot receive SMS", "skipped; another one used"),
    }
    assert result.counts["excluded_invalid"] == 2 and result.counts["exported"] == 1


def test_one_row_per_person_and_suppression_anywhere_wins(tmp_path):
    people = [
        person(1, ["mario.rossi@gmail.com"], [], OPT_IN),
        person(2, ["MarioRossi+promo@gmail.com"], [], OPT_IN),  # the same gmail mailbox
        person(3, ["family@example.it"], [], OPT_IN),
        person(4, ["family@example.it"], [], OPT_OUT),  # someone else at this address said no
        person(5, ["new@example.it", "mario.rossi@gmail.com"], [], OPT_IN),
    ]
    out = tmp_path / "mc"
    result = write_email_tool(people, out, "mailchimp")
    assert [r[0] for r in read(out / "subscribed_members_export_unico.csv")[1:]] == [
        "mario.rossi@gmail.com", "new@example.it"]
    assert read(out / "unsubscribed_members_export_unico.csv")[1:] == [["family@example.it"]]
    problems = {r["profile_id"]: r["problem"] for r in report(out)}
    assert problems == {"2": "same email as profile 1, exported there",
                        "3": "also on profile 4, whose email consent is opt_out"}
    assert result.counts["excluded_duplicate"] == 1 and result.counts["excluded_consent"] == 1


def test_klaviyo_files_over_the_size_limit_are_split(tmp_path):
    people = [person(i, [f"person{i:03d}@example.it"], [], OPT_IN) for i in range(1, 101)]
    out = tmp_path / "kl"
    result = write_email_tool(people, out, "klaviyo", max_bytes=2_000)
    parts = [f.path for f in result.files if f.path.name.startswith("klaviyo_email_subscribers")]
    assert len(parts) > 1 and [p.name for p in parts[:2]] == ["klaviyo_email_subscribers.csv",
                                                              "klaviyo_email_subscribers-2.csv"]
    assert sorted(parts) == sorted(out.glob("klaviyo_email_subscribers*.csv"))
    emails = []
    for part in parts:
        assert part.stat().st_size <= 2_000
        rows = read(part)
        assert rows[0][0] == "Email"
        emails += [r[0] for r in rows[1:]]
    assert emails == [f"person{i:03d}@example.it" for i in range(1, 101)]
    assert sum(f.rows for f in result.files) == 100


def test_the_folder_must_be_new_or_empty(tmp_path):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "old.csv").write_text("x")
    with pytest.raises(UsageError, match="already holds files"):
        write_email_tool([person(1, ["a@example.it"], [], OPT_IN)], busy, "brevo")
    assert sorted(p.name for p in busy.iterdir()) == ["old.csv"]
    with pytest.raises(UsageError, match="is a file"):
        write_email_tool([], busy / "old.csv", "brevo")
    with pytest.raises(UsageError, match="unknown email tool"):
        write_email_tool([], tmp_path / "new", "sendgrid")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = write_email_tool([person(1, [], [], OPT_IN)], empty, "brevo")
    assert result.files == [] and result.counts["no_contact"] == 1
    assert "(none: nobody to export)" in (empty / "README.txt").read_text(encoding="utf-8")


def test_a_failure_while_writing_leaves_no_files(tmp_path, monkeypatch):
    from app.core.exporting import email_export

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(email_export, "write_csv", broken)  # the report is written after the tool files
    people = [person(1, ["a@example.it"], [], OPT_IN), person(2, ["bad@"], [], OPT_IN),
              person(3, ["b@example.it"], [], OPT_OUT)]
    with pytest.raises(OSError):
        write_email_tool(people, tmp_path / "out", "mailchimp")
    assert not (tmp_path / "out").exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    with pytest.raises(OSError):
        write_email_tool(people, kept, "mailchimp")
    assert kept.is_dir() and list(kept.iterdir()) == []
