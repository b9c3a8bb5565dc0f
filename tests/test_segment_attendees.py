"""Attendee lists: inline, bullets and tables, every status label, chair and minute taker."""

import pytest

from extract.segment.attendees import attendance_status, find_attendance, looks_like_name, parse_person
from models.layout import Cell, Line
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
        ("Til stades", "present"),
        ("Følgende medlemmer møtte", "present"),
        ("Desse medlemmene møtte", "present"),
        ("Følgjande varamedl. møtte", "present"),
        ("Møtande medlemmer", "present"),
        ("Fra styret", "present"),
        ("Frå styret", "present"),
        ("Forfall fra styret", "absent"),
        ("Fra kontrollutvalgssekretariatet", "secretariat"),
        ("Frå kommuneadministrasjonen", "secretariat"),
        ("Dessutan møtte", "guest"),
        ("Andre møtte", "guest"),
        ("Andre møtande", "guest"),
        ("Faste medlemer som møtte", "present"),
        ("Varamedlemer som møtte", "present"),
        ("Desse varamedlemene møtte", "present"),
        ("Følgende varamedlemmene møtte", "present"),
        ("Vararepresentanter som møtte", "present"),
        ("Varamenn", "present"),
        ("Styremedlemmer", "present"),
        ("Utvalsmedlemene som møtte", "present"),
        ("Faste medlemer som ikkje møtte", "absent"),
        ("Oppmøte formannskapets møte 18.06.2015", "present"),
        ("Faste medlemmer som ikke møtte", "absent"),
        ("Forfall/møtte ikkje", "absent"),
        ("Frå adm. møtte", "secretariat"),
        ("Følgende fra administrasjonen deltok", "secretariat"),
        ("Fra brukerutvalget møtte", "observer"),
        ("Frå ungdomsrådet møtte", "observer"),
        ("Andre", "guest"),
        ("Fråverande", "absent"),
        ("Fråverande medlemer", "absent"),
        ("Deltok ikke", "absent"),
        ("Deltok ikkje", "absent"),
        ("Deltagarar", "present"),
        # those who took part over a link are present; "deltok på sak 4" names guests
        ("Deltok på Teams", "present"),
        ("Deltok digitalt", "present"),
        ("Deltok på video", "present"),
        ("Deltok på møtet", "present"),
        ("Deltok på sak 4", "guest"),
        ("Til stede på Teams", "present"),
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


# --- the layouts of the wider genre -------------------------------------------------------------


def full(spec: str):
    found = find_attendance(lines(spec), 11.0)
    return [(a.name, a.affiliation, a.status, a.substitute_for, a.role) for a in found.attendees], found


def test_tables_read_by_their_header_rows():
    spec = """
    ** Faste medlemmer som møtte:
    T: Navn | Funksjon | Representerer
    T: Bjørn Iversen | Ordfører | AP/SP
    T: Trude Holm | Medlem | AP/SP
    ** Faste medlemmer som ikke møtte:
    T: Navn | Funksjon | Representerer
    T: Jan Arne Solvang | MEDL | FRP/H/KRF
    ** Varamedlemmer som møtte:
    T: Navn | Møtte for | Representerer
    T: Sverre Sundfær | Jan Arne Solvang | FRP/H/KRF
    ** Fra administrasjonen møtte:
    T: Navn | Stilling
    T: Rudolf Holmvik | Rådmann
    """
    found, att = full(spec)
    assert found == [
        ("Bjørn Iversen", "AP/SP", "present", None, "Ordfører"),
        ("Trude Holm", "AP/SP", "present", None, "Medlem"),
        ("Jan Arne Solvang", "FRP/H/KRF", "absent", None, "MEDL"),
        ("Sverre Sundfær", "FRP/H/KRF", "present", "Jan Arne Solvang", None),
        ("Rudolf Holmvik", "Rådmann", "secretariat", None, "Rådmann"),
    ]
    # no chair is printed: the mayor led the meeting
    assert att.chair == "Bjørn Iversen"


def test_met_yes_or_no_a_substitute_in_the_remark_and_a_name_wrapped_over_a_page():
    spec = """
    ** Oppmøte formannskapets møte 18.06.2015
    T: Navn | Parti | Funksjon | Møter | Merknad
    T: Tor-Petter Abelsen | KRF | Medlem | Nei | Ove Morten Haugan møtte som vara
    T: Anne Grete | H | Medlem | Ja
    ===
    T: Valbekmo
    T: Berit Musum | FRP | Medlem | Nei
    """
    found, _ = full(spec)
    assert found == [
        ("Tor-Petter Abelsen", "KRF", "absent", None, "Medlem"),
        ("Ove Morten Haugan", None, "present", "Tor-Petter Abelsen", None),
        ("Anne Grete Valbekmo", "H", "present", None, "Medlem"),
        ("Berit Musum", "FRP", "absent", None, "Medlem"),
    ]


def test_two_name_columns_with_their_own_status_nynorsk():
    spec = """
    T: Desse medlemmene møtte: | Parti | Forfall/møtte ikkje | Parti
    T: Anders Ryssdal | Sp | Kari Nordmann | Ap
    T: Ola Tarjei Kroken | Ap
    T: Møteleiar: | Anders Ryssdal
    T: Frå adm. møtte: | Rådmann Jan Kåre Fure, Sekretær for valstyret Siv Kvalsvik Haugen
    T: Utlevert i møtet: | Ingen
    """
    found, att = full(spec)
    assert [(n, a, s) for n, a, s, _, _ in found] == [
        ("Anders Ryssdal", "Sp", "present"),
        ("Kari Nordmann", "Ap", "absent"),
        ("Ola Tarjei Kroken", "Ap", "present"),
        ("Jan Kåre Fure", "Rådmann", "secretariat"),
        ("Siv Kvalsvik Haugen", "Sekretær for valstyret", "secretariat"),
    ]
    assert att.chair == "Anders Ryssdal"


def test_rows_without_a_header_say_apologies_and_substitutes():
    spec = """
    ** Følgende medlemmer møtte:
    T: Hanne Harlem | Styreleder
    T: Andreas Kjær | Forfall
    T: Helga R. Grinden | vara for: Lizzie Irene Ruud Thorkildsen
    ** Fra brukerutvalget møtte:
    Alf Magne Bårdslett
    ** Følgende fra administrasjonen deltok:
    Administrerende direktør Bente Mikkelsen

    Konserndirektør Steinar Marthinsen, konserndirektør Peder Olsen, viseadministrerende direktør Stein Are
    Agledal
    """
    found, _ = full(spec)
    assert [(n, a, s, f) for n, a, s, f, _ in found] == [
        ("Hanne Harlem", "Styreleder", "present", None),
        ("Andreas Kjær", None, "absent", None),
        ("Helga R. Grinden", None, "present", "Lizzie Irene Ruud Thorkildsen"),
        ("Lizzie Irene Ruud Thorkildsen", None, "absent", None),
        ("Alf Magne Bårdslett", None, "observer", None),
        ("Bente Mikkelsen", "Administrerende direktør", "secretariat", None),
        ("Steinar Marthinsen", "Konserndirektør", "secretariat", None),
        ("Peder Olsen", "konserndirektør", "secretariat", None),
        ("Stein Are Agledal", "viseadministrerende direktør", "secretariat", None),
    ]


