"""Mailchimp: the audience export (a ZIP of subscribed / unsubscribed / cleaned CSVs, or one of
those CSVs alone) and per-recipient campaign activity.

Audience rows are keyed by their email (unique within an audience; LEID stays in the raw row). The
status comes from the file name (``_mailchimp_status``, added by the reader) and becomes email
consent; its time is UNSUB_TIME / CLEAN_TIME for those files, else CONFIRM_TIME or OPTIN_TIME.

Campaign activity: Mailchimp's UI has no single per-recipient export; its API
(``/reports/{campaign_id}/email-activity``) gives, per recipient, a list of ``{action, timestamp,
url}``. We read that flattened one row per action: ``Email Address, Campaign ID, Campaign Title,
Action (open|click|bounce), Timestamp, URL`` (names matched loosely: ``email``, ``campaign``,
``action``/``activity``, ``timestamp``/``time``). Assumed layout, documented in the report.
"""
from __future__ import annotations

from collections.abc import Mapping

from app.core.importing.registry import Format, register

STATUS = "_mailchimp_status"
CONSENT_TIME = "_consent_time"

ACTIONS = {
    "open": "email_open", "opened": "email_open", "opens": "email_open",
    "click": "email_click", "clicked": "email_click", "clicks": "email_click",
    "sent": "email_sent", "send": "email_sent", "delivered": "email_sent",
    "unsubscribe": "unsubscribe", "unsubscribed": "unsubscribe",
}


@register
class MailchimpAudience(Format):
    id = "mailchimp_audience"
    label = "Mailchimp audience export"
    kind = "contacts"
    channel = "email"
    extensions = ("zip", "csv")
    derived_columns = (CONSENT_TIME,)
    columns = {
        "email": ("Email Address", "Email"),
        "first_name": ("First Name", "FNAME"),
        "last_name": ("Last Name", "LNAME"),
        "address": ("Address", "ADDRESS"),
        "phone": ("Phone Number", "PHONE"),
        "birth_date": ("Birthday", "BIRTHDAY"),
        "email_consent": (STATUS,),
        "email_consent_at": (CONSENT_TIME,),
        "registered_at": ("OPTIN_TIME",),
        "tags": ("TAGS",),
    }
    signature = ("Email Address", "MEMBER_RATING", "OPTIN_TIME", "CONFIRM_TIME", "LAST_CHANGED", "LEID", "EUID",
                 "GMTOFF", "TIMEZONE", "CC", "REGION")
    required = ("Email Address|Email", "MEMBER_RATING|LEID|EUID|OPTIN_TIME")
    key_fields = ("email",)

    def derive(self, raw: dict[str, str]) -> None:
        status = raw.get(STATUS, "")
        special = {"unsubscribed": "UNSUB_TIME", "cleaned": "CLEAN_TIME"}.get(status)
        raw[CONSENT_TIME] = ((special and raw.get(special)) or raw.get("CONFIRM_TIME") or raw.get("OPTIN_TIME") or "")


@register
class MailchimpActivity(Format):
    id = "mailchimp_activity"
    label = "Mailchimp campaign activity"
    kind = "events"
    channel = "email"
    columns = {
        "email": ("Email Address", "Email", "email_address"),
        "occurred_at": ("Timestamp", "Time", "Date", "Activity Time"),
        "event_type": ("Action", "Activity", "Event", "Type"),
        "campaign": ("Campaign Title", "Campaign", "Campaign Name", "campaign_title", "Subject"),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
    }
    signature = ("Email Address|Email|email_address", "Campaign ID|campaign_id",
                 "Campaign Title|Campaign|campaign_title",
                 "Action|Activity", "Timestamp|Time", "URL|url")
    required = ("Email Address|Email|email_address", "Action|Activity", "Timestamp|Time|Activity Time",
                "Campaign ID|Campaign Title|Campaign|campaign_id|campaign_title|Campaign Name")

    def event_type(self, values: Mapping[str, object], raw: Mapping[str, str]) -> str | None:
        action = str(values.get("event_type") or "").strip().lower()
        return ACTIONS.get(action, "other")
