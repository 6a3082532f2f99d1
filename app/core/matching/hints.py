"""Thin-record evidence: the name and birth year a person put in their email address.

``giorgio.rossi81@…`` on a newsletter record with no name says something about a till record of
Giorgio Rossi born 1981. The evidence is read in one direction only — from the record that lacks
a name towards the one that has it — so that two named records do not count their names twice;
a named record's email still tells the other's birth year when the record itself has none, and
the other's whole name when the record carries another surname (a maiden name in the address).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from app.core.matching.comparisons import PairContext, compare_string
from app.core.matching.settings import Comparison


class _HintIndex:
    """The emails' name tokens as integer keys (email code × vocabulary + word code), so that "does
    this email spell that name" is a sorted-array lookup over a million pairs, not a join of strings."""

    def __init__(self, feats, variants_of):
        hints = feats.hints_by_code
        tok_e = np.fromiter((e for e, h in enumerate(hints) for _ in h[0]), np.int64)
        tok_w = [t for h in hints for t in h[0]]
        names = feats.coded("n_first").values  # first and last names share this vocabulary
        firsts = pd.unique(feats.frame["n_first"].dropna().to_numpy(object))
        var_first, var_word = [], []
        for v in firsts:
            for x in variants_of(v) | {v}:
                var_first.append(v)
                var_word.append(x)
        words = pd.Index(pd.unique(np.concatenate([np.asarray(names, object), np.asarray(tok_w, object),
                                                   np.asarray(var_word, object)])))
        self.size = len(words) + 1
        self.tokens = np.unique(tok_e * self.size + words.get_indexer(np.asarray(tok_w, object)))
        self.name_word = words.get_indexer(np.asarray(names, object))  # name code → word code
        # each first name's variants (itself included) as a CSR table indexed by its word code
        vf, vw = words.get_indexer(np.asarray(var_first, object)), words.get_indexer(np.asarray(var_word, object))
        order = np.argsort(vf, kind="stable")
        self.var_word = vw[order]
        self.var_start = np.searchsorted(vf[order], np.arange(self.size))
        self.var_len = np.diff(np.r_[self.var_start, len(vf)])
        first_words = {x for h in hints for x in h[0]}
        from app.core.normalize import first_name_info

        known = {t: bool(first_name_info(t)[0]) for t in first_words}
        # per email code: how many of its tokens are known first names
        self.first_count = np.array([sum(known[t] for t in h[0]) for h in hints] + [0], np.int64)

    def has(self, e: np.ndarray, word: np.ndarray) -> np.ndarray:
        """Per row: email ``e`` has word ``word`` (a word code, -1 = none) among its tokens."""
        key = e.astype(np.int64) * self.size + word
        at = np.searchsorted(self.tokens, key).clip(max=max(len(self.tokens) - 1, 0))
        return (word >= 0) & (self.tokens[at] == key) if len(self.tokens) else np.zeros(len(e), bool)

    def has_variant(self, e: np.ndarray, word: np.ndarray) -> np.ndarray:
        """Per row: email ``e`` spells first name ``word`` or one of its variants (Peppe for Giuseppe)."""
        w = np.maximum(word, 0)
        n = np.where(word >= 0, self.var_len[w], 0)
        row = np.repeat(np.arange(len(e)), n)
        offset = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
        hit = self.has(e[row], self.var_word[self.var_start[w[row]] + offset])
        out = np.zeros(len(e), bool)
        out[row[hit]] = True
        return out


def _hint_index(feats, variants_of) -> _HintIndex:
    cache = feats.__dict__.setdefault("_hint_tables", {})
    if "index" not in cache:
        cache["index"] = _HintIndex(feats, variants_of)
    return cache["index"]


