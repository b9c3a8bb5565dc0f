"""Tables with a header row: which column holds what, and a row's cell under a header cell.

Case forms ("Utvalg | Møtedato | Saksnr."), agenda tables ("Sak nr. | Sakstittel") and
attendance tables ("Navn | Funksjon | Representerer") name their columns in a header row; the
rows below are read by column, not by position, since an empty cell may be missing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.segment.text import clean
from models.layout import Cell, Line

# A row's cell and a header cell are one column when their left edges are this close.
COLUMN_TOLERANCE = 12.0


_SQUASHED = re.compile(r"[\s.\-–:]")


@lru_cache(maxsize=1 << 14)
def squash(text: str) -> str:
    """A header cell compared without case, spaces, dots, dashes and colons (asked of every
    line's cells as a possible header row, so results are kept)."""
    return _SQUASHED.sub("", clean(text).casefold())


def is_row(line: Line) -> bool:
    """A line that can be a table row: a ruled row or a borderless line of two or more cells."""
    return not line.rule and (line.table or len(line.cells) >= 2)


def cell_under(row: Line, header: Cell) -> Cell | None:
    """The cell of `row` in the column of `header`: overlapping it, else starting near it."""
    best, best_overlap = None, 0.0
    for cell in row.cells:
        overlap = min(cell.x1, header.x1) - max(cell.x0, header.x0)
        if overlap > best_overlap:
            best, best_overlap = cell, overlap
    if best is not None:
        return best
    near = [c for c in row.cells if abs(c.x0 - header.x0) <= COLUMN_TOLERANCE]
    return near[0] if near else None


def text_under(row: Line, header: Cell) -> str:
    cell = cell_under(row, header)
    return clean(cell.text) if cell else ""


def columns(line: Line, patterns: dict[str, re.Pattern[str]]) -> dict[str, Cell]:
    """The header cells of `line` that match each named pattern (first match per name)."""
    found: dict[str, Cell] = {}
    for cell in line.cells:
        key = squash(cell.text)
        if not key:
            continue
        for name in _matching(key, patterns):
            if name not in found:
                found[name] = cell
                break
    return found


# Per set of column patterns (kept, so that its id stays its own): header key → names matched.
_MATCHED: dict[int, tuple[dict[str, re.Pattern[str]], dict[str, tuple[str, ...]]]] = {}


def _matching(key: str, patterns: dict[str, re.Pattern[str]]) -> tuple[str, ...]:
    """The names whose pattern matches `key`, in order; kept, since every line of a document is
    asked as a possible header row, by several rules."""
    kept = _MATCHED.get(id(patterns))
    if kept is None or kept[0] is not patterns:
        kept = _MATCHED[id(patterns)] = (patterns, {})
    names = kept[1].get(key)
    if names is None:
        if len(kept[1]) >= 1 << 14:
            kept[1].clear()
        names = kept[1][key] = tuple(name for name, pattern in patterns.items() if pattern.match(key))
    return names
