"""Attendee lists: inline, bullets and tables, every status label, chair and minute taker."""

import pytest

from extract.segment.attendees import attendance_status, find_attendance, looks_like_name, parse_person
from tests.helpers import lines


def people(spec: str, committee: str | None = None):
    found = find_attendance(lines(spec), 11.0, committee)
    return [(a.name, a.affiliation, a.status) for a in found.attendees], found


@pytest.mark.parametrize(
    ("label", "status"),
    [
        ("Til stede", "present"),
        ("Tilstede", "present"),
        ("Faste medlemmer", "present"),
        ("Møtende medlemmer", "present"),
        ("Møtt", "present"),
        ("Forfall", "absent"),
        ("Meldt forfall", "absent"),
        ("Forfall faste deltakere", "absent"),
        ("Ikke til stede", "absent"),
        ("Sekretariat", "secretariat"),
        ("Fra sekretariatet", "secretariat"),
        ("Fra administrasjonen", "secretariat"),
        ("Deltakere på sak", "guest"),
        ("Tilstede på sak", "guest"),
        ("På sak om hospitering", "guest"),
        ("Øvrige observatører", "observer"),
        ("Observatør", "observer"),
        ("Nye medlemmer", None),
        ("Saker/tema", None),
    ],
)
def test_status_labels(label, status):
    assert attendance_status(label) == status


def test_inline_list_with_affiliations_in_parentheses():
    spec = """
    ** Til stede: Ida Haug (Tromsø kommune), Astrid Gramstad (UiT Helsefak), Guri
    Lajord (kommunene/sekretariatet)

    ** Forfall: Gøril Bertheussen (UNN Personal), Siv Tone Furu (NSF Harstad kommune)

    Nye medlemmer: Det må inn en ny representant for Siv Jorunn Olsen (UNN Harstad).
    """
    found, _ = people(spec)
    assert found == [
        ("Ida Haug", "Tromsø kommune", "present"),
        ("Astrid Gramstad", "UiT Helsefak", "present"),
        ("Guri Lajord", "kommunene/sekretariatet", "present"),
        ("Gøril Bertheussen", "UNN Personal", "absent"),
        ("Siv Tone Furu", "NSF Harstad kommune", "absent"),
    ]


def test_inline_names_only_and_a_guest_label():
    spec = """
    Til stede: Hanne Ness Eidsvik, Leif Erik Nohr, Anita D. Solbakken og Dag Nordvåg

    ** På sak om hospitering: Maria Eidesen (alderspsykiatrisk avdeling på UNN)
    """
    found, _ = people(spec)
    assert found == [
        ("Hanne Ness Eidsvik", None, "present"),
        ("Leif Erik Nohr", None, "present"),
        ("Anita D. Solbakken", None, "present"),
        ("Dag Nordvåg", None, "present"),
        ("Maria Eidesen", "alderspsykiatrisk avdeling på UNN", "guest"),
    ]


def test_bullets_with_roles_and_wrapped_lines():
    spec = """
    ## Tilstede
    ** Faste medlemmer:

    • Leif Røssås, fastlege Tromsø/PKO-leder UNN/leder Fastlegerådet

    • Marte Lødemel Henriksen, kst. medisinsk fagsjef og senterleder
    UNN

    ** Sekretariat:

    • Anne Helen Hansen, overlege PTU UNN
    (referent)

    ** Tilstede på sak:

    • Kine Raae Østvik, fastlege Narvik, Sak 05/2023
    """
    found, att = people(spec, committee="Fastlegerådet")
    assert found == [
        ("Leif Røssås", "fastlege Tromsø/PKO-leder UNN/leder Fastlegerådet", "present"),
        ("Marte Lødemel Henriksen", "kst. medisinsk fagsjef og senterleder UNN", "present"),
        ("Anne Helen Hansen", "overlege PTU UNN (referent)", "secretariat"),
        ("Kine Raae Østvik", "fastlege Narvik, Sak 05/2023", "guest"),
    ]
    assert att.minute_taker == "Anne Helen Hansen"
    assert att.chair == "Leif Røssås"


