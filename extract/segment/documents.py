"""Documents: split a PDF into the documents it bundles, tell their kind, assemble the parts.

A bundled document (minutes of another committee attached to an invitation, a report, a
presentation) starts on a new page under a title set clearly larger than the body text.
A part that has no title words and no meeting of its own but carries numbered cases is a
continuation (a large section heading at the top of a page), and is joined to the part before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.names.mentions import find_mentions
from extract.names.parse import first_name
from extract.segment.attendees import find_attendance
from extract.segment.bodies import body_from_header, body_from_title
from extract.segment.cases import CaseSpan, number_cases, printed_years, split_cases, is_case_heading
from extract.segment.decisions import find_decisions
from extract.segment.lines import body_size, is_title_style
from extract.segment.meeting import parse_meeting
from extract.segment.references import find_references
from extract.segment.text import clean
from extract.segment.vocabulary import (
    AGENDA_TITLE,
    CASE_DOCUMENT_TITLE,
    CASE_LIST_HEADING,
    MINUTES_TITLE,
)
from models.extraction import Case, Document, Meeting
from models.layout import Line, Page

TITLE_SEARCH_LINES = 4  # a title stands among the first lines of its first page
MEETING_SEARCH_LINES = 40
_CASE_IN_TITLE = re.compile(r"\bsak\s+\d{1,3}\s*/\s*\d{2,4}\b", re.I)


@dataclass(slots=True)
class Part:
    pages: list[Page] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [ln for p in self.pages for ln in p.lines]


def _title_index(page: Page, body: float) -> int | None:
    text_lines = [i for i, ln in enumerate(page.lines) if ln.text and not ln.rule][:TITLE_SEARCH_LINES]
    for i in text_lines:
        line = page.lines[i]
        if is_title_style(line, body) and not is_case_heading(line.text):
            return i
    return None


def _opens_document(page: Page, previous: Page, body: float) -> bool:
    """A page opens a bundled document when it carries a title and an identity of its own:
    words naming a kind of document, its own dated meeting header, or a new running header.
    A large section heading at the top of a page of the same document has none of these."""
    if _title_index(page, body) is None:
        return False
    title = title_of(page.lines, body)
    if kind_from_title(title) or page.header != previous.header:
        return True
    return parse_meeting(page.lines[: MEETING_SEARCH_LINES // 2], None).date is not None


def split_parts(pages: list[Page], body: float) -> list[Part]:
    parts: list[Part] = []
    for page in pages:
        if not parts or _opens_document(page, parts[-1].pages[-1], body):
            parts.append(Part())
        parts[-1].pages.append(page)
    return parts


def title_of(lines: list[Line], body: float) -> str | None:
    """The first title-sized line among the first lines, with its wrapped continuation."""
    text_lines = [ln for ln in lines if ln.text and not ln.rule]
    for k, line in enumerate(text_lines[:TITLE_SEARCH_LINES]):
        if is_title_style(line, body) and not is_case_heading(line.text):
            parts = [line.text]
            for nxt in text_lines[k + 1 :]:
                if abs(nxt.size - line.size) > 0.5 or nxt.bold != line.bold or nxt.page != line.page:
                    break
                parts.append(nxt.text)
            return clean(" ".join(parts))
    return None


def kind_from_title(words: str | None) -> str | None:
    """The kind a title names: "Referat møte 5 …", "Møteinnkalling …", "… generalforsamling referat".

    The kind word opens or closes the title; after "av" or "om" it is a case's subject
    ("Godkjenning av innkalling og dagsorden"), not the document's kind.
    """
    if not words:
        return None
    text = clean(re.sub(r"^\W*(?:\[[^\]]*\]\s*)?", "", words))
    for kind, pattern in (("minutes", MINUTES_TITLE), ("case_document", CASE_DOCUMENT_TITLE), ("agenda", AGENDA_TITLE)):
        for m in pattern.finditer(text):
            before = text[: m.start()].split()
            after = text[m.end() :].split()
            if before and before[-1].lower() in {"av", "af", "om", "til", "og", "på"}:
                continue
            if not before or not after or len(before) <= 1:
                return kind
    return None


def classify(title: str | None, first_text: str, cases: list[Case], has_list: bool, attended: bool, dated: bool) -> str:
    """agenda, minutes, case_document or other, from the title words first, then the content."""
    words = title or first_text
    if kind := kind_from_title(words):
        return kind
    if _CASE_IN_TITLE.search(words) and len(cases) <= 1:
        return "case_document"
    if cases:
        if any(c.adopted_decision for c in cases) or attended:
            return "minutes"
        if has_list or dated or len(cases) > 1:
            return "agenda"
        return "case_document"
    if dated and attended:
        return "minutes"
    return "other"


def build_document(part: Part, body: float) -> Document:
    lines = part.lines
    title = title_of(lines, body)
    spans = split_cases(lines, body, plain=any(p.ocr for p in part.pages))
    first_heading = min((s.heading.index for s in spans), default=len(lines))
    preamble = lines[:first_heading]
    header = next((p.header for p in part.pages if p.header), None)
    committee = body_from_title(title) or body_from_header(header)
    attendance = find_attendance(preamble, body, committee)
    known = [a.name for a in attendance.attendees] + [n for n in (attendance.chair, attendance.minute_taker) if n]
    first_names = frozenset(first_name(n) for n in known if len(n.split()) > 1)
    header_lines = lines[:MEETING_SEARCH_LINES]
    meeting = parse_meeting(header_lines, title, _case_year(printed_years(spans)))
    # Items numbered without a year are a meeting's cases only in dated minutes or agendas.
    unnumbered = spans and all(s.heading.case_no.year is None for s in spans)
    if unnumbered and (meeting.date is None or kind_from_title(title) not in ("minutes", "agenda")):
        spans = []
    spans = number_cases(spans, int(meeting.date[:4]) if meeting.date else _case_year(printed_years(spans)))
    cases = [_case(span, body, first_names) for span in spans]
    has_list = any(CASE_LIST_HEADING.match(clean(ln.text)) for ln in preamble)
    first_text = " ".join(clean(ln.text) for ln in lines[:3])
    kind = classify(title, first_text, cases, has_list, bool(attendance.attendees), meeting.date is not None)
    if kind == "other":
        meeting = Meeting()  # an attachment or report holds no meeting; its dates are other things
    if kind in ("agenda", "case_document"):
        # An invitation cannot hold the meeting's own decisions: a "Vedtak" there is quoted.
        for case in cases:
            case.adopted_decision = None
    doc = Document(
        kind=kind,
        body=committee if kind != "other" else None,
        page_start=part.pages[0].number,
        page_end=part.pages[-1].number,
        title=title,
        meeting=meeting,
        chair=attendance.chair,
        minute_taker=attendance.minute_taker,
        attendees=attendance.attendees,
        cases=cases,
        text="\n".join(clean(ln.text) for ln in lines if ln.text),
    )
    _resolve_first_names(doc)
    return doc


def _case_year(years: list[int]) -> int | None:
    """The year most of the document's case numbers carry: the year of the meeting."""
    return max(set(years), key=years.count) if years else None


