"""Build the GUI translations: `python -m app.gui.i18n_build [--update]`.

Without flags, compiles resources/translations/unico_<lang>.ts into .qm files with
`pyside6-lrelease` (the Makefile's `translations` target; .qm files are never committed).
`--update` first writes core_strings.py from the core's message registry (app.core.messages: lupdate
cannot see templates inside the core), then re-scans app/gui with `pyside6-lupdate` so new strings
appear in the .ts files (English keeps plural forms only: its source text is the English text).
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
CORE_STRINGS = GUI_DIR / "core_strings.py"


def _tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (a venv's bin/), else the one on PATH."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (pip install -e '.[dev]')")
    return found


def ts_files() -> list[Path]:
    return sorted(resource_path("translations").glob("unico_*.ts"))


def core_strings_source() -> str:
    """core_strings.py: every template of app.core.messages.MESSAGES as a literal lupdate reads."""
    from app.core.messages import MESSAGES
    from app.gui.vocab import CORE_CONTEXT

    lines = [
        '"""The core\'s message templates (app.core.messages.MESSAGES) for lupdate, in the "core" context.',
        "",
        "Written by `python -m app.gui.i18n_build --update`: do not edit (a test checks it is current).",
        '"""',
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "TEMPLATES = (",
    ]
    for code, template in MESSAGES.items():
        lines.append(f'    QT_TRANSLATE_NOOP("{CORE_CONTEXT}", "{template}"),  # {code}')
    return "\n".join([*lines, ")", ""])


def update() -> None:
    CORE_STRINGS.write_text(core_strings_source(), encoding="utf-8")
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