def test_offices_and_party_codes_before_names_and_items_under_the_value_column():
    spec = """
    Medlemmer: | AP Asgeir Almås
    >> SP Harald Lie
    ** Forfall:
    ** Fra administrasjonen møtte: | Rådmann Stian Skjærvik
    >> Formannskapssekretær Mona Vik larsen

    Av 5 medlemmer møtte 5
    """
    found, _ = full(spec)
    assert [(n, a, s) for n, a, s, _, _ in found] == [
        ("Asgeir Almås", "AP", "present"),
        ("Harald Lie", "SP", "present"),
        ("Stian Skjærvik", "Rådmann", "secretariat"),
        ("Mona Vik larsen", "Formannskapssekretær", "secretariat"),
    ]


def test_an_office_before_the_name_and_the_minute_taker_marker():
    spec = """
    Fra administrasjonen møtte: | Adm. direktør Arne Flaat, Informasjonssjef Trond G. Skillingstad (referent)
    Fra Samarbeidsutvalget møtte: | Ingen
    Merknader til møtet: | Ingen merknader.
    """
    found, att = full(spec)
    assert [(n, a, s) for n, a, s, _, _ in found] == [
        ("Arne Flaat", "Adm. direktør", "secretariat"),
        ("Trond G. Skillingstad", "Informasjonssjef (referent)", "secretariat"),
    ]
    assert att.minute_taker == "Trond G. Skillingstad"


def test_groups_under_role_labels_within_a_list_nynorsk():
    spec = """
    ** Til stades:
    Ordførar: | Jon Askeland, Knut Moe, Marit Steinestø (varaordførar Masfjorden)
    Rådmenn: | Odd Ivar Øvregård, Ingvild Hjelmtveit (frå 51/14)
    Andre: | Stein Byrkjeland og Julie Andersen (49/14), Arne Åsan (50/14)
    Forfall: | Kari Aakre, Jan Olav Osen
    """
    found, att = full(spec)
    assert [(n, a, s) for n, a, s, _, _ in found] == [
        ("Jon Askeland", "Ordførar", "present"),
        ("Knut Moe", "Ordførar", "present"),
        ("Marit Steinestø", "varaordførar Masfjorden", "present"),
        ("Odd Ivar Øvregård", "Rådmenn", "secretariat"),
        ("Ingvild Hjelmtveit", "Rådmenn", "secretariat"),
        ("Stein Byrkjeland", None, "guest"),
        ("Julie Andersen", None, "guest"),
        ("Arne Åsan", None, "guest"),
        ("Kari Aakre", None, "absent"),
        ("Jan Olav Osen", None, "absent"),
    ]
    # several mayors: none of them is taken for the chair
    assert att.chair is None


def test_first_names_only_and_apologies_in_a_sentence():
    spec = """
    Tilstede: Karoline, Vanja, Linn M., Ida Lise, Ida S., Hildegun og Silje. Frida hadde meldt
    forfall.
    """
    found, _ = full(spec)
    assert [(n, s) for n, _, s, _, _ in found] == [
        ("Karoline", "present"),
        ("Vanja", "present"),
        ("Linn M.", "present"),
        ("Ida Lise", "present"),
        ("Ida S.", "present"),
        ("Hildegun", "present"),
        ("Silje", "present"),
        ("Frida", "absent"),
    ]


def test_a_name_wrapped_at_its_hyphen_is_one_name():
    found, _ = full("Møtende medlemmer: | Steinar Aspli, Torgeir Schmidt- Melbye, Peter Himo")
    assert [n for n, *_ in found] == ["Steinar Aspli", "Torgeir Schmidt-Melbye", "Peter Himo"]


def test_a_count_of_representatives_is_not_a_person():
    found, _ = full("Til stede: | 9 representanter. Kari Nordmann fikk permisjon under sak 75/15.")
    assert found == []


def test_chair_and_minute_taker_in_nynorsk_and_in_sentences():
    _, att = full("Møteleiar: | Anders Ryssdal\nMøtesekretær: | Siv Kvalsvik Haugen")
    assert (att.chair, att.minute_taker) == ("Anders Ryssdal", "Siv Kvalsvik Haugen")
    from extract.segment.attendees import roles_from_sentences

    assert roles_from_sentences("Møtet ble ledet av Ida Haug. Referat skrevet av Guri Moen Lajord.") == (
        "Ida Haug",
        "Guri Moen Lajord",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rådmann Ola Nordmann", ("Ola Nordmann", "Rådmann")),
        ("Helsefaglig rådgiver Kolbjørn Thun", ("Kolbjørn Thun", "Helsefaglig rådgiver")),
        ("AP Asgeir Almås", ("Asgeir Almås", "AP")),
        ("Tromsø kommune", None),
    ],
)
def test_split_role_name(text, expected):
    from extract.segment.attendees import split_role_name

    assert split_role_name(text) == expected


def test_groups_under_organisations_and_an_office_before_the_name_with_an_organisation_after():
    spec = """
    Til stede:

    Byrådsleder Erling Lae, Oslo kommune, leder

    Ordfører Ole Haabeth, Nedre Glomma regionråd

    Fylkesvaraordfører Svein Christoffersen, Østfold fylkeskommune (vara for Arne Øren)

    Dessuten møtte:

    Sekretariatet: Kari Garmann, Grethe Salvesvold

    Oslo kommune: byrådssekretær Øyvind Såtvedt

    Oslo Teknopol IKS: Knut Halvorsen og Malin Gjellestad
    """
    found, att = full(spec)
    assert [(n, a, s, r) for n, a, s, _, r in found] == [
        ("Erling Lae", "Oslo kommune, leder", "present", "Byrådsleder"),
        ("Ole Haabeth", "Nedre Glomma regionråd", "present", "Ordfører"),
        ("Svein Christoffersen", "Østfold fylkeskommune (vara for Arne Øren)", "present", "Fylkesvaraordfører"),
        ("Arne Øren", None, "absent", None),
        ("Kari Garmann", None, "secretariat", None),
        ("Grethe Salvesvold", None, "secretariat", None),
        ("Øyvind Såtvedt", "Oslo kommune", "guest", "byrådssekretær"),
        ("Knut Halvorsen", "Oslo Teknopol IKS", "guest", None),
        ("Malin Gjellestad", "Oslo Teknopol IKS", "guest", None),
    ]
    assert att.chair == "Erling Lae"


