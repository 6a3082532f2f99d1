"""First-order Markov-chain attribution by removal effect (Anderl et al. 2014; R ``ChannelAttribution``).

States: start, one per channel, and the absorbing ``conv`` and ``null``. Transition probabilities
are counted over **all** paths — converting ones end in ``conv``, non-converting ones in ``null``.
P = probability of reaching ``conv`` from start. Removing channel c sends every transition into c to
``null`` (c becomes a dead end), giving P₋c; its removal effect is RE_c = 1 − P₋c/P. Conversions
are shared out as total·RE_c/ΣRE; revenue in the same proportions (the chain models whether people
convert, not how much they spend).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np


def _absorption(q: np.ndarray, r: np.ndarray) -> float:
    """Probability of ending in ``conv`` from state 0, given transient→transient ``q`` and →conv ``r``."""
    return float(np.linalg.solve(np.eye(len(q)) - q, r)[0])


def removal_effects(paths: Iterable[tuple[Sequence[str], bool]]) -> tuple[dict[str, float], float]:
    """Removal effect per channel and the chain's conversion probability P, from (path, converted) pairs.

    Empty paths are ignored: a conversion with no touch says nothing about the channels.
    """
    counted = Counter((tuple(p), bool(c)) for p, c in paths if len(p))
    states = sorted({s for p, _ in counted for s in p})
    if not states:
        return {}, 0.0
    index = {s: i + 1 for i, s in enumerate(states)}  # 0 is start
    n = len(states) + 1
    conv, null = n, n + 1
    counts = np.zeros((n, n + 2))
    for (path, converted), k in counted.items():
        prev = 0
        for s in path:
            counts[prev, index[s]] += k
            prev = index[s]
        counts[prev, conv if converted else null] += k
    probs = counts / counts.sum(axis=1, keepdims=True)
    q, r = probs[:, :n], probs[:, conv]
    base = _absorption(q, r)
    if base <= 0:
        return {s: 0.0 for s in states}, 0.0
    effects = {}
    for s, i in index.items():
        q_removed, r_removed = q.copy(), r.copy()
        q_removed[i, :] = 0.0
        r_removed[i] = 0.0
        effects[s] = 1.0 - _absorption(q_removed, r_removed) / base
    return effects, base


def markov_shares(paths: Iterable[tuple[Sequence[str], bool]]) -> dict[str, float]:
    """Each channel's share of the credit: RE_c / ΣRE (empty when nothing converted)."""
    effects, _ = removal_effects(paths)
    total = sum(effects.values())
    return {s: e / total for s, e in effects.items()} if total > 0 else {}
