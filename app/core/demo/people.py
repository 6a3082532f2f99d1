"""The demo population: households of Italian people with addresses, phones, emails and channels.

Everything is drawn at once with numpy (a million people take a few seconds); per-row Python only
where a string has to be built. Days are integer offsets from the simulation start (negative =
before it). The frame this returns is the clean truth every file is a noisy view of.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from anyascii import anyascii

from app.core.demo import tables as T


@dataclass(frozen=True)
class Membership:
    """How likely a person is to appear in each channel. "Online" people browse and buy online;
    the others only shop in the stores (and a few signed up for the newsletter at the till)."""

    online_near: float = 0.8
    online_far: float = 0.85
    till_near: float = 0.72
    till_far: float = 0.06
    second_card: float = 0.04  # lost card, registered again: a duplicate inside the till registry
    shop_near: float = 0.65  # of online people: a Shopify account
    shop_far: float = 0.7
    second_account: float = 0.03  # a second Shopify account under another email
    newsletter_online: float = 0.5
    newsletter_offline: float = 0.15
    lead: float = 0.12  # of online people
    second_lead: float = 0.06


HOUSEHOLD_SIZES = (1, 2, 3, 4)
HOUSEHOLD_P = (0.52, 0.27, 0.14, 0.07)


def zipf_weights(n: int, s: float = 1.0) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


def ascii_key(s: str) -> str:
    """Lower-case ASCII letters only: how a name turns up inside an email address."""
    return re.sub(r"[^a-z]", "", anyascii(s).lower())


class SurnamePool:
    """Common surnames by rank plus a long tail of rare ones (stem + suffix)."""

    def __init__(self, rng: np.random.Generator, common_share: float = 0.14):
        tail = sorted({s + x for s in T.SURNAME_STEMS for x in T.SURNAME_SUFFIXES} - set(T.COMMON_SURNAMES))
        order = rng.permutation(len(tail))
        self.names = np.array(list(T.COMMON_SURNAMES) + [tail[i] for i in order], dtype=object)
        common = zipf_weights(len(T.COMMON_SURNAMES), 0.9) * common_share
        rare = zipf_weights(len(tail), 0.35) * (1 - common_share)
        self.p = np.concatenate([common, rare])

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return self.names[rng.choice(len(self.names), size=n, p=self.p)]


def draw_first_names(rng: np.random.Generator, gender: np.ndarray) -> np.ndarray:
    out = np.empty(len(gender), dtype=object)
    for g, names, compound in (("M", T.MALE_NAMES, T.COMPOUND_MALE), ("F", T.FEMALE_NAMES, T.COMPOUND_FEMALE)):
        idx = np.flatnonzero(gender == g)
        pool = np.array(names + compound, dtype=object)
        p = np.concatenate([zipf_weights(len(names), 0.8) * 0.96, np.full(len(compound), 0.04 / len(compound))])
        out[idx] = pool[rng.choice(len(pool), size=len(idx), p=p)]
    return out


def _pick(rng: np.random.Generator, options: tuple, n: int, weights=None) -> np.ndarray:
    arr = np.empty(len(options), dtype=object)
    arr[:] = list(options)
    p = None if weights is None else np.asarray(weights, float) / np.sum(weights)
    return arr[rng.choice(len(options), size=n, p=p)]


def _unique_digits(rng: np.random.Generator, prefixes: np.ndarray, width: np.ndarray,
                   taken: set[str] | None = None) -> np.ndarray:
    """prefix + random digits up to `width` total, unique across the result (and `taken`)."""
    taken = set() if taken is None else taken
    out = np.empty(len(prefixes), dtype=object)
    todo = np.arange(len(prefixes))
    while len(todo):
        rest = width[todo] - np.array([len(p) for p in prefixes[todo]])
        vals = (rng.random(len(todo)) * 10.0 ** rest).astype(np.int64)
        cand = [p + str(v).zfill(r) for p, v, r in zip(prefixes[todo], vals, rest)]
        again = []
        for i, c in zip(todo, cand):
            if c in taken:
                again.append(i)
            else:
                taken.add(c)
                out[i] = c
        todo = np.array(again, dtype=np.int64)
    return out


def _addresses(rng: np.random.Generator, city: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(city)
    street = _pick(rng, T.STREETS, n, zipf_weights(len(T.STREETS), 0.6))
    num = rng.integers(1, 160, size=n)
    suffix = _pick(rng, ("", "/A", "/B", " bis", "A"), n, (0.9, 0.04, 0.02, 0.02, 0.02))
    number = np.array([f"{a}{b}" for a, b in zip(num, suffix)], dtype=object)
    caps = np.empty(n, dtype=object)
    u = rng.random(n)
    for ci, c in enumerate(T.CITIES):
        idx = np.flatnonzero(city == ci)
        caps[idx] = np.array(c.caps, dtype=object)[(u[idx] * len(c.caps)).astype(int)]
    return street, number, caps


def make_people(n: int, rng: np.random.Generator, *, near_share: float, days: int,
                membership: Membership = Membership()) -> pd.DataFrame:
    """n people in households; see the module docstring for what the columns mean."""
    # households: drawn until they hold n people, the last one cut to fit
    mean = float(np.dot(HOUSEHOLD_SIZES, HOUSEHOLD_P))
    sizes = rng.choice(HOUSEHOLD_SIZES, size=int(n / mean * 1.1) + 10, p=HOUSEHOLD_P)
    while sizes.sum() < n:
        sizes = np.concatenate([sizes, rng.choice(HOUSEHOLD_SIZES, size=100, p=HOUSEHOLD_P)])
    hh = np.repeat(np.arange(len(sizes)), sizes)[:n]
    n_hh = int(hh[-1]) + 1 if n else 0
    starts = np.concatenate([[0], np.cumsum(sizes)])[:n_hh]
    role = np.arange(n) - starts[hh]
    hh_size = np.bincount(hh, minlength=n_hh)

    near_h = rng.random(n_hh) < near_share
    near_w = np.array([c.weight for c in T.NEAR_CITIES])
    far_w = np.array([c.weight for c in T.FAR_CITIES])
    city_h = np.where(near_h, rng.choice(len(T.NEAR_CITIES), size=n_hh, p=near_w / near_w.sum()),
                      len(T.NEAR_CITIES) + rng.choice(len(T.FAR_CITIES), size=n_hh, p=far_w / far_w.sum()))
    street_h, number_h, cap_h = _addresses(rng, city_h)
    # a few households moved: the old address lives on in sources that registered them earlier
    moved_h = rng.random(n_hh) < 0.06
    old_street_h, old_number_h, old_cap_h = _addresses(rng, city_h)
    move_day_h = np.where(moved_h, rng.integers(-365, max(days - 30, 1), size=n_hh), 10**6)
    prefixes = np.array([T.CITIES[c].prefix for c in city_h], dtype=object)
    landline_h = _unique_digits(rng, prefixes, np.full(n_hh, 10))
    landline_h[rng.random(n_hh) >= 0.45] = ""
    surnames = SurnamePool(rng)
    surname_h = surnames.draw(rng, n_hh)

    # people: head, partner (other gender, own surname), adult children with the family surname
    head_m = rng.random(n_hh) < 0.5
    gender = np.where(role == 0, np.where(head_m[hh], "M", "F"),
                      np.where(role == 1, np.where(head_m[hh], "F", "M"),
                               np.where(rng.random(n) < 0.5, "M", "F"))).astype(object)
    is_adult_couple = (role <= 1) & (hh_size[hh] >= 2)
    last = surname_h[hh].copy()
    wife = is_adult_couple & (gender == "F")
    last[wife] = surnames.draw(rng, int(wife.sum()))
    alt_last = np.full(n, "", dtype=object)
    alt_last[wife] = surname_h[hh][wife]  # her husband's surname, used by some sources
    head_year = rng.integers(1942, 1993, size=n_hh)
    year = np.where(role == 0, head_year[hh],
                    np.where(role == 1, np.clip(head_year[hh] + rng.integers(-6, 7, size=n), 1940, 1995),
                             rng.integers(1996, 2007, size=n)))
    birth = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]") + rng.integers(0, 365, size=n)
    first = draw_first_names(rng, gender)
    _plant_homonyms(rng, first, last, gender, city_h[hh])

    near = near_h[hh]
    df = pd.DataFrame({
        "person_id": [f"P{i + 1:07d}" for i in range(n)],
        "hh": hh, "role": role, "hh_size": hh_size[hh], "gender": gender, "first": first, "last": last,
        "alt_last": alt_last, "birth": birth, "near": near, "city": city_h[hh],
        "store": np.array([T.CITIES[c].store for c in city_h], dtype=int)[hh],
        "street": street_h[hh], "number": number_h[hh], "cap": cap_h[hh],
        "moved": moved_h[hh], "old_street": old_street_h[hh], "old_number": old_number_h[hh],
        "old_cap": old_cap_h[hh], "move_day": move_day_h[hh], "landline": landline_h[hh],
    })
    taken = _contacts(df, rng)
    fam = (hh_size >= 2) & (rng.random(n_hh) < 0.18)
    fam_email = np.full(n_hh, "", dtype=object)
    fam_email[fam] = _family_inboxes(rng, surname_h[fam], taken)
    df["family_email"] = fam_email[hh]
    # the family inbox replaces a personal address for some members (they give it everywhere)
    uses_family = (df["family_email"] != "") & (rng.random(n) < 0.5)
    df.loc[uses_family, "email"] = df.loc[uses_family, "family_email"]
    df["engagement"] = rng.lognormal(mean=-0.18, sigma=0.6, size=n)
    _memberships(df, rng, membership, days)
    return df


def _plant_homonyms(rng, first, last, gender, city) -> None:
    """Copy full names onto other people of the same gender: in the same town (a few, with other
    birth dates) and in other towns; common names make many more homonyms by themselves."""
    n = len(first)
    if n < 2:
        return
    g = (gender == "F").astype(np.int64)
    for share, key in ((0.006, g * len(T.CITIES) + city), (0.008, g)):
        order = np.argsort(key, kind="stable")
        sizes = np.bincount(key, minlength=int(key.max()) + 1)
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        targets = np.flatnonzero(rng.random(n) < share)
        src = order[starts[key[targets]] + (rng.random(len(targets)) * sizes[key[targets]]).astype(np.int64)]
        keep = src != targets
        first[targets[keep]], last[targets[keep]] = first[src[keep]], last[src[keep]]


def _email_locals(rng, first: np.ndarray, last: np.ndarray, birth: np.ndarray) -> list[str]:
    keys = {v: ascii_key(v) for v in set(first) | set(last)}
    yy = (birth.astype("datetime64[Y]").astype(int) + 1970) % 100
    yyyy = birth.astype("datetime64[Y]").astype(int) + 1970
    pattern = rng.choice(9, size=len(first), p=(0.16, 0.2, 0.14, 0.1, 0.12, 0.05, 0.06, 0.05, 0.12))
    words = rng.choice(len(T.EMAIL_WORDS), size=len(first))
    nums = rng.integers(1, 99, size=len(first))
    out = []
    for f, l, a, b, p, w, k in zip(first, last, yy, yyyy, pattern, words, nums):
        fk, lk = keys[f], keys[l]
        out.append((f"{fk}.{lk}{a:02d}", f"{fk}.{lk}", f"{fk[0]}{lk}", f"{fk[0]}.{lk}", f"{fk}{lk}",
                    f"{fk}_{lk}{b}", f"{lk}.{fk}", f"{fk}{a:02d}", f"{T.EMAIL_WORDS[w]}{k}")[p])
    return out


def mailbox(email: str) -> str:
    """The mailbox an address reaches: Gmail ignores dots, so two people never differ by dots only."""
    email = email.lower()
    if "@gmail.com" not in email and "@googlemail.com" not in email:
        return email
    local, _, dom = email.partition("@")
    return f"{local.replace('.', '')}@{dom}"


def _unique_emails(rng, locals_: list[str], domains: np.ndarray, taken: set[str]) -> np.ndarray:
    """Addresses unique by mailbox against `taken` (a set of mailbox() keys, updated)."""
    out = np.array([f"{a}@{d}" for a, d in zip(locals_, domains)], dtype=object)
    for i, e in enumerate(out):
        while mailbox(e) in taken:  # a second Mario Rossi: mario.rossi7@… as real mailboxes do
            local, dom = e.split("@")
            e = f"{local}{rng.integers(1, 99)}@{dom}"
        taken.add(mailbox(e))
        out[i] = e
    return out


def personal_emails(rng, people: pd.DataFrame, mask: np.ndarray, taken: set[str]) -> np.ndarray:
    """New personal addresses for the people in `mask`, unique against `taken` (updated)."""
    doms, dw = zip(*T.EMAIL_DOMAINS)
    locals_ = _email_locals(rng, people["first"].values[mask], people["last"].values[mask],
                            people["birth"].values[mask])
    return _unique_emails(rng, locals_, _pick(rng, doms, len(locals_), dw), taken)


def taken_mailboxes(people: pd.DataFrame) -> set[str]:
    return {mailbox(e) for col in ("email", "email2", "family_email") for e in people[col] if e}


def _contacts(df: pd.DataFrame, rng) -> set[str]:
    """Mobiles and personal addresses; returns the mailboxes taken."""
    n = len(df)
    mob_prefix = _pick(rng, T.MOBILE_PREFIXES, n)
    mobile = _unique_digits(rng, mob_prefix, np.full(n, 10))
    mobile[rng.random(n) >= 0.9] = ""
    df["mobile"] = mobile
    taken: set[str] = set()
    email = personal_emails(rng, df, np.ones(n, bool), taken)
    email[rng.random(n) >= 0.86] = ""
    df["email"] = email
    # a second address (an old provider, work): some sources know only this one
    second = rng.random(n) < 0.12
    email2 = np.full(n, "", dtype=object)
    email2[second] = personal_emails(rng, df, second, taken)
    df["email2"] = email2
    return taken


def _family_inboxes(rng, surnames: np.ndarray, taken: set[str]) -> np.ndarray:
    doms = _pick(rng, ("libero.it", "gmail.com", "alice.it", "virgilio.it", "tiscali.it"), len(surnames))
    form = rng.random(len(surnames))
    locals_ = [f"famiglia.{ascii_key(s)}" if u < 0.7 else f"{ascii_key(s)}family" for s, u in zip(surnames, form)]
    return _unique_emails(rng, locals_, doms, taken)


def _memberships(df: pd.DataFrame, rng, m: Membership, days: int) -> None:
    n = len(df)
    near = df["near"].values
    u = rng.random((7, n))
    online = u[6] < np.where(near, m.online_near, m.online_far)
    df["digital"] = online
    df["in_till"] = u[0] < np.where(near, m.till_near, m.till_far)
    df["n_cards"] = np.where(df["in_till"], 1 + (u[1] < m.second_card), 0)
    df["in_shop"] = online & (u[2] < np.where(near, m.shop_near, m.shop_far))
    df["n_accounts"] = np.where(df["in_shop"], 1 + (rng.random(n) < m.second_account), 0)
    df["in_mc"] = u[3] < np.where(online, m.newsletter_online, m.newsletter_offline)
    df["in_lead"] = online & (u[4] < m.lead)
    df["n_leads"] = np.where(df["in_lead"], 1 + (u[5] < m.second_lead), 0)
    df["consent"] = rng.random(n) < 0.6
    # when each relationship started (days from the start; most before the simulated year)
    df["card_day"] = rng.integers(-3650, days - 20, size=n)
    card2 = np.minimum(df["card_day"].values + rng.integers(60, 900, size=n), days - 2)
    df["card2_day"] = np.maximum(card2, df["card_day"].values + 1)
    df["account_day"] = rng.integers(-1500, days - 20, size=n)
    df["optin_day"] = rng.integers(-1500, days - 30, size=n)
    status = rng.choice(3, size=n, p=(0.8, 0.13, 0.07))
    df["mc_status"] = np.array(["subscribed", "unsubscribed", "cleaned"], dtype=object)[status]
    end = np.minimum(df["optin_day"].values + rng.integers(30, 700, size=n), days - 1)
    df["mc_end_day"] = np.where(status > 0, end, 10**6)
    df["lead_day"] = rng.integers(0, days, size=n)
    df["lead2_day"] = rng.integers(0, days, size=n)
