"""The crawl and `minutes update` against a real HTTP server on 127.0.0.1 (tests/site.py)."""

import sqlite3
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner

from archive.config import CrawlConfig, default_config, load_config
from archive.crawl import Crawler, links
from archive.lock import exclusive
from archive.store import Archive
from archive.update import update
from db.fetches import FetchLog
from db.schema import open_db
from db.search import fts_query
from minutes.cli import cli
from tests.site import serve

INNKALLING = "/wp-content/uploads/2024/05/Innkalling-FSU-barn-og-unge-12.03.2024.pdf"
REFERAT = "/wp-content/uploads/2024/11/Referat-FSU-psykisk-helse-og-rus-10.01.2024.pdf"


@pytest.fixture
def site(tmp_path):
    site = serve(tmp_path)
    yield site
    site.server.shutdown()


def config(site, start="/", **overrides) -> CrawlConfig:
    settings = dict(
        start_urls=[site.url(start)], max_depth=2, delay=0.0, timeout=0.5, retries=1, backoff=0.01, max_size_mb=0.1
    )
    return CrawlConfig(**(settings | overrides))


def crawl(site, archive, **overrides):
    db = open_db(str(archive.db_path))
    try:
        return Crawler(config(site, **overrides), archive, FetchLog(db), progress=False).run()
    finally:
        db.close()


def fetches(archive, url_suffix):
    con = sqlite3.connect(archive.db_path)
    try:
        return con.execute(
            "select status, outcome, sha256 is not null from fetches where url like ? order by id", ["%" + url_suffix]
        ).fetchall()
    finally:
        con.close()


def test_first_crawl_fetches_everything_and_each_fault_behaves_as_stated(tmp_path, site):
    archive = Archive(tmp_path / "archive")
    report = crawl(site, archive)
    new = {url.removeprefix(site.url("")) for url, _ in report.new}
    # the agenda, the minutes behind a redirect, the flaky PDF after its 500, and the HTML page
    # served as .pdf, whose bytes are kept so that it can be recorded, not lost
    assert new == {INNKALLING, REFERAT, "/ustabil.pdf", "/feilside.pdf"}
    assert fetches(archive, "/ustabil.pdf") == [(500, "error", 0), (200, "new", 1)]
    assert fetches(archive, "/flyttet.pdf") == [(302, "redirect", 0)]
    assert fetches(archive, "/mangler.pdf") == [(404, "not-found", 0)]
    assert fetches(archive, "/treg.pdf") == [(None, "error", 0), (None, "error", 0)]
    assert fetches(archive, "/stor.pdf") == [(200, "too-large", 0)]
    assert [url.rsplit("/", 1)[-1] for url, _ in report.errors] == ["treg.pdf"]
    skipped = dict(report.skipped)
    assert skipped[site.url("/private/intern.pdf")] == "disallowed by robots.txt"
    assert skipped["http://offsite.invalid/wp-content/uploads/annet.pdf"] == "off-site"
    requested = {r.path for r in site.requests}
    assert "/private/intern.pdf" not in requested and "/style.css" not in requested
    assert [r.path for r in site.requests].count("/robots.txt") == 1
    assert all(r.headers.get("User-Agent", "").startswith("minutes/") for r in site.requests)
    # the raw bytes of every document are in the archive, the HTML one under .bin
    for _, sha in report.new:
        assert archive.find(sha) is not None
    assert archive.find(dict(report.new)[site.url("/feilside.pdf")]).suffix == ".bin"


def test_second_crawl_of_an_unchanged_site_downloads_no_document_body(tmp_path, site):
    archive = Archive(tmp_path / "archive")
    crawl(site, archive)
    site.requests.clear()
    site.slow_seconds = 0  # the slow file answers now
    report = crawl(site, archive)
    assert report.new == [(site.url("/treg.pdf"), report.new[0][1])]  # the one never fetched before
    bodies = [r.path for r in site.pdf_bodies()]
    assert bodies == ["/treg.pdf"]
    assert report.not_modified == 4  # the agenda, the minutes, the flaky one, the HTML page
    assert fetches(archive, "/stor.pdf")[-1] == (304, "too-large", 0)


