"""The shortcut for profiles of one record gives, byte for byte, what the general path gives."""
from __future__ import annotations

import orjson
import pytest

from app.core.profiles import golden as G
from app.core.profiles.members import Member
from app.core.profiles.survivorship import DEFAULT_RULES, RULES, Survivorship

RANKS = {"till": 0, "shop": 1, "news": 2}


def member(record_id: int, source: str = "till", *, fields: dict | None = None, email: str | None = None,
           phone: str | None = None, mobile: str | None = None, consent: str | None = None,
           birth: str | None = None, gender: str | None = None, postcode: str | None = None,
           province: str | None = None, first_ts: int | None = None, last_ts: int | None = None) -> Member:
    m = Member(7, record_id, source, "store", "contacts", f"K{record_id}", "row", fields or {}, email,
               email.split("@")[0] if email else None, phone, mobile, birth, gender, postcode, province,
               "IT" if postcode else None, consent, None, None, None, "2025-03-04T05:06:07+00:00", 1)
    m._set_activity(None if last_ts is None else (first_ts, last_ts, 0, None))
    return m


CASES = [
    member(1),  # says nothing
    member(2, fields={"first_name": " Anna ", "last_name": "Neri", "company": "ACME", "tags": 'vip, "gold",VIP, ,'}),
    member(3, fields={"full_name": "Rossi Mario"}, email="mario@x.it", consent="cleaned"),
    member(4, fields={"first_name": "Mancini", "last_name": "Carmela"}),  # typed in the wrong boxes
    member(5, fields={"last_name": "Bianchi", "address": "Via Po", "street_number": "3", "address2": "int. 4",
                      "city": "Milano", "province": "MI"}, postcode="20121"),
    member(6, fields={"address": "Via Po 3", "street_number": "3"}, province="MI", birth="--05-17", gender="F"),
    member(7, fields={"city": "Roma"}, birth="1980", phone="+390612345678", mobile="+393331112222",
           first_ts=100, last_ts=5_000_000_000),
    member(8, phone="+393339998888", mobile="+393331112222"),  # two mobiles: the smaller first
    member(9, phone="+393331112222", mobile="+393339998888"),
    member(10, phone="+393331112222", mobile="+393331112222"),  # the same number in both boxes
    member(11, phone="+390612345678"),
    member(12, fields={"company": 42, "first_name": ""}, email="a@b.it", consent="subscribed"),
]


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("case", range(len(CASES)))
def test_one_record_shortcut_matches_the_general_path(case, rule):
    rules = {name: rule for name in DEFAULT_RULES}
    m = CASES[case]
    fast = G.compute_golden([m], RANKS, Survivorship(rules))
    general = G._golden_of_many([m], RANKS, rules)
    assert orjson.dumps(fast) == orjson.dumps(general)  # key order included
    assert G.summary_row(fast, [m]) == G.summary_row(general, [m])


def test_summary_of_several_records():
    ms = [member(20, "shop", fields={"company": "ACME"}, first_ts=50, last_ts=60),
          member(21, "till", email="z@x.it", last_ts=70, first_ts=40), member(22, "shop")]
    row = G.summary_row(G.compute_golden(ms, RANKS, Survivorship()), ms)
    assert row[:8] == ("ACME", "z@x.it", None, None, "shop,till", 3, "1970-01-01T00:00:40+00:00",
                       "1970-01-01T00:01:10+00:00")

