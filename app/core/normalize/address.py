"""Addresses: street key and civic number, postcode, city, province sigla, country code."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from app.core.normalize._text import APOSTROPHES, fold, upper_words
from app.core.resources import load_json

# Street qualifiers as typed (dots removed, upper case) → Poste Italiane full form. Only the first word is a
# qualifier (`V. Veneto` later in the line is an initial); forms shorter than three letters need their dot.
QUALIFIERS: dict[str, str] = {
    "V": "VIA", "VLE": "VIALE", "VL": "VIALE", "PZA": "PIAZZA", "PZZA": "PIAZZA", "PZ": "PIAZZA",
    "PIAZ": "PIAZZA", "P": "PIAZZA", "PLE": "PIAZZALE", "PZLE": "PIAZZALE", "CSO": "CORSO", "CS": "CORSO",
    "LGO": "LARGO", "LG": "LARGO", "VLO": "VICOLO", "VIC": "VICOLO", "VCO": "VICO", "LOC": "LOCALITA",
    "FRAZ": "FRAZIONE", "FRZ": "FRAZIONE", "FR": "FRAZIONE", "STR": "STRADA", "SDA": "STRADA",
    "CDA": "CONTRADA", "CTRA": "CONTRADA", "CONTR": "CONTRADA", "BGO": "BORGO", "BG": "BORGO",
    "GALL": "GALLERIA", "TRAV": "TRAVERSA",
}
_FIRST_WORD = re.compile(r"^\s*([^\W\d_]+(?:\.[^\W\d_]+)*\.?)(?=[\s,.]|$)")
_NO_NUMBER = re.compile(r"(?<![^\W\d_])S\s*[./]?\s*N\s*[./]?\s*C\b\.?|(?<![^\W\d_])S\s*/\s*N\b", re.IGNORECASE)
_TOKENS = re.compile(r"\d+|[A-Z]+|/")
_EXCEL_FLOAT = re.compile(r"(\d+)\.0+")
_SUFFIX_WORDS = frozenset({"BIS", "TER", "QUATER"})
_NUMBER_MARKERS = frozenset({"N", "NR", "NUM", "NUMERO", "CIV", "CIVICO"})
# Building details after the civic number: not part of the street.
_DETAILS = frozenset({
    "INT", "INTERNO", "SC", "SCALA", "PIANO", "P", "APP", "APPARTAMENTO", "PAL", "PALAZZINA", "ED",
    "EDIFICIO", "LOTTO", "FABBR", "FABBRICATO", "CAMPANELLO", "C", "PRESSO", "APT", "FLAT", "UNIT",
})


def _civic(tokens: list[str], i: int) -> tuple[str, int] | None:
    """The civic number starting at tokens[i] (digits) and the index after it, when what follows allows it."""
    number, j = tokens[i], i + 1
    if j + 1 < len(tokens) and tokens[j] == "/":
        nxt = tokens[j + 1]
        if nxt.isdigit():
            number, j = f"{number}/{nxt}", j + 2
        elif len(nxt) <= 2 or nxt in _SUFFIX_WORDS:
            number, j = number + nxt, j + 2
    elif j < len(tokens) and (tokens[j] in _SUFFIX_WORDS or (
            len(tokens[j]) == 1 and tokens[j].isalpha() and (j + 1 == len(tokens) or tokens[j + 1] in _DETAILS))):
        number, j = number + tokens[j], j + 1
    if j == len(tokens) or tokens[j] in _DETAILS:
        return number, j
    return None


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(fold(text).upper())


def _normalise_number(number: str) -> str | None:
    """A civic number given in its own column: `12/a` → 12A, `snc` → None."""
    text = number.strip()
    if _NO_NUMBER.fullmatch(text):
        return None
    if excel := _EXCEL_FLOAT.fullmatch(text):
        text = excel.group(1)
    tokens = [t for t in _tokens(text) if t not in _NUMBER_MARKERS]
    if tokens and tokens[0].isdigit() and (found := _civic(tokens, 0)):
        return found[0]
    return upper_words(text) or None


def _qualifier(text: str) -> tuple[str | None, str]:
    """(expanded qualifier, rest of the line) when the line starts with an abbreviated qualifier."""
    first = _FIRST_WORD.match(text)
    if not first:
        return None, text
    typed = first.group(1)
    abbreviation = typed.replace(".", "").upper()
    rest = text[first.end():]
    if abbreviation in QUALIFIERS and ("." in typed or len(abbreviation) >= 3) and rest.strip(" ,."):
        return QUALIFIERS[abbreviation], rest
    return None, text


@lru_cache(maxsize=1 << 16)
def normalize_street(address: str | None, number: str | None = None) -> tuple[str | None, str | None]:
    """(street key, civic number): qualifier expanded, upper case, no punctuation; `12/A`, `12 bis` → 12A, 12BIS.

    `snc`/`s.n.c.` means no civic number. A number given in its own column (FEBRL, Lightspeed) wins over
    one found in the text.
    """
    explicit = number is not None and number.strip() != ""
    given = _normalise_number(number) if explicit else None
    if address is None or not address.strip():
        return None, given
    qualifier, text = _qualifier(_NO_NUMBER.sub(" ", address.translate(APOSTROPHES)))
    tokens = ([qualifier] if qualifier else []) + _tokens(text)
    for i in range(2, len(tokens)):  # `… 12, 00184 Roma (RM)`: a CAP and the place after it are not the street
        if len(tokens[i]) == 5 and tokens[i].isdigit() and all(t.isalpha() for t in tokens[i + 1:]):
            tokens = tokens[:i]
            break
    civic, end = None, len(tokens)
    for i in range(1, len(tokens)):
        if tokens[i].isdigit() and (found := _civic(tokens, i)):
            civic, end = found[0], i
            break
    start = 0
    if civic is None and len(tokens) > 1 and tokens[0].isdigit():
        civic, start = tokens[0], 1  # `12 Wallaby Place`: the number before the street (English order)
    words = [t for t in tokens[start:end] if t != "/"]
    while words and words[-1] in _NUMBER_MARKERS:
        words.pop()
    return " ".join(words) or None, given if explicit else civic


@cache
def _provinces() -> tuple[dict[str, str], dict[str, str]]:
    """(sigla → name, squashed name or alternative name → sigla)."""
    data = load_json("provinces.json")
    siglas: dict[str, str] = dict(data["provinces"])
    siglas.update(data.get("historical", {}))
    by_name: dict[str, str] = {}
    for sigla, name in siglas.items():
        by_name[_squash(name)] = sigla
    for alt, sigla in data.get("alternative_names", {}).items():
        by_name[_squash(alt)] = sigla
    return siglas, by_name


def _squash(s: str) -> str:
    return upper_words(s).replace(" ", "")


_PROVINCE_WORDS = re.compile(r"^(?:PROVINCIA|PROV|CITTA METROPOLITANA|CM|LIBERO CONSORZIO)(?: DI| DEL| DELL| DELLA)? ")


@lru_cache(maxsize=4096)
def province_code(s: str | None) -> str | None:
    """Italian province name or sigla → sigla (`Milano`, `MI`, `(MI)` → MI); anything else → its upper-case key."""
    if s is None:
        return None
    words = upper_words(s)
    if not words:
        return None
    siglas, by_name = _provinces()
    if words in siglas:
        return words
    words = _PROVINCE_WORDS.sub("", words)
    return by_name.get(words.replace(" ", ""), words)


def is_italian_province(s: str | None) -> bool:
    """True when the value names or abbreviates an Italian province."""
    code = province_code(s)
    return code is not None and code in _provinces()[0]


@lru_cache(maxsize=1 << 14)
def city_key(s: str | None) -> str | None:
    """Upper case, accents and punctuation gone, a trailing `(MI)` and a leading CAP dropped: `Reggio nell'Emilia` → REGGIO NELL EMILIA."""
    if s is None:
        return None
    text = re.sub(r"\(\s*[A-Za-z]{2}\s*\)\s*$", "", str(s))
    key = re.sub(r"^\d{4,5}\s+", "", upper_words(text))
    return key or None


@cache
def _countries() -> dict[str, str]:
    data = load_json("countries.json")
    table: dict[str, str] = {}
    for code, names in data["countries"].items():
        table[code] = code
        for name in names:
            table[_squash(name)] = code
    for alias, code in data.get("aliases", {}).items():
        table[_squash(alias)] = code
    return table


@lru_cache(maxsize=4096)
def country_code(s: str | None) -> str | None:
    """ISO-2 code from a code (IT, ITA) or a country name in Italian or English; None when not recognised."""
    if s is None:
        return None
    return _countries().get(upper_words(s).replace(" ", ""))


_POSTCODE_JUNK = re.compile(r"[\s'\u00a0-]+")


@lru_cache(maxsize=1 << 16)
def normalize_postcode(s: str | None, country: str | None = None, *, region: str | None = None) -> str | None:
    """Postcode as upper-case text without spaces or Shopify's `'`; leading zeros kept.

    An Italian CAP that lost its leading zeros in a spreadsheet (`184`, `0184`, `184.0`) is padded back to
    five digits when the country is Italy, or when the country is unknown and `region` is "IT". Any
    other country's postcode is left as written.
    """
    if s is None:
        return None
    text = _POSTCODE_JUNK.sub("", str(s)).upper()
    text = re.sub(r"^(\d+)\.0+$", r"\1", text)
    if not text:
        return None
    italian = country_code(country) == "IT" if country else region == "IT"
    if italian and text.isdigit() and 3 <= len(text) <= 4:
        return text.zfill(5)
    return text