def test_a_republished_pdf_becomes_a_second_version(tmp_path, site):
    archive = Archive(tmp_path / "archive")
    crawl(site, archive, start="/clean/")
    site.republish(INNKALLING, "/ustabil.pdf")
    report = crawl(site, archive, start="/clean/")
    assert [url for url, _ in report.new] == [site.url(INNKALLING)]
    assert [o for _, o, _ in fetches(archive, INNKALLING)] == ["new", "new"]


def test_update_versions_current_and_searchable(tmp_path, site):
    archive = Archive(tmp_path / "archive")
    first = update(archive, config(site, start="/clean/"), progress=False)
    assert first.ok, first.summary()
    site.republish(INNKALLING, "/ustabil.pdf")  # a corrected agenda under the same name
    second = update(archive, config(site, start="/clean/"), progress=False)
    assert second.ok and len(second.ingest.extracted) == 1
    con = sqlite3.connect(archive.db_path)
    versions = con.execute(
        "select version, current from file_versions where url like ? order by version", ["%" + INNKALLING]
    ).fetchall()
    assert versions == [(1, 0), (2, 1)]
    # the old version's cases stay in the archive and in the index, marked not current
    old = con.execute(
        "select count(*), max(c.current) from cases c join documents d on d.id = c.document_id"
        " join file_versions v on v.sha256 = d.file_sha256 where v.version = 1 and v.url like ?",
        ["%" + INNKALLING],
    ).fetchone()
    assert old[0] > 0 and old[1] == 0
    old_hits = con.execute(
        "select count(*) from cases_words w join cases c on c.rowid = w.rowid join documents d on d.id = c.document_id"
        " join file_versions v on v.sha256 = d.file_sha256 where cases_words match ? and v.version = 1",
        [fts_query("barn og unge tar sak")],
    ).fetchone()
    assert old_hits[0] > 0


def test_second_update_of_an_unchanged_site_adds_nothing_and_exits_0(tmp_path, site):
    archive = Archive(tmp_path / "archive")
    archive.root.mkdir()
    settings = {"start_urls": [site.url("/clean/")], "delay": 0, "timeout": 2, "retries": 1, "backoff": 0.01}
    (archive.root / "crawl.yaml").write_text(yaml.safe_dump(settings))
    runner = CliRunner()
    first = runner.invoke(cli, ["update", "--archive", str(archive.root)])
    assert first.exit_code == 0, first.output
    con = sqlite3.connect(archive.db_path)
    count = lambda: con.execute("select (select count(*) from documents), (select count(*) from cases)").fetchone()  # noqa: E731
    before = count()
    assert before[0] >= 2
    site.requests.clear()
    second = runner.invoke(cli, ["update", "--archive", str(archive.root)])
    assert second.exit_code == 0, second.output
    assert site.pdf_bodies() == []
    assert count() == before
    assert "0 document bodies downloaded" in second.output


def test_update_of_a_faulty_site_goes_on_records_each_fault_and_exits_1(tmp_path, site):
    archive = Archive(tmp_path / "archive")
    report = update(archive, config(site), progress=False)
    assert not report.ok
    summary = report.summary()
    assert "FAILED " + site.url("/treg.pdf") in summary
    assert "FAILED feilside.pdf: not a PDF: an HTML page" in summary
    con = sqlite3.connect(archive.db_path)
    assert con.execute("select kind from failures where name = 'feilside.pdf'").fetchall() == [("not_pdf",)]
    loaded = con.execute("select name from files where status = 'extracted' order by name").fetchall()
    assert [n for (n,) in loaded] == sorted([INNKALLING.rsplit("/", 1)[1], REFERAT.rsplit("/", 1)[1], "ustabil.pdf"])


def test_overlapping_runs_are_refused(tmp_path, site):
    archive = Archive(tmp_path / "archive")
    with exclusive(archive.root):
        result = CliRunner().invoke(cli, ["update", "--archive", str(archive.root)])
    assert result.exit_code == 75
    assert "another run is writing" in result.output
    assert site.requests == []


