"""u for identifiers: how often do two *different people* hold the same email, phone or id?

For names and places u is the level's share among random record pairs: almost all of them are
two different people. Not so for identifiers. A customer gives one address to the till, the shop
and the newsletter, so most random pairs that share an email are one person three times over, and
u read off random pairs (≈ 1 / distinct values) says an identical personal address is barely
better than a coin flip. What u must measure is *sharing between people*, and the data shows it:

* a value whose records carry first names that cannot be one person's is shared (a family inbox,
  a home landline) — those pairs go to the comparison's "shared" level, which says nothing;
* a value is *checkable* when at least two of its records carry a first name; among checkable
  values, the share found shared, φ, is how often a value of this column is shared at all;
* a value that nobody could check (fewer than two named records) is shared with chance φ, so each
  pair of its records is two people with chance φ.

u of an equality level = (φ × pairs of records at that level on unchecked values + 1) / all pairs;
the one pair keeps any level from being certain. A column where sharing is common (landlines)
gets a large φ and a weak exact level; one where it never shows (personal emails, card numbers)
gets a strong one, with each value's own checks — shared, junk — applied first.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from app.core.matching.features import HOME, Features
from app.core.matching.settings import Comparison

EQUALITY_TESTS = ("exact", "exact_mobile")  # the levels whose u this module estimates


def _holdings(feats: Features, comp: Comparison) -> pd.DataFrame:
    """One row per (record, value) over the comparison's columns: value, named, shared."""
    f = feats.frame
    parts = [pd.DataFrame({"rec": np.arange(feats.n), "v": f[col]}) for col in comp.columns if col in f]
    long = pd.concat(parts, ignore_index=True).dropna().drop_duplicates()
    long["named"] = f["n_first"].notna().to_numpy()[long["rec"].to_numpy()]
    shared: set[str] = set()
    for col in comp.columns:
        shared |= feats.shared[col] if col in feats.shared else feats.find_shared(f[col], col)
    long["shared"] = long["v"].isin(shared)
    return long


def identifier_u(feats: Features, comp: Comparison) -> dict[int, float]:
    """u of each equality level (index → probability) of an identifier comparison (a fact of the
    records: computed once per run, though training reads it on each of its passes)."""
    cache = feats.__dict__.setdefault("_identifier_u", {})
    key = (comp.name, tuple(comp.columns), tuple(lv.test for lv in comp.levels))
    if key not in cache:
        cache[key] = _identifier_u(feats, comp)
    return dict(cache[key])


