"""Profile summary columns: the profiles layer's golden records (survivorship with provenance).

The matcher calls ``refresh_profiles`` whenever memberships change; the rules live in
app.core.profiles.golden (imported when called: the profiles layer builds on this package).
"""
from __future__ import annotations

from collections.abc import Collection, Iterable

from app.core.workspace import Workspace


def refresh_profiles(ws: Workspace, profile_ids: Iterable[int], new: Collection[int] = ()) -> int:
    """Recompute golden records and display_name, email, phone, city, sources, n_records, activity
    (``new``: profiles to create, see the profiles layer's refresh_profiles)."""
    from app.core.profiles.golden import refresh_profiles as refresh_golden

    return refresh_golden(ws, profile_ids, new=new)
