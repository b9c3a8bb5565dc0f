"""Cases: find case headings in every layout of the genre and cut a document into cases.

Candidate headings are told by typography and position *and* by a numbering pattern:
  * label rows: "Sak: 08/23" (or "Sak nr.: 2/2004") followed by "Tittel:" / "Navn på sak:";
  * styled headings: a bold or larger line starting with a case number, "20/24 Title",
    "Sak 01/2023: Title", "PS 12/24 – Title", "ST 2010/69 Title", "Sak 041-2010 TITLE", whose
    title may wrap onto a second line, or stand alone on the next line;
  * list entries: "Sak 08/23 Title" lines, or rows of a table with a case-number column, in
    the agenda list ("Saksliste", "Sakliste", "Sakskart", "Dagsorden");
  * case forms: a table whose header names a case-number column ("Utvalg | Møtedato |
    Saksnr.") with the title set as a heading right after (or before) the table;
  * items numbered without a year ("1. Title", "Sak 3 Title"), only where the document has no
    other numbering, they are styled as headings and count up from one by one.
A list entry and a section with the same number are one case: the section's heading gives
the title (as printed in the case's own heading), the list fills in cases without a section.
A heading in the body that the document's own list does not name needs heading typography.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from extract.segment.lines import is_heading_style, label_value, starts_paragraph
from extract.segment.numbers import RANGE, CaseNo, cell_number, parse_heading_number, parse_unnumbered_year
from extract.segment.tables import cell_under, columns, is_row, squash, text_under
from extract.segment.text import ISO_DATE, NUMERIC_DATE, OPEN_END, WRITTEN_DATE, clean
from extract.segment.vocabulary import (
    ADOPTED_LABEL,
    BARE_NUMBER_COLUMN,
    BODY_COLUMN,
    CASE_LABEL,
    CASE_LIST_HEADING,
    DATE_COLUMN,
    DECISION_COLUMN,
    DOCUMENT_NAME,
    DOCUMENT_PREFIX,
    NUMBER_COLUMN,
    PROPOSAL_COLUMN,
    PROPOSAL_LABEL,
    SECTION_LABEL,
    TITLE_COLUMN,
    TITLE_LABEL,
    WEEKDAY,
)
from models.layout import Cell, Line

MARGIN_TOLERANCE = 4.0
# A heading that names itself a case: "Sak 14:", "Sak nr. 3", "Saksnr. 7".
_CASE_WORD = re.compile(r"^(?:sak|saka|saken|saksnr|sak\s+nr)\.?\s*(?:nr\.?\s*)?\d", re.I)
# A heading line this much short of the column's right edge (as a share of the column) ends
# its title: a title wraps only when its line is full.
SHORT_LINE_SHARE = 0.3
# ... unless it breaks off mid-phrase (text.OPEN_END): a title set by hand over two lines.
_SEP = re.compile(r"^\s*(?:[:.\-–—]\s*)?")
# A table of contents' leaders and page number after a title: "Orienteringssaker ........ 6",
# ". . . . 6", "…… 6"; three dots alone end a title that trails off ("Eventuelt...").
_LEADERS = re.compile(r"\s*(?:(?:\.\s?){4,}|(?:…\s?){2,}|(?:\.\s?){3}(?=\s*\d))\s*\d{0,4}\s*$")
TABLE_COLUMNS = {
    "number": NUMBER_COLUMN,
    "title": TITLE_COLUMN,
    "body": BODY_COLUMN,
    "date": DATE_COLUMN,
    "decision": DECISION_COLUMN,
    "proposal": PROPOSAL_COLUMN,
}
# A meeting named by its word and date alone ("Styremøte 15.02.2012", "Møte onsdag 15. mai 2024").
_MEETING_WORD = re.compile(rf"^\w*møte(?:dato)?\s*:?\s*(?:{WEEKDAY}\s*,?\s*)?$", re.I)
# Heading kinds by how much a case's own section says: the section's heading wins over a list entry.
RANK = {"label": 3, "form": 3, "styled": 3, "bare": 2, "list": 0}


def left_margin(lines: list[Line]) -> float:
    """Where most lines begin: the text column's left edge."""
    starts = Counter(round(ln.x0) for ln in lines if ln.text and not ln.table)
    return float(starts.most_common(1)[0][0]) if starts else 0.0


