"""The demo retailer's contact files as one table for the peer tools (the ETL a Splink or
recordlinkage user writes by hand; Unico's importer maps these files by itself)."""
from __future__ import annotations

import pandas as pd


def demo_table(files: list[str]) -> pd.DataFrame:
    raise NotImplementedError("written when the demo generator's layouts are final")
