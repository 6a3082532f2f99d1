"""Build the GUI translations: `python -m app.gui.i18n_build [--update]`.

Without flags, compiles resources/translations/unico_<lang>.ts into .qm files with
`pyside6-lrelease` (the Makefile's `translations` target; .qm files are never committed).
`--update` first re-scans app/gui with `pyside6-lupdate` so new strings appear in the .ts files
(English keeps plural forms only: its source text is the English text).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from app.core.resources import resource_path

GUI_DIR = Path(__file__).resolve().parent
SOURCE_LANGUAGE = "en"


def _tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (a venv's bin/), else the one on PATH."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (pip install -e '.[dev]')")
    return found


def ts_files() -> list[Path]:
    return sorted(resource_path("translations").glob("unico_*.ts"))


def update() -> None:
    sources = sorted(str(p) for p in GUI_DIR.rglob("*.py"))
    for ts in ts_files():
        extra = ["-pluralonly"] if ts.stem.endswith("_" + SOURCE_LANGUAGE) else []
        subprocess.run([_tool("pyside6-lupdate"), *extra, "-no-obsolete", "-locations", "none",
                        *sources, "-ts", str(ts)], check=True, capture_output=True, text=True)


def build() -> list[Path]:
    """Compile every .ts into its .qm; returns the .qm paths."""
    out = []
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.gui.i18n_build", description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="re-scan app/gui for strings first")
    args = parser.parse_args(argv)
    if args.update:
        update()
    for qm in build():
        print(f"built {qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
