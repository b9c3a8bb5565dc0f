"""Person identity across documents. This first version matches exact names only."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from models.extraction import FileExtraction

_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def name_key(name: str) -> str:
    """A spelling-insensitive key: "Gøril Bertheussen" → "goril-bertheussen"."""
    text = unicodedata.normalize("NFKC", name).casefold().translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def assign_person_ids(extractions: Iterable[FileExtraction]) -> None:
    for extraction in extractions:
        for doc in extraction.documents:
            for attendee in doc.attendees:
                attendee.person_id = name_key(attendee.name) or None
