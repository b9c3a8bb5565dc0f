"""Attendees, chair and minute taker from the lists at the head of a document.

A list opens at a status label ("Til stede:", "Forfall:", "Sekretariat:", "Deltakere på
sak:", "Øvrige observatører:", "På sak om …:") and is written in one of three ways:
  * inline: "Til stede: Ida Haug (Tromsø kommune), Astrid Gramstad (UiT Helsefak), …",
    running to the end of the paragraph;
  * bullets under the label: "• Leif Røssås, fastlege Tromsø/PKO-leder …", wrapped lines
    continuing the item;
  * a table: one row per person, name in the first column, role in the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.segment.lines import is_heading_style, label_value, starts_paragraph
from extract.segment.text import BULLET, clean, strip_bullet
from extract.segment.vocabulary import (
    ATTENDANCE_LABELS,
    CHAIR_LABEL,
    CHAIR_MARKER,
    MINUTE_TAKER_LABEL,
    MINUTE_TAKER_MARKER,
)
from models.extraction import Attendee
from models.layout import Line

_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "la", "le", "af", "av", "du", "el", "bin", "ter"}
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÆØÅÄÖÜÉÈ][a-zæøåäöüéèáóíúçñ'’]+|[A-ZÆØÅ]\.?)(?:-(?:[A-ZÆØÅ][a-zæøåäöüéè'’]+|[A-ZÆØÅ]\.?))*$"
)
_SUBSTITUTE = re.compile(
    r"\b(?:vara(?:medlem|representant)?|møtte|møter|stedfortreder)\s+for\s+(?P<name>[^,;()]+)", re.I
)
_MAX_LABEL_WORDS = 6


@dataclass(slots=True)
class Attendance:
    attendees: list[Attendee] = field(default_factory=list)
    chair: str | None = None
    minute_taker: str | None = None


def looks_like_name(text: str) -> bool:
    """A person's name as printed: two to six capitalised words, initials and particles allowed."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 6 or len(text) > 60:
        return False
    named = 0
    for tok in tokens:
        if tok.lower() in _PARTICLES:
            continue
        if not _NAME_TOKEN.match(tok):
            return False
        named += 1
    return named >= 2 and _NAME_TOKEN.match(tokens[-1]) is not None and len(tokens[-1].rstrip(".")) > 1


def attendance_status(label: str) -> str | None:
    label = clean(label).rstrip(":").strip()
    if not label or len(label.split()) > _MAX_LABEL_WORDS:
        return None
    for status, pattern in ATTENDANCE_LABELS:
        if pattern.search(label):
            return status
    return None


def _split_top_level(text: str, separators: str) -> list[str]:
    parts, depth, buf = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and ch in separators:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return [p.strip() for p in parts if p.strip()]


def parse_person(text: str) -> tuple[str, str | None] | None:
    """("Ida Haug", "Tromsø kommune") from "Ida Haug (Tromsø kommune)", "Ida Haug, Tromsø" or
    "Ida Haug – Tromsø"; None when the text does not start with a name."""
    text = strip_bullet(clean(text)).rstrip(",;.")
    cuts = [(text.find(sep), sep) for sep in ("(", ",", " - ", " – ", " — ", ":") if text.find(sep) > 0]
    if not cuts:
        return (text, None) if looks_like_name(text) else None
    pos, sep = min(cuts)
    name = text[:pos].strip()
    rest = text[pos + len(sep) :].strip() if sep != "(" else text[pos:].strip()
    if not looks_like_name(name):
        return None
    if sep == "(" and rest.startswith("(") and rest.count("(") == 1 and rest.endswith(")"):
        rest = rest[1:-1]
    return name, (rest.strip(" ,;") or None)


def _inline_people(text: str) -> list[tuple[str, str | None]]:
    sep = ";" if ";" in text else ","
    people: list[tuple[str, str | None]] = []
    for piece in _split_top_level(text, sep):
        halves = re.split(r"\s+(?:og|and|samt)\s+", piece)
        if len(halves) == 2 and all(parse_person(h) for h in halves):
            people.extend(p for h in halves if (p := parse_person(h)))
            continue
        dashed = re.search(r"\s[-–—]\s", piece)
        person = parse_person(piece) if sep == ";" or dashed else _name_with_parens(piece)
        if person:
            people.append(person)
        elif people and people[-1][1] is None and not looks_like_name(piece):
            # "Ida Haug, Tromsø kommune, Astrid Gramstad, UiT": a role following a name.
            people[-1] = (people[-1][0], piece)
    return people


def _name_with_parens(piece: str) -> tuple[str, str | None] | None:
    piece = clean(piece).rstrip(".")
    m = re.match(r"^(?P<name>[^()]+?)\s*\((?P<aff>.*)\)\s*$", piece)
    if m and looks_like_name(m.group("name")):
        return m.group("name").strip(), m.group("aff").strip() or None
    return (piece, None) if looks_like_name(piece) else None


