"""Running an import: one transaction, chunked, with progress and cancel inside it.

``run_import(ws, plan)`` streams the file in chunks of rows: convert each column once per distinct
value, normalise with a ``RowNormalizer`` (caches kept across chunks), write with ``executemany``.
A cancel or any failure rolls the whole import back (other sources untouched). Profiles whose records
gained events or were updated are refreshed in the same transaction (matching only looks at new
records). Bad rows become rejects — in the ``rejects`` table and in
``<workspace dir>/<workspace stem>-rejects/<source>-<import id>.csv`` (file, line, column, reason,
raw) — and never stop the import. The same file imported again into the same
source (same SHA-256) adds nothing and says so.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from app.core import helper
from app.core.errors import BadDataError, UsageError, Where
from app.core.importing.convert import Converter, Unit, to_json, units_of
from app.core.importing.events import EVENT_SQL, EventBuilder
from app.core.importing.linking import RefResolver
from app.core.importing.plan import ImportPlan, plan_import, replan
from app.core.importing.prepare import CHUNK, HELPER_MIN_BYTES, Ahead, prepared_chunks
from app.core.importing.readers import RawRow
from app.core.importing.store_records import RecordWriter
from app.core.jobs import Progress, collector_paused
from app.core.matching.store import temp_ids
from app.core.matching.summary import refresh_profiles
from app.core import messages
from app.core.suppression import SuppressionCheck
from app.core.workspace import Workspace, utcnow

COUNT_KEYS = ("read", "imported", "updated", "unchanged", "rejected", "events", "anonymous_events", "identities",
              "suppressed", "duplicates")


@dataclass
class ImportResult:
    import_id: int
    source_name: str
    kind: str
    channel: str
    format_id: str
    counts: dict[str, int]
    rejects_path: Path | None
    already_imported: bool
    changes: int
    warnings: list[str] = field(default_factory=list)
    profiles_refreshed: int = 0  # existing profiles whose records this import gave events or updated

    def to_json(self) -> dict:
        return {"import_id": self.import_id, "source_name": self.source_name, "kind": self.kind,
                "channel": self.channel, "format_id": self.format_id, "counts": self.counts,
                "rejects_path": str(self.rejects_path) if self.rejects_path else None,
                "already_imported": self.already_imported, "changes": self.changes, "warnings": self.warnings,
                "profiles_refreshed": self.profiles_refreshed}


@dataclass
class _Reject:
    file: str
    line: int | None
    column: str | None
    reason: str
    raw: str


def rejects_dir(ws: Workspace) -> Path:
    return ws.path.parent / f"{ws.path.stem}-rejects"


def _chunks(items: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def import_files(ws: Workspace, paths: Sequence[str | Path], progress: Progress | None = None, *,
                 planned: bool = False, **options) -> list:
    """Import several files in order, each planned (``plan_import(path, ws=ws, **options)``) once the
    one before is in: a plan may refer to it (receipts to a loyalty source). Returns the results
    (``planned``: (plan, result) pairs). A file that fails stops the run; those before it stay in.

    While one file is written, the helper process prepares the next from a plan made in advance;
    that work is used only if the plan made again when its turn comes (``replan``: the workspace
    may have changed, the file has not) is the same (prepare.py).
    """
    if len(paths) > 1 and any(Path(p).is_file() and Path(p).stat().st_size >= HELPER_MIN_BYTES for p in paths[1:]):
        helper.start()
    results: list = []
    ahead: Ahead | None = None
    following: ImportPlan | None = None  # the next file's plan, made while the one before was imported
    try:
        for i, path in enumerate(paths):
            plan = replan(following, ws) if following is not None else plan_import(path, ws=ws, **options)
            mine = ahead if ahead is not None and ahead.plan == plan else None
            if ahead is not None and mine is None:
                ahead.close()
            ahead = following = None
            if i + 1 < len(paths):
                try:
                    following = plan_import(paths[i + 1], ws=ws, **options)
                except Exception:  # noqa: BLE001 - the next file cannot be planned: its own turn will say why
                    following = None
                if following is not None:
                    ahead = Ahead.start(following, SuppressionCheck(ws))
            try:
                result = run_import(ws, plan, progress, ahead=mine)
                results.append((plan, result) if planned else result)
            finally:
                if mine is not None:  # unused if the file was already imported
                    mine.close()
    finally:
        if ahead is not None:
            ahead.close()
    return results


def run_import(ws: Workspace, plan: ImportPlan, progress: Progress | None = None, *,
               ahead: Ahead | None = None) -> ImportResult:
    """Import the planned file into ``plan.source_name``; see the module docstring.
    ``ahead``: the helper's preparation of this plan (``import_files``)."""
    progress = progress or Progress()
    problems = plan.problems()
    if problems:
        raise BadDataError(problems[0], Where(plan.file_name))
    progress.update(0.0, messages.text("progress.checking_file", file=plan.file_name))
    source = ws.query("SELECT * FROM sources WHERE name = ?", (plan.source_name,))
    source = dict(source[0]) if source else None
    if source and source["kind"] != plan.kind:
        raise UsageError(messages.text("import.source_holds_other_kind", source=plan.source_name,
                              held=messages.text(f"kind.{source['kind']}"), kind=messages.text(f"kind.{plan.kind}")))
    sha = plan.sha256
    if source:
        prior = ws.scalar("SELECT id FROM imports WHERE source_id = ? AND sha256 = ? AND status = 'done' "
                          "ORDER BY id DESC LIMIT 1", (source["id"], sha))
        if prior is not None:
            return ImportResult(prior, plan.source_name, plan.kind, plan.channel, plan.format_id,
                                dict.fromkeys(COUNT_KEYS, 0), None, True, 0,
                                [messages.text("import.already_imported", file=plan.file_name, source=plan.source_name,
                                      import_id=prior)])
    job = _Job(ws, plan, source, sha, progress, ahead)
    try:
        with collector_paused(), ws.atomic():
            return job.run()
    except BaseException:
        if job.rejects_file is not None:  # written before the failure: the import it lists is gone
            job.rejects_file.unlink(missing_ok=True)
        raise


