"""The front's pages, in Norwegian: case (/sak/ID), meeting (/mote/ID), committee (/utvalg,
/utvalg/NAME), person (/personer, /person/ID), the PDFs under readable names, and the routes of
all of them (the search page and its exports are in search_pages.py).

Each view reads the request, asks queries.py through Datasette's read-only connection (within the
same time limit as any query), and renders a template of templates/ on Datasette's own layout.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from db.search import decision_changed
from web import committees as committee_names
from web import labels, queries
from web.diff import word_changes
from web.links import Links
from web.metadata import archive_databases
from web.search_pages import FEED_ENTRIES, search_export, search_feed, search_page
from web.views import atom_response, by_status, case_view, changes, committees, param, render, run

MAX_PEOPLE_LISTED = 200


async def case_page(datasette, request):
    """/sak/ID: a case, its proposal and decision side by side, its history, who was there."""
    links = Links(datasette)
    case_id = unquote(request.url_vars["id"])
    feed = request.url_vars.get("feed")

    def read(conn):
        found = queries.case(conn, case_id)
        if found is None:
            return None
        meeting = queries.meeting_document(conn, found["body"], found["meeting_date"], found["document_id"])
        return {
            "case": found,
            "decisions": queries.decisions(conn, case_id),
            "history": queries.case_history(conn, found),
            "votes": queries.votes(conn, case_id),
            "mentions": queries.mentions(conn, case_id),
            "meeting_id": meeting,
            "attendance": queries.attendance(conn, meeting) if meeting else [],
        }

    data = await run(datasette, read)
    if data is None:
        raise NotFound(f"Fant ingen sak med id «{case_id}».")
    found = data["case"]
    if feed:
        rows = [found, *(r for r in data["history"] if r.get("id"))]
        rows.sort(key=lambda r: r.get("loaded_at") or "", reverse=True)
        return atom_response(
            datasette,
            request,
            f"Møtearkivet – saken {found['number']} {found['title'] or ''}",
            links.case(case_id),
            rows,
        )
    proposed, adopted = found.get("proposed_decisions"), found.get("adopted_decision")
    proposal_from = None
    if not proposed:  # minutes that do not repeat the proposal: the agenda's, for the same case number
        proposal_from = next(
            (h for h in data["history"] if h.get("relation") == "samme sak" and h.get("proposed_decisions")), None
        )
        proposed = proposal_from["proposed_decisions"] if proposal_from else None
    changed = bool(proposed and adopted and decision_changed(proposed, adopted))
    left, right = word_changes(proposed, adopted) if changed else ([(proposed or "", False)], [(adopted or "", False)])
    context = {
        "title": f"{found['number']} {found['title'] or ''}".strip(),
        "case": case_view(found, links),
        "proposed_html": changes(left, "del") if proposed else None,
        "adopted_html": changes(right, "ins") if adopted else None,
        "changed": changed,
        "proposal_from": case_view(proposal_from, links) if proposal_from else None,
        "history": [case_view(r, links) if r.get("id") else r for r in data["history"]],
        "votes": data["votes"],
        "mentions": [{**m, "url": links.person(m["person_id"]) if m["person_id"] else ""} for m in data["mentions"]],
        "attendance": by_status(data["attendance"], links),
        "meeting_url": links.meeting(data["meeting_id"] or found["document_id"]),
        "feed_url": links.case(case_id) + ".atom",
        "feed_title": "Sakens historikk",
        "text_html": Markup(str(escape(found.get("text") or "")).replace("\n", "<br>")),
    }
    return await render(datasette, request, "front_case.html", context)


async def meeting_page(datasette, request):
    """/mote/ID: a meeting's document with its people, cases and decisions."""
    links = Links(datasette)
    document_id = unquote(request.url_vars["id"])

    def read(conn):
        found = queries.document(conn, document_id)
        if found is None:
            return None
        cases = queries.document_cases(conn, document_id)
        return {
            "document": found,
            "attendance": queries.attendance(conn, document_id),
            "cases": cases,
            "others": queries.same_meeting(conn, found),
        }

    data = await run(datasette, read)
    if data is None:
        raise NotFound(f"Fant ikke møtedokumentet «{document_id}».")
    doc = data["document"]
    kind = labels.DOCUMENT_KINDS.get(doc["kind"] or "", doc["kind"] or "")
    context = {
        "title": f"{doc['body'] or 'Møte'} {labels.date(doc['meeting_date'])}".strip(),
        "document": doc,
        "kind_label": kind,
        "date_label": labels.date(doc["meeting_date"]),
        "pdf_url": links.pdf(doc["file_sha256"], doc["body"], doc["meeting_date"], doc["kind"], doc["page_start"]),
        "committee_url": links.committee(doc["body"]) if doc["body"] else "",
        "chair_url": links.person(doc["chair_person_id"]) if doc.get("chair_person_id") else "",
        "minute_taker_url": links.person(doc["minute_taker_person_id"]) if doc.get("minute_taker_person_id") else "",
        "attendance": by_status(data["attendance"], links),
        "cases": [case_view(c, links) for c in data["cases"]],
        "others": [
            {**o, "url": links.meeting(o["id"]), "kind_label": labels.DOCUMENT_KINDS.get(o["kind"] or "", "")}
            for o in data["others"]
        ],
    }
    return await render(datasette, request, "front_meeting.html", context)


