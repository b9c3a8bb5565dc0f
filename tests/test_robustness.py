"""Bad input: every file of the robustness corpus ends extracted or recorded with the right reason."""

from pathlib import Path

import pytest

from extract.isolate import Job, Limits, extract_isolated
from tests.conftest import SAMPLES, SHARED

ROBUSTNESS = SHARED / "corpus" / "robustness"

# What each file must end as: "extracted" (with text to search), or the kind of its failure.
EXPECTED = {
    "derived_truncated_pdflatex-4-pages_first12000B.pdf": "damaged",
    "pdfjs_empty_protected.pdf": "no_text",  # opens with the empty password; nothing on the page
    "pdfjs_scan-bad.pdf": "extracted",  # a scan: read by OCR
    "pdfminer_AcroForm_TEST.pdf": "extracted",
    "pdfminer_aes-256-r6.pdf": "encrypted",
    "pdfminer_encrypted_doc_no_id.pdf": "extracted",
    "pdfminer_issue-1113-evil-xobjects.pdf": "extracted",
    "pdfminer_issue-791-non-unicode-cmap.pdf": "extracted",
    "pdfminer_zen_of_python_corrupted.pdf": "extracted",
    "pdfplumber_empty.pdf": "not_pdf",
    "pdfplumber_malformed-from-issue-932.pdf": "extracted",
    "pdfplumber_nics-background-checks-2015-11-rotated.pdf": "extracted",
    "pdfplumber_password-example.pdf": "encrypted",
    "qpdf_bad1.pdf": "not_pdf",
    "qpdf_bad2.pdf": "extracted",  # no startxref: PDFium recovers the page
    "qpdf_bad24.pdf": "extracted",
    "qpdf_bad7.pdf": "no_text",
    "qpdf_damaged-stream.pdf": "extracted",
    "qpdf_empty.pdf": "no_pages",
    "qpdf_leading-junk.pdf": "extracted",  # junk before the header, RC4 with an empty password
    "qpdf_no-pages-types.pdf": "extracted",
    "qpdf_pages-loop.pdf": "extracted",
    "qpdf_xref-errors.pdf": "extracted",
    "samplefiles_GeoTopo-komprimiert_117pages.pdf": "extracted",
    "samplefiles_habibi-rotated.pdf": "extracted",
}
REASONS = {
    "encrypted": "encrypted: a password is needed to open it",
    "not_pdf": "not a PDF",
    "no_pages": "the PDF has no pages",
    "no_text": "no text on any page",
    "damaged": "damaged beyond repair",
}


@pytest.fixture(scope="module")
def results():
    files = sorted(ROBUSTNESS.glob("*.pdf"))
    if not files:
        pytest.skip("../shared/corpus/robustness is not beside this checkout")
    assert {f.name for f in files} == set(EXPECTED), "the corpus changed: update EXPECTED"
    jobs = [Job(f, f.name) for f in files]
    return {job.source: result for job, result in zip(jobs, extract_isolated(jobs, "pdfium"), strict=True)}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_ends_extracted_or_recorded_with_its_reason(results, name):
    result = results[name]
    if EXPECTED[name] == "extracted":
        assert result.failure is None, result.failure
        assert result.pages > 0 and any(doc.text for doc in result.documents)
    else:
        assert result.failure is not None and result.failure.kind == EXPECTED[name]
        assert result.failure.reason.startswith(REASONS[EXPECTED[name]])
        assert "\n" not in result.failure.reason


def test_scans_and_broken_text_are_read_by_ocr(results):
    assert results["pdfjs_scan-bad.pdf"].ocr_pages == [1]


def test_a_file_over_its_time_limit_fails_alone(tmp_path):
    slow, fast = SAMPLES / "ssu-2023-02-23-moteinnkalling-med-vedlegg.pdf", SAMPLES / "fsu-rest-mandat-2021.pdf"
    tight = Limits(seconds=0.05, seconds_per_page=0.0)
    (slow_result,) = extract_isolated([Job(slow, slow.name)], "pdfium", workers=1, limits=tight)
    assert slow_result.failure.kind == "timeout"
    assert slow_result.failure.reason == "timed out: reading took longer than 0 s"
    results = extract_isolated([Job(slow, slow.name), Job(fast, fast.name)], "pdfium", workers=2, limits=Limits())
    assert [r.failure for r in results] == [None, None]


