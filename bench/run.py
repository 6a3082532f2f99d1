"""`make bench`: run every tool on every dataset, each in a fresh subprocess, and write BENCHMARKS.md.

Wall time is measured from process start (the tool reads the CSV files itself) to the final
clusters written, the same way for every tool; peak memory is the largest of the subprocess's
maximum RSS (``os.wait4``) and the summed RSS of it and its children (Unico's helper process),
sampled every 20 ms; CPU time is user + system of the subprocess and the children it waited for. Scores are pairwise precision / recall / F1 of the final clusters against the
truth, which no tool sees. For Unico, the precision of its automatic merges alone (each
``auto_merge`` decision as a link) and the recall of its candidate set are reported too.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from bench.datasets import ALL, prepare, truth_of
from bench.metrics import link_precision, pairwise_scores

TOOLS = ("unico", "splink", "recordlinkage")
UNICO_PACKAGES = ("unico", "numpy", "pandas", "rapidfuzz")
PEER_PACKAGES = ("splink", "duckdb", "recordlinkage", "numpy", "pandas")
# recordlinkage's documented recipe blocks on the first name alone: at a million records that is
# about 10^9 pairs, beyond this machine; it runs up to 100k.
SKIP = {("recordlinkage", "demo_1m"): "not run: blocking on the first name alone gives ~10^9 pairs at 1M"}
ROOT = Path(__file__).resolve().parent.parent


def run_tool(tool: str, folder: Path, out: Path, timeout: float, python: str = sys.executable) -> dict:
    """Run one tool in a fresh interpreter: wall seconds, CPU seconds, peak RSS (MB) of it and its children."""
    out.mkdir(parents=True, exist_ok=True)
    log = (out / "log.txt").open("w")
    # run in the output folder: scratch a tool leaves behind (DuckDB spills to ./.tmp, and a run
    # stopped at the time limit never cleans it: 21 GB once) is removed with it below
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    start = time.perf_counter()
    python = os.path.abspath(python) if os.sep in python else python  # the tool runs elsewhere (not the venv's target)
    proc = subprocess.Popen([python, "-m", f"bench.tool_{tool}", str(folder.resolve()), str(out.resolve())],
                            cwd=out, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = start + timeout
    tree_peak = 0
    try:
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                return {"error": f"timed out after {timeout:.0f} s"}
            tree_peak = max(tree_peak, tree_rss(proc.pid))
            time.sleep(0.02)
    finally:
        log.close()
        shutil.rmtree(out / ".tmp", ignore_errors=True)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        tail = (out / "log.txt").read_text(errors="replace").strip().splitlines()[-3:]
        return {"error": " | ".join(tail)[:300], "seconds": seconds}
    return {"seconds": seconds, "peak_mb": max(usage.ru_maxrss * 1024, tree_peak) / 2**20,
            "cpu_seconds": usage.ru_utime + usage.ru_stime}


def tree_rss(pid: int) -> int:
    """Bytes resident in a process and all its descendants now (0 if it is gone)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) * 1024 for line in f if line.startswith("VmRSS:")), 0)
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def _unico_clusters(out: Path) -> pd.DataFrame:
    m = pd.concat([pd.read_csv(out / "members.csv", dtype=str), pd.read_csv(out / "event_members.csv", dtype=str)])
    return m.rename(columns={"source_record_id": "key", "profile_id": "cluster"}).drop_duplicates(["source", "key"])


def _unico_links(out: Path) -> pd.DataFrame:
    links = pd.read_csv(out / "links.csv", dtype=str)
    a = links["ref_a"].str.split(":", n=1, expand=True)
    b = links["ref_b"].str.split(":", n=1, expand=True)
    if links.empty:
        return pd.DataFrame(columns=["source_a", "key_a", "source_b", "key_b"])
    return pd.DataFrame({"source_a": a[0], "key_a": a[1], "source_b": b[0], "key_b": b[1]})


