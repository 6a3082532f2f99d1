"""Event files → events, and the identity records of the people on them.

Rules for an event row (or a grouped order):
- rejected: no readable date/time (the event cannot be placed on a journey); an amount cell that
  cannot be read as a number (a purchase without a trustworthy amount would skew every report).
- ``external_id``: the event id column (order / receipt / lead id); when that column repeats values
  in a file (receipt numbers restart on every till) the id plus a hash of the row; with no id column
  ``h:<sha1 of the raw row>`` (``#2``, ``#3``… for identical rows in the same file). An id already
  stored for the source is a duplicate and adds nothing (re-imports, overlapping exports).
- type: the format's rule (Shopify financial status, GA4 event_name…), else the event-type
  column's value, else ``purchase`` when there is an amount (``return`` when negative), ``other``.
- currency: the cell's sign or currency column; none at all in an Italian file → EUR (reported).
- person: the ref source's record when the ref column's value is one of its keys; else an identity
  record of this source keyed by the first of customer id, loyalty card, codice fiscale, email key,
  phone, name + postcode/city found on the row (``origin='event'``, first values seen win);
  else anonymous (``record_id`` NULL), never dropped. Suppressed people's events stay anonymous
  with their identity cells blanked in the stored row.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.core import messages
from app.core import normalize as nz
from app.core.fields import EVENT_TYPES
from app.core.importing.contacts import consent_lists, identity_fields, normalized_rows, raw_json
from app.core.importing.convert import CACHE_LIMIT, Column, Converter, Unit, to_json
from app.core.importing.linking import RefResolver
from app.core.importing.plan import ImportPlan
from app.core.importing.store_records import RecordRow

HASH_WINDOW = 1_000_000  # id-less rows remembered to number identical ones (#2, #3…)
EURO_REGIONS = frozenset("IT SM VA AT BE CY DE EE ES FI FR GR HR IE LT LU LV MT NL PT SI SK".split())
EVENT_COLUMNS = ("occurred_at", "event_date", "event_time", "event_id", "event_type", "amount", "currency",
                 "quantity", "store", "campaign", "utm_source", "utm_medium", "utm_campaign")
# words of an event-type column (auto-mapped files) → event types
TYPE_WORDS = {
    "vendita": "purchase", "acquisto": "purchase", "scontrino": "purchase", "sale": "purchase", "purchase": "purchase",
    "order": "purchase", "ordine": "purchase", "payment": "purchase", "pagamento": "purchase",
    "reso": "return", "rimborso": "return", "storno": "return", "refund": "return", "return": "return",
    "visita": "visit", "visit": "visit", "page_view": "visit", "carrello": "cart", "cart": "cart",
    "add_to_cart": "cart", "checkout": "checkout", "lead": "lead", "punti": "points", "points": "points",
    "open": "email_open", "apertura": "email_open", "click": "email_click", "clic": "email_click",
    "iscrizione": "subscribe", "subscribe": "subscribe", "disiscrizione": "unsubscribe", "unsubscribe": "unsubscribe",
}
EVENT_SQL = ("INSERT OR IGNORE INTO events (source_id, import_id, external_id, line, occurred_at, ts, channel, type, "
             "amount, currency, quantity, store, campaign, utm_source, utm_medium, utm_campaign, record_id, "
             "person_ref, details, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


@dataclass
class EventBatch:
    events: list[list] = field(default_factory=list)  # EVENT_SQL rows; record_id filled after identities
    person_keys: list[str | None] = field(default_factory=list)  # per event: identity key to resolve
    identities: list[RecordRow] = field(default_factory=list)
    rejects: list[tuple[int, str | None, str]] = field(default_factory=list)
    suppressed: int = 0
    assumed_eur: int = 0


class EventBuilder:
    def __init__(self, plan: ImportPlan, converter: Converter, source_id: int, import_id: int,
                 resolver: RefResolver | None, suppression):
        self.plan, self.converter = plan, converter
        self.fmt = plan.format
        self.source_id, self.import_id = source_id, import_id
        self.resolver, self.suppression = resolver, suppression
        self.identity = identity_fields(plan)
        self.identity_columns = frozenset(plan.mapping[f] for f in self.identity)
        self.dropped = frozenset(plan.dropped_columns)
        self.hashes: Counter[str] = Counter()
        self.detail_fields = [f for f in plan.mapping if f not in EVENT_COLUMNS and f not in self.identity]
        self._times: dict[tuple[str | None, str | None], datetime | None] = {}

    # -- pieces ------------------------------------------------------------------------------------
    def _time(self, cols: Mapping[str, Column], i: int) -> tuple[datetime | None, str | None, str]:
        """(aware datetime, column, reason when missing)."""
        at = cols.get("occurred_at")
        if at is not None and at.parsed[i] is not None:
            return at.parsed[i], at.column, ""
        day = cols.get("event_date")
        if day is not None and day.cleaned[i] is not None:
            clock = cols.get("event_time")
            t = clock.cleaned[i] if clock is not None else None
            key = (day.cleaned[i], t)
            if key not in self._times:
                if len(self._times) > CACHE_LIMIT:
                    self._times.clear()
                order = self.plan.date_orders[day.column].order if day.column in self.plan.date_orders else "dmy"
                self._times[key] = nz.combine_date_time(day.cleaned[i], t, order, self.plan.tz)
            when = self._times[key]
            if when is None:
                reason = (messages.text("reject.date_time_unreadable", date=day.cleaned[i], time=t) if t
                          else messages.text("reject.date_unreadable", date=day.cleaned[i]))
                return None, day.column, reason
            return when, day.column, ""
        col = at if at is not None else day
        if col is not None and col.cleaned[i] is not None:
            return None, col.column, messages.text("reject.datetime_unreadable", value=col.cleaned[i])
        return None, col.column if col else None, messages.text("reject.no_datetime")

    def _type(self, cols: Mapping[str, Column], i: int, unit: Unit, amount: float | None) -> str:
        kind = self.fmt.event_type(_Cells(cols, i), unit.values) if self.fmt is not None else None
        if kind is None and "event_type" in cols and cols["event_type"].cleaned[i]:
            word = cols["event_type"].cleaned[i].strip().lower()
            kind = word if word in EVENT_TYPES else TYPE_WORDS.get(word, "other")
        if kind is None:
            status = (cols["order_status"].cleaned[i] or "").lower() if "order_status" in cols else ""
            kind = "return" if status in ("refunded", "rimborsato", "reso") else (
                "purchase" if amount is not None else "other")
        if kind == "purchase" and amount is not None and amount < 0:
            kind = "return"
        return kind

    def _external_id(self, cols: Mapping[str, Column], i: int, raw: str) -> str:
        ev = cols.get("event_id")
        if ev is not None and ev.parsed[i]:
            if self.plan.event_id_unique:
                return str(ev.parsed[i])
            return f"{ev.parsed[i]}|{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:12]}"
        digest = "h:" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
        if len(self.hashes) > HASH_WINDOW:  # bounded memory on huge files: identical rows further
            self.hashes.clear()             # apart than this are taken for the duplicates they nearly always are
        self.hashes[digest] += 1
        n = self.hashes[digest]
        return digest if n == 1 else f"{digest}#{n}"

    @staticmethod
    def person_key(n: Sequence[str | None]) -> tuple[str, tuple[str, ...]] | None:
        """(identity record key, the fields whose cells pointed at the person) from a row of
        normalised values (N_COLUMNS order), or None."""
        for column, prefix, fields in _PERSON_KEYS:
            value = n[column]
            if value:
                return prefix + value, fields
        full, place = n[_N["n_full"]], n[_N["n_postcode"]] or n[_N["n_city"]]
        if full and place:
            return f"name:{full}|{place}", ("full_name", "first_name", "last_name")
        return None

    # -- a batch -----------------------------------------------------------------------------------
    def build(self, units: list[Unit]) -> EventBatch:
        plan = self.plan
        cols = self.converter.columns(units)
        n_units = len(units)
        out = EventBatch()
        refs: dict[str, int] = {}
        ref_col = plan.ref.column if plan.ref else None
        if self.resolver is not None:
            refs = self.resolver.lookup(u.values.get(ref_col, "") for u in units)
        identity_cols = {f: c for f, c in cols.items() if f in self.identity}
        nrows = normalized_rows(self.converter, identity_cols, n_units) \
            if identity_cols else [(None,) * len(nz.N_COLUMNS)] * n_units
        self.converter.fill_from_normalized(cols, nrows, units)
        consents = list(zip(*consent_lists(cols, n_units, False)))
        identity_shown = [(f, cols[f].shown) for f in self.identity]
        detail_shown = [(f, cols[f].shown) for f in self.detail_fields]
        none = [None] * n_units
        store, campaign, source, medium, utm_campaign = (
            cols[f].parsed if f in cols else none for f in ("store", "campaign", "utm_source", "utm_medium",
                                                             "utm_campaign"))
        quantities = cols["quantity"].shown if "quantity" in cols else none
        default_currency = "EUR" if plan.region in EURO_REGIONS else None
        i_email, i_phone, i_mobile = _N["n_email_key"], _N["n_phone"], _N["n_mobile"]
        for i, unit in enumerate(units):
            when, col, reason = self._time(cols, i)
            if when is None:
                out.rejects.append((i, col, reason))
                continue
            amount, currency = unit.amount if unit.amount is not None else (None, None)
            if unit.amount is None and "amount" in cols:
                a = cols["amount"]
                if a.unreadable(i):
                    out.rejects.append((i, a.column, messages.text("reject.amount_unreadable", value=a.cleaned[i])))
                    continue
                amount, currency = a.parsed[i] or (None, None)
            if "currency" in cols and cols["currency"].cleaned[i]:
                currency = cols["currency"].cleaned[i].upper()
            if amount is not None and currency is None and default_currency:
                currency = default_currency
                out.assumed_eur += 1
            n = nrows[i]
            suppressed = bool(self.suppression) and self.suppression.hit(n[i_email], (n[i_phone], n[i_mobile]))
            raw = raw_json(unit, self.dropped | self.identity_columns if suppressed else self.dropped)
            record_id = key = person_ref = None
            ref_value = (unit.values.get(ref_col) or "").strip().lstrip("'") if ref_col else ""
            if suppressed:
                out.suppressed += 1
            elif ref_value and ref_value in refs:
                record_id, person_ref = refs[ref_value], ref_value
            else:
                found = self.person_key(n)
                if found is not None:
                    key = found[0]
                    person_ref = " ".join(cols[f].cleaned[i] for f in found[1] if f in cols and cols[f].cleaned[i])
                    fields = {f: values[i] for f, values in identity_shown if values[i] is not None}
                    out.identities.append(RecordRow(key, unit.line, raw, to_json(fields), n, consents[i]))
            details = {f: values[i] for f, values in detail_shown if values[i] is not None}
            if unit.items:
                details["items"] = unit.items
            channel = (self.fmt.event_channel(unit.values) if self.fmt else None) or plan.channel
            out.events.append([
                self.source_id, self.import_id, self._external_id(cols, i, raw), unit.line,
                when.isoformat(), int(when.timestamp()), channel, self._type(cols, i, unit, amount),
                amount, currency, quantities[i], store[i], campaign[i], source[i], medium[i], utm_campaign[i],
                record_id, person_ref, to_json(details) if details else "{}", raw,
            ])
            out.person_keys.append(key)
        return out


_N = {c: i for i, c in enumerate(nz.N_COLUMNS)}
_PERSON_KEYS = (
    (_N["n_customer_id"], "id:", ("customer_id",)), (_N["n_loyalty"], "card:", ("loyalty_card",)),
    (_N["n_cf"], "cf:", ("codice_fiscale",)), (_N["n_email_key"], "email:", ("email",)),
    (_N["n_mobile"], "phone:", ("mobile",)), (_N["n_phone"], "phone:", ("phone",)),
)


class _Cells:
    """A row's cleaned cells by field name, for a format's event_type rule (no dict per row)."""

    __slots__ = ("cols", "i")

    def __init__(self, cols: Mapping[str, Column], i: int):
        self.cols, self.i = cols, i

    def get(self, name: str, default: object = None) -> object:
        c = self.cols.get(name)
        return default if c is None or c.cleaned[self.i] is None else c.cleaned[self.i]
