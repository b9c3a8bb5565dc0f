"""A scanned page's image made ready for Tesseract: straightened, and its drawn lines found.

Tesseract takes a ruled table for a picture and drops the text in its cells, so the lines are
found here and erased before it reads the page. They are kept as what a PDF's vector paths
give the other readers: horizontal rules and the edges pdfplumber's table finder works on, so a
scanned table comes out as rows and cells like a born-digital one. A page scanned slightly
askew is straightened first: its lines would otherwise break into short steps, and the words of
one row would stand at different heights. Pure functions of numpy arrays (grey, 0 to 255).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

INK = 160  # a pixel darker than this is ink
LONG_RULE = 0.6  # inches: a horizontal run of ink this long is a drawn line, never a letter
TALL_RULE = 0.3  # inches: a vertical one (taller than the tallest letter of body text)
MEETS = 0.02  # inches between a short vertical line's end and the horizontal line it meets
THICKEN = 2  # pixels across a line, so that a line a little askew stays one run
EDGE = 2  # pixels of a line's antialiased edge, lighter than ink, erased with it
MAX_THICKNESS = 0.03  # inches: thicker "lines" are filled bars or pictures and stay
MAX_SKEW = 3.0  # degrees a scanned page is searched for being askew
MIN_SKEW = 0.1  # degrees under which straightening is not worth the blur it costs
SKEW_SCALE = 4  # the skew is measured on an image this many times smaller
CLEARLY_BETTER = 0.05  # a turn must separate the rows this much more sharply than none
MIN_RUNS = 6  # a word's stroke is measured over at least this many runs of ink


@dataclass
class DrawnLines:
    """Lines in pixels: horizontal (x0, x1, y), vertical (x, y0, y1), and their ink."""

    horizontal: list[tuple[float, float, float]] = field(default_factory=list)
    vertical: list[tuple[float, float, float]] = field(default_factory=list)
    mask: np.ndarray | None = None


def ink(gray: np.ndarray) -> np.ndarray:
    return gray < INK


def _thicken(mask: np.ndarray, by: int, axis: int) -> np.ndarray:
    out = mask.copy()
    for step in range(1, by + 1):
        if axis == 0:
            out[step:] |= mask[:-step]
            out[:-step] |= mask[step:]
        else:
            out[:, step:] |= mask[:, :-step]
            out[:, :-step] |= mask[:, step:]
    return out


def _run_bounds(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, starts and ends of every run of True along the rows."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    step = np.diff(padded, axis=1)
    rows, starts = np.nonzero(step == 1)
    _, ends = np.nonzero(step == -1)  # row-major order: the n-th end closes the n-th start
    return rows, starts, ends


def _runs(mask: np.ndarray, min_length: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of True along the rows at least `min_length` long."""
    rows, starts, ends = _run_bounds(mask)
    keep = ends - starts >= min_length
    return list(zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=True))


