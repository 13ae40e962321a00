"""Composition root: the only place that wires the parts together.

settings -> store -> http client -> fetcher/poller -> summarizer -> digest builder -> poster
-> services -> adapters (each attaches its publisher to the poster) -> scheduler. Chat
adapters are imported only when their credentials are present, so a console-only bot never
loads discord.py or slack-bolt.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from bot import heartbeat
from bot.clock import Clock
from bot.config import Settings, load_feed_specs
from bot.config_check import check_adapter_credentials
from bot.daily import Outcome
from bot.models import DestinationSpec
from bot.posting import Poster
from bot.publish import Publisher
from bot.services import Services, validate_time
from bot.store.store import Store

if TYPE_CHECKING:  # the scheduler (apscheduler) loads for `run` only; httpx with the client
    import httpx

    from bot.scheduler import Scheduler

log = logging.getLogger("newsbot.app")

DEFAULT_CONSOLE_POST_TIME = "08:00"
DEFAULT_SLACK_HTTP_PORT = 3000  # the port the Dockerfile exposes


@dataclass
class App:
    settings: Settings
    clock: Clock
    store: Store
    client: httpx.AsyncClient
    poller: Any
    builder: Any
    poster: Poster
    services: Services
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    async def close(self) -> None:
        for close in reversed(self.closers):
            with contextlib.suppress(Exception):
                await close()
        await _close_client(self.client)
        await self.store.close()


async def open_store(settings: Settings, clock: Clock, *, sync: bool = True) -> Store:
    """Open (and migrate) the database; sync the global feeds of config/feeds.toml into it."""
    store = await Store.open(settings.database_url)
    if sync and settings.feeds_file.is_file():
        try:
            synced = await store.sync_feeds(load_feed_specs(settings.feeds_file), clock.now())
        except BaseException:
            await store.close()
            raise
        if synced.added or synced.updated:
            log.info("feeds.toml: %d sources added, %d updated", synced.added, synced.updated)
        for line in synced.conflicts:
            log.warning("%s", line)
    elif sync:
        log.debug("no %s; only sources added by hand are polled", settings.feeds_file)
    return store


async def build_app(
    settings: Settings, clock: Clock, *, sync: bool = True, writer: bool = True
) -> App:
    """Wire every part once. ``writer=False`` is for managing sources, which never writes a
    digest nor fetches article pages: no LLM settings are checked and the writer is built
    only if asked (it is not), so ``newsbot sources list`` starts fast and works without
    an LLM key."""
    store = await open_store(settings, clock, sync=sync)
    client = cast("httpx.AsyncClient", _Later(lambda: _client(settings)))
    try:
        if writer:
            poller, builder = _poller_and_builder(settings, clock, store, client, writer=True)
        else:  # made on first use, which managing sources never makes

            def parts() -> tuple[Any, Any]:
                return _poller_and_builder(settings, clock, store, client, writer=False)

            poller, builder = _Later(lambda: parts()[0]), _Later(lambda: parts()[1])
        poster = Poster(store, builder, settings, clock)
        services = Services(store, poller, builder, settings, clock, poster=poster)
    except BaseException:
        await _close_client(client)
        await store.close()
        raise
    return App(settings, clock, store, client, poller, builder, poster, services)


def _client(settings: Settings) -> httpx.AsyncClient:
    from bot.feeds.fetch import make_client

    return make_client(settings)


async def _close_client(client: Any) -> None:
    """Close the shared client, unless nothing ever used it (then it was never made)."""
    if not isinstance(client, _Later) or client.is_made:
        await client.aclose()


def _poller_and_builder(
    settings: Settings, clock: Clock, store: Store, client: httpx.AsyncClient, *, writer: bool
) -> tuple[Any, Any]:
    """The poller and the digest builder; without ``writer``, a poller that fetches no
    article pages and the offline writer (no LLM settings checked). The poller is made on
    first use: a command that only writes a digest never loads the feed parsers."""
    from bot.digest.build import DigestBuilder
    from bot.summarize.factory import make_summarizer
    from bot.summarize.offline.summarizer import ExtractiveSummarizer

    poller = _Later(lambda: _poller(settings, clock, store, client, full_text=writer))
    if not writer:
        return poller, DigestBuilder(store, ExtractiveSummarizer(), settings, clock)
    summarizer = make_summarizer(settings, store, client, clock)
    builder = DigestBuilder(store, summarizer, settings, clock, _embedder(settings, store))
    return poller, builder


def _embedder(settings: Settings, store: Store) -> Any:
    """The optional embedder; none unless its URL is set, and then its module (numpy) loads."""
    if not settings.embeddings_base_url:
        return None
    from bot.digest.embed import make_embedder

    return make_embedder(settings, store)


def _poller(
    settings: Settings, clock: Clock, store: Store, client: httpx.AsyncClient, *, full_text: bool
) -> Any:
    from bot.feeds.extract import make_full_text
    from bot.feeds.fetch import Fetcher
    from bot.feeds.update import Poller
    from bot.identity import default_owner

    fetcher = Fetcher(client, settings)
    if not full_text:
        return Poller(store, fetcher, settings, clock)
    owner = default_owner()
    step = make_full_text(store, fetcher, settings, clock, owner=owner)
    return Poller(store, fetcher, settings, clock, step, owner=owner)


class _Later:
    """An object made on first use: a process that only manages sources never loads the
    feed parsers, the digest builder or a writer, and one that fetches nothing (a digest by
    the offline writer) never loads httpx and the feed client's transport."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make
        self._made: Any = None

    @property
    def is_made(self) -> bool:
        return self._made is not None

    def __getattr__(self, name: str) -> Any:
        if self._made is None:
            self._made = self._make()
        return getattr(self._made, name)


