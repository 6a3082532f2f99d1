"""Meta (Facebook/Instagram) lead ads export: TAB-separated despite the .csv name, often UTF-16,
ids prefixed ``l:`` (lead), ``ag:``/``as:``/``c:``/``f:`` (ad, ad set, campaign, form), phones as
``p:+39…``. Each lead is a ``lead`` event; its form fields identify the person."""
from __future__ import annotations

from collections.abc import Mapping

from app.core.importing.registry import Format, register


@register
class MetaLeads(Format):
    id = "meta_leads"
    label = "Meta lead ads"
    kind = "events"
    channel = "ads"
    extensions = ("csv", "tsv", "txt")
    columns = {
        "event_id": ("id", "lead_id"),
        "occurred_at": ("created_time",),
        "campaign": ("campaign_name", "adset_name", "ad_name"),
        "full_name": ("full_name", "nome_e_cognome"),
        "first_name": ("first_name", "nome"),
        "last_name": ("last_name", "cognome"),
        "email": ("email", "e-mail"),
        "phone": ("phone_number", "phone", "numero_di_telefono"),
        "city": ("city", "città"),
        "postcode": ("zip_code", "post_code", "cap"),
        "address": ("street_address",),
        "province": ("province", "state"),
        "country": ("country",),
        "utm_source": ("platform",),
    }
    signature = ("id", "created_time", "ad_id", "ad_name", "adset_id", "adset_name", "campaign_id", "campaign_name",
                 "form_id", "form_name", "is_organic", "platform", "lead_status")
    required = ("created_time", "form_id|ad_id")

    def event_type(self, values: Mapping[str, object], raw: Mapping[str, str]) -> str | None:
        return "lead"
