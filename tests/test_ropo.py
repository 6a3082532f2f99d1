"""ROPO and its reverse: windows, lags, anonymous buyers, breakdowns by profile attributes."""
import pytest

from test_journeys_workspace import Shop, frame

from app.core.analytics.attributes import breakdown_fields, profile_groups, store_places
from app.core.analytics.reports import ropo_report
from app.core.analytics.ropo import (ALL_GROUP, GROUP_COLUMNS, NOTE, UNKNOWN_GROUP, by_group, figures,
                                     online_lags, online_purchases, ropo_windows, store_lags,
                                     store_purchases)
from app.core.errors import UsageError


def store_buy(pid, day, amount, **kw):
    return {"profile_id": pid, "day": day, "type": "purchase", "channel": "store", "amount": amount, **kw}


def touch(pid, day, type="cart", channel="web", **kw):
    return {"profile_id": pid, "day": day, "type": type, "channel": channel, **kw}


def test_ropo_headline_figures():
    df = frame([
        touch(1, 0), store_buy(1, 2, 100.0),                        # lag 2 days
        touch(2, 10, "email_click", "email"), store_buy(2, 16, 50.0),  # lag 6
        touch(3, 20, "lead", "ads"), touch(3, 29), store_buy(3, 30, 30.0),  # last touch: lag 1
        store_buy(4, 5, 20.0),                                     # no touch at all
        touch(5, 0), store_buy(5, 45, 40.0),                       # touch 45 days before: outside 30
        store_buy(None, 3, 999.0),                                 # anonymous: not seen
    ])
    s = figures(store_purchases(df, window_days=30), online_purchases(df))
    assert s["store_purchases"] == 5 and s["store_buyers"] == 5
    assert s["store_revenue_identified"] == 240.0
    assert s["ropo_purchases"] == 3 and s["ropo_revenue"] == 180.0
    assert s["ropo_share"] == pytest.approx(0.75)
    assert s["median_lag_days"] == pytest.approx(2.0)
    wider = figures(store_purchases(df, window_days=45), online_purchases(df))
    assert wider["ropo_revenue"] == 220.0 and wider["median_lag_days"] == pytest.approx(4.0)  # lags 1, 2, 6, 45


def test_window_edges_and_same_instant():
    df = frame([touch(1, 0), store_buy(1, 7, 10.0), touch(2, 0), store_buy(2, 7 + 1 / 86_400, 10.0),
                touch(3, 5), store_buy(3, 5, 10.0)])
    s = store_purchases(df, window_days=7).set_index("profile_id")
    assert s["assisted"].to_dict() == {1: True, 2: False, 3: True}
    assert s.loc[1, "lag_days"] == 7.0 and s.loc[3, "lag_days"] == 0.0


@pytest.mark.parametrize("type, channel, counts", [
    ("visit", "web", True), ("cart", "web", True), ("checkout", "online_shop", True),
    ("email_click", "email", True), ("lead", "ads", True), ("ad_click", "ads", True),
    ("email_open", "email", False), ("purchase", "online_shop", False), ("visit", "store", False),
    ("subscribe", "email", False), ("email_sent", "email", False),
])
def test_what_counts_as_an_online_touch(type, channel, counts):
    df = frame([touch(1, 0, type, channel, amount=5.0 if type == "purchase" else None), store_buy(1, 1, 10.0)])
    assert store_purchases(df)["assisted"].tolist() == [counts]


def test_an_online_order_between_can_be_required():
    df = frame([touch(1, 0), {"profile_id": 1, "day": 1, "type": "purchase", "channel": "online_shop",
                              "amount": 30.0}, store_buy(1, 3, 10.0),
                touch(2, 0), store_buy(2, 3, 10.0)])
    assert store_purchases(df)["assisted"].tolist() == [True, True]
    assert store_purchases(df, require_no_online_order=True)["assisted"].tolist() == [False, True]


def test_reverse_store_then_online():
    df = frame([
        store_buy(1, 0, 10.0),
        {"profile_id": 1, "day": 3, "type": "purchase", "channel": "online_shop", "amount": 60.0},
        touch(2, 0, "visit", "store"), {"profile_id": 2, "day": 1, "type": "purchase", "channel": "online_shop",
                                        "amount": 40.0},
        {"profile_id": 3, "day": 5, "type": "purchase", "channel": "online_shop", "amount": 100.0},
        {"profile_id": None, "day": 5, "type": "purchase", "channel": "online_shop", "amount": 500.0},
    ])
    s = figures(store_purchases(df), online_purchases(df, window_days=30))
    assert s["online_purchases"] == 3 and s["online_revenue_identified"] == 200.0
    assert s["reverse_revenue"] == 100.0 and s["reverse_share"] == pytest.approx(0.5)
    assert s["reverse_median_lag_days"] == pytest.approx(2.0)
    assert s["online_share"] == pytest.approx(200 / 210)


