"""No request can stall the server: bounded searches, marks and SQL functions, a length limit on
what SQL may build, security headers, writes refused cleanly, arbitrary SQL that can be turned off."""

import asyncio
import time
from pathlib import Path

import extract
from db.search import MAX_TERMS, decision_changed, fts_query, highlight_spans, snippet, terms
from tests.test_queries import archive_db, get, rows  # noqa: F401  (the module's small archive)
from web.serve import datasette


def test_a_search_reads_a_bounded_number_of_terms():
    huge = " OR ".join(f"w{i}" for i in range(2000))
    assert len(terms(huge)) == MAX_TERMS
    assert fts_query(huge).count(" AND ") == MAX_TERMS - 1
    assert terms("x" * 5000) == ["x" * 40]  # a word is read to its first characters only
    assert terms("kari " + "a" * 100) == ["kari", "a" * 40]


def test_marking_and_the_sql_functions_bound_their_input():
    long_text = "budsjett " * 200_000
    pieces = highlight_spans(long_text, ["budsjett"])
    assert "".join(p for p, _ in pieces) == long_text
    assert sum(len(p) for p, hit in pieces if not hit) > 1_000_000  # the tail is left unmarked
    assert len(snippet("a " * 1_000_000 + "budsjett", "budsjett")) < 1000
    started = time.process_time()
    assert decision_changed("x" * 1_000_000, "y" * 1_000_000) == 1
    assert time.process_time() - started < 5  # quadratic on a megabyte would take minutes


def test_sql_cannot_build_huge_values(archive_db):  # noqa: F811
    status, text = get(archive_db, "/minutes.json", sql="select length(replace(hex(zeroblob(120000000)),'0','ab'))")
    assert status == 400 and "too big" in text


def test_every_page_carries_security_headers_and_writes_are_refused(archive_db):  # noqa: F811
    async def fetch():
        ds = datasette(archive_db)
        page = await ds.client.get("/minutes/cases")
        post = await ds.client.post("/minutes/cases", data={"x": "1"})
        token = await ds.client.post("/-/create-token", data={"x": "1"})
        return page, post, token

    page, post, token = asyncio.run(fetch())
    assert page.status_code == 200
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert (post.status_code, token.status_code) == (405, 405)
    assert "read-only" in post.text


def test_arbitrary_sql_can_be_turned_off_while_the_canned_queries_stay(archive_db):  # noqa: F811
    async def fetch():
        ds = datasette(archive_db, allow_sql=False)
        sql = await ds.client.get("/minutes.json?sql=select+1")
        canned = await ds.client.get("/minutes/cases_per_year.json?_shape=array")
        return sql.status_code, canned.status_code

    assert asyncio.run(fetch()) == (403, 200)


def test_a_long_search_on_a_table_page_is_answered(archive_db):  # noqa: F811
    words = " OR ".join(["hospitering"] + [f"w{i}" for i in range(1900)])
    found = rows(archive_db, "cases", _search=words, _searchmode="raw")
    assert {r["number"] for r in found} == {"07/2024", "12/2024"}
    status, html = get(archive_db, "/minutes/cases", _search=words, _searchmode="raw")
    assert status == 200 and "<mark>" in html


