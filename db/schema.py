"""The archive's SQLite schema, as sqlite-utils migrations so existing archives can be upgraded."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database, Migrations

from db import index

migrations = Migrations("minutes")

# The first search index (replaced by the word-part index in m007); kept for the history of
# migrations, which existing archives replay from where they stand.
FTS_TOKENIZER = "trigram"


@migrations()
def m001_initial(db: Database) -> None:
    db["files"].create(
        {
            "sha256": str,
            "name": str,
            "size": int,
            "pages": int,
            "status": str,  # extracted | failed
            "extractor_version": str,
            "extraction_sha256": str,
            "ocr_pages": str,
            "loaded_at": str,
        },
        pk="sha256",
    )
    db["file_sources"].create(
        {"id": int, "sha256": str, "source": str, "first_seen": str},
        pk="id",
        foreign_keys=[("sha256", "files", "sha256")],
    )
    db["file_sources"].create_index(["sha256", "source"], unique=True)
    db["failures"].create(
        {"id": int, "sha256": str, "name": str, "stage": str, "kind": str, "reason": str, "time": str},
        pk="id",
        foreign_keys=[("sha256", "files", "sha256")],
    )
    db["documents"].create(
        {
            "id": str,
            "file_sha256": str,
            "position": int,
            "kind": str,
            "body": str,
            "title": str,
            "meeting_date": str,
            "year": int,
            "start_time": str,
            "end_time": str,
            "place": str,
            "meeting_number": str,
            "chair": str,
            "minute_taker": str,
            "page_start": int,
            "page_end": int,
            "pdf": str,
        },
        pk="id",
        foreign_keys=[("file_sha256", "files", "sha256")],
    )
    db["cases"].create(
        {
            "id": str,
            "document_id": str,
            "number": str,
            "prefix": str,
            "title": str,
            "proposed_decisions": str,
            "adopted_decision": str,
            "body": str,
            "meeting_date": str,
            "year": int,
            "document_kind": str,
            "page": int,
            "pdf": str,
            "text": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["decisions"].create(
        {"id": str, "case_id": str, "kind": str, "position": int, "text": str},
        pk="id",
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["people"].create(
        {"id": str, "name": str, "first_seen": str, "last_seen": str, "meetings": int},
        pk="id",
    )
    db["attendance"].create(
        {
            "id": str,
            "document_id": str,
            "person_id": str,
            "name": str,
            "status": str,
            "affiliation": str,
            "substitute_for": str,
            "page": int,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("person_id", "people", "id")],
    )
    db["case_references"].create(
        {"id": str, "case_id": str, "number": str, "target_case_id": str},
        pk="id",
        foreign_keys=[("case_id", "cases", "id"), ("target_case_id", "cases", "id")],
    )
    for table, columns in {
        "documents": [["file_sha256"], ["body"], ["meeting_date"]],
        "cases": [["document_id"], ["number"], ["body"], ["year"]],
        "decisions": [["case_id"]],
        "attendance": [["document_id"], ["person_id"]],
        "case_references": [["case_id"], ["number"], ["target_case_id"]],
        "failures": [["sha256"]],
    }.items():
        for cols in columns:
            db[table].create_index(cols)
    db["cases"].enable_fts(
        ["title", "proposed_decisions", "adopted_decision"], tokenize=FTS_TOKENIZER, create_triggers=True
    )
    db["decisions"].enable_fts(["text"], tokenize=FTS_TOKENIZER, create_triggers=True)


def open_db(path: str) -> Database:
    """Open (creating or upgrading) an archive database.

    In WAL mode, so that Datasette keeps answering while the nightly update writes, and each
    reader sees the archive as of a finished file; synchronous=NORMAL because a load lost to a
    power cut is redone by the next run, while a sync per file would dominate a rebuild."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    index.ensure_current(db)
    return db


@migrations()
def m002_people_registry(db: Database) -> None:
    """Every printed variant of a name, the merges that made each person, the pairs left for review,
    and people named in case text."""
    db["people"].add_column("committees", str)
    db["documents"].add_column("chair_person_id", str, fk="people", fk_col="id")
    db["documents"].add_column("minute_taker_person_id", str, fk="people", fk_col="id")
    db["person_names"].create(
        {"person_id": str, "name": str, "occurrences": int},
        pk=("person_id", "name"),
        foreign_keys=[("person_id", "people", "id")],
    )
    db["person_merges"].create(
        {"id": int, "person_id": str, "name_a": str, "name_b": str, "rule": str, "score": float},
        pk="id",
        foreign_keys=[("person_id", "people", "id")],
    )
    db["person_review"].create(
        {"id": int, "name_a": str, "name_b": str, "person_a": str, "person_b": str, "reason": str, "evidence": str},
        pk="id",
    )
    db["mentions"].create(
        {"id": str, "case_id": str, "name": str, "person_id": str, "rule": str, "score": float},
        pk="id",
        foreign_keys=[("case_id", "cases", "id"), ("person_id", "people", "id")],
    )
    for table, cols in {"mentions": ["case_id"], "person_merges": ["person_id"]}.items():
        db[table].create_index(cols)
    db["mentions"].create_index(["person_id"])


