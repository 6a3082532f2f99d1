"""A steward's manual edits of profiles: merge two profiles, take one record out of its profile.

Both are decisions on the matcher's constraint model (see matching/clustering.py) and then a local
recluster, so they hold through re-imports, re-matching and ``--rebuild``:

* **merge** — a must-link between one record of each profile. A cannot-link between their members
  (an earlier reject or unmerge) would block it, so the merge also records a ``merge`` decision on
  each such pair: the latest decision on a pair is the one in force, and the steward has now said
  these are one person. All of it is one step (one group id) for undo.
* **unmerge** — cannot-links between the record and every other member (``apart_from``). The
  record leaves with a new profile id; the profile keeps its id. Members that were held together
  only through that record part too (the machine never decided they are one person).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import orjson

from app.core import messages
from app.core.errors import UsageError
from app.core.matching import recluster
from app.core.matching.store import (
    load_constraints,
    load_memberships,
    profile_members,
    record_id,
    refs_of,
)
from app.core.profiles import journal
from app.core.profiles.refresh import refresh_profiles
from app.core.workspace import Workspace, utcnow

_INSERT = ("INSERT INTO decisions(ts, kind, actor, a_ref, b_ref, reason, evidence, probability, payload, group_id) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


@dataclass
class EditResult:
    decision_id: int
    kind: str  # merge | unmerge
    profile_id: int  # merge: the profile now holding both; unmerge: the record's new profile
    profiles: list[int] = field(default_factory=list)  # every profile changed
    detail: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)


def _members(ws: Workspace, profile_id: int) -> list[int]:
    found = sorted(profile_members(ws, [profile_id]))
    if not found:
        raise UsageError(messages.text("profile.not_found", profile=profile_id))
    return found


def _strongest_pair(ws: Workspace, a: list[int], b: list[int]) -> tuple[float | None, str | None]:
    """The best-scored candidate pair between two sets of records: the evidence shown at decision time."""
    rows = ws.query(f"SELECT probability, evidence FROM pairs WHERE (a IN ({','.join('?' * len(a))}) AND b IN "
                    f"({','.join('?' * len(b))})) OR (b IN ({','.join('?' * len(a))}) AND a IN "
                    f"({','.join('?' * len(b))})) ORDER BY probability DESC LIMIT 1", (*a, *b, *a, *b))
    return (rows[0][0], rows[0][1]) if rows else (None, None)


def merge_profiles(ws: Workspace, a: int, b: int, *, actor: str = "steward", reason: str | None = None) -> EditResult:
    """Make profiles ``a`` and ``b`` one; the larger keeps its id (ties: the older one)."""
    if a == b:
        raise UsageError(messages.text("profile.merge_itself", profile=a))
    with ws.atomic(), journal.capture(ws) as changes:
        ma, mb = _members(ws, a), _members(ws, b)
        refs = refs_of(ws, ma + mb)
        set_a, set_b = set(ma), set(mb)
        blocking = sorted((x, y) for x, y in load_constraints(ws).cannot
                          if (x in set_a and y in set_b) or (x in set_b and y in set_a))
        group = int(ws.scalar("SELECT coalesce(max(group_id), 0) + 1 FROM decisions"))
        now = utcnow()
        overrule = reason or f"overruled by the manual merge of profiles {a} and {b}"
        ws.conn.executemany(_INSERT, ((now, "merge", actor, refs[x], refs[y], overrule, None, None,
                                       orjson.dumps({"overrides": True}).decode(), group) for x, y in blocking))
        probability, evidence = _strongest_pair(ws, ma, mb)
        payload = {"profiles": [a, b], "sizes": [len(ma), len(mb)], "overridden": len(blocking)}
        ws.execute(_INSERT, (now, "merge", actor, refs[ma[0]], refs[mb[0]], reason or "manual merge", evidence,
                             probability, orjson.dumps(payload).decode(), group))
        decision_id = int(ws.scalar("SELECT last_insert_rowid()"))
        change = recluster(ws, ma + mb)
        held = set(load_memberships(ws, ma + mb).values())
        if len(held) != 1:
            raise UsageError(messages.text("profile.merge_kept_apart", a=a, b=b))
        changes.store(decision_id)
    return EditResult(decision_id, "merge", held.pop(), change["profiles"],
                      {"merged": [a, b], "overridden": len(blocking)})


def _swap_ids(ws: Workspace, p: int, q: int) -> None:
    """Give the records of profile p the id q and the other way round (rows stay: p keeps its age)."""
    ws.execute("UPDATE memberships SET profile_id = CASE profile_id WHEN ? THEN ? ELSE ? END "
               "WHERE profile_id IN (?, ?)", (p, q, p, p, q))


def unmerge(ws: Workspace, ref: str, *, actor: str = "steward", reason: str | None = None) -> EditResult:
    """Take the record ``ref`` (``source:source_record_id``) out of its profile."""
    with ws.atomic(), journal.capture(ws) as changes:
        rid = record_id(ws, ref)
        pid = load_memberships(ws, [rid]).get(rid)
        if pid is None:
            raise UsageError(messages.text("profile.unmerge_unmatched", ref=ref))
        members = _members(ws, pid)
        others = [m for m in members if m != rid]
        if not others:
            raise UsageError(messages.text("profile.unmerge_only_record", ref=ref, profile=pid))
        refs = refs_of(ws, members)
        links = ws.query("SELECT CASE WHEN a = ? THEN b ELSE a END, probability FROM pairs WHERE (a = ? OR b = ?) "
                         "AND band = 'auto' ORDER BY probability DESC", (rid, rid, rid))
        evidence = [{"with": refs[o], "probability": p} for o, p in links if o in refs]
        payload = {"profile": pid, "apart_from": [refs[o] for o in others]}
        ws.execute(_INSERT, (utcnow(), "unmerge", actor, ref, None, reason or "manual unmerge",
                             orjson.dumps(evidence).decode(), None, orjson.dumps(payload).decode(), None))
        decision_id = int(ws.scalar("SELECT last_insert_rowid()"))
        change = recluster(ws, members, refresh=False)
        after = load_memberships(ws, members)
        if after[rid] == pid:  # a tie kept the id with the record that leaves: the rest keeps it instead
            rest = max({after[o] for o in others}, key=lambda q: (sum(after[o] == q for o in others), -q))
            _swap_ids(ws, pid, rest)
        touched = set(change["profiles"]) | {pid}
        refresh_profiles(ws, touched)
        new_pid = load_memberships(ws, [rid])[rid]
        changes.store(decision_id)
    return EditResult(decision_id, "unmerge", new_pid, sorted(touched),
                      {"ref": ref, "from_profile": pid, "others_now_in": sorted(set(load_memberships(ws, others).values()))})
