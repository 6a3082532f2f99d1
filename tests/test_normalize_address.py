import pytest

from app.core.normalize import city_key, country_code, normalize_postcode, normalize_street, province_code
from app.core.resources import load_json


@pytest.mark.parametrize("address, expected", [
    ("Via Giuseppe Garibaldi, 12", ("VIA GIUSEPPE GARIBALDI", "12")),
    ("V. Garibaldi 12", ("VIA GARIBALDI", "12")),
    ("V.le Monza 12/A", ("VIALE MONZA", "12A")),
    ("v.le monza, 12 a", ("VIALE MONZA", "12A")),
    ("P.za Duomo 3 bis", ("PIAZZA DUOMO", "3BIS")),
    ("P.zza Duomo 3", ("PIAZZA DUOMO", "3")),
    ("Pzza Duomo 3", ("PIAZZA DUOMO", "3")),
    ("C.so Buenos Aires snc", ("CORSO BUENOS AIRES", None)),
    ("Corso Buenos Aires s.n.c.", ("CORSO BUENOS AIRES", None)),
    ("L.go Augusto 1", ("LARGO AUGUSTO", "1")),
    ("V.lo Stretto 4", ("VICOLO STRETTO", "4")),
    ("Loc. Prato Grande 5", ("LOCALITA PRATO GRANDE", "5")),
    ("Fraz. San Martino 8", ("FRAZIONE SAN MARTINO", "8")),
    ("Str. Provinciale 10", ("STRADA PROVINCIALE", "10")),
    ("Via Roma 12A", ("VIA ROMA", "12A")),
    ("Via Roma n. 12", ("VIA ROMA", "12")),
    ("Via Roma, 12/3", ("VIA ROMA", "12/3")),
    ("Via 4 Novembre 12", ("VIA 4 NOVEMBRE", "12")),  # a number inside the street name
    ("Corso XXII Marzo 3/B", ("CORSO XXII MARZO", "3B")),
    ("Via Roma 12 int. 3 scala B", ("VIA ROMA", "12")),  # building details are not the street
    ("Via V. Veneto, 5", ("VIA V VENETO", "5")),  # only the first word is a qualifier
    ("Via dell’Orto 7", ("VIA DELL ORTO", "7")),
    ("Piazza Santa Maria Novella", ("PIAZZA SANTA MARIA NOVELLA", None)),
    ("Via Nazionale", ("VIA NAZIONALE", None)),
    ("wallaby place", ("WALLABY PLACE", None)),
    ("12 Wallaby Place", ("WALLABY PLACE", "12")),
    ("Viale Città d'Europa 681", ("VIALE CITTA D EUROPA", "681")),
    ("Via Roma 12, 00184 Roma (RM)", ("VIA ROMA", "12")),  # a whole address line
    ("Via Roma 12 - 20121 Milano", ("VIA ROMA", "12")),
    ("", (None, None)),
    (None, (None, None)),
])
def test_normalize_street(address, expected):
    assert normalize_street(address) == expected


def test_normalize_street_with_separate_number():
    assert normalize_street("wallaby place", "45") == ("WALLABY PLACE", "45")  # FEBRL
    assert normalize_street("Via Roma", "12/a") == ("VIA ROMA", "12A")
    assert normalize_street("Via Roma 12", "12") == ("VIA ROMA", "12")
    assert normalize_street("Via Roma", "snc") == ("VIA ROMA", None)
    assert normalize_street("Via Roma", "45.0") == ("VIA ROMA", "45")  # spreadsheet float
    assert normalize_street(None, "7") == (None, "7")


@pytest.mark.parametrize("raw, country, region, expected", [
    ("00184", None, None, "00184"),
    ("'00184", None, None, "00184"),  # Shopify
    ("184", "IT", None, "00184"),  # lost its zeros in a spreadsheet
    ("184", "Italia", None, "00184"),
    ("0184", "IT", None, "00184"),
    ("184.0", "IT", None, "00184"),
    ("184", None, "IT", "00184"),  # unknown country, Italian region
    ("184", None, None, "184"),
    ("2112", "AU", "IT", "2112"),  # another country's postcode is left alone
    ("0800", "Australia", "IT", "0800"),
    ("SW1A 1AA", "GB", None, "SW1A1AA"),
    ("20121", "IT", None, "20121"),
    ("  ", None, "IT", None),
])
def test_normalize_postcode(raw, country, region, expected):
    assert normalize_postcode(raw, country, region=region) == expected


@pytest.mark.parametrize("raw, code", [
    ("Milano", "MI"), ("MI", "MI"), ("(MI)", "MI"), ("mi", "MI"), ("Roma", "RM"), ("Reggio Emilia", "RE"),
    ("Reggio nell'Emilia", "RE"), ("Reggio Calabria", "RC"), ("Bolzano", "BZ"), ("Bozen", "BZ"),
    ("Monza e Brianza", "MB"), ("Monza-Brianza", "MB"), ("Forlì-Cesena", "FC"), ("Forli Cesena", "FC"),
    ("L'Aquila", "AQ"), ("La Spezia", "SP"), ("Provincia di Torino", "TO"), ("Città metropolitana di Napoli", "NA"),
    ("nsw", "NSW"), ("Bavaria", "BAVARIA"), ("CI", "CI"),
])
def test_province_code(raw, code):
    assert province_code(raw) == code


def test_provinces_table_has_107():
    assert len(load_json("provinces.json")["provinces"]) == 107


@pytest.mark.parametrize("raw, code", [
    ("Italia", "IT"), ("Italy", "IT"), ("IT", "IT"), ("ITA", "IT"), ("it", "IT"), ("Germania", "DE"),
    ("Germany", "DE"), ("Svizzera", "CH"), ("Regno Unito", "GB"), ("UK", "GB"), ("United States", "US"),
    ("Stati Uniti", "US"), ("San Marino", "SM"), ("Francia", "FR"), ("España", "ES"), ("Paesi Bassi", "NL"),
    ("Atlantide", None), ("", None), (None, None),
])
def test_country_code(raw, code):
    assert country_code(raw) == code


@pytest.mark.parametrize("raw, key", [
    ("Milano", "MILANO"), ("milano (MI)", "MILANO"), ("Reggio nell'Emilia", "REGGIO NELL EMILIA"),
    ("Forlì", "FORLI"), ("San Donà di Piave", "SAN DONA DI PIAVE"), ("20121 Milano", "MILANO"), ("  ", None),
])
def test_city_key(raw, key):
    assert city_key(raw) == key
