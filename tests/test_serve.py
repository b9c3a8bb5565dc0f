"""A real Datasette process serving the built sample archive."""

import json
import shutil
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest

from archive.store import Archive
from db.load import load_all
from db.schema import open_db
from models.extraction import Case, Document, FileExtraction
from tests.serving import serving


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
    assert 'href="/dokument/' in html and "-referat.pdf#page=20" in html


def test_metadata_gives_tables_human_titles(server):
    _, _, body = get(f"{server}/-/metadata.json")
    meta = json.loads(body)
    assert meta["databases"]["minutes"]["tables"]["cases"]["title"] == "Saker (cases)"


def test_database_is_served_read_only_on_localhost(server):
    _, _, body = get(f"{server}/-/databases.json")
    (db,) = [d for d in json.loads(body) if d["name"] == "minutes"]
    assert db["is_mutable"] is True  # mutable means "may change under us"; Datasette opens it mode=ro
    assert server.startswith("http://127.0.0.1:")
    request = urllib.request.Request(f"{server}/minutes/-/create", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10)


def test_a_file_loaded_while_serving_is_found_without_a_restart(built_archive, tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(built_archive.root, root)
    case = Case(
        number="77/2031", title="Nattlig oppdatering", adopted_decision="Utvalget tar fjordsnegl til etterretning."
    )
    extraction = FileExtraction(
        source="ny.pdf", sha256="f" * 64, pages=1, documents=[Document(kind="minutes", body="SSU", cases=[case])]
    )
    with serving(root) as base:
        search = f"{base}/minutes/cases.json?_search=fjordsnegl&_shape=array"
        assert json.loads(get(search)[2]) == []
        db = open_db(str(Archive(root).db_path))  # the nightly update's connection, while the site serves
        load_all(db, [(extraction, [])])
        db.close()
        assert [r["number"] for r in json.loads(get(search)[2])] == ["77/2031"]


def test_stopping_minutes_serve_stops_datasette(built_archive):
    """Regression: `minutes serve` ran Datasette as a child, so terminating it (as systemd or a
    test does) left the server running, orphaned, still holding the port."""
    with serving(built_archive.root) as base:
        pass
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(base + "/-/versions.json", timeout=2)


def test_a_snapshot_is_served_read_only_without_writing_anything_beside_it(tmp_path, built_archive):
    import json
    import subprocess
    import sys

    snap = tmp_path / "ro" / "minutes.db"
    done = subprocess.run(
        [sys.executable, "-m", "minutes.cli", "snapshot", "--archive", str(built_archive.root), str(snap)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    snap.chmod(0o444)
    snap.parent.chmod(0o555)
    try:
        out = subprocess.run(
            [sys.executable, "-m", "minutes.cli", "serve", "--db", str(snap), "--immutable",
             "--get", "/minutes/cases.json?_shape=array&_size=1"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        snap.parent.chmod(0o755)
    assert len(json.loads(out)) == 1
    assert sorted(p.name for p in snap.parent.iterdir()) == ["minutes.db"]  # no -wal, no -shm
