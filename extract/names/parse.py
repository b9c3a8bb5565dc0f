"""Names as tokens, and the rules by which two printed names can be one person.

Each rule returns its name and a score, so that every automatic merge can say why:
  exact                  the same name up to case, accents and punctuation;
  middle-names           a middle name present, absent or reduced to an initial
                         ("Guri Moen Lajord" = "Guri Lajord", "Noeline W. Goos" = "Noeline Goos");
  hyphenated-given-name  part of a hyphenated given name ("Glenn-Helge Hattmann" = "Glenn Hattmann");
  spelling               a slip in one name ("Jostein Berntzen" = "Jostein Bentzen"): weaker, it
                         needs shared context before it merges anything.
Different given names are never one person ("Terje Olsen" ≠ "Siv Olsen"), nor different
surnames ("Leif Røssås" ≠ "Leif Erik Nohr").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
SPELLING_MIN_RATIO = 85.0
SPELLING_MIN_LENGTH = 4

SCORES = {"exact": 100.0, "middle-names": 95.0, "hyphenated-given-name": 92.0}
# Resolution compares every pair of names in a block again and again (the same printed name
# stands in many documents), so these pure functions remember their answers.
_CACHE = 1 << 16


@lru_cache(maxsize=_CACHE)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of one token: "Bergstrøm" → "bergstrom"."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch) and (ch.isalnum() or ch == "-")).strip("-")


@lru_cache(maxsize=_CACHE)
def name_key(name: str) -> str:
    """A key for a whole name: "Gøril Bertheussen" → "goril-bertheussen"."""
    return "-".join(t for t in (fold(tok) for tok in name.split()) if t)


@dataclass(frozen=True, slots=True)
class ParsedName:
    given: str  # folded first given name, hyphenated parts kept: "glenn-helge"
    middles: tuple[str, ...]  # folded middle names; an initial is one letter
    surname: str

    @property
    def given_parts(self) -> tuple[str, ...]:
        return tuple(p for p in self.given.split("-") if p)

    @property
    def size(self) -> int:
        """How complete the name is: the number of name parts."""
        return len(self.given_parts) + len(self.middles) + 1


@lru_cache(maxsize=_CACHE)
def parse_name(name: str) -> ParsedName | None:
    """None for a name of one word ("Guri"): it can only be resolved within one document."""
    tokens = [fold(t) for t in re.split(r"\s+", name.strip()) if fold(t)]
    if len(tokens) < 2:
        return None
    return ParsedName(given=tokens[0], middles=tuple(tokens[1:-1]), surname=tokens[-1])


def first_name(name: str) -> str:
    tokens = [fold(t) for t in name.split() if fold(t)]
    return tokens[0] if tokens else ""


def _middles_fit(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every middle name of the shorter form stands, in order, in the longer (an initial fits its name)."""
    it = iter(long)
    return all(
        any(m == x or (len(m) == 1 and x.startswith(m)) or (len(x) == 1 and m.startswith(x)) for x in it) for m in short
    )


def _given_fits(a: ParsedName, b: ParsedName) -> str | None:
    if a.given == b.given:
        return "same"
    pa, pb = a.given_parts, b.given_parts
    if len(pa) > 1 and len(pb) == 1 and pb[0] == pa[0]:
        return "hyphen"
    if len(pb) > 1 and len(pa) == 1 and pa[0] == pb[0]:
        return "hyphen"
    return None


@lru_cache(maxsize=_CACHE)
def compatible(a: str, b: str) -> tuple[str, float] | None:
    """(rule, score) when the two printed names may be one person, else None."""
    if name_key(a) == name_key(b):
        return "exact", SCORES["exact"]
    pa, pb = parse_name(a), parse_name(b)
    if pa is None or pb is None:
        return None
    given = _given_fits(pa, pb)
    if given == "hyphen":
        # "Lars-Erik Dahl" is "Lars E. Dahl" and "Lars Dahl", never "Lars Petter Dahl": the middle
        # names of the one fit, in order, the other's second given name and middle names.
        hyph, other = (pa, pb) if len(pa.given_parts) > len(pb.given_parts) else (pb, pa)
        rest = hyph.given_parts[1:] + hyph.middles
        shorter, longer = sorted((other.middles, rest), key=len)
        if not _middles_fit(shorter, longer):
            return None
    else:
        short, long = (pa, pb) if pa.size <= pb.size else (pb, pa)
        if not _middles_fit(short.middles, long.middles):
            return None
    if pa.surname == pb.surname:
        if given == "same":
            return "middle-names", SCORES["middle-names"]
        if given == "hyphen":
            return "hyphenated-given-name", SCORES["hyphenated-given-name"]
        # a slip in the given name itself: "Ola-Kristin" is not a slip of "Lars-Kristin"
        ga, gb = pa.given_parts[0], pb.given_parts[0]
        ratio = fuzz.ratio(ga, gb)
        if ratio >= SPELLING_MIN_RATIO and min(len(ga), len(gb)) >= SPELLING_MIN_LENGTH:
            return "spelling", ratio
        return None
    if given == "same":
        ratio = fuzz.ratio(pa.surname, pb.surname)
        if ratio >= SPELLING_MIN_RATIO and min(len(pa.surname), len(pb.surname)) >= SPELLING_MIN_LENGTH:
            return "spelling", ratio
    return None
