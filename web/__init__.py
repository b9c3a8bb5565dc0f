"""The front: the archive as Datasette serves it to the secretariat and researchers.

A stage of its own after the database: metadata (metadata.yaml), the pages in Norwegian (the
search in search_pages.py, case, meeting, committee and person in pages.py, what they share in
views.py, their SQL in queries.py), feeds and exports (exports.py), templates/ and static/.
This package is Datasette's entry point `minutes` (pyproject.toml), so its templates and static
files are found by Datasette's plugin convention; the hooks below are the ones Datasette calls.
"""

from __future__ import annotations

import copy

from datasette import hookimpl

from web.metadata import archive_databases, for_names
from web.pages import extra_template_vars, filters_from_request, register_routes

__all__ = ["extra_template_vars", "filters_from_request", "get_metadata", "register_routes"]


@hookimpl
def get_metadata(datasette, key, database, table):
    # A copy: Datasette merges other metadata into what a hook returns.
    return copy.deepcopy(for_names(tuple(archive_databases(datasette))))
