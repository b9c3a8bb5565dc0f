"""Dates, times, case numbers and text joining, in every written form of the genre."""

import pytest

from extract.segment.text import join_lines, normalize_case_number, parse_date, parse_times


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("23.02.23", "2023-02-23"),
        ("23.02.2023", "2023-02-23"),
        ("12.1.23", "2023-01-12"),
        ("Møtetid: 12.1.23, kl. 13.30-15.00", "2023-01-12"),
        ("1. februar 2023", "2023-02-01"),
        ("torsdag 23. februar 2023 kl. 12.00", "2023-02-23"),
        ("Onsdag d. 27. august 2025 kl. 16:00", "2025-08-27"),
        ("12 okt. 2024", "2024-10-12"),
        ("2024-05-08", "2024-05-08"),
        ("23/02/2023", "2023-02-23"),
        ("kl. 12.30-15.30", None),
        ("08:30-09.30", None),
        ("31.02.2023", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Tid: 08.05.2024, kl. 12.30-15.30", ("12:30", "15:30")),
        ("01.02.2023 kl 13.00-15.00", ("13:00", "15:00")),
        ("31.01.2023 kl. 08:30-09.30", ("08:30", "09:30")),
        ("23.02.2023 Hovedmøte kl. 12.00 – 15.30", ("12:00", "15:30")),
        ("kl. 9-11", ("09:00", "11:00")),
        ("fra kl. 09.00 til kl. 15.00", ("09:00", "15:00")),
        ("Onsdag d. 27. august 2025 kl. 16:00", ("16:00", None)),
        ("23.02.23", (None, None)),
        # nynorsk "klokka", spelled as in the sentences that open and close a meeting
        ("Tid: klokka 9 - 12", ("09:00", "12:00")),
        ("Møtestad: Rådhuset, klokka 18", ("18:00", None)),
        # an end announced as approximate
        ("kl. 09.00 – ca. 15.30", ("09:00", "15:30")),
        ("kl. 10 – ca. kl. 14", ("10:00", "14:00")),
        ("klokka 9.00 - omlag 12.00", ("09:00", "12:00")),
        # "fra" before a date names that date; a number after it (a contents page's page) is no hour
        ("7 Godkjenning av referat fra 16. april 2012 5", (None, None)),
        ("Godkjenning av protokoll fra 01.03.2020 10", (None, None)),
        ("Møtet varte fra 10.30 til 12", ("10:30", None)),
    ],
)
def test_parse_times(text, times):
    assert parse_times(text) == times


@pytest.mark.parametrize(
    ("text", "number"),
    [("Sak 09/24", "09/2024"), ("sak 5/2023", "05/2023"), ("120/22", "120/2022"), ("12/27845", None), ("1.5/24", None)],
)
def test_normalize_case_number(text, number):
    assert normalize_case_number(text) == number


def test_join_lines_keeps_list_items_and_joins_wraps():
    assert join_lines(["1. Første punkt som", "fortsetter her.", "2. Andre punkt.", "• Kule", "mer"]) == (
        "1. Første punkt som fortsetter her.\n2. Andre punkt.\nKule mer"
    )


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Møtedato: 12/3-2019 kl. 10.00", "2019-03-12"),
        ("den 5/11-2015", "2015-11-05"),
        ("Arkivsak: 12/3-19", None),  # an archive number (year/number-document), not a date
        ("12/3-2019/4", None),
    ],
)
def test_day_and_month_by_a_slash_and_the_year_by_a_dash(text, date):
    assert parse_date(text) == date


def test_a_lines_label_is_read_once_and_read_again_after_its_cells_change():
    """label_value keeps its answer on the line; settle(), which follows any change of the cells,
    drops it."""
    from extract.segment.lines import label_value
    from models.layout import Cell, Line

    line = Line(page=1, top=0, bottom=10, cells=[Cell("Sted:", 50, 80), Cell("Teams", 200, 240)])
    line.settle()
    assert label_value(line) == ("Sted", "Teams")
    assert line.label_memo == (("Sted", "Teams"),)
    line.cells = [Cell("Møtet ble holdt på Teams", 50, 240)]
    line.settle()
    assert label_value(line) is None
