"""Curated decisions about people, kept in a plain YAML file in the archive (reviewable in git).

    merge:            # these names are one person
      - [Glenn Hattmann, Glenn-Helge Hattmann]
    split:            # these names are different people, whatever the rules say
      - [Marit Bergh, Marit Berg]

Applied on every load, so they survive re-extraction and re-runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

HEADER = "# Curated person identities for the minutes archive: `minutes people merge/split` edit this file.\n"


@dataclass(slots=True)
class Overrides:
    merge: list[tuple[str, str]] = field(default_factory=list)
    split: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None) -> Overrides:
        if path is None or not path.exists():
            return cls()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
            problem = getattr(exc, "problem", None) or "not valid YAML"
            raise ValueError(f"{where}: {problem} (fix the file, or remove it to start over)") from None
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected 'merge:' and 'split:' lists")

        def pairs(key: str) -> list[tuple[str, str]]:
            out = []
            for item in data.get(key) or []:
                if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
                    raise ValueError(f"{path}: each '{key}' entry must be a pair of names, got {item!r}")
                out.append((item[0].strip(), item[1].strip()))
            return out

        return cls(merge=pairs("merge"), split=pairs("split"))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        body = yaml.safe_dump(
            {"merge": [list(p) for p in self.merge], "split": [list(p) for p in self.split]},
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=None,
        )
        tmp = path.with_suffix(".tmp")
        tmp.write_text(HEADER + body, encoding="utf-8")
        tmp.replace(path)

    def add_merge(self, a: str, b: str) -> None:
        from extract.names.parse import name_key

        if name_key(a) == name_key(b):
            raise ValueError(f"{a!r} and {b!r} are one printed name: it is one person already")
        pair = {a, b}
        self.split = [p for p in self.split if set(p) != pair]
        if not any(set(p) == pair for p in self.merge):
            self.merge.append((a, b))

    def add_split(self, a: str, b: str) -> None:
        pair = {a, b}
        self.merge = [p for p in self.merge if set(p) != pair]
        if not any(set(p) == pair for p in self.split):
            self.split.append((a, b))
