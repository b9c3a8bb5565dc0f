"""Shared fixtures: the bundled sample PDFs, the shared dev corpus, a built archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.ingest import ingest
from archive.store import Archive
from extract.pipeline import extract_many
from models.extraction import FileExtraction

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
SCHEMA = Path(__file__).parent / "fixtures" / "extraction.schema.json"


@pytest.fixture(scope="session")
def samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.pdf"))


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not any(DEV.glob("*.gold.json")):
        pytest.skip("the shared dev corpus (../shared/corpus/dev) is not beside this checkout")
    return DEV


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_archive(tmp_path_factory: pytest.TempPathFactory, samples: list[Path]) -> Archive:
    """The bundled samples built into an archive once for the whole session (read-only use)."""
    archive = Archive(tmp_path_factory.mktemp("archive"))
    ingest(samples, archive)
    return archive


@pytest.fixture(scope="session")
def sample_extractions(samples: list[Path]) -> list[FileExtraction]:
    """The bundled samples extracted once for the session (do not modify)."""
    return extract_many(samples)
