"""A real HTTP server on 127.0.0.1 serving the test site in tests/site/, with ETags and misbehaviour.

Paths that misbehave on purpose:
    /flyttet.pdf   302 to the minutes PDF
    /mangler.pdf   404
    /ustabil.pdf   500 on its first request, then the PDF
    /treg.pdf      answers after `slow_seconds`, longer than the crawler waits
    /feilside.pdf  an HTML error page served at a .pdf URL
    /stor.pdf      a body larger than the crawler accepts
Every request is logged with its status and the number of body bytes sent. A test adds its own
faults with `site.answer(path, status, body, headers)` (served first, a given number of times)
and `site.trickle(path, data, seconds_per_byte)`.
"""

from __future__ import annotations

import email.utils
import hashlib
import mimetypes
import shutil
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

SOURCE = Path(__file__).parent / "site"
REDIRECTS = {"/flyttet.pdf": "/wp-content/uploads/2024/11/Referat-FSU-psykisk-helse-og-rus-10.01.2024.pdf"}
HUGE = {"/stor.pdf": 400_000}
HTML_AT_PDF = {"/feilside.pdf"}


@dataclass
class Request:
    path: str
    status: int
    body_bytes: int
    headers: dict[str, str]


@dataclass
class Site:
    root: Path
    slow_seconds: float = 3.0
    fail_first: dict[str, int] = field(default_factory=lambda: {"/ustabil.pdf": 1})
    requests: list[Request] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None
    answers: dict[str, list[tuple[int, bytes, dict[str, str]]]] = field(default_factory=dict)
    trickles: dict[str, tuple[bytes, float]] = field(default_factory=dict)

    def answer(self, path: str, status: int, body: bytes = b"", headers: dict | None = None, times: int = 1) -> None:
        """Answer the next `times` requests for `path` so, before the site's own answer."""
        self.answers.setdefault(path, []).extend([(status, body, headers or {})] * times)

    def trickle(self, path: str, data: bytes, seconds_per_byte: float) -> None:
        """Send `data` at `path` one byte at a time: a server that never quite stops answering."""
        self.trickles[path] = (data, seconds_per_byte)

    def url(self, path: str = "/") -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def republish(self, path: str, source: str) -> None:
        """Serve the bytes of another file of the site at `path`: a corrected version."""
        (self.root / path.lstrip("/")).write_bytes((self.root / source.lstrip("/")).read_bytes())

    def pdf_bodies(self) -> list[Request]:
        """Requests for .pdf paths that sent a body with a 200."""
        return [r for r in self.requests if r.path.endswith(".pdf") and r.status == 200 and r.body_bytes]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            sent = 0
            if body and self.command != "HEAD":
                try:
                    self.wfile.write(body)
                    sent = len(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
            site.requests.append(Request(urlsplit(self.path).path, status, sent, dict(self.headers)))

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if site.answers.get(path):
                status, body, headers = site.answers[path].pop(0)
                return self._send(status, body, headers)
            if path in site.trickles:
                return self._trickle(path, *site.trickles[path])
            if path in REDIRECTS:
                return self._send(302, headers={"Location": REDIRECTS[path]})
            if site.fail_first.get(path, 0) > 0:
                site.fail_first[path] -= 1
                return self._send(500, b"Internal Server Error", {"Content-Type": "text/plain"})
            if path == "/treg.pdf":
                time.sleep(site.slow_seconds)
            if path in HUGE:
                etag = f'"huge-{HUGE[path]}"'
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, headers={"ETag": etag})
                body = b"%PDF-1.4\n" + b"0" * HUGE[path]
                return self._send(200, body, {"Content-Type": "application/pdf", "ETag": etag})
            file = site.root / path.lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                return self._send(404, b"<h1>Not found</h1>", {"Content-Type": "text/html"})
            data = file.read_bytes()
            etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
            mtime = int(file.stat().st_mtime)
            headers = {
                "ETag": etag,
                "Last-Modified": email.utils.formatdate(mtime, usegmt=True),
                "Content-Type": "text/html; charset=utf-8" if path in HTML_AT_PDF else _type(file),
            }
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, headers=headers)
            since = self.headers.get("If-Modified-Since")
            if since and "If-None-Match" not in self.headers:
                parsed = email.utils.parsedate_to_datetime(since).timestamp()
                if mtime <= parsed:
                    return self._send(304, headers=headers)
            return self._send(200, data, headers)

        def _trickle(self, path: str, data: bytes, seconds_per_byte: float) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            sent = 0
            try:
                for k in range(len(data)):
                    self.wfile.write(data[k : k + 1])
                    self.wfile.flush()
                    sent += 1
                    time.sleep(seconds_per_byte)
            except (BrokenPipeError, ConnectionResetError):
                pass
            site.requests.append(Request(path, 200, sent, dict(self.headers)))

    return Handler


def _type(file: Path) -> str:
    return mimetypes.guess_type(file.name)[0] or "application/octet-stream"


def serve(tmp: Path) -> Site:
    """Copy the test site into `tmp` (so a test may re-publish files) and serve it on a free port."""
    root = tmp / "site"
    shutil.copytree(SOURCE, root)
    site = Site(root=root)
    site.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.server.daemon_threads = True
    threading.Thread(target=site.server.serve_forever, daemon=True).start()
    return site
