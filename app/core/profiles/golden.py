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

from collections.abc import Callable, Collection, Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import orjson

from app.core import messages
from app.core.jobs import Progress
from app.core.matching.store import temp_ids
from app.core.normalize import (
    city_key,
    first_name_info,
    name_key,
    phone_type,
    split_full_name,
)
from app.core.normalize.gazetteer import surnames
from app.core.profiles.members import Member, all_activity, iso_ts, load_members
from app.core.profiles.survivorship import (
    GROUPS,
    Survivorship,
    get_survivorship,
    save_survivorship,
    source_ranks,
)
from app.core.workspace import Workspace, utcnow

SUMMARY = ("display_name", "email", "phone", "city", "sources", "n_records", "first_activity", "last_activity",
           "golden")
BATCH = 5_000  # profiles per read/compute/write round (bounded memory; small enough to overlap well)
MANY = 20_000  # from this many profiles, one pass over all events beats reading each batch's

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
    text = str(value).strip()
    return text or None


def _fold(text: str | None) -> str | None:
    return " ".join(text.casefold().split()) if text else None


# -- what each record says about each field -------------------------------------------------------
@lru_cache(maxsize=1 << 16)
def _typed_backwards(first_key: str, last_key: str) -> bool:
    """A surname in the first-name box and a first name in the surname box (`Mancini` / `Carmela`)."""
    known_first, known_last = first_name_info(first_key)[0], first_key in surnames()
    return (not known_first and known_last and first_name_info(last_key)[0] and last_key not in surnames())


def _name(m: Member) -> Parts | None:
    f = m.fields
    first, last = _text(f.get("first_name")), _text(f.get("last_name"))
    if not first and not last and _text(f.get("full_name")):
        first, last = _split(_text(f.get("full_name")))
    if not first and not last:
        return None
    keys = name_key(first), name_key(last)
    if keys[0] and keys[1] and _typed_backwards(*keys):
        return (last, first), (keys[1], keys[0])
    return (first, last), keys


def _address(m: Member) -> Parts | None:
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
    province = m.n_province or _text(f.get("province"))
    value = (street, postcode, city, province, m.n_country)
    return value, (_fold(street), postcode, city_key(city) if city else None, province, m.n_country)


def _single(get: Callable[[Member], str | None]) -> Callable[[Member], Parts | None]:
    def parts(m: Member) -> Parts | None:
        v = get(m)
        return ((v,), (_fold(v),)) if v else None
    return parts


