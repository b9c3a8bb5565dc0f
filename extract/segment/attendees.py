"""Attendees, chair and minute taker from the lists at the head of a document.

A list opens at a status label ("Til stede:", "Forfall:", "Sekretariat:", "Deltakere på
sak:", "Fra administrasjonen møtte:", nynorsk "Til stades:", "Møtte ikkje:") and is written
in one of these ways:
  * inline: "Til stede: Ida Haug (Tromsø kommune), Astrid Gramstad (UiT Helsefak), …",
    running to the end of the paragraph, or continued in the label row's value column;
  * bullets or lines under the label: "• Leif Røssås, fastlege Tromsø/PKO-leder …";
  * a table, with a header row naming its columns ("Navn | Funksjon | Representerer",
    "Navn | Parti | Funksjon | Møter | Merknad") or one row per person without one;
  * groups under role labels within a list ("Ordførar: A, B", "Rådmenn: C").
A name is printed with its office before it ("Rådmann Ola Nordmann"), a party code before it
("AP Asgeir Almås"), or its organisation after it; the office and party are not the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from extract.names.given import is_given_name, is_surname
from extract.segment.bodies import natural_case, organisation
from extract.segment.lines import INLINE_LABEL, is_heading_style, label_value, starts_paragraph
from extract.segment.tables import is_row, squash, text_under
from extract.segment.text import BULLET, OPEN_END, clean, strip_marker
from extract.segment.vocabulary import (
    ABSENT_REMARK,
    ABSENT_SENTENCE,
    ADMINISTRATION_ROLE,
    ATTENDANCE_COLUMNS,
    ATTENDANCE_LABELS,
    CHAIR_LABEL,
    CHAIR_MARKER,
    CHAIR_SENTENCES,
    CHAIRING_ROLE,
    MINUTE_TAKER_LABEL,
    MINUTE_TAKER_MARKER,
    MINUTE_TAKER_SENTENCES,
    NATIONAL_PARTY,
    PARTY_NAME,
    SUBSTITUTE_REMARK,
    is_role_word,
)
from models.extraction import Attendee
from models.layout import Cell, Line

_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "la", "le", "af", "av", "du", "el", "bin", "ter"}
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÆØÅÄÖÜÉÈ][a-zæøåäöüéèáóíúçñ'’]+|[A-ZÆØÅ]\.?)(?:-(?:[A-ZÆØÅ][a-zæøåäöüéè'’]+|[A-ZÆØÅ]\.?))*$"
)
_PARTY_CODE = re.compile(r"^[A-ZÆØÅ]{1,5}(?:/[A-ZÆØÅ]{1,5})*$")
# The national parties' codes written in mixed case, which a list of first names could take for
# a name ("Ola Dahl, Sp").
_MIXED_PARTY_CODE = re.compile(r"^(?:Ap|Sp|FrP|Frp|KrF|Krf|Rødt|Raudt|Uavh\.?)$")
# A line this short did not wrap: the next line is a new entry, not its continuation.
WRAPPED_LINE_CHARS = 50
_SUBSTITUTE = re.compile(
    r"\b(?:vara(?:medlem|representant)?|møtte|møter|stedfortreder)\s+for\s*:?\s+(?P<name>[^,;()]+)", re.I
)
# A note of the cases someone attended, not an affiliation: "(49/14)", "(frå 51/14)", "(47-55/14)".
_CASE_NOTE = re.compile(r"^(?:(?:fra|frå|til|under|i|på|sak(?:ene)?|og|,|\s)*\d{1,3}(?:\s*[-–/]\s*\d{1,4})*)+$", re.I)
# When a person came or left, in brackets: "(forlot møtet etter sak 34/09)", "(fra kl 17)".
_PRESENCE_NOTE = re.compile(
    r"^(?:(?:forlot|gikk|gjekk|kom|ankom|permisjon|fratrådte|fråtredde)\b|perm\."
    r"|(?:fra|frå|til|etter|fom|tom|f\.o\.m\.?|t\.o\.m\.?)\s+(?:og\s+med\s+)?(?:kl\b|sak\b|\d))",
    re.I,
)
# A group's label naming where its people come from: "Fra kommunene:", "Frå UNN:".
_FROM = re.compile(r"^(?:fra|frå)\s+", re.I)
# A dash or bar alone at the end of a name's cell: what a scanned table's border leaves behind.
_STRAY_MARK = re.compile(r"\s+[-–—|_]+$")
_TRAILING_NOTE = re.compile(r"\s*\(([^()]*)\)$")
_MAX_LABEL_WORDS = 6
GROUP_LABEL_WORDS = 8  # an organisation's name labelling a group of names within a list
OFFICE_WORDS = 5  # an office printed before a name is a few words


@dataclass(slots=True)
class Attendance:
    attendees: list[Attendee] = field(default_factory=list)
    chair: str | None = None
    minute_taker: str | None = None


@dataclass(slots=True)
class Entry:
    """One person read off a list, before duplicates are dropped."""

    name: str
    affiliation: str | None
    status: str
    page: int
    substitute_for: str | None = None
    role: str | None = None
    # Under a "Møtt"/"Til stede" column: whether the row's cell is filled; None without one.
    marked: bool | None = None


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


def _rest_of_given_names(above: str, text: str) -> bool:
    """ "Anne Grete" over "Solberg Hansen": a line of given names alone, under it a name opening
    with a surname that is a given name too; one name on two lines, not two people."""
    given = above.split()
    if not 1 <= len(given) <= 3 or not all(_NAME_TOKEN.match(t) and is_given_name(t) for t in given):
        return False
    rest = text.split()
    return 1 <= len(rest) <= 3 and looks_like_name(f"{above} {text}") and is_surname(rest[0])


def _first_name_like(text: str) -> bool:
    """ "Karoline", "Linn M.", "Ida Lise": how a list of first names prints its people."""
    tokens = text.split()
    return 1 <= len(tokens) <= 2 and all(_NAME_TOKEN.match(t) for t in tokens) and len(tokens[0]) > 1


def split_role_name(text: str) -> tuple[str, str | None] | None:
    """("Jan Kåre Fure", "Rådmann") from "Rådmann Jan Kåre Fure"; ("Asgeir Almås", "AP") from
    "AP Asgeir Almås"; ("Mona Vik larsen", "Formannskapssekretær") where the office tells
    where the name begins. None when no name ends the text."""
    tokens = _join_hyphens(clean(text)).split()
    k = len(tokens)
    while k > 0 and (_NAME_TOKEN.match(tokens[k - 1]) or (tokens[k - 1].lower() in _PARTICLES and k < len(tokens))):
        k -= 1
    while k < len(tokens) and is_role_word(tokens[k]):
        k += 1  # an office printed capitalised at the start of the run
    name = " ".join(tokens[k:])
    if looks_like_name(name) and (k == 0 or _office(tokens[:k])):
        return name, " ".join(tokens[:k]) or None
    roles = [i for i, t in enumerate(tokens) if is_role_word(t)]
    if roles and _office(tokens[: roles[-1] + 1]):
        rest = tokens[roles[-1] + 1 :]
        if 2 <= len(rest) <= 4 and all(_NAME_TOKEN.match(t) for t in rest[:-1]) and rest[-1].isalpha():
            return " ".join(rest), " ".join(tokens[: roles[-1] + 1])
    return None


def _office(tokens: list[str]) -> bool:
    """Words before a name that are an office ("Direktør styre- og eieroppfølging", "leiar
    servicekontoret") or a party code ("AP"), not a sentence that ends in a name."""
    return len(tokens) <= OFFICE_WORDS and (
        any(is_role_word(t) for t in tokens) or (len(tokens) == 1 and bool(_PARTY_CODE.match(tokens[0])))
    )


def _only_office(text: str) -> bool:
    """ "ordfører", "(nestleder)": an office alone, no organisation."""
    words = text.strip("() ").split()
    if CHAIR_MARKER.search(text) or MINUTE_TAKER_MARKER.search(text):
        return False  # "(leder)", "(referent)" stay as printed: they name the meeting's roles
    return 0 < len(words) <= 2 and is_role_word(words[-1])


def _join_hyphens(text: str) -> str:
    """ "Schmidt- Melbye" (a name wrapped at its hyphen) is "Schmidt-Melbye"."""
    return re.sub(r"(?<=[A-Za-zæøåÆØÅ])- (?=[A-ZÆØÅ])", "-", text)


def _name_and_office(text: str) -> tuple[str, str | None] | None:
    """A name alone, or with its office or party code before it."""
    text = _join_hyphens(clean(text))
    if looks_like_name(text):
        tokens = text.split()
        if is_role_word(tokens[0]) and looks_like_name(" ".join(tokens[1:])):
            return " ".join(tokens[1:]), tokens[0]
        return text, None
    return split_role_name(text)


@lru_cache(maxsize=1 << 14)  # asked of every line's label and header cells, by several rules
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


class Person(NamedTuple):
    name: str
    affiliation: str | None = None
    role: str | None = None  # the office printed before the name
    substitute_for: str | None = None


_MARKER_FIRST = re.compile(r"^(?P<marker>\([^()]*\))\s*[,–-]\s*(?P<rest>[^()]+)$")
_MARKER = re.compile(r"^\((?:møte)?(?:referent|leder|leiar|sekretær|møtesekretær|ordstyrer)\)$", re.I)


def _without_case_note(text: str | None) -> str | None:
    """ "økonomidirektør (sak 45-2019)" → "økonomidirektør": the cases attended are no affiliation."""
    if text and (note := _TRAILING_NOTE.search(text)) and _CASE_NOTE.match(note.group(1)):
        return text[: note.start()] or None
    return text


def _member_met_for(note: str) -> str | None:
    """The member a substitute's note names, where the note is nothing else: "varamedlem for Jon
    Dal", "vara for: Jon Dal", "for Jon Dal"."""
    note = clean(note)
    m = _SUBSTITUTE.fullmatch(note) or _FOR_IN_BRACKETS.fullmatch(note)
    if m is None or m.groupdict().get("org"):
        return None
    other = clean(m.groupdict().get("name") or m.group("other"))
    return other if looks_like_name(other) else None


def _settle(name: str, office: str | None, rest: str | None) -> Person:
    """Office and organisation of one person: the organisation is the affiliation where one is
    printed ("Byrådsleder Erling Lae, Oslo kommune"), else the office, with a marker such as
    "(referent)" kept beside it."""
    rest = _without_case_note((rest or "").strip(" ,;") or None)
    if office and _PARTY_CODE.match(office):
        # "AP - Asgeir Almås (ordfører)": the party is the affiliation, the function its role
        role = rest if rest and all(is_role_word(w) for w in rest.strip("()").split()) else None
        return Person(name, office, role.strip("()") if role else None)
    if office and rest and not _MARKER.match(rest):
        return Person(name, rest, office)
    if not office and rest and (beside := _role_beside(rest)):
        return Person(name, beside[1], beside[0])
    return Person(name, " ".join(p for p in (office, rest) if p) or None, office)


def _role_beside(text: str) -> tuple[str, str] | None:
    """(role, affiliation) from "leder (SP)" or "(SP), leder": one or two words of office beside
    a bracket that is not itself an office or a marker ("informasjonssjef (referent)" stays)."""
    m = _ROLE_BESIDE.match(text)
    if m is None:
        return None
    role, group = (m.group("role"), m.group("group")) if m.group("role") else (m.group("role2"), m.group("group2"))
    words, group = role.split(), group.strip()
    if not 0 < len(words) <= 2 or not is_role_word(words[-1]) or is_role_word(group.split()[-1]):
        return None
    if _MARKER.match(f"({group})"):
        return None
    return role.strip(), group


_PARTY_DASH = re.compile(r"^(?P<party>[A-ZÆØÅ]{1,5}(?:/[A-ZÆØÅ]{1,5})*)\s+[-–]\s+(?P<rest>.+)$")
# A substitute named with the member met for: "Sissel Thomassen for Elisabeth S. Mikalsen",
# "Per Holm (H) for Anne Dale", "Eva Sand (V), vara for Odd Li"; a party printed after the member
# ("Liv Aas for Tor Haug (FRP)") is the substitute's too. The name stops at a comma or a bracket
# left open, so "for" inside an affiliation ("sekretær for valstyret") is not read as one.
_MET_FOR = re.compile(
    r"^(?P<name>[^,;:()]+?(?:\s*\([^()]*\))?)(?:,?\s+(?i:vara(?:medlem|representant)?|møtte|møter|stedfortreder))?"
    r"\s+for:?\s+(?P<other>[A-ZÆØÅ][^,;:()]*?)\s*(?:\((?P<party>[^()]*)\))?$"
)
# "leder (SP)", "(SP), leder", "(Ap) - leder": a function printed beside the party or organisation in
# brackets.
_ROLE_BESIDE = re.compile(
    r"^(?P<role>[^(),]+?)\s*\((?P<group>[^()]+)\)$|^\((?P<group2>[^()]+)\)(?:,|\s+[-–—])?\s*(?P<role2>[^(),\-–—][^(),]*)$"
)


def _person(text: str) -> Person | None:
    text = _join_hyphens(strip_marker(clean(text)).rstrip(",;."))
    if substitute := _substitute(text):
        return substitute
    if m := _PARTY_DASH.match(text):  # "AP - Asgeir Almås (ordfører)"
        found = _person(m.group("rest"))
        if found is not None:
            role = found.affiliation if found.affiliation and is_role_word(found.affiliation.split()[-1]) else None
            return Person(found.name, m.group("party"), role or found.role)
    cuts = [(text.find(sep), sep) for sep in ("(", ",", " - ", " – ", " — ", ":") if text.find(sep) > 0]
    if not cuts:
        found = _name_and_office(text)
        return _settle(*found, None) if found else None
    pos, sep = min(cuts)
    found = _name_and_office(text[:pos].strip())
    if found is None:
        return None
    name, office = found
    rest = text[pos + len(sep) :].strip() if sep != "(" else text[pos:].strip()
    if sep == "(" and (m := _MARKER_FIRST.match(rest)) and _MARKER.match(m.group("marker")):
        rest = f"{m.group('rest')} {m.group('marker')}"  # "Ida Haug (leder), Bodø kommune": as after it
    elif sep == "(" and (m := _PARTY_FIRST.match(rest)) and not (_only_office(m["rest"]) or is_role_word(m["rest"])):
        rest = f"{m.group('party')}, {m.group('rest')}"  # "Kari Hansen (Ap), Tromsø kommune"
    if sep == "(" and rest.startswith("(") and rest.count("(") == 1 and rest.endswith(")"):
        rest = rest[1:-1]
        if _CASE_NOTE.match(rest.strip()):
            rest = ""
        elif office:
            rest = f"({rest})"
    return _settle(name, office, rest)


def parse_person(text: str) -> tuple[str, str | None] | None:
    """("Ida Haug", "Tromsø kommune") from "Ida Haug (Tromsø kommune)", "Ida Haug, Tromsø",
    "Ida Haug – Tromsø" or "Rådmann Ida Haug"; None when the text does not start with a name."""
    person = _person(text)
    return (person.name, person.affiliation) if person else None


# A party's letters in brackets after the name, then the organisation: "(Ap), Tromsø kommune".
_PARTY_FIRST = re.compile(r"^\((?P<party>[A-ZÆØÅ][A-Za-zÆØÅæøå/]{0,5})\)\s*,\s*(?P<rest>[^()]+)$")
_FOR_IN_BRACKETS = re.compile(r"^for\s+(?P<other>[A-ZÆØÅ][^,;()]*?)(?:,\s*(?P<org>[^()]+))?$")


def _name_with_parens(piece: str) -> Person | None:
    piece = _join_hyphens(clean(piece)).rstrip(".")
    m = re.match(r"^(?P<name>[^()]+?)\s*\((?P<aff>.*)\)\s*$", piece)
    if m:
        found = _name_and_office(m.group("name"))
        if found is None:
            return None
        name, office = found
        # "(Helse Nord HF) (forlot møtet etter sak 34)": brackets of their own, a note among them
        kept = [g.strip() for g in re.split(r"\)\s*\(", m.group("aff"))]
        kept = [g for g in kept if g and not _CASE_NOTE.match(g) and not _PRESENCE_NOTE.match(g)]
        if not kept:
            return _settle(name, office, None)
        aff = ", ".join(kept)
        if (sub := _FOR_IN_BRACKETS.match(aff)) and looks_like_name(other := sub.group("other").strip()):
            # "Marit Myrhaug (for Jon Hollekim, Inderøy kommune)": a substitute, with the organisation
            return _settle(name, office, sub.group("org"))._replace(substitute_for=other)
        return _settle(name, office, f"({aff})" if office and _MARKER.match(f"({aff})") else aff)
    found = _name_and_office(piece)
    return _settle(*found, None) if found else None


def _sentences(text: str) -> list[str]:
    """Sentences of an inline list; the period of an initial ("Linn M.") does not end one."""
    return [s for s in re.split(r"(?<=[a-zæøå]{2})\.\s+(?=[A-ZÆØÅ])", text) if s.strip()]


def _inline_people(text: str) -> list[tuple[Person, str | None]]:
    """Each person of an inline list, with the status a sentence gives them; a sentence after
    the list may name those who sent apologies ("Frida hadde meldt forfall")."""
    sentences = _sentences(_join_hyphens(clean(text)))
    people: list[tuple[Person, str | None]] = []
    first_names = False
    for k, sentence in enumerate(sentences):
        if k and (m := ABSENT_SENTENCE.match(sentence)):
            people.extend((p, "absent") for p in _list_people(m.group("names"), first_names)[0])
        elif k == 0 or not people:
            found, first_names = _list_people(sentence)
            people.extend((p, None) for p in found)
    return people


def _substitute(piece: str) -> Person | None:
    """ "Sissel Thomassen for Elisabeth S. Mikalsen": the substitute, met for a member (a person's
    name, not an organisation's: "Kari Hansen for Helse Nord" is not a substitute)."""
    m = _MET_FOR.match(clean(piece))
    if m is None or not looks_like_name(other := m.group("other").strip()) or organisation(other):
        return None
    found = _name_with_parens(m.group("name"))
    if found is None:
        return None
    return found._replace(affiliation=found.affiliation or m.group("party"), substitute_for=other)


def _list_people(text: str, first_names: bool | None = None) -> tuple[list[Person], bool]:
    """The people of a list and whether it names them by first names only ("Karoline, Vanja,
    Linn M. og Silje"); `first_names` carries that over from the list before."""
    sep = ";" if ";" in text else ","
    pieces: list[str] = []
    for piece in _split_top_level(text.rstrip("."), sep):
        halves = re.split(r"\s+(?:og|and|samt)\s+", piece)
        if len(halves) == 2 and (
            all(_person_piece(h, sep) for h in halves) or all(_first_name_like(h) for h in halves)
        ):
            pieces.extend(halves)
        else:
            pieces.append(piece)
    if first_names is None:
        first_names = (
            len(pieces) >= 2
            and all(_first_name_like(p) for p in pieces)
            and any(len(p.split()) == 1 for p in pieces)
            and not any(_MIXED_PARTY_CODE.match(p.strip()) or _PARTY_CODE.match(p.strip()) for p in pieces)
        )
    people: list[Person] = []
    for piece in pieces:
        if sub := _substitute(piece):
            people.append(sub)
            continue
        if people and (other := _member_met_for(piece)):
            # "Eva Strand, Vestby kommune, varamedlem for Jon Dal": the note of the person before,
            # kept with what follows their name as a bracketed note is
            last = people[-1]
            affiliation = ", ".join(p for p in (last.affiliation, clean(piece)) if p)
            people[-1] = last._replace(affiliation=affiliation, substitute_for=other)
            continue
        person = Person(piece) if first_names and _first_name_like(piece) else _person_piece(piece, sep)
        if person:
            people.append(person)
        elif people and people[-1].affiliation is None and not looks_like_name(piece):
            # "Ida Haug, Tromsø kommune, Astrid Gramstad, UiT": a role following a name.
            people[-1] = people[-1]._replace(affiliation=_without_case_note(piece))
        elif people and people[-1].role is None and _only_office(piece):
            # "Ola Nes (Ap), ordførar, Kari Mo (Sp)": the function after the party.
            people[-1] = people[-1]._replace(role=clean(piece))
    return people, first_names


def _person_piece(piece: str, sep: str) -> Person | None:
    dashed = re.search(r"\s[-–—]\s", piece)
    return _person(piece) if sep == ";" or dashed else _name_with_parens(piece)


def _function_and_party(cells: list[str]) -> tuple[str | None, str, str | None] | None:
    """(role, party, member met for) from the two cells after a name in a row without a header:
    a party's code, and a function ("Leder") or a substitute's note ("for Anne Vik")."""
    if len(cells) != 2:
        return None
    at = [k for k, c in enumerate(cells) if NATIONAL_PARTY.match(c)]
    if len(at) != 1:
        return None
    party, other = cells[at[0]], cells[1 - at[0]]
    if member := _member_met_for(other):
        return None, party, member
    words = other.split()
    if 0 < len(words) <= 2 and is_role_word(words[-1]):
        return other, party, None
    return None


def _leading_name(cells: list[str]) -> tuple[tuple[str, str | None], list[str]] | None:
    """(name, office) opening a row and the cells after them: the name in the first cell, with its
    office or not, or an office alone in the first cell and the name in the next ("Styreleder |
    Kari Berg"), as the office printed before the name on one line."""
    if found := _name_and_office(cells[0]):
        return found, cells[1:]
    if len(cells) >= 2 and _only_office(cells[0]) and looks_like_name(_join_hyphens(cells[1])):
        return (_join_hyphens(cells[1]), cells[0]), cells[2:]
    return None


def _row_people(line: Line) -> list[Person]:
    """People in a table row: name then role columns, or several "Name (Party)" cells side by side."""
    cells = [clean(c.text) for c in line.cells if clean(c.text)]
    if not cells:
        return []
    each = [_name_with_parens(c) for c in cells]
    if len(cells) >= 2 and all(p is not None and p.affiliation for p in each):
        return [p for p in each if p]
    if lead := _leading_name(cells):
        found, rest = lead
        if beside := _function_and_party(rest):
            return [Person(found[0], beside[1], beside[0] or found[1], substitute_for=beside[2])]
        return [_settle(found[0], found[1], ", ".join(rest) or None)]
    person = _person(", ".join(cells))
    return [person] if person else []


def _row_label(line: Line) -> tuple[str, str] | None:
    """A label row; in a table only a first cell ending in a colon labels its row ("Møteleiar: |
    …"), not a colon inside a remark ("Helga Grinden | vara for: Lizzie Thorkildsen")."""
    if line.table and not clean(line.cells[0].text).endswith(":"):
        return None
    return label_value(line)


def _label_only(line: Line, body: float) -> str | None:
    """A label standing alone on its line, with or without colon ("Tilstede", "Forfall:")."""
    text = clean(line.text)
    if len(line.cells) == 1 and text.endswith(":"):
        return text.rstrip(":").strip()
    if len(line.cells) == 1 and is_heading_style(line, body) and not _reads_as_person(text):
        return text
    return None


def _reads_as_person(text: str) -> bool:
    """ "Niels Viderø (A)": a name, set larger than a body text in a smaller size."""
    person = _person(text)
    return person is not None and looks_like_name(person.name) and attendance_status(text) is None


# The shape of a group's heading set in plain type without a colon: it opens with "Fra"/"Frå"
# or ends in the verb ("Fra administrasjonen", "Dessuten møtte"), or is a status word alone
# ("Tilstede", "Forfall"); an office on the line under a name ("Rådmann") is none of these.
_HEADING_SHAPE = re.compile(
    r"^(?:fra|frå)\s|\b(?:møtte|møtt|deltok|deltek)$"
    r"|^(?:til\s*(?:stede|stades?)|forfall|fravær|fråvær|fraværende|fråverande|frammøtte|fremmøtte)$",
    re.I,
)


def _role_heading(line: Line) -> str | None:
    """A role's label alone on its line in plain type without a colon ("Sekretær", "Møteleder"),
    set apart by white space: tight under a name, the same word is that person's office."""
    text = clean(line.text)
    if len(line.cells) != 1 or not starts_paragraph(line):
        return None
    return text if CHAIR_LABEL.match(text) or MINUTE_TAKER_LABEL.match(text) else None


def _status_heading(line: Line) -> str | None:
    """A status label alone on its line without a colon, in plain type ("Fra administrasjonen")."""
    text = clean(line.text)
    if len(line.cells) != 1 or "," in text or not _HEADING_SHAPE.search(text):
        return None
    return text if attendance_status(text) and _person(text) is None else None


def _role_name(value: str) -> str | None:
    value = clean(value)
    if not value:
        return None
    person = parse_person(value)
    if person:
        return person[0]
    # A name the person rules do not read ("Bendik"), never a remark after the label
    # ("Ordstyrer: Først skal vi …", a speaker's words in a transcript).
    first = value.split(",")[0].split("(")[0].strip()
    return first if looks_like_name(first) or _first_name_like(first) else None


@dataclass(slots=True)
class _Group:
    """The columns of one person in an attendance table's header row."""

    name: Cell
    status: str | None  # where the name column's header is itself a status ("Forfall/møtte ikkje")
    columns: dict[str, Cell] = field(default_factory=dict)


def attendance_header(line: Line) -> list[_Group] | None:
    """The groups of columns named by a header row ("Navn | Møtte for | Representerer",
    "Desse medlemmene møtte: | Parti | Forfall/møtte ikkje | Parti"), or None."""
    if not is_row(line) or any(looks_like_name(clean(c.text)) for c in line.cells):
        return None
    groups: list[_Group] = []
    before: dict[str, Cell] = {}  # columns printed before the first name column ("Funksjon | Navn")
    for cell in line.cells:
        text = clean(cell.text).rstrip(":")
        key = squash(text)
        if not key:
            continue
        column = next((n for n, p in ATTENDANCE_COLUMNS.items() if n != "name" and p.match(key)), None)
        if column and column not in (groups[-1].columns if groups else before):
            (groups[-1].columns if groups else before)[column] = cell
            continue
        if ATTENDANCE_COLUMNS["name"].match(key) or (status := attendance_status(text)):
            groups.append(_Group(cell, None if ATTENDANCE_COLUMNS["name"].match(key) else status, dict(before)))
            before = {}
    if not groups or not any(g.columns for g in groups):
        return None
    return groups


def _roster(groups: list[_Group]) -> bool:
    """A header that is an attendance list without a status label above it: a status in its
    name column, or two more columns a roster has ("Navn | Stilling | Organisasjon")."""
    return any(g.status or len(g.columns) >= 2 for g in groups)


# A tick in a status column: "x", "X", "✓", "ja".
_MARK = re.compile(r"^(?:x|✓|✔|ja|j|\*)$", re.I)


def _table_row(groups: list[_Group], row: Line, status: str) -> list[Entry]:
    """The people of one row under a header row."""
    entries: list[Entry] = []
    substitutes: list[Entry] = []  # added after the row's marks, which belong to the member
    for group in groups:
        cell_text = _STRAY_MARK.sub("", text_under(row, group.name))
        if entries and group.status and _MARK.match(cell_text):
            entries[-1].status = group.status  # "Navn | Møtt | Forfall" with an "x" under "Forfall"
            member = entries[-1]
            if "substitute" in group.columns and (deputy := _deputy(text_under(row, group.columns["substitute"]))):
                substitutes.append(Entry(deputy, member.affiliation, "present", row.page, substitute_for=member.name))
                member.status = "absent"
            continue
        if entries and group.status and not cell_text:
            # "Funksjon | Navn | Forfall | Møtt for": a blank mark, and whom the row's member met for
            other = text_under(row, group.columns["for"]) if "for" in group.columns else ""
            if looks_like_name(other):
                entries[-1].substitute_for = other
            continue
        found = _name_and_office(cell_text)
        person = _person(cell_text) if found is None else None  # "Odd Andreassen, Ap" in one cell
        if found is None and person is None:
            continue
        name, office = found or (person.name, person.role)
        values = {k: text_under(row, c) for k, c in group.columns.items()}
        if person and person.affiliation and person.affiliation != person.role:
            values.setdefault("party", person.affiliation)
        st = group.status or status
        if values.get("present") and ABSENT_REMARK.match(values["present"]):
            st = "absent"
        remark = values.get("remark", "")
        if remark and ABSENT_REMARK.match(remark):
            st = "absent"
        elif remark and (noted := attendance_status(remark)) in ("observer", "secretariat", "guest"):
            st = noted  # "Navn | Stilling | Organisasjon | Merknad" with "Observatør", "Sekretariat"
        affiliation = values.get("party") or values.get("position") or office or values.get("role") or None
        entry = Entry(
            name=name,
            affiliation=affiliation,
            status=st,
            page=row.page,
            substitute_for=values.get("for") or None,
            role=values.get("role") or values.get("position") or office or None,
            marked=_ticked(values["present"]) if "present" in values else None,
        )
        entries.append(entry)
        # A substitute's column ("Vara"): filled in where the member did not meet, unless the row
        # marks the member present, which makes it a roster of deputies.
        if (deputy := _deputy(values.get("substitute", ""))) and not _MARK.match(values.get("present", "")):
            entry.status = "absent"
            substitutes.append(Entry(deputy, affiliation, "present", row.page, substitute_for=name))
        if remark and (m := SUBSTITUTE_REMARK.match(remark)) and looks_like_name(clean(m.group("name"))):
            entries.append(Entry(clean(m.group("name")), None, "present", row.page, substitute_for=name))
            if st == "present" and values.get("present") is None:
                entry.status = "absent"
    return entries + substitutes


def _ticked(cell: str) -> bool | None:
    """A tick or a word of presence: True; a blank: False; a note of absence ("Forfall") says
    nothing of the others, so a column holding only such notes ticks nobody."""
    if not cell:
        return False
    return None if ABSENT_REMARK.match(cell) else True


def _deputy(text: str) -> str | None:
    """The name in a substitute's cell, without an office before it."""
    found = _name_and_office(text) if text else None
    return found[0] if found and looks_like_name(found[0]) else None


def _rest_of_name(groups: list[_Group], row: Line) -> str | None:
    """A row holding only the rest of the name above ("Valbekmo" under "Anne Grete")."""
    texts = [clean(c.text) for c in row.cells if clean(c.text)]
    if len(texts) != 1 or not groups:
        return None
    first = text_under(row, groups[0].name)
    if first == texts[0] and len(first.split()) == 1 and _NAME_TOKEN.match(first):
        return first
    return None


def find_attendance(lines: list[Line], body: float, committee: str | None = None) -> Attendance:
    return _Reader(body).read([piece for line in lines for piece in _split_at_labels(line)], committee)


# "Forfall: Siri Lie (SV). Vara: Anne Berg (SV).": after a sentence, a label that opens another list.
_NEXT_LABEL = re.compile(r"(?<=[.)])\s+(?P<label>[A-ZÆØÅ][\wæøåÆØÅ ./-]{1,40}?)\s*:\s*(?=\S)")


def _split_at_labels(line: Line) -> list[Line]:
    """A line whose last cell holds a second status or role label after a sentence, as one line
    per label; a status label whose value opens with a group's label ("Dessuten møtte:
    Sekretariatet: A, B") as the label alone over the group."""
    if not line.cells or ":" not in line.cells[-1].text:
        return [line]
    if nested := _nested_label(line):
        return nested
    last = line.cells[-1]
    for m in _NEXT_LABEL.finditer(last.text):
        label = m.group("label")
        if attendance_status(label) or CHAIR_LABEL.match(label) or MINUTE_TAKER_LABEL.match(label):
            head = Cell(last.text[: m.start()].rstrip(), last.x0, last.x1, last.bold)
            tail = Cell(last.text[m.start() :].strip(), last.x0, last.x1, last.bold)
            first = replace(line, cells=[*line.cells[:-1], head])
            second = replace(line, cells=[tail])
            first.settle()
            second.settle()
            return [first, *_split_at_labels(second)]
    return [line]


def _nested_label(line: Line) -> list[Line] | None:
    """The status label alone and the group under it, where a status label's value opens with a
    group's label; a name before a colon ("Forfall: Kari Nilsen: sykdom") is no label."""
    lv = label_value(line)
    if lv is None or not attendance_status(lv[0]) or not (m := INLINE_LABEL.match(lv[1])):
        return None
    inner, value = m.group("label").strip(), m.group("value").strip()
    if not value or not inner[:1].isupper() or inner[-1:].isdigit() or len(inner.split()) > GROUP_LABEL_WORDS:
        return None
    if looks_like_name(inner) or not (attendance_status(inner) or _list_people(value)[0]):
        return None
    if len(line.cells) >= 2:
        head, tail = line.cells[:1], line.cells[1:]
    else:
        cell = line.cells[0]
        cut = cell.text.index(":") + 1
        head = [Cell(cell.text[:cut].strip(), cell.x0, cell.x1, cell.bold)]
        tail = [Cell(cell.text[cut:].strip(), cell.x0, cell.x1, cell.bold)]
    label, group = replace(line, cells=head), replace(line, cells=tail)
    label.settle()
    group.settle()
    return [label, *_split_at_labels(group)]


def _opens_with_person(text: str) -> bool:
    """A line that reads as a person by a given name: a new item, not a wrapped line."""
    person = _person(text)
    return person is not None and is_given_name(person.name.split()[0])


class _Reader:
    """One pass over the lines at the head of a document."""

    def __init__(self, body: float) -> None:
        self.body = body
        self.result = Attendance()
        self.entries: list[Entry] = []
        self.status: str | None = None
        # The status of the list a label alone on its line opened ("Til stades:", "Dessuten
        # møtte:"): groups within it under other labels fall back to it.
        self.section: str | None = None
        self.staff = False  # an administration's group has been listed in the section
        self.listed_value = False  # the section's label listed people of its own on its row
        self.group_office: str | None = None  # the role label a group of names stands under
        self.inline: list[str] | None = None  # text of an inline list being read
        self.item: list[str] | None = None  # the bullet item being read
        self.bullet: Line | None = None  # the line of the list's last item opened by a bullet
        self.listed_from = 0  # the entries before the current status label
        self.page = 0
        self.value_x: float | None = None  # the value column of the label row being read
        self.table: list[_Group] | None = None
        self.table_start = 0  # where the current table's entries begin

    def end_table(self) -> None:
        """In a table that ticks those who met ("Til stede | X"), a row left blank did not meet."""
        if self.table is None:
            return
        rows = self.entries[self.table_start :]
        if any(e.marked for e in rows):
            for e in rows:
                if e.marked is False and e.status == "present":
                    e.status = "absent"
        self.table = None

    def flush(self) -> None:
        if self.inline is not None and self.status:
            for person, status in _inline_people(" ".join(self.inline)):
                affiliation = person.affiliation if person.affiliation != person.role else None
                role = person.role
                if self.group_office and affiliation and _only_office(affiliation):
                    # "Ap: Ola Nes (ordfører), Kari Berg": the group is the party, the office the role
                    affiliation, role = None, role or affiliation.strip("() ")
                self.add(
                    person.name,
                    affiliation or self.group_office or person.affiliation,
                    status or self.status,
                    role=role,
                    substitute_for=person.substitute_for,
                )
        if self.item is not None and self.status and (person := _person(" ".join(self.item))):
            affiliation = person.affiliation or self.group_office
            self.add(person.name, affiliation, self.status, role=person.role, substitute_for=person.substitute_for)
        self.inline, self.item = None, None

    def add(self, name: str, affiliation: str | None, status: str, **extra: str | None) -> None:
        office = self.group_office if self.group_office and is_role_word(self.group_office.split()[-1]) else None
        role = extra.pop("role", None) or office
        self.entries.append(Entry(name, affiliation, status, self.page, role=role, **extra))

    def end_list(self) -> None:
        self.flush()
        self.bullet = None
        self.status, self.group_office, self.value_x, self.table = None, None, None, None
        self.section, self.staff = None, False

    def read(self, lines: list[Line], committee: str | None) -> Attendance:
        pending_role: str | None = None  # "chair" or "minute_taker" announced by a label alone on its line
        for line in lines:
            if line.rule:
                if not self.opened_by_label():
                    self.end_list()
                continue
            text = clean(line.text)
            if self.table is not None and is_row(line) and not clean(line.cells[0].text).endswith(":"):
                if rest := _rest_of_name(self.table, line):
                    if self.entries:
                        self.entries[-1].name = f"{self.entries[-1].name} {rest}"
                    continue
                self.page = line.page
                self.entries.extend(_table_row(self.table, line, self.status or "present"))
                continue
            if (groups := attendance_header(line)) and (self.status or _roster(groups)):
                self.end_table()
                self.flush()
                self.table, self.status = groups, self.status or "present"
                self.table_start = len(self.entries)
                continue
            self.end_table()
            lv = _row_label(line)
            label = lv[0] if lv else _label_only(line, self.body) or _status_heading(line) or _role_heading(line)
            value = lv[1] if lv else ""
            if pending_role and label is None:
                self.set_role(pending_role, _role_name(text))
                pending_role = None
                continue
            pending_role = None
            role = self.role_label(label)
            if role is not None:
                self.end_list()
                name = _role_name(value)
                if name is None:
                    pending_role = role
                else:
                    self.set_role(role, name)
                continue
            if self.status and label is not None and value and self.role_group(label, value, line):
                continue
            new_status = attendance_status(label) if label is not None else None
            if new_status:
                self.flush()
                self.status, self.page, self.group_office = new_status, line.page, None
                self.listed_from = len(self.entries)
                if not value or self.section is None or new_status != "secretariat":
                    self.section, self.staff = new_status, False  # a list of its own
                    self.listed_value = bool(value)
                else:
                    self.staff = True  # a group within the list: "Sekretariatet: A, B"
                self.value_x = line.cells[-1].x0 if value and len(line.cells) >= 2 else None
                if value:
                    self.read_value(line, value)
                continue
            if self.status is None:
                continue
            if label is not None and value and self.role_group(label, value, line):
                continue
            if label is not None and not value and PARTY_NAME.search(label) and self.section in ("present", "absent"):
                self.flush()  # "DET NORSKE ARBEIDERPARTI" over its members: the party is their affiliation
                self.group_office = natural_case(label)
                continue
            if label is not None and not looks_like_name(label):
                self.end_list()  # another label ends the list
                continue
            if self.value_x is not None and len(line.cells) == 1 and abs(line.x0 - self.value_x) <= 3.0:
                self.flush()  # a further item under the label row's value column
                self.page = line.page
                self.read_value(line, text)
                continue
            if self.inline is not None:
                if starts_paragraph(line) or is_heading_style(line, self.body):
                    self.flush()
                    if not self.read_plain(line, text):
                        self.end_list()
                elif not (self.new_inline_line(text) and self.read_plain(line, text)):
                    self.inline.append(text)
                continue
            if line.table or len(line.cells) >= 2:
                self.flush()
                self.page = line.page
                self.read_row(line)
                continue
            if BULLET.match(text):
                self.flush()
                self.item, self.page, self.bullet = [text], line.page, line
            elif self.item is not None and not starts_paragraph(line) and not self.new_line_item(text):
                if self.name_then_more(text):
                    self.item[-1] += ","  # "Kari Hansen" over "Helse Nord RHF": two fields, not one name
                self.item.append(text)
            elif self.lost_bullet(line, text):
                self.flush()
                self.item, self.page = [text], line.page
            elif not self.read_plain(line, text):
                self.flush()
                if is_heading_style(line, self.body) or starts_paragraph(line):
                    self.end_list()
        self.end_table()
        self.flush()
        return self.finish(committee)

    def opened_by_label(self) -> bool:
        """A status label stands above with no one listed under it yet: a rule here is the top
        border of its table (drawn with rules across alone, or a scan's whose vertical borders
        were lost), not the end of its list."""
        pending = self.item is not None or bool(self.inline) or self.table is not None
        return self.status is not None and not pending and len(self.entries) == self.listed_from

    def lost_bullet(self, line: Line, text: str) -> bool:
        """A person's line under a bulleted item, set as the items are (as tight as a wrapped
        line, or as far below as the bulleted item was from the line above it, at the items'
        text): an item whose bullet a scan lost, read as the others are, not as a comma list."""
        if self.item is None or self.bullet is None:
            return False
        if starts_paragraph(line):  # spaced as the items are: no wrapped line is, so a person opens it
            spaced_alike = (line.gap_before or 0.0) <= (self.bullet.gap_before or 0.0) + 2.0
            return spaced_alike and line.x0 > self.bullet.x0 + 2.0 and _opens_with_person(text)
        return self.new_line_item(text)

    def new_line_item(self, text: str) -> bool:
        """One person per line, set as tight as a wrapped line: the line above was short or closed
        its bracket ("…, Nordland fylkeskommune (vara for Tor Moe)") and did not break off
        mid-phrase, it reads as a person, and this line reads as one by a given name
        ("Universitetssykehuset Nord-Norge" under "Kari Hansen, overlege ved" continues it)."""
        assert self.item is not None
        above = self.item[-1].rstrip()
        wrapped = len(above) > WRAPPED_LINE_CHARS and not above.endswith(")")
        if wrapped or OPEN_END.search(above) or _person(" ".join(self.item)) is None:
            return False
        if len(self.item) == 1 and _rest_of_given_names(above, text):
            return False
        return _opens_with_person(text)

    def name_then_more(self, text: str) -> bool:
        """A full name alone on its line, and under it its office or organisation, not more of the
        name: an office or capitals ("Rådmann", "leder", "UNN"), or several words unless they read
        as the rest of a name that ends in a given name ("Anne Grete" over "Solberg Hansen"); one
        word alone is taken for the rest of the name ("Solberg")."""
        assert self.item is not None
        if len(self.item) != 1 or text.startswith("(") or (person := _person(self.item[0])) is None:
            return False  # a bracket under the name is its note, as on the same line
        if person.name != clean(self.item[0]):
            return False
        if _only_office(text) or is_role_word(text) or text.isupper():
            return True
        more_of_name = is_given_name(person.name.split()[-1]) and looks_like_name(text)
        return len(text.split()) >= 2 and not more_of_name

    def new_inline_line(self, text: str) -> bool:
        """A line under an inline list that is not the list wrapping: the line above ended
        without a separator or an office awaiting its name, and this one opens with a person
        ("Ordfører Kari Nilsen, Nedre Dal regionråd" under "Byrådsleder Arne Dahl, Bergvik
        kommune, leder"); a wrapped list breaks after a comma or mid-name ("Stein" / "Aune, …")."""
        assert self.inline is not None
        above = next((t.rstrip() for t in reversed(self.inline) if t.strip()), "")
        if not above or OPEN_END.search(above) or above.endswith(";") or _only_office(above.split()[-1]):
            return False
        return _opens_with_person(text)

    def read_value(self, line: Line, text: str) -> None:
        """A label's value, or a line in its value column: one person on a line of their own
        ("Byrådsleder Arne Dahl, Bergvik kommune, leder") as under a label alone; a list,
        or one running on past its line ("Maria Eide (UNN),"), inline."""
        if text.rstrip().endswith((",", ";")) or not self.read_plain(line, text):
            self.flush()
            self.inline = [text]

    def read_plain(self, line: Line, text: str) -> bool:
        """A line under a status label: one person, or an unlabelled inline list of several."""
        if len(_split_top_level(text, ",")) >= 2 and len(_list_people(text)[0]) >= 2:
            self.flush()
            self.page = line.page
            self.inline = [text]
            return True
        if _person(text):
            self.flush()
            self.item, self.page = [text], line.page
            return True
        return False

    def read_row(self, line: Line) -> None:
        """A row without a header: a name and its role, a status word, or a substitute's note."""
        cells = [clean(c.text) for c in line.cells if clean(c.text)]
        if len(cells) >= 2 and (lead := _leading_name(cells)) and lead[1]:
            (name, office), rest = lead[0], ", ".join(lead[1])
            if ABSENT_REMARK.match(rest):
                self.add(name, office, "absent")
                return
            if m := _SUBSTITUTE.search(rest):
                self.add(name, office, self.status or "present", substitute_for=clean(m.group("name")))
                return
        for person in _row_people(line):
            status = self.status or "present"
            self.add(person.name, person.affiliation, status, role=person.role, substitute_for=person.substitute_for)

    def role_label(self, label: str | None) -> str | None:
        if label is None:
            return None
        if CHAIR_LABEL.match(label):
            return "chair"
        if MINUTE_TAKER_LABEL.match(label):
            return "minute_taker"
        return None

    def set_role(self, role: str, name: str | None) -> None:
        if role == "chair":
            self.result.chair = self.result.chair or name
        else:
            self.result.minute_taker = self.result.minute_taker or name

    def role_group(self, label: str, value: str, line: Line) -> bool:
        """ "Ordførar: A, B" within a list: names under an office or an organisation ("Oslo kommune:
        byrådssekretær C"), the label their affiliation where they print none; an
        administration's offices are the secretariat."""
        words = label.split()
        people, _ = _list_people(value)
        if not people or len(words) > GROUP_LABEL_WORDS:
            return False
        if not is_role_word(words[-1]):
            pieces = _split_top_level(value.rstrip("."), ";" if ";" in value else ",")
            if attendance_status(label) or len(people) < len(pieces):
                return False  # a status, or a remark that is not a list of people
        self.flush()
        self.group_office = _FROM.sub("", clean(label))
        if ADMINISTRATION_ROLE.search(label):
            self.status, self.staff = "secretariat", True
        elif self.section == "absent" and _FROM.match(label) and self.listed_value:
            self.status = "guest"  # "Forfall: | A" then "Fra prosjektledelsen: | B": B came
        elif self.section is not None:
            # Staff follow the administration in a list of those present ("Rådmenn: …", "NUI: …");
            # after it, an absence list is over ("Forfall: …", "Fra sekretariatet: …", "Fra
            # revisjonen: …" is a guest); elsewhere a group has its list's status ("Dessuten
            # møtte:" … "Oslo kommune: …").
            after_staff = {"present": "secretariat", "absent": "guest"}
            self.status = after_staff.get(self.section, self.section) if self.staff else self.section
        self.value_x = line.cells[-1].x0 if len(line.cells) >= 2 else None
        self.page = line.page
        self.inline = [value]
        return True

    def finish(self, committee: str | None) -> Attendance:
        result = self.result
        seen: set[tuple[str, str]] = set()
        listed = {e.name.casefold() for e in self.entries}
        for e in self.entries:
            key = (e.name.casefold(), e.status)
            if key in seen:
                continue
            seen.add(key)
            substitute_for = e.substitute_for
            if substitute_for is None and (sub := _SUBSTITUTE.search(e.affiliation or "")):
                substitute_for = clean(sub.group("name"))
            result.attendees.append(
                Attendee(
                    name=e.name,
                    status=e.status,
                    affiliation=e.affiliation,
                    substitute_for=substitute_for,
                    page=e.page,
                    role=e.role,
                )
            )
            # The member a substitute met for did not meet, where the list does not say so itself.
            met_for = substitute_for and e.status == "present" and substitute_for.casefold() not in listed
            if met_for and looks_like_name(substitute_for):
                listed.add(substitute_for.casefold())
                result.attendees.append(Attendee(name=substitute_for, status="absent", page=e.page))
        _roles_from_markers(result, committee)
        return result


def _roles_from_markers(result: Attendance, committee: str | None) -> None:
    """ "(referent)" after a name names the minute taker; "(møteleder)" or "leder <committee>" the
    chair; with no chair printed, the one member who is the mayor."""
    for a in result.attendees:
        aff = a.affiliation or ""
        if result.minute_taker is None and MINUTE_TAKER_MARKER.search(aff) and "(" in aff:
            result.minute_taker = a.name
        if result.chair is None and a.status == "present":
            chairs_committee = committee and re.search(
                rf"(?<![\w-])leder\s+(?:for\s+|av\s+|i\s+)?{re.escape(committee)}", aff, re.I
            )
            if CHAIR_MARKER.search(aff) or CHAIR_MARKER.search(a.role or "") or chairs_committee:
                result.chair = a.name
    if result.chair is None:
        mayors = [a.name for a in result.attendees if a.status == "present" and CHAIRING_ROLE.match(a.role or "")]
        if len(mayors) == 1:
            result.chair = mayors[0]


def roles_from_sentences(text: str) -> tuple[str | None, str | None]:
    """ "Møtet ble ledet av Ida Haug", "Referat skrevet av Guri Moen Lajord"."""
    chair, taker = first_sentence(CHAIR_SENTENCES, text), first_sentence(MINUTE_TAKER_SENTENCES, text)
    return chair and _said_name(chair.group("name")), taker and _said_name(taker.group("name"))


def first_sentence(forms: Sequence[tuple[re.Pattern[str], re.Pattern[str]]], text: str) -> re.Match[str] | None:
    """The first match in `text` of any of a sentence's forms (key, pattern), a form searched only
    where its key is; at one place the form listed first wins, as in one pattern of alternatives."""
    first = None
    for key, pattern in forms:
        if key.search(text) and (m := pattern.search(text)) and (first is None or m.start() < first.start()):
            first = m
    return first


def _said_name(words: str) -> str | None:
    """The name to the sentence's end, which may wrap a line; a sentence printed without its full
    stop ends at its line (the next line is a heading or another sentence)."""
    for candidate in (words, words.split("\n", 1)[0]):
        if found := _name_and_office(clean(candidate)):
            return found[0]
    return None
