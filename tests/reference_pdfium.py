"""The PDFium reader's per-character words and helper-class path walk as they were before they
were made faster: the reference the equality test holds the fast reader to (identical words,
boxes within 0.5 pt, sizes, weights, rules and table borders on every page of the corpora)."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extract.layout.lines import is_bold_font
from extract.layout.pdfium import (
    ASCENT,
    BOLD_WEIGHT,
    BREAKS,
    HYPHEN_MARKERS,
    LINE_BREAKS,
    MIN_RULE_SHARE,
    TABLE_CELL_HEIGHT,
    TABLE_ROW_SHARE,
    THIN,
    _font_name,
    _loose_box,
    _object_font,
    _origin,
    _text_object,
    _unicode,
    printed_size,
)
from models.layout import Word


def page_words(page: pdfium.PdfPage) -> tuple[list[Word], int]:
    """Words in display coordinates (top-left origin), and the number of characters.

    Size and weight are asked once per text object (PDFium gives one font and size per object),
    so the per-character cost is three calls into PDFium."""
    textpage = page.get_textpage()
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    count = textpage.count_chars()
    height = page.get_height()
    words: list[Word] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    box = raw.FS_RECTF()
    box_ref = ctypes.byref(box)
    name = ctypes.create_string_buffer(128)
    seen: set = set()  # (char, x, y) printed, and ((char, x, y), 2) for a second ligature letter
    run: list[tuple[str, float, float, float, float, bool]] = []  # char, x0, x1, baseline, size, bold
    chars = 0

    def flush() -> None:
        if not run:
            return
        first = run[0]
        size = first[4]  # a change of size or weight starts a new word
        top = max(c[3] for c in run) - ASCENT * size
        words.append(
            Word(
                text="".join([c[0] for c in run]),
                x0=first[1],
                x1=run[-1][2],
                top=top,
                bottom=top + size,
                size=size,
                bold=first[5],
            )
        )
        run.clear()

    style_of: dict[int | None, tuple[float, bool]] = {}  # text object → (size, bold)
    bold_of: dict[int | None, bool] = {}  # font → bold, asked once per font
    last_object: int | None = -1
    size, bold = 1.0, False
    previous_key = None
    for i in range(count):
        code = _unicode(handle, i)
        ch = "-" if code in HYPHEN_MARKERS else chr(code)
        # PDFium's generated characters (IsGenerated) are all spaces and line breaks.
        if ch in LINE_BREAKS:
            continue
        if ch in BREAKS or not ch.isprintable():
            flush()
            previous_key = None
            continue
        _origin(handle, i, x_ref, y_ref)
        key = (ch, round(x.value), round(y.value))
        # Printed twice at one spot is fake bold, except the two letters of an "ff" ligature.
        ligature = ch == "f" and key == previous_key and (key, 2) not in seen
        if key in seen and not ligature:
            continue
        seen.add((key, 2) if ligature else key)
        previous_key = key
        chars += 1
        _loose_box(handle, i, box_ref)
        text_object = _text_object(handle, i)
        if text_object != last_object:
            style = style_of.get(text_object)
            if style is None:
                font = _object_font(ctypes.c_void_p(text_object)) if text_object else None
                if font not in bold_of:
                    weight = raw.FPDFText_GetFontWeight(textpage.raw, i)
                    bold_of[font] = weight >= BOLD_WEIGHT or is_bold_font(_font_name(textpage, i, name))
                style = style_of[text_object] = (round(printed_size(handle, i), 1) or 1.0, bold_of[font])
            size, bold = style
            last_object = text_object
        baseline = height - y.value
        if run:
            prev = run[-1]
            same_line = abs(prev[3] - baseline) <= 0.35 * max(size, prev[4])
            gap = box.left - prev[2]
            if not same_line or gap > 0.25 * size or gap < -size or prev[4] != size or prev[5] != bold:
                flush()
        run.append((ch, box.left, box.right, baseline, size, bold))
    flush()
    textpage.close()
    return words, chars


def page_paths(page: pdfium.PdfPage) -> tuple[list[tuple[float, float, float]], int, int, int]:
    """Drawn horizontal rules (x0, x1, y from the top), counts of the lines that could border a
    table's rows and columns, and the number of images on the page."""
    height, width = page.get_height(), page.get_width()
    rules, horizontal, vertical, images = [], 0, 0, 0
    for obj in page.get_objects():
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        if obj.type != raw.FPDF_PAGEOBJ_PATH:
            continue
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if h <= THIN and w > THIN:
            horizontal += w >= TABLE_ROW_SHARE * width
            if w >= MIN_RULE_SHARE * width:
                rules.append((left, right, height - (top + bottom) / 2))
        elif w <= THIN and h > THIN:
            vertical += h >= TABLE_CELL_HEIGHT
        elif w > THIN and h > THIN:
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            if raw.FPDFPath_GetDrawMode(obj.raw, fill, stroke) and stroke.value:
                horizontal += 2 * (w >= TABLE_ROW_SHARE * width)
                vertical += 2 * (h >= TABLE_CELL_HEIGHT)
    return rules, horizontal, vertical, images


def page_tables(path, index: int) -> list:
    """pdfplumber's table finder on the page as pdfplumber parses it, text and all."""
    import pdfplumber

    from extract.layout.lines import TableGrid

    with pdfplumber.open(path) as pdf:
        page = pdf.pages[index]
        return [TableGrid(bbox=t.bbox, rows=[list(r.cells) for r in t.rows]) for t in page.find_tables()]
