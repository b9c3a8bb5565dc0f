"""Committee names: read from a document's title or running header, written one way.

"Møte 2-23 Strategisk samarbeidsutvalg (SSU)", "SSU sak 27/2024" and "Strategisk
samarbeidsutvalg" are one body; "Faglig samarbeidsutvalg for rekruttering og stabilisering"
is "FSU rekruttering og stabilisering", as the partnership writes it.
"""

from __future__ import annotations

import re

from extract.segment.text import NUMERIC_DATE, WRITTEN_DATE, clean
from extract.segment.vocabulary import BODY_ABBREVIATIONS, FSU_LONG

# Words of a title that say what the document is, not whose it is.
_TITLE_WORDS = re.compile(
    r"^(?:\w*møte(?:t|referat|innkalling|protokoll|bok)?|referat|protokoll|innkalling|saksliste|dagsorden"
    r"|saksframlegg|saksfremlegg|til|fra|i|for|med|og|nr\.?|sak|ekstraordinært?|kl\.?|\d[\d/.\-:]*)$",
    re.I,
)
_PARENS = re.compile(r"\s*\([^)]*\)")
_CASE = re.compile(r"\b(?:sak|sakene)\s+\d{1,3}\s*/\s*\d{2,4}\b.*$", re.I)
_PARTNERSHIP = re.compile(r"^helsefellesskapet\b", re.I)


def canonical_body(name: str | None) -> str | None:
    if not name:
        return None
    name = clean(_PARENS.sub("", name)).strip(" -–,:")
    if not name:
        return None
    if name.upper() in BODY_ABBREVIATIONS and name.isupper():
        return BODY_ABBREVIATIONS[name.upper()]
    if m := FSU_LONG.match(name):
        rest = name[m.end() :].strip()
        return f"FSU {rest}" if rest else "FSU"
    if re.match(r"^fsu\s+", name, re.I):
        return "FSU " + name[4:].strip()
    words = name.split()
    if words and words[0].upper() in BODY_ABBREVIATIONS and words[0].isupper() and len(words) == 1:
        return BODY_ABBREVIATIONS[words[0]]
    return name


def body_from_title(title: str | None) -> str | None:
    """The committee named in a title such as "Referat møte 4-2024 FSU rekruttering og stabilisering"."""
    if not title:
        return None
    text = NUMERIC_DATE.sub(" ", title)
    text = WRITTEN_DATE.sub(" ", text)
    text = _CASE.sub("", text)
    text = clean(_PARENS.sub(" ", text))
    words = text.split()
    stripped: list[str] = []
    while words and _TITLE_WORDS.match(words[0]):
        stripped.append(words.pop(0))
    while words and _TITLE_WORDS.match(words[-1]):
        words.pop()
    if not words:
        # "Referat fra partnerskapsmøtet": the meeting itself is the body.
        named = [
            w for w in stripped if re.match(r"^\w{4,}møte(?:t)?$", w, re.I) and not w.lower().startswith("oppstart")
        ]
        words = [named[-1][:1].upper() + named[-1][1:]] if named else []
    name = " ".join(words)
    if not name or _PARTNERSHIP.match(name) or len(words) > 10:
        return None
    return canonical_body(name)


def body_from_header(header: str | None) -> str | None:
    """A running header names the committee, sometimes after the partnership's name."""
    if not header:
        return None
    parts = [p.strip() for p in re.split(r"\s+[–—-]\s+", clean(header)) if p.strip()]
    for part in reversed(parts):
        if re.search(r"samarbeidsutvalg|utvalg\b|rådet\b|råd\b|\bFSU\b|\bSSU\b", part, re.I):
            # "Strategisk samarbeidsutvalg Faglig samarbeidsutvalg for X": the last body named.
            pieces = re.split(r"(?=\b(?:Faglig|Strategisk|Overordnet)\s+samarbeidsutvalg)", part)
            return canonical_body(pieces[-1].strip() or part)
    return None


def long_forms(body: str) -> list[str]:
    """Other ways the archive's name of a committee is written in running text (casefolded)."""
    forms = []
    if body.startswith("FSU "):
        forms.append("faglig samarbeidsutvalg for " + body[4:].casefold())
    forms += [abbr.casefold() for abbr, name in BODY_ABBREVIATIONS.items() if name == body]
    return forms
