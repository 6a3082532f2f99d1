"""What a full match hands to the helper process (app/core/helper.py): the second core.

The helper reads the committed records through its own read-only connection, builds the same
features this process builds (a pure function of the records and the settings) and compares the
random pairs u is read from, while this process finds and compares the candidate pairs. (Sharing
the candidates' comparisons too was measured slower at 100k records: the helper is still busy
with the random pairs when they start, and each process pays its own first-call caches.)

Used only when nothing uncommitted lies under the match (the helper would read other records) and
the workspace is big enough to pay for the helper's copy of the features, and small enough that
the two copies fit: from ``MAX_RECORDS`` the match runs in one process as before. If the helper is
not up, or dies, everything is computed here.
"""
from __future__ import annotations

import uuid
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

from app.core import helper
from app.core.matching import store
from app.core.matching.features import Features
from app.core.matching.model import Vectors
from app.core.matching.settings import MatchSettings
from app.core.matching.training import random_pairs
from app.core.workspace import Workspace

MIN_RECORDS = 20_000  # below, the random pairs take a fraction of a second: not worth a second copy of the features
MAX_RECORDS = 400_000  # above, two copies of the features would not fit the 4 GB a million records may use

# -- in the helper process ----------------------------------------------------------------------------
_features: dict[str, tuple[Features, MatchSettings]] = {}


def _open(session: str, path: str, settings: dict) -> int:
    _features.clear()  # one match at a time: a session its caller never closed is dropped
    ws = Workspace(path, create=False, readonly=True)
    try:
        frame = store.load_records_frame(ws)
    finally:
        ws.close()
    s = MatchSettings.from_json(settings)
    _features[session] = (Features.build(frame, s), s)
    return len(frame)


def _random_pairs(session: str) -> Vectors:
    feats, settings = _features[session]
    return random_pairs(feats, settings)


def _close(session: str) -> None:
    _features.pop(session, None)


# -- here -------------------------------------------------------------------------------------------
class Assist:
    """The helper's share of one full match; every method falls back to this process."""

    def __init__(self, ws: Workspace, settings: MatchSettings, n_records: int, committed: bool):
        self.pool = helper.started() if committed and MIN_RECORDS <= n_records < MAX_RECORDS else None
        self.session = uuid.uuid4().hex
        self._sample: Future | None = None
        self.n_records = n_records
        if self.pool is not None:
            try:
                self._opened = self.pool.submit(_open, self.session, str(ws.path), settings.to_json())
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
            if self._opened.result() != self.n_records:  # it read other records: not ours to use
                return None
            return future.result()
        except (BrokenProcessPool, RuntimeError):
            self._lost()
            return None

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