@migrations()
def m003_fetches_and_versions(db: Database) -> None:
    """Every HTTP request of the crawl, and the versions of a document published at one URL."""
    db["fetches"].create(
        {
            "id": int,
            "url": str,
            "time": str,
            "kind": str,  # page | document | robots
            "status": int,  # None when no response came (network error, timeout)
            "etag": str,
            "last_modified": str,
            "content_type": str,
            "size": int,
            "sha256": str,
            "outcome": str,  # new | known | not-modified | too-large | error | not-found | redirect | skipped
            "error": str,
        },
        pk="id",
    )
    db["fetches"].create_index(["url"])
    db["fetches"].create_index(["sha256"])
    db["file_versions"].create(
        {"url": str, "sha256": str, "version": int, "first_seen": str, "last_seen": str, "current": int},
        pk=("url", "sha256"),
    )
    db["file_versions"].create_index(["sha256"])
    db["files"].add_column("current", int)
    db["documents"].add_column("current", int)
    db["cases"].add_column("current", int)


@migrations()
def m004_search_and_links(db: Database) -> None:
    """Decisions searchable and filterable on their own (committee, year, kind of document), cases
    linked to the URL they were published at, references to other committees' cases."""
    for column, kind in (
        ("body", str),
        ("meeting_date", str),
        ("year", int),
        ("document_kind", str),
        ("case_number", str),
        ("case_title", str),
        ("pdf", str),
        ("current", int),
    ):
        db["decisions"].add_column(column, kind)
    db["documents"].add_column("source_url", str)
    db["cases"].add_column("source_url", str)
    db["case_references"].add_column("body_hint", str)
    for cols in (["body"], ["year"], ["kind"]):
        db["decisions"].create_index(cols)


@migrations()
def m005_reference_context(db: Database) -> None:
    """The text before a reference, where another committee is often named in full."""
    db["case_references"].add_column("context", str)


@migrations()
def m006_document_text(db: Database) -> None:
    """A document's whole text, searchable: reports, attachments and minutes without numbered cases."""
    db["documents"].add_column("text", str)
    db["documents"].add_column("ocr", int)
    db["documents"].enable_fts(["title", "text"], tokenize=FTS_TOKENIZER, create_triggers=True)


@migrations()
def m007_word_index(db: Database) -> None:
    """The word-part index in place of the trigram one: ten to twenty times faster on words
    common in the archive, words of two letters searchable, a database a third smaller (db.search)."""
    for table in ("cases", "decisions", "documents"):
        db[table].disable_fts()
    index.rebuild(db)


@migrations()
def m008_people_references_indexed(db: Database) -> None:
    """Indexes on the documents' chair and minute taker: people are rebuilt on every load, and
    each person deleted or inserted under a deferred foreign key made SQLite scan every document
    for references to it (most of the time of a nightly update that found a few new files)."""
    db["documents"].create_index(["chair_person_id"], if_not_exists=True)
    db["documents"].create_index(["minute_taker_person_id"], if_not_exists=True)


@migrations()
def m009_votes_and_outcomes(db: Database) -> None:
    """How each case ended and how it was voted: outcomes, the minutes' own status, votes with
    their counts, parties and named members, and the office printed with each attendee."""
    db["cases"].add_column("outcome", str)
    db["cases"].add_column("exempt_basis", str)
    db["cases"].create_index(["outcome"], if_not_exists=True)
    db["documents"].add_column("status", str)
    db["documents"].add_column("status_printed", str)
    db["attendance"].add_column("role", str)
    db["votes"].create(
        {
            "id": str,
            "case_id": str,
            "document_id": str,
            "position": int,
            "body": str,
            "meeting_date": str,
            "year": int,
            "case_number": str,
            "case_title": str,
            "on_proposal": str,
            "result": str,
            "unanimous": int,
            "votes_for": int,
            "votes_against": int,
            "blank": int,
            "parties_for": str,
            "parties_against": str,
            "alternative": str,
            "vote_check": str,
            "printed": str,
        },
        pk="id",
        foreign_keys=[("case_id", "cases", "id"), ("document_id", "documents", "id")],
    )
    db["vote_members"].create(
        {"id": str, "vote_id": str, "side": str, "name": str, "person_id": str},
        pk="id",
        foreign_keys=[("vote_id", "votes", "id"), ("person_id", "people", "id")],
    )
    db["vote_parties"].create(
        {"id": str, "vote_id": str, "side": str, "party": str},
        pk="id",
        foreign_keys=[("vote_id", "votes", "id")],
    )
    for table, cols in {
        "votes": [["case_id"], ["document_id"], ["body", "meeting_date"]],
        "vote_members": [["vote_id"], ["person_id"]],
        "vote_parties": [["vote_id"], ["party"]],
    }.items():
        for col in cols:
            db[table].create_index(col, if_not_exists=True)
