"""Which committees a person means by what they type: a whole name, a part of one, or the
abbreviation the documents use ("SSU", "FLR", "FSU REST").

Documents name a committee in full and abbreviate it from the starts of its words and of the
parts of its compounds: Strategisk samarbeidsutvalg (SSU), Fastlegerådet (FLR), "FSU REST" for
FSU rekruttering og stabilisering. An abbreviation printed in brackets after the name is taken
as printed; otherwise a typed word is read as an abbreviation when its letters can be taken, in
order, from a run of the name's words, each word giving its first letter and any later ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Small words an abbreviation skips ("FSU REST" has no letter for "og").
_SKIPPED = {"og", "i", "for", "av", "på", "til", "med", "om", "the", "of", "and", "ved", "å"}
_WORD = re.compile(r"[^\W_]+")
# "Strategisk samarbeidsutvalg (SSU)": capitals (or a capitalised short form) in brackets.
_PRINTED = re.compile(r"\(([A-ZÆØÅ][A-ZÆØÅa-zæøå0-9-]{1,11})\)")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def printed_abbreviations(name: str, titles: Iterable[str]) -> set[str]:
    """Abbreviations printed in brackets right after the committee's name in document titles."""
    found = set()
    folded = _fold(name)
    for title in titles:
        at = _fold(title).find(folded)
        if at < 0:
            continue
        m = _PRINTED.match(title[at + len(name) :].lstrip())
        if m and sum(c.isupper() for c in m[1]) >= 2:
            found.add(m[1])
    return found


def _abbreviates(letters: str, words: list[str]) -> bool:
    """Whether `letters` can be taken in order from a run of `words`, each word giving its
    initial first and then any of its later letters."""

    def take(i: int, w: int) -> bool:  # letters[i:] from words[w:], words[w] to start with its initial
        if i == len(letters):
            return True
        if w >= len(words) or words[w][0] != letters[i]:
            return False
        word, pos, j = words[w], 1, i + 1
        while True:
            if take(j, w + 1):
                return True
            if j == len(letters):
                return False
            pos = word.find(letters[j], pos)
            if pos < 0:
                return False
            pos, j = pos + 1, j + 1

    return any(take(0, start) for start in range(len(words)))


def matches(typed: str, name: str, abbreviations: Iterable[str] = ()) -> bool:
    """Whether every word typed is part of the name, a printed abbreviation of it, or reads as
    an abbreviation of a run of its words."""
    folded = _fold(name)
    words = [w for w in _WORD.findall(folded) if w not in _SKIPPED]
    printed = {_fold(a) for a in abbreviations}
    typed_words = _WORD.findall(_fold(typed))
    if not typed_words or not words:
        return False
    for word in typed_words:
        if word in printed or (len(word) >= 2 and word in folded):
            continue
        if 2 <= len(word) <= 8 and _abbreviates(word, words):
            continue
        return False
    return True


def choose(typed: str | None, committees: dict[str, set[str]]) -> list[str] | None:
    """The committees `typed` means (name → its printed abbreviations), or None for no filter.

    A whole name chosen from the list means that committee alone, even when it is part of
    another's name ("Formannskapet" and "Verdal formannskap")."""
    text = (typed or "").strip()
    if not text:
        return None
    exact = [name for name in committees if _fold(name) == _fold(text)]
    if exact:
        return exact
    return sorted(name for name, abbreviations in committees.items() if matches(text, name, abbreviations))
