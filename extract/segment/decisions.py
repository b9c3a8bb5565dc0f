"""Decisions: proposed ("Forslag til vedtak", "Innstilling") and adopted ("Vedtak") blocks.

A block starts at a decision label, either alone on its line or followed by the text ("Vedtak:
Innkalling godkjennes."), or at a sentence introducing a proposal ("Ordfører fremmet følgende
forslag til vedtak:"), and runs until a rule, another label, a heading, a vote ("Vedtaket var
samrøystes."), the place and date over the signatures or a new paragraph that is not a list
item. A page break does not end a block. A sentence that merely starts with the word ("Vedtak
rundt sak 04/23 ble som følger:") quotes an earlier decision and is not a label: a label is the
whole phrase up to its colon. Where a case record names its adopted decision by body and case
("FS-070/13 Vedtak:"), a plain "Vedtak" before it is the recommendation the case was put forward
with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.segment.lines import is_heading_style, starts_paragraph
from extract.segment.numbers import parse_heading_number
from extract.segment.text import LIST_MARKER, NUMBERED, NUMERIC_DATE, OPEN_END, WRITTEN_DATE, clean, join_lines
from extract.segment.vocabulary import (
    ADOPTED_LABEL,
    ADOPTED_SENTENCE,
    PROPOSAL_LABEL,
    PROPOSAL_REQUEST,
    PROPOSAL_SENTENCE,
    PROPOSAL_VERB,
    SECTION_LABEL,
)
from extract.segment.votes import is_vote_sentence
from models.layout import Line


@dataclass(slots=True)
class Decisions:
    proposed: list[str] = field(default_factory=list)
    adopted: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # line ranges the blocks occupy


@dataclass(slots=True)
class Label:
    kind: str  # "proposed" or "adopted"
    rest: str  # the text after the label on its line
    qualified: bool = False  # an adopted label naming its body and case or date


# (kind, pattern, whether it is a whole sentence, a label even without its colon), in the order tried.
_LABELS = (
    ("proposed", PROPOSAL_LABEL, False),
    ("adopted", ADOPTED_LABEL, False),
    ("proposed", PROPOSAL_REQUEST, True),
    ("adopted", ADOPTED_SENTENCE, True),
    ("proposed", PROPOSAL_SENTENCE, False),
    ("proposed", PROPOSAL_VERB, False),
)


def decision_label(line: Line, body: float) -> Label | None:
    """The label where `line` opens a decision block."""
    if line.rule:
        return None
    text = clean(line.text)
    for kind, pattern, sentence in _LABELS:
        m = pattern.match(text)
        if not m:
            continue
        has_colon = m.group("rest") is not None
        # "Vedtak" alone on a line is a label only when set as one (a whole sentence saying the
        # decision was made needs no colon); a label starts upper-case.
        if not has_colon and not (sentence or is_heading_style(line, body) or text.isupper()):
            continue
        if not (text[:1].isupper() or line.bold):
            continue
        groups = m.groupdict()
        return Label(kind, (m.group("rest") or "").strip(), bool(groups.get("qual") or groups.get("date")))
    return None


INDENT = 8.0  # a line this far right of the block's first line is one of its list items
SECTION_GAP = 2.0  # white space of this many font sizes above a heading sets a new section apart


# Where and when the minutes were signed, on a line of its own over the signatures: "Hamar,
# 6.11.2013", "Oslo, den 5. november 2013".
_SIGNED_AT = re.compile(r"^[A-ZÆØÅ][\w.-]*(?:[ -][A-ZÆØÅ][\w.-]*){0,2},?\s+(?:den\s+)?(?P<date>\S.*?)\.?$")


def _signed_at(text: str, prev_text: str) -> bool:
    """A place and a date alone on a line, not a phrase the line before leaves open ("… til
    møtet i" over "Tromsø 12. mars 2024") or introduces ("Neste møte:")."""
    m = _SIGNED_AT.match(text)
    if not m or OPEN_END.search(prev_text) or prev_text.endswith(":"):
        return False
    return bool(NUMERIC_DATE.fullmatch(m.group("date")) or WRITTEN_DATE.fullmatch(m.group("date")))


def _ends_block(
    line: Line, prev_text: str | None, first_style: tuple[bool, int] | None, body: float, first_x: float
) -> bool:
    text = clean(line.text)
    if line.rule or SECTION_LABEL.match(text) or is_vote_sentence(text):
        return True
    if is_heading_style(line, body) and parse_heading_number(text) is not None:
        return True
    if prev_text is None:  # the first line of the block
        return False
    if _signed_at(text, clean(prev_text)):
        return True
    # A list item: marked, or indented under the block (where OCR lost its bullet).
    listed = bool(LIST_MARKER.match(text)) or line.x0 > first_x + INDENT
    # A heading in another style ends the block; a numbered one too when white space sets it apart.
    sectioned = line.gap_before is not None and line.gap_before > SECTION_GAP * max(line.size, 1)
    if is_heading_style(line, body) and (line.bold, round(line.size)) != first_style and (not listed or sectioned):
        return True
    return starts_paragraph(line) and not listed and not clean(prev_text).endswith(":")


def find_decisions(lines: list[Line], body: float) -> Decisions:
    found = Decisions()
    blocks: list[tuple[Label, str, tuple[int, int]]] = []
    i = 0
    while i < len(lines):
        label = decision_label(lines[i], body)
        if label is None:
            i += 1
            continue
        rest = label.rest
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
            blocks.append((label, block, (i, j)))
        i = j
    qualified = [k for k, (label, _, _) in enumerate(blocks) if label.kind == "adopted" and label.qualified]
    for k, (label, block, span) in enumerate(blocks):
        kind = label.kind
        if kind == "adopted" and qualified and k < qualified[0]:
            kind = "proposed"  # the recommendation printed before the record of the decision
        (found.proposed if kind == "proposed" else found.adopted).append(block)
        found.spans.append(span)
    return found


# A decision formula: the present passive or the body's own present ("godkjennes", "tas til
# orientering", "Styret slutter seg til …"), not a narrative of what happened ("vart godkjent").
FORMULA = re.compile(
    r"\b(?:godkjennes|godkjennast|vedtas|vedtakast|tas\s+til\s+(?:orientering|etterretning|følge)"
    r"|takast\s+til\s+(?:orientering|etterretning|vitande)|oversendes|oversendast|sendes\s+(?:til|på)"
    r"|slutter\s+seg\s+til|sluttar\s+seg\s+til|tar\s+\S+(?:\s+\S+){0,3}\s+til\s+(?:orientering|etterretning)"
    r"|vert\s+(?:godkjend|godkjent|vedteke|vedteken|teke\s+til\s+(?:vitande|orientering)|sendt))\b",
    re.I,
)
SHORT_DECISION_WORDS = 60  # a decision recorded without a label is a sentence or two
SHORT_DECISION_PARAGRAPHS = 2


def _paragraphs(lines: list[Line], body: float) -> list[str] | None:
    """The case's text as paragraphs without votes; None where it has headings of its own."""
    paragraphs: list[list[str]] = []
    for line in lines:
        text = clean(line.text)
        if not text or line.rule:
            continue
        if is_heading_style(line, body) or line.table:
            return None
        if is_vote_sentence(text):
            continue
        if not paragraphs or starts_paragraph(line) or LIST_MARKER.match(text):
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
    return [join_lines(p) for p in paragraphs]


def _decision_only(paragraphs: list[str]) -> bool:
    if not paragraphs:
        return False
    if all(NUMBERED.match(p) for p in paragraphs):
        return True
    words = sum(len(p.split()) for p in paragraphs)
    return len(paragraphs) <= SHORT_DECISION_PARAGRAPHS and words <= SHORT_DECISION_WORDS


def unlabelled_decisions(cases: list[list[Line]], body: float) -> list[str | None]:
    """The adopted decisions of minutes that label none: where every case's text is only its
    decision (numbered points, or a sentence or two), that text; otherwise a closing paragraph
    that is a decision formula ("Innkalling til møtet godkjennes."). A narrative record ("…
    vart godkjent utan merknadar", then the discussion) is not a decision."""
    texts = [_paragraphs(lines, body) for lines in cases]
    present = [t for t in texts if t]
    if present and all(t is not None for t in texts) and all(_decision_only(t) for t in present):
        return ["\n".join(t) if t else None for t in texts]
    return [_closing_formula(t[-1]) if t else None for t in texts]


def _closing_formula(paragraph: str) -> str | None:
    """The sentences of a case's last paragraph from the first decision formula on."""
    sentences = re.split(r"(?<=[a-zæøå)»”\d]\.)\s+(?=[A-ZÆØÅ«])", paragraph)
    for k, sentence in enumerate(sentences):
        if FORMULA.search(sentence):
            formula = " ".join(sentences[k:])
            return formula if len(formula.split()) <= SHORT_DECISION_WORDS // 2 else None
    return None
