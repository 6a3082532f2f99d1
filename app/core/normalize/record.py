"""The normalised columns (`records.n_*`) of one record or of a whole DataFrame: what matching reads.

Two stages, shared by both entry points so that they agree by construction: each input field's cell is
*prepared* (name key, E.164, parsed date…), then *units* combine the prepared values of a few fields into
output columns. A DataFrame prepares each distinct cell once and runs each unit once per distinct
combination of prepared values, then spreads the results back to the rows.
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
from app.core.normalize.gazetteer import first_names, surnames
from app.core.normalize.names import name_key, split_full_name_ordered
from app.core.normalize.phone import to_e164
from app.core.normalize.values import parse_gender, strip_text_prefix

N_COLUMNS: tuple[str, ...] = (
    "n_first", "n_last", "n_full", "n_email", "n_email_key", "n_phone", "n_mobile", "n_birth", "n_gender",
    "n_street", "n_number", "n_postcode", "n_city", "n_province", "n_country", "n_cf", "n_national_id",
    "n_loyalty", "n_customer_id",
)


_FIRST_PIECE = re.compile(r"[\s']+")

# Stage 1: each field's cell → a prepared, hashable value (computed once per distinct cell in a DataFrame).
Prepared = object


def _text(value: object, region: str = "IT") -> str | None:
    text = cell_text(value)
    return strip_text_prefix(text) if text else None


Split = tuple[str | None, str | None, bool]  # (first key, last key, surname written first)


def _whole_name(text: str) -> Split | None:
    """A whole name typed in one name box (`Mario Rossi` as the first name): its split, only when the
    gazetteers recognise every first-name word and the surname."""
    if " " not in text and "," not in text:
        return None
    first, last, surname_first = split_full_name_ordered(text)
    if not first or not last or name_key(last) not in surnames():
        return None
    if not all(name_key(word) in first_names() for word in first.split()):
        return None
    return name_key(first), name_key(last), surname_first


def _first(value: object, region: str) -> tuple[str, Split | None] | None:
    """(first-name key, split when the box holds a whole name)."""
    text = _text(value)
    key = name_key(text)
    return (key, _whole_name(text)) if key and text else None


def _particle(value: object, region: str) -> str | None:
    return name_key(_text(value))


def _last(value: object, region: str) -> tuple[str, str | None, Split | None] | None:
    """(surname key, key of its first word, split when the box holds a whole name); the second tells
    whether a separate particle is already there."""
    text = _text(value)
    key = name_key(text)
    return (key, name_key(_FIRST_PIECE.split(text, 1)[0]), _whole_name(text)) if key and text else None


def _full(value: object, region: str) -> Split | None:
    text = _text(value)
    if text is None:
        return None
    first, last, surname_first = split_full_name_ordered(text)
    return name_key(first), name_key(last), surname_first


def _email(value: object, region: str) -> tuple[str | None, str | None]:
    cleaned = clean_email(_text(value))
    return cleaned, email_key(cleaned) if cleaned else None


def _phone(value: object, region: str) -> str | None:
    return to_e164(_text(value), region)


def _birth(value: object, region: str) -> date | PartialDate | None:
    return parse_date(value if isinstance(value, (date, PartialDate)) else _text(value), "dmy", birth=True)


def _gender(value: object, region: str) -> str | None:
    return parse_gender(_text(value))


def _cf(value: object, region: str) -> str | None:
    return normalize_cf(_text(value))


def _city(value: object, region: str) -> str | None:
    return city_key(_text(value))


def _province(value: object, region: str) -> tuple[str | None, bool] | None:
    text = _text(value)
    return (province_code(text), is_italian_province(text)) if text else None


def _country(value: object, region: str) -> str | None:
    return country_code(_text(value))


_PREPARE: dict[str, Callable[[object, str], Prepared]] = {
    "first_name": _first, "last_name": _last, "full_name": _full, "name_particle": _particle,
    "email": _email, "phone": _phone, "mobile": _phone, "birth_date": _birth, "gender": _gender,
    "codice_fiscale": _cf, "address": _text, "address2": _text, "street_number": _text, "postcode": _text,
    "city": _city, "province": _province, "country": _country, "national_id": _text, "loyalty_card": _text,
    "customer_id": _text,
}


# Stage 2: units combine the prepared values of a few fields into output columns.
def _names(first: tuple[str, Split | None] | None, last: tuple[str, str | None, Split | None] | None,
           full: Split | None, particle: str | None, cap_region: str | None) -> tuple[str | None, ...]:
    first_key = first[0] if first else None
    last_key = last[0] if last else None
    # Lightspeed's LastnamePreposition: joined to the surname unless the surname already starts with it.
    if last and particle and last[1] != particle:
        last_key = particle + last[0]
    surname_first = False
    whole = None
    if full is None and (first is None) != (last is None):
        whole = first[1] if first else last[2]  # type: ignore[index]
    if whole:
        first_key, last_key, surname_first = whole
    elif full and not (first_key and last_key):
        split_first, split_last, surname_first = full
        if not first_key and not last_key:
            first_key, last_key = split_first, split_last
        elif not first_key:
            first_key = split_first if split_last == last_key else None
        else:
            last_key = split_last if split_first == first_key else None
    parts = [last_key, first_key] if surname_first else [first_key, last_key]
    return first_key, last_key, " ".join(p for p in parts if p) or None


def _as_is(value: tuple[str | None, ...], cap_region: str | None) -> tuple[str | None, ...]:
    """A prepared value that already holds the outputs (email and its key)."""
    return value


def _one(value: str | None, cap_region: str | None) -> tuple[str | None]:
    return (value,)


def _phones(phone: str | None, mobile: str | None, cap_region: str | None) -> tuple[str | None, ...]:
    if phone is not None and phone == mobile:
        phone = None  # the same number in both fields is kept once, as the mobile
    return phone, mobile


def _person(birth: date | PartialDate | None, gender: str | None, cf: str | None,
            cap_region: str | None) -> tuple[str | None, ...]:
    if cf:
        info = cf_info(cf)
        known = info.birth_date
        # The codice fiscale fills a missing birth date, or completes a partial one it agrees with.
        if birth is None or (isinstance(birth, PartialDate) and birth.year in (None, known.year)
                             and birth.month in (None, known.month) and birth.day in (None, known.day)):
            birth = known
        gender = gender or info.gender
    n_birth = birth.iso() if isinstance(birth, PartialDate) else birth.isoformat() if birth else None
    return n_birth, gender, cf


def _street(address: str | None, address2: str | None, number: str | None,
            cap_region: str | None) -> tuple[str | None, ...]:
    return normalize_street(address or address2, number)


def _place(postcode: str | None, city: str | None, province: tuple[str | None, bool] | None, country: str | None,
           cap_region: str | None) -> tuple[str | None, ...]:
    # A foreign province/state (FEBRL's `nsw`) means the postcode is not an Italian CAP to re-pad.
    pad_region = cap_region if province is None or province[1] else None
    n_postcode = normalize_postcode(postcode, country, region=pad_region)
    return n_postcode, city, province[0] if province else None, country


# (input fields, unit, output columns). A unit's last argument is the CAP region: where a postcode
# of a row naming no country is from (None: only rows naming Italy get their CAP re-padded).
_UNITS: tuple[tuple[tuple[str, ...], Callable[..., tuple[object, ...]], tuple[str, ...]], ...] = (
    (("first_name", "last_name", "full_name", "name_particle"), _names, ("n_first", "n_last", "n_full")),
    (("email",), _as_is, ("n_email", "n_email_key")),
    (("phone", "mobile"), _phones, ("n_phone", "n_mobile")),
    (("birth_date", "gender", "codice_fiscale"), _person, ("n_birth", "n_gender", "n_cf")),
    (("address", "address2", "street_number"), _street, ("n_street", "n_number")),
    (("postcode", "city", "province", "country"), _place, ("n_postcode", "n_city", "n_province", "n_country")),
    (("national_id",), _one, ("n_national_id",)),
    (("loyalty_card",), _one, ("n_loyalty",)),
    (("customer_id",), _one, ("n_customer_id",)),
)


def _cap_region(region: str, pad_caps: bool | None) -> str | None:
    return region if pad_caps is None else "IT" if pad_caps else None


def normalize_record(fields: Mapping[str, object], region: str = "IT", *,
                     pad_caps: bool | None = None) -> dict[str, str | None]:
    """The `n_*` columns (see docs/DESIGN.md) of one record given by canonical field names; missing fields allowed.

    ``pad_caps``: whether 3–4 digit postcodes of rows naming no country are Italian CAPs that lost
    their leading zeros — the importer decides it per file from evidence (importing/postcodes.py);
    None takes the region's word for it (a lone record has no column to judge by)."""
    out: dict[str, object] = {}
    cap_region = _cap_region(region, pad_caps)
    for inputs, unit, outputs in _UNITS:
        prepared = [_PREPARE[name](fields.get(name), region) for name in inputs]
        out.update(zip(outputs, unit(*prepared, cap_region)))
    return {column: out[column] for column in N_COLUMNS}  # type: ignore[misc]


