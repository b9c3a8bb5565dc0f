"""What minutes say of themselves: approved ("Protokollen ble godkjent", "Referatet godkjennes på
e-post") or a draft ("Foreløpig protokoll", "Utkast"). Only the document's head and its closing
lines count: a case approving the minutes of an earlier meeting says nothing of these.
"""

from __future__ import annotations

import re

from extract.segment.text import clean
from extract.segment.vocabulary import OTHER_MINUTES
from models.layout import Line

DRAFT = re.compile(
    r"\b(?:utkast|foreløpig|foreløpige|førebels|ikke\s+godkjent|ikkje\s+godkjend|ikkje\s+godkjent|til\s+godkjenning)\b",
    re.I,
)
APPROVED = re.compile(
    r"\b(?:protokoll(?:en)?|referat(?:et)?|møtebok(?:a|en)?)\s+(?:er\s+|ble\s+|vart\s+|blei\s+)?"
    r"(?:godkjent|godkjend|godkjennes|godkjennast|signert|underskrevet|underskriven)\b"
    r"|\bgodkjent\s+(?:protokoll|referat|møtebok)\b|\b(?:elektronisk\s+)?godkjent\s+(?:av|i|på|den|via)\b",
    re.I,
)
# A label naming who is to approve or sign, not a statement that it was approved.
SIGNATORIES = re.compile(r"\b(?:godkjennes|godkjennast|signeres|underskrives)\s+av\s*(?::|$)", re.I)
CLOSING_LINES = 12
# Words every match of APPROVED and of SIGNATORIES holds, and every sentence calling minutes a
# draft: a line without them (most lines) is passed over at the cost of one search each.
_APPROVAL_WORD = re.compile(r"godkj|signer|underskr", re.I)
_NAMES_MINUTES = re.compile(r"\b(?:protokoll|referat|møtebok)", re.I)


def document_status(title: str | None, head: list[Line], tail: list[Line]) -> tuple[str | None, str | None]:
    """(status, the sentence saying it) from the title, the lines before the first case and the
    closing lines after the last one."""
    if title and DRAFT.search(title):
        return "draft", clean(title)
    for line in [*head, *tail[-CLOSING_LINES:]]:
        text = clean(line.text)
        if not text:
            continue
        if _NAMES_MINUTES.search(text) and DRAFT.search(text) and not OTHER_MINUTES.search(text):
            return "draft", text
        if not _APPROVAL_WORD.search(text):
            continue
        # A date after the verb is when these minutes were approved ("godkjent på e-post 30.09.2008");
        # a meeting or date before it names other minutes.
        if SIGNATORIES.search(text):
            continue  # "Protokollen godkjennes av:" names who will approve it
        if (m := APPROVED.search(text)) and not OTHER_MINUTES.search(text[: m.end()]):
            return "approved", text
    return None, None
