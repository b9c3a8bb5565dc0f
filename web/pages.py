"""The front's pages, in Norwegian: search (/sok), case (/sak/ID), meeting (/mote/ID), committee
(/utvalg, /utvalg/NAME), person (/personer, /person/ID), and the PDFs under readable names.

Each view reads the request, asks queries.py through Datasette's read-only connection (within the
same time limit as any query), and renders a template of templates/ on Datasette's own layout.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from datasette import hookimpl
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import AsgiStream, NotFound, Response
from markupsafe import Markup, escape

from db.search import MARK_CLOSE, MARK_OPEN, decision_changed, terms
from web import committees as committee_names
from web import labels, queries
from web.dates import DateError, date_range
from web.diff import word_changes
from web.exports import FIELDS, atom, csv_chunks, export_row, json_head, json_rows, json_tail
from web.links import Links
from web.metadata import archive_databases

SQL_TIME_LIMIT_MS = 2000
EXPORT_BATCH = 1000
FEED_ENTRIES = 50
DECISION_FILTERS = {"": "Alt", "vedtak": "Bare vedtak", "forslag": "Bare forslag til vedtak"}
MAX_PEOPLE_LISTED = 200


def _database(datasette):
    names = archive_databases(datasette)
    if not names:
        raise NotFound("Ingen database med et møtearkiv er lastet.")
    return datasette.get_database(names[0])


async def _run(datasette, fn):
    """`fn(conn)` on the archive's read-only connection, held to the SQL time limit."""

    def limited(conn):
        with sqlite_timelimit(conn, SQL_TIME_LIMIT_MS):
            return fn(conn)

    return await _database(datasette).execute_fn(limited)


def marked(text: str | None) -> Markup:
    """A snippet's marked words as <mark>, line breaks kept."""
    out = Markup("")
    for part in (text or "").split(MARK_OPEN):
        hit, _, rest = part.partition(MARK_CLOSE) if MARK_CLOSE in part else ("", "", part)
        if hit:
            out += Markup("<mark>{}</mark>").format(hit)
        out += escape(rest)
    return Markup(str(out).replace("\n", "<br>"))


def _changes(pieces: list[tuple[str, bool]], tag: str) -> Markup:
    out = Markup("").join(Markup(f"<{tag}>{{}}</{tag}>").format(p) if hit else escape(p) for p, hit in pieces)
    return Markup(str(out).replace("\n", "<br>"))


def _param(request, *names: str) -> str:
    for name in names:
        value = request.args.get(name)
        if value:
            return value.strip()[:200]
    return ""


async def _committees(datasette) -> dict[str, set[str]]:
    rows = await _run(datasette, queries.committees)
    return {r["name"]: committee_names.printed_abbreviations(r["name"], r["titles"]) for r in rows}


async def read_search(datasette, request) -> tuple[queries.Search, dict, list[str]]:
    """The search a form asks for, what was typed, and the messages to show (a date or a
    committee the form could not read: the search is then not run, never run wrongly)."""
    form = {
        "q": _param(request, "q", "_search"),
        "utvalg": _param(request, "utvalg", "committee"),
        "fra": _param(request, "fra", "date_from"),
        "til": _param(request, "til", "date_to"),
        "type": _param(request, "type", "kind"),
        "dokument": _param(request, "dokument", "document_kind"),
    }
    messages: list[str] = []
    try:
        first, last = date_range(form["fra"], form["til"])
    except DateError as e:
        messages.append(str(e))
        first = last = None
    known = await _committees(datasette)
    chosen = committee_names.choose(form["utvalg"], known)
    if chosen == []:
        messages.append(f"Fant ikke noe utvalg som passer «{form['utvalg']}». Velg et fra listen.")
    if form["q"] and not terms(form["q"]):
        messages.append(f"«{form['q'][:40]}» har ingen ord å søke etter (bare bokstaver og tall søkes på).")
    decision = form["type"].lower() if form["type"].lower() in DECISION_FILTERS else ""
    kind = form["dokument"] if form["dokument"] in labels.DOCUMENT_KINDS else ""
    search = queries.Search(form["q"], chosen, first, last, decision, kind)
    form["chosen"] = chosen
    form["known"] = sorted(known)
    return search, form, messages


def _absolute(datasette, request, links: Links):
    def links_of(row: dict) -> dict[str, str]:
        pdf = links.pdf(
            row.get("file_sha256"), row.get("body"), row.get("meeting_date"), row.get("doc_kind"), row.get("page")
        )
        return {
            "saksside": datasette.absolute_url(request, links.case(row["id"])),
            "pdf": datasette.absolute_url(request, pdf) if pdf else "",
            "kilde": row.get("source_url") or "",
        }

    return links_of


def _case_view(row: dict, links: Links) -> dict:
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


