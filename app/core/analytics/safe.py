"""Spreadsheet-safe cells: text that a spreadsheet would run as a formula is written with a leading ``'``.

Cells starting with ``= + - @``, TAB, CR or NUL are formulas to Excel/LibreOffice (OWASP CSV
injection; ASVS 5.0 §1.2.10). Only *text* is touched: numbers stay numbers, so ``-12.5`` is still
a number and a campaign called ``-20% saldi`` becomes ``'-20% saldi``. Email-tool files validate
instead (a ``'`` would break ``+39…``); this helper is for reports and spreadsheet exports.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def safe_text(value: Any) -> Any:
    """``value`` with a ``'`` in front when it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells (and column names) went through ``safe_text``."""
    out = df.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].map(safe_text)
    out.columns = [safe_text(str(c)) for c in out.columns]
    return out
