"""Committee names: read from a document's labels, title, case forms, sentences or running
header, and written one way.

"Møte 2-23 Strategisk samarbeidsutvalg (SSU)", "SSU sak 27/2024" and "Strategisk
samarbeidsutvalg" are one body; "Faglig samarbeidsutvalg for rekruttering og stabilisering"
is "FSU rekruttering og stabilisering", as the partnership writes it. A board is named by its
enterprise: "Innkalling til styremøte" under the running header "HELSE NORD-TRØNDELAG HF" is
"Styret i Helse Nord-Trøndelag HF". A name printed in capitals is written as the document
writes it elsewhere, else in sentence case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import wraps

from extract.segment.lines import label_value
from extract.segment.text import NUMERIC_DATE, WRITTEN_DATE, YEARLESS_DATE, clean, find_dates
from extract.segment.vocabulary import (
    BOARD_WORD,
    BODY_ABBREVIATIONS,
    BODY_LABEL,
    BODY_WORD,
    COMMITTEE_NOUN,
    FSU_LONG,
    INSTITUTION_NOUN,
    LOWER_CASE_WORDS,
    MEETING_ROW_LABEL,
    ORGANISATION_LABEL,
    UPPER_CASE_WORDS,
    WEEKDAY,
)
from models.layout import Line

# Words of a title that say what the document is, not whose it is.
_TITLE_WORDS = re.compile(
    r"^(?:\w*møte(?:t|referat|innkalling|protokoll|bok)?|referat|protokoll|innkalling|saksliste|sakliste|dagsorden"
    r"|sakskart|saksframlegg|saksfremlegg|sakspapir|til|fra|frå|i|for|med|og|nr\.?|sak|ekstraordinært?|kl\.?"
    r"|\d[\d/.\-:]*)$",
    re.I,
)
# What stands between a committee's name and the date after it ("Formannskapet d. 12.03.2024",
# "Kommunestyret tysdag 5. mars"): taken off the end of a title's name, never off its start.
_DAY_WORDS = re.compile(rf"^(?:d\.?|den|dato[.:]?|{WEEKDAY})$", re.I)  # "Dato:" labels the date
_PARENS = re.compile(r"\s*\([^)]*\)")
_CASE = re.compile(r"\b(?:sak|sakene)\s+\d{1,3}\s*/\s*\d{2,4}\b.*$", re.I)
_PARTNERSHIP = re.compile(r"^helsefellesskapet\b", re.I)
_FUNCTION_WORDS = {"i", "for", "og", "av", "til", "på", "med", "ved", "om", "fra", "frå"}
_ORGANISATION_END = {"hf", "rhf", "iks", "kommune", "fylkeskommune", "kf", "as"}
# "… møte i X", "styremøte i X", "møte i styret for X": X names the body or its enterprise.
SENTENCE_LINES = 15  # a sentence announcing the meeting stands among the first lines
_MEETING_OF = re.compile(r"(?:^|\b)(?P<kind>\w*møte|styret)\s+(?:i|for)\s+(?P<name>[^,.;:]+)", re.I)


def canonical_body(name: str | None) -> str | None:
    if not name:
        return None
    name = clean(_PARENS.sub("", name)).strip(" -–,:")
    if not name:
        return None
    if name.upper() in BODY_ABBREVIATIONS and name.isupper():
        return BODY_ABBREVIATIONS[name.upper()]
    if m := FSU_LONG.match(name):
        rest = name[m.end() :].strip()
        return f"FSU {rest}" if rest else "FSU"
    if re.match(r"^fsu\s+", name, re.I):
        return "FSU " + name[4:].strip()
    words = name.split()
    if words and words[0].upper() in BODY_ABBREVIATIONS and words[0].isupper() and len(words) == 1:
        return BODY_ABBREVIATIONS[words[0]]
    return name


def _names_a_body(name: str) -> bool:
    """A committee's name has a committee word in it ("Formannskapet", "Regionrådet
    Nordhordland") or is a known abbreviation; "februar i Kirkenes" is not one."""
    return bool(BODY_WORD.search(name)) or any(w in BODY_ABBREVIATIONS for w in name.split())


