"""People: each name rule, each pair that must not merge, the resolver's decisions and their order."""

import os

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.names import mentions
from extract.names.overrides import Overrides
from extract.names.parse import compatible, name_key
from extract.names.registry import Occurrence, resolve


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        ("Guri Moen Lajord", "Guri Lajord", "middle-names"),
        ("Noeline Goos", "Noeline W. Goos", "middle-names"),
        ("Ida Marie Refsahl Haug", "Ida Haug", "middle-names"),
        ("Glenn-Helge Hattmann", "Glenn Hattmann", "hyphenated-given-name"),
        ("Jostein Berntzen", "Jostein Bentzen", "spelling"),
        ("Ingvild Grønvoll", "Ingvild Grønnavoll", "spelling"),
        ("Ulf Bergstrøm", "ULF BERGSTRØM", "exact"),
        ("Ulf Bergstrøm", "Ulf Bergstrom", "exact"),
    ],
)
def test_names_that_fit_one_person(a, b, rule):
    assert compatible(a, b)[0] == rule
    assert compatible(b, a)[0] == rule


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Terje Olsen", "Siv Olsen"),
        ("Leif Røssås", "Leif Erik Nohr"),
        ("Ida Marie Haug", "Ida Kristin Haug"),
        ("Anne-Lise Pedersen", "Øyvind Pedersen"),
        ("Marie Barlindhaug", "Maria Barlindhaug"),
        ("Guri", "Guri Lajord"),
    ],
)
def test_names_that_never_fit_one_person(a, b):
    assert compatible(a, b) is None


def occ(name, doc, body=None, aff=None, role="attendee", date="2024-01-01"):
    return Occurrence(name=name, document=doc, body=body, affiliation=aff, role=role, date=date)


def ids(res, occurrences):
    return {(o.name, o.document, o.role): p for o, p in zip(occurrences, res.person_of, strict=True)}


def test_middle_name_and_hyphen_variants_merge_across_committees_with_rule_and_score():
    found = [
        occ("Guri Lajord", "d1", "FSU REST", "kommunene/sekretariatet"),
        occ("Guri Moen Lajord", "d1", "FSU REST", role="chair"),
        occ("Guri Moen Lajord", "d2", "FSU PHR", "Interkommunal samhandlingsleder"),
        occ("Glenn Hattmann", "d3", "ORU"),
        occ("Glenn-Helge Hattmann", "d2", "FSU PHR", "Samhandlingssjef UNN", role="attendee"),
    ]
    res = resolve(found)
    assert len(set(res.person_of)) == 2
    assert {p.name for p in res.people.values()} == {"Guri Moen Lajord", "Glenn-Helge Hattmann"}
    assert {(m.rule, m.score) for m in res.merges} == {("middle-names", 95.0), ("hyphenated-given-name", 92.0)}


def test_same_full_name_in_two_committees_with_different_affiliations_is_one_person():
    found = [
        occ("Kari Nordmann", "d1", "FSU barn og unge", "fastlege Bodø", date="2024-03-12"),
        occ("Kari Nordmann", "d2", "Fastlegerådet", "fastlegerepresentant", date="2024-05-02"),
    ]
    res = resolve(found)
    assert res.person_of[0] == res.person_of[1] == "kari-nordmann"


def test_same_full_name_is_two_people_only_on_evidence():
    # two entries of one attendee list
    res = resolve([occ("Kari Hansen", "d1", "A", "Tromsø"), occ("Kari Hansen", "d1", "A", "Harstad")])
    assert sorted(res.people) == ["kari-hansen", "kari-hansen-2"]
    # meetings of two committees on one date, with other organisations
    found = [
        occ("Kari Hansen", "d1", "FSU barn og unge", "Tromsø kommune", date="2024-03-12"),
        occ("Kari Hansen", "d2", "Fastlegerådet", "UNN Harstad", date="2024-03-12"),
        occ("Kari Hansen", "d3", "Fastlegerådet", "UNN Harstad", date="2024-05-02"),
    ]
    res = resolve(found)
    assert res.person_of[0] != res.person_of[1] == res.person_of[2]
    assert [r.reason.split(",")[0] for r in res.review] == ["same name"]
    # a curated split naming each one's committee
    found = [occ("Kari Hansen", "d1", "FSU barn og unge"), occ("Kari Hansen", "d2", "Fastlegerådet")]
    split = Overrides(split=[("Kari Hansen (FSU barn og unge)", "Kari Hansen (Fastlegerådet)")])
    assert resolve(found).person_of[0] == resolve(found).person_of[1]
    assert resolve(found, split).person_of[0] != resolve(found, split).person_of[1]


