"""A search as a file: CSV (plain, or for Excel: BOM and semicolons), JSON, and Atom feeds.

Exports hold the whole texts and absolute links, never a snippet's marks; feeds give the newest
loaded first, so a reader learns of a new decision the morning after the nightly update."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from web.labels import DOCUMENT_KINDS, OUTCOMES

COLUMNS = {
    "utvalg": "body",
    "møtedato": "meeting_date",
    "saksnummer": "number",
    "tittel": "title",
    "dokument": "document_kind",
    "utfall": "outcome",
    "forslag_til_vedtak": "proposed_decisions",
    "vedtak": "adopted_decision",
}
ATOM = "http://www.w3.org/2005/Atom"


def export_row(row: dict, absolute: Callable[[dict], dict[str, str]]) -> dict:
    """A case as exported: Norwegian column names, whole texts, absolute links."""
    out = {name: row.get(column) for name, column in COLUMNS.items()}
    out["dokument"] = DOCUMENT_KINDS.get(row.get("document_kind") or "", row.get("document_kind"))
    out["utfall"] = OUTCOMES.get(row.get("outcome") or "", row.get("outcome"))
    return {**out, **absolute(row)}


LINK_COLUMNS = ["saksside", "pdf", "kilde"]
FIELDS = [*COLUMNS, *LINK_COLUMNS]


def csv_chunks(rows: Iterable[dict], excel: bool = False, header: bool = True) -> Iterator[str]:
    """CSV text in pieces, the header first. For Excel: a UTF-8 BOM (so æ, ø, å read right) and
    semicolons (the separator Excel expects where the decimal mark is a comma)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, delimiter=";" if excel else ",")
    if header:
        buffer.write("\ufeff" if excel else "")
        writer.writeheader()
    for row in rows:
        writer.writerow(row)
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_head(about: dict) -> str:
    """The start of a JSON export: what was searched, the fields, then the rows one by one."""
    return json.dumps(about, ensure_ascii=False)[:-1] + ', "rows": ['


def json_rows(rows: list[dict], first: bool) -> str:
    text = ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    return text if first or not text else ",\n" + text


def json_tail(count: int) -> str:
    return f'], "count": {count}}}\n'


def _stamp(value: str | None) -> str:
    """An Atom date: the load time as stored (ISO with offset), or now."""
    if value:
        try:
            return datetime.fromisoformat(value).isoformat()
        except ValueError:
            pass
    return datetime.now(UTC).isoformat(timespec="seconds")


def atom(title: str, feed_url: str, page_url: str, entries: list[dict]) -> bytes:
    """An Atom feed; each entry has id, title, link, updated and summary (plain text)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_url
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}link", href=feed_url, rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=page_url, rel="alternate")
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = max((_stamp(e["updated"]) for e in entries), default=_stamp(None))
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "Møtearkivet"
    for e in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = e["link"]
        ET.SubElement(entry, f"{{{ATOM}}}title").text = e["title"]
        ET.SubElement(entry, f"{{{ATOM}}}link", href=e["link"], rel="alternate")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(e["updated"])
        if e.get("summary"):
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = e["summary"][:2000]
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
