"""Output and argument helpers shared by the CLI command groups."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from app.core.jobs import Progress
from app.core.workspace import Workspace, resolve_db_path


def open_ws(args, *, create: bool = True) -> Workspace:
    return Workspace(resolve_db_path(args.db), create=create)


def print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(rows: Sequence[Sequence[Any]], headers: Sequence[str], out=None) -> None:
    """Plain aligned text table (no colours: output is often piped)."""
    out = out or sys.stdout
    cells = [[("" if v is None else str(v)) for v in r] for r in rows]
    widths = [len(h) for h in headers]
    for r in cells:
        for i, v in enumerate(r):
            widths[i] = min(max(widths[i], len(v)), 60)
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    out.write(line.rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write("  ".join((v if len(v) <= 60 else v[:59] + "…").ljust(w) for v, w in zip(r, widths)).rstrip() + "\n")


def print_csv(rows: Iterable[Sequence[Any]], headers: Sequence[str]) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(headers)
    w.writerows(rows)


def cli_progress(quiet: bool = False) -> Progress:
    """Progress on stderr, one line rewritten in place when stderr is a terminal."""
    tty = sys.stderr.isatty() and not quiet

    def show(fraction: float, message: str) -> None:
        sys.stderr.write(f"\r{fraction * 100:5.1f}%  {message[:70]:<70}")
        sys.stderr.flush()

    return Progress(show if tty else None, min_interval=0.1)


def end_progress(progress: Progress) -> None:
    if sys.stderr.isatty() and progress._callback:  # noqa: SLF001 - our own class
        sys.stderr.write("\r" + " " * 80 + "\r")
        sys.stderr.flush()
