from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.core.normalize import (
    PartialDate, combine_date_time, infer_date_order, parse_date, parse_datetime, parse_time,
)

ROME = ZoneInfo("Europe/Rome")
THIS_YEAR = date.today().year


@pytest.mark.parametrize("raw, order, expected", [
    ("2025-10-07", "dmy", date(2025, 10, 7)),
    ("2025-10-07 09:50:26 +0200", "dmy", date(2025, 10, 7)),
    ("2025-09-12T15:05:13+05:30", "mdy", date(2025, 9, 12)),
    ("07/10/2025", "dmy", date(2025, 10, 7)),
    ("07/10/2025", "mdy", date(2025, 7, 10)),
    ("7-10-2025", "dmy", date(2025, 10, 7)),
    ("07.10.2025", "dmy", date(2025, 10, 7)),
    ("07.10.2025, 09:50", "dmy", date(2025, 10, 7)),
    ("19560409", "dmy", date(1956, 4, 9)),  # FEBRL
    ("07102025", "dmy", date(2025, 10, 7)),
    ("45234", "dmy", date(2023, 11, 4)),  # Excel serial
    ("45234.75", "dmy", date(2023, 11, 4)),
    ("7 ottobre 2025", "dmy", date(2025, 10, 7)),
    ("martedì 7 ottobre 2025", "dmy", date(2025, 10, 7)),
    ("1° gennaio 2020", "dmy", date(2020, 1, 1)),
    ("Oct 7, 2025", "dmy", date(2025, 10, 7)),
    ("7th October 2025", "dmy", date(2025, 10, 7)),
    ("07-ott-2025", "dmy", date(2025, 10, 7)),
    ("10/07", "mdy", PartialDate(month=10, day=7)),  # Mailchimp birthday MM/DD
    ("07/10", "dmy", PartialDate(month=10, day=7)),
    ("--10-07", "dmy", PartialDate(month=10, day=7)),  # our own partial ISO form
    ("1981", "dmy", PartialDate(year=1981)),
    ("ottobre 2025", "dmy", PartialDate(2025, 10)),
])
def test_parse_date_forms(raw, order, expected):
    assert parse_date(raw, order) == expected


@pytest.mark.parametrize("raw, order", [
    ("13/25/2020", "dmy"), ("25/12/2020", "mdy"), ("31/02/2020", "dmy"), ("123", "dmy"), ("abc", "dmy"),
    ("", "dmy"), (None, "dmy"), ("02/30", "mdy"), ("5000", "dmy"), ("99999", "dmy"), ("1.5", "dmy"),
])
def test_parse_date_rejects(raw, order):
    assert parse_date(raw, order) is None


def test_two_digit_years():
    yy = THIS_YEAR % 100
    assert parse_date(f"01/02/{yy:02d}") == date(THIS_YEAR, 2, 1)
    assert parse_date(f"01/02/{(yy + 1) % 100:02d}") == date(1900 + yy + 1 if yy < 99 else 2000, 2, 1)
    # Birth dates: 1900s unless that would make the person older than 100.
    assert parse_date("05/03/81", birth=True) == date(1981, 3, 5)
    too_old = (THIS_YEAR - 101) % 100  # 19xx would make the person 101
    assert parse_date(f"05/03/{too_old:02d}", birth=True) == date(2000 + too_old, 3, 5)
    exactly_100 = (THIS_YEAR - 100) % 100
    assert parse_date(f"01/01/{exactly_100:02d}", birth=True) == date(1900 + exactly_100, 1, 1)
    assert parse_date("05/03/30", birth=True) == date(1930, 3, 5)


def test_parse_date_passes_dates_through():
    assert parse_date(date(2020, 1, 2)) == date(2020, 1, 2)
    assert parse_date(datetime(2020, 1, 2, 3, 4)) == date(2020, 1, 2)
    assert parse_date(PartialDate(year=1990)) == PartialDate(year=1990)


def test_partial_date_iso():
    assert PartialDate(year=1981).iso() == "1981"
    assert PartialDate(month=3, day=5).iso() == "--03-05"
    assert PartialDate(2020, 3).iso() == "2020-03"


def test_infer_date_order_day_first():
    guess = infer_date_order(["01/02/2020", "25/03/1980", "", None, "11/11/2011"])
    assert (guess.order, guess.ambiguous, guess.sample_size) == ("dmy", False, 3)
    assert "25/03/1980" in guess.evidence


def test_infer_date_order_month_first():
    guess = infer_date_order(["01/02/2020", "03/25/1980", "12/31/1999"])
    assert (guess.order, guess.ambiguous) == ("mdy", False)
    assert "03/25/1980" in guess.evidence


