"""Explain any two records (candidates or not) with the stored model, and export memberships."""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from app.core.errors import UsageError
from app.core.matching import store
from app.core.matching.evidence import HOUSEHOLD_LABEL, Contribution, Explanation, field_values
from app.core.matching.features import FULL_NAME, Features
from app.core.matching.model import HOUSEHOLD, compare_pairs
from app.core.matching.service import get_settings, load_junk, load_model
from app.core.workspace import Workspace


def _tf_columns(settings) -> set[str]:
    cols = set()
    for comp in settings.comparisons:
        if any(lv.tf for lv in comp.levels):
            cols.update(comp.columns if comp.kind == "phone" else comp.columns[:1])
    return cols


SHARERS = 200  # records read per value: enough to see it shared (junk values are dropped anyway)


def _sharers(ws: Workspace, ida: int, idb: int) -> list[int]:
    """The two records and every record giving one of their emails, phones or homes: whether a
    value is shared (a family inbox, a home of several people) depends on those records alone."""
    out = {ida, idb}
    for email, phone, mobile, street, number in ws.query(
            "SELECT n_email_key, n_phone, n_mobile, n_street, n_number FROM records WHERE id IN (?, ?)", (ida, idb)):
        if email:
            out.update(r[0] for r in ws.query(f"SELECT id FROM records WHERE n_email_key = ? LIMIT {SHARERS}", (email,)))
        for tel in {phone, mobile} - {None}:
            out.update(r[0] for r in ws.query(
                f"SELECT id FROM records WHERE n_phone = ? OR n_mobile = ? LIMIT {SHARERS}", (tel, tel)))
        if street and number:
            out.update(r[0] for r in ws.query(
                f"SELECT id FROM records WHERE n_street = ? AND n_number = ? LIMIT {SHARERS}", (street, number)))
    return sorted(out)


def explain(ws: Workspace, ref_a: str, ref_b: str) -> Explanation:
    """Each field's contribution in bits (log2 Bayes factor) for two records, with the prior."""
    model = load_model(ws)
    if model is None:
        raise UsageError("no match model yet: run `unico match` first")
    settings = get_settings(ws)
    ida, idb = store.record_id(ws, ref_a), store.record_id(ws, ref_b)
    if ida == idb:
        raise UsageError("both references name the same record")
    frame = store.load_records_frame(ws, _sharers(ws, ida, idb))
    tf_counts = {}
    for col in _tf_columns(settings):
        total = int(ws.scalar(f"SELECT count({col}) FROM records"))
        values = {v for v in frame[col].tolist() if v}
        tf_counts[col] = ({v: int(ws.scalar(f"SELECT count(*) FROM records WHERE {col} = ?", (v,))) for v in values}, total)
    names = {(f, l) for f, l in zip(frame["n_first"], frame["n_last"]) if f and l}
    tf_counts[FULL_NAME] = ({f"{f} {l}": int(ws.scalar("SELECT count(*) FROM records WHERE n_first = ? AND n_last = ?", (f, l)))
                             for f, l in names},
                            int(ws.scalar("SELECT count(*) FROM records WHERE n_first IS NOT NULL AND n_last IS NOT NULL")))
    feats = Features.build(frame, settings, junk=load_junk(ws), tf_counts=tf_counts)
    pos = {int(r): i for i, r in enumerate(frame["id"])}
    vec = compare_pairs(feats, settings, np.array([pos[min(ida, idb)]]), np.array([pos[max(ida, idb)]]))
    weight, prob, fw = model.score(vec, settings)
    adj = model.household_adjustment(vec.levels, fw, settings)
    refs = {ida: ref_a, idb: ref_b}
    first, second = sorted((ida, idb))
    out = Explanation(refs[first], refs[second], float(prob[0]), float(weight[0]), model.prior_weight)
    for k, comp in enumerate(settings.comparisons):
        lv = int(vec.levels[0, k])
        out.contributions.append(Contribution(
            comp.name, model.labels[k][lv], round(float(fw[0, k]), 3),
            field_values(feats.frame, settings, comp.name, pos[first]),
            field_values(feats.frame, settings, comp.name, pos[second])))
    if adj[0]:
        out.contributions.append(Contribution(HOUSEHOLD, HOUSEHOLD_LABEL, round(float(adj[0]), 3), None, None))
    return out


def export_members(ws: Workspace, out_path: str | Path) -> int:
    """source,source_record_id,profile_id for every record (blank profile: not matched yet)."""
    rows = ws.query("SELECT s.name, r.source_record_id, m.profile_id FROM records r JOIN sources s ON s.id = r.source_id "
                    "LEFT JOIN memberships m ON m.record_id = r.id ORDER BY s.name, r.source_record_id")
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "source_record_id", "profile_id"])
        w.writerows(rows)
    return len(rows)
