"""Splitting a PDF into the documents it bundles, and telling their kinds."""

import pytest

from extract.segment.documents import kind_from_title, segment
from tests.helpers import pages

COMPOUND = """
# Møte 3/2024 FSU barn og unge
** Tid: | 12.03.2024 kl. 10.00-12.00
** Sted: | Teams
## Saksliste
Sak 05/24 Godkjenning av innkalling
Sak 06/24 Referatsaker

---
** Sak: | 05/24
** Tittel: | Godkjenning av innkalling
** Forslag til vedtak:

Innkalling godkjennes.
---
** Sak: | 06/24
** Tittel: | Referatsaker
** Forslag til vedtak:

Referatene tas til orientering.
===
# Referat møte 1-2024 Fastlegerådet
** Møtetid: | 10.01.2024 kl 13.00-15.00
** Til stede: Leif Røssås (fastlege), Lars Nesje (kommuneoverlege)
** Forfall: Jørg Vik (fastlege)

** Sak 01/2024: Godkjenning av innkalling
** Vedtak: Innkalling godkjennes.
** Sak 02/2024: Valg av nestleder
** Vedtak: Jørg Vik velges som nestleder.
=== Faglig samarbeidsutvalg for rekruttering og stabilisering
# Tiltaksliste for rekruttering
Godkjent av FSU i møte 1. februar 2023, sak 04/23
Tiltak og beskrivelse.
"""


def test_compound_pdf_comes_out_as_several_documents():
    docs = segment(pages(COMPOUND))
    assert [(d.kind, d.body, d.page_start, d.page_end) for d in docs] == [
        ("agenda", "FSU barn og unge", 1, 1),
        ("minutes", "Fastlegerådet", 2, 2),
        ("other", None, 3, 3),
    ]
    agenda, minutes, _ = docs
    assert agenda.meeting.date == "2024-03-12" and minutes.meeting.date == "2024-01-10"
    assert [c.number for c in agenda.cases] == ["05/2024", "06/2024"]
    assert [c.proposed_decisions for c in agenda.cases] == [
        ["Innkalling godkjennes."],
        ["Referatene tas til orientering."],
    ]
    assert [(c.number, c.adopted_decision) for c in minutes.cases] == [
        ("01/2024", "Innkalling godkjennes."),
        ("02/2024", "Jørg Vik velges som nestleder."),
    ]
    assert [(a.name, a.status) for a in minutes.attendees] == [
        ("Leif Røssås", "present"),
        ("Lars Nesje", "present"),
        ("Jørg Vik", "absent"),
    ]
    assert agenda.attendees == []


def test_an_attachment_without_an_identity_of_its_own_stays_with_its_document():
    spec = """
    # Referat fra møte i SSU
    ** Tid: | 12.03.2024 kl. 10.00-12.00
    ** Sak 01/24 Orientering fra kommunene
    ** Vedtak: Tatt til orientering.
    Vedlegg: Presentasjon
    ===
    # Mentorordning i Tromsø kommune
    Praksiskoordinator
    """
    (doc,) = segment(pages(spec))
    assert (doc.kind, doc.page_start, doc.page_end) == ("minutes", 1, 2)
    assert doc.cases[0].adopted_decision == "Tatt til orientering."


def test_a_large_section_heading_on_a_new_page_does_not_split_a_document():
    spec = """
    # Referat fra møte i SSU
    ** Tid: | 12.03.2024 kl. 10.00-12.00
    ** Sak 01/24 Godkjenning
    ** Vedtak: Godkjent.
    ===
    # Orienteringssaker
    ** Sak 02/24 Orientering fra kommunene
    ** Vedtak: Tatt til orientering.
    """
    docs = segment(pages(spec))
    assert len(docs) == 1
    assert [c.number for c in docs[0].cases] == ["01/2024", "02/2024"]


