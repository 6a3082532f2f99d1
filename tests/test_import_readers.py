"""Readers: encodings, delimiters, line numbers, spreadsheets, Mailchimp ZIPs and every refused file."""
from __future__ import annotations

import datetime as dt
import zipfile

import pytest

import samples as S
from app.core.errors import BadDataError
from app.core.importing.readers import read_table


def rows(path):
    return list(read_table(path).records())


@pytest.mark.parametrize("encoding,bom,expected", [
    ("utf-8", False, "utf-8"), ("utf-8", True, "utf-8"), ("utf-16", False, "utf-16-le"),
    ("utf-16-be", False, "utf-16-be"), ("cp1252", False, "cp1252"),
])
def test_encodings_are_detected_and_accents_survive(tmp_path, encoding, bom, expected):
    path = tmp_path / "c.csv"
    if encoding == "utf-16-be":
        path.write_bytes(b"\xfe\xff" + "Nome;Città\nNicolò;Forlì\nMosè;Cantù\n".encode("utf-16-be"))
    else:
        S.write_table(path, ["Nome", "Città"], [["Nicolò", "Forlì"], ["Mosè", "Cantù"]], delimiter=";",
                      encoding=encoding, bom=bom)
    table = read_table(path)
    assert table.encoding == expected
    assert table.headers == ["Nome", "Città"]
    assert [r.values for r in table.records()] == [{"Nome": "Nicolò", "Città": "Forlì"},
                                                    {"Nome": "Mosè", "Città": "Cantù"}]


def test_cp1252_with_euro_sign_and_italian_vowels(tmp_path):
    rows = [["Forlì", "€ 12,50"], ["Cantù", "3,00 €"], ["Perù", "1,00"]]
    path = S.write_table(tmp_path / "t.csv", ["Negozio", "Importo"], rows, delimiter=";", encoding="cp1252")
    table = read_table(path)
    assert table.encoding == "cp1252"
    assert [r.values["Importo"] for r in table.records()] == ["€ 12,50", "3,00 €", "1,00"]


def test_stray_cp1252_byte_in_a_utf8_file_is_read_not_fatal(tmp_path):
    head = "Nome,Città\n" + "".join(f"Nicolò{i},Forlì\n" for i in range(20))
    path = tmp_path / "mixed.csv"
    path.write_bytes(head.encode("utf-8") + "Niccolò,Forlì\n".encode("cp1252"))
    values = [r.values for r in read_table(path).records()]
    assert values[-1] == {"Nome": "Niccolò", "Città": "Forlì"}


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(tmp_path, delimiter):
    path = S.write_table(tmp_path / "d.txt", ["Nome", "Cognome", "Note"],
                         [["Mario", "Rossi", "a, b; c"], ["Anna", "Verdi", "x|y"], ["Luca", "Bianchi", ""]],
                         delimiter=delimiter)
    table = read_table(path)
    assert table.delimiter == delimiter
    assert [r.values["Note"] for r in table.records()] == ["a, b; c", "x|y", ""]


def test_decimal_commas_do_not_fool_the_semicolon_sniffer(tmp_path):
    path = S.write_table(tmp_path / "r.csv", ["Data", "Importo"], [["01/10/2025", "12,50"], ["02/10/2025", "3,00"]],
                         delimiter=";")
    assert read_table(path).delimiter == ";"


