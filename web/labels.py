"""The front's words: one Norwegian label for each value the archive stores in English."""

from __future__ import annotations

DOCUMENT_KINDS = {
    "agenda": "Innkalling",
    "minutes": "Referat / protokoll",
    "case_document": "Saksframlegg",
    "other": "Annet dokument",
}
# For file names: one short word each.
DOCUMENT_KIND_WORDS = {"agenda": "innkalling", "minutes": "referat", "case_document": "saksframlegg"}
STATUSES = {
    "present": "Til stede",
    "absent": "Forfall",
    "guest": "Møtte på sak / gjest",
    "secretariat": "Sekretariat og administrasjon",
    "observer": "Observatør",
}
STATUS_ORDER = list(STATUSES)
OUTCOMES = {
    "adopted": "Vedtatt",
    "deferred": "Utsatt",
    "withdrawn": "Trukket",
    "exempt": "Unntatt offentlighet",
    "none": "",
}
DECISION_KINDS = {"adopted": "Vedtak", "proposed": "Forslag til vedtak"}
VOTE_RESULTS = {"adopted": "vedtatt", "rejected": "falt"}
MONTHS = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]


def date(iso: str | None) -> str:
    """`2024-11-20` as a Norwegian reader writes it: 20. november 2024."""
    if not iso or len(iso) < 10:
        return iso or ""
    year, month, day = iso[:4], int(iso[5:7]), int(iso[8:10])
    return f"{day}. {MONTHS[month - 1]} {year}" if 1 <= month <= 12 else iso
