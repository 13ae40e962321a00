"""All reads and writes of the bot's state: the ``Store`` facade over one mixin per domain.

The SQL lives in this package only (dialect-neutral SQLAlchemy Core; SQLite by default,
PostgreSQL too): ``feeds.py``, ``entries.py`` (written by ``upserts.py``, with the pure
rule in ``matching.py``), ``polls.py``, ``summaries.py``, ``posts.py`` (destinations, post
ledger, notices), ``embeddings.py`` (cached embedding vectors), ``fulltext.py`` (the
article-page queue), ``rules.py`` (a community's filters), ``search.py`` (full-text search;
its SQLite index is fed by ``search_index.py``), ``schedules.py`` (a destination's post
times), ``pollers.py`` (the processes polling the database).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from bot.store import db
from bot.store.embeddings import EmbeddingsMixin
from bot.store.entries import EntriesMixin
from bot.store.feeds import FeedsMixin
from bot.store.fulltext import FullTextMixin
from bot.store.pollers import PollersMixin
from bot.store.polls import PollsMixin
from bot.store.posts import DestinationsMixin, NoticesMixin, PostsMixin
from bot.store.rules import RulesMixin
from bot.store.schedules import SchedulesMixin
from bot.store.search import SearchMixin
from bot.store.summaries import SummariesMixin
from bot.store.upkeep import UpkeepMixin, refresh_statistics

if TYPE_CHECKING:
    from bot.store.outcomes import PollOutcome

log = logging.getLogger("newsbot.store")

__all__ = ["PollOutcome", "Store"]


def __getattr__(name: str) -> Any:
    # the pollers' type, loaded with them (see polls.py): a command that only reads the
    # store never imports the recording modules
    if name == "PollOutcome":
        from bot.store.outcomes import PollOutcome

        return PollOutcome
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Store(
    FeedsMixin,
    EntriesMixin,
    PollsMixin,
    PollersMixin,
    SummariesMixin,
    DestinationsMixin,
    PostsMixin,
    NoticesMixin,
    EmbeddingsMixin,
    FullTextMixin,
    UpkeepMixin,
    RulesMixin,
    SearchMixin,
    SchedulesMixin,
):
    """Async access to the database. Open with ``await Store.open(url)``; migrations run then."""

    @classmethod
    async def open(cls, url: str, *, migrate: bool = True) -> Store:
        engine = db.create_engine(url)
        if migrate:
            await db.migrate(engine)
        store = cls(engine)
        await store.analyze_if_never()
        return store

    async def close(self) -> None:
        if self.engine.dialect.name == "sqlite":
            # SQLite's advice: optimize before closing (a no-op unless statistics went stale)
            try:
                async with self.engine.begin() as conn:
                    await refresh_statistics(conn)
            except SQLAlchemyError as exc:
                log.debug("PRAGMA optimize skipped: %s", exc)
        await self.engine.dispose()

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(select(1))

    async def schema_revisions(self) -> tuple[str | None, str]:
        """(the database's schema revision or None, the revision this code needs)."""
        return await db.schema_revisions(self.engine)
