"""Person ids for the attendees of extracted files: every name of the run resolved at once."""

from __future__ import annotations

from collections.abc import Iterable

from extract.names.mentions import has_name_evidence
from extract.names.overrides import Overrides
from extract.names.parse import first_name
from extract.names.registry import Occurrence, Resolution, resolve
from models.extraction import Attendee, FileExtraction


def occurrences(extractions: Iterable[FileExtraction]) -> tuple[list[Occurrence], list[Attendee | None]]:
    """Every name in the files, with the attendee entry it came from (None for roles and mentions)."""
    found: list[Occurrence] = []
    owners: list[Attendee | None] = []
    for result in extractions:
        for position, doc in enumerate(result.documents):
            key = f"{result.sha256}:{position}"
            ctx = {"document": key, "body": doc.body, "date": doc.meeting.date}
            for a in doc.attendees:
                found.append(Occurrence(name=a.name, affiliation=a.affiliation, role="attendee", **ctx))
                owners.append(a)
            for role, name in (("chair", doc.chair), ("minute_taker", doc.minute_taker)):
                if name:
                    found.append(Occurrence(name=name, role=role, **ctx))
                    owners.append(None)
            for case in doc.cases:
                for name in case.mentions:
                    found.append(Occurrence(name=name, role="mention", case=case.number, **ctx))
                    owners.append(None)
    return found, owners


def keep_named_mentions(extractions: list[FileExtraction], known: Iterable[str] = ()) -> None:
    """Names in case text need a name's evidence: a given name of the lists or of an attendee
    anywhere in the run or among the `known` names of the archive ("Guri Moen Lajord" in a case
    document, where Guri is listed elsewhere)."""
    names = [a.name for result in extractions for doc in result.documents for a in doc.attendees]
    given = frozenset(first_name(n) for n in [*names, *known] if len(n.split()) > 1)
    for result in extractions:
        for doc in result.documents:
            for case in doc.cases:
                case.mentions = [m for m in case.mentions if has_name_evidence(m, given)]


def assign_person_ids(extractions: Iterable[FileExtraction], overrides: Overrides | None = None) -> Resolution:
    extractions = list(extractions)
    keep_named_mentions(extractions)
    found, owners = occurrences(extractions)
    resolution = resolve(found, overrides)
    for owner, person in zip(owners, resolution.person_of, strict=True):
        if owner is not None:
            owner.person_id = person
    return resolution