@pytest.mark.parametrize("contents", ["Innholdsfortegnelse", "Innhald", "Sideoversikt"])
def test_a_table_of_contents_citing_an_earlier_meeting_does_not_open_a_document(contents):
    """A contents page's entries name cases, and a case may name an earlier meeting's date: the
    page belongs to the document it lists."""
    spec = f"""
    # Referat fra styremøte
    ** Tid: | 12.03.2024 kl. 10.00-12.00
    ===
    # {contents}
    Sak 01/24 Godkjenning av referat fra 1. mars 2024 | 3
    Sak 02/24 Budsjett 2025 | 4
    ===
    ** Sak 01/24 Godkjenning av referat fra 1. mars 2024
    ** Vedtak: Godkjent.
    ** Sak 02/24 Budsjett 2025
    ** Vedtak: Vedtatt.
    """
    (doc,) = segment(pages(spec))
    assert (doc.kind, doc.page_start, doc.page_end) == ("minutes", 1, 3)
    assert [c.number for c in doc.cases] == ["01/2024", "02/2024"]


def test_an_agenda_holds_no_adopted_decision():
    spec = """
    # Innkalling til møte i SSU
    ** Tid: | 12.03.2024 kl. 10.00-12.00
    ** Sak 01/24 Oppfølging
    Bakgrunn for saken.
    ** Vedtak: SSU ba i forrige møte om en oppfølging.
    ** Forslag til vedtak:

    SSU tar oppfølgingen til orientering.
    """
    (doc,) = segment(pages(spec))
    assert doc.kind == "agenda"
    assert doc.cases[0].adopted_decision is None
    assert doc.cases[0].proposed_decisions == ["SSU tar oppfølgingen til orientering."]


def test_first_name_of_the_minute_taker_is_resolved_within_the_document():
    spec = """
    # Referat møte 5 Overordnet revisjonsutvalg
    ** Møtetid: | 31.01.2023 kl. 08:30-09.30
    ** Møteleder: | Guri Moen Lajord
    ** Referent: | Guri
    ** Til stede: Hanne Ness Eidsvik, Guri Lajord
    """
    (doc,) = segment(pages(spec))
    assert (doc.kind, doc.chair, doc.minute_taker) == ("minutes", "Guri Moen Lajord", "Guri Moen Lajord")


@pytest.mark.parametrize(
    ("chair", "taker", "expected"),
    [
        ("Aasen", "Runde", ("Tora Aasen", "Eilif Runde")),  # by surname
        ("Dale", "Eilif", ("Dale", "Eilif Runde")),  # two attendees called Dale: as printed
    ],
)
def test_a_chair_or_minute_taker_printed_by_surname_is_resolved_within_the_document(chair, taker, expected):
    spec = f"""
    # Protokoll frå styremøtet 13.09.2023
    ** Til stades: Ola Dale, Kari Dale, Tora Aasen og Silje Karlsen
    ** Frå sekretariatet: Eilif Runde (rådgjevar)
    ** Møteleiar: | {chair}
    ** Referent: | {taker}
    """
    (doc,) = segment(pages(spec))
    assert (doc.chair, doc.minute_taker) == expected


def test_case_document():
    spec = """
    # SSU sak 27/2024
    ** 27/2024 Rekruttering og stabilisering – oppfølging
    ** Saksbehandler: | Anders Svensson
    ** Møtedato: | 04.12.2024
    ** Innstilling til konsensus:

    1. Tiltaket er i tråd med satsingsområdet.

    2. SSU utvider styringsgruppen.

    ** Bakgrunn:
    Tekst.
    """
    (doc,) = segment(pages(spec))
    assert (doc.kind, doc.body, doc.meeting.date) == ("case_document", "Strategisk samarbeidsutvalg", "2024-12-04")
    assert [c.number for c in doc.cases] == ["27/2024"]
    assert doc.cases[0].proposed_decisions == [
        "1. Tiltaket er i tråd med satsingsområdet.\n2. SSU utvider styringsgruppen."
    ]


