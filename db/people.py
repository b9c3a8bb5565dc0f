"""The people registry in the database: every name in the archive resolved at once.

Runs after each load (and after each curated merge or split), so person ids never depend on
the order in which files were loaded, and curated decisions survive every re-run.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from extract.names.overrides import Overrides
from extract.names.parse import compatible, name_key
from extract.names.registry import Occurrence, Resolution, resolve


def _occurrences(db: Database) -> tuple[list[Occurrence], list[tuple[str, str]]]:
    """Every name in the database, and where each came from: (table, row id or document id)."""
    found: list[Occurrence] = []
    owners: list[tuple[str, str]] = []
    for row in db.execute(
        """select a.id, a.name, a.affiliation, d.id, d.body, d.meeting_date
           from attendance a join documents d on d.id = a.document_id order by a.id"""
    ):
        found.append(Occurrence(name=row[1], affiliation=row[2], document=row[3], body=row[4], date=row[5]))
        owners.append(("attendance", row[0]))
    for role in ("chair", "minute_taker"):
        for row in db.execute(
            f"select id, {role}, body, meeting_date from documents where {role} is not null order by id"
        ):
            found.append(Occurrence(name=row[1], document=row[0], body=row[2], date=row[3], role=role))
            owners.append((role, row[0]))
    for row in db.execute(
        """select m.id, m.name, c.id, c.document_id, c.body, c.meeting_date
           from mentions m join cases c on c.id = m.case_id order by m.id"""
    ):
        found.append(Occurrence(name=row[1], document=row[3], body=row[4], date=row[5], role="mention", case=row[2]))
        owners.append(("mention", row[0]))
    return found, owners


def refresh_people(db: Database, overrides: Overrides | None = None) -> Resolution:
    occurrences, owners = _occurrences(db)
    res = resolve(occurrences, overrides)
    with db.atomic():
        # The people are rebuilt while documents still name them: checked when the transaction commits.
        db.execute("PRAGMA defer_foreign_keys = ON")
        db.execute("update attendance set person_id = null")
        db.execute("update mentions set person_id = null, rule = null, score = null")
        for table in ("person_names", "person_merges", "person_review", "people"):
            db.execute(f"delete from {table}")
        db["people"].insert_all(
            (
                {
                    "id": p.id,
                    "name": p.name,
                    "first_seen": p.first_seen,
                    "last_seen": p.last_seen,
                    "meetings": len(p.documents),
                    "committees": ", ".join(sorted(p.bodies)) or None,
                }
                for p in sorted(res.people.values(), key=lambda p: p.id)
            ),
            pk="id",
        )
        db["person_names"].insert_all(
            (
                {"person_id": p.id, "name": name, "occurrences": count}
                for p in sorted(res.people.values(), key=lambda p: p.id)
                for name, count in sorted(p.variants.items())
            ),
            pk=("person_id", "name"),
        )
        db["person_merges"].insert_all(
            (
                {"person_id": m.person, "name_a": m.a, "name_b": m.b, "rule": m.rule, "score": m.score}
                for m in res.merges
            ),
            pk="id",
        )
        db["person_review"].insert_all(
            (
                {
                    "name_a": r.a,
                    "name_b": r.b,
                    "person_a": r.persons[0],
                    "person_b": r.persons[1],
                    "reason": r.reason,
                    "evidence": r.evidence,
                }
                for r in res.review
            ),
            pk="id",
        )
        updates = {"attendance": [], "chair": [], "minute_taker": [], "mention": []}
        for (kind, key), person, how in zip(owners, res.person_of, res.how, strict=True):
            if person is not None:
                updates[kind].append((person, how, key))
        db.conn.executemany(
            "update attendance set person_id = ? where id = ?", [(p, k) for p, _, k in updates["attendance"]]
        )
        # Documents are indexed for search: only rows whose people change are written, as any
        # write would re-index the document's whole text.
        roles: dict[str, list[str | None]] = {doc: [None, None] for (doc,) in db.execute("select id from documents")}
        for slot, kind in enumerate(("chair", "minute_taker")):
            for person, _, doc in updates[kind]:
                roles[doc][slot] = person
        db.conn.executemany(
            """update documents set chair_person_id = ?, minute_taker_person_id = ?
               where id = ? and (chair_person_id is not ? or minute_taker_person_id is not ?)""",
            [(chair, taker, doc, chair, taker) for doc, (chair, taker) in roles.items()],
        )
        db.conn.executemany(
            "update mentions set person_id = ?, rule = ?, score = ? where id = ?",
            [(p, h[0], h[1], k) for p, h, k in updates["mention"]],
        )
        link_vote_members(db)
    return res


def link_vote_members(db: Database) -> None:
    """A member named in a vote ("Følgende stemte mot: Hansen, Kari Olsen") is the one attendee
    of the same meeting the name fits: the full name, or the surname alone where one fits."""
    attendees: dict[str, list[tuple[str, str]]] = {}
    for doc, name, person in db.execute(
        "select document_id, name, person_id from attendance where person_id is not null"
    ):
        attendees.setdefault(doc, []).append((name, person))
    updates = []
    for member_id, name, doc, current in db.execute(
        """select m.id, m.name, v.document_id, m.person_id from vote_members m join votes v on v.id = m.vote_id"""
    ):
        present = attendees.get(doc, [])
        fits = {p for n, p in present if name_key(n) == name_key(name) or compatible(n, name)}
        if not fits and len(name.split()) == 1:
            fits = {p for n, p in present if name_key(n.split()[-1]) == name_key(name)}
        person = fits.pop() if len(fits) == 1 else None
        if person != current:
            updates.append((person, member_id))
    db.conn.executemany("update vote_members set person_id = ? where id = ?", updates)


def curate(db_path: Path, overrides_path: Path, action: str, a: str, b: str) -> str:
    """Record a curated merge or split in the archive's overrides file and apply it at once; says
    what it did, and refuses a split the registry cannot honour."""
    from extract.names.registry import qualified

    db = Database(db_path)
    try:
        known = {name_key(name) for (name,) in db.execute("select distinct name from person_names")}
        for name in (a, b):
            if name_key(qualified(name)[0]) not in known:
                raise ValueError(f"no person is printed as {qualified(name)[0]!r} in this archive")
        overrides = Overrides.load(overrides_path)
        before = (list(overrides.merge), list(overrides.split))
        (overrides.add_merge if action == "merge" else overrides.add_split)(a, b)
        overrides.save(overrides_path)
        res = refresh_people(db, overrides)
        ids = {person for person, name in db.execute("select person_id, name from person_names") if name in (a, b)}
        if action == "split" and len(ids) < 2 and qualified(a)[1] is None:
            overrides.merge, overrides.split = before
            overrides.save(overrides_path)
            refresh_people(db, overrides)
            raise ValueError(
                f"{a!r} and {b!r} are printed for one person in some document (or a curated merge joins "
                "them): a split cannot part them; name each one's committee, e.g. 'Name (Committee)'"
            )
        if action == "merge":
            return f"merged {a!r} and {b!r} into {sorted(ids)[0] if ids else '?'}"
        third = [m for m in res.merges if {m.a, m.b} & {a, b}]
        joined = "; ".join(f"{m.a!r} joins {m.b!r} ({m.rule})" for m in third)
        return f"split {a!r} from {b!r}: now {', '.join(sorted(ids)) or 'apart'}" + (f"; {joined}" if joined else "")
    finally:
        db.close()


def review_items(db_path: Path) -> list[dict]:
    db = Database(db_path)
    try:
        return list(
            db.query("select name_a, name_b, person_a, person_b, reason, evidence from person_review order by id")
        )
    finally:
        db.close()
