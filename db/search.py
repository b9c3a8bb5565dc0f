"""Search helpers shared by the database and the Datasette plugins: what a query means to the
trigram index, how matches are marked, whether a meeting changed a proposed decision."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

MIN_TERM = 3  # the trigram index cannot look up shorter terms
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"  # around matches in snippets; the web page shows them as <mark>
SAME_TEXT = 97.0  # adopted text this close to a proposal counts as the proposal adopted unchanged

_WORD = re.compile(r"[\w\-/.]+", re.UNICODE)


def terms(query: str | None) -> list[str]:
    """The words of a search that the index can find, without punctuation around them."""
    words = [w.strip("-/.") for w in _WORD.findall(query or "")]
    return [w for w in words if len(w) >= MIN_TERM]


def fts_query(query: str | None) -> str:
    """An FTS5 query matching every word of `query` anywhere (inside compounds too), safely quoted.

    Words shorter than three letters cannot be looked up in a trigram index; a search made only
    of such words matches nothing rather than failing.
    """
    words = terms(query)
    if not words:
        return '"\ufffe\ufffe\ufffe"'  # a noncharacter: valid, and never in any text
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


def highlight_spans(text: str, words: Iterable[str]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_match) for the given search words, case-insensitively."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def _normal(text: str) -> str:
    text = re.sub(r"[•▪◦●]", " ", text or "")
    return re.sub(r"\s+", " ", text).strip().casefold()


def decision_changed(proposed: str | None, adopted: str | None) -> int | None:
    """1 when the adopted text matches none of the proposals (alternatives are blank-line separated)."""
    if not proposed or not adopted:
        return None
    target = _normal(adopted)
    alternatives = [p for p in re.split(r"\n\s*\n", proposed) if p.strip()]
    return int(all(fuzz.ratio(_normal(p), target) < SAME_TEXT for p in alternatives))
