"""``newsbot doctor``: settings, database, tokens, the LLM and the network, one line each.

``--health`` is the container's health check: fast, quiet, and it never creates a database.
A check that is ``needed`` fails the command; the others are warnings.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bot.cli import _console, _settings
from bot.errors import ConfigError, NewsbotError

if TYPE_CHECKING:
    from bot.config import Settings


class Check(Protocol):
    def __call__(self, what: str, ok: bool, detail: str, needed: bool = True) -> None: ...


class Checks:
    """What was checked, in order: (what, ok, detail, needed)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, bool, str, bool]] = []

    def __call__(self, what: str, ok: bool, detail: str, needed: bool = True) -> None:
        self.rows.append((what, ok, detail, needed))

    def report(self, *, quiet: bool) -> int:
        failed = [c for c in self.rows if not c[1] and c[3]]
        if quiet:
            if failed:
                line = "; ".join(f"{c[0]}: {c[2]}" for c in failed)
                sys.stderr.write(f"unhealthy: {line}\n")
                return 1
            sys.stdout.write("ok\n")
            return 0
        out = _console()
        for what, ok, detail, needed in self.rows:
            mark = "[green]  ok[/]" if ok else ("[red]FAIL[/]" if needed else "[yellow]warn[/]")
            out.print(f"{mark}  {what}: {detail}", markup=True)
        out.print("all good" if not failed else f"{len(failed)} problem(s) need fixing")
        return 1 if failed else 0


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "doctor", parents=[common], help="check configuration, database, tokens, network"
    )
    p.add_argument("--health", action="store_true", help="fast check for container health")
    p.set_defaults(func=cmd_doctor)


async def cmd_doctor(args: argparse.Namespace) -> int:
    check = Checks()
    try:
        settings = _settings(args)
    except NewsbotError as exc:
        check("configuration", False, f"{exc} ({exc.hint})")
        return check.report(quiet=args.health)
    check("configuration", True, f"config dir {settings.config_dir}")
    check("time zone", True, settings.timezone)
    sample = await _check_database(settings, check, health=args.health)
    check("data dir", _writable(settings.data_dir), str(settings.data_dir))
    if args.health:
        from bot.heartbeat import health_problem, heartbeat_path

        problem = health_problem(heartbeat_path(settings.data_dir), settings.heartbeat_seconds)
        check("bot", problem is None, problem or "alive")
        return check.report(quiet=True)

    _check_feeds_file(settings, check)
    _check_chat_tokens(settings, check)
    _check_llm_key(settings, check)
    if settings.backend != "extractive":
        await _check_llm_context(settings, check)
    await _check_services_reachable(settings, check)
    if sample:
        await _check_feeds_reachable(settings, sample, check)
    return check.report(quiet=False)


async def _check_database(settings: Settings, check: Check, *, health: bool) -> list[str]:
    """Check (and unless ``health``, migrate) the database; a few of its feed URLs, to see
    later that the feeds' web is reachable."""
    from bot.app import check_database

    missing = _missing_sqlite_file(settings.database_url)
    if health and missing is not None:
        # A health check must not create an empty database and call it healthy.
        check("database", False, f"{missing} does not exist (the bot creates it on start)")
        return []
    try:
        found = await check_database(settings, migrate=not health, sources=not health)
    except NewsbotError as exc:
        check("database", False, f"{exc} ({exc.hint})")
        return []
    except Exception as exc:
        check("database", False, f"{type(exc).__name__}: {exc}")
        return []
    db_name = _safe_db(settings.database_url)
    if found.at != found.head:
        check(
            "database",
            False,
            f"{db_name}: schema at {found.at or 'nothing'}, this version needs "
            f"{found.head} (start the bot or run `newsbot doctor` to migrate)",
        )
        return []
    if health:
        check("database", True, db_name)
        return []
    check("database", True, f"{db_name}: schema {found.at}, {len(found.source_urls)} sources")
    return list(found.source_urls[:3])


def _check_feeds_file(settings: Settings, check: Check) -> None:
    from bot.config import load_feed_specs

    try:
        specs = load_feed_specs(settings.feeds_file)
        check("feeds.toml", True, f"{len(specs)} sources in {settings.feeds_file}")
    except ConfigError as exc:
        check("feeds.toml", False, str(exc), needed=False)


