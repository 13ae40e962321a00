"""The adapter as bot.app starts it: DISCORD_TOKEN set → connected, commands synced, a
publisher for the scheduler; closed cleanly; the token never in the logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from support.fake_discord import FakeDiscord

from bot.app import build_app, start_adapters
from bot.clock import FixedClock
from bot.config import Settings
from bot.store.store import Store


async def test_start_adapters_connects_discord_and_closes_it(
    fake: FakeDiscord,
    settings: Settings,
    clock: FixedClock,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = settings.model_copy(
        update={"database_url": f"sqlite+aiosqlite:///{tmp_path / 'app.db'}"}
    )
    app = await build_app(settings, clock, sync=False)
    try:
        adapters = await start_adapters(app)
        (discord_adapter,) = adapters
        assert discord_adapter.name == "discord"
        assert discord_adapter.publisher.platform == "discord"
        await fake.wait_identified()
        assert fake.identify is not None
        assert fake.identify["token"] == "fake-discord-token"  # it did use the token...
        assert discord_adapter.close is not None
        await discord_adapter.close()
        assert discord_adapter.task is not None and discord_adapter.task.done()
    finally:
        await app.close()
    assert "fake-discord-token" not in caplog.text  # ...and never wrote it down
    assert "slash commands synced to server" in caplog.text


async def test_without_a_dev_server_the_commands_sync_globally(
    fake: FakeDiscord, settings: Settings, clock: FixedClock, store: Store
) -> None:
    from support.fake_discord import APP_ID

    from bot.adapters.discord import runner
    from bot.services import Services

    settings = settings.model_copy(update={"discord_dev_guild_id": None})
    services = Services(store, None, None, settings, clock)  # type: ignore[arg-type]
    adapter = await runner.start(services, settings, clock)
    try:
        (sync,) = fake.find("PUT", rf"/applications/{APP_ID}/commands")
        assert {c["name"] for c in sync.body} == {
            "digest",
            "sources",
            "why",
            "filters",
            "search",
            "schedule",
        }
        assert not fake.find("PUT", r"/applications/\d+/guilds/\d+/commands")
    finally:
        await adapter.close()