def _prepare_column(column: pd.Series | None, prepare: Callable[[object, str], Prepared], region: str,
                    n: int) -> tuple[np.ndarray, list[Prepared]]:
    """(code per row, distinct prepared values): `prepare` runs once per distinct cell."""
    missing = prepare(None, region)
    if column is None:
        return np.zeros(n, dtype=np.int64), [missing]
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    ids: dict[Prepared, int] = {}
    of_unique = np.fromiter((ids.setdefault(prepare(u, region), len(ids)) for u in uniques), dtype=np.int64,
                            count=len(uniques))
    missing_id = ids.setdefault(missing, len(ids))
    rows = np.full(n, missing_id, dtype=np.int64)
    present = codes >= 0  # a column of nothing but missing cells has no uniques to index
    rows[present] = of_unique[codes[present]]
    return rows, list(ids)


def _combine(codes: list[np.ndarray]) -> np.ndarray:
    """One code per row for the combination of several code columns."""
    combined = codes[0]
    for more in codes[1:]:
        combined, _ = pd.factorize(combined * (int(more.max(initial=0)) + 1) + more)
        combined = combined.astype(np.int64)
    return combined


def normalize_frame(df: pd.DataFrame, region: str = "IT", *, pad_caps: bool | None = None) -> pd.DataFrame:
    """`normalize_record` for every row of a DataFrame of canonical columns (missing columns allowed),
    preparing each distinct cell once and combining each distinct combination of prepared values once.
    Returns the `n_*` columns (object dtype, None for missing) on `df`'s index."""
    n = len(df)
    cap_region = _cap_region(region, pad_caps)
    prepared = {name: _prepare_column(df[name] if name in df.columns else None, prepare, region, n)
                for name, prepare in _PREPARE.items()}
    result: dict[str, np.ndarray] = {}
    for inputs, unit, outputs in _UNITS:
        codes = [prepared[name][0] for name in inputs]
        values = [prepared[name][1] for name in inputs]
        rows = _combine(codes) if n else np.zeros(0, dtype=np.int64)
        count = int(rows.max(initial=-1)) + 1
        first_row = np.zeros(count, dtype=np.int64)
        first_row[rows[::-1]] = np.arange(n - 1, -1, -1)
        per_input = [c[first_row].tolist() for c in codes]
        if len(inputs) == 1:
            combined = [unit(values[0][c], cap_region) for c in per_input[0]]
        else:
            combined = [unit(*(v[c] for v, c in zip(values, combination)), cap_region)
                        for combination in zip(*per_input)]
        for j, column in enumerate(outputs):
            table = np.empty(count, dtype=object)
            table[:] = [out[j] for out in combined]
            result[column] = table[rows]
    return pd.DataFrame({c: pd.Series(result[c], index=df.index, dtype=object) for c in N_COLUMNS})
