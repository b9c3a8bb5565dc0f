"""Dates as people type them into a search form, read as a span of days.

A Norwegian reader types `31.12.2023`, `1.1.23`, `2023` or `03.2024`; a researcher `2023-12-31`.
A year or a month means its whole span, so `fra 2023 til 2023` is the whole year. Anything else
is refused with a message: a date compared as text (`01.01.2023` > `2024-…`) filters silently
wrong.
"""

from __future__ import annotations

import calendar
import re
from datetime import date


class DateError(ValueError):
    """A date the form cannot read; the message is shown to the person who typed it."""


_DMY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH = re.compile(r"(\d{1,2})[./-](\d{4})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"\d{4}")
ACCEPTED = "dd.mm.åååå, d.m.åå, åååå-mm-dd, åååå eller mm.åååå"


def _year(text: str) -> int:
    """A two-digit year is read in the century that puts it nearest today (`23` is 2023)."""
    year = int(text)
    if len(text) == 2:
        now = date.today().year
        year += (now // 100) * 100
        if year > now + 20:
            year -= 100
    return year


def _day(year: int, month: int, day: int, typed: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"«{typed}» er ingen dato som finnes ({ACCEPTED})") from None


def span(typed: str | None) -> tuple[date, date] | None:
    """The first and last day `typed` means, or None when nothing was typed."""
    text = (typed or "").strip()
    if not text:
        return None
    if m := _DMY.fullmatch(text):
        day = _day(_year(m[3]), int(m[2]), int(m[1]), text)
        return day, day
    if m := _ISO.fullmatch(text):
        day = _day(int(m[1]), int(m[2]), int(m[3]), text)
        return day, day
    if m := _MONTH.fullmatch(text) or _ISO_MONTH.fullmatch(text):
        year, month = (int(m[2]), int(m[1])) if m.re is _MONTH else (int(m[1]), int(m[2]))
        first = _day(year, month, 1, text)
        return first, first.replace(day=calendar.monthrange(year, month)[1])
    if _YEAR.fullmatch(text):
        year = int(text)
        return date(year, 1, 1), date(year, 12, 31)
    raise DateError(f"«{text[:40]}» kan ikke leses som dato; skriv {ACCEPTED}")


def date_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """The ISO bounds (inclusive) a from/to pair of typed dates means."""
    low, high = span(date_from), span(date_to)
    first = low[0].isoformat() if low else None
    last = high[1].isoformat() if high else None
    if first and last and first > last:
        raise DateError(f"fra-datoen ({date_from}) er etter til-datoen ({date_to})")
    return first, last


def lower(typed: str | None) -> str | None:
    """The first day `typed` means (for SQL: `meeting_date >= lower(:date_from)`)."""
    found = span(typed)
    return found[0].isoformat() if found else None


def upper(typed: str | None) -> str | None:
    """The last day `typed` means."""
    found = span(typed)
    return found[1].isoformat() if found else None
