"""What the front's pages share: the archive's connection held to the time limit, the
committees a form may name, a case as lists show it, attendees by status, Atom responses."""

from __future__ import annotations

from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from db.search import MARK_CLOSE, MARK_OPEN
from web import committees as committee_names
from web import labels, queries
from web.exports import atom
from web.links import Links
from web.metadata import archive_databases

SQL_TIME_LIMIT_MS = 2000


def database(datasette):
    names = archive_databases(datasette)
    if not names:
        raise NotFound("Ingen database med et møtearkiv er lastet.")
    return datasette.get_database(names[0])


async def run(datasette, fn):
    """`fn(conn)` on the archive's read-only connection, held to the SQL time limit."""

    def limited(conn):
        with sqlite_timelimit(conn, SQL_TIME_LIMIT_MS):
            return fn(conn)

    return await database(datasette).execute_fn(limited)


def marked(text: str | None) -> Markup:
    """A snippet's marked words as <mark>, line breaks kept."""
    out = Markup("")
    for part in (text or "").split(MARK_OPEN):
        hit, _, rest = part.partition(MARK_CLOSE) if MARK_CLOSE in part else ("", "", part)
        if hit:
            out += Markup("<mark>{}</mark>").format(hit)
        out += escape(rest)
    return Markup(str(out).replace("\n", "<br>"))


def changes(pieces: list[tuple[str, bool]], tag: str) -> Markup:
    out = Markup("").join(Markup(f"<{tag}>{{}}</{tag}>").format(p) if hit else escape(p) for p, hit in pieces)
    return Markup(str(out).replace("\n", "<br>"))


def param(request, *names: str) -> str:
    for name in names:
        value = request.args.get(name)
        if value:
            return value.strip()[:200]
    return ""


async def committees(datasette) -> dict[str, set[str]]:
    rows = await run(datasette, queries.committees)
    return {r["name"]: committee_names.printed_abbreviations(r["name"], r["titles"]) for r in rows}


def case_view(row: dict, links: Links) -> dict:
    """What a list shows of a case: its labels and links."""
    return {
        **row,
        "url": links.case(row["id"]),
        "pdf_url": links.pdf(
            row.get("file_sha256"), row.get("body"), row.get("meeting_date"), row.get("doc_kind"), row.get("page")
        ),
        "date_label": labels.date(row.get("meeting_date")),
        "kind_label": labels.DOCUMENT_KINDS.get(row.get("document_kind") or "", row.get("document_kind") or ""),
        "outcome_label": labels.OUTCOMES.get(row.get("outcome") or "", ""),
        "committee_url": links.committee(row["body"]) if row.get("body") else "",
        "snippet_html": marked(row.get("snippet")),
        "meeting_url": links.meeting(row["document_id"]) if row.get("document_id") else "",
    }


async def render(datasette, request, template: str, context: dict, status: int = 200) -> Response:
    html = await datasette.render_template(template, {"labels": labels, **context}, request=request)
    return Response.html(html, status=status)


def _entry(row: dict, datasette, request, links: Links) -> dict:
    title = " ".join(x for x in (row.get("body"), row.get("number"), "–", row.get("title") or "") if x)
    summary = row.get("adopted_decision") or row.get("proposed_decisions") or ""
    kind = labels.DOCUMENT_KINDS.get(row.get("document_kind") or "", "")
    return {
        "title": f"{title} ({kind}, {labels.date(row.get('meeting_date'))})",
        "link": datasette.absolute_url(request, links.case(row["id"])),
        "updated": row.get("loaded_at"),
        "summary": summary,
    }


def atom_response(datasette, request, title: str, page: str, rows: list[dict]) -> Response:
    links = Links(datasette)
    entries = [_entry(r, datasette, request, links) for r in rows]
    body = atom(title, request.url, datasette.absolute_url(request, page), entries)
    return Response(body.decode("utf-8"), content_type="application/atom+xml; charset=utf-8")


def by_status(rows: list[dict], links: Links) -> list[tuple[str, list[dict]]]:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["status"] or "", []).append(
            {**row, "url": links.person(row["person_id"]) if row.get("person_id") else ""}
        )
    order = [*labels.STATUS_ORDER, *sorted(set(groups) - set(labels.STATUS_ORDER))]
    return [(labels.STATUSES.get(s, s), groups[s]) for s in order if s in groups]