def test_other_document_has_no_meeting():
    spec = """
    # FSU rekruttering og stabilisering - mandat
    Vedtatt i SSU-møte 05.11.21, sak 43/21
    Utvalget er sammensatt av representanter fra partnerne.
    """
    (doc,) = segment(pages(spec))
    assert (doc.kind, doc.meeting.date, doc.cases) == ("other", None, [])


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Referat møte 5 Overordnet revisjonsutvalg", "minutes"),
        ("Møtereferat Fastlegerådet (FLR)", "minutes"),
        ("Protokoll fra møte i Fastlegerådet", "minutes"),
        ("Møtebok for SSU", "minutes"),
        ("Innkalling til møte i SSU", "agenda"),
        ("Møteinnkalling FSU barn og unge", "agenda"),
        ("Saksframlegg", "case_document"),
        ("SÆRUTSKRIFT", "minutes"),
        ("Utskrift frå møteboka", "minutes"),
        ("Vedtaksprotokoll Formannskapet", "minutes"),
        ("Beslutningsprotokoll", "minutes"),
        ("Tilleggsinnkalling Kommunestyret", "agenda"),
        ("Tilleggssakliste", "agenda"),
        ("Valgprotokoll for valgstyret", None),
        ("Godkjenning av innkalling og dagsorden", None),
        ("Referatsaker", None),
        ("Møte 2-23 Strategisk samarbeidsutvalg (SSU)", None),
    ],
)
def test_kind_from_title(title, kind):
    assert kind_from_title(title) == kind


# --- the wider genre: committee, kind and date from the document's own conventions ---------


def one(spec: str):
    (doc,) = segment(pages(spec))
    return doc


def test_committee_from_a_label_row_and_a_board_from_its_enterprise():
    assert one("# Møtebok for\nUtvalg: | Formannskapet\nDato: | 04.12.2013").body == "Formannskapet"
    doc = one("# Møteprotokoll\nStyre: | Helse Sør-Øst RHF\nDato: | Styremøte 9. juni 2010")
    assert (doc.kind, doc.body, doc.meeting.date) == ("minutes", "Styret i Helse Sør-Øst RHF", "2010-06-09")


def test_title_block_in_capitals_and_a_body_in_the_second_title_line_nynorsk():
    spec = """
    # PROTOKOLL
    ## MØTE I REGIONRÅDET NORDHORDLAND
    Møte: | 6/2014
    Tid: | Fredag 7. november kl. 09:00 – 14:30

    ** Sak 47/14 Godkjenning, møteinnkalling og saksliste
    Møteinnkalling og saksliste vart godkjent utan merknadar.
    """
    doc = one(spec)
    assert (doc.kind, doc.body, doc.meeting.number) == ("minutes", "Regionrådet Nordhordland", "6/2014")
    assert (doc.meeting.date, doc.meeting.start, doc.meeting.end) == ("2014-11-07", "09:00", "14:30")


@pytest.mark.parametrize(
    ("under", "body"),
    [
        ("Kontrollutvalet", "Kontrollutvalet"),
        ("Kommunestyret i Os kommune", "Kommunestyret i Os kommune"),
        ("Side 1 av 3", None),
    ],
)
def test_the_committee_on_the_plain_line_under_the_title(under, body):
    spec = f"""
    # MØTEPROTOKOLL
    {under}
    Møtedato: | 12.03.2019
    Møtestad: | Rådhuset

    ** Sak 5/19 Godkjenning av protokoll
    Vedtak: Protokollen vert godkjend.

    ** Sak 6/19 Saker frå Formannskapet
    Vedtak: Saka vert teken til orientering.
    """
    assert one(spec).body == body


def test_a_letters_title_under_its_address_and_the_board_named_by_the_running_header():
    spec = """
    === HELSE NORD-TRØNDELAG HF
    Administrerende direktør
    Kirkegt. 2
    N-7600 LEVANGER
    Styrets medlemmer

    ## Innkalling til styremøte
    Møtedato: | Tirsdag 19. mai 2009

    Sak 15/2009 Godkjenning av møteprotokoll
    Sak 16/2009 Driftsrapport 1. tertial 2009
    """
    docs = segment(pages(spec)[1:])
    assert [(d.kind, d.body, d.meeting.date) for d in docs] == [
        ("agenda", "Styret i Helse Nord-Trøndelag HF", "2009-05-19")
    ]


