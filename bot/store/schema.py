"""Table definitions (SQLAlchemy Core). Changes go through a new Alembic migration."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

from bot.clock import ensure_utc


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC in, aware UTC out, on every engine.

    SQLite keeps no offset, so values are stored as naive UTC there; one format keeps
    string comparison in SQLite equal to time order.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        value = ensure_utc(value)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        return ensure_utc(value)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _child_of(parent: str, column: str, **kw: Any) -> Column[int]:
    """An integer column referring to ``parent.id``; deleting the parent deletes the row."""
    return Column(column, Integer, ForeignKey(f"{parent}.id", ondelete="CASCADE"), **kw)


def _created_at() -> Column[datetime]:
    return Column("created_at", UTCDateTime, nullable=False)


def _lease() -> tuple[Column[str], Column[datetime]]:
    """A process's claim on a row (``rows.lease_claim``): until ``lease_until`` no other
    process takes it; a crashed process's claims simply run out."""
    return (
        Column("lease_owner", String(100), nullable=True),
        Column("lease_until", UTCDateTime, nullable=True),
    )


feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("url", Text, nullable=False),
    Column("tags", Text, nullable=False, default="[]"),
    Column("weight", Float, nullable=False, default=1.0),
    Column("full_text", Boolean, nullable=True),
    Column("enabled", Boolean, nullable=False, default=True),
    # "" is global (config/feeds.toml); "discord:<guild>" / "slack:<team>" otherwise.
    # Not NULL so the unique constraints below hold on every engine.
    Column("scope", String(100), nullable=False, default=""),
    Column("added_by", String(200), nullable=True),
    Column("etag", Text, nullable=True),
    Column("last_modified", Text, nullable=True),
    Column("last_success_at", UTCDateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("last_error_kind", String(50), nullable=True),
    Column("last_error_at", UTCDateTime, nullable=True),
    Column("failing_since", UTCDateTime, nullable=True),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("next_poll_at", UTCDateTime, nullable=True),
    _created_at(),
    # kept by each insert of entries, so listing sources is not a count over the archive
    Column("entry_count", Integer, nullable=False, default=0, server_default="0"),
    # a poller process's claim on a due feed (several `newsbot run` on one database)
    *_lease(),
    UniqueConstraint("scope", "name", name="uq_feeds_scope_name"),
    UniqueConstraint("scope", "url", name="uq_feeds_scope_url"),
)

