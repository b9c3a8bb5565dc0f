"""The `minutes` command: one library call per command, library errors mapped to exit codes.

Exit codes: 0 success (files that could not be read are recorded, not fatal); 1 error
(nothing or not everything could be done, message on stderr); 2 usage error; 3 with
--strict, some files could not be read.
"""

from __future__ import annotations

import gc
import json
import sqlite3
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from minutes import __version__

EXIT_ERROR = 1
EXIT_PARTIAL = 3
EXIT_BUSY = 75  # EX_TEMPFAIL: another update holds the archive; try again later


def _fail(message: str) -> None:
    click.echo(f"minutes: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def library_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's exceptions into one line on stderr and exit status 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from archive.lock import Busy

        try:
            return func(*args, **kwargs)
        except Busy as exc:
            click.echo(f"minutes: {exc}", err=True)
            sys.exit(EXIT_BUSY)
        except (OSError, sqlite3.Error, ValueError) as exc:
            _fail(str(exc) or type(exc).__name__)

    return wrapper


_archive_option = click.option(
    "--archive",
    "archive_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Archive directory.",
)


def _report_failures(failed: list, strict: bool) -> None:
    for result in failed:
        click.echo(f"minutes: {result.source}: {result.failure.reason}", err=True)
    if failed and strict:
        sys.exit(EXIT_PARTIAL)


@click.group()
@click.version_option(__version__, prog_name="minutes")
def cli() -> None:
    """Turn published PDF meeting documents into a searchable archive."""


def _engine(ctx: click.Context, param: click.Parameter, value: str):
    from extract.cluster import Engine

    try:
        return Engine.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def extraction_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--workers, --backend and --engine, for every command that extracts."""
    func = click.option(
        "--engine",
        default="local",
        show_default=True,
        callback=_engine,
        help="Where files are extracted: 'local' (worker processes here), 'dask' (a local Dask cluster) "
        "or 'dask=tcp://HOST:8786' (a running Dask scheduler).",
    )(func)
    func = click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes (default: every core; with a running Dask scheduler, its workers).",
    )(func)
    return click.option(
        "--backend",
        type=click.Choice(["pdfium", "pdfplumber"]),
        default="pdfium",
        show_default=True,
        help="Layout reader; pdfplumber is the slower reference, tables use it either way.",
    )(func)


def objects_url_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """--objects-url, for the archive's commands that extract on a cluster."""
    return click.option(
        "--objects-url",
        default=None,
        help="Where Dask workers read the archive's objects/ folder, as an fsspec URL (s3://bucket/archive/objects); "
        "default: the local path (shared storage mounted at the same path on every worker).",
    )(func)


def _options(backend: str, workers: int | None, engine=None, objects_url: str | None = None):
    from archive.ingest import ExtractOptions
    from extract.cluster import Engine

    return ExtractOptions(backend=backend, workers=workers, engine=engine or Engine(), objects_url=objects_url)


@cli.command()
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory for one <pdf name>.json per PDF.",
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also load the results into this SQLite database.",
)
@click.option("--strict", is_flag=True, help="Exit with status 3 if any PDF could not be read.")
@extraction_options
@library_errors
def extract(
    pdfs: tuple[Path, ...],
    out_dir: Path,
    db_path: Path | None,
    strict: bool,
    backend: str,
    workers: int | None,
    engine,
) -> None:
    """Extract cases, decisions and attendees from PDFs into JSON files."""
    from extract.pipeline import extract_to_dir

    results, report = extract_to_dir(pdfs, out_dir, backend=backend, workers=workers, engine=engine)
    if db_path is not None:
        _load(results, db_path)
    click.echo(f"{len(report.written)} files written to {out_dir}, {len(report.failed)} could not be read", err=True)
    _report_failures(report.failed, strict)


def _load(results: list, db_path: Path) -> None:
    from db.load import load_all
    from db.schema import open_db

    db = open_db(str(db_path))
    try:
        load_all(db, [(r, []) for r in results])
    finally:
        db.close()


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--db",
    "db_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite database to create or update.",
)
@library_errors
def load(inputs: tuple[Path, ...], db_path: Path) -> None:
    """Load extraction JSON files (or directories of them) into a database."""
    from models.extraction import FileExtraction

    files = [p for i in inputs for p in (sorted(i.glob("*.json")) if i.is_dir() else [i])]
    results = []
    for path in files:
        try:
            results.append(FileExtraction.from_dict(json.loads(path.read_text(encoding="utf-8"))))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: not an extraction file ({exc})") from exc
    _load(results, db_path)
    click.echo(f"{len(results)} extractions loaded into {db_path}", err=True)


