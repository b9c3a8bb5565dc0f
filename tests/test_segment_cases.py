"""Case headings in every layout of the genre, and their natural variants."""

import pytest

from extract.segment.cases import split_cases
from extract.segment.documents import segment
from models.layout import Cell, Line
from tests.helpers import lines, pages


def numbers_titles(spec: str) -> list[tuple[str, str]]:
    return [(s.heading.number, s.heading.title) for s in split_cases(lines(spec), 11.0)]


def test_label_rows_with_title_row():
    spec = """
    ---
    ** Sak: | 08/23
    ** Tittel: | Innkalling og dagsorden
    Til: | Strategisk samarbeidsutvalg
    Teksten i saken.
    """
    assert numbers_titles(spec) == [("08/2023", "Innkalling og dagsorden")]


def test_label_rows_other_wordings_and_number_in_table_cell():
    spec = """
    T: Saksnr.: | 12/2024
    T: Sakstittel: | Budsjett for helsefellesskapet
    Tekst.
    T: Sak nr: | 13/24
    T: Overskrift: | Årsrapport
    """
    assert numbers_titles(spec) == [("12/2024", "Budsjett for helsefellesskapet"), ("13/2024", "Årsrapport")]


def test_bold_number_headings():
    spec = """
    ** 20/24 Åpning av møtet, innkalling og dagsorden
    Innkalling er sendt.
    ** 21/24 Oppfølging referat og tidligere saker
    """
    assert numbers_titles(spec) == [
        ("20/2024", "Åpning av møtet, innkalling og dagsorden"),
        ("21/2024", "Oppfølging referat og tidligere saker"),
    ]


def test_sak_word_headings_with_separators():
    spec = """
    ** Sak 01/2023: Godkjenning av innkalling og saksliste
    ** Sak 4/23 – Valg av nestleder
    ** Sak nr. 5/2023. Radiologisk nomenklatur
    ** SAK 06/23 - Informasjon fra Øyeavdelingen
    """
    assert numbers_titles(spec) == [
        ("01/2023", "Godkjenning av innkalling og saksliste"),
        ("04/2023", "Valg av nestleder"),
        ("05/2023", "Radiologisk nomenklatur"),
        ("06/2023", "Informasjon fra Øyeavdelingen"),
    ]


def test_case_type_prefix_is_kept():
    spans = split_cases(lines("** PS 12/24 Budsjett 2025\nTekst.\n** RS 3/24 Referat fra FSU"), 11.0)
    assert [(s.heading.prefix, s.heading.number) for s in spans] == [("PS", "12/2024"), ("RS", "03/2024")]


def test_wrapped_title_is_joined():
    spec = """
    ** Sak: | 09/23
    ** Tittel: | Statusrapport, tiltaksliste og videre plan FSU
    rekruttering og stabilisering
    """
    # the layout joins a value wrapped under its column; a styled heading wraps in its own style
    styled = """
    ** 17/23 Kort orientering fra UNN, kommunene,
    ** brukerrepresentantene og fastlegerepresentantene

    Teksten.
    """
    assert numbers_titles(styled) == [
        ("17/2023", "Kort orientering fra UNN, kommunene, brukerrepresentantene og fastlegerepresentantene")
    ]
    assert numbers_titles(spec)[0][0] == "09/2023"


def test_a_short_heading_line_is_not_continued_by_the_text_under_it():
    spec = """
    Styresak 45-2008 Virksomhetsrapport august 2008
    Saksdokumentene var ettersendt. Styret fikk en gjennomgang av rapporten i møtet.
    ** Styrets vedtak:
    Styret tar rapporten til orientering.
    """
    assert numbers_titles(spec) == [("45/2008", "Virksomhetsrapport august 2008")]


