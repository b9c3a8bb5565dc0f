"""The fast PDFium reader against the reference it replaced (tests/reference_pdfium.py): on every
page of the dev, genre and real-world corpora the same words (text, size, weight, boxes within
0.5 pt), the same rules, the same ruled tables (found without decoding the page's text), and
the same JSON for every file. A speed-up that
changes what is read is a regression, whatever it gains."""

import ctypes
import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extract.layout import pdfium as fast
from extract.pipeline import extract_pdf
from tests import reference_pdfium as reference
from tests.conftest import SHARED

CORPORA = ("dev", "genre", "real-world")
TOLERANCE = 0.5  # points


def corpus_pdfs() -> list[Path]:
    found = [p for name in CORPORA for p in sorted((SHARED / "corpus" / name).glob("*.pdf"))]
    if not found:
        pytest.fail(f"no corpus PDFs under {SHARED / 'corpus'}: ../shared must be beside this checkout")
    return found


def same_words(a, b) -> bool:
    return (a.text, a.size, a.bold) == (b.text, b.size, b.bold) and all(
        abs(getattr(a, side) - getattr(b, side)) <= TOLERANCE for side in ("x0", "x1", "top", "bottom")
    )


def same_tables(found, expected) -> bool:
    """The same tables, rows and cells, each box within the tolerance (PDFium keeps points as
    32-bit floats, pdfminer as 64-bit)."""

    def close(a, b) -> bool:
        return (a is None) == (b is None) and (
            a is None or all(abs(p - q) <= TOLERANCE for p, q in zip(a, b, strict=True))
        )

    return len(found) == len(expected) and all(
        close(t.bbox, u.bbox)
        and len(t.rows) == len(u.rows)
        and all(
            len(r) == len(s) and all(close(c, d) for c, d in zip(r, s, strict=True))
            for r, s in zip(t.rows, u.rows, strict=True)
        )
        for t, u in zip(found, expected, strict=True)
    )


@pytest.mark.parametrize("path", corpus_pdfs(), ids=lambda p: p.name)
def test_every_page_reads_the_same_words_rules_and_borders(path):
    pdf = pdfium.PdfDocument(str(path))
    tables = fast._Pdfminer(path, None)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            words, chars = fast.page_words(page)
            ref_words, ref_chars = reference.page_words(page)
            assert chars == ref_chars, f"page {index + 1}"
            assert len(words) == len(ref_words), f"page {index + 1}"
            assert all(same_words(a, b) for a, b in zip(words, ref_words, strict=True)), f"page {index + 1}"
            paths = fast.page_paths(page)
            assert paths == reference.page_paths(page), f"page {index + 1}"
            if fast._may_hold_table(paths[1], paths[2]):
                found = fast._tables_of(page, index, tables)
                assert same_tables(found, reference.page_tables(path, index)), f"tables, page {index + 1}"
            page.close()
    finally:
        tables.close()
        pdf.close()


def test_every_file_gives_the_same_json(monkeypatch):
    paths = corpus_pdfs()
    new = [json.dumps(extract_pdf(p, ocr=False).to_dict(), sort_keys=True) for p in paths]
    monkeypatch.setattr(fast, "page_words", reference.page_words)
    monkeypatch.setattr(fast, "page_paths", reference.page_paths)
    monkeypatch.setattr(fast, "_paths_only_layout", lambda pdf, page: page.layout)
    monkeypatch.setattr(fast, "_tables_of", lambda page, index, tables: tables.tables(index))
    old = [json.dumps(extract_pdf(p, ocr=False).to_dict(), sort_keys=True) for p in paths]
    for path, a, b in zip(paths, new, old, strict=True):
        assert a == b, path.name


@pytest.mark.parametrize("path", corpus_pdfs(), ids=lambda p: p.name)
def test_the_python_calls_read_what_the_c_helper_reads(path, monkeypatch):
    """Without a C compiler the characters are asked, words made and paths walked in Python: the
    same words, rules and counts, and the same table edges from the paths' segments."""
    from extract.layout import native, ruled

    def read(page):
        words, paths = fast.page_words(page), fast.page_paths(page)
        if not (fast._may_hold_table(paths[1], paths[2]) and ruled.plain_geometry(page)):
            return words, paths, None
        handle = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
        return words, paths, ruled.page_edges(page, ruled.with_matrices(fast._objects(handle)))

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = [pdf[i] for i in range(len(pdf))]
        with_helper = [read(page) for page in pages]
        monkeypatch.setattr(native, "helper", lambda: None)
        assert [read(page) for page in pages] == with_helper
    finally:
        pdf.close()


def test_the_c_helper_is_built_where_there_is_a_compiler():
    import shutil

    from extract.layout import native

    assert (native.helper() is not None) == bool(shutil.which("cc") or shutil.which("gcc"))


def test_each_rule_of_making_words_gives_the_same_words_in_c_and_in_python(tmp_path, monkeypatch):
    from extract.layout import native
    from tests import pdfs

    pdf = pdfium.PdfDocument(str(pdfs.word_rules(tmp_path / "rules.pdf")))
    try:
        page = pdf[0]
        words, count = fast.page_words(page)
        monkeypatch.setattr(native, "helper", lambda: None)
        assert fast.page_words(page) == (words, count)
    finally:
        pdf.close()
    assert [(w.text, w.size, w.bold) for w in words] == [
        ("Referat", 12.0, False), ("fra", 12.0, False), ("moetet", 12.0, False),  # printed twice, read once
        ("Sak", 12.0, False), ("12/24", 12.0, True), ("Budsjett", 12.0, True),
        ("stor", 12.0, False), ("liten", 16.0, False),  # a change of size starts a word
        ("langt", 12.0, False), ("borte", 12.0, False),  # so does a gap
    ]  # fmt: skip
    assert count == sum(len(w.text) for w in words)


def test_paths_in_forms_and_more_rules_than_first_room_read_the_same_in_c_and_in_python(tmp_path, monkeypatch):
    from extract.layout import native
    from tests import pdfs

    pdf = pdfium.PdfDocument(str(pdfs.many_rules_in_a_form(tmp_path / "rules.pdf")))
    try:
        page = pdf[0]
        rules, horizontal, vertical, images = found = fast.page_paths(page)
        assert found == reference.page_paths(page)
        monkeypatch.setattr(native, "helper", lambda: None)
        assert fast.page_paths(page) == found
    finally:
        pdf.close()
    assert (len(rules), horizontal, vertical, images) == (101, 101, 3, 0)
