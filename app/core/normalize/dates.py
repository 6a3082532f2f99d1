"""Dates, times and datetimes in the forms channel exports use; day/month order decided per column."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from app.core import messages

ORDERS = ("dmy", "mdy", "ymd", "iso")
_EXCEL_EPOCH = datetime(1899, 12, 30)  # Excel's day 0, accounting for its fictitious 29 Feb 1900
_EXCEL_RANGE = (10000, 73050)  # 1927-05-18 … 2099-12-31: smaller numbers are more likely years or counts
_YEAR_RANGE = (1850, 2150)

MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "gennaio gen january jan", "febbraio feb february", "marzo mar march", "aprile apr april",
    "maggio mag may", "giugno giu june jun", "luglio lug july jul", "agosto ago august aug",
    "settembre set sett september sep sept", "ottobre ott october oct", "novembre nov november",
    "dicembre dic december dec",
), start=1):
    for _name in _names.split():
        MONTHS[_name] = _number
_WEEKDAYS = frozenset(
    "lunedi lunedì martedi martedì mercoledi mercoledì giovedi giovedì venerdi venerdì sabato domenica "
    "lun mar mer gio ven sab dom monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun".split()
) - set(MONTHS)


# Words around a written date that carry no part of it (`7th of October`, `7 ottobre 2025 ore 10:30`).
_FILLERS = frozenset({"th", "st", "nd", "rd", "de", "di", "del", "of", "ore", "alle", "at", "h"})


@dataclass(frozen=True)
class PartialDate:
    """A date known only in part: a year (`1981`), a month and day (Mailchimp birthdays `--10-07`), or year and month."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.year is not None and self.month is not None and self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.year is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.year is not None:
            return f"{self.year:04d}"
        return f"--{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class DateOrderGuess:
    """How a column writes its dates, and why we think so (shown to the user, never guessed silently)."""

    order: str
    ambiguous: bool
    evidence: str
    sample_size: int


_NUMERIC = re.compile(r"(\d{1,4})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{1,2}))?(?=$|[\sT,])")
_PARTIAL_ISO = re.compile(r"--(\d{2})-?(\d{2})")
_WORDS = re.compile(r"[^\W\d_]+|\d+")


def _two_digit_year(yy: int, birth: bool, today: date) -> int:
    if birth:  # always 1900s unless that would make the person older than 100
        return 1900 + yy if today.year - (1900 + yy) <= 100 else 2000 + yy
    return 2000 + yy if yy <= today.year % 100 else 1900 + yy


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _excel_day(serial: float) -> date | None:
    if not _EXCEL_RANGE[0] <= serial <= _EXCEL_RANGE[1]:
        return None
    return (_EXCEL_EPOCH + timedelta(days=int(serial))).date()


def _numeric(m: re.Match[str], order: str, birth: bool) -> date | PartialDate | None:
    a, b, c = m.group(1), m.group(2), m.group(3)
    if len(a) == 4:  # year first: ISO-like whatever the column order
        if c is None:
            return PartialDate(int(a), int(b)) if 1 <= int(b) <= 12 else None
        return _make(int(a), int(b), int(c))
    if len(a) == 3 or (c is not None and len(c) == 1):
        return None
    if c is None:
        if m.group(0)[len(a)] == ".":  # `1.5` is a number, not a day and month
            return None
        month, day = (int(a), int(b)) if order == "mdy" else (int(b), int(a))
        return PartialDate(month=month, day=day) if _make(2000, month, day) else None
    year = int(c) if len(c) == 4 else _two_digit_year(int(c), birth, date.today())
    day, month = (int(b), int(a)) if order == "mdy" else (int(a), int(b))
    return _make(year, month, day)


def _digits(text: str, order: str) -> date | PartialDate | None:
    if len(text) == 4:
        year = int(text)
        return PartialDate(year) if _YEAR_RANGE[0] <= year <= _YEAR_RANGE[1] else None
    if len(text) == 8:  # YYYYMMDD (FEBRL, GA4 event_date), else DDMMYYYY / MMDDYYYY
        found = _make(int(text[:4]), int(text[4:6]), int(text[6:])) if _YEAR_RANGE[0] <= int(text[:4]) else None
        if found:
            return found
        first, second = int(text[:2]), int(text[2:4])
        day, month = (second, first) if order == "mdy" else (first, second)
        return _make(int(text[4:]), month, day)
    if len(text) == 5:
        return _excel_day(int(text))
    return None


