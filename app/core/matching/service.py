"""The matching API used by the CLI, the GUI and the profiles layer.

``run_match`` scores candidate pairs, stores the auto and review bands in ``pairs``, clusters with
the human constraints (see clustering.py) and writes memberships, profiles and one ``auto_merge``
decision per automatic union (one group id per run). A run is *full* (retrain and rescore every
pair) on the first match, on ``rebuild`` or when new records exceed ``retrain_share`` of the
workspace; otherwise it is *incremental*: only pairs with a new record are scored with the stored
model and only the profiles they touch are reclustered. Human decisions survive both.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from contextlib import ExitStack, nullcontext
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from app.core import helper, messages
from app.core.errors import UsageError
from app.core.jobs import Progress, collector_paused
from app.core.matching import store
from app.core.matching.assist import Assist
from app.core.matching.blocking import candidate_pairs
from app.core.matching.clustering import assign_profile_ids, cluster
from app.core.matching.evidence import evidence_json
from app.core.matching.features import Features
from app.core.matching.model import Model, Vectors, compare_pairs
from app.core.matching.settings import MatchSettings, default_settings
from app.core.matching.summary import head_start as start_golden, refresh_profiles
from app.core.matching.training import train
from app.core.profiles import journal
from app.core.workspace import Workspace, utcnow

SETTINGS_KEY, MODEL_KEY, JUNK_KEY = "matching.settings", "matching.model", "matching.junk"
HELPER_MIN_RECORDS = 20_000  # below this a match's golden records take under a second: no helper


@dataclass
class MatchResult:
    compared: int  # candidate pairs scored
    auto_merged: int  # automatic unions made by this run
    review: int  # pairs waiting in the review queue
    profiles: int
    records: int
    seconds: float
    new_records: int
    mode: str = "full"
    blocking: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


# -- settings and model ---------------------------------------------------------------------------
def get_settings(ws: Workspace) -> MatchSettings:
    data = ws.get_json(SETTINGS_KEY)
    return default_settings() if data is None else MatchSettings.from_json(data)


def save_settings(ws: Workspace, settings: MatchSettings) -> None:
    ws.set_json(SETTINGS_KEY, settings.to_json())


def load_model(ws: Workspace) -> Model | None:
    data = ws.get_json(MODEL_KEY)
    return None if data is None else Model.from_json(data)


def load_junk(ws: Workspace) -> dict[str, set[str]]:
    return {k: set(v) for k, v in (ws.get_json(JUNK_KEY) or {}).items()}


def _thresholds(settings: MatchSettings, auto: float | None, review: float | None) -> tuple[float, float]:
    auto = settings.auto_threshold if auto is None else auto
    review = settings.review_threshold if review is None else review
    if not (0 < review <= auto <= 1):
        raise UsageError(f"thresholds must satisfy 0 < review ({review}) ≤ auto ({auto}) ≤ 1")
    return auto, review


def review_priority(prob: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Expected information of a decision × how many records it moves.

    The binary entropy of p is highest at 0.5: a steward's answer there teaches the model most and
    is least predictable; records in large profiles make a wrong call costlier, so they count
    (logarithmically) more.
    """
    p = np.clip(prob, 1e-9, 1 - 1e-9)
    entropy = -(p * np.log2(p) + (1 - p) * np.log2(1 - p))
    return entropy * np.log2(1 + size)


# -- run_match ------------------------------------------------------------------------------------
def run_match(ws: Workspace, *, auto_threshold: float | None = None, review_threshold: float | None = None,
              rebuild: bool = False, progress: Progress | None = None) -> MatchResult:
    with collector_paused():  # a million records' features, pairs and members: see collector_paused
        return _run_match(ws, auto_threshold, review_threshold, rebuild, progress)


