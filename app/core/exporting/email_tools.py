"""The import layouts of Mailchimp, Klaviyo and Brevo (DOMAIN.md §2): exact headers, one file per status
where the tool sets the status per import, and the values each tool documents.

Contact details other than the address and number the person consented to are only attributes:
a phone goes into an email file only when the person also consented to SMS (an import screen may
offer to subscribe every number in the file to SMS). Attributes that fail validation are left blank
and noted; the row stays.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.exporting.audience import BLANKED, Audience, Note, Person, Suppressed
from app.core.exporting.validate import (
    birthday_mm_dd,
    check_country,
    check_tag,
    check_text,
    utc_time,
)

MAILCHIMP_STREET_MAX = 45  # address lines under 45 characters ([C] in DOMAIN.md)


@dataclass
class ToolFile:
    name: str
    headers: tuple[str, ...]
    rows: list[list[str]]
    how: str  # what to do with the file, for the README and the CLI
    suppression: bool = False


@dataclass(frozen=True)
class EmailTool:
    id: str
    label: str
    delimiter: str
    max_bytes: int | None  # split larger files (Klaviyo: 50 MB per upload)
    ascii_local: bool  # international characters only after the @
    sms: bool  # the tool takes SMS contacts (else numbers are only attributes of email contacts)
    build: Callable[[Audience], list[ToolFile]]
    notes: str  # README paragraph


class _Attributes:
    """One person's validated attributes; every value refused becomes a note and an empty cell."""

    def __init__(self, person: Person, notes: list[Note]):
        self.p = person.profile
        self.notes = notes

    def _keep(self, field: str, raw: object, checked: tuple[str | None, str | None]) -> str:
        value, problem = checked
        if problem:
            self.notes.append(Note(self.p.profile_id, "profile", field, str(raw), problem, BLANKED))
        return value or ""

    def text(self, field: str) -> str:
        raw = getattr(self.p, field)
        return self._keep(field, raw, check_text(raw))

    def country(self) -> str:
        return self._keep("country", self.p.country, check_country(self.p.country))

    def birthday(self) -> str:
        return self._keep("birth_date", self.p.birth_date, birthday_mm_dd(self.p.birth_date))

    def consent_time(self) -> str:
        """When explicit email consent was given, UTC; nothing for soft spam (no opt-in happened)."""
        c = self.p.email_consent
        return self._keep("email_consent_at", c.at, utc_time(c.at)) if c.basis == "consent" else ""

    def mailchimp_address(self) -> str:
        """One cell, parts separated by two spaces: street, city, province, postcode, country. Mailchimp
        reads an address only with its street, city and postcode, so an incomplete one is left out."""
        street = self.text("address")
        if not street:
            return ""
        parts = [street, self.text("city"), self.text("province"), self.text("postcode"), self.country()]
        problem = None
        if len(street) >= MAILCHIMP_STREET_MAX:
            problem = f"street line of {MAILCHIMP_STREET_MAX} characters or more"
        elif not parts[1] or not parts[3]:
            problem = "incomplete address: Mailchimp needs the street, the city and the postcode"
        if problem:
            self.notes.append(Note(self.p.profile_id, "profile", "address", street, problem, BLANKED))
            return ""
        return "  ".join(p for p in parts if p)

    def mailchimp_tags(self) -> str:
        """Tags quoted and comma-separated, as Mailchimp writes them: ``"VIP","Roma, centro"``."""
        kept = []
        for tag in self.p.tags:
            value = self._keep("tags", tag, check_tag(tag))
            if value and '"' in value:
                self.notes.append(Note(self.p.profile_id, "profile", "tags", tag, "tag contains a double quote",
                                       BLANKED))
            elif value:
                kept.append(f'"{value}"')
        return ",".join(kept)


def _emails(values: list[Suppressed], states: tuple[str, ...]) -> list[list[str]]:
    return [[s.value] for s in values if s.state in states]


# -- Mailchimp -------------------------------------------------------------------------------------
MAILCHIMP_HEADERS = ("Email Address", "First Name", "Last Name", "Address", "Phone Number", "Birthday", "Tags",
                     "OPTIN_TIME")


def mailchimp_files(audience: Audience) -> list[ToolFile]:
    rows = []
    for person in audience.people:
        if not person.email:
            continue
        a = _Attributes(person, audience.notes)
        rows.append([person.email, a.text("first_name"), a.text("last_name"), a.mailchimp_address(),
                     person.phone or "", a.birthday(), a.mailchimp_tags(), a.consent_time()])
    supp = audience.suppressed_emails
    return [
        ToolFile("subscribed_members_export_unico.csv", MAILCHIMP_HEADERS, rows,
                 'Import with the status "Subscribed".'),
        ToolFile("unsubscribed_members_export_unico.csv", ("Email Address",),
                 _emails(supp, ("opt_out", "suppressed")), 'Import with the status "Unsubscribed".', True),
        ToolFile("cleaned_members_export_unico.csv", ("Email Address",), _emails(supp, ("cleaned",)),
                 'Import with the status "Cleaned" (addresses that bounced).', True),
    ]