def _check_chat_tokens(settings: Settings, check: Check) -> None:
    discord = bool(settings.secret("discord_token"))
    slack_bot = bool(settings.secret("slack_bot_token"))
    slack_mode = bool(settings.secret("slack_app_token") or settings.secret("slack_signing_secret"))
    check("DISCORD_TOKEN", True, "set" if discord else "not set (Discord off)", needed=False)
    if slack_bot and not slack_mode:
        check(
            "SLACK_*",
            False,
            "SLACK_BOT_TOKEN set, but neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET",
        )
    else:
        check("SLACK_*", True, "set" if slack_bot else "not set (Slack off)", needed=False)
    if not discord and not slack_bot:
        check("mode", True, "console: digests go to the terminal and data/digests/", needed=False)


def _check_llm_key(settings: Settings, check: Check) -> None:
    backend = settings.backend
    if backend == "openai":
        from bot.summarize.factory import openai_needs_key

        key = bool(settings.secret("openai_api_key"))
        needed = openai_needs_key(settings.openai_base_url)
        check(
            "OPENAI_API_KEY",
            key or not needed,
            "set"
            if key
            else ("missing for api.openai.com" if needed else "not needed by this server"),
        )
    elif backend == "anthropic":
        check(
            "ANTHROPIC_API_KEY",
            bool(settings.secret("anthropic_api_key")),
            "set" if settings.secret("anthropic_api_key") else "missing for backend=anthropic",
        )
    else:
        check("summarizer", True, "extractive (offline, no key needed)", needed=False)


async def _check_services_reachable(settings: Settings, check: Check) -> None:
    """The chat platforms the tokens are for and the LLM endpoint answer at all."""
    targets: list[tuple[str, str]] = []
    if settings.secret("discord_token"):
        targets.append(("Discord API", settings.discord_api_url))
    if settings.secret("slack_bot_token"):
        targets.append(("Slack API", settings.slack_api_url))
    if settings.backend == "openai":
        targets.append(("LLM endpoint", settings.openai_base_url))
    elif settings.backend == "anthropic":
        targets.append(("LLM endpoint", settings.anthropic_base_url))
    if not targets:
        return
    import httpx

    async with httpx.AsyncClient(timeout=5.0) as client:
        for name, url in targets:
            try:
                resp = await client.get(url)
                check(name, True, f"reachable ({resp.status_code})")
            except httpx.HTTPError as exc:
                check(name, False, f"cannot reach {url}: {type(exc).__name__}")


async def _check_llm_context(settings: Settings, check: Check) -> None:
    """The context the bot plans for; with Ollama, what the model itself can take."""
    from bot.summarize.llm.ollama import is_ollama, model_context

    n = settings.llm_context_tokens
    ollama = settings.backend == "openai" and (
        settings.llm_api == "ollama"
        or (settings.llm_api == "auto" and is_ollama(settings.openai_base_url))
    )
    if not ollama:
        check("LLM context", True, f"llm_context_tokens = {n:,} (prompt + reply fit in it)")
        return
    import httpx

    async with httpx.AsyncClient(timeout=5.0) as client:
        most = await model_context(client, settings.openai_base_url, settings.openai_model)
    detail = f"llm_context_tokens = {n:,}, sent to Ollama as num_ctx"
    if most is not None:
        detail += f"; {settings.openai_model} takes up to {most:,}"
    check("LLM context", most is None or n <= most, detail, needed=False)


async def _check_feeds_reachable(settings: Settings, urls: list[str], check: Check) -> None:
    """A warning, not a failure: one feed being down is the poller's business, but none
    answering usually means no route out (a proxy, a firewall, DNS)."""
    import asyncio

    from bot.feeds.fetch import Fetcher, make_client

    quick = settings.model_copy(update={"total_timeout": min(settings.total_timeout, 10.0)})
    async with make_client(quick) as client:
        fetcher = Fetcher(client, quick)
        answers = await asyncio.gather(*(fetcher.fetch(u) for u in urls), return_exceptions=True)
    ok = sum(not isinstance(a, BaseException) for a in answers)
    errors = [str(a) for a in answers if isinstance(a, BaseException)]
    detail = f"{ok} of {len(urls)} sampled sources answered"
    check("feeds reachable", ok > 0, detail + (f"; {errors[0]}" if errors else ""), needed=False)


def _missing_sqlite_file(url: str) -> str | None:
    """The path of a SQLite database file that does not exist yet, else None."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:
        return None
    db = parsed.database
    if parsed.get_backend_name() != "sqlite" or not db or db == ":memory:":
        return None
    if db.startswith("file:"):
        return None
    return None if Path(db).expanduser().exists() else db


def _safe_db(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "database"


def _writable(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path):
            pass
        return True
    except OSError:
        return False
