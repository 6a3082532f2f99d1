"""What a file really is, from its bytes: a table format, its encoding and its delimiter.

The extension is only a hint: a .docx renamed .csv is refused as a Word document, an .xlsx renamed
.csv is read as a workbook. Text encodings: a BOM wins; then strict UTF-8; then a Western single-byte
code page (cp1252, what Italian Windows writes) unless charset-normalizer is sure of another.
"""
from __future__ import annotations

import codecs
import csv
import re
import unicodedata
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import BadDataError, Where
from app.core import messages

SAMPLE_BYTES = 1 << 20  # enough for the delimiter, the header and the preview rows
DELIMITERS = (",", ";", "\t", "|")
MAILCHIMP_PREFIXES = ("subscribed_members_export", "unsubscribed_members_export", "cleaned_members_export")
FALLBACK_ERRORS = "unico-cp1252"  # codec error handler: stray non-UTF-8 bytes read as cp1252

# Magic numbers of files people drop by mistake, with what to tell them.
_MAGIC: tuple[tuple[bytes, str], ...] = (  # (magic, messages code)
    (b"%PDF", "file.pdf"),
    (b"\x89PNG", "file.png"),
    (b"\xff\xd8\xff", "file.jpeg"),
    (b"GIF8", "file.gif"),
    (b"\x1f\x8b", "file.gzip"),
    (b"7z\xbc\xaf", "file.7z"),
    (b"Rar!", "file.rar"),
    (b"SQLite format 3\x00", "file.sqlite"),
    (b"{\\rtf", "file.rtf"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office (.xls, .doc)


@dataclass(frozen=True)
class Sniffed:
    container: str  # text | xlsx | ods | xls | mailchimp_zip
    encoding: str | None = None  # text only: the Python codec
    bom: int = 0  # bytes to skip at the start
    note: messages.Text | None = None  # e.g. "the file is an Excel workbook although it is named .csv"


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error(FALLBACK_ERRORS, _cp1252_fallback)


def sniff_file(path: Path) -> Sniffed:
    """Classify a file by content; raise BadDataError with a plain reason when it is not a table."""
    where = Where(path.name)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(SAMPLE_BYTES)
    except OSError as e:
        raise BadDataError(messages.text("import.cannot_read", reason=e.strerror), where) from e
    if size == 0 or not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise BadDataError(messages.text("import.empty_file"), where)
    ext = path.suffix.lower().lstrip(".")
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path, ext)
    if head.startswith(_OLE):
        note = None if ext == "xls" else messages.text("import.renamed", kind=messages.text("file.old_office"), ext=ext)
        return Sniffed("xls", note=note)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BadDataError(messages.text("import.not_a_table", what=messages.text(what)), where)
    encoding, bom = detect_encoding(head, truncated=size > len(head))
    if encoding is None:
        raise BadDataError(messages.text("import.binary_file"), where)
    return Sniffed("text", encoding, bom)


def _sniff_zip(path: Path, ext: str) -> Sniffed:
    where = Where(path.name)
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            mimetype = z.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError) as e:
        raise BadDataError(messages.text("import.bad_zip", error=str(e)), where) from e

    def renamed(kind: str, exts: tuple[str, ...]) -> messages.Text | None:
        return None if ext in exts else messages.text("import.renamed", kind=messages.text(kind), ext=ext)

    if any(n.startswith("xl/") for n in names):
        return Sniffed("xlsx", note=renamed("file.xlsx", ("xlsx", "xlsm")))
    if mimetype == "application/vnd.oasis.opendocument.spreadsheet":
        return Sniffed("ods", note=renamed("file.ods", ("ods",)))
    if any(n.startswith("word/") for n in names) or "opendocument.text" in mimetype:
        raise BadDataError(messages.text("import.word_document"), where)
    if any(n.startswith("ppt/") for n in names) or "opendocument.presentation" in mimetype:
        raise BadDataError(messages.text("import.presentation"), where)
    tables = [n for n in names if n.lower().endswith((".csv", ".txt"))]
    if tables and all(Path(n).name.lower().startswith(MAILCHIMP_PREFIXES) for n in tables):
        return Sniffed("mailchimp_zip")
    listed = ", ".join(Path(n).name for n in names[:5]) + (", …" if len(names) > 5 else "")
    listed = listed or messages.text("import.zip_empty")
    raise BadDataError(messages.text("import.zip_not_mailchimp", listed=listed), where)


