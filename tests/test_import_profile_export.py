"""Unico's own profile export comes back in keyed by its profile_id: a re-import of a newer export
updates those records instead of adding new ones."""
from __future__ import annotations

import csv

from samples import till_contacts

from app.core.exporting import profile_table
from app.core.importing import plan_import, run_import
from app.core.matching import run_match


def test_profile_export_is_keyed_by_profile_id_on_re_import(ws, tmp_path):
    run_import(ws, plan_import(till_contacts(tmp_path), ws=ws))
    run_match(ws)
    out = tmp_path / "profiles.csv"
    profile_table.export_profiles(ws, out)
    plan = plan_import(out, ws=ws, source="unico_profiles")
    assert (plan.kind, plan.key_column, plan.mapping["customer_id"]) == ("contacts", "profile_id", "profile_id")
    assert plan.confidence["customer_id"] == 1.0 and not any("no key column" in w for w in plan.warnings)
    assert run_import(ws, plan).counts["imported"] == 4
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    keys = {r[0] for r in ws.query("SELECT r.source_record_id FROM records r JOIN sources s ON s.id = r.source_id "
                                   "WHERE s.name = 'unico_profiles'")}
    assert keys == {r["profile_id"] for r in rows}
    rows[0]["city"] = "Sesto San Giovanni"  # a newer export: one profile moved
    newer = tmp_path / "newer" / "profiles.csv"
    newer.parent.mkdir()
    with newer.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    again = run_import(ws, plan_import(newer, ws=ws, source="unico_profiles"))
    assert (again.counts["imported"], again.counts["updated"], again.counts["unchanged"]) == (0, 1, 3)