async def _page(datasette, request, template: str, context: dict, status: int = 200) -> Response:
    html = await datasette.render_template(template, {"labels": labels, **context}, request=request)
    return Response.html(html, status=status)


async def search_page(datasette, request):
    """/sok: cases and decisions, ranked; with no words, every case the filters let through."""
    links = Links(datasette)
    search, form, messages = await read_search(datasette, request)
    try:
        page = max(1, min(int(request.args.get("side") or 1), 10_000))
    except ValueError:
        page = 1
    result = None
    if not messages:
        result = await _run(datasette, lambda conn: queries.search_cases(conn, search, page))
        result["rows"] = [_case_view(r, links) for r in result["rows"]]
    query = {k: form[k] for k in ("q", "utvalg", "fra", "til", "type", "dokument") if form[k]}
    context = {
        "title": f"Søk: {form['q']}" if form["q"] else "Søk i saker og vedtak",
        "form": form,
        "messages": messages,
        "result": result,
        "decision_filters": DECISION_FILTERS,
        "query": query,
        "links": links,
        "page_url": lambda n: links.path("/sok", **query, side=n),
        "csv_url": links.path("/sok.csv", **query),
        "excel_url": links.path("/sok.csv", **query, excel=1),
        "json_url": links.path("/sok.json", **query),
        "atom_url": links.path("/sok.atom", **query),
    }
    return await _page(datasette, request, "front_search.html", context, 400 if messages else 200)


async def search_export(datasette, request):
    """/sok.csv, /sok.json: every case the search finds, whole texts, absolute links."""
    fmt = request.url_vars["format"]
    search, form, messages = await read_search(datasette, request)
    if messages:
        return Response.text("\n".join(messages) + "\n", status=400)
    links = Links(datasette)
    absolute = _absolute(datasette, request, links)

    async def batches():
        offset = 0
        while True:
            rows = await _run(datasette, lambda conn, o=offset: queries.export_cases(conn, search, EXPORT_BATCH, o))
            if not rows:
                return
            yield [export_row(r, absolute) for r in rows]
            offset += len(rows)

    if fmt == "json":
        about = {"search": {k: v for k, v in form.items() if k != "known"}, "fields": FIELDS}

        async def stream_json(writer):  # written a batch at a time: an export of the whole archive is not held
            count = 0
            await writer.write(json_head(about))
            async for batch in batches():
                await writer.write(json_rows(batch, first=count == 0))
                count += len(batch)
            await writer.write(json_tail(count))

        return AsgiStream(stream_json, content_type="application/json; charset=utf-8")
    excel = bool(request.args.get("excel"))
    name = "sok-excel.csv" if excel else "sok.csv"

    async def stream(writer):
        first = True
        async for batch in batches():
            for chunk in csv_chunks(batch, excel=excel, header=first):
                await writer.write(chunk)
            first = False
        if first:  # nothing found: the header alone
            for chunk in csv_chunks([], excel=excel):
                await writer.write(chunk)

    return AsgiStream(
        stream,
        headers={"content-disposition": f'attachment; filename="{name}"'},
        content_type="text/csv; charset=utf-8",
    )


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


def _atom(datasette, request, title: str, page: str, rows: list[dict]) -> Response:
    links = Links(datasette)
    entries = [_entry(r, datasette, request, links) for r in rows]
    body = atom(title, request.url, datasette.absolute_url(request, page), entries)
    return Response(body.decode("utf-8"), content_type="application/atom+xml; charset=utf-8")


async def search_feed(datasette, request):
    """/sok.atom: the newest loaded cases a search finds, for a feed reader."""
    search, form, messages = await read_search(datasette, request)
    if messages:
        return Response.text("\n".join(messages) + "\n", status=400)
    rows = await _run(datasette, lambda conn: queries.newest_cases(conn, search, FEED_ENTRIES))
    query = {k: form[k] for k in ("q", "utvalg", "fra", "til", "type", "dokument") if form[k]}
    words = ", ".join(f"{k}: {v}" for k, v in query.items()) or "alle saker"
    return _atom(datasette, request, f"Møtearkivet – søk ({words})", Links(datasette).path("/sok", **query), rows)


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

    data = await _run(datasette, read)
    if data is None:
        raise NotFound(f"Fant ingen sak med id «{case_id}».")
    found = data["case"]
    if feed:
        rows = [found, *(r for r in data["history"] if r.get("id"))]
        rows.sort(key=lambda r: r.get("loaded_at") or "", reverse=True)
        return _atom(
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
        "case": _case_view(found, links),
        "proposed_html": _changes(left, "del") if proposed else None,
        "adopted_html": _changes(right, "ins") if adopted else None,
        "changed": changed,
        "proposal_from": _case_view(proposal_from, links) if proposal_from else None,
        "history": [_case_view(r, links) if r.get("id") else r for r in data["history"]],
        "votes": data["votes"],
        "mentions": [{**m, "url": links.person(m["person_id"]) if m["person_id"] else ""} for m in data["mentions"]],
        "attendance": _by_status(data["attendance"], links),
        "meeting_url": links.meeting(data["meeting_id"] or found["document_id"]),
        "feed_url": links.case(case_id) + ".atom",
        "text_html": Markup(str(escape(found.get("text") or "")).replace("\n", "<br>")),
    }
    return await _page(datasette, request, "front_case.html", context)


