"""Scanned pages: read by Tesseract's Norwegian model, then segmented like any other page."""

import importlib.util
import json
import sqlite3

import pytest

from archive.ingest import retry
from archive.store import Archive
from extract import ocr
from extract.pipeline import extract_pdf, read_document
from models.layout import Word
from tests import pdfs
from tests.conftest import DEV, SAMPLES, SHARED, system_tool


@pytest.fixture(scope="module", autouse=True)
def tesseract():
    system_tool("tesseract")


def test_a_scanned_case_document_is_read_and_segmented(tmp_path):
    scan = pdfs.scanned_copy(SAMPLES / "ssu-nlsh-sak-27-2024.pdf", tmp_path / "scan.pdf", dpi=300)
    result = extract_pdf(scan)
    assert result.failure is None and result.ocr_pages == [1, 2, 3]
    (doc,) = result.documents
    assert (doc.kind, doc.meeting.date) == ("case_document", "2024-12-04")
    assert [c.number for c in doc.cases] == ["27/2024"]
    assert "Tiltaket er i tråd med satsingsområdet" in doc.cases[0].proposed_decisions[0]


def _score(name: str, prediction: dict) -> dict:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tally = score.Tally()
    score.score_file(name, json.loads((DEV / f"{name}.gold.json").read_text()), prediction, tally)
    c = tally.c
    return {
        "case_f1": tally.f1(c["case_tp"], c["case_fp"], c["case_fn"]),
        "title_acc": c["title_ok"] / max(c["case_tp"], 1),
    }


def test_a_scanned_copy_scores_within_005_of_the_original(tmp_path, dev_corpus):
    name = "fsu-rest-2024-11-20-referat"
    original = _score(name, extract_pdf(dev_corpus / f"{name}.pdf").to_dict())
    scanned = extract_pdf(pdfs.scanned_copy(dev_corpus / f"{name}.pdf", tmp_path / f"{name}.pdf", dpi=300))
    assert scanned.ocr_pages == list(range(1, 7))
    got = _score(name, scanned.to_dict())
    assert got["case_f1"] >= original["case_f1"] - 0.05, got
    assert got["title_acc"] >= original["title_acc"] - 0.05, got


def test_without_tesseract_a_scan_is_recorded_as_needing_ocr_and_retry_reads_it(tmp_path, monkeypatch):
    from archive.ingest import ingest

    scan = pdfs.scanned_copy(SAMPLES / "ssu-nlsh-sak-27-2024.pdf", tmp_path / "scan.pdf", dpi=300)
    archive = Archive(tmp_path / "archive")
    ocr.available.cache_clear()
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)  # as on a machine without Tesseract
    try:
        report = ingest([scan], archive)
    finally:
        monkeypatch.undo()
        ocr.available.cache_clear()
    assert report.load.failed == ["scan.pdf"]
    con = sqlite3.connect(archive.db_path)
    kind, reason = con.execute("select kind, reason from failures").fetchone()
    assert kind == "needs_ocr" and reason.startswith("3 of 3 pages have no usable text layer")
    assert "Tesseract is not installed" in reason
    assert archive.find(con.execute("select sha256 from files").fetchone()[0]).read_bytes() == scan.read_bytes()
    again = retry(archive)
    assert again.extracted == ["scan.pdf"] and again.load.failed == []
    assert con.execute("select count(*) from failures").fetchone() == (0,)
    assert con.execute("select number, ocr from cases c join documents d on d.id = c.document_id").fetchall() == [
        ("27/2024", 1)
    ]


@pytest.mark.parametrize("askew", [0.0, 1.2, 180.0, 90.0])
def test_a_scanned_table_drawn_with_borders_is_read_row_by_row(tmp_path, askew):
    source = pdfs.minutes_with_a_ruled_attendance_table(tmp_path / "table.pdf")
    scan = pdfs.scanned_copy(source, tmp_path / "scan.pdf", dpi=300, askew=askew)
    (doc,) = extract_pdf(scan).documents
    assert (doc.kind, doc.body, doc.meeting.date, doc.meeting.start) == (
        "minutes",
        "Formannskapet",
        "2024-03-12",
        "10:00",
    )
    got = [(a.name, a.affiliation, a.status) for a in doc.attendees]
    assert got == [(n, p, "present" if m == "Ja" else "absent") for n, p, _, m in pdfs.ATTENDANCE[1:]]
    assert doc.chair == "Kari Nordmann"


