"""The normalised columns (`records.n_*`) of one record or of a whole DataFrame: what matching reads.

Two stages, shared by both entry points so that they agree by construction: each input field's cell is
*prepared* (name key, E.164, parsed date…), then *units* combine the prepared values of a few fields into
output columns. A DataFrame prepares each distinct cell once and runs each unit once per distinct
combination of prepared values, then spreads the results back to the rows.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date

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


def normalize_frame(df: pd.DataFrame, region: str = "IT", *, pad_caps: bool | None = None) -> pd.DataFrame:
    """`normalize_record` for every row of a DataFrame of canonical columns (missing columns allowed),
    through `RowNormalizer`. Returns the `n_*` columns (object dtype, None for missing) on `df`'s index."""
    columns = {c: df[c].astype(object).where(df[c].notna(), None).tolist() for c in df.columns if c in _PREPARE}
    rows = RowNormalizer(region, pad_caps=pad_caps).rows(columns, len(df))
    values = list(zip(*rows)) if rows else [()] * len(N_COLUMNS)
    return pd.DataFrame({c: pd.Series(list(v), index=df.index, dtype=object) for c, v in zip(N_COLUMNS, values)})


class _Codes:
    """One input field's distinct cells → small int codes (from 1) of its distinct prepared values."""

    __slots__ = ("prepare", "region", "codes", "ids", "values")

    def __init__(self, name: str, region: str):
        self.prepare, self.region = _PREPARE[name], region
        self.codes: dict[object, int] = {}  # cell → code
        self.ids: dict[Prepared, int] = {}  # prepared value → code
        self.values: list[Prepared] = [None]  # code → prepared value (0 unused: codes are truthy)

    def code(self, cell: object) -> int:
        prepared = self.prepare(cell, self.region)
        code = self.ids.get(prepared)
        if code is None:
            code = self.ids[prepared] = len(self.values)
            self.values.append(prepared)
        self.codes[cell] = code
        return code


class RowNormalizer:
    """`normalize_record` for an importer's batches of plain lists, remembering across batches (names,
    cities and places repeat from one batch to the next). A unit fed by one field runs once per
    distinct cell; a unit fed by several runs once per distinct combination of their prepared values.
    Memory is bounded (`limit` entries per cache). Not thread-safe: one per import."""

    def __init__(self, region: str = "IT", *, pad_caps: bool | None = None, limit: int = 200_000):
        self.region, self.cap_region, self.limit = region, _cap_region(region, pad_caps), limit
        self._codes: dict[str, _Codes] = {}
        self._combined: dict[tuple[int, tuple[str, ...]], dict] = {}  # (unit, fields present) → key → outputs
        self._missing = {name: prepare(None, region) for name, prepare in _PREPARE.items()}

    def rows(self, columns: Mapping[str, Sequence[object]], n: int) -> list[tuple]:
        """One tuple of the `n_*` columns (N_COLUMNS order) per row; ``columns``: field → n cells
        (None for missing), missing fields allowed."""
        outputs: list[Sequence[object]] = []
        for u, (inputs, unit, names) in enumerate(_UNITS):
            present = tuple(name for name in inputs if name in columns)
            if not present:
                results = [unit(*(self._missing[name] for name in inputs), self.cap_region)] * n
            else:
                cache = self._combined.setdefault((u, present), {})
                if len(cache) > self.limit:  # unique columns (emails): bounded memory
                    cache.clear()
                if len(present) == 1:  # keyed by the cell itself
                    keys = columns[present[0]]
                else:  # keyed by the codes of the prepared values
                    keys = list(zip(*(self._codes_of(name, columns[name], (u, present)) for name in present)))
                get, combine = cache.get, self._combiner(inputs, unit, present, cache)
                results = [get(k) or combine(k) for k in keys]  # a unit's outputs are a non-empty tuple
            outputs.extend(zip(*results) if n else [()] * len(names))
        return list(zip(*(outputs[i] for i in _TO_N_COLUMNS)))

    def _codes_of(self, name: str, cells: Sequence[object], unit_key: tuple) -> list[int]:
        f = self._codes.get(name)
        if f is None or len(f.codes) > self.limit:
            f = self._codes[name] = _Codes(name, self.region)
            self._combined[unit_key].clear()  # its keys hold the old codes (a field feeds one unit only)
        get, code = f.codes.get, f.code
        return [get(c) or code(c) for c in cells]

    def _combiner(self, inputs: tuple[str, ...], unit: Callable[..., tuple], present: tuple[str, ...],
                  cache: dict) -> Callable[[object], tuple]:
        cap_region, region = self.cap_region, self.region
        if len(present) == 1:
            name = present[0]
            prepare = _PREPARE[name]
            fixed = [None if other == name else self._missing[other] for other in inputs]
            at = inputs.index(name)

            def combine(cell: object) -> tuple:
                args = fixed.copy()
                args[at] = prepare(cell, region)
                out = cache[cell] = unit(*args, cap_region)
                return out

            return combine
        # per input: its prepared values by code and its place in the key, or a missing field's fixed value
        slots = [(self._codes[name].values, present.index(name)) if name in present else (None, self._missing[name])
                 for name in inputs]

        def combine_codes(key: tuple) -> tuple:
            out = cache[key] = unit(*[v if values is None else values[key[v]] for values, v in slots], cap_region)
            return out

        return combine_codes


_TO_N_COLUMNS = [[c for _, _, names in _UNITS for c in names].index(c) for c in N_COLUMNS]
