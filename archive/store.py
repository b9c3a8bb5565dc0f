"""Content-addressed storage of raw bytes: each distinct file is kept once, under its sha256.

Nothing is ever overwritten or deleted: a corrected PDF re-published under the same name is
another object. Broken and non-PDF files are kept too, so that nothing served is lost.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from models.files import looks_like_pdf


def object_name(sha256: str, suffix: str = ".pdf") -> str:
    """Where an object lives under objects/: two-character fan-out keeps directories small."""
    return f"{sha256[:2]}/{sha256}{suffix}"


@dataclass(frozen=True, slots=True)
class StoredFile:
    sha256: str
    path: Path
    size: int
    is_pdf: bool
    new: bool  # False when the same bytes were already in the archive


class Archive:
    """An archive directory: objects/ (the raw files) and minutes.db (what was read from them)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.objects = self.root / "objects"
        self.extractions = self.root / "extractions"

    @property
    def db_path(self) -> Path:
        return self.root / "minutes.db"

    @property
    def people_overrides(self) -> Path:
        """Curated person merges and splits: a plain file, reviewable in git."""
        return self.root / "people.yaml"

    def path_for(self, sha256: str, is_pdf: bool = True) -> Path:
        return self.objects / object_name(sha256, ".pdf" if is_pdf else ".bin")

    def find(self, sha256: str) -> Path | None:
        for is_pdf in (True, False):
            path = self.path_for(sha256, is_pdf)
            if path.exists():
                return path
        return None

    def add_bytes(self, data: bytes) -> StoredFile:
        sha = hashlib.sha256(data).hexdigest()
        is_pdf = looks_like_pdf(data)
        target = self.path_for(sha, is_pdf)
        if target.exists():
            return StoredFile(sha, target, len(data), is_pdf, new=False)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename, so a crash never leaves a half object under its name.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return StoredFile(sha, target, len(data), is_pdf, new=True)

    def add_file(self, path: str | Path) -> StoredFile:
        return self.add_bytes(Path(path).read_bytes())
