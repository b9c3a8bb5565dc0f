"""Load extractions into the archive database: one transaction per file, idempotent.

A file whose extraction is byte-for-byte what is already loaded is skipped, so loading the
same PDF twice changes nothing; a file whose extraction changed (a better extractor) has its
rows replaced as one unit, never half.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlite_utils import Database

from archive.store import object_name
from db import index
from db.fetches import refresh_versions
from db.people import refresh_people
from extract.names.overrides import Overrides
from extract.segment.bodies import long_forms
from models.extraction import Case, Document, FileExtraction

PDF_MOUNT = "/pdf"  # where `minutes serve` exposes the archive's objects


@dataclass(slots=True)
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # files recorded with a failure
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (file, one-line reason) of each


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def extraction_digest(result: FileExtraction) -> str:
    data = json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _doc_id(sha: str, position: int) -> str:
    return f"{sha[:16]}-{position}"


def _case_id(doc_id: str, case: Case) -> str:
    return f"{doc_id}-{case.prefix or ''}{case.number.replace('/', '-')}"


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _delete_file_rows(db: Database, sha: str) -> None:
    docs = "select id from documents where file_sha256 = ?"
    cases = f"select id from cases where document_id in ({docs})"
    index.remove(db, "decisions", f"case_id in ({cases})", [sha])
    index.remove(db, "cases", f"document_id in ({docs})", [sha])
    index.remove(db, "documents", "file_sha256 = ?", [sha])
    votes = f"select id from votes where case_id in ({cases})"
    db.execute(f"delete from vote_members where vote_id in ({votes})", [sha])
    db.execute(f"delete from vote_parties where vote_id in ({votes})", [sha])
    db.execute(f"delete from votes where case_id in ({cases})", [sha])
    db.execute(f"delete from case_references where case_id in ({cases})", [sha])
    db.execute(f"delete from mentions where case_id in ({cases})", [sha])
    db.execute(f"delete from decisions where case_id in ({cases})", [sha])
    db.execute(f"update case_references set target_case_id = null where target_case_id in ({cases})", [sha])
    db.execute(f"delete from cases where document_id in ({docs})", [sha])
    db.execute(f"delete from attendance where document_id in ({docs})", [sha])
    db.execute("delete from documents where file_sha256 = ?", [sha])
    db.execute("delete from failures where sha256 = ?", [sha])


def _document_rows(sha: str, position: int, doc: Document) -> dict:
    doc_id = _doc_id(sha, position)
    return {
        "id": doc_id,
        "file_sha256": sha,
        "position": position,
        "kind": doc.kind,
        "body": doc.body,
        "title": doc.title,
        "meeting_date": doc.meeting.date,
        "year": _year(doc.meeting.date),
        "start_time": doc.meeting.start,
        "end_time": doc.meeting.end,
        "place": doc.meeting.place,
        "meeting_number": doc.meeting.number,
        "chair": doc.chair,
        "minute_taker": doc.minute_taker,
        "page_start": doc.page_start,
        "page_end": doc.page_end,
        "pdf": f"{PDF_MOUNT}/{object_name(sha)}#page={doc.page_start}",
        "text": doc.text or None,
    }


def load_extraction(db: Database, result: FileExtraction, sources: Iterable[str] = ()) -> bool:
    """Load one file's extraction; False when exactly this extraction was loaded before."""
    sha = result.sha256
    digest = extraction_digest(result)
    now = _now()
    with db.atomic():
        existing = db.execute("select extraction_sha256 from files where sha256 = ?", [sha]).fetchone()
        unchanged = existing is not None and existing[0] == digest
        if not unchanged:
            _replace_file(db, result, digest, now)
        for source in sources:  # the same bytes found under another name or URL
            db.execute(
                "insert or ignore into file_sources (sha256, source, first_seen) values (?, ?, ?)",
                [sha, source, now],
            )
    return not unchanged


