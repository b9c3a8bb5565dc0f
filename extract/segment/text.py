"""Pure text helpers shared by the segmenters: whitespace, dates, times, case numbers, lists."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from extract.segment.vocabulary import CLOCK_WORD

# Bullets, and what OCR makes of a printed "•" ("«", "©", "°", "+") when a space follows it.
BULLET = re.compile(r"^\s*(?:[•▪◦●‣⁃■□➢►·]|[-–*o«»©°¢®+](?=\s))\s*")
NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|\(\d{1,2}\)|[a-hA-H][.)])\s+")
LIST_MARKER = re.compile(BULLET.pattern + "|" + NUMBERED.pattern)
# A line ending so breaks off mid-phrase ("Kari Hansen, overlege ved", "Budsjett 2020 for"): the
# next line continues it.
OPEN_END = re.compile(
    r"(?:[,\-–/&(]|\b(?:og|eller|for|i|på|til|fra|frå|av|med|ved|om|mot|under|etter|samt|mellom)\b)$", re.I
)

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "mai": 5, "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

# One separator, repeated: "23.02.2023", "12/3/19" ("08:30-09.30" is a time); or day and month by a
# slash and the year by a dash, "12/3-2019", only with four digits: "12/3-19" is an archive number
# (year/number-document).
NUMERIC_DATE = re.compile(
    r"(?<![\d/.:])(\d{1,2})\s*([./-])\s*(\d{1,2})\s*(?:\2\s*(\d{4}|\d{2})|(?:(?<=/\d)|(?<=/\d\d))-((?:19|20)\d\d))"
    r"(?![\d/:])"
)
WRITTEN_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s*({_MONTH_NAMES})\.?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")

# "kl. 09.00 – ca. 15.30": an end announced as approximate is the end printed.
_DASH = r"\s*(?:-|–|—|‒|til|to)\s*(?:(?:ca\.?|cirka|omlag|omtrent)\s*)?"
_CLOCK = r"(\d{1,2})(?:\s*[.:]\s*(\d{2}))?"
TIME_RANGE = re.compile(
    rf"(?:{CLOCK_WORD}\s*)?(?<![\d.:/])(\d{{1,2}})\s*[.:]\s*(\d{{2}}){_DASH}(?:{CLOCK_WORD}\s*)?(\d{{1,2}})\s*[.:]\s*(\d{{2}})(?![\d])"
    rf"|{CLOCK_WORD}\s*{_CLOCK}{_DASH}(?:{CLOCK_WORD}\s*)?{_CLOCK}(?![\d])",
    re.IGNORECASE,
)
# "kl 0900-1130": hours and minutes without a separator, only after "kl".
TIME_RANGE_COMPACT = re.compile(
    rf"{CLOCK_WORD}\s*([01]\d|2[0-3])([0-5]\d)\s*[-–—]\s*([01]\d|2[0-3])([0-5]\d)(?!\d)", re.I
)
# "kl 1800": the start alone, hours and minutes without a separator, only after "kl".
TIME_START_COMPACT = re.compile(rf"{CLOCK_WORD}\s*([01]\d|2[0-3])([0-5]\d)(?![\d.:])", re.I)
# "kl. 10", "fra 9.30", "kl. 10." ending a sentence; never the day of a date ("fra 12.03.2024").
TIME_START = re.compile(rf"(?:{CLOCK_WORD}|fra)\s*(\d{{1,2}})(?:\s*[.:]\s*(\d{{2}}))?(?![\d:/]|\.\d)", re.IGNORECASE)

CASE_NUMBER = re.compile(r"(?<![\d.,/])(\d{1,3})\s*/\s*(\d{4}|\d{2})(?![\d/])")


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def clean(text: str) -> str:
    """One line of text: NFC, no soft hyphens, single spaces. Rules ask it of the same cell many
    times (a tenth of segmentation's time), so results are kept."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip()


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


def strip_marker(text: str) -> str:
    """Without a bullet or a list number ("1. Ruth Grung" is "Ruth Grung")."""
    return LIST_MARKER.sub("", text, count=1).strip()


def _year(y: str) -> int:
    n = int(y)
    return n + 2000 if n < 100 else n


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# A digit: every date and time above holds one, and most lines asked for one hold none.
_DIGIT = re.compile(r"\d")


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date written in `text` as (position, YYYY-MM-DD), in order."""
    found: list[tuple[int, str]] = []
    if not _DIGIT.search(text):
        return found
    for m in NUMERIC_DATE.finditer(text):
        if iso := _iso(_year(m.group(4) or m.group(5)), int(m.group(3)), int(m.group(1))):
            found.append((m.start(), iso))
    for m in WRITTEN_DATE.finditer(text):
        if iso := _iso(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))):
            found.append((m.start(), iso))
    for m in ISO_DATE.finditer(text):
        if iso := _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            found.append((m.start(), iso))
    return sorted(found)


# "torsdag 12. mars" without a year: only usable with a year known from elsewhere.
YEARLESS_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*({_MONTH_NAMES})\b(?!\.?,?\s+\d{{4}})", re.IGNORECASE)


def parse_date(text: str, year: int | None = None) -> str | None:
    """The first date in `text`; with `year`, a date written without one ("12. mars") counts too."""
    dates = find_dates(text)
    if dates:
        return dates[0][1]
    if year is not None and (m := YEARLESS_DATE.search(text)):
        return _iso(year, MONTHS[m.group(2).lower()], int(m.group(1)))
    return None


def clock(h: str, m: str | None) -> str | None:
    hour, minute = int(h), int(m or 0)
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def parse_times(text: str) -> tuple[str | None, str | None]:
    """Start and end of a meeting from "kl. 12.30-15.30", "08:30 – 09.30", "kl 9-11"."""
    if not _DIGIT.search(text):
        return None, None
    # Dates look like times ("23.02.23"), so they are blanked first; only real dates, since a
    # time range such as "12.30-15.30" has the shape of a date too. Blanked with a mark, not
    # spaces, so that "fra 16. april 2012 5" does not become "fra 5".
    blanked = text
    for pos, _ in find_dates(text):
        m = NUMERIC_DATE.match(blanked, pos) or WRITTEN_DATE.match(blanked, pos) or ISO_DATE.match(blanked, pos)
        if m:
            blanked = blanked[: m.start()] + "#" * (m.end() - m.start()) + blanked[m.end() :]
    m = TIME_RANGE.search(blanked)
    if m:
        g = m.groups()
        if g[0] is not None:
            start, end = clock(g[0], g[1]), clock(g[2], g[3])
        else:
            start, end = clock(g[4], g[5]), clock(g[6], g[7])
        if start and end:
            return start, end
    m = TIME_RANGE_COMPACT.search(blanked)
    if m:
        return clock(m.group(1), m.group(2)), clock(m.group(3), m.group(4))
    m = TIME_START.search(blanked) or TIME_START_COMPACT.search(blanked)
    if m:
        return clock(m.group(1), m.group(2)), None
    return None, None


def case_number(number: str | int, year: str | int) -> str | None:
    """ "09/24" → "09/2024"; None where it cannot be a case number."""
    n, y = int(number), _year(str(year))
    if not (1 <= n <= 999 and 1990 <= y <= 2100):
        return None
    return f"{n:02d}/{y}"


def normalize_case_number(text: str) -> str | None:
    m = CASE_NUMBER.search(text or "")
    return case_number(m.group(1), m.group(2)) if m else None


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into text: list items keep a line of their own, bullets are dropped."""
    out: list[str] = []
    for raw in lines:
        line = clean(raw)
        if not line:
            continue
        if LIST_MARKER.match(line) or not out:
            out.append(strip_bullet(line) if BULLET.match(line) else line)
        elif out[-1].endswith(":"):
            out.append(line)
        else:
            out[-1] = f"{out[-1]} {line}"
    return "\n".join(out)