def _case(span: CaseSpan, body: float, first_names: frozenset[str] = frozenset()) -> Case:
    decisions = find_decisions(span.lines, body)
    text = "\n".join(clean(ln.text) for ln in span.lines if ln.text)
    h = span.heading
    references = find_references(f"{h.title}\n{text}", own=h.number)
    return Case(
        number=h.number,
        title=h.title,
        prefix=h.prefix,
        number_printed=h.case_no.printed,
        proposed_decisions=decisions.proposed,
        adopted_decision="\n".join(decisions.adopted) or None,
        page=h.page,
        references=[number for number, _, _ in references],
        reference_bodies={number: body for number, body, _ in references if body},
        reference_contexts={number: context for number, _, context in references if context},
        mentions=find_mentions(text, first_names),
        text=text,
    )


def _resolve_first_names(doc: Document) -> None:
    """ "Referent: Guri" names the one person of this document called Guri, when there is one."""
    names = [a.name for a in doc.attendees] + [n for n in (doc.chair, doc.minute_taker) if n]

    def full(name: str | None) -> str | None:
        if not name or len(name.split()) != 1:
            return name
        first = name.casefold()
        matches = {n for n in names if len(n.split()) > 1 and n.split()[0].casefold() == first}
        longest = max(matches, key=len, default=None)
        if longest and all(set(m.split()) <= set(longest.split()) for m in matches):
            return longest
        return name

    doc.chair = full(doc.chair)
    doc.minute_taker = full(doc.minute_taker)


def _joins_previous(doc: Document) -> bool:
    """A part with numbered cases but neither title words nor a meeting of its own continues the last."""
    return bool(doc.cases) and doc.meeting.date is None and kind_from_title(doc.title) is None


def segment(pages: list[Page]) -> list[Document]:
    """All documents of one PDF, in page order."""
    body = body_size(ln for p in pages for ln in p.lines)
    parts = split_parts(pages, body)
    docs: list[Document] = []
    merged: list[Part] = []
    for part in parts:
        doc = build_document(part, body)
        if merged and docs and docs[-1].kind != "other" and _joins_previous(doc):
            merged[-1].pages.extend(part.pages)
            docs[-1] = build_document(merged[-1], body)
            continue
        merged.append(part)
        docs.append(doc)
    return docs
