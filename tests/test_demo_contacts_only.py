"""Contact files alone, sized by record count: the matching benchmarks' data."""
from __future__ import annotations

import csv
import json

import pytest

from app.core.demo import generate_contacts_only
from app.core.errors import UsageError


def test_ten_thousand_records_exactly(tmp_path):
    m = generate_contacts_only(tmp_path, records=10_000, seed=1)
    assert [f.path.name for f in m.files] == ["till_clienti.csv", "shopify_customers.csv", "mailchimp_audience.zip",
                                              "meta_leads.tsv"]
    assert sum(f.rows for f in m.files) == 10_000
    assert all(f.rows > 300 for f in m.files)
    with m.truth_csv.open(encoding="utf-8") as f:
        truth = list(csv.DictReader(f))
    assert len(truth) == 10_000
    assert len({(r["file"], r["source_record_key"]) for r in truth}) == 10_000
    figures = json.loads(m.truth_json.read_text(encoding="utf-8"))
    assert figures["generator"]["mode"] == "contacts_only"
    assert figures["counts"]["contact_records"] == 10_000
    people = len({r["person_id"] for r in truth})
    assert figures["counts"]["people"] == people and 4_000 < people < 9_000
    assert figures["counts"]["true_duplicate_pairs"] > 2_000
    assert not (tmp_path / "till_scontrini.csv").exists() and not (tmp_path / "web_events.csv").exists()
    assert "ropo" not in figures


def test_tiny_and_invalid_sizes(tmp_path):
    m = generate_contacts_only(tmp_path / "one", records=1, seed=1)
    assert sum(f.rows for f in m.files) == 1
    with pytest.raises(UsageError):
        generate_contacts_only(tmp_path / "none", records=0)
