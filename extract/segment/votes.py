"""Votes: the sentences that say how a case was decided, and how each case ended.

"Enstemmig vedtatt", "Innstillingen ble vedtatt med 25 mot 10 stemmer", "Forslaget fra H falt
med 7 mot 28 stemmer (H, FrP)", "Innstillingen ble vedtatt mot 2 stemmer (SV)", an alternative
vote ("Innstillingen ble satt opp mot forslaget fra Sp. Innstillingen ble vedtatt med 20 mot 15
stemmer"), named lists ("Følgende stemte for: …"), nynorsk "Samrøystes vedteke", "Vedteke med
12 mot 5 røyster", "Røysting: …". A vote sentence is not part of the decision it reports: it
ends the decision's block. A party list in parentheses after the counts names the minority:
those against an adopted proposal, those for a fallen one. A fallen proposal got the fewer votes,
whichever count is printed first ("falt med 7 mot 28", "forkastet med 8 mot 7").

Where counts and names (or parties) are both printed they must agree; a disagreement is kept
and said in `vote_check`, never resolved.
"""

from __future__ import annotations

import re

from extract.segment.lines import starts_paragraph
from extract.segment.text import clean
from extract.segment.vocabulary import DECISION_MADE, UNANIMOUS_DECISION_WORD
from models.extraction import Vote
from models.layout import Line

