"""The front (web/): its searches answer right or say why not, on a small archive written here.

Each of the first tests is a wrong answer the archive gave before the front existed: search
ignored when the file is not called minutes.db, Norwegian dates compared as text, an empty
search finding nothing, committees not found by their abbreviations, links ignoring the base URL.
"""

import asyncio
import csv
import io
import json
import re
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

import pytest

from db.load import load_all
from db.schema import open_db
from models.extraction import Attendee, Case, Document, FileExtraction, Meeting
from web import committees, dates
from web.links import pdf_name
from web.serve import datasette

SSU = "Strategisk samarbeidsutvalg"
FSU = "FSU barn og unge"
MANY = 230  # more cases than any page or canned query shows at once


def doc(kind, body, date, cases, attendees=(), title=None):
    return Document(
        kind=kind, body=body, title=title, meeting=Meeting(date=date), cases=list(cases), attendees=list(attendees)
    )


def case(number, title, proposed=(), adopted=None, text="", refs=()):
    return Case(
        number=number,
        title=title,
        proposed_decisions=list(proposed),
        adopted_decision=adopted,
        text=text,
        page=2,
        references=list(refs),
    )


def extraction(name: str, document: Document) -> FileExtraction:
    return FileExtraction(source=f"{name}.pdf", sha256=(name * 64)[:64], pages=3, documents=[document])


def files():
    ssu_2023 = doc("minutes", SSU, "2023-06-14", [
        case("10/2023", "Hospitering mellom sykehus og kommuner", proposed=["SSU støtter en ordning."],
             adopted="SSU støtter en ordning for hospitering fra høsten.", text="Saken gjelder USK og hospitering."),
        case("11/2023", "Legevakt", adopted="SSU ber om en rapport om legevakt i distriktene."),
        case("12/2023", "Godkjenning av referat fra forrige møte", adopted="Godkjent."),
    ], attendees=[Attendee("Guri Moen Lajord", "present", "Tromsø kommune"), Attendee("Ola Nes", "absent")],
        title="Referat Strategisk samarbeidsutvalg (SSU)")  # fmt: skip
    ssu_2024 = doc("minutes", SSU, "2024-01-10", [
        case("01/2024", "Budsjett", adopted="SSU vedtar budsjettet; hospitering får egne midler.",
             refs=["10/2023"]),
        case("02/2024", "Hospitering mellom sykehus og kommuner – status", adopted="SSU tar saken til orientering."),
        case("03/2024", "Godkjenning av referat fra forrige møte", adopted="Godkjent."),
    ], title="Referat Strategisk samarbeidsutvalg (SSU)")  # fmt: skip
    fsu = doc("minutes", FSU, "2023-03-02", [
        case("04/2023", "Orientering om arbeidet", adopted="FSU tar orienteringen til etterretning.",
             text="Et notat om hospitering ble lagt fram."),
    ])  # fmt: skip
    many = doc("agenda", "Eldrerådet", "2022-05-05", [
        case(f"{n:02d}/2022", f"Sak nummer {n}", proposed=[f"Eldrerådet tar sak {n} til orientering. æøå"])
        for n in range(1, MANY + 1)
    ])  # fmt: skip
    return [extraction("a", ssu_2023), extraction("b", ssu_2024), extraction("c", fsu), extraction("d", many)]


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory):
    """An archive whose database file is not called minutes.db."""
    path = tmp_path_factory.mktemp("front") / "arkiv.db"
    db = open_db(str(path))
    load_all(db, [(f, []) for f in files()])
    db.close()
    return path


def get(db_path, path, base_url="/", **params):
    async def fetch():
        ds = datasette(db_path)
        if base_url != "/":
            ds._settings["base_url"] = base_url
        response = await ds.client.get(path + ("?" + urlencode(params) if params else ""))
        return response.status_code, response.text, response.headers

    return asyncio.run(fetch())


def found_numbers(db_path, **params) -> list[str]:
    status, text, _ = get(db_path, "/sok.json", **params)
    assert status == 200, text
    return [r["saksnummer"] for r in json.loads(text)["rows"]]


def test_table_search_works_whatever_the_database_file_is_called(archive_db):
    status, text, _ = get(archive_db, "/arkiv/cases.json", _search="xyzzy", _shape="array")
    assert status == 200 and json.loads(text) == []
    status, text, _ = get(archive_db, "/arkiv/cases.json", _search="legevakt", _shape="array")
    assert [r["number"] for r in json.loads(text)] == ["11/2023"]
    _, page, _ = get(archive_db, "/arkiv/cases")
    assert "Saker (cases)" in page  # the metadata follows the file's name


