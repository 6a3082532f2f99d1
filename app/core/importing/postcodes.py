"""Whether a file's postcodes are Italian CAPs a spreadsheet may have stripped of their leading zeros
(`00184` → `184`), decided once per file from the plan's sample — never from the default region alone,
which would turn FEBRL's Australian `2119` into `02119` and make two rows of one person differ.

Evidence, any one is enough (shares are of the sample's non-empty cells):
- the postcode column is mostly five digits (with the region IT): a CAP column;
- the province column mostly names or abbreviates Italian provinces (`MI`, `Milano`); a few
  foreign codes that happen to be siglas (South Australia's `sa` is Salerno's) do not make a file
  Italian, hence the high share;
- the city column often names an Italian province's chief town (`Roma`, `Milano`);
- the country column mostly says Italy.
Whatever the file says, a row naming Italy as its country is padded and a row with a foreign
country or province is not (app.core.normalize.record).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from app.core.importing.readers import RawRow
from app.core.normalize import country_code, is_italian_province, normalize_postcode

FIVE_DIGITS = 0.5  # share of the postcodes made of digits
PROVINCES = 0.8
CITIES = 0.3
COUNTRY = 0.5


def _share(cells: list[str], test: Callable[[str], bool]) -> float:
    return sum(1 for c in cells if test(c)) / len(cells) if cells else 0.0


def _cells(sample: Iterable[RawRow], column: str | None) -> list[str]:
    if column is None:
        return []
    return [v.strip() for r in sample if (v := r.values.get(column, "")) and v.strip()]


def _five_digits(postcodes: list[str]) -> float:
    digits = [p for p in (normalize_postcode(c) for c in postcodes) if p and p.isdigit()]
    return _share(digits, lambda p: len(p) == 5)


def italian_postcodes(region: str, mapping: Mapping[str, str], sample: list[RawRow]) -> bool:
    """True when this file's 3–4 digit postcodes are CAPs to re-pad (see the module docstring)."""
    if "postcode" not in mapping:
        return False
    if region == "IT" and _five_digits(_cells(sample, mapping["postcode"])) >= FIVE_DIGITS:
        return True
    return (_share(_cells(sample, mapping.get("province")), is_italian_province) >= PROVINCES
            or _share(_cells(sample, mapping.get("city")), is_italian_province) >= CITIES
            or _share(_cells(sample, mapping.get("country")), lambda c: country_code(c) == "IT") >= COUNTRY)