_ADOPTED = (
    r"(?:vedtatt|vedteke|vedteken|vedtekne|vedtatte|godkjent|godkjend|tiltrådt|tilrådd|bifalt|enstemmig\s+vedtatt)"
)
_REJECTED = r"(?:forkastet|forkasta|nedstemt|falt|fall|avvist|ikke\s+vedtatt|ikkje\s+vedteke)"
_UNANIMOUS = r"(?:enstemmig|enstemmeg|samrøystes|einstemmig|einstemmeg|enst\.)"
_VOTES = r"(?:stemmer|stemme|røyster|røyst)"
# A count in words is read only before the word for votes ("mot to stemmer", "mot ei røyst").
NUMBER_WORDS = {"én": 1, "en": 1, "ein": 1, "ei": 1, "eitt": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
                "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10}  # fmt: skip
_NUMBER_WORD = "(?:" + "|".join(NUMBER_WORDS) + ")"
# A count may name its side's parties after it: "med 13 (Ap, Sp, SV) mot 4 (H, FrP) stemmer".
_SIDE = r"(?:\s*\([^()]{1,60}\))?"
# The counts joined by a dash, only before the votes or the sentence's end ("med 3-4 endringer"
# is no count): "med 7-2 stemmer", under a vote label "Innstillingen vedtatt 9-2."
_COUNT_END = rf"(?=\s*(?:{_VOTES}|[.,;(]|$))"
_DASHED = rf"\d{{1,3}}\s*[-–]\s*\d{{1,3}}{_COUNT_END}"
# "med 7 mot 2", "med 7-2 stemmer", "mot 2", "mot to stemmer".
_COUNT = (
    rf"(?:med\s+\d+{_SIDE}\s*(?:{_VOTES}\s+)?(?:mot\s*\d+|[-–]\s*\d+{_COUNT_END})"
    rf"|{_DASHED}|mot\s+\d+|mot\s+{_NUMBER_WORD}\s+{_VOTES})"
)
# "Styret fattet enstemmig følgende vedtak:", "Formannskapet gjorde samrøystes slikt vedtak:",
# "Styret fattet følgende enstemmige vedtak": the label of the decision says how it was voted.
_MADE = rf"(?:{DECISION_MADE}|gjort)"
_UNANIMOUS_DECISION = (
    rf"[^.:]{{0,60}}?\b{_MADE}\s+(?:{_UNANIMOUS}(?:\s+\w+)?|\w+\s+(?:{UNANIMOUS_DECISION_WORD}|enstemmig))\s+vedtak\b"
)
VOTE_SENTENCE = re.compile(
    rf"""^(?:
        (?:ved\s+)?(?:votering|avstemning|avstemming|avrøysting|røysting)\b
      | {_UNANIMOUS}\s+{_ADOPTED}
      | {_ADOPTED}\s+(?:{_COUNT}|{_UNANIMOUS})
      | vedtaket\s+(?:var|ble|vart|blei|er)\s+(?:{_MADE}\s+)?(?:{_UNANIMOUS}|{_COUNT})
      | {_UNANIMOUS_DECISION}
      | {_UNANIMOUS}\s+(?:som|etter|i\s+tråd\s+med|i\s+samsvar\s+med)\s+\w
      | {_ADOPTED}\s+(?:som|etter)\s+[^.,]{{1,40}},?\s+{_UNANIMOUS}\b
      | [^.]{{0,60}}?\b{_ADOPTED}\s+(?:med\s+\d+{_SIDE}\s*(?:{_VOTES}\s+)?mot\s*\d+
          |mot\s+(?:\d+|{_NUMBER_WORD})\s+{_VOTES}|{_DASHED})
      | [^.]{{0,120}}?\b(?:ble|vart|blei|er|var)\s+(?:{_UNANIMOUS}\s+)?(?:{_ADOPTED}|{_REJECTED})\s+{_COUNT}
      | [^.]{{0,120}}?\b(?:ble|vart|blei|er|var)\s+{_UNANIMOUS}\s+(?:{_ADOPTED}|{_REJECTED})
      | [^.]{{0,60}}?\b{_UNANIMOUS}\s+{_ADOPTED}\b
      | [^.]{{0,120}}?\b{_REJECTED}\s+{_COUNT}
      | [^.]{{0,80}}?\b(?:ble|vart|blei)\s+(?:satt|sett)\s+opp\s+mot\b
      | [^.]{{0,120}}?\b(?:fikk|fekk)\s+\d+\s+{_VOTES}\s+og\s+(?:(?:ble|vart|blei)\s+)?(?:{_ADOPTED}|{_REJECTED})
      | (?:følgende|følgjande|fylgjande|disse|desse)\s+(?:stemte|røysta|røystet)\s+(?:for|mot|imot)
    )""",
    re.I | re.X,
)
_DECISION_LABEL_VOTE = re.compile(_UNANIMOUS_DECISION + r"\s*:?", re.I)
_VOTE_WORD = r"(?:votering|avstemning|avstemming|røysting|avrøysting)"
_LABEL = re.compile(rf"^{_VOTE_WORD}\s*:\s*", re.I)
_VOTE_HEADING = re.compile(rf"^{_VOTE_WORD}\s*:?$", re.I)
_PREFIX = re.compile(r"^(?:ved\s+(?:votering|avstemning|avstemming|røysting)\s*,?\s*(?:ble|vart|blei)?\s*)", re.I)
_VERB = re.compile(
    rf"\s+(?:ble|vart|blei|er|var|fikk|fekk|{_UNANIMOUS}|{_ADOPTED}|{_REJECTED}|med\s+\d|mot\s+\d)\b.*$", re.I | re.S
)
_ALTERNATIVE = re.compile(r"^(?P<a>.+?)\s+(?:ble|vart|blei)\s+(?:satt|sett)\s+opp\s+mot\s+(?P<b>.+?)\.?$", re.I)
_NAMED = re.compile(
    r"^(?:følgende|følgjande|fylgjande|disse|desse)\s+(?:\d+\s+)?(?:representant(?:er|ar)\s+|medlemm?er\s+)?"
    r"(?:stemte|røysta|røystet)\s+(?P<side>for|mot|imot)(?:\s+[^:]{0,60})?\s*:\s*(?P<names>.+)$",
    re.I,
)
# "Ap, Sp og SV stemte for", "H og FrP stemte mot": parties named in a sentence of their own.
_PARTY_SIDE = re.compile(
    r"^(?P<parties>(?:[A-ZÆØÅ][A-Za-zÆØÅæøå]{0,4}\s*(?:,|\bog\b|\+)\s*)*[A-ZÆØÅ][A-Za-zÆØÅæøå]{0,4})\s+"
    r"(?:stemte|røysta|røystet)\s+(?P<side>for|mot|imot)\b"
)
_COUNTS = re.compile(
    rf"\bmed\s+(?P<a>\d+)(?:\s*\((?P<pa>[^()]{{1,60}})\))?\s*(?:{_VOTES}\s+)?(?:mot|-|–)\s*(?P<b>\d+)"
    rf"(?:\s*\((?P<pb>[^()]{{1,60}})\))?"
    rf"|\b(?:{_ADOPTED}|{_REJECTED})\s+(?P<a3>\d{{1,3}})\s*[-–]\s*(?P<b3>\d{{1,3}}){_COUNT_END}",
    re.I,
)
# "Forslaget fra H fikk 3 stemmer og falt": the votes a motion got, and nothing of the others.
_GOT = re.compile(rf"\b(?:fikk|fekk)\s+(?P<a>\d+)\s+{_VOTES}\b", re.I)
_AGAINST_ONLY = re.compile(rf"\bmot\s+(?:(?P<b>\d+)\s*{_VOTES}?|(?P<word>{_NUMBER_WORD})\s+{_VOTES})", re.I)
_FOR_WORDS = re.compile(r"(?P<a>\d+)\s+(?:stemmer|røyster)\s+for\b", re.I)
_AGAINST_WORDS = re.compile(r"(?P<b>\d+)\s+(?:stemmer|røyster\s+)?(?:mot|imot)\b", re.I)
_BLANK = re.compile(r"(?P<n>\d+)\s+(?:blanke?|avholdende|avsto)|(?:blanke?|avholdende)\s*:?\s*(?P<m>\d+)", re.I)
# "Mot: 3 Blank: 1": the count after a blank label is its own, not the one before it.
_BLANK_LABEL = re.compile(r"\b(?:blanke?|avholdende)\s*:\s*(\d+)", re.I)
_PARENS = re.compile(r"\((?P<inside>[^()]{1,120})\)")
_PARTY = re.compile(r"^(?:\d+\s+)?(?P<code>[A-ZÆØÅ][A-Za-zÆØÅæøå]{0,4}(?:/[A-ZÆØÅ][A-Za-zÆØÅæøå]{0,4})*)$")

# How a case ended: withheld, withdrawn or put off; one line or the decision says so.
EXEMPT = re.compile(r"\bunntatt\s+(?:fra\s+)?offentlighet\w*|\bu\.?\s*off\b|\bunnateke\s+offentlegheit", re.I)
EXEMPT_BASIS = re.compile(r"(?:offl\.?|offentleglova|offentlighetsloven|ofl\.?)\s*§\s*\d+[^\n;)]*", re.I)
WITHDRAWN = re.compile(r"\b(?:trukket|trukke|trekt|trekkes|trekkjast)\b", re.I)
DEFERRED = re.compile(r"\b(?:utsatt|utsettes|utset|utsett|vart\s+utsett|utsetjast|blir\s+utsett|utsettast)\b", re.I)
_MOTION = re.compile(
    r"\b(?:forslag\w*|framlegg\w*|utsettelsesforslag\w*|foreslo|foreslår|fremmet|fremja|fremma)\b", re.I
)
_PUT_OFF = re.compile(r"\b(?:ble|blei|vart|er\s+blitt)\s+utsatt|\b(?:ble|blei|vart)\s+utsett", re.I)
OUTCOME_LINE_WORDS = 10  # a line that says a case was put off or withdrawn is short


# Every form of VOTE_SENTENCE holds one of these, as its case-insensitive match sees letters
# (casefolded; "ı" and "İ" match "i" there): a line without any is not a vote sentence, and the
# pattern, slow on the lines of every case, is not tried on it.
_VOTE_STEMS = ("vedt", "enst", "einstem", "røyst", "votering", "avstem", "godkj", "tiltr", "tilr", "bifal",
               "forkast", "nedstem", "fal", "avvis", "opp", "stemte")  # fmt: skip


# "Røysting: Samrøystes.": under a vote label the word for all in favour is the whole vote.
_BARE_UNANIMOUS = re.compile(rf"^{_UNANIMOUS}\.?$", re.I)
# "Votering: For 10, mot 3", "For: 10 Mot: 3 Blank: 1", "Ja: 49 Nei: 1", "4 for, 7 mot": counts
# under a vote label.
_LABELLED_COUNT = re.compile(
    r"^(?:(?:for|ja)\s*:?\s*(?P<a>\d+)\s*[,;.]?\s*(?:og\s+)?(?:mot|nei)\s*:?\s*(?P<b>\d+)"
    r"|(?P<a2>\d+)\s+(?:stemte\s+|røysta\s+)?for\s*[,;.]?\s*(?:og\s+)?(?P<b2>\d+)\s+(?:stemte\s+|røysta\s+)?mot)\b",
    re.I,
)


# A treatment heading ("Behandling i Formannskapet - 12.03.2013", "Handsaming:", "Formannskapets
# behandling 04.06.2020:", "Formannskapet si handsaming") plays the vote label's part for the bare
# word set alone under it.
_TREATMENT = re.compile(
    r"^(?:[^\W\d_]+s\s+|[^\W\d_]+\s+si\s+|møte|saks)?(?:behandling|handsaming)\b"
    r"(?:\s+i\s+[^:]{1,60}|\s*[-–]?\s*\d{1,2}\.\d{1,2}\.\d{2,4})?\s*(?::\s*(?P<rest>.*))?$",
    re.I,
)


def is_vote_sentence(text: str) -> bool:
    labelled = clean(text)
    text = _LABEL.sub("", labelled)
    if text != labelled and (_BARE_UNANIMOUS.match(text) or _LABELLED_COUNT.match(text)):
        return True
    folded = text.casefold().replace("ı", "i").replace("\u0307", "")
    return any(stem in folded for stem in _VOTE_STEMS) and bool(VOTE_SENTENCE.match(text))


def _sentences(lines: list[Line]) -> list[str]:
    """The case's text as sentences, paragraphs kept apart."""
    paragraphs: list[str] = []
    bold = False
    for line in lines:
        text = clean(line.text)
        if not text:
            continue
        # "Votering:" opens its own paragraph even set tight under a "Behandling …:" heading, and
        # so does a bold label set tight under a vote ("Enstemmig vedtatt" over "FSK - 12/13 Vedtak:").
        if not paragraphs or starts_paragraph(line) or line.rule or _LABEL.match(text) or line.bold != bold:
            paragraphs.append(text)
        else:
            paragraphs[-1] += " " + text
        bold = line.bold
    out: list[str] = []
    for paragraph in paragraphs:
        out += [s.strip() for s in re.split(r"(?<=[a-zæøå)\d»”]\.)\s+(?=[A-ZÆØÅ«])", paragraph) if s.strip()]
    return out


def _parties(text: str) -> list[str]:
    codes = []
    for piece in re.split(r"\s*(?:,|\bog\b|\+|&)\s*", text):
        if m := _PARTY.match(piece.strip().rstrip(".")):
            codes.append(m.group("code"))
    return codes


def _subject(sentence: str) -> str | None:
    """What was voted on, as printed: "Innstillingen", "Forslaget fra H", "ordførers forslag"."""
    text = _PREFIX.sub("", _LABEL.sub("", sentence)).strip()
    if _DECISION_LABEL_VOTE.match(text) or _LABELLED_COUNT.match(text):
        return None  # "Styret fattet enstemmig følgende vedtak": the decision that follows; counts
    if re.match(rf"^(?:{_UNANIMOUS}|{_ADOPTED}|{_REJECTED})\b", text, re.I):
        return None  # "Enstemmig vedtatt", "Vedtatt med 25 mot 10 stemmer"
    subject = _VERB.sub("", text).strip(" ,.")
    if not subject or re.match(rf"^(?:{_UNANIMOUS}|{_ADOPTED}|vedtaket|vedtaket\s+i\s+saka?)$", subject, re.I):
        return None
    if len(subject.split()) > 12:
        return None
    return subject


def parse_vote(sentence: str) -> Vote:
    text = _LABEL.sub("", clean(sentence))
    vote = Vote(result="adopted", printed=clean(sentence), on=_subject(text))
    rejected = re.search(rf"\b{_REJECTED}\b", text, re.I)
    vote.result = "rejected" if rejected else "adopted"
    if re.search(rf"\b{_UNANIMOUS}", text, re.I):
        vote.unanimous = True
    sides = None  # parties printed after each side's count
    if m := _COUNTS.search(text):
        vote.votes_for, vote.against = int(m.group("a") or m.group("a3")), int(m.group("b") or m.group("b3"))
        if m.group("pa") and m.group("pb"):
            sides = _parties(m.group("pa")), _parties(m.group("pb"))
        if rejected and vote.votes_for > vote.against:
            # "falt med 8 mot 7": the majority that made it fall is counted first
            vote.votes_for, vote.against = vote.against, vote.votes_for
            sides = (sides[1], sides[0]) if sides else None
    elif (f := _FOR_WORDS.search(text)) and (a := _AGAINST_WORDS.search(text[f.end() :])):
        vote.votes_for, vote.against = int(f.group("a")), int(a.group("b"))
    elif m := _LABELLED_COUNT.match(text):
        vote.votes_for, vote.against = int(m.group("a") or m.group("a2")), int(m.group("b") or m.group("b2"))
        if not rejected and not re.search(rf"\b{_ADOPTED}\b", text, re.I):
            vote.result = "adopted" if vote.votes_for > vote.against else "rejected"  # the majority
    elif m := _AGAINST_ONLY.search(text):
        vote.against = int(m.group("b")) if m.group("b") else NUMBER_WORDS[m.group("word").lower()]
    elif m := _GOT.search(text):
        vote.votes_for = int(m.group("a"))
    if m := _BLANK_LABEL.search(text):
        vote.blank = int(m.group(1))
    elif m := _BLANK.search(text):
        vote.blank = int(m.group("n") or m.group("m"))
    if vote.against is not None:
        vote.unanimous = vote.against == 0 if vote.unanimous is None else vote.unanimous
    if sides:
        vote.parties_for, vote.parties_against = sides
        return vote
    minority = [p for m in _PARENS.finditer(text) for p in _parties(m.group("inside"))]
    if minority:
        (vote.parties_for if vote.result == "rejected" else vote.parties_against).extend(minority)
    return vote


def _names(text: str) -> list[str]:
    return [n.strip(" .") for n in re.split(r"\s*(?:,|;|\bog\b)\s*", text) if n.strip(" .")]


def check(vote: Vote) -> str | None:
    """What disagrees between the counts and the names or parties printed, if anything."""
    problems = []
    if vote.votes_for is not None and vote.names_for and len(vote.names_for) != vote.votes_for:
        problems.append(f"{len(vote.names_for)} named for, {vote.votes_for} counted")
    if vote.against is not None and vote.names_against and len(vote.names_against) != vote.against:
        problems.append(f"{len(vote.names_against)} named against, {vote.against} counted")
    if vote.unanimous and (vote.against or vote.names_against or vote.parties_against):
        problems.append("unanimous, yet votes against are printed")
    both = set(vote.parties_for) & set(vote.parties_against)
    if both:
        problems.append(f"parties on both sides: {', '.join(sorted(both))}")
    if vote.against == 0 and vote.parties_against:
        problems.append("no votes against, yet parties against are printed")
    return "; ".join(problems) or None


def find_votes(lines: list[Line]) -> list[Vote]:
    """Every vote printed in a case, in order."""
    votes: list[Vote] = []
    alternative: tuple[str, str] | None = None
    pending: list[tuple[str, list[str]]] = []  # named lists printed before their vote
    treated = False  # the sentence before was a treatment heading
    for sentence in _sentences(lines):
        text = _LABEL.sub("", sentence)
        if _VOTE_HEADING.match(sentence):  # "Votering" alone: a heading, as a treatment heading is
            treated = True
            continue
        after_treatment, heading = treated, _TREATMENT.match(sentence)
        treated = bool(heading and not heading.group("rest"))
        if heading and heading.group("rest"):  # "Behandling: Enstemmig."
            after_treatment, text = True, heading.group("rest")
            if is_vote_sentence(text):  # the heading set tight over its vote is not the vote's text
                sentence = text
        if m := _NAMED.match(text):
            side, names = m.group("side").lower(), _names(m.group("names"))
            if votes:
                (votes[-1].names_for if side == "for" else votes[-1].names_against).extend(names)
                votes[-1].printed += " " + sentence
            else:
                pending.append((side, names))
            continue
        if (m := _PARTY_SIDE.match(text)) and votes:
            side = m.group("side").lower()
            (votes[-1].parties_for if side == "for" else votes[-1].parties_against).extend(_parties(m.group("parties")))
            votes[-1].printed += " " + sentence
            continue
        if not is_vote_sentence(sentence) and not (after_treatment and _BARE_UNANIMOUS.match(text)):
            continue
        if m := _ALTERNATIVE.match(text):
            alternative = (m.group("a"), m.group("b"))
            continue
        if m := _DECISION_LABEL_VOTE.match(sentence):
            sentence = m.group(0)  # the label, not the decision printed after its colon
        vote = parse_vote(sentence)
        if alternative is not None:
            vote.printed = f"{alternative[0]} ble satt opp mot {alternative[1]}. {vote.printed}"
            same = vote.on and vote.on.lower() == alternative[0].lower()
            vote.alternative = alternative[1] if same else alternative[0]
            alternative = None
        for side, names in pending:
            (vote.names_for if side == "for" else vote.names_against).extend(names)
        pending = []
        votes.append(vote)
    for vote in votes:
        vote.vote_check = check(vote)
    return votes


def outcome(kind: str, adopted: str | None, title: str, lines: list[Line], votes: list[Vote]) -> tuple[str, str | None]:
    """(outcome, legal basis where the text is withheld) of one case in one document."""
    texts = [title, *(clean(ln.text) for ln in lines if ln.text)]
    head = " ".join(texts[:4])
    if EXEMPT.search(head):
        basis = EXEMPT_BASIS.search(" ".join(texts[:8]))
        return "exempt", clean(basis.group(0)).rstrip(" .,") if basis else None
    if kind not in ("minutes",):
        return "none", None
    short = [t for t in texts[1:] if len(t.split()) <= OUTCOME_LINE_WORDS]
    said = [adopted or "", *short, *(v.printed for v in votes)]
    if any(WITHDRAWN.search(t) and re.search(r"\bsak", t, re.I) for t in said) or any(
        re.match(r"^(?:trukket|trekt)\.?$", t, re.I) for t in short
    ):
        return "withdrawn", None
    # A motion to put the case off is not its outcome ("X fremja framlegg: Saka vert utsett" may
    # fall) unless the line says it happened ("Saka vart utsett etter framlegg frå …").
    put_off = [t for t in short if not _MOTION.search(t) or _PUT_OFF.search(t)]
    if any(DEFERRED.search(t) for t in [adopted or "", *put_off]):
        return "deferred", None
    if adopted or any(v.result == "adopted" for v in votes):
        return "adopted", None
    return "none", None
