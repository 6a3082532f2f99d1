"""Spreadsheet-safe cells: text that a spreadsheet would run as a formula, or silently change, is marked
as text.

Cells starting with ``= + - @``, TAB, CR or NUL are formulas to Excel/LibreOffice (OWASP CSV
injection; ASVS 5.0 §1.2.10). Only *text* is touched: numbers stay numbers, so ``-12.5`` is still a
number and a campaign called ``-20% saldi`` becomes ``'-20% saldi``. Email-tool files validate
instead (a ``'`` would break ``+39…``); these helpers are for reports and spreadsheet exports.

In a CSV the mark is a leading ``'`` (Excel hides it when the cell is typed, shows it in a CSV; our
importer strips it). The same ``'`` keeps digit strings that Excel would turn into numbers as they
are: ``00184`` (a CAP) would lose its zero, a 16-digit card number its last digits. In an XLSX the
value stays unchanged: the cell is stored as a string with Excel's *quote prefix* style instead.
"""
from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
# digit strings Excel reads as numbers and alters: a leading zero dropped, more than 15 digits rounded
_ALTERED_BY_EXCEL = re.compile(r"0\d+|\d{16,}")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would evaluate this text (it starts with = + - @ TAB CR or NUL)."""
    return text.startswith(FORMULA_STARTS)


def safe_text(value: Any) -> Any:
    """``value`` with a ``'`` in front when it is text a spreadsheet would evaluate or alter; else as given."""
    if isinstance(value, str) and (is_formula_like(value) or _ALTERED_BY_EXCEL.fullmatch(value)):
        return "'" + value
    return value
