"""A synthetic archive of meeting PDFs in the genre, for benchmarks: N distinct files that vary
committee, date, names, number of cases, heading layout and attendee-list layout.

    python -m bench.synth OUT_DIR --count 60 [--pages-per-file 3] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from tests.pdfs import MeetingPdf

COMMITTEES = [
    "Strategisk samarbeidsutvalg",
    "FSU rekruttering og stabilisering",
    "FSU barn og unge",
    "FSU psykisk helse og rus",
    "FSU eldre og personer med kroniske lidelser",
    "FSU digitalisering og teknologi",
    "Fastlegerådet",
    "Overordnet samarbeidsutvalg",
]
# fmt: off
FIRST = [
    "Anne", "Bjørn", "Camilla", "Dag", "Eirik", "Frida", "Guri", "Hans", "Ida", "Jostein", "Kari", "Lars",
    "Marit", "Nils", "Ola", "Per", "Randi", "Siv", "Terje", "Unni", "Vemund", "Åse", "Øyvind", "Ingrid", "Jorid",
    "Leif", "Mona", "Rune", "Sigrid",
]
LAST = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
    "Berg", "Haug", "Lie", "Moe", "Strand", "Bakken", "Dahl", "Lund", "Solberg", "Eide", "Nordby", "Lajord",
    "Vik", "Heide", "Furu", "Høyem", "Berntzen", "Aas",
]
ORGS = [
    "Tromsø kommune", "UNN", "Harstad kommune", "Senja kommune", "UiT", "brukerrepr.", "fastlegerepr.",
    "Narvik kommune", "Lyngen kommune", "NAV Tromsø",
]
TOPICS = [
    "Godkjenning av innkalling og saksliste", "Oppfølging av referat og tidligere saker", "Hospiteringsordning",
    "Årsrapport", "Budsjett for samhandlingsmidler", "Rekrutteringstiltak i kommunene", "Mentorordning",
    "Utskrivningsklare pasienter", "Samhandlingskonferanse", "Møteplan", "Revisjon av samarbeidsavtalen",
    "Digital hjemmeoppfølging", "Legevaktsamarbeid", "Kompetanseheving for helsefagarbeidere", "Eventuelt",
]
# fmt: on
SENTENCES = [
    "Saken ble drøftet, og utvalget ga innspill til videre arbeid.",
    "Sekretariatet orienterte om status og om arbeidet som gjenstår.",
    "Det ble pekt på behovet for tettere samarbeid mellom kommunene og sykehuset.",
    "Arbeidsgruppa legger fram forslag til tiltak i neste møte.",
    "Utvalget ber om at saken følges opp i samarbeid med brukerrepresentantene.",
]


@dataclass(frozen=True)
class Spec:
    committee: str
    date: dt.date
    kind: str  # agenda | minutes
    cases: int
    heading: str  # label | bold | sak
    attendance: str  # inline | bullets | table


def _person(rng: random.Random) -> tuple[str, str]:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ORGS)


def _text(pdf: FPDF, text: str, size: float = 11, bold: bool = False) -> None:
    pdf.set_font("Helvetica", "B" if bold else "", size)
    pdf.set_x(20)
    pdf.multi_cell(170, 6, text)


def _label(pdf: FPDF, label: str, value: str) -> None:
    y = pdf.get_y()
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(20, y)
    pdf.cell(55, 6, label)
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(75, y)
    pdf.multi_cell(115, 6, value)


def _attendance(pdf: FPDF, spec: Spec, rng: random.Random) -> None:
    for label, count in (("Til stede", rng.randint(5, 12)), ("Forfall", rng.randint(0, 4))):
        people = [_person(rng) for _ in range(count)]
        if not people:
            continue
        if spec.attendance == "inline":
            _text(pdf, f"{label}: " + ", ".join(f"{n} ({o})" for n, o in people))
        elif spec.attendance == "bullets":
            _text(pdf, f"{label}:", bold=True)
            for n, o in people:
                _text(pdf, f"- {n}, {o}")
        else:
            _text(pdf, f"{label}:", bold=True)
            pdf.set_font("Helvetica", "", 11)
            with pdf.table(col_widths=(60, 110), first_row_as_headings=False) as table:
                for n, o in people:
                    row = table.row()
                    row.cell(n)
                    row.cell(o)
        pdf.ln(3)


def _case(pdf: FPDF, spec: Spec, number: int, rng: random.Random) -> None:
    year = spec.date.year
    title = rng.choice(TOPICS)
    if spec.heading == "label":
        _text(pdf, "_" * 60)
        _label(pdf, "Sak:", f"{number:02d}/{year % 100:02d}")
        _label(pdf, "Tittel:", title)
    elif spec.heading == "bold":
        _text(pdf, f"{number:02d}/{year % 100:02d} {title}", size=12, bold=True)
    else:
        _text(pdf, f"Sak {number:02d}/{year}: {title}", bold=True)
    _text(pdf, " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6))))
    decision = f"{spec.committee} tar saken om {title.lower()} til orientering."
    if spec.kind == "agenda":
        _text(pdf, "Forslag til vedtak:", bold=True)
    else:
        _text(pdf, "Vedtak:", bold=True)
    _text(pdf, decision)


def make_pdf(path: Path, spec: Spec, seed: int, min_pages: int = 0) -> Path:
    """One meeting document; with `min_pages`, cases are added until it is that long."""
    rng = random.Random(seed)
    pdf = MeetingPdf(f"Helsefellesskapet Syntetisk - {spec.committee}", page_label="Side {}")
    pdf.add_page()
    word = "Referat møte" if spec.kind == "minutes" else "Innkalling til møte"
    _text(pdf, f"{word} {rng.randint(1, 6)}/{spec.date.year} {spec.committee}", size=16, bold=True)
    _label(pdf, "Tid:", f"{spec.date:%d.%m.%Y} kl. 12.30-15.30")
    _label(pdf, "Sted:", rng.choice(["Teams", "Rådhuset, møterom 3", "UNN Breivika"]))
    if spec.kind == "minutes":
        _label(pdf, "Møteleder:", _person(rng)[0])
        _label(pdf, "Referent:", _person(rng)[0])
        _attendance(pdf, spec, rng)
    first = number = rng.randint(1, 40)
    while number < first + spec.cases or pdf.page_no() < min_pages:
        _case(pdf, spec, number, rng)
        number += 1
    pdf.output(str(path))
    return path


def spec_for(rng: random.Random, cases: int | None = None) -> Spec:
    return Spec(
        committee=rng.choice(COMMITTEES),
        date=dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1500)),
        kind=rng.choice(["agenda", "minutes"]),
        cases=cases or rng.randint(3, 12),
        heading=rng.choice(["label", "bold", "sak"]),
        attendance=rng.choice(["inline", "bullets", "table"]),
    )


def generate(out: Path, count: int, seed: int = 1, cases: int | None = None) -> list[Path]:
    """`count` distinct PDFs in `out` (made once: files already there are kept)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        spec = spec_for(rng, cases)
        path = out / f"{spec.date:%Y-%m-%d}-{i:05d}-{spec.kind}.pdf"
        if not path.exists():  # written under another name first: an interrupted run leaves no half file
            make_pdf(path.with_suffix(".tmp"), spec, seed * 100_003 + i).rename(path)
        paths.append(path)
    return paths


def long_pdf(out: Path, pages: int, seed: int = 1) -> Path:
    """One minutes document of at least `pages` pages (made once)."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"long-{pages}-pages-{seed}.pdf"
    if not path.exists():
        spec = Spec(COMMITTEES[0], dt.date(2024, 6, 1), "minutes", 1, "bold", "table")
        make_pdf(path.with_suffix(".tmp"), spec, seed, min_pages=pages).rename(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--cases", type=int, default=None, help="cases per file (default: 3 to 12)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed, args.cases)
    print(f"{len(paths)} PDFs in {args.out}")


if __name__ == "__main__":
    main()
