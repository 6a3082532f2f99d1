"""Identification rate: store receipts and revenue tied to a known person, overall, per store, per month."""
import pytest

from test_journeys_workspace import Shop, frame

from app.core.analytics.identification import NO_STORE, identification
from app.core.analytics.reports import identification_report


def receipt(pid, day, amount, store="Milano", **kw):
    return {"profile_id": pid, "day": day, "type": "purchase", "channel": "store", "amount": amount,
            "store": store, **kw}


def test_overall_and_per_store():
    df = frame([
        receipt(1, 0, 100.0), receipt(None, 1, 50.0), receipt(2, 2, 30.0, store="Monza"),
        receipt(None, 3, 20.0, store=None), receipt(3, 4, None),          # no amount: a receipt worth 0
        {"profile_id": None, "day": 1, "type": "purchase", "channel": "online_shop", "amount": 500.0},
        {"profile_id": 1, "day": 1, "type": "return", "channel": "store", "amount": -10.0},
    ])
    totals, table = identification(df, by="store")
    assert totals == {"receipts": 5, "identified_receipts": 3, "receipt_share": 0.6, "store_revenue": 200.0,
                      "store_revenue_identified": 130.0, "revenue_share": pytest.approx(0.65)}
    rows = table.set_index("store")
    assert table["store"].tolist() == ["Milano", "Monza", NO_STORE]   # by revenue
    assert rows.loc["Milano", "receipt_share"] == pytest.approx(2 / 3)
    assert rows.loc["Milano", "revenue_share"] == pytest.approx(100 / 150)
    assert rows.loc[NO_STORE, "identified_receipts"] == 0 and rows.loc["Monza", "revenue_share"] == 1.0


def test_per_month_uses_the_local_date_as_read():
    # 23:30 UTC on 31 January is already February in Rome
    df = frame([receipt(1, 0, 10.0, occurred_at="2025-02-01T00:30:00+01:00"),
                receipt(None, 40, 30.0)])
    df.loc[0, "ts"] = 1738366200
    _, table = identification(df, by="month")
    assert table["month"].tolist() == ["2025-02", "2025-04"]
    df.loc[0, "occurred_at"] = "01/02/2025"    # not ISO: fall back to the UTC month of ts
    _, table = identification(df, by="month")
    assert table["month"].tolist() == ["2025-01", "2025-04"]


def test_empty_and_unknown_breakdown():
    totals, table = identification(frame([]).iloc[0:0], by="month")
    assert totals["receipts"] == 0 and totals["receipt_share"] is None and table.empty
    with pytest.raises(ValueError, match="cannot break identification down by 'city'"):
        identification(frame([]), by="city")


def test_report_counts_records_without_a_profile_as_identified(ws):
    shop = Shop(ws)
    card = shop.record()           # a loyalty card nobody has matched yet
    shop.event(card, 1, "purchase", "store", amount=40.0, store="Milano")
    shop.event(None, 2, "purchase", "store", amount=10.0, store="Milano")
    report = identification_report(shop.ws, by="store")
    assert report.totals["receipt_share"] == 0.5 and report.totals["revenue_share"] == 0.8
    assert report.to_json()["groups"][0]["store"] == "Milano"