def test_every_writer_takes_the_one_lock_before_the_database(tmp_path, samples):
    archive = Archive(tmp_path / "archive")
    with exclusive(archive.root):
        result = CliRunner().invoke(cli, ["build", str(samples[0]), "--archive", str(archive.root)])
        assert result.exit_code == 75 and "another run is writing" in result.output
        assert not archive.db_path.exists()  # refused before the database was opened
    assert CliRunner().invoke(cli, ["build", str(samples[0]), "--archive", str(archive.root)]).exit_code == 0
    with exclusive(archive.root):
        result = CliRunner().invoke(cli, ["retry", "--archive", str(archive.root)])
        assert result.exit_code == 75 and "another run is writing" in result.output


def test_crawl_command_with_start_urls_on_another_host(tmp_path, site):
    result = subprocess.run(
        [sys.executable, "-m", "minutes.cli", "crawl", site.url("/clean/"), "--archive", str(tmp_path / "a"),
         "--config", str(_fast_config(tmp_path))],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "2 new or changed" in result.stderr
    # not on a terminal: plain log lines, no progress bar
    assert "minutes.crawl: " + site.url(REFERAT) + ": new version" in result.stdout
    assert "\r" not in result.stdout + result.stderr and "httpx" not in result.stdout


def _fast_config(tmp_path):
    path = tmp_path / "fast.yaml"
    path.write_text("delay: 0\ntimeout: 2\nretries: 0\n")
    return path


def test_embedded_configuration_names_the_real_site_and_a_file_overrides_it(tmp_path):
    default = default_config()
    assert "https://helsefellesskapet.no/strategisk-samarbeidsutvalg-SSU/" in default.start_urls
    assert default.hosts() == {"helsefellesskapet.no", "www.helsefellesskapet.no"}
    assert default.delay >= 1 and default.user_agent.startswith("minutes/")
    path = tmp_path / "crawl.yaml"
    path.write_text("delay: 5\nmax_depth: 1\n")
    merged = load_config(path)
    assert (merged.delay, merged.max_depth, merged.start_urls) == (5, 1, default.start_urls)
    path.write_text("dealy: 5\n")
    with pytest.raises(ValueError, match="unknown crawl settings: dealy"):
        load_config(path)


def test_links_are_resolved_and_fragments_dropped():
    html = b'<a href="../a.pdf#p2">x</a><a href="mailto:x@y.no">m</a><a href="/b/">b</a><a href="/b/#top">b</a>'
    assert links(html, "http://h/x/y/") == ["http://h/x/a.pdf", "http://h/b/"]


# --- the nightly job ends, says when it failed, and stays in its scope ---------------------------


def crawler(site, archive, sleep=None, **overrides):
    db = open_db(str(archive.db_path))
    return Crawler(
        config(site, **overrides), archive, FetchLog(db), progress=False, sleep=sleep or (lambda s: None)
    ), db


def test_a_trickling_server_is_cut_off_by_the_response_deadline(tmp_path, site):
    import time

    site.trickle("/sakte.pdf", b"%PDF-1.4\n" + b"0" * 200, 0.05)
    (site.root / "index.html").write_text('<a href="/sakte.pdf">x</a>')
    archive = Archive(tmp_path / "archive")
    started = time.monotonic()
    report = crawl(site, archive, response_seconds=1.0, timeout=5.0, retries=3)
    assert time.monotonic() - started < 8  # one cut-off try, not four slow ones
    assert [(u.rsplit("/", 1)[1], why) for u, why in report.errors] == [
        ("sakte.pdf", "the response took longer than 1 s: cut off")
    ]


def test_the_run_has_a_deadline_and_crawl_delay_is_capped(tmp_path, site):
    site.answer("/robots.txt", 200, b"User-agent: *\nCrawl-delay: 100000\n", {"Content-Type": "text/plain"})
    archive = Archive(tmp_path / "archive")
    run, db = crawler(site, archive, max_delay=0.5, run_seconds=0.0)
    try:
        report = run.run()
    finally:
        db.close()
    assert report.errors and report.errors[0][0] == "(this run)"
    run, db = crawler(site, archive, max_delay=0.5)
    try:
        run._allowed(site.url("/"))
    finally:
        db.close()
    assert run.delay == 0.5


def test_start_page_gone_and_robots_server_error_are_loud(tmp_path, site):
    archive = Archive(tmp_path / "archive")
    report = crawl(site, archive, start="/finnes-ikke/")
    assert report.errors == [(site.url("/finnes-ikke/"), "HTTP 404: a start page of the crawl")]
    site.answer("/robots.txt", 503, b"busy", times=10)
    report = crawl(site, Archive(tmp_path / "b"))
    assert [why for _, why in report.errors] == ["robots.txt could not be read: nothing of the site was fetched"]
    site.answers.clear()
    site.answer("/", 403, b"no")
    cfg = tmp_path / "crawl.yaml"
    cfg.write_text(yaml.safe_dump({"start_urls": [site.url("/")], "delay": 0, "retries": 0}))
    result = subprocess.run(
        [sys.executable, "-m", "minutes.cli", "update", "--archive", str(tmp_path / "c"), "--config", str(cfg)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "HTTP 403: a start page of the crawl" in result.stderr


def test_429_honours_retry_after_and_is_retried(tmp_path, site):
    site.answer(INNKALLING, 429, b"slow down", {"Retry-After": "7"})
    archive = Archive(tmp_path / "archive")
    pauses = []
    run, db = crawler(site, archive, sleep=pauses.append, start="/fsu/")
    try:
        report = run.run()
    finally:
        db.close()
    assert 7.0 in pauses
    assert any(url.endswith(INNKALLING) for url, _ in report.new)
    assert not [url for url, _ in report.errors if url.endswith(INNKALLING)]


def test_robots_txt_that_redirects_is_followed(tmp_path, site):
    site.answer("/robots.txt", 301, b"", {"Location": "/robots-www.txt"}, times=5)
    site.answer("/robots-www.txt", 200, b"User-agent: *\nDisallow: /fsu/\n", {"Content-Type": "text/plain"}, times=5)
    report = crawl(site, Archive(tmp_path / "archive"))
    assert (site.url("/fsu/"), "disallowed by robots.txt") in report.skipped


def test_scope_is_the_origin_credentials_are_never_sent_and_each_document_is_fetched_once(tmp_path, site):
    host, port = site.server.server_address[:2]
    pdf = INNKALLING
    page = [f'<a href="http://{host}:{port + 1}{pdf}">other port</a>',
            f'<a href="https://{host}:{port}{pdf}">other scheme</a>',
            f'<a href="http://kari:hemmelig@{host}:{port}{REFERAT}">with credentials</a>']  # fmt: skip
    page += [f'<a href="{pdf}?v={k}">version {k}</a>' for k in range(50)]
    (site.root / "index.html").write_text("\n".join(page))
    archive = Archive(tmp_path / "archive")
    report = crawl(site, archive, max_depth=0)
    off = {u for u, why in report.skipped if why == "off-site"}
    assert {f"http://{host}:{port + 1}{pdf}", f"https://{host}:{port}{pdf}"} <= off
    assert sum(r.path == pdf for r in site.requests) == 1  # 50 query strings, one document
    assert not any("authorization" in {k.lower() for k in r.headers} for r in site.requests)
    con = sqlite3.connect(archive.db_path)
    try:
        assert not con.execute("select count(*) from fetches where url like '%hemmelig%'").fetchone()[0]
    finally:
        con.close()


def test_a_cap_on_documents_per_run(tmp_path, site):
    report = crawl(site, Archive(tmp_path / "archive"), max_documents=1)
    assert report.documents == 1
    assert any(why == "more than 1 documents" for _, why in report.skipped)


def test_html_pages_with_a_nonce_do_not_grow_the_archive(tmp_path, site):
    archive = Archive(tmp_path / "archive")
    for nonce in range(3):
        (site.root / "index.html").write_text(f'<meta name="nonce" content="{nonce}"><a href="/fsu/">FSU</a>')
        crawl(site, archive, max_depth=0)
    objects = list(archive.objects.rglob("*.*")) if archive.objects.exists() else []
    assert objects == []  # pages are kept as their URL's last version, not as objects
    assert len(list((archive.root / "pages").glob("*.html"))) == 1


def test_the_systemd_unit_has_a_deadline():
    from pathlib import Path

    unit = (Path(__file__).parent.parent / "deploy" / "minutes-update.service").read_text()
    assert "TimeoutStartSec=" in unit
