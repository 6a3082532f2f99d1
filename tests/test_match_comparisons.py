"""Each comparison level, on pairs of records built from canonical fields."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from app.core.matching.features import Features, sound_key
from app.core.matching.model import compare_pairs
from app.core.matching.settings import default_settings
from app.core.normalize import normalize_record

SETTINGS = default_settings()
NAMES = [c.name for c in SETTINGS.comparisons]


def level(field: str, a: dict, b: dict, *, source_a: int = 1, source_b: int = 2, extra: list[dict] | None = None) -> str:
    """The label of ``field``'s level for records a and b (extra records only shape frequencies)."""
    rows = [a, b, *(extra or [])]
    frame = pd.DataFrame([normalize_record(r) for r in rows])
    frame["id"] = range(1, len(rows) + 1)
    frame["source_id"] = [source_a, source_b, *([9] * len(extra or []))]
    feats = Features.build(frame, SETTINGS)
    vec = compare_pairs(feats, SETTINGS, np.array([0]), np.array([1]))
    k = NAMES.index(field)
    return SETTINGS.comparisons[k].labels[vec.levels[0, k]]


@pytest.mark.parametrize("a, b, expected", [
    ("Giorgio", "Giorgio", "exact"),
    ("Giorgio", "Giorgo", "close (Jaro-Winkler ≥ 0.92 or one edit)"),
    ("Giuseppe", "Peppe", "nickname"),
    ("Francesco", "Checco", "nickname"),
    ("Mario", "Maria", "different (other gender)"),
    ("G", "Giorgio", "initial only"),
    ("Anna", "Giovanna", "one contains the other"),
    ("Giorgio", "Stefania", "different (other gender)"),
    ("Giorgio", "Stefano", "different"),
    (None, "Giorgio", "missing"),
])
def test_first_name_levels(a, b, expected):
    assert level("first_name", {"first_name": a, "last_name": "Rossi"}, {"first_name": b, "last_name": "Rossi"}) == expected


def test_first_and_last_swapped():
    a = {"first_name": "Xavi", "last_name": "Quarandi"}
    b = {"first_name": "Quarandi", "last_name": "Xavi"}
    assert level("first_name", a, b) == "first and last swapped"
    assert level("last_name", a, b) == "exact"  # the surname is compared with the swapped value


def test_surname_typed_as_first_name_is_put_back():
    """Bianchi is a surname and Mario a first name: the record is read as Mario Bianchi."""
    a = {"first_name": "Mario", "last_name": "Bianchi"}
    b = {"first_name": "Bianchi", "last_name": "Mario"}
    assert level("first_name", a, b) == "exact"
    assert level("last_name", a, b) == "exact"


@pytest.mark.parametrize("a, b, expected", [
    ("Rossi", "Rossi", "exact"),
    ("Rossi", "Rosi", "close (Jaro-Winkler ≥ 0.92 or one edit)"),
    ("Luca", "De Luca", "one contains the other"),
    ("Rossi", "Verdi", "different"),
])
def test_last_name_levels(a, b, expected):
    assert level("last_name", {"first_name": "Anna", "last_name": a}, {"first_name": "Anna", "last_name": b}) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("1981-05-12", "1981-05-12", "exact"),
    ("1981-05-12", "1981-12-05", "day and month swapped"),
    ("1981-05-12", "1981-05-13", "one digit off"),
    ("1981", "1981-05-12", "same year (other part unknown)"),
    ("1981-05-12", "1981-05-28", "same year and month"),
    ("1981-05-12", "1981-09-28", "same year"),
    ("1981-05-12", "1983-09-28", "within 3 years"),
    ("1981-05-12", "1990-09-28", "within 12 years"),
    ("1981-05-12", "1950-09-28", "different"),
    (None, "1981-05-12", "missing"),
])
def test_birth_date_levels(a, b, expected):
    assert level("birth_date", {"first_name": "Anna", "birth_date": a}, {"first_name": "Anna", "birth_date": b}) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("Giorgio.Rossi81@gmail.com", "giorgiorossi81@gmail.com", "same address"),  # gmail dots folded
    ("giorgio.rossi81@hotmail.it", "giorgio.rossi81@libero.it", "same name at another domain"),
    ("giorgio.rossi81@libero.it", "giorgio.rosi81@libero.it", "one typo"),
    ("mariorossi89@libero.it", "mariorossi49@libero.it", "different"),  # another year: another person
    ("mario.rossi@libero.it", "mario.rossi@gmail.com", "different"),  # only spells the name
    ("giorgio.rossi81@libero.it", "anna.verdi@gmail.com", "different"),
])
def test_email_levels(a, b, expected):
    ra = {"first_name": "Mario", "last_name": "Rossi", "email": a}
    rb = {"first_name": "Mario", "last_name": "Rossi", "email": b}
    assert level("email", ra, rb) == expected


