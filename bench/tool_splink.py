"""Splink 5 (DuckDB) with the settings of its own documentation examples.

Sources (moj-analytical-services/splink, docs/demos):
* FEBRL3 — examples/duckdb/febrl3: blocking on soc_sec_id, given_name, surname, date_of_birth,
  postcode; NameComparison(given_name/surname), DateOfBirthComparison(%Y%m%d),
  DamerauLevenshteinAtThresholds(soc_sec_id, [2]), ExactMatch(street_number, postcode) with TF;
  prior from deterministic rules (recall 0.9), u by random sampling (1e6, seed 2), EM blocked on
  date_of_birth then postcode; predict at 0.2 (the example's threshold; it stops before clustering,
  so we cluster at the same 0.2).
* FEBRL4 — examples/duckdb/febrl4, the 'detailed' model: link_only; blocking on given_name+surname,
  the swapped pair, date_of_birth, soc_sec_id, state+address_1, street_number+address_1, postcode;
  NameComparison with TF, DateOfBirthComparison, DamerauLevenshtein(soc_sec_id [1,2]),
  ExactMatch(street_number) TF, DamerauLevenshtein(postcode [1,2]) TF; prior from deterministic
  rules (recall 0.8); u 1e6; EM on date_of_birth and postcode without TF; predict 0.2, cluster 0.99.
* fake_1000 — tutorials 04/05: NameComparison(first_name, surname), Levenshtein(dob, 1),
  ExactMatch(city) TF, EmailComparison(email); blocking first_name+city, surname; prior from the
  tutorial's deterministic rules (recall 0.7); u 2e6; EM on first_name+surname, then dob;
  predict 0.1, cluster 0.2.
* Demo retailer — no Splink example exists; the fake_1000 tutorial model on the same person
  columns (first_name, surname, dob, city, email) plus phone and postcode, blocking as fake_1000
  plus email and phone. The files are read with the minimal pandas a Splink user writes to put
  them in one table (Splink does not read Italian till exports by itself).

Usage: python -m bench.tool_splink DATASET_FOLDER OUT_FOLDER → clusters.csv (source,key,cluster)
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import pandas as pd


def _febrl(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False).replace("", None)
    df.columns = [c.strip() for c in df.columns]
    for c in df.columns:
        df[c] = df[c].str.strip()
    df["source"] = Path(path).stem
    return df


def run(folder: Path, out: Path) -> pd.DataFrame:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    from bench.datasets import Dataset
    from bench.demo_table import demo_table

    logging.getLogger("splink").setLevel(logging.ERROR)
    ds = Dataset.load(folder)
    db = DuckDBAPI()
    if ds.name == "febrl4":
        dfs = [_febrl(f) for f in ds.files]
        rules = [block_on("given_name", "surname"), "l.given_name = r.surname and l.surname = r.given_name",
                 block_on("date_of_birth"), block_on("soc_sec_id"), block_on("state", "address_1"),
                 block_on("street_number", "address_1"), block_on("postcode")]
        settings = SettingsCreator(
            unique_id_column_name="rec_id", link_type="link_only", blocking_rules_to_generate_predictions=rules,
            comparisons=[
                cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
                cl.NameComparison("surname").configure(term_frequency_adjustments=True),
                cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d",
                                         invalid_dates_as_null=True),
                cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
                cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
                cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(term_frequency_adjustments=True),
            ])
        linker = Linker([db.register(d) for d in dfs], settings)
        linker.training.estimate_probability_two_random_records_match(
            [block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth")], recall=0.8)
        linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on("date_of_birth"), estimate_without_term_frequencies=True)
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on("postcode"), estimate_without_term_frequencies=True)
        pred = linker.inference.predict(threshold_match_probability=0.2)
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, threshold_match_probability=0.99)
        key = "rec_id"
        df_all = pd.concat(dfs)
    elif ds.name == "febrl3":
        df_all = _febrl(ds.files[0])
        rules = [block_on("soc_sec_id"), block_on("given_name"), block_on("surname"), block_on("date_of_birth"),
                 block_on("postcode")]
        settings = SettingsCreator(
            unique_id_column_name="rec_id", link_type="dedupe_only", blocking_rules_to_generate_predictions=rules,
            comparisons=[
                cl.NameComparison("given_name"), cl.NameComparison("surname"),
                cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
                cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
                cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
                cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
            ])
        linker = Linker(db.register(df_all), settings)
        linker.training.estimate_probability_two_random_records_match(
            [block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth"),
             "l.given_name = r.surname and l.surname = r.given_name and l.date_of_birth = r.date_of_birth"],
            recall=0.9)
        linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=2)
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("postcode"))
        pred = linker.inference.predict(threshold_match_probability=0.2)
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, threshold_match_probability=0.2)
        key = "rec_id"
    else:
        if ds.kind == "fake":
            df_all = pd.read_csv(ds.files[0], dtype=str, keep_default_na=False).replace("", None)
            df_all["source"] = "fake_1000"
            comparisons, rules = [], [block_on("first_name", "city"), block_on("surname")]
        else:
            df_all = demo_table(ds.files)
            comparisons = [cl.ExactMatch("phone").configure(term_frequency_adjustments=True),
                           cl.ExactMatch("postcode").configure(term_frequency_adjustments=True)]
            rules = [block_on("first_name", "city"), block_on("surname"), block_on("email"), block_on("phone")]
        settings = SettingsCreator(
            link_type="dedupe_only", blocking_rules_to_generate_predictions=rules,
            comparisons=[
                cl.NameComparison("first_name"), cl.NameComparison("surname"),
                cl.LevenshteinAtThresholds("dob", 1),
                cl.ExactMatch("city").configure(term_frequency_adjustments=True),
                cl.EmailComparison("email"), *comparisons,
            ])
        linker = Linker(db.register(df_all), settings)
        linker.training.estimate_probability_two_random_records_match(
            [block_on("first_name", "dob"), "l.first_name = r.first_name and levenshtein(r.surname, l.surname) <= 2",
             block_on("email")], recall=0.7)
        linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name", "surname"))
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
        pred = linker.inference.predict(threshold_match_probability=0.1)
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, threshold_match_probability=0.2)
        key = "unique_id"
    c = clusters.as_pandas_dataframe()[[key, "cluster_id"]]
    if "_key" not in df_all:
        df_all["_key"] = df_all[key]
    res = df_all[[key, "source", "_key"]].merge(c, on=key, how="left")
    return res.drop(columns=[key]).rename(columns={"_key": "key", "cluster_id": "cluster"})


def main(folder: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    run(folder, out)[["source", "key", "cluster"]].to_csv(out / "clusters.csv", index=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
