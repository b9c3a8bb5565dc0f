"""Meeting header fields and committee names."""

import pytest

from extract.segment.bodies import body_from_header, body_from_title, canonical_body, organisation
from extract.segment.documents import segment
from extract.segment.meeting import parse_meeting
from tests.helpers import lines, pages


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


# --- the wider genre: labels, sentences, bodies in capitals, boards ------------------------


def test_a_time_row_alone_and_the_meeting_number_row():
    spec = """
    MØTEDATO: | Onsdag 27. januar 2016
    KL.: | 14:00
    Møte: | 6/2016
    """
    m = parse_meeting(lines(spec), None)
    assert (m.date, m.start, m.end, m.number) == ("2016-01-27", "14:00", None, "6/2016")


@pytest.mark.parametrize("value", ["09:00 13:50", "kl. 09.00 kl. 13.50"])
def test_a_time_row_with_start_and_end_side_by_side(value):
    m = parse_meeting(lines(f"Møtedato: | 12.03.2013\nTid: | {value}"), None)
    assert (m.date, m.start, m.end) == ("2013-03-12", "09:00", "13:50")


def test_label_cells_side_by_side_in_one_row_nynorsk():
    m = parse_meeting(lines("T: Møtedato: | 15.01.2015 | Møtetid: Kl. 11:30 - 11:50\nT: Møtestad: | Heradshuset"), None)
    assert (m.date, m.start, m.end, m.place) == ("2015-01-15", "11:30", "11:50", "Heradshuset")


def test_labels_and_values_in_cells_of_their_own_side_by_side():
    m = parse_meeting(lines("Møtedato: | 12.03.2019 | Møtestad: | Rådhuset | Tid: | 09.00 - 12.00"), None)
    assert (m.date, m.start, m.end, m.place) == ("2019-03-12", "09:00", "12:00", "Rådhuset")
    m = parse_meeting(lines("Dato: | 12.03.2019 | kl. 10.00 | Stad: | Heradshuset"), None)
    assert (m.date, m.start, m.place) == ("2019-03-12", "10:00", "Heradshuset")


def test_the_line_under_the_title_and_a_sentence_announcing_the_meeting():
    m = parse_meeting(lines("Inderøy kommune"), "Møtereferat Ungdomsrådet", under_title="Ungdomsrådsmøte 18.08.09")
    assert m.date == "2009-08-18"
    spec = """
    Vi kaller med dette inn til styremøte onsdag 27. oktober 2010
    Protokoll fra møte 12. mai 2010 legges fram.
    """
    assert parse_meeting(lines(spec), None).date == "2010-10-27"
    # a sentence about another meeting does not date this one
    assert parse_meeting(lines("Protokoll fra forrige møte 12. mai 2010 godkjennes."), None).date is None


def test_a_sentence_gives_the_place():
    m = parse_meeting(lines("Møtet avholdes på Kirkenes Sykehus, møterom i administrasjonen."), None)
    assert m.place == "Kirkenes Sykehus, møterom i administrasjonen"


