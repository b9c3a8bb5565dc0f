"""The floors the pipeline is measured against, each over every page of the given PDFs:

    python -m bench.floors pdftotext|pdfplumber|pdfium FILE...

pdftotext (poppler) is the practical floor for getting text out of a PDF at all; pdfplumber's
`extract_words` is the library floor of the pdfplumber backend; pdfium's text per page is the
floor of the pypdfium2 backend. The libraries print the number of pages they read.
"""

from __future__ import annotations

import subprocess
import sys


def pdftotext(paths: list[str]) -> int:
    for path in paths:  # one process per file, as a script calling it would
        subprocess.run(["pdftotext", "-layout", path, "-"], check=True, stdout=subprocess.DEVNULL)
    return -1  # pdftotext does not say; the caller knows


def pdfplumber_words(paths: list[str]) -> int:
    import pdfplumber

    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.close()  # as a long run must, or pdfplumber keeps every page's objects
                pages += 1
    return pages


def pdfium_text(paths: list[str]) -> int:
    import pypdfium2 as pdfium

    pages = 0
    for path in paths:
        pdf = pdfium.PdfDocument(path)
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages


FLOORS = {"pdftotext": pdftotext, "pdfplumber": pdfplumber_words, "pdfium": pdfium_text}


def main() -> None:
    name, paths = sys.argv[1], sys.argv[2:]
    print(FLOORS[name](paths))


if __name__ == "__main__":
    main()
