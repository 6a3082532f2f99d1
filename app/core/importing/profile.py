"""What a column's values look like: the share of a sample that reads as emails, phones, dates,
amounts, ids, postcodes, codici fiscali, yes/no, names… The auto-mapper weighs header names with
these shares; a known format never needs them.

Each distinct value is tested once (values repeat a lot) and shares count every occurrence.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.core import normalize as nz

_TIME = re.compile(r"^\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*[AaPp]\.?[Mm]\.?)?$")
_DATE_SHAPE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}[-/.]\d{1,2}$|[A-Za-z]{3,}")
_TIME_PART = re.compile(r"\d{1,2}:\d{2}")
_YMD8 = re.compile(r"^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")
_EPOCH = re.compile(r"^1\d{9}(\d{3}|\d{6})?$")  # seconds, ms or µs since 1970 (2001–2286)
_INTEGER = re.compile(r"^[+-]?\d+$")
_IDLIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-./:#]{0,39}$")
_POSTCODE = re.compile(r"^'?\d{4,5}$")
_NAME = re.compile(r"^[^\W\d_]+(?:[ '’.\-][^\W\d_]+){0,4}\.?$")
_STREET_WORDS = re.compile(r"\b(via|v\.?le|viale|piazza|p\.?za|p\.?zza|corso|c\.?so|largo|vicolo|strada|località|"
                           r"loc\.?|frazione|street|st|road|rd|avenue|ave|lane|place|drive|circuit|crescent|way)\b",
                           re.IGNORECASE)
_PHONE_CHARS = re.compile(r"^(p:|tel:|')?\s*[+\d][\d\s./()\-]{5,20}$")
_SHORT_NUMBER = re.compile(r"^\d{1,4}\s*[A-Za-z]?(/[A-Za-z0-9]{1,3})?$|^(snc|s\.n\.c\.?)$", re.IGNORECASE)

KINDS = ("email", "phone", "date", "datetime", "time", "amount", "number", "idlike", "postcode", "cf", "bool",
         "consent", "gender", "name", "firstname", "multiword", "address", "street_number", "province", "country",
         "excel_serial")


@dataclass
class ColumnProfile:
    column: str
    filled: int = 0  # non-empty values in the sample
    distinct: int = 0
    rows: int = 0  # sample rows
    shares: dict[str, float] = field(default_factory=dict)
    values: list[str] = field(default_factory=list)  # non-empty sample values, in file order

    def share(self, kind: str) -> float:
        return self.shares.get(kind, 0.0)

    @property
    def unique(self) -> bool:
        return self.filled > 0 and self.distinct == self.filled

    @property
    def fill_rate(self) -> float:
        return self.filled / self.rows if self.rows else 0.0


def _is_date(v: str) -> bool:
    if _YMD8.match(v):
        return True
    return bool(_DATE_SHAPE.search(v)) and not _TIME.match(v) and nz.parse_date(v, "dmy") is not None


def _is_datetime(v: str) -> bool:
    if _EPOCH.match(v):
        return True
    return bool(_TIME_PART.search(v)) and nz.parse_datetime(v, "dmy") is not None


def _kinds_of(v: str, region: str) -> set[str]:
    out: set[str] = set()
    if "@" in v and nz.is_valid_email(nz.clean_email(v) or ""):
        out.add("email")
        return out
    if _TIME.match(v):
        out.add("time")
    if _is_datetime(v):
        out.add("datetime")
    if _is_date(v):
        out.add("date")
    if _INTEGER.match(v) and 20000 <= int(v) <= 60000:
        out.add("excel_serial")
    if "date" not in out and "datetime" not in out and _PHONE_CHARS.match(v) and nz.to_e164(v, region):
        out.add("phone")
    value, currency = nz.parse_amount(v)
    if value is not None and "date" not in out and "time" not in out:
        out.add("amount")
        if currency is None and re.fullmatch(r"[+-]?\d+([.,]\d+)?", v):
            out.add("number")
    if _IDLIKE.match(v) and any(c.isdigit() for c in v):
        out.add("idlike")
    if _POSTCODE.match(v):
        out.add("postcode")
    if len(v) == 16 and nz.is_valid_cf(v):
        out.add("cf")
    if nz.parse_bool(v) is not None:
        out.add("bool")
    if nz.parse_consent(v) is not None:
        out.add("consent")
    if nz.parse_gender(v) is not None:
        out.add("gender")
    if _NAME.match(v):
        out.add("name")
        if " " in v.strip():
            out.add("multiword")
        key = nz.name_key(v.split()[0])
        if key and nz.first_name_info(key)[0]:
            out.add("firstname")
        code = nz.province_code(v)
        # a sigla, a province name it knows, or a short state code elsewhere (FEBRL's nsw, vic)
        if (code is not None and len(code) == 2) or (len(v) <= 3 and v.isalpha()):
            out.add("province")
        if nz.country_code(v) is not None and len(v) > 1:
            out.add("country")
    if any(c.isalpha() for c in v) and (any(c.isdigit() for c in v) or _STREET_WORDS.search(v)) and " " in v:
        out.add("address")
    if _SHORT_NUMBER.match(v):
        out.add("street_number")
    return out


def profile_column(column: str, values: Iterable[str], region: str = "IT", *, rows: int | None = None,
                   max_distinct: int = 400) -> ColumnProfile:
    cells = [v.strip() for v in values]
    filled = [v for v in cells if v]
    counts = Counter(filled)
    prof = ColumnProfile(column, len(filled), len(counts), rows if rows is not None else len(cells), values=filled)
    if not filled:
        return prof
    tally: Counter[str] = Counter()
    weight = 0
    for value, n in counts.most_common(max_distinct):
        weight += n
        for kind in _kinds_of(value, region):
            tally[kind] += n
    prof.shares = {k: tally[k] / weight for k in KINDS if tally[k]}
    return prof
