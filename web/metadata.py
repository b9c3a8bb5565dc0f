"""The archive's Datasette metadata (titles, descriptions, facets, canned queries, dashboards),
given to whatever name the database is served under.

metadata.yaml describes the archive as the database `minutes`; Datasette keys metadata by the
file's name, so `minutes serve --db m.db` or a plain `datasette m.db` would otherwise lose the
titles and facets. Every served database that holds an archive's tables gets the same section.
"""

from __future__ import annotations

import copy
import sqlite3
from functools import lru_cache
from pathlib import Path

import yaml

METADATA_FILE = Path(__file__).parent / "metadata.yaml"
DESCRIBED_AS = "minutes"  # the database name metadata.yaml uses
ARCHIVE_TABLES = {"cases", "documents", "attendance"}


@lru_cache(maxsize=1)
def described() -> dict:
    return yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=64)
def _holds_archive(path: str, mutable: bool) -> bool:
    uri = f"file:{path}?mode=ro" + ("" if mutable else "&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return ARCHIVE_TABLES.issubset(names)


def archive_databases(datasette) -> list[str]:
    """Names of the served databases that hold an archive."""
    return [
        name
        for name, db in datasette.databases.items()
        if db.path and not db.is_memory and _holds_archive(str(db.path), db.is_mutable)
    ]


@lru_cache(maxsize=16)
def for_names(names: tuple[str, ...]) -> dict:
    """metadata.yaml with its database section under each of `names`, and the dashboards
    reading the first of them."""
    base = copy.deepcopy(described())
    section = base.pop("databases", {}).get(DESCRIBED_AS, {})
    base["databases"] = {name: copy.deepcopy(section) for name in names}
    for dashboard in base.get("plugins", {}).get("datasette-dashboards", {}).values():
        for chart in dashboard.get("charts", {}).values():
            if chart.get("db") == DESCRIBED_AS:
                chart["db"] = names[0] if names else DESCRIBED_AS
    return base
