"""PDF → structured meeting documents: layout (pdfplumber), segmentation, names."""

from __future__ import annotations

import hashlib
from pathlib import Path

# Bumped by hand when what the extraction means changes (a new field, a new convention).
RULES_VERSION = "6"

# The code that decides what a file's extraction holds: any change to it may change a result.
_CODE = (Path(__file__).parent, Path(__file__).parent.parent / "models")


def code_digest(roots: tuple[Path, ...] = _CODE) -> str:
    """A short digest of the Python source under `roots`, so that an archive re-extracts its
    files after any change of the rules, not only after someone remembered to bump a number."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            digest.update(path.relative_to(root.parent).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:10]


EXTRACTOR_VERSION = f"{RULES_VERSION}-{code_digest()}"
