"""A year of behaviour: shopping intents turned into web sessions, store receipts, online orders,
newsletter opens/clicks and lead forms, with the article-002 pattern planted.

Near-store people who research online mostly add to cart and then buy **in the store** 1–14 days
later; far-from-store people complete the purchase online. Some store purchases are followed by
an online order (the reverse), email clicks and lead forms set off some purchases. Store receipts
carry a loyalty card, an e-receipt email or nothing; anonymous walk-ins top the receipts up so
that the identified share of store revenue is the configured one.

Output: one DataFrame per event file, each row with the person index (`pid`, -1 for people
outside the population) so truth.py can compute the planted figures from exactly what is written.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from app.core import messages
from app.core.demo import tables as T
from app.core.demo.clock import US, Clock
from app.core.demo.identities import Identities, own_email


@dataclass(frozen=True)
class Behaviour:
    intents_near: float = 3.5  # shopping intents a year (× the person's engagement)
    intents_far: float = 2.5
    intents_offline_far: float = 0.8  # far people who never go online rarely buy from us at all
    # paths: research online → store, store only, online, research → abandon
    near_paths: tuple[float, float, float, float] = (0.55, 0.25, 0.12, 0.08)
    # research → online, direct online, abandon, store (a trip to Milan)
    far_paths: tuple[float, float, float, float] = (0.67, 0.15, 0.15, 0.03)
    lag_decay: float = 0.85  # P(lag = k days) ∝ decay^(k-1), k = 1..14, research → store
    logged_in: float = 0.7  # share of an account holder's sessions with user_id set
    logged_in_cart: float = 0.85  # carts are kept across devices by logging in
    logged_in_checkout: float = 0.9
    card_presented: float = 0.9
    e_receipt: float = 0.5  # a buyer without a card leaves an email for the e-receipt
    reverse: float = 0.12  # an identified near store purchase followed by an online order
    pos_share: float = 0.02  # near store sales rung on Shopify POS (the pop-up corner), not the till
    browse_sessions: float = 3.0  # aimless visits a year of an online person
    anonymous_sessions: float = 0.7  # visits by strangers, per population session
    email_open: float = 0.25  # × engagement; a fifth of it for people who never shop online
    email_click: float = 0.3  # given an open
    click_intent: float = 0.3  # a click sets off a purchase within 10 days
    lead_intent: float = 0.35
    returns: float = 0.005


@dataclass
class Journeys:
    store: pd.DataFrame  # us, store, cassa, pid, card, email, amount (negative = return)
    orders: pd.DataFrame  # us, pid, email, customer_id, source, store, items, shipping, discount
    web: pd.DataFrame  # us, event, device, user_id, utm (index into utms), product, pid, session
    email: pd.DataFrame  # us, email, campaign (index), action, pid
    leads: pd.DataFrame  # us, pid, lead_id
    campaigns: pd.DataFrame
    utms: list[tuple[str, str, str]] = field(default_factory=list)


RESEARCH_STORE, STORE, ONLINE, ONLINE_DIRECT, ABANDON = range(5)
SESSION_STEPS = {
    "browse": ("page_view", "view_item"), "research": ("page_view", "view_item", "add_to_cart"),
    "abandon": ("page_view", "view_item", "add_to_cart", "begin_checkout"),
    "buy": ("page_view", "view_item", "add_to_cart", "begin_checkout", "purchase"),
}


def _cum(weights) -> list[float]:
    return list(itertools.accumulate(weights))


class _Sim:
    """The simulation state. Scalar draws use random.Random (seeded from the numpy generator):
    numpy's per-call overhead would dominate a loop over every person's every visit."""

    def __init__(self, people: pd.DataFrame, ids: Identities, clock: Clock, rng: np.random.Generator,
                 b: Behaviour, campaigns: pd.DataFrame):
        self.ids, self.clock, self.rng, self.b = ids, clock, rng, b
        self.r = random.Random(int(rng.integers(2**62)))
        self.near = people["near"].tolist()
        self.digital = people["digital"].tolist()
        self.engagement = people["engagement"].tolist()
        self.home = people["store"].tolist()
        self.campaigns = campaigns
        self.end_us = int(clock.local_us(clock.days, 0))
        self.store_rows: list[tuple] = []
        self.orders: list[tuple] = []
        self.web: list[tuple] = []
        self.email: list[tuple] = []
        self.utms: list[tuple[str, str, str]] = [u for u, _ in T.WEB_SOURCES]
        self.utm_cum = _cum(w for _, w in T.WEB_SOURCES)
        self.utm_of_campaign = {}
        for i, title in enumerate(campaigns["title"]):
            self.utm_of_campaign[i] = len(self.utms)
            self.utms.append(("newsletter", "email", _slug(title)))
        self.prod_cum = _cum(T.PRODUCT_WEIGHTS)
        self.lag_cum = _cum(b.lag_decay ** k for k in range(14))
        self.own = own_email(people).tolist()
        self.cards: dict[int, list[tuple[str, int]]] = {}
        for pid, code, day in zip(ids.cards["pid"].values, ids.cards["code"].values, ids.cards["day"].values):
            self.cards.setdefault(int(pid), []).append((code, int(day)))
        self.accounts: dict[int, list[tuple[str, str, int]]] = {}
        for pid, cid, email, day in zip(ids.accounts["pid"].values, ids.accounts["customer_id"].values,
                                        ids.accounts["email"].values, ids.accounts["day"].values):
            self.accounts.setdefault(int(pid), []).append((cid, email, int(day)))
        self.sessions = 0

    # -- helpers ------------------------------------------------------------------------------
    def pick(self, options, cum: list[float]):
        return self.r.choices(options, cum_weights=cum)[0]

    def device(self) -> str:
        first_seen = self.clock.start_us // US - self.r.randrange(400 * 86400)
        return f"{self.r.randrange(10**9, 2 * 10**9)}.{first_seen}"

    def at(self, day: int, lo_h: float, hi_h: float, minute: bool = False) -> int:
        sec = self.r.randrange(int(lo_h * 3600), int(hi_h * 3600))
        if minute:
            sec -= sec % 60
        return self.clock.local_us_at(day, sec)

    def items(self) -> list[tuple[int, int]]:
        k = self.pick((1, 2, 3), _cum((0.6, 0.3, 0.1)))
        prods: list[int] = []
        while len(prods) < k:
            i = self.pick(range(len(T.PRODUCTS)), self.prod_cum)
            if i not in prods:
                prods.append(i)
        return [(i, 1 if self.r.random() < 0.9 else 2) for i in prods]

    def account_at(self, pid: int, day: int) -> tuple[str, str] | None:
        accs = [a for a in self.accounts.get(pid, []) if a[2] <= day]
        if not accs:
            return None
        cid, email, _ = accs[-1] if self.r.random() < 0.5 else accs[0]
        return cid, email

    def session(self, pid: int, devices: list[str], us: int, kind: str, utm: int | None = None,
                checkout: bool = False) -> None:
        """A visit: page_view, then per kind view_item / add_to_cart / begin_checkout / purchase."""
        if us < self.clock.start_us or us >= self.end_us:
            return
        self.sessions += 1
        r = self.r
        acc = self.account_at(pid, self.clock.day_at(us)) if pid >= 0 else None
        p_login = (self.b.logged_in_checkout if checkout else
                   self.b.logged_in_cart if kind in ("research", "abandon") else self.b.logged_in)
        user_id = acc[0] if acc is not None and r.random() < p_login else ""
        utm = self.pick(range(len(T.WEB_SOURCES)), self.utm_cum) if utm is None else utm
        dev = devices[r.randrange(len(devices))]
        prod = self.pick(range(len(T.PRODUCTS)), self.prod_cum)
        steps = SESSION_STEPS[kind]
        if kind == "browse" and r.random() < 0.5:
            steps = steps[:1]
        t = us
        for ev in steps:
            self.web.append((t, ev, dev, user_id, utm, prod, pid, self.sessions))
            t += r.randrange(15, 240) * US + r.randrange(US)

    def store_sale(self, pid: int, day: int, store: int) -> float:
        """A purchase at the till (or, rarely, on Shopify POS); returns its amount."""
        r = self.r
        us = self.at(day, 9.5, 19.5, minute=True)
        pos = pid >= 0 and self.near[pid] and r.random() < self.b.pos_share
        if pos and self.order(pid, day, source="pos", store=store, us=us):
            return order_total(self.orders[-1][6], self.orders[-1][7], "pos")
        amount = round(sum(T.PRODUCTS[i].price * q for i, q in self.items()), 2)
        card, email = "", ""
        cards = [c for c, d in self.cards.get(pid, []) if d <= day]
        if cards and r.random() < self.b.card_presented:
            card = cards[-1]
            if self.own[pid] and r.random() < 0.1:
                email = self.own[pid]
        elif pid >= 0 and self.own[pid] and r.random() < self.b.e_receipt:
            email = self.own[pid]
        self.store_rows.append((us, store, r.randrange(1, 3), pid, card, email, amount))
        return amount

    def order(self, pid: int, day: int, *, source: str = "web", store: int = -1, us: int | None = None) -> bool:
        acc = self.account_at(pid, day)
        email = acc[1] if acc else self.own[pid]
        if not email:
            return False
        us = self.at(day, 7, 23.9) if us is None else us
        self.orders.append((us, pid, email, acc[0] if acc else "", source, store, self.items(),
                            self.r.random() < 0.08))
        return True

    # -- one person ---------------------------------------------------------------------------
    def person(self, pid: int, n_intents: int, n_browse: int, triggers: list[tuple[int, int]]) -> None:
        r, days = self.r, self.clock.days
        near, digital, home = self.near[pid], self.digital[pid], self.home[pid]
        devices = [self.device() for _ in range(1 + (r.random() < 0.35))]
        intents = [(r.randrange(days), self.path(near, digital)) for _ in range(n_intents)] + triggers
        for _ in range(n_browse if digital else 0):
            self.session(pid, devices, self.at(r.randrange(days), 7, 23.9), "browse")
        for day, path in intents:
            store = home if home >= 0 else r.randrange(len(T.STORES))
            if path == RESEARCH_STORE:
                lag = self.pick(range(1, 15), self.lag_cum)
                self.session(pid, devices, self.at(day - lag, 7, 23.9), "research")
                if lag >= 3 and r.random() < 0.5:
                    self.session(pid, devices, self.at(day - r.randrange(1, lag), 7, 23.9), "browse")
                self.store_visit(pid, day, store, devices)
            elif path == STORE:
                self.store_visit(pid, day, store, devices)
            elif path in (ONLINE, ONLINE_DIRECT):
                if path == ONLINE:
                    self.session(pid, devices, self.at(day - r.randrange(4), 7, 12), "research")
                if 0 <= day < days and self.order(pid, day, us=self.at(day, 12.5, 23.9)):
                    self.session(pid, devices, self.orders[-1][0] - 200 * US, "buy", checkout=True)
                elif near:
                    self.store_visit(pid, day, store, devices)
            else:
                self.session(pid, devices, self.at(day, 7, 23.9), "abandon" if r.random() < 0.5 else "research")

    def store_visit(self, pid: int, day: int, store: int, devices: list[str]) -> None:
        if not 0 <= day < self.clock.days:
            return
        self.store_sale(pid, day, store)
        last = self.store_rows[-1] if self.store_rows else None
        identified = last is not None and last[3] == pid and bool(last[4] or last[5])
        if self.near[pid] and identified and self.digital[pid] and self.r.random() < self.b.reverse:
            later = day + self.r.randrange(2, 13)
            if later < self.clock.days and self.order(pid, later):
                self.session(pid, devices, self.orders[-1][0] - 200 * US, "buy", checkout=True)

    def path(self, near: bool, digital: bool) -> int:
        if not digital:
            return STORE
        if near:
            return self.pick((RESEARCH_STORE, STORE, ONLINE, ABANDON), _cum(self.b.near_paths))
        return self.pick((ONLINE, ONLINE_DIRECT, ABANDON, STORE), _cum(self.b.far_paths))

    def triggered(self, near: bool) -> int:
        """The path of a purchase set off by an email click or a lead form."""
        if near:
            return self.pick((RESEARCH_STORE, STORE, ONLINE_DIRECT), _cum((0.45, 0.3, 0.25)))
        return self.pick((ONLINE_DIRECT, ABANDON), _cum((0.9, 0.1)))


def order_total(items: list[tuple[int, int]], discount: bool, source: str) -> float:
    """What the customer paid: 10% off with a code, shipping 4.90 online below 59 €."""
    subtotal = round(sum(T.PRODUCTS[i].price * q for i, q in items), 2)
    off = round(subtotal * 0.1, 2) if discount else 0.0
    shipping = 4.90 if source == "web" and subtotal < 59 else 0.0
    return round(subtotal - off + shipping, 2)


def _slug(title: str) -> str:
    from app.core.demo.people import ascii_key

    return "_".join(ascii_key(w) for w in title.split() if ascii_key(w))[:40]


def simulate(people: pd.DataFrame, ids: Identities, clock: Clock, rng: np.random.Generator, *,
             campaigns: pd.DataFrame, identified_share: float, behaviour: Behaviour = Behaviour(),
             progress=None) -> Journeys:
    sim = _Sim(people, ids, clock, rng, behaviour, campaigns)
    triggers = _newsletter(sim)
    leads = ids.leads.assign(us=clock.local_us(ids.leads["day"].values, ids.leads["sec"].values))
    for pid, day in zip(leads["pid"].tolist(), leads["day"].tolist()):
        if sim.r.random() < behaviour.lead_intent:
            triggers.setdefault(pid, []).append((day + sim.r.randrange(1, 21), sim.triggered(sim.near[pid])))
    n = len(people)
    b, year = behaviour, clock.days / 365
    near, digital = people["near"].values, people["digital"].values
    rate = np.where(near, b.intents_near, np.where(digital, b.intents_far, b.intents_offline_far))
    eng = people["engagement"].values
    n_intents = rng.poisson(rate * eng * year).tolist()
    n_browse = rng.poisson(b.browse_sessions * eng * year).tolist()
    for pid in range(n):
        sim.person(pid, n_intents[pid], n_browse[pid], triggers.get(pid, []))
        if progress is not None and pid % 2000 == 0:
            progress.update(pid / max(n, 1), messages.text("progress.demo_journeys"))
    _strangers(sim)
    _calibrate(sim, identified_share)
    _returns(sim)
    store = pd.DataFrame(sim.store_rows, columns=["us", "store", "cassa", "pid", "card", "email", "amount"])
    orders = pd.DataFrame(sim.orders, columns=["us", "pid", "email", "customer_id", "source", "store", "items",
                                               "discount"])
    web = pd.DataFrame(sim.web, columns=["us", "event", "device", "user_id", "utm", "product", "pid", "session"])
    email = pd.DataFrame(sim.email, columns=["us", "email", "campaign", "action", "pid"])

    def in_period(df: pd.DataFrame) -> pd.DataFrame:
        return df[(df["us"] >= clock.start_us) & (df["us"] < sim.end_us)]

    return Journeys(
        store=in_period(store).sort_values(["us", "store"], kind="stable").reset_index(drop=True),
        orders=in_period(orders).sort_values("us", kind="stable").reset_index(drop=True),
        web=in_period(web).sort_values("us", kind="stable").reset_index(drop=True),
        email=in_period(email).sort_values("us", kind="stable").reset_index(drop=True),
        leads=leads[["us", "pid", "lead_id"]].sort_values("us", kind="stable").reset_index(drop=True),
        campaigns=campaigns, utms=sim.utms,
    )


def _newsletter(sim: _Sim) -> dict[int, list[tuple[int, int]]]:
    """Opens and clicks of each campaign by the subscribers active when it went out."""
    aud, b, rng, r = sim.ids.audience, sim.b, sim.rng, sim.r
    triggers: dict[int, list[tuple[int, int]]] = {}
    devices: dict[int, list[str]] = {}
    eng = np.array(sim.engagement) * np.where(sim.digital, 1.0, 0.2)
    for ci, (day, send_us) in enumerate(zip(sim.campaigns["day"].tolist(), sim.campaigns["send_us"].tolist())):
        active = aud[(aud["optin_day"] <= day) & (aud["end_day"] > day) & (aud["status"] != "cleaned")]
        p_open = np.clip(b.email_open * eng[active["pid"].values], 0, 0.8)
        opened = active[rng.random(len(active)) < p_open]
        for pid, email in zip(opened["pid"].tolist(), opened["email"].tolist()):
            t_open = send_us + int(r.expovariate(1 / (6 * 3600)) * US)
            sim.email.append((t_open, email, ci, "open", pid))
            if r.random() < b.email_click:
                t_click = t_open + r.randrange(5, 600) * US
                sim.email.append((t_click, email, ci, "click", pid))
                devs = devices.setdefault(pid, [sim.device()])
                sim.session(pid, devs, t_click + US, "browse", utm=sim.utm_of_campaign[ci])
                if r.random() < b.click_intent:
                    when = sim.clock.day_at(t_click) + r.randrange(11)
                    triggers.setdefault(pid, []).append((when, sim.triggered(sim.near[pid])))
    return triggers


def _strangers(sim: _Sim) -> None:
    r = sim.r
    for _ in range(int(sim.sessions * sim.b.anonymous_sessions)):
        sim.session(-1, [sim.device()], sim.at(r.randrange(sim.clock.days), 0, 23.9),
                    "browse" if r.random() < 0.85 else "abandon")


def _calibrate(sim: _Sim, share: float) -> None:
    """Bring identified / all store revenue to `share`: anonymous walk-ins when it is above, more
    e-receipts (customers with an email who had not left it) when it is below."""
    pos = sum(order_total(o[6], o[7], "pos") for o in sim.orders if o[4] == "pos")
    identified = pos + sum(r[6] for r in sim.store_rows if r[4] or r[5])
    total = pos + sum(r[6] for r in sim.store_rows)
    rows = sim.store_rows
    order = list(range(len(rows)))
    sim.r.shuffle(order)
    for i in order:
        if identified >= share * total:
            break
        us, store, cassa, pid, card, email, amount = rows[i]
        if pid >= 0 and not card and not email and sim.own[pid]:
            rows[i] = (us, store, cassa, pid, card, sim.own[pid], amount)
            identified += amount
    missing = identified / share - total
    while missing > 0:
        missing -= sim.store_sale(-1, sim.r.randrange(sim.clock.days), sim.r.randrange(len(T.STORES)))


def _returns(sim: _Sim) -> None:
    for us, store, cassa, pid, card, email, amount in list(sim.store_rows):
        if sim.r.random() < sim.b.returns:
            day = sim.clock.day_at(us) + sim.r.randrange(1, 20)
            if day < sim.clock.days:
                sim.store_rows.append((sim.at(day, 9.5, 19.5, minute=True), store, cassa, pid, card, "", -amount))
