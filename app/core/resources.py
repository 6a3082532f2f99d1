"""Find bundled data files through the package, never relative to the working directory."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/ (works from a checkout, a wheel and a PyInstaller bundle)."""
    return Path(str(resources.files("resources").joinpath(*parts)))


@lru_cache(maxsize=None)
def load_json(*parts: str):
    with resource_path(*parts).open(encoding="utf-8") as f:
        return json.load(f)
