"""Golden records: each survivorship rule, groups, provenance and alternatives, multi-valued
contacts with one primary, settings, and the incremental refresh."""
from __future__ import annotations

import json

import pytest
from test_profiles_support import add_events, add_records, one_profile

from app.core.errors import UsageError
from app.core.profiles.refresh import refresh_profiles
from app.core.profiles.survivorship import (
    Survivorship,
    get_survivorship,
    save_survivorship,
    source_ranks,
)

OLD, MID, NEW = "2024-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00"


def golden(ws, pid: int) -> dict:
    return json.loads(ws.scalar("SELECT golden FROM profiles WHERE id = ?", (pid,)))


def field(ws, pid: int, name: str) -> dict:
    return golden(ws, pid)["fields"][name]


@pytest.fixture
def four_sources(ws):
    """One person seen by the till, the shop, the newsletter and a lead form."""
    add_records(ws, "leads", [{"id": "L1", "full_name": "Peppe Rossi", "email": "peppe.r@gmail.com",
                               "phone": "+39 333 1112222", "gender": "M", "_at": NEW}], channel="ads")
    add_records(ws, "newsletter", [{"id": "giuseppe@rossi.it", "first_name": "Giuseppe", "last_name": "Rossi",
                                    "email": "giuseppe@rossi.it", "birth_date": "1980-05-17", "gender": "F",
                                    "_at": MID}], channel="email")
    add_records(ws, "shop", [{"id": "S1", "first_name": "Giusepe", "last_name": "Rossi", "email": "giuseppe@rossi.it",
                              "address": "Via Po 3", "postcode": "20121", "city": "Milano", "province": "MI",
                              "gender": "M", "_at": OLD}], channel="online_shop")
    add_records(ws, "till", [{"id": "C1", "first_name": "Giuseppe", "last_name": "Rossi", "birth_date": "1980",
                              "address": "Corso Como 10", "city": "Milano", "phone": "02 1234567",
                              "mobile": "333 9998888", "_at": OLD}], channel="store")
    return one_profile(ws, ["leads:L1", "newsletter:giuseppe@rossi.it", "shop:S1", "till:C1"])


def test_default_roles_rank_till_then_shop_then_newsletter_then_leads(ws, four_sources):
    ranks = source_ranks(ws)
    assert sorted(ranks, key=ranks.get) == ["till", "shop", "newsletter", "leads"]


def test_source_priority_picks_the_till_name_and_keeps_every_alternative(ws, four_sources):
    first = field(ws, four_sources, "first_name")
    assert (first["value"], first["source"], first["ref"], first["rule"]) == \
        ("Giuseppe", "till", "till:C1", "source_priority")
    values = {v["value"]: v for v in first["values"]}
    assert set(values) == {"Giuseppe", "Giusepe", "Peppe"}
    assert sorted(values["Giuseppe"]["sources"]) == ["newsletter", "till"] and values["Giuseppe"]["count"] == 2
    assert values["Peppe"]["refs"] == ["leads:L1"] and values["Peppe"]["at"] == NEW
    assert first["values"][0]["value"] == "Giuseppe"  # the winner first


def test_user_source_order_overrides_the_roles(ws, four_sources):
    save_survivorship(ws, Survivorship(source_priority=["leads", "shop"]))
    refresh_profiles(ws, [four_sources])
    assert field(ws, four_sources, "first_name")["value"] == "Peppe"
    ranks = source_ranks(ws)
    assert sorted(ranks, key=ranks.get) == ["leads", "shop", "till", "newsletter"]


def test_address_is_one_group_from_one_record(ws, four_sources):
    g = golden(ws, four_sources)["fields"]
    assert (g["address"]["value"], g["city"]["value"]) == ("Corso Como 10", "Milano")
    assert g["address"]["ref"] == g["city"]["ref"] == "till:C1"
    assert "postcode" not in g  # the till has none: the shop's CAP belongs to another street
    assert [v["value"] for v in g["address"]["values"]] == ["Corso Como 10", "Via Po 3"]


def test_a_whole_name_beats_a_more_trusted_partial_one(ws):
    add_records(ws, "till", [{"id": "C1", "last_name": "Bianchi"}], channel="store")
    add_records(ws, "leads", [{"id": "L1", "first_name": "Marta", "last_name": "Bianchi"}], channel="ads")
    pid = one_profile(ws, ["till:C1", "leads:L1"])
    g = golden(ws, pid)["fields"]
    assert (g["first_name"]["value"], g["last_name"]["value"], g["last_name"]["source"]) == ("Marta", "Bianchi", "leads")
    assert ws.scalar("SELECT display_name FROM profiles WHERE id = ?", (pid,)) == "Marta Bianchi"


