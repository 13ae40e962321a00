"""``newsbot`` / ``python -m bot``: run | poll | digest | stories | sources | doctor.

Every command takes ``--config DIR``, ``--database URL`` and ``--debug``. Errors print one
line and the fix, exit code 2; tracebacks only with ``--debug``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import asdict, is_dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli_errors import cli_syntax, explain
from bot.clock import Clock, FixedClock, OffsetClock, SystemClock, parse_iso
from bot.errors import ConfigError, NewsbotError, SourceError
from bot.feeds.urls import shown_text, shown_url

# Heavy modules (pydantic settings, asyncio, the app) load inside the commands that use
# them, so `newsbot --help` and argument errors answer at once.
if TYPE_CHECKING:
    from bot.config import Settings
    from bot.models import Feed
    from bot.services import Services

log = logging.getLogger("newsbot.cli")

EXIT_ERROR = 2

# ---------------------------------------------------------------- output helpers


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(_jsonable(value), indent=2, ensure_ascii=False) + "\n")


def _clock(now: str | None, *, running: bool = False) -> Clock:
    if not now:
        return SystemClock()
    try:
        at = parse_iso(now)
    except ValueError as exc:
        raise NewsbotError(
            f"--now {now!r} is not an ISO 8601 time",
            hint="write it like 2026-08-22T18:00:00Z",
        ) from exc
    return OffsetClock(at) if running else FixedClock(at)


# ---------------------------------------------------------------- settings


def _settings(args: argparse.Namespace, **extra: Any) -> Settings:
    flags: dict[str, Any] = {"database_url": getattr(args, "database", None)}
    if getattr(args, "debug", False):
        flags["log_level"] = "DEBUG"
    flags.update(extra)
    from bot.config import load_settings

    settings = load_settings(getattr(args, "config", None), **flags)
    from bot.logging_setup import setup_logging

    setup_logging(settings, debug=getattr(args, "debug", False))
    return settings


# ---------------------------------------------------------------- commands


async def cmd_poll(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from bot.app import build_app
    from bot.cli_output import all_failed_hint, failures_in_table_only, logs_through

    settings = _settings(args)
    app = await build_app(settings, _clock(args.now))
    try:
        feeds = [f for f in await app.services.list_sources(all_scopes=True) if f.enabled]
        out, err = _console(), _console(stderr=True)
        show_bar = err.is_terminal and not args.json and feeds
        with failures_in_table_only(bool(getattr(args, "debug", False)) or args.json):
            if show_bar:
                with (
                    Progress(
                        TextColumn("polling"),
                        BarColumn(),
                        MofNCompleteColumn(),
                        TextColumn("{task.description}"),
                        console=err,
                        transient=True,
                    ) as bar,
                    logs_through(err),
                ):
                    task = bar.add_task("", total=len(feeds))

                    def progress(*a: Any, **_k: Any) -> None:
                        name = getattr(a[0], "feed_name", "") if a else ""
                        bar.update(task, advance=1, description=str(name))

                    results = await app.poller.poll(progress=progress)
            else:
                results = await app.poller.poll()
    finally:
        await app.close()
    hint = all_failed_hint(results)
    if args.json:
        _print_json(results)
    else:
        _poll_table(out, results)
        if hint:
            err.print(f"[red]{hint}[/]")
    return 1 if hint else 0


def _poll_table(out: Any, results: Sequence[Any]) -> None:
    from bot.cli_output import poll_table

    poll_table(out, results)


async def cmd_sources(args: argparse.Namespace) -> int:
    from bot.app import build_app

    action = args.action or "list"
    settings = _settings(args)
    # list, remove, import and export never write a digest: no LLM settings needed for them
    app = await build_app(settings, _clock(getattr(args, "now", None)), writer=action == "add")
    try:
        if action == "add":
            return await _sources_add(args, app.services)
        return await _sources_manage(args, action, app.services)
    finally:
        await app.close()


async def _sources_add(args: argparse.Namespace, services: Services) -> int:
    feed, preview = await services.add_source(
        args.url, name=args.name, user="cli", tags=args.tags or (), weight=args.weight
    )
    out = _console()
    out.print(f"Added [bold]{feed.name}[/] ({shown_url(feed.url)})")
    if preview:
        out.print("Newest items:")
        for a in preview:
            out.print(f"  {a.published_at:%Y-%m-%d %H:%M}  {a.title}")
    else:
        out.print("The feed is valid but has no items right now.")
    return 0


async def _sources_manage(args: argparse.Namespace, action: str, services: Services) -> int:
    out = _console()
    if action == "list":
        return _sources_table(args, await services.list_sources(all_scopes=True), services.clock)
    if action == "remove":
        feed = await services.remove_source(args.name)
        out.print(f"Removed {feed.name} (no longer polled; its stored entries are kept)")
        return 0
    if action == "import":
        path = Path(args.file)
        data = _read_file(path)
        from bot.feeds.opml import parse_opml

        specs = parse_opml(data)
        if not specs:
            raise SourceError(
                f"{path} lists no feeds", hint="is it an OPML file with xmlUrl outlines?"
            )
        added, skipped = await services.import_sources(specs)
        out.print(f"Imported {len(added)} sources from {path}; {len(skipped)} skipped.")
        for line in skipped:
            out.print(f"  skipped {line}")
        if added:
            out.print("Run `newsbot poll` to fetch them.")
        return 0
    # export
    from bot.feeds.opml import to_opml

    feeds = [f for f in await services.list_sources(all_scopes=True) if f.enabled]
    text = to_opml(feeds)
    if args.file:
        _write_file(Path(args.file), text)
        _console(stderr=True).print(f"Wrote {len(feeds)} sources to {args.file}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _sources_table(args: argparse.Namespace, feeds: list[Feed], clock: Clock) -> int:
    from bot.health import source_health

    now = clock.now()
    if args.json:
        _print_json(
            [
                {
                    **_jsonable(f),
                    "url": shown_url(f.url),
                    "last_error": shown_text(f.last_error) if f.last_error else None,
                    "healthy": f.healthy,
                    "health": source_health(f, now),
                }
                for f in feeds
            ]
        )
        return 0
    from rich.table import Table

    table = Table(title=f"Sources ({len(feeds)})")
    for col in ("name", "health", "entries", "tags", "url"):
        table.add_column(col, justify="right" if col == "entries" else "left")
    for f in feeds:
        health = source_health(f, now)
        style = "red" if f.consecutive_failures else ("dim" if not f.enabled else "green")
        name = f.name + (f" [dim]({f.scope})[/]" if f.scope else "")
        table.add_row(
            name, f"[{style}]{health}[/]", str(f.entries_count), ", ".join(f.tags), shown_url(f.url)
        )
    _console().print(table)
    return 0


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(
            f"cannot read {path}: {exc.strerror}", hint="give the path of an .opml file"
        ) from exc


def _write_file(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewsbotError(
            f"cannot write {path}: {exc.strerror}", hint="pick a writable path"
        ) from exc


async def cmd_digest(args: argparse.Namespace) -> int:
    from bot.app import build_app

    settings = _settings(args, backend=args.backend)
    clock = _clock(args.now)
    app = await build_app(settings, clock)
    try:
        if args.poll:
            await app.poller.poll(due_only=False)
        from bot.community.ranges import cli_when

        when = cli_when(args.when, args.since, args.days)
        digest = await app.services.digest_for(when, tz=args.tz, topic=args.topic)
    finally:
        await app.close()
    if args.format == "json":
        from bot.render.jsonout import digest_to_dict

        sys.stdout.write(json.dumps(digest_to_dict(digest), indent=2, ensure_ascii=False) + "\n")
        return 0
    from bot.render.markdown import render_markdown

    text = render_markdown(digest)
    out = _console()
    if out.is_terminal:
        from rich.markdown import Markdown

        out.print(Markdown(text))
    else:
        sys.stdout.write(text.rstrip() + "\n")
    return 0


async def cmd_run(args: argparse.Namespace) -> int:
    from bot.app import run

    settings = _settings(args, slack_http_port=args.slack_http_port, run_once=args.once)
    return await run(
        settings,
        _clock(args.now, running=True),
        once=settings.run_once,
        slack_http_port=args.slack_http_port,
        post_time=args.post_time,
    )


async def cmd_init(args: argparse.Namespace) -> int:
    _write_defaults(Path(args.dir))
    return 0


def _write_defaults(target: Path) -> None:
    """Write an editable config/ from the defaults shipped in the package; never overwrite."""
    from bot.config_check import packaged_defaults

    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewsbotError(
            f"cannot create {target}: {exc.strerror}", hint="pick a writable folder"
        ) from exc
    out = _console()
    for name in ("bot.toml", "feeds.toml", "persona.md"):
        dest = target / name
        if dest.exists():
            out.print(f"kept    {dest} (already there)")
            continue
        _write_file(dest, (packaged_defaults() / name).read_text(encoding="utf-8"))
        out.print(f"wrote   {dest}")
    hint = "" if target == Path("config") else f" --config {target}"
    out.print(f"Edit them, then try `newsbot{hint} sources list` and `newsbot{hint} poll`.")


async def cmd_doctor(args: argparse.Namespace) -> int:
    checks: list[tuple[str, bool, str, bool]] = []  # (what, ok, detail, needed)

    def check(what: str, ok: bool, detail: str, needed: bool = True) -> None:
        checks.append((what, ok, detail, needed))

    try:
        settings = _settings(args)
    except NewsbotError as exc:
        check("configuration", False, f"{exc} ({exc.hint})")
        return _doctor_report(checks, quiet=args.health)
    check("configuration", True, f"config dir {settings.config_dir}")
    check("time zone", True, settings.timezone)

    from bot.app import check_database

    sample: list[str] = []  # a few feed URLs, to see that the feeds' web is reachable
    missing = _missing_sqlite_file(settings.database_url)
    if args.health and missing is not None:
        # A health check must not create an empty database and call it healthy.
        check("database", False, f"{missing} does not exist (the bot creates it on start)")
    else:
        try:
            found = await check_database(settings, migrate=not args.health, sources=not args.health)
            db_name = _safe_db(settings.database_url)
            if found.at != found.head:
                check(
                    "database",
                    False,
                    f"{db_name}: schema at {found.at or 'nothing'}, this version needs "
                    f"{found.head} (start the bot or run `newsbot doctor` to migrate)",
                )
            elif not args.health:
                sample = list(found.source_urls[:3])
                check(
                    "database",
                    True,
                    f"{db_name}: schema {found.at}, {len(found.source_urls)} sources",
                )
            else:
                check("database", True, db_name)
        except NewsbotError as exc:
            check("database", False, f"{exc} ({exc.hint})")
        except Exception as exc:
            check("database", False, f"{type(exc).__name__}: {exc}")

    check("data dir", _writable(settings.data_dir), str(settings.data_dir))
    if args.health:
        from bot.heartbeat import health_problem, heartbeat_path

        problem = health_problem(heartbeat_path(settings.data_dir), settings.heartbeat_seconds)
        check("bot", problem is None, problem or "alive")
        return _doctor_report(checks, quiet=True)

    from bot.config import load_feed_specs

    try:
        specs = load_feed_specs(settings.feeds_file)
        check("feeds.toml", True, f"{len(specs)} sources in {settings.feeds_file}")
    except ConfigError as exc:
        check("feeds.toml", False, str(exc), needed=False)

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
    if backend != "extractive":
        await _check_llm_context(settings, check)

    targets: list[tuple[str, str]] = []
    if discord:
        targets.append(("Discord API", settings.discord_api_url))
    if slack_bot:
        targets.append(("Slack API", settings.slack_api_url))
    if backend == "openai":
        targets.append(("LLM endpoint", settings.openai_base_url))
    elif backend == "anthropic":
        targets.append(("LLM endpoint", settings.anthropic_base_url))
    if targets:
        import httpx

        async with httpx.AsyncClient(timeout=5.0) as client:
            for name, url in targets:
                try:
                    resp = await client.get(url)
                    check(name, True, f"reachable ({resp.status_code})")
                except httpx.HTTPError as exc:
                    check(name, False, f"cannot reach {url}: {type(exc).__name__}")
    if sample:
        await _check_feeds_reachable(settings, sample, check)
    return _doctor_report(checks, quiet=False)


async def _check_llm_context(settings: Settings, check: Callable[..., None]) -> None:
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


async def _check_feeds_reachable(
    settings: Settings, urls: list[str], check: Callable[..., None]
) -> None:
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


def _doctor_report(checks: list[tuple[str, bool, str, bool]], *, quiet: bool) -> int:
    failed = [c for c in checks if not c[1] and c[3]]
    if quiet:
        if failed:
            sys.stderr.write("unhealthy: " + "; ".join(f"{c[0]}: {c[2]}" for c in failed) + "\n")
            return 1
        sys.stdout.write("ok\n")
        return 0
    out = _console()
    for what, ok, detail, needed in checks:
        mark = "[green]  ok[/]" if ok else ("[red]FAIL[/]" if needed else "[yellow]warn[/]")
        out.print(f"{mark}  {what}: {detail}", markup=True)
    out.print("all good" if not failed else f"{len(failed)} problem(s) need fixing")
    return 1 if failed else 0


# ---------------------------------------------------------------- parser


EXAMPLES = """examples:
  newsbot init                          write an editable config/ (sources, settings, voice)
  newsbot sources list                  the sources and their health
  newsbot sources add https://example.com/feed.xml --tags news
  newsbot poll                          fetch every source once
  newsbot digest today                  today's digest from what is stored
  newsbot digest 2026-08-21 --tz Europe/Berlin --format json
  newsbot doctor                        check settings, database, tokens, network
  newsbot run                           the bot (console mode without chat tokens)
