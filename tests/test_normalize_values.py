import pytest

from app.core.fields import CONSENT_STATES
from app.core.normalize import (
    looks_like_formula, parse_amount, parse_bool, parse_consent, parse_gender, strip_text_prefix,
)


@pytest.mark.parametrize("raw, expected", [
    ("€ 1.234,56", (1234.56, "EUR")),
    ("1.234,56 €", (1234.56, "EUR")),
    ("1,234.56", (1234.56, None)),
    ("$22.50", (22.5, "USD")),
    ("-5,00", (-5.0, None)),
    ("(5.00)", (-5.0, None)),
    ("EUR 12", (12.0, "EUR")),
    ("12 euro", (12.0, "EUR")),
    ("12.5", (12.5, None)),
    ("12,5", (12.5, None)),
    ("1.234", (1234.0, None)),  # lone separator before exactly three digits: thousands
    ("12.500", (12500.0, None)),
    ("0,125", (0.125, None)),
    ("1.234.567,89", (1234567.89, None)),
    ("1,234,567", (1234567.0, None)),
    ("1 234,56 €", (1234.56, "EUR")),
    ("1\u202f234,56", (1234.56, None)),  # narrow no-break space as thousands separator
    ("CHF 10.-", (10.0, "CHF")),
    ("10,-", (10.0, None)),
    ("5,00-", (-5.0, None)),
    ("+3", (3.0, None)),
    ("'12,50", (12.5, None)),
    (12.5, (12.5, None)),
    (3, (3.0, None)),
])
def test_parse_amount(raw, expected):
    assert parse_amount(raw) == expected


@pytest.mark.parametrize("raw", [None, "", "abc", "12abc", "1.2.3,4,5", "1,23,456", "€", "12 € $", "--5",
                                 float("nan"), "1e5"])
def test_parse_amount_junk(raw):
    assert parse_amount(raw) == (None, None)


@pytest.mark.parametrize("raw, expected", [
    ("yes", True), ("Sì", True), ("SI", True), ("si", True), ("true", True), ("VERO", True), ("1", True),
    ("x", True), ("Y", True), ("S", True), ("accetto", True), ("Consenso", True), (True, True), (1, True),
    ("no", False), ("NO", False), ("false", False), ("falso", False), ("0", False), ("n", False),
    ("non accetto", False), ("negato", False), (False, False), (0, False),
    ("", None), ("forse", None), (None, None), (2, None),
])
def test_parse_bool(raw, expected):
    assert parse_bool(raw) is expected


@pytest.mark.parametrize("raw, hint, state", [
    ("subscribed", None, "opt_in"), ("SUBSCRIBED", None, "opt_in"), ("yes", None, "opt_in"),
    ("true", None, "opt_in"), ("opt-in", None, "opt_in"), ("Iscritto", None, "opt_in"),
    ("unsubscribed", None, "opt_out"), ("UNSUBSCRIBED", None, "opt_out"), ("no", None, "opt_out"),
    ("false", None, "opt_out"), ("opt-out", None, "opt_out"), ("disiscritto", None, "opt_out"),
    ("cleaned", None, "cleaned"), ("bounced", None, "cleaned"),
    ("blacklisted", None, "suppressed"), ("blocklisted", None, "suppressed"), ("suppressed", None, "suppressed"),
    ("EMAIL_BLACKLISTED=true", None, "suppressed"), ("EMAIL_BLACKLISTED=false", None, "unknown"),
    ("true", "blacklist", "suppressed"), ("1", "blacklist", "suppressed"), ("false", "blacklist", "unknown"),
    ("NEVER_SUBSCRIBED", None, "unknown"), ("unknown", None, "unknown"), ("pending", None, "unknown"),
    ("", None, None), (None, None, None), ("boh", None, None),
])
def test_parse_consent(raw, hint, state):
    assert parse_consent(raw, status_hint=hint) == state
    assert state is None or state in CONSENT_STATES


@pytest.mark.parametrize("raw, gender", [
    ("M", "M"), ("m", "M"), ("maschio", "M"), ("Uomo", "M"), ("male", "M"), ("Sig.", "M"), ("Mr", "M"),
    ("Mr.", "M"), ("F", "F"), ("femmina", "F"), ("Donna", "F"), ("female", "F"), ("Sig.ra", "F"),
    ("Signora", "F"), ("Sig.na", "F"), ("Mrs", "F"), ("Ms.", "F"), ("Miss", "F"), ("", None), ("X", None),
    (None, None), ("altro", None),
])
def test_parse_gender(raw, gender):
    assert parse_gender(raw) == gender


@pytest.mark.parametrize("raw, expected", [
    ("'00184", "00184"), ("'+393331234567", "+393331234567"), ("'=SUM(A1)", "=SUM(A1)"),
    ("'7210448301122", "7210448301122"), ("'t Hooft", "'t Hooft"), ("D'Angelo", "D'Angelo"), ("'", "'"),
    ("00184", "00184"),
])
def test_strip_text_prefix(raw, expected):
    assert strip_text_prefix(raw) == expected


@pytest.mark.parametrize("raw, formula", [
    ("=SUM(A1:A3)", True), ("=1+2", True), ("@SUM(A1)", True), ("+1+2", True), ("-2-3", True),
    ("+cmd|' /C calc'!A0", True), ("-A1", True), ("\tabc", True), ("\rabc", True),
    ("-5,00", False), ("-5.00", False), ("+39 333 1234567", False), ("+393331234567", False),
    ("+39 (06) 1234/5678", False), ("-12", False), ("Mario", False), ("", False), ("5-3", False),
])
def test_looks_like_formula(raw, formula):
    assert looks_like_formula(raw) is formula