@pytest.mark.parametrize("a, b, expected", [
    ({"mobile": "333 123 4567"}, {"phone": "+39 333-1234567"}, "same mobile number"),
    ({"phone": "02 1234 5678"}, {"phone": "0039 02 12345678"}, "same number"),
    ({"phone": "02 1234 5678"}, {"phone": "06 1234 5678"}, "same last 7 digits"),
    ({"mobile": "333 123 4567"}, {"mobile": "333 123 4568"}, "one digit off"),
    ({"mobile": "333 123 4567"}, {"mobile": "347 765 4321"}, "different"),
])
def test_phone_levels(a, b, expected):
    assert level("phone", {"first_name": "Anna", **a}, {"first_name": "Anna", **b}) == expected


def test_shared_landline_is_no_evidence():
    """A landline on records of people who cannot be one person (a household) proves nothing."""
    home = "02 1234 5678"
    extra = [{"first_name": "Luca", "last_name": "Rossi", "phone": home}]
    assert level("phone", {"first_name": "Anna", "phone": home}, {"first_name": "Anna", "phone": home},
                 extra=extra) == "same number, used by several people (no evidence)"


@pytest.mark.parametrize("a, b, expected", [
    (("Via Roma", "12"), ("V. Roma", "12"), "same street and number"),
    (("Via Garibaldi", "12"), ("Via Garibladi", "12"), "similar street, same number"),
    (("Via Roma", "12"), ("Via Roma", None), "same street, number missing"),
    (("Via Roma", "12"), ("Via Roma", "14"), "same street, other number"),
    (("Via Roma", "12"), ("Corso Italia", "3"), "different"),
])
def test_address_levels(a, b, expected):
    ra = {"first_name": "Anna", "address": a[0], "street_number": a[1]}
    rb = {"first_name": "Anna", "address": b[0], "street_number": b[1]}
    assert level("address", ra, rb) == expected


@pytest.mark.parametrize("email, other, expected", [
    ("giorgio.rossi81@gmail.com", {"first_name": "Giorgio", "last_name": "Rossi", "birth_date": "1981-03-02"},
     "email names the person and birth year"),
    ("giorgio.rossi@gmail.com", {"first_name": "Giorgio", "last_name": "Rossi"}, "email names the person"),
    ("giorgio.rossi@gmail.com", {"first_name": "Anna", "last_name": "Rossi"}, "email names someone else"),
    ("grossi@gmail.com", {"first_name": "Anna", "last_name": "Rossi"}, "email has the surname"),
    ("giorgio.rossi@gmail.com", {"first_name": "Anna", "last_name": "Verdi"}, "email names someone else"),
])
def test_email_hints_read_a_thin_record(email, other, expected):
    assert level("email_hints", {"email": email}, other) == expected


def test_email_hints_between_named_records_tell_only_the_birth_year():
    """The names are the name comparisons' evidence; the year in the email is new evidence."""
    a = {"first_name": "Giorgio", "last_name": "Rossi", "email": "giorgio.rossi81@gmail.com"}
    b = {"first_name": "Giorgio", "last_name": "Rossi", "birth_date": "1981-01-01"}
    assert level("email_hints", a, b) == "email has the other's birth year"
    assert level("email_hints", a, {**b, "birth_date": "1979-01-01"}) == "missing"
    assert level("email_hints", a, {"first_name": "Giorgio", "last_name": "Rossi"}) == "missing"
    assert level("email_hints", {**a, "birth_date": "1981-01-01"}, b) == "missing"  # a's own date says it


