"""Email addresses: cleaning, validity, the match key, likely domain typos, names inside the local part."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz.distance import OSA

from app.core.normalize.gazetteer import first_names, surnames

# Plausible syntax: one @, RFC atext local part, dotted domain whose last label is a TLD (letters or xn--).
_LOCAL = r"[\w!#$%&'*+/=?^`{|}~.-]+"
_LABEL = r"(?:[^\W_]|[^\W_][\w-]*[^\W_])"
_VALID = re.compile(rf"{_LOCAL}@(?:{_LABEL}\.)+(?:[^\W\d_]{{2,}}|xn--[a-z0-9-]+)", re.IGNORECASE)
_NAME_ADDR = re.compile(r"<([^<>]*)>")

# Providers where `+tag` is an alias of the same mailbox (by brand: any TLD, e.g. hotmail.it, yahoo.co.uk).
_PLUS_BRANDS = frozenset({
    "outlook", "hotmail", "live", "msn", "yahoo", "ymail", "rocketmail", "icloud", "me", "mac",
    "proton", "protonmail", "pm", "fastmail",
})
_GMAIL = frozenset({"gmail.com", "googlemail.com"})
_TLD_PART = re.compile(r"[a-z]{2,3}(?:\.[a-z]{2,3})?")

# Real, common mailbox domains in Italy; a domain one edit away from exactly one of them is a likely typo.
KNOWN_DOMAINS: tuple[str, ...] = (
    "gmail.com", "googlemail.com", "libero.it", "hotmail.it", "hotmail.com", "yahoo.it", "yahoo.com",
    "outlook.it", "outlook.com", "live.it", "live.com", "virgilio.it", "alice.it", "tiscali.it", "tin.it",
    "tim.it", "icloud.com", "me.com", "mac.com", "msn.com", "fastwebnet.it", "email.it", "inwind.it",
    "iol.it", "katamail.com", "aruba.it", "pec.it", "legalmail.it", "teletu.it", "infinito.it",
    "protonmail.com", "proton.me", "pm.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "yahoo.fr",
    "hotmail.fr", "orange.fr", "free.fr", "wanadoo.fr", "yahoo.co.uk", "hotmail.co.uk", "btinternet.com",
    "aol.com", "bluewin.ch", "t-online.de", "ymail.com", "tiscalinet.it", "supereva.it", "jumpy.it",
    "poste.it", "postecert.it", "fastmail.com", "zoho.com", "mail.com", "yandex.com", "qq.com",
)
_KNOWN = frozenset(KNOWN_DOMAINS)

# Local parts of shared/role mailboxes (compared on the part before the first . _ - or +).
ROLE_LOCAL_PARTS = frozenset({
    "info", "informazioni", "negozio", "shop", "store", "noreply", "no-reply", "donotreply", "admin",
    "administrator", "amministrazione", "contatti", "contact", "contacts", "office", "ufficio", "segreteria",
    "sales", "vendite", "support", "supporto", "assistenza", "help", "hello", "ciao", "mail", "email",
    "posta", "webmaster", "postmaster", "hostmaster", "abuse", "ordini", "orders", "marketing", "newsletter",
    "billing", "fatture", "fatturazione", "contabilita", "hr", "jobs", "lavoro", "privacy", "commerciale",
    "direzione", "booking", "prenotazioni", "reception", "team", "staff", "service", "servizi", "clienti",
    "customercare", "customerservice", "bounce", "mailer-daemon", "root", "test",
})
_SEPARATORS = re.compile(r"[._+-]")


@lru_cache(maxsize=1 << 16)
def clean_email(raw: str | None) -> str | None:
    """Trimmed, `mailto:`/`<>`/quotes removed, lower case; None unless it is a plausible address."""
    if raw is None:
        return None
    text = str(raw).strip()
    bracketed = _NAME_ADDR.search(text)
    if bracketed:
        text = bracketed.group(1)
    text = text.strip().strip("\"'").strip()
    if text[:7].lower() == "mailto:":
        text = text[7:].split("?", 1)[0]
    text = text.strip().strip("\"'").rstrip(".,;:").lower()
    return text if _VALID.fullmatch(text) else None


def is_valid_email(s: str) -> bool:
    """True when the trimmed text is, as it stands, a plausible address (used to validate exports)."""
    return bool(_VALID.fullmatch(s.strip())) if isinstance(s, str) else False


def _brand(domain: str) -> str | None:
    brand, _, rest = domain.partition(".")
    return brand if _TLD_PART.fullmatch(rest) else None


@lru_cache(maxsize=1 << 16)
def email_key(email: str) -> str:
    """Match key: gmail dots and `+tag` removed (googlemail → gmail); `+tag` removed where providers alias it."""
    local, at, domain = email.strip().lower().rpartition("@")
    if not at:
        return email.strip().lower()
    if domain in _GMAIL:
        return local.split("+", 1)[0].replace(".", "") + "@gmail.com"
    if _brand(domain) in _PLUS_BRANDS:
        local = local.split("+", 1)[0]
    return f"{local}@{domain}"


@lru_cache(maxsize=4096)
def _typo_of(domain: str) -> str | None:
    if domain in _KNOWN:
        return None
    close = [d for d in KNOWN_DOMAINS if OSA.distance(domain, d, score_cutoff=1) <= 1]
    return close[0] if len(close) == 1 else None


def domain_typo(email: str) -> str | None:
    """The domain probably meant when this one is one edit from exactly one common domain (gmial.com → gmail.com)."""
    _, at, domain = email.strip().lower().rpartition("@")
    return _typo_of(domain) if at and domain else None


def is_role_address(email: str) -> bool:
    """True for shared or role mailboxes (info@, negozio@, noreply@…), which say little about one person."""
    local = email.strip().lower().rpartition("@")[0]
    if local in ROLE_LOCAL_PARTS:
        return True
    return _SEPARATORS.split(local, 1)[0] in ROLE_LOCAL_PARTS


@dataclass(frozen=True)
class EmailHints:
    """Name-like evidence read from an email's local part, for records that carry little else."""

    tokens: tuple[str, ...] = ()
    year: int | None = None
    initials: tuple[str, ...] = ()