def test_saksliste_merges_with_sections_without_duplicates():
    spec = """
    ## Saksliste
    Sak 07/24 Åpning av møtet
    Sak 08/24 Hospiteringsordning for UNN, kommunene og fastlegene
    Sak 09/24 Eventuelt

    ---
    ** Sak: | 07/24
    ** Tittel: | Åpning av møtet
    Tekst.
    ---
    ** Sak: | 08/24
    ** Tittel: | Hospiteringsordning for UNN og kommunene
    Tekst.
    """
    # the section's own heading gives the title; a case only in the list still counts
    assert numbers_titles(spec) == [
        ("07/2024", "Åpning av møtet"),
        ("08/2024", "Hospiteringsordning for UNN og kommunene"),
        ("09/2024", "Eventuelt"),
    ]


def test_saksliste_entry_wraps_onto_a_second_line():
    spec = """
    ## Saksliste
    Sak 17/23 Kort orientering fra UNN, kommunene, brukerrepresentantene og
    fastlegerepresentantene
    Sak 18/23 Referatsaker
    """
    assert numbers_titles(spec)[0] == (
        "17/2023",
        "Kort orientering fra UNN, kommunene, brukerrepresentantene og fastlegerepresentantene",
    )


def test_agenda_as_a_table_takes_the_title_cell():
    spec = """
    ## Saksliste
    T: Saksnr. | Sak | Ansvarlig
    T: 12/24 | Godkjenning av innkalling | Leder
    T: 13/24 | Budsjett 2025 | Sekretariatet
    """
    assert numbers_titles(spec) == [("12/2024", "Godkjenning av innkalling"), ("13/2024", "Budsjett 2025")]


def test_running_text_and_bullets_are_not_headings():
    spec = """
    ** 02/23 Oppfølging
    Oppfølgingssaker:
    • 26/22 Kompetansetrappa: Guri har vært i møte med kommunene.
    Sak 05/24 ble behandlet i forrige møte.
    Vedtatt i SSU-møte 05.11.21, sak 43/21
    """
    assert numbers_titles(spec) == [("02/2023", "Oppfølging")]


def test_case_number_must_have_a_plausible_year():
    assert numbers_titles("** 12/27845 Sagsnummer\n** 3/7 Not a case") == []


def test_text_without_styles_falls_back_to_bare_numbers_opening_a_paragraph():
    spec = """
    Referat fra møtet

    12/24 Godkjenning av innkalling
    Innkallingen ble godkjent.

    13/24 Budsjett 2025
    Budsjettet ble vedtatt. 14/24 ble utsatt.
    """
    assert numbers_titles(spec) == [("12/2024", "Godkjenning av innkalling"), ("13/2024", "Budsjett 2025")]


def test_number_alone_with_the_title_on_the_next_line():
    spec = """
    ** Sak 12/24
    ** Godkjenning av innkalling og saksliste

    Innkallingen ble godkjent.

    ## PS 13/24
    ## Budsjett 2025
    """
    assert numbers_titles(spec) == [("12/2024", "Godkjenning av innkalling og saksliste"), ("13/2024", "Budsjett 2025")]


# --- the genre's numbering forms ---------------------------------------------------------


def numbered(spec: str) -> list[tuple[str, str | None, str, str]]:
    return [
        (s.heading.number, s.heading.prefix, s.heading.case_no.printed, s.heading.title)
        for s in split_cases(lines(spec), 11.0)
    ]


def test_number_and_year_with_a_dash_and_leading_zeros():
    spec = """
    ** Sak 041-2010 GODKJENNING AV PROTOKOLL
    Protokollen ble godkjent.
    ** Sak 042-2010 ØKONOMIRAPPORT PER 1. TERTIAL
    """
    assert numbered(spec) == [
        ("41/2010", None, "Sak 041-2010", "GODKJENNING AV PROTOKOLL"),
        ("42/2010", None, "Sak 042-2010", "ØKONOMIRAPPORT PER 1. TERTIAL"),
    ]


def test_year_first_after_a_prefix_in_a_table_and_as_a_heading():
    spec = """
    ** Saker til behandling:
    T: ST 2010/69 | UNDERSKRIFT AV PROTOKOLL
    T: ST 2010/70 | REFERATSAKER
    ===
    ## ST 2010/70 Referatsaker
    Tekst.
    """
    assert numbered(spec) == [
        ("69/2010", "ST", "ST 2010/69", "UNDERSKRIFT AV PROTOKOLL"),
        ("70/2010", "ST", "ST 2010/70", "Referatsaker"),
    ]