@dataclass(frozen=True)
class DatabaseCheck:
    """What ``newsbot doctor`` learns about the database."""

    at: str | None  # its schema revision; None when never migrated
    head: str  # the revision this version needs
    source_urls: tuple[str, ...] = ()  # the enabled sources (when asked for)


async def check_database(settings: Settings, *, migrate: bool, sources: bool) -> DatabaseCheck:
    """Open the database (migrating it with ``migrate``), see that it answers, and compare its
    schema with this version's. Raises what opening raises (``StoreError``, driver errors)."""
    store = await Store.open(settings.database_url, migrate=migrate)
    try:
        await store.ping()
        at, head = await store.schema_revisions()
        urls: tuple[str, ...] = ()
        if sources and at == head:
            feeds = await store.list_feeds(enabled_only=True, all_scopes=True)
            urls = tuple(f.url for f in feeds)
        return DatabaseCheck(at, head, urls)
    finally:
        await store.close()


def console_post_time(settings: Settings, override: str | None = None) -> str:
    """Console mode's daily time: --post-time > settings (NEWSBOT_CONSOLE_POST_TIME, .env,
    bot.toml) > 08:00."""
    return validate_time(str(override or settings.console_post_time or DEFAULT_CONSOLE_POST_TIME))


@dataclass
class Adapter:
    """A running chat adapter: its publisher, and how to stop it."""

    name: str
    publisher: Publisher
    task: asyncio.Task[Any] | None = None
    close: Callable[[], Awaitable[None]] | None = None
    started: Any = None  # what the adapter's runner returned (its client, its address...)


async def start_adapters(app: App, *, slack_http_port: int | None = None) -> list[Adapter]:
    """Start every chat adapter whose credentials are present (imported only then).

    The contract with an adapter package (``bot.adapters.discord`` / ``bot.adapters.slack``):
    a module ``runner`` with ``async start(services, settings, clock, **options)`` that
    connects, registers its commands and returns an object with ``publisher`` (a
    ``bot.publish.Publisher``), ``task`` (the running client, an ``asyncio.Task`` or None)
    and ``close`` (an async callable that disconnects). Slack gets ``http_port``.
    """
    adapters: list[Adapter] = []
    s = app.settings
    check_adapter_credentials(s)
    if s.secret("discord_token"):
        try:
            discord_runner = importlib.import_module("bot.adapters.discord.runner")
        except ImportError as exc:
            log.error(
                "Discord: adapter not available (%s); DISCORD_TOKEN is set but Discord stays off",
                exc,
            )
        else:
            started = await discord_runner.start(app.services, s, app.clock)
            adapters.append(
                Adapter("discord", started.publisher, started.task, started.close, started)
            )
    if s.secret("slack_bot_token") and (
        s.secret("slack_app_token") or s.secret("slack_signing_secret")
    ):
        try:
            slack_runner = importlib.import_module("bot.adapters.slack.runner")
        except ImportError as exc:
            log.error(
                "Slack: adapter not available (%s); the tokens are set but Slack stays off",
                exc,
            )
        else:
            port = slack_http_port if slack_http_port is not None else s.slack_http_port
            if port is None and not s.secret("slack_app_token"):
                # only the signing secret: HTTP mode is the only mode that can work
                port = DEFAULT_SLACK_HTTP_PORT
                log.info(
                    "Slack: no SLACK_APP_TOKEN, so HTTP mode on port %d "
                    "(set NEWSBOT_SLACK_HTTP_PORT or --slack-http-port to change it)",
                    port,
                )
            started = await slack_runner.start(
                app.services, s, app.clock, http_port=port, host=s.slack_http_host
            )
            adapters.append(
                Adapter("slack", started.publisher, started.task, started.close, started)
            )
    return adapters


