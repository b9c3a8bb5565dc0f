"""Proposed decisions kept apart from adopted ones, in every label variant."""

import pytest

from extract.segment.decisions import find_decisions
from tests.helpers import lines


def decisions(spec: str):
    found = find_decisions(lines(spec), 11.0)
    return found.proposed, found.adopted


def test_forslag_til_vedtak_block_ends_at_rule():
    spec = """
    Teksten i saken.

    ** Forslag til vedtak:

    Innkalling og dagsorden er godkjent.
    ---
    """
    assert decisions(spec) == (["Innkalling og dagsorden er godkjent."], [])


def test_numbered_points_are_kept_one_per_line_and_wraps_joined():
    spec = """
    ** Forslag til vedtak:

    1. FSU stiller seg bak arbeidsgruppas forslag og anbefaler at det
    kjøres en pilot.

    2. FSU ber sekretariatet utforme en søknad om midler til
    hospitering.

    Vedlegg: Ishavserklæringen 2024-2027
    """
    assert decisions(spec) == (
        [
            "1. FSU stiller seg bak arbeidsgruppas forslag og anbefaler at det kjøres en pilot.\n"
            "2. FSU ber sekretariatet utforme en søknad om midler til hospitering."
        ],
        [],
    )


def test_alternatives_are_separate_proposals():
    spec = """
    ** Forslag til vedtak alt. 1:

    SSU ønsker at det arrangeres samhandlingskonferanse.

    ** Forslag til vedtak alt. 2:

    SSU beslutter at dette ikke kan gjennomføres.
    """
    assert decisions(spec)[0] == [
        "SSU ønsker at det arrangeres samhandlingskonferanse.",
        "SSU beslutter at dette ikke kan gjennomføres.",
    ]


def test_innstilling_and_owner_labels_are_proposals():
    for label in (
        "Innstilling:",
        "Innstilling til konsensus:",
        "Kommunedirektørens forslag til vedtak:",
        "Daglig leders forslag til vedtak:",
        "Sekretariatets innstilling:",
        "Forslag til vedtak (alternativ 2):",
    ):
        assert decisions(f"** {label}\n\nSSU slutter seg til forslaget.") == (
            ["SSU slutter seg til forslaget."],
            [],
        ), label


def test_inline_vedtak_and_upper_case_labels():
    assert decisions("** Vedtak: Innkalling og saksliste godkjennes.") == ([], ["Innkalling og saksliste godkjennes."])
    assert decisions("** VEDTAK:\n\nSaken tas til orientering.") == ([], ["Saken tas til orientering."])
    assert decisions("** Vedtak\n\nSaken tas til orientering.") == ([], ["Saken tas til orientering."])
    assert decisions("** Enstemmig vedtak:\n\nSaken tas til orientering.") == ([], ["Saken tas til orientering."])


def test_inline_vedtak_wrapping_in_another_style():
    spec = """
    ** Vedtak: Fastlegerådets årsrapport for 2022 vedtas. Årsrapporten legges fram for Strategisk
    Samarbeidsutvalg.
    ** Sak 04/23: Valg av nestleder
    """
    assert decisions(spec)[1] == [
        "Fastlegerådets årsrapport for 2022 vedtas. Årsrapporten legges fram for Strategisk Samarbeidsutvalg."
    ]


def test_decision_continues_across_a_page_break():
    spec = """
    ** Vedtak:

    1. FSU stiller seg enstemmig bak at Tromsø kommune fremmer sak til UiT.
    ===
    2. FSU ber Tromsø kommune oppdatere utvalget på neste møte.
    ---
    """
    assert decisions(spec)[1] == [
        "1. FSU stiller seg enstemmig bak at Tromsø kommune fremmer sak til UiT.\n"
        "2. FSU ber Tromsø kommune oppdatere utvalget på neste møte."
    ]


