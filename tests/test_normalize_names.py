import pytest

from app.core.normalize import (
    PARTICLES, are_nickname_pair, clean_name, first_name_info, first_name_variants, name_key, split_full_name,
)
from app.core.resources import load_json


@pytest.mark.parametrize("a, b", [
    ("Nicolo'", "Nicolò"),
    ("Maria Grazia", "Mariagrazia"),
    ("D'Angelo", "D Angelo"),
    ("D’Angelo", "Dangelo"),  # typographic apostrophe
    ("De Luca", "DELUCA"),
    ("Dell'Orto", "dell orto"),
    ("Jean-Luc", "jeanluc"),
    ("J. R.", "JR"),
    ("Müller", "Muller"),
    ("Łukasz", "Lukasz"),
])
def test_name_key_equal_forms(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_values():
    assert name_key("D’Angelo") == "DANGELO"
    assert name_key("  ") is None
    assert name_key(None) is None
    assert name_key("Nicolò") == "NICOLO"


@pytest.mark.parametrize("raw, display", [
    ("de luca", "De Luca"),
    ("D'ANGELO", "D'Angelo"),
    ("dell'orto", "Dell'Orto"),
    ("D’ angelo", "D'Angelo"),
    ("Nicolo'", "Nicolò"),
    ("NICOLO'", "Nicolò"),
    ("  mario   rossi ", "Mario Rossi"),
    ("mcdonald", "McDonald"),
    ("o'brien", "O'Brien"),
    ("McDonald", "McDonald"),  # deliberate mixed case is kept
    ("ludwig van beethoven", "Ludwig van Beethoven"),
    ("anna-maria", "Anna-Maria"),
    ("De' Medici", "De' Medici"),  # elided "dei", not an accent
])
def test_clean_name(raw, display):
    assert clean_name(raw) == display


@pytest.mark.parametrize("full, first, last", [
    ("Mario Rossi", "Mario", "Rossi"),
    ("Rossi Mario", "Mario", "Rossi"),
    ("ROSSI MARIO", "Mario", "Rossi"),
    ("Mario De Luca", "Mario", "De Luca"),
    ("De Luca Mario", "Mario", "De Luca"),
    ("Maria Grazia Rossi", "Maria Grazia", "Rossi"),
    ("Rossi Maria Grazia", "Maria Grazia", "Rossi"),
    ("Gian Marco Bianchi", "Gian Marco", "Bianchi"),
    ("Rossi, Mario", "Mario", "Rossi"),
    ("Giuseppe D'Angelo", "Giuseppe", "D'Angelo"),
    ("D’Angelo Giuseppe", "Giuseppe", "D'Angelo"),
    ("Anna Maria dell'Orto", "Anna Maria", "Dell'Orto"),
    ("Giulia", "Giulia", None),
    ("Esposito", None, "Esposito"),
    ("Xhafa Qerim", "Xhafa", "Qerim"),  # cannot tell: first last
    ("John Smith", "John", "Smith"),
    ("Smith John", "John", "Smith"),
])
def test_split_full_name(full, first, last):
    assert split_full_name(full) == (first, last)


def test_nickname_variants():
    assert first_name_variants("PEPPE") == {"PEPPE", "GIUSEPPE"}
    assert first_name_variants("PINO") == {"PINO", "GIUSEPPE"}
    assert "GIUSEPPINA" in first_name_variants("GIUSY") and "GIUSEPPINA" in first_name_variants("GIUSI")
    assert first_name_variants("FRANCO") >= {"FRANCO", "FRANCESCO"}
    assert first_name_variants("XYZ") == {"XYZ"}
    assert are_nickname_pair("PEPPE", "GIUSEPPE")
    assert are_nickname_pair("PEPPE", "PINO")  # two short forms of the same name
    assert are_nickname_pair("BOB", "ROBERT") and are_nickname_pair("BILL", "WILLIAM")
    assert are_nickname_pair("LIZ", "ELIZABETH") and are_nickname_pair("KATIE", "KATHERINE")
    assert are_nickname_pair("MIKE", "MICHAEL") and are_nickname_pair("LELLO", "RAFFAELE")
    assert not are_nickname_pair("ALESSANDRO", "ALESSANDRA")
    assert not are_nickname_pair("MARIO", "MARIO")
    assert not are_nickname_pair("MARIO", "LUIGI")


def test_first_name_info():
    assert first_name_info("MARIO") == (True, "M")
    assert first_name_info("GIULIA") == (True, "F")
    assert first_name_info("ANDREA") == (True, None)  # male in Italy, female in English
    assert first_name_info("ROSSI") == (False, None)


def test_tables_are_well_formed():
    names = load_json("first_names.json")["names"]
    assert len(names) > 1000
    assert all(k == name_key(k) and v in ("M", "F", None) for k, v in names.items())
    nicknames = {k: v for k, v in load_json("nicknames.json").items() if not k.startswith("_")}
    assert len(nicknames) >= 300
    for canonical, shorts in nicknames.items():
        assert canonical == name_key(canonical) and canonical in names, canonical
        assert shorts and all(s == name_key(s) and s != canonical for s in shorts), canonical
    surnames = load_json("surnames_it.json")
    assert {"ROSSI", "RUSSO", "FERRARI", "ESPOSITO", "BIANCHI", "DELUCA", "DANGELO"} <= set(surnames["surnames"])
    assert len(surnames["surnames"]) >= 300


def test_particles_are_keys():
    assert {"DE", "DI", "DEL", "DELLA", "LO", "LA", "D", "DELL"} <= PARTICLES
    assert all(p == name_key(p) for p in PARTICLES)
