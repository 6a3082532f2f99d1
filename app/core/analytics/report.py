"""The result of every report: a titled table with its totals, parameters and a one-line caveat.

Pure data, so the CLI prints it, the GUI charts it, and ``write`` saves its table as CSV or XLSX
through the spreadsheet-safe writers of ``app.core.exporting``.
``to_json`` gives ``{title, note, params, **totals, <table_key>: [rows]}`` with NaN as null.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from app.core.exporting.writers import frame_rows, write_csv, write_table


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

    def to_csv(self, stream: IO[str]) -> None:
        """The table as spreadsheet-safe CSV on an open text stream (stdout: no BOM, LF line ends)."""
        write_csv(stream, [str(c) for c in self.table.columns], frame_rows(self.table), lineterminator="\n")

    def write(self, path: str | os.PathLike) -> Path:
        """Save the table as CSV or XLSX, chosen by the file's extension."""
        return write_table(self.table, path, sheet=self.title)
