import pytest

from app.core.normalize import (
    EmailHints, clean_email, domain_typo, email_key, is_role_address, is_valid_email, local_part_hints,
)


@pytest.mark.parametrize("raw, expected", [
    ("  Mario.Rossi@Gmail.COM ", "mario.rossi@gmail.com"),
    ("mailto:mario@libero.it", "mario@libero.it"),
    ("MAILTO:mario@libero.it?subject=ciao", "mario@libero.it"),
    ("<mario@libero.it>", "mario@libero.it"),
    ("Mario Rossi <Mario@Libero.it>", "mario@libero.it"),
    ('"mario@libero.it"', "mario@libero.it"),
    ("'mario@libero.it'", "mario@libero.it"),
    ("mario@libero.it;", "mario@libero.it"),
    ("anna+shop@hotmail.it", "anna+shop@hotmail.it"),
    ("o'neil@example.co.uk", "o'neil@example.co.uk"),
    ("mario@città.it", "mario@città.it"),  # international domain
])
def test_clean_email(raw, expected):
    assert clean_email(raw) == expected


@pytest.mark.parametrize("raw", [
    None, "", "mario", "mario@", "@libero.it", "mario@libero", "mario rossi@libero.it", "mario@@libero.it",
    "mario@libero..it", "mario@-libero.it", "mario@libero.i", "a@b@c.it", "mario@libero.it mario@gmail.com",
])
def test_clean_email_rejects(raw):
    assert clean_email(raw) is None


def test_is_valid_email():
    assert is_valid_email("mario@libero.it")
    assert is_valid_email(" mario@libero.it ")
    assert not is_valid_email("mailto:mario@libero.it")  # validation of what is about to be written: as is
    assert not is_valid_email("mario@libero")
    assert not is_valid_email(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("email, key", [
    ("mario.rossi@gmail.com", "mariorossi@gmail.com"),
    ("m.a.r.i.o.rossi+promo@gmail.com", "mariorossi@gmail.com"),
    ("mario.rossi@googlemail.com", "mariorossi@gmail.com"),
    ("mario.rossi+x@hotmail.it", "mario.rossi@hotmail.it"),  # dots matter outside gmail
    ("anna+shop@outlook.com", "anna@outlook.com"),
    ("anna+shop@live.it", "anna@live.it"),
    ("anna+shop@yahoo.co.uk", "anna@yahoo.co.uk"),
    ("anna+shop@icloud.com", "anna@icloud.com"),
    ("anna+shop@me.com", "anna@me.com"),
    ("anna+shop@proton.me", "anna@proton.me"),
    ("anna+shop@protonmail.com", "anna@protonmail.com"),
    ("anna+shop@fastmail.com", "anna@fastmail.com"),
    ("anna+shop@libero.it", "anna+shop@libero.it"),  # no evidence libero aliases +tags
    ("anna+shop@virgilio.it", "anna+shop@virgilio.it"),
    ("anna+shop@alice.it", "anna+shop@alice.it"),
    ("anna+shop@tiscali.it", "anna+shop@tiscali.it"),
    ("anna+shop@negozio-rossi.it", "anna+shop@negozio-rossi.it"),
    ("anna+shop@live.negozio.example.com", "anna+shop@live.negozio.example.com"),
])
def test_email_key(email, key):
    assert email_key(email) == key


@pytest.mark.parametrize("email, domain", [
    ("mario@gmial.com", "gmail.com"),
    ("mario@gmail.co", "gmail.com"),
    ("mario@gmail.con", "gmail.com"),
    ("mario@hotmial.it", "hotmail.it"),
    ("mario@libero.ti", "libero.it"),
    ("mario@liberoit", "libero.it"),
    ("mario@gmail.com", None),
    ("mario@tim.it", None),  # a real domain one edit from tin.it
    ("mario@negozio-rossi.it", None),
    ("mario@lice.it", None),  # one edit from both alice.it and live.it: ambiguous
])
def test_domain_typo(email, domain):
    assert domain_typo(email) == domain


def test_domain_typo_never_changes_the_address():
    assert clean_email("mario@gmial.com") == "mario@gmial.com"


@pytest.mark.parametrize("email, hints", [
    ("mariorossi@libero.it", EmailHints(("MARIO", "ROSSI"), None, ())),
    ("rossimario@libero.it", EmailHints(("ROSSI", "MARIO"), None, ())),
    ("rossi81@libero.it", EmailHints(("ROSSI",), 1981, ())),
    ("m.rossi1975@gmail.com", EmailHints(("ROSSI",), 1975, ("M",))),
    ("giorgio.rossi81@gmail.com", EmailHints(("GIORGIO", "ROSSI"), 1981, ())),
    ("mrossi@tiscali.it", EmailHints(("ROSSI",), None, ("M",))),
    ("anna_de-luca@alice.it", EmailHints(("ANNA", "DE", "LUCA"), None, ())),
    ("giuliaferraresi@libero.it", EmailHints(("GIULIA", "FERRARESI"), None, ())),  # surname not in the table
    ("ferraresigiulia@libero.it", EmailHints(("FERRARESI", "GIULIA"), None, ())),
    ("evied56@jones.com", EmailHints(("EVIE",), 1956, ("D",))),  # first name + surname initial
    ("islahall97@jones.com", EmailHints(("ISLA", "HALL"), 1997, ())),
    ("martinelli@libero.it", EmailHints(("MARTINELLI",), None, ())),  # a known surname is not split
    ("robertson@libero.it", EmailHints(("ROBERTSON",), None, ())),
    ("mario123@libero.it", EmailHints(("MARIO",), None, ())),  # 123 is not a year
    ("mario2099@libero.it", EmailHints(("MARIO",), None, ())),
    ("info@negozio.it", EmailHints((), None, ())),
    ("mario.rossi+promo@gmail.com", EmailHints(("MARIO", "ROSSI"), None, ())),
])
def test_local_part_hints(email, hints):
    assert local_part_hints(email) == hints


@pytest.mark.parametrize("email, role", [
    ("info@negozio.it", True), ("Info@Negozio.it", True), ("negozio@rossi.it", True), ("noreply@shop.it", True),
    ("no-reply@shop.it", True), ("admin@shop.it", True), ("info.milano@shop.it", True),
    ("mario.rossi@gmail.com", False), ("informatica.rossi@gmail.com", False), ("anna@libero.it", False),
])
def test_is_role_address(email, role):
    assert is_role_address(email) is role