def _with_identity_records(out: Path, truth: pd.DataFrame) -> pd.DataFrame:
    """Truth extended to the identity records Unico made from event rows (a lead's person)."""
    rec = pd.read_csv(out / "record_events.csv", dtype=str)
    extra = rec.merge(truth, left_on=["source", "event_key"], right_on=["source", "key"])
    extra = extra[["source", "record_key", "entity"]].rename(columns={"record_key": "key"})
    return pd.concat([truth, extra]).drop_duplicates(["source", "key"])


def candidate_recall(out: Path, truth: pd.DataFrame) -> float | None:
    """Share of true pairs in Unico's candidate set (recomputed from its workspace, untimed)."""
    from app.core.matching.blocking import candidate_pairs
    from app.core.matching.features import Features
    from app.core.matching.service import get_settings
    from app.core.matching.store import load_records_frame
    from app.core.workspace import Workspace

    ws = Workspace(out / "unico.db")
    settings = get_settings(ws)
    frame = load_records_frame(ws)
    ws.close()
    feats = Features.build(frame, settings)
    cands = candidate_pairs(feats, settings.blocking, max_block=settings.max_block_size, large=settings.large_workspace)
    pa, pb = cands.a, cands.b
    truth = _with_identity_records(out, truth)
    ent = frame.merge(truth, left_on=["source", "source_record_id"], right_on=["source", "key"], how="left")["entity"]
    codes, _ = pd.factorize(ent)
    codes = codes.astype("int64")
    sizes = pd.Series(codes[codes >= 0]).value_counts()
    true_pairs = int((sizes * (sizes - 1) // 2).sum())
    hit = int(((codes[pa] == codes[pb]) & (codes[pa] >= 0)).sum())
    return hit / true_pairs if true_pairs else None


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    except OSError:
        mem = 0
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, Python {platform.python_version()}"


_VERSIONS = """
import sys
from importlib.metadata import PackageNotFoundError, version
out = []
for pkg in sys.argv[1:]:
    try:
        out.append(f"{pkg} {version(pkg)}")
    except PackageNotFoundError:
        out.append(f"{pkg} (not installed)")
print(", ".join(out))
"""


def versions(python: str, packages: tuple[str, ...]) -> str:
    """Package versions as seen by the interpreter that runs a tool."""
    done = subprocess.run([python, "-c", _VERSIONS, *packages], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def fmt(v, spec: str = ".4f") -> str:
    return "—" if v is None or (isinstance(v, float) and v != v) else format(v, spec)


def load_range(rows: list[dict]) -> str:
    loads = [r["load"] for r in rows if "load" in r]
    return f"{min(loads):.1f}–{max(loads):.1f}" if loads else "not measured"


def write_report(rows: list[dict], path: Path, peer_python: str) -> None:
    lines = [
        "# Benchmarks: Unico vs Splink vs recordlinkage",
        "",
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC by `make bench` (`python -m bench.run`).",
        f"Machine: {machine()}.",
        f"Versions: Unico's environment: {versions(sys.executable, UNICO_PACKAGES)}; the peers' environment "
        f"(`.venv-bench`, recordlinkage needs pandas < 3): {versions(peer_python, PEER_PACKAGES)}.",
        f"Load average (1 min) at the start of each tool's run: {load_range(rows)}.",
        "",
        "Each tool runs in a fresh subprocess from the CSV files to the final clusters; time is wall time of",
        "that process, CPU time its user + system time (Unico's helper process and DuckDB's threads included),",
        "memory the peak RSS of the process and its children together. Precision, recall and F1 are pairwise, from the final clusters,",
        "against the truth (which no tool sees). Unico runs with zero configuration: the importer's automatic",
        "mapping and the default match settings, identical for every dataset. *Auto-merge precision* is the",
        "share of Unico's `auto_merge` decisions that join two records of one person; *candidate recall* is",
        "the share of true pairs its blocking proposes. Peer settings: see `bench/tool_splink.py` and",
        "`bench/tool_recordlinkage.py` (copied from each tool's documentation examples).",
        "",
        "| dataset | records | tool | precision | recall | F1 | auto-merge precision | candidate recall | time (s) | CPU (s) | peak memory (MB) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['dataset']} | {r.get('records', 0):,} | {r['tool']} | {r['error']} | | | | | "
                         f"{fmt(r.get('seconds'), '.1f')} | | |")
            continue
        lines.append(
            f"| {r['dataset']} | {r['records']:,} | {r['tool']} | {fmt(r['precision'])} | {fmt(r['recall'])} | "
            f"{fmt(r['f1'])} | {fmt(r.get('auto_precision'))} | {fmt(r.get('candidate_recall'))} | "
            f"{fmt(r['seconds'], '.1f')} | {fmt(r.get('cpu_seconds'), '.1f')} | {fmt(r['peak_mb'], '.0f')} |")
    unico = [r for r in rows if r["tool"] == "unico" and "match" in r]
    if unico:
        lines += ["", "Unico's time split (seconds): import of the files by the importer, then `run_match`.", "",
                  "| dataset | import | match | candidate pairs | auto-merged | review queue | profiles |",
                  "|---|---|---|---|---|---|---|"]
        for r in unico:
            m = r["match"]
            lines.append(f"| {r['dataset']} | {r['seconds'] - m['seconds']:.1f} | {m['seconds']:.1f} | {m['compared']:,} | "
                         f"{m['auto_merged']:,} | {m['review']:,} | {m['profiles']:,} |")
    path.write_text("\n".join(lines + ["", NOTES]) + "\n")


NOTES = """Notes
- Splink's documentation has no example for the demo retailer's files; it runs the fake_1000
  tutorial model (names, birth date, city, email, plus phone and postcode; blocking on first
  name + city, surname, email, phone; clusters at 0.2) on a table that `bench/demo_table.py`
  builds by hand from the four files (Unico maps them by itself). Households and homonyms chain
  that model's clusters together at 100k; a tool that has not finished within the time limit
  (`--timeout`) is stopped and its row says so.
- recordlinkage follows its documented FEBRL example literally (blocking on the first name);
  that blocking is why its recall is low, and why it is not run at 1M.
- The machine may be shared with other work (the load average above says how busy it was):
  every tool ran under the same conditions, one at a time."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="BENCHMARKS.md")
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "unico-bench"),
                    help="where datasets and outputs go (outside the repository)")
    ap.add_argument("--datasets", nargs="+", default=list(ALL), choices=ALL)
    ap.add_argument("--tools", nargs="+", default=list(TOOLS), choices=TOOLS)
    ap.add_argument("--timeout", type=float, default=900, help="seconds before a tool's run is stopped")
    ap.add_argument("--peer-python", default=sys.executable,
                    help="interpreter with splink and recordlinkage installed (make bench: .venv-bench)")
    args = ap.parse_args(argv)
    work = Path(args.work)
    rows = []
    for name in args.datasets:
        folder = prepare(name, work / "data")
        truth = truth_of(folder)
        for tool in args.tools:
            out = work / "out" / name / tool
            print(f"{name:>10} · {tool:<13}", end=" ", flush=True)
            if (tool, name) in SKIP:
                rows.append({"dataset": name, "tool": tool, "records": len(truth), "error": SKIP[(tool, name)]})
                print(SKIP[(tool, name)])
                write_report(rows, Path(args.out), args.peer_python)
                continue
            python = sys.executable if tool == "unico" else args.peer_python
            load = os.getloadavg()[0]
            res = {"dataset": name, "tool": tool, "records": len(truth), "load": load,
                   **run_tool(tool, folder, out, args.timeout, python)}
            if "error" not in res:
                clusters = _unico_clusters(out) if tool == "unico" else pd.read_csv(out / "clusters.csv", dtype=str)
                res.update(pairwise_scores(clusters, truth))
                if tool == "unico":
                    res["auto_precision"] = link_precision(_unico_links(out), _with_identity_records(out, truth))
                    res["candidate_recall"] = candidate_recall(out, truth)
                    res["match"] = json.loads((out / "result.json").read_text())
            print(json.dumps({k: v for k, v in res.items() if k != "match"}, default=str))
            rows.append(res)
            write_report(rows, Path(args.out), args.peer_python)
    (work / "results.json").write_text(json.dumps(rows, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
