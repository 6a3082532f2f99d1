"""The auto-mapper: any layout no format recognises (Italian till and loyalty exports, hand-made
spreadsheets, FEBRL-style files) mapped from header names *and* what the values look like.

Confidence of column → field (0..1):
- header: 1.0 when the header equals a strong synonym (resources/header_synonyms.json), 0.7 for a
  weak one; a header that only *contains* a synonym scores 0.5–0.9 by how much of it the synonym
  covers ("Cognome cliente" → last_name 0.7), ×0.7 again when weak;
- values: the share of the sample that fits the field's type (emails, phones, dates…);
- combined: header × (0.55 + 0.45 × values), halved when values contradict the header (< 0.2);
  with no header evidence only unmistakable values count (emails, phones, codici fiscali).
Fields are assigned greedily by confidence, each field and column once; below 0.5 a column stays
unmapped (its values are still kept in the raw row).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from app.core.fields import FIELDS, FIELDS_BY_NAME
from app.core.importing.profile import ColumnProfile
from app.core.importing.registry import norm_header
from app.core.resources import load_json

MIN_CONFIDENCE = 0.5
# value-only evidence, for headers that say nothing ("Contatto", "Col3"): only unmistakable shapes
VALUE_ONLY = {"email": 0.75, "mobile": 0.0, "phone": 0.6, "codice_fiscale": 0.8}
REGISTRY_FIELDS = ("birth_date", "gender", "address", "street_number", "postcode", "city", "province", "country",
                   "email_consent", "sms_consent", "registered_at", "total_spent", "total_orders", "tags",
                   "home_store", "codice_fiscale", "company")
EVENT_WEIGHTS = {"amount": 1.5, "event_id": 1.0, "event_type": 1.0, "store": 0.5, "utm_source": 1.0,
                 "utm_medium": 0.5, "utm_campaign": 0.5, "visitor_id": 1.0, "product": 0.5, "sku": 0.5,
                 "quantity": 0.5, "campaign": 0.5, "order_status": 0.5}


@dataclass
class AutoMapping:
    mapping: dict[str, str]
    confidence: dict[str, float]
    kind: str
    kind_evidence: str
    header_matches: dict[str, str] = field(default_factory=dict)  # field -> synonym that matched


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    data = load_json("header_synonyms.json")["fields"]
    out = {}
    for name, entry in data.items():
        if name not in FIELDS_BY_NAME:
            raise ValueError(f"header_synonyms.json names an unknown field {name!r}")
        out[name] = (tuple(norm_header(s) for s in entry["strong"]), tuple(norm_header(s) for s in entry["weak"]))
    return out


def header_score(field_name: str, header: str) -> tuple[float, str | None]:
    """How plainly a header names a field (0..1) and the synonym that said so."""
    key = norm_header(header)
    if not key:
        return 0.0, None
    tokens = key.split()
    best: tuple[float, str | None] = (0.0, None)
    strong, weak = _synonyms().get(field_name, ((), ()))
    for synonyms, factor in ((strong, 1.0), (weak, 0.7)):
        for syn in synonyms:
            if key == syn:
                score = factor
            else:
                syn_tokens = syn.split()
                if len(syn) < 3 or not _contains(tokens, syn_tokens):
                    continue
                score = factor * (0.5 + 0.4 * len(syn_tokens) / len(tokens))
            if score > best[0]:
                best = (score, syn)
    return best


def _contains(tokens: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return any(tokens[i:i + n] == sub for i in range(len(tokens) - n + 1))


def value_fit(field_name: str, p: ColumnProfile) -> float | None:
    """Share of the sample that fits the field (None when the sample column is empty)."""
    if not p.filled:
        return None
    s = p.share
    ftype = FIELDS_BY_NAME[field_name].type
    text = max(0.0, 1.0 - 0.8 * max(s("email"), s("phone"), s("date"), s("amount")))
    fits = {
        "email": s("email"),
        "phone": s("phone"),
        "mobile": s("phone"),
        "birth_date": max(s("date"), 0.5 * s("excel_serial")),
        "event_date": max(s("date"), 0.5 * s("excel_serial")),
        "event_time": s("time"),
        "codice_fiscale": s("cf"),
        "first_name": s("name") * (0.6 + 0.4 * s("firstname")),
        "last_name": s("name") * (1.0 - 0.3 * s("firstname")),
        "full_name": s("name") * (0.5 + 0.5 * s("multiword")),
        "name_particle": s("name"),
        "gender": s("gender"),
        "postcode": s("postcode"),
        "street_number": s("street_number"),
        "address": s("address"),
        "address2": text,
        "city": s("name"),
        "province": s("province"),
        "country": max(s("country"), 0.5 * s("name")),
        "email_consent": max(s("consent"), s("bool")),
        "sms_consent": max(s("consent"), s("bool")),
        "subscription_status": s("consent"),
        "quantity": s("number"),
        "total_orders": s("number"),
    }
    if field_name in fits:
        return fits[field_name]
    if ftype == "id":
        return max(s("idlike"), 0.5 * text if p.unique else 0.0)
    if ftype == "datetime":
        return max(s("datetime"), s("date"))
    if ftype == "amount":
        return s("amount")
    return text


def field_names(kind: str) -> list[str]:
    return [f.name for f in FIELDS if (f.event if kind == "events" else f.contact)]


def map_columns(headers: list[str], profiles: Mapping[str, ColumnProfile], kind: str) -> AutoMapping:
    """The best mapping of these columns for a kind (contacts | events)."""
    options: list[tuple[float, str, str, str | None]] = []
    for name in field_names(kind):
        for h in headers:
            if h.startswith("_"):
                continue
            hs, syn = header_score(name, h)
            fit = value_fit(name, profiles[h]) if h in profiles else None
            if hs > 0:
                conf = hs * (0.55 + 0.45 * fit) if fit is not None else hs * 0.8
                if fit is not None and fit < 0.2:
                    conf *= 0.5
            elif fit is not None and VALUE_ONLY.get(name):
                conf = VALUE_ONLY[name] * fit
            else:
                continue
            if conf >= MIN_CONFIDENCE:
                options.append((conf, name, h, syn))
    options.sort(key=lambda o: (-o[0], headers.index(o[2])))
    mapping: dict[str, str] = {}
    confidence: dict[str, float] = {}
    matches: dict[str, str] = {}
    used: set[str] = set()
    for conf, name, h, syn in options:
        if name in mapping or h in used:
            continue
        mapping[name], confidence[name] = h, round(conf, 2)
        if syn:
            matches[name] = syn
        used.add(h)
    return AutoMapping(mapping, confidence, kind, "", matches)


def decide_kind(headers: list[str], profiles: Mapping[str, ColumnProfile]) -> tuple[AutoMapping, float, float]:
    """Map as contacts and as events; a file with a time and event-like columns and no registry-like
    columns holds events. Returns the chosen mapping and the two scores."""
    contacts = map_columns(headers, profiles, "contacts")
    events = map_columns(headers, profiles, "events")
    has_time = any(f in events.mapping for f in ("occurred_at", "event_date"))
    ev = sum(w for f, w in EVENT_WEIGHTS.items() if f in events.mapping) if has_time else 0.0
    if has_time:
        ev += 1.0
    reg = sum(1.0 for f in REGISTRY_FIELDS if f in contacts.mapping)
    reg += 0.5 * sum(1 for f in ("first_name", "last_name", "full_name") if f in contacts.mapping)
    chosen = events if has_time and ev >= 2.5 and ev > reg else contacts
    chosen.kind_evidence = (f"events score {ev:.1f} (a date/time column plus amounts, ids, stores, UTM…) "
                            f"vs contacts score {reg:.1f} (names, addresses, birth dates, consent…)")
    return chosen, ev, reg
