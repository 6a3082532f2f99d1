"""Lightspeed eCom customer export. The surname particle has its own column (LastnamePreposition:
"van", "de") and the house number is split into Number + Extension (12 + A → 12A)."""
from __future__ import annotations

from app.core.importing.registry import Format, register

STREET_NUMBER = "_street_number"


@register
class LightspeedCustomers(Format):
    id = "lightspeed_customers"
    label = "Lightspeed eCom customers"
    kind = "contacts"
    channel = "online_shop"
    derived_columns = (STREET_NUMBER,)
    columns = {
        "customer_id": ("Internal ID",),
        "first_name": ("Firstname",),
        "name_particle": ("LastnamePreposition",),
        "last_name": ("Lastname",),
        "email": ("E-Mail",),
        "phone": ("Phone",),
        "mobile": ("Mobile",),
        "company": ("Company",),
        "address": ("Streetname",),
        "address2": ("Address 2",),
        "street_number": (STREET_NUMBER,),
        "postcode": ("Zipcode",),
        "city": ("City",),
        "province": ("Region",),
        "country": ("Country",),
        "birth_date": ("Date of Birth",),
        "gender": ("Gender",),
        "registered_at": ("Registered",),
    }
    signature = ("Internal ID", "Registered", "Firstname", "LastnamePreposition", "Lastname", "E-Mail", "Phone",
                 "Mobile", "Streetname", "Number", "Extension", "Zipcode", "Date of Birth")
    required = ("LastnamePreposition|Internal ID", "Lastname")
    key_fields = ("customer_id", "email")

    def derive(self, raw: dict[str, str]) -> None:
        raw[STREET_NUMBER] = ((raw.get("Number") or "").strip() + (raw.get("Extension") or "").strip())
