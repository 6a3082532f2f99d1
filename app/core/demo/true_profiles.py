"""The true identities of a demo workspace, read from truth.csv: which person each record is.

For tests and evaluation only (analytics checks its reports against the planted figures with
perfect matching; benchmarks score clusters): the app itself never reads the truth. Records are
tied to truth keys through their raw row — the identity columns of each demo file — so this does
not depend on how the importer names identity records (`email:…`, `card:…`)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from app.core.workspace import Workspace, utcnow

# source name (the demo file's stem, the importer's default) → raw columns naming the person
IDENTITY_COLUMNS = {
    "till_clienti": ("Codice carta",), "shopify_customers": ("Customer ID",),
    "mailchimp_audience": ("Email Address",), "meta_leads": ("id",),
    "till_scontrini": ("Codice carta", "Email scontrino"), "shopify_orders": ("Email",),
    "mailchimp_activity": ("Email Address",), "web_events": ("user_id",),
}


def true_memberships(ws: Workspace, truth_csv: Path) -> dict[int, str]:
    """record id → true person id for every record the truth names (others are left out)."""
    truth: dict[tuple[str, str], str] = {}
    with Path(truth_csv).open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            truth[(Path(r["file"]).stem, r["source_record_key"])] = r["person_id"]
    out: dict[int, str] = {}
    for rid, source, raw in ws.query("SELECT r.id, s.name, r.raw FROM records r JOIN sources s ON s.id = r.source_id"):
        row = json.loads(raw)
        row = row[0] if isinstance(row, list) else row  # grouped rows (an order's line items)
        for column in IDENTITY_COLUMNS.get(source, ()):
            person = truth.get((source, str(row.get(column) or "").lstrip("'")))
            if person:
                out[rid] = person
                break
    return out


def install_true_profiles(ws: Workspace, truth_csv: Path) -> int:
    """Replace profiles and memberships with the truth: one profile per person. Returns the number
    of profiles. Records the truth does not name keep no membership."""
    mapping = true_memberships(ws, truth_csv)
    now = utcnow()
    with ws.atomic():
        ws.execute("DELETE FROM memberships")
        ws.execute("DELETE FROM profiles")
        ids: dict[str, int] = {}
        for person in sorted(set(mapping.values())):
            ids[person] = ws.execute("INSERT INTO profiles(created_at, updated_at) VALUES (?, ?)", (now, now)).lastrowid
        ws.conn.executemany("INSERT INTO memberships(record_id, profile_id) VALUES (?, ?)",
                            [(rid, ids[p]) for rid, p in mapping.items()])
        try:
            from app.core.matching import refresh_profiles
        except ImportError:  # profile summaries are a nicety here
            pass
        else:
            refresh_profiles(ws, ids.values())
    return len(ids)
