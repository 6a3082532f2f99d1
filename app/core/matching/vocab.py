"""Per-value facts of one vocabulary (lengths, digits, gender, local part…), computed once per
distinct value so that level tests over millions of pairs are integer array lookups."""
from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler
from rapidfuzz.fuzz import partial_ratio
from rapidfuzz.process import cpdist


def _codes(series: pd.Series) -> np.ndarray:
    return pd.factorize(series, use_na_sentinel=True)[0].astype(np.int64)


class ValueTable:
    def __init__(self, values: np.ndarray):
        self.values = values
        self._s = pd.Series(values, dtype=object)

    # similarity of value pairs (by code), in C++
    def jw(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if not len(a):
            return np.zeros(0, np.float32)
        return cpdist(list(self.values[a]), list(self.values[b]), scorer=JaroWinkler.normalized_similarity,
                      workers=-1, dtype=np.float32)

    def dl(self, a: np.ndarray, b: np.ndarray, cutoff: int | None = None) -> np.ndarray:
        """Damerau-Levenshtein distance (beyond ``cutoff``: cutoff + 1, computed faster)."""
        if not len(a):
            return np.zeros(0, np.int32)
        return cpdist(list(self.values[a]), list(self.values[b]), scorer=DamerauLevenshtein.distance,
                      workers=-1, dtype=np.int32, score_cutoff=cutoff)

    def contains(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The shorter value occurs whole inside the longer one."""
        if not len(a):
            return np.zeros(0, bool)
        return cpdist(list(self.values[a]), list(self.values[b]), scorer=partial_ratio, workers=-1) >= 100

    # facts per value
    @cached_property
    def lens(self) -> np.ndarray:
        return self._s.str.len().fillna(0).to_numpy(np.int64)

    @cached_property
    def first_char(self) -> np.ndarray:
        return _codes(self._s.str[:1])

    @cached_property
    def digits(self) -> np.ndarray:
        return _codes(self._s.str.replace(r"\D", "", regex=True))

    @cached_property
    def _email_parts(self) -> tuple[list[str], list[str]]:
        """Local parts and domains of email values (a plain loop: pandas' str.partition builds a
        three-column frame and took seconds on a million addresses)."""
        split = [v.partition("@") for v in self.values]
        return [p[0] for p in split], [p[2] for p in split]

    @cached_property
    def local(self) -> np.ndarray:
        return _codes(pd.Series(self._email_parts[0], dtype=object))

    @cached_property
    def local_len(self) -> np.ndarray:
        return np.fromiter((len(x) for x in self._email_parts[0]), np.int64, len(self.values))

    @cached_property
    def domain(self) -> np.ndarray:
        return _codes(pd.Series(self._email_parts[1], dtype=object))

    def head(self, n: int) -> np.ndarray:
        key = f"_head{n}"
        if key not in self.__dict__:
            self.__dict__[key] = _codes(self._s.str[:n])
        return self.__dict__[key]

    @cached_property
    def local_counts(self) -> np.ndarray:
        """How many values share each value's local part (by value)."""
        return np.bincount(self.local[self.local >= 0], minlength=int(self.local.max(initial=-1)) + 1)[self.local]

    def tail(self, n: int) -> np.ndarray:
        key = f"_tail{n}"
        if key not in self.__dict__:
            self.__dict__[key] = _codes(self._s.str[-n:].where(self.lens >= n))
        return self.__dict__[key]

    @cached_property
    def gender(self) -> np.ndarray:
        """0 unknown, 1 male, 2 female (as a first name)."""
        from app.core.normalize import first_name_info

        def g(v: str) -> int:
            known, gender = first_name_info(v)
            return {"M": 1, "F": 2}.get(gender, 0) if known else 0

        return np.fromiter((g(v) for v in self.values), np.int8, len(self.values))

    @cached_property
    def mobile(self) -> np.ndarray:
        from app.core.normalize import phone_type

        # Italian numbers tell by their first digit after +39 (3 mobile, 0 landline), as
        # phone_type says; only other countries need the full lookup.
        italian = self._s.str.startswith("+39").to_numpy(bool)
        out = self._s.str.startswith("+393").to_numpy(bool)
        for i in np.flatnonzero(~italian):
            out[i] = phone_type(self.values[i]) == "mobile"
        return out

    @cached_property
    def variants(self) -> list[frozenset[str]]:
        from app.core.normalize import first_name_variants

        return [first_name_variants(v) for v in self.values]

    @cached_property
    def has_variants(self) -> np.ndarray:
        return np.fromiter((len(v) > 1 for v in self.variants), bool, len(self.values))

    def member_of(self, subset: set[str] | None) -> np.ndarray:
        if not subset:
            return np.zeros(len(self.values), bool)
        return self._s.isin(subset).to_numpy()
