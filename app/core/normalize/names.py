"""Person names: match keys, display forms, splitting a one-field full name, nicknames, gender."""
from __future__ import annotations

import re
from functools import lru_cache

from app.core.normalize._text import APOSTROPHES, fold
from app.core.normalize.gazetteer import first_names, nickname_index, surnames

# Surname particles (as name keys). They stay with the surname: `De Luca` → DELUCA.
PARTICLES: frozenset[str] = frozenset({
    "D", "DA", "DAI", "DAGLI", "DAL", "DALL", "DALLA", "DALLE", "DALLO", "DE", "DEGLI", "DEI", "DEL",
    "DELL", "DELLA", "DELLE", "DELLO", "DI", "LA", "LE", "LI", "LO",
    "VAN", "VON", "DER", "DEN", "TER", "TEN", "DU", "DOS", "DAS",
})
# Foreign particles written in lower case inside a name (`Ludwig van Beethoven`); Italian ones are capitalised.
_LOWER_PARTICLES = frozenset({"van", "von", "der", "den", "ter", "ten"})

_NOT_LETTER = re.compile(r"[^A-Z]+")
# A final stressed vowel typed as an apostrophe (`Nicolo'`), at the end of a word of three letters or more.
_FINAL_ACCENT = re.compile(r"(?<=\w\w)([aeiouAEIOU])'(?=\s|$)")
_GRAVE = str.maketrans("aeiouAEIOU", "àèìòùÀÈÌÒÙ")
# An elided particle followed by a space (`D' Angelo`, `Dell' Orto`): the space goes.
_ELISION_SPACE = re.compile(r"(?<=[^\W\d_aeiouAEIOU])'\s+(?=\w)")


@lru_cache(maxsize=1 << 16)
def name_key(s: str | None) -> str | None:
    """Match key: accents stripped, upper case, letters only (`D’Angelo`, `D Angelo` → DANGELO)."""
    if s is None:
        return None
    key = _NOT_LETTER.sub("", fold(str(s)).upper())
    return key or None


_WORD_PARTS = re.compile(r"(['-])")


def _case_part(part: str) -> str:
    if part.startswith("mc") and len(part) > 3:
        return "Mc" + part[2:].capitalize()
    return part[:1].upper() + part[1:]


def _case_word(word: str, first: bool) -> str:
    lower = word.lower()
    if not first and lower in _LOWER_PARTICLES:
        return lower
    if word[:1].isupper() and not word.isupper() and not word[1:].islower():
        return word  # deliberate mixed case (McDonald, DiCaprio) is kept as typed
    if "'" not in lower and "-" not in lower:
        return _case_part(lower)
    return "".join(_case_part(part) for part in _WORD_PARTS.split(lower))


@lru_cache(maxsize=1 << 16)
def clean_name(s: str | None) -> str | None:
    """Display form: trimmed, single spaces, Title Case respecting particles and apostrophes (`dell'orto` → Dell'Orto)."""
    if s is None:
        return None
    text = " ".join(str(s).translate(APOSTROPHES).split())
    if "'" in text:
        text = _ELISION_SPACE.sub("'", text)
        text = _FINAL_ACCENT.sub(lambda m: m.group(1).translate(_GRAVE), text)
    text = text.strip(" '-.,")
    if not text:
        return None
    return " ".join(_case_word(w, i == 0) for i, w in enumerate(text.split(" ")))


def _is_first(word: str) -> bool:
    return name_key(word) in first_names()


def _is_surname(word: str) -> bool:
    return name_key(word) in surnames()


def _units(words: list[str]) -> list[str]:
    """Words grouped so that particles stick to the word after them (`De Luca`, `Van der Berg`)."""
    units: list[str] = []
    pending: list[str] = []
    for i, word in enumerate(words):
        is_particle = word.endswith("'") or name_key(word) in PARTICLES
        if is_particle and i < len(words) - 1:
            pending.append(word)
            continue
        units.append(" ".join(pending + [word]))
        pending = []
    return units


def _prefix_firsts(units: list[str]) -> int:
    """How many leading units are known first names, leaving at least one unit for the surname."""
    k = 0
    while k < len(units) - 1 and " " not in units[k] and _is_first(units[k]):
        k += 1
    return k


@lru_cache(maxsize=1 << 16)
def split_full_name_ordered(full: str) -> tuple[str | None, str | None, bool]:
    """(first, last, surname_first): `split_full_name` plus whether the surname was written first."""
    text = clean_name(full)
    if text is None:
        return None, None, False
    if "," in text:
        last, _, first = text.partition(",")
        return clean_name(first), clean_name(last), True
    units = _units(text.split(" "))
    if len(units) == 1:
        only = units[0]
        if _is_surname(only) and not _is_first(only):
            return None, only, False
        return only, None, False
    forward = _prefix_firsts(units)
    backward = _prefix_firsts(units[::-1])
    if forward and backward:
        # Both ends are first names (`Simone Martina`): a known surname at one end decides, else first-last.
        surname_first = _is_surname(units[0]) and not _is_surname(units[-1])
    elif forward or backward:
        surname_first = not forward
    else:
        surname_first = _is_surname(units[0]) and not _is_surname(units[-1])
        backward = 1
    if surname_first:
        k = len(units) - max(backward, 1)
        return " ".join(units[k:]), " ".join(units[:k]), True
    k = max(forward, 1)
    return " ".join(units[:k]), " ".join(units[k:]), False


def split_full_name(full: str) -> tuple[str | None, str | None]:
    """(first, last) display forms from one field holding both, in either order (`Rossi Mario` → Mario, Rossi)."""
    first, last, _ = split_full_name_ordered(full)
    return first, last


def first_name_variants(key: str) -> frozenset[str]:
    """The key and the canonical names it may be a diminutive of (`PINO` → {PINO, GIUSEPPE})."""
    return nickname_index().get(key, frozenset({key}))


def are_nickname_pair(a_key: str, b_key: str) -> bool:
    """True when two different first-name keys are linked through the nickname table (Peppe/Giuseppe, Peppe/Pino)."""
    if a_key == b_key:
        return False
    a, b = first_name_variants(a_key), first_name_variants(b_key)
    return not a.isdisjoint(b)


def first_name_info(key: str) -> tuple[bool, str | None]:
    """(is a known first name, usual gender `M`/`F`/None) for a first-name key."""
    table = first_names()
    if key in table:
        return True, table[key]
    return False, None