MEMORY_SCENARIO = """
import json, sys
from pathlib import Path
from extract.isolate import Job, Limits, extract_isolated
import extract.pipeline, extract.layout.pdfium, extract.ocr, pdfplumber, pytesseract
from extract.names.mentions import nlp
nlp()  # everything a worker inherits: the limit counts from there
scan, fine = Path(sys.argv[1]), Path(sys.argv[2])
# 40 MB more than the forked worker holds parses a page, but cannot hold a page rendered at 300 dpi.
results = extract_isolated([Job(scan, scan.name), Job(fine, fine.name)], "pdfium", workers=1,
                           limits=Limits(memory_mb=40))
print(json.dumps([r.failure.to_dict() if r.failure else None for r in results]))
"""


def test_a_file_that_needs_too_much_memory_fails_alone(tmp_path):
    import json
    import subprocess
    import sys

    from tests import pdfs

    scan = pdfs.scanned_copy(SAMPLES / "fsu-rest-mandat-2021.pdf", tmp_path / "scan.pdf")  # OCR renders a bitmap
    fine = SAMPLES / "fsu-rest-mandat-2021.pdf"
    run = subprocess.run([sys.executable, "-c", MEMORY_SCENARIO, str(scan), str(fine)],
                         capture_output=True, text=True, check=True)  # fmt: skip
    starved, after = json.loads(run.stdout.splitlines()[-1])
    assert starved is not None and starved["kind"] in ("too_large", "crashed"), starved
    assert starved["stage"] == "extract"
    assert after is None  # the next file is read as usual


def test_extract_command_over_the_robustness_corpus_exits_normally(tmp_path, results):
    import subprocess
    import sys

    files = sorted(ROBUSTNESS.glob("*.pdf"))
    run = subprocess.run([sys.executable, "-m", "minutes.cli", "extract", *map(str, files), "--out", str(tmp_path)],
                         capture_output=True, text=True, check=False, timeout=900)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == sorted(Path(f).stem for f in files)


def test_broken_page_trees_and_a_flate_bomb_get_the_right_reason(tmp_path):
    from tests import pdfs

    (bomb,) = extract_isolated(
        [Job(pdfs.flate_bomb(tmp_path / "bomb.pdf"), "bomb.pdf")], backend="pdfium", limits=Limits(memory_mb=300)
    )
    assert bomb.failure.kind == "too_large" and "300 MB" in bomb.failure.reason  # not "crashed by signal 6"
    jobs = [
        Job(pdfs.deep_page_tree(tmp_path / "deep.pdf"), "deep.pdf"),
        Job(pdfs.lying_page_count(tmp_path / "count.pdf"), "count.pdf"),
    ]
    deep, count = extract_isolated(jobs, backend="pdfium", workers=1)
    assert deep.failure.kind == "damaged"
    # the page that is there is read (by pdfminer, which walks the tree): nothing claimed is invented
    assert count.failure is None and count.pages == 1


def test_the_memory_limit_is_shared_among_the_workers():
    from extract.isolate import memory_per_worker

    assert memory_per_worker(2048, 1) <= 2048
    assert memory_per_worker(10**9, 4) * 4 <= memory_per_worker(10**9, 1) * 1 + 10


def test_a_worker_forked_from_a_large_process_still_has_its_whole_memory_budget(tmp_path):
    """Regression: the cap counted the address space the worker inherits, so a worker forked
    from a long-lived process (2 GB of thread stacks and arenas in the test run) had no room
    left and died of a signal on a damaged page tree instead of recording it as damaged."""
    import mmap

    from tests import pdfs

    reserved = mmap.mmap(-1, 2500 << 20)  # address space only: the pages are never touched
    try:
        sample_pdf = sorted(SAMPLES.glob("*.pdf"))[0]
        jobs = [Job(pdfs.deep_page_tree(tmp_path / "deep.pdf"), "deep.pdf"), Job(sample_pdf, sample_pdf.name)]
        deep, sample = extract_isolated(jobs, backend="pdfium", workers=1)
    finally:
        reserved.close()
    assert deep.failure.kind == "damaged"
    assert sample.failure is None and sample.pages


