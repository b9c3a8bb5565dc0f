"""`minutes update`: crawl, extract what is new, load: one command for cron or a systemd timer.

The archive's lock (`archive.lock`) keeps it from running beside another writer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from archive.config import CrawlConfig
from archive.crawl import Crawler, CrawlReport, file_name
from archive.ingest import ExtractOptions, IngestReport, Item, ingest_items
from archive.lock import exclusive
from archive.store import Archive
from db.fetches import FetchLog, pending_documents, refresh_versions
from db.schema import open_db
from extract import EXTRACTOR_VERSION


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
    with exclusive(archive.root):
        db = open_db(str(archive.db_path))
        try:
            return Crawler(config, archive, FetchLog(db), progress=progress).run()
        finally:
            db.close()


def update(
    archive: Archive, config: CrawlConfig, progress: bool | None = None, options: ExtractOptions | None = None
) -> UpdateReport:
    with exclusive(archive.root):
        return _update(archive, config, progress, options)


def _update(
    archive: Archive, config: CrawlConfig, progress: bool | None, options: ExtractOptions | None
) -> UpdateReport:
    db = open_db(str(archive.db_path))
    try:
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
