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
from db.fetches import refresh_versions
from db.people import refresh_people
from extract.names.overrides import Overrides
from models.extraction import Case, Document, FileExtraction

PDF_MOUNT = "/pdf"  # where `minutes serve` exposes the archive's objects


@dataclass(slots=True)
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # files recorded with a failure


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
        _insert_document(db, sha, position, doc)


def _insert_document(db: Database, sha: str, position: int, doc: Document) -> None:
    row = _document_rows(sha, position, doc)
    doc_id = row["id"]
    db["documents"].insert(row)
    cases, decisions, refs = [], [], []
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
            }
        )
        texts = [("proposed", t) for t in case.proposed_decisions]
        if case.adopted_decision:
            texts.append(("adopted", case.adopted_decision))
        for i, (kind, text) in enumerate(texts):
            decisions.append({"id": f"{case_id}-{i}", "case_id": case_id, "kind": kind, "position": i, "text": text})
        for number in case.references:
            refs.append({"id": f"{case_id}>{number}", "case_id": case_id, "number": number, "target_case_id": None})
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
            }
        )
    db["attendance"].insert_all(attendance, pk="id")


def refresh_derived(db: Database, overrides: Overrides | None = None) -> None:
    """Recompute what spans files: people, the links between cases, which versions are current."""
    refresh_people(db, overrides)
    refresh_versions(db)
    with db.atomic():
        # A reference names a case of the same committee, the latest document holding that number.
        db.execute(
            """
            update case_references set target_case_id = (
              select c2.id from cases c1 join cases c2 on c2.number = case_references.number
                and c2.body is c1.body and c2.id != c1.id
              where c1.id = case_references.case_id
              order by c2.document_kind = 'minutes' desc, c2.meeting_date desc limit 1)
            """
        )


def load_all(
    db: Database, results: Iterable[tuple[FileExtraction, list[str]]], overrides: Overrides | None = None
) -> LoadReport:
    report = LoadReport()
    for result, sources in results:
        changed = load_extraction(db, result, sources)
        (report.loaded if changed else report.unchanged).append(result.source)
        if result.failure:
            report.failed.append(result.source)
    refresh_derived(db, overrides)
    return report
