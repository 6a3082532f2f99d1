"""The store receipts the importer finds in the demo are the truth's: every till receipt with a positive
amount and every Shopify POS order is a store purchase (a POS sale is paid at the counter; the
generator once marked a few as refunded, which the importer rightly read as returns)."""
from __future__ import annotations

import csv
import json

import pytest

from app.core.analytics.reports import identification_report
from app.core.demo.generate import generate_demo
from app.core.importing import plan_import, run_import
from app.core.workspace import Workspace

STORE_FILES = ("till_clienti.csv", "till_scontrini.csv", "shopify_orders.csv")


@pytest.mark.slow
def test_store_purchases_match_the_truth_at_the_demo_defaults(tmp_path):
    manifest = generate_demo(tmp_path / "files", people=2000, seed=7)  # `unico demo build` defaults
    truth = json.loads(manifest.truth_json.read_text(encoding="utf-8"))["identification"]
    with Workspace(tmp_path / "w.db") as ws:
        for f in sorted(manifest.files, key=lambda f: f.kind != "contacts"):
            if f.path.name in STORE_FILES:
                run_import(ws, plan_import(f.path, ws=ws))
        report = identification_report(ws).to_json()
        pos_types = {r[0]: r[1] for r in ws.query(
            "SELECT e.external_id, e.type FROM events e JOIN sources s ON s.id = e.source_id "
            "WHERE s.name = 'shopify_orders' AND e.channel = 'store'")}
    with open(tmp_path / "files" / "shopify_orders.csv", encoding="utf-8-sig", newline="") as fh:
        pos_orders = {r["Name"] for r in csv.DictReader(fh) if r["Source"] == "pos"}
    assert pos_orders and set(pos_types) == pos_orders
    assert set(pos_types.values()) == {"purchase"}
    assert (report["receipts"], report["identified_receipts"]) == (truth["receipts"], truth["receipts_identified"])
    assert report["store_revenue"] == pytest.approx(truth["store_revenue"], abs=0.005)