def compare_email_hints(comp: Comparison, ctx: PairContext):
    """Levels, vectorised with joins on (email, token): only the name parts the email's own record
    lacks count (its surname, if it has one, is already compared by the surname comparison)."""
    from app.core.normalize import first_name_variants

    feats = ctx.feats
    f = feats.frame
    hints = feats.hints_by_code
    ecode = feats.coded("n_email_key").codes
    has_tokens = np.array([bool(h[0]) for h in hints] + [False])[ecode]
    hint_year = np.array([h[1] for h in hints] + [0], np.int64)
    initials = [h[2] for h in hints] + [""]
    no_first, no_last = f["n_first"].isna().to_numpy(), f["n_last"].isna().to_numpy()
    first, last = f["n_first"].to_numpy(), f["n_last"].to_numpy()
    year = feats.birth_parts[:, 0]
    index = _hint_index(feats, first_name_variants)
    first_count = index.first_count
    name_codes = feats.coded("n_first").codes, feats.coded("n_last").codes
    first_word = np.where(name_codes[0] >= 0, index.name_word[np.maximum(name_codes[0], 0)], -1)
    last_word = np.where(name_codes[1] >= 0, index.name_word[np.maximum(name_codes[1], 0)], -1)
    tests = [lv.test for lv in comp.levels]
    best = np.zeros(len(ctx.pa), np.int8)
    named_at = np.full(len(ctx.pa), -1, np.int64)  # the named record of each pair (for its name's frequency)
    for src, dst in ((ctx.pa, ctx.pb), (ctx.pb, ctx.pa)):
        # a part of the name missing, or a birth year only the email tells
        renamed = ~no_first[src] & ~no_last[src] & (last[src] != last[dst])  # a maiden name in the email?
        lacking = no_first[src] | no_last[src] | renamed | ((year[src] == 0) & (hint_year[ecode[src]] > 0) & (year[dst] > 0))
        idx = np.flatnonzero(has_tokens[src] & ~no_last[dst] & lacking)
        if not len(idx):
            continue
        s, d = src[idx], dst[idx]
        e = ecode[s]
        has_surname = index.has(e, last_word[d])
        has_first = index.has_variant(e, first_word[d])
        first_is_token = index.has(e, first_word[d])
        lacks_first, lacks_last = no_first[s], no_last[s]
        named = pd.notna(first[d])
        # Teresa Guarino's teresa.torrazzi85@ names Teresa Torrazzi: first name and surname both read
        full = ((lacks_first | lacks_last) & (has_first | ~lacks_first) & (has_surname | ~lacks_last)
                | renamed[idx] & has_first & has_surname)
        email_year = hint_year[ecode[s]]
        initial_ok = np.zeros(len(idx), bool)
        ask = np.flatnonzero(lacks_first & lacks_last & has_surname)
        initial_ok[ask] = [bool(fn) and fn[0] in initials[e] for fn, e in zip(first[d[ask]], ecode[s[ask]])]
        results = {
            "hint_full_year": full & (email_year > 0) & (email_year == year[d]),
            "hint_full": full,
            # rosa_moretti1985@ on a record named Rosa Moretti without a birth date, the other born
            # in 1985: the names are compared by the name comparisons, the year only here
            "hint_year": ~lacks_first & ~lacks_last & has_surname & (year[s] == 0) & (email_year > 0)
            & (email_year == year[d]),
            "hint_surname_initial": lacks_first & lacks_last & has_surname & initial_ok,
            "hint_surname": lacks_last & has_surname,
            # evidence against only when the email clearly names another first name, and is not
            # the named record's own address too (then it names whom it names: luna39@, a maiden name)
            "hint_other": lacks_first & named & (first_count[ecode[s]] - first_is_token > 0) & (ecode[s] != ecode[d]),
        }
        lv = np.zeros(len(idx), np.int8)
        todo = np.ones(len(idx), bool)
        for i, test in enumerate(tests, start=1):
            hit = results[test] & todo
            lv[hit] = i
            todo &= ~hit
        cur = best[idx]
        better = (lv > 0) & ((cur == 0) | (lv < cur))
        cur[better] = lv[better]
        best[idx] = cur
        named_at[idx[better]] = d[better]
    # An email naming Giuseppe Rossi says as much as Giuseppe Rossi is rare among named records.
    tf = np.full(len(ctx.pa), np.nan, np.float32)
    tf_levels = [i for i, level in enumerate(comp.levels, start=1) if level.tf]
    hit = np.isin(best, tf_levels) & (named_at >= 0)
    if hit.any():
        full = feats.coded_full_name
        tf[hit] = full.freq()[full.codes[named_at[hit]]]
    return best, tf


