"""The database: idempotent loads, one transaction per file, compound-aware search, foreign keys."""

import shutil
import sqlite3

from archive.ingest import ingest
from archive.store import Archive
from db.load import load_all, load_extraction
from db.schema import open_db
from db.search import INDEX_VERSION, fts_query
from models.extraction import Case, Document, FileExtraction, Meeting


def dump(path):
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_building_the_same_pdfs_twice_changes_nothing(tmp_path, samples, built_archive):
    archive = Archive(tmp_path / "a")
    shutil.copytree(built_archive.root, archive.root)
    before = dump(archive.db_path)
    again = ingest(samples, archive)
    assert again.load.loaded == [] and again.extracted == [] and again.stored == []
    assert len(again.load.unchanged) == len(samples)
    assert dump(archive.db_path) == before


def test_foreign_keys_hold(built_archive):
    con = sqlite3.connect(built_archive.db_path)
    assert con.execute("pragma foreign_key_check").fetchall() == []
    counts = dict(con.execute("select kind, count(*) from documents group by kind").fetchall())
    assert counts["minutes"] == 5 and counts["agenda"] == 2 and counts["case_document"] == 1


def test_every_foreign_key_is_indexed(tmp_path):
    """People are rebuilt on every load: an unindexed reference to them made SQLite scan the
    referring table once per person (a nightly update with ten new files took 20 s, not 5)."""
    open_db(str(tmp_path / "m.db")).close()
    con = sqlite3.connect(tmp_path / "m.db")
    tables = [t for (t,) in con.execute("select name from sqlite_master where type = 'table'")]
    unindexed = []
    for table in tables:
        leading = {
            con.execute(f"pragma index_info('{index}')").fetchone()[2]
            for (index,) in con.execute("select name from pragma_index_list(?)", [table])
        }
        for fk in con.execute('select "from" from pragma_foreign_key_list(?)', [table]):
            if fk[0] not in leading:
                unindexed.append(f"{table}.{fk[0]}")
    assert unindexed == []


def _extraction(title: str, decision: str, sha: str = "f" * 64) -> FileExtraction:
    doc = Document(kind="minutes", body="FSU test", meeting=Meeting(date="2024-05-08"))
    doc.cases.append(Case(number="09/2024", title=title, adopted_decision=decision, page=2))
    return FileExtraction(source="test.pdf", sha256=sha, pages=3, documents=[doc])


def search(db, word):
    sql = "select c.title from cases_words w join cases c on c.rowid = w.rowid where cases_words match ?"
    return [r[0] for r in db.execute(sql, [fts_query(word)])]


def test_search_finds_norwegian_compounds_by_their_parts(tmp_path):
    db = open_db(str(tmp_path / "m.db"))
    load_all(db, [(_extraction("Rekrutteringstiltak i kommunene", "Hospiteringsordningen videreføres."), [])])
    assert search(db, "rekruttering") == ["Rekrutteringstiltak i kommunene"]
    assert search(db, "hospitering") == ["Rekrutteringstiltak i kommunene"]
    assert search(db, "ordningen") == ["Rekrutteringstiltak i kommunene"]
    assert search(db, "tiltak") == ["Rekrutteringstiltak i kommunene"]


def test_a_changed_extraction_replaces_the_file_rows_as_one_unit(tmp_path):
    db = open_db(str(tmp_path / "m.db"))
    assert load_extraction(db, _extraction("Gammel tittel", "Gammelt vedtak."))
    assert load_extraction(db, _extraction("Ny tittel", "Nytt vedtak.")) is True
    assert [r[0] for r in db.execute("select title from cases")] == ["Ny tittel"]
    assert search(db, "Gammel") == [] and search(db, "Nytt") == ["Ny tittel"]
    assert load_extraction(db, _extraction("Ny tittel", "Nytt vedtak.")) is False


def test_the_word_index_follows_every_load_and_replace(tmp_path):
    db = open_db(str(tmp_path / "m.db"))
    for n, title in enumerate(["Budsjett", "Møteplan", "Legevakt"]):
        load_extraction(db, _extraction(title, f"Vedtak {n}.", sha=f"{n}" * 64))
    load_extraction(db, _extraction("Legevaktsamarbeid", "Vedtak 2.", sha="2" * 64))  # a file re-read
    indexed = {r[0] for r in db.execute("select rowid from cases_words")}
    assert indexed == {r[0] for r in db.execute("select rowid from cases")}
    assert search(db, "legevakt") == ["Legevaktsamarbeid"] and search(db, "samarbeid") == ["Legevaktsamarbeid"]
    assert db.execute("insert into cases_words(cases_words) values ('integrity-check')")


def test_an_index_made_by_other_tokens_is_rebuilt_on_open(tmp_path):
    path = str(tmp_path / "m.db")
    db = open_db(path)
    load_extraction(db, _extraction("Rekrutteringstiltak", "Vedtatt."))
    db.execute("insert into cases_words(cases_words) values ('delete-all')")  # as if made by other tokens
    db.execute("update word_index_version set version = 0")
    db.close()
    db = open_db(path)
    assert db.execute("select version from word_index_version").fetchall() == [(INDEX_VERSION,)]
    assert search(db, "tiltak") == ["Rekrutteringstiltak"]


def test_case_links_to_its_pdf_page(built_archive):
    con = sqlite3.connect(built_archive.db_path)
    pdf, page = con.execute("select pdf, page from cases where number = '27/2024'").fetchone()
    sha = con.execute(
        "select file_sha256 from documents d join cases c on c.document_id = d.id where c.number = '27/2024'"
    ).fetchone()[0]
    assert pdf == f"/pdf/{sha[:2]}/{sha}.pdf#page={page}"
    assert (built_archive.objects / sha[:2] / f"{sha}.pdf").exists()
