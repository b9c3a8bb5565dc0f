"""PDF → structured meeting documents: layout (pdfplumber), segmentation, names."""

# Bump when extraction rules change, so archives re-extract their files on the next build.
EXTRACTOR_VERSION = "5"
