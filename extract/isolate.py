"""Each PDF extracted in a worker process of its own, with a time limit and a memory limit.

A file that makes pdfminer or PDFium hang, or swell until the machine swaps, fails alone and is
recorded with its reason; the other files go on, on as many workers as there are cores.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extract import EXTRACTOR_VERSION
from models.extraction import FileExtraction
from models.failure import Failure


@dataclass(frozen=True, slots=True)
class Limits:
    seconds: float = 60.0  # for any file
    seconds_per_page: float = 15.0  # more for each page: a scanned page takes seconds to read
    max_seconds: float = 1800.0
    memory_mb: int = 2048

    def time_for(self, pages: int) -> float:
        return min(self.max_seconds, self.seconds + self.seconds_per_page * pages)


@dataclass(frozen=True, slots=True)
class Job:
    path: Path
    source: str


def count_pages(path: Path) -> int:
    """Pages as PDFium counts them, cheaply, to size the time limit; 0 when it cannot say."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # any file: the extraction itself will say what is wrong
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


def _failed(job: Job, kind: str, reason: str) -> FileExtraction:
    from extract.pipeline import sha256_file

    return FileExtraction(
        source=job.source,
        sha256=sha256_file(job.path),
        size=job.path.stat().st_size,
        extractor=EXTRACTOR_VERSION,
        failure=Failure(stage="extract", kind=kind, reason=reason),
    )


def _work(conn: Connection, job: Job, backend: str, memory_mb: int) -> None:
    """In the child: cap memory, extract, send the result as plain data."""
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    from extract.pipeline import extract_pdf

    try:
        conn.send(("ok", extract_pdf(job.path, source=job.source, backend=backend).to_dict()))
    except MemoryError:
        conn.send(("failed", ("too_large", f"needed more than {memory_mb} MB of memory to read")))
    except BaseException as exc:  # a bug of ours or of a library: recorded, never fatal to the run
        conn.send(("failed", ("crashed", f"extraction failed: {type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def extract_isolated(
    jobs: Sequence[Job], backend: str, workers: int | None = None, limits: Limits = Limits()
) -> list[FileExtraction]:
    """Results in the order of `jobs`; a file that times out, crashes or runs out of memory
    comes back with its failure recorded."""
    workers = max(1, workers or os.cpu_count() or 1)
    from extract.names.mentions import nlp

    nlp()  # loaded once here, shared with every forked worker
    context = multiprocessing.get_context("fork")
    pending = deque(enumerate(jobs))
    running: dict[Connection, tuple[int, multiprocessing.Process, float, float]] = {}
    results: list[FileExtraction | None] = [None] * len(jobs)
    while pending or running:
        while pending and len(running) < workers:
            index, job = pending.popleft()
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_work, args=(send, job, backend, limits.memory_mb), daemon=True)
            allowed = limits.time_for(count_pages(job.path))
            process.start()
            send.close()
            running[receive] = (index, process, time.monotonic() + allowed, allowed)
        next_deadline = min(deadline for _, _, deadline, _ in running.values())
        for conn in wait(list(running), timeout=max(0.0, next_deadline - time.monotonic())):
            index, process, _, _ = running.pop(conn)
            results[index] = _receive(conn, process, jobs[index])
        now = time.monotonic()
        for conn, (index, process, deadline, allowed) in list(running.items()):
            if now >= deadline:
                process.kill()
                process.join()
                conn.close()
                del running[conn]
                results[index] = _failed(jobs[index], "timeout", f"timed out: reading took longer than {allowed:.0f} s")
    return [r for r in results if r is not None]


def _receive(conn: Connection, process: multiprocessing.Process, job: Job) -> FileExtraction:
    try:
        status, payload = conn.recv()
    except (EOFError, OSError):
        status, payload = None, None
    finally:
        conn.close()
    process.join()
    if status == "ok":
        return FileExtraction.from_dict(payload)
    if status == "failed":
        return _failed(job, *payload)
    code = process.exitcode
    why = f"killed by signal {-code}" if code and code < 0 else f"exit status {code}"
    if code == -9:
        why += " (out of memory?)"
    return _failed(job, "crashed", f"the worker reading it died: {why}")
