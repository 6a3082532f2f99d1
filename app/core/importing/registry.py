"""The registry of known exports (Orange's reader registry, applied to formats).

A ``Format`` declares how to recognise an export from its header names, which canonical field each
column holds, its kind (contacts | events), its channel, the column that keys its rows, and the few
row rules it needs (Shopify orders: one event per order over its line-item rows; Mailchimp: consent
from the file's status). ``recognise(headers)`` picks the best format or None (→ auto-mapper).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from anyascii import anyascii

RECOGNISE_THRESHOLD = 0.6  # below it the file goes to the auto-mapper
TEXT_EXTENSIONS = ("csv", "tsv", "txt")
SHEET_EXTENSIONS = ("xlsx", "xlsm", "xls", "ods")


@lru_cache(maxsize=8192)
def norm_header(h: str) -> str:
    """Header comparison key: accents folded, lower case, punctuation as single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", anyascii(h).lower()).split())


class Format:
    """A known export layout. Subclasses set the class attributes and override the hooks they need."""

    id: str = ""
    label: str = ""
    kind: str = "contacts"  # contacts | events
    channel: str = "other"
    extensions: tuple[str, ...] = TEXT_EXTENSIONS
    # canonical field -> header names that may hold it, first present wins
    columns: Mapping[str, tuple[str, ...]] = {}
    signature: tuple[str, ...] = ()  # headers typical of the export ("A|B": either); score = share present
    required: tuple[str, ...] = ()  # each entry "A|B": one of them must be present
    key_fields: tuple[str, ...] = ()  # contacts: field(s) whose column keys a row, first mapped wins
    group_rows: bool = False  # events: consecutive rows with the same event_id make one event
    group_amount: str = "first"  # grouped rows: "first" (order total on the first row) or "sum"
    consent_hints: Mapping[str, str] = {}  # field -> status_hint for parse_consent
    null_ids: frozenset[str] = frozenset()  # id values meaning "nobody" (WooCommerce's guest 0)
    item_columns: Mapping[str, tuple[str, ...]] = {}  # grouped events: per-line item details

    def recognise(self, headers: Iterable[str]) -> float:
        present = {norm_header(h) for h in headers}
        for need in self.required:
            if not any(norm_header(alt) in present for alt in need.split("|")):
                return 0.0
        if not self.signature:
            return 0.0
        hits = sum(1 for s in self.signature if any(norm_header(a) in present for a in s.split("|")))
        return hits / len(self.signature)

    def mapping(self, headers: Iterable[str]) -> dict[str, str]:
        by_key: dict[str, str] = {}
        for h in headers:
            by_key.setdefault(norm_header(h), h)
        out: dict[str, str] = {}
        used: set[str] = set()
        for field_name, candidates in self.columns.items():
            for c in candidates:
                h = by_key.get(norm_header(c))
                if h is not None and h not in used:
                    out[field_name] = h
                    used.add(h)
                    break
        return out

    def key_column(self, mapping: Mapping[str, str]) -> str | None:
        return next((mapping[f] for f in self.key_fields if f in mapping), None)

    # -- row hooks (None / identity by default: most formats need none) ---------------------------
    derive = None  # callable(raw: dict[str, str]) -> None, adds the derived_columns to a row
    derived_columns: tuple[str, ...] = ()  # "_"-prefixed columns derive() adds (mappable like others)

    def event_type(self, values: Mapping[str, object], raw: Mapping[str, str]) -> str | None:
        """The event type of one (grouped) row; None lets the generic rules decide."""
        return None

    def event_channel(self, raw: Mapping[str, str]) -> str | None:
        """A per-event channel when it differs from the source's (Shopify POS orders)."""
        return None


FORMATS: dict[str, Format] = {}


def register(cls: type[Format]) -> type[Format]:
    fmt = cls()
    if fmt.id in FORMATS:
        raise ValueError(f"duplicate format id {fmt.id}")
    FORMATS[fmt.id] = fmt
    return cls


def _load() -> None:
    # importing the package registers every format module
    import app.core.importing.formats  # noqa: F401


def all_formats() -> list[Format]:
    _load()
    return list(FORMATS.values())


def all_formats_by_id() -> dict[str, Format]:
    _load()
    return FORMATS


def get_format(format_id: str) -> Format:
    _load()
    try:
        return FORMATS[format_id]
    except KeyError:
        raise KeyError(format_id) from None


def recognise(headers: list[str]) -> tuple[Format | None, float, list[tuple[str, float]]]:
    """The best known format for these headers (or None), its score, and every non-zero score."""
    scores = sorted(((f.recognise(headers), f) for f in all_formats()), key=lambda sf: -sf[0])
    ranked = [(f.id, round(s, 3)) for s, f in scores if s > 0]
    if scores and scores[0][0] >= RECOGNISE_THRESHOLD:
        return scores[0][1], scores[0][0], ranked
    return None, scores[0][0] if scores else 0.0, ranked


def preset_ids() -> list[str]:
    return ["auto", *sorted(f.id for f in all_formats())]


def file_filter() -> list[tuple[str, tuple[str, ...]]]:
    """(description, extensions) pairs for file dialogs: every table file, then each kind."""
    zips = ("zip",)
    every = TEXT_EXTENSIONS + SHEET_EXTENSIONS + zips
    return [
        ("Tables and exports", every),
        ("CSV / TSV / text", TEXT_EXTENSIONS),
        ("Spreadsheets (Excel, OpenDocument)", SHEET_EXTENSIONS),
        ("Mailchimp audience export (ZIP)", zips),
    ]