def test_no_store_purchases_gives_undefined_shares_not_errors():
    s = figures(store_purchases(frame([touch(1, 0)])), online_purchases(frame([touch(1, 0)])))
    assert s["store_revenue_identified"] == 0.0 and s["ropo_share"] is None and s["median_lag_days"] is None


def test_by_group_with_several_groups_per_person_and_unknowns():
    import pandas as pd

    df = frame([touch(1, 0), store_buy(1, 1, 100.0), store_buy(2, 1, 50.0), store_buy(3, 1, 10.0)])
    groups = pd.DataFrame({"profile_id": [1, 1, 2], "group": ["vip", "horeca", "vip"]})
    table = by_group(store_purchases(df), online_purchases(df), groups)
    assert table.columns.tolist() == GROUP_COLUMNS
    rows = table.set_index("group")
    assert table["group"].tolist() == ["vip", "horeca", UNKNOWN_GROUP]
    assert rows.loc["vip", "store_revenue_identified"] == 150.0
    assert rows.loc["vip", "ropo_share"] == pytest.approx(100 / 150)
    assert rows.loc["horeca", "ropo_share"] == 1.0 and rows.loc[UNKNOWN_GROUP, "ropo_share"] == 0.0
    assert by_group(store_purchases(df), online_purchases(df), None)["group"].tolist() == [ALL_GROUP]


def test_windows_table():
    df = frame([touch(1, 0), store_buy(1, 10, 100.0), touch(2, 0), store_buy(2, 3, 100.0)])
    w = ropo_windows(store_lags(df), online_lags(df)).set_index("window_days")
    assert w.index.tolist() == [7, 14, 30, 90]
    assert w["ropo_share"].tolist() == pytest.approx([0.5, 1.0, 1.0, 1.0])


# -- DB level: attributes and the report ---------------------------------------------------------------
def near_far_shop(ws) -> Shop:
    """Milano and Monza have stores; Roma and Bari do not. Near people research online and buy in store."""
    shop = Shop(ws)
    people = [("MILANO", "MI", "20121", "vip"), ("MILANO", "MI", "20122", None), ("MONZA", "MB", "20900", "vip"),
              ("ROMA", "RM", "00184", None), ("BARI", "BA", "70121", "horeca, VIP")]
    for i, (city, prov, cap, tags) in enumerate(people):
        rid = shop.record(n_city=city, n_province=prov, n_postcode=cap, fields={"tags": tags} if tags else {})
        shop.profile(rid)
        if prov in ("MI", "MB"):
            shop.event(rid, 10 * i, "cart", "web")
            shop.event(rid, 10 * i + 2 + i, "purchase", "store", amount=100.0, store=f"Bottega Rossi {city.title()}")
        else:
            shop.event(rid, 10 * i, "cart", "web")
            shop.event(rid, 10 * i, "purchase", "online_shop", amount=80.0)
            shop.event(rid, 10 * i + 60, "purchase", "store", amount=20.0, store="Bottega Rossi Milano")
    shop.event(None, 5, "purchase", "store", amount=70.0, store="Bottega Rossi Milano")
    return shop


def test_store_places_come_from_store_names(ws):
    shop = near_far_shop(ws)
    cities, provinces = store_places(shop.ws)
    assert cities == {"MILANO", "MONZA"} and provinces == {"MI", "MB"}


def test_profile_groups(ws):
    shop = near_far_shop(ws)
    near = profile_groups(shop.ws, "near_store").set_index("profile_id")["group"]
    assert sorted(near.tolist()) == ["far", "far", "near", "near", "near"]
    area = profile_groups(shop.ws, "postcode_area")["group"].tolist()
    assert sorted(area) == ["001", "201", "201", "209", "701"]
    tags = profile_groups(shop.ws, "tags")
    assert sorted(tags["group"].tolist()) == ["horeca", "vip", "vip", "vip"]
    assert "near_store" in breakdown_fields() and "city" in breakdown_fields()
    for refused in ("shoe_size", "email", "last_name", "loyalty_card"):
        with pytest.raises(UsageError, match=f"cannot break down by '{refused}'"):
            profile_groups(shop.ws, refused)


