"""PDF → FileExtraction: layout, segmentation and names, one file or many."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract import EXTRACTOR_VERSION
from extract.errors import ExtractionError, not_a_pdf
from extract.layout.margins import strip_running_text
from extract.names import assign_person_ids
from extract.names.mentions import Deferred, NameSearch, find_deferred
from extract.ocr import apply as ocr_pages
from extract.segment.documents import segment
from models.extraction import FileExtraction
from models.failure import Failure
from models.files import SNIFF_BYTES, looks_like_pdf


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_record(path: Path, source: str) -> FileExtraction:
    """A file's extraction before it is read: its hash and size, or, for a file gone or
    unreadable since it was listed, the reason (the run goes on without it). The pool's and the
    cluster's records of a file they failed on start from it too."""
    try:
        return FileExtraction(
            source=source, sha256=sha256_file(path), size=path.stat().st_size, extractor=EXTRACTOR_VERSION
        )
    except OSError as exc:
        why = f"cannot be read: {exc.strerror or exc}"
        return FileExtraction(
            source=source, sha256="", size=0, extractor=EXTRACTOR_VERSION, failure=Failure("open", "unreadable", why)
        )


BACKENDS = ("pdfium", "pdfplumber")
DEFAULT_BACKEND = "pdfium"
MAX_FILE_MB = 200


def _backend(name: str):
    if name == "pdfium":
        from extract.layout import pdfium

        return pdfium
    from extract.layout import pdf

    return pdf


def preload(backend: str = DEFAULT_BACKEND) -> None:
    """Import the run's reader and the C helper: done once in the parent, every forked worker
    starts with them instead of loading them per file. The other reader, which takes over a
    file the first cannot open, is imported where that happens (pdfplumber costs as much to
    import as reading a few short PDFs with PDFium). spaCy is not among them either: workers
    never need it; their pool loads it for the first case text that can hold a name
    (extract.isolate.Pool)."""
    from extract.layout.native import helper

    _backend(backend)
    helper()  # compiled (once per machine) and loaded before the workers fork


def read_pages(path: Path, backend: str = DEFAULT_BACKEND):
    """Pages from the chosen backend; when it cannot open the file or finds no page, the other
    one tries, since pdfminer and PDFium recover from different kinds of damage."""
    other = BACKENDS[1 - BACKENDS.index(backend)]
    try:
        pages = _backend(backend).read_pdf(path)
    except ExtractionError as exc:
        if exc.failure.kind == "encrypted":
            raise
        try:
            return _backend(other).read_pdf(path)
        except ExtractionError:
            raise exc from None
    if not pages:
        try:
            return _backend(other).read_pdf(path) or pages
        except ExtractionError:
            return pages
    return pages


def finish_pages(path: Path, pages: list, ocr: bool = True) -> str | None:
    """OCR the pages that need it, then take running headers out: the pages segmentation reads,
    whose lines are settled (their text kept) from here on. Returns why pages needing OCR stay
    unread, if any do."""
    missing = ocr_pages(path, pages) if ocr else "OCR was switched off"
    strip_running_text(pages)
    for page in pages:
        for line in page.lines:
            line.settle()
    return missing


def read_document(path: str | Path, backend: str = DEFAULT_BACKEND, ocr: bool = True) -> list:
    """The pages of a PDF as segmentation reads them (raises ExtractionError when it cannot)."""
    path = Path(path)
    pages = read_pages(path, backend)
    finish_pages(path, pages, ocr)
    return pages


def extract_pdf(
    path: str | Path, source: str | None = None, backend: str = DEFAULT_BACKEND, ocr: bool = True
) -> FileExtraction:
    """Extract one PDF; a file that cannot be read comes back with `failure` set, never raises."""
    result, searches = extract_pdf_but_names(path, source, backend, ocr)
    find_deferred(result.documents, searches)
    return result


def extract_pdf_but_names(
    path: str | Path, source: str | None = None, backend: str = DEFAULT_BACKEND, ocr: bool = True
) -> tuple[FileExtraction, list[NameSearch]]:
    """extract_pdf without the people named in case texts, and the searches that find them: a
    pool's workers leave those to their parent, which loads spaCy once while they read on."""
    path = Path(path)
    result = file_record(path, source or path.name)
    if result.failure is not None:
        return result, []
    if result.size > MAX_FILE_MB * 1024 * 1024:
        result.failure = Failure(
            "open", "too_large", f"too large: {result.size / 1e6:.0f} MB, the limit is {MAX_FILE_MB} MB"
        )
        return result, []
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not looks_like_pdf(head):
        result.failure = not_a_pdf(head)
        return result, []
    try:
        pages = read_pages(path, backend)
    except ExtractionError as exc:
        result.failure = exc.failure
        return result, []
    result.pages = len(pages)
    if not pages:
        result.failure = Failure("open", "no_pages", "the PDF has no pages")
        return result, []
    missing = finish_pages(path, pages, ocr)
    unread = [p.number for p in pages if p.needs_ocr]
    result.ocr_pages = [p.number for p in pages if p.ocr]
    deferred = Deferred()
    result.documents = segment(pages, deferred)
    searches = deferred.searches(result.documents)
    if unread:
        result.failure = Failure(
            "ocr",
            "needs_ocr",
            f"{len(unread)} of {len(pages)} pages have no usable text layer and were not read: {missing}",
        )
    elif not any(line.text for page in pages for line in page.lines):
        result.failure = Failure("layout", "no_text", "no text on any page, and no images to read")
    return result, searches


def extract_many(
    paths: Iterable[str | Path], backend: str = DEFAULT_BACKEND, workers: int | None = None, engine=None
) -> list[FileExtraction]:
    """Extract several PDFs, each in a worker process with time and memory limits (here, or on a
    Dask cluster); person ids are made consistent across all of them."""
    from extract.isolate import Job, extract_isolated

    jobs = [Job(Path(p), Path(p).name) for p in paths]
    if engine is not None and engine.kind == "dask":
        from extract.cluster import extract_on_cluster

        results = extract_on_cluster(jobs, backend, engine, workers=workers)
    else:
        results = extract_isolated(jobs, backend=backend, workers=workers)
    assign_person_ids(results)
    return results


def write_json(result: FileExtraction, out_dir: Path, stem: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{stem}.json"
    target.write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return target


@dataclass(slots=True)
class ExtractReport:
    written: list[Path] = field(default_factory=list)
    failed: list[FileExtraction] = field(default_factory=list)


def extract_to_dir(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    backend: str = DEFAULT_BACKEND,
    workers: int | None = None,
    engine=None,
) -> tuple[list[FileExtraction], ExtractReport]:
    """`minutes extract`: one JSON per PDF in `out_dir`, named after the PDF."""
    paths = [Path(p) for p in paths]
    results = extract_many(paths, backend=backend, workers=workers, engine=engine)
    report = ExtractReport()
    used: set[str] = set()
    for path, result in zip(paths, results, strict=True):
        stem = path.stem if path.stem not in used else f"{path.stem}-{result.sha256[:8]}"
        used.add(stem)
        report.written.append(write_json(result, Path(out_dir), stem))
        if result.failure:
            report.failed.append(result)
    return results, report