def test_most_recent_email_is_primary_and_others_are_kept(ws, four_sources):
    emails = golden(ws, four_sources)["emails"]
    assert [(e["value"], e["primary"]) for e in emails] == [("peppe.r@gmail.com", True), ("giuseppe@rossi.it", False)]
    rossi = emails[1]
    assert rossi["sources"] == ["newsletter", "shop"] and rossi["at"] == MID
    assert ws.scalar("SELECT email FROM profiles WHERE id = ?", (four_sources,)) == "peppe.r@gmail.com"


def test_email_rule_can_be_source_priority(ws, four_sources):
    settings = get_survivorship(ws)
    settings.rules["email"] = "source_priority"
    save_survivorship(ws, settings)
    refresh_profiles(ws, [four_sources])
    assert golden(ws, four_sources)["emails"][0]["value"] == "giuseppe@rossi.it"  # the shop's, trusted more


def test_a_bounced_address_is_never_primary(ws):
    add_records(ws, "newsletter", [{"id": "N1", "email": "old@libero.it", "email_consent": "cleaned", "_at": NEW}],
                channel="email")
    add_records(ws, "shop", [{"id": "S1", "email": "new@libero.it", "_at": OLD}], channel="online_shop")
    pid = one_profile(ws, ["newsletter:N1", "shop:S1"])
    emails = golden(ws, pid)["emails"]
    assert [(e["value"], e["primary"], e["cleaned"]) for e in emails] == \
        [("new@libero.it", True, False), ("old@libero.it", False, True)]


def test_a_mobile_is_the_primary_phone_before_a_newer_landline(ws):
    add_records(ws, "till", [{"id": "C1", "mobile": "333 9998888", "_at": OLD}], channel="store")
    add_records(ws, "shop", [{"id": "S1", "phone": "06 5551234", "_at": NEW}], channel="online_shop")
    pid = one_profile(ws, ["till:C1", "shop:S1"])
    phones = golden(ws, pid)["phones"]
    assert [(p["value"], p["mobile"], p["primary"]) for p in phones] == \
        [("+393339998888", True, True), ("+39065551234", False, False)]
    assert ws.scalar("SELECT phone FROM profiles WHERE id = ?", (pid,)) == "+393339998888"


def test_most_recent_mobile_wins_among_mobiles(ws, four_sources):
    phones = golden(ws, four_sources)["phones"]
    values = [(p["value"], p["mobile"], p["primary"]) for p in phones]
    assert values == [("+393331112222", True, True), ("+393339998888", True, False), ("+39021234567", False, False)]


def test_most_complete_birth_date_and_most_frequent_gender(ws, four_sources):
    g = golden(ws, four_sources)["fields"]
    assert (g["birth_date"]["value"], g["birth_date"]["source"], g["birth_date"]["rule"]) == \
        ("1980-05-17", "newsletter", "most_complete")
    assert [v["value"] for v in g["birth_date"]["values"]] == ["1980-05-17", "1980"]
    assert (g["gender"]["value"], g["gender"]["rule"]) == ("M", "most_frequent")  # two M (leads, shop), one F
    assert g["gender"]["values"][0]["count"] == 2


def test_most_frequent_beats_source_trust_and_most_recent_beats_frequency(ws):
    add_records(ws, "till", [{"id": "C1", "first_name": "Anna", "company": "Alfa srl", "_at": OLD}], channel="store")
    add_records(ws, "shop", [{"id": "S1", "first_name": "Annamaria", "company": "Beta srl", "_at": MID},
                             {"id": "S2", "first_name": "Annamaria", "company": "Beta srl", "_at": OLD},
                             {"id": "S3", "first_name": "Annamaria", "_at": OLD}],
                channel="online_shop")
    add_records(ws, "leads", [{"id": "L1", "first_name": "Anna", "company": "Gamma spa", "_at": NEW}], channel="ads")
    pid = one_profile(ws, ["till:C1", "shop:S1", "shop:S2", "shop:S3", "leads:L1"])
    for rule, name, company in (("most_frequent", "Annamaria", "Beta srl"), ("most_recent", "Anna", "Gamma spa"),
                                ("source_priority", "Anna", "Alfa srl")):
        settings = get_survivorship(ws)
        settings.rules["name"] = settings.rules["company"] = rule
        save_survivorship(ws, settings)
        refresh_profiles(ws, [pid])
        assert (field(ws, pid, "first_name")["value"], field(ws, pid, "company")["value"]) == (name, company), rule
    settings.rules["company"] = "most_complete"
    save_survivorship(ws, settings)
    refresh_profiles(ws, [pid])
    assert field(ws, pid, "company")["value"] == "Gamma spa"  # the longest