def test_a_merge_against_other_evidence_is_listed_for_review():
    found = [occ("Kari M. Nordmann", "d1", "A", "UNN Harstad"), occ("Kari Nordmann", "d2", "B", "Bodø kommune")]
    res = resolve(found)
    assert res.person_of[0] == res.person_of[1]
    assert [r.reason for r in res.review] == [
        "merged (middle-names), but different organisations in different committees"
    ]


def test_same_full_name_with_an_unknown_organisation_is_one_person():
    res = resolve([occ("Ulf Bergstrøm", "d1", "ORU"), occ("Ulf Bergstrøm", "d2", "FSU REST", "brukerrepr.")])
    assert res.person_of[0] == res.person_of[1] and res.review == []


def test_spelling_slip_needs_shared_context():
    together = resolve(
        [occ("Jostein Berntzen", "d1", "FSU REST", "UNN Rehab"), occ("Jostein Bentzen", "d2", "FSU REST")]
    )
    assert together.person_of[0] == together.person_of[1]
    apart = resolve([occ("Marit Bergh", "d1", "FSU PHR", "UNN"), occ("Marit Berg", "d2", "Fastlegerådet", "Bardu")])
    assert apart.person_of[0] != apart.person_of[1]
    assert apart.review[0].reason.startswith("similar spelling")


def test_two_entries_of_one_attendee_list_are_two_people():
    res = resolve([occ("Ida Haug", "d1", "X"), occ("Ida Marie Haug", "d1", "X")])
    assert res.person_of[0] != res.person_of[1]


def test_a_short_name_fitting_two_people_is_left_for_review():
    found = [
        occ("Ida Marie Haug", "d1", "X", "Tromsø"),
        occ("Ida Kristin Haug", "d2", "X", "Tromsø"),
        occ("Ida Haug", "d3", "X", "Tromsø"),
    ]
    res = resolve(found)
    assert len(set(res.person_of)) == 3
    assert any(r.reason == "the shorter name fits more than one person" for r in res.review)


def test_first_name_alone_resolves_within_its_document_only_when_one_fits():
    found = [
        occ("Guri Moen Lajord", "d1", "ORU", role="chair"),
        occ("Guri Lajord", "d1", "ORU"),
        occ("Guri", "d1", "ORU", role="minute_taker"),
        occ("Leif Erik Nohr", "d1", "ORU"),
        occ("Leif", "d1", "ORU", role="mention"),
        occ("Leif Røssås", "d2", "FLR"),
        occ("Leif Nesje", "d2", "FLR"),
        occ("Leif", "d2", "FLR", role="mention"),
    ]
    res = resolve(found)
    got = ids(res, found)
    assert got[("Guri", "d1", "minute_taker")] == "guri-moen-lajord"
    assert got[("Leif", "d1", "mention")] == "leif-erik-nohr"
    assert got[("Leif", "d2", "mention")] is None
    assert got[("Leif Røssås", "d2", "attendee")] != got[("Leif Erik Nohr", "d1", "attendee")]


def test_mentions_link_to_known_people_and_never_create_any():
    found = [
        occ("Ida Haug", "d1", "FSU REST", "Tromsø kommune"),
        occ("Jostein Berntzen", "d1", "FSU REST", "UNN Rehab"),
        occ("Ida Marie Refsahl Haug", "d1", "FSU REST", role="mention"),
        occ("Brukerrepresentant Jostein Bentzen", "d1", "FSU REST", role="mention"),
        occ("Helse Nord", "d1", "FSU REST", role="mention"),
    ]
    res = resolve(found)
    got = ids(res, found)
    assert got[("Ida Marie Refsahl Haug", "d1", "mention")] == "ida-haug"
    assert got[("Brukerrepresentant Jostein Bentzen", "d1", "mention")] == "jostein-berntzen"
    assert got[("Helse Nord", "d1", "mention")] is None
    assert sorted(res.people) == ["ida-haug", "jostein-berntzen"]


def test_curated_merge_and_split_win_over_the_rules():
    found = [occ("Kari Hansen", "d1", "A", "Tromsø"), occ("Kari Hansen", "d1", "A", "Harstad")]
    merged = resolve(found, Overrides(merge=[("Kari Hansen", "Kari Hansen")]))
    assert merged.person_of[0] == merged.person_of[1]
    assert [m.rule for m in merged.merges] == ["curated"]
    found = [occ("Guri Lajord", "d1", "A"), occ("Guri Moen Lajord", "d2", "A")]
    assert resolve(found).person_of[0] == resolve(found).person_of[1]
    split = resolve(found, Overrides(split=[("Guri Lajord", "Guri Moen Lajord")]))
    assert split.person_of[0] != split.person_of[1]