def test_a_plain_date_row_is_the_document_date_in_a_case_document():
    spec = """
    Dato: | 03.02.2012
    Saka gjeld: | Samansetting av regionalt brukarutval
    """
    assert parse_meeting(lines(spec), None).date == "2012-02-03"
    assert parse_meeting(lines(spec), None, document_date=False).date is None


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Møtet ble satt kl. 10.00. … Møtet ble hevet kl. 15.30.", ("10:00", "15:30")),
        ("Møtet vart sett kl 09.15. … Møtet vart heva kl. 11.", ("09:15", "11:00")),
        ("Møtet vart sett kl 10:00 og heva kl 14.30.", ("10:00", "14:30")),
        ("Møtet starta kl. 09.00 og slutta kl. 11.30.", ("09:00", "11:30")),
        ("Møtet varte fra kl. 09.00 til kl. 12.00.", ("09:00", "12:00")),
        # the clock word left out right after the verb: hours and minutes only
        ("Møtet startet 09.00. … Møtet hevet 15.30", ("09:00", "15:30")),
        ("Møtet ble satt ca. 10:15. … Møtet vart heva 14.00.", ("10:15", "14:00")),
        ("Møtet startet 2 timer for seint. Møtet ble hevet 3 dager etter.", (None, None)),
        ("Vi gikk videre og slutt på saka kom kl 12.", (None, None)),
        ("Ingen tider her.", (None, None)),
    ],
)
def test_start_and_end_from_sentences_bokmal_and_nynorsk(text, times):
    from extract.segment.meeting import times_from_sentences

    assert times_from_sentences(text) == times


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Møtet starter kl. 09.00 og avsluttes ca. kl. 15.00.", ("09:00", "15:00")),
        ("Møtet finner sted på Sykehuset Levanger, møterom Arken og starter kl 09.00.", ("09:00", None)),
        ("Møtet tek til kl. 10.00 i heradshuset.", ("10:00", None)),
        ("Møtet begynner kl 18.", ("18:00", None)),
        ("Møtet vert sett kl. 09.30.", ("09:30", None)),
        ("Møtet startar med synfaring. Lunsj kl. 12.00.", (None, None)),
    ],
)
def test_start_and_end_announced_in_an_invitation(text, times):
    """An invitation says when the meeting will start and end, in the present tense."""
    from extract.segment.meeting import times_from_sentences

    assert times_from_sentences(text) == times


def test_an_agenda_takes_its_start_from_the_sentence_announcing_the_meeting():
    spec = """
    # Innkalling til møte i styret 19. januar 2015
    Det kalles med dette inn til styremøte mandag 19. januar 2015.
    Møtet finner sted på Sykehuset Levanger og starter kl 09.00.

    Sak 01/2015 | Godkjenning av innkalling og saksliste
    Sak 02/2015 | Orienteringssaker
    """
    (document,) = segment(pages(spec))
    assert (document.kind, document.meeting.date, document.meeting.start) == ("agenda", "2015-01-19", "09:00")


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("VALSTYRET MØTEBOK", "VALSTYRET"),
        ("MØTEINNKALLING KONTROLLUTVALGET I OS KOMMUNE", "KONTROLLUTVALGET I OS KOMMUNE"),
        ("Møtereferat Ungdomsrådet", "Ungdomsrådet"),
        ("Formannskapet 18.06.2015", "Formannskapet"),
        ("STYRET FOR HELSE NORDMØRE OG ROMSDAL HF", "STYRET FOR HELSE NORDMØRE OG ROMSDAL HF"),
        ("HELSE MIDT-NORGE RHF STYRET", "Styret i Helse Midt-Norge RHF"),
        ("Saksliste til styremøte 19. februar i Kirkenes", None),
        ("Innkalling til styremøte", None),
        # the day before a date: "d." and "den", a weekday, bokmål and nynorsk
        ("Referat Formannskapet d. 12-03-2024", "Formannskapet"),
        ("Møteprotokoll Kommunestyret den 12.03.2024", "Kommunestyret"),
        ("Møtebok Formannskapet tysdag 12. mars 2024", "Formannskapet"),
        ("Innkalling Eldrerådet onsdag den 5. juni 2024", "Eldrerådet"),
        # a date's label beside the meeting, with its colon or point: "Dato: 16. februar 2012"
        ("Styremøte i Helse Finnmark HF Dato. 16. februar 2012", "Styret i Helse Finnmark HF"),
        ("Møte i Eldrerådet Dato: 05.06.2024", "Eldrerådet"),
        # Danish committees: "udvalg"
        ("Referat Sundheds- og Forebyggelsesudvalget", "Sundheds- og Forebyggelsesudvalget"),
        # a comma inside the committee's name, listing its fields; after the name, the place or day
        ("Møtebok Utvalg for oppvekst, kultur og idrett 12.03.2024", "Utvalg for oppvekst, kultur og idrett"),
        ("Formannskapet, Rådhuset 12.03.2024", "Formannskapet"),
    ],
)
def test_body_from_titles_of_the_wider_genre(title, body):
    assert body_from_title(title) == body


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("KONTROLLUTVALGET I OS KOMMUNE", "Kontrollutvalget i Os kommune"),
        ("REGIONRÅDET NORDHORDLAND", "Regionrådet Nordhordland"),
        ("HELSE NORD-TRØNDELAG HF", "Helse Nord-Trøndelag HF"),
        ("Fastlegerådet", "Fastlegerådet"),
    ],
)
def test_names_in_capitals_in_natural_case(name, written):
    from extract.segment.bodies import natural_case

    assert natural_case(name) == written
    # as the document writes it elsewhere, where it does
    assert natural_case("VALSTYRET", "Leiaren i valstyret … Valstyret godkjenner") == "Valstyret"


