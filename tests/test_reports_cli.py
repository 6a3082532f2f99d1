"""`unico report contribution|ropo|identification`: formats, JSON keys, CSV safety, exit codes."""
import csv
import io
import json

import pytest

from test_journeys_workspace import Shop
from test_ropo import near_far_shop

from app.cli import main
from app.core.workspace import Workspace


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "shop.db"
    ws = Workspace(path)
    shop = near_far_shop(ws)
    rid = shop.record(n_city="MILANO", n_province="MI")
    shop.profile(rid)
    shop.event(rid, 100, "visit", "web", utm_source="google", utm_medium="cpc", utm_campaign="=HYPERLINK(\"x\")")
    shop.event(rid, 101, "email_click", "email", campaign="Saldi")
    shop.event(rid, 102, "purchase", "online_shop", amount=55.5)
    ws.close()
    return str(path)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_contribution_json(db, capsys):
    code, out, _ = run(capsys, "--db", db, "report", "contribution", "--model", "linear", "--format", "json")
    assert code == 0
    j = json.loads(out)
    assert {"title", "note", "params", "rows", "conversions", "revenue", "anonymous_conversions",
            "non_converting_paths", "currency"} <= set(j)
    assert j["params"] == {"model": "linear", "window_days": 30, "half_life_days": 7.0, "by": "channel",
                           "include_opens": False}
    rows = {r["channel"]: r for r in j["rows"]}
    assert set(rows["Email"]) == {"channel", "conversions", "revenue", "share", "revenue_share"}
    assert rows["Email"]["revenue"] == pytest.approx(27.75) and rows["Paid search"]["conversions"] == 0.5
    assert sum(r["conversions"] for r in j["rows"]) == pytest.approx(j["conversions"]) == 8
    assert j["anonymous_conversions"] == 1


@pytest.mark.parametrize("model", ["first", "last", "last-non-direct", "linear", "time-decay", "position",
                                   "markov", "shapley"])
def test_every_model_from_the_command_line(db, capsys, model):
    code, out, _ = run(capsys, "--db", db, "report", "contribution", "--model", model, "--by", "campaign",
                       "--window-days", "14", "--half-life-days", "3", "--include-opens", "--format", "json")
    j = json.loads(out)
    assert code == 0 and j["params"]["window_days"] == 14 and j["params"]["by"] == "campaign"
    assert sum(r["revenue"] for r in j["rows"]) == pytest.approx(j["revenue"])


def test_every_model_side_by_side(db, capsys):
    code, out, _ = run(capsys, "--db", db, "report", "contribution", "--model", "all", "--format", "json")
    j = json.loads(out)
    assert code == 0 and j["params"]["model"] == "all"
    models = ["first", "last", "last-non-direct", "linear", "time-decay", "position", "markov", "shapley"]
    assert list(j["rows"][0]) == ["channel", *models]
    for m in models:
        assert sum(r[m] for r in j["rows"]) == pytest.approx(j["conversions"]), m
    email = next(r for r in j["rows"] if r["channel"] == "Email")
    assert email["first"] == 0.0 and email["last"] == 1.0 and email["linear"] == 0.5


