"""References from a case's text to other cases: "jf. sak 05/24", "sak 48/2022 og 07/2023"."""

from __future__ import annotations

import re

from extract.segment.text import CASE_NUMBER, case_number

_NUM = r"\d{1,3}\s*/\s*(?:\d{4}|\d{2})(?![\d/])"
REFERENCE = re.compile(
    rf"\b(?:sak(?:ene|en|er)?|saksnr\.?|sagerne|sag)\s*(?:nr\.?\s*)?(?P<nums>{_NUM}"
    rf"(?:\s*(?:,|og|&|samt|eller|/)\s*(?:sak(?:ene|en)?\s*)?{_NUM})*)",
    re.IGNORECASE,
)


def find_references(text: str, own: str | None = None) -> list[str]:
    """Normalized case numbers named in `text`, in order, without `own` and without repeats."""
    found: list[str] = []
    for m in REFERENCE.finditer(text):
        for n in CASE_NUMBER.finditer(m.group("nums")):
            number = case_number(n.group(1), n.group(2))
            if number and number != own and number not in found:
                found.append(number)
    return found
