"""Votes: the sentences that say how a case was decided.

"Enstemmig vedtatt", "Innstillingen ble vedtatt med 25 mot 10 stemmer", "Forslaget fra H falt
med 7 mot 28 stemmer (H, FrP)", "Vedtaket var samrøystes", "Ved votering ble ordførers forslag
enstemmig vedtatt". A vote sentence is not part of the decision it reports: it ends the
decision's block.
"""

from __future__ import annotations

import re

from extract.segment.text import clean

_ADOPTED = r"(?:vedtatt|vedteke|vedteken|vedtekne|godkjent|godkjend|tiltrådt|tilrådd|bifalt|enstemmig\s+vedtatt)"
_REJECTED = r"(?:forkastet|forkasta|nedstemt|falt|fall|avvist|ikke\s+vedtatt|ikkje\s+vedteke)"
_UNANIMOUS = r"(?:enstemmig|enstemmeg|samrøystes|einstemmig|einstemmeg|enst\.)"
_COUNT = r"(?:med\s+\d+\s+(?:mot|-)\s*\d+|mot\s+\d+)"
VOTE_SENTENCE = re.compile(
    rf"""^(?:
        (?:ved\s+)?(?:votering|avstemning|avstemming|avrøysting|røysting)\b
      | {_UNANIMOUS}\s+{_ADOPTED}
      | {_ADOPTED}\s+(?:{_COUNT}|{_UNANIMOUS})
      | vedtaket\s+(?:var|ble|vart|blei|er)\s+{_UNANIMOUS}
      | [^.]{{0,120}}?\b(?:ble|vart|blei|er|var)\s+(?:{_UNANIMOUS}\s+)?(?:{_ADOPTED}|{_REJECTED})\s+{_COUNT}
      | [^.]{{0,120}}?\b(?:ble|vart|blei|er|var)\s+{_UNANIMOUS}\s+(?:{_ADOPTED}|{_REJECTED})
      | [^.]{{0,120}}?\b{_REJECTED}\s+{_COUNT}
      | [^.]{{0,80}}?\b(?:ble|vart|blei)\s+(?:satt|sett)\s+opp\s+mot\b
      | (?:følgende|følgjande|disse|desse)\s+(?:stemte|røysta|røystet)\s+(?:for|mot|imot)
    )""",
    re.I | re.X,
)


def is_vote_sentence(text: str) -> bool:
    return bool(VOTE_SENTENCE.match(clean(text)))
