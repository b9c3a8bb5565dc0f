"""The word-part search index (see db.search): contentless FTS5 tables kept by the loader.

Contentless tables store only the index, not a second copy of the text; the loader adds a
file's rows after inserting them and removes them, with the same tokens, before deleting them.
The tokens come from db.search.word_parts, so the index records the version of that function
it was built with and is rebuilt when the version differs: removing rows with other tokens
than they were added with would leave stale entries.
"""

from __future__ import annotations

from sqlite_utils import Database

from db.search import INDEX_VERSION, TOKENIZER, word_parts

# index table → (table indexed, its columns). Datasette's table search uses these through
# fts_table in metadata.yaml; the canned searches join them on rowid.
INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "cases_words": ("cases", ("title", "proposed_decisions", "adopted_decision")),
    "decisions_words": ("decisions", ("text",)),
    "documents_words": ("documents", ("title", "text")),
}
VERSION_TABLE = "word_index_version"


def create(db: Database) -> None:
    for name in INDEXES:
        db.execute(f"create virtual table if not exists [{name}] using fts5(words, content='', tokenize='{TOKENIZER}')")
    db.execute(f"create table if not exists [{VERSION_TABLE}] (version integer)")


def _rows(db: Database, table: str, where: str, params: list) -> tuple[str, list[tuple[int, str]]]:
    """The index of `table`, and (rowid, tokens) for its rows matching `where`."""
    name = next(n for n, (t, _) in INDEXES.items() if t == table)
    columns = ", ".join(f"[{c}]" for c in INDEXES[name][1])
    rows = db.execute(f"select rowid, {columns} from [{table}] where {where}", params).fetchall()
    return name, [(r[0], word_parts(*r[1:])) for r in rows]


def add(db: Database, table: str, where: str, params: list) -> None:
    """Index the rows of `table` matching `where`."""
    name, rows = _rows(db, table, where, params)
    db.conn.executemany(f"insert into [{name}] (rowid, words) values (?, ?)", rows)


def remove(db: Database, table: str, where: str, params: list) -> None:
    """Take the rows of `table` matching `where` out of the index (before they are deleted)."""
    name, rows = _rows(db, table, where, params)
    db.conn.executemany(f"insert into [{name}] ([{name}], rowid, words) values ('delete', ?, ?)", rows)


def rebuild(db: Database) -> None:
    with db.atomic():
        create(db)
        for name, (table, _) in INDEXES.items():
            db.execute(f"insert into [{name}] ([{name}]) values ('delete-all')")
            add(db, table, "1", [])
        db.execute(f"delete from [{VERSION_TABLE}]")
        db.execute(f"insert into [{VERSION_TABLE}] (version) values (?)", [INDEX_VERSION])


def ensure_current(db: Database) -> None:
    """Rebuild the index when it was made by another version of the tokens."""
    row = db.execute(f"select max(version) from [{VERSION_TABLE}]").fetchone()
    if row[0] != INDEX_VERSION:
        rebuild(db)
