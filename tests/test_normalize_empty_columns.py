"""A column with nothing but missing cells (a mapped Cellulare column left blank everywhere, or blank in
one chunk of a big file) normalises like an absent column: no error, nothing invented."""
from __future__ import annotations

import pandas as pd
from samples import write_table

from app.core.importing import plan_import, run_import
from app.core.normalize import N_COLUMNS, normalize_frame


def test_an_all_missing_column_is_an_absent_column():
    rows = {"first_name": ["Anna", "Bruno"], "email": ["anna@example.it", None]}
    with_empty = normalize_frame(pd.DataFrame({**rows, "phone": [None, None], "postcode": [float("nan")] * 2}))
    without = normalize_frame(pd.DataFrame(rows))
    assert with_empty.equals(without) and list(with_empty.columns) == list(N_COLUMNS)
    assert with_empty["n_phone"].tolist() == [None, None]


def test_zero_rows_and_all_missing():
    assert len(normalize_frame(pd.DataFrame({"phone": []}))) == 0
    assert normalize_frame(pd.DataFrame({"phone": [None]}))["n_mobile"].tolist() == [None]


def test_the_importer_takes_a_blank_mapped_column(ws, tmp_path):
    path = write_table(tmp_path / "clienti.csv", ["Codice cliente", "Nome", "Cognome", "Cellulare", "Email"],
                       [["C1", "Anna", "Neri", "", "anna@example.it"], ["C2", "Bruno", "Sala", "", ""]],
                       delimiter=";")
    plan = plan_import(path, ws=ws, overrides={"mobile": "Cellulare"})
    assert plan.mapping["mobile"] == "Cellulare"
    result = run_import(ws, plan)
    assert result.counts["imported"] == 2
    assert ws.query("SELECT count(*) FROM records WHERE n_mobile IS NULL")[0][0] == 2
