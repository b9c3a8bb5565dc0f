"""PDF → FileExtraction: layout, segmentation and names, one file or many."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract import EXTRACTOR_VERSION
from extract.errors import ExtractionError, not_a_pdf
from extract.names import assign_person_ids
from extract.segment.documents import segment
from models.extraction import FileExtraction
from models.files import SNIFF_BYTES, looks_like_pdf


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


BACKENDS = ("pdfium", "pdfplumber")


def read_pages(path: Path, backend: str):
    if backend == "pdfium":
        from extract.layout import pdfium

        return pdfium.read_pdf(path)
    from extract.layout import pdf

    return pdf.read_pdf(path)


def extract_pdf(path: str | Path, source: str | None = None, backend: str = "pdfplumber") -> FileExtraction:
    """Extract one PDF; a file that cannot be read comes back with `failure` set, never raises."""
    path = Path(path)
    result = FileExtraction(
        source=source or path.name,
        sha256=sha256_file(path),
        size=path.stat().st_size,
        extractor=EXTRACTOR_VERSION,
    )
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not looks_like_pdf(head):
        result.failure = not_a_pdf(head)
        return result
    try:
        pages = read_pages(path, backend)
    except ExtractionError as exc:
        result.failure = exc.failure
        return result
    result.pages = len(pages)
    result.documents = segment(pages)
    return result


def extract_many(paths: Iterable[str | Path]) -> list[FileExtraction]:
    """Extract several PDFs; person ids are made consistent across all of them."""
    results = [extract_pdf(p) for p in paths]
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


def extract_to_dir(paths: Iterable[str | Path], out_dir: str | Path) -> tuple[list[FileExtraction], ExtractReport]:
    """`minutes extract`: one JSON per PDF in `out_dir`, named after the PDF."""
    paths = [Path(p) for p in paths]
    results = extract_many(paths)
    report = ExtractReport()
    used: set[str] = set()
    for path, result in zip(paths, results, strict=True):
        stem = path.stem if path.stem not in used else f"{path.stem}-{result.sha256[:8]}"
        used.add(stem)
        report.written.append(write_json(result, Path(out_dir), stem))
        if result.failure:
            report.failed.append(result)
    return results, report