def is_board(name: str | None) -> bool:
    """A name made only of a board's words: "STYRET", "styremøte", "Styresak"."""
    words = [w for w in (name or "").split() if w.lower() not in _FUNCTION_WORDS]
    return bool(words) and all(BOARD_WORD.match(w) for w in words)


def organisation(text: str | None) -> str | None:
    """An enterprise or municipality named in `text`: "Helse Finnmark HF", "Os kommune",
    "HELSE NORD-TRØNDELAG HF", "Helse Vest"."""
    tokens = clean(text or "").replace(",", " , ").split()
    for k, tok in enumerate(tokens):
        low = tok.lower()
        if low in _ORGANISATION_END and k > 0:
            start = k
            while start > 0 and _name_word(tokens, start - 1):
                start -= 1
            while start < k and not tokens[start][:1].isupper():
                start += 1  # "… sykehus HF" with no proper name before it
            if start < k:
                return " ".join(tokens[start : k + 1])
        if low == "helse" and k + 1 < len(tokens) and _capitalised(tokens[k + 1]):
            end = k + 1
            while (
                end + 1 < len(tokens)
                and tokens[end].lower() not in _ORGANISATION_END
                and (
                    _capitalised(tokens[end + 1])
                    or (tokens[end + 1].lower() == "og" and end + 2 < len(tokens) and _capitalised(tokens[end + 2]))
                )
            ):
                end += 1
            if end + 1 < len(tokens) and tokens[end + 1].lower() in _ORGANISATION_END:
                end += 1
            return " ".join(tokens[k : end + 1])
    return None


def _capitalised(tok: str) -> bool:
    return bool(tok[:1].isupper()) and tok.lower() not in _FUNCTION_WORDS and not BOARD_WORD.match(tok)


def _name_word(tokens: list[str], k: int) -> bool:
    tok = tokens[k]
    if tok.lower() == "og":
        return k > 0 and _capitalised(tokens[k - 1])
    if tok.lower() == "i":  # "Sjukehuset i Vestfold HF"
        return k > 0 and tokens[k - 1][:1].isupper() and bool(INSTITUTION_NOUN.match(tokens[k - 1]))
    return _capitalised(tok) or bool(INSTITUTION_NOUN.match(tok))


def board_of(org: str, text: str = "") -> str:
    return f"Styret i {natural_case(org, text)}"


def natural_case(name: str, text: str = "") -> str:
    """ "KONTROLLUTVALGET I OS KOMMUNE" as the document writes it elsewhere, else "Kontrollutvalget
    i Os kommune"; a name not in capitals is kept as printed."""
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters) or len(letters) <= 4:
        return name
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I):
        found = m.group(0)
        if found != name and found[:1].isupper():
            return found
    words = []
    for k, word in enumerate(name.split()):
        low = word.lower()
        if word in UPPER_CASE_WORDS:
            words.append(word)
        elif k > 0 and (low in LOWER_CASE_WORDS or (INSTITUTION_NOUN.match(low) and not low.endswith("et"))):
            words.append(low)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(words)


def body_from_title(title: str | None) -> str | None:
    """The committee named in a title such as "Referat møte 4-2024 FSU rekruttering og stabilisering"."""
    return _resolve(_title_candidate(title))[0]


def _resolve(candidate: str | None) -> tuple[str | None, bool, str | None]:
    """(body, whether the name is a board's, the enterprise named) for a name read off a title.

    "STYRET FOR HELSE NORDMØRE OG ROMSDAL HF" is a body as printed; "HELSE MIDT-NORGE RHF STYRET"
    is the board of the enterprise; "Styresak" alone says only that a board is meant."""
    if not candidate:
        return None, False, None
    org = organisation(candidate)
    rest = clean(candidate.replace(org, " ")) if org else candidate
    if is_board(rest):
        if org and candidate.split()[0].lower() in ("styret", "styre"):
            return canonical_body(candidate), True, org  # "Styret for Helse Nordmøre og Romsdal HF"
        return (board_of(org) if org else None), True, org
    if org and not rest:
        return None, False, org
    if m := _MEETING_OF.match(candidate):
        found = _resolve(clean(m.group("name")))
        if found[0] or found[2] or not BOARD_WORD.match(candidate.split()[0]):
            return found
        # "styret for Osloregionen": the board of a body named without a word for its kind
        return candidate[:1].upper() + candidate[1:], True, None
    if _names_a_body(candidate):
        return canonical_body(candidate), False, None
    return None, False, org