def test_infer_date_order_iso():
    assert infer_date_order(["2020-01-02", "1999-12-31"]).order == "iso"


def test_infer_date_order_all_ambiguous_is_reported():
    guess = infer_date_order(["01/02/2020", "03/04/1980"])
    assert (guess.order, guess.ambiguous) == ("dmy", True)
    assert "either way" in guess.evidence and "assumed" in guess.evidence


def test_infer_date_order_conflict_is_reported():
    guess = infer_date_order(["25/03/1980", "26/03/1980", "03/25/1980"])
    assert (guess.order, guess.ambiguous) == ("dmy", True)
    assert "conflicting" in guess.evidence


def test_infer_date_order_mailchimp_birthdays():
    assert infer_date_order(["10/07", "03/25", "12/01"]).order == "mdy"


@pytest.mark.parametrize("raw, expected", [
    ("2025-10-07 09:50:26 +0200", datetime(2025, 10, 7, 9, 50, 26, tzinfo=timezone(timedelta(hours=2)))),
    ("2025-09-12T15:05:13+05:30", datetime(2025, 9, 12, 15, 5, 13, tzinfo=timezone(timedelta(hours=5, minutes=30)))),
    ("2025-09-12T15:05:13Z", datetime(2025, 9, 12, 15, 5, 13, tzinfo=timezone.utc)),
    ("2016-04-18 13:51:14", datetime(2016, 4, 18, 13, 51, 14, tzinfo=ROME)),  # Mailchimp: no zone
    ("12-04-2022 09:30", datetime(2022, 4, 12, 9, 30, tzinfo=ROME)),  # Brevo
    ("14-07-2020 12:54", datetime(2020, 7, 14, 12, 54, tzinfo=ROME)),  # till
    ("07.10.2025, 09:50", datetime(2025, 10, 7, 9, 50, tzinfo=ROME)),  # SumUp
    ("10/05/2026 2:30:00 PM", datetime(2026, 5, 10, 14, 30, tzinfo=ROME)),
    ("07/10/2025", datetime(2025, 10, 7, tzinfo=ROME)),
    ("45234.5", datetime(2023, 11, 4, 12, 0, tzinfo=ROME)),  # Excel serial with time
    ("Tue, 07 Oct 2025 09:50:26 +0200", datetime(2025, 10, 7, 9, 50, 26, tzinfo=timezone(timedelta(hours=2)))),
    ("Oct 7, 2025 2:30 PM", datetime(2025, 10, 7, 14, 30, tzinfo=ROME)),
    ("7 ottobre 2025 ore 10:30", datetime(2025, 10, 7, 10, 30, tzinfo=ROME)),
    ("1700000000", datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)),  # epoch seconds
    ("1700000000000000", datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)),  # GA4 µs
])
def test_parse_datetime(raw, expected):
    parsed = parse_datetime(raw)
    assert parsed == expected and parsed.tzinfo is not None
    assert parsed.utcoffset() == expected.utcoffset()


def test_parse_datetime_is_always_aware():
    assert parse_datetime(datetime(2020, 1, 1, 10)).tzinfo == ROME
    assert parse_datetime("2020-07-01 10:00", tz="UTC").utcoffset() == timedelta(0)
    assert parse_datetime("2020-07-01 10:00").utcoffset() == timedelta(hours=2)  # summer time in Rome
    assert parse_datetime("07-10-2025").utcoffset() == timedelta(hours=2)  # "-2025" is not an offset
    assert parse_datetime("junk") is None and parse_datetime("") is None and parse_datetime(None) is None


def test_combine_date_time():
    assert combine_date_time("07/10/2025", "09:50") == datetime(2025, 10, 7, 9, 50, tzinfo=ROME)
    assert combine_date_time("2022-11-10", "21:50:48", tz="America/Los_Angeles") == datetime(
        2022, 11, 10, 21, 50, 48, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert combine_date_time("07/10/2025", "") == datetime(2025, 10, 7, tzinfo=ROME)
    assert combine_date_time("07/10/2025", "25:00") is None
    assert combine_date_time("", "09:50") is None


@pytest.mark.parametrize("raw, expected", [
    ("09:50", time(9, 50)), ("9.50", time(9, 50)), ("09:50:26", time(9, 50, 26)),
    ("14:05:00.123", time(14, 5, 0, 123000)), ("2:30:00 PM", time(14, 30)), ("12:15 AM", time(0, 15)),
    ("12:15 p.m.", time(12, 15)), ("24:00", None), ("13:00 PM", None), ("abc", None), (None, None),
])
def test_parse_time(raw, expected):
    assert parse_time(raw) == expected
