"""initial schema"""

from bot.store.ddl import (
    boolean,
    create_table,
    created_at,
    drop_table,
    id_column,
    integer,
    number,
    string,
    text,
    timestamp,
)

revision = "0001"
down_revision = None

ENTRIES_INDEXES = {
    "ix_entries_canonical_url": ["canonical_url"],
    "ix_entries_content_hash": ["content_hash"],
    "ix_entries_published_at": ["published_at"],
}
FETCH_LOG_INDEXES = {"ix_fetch_log_feed_at": ["feed_id", "at"]}


def upgrade() -> None:
    create_table(
        "destinations",
        id_column(),
        string("platform", 20),
        string("channel_id", 100),
        string("scope", 100),
        string("post_time", 5),
        string("tz", 64),
        text("topic", null=True),
        boolean("enabled"),
        timestamp("last_window_end", null=True),
        string("created_by", 200, null=True),
        created_at(),
        unique={"uq_destinations_platform_channel": ["platform", "channel_id"]},
    )
    create_table(
        "feeds",
        id_column(),
        string("name", 200),
        text("url"),
        text("tags"),
        number("weight"),
        boolean("full_text", null=True),
        boolean("enabled"),
        string("scope", 100),
        string("added_by", 200, null=True),
        text("etag", null=True),
        text("last_modified", null=True),
        timestamp("last_success_at", null=True),
        text("last_error", null=True),
        string("last_error_kind", 50, null=True),
        timestamp("last_error_at", null=True),
        timestamp("failing_since", null=True),
        integer("consecutive_failures"),
        timestamp("next_poll_at", null=True),
        created_at(),
        unique={"uq_feeds_scope_name": ["scope", "name"], "uq_feeds_scope_url": ["scope", "url"]},
    )
    create_table(
        "notices",
        id_column(),
        string("destination_key", 200),
        string("notice_key", 300),
        created_at(),
        unique={"uq_notices_destination_notice": ["destination_key", "notice_key"]},
    )
    create_table(
        "summaries",
        string("key", 128),
        text("payload"),
        integer("tokens_in"),
        integer("tokens_out"),
        created_at(),
        key=["key"],
    )
    create_table(
        "entries",
        id_column(),
        integer("feed_id"),
        text("guid"),
        text("url"),
        text("canonical_url"),
        text("title"),
        text("author", null=True),
        timestamp("published_at"),
        timestamp("fetched_at"),
        text("text"),
        string("content_hash", 64),
        timestamp("first_seen_at"),
        timestamp("updated_at"),
        integer("revision"),
        parents={"feed_id": "feeds"},
        unique={
            "uq_entries_feed_canonical_url": ["feed_id", "canonical_url"],
            "uq_entries_feed_guid": ["feed_id", "guid"],
        },
        indexes=ENTRIES_INDEXES,
    )
    create_table(
        "fetch_log",
        id_column(),
        integer("feed_id"),
        timestamp("at"),
        string("status", 30),
        integer("http_status", null=True),
        number("duration_ms"),
        integer("new"),
        integer("updated"),
        text("error", null=True),
        parents={"feed_id": "feeds"},
        indexes=FETCH_LOG_INDEXES,
    )
    create_table(
        "posts",
        id_column(),
        integer("destination_id"),
        string("window_key", 100),
        string("state", 20),
        timestamp("window_start"),
        timestamp("window_end"),
        integer("attempts"),
        text("message_ref", null=True),
        text("error", null=True),
        string("owner", 100, null=True),
        created_at(),
        timestamp("updated_at"),
        parents={"destination_id": "destinations"},
        unique={"uq_posts_destination_window": ["destination_id", "window_key"]},
    )


def downgrade() -> None:
    drop_table("posts")
    drop_table("fetch_log", FETCH_LOG_INDEXES)
    drop_table("entries", ENTRIES_INDEXES)
    for table in ("summaries", "notices", "feeds", "destinations"):
        drop_table(table)