def _replace_file(db: Database, result: FileExtraction, digest: str, now: str) -> None:
    sha = result.sha256
    _delete_file_rows(db, sha)
    db["files"].upsert(
        {
            "sha256": sha,
            "name": result.source,
            "pages": result.pages,
            "size": result.size or None,
            "status": "failed" if result.failure else "extracted",
            "extractor_version": result.extractor or None,
            "extraction_sha256": digest,
            "ocr_pages": json.dumps(result.ocr_pages) if result.ocr_pages else None,
            "loaded_at": now,
        },
        pk="sha256",
    )
    if result.failure:
        db["failures"].insert(
            {
                "sha256": sha,
                "name": result.source,
                "stage": result.failure.stage,
                "kind": result.failure.kind,
                "reason": result.failure.reason,
                "time": now,
            }
        )
    for position, doc in enumerate(result.documents):
        _insert_document(db, sha, position, doc, result.ocr_pages)


def _insert_document(db: Database, sha: str, position: int, doc: Document, ocr_pages: list[int]) -> None:
    row = _document_rows(sha, position, doc)
    row["ocr"] = int(any(doc.page_start <= p <= doc.page_end for p in ocr_pages))
    row["status"], row["status_printed"] = doc.status, doc.status_printed
    doc_id = row["id"]
    db["documents"].insert(row)
    cases, decisions, refs, votes = [], [], [], []
    for case in doc.cases:
        case_id = _case_id(doc_id, case)
        cases.append(
            {
                "id": case_id,
                "document_id": doc_id,
                "number": case.number,
                "prefix": case.prefix,
                "title": case.title,
                "proposed_decisions": "\n\n".join(case.proposed_decisions) or None,
                "adopted_decision": case.adopted_decision,
                "body": doc.body,
                "meeting_date": doc.meeting.date,
                "year": _year(doc.meeting.date),
                "document_kind": doc.kind,
                "page": case.page,
                "pdf": f"{PDF_MOUNT}/{object_name(sha)}#page={case.page or doc.page_start}",
                "text": case.text,
                "outcome": case.outcome,
                "exempt_basis": case.exempt_basis,
            }
        )
        votes.extend(_vote_rows(doc_id, case_id, doc, case))
        texts = [("proposed", t) for t in case.proposed_decisions]
        if case.adopted_decision:
            texts.append(("adopted", case.adopted_decision))
        for i, (kind, text) in enumerate(texts):
            decisions.append(
                {
                    "id": f"{case_id}-{i}",
                    "case_id": case_id,
                    "kind": kind,
                    "position": i,
                    "text": text,
                    "body": doc.body,
                    "meeting_date": doc.meeting.date,
                    "year": _year(doc.meeting.date),
                    "document_kind": doc.kind,
                    "case_number": case.number,
                    "case_title": case.title,
                    "pdf": cases[-1]["pdf"],
                }
            )
        for number in case.references:
            refs.append(
                {
                    "id": f"{case_id}>{number}",
                    "case_id": case_id,
                    "number": number,
                    "body_hint": case.reference_bodies.get(number),
                    "context": case.reference_contexts.get(number),
                    "target_case_id": None,
                }
            )
    db["cases"].insert_all(cases, pk="id")
    db["mentions"].insert_all(
        (
            {"id": f"{c['id']}-m{k}", "case_id": c["id"], "name": name}
            for c, case in zip(cases, doc.cases, strict=True)
            for k, name in enumerate(case.mentions)
        ),
        pk="id",
    )
    db["decisions"].insert_all(decisions, pk="id")
    db["votes"].insert_all((v for v, _, _ in votes), pk="id")
    db["vote_members"].insert_all((m for _, members, _ in votes for m in members), pk="id")
    db["vote_parties"].insert_all((p for _, _, parties in votes for p in parties), pk="id")
    db["case_references"].insert_all(refs, pk="id")
    attendance = []
    for i, a in enumerate(doc.attendees):
        attendance.append(
            {
                "id": f"{doc_id}-a{i}",
                "document_id": doc_id,
                "person_id": None,  # set by the people registry over the whole archive
                "name": a.name,
                "status": a.status,
                "affiliation": a.affiliation,
                "substitute_for": a.substitute_for,
                "page": a.page,
                "role": a.role,
            }
        )
    db["attendance"].insert_all(attendance, pk="id")
    index.add(db, "documents", "id = ?", [doc_id])
    index.add(db, "cases", "document_id = ?", [doc_id])
    index.add(db, "decisions", "case_id in (select id from cases where document_id = ?)", [doc_id])