def test_a_search_in_a_table_without_an_index_finds_nothing_and_says_so(archive_db):
    status, text, _ = get(archive_db, "/arkiv/attendance.json", _search="Guri")
    body = json.loads(text)
    assert status == 200 and body["rows"] == []
    assert "søk er ikke mulig" in body["human_description_en"]


def test_norwegian_dates_bound_the_search_by_their_whole_span(archive_db):
    assert found_numbers(archive_db, q="hospitering", fra="01.01.2023", til="31.12.2023") == ["10/2023", "04/2023"]
    assert found_numbers(archive_db, q="hospitering", fra="2023", til="2023") == ["10/2023", "04/2023"]
    assert found_numbers(archive_db, q="hospitering", fra="1.1.24") == ["01/2024", "02/2024"]
    assert found_numbers(archive_db, q="hospitering", fra="03.2023", til="2023-03-31") == ["04/2023"]


@pytest.mark.parametrize("typed", ["31.02.2023", "neste uke", "2023/13", "13.2023"])
def test_a_date_that_cannot_be_read_is_refused_with_a_message(archive_db, typed):
    status, text, _ = get(archive_db, "/sok", q="hospitering", fra=typed)
    assert status == 400 and "dato" in text and "<h3>" not in text
    status, text, _ = get(archive_db, "/arkiv/search_decisions", q="hospitering", date_from=typed)
    assert status == 400 and "date_from" in text


def test_the_canned_search_reads_norwegian_dates(archive_db):
    status, text, _ = get(archive_db, "/arkiv/search_decisions.json", q="hospitering", date_from="2024", _shape="array")
    assert status == 200, text
    assert sorted(r["case"] for r in json.loads(text)) == ["01/2024"]  # the decisions holding the word


def test_an_empty_search_with_a_committee_lists_every_case_and_the_csv_holds_them_all(archive_db):
    status, text, _ = get(archive_db, "/sok", utvalg="Eldrerådet")
    assert status == 200 and f"{MANY} saker" in text and 'rel="next"' in text
    status, text, _ = get(archive_db, "/sok.csv", utvalg="Eldrerådet")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == MANY
    assert {r["utvalg"] for r in rows} == {"Eldrerådet"}
    assert rows[0]["forslag_til_vedtak"].endswith("æøå") and "⟦" not in text
    assert re.fullmatch(r"http://localhost/sak/\S+", rows[0]["saksside"])
    pdf = r"http://localhost/dokument/d{64}/eldrer%C3%A5det-2022-05-05-innkalling\.pdf#page=2"
    assert re.fullmatch(pdf, rows[0]["pdf"])


def test_an_export_read_in_many_batches_holds_each_case_once_in_the_same_order(archive_db, monkeypatch):
    from web import search_pages

    _, whole, _ = get(archive_db, "/sok.csv", utvalg="Eldrerådet")
    monkeypatch.setattr(search_pages, "EXPORT_BATCH", 7)  # 230 cases: 33 batches, the last one short
    _, batched, _ = get(archive_db, "/sok.csv", utvalg="Eldrerådet")
    assert batched == whole
    pages = [r["saksside"] for r in csv.DictReader(io.StringIO(batched))]
    assert len(pages) == len(set(pages)) == MANY


def test_the_excel_csv_has_a_bom_and_semicolons(archive_db):
    _, text, headers = get(archive_db, "/sok.csv", q="legevakt", excel="1")
    assert text.startswith("\ufeffutvalg;møtedato;saksnummer;tittel")
    assert "attachment" in headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert [r["vedtak"] for r in rows] == ["SSU ber om en rapport om legevakt i distriktene."]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("SSU", ["01/2024", "02/2024", "03/2024", "10/2023", "11/2023", "12/2023"]),
        ("ssu", ["01/2024", "02/2024", "03/2024", "10/2023", "11/2023", "12/2023"]),
        ("samarbeid", ["01/2024", "02/2024", "03/2024", "10/2023", "11/2023", "12/2023"]),
        ("FSU BU", ["04/2023"]),
        ("barn og unge", ["04/2023"]),
    ],
)
def test_committees_are_found_by_abbreviation_and_part_of_name(archive_db, typed, expected):
    assert found_numbers(archive_db, utvalg=typed) == expected


def test_a_search_of_no_searchable_word_says_so_instead_of_listing_everything(archive_db):
    status, text, _ = get(archive_db, "/sok", q="?! –")
    assert status == 400 and "ingen ord å søke etter" in text and "<h3>" not in text


def test_a_committee_that_matches_nothing_says_so(archive_db):
    status, text, _ = get(archive_db, "/sok", utvalg="XQZ")
    assert status == 400 and "Fant ikke noe utvalg" in text


