from datetime import date

import pandas as pd
import pytest

from app.core.normalize import N_COLUMNS, PartialDate, normalize_frame, normalize_record
from app.core.normalize._bench import messy_records


def test_record_has_exactly_the_contract_columns():
    out = normalize_record({})
    assert tuple(out) == N_COLUMNS
    assert set(out.values()) == {None}


def test_full_record():
    out = normalize_record({
        "first_name": " mario ", "last_name": "D’ANGELO", "email": " Mario.DAngelo+shop@GMail.com ",
        "phone": "06 1234 5678", "mobile": "p:+39 333 123 4567", "birth_date": "1981-03-05", "gender": "Sig.",
        "address": "V.le Monza, 12/a", "postcode": "'20127", "city": "Milano", "province": "(MI)",
        "country": "Italia", "loyalty_card": "'0012345", "customer_id": " C001 ", "national_id": "AX1234567",
    })
    assert out == {
        "n_first": "MARIO", "n_last": "DANGELO", "n_full": "MARIO DANGELO",
        "n_email": "mario.dangelo+shop@gmail.com", "n_email_key": "mariodangelo@gmail.com",
        "n_phone": "+390612345678", "n_mobile": "+393331234567", "n_birth": "1981-03-05", "n_gender": "M",
        "n_street": "VIALE MONZA", "n_number": "12A", "n_postcode": "20127", "n_city": "MILANO",
        "n_province": "MI", "n_country": "IT", "n_cf": None, "n_national_id": "AX1234567",
        "n_loyalty": "0012345", "n_customer_id": "C001",
    }


def test_full_name_only_is_split_and_keeps_written_order():
    out = normalize_record({"full_name": "Rossi Maria Grazia"})
    assert (out["n_first"], out["n_last"], out["n_full"]) == ("MARIAGRAZIA", "ROSSI", "ROSSI MARIAGRAZIA")
    out = normalize_record({"full_name": "Mario De Luca"})
    assert (out["n_first"], out["n_last"], out["n_full"]) == ("MARIO", "DELUCA", "MARIO DELUCA")


def test_first_and_last_are_kept_as_given_even_when_swapped():
    out = normalize_record({"first_name": "Rossi", "last_name": "Mario"})
    assert (out["n_first"], out["n_last"], out["n_full"]) == ("ROSSI", "MARIO", "ROSSI MARIO")


def test_missing_half_is_taken_from_full_name():
    out = normalize_record({"first_name": "Mario", "full_name": "Rossi Mario"})
    assert (out["n_first"], out["n_last"]) == ("MARIO", "ROSSI")
    out = normalize_record({"last_name": "Bianchi", "full_name": "Anna Bianchi"})
    assert (out["n_first"], out["n_last"]) == ("ANNA", "BIANCHI")
    out = normalize_record({"first_name": "Mario", "full_name": "Luigi Verdi"})  # disagrees: not mixed in
    assert (out["n_first"], out["n_last"]) == ("MARIO", None)


def test_whole_name_typed_in_one_box_is_split_when_recognised():
    out = normalize_record({"first_name": "Mario Rossi"})
    assert (out["n_first"], out["n_last"], out["n_full"]) == ("MARIO", "ROSSI", "MARIO ROSSI")
    out = normalize_record({"last_name": "Esposito Anna Maria"})
    assert (out["n_first"], out["n_last"], out["n_full"]) == ("ANNAMARIA", "ESPOSITO", "ESPOSITO ANNAMARIA")
    out = normalize_record({"first_name": "Maria Grazia"})  # a compound first name, not a whole name
    assert (out["n_first"], out["n_last"]) == ("MARIAGRAZIA", None)
    out = normalize_record({"first_name": "Mario Xyzzy"})  # unknown surname: kept as typed
    assert (out["n_first"], out["n_last"]) == ("MARIOXYZZY", None)


def test_separate_particle_column():
    assert normalize_record({"last_name": "Berg", "name_particle": "van der"})["n_last"] == "VANDERBERG"
    assert normalize_record({"last_name": "De Luca", "name_particle": "De"})["n_last"] == "DELUCA"
    assert normalize_record({"last_name": "D'Angelo", "name_particle": "D'"})["n_last"] == "DANGELO"
    assert normalize_record({"last_name": "Desideri", "name_particle": "De"})["n_last"] == "DEDESIDERI"


def test_phones():
    assert normalize_record({"phone": "333 1234567"})["n_phone"] == "+393331234567"  # a mobile in `phone` stays
    same = normalize_record({"phone": "3331234567", "mobile": "+39 333 1234567"})
    assert (same["n_phone"], same["n_mobile"]) == (None, "+393331234567")
    assert normalize_record({"phone": "07911 123456"}, region="GB")["n_phone"] == "+447911123456"