def test_same_source_level():
    a, b = {"first_name": "Anna"}, {"first_name": "Anna"}
    assert level("source", a, b, source_a=1, source_b=1) == "same source (two entries of one export)"
    assert level("source", a, b, source_a=1, source_b=2) == "different sources"


def test_sound_key_folds_italian_spelling_variants():
    assert sound_key("ROSSI") == sound_key("ROSSO") == sound_key("ROSI")
    assert sound_key("CHIARA") == sound_key("KIARA")
    assert sound_key("PHILLIPS") == sound_key("FILIPS")
    assert sound_key("ROSSI") != sound_key("BIANCHI")


def test_an_email_naming_another_surname_of_the_same_woman():
    """Teresa Guarino's address teresa.torrazzi85@ names Teresa Torrazzi born 1985 (her maiden name);
    an address naming someone else's first name (Anna's record with mario.rossi@) names Mario alone."""
    a = {"first_name": "Teresa", "last_name": "Guarino", "email": "teresa.torrazzi85@icloud.com"}
    b = {"first_name": "Teresa", "last_name": "Torrazzi", "birth_date": "1985-02-14"}
    assert level("email_hints", a, b) == "email names the person and birth year"
    assert level("email_hints", a, {**b, "last_name": "Guarino"}) == "missing"  # her own name: said by the names
    anna = {"first_name": "Anna", "last_name": "Bianchi", "email": "mario.rossi@libero.it"}
    assert level("email_hints", anna, {"first_name": "Marta", "last_name": "Rossi"}) == "missing"


def test_an_email_naming_another_first_name_is_no_evidence_against_its_own_holder():
    """Rosa Pellino signs up with rosa_berti1949@ (her maiden name) and luna39@: a newsletter
    record with that same address is her mailbox; Anna Rossi with no such address is someone else."""
    thin = {"email": "rosa_berti1949@gmail.com"}
    rosa = {"first_name": "Rosa", "last_name": "Pellino", "email": "rosa_berti1949@gmail.com"}
    assert level("email_hints", thin, rosa) == "missing"
    assert level("email_hints", {"email": "luna39@live.it"}, {**rosa, "email": "luna39@live.it"}) == "missing"
    assert level("email_hints", thin, {"first_name": "Anna", "last_name": "Berti"}) == "email names someone else"
    assert level("email_hints", thin, {**rosa, "first_name": "Anna", "email": "anna.berti@gmail.com"}) == \
        "email names someone else"


def test_an_address_seen_shared_is_its_named_owners_own():
    """novelli.bruno@ is on Anna's record too (shared), yet between two records of Bruno Novelli it is
    his own address; between Bruno and Anna, or for famiglia.novelli@, it still says nothing."""
    bruno = {"first_name": "Bruno", "last_name": "Novelli", "email": "novelli.bruno@hotmail.it"}
    anna = {**bruno, "first_name": "Anna"}
    assert level("email", bruno, bruno, extra=[anna]) == "same address"
    assert level("email", bruno, anna) == "same address, used by several people (no evidence)"
    family = {**bruno, "email": "famiglia.novelli@hotmail.it"}
    assert level("email", family, family, extra=[{**family, "first_name": "Anna"}]) == \
        "same address, used by several people (no evidence)"


def test_a_local_part_at_two_providers_is_read_once():
    """paola.mariani81@ at two providers: the email comparison weighs the local part; the name and
    year it spells are not counted again as hints."""
    thin = {"email": "paola.mariani81@alice.it"}
    named = {"first_name": "Paola", "last_name": "Mariani", "birth_date": "1981-03-02"}
    assert level("email_hints", thin, named) == "email names the person and birth year"
    other_provider = {**named, "email": "paola.mariani81@libero.it"}
    assert level("email", thin, other_provider) == "same name at another domain"
    assert level("email_hints", thin, other_provider) == "missing"
