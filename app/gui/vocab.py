"""Translated labels for the core's vocabulary (fields, channels, event types, consent, counts),
and the core's messages (``message``) in the user's language.

The core keeps English labels (fields.py); the GUI shows them through Qt translation in the
"Vocab" context. The literals are repeated here, marked with QT_TRANSLATE_NOOP, because lupdate
only collects literal strings; a test checks that every core label is listed. The core's sentences
(``app.core.messages``) are translated in the "core" context, whose sources core_strings.py lists.
"""
from __future__ import annotations

import re
import string
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.errors import BadDataError
from app.core.fields import CHANNELS, EVENT_TYPES, FIELDS_BY_NAME
from app.core.messages import JOIN, Text
from app.gui.i18n import format_date, format_datetime, format_number, format_percent

CONTEXT = "Vocab"
CORE_CONTEXT = "core"

MARKED: tuple[str, ...] = (
    # fields.FIELDS labels
    QT_TRANSLATE_NOOP("Vocab", "Customer ID"), QT_TRANSLATE_NOOP("Vocab", "Loyalty card"),
    QT_TRANSLATE_NOOP("Vocab", "Codice fiscale"), QT_TRANSLATE_NOOP("Vocab", "Other personal ID"),
    QT_TRANSLATE_NOOP("Vocab", "Full name"), QT_TRANSLATE_NOOP("Vocab", "First name"),
    QT_TRANSLATE_NOOP("Vocab", "Last name"), QT_TRANSLATE_NOOP("Vocab", "Surname particle (de, van…)"),
    QT_TRANSLATE_NOOP("Vocab", "Company"), QT_TRANSLATE_NOOP("Vocab", "Email"),
    QT_TRANSLATE_NOOP("Vocab", "Phone"), QT_TRANSLATE_NOOP("Vocab", "Mobile phone"),
    QT_TRANSLATE_NOOP("Vocab", "Birth date"), QT_TRANSLATE_NOOP("Vocab", "Gender"),
    QT_TRANSLATE_NOOP("Vocab", "Address"), QT_TRANSLATE_NOOP("Vocab", "Address line 2"),
    QT_TRANSLATE_NOOP("Vocab", "Street number"), QT_TRANSLATE_NOOP("Vocab", "Postcode (CAP)"),
    QT_TRANSLATE_NOOP("Vocab", "City"), QT_TRANSLATE_NOOP("Vocab", "Province"),
    QT_TRANSLATE_NOOP("Vocab", "Country"), QT_TRANSLATE_NOOP("Vocab", "Email marketing consent"),
    QT_TRANSLATE_NOOP("Vocab", "Email consent date"), QT_TRANSLATE_NOOP("Vocab", "SMS marketing consent"),
    QT_TRANSLATE_NOOP("Vocab", "SMS consent date"), QT_TRANSLATE_NOOP("Vocab", "Subscription status"),
    QT_TRANSLATE_NOOP("Vocab", "Tags"), QT_TRANSLATE_NOOP("Vocab", "Registered on"),
    QT_TRANSLATE_NOOP("Vocab", "Home store"), QT_TRANSLATE_NOOP("Vocab", "Total spent"),
    QT_TRANSLATE_NOOP("Vocab", "Total orders"), QT_TRANSLATE_NOOP("Vocab", "Event / order / receipt ID"),
    QT_TRANSLATE_NOOP("Vocab", "Date and time"), QT_TRANSLATE_NOOP("Vocab", "Date"),
    QT_TRANSLATE_NOOP("Vocab", "Time"), QT_TRANSLATE_NOOP("Vocab", "Event type"),
    QT_TRANSLATE_NOOP("Vocab", "Amount"), QT_TRANSLATE_NOOP("Vocab", "Currency"),
    QT_TRANSLATE_NOOP("Vocab", "Quantity"), QT_TRANSLATE_NOOP("Vocab", "Product"),
    QT_TRANSLATE_NOOP("Vocab", "SKU"), QT_TRANSLATE_NOOP("Vocab", "Store / location"),
    QT_TRANSLATE_NOOP("Vocab", "Order status"), QT_TRANSLATE_NOOP("Vocab", "Campaign"),
    QT_TRANSLATE_NOOP("Vocab", "UTM source"), QT_TRANSLATE_NOOP("Vocab", "UTM medium"),
    QT_TRANSLATE_NOOP("Vocab", "UTM campaign"), QT_TRANSLATE_NOOP("Vocab", "UTM content"),
    QT_TRANSLATE_NOOP("Vocab", "UTM term"), QT_TRANSLATE_NOOP("Vocab", "Visitor / device ID"),
    # fields.CHANNELS
    QT_TRANSLATE_NOOP("Vocab", "Store"), QT_TRANSLATE_NOOP("Vocab", "Online shop"),
    QT_TRANSLATE_NOOP("Vocab", "Email / newsletter"), QT_TRANSLATE_NOOP("Vocab", "Web"),
    QT_TRANSLATE_NOOP("Vocab", "Ads / leads"), QT_TRANSLATE_NOOP("Vocab", "Other"),
    # fields.EVENT_TYPES
    QT_TRANSLATE_NOOP("Vocab", "Purchase"), QT_TRANSLATE_NOOP("Vocab", "Return / refund"),
    QT_TRANSLATE_NOOP("Vocab", "Added to cart"), QT_TRANSLATE_NOOP("Vocab", "Started checkout"),
    QT_TRANSLATE_NOOP("Vocab", "Visit / page view"), QT_TRANSLATE_NOOP("Vocab", "Email sent"),
    QT_TRANSLATE_NOOP("Vocab", "Email opened"), QT_TRANSLATE_NOOP("Vocab", "Email clicked"),
    QT_TRANSLATE_NOOP("Vocab", "Ad click"), QT_TRANSLATE_NOOP("Vocab", "Lead form"),
    QT_TRANSLATE_NOOP("Vocab", "Subscribed"), QT_TRANSLATE_NOOP("Vocab", "Unsubscribed"),
    QT_TRANSLATE_NOOP("Vocab", "Loyalty points"),
)