@dataclass(slots=True)
class Heading:
    index: int  # position of the heading's first line in the document's lines
    end: int  # position after the heading's last line (title continuation included)
    case_no: CaseNo
    title: str
    kind: str  # "label", "styled", "form", "bare", "list"
    page: int
    body: str | None = None  # the committee named in a case form's table
    date: str | None = None  # the meeting date printed in a case form's table
    decision: str | None = None  # a table row's decision cell ("Sak | Tema | Konklusjon")
    proposal: str | None = None  # a table row's proposal cell ("Sak | Tittel | Forslag til vedtak")
    number: str = ""  # normalized NN/YYYY, set once the meeting's year is known
    listed: bool = False  # an entry of the document's own agenda list

    @property
    def prefix(self) -> str | None:
        return self.case_no.prefix


@dataclass(slots=True)
class CaseSpan:
    heading: Heading
    lines: list[Line] = field(default_factory=list)  # the case's text after its heading


def is_case_heading(text: str) -> bool:
    """Whether `text` reads as a case heading: a case number, then a title ("PS 3/24 Budsjett")."""
    parsed = parse_heading_number(clean(text))
    return parsed is not None and bool(_title_rest(parsed[1]))


def _title_rest(rest: str) -> str:
    return _SEP.sub("", rest, count=1).strip()


def _match(text: str) -> tuple[CaseNo, str] | None:
    text = clean(text)
    if RANGE.match(text) or RANGE.search(text[:30]):
        return None
    parsed = parse_heading_number(text)
    if parsed is None:
        return None
    number, rest = parsed
    return number, _title_rest(rest)


def _is_label(line: Line) -> bool:
    return bool(PROPOSAL_LABEL.match(line.text) or ADOPTED_LABEL.match(line.text) or label_value(line))


def _label_heading(lines: list[Line], i: int) -> Heading | None:
    """ "Sak: | 08/23" then, within a few rows, "Tittel: | …" (continued under its column)."""
    lv = label_value(lines[i])
    if not lv or not CASE_LABEL.match(lv[0] + ":") or RANGE.search(lv[1]):
        return None
    parsed = parse_heading_number(lv[1], strict=False)
    if parsed is None:
        return None
    number, rest = parsed
    title, end = _title_rest(rest), i + 1
    for j in range(i + 1, min(i + 4, len(lines))):
        tv = label_value(lines[j])
        if tv and TITLE_LABEL.match(tv[0] + ":") and not CASE_LABEL.match(tv[0] + ":"):
            parts, end = [tv[1]], j + 1
            value_x = lines[j].cells[-1].x0 if len(lines[j].cells) >= 2 else None
            while end < len(lines) and value_x is not None and _continues_value(lines[end], lines[end - 1], value_x):
                parts.append(lines[end].text)
                end += 1
            title = _join_title(parts)
            break
    return Heading(index=i, end=end, case_no=number, title=clean(title), kind="label", page=lines[i].page)


def _continues_value(line: Line, prev: Line, value_x: float) -> bool:
    """A line set under the value column of a label row, with nothing in the label column."""
    return (
        not line.rule
        and not line.table
        and line.page == prev.page
        and len(line.cells) == 1
        and abs(line.x0 - value_x) <= 3.0
    )


def _join_title(parts: list[str]) -> str:
    """Title lines under one label, each perhaps a dash item ("- Protokoll fra …")."""
    items = [re.sub(r"^[-–•]\s+", "", clean(p)) for p in parts if clean(p)]
    if len(items) > 1 and all(re.match(r"^[-–•]\s", clean(p)) for p in parts):
        return " - ".join(items)
    return " ".join(items)


def _title_like(line: Line, body: float) -> bool:
    """A line that can be a case's title: set as a heading, not a label, a number or a table row."""
    text = clean(line.text)
    return (
        not line.rule
        and not line.table
        and is_heading_style(line, body)
        and any(ch.isalpha() for ch in text)
        and not text.endswith(":")
        and not _is_label(line)
        and _match(text) is None
    )


def _form_title(lines: list[Line], start: int, end: int, body: float) -> tuple[str, int, int]:
    """The title of a case form: the heading right after its table, or else right before it.
    Returns (title, first index, end index) of the heading block including the table."""
    if end < len(lines) and _title_like(lines[end], body) and lines[end].page == lines[end - 1].page:
        stop = _continuation(lines, end + 1, lines[end], same_style=True)
        return clean(" ".join(lines[k].text for k in range(end, stop))), start, stop
    before = start - 1
    if before >= 0 and _title_like(lines[before], body) and lines[before].page == lines[start].page:
        return clean(lines[before].text), before, end
    return "", start, end


