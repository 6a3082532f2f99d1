"""WooCommerce: orders as exported by the common order-export plugins (WebToffee, SkyVerge: raw
keys such as ``order_id``, ``billing_email``), one row per order with line items packed in
``line_item_N`` columns; and the WooCommerce Analytics → Customers CSV.

``customer_id`` 0 means a guest checkout: the person is then found through the billing email.
"""
from __future__ import annotations

from collections.abc import Mapping

from app.core.importing.registry import Format, register


@register
class WooCommerceOrders(Format):
    id = "woocommerce_orders"
    label = "WooCommerce orders"
    kind = "events"
    channel = "online_shop"
    columns = {
        "event_id": ("order_id", "order_number"),
        "occurred_at": ("order_date", "paid_date"),
        "order_status": ("status",),
        "amount": ("order_total",),
        "currency": ("order_currency",),
        "customer_id": ("customer_id", "customer_user"),
        "email": ("billing_email", "customer_email"),
        "phone": ("billing_phone", "shipping_phone"),
        "first_name": ("billing_first_name", "shipping_first_name"),
        "last_name": ("billing_last_name", "shipping_last_name"),
        "company": ("billing_company",),
        "address": ("billing_address_1", "shipping_address_1"),
        "address2": ("billing_address_2",),
        "postcode": ("billing_postcode", "shipping_postcode"),
        "city": ("billing_city", "shipping_city"),
        "province": ("billing_state",),
        "country": ("billing_country",),
    }
    signature = ("order_id", "order_number", "order_date", "status", "order_total", "order_currency",
                 "customer_id", "billing_email", "billing_first_name", "billing_last_name", "billing_phone",
                 "payment_method")
    required = ("order_id|order_number", "billing_email|customer_email")
    null_ids = frozenset({"0"})

    def event_type(self, values: Mapping[str, object], raw: Mapping[str, str]) -> str | None:
        status = str(values.get("order_status") or "").strip().lower().removeprefix("wc-")
        if status == "refunded":
            return "return"
        if status in ("cancelled", "failed", "pending", "trash", "checkout-draft"):
            return "other"
        return "purchase"


@register
class WooCommerceCustomers(Format):
    id = "woocommerce_customers"
    label = "WooCommerce customers (Analytics)"
    kind = "contacts"
    channel = "online_shop"
    columns = {
        "full_name": ("Name", "Customer name"),
        "customer_id": ("Username",),
        "email": ("Email",),
        "registered_at": ("Sign Up", "Date registered", "Registered"),
        "total_orders": ("Orders",),
        "total_spent": ("Total Spend", "Total spent"),
        "country": ("Country / Region", "Country/Region", "Country"),
        "city": ("City",),
        "province": ("Region",),
        "postcode": ("Postal Code", "Postcode"),
    }
    signature = ("Name", "Username", "Last Active", "Sign Up", "Email", "Orders", "Total Spend", "AOV",
                 "Country / Region", "City", "Region", "Postal Code")
    required = ("Username", "AOV")
    key_fields = ("customer_id", "email")