def test_a_board_named_in_a_sentence_and_a_title_in_bold_capitals():
    spec = """
    # Saksliste til styremøte 19. februar i Kirkenes
    Det avholdes styremøte i Helse Finnmark HF, 19. februar 2004.
    ** Saksliste:
    Sak 2/2004 Godkjenning av protokoller
    """
    assert (one(spec).body, one(spec).meeting.date) == ("Styret i Helse Finnmark HF", "2004-02-19")
    spec = """
    Til medlemmene i styret
    ** INNKALLING TIL MØTE I STYRET FOR HELSE NORDMØRE OG ROMSDAL HF 27.
    ** OKTOBER 2010
    ** Saker til behandling:
    T: ST 2010/69 | UNDERSKRIFT AV PROTOKOLL
    T: ST 2010/70 | Referatsaker
    """
    doc = one(spec)
    assert (doc.kind, doc.body, doc.meeting.date) == (
        "agenda",
        "Styret for Helse Nordmøre og Romsdal HF",
        "2010-10-27",
    )


def test_a_board_case_document_is_one_case_and_its_own_date_is_not_the_meetings_nynorsk():
    spec = """
    # Styresak
    Går til: | Styremedlemmer
    Føretak: | Helse Vest RHF
    Dato: | 03.02.2012
    Saka gjeld: | Samansetting av regionalt brukarutval

    ## Styresak 009/12 B

    ** Forslag til vedtak
    1. Styret sluttar seg til endringane.
    """
    doc = one(spec)
    assert (doc.kind, doc.body, doc.meeting.date) == ("case_document", "Styret i Helse Vest RHF", None)
    assert [(c.number, c.title) for c in doc.cases] == [("09/2012", "Samansetting av regionalt brukarutval")]


def test_case_form_gives_the_committee_and_a_case_documents_meeting_date():
    spec = """
    ## HELSE MIDT-NORGE RHF
    ## STYRET
    ## Sak 86/10 Statusrapport pr 30.09.2010
    T: Saken behandles i: | Møtedato | Møtesaksnummer
    T: Styret for Helse Midt-Norge RHF | 17.11.2010 | 86/10
    Saksbeh: | Kari Nordmann

    ** Forslag til vedtak:
    1. Styret tar rapporten til etterretning.
    """
    doc = one(spec)
    assert (doc.kind, doc.body, doc.meeting.date) == ("case_document", "Styret i Helse Midt-Norge RHF", "2010-11-17")
    assert [(c.number, c.title) for c in doc.cases] == [("86/2010", "Statusrapport pr 30.09.2010")]


def test_a_case_documents_saksgang_table_gives_the_first_committee_nynorsk():
    spec = """
    # SAKSFRAMLEGG
    Sakshandsamar: | Ola Nes
    T: Saksgang | Utvalssak | Møtedato
    T: Formannskapet | 12/18 | 12.03.2018
    T: Kommunestyret | | 22.03.2018

    ## Årsmelding 2017
    ** Rådmannen si tilråding:
    Årsmeldinga vert teken til vitande.
    """
    doc = one(spec)
    assert (doc.kind, doc.body, doc.meeting.date) == ("case_document", "Formannskapet", "2018-03-12")
    assert [(c.number, c.title) for c in doc.cases] == [("12/2018", "Årsmelding 2017")]


def test_minutes_with_items_numbered_without_a_year_take_the_meetings_year():
    spec = """
    Inderøy kommune
    # Møtereferat Ungdomsrådet
    Ungdomsrådsmøte 18.08.09

    ** 1. Demokratimesterskapet
    Tekst.
    ** 2. Vedtekter ungdomsrådet
    Vedtak: Vedtektene evalueres etter konferansen.
    """
    doc = one(spec)
    assert (doc.kind, doc.body, doc.meeting.date) == ("minutes", "Ungdomsrådet", "2009-08-18")
    assert [(c.number, c.number_printed, c.adopted_decision) for c in doc.cases] == [
        ("01/2009", "1.", None),
        ("02/2009", "2.", "Vedtektene evalueres etter konferansen."),
    ]


def test_numbered_sections_of_a_report_are_not_cases():
    spec = """
    # Årsrapport for utvalget
    ** 1. Innledning
    Tekst.
    ** 2. Aktivitet
    Tekst.
    """
    assert one(spec).cases == []


