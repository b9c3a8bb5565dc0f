"""Pure helpers over layout lines: labels and values, heading style, the body text size."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from extract.segment.text import clean
from models.layout import Line

INLINE_LABEL = re.compile(r"^(?P<label>[^:]{1,60}?)\s*:\s*(?P<value>.*)$")
# A paragraph starts where the white space above a line exceeds this share of its font size.
PARAGRAPH_GAP = 0.6


def body_size(lines: Iterable[Line]) -> float:
    """The font size most of the text is set in: headings are told by being larger."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if not line.rule:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 11.0


def label_value(line: Line) -> tuple[str, str] | None:
    """("Sted", "Teams") from a label row, either "Sted: Teams" or a two-column "Sted: | Teams".
    Asked three times of every line, the answer is kept on the line until its cells change."""
    if line.label_memo is None:
        line.label_memo = (_label_value(line),)
    return line.label_memo[0]


def _label_value(line: Line) -> tuple[str, str] | None:
    if line.rule or not line.cells:
        return None
    first = clean(line.cells[0].text)
    if len(line.cells) >= 2 and first and (first.endswith(":") or line.cells[0].bold):
        rest = clean(" ".join(c.text for c in line.cells[1:]))
        label = first.rstrip(":").strip()
        if ":" not in label:
            return label, rest
    m = INLINE_LABEL.match(clean(line.text))
    if m and not re.search(r"https?$|www$|\d$", m.group("label")):
        return m.group("label").strip(), m.group("value").strip()
    return None


def is_heading_style(line: Line, body: float) -> bool:
    """Bold or larger than the body text: how documents set their headings."""
    return line.bold or line.size >= body * 1.08


TITLE_RATIO = 1.2


def is_title_style(line: Line, body: float) -> bool:
    """Clearly larger than the text: a document's title (14 pt over 11, 12 over 10)."""
    return line.size >= body * TITLE_RATIO and any(ch.isalpha() for ch in line.text)


def starts_paragraph(line: Line) -> bool:
    return line.gap_before is not None and line.gap_before > PARAGRAPH_GAP * max(line.size, 1)
