"""A Mailchimp audience export ZIP read as one table.

Mailchimp writes one CSV per status (``subscribed_members_export_<id>.csv``, ``unsubscribed_…``,
``cleaned_…``); the status is only in the file name, so it becomes a ``_mailchimp_status`` column
(subscribed / unsubscribed / cleaned) that the Mailchimp format turns into email consent. The
union of the members' headers is the table's header (unsubscribed adds UNSUB_*, cleaned CLEAN_*).
"""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from app.core.errors import BadDataError, Where
from app.core.importing.readers import RawRow, Table, _text_records, clean_headers
from app.core.importing.sniff import FALLBACK_ERRORS, MAILCHIMP_PREFIXES, detect_encoding, sniff_dialect
from app.core import messages

STATUS_COLUMN = "_mailchimp_status"


def member_status(name: str) -> str:
    base = PurePosixPath(name).name.lower()
    for prefix in MAILCHIMP_PREFIXES:
        if base.startswith(prefix):
            return prefix.split("_", 1)[0]
    raise ValueError(name)


class _MemberStream:
    """A decoded member of the archive, shaped like readers._TextStream."""

    def __init__(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, encoding: str, bom: int):
        self.raw = archive.open(info)
        self.raw.read(bom)
        errors = FALLBACK_ERRORS if encoding == "utf-8" else "replace"
        self.text = io.TextIOWrapper(self.raw, encoding=encoding, errors=errors, newline="")

    def close(self) -> None:
        self.text.close()


def mailchimp_zip_table(path: Path) -> Table:
    where = Where(path.name)
    members: list[tuple[zipfile.ZipInfo, str, int, str, list[str], int]] = []
    with zipfile.ZipFile(path) as z:
        order = ("subscribed", "unsubscribed", "cleaned")
        infos = sorted((i for i in z.infolist() if i.filename.lower().endswith((".csv", ".txt"))),
                       key=lambda i: (order.index(member_status(i.filename)), i.filename))
        for info in infos:
            head = z.open(info).read(1 << 16)
            encoding, bom = detect_encoding(head, truncated=info.file_size > len(head))
            if encoding is None:
                raise BadDataError(messages.text("import.zip_member_binary", member=info.filename), where)
            if not head[bom:].strip():
                continue  # Mailchimp writes an empty file when a status has no members
            text = head[bom:].decode(encoding, errors="replace")
            dialect = sniff_dialect(text)
            header = next(csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter))
            members.append((info, encoding, bom, dialect.delimiter, clean_headers(header), 1))
    if not members:
        raise BadDataError(messages.text("import.mailchimp_empty"), where)
    headers: list[str] = []
    for *_, member_headers, _ in members:
        headers += [h for h in member_headers if h not in headers]
    headers.append(STATUS_COLUMN)
    table = Table(path, headers, encoding=members[0][1], delimiter=members[0][3])
    done = {"bytes": 0, "current": None}
    total_compressed = sum(m[0].compress_size for m in members) or 1

    def records(t: Table) -> Iterator[RawRow]:
        done["bytes"] = 0
        with zipfile.ZipFile(path) as z:
            for info, encoding, bom, delimiter, member_headers, header_line in members:
                status = member_status(info.filename)
                stream = _MemberStream(z, info, encoding, bom)
                done["current"] = stream
                # the member's columns lead the table's (subscribed, often unsubscribed): a complete row
                # only needs the others appended, in the same order the full rebuild gives
                n = len(member_headers)
                prefix = t.headers[:n] == member_headers
                rest = {h: "" for h in t.headers[n:]}
                try:
                    for row in _text_records(stream, member_headers, delimiter, header_line, info.filename):
                        if prefix and len(row.values) == n:
                            values = row.values
                            values.update(rest)
                        else:
                            values = {h: row.values.get(h, "") for h in t.headers}
                        values[STATUS_COLUMN] = status
                        yield RawRow(row.line, values, row.problem, info.filename)
                finally:
                    stream.close()
                    done["current"] = None
                done["bytes"] += info.compress_size

    table._open = records
    table._position = lambda: int(table.size * done["bytes"] / total_compressed)
    return table


def add_status_column(table: Table) -> None:
    """A single ``subscribed_members_export_….csv`` (unzipped): the status from its name, as in the ZIP."""
    status = member_status(table.name)
    inner = table._open
    table.headers.append(STATUS_COLUMN)

    def records(t: Table) -> Iterator[RawRow]:
        for row in inner(t):
            row.values[STATUS_COLUMN] = status
            yield row

    table._open = records