def test_nynorsk_table_sections_and_no_substitute():
    spec = """
    ** Fylgjande faste medlemmer var til stades:
    T: Navn | Funksjon | Representerer
    T: Hilde Alice Vågslid | Ordførar | AP
    ** Fylgjande medlemmer hadde meldt forfall:
    T: Navn | Funksjon | Representerer
    T: Halvard Blomhaug | MEDL | TFRP
    ** Fylgjande varamedlemmer møtte:
    T: Navn | Møtte for | Representerer
    T: Ingen vara | Halvard Blomhaug | TFRP
    ** Til stades frå administrasjonen:
    T: Navn | Stilling
    T: Brit Houge | Rådmann
    """
    found, att = full(spec)
    assert [(n, a, s) for n, a, s, _, _ in found] == [
        ("Hilde Alice Vågslid", "AP", "present"),
        ("Halvard Blomhaug", "TFRP", "absent"),
        ("Brit Houge", "Rådmann", "secretariat"),
    ]
    assert att.chair == "Hilde Alice Vågslid"


def test_two_offices_joined_by_og_nynorsk():
    found, _ = full("Frå adm. møtte: | Rådmann Rolf Nøstdal og leiar servicekontoret Astrid N. Fagerbakke")
    assert [(n, a) for n, a, *_ in found] == [
        ("Rolf Nøstdal", "Rådmann"),
        ("Astrid N. Fagerbakke", "leiar servicekontoret"),
    ]


def test_a_sentence_ending_in_a_name_is_not_an_office():
    found, _ = full("Forfall: Kari Nordmann\n\nNye medlemmer: Det må inn en ny representant for Ola Hansen (UNN)")
    assert [n for n, *_ in found] == ["Kari Nordmann"]


def test_party_and_function_around_a_name_and_a_substitute_named_with_the_member():
    spec = """
    Medlemmer: | AP - Asgeir Almås (ordfører)
    >> SP - Harald Lie (representant)
    ** Vara:
    AP - Arnfinn Grubben (vararepresentant)

    Tilstede var: Geir A. Iversen, Sissel Thomassen for Elisabeth S. Mikalsen
    """
    found, att = full(spec)
    assert found == [
        ("Asgeir Almås", "AP", "present", None, "ordfører"),
        ("Harald Lie", "SP", "present", None, "representant"),
        ("Arnfinn Grubben", "AP", "present", None, "vararepresentant"),
        ("Geir A. Iversen", None, "present", None, None),
        ("Sissel Thomassen", None, "present", "Elisabeth S. Mikalsen", None),
        ("Elisabeth S. Mikalsen", None, "absent", None, None),
    ]
    assert att.chair == "Asgeir Almås"  # the mayor, by function


def test_chair_label_as_a_sentence_nynorsk():
    _, att = full("Møtet blei styrt av: | Ordførar Bengt Halvard Odden")
    assert att.chair == "Bengt Halvard Odden"


def test_members_numbered_under_their_party_nynorsk():
    spec = """
    ** MØTELEIAR
    Fylkesordførar Tom-Christer Nilsen.

    ** DESSE MØTTE
    ** DET NORSKE ARBEIDERPARTI

    1. Ruth Grung

    2. Sveinung Valle

    ** HØGRE

    1. Mona Røsvik Strømme

    ** FORFALL
    Nils-Olav Nøss
    """
    found, att = full(spec)
    assert [(n, a, s) for n, a, s, _, _ in found] == [
        ("Ruth Grung", "Det Norske Arbeiderparti", "present"),
        ("Sveinung Valle", "Det Norske Arbeiderparti", "present"),
        ("Mona Røsvik Strømme", "Høgre", "present"),
        ("Nils-Olav Nøss", None, "absent"),
    ]
    assert att.chair == "Tom-Christer Nilsen"


def test_one_person_per_line_set_as_tight_as_wrapped_lines():
    spec = """
    Til stede:
    Styreleder Ola Berg
    Nestleder Kari Sæther
    Nils Aune
    Fra administrasjonen:
    Administrerende direktør Per Grøn
    Økonomidirektør Liv Dal (referent)
    """
    found, result = people(spec)
    assert found == [
        ("Ola Berg", "Styreleder", "present"),
        ("Kari Sæther", "Nestleder", "present"),
        ("Nils Aune", None, "present"),
        ("Per Grøn", "Administrerende direktør", "secretariat"),
        ("Liv Dal", "Økonomidirektør (referent)", "secretariat"),
    ]
    assert result.minute_taker == "Liv Dal"


def test_a_long_entry_that_wraps_stays_one_person():
    spec = """
    Til stede:
    Leif Røssås, fastlege og praksiskonsulent ved medisinsk klinikk, leder for
    Fastlegerådet
    Kari Hansen, overlege ved
    Universitetssykehuset Nord-Norge
    Siv Lund, overlege
    Universitetssykehuset Nord-Norge
    Nils Aune
    """
    found, _ = people(spec)
    assert found == [
        ("Leif Røssås", "fastlege og praksiskonsulent ved medisinsk klinikk, leder for Fastlegerådet", "present"),
        ("Kari Hansen", "overlege ved Universitetssykehuset Nord-Norge", "present"),
        ("Siv Lund", "overlege Universitetssykehuset Nord-Norge", "present"),
        ("Nils Aune", None, "present"),
    ]


def test_a_group_after_the_secretariat_no_longer_belongs_to_the_absence_list():
    spec = """
    Til stede: Leder Jon Vik, nestleder Eva Ås
    Forfall: Medlem Ivar Dahl
    Fra sekretariatet: Rådgiver Mona Holt
    Fra revisjonen: Oppdragsansvarlig revisor Geir Berg
    """
    found, _ = people(spec)
    assert [(name, status) for name, _, status in found] == [
        ("Jon Vik", "present"),
        ("Eva Ås", "present"),
        ("Ivar Dahl", "absent"),
        ("Mona Holt", "secretariat"),
        ("Geir Berg", "guest"),
    ]


def test_an_office_after_a_name_in_a_party_group_is_the_role_and_the_party_the_affiliation():
    spec = """
    Møtende medlemmer:
    Ap: Ola Nes (ordfører), Kari Berg
    H: Nils Dale (referent), Siri Holm
    """
    found, result = people(spec)
    assert found == [
        ("Ola Nes", "Ap", "present"),
        ("Kari Berg", "Ap", "present"),
        ("Nils Dale", "referent", "present"),
        ("Siri Holm", "H", "present"),
    ]
    assert result.attendees[0].role == "ordfører"
    assert result.chair == "Ola Nes"


def test_ticks_under_status_columns():
    spec = """
    T: Navn | Representerer | Møtt | Forfall
    T: Ola Nes | Nordby kommune | x |
    T: Kari Berg | Sykehuset Nord |  | x
    T: Per Lie | Brukerutvalget | X |
    """
    found, _ = people(spec)
    assert found == [
        ("Ola Nes", "Nordby kommune", "present"),
        ("Kari Berg", "Sykehuset Nord", "absent"),
        ("Per Lie", "Brukerutvalget", "present"),
    ]


