"""The value types the profiles layer hands to the CLI, the GUI and the exports."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

LEGAL_BASES = ("consent", "soft_spam", "none")


@dataclass
class ContactValue:
    """One email address or phone number of a profile, with where and when it was last seen."""

    value: str
    source: str
    at: str | None
    primary: bool


@dataclass
class ChannelConsent:
    """The merged marketing permission for one channel (email or sms) of one profile."""

    state: str  # one of fields.CONSENT_STATES
    basis: str  # one of LEGAL_BASES
    at: str | None  # when the deciding statement was made (or, undated, when its source was read)
    source: str | None  # the source of the deciding statement
    reasons: list[str] = field(default_factory=list)  # human-readable, one line per fact weighed

    @property
    def may_contact(self) -> bool:
        return self.basis in ("consent", "soft_spam")

    def to_json(self) -> dict:
        return {**asdict(self), "may_contact": self.may_contact}


@dataclass
class Consent:
    email: ChannelConsent
    sms: ChannelConsent

    def to_json(self) -> dict:
        return {"email": self.email.to_json(), "sms": self.sms.to_json()}
