"""The bulk API the exports read: every profile's golden record, contacts and consent, streamed.

``iter_profile_exports`` computes golden records and consent from the member records at the time
of the call (the same functions the profile page uses), in batches, so that an export is right
even when the stored summaries are behind a recent import of events. Revenue per channel is the
purchases' amounts minus refunds (``return`` events).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from app.core import messages
from app.core.jobs import Progress
from app.core.matching.store import temp_ids
from app.core.profiles.consent import consent_of
from app.core.profiles.golden import compute_golden, golden_value, summary_row
from app.core.profiles.members import Member, all_activity, load_members
from app.core.profiles.model import ChannelConsent, ContactValue
from app.core.profiles.survivorship import get_survivorship, source_ranks
from app.core.retention import marketing_limit
from app.core.suppression import SuppressionCheck
from app.core.workspace import Workspace

__all__ = ["ChannelConsent", "ContactValue", "ProfileExport", "SuppressedContact", "iter_profile_exports",
           "suppressed_contacts"]

BATCH = 5_000

# Purchases and refunds per record and channel: through the index for a few profiles, in one
# sequential pass over the events for many (the index walk reads every row at random).
_TOTALS = ("SELECT e.record_id, e.channel, sum(e.type = 'purchase'), "
           "coalesce(sum(CASE WHEN e.type = 'purchase' THEN e.amount END), 0), "
           "coalesce(sum(CASE WHEN e.type = 'return' THEN abs(e.amount) END), 0)")
_TOTALS_OF = _TOTALS + (" FROM {t} t CROSS JOIN memberships m ON m.profile_id = t.id CROSS JOIN events e "
                        "ON e.record_id = m.record_id WHERE e.type IN ('purchase', 'return') "
                        "GROUP BY e.record_id, e.channel")
_TOTALS_ALL = _TOTALS + (" FROM events e NOT INDEXED WHERE e.type IN ('purchase', 'return') "
                         "AND e.record_id IS NOT NULL GROUP BY e.record_id, e.channel")
RecordTotals = dict[int, list[tuple[str, int, float, float]]]  # record -> [(channel, purchases, bought, refunded)]


@dataclass
class ProfileExport:
    profile_id: int
    display_name: str | None
    first_name: str | None
    last_name: str | None
    emails: list[ContactValue]  # primary first
    phones: list[ContactValue]  # primary first
    address: str | None
    postcode: str | None
    city: str | None
    province: str | None
    country: str | None
    birth_date: str | None
    gender: str | None
    tags: list[str]
    sources: list[str]
    n_records: int
    email_consent: ChannelConsent
    sms_consent: ChannelConsent
    first_activity: str | None
    last_activity: str | None
    totals_by_channel: dict[str, dict[str, float]] = field(default_factory=dict)  # {channel: {purchases, revenue}}


@dataclass
class SuppressedContact:
    """An erased person's email or phone, as the salted hash the workspace keeps (never the value)."""

    hash: str
    kind: str  # email | phone
    created_at: str


def _record_totals(ws: Workspace, profile_ids: list[int] | None) -> RecordTotals:
    out: RecordTotals = defaultdict(list)
    if profile_ids is None:
        rows = ws.execute(_TOTALS_ALL)
    else:
        with temp_ids(ws, profile_ids, "_export_pids") as t:
            rows = ws.execute(_TOTALS_OF.format(t=t)).fetchall()
    for rid, channel, n, bought, refunded in rows:
        out[rid].append((channel, int(n or 0), bought, refunded))
    return out


def _totals(members: list[Member], record_totals: RecordTotals) -> dict[str, dict[str, float]]:
    sums: dict[str, list] = {}
    for m in members:
        for channel, n, bought, refunded in record_totals.get(m.record_id, ()):
            acc = sums.setdefault(channel, [0, 0.0])
            acc[0] += n
            acc[1] += bought - refunded
    return {c: {"purchases": n, "revenue": round(x, 2)} for c, (n, x) in sums.items()}


def _contacts(values: list[dict]) -> list[ContactValue]:
    return [ContactValue(v["value"], v["source"], v["at"], v["primary"]) for v in values]


def iter_profile_exports(ws: Workspace, *, profile_ids: Iterable[int] | None = None,
                         progress: Progress | None = None) -> Iterator[ProfileExport]:
    """Every profile (or those listed), in id order."""
    if profile_ids is None:
        ids = [r[0] for r in ws.execute("SELECT id FROM profiles ORDER BY id")]
    else:
        ids = sorted({int(i) for i in profile_ids})
    settings = get_survivorship(ws)
    ranks = source_ranks(ws, settings)
    check = SuppressionCheck(ws)
    limit = marketing_limit(ws)  # the retention policy expires inactive people's consent
    many = len(ids) > BATCH
    activity = all_activity(ws) if many else None
    record_totals = _record_totals(ws, None) if many else None
    for start in range(0, len(ids), BATCH):
        if progress is not None:
            progress.update(start / max(len(ids), 1), messages.text("progress.profiles", done=start, total=len(ids)))
        chunk = ids[start:start + BATCH]
        members = load_members(ws, chunk, activity)
        totals = record_totals if many else _record_totals(ws, chunk)
        for pid in chunk:
            ms = members.get(pid)
            if not ms:
                continue
            golden = compute_golden(ms, ranks, settings)
            display, _, _, city, sources, n, first, last, _ = summary_row(golden, ms)
            consent = consent_of(ms, check, limit)
            first_name, last_name, address, postcode, province, country, birth, gender = (
                golden_value(golden, f) for f in ("first_name", "last_name", "address", "postcode", "province",
                                                  "country", "birth_date", "gender"))
            yield ProfileExport(
                pid, display, first_name, last_name, _contacts(golden["emails"]), _contacts(golden["phones"]),
                address, postcode, city, province, country, birth, gender, [t["value"] for t in golden["tags"]],
                sources.split(","), n, consent.email, consent.sms, first, last, _totals(ms, totals))
    if progress is not None:
        progress.update(1.0, messages.text("progress.profiles_done"))


def suppressed_contacts(ws: Workspace) -> list[SuppressedContact]:
    """The suppression list as the workspace keeps it: hashes only (the forget CSV is the plain one)."""
    return [SuppressedContact(r[0], r[1], r[2]) for r in ws.query(
        "SELECT hash, kind, created_at FROM suppression ORDER BY created_at, hash")]
