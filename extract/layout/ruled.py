"""Ruled tables from PDFium's own vector paths, found as pdfplumber's table finder finds them.

The finder (pdfplumber.table; extract.layout.grids gives its tables) works on edges: the sides
of drawn lines, rectangles and curves, as pdfplumber makes them from pdfminer's reading of the
page. Parsing the page again with pdfminer for them cost more than reading all its words with
PDFium; here the same edges are made from the path objects PDFium has already parsed, following
pdfminer's rules for what a path is (its subpaths; a line, a rectangle or a curve; the redundant
last point of a closed path dropped) and pdfplumber's for the edges of each. Pages whose
coordinates pdfminer sets up differently (rotated, a media box not at the origin, a crop box)
are left to pdfplumber.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extract.layout import native
from extract.layout.grids import find_grids
from extract.layout.lines import TableGrid
from extract.layout.native import CLOSES, UNKNOWN_SEGMENT
from extract.layout.pdfium import unchecked

_count_segments = unchecked(raw.FPDFPath_CountSegments, ctypes.c_int)
_get_segment = unchecked(raw.FPDFPath_GetPathSegment, ctypes.c_void_p)
_segment_point = unchecked(raw.FPDFPathSegment_GetPoint, ctypes.c_int)
_segment_type = unchecked(raw.FPDFPathSegment_GetType, ctypes.c_int)
_segment_close = unchecked(raw.FPDFPathSegment_GetClose, ctypes.c_int)
_object_matrix = unchecked(raw.FPDFPageObj_GetMatrix, ctypes.c_int)


def plain_geometry(page: pdfium.PdfPage) -> bool:
    """Whether pdfminer would place this page's points as PDFium's matrices do: no rotation,
    the media box at the origin, no crop box of its own."""
    if page.get_rotation() % 360:
        return False
    media = tuple(page.get_mediabox())
    return media[:2] == (0, 0) and tuple(page.get_cropbox()) == media


def _multiply(m: tuple, n: tuple) -> tuple:
    """m then n, as PDF matrices (a, b, c, d, e, f) compose."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _matrix(handle: ctypes.c_void_p) -> tuple:
    m = raw.FS_MATRIX()
    if not _object_matrix(handle, ctypes.byref(m)):
        raise pdfium.PdfiumError("Failed to get the matrix of a page object.")
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _segments(handle: ctypes.c_void_p, matrix: tuple) -> tuple[list[int], list[tuple[float, float]]]:
    """The path's segments one call at a time (without the C helper): kinds as
    native.segments gives them, and points in page space."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    kinds: list[int] = []
    points: list[tuple[float, float]] = []
    count = _count_segments(handle)
    if count < 0:
        raise pdfium.PdfiumError("Failed to count a path's segments.")
    for i in range(count):
        segment = _get_segment(handle, i)
        if not segment:
            raise pdfium.PdfiumError("Failed to read a path segment.")
        segment = ctypes.c_void_p(segment)
        if not _segment_point(segment, ctypes.byref(x), ctypes.byref(y)):
            raise pdfium.PdfiumError("Failed to read a path segment.")
        kind = _segment_type(segment)
        known = kind if 0 <= kind < UNKNOWN_SEGMENT else UNKNOWN_SEGMENT
        kinds.append(known | (CLOSES if _segment_close(segment) else 0))
        points.append((a * x.value + c * y.value + e, b * x.value + d * y.value + f))
    return kinds, points


def _subpaths(
    kinds: Sequence[int], points: Sequence[tuple[float, float]]
) -> list[tuple[str, list[tuple[float, float]]]]:
    """The path's subpaths as pdfminer splits them: (shape, points in page space), one letter
    and one point per operator (a Bézier curve is one "c" at its end point, "h" closes at the
    subpath's start)."""
    out: list[tuple[str, list[tuple[float, float]]]] = []
    shape, pts = "", []
    bezier = 0
    for code, point in zip(kinds, points, strict=True):
        kind = code & ~CLOSES
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if shape:
                out.append((shape, pts))
            shape, pts, bezier = "m", [point], 0
        elif kind == raw.FPDF_SEGMENT_LINETO:
            shape, bezier = shape + "l", 0
            pts.append(point)
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # a control point
            shape += "c"
            pts.append(point)
        else:
            raise pdfium.PdfiumError("Unknown path segment.")
        if code & CLOSES:
            shape += "h"
            pts.append(pts[0])
    if shape:
        out.append((shape, pts))
    return out


def _edges_of(
    shape: str, pts: list[tuple[float, float]], height: float, lines: list, rects: list, curves: list
) -> None:
    """pdfminer's object for one subpath, as pdfplumber's edges."""
    if shape[:1] != "m":
        return
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-1]
    if shape in ("mlh", "ml"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        lines.append(_box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), height, "line"))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            (ax, ay), (bx, by) = pts[0], pts[2]
            rects.extend(_rect_edges(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), height))
            return
    flipped = [(px, height - py) for px, py in pts]
    for (px0, py0), (px1, py1) in itertools.pairwise(flipped):
        orientation = "v" if px0 == px1 else ("h" if py0 == py1 else None)
        top, bottom = min(py0, py1), max(py0, py1)
        curves.append(
            {
                "object_type": "curve_edge",
                "x0": min(px0, px1),
                "x1": max(px0, px1),
                "top": top,
                "doctop": top,
                "bottom": bottom,
                "width": abs(px0 - px1),
                "height": abs(py0 - py1),
                "orientation": orientation,
            }
        )


