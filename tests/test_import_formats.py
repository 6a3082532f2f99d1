"""Every known export is recognised from its header alone, with the right mapping, kind and channel."""
from __future__ import annotations

import pytest

import samples as S
from app.core.importing import file_filter, plan_import, preset_ids
from app.core.importing.registry import all_formats, recognise

CASES = [
    # (writer, format, kind, channel, key column, some expected {field: column})
    (lambda d: S.shopify_customers(d, "2024"), "shopify_customers", "contacts", "online_shop", "Customer ID",
     {"email": "Email", "email_consent": "Accepts Email Marketing", "postcode": "Default Address Zip",
      "sms_consent": "Accepts SMS Marketing"}),
    (lambda d: S.shopify_customers(d, "old"), "shopify_customers", "contacts", "online_shop", "Email",
     {"address": "Address1", "postcode": "Zip", "country": "Country Code"}),
    (S.shopify_orders, "shopify_orders", "events", "online_shop", "Name",
     {"occurred_at": "Created at", "amount": "Total", "full_name": "Billing Name", "order_status": "Financial Status"}),
    (S.woocommerce_orders, "woocommerce_orders", "events", "online_shop", "order_id",
     {"customer_id": "customer_id", "email": "billing_email", "amount": "order_total"}),
    (S.woocommerce_customers, "woocommerce_customers", "contacts", "online_shop", "Username",
     {"full_name": "Name", "email": "Email", "total_spent": "Total Spend"}),
    (S.mailchimp_zip, "mailchimp_audience", "contacts", "email", "Email Address",
     {"email_consent": "_mailchimp_status", "birth_date": "Birthday", "email_consent_at": "_consent_time"}),
    (S.mailchimp_activity, "mailchimp_activity", "events", "email", None,
     {"event_type": "Action", "occurred_at": "Timestamp", "campaign": "Campaign Title"}),
    (S.klaviyo, "klaviyo_profiles", "contacts", "email", "Klaviyo ID",
     {"email_consent": "_email_status", "phone": "Phone Number"}),
    (S.brevo, "brevo_contacts", "contacts", "email", "EMAIL",
     {"first_name": "NOME", "last_name": "COGNOME", "phone": "SMS", "email_consent": "EMAIL_BLACKLISTED"}),
    (S.lightspeed, "lightspeed_customers", "contacts", "online_shop", "Internal ID",
     {"name_particle": "LastnamePreposition", "street_number": "_street_number", "email": "E-Mail"}),
    (S.meta_leads, "meta_leads", "events", "ads", "id",
     {"occurred_at": "created_time", "phone": "phone_number", "full_name": "full_name", "campaign": "campaign_name"}),
    (S.square_customers, "square_customers", "contacts", "store", "Square Customer ID",
     {"email_consent": "Email Subscription Status", "total_spent": "Total Spend"}),
    (S.square_transactions, "square_transactions", "events", "store", "Transaction ID",
     {"event_date": "Date", "event_time": "Time", "amount": "Total Collected", "customer_id": "Customer ID"}),
    (S.square_items, "square_items", "events", "store", "Transaction ID", {"amount": "Net Sales"}),
    (S.web_events, "web_analytics", "events", "web", None,
     {"occurred_at": "event_timestamp", "event_type": "event_name", "visitor_id": "user_pseudo_id",
      "customer_id": "user_id", "utm_source": "utm_source"}),
    (S.till_contacts, "auto", "contacts", "store", "Codice carta",
     {"loyalty_card": "Codice carta", "last_name": "Cognome", "first_name": "Nome", "birth_date": "Data di nascita",
      "mobile": "Cellulare", "phone": "Telefono", "email": "E-mail", "postcode": "CAP", "city": "Città",
      "province": "Provincia", "email_consent": "Consenso marketing", "registered_at": "Data iscrizione"}),
    (S.till_receipts, "auto", "events", "store", "Numero documento",
     {"event_date": "Data", "event_time": "Ora", "store": "Negozio", "event_id": "Numero documento",
      "loyalty_card": "Codice carta", "email": "Email scontrino", "amount": "Importo"}),
]


