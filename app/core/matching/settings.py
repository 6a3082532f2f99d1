"""Declarative matching settings: thresholds, blocking keys, comparisons with ordered levels, EM.

Everything the matcher does is described by a ``MatchSettings`` value that round-trips through
JSON (stored in the workspace as ``matching.settings``, exportable with
``unico match --export-settings``). The defaults need no tuning: the same settings serve FEBRL,
Splink's fake_1000 and an Italian retailer.

A comparison is a ``kind`` (which evaluator reads which columns) plus an ordered list of levels;
the first level whose test holds wins, a missing value gives the null level (index 0, weight 0)
and the last level is always "else". Level tests are small named predicates with parameters
(``{"test": "jaro_winkler", "min": 0.92}``), evaluated on distinct value pairs.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from app.core.errors import UsageError


@dataclass
class Level:
    label: str
    test: str  # a predicate name known to comparisons.py ('else' for the last level)
    params: dict[str, Any] = field(default_factory=dict)
    tf: bool = False  # term-frequency adjusted (exact levels of names, city, email, phone)


@dataclass
class Comparison:
    name: str  # field name shown in explanations
    kind: str  # evaluator: string, first_name, last_name, date, email, phone, address, email_hints
    columns: list[str]
    levels: list[Level]

    @property
    def labels(self) -> list[str]:
        return ["missing", *[lv.label for lv in self.levels]]


@dataclass
class BlockingRule:
    name: str
    keys: list[str]  # derived key columns (features.py) joined into one block key
    max_block: int | None = None  # this rule's tighter cap on large workspaces (settings.large_workspace)


@dataclass
class MatchSettings:
    auto_threshold: float = 0.995  # probability above which records are merged automatically
    review_threshold: float = 0.5  # between the two: queued for a human
    blocking: list[BlockingRule] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    max_block_size: int = 60  # a block key shared by more records is not used for candidates
    large_workspace: int = 20_000  # from this many records, rules with their own cap use it
    junk_min_records: int = 25  # an email/phone/id on more records than this is junk ...
    junk_min_names: int = 6  # ... when it also carries this many different surnames
    u_sample_pairs: int = 250_000  # at most this many random pairs for u (training reads 10 per record, ≥ 50k)
    em_max_iterations: int = 60
    em_tolerance: float = 1e-5
    label_weight: float = 20.0  # how many unlabelled pairs one human decision counts as in EM
    refine_prior_pairs: float = 2000.0  # between runs, EM's m counts as this many pairs against decisions
    household_cap: float = 4.0  # bits household-shared fields may add when first names or births clash
    household_fields: list[str] = field(default_factory=lambda: [
        "last_name", "email", "phone", "address", "postcode", "city", "province", "email_hints"])
    # Levels that say "two different people" when a household's shared fields agree.
    household_triggers: dict[str, list[str]] = field(default_factory=lambda: {
        "first_name": ["gender_clash", "prefix", "jaro_winkler", "else"], "last_name": ["else"],
        "birth_date": ["else"]})
    # Triggers that say "two people" only where the data shows households: a birth date rewritten
    # from scratch, or a first name two typos away, is a mistake as often as a namesake or a
    # sibling, unless the pair's home, landline or inbox is seen shared by people who cannot be one
    # person (``household_signals``), or the data is full of households: at least
    # ``household_rate_min`` of the homes that two named records share hold such people.
    household_signal_needed: dict[str, list[str]] = field(default_factory=lambda: {
        "birth_date": ["else"], "first_name": ["prefix", "jaro_winkler"]})
    household_signals: dict[str, list[str]] = field(default_factory=lambda: {
        "address": ["street_number_shared"], "phone": ["shared"], "email": ["shared"]})
    household_rate_min: float = 0.5
    # Auto-merge needs one of these to agree (weight above 1 bit): names with a town go to review;
    # so do names at a home where several people live (father and son may share a name) unless
    # two sources say the same full name there and no email or phone of theirs disagrees.
    # ("field", "field:test|test"; parts joined by "&" must all hold; "!field:test": not that level).
    anchors: list[str] = field(default_factory=lambda: [
        "email:exact", "email:same_local", "phone", "birth_date", "codice_fiscale", "national_id", "customer_id",
        "loyalty_card", "email_hints:hint_full_year|hint_year", "address:street_number_exact",
        "address:street_number_close",
        "address:street_number_shared&first_name:exact|nickname&last_name:exact&source:different_source"
        "&!email:else&!phone:else&!birth_date:else"])
    # Levels no household shares (a mobile is one person's): they lift the household guard.
    household_exempt: dict[str, list[str]] = field(default_factory=lambda: {"phone": ["exact_mobile"]})
    personal_ids: list[str] = field(default_factory=lambda: [
        "codice_fiscale", "national_id", "customer_id", "loyalty_card"])
    # Comparisons whose equality levels get u from the sharing between people (sharing.py), not
    # from random pairs (which mostly share a value because they are one person).
    identifiers: list[str] = field(default_factory=lambda: [
        "email", "phone", "codice_fiscale", "national_id", "customer_id", "loyalty_card"])
    retrain_share: float = 0.2  # new records above this share of the workspace: retrain and rescore
    seed: int = 42

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "MatchSettings":
        try:
            data = dict(data)
            data["blocking"] = [BlockingRule(**b) for b in data.get("blocking", [])]
            data["comparisons"] = [
                Comparison(name=c["name"], kind=c["kind"], columns=list(c["columns"]),
                           levels=[Level(**lv) for lv in c["levels"]])
                for c in data.get("comparisons", [])
            ]
            return cls(**data)
        except (KeyError, TypeError) as e:
            raise UsageError(f"matching settings are not valid: {e}") from e

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)


def _lv(label: str, test: str, tf: bool = False, **params: Any) -> Level:
    return Level(label, test, params, tf)


ELSE = "else"


def default_comparisons() -> list[Comparison]:
    name_close = [_lv("close (Jaro-Winkler ≥ 0.92 or one edit)", "close", jw=0.92, edits=1)]
    return [
        Comparison("first_name", "first_name", ["n_first", "n_last"], [
            _lv("exact", "exact", tf=True),
            _lv("first and last swapped", "swapped", jw=0.9),
            _lv("different (other gender)", "gender_clash"),
            *name_close,
            _lv("nickname", "nickname"),
            _lv("one contains the other", "prefix", min_len=3),
            _lv("similar (Jaro-Winkler ≥ 0.85)", "jaro_winkler", min=0.85),
            _lv("initial only", "initial"),
            _lv("somewhat similar (Jaro-Winkler ≥ 0.7)", "jaro_winkler", min=0.7),
            _lv("different", ELSE),
        ]),
        Comparison("last_name", "last_name", ["n_last", "n_first"], [
            _lv("exact", "exact", tf=True),
            *name_close,
            _lv("one contains the other", "prefix", min_len=4),
            _lv("similar (Jaro-Winkler ≥ 0.85)", "jaro_winkler", min=0.85),
            _lv("different", ELSE),
        ]),
        Comparison("birth_date", "date", ["n_birth"], [
            _lv("exact", "exact"),
            _lv("day and month swapped", "dm_swapped"),
            _lv("one digit off", "date_edit", edits=1),
            _lv("same year (other part unknown)", "partial"),
            _lv("same year and month", "same_month"),
            _lv("same year", "same_year"),
            _lv("within 3 years", "near_year", years=3),
            _lv("within 12 years", "near_year", years=12),
            _lv("different", ELSE),
        ]),
        Comparison("email", "email", ["n_email_key"], [
            _lv("same address", "exact"),
            _lv("same address, used by several people (no evidence)", "shared"),
            _lv("same name at another domain", "same_local", tf=True, min_len=5),
            _lv("one typo", "close", jw=1.01, edits=1, same_digits=True, min_len=10, same_start=2),
            _lv("different", ELSE),
        ]),
        Comparison("phone", "phone", ["n_phone", "n_mobile"], [
            _lv("same mobile number", "exact_mobile"),
            _lv("same number", "exact"),
            _lv("same number, used by several people (no evidence)", "shared"),
            _lv("same last 7 digits", "last_digits", n=7),
            _lv("one digit off", "close", jw=1.01, edits=1),
            _lv("different", ELSE),
        ]),
        Comparison("email_hints", "email_hints", ["n_email_key", "n_first", "n_last", "n_birth"], [
            _lv("email names the person and birth year", "hint_full_year", tf=True),
            _lv("email names the person", "hint_full", tf=True),
            _lv("email has the other's birth year", "hint_year"),
            _lv("email names someone else", "hint_other"),
            _lv("email has the surname and initial", "hint_surname_initial"),
            _lv("email has the surname", "hint_surname"),
        ]),
        Comparison("address", "address", ["n_street", "n_number"], [
            _lv("same street and number", "street_number_exact"),
            _lv("same street and number, a home of several people", "street_number_shared"),
            _lv("similar street, same number", "street_number_close", jw=0.88),
            _lv("same street, number missing", "street_only"),
            _lv("same street, other number", "street_other_number", jw=0.92),
            _lv("different", ELSE),
        ]),
        Comparison("postcode", "string", ["n_postcode"], [
            _lv("exact", "exact", tf=True),
            _lv("one digit off", "close", jw=1.01, edits=1),
            _lv("different", ELSE),
        ]),
        Comparison("city", "string", ["n_city"], [
            _lv("exact", "exact", tf=True),
            _lv("similar", "close", jw=0.9, edits=1),
            _lv("different", ELSE),
        ]),
        Comparison("province", "string", ["n_province"], [
            _lv("exact", "exact"),
            _lv("different", ELSE),
        ]),
        Comparison("gender", "string", ["n_gender"], [
            _lv("exact", "exact"),
            _lv("different", ELSE),
        ]),
        Comparison("codice_fiscale", "string", ["n_cf"], [
            _lv("exact", "exact"),
            _lv("different", ELSE),
        ]),
        Comparison("national_id", "string", ["n_national_id"], [
            _lv("exact", "exact"),
            _lv("one edit", "close", jw=1.01, edits=1),
            _lv("different", ELSE),
        ]),
        Comparison("source", "source", [], [
            _lv("different sources", "different_source"),
            _lv("same source (two entries of one export)", ELSE),
        ]),
        Comparison("customer_id", "string", ["n_customer_id"], [
            _lv("exact", "exact"),
            _lv("different", ELSE),
        ]),
        Comparison("loyalty_card", "string", ["n_loyalty"], [
            _lv("exact", "exact"),
            _lv("different", ELSE),
        ]),
    ]


def default_blocking() -> list[BlockingRule]:
    return [
        BlockingRule("email", ["email_key"]),
        BlockingRule("phone", ["phone_any"]),
        BlockingRule("codice fiscale", ["cf"]),
        BlockingRule("national id", ["national_id"]),
        BlockingRule("customer id", ["customer_id"]),
        BlockingRule("loyalty card", ["loyalty"]),
        BlockingRule("surname sound + postcode", ["last_sound", "postcode"], max_block=25),
        BlockingRule("first name + birth date", ["first", "birth"]),
        BlockingRule("surname + birth date", ["last", "birth"]),
        BlockingRule("birth date + postcode", ["birth", "postcode"]),
        BlockingRule("birth date + city", ["birth", "city"]),
        BlockingRule("birth date + street number", ["birth", "number"]),
        BlockingRule("name tokens (either order, or read from the email)", ["name_tokens"], max_block=12),
        BlockingRule("first name prefix + surname prefix", ["first3", "last4"], max_block=12),
        BlockingRule("email local part", ["email_local"], max_block=12),
        BlockingRule("first name + city", ["first", "city"], max_block=12),
        BlockingRule("surname sound", ["last_sound"], max_block=12),
        BlockingRule("street + number + postcode", ["street_number", "postcode"], max_block=12),
        # A mistyped name or date: the birth date alone, or a name sound with what is left of the
        # date. On large workspaces only their rare keys: their true pairs are mostly found already.
        BlockingRule("birth date", ["birth"], max_block=4),
        BlockingRule("first name sound + birth year", ["first_sound", "year"], max_block=4),
        BlockingRule("first name sound + birth year and month", ["first_sound", "birth_ym"], max_block=4),
        BlockingRule("first name sound + birth year and day", ["first_sound", "birth_yd"], max_block=4),
        BlockingRule("birth year and month + city", ["birth_ym", "city"], max_block=4),
        BlockingRule("first name sound", ["first_sound"], max_block=4),
    ]


def default_settings() -> MatchSettings:
    return MatchSettings(blocking=default_blocking(), comparisons=default_comparisons())
