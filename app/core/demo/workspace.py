"""build_demo_workspace: generate the demo retailer, import every file with no flags, match."""
from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from app.core import messages
from app.core.demo.generate import DemoFile, generate_demo
from app.core.demo.true_profiles import install_true_profiles
from app.core.errors import UnicoError, UsageError
from app.core.jobs import Progress
from app.core.workspace import Workspace

META_KEY = "demo"  # ws.get_json("demo"): where the files and truth are, what each import did


def _optional(module: str, attr: str) -> ModuleType | None:
    """A sibling core package if it is there and has `attr` (the demo does not depend on it)."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as e:
        if e.name and module.startswith(e.name):
            return None
        raise
    return mod if hasattr(mod, attr) else None


def build_demo_workspace(db_path: Path, *, people: int = 2000, seed: int = 7, progress: Progress | None = None,
                         replace: bool = False, identities: str = "match") -> Path:
    """Generate into <db dir>/<db stem>-files/, import each file as a new user would (format found
    from the headers, no flags), then match — or, with identities="truth", install the true
    profiles from truth.csv instead (for tests of what comes after matching). Returns db_path.
    An existing workspace is refused unless `replace`; a failed or cancelled build removes the
    half-built file."""
    if identities not in ("match", "truth"):
        raise UsageError(f"identities must be 'match' or 'truth', not {identities!r}")
    db_path = Path(db_path)
    progress = progress or Progress()
    importing = _optional("app.core.importing", "run_import")
    if importing is None:
        raise UnicoError("cannot build the demo workspace: the importer (app.core.importing) is not available")
    if db_path.exists():
        if not replace:
            raise UsageError(f"{db_path} already exists; choose another path or replace it")
        _remove(db_path)
    files_dir = db_path.parent / f"{db_path.stem}-files"
    manifest = generate_demo(files_dir, people=people, seed=seed, progress=progress.sub(0.0, 0.25))
    summary: dict = {"files_dir": str(files_dir), "truth_csv": str(manifest.truth_csv),
                     "truth_json": str(manifest.truth_json), "people": people, "seed": seed,
                     "imports": [], "notes": []}
    try:
        with Workspace(db_path) as ws:
            _import_all(ws, importing, manifest.files, summary, progress.sub(0.25, 0.8))
            matching = _optional("app.core.matching", "run_match")
            if identities == "truth":
                summary["true_profiles"] = install_true_profiles(ws, manifest.truth_csv)
            elif matching is None:
                summary["notes"].append("matching not available: records were imported but not matched")
            else:
                progress.update(0.8, messages.text("progress.demo_matching"))
                result = matching.run_match(ws, progress=progress.sub(0.8, 1.0))
                summary["match"] = result.to_json() if hasattr(result, "to_json") else vars(result)
            ws.set_json(META_KEY, summary)
    except BaseException:
        _remove(db_path)
        raise
    progress.update(1.0, messages.text("progress.demo_ready"), force=True)
    return db_path


def _import_all(ws: Workspace, importing: ModuleType, files: list[DemoFile], summary: dict,
                progress: Progress) -> None:
    # contact files first: the receipts and web events find their people through them
    ordered = sorted(files, key=lambda f: (f.kind != "contacts", files.index(f)))
    for i, f in enumerate(ordered):
        progress.update(i / len(ordered), messages.text("progress.importing", file=f.path.name))
        plan = importing.plan_import(f.path, ws=ws)
        if plan.format_id != f.format_id:
            summary["notes"].append(f"{f.path.name}: recognised as {plan.format_id!r}, expected {f.format_id!r}")
        result = importing.run_import(ws, plan, progress.sub(i / len(ordered), (i + 1) / len(ordered)))
        summary["imports"].append({"file": f.path.name, "source": result.source_name, "format": plan.format_id,
                                   "kind": result.kind, "channel": result.channel, "counts": result.counts})


def _remove(db_path: Path) -> None:
    for p in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        p.unlink(missing_ok=True)
