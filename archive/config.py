"""Crawl settings: an embedded default naming the real site's committee pages, overridable by a file."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from minutes import __version__

# Names the project; operators add a contact address with `user_agent` in their crawl.yaml.
USER_AGENT = f"minutes/{__version__} (archive of published meeting documents)"


@dataclass(slots=True)
class CrawlConfig:
    start_urls: list[str] = field(default_factory=list)
    allowed_hosts: list[str] = field(default_factory=list)
    max_depth: int = 2
    max_pages: int = 500
    delay: float = 2.0
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0
    max_size_mb: float = 50.0
    user_agent: str = USER_AGENT
    max_delay: float = 30.0  # a longer robots.txt Crawl-delay is held to this
    response_seconds: float = 120.0  # one response, body included: a trickling server is cut off
    run_seconds: float = 4 * 3600.0  # one whole run
    max_documents: int = 5000  # documents fetched in one run
    max_retry_after: float = 120.0  # the longest Retry-After of a 429 or 503 honoured

    @property
    def max_size(self) -> int:
        return int(self.max_size_mb * 1024 * 1024)

    def hosts(self) -> set[str]:
        """The hosts the crawl may visit: those named, else those of the start pages."""
        return {h.lower() for h in self.allowed_hosts} or {urlsplit(u).hostname or "" for u in self.start_urls}

    def origins(self) -> set[tuple[str, str, int]]:
        """The origins (scheme, host, port) the crawl may visit: those of the start pages, and the
        named hosts on the default ports of http and https."""
        found = {origin(u) for u in self.start_urls}
        if self.allowed_hosts:
            found = {o for o in found if o[1] in self.hosts()}
            found |= {(scheme, h, port) for h in self.hosts() for scheme, port in (("http", 80), ("https", 443))}
        return found

    @classmethod
    def from_mapping(cls, data: dict) -> CrawlConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown crawl settings: {', '.join(sorted(unknown))}")
        return cls(**data)


def origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or {"http": 80, "https": 443}.get(scheme, 0)
    except ValueError:
        port = -1
    return scheme, (parts.hostname or "").lower(), port


def default_config() -> CrawlConfig:
    text = resources.files("archive").joinpath("default_crawl.yaml").read_text(encoding="utf-8")
    return CrawlConfig.from_mapping(yaml.safe_load(text))


def load_config(path: Path | None) -> CrawlConfig:
    """The embedded default, with the settings of `path` (if given and present) on top."""
    config = default_config()
    if path is None or not path.exists():
        return config
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected crawl settings as a mapping")
    merged = {f.name: getattr(config, f.name) for f in fields(CrawlConfig)} | data
    if "start_urls" in data and "allowed_hosts" not in data:
        merged["allowed_hosts"] = []  # the hosts of the file's own start pages
    return CrawlConfig.from_mapping(merged)