async def committees_page(datasette, request):
    """/utvalg: every committee, with its abbreviations and meetings."""
    links = Links(datasette)
    rows = await run(datasette, queries.committees)
    for row in rows:
        row["abbreviations"] = sorted(committee_names.printed_abbreviations(row["name"], row["titles"]))
        row["url"] = links.committee(row["name"])
        row["first_label"], row["last_label"] = labels.date(row["first"]), labels.date(row["last"])
    return await render(datasette, request, "front_committees.html", {"title": "Utvalg", "committees": rows})


async def committee_page(datasette, request):
    """/utvalg/NAME: a committee's meetings over time, its members as attendance shows them, its
    cases; NAME may be an abbreviation or part of a name when it fits one committee."""
    links = Links(datasette)
    typed = unquote(request.url_vars["name"])
    known = await committees(datasette)
    chosen = committee_names.choose(typed, known) or []
    if len(chosen) != 1:
        raise NotFound(
            f"Fant ikke ett utvalg som heter «{typed}»" + (f" (passer: {', '.join(chosen)})" if chosen else "")
        )
    name = chosen[0]
    if request.url_vars.get("feed"):
        search = queries.Search("", [name])
        rows = await run(datasette, lambda conn: queries.newest_cases(conn, search, FEED_ENTRIES))
        return atom_response(datasette, request, f"Møtearkivet – {name}", links.committee(name), rows)

    def read(conn):
        return {
            "meetings": queries.committee_meetings(conn, name),
            "members": queries.committee_members(conn, name),
            "cases": queries.committee_cases(conn, name),
        }

    data = await run(datasette, read)
    meetings = [
        {
            **m,
            "url": links.meeting(m["id"]),
            "kind_label": labels.DOCUMENT_KINDS.get(m["kind"] or "", ""),
            "date_label": labels.date(m["meeting_date"]),
        }
        for m in data["meetings"]
    ]
    members = [{**m, "url": links.person(m["person_id"]) if m["person_id"] else ""} for m in data["members"]]
    context = {
        "title": name,
        "name": name,
        "abbreviations": sorted(known.get(name, ())),
        "meetings": meetings,
        "members": members,
        "cases": [case_view(c, links) for c in data["cases"]],
        "all_cases_url": links.path("/sok", utvalg=name),
        "feed_url": links.committee(name) + ".atom",
        "feed_title": f"Nye saker i {name}",
        "years": sorted({m["meeting_date"][:4] for m in data["meetings"] if m["meeting_date"]}, reverse=True),
    }
    return await render(datasette, request, "front_committee.html", context)


async def people_page(datasette, request):
    """/personer?q=: people by any part of their name."""
    links = Links(datasette)
    typed = param(request, "q")
    found = await run(datasette, lambda conn: queries.people_named(conn, typed)) if typed else []
    shown = [{**r, "url": links.person(r["id"])} for r in found[:MAX_PEOPLE_LISTED]]
    context = {"title": "Personer", "q": typed, "people": shown, "total": len(found), "limit": MAX_PEOPLE_LISTED}
    return await render(datasette, request, "front_people.html", context)