def _run_match(ws: Workspace, auto_threshold: float | None, review_threshold: float | None, rebuild: bool,
               progress: Progress | None) -> MatchResult:
    start = time.perf_counter()
    progress = progress or Progress()
    # nothing uncommitted under this run: the helper process may read the records as committed
    committed = not ws.conn.in_transaction
    if int(ws.scalar("SELECT count(*) FROM records")) >= HELPER_MIN_RECORDS:
        helper.start()  # it starts while the records are read (see assist.py and refresh_profiles)
    settings = get_settings(ws)
    auto_thr, review_thr = _thresholds(settings, auto_threshold, review_threshold)
    progress.update(0.02, messages.text("progress.reading_records"))
    frame = store.load_records_frame(ws)
    old = store.load_memberships(ws)
    new_mask = ~frame["id"].isin(old.keys()).to_numpy()
    n_new = int(new_mask.sum())
    model = load_model(ws)
    full = (rebuild or model is None or model.names != [c.name for c in settings.comparisons]
            or n_new > settings.retrain_share * max(len(frame), 1))
    result = MatchResult(0, 0, 0, 0, len(frame), 0.0, n_new, "full" if full else "incremental")
    if frame.empty or (not full and n_new == 0):
        result.profiles = int(ws.scalar("SELECT count(*) FROM profiles"))
        result.review = _queue_size(ws)
        result.seconds = time.perf_counter() - start
        return result
    progress.update(0.08, messages.text("progress.match_keys"))
    feats = Features.build(frame, settings, junk=None if full else load_junk(ws))
    assist = Assist(feats) if full else None  # the helper compares the random pairs meanwhile
    # the guard reads the records as written (before matching's own re-reading of swapped names)
    persons = frame[["id", "n_first", "n_last", "n_birth"]].astype(object)
    record_ids = frame["id"]
    names = frame[["source", "source_record_id"]]  # references of the records a full run merges
    del frame  # the features hold their own copy: a million records cost memory twice otherwise
    progress.update(0.15, messages.text("progress.candidate_pairs"))
    cands = candidate_pairs(feats, settings.blocking, new=None if full else new_mask, max_block=settings.max_block_size,
                            large=settings.large_workspace)
    pa, pb, result.blocking = cands.a, cands.b, cands.per_rule
    progress.update(0.3, messages.text("progress.comparing_pairs", count=len(pa)))
    vec = assist.compare(feats, settings, pa, pb) if assist is not None else compare_pairs(feats, settings, pa, pb)
    constraints = store.load_constraints(ws)
    if full:
        progress.update(0.5, messages.text("progress.learning"))
        model = train(feats, settings, vec.levels, cands.rules, _labelled(feats, settings, constraints),
                      sample=assist.random_pairs(feats, settings))
        assist.close()  # its copy of the features freed (a run failing before this leaves it to the next run)
        ws.set_json(MODEL_KEY, model.to_json())
        ws.set_json(JUNK_KEY, {k: sorted(v) for k, v in feats.junk.items()})
    result.notes = list(model.notes)
    progress.update(0.6, messages.text("progress.scoring"))
    weight, prob, fw = model.score(vec, settings)
    adj = model.household_adjustment(vec.levels, fw, settings)
    result.compared = len(pa)
    ids_a, ids_b = feats.record_ids[pa], feats.record_ids[pb]
    del feats, cands
    decided = {**{p: "accept" for p in constraints.must}, **{p: "reject" for p in constraints.cannot}}
    progress.update(0.7, messages.text("progress.clustering"))
    with ws.atomic(), journal.capture(ws) as changes, ExitStack() as cleanup:
        progress.check()
        human = [decided.get((a, b)) for a, b in zip(ids_a.tolist(), ids_b.tolist())] if decided else []
        keep = np.flatnonzero((prob >= review_thr) | np.array([h is not None for h in human], bool)
                              if decided else prob >= review_thr)
        auto = (prob >= auto_thr) & model.anchored(vec.levels, fw, settings)
        band = np.where(auto[keep], "auto", "review").astype(object)
        for j, i in enumerate(keep.tolist()):
            if decided and human[i]:
                band[j] = "auto" if human[i] == "accept" else "low"
        evidence = None if full else evidence_json(model, vec, fw, adj, keep)
        if full:
            # cluster first, then write each pair once with its final band and review priority
            ws.execute("DELETE FROM pairs")
            progress.update(0.8, messages.text("progress.clustering"))
            links = np.flatnonzero(auto)  # within keep: the auto threshold is at least the review one
            res = cluster(record_ids.tolist(), ids_a[links], ids_b[links], weight[links], constraints,
                          store.persons_from_frame(persons), vouched(vec.levels[links], settings))
            # what the kept pairs' evidence is written from, once the helper has its head start (the
            # whole per-field weights of a million records' pairs are 0.5 GB: freed now)
            kept = Vectors(vec.levels[keep], {k: t[keep] for k, t in vec.tf.items()}), fw[keep], adj[keep]
            del persons, vec, fw, adj
            assignment, _ = assign_profile_ids(res.labels, old, store.next_profile_id(ws))
            refused = np.searchsorted(keep, links[res.refused])
            refused = refused[band[refused] == "auto"]
            band[refused] = "review"  # links the chaining guard or a cannot-link refused go to a human
            moved = {rid: old.get(rid) for rid, pid in assignment.items() if old.get(rid) != pid}
            touched = {assignment[r] for r in moved} | {p for p in moved.values() if p is not None}
            # the helper starts on the golden records while the pairs and memberships are written
            head_start = start_golden(ws, touched, assignment) if committed else None
            if head_start is not None:
                cleanup.callback(head_start.close)  # stops feeding the helper if this run fails before its refresh
            evidence = evidence_json(model, *kept, np.arange(len(keep)))  # the helper has its first batches meanwhile
            del kept
            priority = _priorities(assignment, ids_a[keep], ids_b[keep], prob[keep], band)
            _insert_pairs(ws, ids_a[keep], ids_b[keep], prob[keep], weight[keep], evidence, band, priority)
            used = links[res.used]
            before = journal.current(ws, {"m": {}, "p": dict.fromkeys(touched), "b": {}})["p"]
            created: set[int] = set()  # new profiles, inserted whole with their golden records below
            with journal.known(ws, moved, before):  # a full match knows what it replaces
                store.write_memberships(ws, assignment, utcnow(), old, created=created)
            del assignment, moved
            merged_at = [i for i in used.tolist()
                         if old.get(int(ids_a[i])) is None or old.get(int(ids_a[i])) != old.get(int(ids_b[i]))]
            merged = [(int(ids_a[i]), int(ids_b[i])) for i in merged_at]
            ev_of = dict(zip(keep.tolist(), evidence))
            info = {(int(ids_a[i]), int(ids_b[i])): (float(prob[i]), ev_of[i]) for i in merged_at}
            del evidence, ev_of
            refs = _refs(names, pa[merged_at], pb[merged_at], merged)
            del res, links, used, merged_at, priority
        else:
            _insert_pairs(ws, ids_a[keep], ids_b[keep], prob[keep], weight[keep], evidence, band, None)
            seeds = set(record_ids[new_mask].tolist())
            change = recluster(ws, seeds, settings=settings, refresh=False)
            touched, merged, info, refs, created = set(change["profiles"]), change["merged"], None, None, set()
            head_start = None
        progress.update(0.9, messages.text("progress.updating_profiles_log"))
        _log_auto_merges(ws, merged, auto_thr, info, refs)
        # the pairs are written: a million records' pair arrays are not kept through the refresh
        del info, refs, names, pa, pb, ids_a, ids_b, prob, weight, keep, band, auto, human
        with journal.known(ws) if full else nullcontext():  # the profiles' old rows are noted above
            refresh_profiles(ws, touched, created, committed=committed and full, head_start=head_start)
        if not full:
            set_priorities(ws)  # after the refresh: the review order weighs the profiles' real sizes
        if merged:  # the run's merges are one undoable step, kept under its last decision
            changes.store(int(ws.scalar("SELECT max(id) FROM decisions")))
    result.auto_merged = len(merged)
    result.review = _queue_size(ws)
    result.profiles = int(ws.scalar("SELECT count(*) FROM profiles"))
    result.seconds = time.perf_counter() - start
    progress.update(1.0, messages.text("progress.done"), force=True)
    return result


