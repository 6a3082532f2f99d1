"""Undo and redo over the decision log, and the history of decisions.

The log is append-only: undo marks a step's decisions ``undone``, redo clears the mark. A *step* is
what one action decided: one review decision, one manual merge or unmerge (with the decisions it
needed, under one group id), or all the automatic merges of one match run (one group id).
Standard stack semantics: undo takes back the latest step still in force; redo re-applies the
earliest of the steps undone since the latest step in force (so a new decision ends redo).

Undo writes back the step's *before* image (journal.py) when the workspace still holds its *after*
image, so profiles and memberships are exactly what they were, ids included. If something else
changed those profiles in between (a re-import, a later match run kept), it falls back to taking
the decisions out of force and reclustering the records involved. Undoing a match run also sends
its automatic links to the review queue: otherwise the next match run would merge them again.
Erasure (``forget``) is final: it cannot be undone, and the steps before it no longer can either.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

import orjson

from app.core import messages
from app.core.errors import UsageError
from app.core.matching import recluster
from app.core.matching.store import profile_members, refs_of
from app.core.profiles import journal
from app.core.profiles.refresh import refresh_profiles
from app.core.workspace import Workspace, utcnow

_STEP_SQL = """
    SELECT max(id), group_id FROM decisions WHERE {where}
    GROUP BY coalesce(group_id, -id) ORDER BY max(id) DESC LIMIT ?
