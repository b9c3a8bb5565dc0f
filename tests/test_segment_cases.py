"""Case headings in every layout of the genre, and their natural variants."""

from extract.segment.cases import split_cases
from tests.helpers import lines


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