_PARTS = re.compile(r"[a-z]+|\d+")
_MIN_AGE = 14  # Italian age of digital consent: younger "birth years" are more likely other numbers


def _plausible_year(digits: str, today: date) -> int | None:
    if len(digits) == 4:
        year = int(digits)
    elif len(digits) == 2:
        yy = int(digits)
        year = 1900 + yy if yy >= 30 else 2000 + yy
    else:
        return None
    return year if 1920 <= year <= today.year - _MIN_AGE else None


def _piece(piece: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(name tokens, initials) of one alphabetic run of a local part, splitting glued names when a
    gazetteer tells where: `mariorossi` → MARIO ROSSI, `giuliaferraresi` → GIULIA FERRARESI,
    `mrossi` → M + ROSSI, `evied` → EVIE + D."""
    key = piece.upper()
    firsts, lasts = first_names(), surnames()
    if key in firsts or key in lasts:
        return (key,), ()
    splits = [(key[:i], key[i:]) for i in range(3, len(key) - 2)]  # empty below six letters
    for head, tail in splits:
        if (head in firsts and tail in lasts) or (head in lasts and tail in firsts):
            return (head, tail), ()
    for head, tail in reversed(splits):  # the longest known first name, then an unknown surname
        if len(head) >= 4 and len(tail) >= 5 and head in firsts:
            return (head, tail), ()
    for head, tail in splits:
        if len(head) >= 5 and len(tail) >= 4 and tail in firsts:
            return (head, tail), ()
    if len(key) > 3 and key[1:] in lasts:
        return (key[1:],), (key[0],)
    if len(key) > 3 and key[:-1] in firsts:
        return (key[:-1],), (key[-1],)
    return (key,), ()


def local_part_hints(email: str) -> EmailHints:
    """Upper-case name tokens, a plausible birth year and initials from the local part (`m.rossi81` → ROSSI, 1981, M)."""
    local = email.strip().lower().rpartition("@")[0].split("+", 1)[0]
    pieces = _PARTS.findall(local)
    tokens: list[str] = []
    initials: list[str] = []
    years = {y for p in pieces if p.isdigit() and (y := _plausible_year(p, date.today())) is not None}
    for piece in pieces:
        if piece.isdigit() or piece in ROLE_LOCAL_PARTS:
            continue
        if len(piece) == 1:
            initials.append(piece.upper())
            continue
        names, letters = _piece(piece)
        tokens.extend(names)
        initials.extend(letters)
    return EmailHints(tuple(tokens), years.pop() if len(years) == 1 else None, tuple(initials))
