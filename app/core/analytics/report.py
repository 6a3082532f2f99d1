"""The result of every report: a titled table with its totals, parameters and a one-line caveat.

Pure data, so the CLI prints it, the GUI charts it and the exports engineer writes it to XLSX.
``to_json`` gives ``{title, note, params, **totals, <table_key>: [rows]}`` with NaN as null.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from app.core.analytics.safe import safe_frame


def plain(value: Any) -> Any:
    """A JSON-ready copy: numpy scalars → Python, NaN/NA → None, floats rounded to 6 places."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, pd.DataFrame):
        return [plain(r) for r in value.to_dict(orient="records")]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if math.isnan(value) else round(float(value), 6)
    return value


@dataclass
class Report:
    title: str
    note: str
    table: pd.DataFrame
    totals: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    table_key: str = "rows"

    def to_json(self) -> dict[str, Any]:
        return plain({"title": self.title, "note": self.note, "params": self.params, **self.totals,
                      self.table_key: self.table})

    def to_csv(self, path_or_buf: Any = None) -> str | None:
        """The table as CSV (text cells made spreadsheet-safe); returns the text when no target is given."""
        return safe_frame(self.table).to_csv(path_or_buf, index=False, lineterminator="\n")
