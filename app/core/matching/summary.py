"""Profile summary columns with a simple rule (the profiles engineer swaps in survivorship).

Name: the first member record (by id) with both names, else any name, else the email. Email and
phone: the first member that has one (mobile before landline). City: the first one. Activity:
the first and last event of any member record.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from app.core.matching.store import temp_ids
from app.core.workspace import Workspace, utcnow


def refresh_profiles(ws: Workspace, profile_ids: Iterable[int]) -> int:
    """Recompute display_name, email, phone, city, sources, n_records, first/last activity."""
    ids = list(profile_ids)
    if not ids:
        return 0
    with temp_ids(ws, ids, "_pids") as t:
        members = pd.read_sql_query(
            "SELECT m.profile_id AS pid, r.id AS rid, s.name AS source, r.n_email, "
            "coalesce(r.n_mobile, r.n_phone) AS phone, "
            "json_extract(r.fields, '$.first_name') AS first, json_extract(r.fields, '$.last_name') AS last, "
            "json_extract(r.fields, '$.full_name') AS full, json_extract(r.fields, '$.city') AS city "
            f"FROM memberships m JOIN {t} t ON t.id = m.profile_id JOIN records r ON r.id = m.record_id "
            "JOIN sources s ON s.id = r.source_id ORDER BY m.profile_id, r.id", ws.conn)
        activity = pd.read_sql_query(
            "SELECT m.profile_id AS pid, min(e.ts) AS t0, max(e.ts) AS t1 "
            f"FROM memberships m JOIN {t} t ON t.id = m.profile_id JOIN events e ON e.record_id = m.record_id "
            "GROUP BY m.profile_id", ws.conn)
    if members.empty:
        return 0
    both = members["first"].notna() & members["last"].notna()
    joined = (members["first"].fillna("") + " " + members["last"].fillna("")).str.strip()
    members["name_full"] = joined.where(both)
    members["name_any"] = joined.where(joined != "").fillna(members["full"])
    g = members.groupby("pid", sort=False)
    out = pd.DataFrame({
        "name": g["name_full"].first().fillna(g["name_any"].first()).fillna(g["n_email"].first()),
        "email": g["n_email"].first(), "phone": g["phone"].first(), "city": g["city"].first(),
        "sources": g["source"].agg(lambda s: ",".join(sorted(set(s)))), "n": g.size(),
    })
    act = activity.set_index("pid")
    out["t0"] = act["t0"].reindex(out.index)
    out["t1"] = act["t1"].reindex(out.index)
    now = utcnow()

    def iso(ts) -> str | None:
        return None if pd.isna(ts) else pd.Timestamp(int(ts), unit="s", tz="UTC").isoformat()

    rows = [(r.name, r.email, r.phone, r.city, r.sources, int(r.n), iso(r.t0), iso(r.t1), now, int(pid))
            for pid, r in zip(out.index, out.itertuples(index=False))]
    ws.conn.executemany(
        "UPDATE profiles SET display_name = ?, email = ?, phone = ?, city = ?, sources = ?, n_records = ?, "
        "first_activity = ?, last_activity = ?, updated_at = ? WHERE id = ?", rows)
    return len(rows)
