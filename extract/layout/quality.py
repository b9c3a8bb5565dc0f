"""Pure: whether a page's text layer can be trusted, or the page must be read by OCR.

A scan has no text layer (or a few stray characters over an image). A broken font map gives
a text layer of garbage: "(cid:12)" runs, control characters, or letters shifted out of place
("2QOLQHV JHQHUDOIRUVDPOLQJ" for "Onlines generalforsamling"). The tests look at the shape of
the text, not at its language, so German or Arabic text is never taken for garbage.
"""

from __future__ import annotations

import re
import unicodedata

MIN_TEXT_CHARS = 20  # fewer letters than this over an image is a scan's stray text
MIN_LETTERS_FOR_SHAPE = 200  # enough letters to judge their case and mixing
MIN_LETTERS_FOR_GLYPHS = 60  # enough to tell glyph numbers from words in capitals
# A TrueType font without a character map gives each glyph's number in the standard glyph order,
# which puts the printable ASCII signs 29 places below their codes ("2QOLQHV" for "Onlines").
GLYPH_OFFSET = 29
_FROM_GLYPH = {code: code + GLYPH_OFFSET for code in range(33 - GLYPH_OFFSET, 127 - GLYPH_OFFSET) if code != 32}
_VOWELS = frozenset("aeiouyæøåäöüéèàáóúíâêô")
_SPACE = re.compile(r"\s+")
_WORD, _DIGIT, _LETTER = re.compile(r"\w{3,}"), re.compile(r"\d"), re.compile(r"[^\W\d_]")


def garbage_share(text: str, chars: str | None = None) -> float:
    """Share of non-space characters that cannot be text: control, unassigned, private use.
    `chars`: the text without its white space, where the caller has it already."""
    chars = _SPACE.sub("", text) if chars is None else chars
    if not chars:
        return 0.0
    bad = chars.count("\ufffd")
    if not chars.isprintable():  # the per-character look is needed only then
        bad += sum(1 for c in chars if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs"))
    bad += 5 * text.count("(cid:")
    return min(1.0, bad / len(chars))


def _glyph_numbers(text: str) -> bool:
    """Text that is glyph numbers: read back at their codes, the capitals become lower-case
    letters with a language's share of vowels. Words in capitals read back as signs."""
    letters = [c for c in text.translate(_FROM_GLYPH) if c.isalpha()]
    if len(letters) < MIN_LETTERS_FOR_GLYPHS:
        return False
    lower = sum(map(str.islower, letters)) / len(letters)
    vowels = sum(c.lower() in _VOWELS for c in letters) / len(letters)
    return lower > 0.6 and vowels > 0.25


def _shifted(text: str, letters: str) -> bool:
    """Mostly capitals, with digits inside words or glyph numbers read back as words: lower-case
    letters shifted by a broken font map. `letters`: the text's letters alone."""
    if len(letters) < MIN_LETTERS_FOR_GLYPHS:
        return False
    if not sum(map(str.isupper, letters)) / len(letters) > 0.6:
        return False  # the looks below are needed only for text mostly in capitals
    if _glyph_numbers(text):
        return True
    if len(letters) < MIN_LETTERS_FOR_SHAPE:
        return False
    words = _WORD.findall(text)
    mixed = sum(1 for w in words if _DIGIT.search(w) and _LETTER.search(w))
    return mixed / max(len(words), 1) > 0.05


def is_garbage(text: str) -> bool:
    # each look below is a pass over a page's characters: the text without spaces and its
    # letters are made once for all of them
    chars = _SPACE.sub("", text)
    if garbage_share(text, chars) > 0.15:
        return True
    letters = "".join(filter(str.isalpha, chars))
    if len(chars) >= MIN_TEXT_CHARS and len(letters) < 0.3 * len(chars):
        return True
    return _shifted(text, letters)


NO_TEXT_LAYER = "no text layer"
GARBLED = "text layer is garbage (a broken font map)"
# What typesetting prints without letters: dot leaders, typed rules, dashes, bullets.
_FILL = re.compile(r"[\s._\-–—…=*·•|/]+")


def ocr_reason(text: str, images: int) -> str | None:
    """Why the page must be read by OCR, or None when its text layer will do."""
    letters = sum(map(str.isalnum, text))
    if letters < MIN_TEXT_CHARS:
        if _signs_only(text):
            return GARBLED
        return NO_TEXT_LAYER if images else None  # an empty page needs nothing
    if is_garbage(text):
        return GARBLED
    return None


def _signs_only(text: str) -> bool:
    """A page's worth of signs and hardly a letter ("# % # $%(# +%"): glyph numbers of a font
    without a character map that fall on printable signs, once leaders and rules are left out."""
    signs = _FILL.sub("", text)
    return len(signs) >= MIN_TEXT_CHARS and sum(map(str.isalnum, signs)) < 0.3 * len(signs)
