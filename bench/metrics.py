"""Pairwise precision, recall and F1 from final clusters, against the true entities."""
from __future__ import annotations

import pandas as pd


def _pairs(sizes: pd.Series) -> int:
    return int((sizes * (sizes - 1) // 2).sum())


def pairwise_scores(clusters: pd.DataFrame, truth: pd.DataFrame) -> dict[str, float]:
    """clusters: source,key,cluster; truth: source,key,entity (only records in truth are scored)."""
    df = truth.merge(clusters, on=["source", "key"], how="left")
    missing = df["cluster"].isna()
    # a record the tool dropped is a singleton of its own
    df.loc[missing, "cluster"] = "missing:" + df.loc[missing, "source"] + ":" + df.loc[missing, "key"]
    df["cluster"] = df["cluster"].astype(str)
    predicted = _pairs(df.groupby("cluster").size())
    true = _pairs(df.groupby("entity").size())
    both = _pairs(df.groupby(["cluster", "entity"]).size())
    p = both / predicted if predicted else 1.0
    r = both / true if true else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "true_pairs": true, "predicted_pairs": predicted,
            "records": len(df), "unclustered": int(missing.sum())}


def link_precision(links: pd.DataFrame, truth: pd.DataFrame) -> float | None:
    """Share of links (source_a,key_a,source_b,key_b) joining two records of one entity."""
    if links.empty:
        return None
    t = truth.set_index(["source", "key"])["entity"]
    ea = t.reindex(pd.MultiIndex.from_frame(links[["source_a", "key_a"]])).to_numpy()
    eb = t.reindex(pd.MultiIndex.from_frame(links[["source_b", "key_b"]])).to_numpy()
    known = pd.notna(ea) & pd.notna(eb)
    return float((ea[known] == eb[known]).mean()) if known.any() else None
