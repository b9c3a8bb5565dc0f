"""Cases: find case headings in every layout of the genre and cut a document into cases.

Three kinds of heading are recognised:
  * label rows: "Sak: 08/23" followed by "Tittel: Innkalling og dagsorden";
  * styled headings: a bold or larger line starting with a case number, "20/24 Title",
    "Sak 01/2023: Title", "PS 12/24 – Title", whose title may wrap onto a second line;
  * list entries: "Sak 08/23 Title" lines in the "Saksliste" at the top of an agenda.
A list entry and a section with the same number are one case: the section's heading gives
the title (as printed in the case's own heading), the list fills in cases without a section.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from extract.segment.lines import is_heading_style, label_value, starts_paragraph
from extract.segment.text import case_number, clean
from extract.segment.vocabulary import (
    ADOPTED_LABEL,
    CASE_HEADING,
    CASE_LABEL,
    CASE_LIST_HEADING,
    CASE_NUMBER_CELL,
    PROPOSAL_LABEL,
    TITLE_LABEL,
)
from models.layout import Line

_NUM = r"(?P<num>\d{1,3})\s*/\s*(?P<year>\d{4}|\d{2})(?![\d/])"
_SEP = r"\s*(?:[:.\-–—]\s*)?"


MARGIN_TOLERANCE = 4.0


def left_margin(lines: list[Line]) -> float:
    """Where most lines begin: the text column's left edge."""
    starts = Counter(round(ln.x0) for ln in lines if ln.text and not ln.table)
    return float(starts.most_common(1)[0][0]) if starts else 0.0


@dataclass(slots=True)
class Heading:
    index: int  # position of the heading's first line in the document's lines
    end: int  # position after the heading's last line (title continuation included)
    number: str
    prefix: str | None
    title: str
    kind: str  # "label", "styled", "list"
    page: int


@dataclass(slots=True)
class CaseSpan:
    heading: Heading
    lines: list[Line] = field(default_factory=list)  # the case's text after its heading


def _prefix(m: re.Match[str]) -> str | None:
    p = m.group("prefix")
    if not p or p.lower() in {"sak", "sag"}:
        return None
    return p.upper() if len(p) <= 3 else p


def _match(text: str) -> re.Match[str] | None:
    m = CASE_HEADING.match(clean(text))
    if not m or case_number(m.group("num"), m.group("year")) is None:
        return None
    return m


def _is_label(line: Line) -> bool:
    return bool(PROPOSAL_LABEL.match(line.text) or ADOPTED_LABEL.match(line.text) or label_value(line))


def _label_heading(lines: list[Line], i: int) -> Heading | None:
    """ "Sak: | 08/23" then, within a few rows, "Tittel: | …"."""
    lv = label_value(lines[i])
    if not lv or not CASE_LABEL.match(lv[0] + ":"):
        return None
    m = re.match(rf"^{_NUM}{_SEP}(?P<title>.*)$", lv[1])
    if not m or case_number(m.group("num"), m.group("year")) is None:
        return None
    title, end = m.group("title"), i + 1
    for j in range(i + 1, min(i + 4, len(lines))):
        tv = label_value(lines[j])
        if tv and TITLE_LABEL.match(tv[0] + ":") and not CASE_LABEL.match(tv[0] + ":"):
            title, end = tv[1], j + 1
            break
    return Heading(
        index=i,
        end=end,
        number=case_number(m.group("num"), m.group("year")) or "",
        prefix=None,
        title=clean(title),
        kind="label",
        page=lines[i].page,
    )


def _cell_heading(lines: list[Line], i: int) -> Heading | None:
    """A row whose first cell is only a case number ("12/24 | Godkjenning av innkalling | Leder")."""
    line = lines[i]
    cells = [c for c in line.cells if clean(c.text)]
    if len(cells) < 2:
        return None
    m = CASE_NUMBER_CELL.match(clean(cells[0].text))
    if not m or case_number(m.group("num"), m.group("year")) is None:
        return None
    return Heading(
        index=i,
        end=i + 1,
        number=case_number(m.group("num"), m.group("year")) or "",
        prefix=_prefix(m),
        title=clean(cells[1].text).rstrip(":").strip(),
        kind="styled" if line.bold else "list",
        page=line.page,
    )


