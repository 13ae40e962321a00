"""Fixtures for digest tests: a store holding the demo's real day."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.days import DEMO_NOW, load_day

from bot.store.store import Store


@pytest.fixture
async def demo_store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store.open(f"sqlite+aiosqlite:///{tmp_path / 'day.db'}")
    try:
        await load_day(s, DEMO_NOW)
        yield s
    finally:
        await s.close()