KINDS = {"contacts": QT_TRANSLATE_NOOP("Vocab", "Contacts"), "events": QT_TRANSLATE_NOOP("Vocab", "Events")}

CONSENT = {
    "suppressed": QT_TRANSLATE_NOOP("Vocab", "Suppressed"),
    "cleaned": QT_TRANSLATE_NOOP("Vocab", "Cleaned (bounced)"),
    "opt_out": QT_TRANSLATE_NOOP("Vocab", "Opted out"),
    "opt_in": QT_TRANSLATE_NOOP("Vocab", "Opted in"),
    "unknown": QT_TRANSLATE_NOOP("Vocab", "Unknown"),
}

# ImportResult.counts keys (H2) in the order the summary shows them.
COUNTS = {
    "read": QT_TRANSLATE_NOOP("Vocab", "Rows read"),
    "imported": QT_TRANSLATE_NOOP("Vocab", "New records"),
    "updated": QT_TRANSLATE_NOOP("Vocab", "Updated records"),
    "unchanged": QT_TRANSLATE_NOOP("Vocab", "Unchanged records"),
    "events": QT_TRANSLATE_NOOP("Vocab", "Events"),
    "anonymous_events": QT_TRANSLATE_NOOP("Vocab", "Anonymous events"),
    "identities": QT_TRANSLATE_NOOP("Vocab", "People found on events"),
    "duplicates": QT_TRANSLATE_NOOP("Vocab", "Duplicate rows"),
    "suppressed": QT_TRANSLATE_NOOP("Vocab", "Erased people skipped"),
    "rejected": QT_TRANSLATE_NOOP("Vocab", "Rejected rows"),
}

DECISIONS = {
    "auto_merge": QT_TRANSLATE_NOOP("Vocab", "Automatic merge"),
    "accept": QT_TRANSLATE_NOOP("Vocab", "Accepted"),
    "reject": QT_TRANSLATE_NOOP("Vocab", "Rejected"),
    "skip": QT_TRANSLATE_NOOP("Vocab", "Skipped"),
    "merge": QT_TRANSLATE_NOOP("Vocab", "Merged by hand"),
    "unmerge": QT_TRANSLATE_NOOP("Vocab", "Unmerged"),
    "forget": QT_TRANSLATE_NOOP("Vocab", "Erased"),
}

# profiles.model.LEGAL_BASES and profiles.survivorship.RULES
LEGAL_BASES = {
    "consent": QT_TRANSLATE_NOOP("Vocab", "Consent"),
    "soft_spam": QT_TRANSLATE_NOOP("Vocab", "Existing customer (soft spam, email only)"),
    "none": QT_TRANSLATE_NOOP("Vocab", "None: do not contact"),
}
RULES = {
    "source_priority": QT_TRANSLATE_NOOP("Vocab", "most trusted source"),
    "most_recent": QT_TRANSLATE_NOOP("Vocab", "most recent"),
    "most_frequent": QT_TRANSLATE_NOOP("Vocab", "most frequent"),
    "most_complete": QT_TRANSLATE_NOOP("Vocab", "most complete"),
}

