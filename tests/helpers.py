"""Hand-made layout lines for segmentation tests: the rules are tested without PDFs.

A spec is one line per layout line:
    === (alone)       a new page          === Header text   a new page with that running header
    # Title           a title: 16 pt bold          ## Heading   13 pt bold
    ** Bold text      11 pt bold                    ---          a drawn rule
    T: a | b          a row of a ruled table        a | b        a borderless row, two cells
    >> text           a line set under the value column of a two-cell row above
    (blank line)      white space above the next line: a new paragraph; two blank lines: a new section
Anything else is an 11 pt regular line.
"""

from __future__ import annotations

from models.layout import Cell, Line, Page

BODY = 11.0
LINE_STEP = 14.5
PARAGRAPH_GAP = 14.0
LINE_GAP = 3.5
COLUMN_X = [65.0, 306.0, 420.0, 500.0, 560.0, 620.0]


def _line(raw: str, page: int, top: float) -> Line:
    size, bold, table = BODY, False, False
    text = raw
    if text == "---":
        return Line(page=page, top=top, bottom=top, cells=[Cell("", 65, 540)], rule=True)
    if text.startswith("# "):
        size, bold, text = 16.0, True, text[2:]
    elif text.startswith("## "):
        size, bold, text = 13.0, True, text[3:]
    elif text.startswith("** "):
        bold, text = True, text[3:]
    if text.startswith("T: "):
        table, text = True, text[3:]
    if text.startswith(">> "):
        text = text[3:]
        return Line(
            page=page,
            top=top,
            bottom=top + size,
            cells=[Cell(text, COLUMN_X[1], COLUMN_X[1] + 6 * len(text), bold)],
            size=size,
            bold=bold,
        )
    parts = [p.strip() for p in text.split(" | ")]
    cells = []
    for i, part in enumerate(parts):
        x0 = COLUMN_X[min(i, len(COLUMN_X) - 1)]
        right = COLUMN_X[i + 1] - 2 if i + 1 < len(parts) and i + 1 < len(COLUMN_X) else x0 + 6 * len(part)
        cells.append(Cell(part, x0, min(x0 + 6 * len(part), right) if len(parts) > 1 else x0 + 6 * len(part), bold))
    return Line(page=page, top=top, bottom=top + size, cells=cells, size=size, bold=bold, table=table)


def pages(spec: str, height: float = 842.0) -> list[Page]:
    result = [Page(number=1, width=595, height=height)]
    top, pending = 70.0, LINE_GAP
    for raw in spec.strip("\n").splitlines():
        raw = raw.strip()
        if raw == "===" or raw.startswith("=== "):
            header = raw[4:].strip() or None
            result.append(Page(number=len(result) + 1, width=595, height=height, header=header))
            top, pending = 70.0, LINE_GAP
            continue
        if not raw:
            pending = PARAGRAPH_GAP if pending == LINE_GAP else pending + PARAGRAPH_GAP
            continue
        page_lines = result[-1].lines
        top += pending if page_lines else 0.0
        line = _line(raw, result[-1].number, top)
        line.gap_before = pending if page_lines else None
        page_lines.append(line)
        top = line.bottom
        pending = LINE_GAP
    return result


def lines(spec: str) -> list[Line]:
    return [ln for p in pages(spec) for ln in p.lines]