def _table_headings(lines: list[Line], i: int, body: float) -> tuple[list[Heading], int] | None:
    """Rows under a header row that names a case-number column: agenda entries where the
    header has a title column, else a case form (number, committee, date) titled by the
    heading next to it."""
    header = lines[i]
    if not is_row(header) or any(cell_number(c.text) for c in header.cells):
        return None
    cols = columns(header, TABLE_COLUMNS)
    if "number" not in cols and i + 1 < len(lines):
        cols = _bare_number_column(header, lines[i + 1]) or cols
    if "number" not in cols or len(cols) < 2:
        return None
    headings: list[Heading] = []
    in_text = False  # a row of the case's own text (a label) was met since the last numbered row
    j = i + 1
    while j < len(lines):
        row = lines[j]
        number = cell_number(text_under(row, cols["number"])) if is_row(row) else None
        if number is None:
            if not _wrapped_case_row(row, cols, headings):
                break
            # "Konklusjon: …" under the title column: the case's text begins, the title has ended;
            # its rows stay with the case, after its heading.
            in_text = in_text or ("title" in cols and _case_text_row(row, lines[headings[-1].index], cols["title"]))
            if in_text:
                j += 1
                continue
            last = headings[-1]
            for name in ("title", "decision", "proposal"):
                if name in cols and (more := text_under(row, cols[name])):
                    before = getattr(last, name) or ""
                    setattr(last, name, clean(f"{before} {more}"))
            last.end = j + 1
            j += 1
            continue
        title = text_under(row, cols["title"]).rstrip(":").strip() if "title" in cols else ""
        kind = "list" if "title" in cols else "form"
        in_text = False
        headings.append(
            Heading(
                index=j,
                end=j + 1,
                case_no=number,
                title=title,
                kind=kind,
                page=row.page,
                listed=kind == "list",
                body=text_under(row, cols["body"]) or None if "body" in cols else None,
                date=text_under(row, cols["date"]) or None if "date" in cols else None,
                decision=text_under(row, cols["decision"]) or None if "decision" in cols else None,
                proposal=text_under(row, cols["proposal"]) or None if "proposal" in cols else None,
            )
        )
        j += 1
    if not headings:
        return None
    if headings[0].kind == "form":
        stop = j
        while stop < len(lines) and lines[stop].table:
            stop += 1  # the rest of the form's table (archive and officer rows)
        title, first, end = _form_title(lines, i, stop, body)
        form = headings[0]
        form.index, form.end, form.title = first, end, title
        return [form], end
    return headings, j


def _bare_number_column(header: Line, first_row: Line) -> dict[str, Cell] | None:
    """ "Sak | Tema | Konklusjon": a bare "Sak" header is the number column when the row below
    holds a case number under it and another header names the titles."""
    bare = next((c for c in header.cells if BARE_NUMBER_COLUMN.match(squash(c.text))), None)
    if bare is None or cell_number(text_under(first_row, bare)) is None:
        return None
    others = [c for c in header.cells if c is not bare]
    cols = columns(Line(page=header.page, top=header.top, bottom=header.bottom, cells=others), TABLE_COLUMNS)
    if "title" not in cols:
        return None
    return {"number": bare, **cols}


def _wrapped_case_row(row: Line, cols: dict[str, Cell], headings: list[Heading]) -> bool:
    """A wrapped line of the row above: nothing under the number column, text under its title or
    decision column, on the same page."""
    if not headings or row.rule or row.page != headings[-1].page or text_under(row, cols["number"]):
        return False
    if any(cell_number(c.text) for c in row.cells):
        return False
    named = [cols[n] for n in ("title", "decision", "proposal") if n in cols]
    filled = [c for c in row.cells if c.text.strip()]
    return (
        bool(filled)
        and all(any(cell_under(row, h) is c for h in named) for c in filled)
        and any(text_under(row, h) for h in named)
    )