def test_codice_fiscale_fills_birth_and_gender():
    out = normalize_record({"codice_fiscale": "rssmra85t10a562s"})
    assert (out["n_cf"], out["n_birth"], out["n_gender"]) == ("RSSMRA85T10A562S", "1985-12-10", "M")
    out = normalize_record({"codice_fiscale": "RSSMRA85T10A562S", "birth_date": "1985"})
    assert out["n_birth"] == "1985-12-10"  # completes an agreeing partial date
    out = normalize_record({"codice_fiscale": "RSSMRA85T10A562S", "birth_date": "1990-01-01", "gender": "F"})
    assert (out["n_birth"], out["n_gender"]) == ("1990-01-01", "F")  # given values are not overwritten
    assert normalize_record({"codice_fiscale": "RSSMRA85T10A562X"})["n_cf"] is None


@pytest.mark.parametrize("birth, expected", [
    ("1981-03-05", "1981-03-05"), (date(1981, 3, 5), "1981-03-05"), (PartialDate(month=3, day=5), "--03-05"),
    ("--03-05", "--03-05"), ("1981", "1981"), ("05/03/1981", "1981-03-05"), ("05/03/81", "1981-03-05"),
    ("junk", None),
])
def test_birth_forms(birth, expected):
    assert normalize_record({"birth_date": birth})["n_birth"] == expected


def test_postcode_padding_depends_on_country_and_province():
    assert normalize_record({"postcode": "184"})["n_postcode"] == "00184"
    assert normalize_record({"postcode": "184", "province": "RM"})["n_postcode"] == "00184"
    assert normalize_record({"postcode": "2112", "province": "nsw"})["n_postcode"] == "2112"  # FEBRL
    assert normalize_record({"postcode": "0800", "country": "AU"})["n_postcode"] == "0800"
    assert normalize_record({"postcode": "184"}, region="GB")["n_postcode"] == "184"


def test_missing_values_of_every_kind():
    out = normalize_record({"first_name": float("nan"), "email": pd.NA, "phone": None, "city": "  ", "birth_date": pd.NaT})
    assert set(out.values()) == {None}


def _rows_equal(frame: pd.DataFrame, source: pd.DataFrame) -> None:
    assert list(frame.columns) == list(N_COLUMNS)
    assert frame.index.equals(source.index)
    for (index, row), expected in zip(source.iterrows(), frame.to_dict("records")):
        assert normalize_record(row.to_dict()) == expected, index


def test_frame_equals_record_row_by_row_on_generated_data():
    source = messy_records(4000, seed=11)
    assert {"first_name", "full_name", "email", "phone", "mobile", "address", "codice_fiscale"} <= set(source.columns)
    frame = normalize_frame(source)
    _rows_equal(frame, source)
    assert frame["n_phone"].notna().mean() > 0.5 and frame["n_cf"].notna().any()


def test_frame_with_missing_columns_odd_index_and_mixed_types():
    source = pd.DataFrame({
        "email": ["A@B.it", None, "a@b.it", "x"],
        "phone": [3331234567.0, "333 1234567", None, float("nan")],
        "birth_date": [date(1980, 1, 2), "02/01/1980", None, PartialDate(year=1980)],
    }, index=[10, 5, 7, 3])
    frame = normalize_frame(source)
    _rows_equal(frame, source)
    assert frame.loc[10, "n_phone"] == frame.loc[5, "n_phone"] == "+393331234567"
    assert frame.loc[10, "n_birth"] == frame.loc[5, "n_birth"] == "1980-01-02"


def test_frame_of_pandas_string_dtype_and_empty_frame():
    source = pd.DataFrame({"first_name": ["Mario", None, "mario"], "last_name": ["Rossi", "Verdi", None]},
                          dtype="string")
    frame = normalize_frame(source)
    assert frame["n_first"].tolist() == ["MARIO", None, "MARIO"]
    _rows_equal(frame, source)
    empty = normalize_frame(pd.DataFrame({"email": []}))
    assert list(empty.columns) == list(N_COLUMNS) and len(empty) == 0


def test_frame_equals_record_on_the_public_benchmarks(benchmarks_dir):
    febrl = pd.read_csv(benchmarks_dir / "febrl" / "febrl3.csv", dtype=str, skipinitialspace=True).rename(columns={
        "given_name": "first_name", "surname": "last_name", "address_1": "address", "address_2": "address2",
        "suburb": "city", "state": "province", "date_of_birth": "birth_date", "soc_sec_id": "national_id"})
    fake = pd.read_csv(benchmarks_dir / "splink" / "fake_1000.csv", dtype=str).rename(
        columns={"surname": "last_name", "dob": "birth_date"})
    for source in (febrl.head(1500), fake):
        frame = normalize_frame(source)
        _rows_equal(frame, source)
    assert frame["n_birth"].notna().mean() > 0.95 and frame["n_email"].notna().mean() > 0.7
