"""Blocking: which rules propose which pairs."""
from __future__ import annotations

import numpy as np
import pandas as pd

from app.core.matching.blocking import candidate_pairs
from app.core.matching.features import Features
from app.core.matching.settings import default_settings
from app.core.normalize import normalize_record


def _features(rows: list[dict]) -> Features:
    frame = pd.DataFrame([normalize_record(r) for r in rows])
    frame["id"] = range(1, len(rows) + 1)
    frame["source_id"] = 1
    return Features.build(frame, default_settings())


def _pairs(feats: Features, large: int = 20_000) -> set[tuple[int, int]]:
    settings = default_settings()
    c = candidate_pairs(feats, settings.blocking, max_block=settings.max_block_size, large=large)
    return set(zip(c.a.tolist(), c.b.tolist()))


def test_a_rare_first_name_alone_proposes_a_record_whose_other_fields_are_all_mistyped():
    """Theodore with no surname, a birth date off in year, month and day, no town, an email
    naming only his initials, against Theodore Morris: only the first name is left to block on."""
    feats = _features([{"first_name": "Theodore", "birth_date": "1979-08-21", "email": "t.m39@brooks.com"},
                       {"first_name": "Theodore", "last_name": "Morris", "birth_date": "1978-09-18", "city": "Leeds"}])
    assert (0, 1) in _pairs(feats)


def test_a_common_first_name_alone_proposes_nothing_on_a_large_workspace():
    rows = [{"first_name": "Giulia", "birth_date": f"19{50 + i}-01-02"} for i in range(6)]
    assert _pairs(_features(rows), large=2) == set()
    assert len(_pairs(_features(rows))) == 15  # a small workspace affords the block of six
