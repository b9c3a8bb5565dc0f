"""Ruled tables from PDFium's paths (extract.layout.ruled) against pdfplumber's own parse of the
page, on PDFs drawn here; the corpora are compared page by page in test_reader_equality."""

import ctypes

import pypdfium2 as pdfium

from extract.layout import pdfium as reader
from extract.layout import ruled
from tests import pdfs
from tests.reference_pdfium import page_tables
from tests.test_reader_equality import same_tables


def found_by_pdfium(page) -> list:
    handle = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
    return ruled.find_tables(page, ruled.with_matrices(reader._objects(handle)))


def test_cell_borders_lines_and_rectangles_give_pdfplumbers_tables(tmp_path):
    path = pdfs.ruled_grids(tmp_path / "grids.pdf")
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    found = found_by_pdfium(page)
    expected = page_tables(path, 0)
    assert len(expected) == 3 and [len(t.rows) for t in expected] == [3, 3, 3]
    assert same_tables(found, expected)


def test_a_rotated_page_is_left_to_pdfplumber(tmp_path):
    path = pdfs.ruled_grids(tmp_path / "grids.pdf")
    pdf = pdfium.PdfDocument(str(path))
    assert ruled.plain_geometry(pdf[0])
    landscape = pdf[1]
    landscape.set_rotation(90)
    assert not ruled.plain_geometry(landscape)


def test_a_path_pdfium_cannot_give_falls_back_to_pdfplumber(tmp_path, monkeypatch):
    path = pdfs.ruled_grids(tmp_path / "grids.pdf")

    def broken(*args):
        raise pdfium.PdfiumError("Failed to read a path segment.")

    monkeypatch.setattr(ruled, "find_tables", broken)
    pdf = pdfium.PdfDocument(str(path))
    tables = reader._Pdfminer(path, None)
    try:
        assert same_tables(reader._tables_of(pdf[0], 0, tables), page_tables(path, 0))
    finally:
        tables.close()


def test_reading_ruled_tables_with_pdfium_never_imports_pdfplumber(tmp_path):
    """The tables come from extract.layout.grids: a run of the PDFium reader pays for neither
    pdfplumber's import nor its finder, and still reads its tables."""
    import subprocess
    import sys

    path = pdfs.ruled_grids(tmp_path / "grids.pdf")
    script = (
        "import sys; from pathlib import Path; from extract.layout.pdfium import read_pdf; "
        f"pages = read_pdf(Path({str(path)!r})); "
        "print(sum(line.table for line in pages[0].lines), "
        "'pdfplumber' in sys.modules, 'pdfminer' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["3", "False", "False"]  # the three rows of the table with text
