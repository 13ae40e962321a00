"""Start-up: a command loads only what it uses (timings are in bench/startup.py).

Each check runs in a fresh interpreter, as the `newsbot` command does."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.store import db

# modules that cost a good part of a second together and that these commands never use
HEAVY = (
    "alembic",
    "apscheduler",
    "trafilatura",
    "bot.summarize.llm.summarizer",
    "tiktoken",
    "discord",
    "slack_bolt",
    "feedparser",  # the feed parsers: polls only
    "fastfeedparser",
)


def _loaded_after(code: str, cwd: Path) -> list[str]:
    probe = (
        "import json, sys\n"
        f"{code}\n"
        "mods = [m for m in sys.modules]\n"
        "sys.stderr.write('\\nLOADED ' + json.dumps(mods) + '\\n')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    line = [ln for ln in out.stderr.splitlines() if ln.startswith("LOADED ")]
    assert line, out.stderr
    loaded: list[str] = json.loads(line[-1][len("LOADED ") :])
    return loaded


def test_help_loads_neither_settings_nor_database_nor_asyncio(tmp_path: Path) -> None:
    loaded = _loaded_after(
        "from bot.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass",
        tmp_path,
    )
    assert "bot.cli" in loaded
    for heavy in (
        "pydantic",
        "sqlalchemy",
        "asyncio",
        "numpy",
        "httpx",
        "courlan",  # URL rules: only once a URL is shown as an outlet
        "importlib.metadata",  # the version: only for --version
        "bot.models",
        *HEAVY,
    ):
        assert heavy not in loaded, heavy


def test_digest_on_an_up_to_date_database_skips_migrations_and_unused_parts(
    tmp_path: Path,
) -> None:
    (tmp_path / "config").mkdir()
    url = f"sqlite:///{tmp_path / 'n.db'}"
    run = (
        "from bot.cli import main\n"
        f"rc = main(['digest', 'today', '--config', 'config', '--database', {url!r}])\n"
        "assert rc == 0, rc"
    )
    first = _loaded_after(run, tmp_path)
    assert "alembic" in first  # a new database is migrated
    again = _loaded_after(run, tmp_path)
    # nor the poller (the feed parsers' pool) nor httpx's own command-line tool
    for heavy in (*HEAVY, "bot.feeds.update", "bot.feeds.parsepool", "click", "pygments"):
        assert heavy not in again, heavy
    # a quiet day groups nothing and writes no story (the offline voice, its sentence rules
    # and numpy load with the first story); printed into a pipe, the Markdown needs no rich
    for unused in (
        "bot.digest.cluster",
        "bot.digest.embed",
        "bot.summarize.offline.voice",
        "numpy",
        "py3langid",  # the writer's language check: its model loads with the first story
        "aiohttp",  # the feed client's connections: with its first request
        "httpx",  # the feed client itself: made on first use, and nothing here fetches
        "sqlalchemy.dialects.postgresql",  # the database is SQLite
        "sqlalchemy.orm",  # the store is Core only (bot.store keeps AsyncSession for later)
        "rich.console",
        "bot.feeds.opml",  # and the XML parser: OPML imports only
        "xml.etree.ElementTree",
        "bot.adapters.console",  # console mode's publisher: `run` only
        "pysbd",  # sentence rules: "A quiet day" is words only (see summarize.sentences)
        "bot.summarize.support",  # the story check: with the first story
        # recording a poll (store/polls.py) and the poll's own types: polls only
        "bot.store.upserts",
        "bot.store.matching",
        "bot.store.outcomes",
        "bot.store.sqlite_polls",
        "bot.poll_types",
        "bot.why",  # /why only
        "concurrent.futures.thread",  # no story to check: no thread pool
    ):
        assert unused not in again, unused


def test_checking_the_feeds_file_loads_no_http_client(tmp_path: Path) -> None:
    """Every command checks config/feeds.toml's URLs; a digest fetches nothing, so the
    check must not load httpx to do it (it still syncs the feeds into the database)."""
    from bot.config_check import packaged_defaults

    (tmp_path / "config").mkdir()
    feeds = (packaged_defaults() / "feeds.toml").read_text(encoding="utf-8")
    (tmp_path / "config" / "feeds.toml").write_text(feeds, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'n.db'}"
    run = (
        "from bot.cli import main\n"
        f"rc = main(['digest', 'today', '--config', 'config', '--database', {url!r}])\n"
        "assert rc == 0, rc\n"
        "from bot.cli import main\n"
        f"rc = main(['sources', 'list', '--config', 'config', '--database', {url!r}])\n"
        "assert rc == 0, rc"
    )
    loaded = _loaded_after(run, tmp_path)
    assert "bot.config_feeds" in loaded and "httpx" not in loaded


# Both sides of url_problem's shortcut (a plain host name needs no httpx to be accepted)
URLS = [
    "https://example.com/feed.xml",
    "http://Example.COM:8080/a/b?c=d#e",
    "http://a..b/",
    "http://0xa9fea9fe/",  # letters: a host name to httpx, not an address
    "http://2852039166/",  # digits only: httpx's IP rules decide
    "http://0251.0376.0251.0376/",  # an octal IPv4 form httpx rejects
    "http://999.1.1.1/",
    "http://[::1]:8080/",
    "http://[zz]/",
    "http://bücher.de/",
    "http://xn--bcher-kva.de/",
    "http://a_b.com/",
    "http://user:pw@example.com/",
    "http://example.com/a b",
    "http://example.com/\x7f",
    "http://example.com/\u200b",
    "http://example.com:65536/",
    "http://example.com/" + "x" * 70_000,
]


@pytest.mark.parametrize("url", URLS)
def test_url_problem_agrees_with_httpx(url: str) -> None:
    import httpx

    from bot.feeds.urls import url_problem

    try:
        urlsplit(url).port  # noqa: B018 - it raises on a bad port, as url_problem says
        httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        assert url_problem(url) == str(exc)
    else:
        assert url_problem(url) is None


async def test_the_offline_writers_quiet_day_is_the_voices_own() -> None:
    from datetime import UTC, datetime

    from bot.models import DigestWindow
    from bot.summarize.offline.summarizer import ExtractiveSummarizer
    from bot.summarize.offline.voice import write_offline

    window = DigestWindow(
        datetime(2026, 8, 1, tzinfo=UTC), datetime(2026, 8, 2, tzinfo=UTC), "UTC", "today"
    )
    assert await ExtractiveSummarizer().write([], window) == write_offline([], window)


def test_the_asyncio_extension_still_gives_its_session_classes_when_asked(
    tmp_path: Path,
) -> None:
    code = (
        "import bot.store, sys\n"
        "assert 'sqlalchemy.orm' not in sys.modules\n"
        "import sqlalchemy.ext, sqlalchemy.ext.asyncio as ext\n"
        "from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker\n"
        "from sqlalchemy.ext.asyncio.session import AsyncSession as Direct\n"
        "assert AsyncSession is Direct and sqlalchemy.ext.asyncio is ext\n"
        "assert AsyncConnection.__module__ == 'sqlalchemy.ext.asyncio.engine'\n"
        "try:\n"
        "    ext.no_such_name\n"
        "except AttributeError as exc:\n"
        "    assert 'no_such_name' in str(exc)\n"
        "else:\n"
        "    raise AssertionError('no AttributeError')"
    )
    loaded = _loaded_after(code, tmp_path)
    assert "sqlalchemy.orm" in loaded  # with the session, when it is asked for


@pytest.mark.parametrize(
    "text",
    ["A quiet day", "Nothing left after this channel's filters", "OpenAI ships a new model",
     "i ii iii", "a b c d", "No", "Mr Smith goes to Washington", "US UK EU", "e g etc vs"],
)  # fmt: skip
def test_a_piece_of_words_only_is_split_as_pysbd_would(text: str) -> None:
    import pysbd

    from bot.summarize.sentences import split_sentences

    segmenter = pysbd.Segmenter(language="en", clean=False)
    assert split_sentences(text) == [s.strip() for s in segmenter.segment(text) if s.strip()]


def test_managing_sources_loads_neither_grouping_nor_writer(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    url = f"sqlite:///{tmp_path / 'n.db'}"
    run = (
        "from bot.cli import main\n"
        f"rc = main(['sources', 'list', '--config', 'config', '--database', {url!r}])\n"
        "assert rc == 0, rc"
    )
    _loaded_after(run, tmp_path)  # migrates the new database
    loaded = _loaded_after(run, tmp_path)
    assert "bot.app" in loaded
    for unused in ("numpy", "bot.digest.cluster", "bot.summarize.offline.voice", *HEAVY):
        assert unused not in loaded, unused


def test_version_still_answers(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bot", "--version"], cwd=tmp_path, capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout.startswith("newsbot "), out


def test_the_head_revision_read_from_the_files_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db._alembic_config())
    assert db.head_revision() == script.get_current_head()


_COLLECTOR_PROBE = """
import gc, json, sys
import bot.app
import bot.config
from bot import cli

