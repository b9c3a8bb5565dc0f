"""A real Datasette process serving the built sample archive."""

import json
import urllib.request
from urllib.parse import quote


def get(url):
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.status, resp.headers.get("content-type"), resp.read()


def test_a_word_of_an_adopted_decision_finds_its_case_and_its_pdf_page(server):
    # "aldersadekvate" occurs only in the adopted decision of Fastlegerådet's case 05/2023.
    status, _, body = get(f"{server}/minutes/cases.json?_search=aldersadekvate&_shape=array")
    rows = json.loads(body)
    assert status == 200 and [(r["number"], r["body"]) for r in rows] == [("05/2023", "Fastlegerådet")]
    status, ctype, pdf = get(server + quote(rows[0]["pdf"].split("#")[0]))
    assert status == 200 and ctype == "application/pdf" and pdf.startswith(b"%PDF")


def test_html_table_links_each_case_to_its_pdf_page(server):
    _, _, body = get(f"{server}/minutes/cases?_search=aldersadekvate")
    html = body.decode()
    assert 'href="/pdf/' in html and "#page=20" in html


def test_metadata_gives_tables_human_titles(server):
    _, _, body = get(f"{server}/-/metadata.json")
    meta = json.loads(body)
    assert meta["databases"]["minutes"]["tables"]["cases"]["title"] == "Saker (cases)"


def test_database_is_served_immutable_on_localhost(server):
    _, _, body = get(f"{server}/-/databases.json")
    (db,) = [d for d in json.loads(body) if d["name"] == "minutes"]
    assert db["is_mutable"] is False
    assert server.startswith("http://127.0.0.1:")
