"""Bytes on disk as each tool writes them: encoding (BOMs included), delimiter, quoting, line ends."""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.core.demo.layouts import Layout


def encode_table(layout: Layout, headers: Sequence[str], rows: Iterable[Sequence[str]], *,
                 quote_all: bool = False, encoding: str | None = None) -> bytes:
    """One file's bytes in memory (the members of a ZIP)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=layout.delimiter, lineterminator=layout.line_end,
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerow(headers)
    w.writerows(rows)
    return buf.getvalue().encode(encoding or layout.encoding)


def write_table(path: Path, layout: Layout, rows: Iterable[Sequence[str]], *, encoding: str | None = None) -> int:
    """Stream rows to `path` (a million web events never sit in memory as one string); returns
    the number of data rows written."""
    enc = encoding or layout.encoding
    n = 0
    with path.open("w", encoding="utf-16-le" if enc == "utf-16" else enc, newline="") as f:
        if enc == "utf-16":
            f.write("\ufeff")  # little-endian with its BOM on every platform (as Windows tools write it)
        w = csv.writer(f, delimiter=layout.delimiter, lineterminator=layout.line_end)
        w.writerow(layout.headers)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def write_zip(path: Path, members: dict[str, bytes]) -> None:
    # fixed timestamps so the same seed gives the same bytes
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