def test_a_plain_page_answers_while_hostile_requests_run(archive_db):  # noqa: F811
    """Slow SQL (held to the time limit) and pages of long searches must not hold the others."""
    import contextlib
    import threading
    import urllib.error
    import urllib.parse
    import urllib.request

    from tests.serving import serving

    slow = "with recursive r(i) as (select 1 union all select i + 1 from r) select count(*) from r"
    slow_sql = "/minutes.json?" + urllib.parse.urlencode({"sql": slow})
    huge = "select decision_changed(hex(randomblob(400000)), hex(randomblob(400000)))"
    search = {"_search": " OR ".join(f"w{i}" for i in range(1900)), "_searchmode": "raw", "_size": "1000"}
    hostile = [
        slow_sql,
        slow_sql,
        slow_sql,
        "/minutes.json?" + urllib.parse.urlencode({"sql": huge}),
        "/minutes/cases?" + urllib.parse.urlencode(search),
    ]
    with serving(db=archive_db) as base:

        def hit(path):
            # refused or timed out by the server: what matters is that it answered
            with contextlib.suppress(urllib.error.HTTPError, TimeoutError):
                urllib.request.urlopen(base + path, timeout=30).read()

        threads = [threading.Thread(target=hit, args=(p,)) for p in hostile]
        for t in threads:
            t.start()
        time.sleep(0.2)
        started = time.monotonic()
        with urllib.request.urlopen(base + "/minutes/cases.json?_size=1", timeout=5) as response:
            assert response.status == 200  # a table page: it needs an SQL thread of its own
        waited = time.monotonic() - started
        for t in threads:
            t.join(timeout=60)
        assert waited < 1.0, waited


def test_a_damaged_extraction_cache_is_extracted_again(tmp_path, samples):
    import json

    from archive.ingest import ingest
    from archive.store import Archive

    archive = Archive(tmp_path / "a")
    ingest(samples[:1], archive)
    (cache,) = archive.extractions.glob("*.json")
    good = json.loads(cache.read_text())
    for damaged in ("null", "[]", json.dumps({**good, "sha256": "0" * 64}), cache.read_text()[:100]):
        cache.write_text(damaged)
        report = ingest(samples[:1], archive)
        assert report.extracted == [samples[0].name], damaged
        assert json.loads(cache.read_text())["sha256"] == good["sha256"]


def test_an_extraction_by_other_code_is_extracted_again_and_loaded_in_its_place(tmp_path, samples):
    import json
    import sqlite3

    from archive.ingest import ingest
    from archive.store import Archive

    archive = Archive(tmp_path / "a")
    ingest(samples[:1], archive)
    (cache,) = archive.extractions.glob("*.json")
    old = json.loads(cache.read_text())
    for doc in old["documents"]:
        doc["cases"] = []  # what this code would have found, had its rules been others
    cache.write_text(json.dumps(old))
    assert ingest(samples[:1], archive).reused == [samples[0].name]  # same code: kept as it is
    con = sqlite3.connect(archive.db_path)
    assert con.execute("select count(*) from cases").fetchone() == (0,)

    cache.write_text(json.dumps({**old, "extractor": "5"}))  # as written before the code changed
    report = ingest(samples[:1], archive)
    assert report.extracted == [samples[0].name] and report.reused == []
    assert con.execute("select count(*) from cases").fetchone()[0] > 0


def test_the_extractor_version_follows_the_extraction_code(tmp_path):
    import shutil

    from extract import EXTRACTOR_VERSION, RULES_VERSION, code_digest, readers_digest

    assert f"{RULES_VERSION}-{code_digest(readers=readers_digest())}" == EXTRACTOR_VERSION
    tree = tmp_path / "copy"
    shutil.copytree(Path(extract.__file__).parent, tree / "extract", ignore=shutil.ignore_patterns("__pycache__"))
    before = code_digest((tree / "extract",))
    assert before == code_digest((tree / "extract",))
    rules = tree / "extract" / "segment" / "votes.py"
    rules.write_text(rules.read_text() + "\n# a changed rule\n")
    assert code_digest((tree / "extract",)) != before


def test_the_extractor_version_follows_the_readers_it_runs():
    """A new PDFium, pdfminer, spaCy or Tesseract may read the same bytes otherwise: the version
    changes with theirs, so an archive extracts its files again after an upgrade."""
    from extract import code_digest, readers_digest

    installed = readers_digest()
    assert readers_digest() == installed
    assert code_digest(readers=installed) != code_digest(readers=installed + "pypdfium2=0.0.1;")
    for package in ("pypdfium2", "pdfplumber", "pdfminer.six", "spacy", "pytesseract"):
        from importlib.metadata import version

        assert f"{package}={version(package)};" in installed
    assert "tesseract=" in installed  # the binary, which pytesseract only calls
