"""The review queue: pairs between the two thresholds, most informative first, and decisions.

A decision is logged in ``decisions`` (the source of truth for humans), applied at once to the
affected component only (``recluster``), and marks the queue stale: the next read refines the
model's m probabilities with the decided pairs (a conjugate update: each decision counts as
``label_weight`` pairs against EM's estimate) and rescores the waiting pairs, so the order adapts.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from app.core.errors import BadDataError, UsageError, Where
from app.core.matching import service, store
from app.core.matching.evidence import evidence_json
from app.core.matching.model import HOUSEHOLD, Vectors
from app.core.profiles import journal
from app.core.workspace import PAIR_OPEN, PAIR_PROFILES, Workspace, utcnow

DIRTY_KEY = "matching.queue_dirty"
DECISIONS = ("accept", "reject", "skip")


@dataclass
class ReviewPair:
    pair_id: int
    a_ref: str
    b_ref: str
    a_id: int
    b_id: int
    probability: float
    match_weight: float
    priority: float | None
    evidence: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"pair_id": self.pair_id, "left": self.a_ref, "right": self.b_ref, "probability": self.probability,
                "match_weight": self.match_weight, "priority": self.priority, "evidence": self.evidence}


@dataclass
class Decision:
    id: int | None
    pair_id: int
    kind: str
    a_ref: str
    b_ref: str
    probability: float
    profiles_changed: list[int] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"decision_id": self.id, "pair_id": self.pair_id, "decision": self.kind, "left": self.a_ref,
                "right": self.b_ref, "probability": self.probability, "profiles_changed": self.profiles_changed}


def _where(sources: list[str] | None, min_p: float, max_p: float, *, named: bool = True) -> tuple[str, list]:
    """The queue's FROM and WHERE; ``named=False`` leaves out the records and sources joins when no
    source is asked for (a count: every pair's records exist, the foreign keys see to it)."""
    joins = ("JOIN records ra ON ra.id = p.a JOIN sources sa ON sa.id = ra.source_id "
             "JOIN records rb ON rb.id = p.b JOIN sources sb ON sb.id = rb.source_id "
             if named or sources else "")
    sql = (f"FROM pairs p {joins}"
           f"{PAIR_PROFILES} WHERE p.band = 'review' AND p.probability >= ? AND p.probability <= ? AND {PAIR_OPEN}")
    params: list = [min_p, max_p]
    if sources:
        marks = ",".join("?" * len(sources))
        sql += f" AND (sa.name IN ({marks}) OR sb.name IN ({marks}))"
        params += list(sources) * 2
    return sql, params


def review_queue(ws: Workspace, *, limit: int = 50, offset: int = 0, sources: list[str] | None = None,
                 min_p: float = 0.0, max_p: float = 1.0) -> list[ReviewPair]:
    if ws.get_meta(DIRTY_KEY) == "1" and not ws.readonly:
        refresh_queue(ws)
    sql, params = _where(sources, min_p, max_p)
    rows = ws.query(
        "SELECT p.id, sa.name || ':' || ra.source_record_id, sb.name || ':' || rb.source_record_id, p.a, p.b, "
        f"p.probability, p.match_weight, p.priority, p.evidence {sql} "
        "ORDER BY p.priority DESC, p.id LIMIT ? OFFSET ?", [*params, limit, offset])
    return [ReviewPair(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8])) for r in rows]


def review_count(ws: Workspace, *, sources: list[str] | None = None, min_p: float = 0.0, max_p: float = 1.0) -> int:
    sql, params = _where(sources, min_p, max_p, named=False)
    return int(ws.scalar(f"SELECT count(*) {sql}", params))


def decide(ws: Workspace, pair_id: int, decision: str, *, actor: str = "steward", reason: str | None = None) -> Decision:
    """Accept, reject or skip a pair; accept/reject are logged and applied to the clusters at once."""
    if decision not in DECISIONS:
        raise UsageError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    row = ws.query("SELECT a, b, probability, evidence FROM pairs WHERE id = ?", (pair_id,))
    if not row:
        raise UsageError(f"no pair {pair_id}; see `unico review list`")
    a, b, prob, evidence = row[0]
    refs = store.refs_of(ws, [a, b])
    if decision == "skip":
        with ws.atomic():
            ws.execute("UPDATE pairs SET priority = -1 - abs(coalesce(priority, 0)) WHERE id = ?", (pair_id,))
        return Decision(None, pair_id, "skip", refs[a], refs[b], prob)
    with ws.atomic(), journal.capture(ws) as changes:
        ws.execute(
            "INSERT INTO decisions(ts, kind, actor, a_ref, b_ref, reason, evidence, probability, payload) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (utcnow(), decision, actor, refs[a], refs[b], reason, evidence, prob,
             json.dumps({"pair_id": pair_id, "a": a, "b": b})))
        decision_id = int(ws.scalar("SELECT last_insert_rowid()"))
        ws.execute("UPDATE pairs SET band = ? WHERE id = ?", ("auto" if decision == "accept" else "low", pair_id))
        change = service.recluster(ws, [a, b])
        changes.store(decision_id)  # what undo restores
        ws.set_meta(DIRTY_KEY, "1")
    return Decision(decision_id, pair_id, decision, refs[a], refs[b], prob, change["profiles"])


