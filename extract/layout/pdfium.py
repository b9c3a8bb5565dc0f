"""The pypdfium2 backend: words with size and weight from PDFium, an order of magnitude faster
than pdfminer, and more forgiving of damaged files.

PDFium gives characters, fonts and vector paths; ruled tables are found as pdfplumber's table
finder finds them (extract.layout.grids) on edges made from PDFium's paths (extract.layout.ruled),
only on the pages whose paths could form a table. The result goes through the same pure
functions as the pdfplumber backend.
"""

from __future__ import annotations

import ctypes
import logging
import math
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extract.errors import ExtractionError
from extract.layout.lines import TableGrid, build_lines, is_bold_font
from extract.layout.native import page_chars
from extract.layout.native import paths as paths_in_c
from extract.layout.native import words as words_in_c
from extract.layout.quality import GARBLED, MIN_TEXT_CHARS, ocr_reason
from models.layout import Page, Word

log = logging.getLogger(__name__)

BOLD_WEIGHT = 600
ASCENT = 0.8  # share of the font size above the baseline, as pdfminer measures a line's top
THIN = 2.0  # a path thinner than this is a drawn line
MIN_RULE_SHARE = 0.4  # a drawn line this share of the page wide separates sections
TABLE_ROW_SHARE = 0.15  # a table's row borders are at least this share of the page wide
TABLE_CELL_HEIGHT = 8.0  # and its column borders at least a line of text high
BREAKS = frozenset({" ", "\t", "\u00a0", "\u2002", "\u2003", "\u2009"})
# PDFium's line breaks are passed over: where a line ends is the word rules' call (a new
# baseline, a gap back or ahead), since PDFium also puts one between two letters of a word, as
# in a y-flipped text matrix before a letter shorter than the one before it ("Sid⏎eo⏎ver…").
LINE_BREAKS = frozenset({"\r", "\n"})
HYPHEN_MARKERS = {0x02, 0xFFFE}  # PDFium's code for a hyphen that ends a line
_SURROGATE = re.compile("[\ud800-\udfff]")


def _font_name(textpage: pdfium.PdfTextPage, index: int, buffer: ctypes.Array) -> str:
    flags = ctypes.c_int()
    raw.FPDFText_GetFontInfo(textpage.raw, index, buffer, len(buffer), flags)
    return buffer.value.decode("utf-8", "replace")


def unchecked(function: ctypes._CFuncPtr, restype: type | None) -> ctypes._CFuncPtr:
    """The same PDFium function without argument conversion, for the calls made once per
    character: pypdfium2's typed signatures make each call cost about twice as much. Callers
    pass only a `c_void_p` handle, Python ints (C int) and `byref()` pointers."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


_unicode = unchecked(raw.FPDFText_GetUnicode, ctypes.c_uint)
_origin = unchecked(raw.FPDFText_GetCharOrigin, ctypes.c_int)
_loose_box = unchecked(raw.FPDFText_GetLooseCharBox, ctypes.c_int)
_text_object = unchecked(raw.FPDFText_GetTextObject, ctypes.c_void_p)
_font_size = unchecked(raw.FPDFText_GetFontSize, ctypes.c_double)
_object_font = unchecked(raw.FPDFTextObj_GetFont, ctypes.c_void_p)
_get_text = unchecked(raw.FPDFText_GetText, ctypes.c_int)
_char_matrix = unchecked(raw.FPDFText_GetMatrix, ctypes.c_int)


def printed_size(handle: ctypes.c_void_p, index: int) -> float:
    """The size character `index` is printed at, as pdfminer measures it: PDFium's font size is
    the font's own (1 where a producer scales every line by the text matrix instead), so it is
    scaled by the length of the character's matrix's vertical axis (text matrix, page and forms;
    a horizontal squeeze leaves it alone)."""
    size = _font_size(handle, index)
    m = raw.FS_MATRIX()
    if not _char_matrix(handle, index, ctypes.byref(m)):
        return size
    return size * math.sqrt(m.c * m.c + m.d * m.d)


def _units(handle: ctypes.c_void_p, count: int) -> ctypes.Array | None:
    """Every character's code in one call for the page, one UTF-16 unit each; None on a page
    with a character beyond the BMP (two units for one character)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = _get_text(handle, 0, count, buffer) if count else 1
    if written != count + 1:
        return None
    # a pair decodes to one character (the text comes out shorter), a lone half stays a surrogate
    text = bytes(buffer)[: 2 * count].decode("utf-16-le", "surrogatepass")
    if len(text) != count or _SURROGATE.search(text):
        return None
    return (ctypes.c_ushort * count).from_buffer(buffer)


