"""Datasette presentation: PDF links that open at the right page, decisions with their line
breaks, and the words of a search marked where they occur."""

from __future__ import annotations

import re
from contextvars import ContextVar
from urllib.parse import parse_qs, quote, unquote

from datasette import hookimpl
from markupsafe import Markup, escape

from db.search import MARK_OPEN, highlight_spans, terms
from web.links import Links
from web.views import marked

# The characters one page may have marked: the rest of its cells are shown unmarked, so that a
# page of a thousand long rows cannot hold the event loop (every other request waits on it).
MARK_BUDGET = 1_000_000

MULTILINE_COLUMNS = {"proposed_decisions", "adopted_decision", "text", "proposed", "adopted"}
# A table's list shows this much of a long text; its row page shows it whole.
LIST_CHARS = 300
_PDF = re.compile(r"/pdf/[0-9a-f]{2}/(?P<sha>[0-9a-f]{64})\.pdf(?:#page=(?P<page>\d+))?")
SEARCHED_COLUMNS = {"title", "case_title", "proposed_decisions", "adopted_decision", "text", "proposed", "adopted"}


# Datasette 0.65 does not hand the request to render_cell: the query string of the request
# being answered is kept here by the ASGI wrapper below, for the words of a search.
_QUERY: ContextVar[dict[str, list[str]] | None] = ContextVar("minutes_query", default=None)
_MARKED: ContextVar[list[int] | None] = ContextVar("minutes_marked", default=None)
_PATH: ContextVar[str] = ContextVar("minutes_path", default="")


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def with_query(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)
            token = _QUERY.set(parse_qs(scope.get("query_string", b"").decode("utf-8", "replace")))
            budget = _MARKED.set([MARK_BUDGET])
            path = _PATH.set(scope.get("path", ""))
            try:
                return await app(scope, receive, send)
            finally:
                _QUERY.reset(token)
                _MARKED.reset(budget)
                _PATH.reset(path)

        return with_query

    return wrap


def _searched() -> list[str]:
    args = _QUERY.get() or {}
    return terms(" ".join(args.get("_search", []) + args.get("q", [])))


def _spend(chars: int) -> bool:
    """Whether this request may still mark `chars` more characters."""
    left = _MARKED.get()
    if left is None or left[0] < chars:
        return False
    left[0] -= chars
    return True


def _shortened(value: str, row, column: str, table: str, database: str, datasette) -> Markup:
    """The start of a long text, its searched words marked, and a link to the row where it is whole."""
    cut = value.rfind(" ", 0, LIST_CHARS)
    start = value[: cut if cut > LIST_CHARS // 2 else LIST_CHARS]
    searched = _searched() if column in SEARCHED_COLUMNS else []
    html = _lines(highlight_spans(start, searched) if searched else [(start, False)])
    pk = _value(row, "id")
    if pk is None:
        return html + Markup(" …")
    link = datasette.urls.row(database, table, quote(str(pk), safe=""))
    return html + Markup(' … <a href="{}">(hele teksten)</a>').format(link)


def _lines(pieces: list[tuple[str, bool]]) -> Markup:
    html = Markup("").join(Markup("<mark>{}</mark>").format(p) if hit else escape(p) for p, hit in pieces)
    return Markup(str(html).replace("\n", "<br>"))


def _on_table_list(table: str | None) -> bool:
    """Whether this request is a table's HTML list (not its row page, not a query)."""
    last = unquote(_PATH.get().rstrip("/").rsplit("/", 1)[-1])
    return bool(table) and last == table


def _value(row, column: str):
    try:
        return row[column]
    except (IndexError, KeyError, TypeError):
        return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if not isinstance(value, str):
        return None
    if column == "case_id":
        return Markup('<a href="{}">{}</a>').format(Links(datasette).case(value), "saken")
    if column in ("pdf", "source_pdf") and (m := _PDF.fullmatch(value)):
        page = int(m["page"]) if m["page"] else None
        kind = _value(row, "doc_kind") or _value(row, "document_kind") or _value(row, "kind")
        body = _value(row, "body") or _value(row, "committee")
        url = Links(datasette).pdf(m["sha"], body, _value(row, "meeting_date") or _value(row, "date"), kind, page)
        return Markup('<a href="{}">{}</a>').format(url, f"PDF s. {page}" if page else "PDF")
    if column == "snippet" and MARK_OPEN in value:
        return marked(value)
    if len(value) > LIST_CHARS and column in MULTILINE_COLUMNS | SEARCHED_COLUMNS and _on_table_list(table):
        return _shortened(value, row, column, table, database, datasette)
    searched = _searched() if column in SEARCHED_COLUMNS else []
    if searched and _spend(len(value)):
        return _lines(highlight_spans(value, searched))
    if column in MULTILINE_COLUMNS and "\n" in value:
        return _lines([(value, False)])
    return None