def test_organisation_names():
    from extract.segment.bodies import organisation

    assert organisation("Det avholdes styremøte i Helse Finnmark HF, 19. februar 2004.") == "Helse Finnmark HF"
    assert organisation("Styret for Helse Nordmøre og Romsdal HF") == "Helse Nordmøre og Romsdal HF"
    assert organisation("KONTROLLUTVALGET I OS KOMMUNE") == "OS KOMMUNE"
    assert organisation("Fastlegerådet") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a hospital trust named with a common noun in lower case, or the noun first and "i"
        ("Styremøte i Sørvik sykehus HF", "Sørvik sykehus HF"),
        ("Protokoll fra styret i Nordfjord universitetssykehus HF", "Nordfjord universitetssykehus HF"),
        ("St. Hallvards hospital HF", "St. Hallvards hospital HF"),
        ("Møte i styret for Sjukehuset i Vestdal HF", "Sjukehuset i Vestdal HF"),
        ("Sykehuset Vestdal HF", "Sykehuset Vestdal HF"),
        # a lower-case word that is no institution still ends the name
        ("Referat fra møte i Vestdal HF", "Vestdal HF"),
        ("Møte i Helse Vestdal HF", "Helse Vestdal HF"),
    ],
)
def test_organisation_names_of_hospital_trusts(text, name):
    from extract.segment.bodies import organisation

    assert organisation(text) == name


@pytest.mark.parametrize(
    "title",
    ["Styremøte i Sørvik sykehus HF", "STYREMØTE I SØRVIK SYKEHUS HF", "Protokoll fra styremøte i Sørvik sykehus HF"],
)
def test_the_board_of_a_hospital_trust_from_a_title(title):
    assert body_from_title(title) == "Styret i Sørvik sykehus HF"


def test_the_end_of_the_meeting_in_its_own_row_nynorsk():
    spec = """
    Utval: | Kommunestyret
    Møtestad: | Tokke kommunehus
    Møtedato: | 11.12.2014
    Møtetid: | 12:00
    Møteslutt: | 17:30
    """
    m = parse_meeting(lines(spec), None)
    assert (m.date, m.start, m.end, m.place) == ("2014-12-11", "12:00", "17:30", "Tokke kommunehus")
    assert parse_meeting(lines("Møtetid: | 23.04.2009"), None).start is None


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Tokke kommune Møteprotokoll Kommunestyret", "Kommunestyret"),
        ("Referat fra møte i styret for Osloregionen", "Styret for Osloregionen"),
    ],
)
def test_body_beside_the_kind_word_and_a_board_named_after_its_body(title, body):
    assert body_from_title(title) == body


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        # place and time in one row, in either order and with either word
        (
            "Møtestad/tid: Kommunestyresalen, 12.03.2024 kl. 09:00 - 15:00",
            ("2024-03-12", "09:00", "15:00", "Kommunestyresalen"),
        ),
        ("Tid og sted: 12.03.2024 kl. 10.00, Rådhuset", ("2024-03-12", "10:00", None, "Rådhuset")),
        ("Stad og tid: Heradshuset, tysdag 5. mars 2024 klokka 18", ("2024-03-05", "18:00", None, "Heradshuset")),
        # start and end in rows of their own: "Frå kl.:" and "Til kl.:"
        (
            "Stad: Rådhuset\nDato: 12.03.2024\nFrå kl.: 10.00\nTil kl.: 14.00",
            ("2024-03-12", "10:00", "14:00", "Rådhuset"),
        ),
    ],
)
def test_place_and_time_in_one_row_and_start_and_end_rows(spec, expected):
    m = parse_meeting(lines(spec), None)
    assert (m.date, m.start, m.end, m.place) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Formannskapet holder møte torsdag 15.10.2009 kl 10.00 på Rådhuset.", ("2009-10-15", "10:00", "Rådhuset")),
        (
            "Det innkalles til møte i Formannskapet 12.03.2013 kl. 09.00 i kommunestyresalen, Rådhuset.",
            ("2013-03-12", "09:00", "kommunestyresalen, Rådhuset"),
        ),
        (
            "Utvalet innkallast til møte tysdag 12.03.2013 kl. 09.00 i heradshuset.",
            ("2013-03-12", "09:00", "heradshuset"),
        ),
        ("Møtet vert halde på Rådhuset 12.03.2013 kl. 10.", ("2013-03-12", "10:00", "Rådhuset")),
        ("Protokoll fra møte 12.03.2013 kl. 10.00 i kommunestyresalen legges fram.", ("2013-03-12", "10:00", None)),
    ],
)
def test_the_place_after_the_clock_in_a_sentence_announcing_the_meeting(sentence, expected):
    m = parse_meeting(lines(sentence), None)
    assert (m.date, m.start, m.place) == expected


