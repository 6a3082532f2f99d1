"""Value checks for the email tools' import files (DOMAIN.md §2): validate, never ``'``-prefix.

Each check returns ``(value, problem)``: the value as the tool wants it, or None with a plain reason.
Rules: email syntax (RFC atext local part, dotted domain, ≤ 254 characters, local part ≤ 64; for
Mailchimp international characters only after the ``@``); phones E.164 ``^\\+\\d{8,15}$``; text at
most 255 bytes of UTF-8 with no control characters; nothing a spreadsheet would run as a formula
(someone will open the file in Excel before uploading it); Mailchimp tags ≤ 100 characters without
emoji; birthdays ``MM/DD``; times ``YYYY-MM-DD HH:MM:SS`` in UTC and never in the future; countries ISO-2.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

from app.core.exporting.safe import is_formula_like
from app.core.normalize import country_code, is_valid_email, parse_datetime

Checked = tuple[str | None, str | None]

E164 = re.compile(r"\+\d{8,15}")
TEXT_MAX_BYTES = 255
TAG_MAX_CHARS = 100
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\u20E3\U000E0020-\U000E007F]")
_SPACES = re.compile(r"\s+")
_BIRTH = re.compile(r"(?:\d{4}|-)-(\d{2})-(\d{2})")


def _formula(text: str) -> str:
    return f"starts with {text[0]!r}, which a spreadsheet would run as a formula"


def check_email(value: str | None, *, ascii_local: bool = False) -> Checked:
    """A sendable address as written (trimmed), or the reason it is not one."""
    text = (value or "").strip()
    if not text:
        return None, "no email address"
    if is_formula_like(text):
        return None, _formula(text)
    local = text.rpartition("@")[0]
    if not is_valid_email(text) or any(ch.isspace() for ch in text):
        return None, "not a valid email address"
    if len(text) > 254 or len(local) > 64:
        return None, "email address too long (at most 64 characters before the @ and 254 in all)"
    if ascii_local and not local.isascii():
        return None, "international characters before the @ (Mailchimp accepts them only after it)"
    return text, None


def check_phone(value: str | None) -> Checked:
    """An E.164 number (``+`` and 8 to 15 digits, no separators), or the reason it is not one."""
    text = (value or "").strip()
    if not text:
        return None, "no phone number"
    if not E164.fullmatch(text):
        return None, "not an E.164 phone number (+ and 8 to 15 digits)"
    return text, None


def check_text(value: str | None, *, max_bytes: int = TEXT_MAX_BYTES) -> Checked:
    """Text with its whitespace runs as single spaces; None (no problem) when empty."""
    if value is None:
        return None, None
    text = _SPACES.sub(" ", str(value)).strip()
    if not text:
        return None, None
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        return None, "contains control characters"
    if is_formula_like(text):
        return None, _formula(text)
    if len(text.encode("utf-8")) > max_bytes:
        return None, f"longer than {max_bytes} bytes"
    return text, None


def check_tag(value: str) -> Checked:
    """A Mailchimp tag: text of at most 100 characters without emoji."""
    text, problem = check_text(value)
    if text is None:
        return None, problem
    if len(text) > TAG_MAX_CHARS:
        return None, f"tag longer than {TAG_MAX_CHARS} characters"
    if _EMOJI.search(text):
        return None, "tag contains an emoji"
    return text, None


def check_country(value: str | None) -> Checked:
    """ISO-2 code (``IT``, ``GB`` — never ``UK``) from a code or a name."""
    if not value or not str(value).strip():
        return None, None
    code = country_code(str(value))
    return (code, None) if code else (None, f"country {value!r} not recognised (ISO-2 code needed)")


def birthday_mm_dd(value: str | None) -> Checked:
    """``MM/DD`` from a birth date ``YYYY-MM-DD`` or ``--MM-DD``; a year alone gives no birthday."""
    if not value:
        return None, None
    m = _BIRTH.fullmatch(str(value).strip())
    if m:
        return f"{m.group(1)}/{m.group(2)}", None
    if re.fullmatch(r"\d{4}", str(value).strip()):
        return None, None
    return None, f"birth date {value!r} not readable"


def utc_time(value: str | None, *, now: datetime | None = None) -> Checked:
    """A timestamp as UTC ``YYYY-MM-DD HH:MM:SS``; a future one is refused (Mailchimp rejects the row)."""
    if not value:
        return None, None
    parsed = parse_datetime(str(value), order="ymd", tz="UTC")
    if parsed is None:
        return None, f"time {value!r} not readable"
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    parsed = parsed.astimezone(UTC)
    if parsed > (now or datetime.now(UTC)):
        return None, f"time {value} is in the future"
    return parsed.strftime("%Y-%m-%d %H:%M:%S"), None
