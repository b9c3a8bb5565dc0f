"""The command line: exit codes and messages, one library call per command."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from minutes.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_extract_writes_one_json_per_pdf(tmp_path, samples):
    result = run("extract", *samples[:2], "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.json")) == sorted(f"{p.stem}.json" for p in samples[:2])
    assert "2 files written" in result.output


def test_missing_input_is_a_usage_error(tmp_path):
    result = run("extract", tmp_path / "nope.pdf", "--out", tmp_path)
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_unreadable_file_is_reported_and_recorded_and_strict_makes_it_fail(tmp_path, samples):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    result = run("extract", samples[0], bad, "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "broken.pdf: damaged beyond repair" in result.output
    assert json.loads((tmp_path / "out" / "broken.json").read_text())["failure"]["kind"] == "damaged"
    assert run("extract", samples[0], bad, "--out", tmp_path / "out", "--strict").exit_code == 3


def test_load_rejects_a_file_that_is_not_an_extraction(tmp_path):
    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2]")
    result = run("load", junk, "--db", tmp_path / "x.db")
    assert result.exit_code == 1
    assert result.output.startswith("minutes: error:") and "not an extraction file" in result.output


def test_extract_then_load_then_serve_smoke(tmp_path, samples):
    small = [p for p in samples if p.stat().st_size < 50_000]
    assert run("extract", *small, "--out", tmp_path / "out").exit_code == 0
    assert run("load", tmp_path / "out", "--db", tmp_path / "minutes.db").exit_code == 0
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "minutes.cli",
            "serve",
            "--db",
            tmp_path / "minutes.db",
            "--get",
            "/minutes/cases.json?_shape=array&_size=max",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    numbers = {row["number"] for row in json.loads(result.stdout)}
    assert {"27/2024", "20/2024", "07/2024"} <= numbers


def test_serve_needs_a_built_archive(tmp_path):
    result = run("serve", "--archive", tmp_path / "empty", "--get", "/")
    assert result.exit_code == 1
    assert "no database" in result.output
    assert run("serve", "--archive", tmp_path, "--db", tmp_path / "x.db").exit_code == 2


def test_installed_entry_point_reports_its_version():
    result = subprocess.run(
        [sys.executable, "-m", "minutes.cli", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "minutes, version" in result.stdout


def test_serve_behind_a_proxy_prefixes_its_links(tmp_path, built_archive):
    result = subprocess.run(
        [sys.executable, "-m", "minutes.cli", "serve", "--archive", str(built_archive.root), "--base-url", "/arkiv/",
         "--get", "/minutes/cases?_search=aldersadekvate"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert 'href="/arkiv/dokument/' in result.stdout
    assert run("serve", "--archive", built_archive.root, "--base-url", "arkiv").exit_code == 1


def test_build_prints_each_file_it_could_not_read_with_its_reason(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "feilside.pdf"
    bad.write_bytes(b"<html><body>404</body></html>")
    result = subprocess.run(
        [sys.executable, "-m", "minutes.cli", "build", str(bad), "--archive", str(tmp_path / "a")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert "minutes: feilside.pdf: not a PDF: an HTML page" in result.stderr


def test_the_console_script_freezes_what_is_alive_at_its_exit(monkeypatch):
    """The installed `minutes` runs main, which leaves the objects alive at exit to the process's
    end instead of the interpreter's last collections; `cli`, invoked in-process, does not."""
    import gc
    from importlib.metadata import entry_points

    from minutes.cli import main

    (script,) = entry_points(group="console_scripts", name="minutes")
    assert script.value == "minutes.cli:main"
    monkeypatch.setattr(sys, "argv", ["minutes", "--version"])
    gc.unfreeze()
    try:
        CliRunner().invoke(cli, ["--version"])
        assert gc.get_freeze_count() == 0
        with pytest.raises(SystemExit) as exit_:
            main()
        assert exit_.value.code == 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
