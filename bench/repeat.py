"""Repeated, interleaved runs of the tools on one dataset: the spread a single run hides.

On a shared 2-core machine one run of a tool can be 15 % slower than the next. This runs each tool
``--runs`` times, alternating tools (so a slow moment costs both), each exactly as ``bench.run``
runs it (a fresh process from the CSV files to the final clusters), and appends a table of every
run and the medians to ``--append`` (``BENCHMARKS.md``).

Usage: python -m bench.repeat --dataset demo_100k --runs 5 --append BENCHMARKS.md
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from bench.datasets import ALL, prepare
from bench.run import run_tool


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dataset", default="demo_100k", choices=ALL)
    ap.add_argument("--tools", nargs="+", default=["unico", "splink"])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "unico-bench"))
    ap.add_argument("--peer-python", default=sys.executable)
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--append", help="Markdown file to append the table to")
    args = ap.parse_args(argv)
    work = Path(args.work)
    folder = prepare(args.dataset, work / "data")
    runs: dict[str, list[dict]] = {t: [] for t in args.tools}
    for i in range(args.runs):
        for tool in args.tools:
            python = sys.executable if tool == "unico" else args.peer_python
            res = {"load": os.getloadavg()[0],
                   **run_tool(tool, folder, work / "repeat" / args.dataset / tool, args.timeout, python)}
            print(f"run {i + 1} {tool}: {res}", flush=True)
            runs[tool].append(res)
    lines = ["", f"## Repeated runs: {args.dataset}, {args.runs} per tool, interleaved",
             "", f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC by `python -m bench.repeat` "
             f"(each run as above: a fresh process from the files to the clusters; tools alternate).", "",
             "| tool | wall time per run (s) | median (s) | median CPU (s) | median peak memory (MB) |",
             "|---|---|---|---|---|"]
    for tool, rs in runs.items():
        ok = [r for r in rs if "error" not in r]
        times = ", ".join(f"{r['seconds']:.1f}" if "error" not in r else "error" for r in rs)
        if not ok:
            lines.append(f"| {tool} | {times} | — | — | — |")
            continue
        lines.append(f"| {tool} | {times} | **{statistics.median(r['seconds'] for r in ok):.1f}** | "
                     f"{statistics.median(r['cpu_seconds'] for r in ok):.1f} | "
                     f"{statistics.median(r['peak_mb'] for r in ok):.0f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.append:
        with open(args.append, "a") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
