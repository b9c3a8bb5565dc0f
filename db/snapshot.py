"""A consistent one-file copy of the archive's database, for read-only serving."""

from __future__ import annotations

from pathlib import Path


def snapshot(db_path: Path, target: Path) -> Path:
    """A consistent copy of the database in one file (no -wal, no -shm), for serving from a
    read-only mount or by a user who may not write: `minutes serve --db COPY --immutable`."""
    import sqlite3

    if not db_path.exists():
        raise FileNotFoundError(f"no database at {db_path}; build the archive first")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    source, copy = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True), sqlite3.connect(tmp)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # a single file: readers need no -shm
    finally:
        copy.close()
        source.close()
    tmp.replace(target)
    return target