def vouched(levels: np.ndarray, settings: MatchSettings) -> np.ndarray:
    """Pairs whose records share a personal identifier (any level of an id comparison but 'else')."""
    names = [c.name for c in settings.comparisons]
    out = np.zeros(len(levels), bool)
    for name in settings.personal_ids:
        if name in names:
            k = names.index(name)
            out |= (levels[:, k] > 0) & (levels[:, k] < len(settings.comparisons[k].levels))
    return out


def _labelled(feats: Features, settings: MatchSettings, constraints):
    ids = feats.record_ids  # ordered by id (load_records_frame)
    pairs = [(a, b, 1) for a, b in constraints.must] + [(a, b, 0) for a, b in constraints.cannot]
    if not pairs:
        return None
    arr = np.array(pairs, np.int64).reshape(-1, 3)
    at = np.searchsorted(ids, arr[:, :2]).clip(max=max(len(ids) - 1, 0))
    arr = np.c_[at, arr[:, 2]][(ids[at] == arr[:, :2]).all(axis=1)] if len(ids) else arr[:0]
    if not len(arr):
        return None
    return compare_pairs(feats, settings, arr[:, 0], arr[:, 1]).levels, arr[:, 2]


def _insert_pairs(ws: Workspace, a: np.ndarray, b: np.ndarray, prob: np.ndarray, weight: np.ndarray,
                  evidence: list[str], band: np.ndarray, priority: list | None) -> None:
    """Store scored pairs (an existing pair keeps its id and priority unless one is given)."""
    priority = priority if priority is not None else [None] * len(a)
    ws.conn.executemany(
        "INSERT INTO pairs(a, b, probability, match_weight, evidence, band, priority) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(a, b) DO UPDATE SET probability = excluded.probability, match_weight = excluded.match_weight, "
        "evidence = excluded.evidence, band = excluded.band, priority = coalesce(excluded.priority, priority)",
        zip(a.tolist(), b.tolist(), prob.tolist(), weight.tolist(), evidence, band.tolist(), priority))


