"""`make bench` at a tiny size: every section runs on real files, processes and servers and
reports what it measured. The verdicts are not asserted (at this size start-up dominates);
what must hold at any size is."""

import json
import subprocess
import sys

from tests.conftest import ROOT, system_tool


def test_the_benchmark_runs_every_section_and_reports(tmp_path):
    system_tool("pdftotext")
    out = tmp_path / "bench.json"
    args = ["--files", "3", "--rounds", "2", "--long-pages", "4", "--site-files", "4", "--cases", "60"]
    args += ["--work", str(tmp_path)]
    proc = subprocess.run(
        [sys.executable, "-m", "bench.run", *args, "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr  # 1: a target missed, not a failure
    data = json.loads(out.read_text())
    runs = data["extraction"]["runs"]
    expected = {"pdftotext", "pdfium", "pdfplumber", "pdfium-1", "pdfium-2", "pdfplumber-1", "pdfplumber-2", "dask-2"}
    assert set(runs) == expected
    assert all(r["seconds"] > 0 and r["peak_mb"] > 0 for r in runs.values())
    assert data["extraction"]["rounds"] == 2 and "the fastest of 2 runs" in proc.stdout
    assert data["long"]["pages"] >= 4
    first, unchanged, added = data["update"]
    assert (first["downloaded"], first["extracted"]) == (4, 4)
    assert (unchanged["downloaded"], unchanged["extracted"]) == (0, 0)
    assert (added["downloaded"], added["extracted"]) == (1, 1)
    assert data["search"]["cases"] == 60 and max(data["search"]["hits"].values()) > 0
    assert "× pdfplumber" in proc.stdout and "p95 ms" in proc.stdout and "local Dask cluster" in proc.stdout
