"""recordlinkage 0.16 with its documented example: blocking on the first name, the comparisons of
its FEBRL guides (exact first name, Jaro-Winkler ≥ 0.85 surname and address, exact birth date,
suburb and state) and the unsupervised ECM classifier of its classifiers guide
(``ECMClassifier(binarize=0.8)``); clusters = connected components of the predicted links.
fake_1000 and the demo use the same recipe on their person columns (first name, surname, birth
date, city, email).

Usage: python -m bench.tool_recordlinkage DATASET_FOLDER OUT_FOLDER → clusters.csv
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    g = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    return connected_components(g, directed=False)[1]


def run(folder: Path) -> pd.DataFrame:
    import recordlinkage as rl

    from bench.datasets import Dataset
    from bench.demo_table import demo_table

    ds = Dataset.load(folder)
    if ds.kind == "febrl":
        frames = []
        for f in ds.files:
            d = pd.read_csv(f, dtype=str, keep_default_na=False).replace("", None)
            d.columns = [c.strip() for c in d.columns]
            d["source"], d["_key"] = Path(f).stem, d["rec_id"].str.strip()
            frames.append(d)
        df = pd.concat(frames, ignore_index=True)
        first, cols = "given_name", [("given_name", "exact"), ("surname", "jw"), ("date_of_birth", "exact"),
                                     ("suburb", "exact"), ("state", "exact"), ("address_1", "jw")]
    else:
        if ds.kind == "fake":
            df = pd.read_csv(ds.files[0], dtype=str, keep_default_na=False).replace("", None)
            df["source"], df["_key"] = "fake_1000", df["unique_id"]
        else:
            df = demo_table(ds.files)
        first, cols = "first_name", [("first_name", "exact"), ("surname", "jw"), ("dob", "exact"),
                                     ("city", "exact"), ("email", "exact")]
    df = df.reset_index(drop=True)
    indexer = rl.Index()
    indexer.block(first)
    if ds.task == "link":
        a_idx = df.index[df["source"] == Path(ds.files[0]).stem]
        b_idx = df.index[df["source"] == Path(ds.files[1]).stem]
        cand = indexer.index(df.loc[a_idx], df.loc[b_idx])
        compare_args = (cand, df.loc[a_idx], df.loc[b_idx])
    else:
        cand = indexer.index(df)
        compare_args = (cand, df)
    comp = rl.Compare()
    for col, how in cols:
        if how == "exact":
            comp.exact(col, col, label=col)
        else:
            comp.string(col, col, method="jarowinkler", threshold=0.85, label=col)
    features = comp.compute(*compare_args)
    ecm = rl.ECMClassifier(binarize=0.8)
    links = ecm.fit_predict(features)
    a = np.asarray(links.get_level_values(0), np.int64)
    b = np.asarray(links.get_level_values(1), np.int64)
    labels = _components(len(df), a, b)
    return pd.DataFrame({"source": df["source"], "key": df["_key"], "cluster": labels})


def main(folder: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    run(folder).to_csv(out / "clusters.csv", index=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
