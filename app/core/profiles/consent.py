"""Consent per channel, merged conservatively, with the reasoning written out.

Each member record may state a consent for email and for SMS (``fields.CONSENT_STATES``), dated
(``*_consent_at``) or not. The merge, per channel:

1. An email or phone of the profile on the erasure suppression list → ``suppressed``, no basis.
2. A refusal in any source — ``opt_out`` (unsubscribed, said no), ``cleaned`` (the address bounced),
   ``suppressed`` (a blocklist) — wins, unless an explicit opt-in *dated after the latest refusal*
   exists. An undated refusal counts as of the day its source was read (a snapshot export says
   "no" today); an undated opt-in never overrides a refusal, because it cannot be shown to be
   newer (GDPR art. 7(1): the shop must be able to demonstrate consent).
3. Otherwise an opt-in in any source → legal basis ``consent``.
4. Otherwise, for email only: a past buyer who gave the address with a sale and objected nowhere →
   ``soft_spam`` (Codice Privacy art. 130(4): the shop's own similar products, opt-out offered in
   every message). SMS has no such exception: no opt-in, no basis.
5. Then the workspace's retention policy (app.core.retention): a profile with no activity since the
   marketing limit's cut-off day (no event, no purged one, no record imported or updated) may not
   be contacted: whatever the state, the basis becomes ``none``, with the reason.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core import messages
from app.core.errors import UsageError
from app.core.profiles.members import Member, epoch, iso_ts, load_members
from app.core.profiles.model import ChannelConsent, Consent
from app.core.retention import MarketingLimit, marketing_limit
from app.core.suppression import SuppressionCheck
from app.core.workspace import Workspace

REFUSALS = ("suppressed", "cleaned", "opt_out")  # most restrictive first, as in CONSENT_STATES
SAID = {state: f"consent.said.{state}" for state in (*REFUSALS, "opt_in")}  # messages codes
CHANNELS = ("email", "sms")


@dataclass
class _Statement:
    state: str
    when: float  # seconds; for an undated statement, when its source was read
    at: str  # ISO text of `when`'s origin
    dated: bool
    member: Member

    def line(self) -> str:
        when = messages.text("consent.on" if self.dated else "consent.undated", day=messages.as_date(self.at))
        return messages.text("consent.statement", ref=self.member.ref, said=messages.text(SAID[self.state]),
                             when=when)


def _statements(channel: str, members: list[Member]) -> list[_Statement]:
    out = []
    for m in members:
        state, at = (m.email_consent, m.email_consent_at) if channel == "email" else (m.sms_consent, m.sms_consent_at)
        if state not in SAID:
            continue
        when = epoch(at) if at else None
        if when is None:
            out.append(_Statement(state, epoch(m.as_of) or 0.0, m.as_of, False, m))
        else:
            out.append(_Statement(state, when, at, True, m))
    return out


def _soft_spam(members: list[Member]) -> Member | None:
    """The latest buyer record that carries an email address (the address given with a sale)."""
    buyers = [m for m in members if m.purchases and m.n_email]
    return max(buyers, key=lambda m: (m.last_purchase_ts or 0, m.record_id)) if buyers else None


def channel_consent(channel: str, members: list[Member], suppressed: str | None = None) -> ChannelConsent:
    """Merge one channel's statements; ``suppressed`` names a listed identifier (masked) if any."""
    if suppressed:
        return ChannelConsent("suppressed", "none", None, None,
                              [messages.text("consent.on_suppression_list", identifier=suppressed)])
    said = _statements(channel, members)
    refusals = [s for s in said if s.state in REFUSALS]
    opt_ins = [s for s in said if s.state == "opt_in"]
    reasons = [s.line() for s in sorted(said, key=lambda s: (s.when, s.member.record_id))]
    if refusals:
        latest = max(refusals, key=lambda s: s.when)
        newer = [s for s in opt_ins if s.dated and s.when > latest.when]
        if newer:
            win = max(newer, key=lambda s: s.when)
            reasons.append(messages.text("consent.newer_opt_in", day=messages.as_date(win.at),
                                         source=win.member.source))
            return ChannelConsent("opt_in", "consent", win.at, win.member.source, reasons)
        state = min((s.state for s in refusals), key=REFUSALS.index)
        deciding = max((s for s in refusals if s.state == state), key=lambda s: s.when)
        if opt_ins:
            reasons.append(messages.text("consent.refusal_wins"))
        reasons.append(messages.text("consent.refused", said=messages.text(SAID[state]), source=deciding.member.source))
        return ChannelConsent(state, "none", deciding.at, deciding.member.source, reasons)
    if opt_ins:
        win = max(opt_ins, key=lambda s: (s.dated, s.when))
        reasons.append(messages.text("consent.opted_in", source=win.member.source))
        return ChannelConsent("opt_in", "consent", win.at, win.member.source, reasons)
    buyer = _soft_spam(members)
    if channel == "email" and buyer is not None:
        bought = iso_ts(buyer.last_purchase_ts)
        reasons.append(messages.text("consent.soft_spam", email=buyer.n_email, ref=buyer.ref,
                                     day=messages.as_date(bought)))
        return ChannelConsent("unknown", "soft_spam", bought, buyer.source, reasons)
    if channel == "sms" and buyer is not None:
        reasons.append(messages.text("consent.sms_not_soft_spam"))
    else:
        reasons.append(messages.text(f"consent.none.{channel}"))
    return ChannelConsent("unknown", "none", None, None, reasons)