def _owners_own_address(comp: Comparison, ctx: PairContext, lv: np.ndarray) -> None:
    """bruno.novelli@ is seen on his wife's record too, so it counts as shared; between two records
    of Bruno Novelli, whom it names, it is his own address: the same address."""
    levels = {lv_.test: i for i, lv_ in enumerate(comp.levels, start=1)}
    if "shared" not in levels or "exact" not in levels:
        return
    idx = np.flatnonzero(lv == levels["shared"])
    if not len(idx):
        return
    feats = ctx.feats
    first, last = feats.frame["n_first"].to_numpy(), feats.frame["n_last"].to_numpy()
    codes = feats.coded("n_email_key").codes
    a, b = ctx.pa[idx], ctx.pb[idx]
    for i, x, y in zip(idx.tolist(), a.tolist(), b.tolist()):
        tokens = feats.hints_by_code[codes[x]][0]
        if first[x] and last[x] and first[x] == first[y] and last[x] == last[y] and {first[x], last[x]} <= set(tokens):
            lv[i] = levels["exact"]


def _spells_name(local: str, first: str | None, last: str | None) -> bool:
    """mrossi, rossim, mariorossi, rossi.mario, rossi: a local part made of the name alone."""
    letters = "".join(ch for ch in local.upper() if ch.isalpha())
    f, last_ = first or "", last or ""
    forms = {last_, f, f + last_, last_ + f, f[:1] + last_, last_ + f[:1]} - {""}
    return letters in forms


def _email_facts(feats, coded, shared: set[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct email: a shared inbox; a local part with no birth year and no digit (only such
    a local part can be a name alone)."""
    cache = feats.__dict__.setdefault("_hint_tables", {})
    if "email_facts" not in cache:
        values = coded.values
        is_shared = np.fromiter((v in shared for v in values), bool, len(values))
        plain = np.fromiter((not h[1] and not any(ch.isdigit() for ch in v.partition("@")[0])
                             for v, h in zip(values, feats.hints_by_code)), bool, len(values))
        cache["email_facts"] = is_shared, plain
    return cache["email_facts"]


def compare_email(comp: Comparison, ctx: PairContext):
    """Email levels; a shared local part that only spells the person's name (mario.rossi@ at two
    providers), or a family inbox's, is no evidence beyond the names, so it counts as different;
    otherwise it weighs as much as its local part is rare (mrossi@ is common)."""
    lv, tf = compare_string(comp, ctx)
    same_local = [i for i, level in enumerate(comp.levels, start=1) if level.test == "same_local"]
    idx = np.flatnonzero(np.isin(lv, same_local))
    feats = ctx.feats
    coded = feats.coded("n_email_key")
    if len(idx):
        hints = feats.hints_by_code
        first, last = feats.frame["n_first"].to_numpy(), feats.frame["n_last"].to_numpy()
        shared = feats.shared.get("n_email_key", set())
        code = coded.codes[ctx.pa[idx]]
        # per email: on a shared inbox, or a local part that could only spell a name (no year, no digit)
        is_shared, plain = _email_facts(feats, coded, shared)
        drop = is_shared[code]
        ask = np.flatnonzero(plain[code] & ~drop)
        seen: dict[tuple, bool] = {}  # households and namesakes repeat the same question
        for j, a, b, e in zip(ask.tolist(), ctx.pa[idx[ask]].tolist(), ctx.pb[idx[ask]].tolist(), code[ask].tolist()):
            key = (e, first[a], last[a], first[b], last[b])
            answer = seen.get(key)
            if answer is None:
                tokens = hints[e][0]
                names = {first[a], last[a], first[b], last[b]} - {None}
                local = coded.values[e].partition("@")[0]
                answer = seen[key] = bool((tokens and set(tokens) <= names)
                                          or _spells_name(local, first[a] or first[b], last[a] or last[b]))
            drop[j] = answer
        hit = idx[drop]
        lv[hit] = len(comp.levels)
        if tf is not None:
            tf[hit] = np.nan
    _owners_own_address(comp, ctx, lv)
    hit = np.isin(lv, same_local)
    if tf is not None and hit.any():
        vt = feats.value_table(coded.values)
        tf[hit] = vt.local_counts[coded.codes[ctx.pa[hit]]] / max(int(coded.counts.sum()), 1)
    return lv, tf