seen = {}
real_build_app, real_load_settings = bot.app.build_app, bot.config.load_settings


def load_settings(*a, **k):
    seen["loading"] = gc.isenabled()
    return real_load_settings(*a, **k)


async def build_app(*a, **k):
    seen["on"], seen["frozen"] = gc.isenabled(), gc.get_freeze_count()
    return await real_build_app(*a, **k)


bot.app.build_app, bot.config.load_settings = build_app, load_settings
sys.argv = ["newsbot", *sys.argv[1:]]
try:
    rc = cli.entry()
except SystemExit as exc:
    rc = exc.code
seen["after"], seen["rc"] = gc.isenabled(), rc
sys.stderr.write("\\nSEEN " + json.dumps(seen) + "\\n")
"""


def _collector(args: list[str], cwd: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", _COLLECTOR_PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = [ln for ln in out.stderr.splitlines() if ln.startswith("SEEN ")]
    assert line, out.stderr
    seen: dict[str, object] = json.loads(line[-1][len("SEEN ") :])
    return seen


def test_the_command_runs_with_the_collector_on_and_its_start_up_frozen(tmp_path: Path) -> None:
    """The `newsbot` entry turns the collector off while the modules load; by the time the
    command works it is back on (its own objects are collected) and the start-up's objects
    are frozen out of its passes."""
    (tmp_path / "config").mkdir()
    url = f"sqlite:///{tmp_path / 'n.db'}"
    seen = _collector(["digest", "today", "--config", "config", "--database", url], tmp_path)
    assert seen["rc"] == 0 and seen["loading"] is False, seen
    assert seen["on"] is True and seen["after"] is True, seen
    frozen = seen["frozen"]
    assert isinstance(frozen, int) and frozen > 10_000, seen  # the libraries' objects


def test_commands_that_load_no_settings_leave_the_collector_on(tmp_path: Path) -> None:
    for args in (["--help"], ["digest", "--format", "yaml"], ["init", str(tmp_path / "c")]):
        seen = _collector(args, tmp_path)
        assert seen["after"] is True and "on" not in seen, (args, seen)
    assert (tmp_path / "c" / "bot.toml").is_file()


def test_main_called_in_process_leaves_the_collector_alone(tmp_path: Path) -> None:
    """``main`` (tests, embedding) never turns the collector off nor freezes anything."""
    import gc

    from bot.cli import main

    (tmp_path / "config").mkdir()
    frozen = gc.get_freeze_count()
    url = f"sqlite+aiosqlite:///{tmp_path / 'n.db'}"
    assert main(["sources", "list", "--config", str(tmp_path / "config"), "--database", url]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen


async def test_a_database_without_entries_is_not_analyzed_at_every_start(tmp_path: Path) -> None:
    """ANALYZE records nothing for an empty entries table, so running it on opening and
    closing such a database only wrote to it at every command; it runs once there are
    entries (tests/test_store_window.py)."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from bot.store.store import Store

    url = f"sqlite+aiosqlite:///{tmp_path / 'e.db'}"
    await (await Store.open(url)).close()  # a new database, migrated
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        for _ in range(2):
            await (await Store.open(url)).close()
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert seen and not [s for s in seen if s.strip().upper().startswith("ANALYZE")], seen


