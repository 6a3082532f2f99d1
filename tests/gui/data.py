"""Small workspaces written straight into the tables, for GUI tests that must not depend on the
importer or the matcher: three sources, a few people with records, events and decisions."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app.core.workspace import Workspace

NOW = "2026-01-10T10:00:00+00:00"
START = datetime(2025, 11, 1, 9, 0, tzinfo=timezone.utc)
SOURCES = [  # name, kind, channel, format
    ("till", "contacts", "store", "auto"),
    ("shop", "contacts", "online_shop", "shopify_customers"),
    ("web", "events", "web", "web_analytics"),
]
PEOPLE = [  # first, last, email, phone, city
    ("Giulia", "Bianchi", "giulia.bianchi@example.it", "+393331234567", "Milano"),
    ("Marco", "Rossi", "marco.rossi@example.it", "+393401112233", "Monza"),
    ("Anna", "Esposito", "anna.e@example.it", "+393479876543", "Bergamo"),
]


def build_workspace(path: Path, extra_profiles: int = 0) -> dict:
    """Write the workspace; returns ids: {'profiles': [...], 'records': {ref: id}, 'events': n}."""
    ws = Workspace(path)
    ids: dict = {"profiles": [], "records": {}, "events": 0}
    with ws.atomic():
        for i, (name, kind, channel, fmt) in enumerate(SOURCES, start=1):
            ws.execute("INSERT INTO sources(id, name, kind, channel, format, file_name, mapping, counts, created_at, "
                       "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (i, name, kind, channel, fmt, f"{name}.csv", json.dumps({"email": "Email"}), "{}", NOW, NOW))
        for p, (first, last, email, phone, city) in enumerate(PEOPLE, start=1):
            ws.execute("INSERT INTO profiles(id, created_at, updated_at, display_name, email, phone, city, sources, "
                       "n_records, first_activity, last_activity) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       (p, NOW, NOW, f"{first} {last}", email, phone, city, "shop,till", 2, NOW, NOW))
            ids["profiles"].append(p)
            for source_id, srid, consent in ((1, f"C{p:03d}", "opt_in"), (2, f"{1000 + p}", "opt_out")):
                fields = {"first_name": first, "last_name": last, "email": email, "mobile": phone, "city": city}
                if source_id == 2:
                    fields["city"] = city.upper()  # a value the two sources disagree on
                cur = ws.execute(
                    "INSERT INTO records(source_id, source_record_id, raw, fields, n_first, n_last, n_email, "
                    "n_email_key, n_mobile, n_city, email_consent, email_consent_at, created_at, updated_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (source_id, srid, json.dumps({"Nome": first}), json.dumps(fields), first.upper(), last.upper(),
                     email, email, phone, city.upper(), consent, NOW, NOW, NOW))
                ids["records"][f"{SOURCES[source_id - 1][0]}:{srid}"] = cur.lastrowid
                ws.execute("INSERT INTO memberships(record_id, profile_id) VALUES (?, ?)", (cur.lastrowid, p))
        # Giulia's journey: web visits and a cart online, then purchases in the store and online.
        giulia_till, giulia_shop = ids["records"]["till:C001"], ids["records"]["shop:1001"]
        journey = [  # days after START, source, channel, type, amount, record
            (0, 3, "web", "visit", None, giulia_shop), (1, 3, "web", "cart", None, giulia_shop),
            (3, 1, "store", "purchase", 120.0, giulia_till), (10, 2, "online_shop", "purchase", 35.5, giulia_shop),
            (20, 1, "store", "purchase", 1234.56, giulia_till), (25, 3, "web", "visit", None, None),
        ]
        for n, (day, source_id, channel, etype, amount, record) in enumerate(journey):
            when = START + timedelta(days=day)
            ws.execute("INSERT INTO events(source_id, external_id, occurred_at, ts, channel, type, amount, currency, "
                       "store, record_id, raw) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       (source_id, f"E{n}", when.isoformat(), int(when.timestamp()), channel, etype, amount,
                        "EUR" if amount else None, "Milano Centro" if channel == "store" else None, record,
                        json.dumps({"Scontrino": f"E{n}", "Importo": amount})))
            ids["events"] += 1
        ws.execute("INSERT INTO decisions(ts, kind, actor, a_ref, b_ref, reason, probability) VALUES "
                   "(?, 'auto_merge', 'auto', 'till:C001', 'shop:1001', 'same email', 0.999)", (NOW,))
        ws.conn.executemany(
            "INSERT INTO profiles(id, created_at, updated_at, display_name, email, city, n_records) "
            "VALUES (?,?,?,?,?,?,1)",
            [(100 + i, NOW, NOW, f"Cliente {i:06d}", f"cliente{i}@example.it", "Brescia") for i in range(extra_profiles)])
    ws.close()
    return ids


REVIEW_PAIRS = [  # left ref, right ref, probability
    ("till:C001", "till:C002", 0.9),
    ("till:C002", "till:C003", 0.8),
    ("shop:1001", "shop:1003", 0.7),
    ("till:C003", "shop:1001", 0.6),
]
EVIDENCE = [
    {"field": "first_name", "level": 9, "label": "different", "weight": -6.2},
    {"field": "email", "level": 2, "label": "same name at another domain", "weight": 3.4},
    {"field": "city", "level": 1, "label": "exact", "weight": 2.1, "tf": 0.01},
]


def add_review_pairs(path: Path, ids: dict) -> dict[tuple[str, str], int]:
    """Pairs waiting in the review band between records of different profiles; returns their ids."""
    out = {}
    with Workspace(path) as ws, ws.atomic():
        for left, right, p in REVIEW_PAIRS:
            a, b = sorted((ids["records"][left], ids["records"][right]))
            cur = ws.execute("INSERT INTO pairs(a, b, probability, match_weight, evidence, band, priority) "
                             "VALUES (?, ?, ?, ?, ?, 'review', ?)", (a, b, p, 1.0, json.dumps(EVIDENCE), p))
            out[(left, right)] = cur.lastrowid
    return out