def _case_text_row(row: Line, numbered: Line, title: Cell) -> bool:
    """A row under the title column that begins the case's text rather than wrapping its title:
    it starts with a label of the case's parts (a decision, a proposal, a section), or it is set
    in regular type under a bold title."""
    text, cell, above = clean(text_under(row, title)), cell_under(row, title), cell_under(numbered, title)
    if ADOPTED_LABEL.match(text) or PROPOSAL_LABEL.match(text) or SECTION_LABEL.match(text):
        return True
    return cell is not None and above is not None and above.bold and not cell.bold


def _cell_heading(lines: list[Line], i: int) -> Heading | None:
    """A row whose first cell is only a case number ("12/24 | Godkjenning av innkalling | Leder")."""
    line = lines[i]
    cells = [c for c in line.cells if clean(c.text)]
    if len(cells) < 2:
        return None
    number = cell_number(clean(cells[0].text))
    title = clean(cells[1].text).rstrip(":").strip()
    if number is None or title[:1].islower():  # "59/60 | har | stemt.": a count in running text
        return None
    if _meeting_reference(title):
        return None  # a number and its meeting: the title is elsewhere, if printed
    return Heading(
        index=i,
        end=i + 1,
        case_no=number,
        title=title,
        kind="styled" if line.bold else "list",
        page=line.page,
    )


def _meeting_reference(text: str) -> bool:
    """ "Styremøte 15.02.2012" set with a case's number says which meeting the case goes to: it is
    not the case's title (a form's row above may hold that)."""
    text = clean(text)
    for date in (NUMERIC_DATE, WRITTEN_DATE, ISO_DATE):
        if (found := date.search(text)) and not text[found.end() :].strip(" ."):
            return bool(_MEETING_WORD.match(text[: found.start()].strip()))
    return False


def _number_only_heading(lines: list[Line], i: int, number: CaseNo, body: float, explicit: bool) -> Heading | None:
    """ "Sak 12/24" alone on its line, the title on the next: both set as headings."""
    line = lines[i]
    if not (is_heading_style(line, body) or explicit):
        return None
    j = i + 1
    if j >= len(lines) or lines[j].rule or lines[j].page != line.page or _match(lines[j].text):
        return None
    nxt = lines[j]
    if not is_heading_style(nxt, body) or _is_label(nxt) or not clean(nxt.text)[:1].isupper():
        return None
    if _meeting_reference(nxt.text) or DOCUMENT_NAME.match(clean(nxt.text)):
        return None
    end = _continuation(lines, j + 1, nxt, same_style=True)
    return Heading(
        index=i,
        end=end,
        case_no=number,
        title=clean(" ".join(lines[k].text for k in range(j, end))).rstrip(":").strip(),
        kind="styled",
        page=line.page,
    )


FORM_ROWS = 12  # a case document's header rows stand this close above its number


def _titled_by_form(lines: list[Line], i: int, number: CaseNo, body: float, explicit: bool = False) -> Heading | None:
    """A number set as a heading with its title in a header row above ("Saka gjeld: …" over
    "Styresak 009/12 B"), or with no title printed at all. In regular type, the number needs its
    case word ("Styresak 037/03 B") and the row above its title."""
    line = lines[i]
    styled = is_heading_style(line, body)
    if not (styled or explicit) or (i + 1 < len(lines) and _match(lines[i + 1].text)):
        return None  # "SSU sak 27/2024" over "27/2024 Rekruttering …" titles a document
    title = ""
    for j in range(max(0, i - FORM_ROWS), i):
        tv = label_value(lines[j])
        if tv and TITLE_LABEL.match(tv[0] + ":") and not CASE_LABEL.match(tv[0] + ":") and tv[1]:
            title = tv[1]
    if not (styled or title):
        return None
    return Heading(index=i, end=i + 1, case_no=number, title=clean(title), kind="styled", page=line.page)


def _continuation(lines: list[Line], start: int, like: Line, same_style: bool) -> int:
    """Index after the lines that continue a wrapped heading title."""
    right = max((ln.x1 for ln in lines if ln.page == like.page and not ln.table), default=0.0)
    j = start
    while j < len(lines):
        nxt = lines[j]
        if (
            nxt.rule
            or nxt.table
            or nxt.page != like.page
            or (_short(lines[j - 1], right) and not OPEN_END.search(clean(lines[j - 1].text)))
            or (starts_paragraph(nxt) and not (same_style and _wrapped(nxt, like)))
            or _match(nxt.text)
            or _is_label(nxt)
            or (same_style and (nxt.bold != like.bold or abs(nxt.size - like.size) > 0.5))
            or (not same_style and nxt.x0 < like.x0 - 2)
        ):
            break
        j += 1
    return j