def _with_month_name(text: str, birth: bool) -> date | PartialDate | None:
    words = [w for w in _WORDS.findall(text.lower()) if w not in _WEEKDAYS and w not in _FILLERS]
    months = [w for w in words if w in MONTHS]
    if len(months) != 1:
        return None
    numbers = [w for w in words if w.isdigit()]
    if len(numbers) + 1 != len(words) or not 1 <= len(numbers) <= 2:
        return None
    month = MONTHS[months[0]]
    day_text = next((n for n in numbers if len(n) <= 2), None)
    year_text = next((n for n in numbers if n is not day_text), None)
    if day_text is None:
        return PartialDate(int(year_text), month) if year_text and len(year_text) == 4 else None
    if year_text is None:
        return PartialDate(month=month, day=int(day_text)) if _make(2000, month, int(day_text)) else None
    year = int(year_text) if len(year_text) == 4 else _two_digit_year(int(year_text), birth, date.today())
    return _make(year, month, int(day_text))


@lru_cache(maxsize=1 << 16)
def _parse_date_text(text: str, order: str, birth: bool) -> date | PartialDate | None:
    if m := _PARTIAL_ISO.fullmatch(text):
        month, day = int(m.group(1)), int(m.group(2))
        return PartialDate(month=month, day=day) if _make(2000, month, day) else None
    if text.isdigit():
        return _digits(text, order)
    if re.fullmatch(r"\d{5}\.\d+", text):
        return _excel_day(float(text))
    if m := _NUMERIC.match(text):
        return _numeric(m, order, birth)
    return _with_month_name(text, birth)


def parse_date(s: str | date | PartialDate | None, order: str = "dmy", *, birth: bool = False) -> date | PartialDate | None:
    """A date (or a PartialDate when only part is known) from ISO, `dd/mm/yyyy`, `dd.mm.yy`, `YYYYMMDD`,
    Excel serials, month names (`7 ottobre 2025`, `Oct 7, 2025`), `MM/DD` birthdays and a year alone.

    `order` is the column's day/month order (see `infer_date_order`); a value impossible in that order is
    None, never silently flipped. Two-digit years: up to this year's last two digits → 2000s, else 1900s;
    with `birth=True` always 1900s unless that would make the person older than 100.
    """
    if s is None or s != s:  # pandas NaT is a datetime unequal to itself
        return None
    if isinstance(s, datetime):
        return s.date()
    if isinstance(s, (date, PartialDate)):
        return s
    text = str(s).strip()
    return _parse_date_text(text, order, birth) if text else None


def infer_date_order(values: Iterable[str]) -> DateOrderGuess:
    """Decide a column's day/month order from its values: a first part > 12 means dmy, a second part > 12 mdy."""
    dmy = mdy = iso = ambiguous = other = 0
    dmy_example = mdy_example = ""
    for value in values:
        if value is None:
            continue
        text = str(value).strip()
        if not text:
            continue
        m = _NUMERIC.match(text)
        if not m:
            other += 1
            continue
        if len(m.group(1)) == 4:
            iso += 1
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if 12 < a <= 31 and b <= 12:
            dmy += 1
            dmy_example = dmy_example or text
        elif 12 < b <= 31 and a <= 12:
            mdy += 1
            mdy_example = mdy_example or text
        elif a <= 12 and b <= 12:
            ambiguous += 1
        else:
            other += 1
    total = dmy + mdy + iso + ambiguous + other
    if dmy and mdy:
        order = "dmy" if dmy >= mdy else "mdy"
        return DateOrderGuess(order, True, messages.text("dates.conflicting", dmy=dmy, dmy_example=dmy_example,
                                                         mdy=mdy, mdy_example=mdy_example, order=order), total)
    if dmy:
        return DateOrderGuess("dmy", False, messages.text("dates.day_first", count=dmy, total=total,
                                                          example=dmy_example), total)
    if mdy:
        return DateOrderGuess("mdy", False, messages.text("dates.month_first", count=mdy, total=total,
                                                          example=mdy_example), total)
    if iso and not ambiguous:
        return DateOrderGuess("iso", False, messages.text("dates.year_first", count=iso, total=total), total)
    if ambiguous:
        return DateOrderGuess("dmy", True, messages.text("dates.either_way", count=ambiguous), total)
    return DateOrderGuess("dmy", True, messages.text("dates.not_numeric", total=total), total)


