"""Bring files into an archive: store the bytes, extract what is new, load the database."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from archive.lock import exclusive
from archive.store import Archive
from db.load import LoadReport, load_all
from db.schema import open_db
from extract import EXTRACTOR_VERSION
from extract.cluster import Engine, extract_on_cluster
from extract.isolate import Job, extract_isolated
from extract.names.assign import keep_named_mentions
from extract.names.overrides import Overrides
from extract.pipeline import DEFAULT_BACKEND
from models.extraction import FileExtraction


@dataclass(frozen=True, slots=True)
class Item:
    """A file already in the archive, with the name and place (path or URL) it came from."""

    sha256: str
    path: Path
    name: str
    source: str


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    backend: str = DEFAULT_BACKEND
    workers: int | None = None  # None: every core
    engine: Engine = field(default_factory=Engine)  # local worker processes, or a Dask cluster
    objects_url: str | None = None  # where cluster workers read objects/ (fsspec URL); None: its path


@dataclass(slots=True)
class IngestReport:
    stored: list[str] = field(default_factory=list)  # new objects in the archive
    extracted: list[str] = field(default_factory=list)  # extracted in this run
    reused: list[str] = field(default_factory=list)  # extraction cached from an earlier run
    load: LoadReport = field(default_factory=LoadReport)


def _cached(archive: Archive, sha256: str) -> FileExtraction | None:
    """The cached extraction of a file, when it is one: of this extractor version and of this very
    file. A damaged cache file (`null`, `[]`, another file's hash, cut short) is as good as none:
    the file is extracted again."""
    path = archive.extractions / f"{sha256}.json"
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("sha256") != sha256 or data.get("extractor") != EXTRACTOR_VERSION:
            return None
        return FileExtraction.from_dict(data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _save(archive: Archive, result: FileExtraction) -> None:
    archive.extractions.mkdir(parents=True, exist_ok=True)
    target = archive.extractions / f"{result.sha256}.json"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(result.to_dict(), ensure_ascii=False), encoding="utf-8")
    tmp.replace(target)


def _of(item: Item, result: FileExtraction) -> FileExtraction:
    """A result recorded under its archived file, even when the worker could not read the bytes
    to hash them (a failure record from a cluster whose storage was out of reach)."""
    if not result.sha256:
        result.sha256 = item.sha256
        result.size = result.size or item.path.stat().st_size
    return result


def _location(archive: Archive, item: Item, objects_url: str | None) -> str:
    """Where a cluster's workers read an archived file: by the archive's own path (shared
    storage), or under the objects folder's URL."""
    if not objects_url:
        return str(item.path.resolve())
    return f"{objects_url.rstrip('/')}/{item.path.relative_to(archive.objects).as_posix()}"


def ingest_items(
    archive: Archive,
    db: Database,
    items: Iterable[Item],
    report: IngestReport | None = None,
    options: ExtractOptions | None = None,
    refresh: bool = False,
) -> IngestReport:
    """Extract the items this extractor version has not extracted before (all of them with
    `refresh`), each in a worker process, and load them all."""
    report = report or IngestReport()
    options = options or ExtractOptions()
    items = list(items)
    cached = {item.sha256: None if refresh else _cached(archive, item.sha256) for item in items}
    todo = [item for item in items if cached[item.sha256] is None]
    jobs = [Job(item.path, item.name) for item in todo]
    if options.engine.kind == "dask":
        # Each result is saved as it arrives: a run cut short keeps what the cluster did.
        fresh = extract_on_cluster(
            jobs,
            options.backend,
            options.engine,
            workers=options.workers,
            locations=[_location(archive, item, options.objects_url) for item in todo],
            on_result=lambda i, result: _save(archive, _of(todo[i], result)),
        )
    else:
        fresh = extract_isolated(jobs, backend=options.backend, workers=options.workers)
    for item, result in zip(todo, fresh, strict=True):
        _save(archive, _of(item, result))
        cached[item.sha256] = result
        report.extracted.append(item.name)
    report.reused.extend(item.name for item in items if item not in todo)
    known = [name for (name,) in db.execute("select distinct name from attendance")]  # the archive's people
    keep_named_mentions([r for r in cached.values() if r is not None], known)
    results = [(cached[item.sha256], [item.source]) for item in items]
    report.load = load_all(db, results, Overrides.load(archive.people_overrides))
    return report


def ingest(paths: Iterable[str | Path], archive: Archive, options: ExtractOptions | None = None) -> IngestReport:
    """`minutes build`: store local files in the archive, then extract and load them."""
    report = IngestReport()
    with exclusive(archive.root):
        items = []
        for raw in paths:
            path = Path(raw)
            stored = archive.add_file(path)
            if stored.new:
                report.stored.append(path.name)
            items.append(Item(stored.sha256, stored.path, path.name, str(path.resolve())))
        db = open_db(str(archive.db_path))
        try:
            return ingest_items(archive, db, items, report, options)
        finally:
            db.close()


def retry(archive: Archive, options: ExtractOptions | None = None) -> IngestReport:
    """`minutes retry`: extract again every file recorded as failed, with today's code and tools
    (Tesseract installed since, a bug fixed), and load what now reads."""
    with exclusive(archive.root):
        return _retry(archive, options)


def _retry(archive: Archive, options: ExtractOptions | None) -> IngestReport:
    db = open_db(str(archive.db_path))
    try:
        rows = db.execute(
            """select f.sha256, f.name, max(s.source) from files f
               left join file_sources s on s.sha256 = f.sha256
               where f.status = 'failed' or f.sha256 in (select sha256 from failures)
               group by f.sha256 order by f.name"""
        ).fetchall()
        items = [Item(sha, path, name, source or name) for sha, name, source in rows if (path := archive.find(sha))]
        return ingest_items(archive, db, items, options=options, refresh=True)
    finally:
        db.close()
