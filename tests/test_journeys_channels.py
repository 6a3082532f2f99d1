"""The touch → marketing-channel mapping (channels.CHANNEL_RULES)."""
import pandas as pd
import pytest

from app.core.analytics.channels import CHANNEL_RULES, channel_rules_table, touch_channel, touch_channels


@pytest.mark.parametrize("medium, source, campaign, channel, expected", [
    ("cpc", "google", None, "web", "Paid search"),
    ("CPC", "Google", None, "web", "Paid search"),
    ("cpc", "facebook", None, "web", "Paid social"),
    ("paid_social", "ig", None, "web", "Paid social"),
    ("paid_social", None, None, "web", "Paid social"),
    ("email", "newsletter", "saldi", "web", "Email"),
    (None, "newsletter", None, "web", "Email"),
    ("organic", "google", None, "web", "Organic search"),
    ("organic", "instagram", None, "web", "Organic social"),
    (None, "m.facebook.com", None, "web", "Organic social"),
    (None, "bing", None, "web", "Organic search"),
    ("referral", "blog.example.it", None, "web", "Referral"),
    (None, "blog.example.it", None, "web", "Referral"),
    ("display", "criteo", None, "web", "Display"),
    ("affiliate", "awin", None, "web", "Affiliate"),
    ("(none)", "(direct)", None, "web", "Direct"),
    (None, None, None, "web", "Direct"),
    (None, None, None, "online_shop", "Direct"),
    (None, None, "Saldi estivi", "email", "Email"),
    (None, None, None, "email", "Email"),
    (None, None, "c:1234 Primavera", "ads", "Ads / leads"),
    (None, None, "newsletter_marzo", "web", "Email"),
    ("sms", "brevo", None, "web", "Email"),        # a known email tool as source wins over an odd medium
    ("sms", "smsfactor", None, "web", "Sms"),       # an unknown medium is its own channel
    (float("nan"), pd.NA, None, "other", "Other"),
])
def test_touch_channel(medium, source, campaign, channel, expected):
    assert touch_channel(medium, source, campaign, channel) == expected


def test_vectorised_mapping_equals_the_scalar_one():
    df = pd.DataFrame({
        "utm_medium": ["cpc", None, "email", None, "cpc"],
        "utm_source": ["google", None, "newsletter", "bing", "google"],
        "campaign": [None, "Saldi", None, None, None],
        "utm_campaign": ["brand", None, "spring", None, "brand"],
        "channel": ["web", "email", "web", "web", "web"],
    }, index=[10, 11, 12, 13, 14])
    got = touch_channels(df)
    assert got.index.tolist() == [10, 11, 12, 13, 14]
    assert got.tolist() == ["Paid search", "Email", "Email", "Organic search", "Paid search"]


def test_the_rules_table_lists_every_rule():
    table = channel_rules_table()
    assert len(table) > len(CHANNEL_RULES)
    assert set(r.channel for r in CHANNEL_RULES) <= set(table["channel"])
    assert table["order"].tolist() == list(range(1, len(table) + 1))