def _codes(handle: ctypes.c_void_p, count: int, units: ctypes.Array | None) -> list[int]:
    """Every character's code: the page's units, or one call per character where they are not."""
    return units[:] if units is not None else [_unicode(handle, i) for i in range(count)]


def page_words(page: pdfium.PdfPage) -> tuple[list[Word], int]:
    """Words in display coordinates (top-left origin), and the number of characters.

    The text comes in one call; every character's position, box and text object, and the words
    made of them, come from the C helper (extract.layout.native); size and weight are asked once
    per text object (PDFium gives one font and size per object). Without the helper, or on a
    page it leaves alone, the same rules run here in Python."""
    textpage = page.get_textpage()
    try:
        handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
        count = textpage.count_chars()
        height = page.get_height()
        units = _units(handle, count)
        style = _Style(textpage, handle)
        made = (
            words_in_c(handle, units, height, BREAKS, LINE_BREAKS, ASCENT, point_size, style.bold)
            if units is not None
            else None
        )
        if made is None:
            return _page_words_python(handle, count, units, height, style)
        return made
    finally:
        textpage.close()


def point_size(size: float) -> float:
    """A font size as words carry it: to a tenth of a point, and 1 where PDFium says 0."""
    return round(size, 1) or 1.0


class _Style:
    """(size, bold) of a text object, asked of PDFium through one of its characters, once per
    object, and whether a font is bold once per font."""

    def __init__(self, textpage: pdfium.PdfTextPage, handle: ctypes.c_void_p) -> None:
        self.textpage, self.handle = textpage, handle
        self.name = ctypes.create_string_buffer(128)
        self.of_object: dict[int, tuple[float, bool]] = {}
        self.bold_of: dict[int | None, bool] = {}

    def __call__(self, index: int, text_object: int) -> tuple[float, bool]:
        style = self.of_object.get(text_object)
        if style is None:
            font = _object_font(ctypes.c_void_p(text_object)) if text_object else None
            bold = self.bold(index, font)
            style = self.of_object[text_object] = (point_size(printed_size(self.handle, index)), bold)
        return style

    def bold(self, index: int, font: int | None) -> bool:
        """Whether the font of character `index` is bold: by its weight, or by its name."""
        if font not in self.bold_of:
            weight = raw.FPDFText_GetFontWeight(self.textpage.raw, index)
            self.bold_of[font] = weight >= BOLD_WEIGHT or is_bold_font(_font_name(self.textpage, index, self.name))
        return self.bold_of[font]


def _page_words_python(
    handle: ctypes.c_void_p, count: int, units: ctypes.Array | None, height: float, style: _Style
) -> tuple[list[Word], int]:
    """The word rules one character at a time (the C helper's twin)."""
    words: list[Word] = []
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

    last_object: int | None = -1
    size, bold = 1.0, False
    previous_key = None
    geometry, objects = page_chars(handle, count)
    xs, ys, lefts, rights = geometry[0::4], geometry[1::4], geometry[2::4], geometry[3::4]
    per_char = zip(_codes(handle, count, units), xs, ys, lefts, rights, objects, strict=True)
    for i, (code, x, y, left, right, text_object) in enumerate(per_char):
        ch = "-" if code in HYPHEN_MARKERS else chr(code)
        # PDFium's generated characters (IsGenerated) are all spaces and line breaks.
        if ch in LINE_BREAKS:
            continue
        if ch in BREAKS or not ch.isprintable():
            flush()
            previous_key = None
            continue
        key = (ch, round(x), round(y))
        # Printed twice at one spot is fake bold, except the two letters of an "ff" ligature.
        ligature = ch == "f" and key == previous_key and (key, 2) not in seen
        if key in seen and not ligature:
            continue
        seen.add((key, 2) if ligature else key)
        previous_key = key
        chars += 1
        if text_object != last_object:
            size, bold = style(i, text_object)
            last_object = text_object
        baseline = height - y
        if run:
            prev = run[-1]
            same_line = abs(prev[3] - baseline) <= 0.35 * max(size, prev[4])
            gap = left - prev[2]
            if not same_line or gap > 0.25 * size or gap < -size or prev[4] != size or prev[5] != bold:
                flush()
        run.append((ch, left, right, baseline, size, bold))
    flush()
    return words, chars


