"""Fellegi-Sunter scoring: comparison vectors in, match weights, probabilities and the household
guard out (the parameters are learnt in training.py).

* Weight of a field = log2(m/u) of its level; an exact level marked tf uses log2(m/f(value)), so a
  match on a common surname says less than one on a rare surname.
* Households: when a trigger level fires (``household_triggers``: first names of another gender or
  not similar, surnames unrelated, birth years over 12 apart; the weaker ones only where the data
  shows households, ``household_signal_needed``) and the full birth dates are not the same (twins
  are rarer than a mistyped name), the fields a household shares (surname, address, landline,
  family inbox…) together add at most ``household_cap`` bits — unless the two records share a
  personal identifier or a mobile number (``household_exempt``), or the same first name and an
  email nobody else is seen to use (a changed surname).
* Automatic merges also need an anchor (``anchors``: an email, phone, birth date, identifier, a home
  of one person, or a birth year read from an email) and never join two wholly different names.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from app.core.matching import comparisons as cmp
from app.core.matching.features import Features
from app.core.matching.hints import compare_email, compare_email_hints
from app.core.matching.settings import MatchSettings

EVALUATORS = {
    "string": cmp.compare_string, "email": compare_email, "first_name": cmp.compare_first_name,
    "last_name": cmp.compare_last_name, "phone": cmp.compare_phone, "date": cmp.compare_date,
    "address": cmp.compare_address, "source": cmp.compare_source, "email_hints": compare_email_hints,
}
MIN_PROB = 1e-6
HOUSEHOLD = "household guard"
SAME_FIRST = ("exact", "swapped", "close", "nickname")  # first-name levels of one person


@dataclass
class Vectors:
    """Comparison levels of candidate pairs: (P, K) int8, and per-comparison tf frequencies."""

    levels: np.ndarray
    tf: dict[int, np.ndarray]


def compare_pairs(feats: Features, settings: MatchSettings, pa: np.ndarray, pb: np.ndarray) -> Vectors:
    ctx = cmp.PairContext(feats, pa, pb)
    levels = np.zeros((len(pa), len(settings.comparisons)), np.int8)
    tf: dict[int, np.ndarray] = {}
    for k, comp in enumerate(settings.comparisons):
        lv, t = EVALUATORS[comp.kind](comp, ctx)
        levels[:, k] = lv
        if t is not None:
            tf[k] = t
    _local_part_once(levels, tf, settings)
    return Vectors(levels, tf)


def _local_part_once(levels: np.ndarray, tf: dict[int, np.ndarray], settings: MatchSettings) -> None:
    """Two emails with one local part at two providers (paola.mariani81@gmail / @libero): the email
    comparison weighs that local part; the name and year it spells are not read again as hints
    (counted twice, two namesakes born the same year merged at a million records)."""
    names = [c.name for c in settings.comparisons]
    if "email" not in names or "email_hints" not in names:
        return
    e, h = names.index("email"), names.index("email_hints")
    local = [i for i, lv in enumerate(settings.comparisons[e].levels, start=1) if lv.test == "same_local"]
    hit = np.isin(levels[:, e], local)
    levels[hit, h] = 0
    if h in tf:
        tf[h][hit] = np.nan


@dataclass
class Model:
    names: list[str]
    labels: list[list[str]]
    m: list[list[float]]  # per comparison, per level (index 0 = missing, unused)
    u: list[list[float]]
    prior: float  # probability that two random records are the same person
    tf_floor: float = 1e-6
    notes: list[str] = field(default_factory=list)
    household_rate: float = 1.0  # share of the homes two named records share that hold several people

    def to_json(self) -> dict:
        return {"names": self.names, "labels": self.labels, "m": self.m, "u": self.u, "prior": self.prior,
                "tf_floor": self.tf_floor, "notes": self.notes, "household_rate": self.household_rate}

    @classmethod
    def from_json(cls, d: dict) -> "Model":
        return cls(d["names"], d["labels"], d["m"], d["u"], d["prior"], d.get("tf_floor", 1e-6), d.get("notes", []),
                   d.get("household_rate", 1.0))

    @property
    def prior_weight(self) -> float:
        return math.log2(self.prior / (1 - self.prior))

    def weight_table(self) -> list[np.ndarray]:
        """log2(m/u) per comparison and level (0 for the missing level)."""
        out = []
        for m, u in zip(self.m, self.u):
            w = np.log2(np.maximum(m, MIN_PROB) / np.maximum(u, MIN_PROB))
            w[0] = 0.0
            out.append(w.astype(np.float32))
        return out

    def field_weights(self, vec: Vectors, settings: MatchSettings) -> np.ndarray:
        """(P, K) weight of each field for each pair, household guard not applied."""
        table = self.weight_table()
        out = np.zeros(vec.levels.shape, np.float32)
        for k, w in enumerate(table):
            out[:, k] = w[vec.levels[:, k]]
            if k in vec.tf:
                t = vec.tf[k]
                hit = ~np.isnan(t)
                m = np.asarray(self.m[k], np.float32)[vec.levels[hit, k]]
                out[hit, k] = np.log2(np.maximum(m, MIN_PROB) / np.maximum(t[hit], self.tf_floor))
        return out

    def household_adjustment(self, levels: np.ndarray, weights: np.ndarray, settings: MatchSettings) -> np.ndarray:
        """Negative correction capping household-shared evidence when first names or births clash."""
        idx = {n: k for k, n in enumerate(self.names)}
        tests = {c.name: [lv.test for lv in c.levels] for c in settings.comparisons}

        def at(name: str, wanted) -> np.ndarray:
            if name not in idx or name not in tests:
                return np.zeros(len(levels), bool)
            return np.isin(levels[:, idx[name]], [i for i, t in enumerate(tests[name], start=1) if t in wanted])

        signal = np.full(len(levels), self.household_rate >= settings.household_rate_min)
        for name, shared in settings.household_signals.items():
            signal |= at(name, shared)
        clash = np.zeros(len(levels), bool)
        for name, triggers in settings.household_triggers.items():
            needs = settings.household_signal_needed.get(name, [])
            clash |= at(name, [t for t in triggers if t not in needs]) | at(name, [t for t in triggers if t in needs]) & signal
        if "birth_date" in idx:  # the same full birth date: one person (or twins, rarer than typos)
            clash &= levels[:, idx["birth_date"]] != 1
        for name, exempt in settings.household_exempt.items():
            if name in idx and name in tests:
                clash &= ~np.isin(levels[:, idx[name]], [i for i, t in enumerate(tests[name], start=1) if t in exempt])
        if "first_name" in idx:
            # Rosa Magardi / Rosa Lanato with one address nobody else is seen to use, or with an
            # address that spells the other's whole name: a changed surname (a household's members
            # have their own first names)
            same_first = np.isin(levels[:, idx["first_name"]],
                                 [i for i, t in enumerate(tests["first_name"], start=1) if t in SAME_FIRST])
            own_email = np.zeros(len(levels), bool)
            for name, own in (("email", ("exact",)), ("email_hints", ("hint_full_year", "hint_full"))):
                if name in idx:
                    own_email |= np.isin(levels[:, idx[name]], [i for i, t in enumerate(tests[name], start=1) if t in own])
            clash &= ~(same_first & own_email)
        for name in settings.personal_ids:  # a household shares no personal identifier, even mistyped
            if name in idx:
                k = idx[name]
                clash &= ~((levels[:, k] > 0) & (levels[:, k] < len(self.labels[k]) - 1))
        hh = [idx[n] for n in settings.household_fields if n in idx]
        if not hh:
            return np.zeros(len(levels), np.float32)
        total = weights[:, hh].sum(axis=1)
        return np.where(clash & (total > settings.household_cap), settings.household_cap - total, 0.0).astype(np.float32)

    def anchored(self, levels: np.ndarray, weights: np.ndarray, settings: MatchSettings) -> np.ndarray:
        """Pairs that may merge automatically: a contact detail, date or identifier agrees, and
        the two records do not carry two wholly different names (that needs a personal id)."""
        idx = {n: k for k, n in enumerate(self.names)}
        tests = {c.name: [lv.test for lv in c.levels] for c in settings.comparisons}
        out = np.zeros(len(weights), bool)
        for anchor in settings.anchors:  # "field[:test|test]" parts joined by "&" must all agree;
            hit = np.ones(len(weights), bool)  # "!field:test" must not be at that level
            for part in anchor.split("&"):
                negated = part.startswith("!")
                name, _, test = part.lstrip("!").partition(":")
                if name not in idx:
                    hit[:] = negated and hit
                    continue
                k = idx[name]
                at = np.isin(levels[:, k], [i for i, t in enumerate(tests[name], start=1) if t in test.split("|")])
                if negated:
                    hit &= ~at
                else:  # a named level, or any level worth more than a bit
                    hit &= at if test else weights[:, k] > 1.0
            out |= hit
        if "first_name" in idx and "last_name" in idx:
            first_clash = np.isin(levels[:, idx["first_name"]], [
                i for i, t in enumerate(tests["first_name"], start=1) if t in settings.household_triggers.get("first_name", [])])
            last_clash = levels[:, idx["last_name"]] == len(tests["last_name"])
            personal = np.zeros(len(levels), bool)
            for name in settings.personal_ids:
                if name in idx:
                    k = idx[name]
                    personal |= (levels[:, k] > 0) & (levels[:, k] < len(tests[name]))
            out &= ~(first_clash & last_clash) | personal
        return out

    def score(self, vec: Vectors, settings: MatchSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Match weight (bits), probability and the (P, K) field weights of each pair."""
        fw = self.field_weights(vec, settings)
        adj = self.household_adjustment(vec.levels, fw, settings)
        weight = self.prior_weight + fw.sum(axis=1) + adj
        prob = 1.0 / (1.0 + np.exp2(-weight.astype(np.float64)))
        return weight, prob, fw
