"""Rows → canonical values, column by column: each distinct cell of a field is cleaned and parsed
once (names, cities, dates repeat a lot), so a million rows cost a dictionary lookup per cell.

Cleaning a cell: trim; drop Shopify's/Excel's leading ``'``; a cell a spreadsheet would run as a
formula (``=HYPERLINK(…)``) is kept in the raw row as text but never used as a value (counted and
reported). Parsing follows the field's type (fields.py): names get their display form, emails are
cleaned, phones become E.164, dates use the column's day/month order, amounts their currency.
A value that cannot be parsed is kept in the raw row and counted; only an event's unreadable time
or amount makes a reject (see service.py for the rules).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from operator import itemgetter

import orjson

from app.core import normalize as nz
from app.core.normalize import PartialDate, RowNormalizer
from app.core.fields import FIELDS_BY_NAME
from app.core.importing.plan import ImportPlan
from app.core.importing.readers import RawRow
from app.core import messages

_EMPTY = (None, None)
_SPECIAL_START = frozenset("'=+-@\t\r\n \x00")  # cells that need trimming, prefix or formula checks
_SPECIAL_END = frozenset(" \t\r\n")
UNCACHED = ("id", "email", "phone")  # parsers that return the cleaned text itself (see _parser)
CACHE_LIMIT = 100_000  # distinct cells remembered per field (bounds memory on 2 GB files)


class _FormulaCell(tuple):
    """The cache entry of a formula cell: no value, told apart from an empty cell by its type."""


_FORMULA = _FormulaCell((None, None))

# how each field is parsed (by field name first, then by its declared type)
_BY_FIELD = {"first_name": "name", "last_name": "name", "full_name": "name", "name_particle": "name",
             "codice_fiscale": "cf", "gender": "gender", "event_type": "text", "quantity": "amount",
             "total_orders": "amount"}
_BY_TYPE = {"id": "id", "text": "text", "name": "name", "email": "email", "phone": "phone", "date": "date",
            "datetime": "datetime", "time": "time", "amount": "amount", "number": "amount", "bool": "consent",
            "consent": "consent", "postcode": "id", "code": "id"}


DEFERRED = ("email", "phone")  # parsed by the normaliser, see Converter.fill_from_normalized


def to_json(value: object) -> str:
    """Compact JSON text (orjson: several times faster than json for the million raw rows of a big file)."""
    return orjson.dumps(value).decode("utf-8")


def parser_kind(field_name: str) -> str:
    return _BY_FIELD.get(field_name) or _BY_TYPE[FIELDS_BY_NAME[field_name].type]


@dataclass(slots=True)
class Unit:
    """One record or event to be: a row, or consecutive rows grouped into one order."""

    line: int
    raw: dict[str, str] | list[dict[str, str]]
    values: dict[str, str]
    file: str | None = None
    amount: tuple[float | None, str | None] | None = None  # a grouped order's total, already parsed
    items: list[dict[str, str]] | None = None


@dataclass
class Issues:
    """Counts of values that could not be used, with the first place each was seen."""

    counts: Counter = field(default_factory=Counter)
    first: dict[str, tuple[int, str]] = field(default_factory=dict)

    def add(self, kind: str, line: int, column: str, n: int = 1) -> None:
        self.counts[kind] += n
        self.first.setdefault(kind, (line, column))

    def messages(self, file_name: str) -> list[messages.Text]:
        out = []
        for kind, n in self.counts.items():
            line, column = self.first[kind]
            what = messages.text(f"import.issue.{kind}")
            out.append(messages.text("import.issues", count=n, what=what, file=file_name, line=line, column=column))
        return out


# the kinds of unusable values counted (each has its messages code import.issue.<kind>)
ISSUE_KINDS = frozenset(("formula", "email", "phone", "date", "datetime", "time", "amount", "consent", "gender", "cf"))


def display(value: object) -> object:
    """The canonical value as stored in ``fields``: text, ISO dates, numbers."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, tuple):  # (amount, currency)
        return value[0]
    return value


@dataclass
class Column:
    """A field's values for a batch: the cleaned cell (None if empty) and the parsed value."""

    field: str
    column: str
    cleaned: list[str | None]
    parsed: list[object]
    _shown: list[object] | None = None

    def unreadable(self, i: int) -> bool:
        return self.cleaned[i] is not None and self.parsed[i] is None

    @property
    def shown(self) -> list[object]:
        """The values as stored in ``fields`` (computed once per batch)."""
        if self._shown is None:
            kind = parser_kind(self.field)
            if kind in ("datetime", "time"):  # parsed: a datetime / time or None
                self._shown = [None if v is None else v.isoformat() for v in self.parsed]
            elif kind == "amount":  # parsed: (value, currency) or None
                self._shown = [None if v is None else v[0] for v in self.parsed]
            elif kind == "date":
                self._shown = [display(v) for v in self.parsed]
            else:
                self._shown = self.parsed
        return self._shown


