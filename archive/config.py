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

    @property
    def max_size(self) -> int:
        return int(self.max_size_mb * 1024 * 1024)

    def hosts(self) -> set[str]:
        """The hosts the crawl may visit: those named, else those of the start pages."""
        return {h.lower() for h in self.allowed_hosts} or {urlsplit(u).hostname or "" for u in self.start_urls}

    @classmethod
    def from_mapping(cls, data: dict) -> CrawlConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown crawl settings: {', '.join(sorted(unknown))}")
        return cls(**data)


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
