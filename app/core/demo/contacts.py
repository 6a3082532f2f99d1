"""The four files where every row is one person's record, as each tool really writes them:
the till's loyalty registry, Shopify customers, the Mailchimp audience (three files) and Meta leads.

Each builder returns (rows as lists of strings in header order, person index per row, key per
row). Values are what that channel knows of the person at the time it met them (an old address
before a move, the husband's surname for some married women), then dirtied at the DirtRates.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from app.core.demo import layouts as L
from app.core.demo import tables as T
from app.core.demo.clock import Clock, fmt_dates, fmt_local, fmt_utc
from app.core.demo.dirt import (
    Dirt,
    abbreviate,
    format_landline,
    format_mobile,
    phone_styles,
)
from app.core.demo.identities import Identities

UNSUB_REASONS = ("Non voglio più ricevere queste email", "Troppe email", "Non mi sono mai iscritto a questa lista",
                 "I contenuti non sono pertinenti", "Altro")


@dataclass
class Table:
    """Rows of one file (or one member of the Mailchimp ZIP) with their truth."""

    layout_file: str  # the file name truth.csv uses (the ZIP for Mailchimp members)
    headers: tuple[str, ...]
    rows: list[list[str]]
    pid: np.ndarray  # person index per row
    keys: list[str]  # source_record_key per row


def _address_at(people: pd.DataFrame, pid: np.ndarray, day: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Street, number and CAP a source learnt on `day` (the old ones before a move)."""
    p = people.iloc[pid] if len(pid) else people.iloc[:0]
    old = p["moved"].values & (p["move_day"].values > day)
    return (np.where(old, p["old_street"].values, p["street"].values),
            np.where(old, p["old_number"].values, p["number"].values),
            np.where(old, p["old_cap"].values, p["cap"].values))


