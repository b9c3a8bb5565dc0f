"""The canned queries and the search page, each with a specific expected row, on a small archive."""

import asyncio
import json
from urllib.parse import urlencode

import pytest

from db.load import load_all
from db.schema import open_db
from db.search import decision_changed, fts_query
from models.extraction import Attendee, Case, Document, FileExtraction, Meeting
from web.serve import datasette

FSU = "FSU barn og unge"
SSU = "Strategisk samarbeidsutvalg"


def doc(kind, body, date, cases, attendees=()):
    return Document(kind=kind, body=body, meeting=Meeting(date=date), cases=list(cases), attendees=list(attendees))


def case(number, title, proposed=(), adopted=None, text="", refs=(), contexts=None):
    return Case(number=number, title=title, proposed_decisions=list(proposed), adopted_decision=adopted,
                text=text, page=1, references=list(refs), reference_contexts=contexts or {})  # fmt: skip


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory):
    agenda = doc("agenda", FSU, "2024-03-01", [
        case("05/2024", "Budsjett 2025", proposed=["FSU godkjenner budsjettet for 2025."]),
        case("06/2024", "Møteplan", proposed=["FSU vedtar møteplanen."]),
    ])  # fmt: skip
    minutes = doc("minutes", FSU, "2024-03-12", [
        case("05/2024", "Budsjett 2025", adopted="FSU godkjenner budsjettet for 2025 med endringene fra møtet."),
        case("06/2024", "Møteplan", adopted="FSU vedtar møteplanen."),
        case("07/2024", "Hospitering", proposed=["FSU støtter piloten."],
             adopted="FSU støtter hospiteringspiloten og ber sekretariatet søke midler til en åpen utlysning.",
             text="Arbeidsgruppa har fulgt opp sak 05/24.", refs=["05/2024"],
             contexts={"05/2024": "Arbeidsgruppa har fulgt opp"}),
    ], attendees=[
        Attendee("Kari Nordmann", "present"), Attendee("Ola Hansen", "present"), Attendee("Per Olsen", "present"),
        Attendee("Anne Berg", "absent"), Attendee("Maria Eidesen", "guest"),
    ])  # fmt: skip
    ssu = doc("minutes", SSU, "2024-04-10", [
        case("12/2024", "Oppfølging av hospitering", adopted="SSU støtter ordningen.",
             text="FSU barn og unge behandlet saken i møte 12. mars, sak 07/24.", refs=["07/2024"],
             contexts={"07/2024": "FSU barn og unge behandlet saken i møte 12. mars,"}),
    ])  # fmt: skip
    path = tmp_path_factory.mktemp("queries") / "minutes.db"
    db = open_db(str(path))
    results = [
        FileExtraction(source=f"{n}.pdf", sha256=f"{n}" * 64, pages=2, documents=[d])
        for n, d in (("a", agenda), ("b", minutes), ("c", ssu))
    ]
    load_all(db, [(r, []) for r in results])
    db.close()
    return path


def get(db_path, path, **params):
    async def fetch():
        response = await datasette(db_path).client.get(path + ("?" + urlencode(params) if params else ""))
        return response.status_code, response.text

    return asyncio.run(fetch())


def rows(db_path, query, **params):
    status, text = get(db_path, f"/minutes/{query}.json", _shape="array", **params)
    assert status == 200, text
    return json.loads(text)


def test_search_decisions_ranks_marks_and_filters(archive_db):
    found = rows(archive_db, "search_decisions", q="hospitering", committee="", kind="", date_from="", date_to="")
    assert [(r["case"], r["kind"]) for r in found] == [("07/2024", "vedtak")]
    assert "⟦hospitering⟧spiloten" in found[0]["snippet"]
    both = rows(archive_db, "search_decisions", q="budsjettet 2025", committee="", kind="", date_from="", date_to="")
    assert {(r["case"], r["kind"]) for r in both} == {("05/2024", "forslag"), ("05/2024", "vedtak")}
    adopted = rows(archive_db, "search_decisions", q="budsjettet", committee="barn", kind="vedtak",
                   date_from="2024-03-10", date_to="2024-03-31")  # fmt: skip
    assert [(r["case"], r["date"]) for r in adopted] == [("05/2024", "2024-03-12")]
    assert (
        rows(archive_db, "search_decisions", q="budsjettet", committee="SSU", kind="", date_from="", date_to="") == []
    )