def _short(line: Line, right: float) -> bool:
    """A line ending well before the text column's right edge did not wrap onto the next."""
    return line.x1 < right - SHORT_LINE_SHARE * (right - line.x0)


def _wrapped(line: Line, like: Line) -> bool:
    """A heading's wrapped line sits closer to it than a paragraph's white space."""
    return line.gap_before is not None and line.gap_before < 0.5 * max(like.size, 1)


def _styled_heading(
    lines: list[Line], i: int, body: float, in_list: bool, margin: float, plain: bool
) -> Heading | None:
    line = lines[i]
    matched = _match(line.text)
    if matched is None or ADOPTED_LABEL.match(clean(line.text)):
        return None  # "FS-070/13 Vedtak:" labels the case's decision
    number, title = matched
    if len(line.cells) >= 2 and _meeting_reference(title) and _match(line.cells[0].text) == (number, ""):
        title = ""  # "Styresak 009/12 B | Styremøte 15.02.2012": the meeting in a cell of its own
    explicit = number.printed[:1].isalpha()  # a case word or prefix stands before the number
    if not title:
        return _number_only_heading(lines, i, number, body, explicit) or _titled_by_form(
            lines, i, number, body, explicit
        )
    styled = is_heading_style(line, body)
    # An unstyled "Sak 05/24 ble …" is running text; a heading's title starts upper-case.
    upper = title[:1].isupper()
    explicit = explicit and upper
    # Bare numbers in unstyled text: at the left margin, opening a paragraph (an indented
    # "26/22 …" is a list item whose bullet OCR did not see).
    bare = (
        plain
        and upper
        and (line.gap_before is None or starts_paragraph(line))
        and abs(line.x0 - margin) <= MARGIN_TOLERANCE
    )
    if not (styled or in_list or explicit or bare):
        return None
    kind = "styled" if styled else "list"
    plain_only = bare and not (styled or in_list or explicit)
    end = i + 1 if plain_only else _continuation(lines, i + 1, line, same_style=styled)
    title = " ".join([title, *(lines[k].text for k in range(i + 1, end))])
    return Heading(
        index=i,
        end=end,
        case_no=number,
        title=clean(title).rstrip(":").strip(),
        kind=kind,
        page=line.page,
        listed=in_list,
    )


def _continued_title(lines: list[Line], i: int, title: str) -> tuple[str, int]:
    """The title begun on heading line `i`, with the lines of the same style that continue it,
    and where the heading ends."""
    end = _continuation(lines, i + 1, lines[i], same_style=True)
    return clean(" ".join([title, *(lines[k].text for k in range(i + 1, end))])).rstrip(":").strip(), end


def _unnumbered_heading(lines: list[Line], i: int, body: float, margin: float, in_list: bool) -> Heading | None:
    """ "1. Demokratimesterskapet", "Sak 3 Budsjett": an item numbered without a year, set as a
    heading at the left margin (or listed in the agenda)."""
    line = lines[i]
    parsed = parse_unnumbered_year(clean(line.text))
    if parsed is None:
        return None
    number, rest = parsed
    title = _title_rest(rest)
    if not title[:1].isupper() or len(line.cells) > 2:
        return None
    if not (in_list or (is_heading_style(line, body) and abs(line.x0 - margin) <= MARGIN_TOLERANCE)):
        return None
    title, end = _continued_title(lines, i, title)
    kind = "list" if in_list else "bare"
    return Heading(index=i, end=end, case_no=number, title=title, kind=kind, page=line.page, listed=in_list)