@pytest.mark.parametrize("askew", [0.0, -0.8])
def test_bold_type_on_a_scan_is_read_from_the_width_of_its_strokes(tmp_path, askew):
    source = pdfs.bold_and_regular_lines(tmp_path / "weights.pdf")
    (page,) = read_document(pdfs.scanned_copy(source, tmp_path / "scan.pdf", dpi=300, askew=askew))
    assert [(ln.text, ln.bold) for ln in page.lines if ln.text] == [(t, b) for t, _, b in pdfs.WEIGHTS]


def test_tesseracts_size_estimates_of_one_heading_type_become_one_size():
    sizes = [10.3, 10.5, 10.1, 10.3, 10.4, 12.6, 12.2, 12.4, 16.0]
    words = [Word(f"ord{k}", 50, 90, 100 + 20 * k, 100 + 20 * k + s, s, False) for k, s in enumerate(sizes)]
    steady = [w.size for w in ocr.steady_sizes(words)]
    assert len(set(steady[:5])) == 1 and 10.1 <= steady[0] <= 10.5  # the body's usual size
    assert len(set(steady[5:8])) == 1 and 12.2 <= steady[5] <= 12.6  # one heading type
    assert steady[8] == 16.0  # a title apart


def test_a_word_ending_in_q_on_a_scan_is_read_as_ending_in_g():
    """Tesseract reads a word's last "g" as "q" (its tail cut by the line below); no Norwegian
    word ends in a "q" after a small letter. Capitals and a "q" inside a word stay."""
    hocr = (
        "<div class='ocr_page'><span class='ocr_line' title='bbox 100 100 900 140; baseline 0 -8; x_size 40'>"
        + "".join(
            f"<span class='ocrx_word' title='bbox {100 + 150 * k} 100 {240 + 150 * k} 140; x_wconf 90'>{t}</span>"
            for k, t in enumerate(["Morten", "Falkenberq", "(Solvanq),", "FAQ", "Qatar", "innkallinq."])
        )
        + "</span></div>"
    )
    assert [w.text for w in ocr.parse_hocr(hocr)] == [
        "Morten",
        "Falkenberg",
        "(Solvang),",
        "FAQ",
        "Qatar",
        "innkalling.",
    ]


def _hocr_line(top: int, words: list[str], x_size: float, descenders: float, ascenders: float) -> str:
    title = f"bbox 100 {top} 2000 {top + 45}; baseline 0 -8; x_size {x_size}"
    title += f"; x_descenders {descenders}; x_ascenders {ascenders}"
    return (
        f"<span class='ocr_line' title='{title}'>"
        + "".join(
            f"<span class='ocrx_word' title='bbox {100 + 200 * k} {top} {280 + 200 * k} {top + 45}; x_wconf 90'>"
            f"{t}</span>"
            for k, t in enumerate(words)
        )
        + "</span>"
    )


def test_the_ring_of_an_a_does_not_make_its_line_larger():
    """Tesseract measures a line's size from the top of its tallest letters: the ring of an "å"
    stands above the ascenders, and the line read 12 to 16% larger than its neighbours, enough
    to pass for a heading. Its ascenders' excess over the usual is taken off."""
    hocr = "<div class='ocr_page'>" + "".join([
        _hocr_line(100, ["Styret", "tar", "rapporten", "til", "etterretning", "og", "ber", "om"], 42, 8, 8),
        _hocr_line(160, ["en", "ny", "rapport", "om", "året", "på", "nyåret."], 48, 9, 13),
        _hocr_line(220, ["Åpent", "møte"], 47, 8, 13),
        _hocr_line(280, ["Saker", "til", "behandling"], 56, 11, 11),  # a heading, larger all through
    ]) + "</div>"  # fmt: skip
    sizes = {w.text: w.size for w in ocr.parse_hocr(hocr)}
    assert sizes["året"] == sizes["Åpent"] == sizes["Styret"]
    assert sizes["Saker"] > 1.2 * sizes["Styret"]


def test_a_table_border_tesseract_reads_as_a_bar_is_not_a_word():
    """A vertical border the raster steps did not erase (a short one, on a noisy scan) comes
    back as a word "|"; it is no text, and left in it hid the name in its cell."""
    hocr = (
        "<div class='ocr_page'>"
        + _hocr_line(100, ["|", "Glenn-Helge", "Hattmann", "|", "¦", "Samhandlingssjef", "I"], 42, 8, 8)
        + "</div>"
    )
    assert [w.text for w in ocr.parse_hocr(hocr)] == ["Glenn-Helge", "Hattmann", "Samhandlingssjef", "I"]


