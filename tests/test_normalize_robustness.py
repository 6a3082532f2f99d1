"""No normaliser raises on arbitrary cell text: junk becomes None, never an exception that stops an import."""
import random

import pytest

from app.core import normalize as nz

_ALPHABET = "aAzZ09 .,;:'’\"-_/\\()+@=#%&*?!€$£°\t\nàèìòùÀÈÌÒÙßøÆłŁ中文🙂\u00a0\u202fpP:eE"
_FUNCTIONS = [
    nz.clean_email, nz.domain_typo, nz.email_key, nz.is_valid_email, nz.local_part_hints, nz.is_role_address,
    nz.to_e164, nz.name_key, nz.clean_name, nz.split_full_name, nz.city_key, nz.province_code, nz.country_code,
    nz.normalize_postcode, nz.normalize_street, nz.parse_date, nz.parse_datetime, nz.parse_time, nz.parse_amount,
    nz.parse_bool, nz.parse_consent, nz.parse_gender, nz.strip_text_prefix, nz.looks_like_formula,
    nz.normalize_cf, nz.is_valid_cf,
]


def _texts(count: int) -> list[str]:
    rng = random.Random(3)
    texts = ["", " ", "'", "@", "+", "--", "0", "00", "1e5", "snc", "  ,  ", "12/", "/12", "-12-", "(", ")"]
    for _ in range(count):
        texts.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 24))))
    return texts


@pytest.mark.parametrize("function", _FUNCTIONS, ids=lambda f: f.__name__)
def test_arbitrary_text_never_raises(function):
    for text in _texts(1500):
        function(text)


def test_arbitrary_records_never_raise():
    texts = _texts(300)
    rng = random.Random(5)
    fields = ("first_name", "last_name", "full_name", "email", "phone", "mobile", "birth_date", "gender",
              "address", "street_number", "postcode", "city", "province", "country", "codice_fiscale")
    for _ in range(500):
        record = {f: rng.choice(texts) for f in fields if rng.random() < 0.7}
        out = nz.normalize_record(record)
        assert tuple(out) == nz.N_COLUMNS
