"""Constrained clustering and stable profile ids.

Constraint model (the profiles engineer builds merge/unmerge/undo on it):

* **Must-links** — human accepts and manual merges (``decisions`` kind ``accept``/``merge``, not
  undone). Applied first, without the compatibility check: a human has looked.
* **Cannot-links** — human rejects (``reject``), and unmerges (``unmerge``: the record against
  every member it was taken out of, listed in the decision payload ``apart_from``). No union is
  ever made that would put a cannot-link pair in one cluster, directly or through others.
* **Automatic links** — candidate pairs at or above the auto threshold, by descending weight
  (ties by record ids: deterministic). A union is refused when it would join records that cannot
  be one person: two first names that are neither similar, nicknames nor swapped with the surname,
  or two full birth dates more than ``MAX_BIRTH_GAP`` years apart (the chaining guard): two clusters
  join only if some birth year and some first name (or a whole birth date) of one fit the other's
  (so one mistyped value
  in a cluster is outvoted by its other members, while father and son, or two siblings, never
  meet through a thin record both resemble). Two single records linked on their own evidence
  join (their pair score has already weighed the clash), and so does a link whose two records
  share a personal identifier. Refused links go to the review queue.

``cluster`` is a pure function over record ids; ``assign_profile_ids`` keeps ids stable: a new
cluster keeps the id of the old profile holding most of its records when that old profile's
largest part is this cluster, else it gets a new id.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import JaroWinkler

MAX_BIRTH_GAP = 12  # years; the household trigger uses the same bound (the 'within 12 years' level)
NAME_JW = 0.7
MAX_CHECKS = 2500  # member pairs checked per union; beyond, the merge goes to review


@dataclass
class Person:
    """What the chaining guard knows of a record."""

    first: str | None
    last: str | None
    year: int | None  # birth year of a full birth date
    birth: str | None = None  # the full birth date


NOBODY = Person(None, None, None)


@dataclass
class Constraints:
    must: list[tuple[int, int]] = field(default_factory=list)
    cannot: set[tuple[int, int]] = field(default_factory=set)

    def cannot_partners(self) -> dict[int, set[int]]:
        out: dict[int, set[int]] = defaultdict(set)
        for a, b in self.cannot:
            out[a].add(b)
            out[b].add(a)
        return out


@lru_cache(maxsize=200_000)
def names_compatible(a: str, b: str) -> bool:
    if a == b or a[0] == b[0] and (len(a) == 1 or len(b) == 1):
        return True
    if a in b or b in a or JaroWinkler.normalized_similarity(a, b) >= NAME_JW:
        return True
    from app.core.normalize import are_nickname_pair

    return are_nickname_pair(a, b)


def persons_compatible(p: Person, q: Person) -> bool:
    if p.year and q.year and abs(p.year - q.year) > MAX_BIRTH_GAP:
        return False
    if p.first and q.first and not names_compatible(p.first, q.first):
        # a first name typed in the surname box (swapped fields) is the same person
        swapped = (q.last and names_compatible(p.first, q.last)) or (p.last and names_compatible(p.last, q.first))
        return bool(swapped)
    return True


class _Forest:
    def __init__(self, ids: Iterable[int], persons: dict[int, Person]):
        self.parent = {i: i for i in ids}
        self.members: dict[int, list[int]] = {}  # roots of clusters with more than one record
        self.persons = persons
        # what the guard compares, per root (made on first use): birth years, names, birth dates
        self.years: dict[int, set[int]] = {}
        self.names: dict[int, set[tuple[str, str | None]]] = {}
        self.births: dict[int, set[str]] = {}

    def size(self, root: int) -> int:
        return len(self.members.get(root, (root,)))

    def _facts(self, root: int) -> None:
        if root not in self.years:
            p = self.persons.get(root, NOBODY)
            self.years[root] = {p.year} if p.year else set()
            self.names[root] = {(p.first, p.last)} if p.first else set()
            self.births[root] = {p.birth} if p.birth else set()

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def compatible(self, ra: int, rb: int) -> bool:
        """Some birth year and some first name of one cluster fit the other's (an outlier value
        in a cluster is outvoted by its other members; two distinct people share none)."""
        self._facts(ra)
        self._facts(rb)
        ya, yb = self.years[ra], self.years[rb]
        if ya and yb and not any(abs(x - y) <= MAX_BIRTH_GAP for x in ya for y in yb):
            return False
        na, nb = self.names[ra], self.names[rb]
        if len(na) * len(nb) > MAX_CHECKS:
            return False  # a giant merge is never automatic
        if self.births[ra] & self.births[rb]:
            return True  # one full birth date in both: a mistyped name (twins are rarer)
        return not (na and nb) or any(persons_compatible(Person(f, l, None), Person(g, m, None))
                                      for f, l in na for g, m in nb)

    def violates(self, ra: int, rb: int, partners: dict[int, set[int]]) -> bool:
        if not partners:
            return False
        small, big = (ra, rb) if self.size(ra) <= self.size(rb) else (rb, ra)
        return any(o in self.parent and self.find(o) == big  # partners outside this component cannot join it
                   for m in self.members.get(small, [small]) for o in partners.get(m, ()))

    def union(self, ra: int, rb: int) -> None:
        if self.size(ra) < self.size(rb):
            ra, rb = rb, ra
        self._facts(ra)
        self._facts(rb)
        self.parent[rb] = ra
        self.members[ra] = self.members.get(ra, [ra]) + self.members.pop(rb, [rb])
        self.years[ra] |= self.years.pop(rb)
        self.names[ra] |= self.names.pop(rb)
        self.births[ra] |= self.births.pop(rb)


@dataclass
class ClusterResult:
    labels: dict[int, int]  # record id -> cluster label (the smallest record id in it)
    used: list[int]  # indices of automatic links that joined two clusters
    refused: list[int]  # indices of automatic links refused by a constraint or the guard


def cluster(ids: Iterable[int], links_a: np.ndarray, links_b: np.ndarray, weights: np.ndarray,
            constraints: Constraints, persons: dict[int, Person], vouched: np.ndarray | None = None) -> ClusterResult:
    """Union-find over must-links then automatic links; ``vouched`` marks links whose records
    share a personal identifier (codice fiscale, national id, card, customer id): no guard."""
    forest = _Forest(ids, persons)
    partners = constraints.cannot_partners()
    for a, b in sorted(constraints.must):
        if a in forest.parent and b in forest.parent:
            ra, rb = forest.find(a), forest.find(b)
            if ra != rb and not forest.violates(ra, rb, partners):
                forest.union(ra, rb)
    order = np.lexsort((links_b, links_a, -weights))
    used, refused = [], []
    for i in order.tolist():
        ra, rb = forest.find(int(links_a[i])), forest.find(int(links_b[i]))
        if ra == rb:
            continue
        # two single records linked on their own evidence: their clash, if any, was already weighed
        single = forest.size(ra) == 1 and forest.size(rb) == 1
        trusted = single or (vouched is not None and vouched[i])
        if forest.violates(ra, rb, partners) or not (trusted or forest.compatible(ra, rb)):
            refused.append(i)
            continue
        forest.union(ra, rb)
        used.append(i)
    labels = {i: i for i in forest.parent}
    for members in forest.members.values():
        label = min(members)
        for m in members:
            labels[m] = label
    return ClusterResult(labels, used, refused)


def assign_profile_ids(labels: dict[int, int], old: dict[int, int], next_id: int) -> tuple[dict[int, int], int]:
    """Profile id per record: stable where a cluster is the largest part of an old profile."""
    clusters: dict[int, list[int]] = defaultdict(list)
    for rec, lab in labels.items():
        clusters[lab].append(rec)
    parts: dict[int, Counter] = defaultdict(Counter)  # old profile -> Counter(new label -> records)
    for lab, members in clusters.items():
        for m in members:
            if m in old:
                parts[old[m]][lab] += 1
    largest_part = {p: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for p, c in parts.items()}
    out: dict[int, int] = {}
    for lab in sorted(clusters):
        members = clusters[lab]
        held = Counter(old[m] for m in members if m in old)
        pid = None
        if held:
            best = min(held.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            if largest_part[best] == lab:
                pid = best
        if pid is None:
            pid = next_id
            next_id += 1
        for m in members:
            out[m] = pid
    return out, next_id
