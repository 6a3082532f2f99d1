"""CAPs that lost their leading zeros are re-padded only when the file shows it is Italian (mostly
five-digit postcodes, Italian provinces or towns, country Italy) — never on the default region alone:
FEBRL's Australian postcodes keep their four digits, state or no state."""
from __future__ import annotations

import csv

import pytest
from samples import write_table

from app.core.importing import plan_import, run_import
from app.core.normalize import normalize_record

HEADERS = ["Codice cliente", "Nome", "Cognome", "Indirizzo", "CAP", "Città", "Provincia", "Nazione"]


def _import(ws, tmp_path, rows, headers=HEADERS):
    plan = plan_import(write_table(tmp_path / "clienti.csv", headers, rows, delimiter=";"), ws=ws)
    run_import(ws, plan)
    return plan, dict(ws.query("SELECT source_record_id, n_postcode FROM records"))


def test_febrl3_postcodes_keep_their_length(ws, benchmarks_dir):
    path = benchmarks_dir / "febrl" / "febrl3.csv"
    with path.open(newline="") as fh:
        written = {r["rec_id"]: r["postcode"].strip() for r in csv.DictReader(fh)}
    plan = plan_import(path, ws=ws)
    run_import(ws, plan)
    stored = dict(ws.query("SELECT source_record_id, n_postcode FROM records"))
    assert plan.mapping["postcode"] == "postcode" and not plan.pad_caps
    assert len(stored) == len(written) == 5000
    assert [k for k, v in stored.items() if len(v or "") != len(written[k])] == []
    assert stored["rec-1496-org"] == "2119"  # state `sa`: South Australia, not Salerno


def test_a_cap_column_re_pads_its_short_values(ws, tmp_path):
    rows = [["C1", "Anna", "Neri", "Via Roma 1", "20121", "Milano", "", ""],
            ["C2", "Ugo", "Sala", "Via Po 2", "184", "", "", ""],
            ["C3", "Ivo", "Riva", "Via Dante 3", "24121", "", "", ""]]
    plan, stored = _import(ws, tmp_path, rows)
    assert plan.pad_caps and stored == {"C1": "20121", "C2": "00184", "C3": "24121"}


def test_four_digit_postcodes_with_no_italian_evidence_stay_as_written(ws, tmp_path):
    rows = [["C1", "Amy", "Lee", "12 Wallaby Place", "2119", "Cleveland", "sa", "Australia"],
            ["C2", "Tom", "Ray", "3 Pitt Street", "2000", "Sydney", "nsw", "AU"],
            ["C3", "Ada", "Fox", "9 King Street", "3000", "Melbourne", "", ""],
            ["C4", "Lia", "Neri", "Via Po 2", "184", "Roma", "", "Italia"]]  # says Italy: padded anyway
    plan, stored = _import(ws, tmp_path, rows)
    assert not plan.pad_caps and stored == {"C1": "2119", "C2": "2000", "C3": "3000", "C4": "00184"}


@pytest.mark.parametrize("province, city", [("RM", ""), ("", "Roma")])
def test_a_rome_file_whose_caps_all_lost_their_zeros_is_told_by_its_provinces_or_towns(ws, tmp_path, province, city):
    rows = [[f"C{i}", "Anna", "Neri", "Via Po 1", cap, city, province, ""] for i, cap in enumerate(["184", "198", "1100"])]
    plan, stored = _import(ws, tmp_path, rows)
    assert plan.pad_caps and sorted(stored.values()) == ["00184", "00198", "01100"]


def test_the_normaliser_takes_the_importers_decision():
    assert normalize_record({"postcode": "184"}, pad_caps=True)["n_postcode"] == "00184"
    assert normalize_record({"postcode": "184"}, pad_caps=False)["n_postcode"] == "184"
    assert normalize_record({"postcode": "184", "country": "IT"}, pad_caps=False)["n_postcode"] == "00184"
    assert normalize_record({"postcode": "2112", "province": "nsw"}, pad_caps=True)["n_postcode"] == "2112"
    assert normalize_record({"postcode": "184"})["n_postcode"] == "00184"  # a lone record: the region decides
