"""Real PDFs made at test time with fpdf2 (core fonts: Latin-1 text, bold as a font name)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

LABEL_X, VALUE_X = 20, 95  # mm: the two columns of a borderless label table


class MeetingPdf(FPDF):
    """A4, a running header when given, the page number in the footer ("{}" in `page_label`)."""

    def __init__(self, header_text: str | None = None, page_label: str = "{}"):
        super().__init__(format="A4")
        self.header_text, self.page_label = header_text, page_label
        self.set_auto_page_break(auto=True, margin=20)

    def header(self) -> None:
        if self.header_text:
            self.set_font("Helvetica", size=9)
            self.set_xy(20, 10)
            self.cell(0, 5, self.header_text)
            self.set_y(25)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 5, self.page_label.format(self.page_no()), align="C")


def _text(pdf: FPDF, text: str, size: float = 11, bold: bool = False, x: float = 20, h: float = 6) -> None:
    pdf.set_font("Helvetica", "B" if bold else "", size)
    pdf.set_x(x)
    pdf.multi_cell(170 - (x - 20), h, text)


def _label(pdf: FPDF, label: str, value: str) -> None:
    """A row of a label table without borders; a long value wraps under its own column."""
    y = pdf.get_y()
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(LABEL_X, y)
    pdf.cell(VALUE_X - LABEL_X, 6, label)
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(VALUE_X, y)
    pdf.multi_cell(80, 6, value)
    pdf.ln(2)


def agenda_with_label_tables(path: Path, pages: int = 2) -> Path:
    """An agenda whose case headings are borderless "Sak:" / "Tittel:" tables, with a running header."""
    pdf = MeetingPdf("Helsefellesskapet Testby - Faglig samarbeidsutvalg for barn og unge")
    pdf.add_page()
    _text(pdf, "Møte 3/2024 FSU barn og unge", size=16, bold=True)
    _label(pdf, "Tid:", "12.03.2024, kl. 10.00-12.00")
    _label(pdf, "Sted:", "Teams")
    for n in range(5, 5 + 2 * pages):
        _text(pdf, "_" * 60)
        _label(pdf, "Sak:", f"{n:02d}/24")
        _label(pdf, "Tittel:", f"En lang tittel på sak nummer {n} som går over mer enn én linje i tabellen")
        _text(pdf, "Saken gjelder samarbeid mellom kommunene og sykehuset om tiltak for barn og unge. " * 3)
        _text(pdf, "Forslag til vedtak:", bold=True)
        _text(pdf, f"FSU barn og unge tar sak {n} til orientering.")
    pdf.output(str(path))
    return path


def minutes_with_attendee_table(path: Path) -> Path:
    """Minutes whose attendees stand in a ruled table, followed by bold "Sak NN/YYYY:" headings."""
    pdf = MeetingPdf()
    pdf.add_page()
    _text(pdf, "Referat møte 1-2024 FSU psykisk helse og rus", size=16, bold=True)
    _label(pdf, "Møtetid:", "10.01.2024 kl. 13.00-15.00")
    _text(pdf, "Faste medlemmer:", bold=True)
    pdf.set_font("Helvetica", "", 11)
    with pdf.table(col_widths=(60, 110), first_row_as_headings=False) as table:
        for name, role in (("Kari Nordmann", "Avdelingsleder, Tromsø kommune"), ("Ola Hansen", "Fastlege Harstad")):
            row = table.row()
            row.cell(name)
            row.cell(role)
    pdf.ln(4)
    _text(pdf, "Forfall:", bold=True)
    with pdf.table(col_widths=(60, 110), first_row_as_headings=False) as table:
        row = table.row()
        row.cell("Per Olsen")
        row.cell("Brukerrepresentant")
    pdf.ln(4)
    _text(pdf, "Sak 01/2024: Godkjenning av innkalling", bold=True)
    _text(pdf, "Vedtak: Innkalling godkjennes.", bold=True)
    pdf.output(str(path))
    return path


def image_only(path: Path) -> Path:
    """A page with no text layer, as a scanner makes it."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(200, 200, 200)
    pdf.rect(20, 20, 100, 50, style="F")
    pdf.output(str(path))
    return path


