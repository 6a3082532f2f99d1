"""Who goes into an email tool's files, with which address and number, and who must be suppressed.

From the golden records (``profiles.bulk.iter_profile_exports``):
- **Email** to people whose email consent ``may_contact`` (explicit consent, or soft spam); the first
  address that validates, primary first. **SMS** only with SMS consent (soft spam is email only: the
  profiles layer never gives it for SMS), to the first valid number that is not a landline.
- **Suppression**: people whose merged state is opt-out, suppressed or cleaned (and who may not be
  contacted) have *every* address / number they gave listed for the tool's suppression files, so a
  copy of the address the tool already holds is blocked too.
- **Conflicts**: an address (or number) that someone else must not be sent to is never exported; an
  address already taken by an earlier profile is not exported twice (one row per person, no
  duplicates: Klaviyo refuses them). Addresses compare by match key (gmail dots and +tags folded):
  ``m.rossi@gmail.com`` and ``mrossi+promo@gmail.com`` are one mailbox.
Every value left out is a ``Note`` (the validation report); counts are per person.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.exporting.validate import check_email, check_phone
from app.core.normalize import email_key, phone_type

if TYPE_CHECKING:
    from app.core.profiles.bulk import ChannelConsent, ContactValue, ProfileExport

SUPPRESSING_STATES = ("suppressed", "cleaned", "opt_out")
LEFT_OUT = "left out"  # the value is not exported (the row too, when nothing else is left)
BLANKED = "left blank"  # an attribute (name, address…) left empty; the row is kept
ALTERNATIVE_USED = "skipped; another one used"
COUNT_KEYS = ("profiles", "exported", "excluded_consent", "excluded_invalid", "excluded_duplicate", "suppressed",
              "no_contact")


@dataclass
class Note:
    """One line of the validation report."""

    profile_id: int
    channel: str  # email | sms | profile
    field: str
    value: str
    problem: str
    action: str

    def to_row(self) -> list[object]:
        return [self.profile_id, self.channel, self.field, self.value, self.problem, self.action]


NOTE_HEADERS = ("profile_id", "channel", "field", "value", "problem", "action")


@dataclass
class Person:
    """A profile that goes into the contact files: its validated, consented, unique email and/or phone."""

    profile: ProfileExport
    email: str | None = None
    phone: str | None = None


@dataclass
class Suppressed:
    value: str
    state: str
    profile_id: int


@dataclass
class Audience:
    people: list[Person]
    suppressed_emails: list[Suppressed]
    suppressed_phones: list[Suppressed]
    notes: list[Note]
    counts: dict[str, int] = field(default_factory=dict)


def _suppressing(consent: ChannelConsent) -> bool:
    return not consent.may_contact and consent.state in SUPPRESSING_STATES


def _pick(profile_id: int, channel: str, values: list[ContactValue], check, notes: list[Note]) -> str | None:
    """The first value that passes ``check``; each one skipped before it is noted."""
    skipped: list[Note] = []
    for cv in values:
        value, problem = check(cv.value)
        if value is not None:
            for n in skipped:
                n.action = ALTERNATIVE_USED
            notes.extend(skipped)
            return value
        skipped.append(Note(profile_id, channel, channel, cv.value, problem or "invalid", LEFT_OUT))
    notes.extend(skipped)
    return None


def _check_mobile(value: str) -> tuple[str | None, str | None]:
    number, problem = check_phone(value)
    if number is not None and phone_type(number) == "fixed":
        return None, "a landline cannot receive SMS"
    return number, problem


def build_audience(profiles: Iterable[ProfileExport], *, ascii_local: bool = False, sms: bool = True) -> Audience:
    """Consent filtering, validation, suppression and de-duplication over every profile (see the module).

    ``sms=False`` (an email-only tool): people are exported for their email alone; a consented number
    is still picked, as an attribute of people who are.
    """
    notes: list[Note] = []
    candidates: list[Person] = []
    supp_email: dict[str, Suppressed] = {}
    supp_phone: dict[str, Suppressed] = {}
    counts: Counter[str] = Counter(dict.fromkeys(COUNT_KEYS, 0))
    status: dict[int, str] = {}

    def check_address(value: str) -> tuple[str | None, str | None]:
        return check_email(value, ascii_local=ascii_local)

    for p in profiles:
        counts["profiles"] += 1
        pid = p.profile_id
        if _suppressing(p.email_consent):
            for cv in p.emails:
                if check_email(cv.value)[0]:
                    supp_email.setdefault(email_key(cv.value), Suppressed(cv.value.strip(), p.email_consent.state, pid))
        if sms and _suppressing(p.sms_consent):
            for cv in p.phones:
                if check_phone(cv.value)[0]:
                    supp_phone.setdefault(cv.value.strip(), Suppressed(cv.value.strip(), p.sms_consent.state, pid))
        person = Person(p)
        wanted = False
        if p.email_consent.may_contact and p.emails:
            wanted = True
            person.email = _pick(pid, "email", p.emails, check_address, notes)
        if p.sms_consent.may_contact and p.phones and (sms or person.email):
            wanted = wanted or sms
            person.phone = _pick(pid, "sms", p.phones, _check_mobile, notes)
        if person.email or sms and person.phone:
            candidates.append(person)
        if not p.emails and not p.phones:
            status[pid] = "no_contact"
        elif wanted:
            status[pid] = "excluded_invalid"  # until a value of theirs is exported
        else:
            status[pid] = "excluded_consent"
        if _suppressing(p.email_consent) and p.emails or sms and _suppressing(p.sms_consent) and p.phones:
            status[pid] = "suppressed"

    people = _resolve(candidates, supp_email, supp_phone, notes, status, sms=sms)
    for person in people:
        status[person.profile.profile_id] = "exported"
    counts.update(status.values())
    return Audience(people, list(supp_email.values()), list(supp_phone.values()), notes, dict(counts))


def _resolve(candidates: list[Person], supp_email: dict[str, Suppressed], supp_phone: dict[str, Suppressed],
             notes: list[Note], status: dict[int, str], *, sms: bool) -> list[Person]:
    """Drop values suppressed elsewhere or taken by an earlier profile; keep people with a value left."""
    seen_email: dict[str, int] = {}
    seen_phone: dict[str, int] = {}
    people: list[Person] = []
    for person in candidates:
        pid = person.profile.profile_id
        if person.email:
            key = email_key(person.email)
            person.email = _keep(pid, "email", person.email, key, supp_email, seen_email, notes, status)
        if person.phone and sms:  # an email-only tool's numbers are attributes: shared ones do no harm
            person.phone = _keep(pid, "sms", person.phone, person.phone, supp_phone, seen_phone, notes, status)
        if person.email or sms and person.phone:
            people.append(person)
    return people


def _keep(pid: int, channel: str, value: str, key: str, suppressed: dict[str, Suppressed], seen: dict[str, int],
          notes: list[Note], status: dict[int, str]) -> str | None:
    other = suppressed.get(key)
    if other is not None and other.profile_id != pid:
        notes.append(Note(pid, channel, channel, value,
                          f"also on profile {other.profile_id}, whose {channel} consent is {other.state}",
                          LEFT_OUT))
        status[pid] = "excluded_consent"
        return None
    first = seen.get(key)
    if first is not None:
        notes.append(Note(pid, channel, channel, value, f"same {channel} as profile {first}, exported there",
                          LEFT_OUT))
        status[pid] = "excluded_duplicate"
        return None
    seen[key] = pid
    return value
