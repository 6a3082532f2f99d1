"""The bulk API the exports read: golden records, contacts, consent and totals per channel."""
from __future__ import annotations

from test_profiles_support import add_events, add_records, one_profile

from app.core.jobs import Progress
from app.core.profiles import bulk
from app.core.profiles.bulk import (
    ProfileExport,
    iter_profile_exports,
    suppressed_contacts,
)
from app.core.profiles.forget import forget


def _shop(ws) -> tuple[int, int]:
    add_records(ws, "till", [{"id": "C1", "first_name": "Ada", "last_name": "Neri", "mobile": "333 1112222",
                              "address": "Via Po 3", "postcode": "20121", "city": "Milano", "province": "MI",
                              "country": "IT", "birth_date": "1970-02-03", "gender": "F", "email_consent": "opt_in",
                              "_at": "2025-01-01T00:00:00+00:00"}], channel="store")
    add_records(ws, "shop", [{"id": "S1", "first_name": "Ada", "last_name": "Neri", "email": "ada@neri.it",
                              "tags": "vip", "_at": "2025-06-01T00:00:00+00:00"}], channel="online_shop")
    add_records(ws, "newsletter", [{"id": "N1", "email": "ada.old@neri.it", "_at": "2024-01-01T00:00:00+00:00"},
                                   {"id": "N2", "email": "bo@x.it", "email_consent": "opt_out"}], channel="email")
    add_events(ws, "receipts", [("till:C1", "purchase", "2025-03-01T10:00:00", 100.0),
                                ("till:C1", "purchase", "2025-04-01T10:00:00", 50.5),
                                ("till:C1", "return", "2025-04-02T10:00:00", -20.0)])
    add_events(ws, "orders", [("shop:S1", "purchase", "2025-05-01T10:00:00", 70.0),
                              ("shop:S1", "visit", "2025-05-01T09:00:00", None)], channel="online_shop")
    return one_profile(ws, ["till:C1", "shop:S1", "newsletter:N1"]), one_profile(ws, ["newsletter:N2"])


def test_every_profile_with_its_golden_record_consent_and_totals(ws):
    ada, bo = _shop(ws)
    steps = []
    rows = list(iter_profile_exports(ws, progress=Progress(lambda f, m: steps.append(f), min_interval=0)))
    assert [r.profile_id for r in rows] == [ada, bo] and steps[-1] == 1.0
    a = rows[0]
    assert isinstance(a, ProfileExport)
    assert (a.display_name, a.first_name, a.last_name) == ("Ada Neri", "Ada", "Neri")
    assert [(e.value, e.source, e.primary) for e in a.emails] == [("ada@neri.it", "shop", True),
                                                                ("ada.old@neri.it", "newsletter", False)]
    assert [(p.value, p.primary) for p in a.phones] == [("+393331112222", True)]
    assert (a.address, a.postcode, a.city, a.province, a.country) == ("Via Po 3", "20121", "Milano", "MI", "IT")
    assert (a.birth_date, a.gender, a.tags, a.sources, a.n_records) == \
        ("1970-02-03", "F", ["vip"], ["newsletter", "shop", "till"], 3)
    assert (a.email_consent.basis, a.email_consent.may_contact, a.sms_consent.may_contact) == ("consent", True, False)
    assert a.totals_by_channel == {"store": {"purchases": 2, "revenue": 130.5},
                                   "online_shop": {"purchases": 1, "revenue": 70.0}}
    assert (a.first_activity, a.last_activity) == ("2025-03-01T10:00:00+00:00", "2025-05-01T10:00:00+00:00")
    b = rows[1]
    assert (b.display_name, b.email_consent.state, b.email_consent.may_contact, b.totals_by_channel) == \
        ("bo@x.it", "opt_out", False, {})


def test_chosen_profiles_only_and_the_suppression_list_is_hashes(ws):
    ada, bo = _shop(ws)
    assert [r.profile_id for r in iter_profile_exports(ws, profile_ids=[bo, 12345])] == [bo]
    assert suppressed_contacts(ws) == []
    forget(ws, bo)
    listed = suppressed_contacts(ws)
    assert [(c.kind, len(c.hash)) for c in listed] == [("email", 64)]
    assert "bo@x.it" not in repr(listed)
    assert [r.profile_id for r in iter_profile_exports(ws)] == [ada]


def test_many_profiles_read_in_one_pass_give_the_same_rows(ws, monkeypatch):
    _shop(ws)
    few = list(iter_profile_exports(ws))
    monkeypatch.setattr(bulk, "BATCH", 1)  # more profiles than a batch: activity and totals read in one pass
    assert list(iter_profile_exports(ws)) == few
