"""Small text helpers shared by the normalisers: accent folding, cell cleaning, apostrophes."""
from __future__ import annotations

import math
import re
import unicodedata

from anyascii import anyascii

# Typographic apostrophes and accents people type instead of "'".
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'"})
_NOT_UPPER_ALNUM = re.compile(r"[^A-Z0-9]+")


def fold(s: str) -> str:
    """Accents stripped (NFKD), then anything still outside ASCII transliterated (ß → ss, Ł → L)."""
    if s.isascii():
        return s
    decomposed = unicodedata.normalize("NFKD", s)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped if stripped.isascii() else anyascii(stripped)


def upper_words(s: str) -> str:
    """Folded, upper case, every run of punctuation or spaces turned into one space: `VIA DELL ORTO`."""
    return _NOT_UPPER_ALNUM.sub(" ", fold(s).upper()).strip()


def cell_text(value: object) -> str | None:
    """A cell as trimmed text; None for missing values (None, NaN, pandas NA, empty or blank strings)."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        # Spreadsheet number columns hand over whole numbers as floats (3331234567.0).
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    try:
        if value != value:  # pandas NA / NaT compare unequal to themselves
            return None
    except TypeError:  # pd.NA raises on bool()
        return None
    text = str(value).strip()
    return text or None