def test_contribution_csv_is_spreadsheet_safe(db, capsys):
    code, out, _ = run(capsys, "--db", db, "report", "contribution", "--model", "first", "--by", "campaign",
                       "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0]) == ["campaign", "conversions", "revenue", "share", "revenue_share"]
    campaigns = [r["campaign"] for r in rows]
    assert "'=HYPERLINK(\"x\")" in campaigns and "=HYPERLINK(\"x\")" not in campaigns
    assert float(next(r for r in rows if r["campaign"].startswith("'="))["revenue"]) == 55.5


def test_contribution_table(db, capsys):
    code, out, _ = run(capsys, "--db", db, "report", "contribution", "--model", "time-decay")
    assert code == 0 and "Time decay" in out and "Paid search" in out and "Note:" in out


def test_ropo_json_contract(db, capsys):
    code, out, _ = run(capsys, "--db", db, "report", "ropo", "--by", "near_store", "--window-days", "14",
                       "--format", "json")
    assert code == 0
    j = json.loads(out)
    for key in ("store_revenue_identified", "ropo_revenue", "ropo_share", "median_lag_days", "note", "groups",
                "reverse_revenue", "reverse_share", "reverse_median_lag_days", "online_revenue_identified",
                "windows"):
        assert key in j, key
    assert j["note"].startswith("Assisted, not caused")
    assert j["window_days"] == 14 and [w["window_days"] for w in j["windows"]] == [7, 14, 30, 90]
    for group in j["groups"]:
        assert {"group", "store_revenue_identified", "ropo_revenue", "ropo_share", "median_lag_days"} <= set(group)
    groups = {g["group"]: g for g in j["groups"]}
    assert groups["near"]["ropo_share"] == 1.0 and groups["far"]["ropo_share"] == 0.0
    assert j["ropo_revenue"] == sum(g["ropo_revenue"] for g in j["groups"])


def test_ropo_without_breakdown_has_one_group(db, capsys):
    code, out, _ = run(capsys, "--db", db, "report", "ropo", "--format", "json")
    j = json.loads(out)
    assert [g["group"] for g in j["groups"]] == ["(all)"]
    assert j["groups"][0]["ropo_revenue"] == j["ropo_revenue"]


def test_ropo_table_and_csv(db, capsys):
    code, out, _ = run(capsys, "--db", db, "report", "ropo", "--by", "province")
    assert code == 0 and "Assisted" in out and "MB" in out
    code, out, _ = run(capsys, "--db", db, "report", "ropo", "--by", "tag", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["group"] for r in rows} == {"vip", "horeca", "(unknown)"}


def test_identification_json_and_table(db, capsys):
    code, out, _ = run(capsys, "--db", db, "report", "identification", "--format", "json", "--by", "month")
    j = json.loads(out)
    assert code == 0 and j["receipts"] == 6 and j["identified_receipts"] == 5
    assert {"receipt_share", "revenue_share", "store_revenue", "store_revenue_identified", "groups"} <= set(j)
    assert all("month" in g for g in j["groups"])
    code, out, _ = run(capsys, "--db", db, "report", "identification")
    assert code == 0 and "Bottega Rossi Milano" in out


def test_empty_workspace_reports_zeros(tmp_path, capsys):
    db = str(tmp_path / "empty.db")
    Workspace(db).close()
    for what in ("contribution", "ropo", "identification"):
        code, out, _ = run(capsys, "--db", db, "report", what, "--format", "json")
        assert code == 0, what
    code, out, _ = run(capsys, "--db", db, "report", "ropo")
    assert code == 0 and "0.00" in out


@pytest.mark.parametrize("argv, code, message", [
    (["report", "ropo", "--by", "shoe_size"], 2, "cannot break down by 'shoe_size'"),
    (["report", "contribution", "--model", "magic"], 2, "invalid choice"),
    (["report", "ropo", "--window-days", "0"], 2, "must be more than 0"),
    (["report", "ropo", "--window-days", "x"], 2, "is not a number"),
])
def test_wrong_usage(db, capsys, argv, code, message):
    try:
        got = main(["--db", db, *argv])
    except SystemExit as e:  # argparse's own errors
        got = e.code
    assert got == code and message in capsys.readouterr().err


def test_missing_workspace_is_bad_data(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "nope.db"), "report", "ropo")
    assert code == 1 and "no such workspace" in err


def test_near_store_without_store_cities_is_a_usage_error(tmp_path, capsys):
    db = tmp_path / "s.db"
    ws = Workspace(db)
    shop = Shop(ws)
    shop.event(shop.record(n_city="MILANO"), 1, "purchase", "store", amount=1.0, store="Negozio 1")
    ws.close()
    code, _, err = run(capsys, "--db", str(db), "report", "ropo", "--by", "near_store")
    assert code == 2 and "near a store" in err
