"""generate_demo (every file of the demo retailer, a year of journeys) and generate_contacts_only
(the person files alone, sized by record count, for the matching benchmarks)."""
from __future__ import annotations

import json
import math
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from app.core import messages
from app.core.demo import contacts as C
from app.core.demo import event_files as E
from app.core.demo import layouts as L
from app.core.demo import truth as TR
from app.core.demo.clock import Clock, email_campaigns
from app.core.demo.dirt import Dirt, DirtRates
from app.core.demo.identities import Identities, assign
from app.core.demo.journeys import Behaviour, simulate
from app.core.demo.people import make_people
from app.core.demo.writers import encode_table, write_table, write_zip
from app.core.errors import UsageError
from app.core.jobs import Progress

DEFAULT_START = date(2025, 1, 1)
GENERATOR_VERSION = 1


@dataclass
class DemoFile:
    path: Path
    format_id: str
    kind: str
    channel: str
    rows: int
    description: str

    def to_json(self) -> dict:
        return {"path": str(self.path), "file": self.path.name, "format_id": self.format_id, "kind": self.kind,
                "channel": self.channel, "rows": self.rows, "description": self.description}


@dataclass
class DemoManifest:
    out_dir: Path
    files: list[DemoFile]
    truth_csv: Path
    truth_json: Path
    figures: dict
    people_csv: Path | None = None
    seconds: float = field(default=0.0, compare=False)  # how long the generation took

    def to_json(self) -> dict:
        return {"out_dir": str(self.out_dir), "files": [f.to_json() for f in self.files],
                "truth_csv": str(self.truth_csv), "truth_json": str(self.truth_json),
                "people_csv": str(self.people_csv) if self.people_csv else None,
                "seconds": round(self.seconds, 2),
                "counts": self.figures.get("counts", {}), "identification": self.figures.get("identification"),
                "ropo_14": _ropo_headline(self.figures)}


def _ropo_headline(figures: dict) -> dict | None:
    r = figures.get("ropo", {}).get("14")
    if not r:
        return None
    return {"all": r["ropo_share"], **{k: v["ropo_share"] for k, v in r["segments"].items()}}


def generate_demo(out_dir: Path, *, people: int = 2000, seed: int = 7, start: date | None = None, days: int = 365,
                  near_share: float = 0.5, identified_share: float = 0.85, utf16_leads: bool = True,
                  progress: Progress | None = None, dirt: DirtRates | None = None,
                  behaviour: Behaviour | None = None) -> DemoManifest:
    """Write the demo retailer's eight files, truth.csv, truth_people.csv and truth.json."""
    _check(people=people, days=days, near_share=near_share, identified_share=identified_share)
    began = time.perf_counter()
    progress = progress or Progress()
    out_dir = Path(out_dir)
    rng, dirt_rng = np.random.default_rng(seed), np.random.default_rng([seed, 1])
    clock = Clock(start or DEFAULT_START, days)
    progress.update(0.02, messages.text("progress.demo_people"))
    pop = make_people(people, rng, near_share=near_share, days=days)
    ids = assign(pop, rng, days)
    campaigns = email_campaigns(clock, rng)
    j = simulate(pop, ids, clock, rng, campaigns=campaigns, identified_share=identified_share,
                 behaviour=behaviour or Behaviour(), progress=progress.sub(0.05, 0.6))
    progress.update(0.6, messages.text("progress.demo_exports"))
    d = Dirt(dirt or DirtRates(), dirt_rng)
    receipt_rows, receipts = E.receipts(j, clock)
    order_rows, orders = E.orders(j, pop, d, dirt_rng)
    persons = _person_tables(pop, ids, d, clock, campaigns, E.customer_totals(orders))
    with _staging(out_dir) as tmp:
        files = _write_person_files(tmp, out_dir, persons, utf16_leads)
        for layout, rows in ((L.TILL_RECEIPTS, receipt_rows), (L.SHOPIFY_ORDERS, order_rows),
                             (L.MAILCHIMP_ACTIVITY, E.activity(j)), (L.WEB_EVENTS, E.web_events(j, dirt_rng))):
            progress.check()
            n = write_table(tmp / layout.file_name, layout, rows)
            files.append(DemoFile(out_dir / layout.file_name, layout.format_id, layout.kind, layout.channel,
                                  n, layout.description))
        progress.update(0.85, messages.text("progress.demo_truth"))
        event_keys = _event_keys(receipts, orders, j)
        figures = _figures(pop, receipts, orders, j)
        manifest = _finish(tmp, out_dir, files, pop, persons, event_keys, clock, d, figures, {
            "mode": "full", "people": people, "seed": seed, "start": clock.start.isoformat(), "days": days,
            "near_share": near_share, "identified_share": identified_share, "utf16_leads": utf16_leads})
    progress.update(1.0, messages.text("progress.demo_written"), force=True)
    manifest.seconds = time.perf_counter() - began
    return manifest