def test_the_poll_types_and_answers_loaded_on_first_use_are_the_same_by_every_name() -> None:
    """bot.models, bot.store.store and bot.services give what moved out of their start-up
    (the poll's types, PollOutcome, /why's report) by the names callers have always used."""
    code = (
        "import sys\n"
        "import bot.models, bot.services, bot.store.store\n"
        "lazy = ('bot.poll_types', 'bot.store.outcomes', 'bot.why')\n"
        "assert not [m for m in lazy if m in sys.modules], sys.modules.keys()\n"
        "from bot.models import ArticleIn, ParsedFeed, PollStatus, UpsertCounts\n"
        "from bot.services import WhyReport\n"
        "from bot.store.store import PollOutcome\n"
        "import bot.poll_types, bot.store.outcomes, bot.why\n"
        "assert ArticleIn is bot.poll_types.ArticleIn and ParsedFeed is bot.poll_types.ParsedFeed\n"
        "assert PollStatus('new') is PollStatus.NEW and UpsertCounts() == UpsertCounts(0, 0, 0)\n"
        "assert PollOutcome is bot.store.outcomes.PollOutcome and WhyReport is bot.why.WhyReport\n"
        "for module in (bot.models, bot.services, bot.store.store):\n"
        "    try:\n"
        "        module.NoSuchName\n"
        "    except AttributeError as exc:\n"
        "        assert 'NoSuchName' in str(exc)\n"
        "    else:\n"
        "        raise AssertionError(module)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr


async def test_opening_a_database_looks_for_its_statistics_once(tmp_path: Path) -> None:
    """Whether sqlite_stat1 exists was read twice on every opening (once to see whether
    entries were analyzed, once to drop the search index's statistics); once is enough."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from bot.models import ArticleIn, FeedSpec
    from bot.store.store import Store

    url = f"sqlite+aiosqlite:///{tmp_path / 's.db'}"
    now = datetime(2026, 8, 22, 12, tzinfo=UTC)
    store = await Store.open(url)
    feed = await store.add_feed(FeedSpec("A", "https://a.example/feed"), now)
    new = [ArticleIn(f"g{i}", f"https://a.example/{i}", f"https://a.example/{i}", f"T {i}",
                     None, now, "text", f"h{i}") for i in range(3)]  # fmt: skip
    await store.upsert_entries(feed.id, new, now)
    async with store.engine.begin() as conn:  # entries never analyzed: opening analyzes them
        await conn.exec_driver_sql("DELETE FROM sqlite_stat1")
    await store.engine.dispose()
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        seen.append(statement)

    for analyzes in (True, False):  # and the next opening finds them analyzed
        seen.clear()
        event.listen(Engine, "before_cursor_execute", record)
        try:
            store = await Store.open(url)
            stats = [s for s in seen if "name = 'sqlite_stat1'" in s]
            analyzed = [s for s in seen if s.startswith("ANALYZE")]
            assert len(await store.articles_between(now, now + timedelta(seconds=1))) == 3
        finally:
            event.remove(Engine, "before_cursor_execute", record)
            await store.close()
        assert len(stats) == 1 and bool(analyzed) is analyzes, seen


def _parsed(parser: Any, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    with contextlib.suppress(SystemExit):
        parser.parse_args(argv)
    out = capsys.readouterr()
    return out.out, out.err


def test_a_command_parsed_with_its_own_parser_helps_and_fails_as_with_all(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`main` builds only the parser of the command named first; its help and its usage
    errors are what the whole parser gives, and `newsbot` alone still lists every command."""
    from bot.cli import COMMANDS, build_parser, main

    monkeypatch.setenv("COLUMNS", "100")
    for name in sorted(COMMANDS):
        for argv in ([name, "--help"], [name, "--no-such-option"], [name, "a", "b", "c"]):
            mine = _parsed(build_parser(name), argv, capsys)
            assert mine == _parsed(build_parser(), argv, capsys), argv
            assert mine[0] or mine[1] or argv[1] == "a", argv  # help, or an error
    assert main([]) != 0
    listed = capsys.readouterr().out
    assert all(f"\n    {name} " in listed for name in COMMANDS), listed