# Columns of the analytics reports' tables (app.core.analytics.reports)
REPORT_COLUMNS = {
    "channel": QT_TRANSLATE_NOOP("Vocab", "Channel"),
    "campaign": QT_TRANSLATE_NOOP("Vocab", "Campaign"),
    "conversions": QT_TRANSLATE_NOOP("Vocab", "Purchases credited"),
    "revenue": QT_TRANSLATE_NOOP("Vocab", "Revenue credited"),
    "share": QT_TRANSLATE_NOOP("Vocab", "Share of purchases"),
    "revenue_share": QT_TRANSLATE_NOOP("Vocab", "Share of revenue"),
    "group": QT_TRANSLATE_NOOP("Vocab", "Group"),
    "store_buyers": QT_TRANSLATE_NOOP("Vocab", "Store buyers"),
    "store_purchases": QT_TRANSLATE_NOOP("Vocab", "Store purchases"),
    "store_revenue_identified": QT_TRANSLATE_NOOP("Vocab", "Identified store revenue"),
    "ropo_purchases": QT_TRANSLATE_NOOP("Vocab", "ROPO purchases"),
    "ropo_revenue": QT_TRANSLATE_NOOP("Vocab", "ROPO revenue"),
    "ropo_share": QT_TRANSLATE_NOOP("Vocab", "ROPO share"),
    "median_lag_days": QT_TRANSLATE_NOOP("Vocab", "Median days from touch to purchase"),
    "online_purchases": QT_TRANSLATE_NOOP("Vocab", "Online purchases"),
    "online_revenue_identified": QT_TRANSLATE_NOOP("Vocab", "Identified online revenue"),
    "online_share": QT_TRANSLATE_NOOP("Vocab", "Share bought online"),
    "reverse_revenue": QT_TRANSLATE_NOOP("Vocab", "Online revenue after a store visit"),
    "reverse_share": QT_TRANSLATE_NOOP("Vocab", "Share after a store visit"),
    "reverse_median_lag_days": QT_TRANSLATE_NOOP("Vocab", "Median days from store to online"),
    "store": QT_TRANSLATE_NOOP("Vocab", "Store"),
    "month": QT_TRANSLATE_NOOP("Vocab", "Month"),
    "receipts": QT_TRANSLATE_NOOP("Vocab", "Receipts"),
    "identified_receipts": QT_TRANSLATE_NOOP("Vocab", "Identified receipts"),
    "receipt_share": QT_TRANSLATE_NOOP("Vocab", "Share of receipts identified"),
    "store_revenue": QT_TRANSLATE_NOOP("Vocab", "Store revenue"),
}
# Values the reports put in their tables: touch channels (analytics.channels), groups
REPORT_VALUES = {
    "Ads / leads": QT_TRANSLATE_NOOP("Vocab", "Ads / leads"), "Affiliate": QT_TRANSLATE_NOOP("Vocab", "Affiliate"),
    "Direct": QT_TRANSLATE_NOOP("Vocab", "Direct"), "Display": QT_TRANSLATE_NOOP("Vocab", "Display"),
    "Email": QT_TRANSLATE_NOOP("Vocab", "Email"), "Organic search": QT_TRANSLATE_NOOP("Vocab", "Organic search"),
    "Organic social": QT_TRANSLATE_NOOP("Vocab", "Organic social"), "Other": QT_TRANSLATE_NOOP("Vocab", "Other"),
    "Paid search": QT_TRANSLATE_NOOP("Vocab", "Paid search"), "Paid social": QT_TRANSLATE_NOOP("Vocab", "Paid social"),
    "Referral": QT_TRANSLATE_NOOP("Vocab", "Referral"), "Store": QT_TRANSLATE_NOOP("Vocab", "Store"),
    "(no campaign)": QT_TRANSLATE_NOOP("Vocab", "(no campaign)"), "(unknown)": QT_TRANSLATE_NOOP("Vocab", "(unknown)"),
    "(no touch)": QT_TRANSLATE_NOOP("Vocab", "(no touch)"), "(no store)": QT_TRANSLATE_NOOP("Vocab", "(no store)"),
    "(all)": QT_TRANSLATE_NOOP("Vocab", "(all)"),
    "near": QT_TRANSLATE_NOOP("Vocab", "near a store"), "far": QT_TRANSLATE_NOOP("Vocab", "far from the stores"),
}
# analytics.attributes.breakdown_fields() that are not canonical fields
BREAKDOWNS = {
    "postcode_area": QT_TRANSLATE_NOOP("Vocab", "Postcode area"),
    "tag": QT_TRANSLATE_NOOP("Vocab", "Tag"),
    "near_store": QT_TRANSLATE_NOOP("Vocab", "Near a store or not"),
}