def _vote_rows(doc_id: str, case_id: str, doc: Document, case: Case) -> list[tuple[dict, list[dict], list[dict]]]:
    """Each vote of a case, with its named members and its parties, as rows."""
    rows = []
    for k, vote in enumerate(case.votes):
        vote_id = f"{case_id}-v{k}"
        row = {
            "id": vote_id,
            "case_id": case_id,
            "document_id": doc_id,
            "position": k,
            "body": doc.body,
            "meeting_date": doc.meeting.date,
            "year": _year(doc.meeting.date),
            "case_number": case.number,
            "case_title": case.title,
            "on_proposal": vote.on,
            "result": vote.result,
            "unanimous": None if vote.unanimous is None else int(vote.unanimous),
            "votes_for": vote.votes_for,
            "votes_against": vote.against,
            "blank": vote.blank,
            "parties_for": ", ".join(vote.parties_for) or None,
            "parties_against": ", ".join(vote.parties_against) or None,
            "alternative": vote.alternative,
            "vote_check": vote.vote_check,
            "printed": vote.printed,
        }
        sides = (("for", vote.names_for, vote.parties_for), ("against", vote.names_against, vote.parties_against))
        members = [
            {"id": f"{vote_id}-{side}{i}", "vote_id": vote_id, "side": side, "name": name, "person_id": None}
            for side, names, _ in sides
            for i, name in enumerate(names)
        ]
        parties = [
            {"id": f"{vote_id}-{side}-{party}", "vote_id": vote_id, "side": side, "party": party}
            for side, _, codes in sides
            for party in dict.fromkeys(codes)
        ]
        rows.append((row, members, parties))
    return rows


def refresh_derived(db: Database, overrides: Overrides | None = None) -> None:
    """Recompute what spans files: people, the links between cases, which versions are current."""
    refresh_people(db, overrides)
    refresh_versions(db)
    with db.atomic():
        link_references(db)
        # Where the file was published: the newest URL it was fetched from.
        source = """(select s.source from file_sources s where s.sha256 = documents.file_sha256
                      and s.source like 'http%' order by s.first_seen desc limit 1)"""
        db.execute(f"update documents set source_url = {source} where source_url is not {source}")
        case_source = "(select d.source_url from documents d where d.id = cases.document_id)"
        db.execute(f"update cases set source_url = {case_source} where source_url is not {case_source}")


def link_references(db: Database) -> None:
    """Point each reference at the case it names: of the committee printed with the number, else of
    a committee the archive knows named just before it, else of the citing case's own committee;
    among several versions, the minutes' and then the latest one."""
    bodies = [b for (b,) in db.execute("select distinct body from cases where body is not null")]
    forms = {b: [b.casefold(), *(long_forms(b))] for b in bodies}
    candidates: dict[tuple[str, str], str] = {}
    for case_id, number, body in db.execute(
        """select id, number, body from cases
           order by document_kind = 'minutes', meeting_date, id"""  # the last one written wins
    ):
        candidates[(number, body)] = case_id
    updates = []
    for ref_id, number, hint, context, own_body, current in db.execute(
        """select r.id, r.number, r.body_hint, r.context, c.body, r.target_case_id
           from case_references r join cases c on c.id = r.case_id"""
    ):
        named = [b for b, names in forms.items() if context and any(n in context.casefold() for n in names)]
        body = hint or (max(named, key=len) if named else own_body)
        target = candidates.get((number, body))
        if target != current:
            updates.append((target, ref_id))
    db.conn.executemany("update case_references set target_case_id = ? where id = ?", updates)


def load_all(
    db: Database, results: Iterable[tuple[FileExtraction, list[str]]], overrides: Overrides | None = None
) -> LoadReport:
    report = LoadReport()
    for result, sources in results:
        changed = load_extraction(db, result, sources)
        (report.loaded if changed else report.unchanged).append(result.source)
        if result.failure:
            report.failed.append(result.source)
            report.reasons.append((result.source, result.failure.reason))
    refresh_derived(db, overrides)
    return report
