"""Atomic loads: a build killed in the middle leaves a consistent database; the next run completes."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.conftest import SAMPLES

COPIES = 12


def consistent(archive_dir) -> tuple[int, int]:
    """Every loaded file has all its documents and cases, none half; returns (files, cases)."""
    con = sqlite3.connect(archive_dir / "minutes.db", timeout=30)
    try:
        assert con.execute("pragma integrity_check").fetchone() == ("ok",)
        assert con.execute("pragma foreign_key_check").fetchall() == []
        for sha, docs, cases in con.execute(
            """select f.sha256, (select count(*) from documents d where d.file_sha256 = f.sha256),
                      (select count(*) from cases c join documents d on d.id = c.document_id
                        where d.file_sha256 = f.sha256)
               from files f"""
        ):
            extraction = json.loads((archive_dir / "extractions" / f"{sha}.json").read_text())
            assert docs == len(extraction["documents"])
            assert cases == sum(len(d["cases"]) for d in extraction["documents"])
        return con.execute("select (select count(*) from files), (select count(*) from cases)").fetchone()
    finally:
        con.close()


def test_a_build_killed_while_loading_leaves_a_consistent_database(tmp_path):
    source = (SAMPLES / "ssu-2023-02-23-moteinnkalling-med-vedlegg.pdf").read_bytes()
    files = []
    for i in range(COPIES):
        path = tmp_path / f"kopi-{i:02d}.pdf"
        path.write_bytes(source + f"\n% kopi {i}\n".encode())  # other bytes, the same document
        files.append(str(path))
    archive = tmp_path / "archive"
    command = [sys.executable, "-m", "minutes.cli", "build", *files, "--archive", str(archive)]
    proc = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    loaded, deadline = 0, time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            con = sqlite3.connect(archive / "minutes.db", timeout=0.05)
            loaded = con.execute("select count(*) from files").fetchone()[0]
            con.close()
        except sqlite3.Error:
            pass  # not there yet, or locked by the writer
        if loaded >= 2:
            os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the build ended before it could be killed mid-load"
    files_then, _ = consistent(archive)
    assert 2 <= files_then < COPIES
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    files_now, cases_now = consistent(archive)
    one = json.loads(next((archive / "extractions").glob("*.json")).read_text())
    assert (files_now, cases_now) == (COPIES, COPIES * sum(len(d["cases"]) for d in one["documents"]))
