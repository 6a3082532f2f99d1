"""XLSX / XLS / ODS workbooks through python-calamine (fast, never evaluates formulas: a formula
cell gives the value Excel cached, or nothing).

The sheet with the most filled rows is read (and reported); cells become text the way a person
reads them in Excel: dates as ISO text, whole numbers without ``.0``, text kept as stored (leading
zeros of a CAP typed as text survive; a CAP typed as a number lost them in Excel already — the
normaliser re-pads Italian CAPs).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from app.core.errors import BadDataError, Where
from app.core.importing.readers import RawRow, Table, clean_headers
from app.core import messages


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):  # a duration cell (or a time of day stored as one)
        seconds = int(value.total_seconds())
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(value)


def sheet_table(path: Path, container: str) -> Table:
    from python_calamine import CalamineWorkbook

    where = Where(path.name)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = [(name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
                  for name in workbook.sheet_names]
    except Exception as e:  # calamine raises its own error types for every kind of damage
        kind = messages.text("file.old_office_format" if container == "xls" else "file.spreadsheet")
        raise BadDataError(messages.text("import.sheet_unreadable", kind=kind, error=str(e)), where) from e
    filled = [(sum(1 for r in rows if any(cell_text(c).strip() for c in r)), name, rows) for name, rows in sheets]
    if not filled or max(f[0] for f in filled) == 0:
        raise BadDataError(messages.text("import.workbook_empty"), where)
    count, sheet, rows = max(filled, key=lambda f: f[0])  # max() keeps the first of equal sheets
    texts = [[cell_text(c) for c in r] for r in rows]
    header_index = next(i for i, r in enumerate(texts) if sum(1 for c in r if c.strip()) >= min(2, len(r)))
    headers = clean_headers(texts[header_index])
    if not headers:
        raise BadDataError(messages.text("import.sheet_header_empty", sheet=sheet), Where(path.name, header_index + 1))
    table = Table(path, headers, sheet=sheet)
    others = [messages.text("import.sheet_rows", sheet=name, rows=n) for n, name, _ in filled if name != sheet and n]
    if others:
        table.warnings.append(messages.text("import.sheet_chosen", sheet=sheet, rows=count,
                                            others=messages.joined(others)))
    position = {"i": 0}
    total = max(1, len(texts))

    def records(t: Table) -> Iterator[RawRow]:
        n = len(t.headers)
        for i in range(header_index + 1, len(texts)):
            position["i"] = i
            cells = texts[i]
            if not any(c.strip() for c in cells):
                continue
            values = dict(zip(t.headers, cells))
            for h in t.headers[len(cells):]:
                values[h] = ""
            extra = [c for c in cells[n:] if c.strip()]
            problem = messages.text("reject.beyond_last_column", values=len(cells), columns=n) if extra else None
            yield RawRow(i + 1, values, problem)
        position["i"] = total

    table._open = records
    table._position = lambda: int(table.size * position["i"] / total)
    return table