_count_objects = unchecked(raw.FPDFPage_CountObjects, ctypes.c_int)
_get_object = unchecked(raw.FPDFPage_GetObject, ctypes.c_void_p)
_count_form_objects = unchecked(raw.FPDFFormObj_CountObjects, ctypes.c_int)
_get_form_object = unchecked(raw.FPDFFormObj_GetObject, ctypes.c_void_p)
_object_type = unchecked(raw.FPDFPageObj_GetType, ctypes.c_int)
_object_bounds = unchecked(raw.FPDFPageObj_GetBounds, ctypes.c_int)
MAX_FORM_DEPTH = 15  # form XObjects nested deeper than this are not walked (as pypdfium2's get_objects)


def _objects(page_handle: ctypes.c_void_p) -> Iterator[tuple[int, int, int]]:
    """(handle, type, depth in forms) of every page object, descending into form XObjects: the
    raw calls, since a page of tens of thousands of vector paths spent most of its time in
    pypdfium2's helper objects."""
    stack: list[tuple[ctypes.c_void_p | None, int, int, int]] = []  # (form, next index, count, level)
    count = _count_objects(page_handle)
    if count < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    form, index, level = None, 0, 0
    while True:
        if index >= count:
            if not stack:
                return
            form, index, count, level = stack.pop()
            continue
        handle = _get_form_object(form, index) if form is not None else _get_object(page_handle, index)
        if not handle:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        index += 1
        kind = _object_type(ctypes.c_void_p(handle))
        yield handle, kind, level
        if kind == raw.FPDF_PAGEOBJ_FORM and level < MAX_FORM_DEPTH - 1:
            inner = ctypes.c_void_p(handle)
            inner_count = _count_form_objects(inner)
            if inner_count < 0:
                raise pdfium.PdfiumError("Failed to get number of pageobjects.")
            stack.append((form, index, count, level))
            form, index, count, level = inner, 0, inner_count, level + 1


def page_paths(page: pdfium.PdfPage) -> tuple[list[tuple[float, float, float]], int, int, int]:
    """Drawn horizontal rules (x0, x1, y from the top), counts of the lines that could border a
    table's rows and columns (thin paths, and the sides of stroked boxes), and the number of
    images on the page."""
    height, width = page.get_height(), page.get_width()
    page_handle = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
    walked = paths_in_c(
        page_handle, width, height, MAX_FORM_DEPTH, (THIN, TABLE_ROW_SHARE, MIN_RULE_SHARE, TABLE_CELL_HEIGHT)
    )
    if walked is not None:
        return walked
    rules, horizontal, vertical, images = [], 0, 0, 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    corners = [ctypes.byref(v) for v in (left, bottom, right, top)]
    for handle, kind, _ in _objects(page_handle):
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not _object_bounds(ctypes.c_void_p(handle), *corners):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        w, h = right.value - left.value, top.value - bottom.value
        if h <= THIN and w > THIN:
            horizontal += w >= TABLE_ROW_SHARE * width
            if w >= MIN_RULE_SHARE * width:
                rules.append((left.value, right.value, height - (top.value + bottom.value) / 2))
        elif w <= THIN and h > THIN:
            vertical += h >= TABLE_CELL_HEIGHT
        elif w > THIN and h > THIN and _stroked(handle):
            # a stroked box (a cell drawn as its outline): its sides may border a table's cells
            horizontal += 2 * (w >= TABLE_ROW_SHARE * width)
            vertical += 2 * (h >= TABLE_CELL_HEIGHT)
    return rules, horizontal, vertical, images