def test_substitutes_one_per_line_with_the_member_met_for():
    """ "Varamedlemmer som møtte:" over one substitute a line, the party before or after the
    member met for, or a substitute word before "for"; the member is absent where not listed."""
    spec = """
    ** Faste medlemer som møtte:
    Kari Lien, leiar (SP)
    Nils Berg (AP)
    ** Varamedlemmer som møtte:
    Liv Aas for Tor Haug (FRP)
    Per Holm (H) for Anne Dale
    Eva Sand (V), vara for Odd Li
    Protokollførar: Per Vik
    """
    found, att = full(spec)
    assert found == [
        ("Kari Lien", "SP", "present", None, "leiar"),
        ("Nils Berg", "AP", "present", None, None),
        ("Liv Aas", "FRP", "present", "Tor Haug", None),
        ("Tor Haug", None, "absent", None, None),
        ("Per Holm", "H", "present", "Anne Dale", None),
        ("Anne Dale", None, "absent", None, None),
        ("Eva Sand", "V", "present", "Odd Li", None),
        ("Odd Li", None, "absent", None, None),
    ]
    assert (att.chair, att.minute_taker) == ("Kari Lien", "Per Vik")


@pytest.mark.parametrize(
    "text",
    [
        "Kari Hansen for Helse Nord",  # an organisation, not a member
        "Siv Haugen (sekretær for valstyret)",  # "for" inside the affiliation
        "Jørg Vik, fastlege, representant for Ofoten",
    ],
)
def test_for_that_names_no_member_met_for(text):
    found, _ = full(f"** Til stede:\n{text}")
    assert not any(substitute_for for _, _, _, substitute_for, _ in found)


@pytest.mark.parametrize(
    ("text", "affiliation", "role"),
    [
        ("Kari Lien, leder (SP)", "SP", "leder"),
        ("Kari Lien (SP), leder", "SP", "leder"),
        ("Kari Lien, nestleiar (KrF)", "KrF", "nestleiar"),
        ("Trond Skillingstad, informasjonssjef (referent)", "informasjonssjef (referent)", None),
    ],
)
def test_a_function_beside_the_party_is_the_role(text, affiliation, role):
    found, _ = full(f"** Til stede:\n{text}")
    assert found[0][1:] == (affiliation, "present", None, role)


def test_a_function_after_the_party_in_an_inline_list_nynorsk():
    found, att = full("Desse møtte: Ola Nes (Ap), ordførar, Kari Mo (Sp), Per Li (H)")
    assert found == [
        ("Ola Nes", "Ap", "present", None, "ordførar"),
        ("Kari Mo", "Sp", "present", None, None),
        ("Per Li", "H", "present", None, None),
    ]
    assert att.chair == "Ola Nes"  # the mayor, by function


def test_board_members_under_a_compound_label_and_the_cases_attended_are_no_affiliation():
    spec = """
    ** Til stede:
    Styremedlemmer: | Anne Dahl, styreleder
    >> Kari Moe
    Forfall: | Liv Haug
    Fra administrasjonen: | Ole Ruud, administrerende direktør
    >> Tone Sand, økonomidirektør (sak 45-2019)
    """
    found, _ = full(spec)
    assert found == [
        ("Anne Dahl", "styreleder", "present", None, None),
        ("Kari Moe", None, "present", None, None),
        ("Liv Haug", None, "absent", None, None),
        ("Ole Ruud", "administrerende direktør", "secretariat", None, None),
        ("Tone Sand", "økonomidirektør", "secretariat", None, None),
    ]


def test_a_marker_printed_between_the_name_and_the_organisation():
    found, att = full("Deltakere: | Kari Hansen (leder), Bodø kommune; Per Olsen (referent), Nordlandssykehuset")
    assert found == [
        ("Kari Hansen", "Bodø kommune (leder)", "present", None, None),
        ("Per Olsen", "Nordlandssykehuset (referent)", "present", None, None),
    ]
    assert (att.chair, att.minute_taker) == ("Kari Hansen", "Per Olsen")


def _table(rows: list[list[str]]) -> list[Line]:
    """A label over a ruled table whose empty cells are left out, as a PDF has no words there."""
    xs = [65, 306, 420, 500, 560]
    label = Line(page=1, top=50, bottom=61, cells=[Cell("Til stede:", 65, 120, True)], size=11.0, bold=True)
    return [label] + [
        Line(
            page=1,
            top=70 + 15 * k,
            bottom=81 + 15 * k,
            cells=[Cell(t, xs[i], xs[i] + 6 * len(t)) for i, t in enumerate(row) if t],
            size=11.0,
            table=True,
        )
        for k, row in enumerate(rows)
    ]


@pytest.mark.parametrize(
    "rows",
    [
        [
            ["Navn", "Parti", "Møtt", "Forfall", "Varamedlem"],
            ["Ola Nes", "Ap", "X"],
            ["Kari Mo", "Sp", "", "X", "Jon Bø"],
        ],
        [["Medlemmer", "Parti", "Møtt", "Vara"], ["Ola Nes", "Ap", "Ja", "Liv Os"], ["Kari Mo", "Sp", "Nei", "Jon Bø"]],
        [["Navn", "Parti", "Vara"], ["Ola Nes", "Ap"], ["Kari Mo", "Sp", "Jon Bø"]],
    ],
)
def test_a_substitutes_column_names_who_met_for_a_member_who_did_not(rows):
    found = find_attendance(_table(rows), 11.0)
    assert [(a.name, a.affiliation, a.status, a.substitute_for) for a in found.attendees] == [
        ("Ola Nes", "Ap", "present", None),  # marked present: "Liv Os" is only the deputy on the roster
        ("Kari Mo", "Sp", "absent", None),
        ("Jon Bø", "Sp", "present", "Kari Mo"),
    ]


@pytest.mark.parametrize(
    ("spec", "chair"),
    [
        ("Ordstyrer: Først skal vi diskutere vedtektene.", None),
        ("Ordstyrer:\ndet er en sak, så det må stemmes om.", None),
        ("Møteleder: | Kari Nordmann", "Kari Nordmann"),
        ("Ordstyrer: Bendik", "Bendik"),
    ],
)
def test_a_chair_label_takes_a_name_not_a_speech(spec, chair):
    _, att = full(spec)
    assert att.chair == chair


def test_a_row_left_blank_in_a_column_that_ticks_those_present_did_not_meet():
    spec = """
    ** Deltakere
    T: Navn | Representerer | Rolle | Til stede
    T: Kari Nordmann | Sykehuset Innlandet HF | Leder | X
    T: Ola Dahl | Gjøvik kommune | Medlem
    T: Siri Lie | Fastlegene | Medlem | Forfall
    """
    found, _ = full(spec)
    assert [(n, s) for n, _, s, *_ in found] == [
        ("Kari Nordmann", "present"),
        ("Ola Dahl", "absent"),
        ("Siri Lie", "absent"),
    ]
    # a column that ticks nobody (it notes only absences) says nothing of the blank rows
    found, _ = full(spec.replace("| X", ""))
    assert [(n, s) for n, _, s, *_ in found] == [
        ("Kari Nordmann", "present"),
        ("Ola Dahl", "present"),
        ("Siri Lie", "absent"),
    ]