def _priorities(assignment: dict[int, int], a: np.ndarray, b: np.ndarray, prob: np.ndarray,
                band: np.ndarray) -> list[float | None]:
    """Review priorities (see review_priority) of the review band, sizes from the new profiles."""
    sizes = Counter(assignment.values())
    review = np.flatnonzero(band == "review")
    size = np.array([sizes[assignment[x]] + sizes[assignment[y]] for x, y in zip(a[review].tolist(),
                                                                                b[review].tolist())], np.float64)
    out: list[float | None] = [None] * len(a)
    for i, p in zip(review.tolist(), review_priority(prob[review], size).tolist()):
        out[i] = p
    return out


def _refs(names: pd.DataFrame, pos_a: np.ndarray, pos_b: np.ndarray, merged: list[tuple[int, int]]) -> dict[int, str]:
    """``source:source_record_id`` of merged records, from the frame read at the start (positions)."""
    pos = np.concatenate([pos_a, pos_b]).astype(np.int64)
    ids = [a for a, _ in merged] + [b for _, b in merged]
    sub = names.iloc[pos]
    return dict(zip(ids, (sub["source"] + ":" + sub["source_record_id"]).tolist()))


def _mark_refused(ws: Workspace, a: np.ndarray, b: np.ndarray) -> None:
    """Links the chaining guard or a cannot-link refused go to a human."""
    ws.conn.executemany("UPDATE pairs SET band = 'review' WHERE a = ? AND b = ? AND band = 'auto'",
                        zip(a.tolist(), b.tolist()))


def _log_auto_merges(ws: Workspace, merged: list[tuple[int, int]], auto_thr: float,
                     info: dict[tuple[int, int], tuple[float, str]] | None, refs: dict[int, str] | None) -> None:
    """One auto_merge decision per automatic union, all with this run's group id."""
    if not merged:
        return
    group = int(ws.scalar("SELECT coalesce(max(group_id), 0) + 1 FROM decisions"))
    refs = refs if refs is not None else store.refs_of(ws, {r for pair in merged for r in pair})
    rows = []
    now = utcnow()
    reason = f"match probability ≥ {auto_thr}"
    for a, b in merged:
        if info is not None:
            p, ev = info[(a, b)]
        else:
            p, ev = ws.query("SELECT probability, evidence FROM pairs WHERE a = ? AND b = ?", (a, b))[0]
        rows.append((now, "auto_merge", "auto", refs[a], refs[b], reason, ev, p,
                     f'{{"a": {int(a)}, "b": {int(b)}}}', group))  # json.dumps's text, without its cost per row
    store.insert_decisions(ws, rows)