def _dashed_headings(lines: list[Line], body: float, margin: float) -> list[Heading]:
    """ "01-14 Godkjenning av innkalling", "02-14 Referat …": bare numbers joined to their year by
    a dash are a case numbering only as a scheme: headings set at the margin, two or more, of one
    year, counting up one by one (a lone "4-2024" names a meeting)."""
    found: list[Heading] = []
    for i, line in enumerate(lines):
        if line.rule or line.table or not is_heading_style(line, body) or abs(line.x0 - margin) > MARGIN_TOLERANCE:
            continue
        parsed = parse_heading_number(clean(line.text), strict=False)
        if parsed is None or parsed[0].printed[:1].isalpha() or "-" not in parsed[0].printed:
            continue
        number, title = parsed[0], _title_rest(parsed[1])
        if not title[:1].isupper():
            continue
        title, end = _continued_title(lines, i, title)
        found.append(Heading(index=i, end=end, case_no=number, title=title, kind="styled", page=line.page))
    if len({h.case_no.year for h in found}) != 1 or not _counts_up([h.case_no.num for h in found], start=None):
        return []
    return found


def find_headings(lines: list[Line], body: float, plain: bool = False) -> list[Heading]:
    """Case headings in order. With `plain`, for text without styles (OCR), a bare "12/24 Title"
    opening a paragraph counts as a heading too."""
    headings: list[Heading] = []
    in_list = False
    margin = left_margin(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        text = clean(line.text)
        if CASE_LIST_HEADING.match(text):
            in_list = True
            i += 1
            continue
        if h := _label_heading(lines, i):
            headings.append(h)
            in_list = False
            i = h.end
            continue
        if found := _table_headings(lines, i, body):
            table, i = found
            headings.extend(table)
            continue
        if h := _cell_heading(lines, i):
            h.listed = in_list or h.kind == "list"
            headings.append(h)
            i = h.end
            continue
        h = _styled_heading(lines, i, body, in_list, margin, plain) if not line.rule else None
        if h is None and not line.rule:
            h = _unnumbered_heading(lines, i, body, margin, in_list)
        if h is not None:
            headings.append(h)
            if h.kind != "list":
                in_list = False
            i = h.end
            continue
        if in_list and text and starts_paragraph(line) and not line.table:
            in_list = False
        i += 1
    if not plain and all(h.case_no.year is None for h in headings):
        headings = sorted(headings + _dashed_headings(lines, body, margin), key=lambda h: h.index)
    return _agreeing_with_the_list(_one_scheme(headings))


def _agreeing_with_the_list(headings: list[Heading]) -> list[Heading]:
    """Where the document lists its cases, a heading the list does not name must be set as one
    (styled, a label or a form): an unstyled "Sak 12/24 …" in running text is not a case."""
    listed = {h.case_no.key[1:] for h in headings if h.listed}
    if not listed:
        return headings
    return [h for h in headings if h.listed or h.kind != "list" or h.case_no.key[1:] in listed]


def _one_scheme(headings: list[Heading]) -> list[Heading]:
    """Items numbered without a year are cases only where nothing else is numbered, and only when
    they count up one by one from one, as an agenda's items do (not decision points); items that
    name themselves cases ("Sak 14:", "Sak 15:") may start where the year's numbering stands."""
    unnumbered = [h for h in headings if h.case_no.year is None]
    if not unnumbered:
        return headings
    dated = [h for h in headings if h.case_no.year is not None]
    if dated:
        return dated
    nums = [h.case_no.num for h in unnumbered if h.kind != "list"]
    listed = [h.case_no.num for h in unnumbered if h.kind == "list"]
    if _counts_up(nums) or _counts_up(listed):
        return unnumbered
    own = [h for h in unnumbered if h.kind != "list"]
    if own and all(_CASE_WORD.match(h.case_no.printed) for h in own) and _counts_up(nums, start=None):
        return unnumbered
    return []


def _counts_up(nums: list[int], start: int | None = 1) -> bool:
    return len(nums) >= 2 and start in (None, nums[0]) and all(b == a + 1 for a, b in pairwise(nums))


def split_cases(lines: list[Line], body: float, plain: bool = False) -> list[CaseSpan]:
    """One span per case, in order of first appearance, from the richest heading; two headings of
    one case in a row (its number over its form) open one section, which runs to the next case.

    `plain` for text whose style cannot be trusted (OCR): bare "12/24 Title" lines count too."""
    headings = [] if plain else find_headings(lines, body)
    if plain or not any(h.kind in ("label", "styled", "form", "bare") for h in headings):
        headings = find_headings(lines, body, plain=True)
    headings = _merge_adjacent(headings)
    _drop_page_numbers(headings)
    for h in headings:
        h.number = h.case_no.normalized() or ""
        h.title = DOCUMENT_PREFIX.sub("", _LEADERS.sub("", h.title))
    spans: list[CaseSpan] = []
    for k, h in enumerate(headings):
        stop = headings[k + 1].index if k + 1 < len(headings) else len(lines)
        prev = spans[-1].heading if spans else None
        if prev is not None and h.kind != "list" and prev.kind != "list" and _same_case(prev, h):
            # "Sak 56/09" over its case form "56/09 | Kommunestyret | …": one section, both headings'
            spans[-1].lines = lines[prev.end : stop]
            _fill(prev, h)
            continue
        spans.append(CaseSpan(heading=h, lines=lines[h.end : stop]))
    best: dict[tuple, CaseSpan] = {}
    order: list[tuple] = []
    for span in spans:
        key = _key(span.heading, best)
        if key not in best:
            best[key] = span
            order.append(key)
            continue
        old = best[key]
        if (RANK[span.heading.kind], len(span.lines)) > (RANK[old.heading.kind], len(old.lines)):
            if not span.heading.title:
                span.heading.title = old.heading.title
            best[key] = span
        elif not old.heading.title:
            old.heading.title = span.heading.title
    return [best[k] for k in order]


_PAGE_NUMBER = re.compile(r"\s+(\d{1,3})$")
TOC_ENTRIES = 3  # fewer entries cannot tell page numbers from numbers that end titles


def _drop_page_numbers(headings: list[Heading]) -> None:
    """A table of contents without leaders: in a run of entries on consecutive lines, each
    title ending in a number and the numbers rising (or staying) down the run, those are page
    numbers ("Orienteringssaker 6"). "Tertialrapport 1", "Tertialrapport 2" alone, or years, are not."""
    runs: list[list[Heading]] = []
    for h in headings:
        if runs and runs[-1][-1].end == h.index and runs[-1][-1].page == h.page:
            runs[-1].append(h)
        else:
            runs.append([h])
    for run in runs:
        found = [_PAGE_NUMBER.search(h.title) for h in run]
        if len(run) < TOC_ENTRIES or not all(found):
            continue
        pages = [int(m.group(1)) for m in found if m]
        if all(a <= b for a, b in pairwise(pages)):
            for h, m in zip(run, found, strict=True):
                if m:
                    h.title = h.title[: m.start()]


def _same_case(a: Heading, b: Heading) -> bool:
    """Two headings of one case: its number and year, and no two different prefixes."""
    return a.case_no.key[1:] == b.case_no.key[1:] and (a.prefix == b.prefix or None in (a.prefix, b.prefix))


def _fill(heading: Heading, other: Heading) -> None:
    """What the second heading of a case gives that the first left out."""
    heading.title = heading.title or other.title
    heading.body = heading.body or other.body
    heading.date = heading.date or other.date
    heading.decision = heading.decision or other.decision
    heading.proposal = heading.proposal or other.proposal


def _key(h: Heading, seen: dict[tuple, CaseSpan]) -> tuple:
    """A listed "030/09" and the section "PS 30/09" are one case: a number printed without a
    prefix joins the one case with that number and a prefix, and the other way round."""
    prefix, num, year = h.case_no.key
    same = [k for k in seen if k[1:] == (num, year)]
    if prefix is None and len(same) == 1:
        return same[0]
    if prefix is not None and (None, num, year) in seen:
        return (None, num, year)
    return prefix, num, year


def _merge_adjacent(headings: list[Heading]) -> list[Heading]:
    """A case form printed twice in a row (the case's own table, then the committee's) is one heading."""
    out: list[Heading] = []
    for h in headings:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == h.kind == "form" and prev.case_no.key == h.case_no.key:
            prev.end = h.end
            prev.title = prev.title or h.title
            prev.body = prev.body or h.body
            prev.date = prev.date or h.date
            continue
        out.append(h)
    return out


def number_cases(spans: list[CaseSpan], meeting_year: int | None) -> list[CaseSpan]:
    """Each span's number as NN/YYYY once the meeting's year is known; spans whose number
    cannot be dated are dropped."""
    kept = []
    for span in spans:
        number = span.heading.case_no.normalized(meeting_year)
        if number is None:
            continue
        span.heading.number = number
        kept.append(span)
    return kept


def printed_years(spans: list[CaseSpan]) -> list[int]:
    """The years the document's case numbers print (two digits made four)."""
    return [y for s in spans if (y := s.heading.case_no.key[2]) is not None]
