"""Accents and other scripts folded to ASCII with anyascii (ISC-licensed: Unidecode is GPL and would be
bundled into an MIT app): the keys people's names, streets and headers are compared by."""
from __future__ import annotations

import pytest

from app.core.importing.registry import norm_header
from app.core.normalize import city_key, name_key
from app.core.normalize._text import fold, upper_words


@pytest.mark.parametrize("text, folded", [
    ("Niccolò", "Niccolo"), ("Straße", "Strasse"), ("Łukasz Żółć", "Lukasz Zolc"), ("Ørsted", "Orsted"),
    ("Москва", "Moskva"), ("Şükrü Ğ", "Sukru G"), ("Mario", "Mario"),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_keys_built_on_the_fold():
    assert upper_words("Æbelø, Ærø") == "AEBELO AERO"
    assert name_key("Dell'Orto-Łącki") == "DELLORTOLACKI"
    assert city_key("Москва") == "MOSKVA"
    assert norm_header("Città di nascita") == "citta di nascita"
