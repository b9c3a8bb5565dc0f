"""The meeting header: date, start and end time, place and the meeting's own number.

The date comes from a labelled row ("Møtetid:", "Tid:", "Dato:", "Møtedato:"), best label
first; failing that from a line holding both a date and a time, and last from the title.
"""

from __future__ import annotations

import re

from extract.segment.lines import label_value
from extract.segment.text import clean, find_dates, parse_date, parse_times
from extract.segment.vocabulary import DATE_LABELS, MEETING_NUMBER, PLACE_LABEL
from models.extraction import Meeting
from models.layout import Line

# "Fysisk UNN-Breivika D1-707, med mulighet for digital deltakelse" → "UNN-Breivika D1-707".
_MODE_PREFIX = re.compile(r"^(?:fysisk(?:\s+møte)?|digitalt|hybrid(?:t)?)\s*(?:på|i|:|,)?\s+(?=\S)", re.I)
_MODE_SUFFIX = re.compile(r",?\s*(?:med\s+mulighet\s+for|og\s+mulighet\s+for|evt\.?|eventuelt)\s+digital.*$", re.I)


def clean_place(value: str) -> str | None:
    value = clean(value).rstrip(".")
    value = _MODE_SUFFIX.sub("", value)
    stripped = _MODE_PREFIX.sub("", value)
    return (stripped or value).strip(" ,") or None


def parse_meeting(lines: list[Line], title: str | None, year: int | None = None) -> Meeting:
    """`year` (from the document's case numbers) dates a header that prints no year."""
    meeting = Meeting()
    best_rank = len(DATE_LABELS)
    for line in lines:
        lv = label_value(line)
        if not lv:
            continue
        label, value = lv
        for rank, pattern in enumerate(DATE_LABELS):
            if rank < best_rank and pattern.match(label) and (date := parse_date(value, year)):
                meeting.date = date
                meeting.start, meeting.end = parse_times(value)
                best_rank = rank
        if meeting.place is None and PLACE_LABEL.match(label) and value:
            meeting.place = clean_place(value)
    if meeting.date is None:
        for line in lines:
            text = clean(line.text)
            start, end = parse_times(text)
            if start and (date := parse_date(text)):
                meeting.date, meeting.start, meeting.end = date, start, end
                break
    if meeting.date is None and title:
        meeting.date = parse_date(title, year)
    if meeting.date and meeting.start is None:
        # The time may stand on a line of its own under the date ("Kl. 13.00–15.00").
        for line in lines:
            start, end = parse_times(clean(line.text))
            if start and end:
                meeting.start, meeting.end = start, end
                break
    if title and (m := MEETING_NUMBER.search(title)):
        number = re.sub(r"\s+", "", m.group(1))
        if not find_dates(number):
            meeting.number = number
    return meeting
