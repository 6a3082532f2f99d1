"""The ground truth covers every record, and the planted figures in truth.json are recomputed here
from the written files and truth.csv alone, by a plain independent computation."""
from __future__ import annotations

import csv
import io
import json
import statistics
import zipfile
from collections import Counter, defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.core.demo import generate_demo

ROME = ZoneInfo("Europe/Rome")
WEB_TOUCHES = {"page_view", "view_item", "add_to_cart", "begin_checkout"}
DAY_US = 86_400 * 1_000_000


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return generate_demo(tmp_path_factory.mktemp("truth"), people=1500, seed=5)


def rows(path, encoding="utf-8", delimiter=","):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def truth_map(demo):
    return {(r["file"], r["source_record_key"]): r["person_id"] for r in rows(demo.truth_csv)}


def audience(demo):
    out = []
    with zipfile.ZipFile(demo.out_dir / "mailchimp_audience.zip") as z:
        for name in z.namelist():
            out += list(csv.DictReader(io.StringIO(z.read(name).decode("utf-8"))))
    return out


def us_of(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp()) * 1_000_000


def euros(italian: str) -> float:
    return float(italian.replace(".", "").replace(",", "."))


# -- an independent recomputation, from the files --------------------------------------------------
def store_purchases(demo, truth):
    """(person or None, µs, amount) for every store purchase: receipts and Shopify POS orders."""
    out = []
    for r in rows(demo.out_dir / "till_scontrini.csv", "utf-8-sig", ";"):
        amount = euros(r["Importo"])
        if amount <= 0:
            continue  # a return
        when = datetime.strptime(f"{r['Data']} {r['Ora']}", "%d/%m/%Y %H:%M").replace(tzinfo=ROME)
        key = r["Codice carta"] or r["Email scontrino"]
        person = truth[("till_scontrini.csv", key)] if key else None
        if r["Codice carta"]:
            assert truth[("till_clienti.csv", r["Codice carta"])] == person
        out.append((person, int(when.timestamp()) * 1_000_000, amount))
    for r in rows(demo.out_dir / "shopify_orders.csv"):
        if r["Source"] == "pos":
            out.append((truth[("shopify_orders.csv", r["Email"])], us_of(r["Created at"].replace(" +", "+")),
                        float(r["Total"])))
    return out


def touches(demo, truth):
    out = defaultdict(list)
    for r in rows(demo.out_dir / "web_events.csv"):
        if r["user_id"] and r["event_name"] in WEB_TOUCHES:
            out[truth[("web_events.csv", r["user_id"])]].append(int(r["event_timestamp"]))
    for r in rows(demo.out_dir / "mailchimp_activity.csv"):
        if r["Action"] == "click":
            out[truth[("mailchimp_activity.csv", r["Email Address"])]].append(us_of(r["Timestamp"]))
    with open(demo.out_dir / "meta_leads.tsv", encoding="utf-16") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            out[truth[("meta_leads.tsv", r["id"])]].append(us_of(r["created_time"]))
    return out


def ropo(purchases, touch, days):
    total = ropo_rev = 0.0
    lags = []
    for person, when, amount in purchases:
        total += amount
        before = [t for t in touch.get(person, ()) if when - days * DAY_US <= t < when]
        if before:
            ropo_rev += amount
            lags.append((when - max(before)) / DAY_US)
    return total, ropo_rev, lags


