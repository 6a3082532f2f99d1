"""Italian codice fiscale: checksum, omocodia decoded to the canonical form, birth date, sex, Belfiore code."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
                 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)))
_EVEN = {**{str(d): d for d in range(10)}, **{chr(65 + i): i for i in range(26)}}
_MONTHS = {letter: i for i, letter in enumerate("ABCDEHLMPRST", start=1)}
# Omocodia: when two people share a code, digits at these positions are replaced by these letters.
_OMOCODE_POSITIONS = (6, 7, 9, 10, 12, 13, 14)
_OMOCODE_DIGIT = {letter: str(i) for i, letter in enumerate("LMNPQRSTUV")}
_SHAPE = re.compile(r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]")


def _check_char(first15: str) -> str:
    total = sum(_ODD[c] if i % 2 == 0 else _EVEN[c] for i, c in enumerate(first15))
    return chr(65 + total % 26)


def _decode(code: str) -> str:
    chars = list(code[:15])
    for i in _OMOCODE_POSITIONS:
        chars[i] = _OMOCODE_DIGIT.get(chars[i], chars[i])
    body = "".join(chars)
    return body + _check_char(body)


@dataclass(frozen=True)
class CFInfo:
    birth_date: date
    gender: str  # "M" or "F"
    belfiore: str  # municipality code, or `Z…` for a foreign country


def _info(canonical: str, today: date) -> CFInfo | None:
    yy, month, day = int(canonical[6:8]), _MONTHS[canonical[8]], int(canonical[9:11])
    gender = "F" if day > 40 else "M"
    day = day - 40 if day > 40 else day
    year = 2000 + yy
    try:
        if date(year, month, day) > today:  # the century that keeps the person at most 100 years old
            year -= 100
        return CFInfo(date(year, month, day), gender, canonical[11:15])
    except ValueError:
        return None


@lru_cache(maxsize=1 << 14)
def normalize_cf(s: str | None) -> str | None:
    """Upper case, no spaces; checksum verified; omocodia decoded to the digit form. None if not a valid code."""
    if s is None:
        return None
    code = re.sub(r"[\s.\-]", "", str(s)).upper()
    if not _SHAPE.fullmatch(code) or _check_char(code[:15]) != code[15]:
        return None
    canonical = _decode(code)
    return canonical if _info(canonical, date.today()) else None


def is_valid_cf(s: str) -> bool:
    """True for a well-formed codice fiscale with a correct check character (omocodia allowed)."""
    return normalize_cf(s) is not None


def cf_info(cf: str) -> CFInfo:
    """Birth date, sex and Belfiore code of a codice fiscale; ValueError if it is not valid."""
    canonical = normalize_cf(cf)
    if canonical is None:
        raise ValueError(f"not a valid codice fiscale: {cf!r}")
    info = _info(canonical, date.today())
    assert info is not None  # normalize_cf only returns codes whose date exists
    return info