def apply_decisions(ws: Workspace, csv_path: str | Path) -> dict:
    """Apply a CSV with columns pair_id,decision; every row is checked before any is applied."""
    path = Path(csv_path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise BadDataError(f"cannot read the decisions file: {e}", Where(str(path))) from e
    reader = csv.DictReader(text.splitlines())
    missing = {"pair_id", "decision"} - set(reader.fieldnames or [])
    if missing:
        raise BadDataError(f"missing column(s) {', '.join(sorted(missing))}; expected pair_id,decision",
                           Where(str(path), 1))
    todo = []
    for line, row in enumerate(reader, start=2):
        pid, dec = (row.get("pair_id") or "").strip(), (row.get("decision") or "").strip().lower()
        if not pid.isdigit():
            raise BadDataError(f"pair_id {pid!r} is not a number", Where(str(path), line, "pair_id"))
        if dec not in DECISIONS:
            raise BadDataError(f"decision {dec!r} is not one of {', '.join(DECISIONS)}", Where(str(path), line, "decision"))
        if ws.scalar("SELECT 1 FROM pairs WHERE id = ?", (int(pid),)) is None:
            raise BadDataError(f"no pair {pid} in this workspace", Where(str(path), line, "pair_id"))
        todo.append((int(pid), dec))
    counts = {"accept": 0, "reject": 0, "skip": 0}
    with ws.atomic():
        for pid, dec in todo:
            decide(ws, pid, dec, reason=f"applied from {path.name}")
            counts[dec] += 1
    return {"rows": len(todo), "accepted": counts["accept"], "rejected": counts["reject"], "skipped": counts["skip"]}


# -- learning from decisions ----------------------------------------------------------------------
def refresh_queue(ws: Workspace) -> int:
    """Refine m with the decided pairs, rescore the waiting pairs and reorder; returns pairs rescored."""
    model = service.load_model(ws)
    settings = service.get_settings(ws)
    if model is None:
        ws.set_meta(DIRTY_KEY, "0")
        return 0
    index = {n: k for k, n in enumerate(model.names)}
    accepted = ws.query("SELECT evidence FROM decisions WHERE kind = 'accept' AND undone = 0 AND evidence IS NOT NULL")
    if accepted:
        counts = [np.zeros(len(m)) for m in model.m]
        for (ev,) in accepted:
            for e in json.loads(ev):
                if e["field"] in index and e["level"] > 0:
                    counts[index[e["field"]]][e["level"]] += 1
        fresh = list(model.m)
        for k, c in enumerate(counts):
            if c.sum():
                m = np.asarray(model.m[k], np.float64) * settings.refine_prior_pairs + c * settings.label_weight
                m[0] = 0
                fresh[k] = list(map(float, m / m[1:].sum()))
        model.m = fresh
        if f"refined by {len(accepted)} decisions" not in model.notes:
            model.notes = [n for n in model.notes if not n.startswith("refined by")] + [f"refined by {len(accepted)} decisions"]
        ws.set_json(service.MODEL_KEY, model.to_json())
    rows = ws.query("SELECT id, evidence FROM pairs WHERE band = 'review'")
    if rows:
        K = len(model.names)
        levels = np.zeros((len(rows), K), np.int8)
        tf: dict[int, np.ndarray] = {}
        for i, (_, ev) in enumerate(rows):
            for e in json.loads(ev):
                if e["field"] == HOUSEHOLD:
                    continue
                k = index[e["field"]]
                levels[i, k] = e["level"]
                if "tf" in e:
                    tf.setdefault(k, np.full(len(rows), np.nan, np.float32))[i] = e["tf"]
        vec = Vectors(levels, tf)
        weight, prob, fw = model.score(vec, settings)
        adj = model.household_adjustment(levels, fw, settings)
        evidence = evidence_json(model, vec, fw, adj, np.arange(len(rows)))
        ws.conn.executemany("UPDATE pairs SET probability = ?, match_weight = ?, evidence = ? WHERE id = ?",
                            zip(prob.tolist(), weight.tolist(), evidence, [r[0] for r in rows]))
        service.set_priorities(ws)
    ws.set_meta(DIRTY_KEY, "0")
    return len(rows)
