"""Survivorship settings: which rule picks each golden field, and the order sources are trusted in.

A source's *role* comes from its channel: the store's till / loyalty register, the online shop,
the newsletter, ads / lead forms, then anything else and web analytics. The default trust order
for names and addresses follows the roles (loyalty till > shop > newsletter > leads): the till
register is typed from the customer's card form, a lead form by a thumb on a phone. Within a role,
a contact file beats identities read off event rows (a customer register beats a billing name),
then the older source. The user may list sources in their own order (``source_priority``); the
sources they do not list follow, in the default order.

Settings live in the workspace (meta key ``profiles.survivorship``) as JSON.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from app.core.errors import UsageError
from app.core.workspace import Workspace

SETTINGS_KEY = "profiles.survivorship"
RULES = ("source_priority", "most_recent", "most_frequent", "most_complete")
ROLE_OF_CHANNEL = {"store": "loyalty", "online_shop": "shop", "email": "newsletter", "ads": "leads",
                   "other": "other", "web": "web"}
ROLE_ORDER = ("loyalty", "shop", "newsletter", "leads", "other", "web")
# Golden fields and their default rules. Names and the address are groups: one record gives all
# their parts, so a street is never paired with another record's town.
GROUPS = {"name": ("first_name", "last_name"), "address": ("address", "postcode", "city", "province", "country")}
DEFAULT_RULES = {
    "name": "source_priority", "address": "source_priority",
    "email": "most_recent", "phone": "most_recent",
    "birth_date": "most_complete", "gender": "most_frequent", "company": "source_priority",
}


@dataclass
class Survivorship:
    rules: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_RULES))
    source_priority: list[str] = field(default_factory=list)  # user's order; unlisted sources follow

    def to_json(self) -> dict:
        return {"rules": dict(self.rules), "source_priority": list(self.source_priority)}

    @classmethod
    def from_json(cls, data: dict) -> Survivorship:
        rules = dict(DEFAULT_RULES)
        for name, rule in (data.get("rules") or {}).items():
            _check(name, rule)
            rules[name] = rule
        return cls(rules, [str(s) for s in data.get("source_priority") or []])


def _check(name: str, rule: str) -> None:
    if name not in DEFAULT_RULES:
        raise UsageError(f"no golden field {name!r}; fields: {', '.join(DEFAULT_RULES)}")
    if rule not in RULES:
        raise UsageError(f"no survivorship rule {rule!r}; rules: {', '.join(RULES)}")


def get_survivorship(ws: Workspace) -> Survivorship:
    data = ws.get_json(SETTINGS_KEY)
    return Survivorship() if data is None else Survivorship.from_json(data)


def save_survivorship(ws: Workspace, settings: Survivorship) -> None:
    """Store the settings (golden records follow at the next refresh; see refresh.refresh_all)."""
    known = {r[0] for r in ws.query("SELECT name FROM sources")}
    unknown = [s for s in settings.source_priority if s not in known]
    if unknown:
        raise UsageError(f"no source named {', '.join(map(repr, unknown))}; see `unico sources`")
    for name, rule in settings.rules.items():
        _check(name, rule)
    ws.set_json(SETTINGS_KEY, settings.to_json())


def source_role(channel: str) -> str:
    return ROLE_OF_CHANNEL.get(channel, "other")


def source_ranks(ws: Workspace, settings: Survivorship | None = None) -> dict[str, int]:
    """Source name → rank (0 = most trusted) for every source of the workspace."""
    settings = settings or get_survivorship(ws)
    rows = ws.query("SELECT name, channel, kind, id FROM sources")
    default = sorted(rows, key=lambda r: (ROLE_ORDER.index(source_role(r[1])), r[2] != "contacts", r[3]))
    listed = [s for s in settings.source_priority if any(r[0] == s for r in rows)]
    order = listed + [r[0] for r in default if r[0] not in listed]
    return {name: i for i, name in enumerate(order)}
