"""PDFs extracted in worker processes, each file with a time limit and a memory limit.

A file that makes pdfminer or PDFium hang, or swell until the machine swaps, fails alone and is
recorded with its reason; the other files go on, on as many workers as there are cores.

Workers are forked once with everything loaded and read many files each: a fork per file cost
about a third of the time of a small file. A worker that times out or dies is replaced; one
that ran out of memory is replaced too, and the file is tried once more in a fresh worker, in
case earlier files left the old one's memory fragmented. Workers retire after MAX_FILES files.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extract.names.mentions import NameSearch, find_deferred
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


def largest_first(jobs: Sequence[Job]) -> list[int]:
    """The order jobs are handed out in: the largest files first (size stands for the work, and is
    known without opening the file), so that no large file is left to the end while the other
    workers idle; files of one size keep their order, and a file that cannot be sized goes last."""

    def size(index: int) -> int:
        try:
            return jobs[index].path.stat().st_size
        except OSError:
            return -1

    return sorted(range(len(jobs)), key=lambda index: -size(index))


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
    from extract.pipeline import file_record

    result = file_record(job.path, job.source)  # the file's hash and size, as far as it can still be read
    result.failure = Failure(stage="extract", kind=kind, reason=reason)
    return result


MAX_FILES = 100  # files a worker reads before it is replaced by a fresh one


def _address_space() -> int:
    """Bytes of address space this process has mapped (0 where /proc is not there)."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cap_memory(memory_mb: int) -> None:
    """Let reading a file add at most `memory_mb` of address space. The cap counts from what the
    worker inherits at the fork (the loaded libraries and models, and the reservations of the
    parent's threads, which can pass 2 GB in a long-lived process): a cap on the total would
    leave a worker of a large parent no room even for its stack, and it would die of a signal."""
    limit = _address_space() + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))


def _next_job(conn: Connection, parent: int) -> Job | None:
    """The next job; None when told to stop or when the parent is gone (killed, say, with the
    Dask worker that started the pool), so that no worker outlives the process it serves."""
    while not conn.poll(1.0):
        if os.getppid() != parent:
            return None
    return conn.recv()


def _serve(conn: Connection, parent_end: Connection, backend: str, memory_mb: int) -> None:
    """In the worker: cap memory, then extract each job sent until told to stop."""
    parent_end.close()  # the fork copied it: held here, it would hide the parent's death
    parent = os.getppid()
    _cap_memory(memory_mb)
    from extract.pipeline import extract_pdf_but_names

    while (job := _next_job(conn, parent)) is not None:
        try:
            result, searches = extract_pdf_but_names(job.path, source=job.source, backend=backend)
            conn.send(("ok", (result.to_dict(), searches)))
        except MemoryError:
            conn.send(("failed", ("too_large", f"needed more than {memory_mb} MB of memory to read")))
            return  # what is left of the heap is not to be trusted with another file
        except BaseException as exc:  # a bug of ours or of a library: recorded, never fatal to the run
            conn.send(("failed", ("crashed", f"extraction failed: {type(exc).__name__}: {exc}")))
    conn.close()


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: Connection
    files: int = 0  # files read so far
    job: int | None = None  # index of the job it is reading
    deadline: float = 0.0
    allowed: float = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):  # already gone
                self.conn.send(None)
        self.process.join()
        self.conn.close()


