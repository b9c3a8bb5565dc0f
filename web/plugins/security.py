"""Every response: headers that keep pages from being framed, sniffed or made to load code from
elsewhere, and a clean refusal of writes (this archive is read-only on the web)."""

from __future__ import annotations

from datasette import hookimpl

# Datasette's pages and the bundled dashboards use inline scripts and styles, and Vega compiles
# its chart expressions at run time ('unsafe-eval'); nothing is loaded from another origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"referrer-policy", b"same-origin"),
]
READ_METHODS = {"GET", "HEAD", "OPTIONS"}


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def secured(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)
            if scope.get("method", "GET") not in READ_METHODS:
                return await _refuse(send)

            async def with_headers(message):
                if message["type"] == "http.response.start":
                    names = {name.lower() for name, _ in message.get("headers", [])}
                    extra = [(name, value) for name, value in HEADERS if name not in names]
                    message = {**message, "headers": [*message.get("headers", []), *extra]}
                await send(message)

            return await app(scope, receive, with_headers)

        return secured

    return wrap


async def _refuse(send) -> None:
    body = b"This archive is read-only: only GET requests are answered.\n"
    await send(
        {
            "type": "http.response.start",
            "status": 405,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"allow", b"GET, HEAD, OPTIONS"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