def test_multiline_quoted_cells_keep_physical_line_numbers(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text('id,note\n1,"first\nsecond\nthird"\n2,plain\n3,"a\r\nb"\n4,x\n', encoding="utf-8")
    got = [(r.line, r.values["id"]) for r in read_table(path).records()]
    assert got == [(2, "1"), (5, "2"), (6, "3"), (8, "4")]


def test_title_lines_above_the_header_are_skipped_and_reported(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Elenco clienti al 01/10/2025\n\nCodice;Nome;Cognome\nC1;Mario;Rossi\nC2;Anna;Verdi\n",
                    encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["Codice", "Nome", "Cognome"]
    assert [(r.line, r.values["Codice"]) for r in table.records()] == [(4, "C1"), (5, "C2")]
    assert any("line 3" in w for w in table.warnings)


def test_duplicate_and_empty_headers_are_named(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("Phone,,Phone,\n1,2,3,\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["Phone", "Column 2", "Phone (2)"]
    assert next(table.rows())[1] == {"Phone": "1", "Column 2": "2", "Phone (2)": "3"}


def test_rows_with_too_many_values_are_problems_with_their_text(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a;b\n1;2\n3;4;5\n6;7;\n", encoding="utf-8")
    got = rows(path)
    assert [(r.line, r.problem is None) for r in got] == [(2, True), (3, False), (4, True)]
    assert got[1].text == "3;4;5" and "3 values" in got[1].problem


def test_recoverable_broken_quote_is_a_problem_row_and_reading_goes_on(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('a,b\n1,2\n"bad"x,3\n4,5\n', encoding="utf-8")
    got = rows(path)
    assert [(r.line, r.problem is not None) for r in got] == [(2, False), (3, True), (4, False)]
    assert got[1].text == '"bad"x,3'


def test_a_quote_never_closed_is_bad_data_with_its_line(tmp_path):
    path = tmp_path / "open.csv"
    path.write_text('a,b\n1,2\n3,"never closed\n4,5\n6,7\n', encoding="utf-8")
    with pytest.raises(BadDataError) as e:
        rows(path)
    assert e.value.where.line == 3 and "never closed" in str(e.value)


def test_xlsx_picks_the_fullest_sheet_and_writes_cells_as_text(tmp_path):
    path = S.write_xlsx(tmp_path / "c.xlsx", ["Nome", "CAP", "Cellulare", "Nato il", "Importo", "Ora", "Attivo"],
                        [["Mario", "00184", 3331234567, dt.date(1980, 5, 17), 12.5, dt.time(9, 30), True],
                         ["Anna", 20121, "333 7654321", dt.datetime(1990, 1, 2, 3, 4, 5), 12.0, None, False]])
    table = read_table(path)
    assert table.sheet == "Clienti"
    got = [r.values for r in table.records()]
    assert got[0] == {"Nome": "Mario", "CAP": "00184", "Cellulare": "3331234567", "Nato il": "1980-05-17",
                      "Importo": "12.5", "Ora": "09:30:00", "Attivo": "TRUE"}
    assert got[1]["Nato il"] == "1990-01-02 03:04:05" and got[1]["Importo"] == "12" and got[1]["CAP"] == "20121"


def test_xlsx_renamed_csv_is_read_as_a_workbook_with_a_note(tmp_path):
    path = S.write_xlsx(tmp_path / "c.xlsx", ["Nome", "Email"], [["Mario", "m@x.it"]])
    renamed = path.rename(tmp_path / "clienti.csv")
    table = read_table(renamed)
    assert table.sheet == "Clienti" and "Excel workbook" in table.warnings[0]


def test_ods_is_read(tmp_path):
    path = S.write_ods(tmp_path / "c.ods", ["Nome", "CAP", "Nato il", "Punti"],
                       [["Nicolò", "00184", dt.date(1975, 11, 3), 120], ["Anna", "20121", dt.date(1990, 1, 2), 7.5]])
    table = read_table(path)
    assert table.sheet == "Foglio1"
    assert [r.values for r in table.records()] == [
        {"Nome": "Nicolò", "CAP": "00184", "Nato il": "1975-11-03", "Punti": "120"},
        {"Nome": "Anna", "CAP": "20121", "Nato il": "1990-01-02", "Punti": "7.5"}]


def test_mailchimp_zip_is_one_table_with_status_from_file_names(tmp_path):
    table = read_table(S.mailchimp_zip(tmp_path))
    assert table.headers[-1] == "_mailchimp_status"
    assert "UNSUB_TIME" in table.headers and "CLEAN_TIME" in table.headers
    got = [(r.file, r.line, r.values["Email Address"], r.values["_mailchimp_status"]) for r in table.records()]
    assert got == [
        ("subscribed_members_export_ab12cd.csv", 2, "mario.rossi@gmail.com", "subscribed"),
        ("subscribed_members_export_ab12cd.csv", 3, "chiara.fontana@gmail.com", "subscribed"),
        ("unsubscribed_members_export_ab12cd.csv", 2, "luca.b@hotmail.it", "unsubscribed"),
        ("cleaned_members_export_ab12cd.csv", 2, "old.address@tiscali.it", "cleaned"),
    ]


def test_single_unzipped_mailchimp_file_gets_its_status_from_its_name(tmp_path):
    path = S.write_table(tmp_path / "unsubscribed_members_export_9f.csv", ["Email Address", "UNSUB_TIME"],
                         [["a@b.it", "2025-01-01 10:00:00"]])
    assert next(read_table(path).rows())[1]["_mailchimp_status"] == "unsubscribed"


def test_other_zip_is_refused_clearly(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("clienti.csv", "a,b\n1,2\n")
    with pytest.raises(BadDataError, match="not a Mailchimp audience export.*clienti.csv.*unzip"):
        read_table(path)


@pytest.mark.parametrize("make,message", [
    (lambda p: p.write_bytes(b""), "the file is empty"),
    (lambda p: p.write_bytes(b"\xef\xbb\xbf\r\n  \n"), "the file is empty"),
    (S.binary_file, "binary file"),
    (S.pdf_renamed, "PDF document"),
    (S.docx_renamed, "word-processor document"),
])
def test_unusable_files_are_refused_with_a_reason_and_the_file_name(tmp_path, make, message):
    path = tmp_path / "clienti.csv"
    make(path)
    with pytest.raises(BadDataError, match=message) as e:
        read_table(path)
    assert e.value.where.file == "clienti.csv"


def test_a_progress_fraction_grows_to_one(tmp_path):
    path = S.write_contacts_csv(tmp_path / "big.csv", 3000)
    table = read_table(path)
    fractions = []
    for i, _ in enumerate(table.records()):
        if i % 500 == 0:
            fractions.append(table.fraction_read())
    assert fractions == sorted(fractions) and fractions[-1] > 0.5
    assert table.fraction_read() <= 1.0


def test_max_preview_limits_the_rows(tmp_path):
    path = S.write_contacts_csv(tmp_path / "c.csv", 100)
    assert len(list(read_table(path, max_preview=7).rows())) == 7
    assert len(list(read_table(path).rows())) == 100
