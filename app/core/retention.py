"""Data retention (GDPR art. 5(1)(e)): how long a workspace keeps a person's history and may use
their contact details for marketing. Off unless a policy is stored in the workspace.

The Garante's loyalty-card decision (24 Feb 2005) is the preset: 12 months for profiling, 24 for
marketing. A limit of N months counts back from today by calendar months (25 Nov 2026 − 12 months
→ 25 Nov 2025, the *cut-off day*); what happened on the cut-off day is still kept.

* **Profiling** — a person's events (``events.record_id`` set) dated before the profiling cut-off
  are no longer their history: ``apply_retention`` deletes them, raw rows included, and refreshes
  the profiles that held them. The date is the event's own (local) date as read. Anonymous events
  (no person) are not personal history and stay. Of each record's deleted events only the time of
  the latest one and of the latest purchase are kept (``purged_activity``): the marketing limit
  still counts from the person's last activity, and a past sale still gives the soft-spam basis.
* **Marketing** — a rule, not a deletion: while the policy is stored, a profile whose last activity
  (any event, a purged one included, or the import or update of one of its records) is before the
  marketing cut-off may not be contacted: its consent is treated as expired (the states in the
  records stay as they were; ``app.core.profiles.consent`` gives no legal basis, with the reason).
  Every export reads it from the workspace.

Applying is final: deleted events cannot be brought back by undo (the decision log of identity
decisions is not touched; each run is logged in the workspace's ``retention.log``). Deleted pages
are overwritten and the WAL truncated, as for an erasure.
"""
from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from typing import Any

from app.core import messages
from app.core.errors import UsageError
from app.core.jobs import Progress
from app.core.profiles.forget import secure_deletion
from app.core.profiles.refresh import refresh_profiles
from app.core.workspace import Workspace, utcnow

POLICY_KEY, LOG_KEY = "retention.policy", "retention.log"
MAX_MONTHS = 1200
# An event's local date is before the cut-off only if its UTC time is before the cut-off day's start
# plus the largest negative UTC offset (−12 h): the ts index narrows the rows, the date decides.
_MAX_BEHIND_UTC = 12 * 3600


@dataclass(frozen=True)
class RetentionPolicy:
    """Months to keep history for profiling and contacts for marketing; None = no limit."""

    profiling_months: int | None = None
    marketing_months: int | None = None

    def __post_init__(self) -> None:
        for name in ("profiling_months", "marketing_months"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or not 1 <= value <= MAX_MONTHS):
                raise UsageError(f"{name.replace('_', ' ')}: {value!r} is not a number of months from 1 to "
                                 f"{MAX_MONTHS}")

    @property
    def enabled(self) -> bool:
        return self.profiling_months is not None or self.marketing_months is not None

    def describe(self) -> str:
        if not self.enabled:
            return "off"
        parts = [f"{label} {'no limit' if months is None else months_text(months)}"
                 for label, months in (("profiling", self.profiling_months), ("marketing", self.marketing_months))]
        return ", ".join(parts)

    def to_json(self) -> dict[str, int | None]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> RetentionPolicy:
        if not isinstance(data, dict):
            return OFF
        return cls(data.get("profiling_months"), data.get("marketing_months"))


OFF = RetentionPolicy()
GARANTE = RetentionPolicy(12, 24)
PRESETS = {"garante": GARANTE}


def get_policy(ws: Workspace) -> RetentionPolicy:
    """The policy stored in the workspace (off when none is)."""
    return RetentionPolicy.from_json(ws.get_json(POLICY_KEY))


def save_policy(ws: Workspace, policy: RetentionPolicy) -> None:
    ws.set_json(POLICY_KEY, policy.to_json())


