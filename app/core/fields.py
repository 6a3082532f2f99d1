"""Canonical fields, channels and event types: the vocabulary every layer shares.

Importers map columns onto these names; normalisation, matching, profiles, analytics and exports
read them. Add a field here once and the mapper, the CLI (--map) and the GUI pick it up.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # id, text, name, email, phone, date, datetime, time, amount, bool, consent, postcode, code, number
    label: str  # English label; the GUI translates it
    contact: bool = True  # may appear in a contact file
    event: bool = False  # may appear in an event file
    identity: bool = False  # identifies a person (used to build identity records and for matching)


FIELDS: tuple[Field, ...] = (
    # keys and identifiers
    Field("customer_id", "id", "Customer ID", event=True, identity=True),
    Field("loyalty_card", "id", "Loyalty card", event=True, identity=True),
    Field("codice_fiscale", "code", "Codice fiscale", event=True, identity=True),
    Field("national_id", "id", "Other personal ID", identity=True),
    # names
    Field("full_name", "name", "Full name", event=True, identity=True),
    Field("first_name", "name", "First name", event=True, identity=True),
    Field("last_name", "name", "Last name", event=True, identity=True),
    Field("name_particle", "name", "Surname particle (de, van…)", event=True, identity=True),
    Field("company", "text", "Company", event=True),
    # contact details
    Field("email", "email", "Email", event=True, identity=True),
    Field("phone", "phone", "Phone", event=True, identity=True),
    Field("mobile", "phone", "Mobile phone", event=True, identity=True),
    Field("birth_date", "date", "Birth date", identity=True),
    Field("gender", "text", "Gender", identity=True),
    # address
    Field("address", "text", "Address", event=True, identity=True),
    Field("address2", "text", "Address line 2", event=True, identity=True),
    Field("street_number", "text", "Street number", event=True, identity=True),
    Field("postcode", "postcode", "Postcode (CAP)", event=True, identity=True),
    Field("city", "text", "City", event=True, identity=True),
    Field("province", "text", "Province", event=True, identity=True),
    Field("country", "text", "Country", event=True, identity=True),
    # consent and status
    Field("email_consent", "consent", "Email marketing consent", event=True),
    Field("email_consent_at", "datetime", "Email consent date", event=True),
    Field("sms_consent", "consent", "SMS marketing consent", event=True),
    Field("sms_consent_at", "datetime", "SMS consent date", event=True),
    Field("subscription_status", "consent", "Subscription status"),
    # profile attributes
    Field("tags", "text", "Tags"),
    Field("registered_at", "datetime", "Registered on"),
    Field("home_store", "text", "Home store"),
    Field("total_spent", "amount", "Total spent"),
    Field("total_orders", "number", "Total orders"),
    # events
    Field("event_id", "id", "Event / order / receipt ID", contact=False, event=True),
    Field("occurred_at", "datetime", "Date and time", contact=False, event=True),
    Field("event_date", "date", "Date", contact=False, event=True),
    Field("event_time", "time", "Time", contact=False, event=True),
    Field("event_type", "text", "Event type", contact=False, event=True),
    Field("amount", "amount", "Amount", contact=False, event=True),
    Field("currency", "text", "Currency", contact=False, event=True),
    Field("quantity", "number", "Quantity", contact=False, event=True),
    Field("product", "text", "Product", contact=False, event=True),
    Field("sku", "text", "SKU", contact=False, event=True),
    Field("store", "text", "Store / location", contact=False, event=True),
    Field("order_status", "text", "Order status", contact=False, event=True),
    Field("campaign", "text", "Campaign", contact=False, event=True),
    Field("utm_source", "text", "UTM source", contact=False, event=True),
    Field("utm_medium", "text", "UTM medium", contact=False, event=True),
    Field("utm_campaign", "text", "UTM campaign", contact=False, event=True),
    Field("utm_content", "text", "UTM content", contact=False, event=True),
    Field("utm_term", "text", "UTM term", contact=False, event=True),
    Field("visitor_id", "id", "Visitor / device ID", contact=False, event=True),
)

FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
IDENTITY_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.identity)

# Channels a source (and so each of its events) belongs to. Ids are stable (CLI, JSON, DB).
CHANNELS: dict[str, str] = {
    "store": "Store",
    "online_shop": "Online shop",
    "email": "Email / newsletter",
    "web": "Web",
    "ads": "Ads / leads",
    "other": "Other",
}
CHANNEL_ALIASES: dict[str, str] = {
    "shop": "online_shop", "online": "online_shop", "ecommerce": "online_shop", "e-commerce": "online_shop",
    "webshop": "online_shop", "newsletter": "email", "leads": "ads", "lead": "ads", "social": "ads",
    "negozio": "store", "pos": "store", "till": "store", "cassa": "store", "sito": "web", "analytics": "web",
}

# Event types. Conversions are purchases; everything else but returns is a touch.
EVENT_TYPES: dict[str, str] = {
    "purchase": "Purchase",
    "return": "Return / refund",
    "cart": "Added to cart",
    "checkout": "Started checkout",
    "visit": "Visit / page view",
    "email_sent": "Email sent",
    "email_open": "Email opened",
    "email_click": "Email clicked",
    "ad_click": "Ad click",
    "lead": "Lead form",
    "subscribe": "Subscribed",
    "unsubscribe": "Unsubscribed",
    "points": "Loyalty points",
    "other": "Other",
}
CONVERSION_TYPES = frozenset({"purchase"})

# Consent states, per channel (email, sms). Ordered from most to least restrictive for merging.
CONSENT_STATES = ("suppressed", "cleaned", "opt_out", "opt_in", "unknown")


def channel_id(name: str) -> str:
    """Map a user-typed channel name to its id; raises ValueError for an unknown one."""
    key = name.strip().lower().replace(" ", "_")
    if key in CHANNELS:
        return key
    if key in CHANNEL_ALIASES:
        return CHANNEL_ALIASES[key]
    raise ValueError(f"unknown channel {name!r}; use one of: {', '.join(CHANNELS)}")