def test_two_digit_parts_are_read_by_the_meeting_year():
    from extract.segment.numbers import parse_heading_number

    number, _ = parse_heading_number("ST 10/69 Budsjett")
    assert (number.normalized(), number.normalized(2010)) == ("10/2069", "69/2010")
    number, _ = parse_heading_number("PS 12/10 Budsjett")
    assert number.normalized(2010) == "12/2010"


def test_a_case_number_column_with_the_year_first_is_read_by_the_meeting_year():
    """ "Saksgang | Møtedato | Saknr" with "19/12" beside a meeting of 2019: case 12 of 2019."""
    from extract.segment.numbers import cell_number

    assert cell_number("19/12").normalized(2019) == "12/2019"
    assert cell_number("12/19").normalized(2019) == "12/2019"
    assert cell_number("19/12").normalized(2012) == "19/2012"
    spec = """
    # Saksframlegg
    T: Saksgang | Møtedato | Saknr
    T: Formannskapet | 12.03.2019 | 19/12

    ## Budsjett for skolemat

    ** Rådmannens innstilling
    Kommunestyret bevilger 200 000 kroner.
    """
    (doc,) = segment(pages(spec))
    assert [c.number for c in doc.cases] == ["12/2019"]


def test_a_prefix_glued_on_and_a_committee_before_the_case_word():
    assert numbered("** FS-071/13 Videre engasjement") == [("71/2013", "FS", "FS-071/13", "Videre engasjement")]
    assert numbered("** Ko-13/12 Årsrekneskap 2011") == [("13/2012", "KO", "Ko-13/12", "Årsrekneskap 2011")]
    assert numbered("** Ko 13/12 Årsrekneskap 2011") == []  # capitalised, only joined by a dash
    # "SSU sak 27/2024" names the committee, not a kind of case
    assert numbered("## SSU sak 27/2024 Rekruttering")[0][1] is None


@pytest.mark.parametrize("heading", ["Utv.sak 12/24 Budsjett 2025", "Utv. sak 12/24 Budsjett 2025"])
def test_the_committee_case_word_abbreviated(heading):
    assert numbered(f"## {heading}") == [("12/2024", None, heading.removesuffix(" Budsjett 2025"), "Budsjett 2025")]


def test_a_decision_label_naming_its_case_is_not_a_heading():
    assert numbered("** FS-070/13 Vedtak:\nReferatene tas til orientering.") == []


def test_form_rows_number_and_title_with_dash_items_continued_under_the_value():
    spec = """
    ** Sak nr.: | 2/2004
    Navn på sak: | - Protokoll fra styremøte
    >> - Protokoll fra telefonstyremøte
    Tilrådning: Styret godkjenner protokollene.
    """
    assert numbered(spec) == [("02/2004", None, "2/2004", "Protokoll fra styremøte - Protokoll fra telefonstyremøte")]


def test_a_number_alone_as_heading_titled_by_the_form_row_above_nynorsk():
    spec = """
    # Styresak
    Dato: | 03.02.2012
    Saka gjeld: | Samansetting av regionalt brukarutval

    ## Styresak 009/12 B

    ** Forslag til vedtak
    1. Styret sluttar seg til endringane.
    """
    assert numbered(spec) == [("09/2012", None, "Styresak 009/12 B", "Samansetting av regionalt brukarutval")]


def test_case_form_table_titled_by_the_heading_after_it_nynorsk():
    spec = """
    ** SAKSPAPIR
    T: Styre, utval, komite m.m. | Møtedato | Saksnr.
    T: Valstyret | 15.01.2015 | 001/15
    T: Avgjerd av: Valstyret | Saksbehandlar: Kari Nordmann | Arkiv: 033
    ## Godkjenning av innkalling og sakliste
    Tekst.
    """
    (span,) = split_cases(lines(spec), 11.0)
    h = span.heading
    assert (h.number, h.title, h.kind, h.body, h.date) == (
        "01/2015",
        "Godkjenning av innkalling og sakliste",
        "form",
        "Valstyret",
        "15.01.2015",
    )


