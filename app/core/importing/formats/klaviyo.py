"""Klaviyo list/segment profile export. Consent is ``Email Marketing Consent`` (SUBSCRIBED /
UNSUBSCRIBED / NEVER_SUBSCRIBED); a non-empty ``Email Suppressions`` overrides it: a bounce or an
invalid address is ``cleaned``, an unsubscribe ``opt_out``, anything else (spam complaint, manual
suppression) ``suppressed``.
"""
from __future__ import annotations

from app.core.importing.registry import Format, register

EMAIL_STATUS = "_email_status"


@register
class KlaviyoProfiles(Format):
    id = "klaviyo_profiles"
    label = "Klaviyo profiles"
    kind = "contacts"
    channel = "email"
    derived_columns = (EMAIL_STATUS,)
    columns = {
        "customer_id": ("Klaviyo ID",),
        "email": ("Email",),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "company": ("Organization",),
        "phone": ("Phone Number",),
        "address": ("Address",),
        "address2": ("Address 2",),
        "city": ("City",),
        "province": ("State / Region",),
        "country": ("Country",),
        "postcode": ("Zip Code",),
        "email_consent": (EMAIL_STATUS,),
        "email_consent_at": ("Email Marketing Consent Timestamp",),
        "registered_at": ("Profile Created On", "Date Added"),
        "total_spent": ("Historic Customer Lifetime Value",),
        "total_orders": ("Historic Number Of Orders",),
    }
    signature = ("Email", "Klaviyo ID", "First Name", "Last Name", "Phone Number", "Email Marketing Consent",
                 "Email Marketing Consent Timestamp", "Historic Customer Lifetime Value", "Profile Created On",
                 "Last Open", "Last Click", "Email Suppressions")
    required = ("Klaviyo ID|Email Marketing Consent",)
    key_fields = ("customer_id", "email")

    def derive(self, raw: dict[str, str]) -> None:
        suppression = (raw.get("Email Suppressions") or "").strip().lower()
        if suppression in ("", "[]", "none"):
            raw[EMAIL_STATUS] = raw.get("Email Marketing Consent", "")
        elif "bounce" in suppression or "invalid" in suppression:
            raw[EMAIL_STATUS] = "cleaned"
        elif "unsubscribe" in suppression:
            raw[EMAIL_STATUS] = "unsubscribed"
        else:
            raw[EMAIL_STATUS] = "suppressed"