def _number_only_heading(lines: list[Line], i: int, m: re.Match[str], body: float) -> Heading | None:
    """ "Sak 12/24" alone on its line, the title on the next: both set as headings."""
    line = lines[i]
    if not (is_heading_style(line, body) or m.group("word") or m.group("prefix")):
        return None
    j = i + 1
    if j >= len(lines) or lines[j].rule or lines[j].page != line.page or _match(lines[j].text):
        return None
    nxt = lines[j]
    if not is_heading_style(nxt, body) or _is_label(nxt) or not clean(nxt.text)[:1].isupper():
        return None
    end = _continuation(lines, j + 1, nxt, same_style=True)
    return Heading(
        index=i,
        end=end,
        number=case_number(m.group("num"), m.group("year")) or "",
        prefix=_prefix(m),
        title=clean(" ".join(lines[k].text for k in range(j, end))).rstrip(":").strip(),
        kind="styled",
        page=line.page,
    )


def _continuation(lines: list[Line], start: int, like: Line, same_style: bool) -> int:
    """Index after the lines that continue a wrapped heading title."""
    j = start
    while j < len(lines):
        nxt = lines[j]
        if (
            nxt.rule
            or nxt.page != like.page
            or starts_paragraph(nxt)
            or _match(nxt.text)
            or _is_label(nxt)
            or (same_style and (nxt.bold != like.bold or abs(nxt.size - like.size) > 0.5))
            or (not same_style and nxt.x0 < like.x0 - 2)
        ):
            break
        j += 1
    return j


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
        if h := _cell_heading(lines, i):
            headings.append(h)
            i = h.end
            continue
        m = _match(text) if not line.rule else None
        if m and not m.group("title").strip() and (h := _number_only_heading(lines, i, m, body)):
            headings.append(h)
            in_list = False
            i = h.end
            continue
        if m and m.group("title").strip():
            styled = is_heading_style(line, body)
            # An unstyled "Sak 05/24 ble …" is running text; a heading's title starts upper-case.
            upper = m.group("title")[:1].isupper()
            explicit = bool(m.group("word") or m.group("prefix")) and upper
            # Bare numbers in unstyled text: at the left margin, opening a paragraph (an indented
            # "26/22 …" is a list item whose bullet OCR did not see).
            bare = (
                plain
                and upper
                and (line.gap_before is None or starts_paragraph(line))
                and abs(line.x0 - margin) <= MARGIN_TOLERANCE
            )
            if styled or in_list or explicit or bare:
                kind = "styled" if styled else "list"
                plain_only = bare and not (styled or in_list or explicit)
                end = i + 1 if plain_only else _continuation(lines, i + 1, line, same_style=styled)
                title = " ".join([m.group("title"), *(lines[k].text for k in range(i + 1, end))])
                headings.append(
                    Heading(
                        index=i,
                        end=end,
                        number=case_number(m.group("num"), m.group("year")) or "",
                        prefix=_prefix(m),
                        title=clean(title).rstrip(":").strip(),
                        kind=kind,
                        page=line.page,
                    )
                )
                i = end
                continue
        elif in_list and text and starts_paragraph(line) and not m:
            in_list = False
        i += 1
    return headings


def split_cases(lines: list[Line], body: float, plain: bool = False) -> list[CaseSpan]:
    """One span per case number, in order of first appearance, from the richest heading.

    `plain` for text whose style cannot be trusted (OCR): bare "12/24 Title" lines count too."""
    headings = [] if plain else find_headings(lines, body)
    if plain or not any(h.kind in ("label", "styled") for h in headings):
        headings = find_headings(lines, body, plain=True)
    spans: list[CaseSpan] = []
    for k, h in enumerate(headings):
        stop = headings[k + 1].index if k + 1 < len(headings) else len(lines)
        spans.append(CaseSpan(heading=h, lines=lines[h.end : stop]))
    rank = {"label": 2, "styled": 2, "list": 0}
    best: dict[tuple[str | None, str], CaseSpan] = {}
    order: list[tuple[str | None, str]] = []
    for span in spans:
        key = (span.heading.prefix, span.heading.number)
        if key not in best:
            best[key] = span
            order.append(key)
            continue
        old = best[key]
        new_score = (rank[span.heading.kind], len(span.lines))
        old_score = (rank[old.heading.kind], len(old.lines))
        if new_score > old_score:
            best[key] = span
    return [best[k] for k in order]
