"""Contact files → person records. Also builds the identity records of event files (events.py).

Rules for a contact row:
- key (``source_record_id``): the key column's value; for a file keyed by email, the cleaned
  address. A row whose key cell is empty gets a content key ``h:<sha1 of its normalised identity
  values>`` (stable across re-imports as long as those values do not change).
- rejected: a row nothing identifies (no key, no name, email, phone, id or address); a row of an
  email-keyed file (Mailchimp, Brevo…) without a valid address; a second row with the same key.
- kept with a warning count: invalid emails/phones, unreadable birth or consent dates (the raw
  cell stays in ``raw``; the canonical value is left empty).
- skipped (counted as ``suppressed``): rows whose email or phone is on the suppression list.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

import pandas as pd

from app.core.fields import IDENTITY_FIELDS
from app.core.importing.convert import Column, Converter, Unit, parser_kind
from app.core.importing.plan import ImportPlan
from app.core.importing.store_records import RecordRow
from app.core.normalize import N_COLUMNS, PartialDate, normalize_frame

NORMALIZER_INPUTS = ("first_name", "last_name", "full_name", "name_particle", "email", "phone", "mobile",
                     "birth_date", "gender", "codice_fiscale", "address", "address2", "street_number", "postcode",
                     "city", "province", "country", "national_id", "loyalty_card", "customer_id")
IDENTITY_N = tuple(c for c in N_COLUMNS if c != "n_full")
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def display(value: object) -> object:
    """The canonical value as stored in ``fields``: text, ISO dates, numbers."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, tuple):  # (amount, currency)
        return value[0]
    return value


@dataclass
class Built:
    rows: list[RecordRow]
    index: list[int]  # position of each row in the batch of units
    rejects: list[tuple[int, str | None, str]]  # (unit position, column, reason)
    suppressed: list[int]


def raw_json(unit: Unit, dropped: frozenset[str]) -> str:
    raw = unit.raw
    if dropped:
        if isinstance(raw, list):
            raw = [{k: v for k, v in r.items() if k not in dropped} for r in raw]
        else:
            raw = {k: v for k, v in raw.items() if k not in dropped}
    return _JSON(raw)


def normalized_frame(cols: Mapping[str, Column], positions: list[int], region: str) -> pd.DataFrame:
    data: dict[str, list] = {}
    for name in NORMALIZER_INPUTS:
        col = cols.get(name)
        if col is None:
            continue
        if name == "birth_date" or parser_kind(name) == "id":
            # birth dates parsed with the column's own day/month order; ids without "nobody" values
            data[name] = [col.parsed[i] for i in positions]
        else:
            data[name] = [col.cleaned[i] for i in positions]
    return normalize_frame(pd.DataFrame(data, index=range(len(positions))), region)


def consent_values(cols: Mapping[str, Column], i: int, sms_from_email: bool) -> list[str | None]:
    def get(name: str) -> object:
        c = cols.get(name)
        return display(c.parsed[i]) if c is not None else None

    email, email_at = get("email_consent"), get("email_consent_at")
    if email is None:
        email = get("subscription_status")
    sms, sms_at = get("sms_consent"), get("sms_consent_at")
    if sms_from_email and sms is None:
        sms, sms_at = email, email_at
    return [email, email_at, sms, sms_at]


def content_key(normalized: Mapping[str, object]) -> str | None:
    values = [normalized.get(c) for c in IDENTITY_N]
    if not any(values):
        return None
    digest = hashlib.sha1("|".join(v or "" for v in values).encode("utf-8")).hexdigest()
    return "h:" + digest[:20]


def build_contact_rows(plan: ImportPlan, converter: Converter, units: list[Unit], suppression) -> Built:
    cols = converter.columns(units)
    n = len(units)
    frame = normalized_frame(cols, list(range(n)), plan.region)
    normalized = frame.to_dict("list")
    dropped = frozenset(plan.dropped_columns)
    key_field = next((f for f, c in plan.mapping.items() if c == plan.key_column), None) if plan.key_column else None
    email_keyed = key_field == "email"
    field_cols = [(name, col) for name, col in cols.items()]
    out = Built([], [], [], [])
    for i, unit in enumerate(units):
        nvals = [normalized[c][i] for c in N_COLUMNS]
        if suppression and suppression.hit(normalized["n_email_key"][i], (normalized["n_phone"][i],
                                                                          normalized["n_mobile"][i])):
            out.suppressed.append(i)
            continue
        key = None
        if key_field:
            parsed = cols[key_field].parsed[i]
            key = str(parsed) if parsed is not None else None
            if email_keyed and key is None:
                out.rejects.append((i, plan.key_column, "no valid email address (the key of this file)"))
                continue
        if key is None:
            key = content_key(dict(zip(N_COLUMNS, nvals)))
            if key is None:
                out.rejects.append((i, None, "nothing identifies a person on this row (no id, name, email, "
                                             "phone or address)"))
                continue
        fields = {name: display(col.parsed[i]) for name, col in field_cols if col.parsed[i] is not None}
        out.rows.append(RecordRow(key, unit.line, raw_json(unit, dropped), _JSON(fields), nvals,
                                  consent_values(cols, i, plan.sms_from_email_consent)))
        out.index.append(i)
    return out


def identity_fields(plan: ImportPlan) -> list[str]:
    """Mapped fields that describe the person on an event row (they go to its identity record)."""
    return [f for f in plan.mapping if f in IDENTITY_FIELDS or f in ("email_consent", "email_consent_at",
                                                                      "sms_consent", "sms_consent_at")]

