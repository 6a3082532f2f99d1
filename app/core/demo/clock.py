"""Time for the demo: instants are int64 microseconds since the epoch (UTC); days are offsets from
the simulation start (local midnight in Europe/Rome). Formatting is vectorised through pandas."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from app.core.demo import tables as T

TZ = ZoneInfo("Europe/Rome")
US = 1_000_000
DAY_US = 86_400 * US


class Clock:
    def __init__(self, start: date, days: int):
        self.start = start
        self.days = days
        first = datetime(start.year, start.month, start.day, tzinfo=TZ)
        self.start_us = int(first.timestamp()) * US
        # UTC offset of each day at noon, from a year before the start to the end (shops are open
        # at noon, never during the 2-3 am DST switch)
        self._first_day = -3700
        span = range(self._first_day, days + 30)
        self._offset_s = np.array([
            int((datetime.combine(start + timedelta(days=d), datetime.min.time()) + timedelta(hours=12))
                .replace(tzinfo=TZ).utcoffset().total_seconds()) for d in span], dtype=np.int64)
        self._offsets = self._offset_s.tolist()

    def local_us_at(self, day: int, seconds: int) -> int:
        """local_us for one value, in plain integers (the simulation's hot path)."""
        return (self.start_us + (self._offsets[-self._first_day] - self._offsets[day - self._first_day]
                                 + seconds) * US + day * DAY_US)

    def day_at(self, us: int) -> int:
        """day_of for one value, in plain integers."""
        approx = min(max((us - self.start_us) // DAY_US - self._first_day, 0), len(self._offsets) - 1)
        return (us - self.start_us + (self._offsets[approx] - self._offsets[-self._first_day]) * US) // DAY_US

    def local_us(self, day: np.ndarray | int, seconds: np.ndarray | int) -> np.ndarray:
        """UTC instant of local wall-clock time `seconds` after local midnight of `day`."""
        day = np.asarray(day, dtype=np.int64)
        midnight_naive = self.start_us + self._offset_s[-self._first_day] * US + day * DAY_US
        return midnight_naive + np.asarray(seconds, dtype=np.int64) * US - self._offset_s[day - self._first_day] * US

    def day_of(self, us: np.ndarray) -> np.ndarray:
        """Local day offset of UTC instants."""
        us = np.asarray(us, dtype=np.int64)
        approx = (us - self.start_us) // DAY_US
        return (us + self._offset_s[np.clip(approx - self._first_day, 0, len(self._offset_s) - 1)] * US
                - self.start_us - self._offset_s[-self._first_day] * US) // DAY_US

    def date_of_day(self, day: np.ndarray) -> np.ndarray:
        return np.datetime64(self.start, "D") + np.asarray(day, dtype=np.int64)


# strftime is slow on millions of values: format by rearranging the bytes of ISO strings instead.
_TOKENS = {"%Y": (0, 4), "%m": (5, 7), "%d": (8, 10), "%H": (11, 13), "%M": (14, 16), "%S": (17, 19)}


def _format(naive_s: np.ndarray, offsets: np.ndarray | None, pattern: str) -> list[str]:
    """Format datetime64[s] values with %Y %m %d %H %M %S, %z (+0200) and %:z (+02:00)."""
    n = len(naive_s)
    if n == 0:
        return []
    m = np.datetime_as_string(naive_s, unit="s").astype("S19").view(np.uint8).reshape(n, 19)
    cols, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("%z", "%:z"), i):
            off = np.zeros(n, np.int64) if offsets is None else offsets
            a = np.abs(off)
            h, mi = a // 3600, (a % 3600) // 60
            digits = [np.where(off < 0, ord("-"), ord("+")), 48 + h // 10, 48 + h % 10]
            digits += ([np.full(n, ord(":"))] if pattern.startswith("%:z", i) else []) + [48 + mi // 10, 48 + mi % 10]
            cols.append(np.stack(digits, axis=1).astype(np.uint8))
            i += 4 if pattern.startswith("%:z", i) else 2
        elif pattern[i:i + 2] in _TOKENS:
            a, b = _TOKENS[pattern[i:i + 2]]
            cols.append(m[:, a:b])
            i += 2
        else:
            cols.append(np.full((n, 1), ord(pattern[i]), np.uint8))
            i += 1
    out = np.ascontiguousarray(np.concatenate(cols, axis=1))
    return out.view(f"S{out.shape[1]}").ravel().astype(f"U{out.shape[1]}").tolist()


def fmt_local(us: np.ndarray, pattern: str) -> list[str]:
    """Europe/Rome wall-clock time of UTC instants (`%z` gives +0200, `%:z` gives +02:00)."""
    utc = pd.to_datetime(np.asarray(us, dtype=np.int64), unit="us", utc=True)
    naive = utc.tz_convert(TZ).tz_localize(None).values.astype("datetime64[s]")
    offsets = (naive - utc.tz_localize(None).values.astype("datetime64[s]")).astype(np.int64)
    return _format(naive, offsets, pattern)


def fmt_utc(us: np.ndarray, pattern: str) -> list[str]:
    return _format((np.asarray(us, dtype=np.int64) // US).astype("datetime64[s]"), None, pattern)


def fmt_dates(d: np.ndarray, pattern: str = "%d/%m/%Y") -> list[str]:
    return _format(np.asarray(d, dtype="datetime64[D]").astype("datetime64[s]"), None, pattern)


def email_campaigns(clock: Clock, rng: np.random.Generator) -> pd.DataFrame:
    """The newsletter calendar: every other Tuesday at 10:00, ids as Mailchimp writes them."""
    first_tuesday = (1 - clock.start.weekday()) % 7
    days = np.arange(first_tuesday, clock.days, 14)[: len(T.EMAIL_CAMPAIGNS)]
    titles = [T.EMAIL_CAMPAIGNS[int(i * len(T.EMAIL_CAMPAIGNS) / max(len(days), 1))] for i in range(len(days))]
    return pd.DataFrame({
        "day": days, "title": titles,
        "id": [f"{v:010x}" for v in rng.integers(16**9, 16**10, size=len(days))],
        "send_us": clock.local_us(days, 10 * 3600),
    })
