"""`minutes update`: crawl, extract what is new, load: one command for cron or a systemd timer.

A lock file keeps two runs from overlapping; the second one stops at once and says so.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from archive.config import CrawlConfig
from archive.crawl import Crawler, CrawlReport, file_name
from archive.ingest import ExtractOptions, IngestReport, Item, ingest_items
from archive.store import Archive
from db.fetches import FetchLog, pending_documents, refresh_versions
from db.schema import open_db
from extract import EXTRACTOR_VERSION


class Busy(RuntimeError):
    """Another run holds the archive's lock."""


@contextmanager
def exclusive(archive: Archive) -> Iterator[None]:
    archive.root.mkdir(parents=True, exist_ok=True)
    path = archive.root / ".update.lock"
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"another update is running on {archive.root} (lock {path})") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)  # closing releases the lock, also when the process dies


@dataclass(slots=True)
class UpdateReport:
    crawl: CrawlReport
    ingest: IngestReport = field(default_factory=IngestReport)
    failed_files: list[tuple[str, str]] = field(default_factory=list)  # (name, reason) of new files not read

    @property
    def ok(self) -> bool:
        return not self.crawl.errors and not self.failed_files

    def summary(self) -> str:
        c = self.crawl
        lines = [
            f"{c.pages} pages, {c.documents} documents: {len(c.new)} new or changed, "
            f"{c.not_modified} not modified, {c.unchanged} unchanged; {c.document_bodies} document bodies downloaded",
            f"{len(self.ingest.extracted)} extracted, {len(self.ingest.load.loaded)} loaded",
        ]
        lines += [f"skipped {url}: {why}" for url, why in c.skipped if why != "off-site"]
        lines += [f"FAILED {url}: {why}" for url, why in c.errors]
        lines += [f"FAILED {name}: {why}" for name, why in self.failed_files]
        return "\n".join(lines)


def crawl(archive: Archive, config: CrawlConfig, progress: bool | None = None) -> CrawlReport:
    """`minutes crawl`: fetch what is new into the archive; record every request."""
    db = open_db(str(archive.db_path))
    try:
        with exclusive(archive):
            return Crawler(config, archive, FetchLog(db), progress=progress).run()
    finally:
        db.close()


def update(
    archive: Archive, config: CrawlConfig, progress: bool | None = None, options: ExtractOptions | None = None
) -> UpdateReport:
    db = open_db(str(archive.db_path))
    try:
        with exclusive(archive):
            report = UpdateReport(crawl=Crawler(config, archive, FetchLog(db), progress=progress).run())
            items = []
            for sha, url in pending_documents(db, EXTRACTOR_VERSION):
                path = archive.find(sha)
                if path is not None:
                    items.append(Item(sha, path, file_name(url), url))
            if items:
                ingest_items(archive, db, items, report.ingest, options)  # ends with a refresh of versions
            else:
                refresh_versions(db)  # the crawl may have seen a version again
            shas = json.dumps(sorted(item.sha256 for item in items))
            report.failed_files = db.execute(
                "select name, reason from failures where sha256 in (select value from json_each(?)) order by name",
                [shas],
            ).fetchall()
            return report
    finally:
        db.close()


def config_path(archive: Archive, given: Path | None) -> Path | None:
    """--config FILE, else ARCHIVE/crawl.yaml when present, else the embedded default."""
    if given is not None:
        if not given.exists():
            raise FileNotFoundError(f"no crawl configuration at {given}")
        return given
    local = archive.root / "crawl.yaml"
    return local if local.exists() else None