def test_truth_covers_every_contact_row(demo):
    truth = truth_map(demo)
    people = {r["person_id"] for r in rows(demo.people_csv)}
    keys = {
        "till_clienti.csv": [r["Codice carta"] for r in rows(demo.out_dir / "till_clienti.csv", "cp1252", ";")],
        "shopify_customers.csv": [r["Customer ID"].lstrip("'") for r in rows(demo.out_dir / "shopify_customers.csv")],
        "mailchimp_audience.zip": [r["Email Address"] for r in audience(demo)],
    }
    with open(demo.out_dir / "meta_leads.tsv", encoding="utf-16") as f:
        keys["meta_leads.tsv"] = [r["id"] for r in csv.DictReader(f, delimiter="\t")]
    figures = json.loads(demo.truth_json.read_text(encoding="utf-8"))
    assert figures["counts"]["contact_records"] == sum(len(v) for v in keys.values())
    pairs = 0
    per_person = Counter()
    for file, ks in keys.items():
        assert len(ks) == len(set(ks)), file  # keys are unique within a file
        assert {k for (f, k) in truth if f == file} == set(ks), file
        per_person.update(truth[(file, k)] for k in ks)
    pairs = sum(n * (n - 1) // 2 for n in per_person.values())
    assert figures["counts"]["true_duplicate_pairs"] == pairs > 0
    assert set(truth.values()) <= people
    assert figures["counts"]["people"] == len(people)


def test_truth_covers_identity_bearing_event_rows(demo):
    truth = truth_map(demo)
    for r in rows(demo.out_dir / "till_scontrini.csv", "utf-8-sig", ";"):
        for key in (r["Codice carta"], r["Email scontrino"]):
            assert not key or ("till_scontrini.csv", key) in truth
    assert all(("shopify_orders.csv", r["Email"]) in truth for r in rows(demo.out_dir / "shopify_orders.csv"))
    assert all(("mailchimp_activity.csv", r["Email Address"]) in truth
               for r in rows(demo.out_dir / "mailchimp_activity.csv") if r["Action"] == "click")
    assert all(("web_events.csv", r["user_id"]) in truth
               for r in rows(demo.out_dir / "web_events.csv") if r["user_id"])
    # the web's user_id is the Shopify Customer ID: same person on both sides
    for (file, key), person in truth.items():
        if file == "web_events.csv":
            assert truth[("shopify_customers.csv", key)] == person


def test_planted_figures_recomputed_from_the_files(demo):
    truth = truth_map(demo)
    figures = json.loads(demo.truth_json.read_text(encoding="utf-8"))
    purchases = store_purchases(demo, truth)
    identified = [p for p in purchases if p[0] is not None]
    ident = figures["identification"]
    assert ident["receipts"] == len(purchases) and ident["receipts_identified"] == len(identified)
    assert ident["store_revenue"] == pytest.approx(sum(p[2] for p in purchases), abs=0.01)
    assert ident["store_revenue_identified"] == pytest.approx(sum(p[2] for p in identified), abs=0.01)
    touch = touches(demo, truth)
    segment = {r["person_id"]: r for r in rows(demo.people_csv)}
    for days in (7, 14, 30, 90):
        fig = figures["ropo"][str(days)]
        total, rev, lags = ropo(identified, touch, days)
        assert fig["store_revenue_identified"] == pytest.approx(total, abs=0.01)
        assert fig["ropo_revenue"] == pytest.approx(rev, abs=0.01)
        assert fig["ropo_share"] == pytest.approx(rev / total, abs=1e-6)
        assert fig["ropo_purchases"] == len(lags)
        assert fig["median_lag_days"] == pytest.approx(statistics.median(lags), abs=1e-3)
        for column, name in (("segment", "segments"), ("city_key", "by_city"), ("province", "by_province")):
            groups = defaultdict(list)
            for p in identified:
                groups[segment[p[0]][column]].append(p)
            assert set(fig[name]) == set(groups)
            for g, members in groups.items():
                t, r, _ = ropo(members, touch, days)
                assert fig[name][g]["ropo_revenue"] == pytest.approx(r, abs=0.01), (name, g)
                assert fig[name][g]["store_revenue_identified"] == pytest.approx(t, abs=0.01), (name, g)


def test_near_store_people_research_online_and_buy_in_store(demo):
    figures = json.loads(demo.truth_json.read_text(encoding="utf-8"))
    for days in ("7", "14", "30"):
        seg = figures["ropo"][days]["segments"]
        near, far = seg["near"]["ropo_share"], seg["far"]["ropo_share"]
        # the cart-then-store lag is 1-14 days; longer windows add chance touches on both sides
        assert near - far >= 0.15 and (near >= 2 * far or days == "30"), (days, near, far)
        assert seg["near"]["purchases"] > 5 * seg["far"]["purchases"]  # far people buy online instead
    assert set(figures["ropo"]["14"]["by_province"]) >= {"MI", "MB", "BG"}
    # far people's orders are online: the reverse figure exists too
    assert figures["reverse"]["30"]["reverse_revenue"] > 0


def test_identified_share_follows_the_setting(tmp_path):
    for share in (0.6, 0.9):
        m = generate_demo(tmp_path / str(share), people=500, seed=2, identified_share=share)
        assert m.figures["identification"]["revenue_rate"] == pytest.approx(share, abs=0.02)


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    a = generate_demo(tmp_path / "a", people=150, seed=4)
    b = generate_demo(tmp_path / "b", people=150, seed=4)
    c = generate_demo(tmp_path / "c", people=150, seed=5)
    names = [f.path.name for f in a.files] + ["truth.csv", "truth.json", "truth_people.csv"]
    for name in names:
        assert (a.out_dir / name).read_bytes() == (b.out_dir / name).read_bytes(), name
    assert (a.out_dir / "till_clienti.csv").read_bytes() != (c.out_dir / "till_clienti.csv").read_bytes()
    assert not any(p.name.startswith(".demo-partial") for p in a.out_dir.iterdir())
