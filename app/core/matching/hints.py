"""Thin-record evidence: the name and birth year a person put in their email address.

``giorgio.rossi81@…`` on a newsletter record with no name says something about a till record of
Giorgio Rossi born 1981. The evidence is read in one direction only — from the record that lacks
a name towards the one that has it — so that two named records do not count their names twice.
"""
from __future__ import annotations

import numpy as np

from app.core.matching.comparisons import PairContext, compare_string
from app.core.matching.settings import Comparison


def _hint_level(tests: list[str], tokens: tuple[str, ...], initials: str, year: int, lacks_first: bool,
                lacks_last: bool, first: str | None, last: str, b_year: int) -> int:
    """Level of one email's hints against one named record (0: the email names nobody).

    Only the name parts the email's own record lacks count: its surname, if it has one, is
    already compared by the surname comparison.
    """
    from app.core.normalize import first_name_info, first_name_variants

    has_surname = last in tokens
    has_first = bool(first) and (first in tokens or any(v in tokens for v in first_name_variants(first)))
    full = (has_first or not lacks_first) and (has_surname or not lacks_last)
    results = {
        "hint_full_year": full and year > 0 and year == b_year,
        "hint_full": full,
        "hint_surname_initial": lacks_first and lacks_last and has_surname and bool(first) and first[0] in initials,
        "hint_surname": lacks_last and has_surname,
        # Evidence against only when the email clearly names another first name.
        "hint_other": lacks_first and bool(first) and any(first_name_info(t)[0] and t != first for t in tokens),
    }
    for i, test in enumerate(tests, start=1):
        if results[test]:
            return i
    return 0


def compare_email_hints(comp: Comparison, ctx: PairContext):
    feats = ctx.feats
    f = feats.frame
    hints = feats.hints_by_code
    ecode = feats.coded("n_email_key").codes
    has_tokens = np.array([bool(h[0]) for h in hints] + [False])[ecode]
    no_first, no_last = f["n_first"].isna().to_numpy(), f["n_last"].isna().to_numpy()
    lacks_name = no_first | no_last
    has_last = f["n_last"].notna().to_numpy()
    year = feats.birth_parts[:, 0]
    names = feats.coded("n_first").values
    fcode, lcode = feats.coded("n_first").codes, feats.coded("n_last").codes
    tests = [lv.test for lv in comp.levels]
    best = np.zeros(len(ctx.pa), np.int8)
    for src, dst in ((ctx.pa, ctx.pb), (ctx.pb, ctx.pa)):
        idx = np.flatnonzero(has_tokens[src] & lacks_name[src] & has_last[dst])
        if not len(idx):
            continue
        combos = np.stack([ecode[src[idx]], fcode[dst[idx]], lcode[dst[idx]], year[dst[idx]],
                           no_first[src[idx]], no_last[src[idx]]], axis=1)
        keys, inverse = np.unique(combos, axis=0, return_inverse=True)
        levels = np.empty(len(keys), np.int8)
        for k, (e, fc, lc, y, nf, nl) in enumerate(keys):
            tokens, h_year, initials = hints[e]
            levels[k] = _hint_level(tests, tokens, initials, h_year, bool(nf), bool(nl),
                                    names[fc] if fc >= 0 else None, names[lc], int(y))
        lv = levels[inverse.ravel()]
        cur = best[idx]
        better = (lv > 0) & ((cur == 0) | (lv < cur))
        cur[better] = lv[better]
        best[idx] = cur
    return best, None


def compare_email(comp: Comparison, ctx: PairContext):
    """Email levels; a shared local part that only spells the person's name (mario.rossi@ at two
    providers) is no evidence beyond the names themselves, so it counts as different."""
    lv, tf = compare_string(comp, ctx)
    same_local = [i for i, level in enumerate(comp.levels, start=1) if level.test == "same_local"]
    idx = np.flatnonzero(np.isin(lv, same_local))
    if len(idx):
        feats = ctx.feats
        hints = feats.hints_by_code
        ecode = feats.coded("n_email_key").codes
        first, last = feats.frame["n_first"].to_numpy(), feats.frame["n_last"].to_numpy()
        for i in idx:
            a, b = ctx.pa[i], ctx.pb[i]
            tokens, year, _ = hints[ecode[a]]
            local = feats.frame["n_email_key"].iat[a].partition("@")[0]
            names = {first[a], last[a], first[b], last[b]} - {None}
            if not year and not any(ch.isdigit() for ch in local) and tokens and set(tokens) <= names:
                lv[i] = len(comp.levels)
    return lv, tf
