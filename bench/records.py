"""A synthetic archive database of many cases, loaded through the real load path (for the
search benchmark): extractions are made directly as model objects, since making 100,000 cases
as PDFs would measure the generator, not the search.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

from bench.synth import COMMITTEES, FIRST, LAST, ORGS, SENTENCES, TOPICS
from models.extraction import Attendee, Case, Document, FileExtraction, Meeting

# Words of the genre, drawn with a Zipf-like skew so that some are in most cases and some in few.
WORDS = sorted(
    {w.strip(".,:").lower() for text in TOPICS + SENTENCES for w in text.split() if len(w) > 3}
    | {
        "fastlege", "fastlegeordningen", "legevakt", "kommuneoverlege", "helsefagarbeider", "sykepleier",
        "spesialisthelsetjenesten", "pasientforløp", "innleggelse", "reinnleggelse", "samhandlingsavvik",
        "avviksmelding", "tjenesteavtale", "delavtale", "brukerutvalg", "ungdomsråd", "rusbehandling",
        "ambulant", "akuttberedskap", "jordmortjeneste", "svangerskapsomsorg", "habilitering", "rehabilitering",
        "kreftkoordinator", "palliasjon", "demensomsorg", "hjemmesykehus", "velferdsteknologi", "journalsystem",
        "meldingsutveksling", "kjernejournal", "e-resept", "videokonsultasjon", "turnus", "utdanningsstilling",
        "LIS1", "spesialistutdanning", "praksiskonsulent", "høringsuttalelse", "handlingsplan", "økonomi",
        "finansiering", "prosjektmidler", "evaluering", "kartlegging", "statistikk", "rapportering",
    }
)  # fmt: skip


def _sentence(rng: random.Random, words: int) -> str:
    picked = [WORDS[min(int(rng.paretovariate(1.2)) - 1, len(WORDS) - 1)] for _ in range(words)]
    rng.shuffle(picked)
    return " ".join(picked).capitalize() + "."


def extraction(rng: random.Random, index: int, cases: int) -> FileExtraction:
    """One minutes file with `cases` cases, attendees and decisions."""
    year = rng.randint(2018, 2026)
    body = rng.choice(COMMITTEES)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    first = rng.randint(1, 60)
    case_list = []
    for number in range(first, first + cases):
        title = f"{rng.choice(TOPICS)} – {_sentence(rng, 2).rstrip('.')}"
        proposed = f"{body} tar saken til orientering. {_sentence(rng, 8)}"
        adopted = proposed if rng.random() < 0.7 else f"{proposed} {_sentence(rng, 6)}"
        text = " ".join(_sentence(rng, rng.randint(6, 16)) for _ in range(rng.randint(3, 12)))
        case_list.append(
            Case(
                number=f"{number:02d}/{year}",
                title=title,
                proposed_decisions=[proposed],
                adopted_decision=adopted,
                page=1 + (number - first) // 3,
                text=f"{title}\n{text}\nVedtak:\n{adopted}",
            )
        )
    attendees = [
        Attendee(name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", status="present", affiliation=rng.choice(ORGS))
        for _ in range(rng.randint(4, 10))
    ]
    source = f"synthetic-{index:06d}.pdf"
    return FileExtraction(
        source=source,
        sha256=hashlib.sha256(source.encode()).hexdigest(),
        pages=1 + cases // 3,
        extractor="synthetic",
        documents=[
            Document(
                kind="minutes",
                body=body,
                page_end=1 + cases // 3,
                title=f"Referat {body}",
                meeting=Meeting(date=date, place="Teams"),
                chair=attendees[0].name,
                attendees=attendees,
                cases=case_list,
            )
        ],
    )


def build(db_path: Path, cases: int, per_file: int = 10, seed: int = 7) -> int:
    """A database of `cases` cases in files of `per_file`; the number of files loaded."""
    from db.load import load_extraction, refresh_derived
    from db.schema import open_db

    rng = random.Random(seed)
    db = open_db(str(db_path))
    files = (cases + per_file - 1) // per_file
    for index in range(files):
        load_extraction(db, extraction(rng, index, min(per_file, cases - index * per_file)), [])
    refresh_derived(db)
    db.close()
    return files
