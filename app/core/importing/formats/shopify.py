"""Shopify customers (2024+ layout with Customer ID, and the older one without) and orders.

Orders come one row per line item with the order's fields only on its first row: rows are grouped
by ``Name`` (#1001) into one event whose amount is the order ``Total``; the line items go to the
event's details. ``Source`` is ``web`` for the online shop and ``pos`` for Shopify POS sales, which
belong to the store channel.
"""
from __future__ import annotations

from collections.abc import Mapping

from app.core.importing.registry import Format, register


@register
class ShopifyCustomers(Format):
    id = "shopify_customers"
    label = "Shopify customers"
    kind = "contacts"
    channel = "online_shop"
    columns = {
        "customer_id": ("Customer ID",),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "email": ("Email",),
        "email_consent": ("Accepts Email Marketing",),
        "company": ("Default Address Company", "Company"),
        "address": ("Default Address Address1", "Address1"),
        "address2": ("Default Address Address2", "Address2"),
        "city": ("Default Address City", "City"),
        "province": ("Default Address Province Code", "Province Code", "Province"),
        "country": ("Default Address Country Code", "Country Code", "Country"),
        "postcode": ("Default Address Zip", "Zip"),
        "phone": ("Phone", "Default Address Phone"),
        "sms_consent": ("Accepts SMS Marketing",),
        "total_spent": ("Total Spent",),
        "total_orders": ("Total Orders",),
        "tags": ("Tags",),
    }
    signature = ("First Name", "Last Name", "Email", "Accepts Email Marketing", "Phone", "Accepts SMS Marketing",
                 "Total Spent", "Total Orders", "Tags", "Note", "Tax Exempt")
    required = ("Accepts Email Marketing", "Total Spent")
    key_fields = ("customer_id", "email")  # the older layout has no ID: keyed by email


@register
class ShopifyOrders(Format):
    id = "shopify_orders"
    label = "Shopify orders"
    kind = "events"
    channel = "online_shop"
    columns = {
        "event_id": ("Name",),
        "occurred_at": ("Created at", "Paid at"),
        "email": ("Email",),
        "order_status": ("Financial Status",),
        "amount": ("Total",),
        "currency": ("Currency",),
        "email_consent": ("Accepts Marketing",),
        "full_name": ("Billing Name", "Shipping Name"),
        "company": ("Billing Company",),
        "address": ("Billing Address1", "Billing Street"),
        "address2": ("Billing Address2",),
        "city": ("Billing City",),
        "postcode": ("Billing Zip",),
        "province": ("Billing Province",),
        "country": ("Billing Country",),
        "phone": ("Billing Phone", "Phone", "Shipping Phone"),
        "store": ("Location",),
    }
    item_columns = {
        "product": ("Lineitem name",),
        "quantity": ("Lineitem quantity",),
        "price": ("Lineitem price",),
        "sku": ("Lineitem sku",),
    }
    signature = ("Name", "Email", "Financial Status", "Created at", "Lineitem quantity", "Lineitem name",
                 "Lineitem price", "Billing Name", "Shipping Name", "Total", "Subtotal", "Source")
    required = ("Lineitem name", "Financial Status")
    group_rows = True
    group_amount = "first"

    def event_type(self, values: Mapping[str, object], raw: Mapping[str, str]) -> str | None:
        if (raw.get("Cancelled at") or "").strip():
            return "other"
        status = str(values.get("order_status") or "").strip().lower()
        if status == "refunded":
            return "return"
        if status in ("voided", "expired"):
            return "other"
        return "purchase"

    def event_channel(self, raw: Mapping[str, str]) -> str | None:
        return "store" if (raw.get("Source") or "").strip().lower() == "pos" else None
