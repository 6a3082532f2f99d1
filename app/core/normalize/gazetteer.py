"""The name tables under resources/: first names with gender, common Italian surnames, nicknames."""
from __future__ import annotations

from functools import cache

from app.core.resources import load_json


@cache
def first_names() -> dict[str, str | None]:
    """First-name key → usual gender (`M`, `F`, or None when it differs between Italian and English use)."""
    return load_json("first_names.json")["names"]


@cache
def surnames() -> frozenset[str]:
    """Keys of the most common Italian surnames, plus common English-language ones."""
    table = load_json("surnames_it.json")
    return frozenset(table["surnames"]) | frozenset(table["english"])


@cache
def nickname_index() -> dict[str, frozenset[str]]:
    """Name key → itself plus the canonical names it may stand for (`PINO` → {PINO, GIUSEPPE})."""
    table: dict[str, list[str]] = {k: v for k, v in load_json("nicknames.json").items() if not k.startswith("_")}
    index: dict[str, set[str]] = {}
    for canonical, diminutives in table.items():
        index.setdefault(canonical, {canonical})
        for short in diminutives:
            index.setdefault(short, {short}).add(canonical)
    return {k: frozenset(v) for k, v in index.items()}
