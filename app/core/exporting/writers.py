"""Spreadsheet-bound CSV and XLSX writers: numbers stay numbers, text can never run as a formula.

- CSV: RFC 4180 (comma, ``"`` doubled, fields with a comma, quote or line break quoted, CRLF rows),
  UTF-8 with a BOM when written to a file. The BOM is what makes Excel read the file as UTF-8:
  without it Excel on Windows assumes the ANSI code page and shows ``Nicolò`` as ``NicolÃ²``. Text
  cells go through ``safe.safe_text``.
- XLSX (openpyxl, write-only, so memory stays flat): text is always a string cell — openpyxl would
  store a str starting with ``=`` as a formula, so the type is forced — and formula-like text gets
  the quote-prefix style, so re-typing the cell in Excel does not turn it into a formula either.
  Control characters XLSX cannot hold are dropped; text is cut at Excel's 32,767-character limit.

Every file is written next to its target and renamed into place at the end: a failure or a cancel
never leaves half a file, nor clobbers the previous one.
"""
from __future__ import annotations

import csv
import datetime as dt
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from app.core import messages
from app.core.errors import UnicoError, UsageError
from app.core.exporting.safe import is_formula_like, safe_text

Cell = str | int | float | bool | None
EXCEL_CELL_MAX = 32_767
TABLE_EXTENSIONS = (".csv", ".xlsx")


def plain_cell(value: Any) -> Cell:
    """A cell as a plain Python value: None for missing/NaN, numpy and Decimal as numbers, dates as ISO text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating, Decimal)):
        number = float(value)
        return None if math.isnan(number) else number if math.isfinite(number) else str(number)
    if isinstance(value, (dt.date, dt.time)):  # datetime and pd.Timestamp are dates
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


def csv_cell(value: Any) -> Cell:
    """What the CSV writer puts in a cell: spreadsheet-safe text, numbers as numbers, TRUE/FALSE."""
    value = plain_cell(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return safe_text(value)


@contextmanager
def replacing(path: str | os.PathLike, mode: str = "wb", **open_args: Any) -> Iterator[IO]:
    """Open a sibling temporary file that replaces ``path`` only when the block ends without error."""
    target = Path(path)
    part = target.with_name(target.name + ".part")
    try:
        f = open(part, mode, **open_args)
    except OSError as e:
        raise UnicoError(messages.text("export.cannot_write", target=target, reason=e.strerror)) from e
    try:
        with f:
            yield f
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def write_csv(target: str | os.PathLike | IO[str], headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
              bom: bool = True, lineterminator: str = "\r\n") -> int:
    """Write a spreadsheet-safe CSV to a path (UTF-8, with a BOM unless ``bom=False``) or an open text
    stream (no BOM: stdout, a pipe); returns the number of data rows."""
    if not isinstance(target, (str, os.PathLike)):
        return _write_csv_stream(target, headers, rows, lineterminator)
    with replacing(target, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        return _write_csv_stream(f, headers, rows, lineterminator)


def _write_csv_stream(stream: IO[str], headers: Sequence[str], rows: Iterable[Sequence[Any]],
                      lineterminator: str) -> int:
    writer = csv.writer(stream, lineterminator=lineterminator)
    writer.writerow([csv_cell(h) for h in headers])
    n = 0
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
        n += 1
    return n


def xlsx_text(text: str) -> str:
    """Text as an XLSX cell can hold it: control characters other than TAB, LF and CR removed, length capped."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text if len(text) <= EXCEL_CELL_MAX else text[:EXCEL_CELL_MAX - 1] + "…"


def write_xlsx(path: str | os.PathLike, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
               sheet: str = "Unico") -> int:
    """Write one worksheet with a header row; returns the number of data rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    ws = book.create_sheet(_sheet_title(sheet))
    bold = Font(bold=True)

    def cell(value: Any, header: bool = False) -> WriteOnlyCell | Cell:
        value = plain_cell(value)
        if not isinstance(value, str):
            return value
        text = xlsx_text(value)
        if not header and not is_formula_like(value):
            return text  # openpyxl stores it as a string: only a leading "=" would make it a formula
        c = WriteOnlyCell(ws, value=text)
        c.data_type = "s"  # never a formula, whatever the text starts with
        if is_formula_like(value):
            c.quotePrefix = True
        if header:
            c.font = bold
        return c

    n = 0
    try:
        ws.append([cell(h, header=True) for h in headers])
        for row in rows:
            ws.append([cell(v) for v in row])
            n += 1
    except BaseException:
        ws.close()  # ends the sheet's temporary file and its writer generator before giving up
        raise
    with replacing(path) as f:
        book.save(f)
    return n


def _sheet_title(name: str) -> str:
    """A legal worksheet title: at most 31 characters, none of ``[]:*?/\\``."""
    title = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'")[:31]
    return title or "Sheet"


def table_kind(path: str | os.PathLike) -> str:
    """``csv`` or ``xlsx`` from the file name; UsageError for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_EXTENSIONS:
        raise UsageError(messages.text("export.table_extension", name=Path(path).name))
    return suffix[1:]


def write_rows(path: str | os.PathLike, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
               sheet: str = "Unico") -> int:
    """CSV or XLSX by the file's extension, through the safe writers; returns the number of data rows."""
    if table_kind(path) == "xlsx":
        return write_xlsx(path, headers, rows, sheet=sheet)
    return write_csv(path, headers, rows)


def frame_rows(df: pd.DataFrame) -> Iterator[list[Any]]:
    """The rows of ``df`` as lists of cells (numbers as numbers)."""
    for row in df.itertuples(index=False, name=None):
        yield list(row)


def write_table(df: pd.DataFrame, path: str | os.PathLike, *, sheet: str = "Unico") -> Path:
    """Write a table (a report's, the Reports screen's) as CSV or XLSX by the file's extension."""
    write_rows(path, [str(c) for c in df.columns], frame_rows(df), sheet=sheet)
    return Path(path)
