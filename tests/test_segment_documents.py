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
        ("Godkjenning av innkalling og dagsorden", None),
        ("Referatsaker", None),
        ("Møte 2-23 Strategisk samarbeidsutvalg (SSU)", None),
    ],
)
def test_kind_from_title(title, kind):
    assert kind_from_title(title) == kind
