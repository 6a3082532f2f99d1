"""Phone numbers to E.164 with `phonenumbers`, with an exact fast path for the common Italian forms."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberFormat, PhoneNumberType

_SEPARATORS = re.compile(r"[\s.\-/()\u00a0\u202f]+")
_PREFIXES = re.compile(r"^(?:p:|tel:|phone:|'|\+\+)\s*", re.IGNORECASE)
_PREFIX_STARTS = frozenset("pPtT'+")
_EXCEL_FLOAT = re.compile(r"(\+?\d+)\.0+")
_SCIENTIFIC = re.compile(r"\d[.,]?\d*[eE][+-]?\d+")
_DIGITS = re.compile(r"\+?\d+")


def _italian_validator() -> Callable[[str], bool]:
    """Replicates phonenumbers' validity test for Italy from its metadata: the general pattern and length,
    then any number type whose lengths allow the number's length (a type without lengths allows all).

    Used only to *accept* fast: anything it does not accept goes through phonenumbers itself, and a test
    compares both paths on many generated numbers.
    """
    meta = PhoneMetadata.metadata_for_region("IT")
    general = meta.general_desc
    kinds = [d for d in (getattr(meta, a) for a in (
        "fixed_line", "mobile", "premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager",
        "uan", "voicemail")) if d is not None and d.national_number_pattern]
    by_length: dict[int, re.Pattern[str]] = {}
    for length in general.possible_length:
        patterns = [d.national_number_pattern for d in kinds if not d.possible_length or length in d.possible_length]
        if patterns:
            by_length[length] = re.compile("|".join(f"(?:{p})" for p in patterns))
    general_pattern = re.compile(general.national_number_pattern)

    def valid(nsn: str) -> bool:
        kind = by_length.get(len(nsn))
        return kind is not None and general_pattern.fullmatch(nsn) is not None and kind.fullmatch(nsn) is not None

    return valid


_valid_it = _italian_validator()


def _fast_italian(digits: str) -> str | None:
    """E.164 for `+39…`, `0039…`, `39…` and national `0…`/`3…` numbers valid in Italy; None = ask phonenumbers."""
    national = False
    if digits.startswith("+39"):
        nsn = digits[3:]
    elif digits.startswith("0039"):
        nsn = digits[4:]
    elif digits[:1] in ("0", "3") and not digits.startswith("00"):
        nsn, national = digits, True
    else:
        return None
    if nsn.startswith("06698"):  # Vatican numbers share +39 and are validated by phonenumbers as VA
        return None
    if _valid_it(nsn):
        return "+39" + nsn
    # `39…` without the plus: when the whole is not a valid national number but the rest is, both
    # phonenumbers (stripping the country code) and `_slow` (retrying with "+") give +39 and the rest.
    rest = nsn[2:]
    if national and nsn.startswith("39") and not rest.startswith("06698") and _valid_it(rest):
        return "+39" + rest
    return None


def _slow(text: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    # `39333…` without the plus (Brevo SMS column): accept when it is a valid number of the region's country.
    code = str(phonenumbers.country_code_for_region(region))
    if text.isdigit() and text.startswith(code):
        try:
            number = phonenumbers.parse("+" + text, region)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return None


@lru_cache(maxsize=1 << 16)
def to_e164(raw: str | None, region: str = "IT") -> str | None:
    """E.164 (`+393331234567`, landline zero kept: `+390612345678`), or None for junk and invalid numbers.

    Accepts `0039`/`+39`/`39` prefixes, spaces, dots, hyphens, `/`, parentheses, Meta's `p:`, Shopify's
    leading `'` and spreadsheet float artefacts (`3331234567.0`); scientific notation is rejected because
    its digits are already lost.
    """
    if raw is None:
        return None
    text = str(raw).strip()
    while text[:1] in _PREFIX_STARTS and (stripped := _PREFIXES.sub("", text)) != text:
        text = stripped
    if not text:
        return None
    if "." in text or "e" in text or "E" in text:
        if _SCIENTIFIC.fullmatch(text):
            return None
        if excel := _EXCEL_FLOAT.fullmatch(text):
            text = excel.group(1)
    compact = _SEPARATORS.sub("", text)
    if region == "IT" and _DIGITS.fullmatch(compact):
        fast = _fast_italian(compact)
        if fast is not None:
            return fast
    return _slow(compact if _DIGITS.fullmatch(compact) else text, region)


@lru_cache(maxsize=1 << 14)
def phone_type(e164: str) -> str:
    """`mobile`, `fixed`, or `other` (toll-free, VoIP, and numbers that may be either, as in the US)."""
    try:
        kind = phonenumbers.number_type(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return "other"
    if kind == PhoneNumberType.MOBILE:
        return "mobile"
    if kind == PhoneNumberType.FIXED_LINE:
        return "fixed"
    return "other"


@lru_cache(maxsize=1 << 14)
def format_phone(e164: str) -> str:
    """International display form (`+39 333 123 4567`); the input unchanged if it cannot be parsed."""
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164, None), PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return e164
