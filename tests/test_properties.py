"""The segmenters on arbitrary text: no exception, no case without a proper number."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.layout.quality import is_garbage
from extract.segment.documents import segment
from models.layout import Cell, Line, Page

GENRE = st.sampled_from([
    "Sak 12/24 Budsjett", "Vedtak:", "Forslag til vedtak:", "Til stede: Ida Haug (UNN), Ola Hansen",
    "Forfall:", "• Kari Nordmann, Tromsø", "Referat møte 1-2024", "Tid: 12.03.2024 kl. 10-12", "12/2024 Tittel",
    "Sak: | 13/24", "Tittel: | Noe", "---", "Saksliste", "1. Første punkt", "", "Innstilling:",
])  # fmt: skip
LINE = st.one_of(GENRE, st.text(max_size=80))


@st.composite
def pages(draw):
    result = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        lines = []
        top = 40.0
        for text in draw(st.lists(LINE, max_size=25)):
            size = draw(st.sampled_from([9.0, 11.0, 13.0, 16.0]))
            cells = [Cell(part, 65 + 240 * i, 300 + 240 * i) for i, part in enumerate(text.split(" | "))]
            lines.append(
                Line(
                    page=number,
                    top=top,
                    bottom=top + size,
                    cells=cells,
                    size=size,
                    bold=draw(st.booleans()),
                    gap_before=draw(st.sampled_from([None, 3.5, 14.0])),
                    rule=text == "---",
                )
            )
            top += size + 4
        result.append(Page(number=number, width=595, height=842, lines=lines))
    return result


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_segmentation_never_fails_and_every_case_has_a_number(doc_pages):
    for doc in segment(doc_pages):
        assert doc.kind in ("agenda", "minutes", "case_document", "other")
        for case in doc.cases:
            assert re.fullmatch(r"\d{2,3}/\d{4}", case.number)
            assert isinstance(case.title, str)
            assert all(isinstance(p, str) and p for p in case.proposed_decisions)


@given(st.text())
def test_the_garbage_check_accepts_any_text(text):
    assert is_garbage(text) in (True, False)