def test_a_place_sentence_without_the_start_it_adds():
    assert parse_meeting(lines("Møtet holdes i formannskapssalen med møtestart kl. 08:00."), None).place == (
        "formannskapssalen"
    )


@pytest.mark.parametrize(
    "line, number", [("Møte nr. 5/2009", "5/2009"), ("Møte 3", "3"), ("Møte nr. 12.03.2019", None)]
)
def test_the_meeting_number_on_a_line_of_its_own(line, number):
    assert parse_meeting(lines(f"{line}\nDato: | 15.10.2009"), "MØTEINNKALLING").number == number


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("Dato: 12.03.2019\nKl.: 0900-1430", ("09:00", "14:30")),
        ("Dato: 12.03.2019\nTid: 1000", ("10:00", None)),
        ("Dato: 12.03.2019\nTid: kl 1000", ("10:00", None)),
        ("Møtedato: 12.03.2019 kl 1800", ("18:00", None)),
    ],
)
def test_hours_and_minutes_written_without_a_separator(spec, expected):
    m = parse_meeting(lines(spec), None)
    assert (m.date, m.start, m.end) == ("2019-03-12", *expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Møtedato: 12.03.2019 Tid: kl. 09.00 Sted: Rådhuset", ("2019-03-12", "09:00", None, "Rådhuset")),
        (
            "Møtestad: Kommunestyresalen Dato: 04.11.2021 Tid: 18:00 - 21:15",
            ("2021-11-04", "18:00", "21:15", "Kommunestyresalen"),
        ),
        ("Dato: 7. mai 2020 Møtested: Teams Møteslutt: 15:30", ("2020-05-07", None, "15:30", "Teams")),
    ],
)
def test_several_labels_in_one_line_without_cells(text, expected):
    """A header set as running text ("Møtedato: … Tid: … Sted: …"): each label's value ends where
    the next meeting label begins, the place with it."""
    m = parse_meeting(lines(text), None)
    assert (m.date, m.start, m.end, m.place) == expected