def test_case_form_table_titled_by_the_heading_before_it():
    spec = """
    ## Referatsaker
    T: Utvalg | Møtedato | Saksnummer
    T: Formannskapet | 04.12.2013 | 070/13
    ** Vedtak
    Referatene tas til orientering.
    """
    assert numbered(spec) == [("70/2013", None, "070/13", "Referatsaker")]


def test_case_form_whose_number_column_is_headed_utvalgssak():
    spec = """
    T: Utvalg | Utvalgssak | Møtedato
    T: Formannskapet | 12/18 | 13.03.2018
    T: Kommunestyret | 21/18 | 22.03.2018

    # Ny barnehage i sentrum
    ** Rådmannens forslag til vedtak:
    Kommunestyret vedtar å bygge ny barnehage.
    """
    assert numbered(spec) == [("12/2018", None, "12/18", "Ny barnehage i sentrum")]


def test_agenda_table_by_its_header_skips_the_archive_column():
    spec = """
    ## SAKSLISTE
    T: Utvalgssaksnr. | Arkivsaksnr. | Tittel
    T: 56/09 | 09/810 | Godkjenning av protokoll
    T: 57/09 | 09/805 | Søknad om fritak fra politiske verv
    """
    assert [(n, t) for n, _, _, t in numbered(spec)] == [
        ("56/2009", "Godkjenning av protokoll"),
        ("57/2009", "Søknad om fritak fra politiske verv"),
    ]


def test_a_range_and_an_archive_reference_are_not_cases():
    spec = """
    Saksnr.: | 11/2009 - 14/2009
    Arkivsaksnr: | 2009/857
    Arkivsak: | 2013/1220
    """
    assert numbered(spec) == []


def test_the_listed_number_and_the_prefixed_section_are_one_case():
    spec = """
    ## Sakliste
    T: Utvalgssaksnr | Sakstittel
    T: 030/09 | Godkjenning av møteprotokoll
    T: 031/09 | Orientering

    ## PS 30/09 Godkjenning av møteprotokoll
    Tekst.
    """
    assert numbered(spec) == [
        ("30/2009", "PS", "PS 30/09", "Godkjenning av møteprotokoll"),
        ("31/2009", None, "031/09", "Orientering"),
    ]


def test_items_numbered_without_a_year_count_up_from_one():
    spec = """
    ** 1. Demokratimesterskapet
    Tekst.
    ** 2. Vedtekter ungdomsrådet
    Vedtak: Vedtektene evalueres.
    ** 3. Ungdomskonferanse
    """
    spans = split_cases(lines(spec), 11.0)
    assert [(s.heading.case_no.num, s.heading.case_no.year, s.heading.title) for s in spans] == [
        (1, None, "Demokratimesterskapet"),
        (2, None, "Vedtekter ungdomsrådet"),
        (3, None, "Ungdomskonferanse"),
    ]
    assert [s.heading.case_no.normalized(2009) for s in spans] == ["01/2009", "02/2009", "03/2009"]


def test_numbered_points_are_not_cases_where_the_document_numbers_its_cases():
    spec = """
    ** Sak 3/2004 Foreløpig orientering om regnskap
    Tilrådning: Saken tas til orientering.

    ** 1. Virksomheten i oppsummering
    Tekst.
    ** 2. Økonomi
    """
    assert [n for n, _, _, _ in numbered(spec)] == ["03/2004"]


def test_numbered_points_that_do_not_count_from_one_are_not_cases():
    assert split_cases(lines("** 3. Budsjett\nTekst.\n** 5. Økonomi"), 11.0) == []


def test_case_word_with_a_number_without_year():
    spans = split_cases(lines("** Sak 1 Godkjenning av innkalling\nTekst.\n** Sak 2 Eventuelt"), 11.0)
    assert [(s.heading.case_no.printed, s.heading.title) for s in spans] == [
        ("Sak 1", "Godkjenning av innkalling"),
        ("Sak 2", "Eventuelt"),
    ]


