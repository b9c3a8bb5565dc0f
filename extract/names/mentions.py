"""People named in a case's text ("Ida Haug orienterte om …", "Iflg. Leif …").

spaCy gives the tokens: a trained Norwegian pipeline (nb_core_news_sm) when it is installed,
whose person entities are used, and otherwise the blank Norwegian tokenizer with a Matcher
for runs of capitalised words. A run is a name only with a name's evidence: an office printed
before it is taken off ("Samhandlingssjef Glenn-Helge Hattmann"), and what is left starts with
a given name (`given`, or one of the document's own attendees) and ends in a surname-like word;
"Helse Nord", "Dato Klokkeslett" and "World Health Organization" are capitalised too. The
registry links the names to known people; they never create people.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from extract.names.given import is_given_name
from extract.segment.vocabulary import is_role_word

if TYPE_CHECKING:  # spaCy is imported where names are found: most commands never need it
    from spacy.language import Language
    from spacy.matcher import Matcher

    from models.extraction import Document

# What segmentation asks of a case's text and the given names of its document's attendees.
MentionFinder = Callable[[str, frozenset[str]], list[str]]

TRAINED_PIPELINE = "nb_core_news_sm"

# Two to four capitalised words, an initial allowed inside: "Noeline W. Goos", "Glenn-Helge Hattmann".
_WORD = {"TEXT": {"REGEX": r"^[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáóí]+(?:-[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáóí]+)*$"}}
_INITIAL = {"TEXT": {"REGEX": r"^[A-ZÆØÅ]\.$"}}
_NAME_PATTERNS = [[_WORD, *middle, _WORD] for middle in ([], [_WORD], [_INITIAL], [_WORD, _WORD], [_WORD, _INITIAL])]


_runs = [0]  # texts spaCy has read in this process


def spacy_runs() -> int:
    """How many texts spaCy has read in this process (a worker tells its pool when it needed it)."""
    return _runs[0]


def names_loaded() -> bool:
    """Whether spaCy is loaded in this process (asked without loading it)."""
    return nlp.cache_info().currsize > 0


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The trained pipeline if installed, else spaCy's blank Norwegian tokenizer."""
    import spacy

    try:
        return spacy.load(TRAINED_PIPELINE, exclude=["lemmatizer", "parser"])
    except OSError:
        return spacy.blank("nb")


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    from spacy.matcher import Matcher

    matcher = Matcher(nlp().vocab)
    matcher.add("NAME", _NAME_PATTERNS, greedy="LONGEST")
    return matcher


_SURNAME = re.compile(r"^[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáóí]+(?:-[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáóí]+)*$")
_TITLE = re.compile(
    r"^(?:dr\.?|prof\.?|professor|lege|fastlege|sykepleier|sjukepleiar|psykolog|jordmor|advokat)$", re.I
)


def person_name(run: str, entity: bool = False) -> str | None:
    """The name in a run of capitalised words, without an office printed before it; None where
    what is left cannot be a name. A trained pipeline's person entity may be a surname alone."""
    words = run.split()
    while words and (is_role_word(words[0]) or _TITLE.match(words[0])):
        words = words[1:]
    if len(words) < (1 if entity else 2) or not _SURNAME.match(words[-1]):
        return None
    return " ".join(words)


def has_name_evidence(name: str, given: frozenset[str]) -> bool:
    """A full name starts with a given name: of the lists, or of an attendee of the same run."""
    return len(name.split()) < 2 or is_given_name(name.split()[0], given)


# What any name spaCy can find here needs in the raw text: a capitalised word, one space or tab,
# and a capital (the next word or an initial); or, for a given name alone, a run of letters.
_CAPITAL_PAIR = re.compile(r"[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáóí]+[ \t\u00a0]+[A-ZÆØÅÄÖÜÉ]")
_LETTERS = re.compile(r"[^\W\d_]+")


