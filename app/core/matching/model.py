"""Fellegi-Sunter: u from random pairs, m and the prior by EM without labels, term frequencies.

* u: the level distribution over uniformly random record pairs (almost all are non-matches).
* m and λ: EM over the candidate pairs, collapsed to distinct comparison vectors with counts.
  The candidate set has its own non-match distribution (blocking makes agreement likelier), so EM
  estimates a separate u for it; only m and the share of matches leave EM. Human decisions enter as
  labelled vectors (posterior fixed at 1 or 0) worth ``label_weight`` pairs each.
* The prior for any pair is EM's expected number of matches over all n(n−1)/2 pairs.
* Weight of a field = log2(m/u) of its level; an exact level marked tf uses log2(m/f(value)), so a
  match on a common surname says less than one on a rare surname.
* Households: when first names clash (and the full birth dates are not the same: twins are rarer
  than a mistyped name) or birth years are far apart, the fields a household shares (surname,
  address, landline, family inbox…) together add at most ``household_cap`` bits, unless the two
  records share a personal identifier.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from app.core.matching import comparisons as cmp
from app.core.matching.features import Features
from app.core.matching.hints import compare_email_hints
from app.core.matching.settings import MatchSettings

EVALUATORS = {
    "string": cmp.compare_string, "email": cmp.compare_string, "first_name": cmp.compare_first_name,
    "last_name": cmp.compare_last_name, "phone": cmp.compare_phone, "date": cmp.compare_date,
    "address": cmp.compare_address, "email_hints": compare_email_hints,
}
MIN_PROB = 1e-6
HOUSEHOLD = "household guard"


@dataclass
class Vectors:
    """Comparison levels of candidate pairs: (P, K) int8, and per-comparison tf frequencies."""

    levels: np.ndarray
    tf: dict[int, np.ndarray]


def compare_pairs(feats: Features, settings: MatchSettings, pa: np.ndarray, pb: np.ndarray) -> Vectors:
    ctx = cmp.PairContext(feats, pa, pb)
    levels = np.zeros((len(pa), len(settings.comparisons)), np.int8)
    tf: dict[int, np.ndarray] = {}
    for k, comp in enumerate(settings.comparisons):
        lv, t = EVALUATORS[comp.kind](comp, ctx)
        levels[:, k] = lv
        if t is not None:
            tf[k] = t
    return Vectors(levels, tf)


@dataclass
class Model:
    names: list[str]
    labels: list[list[str]]
    m: list[list[float]]  # per comparison, per level (index 0 = missing, unused)
    u: list[list[float]]
    prior: float  # probability that two random records are the same person
    tf_floor: float = 1e-6
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"names": self.names, "labels": self.labels, "m": self.m, "u": self.u, "prior": self.prior,
                "tf_floor": self.tf_floor, "notes": self.notes}

    @classmethod
    def from_json(cls, d: dict) -> "Model":
        return cls(d["names"], d["labels"], d["m"], d["u"], d["prior"], d.get("tf_floor", 1e-6), d.get("notes", []))

    @property
    def prior_weight(self) -> float:
        return math.log2(self.prior / (1 - self.prior))

    def weight_table(self) -> list[np.ndarray]:
        """log2(m/u) per comparison and level (0 for the missing level)."""
        out = []
        for m, u in zip(self.m, self.u):
            w = np.log2(np.maximum(m, MIN_PROB) / np.maximum(u, MIN_PROB))
            w[0] = 0.0
            out.append(w.astype(np.float32))
        return out

    def field_weights(self, vec: Vectors, settings: MatchSettings) -> np.ndarray:
        """(P, K) weight of each field for each pair, household guard not applied."""
        table = self.weight_table()
        out = np.zeros(vec.levels.shape, np.float32)
        for k, w in enumerate(table):
            out[:, k] = w[vec.levels[:, k]]
            if k in vec.tf:
                t = vec.tf[k]
                hit = ~np.isnan(t)
                m = np.asarray(self.m[k], np.float32)[vec.levels[hit, k]]
                out[hit, k] = np.log2(np.maximum(m, MIN_PROB) / np.maximum(t[hit], self.tf_floor))
        return out

    def household_adjustment(self, levels: np.ndarray, weights: np.ndarray, settings: MatchSettings) -> np.ndarray:
        """Negative correction capping household-shared evidence when first names or births clash."""
        idx = {n: k for k, n in enumerate(self.names)}
        clash = np.zeros(len(levels), bool)
        for name in ("first_name", "birth_date"):
            if name in idx:
                k = idx[name]
                clash |= levels[:, k] == len(self.labels[k]) - 1  # the 'else' level
        if "birth_date" in idx:  # the same full birth date: one person (or twins, rarer than typos)
            clash &= levels[:, idx["birth_date"]] != 1
        for name in settings.personal_ids:  # a household shares no personal identifier, even mistyped
            if name in idx:
                k = idx[name]
                clash &= ~((levels[:, k] > 0) & (levels[:, k] < len(self.labels[k]) - 1))
        hh = [idx[n] for n in settings.household_fields if n in idx]
        if not hh:
            return np.zeros(len(levels), np.float32)
        total = weights[:, hh].sum(axis=1)
        return np.where(clash & (total > settings.household_cap), settings.household_cap - total, 0.0).astype(np.float32)

    def score(self, vec: Vectors, settings: MatchSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Match weight (bits), probability and the (P, K) field weights of each pair."""
        fw = self.field_weights(vec, settings)
        adj = self.household_adjustment(vec.levels, fw, settings)
        weight = self.prior_weight + fw.sum(axis=1) + adj
        prob = 1.0 / (1.0 + np.exp2(-weight.astype(np.float64)))
        return weight, prob, fw


