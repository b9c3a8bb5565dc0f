"""Documents: split a PDF into the documents it bundles, tell their kind, assemble the parts.

A bundled document (minutes of another committee attached to an invitation, a report, a
presentation) starts on a new page under a title set clearly larger than the body text.
A part that has no title words and no meeting of its own but carries numbered cases is a
continuation (a large section heading at the top of a page), and is joined to the part before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.names.mentions import MentionFinder, find_mentions
from extract.names.parse import first_name
from extract.segment.attendees import find_attendance, roles_from_sentences
from extract.segment.bodies import board_deciding, find_body
from extract.segment.cases import CaseSpan, is_case_heading, number_cases, printed_years, split_cases
from extract.segment.decisions import find_decisions, unlabelled_decisions
from extract.segment.lines import body_size, is_heading_style, is_title_style, label_value
from extract.segment.meeting import parse_meeting, times_from_sentences
from extract.segment.references import find_references
from extract.segment.status import document_status
from extract.segment.text import NUMERIC_DATE, WRITTEN_DATE, clean, parse_date
from extract.segment.vocabulary import (
    AGENDA_TITLE,
    CASE_DOCUMENT_TITLE,
    CASE_LIST_HEADING,
    CONTENTS_TITLE,
    MEETING_SENTENCE,
    MINUTES_TITLE,
)
from extract.segment.votes import find_votes, outcome
from models.extraction import Case, Document, Meeting
from models.layout import Line, Page

TITLE_SEARCH_LINES = 4  # a title stands among the first lines of its first page
BLOCK_SEARCH_LINES = 15  # a letter's title stands under its address
UNDER_TITLE_WORDS = 6  # a line under the title that dates the meeting is short
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
    if title and CONTENTS_TITLE.match(title):
        return False  # its entries may cite an earlier meeting's date: it lists this document
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
                if is_case_heading(nxt.text):
                    break  # a case heading set in the title's type opens the case
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


def named_kind(title: str | None, block: list[str]) -> str | None:
    """The kind the title names, or else a heading of the title block: an organisation's name
    may be the title, over the kind ("Bergvik kommune" / "Møteprotokoll")."""
    return kind_from_title(title) or next((k for line in block if (k := kind_from_title(line))), None)


def classify(
    title: str | None,
    named: str | None,
    first_text: str,
    cases: list[Case],
    has_list: bool,
    attended: bool,
    dated: bool,
    form: bool = False,
) -> str:
    """agenda, minutes, case_document or other, from the title words first, then the content.

    One case under a labelled form ("Sak nr.: 3/2004", "Navn på sak: …") with no agenda list is
    that case's document, even when the form gives the meeting's date.
    """
    words = title or first_text
    if kind := named or kind_from_title(words):
        return kind
    if (_CASE_IN_TITLE.search(words) and len(cases) <= 1) or (len(cases) == 1 and _CASE_IN_TITLE.search(first_text)):
        return "case_document"
    # "Styresak 78-2019 …": the one case's heading names a case's document
    named_case = len(cases) == 1 and CASE_DOCUMENT_TITLE.match(cases[0].number_printed or "")
    if named_case and not has_list and not attended and not cases[0].adopted_decision:
        return "case_document"
    if cases:
        if any(c.adopted_decision for c in cases) or attended:
            return "minutes"
        if has_list or len(cases) > 1 or (dated and not form):
            return "agenda"
        return "case_document"
    if dated and attended:
        return "minutes"
    return "other"


def title_block(lines: list[Line], body: float) -> tuple[list[str], Line | None]:
    """The lines that make a document's title, and the line printed under them.

    A title is set large or in bold capitals among the first lines ("VALSTYRET" / "MØTEBOK"),
    with headings right above or below it ("HELSE NORD-TRØNDELAG HF STYRET" over
    "MØTEPROTOKOLL"); a letter's title stands under its address, as a heading naming a kind of
    document ("Innkalling til styremøte")."""
    first_page = [ln for ln in lines if ln.page == lines[0].page and ln.text and not ln.rule][:BLOCK_SEARCH_LINES]
    start = next(
        (k for k, ln in enumerate(first_page[:TITLE_SEARCH_LINES]) if _opens_title(ln, body)),
        None,
    )
    if start is None:
        start = next(
            (
                k
                for k, ln in enumerate(first_page)
                if _in_title(ln, body) and kind_from_title(clean(ln.text)) and not label_value(ln)
            ),
            None,
        )
    if start is None:
        return [], None
    lo, hi = start, start + 1
    while lo > 0 and _in_title(first_page[lo - 1], body):
        lo -= 1
    while hi < len(first_page) and _in_title(first_page[hi], body):
        hi += 1
    under = first_page[hi] if hi < len(first_page) else None
    return [clean(ln.text) for ln in first_page[lo:hi]], under


def _naming_line(line: Line | None) -> str | None:
    """A short plain line under the title may name the committee ("MØTEPROTOKOLL" over
    "Kontrollutvalet"); whether it does is for the committee rules to say."""
    text = _dating_line(line) if line is not None and not line.table and len(line.cells) == 1 else None
    undated = WRITTEN_DATE.sub(" ", NUMERIC_DATE.sub(" ", text or ""))  # "Styremøte X, 18. desember 2001"
    return text if text and len(undated.split()) <= UNDER_TITLE_WORDS and not text.endswith(":") else None


def _dating_line(line: Line | None) -> str | None:
    """The line under a title dates the meeting when it names a meeting or is little but a date
    ("Ungdomsrådsmøte 18.08.09"); a case heading under a title dates something else."""
    if line is None or label_value(line) or is_case_heading(line.text):
        return None
    text = clean(line.text)
    if MEETING_SENTENCE.search(text) or len(text.split()) <= UNDER_TITLE_WORDS:
        return text
    return None


def _opens_title(line: Line, body: float) -> bool:
    text = clean(line.text)
    letters = [ch for ch in text if ch.isalpha()]
    capitals = line.bold and len(letters) >= 4 and all(ch.isupper() for ch in letters)
    return (is_title_style(line, body) or capitals) and not line.table and not is_case_heading(text)


def _in_title(line: Line, body: float) -> bool:
    """A heading line that can belong to a title: not a table row, a label or a case heading."""
    text = clean(line.text)
    return (
        is_heading_style(line, body)
        and not line.table
        and len(line.cells) == 1
        and not text.endswith(":")
        and not is_case_heading(text)
        and any(ch.isalpha() for ch in text)
    )


def build_document(part: Part, body: float, mentions: MentionFinder = find_mentions) -> Document:
    lines = part.lines
    block, under = title_block(lines, body)
    under_title = _dating_line(under)
    title = title_of(lines, body) or (clean(" ".join(block)) if block else None)
    spans = split_cases(lines, body, plain=any(p.ocr for p in part.pages))
    # The head of the document runs to the first case's own section: the agenda list may stand
    # before the attendance lists.
    first_heading = min((s.heading.index for s in spans if s.heading.kind != "list"), default=len(lines))
    preamble = lines[:first_heading]
    header = next((p.header for p in part.pages if p.header), None)
    footer = next((p.footer for p in part.pages if p.footer), None)
    text = "\n".join(clean(ln.text) for ln in lines if ln.text)
    forms = [s.heading.body for s in spans if s.heading.body]
    head = lines[: min((s.heading.index for s in spans), default=len(lines))]
    if named := _naming_line(under):
        block = [*block, named]
    committee = find_body(lines[:MEETING_SEARCH_LINES], head, title, block, forms, header, footer, text)
    attendance = find_attendance(preamble, body, committee)
    known = [a.name for a in attendance.attendees] + [n for n in (attendance.chair, attendance.minute_taker) if n]
    first_names = frozenset(first_name(n) for n in known if len(n.split()) > 1)
    header_lines = lines[:MEETING_SEARCH_LINES]
    case_year = _case_year(printed_years(spans))
    # the title's lines and the other headings of the head: a date alone there is the meeting's
    headings = [ln.text for ln in preamble[:MEETING_SEARCH_LINES] if is_heading_style(ln, body)]
    meeting = parse_meeting(header_lines, title, case_year, under_title, headings=headings)
    named = named_kind(title, block)
    # Items numbered without a year are a meeting's cases only in dated minutes or agendas.
    unnumbered = spans and all(s.heading.case_no.year is None for s in spans)
    if unnumbered and (meeting.date is None or named not in ("minutes", "agenda")):
        spans = []
    # the year cases are numbered in: the meeting's, else the one a case form's row dates
    form_date = next((d for d in (_form_date(s.heading.date) for s in spans) if d), None)
    dated_by = meeting.date or form_date
    spans = number_cases(spans, int(dated_by[:4]) if dated_by else case_year)
    cases = [_case(span, body, first_names, mentions) for span in spans]
    if not any(c.proposed_decisions or c.adopted_decision for c in cases) and named == "minutes":
        for case, decision in zip(cases, unlabelled_decisions([s.lines for s in spans], body), strict=True):
            case.adopted_decision = decision
    has_list = any(CASE_LIST_HEADING.match(clean(ln.text)) for ln in preamble)
    first_text = " ".join(clean(ln.text) for ln in lines[:3])
    form = len(spans) == 1 and spans[0].heading.kind == "label"
    dated = meeting.date is not None
    kind = classify(title, named, first_text, cases, has_list, bool(attendance.attendees), dated, form)
    if kind == "case_document" and committee is None:
        committee = board_deciding(p for c in cases for p in c.proposed_decisions)
    if kind == "case_document":
        # A case document's own "Dato:" is when it was written; only a meeting label dates the meeting.
        meeting = parse_meeting(header_lines, title, case_year, under_title, document_date=False)
        if meeting.date is None:
            meeting.date = form_date
    if kind in ("minutes", "agenda") and meeting.date and (meeting.start is None or meeting.end is None):
        # told in the minutes ("Møtet ble satt kl. 10.00"), or announced before the agenda's cases
        # ("Møtet starter kl. 09.00"): its case documents may quote the minutes of other meetings
        told = text if kind == "minutes" else "\n".join(clean(ln.text) for ln in preamble if ln.text)
        start, end = times_from_sentences(told)
        meeting.start, meeting.end = meeting.start or start, meeting.end or end
    if kind == "other":
        meeting = Meeting()  # an attachment or report holds no meeting; its dates are other things
    attendees, chair, minute_taker = attendance.attendees, attendance.chair, attendance.minute_taker
    if kind in ("agenda", "case_document"):
        # An invitation cannot hold the meeting's own decisions: a "Vedtak" there is quoted; and
        # nobody has attended yet: a list of members there is of those invited.
        for case in cases:
            case.adopted_decision = None
            case.votes = []
        attendees, chair, minute_taker = [], None, None
    for case, span in zip(cases, spans, strict=True):
        case.outcome, case.exempt_basis = outcome(kind, case.adopted_decision, case.title, span.lines, case.votes)
    status, status_printed = (None, None)
    if kind == "minutes":
        last = max((s.heading.index for s in spans), default=len(lines))
        status, status_printed = document_status(title, preamble, lines[last:] if spans else [])
    if kind == "minutes" and (chair is None or minute_taker is None):
        said_chair, said_taker = roles_from_sentences(text)  # "Møtet ble ledet av …", "Referat skrevet av …"
        chair, minute_taker = chair or said_chair, minute_taker or said_taker
    doc = Document(
        kind=kind,
        body=committee if kind != "other" else None,
        page_start=part.pages[0].number,
        page_end=part.pages[-1].number,
        title=title,
        meeting=meeting,
        chair=chair,
        minute_taker=minute_taker,
        attendees=attendees,
        cases=cases,
        text=text,
        status=status,
        status_printed=status_printed,
    )
    _resolve_short_names(doc)
    return doc


def _form_date(value: str | None) -> str | None:
    return parse_date(value) if value else None


def _case_year(years: list[int]) -> int | None:
    """The year most of the document's case numbers carry: the year of the meeting."""
    return max(set(years), key=years.count) if years else None


