"""Contact files → person records. Also builds the identity records of event files (events.py).

Rules for a contact row:
- key (``source_record_id``): the key column's value; for a file keyed by email, the address as
  written (trimmed), when it is a valid one. A row whose key cell is empty gets a content key
  ``h:<sha1 of its normalised identity values>`` (stable across re-imports while those values are).
- rejected: a row nothing identifies (no key, no name, email, phone, id or address); a row of an
  email-keyed file (Mailchimp, Brevo…) without a valid address; a second row with the same key.
- kept with a warning count: invalid emails/phones, unreadable birth or consent dates (the raw
  cell stays in ``raw``; the canonical value is left empty).
- skipped (counted as ``suppressed``): rows whose email or phone is on the suppression list.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.core import messages
from app.core.fields import IDENTITY_FIELDS
from app.core.importing.convert import UNCACHED, Column, Converter, Unit, parser_kind, to_json
from app.core.importing.plan import ImportPlan
from app.core.importing.store_records import RecordRow
from app.core.normalize import N_COLUMNS

NORMALIZER_INPUTS = ("first_name", "last_name", "full_name", "name_particle", "email", "phone", "mobile",
                     "birth_date", "gender", "codice_fiscale", "address", "address2", "street_number", "postcode",
                     "city", "province", "country", "national_id", "loyalty_card", "customer_id")
IDENTITY_N = tuple(c for c in N_COLUMNS if c != "n_full")


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
        else:  # a copy less the few dropped keys: same order as filtering, at C speed
            raw = raw.copy()
            for k in dropped:
                raw.pop(k, None)
    return to_json(raw)


def normalized_rows(converter: Converter, cols: Mapping[str, Column], n: int) -> list[tuple]:
    """The batch's N_COLUMNS, one tuple per row (the converter's normaliser remembers across batches)."""
    data: dict[str, list] = {}
    for name in NORMALIZER_INPUTS:
        col = cols.get(name)
        if col is None:
            continue
        # birth dates parsed with the column's own day/month order; ids without "nobody" values
        data[name] = col.parsed if name == "birth_date" or parser_kind(name) == "id" else col.cleaned
    return converter.normalizer.rows(data, n)


def fields_json(cols: Mapping[str, Column], n: int) -> list[str]:
    """Each row's ``fields``: ``to_json({field: shown value})`` without the empty ones, joined from
    per-column ``"field":value`` pieces (cached per distinct text value) instead of a dict per row."""
    pieces: list[list[str]] = []
    for name, col in cols.items():
        prefix = to_json(name) + ":"
        shown = col.shown
        kind = parser_kind(name)
        # numbers: 1 == 1.0 == True would share a cache entry; ids, emails, phones: unique, nothing to share
        if kind == "amount" or kind in UNCACHED:
            pieces.append(["" if v is None else prefix + to_json(v) for v in shown])
            continue
        cache: dict[object, str] = {}

        def piece(v: object, prefix: str = prefix, cache: dict = cache) -> str:
            text = cache[v] = prefix + to_json(v)
            return text

        get = cache.get
        pieces.append(["" if v is None else get(v) or piece(v) for v in shown])
    if not pieces:
        return ["{}"] * n
    return ["{" + ",".join(filter(None, row)) + "}" for row in zip(*pieces)]


def consent_lists(cols: Mapping[str, Column], n: int, sms_from_email: bool) -> list[list]:
    """The four consent columns of a batch (email_consent, _at, sms_consent, _at)."""
    none = [None] * n

    def get(name: str) -> list:
        c = cols.get(name)
        return c.shown if c is not None else none

    email, email_at = get("email_consent"), get("email_consent_at")
    if "email_consent" not in cols:
        email = get("subscription_status")
    sms, sms_at = get("sms_consent"), get("sms_consent_at")
    if sms_from_email and "sms_consent" not in cols:
        sms, sms_at = email, email_at
    return [email, email_at, sms, sms_at]


_IDENTITY_POS = [N_COLUMNS.index(c) for c in IDENTITY_N]


def content_key(nvals: Sequence[str | None]) -> str | None:
    """``h:<sha1>`` of the normalised identity values (N_COLUMNS order), None when all are empty."""
    values = [nvals[i] or "" for i in _IDENTITY_POS]
    if not any(values):
        return None
    return "h:" + hashlib.sha1("|".join(values).encode("utf-8")).hexdigest()[:20]


def build_contact_rows(plan: ImportPlan, converter: Converter, units: list[Unit], suppression) -> Built:
    cols = converter.columns(units)
    n = len(units)
    nrows = normalized_rows(converter, cols, n)
    converter.fill_from_normalized(cols, nrows, units)
    dropped = frozenset(plan.dropped_columns)
    key_field = next((f for f, c in plan.mapping.items() if c == plan.key_column), None) if plan.key_column else None
    email_keyed = key_field == "email"
    # an email key is the address as written (trimmed) when it is valid: what the tool itself shows
    keys = ([c if p is not None else None for c, p in zip(cols["email"].cleaned, cols["email"].parsed)]
            if email_keyed else cols[key_field].parsed if key_field else None)
    fields = fields_json(cols, n)
    consents = list(zip(*consent_lists(cols, n, plan.sms_from_email_consent)))
    i_email, i_phone, i_mobile = (N_COLUMNS.index(c) for c in ("n_email_key", "n_phone", "n_mobile"))
    check = bool(suppression)
    out = Built([], [], [], [])
    for i, unit in enumerate(units):
        nvals = nrows[i]
        if check and suppression.hit(nvals[i_email], (nvals[i_phone], nvals[i_mobile])):
            out.suppressed.append(i)
            continue
        key = keys[i] if keys is not None else None
        if key is None and email_keyed:
            out.rejects.append((i, plan.key_column, messages.text("reject.no_email_key")))
            continue
        if key is None:
            key = content_key(nvals)
            if key is None:
                out.rejects.append((i, None, messages.text("reject.nobody")))
                continue
        out.rows.append(RecordRow(str(key), unit.line, raw_json(unit, dropped), fields[i], nvals, consents[i]))
        out.index.append(i)
    return out


def identity_fields(plan: ImportPlan) -> list[str]:
    """Mapped fields that describe the person on an event row (they go to its identity record)."""
    return [f for f in plan.mapping if f in IDENTITY_FIELDS or f in ("email_consent", "email_consent_at",
                                                                      "sms_consent", "sms_consent_at")]

