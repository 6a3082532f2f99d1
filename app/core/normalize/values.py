"""Cell values: amounts with currency, booleans, consent states, gender, spreadsheet prefixes and formulas."""
from __future__ import annotations

import math
import re
from functools import lru_cache

from app.core.normalize._text import fold
from app.core.normalize.phone import to_e164

_CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "US$": "USD", "CHF": "CHF", "FR": "CHF"}
_CURRENCY_WORDS = {"EURO": "EUR", "EUROS": "EUR", "EUR": "EUR", "USD": "USD", "GBP": "GBP", "CHF": "CHF",
                   "JPY": "JPY", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "PLN": "PLN", "CZK": "CZK",
                   "HUF": "HUF", "RON": "RON", "CAD": "CAD", "AUD": "AUD", "CNY": "CNY", "INR": "INR",
                   "BRL": "BRL", "MXN": "MXN", "RUB": "RUB", "TRY": "TRY", "ZAR": "ZAR", "NZD": "NZD"}
_CURRENCY = re.compile(r"US\$|[€$£¥]|\b[A-Za-z]{2,5}\b\.?")
_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_NUMBER = re.compile(r"\d[\d.,]*")


def _to_float(number: str) -> float | None:
    """Digits with `.`/`,`: the last separator is decimal unless it is a lone one followed by exactly three
    digits after a 1–3 digit non-zero integer part (`1.234`, `12,500`: thousands). Groups must be of three."""
    dots, commas = number.count("."), number.count(",")
    if dots and commas:
        decimal = "." if number.rfind(".") > number.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if number.count(decimal) > 1:
            return None
    elif dots + commas == 0:
        return float(number)
    else:
        sep = "." if dots else ","
        head, _, tail = number.rpartition(sep)
        if dots + commas > 1 or (len(tail) == 3 and 1 <= len(head) <= 3 and head != "0"):
            decimal, thousands = "", sep
        else:
            decimal, thousands = sep, ""
    integer, _, fraction = number.rpartition(decimal) if decimal else (number, "", "")
    if thousands:
        groups = integer.split(thousands)
        if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
            return None
        integer = "".join(groups)
    if not integer.isdigit() or (fraction and not fraction.isdigit()):
        return None
    return float(f"{integer}.{fraction}" if fraction else integer)


@lru_cache(maxsize=1 << 14)
def _parse_amount_text(text: str) -> tuple[float | None, str | None]:
    currency = None
    for m in _CURRENCY.finditer(text):
        token = m.group(0).upper().rstrip(".")
        code = _CURRENCY_SIGNS.get(token) or _CURRENCY_WORDS.get(token)
        if code is None or (currency and currency != code):
            return None, None  # words that are not currencies, or two different currencies
        currency = code
    body = _SPACES.sub("", _CURRENCY.sub("", text))
    negative = False
    if body.endswith((".-", ",-")):  # `10.-`: whole amount, no cents (Swiss and Italian price tags)
        body = body[:-2]
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1]
    if body[:1] in "+-" and body:
        negative, body = negative or body[0] == "-", body[1:]
    elif body.endswith("-"):  # `5,00-` as some tills print refunds
        negative, body = True, body[:-1]
    if not _NUMBER.fullmatch(body):
        return None, None
    value = _to_float(body)
    if value is None:
        return None, None
    return (-value if negative else value), currency


def parse_amount(s: str | float | int | None) -> tuple[float | None, str | None]:
    """(value, ISO currency or None): `€ 1.234,56`, `1,234.56`, `$22.50`, `-5,00`, `(5.00)`, `EUR 12`; (None, None) for junk."""
    if s is None or isinstance(s, bool):
        return None, None
    if isinstance(s, (int, float)):
        return (None, None) if isinstance(s, float) and math.isnan(s) else (float(s), None)
    text = strip_text_prefix(str(s).strip())
    return _parse_amount_text(text) if text else (None, None)


def _word(s: object) -> str:
    return " ".join(fold(str(s)).lower().replace("_", " ").replace("-", " ").split())


_TRUE = frozenset({"yes", "y", "si", "s", "true", "t", "vero", "1", "1.0", "x", "ok", "on", "checked", "accetto",
                   "accettato", "accettata", "consenso", "consento", "acconsento", "consenso dato", "ja", "oui",
                   "opt in", "optin", "subscribed", "iscritto", "iscritta", "granted", "abilitato", "attivo"})
_FALSE = frozenset({"no", "n", "false", "f", "falso", "0", "0.0", "off", "unchecked", "non accetto", "negato",
                    "non consento", "nego", "rifiutato", "rifiuto", "nein", "non", "opt out", "optout",
                    "consenso negato", "non acconsento", "disabilitato", "non attivo"})


