"""Dirty data at configurable rates: what cashiers, customers and exports do to clean values.

Every operation takes an array of values, a rate and the generator's random state, changes about
`rate` of the eligible values and counts what it changed in `Dirt.applied[(file, op)]` (the
counts go to truth.json so tests can check the rates). Only the chosen rows go through Python.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np

from app.core.demo import tables as T
from app.core.normalize import name_key
from app.core.resources import load_json


@dataclass(frozen=True)
class DirtRates:
    """Share of eligible values each kind of mess touches (0 turns it off)."""

    typo: float = 0.04  # one-letter edit or transposition in a typed name
    nickname: float = 0.06  # Giuseppe → Peppe where the person goes by one (online forms, leads)
    swap_names: float = 0.03  # surname typed in the first-name box and vice versa
    upper_case: float = 0.35  # till rows typed in capitals
    lower_case: float = 0.08  # online forms typed all lower case
    missing: float = 0.12  # an optional field left empty (per field; some fields more, see contacts)
    email_variant: float = 0.15  # another source has the address in another case / gmail dots
    email_typo: float = 0.02  # a cashier mistyped the address (domain or local part)
    date_swap: float = 0.02  # birth date typed month-first (only when the day is ≤ 12)
    married_surname: float = 0.5  # a married woman known by her husband's surname in this source
    junk_email: float = 0.015  # test@test.com and friends
    junk_phone: float = 0.01  # 0000000 and friends
    store_contact: float = 0.02  # the store's own phone / email typed for a customer who gave none
    abbreviate_street: float = 0.3  # V.le, P.za, C.so…

    def to_json(self) -> dict[str, float]:
        return asdict(self)


CLEAN = DirtRates(**{k: 0.0 for k in DirtRates.__dataclass_fields__})


def nickname_table() -> dict[str, tuple[str, ...]]:
    """Canonical name key → nicknames an Italian would use: the normaliser's curated
    resources/nicknames.json when present, without its cross-language equivalents (Giuseppe →
    Joseph) — a nickname that is another canonical name stays only if it is an Italian name."""
    return dict(_nicknames())


@lru_cache(maxsize=1)
def _nicknames() -> tuple[tuple[str, tuple[str, ...]], ...]:
    try:
        table = load_json("nicknames.json")
    except (FileNotFoundError, ValueError):
        table = T.FALLBACK_NICKNAMES
    table = {k: v for k, v in table.items() if not k.startswith("_") and v}
    italian = {name_key(n) for n in T.MALE_NAMES + T.FEMALE_NAMES + T.COMPOUND_MALE + T.COMPOUND_FEMALE}
    out = []
    for k, nicks in table.items():
        keep = tuple(n for n in nicks if n not in table or n in italian)
        if keep:
            out.append((k, keep))
    return tuple(out)


_NEIGHBOURS = {c: n for c, n in zip("qwertyuiopasdfghjklzxcvbnm",
                                     ("wa", "qse", "wrd", "etf", "ryg", "tuh", "yij", "uok", "ipl", "ol",
                                      "qsz", "adwx", "sfec", "dgrv", "fhtb", "gjyn", "hkum", "jli", "kop",
                                      "xa", "zcs", "xvd", "cbf", "vng", "bmh", "nj"))}


def typo(s: str, rng: np.random.Generator) -> str:
    """One realistic slip inside a word: a neighbouring key, a dropped or doubled letter, a swap."""
    if len(s) < 4:
        return s
    i = int(rng.integers(1, len(s) - 1))  # the first letter is rarely wrong
    c = s[i]
    kind = int(rng.integers(4))
    if kind == 0 and c.lower() in _NEIGHBOURS:
        alt = _NEIGHBOURS[c.lower()][int(rng.integers(len(_NEIGHBOURS[c.lower()])))]
        return s[:i] + (alt.upper() if c.isupper() else alt) + s[i + 1:]
    if kind == 1 and c.isalpha():
        return s[:i] + s[i + 1:]
    if kind == 2 and c.isalpha():
        return s[:i] + c + s[i:]
    if s[i].isalpha() and s[i + 1].isalpha() and s[i] != s[i + 1]:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + s[i + 1:] if c.isalpha() else s


def gmail_dots(local: str, rng: np.random.Generator) -> str:
    plain = local.replace(".", "")
    if len(plain) < 4:
        return local
    if "." in local and rng.random() < 0.6:
        return plain
    i = int(rng.integers(1, len(plain) - 1))
    return plain[:i] + "." + plain[i:]


class Dirt:
    """Applies DirtRates with one random state and counts what it did."""

    def __init__(self, rates: DirtRates, rng: np.random.Generator):
        self.rates = rates
        self.rng = rng
        self.applied: Counter[tuple[str, str]] = Counter()
        self.eligible: Counter[tuple[str, str]] = Counter()
        self.nicknames = nickname_table()

    def choose(self, file: str, op: str, eligible: np.ndarray, rate: float | None = None) -> np.ndarray:
        """Indices of the eligible rows this op touches (and count both)."""
        rate = getattr(self.rates, op) if rate is None else rate
        idx = np.flatnonzero(eligible)
        self.eligible[(file, op)] += len(idx)
        hit = idx[self.rng.random(len(idx)) < rate]
        self.applied[(file, op)] += len(hit)
        return hit

    def typos(self, file: str, values: np.ndarray, rate: float | None = None) -> None:
        for i in self.choose(file, "typo", _filled(values), rate):
            values[i] = typo(values[i], self.rng)

    def nickname(self, file: str, first: np.ndarray, rate: float | None = None) -> None:
        known = {v: name_key(v) for v in set(first) if v}
        keys = np.array([known.get(v, "") for v in first], dtype=object)
        has = np.array([k in self.nicknames for k in keys], dtype=bool)
        for i in self.choose(file, "nickname", has, rate):
            options = self.nicknames[keys[i]]
            first[i] = options[int(self.rng.integers(len(options)))].title()

    def typed_by_customer(self, file: str, first: np.ndarray, last: np.ndarray, typo_rate: float) -> None:
        """Names people type themselves online: their nickname sometimes, fewer slips than a cashier."""
        self.nickname(file, first)
        self.typos(file, first, typo_rate)
        self.typos(file, last, typo_rate)

    def swap(self, file: str, first: np.ndarray, last: np.ndarray, rate: float | None = None) -> None:
        i = self.choose(file, "swap_names", _filled(first) & _filled(last), rate)
        first[i], last[i] = last[i], first[i].copy()

    def case(self, file: str, op: str, *columns: np.ndarray, rate: float | None = None) -> np.ndarray:
        """Upper- or lower-case whole rows across the given columns; returns the rows touched."""
        rows = self.choose(file, op, np.ones(len(columns[0]), bool), rate)
        fn = str.upper if op == "upper_case" else str.lower
        for col in columns:
            col[rows] = [fn(v) if v else v for v in col[rows]]
        return rows

    def blank(self, file: str, column: str, values: np.ndarray, rate: float) -> None:
        i = self.choose(file, f"missing:{column}", _filled(values), rate)
        values[i] = ""

    def email_variants(self, file: str, emails: np.ndarray, rate: float | None = None) -> None:
        for i in self.choose(file, "email_variant", _filled(emails), rate):
            local, _, dom = emails[i].partition("@")
            if dom in ("gmail.com", "googlemail.com") and self.rng.random() < 0.7:
                emails[i] = f"{gmail_dots(local, self.rng)}@{dom}"
            else:  # a phone capitalising the first letter, Caps Lock at the till, a Title-Cased form
                form = int(self.rng.integers(3))
                emails[i] = (local[:1].upper() + local[1:] + "@" + dom, f"{local}@{dom}".upper(),
                             f"{local.title()}@{dom}")[form]

    def email_typos(self, file: str, emails: np.ndarray, rate: float | None = None) -> None:
        for i in self.choose(file, "email_typo", _filled(emails), rate):
            local, _, dom = emails[i].partition("@")
            if dom in T.EMAIL_DOMAIN_TYPOS and self.rng.random() < 0.6:
                emails[i] = f"{local}@{T.EMAIL_DOMAIN_TYPOS[dom]}"
            else:
                emails[i] = f"{typo(local, self.rng)}@{dom}"

    def junk(self, file: str, op: str, values: np.ndarray, options: tuple[str, ...],
             eligible: np.ndarray | None = None) -> np.ndarray:
        """Put junk (or the store's own contact) into empty cells; returns the rows touched."""
        rows = self.choose(file, op, ~_filled(values) if eligible is None else eligible)
        values[rows] = np.array(options, dtype=object)[self.rng.integers(len(options), size=len(rows))]
        return rows

    def date_swap(self, file: str, days: np.ndarray, months: np.ndarray, rate: float | None = None) -> np.ndarray:
        ok = (days <= 12) & (days != months)
        rows = self.choose(file, "date_swap", ok, rate)
        days[rows], months[rows] = months[rows], days[rows].copy()
        return rows

    def report(self) -> dict[str, dict[str, dict[str, int]]]:
        """{file: {op: {"applied": n, "eligible": m}}} for truth.json."""
        out: dict[str, dict[str, dict[str, int]]] = {}
        for (file, op), n in sorted(self.eligible.items()):
            out.setdefault(file, {})[op] = {"applied": self.applied[(file, op)], "eligible": n}
        return out


def _filled(values: np.ndarray) -> np.ndarray:
    return np.array([bool(v) for v in values], dtype=bool)


# Phone styles as people type them; the writers pick a style mix per source.
def format_mobile(national: str, style: int) -> str:
    a, b, c = national[:3], national[3:6], national[6:]
    return (national, f"{a} {b}{c}", f"{a} {b} {c}", f"+39 {a} {b}{c}", f"+39 {a}-{b}{c}",
            f"0039 {national}", f"39{national}", f"{a}/{b}{c}", f"{a}.{b}.{c}", f"+39{national}")[style]


MOBILE_STYLES = 10


def format_landline(national: str, prefix: str, style: int) -> str:
    rest = national[len(prefix):]
    return (f"{prefix} {rest}", f"{prefix}/{rest}", national, f"{prefix}-{rest}", f"+39 {prefix} {rest}",
            f"0039 {national}", f"+39{national}")[style]


LANDLINE_STYLES = 7


def phone_styles(rng: np.random.Generator, n: int, weights: tuple[float, ...]) -> np.ndarray:
    p = np.asarray(weights, float)
    return rng.choice(len(p), size=n, p=p / p.sum())


def abbreviate(street: str, rng: np.random.Generator) -> str:
    qualifier, _, rest = street.partition(" ")
    forms = T.STREET_ABBREVIATIONS.get(qualifier)
    return f"{forms[int(rng.integers(len(forms)))]} {rest}" if forms else street