def test_a_party_code_after_a_comma_is_no_first_name():
    found, _ = full("** Til stede:\nOla Dahl, Sp\nSiri Lie (SV), leiar")
    assert [(n, a) for n, a, *_ in found] == [("Ola Dahl", "Sp"), ("Siri Lie", "SV")]
    found, _ = full("Til stede: Karoline, Vanja, Linn M. og Silje")
    assert [n for n, *_ in found] == ["Karoline", "Vanja", "Linn M.", "Silje"]


def test_a_second_label_after_a_sentence_on_the_same_line_opens_its_own_list():
    spec = "Forfall: Siri Lie (SV). Vara: Anne Berg (SV).\nTil stede: Kari Nordmann, Per Hansen. Referent: Tor Vik."
    found, att = full(spec)
    assert [(n, a, s) for n, a, s, *_ in found] == [
        ("Siri Lie", "SV", "absent"),
        ("Anne Berg", "SV", "present"),
        ("Kari Nordmann", None, "present"),
        ("Per Hansen", None, "present"),
    ]
    assert att.minute_taker == "Tor Vik"


# The same list set tight, one person per line with no white space between them, and set in a
# label row's value column: each line is a person of its own, and a status label whose value
# opens with a group's label ("Dessuten møtte: Sekretariatet: …") opens a list of its own.
_OFFICE_LIST_EXPECTED = [
    ("Arne Dahl", "Bergvik kommune, leder", "present", "Byrådsleder"),
    ("Kari Nilsen", "Nedre Dal regionråd", "present", "Ordfører"),
    ("Svein Lund", "Nordland fylkeskommune (vara for Tor Moe)", "present", "Fylkesvaraordfører"),
    ("Tor Moe", None, "absent", None),
    ("Per Holm", "Elverådet", "present", "Ordfører"),
    ("Liv Strand", None, "secretariat", None),
    ("Grete Sund", None, "secretariat", None),
    ("Øyvind Lie", "Bergvik kommune", "guest", "byrådssekretær"),
    ("Dag Fjell", "Koordineringsgruppen", "guest", None),
    ("Kjersti Aas", "Koordineringsgruppen", "guest", None),
]


@pytest.mark.parametrize(
    "spec",
    [
        """
        Til stede: Byrådsleder Arne Dahl, Bergvik kommune, leder
        Ordfører Kari Nilsen, Nedre Dal regionråd
        Fylkesvaraordfører Svein Lund, Nordland fylkeskommune (vara for Tor Moe)
        Ordfører Per Holm, Elverådet
        Dessuten møtte: Sekretariatet: Liv Strand, Grete Sund
        Bergvik kommune: byrådssekretær Øyvind Lie
        Koordineringsgruppen: Dag Fjell, Kjersti Aas
        """,
        """
        Til stede: | Byrådsleder Arne Dahl, Bergvik kommune, leder
        >> Ordfører Kari Nilsen, Nedre Dal regionråd
        >> Fylkesvaraordfører Svein Lund, Nordland fylkeskommune (vara for Tor Moe)
        >> Ordfører Per Holm, Elverådet
        Dessuten møtte: | Sekretariatet: Liv Strand, Grete Sund
        >> Bergvik kommune: byrådssekretær Øyvind Lie
        >> Koordineringsgruppen: Dag Fjell, Kjersti Aas
        """,
    ],
    ids=["tight-lines", "value-column"],
)
def test_one_person_per_line_with_an_office_before_and_groups_in_a_label_value(spec):
    found, _ = full(spec)
    assert [(n, a, s, r) for n, a, s, _, r in found] == _OFFICE_LIST_EXPECTED


def test_a_wrapped_inline_list_still_runs_on_over_its_lines():
    spec = """
    Til stede: Konserndirektør Per Moe, konserndirektør Ola Dahl, konserndirektør Stein
    Aune, direktør Kari Holm
    """
    found, _ = people(spec)
    assert [n for n, _, _ in found] == ["Per Moe", "Ola Dahl", "Stein Aune", "Kari Holm"]


def test_a_label_value_ending_in_a_comma_runs_on_as_a_list():
    spec = """
    Deltakere på sak: Maria Eide (alderspsykiatrisk avdeling),
    Anne Kro (juridisk rådgiver i UNN)
    """
    found, _ = people(spec)
    assert found == [
        ("Maria Eide", "alderspsykiatrisk avdeling", "guest"),
        ("Anne Kro", "juridisk rådgiver i UNN", "guest"),
    ]


def test_groups_after_a_guest_label_with_names_on_its_line_are_guests():
    spec = """
    Til stede: Arne Dahl, Kari Nilsen
    Dessuten møtte: Liv Strand, Bergvik kommune
    Koordineringsgruppen: Dag Fjell, Kjersti Aas
    """
    found, _ = people(spec)
    assert [(n, s) for n, _, s in found] == [
        ("Arne Dahl", "present"),
        ("Kari Nilsen", "present"),
        ("Liv Strand", "guest"),
        ("Dag Fjell", "guest"),
        ("Kjersti Aas", "guest"),
    ]


def test_a_participant_table_under_a_long_heading_with_statuses_in_its_remark_column():
    spec = """
    ** Deltakere i Strategisk samarbeidsutvalg for Fjellregionen (SSU) Møte den 19.02.2021
    T: Navn | Stilling | Organisasjon | Merknad
    T: Kari Holm | Kommunalsjef | Bergvik
    T: Per Moe | Klinikksjef | STHF
    T: Anne Lie | Seniorrådgiver | KS Vestland | Observatør
    T: Liv Berg | Samhandlingskoordinator | STHF | Sekretariat
    T: Tor Vik | Kommunalsjef | Dalby | Forfall
    """
    found, _ = full(spec)
    assert [(n, a, s, r) for n, a, s, _, r in found] == [
        ("Kari Holm", "Bergvik", "present", "Kommunalsjef"),
        ("Per Moe", "STHF", "present", "Klinikksjef"),
        ("Anne Lie", "KS Vestland", "observer", "Seniorrådgiver"),
        ("Liv Berg", "STHF", "secretariat", "Samhandlingskoordinator"),
        ("Tor Vik", "Dalby", "absent", "Kommunalsjef"),
    ]


def test_a_table_with_a_name_column_alone_is_no_attendance_list_without_a_label():
    spec = """
    ** Kandidater
    T: Navn | Merknad
    T: Kari Holm | Ny
    """
    found, _ = full(spec)
    assert found == []


def test_a_function_column_printed_before_the_name_column():
    spec = """
    ** Møtende:
    T: Funksjon | Navn | Forfall | Møtt for
    T: Leder | Odd Andreassen, Ap
    T: Nestleder | Ragnar Svendsen, H
    T: Medlem | Ann Stokmo, Ap | X
    T: Varamedlem | Arnt Nilsen, Ap | Ann Stokmo
    """
    rows = lines(spec)
    last = rows[-1].cells[-1]  # the member met for, under "Møtt for", with "Forfall" left blank
    rows[-1].cells[-1] = Cell(last.text, 500.0, 500.0 + 6 * len(last.text), last.bold)
    found = [(a.name, a.affiliation, a.status, a.substitute_for, a.role) for a in find_attendance(rows, 11.0).attendees]
    assert [(n, a, s, sub, r) for n, a, s, sub, r in found] == [
        ("Odd Andreassen", "Ap", "present", None, "Leder"),
        ("Ragnar Svendsen", "H", "present", None, "Nestleder"),
        ("Ann Stokmo", "Ap", "absent", None, "Medlem"),
        ("Arnt Nilsen", "Ap", "present", "Ann Stokmo", "Varamedlem"),
    ]