def test_overrides_file_round_trips(tmp_path):
    path = tmp_path / "people.yaml"
    o = Overrides()
    o.add_merge("Glenn Hattmann", "Glenn-Helge Hattmann")
    o.add_split("Marit Bergh", "Marit Berg")
    o.save(path)
    again = Overrides.load(path)
    assert again.merge == [("Glenn Hattmann", "Glenn-Helge Hattmann")]
    assert again.split == [("Marit Bergh", "Marit Berg")]
    again.add_merge("Marit Berg", "Marit Bergh")
    assert again.split == [] and len(again.merge) == 2
    path.write_text("merge: [[one]]\n")
    with pytest.raises(ValueError, match="pair of names"):
        Overrides.load(path)


NAMES = [
    "Guri Lajord", "Guri Moen Lajord", "Guri", "Ida Haug", "Ida Marie Refsahl Haug", "Glenn Hattmann",
    "Glenn-Helge Hattmann", "Jostein Berntzen", "Jostein Bentzen", "Terje Olsen", "Siv Olsen", "Kari Hansen",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(NAMES),
            st.sampled_from(["d1", "d2", "d3", "d4"]),
            st.sampled_from(["A", "B", None]),
            st.sampled_from(["Tromsø", "UNN", None]),
            st.sampled_from(["attendee", "chair", "mention"]),
        ),
        min_size=1,
        max_size=25,
    ),
    st.randoms(use_true_random=False),
)
def test_resolution_does_not_depend_on_the_order_of_the_documents(rows, rnd):
    found = [occ(n, d, b, a, r) for n, d, b, a, r in rows]
    shuffled = found[:]
    rnd.shuffle(shuffled)
    first, second = resolve(found), resolve(shuffled)
    key = lambda res, occs: sorted(zip(map(repr, occs), res.person_of, strict=True))  # noqa: E731
    assert key(first, found) == key(second, shuffled)
    assert sorted((p.id, p.name) for p in first.people.values()) == sorted(
        (p.id, p.name) for p in second.people.values()
    )


def test_mentions_fall_back_to_the_blank_tokenizer_without_a_trained_pipeline(monkeypatch):
    mentions.nlp.cache_clear()
    mentions._matcher.cache_clear()

    def missing(name, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", missing)
    try:
        assert mentions.nlp().pipe_names == []
        text = "Ida Haug orienterte om Mentorordningen.\nIflg. Leif er retningslinjene bindende. Noeline W. Goos leder."
        assert mentions.find_mentions(text, frozenset({"leif"})) == ["Ida Haug", "Noeline W. Goos", "Leif"]
    finally:
        mentions.nlp.cache_clear()
        mentions._matcher.cache_clear()


def test_a_trained_pipeline_adds_its_person_entities(monkeypatch):
    def trained(name, **kwargs):
        nlp = spacy.blank("nb")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "PER", "pattern": "Kristoffersen"}])
        return nlp

    mentions.nlp.cache_clear()
    mentions._matcher.cache_clear()
    monkeypatch.setattr(spacy, "load", trained)
    try:
        assert "entity_ruler" in mentions.nlp().pipe_names
        assert "Kristoffersen" in mentions.find_mentions("Saken ble lagt fram av Kristoffersen.")
    finally:
        mentions.nlp.cache_clear()
        mentions._matcher.cache_clear()


def test_name_key_ignores_case_accents_and_punctuation():
    assert name_key("Gøril  Bertheussen") == name_key("GØRIL BERTHEUSSEN") == "goril-bertheussen"


# The names in the dev corpus's case text, labelled by hand: people, and capitalised runs that are not.
DEV_MENTION_PEOPLE = {
    "Amund Kvisterø", "Anders Svensson", "Anita Schumacher", "Astrid Gramstad", "Borghild Måsø Helland",
    "Cathrine Arntzen", "Cecilie Myrseth", "Christel Johansen", "Egil Jens Pettersen", "Glenn Hattmann",
    "Glenn-Helge Hattmann", "Guri", "Guri Lajord", "Guri Moen Lajord", "Gøril Bertheussen", "Ida", "Ida Haug",
    "Ida Marie Refsahl Haug", "Jon Magnussen", "Jostein Bentzen", "Jørg Vik", "Kine Østvik", "Lars Nesje",
    "Leif Røssås", "Marit Bergh", "Marit Herder", "Marit Lind", "Noeline W. Goos", "Randi", "Randi Børresen",
    "Sindre Heide", "Terje Christoffersen", "Terje Olsen", "Tøve Løvli", "Ulf", "Ulf Bergstrøm", "Vemund Myrbakk",
    "Sinika Järvalainen",
}  # fmt: skip
DEV_MENTION_OTHERS = {
    "Campus Nord-Troms", "Dato Klokkeslett", "Helse Nord", "Helsefelleskapet Lofoten", "Helsefelleskapet Salten",
    "Helsefelleskapet Troms", "Helsefellesskapet Troms", "Kommune Antall", "Kommune Tidligere", "Status Menn",
    "World Health Organization", "Brukerrepresentant Ulf Bergstrøm", "Samhandlingssjef Glenn-Helge Hattmann",
    "Fastlege Kine Østvik", "Overlege Marit Herder",
}  # fmt: skip


