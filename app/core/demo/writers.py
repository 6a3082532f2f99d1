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
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=layout.delimiter, lineterminator=layout.line_end,
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerow(headers)
    w.writerows(rows)
    text = buf.getvalue()
    enc = encoding or layout.encoding
    if enc == "utf-16":  # little-endian with its BOM on every platform (as Windows tools write it)
        return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    return text.encode(enc)


def write_table(path: Path, layout: Layout, rows: Iterable[Sequence[str]], *, headers: Sequence[str] | None = None,
                quote_all: bool = False, encoding: str | None = None) -> None:
    path.write_bytes(encode_table(layout, headers or layout.headers, rows, quote_all=quote_all, encoding=encoding))


def write_zip(path: Path, members: dict[str, bytes]) -> None:
    # fixed timestamps so the same seed gives the same bytes
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
