"""Decisions: proposed ("Forslag til vedtak", "Innstilling") and adopted ("Vedtak") blocks.

A block starts at a decision label, either alone on its line or followed by the text
("Vedtak: Innkalling godkjennes."), and runs until a rule, another label, a heading or a new
paragraph that is not a list item. A page break does not end a block. A sentence that
merely starts with the word ("Vedtak rundt sak 04/23 ble som følger:") quotes an earlier
decision and is not a label: a label is the whole phrase up to its colon.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.segment.lines import is_heading_style, starts_paragraph
from extract.segment.numbers import parse_heading_number
from extract.segment.text import LIST_MARKER, clean, join_lines
from extract.segment.vocabulary import ADOPTED_LABEL, PROPOSAL_LABEL, SECTION_LABEL
from models.layout import Line


@dataclass(slots=True)
class Decisions:
    proposed: list[str] = field(default_factory=list)
    adopted: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # line ranges the blocks occupy


def decision_label(line: Line, body: float) -> tuple[str, str] | None:
    """("proposed" | "adopted", text after the label) where `line` opens a decision block."""
    if line.rule:
        return None
    text = clean(line.text)
    for kind, pattern in (("proposed", PROPOSAL_LABEL), ("adopted", ADOPTED_LABEL)):
        m = pattern.match(text)
        if not m:
            continue
        has_colon = m.group("rest") is not None
        # "Vedtak" alone on a line is a label only when set as one; a label starts upper-case.
        if not has_colon and not (is_heading_style(line, body) or text.isupper()):
            continue
        if not (text[:1].isupper() or line.bold):
            continue
        return kind, (m.group("rest") or "").strip()
    return None


INDENT = 8.0  # a line this far right of the block's first line is one of its list items


def _ends_block(
    line: Line, prev_text: str | None, first_style: tuple[bool, int] | None, body: float, first_x: float
) -> bool:
    text = clean(line.text)
    if line.rule or SECTION_LABEL.match(text):
        return True
    if is_heading_style(line, body) and parse_heading_number(text) is not None:
        return True
    if prev_text is None:  # the first line of the block
        return False
    # A list item: marked, or indented under the block (where OCR lost its bullet).
    listed = bool(LIST_MARKER.match(text)) or line.x0 > first_x + INDENT
    if is_heading_style(line, body) and (line.bold, round(line.size)) != first_style and not listed:
        return True
    return starts_paragraph(line) and not listed and not clean(prev_text).endswith(":")


def find_decisions(lines: list[Line], body: float) -> Decisions:
    found = Decisions()
    i = 0
    while i < len(lines):
        label = decision_label(lines[i], body)
        if label is None:
            i += 1
            continue
        kind, rest = label
        texts = [rest] if rest else []
        first_style = (lines[i].bold, round(lines[i].size)) if rest else None
        first_x = lines[i].x0 if rest else None
        j = i + 1
        while j < len(lines) and decision_label(lines[j], body) is None:
            start_x = first_x if first_x is not None else lines[j].x0
            if _ends_block(lines[j], texts[-1] if texts else None, first_style, body, start_x):
                break
            if first_style is None:
                first_style, first_x = (lines[j].bold, round(lines[j].size)), lines[j].x0
            texts.append(lines[j].text)
            j += 1
        block = join_lines(texts)
        if block:
            (found.proposed if kind == "proposed" else found.adopted).append(block)
            found.spans.append((i, j))
        i = j
    return found
