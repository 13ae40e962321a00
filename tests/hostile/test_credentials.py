"""Credentials in feed URLs are used to fetch and never shown (issue 10 item 7).

``user:password@`` and ``?token=`` used to appear in /sources link targets, health lines on
both platforms (global feeds are listed in every server) and a log warning.
"""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest
from support.feed_server import FeedServer

from bot.adapters.slack import replies
from bot.cli import main
from bot.clock import FixedClock
from bot.config import Settings
from bot.feeds.fetch import Fetcher
from bot.feeds.update import Poller
from bot.feeds.urls import shown_text, shown_url
from bot.health import source_health
from bot.logging_setup import setup_logging
from bot.models import FeedSpec, PollStatus
from bot.store.store import Store

SECRETS = ("hunter2", "s3cr3t-token-value", "k3y-value")


def _leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://bob:hunter2@h.example/f.xml", "http://***@h.example/f.xml"),
        (
            "https://h.example/f?token=s3cr3t-token-value&page=2",
            "https://h.example/f?token=***&page=2",
        ),
        ("https://h.example/f?api_key=k3y-value#x", "https://h.example/f?api_key=***#x"),
        (
            "https://h.example/f?sig=1&X-Amz-Credential=2",
            "https://h.example/f?sig=***&X-Amz-Credential=***",
        ),
        ("https://h.example/rss.xml", "https://h.example/rss.xml"),
    ],
)
def test_url_as_shown_hides_credentials_and_nothing_else(url: str, shown: str) -> None:
    assert shown_url(url) == shown
    assert shown_text(f"refused {url!r}: private") == f"refused {shown!r}: private"


async def test_credentials_are_sent_but_never_shown_in_results_health_logs_or_chat(
    store: Store,
    clock: FixedClock,
    server: FeedServer,
    fetcher: Fetcher,
    settings: Settings,
) -> None:
    base = server.url("/").replace("http://", "http://bob:hunter2@")
    good = f"{base}techcrunch.xml?token=s3cr3t-token-value"
    bad = f"{base}fault/500?api_key=k3y-value"
    await store.add_feed(FeedSpec(name="good", url=good), clock.now())
    await store.add_feed(FeedSpec(name="bad", url=bad), clock.now())
    logs = io.StringIO()
    setup_logging(settings, debug=True, stream=logs)  # the bot's own handler, every library
    try:
        results = {r.feed_name: r for r in await Poller(store, fetcher, settings, clock).poll()}
    finally:
        for h in [h for h in logging.getLogger().handlers if getattr(h, "_newsbot", False)]:
            logging.getLogger().removeHandler(h)
    # the credentials went to the server ...
    assert results["good"].status is PollStatus.NEW
    assert server.request_headers["/techcrunch.xml"]["Authorization"].startswith("Basic ")
    # ... and are nowhere a person looks
    assert results["bad"].status is PollStatus.ERROR
    for r in results.values():
        assert not _leaks(f"{r.url} {r.error}")
    assert "fault/500" in logs.getvalue() and not _leaks(logs.getvalue())
    feeds = await store.list_feeds(all_scopes=True)
    assert all(f.url in (good, bad) for f in feeds)  # kept for fetching
    for f in feeds:
        assert not _leaks(source_health(f, clock.now()))
    page = json.dumps(replies.sources_page(feeds, 1, clock.now()))
    assert "h.example" not in page and not _leaks(page)
    assert "***@127.0.0.1" in page


def test_cli_sources_list_hides_credentials(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "config"
    cfg.mkdir()
    (cfg / "feeds.toml").write_text(
        '[[feed]]\nname = "private"\n'
        'url = "https://bob:hunter2@feeds.example/f.xml?token=s3cr3t-token-value"\n'
    )
    db = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    for extra in ([], ["--json"]):
        assert main(["sources", "list", *extra, "--config", str(cfg), "--database", db]) == 0
        out = capsys.readouterr()
        assert "feeds.example" in out.out
        assert not _leaks(out.out + out.err)
