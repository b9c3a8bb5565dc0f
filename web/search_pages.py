"""The search page (/sok) and what a search gives besides: CSV (plain or for Excel), JSON and
an Atom feed, all from one reading of the form."""

from __future__ import annotations

from datasette.utils.asgi import AsgiStream, Response

from db.search import terms
from web import committees as committee_names
from web import labels, queries
from web.dates import DateError, date_range
from web.exports import FIELDS, csv_chunks, export_row, json_head, json_rows, json_tail
from web.links import Links
from web.views import atom_response, case_view, committees, param, render, run

EXPORT_BATCH = 1000
FEED_ENTRIES = 50
MAX_NAME_WORDS = 3  # a search of up to this many words may be a person's name: matching people are offered
MAX_PEOPLE_SHOWN = 5
DECISION_FILTERS = {"": "Alt", "vedtak": "Bare vedtak", "forslag": "Bare forslag til vedtak"}


async def read_search(datasette, request) -> tuple[queries.Search, dict, list[str]]:
    """The search a form asks for, what was typed, and the messages to show (a date or a
    committee the form could not read: the search is then not run, never run wrongly)."""
    form = {
        "q": param(request, "q", "_search"),
        "utvalg": param(request, "utvalg", "committee"),
        "fra": param(request, "fra", "date_from"),
        "til": param(request, "til", "date_to"),
        "type": param(request, "type", "kind"),
        "dokument": param(request, "dokument", "document_kind"),
    }
    messages: list[str] = []
    try:
        first, last = date_range(form["fra"], form["til"])
    except DateError as e:
        messages.append(str(e))
        first = last = None
    known = await committees(datasette)
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


async def search_page(datasette, request):
    """/sok: cases and decisions, ranked; with no words, every case the filters let through."""
    links = Links(datasette)
    search, form, messages = await read_search(datasette, request)
    try:
        page = max(1, min(int(request.args.get("side") or 1), 10_000))
    except ValueError:
        page = 1
    result, people = None, []
    if not messages:
        result = await run(datasette, lambda conn: queries.search_cases(conn, search, page))
        result["rows"] = [case_view(r, links) for r in result["rows"]]
        if search.terms and len(search.terms) <= MAX_NAME_WORDS and page == 1:  # a name typed in the search
            named = await run(datasette, lambda conn: queries.people_named(conn, form["q"]))
            people = [{**p, "url": links.person(p["id"])} for p in named[:MAX_PEOPLE_SHOWN]]
    query = {k: form[k] for k in ("q", "utvalg", "fra", "til", "type", "dokument") if form[k]}
    context = {
        "title": f"Søk: {form['q']}" if form["q"] else "Søk i saker og vedtak",
        "form": form,
        "messages": messages,
        "result": result,
        "people": people,
        "decision_filters": DECISION_FILTERS,
        "query": query,
        "links": links,
        "page_url": lambda n: links.path("/sok", **query, side=n),
        "csv_url": links.path("/sok.csv", **query),
        "excel_url": links.path("/sok.csv", **query, excel=1),
        "json_url": links.path("/sok.json", **query),
        "atom_url": links.path("/sok.atom", **query),
        "feed_url": links.path("/sok.atom", **query),
        "feed_title": "Nye saker for dette søket",
    }
    return await render(datasette, request, "front_search.html", context, 400 if messages else 200)


async def search_export(datasette, request):
    """/sok.csv, /sok.json: every case the search finds, whole texts, absolute links."""
    fmt = request.url_vars["format"]
    search, form, messages = await read_search(datasette, request)
    if messages:
        return Response.text("\n".join(messages) + "\n", status=400)
    links = Links(datasette)
    absolute = _absolute(datasette, request, links)

    async def batches():
        order = await run(datasette, lambda conn: queries.export_order(conn, search))
        for start in range(0, len(order), EXPORT_BATCH):
            ids = order[start : start + EXPORT_BATCH]
            rows = await run(datasette, lambda conn, ids=ids: queries.export_rows(conn, ids))
            yield [export_row(r, absolute) for r in rows]

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


async def search_feed(datasette, request):
    """/sok.atom: the newest loaded cases a search finds, for a feed reader."""
    search, form, messages = await read_search(datasette, request)
    if messages:
        return Response.text("\n".join(messages) + "\n", status=400)
    rows = await run(datasette, lambda conn: queries.newest_cases(conn, search, FEED_ENTRIES))
    query = {k: form[k] for k in ("q", "utvalg", "fra", "til", "type", "dokument") if form[k]}
    words = ", ".join(f"{k}: {v}" for k, v in query.items()) or "alle saker"
    return atom_response(
        datasette, request, f"Møtearkivet – søk ({words})", Links(datasette).path("/sok", **query), rows
    )