@pytest.mark.parametrize(
    ("text", "chair", "minute_taker"),
    [
        ("Møteleder/ordstyrer: Ola Dahl", "Ola Dahl", None),
        ("Sekretariat/referent: Kari Holm", None, "Kari Holm"),
        ("Referent og sekretær: Kari Holm", None, "Kari Holm"),
        ("Ført i pennen av: Kari Holm", None, "Kari Holm"),
    ],
)
def test_role_labels_joined_by_a_slash_or_og(text, chair, minute_taker):
    _, att = people(text)
    assert (att.chair, att.minute_taker) == (chair, minute_taker)


@pytest.mark.parametrize(
    ("text", "chair", "minute_taker"),
    [
        ("Referent var Kari Holm.", None, "Kari Holm"),
        ("Sekretær var Kari Holm, rådgiver.", None, "Kari Holm"),
        ("Kari Holm førte referatet.", None, "Kari Holm"),
        ("Protokollen vart ført i pennen av Kari Holm.", None, "Kari Holm"),
        ("Møtet ble ledet av ordfører Ola Dahl.", "Ola Dahl", None),
    ],
)
def test_role_sentences(text, chair, minute_taker):
    from extract.segment.attendees import roles_from_sentences

    assert roles_from_sentences(text) == (chair, minute_taker)


def test_a_function_column_without_a_party_or_organisation_is_what_stands_beside_the_name():
    """ "Navn | Funksjon" alone: the function is the affiliation too, as a job title under
    "Stilling" is and as a function printed beside the name without a header row is."""
    spec = """
    ** Tilstede:
    T: Navn | Funksjon
    T: Ola Dahl | styreleder
    T: Nils Moe | styremedlem
    """
    found, _ = full(spec)
    assert found == [
        ("Ola Dahl", "styreleder", "present", None, "styreleder"),
        ("Nils Moe", "styremedlem", "present", None, "styremedlem"),
    ]


def test_rows_without_a_header_with_function_and_party_in_cells_of_their_own():
    """ "Ola Dahl | Leder | H": read as a header "Navn | Funksjon | Parti" would have it, the party
    the affiliation and the function the role; "for Anne Vik" in the function's place is whom a
    substitute met for."""
    spec = """
    ** Møtende medlemmer:
    Ola Dahl | Leder | H
    Kari Berg | Medlem | AP
    ** Møtende varamedlemmer:
    Per Lie | for Anne Vik | FrP
    """
    found, att = full(spec)
    assert found == [
        ("Ola Dahl", "H", "present", None, "Leder"),
        ("Kari Berg", "AP", "present", None, "Medlem"),
        ("Per Lie", "FrP", "present", "Anne Vik", None),
        ("Anne Vik", None, "absent", None, None),
    ]
    assert att.chair == "Ola Dahl"
    # an organisation's letters stay with the office, as printed
    found, _ = full("** Til stede:\nKari Berg | Seksjonsleder | UNN")
    assert found == [("Kari Berg", "Seksjonsleder, UNN", "present", None, None)]


def test_a_substitutes_note_after_the_organisation_or_alone_in_brackets():
    """The member met for, named after the substitute's organisation, in a bracket of its own or
    after a comma: the note says who was met for (kept with the affiliation, as printed), and
    names no one present."""
    spec = """
    ** Til stede:
    Kari Berg (varamedlem for Anne Vik)
    Per Lie, Pensjonistforbundet (vara for Nils Moe)
    Eva Strand, Vestby kommune, varamedlem for Jon Dal
    """
    found, _ = full(spec)
    assert found == [
        ("Kari Berg", "varamedlem for Anne Vik", "present", "Anne Vik", None),
        ("Anne Vik", None, "absent", None, None),
        ("Per Lie", "Pensjonistforbundet (vara for Nils Moe)", "present", "Nils Moe", None),
        ("Nils Moe", None, "absent", None, None),
        ("Eva Strand", "Vestby kommune, varamedlem for Jon Dal", "present", "Jon Dal", None),
        ("Jon Dal", None, "absent", None, None),
    ]


def test_a_substitute_named_in_brackets_with_the_member_and_organisation():
    spec = """
    Deltakere: Jacob Almlid (Verran kommune), Marit Myrhaug (for Jon Hollekim, Inderøy kommune),
    Trond Waldal (for Erling Bergh)
    """
    found, _ = full(spec)
    assert [(n, a, s, sub) for n, a, s, sub, _ in found] == [
        ("Jacob Almlid", "Verran kommune", "present", None),
        ("Marit Myrhaug", "Inderøy kommune", "present", "Jon Hollekim"),
        ("Jon Hollekim", None, "absent", None),
        ("Trond Waldal", None, "present", "Erling Bergh"),
        ("Erling Bergh", None, "absent", None),
    ]


def test_an_empty_line_under_an_inline_list_does_not_break_the_reader():
    rows = lines("Til stede: Ida Haug (UNN), Ola Hansen\nKari Berg (UiT)")
    rows.insert(1, Line(page=1, top=rows[0].bottom + 1, bottom=rows[0].bottom + 2, cells=[Cell("", 65, 300)]))
    rows.insert(2, Line(page=1, top=rows[0].bottom + 3, bottom=rows[0].bottom + 4, cells=[Cell("", 65, 300)]))
    found, _ = people_of(rows)
    assert [n for n, _, _ in found] == ["Ida Haug", "Ola Hansen", "Kari Berg"]


def people_of(rows: list[Line]):
    found = find_attendance(rows, 11.0)
    return [(a.name, a.affiliation, a.status) for a in found.attendees], found


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("Fra administrasjonen", "secretariat"),
        ("Frå administrasjonen møtte", "secretariat"),
        ("Dessuten møtte", "guest"),
    ],
)
def test_a_status_heading_without_colon_inside_a_list(heading, status):
    """ "Fra administrasjonen" set as a line of its own in plain type opens a group of its own;
    before, it ran on into the affiliation of the person above."""
    spec = f"""
    ** Til stede:
    Kari Hansen, leder (Ap)
    Ola Nordmann (H)
    {heading}
    Per Olsen, rådmann
    ** Forfall:
    Anne Lie (Sp)
    """
    found, _ = people_of(lines(spec))
    assert found == [
        ("Kari Hansen", "Ap", "present"),
        ("Ola Nordmann", "H", "present"),
        ("Per Olsen", "rådmann", status),
        ("Anne Lie", "Sp", "absent"),
    ]


def test_an_office_on_the_line_under_a_name_is_no_heading():
    found, _ = people_of(lines("** Til stede:\nKari Hansen\nRådmann\nOla Nordmann\nSekretær"))
    assert [s for _, _, s in found] == ["present", "present"]