# -- estimation ------------------------------------------------------------------------------------
def estimate_u(feats: Features, settings: MatchSettings) -> list[np.ndarray]:
    """Level distribution over random pairs (sampled; every level gets a small pseudo-count)."""
    rng = np.random.default_rng(settings.seed)
    n = feats.n
    size = min(settings.u_sample_pairs, max(n * (n - 1) // 2, 1))
    a = rng.integers(0, n, size)
    b = rng.integers(0, n, size)
    keep = a != b
    vec = compare_pairs(feats, settings, np.minimum(a, b)[keep], np.maximum(a, b)[keep])
    out = []
    for k, comp in enumerate(settings.comparisons):
        counts = np.bincount(vec.levels[:, k], minlength=len(comp.levels) + 1).astype(np.float64)
        counts[1:] += 0.5  # never claim a level is impossible among non-matches
        counts[0] = 0
        out.append(counts / counts.sum())
    return out


def initial_m(settings: MatchSettings) -> list[np.ndarray]:
    """A sensible start: most matches agree exactly, fewer at each weaker level, few disagree."""
    out = []
    for comp in settings.comparisons:
        n = len(comp.levels)
        m = np.zeros(n + 1)
        m[1] = 0.8
        if n > 2:
            m[2:n] = 0.15 / (n - 2)
        m[n] = 0.05 if n > 1 else 0.2
        out.append(m / m[1:].sum())
    return out


def run_em(levels: np.ndarray, counts: np.ndarray, fixed: np.ndarray, settings: MatchSettings,
           u0: list[np.ndarray]) -> tuple[list[np.ndarray], float, list[str]]:
    """EM over distinct vectors (``counts`` each); ``fixed`` holds a posterior in [0,1] or NaN."""
    K = levels.shape[1]
    m = initial_m(settings)
    m_start = [x.copy() for x in m]
    uc = [x.copy() for x in u0]
    lam = 0.2
    notes: list[str] = []
    for it in range(settings.em_max_iterations):
        logit = np.full(len(levels), math.log(lam / (1 - lam)))
        for k in range(K):
            lv = levels[:, k]
            logit += np.where(lv > 0, np.log(np.maximum(m[k][lv], MIN_PROB)) - np.log(np.maximum(uc[k][lv], MIN_PROB)), 0)
        post = 1 / (1 + np.exp(-np.clip(logit, -60, 60)))
        post = np.where(np.isnan(fixed), post, fixed)
        wm, wu = counts * post, counts * (1 - post)
        new_lam = float(wm.sum() / counts.sum())
        delta = abs(new_lam - lam)
        lam = min(max(new_lam, 1e-9), 1 - 1e-9)
        for k in range(K):
            n_lv = len(m[k])
            sm = np.bincount(levels[:, k], weights=wm, minlength=n_lv)
            su = np.bincount(levels[:, k], weights=wu, minlength=n_lv)
            sm[0] = su[0] = 0
            sm[1:] += 1e-3
            su[1:] += 1e-3
            new_m = sm / sm.sum()
            delta = max(delta, float(np.abs(new_m - m[k]).max()))
            m[k], uc[k] = new_m, su / su.sum()
        if delta < settings.em_tolerance:
            notes.append(f"EM converged after {it + 1} iterations")
            break
    else:
        notes.append(f"EM stopped after {settings.em_max_iterations} iterations")
    # Guard against a degenerate solution: agreement must be evidence for a match.
    for k, comp in enumerate(settings.comparisons):
        if m[k][1] < u0[k][1] or m[k][-1] > max(u0[k][-1], 1e-9) * 1.5:
            notes.append(f"{comp.name}: EM gave implausible m; starting values kept")
            m[k] = m_start[k]
    return m, lam, notes


def train(feats: Features, settings: MatchSettings, cand_levels: np.ndarray,
          labelled: tuple[np.ndarray, np.ndarray] | None = None) -> Model:
    """Estimate u, m and the prior; ``labelled`` = (levels of decided pairs, 1/0 outcome)."""
    u = estimate_u(feats, settings)
    vecs, counts = np.unique(cand_levels, axis=0, return_counts=True) if len(cand_levels) else (
        np.zeros((0, len(settings.comparisons)), np.int8), np.zeros(0, np.int64))
    fixed = np.full(len(vecs), np.nan)
    counts = counts.astype(np.float64)
    if labelled is not None and len(labelled[0]):
        vecs = np.concatenate([vecs, labelled[0]])
        counts = np.concatenate([counts, np.full(len(labelled[0]), settings.label_weight)])
        fixed = np.concatenate([fixed, labelled[1].astype(np.float64)])
    notes: list[str] = []
    if len(vecs):
        m, lam, notes = run_em(vecs, counts, fixed, settings, u)
        expected = lam * len(cand_levels)
    else:
        m, expected = initial_m(settings), 0.0
    n = feats.n
    total = max(n * (n - 1) / 2, 1.0)
    prior = min(max(expected, 1.0) / total, 0.5)
    names = [c.name for c in settings.comparisons]
    labels = [c.labels for c in settings.comparisons]
    return Model(names, labels, [list(map(float, x)) for x in m], [list(map(float, x)) for x in u], prior,
                 tf_floor=1.0 / max(n, 1), notes=notes)