def test_quoted_earlier_decision_is_not_a_decision():
    spec = """
    I forbindelse med sak 04/23 ble det problematisert metodikk.

    Vedtak rundt sak 04/23 ble som følger:

    1. SSU ber samhandlingssjefene se på metodikk.

    SSUs vedtak i sak 40/22 var at saken skulle utredes.
    """
    assert decisions(spec) == ([], [])


def test_a_case_may_carry_both_a_proposal_and_a_different_adopted_text():
    spec = """
    ** Forslag til vedtak:

    SSU tar saken til orientering.

    Det ble diskutert at saken må følges opp.

    ** Vedtak:

    SSU tar saken til orientering og ber om ny sak i neste møte.
    """
    assert decisions(spec) == (
        ["SSU tar saken til orientering."],
        ["SSU tar saken til orientering og ber om ny sak i neste møte."],
    )


def test_bullets_after_a_colon_belong_to_the_decision():
    spec = """
    ** Vedtak:

    FSU vil rette sin innsats i 2023
    inn mot følgende:

    • Teknologi og digitale løsninger

    • Oppgaveglidning
    ---
    """
    assert decisions(spec)[1] == [
        "FSU vil rette sin innsats i 2023 inn mot følgende:\nTeknologi og digitale løsninger\nOppgaveglidning"
    ]


def test_decision_ends_at_a_section_label_or_heading():
    spec = """
    ** Innstilling:

    SSU anbefaler at styringsgruppa utarbeider en søknad.

    ** Bakgrunn:

    Helsetjenesten i Norge er ikke bærekraftig.
    """
    assert decisions(spec) == (["SSU anbefaler at styringsgruppa utarbeider en søknad."], [])


# --- house styles of the wider genre ----------------------------------------------------------


def test_nynorsk_possessive_recommendation_and_a_decision_naming_body_and_case():
    spec = """
    ** LEIAREN I VALSTYRET SI TILRÅDING:
    Valstyret godkjenner innkallinga og saklista.

    ** VALSTYRET 001/15 VEDTAK:
    Valstyret godkjenner innkallinga og saklista.
    Vedtaket var samrøystes.
    """
    assert decisions(spec) == (
        ["Valstyret godkjenner innkallinga og saklista."],
        ["Valstyret godkjenner innkallinga og saklista."],
    )


def test_decision_labels_naming_the_body_nynorsk_possessive_and_vedtak_i():
    labels = (
        "Kommunestyret sitt vedtak:",
        "Vedtak i Formannskapet - 12.03.2019:",
        "Vedtak i Helse- og sosialutvalet:",
        "Endeleg vedtak:",
        "Vedtaket:",
        "Fattet vedtak:",
        "KST-vedtak:",
        "Vedtak fattet av formannskapet:",
    )
    for label in labels:
        spec = f"""
        ** Innstilling frå formannskapet:
        Årsmeldinga vert godkjend.

        ** {label}
        Årsmeldinga vert godkjend med merknad.
        """
        assert decisions(spec) == (["Årsmeldinga vert godkjend."], ["Årsmeldinga vert godkjend med merknad."]), label


def test_a_plain_vedtak_before_the_recorded_decision_is_the_recommendation():
    spec = """
    ** Vedtak
    Referater/meldinger tas til orientering

    ** Formannskapet 04.12.2013:
    Møtebehandling:
    Referater/meldinger tas til orientering.

    ** FS-070/13 Vedtak:
    Referater/meldinger tas til orientering.
    """
    assert decisions(spec) == (
        ["Referater/meldinger tas til orientering"],
        ["Referater/meldinger tas til orientering."],
    )


def test_a_plain_vedtak_alone_stays_the_adopted_decision():
    assert decisions("** Vedtak\nInnkallingen godkjennes.") == ([], ["Innkallingen godkjennes."])


def test_a_proposal_introduced_by_a_sentence_ends_at_the_vote():
    spec = """
    ** BEHANDLING:
    Ordfører fremmet følgende forslag til vedtak:

    «Protokoll fra møte 11. juni 2015 godkjennes.»
    Ved votering ble forslaget enstemmig vedtatt.
    ** VEDTAK:
    Protokoll fra møte 11. juni 2015 godkjennes.
    """
    assert decisions(spec) == (
        ["«Protokoll fra møte 11. juni 2015 godkjennes.»"],
        ["Protokoll fra møte 11. juni 2015 godkjennes."],
    )


