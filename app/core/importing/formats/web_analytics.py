"""Web analytics events, GA4 BigQuery-like flattened rows: ``event_name``, ``event_timestamp``
(microseconds, UTC) or ``event_date`` (YYYYMMDD), ``user_pseudo_id`` (a browser, not a person),
``user_id`` (the shop's customer id when logged in), UTM columns (``utm_*`` or GA4's
``collected_traffic_source.manual_*`` / ``traffic_source.*``)."""
from __future__ import annotations

from collections.abc import Mapping

from app.core.importing.registry import Format, register

EVENT_NAMES = {
    "page_view": "visit", "view_item": "visit", "view_item_list": "visit", "session_start": "visit",
    "first_visit": "visit", "user_engagement": "visit", "scroll": "visit", "view_search_results": "visit",
    "add_to_cart": "cart", "view_cart": "cart", "add_to_wishlist": "cart",
    "begin_checkout": "checkout", "add_shipping_info": "checkout", "add_payment_info": "checkout",
    "purchase": "purchase", "refund": "return",
    "generate_lead": "lead", "sign_up": "subscribe", "login": "visit",
    "ad_click": "ad_click", "click": "visit",
}


@register
class WebAnalytics(Format):
    id = "web_analytics"
    label = "Web analytics events (GA4-like)"
    kind = "events"
    channel = "web"
    columns = {
        "event_id": ("event_id", "event_bundle_sequence_id"),
        "occurred_at": ("event_timestamp", "event_time", "timestamp", "event_date"),
        "event_type": ("event_name",),
        "visitor_id": ("user_pseudo_id", "client_id", "device_id"),
        "customer_id": ("user_id",),
        "email": ("email", "user_email"),
        "amount": ("purchase_revenue", "ecommerce.purchase_revenue", "value", "revenue"),
        "currency": ("currency", "ecommerce.currency"),
        "utm_source": ("utm_source", "collected_traffic_source.manual_source", "traffic_source.source", "source"),
        "utm_medium": ("utm_medium", "collected_traffic_source.manual_medium", "traffic_source.medium", "medium"),
        "utm_campaign": ("utm_campaign", "collected_traffic_source.manual_campaign_name", "traffic_source.name",
                         "campaign"),
        "utm_content": ("utm_content", "collected_traffic_source.manual_content"),
        "utm_term": ("utm_term", "collected_traffic_source.manual_term"),
    }
    signature = ("event_date", "event_timestamp", "event_name", "user_pseudo_id", "user_id",
                 "utm_source|collected_traffic_source.manual_source|traffic_source.source",
                 "utm_medium|collected_traffic_source.manual_medium|traffic_source.medium",
                 "utm_campaign|collected_traffic_source.manual_campaign_name|traffic_source.name",
                 "page_location")
    required = ("event_name", "event_timestamp|event_date|event_time|timestamp", "user_pseudo_id|user_id|client_id")

    def event_type(self, values: Mapping[str, object], raw: Mapping[str, str]) -> str | None:
        name = str(values.get("event_type") or "").strip().lower()
        return EVENT_NAMES.get(name, "other")