def _segments(runs: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Runs in adjacent rows whose spans overlap, grouped: one group per drawn line."""
    done: list[list[tuple[int, int, int]]] = []
    open_: list[list[tuple[int, int, int]]] = []
    for run in runs:  # by row, as _runs gives them
        row, start, end = run
        still = []
        for seg in open_:
            (done if seg[-1][0] < row - 1 else still).append(seg)
        open_ = still
        for seg in open_:
            last = seg[-1]
            if last[0] >= row - 1 and start < last[2] and end > last[1]:
                seg.append(run)
                break
        else:
            open_.append([run])
    return done + open_


Stroke = tuple[float, float, float]  # a drawn line: start, end, middle: along the rows (x0, x1, y) or down (y0, y1, x)


def _lines_along_rows(mask: np.ndarray, min_length: int, max_thickness: float, thicken: int):
    """Drawn lines running along the rows: (start, end, middle row), each with its runs."""
    found: list[tuple[Stroke, list[tuple[int, int, int]]]] = []
    for seg in _segments(_runs(_thicken(mask, thicken, 0), min_length)):
        start = min(r[1] for r in seg)
        end = max(r[2] for r in seg)
        area = sum(r[2] - r[1] for r in seg)
        if area / (end - start) - 2 * thicken > max_thickness:
            continue
        middle = sum(r[0] * (r[2] - r[1]) for r in seg) / area
        found.append(((float(start), float(end), middle), seg))
    return found


def _meets(down: Stroke, across: list[Stroke], tolerance: float) -> bool:
    """Whether a vertical line ends on a horizontal one, as a table's column borders do."""
    y0, y1, x = down
    return any(
        x0 - tolerance <= x <= x1 + tolerance and (abs(y - y0) <= tolerance or abs(y - y1) <= tolerance)
        for x0, x1, y in across
    )


def drawn_lines(gray: np.ndarray, dpi: float) -> DrawnLines:
    """The page's drawn lines, and a mask of their ink with its edge. A short vertical line is
    one only where it meets a horizontal one: the stem of a large title's letter is as tall."""
    dark = ink(gray)
    thickness = MAX_THICKNESS * dpi
    across = _lines_along_rows(dark, round(LONG_RULE * dpi), thickness, THICKEN)
    down = [
        (line, runs)
        for line, runs in _lines_along_rows(dark.T, round(TALL_RULE * dpi), thickness, THICKEN)
        if line[1] - line[0] >= LONG_RULE * dpi or _meets(line, [a for a, _ in across], MEETS * dpi)
    ]
    mask = np.zeros_like(dark)
    for _, runs in across:
        for row, start, end in runs:
            mask[row, start:end] = True
    for _, runs in down:
        for col, start, end in runs:
            mask[start:end, col] = True
    mask &= dark  # the ink itself, not the thickening; then its antialiased edge
    mask = _thicken(_thicken(mask, EDGE, 0), EDGE, 1)
    return DrawnLines(horizontal=[a for a, _ in across], vertical=[(x, y0, y1) for (y0, y1, x), _ in down], mask=mask)


def erase(gray: np.ndarray, mask: np.ndarray) -> np.ndarray:
    out = gray.copy()
    out[mask] = 255
    return out


def stroke_width(dark: np.ndarray, box: tuple[int, int, int, int]) -> float | None:
    """How wide a word's strokes are, in pixels: the middle half of the lengths of its runs of
    ink along the rows, averaged (a bold face's stems are half again as wide as a regular one's).
    None for a word too small to say. `box`: x0, top, x1, bottom."""
    x0, top, x1, bottom = box
    ink_ = dark[max(top, 0) : max(bottom, 0), max(x0, 0) : max(x1, 0)]
    if ink_.size == 0:
        return None
    _, starts, ends = _run_bounds(ink_)
    lengths = np.sort(ends - starts)
    if len(lengths) < MIN_RUNS:
        return None
    quarter = len(lengths) // 4
    return float(lengths[quarter : len(lengths) - quarter].mean())


def _row_contrast(dark: np.ndarray) -> float:
    rows = dark.sum(axis=1).astype(np.float64)
    return float(np.square(np.diff(rows)).sum())


def skew(gray: np.ndarray) -> float:
    """Degrees the page's lines of text lean (counter-clockwise positive): the turn that makes
    the rows of ink most sharply separated, searched coarse then fine on a small copy."""
    small = Image.fromarray(gray).reduce(SKEW_SCALE)
    dark = Image.fromarray((ink(np.asarray(small)) * 255).astype(np.uint8))

    def contrast(angle: float) -> float:
        turned = dark.rotate(angle, resample=Image.NEAREST, fillcolor=0)
        return _row_contrast(np.asarray(turned) > 0)

    upright = contrast(0.0)
    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=contrast)
    fine = max(np.clip(np.arange(best - 0.4, best + 0.41, 0.1), -MAX_SKEW, MAX_SKEW), key=contrast)
    if contrast(fine) <= upright * (1 + CLEARLY_BETTER):
        return 0.0  # a blank page, a line or two: no turn is clearly better than none
    return -float(round(fine, 2))


def straighten(image: Image.Image) -> Image.Image:
    """The page turned upright when it was scanned askew; grey."""
    gray = image.convert("L")
    angle = skew(np.asarray(gray))
    if abs(angle) < MIN_SKEW:
        return gray
    return gray.rotate(-angle, resample=Image.BICUBIC, fillcolor=255)
