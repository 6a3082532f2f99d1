"""Bytes → rows. ``read_table(path)`` returns a Table whatever the file is (CSV/TSV/TXT, XLSX, ODS,
a Mailchimp audience ZIP); every row carries the physical line where it starts (header = line 1),
so a rejects file points at the right line even after multi-line quoted cells.

Text files are streamed (the csv module over a decoding wrapper): memory stays bounded on a 2 GB
file and progress is the fraction of bytes read. Rows whose structure is broken are not dropped:
``records()`` yields them with a ``problem`` so the importer can reject them with their line.
"""
from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from app.core.errors import BadDataError, Where
from app.core import messages
from app.core.importing.sniff import (
    FALLBACK_ERRORS, MAILCHIMP_PREFIXES, SAMPLE_BYTES, Sniffed, sniff_dialect, sniff_file,
)

csv.field_size_limit(1 << 20)  # a 1 MB cell is already a broken quote; the default is 128 kB


@dataclass(slots=True)
class RawRow:
    line: int  # physical line (1-based) where the row starts
    values: dict[str, str]
    problem: str | None = None  # why the row cannot be used as read (too many values…)
    file: str | None = None  # member name inside an archive
    text: str | None = None  # the row's lines as read, kept for problem rows only


@dataclass
class Table:
    """A readable table: headers plus a re-iterable stream of rows."""

    path: Path
    headers: list[str]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    warnings: list[str] = field(default_factory=list)
    _open: Callable[["Table"], Iterator[RawRow]] | None = field(default=None, repr=False)
    _position: Callable[[], int] = field(default=lambda: 0, repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def sha256(self) -> str:
        return file_sha256(self.path)

    def records(self) -> Iterator[RawRow]:
        """Every non-blank data row, broken ones included (with ``problem`` set)."""
        assert self._open is not None
        return self._open(self)

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(line, {header: cell}) for the rows that are structurally sound."""
        return ((r.line, r.values) for r in self.records() if r.problem is None)

    def fraction_read(self) -> float:
        """How far the current ``records()`` iteration is through the file (0..1)."""
        size = self.size
        return min(1.0, self._position() / size) if size else 1.0


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def read_table(path: str | Path, *, max_preview: int | None = None) -> Table:
    """Open any supported table file; BadDataError with a plain reason for everything else.
    ``max_preview``: the table yields at most that many rows (a quick look at a big file)."""
    path = Path(path)
    if not path.exists():
        raise BadDataError(messages.text("import.no_such_file"), Where(str(path)))
    if path.is_dir():
        raise BadDataError(messages.text("import.folder"), Where(str(path)))
    sniffed = sniff_file(path)
    if sniffed.container == "text":
        table = _text_table(path, sniffed)
        if path.name.lower().startswith(MAILCHIMP_PREFIXES):  # one file of a Mailchimp export, unzipped
            from app.core.importing.archive import add_status_column

            add_status_column(table)
    elif sniffed.container == "mailchimp_zip":
        from app.core.importing.archive import mailchimp_zip_table

        table = mailchimp_zip_table(path)
    else:
        from app.core.importing.sheets import sheet_table

        table = sheet_table(path, sniffed.container)
    if sniffed.note:
        table.warnings.insert(0, messages.text("import.read_as", note=sniffed.note))
    if max_preview is not None:
        inner = table._open
        table._open = lambda t: islice(inner(t), max_preview)
    return table


# -- text (CSV/TSV/TXT) -------------------------------------------------------------------------
def clean_headers(cells: list[str]) -> list[str]:
    """Unique, trimmed header names; trailing empty ones dropped, inner empty ones numbered."""
    cells = [" ".join(c.replace("\ufeff", "").split()) for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, c in enumerate(cells):
        name = c or f"Column {i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


def _text_table(path: Path, sniffed: Sniffed) -> Table:
    with path.open("rb") as f:
        f.seek(sniffed.bom)
        head = f.read(SAMPLE_BYTES)
    errors = FALLBACK_ERRORS if sniffed.encoding == "utf-8" else "replace"
    sample = head.decode(sniffed.encoding or "utf-8", errors=errors)
    dialect = sniff_dialect(sample)
    where = Where(path.name)
    stream = _open_text(path, sniffed)
    try:
        reader = csv.reader(stream.text, delimiter=dialect.delimiter, strict=True)
        header: list[str] | None = None
        line = 0
        skipped = -1
        while header is None:
            try:
                row = next(reader)
            except StopIteration:
                raise BadDataError(messages.text("import.no_header"), where) from None
            except csv.Error as e:
                raise BadDataError(messages.text("import.header_unreadable", error=str(e)),
                                   Where(path.name, line + 1)) from None
            line = reader.line_num
            if any(c.strip() for c in row):
                skipped += 1
                if skipped == dialect.header_index:
                    header = row
        headers = clean_headers(header)
        header_line = line
    finally:
        stream.close()
    if not headers:
        raise BadDataError(messages.text("import.header_empty"), Where(path.name, header_line))
    table = Table(path, list(headers), encoding=sniffed.encoding, delimiter=dialect.delimiter)
    if header_line > 1:
        table.warnings.append(messages.text("import.header_line", line=header_line))
    if dialect.consistency < 0.9:
        table.warnings.append(messages.text("import.ragged_rows", delimiter=dialect.delimiter))
    state: dict[str, _TextStream] = {}

    def open_records(t: Table) -> Iterator[RawRow]:
        s = _open_text(path, sniffed)
        state["s"] = s
        try:
            yield from _text_records(s, headers, dialect.delimiter, header_line, path.name)
        finally:
            s.close()

    table._open = open_records
    table._position = lambda: state["s"].raw.tell() if "s" in state and not state["s"].raw.closed else 0
    return table


@dataclass
class _TextStream:
    raw: BinaryIO
    text: io.TextIOWrapper

    def close(self) -> None:
        self.text.close()


def _open_text(path: Path, sniffed: Sniffed) -> _TextStream:
    raw = path.open("rb")
    raw.seek(sniffed.bom)
    errors = FALLBACK_ERRORS if sniffed.encoding == "utf-8" else "replace"
    text = io.TextIOWrapper(raw, encoding=sniffed.encoding, errors=errors, newline="")
    return _TextStream(raw, text)


def _text_records(stream: _TextStream, headers: list[str], delimiter: str, header_line: int,
                  file_name: str) -> Iterator[RawRow]:
    consumed: list[str] = []  # the physical lines of the current record, for rejects

    def tap(lines):
        for ln in lines:
            consumed.append(ln)
            yield ln

    reader = csv.reader(tap(stream.text), delimiter=delimiter, strict=True)
    n = len(headers)
    while reader.line_num < header_line:  # title lines and the header itself
        next(reader)
    while True:
        start = reader.line_num + 1
        consumed.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            msg = str(e)
            if "unexpected end of data" in msg or "field larger than field limit" in msg:
                raise BadDataError(messages.text("import.unclosed_quote", error=msg), Where(file_name, start)) from None
            yield RawRow(start, {}, messages.text("reject.broken_quoting", error=msg),
                         text="".join(consumed).rstrip("\r\n"))
            continue
        if len(row) == n:
            yield RawRow(start, dict(zip(headers, row)))
            continue
        if not any(c.strip() for c in row):
            continue  # blank line
        if len(row) > n:
            extra = [c for c in row[n:] if c.strip()]
            if not extra:
                yield RawRow(start, dict(zip(headers, row)))
            else:
                yield RawRow(start, dict(zip(headers, row)),
                             messages.text("reject.value_count", values=len(row), columns=n),
                             text="".join(consumed).rstrip("\r\n"))
            continue
        values = dict(zip(headers, row))
        if any("\n" in c or "\r" in c for c in row):
            yield RawRow(start, values, messages.text("reject.value_count_quote", values=len(row), columns=n,
                                                      first=start, last=reader.line_num),
                         text="".join(consumed).rstrip("\r\n"))
        else:  # hand-made files often stop at the last filled cell
            for h in headers[len(row):]:
                values[h] = ""
            yield RawRow(start, values)
