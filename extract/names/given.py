"""Given names: evidence that a run of capitalised words in case text is a person's name.

The lists are Faker's person providers for the Nordic locales and the neighbours whose names
are common in Norway (Statistics Norway's most common given names for no_NO); a document's own
attendees add theirs. "Helse Nord", "Dato Klokkeslett" and "World Health Organization" do not
start with a given name; "Kari Nordmann" does.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from extract.names.parse import fold

LOCALES = ("no_NO", "da_DK", "sv_SE", "fi_FI", "is_IS", "en_US", "en_GB", "de_DE", "nl_NL", "fr_FR", "pl_PL")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded given names of the locales above (a few thousand)."""
    names: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            for name in getattr(provider, attr, ()) or ():
                names.update(fold(part) for part in name.split("-"))
    names.discard("")
    return frozenset(names)


def is_given_name(token: str, also: frozenset[str] = frozenset()) -> bool:
    """A given name, or a hyphenated one whose first part is ("Glenn-Helge")."""
    folded = fold(token)
    return folded in also or folded in given_names() or fold(token.split("-")[0]) in given_names()