def overprinted_bold(path: Path) -> Path:
    """Bold faked by printing the same text twice at the same spot, as some producers do."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for _ in range(2):
        pdf.set_xy(20, 20)
        pdf.cell(0, 6, "Vedtak: Saken tas til orientering.")
    pdf.output(str(path))
    return path


def scanned_copy(source: Path, target: Path, dpi: int = 200, askew: float = 0.0) -> Path:
    """An image-only copy of a PDF, as a scanner makes it: each page rendered and saved as a
    picture, turned `askew` degrees counter-clockwise as a sheet fed a little crooked (or, by 90
    or 180, on its side or upside down)."""
    import pypdfium2 as pdfium
    from PIL import Image

    pdf = pdfium.PdfDocument(str(source))
    images = [
        pdf[i]
        .render(scale=dpi / 72)
        .to_pil()
        .convert("RGB")
        .rotate(askew, Image.BICUBIC, expand=abs(askew) >= 45, fillcolor="white")
        for i in range(len(pdf))
    ]
    pdf.close()
    images[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return target


ATTENDANCE = [
    ("Navn", "Parti", "Funksjon", "Møtt"),
    ("Kari Nordmann", "Ap", "Ordfører", "Ja"),
    ("Ola Hansen", "H", "Varaordfører", "Ja"),
    ("Sigrid Berg", "Sp", "Medlem", "Ja"),
    ("Per Johansen", "FrP", "Medlem", "Ja"),
    ("Ingrid Dahl", "SV", "Medlem", "Nei"),
]


WEIGHTS = [
    ("Saksframlegg", 16, True),
    ("Forslag til vedtak", 11, True),
    ("Styret tar den nye ordningen for innkalling til orientering.", 11, False),
    ("Saksopplysninger", 11, True),
    ("Ordningen gjelder fra neste møte, og sekretariatet sender sakene ut samlet.", 11, False),
    ("Vurdering", 13, False),
    ("Saken legges fram uten merknader fra administrasjonen i denne omgang.", 11, False),
]


def bold_and_regular_lines(path: Path) -> Path:
    """Lines in bold and regular type of several sizes, each alone on its line (`WEIGHTS`)."""
    pdf = MeetingPdf()
    pdf.add_page()
    for text, size, bold in WEIGHTS:
        _text(pdf, text, size=size, bold=bold, h=9)
    pdf.output(str(path))
    return path


def scan_with_a_scanners_text_layer(source: Path, target: Path, layer: list[str], dpi: int = 300) -> Path:
    """A scan as many scanners save it: each page a picture, under an invisible text layer of
    the scanner's own OCR (`layer`: its lines, as poorly read as such layers often are)."""
    import pypdfium2 as pdfium
    from fpdf.enums import TextMode

    pdf_in = pdfium.PdfDocument(str(source))
    out = FPDF(format="A4")
    for i in range(len(pdf_in)):
        image = pdf_in[i].render(scale=dpi / 72).to_pil().convert("RGB")
        out.add_page()
        out.image(image, x=0, y=0, w=210, h=297)
        out.text_mode = TextMode.INVISIBLE
        out.set_font("Helvetica", "", 11)
        for k, text in enumerate(layer if i == 0 else []):
            out.text(20, 30 + 8 * k, text)
        out.text_mode = TextMode.FILL
    pdf_in.close()
    out.output(str(target))
    return target


def minutes_with_a_ruled_attendance_table(path: Path) -> Path:
    """Minutes whose attendees stand in a table drawn with borders, as word processors print them."""
    pdf = MeetingPdf()
    pdf.add_page()
    _text(pdf, "Møteprotokoll", size=16, bold=True)
    _text(pdf, "Formannskapet", size=13, bold=True)
    _label(pdf, "Møtedato:", "12.03.2024")
    _label(pdf, "Tid:", "10:00 - 12:30")
    _label(pdf, "Møtested:", "Rådhuset")
    pdf.ln(4)
    for k, row in enumerate(ATTENDANCE):
        pdf.set_x(20)
        pdf.set_font("Helvetica", "B" if k == 0 else "", 11)
        for text, width in zip(row, (60, 30, 45, 25), strict=True):
            pdf.cell(width, 8, text, border=1)
        pdf.ln(8)
    pdf.ln(6)
    _text(pdf, "PS 12/24 Godkjenning av protokoll", size=12, bold=True)
    _text(pdf, "Vedtak:", bold=True)
    _text(pdf, "Protokollen godkjennes.")
    pdf.output(str(path))
    return path


def label_at_same_height_near_the_bottom_of_two_pages(path: Path) -> Path:
    """Regression: "Vedtak:" standing at the same height low on two pages was taken for a footer."""
    pdf = MeetingPdf()
    for n in (1, 2):
        pdf.add_page()
        _text(pdf, f"Sak 0{n}/2024: Sak nummer {n}", bold=True)
        pdf.set_y(240)  # mm: low on the page, above the footer's page number
        _text(pdf, "Vedtak:", bold=True)
        _text(pdf, f"Utvalget tar sak {n} til orientering.")
    pdf.output(str(path))
    return path