def test_a_colon_inside_a_value_is_no_label():
    m = parse_meeting(lines("Sted: Bystyresalen, inngang B: sidedøren\nDato: 12.03.2019"), None)
    assert (m.date, m.place) == ("2019-03-12", "Bystyresalen, inngang B: sidedøren")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Møtet ble holdt på Rådhuset mandag 3. april 2023 kl. 10.00.", "Rådhuset"),
        ("Formannskapet holder møte i Formannskapssalen, tirsdag 12.03.2024 kl. 09.00.", "Formannskapssalen"),
        ("Det blir møte i Heradsstyresalen tysdag 12. mars 2024 kl. 10.00.", "Heradsstyresalen"),
        ("Kommunestyret innkalles til møte på Rådhuset 12.03.2024 kl. 18.00.", "Rådhuset"),
        ("Det blir møte i formannskapet tysdag 12. mars 2024 kl. 10.00.", None),
        ("Protokoll fra møte i Rådhuset 12.03.2024 ble godkjent.", None),
        # the enterprise that meets is no place
        ("Det kalles inn til styremøte i Helse Nord-Trøndelag mandag 19. januar 2015.", None),
        ("Det kalles inn til møte i Os kommune onsdag 27. januar 2016.", None),
    ],
)
def test_a_sentence_gives_the_place_before_the_date(text, place):
    """The place named before the day in the sentence announcing the meeting; a committee named
    there ("møte i formannskapet") is no place, nor is the place of another meeting."""
    m = parse_meeting(lines(text), None)
    assert m.place == place


def test_a_title_naming_the_enterprise_before_the_date_names_no_place():
    m = parse_meeting(lines("Styremøte i Helse Nord RHF 19. februar 2004"), None)
    assert (m.date, m.place) == ("2004-02-19", None)


@pytest.mark.parametrize(
    "row",
    [
        "Frå kl.: | 10:00 | Til kl.: | 14:30",
        "Fra kl.: 10.00 Til kl.: 14.30",
        "Møtestart: | 10:00 | Møteslutt: | 14:30",
    ],
)
def test_start_and_end_labelled_with_the_clock_word_and_a_colon(row):
    """A clock in a cell of its own is a value, not a label "10" with the value "00"; a label
    ending in an abbreviation's point before its colon ("Til kl.:") ends the value before it."""
    m = parse_meeting(lines(f"Møtedato: 14.03.2019\n{row}"), None)
    assert (m.date, m.start, m.end) == ("2019-03-14", "10:00", "14:30")


@pytest.mark.parametrize(
    "row",
    [
        "Vår ref.: | 2011/1234-3 | Dato: | 09.09.2011",
        "Arkivsak: | 11/345 | Dato: | 09.09.2011",
        "Deres ref.: 11/22 Vår ref.: 2011/1234 Dato: 09.09.2011",
    ],
)
def test_a_date_beside_the_letter_reference_dates_the_letter(row):
    """A plain "Dato:" in the row of a letter's references is when the letter was written: the
    meeting's date is the one the title announces."""
    spec = f"# Innkalling til styremøte 20. september 2011\n{row}\nSaksliste"
    m = parse_meeting(lines(spec), "Innkalling til styremøte 20. september 2011")
    assert m.date == "2011-09-20"


def test_a_plain_date_row_still_dates_the_meeting_without_a_reference():
    m = parse_meeting(lines("# Møtebok\nDato: | 09.09.2011\nSted: | Rådhuset"), "Møtebok")
    assert m.date == "2011-09-09"


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Styremøte i Helse Finnmark HF Dato. 16. februar 2012", "Helse Finnmark HF"),
        ("Helse Nord RHF Styret", "Helse Nord RHF"),
        ("Helse Møre og Romsdal HF", "Helse Møre og Romsdal HF"),
        ("Møte i Helse Vest", "Helse Vest"),
    ],
)
def test_an_enterprise_ends_at_its_form_of_enterprise(text, org):
    """ "HF" or "RHF" closes the enterprise's name: a label after it ("Dato.") is not part of it."""
    assert organisation(text) == org


