"""Bring files into an archive: store the bytes, extract what is new, load the database."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from archive.store import Archive, StoredFile
from db.load import LoadReport, load_all
from db.schema import open_db
from extract import EXTRACTOR_VERSION
from extract.names.overrides import Overrides
from extract.pipeline import extract_pdf
from models.extraction import FileExtraction


@dataclass(slots=True)
class IngestReport:
    stored: list[str] = field(default_factory=list)  # new objects in the archive
    extracted: list[str] = field(default_factory=list)  # extracted in this run
    reused: list[str] = field(default_factory=list)  # extraction cached from an earlier run
    load: LoadReport = field(default_factory=LoadReport)


def _cached(archive: Archive, stored: StoredFile) -> FileExtraction | None:
    path = archive.extractions / f"{stored.sha256}.json"
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


def ingest(paths: Iterable[str | Path], archive: Archive) -> IngestReport:
    """Store each file, extract files not extracted by this version before, load them all."""
    report = IngestReport()
    results: list[tuple[FileExtraction, list[str]]] = []
    for raw in paths:
        path = Path(raw)
        stored = archive.add_file(path)
        if stored.new:
            report.stored.append(path.name)
        result = _cached(archive, stored)
        if result is None:
            result = extract_pdf(stored.path, source=path.name)
            _save(archive, result)
            report.extracted.append(path.name)
        else:
            report.reused.append(path.name)
        results.append((result, [str(path.resolve())]))
    overrides = Overrides.load(archive.people_overrides)
    db = open_db(str(archive.db_path))
    try:
        report.load = load_all(db, results, overrides)
    finally:
        db.close()
    return report
