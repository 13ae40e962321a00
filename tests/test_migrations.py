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
