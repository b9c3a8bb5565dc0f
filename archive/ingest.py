"""Bring files into an archive: store the bytes, extract what is new, load the database."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from archive.store import Archive
from db.load import LoadReport, load_all
from db.schema import open_db
from extract import EXTRACTOR_VERSION
from extract.names.overrides import Overrides
from extract.pipeline import extract_pdf
from models.extraction import FileExtraction


@dataclass(frozen=True, slots=True)
class Item:
    """A file already in the archive, with the name and place (path or URL) it came from."""

    sha256: str
    path: Path
    name: str
    source: str


@dataclass(slots=True)
class IngestReport:
    stored: list[str] = field(default_factory=list)  # new objects in the archive
    extracted: list[str] = field(default_factory=list)  # extracted in this run
    reused: list[str] = field(default_factory=list)  # extraction cached from an earlier run
    load: LoadReport = field(default_factory=LoadReport)


def _cached(archive: Archive, sha256: str) -> FileExtraction | None:
    path = archive.extractions / f"{sha256}.json"
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("extractor") != EXTRACTOR_VERSION:
        return None
    return FileExtraction.from_dict(data)


def _save(archive: Archive, result: FileExtraction) -> None:
    archive.extractions.mkdir(parents=True, exist_ok=True)
    target = archive.extractions / f"{result.sha256}.json"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(result.to_dict(), ensure_ascii=False), encoding="utf-8")
    tmp.replace(target)


def ingest_items(
    archive: Archive, db: Database, items: Iterable[Item], report: IngestReport | None = None
) -> IngestReport:
    """Extract the items this extractor version has not extracted before, and load them all."""
    report = report or IngestReport()
    results: list[tuple[FileExtraction, list[str]]] = []
    for item in items:
        result = _cached(archive, item.sha256)
        if result is None:
            result = extract_pdf(item.path, source=item.name)
            _save(archive, result)
            report.extracted.append(item.name)
        else:
            report.reused.append(item.name)
        results.append((result, [item.source]))
    report.load = load_all(db, results, Overrides.load(archive.people_overrides))
    return report


def ingest(paths: Iterable[str | Path], archive: Archive) -> IngestReport:
    """`minutes build`: store local files in the archive, then extract and load them."""
    report = IngestReport()
    items = []
    for raw in paths:
        path = Path(raw)
        stored = archive.add_file(path)
        if stored.new:
            report.stored.append(path.name)
        items.append(Item(stored.sha256, stored.path, path.name, str(path.resolve())))
    db = open_db(str(archive.db_path))
    try:
        return ingest_items(archive, db, items, report)
    finally:
        db.close()
