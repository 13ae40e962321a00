"""Shared fixtures. Parts keep their own fixtures in their folder's conftest.py."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import FixedClock
from bot.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared/fixtures; the test skips, saying why, when it is absent."""
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/fixtures/{'/'.join(parts)} (absent in this clone; CI has it)")
    return path


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 8, 22, 12, 0, tzinfo=UTC))


# Set to a PostgreSQL URL (postgresql+asyncpg://user@host:port/db, with the `postgres` extra
# installed) to run every store-backed test on PostgreSQL: each test gets a fresh database.
TEST_DATABASE_URL = os.environ.get("NEWSBOT_TEST_DATABASE_URL", "")


@pytest.fixture
async def db_url(tmp_path: Path) -> AsyncIterator[str]:
    """A fresh, empty database: SQLite in the test's folder, or PostgreSQL when asked."""
    if not TEST_DATABASE_URL:
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
        return
    from sqlalchemy import make_url, text
    from sqlalchemy.ext.asyncio import create_async_engine

    name = f"newsbot_t_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


@pytest.fixture
async def store(db_url: str) -> AsyncIterator[Store]:
    s = await Store.open(db_url)
    try:
        yield s
    finally:
        await s.close()
