"""A polite crawl of the partnership's site: committee pages → linked PDFs → the archive.

httpx, one request at a time: the site is small, politeness matters more than speed, and a
plain loop keeps conditional requests, retries and the size limit easy to follow and to test.
Every request, retries and redirects included, is recorded in the `fetches` table.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import logging
import sys
import time
import urllib.robotparser
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import httpx
from tqdm import tqdm

from archive.config import CrawlConfig, origin
from archive.store import Archive
from db.fetches import Fetch, FetchLog

log = logging.getLogger("minutes.crawl")

MAX_REDIRECTS = 5
PAGE_SUFFIXES = ("", ".html", ".htm", ".php", ".asp", ".aspx")
PDF_TYPES = ("application/pdf", "application/x-pdf")


@dataclass(slots=True)
class CrawlReport:
    pages: int = 0
    documents: int = 0  # document URLs requested
    new: list[tuple[str, str]] = field(default_factory=list)  # (url, sha256) of bytes not seen at that URL before
    not_modified: int = 0  # answered 304: nothing downloaded
    unchanged: int = 0  # downloaded, same bytes as last time (a server without validators)
    document_bodies: int = 0  # document bodies downloaded
    errors: list[tuple[str, str]] = field(default_factory=list)  # (url, reason) after all retries
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (url, reason): robots, off-site, too large, 404


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("a", "area"):
            self.hrefs.extend(v for k, v in attrs if k == "href" and v)


def links(html: bytes, base: str) -> list[str]:
    parser = _Links()
    parser.feed(html.decode("utf-8", errors="replace"))
    found = []
    for href in parser.hrefs:
        url = without_credentials(urldefrag(urljoin(base, href.strip()))[0])
        if urlsplit(url).scheme in ("http", "https") and url not in found:
            found.append(url)
    return found


def without_credentials(url: str) -> str:
    """A link's user name and password are never sent, nor stored with the URL."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return parts._replace(netloc=netloc).geturl()


def document_key(url: str) -> str:
    """One document, whatever the query string: "/a.pdf?v=1" and "/a.pdf?v=2" are fetched once."""
    return urlsplit(url)._replace(query="", fragment="").geturl()