def test_a_line_whose_size_tesseract_overstates_is_sized_by_its_capitals():
    """Tesseract's size of a line is an estimate, and on a noisy scan one line of capitals came
    out 20% over the others of its type (a title, opening a document of its own). The height of
    a word in capitals is measured from its pixels: a line whose size exceeds what the page's
    other lines give for its capitals' height is sized by them; a larger type, whose capitals
    are taller too, keeps its size."""

    def line(top: int, words: list[str], x_size: float, caps_height: int) -> str:
        title = f"bbox 100 {top} 2000 {top + 50}; baseline 0 -8; x_size {x_size}; x_descenders 8; x_ascenders 8"
        return (
            f"<span class='ocr_line' title='{title}'>"
            + "".join(
                f"<span class='ocrx_word' title='bbox {100 + 250 * k} {top} {330 + 250 * k} {top + caps_height};"
                f" x_wconf 90'>{t}</span>"
                for k, t in enumerate(words)
            )
            + "</span>"
        )

    hocr = "<div class='ocr_page'>" + "".join([
        line(100, ["GLOPPEN", "KOMMUNE"], 45, 35),
        line(200, ["SAKSPAPIR"], 55, 35),  # overstated
        line(300, ["Saka", "gjeld", "NAV", "og", "KS"], 46, 35),
        line(400, ["MØTEBOK", "FOR", "VALSTYRET"], 45.5, 35),
        line(500, ["SAKSLISTE"], 60, 46),  # a larger type
    ]) + "</div>"  # fmt: skip
    sizes = {w.text: w.size for w in ocr.parse_hocr(hocr)}
    assert sizes["SAKSPAPIR"] == sizes["GLOPPEN"]
    assert sizes["SAKSLISTE"] > 1.2 * sizes["GLOPPEN"]


POOR_LAYER = ["Moteprotokoll", "Forrnannskapet", "Motedato: 12.03.2O24", "Kari Nordrnann Ap Ordforer Ja"]


def test_a_scanners_invisible_text_layer_is_read_again_by_tesseract(tmp_path):
    source = pdfs.minutes_with_a_ruled_attendance_table(tmp_path / "table.pdf")
    scan = pdfs.scan_with_a_scanners_text_layer(source, tmp_path / "scan.pdf", POOR_LAYER)
    result = extract_pdf(scan)
    assert result.ocr_pages == [1]
    (doc,) = result.documents
    assert (doc.kind, doc.body, doc.meeting.date) == ("minutes", "Formannskapet", "2024-03-12")
    assert [a.name for a in doc.attendees][:2] == ["Kari Nordmann", "Ola Hansen"]


def test_without_tesseract_a_scanners_text_layer_is_kept(tmp_path, monkeypatch):
    source = pdfs.minutes_with_a_ruled_attendance_table(tmp_path / "table.pdf")
    scan = pdfs.scan_with_a_scanners_text_layer(source, tmp_path / "scan.pdf", POOR_LAYER)
    ocr.available.cache_clear()
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    try:
        result = extract_pdf(scan)
    finally:
        monkeypatch.undo()
        ocr.available.cache_clear()
    assert result.failure is None and result.ocr_pages == []
    assert "Forrnannskapet" in result.documents[0].text


def test_tesseract_runs_on_one_thread_unless_told_otherwise(tmp_path, monkeypatch):
    source = pdfs.bold_and_regular_lines(tmp_path / "weights.pdf")
    scan = pdfs.scanned_copy(source, tmp_path / "scan.pdf", dpi=300)
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    read_document(scan)
    assert ocr.os.environ["OMP_THREAD_LIMIT"] == "1"
    monkeypatch.setenv("OMP_THREAD_LIMIT", "2")
    read_document(scan)
    assert ocr.os.environ["OMP_THREAD_LIMIT"] == "2"


def test_a_page_claiming_a_poster_s_size_is_rendered_at_a_bounded_resolution():
    assert ocr.render_dpi(595, 842) == 300  # A4
    assert ocr.render_dpi(842, 1191) == 300  # A3
    dpi = ocr.render_dpi(14400, 14400)  # the largest page PDF allows: 200 inches square
    assert (14400 / 72 * dpi) ** 2 <= ocr.MAX_PIXELS and dpi >= 1


def test_when_tesseract_fails_on_a_page_a_scanners_text_layer_is_kept(tmp_path, monkeypatch):
    source = pdfs.minutes_with_a_ruled_attendance_table(tmp_path / "table.pdf")
    scan = pdfs.scan_with_a_scanners_text_layer(source, tmp_path / "scan.pdf", POOR_LAYER)
    ocr.available()  # Tesseract and its model are there, as checked once a run
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # then its model cannot be loaded
    result = extract_pdf(scan)
    assert result.failure is None and result.ocr_pages == []
    assert "Forrnannskapet" in result.documents[0].text