def test_the_canned_queries_accept_abbreviations(archive_db):
    _, text, _ = get(archive_db, "/arkiv/search_cases.json", q="hospitering", committee="SSU", _shape="array")
    assert sorted(r["case"] for r in json.loads(text)) == ["01/2024", "02/2024", "10/2023"]


def test_title_matches_rank_above_decisions_and_decisions_above_case_text(archive_db):
    # 10/2023 and 02/2024 have the word in their title, 01/2024 in its decision, 04/2023 only in its text.
    _, text, _ = get(archive_db, "/sok", q="hospitering")
    order = re.findall(r'class="case-link" href="[^"]+">(\d\d/\d{4})', text)
    assert order == ["10/2023", "02/2024", "01/2024", "04/2023"]


def test_the_case_text_is_searchable(archive_db):
    assert found_numbers(archive_db, q="USK") == ["10/2023"]


def test_the_decision_filter_holds_the_words_to_adopted_decisions_or_proposals(archive_db):
    assert found_numbers(archive_db, q="ordning", type="forslag") == ["10/2023"]
    assert found_numbers(archive_db, q="hospitering", type="vedtak") == ["01/2024", "10/2023"]


def test_every_link_carries_the_base_url(archive_db):
    for path in ("/", "/sok?q=hospitering", "/utvalg", "/utvalg/SSU", "/personer?q=guri"):
        status, text, _ = get(archive_db, path, base_url="/minutes-arkiv/")
        assert status == 200, (path, text[:300])
        links = re.findall(r'(?:href|action|src)="([^"#]*)', text)
        assert links
        wrong = [u for u in links if u.startswith("/") and not u.startswith("/minutes-arkiv/")]
        assert wrong == [], path


def test_the_home_page_offers_the_search_and_the_committees(archive_db):
    _, text, _ = get(archive_db, "/")
    assert 'action="/sok"' in text and 'href="/utvalg/Strategisk%20samarbeidsutvalg"' in text
    assert "/minutes/search" not in text  # no links fixed to one database name


def test_a_case_page_sets_proposal_and_decision_side_by_side_with_the_change_marked(archive_db):
    status, text, _ = get(archive_db, "/sak/aaaaaaaaaaaaaaaa-0-10-2023")
    assert status == 200
    assert "<h1>Hospitering mellom sykehus og kommuner</h1>" in text
    assert "<ins>hospitering</ins>" in text and "Forslag til vedtak" in text
    assert "vist til av" in text and "01/2024" in text  # the later case that refers to it
    assert 'href="/person/guri-moen-lajord"' in text
    history = text[text.index("Sakens historikk") :]
    assert re.search(r"senere behandling</td>.*?02/2024 Hospitering", history, re.S)  # the same matter
    assert "03/2024" not in history  # a routine item of every meeting is not


def test_a_routine_item_has_no_history_by_title(archive_db):
    _, text, _ = get(archive_db, "/sak/aaaaaaaaaaaaaaaa-0-12-2023")
    history = text[text.index("Sakens historikk") :]
    assert "03/2024" not in history and "Ingen annen behandling" in history


def test_minutes_without_the_proposal_show_the_agendas_beside_the_decision(tmp_path):
    agenda = doc("agenda", FSU, "2024-03-01", [case("05/2024", "Budsjett", proposed=["FSU godkjenner budsjettet."])])
    minutes = doc(
        "minutes", FSU, "2024-03-12", [case("05/2024", "Budsjett", adopted="FSU godkjenner budsjettet med endringer.")]
    )
    path = tmp_path / "to.db"
    db = open_db(str(path))
    load_all(db, [(extraction("g", agenda), []), (extraction("h", minutes), [])])
    db.close()
    _, text, _ = get(path, "/sak/hhhhhhhhhhhhhhhh-0-05-2024")
    assert "Fra <a" in text and "innkalling 1. mars 2024" in text
    assert "FSU godkjenner budsjettet <ins>med</ins> <ins>endringer</ins>." in text


def test_a_person_is_found_by_first_name(archive_db):
    _, text, _ = get(archive_db, "/personer", q="Guri")
    assert '<a href="/person/guri-moen-lajord">Guri Moen Lajord</a>' in text
    _, text, _ = get(archive_db, "/sok", q="guri lajord")  # a name typed in the search offers the person
    assert 'Personer: <a href="/person/guri-moen-lajord">Guri Moen Lajord</a>' in text
    _, text, _ = get(archive_db, "/person/guri-moen-lajord")
    assert "Strategisk samarbeidsutvalg" in text and "Tromsø kommune" in text and "Til stede" in text


