"""Profile summary columns: the profiles layer's golden records (survivorship with provenance).

The matcher calls ``refresh_profiles`` whenever memberships change; the rules live in
app.core.profiles.golden (imported when called: the profiles layer builds on this package).
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from app.core.workspace import Workspace


def refresh_profiles(ws: Workspace, profile_ids: Iterable[int], new: Collection[int] = (), *,
                     committed: bool = False, head_start=None) -> int:
    """Recompute golden records and display_name, email, phone, city, sources, n_records, activity
    (``new``: profiles to create; ``committed``, ``head_start``: see app.core.profiles.refresh)."""
    from app.core.profiles.refresh import refresh_profiles as refresh_golden

    return refresh_golden(ws, profile_ids, new=new, committed=committed, head_start=head_start)


def head_start(ws: Workspace, profile_ids: Iterable[int], members: Mapping[int, int]):
    """Start the helper process on these profiles' golden records from the clusters in memory
    (record id → profile id) before the memberships are written; give it to ``refresh_profiles``."""
    from app.core.profiles.refresh import HeadStart

    return HeadStart(ws, profile_ids, members)
