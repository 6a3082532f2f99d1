"""Dirty data comes at the configured rates, and the realistic traps (households, shared inboxes,
homonyms, moves, phone formats, junk) are there."""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import replace

import pytest
from rapidfuzz.distance import OSA

from app.core.demo import DirtRates, generate_contacts_only
from app.core.demo.dirt import CLEAN
from app.core.normalize import name_key
from app.core.resources import load_json

RECORDS = 6000


def rows(path, encoding="utf-8", delimiter=","):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def generate(tmp_path_factory, name, rates):
    return generate_contacts_only(tmp_path_factory.mktemp(name), records=RECORDS, seed=3, dirt=rates)


def till_with_truth(m):
    """Till registry rows, each with the true person behind it."""
    truth = {r["source_record_key"]: r["person_id"] for r in rows(m.truth_csv) if r["file"] == "till_clienti.csv"}
    people = {r["person_id"]: r for r in rows(m.people_csv)}
    return [(r, people[truth[r["Codice carta"]]]) for r in rows(m.out_dir / "till_clienti.csv", "cp1252", ";")]


def shop_with_truth(m):
    truth = {r["source_record_key"]: r["person_id"] for r in rows(m.truth_csv) if r["file"] == "shopify_customers.csv"}
    people = {r["person_id"]: r for r in rows(m.people_csv)}
    return [(r, people[truth[r["Customer ID"].lstrip("'")]]) for r in rows(m.out_dir / "shopify_customers.csv")]


def share(hits: int, total: int) -> float:
    assert total > 200, "too few eligible rows to measure a rate"
    return hits / total


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return generate(tmp_path_factory, "clean", CLEAN)


@pytest.fixture(scope="module")
def default(tmp_path_factory):
    return generate(tmp_path_factory, "default", DirtRates())


def test_clean_rates_write_the_true_names(clean):
    till = till_with_truth(clean)
    assert all(r["Cognome"] == p["last_name"] and r["Nome"] == p["first_name"] for r, p in till)
    assert all(r["E-mail"] in ("", p["email"]) for r, p in till)
    shop = shop_with_truth(clean)
    assert all(r["First Name"] == p["first_name"] and r["Last Name"] == p["last_name"] for r, p in shop)


def test_typo_rate(tmp_path_factory):
    m = generate(tmp_path_factory, "typo", replace(CLEAN, typo=0.2))
    till = till_with_truth(m)
    differ = [(r["Cognome"], p["last_name"]) for r, p in till if r["Cognome"] != p["last_name"]]
    assert share(len(differ), len(till)) == pytest.approx(0.2, abs=0.04)
    assert all(OSA.distance(a, b) == 1 for a, b in differ)  # one slip, never a different name
    applied = json.loads(m.truth_json.read_text())["dirt"]["applied"]["till_clienti.csv"]["typo"]
    assert applied["applied"] / applied["eligible"] == pytest.approx(0.2, abs=0.03)


def test_upper_case_missing_and_date_swap_rates(tmp_path_factory):
    m = generate(tmp_path_factory, "mixed", replace(CLEAN, upper_case=0.35, missing=0.1, date_swap=0.3))
    till = till_with_truth(m)
    upper = sum(r["Nome"].isupper() for r, _ in till)
    assert share(upper, len(till)) == pytest.approx(0.35, abs=0.04)
    assert share(sum(not r["Sesso"] for r, _ in till), len(till)) == pytest.approx(0.1, abs=0.03)
    assert share(sum(not r["Data di nascita"] for r, _ in till), len(till)) == pytest.approx(0.2, abs=0.035)
    swappable = swapped = 0
    for r, p in till:
        y, mo, d = p["birth_date"].split("-")
        if r["Data di nascita"] and int(d) <= 12 and d != mo:
            swappable += 1
            swapped += r["Data di nascita"] == f"{mo}/{d}/{y}"
            assert r["Data di nascita"] in (f"{d}/{mo}/{y}", f"{mo}/{d}/{y}")
    assert share(swapped, swappable) == pytest.approx(0.3, abs=0.06)


