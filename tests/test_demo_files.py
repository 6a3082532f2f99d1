"""The demo retailer's files have the real layouts: exact headers, encodings, delimiters, quirks."""
from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections import defaultdict
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from app.core.demo import generate_demo

# Header lines copied verbatim from ../shared/docs/DOMAIN.md (appendix).
DOMAIN_SHOPIFY_CUSTOMERS = (
    "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,"
    "Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,"
    "Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags")
DOMAIN_SHOPIFY_ORDERS = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,"
    "Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
    "Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,"
    "Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,"
    "Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,"
    "Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,"
    "Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,"
    "Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,"
    "Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,"
    "Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References")
DOMAIN_MAILCHIMP_SUBSCRIBED = (
    "Email Address,First Name,Last Name,Address,Phone Number,Birthday,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,"
    "CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS")
DOMAIN_MAILCHIMP_UNSUB_ADDS = "UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,UNSUB_REASON,UNSUB_REASON_OTHER"
DOMAIN_MAILCHIMP_CLEAN_ADDS = "CLEAN_TIME,CLEAN_CAMPAIGN_TITLE,CLEAN_CAMPAIGN_ID"
DOMAIN_META_LEADS = ("id\tcreated_time\tad_id\tad_name\tadset_id\tadset_name\tcampaign_id\tcampaign_name\tform_id\t"
                     "form_name\tis_organic\tplatform\tfull_name\tphone_number\temail\tcity\tlead_status")
# Layouts from the brief (Italian till) and the ones we documented (activity, web).
TILL_CONTACTS = ("Codice carta;Cognome;Nome;Data di nascita;Sesso;Indirizzo;CAP;Città;Provincia;Telefono;Cellulare;"
                 "E-mail;Consenso marketing;Data iscrizione;Negozio")
TILL_RECEIPTS = "Data;Ora;Negozio;Cassa;Numero documento;Codice carta;Email scontrino;Importo"
MAILCHIMP_ACTIVITY = "Email Address,Email ID,Campaign ID,Campaign Title,Send Time,Action,Timestamp,URL"
WEB_EVENTS = "event_date,event_timestamp,event_name,user_pseudo_id,user_id,utm_source,utm_medium,utm_campaign,page_location"

ROME = ZoneInfo("Europe/Rome")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return generate_demo(tmp_path_factory.mktemp("demo"), people=700, seed=11)


def read(path, encoding, delimiter):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


