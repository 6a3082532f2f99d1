"""Properties of the attribution models on random journeys, checked against independent computations."""
import math
import random
from collections import Counter
from itertools import combinations

import pytest

from app.core.analytics.attribution import MODELS, NO_TOUCH, contribution
from app.core.analytics.journeys import DAY, Journey, Touch
from app.core.analytics.markov import removal_effects

CHANNELS = ["Paid search", "Paid social", "Email", "Direct", "Organic search", "Referral"]


def random_journeys(seed: int, n: int = 300) -> list[Journey]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        k = rng.choice([0, 1, 1, 2, 3, 4, 6])
        conv_ts = 100 * DAY + i
        times = sorted(rng.uniform(0, 30 * DAY) for _ in range(k))
        touches = tuple(Touch(int(conv_ts - t), rng.choice(CHANNELS), campaign=rng.choice("xyz")) for t in times)
        converted = rng.random() < 0.6 or not touches
        value = round(rng.uniform(5, 300), 2) if converted else 0.0
        out.append(Journey(i, touches, converted, value, conv_ts if converted else None))
    return out


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("by", ["channel", "campaign"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_credits_sum_to_the_conversions_and_revenue(model, by, seed):
    js = random_journeys(seed)
    converting = [j for j in js if j.converted]
    table = contribution(js, model=model, by=by)
    assert table["conversions"].sum() == pytest.approx(len(converting))
    assert table["revenue"].sum() == pytest.approx(sum(j.value for j in converting))
    assert table["share"].sum() == pytest.approx(1.0) and table["revenue_share"].sum() == pytest.approx(1.0)
    assert (table["conversions"] >= -1e-12).all()
    no_touch = table.loc[table[by] == NO_TOUCH, "conversions"].sum()
    assert no_touch == sum(1 for j in converting if not j.touches)


def brute_force_shapley(js: list[Journey], value) -> dict[str, float]:
    """DOMAIN.md's formula: φ_i = Σ_S |S|!(n−|S|−1)!/n! [v(S∪{i}) − v(S)], v(S) over channel sets ⊆ S."""
    sets = Counter()
    for j in js:
        if j.converted and j.touches:
            sets[frozenset(j.keys())] += value(j)
    players = sorted(set().union(*sets))
    n = len(players)

    def v(s: frozenset) -> float:
        return sum(c for t, c in sets.items() if t <= s)

    phi = {}
    for i in players:
        others = [p for p in players if p != i]
        phi[i] = sum(math.factorial(len(s)) * math.factorial(n - len(s) - 1) / math.factorial(n)
                     * (v(frozenset(s) | {i}) - v(frozenset(s)))
                     for r in range(n) for s in combinations(others, r))
    return phi


@pytest.mark.parametrize("seed", [4, 5])
def test_shapley_equals_the_subset_formula(seed):
    js = random_journeys(seed, n=200)
    table = contribution(js, model="shapley").set_index("channel").drop(index=NO_TOUCH, errors="ignore")
    assert table["conversions"].to_dict() == pytest.approx(brute_force_shapley(js, lambda j: 1.0))
    assert table["revenue"].to_dict() == pytest.approx(brute_force_shapley(js, lambda j: j.value))


def iterated_absorption(paths, removed=None, steps=5000) -> float:
    """P(conv) by iterating the chain's transition probabilities (no linear algebra)."""
    counts: dict[str, Counter] = {}
    for keys, converted in paths:
        states = ["start", *keys, "conv" if converted else "null"]
        for a, b in zip(states, states[1:]):
            counts.setdefault(a, Counter())[b] += 1
    mass = {"start": 1.0}
    absorbed = 0.0
    for _ in range(steps):
        nxt: dict[str, float] = {}
        for state, m in mass.items():
            total = sum(counts[state].values())
            for b, k in counts[state].items():
                if b == "conv":
                    absorbed += m * k / total
                elif b != "null" and b != removed:
                    nxt[b] = nxt.get(b, 0.0) + m * k / total
        mass = nxt
        if not mass:
            break
    return absorbed


def test_markov_removal_effects_match_an_iterated_chain():
    js = random_journeys(6, n=150)
    paths = [(j.keys(), j.converted) for j in js if j.touches]
    effects, p = removal_effects(paths)
    base = iterated_absorption(paths)
    assert p == pytest.approx(base, abs=1e-9)
    for channel, re in effects.items():
        assert re == pytest.approx(1 - iterated_absorption(paths, channel) / base, abs=1e-9)


def test_repeated_paths_count_as_often_as_they_occur():
    once = [(("A", "B"), True), (("A",), False)]
    assert removal_effects(once) != removal_effects(once + [(("A",), False)])