@cli.command()
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--archive",
    "archive_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Archive directory (created if missing).",
)
@click.option("--strict", is_flag=True, help="Exit with status 3 if any file could not be read.")
@extraction_options
@objects_url_option
@library_errors
def build(
    pdfs: tuple[Path, ...],
    archive_dir: Path,
    strict: bool,
    backend: str,
    workers: int | None,
    engine,
    objects_url: str | None,
) -> None:
    """Add PDFs to an archive, extract what is new and load the database."""
    from archive.ingest import ingest
    from archive.store import Archive

    report = ingest(pdfs, Archive(archive_dir), _options(backend, workers, engine, objects_url))
    click.echo(
        f"{len(report.stored)} new files, {len(report.extracted)} extracted, {len(report.reused)} already extracted; "
        f"{len(report.load.loaded)} loaded, {len(report.load.unchanged)} unchanged → {archive_dir}",
        err=True,
    )
    for name, reason in report.load.reasons:
        click.echo(f"minutes: {name}: {reason}", err=True)
    if report.load.failed and strict:
        sys.exit(EXIT_PARTIAL)


@cli.command()
@click.option(
    "--archive",
    "archive_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Archive directory: serves its database and its PDFs.",
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A database without an archive (PDF links will not resolve).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; keep 127.0.0.1 behind a proxy.")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--get", "get_path", help="Answer one GET request for this path and exit (smoke test).")
@click.option("--base-url", default="/", show_default=True, help="Path prefix when published behind a proxy.")
@click.option(
    "--no-sql",
    is_flag=True,
    help="Turn off arbitrary SQL (the canned queries, tables and searches stay): for a public site.",
)
@click.option(
    "--immutable",
    is_flag=True,
    help="Serve a file nothing writes to (a snapshot), from a read-only mount or as a user who may not write.",
)
@library_errors
def serve(
    archive_dir: Path | None,
    db_path: Path | None,
    host: str,
    port: int,
    get_path: str | None,
    base_url: str,
    no_sql: bool,
    immutable: bool,
) -> None:
    """Serve the archive with Datasette."""
    from archive.store import Archive
    from web.serve import serve as run

    if (archive_dir is None) == (db_path is None):
        raise click.UsageError("give exactly one of --archive or --db")
    if archive_dir is not None:
        archive = Archive(archive_dir)
        code = run(archive.db_path, archive.objects, host, port, get_path, base_url, not no_sql, immutable)
    else:
        code = run(db_path, None, host, port, get_path, base_url, not no_sql, immutable)
    sys.exit(code)


@cli.command()
@_archive_option
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@library_errors
def snapshot(archive_dir: Path, target: Path) -> None:
    """Copy the archive's database, consistent and in one file, to TARGET (for read-only serving)."""
    from archive.store import Archive
    from db.snapshot import snapshot as copy

    click.echo(f"snapshot of {Archive(archive_dir).db_path} → {copy(Archive(archive_dir).db_path, target)}", err=True)


