"""Exports: spreadsheet-safe CSV/XLSX writers (``writers``, ``safe``), golden-record profile files
(``profiles``) and the email tools' import files (``email_tools``).

Only the writers are imported here: analytics reports use them, and importing this package must not
pull in the profiles layer.
"""
from app.core.exporting.safe import is_formula_like, safe_text
from app.core.exporting.writers import write_csv, write_rows, write_table, write_xlsx

__all__ = ["is_formula_like", "safe_text", "write_csv", "write_rows", "write_table", "write_xlsx"]
