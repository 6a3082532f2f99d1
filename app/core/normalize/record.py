"""The normalised columns (`records.n_*`) of one record or of a whole DataFrame: what matching reads.

Each output group is computed by a *unit*: a pure function of a few canonical input fields. A record
runs every unit once; a DataFrame runs each unit once per distinct combination of its input columns and
spreads the results back, so both give the same values by construction.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

import numpy as np
import pandas as pd

from app.core.normalize._text import cell_text
from app.core.normalize.address import city_key, country_code, is_italian_province, normalize_postcode, \
    normalize_street, province_code
from app.core.normalize.codice_fiscale import cf_info, normalize_cf
from app.core.normalize.dates import PartialDate, parse_date
from app.core.normalize.email import clean_email, email_key
from app.core.normalize.names import name_key, split_full_name_ordered
from app.core.normalize.phone import to_e164
from app.core.normalize.values import parse_gender, strip_text_prefix

N_COLUMNS: tuple[str, ...] = (
    "n_first", "n_last", "n_full", "n_email", "n_email_key", "n_phone", "n_mobile", "n_birth", "n_gender",
    "n_street", "n_number", "n_postcode", "n_city", "n_province", "n_country", "n_cf", "n_national_id",
    "n_loyalty", "n_customer_id",
)


_FIRST_PIECE = re.compile(r"[\s']+")


def _text(value: object) -> str | None:
    text = cell_text(value)
    return strip_text_prefix(text) if text else None


def _names(first: object, last: object, full: object, particle: object) -> tuple[str | None, ...]:
    first_key = name_key(_text(first))
    last_text = _text(last)
    last_key = name_key(last_text)
    particle_key = name_key(_text(particle))
    # Lightspeed's LastnamePreposition: joined to the surname unless the surname already starts with it.
    if last_key and particle_key and name_key(_FIRST_PIECE.split(last_text, 1)[0]) != particle_key:
        last_key = particle_key + last_key
    full_text = _text(full)
    surname_first = False
    if full_text and not (first_key and last_key):
        split_first, split_last, surname_first = split_full_name_ordered(full_text)
        if not first_key and not last_key:
            first_key, last_key = name_key(split_first), name_key(split_last)
        elif not first_key:
            first_key = name_key(split_first) if name_key(split_last) == last_key else None
        else:
            last_key = name_key(split_last) if name_key(split_first) == first_key else None
    parts = [last_key, first_key] if surname_first else [first_key, last_key]
    full_key = " ".join(p for p in parts if p) or None
    return first_key, last_key, full_key


def _email(email: object) -> tuple[str | None, ...]:
    cleaned = clean_email(_text(email))
    return cleaned, email_key(cleaned) if cleaned else None


def _phones(phone: object, mobile: object, region: str) -> tuple[str | None, ...]:
    n_phone, n_mobile = to_e164(_text(phone), region), to_e164(_text(mobile), region)
    if n_phone is not None and n_phone == n_mobile:
        n_phone = None  # the same number in both fields is kept once, as the mobile
    return n_phone, n_mobile


def _person(birth: object, gender: object, cf: object) -> tuple[str | None, ...]:
    parsed = parse_date(birth if isinstance(birth, (date, PartialDate)) else _text(birth), "dmy", birth=True)
    n_gender = parse_gender(_text(gender))
    n_cf = normalize_cf(_text(cf))
    if n_cf:
        info = cf_info(n_cf)
        known = info.birth_date
        # The codice fiscale fills a missing birth date, or completes a partial one it agrees with.
        if parsed is None or (isinstance(parsed, PartialDate) and parsed.year in (None, known.year)
                              and parsed.month in (None, known.month) and parsed.day in (None, known.day)):
            parsed = known
        n_gender = n_gender or info.gender
    n_birth = parsed.iso() if isinstance(parsed, PartialDate) else parsed.isoformat() if parsed else None
    return n_birth, n_gender, n_cf


def _street(address: object, address2: object, number: object) -> tuple[str | None, ...]:
    return normalize_street(_text(address) or _text(address2), _text(number))


def _place(postcode: object, city: object, province: object, country: object, region: str) -> tuple[str | None, ...]:
    n_country = country_code(_text(country))
    province_text = _text(province)
    n_province = province_code(province_text)
    # A foreign province/state (FEBRL's `nsw`) means the postcode is not an Italian CAP to re-pad.
    pad_region = region if province_text is None or is_italian_province(province_text) else None
    n_postcode = normalize_postcode(_text(postcode), n_country, region=pad_region)
    return n_postcode, city_key(_text(city)), n_province, n_country


def _ids(national_id: object, loyalty: object, customer_id: object) -> tuple[str | None, ...]:
    return _text(national_id), _text(loyalty), _text(customer_id)


# (input fields, unit, output columns, needs the region)
_UNITS: tuple[tuple[tuple[str, ...], Callable[..., tuple[str | None, ...]], tuple[str, ...], bool], ...] = (
    (("first_name", "last_name", "full_name", "name_particle"), _names, ("n_first", "n_last", "n_full"), False),
    (("email",), _email, ("n_email", "n_email_key"), False),
    (("phone", "mobile"), _phones, ("n_phone", "n_mobile"), True),
    (("birth_date", "gender", "codice_fiscale"), _person, ("n_birth", "n_gender", "n_cf"), False),
    (("address", "address2", "street_number"), _street, ("n_street", "n_number"), False),
    (("postcode", "city", "province", "country"), _place, ("n_postcode", "n_city", "n_province", "n_country"), True),
    (("national_id", "loyalty_card", "customer_id"), _ids, ("n_national_id", "n_loyalty", "n_customer_id"), False),
)


def normalize_record(fields: Mapping[str, object], region: str = "IT") -> dict[str, str | None]:
    """The `n_*` columns (see docs/DESIGN.md) of one record given by canonical field names; missing fields allowed."""
    out: dict[str, str | None] = {}
    for inputs, unit, outputs, regional in _UNITS:
        args = [fields.get(name) for name in inputs]
        out.update(zip(outputs, unit(*args, region) if regional else unit(*args)))
    return {column: out[column] for column in N_COLUMNS}


def _combined_codes(columns: list[pd.Series]) -> np.ndarray:
    """One integer code per row for the combination of values in `columns` (missing values included)."""
    codes = None
    for column in columns:
        column_codes, uniques = pd.factorize(column, use_na_sentinel=False)
        if codes is None:
            codes = column_codes.astype(np.int64)
        else:
            codes, _ = pd.factorize(codes * (len(uniques) + 1) + column_codes)
            codes = codes.astype(np.int64)
    return codes


def normalize_frame(df: pd.DataFrame, region: str = "IT") -> pd.DataFrame:
    """`normalize_record` for every row of a DataFrame of canonical columns, computing each distinct
    combination of a unit's inputs once. Returns the `n_*` columns (object dtype, None for missing) on `df`'s index."""
    n = len(df)
    result: dict[str, np.ndarray] = {}
    for inputs, unit, outputs, regional in _UNITS:
        present = [name for name in inputs if name in df.columns]
        if not present:
            values = unit(*([None] * len(inputs)), *((region,) if regional else ()))
            for column, value in zip(outputs, values):
                result[column] = np.full(n, value, dtype=object)
            continue
        codes = _combined_codes([df[name] for name in present]) if n else np.zeros(0, dtype=np.int64)
        first_rows = np.full(codes.max() + 1 if n else 0, -1, dtype=np.int64)
        first_rows[codes[::-1]] = np.arange(n - 1, -1, -1)  # the first row holding each combination
        columns = {name: df[name].to_numpy(dtype=object) for name in present}
        table = np.empty((len(first_rows), len(outputs)), dtype=object)
        for code, row in enumerate(first_rows):
            args = [columns[name][row] if name in columns else None for name in inputs]
            table[code] = unit(*args, region) if regional else unit(*args)
        spread = table[codes] if n else np.empty((0, len(outputs)), dtype=object)
        for i, column in enumerate(outputs):
            result[column] = spread[:, i]
    return pd.DataFrame({column: pd.Series(result[column], index=df.index, dtype=object) for column in N_COLUMNS})
