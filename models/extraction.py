"""The result of segmentation: documents, meetings, cases, decisions and attendees.

`FileExtraction.to_dict()` is the JSON contract of `minutes extract`
(see ../shared/eval/extraction.schema.json); extra keys are allowed by the contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from models.failure import Failure

KINDS = ("agenda", "minutes", "case_document", "other")
STATUSES = ("present", "absent", "guest", "secretariat", "observer")


@dataclass(slots=True)
class Meeting:
    date: str | None = None  # YYYY-MM-DD
    start: str | None = None  # HH:MM
    end: str | None = None  # HH:MM
    place: str | None = None
    number: str | None = None  # as printed, e.g. "4-2024"


@dataclass(slots=True)
class Attendee:
    name: str  # as printed
    status: str  # one of STATUSES
    affiliation: str | None = None
    person_id: str | None = None
    substitute_for: str | None = None
    page: int | None = None
    role: str | None = None  # office or function printed apart from the affiliation: "Ordfører", "Rådmann"


@dataclass(slots=True)
class Vote:
    """One vote printed in a case. `votes_for` is "for" in the JSON contract (a Python keyword)."""

    result: str  # "adopted" or "rejected"
    printed: str = ""  # the vote's own sentence(s) as printed
    on: str | None = None  # the proposal voted on, as printed: "Innstillingen", "Forslaget fra H"
    unanimous: bool | None = None
    votes_for: int | None = None
    against: int | None = None
    blank: int | None = None
    parties_for: list[str] = field(default_factory=list)
    parties_against: list[str] = field(default_factory=list)
    names_for: list[str] = field(default_factory=list)
    names_against: list[str] = field(default_factory=list)
    alternative: str | None = None  # the proposal it was set against, in an alternative vote
    vote_check: str | None = None  # what disagrees between counts and names, if anything

    @classmethod
    def from_dict(cls, data: dict) -> Vote:
        data = dict(data)
        data["votes_for"] = data.pop("for", None)
        return cls(**data)


OUTCOMES = ("adopted", "deferred", "withdrawn", "exempt", "none")


@dataclass(slots=True)
class Case:
    number: str  # NN/YYYY
    title: str
    prefix: str | None = None  # case-type prefix such as "PS", "RS"
    number_printed: str | None = None  # the number as printed: "Sak 041-2010", "PS 30/09", "1."
    proposed_decisions: list[str] = field(default_factory=list)
    adopted_decision: str | None = None
    page: int | None = None
    references: list[str] = field(default_factory=list)
    reference_bodies: dict[str, str] = field(default_factory=dict)  # number → committee named with it
    reference_contexts: dict[str, str] = field(default_factory=dict)  # number → the text just before it
    mentions: list[str] = field(default_factory=list)  # people named in the case's text, as printed
    text: str = ""  # the case's own text, headings and decisions included
    outcome: str = "none"  # one of OUTCOMES
    exempt_basis: str | None = None  # "Offl. § 13 jf. fvl. § 13" where the text is withheld
    votes: list[Vote] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    kind: str  # one of KINDS
    body: str | None = None
    page_start: int = 1
    page_end: int = 1
    title: str | None = None
    meeting: Meeting = field(default_factory=Meeting)
    chair: str | None = None
    minute_taker: str | None = None
    attendees: list[Attendee] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    text: str = ""  # the document's whole text, for search where it has no numbered cases
    status: str | None = None  # "approved" or "draft", as the document says of itself
    status_printed: str | None = None  # the sentence that says so


@dataclass(slots=True)
class FileExtraction:
    source: str  # file name of the PDF
    sha256: str
    pages: int = 0
    size: int = 0
    extractor: str = ""  # version of the extraction rules that produced this
    documents: list[Document] = field(default_factory=list)
    failure: Failure | None = None
    ocr_pages: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        if self.failure is None:
            data.pop("failure")
        for doc in data["documents"]:
            for case in doc["cases"]:
                for vote in case["votes"]:
                    vote["for"] = vote.pop("votes_for")
        return data

    @classmethod
    def from_dict(cls, data: dict) -> FileExtraction:
        docs = []
        for d in data.get("documents", []):
            d = dict(d)
            d["meeting"] = Meeting(**(d.get("meeting") or {}))
            d["attendees"] = [Attendee(**a) for a in d.get("attendees", [])]
            d["cases"] = [
                Case(**{**c, "votes": [Vote.from_dict(v) for v in c.get("votes", [])]}) for c in d.get("cases", [])
            ]
            docs.append(Document(**d))
        failure = Failure(**data["failure"]) if data.get("failure") else None
        return cls(
            source=data["source"],
            sha256=data.get("sha256", ""),
            pages=data.get("pages", 0),
            size=data.get("size", 0),
            extractor=data.get("extractor", ""),
            documents=docs,
            failure=failure,
            ocr_pages=list(data.get("ocr_pages", [])),
        )