def test_names_in_case_text_are_people_with_role_words_taken_off(dev_corpus):
    import json

    from extract.pipeline import extract_many

    results = extract_many(sorted(dev_corpus.glob("*.pdf")))
    found = [m for r in results for d in r.documents for c in d.cases for m in c.mentions]
    assert not set(found) & DEV_MENTION_OTHERS
    precision = sum(m in DEV_MENTION_PEOPLE for m in found) / len(found)
    assert precision >= 0.95, sorted(set(found) - DEV_MENTION_PEOPLE)
    # recall: the attendees (from the gold) whose names stand in some case's text are found there
    texts = " ".join(c.text for r in results for d in r.documents for c in d.cases)
    gold = {a["name"] for g in dev_corpus.glob("*.gold.json") for d in json.loads(g.read_text())["documents"]
            for a in d["attendees"]}  # fmt: skip
    in_text = {n for n in gold if len(n.split()) > 1 and n in texts}
    recalled = {n for n in in_text if any(compatible(n, m) for m in found)}
    assert in_text and len(recalled) / len(in_text) >= 0.95, sorted(in_text - recalled)


def test_name_evidence_and_offices_before_names():
    from extract.names.mentions import has_name_evidence, person_name

    assert person_name("Samhandlingssjef Glenn-Helge Hattmann") == "Glenn-Helge Hattmann"
    assert person_name("Overlege Marit Herder") == "Marit Herder"
    assert has_name_evidence("Kari Nordmann", frozenset()) and has_name_evidence("Guri Lajord", frozenset({"guri"}))
    assert not any(has_name_evidence(n, frozenset()) for n in ("Helse Nord", "Dato Klokkeslett", "Status Menn"))


PIECES = ["Ola", "Nordmann", "Glenn-Helge", "Ørjan", "W.", "kari", "saken", "Samhandlingssjef", "Helse", "12/24",
          " ", " ", "  ", "\t", "\n", "\u00a0", "\u2009", ",", ".", "-", "(", ")", ":", "/", "Ærlig"]  # fmt: skip
TRICKY = ["Møtet: Ola, Kari og per.", "Ola\nNordmann", "Ola  Nordmann", "ola nordmann", "W. Goos", "Ola.Nordmann",
          "Ola-Nordmann", "Ola\u2009Nordmann", "Samhandlingssjef orienterte", "(Kari) Hansen", "Kari²"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.sampled_from(TRICKY), st.lists(st.sampled_from(PIECES), max_size=12).map("".join)),
    first=st.sampled_from([frozenset(), frozenset({"kari"}), frozenset({"ola", "orjan"})]),
)
def test_spacy_is_skipped_only_for_texts_in_which_it_finds_no_name(text, first):
    """The cheap test in front of spaCy must be true of every text in which spaCy finds a name:
    otherwise skipping spaCy would change what is extracted."""
    from extract.names.mentions import can_hold_names, spacy_mentions

    if not can_hold_names(text, first):
        assert spacy_mentions(text, first) == []


def test_a_run_without_names_in_its_case_texts_never_loads_spacy(tmp_path, samples):
    """The workers send back the case texts that can hold a name; their pool searches those
    alone, so files without any never load spaCy."""
    from bench.synth import generate
    from extract.isolate import Job, Pool

    plain = generate(tmp_path, 2, seed=3)  # synthetic minutes: no capitalised pairs in case texts
    with Pool("pdfium", workers=1) as pool:
        pool.run([Job(p, p.name) for p in plain])
        assert (pool.loader, pool.searched) == (None, 0)
        named = next(p for p in samples if "referat" in p.name)
        (result,) = pool.run([Job(named, named.name)])
        assert any(case.mentions for document in result.documents for case in document.cases)
        assert pool.loader is not None and pool.searched > 0


