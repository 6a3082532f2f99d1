"""Attribution models: how each conversion's credit is shared among the touches of its journey.

Pure functions over ``journeys.Journey`` lists. Every model returns, per channel (or campaign),
the conversions and revenue credited and their shares; credits always add up to the conversions
and revenue of the converting journeys given (tested for every model).

- **first / last**: the first / last touch gets everything.
- **last-non-direct**: the last touch whose channel is not Direct; Direct only when the whole path
  is Direct (GA's rule). In the campaign view the touch is chosen the same way (by its channel).
- **linear**: V/n per touch.
- **time-decay**: w_i = 2^(−(T−t_i)/half-life), default half-life 7 days; credit V·w_i/Σw.
- **position**: 40% first, 40% last, 20% shared by the middle touches; n=2 → 50/50, n=1 → 100%.
- **markov**: removal effect over all paths, non-converting ones included (see ``markov``).
- **shapley**: v(S) = conversions (revenue) of journeys whose set of channels is a subset of S.
  Such a v is a sum of unanimity games, one per channel set T weighted by its conversions c(T),
  so the Shapley value is exactly φ_i = Σ_{T∋i} c(T)/|T| (Zhao et al. 2018, "simplified Shapley"):
  no limit on the number of channels, no sampling. Tests check it against the subset formula.

A conversion with no touch in the window is credited to ``NO_TOUCH`` by every model, so the
credits still sum to all conversions; Markov and Shapley share out only the touched ones.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from app.core.analytics.channels import DIRECT
from app.core.analytics.journeys import DAY, Journey
from app.core.analytics.markov import markov_shares

NO_TOUCH = "(no touch)"
MODELS: tuple[str, ...] = ("first", "last", "last-non-direct", "linear", "time-decay", "position", "markov", "shapley")
MODEL_LABELS: dict[str, str] = {
    "first": "First touch", "last": "Last touch", "last-non-direct": "Last non-direct touch",
    "linear": "Linear", "time-decay": "Time decay", "position": "Position-based (40/20/40)",
    "markov": "Markov chain (removal effect)", "shapley": "Shapley value",
}
BY_CHOICES = ("channel", "campaign")
RESULT_COLUMNS = ["conversions", "revenue", "share", "revenue_share"]

Credits = dict[str, list[float]]  # key -> [conversions, revenue]


# -- per-journey touch weights (rule-based models) -------------------------------------------------
def _first(j: Journey, half_life_days: float) -> list[float]:
    return [1.0] + [0.0] * (len(j.touches) - 1)


def _last(j: Journey, half_life_days: float) -> list[float]:
    return [0.0] * (len(j.touches) - 1) + [1.0]


def _last_non_direct(j: Journey, half_life_days: float) -> list[float]:
    n = len(j.touches)
    pick = next((i for i in range(n - 1, -1, -1) if j.touches[i].channel != DIRECT), n - 1)
    return [1.0 if i == pick else 0.0 for i in range(n)]


def _linear(j: Journey, half_life_days: float) -> list[float]:
    return [1.0 / len(j.touches)] * len(j.touches)


def _time_decay(j: Journey, half_life_days: float) -> list[float]:
    if half_life_days <= 0:
        raise ValueError("the time-decay half-life must be more than 0 days")
    if j.conversion_ts is None:
        raise ValueError("time decay needs the conversion time of each journey")
    w = [2.0 ** (-(j.conversion_ts - t.ts) / (half_life_days * DAY)) for t in j.touches]
    total = sum(w)
    return [x / total for x in w]


def _position(j: Journey, half_life_days: float) -> list[float]:
    n = len(j.touches)
    if n == 1:
        return [1.0]
    if n == 2:
        return [0.5, 0.5]
    return [0.4] + [0.2 / (n - 2)] * (n - 2) + [0.4]


WEIGHTS: dict[str, Callable[[Journey, float], list[float]]] = {
    "first": _first, "last": _last, "last-non-direct": _last_non_direct,
    "linear": _linear, "time-decay": _time_decay, "position": _position,
}


def touch_weights(journey: Journey, model: str, *, half_life_days: float = 7.0) -> list[float]:
    """The share of ``journey``'s conversion each of its touches gets under a rule-based model."""
    if model not in WEIGHTS:
        raise ValueError(f"{model!r} is not a per-journey model; use one of: {', '.join(WEIGHTS)}")
    return WEIGHTS[model](journey, half_life_days) if journey.touches else []