_draw_mode = unchecked(raw.FPDFPath_GetDrawMode, ctypes.c_int)


def _stroked(handle: int) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(_draw_mode(ctypes.c_void_p(handle), ctypes.byref(fill), ctypes.byref(stroke)) and stroke.value)


_HIDDEN = (raw.FPDF_TEXTRENDERMODE_INVISIBLE, raw.FPDF_TEXTRENDERMODE_CLIP)


def invisible_text(page: pdfium.PdfPage) -> bool:
    """Whether the page's text is all drawn invisibly, as a scanner lays its OCR over the scan.
    Stops at the first visible text; text only inside form XObjects counts as visible."""
    seen = False
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        handle = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(handle) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        if raw.FPDFTextObj_GetTextRenderMode(handle) not in _HIDDEN:
            return False
        seen = True
    return seen


def _may_hold_table(horizontal: int, vertical: int) -> bool:
    return horizontal >= 3 and vertical >= 2


@lru_cache(maxsize=1)
def _paths_only_device() -> type:
    """pdfplumber's layout device, made to skip text (defined once, on the first table page)."""
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class PathsOnly(PDFPageAggregatorWithMarkedContent):
        def render_string(self, *args: object, **kwargs: object) -> None:
            return None

    return PathsOnly


def _paths_only_layout(pdf, page):
    """pdfminer's layout of a page without its text: the table finder reads only the drawn
    lines and rectangles, and PDFium has read the words already. Decoding every glyph into a
    character object was a third of the table finder's time."""
    from pdfplumber.page import PDFPageInterpreter

    device = _paths_only_device()(pdf.rsrcmgr, pageno=page.page_number, laparams=pdf.laparams)
    PDFPageInterpreter(pdf.rsrcmgr, device).process_page(page.page_obj)
    return device.get_result()


class _Pdfminer:
    """pdfplumber's (pdfminer's) reading of the file, opened only when a page needs it: its table
    finder for a page that may hold a table, and the whole page where PDFium's text does not
    decode (pdfminer reads an embedded TrueType font's own character map, PDFium gives glyph
    numbers). After a page pdfminer cannot decode either, it is not asked for others."""

    def __init__(self, path: Path, password: str | None):
        self.path, self.password, self.pdf = path, password, None
        self.decodes = True

    def _open(self):
        import pdfplumber

        if self.pdf is None:
            self.pdf = pdfplumber.open(self.path, password=self.password or "")
        return self.pdf

    def tables(self, index: int) -> list[TableGrid]:
        try:
            page = self._open().pages[index]
            page._layout = _paths_only_layout(self.pdf, page)  # the layout pdfplumber would make, less text
            grids = [TableGrid(bbox=t.bbox, rows=[list(r.cells) for r in t.rows]) for t in page.find_tables()]
            page.close()
            return grids
        except Exception as exc:  # a page pdfminer cannot read keeps its text, without table structure
            log.info("%s page %d: no table structure (%s)", self.path.name, index + 1, exc)
            return []

    def page(self, index: int) -> Page | None:
        """pdfminer's page where its text decodes, else None."""
        from extract.layout.pdf import read_page

        if not self.decodes:
            return None
        try:
            plumbed = self._open().pages[index]
            read = read_page(plumbed, index + 1)
            plumbed.close()
        except Exception as exc:  # pdfminer cannot read it: the page keeps PDFium's reading
            log.info("%s page %d: pdfminer cannot read it (%s)", self.path.name, index + 1, exc)
            read = None
        if read is None or read.needs_ocr or not any(line.text for line in read.lines):
            self.decodes = False
            return None
        return read

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _tables_of(page: pdfium.PdfPage, index: int, pdfminer: _Pdfminer) -> list[TableGrid]:
    """The page's ruled tables: from PDFium's paths (extract.layout.ruled), or by pdfplumber's
    parse of the page where pdfminer would set its coordinates up differently or PDFium
    cannot give a path's segments."""
    from extract.layout import ruled

    if ruled.plain_geometry(page):
        handle = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
        try:
            return ruled.find_tables(page, ruled.with_matrices(_objects(handle)))
        except Exception as exc:  # a path PDFium cannot give, or one the finder chokes on: pdfplumber's turn
            log.info("page %d: tables by pdfplumber (%s: %s)", index + 1, type(exc).__name__, exc)
    return pdfminer.tables(index)


