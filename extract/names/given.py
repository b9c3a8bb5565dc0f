"""Given names: evidence that a run of capitalised words in case text is a person's name.

The lists are Faker's person providers for the Nordic locales and the neighbours whose names
are common in Norway (Statistics Norway's most common given names for no_NO); a document's own
attendees add theirs. "Helse Nord", "Dato Klokkeslett" and "World Health Organization" do not
start with a given name; "Kari Nordmann" does.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import unicodedata
from functools import lru_cache
from pathlib import Path

from extract.cache import cache_dir
from extract.names.parse import fold

LOCALES = ("no_NO", "da_DK", "sv_SE", "fi_FI", "is_IS", "en_US", "en_GB", "de_DE", "nl_NL", "fr_FR", "pl_PL")


GIVEN = ("first_names", "first_names_male", "first_names_female")
SURNAME_LOCALES = ("no_NO", "da_DK", "sv_SE")  # surnames common in Norway


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded given names of the locales above (a few thousand), kept in the user's cache: the
    eleven Faker modules take longer to import than a run of a few files takes to extract."""
    return _cached("given-names", LOCALES, GIVEN)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Folded surnames common in Norway and its neighbours ("Solberg", "Berg", "Hansen"): some
    are given names too, and tell a name's second line from another person's first."""
    return _cached("surnames", SURNAME_LOCALES, ("last_names",))


def _cached(kind: str, locales: tuple[str, ...], attrs: tuple[str, ...]) -> frozenset[str]:
    key = _cache_key()
    path = cache_dir() / f"{kind}-{key}.txt" if key else None
    if path is not None:
        try:
            return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}
        except OSError:
            pass
    names = faker_names(locales, attrs)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text("\n".join(sorted(names)), encoding="utf-8")
            os.replace(partial, path)  # whole or not at all: workers may write at once
        except OSError:
            pass  # a read-only home: the lists are read from Faker every time
    return names


def faker_given_names() -> frozenset[str]:
    return faker_names(LOCALES, GIVEN)


def faker_names(locales: tuple[str, ...], attrs: tuple[str, ...]) -> frozenset[str]:
    names: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in attrs:
            for name in getattr(provider, attr, ()) or ():
                names.update(fold(part) for part in name.split("-"))
    names.discard("")
    return frozenset(names)


@lru_cache(maxsize=1)
def _cache_key() -> str | None:
    """What the folded lists depend on: the locales, the provider files as installed, the code
    that folds them and the Unicode tables; None when Faker cannot be found without importing it."""
    from importlib.util import find_spec

    from extract.names import parse

    spec = find_spec("faker")
    if spec is None or not spec.origin:
        return None
    digest = hashlib.sha256(repr((LOCALES, unicodedata.unidata_version)).encode())
    for locale in LOCALES:
        provider = Path(spec.origin).parent / "providers" / "person" / locale / "__init__.py"
        try:
            digest.update(provider.read_bytes())
        except OSError:
            return None
    for module in (parse.__file__, __file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()[:16]


def is_given_name(token: str, also: frozenset[str] = frozenset()) -> bool:
    """A given name, or a hyphenated one whose first part is ("Glenn-Helge")."""
    folded = fold(token)
    return folded in also or folded in given_names() or fold(token.split("-")[0]) in given_names()


def is_surname(token: str) -> bool:
    return fold(token) in surnames()
