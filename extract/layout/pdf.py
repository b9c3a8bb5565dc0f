"""The pdfplumber backend: the only module that reads PDFs with pdfplumber.

Each page method is a short call into the pure functions of `lines` and `margins`.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pdfplumber

from extract.errors import ExtractionError
from extract.layout.lines import TableGrid, build_lines, is_bold_font
from extract.layout.quality import ocr_reason
from models.layout import Page, Word

# pdfminer logs every recoverable oddity of a damaged file as a warning; we report our own.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

MIN_RULE_SHARE = 0.4  # a drawn rule must span this share of the page width to separate sections


def _words(page: pdfplumber.page.Page) -> list[Word]:
    raw = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    return [
        Word(
            text=w["text"],
            x0=float(w["x0"]),
            x1=float(w["x1"]),
            top=float(w["top"]),
            bottom=float(w["bottom"]),
            size=float(w["size"]),
            bold=is_bold_font(w.get("fontname") or ""),
        )
        for w in raw
        if w["text"].strip()
    ]


def _tables(page: pdfplumber.page.Page) -> list[TableGrid]:
    if not page.edges:
        return []
    return [TableGrid(bbox=t.bbox, rows=[list(r.cells) for r in t.rows]) for t in page.find_tables()]


def _rules(page: pdfplumber.page.Page) -> list[tuple[float, float, float]]:
    rules = []
    for edge in page.horizontal_edges:
        if edge["x1"] - edge["x0"] >= MIN_RULE_SHARE * page.width:
            rules.append((float(edge["x0"]), float(edge["x1"]), float(edge["top"])))
    return rules


def _without_overprint(page: pdfplumber.page.Page) -> pdfplumber.page.Page:
    """Drop characters printed twice at the same spot (fake bold), in one pass over the chars.

    pdfplumber's own dedupe_chars sorts every character of every page; most pages have no
    duplicates at all, so they are found first with a set and the page filtered only then.
    """
    seen: set[tuple[str, int, int]] = set()
    duplicates: set[int] = set()
    for char in page.chars:
        key = (char["text"], round(char["x0"]), round(char["top"]))
        if key in seen:
            duplicates.add(id(char))
        seen.add(key)
    if not duplicates:
        return page
    return page.filter(lambda obj: id(obj) not in duplicates)


def read_page(page: pdfplumber.page.Page, number: int) -> Page:
    page = _without_overprint(page)
    words = _words(page)
    reason = ocr_reason(" ".join(w.text for w in words), len(page.images))
    if reason:
        words = []  # garbage would only pollute the search
    return Page(
        number=number,
        width=float(page.width),
        height=float(page.height),
        lines=build_lines(number, words, _tables(page) if words else [], _rules(page)),
        chars=len(page.chars),
        images=len(page.images),
        needs_ocr=reason,
    )


def _is_password_error(exc: BaseException | None) -> bool:
    """pdfplumber wraps pdfminer's password error; look along the chain of causes."""
    seen = 0
    while exc is not None and seen < 10:
        if "password" in f"{type(exc).__name__} {exc}".lower():
            return True
        nested = [a for a in exc.args if isinstance(a, BaseException)]
        exc, seen = exc.__cause__ or exc.__context__ or (nested[0] if nested else None), seen + 1
    return False


def read_pdf(path: str | Path, password: str = "") -> list[Page]:
    """Pages of a PDF as lines; a page whose text layer is missing or garbage is flagged for OCR."""
    try:
        pdf = pdfplumber.open(path, password=password)
        pages = []
        with pdf:
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(read_page(page, number))
                page.close()
        return pages
    except Exception as exc:  # pdfminer raises many unrelated types for a broken file
        if _is_password_error(exc):
            raise ExtractionError("open", "encrypted", "encrypted: a password is needed to open it") from exc
        reason = str(exc) or type(exc).__name__
        raise ExtractionError("open", "damaged", f"damaged beyond repair: {reason}") from exc