def test_identities_on_orders_are_as_of_the_order(ws):
    add_records(ws, "orders", [{"id": "email:a@x.it", "email": "a@x.it", "_at": NEW}], channel="online_shop",
                kind="events", origin="event")
    add_records(ws, "shop", [{"id": "S1", "email": "b@x.it", "_at": MID}], channel="online_shop")
    add_events(ws, "orders", [("orders:email:a@x.it", "purchase", "2024-06-01T10:00:00", 50.0)])
    pid = one_profile(ws, ["orders:email:a@x.it", "shop:S1"])
    emails = golden(ws, pid)["emails"]
    assert [(e["value"], e["at"][:10]) for e in emails] == [("b@x.it", "2025-01-01"), ("a@x.it", "2024-06-01")]
    row = ws.query("SELECT first_activity, last_activity, sources, n_records FROM profiles WHERE id = ?", (pid,))[0]
    assert tuple(row) == ("2024-06-01T10:00:00+00:00", "2024-06-01T10:00:00+00:00", "orders,shop", 2)


def test_tags_are_the_union_of_every_source(ws):
    add_records(ws, "shop", [{"id": "S1", "tags": "vip, horeca"}], channel="online_shop")
    add_records(ws, "newsletter", [{"id": "N1", "tags": '"VIP","Blog"'}], channel="email")
    pid = one_profile(ws, ["shop:S1", "newsletter:N1"])
    tags = golden(ws, pid)["tags"]
    assert [(t["value"], t["sources"]) for t in tags] == \
        [("Blog", ["newsletter"]), ("horeca", ["shop"]), ("vip", ["shop", "newsletter"])]


def test_refresh_writes_only_what_changed(ws, four_sources):
    add_records(ws, "solo", [{"id": "X", "first_name": "Ugo"}])
    other = one_profile(ws, ["solo:X"])
    before = ws.query("SELECT * FROM profiles ORDER BY id")
    assert refresh_profiles(ws, [four_sources, other]) == 0
    assert ws.query("SELECT * FROM profiles ORDER BY id") == before
    with ws.atomic():
        ws.execute("UPDATE records SET fields = json_set(fields, '$.first_name', 'Ugolino') WHERE source_record_id = 'X'")
    assert refresh_profiles(ws, [four_sources, other]) == 1
    assert ws.scalar("SELECT display_name FROM profiles WHERE id = ?", (other,)) == "Ugolino"
    assert ws.query("SELECT * FROM profiles WHERE id = ?", (four_sources,)) == \
        [r for r in before if r["id"] == four_sources]


def test_settings_are_checked(ws, four_sources):
    with pytest.raises(UsageError, match="no source named 'nowhere'"):
        save_survivorship(ws, Survivorship(source_priority=["nowhere"]))
    with pytest.raises(UsageError, match="no survivorship rule"):
        Survivorship.from_json({"rules": {"email": "loudest"}})
    with pytest.raises(UsageError, match="no golden field"):
        Survivorship.from_json({"rules": {"shoe_size": "most_recent"}})
    save_survivorship(ws, Survivorship(rules={**get_survivorship(ws).rules, "gender": "most_recent"},
                                       source_priority=["shop"]))
    again = get_survivorship(ws)
    assert again.rules["gender"] == "most_recent" and again.source_priority == ["shop"]


def test_a_missing_part_comes_from_a_record_that_agrees(ws):
    add_records(ws, "till", [{"id": "C1", "address": "Via Roma 21", "postcode": "65124", "city": "Pescara"}],
                channel="store")
    add_records(ws, "shop", [{"id": "S1", "address": "via roma 21", "city": "Pescara", "province": "PE",
                              "country": "IT"}], channel="online_shop")
    add_records(ws, "leads", [{"id": "L1", "address": "Via Po 1", "city": "Chieti", "province": "CH"}], channel="ads")
    pid = one_profile(ws, ["till:C1", "shop:S1", "leads:L1"])
    g = golden(ws, pid)["fields"]
    assert [(g[f]["value"], g[f]["source"]) for f in ("address", "postcode", "city", "province", "country")] == \
        [("Via Roma 21", "till"), ("65124", "till"), ("Pescara", "till"), ("PE", "shop"), ("IT", "shop")]


def test_names_typed_in_the_wrong_boxes_are_put_back(ws):
    add_records(ws, "till", [{"id": "C1", "first_name": "Mancini", "last_name": "Carmela"}], channel="store")
    add_records(ws, "shop", [{"id": "S1", "first_name": "Carmela", "last_name": "Mancini"},
                             {"id": "S2", "first_name": "Neri", "last_name": "Luca"}], channel="online_shop")
    pid = one_profile(ws, ["till:C1", "shop:S1"])
    g = golden(ws, pid)["fields"]
    assert (g["first_name"]["value"], g["last_name"]["value"], g["first_name"]["source"]) == \
        ("Carmela", "Mancini", "till")
    assert g["first_name"]["values"][0]["count"] == 2  # both records say the same once put right
    neri = one_profile(ws, ["shop:S2"])  # Neri is a first name too: left as typed
    assert field(ws, neri, "first_name")["value"] == "Neri"