def _mask(value: str) -> str:
    """Enough of an identifier to recognise it in a reason line, not to read it back."""
    head, at, domain = value.partition("@")
    return f"{head[:2]}…@{domain}" if at else f"…{value[-3:]}"


def _suppressed(check: SuppressionCheck, channel: str, members: list[Member]) -> str | None:
    if not check:
        return None
    for m in members:
        if channel == "email" and m.n_email_key and check.hit(m.n_email_key):
            return _mask(m.n_email or m.n_email_key)
        if channel == "sms":
            for p in (m.n_mobile, m.n_phone):
                if p and check.hit(phones=(p,)):
                    return _mask(p)
    return None


def inactive_since(members: list[Member], limit: MarketingLimit) -> bool:
    """No member record active on or after the limit's cut-off day (events, purged ones included, or
    the record's import or update)."""
    return not any((m.last_ts or 0) >= limit.cutoff_ts or (epoch(m.updated_at) or 0) >= limit.cutoff_ts
                   for m in members)


def consent_of(members: list[Member], check: SuppressionCheck, limit: MarketingLimit | None = None) -> Consent:
    """The merged consent; ``limit`` (``marketing_limit(ws)``) expires it for inactive people."""
    consent = Consent(*(channel_consent(c, members, _suppressed(check, c, members)) for c in CHANNELS))
    if limit is not None and inactive_since(members, limit):
        for c in (consent.email, consent.sms):
            if c.may_contact:
                c.basis = "none"
                months = messages.text("consent.month" if limit.months == 1 else "consent.months", count=limit.months)
                c.reasons.append(messages.text("consent.retention_expired", months=months))
    return consent


def consents(ws: Workspace, profile_ids: Iterable[int], *, expire: bool = True) -> dict[int, Consent]:
    """Consent of many profiles at once (the exports' bulk form); ``expire=False`` ignores the
    retention policy's marketing limit (to count whom it expires)."""
    check = SuppressionCheck(ws)
    limit = marketing_limit(ws) if expire else None
    return {pid: consent_of(ms, check, limit) for pid, ms in load_members(ws, profile_ids).items()}


def profile_consent(ws: Workspace, profile_id: int) -> Consent:
    """Consent of one profile, with the reasoning."""
    found = consents(ws, [profile_id])
    if profile_id not in found:
        raise UsageError(f"no profile {profile_id}; see `unico profiles`")
    return found[profile_id]