class Converter:
    def __init__(self, plan: ImportPlan):
        self.plan = plan
        fmt = plan.format
        self.null_ids = fmt.null_ids if fmt else frozenset()
        self.hints = dict(fmt.consent_hints) if fmt else {}
        self.issues = Issues()
        self._caches: dict[str, dict[str, tuple]] = {}
        self._formula_fields: set[str] = set()
        self._parsers: dict[str, Callable[[str], object]] = {f: self._parser(f, c) for f, c in plan.mapping.items()}
        self.normalizer = RowNormalizer(plan.region, pad_caps=plan.pad_caps)  # the n_* columns, see contacts.py

    def _parser(self, name: str, column: str) -> Callable[[str], object]:
        plan = self.plan
        kind = parser_kind(name)
        order = plan.date_orders[column].order if column in plan.date_orders else "dmy"
        tz = plan.tz
        if kind == "name":
            return nz.clean_name
        if kind in DEFERRED:  # the normaliser computes these anyway: filled in by fill_from_normalized
            return lambda v: v
        if kind == "date":
            birth = name == "birth_date"
            return lambda v: nz.parse_date(v, order, birth=birth)
        if kind == "datetime":
            return lambda v: nz.parse_datetime(v, order, tz)
        if kind == "time":
            return nz.parse_time
        if kind == "amount":
            return lambda v: (lambda p: p if p[0] is not None else None)(nz.parse_amount(v))
        if kind == "consent":
            hint = self.hints.get(name)
            return lambda v: nz.parse_consent(v, status_hint=hint)
        if kind == "gender":
            return nz.parse_gender
        if kind == "cf":
            return lambda v: nz.normalize_cf(v) or v.upper().replace(" ", "")
        if kind == "id":
            null_ids = self.null_ids
            return lambda v: None if v in null_ids else v
        return lambda v: " ".join(v.split())

    def column(self, name: str, units: list[Unit], cells: list[str] | None = None) -> Column:
        """``cells``: the column's cells of ``units`` when the caller has them already (see ``columns``)."""
        col = self.plan.mapping[name]
        cache = self._caches.setdefault(name, {"": _EMPTY})
        parse = self._parsers[name]
        kind = parser_kind(name)
        if cells is None:
            cells = [u.values.get(col, "") for u in units]

        if kind in UNCACHED:  # unique-ish text kept as read (ids, emails, phones): no cache, no parse
            special, end = _SPECIAL_START, _SPECIAL_END

            def uncached(cell: str) -> tuple:
                # Shopify's `'7270368703716` / `'+393344387928`: the prefix goes, the rest is a plain value
                # (what _clean_and_parse makes of it); anything else takes the full path, not remembered
                if cell[:1] == "'" and cell[-1:].isdecimal() and (
                        cell[1:].isdecimal() or (cell[1:2] == "+" and cell[2:].isdecimal())):
                    text = cell[1:]
                    return text, parse(text)
                return self._miss(name, None, cell, parse)

            hits = [_EMPTY if not c else (c, c) if c[0] not in special and c[-1] not in end else uncached(c)
                    for c in cells]
            if kind == "id" and self.null_ids:
                null_ids = self.null_ids
                hits = [(h[0], None) if h[0] in null_ids else h for h in hits]
        else:
            get = cache.get

            def miss(cell: str) -> tuple:
                return self._miss(name, cache, cell, parse)

            hits = [get(c) or miss(c) for c in cells]  # entries are non-empty tuples: never falsy
        cleaned, parsed = list(map(_FIRST, hits)), list(map(_SECOND, hits))
        where = [i for i, h in enumerate(hits) if h is _FORMULA] if name in self._formula_fields else []
        if where:
            self.issues.add("formula", units[where[0]].line, col, len(where))
        column = Column(name, col, cleaned, parsed)
        if kind not in DEFERRED:
            self.count_unreadable(column, units)
        if kind == "cf":
            bad = [i for i, c in enumerate(cleaned) if c is not None and not nz.is_valid_cf(c)]
            if bad:
                self.issues.add("cf", units[bad[0]].line, col, len(bad))
        return column

    def _miss(self, name: str, cache: dict | None, cell: str, parse: Callable[[str], object]) -> tuple:
        """The cell cleaned and parsed, remembered in ``cache`` (None: not remembered)."""
        if cache is None:
            cache = {}
        elif len(cache) > CACHE_LIMIT:  # a column of unique values (ids, emails): caching buys nothing
            cache.clear()
            cache[""] = _EMPTY
        if not cell:
            return _EMPTY
        if cell[0] in _SPECIAL_START or cell[-1] in _SPECIAL_END:
            hit = _clean_and_parse(cell, parse)
            if hit is _FORMULA:
                self._formula_fields.add(name)
        else:  # the common case: nothing to trim, no prefix, cannot be a formula
            hit = (cell, parse(cell))
        cache[cell] = hit
        return hit

    def count_unreadable(self, column: Column, units: list[Unit]) -> None:
        kind = parser_kind(column.field)
        # an empty cell parses to None too: more Nones parsed than cleaned means unreadable values
        if kind in ISSUE_KINDS and column.parsed.count(None) > column.cleaned.count(None):
            bad = [i for i, (c, p) in enumerate(zip(column.cleaned, column.parsed)) if c is not None and p is None]
            if bad:
                self.issues.add(kind, units[bad[0]].line, column.column, len(bad))

    def columns(self, units: list[Unit]) -> dict[str, Column]:
        mapping = self.plan.mapping
        names = list(mapping)
        if not names:
            return {}
        values = [u.values for u in units]
        try:  # every mapped column in one pass over the rows (row by row: the dicts are read once)
            getter = itemgetter(*(mapping[n] for n in names))
            table = list(zip(*map(getter, values))) if len(names) > 1 else [list(map(getter, values))]
        except KeyError:  # a row without some column (derived, grouped): cell by cell
            table = [[v.get(mapping[n], "") for v in values] for n in names]
        if not values:
            table = [[] for _ in names]
        return {name: self.column(name, units, list(cells)) for name, cells in zip(names, table)}

    def fill_from_normalized(self, cols: dict[str, Column], nrows: list[tuple], units: list[Unit]) -> None:
        """Emails and phones: their display form is what the normaliser already computed (n_email,
        n_mobile, n_phone), so they are not parsed twice. ``n_phone`` is empty when the phone equals
        the mobile: then the phone's own E.164 is computed here."""
        from app.core.normalize import N_COLUMNS

        for name, n_col in (("email", "n_email"), ("mobile", "n_mobile"), ("phone", "n_phone")):
            col = cols.get(name)
            if col is None:
                continue
            k = N_COLUMNS.index(n_col)
            region = self.plan.region
            col.parsed = [row[k] if row[k] is not None or cell is None
                          else (nz.to_e164(cell, region) if name != "email" else None)
                          for cell, row in zip(col.cleaned, nrows)]
            col._shown = None
            self.count_unreadable(col, units)


