"""Votes and how each case ended: every printed form, bokmål and nynorsk, and the count check."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.segment.status import document_status
from extract.segment.votes import find_votes, is_vote_sentence, outcome
from tests.helpers import lines


def votes(spec: str) -> list[dict]:
    found = find_votes(lines(spec))
    return [
        {
            k: v
            for k, v in {
                "on": x.on,
                "result": x.result,
                "unanimous": x.unanimous,
                "for": x.votes_for,
                "against": x.against,
                "blank": x.blank,
                "parties_for": x.parties_for,
                "parties_against": x.parties_against,
                "names_for": x.names_for,
                "names_against": x.names_against,
                "alternative": x.alternative,
                "check": x.vote_check,
            }.items()
            if v not in (None, [])
        }
        for x in found
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Enstemmig vedtatt.", {"result": "adopted", "unanimous": True}),
        ("Innstillingen ble enstemmig vedtatt.", {"on": "Innstillingen", "result": "adopted", "unanimous": True}),
        ("Vedtatt med 25 mot 10 stemmer.", {"result": "adopted", "unanimous": False, "for": 25, "against": 10}),
        (
            "Forslaget fra H falt med 7 mot 28 stemmer (H, FrP).",
            {"on": "Forslaget fra H", "result": "rejected", "unanimous": False, "for": 7, "against": 28,
             "parties_for": ["H", "FrP"]},
        ),
        (
            "Innstillingen ble vedtatt mot 2 stemmer (SV).",
            {"on": "Innstillingen", "result": "adopted", "unanimous": False, "against": 2, "parties_against": ["SV"]},
        ),
        (
            "Ved votering ble ordførers forslag enstemmig vedtatt.",
            {"on": "ordførers forslag", "result": "adopted", "unanimous": True},
        ),
        ("Vedtaket var samrøystes.", {"result": "adopted", "unanimous": True}),
        ("Samrøystes vedteke.", {"result": "adopted", "unanimous": True}),
        ("Vedteke med 12 mot 5 røyster.", {"result": "adopted", "unanimous": False, "for": 12, "against": 5}),
        (
            "Røysting: Tilrådinga vart vedteken med 9 mot 2 røyster, 1 blank.",
            {"on": "Tilrådinga", "result": "adopted", "unanimous": False, "for": 9, "against": 2, "blank": 1},
        ),
        (
            "Framlegget frå Sp fall med 3 mot 14 røyster (Sp).",
            {"on": "Framlegget frå Sp", "result": "rejected", "unanimous": False, "for": 3, "against": 14,
             "parties_for": ["Sp"]},
        ),
        # the votes a motion got, then how it ended; the counts with the word between them
        (
            "Forslaget fra Kari Dale fikk 3 stemmer og falt.",
            {"on": "Forslaget fra Kari Dale", "result": "rejected", "for": 3},
        ),
        (
            "Framlegget frå Nils Berg fekk 1 røyst og fall.",
            {"on": "Framlegget frå Nils Berg", "result": "rejected", "for": 1},
        ),
        (
            "Forslaget fra Ap fikk 12 stemmer og ble vedtatt.",
            {"on": "Forslaget fra Ap", "result": "adopted", "for": 12},
        ),
        (
            "Tilrådinga vart vedteken med 5 røyster mot 2.",
            {"on": "Tilrådinga", "result": "adopted", "unanimous": False, "for": 5, "against": 2},
        ),
        (
            "Innstillingen ble vedtatt med 20 stemmer mot 15.",
            {"on": "Innstillingen", "result": "adopted", "unanimous": False, "for": 20, "against": 15},
        ),
        # a vote label over the bare word for all in favour
        ("Røysting: Samrøystes.", {"result": "adopted", "unanimous": True}),
        ("Votering:\nEnstemmig", {"result": "adopted", "unanimous": True}),
        # the count in words; the subject without "ble"; the decision "fattet"
        ("Vedtatt mot to stemmer.", {"result": "adopted", "unanimous": False, "against": 2}),
        ("Vedteke mot ei røyst.", {"result": "adopted", "unanimous": False, "against": 1}),
        (
            "Innstillingen vedtatt mot 2 stemmer (Sp).",
            {"on": "Innstillingen", "result": "adopted", "unanimous": False, "against": 2, "parties_against": ["Sp"]},
        ),
        ("Vedtaket ble fattet mot én stemme.", {"result": "adopted", "unanimous": False, "against": 1}),
        ("Vedtaket vart fatta samrøystes.", {"result": "adopted", "unanimous": True}),
        ("Styret fattet enstemmig følgende vedtak:", {"result": "adopted", "unanimous": True}),
        ("Styret fattet følgende enstemmige vedtak", {"result": "adopted", "unanimous": True}),
        ("Formannskapet gjorde samrøystes slikt vedtak:", {"result": "adopted", "unanimous": True}),
        # "as recommended", all in favour
        ("Enstemmig som innstillingen.", {"result": "adopted", "unanimous": True}),
        ("Samrøystes som tilrådd.", {"result": "adopted", "unanimous": True}),
        ("Vedtatt som innstillingen, enstemmig.", {"result": "adopted", "unanimous": True}),
        # counts under a vote label, the result from the words after them or the majority
        ("Votering: For 10, mot 3.", {"result": "adopted", "unanimous": False, "for": 10, "against": 3}),
        (
            "Votering:\nFor: 10\nMot: 3\nBlank: 1\nForslaget falt.",
            {"result": "rejected", "unanimous": False, "for": 10, "against": 3, "blank": 1},
        ),
        ("Røysting: 4 for, 7 mot.", {"result": "rejected", "unanimous": False, "for": 4, "against": 7}),
        ("Votering: 9 stemte for, 2 stemte mot.", {"result": "adopted", "unanimous": False, "for": 9, "against": 2}),
        # each side's parties after its count
        (
            "Innstillingen ble vedtatt med 13 (Ap, Sp, SV) mot 4 (H, FrP) stemmer.",
            {"on": "Innstillingen", "result": "adopted", "unanimous": False, "for": 13, "against": 4,
             "parties_for": ["Ap", "Sp", "SV"], "parties_against": ["H", "FrP"]},
        ),
        (
            "Forslaget fra H falt med 4 (H, FrP) mot 13 (Ap, Sp, SV) stemmer.",
            {"on": "Forslaget fra H", "result": "rejected", "unanimous": False, "for": 4, "against": 13,
             "parties_for": ["H", "FrP"], "parties_against": ["Ap", "Sp", "SV"]},
        ),
        # the counts joined by a dash, without "med"
        (
            "Votering: Innstillingen vedtatt 9-2.",
            {"on": "Innstillingen", "result": "adopted", "unanimous": False, "for": 9, "against": 2},
        ),
    ],
)  # fmt: skip
def test_each_form_of_a_vote(text, expected):
    assert votes(text) == [expected]


def test_an_alternative_vote():
    spec = "Innstillingen ble satt opp mot forslaget fra Sp. Innstillingen ble vedtatt med 20 mot 15 stemmer."
    (vote,) = find_votes(lines(spec))
    assert (vote.on, vote.result, vote.votes_for, vote.against, vote.alternative) == (
        "Innstillingen",
        "adopted",
        20,
        15,
        "forslaget fra Sp",
    )
    assert vote.printed.startswith("Innstillingen ble satt opp mot forslaget fra Sp.")


def test_named_lists_agreeing_with_the_counts():
    spec = """
    Innstillingen ble vedtatt med 3 mot 2 stemmer.

    Følgende stemte for: Kari Nordmann, Ola Hansen og Per Berg.

    Følgende stemte mot: Anne Lie, Nils Dahl.
    """
    (vote,) = find_votes(lines(spec))
    assert vote.names_for == ["Kari Nordmann", "Ola Hansen", "Per Berg"]
    assert vote.names_against == ["Anne Lie", "Nils Dahl"]
    assert vote.vote_check is None


def test_a_disagreement_between_counts_and_names_is_kept_and_said():
    spec = """
    Vedteke med 4 mot 2 røyster.

    Følgjande røysta mot: Anne Lie, Nils Dahl, Eva Moe.
    """
    (vote,) = find_votes(lines(spec))
    assert vote.against == 2 and vote.names_against == ["Anne Lie", "Nils Dahl", "Eva Moe"]
    assert vote.vote_check == "3 named against, 2 counted"


def test_parties_named_in_a_sentence_and_their_check():
    spec = "Innstillingen ble vedtatt med 20 mot 15 stemmer. H og FrP stemte mot."
    (vote,) = find_votes(lines(spec))
    assert vote.parties_against == ["H", "FrP"] and vote.vote_check is None
    (vote,) = find_votes(lines("Enstemmig vedtatt. SV stemte mot."))
    assert vote.vote_check == "unanimous, yet votes against are printed"


def test_two_votes_in_one_case_in_order():
    spec = """
    Forslaget fra Ap falt med 10 mot 25 stemmer.

    Innstillingen ble vedtatt med 25 mot 10 stemmer.
    """
    assert [(v.on, v.result) for v in find_votes(lines(spec))] == [
        ("Forslaget fra Ap", "rejected"),
        ("Innstillingen", "adopted"),
    ]


def test_a_vote_label_set_tight_under_the_treatment_heading():
    spec = """
    ** Behandling i Bystyret - 25.04.2018:
    ** Votering:
    Innstillingen ble enstemmig vedtatt.
    """
    assert [(v.on, v.result, v.unanimous) for v in find_votes(lines(spec))] == [("Innstillingen", "adopted", True)]


def test_running_text_is_not_a_vote():
    assert find_votes(lines("Saken ble drøftet. Styret godkjenner enstemmig protokollen fra styremøtet.")) == []
    assert find_votes(lines("Enstemmig.")) == []  # the bare word counts only under a vote label


@pytest.mark.parametrize(
    ("kind", "adopted", "title", "text", "expected"),
    [
        ("minutes", "Saken utsettes til neste møte.", "Budsjett", "", ("deferred", None)),
        ("minutes", None, "Budsjett", "Utsatt.", ("deferred", None)),
        ("minutes", None, "Budsjett", "Saka vart utsett.", ("deferred", None)),
        ("minutes", None, "Budsjett", "Saken ble trukket.", ("withdrawn", None)),
        ("minutes", None, "Budsjett", "Saka vart trekt frå sakslista.", ("withdrawn", None)),
        (
            "minutes",
            None,
            "Ansettelse av rådmann",
            "Unntatt offentlighet, Offl. § 13 jf. fvl. § 13",
            ("exempt", "Offl. § 13 jf. fvl. § 13"),
        ),
        ("minutes", "Planen vedtas.", "Plan", "", ("adopted", None)),
        # A motion to defer that fell is not the outcome; a motion to defer that carried is.
        ("minutes", "Tomta kjøpes.", "Tomt", "Nils Dale (H) fremja framlegg: Saka vert utsett.", ("adopted", None)),
        ("minutes", "Tomta kjøpes.", "Tomt", "Forslag fra H: Saken utsettes.", ("adopted", None)),
        ("minutes", None, "Tomt", "Saka vart utsett etter framlegg frå H.", ("deferred", None)),
        ("agenda", None, "Plan", "Forslag til vedtak: Planen vedtas.", ("none", None)),
        ("minutes", None, "Eventuelt", "Ingen saker.", ("none", None)),
    ],
)
def test_how_a_case_ended(kind, adopted, title, text, expected):
    assert outcome(kind, adopted, title, lines(text) if text else [], []) == expected


@pytest.mark.parametrize(
    ("title", "head", "tail", "expected"),
    [
        ("Foreløpig protokoll", "", "", "draft"),
        ("Utkast til referat", "", "", "draft"),
        ("Protokoll", "Protokollen ble godkjent i møtet.", "", "approved"),
        ("Referat", "", "Referatet godkjennes på e-post.", "approved"),
        ("Møtebok", "", "Møteboka vart godkjend og signert.", "approved"),
        ("Referat", "Sak 1 Protokoll fra forrige møte ble godkjent.", "", None),
        ("Protokoll", "", "Protokollen godkjent på e-post 30.09.2008.", "approved"),
        ("Referat", "", "Referat fra møte 12.03.2008 godkjennes.", None),
        ("Møteprotokoll", "Protokollen godkjennes av:", "", None),
        ("Møteprotokoll", "", "Protokollen ble godkjent av Kari Berg og Anne Vik.", "approved"),
        ("Referat", "", "", None),
    ],
)
def test_what_the_minutes_say_of_themselves(title, head, tail, expected):
    status, printed = document_status(title, lines(head) if head else [], lines(tail) if tail else [])
    assert status == expected
    assert (printed is None) == (expected is None)


VOTE_PIECES = ["Innstillingen", "ble", "vart", "VEDTATT", "vedteke", "enstemmig", "Einstemmeg", "samrøystes",
               "SAMRØYSTES", "falt", "FALL", "med", "mot", "12", "3", "Votering", "avstemming", "satt", "opp",
               "Følgende", "stemte", "røysta", "for", "godkjent", "tiltrådt", "tilrådd", "bifalt", "forkastet",
               "nedstemt", "avvist", "ikke", "İ", "ı", "VOTERİNG", "enstemmıg", "ſamrøyſtes", "vedtaket", "enst.",
               "fattet", "gjorde", "vedtak", "enstemmige", "slikt", "to", "én", "stemme", "-", "7-2",
               ":", ".", ",", " ", " "]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VOTE_PIECES), max_size=14).map(" ".join))
def test_the_cheap_look_for_vote_words_never_hides_a_vote_sentence(text):
    from extract.segment.text import clean
    from extract.segment.votes import _BARE_UNANIMOUS, _LABEL, _LABELLED_COUNT, VOTE_SENTENCE

    labelled = clean(text)
    stripped = _LABEL.sub("", labelled)
    # "Votering: Enstemmig", "Votering: For 10, mot 3"
    bare_after_label = stripped != labelled and bool(_BARE_UNANIMOUS.match(stripped) or _LABELLED_COUNT.match(stripped))
    assert is_vote_sentence(text) == (bare_after_label or bool(VOTE_SENTENCE.match(stripped)))


def test_a_vote_without_a_full_stop_ends_at_the_bold_label_set_tight_under_it():
    spec = """
    ** Behandling i Formannskapet - 12.03.2013
    Votering: Enstemmig vedtatt
    ** FSK - 12/13 Vedtak:
    Protokollen godkjennes.
    """
    (vote,) = find_votes(lines(spec))
    assert (vote.printed, vote.unanimous) == ("Votering: Enstemmig vedtatt", True)


@pytest.mark.parametrize(
    "spec",
    [
        "Behandling: Enstemmig.",
        "** Behandling i Formannskapet - 12.03.2013\nEnstemmig",
        "** Handsaming i Heradsstyret - 14.06.2018\nSamrøystes.",
    ],
)
def test_the_bare_word_for_all_in_favour_under_a_treatment_heading_is_the_vote(spec):
    (vote,) = find_votes(lines(spec))
    assert (vote.result, vote.unanimous) == ("adopted", True)


@pytest.mark.parametrize("word", ["Votering", "Røysting", "Avstemning"])
def test_a_vote_heading_alone_is_no_vote_of_its_own(word):
    """ "Votering" set as a heading without a colon: the votes are the sentences under it, and the
    bare word for all in favour counts there as under a treatment heading."""
    spec = f"** {word}\nUtsettelsesforslaget falt med 2 mot 5 stemmer. Innstillingen ble enstemmig vedtatt."
    assert [(v.result, v.printed) for v in find_votes(lines(spec))] == [
        ("rejected", "Utsettelsesforslaget falt med 2 mot 5 stemmer."),
        ("adopted", "Innstillingen ble enstemmig vedtatt."),
    ]
    (vote,) = find_votes(lines(f"** {word}\nEnstemmig."))
    assert (vote.result, vote.unanimous) == ("adopted", True)


def test_the_bare_word_after_other_text_under_a_treatment_heading_is_not_a_vote():
    assert find_votes(lines("Behandling i styret:\nSaken ble drøftet.\nEnstemmig.")) == []


@pytest.mark.parametrize(
    "text",
    ["Styret fattet følgende vedtak:", "Budsjettet ble godkjent med 3-4 endringer.", "Planen vedtatt mot to år sidan."],
)
def test_not_a_vote(text):
    assert votes(text) == []


def test_the_vote_said_by_a_decision_label_is_the_label_alone():
    (vote,) = find_votes(lines("Styret fattet enstemmig slikt vedtak:\nInnkallingen godkjennes."))
    assert (vote.printed, vote.unanimous, vote.on) == ("Styret fattet enstemmig slikt vedtak:", True, None)


@pytest.mark.parametrize(
    ("text", "counts", "parties"),
    [
        ("Forslaget ble forkastet med 8 mot 7 stemmer.", (7, 8), ([], [])),
        ("Forslaget fra H falt med 7 mot 28 stemmer.", (7, 28), ([], [])),
        ("Framlegget fall med 13 (Ap, Sp) mot 4 (H) røyster.", (4, 13), (["H"], ["Ap", "Sp"])),
        ("Innstillingen ble vedtatt med 8 mot 7 stemmer.", (8, 7), ([], [])),
    ],
)
def test_a_fallen_proposal_had_the_fewer_votes_whichever_side_is_printed_first(text, counts, parties):
    """ "falt med 8 mot 7" and "falt med 7 mot 8" both tell a proposal that got 7 votes: the
    first count of a fallen proposal is the majority's where it is the larger."""
    (vote,) = find_votes(lines(text))
    assert (vote.votes_for, vote.against) == counts
    assert (vote.parties_for, vote.parties_against) == parties


@pytest.mark.parametrize(
    "heading", ["Behandling i Formannskapet - 04.06.2020:", "Handsaming i Heradsstyret 14.06.2018:", "Behandling:"]
)
def test_a_vote_set_tight_under_a_treatment_heading_is_the_vote_without_the_heading(heading):
    """The heading and the vote under it run together as one sentence; the vote is what follows
    the heading's colon."""
    (vote,) = find_votes(lines(f"{heading}\nEnstemmig vedtatt."))
    assert (vote.result, vote.unanimous, vote.printed) == ("adopted", True, "Enstemmig vedtatt.")


@pytest.mark.parametrize(
    "heading",
    ["** Formannskapets behandling 04.06.2020:", "** Kommunestyrets behandling:", "** Formannskapet si handsaming"],
)
def test_a_treatment_heading_naming_its_committee_first(heading):
    (vote,) = find_votes(lines(f"{heading}\nEnstemmig"))
    assert (vote.result, vote.unanimous) == ("adopted", True)
