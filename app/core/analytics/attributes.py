"""Profile attributes for report breakdowns: the value of one field for each person.

A profile's value is its golden record's (``profiles.golden`` JSON, ``{field: value}`` or
``{field: {"value": value, …}}``) when it has one; otherwise the most frequent value among its
member records (ties: alphabetical). As in ``journeys``, a record with no membership is its own
person, ``profile_id = -record_id``.

Fields:
- ``city``, ``province``, ``postcode``, ``country``, ``gender``: the normalised ``n_*`` columns, so
  ``Milano`` and ``MILANO`` fall in one group;
- ``postcode_area``: the first three characters of the postcode;
- ``tag`` (or ``tags``): every tag of the person's records, lower-cased — a person with two tags is
  in two groups;
- ``near_store``: ``near`` when the person lives in a province where a store is, ``far`` when
  their province is known and is not. A blank province is read from the city or postcode (the
  province other records give them most often), or is the city itself when that is a sigla; a
  city whose province stays unknown is near only when a store is in it; no place at all: left
  out. Store places come from the data: a city of the customers' addresses named in a store's
  name (``Bottega Rossi Milano Centro`` → MILANO), with that city's most frequent province;
- ``home_store``, ``company`` and the consent states (``OTHERS``): their value in the records'
  ``fields``. Names, emails, phones, ids and exact dates are refused: they are people, not groups.
"""
from __future__ import annotations

import json

import pandas as pd

from app.core.errors import UsageError
from app.core.normalize._text import upper_words
from app.core.workspace import Workspace

NORMALISED = {"city": "n_city", "province": "n_province", "postcode": "n_postcode", "country": "n_country",
              "gender": "n_gender"}
DERIVED = ("postcode_area", "tag", "near_store")
# Other canonical fields worth grouping by; names, contacts, ids and exact dates are not.
OTHERS = ("home_store", "company", "email_consent", "sms_consent", "subscription_status")
NEAR, FAR = "near", "far"


def breakdown_fields() -> list[str]:
    """Every field a report can be broken down by (for the GUI's choice list)."""
    return [*NORMALISED, *DERIVED, *OTHERS]


def profile_groups(ws: Workspace, field: str) -> pd.DataFrame:
    """Columns profile_id, group: the value of ``field`` per person (several rows for tags)."""
    field = field.strip().lower()
    field = "tag" if field == "tags" else field
    if field == "near_store":
        return _near_store(ws)
    if field == "tag":
        return _tags(ws)
    if field == "postcode_area":
        df = _voted(ws, "postcode")
        df["group"] = df["group"].str[:3]
        return df
    if field in NORMALISED or field in OTHERS:
        return _voted(ws, field)
    raise UsageError(f"cannot break down by {field!r}; use one of: {', '.join(breakdown_fields())}")


def _record_values(ws: Workspace, field: str) -> pd.DataFrame:
    expr = f"r.{NORMALISED[field]}" if field in NORMALISED else f"json_extract(r.fields, '$.{field}')"
    sql = f"""
        SELECT COALESCE(m.profile_id, -r.id) AS profile_id, CAST({expr} AS TEXT) AS value
        FROM records r LEFT JOIN memberships m ON m.record_id = r.id
        WHERE {expr} IS NOT NULL AND trim(CAST({expr} AS TEXT)) <> ''"""
    df = pd.read_sql_query(sql, ws.conn).astype({"profile_id": "int64", "value": object})
    df["value"] = df["value"].str.strip()
    return df


def _golden_values(ws: Workspace, field: str) -> pd.DataFrame:
    rows = []
    for pid, golden in ws.query("SELECT id, golden FROM profiles WHERE golden NOT IN ('', '{}')"):
        value = json.loads(golden).get(field)
        if isinstance(value, dict):
            value = value.get("value")
        if value not in (None, "", []):
            value = ", ".join(map(str, value)) if isinstance(value, list) else str(value).strip()
            rows.append((pid, value.upper() if field in NORMALISED else value))
    return pd.DataFrame(rows, columns=["profile_id", "group"]).astype({"profile_id": "int64", "group": object})


def _voted(ws: Workspace, field: str) -> pd.DataFrame:
    values = _record_values(ws, field)
    counts = values.groupby(["profile_id", "value"]).size().reset_index(name="n")
    counts = counts.sort_values(["profile_id", "n", "value"], ascending=[True, False, True])
    voted = counts.drop_duplicates("profile_id")[["profile_id", "value"]].rename(columns={"value": "group"})
    golden = _golden_values(ws, field)
    voted = voted[~voted["profile_id"].isin(golden["profile_id"])]
    return pd.concat([golden, voted], ignore_index=True)


def _tags(ws: Workspace) -> pd.DataFrame:
    values = pd.concat([_record_values(ws, "tags").rename(columns={"value": "group"}), _golden_values(ws, "tags")])
    split = values.assign(group=values["group"].str.split(",")).explode("group")
    split["group"] = split["group"].str.strip().str.strip('"\'').str.strip().str.lower()
    split = split[split["group"] != ""]
    return split[["profile_id", "group"]].drop_duplicates().reset_index(drop=True)


def _key(text: str) -> str:
    """Upper-case words padded by spaces, for a whole-word search."""
    return f" {upper_words(text)} "


def _province_of(ws: Workspace, column: str) -> dict[str, str]:
    """The most frequent province of each value of ``column`` (n_city or n_postcode) in the records."""
    rows = ws.query(f"""
        SELECT {column}, n_province, count(*) AS n FROM records
        WHERE {column} IS NOT NULL AND {column} <> '' AND n_province IS NOT NULL AND n_province <> ''
        GROUP BY {column}, n_province ORDER BY n DESC, n_province""")
    out: dict[str, str] = {}
    for value, province, _ in rows:
        out.setdefault(value, province)
    return out


def store_places(ws: Workspace) -> tuple[set[str], set[str]]:
    """The cities named in store names, and their provinces (see the module docstring)."""
    stores = [_key(r[0]) for r in ws.query(
        "SELECT DISTINCT store FROM events WHERE channel = 'store' AND store IS NOT NULL")]
    cities = {r[0] for r in ws.query("SELECT DISTINCT n_city FROM records WHERE n_city IS NOT NULL AND n_city <> ''")
              if any(_key(r[0]) in s for s in stores)}
    province = _province_of(ws, "n_city")
    return cities, {province[c] for c in cities if c in province}


def _near_store(ws: Workspace) -> pd.DataFrame:
    """near / far by the person's province, else the province their city or postcode has in the
    other records (people often leave the province blank), else their city; unknown people are left out."""
    cities, provinces = store_places(ws)
    if not cities:
        raise UsageError("cannot tell who lives near a store: no store name in the receipts names a city "
                         "of the customers' addresses; break down by city or province instead")
    df = None
    for field in ("province", "city", "postcode"):
        part = _voted(ws, field).rename(columns={"group": field})
        df = part if df is None else df.merge(part, on="profile_id", how="outer")
    known = {r[0] for r in ws.query("SELECT DISTINCT n_province FROM records WHERE n_province <> ''")}
    province = df["province"].fillna(df["city"].map(_province_of(ws, "n_city")))
    province = province.fillna(df["postcode"].map(_province_of(ws, "n_postcode")))
    province = province.fillna(df["city"].where(df["city"].isin(known)))  # a sigla typed as the city
    near = province.isin(provinces) | (province.isna() & df["city"].isin(cities))
    df["group"] = near.map({True: NEAR, False: FAR})
    return df.loc[province.notna() | df["city"].notna(), ["profile_id", "group"]]
