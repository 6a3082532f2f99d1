"""Helpers for the matching tests: small workspaces built from canonical fields in code.

Records go through the real normaliser (``normalize_record``), as the importer would store them;
the importer itself is exercised by the benchmark and by the FEBRL test.
"""
from __future__ import annotations

import json
from pathlib import Path

from app.core.normalize import normalize_record
from app.core.workspace import Workspace

NOW = "2026-01-01T00:00:00+00:00"


def add_source(ws: Workspace, name: str, rows: list[dict], *, key: str = "id") -> dict[str, int]:
    """Insert a contact source; each row is canonical fields plus its key. Returns key → record id."""
    with ws.atomic():
        ws.execute("INSERT INTO sources(name, kind, channel, format, created_at, updated_at) "
                   "VALUES (?, 'contacts', 'other', 'auto', ?, ?)", (name, NOW, NOW))
        sid = ws.scalar("SELECT id FROM sources WHERE name = ?", (name,))
        out = {}
        for row in rows:
            fields = {k: v for k, v in row.items() if k != key}
            n = normalize_record(fields)
            cols = list(n)
            ws.execute(
                f"INSERT INTO records(source_id, source_record_id, raw, fields, created_at, updated_at, {', '.join(cols)}) "
                f"VALUES (?, ?, ?, ?, ?, ?, {', '.join('?' * len(cols))})",
                (sid, str(row[key]), json.dumps(row), json.dumps(fields), NOW, NOW, *[n[c] for c in cols]))
            out[str(row[key])] = ws.scalar("SELECT last_insert_rowid()")
    return out


def profile_of(ws: Workspace, ref: str) -> int | None:
    source, _, key = ref.partition(":")
    return ws.scalar("SELECT m.profile_id FROM memberships m JOIN records r ON r.id = m.record_id "
                     "JOIN sources s ON s.id = r.source_id WHERE s.name = ? AND r.source_record_id = ?", (source, key))


def same_profile(ws: Workspace, a: str, b: str) -> bool:
    pa, pb = profile_of(ws, a), profile_of(ws, b)
    return pa is not None and pa == pb


def clusters(ws: Workspace) -> set[frozenset[str]]:
    """The partition of records into profiles, as sets of refs (ids left out: comparable across runs)."""
    groups: dict[int, set[str]] = {}
    for pid, name, key in ws.query("SELECT m.profile_id, s.name, r.source_record_id FROM memberships m "
                                   "JOIN records r ON r.id = m.record_id JOIN sources s ON s.id = r.source_id"):
        groups.setdefault(pid, set()).add(f"{name}:{key}")
    return {frozenset(g) for g in groups.values()}


FIRST = ["Giorgio", "Maria", "Luca", "Francesca", "Marco", "Chiara", "Andrea", "Giulia", "Paolo", "Sara",
         "Stefano", "Elena", "Davide", "Laura", "Matteo", "Anna", "Simone", "Silvia", "Alberto", "Marta"]
LAST = ["Rossi", "Bianchi", "Colombo", "Ferrari", "Esposito", "Romano", "Ricci", "Marino", "Greco", "Bruno",
        "Gallo", "Conti", "Costa", "Mancini", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani",
        "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale"]
CITIES = [("Milano", "20121"), ("Monza", "20900"), ("Bergamo", "24122"), ("Brescia", "25121"), ("Como", "22100")]


def people(n: int, seed: int = 1) -> list[dict]:
    """n distinct synthetic Italian people (deterministic)."""
    import random

    rng = random.Random(seed)
    out = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        city, cap = rng.choice(CITIES)
        year = rng.randint(1950, 2000)
        out.append({
            "first_name": first, "last_name": last, "birth_date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "email": f"{first.lower()}.{last.lower()}{i}@example.it", "mobile": f"3{rng.randint(10, 99)}{1000000 + i:07d}",
            "address": f"Via {rng.choice(LAST)} {rng.randint(1, 200)}", "postcode": cap, "city": city,
        })
    return out


def write_csv(path: Path, rows: list[dict]) -> Path:
    import csv

    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def test_people_are_distinct_and_deterministic():
    a, b = people(50, seed=3), people(50, seed=3)
    assert a == b
    assert len({p["email"] for p in a}) == 50