def test_nicknames_and_swapped_names(tmp_path_factory):
    m = generate(tmp_path_factory, "nick", replace(CLEAN, nickname=0.3, swap_names=0.1))
    table = {k: set(v) for k, v in load_json("nicknames.json").items() if not k.startswith("_")}
    shop = shop_with_truth(m)
    eligible = [(r, p) for r, p in shop if name_key(p["first_name"]) in table]
    nick = [(r, p) for r, p in eligible if r["First Name"] != p["first_name"]]
    assert share(len(nick), len(eligible)) == pytest.approx(0.3, abs=0.05)
    assert all(name_key(r["First Name"]) in table[name_key(p["first_name"])] for r, p in nick)
    till = till_with_truth(m)
    swapped = sum(r["Nome"] == p["last_name"] and r["Cognome"] == p["first_name"] for r, p in till)
    assert share(swapped, len(till)) == pytest.approx(0.1, abs=0.03)


def test_junk_and_store_contacts(tmp_path_factory):
    m = generate(tmp_path_factory, "junk", replace(CLEAN, junk_email=0.5, store_contact=0.5))
    till = till_with_truth(m)
    emails = Counter(r["E-mail"] for r, _ in till)
    junk = {"test@test.com", "nomail@nomail.it", "no@no.it", "a@a.it", "cliente@cliente.it"}
    stores = {"milano@bottegarossi.it", "monza@bottegarossi.it", "bergamo@bottegarossi.it"}
    assert sum(emails[e] for e in junk) > 100
    assert sum(emails[e] for e in stores) > 50  # typed for those who gave none and got no junk
    phones = Counter(r["Cellulare"] for r, _ in till)
    assert phones["02 4391 2288"] + phones["039 232 1177"] + phones["035 214 466"] > 50


def test_households_shared_inboxes_homonyms_and_moves(default):
    people = rows(default.people_csv)
    by_inbox = Counter(p["family_email"] for p in people if p["family_email"])
    assert any(n >= 2 for n in by_inbox.values())
    by_landline = defaultdict(set)
    for p in people:
        if p["landline"]:
            by_landline[p["landline"]].add(p["first_name"])
    assert sum(len(v) >= 2 for v in by_landline.values()) > 20  # family members sharing a landline
    names = defaultdict(list)
    for p in people:
        names[(p["first_name"], p["last_name"])].append(p)
    homonyms = [v for v in names.values() if len(v) >= 2]
    assert len(homonyms) > 10
    assert any(len({p["city"] for p in v}) < len(v) for v in homonyms)  # same town, other birth dates
    moved = {p["person_id"]: p for p in people if p["old_address"]}
    till = till_with_truth(default)
    old = [r for r, p in till if p["person_id"] in moved and r["Indirizzo"]
           and r["Indirizzo"].split()[-1] == p["old_address"].split()[-1]
           and r["Indirizzo"].split()[-1] != p["address"].split()[-1]]
    assert old, "registered before the move: the till keeps the old address"
    married = [r for r, p in till if p["married_surname"] and r["Cognome"].lower() == p["married_surname"].lower()]
    assert married, "some wives are registered under the husband's surname"


def test_phone_formats_vary_and_stay_the_same_number(default):
    styles = Counter()
    for r, p in till_with_truth(default):
        v = r["Cellulare"]
        if not v or not p["mobile"] or v in ("02 4391 2288", "039 232 1177", "035 214 466"):
            continue
        digits = re.sub(r"\D", "", v)
        digits = re.sub(r"^(0039|39)(?=3\d{8,9}$)", "", digits)
        if digits in ("0000000", "000000000", "1234567", "3330000000"):
            continue
        assert digits == p["mobile"], v
        styles[re.sub(r"\d", "9", v)] += 1
    assert len(styles) >= 6, styles
