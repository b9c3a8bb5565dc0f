"""A scanned page's image before Tesseract reads it: straightened, its drawn lines found and erased."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.layout import raster

DPI = 300


def _page(lines: int = 24) -> Image.Image:
    """A white A4 page at 300 dpi with lines of text in a font about 11 pt high."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=46)
    for k in range(lines):
        draw.text((250, 300 + 110 * k), "Formannskapet vedtok budsjettet for neste år enstemmig", font=font, fill=0)
    return image


@pytest.mark.parametrize("angle", [0.0, 1.5, -2.0, 0.7])
def test_the_skew_of_a_page_of_text_is_found_to_a_fifth_of_a_degree(angle):
    turned = _page().rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    assert raster.skew(np.asarray(turned)) == pytest.approx(angle, abs=0.2)


def test_a_page_scanned_askew_is_turned_upright():
    upright = raster.straighten(_page().rotate(1.5, resample=Image.BICUBIC, fillcolor=255))
    assert abs(raster.skew(np.asarray(upright))) < 0.15


def _table() -> tuple[np.ndarray, Image.Image]:
    image = Image.new("L", (2480, 1200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=46)
    xs, ys = [200, 900, 1400, 2000], [200, 300, 400, 500]
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=3)
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
    for row, y in enumerate(ys[:-1]):
        for col, x in enumerate(xs[:-1]):
            draw.text((x + 20, y + 25), f"Rad {row} felt {col}", font=font, fill=0)
    draw.rectangle([200, 800, 2000, 900], fill=0)  # a filled bar: a picture, not a line
    draw.text((200, 1000), "_" * 3, font=font, fill=0)  # a short underscore run is text
    return np.asarray(image), image


def test_a_tables_drawn_lines_are_found_where_they_are_drawn():
    gray, _ = _table()
    drawn = raster.drawn_lines(gray, DPI)
    assert sorted(round(y) for _, _, y in drawn.horizontal) == pytest.approx([200, 300, 400, 500], abs=2)
    assert sorted(round(x) for x, _, _ in drawn.vertical) == pytest.approx([200, 900, 1400, 2000], abs=2)
    assert all(x1 - x0 == pytest.approx(1800, abs=6) for x0, x1, _ in drawn.horizontal)
    assert all(y1 - y0 == pytest.approx(300, abs=6) for _, y0, y1 in drawn.vertical)


def test_erasing_the_lines_keeps_the_text_in_the_cells_the_filled_bar_and_typed_underscores():
    gray, _ = _table()
    clean = raster.erase(gray, raster.drawn_lines(gray, DPI).mask)
    for y0, y1 in ((200, 300), (300, 400), (400, 500)):
        for x0, x1 in ((200, 900), (900, 1400), (1400, 2000)):
            inside = (slice(y0 + 8, y1 - 8), slice(x0 + 8, x1 - 8))
            assert (clean[inside] < raster.INK).sum() == (gray[inside] < raster.INK).sum() > 0
    assert (clean[195:206, 150:2050] < raster.INK).sum() == 0  # the top border is gone
    assert (clean[150:550, 196:205] < raster.INK).sum() == 0  # and the left one
    assert (clean[800:1100] == gray[800:1100]).all()  # the bar and the underscores stay


def test_a_words_stroke_width_is_the_width_of_its_stems():
    dark = np.zeros((60, 300), dtype=bool)
    for x in range(10, 140, 20):
        dark[10:50, x : x + 4] = True  # regular stems, 4 pixels wide
    for x in range(160, 290, 20):
        dark[10:50, x : x + 7] = True  # bold ones, 7 wide
    dark[10, 10:140] = True  # a crossbar does not move the middle of the runs
    assert raster.stroke_width(dark, (0, 0, 150, 60)) == pytest.approx(4)
    assert raster.stroke_width(dark, (150, 0, 300, 60)) == pytest.approx(7)
    assert raster.stroke_width(dark, (0, 0, 30, 12)) is None  # two runs of ink: too little to say


def test_the_stems_of_a_large_titles_letters_are_not_lines():
    image = Image.new("L", (2480, 1200), 255)
    draw = ImageDraw.Draw(image)
    draw.text((200, 200), "Referat", font=ImageFont.load_default(size=220), fill=0)  # about 53 pt
    gray = np.asarray(image)
    drawn = raster.drawn_lines(gray, DPI)
    assert drawn.vertical == [] and drawn.horizontal == []
    assert (raster.erase(gray, drawn.mask) == gray).all()


def test_a_blank_page_or_one_short_line_is_not_turned():
    assert raster.skew(np.full((3508, 2480), 255, dtype=np.uint8)) == 0.0
    image = Image.new("L", (2480, 3508), 255)
    ImageDraw.Draw(image).text((300, 300), "Side 2 av 17", font=ImageFont.load_default(size=46), fill=0)
    assert raster.skew(np.asarray(image)) == 0.0
