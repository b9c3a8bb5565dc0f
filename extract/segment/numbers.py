"""Case numbers in every printed form of the genre, normalized to NN/YYYY.

The forms: number and year with a slash or a dash ("12/24", "Sak 041-2010"), year first
("ST 2010/69"), a case-type prefix before the number ("PS 30/09", "FS-070/13"), a series
letter after it ("Styresak 009/12 B"), and a number without a year ("Sak 3", "1."), which
takes the meeting's year. A dash or a year first is only a case number where the printed
context says so (a case word or prefix, or a case-number column): otherwise "2010/857" is an
archive reference and "4-2024" a meeting's number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.segment.vocabulary import CASE_PREFIX, CASE_WORD

_YEAR_FIRST = r"(?P<yf_year>(?:19|20)\d{2})\s*/\s*(?P<yf_num>\d{1,4})"
# Two digits of year first, where the number cannot be a year: "PS 14/5", "PS 14/175".
_SHORT_YEAR_FIRST = r"(?P<ys_year>\d{2})\s*/\s*(?P<ys_num>\d{1}|\d{3})"
_NUM_YEAR = r"(?P<num>0\d{3}|\d{1,3})\s*(?P<sep>/|-(?=\d))\s*(?P<year>\d{4}|\d{2})"  # "0012/06" too
# A series letter after the number ("009/12 B"): an early capital, alone.
_SERIES = r"(?:\s+(?P<series>[A-H])(?![\w.\-]))?"
# The printed number at the start of a heading, with what may stand before it.
_LEAD = rf"(?:{CASE_PREFIX}(?:\s+|-)(?:(?P<word2>{CASE_WORD})\s*)?|(?P<word>{CASE_WORD})\s*:?\s*)?"
_NUMBER = rf"(?:{_YEAR_FIRST}|{_NUM_YEAR}|{_SHORT_YEAR_FIRST})(?![\d/]){_SERIES}"
HEADING_NUMBER = re.compile(rf"^{_LEAD}{_NUMBER}", re.I)
# A number without a year: "Sak 3", "Sak nr. 12", and a bare "1." or "2)".
WORD_NUMBER = re.compile(rf"^(?P<word>{CASE_WORD})\s*:?\s*(?P<num>\d{{1,3}})(?![\d/.,\-])", re.I)
BARE_NUMBER = re.compile(r"^(?P<num>\d{1,2})[.)](?=\s+\S)")
# "11/2009 - 14/2009", "001/15-003/15": a range of cases, not one.
RANGE = re.compile(r"\d{1,3}\s*/\s*\d{2,4}\s*[-–—]\s*\d{1,3}\s*/\s*\d{2,4}")
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass(frozen=True, slots=True)
class CaseNo:
    """One printed case number. `year` is None where none is printed; `swappable` where both
    parts have two digits, so that the meeting's year must tell which part is the year."""

    num: int
    year: int | None
    prefix: str | None
    printed: str
    swappable: bool = False

    def normalized(self, meeting_year: int | None = None) -> str | None:
        num, year = self.num, self.year
        # "10/69" in a meeting of 2010 is case 69 of 2010.
        if self.swappable and meeting_year and year is not None and year != meeting_year % 100 == num:
            num, year = year, num
        if year is None:
            year = meeting_year
        if year is None:
            return None
        if year < 100:
            year += 2000
        if not (1 <= num <= 9999 and FIRST_YEAR <= year <= LAST_YEAR):
            return None
        return f"{num:02d}/{year}"

    @property
    def key(self) -> tuple[str | None, int, int | None]:
        """What makes two printings one case within a document (years as printed, 2 or 4 digits)."""
        year = self.year + 2000 if self.year is not None and self.year < 100 else self.year
        return self.prefix, self.num, year


def _prefix(m: re.Match[str]) -> str | None:
    """A case-type prefix stands right before the number; before a case word ("SSU sak 27/24")
    the letters name a committee, not a kind of case."""
    p = m.groupdict().get("prefix")
    if not p or m.groupdict().get("word2"):
        return None
    return p.upper() if len(p) <= 4 else p


@lru_cache(maxsize=1 << 15)  # every line is asked, by several rules (numbers are frozen)
def parse_heading_number(text: str, strict: bool = True) -> tuple[CaseNo, str] | None:
    """(the case number, the text after it) where `text` starts with a case number.

    A year first or a dash needs a prefix or a case word before it unless `strict` is off (a
    cell of a case-number column); with either, "19/12" may be case 12 of 2019."""
    m = HEADING_NUMBER.match(text)
    if not m:
        return None
    introduced = bool(m.group("word") or m.groupdict().get("prefix"))
    if m.group("yf_year") or m.group("ys_year"):
        if strict and not introduced:
            return None
        year_first = m.group("yf_year") or m.group("ys_year")
        num, year, swappable = int(m.group("yf_num") or m.group("ys_num")), int(year_first), False
    else:
        if m.group("sep") == "-" and strict and not introduced:
            return None
        num, year = int(m.group("num")), int(m.group("year"))
        # a case word, a prefix or a case-number column says it is a case: either part may be the year
        swappable = len(m.group("num")) == 2 and len(m.group("year")) == 2 and (introduced or not strict)
    if not (1 <= num <= 9999 and (year < 100 or FIRST_YEAR <= year <= LAST_YEAR)):
        return None
    number = CaseNo(num=num, year=year, prefix=_prefix(m), printed=m.group(0).strip(), swappable=swappable)
    return number, text[m.end() :]


def parse_unnumbered_year(text: str) -> tuple[CaseNo, str] | None:
    """ "Sak 3 Title" or "1. Title": a case number without a year."""
    m = WORD_NUMBER.match(text) or BARE_NUMBER.match(text)
    if not m:
        return None
    num = int(m.group("num"))
    if num < 1:
        return None
    return CaseNo(num=num, year=None, prefix=None, printed=m.group(0).strip()), text[m.end() :]


@lru_cache(maxsize=1 << 15)
def cell_number(text: str) -> CaseNo | None:
    """A cell that holds only a case number, in any form ("070/13", "ST 2010/69", "01-2016")."""
    text = text.strip()
    if RANGE.search(text):
        return None
    parsed = parse_heading_number(text, strict=False)
    if parsed is None or parsed[1].strip(" :."):
        return None
    return parsed[0]