def _on_signals(handler: Callable[[], None] | None) -> None:
    """SIGTERM and SIGINT call ``handler`` (None: back to the default), where the loop can."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            if handler is None:
                loop.remove_signal_handler(sig)
            else:
                loop.add_signal_handler(sig, handler)


async def _console_mode(app: App, post_time: str | None) -> None:
    """No chat credentials: digests go to Markdown files at the console's daily time."""
    from bot.adapters.console import CONSOLE_CHANNEL, ConsolePublisher  # no other mode posts

    settings = app.settings
    app.poster.attach("console", ConsolePublisher(settings.data_dir))
    at = console_post_time(settings, post_time)
    console = DestinationSpec(
        "console", CONSOLE_CHANNEL, None, at, settings.timezone, created_by="newsbot run"
    )
    await app.store.upsert_destination(console, app.clock.now())
    log.info(
        "no chat credentials: console mode, daily digest at %s %s into %s",
        at,
        settings.timezone,
        settings.data_dir / "digests",
    )


async def _until_stopped(stop: asyncio.Event, adapters: list[Adapter]) -> int:
    """Wait for a stop (signal, --once done) or an adapter's end; 1 if an adapter failed."""
    watch = [asyncio.ensure_future(stop.wait())] + [a.task for a in adapters if a.task]
    done, _ = await asyncio.wait(watch, return_when=asyncio.FIRST_COMPLETED)
    watch[0].cancel()
    for t in done:
        if t is not watch[0] and not t.cancelled() and t.exception() is not None:
            log.error("an adapter stopped: %s", t.exception())
            return 1
    log.info("shutting down")
    return 0


def _states(adapters: list[Adapter]) -> dict[str, str]:
    """What the heartbeat reports: the scheduler (it runs the beat) and each adapter."""
    states = {"scheduler": "ok"}
    for a in adapters:
        states[a.name] = "ok" if a.task is None or not a.task.done() else "stopped"
    return states


async def run(
    settings: Settings,
    clock: Clock,
    *,
    once: bool = False,
    slack_http_port: int | None = None,
    post_time: str | None = None,
    stop: asyncio.Event | None = None,
) -> int:
    """``newsbot run``: poll on a timer, post daily digests, serve chat commands.

    With ``once``: poll, then wait for the next scheduled post (of any destination), make it,
    and exit; used by tests and for a dry run of a day."""
    from bot.feeds.parsepool import warm_up
    from bot.scheduler import Scheduler

    warm_up()
    heartbeat.ensure_writable(settings.data_dir)
    app = await build_app(settings, clock)
    stop = stop or asyncio.Event()
    _on_signals(stop.set)
    adapters: list[Adapter] = []
    scheduler: Scheduler | None = None
    beat_file = heartbeat.heartbeat_path(settings.data_dir)
    try:
        adapters = await start_adapters(app, slack_http_port=slack_http_port)
        for a in adapters:
            app.poster.attach(a.name, a.publisher)
        if not adapters:
            await _console_mode(app, post_time)

        def posted(_dest: Any, outcome: Outcome) -> None:
            if once and outcome is not Outcome.NO_PUBLISHER:
                stop.set()

        scheduler = Scheduler(app.poster, app.poller, on_post=posted)
        app.services.changes.subscribe(scheduler.sync_jobs)
        if once:
            await scheduler.poll_job()
        await scheduler.catch_up()
        await scheduler.start(poll=not once)
        heartbeat.schedule(
            scheduler.aps, beat_file, settings.heartbeat_seconds, lambda: _states(adapters)
        )
        if once and not scheduler.has_jobs:
            log.warning("no destination to post to; nothing to wait for")
            stop.set()
        log.info("newsbot is running (Ctrl-C to stop)")
        return await _until_stopped(stop, adapters)
    finally:
        _on_signals(None)
        if scheduler is not None:
            await scheduler.shutdown()
        heartbeat.clear(beat_file)
        for a in adapters:
            if a.close is not None:
                with contextlib.suppress(Exception):
                    await a.close()
            if a.task is not None and not a.task.done():
                a.task.cancel()
        await app.close()
