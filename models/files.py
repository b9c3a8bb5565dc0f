"""What every stage agrees a PDF is: the header within the first kilobyte, as PDF readers accept."""

PDF_MAGIC = b"%PDF-"
SNIFF_BYTES = 1024


def looks_like_pdf(head: bytes) -> bool:
    return PDF_MAGIC in head[:SNIFF_BYTES]