# -- Klaviyo ---------------------------------------------------------------------------------------
KLAVIYO_EMAIL_HEADERS = ("Email", "First Name", "Last Name", "Address", "City", "State / Region", "Zip Code",
                         "Country", "Email Marketing Consent", "Email Marketing Consent Timestamp")
KLAVIYO_SMS_HEADERS = ("Phone Number", "Email", "First Name", "Last Name")


def klaviyo_files(audience: Audience) -> list[ToolFile]:
    email_rows, sms_rows = [], []
    for person in audience.people:
        a = _Attributes(person, audience.notes)
        first, last = a.text("first_name"), a.text("last_name")
        if person.email:
            explicit = person.profile.email_consent.basis == "consent"
            email_rows.append([person.email, first, last, a.text("address"), a.text("city"), a.text("province"),
                               a.text("postcode"), a.country(), "Subscribe" if explicit else "Never subscribed",
                               a.consent_time()])
        if person.phone:
            sms_rows.append([person.phone, person.email or "", first, last])
    return [
        ToolFile("klaviyo_email_subscribers.csv", KLAVIYO_EMAIL_HEADERS, email_rows,
                 "Lists & Segments > your list > Import contacts. Email consent is per row; "
                 "leave SMS consent off."),
        ToolFile("klaviyo_sms_subscribers.csv", KLAVIYO_SMS_HEADERS, sms_rows,
                 "Import into your SMS list with SMS consent on: every number in it consented.", False),
        ToolFile("klaviyo_suppressed.csv", ("Email",), _emails(audience.suppressed_emails, ("opt_out", "suppressed",
                                                                                           "cleaned")),
                 "Profiles > Suppressed profiles > Upload suppressed profiles.", True),
    ]


# -- Brevo -----------------------------------------------------------------------------------------
BREVO_HEADERS = ("EMAIL", "FIRSTNAME", "LASTNAME", "SMS")


def brevo_files(audience: Audience) -> list[ToolFile]:
    rows = []
    for person in audience.people:
        a = _Attributes(person, audience.notes)
        rows.append([person.email or "", a.text("first_name"), a.text("last_name"), person.phone or ""])
    return [
        ToolFile("brevo_contacts.csv", BREVO_HEADERS, rows,
                 "Contacts > Import contacts > Upload a file, into your list. EMAIL is filled only for "
                 "people who may be emailed, SMS only for people who consented to SMS."),
        ToolFile("brevo_blocklist_email.csv", ("EMAIL",),
                 _emails(audience.suppressed_emails, ("opt_out", "suppressed", "cleaned")),
                 'Import with "Blocklist the imported contacts for emails" on.', True),
        ToolFile("brevo_blocklist_sms.csv", ("SMS",), [[s.value] for s in audience.suppressed_phones],
                 'Import with "Blocklist the imported contacts for SMS" on.', True),
    ]


TOOLS: dict[str, EmailTool] = {
    "mailchimp": EmailTool(
        "mailchimp", "Mailchimp", ",", None, True, False, mailchimp_files,
        "Mailchimp sets the status once per import, so each status has its own file (named as Mailchimp "
        "names its own export files). OPTIN_TIME is the UTC time of the explicit opt-in (for a source that "
        "gives no date, when Unico read it); Mailchimp reads it on a contact's first import only. Birthday is MM/DD; Address is one cell with its parts separated "
        "by two spaces."),
    "klaviyo": EmailTool(
        "klaviyo", "Klaviyo", ",", 50_000_000, False, True, klaviyo_files,
        "Email Marketing Consent is Subscribe for an explicit opt-in (with its UTC timestamp) and Never "
        "subscribed for soft spam (past buyers who did not object: Klaviyo may email them, never SMS). "
        "Uploads do not trigger double opt-in; pause flows triggered by the list before importing. Files "
        "over 50 MB are split (name-2.csv, name-3.csv…)."),
    "brevo": EmailTool(
        "brevo", "Brevo", ";", 250_000_000, False, True, brevo_files,
        "Semicolon-separated UTF-8. Brevo blocklists per import, so unsubscribed, bounced and blocked "
        "contacts have their own files, one per channel. FIRSTNAME and LASTNAME may be called NOME and "
        "COGNOME in an Italian account: match them in the import screen."),
}