def _case(span: CaseSpan, body: float, first_names: frozenset[str], mentions: MentionFinder) -> Case:
    decisions = find_decisions(span.lines, body)
    votes = find_votes(span.lines)
    text = "\n".join(clean(ln.text) for ln in span.lines if ln.text)
    h = span.heading
    references = find_references(f"{h.title}\n{text}", own=h.number)
    return Case(
        number=h.number,
        title=h.title,
        prefix=h.prefix,
        number_printed=h.case_no.printed,
        proposed_decisions=decisions.proposed or ([h.proposal] if h.proposal else []),
        adopted_decision="\n".join(decisions.adopted) or h.decision,
        page=h.page,
        references=[number for number, _, _ in references],
        reference_bodies={number: body for number, body, _ in references if body},
        reference_contexts={number: context for number, _, context in references if context},
        mentions=mentions(text, first_names),
        text=text,
        votes=votes,
    )


def _resolve_short_names(doc: Document) -> None:
    """ "Referent: Guri", "Møteleiar: Aasland" name the one person of this document whose given
    name or surname that is, when there is one (spelled in full or shorter: the fullest is kept)."""
    names = [a.name for a in doc.attendees] + [n for n in (doc.chair, doc.minute_taker) if n]

    def full(name: str | None) -> str | None:
        if not name or len(name.split()) != 1:
            return name
        one = name.casefold()
        for end in (0, -1):  # the given name first, then the surname
            matches = {n for n in names if len(n.split()) > 1 and n.split()[end].casefold() == one}
            longest = max(matches, key=len, default=None)
            if longest and all(set(m.split()) <= set(longest.split()) for m in matches):
                return longest
        return name

    doc.chair = full(doc.chair)
    doc.minute_taker = full(doc.minute_taker)


def _joins_previous(doc: Document) -> bool:
    """A part with numbered cases but neither title words nor a meeting of its own continues the last."""
    return bool(doc.cases) and doc.meeting.date is None and kind_from_title(doc.title) is None


def segment(pages: list[Page], mentions: MentionFinder = find_mentions) -> list[Document]:
    """All documents of one PDF, in page order; `mentions` finds the people named in a case's
    text (a pool's worker passes one that leaves that to its parent)."""
    body = body_size(ln for p in pages for ln in p.lines)
    parts = split_parts(pages, body)
    docs: list[Document] = []
    merged: list[Part] = []
    for part in parts:
        doc = build_document(part, body, mentions)
        if merged and docs and docs[-1].kind != "other" and _joins_previous(doc):
            merged[-1].pages.extend(part.pages)
            docs[-1] = build_document(merged[-1], body, mentions)
            continue
        merged.append(part)
        docs.append(doc)
    return docs