def test_a_name_alone_on_its_line_and_its_office_or_organisation_under_it():
    """Two lines to a person in a narrow column: the line under a full name is its organisation or
    office, not more of the name; a name whose last word is a given name wraps on."""
    spec = """
    ** Til stede:
    Kari Hansen
    Helse Nord RHF
    Ola Nordmann
    Rådmann
    Lise Berg
    leder
    Anne Grete
    Solberg
    ** Forfall:
    Per Olsen
    Tromsø kommune
    """
    found, _ = people_of(lines(spec))
    assert found == [
        ("Kari Hansen", "Helse Nord RHF", "present"),
        ("Ola Nordmann", "Rådmann", "present"),
        ("Lise Berg", "leder", "present"),
        ("Anne Grete Solberg", None, "present"),
        ("Per Olsen", "Tromsø kommune", "absent"),
    ]


def test_a_bracket_under_a_name_is_its_note():
    found = find_attendance(lines("** Til stede:\nPer Olsen\n(vara for Kari Li)\nOla Nordmann"), 11.0).attendees
    assert [(a.name, a.status, a.substitute_for) for a in found] == [
        ("Per Olsen", "present", "Kari Li"),
        ("Kari Li", "absent", None),
        ("Ola Nordmann", "present", None),
    ]
    assert found[0].affiliation == "vara for Kari Li"


def test_a_surname_that_is_also_a_given_name_over_its_organisation():
    found, _ = people_of(lines("** Til stede:\nLise Berg\nHelse Nord RHF\nOla Solberg\nRådmann"))
    assert found == [("Lise Berg", "Helse Nord RHF", "present"), ("Ola Solberg", "Rådmann", "present")]


def test_a_stray_dash_or_bar_after_a_name_in_a_table_cell_is_left_out():
    # what a scan's table border leaves behind when it is not erased to the last pixel
    spec = """
    ** Oppmøte
    T: Navn | Parti | Funksjon | Møter | Merknad
    T: Bjørn Iversen | DNA | Ordfører | Ja |
    T: Tor-Petter Abelsen — | KRF | Medlem | Nei | Ove Morten Haugan møtte som vara
    T: Marit Voll | SP | Medlem | Ja |
    """
    found, _ = people(spec)
    assert found == [
        ("Bjørn Iversen", "DNA", "present"),
        ("Tor-Petter Abelsen", "KRF", "absent"),
        ("Ove Morten Haugan", None, "present"),
        ("Marit Voll", "SP", "present"),
    ]


def test_given_names_alone_over_a_line_opening_with_a_surname_are_one_name():
    spec = """
    ** Til stede:
    Kari Nilsen
    Anne Grete
    Solberg Hansen
    Per Olsen
    Tor Erik
    Berg Olsen
    ** Forfall:
    Ola Berg
    """
    found, _ = people(spec)
    assert found == [
        ("Kari Nilsen", None, "present"),
        ("Anne Grete Solberg Hansen", None, "present"),
        ("Per Olsen", None, "present"),
        ("Tor Erik Berg Olsen", None, "present"),
        ("Ola Berg", None, "absent"),
    ]


def test_a_list_of_given_names_alone_stays_one_person_a_line():
    spec = """
    ** Til stede:
    Anne Grete
    Per Olsen
    Kari Nilsen
    """
    found, _ = people(spec)
    assert [n for n, *_ in found] == ["Anne Grete", "Per Olsen", "Kari Nilsen"]


def test_a_party_in_brackets_before_an_organisation_loses_its_brackets():
    spec = """
    ** Til stede:
    Kari Hansen (Ap), Tromsø kommune
    Per Olsen (KrF), Bodø kommune
    Ida Haug (leder), Bodø kommune
    """
    found, _ = people(spec)
    assert [(n, a) for n, a, _ in found] == [
        ("Kari Hansen", "Ap, Tromsø kommune"),
        ("Per Olsen", "KrF, Bodø kommune"),
        ("Ida Haug", "Bodø kommune (leder)"),
    ]


def test_bullets_that_tesseract_reads_as_plus_signs_open_items_as_bullets_do():
    """A scan's "•" comes back as "*", "«", "»" or "+"; each opens an item, and the "(referent)"
    on the line under one stays with its person."""
    found, result = people(
        """
** Sekretariat:
+ Kari Nordmann, overlege Avdeling for samhandling UNN
(referent)
** Forfall:
+ Per Olsen, kommunelege Lenvik kommune
* Ola Hansen, overlege Nordlandssykehuset
» Tone Lie, LIS, UNN
"""
    )
    assert [(name, status) for name, _, status in found] == [
        ("Kari Nordmann", "secretariat"),
        ("Per Olsen", "absent"),
        ("Ola Hansen", "absent"),
        ("Tone Lie", "absent"),
    ]
    assert found[1][1] == "kommunelege Lenvik kommune"
    assert result.minute_taker == "Kari Nordmann"


def test_an_item_whose_bullet_the_scan_lost_is_read_as_the_items_above_it():
    """In a bulleted list, a line under a short item that opens with a person is that person's
    item, read as the bulleted ones are ("Name, office, organisation"), not as a comma list."""
    found, _ = people(
        """
** Tilstede på sak:
* Kine Raae Østvik, fastlege Narvik, Sak 05/2023
Marit Herder, overlege Røntgenavdelingen UNN, Sak 05/2023
"""
    )
    assert found == [
        ("Kine Raae Østvik", "fastlege Narvik, Sak 05/2023", "guest"),
        ("Marit Herder", "overlege Røntgenavdelingen UNN, Sak 05/2023", "guest"),
    ]


def test_an_item_whose_bullet_the_scan_lost_is_read_even_where_the_items_are_spaced():
    """Items set with white space between them: the line without a bullet, as far below as the
    items are from each other and at their text's indent, is an item; a paragraph after the
    list, further down or at the margin, is not."""

    def line(top: float, x0: float, text: str, gap: float | None) -> Line:
        return Line(page=1, top=top, bottom=top + 11, cells=[Cell(text, x0, x0 + 5 * len(text))], gap_before=gap)

    rows = [
        Line(page=1, top=100, bottom=111, cells=[Cell("Tilstede på sak:", 65, 150, True)], bold=True),
        line(124.5, 82, "• Kine Raae Østvik, fastlege Narvik, Sak 05/2023", 13.5),
        line(149, 90, "Marit Herder, overlege Røntgenavdelingen UNN, Sak 05/2023", 13.5),
        line(173.5, 90, "Per Olsen, overlege Barneavdelingen UNN, Sak 06/2023", 13.5),
        line(214.5, 65, "Kari Hansen orienterte om saken.", 30.0),
    ]
    found = find_attendance(rows, 11.0, None)
    assert [(a.name, a.affiliation, a.status) for a in found.attendees] == [
        ("Kine Raae Østvik", "fastlege Narvik, Sak 05/2023", "guest"),
        ("Marit Herder", "overlege Røntgenavdelingen UNN, Sak 05/2023", "guest"),
        ("Per Olsen", "overlege Barneavdelingen UNN, Sak 06/2023", "guest"),
    ]


