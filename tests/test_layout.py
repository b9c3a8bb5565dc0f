"""Layout: words → lines → cells, ruled tables, rules, running headers and page numbers."""

import pytest

from extract.layout.lines import TableGrid, build_lines, group_rows, is_bold_font, split_cells
from extract.layout.margins import strip_running_text
from extract.pipeline import read_document
from extract.segment.documents import segment
from models.layout import Cell, Line, Page, Word
from tests import pdfs
from tests.conftest import SHARED


def word(text, x0, top, size=11.0, bold=False):
    return Word(text=text, x0=x0, x1=x0 + 6 * len(text), top=top, bottom=top + size, size=size, bold=bold)


def test_bold_is_read_from_the_font_name():
    assert is_bold_font("ABCDEF+Calibri-Bold")
    assert is_bold_font("Arial,Bold")
    assert is_bold_font("TimesNewRomanPS-BoldMT")
    assert is_bold_font("LiberationSans-Black")
    assert not is_bold_font("ABCDEF+Calibri")
    assert not is_bold_font("Helvetica-Oblique")


def test_words_group_into_lines_and_split_at_column_gaps():
    words = [word("Sak:", 65, 100, bold=True), word("08/23", 306, 100.5), word("Neste", 65, 120)]
    rows = group_rows(words)
    assert [[w.text for w in r] for r in rows] == [["Sak:", "08/23"], ["Neste"]]
    assert [c.text for c in split_cells(rows[0])] == ["Sak:", "08/23"]


def test_wrapped_value_joins_its_label_row():
    words = [
        word("Tittel:", 65, 100, bold=True),
        word("Statusrapport", 306, 100),
        word("og", 392, 100),
        word("videre", 306, 114.5),
        word("plan", 350, 114.5),
        word("Tekst", 65, 140),
    ]
    lines = build_lines(1, words)
    assert [[c.text for c in ln.cells] for ln in lines] == [["Tittel:", "Statusrapport og videre plan"], ["Tekst"]]


def test_typed_and_drawn_rules():
    lines = build_lines(1, [word("_" * 30, 65, 100), word("Tekst", 65, 200)], rules=[(60, 540, 150)])
    assert [ln.rule for ln in lines] == [True, True, False]


def test_ruled_table_rows_become_lines_with_cells():
    words = [word("Kari", 65, 100), word("Nordmann", 95, 100), word("Fastlege", 310, 100), word("Per", 65, 120)]
    grid = TableGrid(
        bbox=(60, 95, 540, 135), rows=[[(60, 95, 300, 115), (300, 95, 540, 115)], [(60, 115, 300, 135), None]]
    )
    lines = build_lines(1, words, tables=[grid])
    assert [(ln.table, [c.text for c in ln.cells]) for ln in lines] == [
        (True, ["Kari Nordmann", "Fastlege"]),
        (True, ["Per"]),
    ]


def test_regression_words_in_a_tables_box_but_in_no_cell_are_kept():
    """A heading whose middle falls inside the table's box where its first row has no cell (a
    merged, unruled corner) stays a line of its own: it was dropped with the table."""
    words = [word("B1.1", 20, 119), word("Totalt", 44, 119), word("Antall", 400, 130), word("Kari", 65, 150)]
    grid = TableGrid(
        bbox=(21, 124, 569, 164),
        rows=[[None, (389, 124, 569, 144)], [(21, 144, 389, 164), (389, 144, 569, 164)]],
    )
    lines = build_lines(1, words, tables=[grid])
    assert [(ln.table, [c.text for c in ln.cells]) for ln in lines] == [
        (False, ["B1.1 Totalt"]),
        (True, ["Antall"]),
        (True, ["Kari", ""]),
    ]


def _page(number, texts):
    lines = [
        Line(page=number, top=top, bottom=top + size, cells=[Cell(t, 65, 300)], size=size) for top, t, size in texts
    ]
    return Page(number=number, width=595, height=842, lines=lines)


def test_running_header_footer_and_page_numbers_are_removed_by_repetition():
    pages = [
        _page(
            n,
            [
                (30, "Helsefellesskapet – FSU barn og unge", 9),
                (80, f"Tekst på side {n}", 11),
                (800, f"Side {n} av 3", 9),
            ],
        )
        for n in (1, 2, 3)
    ]
    strip_running_text(pages)
    assert [[ln.text for ln in p.lines] for p in pages] == [
        ["Tekst på side 1"],
        ["Tekst på side 2"],
        ["Tekst på side 3"],
    ]
    assert pages[0].header == "Helsefellesskapet – FSU barn og unge"


def test_a_repeated_title_is_never_taken_for_a_running_header():
    pages = [_page(n, [(40, "Referat", 16), (80, f"Tekst {n}", 11), (95, "mer tekst", 11)]) for n in (1, 2)]
    strip_running_text(pages)
    assert pages[0].lines[0].text == "Referat"


def test_a_single_page_keeps_its_text_but_loses_its_page_number():
    pages = [_page(1, [(30, "Helsefellesskapet Troms og Ofoten", 11), (80, "Tekst", 11), (800, "1", 11)])]
    strip_running_text(pages)
    assert [ln.text for ln in pages[0].lines] == ["Helsefellesskapet Troms og Ofoten", "Tekst"]


