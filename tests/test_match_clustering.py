"""Constrained clustering: chaining guard, cannot-links, must-links, stable profile ids."""
from __future__ import annotations

import numpy as np

from app.core.matching.clustering import Constraints, Person, assign_profile_ids, cluster


def links(*pairs: tuple[int, int, float]):
    arr = np.array(pairs, dtype=float).reshape(-1, 3)
    return arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64), arr[:, 2]


def groups(labels: dict[int, int]) -> set[frozenset[int]]:
    out: dict[int, set[int]] = {}
    for rec, lab in labels.items():
        out.setdefault(lab, set()).add(rec)
    return {frozenset(g) for g in out.values()}


def test_links_make_connected_components():
    a, b, w = links((1, 2, 20), (2, 3, 15), (4, 5, 10))
    res = cluster([1, 2, 3, 4, 5, 6], a, b, w, Constraints(), {})
    assert groups(res.labels) == {frozenset({1, 2, 3}), frozenset({4, 5}), frozenset({6})}
    assert len(res.used) == 3 and res.refused == []


def test_chaining_guard_keeps_father_and_son_apart_through_a_thin_record():
    """Mario 1950 and Mario 1980 both resemble an email-only record: it joins one, not both."""
    persons = {1: Person("MARIO", "ROSSI", 1950, "1950-03-02"), 2: Person("MARIO", "ROSSI", 1980, "1980-06-07"),
               3: Person(None, "ROSSI", None)}
    a, b, w = links((1, 3, 20), (2, 3, 18))
    res = cluster([1, 2, 3], a, b, w, Constraints(), persons)
    assert groups(res.labels) == {frozenset({1, 3}), frozenset({2})}
    assert res.refused == [1]  # the weaker link goes to review


def test_chaining_guard_refuses_incompatible_first_names():
    persons = {1: Person("GIULIA", "BIANCHI", None), 2: Person("MARCO", "BIANCHI", None), 3: Person(None, "BIANCHI", None)}
    a, b, w = links((1, 3, 20), (2, 3, 19))
    res = cluster([1, 2, 3], a, b, w, Constraints(), persons)
    assert frozenset({1, 2, 3}) not in groups(res.labels)


def test_a_mistyped_value_is_outvoted_by_the_cluster():
    """One record with a typo'd birth year joins a cluster whose other members agree with the newcomer."""
    persons = {1: Person("ANNA", "NERI", 1970), 2: Person("ANNA", "NERI", 1907), 3: Person("ANNA", "NERI", 1970)}
    a, b, w = links((1, 2, 30), (2, 3, 25))
    res = cluster([1, 2, 3], a, b, w, Constraints(), persons)
    assert groups(res.labels) == {frozenset({1, 2, 3})}


def test_cannot_link_is_never_made_directly_or_through_others():
    a, b, w = links((1, 2, 30), (2, 3, 25), (1, 3, 20))
    res = cluster([1, 2, 3], a, b, w, Constraints(cannot={(1, 3)}), {})
    g = groups(res.labels)
    assert not any({1, 3} <= grp for grp in g)
    assert frozenset({1, 2}) in g


def test_cannot_link_to_a_record_outside_the_component_is_harmless():
    """A local recluster sees only its component; a rejected partner elsewhere must not break it."""
    a, b, w = links((1, 2, 30))
    res = cluster([1, 2], a, b, w, Constraints(cannot={(2, 99)}), {})
    assert groups(res.labels) == {frozenset({1, 2})}


def test_must_link_is_kept_even_against_the_guard():
    persons = {1: Person("GIULIA", "BIANCHI", 1950), 2: Person("MARCO", "BIANCHI", 1990)}
    res = cluster([1, 2], *links(), Constraints(must=[(1, 2)]), persons)
    assert groups(res.labels) == {frozenset({1, 2})}


def test_clustering_is_deterministic_whatever_the_link_order():
    a, b, w = links((1, 2, 10), (3, 4, 10), (2, 3, 10), (5, 6, 9))
    first = cluster(range(1, 7), a, b, w, Constraints(), {}).labels
    order = np.array([3, 1, 0, 2])
    assert cluster(range(1, 7), a[order], b[order], w[order], Constraints(), {}).labels == first


def test_profile_ids_stay_with_the_largest_part():
    old = {1: 10, 2: 10, 3: 10, 4: 11}
    # profile 10 splits into {1, 2} and {3}; {4} is joined by a new record 5
    new_labels = {1: 1, 2: 1, 3: 3, 4: 4, 5: 4}
    ids, next_id = assign_profile_ids(new_labels, old, next_id=12)
    assert ids[1] == ids[2] == 10  # keeps the id: holds most of profile 10
    assert ids[3] == 12  # the part that leaves gets a new id
    assert ids[4] == ids[5] == 11
    assert next_id == 13


def test_merged_profiles_keep_the_bigger_ones_id():
    old = {1: 7, 2: 7, 3: 8}
    ids, _ = assign_profile_ids({1: 1, 2: 1, 3: 1}, old, next_id=9)
    assert set(ids.values()) == {7}
