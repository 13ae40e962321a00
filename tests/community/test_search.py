"""Full-text search of stored articles: ranking, paging, scope, edits, and the CLI."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete

from bot.cli import main
from bot.community.rules import RuleSpec
from bot.community.search import SearchServices, search_terms
from bot.errors import NewsbotError
from bot.models import ArticleIn, FeedSpec
from bot.store.schema import entries
from bot.store.search_index import index_queued, queued
from bot.store.store import PollOutcome, Store

from .conftest import NOW, day_articles, seed


class Searcher(SearchServices):
    def __init__(self, store: Store) -> None:
        from bot.clock import FixedClock

        self.store = store
        self.clock = FixedClock(NOW)


async def test_all_words_must_match_and_the_newer_of_equal_matches_comes_first(
    store: Store,
) -> None:
    await seed(store)
    feed = await store.add_feed(FeedSpec("Old News", "https://old.example/feed"), NOW)
    old = replace(
        day_articles(1)[0],
        guid="old",
        url="https://old.example/1",
        canonical_url="https://old.example/1",
        published_at=NOW - timedelta(days=20),
    )
    await store.upsert_entries(feed.id, [old], NOW)
    s = Searcher(store)
    page = await s.search("nvidia chip")
    assert [a.url for a in page.articles] == ["https://news.example/0", "https://old.example/1"]
    assert (page.total, page.pages, page.any_term) == (2, 1, False)
    # "chips" finds "chip" (stemming); no article has both words: any of them, said so
    page = await s.search("chips anthropic")
    assert page.any_term and page.total == 3


async def test_pages_scope_and_edits(store: Store) -> None:
    await seed(store)
    mine = await store.add_feed(
        FeedSpec("Server Wire", "https://wire.example/feed"), NOW, scope="discord:1"
    )
    wire = [
        replace(
            a,
            guid=f"w{i}",
            url=f"https://wire.example/{i}",
            canonical_url=f"https://wire.example/{i}",
        )
        for i, a in enumerate(day_articles())
    ]
    await store.upsert_entries(mine.id, wire, NOW)
    s = Searcher(store)
    assert (await s.search("company blog")).total == 5  # the global feed only
    here = await s.search("company blog", "discord:1", per_page=4)
    assert (here.total, here.pages, len(here.articles)) == (10, 3, 4)
    last = await s.search("company blog", "discord:1", page=3, per_page=4)
    assert len(last.articles) == 2
    with pytest.raises(NewsbotError, match="only 3 pages"):
        await s.search("company blog", "discord:1", page=4, per_page=4)
    # an edited title is found by its new words, not its old ones
    edited = replace(wire[0], title="Nvidia books record robot sales", content_hash="edited")
    await store.upsert_entries(mine.id, [edited], NOW + timedelta(hours=1))
    assert (await s.search("robot", "discord:1")).total == 1


def test_operators_typed_are_plain_words_and_empty_input_is_one_error() -> None:
    assert search_terms('NEAR("a" OR b*) -c') == ["near", "a", "or", "b", "c"]
    with pytest.raises(NewsbotError) as err:
        search_terms("  ?!  ")
    assert err.value.hint


def test_cli_search_prints_json_with_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 's.db'}"

    async def go() -> None:
        store = await Store.open(url)
        try:
            await seed(store)
        finally:
            await store.close()

    asyncio.run(go())
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config").mkdir()
    common = ["--config", str(tmp_path / "config"), "--database", url]
    assert main(["search", "EU", "inquiry", "--format", "json", *common]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 1
    (hit,) = data["results"]
    assert hit["url"] == "https://news.example/2" and hit["source"] == "Example News"
    assert main(["search", "EU", "inquiry", *common]) == 0
    assert "<https://news.example/2>" in capsys.readouterr().out


async def test_past_the_cap_only_the_newest_matches_are_ranked_and_it_says_so(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed(store)  # five articles, all with "company blog"; ids follow the order stored
    monkeypatch.setattr("bot.community.search.CAP", 3)
    page = await Searcher(store).search("company blog", per_page=10)
    assert (page.total, page.capped, page.found) == (3, True, "3+ found")
    # the three read are the three stored last (the two oldest ids are left out)
    assert {a.url for a in page.articles} == {f"https://news.example/{i}" for i in (2, 3, 4)}


async def test_a_channels_mutes_and_word_rules_apply_to_its_search(store: Store) -> None:
    await seed(store)
    wire = await store.add_feed(FeedSpec("Wire", "https://wire.example/feed"), NOW)
    copy = replace(
        day_articles(1)[0],
        guid="w0",
        url="https://wire.example/0",
        canonical_url="https://wire.example/0",
    )
    await store.upsert_entries(wire.id, [copy], NOW)
    s = Searcher(store)
    assert (await s.search("nvidia", "discord:1", channel="42")).total == 2
    await store.add_rule(RuleSpec("discord:1", "", "mute", "Wire", feed_id=wire.id), NOW)
    page = await s.search("nvidia", "discord:1", channel="42")
    assert [a.url for a in page.articles] == ["https://news.example/0"]
    assert page.found == "1 found (1 hidden by this channel's filters)"
    # a word rule of that one channel: hidden there, still found in another channel
    await store.add_rule(RuleSpec("discord:1", "42", "exclude", "chip sales"), NOW)
    assert (await s.search("nvidia", "discord:1", channel="42")).total == 0
    assert (await s.search("nvidia", "discord:1", channel="7")).total == 1


async def test_a_poll_batchs_new_and_edited_entries_are_found_by_their_words_now(
    store: Store,
) -> None:
    # The poller records many feeds' entries in one transaction (and queues them for the search
    # index, bot/store/search_index.py): each feed's entries are found, and an entry edited in
    # the same batch it first came in is found by its new words only.
    feeds = [
        await store.add_feed(FeedSpec(f"Wire {i}", f"https://wire{i}.example/feed"), NOW)
        for i in range(3)
    ]
    first = day_articles()
    title = "Anthropic opens a robot lab"
    edited = replace(first[1], title=title, text=f"{title}. Its blog says so.", content_hash="e")

    def outcome(feed_id: int, articles: list[ArticleIn]) -> PollOutcome:
        return PollOutcome(feed_id, NOW, ok=True, next_poll_at=NOW, status="ok", articles=articles)

    await store.record_polls(
        [
            outcome(feeds[0].id, first[:2]),
            outcome(feeds[1].id, first[2:]),
            outcome(feeds[0].id, [edited]),  # the same feed again: its entry's title changed
            outcome(feeds[2].id, []),
        ]
    )
    s = Searcher(store)
    assert [a.url for a in (await s.search("robot lab")).articles] == ["https://news.example/1"]
    assert (await s.search("funding round")).total == 0  # the old title's words are gone
    assert [a.url for a in (await s.search("regulators")).articles] == ["https://news.example/2"]
    assert (await s.search("company blog")).total == 4
    if store.engine.dialect.name == "sqlite":  # FTS5's own check: the index matches the rows
        async with store.engine.begin() as conn:
            await conn.exec_driver_sql(
                "INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)"
            )


async def test_entries_polled_before_the_index_caught_up_are_found_once_it_has(
    store: Store,
) -> None:
    # A poll only queues its new entries for SQLite's search index; the catch-up
    # (bot/store/search_index.py) indexes the queue in batches, a transaction each, after
    # polls and before every search. Interrupted after one batch, the rest waits for the next
    # run, and nothing is indexed twice. An entry edited while queued is indexed with its new
    # words, one deleted while queued never is; the index stays consistent (FTS5's check).
    feed = await store.add_feed(FeedSpec("Wire", "https://wire.example/feed"), NOW)
    sqlite = store.engine.dialect.name == "sqlite"
    articles = day_articles()

    def outcome(items: list[ArticleIn]) -> PollOutcome:
        return PollOutcome(feed.id, NOW, ok=True, next_poll_at=NOW, status="ok", articles=items)

    await store.record_polls([outcome(articles)])
    assert await queued(store.engine) == (5 if sqlite else 0)
    assert await index_queued(store.engine, batch=2, batches=1) == (2 if sqlite else 0)
    assert await queued(store.engine) == (3 if sqlite else 0)  # the rest waits its turn
    # while two are still queued: one edited, one deleted (as retention would)
    title = "Anthropic opens a robot lab"
    edited = replace(articles[3], title=title, text=f"{title}. Its blog says so.", content_hash="e")
    await store.record_polls([outcome([edited])])
    async with store.engine.begin() as conn:
        await conn.execute(delete(entries).where(entries.c.guid == articles[4].guid))
    assert await store.index_for_search() == (2 if sqlite else 0)  # 3 left, 1 deleted
    assert await store.index_for_search() == 0
    s = Searcher(store)
    assert (await s.search("company blog")).total == 3  # 0-2, indexed in both runs
    assert [a.url for a in (await s.search("robot lab")).articles] == ["https://news.example/3"]
    assert (await s.search("vision")).total == 0  # 3's old words
    assert (await s.search("speech")).total == 0  # 4 is gone
    # a search catches up by itself: an entry polled just now is found at once
    await store.record_polls([outcome([replace(articles[4], guid="again")])])
    assert [a.url for a in (await s.search("speech startup")).articles] == [articles[4].url]
    if sqlite:
        async with store.engine.begin() as conn:
            await conn.exec_driver_sql(
                "INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)"
            )
