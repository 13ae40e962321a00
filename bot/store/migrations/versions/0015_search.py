"""search: full-text index of the stored articles (issue 14)

SQLite: an FTS5 table over entries' title and text (external content, so no second copy of
the text), kept in step by triggers. PostgreSQL: a GIN index on the same tsvector expression
the search query uses (``bot/store/search.py``), so no column is added.
"""

from alembic import op

revision = "0015_search"
down_revision = "0014_rules"

SQLITE_UP = [
    "CREATE VIRTUAL TABLE entries_fts USING fts5("
    "title, text, content='entries', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN "
    "INSERT INTO entries_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, text ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO entries_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS entries_fts_update",
    "DROP TRIGGER IF EXISTS entries_fts_delete",
    "DROP TRIGGER IF EXISTS entries_fts_insert",
    "DROP TABLE IF EXISTS entries_fts",
]
PG_UP = [
    "CREATE INDEX IF NOT EXISTS ix_entries_search ON entries "
    "USING gin (to_tsvector('english', title || ' ' || text))"
]
PG_DOWN = ["DROP INDEX IF EXISTS ix_entries_search"]


def _run(sqlite: list[str], postgres: list[str]) -> None:
    name = op.get_bind().dialect.name
    for statement in sqlite if name == "sqlite" else postgres if name == "postgresql" else []:
        op.execute(statement)


def upgrade() -> None:
    _run(SQLITE_UP, PG_UP)


def downgrade() -> None:
    _run(SQLITE_DOWN, PG_DOWN)
