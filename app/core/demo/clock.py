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


def _local(us: np.ndarray) -> pd.DatetimeIndex:
    return pd.to_datetime(np.asarray(us, dtype=np.int64), unit="us", utc=True).tz_convert(TZ)


def fmt_local(us: np.ndarray, pattern: str) -> list[str]:
    """strftime on local times (`%z` gives +0200)."""
    return list(_local(us).strftime(pattern))


def fmt_iso_local(us: np.ndarray) -> list[str]:
    """2025-09-12T15:05:13+02:00 (Meta's created_time with the account's offset)."""
    return [s[:-2] + ":" + s[-2:] for s in fmt_local(us, "%Y-%m-%dT%H:%M:%S%z")]


def fmt_utc(us: np.ndarray, pattern: str) -> list[str]:
    return list(pd.to_datetime(np.asarray(us, dtype=np.int64), unit="us", utc=True).strftime(pattern))


def fmt_dates(d: np.ndarray, pattern: str = "%d/%m/%Y") -> list[str]:
    return list(pd.DatetimeIndex(np.asarray(d, dtype="datetime64[D]")).strftime(pattern))


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