def _who(dirt: Dirt, file: str, people: pd.DataFrame, pid: np.ndarray
         ) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The people behind the rows, with the first names and surnames this source knows them by
    (some married women by their husband's surname)."""
    p = people.iloc[pid]
    last = p["last"].values.copy()
    alt = p["alt_last"].values
    rows = dirt.choose(file, "married_surname", alt != "")
    last[rows] = alt[rows]
    return p, p["first"].values.copy(), last


def _streets(dirt: Dirt, file: str, street: np.ndarray, number: np.ndarray, comma_share: float) -> np.ndarray:
    street = street.copy()
    for i in dirt.choose(file, "abbreviate_street", np.ones(len(street), bool)):
        street[i] = abbreviate(street[i], dirt.rng)
    comma = dirt.rng.random(len(street)) < comma_share
    return np.array([f"{s}, {n}" if c else f"{s} {n}" for s, n, c in zip(street, number, comma)], dtype=object)


def _mobiles(dirt: Dirt, national: np.ndarray, weights: tuple[float, ...]) -> np.ndarray:
    styles = phone_styles(dirt.rng, len(national), weights)
    return np.array([format_mobile(v, s) if v else "" for v, s in zip(national, styles)], dtype=object)


def _landlines(dirt: Dirt, national: np.ndarray, city: np.ndarray, weights: tuple[float, ...]) -> np.ndarray:
    styles = phone_styles(dirt.rng, len(national), weights)
    return np.array([format_landline(v, T.CITIES[c].prefix, s) if v else ""
                     for v, c, s in zip(national, city, styles)], dtype=object)


def till_contacts(people: pd.DataFrame, ids: Identities, dirt: Dirt, clock: Clock) -> Table:
    f, r = L.TILL_CONTACTS.file_name, dirt.rates
    cards = ids.cards
    pid, day = cards["pid"].values, cards["day"].values
    n = len(pid)
    p, first, last = _who(dirt, f, people, pid)
    dirt.nickname(f, first, r.nickname / 3)  # cashiers type what the customer says, rarely a nickname
    dirt.swap(f, first, last)
    dirt.typos(f, first)
    dirt.typos(f, last)
    birth = p["birth"].values.astype("datetime64[D]")
    dd = np.array([int(s[8:10]) for s in np.datetime_as_string(birth)], dtype=np.int64)
    mm = np.array([int(s[5:7]) for s in np.datetime_as_string(birth)], dtype=np.int64)
    dirt.date_swap(f, dd, mm)
    years = birth.astype("datetime64[Y]").astype(int) + 1970
    birth_s = np.array([f"{a:02d}/{b:02d}/{y}" for a, b, y in zip(dd, mm, years)], dtype=object)
    dirt.blank(f, "Data di nascita", birth_s, r.missing * 2)
    sex = p["gender"].values.copy()
    dirt.blank(f, "Sesso", sex, r.missing)
    street, number, cap = _address_at(people, pid, day)
    address = _streets(dirt, f, street, number, 0.15)
    city_i = p["city"].values
    city = np.array([T.CITIES[c].name for c in city_i], dtype=object)
    prov = np.array([T.CITIES[c].province for c in city_i], dtype=object)
    cap = cap.copy()
    for col, name in ((address, "Indirizzo"), (cap, "CAP"), (city, "Città"), (prov, "Provincia")):
        dirt.blank(f, name, col, r.missing)
    landline = _landlines(dirt, p["landline"].values, city_i, (0.35, 0.2, 0.25, 0.1, 0.05, 0.03, 0.02))
    dirt.blank(f, "Telefono", landline, 0.3)
    mobile = _mobiles(dirt, p["mobile"].values, (0.3, 0.25, 0.1, 0.08, 0.04, 0.05, 0.03, 0.1, 0.03, 0.02))
    dirt.blank(f, "Cellulare", mobile, r.missing * 1.5)
    email = p["email"].values.copy()
    dirt.blank(f, "E-mail", email, 0.35)
    dirt.email_typos(f, email)
    dirt.email_variants(f, email, r.email_variant / 2)
    store_i = np.array([[s.name for s in T.STORES].index(s) for s in cards["store"].values], dtype=int)
    dirt.junk(f, "junk_email", email, T.JUNK_EMAILS)
    dirt.junk(f, "junk_phone", mobile, T.JUNK_PHONES)
    # the cashier types the store's own phone or email when the customer gives none
    for i in dirt.choose(f, "store_contact", mobile == ""):
        mobile[i] = T.STORES[store_i[i]].phone
    for i in dirt.choose(f, "store_contact", email == ""):
        email[i] = T.STORES[store_i[i]].email
    dirt.case(f, "upper_case", first, last, address, city)
    consent = np.where(p["consent"].values, "SI", "NO")
    joined = fmt_dates(clock.date_of_day(day))
    codes = list(cards["code"].values)
    rows = [list(t) for t in zip(codes, last, first, birth_s, sex, address, cap, city, prov, landline, mobile,
                                 email, consent, joined, cards["store"].values)]
    assert n == len(rows)
    return Table(f, L.TILL_CONTACTS.headers, rows, pid, codes)


def shopify_customers(people: pd.DataFrame, ids: Identities, dirt: Dirt,
                      totals: dict[str, tuple[float, int]] | None = None) -> Table:
    f, r, rng = L.SHOPIFY_CUSTOMERS.file_name, dirt.rates, dirt.rng
    acc = ids.accounts
    pid = acc["pid"].values
    n = len(pid)
    p, first, last = _who(dirt, f, people, pid)
    dirt.typed_by_customer(f, first, last, r.typo / 3)
    dirt.case(f, "lower_case", first, last)
    email = acc["email"].values.copy()
    dirt.email_variants(f, email, r.email_variant / 3)
    street, number, cap = _address_at(people, pid, np.full(n, 10**7))
    address = _streets(dirt, f, street, number, 0.3)
    addr2 = np.where(rng.random(n) < 0.08, np.array(T.ADDRESS2, dtype=object)[rng.integers(len(T.ADDRESS2), size=n)], "")
    has_addr = rng.random(n) >= r.missing * 2  # accounts that never checked out have no default address
    city = np.array([T.CITIES[c].name for c in p["city"].values], dtype=object)
    prov = np.array([T.CITIES[c].province for c in p["city"].values], dtype=object)
    addr_phone = _mobiles(dirt, p["mobile"].values, (0.3, 0.2, 0.15, 0.15, 0.05, 0.0, 0.0, 0.05, 0.0, 0.1))
    addr_phone[rng.random(n) < 0.5] = ""
    phone = np.array([f"'+39{m}" if m and u < 0.35 else "" for m, u in zip(p["mobile"].values, rng.random(n))],
                     dtype=object)
    accepts = np.where(p["consent"].values, "yes", "no")
    sms = np.where((phone != "") & (rng.random(n) < 0.4), "yes", "no")
    totals = totals or {}
    spent = [totals.get(c, (None, None))[0] for c in acc["customer_id"].values]
    orders = [totals.get(c, (None, None))[1] for c in acc["customer_id"].values]
    fake = rng.integers(0, 6, size=n)
    spent = [f"{s:.2f}" if s is not None else f"{k * 57.4:.2f}" for s, k in zip(spent, fake)]
    orders = [str(o) if o is not None else str(k) for o, k in zip(orders, fake)]
    tags = np.array(("", "", "newsletter", "vip", "Login with Shop", "newsletter, vip", "casa"), dtype=object)
    tag = tags[rng.integers(len(tags), size=n)]
    rows = []
    cids = acc["customer_id"].values
    for i in range(n):
        a = has_addr[i]
        rows.append([
            f"'{cids[i]}", first[i], last[i], email[i], accepts[i], "",
            address[i] if a else "", addr2[i] if a else "", city[i] if a else "", prov[i] if a else "",
            "IT" if a else "", f"'{cap[i]}" if a else "", addr_phone[i] if a else "", phone[i], sms[i],
            spent[i], orders[i], "", "no", tag[i],
        ])
    return Table(f, L.SHOPIFY_CUSTOMERS.headers, rows, pid, list(acc["customer_id"].values))


def mailchimp_members(people: pd.DataFrame, ids: Identities, dirt: Dirt, clock: Clock,
                      campaigns: pd.DataFrame) -> dict[str, Table]:
    f, rng = L.MAILCHIMP_AUDIENCE.file_name, dirt.rng
    aud = ids.audience
    pid = aud["pid"].values
    n = len(pid)
    p, first, last = _who(dirt, f, people, pid)
    dirt.nickname(f, first)
    dirt.case(f, "lower_case", first, last)
    dirt.blank(f, "First Name", first, 0.35)
    dirt.blank(f, "Last Name", last, 0.4)
    email = aud["email"].values.copy()
    street, number, cap = _address_at(people, pid, np.full(n, 10**7))
    city_i = p["city"].values
    address = np.array([f"{s} {num}  {T.CITIES[c].name}  {T.CITIES[c].province}  {z}  IT"
                        for s, num, c, z in zip(street, number, city_i, cap)], dtype=object)
    address[rng.random(n) >= 0.15] = ""
    phone = _mobiles(dirt, p["mobile"].values, (0.3, 0.2, 0.1, 0.2, 0.05, 0.02, 0.03, 0.03, 0.02, 0.05))
    phone[rng.random(n) >= 0.2] = ""
    bday = np.array(fmt_dates(p["birth"].values, "%m/%d"), dtype=object)
    bday[rng.random(n) >= 0.3] = ""
    optin_us = clock.local_us(aud["optin_day"].values, rng.integers(7 * 3600, 23 * 3600, size=n))
    confirmed = rng.random(n) < 0.7
    confirm_us = optin_us + rng.integers(60, 3600, size=n) * 1_000_000
    end_us = clock.local_us(np.minimum(aud["end_day"].values, clock.days - 1), rng.integers(8 * 3600, 22 * 3600, size=n))
    # Mailchimp writes these as UTC without a zone
    optin, confirm = fmt_utc(optin_us, "%Y-%m-%d %H:%M:%S"), fmt_utc(confirm_us, "%Y-%m-%d %H:%M:%S")
    changed_us = np.where(aud["status"].values == "subscribed",
                          np.maximum(optin_us, confirm_us) + rng.integers(0, 200, size=n) * 86_400_000_000, end_us)
    changed = fmt_utc(np.minimum(changed_us, clock.local_us(clock.days - 1, 20 * 3600)), "%Y-%m-%d %H:%M:%S")
    end = fmt_utc(end_us, "%Y-%m-%d %H:%M:%S")
    geo = rng.random(n) < 0.4
    rating = rng.choice([1, 2, 3, 4, 5], size=n, p=(0.1, 0.45, 0.25, 0.15, 0.05))
    tags = np.array(('', '"Negozio"', '"Sito"', '"Negozio","VIP"', '"Lead Meta"'), dtype=object)
    tag = tags[rng.integers(len(tags), size=n)]
    camp_days = campaigns["day"].values
    camp_i = np.clip(np.searchsorted(camp_days, aud["end_day"].values, side="right") - 1, 0, max(len(campaigns) - 1, 0))
    # the campaign an address left on (none when it left before the year's first campaign)
    sent_before = aud["end_day"].values >= (camp_days[0] if len(camp_days) else 10**7)
    camp_title = np.where(sent_before, campaigns["title"].values[camp_i] if len(campaigns) else "", "")
    camp_id = np.where(sent_before, campaigns["id"].values[camp_i] if len(campaigns) else "", "")
    reasons = np.array(UNSUB_REASONS, dtype=object)[rng.integers(len(UNSUB_REASONS), size=n)]
    leid, euid, status_of = aud["leid"].values, aud["euid"].values, aud["status"].values
    region = [T.CITIES[c].region for c in city_i]
    out: dict[str, Table] = {}
    for status in ("subscribed", "unsubscribed", "cleaned"):
        sel = np.flatnonzero(status_of == status)
        rows = []
        for i in sel:
            g = geo[i]
            row = [email[i], first[i], last[i], address[i], phone[i], bday[i], str(rating[i]), optin[i], "",
                   confirm[i] if confirmed[i] else "", "", "", "", "1" if g else "", "2" if g else "",
                   "Europe/Rome" if g else "", "IT" if g else "", region[i] if g else ""]
            if status == "unsubscribed":
                other = "Ricevo già troppe newsletter" if reasons[i] == "Altro" else ""
                row += [end[i], camp_title[i], camp_id[i], reasons[i], other]
            elif status == "cleaned":
                row += [end[i], camp_title[i], camp_id[i]]
            row += [changed[i], leid[i], euid[i], "", tag[i]]
            rows.append(row)
        out[status] = Table(f, L.mailchimp_headers(status), rows, pid[sel], list(email[sel]))
    return out


def meta_leads(people: pd.DataFrame, ids: Identities, dirt: Dirt, clock: Clock) -> Table:
    f, r, rng = L.META_LEADS.file_name, dirt.rates, dirt.rng
    leads = ids.leads
    pid = leads["pid"].values
    n = len(pid)
    p, first, last = _who(dirt, f, people, pid)
    dirt.typed_by_customer(f, first, last, r.typo / 2)
    surname_first = dirt.choose(f, "swap_names", np.ones(n, bool), r.swap_names * 4)
    full = np.array([f"{a} {b}" for a, b in zip(first, last)], dtype=object)
    full[surname_first] = [f"{b} {a}" for a, b in zip(first[surname_first], last[surname_first])]
    dirt.case(f, "lower_case", full, rate=r.lower_case * 3)
    email = p["email"].values.copy()
    email = np.where(email == "", p["email2"].values, email)
    dirt.email_typos(f, email)
    dirt.email_variants(f, email, r.email_variant / 3)
    phone = np.array([f"p:+39{m}" if m else "" for m in p["mobile"].values], dtype=object)
    city = np.array([_typed_city(T.CITIES[c].name, T.CITIES[c].province, u)
                     for c, u in zip(p["city"].values, rng.random(n))], dtype=object)
    created = clock.local_us(leads["day"].values, leads["sec"].values)
    created_s = fmt_local(created, "%Y-%m-%dT%H:%M:%S%:z")
    camp = leads["campaign"].values
    adset = rng.integers(len(T.LEAD_ADSETS), size=n)
    ad = rng.integers(len(T.LEAD_ADS), size=n)
    rows = []
    lead_ids = leads["lead_id"].values
    organic = rng.random(n) < 0.05
    instagram = rng.random(n) < 0.45
    for i in range(n):
        c = int(camp[i])
        rows.append([
            lead_ids[i], created_s[i],
            f"ag:{23850000000000000 + c * 1000 + int(ad[i]) * 10 + int(adset[i])}", T.LEAD_ADS[ad[i]],
            f"as:{23849000000000000 + c * 100 + int(adset[i])}", T.LEAD_ADSETS[adset[i]],
            f"c:{23848000000000000 + c}", T.LEAD_CAMPAIGNS[c][0],
            f"f:{1020000000000000 + c}", T.LEAD_CAMPAIGNS[c][1],
            "true" if organic[i] else "false", "ig" if instagram[i] else "fb",
            full[i], phone[i], email[i], city[i], "CREATED",
        ])
    return Table(f, L.META_LEADS.headers, rows, pid, list(leads["lead_id"].values))


def _typed_city(name: str, province: str, u: float) -> str:
    if u < 0.55:
        return name
    if u < 0.8:
        return name.lower()
    if u < 0.9:
        return name.upper()
    return province if u < 0.95 else {"Milano": "Milan", "Roma": "Rome", "Napoli": "Naples", "Torino": "Turin",
                                       "Firenze": "Florence", "Genova": "Genoa"}.get(name, name)
