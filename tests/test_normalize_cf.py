from datetime import date
from itertools import combinations

import pytest

from app.core.normalize import CFInfo, cf_info, is_valid_cf, normalize_cf

# The published odd-position values for A..Z (digits 0-9 count as A..J): an oracle written apart from the module.
ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def check_char(body: str) -> str:
    def index(c: str) -> int:
        return int(c) if c.isdigit() else ord(c) - 65
    total = sum(ODD[index(c)] if i % 2 == 0 else index(c) for i, c in enumerate(body))
    return chr(65 + total % 26)


def omocodes(canonical: str) -> list[str]:
    """Every omocodia variant: any subset of the seven digit positions replaced by LMNPQRSTUV."""
    positions = (6, 7, 9, 10, 12, 13, 14)
    variants = []
    for n in range(len(positions) + 1):
        for subset in combinations(positions, n):
            chars = list(canonical[:15])
            for i in subset:
                chars[i] = "LMNPQRSTUV"[int(chars[i])]
            body = "".join(chars)
            variants.append(body + check_char(body))
    return variants


def test_known_codes():
    assert check_char("RSSMRA85T10A562") == "S"
    assert normalize_cf("RSSMRA85T10A562S") == "RSSMRA85T10A562S"
    assert normalize_cf("  rssmra 85t10 a562s ") == "RSSMRA85T10A562S"
    assert normalize_cf("CCCFBA85D03L219P") == "CCCFBA85D03L219P"


@pytest.mark.parametrize("canonical", ["CCCFBA85D03L219P", "RSSMRA85T10A562S", "BNCLRA92E47F205" + check_char("BNCLRA92E47F205")])
def test_every_omocodia_variant_decodes_to_the_canonical_code(canonical):
    variants = omocodes(canonical)
    assert len(variants) == 128
    assert {normalize_cf(v) for v in variants} == {canonical}


@pytest.mark.parametrize("raw", [
    "RSSMRA85T10A562T",  # wrong check character
    "RSSMRA85T10A562",  # too short
    "RSSMRA85Z10A562S",  # Z is not a month letter
    "RSSMRA85T99A562S",  # day 99
    "12345678901",  # a VAT number / temporary code, not a personal codice fiscale
    "", None,
])
def test_invalid_codes(raw):
    assert normalize_cf(raw) is None
    if raw is not None:
        assert not is_valid_cf(raw)


def test_invalid_date_is_rejected():
    body = "RSSMRA85B30A562"  # 30 February
    assert normalize_cf(body + check_char(body)) is None


def test_cf_info():
    assert cf_info("RSSMRA85T10A562S") == CFInfo(date(1985, 12, 10), "M", "A562")
    woman = "BNCLRA92E47F205" + check_char("BNCLRA92E47F205")
    assert cf_info(woman) == CFInfo(date(1992, 5, 7), "F", "F205")
    assert cf_info("CCCFBA85DLPLNMVL") == CFInfo(date(1985, 4, 3), "M", "L219")  # omocodia decoded
    foreign = "SMTJHN70A01Z114" + check_char("SMTJHN70A01Z114")
    assert cf_info(foreign).belfiore == "Z114"
    with pytest.raises(ValueError):
        cf_info("RSSMRA85T10A562T")


def test_century_keeps_people_at_most_100():
    this_year = date.today().year
    young = f"RSSMRA{(this_year - 5) % 100:02d}A01H501"
    assert cf_info(young + check_char(young)).birth_date.year == this_year - 5
    old = f"RSSMRA{(this_year - 90) % 100:02d}A01H501"
    assert cf_info(old + check_char(old)).birth_date.year == this_year - 90
