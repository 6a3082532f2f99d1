"""Data retention: the policy, what it would delete, deleting it (edge days on both sides), the
marketing limit in consent and exports, and the activity left by deleted events."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from test_profiles_support import add_events, add_records, one_profile

from app.core.errors import Cancelled, UsageError
from app.core.jobs import Progress
from app.core.matching.store import ids_of_refs
from app.core.profiles.bulk import iter_profile_exports
from app.core.profiles.consent import consent_of, profile_consent
from app.core.profiles.members import load_members
from app.core.retention import (
    GARANTE,
    OFF,
    RetentionPolicy,
    apply_retention,
    get_policy,
    inactive_profiles,
    last_run,
    marketing_limit,
    months_before,
    policy_from_options,
    preview_retention,
    save_policy,
)
from app.core.suppression import SuppressionCheck

TODAY = date(2026, 6, 15)  # profiling 12 months → cut-off 2025-06-15; marketing 24 → 2024-06-15
EXPIRED = "no activity for 24 months (retention policy)"


def add_event_at(ws, ref: str | None, kind: str, occurred_at: str) -> None:
    """An event whose time carries its own UTC offset (``ts`` is the true instant)."""
    ts = _ts(occurred_at)
    sid = ws.scalar("SELECT id FROM sources WHERE name = 'till_receipts'")
    rid = ids_of_refs(ws, [ref])[ref] if ref else None
    with ws.atomic():
        ws.execute("INSERT INTO events(source_id, external_id, occurred_at, ts, channel, type, record_id, raw) "
                   "VALUES (?, ?, ?, ?, 'store', ?, ?, '{}')", (sid, f"X{ts}", occurred_at, ts, kind, rid))


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 6, 15), 12, date(2025, 6, 15)), (date(2026, 3, 31), 1, date(2026, 2, 28)),
    (date(2024, 3, 31), 1, date(2024, 2, 29)), (date(2026, 1, 31), 13, date(2024, 12, 31)),
    (date(2026, 6, 15), 24, date(2024, 6, 15)),
])
def test_months_count_back_by_calendar_month(day, months, expected):
    assert months_before(day, months) == expected


def test_policy_is_validated_stored_and_edited(ws):
    assert get_policy(ws) == OFF and not OFF.enabled
    with pytest.raises(UsageError):
        RetentionPolicy(0, 24)
    with pytest.raises(UsageError):
        RetentionPolicy(12, "24")  # type: ignore[arg-type]
    save_policy(ws, GARANTE)
    assert get_policy(ws) == RetentionPolicy(12, 24) and GARANTE.describe() == "profiling 12 months, marketing 24 months"
    assert policy_from_options(GARANTE, marketing_months=0) == RetentionPolicy(12, None)
    assert policy_from_options(OFF, preset="garante", profiling_months=6) == RetentionPolicy(6, 24)
    assert policy_from_options(GARANTE, profiling_months=None) == GARANTE  # nothing given: as it is
    assert policy_from_options(GARANTE, off=True) == OFF
    with pytest.raises(UsageError):
        policy_from_options(GARANTE, off=True, preset="garante")
    with pytest.raises(UsageError):
        policy_from_options(OFF, profiling_months=-1)


@pytest.fixture
def history(ws):
    """Anna (till C1 + shop S1, one profile) and Bruno (till C2), with events on both sides of the
    profiling cut-off day (2025-06-15), some with an offset that moves their UTC day."""
    add_records(ws, "till", [{"id": "C1", "first_name": "Anna", "last_name": "Neri"},
                             {"id": "C2", "first_name": "Bruno", "last_name": "Sala"}], channel="store")
    add_records(ws, "shop", [{"id": "S1", "first_name": "Anna", "last_name": "Neri"}], channel="online_shop")
    anna, bruno = one_profile(ws, ["till:C1", "shop:S1"]), one_profile(ws, ["till:C2"])
    add_events(ws, "till_receipts", [
        ("till:C1", "purchase", "2025-06-14T10:00:00", 30.0),  # the day before the cut-off: deleted
        ("till:C1", "purchase", "2025-06-15T00:00:00", 20.0),  # the cut-off day: kept
        ("shop:S1", "visit", "2024-01-01T09:00:00", None),  # long ago: deleted
        ("till:C2", "purchase", "2025-06-16T12:00:00", 10.0),  # after: kept
        (None, "purchase", "2020-01-01T12:00:00", 5.0),  # anonymous: no one's history, kept
    ])
    add_event_at(ws, "till:C1", "visit", "2025-06-15T00:30:00+02:00")  # UTC 06-14 22:30, its own day is kept
    add_event_at(ws, "till:C2", "visit", "2025-06-14T23:30:00-05:00")  # UTC 06-15 04:30, its own day is before
    from app.core.matching import refresh_profiles

    with ws.atomic():
        refresh_profiles(ws, [anna, bruno])
    return {"anna": anna, "bruno": bruno}


def _events(ws) -> list[tuple]:
    return [tuple(r) for r in ws.query("SELECT occurred_at, record_id IS NULL FROM events ORDER BY occurred_at")]


def test_preview_counts_what_apply_deletes_and_the_edge_day_is_kept(ws, history):
    policy = RetentionPolicy(12, None)
    plan = preview_retention(ws, policy, TODAY)
    assert (plan.profiling_cutoff, plan.events_to_delete, plan.profiles_with_old_events) == (date(2025, 6, 15), 3, 2)
    assert plan.marketing_cutoff is None and plan.inactive_profiles == 0
    assert get_policy(ws) == OFF  # a preview changes nothing
    result = apply_retention(ws, policy, TODAY)
    assert (result.events_deleted, result.profiles_refreshed) == (3, 2)
    assert _events(ws) == [("2020-01-01T12:00:00", 1), ("2025-06-15T00:00:00", 0),
                           ("2025-06-15T00:30:00+02:00", 0), ("2025-06-16T12:00:00", 0)]
    assert get_policy(ws) == policy
    assert preview_retention(ws, policy, TODAY).events_to_delete == 0
    assert last_run(ws)["events_deleted"] == 3 and result.to_json()["final"] is True


def test_apply_refreshes_the_profiles_and_keeps_only_when_they_were_active(ws, history):
    first_before = ws.scalar("SELECT first_activity FROM profiles WHERE id = ?", (history["anna"],))
    assert first_before.startswith("2024-01-01")
    apply_retention(ws, RetentionPolicy(12, None), TODAY)
    first, last = ws.query("SELECT first_activity, last_activity FROM profiles WHERE id = ?", (history["anna"],))[0]
    assert first == "2025-06-14T22:30:00+00:00"  # the oldest event left (UTC)
    assert last == "2025-06-15T00:00:00+00:00"
    refs = {rid: ref for ref, rid in ids_of_refs(ws, ["till:C1", "shop:S1", "till:C2"]).items()}
    kept = {refs[r[0]]: (r[1], r[2]) for r in ws.query("SELECT * FROM purged_activity")}
    assert kept == {"till:C1": (_ts("2025-06-14T10:00:00+00:00"), _ts("2025-06-14T10:00:00+00:00")),
                    "shop:S1": (_ts("2024-01-01T09:00:00+00:00"), None),  # a visit, no purchase
                    "till:C2": (_ts("2025-06-14T23:30:00-05:00"), None)}


def _ts(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp())


def test_a_cancelled_apply_deletes_nothing_and_stores_no_policy(ws, history):
    before = _events(ws)

    def stop(fraction: float, message: str) -> None:
        if message.startswith("Deleting"):
            progress.cancel()

    progress = Progress(stop, min_interval=0)
    with pytest.raises(Cancelled):
        apply_retention(ws, GARANTE, TODAY, progress)
    assert _events(ws) == before and get_policy(ws) == OFF and last_run(ws) is None
    assert ws.scalar("SELECT count(*) FROM purged_activity") == 0


def _ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


def test_marketing_limit_expires_consent_of_inactive_people_in_profiles_and_exports(ws):
    long_ago = _ago(800)  # more than 24 months
    add_records(ws, "newsletter", [
        {"id": "A", "first_name": "Ada", "email": "ada@example.it", "email_consent": "opt_in", "_at": long_ago},
        {"id": "B", "first_name": "Bea", "email": "bea@example.it", "email_consent": "opt_in", "_at": long_ago},
        {"id": "C", "first_name": "Cloe", "email": "cloe@example.it", "email_consent": "opt_in", "_at": _ago(30)},
        {"id": "D", "first_name": "Dora", "email": "dora@example.it", "email_consent": "opt_out", "_at": long_ago},
    ], channel="email")
    pids = {k: one_profile(ws, [f"newsletter:{k}"]) for k in "ABCD"}
    add_events(ws, "web", [("newsletter:B", "visit", _ago(90)[:19], None)], channel="web")
    assert all(c.email_consent.may_contact for c in iter_profile_exports(ws, profile_ids=[pids["A"], pids["B"]]))
    save_policy(ws, GARANTE)
    exported = {p.profile_id: p.email_consent for p in iter_profile_exports(ws)}
    assert {k: exported[pid].may_contact for k, pid in pids.items()} == {"A": False, "B": True, "C": True, "D": False}
    ada = profile_consent(ws, pids["A"]).email
    assert ada.state == "opt_in" and ada.basis == "none"  # the state stays what the sources said
    assert ada.reasons[-1].startswith(EXPIRED)
    assert not any(EXPIRED in r for r in profile_consent(ws, pids["D"]).email.reasons)  # refused anyway
    plan = preview_retention(ws, GARANTE)
    assert (plan.inactive_profiles, plan.contacts_expiring) == (2, 1)  # Ada and Dora; only Ada could be emailed


def test_the_marketing_cut_off_day_still_counts_as_active(ws):
    cutoff = months_before(TODAY, 24)
    start = datetime(cutoff.year, cutoff.month, cutoff.day, tzinfo=UTC)
    add_records(ws, "till", [
        {"id": "ON", "first_name": "Ugo", "email_consent": "opt_in", "_at": start.isoformat()},
        {"id": "BEFORE", "first_name": "Ivo", "email_consent": "opt_in",
         "_at": (start - timedelta(seconds=1)).isoformat()},
    ], channel="store")
    on, before = one_profile(ws, ["till:ON"]), one_profile(ws, ["till:BEFORE"])
    limit = marketing_limit(ws, TODAY, GARANTE)
    members = load_members(ws, [on, before])
    check = SuppressionCheck(ws)
    assert consent_of(members[on], check, limit).email.may_contact
    assert not consent_of(members[before], check, limit).email.may_contact
    assert inactive_profiles(ws, limit) == [before]  # the SQL count agrees with consent.py


def test_deleted_history_still_dates_the_last_activity_and_the_sale(ws):
    """A buyer of 18 months ago, imported three years ago: the profiling limit deletes the purchase,
    yet the marketing limit (24 months) and the soft-spam basis still count from it."""
    add_records(ws, "shop", [{"id": "S", "first_name": "Lia", "email": "lia@example.it",
                              "_at": "2023-06-01T00:00:00+00:00"}], channel="online_shop")
    pid = one_profile(ws, ["shop:S"])
    add_events(ws, "orders", [("shop:S", "purchase", "2024-12-20T10:00:00", 80.0)], channel="online_shop")
    apply_retention(ws, GARANTE, TODAY)
    assert ws.scalar("SELECT count(*) FROM events") == 0
    limit = marketing_limit(ws, TODAY)
    consent = consent_of(load_members(ws, [pid])[pid], SuppressionCheck(ws), limit).email
    assert (consent.basis, consent.may_contact, consent.at) == ("soft_spam", True, "2024-12-20T10:00:00+00:00")
    assert inactive_profiles(ws, limit) == []
    assert ws.scalar("SELECT last_activity FROM profiles WHERE id = ?", (pid,)) == "2024-12-20T10:00:00+00:00"
    later = marketing_limit(ws, date(2027, 1, 1))  # 24 months after the sale have passed
    assert not consent_of(load_members(ws, [pid])[pid], SuppressionCheck(ws), later).email.may_contact


def test_a_later_shorter_limit_keeps_the_latest_deleted_activity(ws):
    add_records(ws, "till", [{"id": "C", "first_name": "Eva", "_at": "2020-01-01T00:00:00+00:00"}], channel="store")
    one_profile(ws, ["till:C"])
    add_events(ws, "till_receipts", [("till:C", "purchase", "2023-12-01T10:00:00", 10.0),
                                     ("till:C", "visit", "2025-01-10T10:00:00", None)])
    assert apply_retention(ws, RetentionPolicy(24, None), TODAY).events_deleted == 1
    assert apply_retention(ws, RetentionPolicy(12, None), TODAY).events_deleted == 1
    row = ws.query("SELECT last_ts, last_purchase_ts FROM purged_activity")
    assert [tuple(r) for r in row] == [(_ts("2025-01-10T10:00:00+00:00"), _ts("2023-12-01T10:00:00+00:00"))]
    assert [e["events_deleted"] for e in ws.get_json("retention.log")] == [1, 1]
