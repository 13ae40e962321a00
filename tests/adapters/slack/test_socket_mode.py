"""Socket Mode, the default: the composition root (``bot.app.start_adapters``) starts the
Slack adapter when SLACK_BOT_TOKEN and SLACK_APP_TOKEN are set; it opens a WebSocket to the
loopback fake (the URL comes from ``apps.connections.open``), acks a slash command envelope
at once, and posts the digest through the Web API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from pydantic import SecretStr
from support.fake_slack import FakeSlack
from support.feed_server import FeedServer

from bot.app import App, build_app, start_adapters
from bot.clock import FixedClock
from bot.config import Settings
from bot.errors import ConfigError
from bot.models import FeedSpec


@pytest.fixture
async def bot_app(
    tmp_path: Path, slack_api: FakeSlack, feed_server: FeedServer, clock: FixedClock
) -> AsyncIterator[App]:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        data_dir=tmp_path,
        allow_private_networks=True,
        full_text_min_words=0,
        slack_bot_token=slack_api.token,
        slack_app_token=slack_api.app_token,
        slack_api_url=slack_api.api_url,
    )
    app = await build_app(settings, clock, sync=False)
    try:
        await app.store.add_feed(
            FeedSpec(name="TechCrunch", url=feed_server.url("/techcrunch.xml")), clock.now()
        )
        await app.poller.poll()
        yield app
    finally:
        await app.close()


async def test_socket_mode_acks_and_posts(bot_app: App, slack_api: FakeSlack) -> None:
    adapters = await start_adapters(bot_app)
    try:
        assert [a.name for a in adapters] == ["slack"]
        await slack_api.wait_for(lambda s: bool(s.sockets), within=3.0)
        envelope = await slack_api.socket_command(
            "/digest", "today", response_url=slack_api.response_url()
        )
        await slack_api.wait_for(lambda s: bool(s.socket_acks(envelope)), within=3.0)
        (ack,) = slack_api.socket_acks(envelope)
        assert "today" in ack.params["payload"]["text"]
        await slack_api.wait_for(lambda s: len(s.posts) >= 2)
        headline, reply = slack_api.posts[0], slack_api.posts[1]
        assert reply.params["thread_ts"] == "1787400000.000001"
        assert "thread_ts" not in headline.params
    finally:
        for adapter in adapters:
            assert adapter.close is not None
            await adapter.close()


async def test_a_refused_app_token_stops_the_start_with_a_clear_error(
    bot_app: App, slack_api: FakeSlack
) -> None:
    slack_api.fail("apps.connections.open", "invalid_auth")
    with pytest.raises(ConfigError) as err:
        await start_adapters(bot_app)
    assert "SLACK_APP_TOKEN" in str(err.value) and "connections:write" in err.value.hint
    assert not slack_api.sockets


async def test_only_a_signing_secret_means_http_mode_not_a_failed_socket(
    bot_app: App, slack_api: FakeSlack
) -> None:
    bot_app.settings.slack_app_token = None
    bot_app.settings.slack_signing_secret = SecretStr("s3cret")
    bot_app.settings.slack_http_host = "127.0.0.1"
    # port 0: the OS picks a free one; it must not be read as "no port given"
    adapters = await start_adapters(bot_app, slack_http_port=0)
    try:
        assert [a.name for a in adapters] == ["slack"]
        assert not slack_api.sockets
        # listening where NEWSBOT_SLACK_HTTP_HOST says, and answering there
        url = adapters[0].started.http_url
        assert url.startswith("http://127.0.0.1:") and not url.startswith("http://127.0.0.1:0/")
        async with aiohttp.ClientSession() as http, http.post(url, data=b"x") as resp:
            assert resp.status == 401  # unsigned: refused, but by our server
    finally:
        for adapter in adapters:
            assert adapter.close is not None
            await adapter.close()
