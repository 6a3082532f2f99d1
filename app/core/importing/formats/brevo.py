"""Brevo (ex Sendinblue) contact export: ``;``-separated, upper-case attribute names that follow the
account's language (FIRSTNAME/LASTNAME, NOME/COGNOME, PRENOM/NOM), SMS numbers without ``+``
(``39333…``), and blocklist flags: EMAIL_BLACKLISTED true means the address must not be emailed
(``suppressed``); false says nothing about consent (``unknown``: Brevo exports no opt-in column).
"""
from __future__ import annotations

from app.core.importing.registry import Format, register


@register
class BrevoContacts(Format):
    id = "brevo_contacts"
    label = "Brevo contacts"
    kind = "contacts"
    channel = "email"
    extensions = ("csv", "txt", "xlsx")
    columns = {
        "customer_id": ("EXT_ID", "CONTACT ID", "CONTACT_ID"),
        "email": ("EMAIL",),
        "first_name": ("FIRSTNAME", "NOME", "PRENOM", "VORNAME", "NOMBRE"),
        "last_name": ("LASTNAME", "COGNOME", "NOM", "NACHNAME", "APELLIDOS"),
        "phone": ("SMS", "WHATSAPP"),
        "mobile": ("LANDLINE_NUMBER",),
        "email_consent": ("EMAIL_BLACKLISTED",),
        "sms_consent": ("SMS_BLACKLISTED",),
        "registered_at": ("ADDED_TIME",),
    }
    signature = ("EMAIL", "EMAIL_BLACKLISTED", "SMS_BLACKLISTED", "ADDED_TIME", "MODIFIED_TIME", "SMS",
                 "FIRSTNAME|NOME|PRENOM", "LASTNAME|COGNOME|NOM")
    required = ("EMAIL", "EMAIL_BLACKLISTED|MODIFIED_TIME")
    key_fields = ("customer_id", "email")
    consent_hints = {"email_consent": "blacklist", "sms_consent": "blacklist"}
