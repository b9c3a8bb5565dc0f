"""Pure geometry: words → lines → cells, table rows and drawn rules, in reading order.

Segmentation needs more than text: which line is bold or large (headings), where a label
column ends (label tables such as "Sak: | 08/23" without borders), which rows belong to a
ruled table (attendee tables), and where a paragraph starts (the white space above a line).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from models.layout import Cell, Line, Word

# A gap between two words wider than this many font sizes separates two columns.
COLUMN_GAP = 1.5
# A continuation line must start within this many points of the column it continues.
ALIGN_TOLERANCE = 3.0
# Text made only of these characters is a typed separator ("______", "-----").
RULE_TEXT = re.compile(r"^[_\-–—=·.*~]{8,}$")

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(slots=True)
class TableGrid:
    """A ruled table as found by the PDF backend: rows of cell boxes (None where merged)."""

    bbox: BBox
    rows: list[list[BBox | None]]


def is_bold_font(fontname: str) -> bool:
    """Bold is only recorded in the font name ("Arial,Bold", "ABCDEF+Calibri-Bold", "…-Black")."""
    name = fontname.split("+", 1)[-1].lower()
    return bool(re.search(r"bold|black|heavy|semibold|demi|[,-]b(d)?$|-bd", name))


def _center_in(word: Word, box: BBox) -> bool:
    cx = (word.x0 + word.x1) / 2
    cy = (word.top + word.bottom) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def _dominant_size(words: Sequence[Word]) -> float:
    """The size most of the characters have (rounded to a tenth; the first such size on a tie)."""
    raw: dict[float, int] = {}
    for w in words:  # counted per size as printed, then rounded once per size
        raw[w.size] = raw.get(w.size, 0) + len(w.text)
    if len(raw) == 1:  # most lines: one size
        return round(next(iter(raw)), 1)
    sizes: Counter[float] = Counter()
    for size, count in raw.items():
        sizes[round(size, 1)] += count
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _mostly_bold(words: Sequence[Word]) -> bool:
    total = bold = 0
    for w in words:
        n = len(w.text)
        total += n
        if w.bold:
            bold += n
    return total > 0 and bold * 2 > total


_TOP_LEFT, _LEFT = attrgetter("top", "x0"), attrgetter("x0")


def group_rows(words: Iterable[Word]) -> list[list[Word]]:
    """Cluster words into visual lines by vertical overlap, each sorted left to right."""
    rows: list[list[Word]] = []
    bands: list[tuple[float, float]] = []
    for w in sorted(words, key=_TOP_LEFT):
        w_top, w_bottom = w.top, w.bottom
        h = w_bottom - w_top
        if h < 0.1:  # max(h, 0.1)
            h = 0.1
        for i in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            top, bottom = bands[i]
            # min and max of two, spelled out: this loop runs once per word and row looked at
            overlap = (w_bottom if w_bottom < bottom else bottom) - (w_top if w_top > top else top)
            height = bottom - top
            if overlap >= 0.5 * (height if height < h else h):
                rows[i].append(w)
                bands[i] = (w_top if w_top < top else top, w_bottom if w_bottom > bottom else bottom)
                break
        else:
            rows.append([w])
            bands.append((w_top, w_bottom))
    for row in rows:
        row.sort(key=_LEFT)
    # a row's band starts at its highest word's top
    order = sorted(range(len(rows)), key=lambda i: bands[i][0])
    return [rows[i] for i in order]


def split_cells(words: Sequence[Word]) -> list[Cell]:
    """Split one visual line at gaps wide enough to be column gaps."""
    cells: list[Cell] = []
    run: list[Word] = []
    for w in words:
        if run:
            last = run[-1]
            widest = last.size  # max(last.size, w.size, 1.0), spelled out: once per word of every page
            if w.size > widest:
                widest = w.size
            if widest < 1.0:
                widest = 1.0
            if w.x0 - last.x1 > COLUMN_GAP * widest:
                cells.append(_cell(run))
                run = []
        run.append(w)
    if run:
        cells.append(_cell(run))
    return cells


def _cell(words: Sequence[Word]) -> Cell:
    return Cell(
        text=" ".join(w.text for w in words),
        x0=words[0].x0,
        x1=words[-1].x1,
        bold=_mostly_bold(words),
    )


def _text_line(page: int, words: Sequence[Word]) -> Line:
    cells = split_cells(words)
    line = Line(
        page=page,
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        cells=cells,
        size=_dominant_size(words),
        bold=_mostly_bold(words),
    )
    if len(cells) == 1 and RULE_TEXT.match(cells[0].text):
        line.rule = True
    return line


def _table_lines(page: int, grid: TableGrid, words: Sequence[Word], taken: set[int]) -> list[Line]:
    """The table's rows as lines; the ids of the words a cell takes are added to `taken`."""
    lines = []
    for row in grid.rows:
        boxes = [b for b in row if b is not None]
        if not boxes:
            continue
        cells: list[Cell] = []
        row_words: list[Word] = []
        # the words whose middle is within the row's height: each box then looks at those alone
        low, high = min(b[1] for b in boxes) - 1, max(b[3] for b in boxes) + 1
        near = [w for w in words if low <= (w.top + w.bottom) / 2 <= high]
        for box in boxes:
            inside = [w for w in near if _center_in(w, box)]
            row_words.extend(inside)
            taken.update(map(id, inside))
            text = " ".join(" ".join(w.text for w in r) for r in group_rows(inside))
            cells.append(Cell(text=text, x0=box[0], x1=box[2], bold=_mostly_bold(inside)))
        if not row_words:
            continue
        lines.append(
            Line(
                page=page,
                top=min(w.top for w in row_words),
                bottom=max(w.bottom for w in row_words),
                cells=cells,
                size=_dominant_size(row_words),
                bold=_mostly_bold(row_words),
                table=True,
            )
        )
    return lines