def generate_contacts_only(out_dir: Path, *, records: int, seed: int = 7, progress: Progress | None = None,
                           near_share: float = 0.5, utf16_leads: bool = True,
                           dirt: DirtRates | None = None) -> DemoManifest:
    """The four person files with exactly `records` rows in all, truth.csv and truth.json."""
    if records < 1:
        raise UsageError("--records must be at least 1")
    _check(people=1, days=365, near_share=near_share, identified_share=0.85)
    began = time.perf_counter()
    progress = progress or Progress()
    out_dir = Path(out_dir)
    clock = Clock(DEFAULT_START, 365)
    pilot_n = 20_000
    pilot = assign(make_people(pilot_n, np.random.default_rng([seed, 9]), near_share=near_share, days=365),
                   np.random.default_rng([seed, 9]), 365)
    n = math.ceil(records / (pilot.rows() / pilot_n) * 1.03) + 20
    while True:
        progress.update(0.05, messages.text("progress.demo_about_people", count=n))
        rng = np.random.default_rng(seed)
        pop = make_people(n, rng, near_share=near_share, days=365)
        ids = assign(pop, rng, 365)
        if ids.rows() >= records:
            break
        n = math.ceil(n * 1.05)
    ids = _trim(ids, records, np.random.default_rng([seed, 2]))
    progress.update(0.4, messages.text("progress.demo_contact_files"))
    d = Dirt(dirt or DirtRates(), np.random.default_rng([seed, 1]))
    persons = _person_tables(pop, ids, d, clock, email_campaigns(clock, rng), None)
    with _staging(out_dir) as tmp:
        files = _write_person_files(tmp, out_dir, persons, utf16_leads)
        progress.update(0.85, messages.text("progress.demo_writing_truth"))
        manifest = _finish(tmp, out_dir, files, pop, persons, [], clock, d, {}, {
            "mode": "contacts_only", "records": records, "seed": seed, "near_share": near_share,
            "utf16_leads": utf16_leads})
    progress.update(1.0, messages.text("progress.demo_contacts_written"), force=True)
    manifest.seconds = time.perf_counter() - began
    return manifest


def _check(*, people: int, days: int, near_share: float, identified_share: float) -> None:
    if people < 1:
        raise UsageError("--people must be at least 1")
    if days < 30:
        raise UsageError("the demo needs at least 30 days")
    if not 0.0 <= near_share <= 1.0:
        raise UsageError("near_share must be between 0 and 1")
    if not 0.0 < identified_share <= 1.0:
        raise UsageError("identified_share must be above 0 and at most 1")


def _trim(ids: Identities, records: int, rng: np.random.Generator) -> Identities:
    """Drop records at random, uniformly over the four files, until exactly `records` are left."""
    parts = [ids.cards, ids.accounts, ids.audience, ids.leads]
    sizes = [len(p) for p in parts]
    keep = np.zeros(sum(sizes), bool)
    keep[rng.choice(sum(sizes), size=records, replace=False)] = True
    bounds = np.cumsum([0, *sizes])
    kept = [p[keep[a:b]].reset_index(drop=True) for p, a, b in zip(parts, bounds[:-1], bounds[1:])]
    return Identities(*kept)


def _person_tables(pop, ids, d, clock, campaigns, totals) -> list[C.Table]:
    members = C.mailchimp_members(pop, ids, d, clock, campaigns)
    return [C.till_contacts(pop, ids, d, clock), C.shopify_customers(pop, ids, d, totals),
            members["subscribed"], members["unsubscribed"], members["cleaned"], C.meta_leads(pop, ids, d, clock)]


def _write_person_files(tmp: Path, out_dir: Path, t: list[C.Table], utf16_leads: bool) -> list[DemoFile]:
    till, shop, subscribed, unsubscribed, cleaned, leads = t
    write_table(tmp / L.TILL_CONTACTS.file_name, L.TILL_CONTACTS, till.rows)
    write_table(tmp / L.SHOPIFY_CUSTOMERS.file_name, L.SHOPIFY_CUSTOMERS, shop.rows)
    write_zip(tmp / L.MAILCHIMP_AUDIENCE.file_name, {
        f"{status}_members_export_{L.MAILCHIMP_LIST_ID}.csv":
            encode_table(L.MAILCHIMP_AUDIENCE, table.headers, table.rows, quote_all=True)
        for status, table in (("subscribed", subscribed), ("unsubscribed", unsubscribed), ("cleaned", cleaned))})
    write_table(tmp / L.META_LEADS.file_name, L.META_LEADS, leads.rows,
                encoding=None if utf16_leads else "utf-8")
    counts = (len(till.rows), len(shop.rows), len(subscribed.rows) + len(unsubscribed.rows) + len(cleaned.rows),
              len(leads.rows))
    return [DemoFile(out_dir / lay.file_name, lay.format_id, lay.kind, lay.channel, n, lay.description)
            for lay, n in zip(L.CONTACT_LAYOUTS, counts)]


