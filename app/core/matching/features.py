"""Per-record match features derived once from the normalised ``n_*`` columns.

Values are factorised into integer codes (names share one vocabulary so first and last names can
be compared crosswise), junk values (an address or phone on many records of many different people:
test@test.com, 0000000, the store's own number) are found by frequency and masked, and the
blocking keys are built as (record index, key code) arrays so that a record may carry several
values of one key (two phones, a name read from its email).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from app.core.matching.settings import MatchSettings

N_COLUMNS = ("n_first", "n_last", "n_full", "n_email", "n_email_key", "n_phone", "n_mobile", "n_birth",
             "n_gender", "n_street", "n_number", "n_postcode", "n_city", "n_province", "n_country",
             "n_cf", "n_national_id", "n_loyalty", "n_customer_id")
# Columns sharing one vocabulary: a first name may be compared with a last name (swaps).
VOCABULARY = {"n_first": "name", "n_last": "name", "n_phone": "phone", "n_mobile": "phone"}
ALL_VALUES = "*"  # junk marker: the whole column says nothing
UNIQUE_CHECKED = ("n_customer_id", "n_loyalty", "n_national_id", "n_cf")
FAMILY_WORDS = ("FAMIGLIA", "FAMILY", "FAMIGLIE")
FAMILY_LOCAL = re.compile("|".join(FAMILY_WORDS))
SHARED_CHECKED = ("n_email_key", "n_phone", "n_mobile")
FULL_NAME = "full_name"  # tf_counts key for whole names
HOME = "home"  # street, number and postcode (or town): where a household lives
_YEAR, _MONTH_DAY = re.compile(r"^(\d{4})"), re.compile(r"(\d{2})-(\d{2})$")  # of n_birth: 1980-05-17, 1980, --05-17
JUNK_CHECKED = ("n_email_key", "n_phone", "n_mobile", "n_national_id", "n_customer_id", "n_loyalty", "n_cf")


@dataclass
class Coded:
    """A column as integer codes into ``values`` (-1 = missing), with value counts."""

    codes: np.ndarray
    values: np.ndarray
    counts: np.ndarray  # records holding each value in this column
    total: int | None = None  # records with a value in this column (default: sum of counts)

    def freq(self) -> np.ndarray:
        """Share of non-missing records holding each value (term frequency)."""
        total = self.total if self.total is not None else int(self.counts.sum())
        return np.maximum(self.counts, 1) / max(total, 1)


@dataclass
class KeyLong:
    """A blocking key in long form: record index and key code (several rows per record allowed)."""

    rec: np.ndarray
    code: np.ndarray


def sound_key(name: str) -> str:
    """An Italian-friendly phonetic key: spelling variants and final vowels folded.

    ``ROSSI``/``ROSSO``/``ROSI`` → ``ROS``; ``CHIARA``/``KIARA`` → ``KIAR``; ``GIACOMO``/``JACOMO``;
    ``PHILLIPS``/``FILIPS``. Only used as a block key: collisions cost candidates, not errors.
    """
    s = name.upper()
    for a, b in (("PH", "F"), ("GH", "G"), ("CH", "K"), ("CK", "K"), ("CQ", "K"), ("Q", "K"), ("X", "KS"),
                 ("GN", "N"), ("GLI", "LI"), ("J", "I"), ("Y", "I"), ("W", "V"), ("H", ""), ("ZZ", "Z"),
                 ("TZ", "Z"), ("C", "K")):
        s = s.replace(a, b)
    out = []
    for ch in s:
        if ch.isalpha() and (not out or out[-1] != ch):
            out.append(ch)
    while len(out) > 2 and out[-1] in "AEIOU":
        out.pop()
    return "".join(out[:6])


def _code(values: pd.Series) -> Coded:
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    codes = codes.astype(np.int32)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques)).astype(np.int64)
    return Coded(codes, np.asarray(uniques, dtype=object), counts)


@dataclass
class Features:
    frame: pd.DataFrame  # n_* columns, positional index 0..n-1
    record_ids: np.ndarray
    source_ids: np.ndarray
    settings: MatchSettings
    junk: dict[str, set[str]] = field(default_factory=dict)
    # Value counts from the whole workspace when only a few records are loaded (explain):
    # {column: ({value: count}, records with a value)}.
    tf_counts: dict[str, tuple[dict[str, int], int]] | None = None
    # Emails and phones used by people with different first names (family inboxes, home landlines).
    shared: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, records: pd.DataFrame, settings: MatchSettings, *, junk: dict[str, set[str]] | None = None,
              tf_counts: dict[str, tuple[dict[str, int], int]] | None = None) -> "Features":
        frame = records.reset_index(drop=True)
        for col in N_COLUMNS:
            if col not in frame:
                frame[col] = None
        clean = frame[list(N_COLUMNS)].astype(object)
        clean = clean.where(clean.notna() & (clean != ""), None)
        _unswap_names(clean)
        feats = cls(clean, frame["id"].to_numpy(np.int64), frame["source_id"].to_numpy(np.int64), settings,
                    tf_counts=tf_counts)
        feats.junk = feats._find_junk() if junk is None else junk
        for col, bad in feats.junk.items():
            if ALL_VALUES in bad:
                feats.frame[col] = None
            elif bad:
                feats.frame.loc[feats.frame[col].isin(bad), col] = None
        feats.shared = {col: feats.find_shared(feats.frame[col], col) for col in SHARED_CHECKED}
        feats.shared[HOME] = feats.find_shared(feats.home_key, HOME)
        return feats

    @property
    def n(self) -> int:
        return len(self.frame)

    # -- junk ---------------------------------------------------------------------------------
    def _find_junk(self) -> dict[str, set[str]]:
        """Values on many records that belong to many different people are not identifiers; nor is
        an id column whose values never repeat (the export's own row key)."""
        s = self.settings
        last = self.frame["n_last"]
        first = self.frame["n_first"]
        junk: dict[str, set[str]] = {}
        for col in JUNK_CHECKED:
            values = self.frame[col]
            counts = values.value_counts()
            frequent = counts[counts > s.junk_min_records].index
            if len(frequent) == 0:
                continue
            sub = pd.DataFrame({"v": values, "l": last, "f": first})
            sub = sub[sub["v"].isin(frequent)]
            people = sub.groupby("v").agg(l=("l", "nunique"), f=("f", "nunique"), n=("v", "size"))
            bad = people[(people["l"] > s.junk_min_names) | (people["f"] > s.junk_min_names)
                         | (people["n"] > 4 * s.junk_min_records)]
            junk[col] = set(bad.index)
        for col in UNIQUE_CHECKED:  # a row key (every value once) identifies rows, not people
            values = self.frame[col].dropna()
            if len(values) > 1 and not values.duplicated().any():
                junk[col] = {ALL_VALUES}
        return junk

    @cached_property
    def coded_full_name(self) -> Coded:
        """First and last name together (how common a whole name is)."""
        f = self.frame
        coded = _code((f["n_first"] + " " + f["n_last"]).where(f["n_first"].notna() & f["n_last"].notna()))
        if self.tf_counts and FULL_NAME in self.tf_counts:
            table, total = self.tf_counts[FULL_NAME]
            coded = Coded(coded.codes, coded.values, np.array([table.get(v, 1) for v in coded.values], np.int64), total)
        return coded

    @cached_property
    def household_home(self) -> np.ndarray:
        """Per record: its home is shared by people who cannot be one person."""
        return self.home_key.isin(self.shared.get(HOME, set())).to_numpy(bool)

    @cached_property
    def home_key(self) -> pd.Series:
        f = self.frame
        key = f["n_street"] + "|" + f["n_number"] + "|" + f["n_postcode"].fillna(f["n_city"])
        return key.where(f["n_street"].notna() & f["n_number"].notna() & (f["n_postcode"].notna() | f["n_city"].notna()))

    def find_shared(self, values: pd.Series, col: str) -> set[str]:
        """Values whose records carry first names that cannot be one person's. ``values``: the frame's
        column ``col``, or another key per record (the home)."""
        from app.core.matching.clustering import names_compatible

        # on integer codes: the distinct (value, first name) pairs, then every two first names of a value
        if col in self.frame.columns:  # the column itself: its codes are made once for blocking anyway
            coded = self.coded(col)
            vcode, vocab = coded.codes.astype(np.int64), coded.values
        else:
            vcode, vocab = pd.factorize(values, use_na_sentinel=True)
            vcode = vcode.astype(np.int64)
        first = self.coded("n_first")
        ok = (vcode >= 0) & (first.codes >= 0)
        v, f = vcode[ok], first.codes[ok].astype(np.int64)
        out: set[str] = set()
        if len(v):
            span = int(f.max()) + 1
            packed = np.unique(v * span + f)
            v, f = packed // span, packed % span
            starts = np.flatnonzero(np.r_[True, v[1:] != v[:-1]])
            sizes = np.diff(np.r_[starts, len(v)])
            left, right = pairs_within(starts[sizes >= 2], sizes[sizes >= 2])
            names = first.values
            verdict: dict[tuple[int, int], bool] = {}
            for fa, fb, value in zip(f[left].tolist(), f[right].tolist(), v[left].tolist()):
                key = (fa, fb)
                clash = verdict.get(key)
                if clash is None:
                    a, b = sorted((names[fa], names[fb]))
                    clash = verdict[key] = not names_compatible(a, b)
                if clash:
                    out.add(vocab[value])
        if col == "n_email_key":  # famiglia.rossi@…: a family inbox by its very name
            family = FAMILY_LOCAL.search
            out |= {v for v in self.coded(col).values if family(v.partition("@")[0].upper())}
        return out

    # -- coded columns ------------------------------------------------------------------------
    @cached_property
    def _coded(self) -> dict[str, Coded]:
        out: dict[str, Coded] = {}
        groups: dict[str, list[str]] = {}
        for col in N_COLUMNS:
            groups.setdefault(VOCABULARY.get(col, col), []).append(col)
        for cols in groups.values():
            stacked = pd.concat([self.frame[c] for c in cols], ignore_index=True)
            coded = _code(stacked)
            for i, c in enumerate(cols):
                codes = coded.codes[i * self.n:(i + 1) * self.n]
                counts = np.bincount(codes[codes >= 0], minlength=len(coded.values)).astype(np.int64)
                out[c] = Coded(codes, coded.values, counts)
        for c, (table, total) in (self.tf_counts or {}).items():
            if c not in out:
                continue
            values = out[c].values
            out[c] = Coded(out[c].codes, values, np.array([table.get(v, 1) for v in values], np.int64), total)
        return out

    def coded(self, col: str) -> Coded:
        return self._coded[col]

    def value_table(self, values: np.ndarray) -> "ValueTable":
        """Per-value facts of a vocabulary, shared by every comparison reading it."""
        from app.core.matching.vocab import ValueTable

        cache = self.__dict__.setdefault("_tables", {})
        if id(values) not in cache:
            cache[id(values)] = (values, ValueTable(values))
        return cache[id(values)][1]

    def derived(self, name: str) -> Coded:
        """A derived per-record column (codes), cached."""
        cache = self.__dict__.setdefault("_derived", {})
        if name not in cache:
            cache[name] = _code(self._derive(name))
        return cache[name]

    def _derive(self, name: str) -> pd.Series:
        f = self.frame
        if name == "birth_full":
            b = f["n_birth"]
            return b.where(b.str.len() == 10, None)
        if name in ("birth_ym", "birth_md", "birth_yd"):  # a full date with one part mistyped
            full = f["n_birth"].where(f["n_birth"].str.len() == 10)
            y, m, d = full.str[:4], full.str[5:7], full.str[8:10]
            return {"birth_ym": y + m, "birth_md": m + d, "birth_yd": y + d}[name]
        if name == "birth_year":
            return f["n_birth"].str.extract(r"^(\d{4})")[0]
        if name == "first_sound":
            return _map_distinct(f["n_first"], sound_key)
        if name == "email_local":
            local = f["n_email_key"].str.split("@").str[0]
            return local.where(local.str.len() >= 5, None)
        if name == "last_sound":
            return _map_distinct(f["n_last"], sound_key)
        if name == "first3":
            return f["n_first"].str[:3]
        if name == "last4":
            return f["n_last"].str[:4]
        if name == "street_number":
            return (f["n_street"] + " " + f["n_number"]).where(f["n_street"].notna() & f["n_number"].notna(), None)
        raise KeyError(name)

    # -- birth parts ----------------------------------------------------------------------------
    @cached_property
    def birth_parts(self) -> np.ndarray:
        """(n, 3) int array of year, month, day; 0 where unknown (partial dates keep what they have).
        Parsed once per distinct date: a million records hold a few tens of thousands."""
        codes, uniques = pd.factorize(self.frame["n_birth"], use_na_sentinel=True)
        table = np.zeros((len(uniques) + 1, 3), np.int32)  # last row: no date
        for i, text in enumerate(uniques):
            year = _YEAR.match(text)
            md = _MONTH_DAY.search(text)
            table[i] = (int(year.group(1)) if year else 0, int(md.group(1)) if md else 0, int(md.group(2)) if md else 0)
        return table[codes]

    # -- email hints ----------------------------------------------------------------------------
    @cached_property
    def hints_by_code(self) -> list[tuple[tuple[str, ...], int, str]]:
        """(name tokens, birth year or 0, initials) read from each distinct email's local part."""
        from app.core.normalize import local_part_hints

        out = []
        for email in self.coded("n_email_key").values:
            h = local_part_hints(email)
            out.append((tuple(h.tokens), int(h.year or 0), "".join(h.initials or ())))
        return out

    @cached_property
    def hint_tokens(self) -> pd.Series:
        """Per record: the name tokens of its email (empty tuple when none)."""
        by_code = [h[0] for h in self.hints_by_code] + [()]
        codes = self.coded("n_email_key").codes
        return pd.Series([by_code[c] for c in codes], dtype=object)


def pairs_within(starts: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions (i, j), i < j, of every two rows inside each run [start, start + size)."""
    if not len(starts):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    pos = np.repeat(starts, sizes) + (np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes))
    count = np.repeat(starts + sizes, sizes) - pos - 1
    left = np.repeat(pos, count)
    right = left + 1 + (np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count))
    return left, right


def _unswap_names(frame: pd.DataFrame) -> None:
    """Put a surname typed in the first-name box back (Fornari / Cosimo): only when the "first" is
    a known surname or no known first name, and the "last" is a known first name and no common
    surname."""
    from app.core.normalize import first_name_info
    from app.core.normalize.gazetteer import surnames

    fc, fu = pd.factorize(frame["n_first"], use_na_sentinel=True)
    lc, lu = pd.factorize(frame["n_last"], use_na_sentinel=True)
    both = (fc >= 0) & (lc >= 0)
    if not both.any():
        return
    known_surnames = surnames()
    # each distinct name looked up once, then read through the codes (a code of -1 is never used: ``both``)
    first_known = np.array([first_name_info(v)[0] == True for v in fu], bool)  # noqa: E712 - None counts as no
    first_surname = np.array([v in known_surnames for v in fu], bool)
    last_known = np.array([first_name_info(v)[0] == True for v in lu], bool)  # noqa: E712
    last_surname = np.array([v in known_surnames for v in lu], bool)
    swap = both & (first_surname[fc] | ~first_known[fc]) & last_known[lc] & ~last_surname[lc]
    if swap.any():
        first = frame["n_first"].to_numpy(copy=True)
        frame.loc[swap, "n_first"] = frame.loc[swap, "n_last"]
        frame.loc[swap, "n_last"] = first[swap]


def _map_distinct(values: pd.Series, fn) -> pd.Series:
    """Apply ``fn`` once per distinct non-missing value (names and cities repeat a lot)."""
    uniq = values.dropna().unique()
    table = {v: fn(v) for v in uniq}
    return values.map(table)