def test_items_that_name_themselves_cases_may_start_where_the_years_numbering_stands():
    spans = split_cases(lines("** Sak 14: Godkjenning av referat\nTekst.\n** Sak 15: Budsjett\nTekst."), 11.0)
    expected = [(14, "Godkjenning av referat"), (15, "Budsjett")]
    assert [(s.heading.case_no.num, s.heading.title) for s in spans] == expected
    # bare numbered points must still start at one
    assert split_cases(lines("** 14. Godkjenning av referat\nTekst.\n** 15. Budsjett"), 11.0) == []


def test_two_digit_year_first_where_the_number_cannot_be_a_year():
    spec = """
    ## Saksliste
    T: Utvalssaksnr | Innhald
    T: FO 14/5 | Interpellasjon om dialektbruk
    T: PS 14/75 | Etablering av næringshage
    """
    spans = split_cases(lines(spec), 11.0)
    assert [(s.heading.case_no.normalized(2014), s.heading.prefix) for s in spans] == [
        ("05/2014", "FO"),
        ("75/2014", "PS"),
    ]


def test_a_heading_the_agenda_list_does_not_name_must_be_set_as_one():
    spec = """
    ## Saksliste
    Sak 01/24 Godkjenning av innkalling
    Sak 02/24 Budsjett

    ## Sak 01/24 Godkjenning av innkalling
    Innkallingen ble godkjent.
    Sak 17/23 Oppfølging fra i fjor ble nevnt.
    ## Sak 02/24 Budsjett
    """
    assert [n for n, _, _, _ in numbered(spec)] == ["01/2024", "02/2024"]


def test_four_digit_numbers_with_a_leading_zero():
    spec = """
    T: Saksnr. | Arkivsaksnr. | Tittel
    T: 0012/06 | 06/00226 | REFERATER
    """
    assert [(n, t) for n, _, _, t in numbered(spec)] == [("12/2006", "REFERATER")]


def test_minutes_in_a_table_keep_the_cases_text_out_of_its_title():
    # a label under the title column, or regular type under a bold title, begins the case's text
    spec = """
    T: Sak nr. | Sak | Ansvar
    ** T: 12/24 | Godkjenning av innkalling og | Leder
    ** >> saksliste
    >> Innkallingen ble godkjent.
    T: 13/24 | Avtale om utskrivningsklare pasienter | Per Olsen
    >> Konklusjon: Utvalget slutter seg til forslaget.
    >> Saken følges opp i neste møte.
    """
    assert numbers_titles(spec) == [
        ("12/2024", "Godkjenning av innkalling og saksliste"),
        ("13/2024", "Avtale om utskrivningsklare pasienter"),
    ]
    texts = [" ".join(ln.text for ln in s.lines) for s in split_cases(lines(spec), 11.0)]
    assert "Innkallingen ble godkjent." in texts[0]
    assert "Konklusjon: Utvalget slutter seg til forslaget. Saken følges opp i neste møte." in texts[1]


def test_a_title_line_ending_open_continues_even_when_short():
    spec = """
    ## Sak 12/19
    ## Budsjett 2020 for
    ## Bodø kommune
    Teksten i saken er lang nok til å nå heilt ut til høgre marg i spalta, slik brødtekst gjer.

    ## Sak 13/19 Plan for
    ## sentrum og havna
    Teksten.

    ## Sak 14/19 Eventuelt
    ## Orienteringar
    """
    assert numbers_titles(spec) == [
        ("12/2019", "Budsjett 2020 for Bodø kommune"),
        ("13/2019", "Plan for sentrum og havna"),
        ("14/2019", "Eventuelt"),
    ]


@pytest.mark.parametrize(
    "entry",
    [
        "Sak 02-21 Organisering og mandat til utvalget .......... 4",
        "Sak 02-21 Organisering og mandat til utvalget . . . . . . . 4",
        "Sak 02-21 Organisering og mandat til utvalget …………… 4",
        "Sak 02-21 Organisering og mandat til utvalget ..........",
    ],
)
def test_a_table_of_contents_entry_loses_its_dot_leaders_and_page_number(entry):
    spec = f"""
    ## Sakskart
    Sak 01-21 Valg av leder .......... 3
    {entry}
    """
    assert numbers_titles(spec) == [("01/2021", "Valg av leder"), ("02/2021", "Organisering og mandat til utvalget")]