def test_nynorsk_proposal_label():
    assert decisions("** Framlegg til vedtak:\nKommunestyret vedtek planen.")[0] == ["Kommunestyret vedtek planen."]
    assert decisions("Rådmannen sitt framlegg til vedtak: Planen vert vedteken.")[0] == ["Planen vert vedteken."]
    assert decisions("** Forslag til fråsegn:\nUtvalet støttar planen.")[0] == ["Utvalet støttar planen."]


def test_proposals_of_an_advisory_body_and_of_a_consultation_reply():
    for label in ("Forslag til anbefaling:", "Forslag til høringsuttalelse:", "Framlegg til høyringsfråsegn:"):
        assert decisions(f"** {label}\nUtvalget støtter forslaget.") == (["Utvalget støtter forslaget."], []), label


def test_a_numbered_section_heading_set_apart_ends_the_block():
    spec = """
    Tilrådning: Saken tas til orientering.


    ** 1. Virksomheten i oppsummering
    Tekst.
    """
    assert decisions(spec)[0] == ["Saken tas til orientering."]


def test_unlabelled_decisions_of_a_protocol_that_records_only_decisions():
    from extract.segment.decisions import unlabelled_decisions

    first = lines("Protokoll fra styremøte 5. mai 2010 ble godkjent")
    second = lines("1. Styret tar rapporten til etterretning.\n\n2. Styret ber om en ny rapport.")
    assert unlabelled_decisions([first, second], 11.0) == [
        "Protokoll fra styremøte 5. mai 2010 ble godkjent",
        "1. Styret tar rapporten til etterretning.\n2. Styret ber om en ny rapport.",
    ]


def test_a_narrative_record_is_not_a_decision_but_a_closing_formula_is():
    from extract.segment.decisions import unlabelled_decisions

    narrative = lines(
        "Møteprotokollen vart godkjent utan merknadar.\n\n"
        "Ordføraren viste til at regionrådet på møtet i september bestemte at varaordførarane\n"
        "burde vera med på neste møte, og at det har vore vurdert.\n\n"
        "Leiaren kommenterte at det ikkje var naturleg å ha det på dette møtet."
    )
    closing = lines("Saka vart drøfta.\n\nInnkalling til møtet godkjennes.")
    assert unlabelled_decisions([narrative, closing], 11.0) == [None, "Innkalling til møtet godkjennes."]


def test_the_closing_formula_is_only_the_decision_sentence():
    from extract.segment.decisions import unlabelled_decisions

    case = lines(
        "Utkast til referat ble sendt ut, og fulgte også vedlagt saklisten. Utkast til referat fra møtet godkjennes."
    )
    longer = lines("Saka vart drøfta grundig i møtet.\n\nEin lang gjennomgang.\n\nMøteboka vert godkjend.")
    narrative = lines("Leiaren orienterte.\n\nDet vart ein god diskusjon.\n\nUtvalet vart samde om å kome attende.")
    assert unlabelled_decisions([case, longer, narrative], 11.0) == [
        "Utkast til referat fra møtet godkjennes.",
        "Møteboka vert godkjend.",
        None,
    ]


def test_recommendation_label_naming_its_author_nynorsk():
    assert decisions("** Tilråding frå rådmannen:\nMøteboka vert godkjend.")[0] == ["Møteboka vert godkjend."]


def test_a_recommendation_told_by_its_verb_and_a_record_with_a_spaced_prefix_nynorsk():
    spec = """
    ** RÅDMANNEN TILRÅR
    Møteboka blir godkjent slik ho ligg føre.

    Rådmannen si tilråding blei samrøystes vedteke.

    ** KOM-091/16 VEDTAK:
    Møteboka blir godkjent slik ho ligg føre.
    """
    assert decisions(spec) == (
        ["Møteboka blir godkjent slik ho ligg føre."],
        ["Møteboka blir godkjent slik ho ligg føre."],
    )
    assert decisions("** HOK- 008/16 Vedtak:\nReferatene tas til orientering.")[1] == [
        "Referatene tas til orientering."
    ]