EXTRACT: dict[str, Callable[[Member], Parts | None]] = {
    "name": _name,
    "address": _address,
    "birth_date": _single(lambda m: m.n_birth),
    "gender": _single(lambda m: m.n_gender),
    "company": _single(lambda m: _text(m.fields.get("company"))),
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


def _field(field: str, rule: str, members: list[Member], ranks: dict[str, int]) -> dict | None:
    extract = EXTRACT[field]
    cands = []
    for m in members:
        parts = extract(m)
        if parts is not None:
            cands.append((parts[0], parts[1], m))
    if not cands:
        return None
    if len(cands) == 1:  # most profiles: one record says it, nothing to weigh
        value, _, m = cands[0]
        return {part: {"value": value[i], "source": m.source, "ref": m.ref, "at": m.as_of, "rule": rule,
                       "values": [{"value": value[i], "sources": [m.source], "refs": [m.ref], "at": m.as_of,
                                   "count": 1}]}
                for i, part in enumerate(PARTS[field]) if value[i] is not None}
    counts: dict[tuple, int] = {}
    for _, key, _ in cands:
        counts[key] = counts.get(key, 0) + 1
    essential = ESSENTIAL.get(field, ())

    def order(c: tuple) -> tuple:
        value, key, m = c
        whole = 0 if all(value[i] for i in essential) else 1
        return (whole, *_order(rule, ranks.get(m.source, 99), m.at, _completeness(field, value),
                                counts[key]), m.record_id)

    cands.sort(key=order)
    best_value, best_key, best = cands[0]
    out = {}
    for i, part in enumerate(PARTS[field]):
        source = best if best_value[i] is not None else _filler(field, i, best_key, cands)
        if source is None:
            continue
        values: dict[str | None, dict] = {}
        for value, key, m in cands:  # already in rule order: the first spelling of a value is its best
            if value[i] is None:
                continue
            v = values.get(key[i])
            if v is None:
                values[key[i]] = {"value": value[i], "sources": [m.source], "refs": [m.ref], "at": m.as_of,
                                  "count": 1}
            else:
                v["count"] += 1
                v["at"] = max(v["at"], m.as_of)
                v["refs"].append(m.ref)
                if m.source not in v["sources"]:
                    v["sources"].append(m.source)
        value = best_value[i] if source is best else next(v for v, _, m in cands if m is source)[i]
        out[part] = {"value": value, "source": source.source, "ref": source.ref, "at": source.as_of, "rule": rule,
                     "values": list(values.values())}
    return out


def _filler(field: str, i: int, best_key: tuple, cands: list) -> Member | None:
    """The first candidate (in rule order) with part ``i`` that agrees with the winner wherever both
    have a value (an address must share at least one part: a CAP from another street is no fill)."""
    for value, key, m in cands[1:]:
        if value[i] is None:
            continue
        shared = [j for j in range(len(key)) if j != i and key[j] is not None and best_key[j] is not None]
        if all(key[j] == best_key[j] for j in shared) and (shared or field not in OVERLAP):
            return m
    return None


def _contacts(kind: str, rule: str, members: list[Member], ranks: dict[str, int]) -> list[dict]:
    groups: dict[str, dict] = {}
    for m in members:
        if kind == "email":
            found = [(m.n_email_key or m.n_email, m.n_email)] if m.n_email else []
        else:
            found = [(p, p) for p in (m.n_mobile, m.n_phone) if p]
        for key, value in found:
            g = groups.get(key)
            if g is None:
                g = groups[key] = {"value": value, "best": m, "members": []}
            g["members"].append(m)
            if (m.at, -ranks.get(m.source, 99)) > (g["best"].at, -ranks.get(g["best"].source, 99)):
                g["best"], g["value"] = m, value  # the latest spelling of an address
            if kind == "phone" and m.n_mobile == value:
                g["mobile"] = True
    out = []
    for g in groups.values():
        ms = g["members"]
        best = min(ms, key=lambda m: (ranks.get(m.source, 99), -m.at))
        at = max(m.as_of for m in ms)
        entry = {"value": g["value"], "primary": False, "source": g["best"].source,
                 "sources": sorted({m.source for m in ms}), "refs": [m.ref for m in ms], "at": at}
        if kind == "email":
            entry["cleaned"] = any(m.email_consent == "cleaned" for m in ms)
            demote = entry["cleaned"]
        else:
            entry["mobile"] = bool(g.get("mobile")) or _is_mobile(g["value"])
            demote = not entry["mobile"]
        entry["_key"] = (demote, *_order(rule, ranks.get(best.source, 99), max(m.at for m in ms), 1, len(ms)),
                         g["value"])
        out.append(entry)
    out.sort(key=lambda e: e.pop("_key"))
    if out:
        out[0]["primary"] = True
    return out


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


def compute_golden(members: list[Member], ranks: dict[str, int], settings: Survivorship) -> dict:
    """The golden record of one profile (a pure function of its members, the ranks and rules)."""
    fields: dict[str, dict] = {}
    for field in EXTRACT:
        chosen = _field(field, settings.rules[field], members, ranks)
        if chosen:
            fields.update(chosen)
    return {"fields": fields, "emails": _contacts("email", settings.rules["email"], members, ranks),
            "phones": _contacts("phone", settings.rules["phone"], members, ranks), "tags": _tags(members)}


def golden_value(golden: dict, field: str) -> str | None:
    entry = golden.get("fields", {}).get(field)
    return entry["value"] if entry else None


def summary_row(golden: dict, members: list[Member]) -> tuple:
    """The profiles columns in SUMMARY order (golden as JSON text)."""
    name = " ".join(v for v in (golden_value(golden, "first_name"), golden_value(golden, "last_name")) if v)
    email = golden["emails"][0]["value"] if golden["emails"] else None
    phone = golden["phones"][0]["value"] if golden["phones"] else None
    firsts = [m.first_ts for m in members if m.first_ts is not None]
    lasts = [m.last_ts for m in members if m.last_ts is not None]
    return (name or golden_value(golden, "company") or email, email, phone, golden_value(golden, "city"),
            ",".join(sorted({m.source for m in members})), len(members),
            iso_ts(min(firsts)) if firsts else None, iso_ts(max(lasts)) if lasts else None,
            orjson.dumps(golden).decode("utf-8"))


def refresh_profiles(ws: Workspace, profile_ids: Iterable[int], *, stamp: bool = True,
                     progress: Progress | None = None, new: Collection[int] = ()) -> int:
    """Recompute the golden record and summary columns of these profiles; write those that changed.

    ``stamp=False`` leaves ``updated_at`` alone (undo/redo restore it themselves). ``new``: profiles
    whose rows do not exist yet (their memberships were written with the foreign keys deferred):
    each is inserted whole, once — a row inserted bare and then grown to its golden record costs
    the table twice the pages. Returns how many profiles were rewritten. Batches run as a pipeline of two: a worker thread reads batch k+1 and
    writes batch k-1 (SQLite releases the GIL while it works) while this thread computes batch k;
    only the worker touches the connection until the end.
    """
    ids = sorted({int(i) for i in profile_ids})
    if not ids:
        return 0
    settings = get_survivorship(ws)
    ranks = source_ranks(ws, settings)
    now = utcnow()
    cols = ", ".join(SUMMARY)
    sets = ", ".join(c + " = ?" for c in SUMMARY)
    activity = all_activity(ws) if len(ids) > MANY else None
    chunks = [ids[start:start + BATCH] for start in range(0, len(ids), BATCH)]

    def read(chunk: list[int]) -> tuple[dict[int, list[Member]], dict[int, tuple]]:
        members = load_members(ws, chunk, activity)
        with temp_ids(ws, chunk, "_golden_pids") as t:
            current = {r[0]: tuple(r[1:]) for r in ws.execute(
                f"SELECT p.id, {cols} FROM {t} t CROSS JOIN profiles p ON p.id = t.id")}
        return members, current

    def write(rows: list[tuple], created: list[tuple]) -> None:
        ws.conn.executemany(f"INSERT INTO profiles({cols}, created_at, updated_at, id) VALUES "
                            f"({', '.join('?' * len(SUMMARY))}, ?, ?, ?)", ((*r[:-1], now, now, r[-1]) for r in created))
        if stamp:
            ws.conn.executemany(f"UPDATE profiles SET {sets}, updated_at = ? WHERE id = ?",
                                ((*r[:-1], now, r[-1]) for r in rows))
        else:
            ws.conn.executemany(f"UPDATE profiles SET {sets} WHERE id = ?", rows)

    written = 0
    with ThreadPoolExecutor(1, thread_name_prefix="unico-golden") as pool:
        pending = pool.submit(read, chunks[0])
        writes = []
        for k, chunk in enumerate(chunks):
            if progress is not None:
                progress.update(k * BATCH / len(ids), messages.text("progress.golden_records", done=k * BATCH,
                                                                     total=len(ids)))
            members, current = pending.result()
            if k + 1 < len(chunks):
                pending = pool.submit(read, chunks[k + 1])
            rows, created = [], []
            for pid in chunk:
                ms = members.get(pid)
                if not ms or (pid not in current and pid not in new):
                    continue
                row = summary_row(compute_golden(ms, ranks, settings), ms)
                if pid not in current:
                    created.append((*row, pid))
                elif row != current[pid]:
                    rows.append((*row, pid))
            del members
            writes.append(pool.submit(write, rows, created))
            written += len(rows) + len(created)
        for w in writes:
            w.result()
    return written


def refresh_all(ws: Workspace, progress: Progress | None = None, *, settings: Survivorship | None = None) -> int:
    """Every profile; with ``settings``, store them first (one transaction: new rules, new records)."""
    with ws.atomic():
        if settings is not None:
            save_survivorship(ws, settings)
        ids = [r[0] for r in ws.query("SELECT id FROM profiles")]
        return refresh_profiles(ws, ids, progress=progress)
