"""Serve an archive with Datasette and the front's plugins (installed with the package):
read-only, on 127.0.0.1 unless told otherwise.

The database is served as a mutable file (Datasette reads it with mode=ro) rather than as
immutable: the nightly update writes to it in WAL mode, and the site shows each loaded file
without a restart; an immutable file that changes under SQLite can give wrong answers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SQL_TIME_LIMIT_MS = 2000
# Suggested facets cost a query per column on every table page: four times the time of the
# search itself on a large archive. The configured facets (metadata.yaml) are still shown,
# unless counting them for a search matching most of the archive takes longer than the limit.
# Threads for SQL: hostile or slow queries (each held to the time limit) take a few, and a table
# page still finds one free.
SQL_THREADS = 8
SETTINGS = {
    "sql_time_limit_ms": SQL_TIME_LIMIT_MS,
    "suggest_facets": False,
    "facet_time_limit_ms": 150,
    "num_sql_threads": SQL_THREADS,
}


def datasette_args(
    db_path: Path,
    objects: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8001,
    base_url: str = "/",
    allow_sql: bool = True,
    immutable: bool = False,
) -> list[str]:
    args = [
        "serve",
        *(["--immutable"] if immutable else []),
        str(db_path),
        "--host",
        host,
        "--port",
        str(port),
        *(x for name, value in SETTINGS.items() for x in ("--setting", name, str(value).lower())),
        "--setting",
        "base_url",
        base_url,
        "--setting",
        "default_allow_sql",
        "on" if allow_sql else "off",
    ]
    if objects is not None:
        objects.mkdir(parents=True, exist_ok=True)
        args += ["--static", f"pdf:{objects}"]
    return args


def datasette(db_path: Path, objects: Path | None = None, allow_sql: bool = True):
    """The same Datasette `minutes serve` runs, in this process (for tests and scripts); the
    front's plugins come with the package (entry points), as they do for the served one."""
    from datasette.app import Datasette

    return Datasette(
        files=[str(db_path)],
        static_mounts=[("pdf", str(objects))] if objects else [],
        settings={**SETTINGS, "default_allow_sql": allow_sql},
    )


def serve(
    db_path: Path,
    objects: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8001,
    get: str | None = None,
    base_url: str = "/",
    allow_sql: bool = True,
    immutable: bool = False,
) -> int:
    """Run Datasette in the foreground; with `get`, answer one request and return (a smoke test).

    Serving replaces this process with Datasette's, so that a stop signal (systemd, Ctrl-C, a
    test's terminate) reaches the server itself instead of leaving it running, orphaned."""
    if not db_path.exists():
        raise FileNotFoundError(f"no database at {db_path}; build the archive first")
    if not (base_url.startswith("/") and base_url.endswith("/")):
        raise ValueError(f"base URL must start and end with '/', got {base_url!r}")
    args = datasette_args(db_path, objects, host, port, base_url, allow_sql, immutable)
    command = [sys.executable, "-m", "datasette", *args]
    if get:
        return subprocess.call([*command, "--get", get])
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, command)
