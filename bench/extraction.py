"""Extraction speed and memory: the pipeline against pdftotext, pdfium and pdfplumber on the
same synthetic files, each run in its own process; and where the pipeline's time goes."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import Run, measure, minutes, python


@dataclass
class ExtractionResult:
    files: int
    pages: int
    runs: dict[str, Run] = field(default_factory=dict)
    stages: list[tuple[str, float]] = field(default_factory=list)  # (stage, seconds) in one process
    stage_pages: int = 0
    rounds: int = 1  # runs of pdftotext and of the PDFium pipeline, the fastest kept


def count_pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        total += len(pdf)
        pdf.close()
    return total


def _written(run: Run, files: int) -> Run:
    """A pipeline run must have written every file; a benchmark of a failing run means nothing."""
    if not run.ok() or f"{files} files written" not in run.output:
        raise RuntimeError(f"{run.label} failed (exit {run.returncode}):\n{run.output[-2000:]}")
    return run


def _floor(label: str, name: str, paths: list[str]) -> Run:
    run = measure(label, python("-m", "bench.floors", name, *paths))
    if not run.ok():
        raise RuntimeError(f"{label} failed:\n{run.output[-2000:]}")
    return run


def run_extraction(
    paths: list[Path], out: Path, workers: tuple[int, ...] = (1, 2), rounds: int = 1
) -> ExtractionResult:
    """Each reader over `paths` in its own process. The runs the targets compare (pdftotext and
    the PDFium pipeline) are taken `rounds` times, in turn, and the fastest of each is kept: on
    a shared machine a burst of another's work slows one run by a third, never speeds one up."""
    names = [str(p) for p in paths]
    result = ExtractionResult(files=len(paths), pages=count_pages(paths), rounds=max(1, rounds))
    compared: dict[str, Callable[[], Run]] = {
        "pdftotext": lambda: _floor("pdftotext (poppler), one process per file", "pdftotext", names)
    }
    for n in workers:
        label = f"minutes extract --backend pdfium --workers {n}"
        args = minutes("extract", *names, "--out", str(out / f"pdfium-{n}"), "--backend", "pdfium", "--workers", str(n))
        compared[f"pdfium-{n}"] = lambda label=label, args=args: _written(measure(label, args), len(paths))
    best: dict[str, Run] = {}
    for _ in range(result.rounds):
        for key, run in compared.items():
            taken = run()
            if key not in best or taken.seconds < best[key].seconds:
                best[key] = taken
    result.runs["pdftotext"] = best["pdftotext"]
    result.runs["pdfium"] = _floor("pypdfium2 text per page", "pdfium", names)
    result.runs["pdfplumber"] = _floor("pdfplumber extract_words per page", "pdfplumber", names)
    for n in workers:
        result.runs[f"pdfium-{n}"] = best[f"pdfium-{n}"]
    for n in workers:
        label = f"minutes extract --backend pdfplumber --workers {n}"
        args = minutes("extract", *names, "--out", str(out / f"pdfplumber-{n}"), "--backend", "pdfplumber")
        result.runs[f"pdfplumber-{n}"] = _written(measure(label, [*args, "--workers", str(n)]), len(paths))
    # The same files as one task each on a local Dask cluster of two workers (started by the run).
    label = "minutes extract --engine dask --workers 2 (local Dask cluster)"
    args = minutes("extract", *names, "--out", str(out / "dask-2"), "--engine", "dask", "--workers", "2")
    result.runs["dask-2"] = _written(measure(label, args), len(paths))
    return result


NAMES_STAGE = "names in case text (spaCy)"  # run by the pool's parent, beside its workers

# The pipeline's stages, timed by wrapping the functions where they are looked up. Nested
# stages are listed inside their parent and subtracted from it.
STAGES: list[tuple[str, str, str, str | None]] = [
    # label, module, attribute, parent label
    ("read: PDFium characters to words", "extract.layout.pdfium", "page_words", "read"),
    ("read: vector paths (rules, tables)", "extract.layout.pdfium", "page_paths", "read"),
    ("read: ruled tables", "extract.layout.pdfium", "_tables_of", "read"),
    ("read: text-layer check", "extract.layout.pdfium", "ocr_reason", "read"),
    ("read: lines, columns, cells", "extract.layout.pdfium", "build_lines", "read"),
    ("read", "extract.pipeline", "read_pages", None),
    ("running headers and footers", "extract.pipeline", "strip_running_text", None),
    ("segment", "extract.pipeline", "segment", None),
    (NAMES_STAGE, "extract.pipeline", "find_deferred", None),
    ("names across files (registry)", "extract.pipeline", "assign_person_ids", None),
]


@contextmanager
def _timed(spent: dict[str, float]):
    import importlib

    saved = []

    def wrap(label: str, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - start

        return timed

    for label, module_name, attribute, _ in STAGES:
        owner = importlib.import_module(module_name)
        *path, name = attribute.split(".")  # "Class.method" times a method
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)
        saved.append((owner, name, original))
        setattr(owner, name, wrap(label, original))
    try:
        yield
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def profile_stages(paths: list[Path]) -> tuple[list[tuple[str, float]], float]:
    """(stage, seconds) for extracting `paths` in this process, as a `minutes extract` worker
    does, then resolving names across them as its parent does; and the total."""
    from extract.names import assign_person_ids  # noqa: F401  (loaded before timing)
    from extract.pipeline import extract_pdf

    extract_pdf(paths[0])  # spaCy and PDFium load once per process: not a per-file cost
    spent: dict[str, float] = {}
    start = time.perf_counter()
    with _timed(spent):
        import extract.pipeline as pipeline

        results = [extract_pdf(p) for p in paths]
        pipeline.assign_person_ids(results)
    total = time.perf_counter() - start
    own = dict(spent)
    for label, _, _, parent in STAGES:
        if parent is not None:
            own[parent] = own.get(parent, 0.0) - spent.get(label, 0.0)
    rows: list[tuple[str, float]] = []
    for label, _, _, parent in STAGES:
        if parent is None:
            parts = [(part, own.get(part, 0.0)) for part, _, _, p in STAGES if p == label]
            rows.append((label + (" (rest)" if parts else ""), own.get(label, 0.0)))
            rows += [("  " + part.split(": ", 1)[1], seconds) for part, seconds in parts]
    timed = sum(spent.get(label, 0.0) for label, _, _, parent in STAGES if parent is None)
    rows.append(("other (hashing, checks)", total - timed))
    return rows, total