def test_no_worker_outlives_the_process_that_started_it():
    """Regression: a worker held the parent's end of its own pipe (copied by the fork), so when
    its parent was killed (a Dask worker, say) it waited for a job for ever, orphaned."""
    import multiprocessing
    import os
    import signal
    import time

    from extract.isolate import Pool

    def start_a_worker_then_wait(report) -> None:
        pool = Pool("pdfium", workers=1)
        pool.slots.append(pool._start())
        report.send(pool.slots[0].process.pid)
        time.sleep(600)

    context = multiprocessing.get_context("fork")
    mine, theirs = context.Pipe()
    parent = context.Process(target=start_a_worker_then_wait, args=(theirs,))
    parent.start()
    worker = mine.recv()
    os.kill(parent.pid, signal.SIGKILL)
    parent.join()
    for _ in range(100):
        try:  # gone, or a zombie (a container's init may not reap it)
            if Path(f"/proc/{worker}/stat").read_text().split(")")[-1].split()[0] == "Z":
                break
        except FileNotFoundError:
            break
        time.sleep(0.1)
    else:
        os.kill(worker, signal.SIGKILL)
        raise AssertionError("the worker was still waiting 10 s after its parent was killed")


def test_the_pool_hands_out_the_largest_files_first(tmp_path):
    """Longest first: a large file met last would keep one worker reading while the others idle.
    A file that cannot be sized (gone) goes last; results still come back in the jobs' order."""
    from extract.isolate import largest_first

    sizes = {"small.pdf": 10, "large.pdf": 3000, "middle.pdf": 500, "also-middle.pdf": 500}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"%PDF-1.4\n" + b" " * size)
    names = ["small.pdf", "gone.pdf", "middle.pdf", "large.pdf", "also-middle.pdf"]
    jobs = [Job(tmp_path / name, name) for name in names]
    assert [names[i] for i in largest_first(jobs)] == [
        "large.pdf",
        "middle.pdf",
        "also-middle.pdf",
        "small.pdf",
        "gone.pdf",
    ]
    present = [job for job in jobs if job.path.exists()]
    results = extract_isolated(present, "pdfium", workers=1)
    assert [r.source for r in results] == [job.source for job in present]


def test_pdfiums_stale_password_error_does_not_make_the_next_broken_file_encrypted():
    """PDFium keeps its last load error: a file it fails to open without saying why came back
    "encrypted" when it followed an encrypted file in the same worker (which files a worker
    reads together depends on the order they are handed out in)."""
    from extract.pipeline import extract_pdf

    encrypted, empty = ROBUSTNESS / "pdfminer_aes-256-r6.pdf", ROBUSTNESS / "qpdf_empty.pdf"
    if not (encrypted.exists() and empty.exists()):
        pytest.skip("../shared/corpus/robustness is not beside this checkout")
    assert extract_pdf(encrypted).failure.kind == "encrypted"
    assert extract_pdf(empty).failure.kind == "no_pages"


def test_a_file_gone_before_its_worker_reads_it_is_recorded_and_the_run_goes_on(tmp_path):
    """A file listed for extraction and removed (or made unreadable) before it is read fails
    alone, with its reason; it had failed the whole run when the pool hashed it for its record."""
    kept = tmp_path / "kept.pdf"
    kept.write_bytes((SAMPLES / sorted(p.name for p in SAMPLES.glob("*.pdf"))[0]).read_bytes())
    jobs = [Job(tmp_path / "gone.pdf", "gone.pdf"), Job(kept, "kept.pdf")]
    gone, read = extract_isolated(jobs, "pdfium", workers=1)
    assert (gone.source, gone.failure.kind) == ("gone.pdf", "unreadable")
    assert gone.failure.reason.startswith("cannot be read: ")
    assert read.failure is None and read.documents