def _raw_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF written object by object, for the broken structures no library writes."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)
    return path


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 720 Td (Referat) Tj ET"


def _page(parent: int, contents: int, font: int) -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, contents, font)
    )


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def word_rules(path: Path) -> Path:
    """One page for the rules of making words: a line printed again a fifth of a point off (fake
    bold: read once), a change to a bold font, a change of size within a word, and a gap within
    a line. (An "ff" ligature's two letters at one spot need a font with the ligature: the
    corpora have them.)"""
    content = b"""BT /F1 12 Tf 72 720 Td (Referat fra moetet) Tj ET
BT /F1 12 Tf 72.2 720.2 Td (Referat fra moetet) Tj ET
BT /F1 12 Tf 72 680 Td (Sak) Tj /F2 12 Tf ( 12/24 Budsjett) Tj ET
BT /F1 12 Tf 72 660 Td (stor) Tj /F1 16 Tf (liten) Tj ET
BT /F1 12 Tf 72 640 Td (langt) Tj 40 0 Td (borte) Tj ET"""
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"
    )
    bold = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"
    return _raw_pdf(
        path,
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         page, _stream(content), _FONT, bold],
    )  # fmt: skip


def many_rules_in_a_form(path: Path, rules: int = 100) -> Path:
    """A page drawing `rules` full-width rules and three column lines inside a form XObject, and
    one rule of its own: more rules than a first guess of room for them, one level down."""
    drawn = b"".join(b"50 %d m 560 %d l S\n" % (700 - 6 * k, 700 - 6 * k) for k in range(rules))
    drawn += b"".join(b"%d 100 m %d 700 l S\n" % (x, x) for x in (50, 300, 560))
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Length %d >>\nstream\n" % len(drawn)
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /X1 5 0 R >> >> >>"
    )
    return _raw_pdf(
        path,
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
         _stream(b"q /X1 Do Q 40 60 m 570 60 l S"), form + drawn + b"\nendstream"],
    )  # fmt: skip


def lying_page_count(path: Path, claimed: int = 999_999) -> Path:
    """One page, in a page tree that claims `claimed`."""
    return _raw_pdf(
        path,
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % claimed,
         _page(2, 4, 5), _stream(_TEXT), _FONT],
    )  # fmt: skip


def deep_page_tree(path: Path, depth: int = 5000) -> Path:
    """One page under `depth` levels of page-tree nodes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        me = 2 + level
        parent = b"/Parent %d 0 R " % (me - 1) if level else b""
        objects.append(b"<< /Type /Pages " + parent + b"/Kids [%d 0 R] /Count 1 >>" % (me + 1))
    page = 2 + depth
    objects += [_page(page - 1, page + 1, page + 2), _stream(_TEXT), _FONT]
    return _raw_pdf(path, objects)


def flate_bomb(path: Path, megabytes: int = 400) -> Path:
    """A page whose content stream inflates to `megabytes` MB from a few hundred kB."""
    import zlib

    packed = zlib.compress(b"0" * (megabytes << 20), 9)
    return _raw_pdf(
        path,
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         _page(2, 4, 5), _stream(packed, b"/Filter /FlateDecode "), _FONT],
    )  # fmt: skip


def ruled_grids(path: Path) -> Path:
    """Tables drawn three ways on one page: fpdf2's cell borders, separate lines, and rectangles
    (`re`, inside a saved graphics state); then a landscape page with a grid of lines."""
    pdf = MeetingPdf()
    pdf.add_page()
    _text(pdf, "Deltakere", bold=True)
    pdf.set_font("Helvetica", "", 11)
    with pdf.table(col_widths=(60, 60, 50), first_row_as_headings=False) as table:
        for cells in (
            ("Navn", "Rolle", "Status"),
            ("Kari Nordmann", "Leder", "Til stede"),
            ("Ola Hansen", "Medlem", "Forfall"),
        ):
            row = table.row()
            for text in cells:
                row.cell(text)
    for y in (150, 160, 170, 180):  # a grid of separate lines
        pdf.line(20, y, 150, y)
    for x in (20, 85, 150):
        pdf.line(x, 150, x, 180)
    with pdf.local_context():  # rectangles
        pdf.set_line_width(0.3)
        for row in range(3):
            for col in range(3):
                pdf.rect(30 + 40 * col, 200 + 12 * row, 40, 12)
    pdf.add_page(orientation="L")
    for y in (30, 40, 50):
        pdf.line(20, y, 200, y)
    for x in (20, 100, 200):
        pdf.line(x, 30, x, 50)
    pdf.output(str(path))
    return path


def font_sizes_set_by_matrices(path: Path) -> Path:
    """Text whose size is not its font's size: a font of size 1 scaled by the text matrix (as
    some producers write every line), a page scaled down by the CTM, a form XObject scaled up by
    its own matrix, and a font squeezed horizontally (which leaves its size alone)."""
    content = b"""BT /F1 12 Tf 72 720 Td (Plain twelve) Tj ET