def _box(x0: float, y0: float, x1: float, y1: float, height: float, kind: str) -> dict:
    top, bottom = height - y1, height - y0
    return {
        "object_type": kind,
        "x0": x0,
        "y0": y0,
        "x1": x1,
        "y1": y1,
        "top": top,
        "doctop": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": y1 - y0,
        "orientation": "h" if top == bottom else "v",
    }


def _rect_edges(x0: float, y0: float, x1: float, y1: float, height: float) -> list[dict]:
    rect = _box(x0, y0, x1, y1, height, "rect_edge")
    top = {**rect, "height": 0, "y0": rect["y1"], "bottom": rect["top"], "orientation": "h"}
    bottom = {
        **rect,
        "height": 0,
        "y1": rect["y0"],
        "top": rect["bottom"],
        "doctop": rect["bottom"],
        "orientation": "h",
    }
    left = {**rect, "width": 0, "x1": rect["x0"], "orientation": "v"}
    right = {**rect, "width": 0, "x0": rect["x1"], "orientation": "v"}
    return [top, bottom, left, right]


def page_edges(page: pdfium.PdfPage, objects) -> list[dict]:
    """pdfplumber's edges of the page: of its lines, then its rectangles, then its curves."""
    height = page.get_height()
    lines: list[dict] = []
    rects: list[dict] = []
    curves: list[dict] = []
    paths = [(handle, matrix) for handle, kind, matrix in objects if kind == raw.FPDF_PAGEOBJ_PATH]
    walked = native.segments([(h.value or 0, m) for h, m in paths])
    if walked is None:
        walked = [_segments(handle, matrix) for handle, matrix in paths]
    for kinds, points in walked:
        for shape, pts in _subpaths(kinds, points):
            _edges_of(shape, pts, height, lines, rects, curves)
    return lines + rects + curves


def find_tables(page: pdfium.PdfPage, objects) -> list[TableGrid]:
    """The ruled tables pdfplumber finds on the page, from PDFium's paths. `objects`: (handle,
    type, matrix to page space) of every page object, forms' objects included."""
    return find_grids(page_edges(page, objects))


def tables_from_lines(
    horizontal: list[tuple[float, float, float]],
    vertical: list[tuple[float, float, float]],
    height: float,
) -> list[TableGrid]:
    """The ruled tables pdfplumber finds among drawn lines given in points from the top:
    horizontal (x0, x1, y) and vertical (x, top, bottom), as a scanned page's image gives them."""
    edges = [_box(x0, height - y, x1, height - y, height, "line") for x0, x1, y in horizontal]
    edges += [_box(x, height - bottom, x, height - top, height, "line") for x, top, bottom in vertical]
    return find_grids(edges)


def with_matrices(objects) -> list[tuple[ctypes.c_void_p, int, tuple]]:
    """(handle, type, matrix to page space) of the paths, from (handle, type, depth) of every
    object in document order: an object inside a form is placed by its own matrix, then its
    form's, and so on out. Text and images, most of a page's objects, need no matrix here."""
    out, stack = [], []  # stack: matrices of the forms enclosing the current depth
    for handle, kind, depth in objects:
        if kind != raw.FPDF_PAGEOBJ_PATH and kind != raw.FPDF_PAGEOBJ_FORM:
            continue
        del stack[depth:]
        own = _matrix(ctypes.c_void_p(handle))
        matrix = _multiply(own, stack[-1]) if stack else own
        out.append((ctypes.c_void_p(handle), kind, matrix))
        if kind == raw.FPDF_PAGEOBJ_FORM:
            stack.append(matrix)
    return out