def test_group_by_a_field_of_the_records(ws):
    shop = Shop(ws)
    a = shop.profile(shop.record(fields={"home_store": "Milano", "email_consent": "opt_in"}),
                     shop.record(fields={"home_store": "Monza"}), shop.record(fields={"home_store": "Milano"}))
    b = shop.profile(shop.record(fields={"email_consent": "opt_out"}))
    assert profile_groups(ws, "home_store").set_index("profile_id")["group"].to_dict() == {a: "Milano"}
    assert profile_groups(ws, "email_consent").set_index("profile_id")["group"].to_dict() == {a: "opt_in",
                                                                                                b: "opt_out"}


def test_most_frequent_value_and_golden_record_win(ws):
    shop = Shop(ws)
    a, b, c = shop.record(n_city="MONZA"), shop.record(n_city="MILANO"), shop.record(n_city="MILANO")
    p = shop.profile(a, b, c)
    d = shop.record(n_city="ROMA")
    q = shop.profile(d, golden={"city": {"value": "Bari", "source": "till"}})
    lone = shop.record(n_city="COMO")
    groups = profile_groups(shop.ws, "city").set_index("profile_id")["group"].to_dict()
    assert groups == {p: "MILANO", q: "BARI", -lone: "COMO"}


def test_near_store_reads_a_blank_province_from_city_postcode_or_a_sigla_typed_as_city(ws):
    shop = near_far_shop(ws)
    shop.record(n_city="SESTO SAN GIOVANNI", n_province="MI", n_postcode="20099")   # teaches the places
    shop.record(n_city="LECCE", n_province="LE", n_postcode="73100")
    sesto = shop.profile(shop.record(n_city="SESTO SAN GIOVANNI"))
    lecce_cap = shop.profile(shop.record(n_postcode="73100"))
    sigla = shop.profile(shop.record(n_city="MB"))
    nowhere = shop.profile(shop.record(n_city="ATLANTIDE"))
    unknown = shop.profile(shop.record())
    groups = profile_groups(shop.ws, "near_store").set_index("profile_id")["group"].to_dict()
    assert groups[sesto] == "near" and groups[lecce_cap] == "far" and groups[sigla] == "near"
    assert groups[nowhere] == "far" and unknown not in groups


def test_near_store_needs_store_names_with_cities(ws):
    shop = Shop(ws)
    rid = shop.record(n_city="MILANO")
    shop.event(rid, 1, "purchase", "store", amount=1.0, store="Negozio 1")
    with pytest.raises(UsageError, match="near a store"):
        profile_groups(shop.ws, "near_store")


def test_ropo_report_near_and_far(ws):
    shop = near_far_shop(ws)
    report = ropo_report(shop.ws, by="near_store")
    rows = report.table.set_index("group")
    assert rows.loc["near", "ropo_share"] == 1.0 and rows.loc["far", "ropo_share"] == 0.0
    assert rows.loc["near", "median_lag_days"] == pytest.approx(3.0)   # lags 2, 3, 4
    assert rows.loc["far", "online_share"] == pytest.approx(0.8)
    t = report.totals
    assert t["store_revenue_identified"] == 340.0 and t["ropo_revenue"] == 300.0
    assert t["anonymous_store_purchases"] == 1 and t["anonymous_store_revenue"] == 70.0
    assert t["currency"] == "EUR" and report.note == NOTE and NOTE.startswith("Assisted, not caused")
    assert t["windows"]["window_days"].tolist() == [7, 14, 30, 90]
    j = report.to_json()
    assert [g["group"] for g in j["groups"]] == ["near", "far"]
    assert j["ropo_share"] == pytest.approx(300 / 340, abs=1e-6)


def test_reports_can_be_cancelled(ws):
    from app.core.analytics.reports import contribution_report, identification_report
    from app.core.errors import Cancelled
    from app.core.jobs import Progress

    shop = near_far_shop(ws)
    seen = []
    progress = Progress(lambda fraction, message: seen.append(message), min_interval=0)
    ropo_report(shop.ws, by="city", progress=progress)
    assert seen[-1] == "Done" and len(seen) >= 3
    for report in (ropo_report, contribution_report, identification_report):
        cancelled = Progress()
        cancelled.cancel()
        with pytest.raises(Cancelled):
            report(shop.ws, progress=cancelled)