BT /F1 1 Tf 21 0 0 21 72 680 Tm (Referat fra styret) Tj ET
BT /F1 1 Tf 11 0 0 11 72 640 Tm (1. Valg av ordstyrer) Tj ET
q 0.1 0 0 0.1 0 0 cm BT /F1 120 Tf 720 6000 Td (Scaled by the page) Tj ET Q
BT /F1 10 Tf 50 Tz 72 560 Td (Squeezed text) Tj 100 Tz ET
q /X1 Do Q"""
    form_body = b"BT /F1 6 Tf 36 260 Td (In a form) Tj ET"
    form = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [2 0 0 2 0 0] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n" % len(form_body)
    )
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >>"
    )
    return _raw_pdf(
        path,
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
         _stream(content), _FONT, form + form_body + b"\nendstream"],
    )  # fmt: skip


def table_of_stroked_boxes(path: Path) -> Path:
    """A ruled table whose every cell is drawn as its own stroked rectangle (no thin line or
    filled bar anywhere), as some form and report generators draw their tables."""
    rows = [("Navn", "Funksjon"), ("Kari Nordmann", "Leder"), ("Ola Hansen", "Varamedlem")]
    content = b""
    for r, (left, right) in enumerate(rows):
        y = 700 - 20 * r
        content += b"0.5 w 72 %d 240 20 re S 312 %d 200 20 re S\n" % (y, y)
        content += b"BT /F1 11 Tf 76 %d Td (%s) Tj ET\n" % (y + 6, left.encode("latin-1"))
        content += b"BT /F1 11 Tf 316 %d Td (%s) Tj ET\n" % (y + 6, right.encode("latin-1"))
    content += b"BT /F1 11 Tf 72 600 Td (Under tabellen.) Tj ET"
    return _raw_pdf(
        path,
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         _page(2, 4, 5), _stream(content), _FONT],
    )  # fmt: skip


def _box_font(signs: str, character_map: bool) -> bytes:
    """A TrueType font made here (fontTools): one box-shaped glyph per sign, in the order of
    `signs`, with or without the font's own character map."""
    import io

    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(None)
    for x, y in ((50, 0), (50, 500), (450, 500), (450, 0)):
        (pen.lineTo if x != 50 or y != 0 else pen.moveTo)((x, y))
    pen.closePath()
    glyph = pen.glyph()
    names = [".notdef"] + [f"g{i}" for i in range(len(signs))]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"g{i}" for i, c in enumerate(signs)} if character_map else {})
    builder.setupGlyf({name: glyph for name in names})
    builder.setupHorizontalMetrics({name: (500, 50) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Boks", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def embedded_font_without_to_unicode(path: Path, character_map: bool = True) -> Path:
    """A page set in an embedded TrueType font, Identity-H, with no ToUnicode map: the text is
    glyph numbers. PDFium gives them as signs; pdfminer decodes them by the font's own character
    map where it has one (without, neither reader can)."""
    text = "Referat fra styremøtet 12.03.2024. Saken ble vedtatt. Styret godkjente budsjettet."
    signs = "".join(sorted(set(text)))
    font = _box_font(signs, character_map)
    glyphs = b"".join(b"%04x" % (signs.index(c) + 1) for c in text)
    return _raw_pdf(
        path,
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _page(2, 4, 5),
         _stream(b"BT /F1 11 Tf 72 700 Td <" + glyphs + b"> Tj ET"),
         b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Boks /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
         b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Boks /CIDSystemInfo << /Registry (Adobe) "
         b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 500 >>",
         b"<< /Type /FontDescriptor /FontName /ABCDEF+Boks /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 "
         b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>",
         _stream(font, b"/Length1 %d " % len(font))],
    )  # fmt: skip