def test_names_found_by_the_pool_are_those_found_in_one_process(samples):
    """Workers leave the names in case texts to their pool: the result is the same file for file,
    an agenda's included (its attendees' given names count, though it keeps no attendees)."""
    from extract.isolate import Job, Pool
    from extract.pipeline import extract_pdf

    with Pool("pdfium", workers=2) as pool:
        pooled = pool.run([Job(p, p.name) for p in samples])
    assert pool.searched > 0
    assert [r.to_dict() for r in pooled] == [extract_pdf(p).to_dict() for p in samples]
    assert sum(len(c.mentions) for r in pooled for d in r.documents for c in d.cases) > 0


def test_the_pool_finds_names_while_its_worker_reads_the_next_file(samples, monkeypatch):
    """Names are searched after the next file is handed out: a worker never waits for spaCy."""
    from extract.isolate import Job, Pool

    busy_at_search: list[bool] = []
    search = Pool._find_names

    def watched(self, results, unnamed, **until):
        if unnamed and any(r is None for r in results):  # in the middle of the run
            busy_at_search.append(all(w.job is not None for w in self.slots))
        return search(self, results, unnamed, **until)

    monkeypatch.setattr(Pool, "_find_names", watched)
    jobs = [Job(p, p.name) for p in samples] * 2  # enough files that spaCy loads before the last
    with Pool("pdfium", workers=1) as pool:
        pool._load_names()  # spaCy from the start: every result can be searched at once
        pool.loader.join()
        pool.run(jobs)
    assert busy_at_search and all(busy_at_search)


def test_the_pool_puts_names_aside_as_soon_as_a_worker_is_done():
    """The pool searches one case text at a time and stops when a worker it watches has sent its
    result, which would otherwise wait for the rest; what is left is searched on its next turn."""
    from multiprocessing import Pipe

    from extract.isolate import Pool
    from extract.names.mentions import Deferred
    from models.extraction import Case, Document, FileExtraction

    deferred = Deferred()
    texts = ("Ola Dahl orienterte.", "Kari Lie svarte.", "Per Moen la fram saken.")
    cases = [Case(f"{n}/24", "Sak", text=t, mentions=deferred(t)) for n, t in enumerate(texts, 1)]
    result = FileExtraction(source="a.pdf", sha256="0" * 64, size=1, documents=[Document("minutes", cases=cases)])
    unnamed = [(0, deferred.searches(result.documents))]
    done, sender = Pipe(duplex=False)
    sender.send("result")  # a worker's result, waiting to be read
    pool = Pool("pdfium", workers=1)
    pool._find_names([result], unnamed, until=[done])
    assert [c.mentions for c in cases] == [["Ola Dahl"], [], []]
    assert [len(searches) for _, searches in unnamed] == [2]
    pool._find_names([result], unnamed)
    assert [c.mentions for c in cases] == [["Ola Dahl"], ["Kari Lie"], ["Per Moen"]]
    assert unnamed == [] and pool.searched == 3


def test_a_deferred_search_names_the_case_kept_when_a_part_is_segmented_again():
    """A part merged into the document before it is segmented twice: only the cases kept are
    searched, each with its own document's given names."""
    from extract.names.mentions import Deferred, find_deferred
    from models.extraction import Case, Document

    deferred = Deferred()
    dropped = Case("1/24", "Sak", mentions=deferred("Kari Lie orienterte.", frozenset({"kari"})))
    kept = [
        Case(n, "Sak", text=t, mentions=deferred(t, frozenset({"ola"})))
        for n, t in (("1/24", "Ola Dahl orienterte, og Ola svarte."), ("2/24", "ingen navn her"))
    ]
    documents = [Document("minutes", cases=kept)]
    searches = deferred.searches(documents)
    assert [(s.document, s.case, s.first_names) for s in searches] == [(0, 0, frozenset({"ola"}))]
    find_deferred(documents, searches)
    assert [c.mentions for c in kept] == [["Ola Dahl", "Ola"], []]
    assert dropped.mentions == []


def test_the_given_name_lists_are_kept_and_read_back_without_importing_faker(tmp_path):
    import subprocess
    import sys

    from extract.names.given import faker_given_names

    script = (
        "import sys; from extract.names.given import given_names; names = given_names(); "
        "print(len(names), 'faker' in sys.modules, sorted(names) == sorted(set(names)))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    count = len(faker_given_names())
    assert first.stdout.split() == [str(count), "True", "True"]  # read from Faker, then kept
    assert second.stdout.split() == [str(count), "False", "True"]  # read back: Faker never imported
    (kept,) = (tmp_path / "minutes").glob("given-names-*.txt")
    assert frozenset(kept.read_text(encoding="utf-8").split("\n")) == faker_given_names()
