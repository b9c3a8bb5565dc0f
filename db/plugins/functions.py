"""SQL functions the canned queries use, registered on every Datasette connection."""

from __future__ import annotations

from datasette import hookimpl

from db.search import decision_changed, fts_query
from extract.segment.text import normalize_case_number


@hookimpl
def prepare_connection(conn):
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    conn.create_function("case_number", 1, normalize_case_number, deterministic=True)
    conn.create_function("decision_changed", 2, decision_changed, deterministic=True)
