"""The Alembic migrations and the table definitions in bot/store/schema.py must agree,
or a fresh database and an upgraded one would differ."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect

from bot.store.schema import metadata
from bot.store.store import Store


def _not_search_index(name: str | None, type_: str, _parent: object) -> bool:
    # SQLite's full-text index (migration 0015_search) is a virtual table and its shadow
    # tables, made by hand in the migration: no SQLAlchemy table describes them
    return not (type_ == "table" and (name or "").startswith("entries_fts"))


def _diff(conn: Connection) -> list[object]:
    ctx = MigrationContext.configure(conn, opts={"include_name": _not_search_index})
    return list(compare_metadata(ctx, metadata))


async def test_migrated_database_matches_the_schema(tmp_path: Path) -> None:
    store = await Store.open(f"sqlite+aiosqlite:///{tmp_path / 'm.db'}")
    try:
        async with store.engine.connect() as conn:
            diff = await conn.run_sync(_diff)
            tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
            mode = (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar()
            fks = (await conn.exec_driver_sql("PRAGMA foreign_keys")).scalar()
    finally:
        await store.close()
    assert diff == []
    assert {"feeds", "entries", "fetch_log", "summaries", "posts", "destinations"} <= tables
    assert (mode, fks) == ("wal", 1)


async def test_opening_twice_does_not_migrate_again_or_lose_data(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from bot.models import FeedSpec

    url = f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
    store = await Store.open(url)
    await store.add_feed(FeedSpec("A", "https://a.example/feed"), datetime(2026, 8, 1, tzinfo=UTC))
    await store.close()
    store = await Store.open(url)
    try:
        assert [f.name for f in await store.list_feeds()] == ["A"]
    finally:
        await store.close()


# Every revision's schema on SQLite (each table's, index's and trigger's SQL), up from nothing
# to head and back down, as recorded before the migration files were last tidied: a migration
# that has run must keep doing what it did, so tidying one (a shared column builder, say) must
# leave every statement it emits the same. A SHA-256 per step keeps the record small.
HISTORY = Path(__file__).parent / "data" / "migrations" / "sqlite_history.txt"


def _digest(conn: Connection) -> str:
    import hashlib

    rows = conn.exec_driver_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).all()
    schema = "\n".join(f"{t} {n} on {tbl}: {_constraints_sorted(sql)}" for t, n, tbl, sql in rows)
    return hashlib.sha256(schema.encode()).hexdigest()


def _constraints_sorted(sql: str | None) -> str | None:
    """A table's named constraints in name order: a batch migration on SQLite (0003's downgrade)
    rebuilds a table with its unique constraints in set order, which differs from run to run;
    the columns keep their order."""
    if sql is None:
        return None
    lines = [line.strip().rstrip(",").strip() for line in sql.splitlines()]
    named = iter(sorted(line for line in lines if line.startswith("CONSTRAINT ")))
    return "\n".join(next(named) if line.startswith("CONSTRAINT ") else line for line in lines)


def _walk(conn: Connection) -> str:
    from alembic import command
    from alembic.script import ScriptDirectory

    from bot.store.db import _alembic_config

    cfg = _alembic_config(conn)
    order = [s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()][::-1]
    steps: list[str] = []
    for rev in order:
        command.upgrade(cfg, rev)
        steps.append(f"upgrade to {rev}: {_digest(conn)}")
    for rev in [*order[-2::-1], "base"]:
        command.downgrade(cfg, rev)
        steps.append(f"downgrade to {rev}: {_digest(conn)}")
    return "\n".join(steps) + "\n"


async def sqlite_history(path: Path) -> str:
    from bot.store.db import create_engine

    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    try:
        async with engine.begin() as conn:
            return await conn.run_sync(_walk)
    finally:
        await engine.dispose()


async def test_every_revision_still_builds_the_same_schema_up_and_down(tmp_path: Path) -> None:
    now = (await sqlite_history(tmp_path / "h.db")).splitlines()
    assert now == HISTORY.read_text(encoding="utf-8").splitlines()