def test_an_agenda_does_not_take_its_start_from_minutes_quoted_in_a_case():
    spec = """
    # Innkalling til møte i styret 19. januar 2015
    ## Saksliste
    Sak 01/2015 | Godkjenning av protokoll
    ===
    ## Sak 01/2015 Godkjenning av protokoll
    Protokoll fra forrige møte: Møtet ble satt kl. 10.00 på Rådhuset.
    """
    (document,) = segment(pages(spec))
    assert (document.kind, document.meeting.date, document.meeting.start) == ("agenda", "2015-01-19", None)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Møtet finner sted på Sykehuset Levanger, møterom Arken og starter kl 09.00.",
            "Sykehuset Levanger, møterom Arken",
        ),
        ("Møtet går føre seg i kommunestyresalen.", "kommunestyresalen"),
        ("Møtet avholdes på Kirkenes Sykehus.", "Kirkenes Sykehus"),
    ],
)
def test_a_sentence_saying_where_the_meeting_takes_place(text, place):
    assert parse_meeting(lines(f"Dato: 19.01.2015\n{text}"), None).place == place


def test_a_title_dating_the_meeting_gives_its_time_too():
    m = parse_meeting(lines("Åpent møte"), "Referat Helse- og omsorgsutvalget tirsdag den 4. desember 2012, kl. 13:00")
    assert (m.date, m.start, m.end) == ("2012-12-04", "13:00", None)


def test_the_time_printed_with_the_same_date_in_the_title():
    """A header's "Dato:" gives the day; the title, which prints that day with the time, the start."""
    title = "Referat Helse- og omsorgsutvalget tirsdag den 4. desember 2012, kl. 13:00"
    m = parse_meeting(lines(f"Dato: 04.12.2012\n# {title}"), title)
    assert (m.date, m.start) == ("2012-12-04", "13:00")
    other_day = "Referat Helse- og omsorgsutvalget tirsdag den 27. november 2012, kl. 13:00"
    assert parse_meeting(lines(f"Dato: 04.12.2012\n# {other_day}"), other_day).start is None


def test_a_day_alone_on_its_line_under_the_title_and_the_clock_under_it():
    """ "Torsdag 20. juni 2013" over "Kl. 10:30", each alone on its line in the header: the
    weekday says it is the meeting's day, not a letter's date."""
    spec = "# Referat\nHelse- og omsorgsutvalget\nEkstraordinært møte\nTorsdag 20. juni 2013\nKl. 10:30\nRådhuset"
    m = parse_meeting(lines(spec), "Referat")
    assert (m.date, m.start, m.end) == ("2013-06-20", "10:30", None)
    assert parse_meeting(lines("# Innkalling\nTromsø\n20. juni 2013"), "Innkalling").date is None


def test_a_date_alone_in_the_title_block_dates_the_meeting():
    """The day printed alone among the lines of the title block ("Referat" / "Generalforsamling" /
    "29. april 2012") dates the meeting."""
    spec = """
    # Referat
    ## Generalforsamling
    ## 29. april 2012
    ## Linjeforeningen

    Kari Berg | Ola Dahl

    ## 1 Velkommen
    Leder ønsket velkommen.
    """
    (document,) = segment(pages(spec))
    assert (document.kind, document.meeting.date) == ("minutes", "2012-04-29")


def test_a_date_alone_set_large_under_the_title_dates_the_meeting():
    spec = """
    # Referat fra generalforsamlingen
    # 2021
    ## 01.03.2021

    Referenter | Tidspunkt
    Kari Berg | 16.30-17.30

    ## 1 Velkommen
    Leder ønsket velkommen.
    """
    (document,) = segment(pages(spec))
    assert (document.kind, document.meeting.date) == ("minutes", "2021-03-01")
    plain = segment(pages(spec.replace("## 01.03.2021", "01.03.2021")))[0]
    assert plain.meeting.date is None  # a plain date alone may be a letter's


def test_a_persons_hours_in_a_row_are_not_the_meetings():
    """ "Kari Berg | 16.30-17.30" under "Referenter | Tidspunkt": when one person took the minutes."""
    spec = "Dato: 01.03.2021\nReferenter | Tidspunkt\nKari Berg | 16.30-17.30\nOla Dahl | 17.30-18.30"
    m = parse_meeting(lines(spec), None)
    assert (m.date, m.start, m.end) == ("2021-03-01", None, None)
    assert parse_meeting(lines("Dato: 01.03.2021\nKl. 16.30-18.30"), None).start == "16:30"