def test_letters_æøå_are_distinct_and_short_words_are_whole_words(archive_db):
    search = lambda q: rows(archive_db, "search_decisions", q=q, committee="", kind="", date_from="", date_to="")  # noqa: E731
    assert [r["case"] for r in search("åpen")] == ["07/2024"]
    assert search("apen") == [] and search("soke") == []
    assert [r["case"] for r in search("søke")] == ["07/2024"]
    # "en" stands as a word only in 07/2024's decision ("til en åpen"); 05/2024 has it inside "endringene"
    assert [r["case"] for r in search("en")] == ["07/2024"]
    assert search("på") == []
    assert fts_query('"; drop') == '"drop"*' and fts_query("*)") == '"\ufffe"'


def test_case_history_follows_references_across_committees(archive_db):
    history = rows(archive_db, "case_history", number="7/24", committee="barn")
    assert [(r["relation"], r["committee"], r["case"]) for r in history] == [
        ("saken", FSU, "07/2024"),
        ("viser til", FSU, "05/2024"),
        ("vist til av", SSU, "12/2024"),
    ]
    assert history[1]["document_kind"] == "minutes"  # the minutes' version of the case referred to


def test_changed_decisions_shows_proposal_and_adopted_text(archive_db):
    changed = rows(archive_db, "changed_decisions", committee="")
    assert [(r["case"], r["proposed"], r["adopted"]) for r in changed] == [
        ("05/2024", "FSU godkjenner budsjettet for 2025.",
         "FSU godkjenner budsjettet for 2025 med endringene fra møtet."),
        ("07/2024", "FSU støtter piloten.",
         "FSU støtter hospiteringspiloten og ber sekretariatet søke midler til en åpen utlysning."),
    ]  # fmt: skip


def test_committee_meetings_with_attendance_counts(archive_db):
    meetings = rows(archive_db, "committee_meetings", committee="barn")
    assert [(r["date"], r["kind"], r["present"], r["absent"], r["guests"], r["cases"]) for r in meetings] == [
        ("2024-03-12", "minutes", 3, 1, 1, 3),
        ("2024-03-01", "agenda", 0, 0, 0, 2),
    ]


def test_cases_per_year(archive_db):
    assert rows(archive_db, "cases_per_year") == [
        {"committee": FSU, "year": 2024, "cases": 3},
        {"committee": SSU, "year": 2024, "cases": 1},
    ]


def test_table_search_marks_the_words_and_keeps_line_breaks(archive_db):
    status, html = get(archive_db, "/minutes/decisions", _search="hospitering")
    assert status == 200
    assert "<mark>hospitering</mark>spiloten" in html
    status, html = get(archive_db, "/minutes/search_decisions", q="hospitering", committee="", kind="",
                       date_from="", date_to="")  # fmt: skip
    assert "<mark>hospitering</mark>" in html and "⟦hospitering⟧" not in html


def test_dashboard_with_a_chart_of_cases_per_committee_and_year(archive_db):
    status, html = get(archive_db, "/-/dashboards/oversikt")
    assert status == 200
    assert "Saker per utvalg og år" in html and "vega" in html
    assert get(archive_db, "/minutes.json", sql="select 1")[0] == 200  # the database answers JSON too


def test_every_table_and_column_has_a_title_or_description():
    import yaml

    from web.metadata import METADATA_FILE

    meta = yaml.safe_load(METADATA_FILE.read_text())["databases"]["minutes"]["tables"]
    for table in ("cases", "decisions", "documents", "attendance", "people", "files", "failures", "fetches"):
        assert meta[table].get("title") and (meta[table].get("description") or meta[table].get("description_html"))


@pytest.mark.parametrize(
    ("proposed", "adopted", "changed"),
    [
        ("FSU vedtar møteplanen.", "FSU  vedtar\nmøteplanen.", 0),
        ("Alt 1: ja.\n\nAlt 2: nei.", "Alt 2: nei.", 0),
        ("FSU tar saken til orientering.", "FSU ber om ny sak.", 1),
        (None, "x", None),
    ],
)
def test_decision_changed(proposed, adopted, changed):
    assert decision_changed(proposed, adopted) == changed