# -- credits -----------------------------------------------------------------------------------
def _add(credits: Credits, key: str, conversions: float, revenue: float) -> None:
    c = credits.setdefault(key, [0.0, 0.0])
    c[0] += conversions
    c[1] += revenue


def _rule_credits(converting: Sequence[Journey], model: str, by: str, half_life_days: float) -> Credits:
    credits: Credits = {}
    for j in converting:
        for touch, w in zip(j.touches, touch_weights(j, model, half_life_days=half_life_days)):
            if w:
                _add(credits, touch.key(by), w, w * j.value)
    return credits


def _shapley_credits(converting: Sequence[Journey], by: str) -> Credits:
    credits: Credits = {}
    for j in converting:
        keys = set(j.keys(by))
        for k in keys:
            _add(credits, k, 1.0 / len(keys), j.value / len(keys))
    return credits


def _markov_credits(all_journeys: Sequence[Journey], converting: Sequence[Journey], by: str) -> Credits:
    shares = markov_shares((j.keys(by), j.converted) for j in all_journeys if j.touches)
    n = len(converting)
    value = sum(j.value for j in converting)
    return {k: [n * s, value * s] for k, s in shares.items()}


def credits(journeys: Sequence[Journey], *, model: str, by: str = "channel", half_life_days: float = 7.0) -> Credits:
    """Conversions and revenue credited per channel (or campaign) under ``model``."""
    if model not in MODELS:
        raise ValueError(f"unknown attribution model {model!r}; use one of: {', '.join(MODELS)}")
    if by not in BY_CHOICES:
        raise ValueError(f"cannot attribute by {by!r}; use one of: {', '.join(BY_CHOICES)}")
    converting = [j for j in journeys if j.converted and j.touches]
    if model == "markov":
        result = _markov_credits(journeys, converting, by)
    elif model == "shapley":
        result = _shapley_credits(converting, by)
    else:
        result = _rule_credits(converting, model, by, half_life_days)
    for j in journeys:
        if j.converted and not j.touches:
            _add(result, NO_TOUCH, 1.0, j.value)
    return result


def contribution(journeys: Sequence[Journey], *, model: str = "last-non-direct", by: str = "channel",
                 half_life_days: float = 7.0) -> pd.DataFrame:
    """One row per channel (or campaign): ``by``, conversions, revenue, share, revenue_share.

    Rows are sorted by conversions credited (most first), ``NO_TOUCH`` last.
    """
    c = credits(journeys, model=model, by=by, half_life_days=half_life_days)
    df = pd.DataFrame([(k, v[0], v[1]) for k, v in c.items()], columns=[by, "conversions", "revenue"])
    total_conv, total_rev = df["conversions"].sum(), df["revenue"].sum()
    df["share"] = df["conversions"] / total_conv if total_conv else float("nan")
    df["revenue_share"] = df["revenue"] / total_rev if total_rev else float("nan")
    df["_last"] = df[by] == NO_TOUCH
    df = df.sort_values(["_last", "conversions", by], ascending=[True, False, True])
    return df.drop(columns="_last").reset_index(drop=True)


def compare_models(journeys: Sequence[Journey], *, by: str = "channel", half_life_days: float = 7.0,
                   value: str = "conversions", models: Sequence[str] = MODELS) -> pd.DataFrame:
    """A wide table for charts: one row per channel (or campaign), one column per model.

    ``value`` is ``conversions`` or ``revenue``; missing credits are 0.
    """
    if value not in ("conversions", "revenue"):
        raise ValueError("value must be 'conversions' or 'revenue'")
    pos = 0 if value == "conversions" else 1
    columns = {m: {k: v[pos] for k, v in credits(journeys, model=m, by=by, half_life_days=half_life_days).items()}
               for m in models}
    df = pd.DataFrame(columns).fillna(0.0)
    df.index.name = by
    order = df.mean(axis=1).sort_values(ascending=False).index
    order = [k for k in order if k != NO_TOUCH] + [k for k in order if k == NO_TOUCH]
    return df.loc[order].reset_index()