# counted with regexes (C speed) rather than a Python loop over the megabyte sample
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r
_NON_ASCII = re.compile("[^\x00-\x7f]")
_DECODED_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")  # non-ASCII characters UTF-8 did decode


def detect_encoding(head: bytes, *, truncated: bool) -> tuple[str | None, int]:
    """(codec, BOM length) for a text sample, or (None, 0) when the bytes are not text."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    nul_even, nul_odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) / 2
    if nul_odd > 0.4 * half and nul_even < 0.05 * half:
        return "utf-16-le", 0  # UTF-16 without BOM: ASCII letters with NUL high bytes
    if nul_even > 0.4 * half and nul_odd < 0.05 * half:
        return "utf-16-be", 0
    if b"\x00" in head:
        return None, 0
    sample = head
    if truncated:  # do not judge a multi-byte character cut at the end of the sample
        sample = head[: len(head) - 4] if len(head) > 4 else head
    try:
        text = sample.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        # mostly UTF-8 with a few stray single-byte characters (an export edited by hand): still UTF-8,
        # the stray bytes are read as cp1252 by the FALLBACK_ERRORS handler
        lenient = sample.decode("utf-8", errors="replace")
        valid = len(_DECODED_NON_ASCII.findall(lenient))
        encoding = "utf-8" if valid > lenient.count("\ufffd") else _single_byte_encoding(head)
        text = head.decode(encoding, errors=FALLBACK_ERRORS if encoding == "utf-8" else "replace")
    control = len(_CONTROL.findall(text))
    if control > max(2, len(text) // 100):
        return None, 0
    return encoding, 0


def _single_byte_encoding(head: bytes) -> str:
    """cp1252 when its reading is plausible Western text, else charset-normalizer's guess.

    charset-normalizer alone picks cp850/cp1258/cp1250 for short Italian samples (they score alike),
    while cp1252 is what Italian Excel and till software write: it wins whenever the non-ASCII
    characters it yields are letters and the usual signs (€ ° « » ’ “ ” –).
    """
    try:
        text = head.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        extra = _NON_ASCII.findall(text)
        plausible = sum(1 for c in extra if unicodedata.category(c).startswith("L") or c in _WESTERN_SIGNS)
        if not extra or plausible >= 0.9 * len(extra):
            return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(head[:65536]).best()
    return best.encoding if best else "latin-1"


_WESTERN_SIGNS = frozenset("€°«»’‘“”–—·×ªº§£¥©®±²³µ¶¼½¾¿¡")


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    header_index: int  # records to skip before the header (title lines some tills print)
    consistency: float


def sniff_dialect(text: str) -> Dialect:
    """Pick the delimiter whose records have the steadiest number of fields (quoting-aware)."""
    best: tuple[tuple[float, int, int, int], Dialect] | None = None
    for d in DELIMITERS:
        records = _sample_records(text, d)
        if not records:
            continue
        # title lines ("Elenco clienti al 01/10/2025") hold one value; the header holds several
        filled = [sum(1 for c in r if c.strip()) for r in records]
        header_index = next((i for i, n in enumerate(filled) if n >= 2), 0)
        counts = [len(r) for r in records[header_index + 1:]]
        modal = Counter(counts).most_common(1)[0][0] if counts else len(records[header_index])
        consistency = (sum(1 for c in counts if c == modal) / len(counts)) if counts else 1.0
        width = len(records[header_index]) if modal > 1 and len(records[header_index]) > 1 else 0
        # a delimiter that reads the first line as the header beats one that needs to skip lines
        key = (consistency if width else 0.0, -header_index, width, -DELIMITERS.index(d))
        if best is None or key > best[0]:
            best = (key, Dialect(d, header_index, consistency))
    return best[1] if best else Dialect(",", 0, 1.0)


def _sample_records(text: str, delimiter: str, limit: int = 200) -> list[list[str]]:
    """Records of the sample, blank lines dropped, the last (maybe cut) record left out."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out: list[list[str]] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                out.append(row)
            if len(out) > limit:
                break
    except csv.Error:
        pass
    if len(out) > 2:
        out.pop()  # the sample may end mid-record
    return out
