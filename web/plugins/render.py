"""Datasette presentation: PDF links that open at the right page, decisions with their line
breaks, and the words of a search marked where they occur."""

from __future__ import annotations

from contextvars import ContextVar
from urllib.parse import parse_qs

from datasette import hookimpl
from markupsafe import Markup, escape

from db.search import MARK_CLOSE, MARK_OPEN, highlight_spans, terms

# The characters one page may have marked: the rest of its cells are shown unmarked, so that a
# page of a thousand long rows cannot hold the event loop (every other request waits on it).
MARK_BUDGET = 1_000_000

MULTILINE_COLUMNS = {"proposed_decisions", "adopted_decision", "text", "proposed", "adopted"}
SEARCHED_COLUMNS = {"title", "case_title", "proposed_decisions", "adopted_decision", "text", "proposed", "adopted"}


# Datasette 0.65 does not hand the request to render_cell: the query string of the request
# being answered is kept here by the ASGI wrapper below, for the words of a search.
_QUERY: ContextVar[dict[str, list[str]] | None] = ContextVar("minutes_query", default=None)
_MARKED: ContextVar[list[int] | None] = ContextVar("minutes_marked", default=None)


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def with_query(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)
            token = _QUERY.set(parse_qs(scope.get("query_string", b"").decode("utf-8", "replace")))
            budget = _MARKED.set([MARK_BUDGET])
            try:
                return await app(scope, receive, send)
            finally:
                _QUERY.reset(token)
                _MARKED.reset(budget)

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


def _lines(pieces: list[tuple[str, bool]]) -> Markup:
    html = Markup("").join(Markup("<mark>{}</mark>").format(p) if hit else escape(p) for p, hit in pieces)
    return Markup(str(html).replace("\n", "<br>"))


@hookimpl
def render_cell(value, column, datasette):
    if not isinstance(value, str):
        return None
    if column == "case_id":
        return Markup('<a href="{}">{}</a>').format(datasette.urls.table("minutes", "cases") + "/" + value, "saken")
    if column in ("pdf", "source_pdf") and value.startswith("/pdf/"):
        page = value.rsplit("#page=", 1)[1] if "#page=" in value else None
        label = f"PDF s. {page}" if page else "PDF"
        return Markup('<a href="{}">{}</a>').format(datasette.urls.path(value), label)
    if column == "snippet" and MARK_OPEN in value:
        pieces = []
        for part in value.split(MARK_OPEN):
            hit, _, rest = part.partition(MARK_CLOSE) if MARK_CLOSE in part else ("", "", part)
            if hit:
                pieces.append((hit, True))
            if rest:
                pieces.append((rest, False))
        return _lines(pieces)
    searched = _searched() if column in SEARCHED_COLUMNS else []
    if searched and _spend(len(value)):
        return _lines(highlight_spans(value, searched))
    if column in MULTILINE_COLUMNS and "\n" in value:
        return _lines([(value, False)])
    return None