def build_lines(
    page: int,
    words: Sequence[Word],
    tables: Sequence[TableGrid] = (),
    rules: Sequence[tuple[float, float, float]] = (),
) -> list[Line]:
    """Lines of one page in reading order.

    `tables` are ruled tables (their rows become one line each, with one cell per column);
    `rules` are drawn horizontal rules as (x0, x1, y), which separate sections like typed
    "______" lines do.
    """
    # A table with a single column is a framed paragraph, not a table.
    grids = [g for g in tables if any(sum(b is not None for b in r) >= 2 for r in g.rows)]
    lines: list[Line] = []
    taken: set[int] = set()
    for grid in grids:
        lines.extend(_table_lines(page, grid, [w for w in words if _center_in(w, grid.bbox)], taken))
    # a word in a table's box that no cell holds (where a row has no cell) is kept as text
    free = [w for w in words if id(w) not in taken]
    lines.extend(_text_line(page, row) for row in group_rows(free))
    for x0, x1, y in rules:
        if any(g.bbox[1] - 2 <= y <= g.bbox[3] + 2 for g in grids):
            continue
        lines.append(Line(page=page, top=y, bottom=y, cells=[Cell("", x0, x1)], rule=True))
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    lines = _drop_underlines(lines)
    _set_gaps(lines)
    return merge_column_continuations(lines)


def _drop_underlines(lines: list[Line]) -> list[Line]:
    """A drawn rule right under a line of text is an underline, not a separator."""
    out: list[Line] = []
    for line in lines:
        if line.rule and not line.text and out and not out[-1].rule:
            prev = out[-1]
            if (
                0 <= line.top - prev.bottom <= 0.4 * max(prev.size, 1)
                and line.x1 - line.x0 <= (prev.x1 - prev.x0) * 1.2
            ):
                continue
        out.append(line)
    return out


def _set_gaps(lines: list[Line]) -> None:
    prev: Line | None = None
    for line in lines:
        line.gap_before = None if prev is None else max(0.0, line.top - prev.bottom)
        prev = line


def merge_column_continuations(lines: list[Line]) -> list[Line]:
    """Join a wrapped value back onto its label row.

    In a label table without borders ("Tittel:   Statusrapport, tiltaksliste og videre plan
    FSU" / "           rekruttering og stabilisering") the wrapped part is a line of its own that
    starts exactly under the value column and has nothing in the label column.
    """
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not line.table
            and not prev.table
            and not line.rule
            and not prev.rule
            and len(prev.cells) >= 2
            and abs(line.x0 - prev.cells[-1].x0) <= ALIGN_TOLERANCE
            and line.gap_before is not None
            and line.gap_before < 0.6 * max(prev.size, 1)
        ):
            last = prev.cells[-1]
            last.text = f"{last.text} {line.text}"
            last.x1 = max(last.x1, line.x1)
            prev.bottom = line.bottom
            continue
        out.append(line)
    return out