_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,6})\d*)?)?(?:\s*([AaPp])\.?\s*[Mm]\.?)?")


def parse_time(s: str | time | None) -> time | None:
    """`09:50`, `9.50`, `09:50:26`, `14:05:00.123`, `2:30:00 PM`; None for anything else."""
    if s is None:
        return None
    if isinstance(s, time):
        return s
    m = _TIME.fullmatch(str(s).strip())
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    second = int(m.group(3) or 0)
    micro = int((m.group(4) or "0").ljust(6, "0"))
    if m.group(5):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m.group(5).lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second, micro)


_OFFSET = re.compile(r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})$", re.IGNORECASE)
_ENDS_WITH_TIME = re.compile(r"\d[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?$")
_SPLIT = re.compile(r"^(.*?\d)(?:,?\s+(?:(?:ore|alle|at|h)\s+)?|T)(\d{1,2}[:.]\d{2}.*)$", re.IGNORECASE)


def _offset(text: str) -> timezone | None:
    if text.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _epoch(text: str) -> datetime | None:
    number = int(text)
    for scale in (1, 1_000, 1_000_000):  # seconds, milliseconds, microseconds (GA4 event_timestamp)
        seconds = number / scale
        if 946_684_800 <= seconds <= 4_102_444_800:  # 2000-01-01 … 2100-01-01
            return datetime.fromtimestamp(seconds, timezone.utc)
    return None


_PLAIN_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}")  # naive, no offset
_EXCEL_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_datetime(s: str | datetime | None, order: str = "dmy", tz: str = "Europe/Rome") -> datetime | None:
    """An aware datetime: offsets kept when written, naive values localised to `tz`; epoch seconds/ms/µs are UTC."""
    if s is None or s != s:  # pandas NaT
        return None
    zone = ZoneInfo(tz)
    if isinstance(s, datetime):
        return s if s.tzinfo else s.replace(tzinfo=zone)
    if isinstance(s, date):
        return datetime.combine(s, time(), zone)
    text = str(s).strip()
    if not text:
        return None
    if _PLAIN_ISO.fullmatch(text):  # `2021-07-11 13:06:05`, what most exports write: the ISO branch below
        try:
            return datetime.fromisoformat(text).replace(tzinfo=zone)
        except ValueError:
            pass  # not a real date or time: the general path decides
    if text.isdigit() and len(text) >= 9:
        return _epoch(text)
    if _EXCEL_SERIAL.fullmatch(text):
        serial = float(text)
        if not _EXCEL_RANGE[0] <= serial <= _EXCEL_RANGE[1]:
            return None
        return (_EXCEL_EPOCH + timedelta(days=serial)).replace(microsecond=0, tzinfo=zone)
    offset = None
    if (m := _OFFSET.search(text)) and _ENDS_WITH_TIME.search(text[:m.start()].rstrip()):
        offset, text = _offset(m.group(1)), text[:m.start()].strip()
    if _ISO_DAY.match(text):
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = None
        if parsed is not None:
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=offset or zone)
            return parsed
    date_part, time_part = text, None
    if m := _SPLIT.match(text):
        date_part, time_part = m.group(1), m.group(2)
    day = parse_date(date_part, order)
    if not isinstance(day, date):
        return None
    clock = parse_time(time_part) if time_part else time()
    if clock is None:
        return None
    return datetime.combine(day, clock, offset or zone)


def combine_date_time(d: str | None, t: str | None, order: str = "dmy", tz: str = "Europe/Rome") -> datetime | None:
    """One aware datetime from separate date and time columns (Data / Ora); a missing time is midnight."""
    if d is None or not str(d).strip():
        return None
    if t is None or not str(t).strip():
        return parse_datetime(d, order, tz)
    day = parse_date(d, order)
    clock = parse_time(t)
    if not isinstance(day, date) or clock is None:
        return None
    return datetime.combine(day, clock, ZoneInfo(tz))
