"""The demo retailer's contact files as one table for the peer tools: the ETL a Splink or
recordlinkage user writes by hand (Unico's importer maps these files by itself). Light cleaning
only, as in those tools' own examples: lower case, trimmed, digits-only phones with the Italian
prefix dropped, ISO birth dates. Each file's key column is the record key the truth uses."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

COLUMNS = ["first_name", "surname", "dob", "city", "email", "phone", "postcode"]


def _clean(s: pd.Series) -> pd.Series:
    s = s.astype("string").str.strip().str.lower()
    return s.where(s != "", None)


def _phone(s: pd.Series) -> pd.Series:
    digits = s.astype("string").str.replace(r"\D", "", regex=True).str.replace(r"^(0039|39)(?=\d{9,10}$)", "", regex=True)
    return digits.where(digits.str.len() >= 6, None)


def _till(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, sep=";", dtype=str, encoding="cp1252", keep_default_na=False)
    dob = pd.to_datetime(d["Data di nascita"], format="%d/%m/%Y", errors="coerce").dt.strftime("%Y-%m-%d")
    phone = _phone(d["Cellulare"]).fillna(_phone(d["Telefono"]))
    return pd.DataFrame({"_key": d["Codice carta"], "first_name": d["Nome"], "surname": d["Cognome"], "dob": dob,
                         "city": d["Città"], "email": d["E-mail"], "phone": phone, "postcode": d["CAP"]})


def _shopify(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    return pd.DataFrame({"_key": d["Customer ID"].str.lstrip("'"), "first_name": d["First Name"],
                         "surname": d["Last Name"], "dob": None, "city": d["Default Address City"],
                         "email": d["Email"], "phone": _phone(d["Phone"].str.lstrip("'")),
                         "postcode": d["Default Address Zip"].str.lstrip("'")})


def _mailchimp(path: Path) -> pd.DataFrame:
    frames = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            frames.append(pd.read_csv(io.BytesIO(z.read(name)), dtype=str, keep_default_na=False))
    d = pd.concat(frames, ignore_index=True)
    return pd.DataFrame({"_key": d["Email Address"], "first_name": d["First Name"], "surname": d["Last Name"],
                         "dob": None, "city": None, "email": d["Email Address"], "phone": _phone(d["Phone Number"]),
                         "postcode": None})


def _leads(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, sep="\t", dtype=str, encoding="utf-16", keep_default_na=False)
    names = d["full_name"].str.strip().str.split(" ", n=1, expand=True).reindex(columns=[0, 1])
    return pd.DataFrame({"_key": d["id"], "first_name": names[0], "surname": names[1], "dob": None,
                         "city": d["city"], "email": d["email"], "phone": _phone(d["phone_number"]), "postcode": None})


READERS = {"till_clienti": _till, "shopify_customers": _shopify, "mailchimp_audience": _mailchimp,
           "meta_leads": _leads}


def demo_table(files: list[str]) -> pd.DataFrame:
    frames = []
    for f in files:
        source = Path(f).name.split(".")[0]
        part = READERS[source](Path(f))
        part["source"] = source
        frames.append(part)
    df = pd.concat(frames, ignore_index=True)
    for c in COLUMNS:
        df[c] = _clean(df[c])
    df["unique_id"] = df["source"] + "|" + df["_key"].astype(str)
    return df.drop_duplicates("unique_id").reset_index(drop=True)