def test_a_protocol_embedded_after_an_invitation_is_its_own_document():
    spec = """
    ## Innkalling til styremøte
    Møtedato: | 19. mai 2009
    Sak 15/2009 Godkjenning av møteprotokoll
    ===
    ## HELSE NORD-TRØNDELAG HF STYRET
    # MØTEPROTOKOLL
    Møtetid: | 23.04.2009
    Saksnr.: | 11/2009 - 14/2009
    Møteleder: | Steinar Aspli
    Møtende medlemmer: | Steinar Aspli, Asbjørn Hofsli
    """
    docs = segment(pages(spec))
    assert [(d.kind, d.body, d.meeting.date, len(d.cases)) for d in docs] == [
        ("agenda", None, "2009-05-19", 1),
        ("minutes", "Styret i Helse Nord-Trøndelag HF", "2009-04-23", 0),
    ]
    assert docs[1].chair == "Steinar Aspli"


def test_committee_label_holding_a_sentence():
    doc = one("# Møteinnkalling\nUtvalg/styre/råd : | Møte i kontrollutvalget i Frøya kommune\nMøtedato: | 19.02.2009")
    assert (doc.body, doc.meeting.date) == ("Kontrollutvalget i Frøya kommune", "2009-02-19")


def test_chair_and_minute_taker_told_in_sentences_of_the_minutes():
    spec = """
    # Referat fra styremøte
    Dato: | 12.03.2024
    Til stede: Ida Haug (UNN), Guri Moen Lajord (Tromsø kommune)

    ** Sak 01/24 Godkjenning av innkalling
    Vedtak: Innkallingen godkjennes.

    Møtet ble ledet av Ida Haug. Referat skrevet av Guri Moen Lajord.
    """
    doc = one(spec)
    assert (doc.chair, doc.minute_taker) == ("Ida Haug", "Guri Moen Lajord")


@pytest.mark.parametrize(
    "sentences",
    [
        "Ordfører Ida Haug ledet møtet. Protokollen ble ført av Guri Moen Lajord.",
        "Saka vart drøfta. Leiar Ida Haug leia møtet. Protokollen vart ført av Guri Moen Lajord.",
        "Møtet ble satt av ordfører Ida Haug. Protokollen ble ført av Guri Moen Lajord, sekretær.",
    ],
)
def test_chair_named_before_ledet_motet_and_the_protocol_written_by(sentences):
    spec = f"""
    # Referat fra styremøte
    Dato: | 12.03.2024
    Til stede: Ida Haug (UNN), Guri Moen Lajord (Tromsø kommune)

    ** Sak 01/24 Godkjenning av innkalling
    Vedtak: Innkallingen godkjennes.

    {sentences}
    """
    doc = one(spec)
    assert (doc.chair, doc.minute_taker) == ("Ida Haug", "Guri Moen Lajord")


def test_minutes_kept_as_one_table_with_a_conclusion_column():
    spec = """
    # Referat
    ** Møtedato: | 14.03.2023
    ** Til stede: | Anne Holm, Per Strand

    T: Sak | Tema | Konklusjon
    T: 05/23 | Godkjenning av innkalling | Innkallingen godkjennes.
    T: 06/23 | Handlingsplan 2023 | Handlingsplanen vedtas med de endringer
    T:  |  | som kom fram i møtet.
    T: 07/23 | Budsjett for | Budsjettet tas til orientering.
    T:  | samarbeidet
    """
    (doc,) = segment(pages(spec))
    assert doc.kind == "minutes"
    assert [(c.number, c.title, c.adopted_decision) for c in doc.cases] == [
        ("05/2023", "Godkjenning av innkalling", "Innkallingen godkjennes."),
        ("06/2023", "Handlingsplan 2023", "Handlingsplanen vedtas med de endringer som kom fram i møtet."),
        ("07/2023", "Budsjett for samarbeidet", "Budsjettet tas til orientering."),
    ]


def test_an_agenda_table_with_a_proposal_column_proposes_and_decides_nothing():
    spec = """
    # Innkalling
    ** Møtedato: | 14.03.2023

    T: Saksnr. | Tittel | Forslag til vedtak
    T: 05/23 | Godkjenning av innkalling | Innkallingen godkjennes.
    """
    (doc,) = segment(pages(spec))
    assert doc.kind == "agenda"
    assert [(c.number, c.proposed_decisions, c.adopted_decision) for c in doc.cases] == [
        ("05/2023", ["Innkallingen godkjennes."], None)
    ]


