"""Dates typed into any page's form are read before a query runs: one that cannot be read is
refused with a message saying what to type (compared as text it would filter silently wrong)."""

from __future__ import annotations

from urllib.parse import parse_qs

from datasette import hookimpl
from markupsafe import escape

from web.dates import DateError, span

DATE_PARAMETERS = ("date_from", "date_to", "fra", "til")


def refusal(query_string: str) -> str | None:
    """The message for the first date parameter that cannot be read, if any."""
    args = parse_qs(query_string, keep_blank_values=False)
    for name in DATE_PARAMETERS:
        for value in args.get(name, [])[:1]:
            try:
                span(value)
            except DateError as e:
                return f"{name}: {e}"
    return None


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def checked(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)
            message = refusal(scope.get("query_string", b"").decode("utf-8", "replace"))
            path = scope.get("path", "")
            # The front's own pages say it in their page, with the form kept.
            if message is None or "/sok" in path:
                return await app(scope, receive, send)
            body = f"<!DOCTYPE html><meta charset=utf-8><title>Ugyldig dato</title><p>{escape(message)}</p>"
            await send(
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [(b"content-type", b"text/html; charset=utf-8")],
                }
            )
            await send({"type": "http.response.body", "body": body.encode("utf-8")})

        return checked

    return wrap
