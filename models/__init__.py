"""Dataclasses passed between the stages: layout → segmentation → names → database."""

from models.extraction import (
    Attendee,
    Case,
    Document,
    FileExtraction,
    Meeting,
)
from models.failure import Failure
from models.layout import Cell, Line, Page, Word

__all__ = [
    "Attendee",
    "Case",
    "Cell",
    "Document",
    "Failure",
    "FileExtraction",
    "Line",
    "Meeting",
    "Page",
    "Word",
]
