"""Search: the word-part index, what a search means to it, how matches are marked, whether a
meeting changed a proposed decision. Shared by the loader and the Datasette plugins.

The index stores each word and each of its endings of three letters or more; a search term
becomes a prefix query on those tokens, so it is found anywhere inside a word: "rekruttering"
in "Rekrutteringstiltak", "avtale" in "samarbeidsavtalen". A term shorter than three letters
("på", "09") must be a whole word. Looking up one token range per term is ten to twenty times
faster than matching the same substring through a trigram index, whose common trigrams
("ing", "ene") occur in nearly every row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

MIN_PART = 3  # the shortest word ending indexed; shorter search terms must be whole words
MAX_WORD = 40  # a longer token (a URL, OCR noise) is indexed whole, not by its endings
INDEX_VERSION = 2  # change with word_parts or db.index.INDEXES: the index is then rebuilt (see db.schema)
TOKENIZER = "unicode61 remove_diacritics 0"  # æ, ø and å stay letters of their own
NOTHING = '"\ufffe"'  # a query for a noncharacter: valid, and never in any text
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"  # around matches in snippets; the web page shows them as <mark>
SAME_TEXT = 97.0  # adopted text this close to a proposal counts as the proposal adopted unchanged

# Bounds on what one request can make the server do: a search reads this many characters and
# terms (the rest is ignored), a cell is marked only up to this length, a decision compared and
# a snippet cut from this much text; the per-request budget of marked text is in the plugin.
MAX_QUERY_CHARS = 1000
MAX_TERMS = 20
MAX_TERM_CHARS = 40
MAX_MARKED_CHARS = 50_000
MAX_COMPARED_CHARS = 20_000
MAX_SNIPPET_SOURCE = 200_000

_PART = re.compile(r"[^\W_]+")


def _words(text: str | None) -> list[str]:
    return _PART.findall(unicodedata.normalize("NFC", text or "").casefold())


def word_parts(*texts: str | None) -> str:
    """The tokens the word index stores for `texts`: each word, then its endings."""
    out: list[str] = []
    for text in texts:
        for word in _words(text):
            out.append(word)
            if len(word) <= MAX_WORD:
                out.extend(word[i:] for i in range(1, len(word) - MIN_PART + 1))
    return " ".join(out)


def terms(query: str | None) -> list[str]:
    """The words of a search, as the index sees them ("09/24" is "09" and "24"): the first
    MAX_TERMS distinct ones, each at most MAX_TERM_CHARS long, of the query's first characters."""
    found = dict.fromkeys(w[:MAX_TERM_CHARS] for w in _words((query or "")[:MAX_QUERY_CHARS]))
    return list(found)[:MAX_TERMS]


def fts_query(query: str | None) -> str:
    """An FTS5 query for the word index matching rows that hold every term of `query`.

    Also installed as Datasette's escape_fts, so a table's search box means the same. Terms
    are letters and digits only, so nothing a user types can change the query's syntax.
    """
    found = terms(query)
    if not found:
        return NOTHING
    return " AND ".join(f'"{t}"*' if len(t) >= MIN_PART else f'"{t}"' for t in found)


def _pattern(words: Iterable[str]) -> re.Pattern | None:
    """Where the terms occur in text: inside words, or as whole words when short."""
    return _compiled(tuple(sorted({w for w in words if w}, key=lambda w: (-len(w), w))))


@lru_cache(maxsize=256)  # a search's snippets and marks reuse its pattern on every row
def _compiled(words: tuple[str, ...]) -> re.Pattern | None:
    alternatives = [re.escape(w) if len(w) >= MIN_PART else rf"(?<![^\W_]){re.escape(w)}(?![^\W_])" for w in words]
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def finds(text: str | None, words: Iterable[str]) -> bool:
    """Whether any of the search terms occurs in `text` (as the index would find it)."""
    pattern = _pattern(list(words)[:MAX_TERMS])
    return bool(text and pattern and pattern.search(text[:MAX_SNIPPET_SOURCE]))


def highlight_spans(text: str, words: Iterable[str]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_match) for the given search terms, case-insensitively; text
    past MAX_MARKED_CHARS is left unmarked."""
    pattern = _pattern(list(words)[:MAX_TERMS])
    if pattern is None:
        return [(text, False)]
    if len(text) > MAX_MARKED_CHARS:
        return [*highlight_spans(text[:MAX_MARKED_CHARS], words), (text[MAX_MARKED_CHARS:], False)]
    out, pos = [], 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def snippet(text: str | None, query: str | None, width: int = 300) -> str:
    """About `width` characters of `text` around the first match of `query`, the matches marked
    with MARK_OPEN and MARK_CLOSE, " … " where text was left out."""
    text = unicodedata.normalize("NFC", (text or "")[:MAX_SNIPPET_SOURCE])
    words = terms(query)
    pattern = _pattern(words)
    first = pattern.search(text) if pattern else None
    start = max(0, (first.start() if first else 0) - width // 3)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space > 0 else 0
    end = min(len(text), start + width)
    if end < len(text):
        space = text.find(" ", end)
        end = space if space != -1 else len(text)
    marked = "".join(f"{MARK_OPEN}{p}{MARK_CLOSE}" if hit else p for p, hit in highlight_spans(text[start:end], words))
    return ("… " if start else "") + marked + (" …" if end < len(text) else "")


def _normal(text: str) -> str:
    text = re.sub(r"[•▪◦●]", " ", text or "")
    return re.sub(r"\s+", " ", text).strip().casefold()


def decision_changed(proposed: str | None, adopted: str | None) -> int | None:
    """1 when the adopted text matches none of the proposals (alternatives are blank-line separated)."""
    if not proposed or not adopted:
        return None
    target = _normal(adopted[:MAX_COMPARED_CHARS])
    alternatives = [p for p in re.split(r"\n\s*\n", proposed[:MAX_COMPARED_CHARS]) if p.strip()][:MAX_TERMS]
    return int(all(fuzz.ratio(_normal(p), target) < SAME_TEXT for p in alternatives))
