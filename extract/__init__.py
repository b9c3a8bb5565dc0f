"""PDF → structured meeting documents: layout (pdfplumber), segmentation, names."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
from pathlib import Path

# Bumped by hand when what the extraction means changes (a new field, a new convention).
RULES_VERSION = "6"

# The code that decides what a file's extraction holds: any change to it may change a result.
_CODE = (Path(__file__).parent, Path(__file__).parent.parent / "models")


# The libraries that read the bytes (PDFium comes with pypdfium2) and find the names: a new
# version of any may read the same file otherwise. Tesseract, a program, is named by its file.
READERS = ("pypdfium2", "pdfplumber", "pdfminer.six", "spacy", "pytesseract", "rapidfuzz")


def code_digest(roots: tuple[Path, ...] = _CODE, readers: str = "") -> str:
    """A short digest of the Python source under `roots` and of `readers`, so that an archive
    re-extracts its files after any change of the rules or of the libraries that read them, not
    only after someone remembered to bump a number."""
    digest = hashlib.sha256(readers.encode() + b"\0")
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            digest.update(path.relative_to(root.parent).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:10]


def _normal(package: str) -> str:
    return re.sub(r"[-_.]+", "-", package).lower()


def readers_digest() -> str:
    """ "pypdfium2=5.15.2;…;tesseract=43344:…;": the installed versions, read off the
    dist-info folders beside pypdfium2 in one listing (importlib.metadata costs 40 ms a start)."""
    from importlib.metadata import PackageNotFoundError, version
    from importlib.util import find_spec

    found: dict[str, str] = {}
    spec = find_spec("pypdfium2")
    if spec is not None and spec.origin:
        site = Path(spec.origin).parent.parent
        with contextlib.suppress(OSError):  # unlisted: each is asked of importlib.metadata below
            for entry in os.listdir(site):
                if entry.endswith(".dist-info") and "-" in entry:
                    name, _, rest = entry[: -len(".dist-info")].partition("-")
                    found[_normal(name)] = rest
    parts = []
    for package in READERS:
        installed = found.get(_normal(package))
        if installed is None:
            try:
                installed = version(package)
            except PackageNotFoundError:
                installed = "none"
        parts.append(f"{package}={installed};")
    program = shutil.which("tesseract")
    try:
        stat = Path(program).resolve().stat() if program else None  # not its path: machines differ there
    except OSError:
        stat = None
    parts.append(f"tesseract={stat.st_size}:{stat.st_mtime_ns};" if stat else "tesseract=none;")
    return "".join(parts)


EXTRACTOR_VERSION = f"{RULES_VERSION}-{code_digest(readers=readers_digest())}"
