"""The front in a real browser (Debian's chromium driven by Playwright) against `minutes serve` on
the dev corpus: the search form, a case, its meeting, a committee, a person, the CSV and the feed,
at the site's root and under a base URL as behind the README's nginx example."""

import csv
import io
import os
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from archive.ingest import ingest
from archive.store import Archive
from tests.serving import serving

ATOM = "{http://www.w3.org/2005/Atom}"
BASES = ["/", "/minutes-arkiv/"]


@pytest.fixture(scope="module", params=BASES)
def site(request, built_archive):
    """The served dev archive and the address its pages are reached at (with the base URL)."""
    base = request.param
    with serving(built_archive.root, base_url=base) as address:
        yield address + base.rstrip("/"), base


def shot(page, name: str) -> None:
    """`make screenshot` sets MINUTES_SCREENSHOTS to docs/: README shows these very pages."""
    folder = os.environ.get("MINUTES_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def hits(page) -> list[str]:
    return page.locator("li.hit h3 a").all_inner_texts()


def test_search_form_words_abbreviation_norwegian_dates_and_empty_word(browser, site):
    root, base = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(root + "/")
    page.fill('input[name="q"]', "hospitering")
    page.click('input[type="submit"]')
    page.wait_for_selector("li.hit")
    assert page.url.startswith(root + "/sok")
    first = hits(page)[0]
    assert "ospitering" in first  # a case titled with the word comes first
    assert page.locator("li.hit mark").first.inner_text().lower().startswith("hospitering")
    if base == "/":
        shot(page, "search")

    page.fill('input[name="q"]', "")  # an empty word with a committee by its abbreviation and dates
    page.fill('input[name="utvalg"]', "SSU")
    page.fill('input[name="fra"]', "01.01.2023")
    page.fill('input[name="til"]', "31.12.2023")
    page.click('input[type="submit"]')
    page.wait_for_selector("li.hit")
    metas = page.locator("li.hit p.meta").all_inner_texts()
    assert metas and all("Strategisk samarbeidsutvalg" in m and "2023" in m for m in metas)
    summary = page.locator("p.summary").inner_text()
    assert re.match(rf"{len(metas)} saker? i Strategisk samarbeidsutvalg", summary)

    page.fill('input[name="fra"]', "1. januar")
    page.click('input[type="submit"]')
    assert "kan ikke leses som dato" in page.locator(".front-error").inner_text()
    assert page.locator("li.hit").count() == 0


def test_a_case_its_pdf_its_meeting_and_a_person_found_by_first_name(browser, site):
    root, base = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(root + "/sok?q=hospiteringsordning&utvalg=FSU+REST")
    page.locator("li.hit h3 a").first.click()
    page.wait_for_selector("h1")
    assert page.url.startswith(root + "/sak/")
    assert "Hospiteringsordning" in page.locator("h1").inner_text()
    assert page.locator(".decisions h2").all_inner_texts() == ["Forslag til vedtak", "Vedtak"]
    if base == "/":
        shot(page, "case")
    pdf = page.locator("a.pdf").first.get_attribute("href")
    assert (
        pdf.startswith(base + "dokument/") and "fsu-rekruttering-og-stabilisering-2024-11-20-referat.pdf#page=" in pdf
    )
    response = page.request.get(root.removesuffix(base.rstrip("/")) + pdf.split("#")[0])
    assert response.status == 200 and response.body().startswith(b"%PDF")
    assert "referat.pdf" in response.headers["content-disposition"]

    page.locator("dl.facts a", has_text="2024").first.click()  # the meeting
    page.wait_for_selector("h2:has-text('Deltakere')")
    assert page.url.startswith(root + "/mote/")
    assert page.locator("h3", has_text="Til stede").count() == 1
    assert page.locator("ol.cases li").count() >= 5
    if base == "/":
        shot(page, "meeting")

    page.locator("dl.facts a").first.click()  # the committee
    page.wait_for_selector("h2:has-text('Møter')")
    assert page.locator("h1").inner_text() == "FSU rekruttering og stabilisering"
    assert page.locator("table.members tbody tr").count() > 5

    page.goto(root + "/personer")
    page.fill('input[name="q"]', "Guri")
    page.click('input[type="submit"]')
    page.locator("ul.people a", has_text="Guri Moen Lajord").click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Guri Moen Lajord"
    assert page.locator("table.meetings tbody tr").count() >= 1


def test_the_csv_download_holds_every_hit_with_whole_texts(browser, site, tmp_path):
    root, _ = site
    page = browser.new_page()
    page.goto(root + "/sok?utvalg=FSU+REST&type=vedtak")
    shown = int(page.locator("p.summary").inner_text().split()[0])
    with page.expect_download() as download:
        page.click("text=CSV for Excel")
    path = tmp_path / "sok.csv"
    download.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == shown
    assert all(r["vedtak"] and "⟦" not in r["vedtak"] for r in rows)
    assert all(r["saksside"].startswith("http://127.0.0.1:") for r in rows)


def test_a_feed_of_a_search_shows_a_decision_loaded_after_it_was_read(browser, samples, tmp_path):
    held_back = next(p for p in samples if "referat" in p.name)  # minutes with adopted decisions
    archive = Archive(tmp_path / "archive")
    ingest([p for p in samples if p != held_back], archive)
    with serving(archive.root) as root:
        page = browser.new_page()
        feed_url = root + "/sok.atom?utvalg=FSU+REST&type=vedtak"
        before = ET.fromstring(page.request.get(feed_url).body())
        ingest([held_back], archive)  # the nightly update loads a new file
        after = ET.fromstring(page.request.get(feed_url).body())
    new = {e.find(f"{ATOM}id").text for e in after.findall(f"{ATOM}entry")} - {
        e.find(f"{ATOM}id").text for e in before.findall(f"{ATOM}entry")
    }
    assert new
    first = after.findall(f"{ATOM}entry")[0]
    assert first.find(f"{ATOM}id").text in new  # the newest loaded comes first
    link = first.find(f"{ATOM}link").get("href")
    assert link.startswith(root + "/sak/")