@pytest.mark.parametrize("gap", [" ", " | "])
def test_a_table_of_contents_without_leaders_loses_its_page_numbers(gap):
    """Page numbers that rise down a run of entries, each entry ending in one, after a space or
    in a column of their own."""
    spec = f"""
    ## Sakskart
    Sak 05-22 Valg av leder og nestleder{gap}3
    Sak 06-22 Tertialrapport 1{gap}4
    Sak 07-22 Orienteringssaker{gap}6
    """
    assert numbers_titles(spec) == [
        ("05/2022", "Valg av leder og nestleder"),
        ("06/2022", "Tertialrapport 1"),
        ("07/2022", "Orienteringssaker"),
    ]


@pytest.mark.parametrize(
    "entries",
    [
        # numbers that belong to the titles: not rising, a year, or not every entry's
        ["Tertialrapport 2", "Tertialrapport 1", "Investeringsplan 2"],
        ["Budsjett 2023", "Økonomiplan 2024", "Regnskap 2025"],
        ["Valg av leder", "Tertialrapport 2", "Tertialrapport 3"],
        # two entries are too few to tell page numbers from titles
        ["Tertialrapport 1", "Tertialrapport 2"],
    ],
)
def test_numbers_that_end_titles_stay(entries):
    spec = "## Sakskart\n" + "\n".join(f"Sak {k:02d}-22 {t}" for k, t in enumerate(entries, 5))
    assert [t for _, t in numbers_titles(spec)] == entries


def test_a_count_split_into_cells_is_no_case_row():
    """ "59/60 har stemt." where every word stands apart (a file that spaces its words as columns):
    a row is a case's only where the cell after the number opens a title."""
    row = Line(
        page=1, top=100, bottom=112, cells=[Cell("59/60", 72, 98), Cell("har", 105, 120), Cell("stemt.", 126, 150)]
    )
    assert split_cases([row], 11.0) == []
    row.cells[1:] = [Cell("Godkjenning", 105, 160), Cell("av innkalling", 170, 230)]
    assert [s.heading.title for s in split_cases([row], 11.0)] == ["Godkjenning"]


def test_minutes_kept_as_a_table_whose_title_column_joins_two_words():
    spec = """
    T: Sak nr. | Tema/sak | Konklusjon/vedtak | Ansvar
    T: 01/21 | Godkjenning av innkalling | Innkalling godkjent.
    T: 02/21 | Referat fra forrige møte | Referatet godkjent.
    T: 03/21 | Handlingsplan 2021 | Handlingsplanen vedtas. | Sekretariatet
    """
    spans = split_cases(lines(spec), 11.0)
    assert [(s.heading.number, s.heading.title, s.heading.decision) for s in spans] == [
        ("01/2021", "Godkjenning av innkalling", "Innkalling godkjent."),
        ("02/2021", "Referat fra forrige møte", "Referatet godkjent."),
        ("03/2021", "Handlingsplan 2021", "Handlingsplanen vedtas."),
    ]


def test_bare_numbers_joined_to_their_year_by_a_dash_as_a_scheme_of_headings():
    spec = """
    ** 01-14 Godkjenning av innkalling og saksliste
    Godkjent.

    ** 02-14 Godkjenning av referat fra møtet 27. september 2013
    Referatet ble godkjent.

    ** 03-14 Fast post: Status for reformen
    Partene orienterte.
    """
    assert numbers_titles(spec) == [
        ("01/2014", "Godkjenning av innkalling og saksliste"),
        ("02/2014", "Godkjenning av referat fra møtet 27. september 2013"),
        ("03/2014", "Fast post: Status for reformen"),
    ]


def test_a_single_dashed_number_in_a_heading_is_no_case():
    spec = """
    ** 4-2024 Strategisk samarbeidsutvalg
    Møtet ble holdt på Teams.
    """
    assert numbers_titles(spec) == []


