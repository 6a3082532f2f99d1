"""build_demo_workspace: every demo file imports with no flags, then matching runs."""
from __future__ import annotations

import csv
import json

import pytest

from app.cli import main
from app.core.demo.true_profiles import true_memberships
from app.core.demo.workspace import META_KEY, build_demo_workspace
from app.core.errors import Cancelled, UsageError
from app.core.jobs import Progress
from app.core.workspace import Workspace


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    db = tmp_path_factory.mktemp("ws") / "demo.db"
    return build_demo_workspace(db, people=400, seed=9)


def test_every_file_recognised_and_imported_without_rejects(built):
    with Workspace(built, create=False) as ws:
        summary = ws.get_json(META_KEY)
        sources = {r["name"]: r["format"] for r in ws.query("SELECT name, format FROM sources")}
        counts = ws.counts()
    assert summary["notes"] == []  # no format recognised differently from what the demo wrote
    assert sources == {"till_clienti": "auto", "till_scontrini": "auto", "shopify_customers": "shopify_customers",
                       "shopify_orders": "shopify_orders", "mailchimp_audience": "mailchimp_audience",
                       "mailchimp_activity": "mailchimp_activity", "meta_leads": "meta_leads",
                       "web_events": "web_analytics"}
    assert all(i["counts"]["rejected"] == 0 for i in summary["imports"])
    assert counts["records"] > 0 and counts["events"] > 0 and counts["profiles"] > 0  # matched


def test_receipts_found_their_people(built):
    files = built.parent / "demo-files"
    with open(files / "till_scontrini.csv", encoding="utf-8-sig", newline="") as f:
        receipts = list(csv.DictReader(f, delimiter=";"))
    anonymous = sum(1 for r in receipts if not r["Codice carta"] and not r["Email scontrino"])
    with Workspace(built, create=False) as ws:
        n, anon = ws.query("SELECT count(*), sum(record_id IS NULL) FROM events e JOIN sources s "
                           "ON s.id = e.source_id WHERE s.name = 'till_scontrini'")[0]
    assert n == len(receipts) and anon == anonymous


def test_existing_workspace_is_refused(built):
    with pytest.raises(UsageError):
        build_demo_workspace(built, people=50)


def test_cancel_leaves_no_workspace(tmp_path):
    db = tmp_path / "cancelled.db"

    def stop(fraction: float, message: str) -> None:
        if "till_scontrini" in message:
            progress.cancel()

    progress = Progress(stop, min_interval=0)
    with pytest.raises(Cancelled):
        build_demo_workspace(db, people=100, progress=progress)
    assert not db.exists()


def test_true_identities_let_the_ropo_report_recover_the_planted_figures(tmp_path, capsys):
    db = build_demo_workspace(tmp_path / "t.db", people=400, seed=9, identities="truth")
    files = tmp_path / "t-files"
    truth = json.loads((files / "truth.json").read_text(encoding="utf-8"))
    with Workspace(db, create=False) as ws:
        mapping = true_memberships(ws, files / "truth.csv")
        profiles = ws.scalar("SELECT count(*) FROM profiles")
        contact_records = ws.scalar("SELECT count(*) FROM records WHERE origin = 'row'")
    assert profiles == len(set(mapping.values())) > 0
    # leads come in as events with identity records; the other three person files as rows
    rows = truth["counts"]["rows"]
    assert contact_records == rows["till_clienti.csv"] + rows["shopify_customers.csv"] + rows["mailchimp_audience.zip"]
    assert sum(1 for _ in mapping) >= contact_records  # every contact row, plus event identities
    for days in ("7", "14", "30"):
        assert main(["--db", str(db), "report", "ropo", "--window-days", days, "--format", "json"]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["ropo_share"] == pytest.approx(truth["ropo"][days]["ropo_share"], abs=0.03)