def _row_people(line: Line) -> list[tuple[str, str | None]]:
    """People in a table row: name then role columns, or several "Name (Party)" cells side by side."""
    cells = [clean(c.text) for c in line.cells if clean(c.text)]
    if not cells:
        return []
    each = [_name_with_parens(c) for c in cells]
    if len(cells) >= 2 and all(p is not None and p[1] for p in each):
        return [p for p in each if p]
    if looks_like_name(cells[0]):
        return [(cells[0], ", ".join(cells[1:]) or None)]
    person = parse_person(", ".join(cells))
    return [person] if person else []


def _label_only(line: Line, body: float) -> str | None:
    """A label standing alone on its line, with or without colon ("Tilstede", "Forfall:")."""
    text = clean(line.text)
    if len(line.cells) == 1 and (text.endswith(":") or is_heading_style(line, body)):
        return text.rstrip(":").strip()
    return None


def _role_name(value: str) -> str | None:
    value = clean(value)
    if not value:
        return None
    person = parse_person(value)
    return person[0] if person else value.split(",")[0].split("(")[0].strip() or None


def find_attendance(lines: list[Line], body: float, committee: str | None = None) -> Attendance:
    result = Attendance()
    people: list[tuple[str, str | None, str, int]] = []  # name, affiliation, status, page
    status: str | None = None
    pending_role: str | None = None  # "chair" or "minute_taker" announced by a label alone on its line
    inline: list[str] | None = None  # text of an inline list being read
    item: list[str] | None = None  # the bullet item being read
    item_page = 0

    def flush() -> None:
        nonlocal inline, item
        if inline is not None and status:
            for name, aff in _inline_people(" ".join(inline)):
                people.append((name, aff, status, item_page))
        if item is not None and status and (person := parse_person(" ".join(item))):
            people.append((person[0], person[1], status, item_page))
        inline, item = None, None

    for line in lines:
        if line.rule:
            flush()
            status = None
            continue
        text = clean(line.text)
        lv = label_value(line) if not line.table or len(line.cells) >= 2 else None
        label = lv[0] if lv else _label_only(line, body)
        value = lv[1] if lv else ""
        if pending_role and label is None:
            name = _role_name(text)
            if pending_role == "chair":
                result.chair = result.chair or name
            else:
                result.minute_taker = result.minute_taker or name
            pending_role = None
            continue
        pending_role = None
        for role, pattern in (("chair", CHAIR_LABEL), ("minute_taker", MINUTE_TAKER_LABEL)):
            if label is not None and pattern.match(label):
                flush()
                status = None
                name = _role_name(value)
                if name is None:
                    pending_role = role
                elif getattr(result, role) is None:
                    setattr(result, role, name)
                break
        else:
            role = None
        if role is not None:
            continue
        new_status = attendance_status(label) if label is not None else None
        if new_status:
            flush()
            status, item_page = new_status, line.page
            if value:
                inline = [value]
            continue
        if status is None:
            continue
        if label is not None and not line.table and not looks_like_name(label):
            flush()  # another label ends the list
            status = None
            continue
        if inline is not None:
            if starts_paragraph(line) or is_heading_style(line, body):
                flush()
                status = None
            else:
                inline.append(text)
            continue
        if line.table or len(line.cells) >= 2:
            flush()
            for person in _row_people(line):
                people.append((person[0], person[1], status, line.page))
            continue
        if BULLET.match(text):
            flush()
            item, item_page = [text], line.page
        elif item is not None and not starts_paragraph(line):
            item.append(text)
        elif parse_person(text):
            flush()
            item, item_page = [text], line.page
        elif is_heading_style(line, body) or starts_paragraph(line):
            flush()
            status = None
    flush()

    seen: set[tuple[str, str]] = set()
    for name, aff, st, page in people:
        key = (name.casefold(), st)
        if key in seen:
            continue
        seen.add(key)
        sub = _SUBSTITUTE.search(aff or "")
        result.attendees.append(
            Attendee(
                name=name,
                status=st,
                affiliation=aff,
                substitute_for=clean(sub.group("name")) if sub else None,
                page=page,
            )
        )
    _roles_from_markers(result, committee)
    return result


def _roles_from_markers(result: Attendance, committee: str | None) -> None:
    """ "(referent)" after a name names the minute taker; "(møteleder)" or "leder <committee>" the chair."""
    for a in result.attendees:
        aff = a.affiliation or ""
        if result.minute_taker is None and MINUTE_TAKER_MARKER.search(aff) and "(" in aff:
            result.minute_taker = a.name
        if result.chair is None and a.status == "present":
            chairs_committee = committee and re.search(
                rf"(?<![\w-])leder\s+(?:for\s+|av\s+|i\s+)?{re.escape(committee)}", aff, re.I
            )
            if CHAIR_MARKER.search(aff) or chairs_committee:
                result.chair = a.name