def _logging(verbose: bool) -> None:
    """Plain log lines on stdout when not on a terminal (journald keeps them; cron's `> /dev/null`
    drops them), so that stderr carries only what went wrong and cron mails only that."""
    import logging

    on_terminal = sys.stderr.isatty()
    logging.basicConfig(
        level=logging.INFO if verbose or not on_terminal else logging.WARNING,
        format="%(asctime)s %(name)s: %(message)s",
        datefmt="%Y-%m-%dT%H:%M:%S",
        stream=sys.stderr if on_terminal else sys.stdout,
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # our own lines say what each request did


def _crawl_config(archive_dir: Path, config_file: Path | None, start_urls: tuple[str, ...] = ()):
    from archive.config import load_config
    from archive.store import Archive
    from archive.update import config_path

    config = load_config(config_path(Archive(archive_dir), config_file))
    if start_urls:
        config.start_urls, config.allowed_hosts = list(start_urls), []
    return config


@cli.command()
@click.argument("start_urls", nargs=-1)
@click.option("--archive", "archive_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Crawl settings (YAML); default ARCHIVE/crawl.yaml, else the embedded site configuration.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
@library_errors
def crawl(start_urls: tuple[str, ...], archive_dir: Path, config_file: Path | None, verbose: bool) -> None:
    """Fetch new and changed PDFs linked from START_URLS (default: the configured committee pages)."""
    from archive.lock import Busy
    from archive.store import Archive
    from archive.update import crawl as run

    _logging(verbose)
    try:
        report = run(Archive(archive_dir), _crawl_config(archive_dir, config_file, start_urls))
    except Busy as exc:
        click.echo(f"minutes: {exc}", err=True)
        sys.exit(EXIT_BUSY)
    click.echo(
        f"{report.pages} pages, {report.documents} documents: {len(report.new)} new or changed, "
        f"{report.not_modified} not modified, {len(report.errors)} failed",
        err=True,
    )
    for url, why in report.errors:
        click.echo(f"FAILED {url}: {why}", err=True)
    if report.errors:
        sys.exit(EXIT_ERROR)


@cli.command()
@click.option("--archive", "archive_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Crawl settings (YAML); default ARCHIVE/crawl.yaml, else the embedded site configuration.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
@extraction_options
@objects_url_option
@library_errors
def update(
    archive_dir: Path,
    config_file: Path | None,
    verbose: bool,
    backend: str,
    workers: int | None,
    engine,
    objects_url: str | None,
) -> None:
    """Crawl, extract what is new, load: for cron or a systemd timer.

    Exit status 0 when everything went through, 1 with a summary when a request or a new file
    failed, 75 when another update is still running.
    """
    from archive.lock import Busy
    from archive.store import Archive
    from archive.update import update as run

    _logging(verbose)
    try:
        options = _options(backend, workers, engine, objects_url)
        report = run(Archive(archive_dir), _crawl_config(archive_dir, config_file), options=options)
    except Busy as exc:
        click.echo(f"minutes: {exc}", err=True)
        sys.exit(EXIT_BUSY)
    click.echo(report.summary(), err=not report.ok)
    if not report.ok:
        sys.exit(EXIT_ERROR)


@cli.command()
@click.option("--archive", "archive_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@extraction_options
@objects_url_option
@library_errors
def retry(archive_dir: Path, backend: str, workers: int | None, engine, objects_url: str | None) -> None:
    """Extract again every file recorded as failed (after a fix, or with Tesseract installed)."""
    from archive.ingest import retry as run

    archive = _archive_db(archive_dir)
    report = run(archive, _options(backend, workers, engine, objects_url))
    still = report.load.failed
    click.echo(f"{len(report.extracted)} files tried again, {len(report.extracted) - len(still)} now read", err=True)
    for name in still:
        click.echo(f"still failing: {name}", err=True)


@cli.group()
def people() -> None:
    """Review and curate who is who: merges and splits are kept in the archive's people.yaml."""


def _archive_db(archive_dir: Path):
    from archive.store import Archive

    archive = Archive(archive_dir)
    if not archive.db_path.exists():
        raise FileNotFoundError(f"no database at {archive.db_path}; build the archive first")
    return archive


@people.command("review")
@_archive_option
@click.option("--json", "as_json", is_flag=True, help="Print the pairs as JSON lines.")
@library_errors
def people_review(archive_dir: Path, as_json: bool) -> None:
    """List pairs of names the rules would not decide, with their evidence."""
    from db.people import review_items

    items = review_items(_archive_db(archive_dir).db_path)
    for item in items:
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            click.echo(f"{item['name_a']}  |  {item['name_b']}\n    {item['reason']}\n    {item['evidence']}")
    if not as_json:
        click.echo(
            f"{len(items)} pairs to review; settle one with 'minutes people merge' or 'minutes people split'", err=True
        )


def _curate(action: str, name_a: str, name_b: str, archive_dir: Path) -> None:
    from db.people import curate

    archive = _archive_db(archive_dir)
    done = curate(archive.db_path, archive.people_overrides, action, name_a, name_b)
    click.echo(f"{done} (kept in {archive.people_overrides})", err=True)


@people.command("merge")
@click.argument("name_a")
@click.argument("name_b")
@_archive_option
@library_errors
def people_merge(name_a: str, name_b: str, archive_dir: Path) -> None:
    """Record that two printed names are one person."""
    _curate("merge", name_a, name_b, archive_dir)


@people.command("split")
@click.argument("name_a")
@click.argument("name_b")
@_archive_option
@library_errors
def people_split(name_a: str, name_b: str, archive_dir: Path) -> None:
    """Record that two printed names are different people; one printed name used by two people
    is split by naming each one's committee or organisation: "Kari Hansen (Fastlegerådet)"."""
    _curate("split", name_a, name_b, archive_dir)


def main() -> None:
    """The console script. At its exit the interpreter's last garbage collections walk every
    object still alive, a quarter of a second once spaCy is loaded (a tenth of a short run);
    frozen, they are left to the process's end. Not done by `cli` itself: a test that invokes
    it in-process goes on collecting."""
    try:
        cli()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
