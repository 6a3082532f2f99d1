"""Who is known to which channel, under which key: loyalty cards, Shopify accounts, the Mailchimp
audience and Meta leads. One row per record-to-be; the key is the value Unico uses as
`source_record_id` (card code, Customer ID without Shopify's `'`, email address, lead id)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from app.core.demo import tables as T
from app.core.demo.people import personal_emails, taken_mailboxes


@dataclass
class Identities:
    cards: pd.DataFrame  # pid, code, day, store (name), second
    accounts: pd.DataFrame  # pid, customer_id, email, day, second
    audience: pd.DataFrame  # pid, email, status, optin_day, end_day, leid, euid
    leads: pd.DataFrame  # pid, lead_id, day, sec, campaign

    def rows(self) -> int:
        return len(self.cards) + len(self.accounts) + len(self.audience) + len(self.leads)


def ean13(base12: str) -> str:
    digits = [int(c) for c in base12]
    check = (10 - (sum(digits[0::2]) + 3 * sum(digits[1::2])) % 10) % 10
    return base12 + str(check)


def unique_ints(rng: np.random.Generator, n: int, low: int, high: int) -> np.ndarray:
    out = np.unique(rng.integers(low, high, size=int(n * 1.05) + 16))
    while len(out) < n:
        out = np.unique(np.concatenate([out, rng.integers(low, high, size=n)]))
    return rng.permutation(out)[:n]


def repeated(ids: np.ndarray) -> np.ndarray:
    """True where a sorted id repeats the one before it (a person's second card, account, lead)."""
    return np.concatenate([[False], ids[1:] == ids[:-1]]) if len(ids) else np.zeros(0, bool)


def own_email(people: pd.DataFrame) -> np.ndarray:
    """The address a person gives for themselves alone: never the family inbox."""
    e = people["email"].values
    return np.where(e == people["family_email"].values, people["email2"].values, e)


def ensure_emails(people: pd.DataFrame, rng: np.random.Generator, need: np.ndarray) -> None:
    """People who must have an own address (a Shopify account needs one) get a new one."""
    own = own_email(people)
    missing = need & (own == "")
    if not missing.any():
        return
    new = personal_emails(rng, people, missing, taken_mailboxes(people))
    fam = missing & (people["email"].values != "")  # they used the family inbox: the new one is email2
    col_email2 = people["email2"].values.copy()
    col_email = people["email"].values.copy()
    col_email2[fam] = new[fam[missing]]
    col_email[missing & ~fam] = new[~fam[missing]]
    people["email"], people["email2"] = col_email, col_email2


def assign(people: pd.DataFrame, rng: np.random.Generator, days: int) -> Identities:
    ensure_emails(people, rng, people["in_shop"].values)
    own = own_email(people)
    n = len(people)
    pid = np.arange(n)

    # loyalty cards: EAN-13 in-store numbers (prefix 2), a second card for some
    n_cards = people["n_cards"].values
    c_pid = np.repeat(pid, n_cards)
    second = repeated(c_pid)
    codes = [ean13(f"29{v:010d}") for v in unique_ints(rng, len(c_pid), 10**8, 10**10)]
    store = people["store"].values[c_pid]
    store = np.where(store >= 0, store, rng.integers(len(T.STORES), size=len(c_pid)))
    cards = pd.DataFrame({
        "pid": c_pid, "code": codes,
        "day": np.where(second, people["card2_day"].values[c_pid], people["card_day"].values[c_pid]),
        "store": [T.STORES[s].name for s in store], "second": second,
    })

    # Shopify accounts: ids grow with time as Shopify's do; the second account uses email2
    n_acc = people["n_accounts"].values
    a_pid = np.repeat(pid, n_acc)
    a_second = repeated(a_pid)
    need2 = np.zeros(n, bool)
    need2[a_pid[a_second]] = True
    _ensure_second(people, rng, need2)
    a_day = people["account_day"].values[a_pid] + np.where(a_second, rng.integers(30, 400, len(a_pid)), 0)
    a_day = np.minimum(a_day, days - 1)
    order = np.argsort(a_day, kind="stable")
    ids = np.sort(unique_ints(rng, len(a_pid), 7_200_000_000_000, 7_300_000_000_000))
    cust = np.empty(len(a_pid), dtype=np.int64)
    cust[order] = ids
    own = own_email(people)
    accounts = pd.DataFrame({
        "pid": a_pid, "customer_id": cust.astype(str),
        "email": np.where(a_second, people["email2"].values[a_pid], own[a_pid]),
        "day": a_day, "second": a_second,
    })

    # the newsletter audience: one row per address (case-insensitive), some under email2 or the
    # family inbox; a cleaned address is often an old or mistyped one that bounced
    m = people["in_mc"].to_numpy(copy=True)
    use2 = (people["email2"].values != "") & (rng.random(n) < 0.2)
    addr = np.where(use2, people["email2"].values, people["email"].values)
    addr = np.where(addr == "", own, addr)
    m &= addr != ""
    aud = pd.DataFrame({"pid": pid[m], "email": addr[m], "status": people["mc_status"].values[m],
                        "optin_day": people["optin_day"].values[m], "end_day": people["mc_end_day"].values[m]})
    bounce = (aud["status"].values == "cleaned") & (rng.random(len(aud)) < 0.5)
    aud.loc[bounce, "email"] = [_bounced(e) for e in aud.loc[bounce, "email"]]
    aud = aud[~aud["email"].str.lower().duplicated()].reset_index(drop=True)
    aud["leid"] = unique_ints(rng, len(aud), 10**8, 10**9).astype(str)
    aud["euid"] = [f"{v:010x}" for v in unique_ints(rng, len(aud), 16**9, 16**10)]

    # Meta leads: one or two form submissions
    n_leads = people["n_leads"].values
    l_pid = np.repeat(pid, n_leads)
    l_second = repeated(l_pid)
    leads = pd.DataFrame({
        "pid": l_pid, "lead_id": [f"l:{v}" for v in unique_ints(rng, len(l_pid), 10**15, 10**16)],
        "day": np.where(l_second, people["lead2_day"].values[l_pid], people["lead_day"].values[l_pid]),
        "sec": rng.integers(7 * 3600, 24 * 3600, size=len(l_pid)),  # local time of day
        "campaign": rng.integers(len(T.LEAD_CAMPAIGNS), size=len(l_pid)),
    })
    return Identities(cards, accounts, aud, leads)


def _ensure_second(people: pd.DataFrame, rng: np.random.Generator, need: np.ndarray) -> None:
    missing = need & (people["email2"].values == "")
    if not missing.any():
        return
    new = personal_emails(rng, people, missing, taken_mailboxes(people))
    col = people["email2"].values.copy()
    col[missing] = new
    people["email2"] = col


def _bounced(email: str) -> str:
    local, _, dom = email.partition("@")
    return f"{local}@{T.EMAIL_DOMAIN_TYPOS.get(dom, 'tin.it')}"
