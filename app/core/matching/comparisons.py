"""Vectorised comparison levels: each comparison turns candidate pairs into an ordered level index.

Level 0 is "missing" (either side has no value: no evidence); levels 1..L follow the settings'
order, the first level whose test holds wins, and the last is "else". String similarities are
computed once per *distinct value pair* with ``rapidfuzz.process.cpdist`` (element-wise,
multi-threaded), never per candidate pair in Python. Exact levels marked ``tf`` also return the
matched value's frequency so that the model can weigh a match on Rossi below one on a rare name.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from app.core.matching.features import Coded, Features
from app.core.matching.settings import Comparison, Level
from app.core.matching.vocab import ValueTable

MISSING = 0


# -- tests on distinct value pairs: (a codes, b codes, value table, params) -> bool mask ------------
def _t_close(a, b, vt: ValueTable, p):
    """Jaro-Winkler at least ``jw``, or at most ``edits`` edits; cheap filters first."""
    ok = np.zeros(len(a), bool)
    if p.get("min_len"):
        ok |= np.minimum(vt.lens[a], vt.lens[b]) < p["min_len"]  # marked to drop below
    if p.get("same_digits"):  # mariorossi89 / mariorossi49 are two people, not a typo
        ok |= vt.digits[a] != vt.digits[b]
    if p.get("same_start"):  # m.rossi / a.rossi differ in the initial: two people
        start = vt.head(p["same_start"])
        ok |= start[a] != start[b]
    excluded = ok
    ok = np.zeros(len(a), bool)
    jw = p.get("jw", 0.92)
    todo = np.flatnonzero(~excluded)
    if jw <= 1 and len(todo):
        ok[todo] = vt.jw(a[todo], b[todo]) >= jw
    edits = p.get("edits", 0)
    if edits:
        la, lb = vt.lens[a], vt.lens[b]
        todo = np.flatnonzero(~excluded & ~ok & (np.minimum(la, lb) >= 3) & (np.abs(la - lb) <= edits))
        ok[todo] = vt.dl(a[todo], b[todo], cutoff=edits) <= edits
    return ok


def _t_jw(a, b, vt: ValueTable, p):
    return vt.jw(a, b) >= p["min"]


def _t_prefix(a, b, vt: ValueTable, p):
    return (np.minimum(vt.lens[a], vt.lens[b]) >= p.get("min_len", 3)) & vt.contains(a, b)


def _t_initial(a, b, vt: ValueTable, p):
    return ((vt.lens[a] == 1) | (vt.lens[b] == 1)) & (vt.first_char[a] == vt.first_char[b])


def _t_gender_clash(a, b, vt: ValueTable, p):
    """Both names have a known, different usual gender (Mario / Maria)."""
    ga, gb = vt.gender[a], vt.gender[b]
    return (ga > 0) & (gb > 0) & (ga != gb)


def _t_nickname(a, b, vt: ValueTable, p):
    out = np.zeros(len(a), bool)
    for i in np.flatnonzero(vt.has_variants[a] | vt.has_variants[b]):
        out[i] = bool(vt.variants[a[i]] & vt.variants[b[i]])
    return out


def _t_same_local(a, b, vt: ValueTable, p):
    return (vt.local[a] == vt.local[b]) & (vt.local_len[a] >= p.get("min_len", 5)) & (vt.domain[a] != vt.domain[b])


def _t_last_digits(a, b, vt: ValueTable, p):
    tail = vt.tail(p.get("n", 7))
    return (tail[a] >= 0) & (tail[a] == tail[b])


STRING_TESTS: dict[str, Callable] = {
    "close": _t_close, "jaro_winkler": _t_jw, "prefix": _t_prefix, "initial": _t_initial,
    "nickname": _t_nickname, "gender_clash": _t_gender_clash, "same_local": _t_same_local, "last_digits": _t_last_digits,
}


def string_levels(levels: list[Level], ca: np.ndarray, cb: np.ndarray, vt: ValueTable,
                  skip: frozenset[str] = frozenset(), shared: set[str] | None = None) -> np.ndarray:
    """Level index per pair of codes (into one vocabulary), computed on distinct code pairs."""
    out = np.zeros(len(ca), np.int8)
    both = (ca >= 0) & (cb >= 0)
    if not both.any():
        return out
    n = len(vt.values) + 1
    lo, hi = np.minimum(ca[both], cb[both]), np.maximum(ca[both], cb[both])
    keys, inverse = np.unique(lo.astype(np.int64) * n + hi, return_inverse=True)
    ua, ub = keys // n, keys % n
    lv = np.zeros(len(keys), np.int8)
    todo = np.ones(len(keys), bool)
    is_shared = vt.member_of(shared)
    for i, level in enumerate(levels, start=1):
        if level.test in skip:
            continue
        if level.test == "else":
            lv[todo] = i
            if any(lv_.test == "shared" for lv_ in levels):
                # a family inbox or home landline on one side is not that person's own: another
                # value on the other side does not say they are two people
                lv[todo & (is_shared[ua] | is_shared[ub])] = MISSING
            break
        if level.test in ("exact", "shared", "exact_mobile"):
            hit = (ua == ub) & (is_shared[ua] if level.test == "shared" else ~is_shared[ua])
            if level.test == "exact_mobile":
                hit &= vt.mobile[ua]
        else:
            idx = np.flatnonzero(todo)
            hit = np.zeros(len(keys), bool)
            hit[idx] = STRING_TESTS[level.test](ua[idx], ub[idx], vt, level.params)
        hit &= todo
        lv[hit] = i
        todo &= ~hit
    out[both] = lv[inverse]
    return out


def _tf_for(levels: list[Level], lv: np.ndarray, codes: np.ndarray, coded: Coded) -> np.ndarray | None:
    """Frequency of the matched value for pairs at a tf level (NaN elsewhere)."""
    tf_levels = [i for i, level in enumerate(levels, start=1) if level.tf]
    if not tf_levels:
        return None
    freq = coded.freq()
    out = np.full(len(lv), np.nan, np.float32)
    hit = np.isin(lv, tf_levels) & (codes >= 0)
    out[hit] = freq[codes[hit]]
    return out


def _level_index(levels: list[Level], test: str) -> int:
    for i, level in enumerate(levels, start=1):
        if level.test == test:
            return i
    return 0


class PairContext:
    """Candidate pairs (record positions) plus what comparisons share (the swapped-names mask)."""

    def __init__(self, feats: Features, pa: np.ndarray, pb: np.ndarray):
        self.feats, self.pa, self.pb = feats, pa, pb
        self.swapped = np.zeros(len(pa), bool)

    def codes(self, col: str) -> tuple[np.ndarray, np.ndarray, Coded]:
        c = self.feats.coded(col)
        return c.codes[self.pa], c.codes[self.pb], c

    def table(self, coded: Coded) -> ValueTable:
        return self.feats.value_table(coded.values)


def compare_string(comp: Comparison, ctx: PairContext):
    ca, cb, coded = ctx.codes(comp.columns[0])
    lv = string_levels(comp.levels, ca, cb, ctx.table(coded), shared=ctx.feats.shared.get(comp.columns[0]))
    return lv, _tf_for(comp.levels, lv, ca, coded)


def compare_first_name(comp: Comparison, ctx: PairContext):
    first, last = comp.columns[:2]
    fa, fb, coded = ctx.codes(first)
    la, lb, _ = ctx.codes(last)
    lv = string_levels(comp.levels, fa, fb, ctx.table(coded), skip=frozenset({"swapped"}))
    sw = _level_index(comp.levels, "swapped")
    if sw:
        params = comp.levels[sw - 1].params
        # Swapped: first ≈ other's last and last ≈ other's first, or one of the two with that
        # record's surname missing (a surname typed in the first-name box alone).
        idx = np.flatnonzero((lv > sw) & (fa >= 0) & (fb >= 0) & ((la >= 0) | (lb >= 0)))
        close = [Level("x", "close", {"jw": params.get("jw", 0.9), "edits": 1}), Level("e", "else")]
        cross1 = string_levels(close, fa[idx], lb[idx], ctx.table(coded)) == 1
        cross2 = string_levels(close, la[idx], fb[idx], ctx.table(coded)) == 1
        hit = idx[(cross1 & (cross2 | (la[idx] < 0))) | (cross2 & (lb[idx] < 0))]
        lv[hit] = sw
        ctx.swapped[hit] = True
    return lv, _tf_for(comp.levels, lv, fa, coded)


def compare_last_name(comp: Comparison, ctx: PairContext):
    last, first = comp.columns[:2]
    la, lb, coded = ctx.codes(last)
    _, fb, _ = ctx.codes(first)
    lb = np.where(ctx.swapped, fb, lb)
    lv = string_levels(comp.levels, la, lb, ctx.table(coded))
    return lv, _tf_for(comp.levels, lv, la, coded)


def compare_phone(comp: Comparison, ctx: PairContext):
    """Best level over every number of one record against every number of the other."""
    best = np.zeros(len(ctx.pa), np.int8)
    tf = np.full(len(ctx.pa), np.nan, np.float32)
    for col_a in comp.columns:
        for col_b in comp.columns:
            ca, _, coded = ctx.codes(col_a)
            _, cb, _ = ctx.codes(col_b)
            shared = ctx.feats.shared.get(col_a, set()) | ctx.feats.shared.get(col_b, set())
            lv = string_levels(comp.levels, ca, cb, ctx.table(coded), shared=shared)
            better = (lv > 0) & ((best == 0) | (lv < best))
            best[better] = lv[better]
            t = _tf_for(comp.levels, lv, ca, coded)
            if t is not None:
                tf[better] = t[better]
    return best, tf


def compare_date(comp: Comparison, ctx: PairContext):
    parts = ctx.feats.birth_parts
    a, b = parts[ctx.pa], parts[ctx.pb]
    known_a, known_b = (a > 0), (b > 0)
    full_a, full_b = known_a.all(axis=1), known_b.all(axis=1)
    full = full_a & full_b
    common = known_a & known_b
    any_common = common.any(axis=1)
    agree_common = ((a == b) | ~common).all(axis=1)
    same = (a == b)
    digits_a, digits_b = _date_digits(a), _date_digits(b)
    tests = {
        "exact": full & same.all(axis=1),
        "dm_swapped": full & same[:, 0] & (a[:, 1] == b[:, 2]) & (a[:, 2] == b[:, 1]) & (a[:, 1] != a[:, 2]),
        "date_edit": full & ((digits_a != digits_b).sum(axis=1) <= 1),
        "partial": ~full & any_common & agree_common,
        "same_month": full & same[:, 0] & same[:, 1],
        "same_year": common[:, 0] & same[:, 0],
    }
    lv = np.zeros(len(ctx.pa), np.int8)
    todo = any_common.copy()
    for i, level in enumerate(comp.levels, start=1):
        if level.test == "near_year":
            test = common[:, 0] & (np.abs(a[:, 0] - b[:, 0]) <= level.params.get("years", 3))
        else:
            test = tests.get(level.test, True)
        hit = todo & test
        lv[hit] = i
        todo &= ~hit
    return lv, None


def _date_digits(parts: np.ndarray) -> np.ndarray:
    y, m, d = parts[:, 0], parts[:, 1], parts[:, 2]
    cols = [y // 1000, y // 100 % 10, y // 10 % 10, y % 10, m // 10, m % 10, d // 10, d % 10]
    return np.stack(cols, axis=1)


def compare_source(comp: Comparison, ctx: PairContext):
    """Two entries of one export are less often one person (each system dedups its own)."""
    src = ctx.feats.source_ids
    lv = np.where(src[ctx.pa] != src[ctx.pb], 1, len(comp.levels)).astype(np.int8)
    return lv, None


def compare_address(comp: Comparison, ctx: PairContext):
    sa, sb, scoded = ctx.codes(comp.columns[0])
    na, nb, _ = ctx.codes(comp.columns[1])
    both = (sa >= 0) & (sb >= 0)
    close_jw = {lv.test: lv.params.get("jw", 0.9) for lv in comp.levels}
    street_exact = both & (sa == sb)
    jw = np.zeros(len(sa), np.float32)
    idx = np.flatnonzero(both & ~street_exact)
    jw[idx] = _jw_codes(sa[idx], sb[idx], ctx.table(scoded))
    jw[street_exact] = 1.0
    num_known = (na >= 0) & (nb >= 0)
    num_same = num_known & (na == nb)
    household = ctx.feats.household_home[ctx.pa]
    tests = {
        "street_number_exact": street_exact & num_same & ~household,
        "street_number_shared": street_exact & num_same & household,
        "street_number_close": (jw >= close_jw.get("street_number_close", 0.88)) & num_same,
        "street_only": street_exact & ~num_known,
        "street_other_number": (jw >= close_jw.get("street_other_number", 0.92)) & num_known & ~num_same,
    }
    lv = np.zeros(len(sa), np.int8)
    todo = both.copy()
    for i, level in enumerate(comp.levels, start=1):
        hit = todo if level.test == "else" else tests[level.test] & todo
        lv[hit] = i
        todo &= ~hit
    return lv, None


def _jw_codes(ca: np.ndarray, cb: np.ndarray, vt: ValueTable) -> np.ndarray:
    """Jaro-Winkler per pair of codes, computed once per distinct pair."""
    if not len(ca):
        return np.zeros(0, np.float32)
    n = len(vt.values) + 1
    keys, inverse = np.unique(ca.astype(np.int64) * n + cb, return_inverse=True)
    return vt.jw(keys // n, keys % n)[inverse]