_MEETING_WORD = re.compile(r"^(?P<kind>\w*)møte(?:t)?$", re.I)  # "Styremøte", "partnerskapsmøtet"


# After a comma in a committee's name, the rest of a list of its fields: "… oppvekst, kultur og idrett".
_LISTED_FIELDS = re.compile(r"\s*[a-zæøå][\w-]*(?:,\s*[a-zæøå][\w-]*)*\s+(?:og|eller)\s+[a-zæøå]")


def _before_place(text: str) -> str:
    """The text before the comma that sets off the place or the day, not one inside the name."""
    for comma in re.finditer(",", text):
        if not _LISTED_FIELDS.match(text, comma.end()):
            return text[: comma.start()]
    return text


def _title_candidate(title: str | None) -> str | None:
    if not title:
        return None
    text = NUMERIC_DATE.sub(" ", title)
    text = WRITTEN_DATE.sub(" ", text)
    text = YEARLESS_DATE.sub(" ", text)
    text = _CASE.sub("", text)
    text = _before_place(clean(_PARENS.sub(" ", text)))
    words = _named_segment(text.split())
    stripped: list[str] = []
    while words and _TITLE_WORDS.match(words[0]) and not BOARD_WORD.match(words[0]):
        stripped.append(words.pop(0))
    while words and (_TITLE_WORDS.match(words[-1]) or _DAY_WORDS.match(words[-1])) and not BOARD_WORD.match(words[-1]):
        words.pop()
    # "… styremøte i Kirkenes": a place after the meeting, not a body or an enterprise.
    for k, word in enumerate(words):
        if word.lower() in ("i", "på") and k > 0:
            tail = " ".join(words[k + 1 :])
            if not _names_a_body(tail) and not organisation(tail):
                words = words[:k]
                break
    # "Styremøte Alta": a meeting named by its place, not a body ("Styremøte Helse Nord RHF" is).
    if len(words) > 1 and _MEETING_WORD.match(words[0]):
        tail = " ".join(words[1:])
        if not _names_a_body(tail) and not organisation(tail):
            words = words[:1]
    if not words:
        # "Referat fra partnerskapsmøtet": the meeting itself is the body.
        named = [
            w
            for w in stripped
            if (m := _MEETING_WORD.match(w)) and len(m.group("kind")) >= 4 and not w.lower().startswith("oppstart")
        ]
        words = [named[-1][:1].upper() + named[-1][1:]] if named else []
    name = " ".join(words)
    if not name or _PARTNERSHIP.match(name) or len(words) > 10:
        return None
    if not _names_a_body(name) and not organisation(name):
        return None
    return name


_KIND_WORD = re.compile(
    r"^(?:\w*møte(?:referat|innkalling|protokoll|bok)|referat|protokoll|møteprotokoll|innkalling|saksliste|sakliste"
    r"|dagsorden|sakskart|saksframlegg|saksfremlegg|sakspapir)$",
    re.I,
)


def _named_segment(words: list[str]) -> list[str]:
    """ "Tokke kommune Møteprotokoll Kommunestyret": of the parts a kind word splits a title into,
    the one naming a committee (else the whole title, as before)."""
    cuts = [k for k, w in enumerate(words) if _KIND_WORD.match(w)]
    if not cuts or cuts == [0]:
        return words
    segments, start = [], 0
    for k in [*cuts, len(words)]:
        segments.append(words[start:k])
        start = k + 1
    named = [seg for seg in segments if seg and _names_a_body(" ".join(seg))]
    return named[-1] if named else words