async def person_page(datasette, request):
    """/person/ID: meetings with role and status, committees, organisations, mentions."""
    links = Links(datasette)
    person_id = unquote(request.url_vars["id"])
    found = await run(datasette, lambda conn: queries.person(conn, person_id))
    if found is None:
        raise NotFound(f"Fant ingen person med id «{person_id}».")
    meetings = [
        {
            **m,
            "url": links.meeting(m["document_id"]),
            "date_label": labels.date(m["meeting_date"]),
            "status_label": labels.STATUSES.get(m["status"] or "", ""),
            "committee_url": links.committee(m["body"] or ""),
            "kind_label": labels.DOCUMENT_KINDS.get(m["kind"] or "", ""),
        }
        for m in found["meetings_listed"]
    ]
    committees = sorted({m["body"] for m in found["meetings_listed"] if m["body"]})
    context = {
        "title": found["name"],
        "person": found,
        "meetings": meetings,
        "committees": [{"name": c, "url": links.committee(c)} for c in committees],
        "organisations": found["organisations"],
        "mentioned_in": [
            {**c, "url": links.case(c["id"]), "date_label": labels.date(c["meeting_date"])}
            for c in found["mentioned_in"]
        ],
    }
    return await render(datasette, request, "front_person.html", context)


def _objects(datasette) -> Path | None:
    """The archive's PDF objects: the folder `minutes serve` mounts as /pdf."""
    for mount, folder in getattr(datasette, "static_mounts", []):
        if mount == "pdf":
            return Path(folder)
    return None


async def pdf_file(datasette, request):
    """/dokument/SHA256/NAME.pdf: the PDF under a name a person can read (the name is only for
    the download; the file is found by its sha256)."""
    sha = request.url_vars["sha"]
    name = unquote(request.url_vars["name"])
    objects = _objects(datasette)
    path = objects / sha[:2] / f"{sha}.pdf" if objects else None
    if path is None or not path.is_file():
        raise NotFound("PDF-en finnes ikke her (serveres av `minutes serve --archive`).")
    headers = {"content-disposition": f"inline; filename*=UTF-8''{request.url_vars['name']}"}
    if not re.fullmatch(r"[\w.-]+", name, re.UNICODE):
        headers = {}
    return Response(path.read_bytes(), content_type="application/pdf", headers=headers)


@hookimpl
def register_routes(datasette):
    return [
        (r"^/sok$", search_page),
        (r"^/sok\.(?P<format>csv|json)$", search_export),
        (r"^/sok\.atom$", search_feed),
        (r"^/sak/(?P<id>[^/]+?)(?P<feed>\.atom)?$", case_page),
        (r"^/mote/(?P<id>[^/]+)$", meeting_page),
        (r"^/utvalg$", committees_page),
        (r"^/utvalg/(?P<name>[^/]+?)(?P<feed>\.atom)?$", committee_page),
        (r"^/personer$", people_page),
        (r"^/person/(?P<id>[^/]+)$", person_page),
        (r"^/dokument/(?P<sha>[0-9a-f]{64})/(?P<name>[^/]+\.pdf)$", pdf_file),
    ]


@hookimpl
def extra_template_vars(template, database, table, datasette, request):
    """The home page: the search form and committees; every page: the front's links."""

    async def inner():
        links = Links(datasette)
        names = archive_databases(datasette)
        context = {
            "front": {
                "search": links.path("/sok"),
                "committees": links.path("/utvalg"),
                "people": links.path("/personer"),
                "overview": links.path("/-/dashboards/oversikt"),
                "tables": datasette.urls.database(names[0]) if names else "",
            }
        }
        if template == "index.html" and names:
            rows = await run(datasette, queries.committees)
            context["front"]["committee_list"] = [{"name": r["name"], "url": links.committee(r["name"])} for r in rows]
        if template.startswith("row") and table == "cases" and request is not None:
            context["front"]["case_url"] = links.case(unquote(request.url_vars.get("pks", "")))
        return context

    return inner


@hookimpl
def filters_from_request(request, database, table, datasette):
    """A search in a table that has no search index finds nothing and says why (Datasette would
    ignore the words and list every row)."""
    searched = [k for k in request.args if k == "_search" or k.startswith("_search_")]
    if not searched or not any(request.args.get(k) for k in searched):
        return None

    async def inner():
        from datasette.filters import FilterArguments

        db = datasette.get_database(database)
        if datasette.metadata("fts_table", database=database, table=table, fallback=False) or await db.fts_table(table):
            return None
        return FilterArguments(["0"], human_descriptions=["søk er ikke mulig i denne tabellen (ingen søkeindeks)"])

    return inner
