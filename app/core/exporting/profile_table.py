"""`unico export profiles OUT.csv|OUT.xlsx`: one row per golden record, through the spreadsheet-safe writers.

Columns (a stable contract; ``PROFILE_COLUMNS`` documents each one):
identity and contacts, the address, consent per channel (state, legal basis, date, source), activity,
then purchases and revenue for each channel that has purchases in the workspace (``store_purchases``,
``store_revenue``, ``online_shop_…`` in ``fields.CHANNELS`` order), and the totals. Revenue is the
purchases' amounts minus refunds, in the shop's currency.

Unico's importer reads the file back as a contact file: the primary email and phone, names, address,
consent states and dates map onto their fields by header name.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import messages
from app.core.errors import UsageError
from app.core.exporting.writers import table_kind, write_rows
from app.core.fields import CHANNELS
from app.core.jobs import Progress
from app.core.workspace import Workspace

if TYPE_CHECKING:
    from app.core.profiles.bulk import ProfileExport

LIST_SEPARATOR = "; "

PROFILE_COLUMNS: dict[str, str] = {
    "profile_id": "Unico's profile id (`unico profile ID` shows where every value came from)",
    "display_name": "the name shown in Unico",
    "first_name": "first name (survivorship: source priority)",
    "last_name": "last name (survivorship: source priority)",
    "email": "primary email",
    "phone": "primary phone, E.164 (+39…)",
    "other_emails": "the profile's other emails, '; '-separated, most trusted first",
    "other_phones": "the profile's other phones, '; '-separated, most trusted first",
    "address": "street and number",
    "postcode": "postcode (CAP) as text",
    "city": "city",
    "province": "province (Italian two-letter sigla when Italian)",
    "country": "country (ISO-2)",
    "birth_date": "YYYY-MM-DD, or YYYY / --MM-DD when only that is known",
    "gender": "M / F",
    "tags": "tags from every source, '; '-separated",
    "sources": "the sources holding a record of this person, '; '-separated",
    "n_records": "number of source records merged into the profile",
    "email_consent": "merged email consent state: opt_in, opt_out, cleaned, suppressed, unknown",
    "email_basis": "legal basis for email marketing: consent, soft_spam (past buyer, email only) or none",
    "email_consent_date": "when the deciding email statement was made",
    "email_consent_source": "the source of the deciding email statement",
    "sms_consent": "merged SMS consent state",
    "sms_basis": "legal basis for SMS marketing: consent or none",
    "sms_consent_date": "when the deciding SMS statement was made",
    "sms_consent_source": "the source of the deciding SMS statement",
    "first_activity": "first dated activity (event or record)",
    "last_activity": "last dated activity",
    "<channel>_purchases": "purchases in that channel (one pair of columns per channel with purchases)",
    "<channel>_revenue": "purchase amounts minus refunds in that channel",
    "total_purchases": "purchases in every channel",
    "total_revenue": "revenue in every channel",
}


@dataclass
class ProfilesExportResult:
    path: Path
    rows: int
    columns: list[str]

    def to_json(self) -> dict:
        return {"path": str(self.path), "rows": self.rows, "columns": self.columns}


def purchase_channels(ws: Workspace) -> list[str]:
    """Channels with identified purchases or refunds, in ``fields.CHANNELS`` order."""
    found = {r[0] for r in ws.execute("SELECT DISTINCT channel FROM events WHERE type IN ('purchase', 'return') "
                                      "AND record_id IS NOT NULL")}
    return [c for c in CHANNELS if c in found] + sorted(found - set(CHANNELS))


def profile_headers(channels: list[str]) -> list[str]:
    fixed = [c for c in PROFILE_COLUMNS if not c.startswith("<") and not c.startswith("total_")]
    per_channel = [f"{c}_{what}" for c in channels for what in ("purchases", "revenue")]
    return [*fixed, *per_channel, "total_purchases", "total_revenue"]


def _joined(values: list[str]) -> str | None:
    return LIST_SEPARATOR.join(values) if values else None


def profile_row(p: ProfileExport, channels: list[str]) -> list[Any]:
    """One golden record as the cells of ``profile_headers(channels)``."""
    emails = [c.value for c in p.emails]
    phones = [c.value for c in p.phones]
    ec, sc = p.email_consent, p.sms_consent
    totals = [p.totals_by_channel.get(c, {}) for c in channels]
    purchases = [int(t.get("purchases", 0)) for t in totals]
    revenue = [round(float(t.get("revenue", 0.0)), 2) for t in totals]
    every = p.totals_by_channel.values()
    return [
        p.profile_id, p.display_name, p.first_name, p.last_name,
        emails[0] if emails else None, phones[0] if phones else None, _joined(emails[1:]), _joined(phones[1:]),
        p.address, p.postcode, p.city, p.province, p.country, p.birth_date, p.gender,
        _joined(p.tags), _joined(p.sources), p.n_records,
        ec.state, ec.basis, ec.at, ec.source, sc.state, sc.basis, sc.at, sc.source,
        p.first_activity, p.last_activity,
        *(x for pair in zip(purchases, revenue) for x in pair),
        sum(int(t.get("purchases", 0)) for t in every), round(sum(float(t.get("revenue", 0.0)) for t in every), 2),
    ]


def export_profiles(ws: Workspace, path: str | Path, *, progress: Progress | None = None) -> ProfilesExportResult:
    """Write every golden record to ``path`` (.csv or .xlsx, chosen by the extension)."""
    from app.core.profiles.bulk import iter_profile_exports

    table_kind(path)  # refuse a wrong extension or a missing folder before any work
    if not Path(path).parent.is_dir():
        raise UsageError(messages.text("export.no_such_folder", folder=Path(path).parent))
    progress = progress or Progress()
    channels = purchase_channels(ws)
    headers = profile_headers(channels)

    def rows() -> Iterator[list[Any]]:
        for p in iter_profile_exports(ws, progress=progress.sub(0.0, 0.98)):
            yield profile_row(p, channels)

    n = write_rows(path, headers, rows(), sheet="Profiles")
    progress.update(1.0, messages.text("progress.done"))
    return ProfilesExportResult(Path(path), n, headers)
