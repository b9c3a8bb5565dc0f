"""The table finder (extract.layout.grids) against pdfplumber's own TableFinder on the same
edges: random rulings drawn to hit its tolerances, and every page of the corpora that has edges.
The tables must be equal, not close: the finder stands in for pdfplumber's on every page."""

import ctypes
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfplumber.table import TableFinder

from extract.layout import grids, ruled
from extract.layout import pdfium as reader
from extract.layout.lines import TableGrid

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpus"
WIDTH, HEIGHT = 595.0, 842.0


class _Page:
    """What TableFinder asks of a page with the "lines" strategies."""

    def __init__(self, edges: list[dict]) -> None:
        self.edges = edges
        self.bbox = (0, 0, WIDTH, HEIGHT)


def pdfplumbers(edges: list[dict]) -> list[TableGrid]:
    finder = TableFinder(_Page(edges))
    return [TableGrid(bbox=t.bbox, rows=[list(r.cells) for r in t.rows]) for t in finder.tables]


def _near(rng: random.Random, value: float) -> float:
    """A value moved by less than the tolerances, or by about them, in tenths and odd fractions
    (whose means are not exact in binary)."""
    return value + rng.choice([0, 0, 0, 0.1, -0.1, 0.3, 1 / 3, -2.9, 3.0, 3.1, rng.uniform(-4, 4)])


def ruling(rng: random.Random) -> list[dict]:
    """Edges of one or two grids with gaps, doubled and broken lines, rectangles and slants."""
    edges: list[dict] = []
    for _ in range(rng.randint(1, 2)):
        left, top = rng.uniform(20, 200), rng.uniform(20, 400)
        xs = [left + sum(rng.uniform(2, 90) for _ in range(i)) for i in range(rng.randint(2, 6))]
        ys = [top + sum(rng.uniform(2, 40) for _ in range(i)) for i in range(rng.randint(2, 7))]
        for y in ys:  # a row's rule, perhaps broken in two, perhaps left out or drawn twice
            for _ in range(rng.choice([0, 1, 1, 1, 2])):
                a, b = _near(rng, xs[0]), _near(rng, xs[-1])
                if rng.random() < 0.3:
                    middle = rng.uniform(a, b)
                    pieces = [(a, middle - rng.choice([0, 1, 3, 3.5])), (middle, b)]
                else:
                    pieces = [(a, b)]
                yy = _near(rng, y)
                for x0, x1 in pieces:
                    edges.append(ruled._box(min(x0, x1), HEIGHT - yy, max(x0, x1), HEIGHT - yy, HEIGHT, "line"))
        for x in xs:
            for _ in range(rng.choice([0, 1, 1, 1, 2])):
                xx, a, b = _near(rng, x), _near(rng, ys[0]), _near(rng, ys[-1])
                edges.append(ruled._box(xx, HEIGHT - max(a, b), xx, HEIGHT - min(a, b), HEIGHT, "line"))
        for _ in range(rng.randint(0, 3)):  # cells drawn as rectangles
            i, j = rng.randrange(len(xs) - 1), rng.randrange(len(ys) - 1)
            x0, x1 = _near(rng, xs[i]), _near(rng, xs[i + 1])
            y0, y1 = _near(rng, ys[j]), _near(rng, ys[j + 1])
            edges.extend(
                ruled._rect_edges(min(x0, x1), HEIGHT - max(y0, y1), max(x0, x1), HEIGHT - min(y0, y1), HEIGHT)
            )
    for _ in range(rng.randint(0, 2)):  # a slanted line, and a short tick
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)
        edges.append(ruled._box(x, y, x + rng.uniform(1, 50), y + rng.uniform(1, 50), HEIGHT, "line"))
        edges.append(ruled._box(x, y, x + rng.uniform(0, 4), y, HEIGHT, "line"))
    rng.shuffle(edges)
    return edges


@pytest.mark.parametrize("seed", range(400))
def test_random_rulings_give_pdfplumbers_tables(seed):
    edges = ruling(random.Random(seed))
    assert grids.find_grids(edges) == pdfplumbers(edges)


def test_the_random_rulings_make_tables_and_edges_that_snap_and_join():
    """The rulings above are not trivial: most make tables, and some lines snap and join."""
    made = [grids.find_grids(ruling(random.Random(seed))) for seed in range(100)]
    assert sum(bool(tables) for tables in made) >= 60
    assert sum(len(tables) > 1 for tables in made) >= 5
    assert any(None in row for tables in made for table in tables for row in table.rows)


def test_edges_a_rounding_apart_after_snapping_stay_apart():
    """Rules at x 0, 0.1 and 0.5 snap to their mean, each by its own subtraction and addition,
    which for two of them differ in the last bit: pdfplumber keeps those apart, and so do we."""
    xs = (0.0, 0.1, 0.5)
    mean = sum(xs) / len(xs)
    assert len({x + (mean - x) for x in xs}) > 1
    edges = [ruled._box(x, HEIGHT - 150, x, HEIGHT - 100, HEIGHT, "line") for x in (*xs, 60, 120)]
    edges += [ruled._box(0, HEIGHT - y, 120, HEIGHT - y, HEIGHT, "line") for y in (100, 125, 150)]
    found = grids.find_grids(edges)
    assert found == pdfplumbers(edges)
    assert len(found) == 1 and len(found[0].rows) == 2


def _corpus_pages() -> list:
    return [pytest.param(p, id=f"{p.parent.name}/{p.name}") for p in sorted(CORPORA.glob("*/*.pdf"))]


@pytest.mark.parametrize("path", _corpus_pages())
def test_every_corpus_page_gives_pdfplumbers_tables(path):
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return  # a file PDFium cannot open has no edges to compare
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            handle = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
            try:
                edges = ruled.page_edges(page, ruled.with_matrices(reader._objects(handle)))
            except pdfium.PdfiumError:
                continue
            assert grids.find_grids(edges) == pdfplumbers(edges), index
    finally:
        pdf.close()