@pytest.mark.parametrize(
    "beside",
    [
        "## Styresak 009/12 B\n## Styremøte 15.02.2012",  # the meeting under the number, both headings
        "## Styresak 009/12 B | Styremøte 15. februar 2012",  # beside it, in a cell of its own
        "## Styresak 009/12 B\n## Styremøte onsdag 15.02.2012",
        "Styresak 009/12 B\nStyremøte 15.02.2012",  # in regular type, named a case by its word
        "Styresak 009/12 B",
    ],
)
def test_the_meeting_named_with_the_number_is_not_the_title(beside):
    """ "Styremøte 15.02.2012" with the case's number says which meeting the case goes to; the
    form's row above still titles the case."""
    spec = f"""
    # Styresak
    Dato: | 03.02.2012
    Saka gjeld: | Samansetting av regionalt brukarutval

    {beside}

    ** Forslag til vedtak
    1. Styret sluttar seg til endringane.
    """
    assert numbered(spec) == [("09/2012", None, "Styresak 009/12 B", "Samansetting av regionalt brukarutval")]


def test_a_title_with_a_meeting_date_in_it_stays_a_title():
    spec = """
    ## Sak 12/24 Godkjenning av protokoll fra møte 15.02.2024
    Tekst.

    ## Sak 13/24 Styremøte 15.02.2024
    Tekst.
    """
    assert [t for _, t in numbers_titles(spec)] == [
        "Godkjenning av protokoll fra møte 15.02.2024",
        "Styremøte 15.02.2024",
    ]


def test_a_case_number_alone_in_regular_type_without_a_form_title_is_not_a_case():
    spec = """
    Dato: | 03.02.2012

    Styresak 009/12 B

    Tekst.
    """
    assert numbered(spec) == []


SECTION_OVER_FORM = """
## SAKSLISTE
** Saksnr. | Arkivsaksnr. | Tittel
56/09 | 09/810 | GODKJENNING AV PROTOKOLL
57/09 | 09/805 | SØKNAD OM FRITAK FRA POLITISKE VERV
===
** Sak 56/09
{name}
Saksbehandler: Anne Moe | Arkiv: 033
** Saksnr.: | Utvalg | Møtedato
56/09 | Kommunestyret | 15.10.2009
## GODKJENNING AV PROTOKOLL
** Ordførers innstilling:
Protokoll fra møte 10.09.2009 godkjennes.
===
** Sak 57/09
{name}
Saksbehandler: Kari Berg | Arkiv: 033
** Saksnr.: | Utvalg | Møtedato
57/09 | Kommunestyret | 15.10.2009
## SØKNAD OM FRITAK FRA POLITISKE VERV
** Ordførers innstilling:
Kommunestyret vedtar å gi Siri Lund fritak fra sine politiske verv.
"""


@pytest.mark.parametrize("name", ["## SAKSFREMLEGG", "Saksframlegg", "** Særutskrift"])
def test_a_case_announced_over_its_form_is_one_case_with_the_forms_title(name):
    """ "Sak 56/09" over the case document's name and its form: the name is no title, and the
    case runs from the first of its two headings to the next case, so its form's title and its
    recommendation are both its own."""
    (document,) = segment(pages(SECTION_OVER_FORM.format(name=name)))
    assert [(c.number, c.title, c.proposed_decisions) for c in document.cases] == [
        ("56/2009", "GODKJENNING AV PROTOKOLL", ["Protokoll fra møte 10.09.2009 godkjennes."]),
        (
            "57/2009",
            "SØKNAD OM FRITAK FRA POLITISKE VERV",
            ["Kommunestyret vedtar å gi Siri Lund fritak fra sine politiske verv."],
        ),
    ]


@pytest.mark.parametrize(
    "title", ["SAKSPROTOKOLL - REGULERINGSPLAN FOR SENTRUM", "Særutskrift – Reguleringsplan for sentrum"]
)
def test_the_name_of_the_document_before_the_title_is_not_part_of_it(title):
    spec = f"""
    ** Sak: | 15/24
    ** Tittel: | {title}
    Teksten i saken.
    """
    ((number, found),) = numbers_titles(spec)
    assert (number, found.casefold()) == ("15/2024", "reguleringsplan for sentrum")