def test_the_decision_introduced_by_a_sentence_saying_it_was_made():
    for label in (
        "Styret fattet enstemmig slikt vedtak:",
        "Kommunestyret gjorde følgende vedtak:",
        "Formannskapet fatta samrøystes slikt vedtak:",
        "Styret fattet følgende enstemmige vedtak",
    ):
        spec = f"""
        ** Forslag til vedtak:
        Innkallingen godkjennes.

        {label}
        Innkallingen godkjennes med endringene.
        """
        assert decisions(spec) == (["Innkallingen godkjennes."], ["Innkallingen godkjennes med endringene."]), label


def test_the_body_asked_to_make_a_decision_is_a_proposal():
    for label in (
        "Styret inviteres til å fatte følgende vedtak:",
        "Styret bes fatte slikt vedtak:",
        "Rådmannen rår formannskapet til å gjere slikt vedtak:",
        "Administrerende direktør anbefaler styret å fatte følgende vedtak:",
        "Administrasjonen foreslår følgende vedtak:",
        "Adm. dir. forslag til vedtak:",
        "Adm.dir. innstilling:",
    ):
        spec = f"""
        ** {label}
        Rapporten tas til orientering.

        ** Vedtak:
        Rapporten tas til orientering.
        """
        assert decisions(spec) == (["Rapporten tas til orientering."], ["Rapporten tas til orientering."]), label


def test_nynorsk_plural_conclusions_are_the_decision():
    assert decisions("** Konklusjonar:\nSaka vert send vidare.") == ([], ["Saka vert send vidare."])


def test_a_proposal_put_forward_by_a_member_or_party_in_the_meeting():
    spec = """
    ** Rådmannens innstilling
    Protokollen godkjennes.
    ** Behandling
    Forslag fra Ola Dahl (H): Protokollen godkjennes med endringer.
    Nytt forslag frå Sp:
    Saka vert utsett.
    Votering: Rådmannens innstilling ble vedtatt med 5 mot 2 stemmer.
    ** Vedtak
    Protokollen godkjennes.
    """
    assert decisions(spec) == (
        ["Protokollen godkjennes.", "Protokollen godkjennes med endringer.", "Saka vert utsett."],
        ["Protokollen godkjennes."],
    )


def test_a_proposal_under_its_owner_and_the_bare_word():
    """ "Saksordførers forslag:", "Ordføraren sitt framlegg:": an owner makes the bare word a
    label; "Forslaget ble …" in the discussion stays text."""
    spec = """
    ** Saksordførers forslag:
    Planen vedtas.
    ** Behandling
    Forslaget ble drøftet.
    Ordføraren sitt framlegg: Planen vert send på høyring.
    ** Vedtak
    Planen vedtas.
    """
    assert decisions(spec) == (["Planen vedtas.", "Planen vert send på høyring."], ["Planen vedtas."])


@pytest.mark.parametrize("signed", ["Hamar, 6.11.2013", "Tromsø 12. mars 2024", "Oslo, den 5. november 2013"])
def test_the_place_and_date_of_the_signatures_end_a_decision(signed):
    """The line giving where and when the minutes were signed opens the signature block, even
    set tight under the last decision."""
    spec = f"""
    Vedtak: Budsjettet vedtas.
    {signed}
    Kari Berg (s.) styreleder
    """
    assert decisions(spec) == ([], ["Budsjettet vedtas."])


def test_a_decision_going_on_to_a_place_and_date_keeps_them():
    spec = """
    Vedtak: Saken utsettes til møtet i
    Tromsø 12. mars 2024
    """
    assert decisions(spec) == ([], ["Saken utsettes til møtet i Tromsø 12. mars 2024"])
