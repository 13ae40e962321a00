"""Engine creation and migrations. SQLite gets WAL and foreign keys."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
from collections.abc import AsyncIterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_LOCK = 0x6E657773  # "news": the advisory lock key that serializes migrations
_REVISION = re.compile(r'^(down_revision|revision) = "?([^"\n]*?)"?$', re.M)


def normalize_url(url: str) -> str:
    """Accept plain driver names and pick the async driver for them."""
    if url.startswith("sqlite:///") or url == "sqlite://":
        return url.replace("sqlite://", "sqlite+aiosqlite://", 1)
    if url.startswith(("postgres://", "postgresql://")):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    return url


_URL_HINT = (
    "use sqlite+aiosqlite:///data/newsbot.db (a file) or "
    "postgresql+asyncpg://user:pass@host/db in --database or NEWSBOT_DATABASE_URL"
)


def create_engine(url: str) -> AsyncEngine:
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        # not echoed: a mistyped URL may still hold a password
        raise StoreError("the database URL is not a URL", hint=_URL_HINT) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        # SQLAlchemy would load MySQL's driver and the CLI said "pip install MySQLdb"
        raise StoreError(
            f"cannot use database {parsed.render_as_string()}: newsbot stores in SQLite or "
            "PostgreSQL only",
            hint=_URL_HINT,
        )
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database
        if db and db != ":memory:" and not db.startswith("file:"):
            folder = Path(db).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the database's folder {folder}: {exc.strerror}",
                    hint="pick a writable place in --database or NEWSBOT_DATABASE_URL",
                ) from None
        # A busy writer elsewhere (a second process) waits instead of failing at once.
        kwargs["connect_args"] = {"timeout": 30}
    try:
        engine = create_async_engine(url, **kwargs)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot use database {parsed.render_as_string()}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            # A new database gets 16 KiB pages (SQLite fixes the size with the first table,
            # and WAL mode keeps it: an existing database keeps its own). Stored texts run to
            # several KiB (a quarter of the real-world feeds' entries are over 4 KiB, a tenth
            # over 9 KiB): on 4 KiB pages such a row is a chain of overflow pages, and every
            # page goes to the WAL and then to the database with a system call of its own.
            # Recording bench/poll.py's cold poll took 178,000 writes and 88,000 reads on 4 KiB
            # pages, 60,000 and 31,000 on 16 KiB ones.
            cur.execute("PRAGMA page_size=16384")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            # An INSERT that fires a trigger (entries' search_queue one until migration 0024;
            # the edit and delete ones still) keeps a statement journal, per row; past 64 KiB
            # it goes to a temporary file (the cold poll of bench/poll.py wrote 1.7 GB to
            # them, a page at a time). In memory it is a copy of a few pages per row.
            cur.execute("PRAGMA temp_store=MEMORY")
            cur.close()

    return engine


@cache
def head_revision() -> str:
    """The newest migration, read from the version files without loading Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        revisions.add(found["revision"])
        parents.add(found.get("down_revision", "None"))
    heads = revisions - parents
    if len(heads) != 1:
        raise StoreError(f"migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(_alembic_config(connection), "head")


async def _current_revision(engine: AsyncEngine) -> str | None:
    try:
        async with engine.connect() as conn:
            return (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar()
    except SQLAlchemyError:
        return None  # a new database: no version table yet


@contextlib.asynccontextmanager
async def _sqlite_migration_lock(engine: AsyncEngine) -> AsyncIterator[None]:
    """Several processes starting at once on one new SQLite file: one migrates, the others
    wait on a lock file beside it (SQLite's own locks do not cover Alembic's read-then-create:
    the second process failed with "table ... already exists"). PostgreSQL has its advisory
    lock below; anywhere without ``fcntl`` this is a no-op."""
    db = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if not db or db == ":memory:" or db.startswith("file:"):
        yield
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = await asyncio.to_thread(os.open, f"{db}.migrate-lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


async def migrate(engine: AsyncEngine) -> None:
    # Alembic takes a good part of a second to import; an up-to-date database (every run
    # but the first after an upgrade) never needs it
    if await _current_revision(engine) == head_revision():
        return
    async with _sqlite_migration_lock(engine):
        if await _current_revision(engine) == head_revision():
            return  # another process migrated it while this one waited
        await _migrate_locked(engine)


async def _migrate_locked(engine: AsyncEngine) -> None:
    try:
        async with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # several processes starting at once on one database: one migrates, the
                # others wait here and then find nothing left to do
                await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
            await conn.run_sync(_upgrade)
    except SQLAlchemyError as exc:
        raise StoreError(f"database migration failed: {exc}") from exc


async def schema_revisions(engine: AsyncEngine) -> tuple[str | None, str]:
    """(the database's Alembic revision, None when never migrated; the one this code needs)."""
    at = await _current_revision(engine)
    return (str(at) if at else None), head_revision()
