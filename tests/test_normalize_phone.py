import random
import re

import pytest

from app.core.normalize import format_phone, phone_type, to_e164
from app.core.normalize import phone as phone_module


@pytest.mark.parametrize("raw, expected", [
    ("333 1234567", "+393331234567"),
    ("+39 333 123 4567", "+393331234567"),
    ("0039 333 1234567", "+393331234567"),
    ("393331234567", "+393331234567"),  # Brevo SMS column: country code without the plus
    ("p:+393331234567", "+393331234567"),  # Meta lead ads
    ("'+39 333 1234567", "+393331234567"),  # Shopify's leading apostrophe
    ("3331234567.0", "+393331234567"),  # spreadsheet float artefact
    ("333-123-4567", "+393331234567"),
    ("333.123.4567", "+393331234567"),
    ("333/1234567", "+393331234567"),
    ("06 12345678", "+390612345678"),  # Rome landline: the zero stays after +39
    ("(06) 1234.5678", "+390612345678"),
    ("+39 06 1234 5678", "+390612345678"),
    ("0039-02-1234567", "+39021234567"),
    ("02/1234567", "+39021234567"),
    ("3931234567", "+393931234567"),  # a 393 mobile is not a stripped country code
    ("+44 7911 123456", "+447911123456"),
    ("+41 44 668 18 00", "+41446681800"),
])
def test_to_e164_accepts_common_italian_forms(raw, expected):
    assert to_e164(raw) == expected


@pytest.mark.parametrize("raw", [
    None, "", "   ", "0000000", "123", "333", "3.33123E+09", "3,33123e+09", "n/a", "nessuno", "00000000000",
    "1234567890123456789",
])
def test_to_e164_rejects_junk(raw):
    assert to_e164(raw) is None


def test_to_e164_other_region():
    assert to_e164("07911 123456", region="GB") == "+447911123456"
    assert to_e164("447911123456", region="GB") == "+447911123456"


def _generated_numbers(rng: random.Random, count: int) -> list[str]:
    prefixes = ["", "+39", "0039", "39", "+39 ", "0039 ", "(0)", "+"]
    numbers = []
    for _ in range(count):
        first = rng.choice("0033333334156789")
        digits = first + "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 12)))
        sep = rng.choice(["", " ", "-", ".", "/"])
        if sep and len(digits) > 4:
            cut = rng.randint(2, len(digits) - 2)
            digits = digits[:cut] + sep + digits[cut:]
        number = rng.choice(prefixes) + digits
        if not re.fullmatch(r"\+?\d+\.0+", number):  # that shape is a spreadsheet float, tested above
            numbers.append(number)
    return numbers


def test_fast_path_gives_exactly_what_phonenumbers_gives():
    rng = random.Random(7)
    numbers = _generated_numbers(rng, 60_000)
    fast_hits = 0
    for raw in numbers:
        compact = phone_module._SEPARATORS.sub("", raw)
        slow = phone_module._slow(compact, "IT")
        fast = phone_module._fast_italian(compact) if phone_module._DIGITS.fullmatch(compact) else None
        if fast is not None:
            fast_hits += 1
            assert fast == slow, raw
        assert to_e164(raw) == slow, raw
    assert fast_hits > 10_000  # the fast path is actually exercised


def test_phone_type_and_display():
    assert phone_type("+393331234567") == "mobile"
    assert phone_type("+390612345678") == "fixed"
    assert phone_type("+39800123456") == "other"  # toll-free
    assert phone_type("garbage") == "other"
    assert format_phone("+393331234567") == "+39 333 123 4567"
    assert format_phone("+390612345678") == "+39 06 1234 5678"