def test_pdf_with_borderless_label_tables_and_a_running_header(tmp_path):
    path = pdfs.agenda_with_label_tables(tmp_path / "agenda.pdf", pages=3)
    pages = read_document(path)
    assert len(pages) >= 2
    assert all(p.header and "barn og unge" in p.header for p in pages)
    assert not any("Helsefellesskapet Testby" in ln.text for p in pages for ln in p.lines)
    (doc,) = segment(pages)
    assert doc.kind == "agenda"
    assert (doc.meeting.date, doc.meeting.start, doc.meeting.end) == ("2024-03-12", "10:00", "12:00")
    assert [c.number for c in doc.cases] == [f"{n:02d}/2024" for n in range(5, 11)]
    assert doc.cases[0].title == "En lang tittel på sak nummer 5 som går over mer enn én linje i tabellen"
    assert doc.cases[0].proposed_decisions == ["FSU barn og unge tar sak 5 til orientering."]


def test_pdf_with_a_ruled_attendee_table(tmp_path):
    (doc,) = segment(read_document(pdfs.minutes_with_attendee_table(tmp_path / "minutes.pdf")))
    assert doc.kind == "minutes"
    assert [(a.name, a.affiliation, a.status) for a in doc.attendees] == [
        ("Kari Nordmann", "Avdelingsleder, Tromsø kommune", "present"),
        ("Ola Hansen", "Fastlege Harstad", "present"),
        ("Per Olsen", "Brukerrepresentant", "absent"),
    ]
    assert [(c.number, c.title, c.adopted_decision) for c in doc.cases] == [
        ("01/2024", "Godkjenning av innkalling", "Innkalling godkjennes.")
    ]


def test_overprinted_text_is_read_once(tmp_path):
    (page,) = read_document(pdfs.overprinted_bold(tmp_path / "overprint.pdf"))
    assert [ln.text for ln in page.lines] == ["Vedtak: Saken tas til orientering."]


def test_regression_a_label_at_the_same_height_low_on_two_pages_is_not_a_footer(tmp_path):
    pages = read_document(pdfs.label_at_same_height_near_the_bottom_of_two_pages(tmp_path / "vedtak-lavt.pdf"))
    assert [p.footer for p in pages] == ["1", "2"]
    (doc,) = segment(pages)
    assert [(c.number, c.adopted_decision) for c in doc.cases] == [
        ("01/2024", "Utvalget tar sak 1 til orientering."),
        ("02/2024", "Utvalget tar sak 2 til orientering."),
    ]


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_regression_a_font_of_size_one_scaled_by_its_matrix_keeps_its_printed_size(tmp_path, backend):
    """PDFium gives a font's own size (1 where a producer scales every line by the text matrix);
    the printed size, which the layout rules and the title's size need, includes the matrices."""
    (page,) = read_document(pdfs.font_sizes_set_by_matrices(tmp_path / "tf1.pdf"), backend=backend, ocr=False)
    assert [(ln.text, ln.size, len(ln.cells)) for ln in page.lines] == [
        ("Plain twelve", 12.0, 1),
        ("Referat fra styret", 21.0, 1),
        ("1. Valg av ordstyrer", 11.0, 1),
        ("Scaled by the page", 12.0, 1),
        ("Squeezed text", 10.0, 1),
        ("In a form", 12.0, 1),
    ]


def test_regression_pdfium_line_breaks_inside_the_words_of_flipped_text_are_passed_over():
    """A producer that flips the y axis twice and places every glyph on its own: PDFium puts a
    line break before each letter shorter than the one before it ("Sid⏎eo⏎ver…"). The word rules
    decide where a line ends, so the pages read as pdfminer reads them."""
    path = SHARED / "corpus" / "real-world" / "no_online_genfors_2021_adobesign.pdf"
    read = {b: read_document(path, backend=b, ocr=False)[:15] for b in ("pdfium", "pdfplumber")}
    texts = {b: [[ln.text for ln in page.lines if ln.text] for page in pages] for b, pages in read.items()}
    assert texts["pdfium"][2][:2] == ["Sideoversikt", "Sideoversikt 3"]
    assert texts["pdfium"] == texts["pdfplumber"]


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_table_drawn_as_stroked_boxes_is_read_as_a_table(tmp_path, backend):
    """Cells drawn as stroked rectangles have no thin line to count: their sides are the table's
    borders, as pdfplumber's edges of rectangles are."""
    (page,) = read_document(pdfs.table_of_stroked_boxes(tmp_path / "bokser.pdf"), backend=backend, ocr=False)
    assert [(ln.table, [c.text for c in ln.cells]) for ln in page.lines] == [
        (True, ["Navn", "Funksjon"]),
        (True, ["Kari Nordmann", "Leder"]),
        (True, ["Ola Hansen", "Varamedlem"]),
        (False, ["Under tabellen."]),
    ]


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_an_embedded_font_without_a_to_unicode_map_is_read_by_its_own_character_map(tmp_path, backend):
    """PDFium gives such a font's glyph numbers, which print as signs ("# % # $%(# +%"); the page
    is read by pdfminer instead, which decodes them by the font's own character map."""
    path = pdfs.embedded_font_without_to_unicode(tmp_path / "uten-tounicode.pdf")
    (page,) = read_document(path, backend=backend, ocr=False)
    assert page.needs_ocr is None
    assert [ln.text for ln in page.lines] == [
        "Referat fra styremøtet 12.03.2024. Saken ble vedtatt. Styret godkjente budsjettet."
    ]


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_glyph_numbers_no_reader_can_decode_send_the_page_to_ocr(tmp_path, backend):
    path = pdfs.embedded_font_without_to_unicode(tmp_path / "uten-tegnkart.pdf", character_map=False)
    (page,) = read_document(path, backend=backend, ocr=False)
    assert page.needs_ocr == "text layer is garbage (a broken font map)"
    assert page.lines == []
