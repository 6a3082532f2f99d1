"""Candidate pairs: several blocking keys, unioned, built with numpy on integer codes.

A block key shared by more than ``max_block_size`` records is skipped for that rule (other rules
still reach its true pairs): this caps the work on common names and keeps junk out. Incremental
runs keep only blocks holding a new record and pairs with at least one new record.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from app.core.matching.features import Features, KeyLong, pairs_within
from app.core.matching.settings import BlockingRule

SINGLE_KEYS = {
    "email_key": "n_email_key", "cf": "n_cf", "national_id": "n_national_id", "customer_id": "n_customer_id",
    "loyalty": "n_loyalty", "postcode": "n_postcode", "city": "n_city", "first": "n_first", "last": "n_last",
    "number": "n_number",
}
DERIVED_KEYS = {"birth": "birth_full", "last_sound": "last_sound", "first3": "first3", "last4": "last4",
                "email_local": "email_local", "street_number": "street_number", "birth_ym": "birth_ym",
                "birth_md": "birth_md", "birth_yd": "birth_yd", "first_sound": "first_sound", "year": "birth_year"}


def key_long(feats: Features, name: str) -> KeyLong:
    """The blocking key ``name`` in long form (only records that have it)."""
    if name in SINGLE_KEYS:
        codes = feats.coded(SINGLE_KEYS[name]).codes
    elif name in DERIVED_KEYS:
        codes = feats.derived(DERIVED_KEYS[name]).codes
    elif name == "phone_any":
        return _stack(feats.coded("n_phone").codes, feats.coded("n_mobile").codes)
    elif name == "name_tokens":
        return _name_tokens(feats)
    else:
        raise KeyError(f"unknown blocking key {name!r}")
    rec = np.flatnonzero(codes >= 0)
    return KeyLong(rec, codes[rec].astype(np.int64))


def _stack(*code_arrays: np.ndarray) -> KeyLong:
    recs, codes = [], []
    for c in code_arrays:
        r = np.flatnonzero(c >= 0)
        recs.append(r)
        codes.append(c[r].astype(np.int64))
    return _stack_pairs(np.concatenate(recs), np.concatenate(codes))


def _name_tokens(feats: Features) -> KeyLong:
    """First and last name in sorted order (catches swaps), and the name read from an email."""
    f = feats.frame
    rec: list[int] = []
    values: list[str] = []
    for i, (a, b) in enumerate(zip(f["n_first"].tolist(), f["n_last"].tolist())):
        if isinstance(a, str) and isinstance(b, str):  # missing: None (or NaN once a column was emptied)
            rec.append(i)
            values.append(f"{a}|{b}" if a <= b else f"{b}|{a}")
    for i, t in enumerate(feats.hint_tokens.tolist()):
        if len(t) >= 2:
            rec.append(i)
            values.append("|".join(sorted(t[:2])))
    codes, _ = pd.factorize(pd.Series(values, dtype=object))
    return _stack_pairs(np.array(rec, np.int64), codes.astype(np.int64))


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of a flat integer array by sorting: numpy 2.4's hash-based unique took ten times
    longer on the millions of pair codes of a large workspace."""
    s = np.sort(values)
    return s[np.r_[True, s[1:] != s[:-1]]] if len(s) else s


def _stack_pairs(rec: np.ndarray, code: np.ndarray) -> KeyLong:
    """Distinct (record, code) rows."""
    if not len(rec):
        return KeyLong(rec.astype(np.int64), code.astype(np.int64))
    span = int(code.max()) + 1
    packed = sorted_unique(rec.astype(np.int64) * span + code)
    return KeyLong(packed // span, packed % span)


def rule_keys(feats: Features, rule: BlockingRule) -> KeyLong:
    """One key per (record, combination of the rule's key values)."""
    parts = [key_long(feats, k) for k in rule.keys]
    df = pd.DataFrame({"rec": parts[0].rec, "k0": parts[0].code})
    for i, p in enumerate(parts[1:], start=1):
        df = df.merge(pd.DataFrame({"rec": p.rec, f"k{i}": p.code}), on="rec", how="inner")
    if len(parts) == 1:
        return KeyLong(df["rec"].to_numpy(np.int64), df["k0"].to_numpy(np.int64))
    combined = df["k0"].to_numpy(np.int64)
    for i in range(1, len(parts)):
        k = df[f"k{i}"].to_numpy(np.int64)
        combined, _ = pd.factorize(combined * (int(k.max(initial=0)) + 1) + k)  # stays within int64
        combined = combined.astype(np.int64)
    return _stack_pairs(df["rec"].to_numpy(np.int64), combined)


def pairs_in_blocks(key: KeyLong, max_block: int, new: np.ndarray | None = None) -> np.ndarray:
    """All pairs (as a*n+b codes are built by the caller) of records sharing a key: (m, 2) array."""
    if not len(key.rec):
        return np.empty((0, 2), np.int64)
    order = np.argsort(key.code, kind="stable")
    code, rec = key.code[order], key.rec[order]
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    sizes = np.diff(np.r_[starts, len(code)])
    keep = (sizes >= 2) & (sizes <= max_block)
    if new is not None:
        has_new = np.add.reduceat(new[rec].astype(np.int64), starts) > 0
        keep &= has_new
    if not keep.any():
        return np.empty((0, 2), np.int64)
    left, right = pairs_within(starts[keep], sizes[keep])
    a, b = rec[left], rec[right]
    return np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1)


@dataclass
class Candidates:
    a: np.ndarray  # record positions, a < b
    b: np.ndarray
    per_rule: dict[str, int]  # pairs each rule proposed (before the union)
    rules: np.ndarray  # bit i set: rule i proposed the pair (EM trains per rule, as Splink does)


def candidate_pairs(feats: Features, rules: list[BlockingRule], *, new: np.ndarray | None = None,
                    max_block: int = 60, large: int = 20_000) -> Candidates:
    """Union of every rule's pairs, with which rules found each pair. Loose rules (names alone)
    get their tighter cap from ``large`` records on: their big blocks cost much and find little."""
    n = feats.n
    found: list[np.ndarray] = []
    per_rule: dict[str, int] = {}
    for rule in rules:
        cap = rule.max_block if rule.max_block and n >= large else max_block
        p = pairs_in_blocks(rule_keys(feats, rule), cap, new)
        p = p[p[:, 0] != p[:, 1]]
        if new is not None:
            p = p[new[p[:, 0]] | new[p[:, 1]]]
        enc = sorted_unique(p[:, 0] * n + p[:, 1])
        per_rule[rule.name] = len(enc)
        found.append(enc)
    allp = sorted_unique(np.concatenate(found)) if found else np.empty(0, np.int64)
    mask = np.zeros(len(allp), np.uint32)
    for i, enc in enumerate(found[:32]):
        mask[np.searchsorted(allp, enc)] |= np.uint32(1 << i)
    return Candidates((allp // n).astype(np.int64), (allp % n).astype(np.int64), per_rule, mask)