def body_from_header(header: str | None) -> str | None:
    """A running header names the committee, sometimes after the partnership's name."""
    if not header:
        return None
    parts = [p.strip() for p in re.split(r"\s+[–—-]\s+", clean(header)) if p.strip()]
    for part in reversed(parts):
        if re.search(r"samarbeidsutvalg|utvalg\b|rådet\b|råd\b|\bFSU\b|\bSSU\b", part, re.I):
            # "Strategisk samarbeidsutvalg Faglig samarbeidsutvalg for X": the last body named.
            pieces = re.split(r"(?=\b(?:Faglig|Strategisk|Overordnet)\s+samarbeidsutvalg)", part)
            name = pieces[-1].strip() or part
            if "," in name:
                return None  # "Regionrådet Austrheim, Fedje, …" lists members, not a committee's name
            return canonical_body(name)
    return None


def body_from_sentence(lines: Iterable[str]) -> tuple[str | None, str | None]:
    """(body, enterprise) from a sentence such as "Det avholdes styremøte i Helse Finnmark HF"."""
    for text in lines:
        for m in _MEETING_OF.finditer(clean(text)):
            body, _, org = _resolve(clean(m.group("name")))
            if org and not body and BOARD_WORD.match(m.group("kind")):
                body = board_of(org, text)  # "Styremøte i Helse Nordvik HF": its board meets
            if body or org:
                return body, org
    return None, None


# "1. Styret i Helse Nord RHF tar saken til orientering": a proposal's subject is the board.
_BOARD_DECIDES = re.compile(r"^(?:\d{1,2}[.)]\s*)?styret\s+(?:i|for)\s+(?P<rest>.+)$", re.I | re.M)


def board_deciding(proposals: Iterable[str]) -> str | None:
    """The board a case document's proposal has decide, where it names the enterprise: such a
    document names its committee nowhere else."""
    for proposal in proposals:
        for m in _BOARD_DECIDES.finditer(proposal):
            if org := organisation(m.group("rest")):
                return board_of(org, proposal)
    return None


def _with_capital(find: Callable[..., str | None]) -> Callable[..., str | None]:
    """A committee's name starts with a capital, whatever the sentence it was read from."""

    @wraps(find)
    def wrapper(*args: object) -> str | None:
        body = find(*args)
        return body[:1].upper() + body[1:] if body else None

    return wrapper


@_with_capital
def find_body(
    header_lines: list[Line],
    preamble: list[Line],
    title: str | None,
    block: list[str],
    forms: list[str],
    header: str | None,
    footer: str | None,
    text: str,
) -> str | None:
    """The committee a document belongs to, from the most explicit place that names it: a label
    row ("Utvalg:", "Styre:"), the title and the lines around it, a case form's committee column,
    a sentence announcing the meeting, the running header; a board by its enterprise."""
    org: str | None = None
    for line in header_lines:
        lv = label_value(line)
        if not lv or not lv[1]:
            continue
        label, value = lv
        meeting_row = MEETING_ROW_LABEL.match(label) and COMMITTEE_NOUN.search(value) and not find_dates(value)
        if BODY_LABEL.match(label) or meeting_row:
            value_org = organisation(value)
            if BOARD_WORD.match(label) and value_org == clean(value):
                return board_of(value_org, text)
            named = _resolve(clean(value))[0]  # "Møte i kontrollutvalget i Frøya kommune"
            return natural_case(named or canonical_body(value) or value, text)
        if ORGANISATION_LABEL.match(label):
            org = org or organisation(value) or clean(value)
    board = False
    for candidate in [title, *block]:
        body, is_a_board, named = _resolve(_title_candidate(candidate))
        if body:
            return natural_case(body, text)
        board, org = board or is_a_board, org or named
    if forms:
        return natural_case(canonical_body(forms[0]) or forms[0], text)
    body, named = body_from_sentence(clean(ln.text) for ln in preamble[:SENTENCE_LINES])
    if body:
        return natural_case(body, text)
    org = org or named
    if found := body_from_header(header):
        return found
    if board:
        org = org or organisation(header) or organisation(footer)
        if org:
            return board_of(org, text)
    return None


def long_forms(body: str) -> list[str]:
    """Other ways the archive's name of a committee is written in running text (casefolded)."""
    forms = []
    if body.startswith("FSU "):
        forms.append("faglig samarbeidsutvalg for " + body[4:].casefold())
    forms += [abbr.casefold() for abbr, name in BODY_ABBREVIATIONS.items() if name == body]
    return forms