def can_hold_names(text: str, first_names: frozenset[str] = frozenset()) -> bool:
    """Whether `text` could hold a name find_mentions would find: a cheap test that is true of
    every text in which it finds one, so that spaCy is neither loaded nor run for the rest (most
    case texts of some archives; a run without any never imports spaCy). It holds for spaCy's
    blank tokenizer with the Matcher; a trained pipeline may find a surname alone, so with one
    every text counts."""
    from extract.names.parse import fold

    if not text:
        return False
    if _CAPITAL_PAIR.search(text) or _may_find_entities():
        return True
    # a run with a character that is a letter to the regex but not to str.isalpha is left to spaCy
    return bool(first_names) and any(not word.isalpha() or fold(word) in first_names for word in _LETTERS.findall(text))


def _may_find_entities() -> bool:
    """Whether a pipeline with components (the trained one installed, or any loaded) may find a
    surname alone in any text; asked without importing spaCy."""
    return _installed() or (names_loaded() and bool(nlp().pipe_names))


@lru_cache(maxsize=1)
def _installed() -> bool:
    from importlib.util import find_spec

    return find_spec(TRAINED_PIPELINE) is not None


def find_mentions(text: str, first_names: frozenset[str] = frozenset()) -> list[str]:
    """Name candidates in `text`, in order, without repeats.

    Runs of capitalised words are full-name candidates; a single capitalised word counts when
    it is one of `first_names` (the folded given names of the document's own attendees).
    """
    if not can_hold_names(text, first_names):
        return []
    return spacy_mentions(text, first_names)


def spacy_mentions(text: str, first_names: frozenset[str] = frozenset()) -> list[str]:
    """find_mentions without the cheap test first: what spaCy finds in any text."""
    from extract.names.parse import fold

    if not text:
        return []
    _runs[0] += 1
    doc = nlp()(text)  # line breaks stay: a run of capitals never spans two lines
    spans = [doc[s:e] for _, s, e in _matcher()(doc)]
    entities = set()
    if doc.has_annotation("ENT_IOB"):
        entities = {(ent.start, ent.end) for ent in doc.ents if ent.label_ in ("PER", "PERSON")}
        spans += [doc[s:e] for s, e in sorted(entities)]
    found: list[str] = []
    covered: set[int] = set()
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if covered & set(range(span.start, span.end)):
            continue
        covered.update(range(span.start, span.end))
        name = person_name(span.text.replace("\n", " "), entity=(span.start, span.end) in entities)
        if name and name not in found:
            found.append(name)
    for token in doc if first_names else ():  # no attendee's given name to look for: no token to check
        alone = token.i not in covered and token.is_title and token.is_alpha
        if alone and fold(token.text) in first_names and token.text not in found:
            found.append(token.text)
    return found


@dataclass(frozen=True, slots=True)
class NameSearch:
    """A case whose names spaCy is still to find: by position in its file's documents, with the
    given names of its document's attendees (which its document may not keep: an agenda's)."""

    document: int
    case: int
    first_names: frozenset[str]


class Deferred:
    """Stands in for find_mentions during segmentation in a process that should not load spaCy
    (a pool's worker): it notes the case texts that can hold a name and leaves them without
    mentions, for the process that has spaCy loaded once for all its workers."""

    def __init__(self) -> None:
        self._asked: dict[int, tuple[list[str], frozenset[str]]] = {}

    def __call__(self, text: str, first_names: frozenset[str] = frozenset()) -> list[str]:
        mentions: list[str] = []
        if can_hold_names(text, first_names):
            # the list is the case's own: held here, its id names that case and no other
            self._asked[id(mentions)] = (mentions, first_names)
        return mentions

    def searches(self, documents: Sequence[Document]) -> list[NameSearch]:
        """The cases of the finished documents still to be searched (a part segmented twice, as
        when it is merged into the document before, counts once: as it was kept)."""
        return [
            NameSearch(d, c, self._asked[id(case.mentions)][1])
            for d, document in enumerate(documents)
            for c, case in enumerate(document.cases)
            if id(case.mentions) in self._asked
        ]


def find_deferred(documents: Sequence[Document], searches: Sequence[NameSearch]) -> None:
    """Fill in the mentions a Deferred left out: the same names find_mentions gives."""
    for search in searches:
        case = documents[search.document].cases[search.case]
        case.mentions = spacy_mentions(case.text, search.first_names)
