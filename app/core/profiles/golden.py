"""Golden records: one value per field chosen by a survivorship rule, every alternative kept.

For each field the candidates are the member records' values. A rule orders them (ties broken by
the next criteria, so the result never depends on row order):

* ``source_priority`` — the most trusted source (see survivorship.py), then the most recent;
* ``most_recent`` — the record its source asserted last (``Member.as_of``), then source trust;
* ``most_frequent`` — the value most records agree on, then source trust, then recency;
* ``most_complete`` — the most informative value (a whole birth date beats a year, a longer text a
  shorter one, a group with more parts one with fewer), then trust.

Names and the address are groups: one record gives their parts, and a record holding the whole
group (first *and* last name; a street) is preferred to one holding a part. A part the chosen
record lacks comes from the next record that agrees with it on every part both have (the province
of the same street and town from the shop, when the till left it blank). A surname typed in the
first-name box and a first name in the surname box are put back when the name tables say so. Emails and
phones are lists with one primary: the first under the rule, except that an address an email tool
reported as bouncing ("cleaned") goes last and a mobile comes before a landline (SMS needs one).

The golden JSON (``profiles.golden``)::

    {"fields": {field: {"value", "source", "ref", "at", "rule", "values": [{"value", "sources",
                "refs", "at", "count"}, …]}},   # winner first
     "emails": [{"value", "primary", "source", "sources", "refs", "at", "cleaned"}],
     "phones": [{"value", "primary", "source", "sources", "refs", "at", "mobile"}],
     "tags": [{"value", "sources"}]}

It holds no clock time, so recomputing an unchanged profile gives the same text (refresh writes,
and bumps ``updated_at``, only when something changed).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import orjson

from app.core.normalize import (
    city_key,
    first_name_info,
    name_key,
    phone_type,
    split_full_name,
)
from app.core.normalize.gazetteer import surnames
from app.core.profiles.members import Member, iso_ts
from app.core.profiles.survivorship import GROUPS, Survivorship

SUMMARY = ("display_name", "email", "phone", "city", "sources", "n_records", "first_activity", "last_activity",
           "golden")

# (value parts, key parts) of a record for a field; None when the record says nothing about it
Parts = tuple[tuple[str | None, ...], tuple[str | None, ...]]


@lru_cache(maxsize=1 << 16)
def _is_mobile(e164: str) -> bool:
    if e164.startswith("+39"):  # Italian mobiles start with 3, landlines with 0: no parsing needed
        return e164[3:4] == "3"
    return phone_type(e164) == "mobile"


@lru_cache(maxsize=1 << 16)
def _split(full: str) -> tuple[str | None, str | None]:
    return split_full_name(full)


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = (value if value.__class__ is str else str(value)).strip()
    return text or None


def _fold(text: str | None) -> str | None:
    return " ".join(text.casefold().split()) if text else None


# Pure functions of one string, called for the same few thousand names and towns over and over
_name_key = lru_cache(maxsize=1 << 16)(name_key)
_city_key = lru_cache(maxsize=1 << 16)(city_key)


# -- what each record says about each field -------------------------------------------------------
@lru_cache(maxsize=1 << 16)
def _typed_backwards(first_key: str, last_key: str) -> bool:
    """A surname in the first-name box and a first name in the surname box (`Mancini` / `Carmela`)."""
    known_first, known_last = first_name_info(first_key)[0], first_key in surnames()
    return (not known_first and known_last and first_name_info(last_key)[0] and last_key not in surnames())


def _name(m: Member) -> Parts | None:
    f = m.fields
    first, last = _text(f.get("first_name")), _text(f.get("last_name"))
    if not first and not last:
        full = _text(f.get("full_name"))
        if full:
            first, last = _split(full)
        if not first and not last:
            return None
    keys = _name_key(first), _name_key(last)
    if keys[0] and keys[1] and _typed_backwards(*keys):
        return (last, first), (keys[1], keys[0])
    return (first, last), keys


def _address_value(m: Member) -> tuple[str | None, ...] | None:
    f = m.fields
    street, number, extra = _text(f.get("address")), _text(f.get("street_number")), _text(f.get("address2"))
    if street and number and number.casefold() not in street.casefold().split():
        street = f"{street} {number}"
    if street and extra:
        street = f"{street}, {extra}"
    city = _text(f.get("city"))
    postcode = m.n_postcode or _text(f.get("postcode"))
    if not (street or city or postcode):
        return None
    return street, postcode, city, m.n_province or _text(f.get("province")), m.n_country


def _address_key(value: tuple[str | None, ...]) -> tuple[str | None, ...]:
    street, postcode, city, province, country = value
    return _fold(street), postcode, _city_key(city) if city else None, province, country


def _address(m: Member) -> Parts | None:
    value = _address_value(m)
    return None if value is None else (value, _address_key(value))


def _single(get: Callable[[Member], str | None]) -> Callable[[Member], Parts | None]:
    def parts(m: Member) -> Parts | None:
        v = get(m)
        return ((v,), (_fold(v),)) if v else None
    return parts


def _company(m: Member) -> str | None:
    return _text(m.fields.get("company"))


EXTRACT: dict[str, Callable[[Member], Parts | None]] = {
    "name": _name,
    "address": _address,
    "birth_date": _single(lambda m: m.n_birth),
    "gender": _single(lambda m: m.n_gender),
    "company": _single(_company),
}
PARTS = {"name": GROUPS["name"], "address": GROUPS["address"], "birth_date": ("birth_date",),
         "gender": ("gender",), "company": ("company",)}
ESSENTIAL = {"name": (0, 1), "address": (0,)}  # parts a group needs to be whole (address: the street)
OVERLAP = {"address"}  # groups whose missing parts are filled only from a record sharing another part


def _completeness(field: str, value: tuple[str | None, ...]) -> int:
    if field == "birth_date":  # YYYY-MM-DD > --MM-DD > YYYY
        v = value[0] or ""
        return 3 if len(v) == 10 else 2 if v.startswith("--") else 1
    if len(value) == 1:  # a text: the longest says most
        return len("".join((value[0] or "").split()))
    return sum(1 for v in value if v)  # a group: the most parts


# -- ordering -------------------------------------------------------------------------------------
def _order(rule: str, rank: int, at: float, completeness: int, count: int) -> tuple:
    """Sort key (smaller first) of a candidate under ``rule``; later criteria break ties."""
    if rule == "source_priority":
        return rank, -at, -completeness
    if rule == "most_recent":
        return -at, rank, -completeness
    if rule == "most_frequent":
        return -count, rank, -at
    return -completeness, rank, -at  # most_complete


def _only(part_names: tuple[str, ...], value: tuple, rule: str, m: Member, ref: str, out: dict) -> None:
    """The entries of a field only one record gives: nothing to weigh."""
    source, at = m.source, m.as_of
    for part, v in zip(part_names, value):
        if v is not None:
            out[part] = {"value": v, "source": source, "ref": ref, "at": at, "rule": rule,
                         "values": [{"value": v, "sources": [source], "refs": [ref], "at": at, "count": 1}]}


def _field(field: str, rule: str, cands: list[tuple], out: dict) -> None:
    """Add the entries of ``field`` to ``out``. ``cands``: (value, key, member, rank, ref) of each record
    that says something about it, in record order."""
    if len(cands) == 1:  # most profiles: one record says it, nothing to weigh
        value, _, m, _, ref = cands[0]
        _only(PARTS[field], value, rule, m, ref, out)
        return
    counts: dict[tuple, int] = {}
    for c in cands:
        counts[c[1]] = counts.get(c[1], 0) + 1
    essential = ESSENTIAL.get(field, ())
    keyed = []
    for c in cands:  # whole groups first, then the rule's order, the record id last
        value, key, m, rank, _ = c
        whole = 0 if all(value[i] for i in essential) else 1
        keyed.append(((whole, *_order(rule, rank, m.at, _completeness(field, value), counts[key]), m.record_id), c))
    keyed.sort(key=lambda kc: kc[0])
    cands = [c for _, c in keyed]
    best_value, best_key, best, _, best_ref = cands[0]
    for i, part in enumerate(PARTS[field]):
        if best_value[i] is not None:
            source, value, ref = best, best_value[i], best_ref
        else:
            filler = _filler(field, i, best_key, cands)
            if filler is None:
                continue
            value, _, source, _, ref = filler
            value = value[i]
        values: dict[str | None, dict] = {}
        for v_parts, key, m, _, m_ref in cands:  # in rule order: the first spelling of a value is its best
            v = v_parts[i]
            if v is None:
                continue
            entry = values.get(key[i])
            if entry is None:
                values[key[i]] = {"value": v, "sources": [m.source], "refs": [m_ref], "at": m.as_of, "count": 1}
            else:
                entry["count"] += 1
                if m.as_of > entry["at"]:
                    entry["at"] = m.as_of
                entry["refs"].append(m_ref)
                if m.source not in entry["sources"]:
                    entry["sources"].append(m.source)
        out[part] = {"value": value, "source": source.source, "ref": ref, "at": source.as_of, "rule": rule,
                     "values": list(values.values())}


def _filler(field: str, i: int, best_key: tuple, cands: list) -> tuple | None:
    """The first candidate (in rule order) with part ``i`` that agrees with the winner wherever both
    have a value (an address must share at least one part: a CAP from another street is no fill)."""
    for c in cands[1:]:
        value, key = c[0], c[1]
        if value[i] is None:
            continue
        shared = [j for j in range(len(key)) if j != i and key[j] is not None and best_key[j] is not None]
        if all(key[j] == best_key[j] for j in shared) and (shared or field not in OVERLAP):
            return c
    return None


def _phones_of_one(m: Member, ref: str) -> list[dict]:
    """What ``_contacts`` gives for one record: its mobile, then its other number (the mobile kept first
    unless the other is a mobile too and sorts first), the same number twice listed once with two refs."""
    mobile, phone, source, at = m.n_mobile, m.n_phone, m.source, m.as_of
    out = []
    if mobile:
        out.append({"value": mobile, "primary": False, "source": source, "sources": [source],
                    "refs": [ref, ref] if phone == mobile else [ref], "at": at, "mobile": True})
    if phone and phone != mobile:
        entry = {"value": phone, "primary": False, "source": source, "sources": [source], "refs": [ref],
                 "at": at, "mobile": _is_mobile(phone)}
        if mobile and entry["mobile"] and phone < mobile:
            out.insert(0, entry)
        else:
            out.append(entry)
    if out:
        out[0]["primary"] = True
    return out


def _contacts(kind: str, rule: str, members: list[tuple]) -> list[dict]:
    """Emails or phones. ``members``: (member, rank, ref) in record order."""
    groups: dict[str, dict] = {}
    email = kind == "email"
    for info in members:
        m, rank = info[0], info[1]
        if email:
            if not m.n_email:
                continue
            found = ((m.n_email_key or m.n_email, m.n_email),)
        else:
            found = [(p, p) for p in (m.n_mobile, m.n_phone) if p]
        for key, value in found:
            g = groups.get(key)
            if g is None:
                g = groups[key] = {"value": value, "best": info, "members": []}
            g["members"].append(info)
            best = g["best"]
            if (m.at, -rank) > (best[0].at, -best[1]):
                g["best"], g["value"] = info, value  # the latest spelling of an address
            if not email and m.n_mobile == value:
                g["mobile"] = True
    out = []
    for g in groups.values():
        ms = g["members"]
        best = min(ms, key=lambda i: (i[1], -i[0].at))
        entry = {"value": g["value"], "primary": False, "source": g["best"][0].source,
                 "sources": sorted({i[0].source for i in ms}), "refs": [i[2] for i in ms],
                 "at": max(i[0].as_of for i in ms)}
        if email:
            entry["cleaned"] = demote = any(i[0].email_consent == "cleaned" for i in ms)
        else:
            entry["mobile"] = bool(g.get("mobile")) or _is_mobile(g["value"])
            demote = not entry["mobile"]
        out.append(((demote, *_order(rule, best[1], max(i[0].at for i in ms), 1, len(ms)), g["value"]), entry))
    out.sort(key=lambda ke: ke[0])  # stable on equal keys, as before
    if out:
        out[0][1]["primary"] = True
    return [entry for _, entry in out]


def _tags(members: list[Member]) -> list[dict]:
    found: dict[str, dict] = {}
    for m in members:
        raw = m.fields.get("tags")
        if not raw:
            continue
        for tag in str(raw).split(","):
            tag = tag.strip().strip('"').strip()
            if not tag:
                continue
            entry = found.setdefault(tag.casefold(), {"value": tag, "sources": []})
            if m.source not in entry["sources"]:
                entry["sources"].append(m.source)
    return sorted(found.values(), key=lambda t: t["value"].casefold())


def _golden_of_one(m: Member, rules: dict[str, str]) -> dict:
    """``compute_golden`` of a profile of one record (most profiles): no candidates to weigh or group."""
    ref = m.ref
    fields: dict[str, dict] = {}
    name = _name(m)
    if name is not None:
        _only(GROUPS["name"], name[0], rules["name"], m, ref, fields)
    address = _address_value(m)
    if address is not None:
        _only(GROUPS["address"], address, rules["address"], m, ref, fields)
    for part, v in (("birth_date", m.n_birth), ("gender", m.n_gender), ("company", _company(m))):
        if v:
            _only((part,), (v,), rules[part], m, ref, fields)
    emails = []
    if m.n_email:
        emails.append({"value": m.n_email, "primary": True, "source": m.source, "sources": [m.source],
                       "refs": [ref], "at": m.as_of, "cleaned": m.email_consent == "cleaned"})
    return {"fields": fields, "emails": emails, "phones": _phones_of_one(m, ref),
            "tags": _tags([m]) if m.fields.get("tags") else []}


def compute_golden(members: list[Member], ranks: dict[str, int], settings: Survivorship) -> dict:
    """The golden record of one profile (a pure function of its members, the ranks and rules)."""
    rules = settings.rules
    if len(members) == 1:
        return _golden_of_one(members[0], rules)
    return _golden_of_many(members, ranks, rules)


def _golden_of_many(members: list[Member], ranks: dict[str, int], rules: dict[str, str]) -> dict:
    infos = [(m, ranks.get(m.source, 99), m.ref) for m in members]
    fields: dict[str, dict] = {}
    for field, extract in EXTRACT.items():
        cands = []
        for m, rank, ref in infos:
            parts = extract(m)
            if parts is not None:
                cands.append((parts[0], parts[1], m, rank, ref))
        if cands:
            _field(field, rules[field], cands, fields)
    return {"fields": fields, "emails": _contacts("email", rules["email"], infos),
            "phones": _contacts("phone", rules["phone"], infos), "tags": _tags(members)}


def golden_value(golden: dict, field: str) -> str | None:
    entry = golden.get("fields", {}).get(field)
    return entry["value"] if entry else None


def summary_row(golden: dict, members: list[Member]) -> tuple:
    """The profiles columns in SUMMARY order (golden as JSON text)."""
    fields = golden["fields"]
    first, last, company, city = (fields.get("first_name"), fields.get("last_name"), fields.get("company"),
                                  fields.get("city"))
    name = " ".join(e["value"] for e in (first, last) if e and e["value"])
    email = golden["emails"][0]["value"] if golden["emails"] else None
    phone = golden["phones"][0]["value"] if golden["phones"] else None
    if len(members) == 1:
        m = members[0]
        sources, first_ts, last_ts = m.source, m.first_ts, m.last_ts
    else:
        sources = ",".join(sorted({m.source for m in members}))
        firsts = [m.first_ts for m in members if m.first_ts is not None]
        lasts = [m.last_ts for m in members if m.last_ts is not None]
        first_ts, last_ts = min(firsts, default=None), max(lasts, default=None)
    return (name or (company["value"] if company else None) or email, email, phone, city["value"] if city else None,
            sources, len(members), iso_ts(first_ts), iso_ts(last_ts), orjson.dumps(golden).decode("utf-8"))


