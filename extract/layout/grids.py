"""Ruled tables from edges: the lattice method of pdfplumber's table finder ("lines" strategies,
default settings), giving the same tables from the same edges, written for the cost of a page.

pdfplumber's finder compares the edges of every pair of crossing points by building two sets
each time, and evaluates type annotations inside that loop; on a page of a few hundred edges
that was a third of the reading time of the page. Here each crossing keeps its edges' boxes
once. The arithmetic is the finder's own, operation for operation (where a snapped edge moves
to, how far a joined edge reaches), since the cells are compared for equality: two edges one
rounding apart are two lines to it, and must be here too.

The steps: edges shorter than a point are dropped; edges within SNAP of one another across
their direction are moved to their mean; collinear edges within JOIN of one another along it
are joined; edges shorter than MIN_LENGTH are dropped; a vertical and a horizontal edge within
CROSS of touching make a crossing; the smallest rectangle of crossings whose sides are edges is
a cell; cells sharing a corner form a table, and a table is more than one cell.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

from extract.layout.lines import TableGrid

SNAP = 3  # pdfplumber's snap_tolerance
JOIN = 3  # join_tolerance
MIN_LENGTH = 3  # edge_min_length
PREFILTER_LENGTH = 1  # edge_min_length_prefilter
CROSS = 3  # intersection_tolerance

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]  # x, top

# An edge across its direction and along it: (position, far side, start, end, length). A
# vertical edge: (x0, x1, top, bottom, height); a horizontal one: (top, bottom, x0, x1, width).
_Edge = tuple[float, float, float, float, float]


def find_grids(edges: Iterable[Mapping]) -> list[TableGrid]:
    """The tables of pdfplumber's TableFinder, from edges as pdfplumber makes them (dicts with
    orientation, x0, x1, top, bottom, width and height), top to bottom."""
    vertical: list[_Edge] = []
    horizontal: list[_Edge] = []
    for e in edges:
        orientation = e["orientation"]
        if orientation == "v" and e["height"] >= PREFILTER_LENGTH:
            vertical.append((e["x0"], e["x1"], e["top"], e["bottom"], e["height"]))
        elif orientation == "h" and e["width"] >= PREFILTER_LENGTH:
            horizontal.append((e["top"], e["bottom"], e["x0"], e["x1"], e["width"]))
    vertical = [e for e in _joined(_snapped(vertical), grow=_grow_height) if e[4] >= MIN_LENGTH]
    horizontal = [e for e in _joined(_snapped(horizontal), grow=_grow_width) if e[4] >= MIN_LENGTH]
    crossings = _crossings(vertical, horizontal)
    return [_grid(cells) for cells in _tables(_cells(crossings))]


def _snapped(edges: list[_Edge]) -> list[_Edge]:
    """Edges moved to the mean position of their cluster (positions chained within SNAP), in
    cluster order and, within a cluster, in the order given."""
    values = sorted(set(e[0] for e in edges))
    cluster: dict[float, int] = {}
    n = 0
    for i, value in enumerate(values):
        if i and value > values[i - 1] + SNAP:
            n += 1
        cluster[value] = n
    members: list[list[_Edge]] = [[] for _ in range(n + 1 if values else 0)]
    for e in edges:
        members[cluster[e[0]]].append(e)
    out: list[_Edge] = []
    for group in members:
        mean = sum(e[0] for e in group) / len(group)
        for position, far, start, end, length in group:
            shift = mean - position
            out.append((position + shift, far + shift, start, end, length))
    return out


def _grow_height(last: _Edge, end: float) -> float:
    return last[4] + (end - last[3])


def _grow_width(last: _Edge, end: float) -> float:
    return end - last[2]


def _joined(edges: list[_Edge], grow) -> list[_Edge]:
    """Collinear edges (the same position) joined where one starts within JOIN of where the
    one before ends; `grow` gives a lengthened edge's length as pdfplumber computes it."""
    out: list[_Edge] = []
    for _, line in itertools.groupby(sorted(edges, key=lambda e: e[0]), key=lambda e: e[0]):
        ordered = sorted(line, key=lambda e: e[2])
        last = ordered[0]
        for e in ordered[1:]:
            if e[2] <= last[3] + JOIN:
                if e[3] > last[3]:
                    last = (last[0], last[1], last[2], e[3], grow(last, e[3]))
            else:
                out.append(last)
                last = e
        out.append(last)
    return out


