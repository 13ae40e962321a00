"""Start the Slack adapter: the contract ``bot.app.start_adapters`` calls.

``await start(services, settings, clock, http_port=None)`` checks the bot token
(``auth.test``), registers the slash commands on a Bolt ``AsyncApp`` and connects:

- Socket Mode (``http_port`` None, the default): an outgoing WebSocket with the app-level
  token ``SLACK_APP_TOKEN``; no public URL needed.
- HTTP mode (``http_port`` set): an aiohttp server on ``host:http_port`` receiving Slack's
  requests at ``/slack/events``, each checked against ``SLACK_SIGNING_SECRET``.

Returns a ``SlackAdapter`` with the ``publisher`` the scheduler posts through, ``task``
(None: Bolt runs on the event loop's own tasks) and ``close``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization import AuthorizeResult
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.adapters.slack.admin import AdminCheck
from bot.adapters.slack.client import api_base, error_code, make_web_client
from bot.adapters.slack.commands import SlackCommands
from bot.adapters.slack.publisher import SlackPublisher
from bot.clock import Clock
from bot.config import Settings
from bot.errors import ConfigError
from bot.services import Services

log = logging.getLogger("newsbot.slack")

EVENTS_PATH = "/slack/events"
DEFAULT_HOST = "0.0.0.0"  # HTTP mode: Slack (or the reverse proxy in front) must reach it


@dataclass
class SlackAdapter:
    app: AsyncApp
    client: AsyncWebClient
    publisher: SlackPublisher
    team_id: str
    bot_user_id: str
    http_url: str | None = None  # HTTP mode: where Slack's requests are received
    task: None = None
    _closers: list[Callable[[], Awaitable[object]]] = field(default_factory=list)

    async def close(self) -> None:
        for closer in reversed(self._closers):
            try:
                await closer()
            except Exception as exc:  # keep closing the rest; say what did not close
                log.warning("slack: error while closing: %s", exc)
        self._closers.clear()


async def _whoami(client: AsyncWebClient, settings: Settings) -> AsyncSlackResponse:
    try:
        return await client.auth_test()
    except SlackApiError as exc:
        raise ConfigError(
            f"Slack refused SLACK_BOT_TOKEN ({error_code(exc)})",
            hint="copy the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions "
            "page into SLACK_BOT_TOKEN",
        ) from exc
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise ConfigError(
            f"could not reach Slack at {api_base(settings)} ({type(exc).__name__})",
            hint="check the network, or NEWSBOT_SLACK_API_URL if you changed it",
        ) from exc


def _bolt_app(
    client: AsyncWebClient, me: AsyncSlackResponse, signing_secret: str | None, http: bool
) -> AsyncApp:
    """Bolt would call auth.test again on the first command, before its ack; Slack's
    3-second clock is running then. The answer from the start is reused instead."""
    known = AuthorizeResult.from_auth_test_response(bot_token=client.token, auth_test_response=me)

    async def authorize() -> AuthorizeResult:
        return known

    # Bolt's own client carries no token (it takes the one from authorize per request);
    # it shares the base URL, session and retry handlers of ours.
    bolt_client = AsyncWebClient(
        base_url=client.base_url,
        session=client.session,
        timeout=client.timeout,
        retry_handlers=client.retry_handlers,
    )
    return AsyncApp(
        client=bolt_client,
        authorize=authorize,
        signing_secret=signing_secret or "",
        request_verification_enabled=http,
        logger=logging.getLogger("newsbot.slack.bolt"),
    )


async def _check_app_token(client: AsyncWebClient, app_token: str) -> None:
    """slack_sdk retries a refused Socket Mode connection forever; fail once, clearly."""
    try:
        await client.apps_connections_open(app_token=app_token)
    except SlackApiError as exc:
        raise ConfigError(
            f"Slack refused SLACK_APP_TOKEN ({error_code(exc)})",
            hint="create an app-level token with the connections:write scope (Basic "
            "Information → App-Level Tokens) and turn Socket Mode on for the app",
        ) from exc


async def start(
    services: Services,
    settings: Settings,
    clock: Clock,
    *,
    http_port: int | None = None,
    host: str = DEFAULT_HOST,
) -> SlackAdapter:
    signing_secret = settings.secret("slack_signing_secret")
    app_token = settings.secret("slack_app_token")
    if http_port is not None and not signing_secret:
        raise ConfigError(
            "HTTP mode (--slack-http-port) needs SLACK_SIGNING_SECRET",
            hint="copy the Signing Secret from the app's Basic Information page, "
            "or drop --slack-http-port to use Socket Mode with SLACK_APP_TOKEN",
        )
    if http_port is None and not app_token:
        raise ConfigError(
            "Socket Mode needs SLACK_APP_TOKEN",
            hint="create an app-level token with connections:write (Basic Information), "
            "or use HTTP mode with SLACK_SIGNING_SECRET and --slack-http-port",
        )

    session = aiohttp.ClientSession()
    closers: list[Callable[[], Awaitable[object]]] = [session.close]
    try:
        client = make_web_client(settings, session)
        me = await _whoami(client, settings)
        app = _bolt_app(client, me, signing_secret, http_port is not None)
        bot_name = str(me.get("user") or "newsbot")
        publisher = SlackPublisher(client, services, clock, bot_name=bot_name)
        admins = AdminCheck(client, settings.slack_admin_users)
        SlackCommands(services, settings, clock, client, publisher, admins).register(app)
        team_id, http_url = str(me.get("team_id")), None
        if http_port is not None:
            runner = web.AppRunner(app.web_app(path=EVENTS_PATH, port=http_port), access_log=None)
            await runner.setup()
            closers.append(runner.cleanup)
            try:
                await web.TCPSite(runner, host, http_port).start()
            except OSError as exc:
                raise ConfigError(
                    f"cannot listen on {host}:{http_port} for Slack ({exc.strerror or exc})",
                    hint="pick another --slack-http-port, or stop what is using that port",
                ) from exc
            bound_host, bound_port = runner.addresses[0][:2]
            http_url = f"http://{bound_host}:{bound_port}{EVENTS_PATH}"
            log.info("Slack: HTTP mode, receiving commands at %s", http_url)
        else:
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            await _check_app_token(client, app_token or "")
            handler = AsyncSocketModeHandler(app, app_token)
            await handler.connect_async()  # type: ignore[no-untyped-call]
            closers.append(handler.close_async)
            log.info("Slack: Socket Mode connected as @%s (team %s)", bot_name, team_id)
    except BaseException:
        for closer in reversed(closers):
            try:
                await closer()
            except Exception as exc:
                log.warning("slack: error while closing after a failed start: %s", exc)
        raise
    user_id = str(me.get("user_id"))
    return SlackAdapter(app, client, publisher, team_id, user_id, http_url, _closers=closers)
