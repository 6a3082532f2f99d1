"""Which marketing channel a touch belongs to, derived from its UTM tags, campaign and source channel.

Attribution credits *marketing* channels (Paid search, Email, Direct…), not the import channels of
``fields.CHANNELS``: a web visit tagged ``utm_medium=cpc`` is Paid search, an untagged one is Direct.
The whole mapping is the table ``CHANNEL_RULES`` below (first matching rule wins), then
``FALLBACK_BY_EVENT_CHANNEL`` for events with no tag at all. ``channel_rules_table()`` shows both.

Matching is case-insensitive. Sources are compared by their words (``m.facebook.com`` has the word
``facebook``), mediums and campaign keywords as whole values or words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from app.core.fields import CHANNELS

DIRECT = "Direct"

SEARCH_SOURCES = frozenset({"google", "bing", "yahoo", "duckduckgo", "ecosia", "baidu", "yandex", "qwant", "search"})
SOCIAL_SOURCES = frozenset({"facebook", "fb", "instagram", "ig", "meta", "tiktok", "linkedin", "twitter", "x",
                            "pinterest", "youtube", "snapchat", "threads", "whatsapp", "telegram"})
EMAIL_SOURCES = frozenset({"newsletter", "mailchimp", "klaviyo", "brevo", "sendinblue", "mailup", "email"})
PAID_MEDIUMS = frozenset({"cpc", "ppc", "paid", "ads", "cpm", "cpv", "paidsearch", "paid_search", "paid-search",
                          "sem", "paid_social", "paidsocial", "paid-social", "social_paid", "social-paid",
                          "social_ads"})
NO_MEDIUM = frozenset({"", "(none)", "none", "(not set)"})


@dataclass(frozen=True)
class ChannelRule:
    """A touch matches when every given condition holds (None = any value)."""

    channel: str
    mediums: frozenset[str] | None = None   # utm_medium, lower-cased; "" = no medium
    sources: frozenset[str] | None = None   # a word of utm_source
    campaign_words: frozenset[str] | None = None  # a word of the campaign / utm_campaign

    def matches(self, medium: str, source_words: set[str], campaign_words: set[str]) -> bool:
        return (
            (self.mediums is None or medium in self.mediums)
            and (self.sources is None or bool(source_words & self.sources))
            and (self.campaign_words is None or bool(campaign_words & self.campaign_words))
        )


def _f(*values: str) -> frozenset[str]:
    return frozenset(values)


# Order matters: paid before organic, tagged before untagged.
CHANNEL_RULES: tuple[ChannelRule, ...] = (
    ChannelRule("Paid social", mediums=PAID_MEDIUMS, sources=SOCIAL_SOURCES),
    ChannelRule("Paid social", mediums=_f("paid_social", "paidsocial", "paid-social", "social_paid", "social-paid",
                                          "social_ads")),
    ChannelRule("Paid search", mediums=PAID_MEDIUMS - _f("cpm", "cpv")),
    ChannelRule("Display", mediums=_f("display", "banner", "cpm", "cpv", "video")),
    ChannelRule("Email", mediums=_f("email", "e-mail", "e_mail", "mail", "newsletter")),
    ChannelRule("Email", sources=EMAIL_SOURCES),
    ChannelRule("Affiliate", mediums=_f("affiliate", "affiliates", "partner")),
    ChannelRule("Organic social", mediums=_f("social", "social-network", "social_network", "social-media",
                                             "social_media", "sm", "organic_social")),
    ChannelRule("Organic social", mediums=_f("organic"), sources=SOCIAL_SOURCES),
    ChannelRule("Organic search", mediums=_f("organic")),
    ChannelRule("Referral", mediums=_f("referral", "link")),
    ChannelRule(DIRECT, sources=_f("direct")),
    # a source with no medium
    ChannelRule("Organic search", mediums=NO_MEDIUM, sources=SEARCH_SOURCES),
    ChannelRule("Organic social", mediums=NO_MEDIUM, sources=SOCIAL_SOURCES),
    # untagged, but the campaign name says what it was
    ChannelRule("Email", mediums=NO_MEDIUM, sources=None, campaign_words=_f("newsletter", "email", "dem", "mailing")),
)

# No medium, no recognised source, no telling campaign: the event's own (import) channel decides.
FALLBACK_BY_EVENT_CHANNEL: dict[str, str] = {
    "web": DIRECT,
    "online_shop": DIRECT,
    "email": "Email",
    "ads": CHANNELS["ads"],
    "store": CHANNELS["store"],
    "other": CHANNELS["other"],
}

_WORD = re.compile(r"[a-z0-9]+")


def _words(value: str) -> set[str]:
    return set(_WORD.findall(value))


def _clean(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip().lower()


def touch_channel(utm_medium: object = None, utm_source: object = None, campaign: object = None,
                  event_channel: object = None) -> str:
    """The marketing channel of one touch (see the module docstring for the rules)."""
    medium, source, camp = _clean(utm_medium), _clean(utm_source), _clean(campaign)
    if medium in NO_MEDIUM and source in ("", "(direct)", "(none)"):
        source = ""
    source_words = _words(source)
    if medium or source or camp:
        campaign_words = _words(camp)
        for rule in CHANNEL_RULES:
            if rule.matches(medium, source_words, campaign_words):
                return rule.channel
        if source and medium in NO_MEDIUM:
            return "Referral"
        if medium and medium not in NO_MEDIUM:
            return medium.replace("_", " ").capitalize()  # an unknown medium is kept as its own channel
    channel = _clean(event_channel)
    return FALLBACK_BY_EVENT_CHANNEL.get(channel, CHANNELS.get(channel, DIRECT))


def touch_channels(events: pd.DataFrame) -> pd.Series:
    """``touch_channel`` for every row of an events frame, computed once per distinct combination."""
    cols = ["utm_medium", "utm_source", "campaign", "utm_campaign", "channel"]
    if events.empty:
        return pd.Series([], index=events.index, dtype=object)
    keys = events[cols].astype(object).where(events[cols].notna(), None)
    campaign = keys["campaign"].where(keys["campaign"].notna(), keys["utm_campaign"])
    combos = list(zip(keys["utm_medium"], keys["utm_source"], campaign, keys["channel"]))
    mapping = {c: touch_channel(*c) for c in set(combos)}
    return pd.Series([mapping[c] for c in combos], index=events.index, dtype=object)


def channel_rules_table() -> pd.DataFrame:
    """The mapping as a table, for documentation and the GUI."""
    def show(values: frozenset[str] | None) -> str:
        return "any" if values is None else ", ".join(sorted(v or "(empty)" for v in values))

    rows = [(i, r.channel, show(r.mediums), show(r.sources), show(r.campaign_words))
            for i, r in enumerate(CHANNEL_RULES, start=1)]
    n = len(rows)
    rows.append((n + 1, "Referral", "(empty)", "any other source", "any"))
    rows.append((n + 2, "<medium as written>", "any other medium", "any", "any"))
    rows += [(n + 3 + i, label, "(empty)", "(empty)", f"event channel = {ch}")
             for i, (ch, label) in enumerate(FALLBACK_BY_EVENT_CHANNEL.items())]
    return pd.DataFrame(rows, columns=["order", "channel", "utm_medium", "utm_source", "campaign / fallback"])
