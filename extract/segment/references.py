"""References from a case's text to other cases: "jf. sak 05/24", "sak 48/2022 og 07/2023".

A committee named right before the word ("SSU sak 40/22", "SSU-sak 51/22") says whose case
it is, so that a history can follow an FSU case into the SSU case that followed it up.
"""

from __future__ import annotations

import re

from extract.segment.bodies import canonical_body
from extract.segment.text import CASE_NUMBER, case_number
from extract.segment.vocabulary import BODY_ABBREVIATIONS

_NUM = r"\d{1,3}\s*/\s*(?:\d{4}|\d{2})(?![\d/])"
REFERENCE = re.compile(
    rf"(?:\b(?P<body>[A-ZÆØÅ]{{2,5}})(?:-|\s+))?"
    rf"\b(?:sak(?:ene|en|er)?|saksnr\.?|sagerne|sag)\s*(?:nr\.?\s*)?(?P<nums>{_NUM}"
    rf"(?:\s*(?:,|og|&|samt|eller|/)\s*(?:sak(?:ene|en)?\s*)?{_NUM})*)",
    re.IGNORECASE,
)


CONTEXT_CHARS = 120


def find_references(text: str, own: str | None = None) -> list[tuple[str, str | None, str]]:
    """(normalized case number, committee named with it or None, the text before it) for each case
    named in `text`, in order, without `own` and without repeats. The text before a reference
    often names another committee in full ("… i FSU barn og unge 3. mars, sak 04/24"); the
    database resolves it against the committees it knows."""
    found: dict[str, tuple[str | None, str]] = {}
    for m in REFERENCE.finditer(text):
        abbreviation = m.group("body")
        body = canonical_body(abbreviation) if abbreviation and abbreviation in BODY_ABBREVIATIONS else None
        context = " ".join(text[max(0, m.start() - CONTEXT_CHARS) : m.start()].split())
        for n in CASE_NUMBER.finditer(m.group("nums")):
            number = case_number(n.group(1), n.group(2))
            if number and number != own and number not in found:
                found[number] = (body, context)
    return [(number, body, context) for number, (body, context) in found.items()]
