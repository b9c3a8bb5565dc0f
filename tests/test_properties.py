"""The segmenters on arbitrary text: no exception, no case without a proper number."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.layout.quality import is_garbage
from extract.segment.documents import segment
from models.layout import Cell, Line, Page

GENRE = st.sampled_from([
    "Sak 12/24 Budsjett", "Vedtak:", "Forslag til vedtak:", "Til stede: Ida Haug (UNN), Ola Hansen",
    "Forfall:", "• Kari Nordmann, Tromsø", "Referat møte 1-2024", "Tid: 12.03.2024 kl. 10-12", "12/2024 Tittel",
    "Sak: | 13/24", "Tittel: | Noe", "---", "Saksliste", "1. Første punkt", "", "Innstilling:",
])  # fmt: skip
LINE = st.one_of(GENRE, st.text(max_size=80))


@st.composite
def pages(draw):
    result = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        lines = []
        top = 40.0
        for text in draw(st.lists(LINE, max_size=25)):
            size = draw(st.sampled_from([9.0, 11.0, 13.0, 16.0]))
            cells = [Cell(part, 65 + 240 * i, 300 + 240 * i) for i, part in enumerate(text.split(" | "))]
            lines.append(
                Line(
                    page=number,
                    top=top,
                    bottom=top + size,
                    cells=cells,
                    size=size,
                    bold=draw(st.booleans()),
                    gap_before=draw(st.sampled_from([None, 3.5, 14.0])),
                    rule=text == "---",
                )
            )
            top += size + 4
        result.append(Page(number=number, width=595, height=842, lines=lines))
    return result


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_segmentation_never_fails_and_every_case_has_a_number(doc_pages):
    for doc in segment(doc_pages):
        assert doc.kind in ("agenda", "minutes", "case_document", "other")
        for case in doc.cases:
            assert re.fullmatch(r"\d{2,3}/\d{4}", case.number)
            assert isinstance(case.title, str)
            assert all(isinstance(p, str) and p for p in case.proposed_decisions)


@given(st.text())
def test_the_garbage_check_accepts_any_text(text):
    assert is_garbage(text) in (True, False)


# --- people: a roster printed in the genre's variants is recovered exactly -------------------------

GIVEN = ["Kari", "Ola", "Per", "Lars", "Ingrid", "Guri", "Ulf", "Siv", "Terje", "Marit", "Bjørn", "Åse"]
SECOND = ["Arne", "Erik", "Helge", "Lise", "Marie", "Kristin"]
MIDDLE = ["Olav", "Moen", "Johanne", "Berg", "Sofie", "Andreas"]
SURNAME = ["Hansen", "Nordmann", "Bergstrøm", "Dahl", "Lajord", "Østvik", "Haug", "Aasen", "Grønvoll", "Lie"]
BODIES = ["FSU barn og unge", "Fastlegerådet", "Formannskapet", "Styret i Helse Nord RHF"]
AFFILIATIONS = [None, "Tromsø kommune", "UNN", "fastlege Bodø", "brukerrepr.", "AP"]


@st.composite
def rosters(draw):
    """People whose first given name and surname together tell them apart (as a shared full name
    is one person by the archive's rule): some share a surname, some a given name."""
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(GIVEN), st.sampled_from(SURNAME)), min_size=2, max_size=8, unique=True)
    )
    roster = []
    for given_name, surname in pairs:
        second = draw(st.one_of(st.none(), st.sampled_from(SECOND)))
        middle = draw(st.one_of(st.none(), st.sampled_from(MIDDLE)))
        roster.append((given_name, second, middle, surname))
    return roster


def variant(draw, person) -> str:
    """One printing of a person's name: middle name whole, as an initial or left out; the second
    part of a hyphenated given name whole or as an initial ("Lars-Erik Dahl", "Lars E. Dahl"), or
    left out; capitals; no accents."""
    given_name, second, middle, surname = person
    parts = [given_name]
    if second:
        # the second given name is dropped only where no middle name could take its place
        form = draw(st.sampled_from(["hyphen", "initial"] if middle else ["hyphen", "initial", "drop"]))
        parts = (
            [f"{given_name}-{second}"]
            if form == "hyphen"
            else [given_name, f"{second[0]}."]
            if form == "initial"
            else parts
        )
    if middle:
        form = draw(st.sampled_from(["whole", "initial", "drop"]))
        parts += [middle] if form == "whole" else [f"{middle[0]}."] if form == "initial" else []
    name = " ".join([*parts, surname])
    case = draw(st.sampled_from(["as is", "upper", "plain"]))
    if case == "upper":
        name = name.upper()
    elif case == "plain":
        name = name.translate(str.maketrans("æøåÆØÅ", "aoaAOA"))
    return name


