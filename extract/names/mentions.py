"""People named in a case's text ("Ida Haug orienterte om …", "Iflg. Leif …").

spaCy gives the tokens: a trained Norwegian pipeline (nb_core_news_sm) when it is installed,
whose person entities are used, and otherwise the blank Norwegian tokenizer with a Matcher
for runs of capitalised words. Candidates are only candidates: the registry links those that
name a known person and drops the rest ("Helse Nord" is capitalised too).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher

TRAINED_PIPELINE = "nb_core_news_sm"

# Two to four capitalised words, an initial allowed inside: "Noeline W. Goos", "Glenn-Helge Hattmann".
_WORD = {"TEXT": {"REGEX": r"^[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáóí]+(?:-[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáóí]+)*$"}}
_INITIAL = {"TEXT": {"REGEX": r"^[A-ZÆØÅ]\.$"}}
_NAME_PATTERNS = [[_WORD, *middle, _WORD] for middle in ([], [_WORD], [_INITIAL], [_WORD, _WORD], [_WORD, _INITIAL])]


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The trained pipeline if installed, else spaCy's blank Norwegian tokenizer."""
    try:
        return spacy.load(TRAINED_PIPELINE, exclude=["lemmatizer", "parser"])
    except OSError:
        return spacy.blank("nb")


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(nlp().vocab)
    matcher.add("NAME", _NAME_PATTERNS, greedy="LONGEST")
    return matcher


def find_mentions(text: str, first_names: frozenset[str] = frozenset()) -> list[str]:
    """Name candidates in `text`, in order, without repeats.

    Runs of capitalised words are full-name candidates; a single capitalised word counts when
    it is one of `first_names` (the folded given names of the document's own attendees).
    """
    from extract.names.parse import fold

    if not text:
        return []
    doc = nlp()(text)  # line breaks stay: a run of capitals never spans two lines
    spans = [doc[s:e] for _, s, e in _matcher()(doc)]
    if doc.has_annotation("ENT_IOB"):
        spans += [ent for ent in doc.ents if ent.label_ in ("PER", "PERSON")]
    found: list[str] = []
    covered: set[int] = set()
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if covered & set(range(span.start, span.end)):
            continue
        covered.update(range(span.start, span.end))
        name = span.text.replace("\n", " ")
        if name not in found:
            found.append(name)
    for token in doc:
        alone = token.i not in covered and token.is_title and token.is_alpha
        if alone and fold(token.text) in first_names and token.text not in found:
            found.append(token.text)
    return found
