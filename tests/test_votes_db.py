"""Votes and outcomes in the archive: their tables, the people they name, the canned queries."""

import pytest

from db.load import load_all
from db.schema import open_db
from models.extraction import Attendee, Case, Document, FileExtraction, Meeting, Vote
from tests.test_queries import rows

KS = "Kommunestyret"


def minutes(date, cases, attendees=(), status=None):
    return Document(
        kind="minutes", body=KS, meeting=Meeting(date=date), cases=list(cases), attendees=list(attendees), status=status
    )


@pytest.fixture(scope="module")
def votes_db(tmp_path_factory):
    first = minutes(
        "2024-03-12",
        [
            Case(number="10/2024", title="Budsjett 2025", proposed_decisions=["Budsjettet vedtas."],
                 adopted_decision="Budsjettet vedtas.", outcome="adopted", page=1,
                 votes=[Vote(result="rejected", on="Forslaget fra H", votes_for=7, against=28, unanimous=False,
                             parties_for=["H", "FrP"], printed="Forslaget fra H falt med 7 mot 28 stemmer (H, FrP)."),
                        Vote(result="adopted", on="Innstillingen", votes_for=28, against=7, unanimous=False,
                             parties_against=["H", "FrP"], names_against=["Hansen", "Kari Nordmann"],
                             printed="Innstillingen ble vedtatt med 28 mot 7 stemmer.")]),
            Case(number="11/2024", title="Skolestruktur", proposed_decisions=["Skolen legges ned."],
                 adopted_decision="Skolen opprettholdes.", outcome="adopted", page=2,
                 votes=[Vote(result="rejected", on="Innstillingen", votes_for=10, against=25,
                             printed="Innstillingen falt med 10 mot 25 stemmer.")]),
            Case(number="12/2024", title="Kulturplan", adopted_decision="Saken utsettes.", outcome="deferred", page=3),
            Case(number="13/2024", title="Vegplan", adopted_decision="Saken utsettes.", outcome="deferred", page=3),
        ],
        attendees=[Attendee("Kari Nordmann", "present", "H"), Attendee("Ola Hansen", "present", "FrP")],
        status="approved",
    )  # fmt: skip
    later = minutes(
        "2024-05-02",
        [Case(number="20/2024", title="Kulturplan", adopted_decision="Planen vedtas.", outcome="adopted", page=1)],
    )
    path = tmp_path_factory.mktemp("votes") / "minutes.db"
    db = open_db(str(path))
    results = [
        FileExtraction(source=f"{n}.pdf", sha256=n * 64, pages=2, documents=[d])
        for n, d in (("a", first), ("b", later))
    ]
    load_all(db, [(r, []) for r in results])
    db.close()
    return path


def test_votes_members_and_parties_are_rows_linked_to_case_and_people(votes_db):
    found = rows(votes_db, "votes", _sort="id")
    assert [(v["case_number"], v["on_proposal"], v["result"], v["votes_for"], v["votes_against"]) for v in found] == [
        ("10/2024", "Forslaget fra H", "rejected", 7, 28),
        ("10/2024", "Innstillingen", "adopted", 28, 7),
        ("11/2024", "Innstillingen", "rejected", 10, 25),
    ]
    members = rows(votes_db, "vote_members", _sort="id")
    # "Hansen" is the one attendee of that meeting with that surname
    assert {(m["name"], m["side"], m["person_id"]) for m in members} == {
        ("Hansen", "against", "ola-hansen"),
        ("Kari Nordmann", "against", "kari-nordmann"),
    }
    parties = rows(votes_db, "vote_parties", _sort="id")
    assert sorted((p["party"], p["side"]) for p in parties) == [
        ("FrP", "against"),
        ("FrP", "for"),
        ("H", "against"),
        ("H", "for"),
    ]
    assert [c["outcome"] for c in rows(votes_db, "cases", _sort="number")] == [
        "adopted", "adopted", "deferred", "deferred", "adopted"
    ]  # fmt: skip
    assert rows(votes_db, "documents", _sort="meeting_date")[0]["status"] == "approved"


def test_how_a_party_voted(votes_db):
    found = rows(votes_db, "party_votes", party="H", committee="kommune", date_from="2024-01-01", date_to="")
    assert [(r["case"], r["side"], r["result"]) for r in found] == [
        ("10/2024", "for", "rejected"),
        ("10/2024", "against", "adopted"),
    ]
    assert rows(votes_db, "party_votes", party="SV", committee="", date_from="", date_to="") == []


def test_a_persons_votes(votes_db):
    found = rows(votes_db, "person_votes", person="ola-hansen")
    assert [(r["case"], r["side"], r["printed_name"]) for r in found] == [("10/2024", "against", "Hansen")]


def test_cases_decided_against_the_proposal(votes_db):
    found = rows(votes_db, "against_proposal", committee="")
    assert {r["case"] for r in found} == {"11/2024"}


def test_deferred_cases_that_never_came_back(votes_db):
    found = rows(votes_db, "deferred_never_back", committee="")
    assert [(r["case"], r["title"]) for r in found] == [("13/2024", "Vegplan")]
