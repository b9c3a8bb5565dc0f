"""The meeting header: date, start and end time, place and the meeting's own number.

The date comes from a labelled row ("Møtetid:", "Tid:", "Møtedato:", "Dato:"), best label
first; failing that from a line holding both a date and a time, from the title, from the line
under the title, and last from a sentence announcing the meeting ("Det avholdes styremøte i …
19. februar 2004"). Start and end come with the date, from a row of their own ("KL.: 14:00"),
or from sentences saying when the meeting began and ended.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from extract.segment.attendees import looks_like_name
from extract.segment.bodies import organisation
from extract.segment.lines import label_value
from extract.segment.text import (
    ISO_DATE,
    NUMERIC_DATE,
    TIME_RANGE,
    TIME_RANGE_COMPACT,
    TIME_START,
    WRITTEN_DATE,
    clean,
    clock,
    find_dates,
    parse_date,
    parse_times,
)
from extract.segment.vocabulary import (
    ANNOUNCED_START_VERB,
    ARCHIVE_REFERENCE,
    CLOCK_WORD,
    COMMITTEE_NOUN,
    DATE_LABELS,
    DOCUMENT_DATE_RANK,
    END_LABEL,
    END_SENTENCE,
    MEETING_NUMBER,
    MEETING_NUMBER_LABEL,
    MEETING_SENTENCE,
    OTHER_MEETING,
    PLACE_AND_TIME_LABEL,
    PLACE_LABEL,
    PLACE_SENTENCE,
    SPAN_SENTENCE,
    START_SENTENCE,
    TIME_LABEL,
    WEEKDAY,
)
from models.extraction import Meeting
from models.layout import Line

# "Fysisk UNN-Breivika D1-707, med mulighet for digital deltakelse" → "UNN-Breivika D1-707".
_MODE_PREFIX = re.compile(r"^(?:fysisk(?:\s+møte)?|digitalt|hybrid(?:t)?)\s*(?:på|i|:|,)?\s+(?=\S)", re.I)
_MODE_SUFFIX = re.compile(r",?\s*(?:med\s+mulighet\s+for|og\s+mulighet\s+for|evt\.?|eventuelt)\s+digital.*$", re.I)
# A letter's reference ("Vår ref.:", "Arkivsak:"): a plain "Dato:" in its row dates the letter.
_LETTER_REFERENCE = re.compile(rf"^(?:{ARCHIVE_REFERENCE})", re.I)
_CLOCK_ALONE = re.compile(rf"^(?:{CLOCK_WORD}\s*)?(\d{{1,2}})[.:](\d{{2}})(?![\d.])", re.I)
# A time row with start and end side by side and nothing between: "Tid: 09:00 13:50".
_ONE_CLOCK = rf"(?:{CLOCK_WORD}\s*)?(\d{{1,2}})[.:](\d{{2}})"
_TWO_CLOCKS = re.compile(rf"^{_ONE_CLOCK}\s+{_ONE_CLOCK}$", re.I)
# A time row's value in hours and minutes without a separator: "Kl.: 0900-1430", "Tid: 1000".
_COMPACT_CLOCKS = re.compile(r"^([01]\d|2[0-3])([0-5]\d)(?:\s*[-–—]\s*([01]\d|2[0-3])([0-5]\d))?$")
_NUMBER_VALUE = re.compile(r"^(?:nr\.?\s*)?(\d{1,3}(?:\s*[-/]\s*\d{2,4})?)$", re.I)


def clean_place(value: str) -> str | None:
    value = clean(value).rstrip(".")
    value = _MODE_SUFFIX.sub("", value)
    stripped = _MODE_PREFIX.sub("", value)
    return (stripped or value).strip(" ,") or None


_WEEKDAY = re.compile(rf"\b{WEEKDAY}(?:en)?\b", re.I)
_WHEN = [NUMERIC_DATE, WRITTEN_DATE, ISO_DATE, TIME_RANGE, TIME_RANGE_COMPACT, TIME_START, _WEEKDAY]
# What is left of the date and time: a word that only led into them.
_LEFT_OVER = re.compile(rf"(?:den|d\.|{CLOCK_WORD}|fra|frå|til|i|på)?", re.I)


def _place_beside_time(value: str) -> str | None:
    """The place in a row that gives the date or time too ("Kommunestyresalen, 12.03.2024 kl.
    09:00", "12.03.2024 kl. 10.00, Rådhuset"): what is left without them."""
    text = clean(value).rstrip(".")
    for pattern in _WHEN:
        text = pattern.sub(",", text)
    parts = [clean(re.sub(r"^(?:i|på)\s+", "", p.strip(" .-–"), flags=re.I)) for p in text.split(",")]
    kept = [p for p in parts if not _LEFT_OVER.fullmatch(p)]
    return clean_place(", ".join(kept)) if kept else None


# A label holds a letter: "10:00" in a cell of its own is a clock, not "10" with the value "00".
_LABEL_ALONE = re.compile(r"^((?=[^:]*[^\W\d_])[^:]{2,30}):$")
_LABEL_AND_VALUE = re.compile(r"^((?=[^:]*[^\W\d_])[^:]{2,30}):\s*(\S.*)$")


def _cell_pairs(cells: list[str]) -> list[tuple[str, str]]:
    """A row read cell by cell: a label alone takes the cells after it up to the next label
    ("Møtedato: | 12.03.2019 | Møtestad: | Rådhuset")."""
    pairs: list[tuple[str, str]] = []
    for text in cells:
        if m := _LABEL_ALONE.match(text):
            pairs.append((m.group(1).strip(), ""))
        elif m := _LABEL_AND_VALUE.match(text):
            pairs.append((m.group(1).strip(), m.group(2).strip()))
        elif pairs:
            pairs[-1] = (pairs[-1][0], f"{pairs[-1][1]} {text}".strip())
    return pairs


# Where a label may end inside a value: a word, up to three more before it, then a colon and a
# space ("… 12.03.2019 Tid: kl. 09.00 Sted: Rådhuset"), or an abbreviation's point ("Til kl.:");
# a clock's colon follows a digit.
_LABEL_END = re.compile(r"(?:(?<=[^\W\d_])|(?<=[^\W\d_]\.)):(?=\s|$)")
_LABEL_WORDS = re.compile(r"(?:^|\s)((?:[^\s:]+\s+){0,3}[^\W\d_][^\s:]*)$")


_MEETING_LABELS = (*DATE_LABELS, TIME_LABEL, END_LABEL, PLACE_LABEL, PLACE_AND_TIME_LABEL, MEETING_NUMBER_LABEL)


def _split_run_on(label: str, value: str) -> list[tuple[str, str]]:
    """A value that runs on into the next meeting labels of its line, as one pair for each
    ("Møtedato: 12.03.2019 Tid: kl. 09.00 Sted: Rådhuset"). A colon after other words is the
    value's own ("inngang B: sidedøren")."""
    pairs, start = [(label, value)], 0
    for colon in _LABEL_END.finditer(value):
        words = _LABEL_WORDS.search(value, start, colon.start())
        if not words:
            continue
        found = words.group(1).split()
        for n in range(len(found), 0, -1):  # the longest label first: "Dato og tid", then "tid"
            candidate = " ".join(found[-n:])
            if any(p.match(candidate) for p in _MEETING_LABELS):
                begin = words.end(1) - len(candidate)
                if begin > start:
                    pairs[-1] = (pairs[-1][0], value[start:begin].strip())
                    pairs.append((candidate, ""))
                    start = colon.end()
                break
    if len(pairs) > 1:
        pairs[-1] = (pairs[-1][0], value[start:].strip())
    return pairs


def _labelled_pairs(line: Line) -> list[tuple[str, str]]:
    """Label rows, including a table row holding several "Label: value" cells side by side
    ("Møtedato: | 15.01.2015 | Møtetid: Kl. 11:30 - 11:50")."""
    split = _cell_pairs([clean(c.text) for c in line.cells]) if len(line.cells) > 2 else []
    if len(split) > 1 and _LABEL_ALONE.match(clean(line.cells[0].text)):
        return split
    pairs = []
    lv = label_value(line)
    if lv:
        pairs += _split_run_on(*lv) if len(line.cells) == 1 else [lv]
    for cell in line.cells[1:]:
        m = re.match(r"^([^:]{2,30}):\s*(\S.*)$", clean(cell.text))
        if m:
            pairs.append((m.group(1).strip(), m.group(2).strip()))
    return pairs


def parse_meeting(
    lines: list[Line],
    title: str | None,
    year: int | None = None,
    under_title: str | None = None,
    document_date: bool = True,
    headings: Sequence[str] = (),
) -> Meeting:
    """`year` (from the document's case numbers) dates a header that prints no year;
    `under_title` is the line printed under the title and `headings` the title's lines and the
    other headings of the head; without `document_date` a plain "Dato:" row is taken for the document's own date
    (as in a case document), not the meeting's."""
    meeting = Meeting()
    ranks = len(DATE_LABELS) if document_date else len(DATE_LABELS) - 1
    best_rank = ranks
    time_value: str | None = None
    end_value: str | None = None
    for line in lines:
        pairs = _labelled_pairs(line)
        letter = any(_LETTER_REFERENCE.match(label) for label, _ in pairs)
        for label, value in pairs:
            for rank, pattern in enumerate(DATE_LABELS[:ranks]):
                if letter and rank == DOCUMENT_DATE_RANK:
                    continue
                if rank < best_rank and pattern.match(label) and (date := parse_date(value, year)):
                    meeting.date = date
                    meeting.start, meeting.end = parse_times(value)
                    best_rank = rank
            if meeting.place is None and PLACE_LABEL.match(label) and value:
                meeting.place = clean_place(value)
            elif meeting.place is None and PLACE_AND_TIME_LABEL.match(label) and value:
                meeting.place = _place_beside_time(value)
            if time_value is None and TIME_LABEL.match(label) and value:
                time_value = value
            if end_value is None and END_LABEL.match(label) and value:
                end_value = value
            if meeting.number is None and MEETING_NUMBER_LABEL.match(label) and (m := _NUMBER_VALUE.match(value)):
                meeting.number = re.sub(r"\s+", "", m.group(1))
    if meeting.date is None:
        for line in lines:
            text = clean(line.text)
            start, end = parse_times(text)
            if start and (date := parse_date(text)):
                meeting.date, meeting.start, meeting.end = date, start, end
                break
    if meeting.date is None and title:
        meeting.date = parse_date(title, year)
    if meeting.date is None and under_title:
        meeting.date = parse_date(under_title, year)
    if meeting.date is None:
        meeting.date = _announced_date(lines, year)
    if meeting.date is None:  # "Referat" / "Generalforsamling" / "1. april 2014"
        meeting.date = _day_alone(headings, year, weekday=False)
    if meeting.date is None:
        meeting.date = _day_alone((line.text for line in lines), year)
    if meeting.date and meeting.start is None and title and parse_date(title, year) == meeting.date:
        meeting.start, meeting.end = parse_times(title)  # "… tirsdag den 4. desember 2012, kl. 13:00"
    if meeting.date and meeting.start is None:
        meeting.start, meeting.end = _times_alone(lines, time_value)
    if meeting.date and meeting.end is None and end_value and (m := _CLOCK_ALONE.match(clean(end_value))):
        meeting.end = clock(m.group(1), m.group(2))
    if title and meeting.number is None:
        meeting.number = _number(MEETING_NUMBER.search(title))
    if meeting.number is None:  # a line of its own under the title: "Møte nr. 5/2009"
        meeting.number = next((n for ln in lines if (n := _number(MEETING_NUMBER.fullmatch(clean(ln.text))))), None)
    if meeting.place is None:
        meeting.place = _announced_place(lines)
    return meeting


def _number(m: re.Match[str] | None) -> str | None:
    """The meeting's number as printed, without spaces; a date is not one."""
    if m is None:
        return None
    number = re.sub(r"\s+", "", m.group(1))
    return None if find_dates(number) else number


def _times_alone(lines: list[Line], time_value: str | None) -> tuple[str | None, str | None]:
    """The time on a line of its own under the date ("Kl. 13.00–15.00"), or a row "KL.: 14:00"."""
    if time_value is not None:
        start, end = parse_times(time_value)
        if m := _TWO_CLOCKS.match(clean(time_value)):
            return clock(m.group(1), m.group(2)), clock(m.group(3), m.group(4))
        if start:
            return start, end
        if m := _CLOCK_ALONE.match(clean(time_value)):
            return clock(m.group(1), m.group(2)), None
        if m := _COMPACT_CLOCKS.match(clean(time_value)):
            return clock(m.group(1), m.group(2)), clock(m.group(3), m.group(4)) if m.group(3) else None
    for line in lines:
        start, end = parse_times(clean(line.text))
        if start and end and not any(looks_like_name(clean(c.text)) for c in line.cells):
            return start, end  # "Kari Berg | 16.30-17.30": that person's hours, not the meeting's
    for line in lines:
        if m := _CLOCK_LINE.match(clean(line.text)):
            return clock(m.group(1), m.group(2)), None
    return None, None


# A meeting's day alone on its line, named by its weekday ("Torsdag 20. juni 2013", "tirsdag den
# 4.12.2012, kl. 13:00"): a letter's own date is printed without one, except in a title block.
_DAY_ALONE = re.compile(
    rf"^(?P<weekday>{WEEKDAY}\s*,?\s+)?(?:den\s+)?(?P<date>\d[^,]*?)\.?(?:,?\s+(?:{CLOCK_WORD})\s*\d.*)?$", re.I
)
# The clock alone on its line under the day: "Kl. 10:30".
_CLOCK_LINE = re.compile(rf"^{CLOCK_WORD}\s*(\d{{1,2}})[.:](\d{{2}})$", re.I)


def _day_alone(texts: Iterable[str], year: int | None, weekday: bool = True) -> str | None:
    """The day of the meeting printed as a line of its own, where no label or sentence dates it."""
    for text in texts:
        m = _DAY_ALONE.match(clean(text))
        if (
            m
            and (m.group("weekday") or not weekday)
            and any(p.fullmatch(m.group("date")) for p in (NUMERIC_DATE, WRITTEN_DATE))
        ):
            return parse_date(m.group("date"), year)
    return None


def _announced_date(lines: list[Line], year: int | None) -> str | None:
    """The date of a sentence that announces the meeting, not one naming another meeting."""
    for line in lines:
        text = clean(line.text)
        if MEETING_SENTENCE.search(text) and not OTHER_MEETING.search(text) and (date := parse_date(text, year)):
            return date
    return None


# The place that follows the clock in a sentence announcing the meeting: "… holder møte torsdag
# 15.10.2009 kl 10.00 på Rådhuset.", "… innkallast til møte … kl. 09.00 i heradshuset."
_PLACE_AFTER_CLOCK = re.compile(
    rf"{CLOCK_WORD}\s*\d{{1,2}}(?:[.:]\d{{2}})?(?:\s*[-–]\s*\d{{1,2}}(?:[.:]\d{{2}})?)?,?\s+(?:på|i)\s+"
    r"(?P<place>[^\W\d][^.]*?)\.?$",
    re.I,
)
# ... or comes before the day: "Møtet ble holdt på Rådhuset mandag 3. april …", "… innkalles til
# møte på Rådhuset 12.03.2024 kl. 18.00", "Det blir møte i Heradsstyresalen tysdag …"; a verb
# comes before "møte", so that a title ("Styremøte i Helse Nord RHF 19. februar") names no place.
_PLACE_BEFORE_DAY = re.compile(
    r"\b(?:(?:til|blir|holder|har|vert|er)\s+(?:\w+\s+)?\w*møte|(?:av)?holdes|(?:av)?holdt|halde|haldast|haldne?)"
    r"\s+(?:på|i)\s+"
    rf"(?P<place>[^\W\d][^,.;:]*?),?\s+(?={WEEKDAY}\b|\d{{1,2}}\.\s*(?:\d|[^\W\d]{{3}})|{CLOCK_WORD}\s*\d|den\s+\d)",
    re.I,
)
# Where a committee's noun names the room ("Formannskapssalen", "Styrerommet") the place is a room.
_ROOM = re.compile(r"(?:sal|salen|rom|rommet|stue|stua|hus|huset|bygg|bygget)$", re.I)


def _room_not_committee(place: str) -> bool:
    """ "møte i formannskapet" names who meets, not where."""
    words = place.split()
    return len(words) <= 6 and not any(COMMITTEE_NOUN.search(w) and not _ROOM.search(w) for w in words)


# What a place sentence may add after the place: "… i formannskapssalen med møtestart kl. 08:00.",
# "… på Sykehuset Levanger og starter kl 09.00."
_START_AFTER_PLACE = re.compile(rf"\s+(?:med\s+(?:møte|opp)?start|og\s+{ANNOUNCED_START_VERB})\b.*$", re.I)


def _announced_place(lines: list[Line]) -> str | None:
    for line in lines:
        text = clean(line.text)
        if m := PLACE_SENTENCE.match(text):
            return _place_beside_time(_START_AFTER_PLACE.sub("", m.group("place")))
    for line in lines:
        text = clean(line.text)
        if MEETING_SENTENCE.search(text) and not OTHER_MEETING.search(text) and (m := _PLACE_AFTER_CLOCK.search(text)):
            return clean_place(m.group("place"))
    for line in lines:
        text = clean(line.text)
        if OTHER_MEETING.search(text) or not (m := _PLACE_BEFORE_DAY.search(text)):
            continue
        if _room_not_committee(m.group("place")) and organisation(m.group("place")) is None:
            return clean_place(m.group("place"))  # "styremøte i Helse Nord RHF" names who meets
    return None


def times_from_sentences(text: str) -> tuple[str | None, str | None]:
    """ "Møtet ble satt kl. 10.00" … "Møtet ble hevet kl. 15.30": start and end told in the minutes."""
    start = end = None
    if m := START_SENTENCE.search(text):
        start = clock(m.group("h"), m.group("m"))
    if m := END_SENTENCE.search(text):
        end = clock(m.group("h"), m.group("m"))
    if (start is None or end is None) and (m := SPAN_SENTENCE.search(text)):
        start, end = start or clock(m.group("h"), m.group("m")), end or clock(m.group("h2"), m.group("m2"))
    return start, end
