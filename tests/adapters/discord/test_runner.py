"""Starting the adapter: a refused token is a clear configuration error, not a traceback."""

from __future__ import annotations

import pytest
from support.fake_discord import FakeDiscord

from bot.adapters.discord import runner
from bot.clock import FixedClock
from bot.config import Settings
from bot.errors import ConfigError
from bot.services import Services
from bot.store.store import Store


async def test_a_refused_token_is_a_config_error_with_the_fix(
    fake: FakeDiscord, settings: Settings, store: Store, clock: FixedClock
) -> None:
    fake.fail("GET", "/users/@me", 401, code=0, message="401: Unauthorized")
    services = Services(store, None, None, settings, clock)  # type: ignore[arg-type]
    with pytest.raises(ConfigError) as err:
        await runner.start(services, settings, clock)
    assert str(err.value) == "Discord refused the token in DISCORD_TOKEN"
    assert "Reset Token" in err.value.hint
    assert fake.identify is None  # never got as far as the gateway
    assert "fake-discord-token" not in str(err.value) + err.value.hint