@pytest.mark.parametrize("case", CASES, ids=[c[1] + "-" + str(i) for i, c in enumerate(CASES)])
def test_every_export_is_planned_right_with_no_flags(tmp_path, case):
    write, format_id, kind, channel, key, expected = case
    plan = plan_import(write(tmp_path))
    assert (plan.format_id, plan.kind, plan.channel, plan.key_column) == (format_id, kind, channel, key)
    assert {f: plan.mapping.get(f) for f in expected} == expected
    assert not plan.problems()
    assert all(0 < c <= 1 for c in plan.confidence.values())
    assert len(plan.preview) >= 1 and set(plan.preview[0]) <= set(plan.headers)


DOMAIN_HEADERS = {
    "shopify_customers": S.SHOPIFY_CUSTOMERS_2024, "shopify_orders": S.SHOPIFY_ORDERS,
    "woocommerce_orders": S.WOOCOMMERCE_ORDERS, "mailchimp_audience": S.MAILCHIMP_SUBSCRIBED,
    "klaviyo_profiles": S.KLAVIYO, "brevo_contacts": ["EMAIL", "LASTNAME", "FIRSTNAME", "SMS", "EMAIL_BLACKLISTED",
                                                      "SMS_BLACKLISTED", "ADDED_TIME", "MODIFIED_TIME"],
    "lightspeed_customers": S.LIGHTSPEED, "meta_leads": S.META_LEADS, "square_transactions": S.SQUARE_TRANSACTIONS,
    "square_items": S.SQUARE_ITEMS,
}


@pytest.mark.parametrize("format_id", sorted(DOMAIN_HEADERS))
def test_domain_header_lines_are_recognised_as_their_own_format(format_id):
    fmt, score, ranked = recognise(DOMAIN_HEADERS[format_id])
    assert fmt is not None and fmt.id == format_id, ranked
    others = [s for f, s in ranked if f != format_id]
    assert all(s < score for s in others)


def test_unsubscribed_and_cleaned_mailchimp_headers_are_the_audience_too():
    for extra in (S.MAILCHIMP_UNSUB_EXTRA, S.MAILCHIMP_CLEANED_EXTRA):
        assert recognise(S.MAILCHIMP_SUBSCRIBED + extra)[0].id == "mailchimp_audience"


@pytest.mark.parametrize("headers", [S.TILL_CONTACTS, S.TILL_RECEIPTS,
                                     ["rec_id", "given_name", "surname", "street_number", "address_1", "address_2",
                                      "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"]])
def test_unknown_layouts_go_to_the_auto_mapper(headers):
    assert recognise(headers)[0] is None


def test_registry_lists_every_format_for_presets_and_the_file_dialog():
    ids = {f.id for f in all_formats()}
    assert ids == {"shopify_customers", "shopify_orders", "woocommerce_orders", "woocommerce_customers",
                   "mailchimp_audience", "mailchimp_activity", "klaviyo_profiles", "brevo_contacts",
                   "lightspeed_customers", "meta_leads", "square_customers", "square_transactions", "square_items",
                   "web_analytics"}
    assert preset_ids() == ["auto", *sorted(ids)]
    every = file_filter()[0][1]
    assert {"csv", "tsv", "txt", "xlsx", "ods", "zip"} <= set(every)
    for f in all_formats():
        assert f.kind in ("contacts", "events") and f.label and f.channel
        assert set(f.extensions) <= set(every)


def test_preset_forces_a_format(tmp_path):
    path = S.write_table(tmp_path / "x.csv", ["Email", "First Name"], [["a@b.it", "Anna"]])
    plan = plan_import(path, preset="shopify_customers")
    assert plan.format_id == "shopify_customers" and plan.mapping == {"email": "Email", "first_name": "First Name"}


def test_shopify_pos_orders_belong_to_the_store_channel():
    from app.core.importing.registry import get_format

    fmt = get_format("shopify_orders")
    assert fmt.event_channel({"Source": "pos"}) == "store"
    assert fmt.event_channel({"Source": "web"}) is None