def _event_keys(receipts: pd.DataFrame, orders: pd.DataFrame, j) -> list[tuple[str, list[str], np.ndarray]]:
    """Identity-bearing values of the event files, with the person each belongs to."""
    web = j.web[j.web["user_id"] != ""]
    clicks = j.email
    return [
        (L.TILL_RECEIPTS.file_name, list(receipts["card"]), receipts["pid"].values),
        (L.TILL_RECEIPTS.file_name, list(receipts["email"]), receipts["pid"].values),
        (L.SHOPIFY_ORDERS.file_name, list(orders["email"]), orders["pid"].values),
        (L.MAILCHIMP_ACTIVITY.file_name, list(clicks["email"]), clicks["pid"].values),
        (L.WEB_EVENTS.file_name, list(web["user_id"]), web["pid"].values),
    ]


def _figures(pop: pd.DataFrame, receipts: pd.DataFrame, orders: pd.DataFrame, j) -> dict:
    sales = receipts[receipts["amount"] > 0]
    pos = orders[orders["source"] == "pos"]
    store_all = pd.DataFrame({
        "pid": np.concatenate([sales["pid"].values, pos["pid"].values]),
        "us": np.concatenate([sales["us"].values, pos["us"].values]),
        "amount": np.concatenate([sales["amount"].values, pos["total"].values]),
        "identified": np.concatenate([((sales["card"] != "") | (sales["email"] != "")).values,
                                      np.ones(len(pos), bool)]),
    })
    identified = store_all[store_all["identified"]]
    web = j.web[(j.web["user_id"] != "") & j.web["event"].isin(L.WEB_TOUCH_EVENTS)]
    clicks = j.email[j.email["action"] == "click"]
    touches = pd.concat([web[["pid", "us"]], clicks[["pid", "us"]], j.leads[["pid", "us"]]], ignore_index=True)
    online = orders[(orders["source"] == "web") & (orders["status"] != "refunded")].rename(columns={"total": "amount"})
    return {"identification": TR.identification(store_all),
            "ropo": TR.ropo_figures(identified, touches, pop),
            "reverse": TR.reverse_figures(online, identified)}


def _finish(tmp: Path, out_dir: Path, files: list[DemoFile], pop: pd.DataFrame, persons: list[C.Table],
            event_keys: list, clock: Clock, d: Dirt, figures: dict, params: dict) -> DemoManifest:
    contact = [(t.layout_file, t.keys, t.pid) for t in persons]
    rows = TR.truth_rows(contact + event_keys, pop)
    TR.write_truth_csv(tmp / "truth.csv", rows)
    pid_of = {p: i for i, p in enumerate(pop["person_id"].values)}
    used = np.zeros(len(pop), bool)
    used[[pid_of[r[2]] for r in rows]] = True
    TR.write_people_csv(tmp / "truth_people.csv", pop, used)
    contact_pids = np.concatenate([t.pid for t in persons]).astype(np.int64)
    all_pids = np.array([pid_of[r[2]] for r in rows], dtype=np.int64)
    truth = {
        "generator": {"name": "Bottega Rossi demo retailer", "version": GENERATOR_VERSION, **params},
        "definitions": TR.DEFINITIONS, "key_columns": TR.key_columns(), "context": TR.store_context(clock),
        "counts": {"people": int(used.sum()), "contact_records": len(contact_pids),
                   "true_duplicate_pairs": TR.duplicate_pairs(contact_pids),
                   "identity_keys": len(rows), "true_duplicate_pairs_with_event_keys": TR.duplicate_pairs(all_pids),
                   "rows": {f.path.name: f.rows for f in files}},
        **figures,
        "dirt": {"rates": d.rates.to_json(), "applied": d.report()},
    }
    (tmp / "truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False), encoding="utf-8")
    for f in [*files, *(out_dir / n for n in ("truth.csv", "truth_people.csv", "truth.json"))]:
        path = f.path if isinstance(f, DemoFile) else f
        os.replace(tmp / path.name, path)
    return DemoManifest(out_dir, files, out_dir / "truth.csv", out_dir / "truth.json", truth,
                        people_csv=out_dir / "truth_people.csv")


@contextmanager
def _staging(out_dir: Path) -> Iterator[Path]:
    """Write into a hidden folder inside out_dir and move the files in at the end, so a failed or
    cancelled run leaves out_dir as it was."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / f".demo-partial-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