"""
LABELED = ("accept", "reject", "skip", "merge")  # decision kinds worded by a history.kind.* message


@dataclass
class Step:
    id: int  # the step's last decision (its images are kept under it)
    kind: str
    n: int  # decisions in the step
    ts: str
    actor: str
    undone: bool
    description: str
    a_ref: str | None = None
    b_ref: str | None = None
    reason: str | None = None
    probability: float | None = None

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class StepResult:
    """What an undo or redo did."""

    action: str  # undo | redo
    step: Step
    exact: bool  # True: the stored image was written back; False: reclustered instead
    profiles: list[int] = field(default_factory=list)  # profiles changed

    def to_json(self) -> dict:
        return {"action": self.action, "step": self.step.to_json(), "exact": self.exact,
                "profiles_changed": self.profiles}

    @property
    def message(self) -> str:
        how = "" if self.exact else " (the profiles had changed since: reclustered instead)"
        return f"{self.action.capitalize()}: {self.step.description}{how}"


def _describe(kind: str, n: int, last: dict) -> messages.Text:
    a, b = last.get("a_ref"), last.get("b_ref")
    payload = orjson.loads(last.get("payload") or "{}")
    if kind == "auto_merge":
        return messages.text("history.match_run", when=datetime.fromisoformat(last["ts"]), count=n)
    if kind == "merge" and payload.get("profiles"):
        pa, pb = payload["profiles"]
        return messages.text("history.merge_profiles", a=pa, b=pb)
    if kind == "unmerge":
        return messages.text("history.unmerge", ref=a, profile=payload.get("profile", "?"))
    if kind == "forget":
        return messages.text("history.erasure")
    decision = messages.text(f"history.kind.{kind}") if kind in LABELED else kind
    return messages.text("history.decision", decision=decision, a=a or messages.text("history.a_record"),
                         b=b or messages.text("history.a_record"))


def _steps(ws: Workspace, where: str, params: tuple, limit: int) -> list[Step]:
    """Steps with a decision matching ``where``, newest first, each described by its last decision."""
    out = []
    for last_id, group in ws.query(_STEP_SQL.format(where=where), (*params, limit)):
        if group is not None:
            last_id, n, undone = ws.execute("SELECT max(id), count(*), max(undone) FROM decisions WHERE group_id = ?",
                                            (group,)).fetchone()
        else:
            n, undone = 1, ws.scalar("SELECT undone FROM decisions WHERE id = ?", (last_id,))
        last = dict(ws.execute("SELECT * FROM decisions WHERE id = ?", (last_id,)).fetchone())
        out.append(Step(last_id, last["kind"], n, last["ts"], last["actor"], bool(undone),
                        _describe(last["kind"], n, last), last["a_ref"], last["b_ref"], last["reason"],
                        last["probability"]))
    return out


@dataclass
class _Target:
    step: Step
    group: int | None
    ids: list[int]  # its decisions, in order


def _step_of(ws: Workspace, decision_id: int) -> _Target:
    group = ws.scalar("SELECT group_id FROM decisions WHERE id = ?", (decision_id,))
    if group is None:
        return _Target(_steps(ws, "id = ?", (decision_id,), 1)[0], None, [decision_id])
    ids = [r[0] for r in ws.query("SELECT id FROM decisions WHERE group_id = ? ORDER BY id", (group,))]
    return _Target(_steps(ws, "group_id = ?", (group,), 1)[0], group, ids)


def history(ws: Workspace, limit: int = 50, profile_id: int | None = None) -> list[Step]:
    """Steps, newest first (a match run's automatic merges are one line); with ``profile_id``, the
    steps whose decisions name one of its records or took a record out of it."""
    if profile_id is None:
        return _steps(ws, "1", (), limit)
    refs = sorted(refs_of(ws, profile_members(ws, [profile_id])).values())
    marks = ",".join("?" * len(refs))
    where = (f"(a_ref IN ({marks}) OR b_ref IN ({marks}) OR (kind = 'unmerge' AND "
             "json_extract(payload, '$.profile') = ?))")
    return _steps(ws, where, (*refs, *refs, profile_id), limit)


def _undo_target(ws: Workspace) -> _Target | None:
    last = ws.scalar("SELECT max(id) FROM decisions WHERE undone = 0")
    return None if last is None else _step_of(ws, last)


def _redo_target(ws: Workspace) -> _Target | None:
    top = ws.scalar("SELECT coalesce(max(id), 0) FROM decisions WHERE undone = 0")
    first = ws.scalar("SELECT min(id) FROM decisions WHERE undone = 1 AND id > ?", (top,))
    return None if first is None else _step_of(ws, first)


def can_undo(ws: Workspace) -> bool:
    target = _undo_target(ws)
    return target is not None and target.step.kind != "forget"


def can_redo(ws: Workspace) -> bool:
    return _redo_target(ws) is not None


def undo_description(ws: Workspace) -> str | None:
    """What undo would take back (for the menu label), or None."""
    target = _undo_target(ws)
    return target.step.description if target and target.step.kind != "forget" else None


def redo_description(ws: Workspace) -> str | None:
    target = _redo_target(ws)
    return target.step.description if target else None


def _auto_links(ws: Workspace, target: _Target, band_from: str, band_to: str) -> None:
    """Move a match run's automatic links between the auto band and the review queue."""
    rows = ws.query("SELECT payload FROM decisions WHERE group_id = ? AND kind = 'auto_merge'", (target.group,))
    pairs = [(p["a"], p["b"]) for p in (orjson.loads(r[0]) for r in rows) if "a" in p and "b" in p]
    ws.conn.executemany("UPDATE pairs SET band = ? WHERE a = ? AND b = ? AND band = ?",
                        ((band_to, min(a, b), max(a, b), band_from) for a, b in pairs))


def _apply(ws: Workspace, action: str, target: _Target) -> StepResult:
    undoing = action == "undo"
    where, key = ("group_id = ?", target.group) if target.group is not None else ("id = ?", target.ids[0])
    ws.execute(f"UPDATE decisions SET undone = ?, undone_at = ? WHERE {where}",
               (int(undoing), utcnow() if undoing else None, key))
    if target.step.kind == "auto_merge" and target.group is not None:
        _auto_links(ws, target, *(("auto", "review") if undoing else ("review", "auto")))
    images = journal.load(ws, target.step.id)
    if images is None:  # the step changed no profile: taking it out of force is all there is to do
        return StepResult(action, target.step, True, [])
    before, after = images
    expected, wanted = (after, before) if undoing else (before, after)
    if journal.holds(ws, expected):
        restored = journal.restore(ws, wanted)
        refresh_profiles(ws, restored, stamp=False)
        return StepResult(action, target.step, True, sorted(restored | set(wanted["p"]) | set(expected["p"])))
    journal.restore_bands(ws, wanted)
    records = journal.live_records(ws, set(before["m"]) | set(after["m"]))
    return StepResult(action, target.step, False, recluster(ws, records)["profiles"])


def undo(ws: Workspace) -> StepResult:
    """Take back the latest step still in force."""
    with ws.atomic():
        target = _undo_target(ws)
        if target is None:
            raise UsageError(messages.text("history.nothing_to_undo"))
        if target.step.kind == "forget":
            raise UsageError(messages.text("history.erasure_is_final"))
        result = _apply(ws, "undo", target)
    result.step.undone = True
    return result


def redo(ws: Workspace) -> StepResult:
    """Re-apply the step undone last, unless a new decision was taken since."""
    with ws.atomic():
        target = _redo_target(ws)
        if target is None:
            raise UsageError(messages.text("history.nothing_to_redo"))
        result = _apply(ws, "redo", target)
    result.step.undone = False
    return result