def parse_bool(s: object) -> bool | None:
    """yes/no, sì/no, true/false, vero/falso, 1/0, x, y/n, s/n, accetto/non accetto, consenso/negato…; None otherwise."""
    if s is None:
        return None
    if isinstance(s, bool):
        return s
    if isinstance(s, (int, float)) and not (isinstance(s, float) and math.isnan(s)):
        return bool(s) if s in (0, 1) else None
    word = _word(s)
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


# Multi-word phrases are compared whole, after folding, lower case, `_`/`-` as spaces.
_CONSENT_PHRASES: dict[str, tuple[str, ...]] = {
    "opt_in": ("subscribed", "subscribe", "opt in", "optin", "opted in", "iscritto", "iscritta", "yes", "si",
               "true", "1", "granted", "confirmed", "accetto", "consenso", "consento", "acconsento", "y", "s",
               "vero", "x"),
    "opt_out": ("unsubscribed", "unsubscribe", "opt out", "optout", "opted out", "disiscritto", "disiscritta",
                "no", "false", "0", "revoked", "withdrawn", "negato", "non accetto", "rifiutato", "nego",
                "non consento", "n", "falso", "declined", "consenso negato"),
    "cleaned": ("cleaned", "bounced", "bounce", "hard bounce", "hard bounced", "invalid", "non valido"),
    "suppressed": ("blacklisted", "blocklisted", "blacklist", "blocklist", "suppressed", "blocked",
                   "spam complaint", "spam", "marked as spam", "bloccato"),
    "unknown": ("never subscribed", "non subscribed", "not subscribed", "unknown", "pending", "sconosciuto",
                "transactional"),
}
_CONSENT = {phrase: state for state, phrases in _CONSENT_PHRASES.items() for phrase in phrases}


def parse_consent(s: object, *, status_hint: str | None = None) -> str | None:
    """A state of `fields.CONSENT_STATES` from a status or yes/no cell; None for empty or unreadable cells.

    `status_hint="blacklist"` reads a blacklist column (Brevo `EMAIL_BLACKLISTED`): true → suppressed,
    false → unknown. `KEY=value` cells are read the same way when the key names a blacklist.
    """
    if s is None:
        return None
    text = str(s).strip()
    if "=" in text:
        key, _, text = text.partition("=")
        if "BLACKLIST" in key.upper() or "BLOCKLIST" in key.upper():
            status_hint = "blacklist"
    if status_hint == "blacklist":
        flag = parse_bool(text)
        return None if flag is None else ("suppressed" if flag else "unknown")
    word = _word(text)
    return _CONSENT.get(word) if word else None


_MALE = frozenset({"m", "maschio", "maschile", "uomo", "male", "man", "mr", "sig", "signor", "signore", "sir",
                   "masc", "mister", "herr", "monsieur", "sr", "h", "homme", "maschietto"})
_FEMALE = frozenset({"f", "femmina", "femminile", "donna", "female", "woman", "mrs", "ms", "miss", "sig ra",
                     "sigra", "signora", "sig na", "signa", "signorina", "sra", "frau", "madame", "mme", "fem"})


def parse_gender(s: object) -> str | None:
    """`M` / `F` from M, F, maschio, femmina, uomo, donna, male, female, Sig./Sig.ra, Mr/Mrs/Ms…; None otherwise."""
    if s is None:
        return None
    word = _word(s).replace(".", " ").strip()
    word = " ".join(word.split())
    if word in _MALE:
        return "M"
    if word in _FEMALE:
        return "F"
    return None


_PREFIXED = re.compile(r"'(?=[\d+=@\t\r-])")


def strip_text_prefix(s: str) -> str:
    """Drop the `'` Shopify and Excel put before numbers, phones and formula-like text (`'00184`, `'+39…`)."""
    return s[1:] if s[:1] == "'" and _PREFIXED.match(s) else s


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
_PLAIN_SIGNED = re.compile(r"[+-]\s*[\d(][\d\s.,/()]*[\d)]?\s*(?:€|EUR)?")


def looks_like_formula(s: str) -> bool:
    """True when a spreadsheet would run the cell: it starts with = + - @ TAB CR or NUL.

    A sign followed only by a number or phone (digits, spaces, `.`, `,`, `/`, parentheses: `-5,00`,
    `+39 333 1234567`) is a value, and so is any signed cell that reads as an amount or a phone
    number (`-$5.00`, `+1 415-555-0100`). A second operator makes it a formula (`+1+2`, `-2-3`).
    """
    if not s or not s.startswith(_FORMULA_START):
        return False
    if s[0] not in "+-":
        return True
    return not (_PLAIN_SIGNED.fullmatch(s) or parse_amount(s)[0] is not None
                or (s[0] == "+" and to_e164(s) is not None))