@st.composite
def printed_meetings(draw):
    from extract.names.registry import Occurrence

    roster = draw(rosters())
    occurrences, who = [], []
    for m in range(draw(st.integers(2, 5))):
        body = draw(st.sampled_from(BODIES))
        present = draw(st.lists(st.integers(0, len(roster) - 1), min_size=1, max_size=len(roster), unique=True))
        for k in present:
            occurrences.append(
                Occurrence(
                    name=variant(draw, roster[k]),
                    document=f"d{m}",
                    body=body,
                    date=f"2024-0{m + 1}-10",
                    affiliation=draw(st.sampled_from(AFFILIATIONS)),
                )
            )
            who.append(k)
    return roster, occurrences, who


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printed_meetings())
def test_the_registry_recovers_a_generated_roster_exactly(case):
    from extract.names.registry import resolve

    _roster, occurrences, who = case
    res = resolve(occurrences)
    ids: dict[int, set[str | None]] = {}
    for k, person in zip(who, res.person_of, strict=True):
        ids.setdefault(k, set()).add(person)
    # one person, one id; two people (even sharing a surname or a given name), two ids
    assert all(len(found) == 1 and None not in found for found in ids.values()), ids
    assert len({next(iter(found)) for found in ids.values()}) == len(ids), ids


ROLE_SENTENCE_PIECES = st.sampled_from([
    "Møtet ble ledet av", "møtet vart leia av", "MØTET BLEI LEDA AV", "Møteleder var", "møteleiar var",
    "ledet møtet", "leidde møtet.", "Referatet ble skrevet av", "protokollen vart førd i pennen av",
    "Referent var", "møtesekretær var", "Protokollførar var", "førte referatet", "skreiv protokollen",
    "Kari Holm", "Ordfører Ola Nes", ".", ". ", "\n", ", ", "(", ")", "ble", "av", "møtet",
])  # fmt: skip


@given(st.lists(st.one_of(ROLE_SENTENCE_PIECES, st.text(max_size=12)), max_size=14).map(" ".join))
@settings(max_examples=400, deadline=None)
def test_the_cheap_key_of_a_role_sentence_is_found_wherever_the_sentence_is(text):
    """The chair and minute-taker sentences are searched only in texts holding their key phrase:
    each form's key must be in every text the form matches; and the first form found is what
    one pattern of all the forms as alternatives finds."""
    from extract.segment.attendees import first_sentence
    from extract.segment.vocabulary import CHAIR_SENTENCES, MINUTE_TAKER_SENTENCES

    for forms in (CHAIR_SENTENCES, MINUTE_TAKER_SENTENCES):
        for key, pattern in forms:
            if pattern.search(text):
                assert key.search(text), text
        one = re.compile(
            "|".join(p.pattern.replace("(?P<name>", f"(?P<name{i}>") for i, (_, p) in enumerate(forms)),
            re.IGNORECASE,
        )
        whole, found = one.search(text), first_sentence(forms, text)
        assert (found and (found.start(), found.group("name"))) == (
            whole and (whole.start(), next(g for g in whole.groups() if g is not None))
        ), text


STATUS_PIECES = st.sampled_from([
    "Protokollen", "referatet", "møtebok", "er", "ble", "godkjent", "godkjend", "godkjennes", "signert",
    "underskrevet", "underskriven", "Godkjent protokoll", "elektronisk", "av", "på", "via", ":", "signeres av:",
    "Underskrives av", "Utkast", "foreløpig", "\n",
])  # fmt: skip


@given(st.lists(st.one_of(STATUS_PIECES, st.text(max_size=8)), max_size=10).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_a_line_without_an_approval_word_can_say_neither_approved_nor_who_signs(text):
    """document_status passes over a line without "godkj", "signer" or "underskr": neither
    approval nor a list of signatories may match there."""
    from extract.segment.status import _APPROVAL_WORD, APPROVED, SIGNATORIES

    if APPROVED.search(text) or SIGNATORIES.search(text):
        assert _APPROVAL_WORD.search(text), text