def _per_value(feats: Features, comp: Comparison) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(code, records holding, named records holding, shared?) of each value held by two or more
    records, counted on the columns' integer codes; None when the columns do not share one
    vocabulary (their codes cannot be compared)."""
    coded = [feats.coded(col) for col in comp.columns if col in feats.frame]
    values = coded[0].values
    if any(c.values is not values for c in coded):
        return None
    n = feats.n
    rec = np.concatenate([np.arange(n, dtype=np.int64)] * len(coded))
    code = np.concatenate([c.codes for c in coded]).astype(np.int64)
    rec, code = rec[code >= 0], code[code >= 0]
    if len(coded) > 1:  # a record holding one value in two columns holds it once
        pair = np.unique(code * n + rec)
        code, rec = pair // n, pair % n
    named = feats.frame["n_first"].notna().to_numpy()
    holding = np.bincount(code, minlength=len(values))
    named_holding = np.bincount(code, weights=named[rec], minlength=len(values)).astype(np.int64)
    shared: set[str] = set()
    for col in comp.columns:
        shared |= feats.shared[col] if col in feats.shared else feats.find_shared(feats.frame[col], col)
    many = np.flatnonzero(holding >= 2)
    return many, holding[many], named_holding[many], pd.Index(values[many]).isin(shared)


def _identifier_u(feats: Features, comp: Comparison) -> dict[int, float]:
    levels = {i: lv.test for i, lv in enumerate(comp.levels, start=1) if lv.test in EQUALITY_TESTS}
    if not levels:
        return {}
    total_pairs = max(feats.n * (feats.n - 1) / 2, 1.0)
    counted = _per_value(feats, comp)
    if counted is None:
        return _identifier_u_frame(feats, comp, levels, total_pairs)
    codes, holding, named, shared = counted
    checkable = named >= 2
    phi = float(shared[checkable].mean()) if checkable.any() else 0.0
    unchecked = ~checkable & ~shared
    n = holding[unchecked].astype(np.float64)
    is_mobile = None
    if "exact_mobile" in levels.values():
        is_mobile = feats.value_table(feats.coded(comp.columns[0]).values).mobile[codes[unchecked]]
    return _u_of_levels(levels, phi, n * (n - 1) / 2, is_mobile, total_pairs)


def _u_of_levels(levels: dict[int, str], phi: float, pairs: np.ndarray, is_mobile: np.ndarray | None,
                 total_pairs: float) -> dict[int, float]:
    """u of each equality level from φ and the pairs of records on values nobody could check."""
    out = {}
    for i, test in levels.items():
        if test == "exact_mobile":
            sel = is_mobile
        elif "exact_mobile" in levels.values():
            sel = ~is_mobile
        else:
            sel = np.ones(len(pairs), bool)
        out[i] = (phi * float(pairs[sel].sum()) + 1.0) / total_pairs
    return out


def _identifier_u_frame(feats: Features, comp: Comparison, levels: dict[int, str],
                        total_pairs: float) -> dict[int, float]:
    """``_identifier_u`` on the values themselves, for columns coded apart."""
    long = _holdings(feats, comp)
    if long.empty:
        return {i: 1.0 / total_pairs for i in levels}
    per_value = long.groupby("v").agg(n=("rec", "size"), named=("named", "sum"), shared=("shared", "first"))
    per_value = per_value[per_value["n"] >= 2]
    checkable = per_value[per_value["named"] >= 2]
    phi = float(checkable["shared"].mean()) if len(checkable) else 0.0
    open_values = per_value[(per_value["named"] < 2) & ~per_value["shared"]]
    pairs = (open_values["n"] * (open_values["n"] - 1) / 2).astype(np.float64)
    mobile = feats.value_table(feats.coded(comp.columns[0]).values)
    is_mobile = _mobile_of(open_values.index, mobile) if "exact_mobile" in levels.values() else None
    return _u_of_levels(levels, phi, pairs.to_numpy(), is_mobile, total_pairs)


def _mobile_of(values: pd.Index, table) -> np.ndarray:
    """Which of ``values`` are mobile numbers (the vocabulary's own per-value fact)."""
    pos = pd.Index(table.values).get_indexer(values)
    return np.where(pos >= 0, table.mobile[np.maximum(pos, 0)], False)


def apply_identifier_u(feats: Features, settings, u: list[np.ndarray]) -> list[np.ndarray]:
    """Replace the equality levels' u of every identifier comparison; the mass taken off goes to
    the comparison's last level ("different"), so each u stays a distribution."""
    out = [x.copy() for x in u]
    for k, comp in enumerate(settings.comparisons):
        if comp.name not in settings.identifiers:
            continue
        for i, value in identifier_u(feats, comp).items():
            out[k][-1] += out[k][i] - value
            out[k][i] = value
    return out


def home_sharing_rate(feats: Features) -> float:
    """Of the homes that at least two named records give, the share seen shared by people who
    cannot be one person: high where the data holds households (a retailer's customers), low
    where a shared address is mostly one person entered twice."""
    named = feats.frame["n_first"].notna().to_numpy()
    counts = feats.home_key[named].value_counts()
    checkable = counts.index[counts >= 2]
    if not len(checkable):
        return 0.0
    return float(checkable.isin(feats.shared.get(HOME, set())).mean())