"""


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="config directory (default: config)",
    )
    common.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL (default: sqlite+aiosqlite:///data/newsbot.db)",
    )
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="debug logs and tracebacks"
    )

    parser = argparse.ArgumentParser(
        prog="newsbot",
        parents=[common],
        description="AI-news digests for Discord and Slack, offline or with any LLM.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsbot {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("poll", parents=[common], help="poll every enabled source once")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--now", metavar="ISO8601", help="pin the clock")
    p.set_defaults(func=cmd_poll)

    p = sub.add_parser(
        "sources", parents=[common], help="list, add, remove, import, export sources"
    )
    p.set_defaults(func=cmd_sources, action=None)
    ssub = p.add_subparsers(dest="action", metavar="ACTION")
    q = ssub.add_parser("list", parents=[common], help="list sources with their health")
    q.add_argument("--json", action="store_true", help="print as JSON")
    q = ssub.add_parser("add", parents=[common], help="validate a feed, preview it, and add it")
    q.add_argument("url")
    q.add_argument("--name", help="name to show (default: the feed's title)")
    q.add_argument(
        "--tags",
        type=lambda s: [t.strip() for t in s.split(",") if t.strip()],
        help="comma-separated tags",
    )
    q.add_argument("--weight", type=float, default=1.0, help="ranking weight (default 1.0)")
    q = ssub.add_parser(
        "remove", parents=[common], help="remove a source (config ones are disabled)"
    )
    q.add_argument("name")
    q = ssub.add_parser("import", parents=[common], help="add the feeds of an OPML file")
    q.add_argument("file")
    q = ssub.add_parser("export", parents=[common], help="write the sources as OPML 2.0")
    q.add_argument("file", nargs="?")
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)

    p = sub.add_parser("digest", parents=[common], help="build and print a digest")
    p.add_argument("when", nargs="?", default="today", help="today | yesterday | week | YYYY-MM-DD")
    p.add_argument("--now", metavar="ISO8601", help="pin the clock (replays, the demo, tests)")
    p.add_argument("--tz", metavar="ZONE", help="time zone of the day (default: settings)")
    p.add_argument("--backend", choices=["extractive", "openai", "anthropic"], help="summarizer")
    p.add_argument("--topic", help="only stories about this topic")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="from that local day until now")
    p.add_argument("--days", type=int, metavar="N", help="the last N days (1 to 31)")
    p.add_argument("--format", choices=["md", "json"], default="md")
    p.add_argument("--poll", action="store_true", help="poll the sources first")
    p.set_defaults(func=cmd_digest)

    from bot.cli_stories import add_parser as add_stories

    add_stories(sub, common)

    from bot.cli_search import add_parser as add_search

    add_search(sub, common)

    p = sub.add_parser("run", parents=[common], help="run the bot: scheduler and chat adapters")
    p.add_argument("--now", metavar="ISO8601", help="start the bot's clock at this instant")
    p.add_argument("--slack-http-port", type=int, metavar="N", help="Slack HTTP mode on this port")
    p.add_argument(
        "--once",
        action="store_true",
        default=None,
        help="poll, make the next scheduled post, exit (NEWSBOT_RUN_ONCE=true does the same)",
    )
    p.add_argument("--post-time", metavar="HH:MM", help="console mode: time of the daily digest")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser(
        "init", parents=[common], help="write an editable config/ (sources, settings, voice)"
    )
    p.add_argument("dir", nargs="?", default="config", help="where (default: ./config)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "doctor", parents=[common], help="check configuration, database, tokens, network"
    )
    p.add_argument("--health", action="store_true", help="fast check for container health")
    p.set_defaults(func=cmd_doctor)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsbot")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def _redacted(text: str) -> str:
    from bot.logging_setup import redact

    return redact(text, _env_secrets())


def _env_secrets() -> list[str]:
    from bot.logging_setup import secret_names

    names = [n.upper() for n in secret_names()]
    values = []
    for n in names:
        for key in (n, f"NEWSBOT_{n}"):
            v = os.environ.get(key)
            if v and len(v) >= 4:
                values.append(v)
    return values


def _say(known: NewsbotError | None, exc: NewsbotError | None = None) -> int:
    """One line and the fix, in CLI words, secrets redacted; exit code 2."""
    err = known or exc
    assert err is not None
    line = _redacted(str(err)).splitlines()[0] if str(err) else type(err).__name__
    sys.stderr.write(f"newsbot: error: {line}\n")
    if err.hint:
        sys.stderr.write(f"  fix: {cli_syntax(_redacted(err.hint))}\n")
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = bool(getattr(args, "debug", False))
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_ERROR
    func: Callable[[argparse.Namespace], Coroutine[Any, Any, int]] = args.func
    import asyncio

    try:
        return asyncio.run(func(args))
    except KeyboardInterrupt:
        return 130
    except NewsbotError as exc:
        if debug:
            raise
        return _say(explain(exc) if isinstance(exc.__cause__, Exception) else None, exc)
    except Exception as exc:
        if debug:
            raise
        known = explain(exc)
        if known is not None:
            return _say(known)
        first = (str(exc).splitlines() or [""])[0]
        sys.stderr.write(
            f"newsbot: unexpected error: {type(exc).__name__}: {_redacted(first)}\n"
            "  fix: run again with --debug for the traceback, and report it if it persists\n"
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
