"""A signed cell that reads as a phone number or an amount is a value, not a formula: the rule lives in
the normaliser (``looks_like_formula``) and the importer only calls it."""
from __future__ import annotations

import pytest
from samples import write_table

from app.core.importing import plan_import, run_import
from app.core.normalize import looks_like_formula


@pytest.mark.parametrize("cell", ["+1 415-555-0100", "+1 (415) 555-0100", "+44 20 7946 0958", "-$5.00", "-5,00 €",
                                  "+€ 12,50", "-EUR 3"])
def test_signed_phones_and_amounts_are_values(cell):
    assert looks_like_formula(cell) is False


@pytest.mark.parametrize("cell", ["+1+2", "-2-3", "+HYPERLINK(\"http://x\")", "-A1", "+cmd|' /C calc'!A0", "=1+2",
                                  "@SUM(A1)", "+1 415-555-0100+1"])
def test_formulas_stay_formulas(cell):
    assert looks_like_formula(cell) is True


def test_the_importer_keeps_signed_phones_and_amounts_of_any_column(ws, tmp_path):
    path = write_table(tmp_path / "orders.csv", ["Order", "Date", "Email", "Phone", "Amount", "Note"], [
        ["A1", "2025-10-01", "amy@example.com", "+1 415-555-0100", "-$5.00", "+1 415-555-0100"],
        ["A2", "2025-10-02", "bob@example.com", "+1+2", "=SUM(A1:A3)", "x"],
    ])
    plan = plan_import(path, ws=ws, kind="events", overrides={"event_id": "Order", "occurred_at": "Date",
                                                              "amount": "Amount", "phone": "Phone"})
    result = run_import(ws, plan)
    assert result.counts["events"] == 2 and any("formulas" in w for w in result.warnings)
    events = [tuple(r) for r in ws.query("SELECT external_id, amount, type FROM events ORDER BY external_id")]
    assert events == [("A1", -5.0, "return"), ("A2", None, "other")]  # a formula is never used as a value
    phones = dict(ws.query("SELECT n_email, n_phone FROM records"))
    assert phones == {"amy@example.com": "+14155550100", "bob@example.com": None}
