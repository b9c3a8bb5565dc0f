"""The nightly update's cost on an archive that barely changes: the synthetic PDFs published
on a real HTTP server on 127.0.0.1 (static files with Last-Modified, answering conditional
requests with 304 as ordinary web servers do), and `minutes update` run three times: on an empty
archive, again with nothing changed, and after a few new files were published."""

from __future__ import annotations

import html
import re
import shutil
import threading
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.measure import Run, measure, minutes


@dataclass
class UpdateRun:
    run: Run
    downloaded: int  # document bodies
    extracted: int
    requests: int  # HTTP requests the server answered


class _Quiet(SimpleHTTPRequestHandler):
    counter: list[int]

    def log_message(self, format: str, *args: object) -> None:
        self.counter[0] += 1


class Site:
    """Committee pages listing their PDFs, like the partnership's site, served from `root`."""

    def __init__(self, root: Path):
        self.root = root
        self.requests = [0]
        shutil.rmtree(root, ignore_errors=True)
        (root / "dokumenter").mkdir(parents=True)
        (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
        self.published: dict[str, list[str]] = defaultdict(list)

    def publish(self, pdfs: list[Path]) -> None:
        for pdf in pdfs:
            shutil.copy2(pdf, self.root / "dokumenter" / pdf.name)
            self.published[_committee(pdf)].append(pdf.name)
        links = []
        for n, (committee, names) in enumerate(sorted(self.published.items())):
            items = "\n".join(f'<li><a href="/dokumenter/{html.escape(x)}">{html.escape(x)}</a></li>' for x in names)
            (self.root / f"utvalg-{n}.html").write_text(f"<h1>{html.escape(committee)}</h1><ul>{items}</ul>")
            links.append(f'<li><a href="/utvalg-{n}.html">{html.escape(committee)}</a></li>')
        (self.root / "index.html").write_text(f"<h1>Utvalg</h1><ul>{''.join(links)}</ul>")

    def __enter__(self) -> str:
        handler = type("Handler", (_Quiet,), {"counter": self.requests})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(self.root)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _committee(pdf: Path) -> str:
    """Group files on committee pages by a stable share of their names."""
    return f"utvalg {sum(pdf.name.encode()) % 8}"


def _update(label: str, archive: Path, config: Path, site: Site, workers: int | None) -> UpdateRun:
    before = site.requests[0]
    args = minutes("update", "--archive", str(archive), "--config", str(config))
    if workers:
        args += ["--workers", str(workers)]
    run = measure(label, args)
    if not run.ok():
        raise RuntimeError(f"{label} failed (exit {run.returncode}):\n{run.output[-3000:]}")
    downloaded = re.search(r"(\d+) document bodies downloaded", run.output)
    extracted = re.search(r"(\d+) extracted", run.output)
    if not (downloaded and extracted):
        raise RuntimeError(f"{label}: unexpected summary:\n{run.output[-3000:]}")
    return UpdateRun(run, int(downloaded[1]), int(extracted[1]), site.requests[0] - before)


def run_updates(pdfs: list[Path], new: list[Path], work: Path, workers: int | None = None) -> list[UpdateRun]:
    """Three updates of one archive: from empty, unchanged, and with `new` published."""
    archive = work / "archive"
    shutil.rmtree(archive, ignore_errors=True)
    site = Site(work / "site")
    site.publish(pdfs)
    runs = []
    with site as url:
        config = work / "crawl.yaml"
        config.write_text(f"start_urls: ['{url}']\nmax_depth: 2\nmax_pages: 100\ndelay: 0\nretries: 0\n")
        runs.append(_update(f"first update: {len(pdfs)} new PDFs", archive, config, site, workers))
        runs.append(_update(f"again, {len(pdfs)} PDFs unchanged", archive, config, site, workers))
        site.publish(new)
        runs.append(_update(f"again, {len(new)} new of {len(pdfs) + len(new)}", archive, config, site, workers))
    return runs