def _by_status(rows: list[dict], links: Links) -> list[tuple[str, list[dict]]]:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["status"] or "", []).append(
            {**row, "url": links.person(row["person_id"]) if row.get("person_id") else ""}
        )
    order = [*labels.STATUS_ORDER, *sorted(set(groups) - set(labels.STATUS_ORDER))]
    return [(labels.STATUSES.get(s, s), groups[s]) for s in order if s in groups]


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

    data = await _run(datasette, read)
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
        "attendance": _by_status(data["attendance"], links),
        "cases": [_case_view(c, links) for c in data["cases"]],
        "others": [
            {**o, "url": links.meeting(o["id"]), "kind_label": labels.DOCUMENT_KINDS.get(o["kind"] or "", "")}
            for o in data["others"]
        ],
    }
    return await _page(datasette, request, "front_meeting.html", context)


async def committees_page(datasette, request):
    """/utvalg: every committee, with its abbreviations and meetings."""
    links = Links(datasette)
    rows = await _run(datasette, queries.committees)
    for row in rows:
        row["abbreviations"] = sorted(committee_names.printed_abbreviations(row["name"], row["titles"]))
        row["url"] = links.committee(row["name"])
        row["first_label"], row["last_label"] = labels.date(row["first"]), labels.date(row["last"])
    return await _page(datasette, request, "front_committees.html", {"title": "Utvalg", "committees": rows})


async def committee_page(datasette, request):
    """/utvalg/NAME: a committee's meetings over time, its members as attendance shows them, its
    cases; NAME may be an abbreviation or part of a name when it fits one committee."""
    links = Links(datasette)
    typed = unquote(request.url_vars["name"])
    known = await _committees(datasette)
    chosen = committee_names.choose(typed, known) or []
    if len(chosen) != 1:
        raise NotFound(
            f"Fant ikke ett utvalg som heter «{typed}»" + (f" (passer: {', '.join(chosen)})" if chosen else "")
        )
    name = chosen[0]
    if request.url_vars.get("feed"):
        search = queries.Search("", [name])
        rows = await _run(datasette, lambda conn: queries.newest_cases(conn, search, FEED_ENTRIES))
        return _atom(datasette, request, f"Møtearkivet – {name}", links.committee(name), rows)

    def read(conn):
        return {
            "meetings": queries.committee_meetings(conn, name),
            "members": queries.committee_members(conn, name),
            "cases": queries.committee_cases(conn, name),
        }

    data = await _run(datasette, read)
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
        "cases": [_case_view(c, links) for c in data["cases"]],
        "all_cases_url": links.path("/sok", utvalg=name),
        "feed_url": links.committee(name) + ".atom",
        "years": sorted({m["meeting_date"][:4] for m in data["meetings"] if m["meeting_date"]}, reverse=True),
    }
    return await _page(datasette, request, "front_committee.html", context)


_NAME_WORD = re.compile(r"[^\W_]+")


def _fits(typed_words: list[str], name: str) -> bool:
    """Every typed word starts a word of the name ("Guri" finds Guri Moen Lajord, "lajord" too)."""
    words = _NAME_WORD.findall(name.casefold())
    return all(any(w.startswith(t) for w in words) for t in typed_words)


async def people_page(datasette, request):
    """/personer?q=: people by any part of their name."""
    links = Links(datasette)
    typed = _param(request, "q")
    words = _NAME_WORD.findall(typed.casefold())[:5]
    found = []
    if words:
        rows = await _run(datasette, queries.people)
        found = [r for r in rows if _fits(words, r["name"] or "")]
        found.sort(key=lambda r: (-(r["meetings"] or 0), r["name"]))
    shown = [{**r, "url": links.person(r["id"])} for r in found[:MAX_PEOPLE_LISTED]]
    context = {"title": "Personer", "q": typed, "people": shown, "total": len(found), "limit": MAX_PEOPLE_LISTED}
    return await _page(datasette, request, "front_people.html", context)


async def person_page(datasette, request):
    """/person/ID: meetings with role and status, committees, organisations, mentions."""
    links = Links(datasette)
    person_id = unquote(request.url_vars["id"])
    found = await _run(datasette, lambda conn: queries.person(conn, person_id))
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
    return await _page(datasette, request, "front_person.html", context)


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
            rows = await _run(datasette, queries.committees)
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