def months_text(months: int) -> str:
    return f"{months} month" if months == 1 else f"{months} months"


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _start_ts(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


# -- marketing ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MarketingLimit:
    """The marketing limit in force: who was last active before ``cutoff`` may not be contacted."""

    months: int
    cutoff: date
    cutoff_ts: int  # the cut-off day's start, UTC seconds


def marketing_limit(ws: Workspace, today: date | None = None,
                    policy: RetentionPolicy | None = None) -> MarketingLimit | None:
    """The workspace's marketing limit as of ``today`` (None when the policy sets none)."""
    policy = get_policy(ws) if policy is None else policy
    if policy.marketing_months is None:
        return None
    cutoff = months_before(today or date.today(), policy.marketing_months)
    return MarketingLimit(policy.marketing_months, cutoff, _start_ts(cutoff))


_INACTIVE_SQL = """
    SELECT p.id FROM profiles p WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.profile_id = p.id)
    AND NOT EXISTS (
        SELECT 1 FROM memberships m JOIN records r ON r.id = m.record_id WHERE m.profile_id = p.id AND (
            julianday(r.updated_at) >= julianday(:day)
            OR EXISTS (SELECT 1 FROM events e WHERE e.record_id = r.id AND e.ts >= :start)
            OR EXISTS (SELECT 1 FROM purged_activity a WHERE a.record_id = r.id AND a.last_ts >= :start)))
    ORDER BY p.id
"""


def inactive_profiles(ws: Workspace, limit: MarketingLimit) -> list[int]:
    """Profiles with no activity on or after the cut-off day (the rule consent.py applies, in SQL)."""
    return [r[0] for r in ws.execute(_INACTIVE_SQL, {"day": limit.cutoff.isoformat(), "start": limit.cutoff_ts})]


# -- profiling ------------------------------------------------------------------------------------
def _old_events(e: str = "") -> str:
    """Events of a person dated before the cut-off day (``e``: the table's alias and a dot)."""
    return f"{e}record_id IS NOT NULL AND {e}ts < :bound AND substr({e}occurred_at, 1, 10) < :day"


# What deleted events leave of each record: when it was last active and last bought (the latest wins).
_KEEP_ACTIVITY = ("INSERT INTO purged_activity(record_id, last_ts, last_purchase_ts) "
                  "SELECT record_id, max(ts), max(CASE WHEN type = 'purchase' THEN ts END) FROM events")
_KEEP_LATEST = ("ON CONFLICT(record_id) DO UPDATE SET last_ts = max(last_ts, excluded.last_ts), last_purchase_ts = "
                "coalesce(max(last_purchase_ts, excluded.last_purchase_ts), last_purchase_ts, excluded.last_purchase_ts)")


def _old_events_params(cutoff: date) -> dict[str, object]:
    return {"bound": _start_ts(cutoff) + _MAX_BEHIND_UTC, "day": cutoff.isoformat()}


# -- preview and apply ----------------------------------------------------------------------------
@dataclass
class RetentionPlan:
    """What applying ``policy`` today would do."""

    policy: RetentionPolicy
    today: date
    profiling_cutoff: date | None
    marketing_cutoff: date | None
    events_to_delete: int = 0
    profiles_with_old_events: int = 0
    inactive_profiles: int = 0  # no activity since the marketing cut-off
    contacts_expiring: int = 0  # of them, those who may be contacted by email or SMS without the limit

    def to_json(self) -> dict[str, Any]:
        return {"policy": self.policy.to_json(), "today": self.today.isoformat(),
                "profiling_cutoff": _iso(self.profiling_cutoff), "marketing_cutoff": _iso(self.marketing_cutoff),
                "events_to_delete": self.events_to_delete, "profiles_with_old_events": self.profiles_with_old_events,
                "inactive_profiles": self.inactive_profiles, "contacts_expiring": self.contacts_expiring}


@dataclass
class RetentionResult:
    """What ``apply_retention`` did. Final: the events are gone."""

    plan: RetentionPlan
    events_deleted: int
    profiles_refreshed: int
    at: str

    def to_json(self) -> dict[str, Any]:
        return {**self.plan.to_json(), "events_deleted": self.events_deleted,
                "profiles_refreshed": self.profiles_refreshed, "at": self.at, "final": True}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def preview_retention(ws: Workspace, policy: RetentionPolicy, today: date | None = None) -> RetentionPlan:
    """Counts of what ``apply_retention`` would delete and whose consent the marketing limit expires."""
    from app.core.profiles.consent import consents  # consent.py reads the marketing limit from here

    today = today or date.today()
    profiling = months_before(today, policy.profiling_months) if policy.profiling_months else None
    plan = RetentionPlan(policy, today, profiling, None)
    if profiling is not None:
        params = _old_events_params(profiling)
        plan.events_to_delete = ws.scalar(f"SELECT count(*) FROM events WHERE {_old_events()}", params)
        plan.profiles_with_old_events = ws.scalar(
            f"SELECT count(DISTINCT m.profile_id) FROM events e JOIN memberships m ON m.record_id = e.record_id "
            f"WHERE {_old_events('e.')}", params)
    limit = marketing_limit(ws, today, policy)
    if limit is not None:
        plan.marketing_cutoff = limit.cutoff
        inactive = inactive_profiles(ws, limit)
        plan.inactive_profiles = len(inactive)
        plan.contacts_expiring = sum(1 for c in consents(ws, inactive, expire=False).values()
                                     if c.email.may_contact or c.sms.may_contact)
    return plan


def apply_retention(ws: Workspace, policy: RetentionPolicy, today: date | None = None,
                    progress: Progress | None = None) -> RetentionResult:
    """Store ``policy`` and delete the history it no longer allows, in one transaction (final)."""
    progress = progress or Progress()
    progress.update(0.0, messages.text("progress.retention_counting"))
    with secure_deletion(ws), ws.atomic():
        plan = preview_retention(ws, policy, today)
        save_policy(ws, policy)
        deleted, refreshed = 0, 0
        if plan.profiling_cutoff is not None and plan.events_to_delete:
            progress.update(0.2, messages.text("progress.retention_deleting", count=plan.events_to_delete))
            params = _old_events_params(plan.profiling_cutoff)
            ws.execute(f"{_KEEP_ACTIVITY} WHERE {_old_events()} GROUP BY record_id {_KEEP_LATEST}", params)
            touched = [r[0] for r in ws.execute(
                "SELECT DISTINCT m.profile_id FROM events e JOIN memberships m ON m.record_id = e.record_id "
                f"WHERE {_old_events('e.')}", params)]
            deleted = ws.execute(f"DELETE FROM events WHERE {_old_events()}", params).rowcount
            progress.check()
            refreshed = refresh_profiles(ws, touched, progress=progress.sub(0.4, 0.95))
        at = utcnow()
        result = RetentionResult(plan, deleted, refreshed, at)
        log = ws.get_json(LOG_KEY) or []
        ws.set_json(LOG_KEY, [*log, {"at": at, "policy": policy.to_json(), "today": plan.today.isoformat(),
                                     "events_deleted": deleted, "profiles_refreshed": refreshed}])
        progress.check()
    progress.update(1.0, messages.text("progress.retention_applied"), force=True)
    return result


def last_run(ws: Workspace) -> dict[str, Any] | None:
    """The latest ``apply_retention`` logged in the workspace."""
    log = ws.get_json(LOG_KEY) or []
    return log[-1] if log else None


def policy_from_options(current: RetentionPolicy, *, preset: str | None = None, profiling_months: int | None = None,
                        marketing_months: int | None = None, off: bool = False) -> RetentionPolicy:
    """The policy a user asked for: a preset, then each limit given (0 = none), else the current one."""
    if off:
        if preset or profiling_months is not None or marketing_months is not None:
            raise UsageError("--off cannot be combined with a preset or limits")
        return OFF
    base = current
    if preset is not None:
        if preset not in PRESETS:
            raise UsageError(f"unknown preset {preset!r}; use one of: {', '.join(PRESETS)}")
        base = PRESETS[preset]
    for name, value in (("profiling_months", profiling_months), ("marketing_months", marketing_months)):
        if value is not None:
            if value < 0:
                raise UsageError(f"--{name.replace('_', '-')} {value}: use a number of months, or 0 for no limit")
            base = RetentionPolicy(**{**base.to_json(), name: value or None})
    return base
