"""What a full match hands to the helper process (app/core/helper.py): the second core.

Once the features are built, a copy goes to the helper, which compares the random pairs u is read
from while this process finds the candidate pairs; then each compares half of the candidates. The
features are a pure value and a pair's levels depend on its two records alone: the halves joined
are what one call here would give (tested). (Building the features in the helper from the committed
records instead of copying them was measured slower: both processes built them at once, slowing each
other down; so was splitting the comparisons in small slices taken by whoever is free: each slice
pays its own first-call costs.)

Used from ``MIN_RECORDS``, below which the random pairs take a fraction of a second, up to
``MAX_RECORDS``, above which two copies of the features would not fit the 4 GB a million records
may use. If the helper is not up, or dies, everything is compared here.
"""
from __future__ import annotations

import pickle
import uuid
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import numpy as np

from app.core import helper
from app.core.matching.features import Features
from app.core.matching.model import Vectors, compare_pairs
from app.core.matching.settings import MatchSettings
from app.core.matching.training import random_pairs

MIN_RECORDS = 20_000
MAX_RECORDS = 400_000
SHARE_HERE = 0.5  # of the candidates' comparisons, the front part compared here


def joined(parts: list[Vectors]) -> Vectors:
    """Vectors of consecutive slices of one pair list, as one."""
    tf = {k: np.concatenate([p.tf[k] if k in p.tf else np.full(len(p.levels), np.nan) for p in parts])
          for k in sorted({k for p in parts for k in p.tf})}
    return Vectors(np.concatenate([p.levels for p in parts]), tf)


# -- in the helper process ----------------------------------------------------------------------------
_features: dict[str, Features] = {}


def _open(session: str, features: bytes) -> None:
    _features.clear()  # one match at a time: a session its caller never closed is dropped
    _features[session] = pickle.loads(features)


def _random_pairs(session: str) -> Vectors:
    feats = _features[session]
    return random_pairs(feats, feats.settings)


def _compare(session: str, pa, pb) -> Vectors:
    feats = _features[session]
    return compare_pairs(feats, feats.settings, pa, pb)


def _close(session: str) -> None:
    _features.pop(session, None)


# -- here -------------------------------------------------------------------------------------------
class Assist:
    """The helper's share of one full match; every method falls back to this process."""

    def __init__(self, feats: Features):
        self.pool = helper.started() if MIN_RECORDS <= feats.n < MAX_RECORDS else None
        self.session = uuid.uuid4().hex
        self._sample: Future | None = None
        if self.pool is not None:
            # pickled here, now: the executor's own pickling runs in a thread while the features'
            # caches fill in this one
            blob = pickle.dumps(feats, pickle.HIGHEST_PROTOCOL)
            try:
                self.pool.submit(_open, self.session, blob)
                self._sample = self.pool.submit(_random_pairs, self.session)
            except (RuntimeError, BrokenProcessPool):
                self._lost()

    def _lost(self) -> None:
        if self.pool is not None:
            helper.discard()
        self.pool, self._sample = None, None

    def _result(self, future: Future):
        """The helper's answer, or None if it died (then this process does the work)."""
        try:
            return future.result()
        except (BrokenProcessPool, RuntimeError):
            self._lost()
            return None

    def compare(self, feats: Features, settings: MatchSettings, pa: np.ndarray, pb: np.ndarray) -> Vectors:
        """``compare_pairs`` of the candidates, the back part compared by the helper."""
        cut = int(len(pa) * SHARE_HERE)
        if self.pool is None or cut == len(pa):
            return compare_pairs(feats, settings, pa, pb)
        try:
            theirs = self.pool.submit(_compare, self.session, pa[cut:], pb[cut:])
        except (RuntimeError, BrokenProcessPool):
            self._lost()
            return compare_pairs(feats, settings, pa, pb)
        mine = compare_pairs(feats, settings, pa[:cut], pb[:cut])
        back = self._result(theirs)
        return joined([mine, back if back is not None else compare_pairs(feats, settings, pa[cut:], pb[cut:])])

    def random_pairs(self, feats: Features, settings: MatchSettings) -> Vectors:
        """The random pairs u is read from (``training.random_pairs``)."""
        sample = self._result(self._sample) if self.pool is not None and self._sample is not None else None
        return sample if sample is not None else random_pairs(feats, settings)

    def close(self) -> None:
        if self.pool is not None:
            try:
                self.pool.submit(_close, self.session)
            except (RuntimeError, BrokenProcessPool):
                pass