def test_an_agenda_lists_members_invited_not_attendees():
    spec = """
    # Innkalling til møte i Helse- og omsorgsutvalet
    ** Møtedato: | 02.05.2017
    ** Møteleiar: | Ola Nes

    Medlemer: Ola Nes (Sp), Kari Berg (Ap), Nils Dale (H)

    ## PS 12/17 Godkjenning av innkalling
    ** Framlegg til vedtak:
    Innkallinga vert godkjend.
    """
    (doc,) = segment(pages(spec))
    assert doc.kind == "agenda"
    assert (doc.attendees, doc.chair) == ([], None)
    assert [c.proposed_decisions for c in doc.cases] == [["Innkallinga vert godkjend."]]


def test_a_role_sentence_without_a_full_stop_ends_at_its_line():
    spec = """
    # Møteprotokoll
    Dato: | 12.03.2024
    Til stede: Ida Haug (UNN), Guri Moen Lajord (Tromsø kommune)

    Møtet vart leia av Ida Haug
    Protokollen vart ført av Guri Moen Lajord

    ** Sak 01/24 Godkjenning av innkalling
    Vedtak: Innkallinga vert godkjend.
    """
    doc = one(spec)
    assert (doc.chair, doc.minute_taker) == ("Ida Haug", "Guri Moen Lajord")


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("# Bergvik kommune\n## Møteprotokoll\nPlan- og miljøutvalget", "minutes"),
        ("# Bergvik kommune\n## Møteinnkalling\nPlan- og miljøutvalget", "agenda"),
        ("# Bergvik kommune\n** MØTEBOK\nPlan- og miljøutvalget", "minutes"),
    ],
)
def test_the_kind_in_a_heading_under_an_organisation_set_as_the_title(head, kind):
    spec = f"""
    {head}
    Møtedato: | 12.03.2019
    Møtested: | Rådhuset

    ## PS 1/19 Godkjenning av protokoll
    Protokollen godkjennes.
    """
    (doc,) = segment(pages(spec))
    assert (doc.kind, doc.body, doc.meeting.date) == (kind, "Plan- og miljøutvalget", "2019-03-12")


@pytest.mark.parametrize(
    ("row", "body"),
    [
        ("Styre/råd/utvalg: | Råd for personer med funksjonsnedsettelse", "Råd for personer med funksjonsnedsettelse"),
        ("Utvalg/styre/råd : | Kontrollutvalget", "Kontrollutvalget"),
        ("Møte: | Samarbeidsutvalget for Helgeland", "Samarbeidsutvalget for Helgeland"),
        ("Møte: | Ordinært møte", None),
        ("Møte: | 3/2019", None),
    ],
)
def test_a_committee_named_in_a_label_row(row, body):
    spec = f"""
    # Møteprotokoll
    {row}
    Møtedato: | 12.03.2019
    """
    (doc,) = segment(pages(spec))
    assert doc.body == body


@pytest.mark.parametrize(
    ("under", "body"),
    [
        ("Styremøte Nordby, 18. desember 2001", None),
        ("Styremøte Nordby, 18. desember 2001\nForetak: | Helse Nordlys HF", "Styret i Helse Nordlys HF"),
        ("Styremøte Helse Nordlys HF, 18. desember 2001", "Styret i Helse Nordlys HF"),
    ],
)
def test_a_board_meeting_named_by_its_place_is_no_committee(under, body):
    spec = f"""
    # SAKSLISTE
    {under}
    T: sak 72/01 | Undertegning av protokoll
    T: sak 73/01 | Orienteringer
    """
    (doc,) = segment(pages(spec))
    assert doc.body == body