def test_table_rows():
    spec = """
    ## Tilstede:
    ** Faste medlemmer:
    T: Sarah-Karine Dalan | Psykolog FACT/AAT DPS Midt-Troms
    T: Anne-Lise Pedersen | Koord. helse- og omsorgskontor, vara Øyvind Pedersen
    ** Forfall faste deltakere:
    T: Øyvind Pedersen | Enhetsleder PHOR, Tromsø
    ** Øvrige observatører:
    T: Glenn-Helge Hattmann | Samhandlingssjef UNN
    """
    found, _ = people(spec)
    assert found == [
        ("Sarah-Karine Dalan", "Psykolog FACT/AAT DPS Midt-Troms", "present"),
        ("Anne-Lise Pedersen", "Koord. helse- og omsorgskontor, vara Øyvind Pedersen", "present"),
        ("Øyvind Pedersen", "Enhetsleder PHOR, Tromsø", "absent"),
        ("Glenn-Helge Hattmann", "Samhandlingssjef UNN", "observer"),
    ]


def test_chair_and_minute_taker_labels_and_synonyms():
    pairs = (("Møteleder", "Referent"), ("Ordstyrer", "Protokollfører"), ("Møteleder", "Referat skrevet av"))
    for chair_label, taker_label in pairs:
        _, att = people(f"** {chair_label}: | Ida Haug\n** {taker_label}: | Guri Moen Lajord")
        assert (att.chair, att.minute_taker) == ("Ida Haug", "Guri Moen Lajord")


def test_label_alone_with_the_name_below():
    spec = """
    ** Møteleder
    Ida Haug

    ** Referent
    Guri Moen Lajord
    """
    _, att = people(spec)
    assert (att.chair, att.minute_taker) == ("Ida Haug", "Guri Moen Lajord")


def test_substitute_for():
    found = find_attendance(lines("Til stede: Kari Nordmann (Tromsø, vara for Ola Hansen)"), 11.0).attendees
    assert found[0].substitute_for == "Ola Hansen"


def test_two_people_in_one_row_of_a_borderless_table():
    spec = """
    ## Medlemmer
    Jesper Mathiesen (A) | Ole Bjerregaard (V)
    Niels Viderø (A)
    """
    found, _ = people(spec)
    assert [n for n, _, _ in found] == ["Jesper Mathiesen", "Ole Bjerregaard", "Niels Viderø"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ida Haug (Tromsø kommune)", ("Ida Haug", "Tromsø kommune")),
        ("Leif Røssås, fastlege Tromsø", ("Leif Røssås", "fastlege Tromsø")),
        ("Noeline W. Goos – Dyrøy", ("Noeline W. Goos", "Dyrøy")),
        ("Det må inn en ny representant", None),
        ("UNN Personal", None),
    ],
)
def test_parse_person(text, expected):
    assert parse_person(text) == expected


def test_looks_like_name():
    assert looks_like_name("Sarah-Karine Dalan")
    assert looks_like_name("Charlotte Bjørnskov Goll")
    assert looks_like_name("Anita D. Solbakken")
    assert not looks_like_name("Guri")
    assert not looks_like_name("Tromsø kommune")
    assert not looks_like_name("NAV Tromsø")


def test_inline_list_written_with_dashes_and_other_guest_labels():
    spec = """
    Til stede: Ida Haug – Tromsø kommune, Astrid Gramstad - UiT

    Andre deltakere: Maria Eidesen (UNN)
    """
    found, _ = people(spec)
    assert found == [
        ("Ida Haug", "Tromsø kommune", "present"),
        ("Astrid Gramstad", "UiT", "present"),
        ("Maria Eidesen", "UNN", "guest"),
    ]
