"""The crawl's memory in the database: what each URL answered, and the versions behind one URL.

A PDF re-published under the same name, or under the WordPress duplicate name "X-1.pdf"
beside "X.pdf", is a new version of the same document: the old version and its extraction
stay in the archive and stay searchable, and only the newest is marked current.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(slots=True)
class Fetch:
    url: str
    kind: str
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    size: int | None = None
    sha256: str | None = None
    outcome: str = "error"
    error: str | None = None
    time: str = ""


@dataclass(frozen=True, slots=True)
class Validators:
    etag: str | None
    last_modified: str | None
    sha256: str | None  # None when the body was never kept (too large)
    outcome: str


class FetchLog:
    """Records requests and answers "what did this URL last give us?" for conditional requests."""

    def __init__(self, db: Database):
        self.db = db

    def record(self, fetch: Fetch) -> None:
        fetch.time = fetch.time or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.db.atomic():
            self.db["fetches"].insert(
                {
                    "url": fetch.url,
                    "time": fetch.time,
                    "kind": fetch.kind,
                    "status": fetch.status,
                    "etag": fetch.etag,
                    "last_modified": fetch.last_modified,
                    "content_type": fetch.content_type,
                    "size": fetch.size,
                    "sha256": fetch.sha256,
                    "outcome": fetch.outcome,
                    "error": fetch.error,
                }
            )

    def validators(self, url: str) -> Validators | None:
        """What the URL last answered with a body or a 304, for a conditional request."""
        row = self.db.execute(
            """select etag, last_modified, sha256, outcome from fetches
               where url = ? and status in (200, 304) and (sha256 is not null or outcome = 'too-large')
               order by id desc limit 1""",
            [url],
        ).fetchone()
        return Validators(*row) if row else None


_DUPLICATE_SUFFIX = re.compile(r"-\d(?=\.pdf$)", re.IGNORECASE)


def refresh_versions(db: Database) -> None:
    """Number the versions of each document URL and mark the newest of each as current."""
    rows = db.execute(
        """select url, sha256, min(time), max(time) from fetches
           where kind = 'document' and sha256 is not null and status in (200, 304)
           group by url, sha256"""
    ).fetchall()
    urls = {r[0] for r in rows}

    def family(url: str) -> str:
        base = _DUPLICATE_SUFFIX.sub("", url)
        return base if base != url and base in urls else url

    spans: dict[str, dict[str, tuple[str, str]]] = {}  # family → sha → (first seen, last seen)
    for url, sha, first, last in rows:
        known = spans.setdefault(family(url), {}).get(sha)
        spans[family(url)][sha] = (min(first, known[0]), max(last, known[1])) if known else (first, last)
    with db.atomic():
        db.execute("delete from file_versions")
        current_shas: set[str] = set()
        all_shas: set[str] = set()
        for fam, shas in sorted(spans.items()):
            order = sorted(shas, key=lambda sha: (shas[sha][0], sha))  # by when each version first appeared
            newest = max(shas, key=lambda sha: (shas[sha][1], shas[sha][0], sha))  # the one served last
            db["file_versions"].insert_all(
                (
                    {
                        "url": fam,
                        "sha256": sha,
                        "version": n,
                        "first_seen": shas[sha][0],
                        "last_seen": shas[sha][1],
                        "current": int(sha == newest),
                    }
                    for n, sha in enumerate(order, start=1)
                ),
                pk=("url", "sha256"),
            )
            current_shas.add(newest)
            all_shas.update(order)
        # A file is current unless every URL it came from has a newer version; local files are current.
        superseded = all_shas - current_shas
        # Only rows whose flag changes are written: an update would re-index a case's full text.
        marks = ",".join("?" * len(superseded))
        db.execute(
            f"update files set current = (sha256 not in ({marks})) where current is not (sha256 not in ({marks}))",
            sorted(superseded) * 2,
        )
        db.execute(
            """update documents set current = (select f.current from files f where f.sha256 = documents.file_sha256)
               where current is not (select f.current from files f where f.sha256 = documents.file_sha256)"""
        )
        db.execute(
            """update cases set current = (select d.current from documents d where d.id = cases.document_id)
               where current is not (select d.current from documents d where d.id = cases.document_id)"""
        )
        db.execute(
            """update decisions set current = (select c.current from cases c where c.id = decisions.case_id)
               where current is not (select c.current from cases c where c.id = decisions.case_id)"""
        )


def pending_documents(db: Database, extractor_version: str) -> list[tuple[str, str]]:
    """(sha256, url) of fetched documents not yet loaded by this extractor version: new files,
    files a crash left unloaded, and files whose extraction rules have changed since."""
    return [
        (sha, url)
        for sha, url in db.execute(
            """select f.sha256, max(f.url) from fetches f left join files on files.sha256 = f.sha256
               where f.kind = 'document' and f.sha256 is not null and f.status = 200
                 and (files.sha256 is null or files.extractor_version is not ?)
               group by f.sha256 order by min(f.id)""",
            [extractor_version],
        )
    ]
