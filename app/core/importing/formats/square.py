"""Square: customer directory, transactions (one row per payment) and item details (one row per
item sold, grouped by Transaction ID into one purchase). Amounts carry a currency sign (``$22.50``);
dates and times are separate columns in the account's time zone (read as the region's zone).
Square card payments are not offered in Italy, but shops elsewhere in Europe send these files."""
from __future__ import annotations

from collections.abc import Mapping

from app.core.importing.registry import Format, register


@register
class SquareCustomers(Format):
    id = "square_customers"
    label = "Square customers"
    kind = "contacts"
    channel = "store"
    columns = {
        "customer_id": ("Square Customer ID", "Customer ID"),
        "first_name": ("First Name", "Given Name"),
        "last_name": ("Last Name", "Family Name", "Surname"),
        "email": ("Email Address", "Email"),
        "phone": ("Phone Number", "Phone"),
        "company": ("Company Name",),
        "address": ("Street Address 1", "Address Line 1"),
        "address2": ("Street Address 2", "Address Line 2"),
        "city": ("City", "Locality"),
        "province": ("State", "Administrative District Level 1"),
        "postcode": ("Postal Code", "Zip Code"),
        "birth_date": ("Birthday",),
        "email_consent": ("Email Subscription Status",),
        "registered_at": ("Creation Date", "First Visit"),
        "total_spent": ("Total Spend",),
        "total_orders": ("Transaction Count",),
    }
    signature = ("Square Customer ID", "Reference ID", "First Name", "Last Name", "Email Address", "Phone Number",
                 "First Visit", "Last Visit", "Transaction Count", "Total Spend", "Email Subscription Status")
    required = ("Square Customer ID|Email Subscription Status",)
    key_fields = ("customer_id", "email")


class _SquareSales(Format):
    kind = "events"
    channel = "store"

    def event_type(self, values: Mapping[str, object], raw: Mapping[str, str]) -> str | None:
        kind = (raw.get("Event Type") or "").strip().lower()
        if kind == "refund":
            return "return"
        status = (raw.get("Transaction Status") or "").strip().lower()
        if status in ("failed", "canceled", "cancelled"):
            return "other"
        return None  # generic rule: purchase, or return when the amount is negative


@register
class SquareTransactions(_SquareSales):
    id = "square_transactions"
    label = "Square transactions"
    columns = {
        "event_id": ("Transaction ID", "Payment ID"),
        "event_date": ("Date",),
        "event_time": ("Time",),
        "amount": ("Total Collected", "Gross Sales", "Net Sales"),
        "customer_id": ("Customer ID",),
        "full_name": ("Customer Name",),
        "store": ("Location",),
        "order_status": ("Transaction Status",),
    }
    signature = ("Date", "Time", "Time Zone", "Gross Sales", "Net Sales", "Total Collected", "Transaction ID",
                 "Payment ID", "Card Brand", "Location", "Customer ID", "Customer Name", "Transaction Status")
    required = ("Transaction ID", "Total Collected")


@register
class SquareItems(_SquareSales):
    id = "square_items"
    label = "Square item details"
    columns = {
        "event_id": ("Transaction ID",),
        "event_date": ("Date",),
        "event_time": ("Time",),
        "amount": ("Net Sales", "Gross Sales"),
        "customer_id": ("Customer ID",),
        "full_name": ("Customer Name",),
        "store": ("Location",),
    }
    item_columns = {"product": ("Item",), "quantity": ("Qty",), "price": ("Gross Sales",), "sku": ("SKU",),
                    "category": ("Category",)}
    signature = ("Date", "Time", "Time Zone", "Category", "Item", "Qty", "Price Point Name", "SKU", "Gross Sales",
                 "Net Sales", "Transaction ID", "Customer ID", "Location")
    required = ("Transaction ID", "Item", "Qty")
    group_rows = True
    group_amount = "sum"
