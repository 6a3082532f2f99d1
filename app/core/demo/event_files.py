"""Rows of the four event files from the simulated journeys: till receipts, Shopify orders (one row
per line item), Mailchimp campaign activity and GA4-like web events."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator

import numpy as np
import pandas as pd

from app.core.demo import layouts as L
from app.core.demo import tables as T
from app.core.demo.clock import US, Clock, fmt_local, fmt_utc
from app.core.demo.dirt import MOBILE_STYLES, Dirt, format_mobile, phone_styles
from app.core.demo.journeys import Journeys, order_total
from app.core.demo.people import ascii_key

PROVINCE_NAMES = {"MI": "Milano", "MB": "Monza e Brianza", "BG": "Bergamo", "RM": "Roma", "NA": "Napoli",
                  "TO": "Torino", "BO": "Bologna", "FI": "Firenze", "PA": "Palermo", "BA": "Bari", "GE": "Genova",
                  "VR": "Verona", "PD": "Padova", "CA": "Cagliari", "PE": "Pescara", "TN": "Trento", "LE": "Lecce",
                  "AO": "Aosta", "CT": "Catania", "BS": "Brescia"}


def italian_amount(v: float) -> str:
    """49,90 / 1.049,00 / -49,90 as an Italian till prints them."""
    s = f"{abs(v):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"-{s}" if v < 0 else s


def receipts(j: Journeys, clock: Clock) -> tuple[list[list[str]], pd.DataFrame]:
    """Receipt rows in time order. Numero documento is `zzzz-nnnn` as on an RT: the till's daily
    closing number and the document of that day, so it repeats across stores and tills."""
    s = j.store.copy()
    s["day"] = clock.day_of(s["us"].values)
    s = s.sort_values(["store", "cassa", "us"], kind="stable")
    s["doc"] = s.groupby(["store", "cassa", "day"]).cumcount() + 1
    s["z"] = 1200 + s["store"] * 311 + s["cassa"] * 57 + s["day"]
    s = s.sort_values(["us", "store", "cassa"], kind="stable").reset_index(drop=True)
    date = fmt_local(s["us"].values, "%d/%m/%Y")
    hour = fmt_local(s["us"].values, "%H:%M")
    rows = [[d, h, T.STORES[st].name, f"{c:02d}", f"{z:04d}-{doc:04d}", card, email, italian_amount(a)]
            for d, h, st, c, z, doc, card, email, a in zip(date, hour, s["store"], s["cassa"], s["z"], s["doc"],
                                                          s["card"], s["email"], s["amount"])]
    return rows, s


def orders(j: Journeys, people: pd.DataFrame, dirt: Dirt, rng: np.random.Generator
           ) -> tuple[list[list[str]], pd.DataFrame]:
    """Shopify order rows, one per line item; order fields only on the first row of an order."""
    f = L.SHOPIFY_ORDERS.file_name
    o = j.orders.copy()
    n = len(o)
    o["name"] = [f"#{1001 + i}" for i in range(n)]
    o["id"] = np.sort(rng.integers(5_800_000_000_000, 5_900_000_000_000, size=n)).astype(str)
    o["total"] = [order_total(items, d, src) for items, d, src in zip(o["items"], o["discount"], o["source"])]
    pid = o["pid"].values
    p = people.iloc[pid]
    first, last = p["first"].values.copy(), p["last"].values.copy()
    dirt.nickname(f, first)
    dirt.case(f, "lower_case", first, last)
    phone_style = phone_styles(rng, n, (0.3, 0.2, 0.1, 0.2, 0.05, 0.0, 0.0, 0.05, 0.0, 0.1))
    created = fmt_local(o["us"].values, "%Y-%m-%d %H:%M:%S %z")
    fulfilled = fmt_local(o["us"].values + rng.integers(1, 72, size=n) * 3600 * US, "%Y-%m-%d %H:%M:%S %z")
    # web orders are sometimes refunded; a till-side POS sale is paid at the counter
    status = np.where(o["source"].values == "pos", "paid",
                      rng.choice(["paid", "refunded", "partially_refunded"], size=n, p=(0.95, 0.03, 0.02)))
    o["status"] = status
    idx = {name: i for i, name in enumerate(L.SHOPIFY_ORDERS.headers)}
    rows: list[list[str]] = []
    for i in range(n):
        items, pos = o["items"].values[i], o["source"].values[i] == "pos"
        sub = round(sum(T.PRODUCTS[k].price * q for k, q in items), 2)
        total = o["total"].values[i]
        ship = 4.90 if not pos and sub < 59 else 0.0
        disc = round(sub * 0.1, 2) if o["discount"].values[i] else 0.0
        refund = total if status[i] == "refunded" else (round(total * 0.3, 2) if status[i] == "partially_refunded" else 0.0)
        c = T.CITIES[p["city"].values[i]]
        name = f"{first[i]} {last[i]}"
        street = f"{p['street'].values[i]} {p['number'].values[i]}"
        mob = p["mobile"].values[i]
        bphone = format_mobile(mob, phone_style[i] % MOBILE_STYLES) if mob and rng.random() < 0.6 else ""
        token = f"{rng.integers(16**11, 16**12):012x}"
        first_row = {
            "Name": o["name"].values[i], "Email": o["email"].values[i], "Financial Status": status[i],
            "Paid at": created[i], "Fulfillment Status": "fulfilled", "Fulfilled at": created[i] if pos else fulfilled[i],
            "Accepts Marketing": "yes" if p["consent"].values[i] else "no", "Currency": "EUR",
            "Subtotal": f"{sub:.2f}", "Shipping": f"{ship:.2f}", "Taxes": f"{total - total / 1.22:.2f}",
            "Total": f"{total:.2f}", "Discount Code": "BENVENUTO10" if disc else "",
            "Discount Amount": f"{disc:.2f}", "Shipping Method": "" if pos else "Spedizione standard",
            "Created at": created[i], "Billing Name": name,
            "Notes": "", "Cancelled at": "", "Payment Method": "Shopify Payments" if rng.random() < 0.75 else "PayPal Express Checkout",
            "Payment Reference": f"c{token}.1", "Refunded Amount": f"{refund:.2f}", "Outstanding Balance": "0.00",
            "Employee": "Giulia Brambilla" if pos else "", "Location": f"Bottega Rossi {T.STORES[o['store'].values[i]].name}" if pos else "",
            "Device ID": "1" if pos else "", "Id": o["id"].values[i], "Risk Level": "Low", "Source": "pos" if pos else "web",
            "Tax 1 Name": "IVA 22%", "Tax 1 Value": f"{total - total / 1.22:.2f}", "Payment ID": f"c{token}.1",
            "Payment References": f"c{token}.1",
        }
        if not pos:
            for side in ("Billing", "Shipping"):
                first_row |= {f"{side} Name": name, f"{side} Street": street, f"{side} Address1": street,
                              f"{side} City": c.name, f"{side} Zip": f"'{p['cap'].values[i]}",
                              f"{side} Province": c.province, f"{side} Country": "IT", f"{side} Phone": bphone,
                              f"{side} Province Name": PROVINCE_NAMES[c.province]}
        for k, (prod, qty) in enumerate(items):
            pr = T.PRODUCTS[prod]
            line = {"Name": o["name"].values[i], "Email": o["email"].values[i], "Lineitem quantity": str(qty),
                    "Lineitem name": pr.name, "Lineitem price": f"{pr.price:.2f}", "Lineitem compare at price": "",
                    "Lineitem sku": pr.sku, "Lineitem requires shipping": "false" if pos else "true",
                    "Lineitem taxable": "true", "Lineitem fulfillment status": "fulfilled",
                    "Vendor": "Bottega Rossi", "Lineitem discount": "0.00"}
            values = (first_row | line) if k == 0 else line
            row = [""] * len(idx)
            for col, v in values.items():
                row[idx[col]] = v
            rows.append(row)
    return rows, o


def activity(j: Journeys) -> list[list[str]]:
    e, c = j.email, j.campaigns
    sent = fmt_utc(c["send_us"].values, "%Y-%m-%dT%H:%M:%S+00:00")
    ts = fmt_utc(e["us"].values, "%Y-%m-%dT%H:%M:%S+00:00")
    rows = []
    for email, ci, action, t in zip(e["email"], e["campaign"], e["action"], ts):
        slug = j.utms[len(T.WEB_SOURCES) + ci][2]
        url = f"{T.SITE}/collections/novita?utm_source=newsletter&utm_medium=email&utm_campaign={slug}" \
            if action == "click" else ""
        rows.append([email, hashlib.md5(email.lower().encode()).hexdigest(), c["id"].values[ci],
                     c["title"].values[ci], sent[ci], action, t, url])
    return rows


def web_events(j: Journeys, rng: np.random.Generator) -> Iterator[list[str]]:
    w = j.web
    date = fmt_local(w["us"].values, "%Y%m%d")  # GA4 event_date is in the property's time zone
    slugs = ["-".join(ascii_key(x) for x in p.name.split()) for p in T.PRODUCTS]
    for d, us, ev, dev, uid, utm, prod, session in zip(date, w["us"], w["event"], w["device"], w["user_id"],
                                                      w["utm"], w["product"], w["session"]):
        src, med, camp = j.utms[utm]
        token = hashlib.md5(f"checkout{session}".encode()).hexdigest()[:24]
        if ev == "page_view":
            page = f"{T.SITE}/" + ("" if rng.random() < 0.4 else f"products/{slugs[prod]}")
            if med not in ("(none)", "organic", "referral"):
                page += f"?utm_source={src}&utm_medium={med}&utm_campaign={camp}"
        elif ev in ("view_item", "add_to_cart"):
            page = f"{T.SITE}/products/{slugs[prod]}"
        elif ev == "begin_checkout":
            page = f"{T.SITE}/checkouts/cn/{token}"
        else:
            page = f"{T.SITE}/checkouts/cn/{token}/thank-you"
        yield [d, str(us), ev, dev, uid, src, med, camp, page]


def customer_totals(o: pd.DataFrame) -> dict[str, tuple[float, int]]:
    """Total Spent / Total Orders per Shopify customer id, from the orders placed logged in."""
    logged = o[o["customer_id"] != ""]
    g = logged.groupby("customer_id")["total"].agg(["sum", "count"])
    return {cid: (round(float(s), 2), int(k)) for cid, s, k in zip(g.index, g["sum"], g["count"])}