def _crossings(vertical: list[_Edge], horizontal: list[_Edge]) -> dict[Point, tuple[set[Box], set[Box]]]:
    """Each point where a vertical and a horizontal edge meet, with the boxes of the vertical
    and of the horizontal edges through it (two edges with one box are one line to the finder)."""
    crossings: dict[Point, tuple[set[Box], set[Box]]] = {}
    for x, x1, top, bottom, _ in vertical:
        v_box = (x, top, x1, bottom)
        for y, y1, x0, right, _ in horizontal:
            if top <= y + CROSS and bottom >= y - CROSS and x >= x0 - CROSS and x <= right + CROSS:
                point = (x, y)
                if point not in crossings:
                    crossings[point] = (set(), set())
                boxes = crossings[point]
                boxes[0].add(v_box)
                boxes[1].add((x0, y, right, y1))
    return crossings


def _cells(crossings: dict[Point, tuple[set[Box], set[Box]]]) -> list[Box]:
    """For each crossing, in order, the smallest cell whose top left corner it is: the first
    crossing below it on one of its vertical edges, the first to its right on one of its
    horizontal edges, for which the fourth corner is a crossing joined to both."""

    def up_down(p: Point, q: Point) -> bool:  # p and q in one column share a vertical edge
        return not crossings[p][0].isdisjoint(crossings[q][0])

    def across(p: Point, q: Point) -> bool:  # p and q in one row share a horizontal edge
        return not crossings[p][1].isdisjoint(crossings[q][1])

    points = sorted(crossings)
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    for point in points:
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    column_index: dict[Point, int] = {}
    row_index: dict[Point, int] = {}
    for line in columns.values():
        column_index.update((p, i) for i, p in enumerate(line))
    for line in rows.values():
        row_index.update((p, i) for i, p in enumerate(line))

    cells: list[Box] = []
    for point in points:
        below = columns[point[0]][column_index[point] + 1 :]
        right: list[Point] | None = None  # the crossings to the right joined to this one
        for under in below:
            if not up_down(point, under):
                continue
            if right is None:
                right = [p for p in rows[point[1]][row_index[point] + 1 :] if across(point, p)]
            corner = next(
                (
                    (beside[0], under[1])
                    for beside in right
                    if (beside[0], under[1]) in crossings
                    and up_down((beside[0], under[1]), beside)
                    and across((beside[0], under[1]), under)
                ),
                None,
            )
            if corner is not None:
                cells.append((point[0], point[1], corner[0], corner[1]))
                break
    return cells


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Cells gathered into tables: a table grows by every cell, taken in order, that shares a
    corner with it, pass after pass, until a pass adds none; the next table starts with the
    first cell left. Tables of one cell are not tables."""
    remaining = list(cells)
    tables: list[list[Box]] = []
    current: list[Box] = []
    corners: set[Point] = set()
    while remaining:
        before = len(current)
        left: list[Box] = []
        for cell in remaining:
            x0, top, x1, bottom = cell
            cell_corners = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in cell_corners):
                corners.update(cell_corners)
                current.append(cell)
            else:
                left.append(cell)
        remaining = left
        if len(current) == before:
            tables.append(current)
            current, corners = [], set()
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _grid(cells: list[Box]) -> TableGrid:
    """A table's box and its rows (cells by top, then x0), each row with a place for every
    column's left side, None where no cell of the row starts there."""
    bbox = (
        min(c[0] for c in cells),
        min(c[1] for c in cells),
        max(c[2] for c in cells),
        max(c[3] for c in cells),
    )
    lefts = sorted(set(c[0] for c in cells))
    rows = []
    for _, row in itertools.groupby(sorted(cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
        by_left = {c[0]: c for c in row}
        rows.append([by_left.get(x) for x in lefts])
    return TableGrid(bbox=bbox, rows=rows)
