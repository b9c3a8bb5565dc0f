"""What the layout stage reads off a page: words with their style, grouped into lines and cells.

Segmentation only sees these objects, never pdfplumber, so its rules can be tested on
hand-made lines and a second PDF backend can feed the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen init costs 5× as much, per word of every page
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(slots=True)
class Cell:
    """A run of words separated from its neighbours by a column gap or a table rule."""

    text: str
    x0: float
    x1: float
    bold: bool = False


@dataclass(slots=True)
class Line:
    """One visual line (or one table row), with the style that headings and labels are told by."""

    page: int  # 1-based
    top: float
    bottom: float
    cells: list[Cell]
    size: float = 11.0  # dominant font size
    bold: bool = False  # most characters are bold
    gap_before: float | None = None  # white space above the line; None at the top of a page
    table: bool = False  # a row of a ruled table
    rule: bool = False  # a horizontal rule drawn across the text column
    _text: str | None = field(default=None, init=False, repr=False, compare=False)  # set by settle()
    # segmentation's reading of the line as "Label: value", boxed (None: not read yet); settle() drops it
    label_memo: tuple[tuple[str, str] | None] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        if self._text is not None:
            return self._text
        return " ".join(c.text for c in self.cells if c.text)

    def settle(self) -> None:
        """Keep the text: segmentation reads it tens of times per line, and from then on the
        cells no longer change (the layout stage, which merges cells, is done)."""
        self._text = self.label_memo = None
        self._text = self.text

    @property
    def x0(self) -> float:
        return self.cells[0].x0 if self.cells else 0.0

    @property
    def x1(self) -> float:
        return self.cells[-1].x1 if self.cells else 0.0


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    header: str | None = None  # running header removed from lines
    footer: str | None = None  # running footer / page number removed from lines
    chars: int = 0  # characters in the text layer
    images: int = 0
    ocr: bool = False  # text came from OCR, not from the PDF's text layer
    needs_ocr: str | None = None  # why the text layer cannot be used, while the page is not yet OCR'd
    rescan: bool = False  # its text is a scanner's invisible OCR layer: read again when OCR can run

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
