"""Read scanned pages with Tesseract's Norwegian model: the only module that calls Tesseract.

A page is rendered by PDFium (in the orientation it is displayed), straightened and cleared of
its drawn lines (extract.layout.raster), and read into hOCR, whose lines carry Tesseract's
estimate of the font size (x_size) and the baseline; words are placed on that baseline with
that size, as the PDF backends place them, and the drawn lines become the page's rules and
ruled tables, so that the layout and segmentation rules read a scan like any other page.
Tesseract knows no bold: a word is bold when its strokes are clearly wider, for its size, than
those of most words on the page.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import replace
from functools import lru_cache
from html.parser import HTMLParser

from models.layout import Line, Word

LANGUAGE = "nor"
DPI = 300
MAX_PIXELS = 36_000_000  # an A3 page at 300 dpi is 17 million
MIN_CONFIDENCE = 20  # Tesseract's confidence (0-100) below which a "word" is noise
ASCENT = 0.8  # share of the font size above the baseline, as the PDF backends measure a line's top
LINE_CLASSES = {"ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat"}
# Tesseract reads an upright page's words with a mean confidence of 85 to 95, a page upside down
# or on its side with 25 to 35: under this, the page's orientation is looked for.
LOW_CONFIDENCE = 60
MIN_ORIENTATION_CONFIDENCE = 2.0  # Tesseract's confidence in the orientation it detects
_CONFIDENCE = re.compile(r"x_wconf (\d+)")
# A word whose strokes, for its size, are this many times as wide as the page's usual word is
# bold: on scanned copies of the genre corpus 99% of the bold words and 0.4% of the others are.
BOLD_STROKE = 1.22


@lru_cache(maxsize=1)
def available() -> str | None:
    """None when OCR can run, else what is missing."""
    if shutil.which("tesseract") is None:
        return "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-nor)"
    import pytesseract

    try:
        languages = pytesseract.get_languages()
    except Exception as exc:  # a broken installation says so in many ways
        return f"Tesseract does not run: {exc}"
    if LANGUAGE not in languages:
        return "Tesseract has no Norwegian model (apt-get install tesseract-ocr-nor)"
    return None


class _Hocr(HTMLParser):
    """Lines (bbox, baseline, x_size) and their words (bbox, confidence, text) from hOCR."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[tuple[str, tuple[int, ...], float, dict]] = []
        self.line: dict | None = None
        self.word: list | None = None
        self.depth = 0

    @staticmethod
    def _title(attrs: dict) -> dict[str, list[float]]:
        fields = {}
        for part in (attrs.get("title") or "").split(";"):
            name, _, values = part.strip().partition(" ")
            try:
                fields[name] = [float(v) for v in values.split()]
            except ValueError:
                continue
        return fields

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        cls = a.get("class") or ""
        if cls in LINE_CLASSES:
            self.line = self._title(a)
        elif cls == "ocrx_word" and self.line is not None:
            title = self._title(a)
            self.word = [title.get("bbox", [0, 0, 0, 0]), (title.get("x_wconf") or [0])[0], []]
        elif self.word is not None:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.word is not None:
            if self.depth:
                self.depth -= 1
                return
            bbox, conf, parts = self.word
            text = "".join(parts).strip()
            if text:
                self.words.append((text, tuple(bbox), conf, self.line))
            self.word = None

    def handle_data(self, data: str) -> None:
        if self.word is not None:
            self.word[2].append(data)


# Tesseract reads a word's last "g" as "q" where the line below cuts its tail ("Falkenberq",
# "innkallinq"); no Norwegian word ends in a "q" after a small letter.
_FINAL_Q = re.compile(r"(?<=[a-zæøåäöüé])q(?=\W*$)")


# A word of bars alone is a table's vertical border that was not erased, never text.
_BAR = re.compile(r"^[|¦]+$")
# Letters with a mark above the ascenders: Tesseract's size of a line holding one ("året", "Åpent")
# comes out 12 to 16% larger, as its ascenders are measured from the ring's top.
_ABOVE_ASCENDERS = re.compile(r"[åÅÄÖÜÉ]")


def _raised_by(line: dict) -> float:
    """How far a line's ascenders reach past its descenders' depth, which Tesseract gives them
    where it measures nothing else: the marks above the letters, not a larger type."""
    ascenders, descenders = (line.get("x_ascenders") or [0.0])[0], (line.get("x_descenders") or [0.0])[0]
    return max(0.0, ascenders - descenders)


# A word in capitals without a descender or a mark above (J, Q and Å have them): its height is
# the type's capital height, measured from the page's pixels.
_CAPITALS = re.compile(r"^[A-IK-PR-ZÆØ]{2,}[.,:;]?$")
OVERSTATED = 0.15  # a line's size this far over what its capitals' height gives is Tesseract's error