def open_document(path: Path, password: str | None = None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        # PDFium's last error outlives the load that set it: a file it fails to open without
        # a reason of its own reports the encrypted file read before it. Only a file whose
        # trailer names an /Encrypt dictionary is taken to be encrypted.
        if "password" in message.lower() and _declares_encryption(path):
            raise ExtractionError("open", "encrypted", "encrypted: a password is needed to open it") from exc
        raise ExtractionError("open", "damaged", f"damaged beyond repair: {message}") from exc


def _declares_encryption(path: Path, block: int = 1 << 20) -> bool:
    """Whether the file names an /Encrypt dictionary (a trailer's or a cross-reference stream's
    key, never compressed)."""
    key = b"/Encrypt"
    tail = b""
    with Path(path).open("rb") as fh:
        while chunk := fh.read(block):
            if key in tail + chunk:
                return True
            tail = chunk[-len(key) :]
    return False


def _control_codes(page: pdfium.PdfPage) -> bool:
    """Whether most of the page's characters are control codes: the glyph numbers of an embedded
    font without a character map fall there, and word making drops them, so that the page
    would look all but empty. Asked only of pages with few characters left."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range() if textpage.count_chars() >= MIN_TEXT_CHARS else ""
    finally:
        textpage.close()
    codes = sum(1 for c in text if c < " " and c not in "\r\n\t")
    written = sum(1 for c in text if c not in " \r\n\t\u00a0")
    return codes >= MIN_TEXT_CHARS and codes > 0.5 * written


def read_pdf(path: str | Path, password: str | None = None) -> list[Page]:
    """Pages of a PDF as lines; a page whose text layer is missing or garbage is flagged for OCR."""
    path = Path(path)
    pdf = open_document(path, password)
    pdfminer = _Pdfminer(path, password)
    pages = []
    try:
        count = len(pdf)
        for index in range(count):
            try:
                page = pdf[index]
            except pdfium.PdfiumError as exc:
                # A page tree that claims more pages than it holds, or nests too deep to walk.
                reason = f"damaged beyond repair: page {index + 1} of the {count} its page tree claims cannot be read"
                raise ExtractionError("open", "damaged", reason) from exc
            words, chars = page_words(page)
            rules, horizontal, vertical, images = page_paths(page)
            reason = ocr_reason(" ".join(w.text for w in words), images)
            if reason != GARBLED and chars < 4 * MIN_TEXT_CHARS and _control_codes(page):
                reason = GARBLED  # a text layer of glyph numbers, which word making drops
            if reason == GARBLED and (decoded := pdfminer.page(index)) is not None:
                decoded.rescan = bool(images) and invisible_text(page)
                pages.append(decoded)
                page.close()
                continue
            if reason:
                words = []  # garbage would only pollute the search
            grids = _tables_of(page, index, pdfminer) if _may_hold_table(horizontal, vertical) and words else []
            rescan = bool(images and words) and invisible_text(page)
            pages.append(
                Page(
                    number=index + 1,
                    width=page.get_width(),
                    height=page.get_height(),
                    lines=build_lines(index + 1, words, grids, rules),
                    chars=chars,
                    images=images,
                    needs_ocr=reason,
                    rescan=rescan,
                )
            )
            page.close()
    finally:
        pdfminer.close()
        pdf.close()
    return pages
