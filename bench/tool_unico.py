"""Unico end to end: files → importer (automatic mapping) → run_match (defaults) → members.

Usage: python -m bench.tool_unico DATASET_FOLDER OUT_FOLDER
Writes members.csv and event_members.csv (source,source_record_id,profile_id) and links.csv (the
automatic merges) into OUT_FOLDER.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path


def main(folder: Path, out: Path) -> None:
    from app.core.importing import import_files
    from app.core.matching import export_members, run_match
    from app.core.workspace import Workspace
    from bench.datasets import Dataset

    ds = Dataset.load(folder)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "unico.db"
    for p in (db, db.with_suffix(".db-wal"), db.with_suffix(".db-shm")):
        p.unlink(missing_ok=True)
    ws = Workspace(db)
    import_files(ws, ds.files)  # as `unico import FILE...`: each planned once the one before is in
    result = run_match(ws)
    n = export_members(ws, out / "members.csv")
    # Rows of event files (leads) reach their person through an identity record: score them too.
    with (out / "event_members.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "source_record_id", "profile_id"])
        w.writerows(ws.query("SELECT s.name, e.external_id, m.profile_id FROM events e JOIN sources s ON s.id = e.source_id "
                             "JOIN memberships m ON m.record_id = e.record_id"))
    with (out / "record_events.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "record_key", "event_key"])
        w.writerows(ws.query("SELECT s.name, r.source_record_id, e.external_id FROM events e "
                             "JOIN sources s ON s.id = e.source_id JOIN records r ON r.id = e.record_id"))
    with (out / "links.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["ref_a", "ref_b"])
        w.writerows(ws.query("SELECT a_ref, b_ref FROM decisions WHERE kind = 'auto_merge'"))
    (out / "result.json").write_text(json.dumps({**result.to_json(), "exported": n}, indent=2))
    ws.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