def extract_isolated(
    jobs: Sequence[Job], backend: str, workers: int | None = None, limits: Limits = Limits()
) -> list[FileExtraction]:
    """Results in the order of `jobs`; a file that times out, crashes or runs out of memory
    comes back with its failure recorded."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    with Pool(backend, workers, limits) as pool:
        return pool.run(jobs)


class Pool:
    """Worker processes kept between runs (a Dask worker reads file after file through one).

    The workers never load spaCy: they send back which case texts can hold a name, and the pool
    finds those names itself, with spaCy loaded once in a thread while the workers read on
    (importing it costs about as much as reading thirty short PDFs)."""

    def __init__(self, backend: str, workers: int, limits: Limits = Limits()) -> None:
        from extract.pipeline import preload

        self.backend, self.workers, self.limits = backend, workers, limits
        self.memory_mb = memory_per_worker(limits.memory_mb, workers)
        self.context = multiprocessing.get_context("fork")
        self.slots: list[_Worker] = []
        self.loader: threading.Thread | None = None  # loads spaCy, from the first case text that needs it
        self.searched = 0  # case texts searched for names by this pool
        preload(backend)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.slots:
            worker.stop(kill=worker.job is not None)
        self.slots = []

    def _start(self) -> _Worker:
        if self.loader is not None:
            # a fork while the thread imports would leave the child with import locks held by a
            # thread it does not have
            self.loader.join()
        mine, theirs = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(theirs, mine, self.backend, self.memory_mb), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def run(self, jobs: Sequence[Job]) -> list[FileExtraction]:
        """Results in the order of `jobs`; a worker that dies or times out is replaced."""
        limits, memory_mb, pool = self.limits, self.memory_mb, self.slots
        start = self._start

        def assign(n: int, index: int) -> None:
            """Send job `index` to the worker in slot `n`, replacing a worker that died while idle."""
            try:
                pool[n].conn.send(jobs[index])
            except OSError:  # killed while idle (the kernel's OOM killer): a fresh one takes the job
                pool[n].stop(kill=True)
                pool[n] = start()
                pool[n].conn.send(jobs[index])
            worker = pool[n]
            worker.job, worker.allowed = index, limits.time_for(count_pages(jobs[index].path))
            worker.deadline = time.monotonic() + worker.allowed

        pending = deque(largest_first(jobs))
        retried: set[int] = set()
        results: list[FileExtraction | None] = [None] * len(jobs)
        unnamed: list[tuple[int, list[NameSearch]]] = []  # results whose case texts wait for spaCy
        try:
            while pending or any(w.job is not None for w in pool):
                for n in range(self.workers):  # hand a job to every idle worker, starting workers as needed
                    if not pending:
                        break
                    if n == len(pool):
                        pool.append(start())
                    if pool[n].job is not None:
                        continue
                    if pool[n].files >= MAX_FILES:
                        pool[n].stop()
                        pool[n] = start()
                    assign(n, pending.popleft())
                busy = {w.conn: n for n, w in enumerate(pool) if w.job is not None}
                if self.loader is not None and not self.loader.is_alive():
                    # names while the workers read on: done before handing out work, they left them
                    # idle; and put aside for a worker that is done, which would wait for them
                    self._find_names(results, unnamed, until=list(busy))
                next_deadline = min(pool[n].deadline for n in busy.values())
                for conn in wait(list(busy), timeout=max(0.0, next_deadline - time.monotonic())):
                    n = busy[conn]
                    worker = pool[n]
                    index, fresh = worker.job, worker.files == 0
                    worker.job, worker.files = None, worker.files + 1
                    status, payload = _receive(conn)
                    if status == "ok":
                        result, searches = payload
                        results[index] = FileExtraction.from_dict(result)
                        if searches:
                            unnamed.append((index, searches))
                            self._load_names()
                        continue
                    if status is None:
                        worker.process.join(timeout=5)  # it closed the pipe by dying: let it finish, for its exit code
                        if worker.process.exitcode == -signal.SIGABRT:
                            # PDFium aborts when an allocation fails under the memory limit (a flate bomb)
                            status, payload = (
                                "failed",
                                ("too_large", f"needed more than {memory_mb} MB of memory to read"),
                            )
                    worker.stop(kill=True)
                    pool[n] = start()
                    if status == "failed" and payload[0] == "too_large" and not fresh and index not in retried:
                        retried.add(index)
                        assign(n, index)  # once more, in a worker with nothing read before it
                    elif status == "failed":
                        results[index] = _failed(jobs[index], *payload)
                    else:
                        results[index] = _failed(jobs[index], "crashed", _death(worker.process))
                now = time.monotonic()
                for n, worker in enumerate(pool):
                    if worker.job is not None and now >= worker.deadline:
                        index, allowed = worker.job, worker.allowed
                        worker.stop(kill=True)
                        pool[n] = start()
                        reason = f"timed out: reading took longer than {allowed:.0f} s"
                        results[index] = _failed(jobs[index], "timeout", reason)
        except BaseException:
            self.close()  # workers in the middle of a file are not to be trusted with the next
            raise
        if self.loader is not None:
            self.loader.join()
        self._find_names(results, unnamed)
        return [r for r in results if r is not None]

    def _load_names(self) -> None:
        """Import spaCy and load its pipeline in a thread: the workers read on meanwhile."""
        if self.loader is None:
            from extract.names.mentions import nlp

            self.loader = threading.Thread(target=nlp, name="spaCy loader", daemon=True)
            self.loader.start()

    def _find_names(
        self,
        results: list[FileExtraction | None],
        unnamed: list[tuple[int, list[NameSearch]]],
        until: Sequence[Connection] = (),
    ) -> None:
        """The names in the case texts the workers left (spaCy is loaded by now), one case text
        at a time; with `until`, stopped as soon as one of those workers has a result, the rest
        left in `unnamed` for the next turn."""
        while unnamed:
            index, searches = unnamed[0]
            result = results[index]
            assert result is not None
            try:
                find_deferred(result.documents, searches[:1])
            except Exception as exc:  # a bug of ours or of spaCy's: the file keeps what was read
                why = f"finding names in case texts failed: {type(exc).__name__}: {exc}"
                result.failure = result.failure or Failure("segment", "crashed", why)
                searches.clear()
            else:
                del searches[0]
                self.searched += 1
            if not searches:
                unnamed.pop(0)
            if until and wait(until, timeout=0):
                return


RESERVED_MB = 1024  # left to the parent and the system when the workers share the memory


def memory_per_worker(limit_mb: int, workers: int) -> int:
    """The limit of each worker: the configured one, but never more than the machine's memory
    (less a reserve) shared among the workers, so that all of them at their limit still fit."""
    try:
        total_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1024 * 1024)
    except (ValueError, OSError):
        return limit_mb
    share = max(256, (total_mb - RESERVED_MB) // max(1, workers))
    return min(limit_mb, share)


def _receive(conn: Connection) -> tuple[str | None, object]:
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None, None


def _death(process: multiprocessing.Process) -> str:
    code = process.exitcode
    why = f"killed by signal {-code}" if code and code < 0 else f"exit status {code}"
    if code == -9:
        why += " (out of memory?)"
    return f"the worker reading it died: {why}"
