"""The profiles API the GUI and the CLI call: search, a profile's page, and the steward's actions.

Every write runs in one ``ws.atomic()`` (inside the functions re-exported here): merge, unmerge,
undo, redo, forget. Reads compute the golden record and consent from the member records at the
time of the call, so a profile page is right even before the next refresh of the stored summary.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core import queries
from app.core.errors import UsageError
from app.core.profiles.consent import consent_of
from app.core.profiles.edits import EditResult, merge_profiles, unmerge
from app.core.profiles.forget import ForgetResult, forget
from app.core.profiles.golden import SUMMARY, compute_golden, summary_row
from app.core.profiles.members import load_members
from app.core.profiles.model import Consent
from app.core.profiles.steps import (
    Step,
    StepResult,
    can_redo,
    can_undo,
    history,
    redo,
    redo_description,
    undo,
    undo_description,
)
from app.core.profiles.survivorship import get_survivorship, source_ranks
from app.core.retention import marketing_limit
from app.core.suppression import SuppressionCheck
from app.core.workspace import Workspace

__all__ = [
    "Consent", "EditResult", "ForgetResult", "ProfileDetail", "Step", "StepResult", "can_redo", "can_undo",
    "count_profiles", "forget", "history", "merge_profiles", "profile_detail", "redo", "redo_description",
    "search_profiles", "undo", "undo_description", "unmerge",
]


def search_profiles(ws: Workspace, text: str = "", limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Summary rows of the profiles whose name, email, phone, city or sources hold every word of
    ``text`` (or whose id is a number in it), ordered by name."""
    ids = queries.search_profile_ids(ws, text, limit=offset + limit)[offset:]
    rows = queries.profile_summaries(ws, ids)
    return [_summary_json(rows[i]) for i in ids if i in rows]


def count_profiles(ws: Workspace, text: str = "") -> int:
    return len(queries.search_profile_ids(ws, text))


def _summary_json(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "sources": [s for s in (row.get("sources") or "").split(",") if s]}


@dataclass
class ProfileDetail:
    profile_id: int
    summary: dict[str, Any]  # display_name, email, phone, city, sources, n_records, first/last_activity
    golden: dict[str, Any]  # fields with provenance and alternatives, emails, phones, tags (golden.py)
    records: list[dict[str, Any]]  # member records: ref, source, channel, origin, fields, consent
    consent: Consent
    events: list[dict[str, Any]]  # in time order
    history: list[Step] = field(default_factory=list)  # newest first

    def to_json(self) -> dict[str, Any]:
        return {"profile_id": self.profile_id, "summary": self.summary, "golden": self.golden,
                "records": self.records, "consent": self.consent.to_json(), "events": self.events,
                "history": [s.to_json() for s in self.history]}


def profile_detail(ws: Workspace, profile_id: int, *, history_limit: int = 200) -> ProfileDetail:
    base = queries.profile_detail(ws, profile_id)
    members = load_members(ws, [profile_id]).get(profile_id)
    if base is None or not members:
        raise UsageError(f"no profile {profile_id}; see `unico profiles`")
    settings = get_survivorship(ws)
    golden = compute_golden(members, source_ranks(ws, settings), settings)
    summary = _summary_json({"id": profile_id, **dict(zip(SUMMARY[:-1], summary_row(golden, members)[:-1]))})
    as_of = {m.ref: m.as_of for m in members}
    records = [{**r, "as_of": as_of.get(r["ref"])} for r in base.records]
    consent = consent_of(members, SuppressionCheck(ws), marketing_limit(ws))
    return ProfileDetail(profile_id, summary, golden, records, consent, base.events,
                         history(ws, history_limit, profile_id))