entries = Table(
    "entries",
    metadata,
    Column("id", Integer, primary_key=True),
    _child_of("feeds", "feed_id", nullable=False),
    Column("guid", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("canonical_url", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("author", Text, nullable=True),
    Column("published_at", UTCDateTime, nullable=False),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("revision", Integer, nullable=False, default=1),
    # when the article page's text replaced the feed's (bot/feeds/extract.py); None while the
    # text is the feed's own. content_hash stays the feed's, so edits are still detected.
    Column("full_text_at", UTCDateTime, nullable=True),
    UniqueConstraint("feed_id", "guid", name="uq_entries_feed_guid"),
    UniqueConstraint("feed_id", "canonical_url", name="uq_entries_feed_canonical_url"),
    Index("ix_entries_published_at", "published_at"),
    Index("ix_entries_canonical_url", "canonical_url"),
    Index("ix_entries_url", "url"),  # /why looks a link up by its URL as given, too
    # no index on content_hash: nothing looks rows up by it (migration 0025)
    # search reads its newest matches' feed and date from here, not from the text-heavy rows
    Index("ix_entries_id_feed_published", "id", "feed_id", "published_at"),
)

fetch_log = Table(
    "fetch_log",
    metadata,
    Column("id", Integer, primary_key=True),
    _child_of("feeds", "feed_id", nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("status", String(30), nullable=False),
    Column("http_status", Integer, nullable=True),
    Column("duration_ms", Float, nullable=False, default=0.0),
    Column("new", Integer, nullable=False, default=0),
    Column("updated", Integer, nullable=False, default=0),
    Column("error", Text, nullable=True),
    Index("ix_fetch_log_feed_at", "feed_id", "at"),
)

# Entries waiting for their article page's text (bot/feeds/extract.py): stored the moment
# their feed is parsed, filled in afterwards. A row is claimed with a lease like a feed (a
# crashed or interrupted worker's rows are simply taken again) and deleted when done.
full_text_queue = Table(
    "full_text_queue",
    metadata,
    _child_of("entries", "entry_id", primary_key=True),
    Column("url", Text, nullable=False),
    Column("host", String(255), nullable=False),  # a host that is down pauses all its rows
    Column("attempts", Integer, nullable=False, default=0),
    Column("not_before", UTCDateTime, nullable=False),
    *_lease(),
    _created_at(),
    Index("ix_full_text_queue_not_before", "not_before"),
    Index("ix_full_text_queue_host", "host"),
)

# SQLite: new entries waiting for the search index (migration 0023, bot/store/search_index.py);
# the poll's upsert fills it (migration 0024; 0023 had a trigger). Always empty on PostgreSQL,
# whose index follows the table.
search_queue = Table(
    "search_queue",
    metadata,
    Column("entry_id", Integer, primary_key=True, autoincrement=False),
)

summaries = Table(
    "summaries",
    metadata,
    Column("key", String(128), primary_key=True),
    Column("payload", Text, nullable=False),
    Column("tokens_in", Integer, nullable=False, default=0),
    Column("tokens_out", Integer, nullable=False, default=0),
    _created_at(),
)

destinations = Table(
    "destinations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", String(20), nullable=False),
    Column("channel_id", String(100), nullable=False),
    Column("scope", String(100), nullable=False, default=""),
    Column("post_time", String(5), nullable=False),
    Column("tz", String(64), nullable=False),
    Column("topic", Text, nullable=True),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("last_window_end", UTCDateTime, nullable=True),
    Column("created_by", String(200), nullable=True),
    _created_at(),
    UniqueConstraint("platform", "channel_id", name="uq_destinations_platform_channel"),
)

posts = Table(
    "posts",
    metadata,
    Column("id", Integer, primary_key=True),
    _child_of("destinations", "destination_id", nullable=False),
    Column("window_key", String(100), nullable=False),
    Column("state", String(20), nullable=False),
    Column("window_start", UTCDateTime, nullable=False),
    Column("window_end", UTCDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("message_ref", Text, nullable=True),
    Column("error", Text, nullable=True),
    Column("owner", String(100), nullable=True),
    _created_at(),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("destination_id", "window_key", name="uq_posts_destination_window"),
)

notices = Table(
    "notices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("destination_key", String(200), nullable=False),
    Column("notice_key", String(300), nullable=False),
    _created_at(),
    UniqueConstraint("destination_key", "notice_key", name="uq_notices_destination_notice"),
)

# Embedding vectors per article and model (optional grouping signal, issue 7). The
# content hash says which text the vector is of: an edited article is embedded again.
embeddings = Table(
    "embeddings",
    metadata,
    _child_of("entries", "entry_id", primary_key=True),
    Column("model", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("vector", LargeBinary, nullable=False),  # float32, little-endian
    _created_at(),
)

# A community's filters (bot/community/rules.py): keyword rules and muted sources, for a
# whole server (channel_id "") or one channel.
rules = Table(
    "rules",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scope", String(100), nullable=False),
    Column("channel_id", String(100), nullable=False, default=""),
    Column("kind", String(20), nullable=False),
    Column("value", String(200), nullable=False),
    _child_of("feeds", "feed_id", nullable=True),
    Column("created_by", String(200), nullable=True),
    _created_at(),
    UniqueConstraint("scope", "channel_id", "kind", "value", name="uq_rules_scope_channel_kind"),
    Index("ix_rules_scope", "scope"),
)

schedules = Table(
    "schedules",
    metadata,
    Column("id", Integer, primary_key=True),
    _child_of("destinations", "destination_id", nullable=False),
    Column("days", String(10), nullable=False),
    Column("post_time", String(5), nullable=False),
    Column("what", String(10), nullable=False),
    _created_at(),
    UniqueConstraint("destination_id", "days", "post_time", "what", name="uq_schedules_slot"),
)

pings = Table(
    "pings",
    metadata,
    _child_of("destinations", "destination_id", primary_key=True),
    Column("target", String(40), nullable=False),
    _created_at(),
)

# The `newsbot run` processes polling this database, each with when it last looked for due
# feeds: how many there are sets each one's fair share of the feeds (bot.feeds.share).
pollers = Table(
    "pollers",
    metadata,
    Column("owner", String(100), primary_key=True),
    Column("seen_at", UTCDateTime, nullable=False),
)
