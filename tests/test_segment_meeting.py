"""Meeting header fields and committee names."""

import pytest

from extract.segment.bodies import body_from_header, body_from_title, canonical_body
from extract.segment.meeting import parse_meeting
from tests.helpers import lines


def test_labelled_header_rows():
    spec = """
    # Møte 2-23 Strategisk samarbeidsutvalg (SSU)
    ** Møtetid: | 23.02.2023 Hovedmøte kl. 12.00-15.30
    ** Sted: | Fysisk UNN-Breivika D1-707, med mulighet for digital deltakelse.
    """
    m = parse_meeting(lines(spec), "Møte 2-23 Strategisk samarbeidsutvalg (SSU)")
    assert (m.date, m.start, m.end, m.place, m.number) == (
        "2023-02-23",
        "12:00",
        "15:30",
        "UNN-Breivika D1-707",
        "2-23",
    )


def test_meeting_date_label_wins_over_document_date():
    spec = """
    ** Dato dok: | 31.10.2024
    ** Møtedato: | 04.12.2024
    """
    assert parse_meeting(lines(spec), None).date == "2024-12-04"


def test_unlabelled_date_and_time_line_and_time_on_its_own_line():
    m = parse_meeting(lines("Torsdag 12. januar 2023 kl. 13.30–15.00\nDigitalt"), None)
    assert (m.date, m.start, m.end) == ("2023-01-12", "13:30", "15:00")
    m = parse_meeting(lines("Dato: 12. januar 2023\nTid: kl. 09.00 - 11.30"), None)
    assert (m.date, m.start, m.end) == ("2023-01-12", "09:00", "11:30")


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Referat møte 4-2024 FSU rekruttering og stabilisering", "FSU rekruttering og stabilisering"),
        ("Møte 2-23 Strategisk samarbeidsutvalg (SSU)", "Strategisk samarbeidsutvalg"),
        ("Møtereferat Fastlegerådet (FLR)", "Fastlegerådet"),
        ("Referat oppstartsmøte FSU psykisk helse og rus", "FSU psykisk helse og rus"),
        ("SSU sak 27/2024", "Strategisk samarbeidsutvalg"),
        ("Innkalling til møte i Faglig samarbeidsutvalg for barn og unge 12.03.2024", "FSU barn og unge"),
        ("Helsefellesskapet Troms og Ofoten", None),
        ("Referat fra partnerskapsmøtet 2024", "Partnerskapsmøtet"),
    ],
)
def test_body_from_title(title, body):
    assert body_from_title(title) == body


def test_body_from_running_header_and_canonical_names():
    assert body_from_header(
        "Helsefellesskapet Troms og Ofoten – Faglig samarbeidsutvalg for rekruttering og stabilisering"
    ) == ("FSU rekruttering og stabilisering")
    assert body_from_header("Strategisk samarbeidsutvalg Faglig samarbeidsutvalg for psykisk helse og rus") == (
        "FSU psykisk helse og rus"
    )
    assert canonical_body("Strategisk samarbeidsutvalg (SSU)") == "Strategisk samarbeidsutvalg"
    assert canonical_body("SSU") == "Strategisk samarbeidsutvalg"


def test_compact_clock_and_a_date_without_year_dated_by_the_case_numbers():
    m = parse_meeting(lines("Tid: | Torsdag 12. mars kl 0900-1130"), None, year=2024)
    assert (m.date, m.start, m.end) == ("2024-03-12", "09:00", "11:30")
    assert parse_meeting(lines("Tid: | Torsdag 12. mars kl 0900-1130"), None).date is None
