"""Extraction on a Dask cluster: one task per file, for archives larger than one machine reads.

`--engine dask` starts a local cluster (as many single-threaded worker processes as cores);
`--engine dask=tcp://host:8786` uses a running one. Each task reads its file by path (the
archive's objects on shared storage such as NFS, mounted at the same path on every worker) or
by an fsspec URL (`s3://bucket/archive/objects/…`), and extracts it with the same time and
memory limits per file as the local pool: the task runs the file in a child process of the
worker (extract.isolate, kept from task to task), so a file that hangs or swells fails alone
with the same reason it would get locally. What the engine adds is the rest: scheduling over many machines, and a
worker lost in the middle of a run (a machine gone, a worker killed) has its files redone on
the others. A file whose task kills worker after worker is recorded, not retried forever.

Results come back to the one process that writes the database; each is handed to `on_result`
as it arrives (the archive saves it to extractions/<sha256>.json at once), so an interrupted run
keeps what was done.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extract import EXTRACTOR_VERSION
from extract.isolate import Job, Limits, Pool, largest_first
from models.extraction import FileExtraction
from models.failure import Failure

log = logging.getLogger(__name__)

# Times a task may be on a worker that dies before the file is given up (Dask's own default is
# 3); applies to the local cluster, a running scheduler keeps its own configuration.
ALLOWED_FAILURES = 2
# A worker's memory limit: the per-file limit of its child process, and room for the worker.
WORKER_OVERHEAD_MB = 1024
DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Engine:
    """Where files are extracted: `local` (the pool of extract.isolate) or `dask[=ADDRESS]`."""

    kind: str = "local"
    address: str | None = None

    @classmethod
    def parse(cls, text: str) -> Engine:
        name, _, address = text.partition("=")
        if name not in ("local", "dask") or (name == "local" and address):
            raise ValueError(f"engine must be 'local', 'dask' or 'dask=SCHEDULER_ADDRESS', got {text!r}")
        return cls(name, address or None)

    def __str__(self) -> str:
        return self.kind + (f"={self.address}" if self.address else "")


@contextlib.contextmanager
def local_file(location: str) -> Iterator[Path]:
    """A path to read `location` from: the path itself, or a temporary copy of an fsspec URL."""
    if "://" not in location:
        yield Path(location)
        return
    if location.startswith("file://"):
        yield Path(location.removeprefix("file://"))
        return
    import fsspec

    with fsspec.open(location, "rb") as source, tempfile.NamedTemporaryFile(suffix=".pdf") as copy:
        shutil.copyfileobj(source, copy, 1 << 20)
        copy.flush()
        yield Path(copy.name)


DAEMON_SETTING = "distributed.worker.daemon"


def extract_task(location: str, source: str, backend: str, limits: Limits, expected: str = EXTRACTOR_VERSION) -> dict:
    """On a worker: one file's extraction, as the local pool would make it (a dict, to travel).

    A worker whose extractor version is not the run's (other code, another PDFium or Tesseract)
    refuses the file: its result would be taken for stale and extracted again on every run."""
    import multiprocessing

    if expected != EXTRACTOR_VERSION:
        raise RuntimeError(
            f"this Dask worker runs extractor {EXTRACTOR_VERSION}, the run's is {expected}: install the same "
            "code, Python packages and Tesseract on every machine"
        )
    if multiprocessing.current_process().daemon:
        raise RuntimeError(
            "this Dask worker is a daemonic process and may not start the child that reads a file with its "
            "time and memory limits: start the workers with DASK_DISTRIBUTED__WORKER__DAEMON=False"
        )
    with local_file(location) as path:
        (result,) = _worker_pool(backend, limits).run([Job(path, source)])
    return result.to_dict()


_POOLS: dict[tuple, Pool] = {}


def _worker_pool(backend: str, limits: Limits) -> Pool:
    """The child process this worker thread reads its files in: kept from task to task (a fork
    per file would cost a third of a small file's time), replaced when it dies or times out."""
    import threading

    key = (backend, limits, threading.get_ident())
    if key not in _POOLS:
        _POOLS[key] = Pool(backend, 1, limits)
    return _POOLS[key]


def _given_up(job: Job, location: str, error: BaseException) -> FileExtraction:
    """The record of a file the cluster could not extract: its workers died reading it."""
    from distributed import KilledWorker

    if isinstance(error, KilledWorker):
        kind, reason = "too_large", f"the cluster's workers died reading it {ALLOWED_FAILURES} times (out of memory?)"
    else:
        kind, reason = "crashed", f"extraction failed on the cluster: {type(error).__name__}: {error}"
    from extract.pipeline import file_record

    record = FileExtraction(source=job.source, sha256="", size=0, extractor=EXTRACTOR_VERSION)
    with contextlib.suppress(OSError, ValueError, ImportError), local_file(location) as path:
        record = file_record(path, job.source)
    record.failure = Failure(stage="extract", kind=kind, reason=reason)
    return record


@contextlib.contextmanager
def client_for(engine: Engine, workers: int | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator:
    """A Dask client: of the scheduler at the engine's address, or of a local cluster started
    (and stopped) here."""
    import dask
    from distributed import Client, LocalCluster

    if engine.address:
        with Client(engine.address) as client:
            yield client
        return
    settings = {"distributed.scheduler.allowed-failures": ALLOWED_FAILURES, DAEMON_SETTING: False}
    with dask.config.set(settings):
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            memory_limit=f"{limits.memory_mb + WORKER_OVERHEAD_MB}MB",
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()


def extract_on_cluster(
    jobs: Sequence[Job],
    backend: str,
    engine: Engine,
    workers: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    locations: Sequence[str] | None = None,
    on_result: Callable[[int, FileExtraction], None] | None = None,
) -> list[FileExtraction]:
    """Results in the order of `jobs`, one task per file; `locations` say where workers read
    each file (default: the job's path), `on_result` is called as each result arrives."""
    if not jobs:
        return []
    from distributed import as_completed

    where = list(locations) if locations is not None else [str(job.path) for job in jobs]
    results: list[FileExtraction | None] = [None] * len(jobs)
    run = uuid.uuid4().hex[:12]
    with client_for(engine, workers, limits) as client:
        order = largest_first(jobs)  # as the local pool: no large file left to the end
        futures = {
            client.submit(
                extract_task,
                where[i],
                jobs[i].source,
                backend,
                limits,
                EXTRACTOR_VERSION,
                key=f"extract-{run}-{i}",
                pure=False,
                priority=len(order) - rank,
            ): i
            for rank, i in enumerate(order)
        }
        for future in as_completed(futures):
            i = futures[future]
            if future.status == "finished":
                result = FileExtraction.from_dict(future.result())
            else:
                error = future.exception()
                log.warning("%s: %s", jobs[i].source, error)
                result = _given_up(jobs[i], where[i], error)
            results[i] = result
            if on_result is not None:
                on_result(i, result)
            future.release()
    return [r for r in results if r is not None]
