"""RowNormalizer (the importer's normaliser: plain lists, caches kept across batches) and normalize_frame
over it give exactly what normalize_record gives row by row, whatever the batch sizes, the columns
present and the cache limits."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from app.core.normalize import N_COLUMNS, RowNormalizer, normalize_frame, normalize_record
from app.core.normalize import dates
from app.core.normalize._bench import messy_records


def _frame_rows(source: pd.DataFrame, **kw) -> list[tuple]:
    """The reference: normalize_record on each row (missing cells left out)."""
    out = []
    for row in source.to_dict("records"):
        n = normalize_record({k: v for k, v in row.items() if not pd.isna(v)}, **kw)
        out.append(tuple(n[c] for c in N_COLUMNS))
    return out


def test_normalize_frame_equals_the_reference():
    source = messy_records(1500, seed=11)
    frame = normalize_frame(source)
    assert list(zip(*(frame[c].tolist() for c in N_COLUMNS))) == _frame_rows(source)
    assert list(frame.index) == list(source.index) and list(frame.columns) == list(N_COLUMNS)


def _batched(normalizer: RowNormalizer, source: pd.DataFrame, size: int) -> list[tuple]:
    columns = {c: [None if pd.isna(v) else v for v in source[c].tolist()] for c in source.columns}
    out: list[tuple] = []
    for start in range(0, len(source), size):
        batch = {c: values[start:start + size] for c, values in columns.items()}
        out += normalizer.rows(batch, len(next(iter(batch.values()))))
    return out


@pytest.mark.parametrize("pad_caps", [None, True, False])
@pytest.mark.parametrize("size, limit", [(1000, 200_000), (333, 50), (7, 3)])
def test_batches_equal_the_frame(pad_caps, size, limit):
    source = messy_records(3000, seed=5)
    expected = _frame_rows(source, pad_caps=pad_caps)
    got = _batched(RowNormalizer(pad_caps=pad_caps, limit=limit), source, size)
    assert got == expected
    assert sum(1 for r in got if r[N_COLUMNS.index("n_cf")]) > 0  # the generated data reaches every unit


def test_some_inputs_of_a_unit_missing_and_no_inputs_at_all():
    source = messy_records(800, seed=9)[["last_name", "city", "email", "birth_date"]]  # one input of several units
    assert _batched(RowNormalizer(region="IT"), source, 100) == _frame_rows(source)
    empty = RowNormalizer().rows({}, 3)
    assert empty == _frame_rows(pd.DataFrame(index=range(3))) and len(empty) == 3
    assert RowNormalizer().rows({"email": []}, 0) == []


def test_one_normaliser_changing_columns_between_batches():
    source = messy_records(600, seed=2)
    normalizer = RowNormalizer()
    first = _batched(normalizer, source[["first_name", "last_name", "city"]].iloc[:300], 50)
    second = _batched(normalizer, source.iloc[300:], 50)
    assert first == _frame_rows(source[["first_name", "last_name", "city"]].iloc[:300])
    assert second == _frame_rows(source.iloc[300:])


def test_plain_iso_datetimes_take_a_shortcut_to_the_same_values(monkeypatch):
    texts = ["2021-07-11 13:06:05", "2021-07-11T13:06:05", "2021-02-30 10:00:00", "2021-07-11 25:00:00",
             "2024-03-31 02:30:00", "2024-10-27 02:30:00", "1999-12-31 23:59:59", " 2021-07-11 13:06:05 ",
             "2021-07-11 13:06:05+02:00", "2021-07-11 13:06", "11/07/2021 13:06:05"]
    fast = [dates.parse_datetime(t, "dmy", tz) for t in texts for tz in ("Europe/Rome", "UTC")]
    monkeypatch.setattr(dates, "_PLAIN_ISO", type("Never", (), {"fullmatch": staticmethod(lambda s: None)}))
    general = [dates.parse_datetime(t, "dmy", tz) for t in texts for tz in ("Europe/Rome", "UTC")]
    assert fast == general
    assert [None if v is None else (v.isoformat(), v.tzinfo) for v in fast] == \
           [None if v is None else (v.isoformat(), v.tzinfo) for v in general]
    assert fast[0] == datetime(2021, 7, 11, 13, 6, 5, tzinfo=ZoneInfo("Europe/Rome"))
