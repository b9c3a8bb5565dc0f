"""Pure: find running headers, footers and page numbers and take them out of the text.

They repeat on every page, so they are told by repetition at the same place, never by a
list of known texts. A header that differs between parts of a bundled PDF is kept on the
page (`Page.header`) because it tells where one bundled document ends and the next begins.
"""

from __future__ import annotations

import re
from collections import Counter

from models.layout import Line, Page

HEADER_ZONE = 0.18  # top share of the page where running headers live
FOOTER_ZONE = 0.08  # footers and page numbers sit in the bottom margin
CANDIDATES = 4  # lines looked at from the top and from the bottom of each page
TITLE_RATIO = 1.2  # a line this much larger than the page's text is a title, never a running header
POSITION_TOLERANCE = 3.0

PAGE_NUMBER = re.compile(
    r"^(?:(?:side|s\.|page|sida)\s*)?#(?:\s*(?:av|of|/|af)\s*(?:\d+|#))?$|^-\s*#\s*-$", re.IGNORECASE
)


def _key(line: Line, page_number: int) -> str:
    """Text with the page's own number masked, so "Side 3 av 9" repeats as "side # av 9"."""
    text = re.sub(r"\s+", " ", line.text).strip().casefold()
    return re.sub(rf"(?<!\d){page_number}(?!\d)", "#", text)


def _gaps(lines: list[Line]) -> list[float | None]:
    """White space above each text line, measured to the text line before it (rules skipped)."""
    return [
        None if k == 0 or ln.page != lines[k - 1].page else ln.top - lines[k - 1].bottom for k, ln in enumerate(lines)
    ]


def _zone_lines(page: Page) -> tuple[list[Line], list[Line]]:
    """The lines that may be a running header or footer: near the top or bottom edge, small, and
    set apart from the body by white space (a "Vedtak:" that happens to stand at the same height
    on two pages is body text)."""
    text_lines = [ln for ln in page.lines if ln.text and not ln.rule]
    if len(text_lines) < 2:
        return [], []
    gaps = _gaps(text_lines)
    sizes = sorted(ln.size for ln in text_lines)
    median = sizes[len(sizes) // 2]

    # Clearly more white space than the page usually has between the lines and paragraphs of its body.
    def in_body(ln: Line) -> bool:
        return ln.top >= page.height * HEADER_ZONE and ln.bottom <= page.height * (1 - FOOTER_ZONE)

    known = sorted(
        g for k, g in enumerate(gaps) if g is not None and in_body(text_lines[k]) and in_body(text_lines[k - 1])
    )
    apart = max(1.5 * known[len(known) // 2] if known else 0.0, 0.8 * median)

    def set_apart(k: int) -> bool:
        """White space above text line k sets apart what stands before it (or line k is a title)."""
        return k >= len(text_lines) or (gaps[k] or 0) > apart or text_lines[k].size >= median * TITLE_RATIO

    top: list[Line] = []
    for k, ln in enumerate(text_lines[:CANDIDATES]):
        if ln.bottom > page.height * HEADER_ZONE or ln.size >= median * TITLE_RATIO:
            break
        top.append(ln)
        if set_apart(k + 1):
            break
    if top and not set_apart(len(top)):
        top = []  # no white space under it: the page's own first lines
    bottom: list[Line] = []
    for k in range(len(text_lines) - 1, max(len(text_lines) - 1 - CANDIDATES, -1), -1):
        ln = text_lines[k]
        if ln.top < page.height * (1 - FOOTER_ZONE) or ln in top:
            break
        bottom.insert(0, ln)
        if (gaps[k] or 0) > apart:
            break
    if bottom and (gaps[text_lines.index(bottom[0])] or 0) <= apart:
        bottom = []  # no white space above it: the page's own last lines
    return top, bottom


def strip_running_text(pages: list[Page]) -> list[Page]:
    """Remove repeated header/footer lines and page numbers; record them on each page."""
    seen: Counter[tuple[str, str, int]] = Counter()
    zones = []
    for page in pages:
        top, bottom = _zone_lines(page)
        zones.append((top, bottom))
        for where, group in (("h", top), ("f", bottom)):
            for ln in group:
                seen[(where, _key(ln, page.number), round(ln.top / POSITION_TOLERANCE))] += 1

    def repeated(where: str, ln: Line, page: Page) -> bool:
        key = _key(ln, page.number)
        slot = round(ln.top / POSITION_TOLERANCE)
        count = sum(seen[(where, key, s)] for s in (slot - 1, slot, slot + 1))
        return count >= 2 and any(ch.isalpha() for ch in key)

    def running(page: Page, top: list[Line], bottom: list[Line]) -> tuple[list[Line], list[Line]]:
        header = [ln for ln in top if repeated("h", ln, page) or PAGE_NUMBER.match(_key(ln, page.number))]
        footer = [ln for ln in bottom if repeated("f", ln, page) or PAGE_NUMBER.match(_key(ln, page.number))]
        return header, footer

    # Text repeated on every page that is all there is to read is content, not a header.
    found = [running(page, top, bottom) for page, (top, bottom) in zip(pages, zones, strict=True)]
    if all(len(h) + len(f) >= sum(1 for ln in p.lines if ln.text) for p, (h, f) in zip(pages, found, strict=True)):
        return pages

    for page, (header, footer) in zip(pages, found, strict=True):
        drop = header + footer
        if not drop:
            continue
        page.header = " ".join(ln.text for ln in header if not PAGE_NUMBER.match(_key(ln, page.number))) or None
        page.footer = " ".join(ln.text for ln in footer) or None
        ids = {id(ln) for ln in drop}
        page.lines = [ln for ln in page.lines if id(ln) not in ids]
        if page.lines:
            page.lines[0].gap_before = None
    return pages
