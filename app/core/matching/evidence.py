"""Per-field evidence of a pair: what each comparison found and how many bits it added.

Stored in ``pairs.evidence`` as JSON ``[{field, level, label, weight[, tf]}]`` (missing fields left
out; the household guard, when it applies, is one more entry) and shown by ``unico explain``,
``unico review list`` and the GUI's waterfall.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import numpy as np

from app.core.matching.model import HOUSEHOLD, Model, Vectors
from app.core.matching.settings import MatchSettings

HOUSEHOLD_LABEL = "first names or birth years clash: household-shared fields capped"


def evidence_json(model: Model, vec: Vectors, fw: np.ndarray, adj: np.ndarray, rows: np.ndarray) -> list[str]:
    """The evidence JSON of each pair in ``rows`` (indices into the vectors)."""
    K = len(model.names)
    heads = [[json.dumps({"field": model.names[k], "level": lv, "label": model.labels[k][lv]},
                         ensure_ascii=False)[:-1] for lv in range(len(model.labels[k]))] for k in range(K)]
    tf_cols = {k: vec.tf[k] for k in vec.tf}
    levels = vec.levels
    out = []
    for i in rows.tolist():
        parts = []
        for k in range(K):
            lv = levels[i, k]
            if lv:
                extra = ""
                if k in tf_cols and not math.isnan(tf_cols[k][i]):
                    extra = f', "tf": {float(tf_cols[k][i]):.3g}'
                parts.append(f'{heads[k][lv]}, "weight": {float(fw[i, k]):.2f}{extra}}}')
        if adj[i]:
            parts.append(json.dumps({"field": HOUSEHOLD, "level": -1, "label": HOUSEHOLD_LABEL,
                                     "weight": round(float(adj[i]), 2)}))
        out.append("[" + ", ".join(parts) + "]")
    return out


@dataclass
class Contribution:
    field: str
    level_label: str
    weight: float
    value_a: str | None
    value_b: str | None

    def as_tuple(self) -> tuple:
        return (self.field, self.level_label, self.weight, self.value_a, self.value_b)


@dataclass
class Explanation:
    ref_a: str
    ref_b: str
    probability: float
    match_weight: float
    prior_weight: float
    contributions: list[Contribution] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"a": self.ref_a, "b": self.ref_b, "probability": self.probability, "match_weight": self.match_weight,
                "prior_weight": self.prior_weight,
                "contributions": [{"field": c.field, "level": c.level_label, "weight": c.weight,
                                   "value_a": c.value_a, "value_b": c.value_b} for c in self.contributions]}


def field_values(frame, settings: MatchSettings, name: str, row: int) -> str | None:
    """A comparison's input values for one record, as shown beside its contribution."""
    comp = next(c for c in settings.comparisons if c.name == name)
    cols = comp.columns[:1] if comp.kind in ("first_name", "last_name", "email_hints") else comp.columns
    vals = [frame[c].iat[row] for c in cols if c in frame]
    vals = [str(v) for v in vals if v is not None and v == v]
    return " / ".join(vals) if vals else None