def _line_sizes(words: list[tuple[str, tuple[int, ...], float, dict]]) -> dict[int, float]:
    """Each line's size in pixels, by id of its line: Tesseract's, less the excess of ascenders
    an "å" adds; where that is more than OVERSTATED over the size the page's lines give for the
    height of its capitals, the size its capitals give."""
    lines = {id(line): line for _, _, _, line in words if line.get("x_size")}
    raised = {id(line) for text, _, _, line in words if _ABOVE_ASCENDERS.search(text)}
    sizes = {key: line["x_size"][0] - (_raised_by(line) if key in raised else 0.0) for key, line in lines.items()}
    heights: dict[int, list[int]] = {}
    for text, (_x0, y0, _x1, y1), _, line in words:
        if id(line) in sizes and _CAPITALS.match(text) and y1 > y0:
            heights.setdefault(id(line), []).append(y1 - y0)
    capital = {key: sorted(hs)[len(hs) // 2] for key, hs in heights.items()}
    ratios = sorted(sizes[key] / height for key, height in capital.items())
    if len(ratios) < 3:  # too few lines to say what the page's capitals give
        return sizes
    usual = ratios[len(ratios) // 2]
    for key, height in capital.items():
        if sizes[key] > usual * height * (1 + OVERSTATED):
            sizes[key] = usual * height
    return sizes


def parse_hocr(hocr: str, dpi: int = DPI) -> list[Word]:
    """Words in PDF points from Tesseract's hOCR."""
    parser = _Hocr()
    parser.feed(hocr)
    scale = 72 / dpi
    line_size = _line_sizes(parser.words)
    words = []
    for text, (x0, _y0, x1, _y1), conf, line in parser.words:
        if conf < MIN_CONFIDENCE or _BAR.match(text):
            continue
        lx0, _ly0, _lx1, ly1 = (line.get("bbox") or [x0, 0, x1, 0])[:4]
        slope, offset = (line.get("baseline") or [0.0, 0.0])[:2]
        baseline = ly1 + offset + slope * (x0 - lx0)
        size = line_size.get(id(line), _y1 - _y0) * scale
        top = baseline * scale - ASCENT * size
        text = _FINAL_Q.sub("g", text)
        words.append(
            Word(text=text, x0=x0 * scale, x1=x1 * scale, top=top, bottom=top + size, size=round(size, 1), bold=False)
        )
    return steady_sizes(words)


SIZE_JITTER = 0.12  # Tesseract's size estimates of one font vary this much from line to line
SIZE_STEP = 0.05  # estimates of other sizes this close together are of one type


def steady_sizes(words: list[Word]) -> list[Word]:
    """Sizes within SIZE_JITTER of the page's usual size become that size, so that an ordinary
    line never reads as a heading; the other sizes, grouped where they lie within SIZE_STEP of
    the smallest of the group, take the group's most common size, so that the lines of one
    heading type stay alike; a title clearly larger keeps its own."""
    if not words:
        return words
    sizes = sorted(w.size for w in words)
    usual = sizes[len(sizes) // 2]
    target: dict[float, float] = {}
    group: list[float] = []
    for size in [s for s in sizes if abs(s - usual) > SIZE_JITTER * usual] + [float("inf")]:
        if group and size > group[0] * (1 + SIZE_STEP):
            common = max(set(group), key=lambda s: (group.count(s), -s))
            target.update(dict.fromkeys(group, common))
            group = []
        group.append(size)
    steady = []
    for w in words:
        size = usual if abs(w.size - usual) <= SIZE_JITTER * usual else target[w.size]
        if size != w.size:
            middle = w.bottom - w.size / 2
            w = Word(w.text, w.x0, w.x1, middle - size / 2, middle + size / 2, size, w.bold)
        steady.append(w)
    return steady


def with_weight(words: list[Word], dark, dpi: int = DPI) -> list[Word]:
    """The words, bold where their strokes are wide for their size (`dark`: the page's ink)."""
    from extract.layout.raster import stroke_width

    scale = dpi / 72
    ratios = []
    for w in words:
        box = (int(w.x0 * scale), int(w.top * scale) - 2, int(w.x1 * scale), int(w.bottom * scale) + 2)
        stroke = stroke_width(dark, box)
        ratios.append(stroke / (w.size * scale) if stroke and w.size > 0 else None)
    measured = sorted(r for r in ratios if r is not None)
    if not measured:
        return words
    usual = measured[len(measured) // 2]
    return [replace(w, bold=r is not None and r >= BOLD_STROKE * usual) for w, r in zip(words, ratios, strict=True)]


def one_thread() -> None:
    """Tesseract's OpenMP threads spin while they wait: on this project's scans a page read with
    them took 2.7 times as long on one worker, 2.2 times with two workers side by side, as with
    one thread each. The pool gives the parallelism; a limit the user set is kept."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def render_dpi(width: float, height: float, dpi: int = DPI) -> int:
    """DPI, or less for a page so large (a drawing, a poster) that its image would pass
    MAX_PIXELS: the work and memory a page can cost stay bounded whatever size it claims."""
    pixels = (width / 72 * dpi) * (height / 72 * dpi)
    if pixels <= MAX_PIXELS:
        return dpi
    return max(1, int(dpi * (MAX_PIXELS / pixels) ** 0.5))


def read_lines(page, number: int, dpi: int = DPI) -> list[Line]:
    """Lines of a PDFium page, read from its image. A page Tesseract reads with little
    confidence may be upside down or on its side (a sheet fed the wrong way, a landscape table):
    Tesseract's orientation detection, slow, is asked then, and the page read again turned."""
    dpi = render_dpi(page.get_width(), page.get_height(), dpi)
    image = page.render(scale=dpi / 72).to_pil()
    lines, confidence = _read_image(image, number, dpi)
    if confidence < LOW_CONFIDENCE and (turn := _turn_upright(image)):
        again, better = _read_image(image.rotate(-turn, expand=True), number, dpi)
        if better > confidence:
            return again
    return lines


def _read_image(image, number: int, dpi: int) -> tuple[list[Line], float]:
    """Lines of a page's image, straightened, its drawn lines erased for Tesseract and given to
    the table finder and the line builder as a PDF's paths would be; and Tesseract's mean
    confidence in its words (0 to 100)."""
    import numpy as np
    import pytesseract
    from PIL import Image

    from extract.layout import raster, ruled
    from extract.layout.lines import build_lines
    from extract.layout.pdfium import MIN_RULE_SHARE

    one_thread()
    gray = np.asarray(raster.straighten(image))
    drawn = raster.drawn_lines(gray, dpi)
    clean = Image.fromarray(raster.erase(gray, drawn.mask))
    hocr = pytesseract.image_to_pdf_or_hocr(clean, lang=LANGUAGE, extension="hocr").decode("utf-8", "replace")
    words = with_weight(parse_hocr(hocr, dpi), raster.ink(np.asarray(clean)), dpi)
    scale = 72 / dpi
    width, height = gray.shape[1] * scale, gray.shape[0] * scale
    horizontal = [(x0 * scale, x1 * scale, y * scale) for x0, x1, y in drawn.horizontal]
    vertical = [(x * scale, y0 * scale, y1 * scale) for x, y0, y1 in drawn.vertical]
    grids = ruled.tables_from_lines(horizontal, vertical, height) if words else []
    rules = [h for h in horizontal if h[1] - h[0] >= MIN_RULE_SHARE * width]
    confidences = [float(c) for c in _CONFIDENCE.findall(hocr)]
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return build_lines(number, words, grids, rules), mean


def _turn_upright(image) -> int:
    """Degrees (90, 180, 270) the page must be turned clockwise to stand upright, by Tesseract's
    orientation detection; 0 when upright or unsure."""
    import pytesseract

    one_thread()
    try:
        found = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:  # too little text to tell
        return 0
    turn = int(found.get("rotate") or 0) % 360
    return turn if found.get("orientation_conf", 0) >= MIN_ORIENTATION_CONFIDENCE else 0


def apply(path, pages) -> str | None:
    """OCR the pages flagged as needing it, in place; None, or why flagged pages stay unread."""
    flagged = [p for p in pages if p.needs_ocr or p.rescan]
    if not flagged:
        return None
    if missing := available():
        # A scanner's own text layer is kept when Tesseract cannot read the page again.
        return missing if any(p.needs_ocr for p in flagged) else None
    import pypdfium2 as pdfium
    import pytesseract

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        unread = any(p.needs_ocr for p in flagged)
        return f"its pages cannot be rendered for OCR ({exc})" if unread else None
    try:
        for page in flagged:
            rendered = pdf[page.number - 1]
            try:
                lines = read_lines(rendered, page.number)
            except (pytesseract.TesseractError, RuntimeError, OSError):
                if not page.rescan:
                    raise
                continue  # Tesseract failed on it: the scanner's layer is kept
            finally:
                rendered.close()
            if page.rescan and not any(ln.text for ln in lines):
                continue  # Tesseract found nothing: the scanner's layer is better than none
            page.lines = lines
            page.ocr, page.needs_ocr, page.rescan = True, None, False
    finally:
        pdf.close()
    return None
