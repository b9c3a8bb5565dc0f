"""A real browser (Debian's chromium driven by Playwright) against `minutes serve`."""

import re

WORD = "aldersadekvate"  # stands only in the adopted decision of Fastlegerådet's case 05/2023


def test_canned_search_open_the_hit_and_follow_its_pdf_link(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/minutes/search_decisions")
    page.fill('input[name="q"]', WORD)
    page.click('input[type="submit"]')
    page.wait_for_selector("table.rows-and-columns tbody tr")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("td.col-kind").inner_text().strip() == "vedtak"
    assert rows.first.locator("mark").first.inner_text().lower() == WORD
    rows.first.locator("td.col-case_id a").click()  # open the hit: the case's own page
    page.wait_for_selector("text=Radiologisk nomenklatur")
    link = page.locator('a.pdf[href*="/dokument/"]').first
    href = link.get_attribute("href")
    assert href.endswith("/fastleger%C3%A5det-2023-02-01-referat.pdf#page=20")  # a readable file name
    response = page.request.get(server + href.split("#")[0])
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


def test_the_pages_and_charts_work_under_the_content_security_policy(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    response = page.goto(f"{server}/-/dashboards/oversikt")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    page.wait_for_selector("svg, canvas", timeout=20_000)  # Vega drew a chart
    page.wait_for_function("document.querySelectorAll('svg text').length > 20", timeout=20_000)
    labels = set(page.locator("svg text").evaluate_all("els => els.map(e => e.textContent)"))
    assert any(re.fullmatch(r"(mars|april|mai|juni|juli|aug\.|sep\.|okt\.|nov\.|des\.) 20\d\d", t) for t in labels)
    assert not any(re.match(r"(March|April|May|June|July|August|October|December)\b", t or "") for t in labels)
    page.goto(f"{server}/minutes/search_decisions?q=vedtak")
    page.wait_for_selector("table.rows-and-columns")
    assert refused == []
