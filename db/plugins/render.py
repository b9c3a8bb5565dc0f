"""Datasette presentation: PDF links that open at the right page, decisions with their line breaks."""

from __future__ import annotations

from datasette import hookimpl
from markupsafe import Markup, escape

MULTILINE_COLUMNS = {"proposed_decisions", "adopted_decision", "text"}


@hookimpl
def render_cell(value, column, datasette):
    if column == "pdf" and isinstance(value, str) and value.startswith("/pdf/"):
        page = value.rsplit("#page=", 1)[1] if "#page=" in value else None
        label = f"PDF s. {page}" if page else "PDF"
        return Markup('<a href="{}">{}</a>').format(datasette.urls.path(value), label)
    if column in MULTILINE_COLUMNS and isinstance(value, str) and "\n" in value:
        return Markup("<br>").join(escape(part) for part in value.split("\n"))
    return None