def test_one_case_in_a_labelled_form_with_the_meeting_date_and_no_list_is_a_case_document():
    spec = """
    # Styremøte i Helse Nord HF
    Møtedato: | 19. februar 2004
    Saksbehandler: | Kari Berg
    Sak nr.: | 3/2004
    Navn på sak: | Foreløpig orientering om regnskapet

    ** Tilrådning:
    Saken tas til orientering.
    """
    doc = one(spec)
    assert (doc.kind, doc.body, doc.meeting.date) == ("case_document", "Styret i Helse Nord HF", "2004-02-19")
    assert [(c.number, c.title) for c in doc.cases] == [("03/2004", "Foreløpig orientering om regnskapet")]


@pytest.mark.parametrize("enterprise", ["Helse Nordvik HF", "Nordvik sykehus HF"])
def test_a_case_form_under_a_plain_line_naming_the_board_meeting(enterprise):
    """The form's first line, in body type, says whose board meets: its board is the committee."""
    spec = f"""
    Styremøte i {enterprise}
    Møtedato: | 19. februar 2004
    Sak nr.: | 3/2004
    Navn på sak: | Foreløpig orientering om regnskapet

    ** Tilrådning:
    Saken tas til orientering.
    """
    doc = one(spec)
    assert (doc.kind, doc.body) == ("case_document", f"Styret i {enterprise}")


def test_a_board_case_titled_by_its_case_heading_under_the_meeting_date_is_a_case_document():
    """ "Styresak 78-2019 …" as the heading of the only case, under the form's meeting date and
    archive line, with no list of cases: the board's case document, dated by its meeting."""
    spec = """
    Møtedato: 26. juni 2019
    Arkivnr.: 2019/312-4/012 | Saksbeh/tlf: Kari Lund | Dato: 14.6.2019

    # Styresak 78-2019 Budsjett 2020 - rammer og føringer

    ** Forslag til vedtak
    Styret vedtar rammene for 2020.
    """
    doc = one(spec)
    assert (doc.kind, doc.meeting.date) == ("case_document", "2019-06-26")
    assert [(c.number, c.title) for c in doc.cases] == [("78/2019", "Budsjett 2020 - rammer og føringer")]
    assert doc.body is None  # "Styret" alone does not say whose board


@pytest.mark.parametrize(
    ("proposal", "board"),
    [
        ("Styret i Helse Nordvik RHF vedtar rammene for 2020.", "Styret i Helse Nordvik RHF"),
        (
            "1. Styret for Nordvik sykehus HF tar saken til orientering.\n2. Styret ber om en ny sak.",
            "Styret i Nordvik sykehus HF",
        ),
    ],
)
def test_a_board_case_names_its_board_in_the_proposal(proposal, board):
    """A board's case document names no committee elsewhere: the board its proposal has decide."""
    proposal = "\n    ".join(proposal.split("\n"))
    spec = f"""
    Møtedato: 26. juni 2019

    # Styresak 78-2019 Budsjett 2020

    ** Forslag til vedtak
    {proposal}
    """
    doc = one(spec)
    assert (doc.kind, doc.body) == ("case_document", board)


def test_one_case_in_a_form_under_its_agenda_list_stays_an_agenda():
    spec = """
    # Styremøte i Helse Nord HF
    Møtedato: | 19. februar 2004
    ** Saksliste:
    Sak 3/2004 Foreløpig orientering om regnskapet

    Sak nr.: | 3/2004
    Navn på sak: | Foreløpig orientering om regnskapet

    ** Tilrådning:
    Saken tas til orientering.
    """
    doc = one(spec)
    assert (doc.kind, doc.meeting.date) == ("agenda", "2004-02-19")


def test_a_case_heading_under_a_title_in_the_same_type_is_not_part_of_the_title():
    spec = """
    # HELSE NORD RHF
    # STYRET
    # Sak 86/10 Statusrapport pr 30.09.2010
    T: Saken behandles i: | Møtedato | Møtesaksnummer
    T: Styret for Helse Nord RHF | | 86/10

    ** Forslag til vedtak:
    Styret tar rapporten til etterretning.
    """
    doc = one(spec)
    assert (doc.kind, doc.title, doc.meeting.date) == ("case_document", "HELSE NORD RHF STYRET", None)
    assert [(c.number, c.title) for c in doc.cases] == [("86/2010", "Statusrapport pr 30.09.2010")]
