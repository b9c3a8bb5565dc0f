"""The front's SQL: what each page asks the archive, as functions of a SQLite connection.

Pages call these through Datasette's `execute_fn` (its read-only connection and time limit);
every function returns plain dicts, so the pages, the exports and the feeds share them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from db.search import finds, fts_query, snippet, terms

PAGE_SIZE = 50
# A word search ranks at most this many matches, the newest loaded (as the canned searches do):
# ranking every match of a word found in most of the archive would cost seconds. The page says
# when the cap applies; exports and feeds are not capped.
MAX_RANKED = 2000
# The order in which a match ranks: in the title, the adopted decision, a proposal, the text.
RANKED_COLUMNS = ("title", "adopted_decision", "proposed_decisions", "text")
CASE_COLUMNS = (
    "c.id, c.number, c.prefix, c.title, c.body, c.meeting_date, c.document_kind, c.page, c.outcome, "
    "c.proposed_decisions, c.adopted_decision, c.source_url, c.document_id, d.file_sha256, d.kind as doc_kind"
)


@dataclass
class Search:
    """A search of cases as the form gives it: words, and filters already read (ISO dates,
    committee names resolved); an empty `words` lists every case the filters let through."""

    words: str = ""
    committees: list[str] | None = None  # None: any committee; []: none matched what was typed
    date_from: str | None = None
    date_to: str | None = None
    decision: str = ""  # "vedtak": in adopted decisions only, "forslag": in proposals only
    document_kind: str = ""
    terms: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.terms = terms(self.words)

    def match(self, column: str | None = None) -> str:
        base = fts_query(self.words)
        return f"{column} : ({base})" if column else base

    def scope(self) -> str | None:
        """The column a word search is held to, by the decision filter."""
        return {"vedtak": "adopted_decision", "forslag": "proposed_decisions"}.get(self.decision)

    def filters(self) -> tuple[list[str], list]:
        where, params = ["coalesce(c.current, 1) = 1"], []
        if self.committees is not None:
            where.append(f"c.body in ({', '.join('?' for _ in self.committees)})" if self.committees else "0")
            params += self.committees
        if self.date_from:
            where.append("c.meeting_date >= ?")
            params.append(self.date_from)
        if self.date_to:
            where.append("c.meeting_date <= ?")
            params.append(self.date_to)
        if self.document_kind:
            where.append("c.document_kind = ?")
            params.append(self.document_kind)
        if not self.terms and self.decision == "vedtak":
            where.append("c.adopted_decision is not null")
        if not self.terms and self.decision == "forslag":
            where.append("c.proposed_decisions is not null")
        return where, params

    def filters_and_words(self) -> tuple[list[str], list]:
        """filters(), and the searched words as a condition on the case (for reads that need
        every match, not the ranked page)."""
        where, params = self.filters()
        if self.terms:
            where.append("c.rowid in (select rowid from cases_words where cases_words match ?)")
            params.append(self.match(self.scope()))
        return where, params


def _dicts(cursor: sqlite3.Cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _tier_snippet(row: dict, search: Search) -> str:
    """A snippet from the first text that holds a searched word, in the order of ranking."""
    texts = [row.get(c) for c in ("adopted_decision", "proposed_decisions", "text")]
    if search.terms:
        for text in texts:
            if text and finds(text, search.terms):
                return snippet(text, search.words, 260)
    first = next((t for t in texts if t), "")
    return snippet(first, "", 260)


def _tier(row: tuple, words: list[str]) -> int:
    """Where a case holds every searched word: its title (0), adopted decision (1), a proposal
    (2), or only across its fields and text (3). The same matching as the index's (db.search)."""
    for k, text in enumerate(row):
        if text and all(finds(text, [w]) for w in words):
            return k
    return len(RANKED_COLUMNS) - 1


def _ranked_page(conn: sqlite3.Connection, search: Search, found: list[tuple], offset: int) -> list[int]:
    """The rowids of one page of hits, ranked by where the words stand, then by how well they
    match (bm25), then newest first. The fields are read for the ranked hits only."""
    if not found:
        return []
    fields = conn.execute(
        """with hits(id) as (select value from json_each(?))
           select c.rowid, c.title, c.adopted_decision, c.proposed_decisions, c.meeting_date
             from hits join cases c on c.rowid = hits.id""",
        [json.dumps([rowid for rowid, _ in found])],
    ).fetchall()
    score = dict(found)
    newest_first = sorted(fields, key=lambda r: r[4] or "", reverse=True)
    ranked = sorted(newest_first, key=lambda r: (_tier(tuple(r[1:4]), search.terms), score[r[0]]))
    return [r[0] for r in ranked[offset : offset + PAGE_SIZE]]


