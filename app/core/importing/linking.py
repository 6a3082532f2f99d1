"""Finding an event file's people through a contact source already in the workspace.

A till receipts file carries the loyalty card number; the loyalty registry imported before holds
the same numbers as its keys. The column whose sample values overlap most with a contact source's
``source_record_id``, ``n_loyalty`` or ``n_customer_id`` (at least half of its distinct values) is
the reference; ``--ref SOURCE`` names the source and lets any overlap count. Email columns are
left to identity records and matching (a newsletter keyed by email is no better a home for a
purchase than the buyer's own identity record).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.core.errors import UsageError
from app.core.importing.profile import ColumnProfile
from app.core.workspace import Workspace

MIN_OVERLAP = 0.5
TARGETS = ("source_record_id", "n_loyalty", "n_customer_id")
_SAMPLE = 1000  # distinct values compared per column


@dataclass(frozen=True)
class RefLink:
    source: str
    source_id: int
    column: str  # the column of the file being imported
    target: str  # the ref source's column it matches: one of TARGETS
    overlap: float

    def to_json(self) -> dict:
        return {"source": self.source, "column": self.column, "target": self.target, "overlap": round(self.overlap, 3)}


def _candidate_columns(profiles: Mapping[str, ColumnProfile], mapping: Mapping[str, str]) -> list[str]:
    mapped_ids = [mapping[f] for f in ("loyalty_card", "customer_id", "codice_fiscale", "national_id") if f in mapping]
    others = [c for c, p in profiles.items()
              if p.filled and p.share("idlike") >= 0.8 and p.share("email") == 0 and c not in mapped_ids
              and p.share("date") < 0.5 and p.share("datetime") < 0.5]
    return mapped_ids + others


def _overlap(ws: Workspace, source_id: int, target: str, values: list[str],
             held: dict[tuple[int, str], set[str]]) -> float:
    if not values:
        return 0.0
    if target != "source_record_id":  # not indexed: compared with the values read in one pass
        known = held.get((source_id, target), set())
        return sum(v in known for v in values) / len(values)
    hits = 0
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        marks = ",".join("?" * len(chunk))
        hits += ws.scalar(f"SELECT count(DISTINCT {target}) FROM records WHERE source_id = ? AND origin = 'row' "
                          f"AND {target} IN ({marks})", (source_id, *chunk))
    return hits / len(values)


def _held_ids(ws: Workspace, wanted: set[str]) -> dict[tuple[int, str], set[str]]:
    """Those of the ``wanted`` values that are loyalty or customer ids of a contact source, read in
    one pass over the records (they have no index: a query per column and source would read a
    million records each time); SQLite keeps only the wanted ones, Python never sees the rest."""
    held: dict[tuple[int, str], set[str]] = {}
    if not wanted:
        return held
    listed = json.dumps(sorted(wanted))
    for source_id, loyalty, customer in ws.execute(
            "SELECT r.source_id, r.n_loyalty, r.n_customer_id FROM records r JOIN sources s ON s.id = r.source_id "
            "WHERE s.kind = 'contacts' AND r.origin = 'row' AND (r.n_loyalty IN (SELECT value FROM json_each(?1)) "
            "OR r.n_customer_id IN (SELECT value FROM json_each(?1)))", (listed,)):
        if loyalty in wanted:
            held.setdefault((source_id, "n_loyalty"), set()).add(loyalty)
        if customer in wanted:
            held.setdefault((source_id, "n_customer_id"), set()).add(customer)
    return held


def find_ref(ws: Workspace, profiles: Mapping[str, ColumnProfile], mapping: Mapping[str, str], *,
             exclude_source: str | None, named: str | None = None) -> RefLink | None:
    """The best (source, column, target) by value overlap, or None."""
    sources = ws.query("SELECT id, name FROM sources WHERE kind = 'contacts'" + (" AND name = ?" if named else ""),
                       (named,) if named else ())
    if named and not sources:
        known = [r["name"] for r in ws.query("SELECT name FROM sources WHERE kind = 'contacts' ORDER BY name")]
        raise UsageError(f"--ref {named}: no contact source with that name"
                         + (f"; contact sources: {', '.join(known)}" if known else "; import the contacts first"))
    best: RefLink | None = None
    columns = _candidate_columns(profiles, mapping)
    samples = {column: _distinct(profiles[column].values, _SAMPLE) for column in columns}
    held = _held_ids(ws, {v for values in samples.values() for v in values})
    for column in columns:
        values = samples[column]
        for src in sources:
            if src["name"] == exclude_source:
                continue
            for target in TARGETS:
                share = _overlap(ws, src["id"], target, values, held)
                if share > 0 and (best is None or share > best.overlap):
                    best = RefLink(src["name"], src["id"], column, target, share)
    if best is None:
        if named:
            raise UsageError(f"--ref {named}: no column of this file shares values with the keys of {named!r}")
        return None
    if named or best.overlap >= MIN_OVERLAP:
        return best
    return None


def _distinct(values: Iterable[str], limit: int | None = None) -> list[str]:
    out: dict[str, None] = {}
    for v in values:
        v = (v or "").strip().lstrip("'")
        if v:
            out[v] = None
            if limit and len(out) >= limit:
                break
    return list(out)


class RefResolver:
    """{value: record id} lookups in the ref source: through the unique index for its keys, through
    one dictionary loaded up front for n_loyalty / n_customer_id (not indexed)."""

    def __init__(self, ws: Workspace, link: RefLink):
        self.ws, self.link = ws, link
        self._all: dict[str, int] | None = None
        if link.target != "source_record_id":
            self._all = {}
            for row in ws.query(f"SELECT {link.target} AS k, id FROM records WHERE source_id = ? AND origin = 'row' "
                                f"AND {link.target} IS NOT NULL ORDER BY id DESC", (link.source_id,)):
                self._all[row["k"]] = row["id"]  # the oldest record wins on duplicates

    def lookup(self, values: Iterable[str]) -> dict[str, int]:
        wanted = _distinct(values)
        if self._all is not None:
            return {v: self._all[v] for v in wanted if v in self._all}
        found: dict[str, int] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.ws.query(f"SELECT source_record_id AS k, id FROM records WHERE source_id = ? "
                                     f"AND origin = 'row' AND source_record_id IN ({marks})",
                                     (self.link.source_id, *chunk)):
                found[row["k"]] = row["id"]
        return found
