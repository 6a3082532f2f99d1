"""The import preview the GUI wizard and the CLI share: what the file is, what each column holds,
which kind and channel, how dates are ordered, what will be linked to what — before anything is
written. ``plan_import`` reads only a sample (the first rows), so it is fast on a 2 GB file; the
plan is immutable and the wizard edits it with ``with_mapping`` / ``with_kind`` / ``with_channel``.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import BadDataError, UsageError, Where
from app.core.fields import FIELDS, FIELDS_BY_NAME, Field, channel_id
from app.core.importing import automap
from app.core.importing.linking import RefLink, find_ref
from app.core.importing.postcodes import italian_postcodes
from app.core.importing.profile import ColumnProfile, profile_column
from app.core.importing.readers import RawRow, Table, file_sha256, read_table
from app.core.importing.registry import Format, all_formats_by_id, get_format, norm_header, preset_ids, recognise
from app.core import messages
from app.core.normalize import DateOrderGuess, infer_date_order
from app.core.workspace import Workspace

PREVIEW_ROWS = 20
SAMPLE_ROWS = 2000  # rows read for mapping, date orders and overlap (the preview is the first 20)
REGION_TZ = {"IT": "Europe/Rome", "SM": "Europe/San_Marino", "VA": "Europe/Vatican", "CH": "Europe/Zurich",
             "FR": "Europe/Paris", "DE": "Europe/Berlin", "AT": "Europe/Vienna", "ES": "Europe/Madrid",
             "PT": "Europe/Lisbon", "GB": "Europe/London", "IE": "Europe/Dublin", "NL": "Europe/Amsterdam",
             "BE": "Europe/Brussels", "US": "America/New_York", "AU": "Australia/Sydney"}
# GDPR minimisation (DOMAIN.md §5): not needed by Unico, dropped from the stored raw row
PRIVATE_HEADER = re.compile(r"^(.*\bip( address)?|optin ip|confirm ip|customer ip address|.*user agent|latitude|"
                            r"longitude|lat|lng|pan suffix|card last ?4|last 4 digits|.*\bnotes?|customer note)$")
GENERIC_CONSENT = ("consenso", "consenso marketing", "marketing", "privacy marketing", "marketing consent",
                   "consent", "consenso commerciale", "consenso comunicazioni", "privacy", "autorizzazione")


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    file_name: str
    size: int
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    headers: list[str]
    preview: list[dict[str, str]]
    format_id: str
    format_label: str
    kind: str
    channel: str
    source_name: str
    mapping: dict[str, str]
    confidence: dict[str, float]
    key_column: str | None
    ref_source: str | None
    date_orders: dict[str, DateOrderGuess]
    warnings: list[str]
    region: str = "IT"
    tz: str = "Europe/Rome"
    kind_evidence: str = ""
    ref: RefLink | None = None
    group_rows: bool = False  # events: consecutive rows with the same event id are one event
    group_amount: str = "first"
    event_id_unique: bool = True  # False: the id repeats (receipt numbers per till) and is combined with the row
    dropped_columns: list[str] = field(default_factory=list)
    sms_from_email_consent: bool = False  # one generic marketing consent column covers SMS too
    overrides: dict[str, str | None] = field(default_factory=dict)
    kind_choice: str | None = None  # the kind the user asked for (None: decided from the file)
    channel_chosen: bool = False  # the user set the channel (kept when the kind or mapping change)
    detected_format_id: str = "auto"  # the format recognised (or preset) before any kind change
    sample_rows: int = 0
    pad_caps: bool = False  # short postcodes are Italian CAPs that lost their zeros (importing/postcodes.py)
    # the sample the plan was made from, for re-planning without reading the file again
    _table: Table | None = field(default=None, repr=False, compare=False)
    _sample: list[RawRow] = field(default_factory=list, repr=False, compare=False)
    _profiles: dict[str, ColumnProfile] = field(default_factory=dict, repr=False, compare=False)
    _sha256: list[str] = field(default_factory=list, repr=False, compare=False)
    _base_warnings: tuple[str, ...] = field(default=(), repr=False, compare=False)

    # -- derived -----------------------------------------------------------------------------------
    @property
    def sha256(self) -> str:
        """SHA-256 of the file, computed on first use (a full read: not needed for the preview)."""
        if not self._sha256:
            self._sha256.append(file_sha256(self.path))
        return self._sha256[0]

    @property
    def format(self) -> Format | None:
        return all_formats_by_id().get(self.format_id)  # loads the formats (a fresh helper process has not)

    @property
    def unmapped_columns(self) -> list[str]:
        """Columns no field takes: kept in the raw rows (except the dropped private ones)."""
        used = set(self.mapping.values()) | set(self.dropped_columns)
        return [h for h in self.headers if h not in used and not h.startswith("_")]

    def problems(self) -> list[str]:
        """Why the plan cannot be imported as it is (empty when it can)."""
        identity = [f for f in self.mapping if FIELDS_BY_NAME[f].identity]
        if self.kind == "contacts" and not identity:
            columns = ", ".join(self.headers[:12]) + ("…" if len(self.headers) > 12 else "")
            return [messages.text("import.no_identity_column", columns=columns)]
        if self.kind == "events" and not any(f in self.mapping for f in ("occurred_at", "event_date")):
            return [messages.text("import.no_date_column")]
        return []

    # -- edits (the wizard) --------------------------------------------------------------------------
    def with_mapping(self, field_name: str, column: str | None) -> "ImportPlan":
        """Assign a field to a column (or unassign it with None); the column leaves any other field."""
        return _replan(self, overrides={**self.overrides, field_name: column})

    def with_channel(self, channel: str) -> "ImportPlan":
        return dataclasses.replace(self, channel=_channel(channel), channel_chosen=True)

    def with_kind(self, kind: str) -> "ImportPlan":
        if kind not in ("contacts", "events"):
            raise UsageError(f"unknown kind {kind!r}; use contacts or events")
        return _replan(dataclasses.replace(self, kind_choice=kind))

    def to_json(self) -> dict:
        return {
            "file_name": self.file_name, "path": str(self.path), "sha256": self.sha256, "size": self.size,
            "encoding": self.encoding, "delimiter": self.delimiter, "sheet": self.sheet,
            "headers": self.headers, "preview": self.preview,
            "format_id": self.format_id, "format_label": self.format_label,
            "kind": self.kind, "kind_evidence": self.kind_evidence, "channel": self.channel,
            "source_name": self.source_name, "mapping": self.mapping, "confidence": self.confidence,
            "unmapped_columns": self.unmapped_columns, "key_column": self.key_column,
            "ref_source": self.ref_source, "ref": self.ref.to_json() if self.ref else None,
            "date_orders": {c: {"order": g.order, "ambiguous": g.ambiguous, "evidence": g.evidence}
                            for c, g in self.date_orders.items()},
            "region": self.region, "pad_caps": self.pad_caps, "dropped_columns": self.dropped_columns,
            "warnings": self.warnings,
        }


def candidate_fields(kind: str) -> list[Field]:
    """The fields a column of a file of this kind may be assigned to (the wizard's combo boxes)."""
    if kind not in ("contacts", "events"):
        raise UsageError(f"unknown kind {kind!r}; use contacts or events")
    names = set(automap.field_names(kind))
    return [f for f in FIELDS if f.name in names]


def _channel(name: str) -> str:
    try:
        return channel_id(name)
    except ValueError as e:
        raise UsageError(str(e)) from None


def plan_import(path, *, ws: Workspace | None = None, source: str | None = None, preset: str = "auto",
                overrides: Mapping[str, str | None] | None = None, ref: str | None = None,
                channel: str | None = None, kind: str | None = None, region: str = "IT") -> ImportPlan:
    """Read the file's header and first rows and decide how to import it (nothing is written)."""
    if preset != "auto" and preset not in preset_ids():
        raise UsageError(f"unknown preset {preset!r}; use one of: {', '.join(preset_ids())}")
    if kind is not None and kind not in ("contacts", "events"):
        raise UsageError(f"unknown kind {kind!r}; use contacts or events")
    region = (region or "IT").upper()
    if len(region) != 2 or not region.isalpha():
        raise UsageError(f"--region {region!r}: use a two-letter country code such as IT")
    table = read_table(path)
    sample = _read_sample(table)
    good = [r for r in sample if r.problem is None]
    if not good:
        where = Where(table.name, sample[0].line if sample else None)
        if sample:
            raise BadDataError(messages.text("import.no_rows_readable", rows=len(sample), problem=sample[0].problem),
                               where)
        raise BadDataError(messages.text("import.no_data_rows"), where)
    fmt = get_format(preset) if preset != "auto" else recognise(table.headers)[0]
    base = list(table.warnings)
    bad = len(sample) - len(good)
    if bad:
        base.append(messages.text("import.broken_rows", bad=bad, rows=len(sample)))
    tz = REGION_TZ.get(region)
    if tz is None:
        base.append(messages.text("import.utc_assumed", region=region))
    headers = list(table.headers)
    if fmt and fmt.derive is not None:
        for row in good:
            fmt.derive(row.values)
        headers += [c for c in fmt.derived_columns if c not in headers]
    profiles = {h: profile_column(h, (r.values.get(h, "") for r in good), region, rows=len(good)) for h in headers}
    plan = ImportPlan(
        path=Path(path), file_name=table.name, size=table.size, encoding=table.encoding,
        delimiter=table.delimiter, sheet=table.sheet, headers=headers,
        preview=[dict(r.values) for r in good[:PREVIEW_ROWS]],
        format_id="auto", format_label="", kind="contacts", channel="other",
        source_name=source or _default_source_name(Path(path)),
        mapping={}, confidence={}, key_column=None, ref_source=ref, date_orders={}, warnings=[],
        region=region, tz=tz or "UTC", overrides=dict(overrides or {}), kind_choice=kind,
        detected_format_id=fmt.id if fmt else "auto", sample_rows=len(good),
        _table=table, _sample=good, _profiles=profiles, _base_warnings=tuple(base),
    )
    return _replan(plan, channel=channel, ws=ws)


def _default_source_name(path: Path) -> str:
    return path.stem


def _read_sample(table: Table) -> list[RawRow]:
    out: list[RawRow] = []
    for row in table.records():
        out.append(row)
        if len(out) >= SAMPLE_ROWS:
            break
    return out


def replan(plan: ImportPlan, ws: Workspace | None = None) -> ImportPlan:
    """The plan as ``plan_import`` would make it now, from the sample it already read: what may have
    changed meanwhile is the workspace (an events file's link to a contact source imported since)."""
    return _replan(plan, ws=ws)


def _replan(plan: ImportPlan, *, channel: str | None = None, overrides: dict[str, str | None] | None = None,
            ws: Workspace | None = None) -> ImportPlan:
    """Recompute everything that depends on the format, kind and overrides from the kept sample."""
    fmt = all_formats_by_id().get(plan.detected_format_id)
    overrides = plan.overrides if overrides is None else overrides
    notes: list[str] = []
    kind = plan.kind_choice
    if fmt and kind and kind != fmt.kind:
        notes.append(messages.text("import.format_holds_other_kind", format=fmt.label,
                                   kind=messages.text(f"kind.{fmt.kind}"), chosen=messages.text(f"kind.{kind}")))
        fmt = None
    headers, profiles = plan.headers, plan._profiles
    if fmt:
        kind = fmt.kind
        mapping = fmt.mapping(headers)
        confidence = {f: 1.0 for f in mapping}
        kind_evidence = f"known layout: {fmt.label}"
    elif kind:
        auto = automap.map_columns(headers, profiles, kind)
        mapping, confidence, kind_evidence = auto.mapping, auto.confidence, f"{kind}, as chosen"
    else:
        auto, _, _ = automap.decide_kind(headers, profiles)
        kind, mapping, confidence, kind_evidence = auto.kind, auto.mapping, auto.confidence, auto.kind_evidence
    mapping, confidence = _apply_overrides(mapping, confidence, overrides, headers, kind)
    plan = dataclasses.replace(
        plan, kind=kind, mapping=mapping, confidence=confidence, kind_evidence=kind_evidence,
        format_id=fmt.id if fmt else "auto", format_label=fmt.label if fmt else "Automatic mapping",
        overrides=dict(overrides),
    )
    key_column, group_rows, group_amount, id_unique, key_notes = _key(plan, fmt, profiles)
    notes += key_notes
    date_orders, date_notes = _date_orders(plan, profiles)
    notes += date_notes
    link = plan.ref  # a replan without a workspace keeps the link found by plan_import
    if kind != "events":
        link = None
    elif ws is not None:
        link = find_ref(ws, profiles, mapping, exclude_source=plan.source_name, named=plan.ref_source)
    if link:
        notes.append(messages.text("import.linked_through", column=link.column, share=link.overlap,
                                   source=link.source, target=link.target))
    sms_both = (kind == "contacts" and "email_consent" in mapping and "sms_consent" not in mapping and not fmt
                and norm_header(mapping["email_consent"]) in GENERIC_CONSENT)
    if sms_both:
        notes.append(messages.text("import.generic_consent", column=mapping["email_consent"]))
    if channel:
        channel_now = _channel(channel)
    elif plan.channel_chosen:
        channel_now = plan.channel
    else:
        channel_now = fmt.channel if fmt else _guess_channel(kind, mapping, link)
    dropped = [h for h in headers if PRIVATE_HEADER.match(norm_header(h)) and h not in mapping.values()]
    if dropped:
        notes.append(messages.text("import.private_dropped", columns=", ".join(dropped)))
    plan = dataclasses.replace(
        plan, key_column=key_column, group_rows=group_rows, group_amount=group_amount, event_id_unique=id_unique,
        date_orders=date_orders,
        ref=link, ref_source=link.source if link else None, sms_from_email_consent=sms_both,
        channel=channel_now, channel_chosen=plan.channel_chosen or bool(channel), dropped_columns=dropped,
        pad_caps=italian_postcodes(plan.region, mapping, plan._sample),
    )
    return dataclasses.replace(plan, warnings=[*plan._base_warnings, *notes, *plan.problems()])


def _apply_overrides(mapping: dict[str, str], confidence: dict[str, float], overrides: Mapping[str, str | None],
                     headers: list[str], kind: str) -> tuple[dict[str, str], dict[str, float]]:
    mapping, confidence = dict(mapping), dict(confidence)
    allowed = set(automap.field_names(kind))
    by_key = {norm_header(h): h for h in headers}
    for name, column in overrides.items():
        if name not in FIELDS_BY_NAME:
            raise UsageError(f"--map {name}=…: unknown field {name!r}; fields: {', '.join(sorted(allowed))}")
        if name not in allowed:
            raise UsageError(f"--map {name}=…: field {name!r} does not belong in a {kind} file")
        if column in (None, ""):
            mapping.pop(name, None)
            confidence.pop(name, None)
            continue
        real = column if column in headers else by_key.get(norm_header(column))
        if real is None:
            raise UsageError(f"--map {name}={column}: no column named {column!r}; columns: {', '.join(headers)}")
        for other in [f for f, c in mapping.items() if c == real]:
            del mapping[other]
            confidence.pop(other, None)
        mapping[name], confidence[name] = real, 1.0
    return mapping, confidence


def _key(plan: ImportPlan, fmt: Format | None, profiles: Mapping[str, ColumnProfile]
         ) -> tuple[str | None, bool, str, bool, list[str]]:
    """(key column, group rows?, group amount rule, event id unique?, notes)."""
    m = plan.mapping
    notes: list[str] = []
    if plan.kind == "events":
        col = m.get("event_id")
        if fmt:
            return col, fmt.group_rows, fmt.group_amount, True, notes
        if col and not profiles[col].unique and _repeats_consecutively(plan._sample, col):
            notes.append(messages.text("import.grouped_rows", column=col))
            return col, True, "sum", True, notes
        if col and not profiles[col].unique:
            notes.append(messages.text("import.repeating_event_id", column=col))
            return col, False, "first", False, notes
        return col, False, "first", True, notes
    if fmt:
        return fmt.key_column(m), False, "first", True, notes
    for name in ("customer_id", "loyalty_card", "codice_fiscale", "national_id"):
        col = m.get(name)
        if not col:
            continue
        p = profiles[col]
        repeats = p.filled - p.distinct
        # a key may be missing on some rows (they get a content key) and repeat on a stray duplicate
        # row (rejected), but a column that repeats a lot (a store code) keys nothing
        if p.fill_rate >= 0.5 and repeats <= max(1, p.filled // 100):
            return col, False, "first", True, notes
        notes.append(messages.text("import.key_not_used", column=col, field=name))
    notes.append(messages.text("import.no_key"))
    return None, False, "first", True, notes


def _repeats_consecutively(sample: list[RawRow], column: str) -> bool:
    prev = None
    for r in sample:
        v = r.values.get(column, "")
        if v and v == prev:
            return True
        prev = v
    return False


DATE_FIELD_TYPES = ("date", "datetime")
_DAY_MONTH = re.compile(r"^\s*\d{1,2}[-/.]\d{1,2}\b")


def _date_orders(plan: ImportPlan, profiles: Mapping[str, ColumnProfile]
                 ) -> tuple[dict[str, DateOrderGuess], list[str]]:
    orders: dict[str, DateOrderGuess] = {}
    notes: list[str] = []
    for name, col in plan.mapping.items():
        if FIELDS_BY_NAME[name].type not in DATE_FIELD_TYPES or col in orders:
            continue
        values = profiles[col].values if col in profiles else []
        if not values:
            continue
        guess = infer_date_order(values)
        orders[col] = guess
        if guess.ambiguous and any(_DAY_MONTH.match(v) for v in values):  # not for ISO or epoch columns
            notes.append(messages.text("import.date_order_ambiguous", column=col, evidence=guess.evidence,
                                       order=guess.order))
    return orders, notes


def _guess_channel(kind: str, mapping: Mapping[str, str], link: RefLink | None) -> str:
    if any(f in mapping for f in ("utm_source", "utm_medium", "utm_campaign", "visitor_id")):
        return "web"
    if any(f in mapping for f in ("store", "loyalty_card", "home_store")):
        return "store"
    if link is not None:
        return "store" if link.target == "n_loyalty" else "other"
    if kind == "contacts" and "email" in mapping and len(mapping) <= 4:
        return "email"
    return "other"

