"""Learning the Fellegi-Sunter parameters without labels (and with them when a steward decided).

* u: the level distribution over uniformly random record pairs (almost all are non-matches),
  sampled, every level given a small pseudo-count.
* m: EM in sessions, one per blocking rule, as Splink trains: within a rule's blocks the fields
  the rule makes agree (and the fields correlated with them: a city block also shares postcodes)
  say nothing, so that session estimates m for the *other* fields only, with u fixed. Each field's
  m is the average over the sessions that estimated it, weighted by their expected matches.
  Comparison vectors are collapsed to distinct rows with counts, so a session is a few numpy
  passes over a small table. Human decisions enter every session as labelled vectors (posterior
  fixed at 1 or 0) worth ``label_weight`` pairs each.
* Guard against degenerate solutions: a field whose estimate says agreement is evidence *against*
  a match (or disagreement evidence for it) keeps its starting values, and says so in the notes.
* The prior: EM on the share of matches alone over the whole candidate set, with m and u fixed;
  expected matches divided by the n(n−1)/2 pairs of the workspace.
"""
from __future__ import annotations

import math

import numpy as np

from app.core.matching.features import Features
from app.core.matching.model import MIN_PROB, Model, Vectors, compare_pairs
from app.core.matching.settings import MatchSettings
from app.core.matching.sharing import apply_identifier_u, home_sharing_rate

LOCATION = ("postcode", "city", "province", "address")
# Comparisons a blocking key makes agree (or correlates with) inside its blocks.
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "email_key": ("email", "email_hints"), "email_local": ("email", "email_hints"), "phone_any": ("phone",),
    "cf": ("codice_fiscale", "birth_date", "gender"), "national_id": ("national_id",),
    "customer_id": ("customer_id",), "loyalty": ("loyalty_card",),
    "last_sound": ("last_name", "email_hints"), "last": ("last_name", "email_hints"),
    "last4": ("last_name", "email_hints"), "first": ("first_name", "gender", "email_hints"),
    "first3": ("first_name", "gender", "email_hints"), "birth": ("birth_date",),
    "name_tokens": ("first_name", "last_name", "gender", "email_hints"),
    "postcode": LOCATION, "city": LOCATION, "number": ("address",), "street_number": LOCATION,
    "first_sound": ("first_name", "gender", "email_hints"), "year": ("birth_date",), "birth_ym": ("birth_date",),
    "birth_yd": ("birth_date",),
}
MIN_SESSION_PAIRS = 50
# Random pairs read for u: ten per record, at least 50k (a level as rare as one pair in 10^4 is still
# seen a few times), at most the settings' cap — a small shop's workspace need not pay a million's.
U_PAIRS_PER_RECORD = 10
U_MIN_PAIRS = 50_000
NEUTRAL_TESTS = {"shared"}
PRIOR_PAIRS = 20.0  # matches' worth of the starting m in each EM session  # levels whose weight is 0 by definition (a family inbox)


