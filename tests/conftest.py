"""Shared fixtures. Parts keep their own fixtures in their folder's conftest.py."""

from __future__ import annotations

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


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store.open(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}")
    try:
        yield s
    finally:
        await s.close()
