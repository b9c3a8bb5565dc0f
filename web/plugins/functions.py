"""Every Datasette connection: the SQL functions the searches use, and memory-mapped reads."""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from db.search import decision_changed, fts_query, snippet
from extract.segment.text import normalize_case_number
from web.committees import matches
from web.dates import lower, upper

MMAP_BYTES = 1 << 30
# No string or blob a query makes may be larger than this (the longest text of the archive, a
# long document's, is a few MB): "replace(hex(zeroblob(120000000)), …)" fails at once instead of
# taking gigabytes. The heap limit bounds what all queries of the server hold together.
MAX_VALUE_BYTES = 32 << 20
HEAP_LIMIT_BYTES = 1 << 30


# Last, so that escape_fts replaces Datasette's own: a table's search box then means what the
# canned searches mean (every word, found inside compounds) on the word-part index.
@hookimpl(trylast=True)
def prepare_connection(conn):
    # Searches read rows all over the file; mapping it saves a system call per page read
    # (half the time of a search's count and facets on a large archive).
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.execute(f"PRAGMA hard_heap_limit = {HEAP_LIMIT_BYTES}")
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    conn.create_function("search_snippet", 2, snippet, deterministic=True)
    conn.create_function("case_number", 1, normalize_case_number, deterministic=True)
    conn.create_function("decision_changed", 2, decision_changed, deterministic=True)
    # Dates typed the Norwegian way and committees by abbreviation, as on the front's search page
    # (a date that cannot be read is refused before the query runs: web.plugins.params).
    conn.create_function("date_lower", 1, lower, deterministic=True)
    conn.create_function("date_upper", 1, upper, deterministic=True)
    conn.create_function(
        "in_committee", 2, lambda body, typed: int(matches(typed or "", body or "")), deterministic=True
    )