class _Job:
    def __init__(self, ws: Workspace, plan: ImportPlan, source: dict | None, sha: str, progress: Progress,
                 ahead: Ahead | None = None):
        self.ws, self.plan, self.source, self.sha, self.progress, self.ahead = ws, plan, source, sha, progress, ahead
        self.counts = dict.fromkeys(COUNT_KEYS, 0)
        self.rejects: list[_Reject] = []
        self.converter = Converter(plan)
        self.changes = 0
        self.eur_assumed = 0
        self.rejects_file: Path | None = None
        self.event_records: set[int] = set()  # records this import gave events
        self.profiles_refreshed = 0

    def _start(self) -> tuple[int, int]:
        plan, now = self.plan, utcnow()
        options = {"region": plan.region, "pad_caps": plan.pad_caps, "ref": plan.ref.to_json() if plan.ref else None,
                   "date_orders": {c: g.order for c, g in plan.date_orders.items()}}
        values = (plan.kind, plan.channel, plan.format_id, plan.file_name, self.sha, plan.key_column,
                  to_json(plan.mapping), to_json(options))
        if self.source is None:
            cur = self.ws.execute("INSERT INTO sources(name, kind, channel, format, file_name, sha256, key_column, "
                                  "mapping, options, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  (plan.source_name, *values, now, now))
            source_id, before = cur.lastrowid, None
        else:
            source_id, before = self.source["id"], to_json(self.source)
            self.ws.execute("UPDATE sources SET kind = ?, channel = ?, format = ?, file_name = ?, sha256 = ?, "
                            "key_column = ?, mapping = ?, options = ?, updated_at = ? WHERE id = ?",
                            (*values, now, source_id))
        cur = self.ws.execute(
            "INSERT INTO imports(source_id, file_name, file_path, sha256, size, started_at, format, kind, channel, "
            "encoding, delimiter, mapping, confidence, source_before) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source_id, plan.file_name, str(Path(plan.path).resolve()), self.sha, plan.size, now, plan.format_id,
             plan.kind, plan.channel, plan.encoding, plan.delimiter, to_json(plan.mapping), to_json(plan.confidence),
             before))
        return source_id, cur.lastrowid

    def run(self) -> ImportResult:
        plan = self.plan
        self.source_id, self.import_id = self._start()
        suppression = SuppressionCheck(self.ws)
        if plan.kind == "contacts":
            self._run_contacts(suppression)
        else:
            table = plan._table
            structural: list[tuple[RawRow, str | None, str]] = []
            units = units_of(self._counted(table.records()), plan, structural)
            resolver = RefResolver(self.ws, plan.ref) if plan.ref else None
            builder = EventBuilder(plan, self.converter, self.source_id, self.import_id, resolver, suppression)
            writer = RecordWriter(self.ws, self.source_id, self.import_id, "event")
            for chunk in _chunks(units, CHUNK):
                self.progress.check()
                self._events(chunk, builder, writer)
                self._structural(structural)
                self._progress(table.fraction_read())
            self._structural(structural)
        self.progress.check()
        self._refresh_profiles()
        return self._finish()

    def _refresh_profiles(self) -> None:
        """Golden records, activity and counts of the profiles whose records got events or changed."""
        ws = self.ws
        records = self.event_records | {r[0] for r in ws.execute(
            "SELECT record_id FROM record_changes WHERE import_id = ?", (self.import_id,))}
        if not records:
            return
        with temp_ids(ws, records, "_import_records") as t:
            profiles = [r[0] for r in ws.execute(
                f"SELECT DISTINCT m.profile_id FROM memberships m JOIN {t} t ON t.id = m.record_id")]
        self.progress.update(0.98, messages.text("progress.updating_profiles", count=len(profiles)))
        self.profiles_refreshed = refresh_profiles(ws, profiles)

    def _progress(self, fraction: float) -> None:
        self.progress.update(0.02 + 0.96 * fraction, messages.text("progress.importing_rows", file=self.plan.file_name,
                                                                   rows=self.counts["read"]))

    def _run_contacts(self, suppression: SuppressionCheck) -> None:
        """Chunks prepared in a worker thread or the helper process (prepare.py) while this thread writes."""
        writer = RecordWriter(self.ws, self.source_id, self.import_id, "row")
        with closing(prepared_chunks(self.plan, suppression, self.converter, self.ahead)) as chunks:
            for ready in chunks:
                self.progress.check()
                self.counts["read"] = ready.read
                if ready.built is not None:
                    self._contacts(ready.rejected, ready.built, writer)
                self._structural(ready.structural)
                self._progress(ready.fraction)

    def _counted(self, rows: Iterable[RawRow]) -> Iterator[RawRow]:
        for r in rows:
            self.counts["read"] += 1
            yield r

    # -- contacts ---------------------------------------------------------------------------------
    def _contacts(self, units: Mapping[int, Unit], built, writer: RecordWriter) -> None:
        for i, column, reason in built.rejects:
            self._reject_unit(units[i], column, reason)
        self.counts["suppressed"] += len(built.suppressed)
        out = writer.write(built.rows)
        for row, first_line in out.duplicates:
            self.counts["duplicates"] += 1
            self._reject(row.line, self.plan.key_column,
                         messages.text("reject.duplicate_key", key=row.key, line=first_line), row.raw)
        self.counts["imported"] += out.inserted
        self.counts["updated"] += out.updated
        self.counts["unchanged"] += out.unchanged

    # -- events -----------------------------------------------------------------------------------
    def _events(self, units: list[Unit], builder: EventBuilder, writer: RecordWriter) -> None:
        batch = builder.build(units)
        for i, column, reason in batch.rejects:
            self._reject_unit(units[i], column, reason)
        self.counts["suppressed"] += batch.suppressed
        self.eur_assumed += batch.assumed_eur
        out = writer.write(batch.identities, merge_same_import=True, want_ids=True)
        self.counts["identities"] += out.inserted
        self.counts["updated"] += out.updated
        for event, key in zip(batch.events, batch.person_keys):
            if key is not None:
                event[16] = out.ids.get(key)
        before = self.ws.conn.total_changes
        self.ws.conn.executemany(EVENT_SQL, batch.events)
        inserted = self.ws.conn.total_changes - before
        self.counts["events"] += inserted
        self.counts["imported"] += inserted
        self.counts["duplicates"] += len(batch.events) - inserted
        self.counts["anonymous_events"] += sum(1 for e in batch.events if e[16] is None)
        self.event_records.update(e[16] for e in batch.events if e[16] is not None)

    # -- rejects ----------------------------------------------------------------------------------
    def _structural(self, structural: list[tuple[RawRow, str | None, str]]) -> None:
        for r, column, reason in structural:
            raw = r.text if r.text is not None else to_json(r.values)
            self._reject(r.line, column, reason, raw, r.file)
        structural.clear()

    def _reject_unit(self, unit: Unit, column: str | None, reason: str) -> None:
        self._reject(unit.line, column, reason, to_json(unit.raw), unit.file)

    def _reject(self, line: int | None, column: str | None, reason: str, raw: str, file: str | None = None) -> None:
        self.counts["rejected"] += 1
        name = self.plan.file_name if file is None else f"{self.plan.file_name}/{file}"
        self.rejects.append(_Reject(name, line, column, reason, raw))

    # -- the end ----------------------------------------------------------------------------------
    def _finish(self) -> ImportResult:
        plan, ws = self.plan, self.ws
        warnings = list(plan.warnings) + self.converter.issues.messages(plan.file_name)
        if self.eur_assumed:
            warnings.append(messages.text("import.eur_assumed", count=self.eur_assumed, region=plan.region))
        if self.counts["suppressed"]:
            warnings.append(messages.text("import.suppressed_rows", count=self.counts["suppressed"]))
        ws.conn.executemany(
            "INSERT INTO rejects(import_id, line, column_name, reason, raw, reason_message) VALUES (?, ?, ?, ?, ?, ?)",
            [(self.import_id, r.line, r.column, r.reason, r.raw,
              to_json(messages.dump(r.reason)) if isinstance(r.reason, messages.Text) else None)
             for r in self.rejects])
        rejects_path = self.rejects_file = self._write_rejects() if self.rejects else None
        self.changes = ws.scalar("SELECT count(*) FROM record_changes WHERE import_id = ?", (self.import_id,))
        counts_json = to_json(self.counts)
        ws.execute("UPDATE imports SET finished_at = ?, counts = ?, rejects_path = ? WHERE id = ?",
                   (utcnow(), counts_json, str(rejects_path) if rejects_path else None, self.import_id))
        ws.execute("UPDATE sources SET counts = ? WHERE id = ?", (counts_json, self.source_id))
        self.progress.update(1.0, messages.text("progress.imported", file=plan.file_name), force=True)
        return ImportResult(self.import_id, plan.source_name, plan.kind, plan.channel, plan.format_id,
                            dict(self.counts), rejects_path, False, self.changes, warnings, self.profiles_refreshed)

    def _write_rejects(self) -> Path:
        folder = rejects_dir(self.ws)
        folder.mkdir(parents=True, exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.plan.source_name)
        path = folder / f"{safe}-{self.import_id}.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["file", "line", "column", "reason", "raw"])
            for r in self.rejects:
                w.writerow([r.file, r.line, r.column or "", r.reason, r.raw])
        return path


def result_from_row(row) -> dict:
    """An imports row as the plain dict the CLI and GUI list (counts opened up)."""
    out = dict(row)
    for key in ("mapping", "confidence", "counts"):
        if key in out and isinstance(out[key], str):
            out[key] = json.loads(out[key])
    out.pop("source_before", None)
    return out