def dict_rows(path, encoding, delimiter):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def zip_members(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_manifest_lists_every_file_with_format_ids(demo):
    names = {f.path.name: f for f in demo.files}
    assert set(names) == {"till_clienti.csv", "till_scontrini.csv", "shopify_customers.csv", "shopify_orders.csv",
                          "mailchimp_audience.zip", "mailchimp_activity.csv", "meta_leads.tsv", "web_events.csv"}
    assert {n: f.format_id for n, f in names.items()} == {
        "till_clienti.csv": "auto", "till_scontrini.csv": "auto", "shopify_customers.csv": "shopify_customers",
        "shopify_orders.csv": "shopify_orders", "mailchimp_audience.zip": "mailchimp_audience",
        "mailchimp_activity.csv": "mailchimp_activity", "meta_leads.tsv": "meta_leads",
        "web_events.csv": "web_analytics"}
    for f in demo.files:
        assert f.path.exists() and f.rows > 0
    assert demo.truth_csv.exists() and demo.truth_json.exists()


def test_till_registry_is_cp1252_semicolon_crlf(demo):
    raw = (demo.out_dir / "till_clienti.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # "Città" is one cp1252 byte, not valid UTF-8
    assert raw.decode("cp1252").split("\r\n", 1)[0] == TILL_CONTACTS
    assert raw.count(b"\r\n") == raw.count(b"\n")
    rows = dict_rows(demo.out_dir / "till_clienti.csv", "cp1252", ";")
    births = [r["Data di nascita"] for r in rows if r["Data di nascita"]]
    assert births and all(re.fullmatch(r"\d\d/\d\d/\d{4}", b) for b in births)
    assert any(r["Cognome"].isupper() and len(r["Cognome"]) > 2 for r in rows)  # typed in capitals
    assert any(r["Cognome"] and not r["Cognome"].isupper() for r in rows)
    assert {r["Consenso marketing"] for r in rows} == {"SI", "NO"}
    caps = [r["CAP"] for r in rows if r["CAP"]]
    assert all(re.fullmatch(r"\d{5}", c) for c in caps)
    assert any(c.startswith("0") for c in caps)  # Roma 001xx, Cagliari 091xx keep their zero
    assert all(re.fullmatch(r"29\d{11}", r["Codice carta"]) for r in rows)


def test_receipts_utf8_bom_decimal_commas_and_three_kinds_of_buyer(demo):
    raw = (demo.out_dir / "till_scontrini.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].decode("utf-8").split("\r\n", 1)[0] == TILL_RECEIPTS
    rows = dict_rows(demo.out_dir / "till_scontrini.csv", "utf-8-sig", ";")
    assert all(re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d\d", r["Importo"]) for r in rows)
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4}", r["Data"]) and re.fullmatch(r"\d\d:\d\d", r["Ora"]) for r in rows)
    assert all(re.fullmatch(r"\d{4}-\d{4}", r["Numero documento"]) for r in rows)
    card = [r for r in rows if r["Codice carta"]]
    email_only = [r for r in rows if not r["Codice carta"] and r["Email scontrino"]]
    anonymous = [r for r in rows if not r["Codice carta"] and not r["Email scontrino"]]
    assert card and email_only and anonymous
    cards = {r["Codice carta"] for r in dict_rows(demo.out_dir / "till_clienti.csv", "cp1252", ";")}
    assert {r["Codice carta"] for r in card} <= cards


def test_shopify_customers_layout_and_apostrophes(demo):
    raw = (demo.out_dir / "shopify_customers.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8").split("\n", 1)[0] == DOMAIN_SHOPIFY_CUSTOMERS
    rows = dict_rows(demo.out_dir / "shopify_customers.csv", "utf-8", ",")
    assert all(re.fullmatch(r"'\d{13}", r["Customer ID"]) for r in rows)
    zips = [r["Default Address Zip"] for r in rows if r["Default Address Zip"]]
    assert zips and all(re.fullmatch(r"'\d{5}", z) for z in zips)
    phones = [r["Phone"] for r in rows if r["Phone"]]
    assert phones and all(re.fullmatch(r"'\+39\d{9,10}", p) for p in phones)
    assert {r["Accepts Email Marketing"] for r in rows} == {"yes", "no"}


def test_shopify_orders_one_row_per_line_item(demo):
    text = (demo.out_dir / "shopify_orders.csv").read_text(encoding="utf-8")
    assert text.split("\n", 1)[0] == DOMAIN_SHOPIFY_ORDERS
    header = DOMAIN_SHOPIFY_ORDERS.split(",")
    assert len(header) == 79
    rows = dict_rows(demo.out_dir / "shopify_orders.csv", "utf-8", ",")
    line_cols = {"Name", "Email", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
                 "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
                 "Vendor", "Lineitem discount"}
    orders = defaultdict(list)
    for r in rows:
        orders[r["Name"]].append(r)
    assert any(len(v) > 1 for v in orders.values())
    names = list(dict.fromkeys(r["Name"] for r in rows))
    assert names == sorted(names, key=lambda n: int(n[1:]))  # consecutive rows per order, in order
    for name, items in orders.items():
        first, rest = items[0], items[1:]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}", first["Created at"])
        assert first["Total"] and first["Financial Status"] and first["Source"] in ("web", "pos")
        for r in items:
            assert r["Name"] == name and r["Email"] == first["Email"] and r["Lineitem name"]
        for r in rest:
            assert all(v == "" for k, v in r.items() if k not in line_cols), name
        subtotal = sum(float(r["Lineitem price"]) * int(r["Lineitem quantity"]) for r in items)
        assert abs(float(first["Subtotal"]) - subtotal) < 0.005
        assert abs(float(first["Subtotal"]) - float(first["Discount Amount"]) + float(first["Shipping"])
                   - float(first["Total"])) < 0.005
    firsts = [v[0] for v in orders.values()]
    assert any(r["Source"] == "pos" for r in firsts) and sum(r["Source"] == "web" for r in firsts) > 0.9 * len(firsts)
    web = [r for r in firsts if r["Source"] == "web"]
    assert all(re.fullmatch(r"'\d{5}", r["Billing Zip"]) for r in web)
    customers = {r["Email"].lower() for r in dict_rows(demo.out_dir / "shopify_customers.csv", "utf-8", ",")}
    assert any(r["Email"].lower() not in customers for r in firsts)  # guest checkouts


def test_mailchimp_zip_three_files_fully_quoted(demo):
    members = zip_members(demo.out_dir / "mailchimp_audience.zip")
    assert sorted(members) == sorted(f"{s}_members_export_b7c3e1a94f.csv"
                                     for s in ("subscribed", "unsubscribed", "cleaned"))
    sub_header = DOMAIN_MAILCHIMP_SUBSCRIBED.split(",")
    cut = sub_header.index("REGION") + 1
    expected = {
        "subscribed": sub_header,
        "unsubscribed": sub_header[:cut] + DOMAIN_MAILCHIMP_UNSUB_ADDS.split(",") + sub_header[cut:],
        "cleaned": sub_header[:cut] + DOMAIN_MAILCHIMP_CLEAN_ADDS.split(",") + sub_header[cut:],
    }
    emails = []
    for name, data in members.items():
        text = data.decode("utf-8")
        first_line = text.split("\n", 1)[0]
        assert first_line.startswith('"Email Address","First Name"')  # every field quoted
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == expected[name.split("_")[0]]
        assert len(rows) > 1
        birthdays = [r[5] for r in rows[1:] if r[5]]
        assert all(re.fullmatch(r"\d\d/\d\d", b) for b in birthdays)
        emails += [r[0].lower() for r in rows[1:]]
    assert len(emails) == len(set(emails))


def test_mailchimp_activity_layout(demo):
    rows = read(demo.out_dir / "mailchimp_activity.csv", "utf-8", ",")
    assert ",".join(rows[0]) == MAILCHIMP_ACTIVITY
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert {r["Action"] for r in body} == {"open", "click"}
    for r in body[:200]:
        assert r["Email ID"] == hashlib.md5(r["Email Address"].lower().encode()).hexdigest()
        assert datetime.fromisoformat(r["Timestamp"]) >= datetime.fromisoformat(r["Send Time"])
        assert (r["URL"] != "") == (r["Action"] == "click")


def test_meta_leads_tab_separated_utf16_with_prefixes(demo, tmp_path):
    raw = (demo.out_dir / "meta_leads.tsv").read_bytes()
    assert raw.startswith(b"\xff\xfe")
    text = raw[2:].decode("utf-16-le")
    assert text.split("\n", 1)[0] == DOMAIN_META_LEADS
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    assert all(r["id"].startswith("l:") and r["ad_id"].startswith("ag:") and r["adset_id"].startswith("as:")
               and r["campaign_id"].startswith("c:") and r["form_id"].startswith("f:") for r in rows)
    assert {r["platform"] for r in rows} <= {"fb", "ig"} and {r["is_organic"] for r in rows} <= {"true", "false"}
    phones = [r["phone_number"] for r in rows if r["phone_number"]]
    assert phones and all(re.fullmatch(r"p:\+39\d{9,10}", p) for p in phones)
    assert all(datetime.fromisoformat(r["created_time"]).utcoffset() is not None for r in rows)
    utf8 = generate_demo(tmp_path, people=60, seed=3, utf16_leads=False)
    assert (utf8.out_dir / "meta_leads.tsv").read_bytes().decode("utf-8").startswith("id\tcreated_time\t")


def test_web_events_ga4_like(demo):
    rows = dict_rows(demo.out_dir / "web_events.csv", "utf-8", ",")
    assert ",".join(rows[0].keys()) == WEB_EVENTS
    assert {r["event_name"] for r in rows} == {"page_view", "view_item", "add_to_cart", "begin_checkout", "purchase"}
    customers = {r["Customer ID"].lstrip("'") for r in dict_rows(demo.out_dir / "shopify_customers.csv", "utf-8", ",")}
    user_ids = {r["user_id"] for r in rows if r["user_id"]}
    assert user_ids and user_ids <= customers
    assert any(not r["user_id"] for r in rows)
    assert {(r["utm_source"], r["utm_medium"]) for r in rows} >= {("google", "cpc"), ("(direct)", "(none)"),
                                                                  ("newsletter", "email")}
    for r in rows[:500]:
        local = datetime.fromtimestamp(int(r["event_timestamp"]) / 1e6, tz=UTC).astimezone(ROME)
        assert r["event_date"] == local.strftime("%Y%m%d")
        assert r["page_location"].startswith("https://www.bottegarossi.it/")
