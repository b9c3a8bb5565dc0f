"""The word-part search index (see db.search): FTS5 tables kept by the loader.

The tables are declared with the indexed table as their external content: they store only the
index, not a second copy of the text, and Datasette (ours or a plain one) finds them by its own
convention (`content="cases"`) whatever the database file is called. Each indexed column is a
column of its own, so a search can rank a match in the title above one in the case's text. The
tokens are ours, not FTS5's: the loader adds a file's rows after inserting them and removes them,
with the same tokens, before deleting them (FTS5's own 'rebuild' would index other tokens).
The tokens come from db.search.word_parts, so the index records the version of that function
it was built with and is rebuilt when the version differs: removing rows with other tokens
than they were added with would leave stale entries.
"""

from __future__ import annotations

from sqlite_utils import Database

from db.search import INDEX_VERSION, TOKENIZER, word_parts

# index table → (table indexed, its columns, in the order a search ranks a match in them).
# Datasette's table search finds these itself; the front's searches join them on rowid.
INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "cases_words": ("cases", ("title", "adopted_decision", "proposed_decisions", "text")),
    "decisions_words": ("decisions", ("text",)),
    "documents_words": ("documents", ("title", "text")),
}
VERSION_TABLE = "word_index_version"


def create(db: Database) -> None:
    for name, (table, columns) in INDEXES.items():
        names = ", ".join(columns)
        db.execute(
            f"create virtual table if not exists [{name}] using fts5({names}, "
            f"content=\"{table}\", tokenize='{TOKENIZER}')"
        )
    db.execute(f"create table if not exists [{VERSION_TABLE}] (version integer)")


def _rows(db: Database, table: str, where: str, params: list) -> tuple[str, list[tuple[int, str]]]:
    """The index of `table`, and (rowid, tokens) for its rows matching `where`."""
    name = next(n for n, (t, _) in INDEXES.items() if t == table)
    columns = ", ".join(f"[{c}]" for c in INDEXES[name][1])
    rows = db.execute(f"select rowid, {columns} from [{table}] where {where}", params).fetchall()
    return name, [(r[0], *(word_parts(value) for value in r[1:])) for r in rows]


def _placeholders(name: str) -> tuple[str, str]:
    columns = INDEXES[name][1]
    return ", ".join(f"[{c}]" for c in columns), ", ".join("?" for _ in columns)


def add(db: Database, table: str, where: str, params: list) -> None:
    """Index the rows of `table` matching `where`."""
    name, rows = _rows(db, table, where, params)
    columns, marks = _placeholders(name)
    db.conn.executemany(f"insert into [{name}] (rowid, {columns}) values (?, {marks})", rows)


def remove(db: Database, table: str, where: str, params: list) -> None:
    """Take the rows of `table` matching `where` out of the index (before they are deleted)."""
    name, rows = _rows(db, table, where, params)
    columns, marks = _placeholders(name)
    db.conn.executemany(f"insert into [{name}] ([{name}], rowid, {columns}) values ('delete', ?, {marks})", rows)


def rebuild(db: Database) -> None:
    """Make the index anew: its tables too, whose columns may differ between versions."""
    with db.atomic():
        for name in INDEXES:
            db.execute(f"drop table if exists [{name}]")
        create(db)
        for table, _ in INDEXES.values():
            add(db, table, "1", [])
        db.execute(f"delete from [{VERSION_TABLE}]")
        db.execute(f"insert into [{VERSION_TABLE}] (version) values (?)", [INDEX_VERSION])


def ensure_current(db: Database) -> None:
    """Rebuild the index when it was made by another version of the tokens."""
    row = db.execute(f"select max(version) from [{VERSION_TABLE}]").fetchone()
    if row[0] != INDEX_VERSION:
        rebuild(db)