def _cases_by_rowid(conn: sqlite3.Connection, rowids: list[int]) -> list[dict]:
    """Cases in the order of `rowids`."""
    if not rowids:
        return []
    rows = _dicts(
        conn.execute(
            f"""select c.rowid as _rowid, {CASE_COLUMNS}, c.text from cases c
                  left join documents d on d.id = c.document_id
                 where c.rowid in ({", ".join("?" for _ in rowids)})""",
            rowids,
        )
    )
    by_rowid = {r.pop("_rowid"): r for r in rows}
    return [by_rowid[rowid] for rowid in rowids if rowid in by_rowid]


def search_cases(conn: sqlite3.Connection, search: Search, page: int = 1) -> dict:
    """One page of cases for a search: ranked for words, newest first without them."""
    where, params = search.filters()
    offset = (max(page, 1) - 1) * PAGE_SIZE
    if search.terms:
        scope = search.scope()
        matched = search.match(scope)
        if len(where) > 1:
            # Filters first (by their indexes), then the word's matches in rowid order kept when
            # they are among them: a join per match would read the case of every match of a
            # common word. The unary plus keeps FTS5 from seeking each filtered rowid.
            hits = f"""
                select w.rowid as id, bm25(cases_words) as score from cases_words w
                 where cases_words match ? and +w.rowid in (select c.rowid from cases c where {" and ".join(where)})
                 order by w.rowid desc"""
        else:
            hits = f"""
                select w.rowid as id, bm25(cases_words) as score
                  from cases_words w join cases c on c.rowid = w.rowid
                 where cases_words match ? and {" and ".join(where)}
                 order by w.rowid desc"""
        found = [tuple(r) for r in conn.execute(f"{hits} limit {MAX_RANKED + 1}", [matched, *params])]
        total = len(found)
        page_ids = _ranked_page(conn, search, found[:MAX_RANKED], offset)
        rows = _cases_by_rowid(conn, page_ids)
        capped = total > MAX_RANKED
        total = min(total, MAX_RANKED)
    else:
        total = conn.execute(f"select count(*) from cases c where {' and '.join(where)}", params).fetchone()[0]
        sql = f"""
            select {CASE_COLUMNS}, c.text from cases c left join documents d on d.id = c.document_id
             where {" and ".join(where)}
             order by c.meeting_date desc, c.body, c.number limit {PAGE_SIZE} offset {offset}"""
        rows, capped = _dicts(conn.execute(sql, params)), False
    for row in rows:
        row["snippet"] = _tier_snippet(row, search)
        row.pop("text", None)
    return {"rows": rows, "total": total, "capped": capped, "page": page, "pages": max(1, -(-total // PAGE_SIZE))}


def export_order(conn: sqlite3.Connection, search: Search) -> list:
    """The ids of the cases a search finds, newest first: an export reads them all, with no cap.
    Sorted once here; the rows are then read a batch at a time by id (export_rows), so a long
    export costs one sort, not one per batch as an offset would."""
    where, params = search.filters_and_words()
    sql = f"select c.id from cases c where {' and '.join(where)} order by c.meeting_date desc, c.body, c.number, c.id"
    return [row[0] for row in conn.execute(sql, params)]


def export_rows(conn: sqlite3.Connection, ids: Sequence) -> list[dict]:
    """The cases of `ids`, whole texts, in the order of `ids`."""
    cursor = conn.execute(
        f"""select {CASE_COLUMNS}, f.loaded_at from cases c left join documents d on d.id = c.document_id
             left join files f on f.sha256 = d.file_sha256 where c.id in ({", ".join("?" for _ in ids)})""",
        list(ids),
    )
    by_id = {row["id"]: row for row in _dicts(cursor)}
    return [by_id[i] for i in ids if i in by_id]


def newest_cases(conn: sqlite3.Connection, search: Search, limit: int = 50) -> list[dict]:
    """The cases a search finds, the most recently loaded first: a feed's entries."""
    where, params = search.filters_and_words()
    sql = f"""select {CASE_COLUMNS}, f.loaded_at from cases c join documents d on d.id = c.document_id
                join files f on f.sha256 = d.file_sha256
               where {" and ".join(where)} order by f.loaded_at desc, c.meeting_date desc, c.number limit ?"""
    return _dicts(conn.execute(sql, [*params, limit]))


# Rows every search page asks for, kept per database file until their table changes: key → (stamp, rows).
_KEPT: dict[tuple[str, str], tuple[tuple, list[dict]]] = {}


def _kept(conn: sqlite3.Connection, table: str, read: Callable[[sqlite3.Connection], list[dict]]) -> list[dict]:
    """`read(conn)`, read again only when rows were added to or removed from `table`."""
    stamp = tuple(conn.execute(f"select count(*), max(rowid) from [{table}]").fetchone())
    key = (conn.execute("pragma database_list").fetchone()[2], table)
    cached = _KEPT.get(key)
    if not cached or cached[0] != stamp:
        cached = _KEPT[key] = (stamp, read(conn))
    return cached[1]


def committees(conn: sqlite3.Connection) -> list[dict]:
    """Every committee with its meetings and the document titles that may print its abbreviation
    (kept until documents change: every search page asks for them)."""
    return [dict(r) for r in _kept(conn, "documents", _read_committees)]


def _read_committees(conn: sqlite3.Connection) -> list[dict]:
    rows = _dicts(
        conn.execute(
            """select body as name, count(distinct meeting_date) as meetings, min(meeting_date) as first,
                      max(meeting_date) as last
                 from documents where body is not null and body != '' group by body order by body"""
        )
    )
    titles: dict[str, list[str]] = {}
    for body, title in conn.execute("select distinct body, title from documents where title like '%(%)%'"):
        titles.setdefault(body, []).append(title)
    for row in rows:
        row["titles"] = titles.get(row["name"], [])
    return rows


def case(conn: sqlite3.Connection, case_id: str) -> dict | None:
    rows = _dicts(
        conn.execute(
            f"""select {CASE_COLUMNS}, c.text, c.exempt_basis, d.title as document_title, d.start_time,
                       d.end_time, d.place, f.loaded_at
                  from cases c left join documents d on d.id = c.document_id
                  left join files f on f.sha256 = d.file_sha256 where c.id = ?""",
            [case_id],
        )
    )
    return rows[0] if rows else None


def case_history(conn: sqlite3.Connection, found: dict) -> list[dict]:
    """The case's handling elsewhere: the same committee's case number in other documents, its
    cases titled alike (handled again under another number), the cases it refers to and those
    that refer to it (across committees)."""
    sql = f"""
        select 'samme sak' as relation, {CASE_COLUMNS}, f.loaded_at from cases c
          left join documents d on d.id = c.document_id left join files f on f.sha256 = d.file_sha256
         where c.body = :body and c.number = :number and c.id != :id
        union all
        select 'viser til', {CASE_COLUMNS}, f.loaded_at from case_references r join cases c on c.id = r.target_case_id
          left join documents d on d.id = c.document_id left join files f on f.sha256 = d.file_sha256
         where r.case_id = :id
        union all
        select 'vist til av', {CASE_COLUMNS}, f.loaded_at from case_references r join cases c on c.id = r.case_id
          left join documents d on d.id = c.document_id left join files f on f.sha256 = d.file_sha256
         where r.target_case_id = :id and c.id != :id"""
    rows = _dicts(conn.execute(sql, {"body": found["body"], "number": found["number"], "id": found["id"]}))
    similar = _similar_titles(conn, found)
    if similar:
        marks = ", ".join("?" for _ in similar)
        rows += _dicts(
            conn.execute(
                f"""select case when c.meeting_date < ? then 'tidligere behandling' else 'senere behandling' end
                           as relation, {CASE_COLUMNS}, f.loaded_at
                      from cases c left join documents d on d.id = c.document_id
                      left join files f on f.sha256 = d.file_sha256 where c.id in ({marks})""",
                [found.get("meeting_date") or "", *similar],
            )
        )
    rows.sort(key=lambda r: (r["meeting_date"] or "", r["relation"]))
    seen, out = set(), []
    for row in rows:
        if row["id"] not in seen:
            seen.add(row["id"])
            out.append(row)
    unresolved = _dicts(
        conn.execute(
            "select number, body_hint from case_references where case_id = ? and target_case_id is null",
            [found["id"]],
        )
    )
    return out + [{"relation": "viser til (ikke i arkivet)", **r} for r in unresolved]


# A case handled again under a new number keeps its title, often with a word added ("– status",
# "oppfølging"): titles this alike, within one committee, are the same matter.
SIMILAR_TITLE = 88
MAX_SIMILAR = 20
# Items every meeting has are not one matter handled again.
ROUTINE_TITLE = re.compile(
    r"^\W*(?:godkjenn\w*|konstituering|opning|åpning)\b.{0,40}\b(?:innkalling|saksliste|dagsorden|referat|"
    r"protokoll|møtebok|møtet)|^\W*(?:eventuelt|referatsak\w*|orienteringssak\w*|orienteringar|orienteringer|"
    r"meldingar|meldinger|delegerte vedtak|møteplan)\b|^\W*val[g]? av (?:møteleiar|møteleder|referent|"
    r"protokollunderskriv\w*|en til|ein til|to til)",
    re.IGNORECASE,
)
ROUTINE_SHARE = 0.4  # a title in this share of a committee's meetings (and three or more) is routine


def _similar_titles(conn: sqlite3.Connection, found: dict) -> list[str]:
    """Ids of the committee's other cases titled as this one (the same matter under another
    number), unless the title is one every meeting has."""
    title = (found.get("title") or "").strip()
    if not title or not found.get("body") or ROUTINE_TITLE.search(title):
        return []
    rows = conn.execute(
        """select id, title, meeting_date from cases
            where body = ? and id != ? and number is not ? and title is not null and coalesce(current, 1) = 1""",
        [found["body"], found["id"], found["number"]],
    ).fetchall()
    alike = [
        (i, day) for i, other, day in rows if fuzz.token_set_ratio(title.casefold(), other.casefold()) >= SIMILAR_TITLE
    ]
    meetings = conn.execute("select count(distinct meeting_date) from documents where body = ?", [found["body"]])
    days = {day for _, day in alike} | {found.get("meeting_date")}
    if len(days) >= 3 and len(days) >= ROUTINE_SHARE * (meetings.fetchone()[0] or 1):
        return []
    return [i for i, _ in alike][:MAX_SIMILAR]


def decisions(conn: sqlite3.Connection, case_id: str) -> list[dict]:
    return _dicts(conn.execute("select kind, text from decisions where case_id = ? order by position", [case_id]))


def votes(conn: sqlite3.Connection, case_id: str) -> list[dict]:
    return _dicts(
        conn.execute(
            """select on_proposal, result, unanimous, votes_for, votes_against, blank, parties_for,
                      parties_against, printed from votes where case_id = ? order by id""",
            [case_id],
        )
    )


def mentions(conn: sqlite3.Connection, case_id: str) -> list[dict]:
    return _dicts(
        conn.execute(
            """select m.name, m.person_id, p.name as person from mentions m left join people p on p.id = m.person_id
                where m.case_id = ? group by coalesce(m.person_id, m.name) order by m.name""",
            [case_id],
        )
    )


def meeting_document(conn: sqlite3.Connection, body: str | None, day: str | None, prefer: str) -> str | None:
    """The document of a meeting (committee and date) that lists who attended: the minutes first."""
    if not body or not day:
        return None
    row = conn.execute(
        """select d.id from documents d join attendance a on a.document_id = d.id
            where d.body = ? and d.meeting_date = ? and coalesce(d.current, 1) = 1
            order by d.kind = 'minutes' desc, d.id = ? desc limit 1""",
        [body, day, prefer],
    ).fetchone()
    return row[0] if row else None


def document(conn: sqlite3.Connection, document_id: str) -> dict | None:
    rows = _dicts(
        conn.execute(
            """select d.*, f.loaded_at, f.name as file_name from documents d
                 left join files f on f.sha256 = d.file_sha256 where d.id = ?""",
            [document_id],
        )
    )
    return rows[0] if rows else None


def attendance(conn: sqlite3.Connection, document_id: str) -> list[dict]:
    return _dicts(
        conn.execute(
            """select a.name, a.status, a.affiliation, a.role, a.substitute_for, a.person_id
                 from attendance a where a.document_id = ? order by rowid""",
            [document_id],
        )
    )


def document_cases(conn: sqlite3.Connection, document_id: str) -> list[dict]:
    return _dicts(
        conn.execute(
            f"""select {CASE_COLUMNS} from cases c left join documents d on d.id = c.document_id
                 where c.document_id = ? order by c.page, c.rowid""",
            [document_id],
        )
    )


def same_meeting(conn: sqlite3.Connection, found: dict) -> list[dict]:
    """The other documents of the same meeting (an agenda beside its minutes)."""
    if not found.get("body") or not found.get("meeting_date"):
        return []
    return _dicts(
        conn.execute(
            """select id, kind, title, meeting_date, body from documents
                where body = ? and meeting_date = ? and id != ? order by kind""",
            [found["body"], found["meeting_date"], found["id"]],
        )
    )


def committee_meetings(conn: sqlite3.Connection, name: str) -> list[dict]:
    return _dicts(
        conn.execute(
            """select d.id, d.kind, d.title, d.meeting_date, d.start_time, d.place, d.chair, d.loaded_at,
                      (select count(*) from cases c where c.document_id = d.id) as cases,
                      (select count(*) from attendance a where a.document_id = d.id and a.status = 'present')
                        as present
                 from (select d.*, f.loaded_at from documents d left join files f on f.sha256 = d.file_sha256
                        where d.body = ? and coalesce(d.current, 1) = 1) d
                order by d.meeting_date desc, d.kind""",
            [name],
        )
    )


def committee_members(conn: sqlite3.Connection, name: str) -> list[dict]:
    """People listed at the committee's meetings, by how often they were present."""
    return _dicts(
        conn.execute(
            """select coalesce(p.name, a.name) as name, a.person_id,
                      sum(a.status = 'present') as present, sum(a.status = 'absent') as absent,
                      count(distinct d.meeting_date) as meetings, max(d.meeting_date) as last,
                      group_concat(distinct a.status) as statuses,
                      (select a2.affiliation from attendance a2 join documents d2 on d2.id = a2.document_id
                        where a2.person_id = a.person_id and d2.body = d.body and a2.affiliation is not null
                        order by d2.meeting_date desc limit 1) as affiliation
                 from attendance a join documents d on d.id = a.document_id
                 left join people p on p.id = a.person_id
                where d.body = ? and coalesce(d.current, 1) = 1
                group by coalesce(a.person_id, a.name)
                order by present desc, meetings desc, name""",
            [name],
        )
    )


def committee_cases(conn: sqlite3.Connection, name: str, limit: int = 100) -> list[dict]:
    return _dicts(
        conn.execute(
            f"""select {CASE_COLUMNS} from cases c left join documents d on d.id = c.document_id
                 where c.body = ? and coalesce(c.current, 1) = 1
                 order by c.meeting_date desc, c.number limit ?""",
            [name, limit],
        )
    )


_NAME_WORD = re.compile(r"[^\W_]+")


def _read_people(conn: sqlite3.Connection) -> list[dict]:
    rows = _dicts(conn.execute("select id, name, committees, meetings, first_seen, last_seen from people"))
    for row in rows:
        row["_words"] = _NAME_WORD.findall((row["name"] or "").casefold())
    return rows


def people_named(conn: sqlite3.Connection, typed: str) -> list[dict]:
    """People every typed word of whose name starts a word of their name ("Guri" finds Guri Moen
    Lajord, "lajord" too), those in most meetings first. The people are read again only when
    the table changed (the search page asks on every search)."""
    words = _NAME_WORD.findall(typed.casefold())[:5]
    if not words:
        return []
    people = _kept(conn, "people", _read_people)
    found = [r for r in people if all(any(w.startswith(t) for w in r["_words"]) for t in words)]
    found.sort(key=lambda r: (-(r["meetings"] or 0), r["name"] or ""))
    return [{k: v for k, v in r.items() if k != "_words"} for r in found]


def person(conn: sqlite3.Connection, person_id: str) -> dict | None:
    rows = _dicts(conn.execute("select * from people where id = ?", [person_id]))
    if not rows:
        return None
    found = rows[0]
    found["meetings_listed"] = _dicts(
        conn.execute(
            """select d.id as document_id, d.meeting_date, d.body, d.kind, a.status, a.role, a.affiliation,
                      a.name as printed,
                      case when d.chair_person_id = a.person_id then 1 else 0 end as chair,
                      case when d.minute_taker_person_id = a.person_id then 1 else 0 end as minute_taker
                 from attendance a join documents d on d.id = a.document_id
                where a.person_id = ?
               union
               select d.id, d.meeting_date, d.body, d.kind, null, null, null, null,
                      d.chair_person_id = ?, d.minute_taker_person_id = ?
                 from documents d
                where (d.chair_person_id = ? or d.minute_taker_person_id = ?)
                  and not exists (select 1 from attendance a where a.document_id = d.id and a.person_id = ?)
                order by 2 desc""",
            [person_id] * 6,
        )
    )
    found["organisations"] = _dicts(
        conn.execute(
            """select a.affiliation, min(d.meeting_date) as first, max(d.meeting_date) as last, count(*) as times
                 from attendance a join documents d on d.id = a.document_id
                where a.person_id = ? and a.affiliation is not null
                group by a.affiliation order by first""",
            [person_id],
        )
    )
    found["mentioned_in"] = _dicts(
        conn.execute(
            """select c.id, c.number, c.title, c.body, c.meeting_date, m.name as printed
                 from mentions m join cases c on c.id = m.case_id where m.person_id = ?
                group by c.id order by c.meeting_date desc""",
            [person_id],
        )
    )
    return found