def test_a_search_feed_links_to_the_case_pages_and_shows_a_newly_loaded_decision(archive_db, tmp_path):
    path = tmp_path / "ny.db"
    path.write_bytes(archive_db.read_bytes())
    _, before, _ = get(path, "/sok.atom", q="legevakt")
    atom = "{http://www.w3.org/2005/Atom}"
    assert len(ET.fromstring(before).findall(f"{atom}entry")) == 1
    new = doc("minutes", SSU, "2024-09-01", [case("30/2024", "Legevakt i nord", adopted="SSU vedtar ny legevakt.")])
    db = open_db(str(path))
    load_all(db, [(extraction("e", new), [])])
    db.close()
    _, after, headers = get(path, "/sok.atom", q="legevakt")
    assert headers["content-type"].startswith("application/atom+xml")
    entries = ET.fromstring(after).findall(f"{atom}entry")
    assert len(entries) == 2
    assert entries[0].find(f"{atom}title").text.startswith(f"{SSU} 30/2024")
    assert entries[0].find(f"{atom}link").get("href") == "http://localhost/sak/eeeeeeeeeeeeeeee-0-30-2024"


def test_table_lists_shorten_long_text_and_case_rows_link_to_the_case_page(tmp_path):
    long = "Utvalget ber om at " + "tiltakene følges opp i hver kommune, " * 40 + "SLUTTORD."
    path = tmp_path / "lang.db"
    db = open_db(str(path))
    load_all(
        db, [(extraction("f", doc("minutes", SSU, "2024-05-05", [case("05/2024", "Lang sak", adopted=long)])), [])]
    )
    db.close()
    _, listing, _ = get(path, "/lang/cases")
    assert "SLUTTORD" not in listing and "(hele teksten)" in listing
    _, row, _ = get(path, "/lang/cases/ffffffffffffffff-0-05-2024")
    assert "SLUTTORD" in row and 'href="/sak/ffffffffffffffff-0-05-2024"' in row


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("31.12.2023", "2023-12-31", "2023-12-31"),
        ("1.2.23", "2023-02-01", "2023-02-01"),
        ("2024-02-29", "2024-02-29", "2024-02-29"),
        ("2023", "2023-01-01", "2023-12-31"),
        ("02.2024", "2024-02-01", "2024-02-29"),
        ("2024-02", "2024-02-01", "2024-02-29"),
    ],
)
def test_a_typed_date_means_its_whole_span(typed, first, last):
    low, high = dates.span(typed)
    assert (low.isoformat(), high.isoformat()) == (first, last)


def test_a_from_date_after_the_to_date_is_refused():
    with pytest.raises(dates.DateError):
        dates.date_range("2024", "2023")


@pytest.mark.parametrize(
    ("typed", "name", "expected"),
    [
        ("FLR", "Fastlegerådet", True),
        ("FSU REST", "FSU rekruttering og stabilisering", True),
        ("SSU", "Strategisk samarbeidsutvalg", True),
        ("KU", "Kontrollutvalget", True),
        ("REST", "FSU psykisk helse og rus", False),
        ("SSU", "Fastlegerådet", False),
    ],
)
def test_abbreviations_take_their_letters_from_the_starts_of_words_and_compounds(typed, name, expected):
    assert committees.matches(typed, name) is expected


def test_a_whole_name_chosen_from_the_list_means_that_committee_alone():
    known = {"Formannskapet": set(), "Verdal formannskap": set()}
    assert committees.choose("Formannskapet", known) == ["Formannskapet"]
    assert committees.choose("formannskap", known) == ["Formannskapet", "Verdal formannskap"]


def test_pdfs_are_named_by_committee_date_and_kind():
    assert pdf_name("FSU rekruttering og stabilisering", "2024-11-20", "minutes") == (
        "fsu-rekruttering-og-stabilisering-2024-11-20-referat.pdf"
    )


def test_a_plain_datasette_searches_the_archive_too(archive_db):
    """Without `minutes serve`: Datasette's own command in this environment (the front comes
    with the package as its plugins) finds the index by its convention."""
    import subprocess
    import sys

    def plain(path: str) -> list:
        command = [sys.executable, "-m", "datasette", "serve", str(archive_db), "--get", path]
        result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
        return json.loads(result.stdout)

    assert plain("/arkiv/cases.json?_search=xyzzy&_shape=array") == []
    assert [r["number"] for r in plain("/arkiv/cases.json?_search=legevakt&_shape=array")] == ["11/2023"]
    assert [r["saksnummer"] for r in plain("/sok.json?q=USK")["rows"]] == ["10/2023"]