def distinct_vectors(levels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct comparison vectors and their counts."""
    vectors, vid = _vector_ids(levels)
    return vectors, np.bincount(vid, minlength=len(vectors)).astype(np.int64)


class _Collapsed:
    """The candidates' comparison vectors collapsed once per training to (distinct vector, rule
    mask, count): every EM session and the prior then read a table of thousands of rows, not the
    millions of candidate pairs a large workspace has."""

    def __init__(self, levels: np.ndarray, rule_mask: np.ndarray):
        self.vectors, vid = _vector_ids(levels)
        combo = np.unique(vid.astype(np.int64) << 32 | rule_mask.astype(np.int64), return_counts=True)
        self.vid, self.mask, self.count = combo[0] >> 32, (combo[0] & 0xFFFFFFFF).astype(np.uint32), combo[1]

    def rule(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Distinct vectors of the pairs rule ``i`` proposed, with their counts (as distinct_vectors)."""
        return self._vectors(((self.mask >> np.uint32(i)) & np.uint32(1)).astype(bool))

    def all(self) -> tuple[np.ndarray, np.ndarray]:
        return self._vectors(np.ones(len(self.vid), bool))

    def _vectors(self, sel: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        counts = np.bincount(self.vid[sel], weights=self.count[sel], minlength=len(self.vectors)).astype(np.int64)
        seen = np.flatnonzero(counts)
        return self.vectors[seen], counts[seen]


def _vector_ids(levels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows and each row's index among them (rows packed into one integer: fast unique)."""
    if not len(levels):
        return levels, np.zeros(0, np.int64)
    radix = levels.max(axis=0).astype(np.int64) + 1
    if float(np.prod(radix.astype(np.float64))) < 2 ** 62:
        key = np.zeros(len(levels), np.int64)
        for k in range(levels.shape[1]):
            key = key * radix[k] + levels[:, k]
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        return levels[first], inverse.reshape(-1)
    vectors, inverse = np.unique(levels, axis=0, return_inverse=True)
    return vectors, inverse.reshape(-1)


def random_pairs(feats: Features, settings: MatchSettings) -> Vectors:
    """Comparison vectors of uniformly random record pairs (the sample u is read from)."""
    rng = np.random.default_rng(settings.seed)
    n = feats.n
    size = min(settings.u_sample_pairs, max(n * (n - 1) // 2, 1), max(U_MIN_PAIRS, U_PAIRS_PER_RECORD * n))
    a, b = rng.integers(0, n, size), rng.integers(0, n, size)
    keep = a != b
    return compare_pairs(feats, settings, np.minimum(a, b)[keep], np.maximum(a, b)[keep])


def estimate_u(feats: Features, settings: MatchSettings, sample: Vectors,
               non_match: np.ndarray | None = None) -> list[np.ndarray]:
    """Level shares among the sampled pairs, each counted by its chance of being two people
    (``non_match``; all 1 on the first pass); identifiers from the sharing model."""
    weights = np.ones(len(sample.levels)) if non_match is None else non_match
    out = []
    for k, comp in enumerate(settings.comparisons):
        counts = np.bincount(sample.levels[:, k], weights=weights, minlength=len(comp.levels) + 1)
        counts[1:] += 0.5  # never claim a level is impossible among non-matches
        counts[0] = 0
        out.append(counts / counts.sum())
    return apply_identifier_u(feats, settings, out)


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


def _log_ratio(m: list[np.ndarray], u: list[np.ndarray], levels: np.ndarray, active: np.ndarray) -> np.ndarray:
    out = np.zeros(len(levels))
    for k in np.flatnonzero(active):  # each level's log ratio looked up, not computed per vector
        table = np.log(np.maximum(m[k], MIN_PROB)) - np.log(np.maximum(u[k], MIN_PROB))
        table[0] = 0.0  # level 0: the field is missing on one side, no evidence
        out += table[levels[:, k]]
    return out


def em_session(levels: np.ndarray, counts: np.ndarray, fixed: np.ndarray, u: list[np.ndarray],
               m0: list[np.ndarray], active: np.ndarray, settings: MatchSettings) -> tuple[list[np.ndarray], float, int]:
    """EM with u fixed over distinct vectors; only ``active`` comparisons are used and estimated."""
    m = [x.copy() for x in m0]
    lam = 0.1
    for it in range(settings.em_max_iterations):
        logit = math.log(lam / (1 - lam)) + _log_ratio(m, u, levels, active)
        post = 1 / (1 + np.exp(-np.clip(logit, -60, 60)))
        post = np.where(np.isnan(fixed), post, fixed)
        wm = counts * post
        new_lam = min(max(float(wm.sum() / counts.sum()), 1e-9), 1 - 1e-9)
        delta = abs(new_lam - lam)
        lam = new_lam
        for k in np.flatnonzero(active):
            sm = np.bincount(levels[:, k], weights=wm, minlength=len(m[k]))
            sm[0] = 0
            sm[1:] += m0[k][1:] * PRIOR_PAIRS  # rare levels stay near their start, not at zero
            new_m = sm / sm.sum()
            delta = max(delta, float(np.abs(new_m - m[k]).max()))
            m[k] = new_m
        if delta < settings.em_tolerance:
            return m, lam, it + 1
    return m, lam, settings.em_max_iterations


def train(feats: Features, settings: MatchSettings, cand_levels: np.ndarray, rule_mask: np.ndarray,
          labelled: tuple[np.ndarray, np.ndarray] | None = None, sample: Vectors | None = None) -> Model:
    """Estimate u, m and the prior; ``labelled`` = (levels of decided pairs, 1 match / 0 not);
    ``sample``: ``random_pairs(feats, settings)`` if already computed (by the helper process).

    Two passes: the second reads u again from the random pairs, each weighted by the first
    model's chance that it is two different people — where records repeat (four entries of one
    person), random pairs that agree on a birth date are mostly one person, and counting them as
    non-matches would make a shared birth date look common."""
    names = [c.name for c in settings.comparisons]
    sample = random_pairs(feats, settings) if sample is None else sample
    u = estimate_u(feats, settings, sample)
    collapsed = _Collapsed(cand_levels, rule_mask)
    model = _fit(feats, settings, u, collapsed, labelled)
    _, prob, _ = model.score(sample, settings)
    likely = float(prob.sum())
    u = estimate_u(feats, settings, sample, 1.0 - prob)
    model = _fit(feats, settings, u, collapsed, labelled)
    model.notes.insert(0, f"u from {len(prob):,} random pairs, about {likely:,.0f} of them one person")
    model.names = names
    model.household_rate = home_sharing_rate(feats)
    model.notes.insert(1, f"{model.household_rate:.0%} of the homes two named records give hold several people")
    return model


def _fit(feats: Features, settings: MatchSettings, u: list[np.ndarray], cands: _Collapsed,
         labelled: tuple[np.ndarray, np.ndarray] | None) -> Model:
    """m by EM sessions (one per blocking rule) and the prior, for a given u."""
    K = len(settings.comparisons)
    names = [c.name for c in settings.comparisons]
    m0 = initial_m(settings)
    m_sum = [np.zeros_like(x) for x in m0]
    w_sum = np.zeros(K)
    notes: list[str] = []
    lab_levels = labelled[0] if labelled is not None else np.zeros((0, K), np.int8)
    lab_fixed = labelled[1].astype(np.float64) if labelled is not None else np.zeros(0)
    for i, rule in enumerate(settings.blocking[:32]):
        vecs, counts = cands.rule(i)
        n_pairs = int(counts.sum())
        if n_pairs < MIN_SESSION_PAIRS:
            continue
        excluded = {f for key in rule.keys for f in KEY_FIELDS.get(key, ())}
        active = np.array([n not in excluded for n in names])
        vecs = np.concatenate([vecs, lab_levels])
        counts = np.concatenate([counts.astype(np.float64), np.full(len(lab_levels), settings.label_weight)])
        fixed = np.concatenate([np.full(len(vecs) - len(lab_levels), np.nan), lab_fixed])
        m, lam, iters = em_session(vecs, counts, fixed, u, m0, active, settings)
        weight = lam * n_pairs
        for k in np.flatnonzero(active):
            if (vecs[:, k] > 0).any():
                m_sum[k] += weight * m[k]
                w_sum[k] += weight
        notes.append(f"EM on '{rule.name}': {n_pairs:,} pairs, {lam:.1%} matches, {iters} iterations")
    m_final = []
    for k, comp in enumerate(settings.comparisons):
        seen = np.unique(cands.vectors[:, k]) if len(cands.vectors) else np.zeros(0)
        if len(seen[seen > 0]) <= 1:  # no variation (one source, a field nobody has): no evidence
            m_final.append(u[k].copy())
            continue
        m = m_sum[k] / w_sum[k] if w_sum[k] > 0 else m0[k]
        disagrees = comp.levels[-1].test == "else"  # email hints end on an agreeing level
        if w_sum[k] > 0 and (m[1] < u[k][1] or (disagrees and m[-1] > u[k][-1])):
            notes.append(f"{comp.name}: EM said agreement is evidence against a match; starting values kept")
            m = m0[k]
        m_final.append(m)
    for k, comp in enumerate(settings.comparisons):  # neutral levels: agreement that proves nothing
        for i, level in enumerate(comp.levels, start=1):
            if level.test in NEUTRAL_TESTS:
                m_final[k][i] = u[k][i] * m_final[k][1:].sum() / max(u[k][1:].sum(), MIN_PROB)
    prior = _prior(feats.n, cands, m_final, u)
    return Model(names, [c.labels for c in settings.comparisons], [list(map(float, x)) for x in m_final],
                 [list(map(float, x)) for x in u], prior, tf_floor=1.0 / max(feats.n, 1), notes=notes)


def _prior(n: int, cands: _Collapsed, m: list[np.ndarray], u: list[np.ndarray]) -> float:
    """Share of matches among all pairs: EM on λ alone over the candidates, then scaled."""
    total = max(n * (n - 1) / 2, 1.0)
    if not len(cands.vectors):
        return min(1.0 / total, 0.5)
    vecs, counts = cands.all()
    ratio = _log_ratio(m, u, vecs, np.ones(vecs.shape[1], bool))
    lam = 0.1
    for _ in range(100):
        post = 1 / (1 + np.exp(-np.clip(math.log(lam / (1 - lam)) + ratio, -60, 60)))
        new = min(max(float((counts * post).sum() / counts.sum()), 1e-9), 1 - 1e-9)
        if abs(new - lam) < 1e-7:
            break
        lam = new
    return min(max(lam * int(counts.sum()), 1.0) / total, 0.5)
