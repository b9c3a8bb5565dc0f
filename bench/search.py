"""Full-text search latency at scale, through a real `minutes serve` (Datasette) process and its
JSON API, on a database of many synthetic cases loaded through the real load path."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx

from tests.serving import serving

# A fixed list: common and rare words, compounds found by a part, two-word searches.
QUERIES = [
    "rekruttering", "fastlege", "legevakt", "utskrivningsklare pasienter", "hospitering", "budsjett",
    "samhandlingsmidler", "orientering", "digital hjemmeoppfølging", "årsrapport", "mentorordning",
    "kompetanse", "brukerrepresentantene", "samarbeidsavtalen", "tiltak kommunene", "palliasjon",
    "kjernejournal", "videokonsultasjon", "reinnleggelse", "handlingsplan økonomi",
]  # fmt: skip


def endpoints(query: str) -> dict[str, str]:
    """What researchers and the secretariat call: the front's search page (ranked by where the
    words stand, snippets marked), the canned searches, and the tables' search with Datasette's
    count and facets."""
    canned = {"q": query, "committee": "", "date_from": "", "date_to": ""}
    return {
        "search page /sok (ranked, snippets)": "/sok?" + urlencode({"q": query}),
        "search page /sok, a committee and a year": "/sok?" + urlencode({"q": query, "utvalg": "SSU", "fra": "2023"}),
        "canned query search_decisions": "/minutes/search_decisions.json?"
        + urlencode({**canned, "kind": "", "_shape": "array"}),
        "canned query search_cases": "/minutes/search_cases.json?" + urlencode({**canned, "_shape": "array"}),
        "cases table ?_search=, rows": "/minutes/cases.json?" + urlencode({"_search": query, "_shape": "array"}),
        "cases table ?_search=, with count and facets": "/minutes/cases.json?" + urlencode({"_search": query}),
    }


@dataclass
class Latency:
    endpoint: str
    median_ms: float
    p95_ms: float
    max_ms: float
    requests: int


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_search(db: Path, rounds: int = 5) -> tuple[list[Latency], dict[str, int]]:
    """Latency per endpoint over QUERIES × `rounds` (after one warm-up round), and the number of
    cases each query finds."""
    hits: dict[str, int] = {}
    with serving(db=db) as base, httpx.Client(base_url=base, timeout=30) as client:
        times: dict[str, list[float]] = {name: [] for name in endpoints("x")}
        for round_ in range(rounds + 1):
            for query in QUERIES:
                for name, path in endpoints(query).items():
                    start = time.perf_counter()
                    response = client.get(path)
                    elapsed = (time.perf_counter() - start) * 1000
                    if response.status_code != 200:
                        raise RuntimeError(f"{path}: HTTP {response.status_code}: {response.text[:500]}")
                    if round_:
                        times[name].append(elapsed)
                    elif "count" in name:
                        hits[query] = response.json()["filtered_table_rows_count"]
    rows = [Latency(name, statistics.median(ms), _percentile(ms, 0.95), max(ms), len(ms)) for name, ms in times.items()]
    return rows, hits
