"""Addresses of the front's pages and of the PDFs, all under Datasette's base URL."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlencode

from web.labels import DOCUMENT_KIND_WORDS

_NOT_NAME = re.compile(r"[^a-z0-9æøå]+")


def pdf_name(body: str | None, day: str | None, kind: str | None) -> str:
    """A file name a person can read in their downloads: committee, date, kind of document."""
    parts = [body or "dokument", day or "", DOCUMENT_KIND_WORDS.get(kind or "", "dokument")]
    text = unicodedata.normalize("NFC", " ".join(p for p in parts if p)).casefold()
    return _NOT_NAME.sub("-", text).strip("-")[:120] + ".pdf"


class Links:
    """The front's URLs for one Datasette (its base URL applied)."""

    def __init__(self, datasette) -> None:
        self._path = datasette.urls.path

    def path(self, path: str, **params: str | int | None) -> str:
        query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
        return self._path(path) + (f"?{query}" if query else "")

    def case(self, case_id: str) -> str:
        return self._path(f"/sak/{quote(case_id, safe='')}")

    def meeting(self, document_id: str) -> str:
        return self._path(f"/mote/{quote(document_id, safe='')}")

    def committee(self, name: str) -> str:
        return self._path(f"/utvalg/{quote(name, safe='')}")

    def person(self, person_id: str) -> str:
        return self._path(f"/person/{quote(person_id, safe='')}")

    def pdf(self, sha256: str | None, body: str | None, day: str | None, kind: str | None, page: int | None) -> str:
        if not sha256:
            return ""
        anchor = f"#page={page}" if page else ""
        return self._path(f"/dokument/{sha256}/{quote(pdf_name(body, day, kind))}") + anchor