_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _clean_and_parse(cell: str, parse: Callable[[str], object]) -> object:
    text = cell.strip()
    if not text:
        return _EMPTY
    text = nz.strip_text_prefix(text)
    if nz.looks_like_formula(text):  # signed phones and amounts (`+1 415-555-0100`, `-$5.00`) are values
        return _FORMULA
    return (text, parse(text))


# -- rows → units ----------------------------------------------------------------------------------
def units_of(rows: Iterable[RawRow], plan: ImportPlan, rejects: list[tuple[RawRow, str | None, str]]) -> Iterator[Unit]:
    """Good rows as units (format rows derived, order line items grouped); broken rows go to rejects."""
    fmt = plan.format
    derive = fmt.derive if fmt and fmt.derive is not None else None
    group_col = plan.key_column if plan.group_rows else None
    pending: list[RawRow] = []
    for r in rows:
        if r.problem is not None:
            rejects.append((r, None, r.problem))
            continue
        if derive:
            derive(r.values)
        if group_col is None:
            yield Unit(r.line, r.values, r.values, r.file)
            continue
        key = r.values.get(group_col, "")
        if pending and (key != pending[0].values.get(group_col, "") or not key):
            yield _group(pending, plan)
            pending = []
        pending.append(r)
    if pending:
        yield _group(pending, plan)


def _group(rows: list[RawRow], plan: ImportPlan) -> Unit:
    if len(rows) == 1 and not plan.format:
        r = rows[0]
        return Unit(r.line, r.values, r.values, r.file)
    first = rows[0]
    merged = dict(first.values)
    for r in rows[1:]:  # order-level cells are on the first row only; fill any gap from later rows
        for k, v in r.values.items():
            if v and not merged.get(k):
                merged[k] = v
    items = _items(rows, plan)
    unit = Unit(first.line, [r.values for r in rows] if len(rows) > 1 else first.values, merged, first.file,
                items=items or None)
    amount_col = plan.mapping.get("amount")
    if plan.group_amount == "sum" and amount_col:
        parsed = [nz.parse_amount(r.values.get(amount_col, "")) for r in rows]
        values = [v for v, _ in parsed if v is not None]
        currency = next((c for _, c in parsed if c), None)
        unit.amount = (round(sum(values), 2), currency) if values else (None, None)
    return unit


def _items(rows: list[RawRow], plan: ImportPlan) -> list[dict[str, str]]:
    fmt = plan.format
    if fmt and fmt.item_columns:
        columns = {}
        headers = set(rows[0].values)
        for key, candidates in fmt.item_columns.items():
            col = next((c for c in candidates if c in headers), None)
            if col:
                columns[key] = col
    else:
        columns = {f: plan.mapping[f] for f in ("product", "sku", "quantity", "amount") if f in plan.mapping}
    out = []
    for r in rows:
        item = {k: r.values.get(c, "").strip() for k, c in columns.items()}
        if any(item.values()):
            out.append({k: v for k, v in item.items() if v})
    return out
