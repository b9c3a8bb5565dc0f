"""What a meeting changed in a proposed decision: the words taken out and put in."""

from __future__ import annotations

import difflib
import re

from db.search import MAX_COMPARED_CHARS

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")  # spaces, words, each punctuation mark


def word_changes(proposed: str, adopted: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both texts cut into (piece, changed): words of the proposal the adopted text lacks, and
    words of the adopted text the proposal lacks. Past MAX_COMPARED_CHARS nothing is marked."""
    old, new = _TOKEN.findall(proposed[:MAX_COMPARED_CHARS]), _TOKEN.findall(adopted[:MAX_COMPARED_CHARS])
    matcher = difflib.SequenceMatcher(None, [t.casefold() for t in old], [t.casefold() for t in new], autojunk=False)
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = op != "equal"
        left += [(t, changed and not t.isspace()) for t in old[i1:i2]]
        right += [(t, changed and not t.isspace()) for t in new[j1:j2]]
    left += [(proposed[MAX_COMPARED_CHARS:], False)] if len(proposed) > MAX_COMPARED_CHARS else []
    right += [(adopted[MAX_COMPARED_CHARS:], False)] if len(adopted) > MAX_COMPARED_CHARS else []
    return left, right