def is_document_url(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(".pdf")


def is_page_url(url: str) -> bool:
    path = urlsplit(url).path.lower()
    last = path.rsplit("/", 1)[-1]
    suffix = "." + last.rsplit(".", 1)[-1] if "." in last else ""
    return suffix in PAGE_SUFFIXES


def file_name(url: str) -> str:
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or urlsplit(url).hostname or "document.pdf"


@dataclass(slots=True)
class _Answer:
    url: str  # after redirects
    status: int | None
    body: bytes | None = None  # the bytes, downloaded now or known from the archive (304)
    sha256: str | None = None
    content_type: str | None = None
    retry_after: float = 0.0  # the pause a 429 or 503 asked for


class Crawler:
    def __init__(
        self,
        config: CrawlConfig,
        archive: Archive,
        fetch_log: FetchLog,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        progress: bool | None = None,
    ):
        self.config, self.archive, self.log = config, archive, fetch_log
        self.client = client or httpx.Client(
            timeout=config.timeout, headers={"User-Agent": config.user_agent}, follow_redirects=False
        )
        self.sleep = sleep
        self.origins = config.origins()
        self.robots: dict[tuple[str, str, int], urllib.robotparser.RobotFileParser | None] = {}
        self.started = time.monotonic()
        self.delay = config.delay
        self.last_request = 0.0
        self.report = CrawlReport()
        self.seen: set[str] = set()  # URLs requested in this run, redirect targets included
        show = sys.stderr.isatty() if progress is None else progress
        self.bar = tqdm(desc="crawl", unit=" requests", disable=not show, leave=False)

    # --- politeness ------------------------------------------------------------------
    def _wait(self) -> None:
        gap = self.delay - (time.monotonic() - self.last_request)
        if self.last_request and gap > 0:
            self.sleep(gap)
        self.last_request = time.monotonic()

    def _allowed(self, url: str) -> str | None:
        """None when the crawl may fetch `url`, else the reason it may not."""
        key = origin(url)
        if key not in self.origins:
            return "off-site"
        if key not in self.robots:
            self.robots[key] = self._read_robots(url)
            if self.robots[key] is None:  # loud: the archive stops growing from this origin
                robots = f"{key[0]}://{urlsplit(url).netloc}/robots.txt"
                self.report.errors.append((robots, "robots.txt could not be read: nothing of the site was fetched"))
        rules = self.robots[key]
        if rules is None:
            return "robots.txt could not be read (server error): treated as disallowed"
        if not rules.can_fetch(self.config.user_agent, url):
            return "disallowed by robots.txt"
        return None

    def _read_robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The rules of `url`'s origin, following up to MAX_REDIRECTS redirects (RFC 9309: to the
        "www." host, say); None where robots.txt cannot be read (a server error or no answer)."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        rules = urllib.robotparser.RobotFileParser(robots_url)
        for _ in range(MAX_REDIRECTS + 1):
            fetch = Fetch(url=robots_url, kind="robots")
            try:
                self._wait()
                resp = self.client.get(robots_url)
                fetch.status, fetch.content_type = resp.status_code, resp.headers.get("content-type")
                fetch.size, fetch.outcome = len(resp.content), "known"
            except httpx.HTTPError as exc:
                fetch.error = f"{type(exc).__name__}: {exc}"
                self.log.record(fetch)
                return None
            self.log.record(fetch)
            if resp.status_code in (301, 302, 303, 307, 308) and "location" in resp.headers:
                robots_url = without_credentials(urljoin(robots_url, resp.headers["location"]))
                continue
            break
        else:
            return None
        if resp.status_code >= 500 or resp.status_code == 429:
            return None  # RFC 9309: an unreachable robots.txt means complete disallow
        rules.parse(resp.text.splitlines() if resp.status_code == 200 else [])
        crawl_delay = rules.crawl_delay(self.config.user_agent)
        if crawl_delay:
            self.delay = max(self.delay, min(float(crawl_delay), self.config.max_delay))
        return rules

    # --- one URL ---------------------------------------------------------------------
    def _get(self, url: str, kind: str) -> _Answer | None:
        for _ in range(MAX_REDIRECTS + 1):
            answer = self._get_once(url, kind)
            if answer is None or answer.status not in (301, 302, 303, 307, 308):
                return answer
            target = answer.url
            if target in self.seen:
                return None  # reached already by a link of its own
            if reason := self._allowed(target):
                self.report.skipped.append((target, f"redirect from {url}: {reason}"))
                return None
            self.seen.add(target)
            url = target
        self.report.errors.append((url, "too many redirects"))
        return None

    def _cached(self, url: str, kind: str, known) -> Path | None:
        if not known or not known.sha256:
            return None
        if kind == "page":
            page = self._page_file(url)
            return page if page.exists() and _sha256(page.read_bytes()) == known.sha256 else None
        return self.archive.find(known.sha256)

    def _page_file(self, url: str) -> Path:
        """The last body of an HTML page: one file per URL, replaced when the page changes, so that
        a page whose nonce changes on every visit does not grow the archive."""
        return self.archive.root / "pages" / f"{_sha256(url.encode())[:32]}.html"

    def _get_once(self, url: str, kind: str) -> _Answer | None:
        known = self.log.validators(url)
        cached = self._cached(url, kind, known)
        headers = {}
        if cached is not None or (known and known.outcome == "too-large"):
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        last_error = ""
        pause = 0.0
        for attempt in range(self.config.retries + 1):
            if attempt:
                self.sleep(pause or self.config.backoff * 2 ** (attempt - 1))
            fetch = Fetch(url=url, kind=kind)
            self._wait()
            self.bar.update(1)
            try:
                with self.client.stream("GET", url, headers=headers) as resp:
                    answer = self._answer(url, kind, resp, fetch, cached, known)
            except _TooSlow as exc:
                fetch.error = last_error = str(exc)
                fetch.outcome = "error"
                self.log.record(fetch)
                self.report.errors.append((url, last_error))
                return None  # a trickling server is not tried again: it would hold the run as long
            except httpx.HTTPError as exc:
                fetch.error = last_error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                fetch.outcome = "error"
                self.log.record(fetch)
                log.info("%s: %s (try %d of %d)", url, fetch.error, attempt + 1, self.config.retries + 1)
                continue
            if answer is not None and answer.status is not None and (answer.status >= 500 or answer.status == 429):
                last_error = f"HTTP {answer.status}"
                pause = answer.retry_after
                continue
            return answer
        self.report.errors.append((url, f"{last_error} after {self.config.retries + 1} tries"))
        return None

    def _answer(self, url, kind, resp: httpx.Response, fetch: Fetch, cached, known) -> _Answer | None:
        fetch.status = resp.status_code
        fetch.content_type = resp.headers.get("content-type")
        fetch.etag = resp.headers.get("etag")
        fetch.last_modified = resp.headers.get("last-modified")
        if resp.status_code in (301, 302, 303, 307, 308) and "location" in resp.headers:
            target = urldefrag(urljoin(url, resp.headers["location"]))[0]
            fetch.outcome, fetch.error = "redirect", f"to {target}"
            self.log.record(fetch)
            return _Answer(url=target, status=resp.status_code)
        if resp.status_code == 304 and cached is None and known is not None:
            fetch.outcome, fetch.etag, fetch.last_modified = "too-large", known.etag, known.last_modified
            fetch.error = "not modified since it was found too large"
            self.log.record(fetch)
            self.report.skipped.append((url, fetch.error))
            return None
        if resp.status_code == 304 and cached is not None:
            fetch.outcome, fetch.sha256 = "not-modified", known.sha256
            fetch.etag = fetch.etag or known.etag
            fetch.last_modified = fetch.last_modified or known.last_modified
            self.log.record(fetch)
            if kind == "document":
                self.report.not_modified += 1
            return _Answer(url=url, status=304, body=cached.read_bytes(), sha256=known.sha256)
        if resp.status_code >= 500 or resp.status_code == 429:
            fetch.outcome = "error"
            self.log.record(fetch)
            return _Answer(url=url, status=resp.status_code, retry_after=self._retry_after(resp))
        if resp.status_code != 200:
            fetch.outcome = "not-found" if resp.status_code in (404, 410) else "error"
            self.log.record(fetch)
            if url in self.config.start_urls:  # loud: a start page gone means nothing new is found
                self.report.errors.append((url, f"HTTP {resp.status_code}: a start page of the crawl"))
            else:
                self.report.skipped.append((url, f"HTTP {resp.status_code}"))
            return None
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.config.max_size:
            return self._too_large(url, fetch, int(declared))
        body = bytearray()
        started = time.monotonic()
        for chunk in resp.iter_bytes():  # as it arrives: a trickle is timed byte by byte
            body.extend(chunk)
            if len(body) > self.config.max_size:
                return self._too_large(url, fetch, len(body))
            if time.monotonic() - started > self.config.response_seconds:
                raise _TooSlow(f"the response took longer than {self.config.response_seconds:g} s: cut off")
        if self._is_pdf(fetch.content_type):
            fetch.kind = kind = "document"  # a page link that turned out to be a PDF
        # an HTML page is kept as its URL's last version; a document's bytes are kept forever
        stored = self._keep_page(url, bytes(body)) if kind == "page" else self.archive.add_bytes(bytes(body))
        fetch.size, fetch.sha256 = len(body), stored.sha256
        is_new = known is None or known.sha256 != stored.sha256
        fetch.outcome = "new" if is_new else "known"
        self.log.record(fetch)
        if kind == "document" or self._is_pdf(fetch.content_type):
            self.report.document_bodies += 1
            if is_new:
                self.report.new.append((url, stored.sha256))
                log.info("%s: new version %s", url, stored.sha256[:12])
            else:
                self.report.unchanged += 1
        return _Answer(url=url, status=200, body=bytes(body), sha256=stored.sha256, content_type=fetch.content_type)

    def _keep_page(self, url: str, body: bytes) -> _Kept:
        page = self._page_file(url)
        page.parent.mkdir(parents=True, exist_ok=True)
        tmp = page.with_suffix(".tmp")
        tmp.write_bytes(body)
        tmp.replace(page)
        return _Kept(_sha256(body))

    def _retry_after(self, resp: httpx.Response) -> float:
        """The pause a 429 or 503 asks for (seconds, or an HTTP date), held to max_retry_after."""
        value = (resp.headers.get("retry-after") or "").strip()
        seconds = 0.0
        if value.isdigit():
            seconds = float(value)
        elif value:
            with contextlib.suppress(TypeError, ValueError):
                seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
        return max(0.0, min(seconds, self.config.max_retry_after))

    def _too_large(self, url: str, fetch: Fetch, size: int) -> None:
        fetch.outcome, fetch.size = "too-large", size
        fetch.error = f"larger than the limit of {self.config.max_size_mb:g} MB"
        self.log.record(fetch)
        self.report.skipped.append((url, fetch.error))
        return None

    @staticmethod
    def _is_pdf(content_type: str | None) -> bool:
        return bool(content_type) and content_type.split(";")[0].strip().lower() in PDF_TYPES

    # --- the crawl -------------------------------------------------------------------
    def run(self) -> CrawlReport:
        queue: deque[tuple[str, int, str]] = deque((u, 0, "page") for u in self.config.start_urls)
        seen = self.seen
        documents: set[str] = set()  # documents by URL without the query string
        try:
            while queue:
                if time.monotonic() - self.started > self.config.run_seconds:
                    reason = f"the run took longer than {self.config.run_seconds:g} s: {len(queue)} URLs left"
                    self.report.errors.append(("(this run)", reason))
                    break
                url, depth, kind = queue.popleft()
                if url in seen:
                    continue
                seen.add(url)
                if kind == "page" and self.report.pages >= self.config.max_pages:
                    self.report.skipped.append((url, f"more than {self.config.max_pages} pages"))
                    continue
                if kind == "document":
                    if document_key(url) in documents:
                        self.report.skipped.append((url, "the same document under another query string"))
                        continue
                    if self.report.documents >= self.config.max_documents:
                        self.report.skipped.append((url, f"more than {self.config.max_documents} documents"))
                        continue
                    documents.add(document_key(url))
                if reason := self._allowed(url):
                    self.report.skipped.append((url, reason))
                    continue
                if kind == "page":
                    self.report.pages += 1
                else:
                    self.report.documents += 1
                answer = self._get(url, kind)
                if answer is None or answer.body is None or kind != "page" or self._is_pdf(answer.content_type):
                    continue
                for link in links(answer.body, answer.url):
                    if link in seen:
                        continue
                    if is_document_url(link):
                        queue.append((link, depth + 1, "document"))
                    elif is_page_url(link) and depth + 1 <= self.config.max_depth:
                        queue.append((link, depth + 1, "page"))
        finally:
            self.bar.close()
        return self.report


class _TooSlow(Exception):
    """A response whose body took longer than the configured deadline."""


@dataclass(frozen=True, slots=True)
class _Kept:
    sha256: str


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