def set_priorities(ws: Workspace) -> None:
    """Review order: information × impact (see review_priority); sizes from current profiles."""
    rows = ws.query(
        "SELECT p.id, p.probability, coalesce(pa.n_records, 1) + coalesce(pb.n_records, 1) FROM pairs p "
        "LEFT JOIN memberships ma ON ma.record_id = p.a LEFT JOIN profiles pa ON pa.id = ma.profile_id "
        "LEFT JOIN memberships mb ON mb.record_id = p.b LEFT JOIN profiles pb ON pb.id = mb.profile_id "
        "WHERE p.band = 'review'")
    if not rows:
        return
    arr = np.array([(r[1], r[2]) for r in rows], np.float64)
    prio = review_priority(arr[:, 0], arr[:, 1])
    ws.conn.executemany("UPDATE pairs SET priority = ? WHERE id = ?", zip(prio.tolist(), [r[0] for r in rows]))


def _queue_size(ws: Workspace) -> int:
    from app.core.matching.review import review_count

    return review_count(ws)


# -- local recluster ------------------------------------------------------------------------------
def _closure(ws: Workspace, seeds: set[int]) -> set[int]:
    """Seeds, their profiles, and everything an automatic link reaches from them (transitively)."""
    ids = set(seeds)
    frontier = set(seeds)
    must = store.load_constraints(ws).must
    while frontier:
        with store.temp_ids(ws, frontier) as t:
            # walk the pairs indexes from the few seeds ('+band': not the band index, which would scan)
            linked = {r[0] for r in ws.query(
                f"SELECT b FROM pairs WHERE a IN (SELECT id FROM {t}) AND +band = 'auto' "
                f"UNION SELECT a FROM pairs WHERE b IN (SELECT id FROM {t}) AND +band = 'auto'")}
            profiles = {r[0] for r in ws.query(f"SELECT profile_id FROM memberships WHERE record_id IN (SELECT id FROM {t})")}
        linked |= set(store.profile_members(ws, profiles))
        linked |= {b for a, b in must if a in ids} | {a for a, b in must if b in ids}
        frontier = linked - ids
        ids |= frontier
    return ids


def recluster(ws: Workspace, record_ids, *, settings: MatchSettings | None = None, refresh: bool = True) -> dict:
    """Recluster the component(s) holding ``record_ids`` with the current links and decisions.

    Returns ``{"profiles": changed profile ids, "records": records reclustered,
    "merged": automatic unions made (record id pairs), "refused": links sent to review}``.
    """
    settings = settings or get_settings(ws)
    with ws.atomic():
        ids = _closure(ws, {int(r) for r in record_ids})
        with store.temp_ids(ws, ids) as t:
            links = ws.query(f"SELECT a, b, match_weight, evidence FROM pairs WHERE a IN (SELECT id FROM {t}) "
                             "AND +band = 'auto'")
        links = [row for row in links if row[1] in ids]
        arr = np.array([(r[0], r[1]) for r in links], np.int64).reshape(-1, 2)
        w = np.array([r[2] for r in links], np.float64)
        else_level = {c.name: len(c.levels) for c in settings.comparisons if c.name in settings.personal_ids}
        vouch = np.array([any(0 < e["level"] < else_level.get(e["field"], 0) for e in json.loads(r[3])) for r in links],
                         bool)
        frame = store.load_records_frame(ws, ids)
        constraints = store.load_constraints(ws)
        res = cluster(sorted(ids), arr[:, 0], arr[:, 1], w, constraints, store.persons_from_frame(frame), vouch)
        old = store.load_memberships(ws, ids)
        assignment, _ = assign_profile_ids(res.labels, old, store.next_profile_id(ws))
        touched = store.write_memberships(ws, assignment, utcnow())
        refused = arr[res.refused]
        _mark_refused(ws, refused[:, 0], refused[:, 1])
        merged = [(int(a), int(b)) for a, b in arr[res.used] if old.get(int(a)) is None or old.get(int(a)) != old.get(int(b))]
        if refresh:
            refresh_profiles(ws, touched)
    return {"profiles": sorted(touched), "records": len(ids), "merged": merged,
            "refused": [(int(a), int(b)) for a, b in refused]}
