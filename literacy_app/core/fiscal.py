"""Japanese fiscal years (年度, 1 April – 31 March) and their 令和 names, for HR's reports."""

from __future__ import annotations

import calendar
import datetime as dt

REIWA_START = 2019  # 令和元年 began on 1 May 2019; 2019年度 is called 令和元年度


def fiscal_year(day: dt.date | dt.datetime) -> int:
    """The 年度 a date belongs to: January–March count to the previous year's 年度."""
    return day.year if day.month >= 4 else day.year - 1


JST = dt.timezone(dt.timedelta(hours=9), "JST")
"""Japan time: 年度 boundaries and the dates printed on reports, whatever the PC's clock zone."""


def jst_text(value: dt.datetime) -> str:
    """An instant as HR reads it: Japan time, to the minute, marked (``2026-12-01 09:00 JST``)."""
    return value.astimezone(JST).strftime("%Y-%m-%d %H:%M JST")


def parse_instant(text: str) -> dt.datetime:
    """A date or date-time as HR types it (``2026-12-01``, ``2026-12-01T09:00``): Japan time unless it
    names its zone, whatever this machine's zone; returned in UTC."""
    from .errors import UserError

    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise UserError("bad_datetime", value=text) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=JST)
    return value.astimezone(dt.UTC)


def fiscal_year_range(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a 年度."""
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def fiscal_year_instants(year: int) -> tuple[dt.datetime, dt.datetime]:
    """A 年度 as UTC instants: 1 April 00:00 to the next 1 April 00:00, Japan time."""
    first, last = fiscal_year_range(year)
    start = dt.datetime.combine(first, dt.time(), JST)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), JST)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def reiwa_name(year: int) -> str:
    """令和 name of a 年度 from 2019 on (令和元年度, 令和2年度 …); earlier years are 平成."""
    if year >= REIWA_START:
        number = year - REIWA_START + 1
        return "令和元年度" if number == 1 else f"令和{number}年度"
    number = year - 1988
    return "平成元年度" if number == 1 else f"平成{number}年度"


def fiscal_label(year: int) -> str:
    """How reports show a 年度: the western year with the 令和 name beside it."""
    return f"{year}年度（{reiwa_name(year)}）"


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier, clamped to the month's end (31 Aug → 28/29 Feb)."""
    year, month = divmod(day.month - 1 - months, 12)
    year += day.year
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