def test_a_rule_right_under_a_status_label_is_its_tables_top_border_not_the_lists_end():
    """A table drawn with horizontal rules alone (or whose vertical borders a scan lost) gives
    a rule, the rows, a rule: the first rule under a label that has listed no one yet opens the
    label's list rather than ending it; a rule after its rows ends it."""
    found, _ = people(
        """
** Deltakere på sak:
T: Amund Kvisterø | Vernepleier, Psykose og rusenheten
** Øvrige observatører:
---
Glenn-Helge Hattmann | Samhandlingssjef UNN
---
Ola Nordmann | Rådgiver
"""
    )
    assert found == [
        ("Amund Kvisterø", "Vernepleier, Psykose og rusenheten", "guest"),
        ("Glenn-Helge Hattmann", "Samhandlingssjef UNN", "observer"),
    ]


def test_rows_without_a_header_with_the_function_first():
    """ "Styreleder | Kari Berg": the office in its own cell before the name reads as it does
    printed before the name on one line ("Styreleder Kari Berg"); a party after them is the
    affiliation."""
    spec = """
    ** Til stede:
    Styreleder | Kari Berg
    Nestleder | Ola Nordmann
    ** Forfall:
    Styremedlem | Siri Lund
    ** Fra administrasjonen:
    Administrerende direktør | Tor Bakke
    """
    found, _ = full(spec)
    assert found == [
        ("Kari Berg", "Styreleder", "present", None, "Styreleder"),
        ("Ola Nordmann", "Nestleder", "present", None, "Nestleder"),
        ("Siri Lund", "Styremedlem", "absent", None, "Styremedlem"),
        ("Tor Bakke", "Administrerende direktør", "secretariat", None, "Administrerende direktør"),
    ]
    found, att = full("** Til stede:\nOrdfører | Ola Nordmann | H\nMedlem | Kari Berg | SP")
    assert found == [("Ola Nordmann", "H", "present", None, "Ordfører"), ("Kari Berg", "SP", "present", None, "Medlem")]
    assert att.chair == "Ola Nordmann"
    # a name in the first cell keeps its row as it was
    found, _ = full("** Til stede:\nKari Berg | Leder | Tromsø kommune")
    assert found == [("Kari Berg", "Leder, Tromsø kommune", "present", None, None)]


def test_a_note_of_coming_or_leaving_in_brackets_is_not_an_affiliation():
    """ "(forlot møtet etter sak 34/09)", "(fra kl 17)": when a person came or left, beside or
    after their organisation in brackets of its own."""
    found, _ = people(
        "Til stede: | Kari Berg (Helse Nord HF) (forlot møtet etter sak 34/09), Ola Nordmann (fra kl 17), "
        "Siri Lund (til og med sak 12/23) (Tromsø kommune), Per Hansen (SP) (vara)"
    )
    assert found == [
        ("Kari Berg", "Helse Nord HF", "present"),
        ("Ola Nordmann", None, "present"),
        ("Siri Lund", "Tromsø kommune", "present"),
        ("Per Hansen", "SP, vara", "present"),
    ]


def test_a_group_from_an_organisation_is_named_by_the_organisation():
    """ "Fra UNN: | A, B" within a list: the people come from UNN, which is their affiliation;
    after an absence row with its own names, a "Fra …:" row lists people who came (as those after
    the administration do), while under an absence label alone it groups the absent."""
    spec = """
    Til stede:
    Fra kommunene: | Kari Berg, Ola Nordmann
    Frå UNN: | Siri Lund
    Forfall: | Tor Bakke (Karlsøy)
    Fra prosjektledelsen: | Eva Strand (Invest), Nina Dahl
    """
    found, _ = people(spec)
    assert found == [
        ("Kari Berg", "kommunene", "present"),
        ("Ola Nordmann", "kommunene", "present"),
        ("Siri Lund", "UNN", "present"),
        ("Tor Bakke", "Karlsøy", "absent"),
        ("Eva Strand", "Invest", "guest"),
        ("Nina Dahl", "prosjektledelsen", "guest"),
    ]
    found, _ = people("Forfall:\nFra kommunene: | Kari Berg, Ola Nordmann\nFra UNN: | Siri Lund")
    assert found == [
        ("Kari Berg", "kommunene", "absent"),
        ("Ola Nordmann", "kommunene", "absent"),
        ("Siri Lund", "UNN", "absent"),
    ]


def test_the_office_after_a_dash_behind_the_party():
    """ "Kari Berg (Ap) - leder": the party in brackets, then the office after a dash; the
    leader present chairs."""
    spec = """
    ** Tilstede
    Kari Berg (Ap) - leder
    Ola Dahl (H) – nestleder
    Per Lie (Sp)
    ** Forfall
    Anne Moe (FrP)
    """
    found = find_attendance(lines(spec), 11.0)
    assert [(a.name, a.status, a.affiliation, a.role) for a in found.attendees] == [
        ("Kari Berg", "present", "Ap", "leder"),
        ("Ola Dahl", "present", "H", "nestleder"),
        ("Per Lie", "present", "Sp", None),
        ("Anne Moe", "absent", "FrP", None),
    ]
    assert found.chair == "Kari Berg"


def test_status_words_alone_in_plain_type_head_their_lists():
    """ "Tilstede" and "Forfall" alone on their lines, in plain type and without a colon, head the
    names under them, as they do when set in bold."""
    spec = """
    Tilstede
    Kari Berg (Ap) - leder
    Per Lie (Sp)
    Forfall
    Anne Moe (FrP)
    """
    found = find_attendance(lines(spec), 11.0)
    assert [(a.name, a.status, a.affiliation) for a in found.attendees] == [
        ("Kari Berg", "present", "Ap"),
        ("Per Lie", "present", "Sp"),
        ("Anne Moe", "absent", "FrP"),
    ]


def test_a_name_in_a_size_above_the_body_text_is_no_label():
    """Where the body text is set smaller than the list, a name alone on its line still reads as
    a name, not as a label heading a group."""
    spec = """
    ** Medlemmer
    Jesper Mathiesen (A) | Ole Bjerregaard (V)
    Niels Viderø (A)
    ** Fraværende
    """
    found = find_attendance(lines(spec), 10.1)
    assert [(a.name, a.affiliation) for a in found.attendees] == [
        ("Jesper Mathiesen", "A"),
        ("Ole Bjerregaard", "V"),
        ("Niels Viderø", "A"),
    ]


def test_a_role_word_alone_in_plain_type_set_apart_labels_the_name_under_it():
    """ "Sekretær" alone in plain type after white space heads the name under it; set tight
    under a name it is that person's office."""
    spec = """
    Tilstede
    Kari Berg (Ap)
    Per Lie (Sp)

    Sekretær
    Eva Nes
    """
    found = find_attendance(lines(spec), 11.0)
    assert [a.name for a in found.attendees] == ["Kari Berg", "Per Lie"]
    assert found.minute_taker == "Eva Nes"
