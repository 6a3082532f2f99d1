"""End to end: the demo retailer built as a user would (files generated, imported with no flags,
matched with the default settings), then the ROPO report against the generator's own figures.

tests/test_ropo_demo.py checks the analytics on the *true* identities; here the profiles are the
matcher's, so a matching regression that splits store buyers from their online selves (or merges
strangers) moves the ROPO share and fails this test.
"""
from __future__ import annotations

import json

import pytest

from app.core.analytics.reports import ropo_report
from app.core.demo.workspace import META_KEY, build_demo_workspace
from app.core.workspace import Workspace

PP = 0.03  # issue 6: within 3 percentage points of the generator's figure
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def matched_demo(tmp_path_factory):
    db = build_demo_workspace(tmp_path_factory.mktemp("e2e") / "demo.db", people=2000, seed=7)
    ws = Workspace(db)
    meta = ws.get_json(META_KEY)
    with open(meta["truth_json"], encoding="utf-8") as f:
        truth = json.load(f)
    yield ws, meta, truth
    ws.close()


def test_the_demo_was_matched_not_given_its_identities(matched_demo):
    ws, meta, _ = matched_demo
    assert meta["match"]["auto_merged"] > 0 and "true_profiles" not in meta
    assert ws.scalar("SELECT count(*) FROM decisions WHERE kind = 'auto_merge'") == meta["match"]["auto_merged"]
    # fewer profiles than identity records: people were put together
    assert ws.scalar("SELECT count(*) FROM profiles") < ws.scalar("SELECT count(*) FROM records")


@pytest.mark.parametrize("days", [14, 30])
def test_overall_ropo_share_within_three_points(matched_demo, days):
    ws, _, truth = matched_demo
    report = ropo_report(ws, window_days=days)
    assert report.totals["ropo_share"] == pytest.approx(truth["ropo"][str(days)]["ropo_share"], abs=PP)


@pytest.mark.parametrize("days", [14, 30])
def test_near_store_ropo_share_within_three_points(matched_demo, days):
    """Near or far is read from the matched profiles' own addresses (no truth), as the Reports screen does."""
    ws, _, truth = matched_demo
    table = ropo_report(ws, window_days=days, by="near_store").table.set_index("group")
    want = truth["ropo"][str(days)]["segments"]["near"]["ropo_share"]
    assert table.loc["near", "ropo_share"] == pytest.approx(want, abs=PP)