AUTOMATIC_FORMAT = QT_TRANSLATE_NOOP("Vocab", "Automatic mapping")

# registry.file_filter() descriptions
FILE_FILTERS = (
    QT_TRANSLATE_NOOP("Vocab", "Tables and exports"),
    QT_TRANSLATE_NOOP("Vocab", "CSV / TSV / text"),
    QT_TRANSLATE_NOOP("Vocab", "Spreadsheets (Excel, OpenDocument)"),
    QT_TRANSLATE_NOOP("Vocab", "Mailchimp audience export (ZIP)"),
)

# The matcher's comparisons (settings.default_comparisons) not named like a field, and its level labels.
EVIDENCE_NAMES = {
    "email_hints": QT_TRANSLATE_NOOP("Vocab", "Names in the email address"),
    "household guard": QT_TRANSLATE_NOOP("Vocab", "Household check"),
    "source": QT_TRANSLATE_NOOP("Vocab", "Sources of the two records"),
}
EVIDENCE_LEVELS = (
    QT_TRANSLATE_NOOP("Vocab", "missing"),
    QT_TRANSLATE_NOOP("Vocab", "exact"),
    QT_TRANSLATE_NOOP("Vocab", "first and last swapped"),
    QT_TRANSLATE_NOOP("Vocab", "close (Jaro-Winkler ≥ 0.92 or one edit)"),
    QT_TRANSLATE_NOOP("Vocab", "nickname"),
    QT_TRANSLATE_NOOP("Vocab", "one contains the other"),
    QT_TRANSLATE_NOOP("Vocab", "similar (Jaro-Winkler ≥ 0.85)"),
    QT_TRANSLATE_NOOP("Vocab", "initial only"),
    QT_TRANSLATE_NOOP("Vocab", "somewhat similar (Jaro-Winkler ≥ 0.7)"),
    QT_TRANSLATE_NOOP("Vocab", "different"),
    QT_TRANSLATE_NOOP("Vocab", "day and month swapped"),
    QT_TRANSLATE_NOOP("Vocab", "one digit off"),
    QT_TRANSLATE_NOOP("Vocab", "same year (other part unknown)"),
    QT_TRANSLATE_NOOP("Vocab", "same year and month"),
    QT_TRANSLATE_NOOP("Vocab", "same year"),
    QT_TRANSLATE_NOOP("Vocab", "within 3 years"),
    QT_TRANSLATE_NOOP("Vocab", "within 12 years"),
    QT_TRANSLATE_NOOP("Vocab", "same address"),
    QT_TRANSLATE_NOOP("Vocab", "same name at another domain"),
    QT_TRANSLATE_NOOP("Vocab", "one typo"),
    QT_TRANSLATE_NOOP("Vocab", "same number"),
    QT_TRANSLATE_NOOP("Vocab", "same last 7 digits"),
    QT_TRANSLATE_NOOP("Vocab", "email names the person and birth year"),
    QT_TRANSLATE_NOOP("Vocab", "email names the person"),
    QT_TRANSLATE_NOOP("Vocab", "email has the other's birth year"),
    QT_TRANSLATE_NOOP("Vocab", "email has the surname and initial"),
    QT_TRANSLATE_NOOP("Vocab", "email has the surname"),
    QT_TRANSLATE_NOOP("Vocab", "email names someone else"),
    QT_TRANSLATE_NOOP("Vocab", "same street and number"),
    QT_TRANSLATE_NOOP("Vocab", "similar street, same number"),
    QT_TRANSLATE_NOOP("Vocab", "same street, number missing"),
    QT_TRANSLATE_NOOP("Vocab", "same street, other number"),
    QT_TRANSLATE_NOOP("Vocab", "similar"),
    QT_TRANSLATE_NOOP("Vocab", "one edit"),
    QT_TRANSLATE_NOOP("Vocab", "different sources"),
    QT_TRANSLATE_NOOP("Vocab", "same source (two entries of one export)"),
    QT_TRANSLATE_NOOP("Vocab", "same mobile number"),
    QT_TRANSLATE_NOOP("Vocab", "same number, used by several people (no evidence)"),
    QT_TRANSLATE_NOOP("Vocab", "same address, used by several people (no evidence)"),
    QT_TRANSLATE_NOOP("Vocab", "different (other gender)"),
    QT_TRANSLATE_NOOP("Vocab", "same street and number, a home of several people"),
    QT_TRANSLATE_NOOP("Vocab", "first names or birth years clash: household-shared fields capped"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _lookup(table: dict[str, str], key: str | None) -> str:
    if key is None:
        return ""
    return tr(table[key]) if key in table else key


def field_label(name: str | None) -> str:
    field = FIELDS_BY_NAME.get(name or "")
    return tr(field.label) if field else (name or "")


def channel_label(channel: str | None) -> str:
    return _lookup(CHANNELS, channel)


def event_type_label(event_type: str | None) -> str:
    return _lookup(EVENT_TYPES, event_type)


def kind_label(kind: str | None) -> str:
    return _lookup(KINDS, kind)


def consent_label(state: str | None) -> str:
    return _lookup(CONSENT, state)


def count_label(key: str) -> str:
    return _lookup(COUNTS, key)


def decision_label(kind: str | None) -> str:
    return _lookup(DECISIONS, kind)


def tr_filter(description: str) -> str:
    """A file-dialog filter description from the importer registry (English until listed above)."""
    return tr(description)


def evidence_label(text: str | None) -> str:
    """A comparison's name or level label from the matcher, translated when listed above."""
    if not text:
        return ""
    if text in EVIDENCE_NAMES:
        return tr(EVIDENCE_NAMES[text])
    if text in FIELDS_BY_NAME:
        return field_label(text)
    return tr(text)


def format_label(format_id: str) -> str:
    """A known export's label from the importer registry (a product name); otherwise the auto-mapper."""
    from app.core.importing import get_format

    try:
        return tr(get_format(format_id).label)
    except KeyError:
        return tr(AUTOMATIC_FORMAT)


def basis_label(basis: str | None) -> str:
    return _lookup(LEGAL_BASES, basis)


def rule_label(rule: str | None) -> str:
    return _lookup(RULES, rule)


def report_column_label(column: str) -> str:
    return _lookup(REPORT_COLUMNS, column)


def report_value_label(value: str) -> str:
    """A value the reports write (a touch channel, a group); anything else (a campaign, a store,
    a city) is data and stays as it is."""
    return _lookup(REPORT_VALUES, value)


def breakdown_label(name: str) -> str:
    return _lookup(BREAKDOWNS, name) if name in BREAKDOWNS else field_label(name)


# -- the core's messages --------------------------------------------------------------------------
_FORMATTER = string.Formatter()
_DECIMALS = re.compile(r"\.(\d+)")


def message(t: str) -> str:
    """A core message in the user's language: a ``Text``'s template is translated in the "core"
    context and filled again, numbers and dates formatted for the locale and nested messages
    translated in turn; any other str (data, a message not made with ``text()``) is shown as it is."""
    if not isinstance(t, Text):
        return t
    if t.code == JOIN:
        return t.params["sep"].join(message(part) for part in t.params["parts"])
    template = QCoreApplication.translate(CORE_CONTEXT, t.template)
    try:
        return "".join(literal + ("" if name is None else _param(t.params[name], spec, conversion))
                       for literal, name, spec, conversion in _FORMATTER.parse(template))
    except (KeyError, ValueError):  # a translation naming a wrong placeholder: the English beats a crash
        return str(t)


def _param(value: Any, spec: str, conversion: str | None) -> str:
    if isinstance(value, Text):
        return message(value)
    if isinstance(value, str):
        return f"“{value}”" if conversion == "r" else value  # quoted the way the GUI's own strings quote
    if isinstance(value, bool) or value is None:
        return str(value)
    decimals = _DECIMALS.search(spec)
    if isinstance(value, int):
        return str(value) if spec == "d" else format_number(value)  # {n:d}: a line number or an id
    if isinstance(value, float):
        if spec.endswith("%"):
            return format_percent(value, int(decimals.group(1)) if decimals else 0)
        return format_number(value, int(decimals.group(1)) if decimals else 2)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    return format(value, spec)


def error_message(error: BaseException) -> str:
    """What an error says, in the user's language: where in the file (for bad data), then why."""
    said = getattr(error, "message", None)
    if not isinstance(said, Text):
        return str(error)
    if isinstance(error, BadDataError):
        where = error.where
        line = where.line and QCoreApplication.translate("Errors", "line %1").replace("%1", str(where.line))
        column = where.column and QCoreApplication.translate("Errors", "column “%1”").replace("%1", where.column)
        place = [p for p in (where.file, line, column) if p]
        if place:
            return ", ".join(place) + ": " + message(said)
    return message(said)
