"""Shared fixtures: the shared dev corpus (read from ../shared, never copied here), a built archive."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from archive.ingest import ingest
from archive.store import Archive
from extract.pipeline import extract_many
from models.extraction import FileExtraction
from tests.serving import serving

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
# The PDFs most tests build from: the dev corpus itself.
SAMPLES = DEV
GENRE = SHARED / "corpus" / "genre"
SCHEMA = Path(__file__).parent / "fixtures" / "extraction.schema.json"


@pytest.fixture(scope="session")
def samples() -> list[Path]:
    found = sorted(SAMPLES.glob("*.pdf"))
    if not found:
        pytest.fail(f"no sample PDFs: the shared dev corpus ({SAMPLES}) must be beside this checkout")
    return found


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not any(DEV.glob("*.gold.json")):
        pytest.skip("the shared dev corpus (../shared/corpus/dev) is not beside this checkout")
    return DEV


@pytest.fixture(scope="session")
def genre_corpus() -> Path:
    if not any(GENRE.glob("*.gold.json")):
        pytest.skip("the shared genre corpus (../shared/corpus/genre) is not beside this checkout")
    return GENRE


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_archive(tmp_path_factory: pytest.TempPathFactory, samples: list[Path]) -> Archive:
    """The sample PDFs built into an archive once for the whole session (read-only use)."""
    archive = Archive(tmp_path_factory.mktemp("archive"))
    ingest(samples, archive)
    return archive


@pytest.fixture(scope="session")
def sample_extractions(samples: list[Path]) -> list[FileExtraction]:
    """The sample PDFs extracted once for the session (do not modify)."""
    return extract_many(samples)


@pytest.fixture(scope="session")
def server(built_archive):
    """`minutes serve` on the built sample archive."""
    with serving(built_archive.root) as base:
        yield base


# Headless, offline: no background connections to Google's services on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright, for the tests of the web pages. Per module, not per
    session: while Playwright's sync API is open, its event loop runs in the main thread, and the
    tests that call asyncio.run (the in-process Datasette) cannot."""
    from playwright.sync_api import sync_playwright

    chromium = system_tool("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def system_tool(name: str) -> str:
    """Path of a program from Debian's packages (installed by `make system-deps`); CI requires it."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed: run 'make system-deps' (apt-get) first"
        if os.environ.get("MINUTES_REQUIRE_SYSTEM_DEPS"):
            pytest.fail(message)
        pytest.skip(message)
    return path
