"""Consent merged conservatively across sources, with the legal basis and the reasoning."""
from __future__ import annotations

import pytest
from test_profiles_support import add_events, add_records, one_profile

from app.core.errors import UsageError
from app.core.profiles.consent import consents, profile_consent
from app.core.suppression import add_suppression

IMPORTED = "2026-01-10T00:00:00+00:00"  # when the undated sources were read


def person(ws, *sources: tuple[str, str, dict]) -> int:
    """One profile from (source, channel, record fields + consent) triples, one record each."""
    refs = []
    for i, (name, channel, row) in enumerate(sources):
        add_records(ws, name, [{"id": f"R{i}", "first_name": "Ada", **row, "_at": IMPORTED}], channel=channel)
        refs.append(f"{name}:R{i}")
    return one_profile(ws, refs)


def test_an_unsubscribe_anywhere_beats_an_undated_opt_in(ws):
    pid = person(ws, ("till", "store", {"email_consent": "opt_in", "sms_consent": "opt_in"}),
                 ("newsletter", "email", {"email_consent": "opt_out", "email_consent_at": "2025-03-01T10:00:00+00:00"}))
    c = profile_consent(ws, pid)
    assert (c.email.state, c.email.basis, c.email.source, c.email.may_contact) == ("opt_out", "none", "newsletter", False)
    assert c.email.at == "2025-03-01T10:00:00+00:00"
    assert any("newsletter:R1 refused or unsubscribed (on 2025-03-01)" in r for r in c.email.reasons)
    assert any("no opt-in is dated after the latest refusal" in r for r in c.email.reasons)
    assert (c.sms.state, c.sms.basis, c.sms.may_contact) == ("opt_in", "consent", True)  # nobody refused SMS


def test_a_newer_explicit_opt_in_wins(ws):
    pid = person(ws, ("shop", "online_shop", {"email_consent": "opt_out", "email_consent_at": "2024-05-01T00:00:00+00:00"}),
                 ("newsletter", "email", {"email_consent": "opt_in", "email_consent_at": "2025-02-01T00:00:00+00:00"}))
    c = profile_consent(ws, pid).email
    assert (c.state, c.basis, c.source, c.at) == ("opt_in", "consent", "newsletter", "2025-02-01T00:00:00+00:00")
    assert "is newer than every refusal" in c.reasons[-1]


def test_an_older_opt_in_loses(ws):
    pid = person(ws, ("shop", "online_shop", {"email_consent": "opt_out", "email_consent_at": "2025-05-01T00:00:00+00:00"}),
                 ("newsletter", "email", {"email_consent": "opt_in", "email_consent_at": "2025-02-01T00:00:00+00:00"}))
    assert profile_consent(ws, pid).email.basis == "none"


def test_an_undated_refusal_counts_as_of_its_import(ws):
    older = person(ws, ("till", "store", {"email_consent": "opt_out"}),
                   ("newsletter", "email", {"email_consent": "opt_in", "email_consent_at": "2025-12-01T00:00:00+00:00"}))
    c = profile_consent(ws, older).email
    assert c.state == "opt_out"
    assert any("undated; as of 2026-01-10, when the source was read" in r for r in c.reasons)
    with ws.atomic():  # the opt-in is now dated after the till export was read
        ws.execute("UPDATE records SET email_consent_at = '2026-02-01T00:00:00+00:00' WHERE email_consent = 'opt_in'")
    assert profile_consent(ws, older).email.state == "opt_in"


def test_cleaned_and_blocklisted_are_refusals_and_the_strictest_is_reported(ws):
    cleaned = person(ws, ("newsletter", "email", {"email_consent": "cleaned"}),
                     ("shop", "online_shop", {"email_consent": "opt_out"}),
                     ("till", "store", {"email_consent": "opt_in"}))
    c = profile_consent(ws, cleaned).email
    assert (c.state, c.basis, c.source) == ("cleaned", "none", "newsletter")
    assert any("was cleaned (the address bounced)" in r for r in c.reasons)
    blocked = person(ws, ("brevo", "email", {"email_consent": "suppressed", "sms_consent": "suppressed"}),
                     ("till2", "store", {"email_consent": "opt_in", "sms_consent": "opt_in"}))
    c = profile_consent(ws, blocked)
    assert (c.email.state, c.sms.state, c.email.may_contact, c.sms.may_contact) == \
        ("suppressed", "suppressed", False, False)


def test_soft_spam_is_for_email_to_buyers_only(ws):
    buyer = person(ws, ("orders", "online_shop", {"email": "ada@x.it"}))
    add_events(ws, "order_rows", [("orders:R0", "purchase", "2025-06-01T10:00:00", 80.0)], channel="online_shop")
    c = profile_consent(ws, buyer)
    assert (c.email.state, c.email.basis, c.email.may_contact) == ("unknown", "soft_spam", True)
    assert c.email.at == "2025-06-01T10:00:00+00:00" and c.email.source == "orders"
    assert "ada@x.it was given with a purchase" in c.email.reasons[-1]
    assert (c.sms.basis, c.sms.may_contact) == ("none", False)
    assert "soft-spam exception covers email only" in c.sms.reasons[-1]


def test_no_soft_spam_without_a_purchase_or_after_an_objection(ws):
    browser = person(ws, ("shop", "online_shop", {"email": "bea@x.it"}))
    add_events(ws, "web", [("shop:R0", "visit", "2025-06-01T10:00:00", None)], channel="web")
    assert profile_consent(ws, browser).email.basis == "none"
    objector = person(ws, ("orders", "online_shop", {"email": "cleo@x.it", "email_consent": "opt_out"}))
    add_events(ws, "order_rows", [("orders:R0", "purchase", "2025-06-01T10:00:00", 80.0)])
    assert profile_consent(ws, objector).email.basis == "none"


def test_no_soft_spam_when_the_address_was_not_given_with_the_sale(ws):
    pid = person(ws, ("till", "store", {"loyalty_card": "123"}), ("newsletter", "email", {"email": "dora@x.it"}))
    add_events(ws, "receipts", [("till:R0", "purchase", "2025-06-01T10:00:00", 30.0)])
    c = profile_consent(ws, pid).email
    assert (c.basis, c.may_contact) == ("none", False)


def test_an_erased_contact_on_the_suppression_list_is_suppressed(ws):
    pid = person(ws, ("newsletter", "email", {"email": "Eva.Verdi@Gmail.com", "email_consent": "opt_in",
                                             "mobile": "333 1234567", "sms_consent": "opt_in"}))
    add_suppression(ws, "email", "evaverdi@gmail.com")
    add_suppression(ws, "phone", "+393331234567")
    c = profile_consent(ws, pid)
    assert (c.email.state, c.email.basis, c.sms.state) == ("suppressed", "none", "suppressed")
    assert "suppression list of erased people" in c.email.reasons[0] and "evaverdi" not in c.email.reasons[0].lower()


def test_bulk_form_equals_the_single_one_and_unknown_ids_are_refused(ws):
    a = person(ws, ("till", "store", {"email_consent": "opt_in"}))
    b = person(ws, ("till2", "store", {"email_consent": "opt_out"}))
    bulk = consents(ws, [a, b])
    assert bulk[a] == profile_consent(ws, a) and bulk[b] == profile_consent(ws, b)
    assert bulk[a].to_json()["email"]["may_contact"] is True
    with pytest.raises(UsageError, match="no profile 999"):
        profile_consent(ws, 999)
