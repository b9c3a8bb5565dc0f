"""Errors the extraction stages raise, each carrying a `Failure` (stage, kind, one-line reason)."""

from __future__ import annotations

from models.failure import Failure


class ExtractionError(Exception):
    def __init__(self, stage: str, kind: str, reason: str):
        super().__init__(reason)
        self.failure = Failure(stage=stage, kind=kind, reason=reason)


def not_a_pdf(head: bytes) -> Failure:
    """A file without the PDF header: most often a web server's HTML error page saved as .pdf."""
    text = head.lstrip()[:200].lower()
    if not head:
        what = "an empty file"
    elif text.startswith((b"<!doctype html", b"<html")) or b"<html" in text:
        what = "an HTML page"
    else:
        what = f"a file starting with {head[:16]!r}"
    return Failure(stage="open", kind="not_pdf", reason=f"not a PDF: {what}")
